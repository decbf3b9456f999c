"""The initiatives calendar: usage projects (with their milestones), RIP phases, AMII operators' calendars.

Built once here; the calendar dock, the atlas page and the « calendrier des initiatives » workbook
each draw or list these rows.
"""

from __future__ import annotations

from . import register
from .i18n import tr
from .palettes import AMII_COLOR, domain_color, phase_color

PROJECT, PHASE, AMII = "projet", "phase", "amii"


def initiative_rows(store, department: str | None = None, kinds=(PROJECT, PHASE, AMII)) -> list[dict]:
    """Calendar rows, projects first, then RIP phases, then AMII operators' calendars.

    Each row: kind, key, label, title, start, end (ISO date or `AAAA-Sn`), status, color, search,
    milestones (projects only). `department` keeps the projects of that department and its RIP phases
    (AMII calendars are regional: left out then).
    """
    rows = []
    if PROJECT in kinds:
        rows += _project_rows(store, department)
    if PHASE in kinds:
        rows += _phase_rows(store, department)
    if AMII in kinds and department is None:
        rows += _amii_rows(store)
    return rows


def _project_rows(store, department) -> list[dict]:
    tables = register.read_tables(store)
    projects = tables["projets"]
    if department is not None:
        projects = projects[projects["departements"].fillna("").map(
            lambda value: department in register.split_list(value))]
    milestones = tables["jalons"].groupby("projet_id")
    rows = []
    for project in projects.to_dict("records"):
        key = project["projet_id"]
        marks = milestones.get_group(key).to_dict("records") if key in milestones.groups else []
        rows.append({"kind": PROJECT, "key": key, "label": f"{key} {project['titre']}", "title": project["titre"],
                     "start": project.get("date_debut"), "end": project.get("date_fin"),
                     "status": project.get("statut"), "color": domain_color(project["domaine"]),
                     "search": f"{project['titre']} {project['domaine']} {project.get('porteur') or ''}",
                     "milestones": marks})
    return rows


def _phase_rows(store, department) -> list[dict]:
    phases = store.rip_phases().sort_values(["rip_id", "semestre_debut", "phase_id"], na_position="first",
                                            kind="stable")
    rows = []
    for phase in phases.to_dict("records"):
        if department is not None and phase["rip_id"] != f"RIP{department}":
            continue
        rows.append({"kind": PHASE, "key": phase["phase_id"],
                     "label": f"{phase['phase_id']} ({phase['technologie']})", "title": phase["nom"],
                     "start": phase["semestre_debut"], "end": phase["semestre_fin"], "status": phase["statut"],
                     "color": phase_color(phase["statut"]),
                     "search": f"{phase['phase_id']} {phase['rip_id']} {phase['technologie']}", "milestones": []})
    return rows


def _amii_rows(store) -> list[dict]:
    rows = []
    for operators, first, last, communes in store.amii_calendars():  # private plans: by years
        rows.append({"kind": AMII, "key": f"AMII {operators}",
                     "label": tr("AMII {0} ({1} communes)").format(operators, communes),
                     "title": tr("{0} communes").format(communes), "operators": operators,
                     "start": f"{first}-S1", "end": f"{last}-S2", "first_year": first, "last_year": last,
                     "status": None, "color": AMII_COLOR, "search": f"AMII {operators}", "milestones": []})
    return rows
