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


def locate_points(x: np.ndarray, y: np.ndarray, polygons: list, feedback=None, use_grid: bool | None = None
                  ) -> np.ndarray:
    """Index of the polygon containing each point (-1 outside all); the first polygon wins where they overlap.

    `polygons` are WKB geometries in the points' CRS. For many points, the polygons are first
    burnt on a grid: points in cells that no polygon edge crosses are settled by the grid; only
    points in edge cells get the exact test (bounding-box pre-filter on x-sorted points). A few
    points against huge polygons (national coverage maps) also gain from the grid: `use_grid`.
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    result = np.full(len(x), -1, dtype=np.int64)
    usable = [i for i, wkb in enumerate(polygons) if wkb is not None]
    if not usable or not len(x):
        return result
    exact = np.ones(len(x), dtype=bool)
    if use_grid if use_grid is not None else len(x) >= 20000:
        settled, value = _grid_locate(x, y, polygons, usable)
        result[settled] = value[settled]
        exact = ~settled
    if exact.any():
        points = np.flatnonzero(exact)
        result[points] = _exact_locate(x[points], y[points], polygons, feedback)
    return result


def _grid_locate(x, y, polygons, usable, max_cells: int = 2000):
    """(settled, polygon index) from rasters of the polygons' interiors and of their edges."""
    from osgeo import gdal

    min_x, max_x, min_y, max_y = x.min(), x.max(), y.min(), y.max()
    size = max(max_x - min_x, max_y - min_y) / max_cells or 1.0
    width, height = int((max_x - min_x) / size) + 2, int((max_y - min_y) / size) + 2
    transform = (min_x - size / 2, size, 0, max_y + size / 2, 0, -size)
    memory = ogr.GetDriverByName("Memory").CreateDataSource("")
    areas = memory.CreateLayer("areas", geom_type=ogr.wkbMultiPolygon)
    areas.CreateField(ogr.FieldDefn("burn", ogr.OFTInteger))
    edges = memory.CreateLayer("edges", geom_type=ogr.wkbMultiLineString)
    for index in reversed(usable):  # burnt last = kept: the first polygon wins on overlaps
        geometry = ogr.CreateGeometryFromWkb(bytes(polygons[index]))
        feature = ogr.Feature(areas.GetLayerDefn())
        feature.SetField("burn", index + 1)
        feature.SetGeometry(geometry)
        areas.CreateFeature(feature)
        line = ogr.Feature(edges.GetLayerDefn())
        line.SetGeometry(geometry.Boundary())
        edges.CreateFeature(line)
    def burn(layer, **options):
        raster = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Int32)
        raster.SetGeoTransform(transform)
        gdal.PushErrorHandler("CPLQuietErrorHandler")  # scratch layers without CRS: same units by construction
        gdal.RasterizeLayer(raster, [1], layer, **options)
        gdal.PopErrorHandler()
        return raster.ReadAsArray()

    inside = burn(areas, options=["ATTRIBUTE=burn"])
    on_edge = burn(edges, burn_values=[1], options=["ALL_TOUCHED=TRUE"])
    cols = np.clip(((x - transform[0]) / size).astype(np.int64), 0, width - 1)
    rows = np.clip(((transform[3] - y) / size).astype(np.int64), 0, height - 1)
    settled = on_edge[rows, cols] == 0
    return settled, inside[rows, cols].astype(np.int64) - 1


def _exact_locate(x, y, polygons, feedback=None) -> np.ndarray:
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

def nearest_within(site_x: np.ndarray, site_y: np.ndarray, x: np.ndarray, y: np.ndarray, max_distance: float,
                   chunk: int = 20000, feedback=None) -> tuple[np.ndarray, np.ndarray]:
    """For each site, the index of the nearest point within `max_distance` (-1 if none) and its distance.

    Points are bucketed in square cells of `max_distance`; a site only looks at the 3 × 3 cells
    around its own, all in numpy (sites processed by chunks to bound memory).
    """
    n_sites = len(site_x)
    nearest = np.full(n_sites, -1, dtype=np.int64)
    distance = np.full(n_sites, np.nan)
    if n_sites == 0 or len(x) == 0:
        return nearest, distance
    size = float(max_distance)
    origin_x, origin_y = min(x.min(), site_x.min()) - size, min(y.min(), site_y.min()) - size
    width = int((max(x.max(), site_x.max()) - origin_x) // size) + 3
    point_cell = ((y - origin_y) // size).astype(np.int64) * width + ((x - origin_x) // size).astype(np.int64)
    order = np.argsort(point_cell, kind="stable")
    sorted_cells = point_cell[order]
    site_cell = ((site_y - origin_y) // size).astype(np.int64) * width + ((site_x - origin_x) // size).astype(np.int64)
    offsets = np.array([dy * width + dx for dy in (-1, 0, 1) for dx in (-1, 0, 1)])
    for start in range(0, n_sites, chunk):
        if feedback is not None and feedback.isCanceled():
            break
        sites = np.arange(start, min(start + chunk, n_sites))
        cells = (site_cell[sites][:, None] + offsets[None, :]).ravel()
        owners = np.repeat(sites, len(offsets))
        low = np.searchsorted(sorted_cells, cells, side="left")
        high = np.searchsorted(sorted_cells, cells, side="right")
        counts = high - low
        if counts.sum() == 0:
            continue
        pair_site = np.repeat(owners, counts)
        # positions low[i] .. high[i]-1 for every (site, cell) pair, without a Python loop
        steps = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        pair_point = order[np.repeat(low, counts) + steps]
        d = np.hypot(x[pair_point] - site_x[pair_site], y[pair_point] - site_y[pair_site])
        close = d <= max_distance
        pair_site, pair_point, d = pair_site[close], pair_point[close], d[close]
        best = np.lexsort((pair_point, d, pair_site))  # by site, then distance, then point index
        pair_site, pair_point, d = pair_site[best], pair_point[best], d[best]
        first = np.ones(len(pair_site), dtype=bool)
        first[1:] = pair_site[1:] != pair_site[:-1]
        nearest[pair_site[first]] = pair_point[first]
        distance[pair_site[first]] = d[first]
    return nearest, distance


def distance_to_edges(x: np.ndarray, y: np.ndarray, edges: np.ndarray, pairs: int = 1_000_000) -> np.ndarray | None:
    """Distance from each point to the nearest of the segments `edges` (n, 4: x1, y1, x2, y2), exactly.

    Points outside a polygon are at its distance from its edges. The edges are cut into pieces no
    longer than their median length, whose midpoints go into a k-d tree (scipy); each point gets
    the exact distance to the edges of its k nearest pieces, with k raised for the points where a
    piece not examined could still be nearer (a piece's points lie within half its length of its
    midpoint). The distance is GEOS's formula (Distance::pointToSegment) on the original edges.
    None when scipy is not installed: the caller measures otherwise.
    """
    try:
        from scipy.spatial import cKDTree
    except ImportError:
        return None
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    result = np.full(len(x), np.inf)
    if not len(x) or not len(edges):
        return result
    lengths = np.hypot(edges[:, 2] - edges[:, 0], edges[:, 3] - edges[:, 1])
    piece = max(float(np.median(lengths)), 1e-9)
    cuts = np.maximum(np.ceil(lengths / piece), 1).astype(np.int64)
    edge_of = np.repeat(np.arange(len(edges)), cuts)
    position = (np.arange(len(edge_of)) - np.repeat(np.cumsum(cuts) - cuts, cuts) + 0.5) / cuts[edge_of]
    mid_x = edges[edge_of, 0] + position * (edges[edge_of, 2] - edges[edge_of, 0])
    mid_y = edges[edge_of, 1] + position * (edges[edge_of, 3] - edges[edge_of, 1])
    half = float((lengths / cuts).max()) / 2
    tree = cKDTree(np.column_stack([mid_x, mid_y]))
    pending, k = np.arange(len(x)), min(16, len(edge_of))
    while len(pending):
        unsure = []
        for start in range(0, len(pending), max(pairs // k, 1)):  # bounded memory: ≤ `pairs` candidates at once
            points = pending[start:start + max(pairs // k, 1)]
            gaps, nearest = tree.query(np.column_stack([x[points], y[points]]), k=k)
            gaps, nearest = gaps.reshape(len(points), -1), nearest.reshape(len(points), -1)
            best = _segment_distance(x[points, None], y[points, None], edges[edge_of[nearest]]).min(axis=1)
            result[points] = best
            # settled when every piece not examined is farther than the best edge found
            unsure.append(points[(gaps[:, -1] - half < best) & (k < len(edge_of))])
        pending, k = np.concatenate(unsure), min(k * 4, len(edge_of))
    return result


def _segment_distance(px: np.ndarray, py: np.ndarray, segments: np.ndarray) -> np.ndarray:
    """GEOS's point-to-segment distance, broadcast (segments: (..., 4))."""
    ax, ay, bx, by = (segments[..., i] for i in range(4))
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    with np.errstate(divide="ignore", invalid="ignore"):
        r = ((px - ax) * dx + (py - ay) * dy) / length2
        s = ((ay - py) * dx - (ax - px) * dy) / length2
        inner = np.abs(s) * np.sqrt(length2)
    to_a = np.sqrt((px - ax) ** 2 + (py - ay) ** 2)
    to_b = np.sqrt((px - bx) ** 2 + (py - by) ** 2)
    return np.where((length2 == 0) | (r <= 0), to_a, np.where(r >= 1, to_b, inner))

