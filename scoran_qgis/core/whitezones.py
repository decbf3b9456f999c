"""Broadband white zones: premises per area and class, areas and 200 m cells below the threshold.

Counts are of premises (`nb_locaux`), not of buildings. A premise lacks quality broadband when its
class ranks below THRESHOLD (default HD3, i.e. < 3 Mbit/s); an area (or a grid cell) is a white
zone when that share reaches SHARE % (≥, so a cell exactly at the share is white).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from osgeo import gdal, ogr, osr

from . import projection
from .errors import ScoranError
from .grid import CELL, LAEA, cell_id, cell_indices
from .i18n import tr
from .speed_classes import CLASSES, RANK

gdal.UseExceptions()
COUNT_FIELDS = ["nb_locaux", "nb_inel", "nb_hd05", "nb_hd3", "nb_bhd8", "nb_thd30", "nb_thd100", "nb_thd1g",
                "nb_sous_seuil", "pct_sous_seuil", "nb_bhd", "nb_thd", "zone_blanche"]


def threshold_rank(threshold: str) -> int:
    code = str(threshold).strip().upper()
    if code not in RANK or code == "INEL":
        raise ScoranError(tr("Seuil inconnu : « {0} ». Classes possibles : {1}.").format(
            threshold, ", ".join(CLASSES[1:])))
    return RANK[code]


def _check_share(share: float) -> float:
    if not 0 < share <= 100:
        raise ScoranError(tr("La part de locaux sous le seuil doit être comprise entre 0 et 100 % (reçu : {0}).")
                          .format(share))
    return float(share)


def premise_ranks(classes) -> np.ndarray:
    """Class codes → ranks (unknown → INEL)."""
    return pd.Categorical(pd.Series(classes).astype(str).str.upper(), categories=CLASSES).codes.clip(min=0)


def count_by_group(group: np.ndarray, nb_locaux: np.ndarray, ranks: np.ndarray, n_groups: int,
                   threshold: str, share: float) -> pd.DataFrame:
    """COUNT_FIELDS for groups 0..n_groups-1 (premises with group -1 are left out)."""
    limit, share = threshold_rank(threshold), _check_share(share)
    keep = group >= 0
    group, nb, ranks = group[keep], nb_locaux[keep].astype(np.int64), ranks[keep]
    by_class = np.zeros((n_groups, len(CLASSES)), dtype=np.int64)
    np.add.at(by_class, (group, ranks), nb)
    table = pd.DataFrame(by_class, columns=[f"nb_{c.lower()}" for c in CLASSES])
    table.insert(0, "nb_locaux", by_class.sum(axis=1))
    table["nb_sous_seuil"] = by_class[:, :limit].sum(axis=1)
    # integer comparison: a share exactly at the threshold is a white zone, without float rounding
    table["zone_blanche"] = (table["nb_locaux"] > 0) & (table["nb_sous_seuil"] * 100 >= share * table["nb_locaux"])
    with np.errstate(divide="ignore", invalid="ignore"):
        table["pct_sous_seuil"] = np.where(table["nb_locaux"] > 0,
                                           np.round(100.0 * table["nb_sous_seuil"] / table["nb_locaux"], 2), np.nan)
    table["nb_bhd"] = by_class[:, RANK["BHD8"]:].sum(axis=1)
    table["nb_thd"] = by_class[:, RANK["THD30"]:].sum(axis=1)
    return table[COUNT_FIELDS]


@dataclass
class GridZones:
    """White 200 m cells dissolved into zones (EPSG:3035)."""

    cells: pd.DataFrame  # every populated cell: ix, iy, cell id, counts, white flag
    zones: list  # dicts: geom (WKB, EPSG:3035) + counts


def grid_white_zones(x: np.ndarray, y: np.ndarray, epsg: int, nb_locaux: np.ndarray, ranks: np.ndarray,
                     code_dep: np.ndarray, threshold: str, share: float) -> GridZones:
    """Premises to 200 m INSPIRE cells; cells reaching SHARE dissolved into polygons with counts."""
    limit, share = threshold_rank(threshold), _check_share(share)
    gx, gy = projection.transform(x, y, epsg, LAEA)
    ix, iy = cell_indices(gx, gy)
    nb = nb_locaux.astype(np.int64)
    frame = pd.DataFrame({"ix": ix, "iy": iy, "nb_locaux": nb, "nb_sous_seuil": np.where(ranks < limit, nb, 0),
                          "code_dep": code_dep})
    cells = frame.groupby(["ix", "iy"], sort=True).agg(
        nb_locaux=("nb_locaux", "sum"), nb_sous_seuil=("nb_sous_seuil", "sum")).reset_index()
    cells["blanc"] = (cells["nb_locaux"] > 0) & (cells["nb_sous_seuil"] * 100 >= share * cells["nb_locaux"])
    white = cells[cells["blanc"]]
    if white.empty:
        return GridZones(cells, [])

    # Dissolve on a raster of the white cells: polygon edges are exactly the cell edges.
    col0, row_top = int(white["ix"].min()), int(white["iy"].max())
    width, height = int(white["ix"].max()) - col0 + 1, row_top - int(white["iy"].min()) + 1
    mask = np.zeros((height, width), dtype=np.uint8)
    mask[row_top - white["iy"].to_numpy(), white["ix"].to_numpy() - col0] = 1
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
    # Number the zones, then burn the numbers back on the grid to sum the cells of each zone.
    layer.CreateField(ogr.FieldDefn("zone", ogr.OFTInteger))
    geometries = []
    for number, feature in enumerate(layer, start=1):
        feature.SetField("zone", number)
        layer.SetFeature(feature)
        geometries.append(feature.GetGeometryRef().ExportToIsoWkb())
    labels = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Int32)
    labels.SetGeoTransform(raster.GetGeoTransform())
    labels.SetProjection(raster.GetProjection())
    gdal.RasterizeLayer(labels, [1], layer, options=["ATTRIBUTE=zone"])
    zone_of_cell = labels.ReadAsArray()[row_top - white["iy"].to_numpy(), white["ix"].to_numpy() - col0]
    white = white.assign(zone=zone_of_cell)
    cell_zone = frame.merge(white[["ix", "iy", "zone"]], on=["ix", "iy"], how="inner")
    main_dep = cell_zone.groupby("zone")["code_dep"].agg(lambda s: s.value_counts().index[0])
    sums = white.groupby("zone").agg(nb_carreaux=("zone", "size"), nb_locaux=("nb_locaux", "sum"),
                                     nb_sous_seuil=("nb_sous_seuil", "sum"))
    zones = []
    for number, wkb in enumerate(geometries, start=1):
        row = sums.loc[number]
        zones.append({
            "zone_id": number, "code_dep": main_dep.get(number), "nb_carreaux": int(row["nb_carreaux"]),
            "nb_locaux": int(row["nb_locaux"]), "nb_sous_seuil": int(row["nb_sous_seuil"]),
            "pct_sous_seuil": round(100.0 * row["nb_sous_seuil"] / row["nb_locaux"], 2),
            "surface_km2": round(int(row["nb_carreaux"]) * CELL * CELL / 1e6, 2),
            "geom": bytes(wkb),
        })
    cells["id_carreau"] = [cell_id(a, b) for a, b in zip(cells["ix"].tolist(), cells["iy"].tolist())]
    return GridZones(cells, zones)


def department_summary(premises: pd.DataFrame, area_table: pd.DataFrame, area_dep: np.ndarray,
                       grid: GridZones, threshold: str) -> pd.DataFrame:
    """One row per department and one for the whole territory: the white-zone inventory in figures."""
    limit = threshold_rank(threshold)
    nb = premises["nb_locaux"].to_numpy(dtype=np.int64)
    ranks = premises["rank"].to_numpy()
    frame = pd.DataFrame({
        "code": premises["code_dep"].to_numpy(), "nb_locaux": nb, "nb_inel": np.where(ranks == 0, nb, 0),
        "nb_sous_seuil": np.where(ranks < limit, nb, 0), "nb_bhd": np.where(ranks >= RANK["BHD8"], nb, 0),
        "nb_thd": np.where(ranks >= RANK["THD30"], nb, 0),
    })
    per_dep = frame.groupby("code").sum()
    areas = pd.DataFrame({"code": area_dep, "zone": area_table["zone_blanche"].to_numpy(),
                          "locaux": area_table["nb_locaux"].to_numpy()})
    per_dep["nb_zones_blanches"] = areas[areas["zone"]].groupby("code").size()
    per_dep["locaux_zones_blanches"] = areas[areas["zone"]].groupby("code")["locaux"].sum()
    zones = pd.DataFrame(grid.zones) if grid.zones else pd.DataFrame(columns=["code_dep", "nb_carreaux", "nb_locaux"])
    per_dep["carreaux_blancs"] = zones.groupby("code_dep")["nb_carreaux"].sum()
    per_dep["locaux_carreaux_blancs"] = zones.groupby("code_dep")["nb_locaux"].sum()
    per_dep = per_dep.fillna(0).astype(np.int64)
    total = per_dep.sum().to_frame().T
    total.index = [tr("Ensemble")]
    table = pd.concat([per_dep, total])
    table.insert(0, "niveau", [tr("département")] * len(per_dep) + [tr("territoire")])
    table["pct_sous_seuil"] = np.round(100.0 * table["nb_sous_seuil"] / table["nb_locaux"].where(
        table["nb_locaux"] > 0), 2)
    table.index.name = "code"
    return table.reset_index()
