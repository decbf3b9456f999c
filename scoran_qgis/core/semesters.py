"""Semester snapshots in the store, and what changed since the previous semester."""

from __future__ import annotations

import pandas as pd

from .codes import Millesime
from .i18n import quoted, tr

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
            "SELECT millesime FROM phases_millesime) AS saved WHERE millesime < ?", (str(Millesime.parse(millesime)),)
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
        if int(now[code]) == int(before[code]):  # nothing changed there: not an « évolution »
            continue
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


# ---------------------------------------------------------------------------------------------
# Every register over time: usage projects, town centres and costs, per millésime

REGISTER_COLUMNS = ["registre", "type", "objet", "precedent", "actuel", "detail"]
REGISTER_LABELS = {"thd": tr("Très haut débit fixe"), "projets": tr("Projets d'usages"),
                   "centres_bourgs": tr("Centres-bourgs (mobile)"), "couts": tr("Coûts et locaux")}
CHANGE_LABELS = {  # type → what it says, for the workbook and the atlas
    "locaux_thd_gagnes": tr("Locaux passés au THD"), "projet_retarde": tr("Phase retardée"),
    "convention_signee": tr("Convention signée"),
    "projet_ajoute": tr("Projet ajouté"), "projet_retire": tr("Projet retiré"),
    "statut_modifie": tr("Statut changé"), "budget_modifie": tr("Budget changé"),
    "debut_deplace": tr("Début déplacé"), "fin_deplacee": tr("Fin déplacée"),
    "centre_ajoute": tr("Centre-bourg ajouté"), "centre_retire": tr("Centre-bourg retiré"),
    "couverture_modifiee": tr("Couverture mobile changée"), "statut_site_modifie": tr("État du site changé"),
    "sites_modifies": tr("Sites nécessaires changés"),
    "locaux_modifies": tr("Locaux changés"), "cout_modifie": tr("Coût changé"),
}
POSTE_LABELS = {"rip": tr("Phases des RIP"), "reste_a_planifier": tr("Reste à planifier"),
                "total": tr("Coût du 100 % en 2022"), "mobile": tr("Centres-bourgs (mobile)")}
PROJECT_SNAPSHOT = ["projet_id", "titre", "niveau", "domaine", "statut", "budget", "date_debut", "date_fin",
                    "departements"]
CENTRE_SNAPSHOT = ["insee_com", "nom", "statut", "statut_site", "nb_sites", "cout_retenu"]
SNAPSHOT_TABLES = {"projets": "projets_millesime", "centres_bourgs": "centres_millesime", "couts": "couts_millesime"}
COST_TOLERANCE = 0.5  # euros: a cost « changed » when it moved by at least this (amounts are rounded to the cent)


def _read_csv(path) -> pd.DataFrame | None:
    from pathlib import Path

    path = Path(path)
    if not path.exists():
        return None
    return pd.read_csv(path, dtype={"code": str, "code_dep": str, "insee_com": str}, keep_default_na=True)


def scoping_projects(store, projects: pd.DataFrame) -> pd.DataFrame:
    """The register's projects and, for those removed since, their départements as last saved: a removed
    project's change is then shown in its département's deliverables."""
    with store.connection() as conn:
        saved = pd.read_sql_query("SELECT projet_id, departements FROM projets_millesime ORDER BY millesime DESC",
                                  conn).drop_duplicates("projet_id")
    gone = saved[~saved["projet_id"].isin(projects["projet_id"])]
    return pd.concat([projects[["projet_id", "departements"]], gone], ignore_index=True)


def project_snapshot(store) -> pd.DataFrame:
    """The usage projects of the register as they are now (PROJECT_SNAPSHOT)."""
    from .register import read_tables

    return read_tables(store)["projets"].reindex(columns=PROJECT_SNAPSHOT)


def centre_snapshot(analyses) -> pd.DataFrame:
    """The town centres of the analyses (centres_bourgs.gpkg of Zones blanches mobiles): coverage status,
    site status, sites needed, cost retained (the estimate for an older analysis without it)."""
    from pathlib import Path

    from .store import read_layer_table

    path = Path(analyses) / "centres_bourgs.gpkg"
    if not path.exists():
        return pd.DataFrame(columns=CENTRE_SNAPSHOT)
    centres = read_layer_table(path)
    if "cout_retenu" not in centres and "cout_estime" in centres:
        centres = centres.assign(cout_retenu=centres["cout_estime"])
    return centres.reindex(columns=CENTRE_SNAPSHOT).drop_duplicates("insee_com")


def cost_snapshot(analyses) -> pd.DataFrame:
    """Costs and premises per département and territory (COST_COLUMNS of core.finance), poste `rip`
    (besoins_financiers.csv), `reste_a_planifier` (reste_a_planifier.csv) and `mobile`
    (estimatif_mobile.csv: cost retained, State subsidy, local remainder; no premises). A file the
    analyses folder lacks gives no row (not zeros)."""
    from pathlib import Path

    from .finance import COST_COLUMNS, REMAINING, RIP, full_coverage_costs

    folder = Path(analyses)
    needs, remaining = _read_csv(folder / "besoins_financiers.csv"), _read_csv(folder / "reste_a_planifier.csv")
    parts = []
    if needs is not None or remaining is not None:
        fixed = full_coverage_costs(needs, remaining, "Ensemble", with_full=False)
        kept = [p for p, table in ((RIP, needs), (REMAINING, remaining)) if table is not None]
        parts.append(fixed[fixed["poste"].isin(kept)])
    mobile = _read_csv(folder / "estimatif_mobile.csv")
    if mobile is not None and len(mobile):
        mobile = mobile[mobile["niveau"].isin(["département", "territoire"])]
        cost = mobile["cout_retenu"] if "cout_retenu" in mobile else mobile["cout_estime"]
        parts.append(pd.DataFrame({"niveau": mobile["niveau"].to_numpy(object),
                                   "code": mobile["code"].astype(str).to_numpy(object), "poste": "mobile",
                                   "locaux": None, "cout_total": cost.astype(float).round(2).to_numpy(),
                                   "part_etat": mobile["subvention_etat"].astype(float).round(2).to_numpy(),
                                   "reste_collectivites": mobile["reste_collectivites"].astype(float).round(2)
                                   .to_numpy()}))
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True)[COST_COLUMNS] if parts else pd.DataFrame(columns=COST_COLUMNS)


def save_registers(store, millesime: str, projects: pd.DataFrame, centres: pd.DataFrame,
                   costs: pd.DataFrame) -> None:
    """Projects, town centres and costs of `millesime`, in one transaction, replacing its rows."""
    from .finance import COST_COLUMNS

    with store.transaction() as conn:
        store.add_millesime(conn, millesime)
        _replace(store, conn, "projets_millesime", millesime, projects.reindex(columns=PROJECT_SNAPSHOT))
        _replace(store, conn, "centres_millesime", millesime, centres.reindex(columns=CENTRE_SNAPSHOT))
        _replace(store, conn, "couts_millesime", millesime, costs.reindex(columns=COST_COLUMNS))


REGISTER_SNAPSHOT_TABLES = ("projets_millesime", "centres_millesime", "couts_millesime")


def saved_snapshots(store, millesime: str) -> dict:
    """The rows of `millesime` in the register snapshots, as they are before a new save replaces them."""
    millesime = str(Millesime.parse(millesime))
    with store.connection() as conn:
        return {table: pd.read_sql_query(f'SELECT * FROM "{table}" WHERE millesime = ?', conn, params=(millesime,))
                for table in REGISTER_SNAPSHOT_TABLES}


def restore_snapshots(store, millesime: str, saved: dict) -> None:
    """Put back what `saved_snapshots` read: a generation that fails leaves the millésime's registers as they were."""
    millesime = str(Millesime.parse(millesime))
    with store.transaction() as conn:
        for table, frame in saved.items():
            _replace(store, conn, table, millesime, frame.drop(columns=["millesime"], errors="ignore"))


def save_snapshots(store, millesime: str, analyses) -> dict:
    """The register's projects, the analyses' town centres and costs, saved as `millesime` (always the
    whole region). Returns the number of rows saved per register."""
    projects, centres, costs = project_snapshot(store), centre_snapshot(analyses), cost_snapshot(analyses)
    save_registers(store, str(Millesime.parse(millesime)), projects, centres, costs)
    return {"projets": len(projects), "centres_bourgs": len(centres), "couts": len(costs)}


def previous_snapshot(store, register: str, millesime: str) -> str | None:
    """The latest millésime before `millesime` with a snapshot of `register` (projets, centres_bourgs, couts)."""
    with store.connection() as conn:
        row = conn.execute(f'SELECT max(millesime) FROM "{SNAPSHOT_TABLES[register]}" WHERE millesime < ?',
                           (str(Millesime.parse(millesime)),)).fetchone()
    return row[0] if row and row[0] else None


def _snapshots(store, register: str, millesimes: tuple) -> pd.DataFrame:
    with store.connection() as conn:
        return pd.read_sql_query(f'SELECT * FROM "{SNAPSHOT_TABLES[register]}" WHERE millesime IN (?, ?)', conn,
                                 params=millesimes)


def _pair(store, register: str, millesime: str, key: list):
    """(previous millésime, its rows, this millésime's rows) indexed by `key`; None when there is nothing
    to compare (no earlier snapshot, or none saved for `millesime` yet)."""
    previous = previous_snapshot(store, register, millesime)
    if previous is None:
        return None
    rows = _snapshots(store, register, (previous, millesime))
    old, new = (rows[rows["millesime"] == m].drop(columns="millesime").set_index(key) for m in (previous, millesime))
    if new.empty:
        return None
    return previous, old, new


def _blank(value) -> bool:
    return value is None or (isinstance(value, float) and value != value) or str(value).strip() == ""


def _euros(value) -> str:
    if _blank(value):
        return tr("non renseigné")
    return f"{float(value):,.0f} €".replace(",", "\u202f")


def _signed_euros(value) -> str:
    return ("+" if value > 0 else "−" if value < 0 else "") + _euros(abs(value))


def _count(value) -> str:
    return tr("non renseigné") if _blank(value) else f"{int(value):,}".replace(",", "\u202f")


def _date(value):
    """An ISO date as JJ/MM/AAAA (other texts as they are, None when empty)."""
    if _blank(value):
        return None
    text = str(value).strip()
    parsed = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    return text if pd.isna(parsed) else parsed.strftime("%d/%m/%Y")


def _label(labels: dict, value):
    return None if _blank(value) else labels.get(str(value), str(value))


def _differs(old: pd.Series, new: pd.Series, tolerance: float | None = None) -> pd.Series:
    """Where two aligned columns differ: one empty and not the other, or values apart."""
    old_blank, new_blank = old.isna(), new.isna()
    if tolerance is None:
        apart = old.astype(str).str.strip() != new.astype(str).str.strip()
    else:
        apart = (pd.to_numeric(old, errors="coerce") - pd.to_numeric(new, errors="coerce")).abs() >= tolerance
    return (old_blank != new_blank) | (~old_blank & ~new_blank & apart)


def _project_changes(store, millesime: str) -> list:
    from .register import STATUS_LABELS

    found = _pair(store, "projets", millesime, ["projet_id"])
    if found is None:
        return []
    previous, old, new = found
    rows = []
    for key in sorted(set(new.index) - set(old.index)):
        row = new.loc[key]
        rows.append(("projet_ajoute", key, None, _label(STATUS_LABELS, row["statut"]),
                     tr("Projet {0} {1} ajouté au registre depuis {2} (statut : {3}).").format(
                         key, quoted(row["titre"]), previous, _label(STATUS_LABELS, row["statut"]))))
    for key in sorted(set(old.index) - set(new.index)):
        row = old.loc[key]
        rows.append(("projet_retire", key, _label(STATUS_LABELS, row["statut"]), None,
                     tr("Projet {0} {1} retiré du registre depuis {2}.").format(key, quoted(row["titre"]), previous)))
    both = sorted(set(old.index) & set(new.index))
    old, new = old.loc[both], new.loc[both]
    title = new["titre"].map(quoted)
    for key in new.index[_differs(old["statut"], new["statut"])]:
        a, b = _label(STATUS_LABELS, old.at[key, "statut"]), _label(STATUS_LABELS, new.at[key, "statut"])
        rows.append(("statut_modifie", key, a, b, tr("Projet {0} {1} : statut {2} → {3}.").format(
            key, title[key], a or tr("non renseigné"), b or tr("non renseigné"))))
    for key in new.index[_differs(old["budget"], new["budget"], COST_TOLERANCE)]:
        a, b = old.at[key, "budget"], new.at[key, "budget"]
        rows.append(("budget_modifie", key, None if _blank(a) else float(a), None if _blank(b) else float(b),
                     tr("Projet {0} {1} : budget {2} → {3}.").format(key, title[key], _euros(a), _euros(b))))
    for column, kind, text in (("date_debut", "debut_deplace", tr("Projet {0} {1} : début déplacé du {2} au {3}.")),
                               ("date_fin", "fin_deplacee", tr("Projet {0} {1} : fin déplacée du {2} au {3}."))):
        for key in new.index[_differs(old[column], new[column])]:
            a, b = _date(old.at[key, column]), _date(new.at[key, column])
            rows.append((kind, key, a, b, text.format(key, title[key], a or tr("non renseigné"),
                                                      b or tr("non renseigné"))))
    return [("projets", *row) for row in rows]


def _centre_changes(store, millesime: str) -> list:
    from .mobile import SITE_STATUSES, STATUS_LABELS

    found = _pair(store, "centres_bourgs", millesime, ["insee_com"])
    if found is None:
        return []
    previous, old, new = found
    rows = []
    for key in sorted(set(new.index) - set(old.index)):
        row = new.loc[key]
        rows.append(("centre_ajoute", key, None, _label(STATUS_LABELS, row["statut"]),
                     tr("Centre-bourg {0} ({1}) ajouté depuis {2} : {3}.").format(
                         row["nom"], key, previous, _label(STATUS_LABELS, row["statut"]) or tr("non renseigné"))))
    for key in sorted(set(old.index) - set(new.index)):
        rows.append(("centre_retire", key, _label(STATUS_LABELS, old.at[key, "statut"]), None,
                     tr("Centre-bourg {0} ({1}) retiré depuis {2}.").format(old.at[key, "nom"], key, previous)))
    both = sorted(set(old.index) & set(new.index))
    old, new = old.loc[both], new.loc[both]
    for column, kind, labels, text in (
            ("statut", "couverture_modifiee", STATUS_LABELS, tr("Centre-bourg {0} ({1}) : couverture {2} → {3}.")),
            ("statut_site", "statut_site_modifie", SITE_STATUSES, tr("Centre-bourg {0} ({1}) : site {2} → {3}."))):
        for key in new.index[_differs(old[column], new[column])]:
            a, b = _label(labels, old.at[key, column]), _label(labels, new.at[key, column])
            rows.append((kind, key, a, b, text.format(new.at[key, "nom"], key, a or tr("non renseigné"),
                                                      b or tr("non renseigné"))))
    for key in new.index[_differs(old["nb_sites"], new["nb_sites"], 1)]:
        a, b = old.at[key, "nb_sites"], new.at[key, "nb_sites"]
        rows.append(("sites_modifies", key, None if _blank(a) else int(a), None if _blank(b) else int(b),
                     tr("Centre-bourg {0} ({1}) : sites nécessaires {2} → {3}.").format(
                         new.at[key, "nom"], key, _count(a), _count(b))))
    return [("centres_bourgs", *row) for row in rows]


def _cost_changes(store, millesime: str) -> list:
    found = _pair(store, "couts", millesime, ["niveau", "code", "poste"])
    if found is None:
        return []
    previous, old, new = found
    order = {poste: i for i, poste in enumerate(POSTE_LABELS)}
    keys = sorted(set(old.index) | set(new.index), key=lambda k: (k[0] != "département", order.get(k[2], 9), k[1]))
    old, new = old.reindex(keys), new.reindex(keys)
    rows = []
    for column, kind, tolerance in (("locaux", "locaux_modifies", 1), ("cout_total", "cout_modifie", COST_TOLERANCE)):
        for key in new.index[_differs(old[column], new[column], tolerance)]:
            level, code, poste = key
            where = tr("département {0}").format(code) if level == "département" else tr("territoire")
            a, b = old.at[key, column], new.at[key, column]
            if column == "locaux":
                a, b = (None if _blank(v) else int(v) for v in (a, b))
                gained = f"{b - a:+,}".replace(",", "\u202f").replace("-", "−") if a is not None and b is not None \
                    else None
                change = f" ({gained})" if gained else ""
                text = tr("{0}, {1} : locaux {2} → {3}{4} depuis {5}.").format(
                    POSTE_LABELS.get(poste, poste), where, _count(a), _count(b), change, previous)
            else:
                a, b = (None if _blank(v) else round(float(v), 2) for v in (a, b))
                change = "" if a is None or b is None else f" ({_signed_euros(b - a)})"
                text = tr("{0}, {1} : coût {2} → {3}{4} depuis {5}.").format(
                    POSTE_LABELS.get(poste, poste), where, _euros(a), _euros(b), change, previous)
            rows.append(("couts", kind, code, a, b, text))
    return rows


def register_changes(store, millesime: str, trajectory: pd.DataFrame | None = None) -> pd.DataFrame:
    """Everything that changed since the previous millésime, register by register (REGISTER_COLUMNS;
    `registre`: thd, projets, centres_bourgs, couts — REGISTER_LABELS; `type`: CHANGE_LABELS).

    - thd: `changes_since` (premises gained, phases slipped, conventions signed);
    - projets: projects added or removed, status, budget, start or end date changed;
    - centres_bourgs: centres added or removed, mobile coverage status, site status, sites needed changed;
    - couts: premises or cost of a poste (RIP phases, rest to plan, mobile) changed, per département and
      for the territory (`objet`: the département's code, or `Ensemble`).

    Each register is compared with its own latest earlier snapshot (`previous_snapshot`); a register
    with no snapshot saved for `millesime` yet (see `save_snapshots`) lists nothing.
    """
    millesime = str(Millesime.parse(millesime))
    thd = changes_since(store, millesime, trajectory)
    rows = [("thd", *row) for row in thd[CHANGE_COLUMNS].itertuples(index=False)]
    rows += _project_changes(store, millesime) + _centre_changes(store, millesime) + _cost_changes(store, millesime)
    return pd.DataFrame(rows, columns=REGISTER_COLUMNS)


def cost_comparison(store, millesime: str, current: pd.DataFrame | None = None) -> tuple[pd.DataFrame, str | None]:
    """Every cost and premises figure of `millesime` beside the previous millésime's (couts_millesime):
    per niveau, code and poste (with `total`, the cost of 100 % = RIP phases + rest to plan),
    `<figure>_precedent`, `<figure>`, `<figure>_ecart` for locaux, cout_total, part_etat,
    reste_collectivites. `current`: this millésime's figures (`cost_snapshot`) when not read from the
    store. Returns the table and the previous millésime (None when there is none)."""
    from .finance import COST_COLUMNS, COST_FIGURES, FULL, REMAINING, RIP

    millesime = str(Millesime.parse(millesime))
    previous = previous_snapshot(store, "couts", millesime)
    rows = _snapshots(store, "couts", (previous or millesime, millesime))
    if current is None:
        current = rows[rows["millesime"] == millesime]
    before = rows[rows["millesime"] == previous] if previous else pd.DataFrame(columns=COST_COLUMNS)
    key = ["niveau", "code", "poste"]

    def with_full(frame):
        frame = frame.reindex(columns=COST_COLUMNS)
        frame[COST_FIGURES] = frame[COST_FIGURES].apply(pd.to_numeric, errors="coerce")
        fixed = frame[frame["poste"].isin([RIP, REMAINING])]
        if fixed.empty:
            return frame
        groups = fixed.groupby(["niveau", "code"], sort=False)
        full = groups[COST_FIGURES].sum(min_count=1)
        # the cost of 100 % needs both postes: a millésime saved from analyses without the rest to plan (before
        # it existed) has no total, rather than the RIP phases alone compared with a full total
        full.loc[groups["poste"].nunique() < 2, COST_FIGURES] = float("nan")
        return pd.concat([frame, full.reset_index().assign(poste=FULL)], ignore_index=True)

    table = with_full(before).merge(with_full(current), on=key, how="outer", suffixes=("_precedent", ""))
    for figure in COST_FIGURES:
        table[f"{figure}_precedent"] = pd.to_numeric(table[f"{figure}_precedent"], errors="coerce")
        table[figure] = pd.to_numeric(table[figure], errors="coerce")
        table[f"{figure}_ecart"] = table[figure] - table[f"{figure}_precedent"]
    order = {p: i for i, p in enumerate([RIP, REMAINING, FULL, "mobile"])}
    table = table.assign(_level=(table["niveau"] != "département").astype(int),
                         _poste=table["poste"].map(order).fillna(len(order)))
    table = table.sort_values(["_level", "code", "_poste"], kind="stable").drop(columns=["_level", "_poste"])
    table.insert(3, "millesime_precedent", previous)
    columns = key + ["millesime_precedent"] + [f"{f}{s}" for f in COST_FIGURES for s in ("_precedent", "", "_ecart")]
    return table[columns].reset_index(drop=True), previous
