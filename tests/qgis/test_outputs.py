"""The algorithm I/O kit on the paths that succeed: layers added to an existing GeoPackage, odd names,
outputs kept when a run fails, coordinates in degrees, the public contract's parameters only."""

from __future__ import annotations

import hashlib
import math
import sqlite3

import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException, QgsVectorLayer

from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "data" / "golden"
BASES = [str(GOLDEN / "base_imb_01.csv"), str(GOLDEN / "base_imb_2A.csv")]
ELIGIBILITY = [str(GOLDEN / "actuel_01.csv"), str(GOLDEN / "actuel_2A.csv")]


def run(algorithm, parameters):
    from qgis import processing

    return processing.run(f"scoran:{algorithm}", parameters)


def tables(path) -> set:
    with sqlite3.connect(path) as conn:
        return {row[0] for row in conn.execute("SELECT table_name FROM gpkg_contents")}


def classes(uri) -> dict:
    layer = QgsVectorLayer(str(uri), "l", "ogr")
    assert layer.isValid(), uri
    return {f["imb_id"]: f["classe"] for f in layer.getFeatures()}


@pytest.fixture(scope="module")
def golden_premises(provider, tmp_path_factory):
    path = tmp_path_factory.mktemp("premises") / "locaux.gpkg"
    run("importmci", {"BASE_IMB": BASES, "ELIGIBILITE": ELIGIBILITY, "OUTPUT": str(path)})
    return path


@pytest.fixture()
def other_gpkg(tmp_path):
    """A GeoPackage that already holds an officer's table."""
    path = tmp_path / "travail.gpkg"
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = source.CreateLayer("notes", None, ogr.wkbNone)
    layer.CreateField(ogr.FieldDefn("texte", ogr.OFTString))
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("texte", "à garder")
    layer.CreateFeature(feature)
    source = None
    return path


@pytest.mark.parametrize("form", ["layername", "ogr_uri", "whole_file"])
def test_output_into_an_existing_geopackage_keeps_its_other_tables(provider, golden_premises, other_gpkg, form):
    destination = {"layername": f"{other_gpkg}|layername=locaux",
                   "ogr_uri": f"ogr:dbname='{other_gpkg}' table=\"locaux\" (geom)",
                   "whole_file": str(other_gpkg)}[form]
    layer = "locaux" if form != "whole_file" else "travail"
    for _ in range(2):  # the second run replaces the layer, nothing else
        run("importmci", {"BASE_IMB": BASES, "ELIGIBILITE": ELIGIBILITY, "OUTPUT": destination})
        assert tables(other_gpkg) == {"notes", layer}
        assert classes(f"{other_gpkg}|layername={layer}") == classes(golden_premises)
    notes = QgsVectorLayer(f"{other_gpkg}|layername=notes", "n", "ogr")
    assert [f["texte"] for f in notes.getFeatures()] == ["à garder"]
    assert not [p for p in other_gpkg.parent.iterdir() if p.name.startswith(".scoran-partiel")]


def test_sink_output_into_an_existing_geopackage(provider, golden_premises, other_gpkg, tmp_path):
    communes = tmp_path / "communes.gpkg"
    run("createstore", {"COMMUNES": f"{ROOT / 'sample_project/data/territory_bfc.gpkg'}|layername=communes",
                        "STORE": str(communes)})
    run("whitezones", {"INPUT": str(golden_premises), "AREAS": f"{communes}|layername=communes",
                       "OUTPUT": f"{other_gpkg}|layername=zones", "OUTPUT_ZONES": f"{other_gpkg}|layername=carreaux"})
    assert tables(other_gpkg) == {"notes", "zones", "carreaux"}


def test_quotes_and_spaces_in_an_output_name(provider, golden_premises, tmp_path):
    path = tmp_path / 'locaux "2015" d\'essai.gpkg'
    run("importmci", {"BASE_IMB": BASES, "ELIGIBILITE": ELIGIBILITY, "OUTPUT": str(path)})
    assert classes(path) == classes(golden_premises)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_failed_run_keeps_the_previous_outputs(provider, golden_premises, tmp_path):
    """A run whose summary cannot be written leaves the last good outputs as they were."""
    communes = f"{ROOT / 'sample_project/data/territory_bfc.gpkg'}|layername=communes"
    good = {"INPUT": str(golden_premises), "AREAS": communes, "OUTPUT": str(tmp_path / "zb.gpkg"),
            "OUTPUT_ZONES": str(tmp_path / "carreaux.gpkg"), "OUTPUT_SUMMARY": str(tmp_path / "inventaire.csv")}
    run("whitezones", good)
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp_path.iterdir()}
    blocker = tmp_path / "inventaire.csv" / "x.csv"  # a folder that is a file
    with pytest.raises(QgsProcessingException):
        run("whitezones", {**good, "THRESHOLD": "BHD8", "OUTPUT_SUMMARY": str(blocker)})
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp_path.iterdir()} == before


def test_coordinates_in_degrees_are_converted(provider, golden_premises, tmp_path):
    """Some files give longitude/latitude: converted (and counted), the premises land where they should."""
    from osgeo import osr

    mercator, wgs84 = osr.SpatialReference(), osr.SpatialReference()
    mercator.ImportFromEPSG(3857)
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_degrees = osr.CoordinateTransformation(mercator, wgs84)
    lines = (GOLDEN / "base_imb_01.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(";")
    ix, iy = header.index("imb_longitude"), header.index("imb_latitude")
    rows = [lines[0]]
    for line in lines[1:]:
        cells = line.split(";")
        if cells[ix] and cells[iy]:
            lon, lat, _ = to_degrees.TransformPoint(float(cells[ix]), float(cells[iy]))
            cells[ix], cells[iy] = f"{lon:.8f}", f"{lat:.8f}"
        rows.append(";".join(cells))
    degrees = tmp_path / "base_imb_01.csv"
    degrees.write_text("\n".join(rows) + "\n", encoding="utf-8")
    from qgis import processing

    from tests.qgis.recorder import Recorder

    feedback = Recorder()
    processing.run("scoran:importmci", {"BASE_IMB": [str(degrees), BASES[1]], "ELIGIBILITE": ELIGIBILITY,
                                        "OUTPUT": str(tmp_path / "locaux.gpkg")}, feedback=feedback)
    assert any("en degrés" in m for m in feedback.warnings), feedback.warnings
    expected = {f["imb_id"]: f.geometry().asPoint() for f in QgsVectorLayer(str(golden_premises)).getFeatures()}
    got = {f["imb_id"]: f.geometry().asPoint() for f in QgsVectorLayer(str(tmp_path / "locaux.gpkg")).getFeatures()}
    assert got.keys() == expected.keys()
    for key, point in expected.items():
        assert math.dist((point.x(), point.y()), (got[key].x(), got[key].y())) < 0.01, key


def test_contract_parameters_only(provider, golden_premises, tmp_path):
    """A model or a qgis_process call written against the public contract runs unchanged."""
    communes = f"{ROOT / 'sample_project/data/territory_bfc.gpkg'}|layername=communes"
    result = run("whitezones", {"INPUT": str(golden_premises), "AREAS": communes, "AREA_KEY": "insee_com",
                                "THRESHOLD": "HD3", "SHARE": 50, "OUTPUT": str(tmp_path / "zb.gpkg"),
                                "OUTPUT_ZONES": str(tmp_path / "carreaux.gpkg")})
    assert QgsVectorLayer(result["OUTPUT"]).featureCount() > 0
    assert "OUTPUT_SUMMARY" not in result or not result["OUTPUT_SUMMARY"]
    sites = tmp_path / "sites.gpkg"
    layer = QgsVectorLayer(str(golden_premises))
    point = next(layer.getFeatures()).geometry().asWkt()
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(sites))
    out = source.CreateLayer("sites", layer_srs(2154), ogr.wkbPoint)
    out.CreateField(ogr.FieldDefn("nom", ogr.OFTString))
    feature = ogr.Feature(out.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt(point))
    feature.SetField("nom", "École")
    out.CreateFeature(feature)
    source = None
    result = run("prioritysites", {"INPUT": str(golden_premises), "SITES": str(sites), "MAX_DISTANCE": 100,
                                   "OUTPUT": str(tmp_path / "sites_prioritaires.gpkg")})
    site = next(QgsVectorLayer(result["OUTPUT"]).getFeatures())
    assert site["nom"] == "École" and site["classe"] is not None
    result = run("importmci", {"BASE_IMB": BASES, "ELIGIBILITE": ELIGIBILITY, "TECHNOLOGIES": "CU,COAX,FO",
                               "OUTPUT": str(tmp_path / "locaux.gpkg")})
    assert classes(result["OUTPUT"]) == classes(golden_premises)


def layer_srs(epsg):
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs


COMMUNES = f"{ROOT / 'sample_project/data/territory_bfc.gpkg'}|layername=communes"


def test_table_output_as_shapefile_and_chart_without_extension(provider, golden_premises, tmp_path):
    """A geometryless table asked as .shp is a .dbf (as QGIS writes it); a path without extension gets one."""
    result = run("whitezones", {"INPUT": str(golden_premises), "AREAS": COMMUNES, "OUTPUT": str(tmp_path / "zb.gpkg"),
                                "OUTPUT_ZONES": str(tmp_path / "c.gpkg"),
                                "OUTPUT_SUMMARY": str(tmp_path / "inventaire.shp")})
    assert (tmp_path / "inventaire.dbf").is_file(), sorted(p.name for p in tmp_path.iterdir())
    assert QgsVectorLayer(str(tmp_path / "inventaire.dbf")).featureCount() > 0
    assert result["OUTPUT_SUMMARY"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".scoran-partiel")]


def test_replacing_a_shapefile_leaves_no_stale_sidecar(provider, golden_premises, tmp_path):
    (tmp_path / "locaux.qix").write_bytes(b"index of an older file")
    run("importmci", {"BASE_IMB": BASES, "ELIGIBILITE": ELIGIBILITY, "OUTPUT": str(tmp_path / "locaux.shp")})
    assert not (tmp_path / "locaux.qix").exists()
    assert classes(tmp_path / "locaux.shp") == classes(golden_premises)


def test_a_failure_while_committing_puts_everything_back(provider, golden_premises, tmp_path):
    """The last output cannot be moved in (a folder has its name): the outputs moved before are undone."""
    good = {"INPUT": str(golden_premises), "AREAS": COMMUNES, "OUTPUT": str(tmp_path / "zb.gpkg"),
            "OUTPUT_ZONES": str(tmp_path / "carreaux.gpkg"), "OUTPUT_SUMMARY": str(tmp_path / "inventaire.csv")}
    run("whitezones", good)
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp_path.iterdir()}
    (tmp_path / "inv.dbf").mkdir()  # the table asked as inv.shp is written as inv.dbf
    with pytest.raises(QgsProcessingException, match="un dossier porte ce nom"):
        run("whitezones", {**good, "THRESHOLD": "BHD8", "OUTPUT_SUMMARY": str(tmp_path / "inv.shp")})
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp_path.iterdir() if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == ["inv.dbf"]


def test_multipoints_and_other_geometry_column_names(provider, golden_premises, tmp_path):
    """A premises layer of MultiPoints, or whose geometry column is `geometry` (GeoPandas), reads the same."""
    from osgeo import gdal

    reference = tmp_path / "ref"
    reference.mkdir()
    run("whitezones", {"INPUT": str(golden_premises), "AREAS": COMMUNES, "OUTPUT": str(reference / "zb.gpkg"),
                       "OUTPUT_ZONES": "TEMPORARY_OUTPUT"})
    expected = {f["insee_com"]: f["nb_sous_seuil"] for f in QgsVectorLayer(str(reference / "zb.gpkg")).getFeatures()}
    for name, options in (("multi", ["-nlt", "MULTIPOINT"]), ("geometry", ["-lco", "GEOMETRY_NAME=geometry"])):
        path = tmp_path / f"{name}.gpkg"
        gdal.VectorTranslate(str(path), str(golden_premises), options=options)
        run("whitezones", {"INPUT": str(path), "AREAS": COMMUNES, "OUTPUT": str(tmp_path / f"zb_{name}.gpkg"),
                           "OUTPUT_ZONES": "TEMPORARY_OUTPUT"})
        got = {f["insee_com"]: f["nb_sous_seuil"] for f in QgsVectorLayer(str(tmp_path / f"zb_{name}.gpkg"))
               .getFeatures()}
        assert got == expected, name


def test_cancel_before_the_commit_leaves_the_store_untouched(provider, tiny_sources, sample_build, tmp_path):
    """The millésime is saved with the outputs: a cancel once everything is computed writes nothing."""
    from qgis import processing
    from qgis.core import QgsProcessingFeedback

    store, _ = sample_build
    copy = tmp_path / "scoran.gpkg"
    copy.write_bytes(store.path.read_bytes())
    arcep = tiny_sources / "arcep"
    run("importmci", {"BASE_IMB": [str(p) for p in sorted(arcep.glob("base_imb_*"))],
                      "ELIGIBILITE": [str(p) for p in sorted(arcep.glob("actuel_*"))],
                      "OUTPUT": str(tmp_path / "locaux.gpkg")})
    digest = hashlib.sha256(copy.read_bytes()).hexdigest()

    class CancelOnSave(QgsProcessingFeedback):
        def pushInfo(self, message):  # noqa: N802
            super().pushInfo(message)
            if "enregistré" in message:
                self.cancel()

    plans = {key: f"{copy}|layername={table}" for key, table in (
        ("RIP_PROJECTS", "rip_projets"), ("RIP_PHASES", "rip_phases"), ("AMII", "amii_communes"))}
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(QgsProcessingException, match="annulé"):
        processing.run("scoran:thdcoverage", {
            "INPUT": str(tmp_path / "locaux.gpkg"), **plans, "STORE": str(copy), "MILLESIME": "2016-S1",
            "OUTPUT": str(out / "couverture.gpkg"), "OUTPUT_SUMMARY": str(out / "c.csv"),
            "OUTPUT_CHECKS": str(out / "k.csv")}, feedback=CancelOnSave())
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == digest
    assert list(out.iterdir()) == []
