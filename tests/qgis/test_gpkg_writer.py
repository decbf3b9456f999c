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
