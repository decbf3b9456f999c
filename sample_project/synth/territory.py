"""The real territory, read once, with what the synthesis needs: commune cells for sampling points."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from osgeo import gdal, ogr

gdal.UseExceptions()
ogr.UseExceptions()

CELL = 100.0  # metres: resolution of the commune raster used to place points inside communes


@dataclass
class Territory:
    communes: pd.DataFrame  # one row per commune, index = position (0..n-1), with mairie x/y (L93)
    raster: np.ndarray  # commune position + 1 per 100 m cell, 0 outside
    origin: tuple  # (xmin, ymax) of the raster
    cells_by_commune: list  # flat cell indices of each commune
    departements: pd.DataFrame
    path: str

    def cell_centres(self, flat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        rows, cols = np.divmod(flat, self.raster.shape[1])
        return self.origin[0] + (cols + 0.5) * CELL, self.origin[1] - (rows + 0.5) * CELL

    def commune_at(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Commune position under each point (-1 outside the region)."""
        cols = np.floor((x - self.origin[0]) / CELL).astype(np.int64)
        rows = np.floor((self.origin[1] - y) / CELL).astype(np.int64)
        inside = (rows >= 0) & (rows < self.raster.shape[0]) & (cols >= 0) & (cols < self.raster.shape[1])
        result = np.full(x.shape, -1, dtype=np.int64)
        result[inside] = self.raster[rows[inside], cols[inside]].astype(np.int64) - 1
        return result


def load(path: str) -> Territory:
    dataset = ogr.Open(path)
    layer = dataset.GetLayerByName("communes")
    records = []
    for feature in layer:
        records.append(
            {
                "fid": feature.GetFID(),
                "insee_com": feature["insee_com"],
                "nom": feature["nom"],
                "insee_dep": feature["insee_dep"],
                "siren_epci": feature["siren_epci"] or "",
                "nom_epci": feature["nom_epci"] or "",
                "population": feature["population"] or 0,
                "logements": feature["logements"] or 0,
                "maisons": feature["maisons"] or 0,
                "appartements": feature["appartements"] or 0,
                "area_km2": feature.GetGeometryRef().GetArea() / 1e6,
            }
        )
    communes = pd.DataFrame.from_records(records).sort_values("insee_com").reset_index(drop=True)
    xmin, xmax, ymin, ymax = layer.GetExtent()

    mairie_layer = dataset.GetLayerByName("mairies")
    placed = mairie_layer.GetLayerDefn().GetFieldIndex("localisation") >= 0
    mairies, geocoded = {}, set()
    for f in mairie_layer:
        mairies[f["insee_com"]] = f.GetGeometryRef().GetPoint_2D()
        if not placed or f["localisation"] == "geocodage":
            geocoded.add(f["insee_com"])
    deps = [
        {"insee_dep": f["insee_dep"], "nom": f["nom"], "geom_wkb": bytes(f.GetGeometryRef().ExportToIsoWkb())}
        for f in dataset.GetLayerByName("departements")
    ]
    dataset = None

    width = int(np.ceil((xmax - xmin) / CELL))
    height = int(np.ceil((ymax - ymin) / CELL))
    target = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Int32)
    target.SetGeoTransform((xmin, CELL, 0, ymax, 0, -CELL))
    source = ogr.Open(path)
    position = {code: i + 1 for i, code in enumerate(communes["insee_com"])}
    mem = ogr.GetDriverByName("Memory").CreateDataSource("")
    mem_layer = mem.CreateLayer("c", source.GetLayerByName("communes").GetSpatialRef(), ogr.wkbMultiPolygon)
    mem_layer.CreateField(ogr.FieldDefn("pos", ogr.OFTInteger))
    for feature in source.GetLayerByName("communes"):
        out = ogr.Feature(mem_layer.GetLayerDefn())
        out["pos"] = position[feature["insee_com"]]
        out.SetGeometry(feature.GetGeometryRef())
        mem_layer.CreateFeature(out)
    gdal.RasterizeLayer(target, [1], mem_layer, options=["ATTRIBUTE=pos"])
    raster = target.ReadAsArray()
    target = None

    flat = raster.ravel()
    order = np.argsort(flat, kind="stable")
    bounds = np.searchsorted(flat[order], np.arange(len(communes) + 2))
    cells_by_commune = [order[bounds[i + 1]:bounds[i + 2]] for i in range(len(communes))]

    territory = Territory(communes, raster, (xmin, ymax), cells_by_commune, pd.DataFrame(deps), path)
    # The town hall (the territory build puts the ~180 geocoded outside their commune inside it:
    # `localisation`), except where the commune has none (merged communes) or the point falls in a
    # neighbour's cell of the raster: there, the commune cell nearest to the commune's centre.
    mx, my = [], []
    for i, code in enumerate(communes["insee_com"]):
        point = mairies.get(code)
        if point is None or territory.commune_at(np.array([point[0]]), np.array([point[1]]))[0] != i:
            cx, cy = territory.cell_centres(cells_by_commune[i])
            nearest = int(np.argmin(np.hypot(cx - cx.mean(), cy - cy.mean())))
            point = (float(cx[nearest]), float(cy[nearest]))
        mx.append(point[0])
        my.append(point[1])
    communes["mairie_x"] = mx
    communes["mairie_y"] = my
    communes["has_mairie"] = [code in mairies for code in communes["insee_com"]]
    # Moved: not where the source geocoded it (centres-bourgs are chosen among the others).
    communes["mairie_moved"] = [code not in geocoded or (mx[i], my[i]) != mairies[code]
                                for i, code in enumerate(communes["insee_com"])]
    return territory


def sample_points(territory: Territory, index: int, n: int, spread: float, rng: np.random.Generator,
                  clustered_share: float = 0.8) -> tuple[np.ndarray, np.ndarray]:
    """n points inside commune `index`: most around the town hall (village), the rest scattered."""
    cells = territory.cells_by_commune[index]
    if n == 0 or len(cells) == 0:
        return np.empty(0), np.empty(0)
    n_cluster = int(round(n * clustered_share))
    xs, ys = [], []
    mx, my = territory.communes.at[index, "mairie_x"], territory.communes.at[index, "mairie_y"]
    pending = n_cluster
    for _ in range(4):  # rejection sampling: keep the village points that fall inside the commune
        if pending == 0:
            break
        x = rng.normal(mx, spread, pending * 2)
        y = rng.normal(my, spread, pending * 2)
        keep = territory.commune_at(x, y) == index
        x, y = x[keep][:pending], y[keep][:pending]
        xs.append(x)
        ys.append(y)
        pending -= len(x)
    scattered = n - n_cluster + pending
    picked = cells[rng.integers(0, len(cells), scattered)]
    cx, cy = territory.cell_centres(picked)
    xs.append(cx + rng.uniform(-CELL / 2, CELL / 2, scattered))
    ys.append(cy + rng.uniform(-CELL / 2, CELL / 2, scattered))
    return np.concatenate(xs), np.concatenate(ys)
