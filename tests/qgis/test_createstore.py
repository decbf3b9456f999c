"""scoran:createstore through Processing, as the toolbox, models and batch mode call it."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsProcessingException,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from scoran_qgis.core.store import ScoranStore
from tests.conftest import TERRITORY


def run(parameters):
    from qgis import processing

    return processing.run("scoran:createstore", parameters)


def memory_communes(rows):
    """A WGS84 commune layer: (code as the source stores it, name, WKT)."""
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "communes", "memory")
    layer.dataProvider().addAttributes([QgsField("INSEE_COM", QVariant.String), QgsField("NOM", QVariant.String)])
    layer.updateFields()
    features = []
    for code, name, wkt in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([code, name])
        if wkt:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def square(lon, lat, size=0.05):
    return (f"MULTIPOLYGON((({lon} {lat},{lon + size} {lat},{lon + size} {lat + size},{lon} {lat + size},"
            f"{lon} {lat})))")


def test_creates_the_store_from_the_real_territory(provider, tmp_path):
    path = tmp_path / "scoran.gpkg"
    result = run({
        "COMMUNES": f"{TERRITORY}|layername=communes",
        "DEPARTEMENTS": f"{TERRITORY}|layername=departements",
        "EPCI": f"{TERRITORY}|layername=epci",
        "MILLESIME": "2015-S1",
        "STORE": str(path),
    })
    assert result["NB_COMMUNES"] == 3685
    store = ScoranStore.open(path)
    counts = {t: store.count(t) for t in ("communes", "departements", "epci", "regions")}
    assert counts == {"communes": 3685, "departements": 8, "epci": 116, "regions": 1}
    assert store.millesimes() == ["2015-S1"]
    source = QgsVectorLayer(f"{TERRITORY}|layername=communes", "c", "ogr")
    target = QgsVectorLayer(store.uri("communes"), "c", "ogr")
    area = sum(f.geometry().area() for f in source.getFeatures())
    assert sum(f.geometry().area() for f in target.getFeatures()) == pytest.approx(area, rel=1e-9)
    region = next(QgsVectorLayer(store.uri("regions"), "r", "ogr").getFeatures())
    assert region["nom"] == "Bourgogne-Franche-Comté"
    assert region.geometry().area() == pytest.approx(area, rel=1e-3)


def test_codes_are_normalised_and_bad_rows_counted(provider, tmp_path):
    layer = memory_communes([
        ("1001", "L'Abergement-Clémenciat", square(4.9, 46.1)),   # a code that lost its zero
        ("2a004", "Ajaccio", square(8.7, 41.9)),
        ("21231", "Dijon", square(5.0, 47.3)),
        ("21231", "Dijon (doublon)", square(5.0, 47.3)),
        ("999", "code invalide", square(3.0, 47.0)),
        ("21054", "sans géométrie", None),
    ])
    path = tmp_path / "scoran.gpkg"
    result = run({"COMMUNES": layer, "STORE": str(path)})
    assert result["NB_COMMUNES"] == 3
    store = ScoranStore.open(path)
    with store.connection() as conn:
        rows = conn.execute("SELECT insee_com, insee_dep FROM communes ORDER BY insee_com").fetchall()
        summary = conn.execute("SELECT resume FROM analyses WHERE algorithme = 'scoran:createstore'").fetchone()[0]
    assert rows == [("01001", "01"), ("21231", "21"), ("2A004", "2A")]
    assert "3 ligne(s) de communes écartée(s)" in summary
    # departments rebuilt from the communes, reprojected from WGS84 to Lambert-93
    assert store.count("departements") == 3
    dijon = next(QgsVectorLayer(store.uri("communes"), "c", "ogr").getFeatures("insee_com = '21231'"))
    assert 800000 < dijon.geometry().centroid().asPoint().x() < 900000


def test_bad_semester_is_refused_before_writing(provider, tmp_path):
    path = tmp_path / "scoran.gpkg"
    with pytest.raises(QgsProcessingException, match="Millésime invalide"):
        run({"COMMUNES": f"{TERRITORY}|layername=communes", "MILLESIME": "2015-S3", "STORE": str(path)})
    assert not path.exists()


def test_a_layer_without_any_valid_commune_is_refused(provider, tmp_path):
    path = tmp_path / "scoran.gpkg"
    with pytest.raises(QgsProcessingException, match="Aucune commune valide"):
        run({"COMMUNES": memory_communes([("abc", "x", square(5, 47))]), "STORE": str(path)})
    assert not path.exists()
