"""Town-centre mobile white zones ("centres-bourgs"), their cost, and the localised 4G demand.

Coverage is judged around the town hall, as the programme does: a centre-bourg is covered by an
operator in a technology when the town hall lies in that operator's coverage at the minimum level
or better (TBC > BC > CL), and the share of the disc of RADIUS metres around it that is covered is
reported too (domain.md §2–3).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from osgeo import ogr

from .errors import ScoranError
from .geometry import distance_to_edges, locate_points, polygon_edges
from .i18n import quoted, tr

LEVELS = ("CL", "BC", "TBC")  # worst to best
TECHNOLOGIES = ("2G", "3G", "4G")
STATUS_LABELS = {  # legend texts (atlas, styled outputs)
    "zone_blanche_2g": tr("Zone blanche 2G (aucun opérateur)"),
    "zone_blanche_3g": tr("Zone blanche 3G (2G seulement)"),
    "partiellement_couvert": tr("Partiellement couvert (3G d'une partie des opérateurs)"),
    "couvert": tr("Couvert (3G de tous les opérateurs)"),
}
DEFAULT_COSTS = {"site_cost": 140_000.0, "subsidy": 100_000.0, "subsidy_mountain": 130_000.0, "sites_per_centre": 1}


@dataclass
class Coverage:
    """Coverage polygons (WKB, in the centres' CRS) with operator, technology and level."""

    frame: pd.DataFrame  # operateur, techno, niveau, wkb, minx, maxx, miny, maxy
    operators: list = field(default_factory=list)
    warnings: list = field(default_factory=list)  # French lines: polygons left out, and why


# "Mon réseau mobile" and older files spell the technology in several ways; compared once folded
# (no accents, spaces or punctuation, upper case): `2 G`, `3G+`, `4G LTE`, `LTE-A`…
TECHNOLOGY_SPELLINGS = {
    "2G": "2G", "2": "2G", "GSM": "2G", "2GGSM": "2G", "GSM2G": "2G", "GPRS": "2G", "EDGE": "2G",
    "3G": "3G", "3": "3G", "UMTS": "3G", "3GUMTS": "3G", "UMTS3G": "3G", "HSPA": "3G", "WCDMA": "3G",
    "4G": "4G", "4": "4G", "LTE": "4G", "4GLTE": "4G", "LTE4G": "4G", "LTEA": "4G",
    "5G": "5G", "5": "5G", "NR": "5G", "5GNR": "5G", "NR5G": "5G",
}
LEVEL_SPELLINGS = {
    "TBC": "TBC", "TRESBONNECOUVERTURE": "TBC", "TRESBONNE": "TBC",
    "BC": "BC", "BONNECOUVERTURE": "BC", "BONNE": "BC",
    "CL": "CL", "COUVERTURELIMITEE": "CL", "LIMITEE": "CL",
}
SHOWN_VALUES = 8


def _fold(value) -> str:
    """`Très bonne couverture` → `TRESBONNECOUVERTURE`, `2 g` → `2G`, 4.0 → `4`."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode()
    return re.sub(r"[^0-9A-Z]", "", text.upper())


def canonical_technology(values) -> np.ndarray:
    """`2G`, `3G`, `4G`, `5G`, or None, for each spelling (`2 G`, `gsm`, `UMTS`, `LTE`…)."""
    series = pd.Series(list(values), dtype=object)
    lookup = {v: TECHNOLOGY_SPELLINGS.get(_fold(v)) for v in series.drop_duplicates()}
    return series.map(lookup).to_numpy(object) if len(series) else np.empty(0, dtype=object)


def canonical_level(values) -> np.ndarray:
    """`TBC`, `BC`, `CL`, or None, for each spelling (`Bonne couverture`, `tres_bonne_couverture`…)."""
    series = pd.Series(list(values), dtype=object)
    lookup = {v: LEVEL_SPELLINGS.get(_fold(v)) for v in series.drop_duplicates()}
    return series.map(lookup).to_numpy(object) if len(series) else np.empty(0, dtype=object)


def _count(n) -> str:
    """`1 234` (French thousands, narrow no-break space)."""
    return f"{int(n):,}".replace(",", "\u202f")


def _values_seen(raw: pd.Series) -> str:
    shown = [tr("(vide)") if pd.isna(v) else str(v) for v in raw.drop_duplicates()[:SHOWN_VALUES]]
    more = "…" if raw.nunique(dropna=False) > SHOWN_VALUES else ""
    return ", ".join(quoted(v) for v in shown) + more


def normalise_coverage(records: list[dict], operator_field: str, techno_field: str, level_field: str,
                       min_level: str, layer_key: str | None = None) -> Coverage:
    """Keep the polygons at `min_level` or better; check the fields; compute envelopes.

    Technologies and levels are read in their usual spellings (see TECHNOLOGY_SPELLINGS,
    LEVEL_SPELLINGS); polygons that still match nothing, 5G ones and those without geometry are left
    out and counted in `Coverage.warnings`. When no polygon at all (or, with `layer_key` naming the
    record key that holds each record's layer name, no polygon of one layer) has a known 2G/3G/4G
    technology and level, ScoranError names the fields and the values found: reading every town
    hall as a white zone would be silently wrong.
    """
    wanted = canonical_level([min_level])[0]
    if wanted is None:
        raise ScoranError(tr("Niveau minimal inconnu : {0} (TBC, BC ou CL).").format(min_level))
    for name in (operator_field, techno_field, level_field):
        if any(name not in record for record in records):
            raise ScoranError(tr("Couche de couverture sans champ « {0} » : indiquez le champ à utiliser.")
                              .format(name))
    raw = pd.DataFrame({
        "operateur": [record[operator_field] for record in records],
        "techno": [record[techno_field] for record in records],
        "niveau": [record[level_field] for record in records],
        "wkb": [record.get("geom") for record in records],
        "couche": [record.get(layer_key) if layer_key else None for record in records],
    }, columns=["operateur", "techno", "niveau", "wkb", "couche"])
    techno = canonical_technology(raw["techno"])
    level = canonical_level(raw["niveau"])
    has_geometry = raw["wkb"].notna().to_numpy()
    known_techno, known_level = pd.notna(techno), pd.notna(level)
    usable = np.isin(techno, TECHNOLOGIES) & known_level
    _refuse_unreadable(raw, usable, techno_field, level_field, layer_key)

    warnings = []
    unknown_techno = has_geometry & ~known_techno
    if unknown_techno.any():
        warnings.append(tr("{0} polygone(s) de couverture à la technologie inconnue ({1}, champ « {2} ») "
                           "ignoré(s).").format(_count(unknown_techno.sum()),
                                                _values_seen(raw["techno"][unknown_techno]), techno_field))
    unknown_level = has_geometry & known_techno & ~known_level
    if unknown_level.any():
        warnings.append(tr("{0} polygone(s) de couverture au niveau inconnu ({1}, champ « {2} ») ignoré(s) : "
                           "attendu TBC, BC, CL (ou Très bonne couverture, Bonne couverture, Couverture "
                           "limitée).").format(_count(unknown_level.sum()), _values_seen(raw["niveau"][unknown_level]),
                                               level_field))
    five_g = has_geometry & (techno == "5G") & known_level
    if five_g.any():
        warnings.append(tr("{0} polygone(s) de couverture 5G ignoré(s) : seules la 2G, la 3G et la 4G sont "
                           "analysées.").format(_count(five_g.sum())))
    if (~has_geometry).any():
        warnings.append(tr("{0} polygone(s) de couverture sans géométrie ignoré(s).").format(
            _count((~has_geometry).sum())))

    rank = pd.Series(level, dtype=object).map({name: i for i, name in enumerate(LEVELS)}).to_numpy(dtype=float)
    keep = usable & has_geometry & (rank >= LEVELS.index(wanted))
    rows = np.flatnonzero(keep)
    envelopes = np.array([ogr.CreateGeometryFromWkb(raw["wkb"].iat[i]).GetEnvelope() for i in rows],
                         dtype=float).reshape(-1, 4)
    frame = pd.DataFrame({
        "operateur": raw["operateur"].to_numpy(object)[rows].astype(str), "techno": techno[rows],
        "niveau": level[rows], "wkb": raw["wkb"].to_numpy(object)[rows],
        "minx": envelopes[:, 0], "maxx": envelopes[:, 1], "miny": envelopes[:, 2], "maxy": envelopes[:, 3],
    }, columns=["operateur", "techno", "niveau", "wkb", "minx", "maxx", "miny", "maxy"])
    return Coverage(frame, sorted(frame["operateur"].unique()), warnings)


def _refuse_unreadable(raw: pd.DataFrame, usable: np.ndarray, techno_field: str, level_field: str,
                       layer_key: str | None) -> None:
    """ScoranError when every polygon (of all layers, or of one layer) has an unknown code."""
    if not len(raw):
        return
    if not usable.any():
        raise ScoranError(tr(
            "Aucun polygone de couverture 2G, 3G ou 4G lisible : technologies lues dans le champ « {0} » : {1} ; "
            "niveaux lus dans le champ « {2} » : {3}. Attendu : 2G, 3G, 4G (ou GSM, UMTS, LTE) et TBC, BC, CL "
            "(ou Très bonne couverture, Bonne couverture, Couverture limitée) ; sinon indiquez les bons "
            "champs.").format(techno_field, _values_seen(raw["techno"]), level_field, _values_seen(raw["niveau"])))
    if layer_key:
        readable = pd.Series(usable).groupby(raw["couche"].fillna("").astype(str).to_numpy()).any()
        for layer in readable.index[~readable.to_numpy()]:
            rows = (raw["couche"].fillna("").astype(str) == layer).to_numpy()
            raise ScoranError(tr(
                "Couche de couverture « {0} » : aucun polygone 2G, 3G ou 4G lisible (technologies lues dans le "
                "champ « {1} » : {2} ; niveaux lus dans le champ « {3} » : {4}). Attendu : 2G, 3G, 4G (ou GSM, "
                "UMTS, LTE) et TBC, BC, CL (ou Très bonne couverture, Bonne couverture, Couverture limitée)."
            ).format(layer, techno_field, _values_seen(raw["techno"][rows]), level_field,
                     _values_seen(raw["niveau"][rows])))


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


COST_SOURCES = ("agent", "estimation")  # source_cout: the officer's cost, or sites × unit cost
SITE_STATUSES = {  # statut_site, as the store's centres_bourgs table allows it (domain.md §3)
    "recherche_site": "Recherche de site",
    "pylone_construit": "Pylône construit",
    "mis_a_disposition": "Mis à disposition des opérateurs",
    "ouvert_2g": "Ouvert en 2G",
    "ouvert_3g": "Ouvert en 3G",
}


def estimate_costs(status: pd.Series, mountain: np.ndarray, sites: np.ndarray | None = None,
                   costs: dict | None = None, officer_cost: np.ndarray | None = None) -> pd.DataFrame:
    """Sites, cost, State subsidy (mountain rate where flagged) and local remainder per centre-bourg.

    Only white centres (2G, or 3G only) need a site; partly covered ones are left to the operators.
    The rule, per centre:
    - `cout_estime_sites` = sites needed × cost of a site (the estimate);
    - `cout_retenu` = the officer's cost (`officer_cost`, e.g. centres_bourgs.cout) where given
      (0 included), else the estimate; `source_cout` says which (`agent` / `estimation`);
    - `subvention_etat` = min(sites needed × subsidy per site (mountain rate where flagged),
      `cout_retenu`): the State pays per site, never more than the cost retained — a centre the
      maps show covered (no site needed) gets none, whatever its cost;
    - `reste_collectivites` = `cout_retenu` − `subvention_etat`;
    - `cout_estime` (the contract's field, kept) = `cout_retenu`, the cost the figures add up to.
    """
    costs = {**DEFAULT_COSTS, **(costs or {})}
    white = status.isin(["zone_blanche_2g", "zone_blanche_3g"]).to_numpy()
    count = np.where(white, sites if sites is not None else costs["sites_per_centre"], 0).astype(int)
    subsidy_per_site = np.where(np.asarray(mountain, dtype=bool), costs["subsidy_mountain"], costs["subsidy"])
    estimate = count * float(costs["site_cost"])
    officer = (np.full(len(count), np.nan) if officer_cost is None
               else np.asarray(officer_cost, dtype=float).reshape(len(count)))
    given = ~np.isnan(officer)
    retained = np.where(given, officer, estimate)
    subsidy = np.minimum(count * subsidy_per_site, retained)
    return pd.DataFrame({"nb_sites": count, "cout_estime": retained, "subvention_etat": subsidy,
                         "reste_collectivites": retained - subsidy, "cout_estime_sites": estimate,
                         "cout_retenu": retained,
                         "source_cout": np.where(given, COST_SOURCES[0], COST_SOURCES[1]).astype(object)})


SUMMARY_MONEY = ["nb_sites", "cout_estime", "subvention_etat", "reste_collectivites", "cout_estime_sites",
                 "cout_retenu"]


def summary(centres: pd.DataFrame) -> pd.DataFrame:
    """Per department and for the territory: centres by status, the money, and how many costs the officer gave.

    `nb_couts_agent`: centres whose `cout_retenu` is the officer's cost (`source_cout` = agent).
    """
    frame = centres.assign(code=centres["code_dep"])
    if "cout_retenu" not in frame:  # centres costed before the officer's cost existed
        frame = frame.assign(cout_estime_sites=frame["cout_estime"], cout_retenu=frame["cout_estime"],
                             source_cout=COST_SOURCES[1])
    frame = frame.assign(nb_couts_agent=(frame["source_cout"] == COST_SOURCES[0]).astype(int))
    money = SUMMARY_MONEY + ["nb_couts_agent"]
    parts = []
    # niveau and code are keys the deliverables read: French words, never translated
    for level, data in (("département", frame), ("territoire", frame.assign(code="Ensemble"))):
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
    outside = np.flatnonzero(~inside)
    px, py = x[outside], y[outside]
    best = np.full(len(outside), np.inf)
    for wkb, minx, maxx, miny, maxy in zip(frame["wkb"], frame["minx"], frame["maxx"], frame["miny"], frame["maxy"]):
        gap = np.maximum.reduce([minx - px, np.zeros(len(px)), px - maxx, miny - py, py - maxy])
        near = np.flatnonzero(gap < search)  # a coverage farther than `search` is not looked at
        found = distance_to_edges(px[near], py[near], polygon_edges(wkb))
        if found is None:  # no scipy: GEOS, point by point
            return inside, _demand_distances_one_by_one(x, y, frame, inside, distance, feedback, search)
        best[near] = np.minimum(best[near], found)
    distance[outside] = np.where(np.isfinite(best), np.round(best, 1), np.nan)
    return inside, distance


def _demand_distances_one_by_one(x, y, frame, inside, distance, feedback, search):
    """demand_4g's distances without scipy: GEOS for each point outside the coverage."""
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
    return distance


def demand_by_commune(codes: pd.Series, distance: np.ndarray) -> pd.DataFrame:
    """Points needing 4G per commune: count and nearest-coverage distances (metres)."""
    frame = pd.DataFrame({"insee_com": pd.Series(codes, dtype=object).fillna("").to_numpy(), "distance": distance})
    table = frame.groupby("insee_com")["distance"].agg(["size", "min", "median", "max"]).reset_index()
    table.columns = ["insee_com", "nb_points_sans_4g", "distance_min_m", "distance_mediane_m", "distance_max_m"]
    table[["distance_min_m", "distance_mediane_m", "distance_max_m"]] = table[
        ["distance_min_m", "distance_mediane_m", "distance_max_m"]].round(0)
    return table.sort_values(["nb_points_sans_4g", "insee_com"], ascending=[False, True]).reset_index(drop=True)
