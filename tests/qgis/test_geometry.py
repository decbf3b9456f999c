"""Vectorised spatial helpers against QGIS's own geometry engine and brute force."""

from __future__ import annotations

import numpy as np
from qgis.core import QgsGeometry, QgsPointXY

from scoran_qgis.core.geometry import locate_points, nearest_within


def test_locate_points_matches_qgis_contains_with_holes_and_parts():
    polygons = [
        "MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0),(3 3,7 3,7 7,3 7,3 3)),((20 0,30 0,30 10,20 10,20 0)))",
        "POLYGON((10 0,20 0,15 10,10 0))",
        "POLYGON((3 3,7 3,7 7,3 7,3 3))",  # fills the hole of the first one
    ]
    geometries = [QgsGeometry.fromWkt(w) for w in polygons]
    rng = np.random.default_rng(7)
    x, y = rng.uniform(-2, 32, 5000), rng.uniform(-2, 12, 5000)
    got = locate_points(x, y, [bytes(g.asWkb()) for g in geometries])
    expected = np.array([next((i for i, g in enumerate(geometries) if g.contains(QgsPointXY(a, b))), -1)
                         for a, b in zip(x, y)])
    assert (got == expected).mean() > 0.999  # points exactly on an edge may go either way
    assert set(got) == {-1, 0, 1, 2}


def test_nearest_within_matches_brute_force():
    rng = np.random.default_rng(3)
    px, py = rng.uniform(0, 5000, 4000), rng.uniform(0, 5000, 4000)
    sx, sy = rng.uniform(0, 5000, 700), rng.uniform(0, 5000, 700)
    index, distance = nearest_within(sx, sy, px, py, 100.0, chunk=128)
    d = np.hypot(sx[:, None] - px[None, :], sy[:, None] - py[None, :])
    best = d.argmin(axis=1)
    within = d.min(axis=1) <= 100
    assert (index >= 0).tolist() == within.tolist()
    assert (index[within] == best[within]).all()
    assert np.allclose(distance[within], d.min(axis=1)[within])


def test_grid_accelerated_path_equals_the_exact_one():
    """Above 20 000 points the grid settles most points: same answers as the exact test."""
    from scoran_qgis.core.geometry import _exact_locate

    rng = np.random.default_rng(11)
    polygons = [QgsGeometry.fromWkt(w) for w in (
        "POLYGON((0 0,1000 0,1000 1000,0 1000,0 0),(300 300,700 300,700 700,300 700,300 300))",
        "POLYGON((900 900,2000 900,1500 2000,900 900))",  # overlaps the first one: the first wins
        "MULTIPOLYGON(((2100 0,2500 0,2500 400,2100 400,2100 0)),((2100 500,2500 500,2300 900,2100 500)))",
    )]
    wkbs = [bytes(g.asWkb()) for g in polygons]
    x, y = rng.uniform(-100, 2600, 60000), rng.uniform(-100, 2100, 60000)
    fast = locate_points(x, y, wkbs)
    assert (fast == _exact_locate(x, y, wkbs)).mean() > 0.9999
    assert set(fast) == {-1, 0, 1, 2}
