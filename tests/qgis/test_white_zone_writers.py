"""The white-zone grid layers: written in one batch to files, feature by feature elsewhere — the same zones."""

from __future__ import annotations

import pytest
from qgis.core import QgsVectorLayer

from tests.conftest import TERRITORY


@pytest.fixture(scope="module")
def premises(tiny_sources, provider, tmp_path_factory):
    from qgis import processing

    arcep = tiny_sources / "arcep"
    output = tmp_path_factory.mktemp("premises") / "locaux.gpkg"
    processing.run("scoran:importmci", {"BASE_IMB": sorted(str(p) for p in arcep.glob("base_imb_*")),
                                        "ELIGIBILITE": sorted(str(p) for p in arcep.glob("actuel_*")),
                                        "OUTPUT": str(output)})
    return output


def zones_of(layer) -> list:
    """Every zone: its attributes and its geometry (as WKT), by zone number."""
    names = layer.fields().names()
    return sorted(([f[n] for n in names if n != "fid"], f.geometry().asWkt(0), f.geometry().wkbType())
                  for f in layer.getFeatures())


def test_file_memory_and_shapefile_zones_are_the_same(premises, tmp_path):
    from qgis import processing

    def run(zones, zones_inel):
        return processing.run("scoran:whitezones", {
            "INPUT": str(premises), "AREAS": f"{TERRITORY}|layername=communes", "OUTPUT": "TEMPORARY_OUTPUT",
            "OUTPUT_ZONES": zones, "OUTPUT_ZONES_INEL": zones_inel})

    in_file = run(str(tmp_path / "zones.gpkg"), str(tmp_path / "inel.gpkg"))
    in_memory = run("memory:", "memory:")
    in_shapefile = run(str(tmp_path / "zones.shp"), str(tmp_path / "inel.shp"))
    for key, stem in (("OUTPUT_ZONES", "zones"), ("OUTPUT_ZONES_INEL", "inel")):
        written = QgsVectorLayer(in_file[key], stem, "ogr")
        memory = in_memory[key] if isinstance(in_memory[key], QgsVectorLayer) else QgsVectorLayer(in_memory[key])
        assert written.isValid() and memory.isValid()
        assert written.featureCount() > 10  # the tiny sample has zones of both kinds
        assert zones_of(written) == zones_of(memory)
        assert written.crs().authid() == memory.crs().authid() == "EPSG:3035"
        shapefile = QgsVectorLayer(in_shapefile[key], stem, "ogr")
        assert shapefile.featureCount() == written.featureCount()
        assert sorted(f.geometry().area() for f in shapefile.getFeatures()) == \
            sorted(f.geometry().area() for f in written.getFeatures())


def test_polygons_read_in_one_batch_are_the_features_in_order():
    """The Arrow batch read of the dissolved cells gives each feature's WKB, in feature id order."""
    import numpy as np
    from osgeo import gdal, ogr

    from scoran_qgis.core.whitezones import _polygons_wkb

    mask = (np.random.default_rng(5).random((120, 140)) < 0.35).astype(np.uint8)
    raster = gdal.GetDriverByName("MEM").Create("", 140, 120, 1, gdal.GDT_Byte)
    raster.SetGeoTransform((0, 200, 0, 24_000, 0, -200))
    raster.GetRasterBand(1).WriteArray(mask)
    memory = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = memory.CreateLayer("zones", None, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("value", ogr.OFTInteger))
    gdal.Polygonize(raster.GetRasterBand(1), raster.GetRasterBand(1), layer, 0, [])
    one_by_one = []
    for fid in range(layer.GetFeatureCount()):
        feature = layer.GetFeature(fid)  # kept alive while its geometry is read
        one_by_one.append(bytes(feature.GetGeometryRef().ExportToIsoWkb()))
    assert len(one_by_one) > 500
    assert _polygons_wkb(layer).tolist() == one_by_one
