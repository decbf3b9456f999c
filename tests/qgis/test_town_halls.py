"""Town halls where they are (issue 11, item 9): the shipped territory puts every town hall inside
its commune, and createstore / mobilewhitezones count the town halls outside their commune in the
user's own data (naming the first INSEE codes)."""

from __future__ import annotations

from osgeo import ogr
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from scoran_qgis.core.store import ScoranStore
from scoran_qgis.core.territory import check_town_halls
from tests.conftest import TERRITORY
from tests.qgis.recorder import Recorder


def run(algorithm, parameters):
    from qgis import processing

    feedback = Recorder()
    processing.run(f"scoran:{algorithm}", parameters, feedback=feedback)
    return feedback.warnings


def outside_warnings(warnings):
    return [w for w in warnings if "hors de leur commune" in w]


def test_the_shipped_territory_has_every_town_hall_in_its_commune():
    dataset = ogr.Open(str(TERRITORY))
    communes = {f["insee_com"]: f.GetGeometryRef().ExportToIsoWkb() for f in dataset.GetLayerByName("communes")}
    codes, xs, ys, placed = [], [], [], 0
    for feature in dataset.GetLayerByName("mairies"):
        x, y = feature.GetGeometryRef().GetPoint_2D()
        codes.append(feature["insee_com"])
        xs.append(x)
        ys.append(y)
        placed += feature["localisation"] == "point_dans_commune"
    check = check_town_halls(codes, xs, ys, communes)
    assert len(codes) == 3677 and check.checked == 3677 and check.unchecked == 0
    assert check.count == 0, check.codes[:10]
    assert placed == 182  # the source's geocodes outside their commune, replaced by a point inside


def squares():
    """Two neighbouring communes (Lambert-93), 10 km wide: 21001 west, 21002 east."""
    return {"21001": "MULTIPOLYGON(((800000 6700000,810000 6700000,810000 6710000,800000 6710000,800000 6700000)))",
            "21002": "MULTIPOLYGON(((810000 6700000,820000 6700000,820000 6710000,810000 6710000,810000 6700000)))"}


def commune_layer():
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:2154", "communes", "memory")
    layer.dataProvider().addAttributes([QgsField("insee_com", QVariant.String), QgsField("nom", QVariant.String)])
    layer.updateFields()
    features = []
    for code, wkt in squares().items():
        feature = QgsFeature(layer.fields())
        feature.setAttributes([code, code])
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


# 21001's town hall in 21001; a 21002 town hall 5 km west of its commune (in 21001); another 21002
# town hall exactly on the border shared with 21001 (found in 21001 first): on its border counts as inside.
TOWN_HALLS = [("21001", 805_000, 6_705_000), ("21002", 805_000, 6_706_000), ("21002", 810_000, 6_702_000)]


def centres_layer():
    layer = QgsVectorLayer("Point?crs=EPSG:2154", "centres", "memory")
    layer.dataProvider().addAttributes([QgsField("insee_com", QVariant.String), QgsField("nom", QVariant.String)])
    layer.updateFields()
    features = []
    for index, (code, x, y) in enumerate(TOWN_HALLS):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([code, f"centre {index}"])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_core_check_counts_and_measures():
    communes = {code: ogr.CreateGeometryFromWkt(wkt).ExportToIsoWkb() for code, wkt in squares().items()}
    codes, xs, ys = zip(*TOWN_HALLS)
    check = check_town_halls(list(codes) + ["21999", None], list(xs) + [0, 0], list(ys) + [0, 0], communes)
    assert (check.count, check.codes, check.distances, check.checked, check.unchecked) == (1, ["21002"], [5000.0],
                                                                                           3, 2)
    assert "1 mairie(s) hors de leur commune" in check.warning() and "21002" in check.warning()


FAR_AWAY = "MULTIPOLYGON(((700000 6550000,710000 6550000,710000 6560000,700000 6560000,700000 6550000)))"


def test_mobilewhitezones_warns_with_the_count(provider, tmp_path):
    from tests.qgis.test_mobile import coverage

    parameters = {"INPUT": centres_layer(), "COVERAGE": [coverage("Orange", "2G", FAR_AWAY)],
                  "OUTPUT": str(tmp_path / "cb.gpkg"), "OUTPUT_SUMMARY": "TEMPORARY_OUTPUT"}
    assert outside_warnings(run("mobilewhitezones", parameters)) == []  # no COMMUNES: no check
    warnings = outside_warnings(run("mobilewhitezones", {**parameters, "COMMUNES": commune_layer(),
                                                         "OUTPUT": str(tmp_path / "cb2.gpkg")}))
    assert len(warnings) == 1
    assert "1 mairie(s) hors de leur commune" in warnings[0] and "21002" in warnings[0]
    assert "5,0 km" in warnings[0]


def test_createstore_warns_about_the_stores_centres_bourgs(provider, tmp_path):
    path = tmp_path / "scoran.gpkg"
    communes = commune_layer()
    assert outside_warnings(run("createstore", {"COMMUNES": communes, "STORE": str(path)})) == []
    store = ScoranStore.open(path)
    with store.transaction() as conn:
        rows = []
        for index, (code, x, y) in enumerate(TOWN_HALLS[:2]):
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(x, y)
            rows.append({"insee_com": code, "nom": f"centre {index}", "geom": point.ExportToIsoWkb()})
        store.insert(conn, "centres_bourgs", rows)
    warnings = outside_warnings(run("createstore", {"COMMUNES": communes, "STORE": str(path)}))
    assert len(warnings) == 1
    assert "1 mairie(s) hors de leur commune" in warnings[0] and "21002" in warnings[0]


def test_the_shipped_layer_says_where_each_town_hall_comes_from():
    source = QgsVectorLayer(f"{TERRITORY}|layername=mairies", "mairies", "ogr")
    assert {"localisation", "ecart_geocodage_m"} <= set(source.fields().names())
    gaps = [f["ecart_geocodage_m"] for f in source.getFeatures() if f["localisation"] == "point_dans_commune"]
    assert len(gaps) == 182 and max(gaps) > 390_000  # Saint-Prix (71472), geocoded 396 km away
