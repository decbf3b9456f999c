"""The initiatives calendar: usage projects (with their milestones), RIP phases, AMII operators' calendars.

Built once here; the calendar dock, the atlas page and the « calendrier des initiatives » workbook
each draw or list these rows.
"""

from __future__ import annotations

from . import register
from .i18n import tr
from .palettes import AMII_COLOR, domain_color, phase_color

PROJECT, PHASE, AMII = "projet", "phase", "amii"


def _departments(department) -> set[str] | None:
    if department is None:
        return None
    values = [department] if isinstance(department, str) else list(department)
    return {str(v).strip().upper() for v in values if str(v).strip()} or None


def _shared(deps: set, chosen: set | None) -> str | None:
    others = sorted(deps - chosen) if chosen else []
    return tr("partagé avec {0}").format(", ".join(others)) if others else None


def initiative_rows(store, department=None, kinds=(PROJECT, PHASE, AMII), territory=None) -> list[dict]:
    """Calendar rows, projects first, then RIP phases, then AMII operators' calendars.

    Each row: kind, key, label, title, start, end (ISO date or `AAAA-Sn`), status, color, search,
    milestones (projects only), shared (« partagé avec 21, 71 » when the initiative spans other
    départements). `department` (a code or a list of codes) keeps the projects of those départements,
    the RIP phases that lie there (by the project's `departements` field, the phase's communes and
    the perimeter — never the spelling of rip_id) and the AMII calendars of their communes.
    `territory` (optional, e.g. a deliverables run's Scope) gives `rip_departements()` and
    `phase_departements()` already computed, for callers that draw many calendars.
    """
    chosen = _departments(department)
    rows = []
    if PROJECT in kinds:
        rows += _project_rows(store, chosen)
    if PHASE in kinds:
        rows += _phase_rows(store, chosen, territory)
    if AMII in kinds:
        rows += _amii_rows(store, chosen)
    return rows


def _project_rows(store, chosen) -> list[dict]:
    tables = register.read_tables(store)
    projects = tables["projets"]
    deps = projects["departements"].fillna("").map(lambda value: {d.upper() for d in register.split_list(value)})
    if chosen is not None:
        keep = deps.map(lambda d: bool(d & chosen))
        projects, deps = projects[keep], deps[keep]
    milestones = tables["jalons"].groupby("projet_id")
    rows = []
    for project, project_deps in zip(projects.to_dict("records"), deps):
        key = project["projet_id"]
        marks = milestones.get_group(key).to_dict("records") if key in milestones.groups else []
        rows.append({"kind": PROJECT, "key": key, "label": f"{key} {project['titre']}", "title": project["titre"],
                     "start": project.get("date_debut"), "end": project.get("date_fin"),
                     "status": project.get("statut"), "color": domain_color(project["domaine"]),
                     "search": f"{project['titre']} {project['domaine']} {project.get('porteur') or ''}",
                     "milestones": marks, "shared": _shared(project_deps, chosen)})
    return rows


def _phase_rows(store, chosen, territory=None) -> list[dict]:
    from .territory_filter import phase_departements, rip_departements

    phases = store.rip_phases().sort_values(["rip_id", "semestre_debut", "phase_id"], na_position="first",
                                            kind="stable")
    if chosen is not None:
        by_rip, by_phase = ((territory.rip_departements(), territory.phase_departements()) if territory is not None
                            else (rip_departements(store), phase_departements(store)))
    rows = []
    for phase in phases.to_dict("records"):
        shared = None
        if chosen is not None:
            deps = by_phase.get(phase["phase_id"]) or by_rip.get(phase["rip_id"], set())
            if not deps & chosen:
                continue
            shared = _shared(deps, chosen)
        rows.append({"kind": PHASE, "key": phase["phase_id"],
                     "label": f"{phase['phase_id']} ({phase['technologie']})", "title": phase["nom"],
                     "start": phase["semestre_debut"], "end": phase["semestre_fin"], "status": phase["statut"],
                     "color": phase_color(phase["statut"]),
                     "search": f"{phase['phase_id']} {phase['rip_id']} {phase['technologie']}", "milestones": [],
                     "shared": shared})
    return rows


def _amii_rows(store, chosen) -> list[dict]:
    from .territory_filter import amii_calendars

    calendars = store.amii_calendars() if chosen is None else amii_calendars(store, chosen)
    rows = []
    for operators, first, last, communes in calendars:  # private plans: by years
        rows.append({"kind": AMII, "key": f"AMII {operators}",
                     "label": tr("AMII {0} ({1} communes)").format(operators, communes),
                     "title": tr("{0} communes").format(communes), "operators": operators,
                     "start": f"{first}-S1", "end": f"{last}-S2", "first_year": first, "last_year": last,
                     "status": None, "color": AMII_COLOR, "search": f"AMII {operators}", "milestones": []})
    return rows
