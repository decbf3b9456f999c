"""Broadband white zones: premises per area and class, areas and 200 m cells of the circular's two categories.

The circular names two categories, both computed here:

- *zones blanches du haut débit* — no broadband: the premises are ineligible (`INEL`, below
  512 kbit/s). An area (or cell) is one when its ineligible premises reach SHARE %: `zb_haut_debit`,
  grid zones of category `sans_haut_debit`;
- *zones ne bénéficiant pas d'un haut débit de qualité* — a premise lacks quality broadband when
  its class ranks below THRESHOLD (default HD3, i.e. < 3 Mbit/s); an area (or cell) is one when that
  share reaches SHARE %: `zone_blanche` (the contract's field, which keeps this meaning), grid
  zones of category `sous_seuil`.

Counts are of premises (`nb_locaux`), not of buildings. Shares compare in integers
(`count × 100 ≥ SHARE × nb_locaux`), so an area exactly at the share is in the category. Every
output records the THRESHOLD (`seuil`) and SHARE (`part_pct`) it was computed with.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from osgeo import gdal, ogr, osr

from . import projection
from .areas import main_department
from .errors import ScoranError
from .grid import CELL, LAEA, cell_indices
from .i18n import tr
from .speed_classes import CLASSES, RANK
from .tables import distinct

gdal.UseExceptions()
COUNT_FIELDS = ["nb_locaux", "nb_inel", "nb_hd05", "nb_hd3", "nb_bhd8", "nb_thd30", "nb_thd100", "nb_thd1g",
                "nb_sous_seuil", "pct_sous_seuil", "nb_bhd", "nb_thd", "zone_blanche"]
# added after the contract's fields: the no-broadband category and the parameters of the run
CIRCULAR_FIELDS = ["pct_inel", "zb_haut_debit", "seuil", "part_pct"]
AREA_FIELDS = COUNT_FIELDS + CIRCULAR_FIELDS

CATEGORY_BELOW_THRESHOLD = "sous_seuil"  # zones ne bénéficiant pas d'un haut débit de qualité
CATEGORY_NO_BROADBAND = "sans_haut_debit"  # zones blanches du haut débit (locaux inéligibles)
ZONE_FIELDS = ["zone_id", "code_dep", "nb_carreaux", "nb_locaux", "nb_sous_seuil", "pct_sous_seuil", "surface_km2",
               "categorie", "seuil", "part_pct"]
INEL_ZONE_FIELDS = ["zone_id", "code_dep", "nb_carreaux", "nb_locaux", "nb_inel", "pct_inel", "surface_km2",
                    "categorie", "seuil", "part_pct"]
ZONE_GEOMETRY = ["geom", "minx", "maxx", "miny", "maxy"]  # polygon WKB (EPSG:3035) and its envelope
SUMMARY_FIELDS = ["code", "niveau", "nb_locaux", "nb_inel", "nb_sous_seuil", "nb_bhd", "nb_thd", "nb_zones_blanches",
                  "locaux_zones_blanches", "carreaux_blancs", "locaux_carreaux_blancs", "pct_sous_seuil",
                  "pct_inel", "nb_zb_haut_debit", "locaux_zb_haut_debit", "carreaux_inel", "locaux_carreaux_inel",
                  "seuil", "part_pct"]


def threshold_rank(threshold: str) -> int:
    code = str(threshold).strip().upper()
    if code not in RANK or code == "INEL":
        raise ScoranError(tr("Seuil inconnu : « {0} ». Classes possibles : {1}.").format(
            threshold, ", ".join(CLASSES[1:])))
    return RANK[code]


def threshold_code(threshold: str) -> str:
    """The THRESHOLD class as stored with the results (`seuil`), checked."""
    threshold_rank(threshold)
    return str(threshold).strip().upper()


def check_share(share: float) -> float:
    if not 0 < share <= 100:
        raise ScoranError(tr("La part de locaux sous le seuil doit être comprise entre 0 et 100 % (reçu : {0}).")
                          .format(share))
    return float(share)


def reaches_share(count, nb_locaux, share: float):
    """Whether `count` premises of `nb_locaux` reach SHARE % (≥, compared without dividing)."""
    return (nb_locaux > 0) & (count * 100 >= share * nb_locaux)


def percent(count, nb_locaux):
    """100 × count / nb_locaux, rounded to 2 decimals; NaN where there is no premise."""
    count, nb_locaux = np.asarray(count, dtype=float), np.asarray(nb_locaux, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(nb_locaux > 0, np.round(100.0 * count / nb_locaux, 2), np.nan)


def premise_ranks(classes) -> np.ndarray:
    """Class codes → ranks (unknown → INEL)."""
    at, names = distinct(pd.Series(classes))  # a few codes in a million rows: normalise those only
    return pd.Categorical(names.str.upper(), categories=CLASSES).codes.clip(min=0)[at]


def count_by_group(group: np.ndarray, nb_locaux: np.ndarray, ranks: np.ndarray, n_groups: int,
                   threshold: str, share: float) -> pd.DataFrame:
    """AREA_FIELDS for groups 0..n_groups-1 (premises with group -1 are left out)."""
    limit, share, seuil = threshold_rank(threshold), check_share(share), threshold_code(threshold)
    keep = group >= 0
    group, nb, ranks = group[keep], nb_locaux[keep].astype(np.int64), ranks[keep]
    # premises per (group, class) in one weighted count (exact: sums far below 2**53)
    by_class = np.bincount(group * len(CLASSES) + ranks, weights=nb, minlength=n_groups * len(CLASSES))
    by_class = by_class.reshape(n_groups, len(CLASSES)).round().astype(np.int64)
    table = pd.DataFrame(by_class, columns=[f"nb_{c.lower()}" for c in CLASSES])
    table.insert(0, "nb_locaux", by_class.sum(axis=1))
    table["nb_sous_seuil"] = by_class[:, :limit].sum(axis=1)
    # integer comparison: a share exactly at the threshold is a white zone, without float rounding
    table["zone_blanche"] = reaches_share(table["nb_sous_seuil"], table["nb_locaux"], share)
    table["pct_sous_seuil"] = percent(table["nb_sous_seuil"], table["nb_locaux"])
    table["nb_bhd"] = by_class[:, RANK["BHD8"]:].sum(axis=1)
    table["nb_thd"] = by_class[:, RANK["THD30"]:].sum(axis=1)
    table["pct_inel"] = percent(table["nb_inel"], table["nb_locaux"])
    table["zb_haut_debit"] = reaches_share(table["nb_inel"], table["nb_locaux"], share)
    table["seuil"] = seuil
    table["part_pct"] = share
    return table[AREA_FIELDS]


@dataclass
class GridZones:
    """The 200 m cells of each category dissolved into zones (EPSG:3035)."""

    cells: pd.DataFrame  # every populated cell: ix, iy (grid.cell_ids names them), counts, flags `blanc`, `inel`
    zones: pd.DataFrame  # below THRESHOLD (`sous_seuil`): ZONE_FIELDS + ZONE_GEOMETRY, a row per zone
    zones_inel: pd.DataFrame | None = None  # no broadband (`sans_haut_debit`): INEL_ZONE_FIELDS + ZONE_GEOMETRY


class _Labels:
    """Zone numbers (1..n; 0 = in no zone) burnt on the grid over the bounding box of the dissolved cells."""

    def __init__(self, array: np.ndarray, col0: int, row_top: int):
        self.array, self.col0, self.row_top = array, col0, row_top

    def of(self, ix: np.ndarray, iy: np.ndarray) -> np.ndarray:
        rows, cols = self.row_top - np.asarray(iy), np.asarray(ix) - self.col0
        height, width = self.array.shape
        inside = (rows >= 0) & (rows < height) & (cols >= 0) & (cols < width)
        result = np.zeros(len(rows), dtype=np.int64)
        result[inside] = self.array[rows[inside], cols[inside]]
        return result


def _dissolve(ix: np.ndarray, iy: np.ndarray) -> tuple[np.ndarray, _Labels]:
    """Polygons (WKB, EPSG:3035) of the cells given, dissolved, and the zone number of any cell.

    The cells are burnt on a raster, so the polygons' edges are exactly the cells' edges. Zone n is
    the polygon of feature id n - 1; the polygons are read in one batch (GDAL's Arrow stream) and
    the zone numbers burnt back on the grid by GDAL, with no loop over the zones here.
    """
    col0, row_top = int(ix.min()), int(iy.max())
    width, height = int(ix.max()) - col0 + 1, row_top - int(iy.min()) + 1
    mask = np.zeros((height, width), dtype=np.uint8)
    mask[row_top - iy, ix - col0] = 1
    raster = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Byte)
    raster.SetGeoTransform((col0 * CELL, CELL, 0, (row_top + 1) * CELL, 0, -CELL))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(LAEA)
    raster.SetProjection(srs.ExportToWkt())
    band = raster.GetRasterBand(1)
    band.WriteArray(mask)
    memory = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = memory.CreateLayer("zones", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("value", ogr.OFTInteger))
    gdal.Polygonize(band, band, layer, 0, [])
    geometries = _polygons_wkb(layer)
    # burn each polygon's feature id on the grid (-1 elsewhere): zone = fid + 1, 0 = in no zone
    numbered = memory.ExecuteSQL("SELECT FID AS zone FROM zones")
    labels = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Int32)
    labels.SetGeoTransform(raster.GetGeoTransform())
    labels.SetProjection(raster.GetProjection())
    labels.GetRasterBand(1).Fill(-1)
    gdal.RasterizeLayer(labels, [1], numbered, options=["ATTRIBUTE=zone"])
    memory.ReleaseResultSet(numbered)
    return geometries, _Labels(labels.ReadAsArray() + 1, col0, row_top)


def _polygons_wkb(layer) -> np.ndarray:
    """The layer's geometries as WKB, in feature id order (an object array of bytes)."""
    if hasattr(layer, "GetArrowStreamAsNumPy"):  # GDAL ≥ 3.6: one batch of arrays, no Python loop
        batches = list(layer.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=NO"]))
        if not batches:
            return np.array([], dtype=object)
        fid, geometry = layer.GetFIDColumn() or "OGC_FID", layer.GetGeometryColumn() or "wkb_geometry"
        if fid in batches[0] and geometry in batches[0]:
            fids = np.concatenate([batch[fid] for batch in batches])
            wkbs = np.concatenate([np.asarray(batch[geometry], dtype=object) for batch in batches])
            return wkbs[np.argsort(fids, kind="stable")]
        layer.ResetReading()
    return np.array([bytes(feature.GetGeometryRef().ExportToIsoWkb()) for feature in layer], dtype=object)


def _zones_of(cells: pd.DataFrame, flag: str, count: str, pct: str, main_departments, category: str, seuil: str,
              share: float) -> pd.DataFrame:
    """The flagged cells dissolved into zones: one row per zone (fields, main department, geometry, envelope).

    `main_departments(labels, n_zones)` gives the main department of zones 1..n_zones.
    """
    names = ZONE_FIELDS if count == "nb_sous_seuil" else INEL_ZONE_FIELDS
    flagged = cells[cells[flag]]
    if flagged.empty:
        return pd.DataFrame(columns=[*names, *ZONE_GEOMETRY])
    cell_x, cell_y = flagged["ix"].to_numpy(), flagged["iy"].to_numpy()
    geometries, labels = _dissolve(cell_x, cell_y)
    zone = labels.of(cell_x, cell_y)
    n_zones = len(geometries)
    main_dep = main_departments(labels, n_zones)
    sums = flagged.assign(zone=zone).groupby("zone").agg(
        nb_carreaux=("zone", "size"), nb_locaux=("nb_locaux", "sum"), count=(count, "sum"),
        minx=("ix", "min"), maxx=("ix", "max"), miny=("iy", "min"), maxy=("iy", "max"),
    ).reindex(range(1, n_zones + 1), fill_value=0)
    zones = pd.DataFrame({
        "zone_id": np.arange(1, n_zones + 1), "code_dep": main_dep,
        "nb_carreaux": sums["nb_carreaux"].to_numpy(dtype=np.int64),
        "nb_locaux": sums["nb_locaux"].to_numpy(dtype=np.int64), count: sums["count"].to_numpy(dtype=np.int64),
        pct: percent(sums["count"], sums["nb_locaux"]),
        "surface_km2": np.round(sums["nb_carreaux"].to_numpy() * (CELL * CELL / 1e6), 2),
        "categorie": category, "seuil": seuil, "part_pct": float(share), "geom": geometries,
        # a zone's envelope is its cells' (the polygon's edges are the cells' edges)
        "minx": sums["minx"].to_numpy() * float(CELL), "maxx": (sums["maxx"].to_numpy() + 1) * float(CELL),
        "miny": sums["miny"].to_numpy() * float(CELL), "maxy": (sums["maxy"].to_numpy() + 1) * float(CELL),
    })
    return zones[[*names, *ZONE_GEOMETRY]]


def grid_white_zones(x: np.ndarray, y: np.ndarray, epsg: int, nb_locaux: np.ndarray, ranks: np.ndarray,
                     code_dep: np.ndarray, threshold: str, share: float) -> GridZones:
    """Premises to 200 m INSPIRE cells; the cells of each category dissolved into polygons with counts.

    `zones`: cells whose premises below THRESHOLD reach SHARE (`sous_seuil`); `zones_inel`: cells
    whose ineligible premises reach SHARE (`sans_haut_debit`).
    """
    limit = threshold_rank(threshold)
    gx, gy = projection.transform(x, y, epsg, LAEA)
    ix, iy = cell_indices(gx, gy)
    nb = nb_locaux.astype(np.int64)
    # one integer key per cell, in (ix, iy) order: a sort and three weighted counts, no groupby
    ix0, iy0 = (int(ix.min()), int(iy.min())) if len(ix) else (0, 0)
    height = int(iy.max()) - iy0 + 1 if len(iy) else 1
    keys, cell_of = np.unique((ix - ix0) * height + (iy - iy0), return_inverse=True)
    cells = pd.DataFrame({
        "ix": keys // height + ix0, "iy": keys % height + iy0,
        "nb_locaux": np.bincount(cell_of, weights=nb, minlength=len(keys)).round().astype(np.int64),
        "nb_sous_seuil": np.bincount(cell_of, weights=np.where(ranks < limit, nb, 0),
                                     minlength=len(keys)).round().astype(np.int64),
        "nb_inel": np.bincount(cell_of, weights=np.where(ranks == RANK["INEL"], nb, 0),
                               minlength=len(keys)).round().astype(np.int64),
    })
    code_dep = np.asarray(code_dep, dtype=object)

    def main_departments(labels: _Labels, n_zones: int) -> np.ndarray:
        # the department of most premise rows of the zone (a tie: the first met), as for the areas
        return main_department(labels.of(ix, iy) - 1, code_dep, n_zones)

    return zones_of_cells(cells, main_departments, threshold, share)


def zones_of_cells(cells: pd.DataFrame, main_departments, threshold: str, share: float) -> GridZones:
    """GridZones of the populated cells counted elsewhere (ix, iy, nb_locaux, nb_sous_seuil, nb_inel, in (ix, iy)
    order): the flags `blanc` and `inel`, then the flagged cells dissolved into zones of each category.

    `main_departments(labels, n_zones)`: the main department of zones 1..n_zones, where `labels.of(ix, iy)` gives
    the zone of any cell (0: none). The GeoPackage path counts the premises' rows (`grid_white_zones`), the
    PostGIS path its per cell × department counts (core/mci_postgis.py): the same rule.
    """
    share, seuil = check_share(share), threshold_code(threshold)
    cells["blanc"] = reaches_share(cells["nb_sous_seuil"], cells["nb_locaux"], share)
    cells["inel"] = reaches_share(cells["nb_inel"], cells["nb_locaux"], share)
    zones = _zones_of(cells, "blanc", "nb_sous_seuil", "pct_sous_seuil", main_departments,
                      CATEGORY_BELOW_THRESHOLD, seuil, share)
    zones_inel = _zones_of(cells, "inel", "nb_inel", "pct_inel", main_departments, CATEGORY_NO_BROADBAND, seuil,
                           share)
    return GridZones(cells, zones, zones_inel)


def _zone_sums(zones: pd.DataFrame | None, count_name: str, locaux_name: str) -> pd.DataFrame:
    if zones is None or zones.empty:
        return pd.DataFrame({count_name: pd.Series(dtype=np.int64), locaux_name: pd.Series(dtype=np.int64)})
    sums = zones.groupby("code_dep")[["nb_carreaux", "nb_locaux"]].sum()
    return sums.rename(columns={"nb_carreaux": count_name, "nb_locaux": locaux_name})


def department_summary(premises: pd.DataFrame, area_table: pd.DataFrame, area_dep: np.ndarray,
                       grid: GridZones, threshold: str, share: float | None = None) -> pd.DataFrame:
    """One row per department and one for the whole territory: the white-zone inventory in figures.

    Both categories: below THRESHOLD (`nb_zones_blanches`, `carreaux_blancs`…) and no broadband
    (`nb_zb_haut_debit`, `carreaux_inel`…), with the THRESHOLD and SHARE used (SUMMARY_FIELDS).
    `share` defaults to the one recorded in `area_table` (`part_pct`).
    """
    limit, seuil = threshold_rank(threshold), threshold_code(threshold)
    if share is None:
        share = float(area_table["part_pct"].iloc[0]) if len(area_table) else float("nan")
    nb = premises["nb_locaux"].to_numpy(dtype=np.int64)
    ranks = premises["rank"].to_numpy()
    frame = pd.DataFrame({
        "code": premises["code_dep"].to_numpy(), "nb_locaux": nb, "nb_inel": np.where(ranks == 0, nb, 0),
        "nb_sous_seuil": np.where(ranks < limit, nb, 0), "nb_bhd": np.where(ranks >= RANK["BHD8"], nb, 0),
        "nb_thd": np.where(ranks >= RANK["THD30"], nb, 0),
    })
    per_dep = frame.groupby("code").sum()
    areas = pd.DataFrame({"code": area_dep, "zone": area_table["zone_blanche"].to_numpy(dtype=bool),
                          "inel": area_table["zb_haut_debit"].to_numpy(dtype=bool),
                          "locaux": area_table["nb_locaux"].to_numpy()})
    white, no_broadband = areas[areas["zone"]].groupby("code"), areas[areas["inel"]].groupby("code")
    per_dep["nb_zones_blanches"] = white.size()
    per_dep["locaux_zones_blanches"] = white["locaux"].sum()
    per_dep = per_dep.join(_zone_sums(grid.zones, "carreaux_blancs", "locaux_carreaux_blancs"))
    per_dep["nb_zb_haut_debit"] = no_broadband.size()
    per_dep["locaux_zb_haut_debit"] = no_broadband["locaux"].sum()
    per_dep = per_dep.join(_zone_sums(grid.zones_inel, "carreaux_inel", "locaux_carreaux_inel"))
    per_dep = per_dep.fillna(0).astype(np.int64)
    total = per_dep.sum().to_frame().T
    total.index = ["Ensemble"]  # niveau and code are keys the deliverables read: not translated
    table = pd.concat([per_dep, total])
    table.insert(0, "niveau", ["département"] * len(per_dep) + ["territoire"])
    table["pct_sous_seuil"] = percent(table["nb_sous_seuil"], table["nb_locaux"])
    table["pct_inel"] = percent(table["nb_inel"], table["nb_locaux"])
    table["seuil"] = seuil
    table["part_pct"] = float(share)
    table.index.name = "code"
    return table.reset_index()[SUMMARY_FIELDS]
