"""Very-high-speed (THD, ≥ 30 Mbit/s) coverage: who covers each premise and when, and the trajectory.

Plans come from the store (or any layers with the same fields): RIP projects and phases, AMII
communes with their operators' yearly calendar. A premise is already THD when its class is
THD30 or better; otherwise its planned semester is its AMII calendar year (second half) or the
end semester of its RIP phase, for the technologies that bring THD (FTTH, THD radio).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .codes import Millesime
from .errors import ScoranError
from .geometry import locate_points
from .i18n import tr
from .speed_classes import RANK

THD_TECHNOLOGIES = ("FTTH", "THDR")
END_OF_PLAN = Millesime(2022, 2)
NATIONAL_TARGETS = {Millesime(2017, 2): 50.0, Millesime(2022, 2): 100.0}
SCALE_SHARE = 0.8  # a RIP covering less than 80 % of its department's public-initiative premises is infra-departmental


@dataclass
class Plan:
    """The plans, as tables; `wkb` columns hold geometries in the premises' CRS (or None)."""

    projects: pd.DataFrame  # rip_id, nom, departements, wkb
    # phase_id, rip_id, nom, technologie, semestre_debut, semestre_fin, locaux_prevus, statut, wkb, communes
    phases: pd.DataFrame
    amii: pd.DataFrame  # insee_com, zone, operateurs, convention_signee, annee_fin_prevue
    calendar: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=["insee_com", "annee", "locaux_prevus"]))


CHECK_COLUMNS = ["type", "objet", "detail"]


def check_plan(plan: Plan, known_communes: set | None = None) -> tuple[pd.DataFrame, np.ndarray]:
    """Anomalies of the plans (a table) and which phases can be used for planning."""
    checks = []
    usable = np.ones(len(plan.phases), dtype=bool)
    for i, phase in enumerate(plan.phases.itertuples()):
        start, end = _semester(phase.semestre_debut), _semester(phase.semestre_fin)
        if start is None or end is None:
            usable[i] = False
            checks.append(("phase_sans_dates", phase.phase_id,
                           tr("Phase {0} sans semestre de début ou de fin valide (AAAA-S1/S2) : ignorée dans le "
                              "calendrier.").format(phase.phase_id)))
        elif end < start:
            usable[i] = False
            checks.append(("phase_incoherente", phase.phase_id,
                           tr("Phase {0} : fin {1} avant le début {2} : ignorée dans le calendrier.").format(
                               phase.phase_id, end, start)))
        if str(phase.statut or "") == "abandonne":
            usable[i] = False
        if phase.rip_id not in set(plan.projects["rip_id"]):
            checks.append(("phase_sans_projet", phase.phase_id,
                           tr("Phase {0} rattachée au projet inconnu {1}.").format(phase.phase_id, phase.rip_id)))
    checks += _overlapping_phases(plan.phases)
    if known_communes is not None:
        for code in sorted(set(plan.amii["insee_com"]) - set(known_communes)):
            checks.append(("amii_commune_inconnue", code,
                           tr("Commune AMII {0} absente du territoire : ignorée.").format(code)))
    return pd.DataFrame(checks, columns=CHECK_COLUMNS), usable


def _semester(text):
    try:
        return Millesime.parse(text)
    except ScoranError:
        return None


def semester_indices(values) -> np.ndarray:
    """Running semester numbers of many `AAAA-Sn` texts (-1 where empty or invalid), parsing each
    distinct text once."""
    series = pd.Series(values, dtype=object)
    known = {v: (_semester(v).index if isinstance(v, str) and _semester(v) else -1) for v in series.dropna().unique()}
    return series.map(known).fillna(-1).to_numpy(dtype=np.int64)


def _overlapping_phases(phases: pd.DataFrame) -> list:
    """Phases of one project that share communes or overlap on the map."""
    from osgeo import ogr

    checks = []
    for rip_id, group in phases.groupby("rip_id"):
        rows = list(group.itertuples())
        for a_index, a in enumerate(rows):
            for b in rows[a_index + 1:]:
                shared = set(a.communes or ()) & set(b.communes or ())
                overlap = False
                if a.wkb is not None and b.wkb is not None:
                    ga, gb = ogr.CreateGeometryFromWkb(a.wkb), ogr.CreateGeometryFromWkb(b.wkb)
                    if ga.Intersects(gb):
                        inter = ga.Intersection(gb)
                        surface = inter is not None and ogr.GT_Flatten(inter.GetGeometryType()) in (
                            ogr.wkbPolygon, ogr.wkbMultiPolygon, ogr.wkbGeometryCollection)
                        overlap = surface and inter.GetArea() > 0.01 * min(ga.GetArea(), gb.GetArea())
                if shared or overlap:
                    checks.append(("phases_chevauchantes", f"{a.phase_id} / {b.phase_id}",
                                   tr("Les phases {0} et {1} du projet {2} se chevauchent.").format(
                                       a.phase_id, b.phase_id, rip_id)))
    return checks


def assign_coverage(premises: pd.DataFrame, x: np.ndarray, y: np.ndarray, plan: Plan, usable: np.ndarray,
                    feedback=None) -> pd.DataFrame:
    """Per premise: zone, rip_id, phase_id, technologie, semestre_prevu, deja_thd, chevauchement_amii.

    `premises` has imb_id, code_insee, code_dep, nb_locaux, classe.
    """
    n = len(premises)
    codes = premises["code_insee"].to_numpy(dtype=object)
    rank = pd.Categorical(premises["classe"], categories=list(RANK)).codes
    already = rank >= RANK["THD30"]
    amii = plan.amii.drop_duplicates("insee_com").set_index("insee_com")
    amii_zone = pd.Series(codes).map(amii["zone"].fillna("AMII") if "zone" in amii else "AMII").to_numpy(object)
    in_amii = pd.notna(amii_zone)

    # RIP phase of each premise: by geometry, else by the phase's list of communes; earliest end wins.
    phases = plan.phases.reset_index(drop=True)
    order = sorted(range(len(phases)), key=lambda i: (_semester(phases.at[i, "semestre_fin"]) or END_OF_PLAN.next(),
                                                     str(phases.at[i, "phase_id"])))
    phase_of = np.full(n, -1, dtype=np.int64)
    geometric = [i for i in order if phases.at[i, "wkb"] is not None]
    if geometric:
        hit = locate_points(x, y, [phases.at[i, "wkb"] for i in geometric], feedback)
        phase_of = np.where(hit >= 0, np.array(geometric)[hit.clip(min=0)], -1)
    for i in order:
        if phases.at[i, "wkb"] is None and phases.at[i, "communes"]:
            members = np.isin(codes, list(phases.at[i, "communes"])) & (phase_of < 0)
            phase_of[members] = i
    project_of = np.full(n, None, dtype=object)
    if len(plan.projects):
        with_geometry = plan.projects[plan.projects["wkb"].notna()].reset_index(drop=True)
        if len(with_geometry):
            hit = locate_points(x, y, list(with_geometry["wkb"]), feedback)
            project_of = np.where(hit >= 0, with_geometry["rip_id"].to_numpy(object)[hit.clip(min=0)], None)
    in_phase = phase_of >= 0
    phase_rip = np.where(in_phase, phases["rip_id"].to_numpy(object)[phase_of.clip(min=0)], None)
    rip_id = np.where(in_phase, phase_rip, project_of)

    zone = np.where(in_amii, amii_zone, np.where(pd.notna(rip_id), "RIP", "aucun")).astype(object)
    technology = np.where(in_phase, phases["technologie"].to_numpy(object)[phase_of.clip(min=0)], None)
    phase_ok = in_phase & usable[phase_of.clip(min=0)] if len(phases) else in_phase
    rip_semester = np.where(phase_ok & np.isin(technology, THD_TECHNOLOGIES),
                            phases["semestre_fin"].to_numpy(object)[phase_of.clip(min=0)], None)

    planned = np.where(zone == "RIP", rip_semester, None).astype(object)
    amii_semester = _amii_semesters(premises, in_amii & ~already, plan)
    planned = np.where(in_amii, amii_semester, planned)
    planned = np.where(already, None, planned)

    result = pd.DataFrame({
        "zone": zone,
        "rip_id": rip_id,
        "phase_id": np.where(in_phase, phases["phase_id"].to_numpy(object)[phase_of.clip(min=0)], None),
        "technologie": technology,
        "semestre_prevu": planned,
        "deja_thd": already,
        "chevauchement_amii": in_amii & pd.notna(rip_id),
    })
    planned_index = semester_indices(result["semestre_prevu"])
    result["reste_a_couvrir"] = ~already & ~((planned_index >= 0) & (planned_index <= END_OF_PLAN.index))
    return result


def _amii_semesters(premises: pd.DataFrame, waiting: np.ndarray, plan: Plan) -> np.ndarray:
    """Operators' yearly calendar spread over the commune's premises that are not THD yet.

    Premises are taken in building-id order; each year passes its `locaux_prevus`; what the
    calendar leaves over falls in the planned completion year.
    """
    result = np.full(len(premises), None, dtype=object)
    if not waiting.any():
        return result
    frame = pd.DataFrame({"row": np.flatnonzero(waiting), "insee_com": premises["code_insee"].to_numpy()[waiting],
                          "n": premises["nb_locaux"].to_numpy()[waiting],
                          "imb": premises["imb_id"].to_numpy()[waiting]})
    frame = frame.sort_values(["insee_com", "imb"], kind="stable")
    frame["cumulative"] = frame.groupby("insee_com")["n"].cumsum()
    calendar = plan.calendar.copy()
    end_year = plan.amii.drop_duplicates("insee_com").set_index("insee_com")["annee_fin_prevue"]
    for code, group in frame.groupby("insee_com", sort=False):
        years = calendar[calendar["insee_com"] == code].sort_values("annee")
        limits = years["locaux_prevus"].astype(float).cumsum().to_numpy()
        # a premise is planned in the first year whose cumulative calendar reaches its cumulative rank
        position = np.searchsorted(limits, group["cumulative"].to_numpy(), side="left")
        fallback = end_year.get(code)
        fallback = int(fallback) if fallback is not None and fallback == fallback else None
        labels = [f"{int(years['annee'].iat[p])}-S2" if p < len(years) else
                  (f"{fallback}-S2" if fallback else None) for p in position]
        result[group["row"].to_numpy()] = labels
    return result


def rip_scale_checks(premises: pd.DataFrame, coverage: pd.DataFrame, plan: Plan) -> pd.DataFrame:
    """RIP projects that cover less than SCALE_SHARE of their department's public-initiative premises."""
    checks = []
    nb = premises["nb_locaux"].to_numpy()
    deps = premises["code_dep"].to_numpy(object)
    public = coverage["zone"].isin(["RIP", "aucun"]).to_numpy()
    for project in plan.projects.itertuples():
        for dep in [d.strip() for d in str(project.departements or "").split(",") if d.strip()]:
            eligible = nb[(deps == dep) & public].sum()
            covered = nb[(deps == dep) & public & (coverage["rip_id"].to_numpy(object) == project.rip_id)].sum()
            share = covered / eligible if eligible else 0.0
            if share < SCALE_SHARE:
                checks.append(("rip_infra_departemental", project.rip_id, tr(
                    "Le projet {0} ne couvre que {1:.0f} % des locaux d'initiative publique du département {2} : "
                    "plus petit qu'un département, il n'est pas éligible au soutien national.").format(
                    project.rip_id, 100 * share, dep)))
    return pd.DataFrame(checks, columns=CHECK_COLUMNS)


def coverage_summary(premises: pd.DataFrame, coverage: pd.DataFrame) -> pd.DataFrame:
    """Premises by zone and planned semester, per commune, department and territory (long table)."""
    frame = pd.DataFrame({
        "commune": premises["code_insee"].to_numpy(), "departement": premises["code_dep"].to_numpy(),
        "zone": coverage["zone"].to_numpy(), "nb_locaux": premises["nb_locaux"].to_numpy(),
        "semestre_prevu": np.where(coverage["deja_thd"], "deja_thd",
                                   coverage["semestre_prevu"].fillna("non_planifie")),
    })
    parts = []
    for level, key in ((tr("commune"), "commune"), (tr("département"), "departement"), (tr("territoire"), None)):
        grouped = frame.assign(code=tr("Ensemble") if key is None else frame[key])
        table = grouped.groupby(["code", "zone", "semestre_prevu"])["nb_locaux"].sum().reset_index()
        parts.append(table.assign(niveau=level))
    return pd.concat(parts, ignore_index=True)[["niveau", "code", "zone", "semestre_prevu", "nb_locaux"]]


def trajectory(premises_dep: np.ndarray, nb_locaux: np.ndarray, deja_thd: np.ndarray, planned: np.ndarray,
               start: Millesime, end: Millesime = END_OF_PLAN, targets=None) -> pd.DataFrame:
    """Per department and territory, per semester: cumulative THD premises, %, target, gap."""
    targets = NATIONAL_TARGETS if targets is None else targets
    semesters = list(range(start.index, end.index + 1))
    planned_index = semester_indices(planned)
    # planned before the start semester and not yet THD (late plans) count from the start semester
    planned_index = np.where((planned_index >= 0) & (planned_index < start.index), start.index, planned_index)
    frame = pd.DataFrame({"code": premises_dep, "n": nb_locaux, "thd": np.where(deja_thd, nb_locaux, 0),
                          "when": np.where(deja_thd, -1, planned_index)})
    rows = []
    groups = [(code, group) for code, group in frame.groupby("code")] + [(tr("Ensemble"), frame)]
    for code, group in groups:
        total = int(group["n"].sum())
        already = int(group["thd"].sum())
        by_semester = group[group["when"] >= 0].groupby("when")["n"].sum()
        cumulative = already
        for semester in semesters:
            cumulative += int(by_semester.get(semester, 0))
            target = _target_for(Millesime.from_index(semester), targets)
            pct = round(100.0 * cumulative / total, 2) if total else None
            rows.append({
                "niveau": tr("territoire") if code == tr("Ensemble") else tr("département"), "code": code,
                "semestre": str(Millesime.from_index(semester)), "nb_locaux": total, "locaux_thd": cumulative,
                "pct_thd": pct, "cible_pct": target,
                "ecart_pct": None if target is None or pct is None else round(pct - target, 2),
            })
    return pd.DataFrame(rows)


def _target_for(semester: Millesime, targets: dict):
    """The national milestone of a semester, when one falls on it."""
    return targets.get(semester)


def phasing(phases: pd.DataFrame, coverage: pd.DataFrame, unit_costs: np.ndarray,
            years=(2015, 2016, 2017)) -> pd.DataFrame:
    """Per project, phase and year: premises made THD-ready and their cost, spreading each phase
    evenly over its semesters. `coverage` has nb_locaux, deja_thd, phase_id per premise;
    `unit_costs` is the cost per premise of each phase."""
    nb = coverage["nb_locaux"].to_numpy()
    waiting = ~coverage["deja_thd"].to_numpy()
    per_phase = pd.Series(nb[waiting]).groupby(coverage["phase_id"].to_numpy(object)[waiting]).sum()
    rows = []
    for index, phase in enumerate(phases.itertuples()):
        start, end = _semester(phase.semestre_debut), _semester(phase.semestre_fin)
        if start is None or end is None or end < start:
            continue
        count = int(per_phase.get(phase.phase_id, 0))
        span = end.index - start.index + 1
        for year in years:
            semesters = sum(1 for s in range(start.index, end.index + 1) if Millesime.from_index(s).year == year)
            if semesters:
                share = count * semesters / span
                rows.append({"rip_id": phase.rip_id, "phase_id": phase.phase_id, "technologie": phase.technologie,
                             "annee": year, "locaux": round(share), "cout": round(share * unit_costs[index], 2)})
    return pd.DataFrame(rows, columns=["rip_id", "phase_id", "technologie", "annee", "locaux", "cout"])

