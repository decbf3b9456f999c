"""Semester snapshots in the store, and what changed since the previous semester."""

from __future__ import annotations

import pandas as pd

from .codes import Millesime
from .i18n import tr

CHANGE_COLUMNS = ["type", "objet", "precedent", "actuel", "detail"]


def _replace(store, conn, table: str, millesime: str, frame: pd.DataFrame) -> None:
    conn.execute(f'DELETE FROM "{table}" WHERE millesime = ?', (millesime,))
    rows = frame.astype(object).where(frame.notna(), None).assign(millesime=millesime).to_dict("records")
    store.insert(conn, table, rows)


def save_coverage(store, millesime: str, summary: pd.DataFrame, phases: pd.DataFrame, amii: pd.DataFrame) -> None:
    """Coverage summary, phase calendar and AMII conventions of `millesime`, in one transaction."""
    with store.transaction() as conn:
        store.add_millesime(conn, millesime)
        _replace(store, conn, "couverture_millesime", millesime, summary[["niveau", "code", "zone", "semestre_prevu",
                                                                          "nb_locaux"]])
        _replace(store, conn, "phases_millesime", millesime, phases.reindex(
            columns=["phase_id", "rip_id", "semestre_debut", "semestre_fin", "locaux_prevus", "statut"]))
        _replace(store, conn, "amii_millesime", millesime, amii.reindex(
            columns=["insee_com", "convention_signee", "date_convention", "locaux_raccordables"]).drop_duplicates(
            "insee_com"))


def save_trajectory(store, millesime: str, table: pd.DataFrame) -> None:
    with store.transaction() as conn:
        store.add_millesime(conn, millesime)
        _replace(store, conn, "trajectoire_millesime", millesime, table[
            ["niveau", "code", "semestre", "nb_locaux", "locaux_thd", "pct_thd", "cible_pct", "ecart_pct"]])


def previous_millesime(store, millesime: str) -> str | None:
    """The latest semester before `millesime` that has a saved trajectory or coverage."""
    with store.connection() as conn:
        row = conn.execute(
            "SELECT max(millesime) FROM (SELECT millesime FROM trajectoire_millesime UNION "
            "SELECT millesime FROM phases_millesime) WHERE millesime < ?", (str(Millesime.parse(millesime)),)
        ).fetchone()
    return row[0] if row and row[0] else None


def changes_since(store, millesime: str, trajectory: pd.DataFrame | None = None) -> pd.DataFrame:
    """Premises gained per department, projects slipped, conventions signed since the previous semester.

    `trajectory`: this semester's trajectory when it is not saved yet (it is saved with the outputs).
    """
    previous = previous_millesime(store, millesime)
    if previous is None:
        return pd.DataFrame(columns=CHANGE_COLUMNS)
    with store.connection() as conn:
        def read(sql, params):
            return pd.read_sql_query(sql, conn, params=params)

        thd = read("SELECT millesime, code, locaux_thd FROM trajectoire_millesime WHERE semestre = millesime "
                   "AND millesime IN (?, ?)", (previous, millesime))
        phases = read("SELECT millesime, phase_id, rip_id, semestre_fin FROM phases_millesime "
                      "WHERE millesime IN (?, ?)", (previous, millesime))
        amii = read("SELECT millesime, insee_com, convention_signee, date_convention FROM amii_millesime "
                    "WHERE millesime IN (?, ?)", (previous, millesime))
    if trajectory is not None:  # this semester's figures, not those of an earlier run of it
        current = trajectory[trajectory["semestre"] == millesime][["code", "locaux_thd"]]
        thd = pd.concat([thd[thd["millesime"] != millesime], current.assign(millesime=millesime)],
                        ignore_index=True)
    rows = []
    before, now = (thd[thd["millesime"] == m].set_index("code")["locaux_thd"] for m in (previous, millesime))
    for code in sorted(set(before.index) & set(now.index)):
        rows.append(("locaux_thd_gagnes", code, int(before[code]), int(now[code]),
                     tr("{0} locaux passés au THD depuis {1}").format(int(now[code] - before[code]), previous)))
    old, new = (phases[phases["millesime"] == m].set_index("phase_id") for m in (previous, millesime))
    for phase_id in sorted(set(old.index) & set(new.index)):
        a, b = old.at[phase_id, "semestre_fin"], new.at[phase_id, "semestre_fin"]
        if a and b and Millesime.parse(b) > Millesime.parse(a):
            rows.append(("projet_retarde", phase_id, a, b, tr("Phase {0} ({1}) : fin repoussée de {2} à {3}").format(
                phase_id, new.at[phase_id, "rip_id"], a, b)))
    old, new = (amii[amii["millesime"] == m].set_index("insee_com") for m in (previous, millesime))
    for code in sorted(set(old.index) & set(new.index)):
        if not old.at[code, "convention_signee"] and new.at[code, "convention_signee"]:
            rows.append(("convention_signee", code, tr("non signée"), tr("signée"),
                         tr("Convention signée le {0}").format(new.at[code, "date_convention"] or "?")))
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS)
