"""Vectorised reprojection of coordinate arrays (GDAL/PROJ), for millions of points at once."""

from __future__ import annotations

import numpy as np
from osgeo import osr

from .codes import CRS_BY_OVERSEAS_DEPARTMENT, LAMBERT_93
from .errors import ScoranError
from .i18n import tr
from .parallel import available_cores, map_in_order

osr.UseExceptions()

WGS84 = 4326
# Mercator stretches lengths by 1/cos(latitude) (+41 % to +52 % in mainland France): never measure in it.
MERCATOR_METHODS = ("Mercator_1SP", "Mercator_2SP", "Popular_Visualisation_Pseudo_Mercator",
                    "Mercator_Auxiliary_Sphere")
# Where the overseas departments lie (lon min, lon max, lat min, lat max), with some sea around them.
OVERSEAS_BOXES = {
    "971": (-63.5, -60.8, 15.7, 18.5),  # Guadeloupe (and Saint-Martin, Saint-Barthélemy)
    "972": (-61.4, -60.6, 14.2, 15.0),  # Martinique
    "973": (-54.8, -51.0, 1.8, 6.2),  # Guyane
    "974": (55.1, 56.0, -21.5, -20.7),  # La Réunion
    "976": (44.8, 45.5, -13.2, -12.4),  # Mayotte
}
MAINLAND_BOX = (-6.0, 10.0, 41.0, 51.6)  # mainland France and Corsica
SAMPLE_SIZE = 1000
MAX_COORDINATE = 1e8


def _srs(epsg: int) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(int(epsg))
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)  # x = easting / longitude
    return srs


PARALLEL_POINTS = 400_000  # from this many points, both halves are projected at once (core.parallel)


def transform(x: np.ndarray, y: np.ndarray, source_epsg: int, target_epsg: int, chunk: int = 500_000):
    """(x, y) arrays from one EPSG to another; returns new float64 arrays.

    PROJ holds Python's lock while it works: a million points take a second on one core, so large
    arrays are cut in parts projected by worker processes (each point's result is the same).
    """
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if int(source_epsg) == int(target_epsg) or len(x) == 0:
        return x.copy(), y.copy()
    parts = min(available_cores(), len(x) // (PARALLEL_POINTS // 2)) if len(x) >= PARALLEL_POINTS else 1
    if parts > 1:
        bounds = np.linspace(0, len(x), parts + 1).astype(np.int64)
        pieces = [(x[a:b], y[a:b], int(source_epsg), int(target_epsg), chunk) for a, b in zip(bounds, bounds[1:])]
        results = list(map_in_order(_transform_part, pieces, parts))
        return np.concatenate([r[0] for r in results]), np.concatenate([r[1] for r in results])
    return _transform_part((x, y, source_epsg, target_epsg, chunk))


def _transform_part(piece) -> tuple[np.ndarray, np.ndarray]:
    x, y, source_epsg, target_epsg, chunk = piece
    operation = osr.CoordinateTransformation(_srs(source_epsg), _srs(target_epsg))
    out_x, out_y = np.empty_like(x), np.empty_like(y)
    for start in range(0, len(x), chunk):
        points = np.column_stack([x[start:start + chunk], y[start:start + chunk]])
        try:  # GDAL ≥ 3.6 reads the array as is; a list of tuples costs ~40 % more
            result = np.asarray(operation.TransformPoints(points))
        except TypeError:
            result = np.asarray(operation.TransformPoints(points.tolist()))
        out_x[start:start + chunk] = result[:, 0]
        out_y[start:start + chunk] = result[:, 1]
    return out_x, out_y


def metric_epsg(epsg: int, x_sample, y_sample) -> int:
    """A CRS whose unit is the metre, to measure distances and radii in the points' CRS `epsg`.

    `epsg` itself when it is projected in metres (Mercator excepted); else Lambert-93 for points in
    mainland France and Corsica, the overseas CRS for points in an overseas department, or the WGS84
    UTM zone elsewhere — decided by the median longitude and latitude of the (finite) sample points.
    Points outside the lon/lat domain are not used; no usable point: Lambert-93.
    """
    try:
        srs = _srs(epsg)
    except (RuntimeError, TypeError, ValueError):
        raise ScoranError(tr("Système de coordonnées inconnu (EPSG:{0}) : les distances ne peuvent pas être "
                             "mesurées en mètres ; indiquez le SCR de la couche.").format(epsg)) from None
    if srs.IsProjected() and abs(srs.GetLinearUnits() - 1.0) < 1e-9 and \
            srs.GetAttrValue("PROJECTION") not in MERCATOR_METHODS:
        return int(epsg)
    x, y = np.asarray(x_sample, dtype=np.float64).ravel(), np.asarray(y_sample, dtype=np.float64).ravel()
    with np.errstate(invalid="ignore"):
        # no coordinate on Earth exceeds ~1e8 in metres or feet; PROJ may stall on larger ones
        finite = np.flatnonzero(np.isfinite(x) & np.isfinite(y) & (np.abs(x) < MAX_COORDINATE)
                                & (np.abs(y) < MAX_COORDINATE))
    if not len(finite):
        return LAMBERT_93
    picked = finite[np.linspace(0, len(finite) - 1, min(SAMPLE_SIZE, len(finite))).astype(np.int64)]
    try:
        with np.errstate(invalid="ignore"):
            lon, lat = transform(x[picked], y[picked], epsg, WGS84)
    except RuntimeError:  # PROJ refuses coordinates far outside the CRS's domain
        return LAMBERT_93
    with np.errstate(invalid="ignore"):
        usable = np.isfinite(lon) & np.isfinite(lat) & (np.abs(lon) <= 180) & (np.abs(lat) <= 90)
    if not usable.any():
        return LAMBERT_93
    lon, lat = float(np.median(lon[usable])), float(np.median(lat[usable]))
    for department, (west, east, south, north) in OVERSEAS_BOXES.items():
        if west <= lon <= east and south <= lat <= north:
            return CRS_BY_OVERSEAS_DEPARTMENT[department]
    west, east, south, north = MAINLAND_BOX
    if west <= lon <= east and south <= lat <= north:
        return LAMBERT_93
    zone = int(np.clip(np.floor((lon + 180.0) / 6.0) + 1, 1, 60))
    return (32600 if lat >= 0 else 32700) + zone
