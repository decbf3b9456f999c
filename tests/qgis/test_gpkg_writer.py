"""The bulk GeoPackage point writer: valid file, valid R-tree, same answers as a full scan."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest
from qgis.core import QgsFeatureRequest, QgsRectangle, QgsVectorLayer

from scoran_qgis.core import gpkg


@pytest.mark.parametrize("count", [0, 1, 47, 48, 49, 2305, 120_000])
def test_packed_rtree_is_valid_and_answers_like_a_scan(tmp_path, count):
    rng = np.random.default_rng(count)
    x, y = rng.uniform(700_000, 1_000_000, count), rng.uniform(6_500_000, 6_800_000, count)
    labels = np.array([f"p{i}" for i in range(count)], dtype=object)
    path = tmp_path / "points.gpkg"
    gpkg.write_points(path, "points", {"label": ("TEXT", labels), "n": ("INTEGER", np.arange(count))}, x, y, 2154)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT rtreecheck('rtree_points_geom')").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM rtree_points_geom").fetchone()[0] == count
    layer = QgsVectorLayer(str(path), "points", "ogr")
    assert layer.isValid() and layer.featureCount() == count
    if count == 0:
        return
    box = QgsRectangle(800_000, 6_600_000, 860_000, 6_660_000)
    indexed = sorted(f["label"] for f in layer.getFeatures(QgsFeatureRequest().setFilterRect(box)))
    inside = (x >= 800_000) & (x <= 860_000) & (y >= 6_600_000) & (y <= 6_660_000)
    assert indexed == sorted(labels[inside])
    point = next(f for f in layer.getFeatures() if f["label"] == "p0").geometry().asPoint()
    assert (point.x(), point.y()) == (x[0], y[0])  # coordinates kept exactly (rows are reordered)
    # the index keeps working after an edit in QGIS (triggers installed)
    layer.startEditing()
    first = next(layer.getFeatures())
    layer.deleteFeature(first.id())
    assert layer.commitChanges()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT rtreecheck('rtree_points_geom')").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM rtree_points_geom").fetchone()[0] == count - 1


@pytest.mark.parametrize("count", [0, 1, 49, 3000])
def test_polygon_writer_gives_what_gdal_gives(tmp_path, count):
    """Squares and multi-squares written in one batch: the blobs GDAL writes, a valid R-tree, QGIS reads them."""
    from osgeo import ogr

    rng = np.random.default_rng(count)
    minx, miny = rng.integers(0, 5000, count) * 200.0, rng.integers(0, 5000, count) * 200.0
    wkbs, boxes = [], ([], [], [], [])
    for i, (left, bottom) in enumerate(zip(minx, miny)):
        parts = 2 if i % 3 == 0 else 1  # a MultiPolygon of two squares, or a Polygon
        geometry = ogr.Geometry(ogr.wkbMultiPolygon if parts == 2 else ogr.wkbPolygon)
        for part in range(parts):
            ring = ogr.Geometry(ogr.wkbLinearRing)
            x0 = left + part * 400
            for px, py in ((x0, bottom), (x0, bottom + 200), (x0 + 200, bottom + 200), (x0 + 200, bottom),
                           (x0, bottom)):
                ring.AddPoint_2D(px, py)
            polygon = ogr.Geometry(ogr.wkbPolygon)
            polygon.AddGeometry(ring)
            if parts == 2:
                geometry.AddGeometry(polygon)
            else:
                geometry = polygon
        wkbs.append(bytes(geometry.ExportToIsoWkb()))
        for values, value in zip(boxes, geometry.GetEnvelope()):  # (minx, maxx, miny, maxy)
            values.append(value)
    path = tmp_path / "zones.gpkg"
    gpkg.write_polygons(path, "zones", {"n": ("MEDIUMINT", np.arange(count))}, wkbs, tuple(np.array(b) for b in boxes),
                        3035)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT rtreecheck('rtree_zones_geom')").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        blobs = [row[0] for row in conn.execute("SELECT geom FROM zones ORDER BY fid")]
    # GDAL's own writer, for the same geometries promoted to MultiPolygons
    reference = tmp_path / "gdal.gpkg"
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(reference))
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3035)
    layer = source.CreateLayer("zones", srs, ogr.wkbMultiPolygon)
    for wkb in wkbs:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkb(wkb)))
        layer.CreateFeature(feature)
    source = None
    with sqlite3.connect(reference) as conn:
        assert blobs == [row[0] for row in conn.execute("SELECT geom FROM zones ORDER BY fid")]
    read = QgsVectorLayer(str(path), "zones", "ogr")
    assert read.isValid() and read.featureCount() == count
    if count:
        box = QgsRectangle(200_000, 200_000, 400_000, 400_000)
        indexed = sorted(f["n"] for f in read.getFeatures(QgsFeatureRequest().setFilterRect(box)))
        expected = sorted(i for i in range(count) if boxes[0][i] <= 400_000 and boxes[1][i] >= 200_000
                          and boxes[2][i] <= 400_000 and boxes[3][i] >= 200_000)
        assert indexed == expected
