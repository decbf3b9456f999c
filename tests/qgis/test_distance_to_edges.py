"""Distances to the nearest coverage, vectorised (k-d tree over edge pieces), against GEOS point by point."""

from __future__ import annotations

import numpy as np
import pytest
from osgeo import ogr

from scoran_qgis.core.geometry import distance_to_edges, polygon_edges


def blobs(rng, count: int) -> ogr.Geometry:
    """A MultiPolygon of irregular star-shaped blobs, some with a hole, some with very long edges."""
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    for index in range(count):
        cx, cy = rng.uniform(0, 100_000, 2)
        vertices = 5 if index % 4 == 0 else int(rng.integers(12, 80))  # a few long-edged ones
        angles = np.sort(rng.uniform(0, 2 * np.pi, vertices))
        radius = rng.uniform(500, 6000) * rng.uniform(0.6, 1.0, vertices)
        polygon = ogr.Geometry(ogr.wkbPolygon)
        for scale in ((1.0, 0.3) if index % 3 == 0 else (1.0,)):
            ring = ogr.Geometry(ogr.wkbLinearRing)
            for a, r in zip(angles, radius):
                ring.AddPoint_2D(cx + scale * r * np.cos(a), cy + scale * r * np.sin(a))
            ring.CloseRings()
            polygon.AddGeometry(ring)
        multi.AddGeometry(polygon)
    return multi.Buffer(0)  # valid: overlapping blobs merged


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_distances_are_geos_distances(seed):
    rng = np.random.default_rng(seed)
    coverage = blobs(rng, 25)
    x, y = rng.uniform(-30_000, 130_000, 4000), rng.uniform(-30_000, 130_000, 4000)
    outside = np.array([not coverage.Contains(point(px, py)) for px, py in zip(x, y)])
    x, y = x[outside], y[outside]
    expected = np.array([coverage.Distance(point(px, py)) for px, py in zip(x, y)])
    found = distance_to_edges(x, y, polygon_edges(bytes(coverage.ExportToIsoWkb())))
    assert found is not None and len(found) == len(x) > 1000
    np.testing.assert_allclose(found, expected, rtol=0, atol=1e-6)
    # tiny candidate budgets force several rounds with more pieces: same answer
    again = distance_to_edges(x, y, polygon_edges(bytes(coverage.ExportToIsoWkb())), pairs=64)
    np.testing.assert_allclose(again, expected, rtol=0, atol=1e-6)


def test_one_edge_and_no_point():
    edges = np.array([[0.0, 0.0, 10.0, 0.0]])
    np.testing.assert_allclose(distance_to_edges(np.array([5.0, -3.0, 14.0]), np.array([2.0, 0.0, 3.0]), edges),
                               [2.0, 3.0, 5.0])
    assert len(distance_to_edges(np.array([]), np.array([]), edges)) == 0


def point(px: float, py: float) -> ogr.Geometry:
    geometry = ogr.Geometry(ogr.wkbPoint)
    geometry.AddPoint_2D(float(px), float(py))
    return geometry


def test_4g_demand_is_the_same_with_or_without_scipy(monkeypatch):
    """demand_4g: the k-d tree path and the GEOS-per-point path (no scipy) give the same distances."""
    import pandas as pd

    from scoran_qgis.core import mobile

    rng = np.random.default_rng(9)
    rows = []
    for operator in ("Orange", "SFR", "Free"):
        geometry = blobs(rng, 8)
        minx, maxx, miny, maxy = geometry.GetEnvelope()
        rows.append({"operateur": operator, "techno": "4G", "niveau": "TBC", "wkb": bytes(geometry.ExportToIsoWkb()),
                     "minx": minx, "maxx": maxx, "miny": miny, "maxy": maxy})
    coverage = mobile.Coverage(pd.DataFrame(rows))
    x, y = rng.uniform(-80_000, 180_000, 3000), rng.uniform(-80_000, 180_000, 3000)
    inside, vectorised = mobile.demand_4g(x, y, coverage, search=60_000)
    monkeypatch.setattr(mobile, "distance_to_edges", lambda *args: None)
    inside_again, one_by_one = mobile.demand_4g(x, y, coverage, search=60_000)
    assert inside.tolist() == inside_again.tolist() and 5 < inside.sum() < len(x) - 1000
    assert np.isnan(one_by_one).sum() > 10  # points beyond `search` of every coverage: no distance
    np.testing.assert_array_equal(np.isnan(vectorised), np.isnan(one_by_one))
    np.testing.assert_allclose(vectorised, one_by_one, rtol=0, atol=0.1 + 1e-9)
