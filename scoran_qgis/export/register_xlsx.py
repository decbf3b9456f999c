"""The services & usages register as a workbook, to exchange with partners, and back.

Export: one sheet per table (projects, milestones, links, funding, documents, regional themes,
SDTAN inventory) with French headers and labels. Import: every row is checked first; a report
names sheet, row and column; nothing is written unless everything is valid, or, on request, only
the valid projects and SDTAN rows are (a problem in the regional themes sheet always stops the
import: the projects' themes depend on the list). Round trip is lossless. A workbook written
before the circular's fields (no themes or SDTAN sheet, no needs columns) still imports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..core import register
from ..core.codes import normalize_insee
from ..core.errors import ScoranError
from ..core.i18n import tr
from .spreadsheet import save_workbook, write_sheet

YES, NO = tr("oui"), tr("non")
# sheet → [(column, header, kind)]; kinds: text, label:<mapping> (exported as label), choice:<field> (exported
# as code), semester, money, bool, date, code. Labels and choices are read back by code or label, however spelled.
SHEETS = {
    tr("Projets"): ("projets", [
        ("projet_id", tr("Identifiant"), "text"), ("titre", tr("Titre"), "text"),
        ("description", tr("Description"), "text"), ("niveau", tr("Niveau de priorité"), "label:niveau"),
        ("domaine", tr("Domaine"), "label:domaine"), ("porteur", tr("Porteur"), "text"),
        ("partenaires", tr("Partenaires"), "text"), ("statut", tr("Statut"), "label:statut"),
        ("budget", tr("Budget (€)"), "money"), ("appel_projets_pia", tr("Appel à projets PIA"), "text"),
        ("mutualisation", tr("Mutualisation (oui/non)"), "bool"),
        ("zones_defavorisees", tr("Territoires en difficulté (oui/non)"), "bool"),
        ("publics_eloignes", tr("Publics éloignés des usages (oui/non)"), "bool"),
        ("departements", tr("Départements"), "text"), ("date_debut", tr("Début"), "date"),
        ("date_fin", tr("Fin"), "date"),
        ("themes_regionaux", tr("Thèmes régionaux"), "themes"),
        ("besoins_emergents", tr("Besoins territoriaux émergents"), "text"),
        ("experimentations", tr("Expérimentations à valoriser"), "text"),
        ("metiers", tr("Principaux métiers concernés"), "text"),
        ("besoins_formation", tr("Besoins en formation spécifique"), "text"),
    ]),
    tr("Jalons"): ("jalons", [
        ("projet_id", tr("Identifiant du projet"), "text"), ("libelle", tr("Libellé"), "text"),
        ("date_jalon", tr("Date"), "date"), ("semestre", tr("Semestre (AAAA-S1/S2)"), "semester"),
        ("statut", tr("Statut"), "choice:statut_jalon"),
    ]),
    tr("Liens"): ("liens", [
        ("projet_id", tr("Identifiant du projet"), "text"), ("type_objet", tr("Type d'objet"), "choice:type_objet"),
        ("cle", tr("Clé (code INSEE, SIREN, identifiant RIP…)"), "code"),
    ]),
    tr("Financements"): ("financements", [
        ("projet_id", tr("Identifiant du projet"), "text"), ("financeur", tr("Financeur"), "label:financeur"),
        ("montant", tr("Montant (€)"), "money"), ("appel_projets", tr("Appel à projets"), "text"),
    ]),
    tr("Documents"): ("documents", [
        ("projet_id", tr("Identifiant du projet"), "text"), ("type_document", tr("Type"), "choice:type_document"),
        ("titre", tr("Titre"), "text"), ("chemin", tr("Fichier ou adresse"), "text"),
        ("date_document", tr("Date"), "date"),
    ]),
    tr("Thèmes régionaux"): ("themes_regionaux", [
        ("code", tr("Code"), "text"), ("libelle", tr("Libellé"), "text"), ("ordre", tr("Ordre"), "integer"),
    ]),
    tr("SDTAN"): ("sdtan", [
        ("code_dep", tr("Département"), "department"), ("nom", tr("Nom du département"), "shown"),
        ("titre", tr("Titre"), "text"), ("maitre_ouvrage", tr("Maître d'ouvrage"), "text"),
        ("date_adoption", tr("Date d'adoption"), "date"), ("statut", tr("Statut"), "label:statut_sdtan"),
        ("derniere_mise_a_jour", tr("Dernière mise à jour"), "date"), ("commentaire", tr("Commentaire"), "text"),
    ]),
}
THEMES_SHEET, SDTAN_SHEET = tr("Thèmes régionaux"), tr("SDTAN")
# Sheets and columns added with the circular's fields: a workbook exported before them still imports.
OPTIONAL_SHEETS = (THEMES_SHEET, SDTAN_SHEET)
OPTIONAL_COLUMNS = ("themes_regionaux", *register.CIRCULAR_TEXTS)
# earlier headers still read: (sheet, column) → headers
HEADER_ALIASES = {(tr("Projets"), "zones_defavorisees"): (tr("Zones défavorisées (oui/non)"),),
                  (tr("Projets"), "publics_eloignes"): (tr("Publics éloignés du numérique (oui/non)"),)}
LABELS = {"niveau": register.LEVEL_LABELS, "domaine": register.DOMAIN_LABELS, "statut": register.STATUS_LABELS,
          "financeur": register.FUNDER_LABELS, "statut_sdtan": register.SDTAN_STATUS_LABELS}
MONEY = '#,##0.00 "€"'


def export_register(store, path) -> Path:
    """Write the register to an XLSX workbook (written aside, then renamed)."""
    from openpyxl import Workbook

    tables = register.read_tables(store)
    workbook = Workbook()
    readme = workbook.active
    readme.title = tr("Lisez-moi")
    readme.append([tr("Registre des projets de services et usages numériques — SCORAN 2.0")])
    readme.append([tr("Une feuille par table ; l'identifiant du projet relie les feuilles. Dates JJ/MM/AAAA, montants "
                      "en euros, codes INSEE en texte.")])
    readme.append([tr("Thèmes régionaux : les « un ou deux thèmes supplémentaires » retenus par la région (circulaire, "
                      "II.B), deux au plus ; un projet en cite les libellés (ou les codes) séparés par « ; ». La "
                      "feuille remplace la liste du référentiel à l'import.")])
    readme.append([tr("SDTAN : inventaire des schémas directeurs territoriaux d'aménagement numérique, une ligne par "
                      "département ; la colonne « Nom du département » n'est pas relue.")])
    for name, labels in LABELS.items():
        readme.append([])
        readme.append([tr("Valeurs possibles — {0}").format(name)])
        for code, label in labels.items():
            readme.append([code, label])
    themes = tables["themes_regionaux"].to_dict("records")
    names = dict(store.departments())
    tables["projets"] = tables["projets"].assign(themes_regionaux=[
        register.theme_labels(value, themes) for value in tables["projets"]["themes_regionaux"]])
    tables["sdtan"] = tables["sdtan"].assign(nom=[names.get(code) for code in tables["sdtan"]["code_dep"]])
    for sheet_name, (table, columns) in SHEETS.items():
        sheet = workbook.create_sheet(sheet_name)
        rows = [[_to_cell(record.get(column), kind) for column, _, kind in columns]
                for record in tables[table].to_dict("records")]
        formats = {i: MONEY for i, (_, _, kind) in enumerate(columns) if kind == "money"}
        write_sheet(sheet, [header for _, header, _ in columns], rows, formats)
    return save_workbook(workbook, path)


def _to_cell(value, kind):
    if value is None or value != value:
        return None
    if kind.startswith("label:"):
        return LABELS[kind[6:]].get(value, value)
    if kind == "bool":
        return YES if value else NO
    if kind == "date" and isinstance(value, str) and register.is_date(value):
        return date.fromisoformat(value)
    if kind == "money":
        return float(value)
    if kind == "integer":
        return int(value)
    return value if not isinstance(value, float) or not value.is_integer() or kind != "text" else str(int(value))


@dataclass
class ImportReport:
    problems: list = field(default_factory=list)  # (sheet, row, column, message)
    imported: int = 0
    skipped: list = field(default_factory=list)
    sdtan: int = 0  # SDTAN rows written

    def add(self, sheet, row, column, message):
        self.problems.append((sheet, row, column, message))

    def text(self) -> str:
        return "\n".join(tr("{0}, ligne {1}, colonne « {2} » : {3}").format(*p) for p in self.problems)


def import_register(store, path, valid_rows_only: bool = False) -> ImportReport:
    """Read a workbook written by `export_register` (or edited from it) into the store."""
    from openpyxl import load_workbook

    path = Path(path)
    _check_workbook_file(path)
    try:
        workbook = load_workbook(path, data_only=False)
    except Exception:  # noqa: BLE001 — openpyxl raises many types (zip, XML, key errors) for what is no XLSX
        raise ScoranError(tr("{0} n'est pas un classeur XLSX lisible (fichier d'un autre format, renommé ou "
                             "endommagé). Ouvrez-le dans un tableur et enregistrez-le au format XLSX ; rien n'a été "
                             "importé.").format(path.name)) from None
    report = ImportReport()
    known = register.known_communes(store)
    raw = {}
    for sheet_name, (table, columns) in SHEETS.items():
        if sheet_name not in workbook.sheetnames:
            if sheet_name not in OPTIONAL_SHEETS:
                report.add(sheet_name, 1, "—", tr("feuille absente"))
            raw[table] = None
            continue
        raw[table] = _read_sheet(workbook[sheet_name], sheet_name, columns, report)
    themes, imported_themes = _themes(store, raw["themes_regionaux"], report)
    sdtan = _sdtan(store, raw["sdtan"], report)
    data = {}
    for table, _columns in SHEETS.values():
        if table in ("themes_regionaux", "sdtan"):
            continue
        normalize = (lambda record: register.normalize_project(record, themes)) if table == "projets" else (
            lambda record, t=table: register.normalize_child(t, record))
        data[table] = [(row_number, normalize(record)) for row_number, record in raw[table] or []]
    projects = {}
    for row_number, record in data["projets"]:
        if record["projet_id"] in projects:
            report.add(tr("Projets"), row_number, tr("Identifiant"),
                       tr("identifiant en double : {0}").format(record["projet_id"]))
        for message in register.validate_project(record, themes):
            report.add(tr("Projets"), row_number, "—", message)
        projects[record["projet_id"]] = record
    if imported_themes is not None:
        with store.connection() as conn:
            for message in register.removed_theme_problems(conn, register.read_themes(store), imported_themes,
                                                           set(projects)):
                report.add(THEMES_SHEET, 1, "—", message)
    children = {"liens": register.validate_link, "jalons": register.validate_milestone,
                "financements": register.validate_funding, "documents": register.validate_document}
    grouped = {table: {} for table in ("liens", "jalons", "financements", "documents")}
    for table, rows in data.items():
        if table == "projets":
            continue
        sheet = next(name for name, (t, _) in SHEETS.items() if t == table)
        for row_number, record in rows:
            if record.get("projet_id") not in projects:
                report.add(sheet, row_number, tr("Identifiant du projet"),
                           tr("projet inconnu : « {0} »").format(record.get("projet_id") or ""))
                continue
            validate = children.get(table)
            messages = (validate(record, known) if table == "liens" else validate(record)) if validate else []
            for message in messages:
                report.add(sheet, row_number, "—", message)
            grouped[table].setdefault(record["projet_id"], []).append((row_number, record))
    bad_projects = _projects_with_problems(report, data, grouped)
    themes_problems = any(sheet == THEMES_SHEET for sheet, *_ in report.problems)
    if report.problems and (not valid_rows_only or themes_problems):
        return report
    accepted = []
    for project_id, project in projects.items():
        if project_id in bad_projects:
            report.skipped.append(project_id)
            continue
        accepted.append((project, {t: [r for _, r in grouped[t].get(project_id, [])] for t in grouped}))
    bad_sdtan = {row for sheet, row, _, _ in report.problems if sheet == SDTAN_SHEET}
    sdtan_rows = [record for row_number, record in sdtan if row_number not in bad_sdtan]
    report.skipped += [f"{SDTAN_SHEET} {record.get('code_dep')}" for row_number, record in sdtan
                       if row_number in bad_sdtan]
    if accepted or sdtan_rows or imported_themes is not None:
        register.replace_projects(store, accepted, imported_themes, sdtan_rows)
    report.imported = len(accepted)
    report.sdtan = len(sdtan_rows)
    return report


def _themes(store, rows, report) -> tuple[list, list | None]:
    """(the themes list projects are checked against, the list to write or None): the workbook's list
    when it has the sheet, else the store's."""
    if rows is None:
        return register.read_themes(store), None
    themes = register.normalize_themes([record for _, record in rows])
    seen = {}
    for rank, ((row_number, _), theme) in enumerate(zip(rows, themes)):
        for message in register.validate_themes([theme]):
            report.add(THEMES_SHEET, row_number, "—", message)
        if rank == register.MAX_REGIONAL_THEMES:
            report.add(THEMES_SHEET, row_number, "—", register.validate_themes(themes)[0])
        for name, title in (("code", tr("Code")), ("libelle", tr("Libellé"))):
            key = (name, register.theme_code(theme.get(name) or ""))
            if theme.get(name) and key in seen:
                report.add(THEMES_SHEET, row_number, title, tr("en double (ligne {0})").format(seen[key]))
            seen.setdefault(key, row_number)
    return themes, themes


def _sdtan(store, rows, report) -> list:
    """(row number, SDTAN row) of the sheet, each checked (département of the store, dates, status);
    rows holding nothing but a département code are left out."""
    if rows is None:
        return []
    departments = dict(store.departments())
    result, seen = [], {}
    for row_number, record in rows:
        row = register.normalize_sdtan(record)
        if row.get("code_dep") and register.sdtan_is_empty(row):
            continue
        for message in register.validate_sdtan(row, departments):
            report.add(SDTAN_SHEET, row_number, "—", message)
        if row.get("code_dep") in seen:
            report.add(SDTAN_SHEET, row_number, tr("Département"),
                       tr("département en double (ligne {0})").format(seen[row["code_dep"]]))
        seen.setdefault(row.get("code_dep"), row_number)
        result.append((row_number, row))
    return result


def _check_workbook_file(path: Path) -> None:
    """Refuse, with the reason, what cannot be a workbook before openpyxl tries it."""
    if path.is_dir():
        raise ScoranError(tr("{0} est un dossier, pas un classeur XLSX.").format(path))
    if not path.is_file():
        raise ScoranError(tr("Classeur introuvable : {0}").format(path))
    if path.stat().st_size == 0:
        raise ScoranError(tr("{0} est vide : ce n'est pas un classeur XLSX ; rien n'a été importé.").format(path.name))


def _projects_with_problems(report, data, grouped) -> set:
    rows_with_problems = {(sheet, row) for sheet, row, _, _ in report.problems}
    bad = set()
    for row_number, record in data["projets"]:
        if (tr("Projets"), row_number) in rows_with_problems:
            bad.add(record["projet_id"])
    for table, by_project in grouped.items():
        sheet = next(name for name, (t, _) in SHEETS.items() if t == table)
        for project_id, rows in by_project.items():
            if any((sheet, row) in rows_with_problems for row, _ in rows):
                bad.add(project_id)
    return bad


def _read_sheet(sheet, sheet_name, columns, report) -> list:
    header = [str(c.value or "").strip() for c in next(sheet.iter_rows(min_row=1, max_row=1))]
    positions = {}
    for column, title, kind in columns:
        titles = [title, *HEADER_ALIASES.get((sheet_name, column), ())]
        found = next((t for t in titles if t in header), None)
        if found is not None:
            positions[column] = header.index(found)
        elif kind != "shown" and column not in OPTIONAL_COLUMNS:
            report.add(sheet_name, 1, title, tr("colonne absente"))
    rows = []
    for row_number, cells in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        if all(v is None or str(v).strip() == "" for v in cells):
            continue
        record = {}
        for column, title, kind in columns:
            if column not in positions or kind == "shown":
                continue
            value = cells[positions[column]] if positions[column] < len(cells) else None
            try:
                record[column] = _from_cell(value, kind)
            except ValueError as error:
                report.add(sheet_name, row_number, title, str(error))
                record[column] = None
        rows.append((row_number, record))
    return rows


def _from_cell(value, kind):
    if value is None or (isinstance(value, str) and not value.strip()):
        return None if kind != "bool" else 0
    if kind.startswith("label:") or kind.startswith("choice:"):
        return register.normalize_choice(value, kind.split(":", 1)[1])
    if kind == "semester":
        return register.normalize_semester(value)
    if kind == "bool":
        text = str(value).strip().lower()
        if text in ("oui", "o", "1", "true", "vrai", "x"):
            return 1
        if text in ("non", "n", "0", "false", "faux"):
            return 0
        raise ValueError(tr("« {0} » : attendu oui ou non").format(value))
    if kind == "money":
        if isinstance(value, (int, float)):
            return float(value)
        try:
            return float(str(value).replace("€", "").replace(" ", "").replace("\u202f", "").replace(",", "."))
        except ValueError:
            raise ValueError(tr("« {0} » n'est pas un montant").format(value)) from None
    if kind == "date":
        if isinstance(value, datetime):
            return value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        text = str(value).strip()
        for candidate in (text, "-".join(reversed(text.split("/")))):
            if register.is_date(candidate):
                return candidate
        raise ValueError(tr("date invalide « {0} » (JJ/MM/AAAA)").format(value))
    if kind == "code":
        text = str(value).strip()
        return normalize_insee(text) or text
    if kind == "department":
        return register.normalize_department_code(value)
    if kind == "integer":
        if isinstance(value, (int, float)) and float(value).is_integer():
            return int(value)
        text = str(value).strip()
        if text.lstrip("-").isdigit():
            return int(text)
        raise ValueError(tr("« {0} » n'est pas un nombre entier").format(value))
    return str(value) if not isinstance(value, str) else value
