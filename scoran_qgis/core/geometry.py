"""Vectorised point-in-polygon for millions of points against thousands of polygons."""

from __future__ import annotations

import numpy as np
from osgeo import ogr


def polygon_edges(wkb: bytes) -> np.ndarray:
    """All ring edges of a (multi)polygon as an (n, 4) array x1, y1, x2, y2 (holes included)."""
    geometry = ogr.CreateGeometryFromWkb(bytes(wkb))
    geometry = ogr.ForceToMultiPolygon(geometry)
    edges = []
    for p in range(geometry.GetGeometryCount()):
        polygon = geometry.GetGeometryRef(p)
        for r in range(polygon.GetGeometryCount()):
            ring = np.asarray(polygon.GetGeometryRef(r).GetPoints(), dtype=np.float64)[:, :2]
            if len(ring) >= 4:
                edges.append(np.hstack([ring[:-1], ring[1:]]))
    return np.vstack(edges) if edges else np.empty((0, 4))


def _inside(px: np.ndarray, py: np.ndarray, edges: np.ndarray, block: int = 256) -> np.ndarray:
    """Even-odd rule (crossing number): works for holes and multi-part polygons alike."""
    inside = np.zeros(len(px), dtype=bool)
    for start in range(0, len(edges), block):
        x1, y1, x2, y2 = (edges[start:start + block, k][None, :] for k in range(4))
        crosses = (y1 > py[:, None]) != (y2 > py[:, None])
        with np.errstate(divide="ignore", invalid="ignore"):
            x_at = x1 + (py[:, None] - y1) * (x2 - x1) / (y2 - y1)
        inside ^= np.logical_xor.reduce(crosses & (px[:, None] < x_at), axis=1)
    return inside


def locate_points(x: np.ndarray, y: np.ndarray, polygons: list, feedback=None) -> np.ndarray:
    """Index of the polygon containing each point (-1 outside all); the first polygon wins on shared edges.

    `polygons` are WKB geometries in the points' CRS. A bounding-box pre-filter on x-sorted points
    keeps each test to the few points near the polygon.
    """
    result = np.full(len(x), -1, dtype=np.int64)
    order = np.argsort(x, kind="stable")
    sorted_x = x[order]
    for index, wkb in enumerate(polygons):
        if feedback is not None and index % 200 == 0 and feedback.isCanceled():
            break
        if wkb is None:
            continue
        edges = polygon_edges(wkb)
        if not len(edges):
            continue
        min_x, max_x = edges[:, [0, 2]].min(), edges[:, [0, 2]].max()
        min_y, max_y = edges[:, [1, 3]].min(), edges[:, [1, 3]].max()
        low = np.searchsorted(sorted_x, min_x, side="left")
        high = np.searchsorted(sorted_x, max_x, side="right")
        candidates = order[low:high]
        candidates = candidates[(y[candidates] >= min_y) & (y[candidates] <= max_y) & (result[candidates] < 0)]
        if len(candidates):
            hit = _inside(x[candidates], y[candidates], edges)
            result[candidates[hit]] = index
    return result
