"""Golden tests of mobilewhitezones, written by hand.

Three town halls (Lambert-93): T1 at (800 000, 6 600 000), T2 exactly on the east edge of
operator A's 2G square, T3 far from everything, in a mountain commune. Operator A: 2G square
(700–810 km × 6 550–6 650 km) and 3G square around T1 (with a self-touching, invalid ring);
operator B: 2G only, in WGS84 (another CRS); operator C: 3G only (no 2G layer).
"""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant


def run(algorithm, parameters):
    from qgis import processing

    return processing.run(f"scoran:{algorithm}", parameters)


def coverage(operator, techno, wkt, crs="EPSG:2154", level="BC"):
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs}", f"{operator}_{techno}", "memory")
    layer.dataProvider().addAttributes([QgsField(n, QVariant.String)
                                        for n in ("operateur", "operateur_commercial", "techno", "niveau", "dept")])
    layer.updateFields()
    feature = QgsFeature(layer.fields())
    feature.setAttributes(["208xx", operator, techno, level, "21"])
    feature.setGeometry(QgsGeometry.fromWkt(wkt))
    layer.dataProvider().addFeatures([feature])
    return layer


def wgs84(wkt):
    geometry = QgsGeometry.fromWkt(wkt)
    geometry.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:2154"),
                                              QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance()))
    return geometry.asWkt()


def layers():
    a_2g = coverage("Orange", "2G", "MULTIPOLYGON(((700000 6550000,810000 6550000,810000 6650000,700000 6650000,"
                                     "700000 6550000)))")
    a_3g = coverage("Orange", "3G", "MULTIPOLYGON(((799000 6599000,801000 6599000,801000 6601000,799000 6601000,"
                                     "799000 6599000,798000 6598000,798500 6598000,799000 6599000)))")
    b_2g = coverage("SFR", "2G", wgs84("MULTIPOLYGON(((795000 6595000,805000 6595000,805000 6605000,"
                                       "795000 6605000,795000 6595000)))"), crs="EPSG:4326")
    b_limited = coverage("SFR", "3G", "MULTIPOLYGON(((700000 6550000,900000 6550000,900000 6700000,700000 6700000,"
                                      "700000 6550000)))", level="CL")  # limited coverage does not count
    c_3g = coverage("Free", "3G", "MULTIPOLYGON(((799500 6599500,800500 6599500,800500 6600500,799500 6600500,"
                                   "799500 6599500)))")
    return [a_2g, a_3g, b_2g, b_limited, c_3g]


def town_halls():
    layer = QgsVectorLayer("Point?crs=EPSG:2154", "centres", "memory")
    layer.dataProvider().addAttributes([QgsField("insee_com", QVariant.String), QgsField("nom", QVariant.String),
                                        QgsField("montagne", QVariant.Int), QgsField("statut_site", QVariant.String)])
    layer.updateFields()
    features = []
    for code, name, x, y, mountain, status in (("21001", "T1", 800_000, 6_600_000, 0, None),
                                               ("21002", "T2", 810_000, 6_620_000, 0, "recherche_site"),
                                               ("39001", "T3", 900_000, 6_500_000, 1, "pylone_construit")):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([code, name, mountain, status])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def by_name(path):
    return {f["nom"]: f for f in QgsVectorLayer(str(path)).getFeatures()}


@pytest.fixture(scope="module")
def result(provider, tmp_path_factory):
    folder = tmp_path_factory.mktemp("mobile")
    run("mobilewhitezones", {"INPUT": town_halls(), "COVERAGE": layers(), "OUTPUT": str(folder / "cb.gpkg"),
                             "OUTPUT_SUMMARY": str(folder / "estimatif.csv")})
    return folder


def test_coverage_per_operator_and_status(result):
    rows = by_name(result / "cb.gpkg")
    t1, t2, t3 = rows["T1"], rows["T2"], rows["T3"]
    assert (t1["couv_2g_orange"], t1["couv_3g_orange"], t1["couv_2g_sfr"], t1["couv_3g_sfr"]) == (True, True, True,
                                                                                                   False)
    assert (t1["couv_2g_free"], t1["couv_3g_free"]) == (False, True)  # Free has no 2G layer
    assert t1["statut"] == "partiellement_couvert"  # 3G: Orange and Free, not SFR (limited only)
    assert t2["couv_2g_orange"] and not t2["couv_3g_orange"]  # exactly on the edge: covered
    assert t2["statut"] == "zone_blanche_3g"
    assert t3["statut"] == "zone_blanche_2g"
    assert t1["part_2g_orange"] == 100.0 and t3["part_2g_orange"] == 0.0
    assert t2["part_2g_orange"] == pytest.approx(50, abs=4)  # half of the disc inside the square
    assert t1["part_3g_free"] == pytest.approx(100, abs=1)  # measured on a grid of radius/10
    assert (t1["nb_operateurs_2g"], t1["nb_operateurs_3g"]) == (2, 2)


def test_costs_and_estimate(result):
    rows = by_name(result / "cb.gpkg")
    assert (rows["T1"]["nb_sites"], rows["T1"]["cout_estime"]) == (0, 0)
    assert (rows["T2"]["nb_sites"], rows["T2"]["subvention_etat"], rows["T2"]["reste_collectivites"]) == (
        1, 100_000, 40_000)
    assert rows["T3"]["subvention_etat"] == 130_000  # mountain commune
    summary = {(f["niveau"], f["code"]): f for f in QgsVectorLayer(str(result / "estimatif.csv")).getFeatures()}
    total = summary[("territoire", "Ensemble")]
    assert int(total["nb_centres"]) == 3 and int(total["nb_sites"]) == 2
    assert float(total["cout_estime"]) == 280_000 and float(total["subvention_etat"]) == 230_000
    assert int(summary[("département", "39")]["zone_blanche_2g"]) == 1


def test_officer_fields_survive_a_rerun(provider, result, tmp_path):
    first = QgsVectorLayer(str(result / "cb.gpkg"), "previous", "ogr")
    run("mobilewhitezones", {"INPUT": first, "COVERAGE": layers(), "OUTPUT": str(tmp_path / "again.gpkg"),
                             "OUTPUT_SUMMARY": "TEMPORARY_OUTPUT"})
    again = QgsVectorLayer(str(tmp_path / "again.gpkg"))
    names = again.fields().names()
    assert names.count("statut") == 1 and names.count("couv_2g_orange") == 1
    rows = {f["nom"]: f for f in again.getFeatures()}
    assert rows["T3"]["statut_site"] == "pylone_construit" and rows["T2"]["statut_site"] == "recherche_site"
    assert rows["T2"]["statut"] == "zone_blanche_3g"


def test_bad_input(provider, tmp_path):
    with pytest.raises(QgsProcessingException, match="Niveau minimal inconnu"):
        run("mobilewhitezones", {"INPUT": town_halls(), "COVERAGE": layers(), "MIN_LEVEL": "EXCELLENT",
                                 "OUTPUT": str(tmp_path / "x.gpkg"), "OUTPUT_SUMMARY": "TEMPORARY_OUTPUT"})
    no_level = QgsVectorLayer("MultiPolygon?crs=EPSG:2154&field=operateur:string&field=techno:string", "x", "memory")
    with pytest.raises(QgsProcessingException, match="niveau"):
        run("mobilewhitezones", {"INPUT": town_halls(), "COVERAGE": [no_level], "OUTPUT": str(tmp_path / "x.gpkg"),
                                 "OUTPUT_SUMMARY": "TEMPORARY_OUTPUT"})
    assert not (tmp_path / "x.gpkg").exists()


def test_4g_demand(provider, tmp_path):
    """Only Orange has 4G, in a 2 km square around T1: T2 and T3 are outside."""
    four_g = coverage("Orange", "4G", "MULTIPOLYGON(((799000 6599000,801000 6599000,801000 6601000,799000 6601000,"
                                      "799000 6599000)))")
    run("mobiledemand", {"INPUT": town_halls(), "COVERAGE": [four_g] + layers(), "OUTPUT": str(tmp_path / "d.gpkg"),
                         "OUTPUT_COMMUNES": str(tmp_path / "d.csv")})
    rows = by_name(tmp_path / "d.gpkg")
    assert sorted(rows) == ["T2", "T3"]
    # T2 (810 000, 6 620 000) to the square's corner (801 000, 6 601 000)
    assert rows["T2"]["distance_4g_m"] == pytest.approx(((9_000 ** 2) + (19_000 ** 2)) ** 0.5, abs=1)
    table = {f["insee_com"]: f for f in QgsVectorLayer(str(tmp_path / "d.csv")).getFeatures()}
    assert sorted(table) == ["21002", "39001"] and int(table["39001"]["nb_points_sans_4g"]) == 1
