"""INSEE BPE facilities (schools, health, public services) and SIRENE geolocated businesses."""

from __future__ import annotations

import numpy as np
import pandas as pd
from osgeo import osr

from .territory import Territory, sample_points

BPE_COLUMNS = ["REG", "DEP", "DEPCOM", "DCIRIS", "AN", "TYPEQU", "LAMBERT_X", "LAMBERT_Y", "QUALITE_XY"]
SIRENE_COLUMNS = [
    "siret", "x", "y", "qualite_xy", "epsg", "plg_qp", "plg_iris", "plg_zus", "plg_qva", "plg_code_commune",
    "distance_precision", "qualite_qp", "qualite_iris", "qualite_zus", "qualite_qva", "y_latitude", "x_longitude",
]

# TYPEQU → (minimum commune population, facilities per inhabitant above it, at least one?)
BPE_RULES = {
    "C101": (1500, 1 / 2500, True),   # école maternelle
    "C104": (250, 1 / 1200, True),    # école élémentaire
    "C201": (2500, 1 / 9000, True),   # collège
    "C301": (7000, 1 / 20000, True),  # lycée d'enseignement général et/ou technologique
    "C302": (7000, 1 / 30000, False),  # lycée d'enseignement professionnel
    "C501": (30000, 1 / 25000, True),  # enseignement supérieur (université…)
    "D101": (15000, 1 / 40000, True),  # établissement de santé de court séjour
    "D113": (1200, 1 / 15000, False),  # maison de santé pluridisciplinaire
    "D201": (500, 1 / 1100, True),    # médecin omnipraticien
    "A101": (10000, 1 / 40000, True),  # police
    "A104": (2000, 1 / 15000, True),  # gendarmerie
    "A121": (3000, 1 / 20000, True),  # DGFiP (finances publiques)
    "A122": (5000, 1 / 30000, True),  # Pôle emploi
    "A206": (1500, 1 / 8000, True),   # bureau de poste
    "A208": (300, 1 / 5000, False),   # agence postale communale
}


def bpe(territory: Territory, rng: np.random.Generator, year: int = 2015) -> pd.DataFrame:
    """Facilities near the town centre of the communes big enough to have them."""
    communes = territory.communes
    rows = []
    for index, commune in communes.iterrows():
        for typequ, (minimum, per_inhabitant, at_least_one) in BPE_RULES.items():
            if commune.population < minimum:
                continue
            count = rng.poisson(commune.population * per_inhabitant)
            count = max(count, 1) if at_least_one else count
            if count == 0:
                continue
            x, y = sample_points(territory, index, count, 250 + 10 * np.sqrt(commune.population), rng, 0.9)
            for xi, yi in zip(x, y):
                rows.append((commune.insee_com, typequ, xi, yi))
    frame = pd.DataFrame(rows, columns=["DEPCOM", "TYPEQU", "LAMBERT_X", "LAMBERT_Y"])
    frame["REG"] = "27"
    frame["DEP"] = frame["DEPCOM"].str[:2]
    frame["DCIRIS"] = frame["DEPCOM"]  # communes without IRIS use the commune code
    frame["AN"] = year
    frame["LAMBERT_X"] = frame["LAMBERT_X"].round(2)
    frame["LAMBERT_Y"] = frame["LAMBERT_Y"].round(2)
    frame["QUALITE_XY"] = rng.choice(["Bonne", "Acceptable", "Mauvaise"], len(frame), p=[0.85, 0.12, 0.03])
    return frame.sort_values(["DEPCOM", "TYPEQU"], kind="stable")[BPE_COLUMNS].reset_index(drop=True)


def _luhn_complete(body: np.ndarray) -> np.ndarray:
    """Append the Luhn check digit SIRET numbers carry."""
    digits = np.array([[int(c) for c in s] for s in body])
    weights = np.where(np.arange(digits.shape[1])[::-1] % 2 == 0, 2, 1)
    doubled = digits * weights
    total = (doubled // 10 + doubled % 10).sum(axis=1)
    check = (10 - total % 10) % 10
    return np.char.add(body.astype(str), check.astype(str))


def sirene(territory: Territory, scale: float, rng: np.random.Generator) -> pd.DataFrame:
    """Businesses (one per ~25 inhabitants), clustered in towns; x/y in the row's EPSG."""
    communes = territory.communes
    parts = []
    for index, commune in communes.iterrows():
        count = rng.poisson(scale * commune.population / 25)
        if count:
            x, y = sample_points(territory, index, count, 200 + 12 * np.sqrt(commune.population), rng, 0.85)
            parts.append(pd.DataFrame({"plg_code_commune": commune.insee_com, "x": x, "y": y}))
    frame = pd.concat(parts, ignore_index=True)
    body = np.char.zfill(rng.integers(10**11, 10**13, len(frame)).astype(str), 13)
    frame["siret"] = _luhn_complete(body)
    lambert, wgs84 = osr.SpatialReference(), osr.SpatialReference()
    lambert.ImportFromEPSG(2154)
    wgs84.ImportFromEPSG(4326)
    for srs in (lambert, wgs84):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lonlat = np.array(osr.CoordinateTransformation(lambert, wgs84).TransformPoints(
        np.column_stack([frame["x"], frame["y"]]).tolist()))
    frame["x_longitude"] = lonlat[:, 0].round(6)
    frame["y_latitude"] = lonlat[:, 1].round(6)
    # The geocoder writes some rows in WGS84 instead of Lambert-93: the EPSG column says which.
    wgs = rng.random(len(frame)) < 0.02
    frame["epsg"] = np.where(wgs, 4326, 2154)
    frame["x"] = np.where(wgs, frame["x_longitude"], frame["x"].round(1))
    frame["y"] = np.where(wgs, frame["y_latitude"], frame["y"].round(1))
    frame["qualite_xy"] = rng.choice(["11", "12", "21", "22", "33"], len(frame), p=[0.6, 0.2, 0.1, 0.07, 0.03])
    frame["distance_precision"] = rng.integers(0, 200, len(frame))
    for column in ("plg_qp", "plg_iris", "plg_zus", "plg_qva", "qualite_qp", "qualite_iris", "qualite_zus",
                   "qualite_qva"):
        frame[column] = ""
    frame["plg_iris"] = frame["plg_code_commune"] + "0000"
    return frame[SIRENE_COLUMNS]
