"""Cost parameters: State aid per department (rate and cap per premise) and unit costs.

Shipped defaults (resources/data/*.csv) are copied into the store's `aides_departements` and
`couts_unitaires` tables when those are empty; officers then edit the tables in QGIS.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .errors import ScoranError
from .i18n import tr

DATA = Path(__file__).resolve().parent.parent / "resources" / "data"
DEFAULT_AID = DATA / "aides_etat_departements.csv"
DEFAULT_UNIT_COSTS = DATA / "couts_unitaires.csv"
# Density class of a commune from its number of premises (no area needed): planning convention.
DENSITY_LIMITS = ((2000, "urbain"), (300, "periurbain"))


def read_defaults(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, sep=";", dtype={"insee_dep": str, "technologie": str, "densite": str})


def seed_store(store) -> None:
    """Copy the shipped defaults into the store tables that are still empty."""
    with store.transaction() as conn:
        if not conn.execute("SELECT count(*) FROM aides_departements").fetchone()[0]:
            store.insert(conn, "aides_departements", read_defaults(DEFAULT_AID).to_dict("records"))
        if not conn.execute("SELECT count(*) FROM couts_unitaires").fetchone()[0]:
            store.insert(conn, "couts_unitaires", read_defaults(DEFAULT_UNIT_COSTS).to_dict("records"))


def density_class(premises_in_commune: np.ndarray) -> np.ndarray:
    """`urbain` (≥ 2 000 premises), `periurbain` (≥ 300), else `rural`."""
    result = np.full(len(premises_in_commune), "rural", dtype=object)
    for limit, name in reversed(DENSITY_LIMITS):
        result[np.asarray(premises_in_commune) >= limit] = name
    return result


def aid_for(departements, aid: pd.DataFrame) -> pd.DataFrame:
    """Rate and cap for each department code (the `*` row when a department has none)."""
    table = aid.assign(insee_dep=aid["insee_dep"].astype(str)).set_index("insee_dep")
    if "*" not in table.index:
        missing = sorted(set(departements) - set(table.index))
        if missing:
            raise ScoranError(tr("Taux et plafond d'aide de l'État absents pour le(s) département(s) {0} "
                                 "(et pas de ligne « * » par défaut).").format(", ".join(missing)))
    rows = [table.loc[d] if d in table.index else table.loc["*"] for d in departements]
    return pd.DataFrame({"taux": [float(r["taux"]) for r in rows],
                         "plafond_par_local": [float(r["plafond_par_local"]) for r in rows]}, index=list(departements))


def unit_cost(technologies, densities, costs: pd.DataFrame) -> np.ndarray:
    """Cost per premise for each (technology, density); `*` density matches any."""
    exact = {(r.technologie, r.densite): float(r.cout_par_local) for r in costs.itertuples()}
    result = []
    for technology, density in zip(technologies, densities):
        value = exact.get((technology, density), exact.get((technology, "*")))
        if value is None:
            raise ScoranError(tr("Coût unitaire absent pour la technologie {0} (densité {1}).").format(
                technology, density))
        result.append(value)
    return np.asarray(result, dtype=float)
