"""The services & usages register: projects, funding, links to map features, milestones, documents.

Every save is one transaction (a project and all its rows, or nothing). Links use stable keys
(INSEE code, SIREN, rip_id…), never a layer's fid.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import pandas as pd

from .codes import Millesime, normalize_insee
from .errors import ScoranError
from .i18n import tr
from .schema import DOMAINES, FINANCEURS, NIVEAUX, STATUTS_PROJET, TYPES_LIEN

DOMAIN_LABELS = {
    "sante": tr("Santé et télémédecine"), "education": tr("Éducation"),
    "enseignement_superieur": tr("Enseignement supérieur et recherche"), "e_administration": tr("E-administration"),
    "developpement_economique": tr("Développement économique"), "culture": tr("Culture"),
    "mutualisation": tr("Mutualisation des infrastructures et du cloud"), "autre": tr("Autre"),
}
LEVEL_LABELS = {"national": tr("Priorité nationale"), "regional": tr("Priorité régionale"),
                "territoire_innovant": tr("Territoire innovant")}
STATUS_LABELS = {"idee": tr("Idée"), "en_etude": tr("En étude"), "finance": tr("Financé"), "en_cours": tr("En cours"),
                 "realise": tr("Réalisé"), "abandonne": tr("Abandonné")}
FUNDER_LABELS = {"etat_pia": tr("État (PIA)"), "etat": tr("État"), "region": tr("Région"), "feder": tr("FEDER"),
                 "departement": tr("Département"), "epci": tr("EPCI"), "autre": tr("Autre")}
MILESTONE_STATUS_LABELS = {"prevu": tr("Prévu"), "atteint": tr("Atteint"), "retarde": tr("Retardé"),
                           "annule": tr("Annulé")}
DOCUMENT_LABELS = {"compte_rendu": tr("Compte rendu"), "etude": tr("Étude"), "convention": tr("Convention"),
                   "autre": tr("Autre")}
MILESTONE_STATUSES = tuple(MILESTONE_STATUS_LABELS)
DOCUMENT_TYPES = tuple(DOCUMENT_LABELS)
# field → (codes, labels): the values a cell may hold, by code or by label, however spelled.
CHOICES = {"niveau": (NIVEAUX, LEVEL_LABELS), "domaine": (DOMAINES, DOMAIN_LABELS),
           "statut": (STATUTS_PROJET, STATUS_LABELS), "financeur": (FINANCEURS, FUNDER_LABELS),
           "statut_jalon": (MILESTONE_STATUSES, MILESTONE_STATUS_LABELS),
           "type_document": (DOCUMENT_TYPES, DOCUMENT_LABELS), "type_objet": (TYPES_LIEN, {})}
DEFAULT_PROJECT_STATUS, DEFAULT_MILESTONE_STATUS = "idee", "prevu"  # the schema's defaults
PROJECT_FIELDS = ["projet_id", "titre", "description", "niveau", "domaine", "porteur", "partenaires", "statut",
                  "budget", "appel_projets_pia", "mutualisation", "zones_defavorisees", "publics_eloignes",
                  "departements", "date_debut", "date_fin"]
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DEPARTMENT = re.compile(r"^(\d{2}|2[AB]|97[1-6])$")


def _spelling(text) -> str:
    """`En cours`, `en-cours`, ` EN_COURS ` and `en_cours` all read `en_cours` (accents dropped too)."""
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")


def normalize_choice(value, field: str):
    """The code of `value` for a choice field (`CHOICES`) read by code or label, however spelled.

    None when empty; the text itself when it matches nothing (validation then names it).
    """
    if value is None or (isinstance(value, float) and value != value) or not str(value).strip():
        return None
    codes, labels = CHOICES[field]
    text = str(value).strip()
    if text in codes:
        return text
    spellings = {_spelling(code): code for code in codes}
    spellings.update({_spelling(label): code for code, label in labels.items()})
    return spellings.get(_spelling(text), text)


def normalize_semester(value):
    """`2016-s1`, `2016 S1` → `2016-S1`; empty → None; anything else unchanged (validation names it)."""
    if value is None or not str(value).strip():
        return None
    try:
        return str(Millesime.parse(str(value).strip()))
    except ScoranError:
        return value


def normalize_milestone(milestone: dict) -> dict:
    """A milestone with its semester written `AAAA-Sn` and its status as a code (default: planned)."""
    row = dict(milestone)
    if "semestre" in row:
        row["semestre"] = normalize_semester(row["semestre"])
    row["statut"] = normalize_choice(row.get("statut"), "statut_jalon") or DEFAULT_MILESTONE_STATUS
    return row


def normalize_project(project: dict) -> dict:
    """A project with its choice fields as codes (an empty status is the default, « idée »)."""
    row = dict(project)
    for field in ("niveau", "domaine", "statut"):
        if field in row:
            row[field] = normalize_choice(row[field], field)
    row["statut"] = row.get("statut") or DEFAULT_PROJECT_STATUS
    return row


def normalize_child(table: str, row: dict) -> dict:
    """A link, funding line or document with its choice field as a code."""
    row = dict(row)
    field = {"liens": "type_objet", "financements": "financeur", "documents": "type_document"}.get(table)
    if field and field in row:
        row[field] = normalize_choice(row[field], field)
    return normalize_milestone(row) if table == "jalons" else row


def known_communes(store) -> set:
    """INSEE codes a commune link may point to."""
    return store.commune_codes()


def validate_project(project: dict) -> list[str]:
    """French messages for every problem of a project (empty when it can be saved)."""
    problems = []
    if not str(project.get("projet_id") or "").strip():
        problems.append(tr("Identifiant du projet manquant."))
    if not str(project.get("titre") or "").strip():
        problems.append(tr("Le titre est obligatoire."))
    for field, allowed, label in (("niveau", NIVEAUX, tr("niveau de priorité")), ("domaine", DOMAINES, tr("domaine")),
                                  ("statut", STATUTS_PROJET, tr("statut"))):
        if field == "statut" and project.get(field) in (None, ""):
            continue  # saved with the default status
        if project.get(field) not in allowed:
            problems.append(tr("Valeur de {0} inconnue : « {1} » (valeurs possibles : {2}).").format(
                label, project.get(field) or "", ", ".join(allowed)))
    budget = project.get("budget")
    if budget not in (None, "") and (not isinstance(budget, (int, float)) or budget < 0):
        problems.append(tr("Le budget doit être un montant positif en euros."))
    for field in ("date_debut", "date_fin"):
        value = project.get(field)
        if value and not is_date(value):
            problems.append(tr("Date invalide pour {0} : « {1} » (JJ/MM/AAAA).").format(field, value))
    if is_date(project.get("date_debut")) and is_date(project.get("date_fin")) and \
            project["date_fin"] < project["date_debut"]:
        problems.append(tr("La date de fin précède la date de début."))
    for code in split_list(project.get("departements")):
        if not _DEPARTMENT.match(code):
            problems.append(tr("Code de département invalide : « {0} ».").format(code))
    return problems


def is_date(value) -> bool:
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def split_list(value) -> list[str]:
    return [part.strip() for part in str(value or "").replace(";", ",").split(",") if part.strip()]


def validate_link(link: dict, known_communes: set | None = None) -> list[str]:
    problems = []
    if link.get("type_objet") not in TYPES_LIEN:
        problems.append(tr("Type d'objet lié inconnu : « {0} » (valeurs possibles : {1}).").format(
            link.get("type_objet") or "", ", ".join(TYPES_LIEN)))
    key = str(link.get("cle") or "").strip()
    if not key:
        problems.append(tr("Clé de l'objet lié manquante."))
    elif link.get("type_objet") in ("commune", "centre_bourg"):
        code = normalize_insee(key)
        if code is None or (known_communes is not None and code not in known_communes):
            problems.append(tr("Code INSEE inconnu : « {0} ».").format(key))
    return problems


def validate_milestone(milestone: dict) -> list[str]:
    problems = []
    if not str(milestone.get("libelle") or "").strip():
        problems.append(tr("Libellé du jalon manquant."))
    when, semester = milestone.get("date_jalon"), milestone.get("semestre")
    if not when and not semester:
        problems.append(tr("Un jalon a une date ou un semestre."))
    if when and not is_date(when):
        problems.append(tr("Date de jalon invalide : « {0} » (JJ/MM/AAAA).").format(when))
    if semester:
        try:
            Millesime.parse(semester)
        except ScoranError:
            problems.append(tr("Semestre de jalon invalide : « {0} » (AAAA-S1 ou AAAA-S2, ex. 2016-S1).").format(
                semester))
    status = milestone.get("statut")
    if status not in (None, "") and status not in MILESTONE_STATUSES:
        problems.append(tr("Statut de jalon inconnu : « {0} » (valeurs possibles : {1}).").format(
            status, ", ".join(MILESTONE_STATUS_LABELS.values())))
    return problems


def validate_funding(line: dict) -> list[str]:
    problems = []
    if line.get("financeur") not in FINANCEURS:
        problems.append(tr("Financeur inconnu : « {0} » (valeurs possibles : {1}).").format(
            line.get("financeur") or "", ", ".join(FINANCEURS)))
    amount = line.get("montant")
    if not isinstance(amount, (int, float)) or amount < 0:
        problems.append(tr("Montant de financement invalide : « {0} ».").format(amount))
    return problems


def next_project_id(store) -> str:
    with store.connection() as conn:
        rows = [r[0] for r in conn.execute("SELECT projet_id FROM projets WHERE projet_id LIKE 'PRJ-%'")]
    numbers = [int(r[4:]) for r in rows if r[4:].isdigit()]
    return f"PRJ-{max(numbers, default=0) + 1:03d}"


def validate_document(document: dict) -> list[str]:
    problems = []
    kind = document.get("type_document")
    if kind in (None, ""):
        problems.append(tr("Type de document manquant (valeurs possibles : {0}).").format(
            ", ".join(DOCUMENT_LABELS.values())))
    elif kind not in DOCUMENT_TYPES:
        problems.append(tr("Type de document inconnu : « {0} » (valeurs possibles : {1}).").format(
            kind, ", ".join(DOCUMENT_LABELS.values())))
    if not str(document.get("titre") or "").strip() or not str(document.get("chemin") or "").strip():
        problems.append(tr("Un document a un titre et un fichier ou une adresse."))
    if document.get("date_document") and not is_date(document["date_document"]):
        problems.append(tr("Date de document invalide : « {0} » (JJ/MM/AAAA).").format(document["date_document"]))
    return problems


def save_project(store, project: dict, links=None, milestones=None, funding=None, known_communes=None,
                 documents=None) -> None:
    """Insert or replace one project with its links, milestones and funding lines, all or nothing.

    Lists left as None keep the project's current rows.
    """
    project = normalize_project(project)
    links = None if links is None else [normalize_child("liens", r) for r in links]
    milestones = None if milestones is None else [normalize_child("jalons", r) for r in milestones]
    funding = None if funding is None else [normalize_child("financements", r) for r in funding]
    documents = None if documents is None else [normalize_child("documents", r) for r in documents]
    problems = validate_project(project)
    for link in links or []:
        problems += validate_link(link, known_communes)
    for milestone in milestones or []:
        problems += validate_milestone(milestone)
    for line in funding or []:
        problems += validate_funding(line)
    for document in documents or []:
        problems += validate_document(document)
    if problems:
        raise ScoranError("\n".join(problems))
    row = {field: project.get(field) for field in PROJECT_FIELDS}
    for flag in ("mutualisation", "zones_defavorisees", "publics_eloignes"):
        row[flag] = 1 if row.get(flag) else 0
    row["statut"] = row["statut"] or "idee"
    with store.transaction() as conn:
        exists = conn.execute("SELECT 1 FROM projets WHERE projet_id = ?", (row["projet_id"],)).fetchone()
        if exists:
            assignments = ", ".join(f'"{k}" = ?' for k in row if k != "projet_id")
            conn.execute(f"UPDATE projets SET {assignments}, modifie_le = strftime('%Y-%m-%dT%H:%M:%S', 'now') "
                         "WHERE projet_id = ?", [row[k] for k in row if k != "projet_id"] + [row["projet_id"]])
        else:
            store.insert(conn, "projets", [row])
        for table, rows in (("projets_liens", links), ("jalons", milestones), ("projets_financements", funding),
                            ("documents", documents)):
            if rows is None:
                continue
            conn.execute(f'DELETE FROM "{table}" WHERE projet_id = ?', (row["projet_id"],))
            store.insert(conn, table, [{**r, "projet_id": row["projet_id"]} for r in rows])


def replace_projects(store, projects: list) -> int:
    """Write imported projects, each replacing any project of the same id with all its rows; one transaction.

    `projects`: (project dict, {"liens"|"jalons"|"financements"|"documents": [rows]}) pairs, validated.
    """
    tables = {"liens": "projets_liens", "jalons": "jalons", "financements": "projets_financements",
              "documents": "documents"}
    with store.transaction() as conn:
        for project, children in projects:
            row = {k: project.get(k) for k in PROJECT_FIELDS}
            conn.execute("DELETE FROM projets WHERE projet_id = ?", (row["projet_id"],))  # cascades to its rows
            store.insert(conn, "projets", [row])
            for name, target in tables.items():
                store.insert(conn, target, [{**r, "projet_id": row["projet_id"]} for r in children.get(name, [])])
    return len(projects)


def delete_project(store, project_id: str) -> None:
    with store.transaction() as conn:
        conn.execute("DELETE FROM projets WHERE projet_id = ?", (project_id,))  # cascades to its rows


def duplicate_project(store, project_id: str) -> str:
    """A copy with a new id and « (copie) » in the title, its links, milestones and funding included."""
    data = load_project(store, project_id)
    new_id = next_project_id(store)
    project = {**data["projet"], "projet_id": new_id, "titre": f"{data['projet']['titre']} {tr('(copie)')}"}
    strip = lambda rows, key: [{k: v for k, v in r.items() if k not in (key, "projet_id")} for r in rows]  # noqa: E731
    save_project(store, project, strip(data["liens"], None), strip(data["jalons"], "jalon_id"),
                 strip(data["financements"], "financement_id"), documents=strip(data["documents"], "document_id"))
    return new_id


def load_project(store, project_id: str) -> dict:
    with store.connection() as conn:
        def rows(sql):
            cursor = conn.execute(sql, (project_id,))
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, r)) for r in cursor.fetchall()]

        projects = rows("SELECT * FROM projets WHERE projet_id = ?")
        if not projects:
            raise ScoranError(tr("Projet introuvable : {0}").format(project_id))
        return {"projet": projects[0],
                "liens": rows("SELECT type_objet, cle FROM projets_liens WHERE projet_id = ? ORDER BY type_objet, cle"),
                "jalons": rows("SELECT jalon_id, libelle, date_jalon, semestre, statut FROM jalons WHERE projet_id = ? "
                               "ORDER BY coalesce(date_jalon, semestre)"),
                "financements": rows("SELECT financement_id, financeur, montant, appel_projets FROM "
                                     "projets_financements WHERE projet_id = ? ORDER BY financement_id"),
                "documents": rows("SELECT document_id, type_document, titre, chemin, date_document FROM documents "
                                  "WHERE projet_id = ? ORDER BY document_id")}


def read_tables(store) -> dict[str, pd.DataFrame]:
    """The whole register as DataFrames (projects, milestones, links, funding, documents)."""
    with store.connection() as conn:
        return {
            "projets": pd.read_sql_query("SELECT * FROM projets ORDER BY projet_id", conn),
            "jalons": pd.read_sql_query("SELECT * FROM jalons ORDER BY projet_id, jalon_id", conn),
            "liens": pd.read_sql_query("SELECT * FROM projets_liens ORDER BY projet_id, type_objet, cle", conn),
            "financements": pd.read_sql_query(
                "SELECT * FROM projets_financements ORDER BY projet_id, financement_id", conn),
            "documents": pd.read_sql_query("SELECT * FROM documents ORDER BY projet_id, document_id", conn),
        }


# Where the name of a linked object is read: link type → (table, key column, name column).
LINK_NAME_SOURCES = {
    "commune": ("communes", "insee_com", "nom"), "centre_bourg": ("centres_bourgs", "insee_com", "nom"),
    "epci": ("epci", "siren_epci", "nom"), "departement": ("departements", "insee_dep", "nom"),
    "site": ("sites_prioritaires", "site_id", "nom"), "rip": ("rip_projets", "rip_id", "nom"),
    "phase": ("rip_phases", "phase_id", "nom"),
}
LINK_TYPE_LABELS = {"commune": tr("Commune"), "centre_bourg": tr("Centre-bourg"), "epci": tr("EPCI"),
                    "departement": tr("Département"), "site": tr("Site prioritaire"), "rip": tr("RIP"),
                    "phase": tr("Phase de RIP")}


def link_names(store, links: list[dict]) -> list[dict]:
    """The links with the names of their objects: `name` (None when the store has no such object)
    and `label`, « Quarré-les-Tombes (89318) » (the bare key when the name is unknown)."""
    keys: dict[str, set] = {}
    for link in links:
        keys.setdefault(link["type_objet"], set()).add(str(link["cle"]))
    names: dict[tuple, str] = {}
    with store.connection() as conn:
        for kind, wanted in keys.items():
            if kind not in LINK_NAME_SOURCES:
                continue
            table, key_column, name_column = LINK_NAME_SOURCES[kind]
            wanted = sorted(wanted)
            for start in range(0, len(wanted), 500):  # SQLite's limit on bound variables
                chunk = wanted[start:start + 500]
                marks = ", ".join("?" * len(chunk))
                for key, name in conn.execute(f'SELECT "{key_column}", "{name_column}" FROM "{table}" '
                                              f'WHERE "{key_column}" IN ({marks})', chunk):
                    if name and str(name) != str(key):
                        names.setdefault((kind, str(key)), str(name))
    result = []
    for link in links:
        name = names.get((link["type_objet"], str(link["cle"])))
        label = f"{name} ({link['cle']})" if name else str(link["cle"])
        result.append({**link, "name": name, "label": label,
                       "type_label": LINK_TYPE_LABELS.get(link["type_objet"], link["type_objet"])})
    return result
