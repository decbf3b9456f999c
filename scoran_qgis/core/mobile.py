"""Town-centre mobile white zones ("centres-bourgs"), their cost, and the localised 4G demand.

Coverage is judged around the town hall, as the programme does: a centre-bourg is covered by an
operator in a technology when the town hall lies in that operator's coverage at the minimum level
or better (TBC > BC > CL), and the share of the disc of RADIUS metres around it that is covered is
reported too (domain.md §2–3).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from osgeo import ogr

from .errors import ScoranError
from .geometry import locate_points, polygon_edges
from .i18n import tr

LEVELS = ("CL", "BC", "TBC")  # worst to best
TECHNOLOGIES = ("2G", "3G", "4G")
STATUS_LABELS = {
    "zone_blanche_2g": "Zone blanche 2G (aucun opérateur)",
    "zone_blanche_3g": "Zone blanche 3G (2G seulement)",
    "partiellement_couvert": "Partiellement couvert (3G d'une partie des opérateurs)",
    "couvert": "Couvert (3G de tous les opérateurs)",
}
DEFAULT_COSTS = {"site_cost": 140_000.0, "subsidy": 100_000.0, "subsidy_mountain": 130_000.0, "sites_per_centre": 1}


@dataclass
class Coverage:
    """Coverage polygons (WKB, in the centres' CRS) with operator, technology and level."""

    frame: pd.DataFrame  # operateur, techno, niveau, wkb, minx, maxx, miny, maxy
    operators: list = field(default_factory=list)


def normalise_coverage(records: list[dict], operator_field: str, techno_field: str, level_field: str,
                       min_level: str) -> Coverage:
    """Keep the polygons at `min_level` or better; check the fields; compute envelopes."""
    if min_level not in LEVELS:
        raise ScoranError(tr("Niveau minimal inconnu : {0} (TBC, BC ou CL).").format(min_level))
    rows = []
    for record in records:
        for name in (operator_field, techno_field, level_field):
            if name not in record:
                raise ScoranError(tr("Couche de couverture sans champ « {0} » : indiquez le champ à utiliser.")
                                  .format(name))
        level = str(record[level_field] or "").strip().upper()
        techno = str(record[techno_field] or "").strip().upper()
        if record.get("geom") is None or level not in LEVELS or techno not in TECHNOLOGIES:
            continue
        if LEVELS.index(level) < LEVELS.index(min_level):
            continue
        geometry = ogr.CreateGeometryFromWkb(record["geom"])
        minx, maxx, miny, maxy = geometry.GetEnvelope()
        rows.append({"operateur": str(record[operator_field]), "techno": techno, "niveau": level,
                     "wkb": record["geom"], "minx": minx, "maxx": maxx, "miny": miny, "maxy": maxy})
    frame = pd.DataFrame(rows, columns=["operateur", "techno", "niveau", "wkb", "minx", "maxx", "miny", "maxy"])
    return Coverage(frame, sorted(frame["operateur"].unique()))


def assess_centres(x: np.ndarray, y: np.ndarray, coverage: Coverage, radius: float, all_operators: list,
                   feedback=None) -> pd.DataFrame:
    """Per centre: `couv_<techno>_<operator>` covered (bool), `part_<techno>_<operator>` (%), counts, status.

    Covered: the town hall lies in the coverage (exact test; on an edge counts as covered). Share:
    the covered part of the disc of `radius`, measured on a grid of radius/10 (50 m for 500 m).
    An operator with no layer for a technology counts as not covering it.
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    columns = {}
    cell = radius / 10
    offsets = _disc_offsets(radius, cell)
    for operator in all_operators:
        for techno in TECHNOLOGIES:
            if feedback is not None and feedback.isCanceled():
                break
            group = coverage.frame[(coverage.frame["operateur"] == operator) & (coverage.frame["techno"] == techno)]
            key = f"couv_{techno.lower()}_{_slug(operator)}"
            share = f"part_{techno.lower()}_{_slug(operator)}"
            if group.empty or not len(x):
                columns[key] = np.zeros(len(x), dtype=bool)
                columns[share] = np.zeros(len(x))
                continue
            polygons = list(group["wkb"])
            inside = locate_points(x, y, polygons, use_grid=True) >= 0
            outside = np.flatnonzero(~inside)
            inside[outside] = _on_edge(x[outside], y[outside], polygons)  # on an edge counts as covered
            columns[key] = inside
            columns[share] = _disc_shares(x, y, polygons, radius, cell, offsets)
    result = pd.DataFrame(columns, index=range(len(x)))
    for techno in TECHNOLOGIES:
        keys = [f"couv_{techno.lower()}_{_slug(o)}" for o in all_operators]
        result[f"nb_operateurs_{techno.lower()}"] = result[keys].sum(axis=1) if keys else 0
    n_operators = len(all_operators)
    result["statut"] = np.select(
        [result["nb_operateurs_2g"] == 0, result["nb_operateurs_3g"] == 0, result["nb_operateurs_3g"] < n_operators],
        ["zone_blanche_2g", "zone_blanche_3g", "partiellement_couvert"], default="couvert")
    return result


def _on_edge(x, y, polygons, tolerance: float = 0.01) -> np.ndarray:
    """Points lying on a polygon edge (within `tolerance`), which the even-odd test may leave out."""
    edges = np.vstack([polygon_edges(wkb) for wkb in polygons])
    low_x = np.minimum(edges[:, 0], edges[:, 2])
    longest = np.abs(edges[:, 2] - edges[:, 0]).max()
    order = np.argsort(low_x)
    edges, low_x = edges[order], low_x[order]
    result = np.zeros(len(x), dtype=bool)
    for index, (px, py) in enumerate(zip(x, y)):
        start = np.searchsorted(low_x, px - longest - tolerance)
        end = np.searchsorted(low_x, px + tolerance, side="right")
        x1, y1, x2, y2 = edges[start:end].T
        dx, dy = x2 - x1, y2 - y1
        length = dx * dx + dy * dy
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.clip(np.where(length > 0, ((px - x1) * dx + (py - y1) * dy) / length, 0), 0, 1)
        result[index] = bool((np.hypot(x1 + t * dx - px, y1 + t * dy - py) <= tolerance).any())
    return result


def _disc_offsets(radius: float, cell: float) -> np.ndarray:
    steps = int(np.ceil(radius / cell))
    grid = np.arange(-steps, steps + 1)
    dx, dy = np.meshgrid(grid, grid)
    inside = (dx * cell) ** 2 + (dy * cell) ** 2 <= radius ** 2
    return np.column_stack([dy[inside], dx[inside]])


def _disc_shares(x, y, polygons, radius, cell, offsets) -> np.ndarray:
    """Covered share (%) of each disc, from the polygons burnt on a grid around the discs."""
    from osgeo import gdal

    min_x, max_x = x.min() - radius - cell, x.max() + radius + cell
    min_y, max_y = y.min() - radius - cell, y.max() + radius + cell
    width, height = int((max_x - min_x) / cell) + 1, int((max_y - min_y) / cell) + 1
    raster = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Byte)
    raster.SetGeoTransform((min_x, cell, 0, max_y, 0, -cell))
    memory = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = memory.CreateLayer("coverage", geom_type=ogr.wkbMultiPolygon)
    for wkb in polygons:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
        layer.CreateFeature(feature)
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # no CRS on these scratch layers: same units by construction
    gdal.RasterizeLayer(raster, [1], layer, burn_values=[1])
    gdal.PopErrorHandler()
    burnt = raster.ReadAsArray()
    rows = ((max_y - y) / cell).astype(np.int64)
    cols = ((x - min_x) / cell).astype(np.int64)
    values = burnt[rows[:, None] + offsets[None, :, 0], cols[:, None] + offsets[None, :, 1]]
    return np.round(100.0 * values.mean(axis=1), 1)


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in str(text).lower()).strip("_")


def estimate_costs(status: pd.Series, mountain: np.ndarray, sites: np.ndarray | None = None,
                   costs: dict | None = None) -> pd.DataFrame:
    """Sites, cost, State subsidy (mountain rate where flagged) and local remainder per centre-bourg.

    Only white centres (2G, or 3G only) need a site; partly covered ones are left to the operators.
    """
    costs = {**DEFAULT_COSTS, **(costs or {})}
    white = status.isin(["zone_blanche_2g", "zone_blanche_3g"]).to_numpy()
    count = np.where(white, sites if sites is not None else costs["sites_per_centre"], 0).astype(int)
    subsidy_per_site = np.where(np.asarray(mountain, dtype=bool), costs["subsidy_mountain"], costs["subsidy"])
    cost = count * costs["site_cost"]
    subsidy = np.minimum(count * subsidy_per_site, cost)
    return pd.DataFrame({"nb_sites": count, "cout_estime": cost, "subvention_etat": subsidy,
                         "reste_collectivites": cost - subsidy})


def summary(centres: pd.DataFrame) -> pd.DataFrame:
    """Per department and for the territory: centres by status and the money."""
    frame = centres.assign(code=centres["code_dep"])
    money = ["nb_sites", "cout_estime", "subvention_etat", "reste_collectivites"]
    parts = []
    for level, data in ((tr("département"), frame), (tr("territoire"), frame.assign(code=tr("Ensemble")))):
        counts = pd.crosstab(data["code"], data["statut"]).reindex(columns=list(STATUS_LABELS), fill_value=0)
        table = counts.join(data.groupby("code")[money].sum()).reset_index()
        table.insert(0, "niveau", level)
        table.insert(2, "nb_centres", counts.sum(axis=1).to_numpy())
        parts.append(table)
    return pd.concat(parts, ignore_index=True)


def demand_4g(x: np.ndarray, y: np.ndarray, coverage: Coverage, feedback=None, search: float = 50_000.0):
    """Per point: inside any operator's 4G coverage, else the distance to the nearest 4G coverage.

    Inside/outside for all points at once (grid-accelerated point-in-polygon); distances only for
    the points outside.
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    frame = coverage.frame[coverage.frame["techno"] == "4G"]
    inside = np.zeros(len(x), dtype=bool)
    distance = np.full(len(x), np.nan)
    if frame.empty or not len(x):
        return inside, distance
    inside = locate_points(x, y, list(frame["wkb"]), feedback, use_grid=True) >= 0
    distance[inside] = 0.0
    geometries = [(ogr.CreateGeometryFromWkb(w), a, b, c, d) for w, a, b, c, d in zip(
        frame["wkb"], frame["minx"], frame["maxx"], frame["miny"], frame["maxy"])]
    for count, index in enumerate(np.flatnonzero(~inside)):
        if feedback is not None and count % 200 == 0 and feedback.isCanceled():
            break
        px, py = x[index], y[index]
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(float(px), float(py))
        best = np.inf
        for geometry, minx, maxx, miny, maxy in geometries:
            gap = max(minx - px, 0, px - maxx, miny - py, 0, py - maxy)
            if gap < min(best, search):
                best = min(best, geometry.Distance(point))
        distance[index] = round(best, 1) if np.isfinite(best) else np.nan
    return inside, distance
