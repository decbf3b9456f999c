"""Vectorised reprojection of coordinate arrays (GDAL/PROJ), for millions of points at once."""

from __future__ import annotations

import numpy as np
from osgeo import osr

osr.UseExceptions()


def _srs(epsg: int) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(int(epsg))
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)  # x = easting / longitude
    return srs


def transform(x: np.ndarray, y: np.ndarray, source_epsg: int, target_epsg: int, chunk: int = 500_000):
    """(x, y) arrays from one EPSG to another; returns new float64 arrays."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if int(source_epsg) == int(target_epsg) or len(x) == 0:
        return x.copy(), y.copy()
    operation = osr.CoordinateTransformation(_srs(source_epsg), _srs(target_epsg))
    out_x, out_y = np.empty_like(x), np.empty_like(y)
    for start in range(0, len(x), chunk):
        points = np.column_stack([x[start:start + chunk], y[start:start + chunk]])
        result = np.asarray(operation.TransformPoints(points.tolist()))
        out_x[start:start + chunk] = result[:, 0]
        out_y[start:start + chunk] = result[:, 1]
    return out_x, out_y
