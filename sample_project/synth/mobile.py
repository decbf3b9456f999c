"""« Mon réseau mobile »-style coverage: one GeoPackage per operator × technology (domain.md §2).

Sites are placed in towns and villages, rarely in the gap areas (Morvan, Haut-Jura, Haut-Doubs);
each level (TBC very good, BC good, CL limited) is the union of discs around the sites, minus the
better levels, cut per department (field `dept`), in Lambert-93.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from osgeo import ogr, osr

from .territory import Territory
from .writers import fix_gdal_dates

OPERATORS = {  # MCC+MNC → commercial name
    "20801": "Orange",
    "20810": "SFR",
    "20820": "Bouygues Telecom",
    "20815": "Free Mobile",
}
# Gap areas: town hall of the centre commune, radius in metres.
GAP_AREAS = {"58062": 28000, "89318": 14000, "39478": 20000, "25413": 16000}
# technology → (share of candidate sites used, radius in metres for TBC, BC, CL)
TECHNOLOGIES = {"2G": (0.55, (2500, 5000, 8000)), "3G": (0.45, (2000, 4000, 6500)), "4G": (0.30, (1800, 3500, 5500))}
FREE_SHARE = 0.5  # the newest operator has fewer sites
DATE = "2015-06-30"


def gap_weight(territory: Territory, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """1 outside the gap areas, falling to 0.05 in their centre."""
    communes = territory.communes.set_index("insee_com")
    weight = np.ones(len(x))
    for code, radius in GAP_AREAS.items():
        cx, cy = communes.at[code, "mairie_x"], communes.at[code, "mairie_y"]
        d = np.hypot(x - cx, y - cy)
        weight = np.minimum(weight, np.clip(d / radius, 0.05, 1.0) ** 2)
    return weight


def candidate_sites(territory: Territory, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Positions where any operator may have a mast, with a base probability each."""
    communes = territory.communes
    x = communes["mairie_x"].to_numpy() + rng.normal(0, 400, len(communes))
    y = communes["mairie_y"].to_numpy() + rng.normal(0, 400, len(communes))
    probability = np.clip(0.35 + np.log10(communes["population"].to_numpy() + 1) / 5, 0, 1)
    return x, y, probability * gap_weight(territory, x, y)


def _disc_union(x: np.ndarray, y: np.ndarray, radius: float) -> ogr.Geometry:
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    for xi, yi in zip(x, y):
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(float(xi), float(yi))
        multi.AddGeometry(point.Buffer(radius, 6))
    return multi.UnionCascaded()


def write_layers(territory: Territory, rng: np.random.Generator, out_dir: Path) -> list[Path]:
    """Write the 12 coverage GeoPackages; returns their paths."""
    fix_gdal_dates()
    out_dir.mkdir(parents=True, exist_ok=True)
    x, y, base = candidate_sites(territory, rng)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    departements = [(row.insee_dep, ogr.CreateGeometryFromWkb(row.geom_wkb))
                    for row in territory.departements.itertuples()]
    paths = []
    for code, name in OPERATORS.items():
        operator_share = FREE_SHARE if name == "Free Mobile" else 1.0
        draw = rng.random(len(x))
        for techno, (share, radii) in TECHNOLOGIES.items():
            # Nested networks: a 4G site is also a 3G and 2G site (same draw, lower threshold).
            sites = draw < base * share * operator_share
            levels, covered = [], None
            for level, radius in zip(("TBC", "BC", "CL"), radii):
                union = _disc_union(x[sites], y[sites], radius)
                levels.append((level, union if covered is None else union.Difference(covered)))
                covered = union
            path = out_dir / f"mrm_{techno}_{name.replace(' ', '_')}.gpkg"
            path.unlink(missing_ok=True)
            dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
            layer = dataset.CreateLayer(path.stem, srs, ogr.wkbMultiPolygon)
            for field, kind in (("operateur", ogr.OFTString), ("operateur_commercial", ogr.OFTString),
                                ("date", ogr.OFTString), ("techno", ogr.OFTString), ("usage", ogr.OFTString),
                                ("niveau", ogr.OFTString), ("dept", ogr.OFTString)):
                layer.CreateField(ogr.FieldDefn(field, kind))
            layer.StartTransaction()
            for level, geometry in levels:
                for dep, dep_geometry in departements:
                    part = geometry.Intersection(dep_geometry)
                    if part is None or part.IsEmpty():
                        continue
                    feature = ogr.Feature(layer.GetLayerDefn())
                    for field, value in (("operateur", code), ("operateur_commercial", name), ("date", DATE),
                                         ("techno", techno), ("usage", "voix" if techno == "2G" else "data"),
                                         ("niveau", level), ("dept", dep)):
                        feature[field] = value
                    feature.SetGeometry(ogr.ForceToMultiPolygon(part))
                    layer.CreateFeature(feature)
            layer.CommitTransaction()
            dataset = None
            paths.append(path)
    return paths
