"""Financial needs of the fixed THD plans (SCORAN deliverable 7).

For each RIP phase and department: premises still to serve × unit cost (technology, density);
State share = min(rate × cost, cap × premises) with the department's rate and cap; the rest
for local authorities, split by configurable shares (Région, Département, EPCI, FEDER).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .costs import _aid_lookup, _unit_cost_lookup, density_class, validate_aid, validate_unit_costs
from .errors import ScoranError
from .i18n import tr

DEFAULT_SHARES = {"region": 0.25, "departement": 0.45, "epci": 0.15, "feder": 0.15}
AMOUNT_COLUMNS = ["locaux", "cout_total", "part_etat", "reste_collectivites", "part_region", "part_departement",
                  "part_epci", "part_feder"]


def check_shares(shares: dict) -> dict:
    total = sum(shares.values())
    if any(v < 0 for v in shares.values()) or abs(total - 1.0) > 1e-6:
        raise ScoranError(tr("Les parts des collectivités (Région, Département, EPCI, FEDER) doivent être positives "
                             "et faire 100 % (total reçu : {0:.1f} %).").format(100 * total))
    return shares


def financial_needs(premises: pd.DataFrame, coverage: pd.DataFrame, phases: pd.DataFrame, aid: pd.DataFrame,
                    costs: pd.DataFrame, shares: dict | None = None, aid_name: str | None = None,
                    costs_name: str | None = None) -> pd.DataFrame:
    """Rows per phase × department, then totals per project, department, semester and territory.

    Both cost tables are validated first (`aid_name`, `costs_name`: how the messages name them).
    """
    shares = check_shares(dict(shares or DEFAULT_SHARES))
    aid = validate_aid(aid, aid_name)
    costs = validate_unit_costs(costs, costs_name)
    waiting = ~coverage["deja_thd"].to_numpy() & coverage["phase_id"].notna().to_numpy()
    commune_premises = premises.groupby("code_insee")["nb_locaux"].transform("sum").to_numpy()
    frame = pd.DataFrame({
        "phase_id": coverage["phase_id"].to_numpy(object)[waiting],
        "code_dep": premises["code_dep"].to_numpy(object)[waiting],
        "densite": density_class(commune_premises[waiting]),
        "locaux": premises["nb_locaux"].to_numpy()[waiting],
    })
    info = phases.set_index("phase_id")[["rip_id", "technologie", "semestre_fin", "statut"]]
    frame = frame.join(info, on="phase_id")
    frame = frame[frame["statut"].fillna("") != "abandonne"]
    frame["cout_total"] = frame["locaux"] * _unit_cost_lookup(frame["technologie"], frame["densite"], costs)
    rows = frame.groupby(["rip_id", "phase_id", "technologie", "semestre_fin", "code_dep"], dropna=False)[
        ["locaux", "cout_total"]].sum().reset_index()
    rates = _aid_lookup(rows["code_dep"].tolist(), aid)
    rows["taux_etat"] = rates["taux"].to_numpy()
    rows["plafond_par_local"] = rates["plafond_par_local"].to_numpy()
    rows["part_etat"] = np.minimum(rows["taux_etat"] * rows["cout_total"], rows["plafond_par_local"] * rows["locaux"])
    rows["plafond_atteint"] = rows["plafond_par_local"] * rows["locaux"] < rows["taux_etat"] * rows["cout_total"]
    rows["reste_collectivites"] = rows["cout_total"] - rows["part_etat"]
    for name, share in shares.items():
        rows[f"part_{name}"] = rows["reste_collectivites"] * share
    rows = rows.rename(columns={"semestre_fin": "semestre"})
    detail = rows.assign(niveau=tr("phase"), code=rows["phase_id"])
    totals = [detail]
    for level, key in ((tr("projet"), "rip_id"), (tr("département"), "code_dep"), (tr("semestre"), "semestre")):
        grouped = rows.groupby(key)[AMOUNT_COLUMNS].sum().reset_index().rename(columns={key: "code"})
        totals.append(grouped.assign(niveau=level))
    totals.append(rows[AMOUNT_COLUMNS].sum().to_frame().T.assign(niveau=tr("territoire"), code=tr("Ensemble")))
    table = pd.concat(totals, ignore_index=True)
    money = [c for c in AMOUNT_COLUMNS if c != "locaux"]
    table[money] = table[money].astype(float).round(2)
    columns = ["niveau", "code", "rip_id", "phase_id", "technologie", "semestre", "code_dep", "taux_etat",
               "plafond_par_local", "plafond_atteint", *AMOUNT_COLUMNS]
    return table.reindex(columns=columns)
