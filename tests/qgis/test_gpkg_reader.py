"""Reading point tables in bulk: GDAL's Arrow stream and SQLite give the same frame and points."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from osgeo import ogr, osr

from scoran_qgis.core import gpkg


@pytest.fixture
def mixed_layer(tmp_path):
    """Texts with accents and NULLs, integers with and without NULLs, reals; points, a multipoint, no geometry."""
    path = tmp_path / "points.gpkg"
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    layer = source.CreateLayer("sites", srs, ogr.wkbUnknown)
    for name, kind in (("nom", ogr.OFTString), ("code", ogr.OFTString), ("etat", ogr.OFTString), ("n", ogr.OFTInteger),
                       ("m", ogr.OFTInteger), ("big", ogr.OFTInteger64), ("r", ogr.OFTReal)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    rows = [("Mâcon", "71270", "été", 1, 5, 10 ** 10, 0.5, "POINT (840000 6580000)"),
            (None, "21231", None, None, 6, 2, None, "POINT (850000.25 6690000.5)"),
            ("Dole", None, "THD30", 3, 7, None, 2.0, "MULTIPOINT ((830000 6670000),(1 1))"),
            ("sans lieu", "39198", "né", 4, 8, 4, 4.0, None),
            ("Besançon", "25056", "été", 5, 9, 5, 5.5, "POINT (880000 6700000)")]
    for nom, code, etat, n, m, big, r, wkt in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in (("nom", nom), ("code", code), ("etat", etat), ("n", n), ("m", m), ("big", big),
                            ("r", r)):
            if value is not None:
                feature.SetField(name, value)
        if wkt:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    source = None
    return path


def test_arrow_and_sqlite_reads_agree(mixed_layer):
    columns = ["nom", "code", "etat", "n", "m", "big", "r"]
    x, y, frame = gpkg.read_points(mixed_layer, "sites", columns)
    sx, sy, sql_frame = gpkg._read_points_sql(mixed_layer, "sites", columns, True)
    pd.testing.assert_frame_equal(frame, sql_frame)
    np.testing.assert_array_equal(x, sx)
    np.testing.assert_array_equal(y, sy)
    # independent expectations: the row without geometry is left out, the multipoint gives its first point
    assert frame["nom"].tolist() == ["Mâcon", None, "Dole", "Besançon"]
    assert frame["code"].tolist() == ["71270", "21231", None, "25056"]
    assert frame["etat"].tolist() == ["été", None, "THD30", "été"]  # short texts: read as codes, accents too
    assert frame["m"].dtype == np.int64 and frame["m"].tolist() == [5, 6, 7, 9]
    assert frame["n"].dtype == np.float64 and np.isnan(frame["n"].iloc[1])
    assert x.tolist() == [840000.0, 850000.25, 830000.0, 880000.0]
    assert y.tolist() == [6580000.0, 6690000.5, 6670000.0, 6700000.0]


def test_attributes_only(mixed_layer):
    x, y, frame = gpkg.read_points(mixed_layer, "sites", ["code"], with_geometry=False)
    assert x is None and y is None
    assert frame["code"].tolist() == ["71270", "21231", None, "25056"]


def test_a_missing_column_is_named(mixed_layer):
    """(SQLite alone would read the unknown name as a text constant on every row.)"""
    from scoran_qgis.core.errors import ScoranError

    with pytest.raises(ScoranError, match="absent"):
        gpkg.read_points(mixed_layer, "sites", ["code", "absent"])


def test_booleans_are_read_right(tmp_path):
    """GDAL 3.6's Arrow stream unpacks booleans wrongly: they must come out as written."""
    path = tmp_path / "flags.gpkg"
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = source.CreateLayer("flags", None, ogr.wkbPoint)
    definition = ogr.FieldDefn("flag", ogr.OFTInteger)
    definition.SetSubType(ogr.OFSTBoolean)
    layer.CreateField(definition)
    flags = [i % 7 == 0 for i in range(200)]
    for i, flag in enumerate(flags):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("flag", int(flag))
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({i} {i})"))
        layer.CreateFeature(feature)
    source = None
    _, _, frame = gpkg.read_points(path, "flags", ["flag"])
    assert frame["flag"].astype(bool).tolist() == flags


def test_points_without_columns_keep_one_row_each(mixed_layer):
    x, y, frame = gpkg.read_points(mixed_layer, "sites", [])
    assert len(frame) == len(x) == 4
