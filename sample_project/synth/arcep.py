"""ARCEP « Ma connexion internet »: base_imb_<DEP>.csv.gz and actuel_<DEP>.csv.gz (domain.md §1).

Plausible geography: DSL speed falls with the line length to the nearest exchange (NRA), so
villages far from a town get < 3 Mbit/s; towns have cable and early FTTH (AMII communes); a few
remote hamlets get nothing wired at all. Radio, fixed 4G and satellite rows exist as in the real
files (satellite everywhere), so that the technology filter matters.

Two territory patterns: `clustered` (the default) leaves the white areas few and grouped around the
villages far from an exchange; `scattered` (`scatter`) also moves part of the houses of the rural
communes, and many more in the mountain communes, into small hamlets on long copper lines, so that
the white areas are many small patches (tens of thousands of white 200 m-cell zones at full size).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from osgeo import osr

from .territory import CELL, Territory, sample_points
from .writers import write_csv

BASE_IMB_COLUMNS = [
    "imb_id", "imb_longitude", "imb_latitude", "imb_code", "imb_code_insee", "imb_nbr_logloc", "imb_source",
    "imb_type", "addr_code", "imb_num", "addr_numero", "addr_rep", "addr_nom_voie", "addr_nom_ld",
    "addr_code_insee", "addr_nom_commune", "addr_id_fantoir", "addr_source",
]
ACTUEL_COLUMNS = [
    "imb_id", "addr_code", "imb_code", "code_operateur", "code_techno", "classe_debit_montant",
    "classe_debit_descendant", "limitation", "saturation",
]
PATTERNS = ("clustered", "scattered")
# The scattered pattern: share of the houses moved into hamlets, hamlet size, copper line length there.
HAMLET_SHARE_MOUNTAIN = 0.45
HAMLET_SHARE_RURAL = 0.12
RURAL_POPULATION = 3500  # communes below this population are rural (hamlets all over the region)
HAMLET_MEAN_SIZE = 3.0  # buildings: 1 + Poisson(2)
HAMLET_LINE_KM = (4.6, 8.0)  # HD05 or ineligible on copper: below 3 Mbit/s
BUSINESS_SHARE = 0.10  # business premises on top of dwellings
FLATS_PER_BUILDING = 8
STREETS = np.array([
    "Grande Rue", "Rue de l'Église", "Rue de la Mairie", "Rue du Moulin", "Place de la République",
    "Rue des Écoles", "Route de la Forêt", "Chemin des Vignes", "Rue Pasteur", "Avenue de la Gare",
    "Rue Victor Hugo", "Impasse des Tilleuls", "Rue du Château", "Rue de la Fontaine", "Chemin du Lavoir",
    "Rue Jean Jaurès", "Route Nationale", "Rue des Jardins", "Rue du Stade", "Rue Basse",
])


def buildings(territory: Territory, scale: float, amii: set, rng: np.random.Generator) -> pd.DataFrame:
    """One row per building: commune, Lambert-93 position, premises, type (scaled by `scale`)."""
    parts = []
    communes = territory.communes
    for index, commune in communes.iterrows():
        premises = int(round(scale * commune.logements * (1 + BUSINESS_SHARE)))
        if premises == 0:
            continue
        n_houses = min(int(round(scale * commune.maisons)), premises) or 1
        rest = premises - n_houses
        n_flats = max(0, min(int(round(scale * commune.appartements / FLATS_PER_BUILDING)), rest // 3))
        per_house = np.ones(n_houses, dtype=np.int64)
        per_flat = np.full(n_flats, 3, dtype=np.int64)
        extra = rest - 3 * n_flats
        if n_flats:
            per_flat += rng.multinomial(extra, np.full(n_flats, 1 / n_flats))
        else:
            per_house += rng.multinomial(extra, np.full(n_houses, 1 / n_houses))
        n = n_houses + n_flats
        # Villages spread with their size; flats sit in the centre.
        spread = 150 + 25 * np.sqrt(commune.logements)
        hx, hy = sample_points(territory, index, n_houses, spread, rng, clustered_share=0.75)
        fx, fy = sample_points(territory, index, n_flats, spread / 3, rng, clustered_share=0.97)
        parts.append(pd.DataFrame({
            "commune": index,
            "x": np.concatenate([hx, fx]),
            "y": np.concatenate([hy, fy]),
            "nb_logloc": np.concatenate([per_house, per_flat]),
            "imb_type": np.array(["pav"] * n_houses + ["imm"] * n_flats),
        }))
        assert len(parts[-1]) == n
    frame = pd.concat(parts, ignore_index=True)
    frame["insee"] = communes["insee_com"].to_numpy()[frame["commune"].to_numpy()]
    frame["dep"] = communes["insee_dep"].to_numpy()[frame["commune"].to_numpy()]
    frame["amii"] = frame["insee"].isin(amii)
    return frame


def scatter(frame: pd.DataFrame, territory: Territory, mountain: set, rng: np.random.Generator) -> np.ndarray:
    """The scattered pattern: move houses of rural and mountain communes into small hamlets (in place).

    In each mountain commune HAMLET_SHARE_MOUNTAIN of the houses, in each other commune under
    RURAL_POPULATION inhabitants HAMLET_SHARE_RURAL of them, leave the village for hamlets of
    1 + Poisson(2) buildings, each inside one 100 m cell of the commune picked at random; their
    copper line is long (`line_min_km`, HAMLET_LINE_KM), so they get less than 3 Mbit/s. Communes
    and premises are unchanged. Returns the mask of the moved buildings.
    """
    communes = territory.communes
    in_mountain = communes["insee_com"].isin(mountain).to_numpy()
    rural = communes["population"].to_numpy() < RURAL_POPULATION
    share = np.where(in_mountain, HAMLET_SHARE_MOUNTAIN, np.where(rural, HAMLET_SHARE_RURAL, 0.0))
    commune = frame["commune"].to_numpy()
    house = frame["imb_type"].to_numpy() == "pav"
    order = np.flatnonzero(house)[np.argsort(commune[house], kind="stable")]
    bounds = np.searchsorted(commune[order], np.arange(len(communes) + 1))
    x, y = frame["x"].to_numpy().copy(), frame["y"].to_numpy().copy()
    moved = np.zeros(len(frame), dtype=bool)
    for index in np.flatnonzero(share > 0):
        houses = order[bounds[index]:bounds[index + 1]]
        cells = territory.cells_by_commune[index]
        k = rng.binomial(len(houses), share[index]) if len(houses) else 0
        if k == 0 or len(cells) == 0:
            continue
        sizes = 1 + rng.poisson(HAMLET_MEAN_SIZE - 1, k)  # at least k buildings in k hamlets: trimmed below
        hamlet = np.repeat(np.arange(k), sizes)[:k]
        cx, cy = territory.cell_centres(cells[rng.integers(0, len(cells), hamlet[-1] + 1)])
        picked = rng.choice(houses, k, replace=False)
        x[picked] = cx[hamlet] + rng.uniform(-0.45 * CELL, 0.45 * CELL, k)
        y[picked] = cy[hamlet] + rng.uniform(-0.45 * CELL, 0.45 * CELL, k)
        moved[picked] = True
    frame["x"], frame["y"] = x, y
    frame["line_min_km"] = np.where(moved, rng.uniform(*HAMLET_LINE_KM, len(frame)), 0.0)
    return moved


def _nearest_distance(x, y, px, py, chunk=20000) -> np.ndarray:
    """Distance from each (x, y) to the nearest of the points (px, py): brute force by chunks."""
    result = np.empty(len(x))
    for start in range(0, len(x), chunk):
        dx = x[start:start + chunk, None] - px[None, :]
        dy = y[start:start + chunk, None] - py[None, :]
        result[start:start + chunk] = np.sqrt((dx * dx + dy * dy).min(axis=1))
    return result


def eligibility(frame: pd.DataFrame, territory: Territory, rng: np.random.Generator) -> pd.DataFrame:
    """Eligibility rows (building × operator × technology), grouped by building as ARCEP sorts them."""
    communes = territory.communes
    # Exchanges (NRA and sub-loop cabinets): every small town, and about one village in three.
    is_nra = (communes["population"] >= 700) | (rng.random(len(communes)) < 0.35)
    nra_x = communes.loc[is_nra, "mairie_x"].to_numpy()
    nra_y = communes.loc[is_nra, "mairie_y"].to_numpy()
    x, y = frame["x"].to_numpy(), frame["y"].to_numpy()
    line_km = 1.3 * _nearest_distance(x, y, nra_x, nra_y) / 1000 * rng.lognormal(0, 0.15, len(frame))
    if "line_min_km" in frame:  # the scattered pattern's hamlets (`scatter`)
        line_km = np.maximum(line_km, frame["line_min_km"].to_numpy())
    population = communes["population"].to_numpy()[frame["commune"].to_numpy()]
    town = population >= 8000
    n = len(frame)

    dsl = np.select(
        [line_km < 1.0, line_km < 3.0, line_km < 4.5, line_km < 7.0],
        ["THD30", "BHD8", "HD3", "HD05"], default="INEL",
    )
    dsl = np.where((dsl == "THD30") & (rng.random(n) < 0.7), "BHD8", dsl)  # VDSL2 only on short lines
    has_cu = dsl != "INEL"
    unbundled = population >= 3000  # exchanges of towns host the alternative operators
    rows = []

    def add(mask, operator, techno, up, down, limitation="", saturation="false"):
        idx = np.flatnonzero(mask)
        rows.append(pd.DataFrame({
            "b": idx, "code_operateur": operator, "code_techno": techno, "classe_debit_montant": up,
            "classe_debit_descendant": down[idx] if isinstance(down, np.ndarray) else down,
            "limitation": limitation, "saturation": saturation,
        }))

    add(has_cu, "ORAN", "CU", "HD05", dsl)
    for operator, share in (("SFR0", 0.9), ("FREE", 0.95), ("BOUY", 0.6)):
        add(has_cu & (unbundled | (rng.random(n) < 0.15)) & (rng.random(n) < share), operator, "CU", "HD05", dsl)
    commune = frame["commune"].to_numpy()
    dist_centre = np.hypot(x - communes["mairie_x"].to_numpy()[commune], y - communes["mairie_y"].to_numpy()[commune])
    cable = town & (dist_centre < 2500) & (rng.random(n) < np.where(frame["imb_type"] == "imm", 0.6, 0.3))
    add(cable, "SFR0", "COAX", "HD3", "THD100")
    fibre = frame["amii"].to_numpy() & (rng.random(n) < np.where(frame["imb_type"] == "imm", 0.45, 0.15))
    for operator, share in (("ORAN", 1.0), ("SFR0", 0.8), ("FREE", 0.7), ("BOUY", 0.5)):
        add(fibre & (rng.random(n) < share), operator, "FO", "THD1G", "THD1G")
    poor = np.isin(dsl, ["INEL", "HD05", "HD3"]) & ~fibre & ~cable
    remote_hamlet = poor & (line_km > 7.5)
    add(poor & ~remote_hamlet & (rng.random(n) < 0.35), "BOUY", "4GF", "HD3", np.where(rng.random(n) < 0.3,
                                                                                       "THD30", "BHD8"),
        limitation="200")
    thd_radio_dep = frame["dep"].to_numpy() == "70"
    add(poor & ~remote_hamlet & thd_radio_dep & (rng.random(n) < 0.25), "ALSA", "THDR", "HD3", "THD30")
    add(poor & ~remote_hamlet & (rng.random(n) < 0.05), "OZON", "WMX", "HD05", "HD3")
    for operator in ("NRDN", "SKYL"):
        add(np.ones(n, dtype=bool), operator, "SAT", "HD05", "BHD8", limitation="100")
    table = pd.concat(rows, ignore_index=True)
    order = np.argsort(table["b"].to_numpy(), kind="stable")
    return table.iloc[order].reset_index(drop=True)


def write_department(dep: str, frame: pd.DataFrame, elig: pd.DataFrame, territory: Territory,
                     rng: np.random.Generator, out_dir) -> tuple:
    """Write base_imb_<dep>.csv.gz and actuel_<dep>.csv.gz; returns their paths."""
    mask = frame["dep"].to_numpy() == dep
    sub = frame.loc[mask]
    base = base_imb_table(sub, territory, rng)
    picked = elig.loc[np.isin(elig["b"].to_numpy(), np.flatnonzero(mask))]
    actuel = pd.DataFrame({
        "imb_id": frame["imb_id"].to_numpy()[picked["b"].to_numpy()],
        "addr_code": frame["addr_code"].to_numpy()[picked["b"].to_numpy()],
        "imb_code": frame["imb_code"].to_numpy()[picked["b"].to_numpy()],
        **{c: picked[c].to_numpy() for c in ACTUEL_COLUMNS[3:]},
    })
    # Real releases carry a few duplicate rows and rows of buildings missing from the base.
    duplicates = actuel.iloc[rng.choice(len(actuel), max(1, len(actuel) // 2000), replace=False)]
    orphans = actuel.iloc[:3].assign(imb_id=lambda t: t["imb_id"] + 900_000_000)
    actuel = pd.concat([actuel, duplicates, orphans], ignore_index=True)
    base_path = write_csv(base[BASE_IMB_COLUMNS], out_dir / f"base_imb_{dep}.csv.gz")
    actuel_path = write_csv(actuel[ACTUEL_COLUMNS], out_dir / f"actuel_{dep}.csv.gz")
    return base_path, actuel_path


def assign_ids(frame: pd.DataFrame, rng: np.random.Generator) -> None:
    """imb_id (integers, not stable between releases), BAN-like addr_code and IPE-like imb_code."""
    frame["imb_id"] = np.arange(1, len(frame) + 1, dtype=np.int64) + 10_000_000
    rank_in_commune = frame.groupby("commune").cumcount().to_numpy()
    street = rank_in_commune // 25
    number = rank_in_commune % 25 * 2 + 1
    insee = frame["insee"].to_numpy()
    frame["voie"] = np.char.add(np.char.add(insee.astype(str), "_"), np.char.zfill((street * 10 + 100).astype(str), 4))
    frame["numero"] = number
    frame["addr_code"] = np.char.add(np.char.add(frame["voie"].to_numpy().astype(str), "_"),
                                     np.char.zfill(number.astype(str), 5))
    frame["imb_code"] = np.char.add(np.char.add("IMB/", insee.astype(str)),
                                    np.char.add("/X/", np.char.zfill(rank_in_commune.astype(str), 4)))
    frame["street_name"] = STREETS[street % len(STREETS)]


def base_imb_table(sub: pd.DataFrame, territory: Territory, rng: np.random.Generator) -> pd.DataFrame:
    """The base_imb columns for `sub`, coordinates in EPSG:3857 metres as ARCEP publishes them."""
    lambert, mercator = osr.SpatialReference(), osr.SpatialReference()
    lambert.ImportFromEPSG(2154)
    mercator.ImportFromEPSG(3857)
    for srs in (lambert, mercator):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(lambert, mercator)
    points = np.array(transform.TransformPoints(np.column_stack([sub["x"], sub["y"]]).tolist()))
    lon = np.round(points[:, 0], 2).astype(object)
    lat = np.round(points[:, 1], 2).astype(object)
    missing = rng.random(len(sub)) < 0.0005  # a few buildings published without coordinates
    lon[missing] = ""
    lat[missing] = ""
    names = territory.communes["nom"].to_numpy()[sub["commune"].to_numpy()]
    return pd.DataFrame({
        "imb_id": sub["imb_id"].to_numpy(),
        "imb_longitude": lon,
        "imb_latitude": lat,
        "imb_code": sub["imb_code"].to_numpy(),
        "imb_code_insee": sub["insee"].to_numpy(),
        "imb_nbr_logloc": sub["nb_logloc"].to_numpy(),
        "imb_source": "ban",
        "imb_type": sub["imb_type"].to_numpy(),
        "addr_code": sub["addr_code"].to_numpy(),
        "imb_num": "",
        "addr_numero": sub["numero"].to_numpy(),
        "addr_rep": "",
        "addr_nom_voie": sub["street_name"].to_numpy(),
        "addr_nom_ld": "",
        "addr_code_insee": sub["insee"].to_numpy(),
        "addr_nom_commune": names,
        "addr_id_fantoir": np.char.replace(sub["voie"].to_numpy().astype(str), "_", ""),
        "addr_source": "ban",
    })
