"""The sample project: every layer valid and styled; the store filled as the generator wrote."""

from __future__ import annotations

import pandas as pd
from qgis.core import QgsCategorizedSymbolRenderer, QgsProject, QgsVectorLayer

from tests.conftest import TERRITORY


def test_project_opens_with_every_layer_valid_and_styled(sample_build):
    _, project_path = sample_build
    project = QgsProject.instance()
    project.clear()
    assert project.read(str(project_path))
    layers = list(project.mapLayers().values())
    assert len(layers) >= 20
    assert [layer.name() for layer in layers if not layer.isValid()] == []
    by_name = {layer.name(): layer for layer in layers}
    assert by_name["Communes"].featureCount() == 3685
    assert by_name["Communes"].renderer().symbol().color().name() == "#f7f4ec"
    assert by_name["Départements"].labelsEnabled()
    coverage = [layer for layer in layers if layer.name().startswith("mrm_")]
    assert len(coverage) == 12
    for layer in coverage:
        assert isinstance(layer.renderer(), QgsCategorizedSymbolRenderer)
        assert {c.value() for c in layer.renderer().categories()} == {"TBC", "BC", "CL"}
    bpe = by_name["Équipements (BPE)"]
    assert bpe.crs().authid() == "EPSG:2154" and bpe.featureCount() > 1000
    # BPE codes stay text (no type detection): a commune code is never turned into a number
    assert all(isinstance(f["DEPCOM"], str) and len(f["DEPCOM"]) == 5 for f in bpe.getFeatures())
    project.clear()


def test_store_holds_the_plans_and_register(sample_build, tiny_sources):
    store, _ = sample_build
    read = lambda *p: pd.read_csv(tiny_sources.joinpath(*p), sep=";", dtype=str)  # noqa: E731
    assert store.millesimes() == ["2015-S1"]
    assert store.count("rip_projets") == 8
    assert store.count("amii_communes") == len(read("plans", "amii_communes.csv"))
    assert store.count("centres_bourgs") == len(read("plans", "centres_bourgs.csv"))
    assert store.count("projets") == len(read("usages", "projets.csv"))
    assert store.count("jalons") == len(read("usages", "jalons.csv"))


def test_one_rip_is_smaller_than_its_department(sample_build):
    """The scale check of later issues needs a RIP that does not cover its department."""
    store, _ = sample_build
    departements = {f["insee_dep"]: f.geometry().area()
                    for f in QgsVectorLayer(f"{TERRITORY}|layername=departements", "d", "ogr").getFeatures()}
    amii_area = {}
    communes = QgsVectorLayer(store.uri("communes"), "c", "ogr")
    with store.connection() as conn:
        amii = {row[0] for row in conn.execute("SELECT insee_com FROM amii_communes")}
    for feature in communes.getFeatures():
        if feature["insee_com"] in amii:
            amii_area[feature["insee_dep"]] = amii_area.get(feature["insee_dep"], 0) + feature.geometry().area()
    shares = {}
    for feature in QgsVectorLayer(store.uri("rip_projets"), "r", "ogr").getFeatures():
        dep = feature["departements"]
        shares[dep] = feature.geometry().area() / (departements[dep] - amii_area.get(dep, 0))
    small = [dep for dep, share in shares.items() if share < 0.5]
    assert small == ["39"]
    assert all(share > 0.99 for dep, share in shares.items() if dep != "39")
