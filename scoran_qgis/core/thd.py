"""Very-high-speed (THD, ≥ 30 Mbit/s) coverage: who covers each premise and when, and the trajectory.

Plans come from the store (or any layers with the same fields): RIP projects and phases, AMII
communes with their operators' yearly calendar. A premise is already THD when its class is
THD30 or better; otherwise its planned semester is its AMII calendar year (second half) or the
end semester of its RIP phase, for the technologies that bring THD (FTTH, THD radio; a copper
upgrade, MED, never does). An abandoned phase (`statut = abandonne`) claims no premise: a phase
that re-plans its area takes them. A RIP's départements come from its `departements` field, its
communes and its geometry (`rip_departements`), never from the spelling of its `rip_id`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .codes import Millesime, departement_of
from .errors import ScoranError
from .geometry import locate_points
from .i18n import tr
from .speed_classes import RANK

THD_TECHNOLOGIES = ("FTTH", "THDR")
END_OF_PLAN = Millesime(2022, 2)
NATIONAL_TARGETS = {Millesime(2017, 2): 50.0, Millesime(2022, 2): 100.0}
ABANDONED = "abandonne"


def scale_share() -> float:
    """Share of its department's public-initiative premises a RIP must cover to be of département scale
    (rules file, key `echelle_departementale_part_min`: 0.8 by default, see its source there)."""
    from .costs import read_rules

    return read_rules()["echelle_departementale_part_min"]


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
        if is_abandoned(phase.statut):
            usable[i] = False
            checks.append(("phase_abandonnee", phase.phase_id,
                           tr("Phase {0} abandonnée : hors de la couverture, du phasage, des besoins financiers et "
                              "de la trajectoire.").format(phase.phase_id)))
        if phase.rip_id not in set(plan.projects["rip_id"]):
            checks.append(("phase_sans_projet", phase.phase_id,
                           tr("Phase {0} rattachée au projet inconnu {1}.").format(phase.phase_id, phase.rip_id)))
    checks += _overlapping_phases(plan.phases)
    if known_communes is not None:
        for code in sorted(set(plan.amii["insee_com"]) - set(known_communes)):
            checks.append(("amii_commune_inconnue", code,
                           tr("Commune AMII {0} absente du territoire : ignorée.").format(code)))
    return pd.DataFrame(checks, columns=CHECK_COLUMNS), usable


def is_abandoned(status) -> bool:
    return str(status or "").strip().lower() == ABANDONED


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
    """Phases of one project (not abandoned) that share communes or overlap on the map."""
    from osgeo import ogr

    checks = []
    live = phases[np.array([not is_abandoned(status) for status in phases["statut"]], dtype=bool)] \
        if "statut" in phases else phases  # a boolean array: an empty list would select no column
    for rip_id, group in live.groupby("rip_id"):  # a phase re-planning an abandoned one is no anomaly
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

    # RIP phase of each premise: by geometry, else by the phase's list of communes. Abandoned phases
    # claim nothing; a phase bringing THD (FTTH, THDR) wins over a MED/SAT phase; then the earliest end.
    phases = plan.phases.reset_index(drop=True)
    live = [i for i in range(len(phases)) if not is_abandoned(phases.at[i, "statut"])]
    order = sorted(live, key=lambda i: (str(phases.at[i, "technologie"] or "").strip().upper() not in THD_TECHNOLOGIES,
                                        _semester(phases.at[i, "semestre_fin"]) or END_OF_PLAN.next(),
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

    def of_phase(column):  # each premise's phase's value, None outside any phase (and when there is no phase)
        return np.append(phases[column].to_numpy(object), None)[phase_of]

    phase_rip = of_phase("rip_id")
    rip_id = np.where(in_phase, phase_rip, project_of)

    zone = np.where(in_amii, amii_zone, np.where(pd.notna(rip_id), "RIP", "aucun")).astype(object)
    technology = of_phase("technologie")
    phase_ok = in_phase & usable[phase_of.clip(min=0)] if len(phases) else in_phase
    # the phases' technologies normalised once, then taken by phase (not a text operation per premise)
    phase_upper = phases["technologie"].fillna("").astype(str).str.strip().str.upper().to_numpy(object) \
        if len(phases) else np.array([""], dtype=object)
    upper = np.where(in_phase, phase_upper[phase_of.clip(min=0)], "")
    rip_semester = np.where(phase_ok & np.isin(upper, THD_TECHNOLOGIES), of_phase("semestre_fin"), None)

    planned = np.where(zone == "RIP", rip_semester, None).astype(object)
    amii_semester = _amii_semesters(premises, in_amii & ~already, plan)
    planned = np.where(in_amii, amii_semester, planned)
    planned = np.where(already, None, planned)

    result = pd.DataFrame({
        "zone": zone,
        "rip_id": rip_id,
        "phase_id": of_phase("phase_id"),
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
        labels = np.array([f"{int(year)}-S2" for year in years["annee"]] + [f"{fallback}-S2" if fallback else None],
                          dtype=object)  # by year of the calendar, then past its end
        result[group["row"].to_numpy()] = labels[np.minimum(position, len(years))]
    return result


def _department_codes(value) -> list:
    """Codes of a `departements` field: `58`, `58.0`, `1` → `01`, `2a` → `2A`; separators , ; / or spaces."""
    import re

    codes = []
    for part in re.split(r"[,;/\s]+", str(value or "")):
        code = part.strip().upper()
        if code.endswith(".0"):
            code = code[:-2]
        if code.isdigit() and len(code) == 1:
            code = "0" + code
        if re.fullmatch(r"0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-8]", code) and code not in codes:
            codes.append(code)
    return codes


def rip_departements(plan: Plan, premises: pd.DataFrame | None = None, coverage: pd.DataFrame | None = None,
                     departments: pd.DataFrame | None = None, min_share: float = 0.01) -> dict:
    """{rip_id: sorted list of département codes} for every project (and every phase's project).

    A project's départements are, together: its `departements` field; the départements of the
    communes of its phases (`communes` lists, including the store's rip_phases_communes); when
    given, the `code_dep` of the premises `coverage` puts in the project (same rows as `premises`)
    holding at least `min_share` of its premises; when given, the départements (`departments`:
    insee_dep, wkb, in the plan's CRS) holding at least `min_share` of the surface of its perimeter
    or of a phase's. Never the spelling of `rip_id`.
    """
    result: dict = {}
    for project in plan.projects.itertuples():
        result.setdefault(project.rip_id, set()).update(_department_codes(getattr(project, "departements", None)))
    phases = plan.phases
    for rip_id, communes in zip(phases["rip_id"], phases["communes"] if "communes" in phases else [()] * len(phases)):
        found = result.setdefault(rip_id, set())
        found.update(departement_of(code) for code in (communes or ()) if code)
    if premises is not None and coverage is not None and len(premises):
        frame = pd.DataFrame({"rip": coverage["rip_id"].to_numpy(object), "dep": premises["code_dep"].to_numpy(object),
                              "n": premises["nb_locaux"].to_numpy(dtype=float)}).dropna(subset=["rip", "dep"])
        per = frame.groupby(["rip", "dep"])["n"].sum().reset_index()
        per = per[per["n"] >= min_share * per.groupby("rip")["n"].transform("sum")]
        for rip_id, dep in zip(per["rip"], per["dep"]):
            result.setdefault(rip_id, set()).add(str(dep))
    if departments is not None and len(departments):
        none = [None] * max(len(plan.projects), len(phases))
        shapes = list(zip(plan.projects["rip_id"], plan.projects.get("wkb", none[:len(plan.projects)])))
        shapes += list(zip(phases["rip_id"], phases.get("wkb", none[:len(phases)])))
        for rip_id, dep in _overlapping_departments(shapes, departments, min_share):
            result.setdefault(rip_id, set()).add(dep)
    return {rip_id: sorted(codes) for rip_id, codes in result.items() if rip_id is not None}


def declared_departements(plan: Plan, premises: pd.DataFrame | None = None,
                          coverage: pd.DataFrame | None = None) -> dict:
    """The départements a project answers for: its `departements` field when filled, else those found
    by `rip_departements` (communes, premises located in it)."""
    found = rip_departements(plan, premises, coverage)
    result = {}
    for project in plan.projects.itertuples():
        declared = _department_codes(getattr(project, "departements", None))
        result[project.rip_id] = sorted(declared) if declared else found.get(project.rip_id, [])
    return result


def _overlapping_departments(shapes, departments: pd.DataFrame, share: float):
    """(rip_id, insee_dep) where the département holds at least `share` of the shape's surface."""
    from osgeo import ogr

    areas = []
    for code, wkb in zip(departments["insee_dep"], departments["wkb"]):
        if wkb is not None:
            geometry = ogr.CreateGeometryFromWkb(bytes(wkb))
            areas.append((str(code), geometry))
    for rip_id, wkb in shapes:
        if wkb is None:
            continue
        shape = ogr.CreateGeometryFromWkb(bytes(wkb))
        for code, geometry in areas:
            if shape.Intersects(geometry):
                inter = shape.Intersection(geometry)
                if inter is not None and inter.GetArea() >= share * shape.GetArea():
                    yield rip_id, code


def rip_scale_checks(premises: pd.DataFrame, coverage: pd.DataFrame, plan: Plan,
                     share: float | None = None) -> pd.DataFrame:
    """RIP projects that cover less than `share` (rules file: 80 % by default) of the public-initiative
    premises of one of their départements (`declared_departements`: the `departements` field, else the
    départements of its communes and premises — never the spelling of `rip_id`)."""
    share_min = scale_share() if share is None else share
    checks = []
    nb = premises["nb_locaux"].to_numpy()
    public = coverage["zone"].isin(["RIP", "aucun"]).to_numpy()
    frame = pd.DataFrame({"dep": premises["code_dep"].astype(str).to_numpy(object), "n": np.where(public, nb, 0),
                          "rip": coverage["rip_id"].to_numpy(object)})
    eligible_by_dep = frame.groupby("dep")["n"].sum()
    covered_by = frame.dropna(subset=["rip"]).groupby(["rip", "dep"])["n"].sum()
    departements = declared_departements(plan, premises, coverage)
    for rip_id in plan.projects["rip_id"]:
        for dep in departements.get(rip_id, []):
            eligible = eligible_by_dep.get(dep, 0)
            covered = covered_by.get((rip_id, dep), 0)
            covered_share = covered / eligible if eligible else 0.0
            if covered_share < share_min:
                checks.append(("rip_infra_departemental", rip_id, tr(
                    "Le projet {0} ne couvre que {1:.0f} % des locaux d'initiative publique du département {2} "
                    "(seuil : {3:.0f} %) : plus petit qu'un département, il n'est pas éligible au soutien "
                    "national.").format(rip_id, 100 * covered_share, dep, 100 * share_min)))
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
    # niveau and code are keys the deliverables read: French words, never translated
    for level, key in (("commune", "commune"), ("département", "departement"), ("territoire", None)):
        grouped = frame.assign(code="Ensemble" if key is None else frame[key])
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
    groups = [(code, group) for code, group in frame.groupby("code")] + [("Ensemble", frame)]
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
                "niveau": "territoire" if code == "Ensemble" else "département", "code": code,
                "semestre": str(Millesime.from_index(semester)), "nb_locaux": total, "locaux_thd": cumulative,
                "pct_thd": pct, "cible_pct": target,
                "ecart_pct": None if target is None or pct is None else round(pct - target, 2),
            })
    return pd.DataFrame(rows)


def _target_for(semester: Millesime, targets: dict):
    """The national milestone of a semester, when one falls on it."""
    return targets.get(semester)
