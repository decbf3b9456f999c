"""The services & usages register: projects, funding, links to map features, milestones, documents.

Every save is one transaction (a project and all its rows, or nothing). Links use stable keys
(INSEE code, SIREN, rip_id…), never a layer's fid.
"""

from __future__ import annotations

import getpass
import math
import os
import re
import unicodedata
from datetime import date, datetime, timezone

import pandas as pd

from .codes import Millesime, normalize_insee
from .errors import ScoranError
from .i18n import tr
from .schema import (
    DOMAINES,
    FINANCEURS,
    MAX_REGIONAL_THEMES,
    NIVEAUX,
    STATUTS_PROJET,
    STATUTS_SDTAN,
    TYPES_LIEN,
)

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
SDTAN_STATUS_LABELS = {"en_elaboration": tr("En élaboration"), "adopte": tr("Adopté"),
                       "en_actualisation": tr("En cours d'actualisation"), "a_actualiser": tr("À actualiser")}
MILESTONE_STATUSES = tuple(MILESTONE_STATUS_LABELS)
DOCUMENT_TYPES = tuple(DOCUMENT_LABELS)
# field → (codes, labels): the values a cell may hold, by code or by label, however spelled.
CHOICES = {"niveau": (NIVEAUX, LEVEL_LABELS), "domaine": (DOMAINES, DOMAIN_LABELS),
           "statut": (STATUTS_PROJET, STATUS_LABELS), "financeur": (FINANCEURS, FUNDER_LABELS),
           "statut_jalon": (MILESTONE_STATUSES, MILESTONE_STATUS_LABELS),
           "type_document": (DOCUMENT_TYPES, DOCUMENT_LABELS), "type_objet": (TYPES_LIEN, {}),
           "statut_sdtan": (STATUTS_SDTAN, SDTAN_STATUS_LABELS)}
DEFAULT_PROJECT_STATUS, DEFAULT_MILESTONE_STATUS = "idee", "prevu"  # the schema's defaults
PROJECT_FIELDS = ["projet_id", "titre", "description", "niveau", "domaine", "porteur", "partenaires", "statut",
                  "budget", "appel_projets_pia", "mutualisation", "zones_defavorisees", "publics_eloignes",
                  "departements", "date_debut", "date_fin", "besoins_emergents", "experimentations", "metiers",
                  "besoins_formation", "themes_regionaux"]
# what the circular asks of each project beyond its identity: free texts, trimmed, empty = None
CIRCULAR_TEXTS = ("besoins_emergents", "experimentations", "metiers", "besoins_formation")
# the circular's words for the project flags (« territoires en difficulté », « publics éloignés des usages »)
FLAG_LABELS = {"mutualisation": tr("Mutualisation"), "zones_defavorisees": tr("Territoires en difficulté"),
               "publics_eloignes": tr("Publics éloignés des usages")}
THEME_FIELDS = ["code", "libelle", "ordre"]
SDTAN_FIELDS = ["code_dep", "titre", "maitre_ouvrage", "date_adoption", "statut", "derniere_mise_a_jour",
                "commentaire"]
DEFAULT_SDTAN_STATUS = "en_elaboration"  # the schema's default
ADOPTED_SDTAN_STATUSES = ("adopte", "en_actualisation", "a_actualiser")  # a scheme that has been adopted once
MAX_TEXT_LENGTH = 32767  # characters of one XLSX cell (Excel's limit, which openpyxl does not enforce)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DEPARTMENT = re.compile(r"^(\d{2}|2[AB]|97[1-6])$")


# --- several sessions at once: row versions (schema step 6) ------------------------------------
# Who a save names (`modifie_par`): this variable when set (« role »: the PostgreSQL role of the session),
# else the operating-system user.
AUTHOR_VARIABLE = "SCORAN_AUTEUR"
NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%S', 'now')"  # UTC text; the PostgreSQL adapter translates it
BOOKKEEPING = ("version", "modifie_par")  # not part of what the officer edits (nor of the exchange workbook)


class ConflictError(ScoranError):
    """A save or a deletion refused because someone else changed the row since it was loaded; nothing written.

    `current`: what the store holds now (a project: load_project's dict; None when it was deleted),
    `author` / `when`: who changed it and when (local time, JJ/MM/AAAA à HH:MM), `version`: its version now.
    """

    def __init__(self, message: str, current=None, author: str | None = None, when: str | None = None,
                 version: int | None = None):
        super().__init__(message)
        self.current, self.author, self.when, self.version = current, author, when, version


def current_author(conn=None, store=None, author: str | None = None) -> str:
    """The name a save writes in `modifie_par`: `author`, else $SCORAN_AUTEUR, else the OS user;
    « role » names the PostgreSQL role of the session (the OS user on a GeoPackage)."""
    value = (author or os.environ.get(AUTHOR_VARIABLE) or "").strip()
    if value.lower() == "role":
        if conn is not None and getattr(store, "is_postgres", False):
            return str(conn.execute("SELECT session_user").fetchone()[0])
        value = ""
    if value:
        return value
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment nor the password database
        return "?"


def local_time(value) -> str | None:
    """« 04/12/2026 à 19:42 » (local time) for a stored UTC timestamp `2026-12-04T18:42:00`."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value)[:19]).replace(tzinfo=timezone.utc).astimezone()
    except ValueError:
        return str(value)
    return tr("{0} à {1}").format(moment.strftime("%d/%m/%Y"), moment.strftime("%H:%M"))


def _changed_by(author, when) -> str:
    """« par marie le 04/12/2026 à 19:42 » (parts left out when unknown)."""
    text = tr("par {0}").format(author) if author else tr("par une autre session")
    return text + (" " + tr("le {0}").format(when) if when else "")


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


def _trimmed(value):
    """User text without surrounding blanks; None when empty."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = str(value).strip()
    return text or None


def normalize_project(project: dict, themes: list[dict] | None = None) -> dict:
    """A project with its choice fields as codes (an empty status is the default, « idée »), its texts
    trimmed and its regional themes as codes (read by code or label when `themes` is given)."""
    row = dict(project)
    for field in ("niveau", "domaine", "statut"):
        if field in row:
            row[field] = normalize_choice(row[field], field)
    row["statut"] = row.get("statut") or DEFAULT_PROJECT_STATUS
    for field in CIRCULAR_TEXTS:
        if field in row:
            row[field] = _trimmed(row[field])
    if "themes_regionaux" in row:
        row["themes_regionaux"] = normalize_project_themes(row["themes_regionaux"], themes)
    codes = split_list(row.get("departements"))
    if any(normalize_department_code(code) != code for code in codes):  # « 2a, 1 » → « 2A, 01 »; others kept
        row["departements"] = ", ".join(normalize_department_code(code) for code in codes)
    return row


def normalize_project_themes(value, themes: list[dict] | None = None) -> str | None:
    """Theme codes separated by commas, in the order of the themes list; None when empty.

    Each part is read by code or label, however spelled: a list, codes separated by « , », or labels
    separated by « ; » (so that a label may hold a comma). Unknown parts are kept as written
    (validation names them).
    """
    themes = themes or []
    spellings = {}
    for theme in themes:
        spellings[_spelling(theme["code"])] = theme["code"]
        spellings[_spelling(theme["libelle"])] = theme["code"]
    if value is None or (isinstance(value, float) and value != value):
        parts = []
    elif isinstance(value, (list, tuple, set)):
        parts = [str(v).strip() for v in value if str(v).strip()]
    else:
        text = str(value)
        chunks = text.split(";") if ";" in text else [text]
        parts = [part.strip() for chunk in chunks
                 for part in ([chunk] if _spelling(chunk) in spellings else chunk.split(","))
                 if part.strip()]
    codes = list(dict.fromkeys(spellings.get(_spelling(part), part) for part in parts))
    order = {theme["code"]: rank for rank, theme in enumerate(themes)}
    codes.sort(key=lambda code: order.get(code, len(order)))
    return ",".join(codes) or None


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


def validate_project(project: dict, themes: list[dict] | None = None) -> list[str]:
    """French messages for every problem of a project (empty when it can be saved).

    `themes`: the regional themes list its `themes_regionaux` must come from (None: not checked)."""
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
    if budget not in (None, "") and (not isinstance(budget, (int, float)) or not math.isfinite(budget) or budget < 0):
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
    for field, value in project.items():  # beyond a spreadsheet cell, the XLSX exchange would cut the text
        if isinstance(value, str) and len(value) > MAX_TEXT_LENGTH:
            problems.append(tr("Le champ {0} dépasse {1} caractères ({2}) : un classeur XLSX ne peut pas le garder "
                               "en entier.").format(field, f"{MAX_TEXT_LENGTH:,}".replace(",", "\u202f"),
                                                    f"{len(value):,}".replace(",", "\u202f")))
    if themes is not None:
        problems += validate_project_themes(project.get("themes_regionaux"), themes)
    return problems


def validate_project_themes(value, themes: list[dict]) -> list[str]:
    """A project's regional themes are codes of the themes list, two at most (circular, II.B)."""
    codes = split_list(value)
    known = {theme["code"]: theme["libelle"] for theme in themes}
    problems = []
    unknown = [code for code in codes if code not in known]
    if unknown:
        problems.append(tr("Thème régional inconnu : « {0} » (thèmes retenus : {1}).").format(
            ", ".join(unknown), ", ".join(f"{label} ({code})" for code, label in known.items()) or tr("aucun")))
    if len(codes) > MAX_REGIONAL_THEMES:
        problems.append(tr("Un projet relève de {0} thèmes régionaux au plus ; il en a {1}.").format(
            MAX_REGIONAL_THEMES, len(codes)))
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
    if not isinstance(amount, (int, float)) or not math.isfinite(amount) or amount < 0:  # « inf », « nan » too
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
                 documents=None, version: int | None = None, author: str | None = None) -> int:
    """Insert or replace one project with its links, milestones and funding lines, all or nothing; returns
    the project's new version.

    Lists left as None keep the project's current rows. `version`: the version the form was loaded with
    (0: a new project); when the stored project has moved on since (someone else saved or deleted it, or
    created one with the same id), ConflictError naming who and when, nothing written. None: no check
    (imports, scripts). `author`: the name written in `modifie_par` (see `current_author`).
    """
    themes = read_themes(store)
    project = normalize_project(project, themes)
    links = None if links is None else [normalize_child("liens", r) for r in links]
    milestones = None if milestones is None else [normalize_child("jalons", r) for r in milestones]
    funding = None if funding is None else [normalize_child("financements", r) for r in funding]
    documents = None if documents is None else [normalize_child("documents", r) for r in documents]
    problems = validate_project(project, themes)
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
        who = current_author(conn, store, author)
        stored = conn.execute("SELECT version FROM projets WHERE projet_id = ?", (row["projet_id"],)).fetchone()
        if stored is not None and version != 0:
            assignments = ", ".join(f'"{k}" = ?' for k in row if k != "projet_id")
            check = "" if version is None else " AND version = ?"
            cursor = conn.execute(
                f"UPDATE projets SET {assignments}, version = version + 1, modifie_par = ?, modifie_le = {NOW_SQL} "
                f"WHERE projet_id = ?{check}", [row[k] for k in row if k != "projet_id"] + [who, row["projet_id"]]
                + ([] if version is None else [int(version)]))
            if cursor.rowcount != 1:  # someone saved first (PostgreSQL: after waiting for their commit)
                raise project_conflict(conn, row["projet_id"], version)
            new_version = int(stored[0]) + 1 if version is None else int(version) + 1
        elif stored is None and version not in (None, 0):
            raise project_conflict(conn, row["projet_id"], version)  # deleted meanwhile
        elif stored is not None:
            raise project_conflict(conn, row["projet_id"], version)  # created meanwhile with the same id
        else:
            store.insert(conn, "projets", [{**row, "version": 1, "modifie_par": who}])
            new_version = 1
        for table, rows in (("projets_liens", links), ("jalons", milestones), ("projets_financements", funding),
                            ("documents", documents)):
            if rows is None:
                continue
            conn.execute(f'DELETE FROM "{table}" WHERE projet_id = ?', (row["projet_id"],))
            store.insert(conn, table, [{**r, "projet_id": row["projet_id"]} for r in rows])
    return new_version


def project_conflict(conn, project_id: str, version) -> ConflictError:
    """The refusal of a save or deletion of `project_id` loaded at `version` (read in the same transaction)."""
    current = _load_project(conn, project_id)
    if current is None:
        return ConflictError(tr(
            "Le projet {0} a été supprimé par une autre session depuis que vous l'avez ouvert : rien n'a été "
            "enregistré. Votre saisie est conservée dans le formulaire ; enregistrez-la pour recréer le "
            "projet.").format(project_id))
    stored = current["projet"]
    when = local_time(stored.get("modifie_le"))
    if version == 0:
        message = tr("Un projet {0} (« {1} ») a été créé {2} pendant votre saisie : rien n'a été enregistré. Votre "
                     "saisie est conservée dans le formulaire ; créez un nouveau projet pour elle, ou comparez "
                     "les deux.").format(project_id, stored.get("titre"), _changed_by(stored.get("modifie_par"), when))
    else:
        message = tr("Ce projet ({0}, « {1} ») a été modifié {2} depuis que vous l'avez ouvert (version {3}, vous "
                     "aviez la version {4}) : rien n'a été enregistré. Votre saisie est conservée dans le "
                     "formulaire : comparez les deux versions, puis gardez la leur ou enregistrez la vôtre en "
                     "connaissance de cause.").format(project_id, stored.get("titre"),
                                                      _changed_by(stored.get("modifie_par"), when),
                                                      stored.get("version"), version)
    return ConflictError(message, current, stored.get("modifie_par"), when, stored.get("version"))


def project_version(store, project_id: str) -> int | None:
    """The stored version of a project (None when there is no such project)."""
    with store.connection() as conn:
        row = conn.execute("SELECT version FROM projets WHERE projet_id = ?", (project_id,)).fetchone()
    return None if row is None else int(row[0])


def project_differences(mine: dict, theirs: dict) -> list[tuple[str, object, object]]:
    """(field, my value, their value) for every field of the project form where the two versions differ
    (empty texts and None alike; flags as booleans)."""
    def plain(field, value):
        if field in FLAG_LABELS:
            return bool(value)
        if field == "budget":  # the form's amount field shows an empty budget as 0
            return float(value or 0)
        if isinstance(value, str):
            return value.strip() or None
        return value

    return [(field, mine.get(field), theirs.get(field)) for field in PROJECT_FIELDS
            if field in mine and plain(field, mine.get(field)) != plain(field, theirs.get(field))]


def replace_projects(store, projects: list, themes: list | None = None, sdtan: list | None = None) -> int:
    """Write imported projects, each replacing any project of the same id with all its rows; one transaction.

    `projects`: (project dict, {"liens"|"jalons"|"financements"|"documents": [rows]}) pairs, validated.
    `themes`: the regional themes list that replaces the store's (None: kept); a theme removed while a
    project left in the store still uses it refuses the whole import. `sdtan`: validated SDTAN rows,
    each replacing its département's row (None: none).
    """
    tables = {"liens": "projets_liens", "jalons": "jalons", "financements": "projets_financements",
              "documents": "documents"}
    with store.transaction() as conn:
        if themes is not None:
            old = [dict(zip(THEME_FIELDS, row)) for row in conn.execute("SELECT code, libelle, ordre FROM "
                                                                          "themes_regionaux")]
            problems = removed_theme_problems(conn, old, themes, {p["projet_id"] for p, _ in projects})
            if problems:
                raise ScoranError("\n".join(problems))
            _write_themes(conn, themes, current_author(conn, store))
        who = current_author(conn, store)
        for project, children in projects:
            row = {k: project.get(k) for k in PROJECT_FIELDS}
            stored = conn.execute("SELECT version FROM projets WHERE projet_id = ?", (row["projet_id"],)).fetchone()
            conn.execute("DELETE FROM projets WHERE projet_id = ?", (row["projet_id"],))  # cascades to its rows
            # the version moves on (never back to 1): a form loaded before the import is refused on save
            store.insert(conn, "projets", [{**row, "version": int(stored[0]) + 1 if stored else 1,
                                            "modifie_par": who}])
            for name, target in tables.items():
                store.insert(conn, target, [{**r, "projet_id": row["projet_id"]} for r in children.get(name, [])])
        if sdtan:
            _write_sdtan(conn, sdtan, replace_all=False, who=who)
    return len(projects)


def delete_project(store, project_id: str, version: int | None = None) -> None:
    """Delete a project and its rows. `version`: the version it was loaded with; a project changed since
    is not deleted (ConflictError naming who and when). None: no check."""
    with store.transaction() as conn:
        if version is None:
            conn.execute("DELETE FROM projets WHERE projet_id = ?", (project_id,))  # cascades to its rows
            return
        cursor = conn.execute("DELETE FROM projets WHERE projet_id = ? AND version = ?", (project_id, int(version)))
        if cursor.rowcount != 1:
            error = project_conflict(conn, project_id, version)
            if error.current is not None:  # already gone: nothing to refuse
                raise ConflictError(tr("Suppression refusée : {0}").format(error), error.current, error.author,
                                    error.when, error.version)


def duplicate_project(store, project_id: str) -> str:
    """A copy with a new id and « (copie) » in the title, its links, milestones and funding included."""
    data = load_project(store, project_id)
    new_id = next_project_id(store)
    project = {**data["projet"], "projet_id": new_id, "titre": f"{data['projet']['titre']} {tr('(copie)')}"}
    strip = lambda rows, key: [{k: v for k, v in r.items() if k not in (key, "projet_id")} for r in rows]  # noqa: E731
    save_project(store, project, strip(data["liens"], None), strip(data["jalons"], "jalon_id"),
                 strip(data["financements"], "financement_id"), documents=strip(data["documents"], "document_id"),
                 version=0)
    return new_id


def load_project(store, project_id: str) -> dict:
    """A project (with its `version`, `modifie_par`, `modifie_le`) and its links, milestones, funding, documents."""
    with store.connection() as conn:
        data = _load_project(conn, project_id)
    if data is None:
        raise ScoranError(tr("Projet introuvable : {0}").format(project_id))
    return data


def _load_project(conn, project_id: str) -> dict | None:
    def rows(sql):
        cursor = conn.execute(sql, (project_id,))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r)) for r in cursor.fetchall()]

    projects = rows("SELECT * FROM projets WHERE projet_id = ?")
    if not projects:
        return None
    return {"projet": projects[0],
            "liens": rows("SELECT type_objet, cle FROM projets_liens WHERE projet_id = ? ORDER BY type_objet, cle"),
            "jalons": rows("SELECT jalon_id, libelle, date_jalon, semestre, statut FROM jalons WHERE projet_id = ? "
                           "ORDER BY coalesce(date_jalon, semestre)"),
            "financements": rows("SELECT financement_id, financeur, montant, appel_projets FROM "
                                 "projets_financements WHERE projet_id = ? ORDER BY financement_id"),
            "documents": rows("SELECT document_id, type_document, titre, chemin, date_document FROM documents "
                              "WHERE projet_id = ? ORDER BY document_id")}


def read_tables(store) -> dict[str, pd.DataFrame]:
    """The whole register as DataFrames (projects, milestones, links, funding, documents, regional themes,
    SDTAN inventory)."""
    with store.connection() as conn:
        tables = {
            "projets": pd.read_sql_query("SELECT * FROM projets ORDER BY projet_id", conn),
            "jalons": pd.read_sql_query("SELECT * FROM jalons ORDER BY projet_id, jalon_id", conn),
            "liens": pd.read_sql_query("SELECT * FROM projets_liens ORDER BY projet_id, type_objet, cle", conn),
            "financements": pd.read_sql_query(
                "SELECT * FROM projets_financements ORDER BY projet_id, financement_id", conn),
            "documents": pd.read_sql_query("SELECT * FROM documents ORDER BY projet_id, document_id", conn),
            "themes_regionaux": pd.read_sql_query("SELECT * FROM themes_regionaux ORDER BY ordre, code", conn),
            "sdtan": pd.read_sql_query("SELECT * FROM sdtan ORDER BY code_dep", conn),
        }
    # the row versions and their authors are the store's bookkeeping, not register data (schema step 6)
    extra = {"projets": BOOKKEEPING, "themes_regionaux": BOOKKEEPING + ("modifie_le",),
             "sdtan": BOOKKEEPING + ("modifie_le",)}
    return {name: frame.drop(columns=[c for c in extra.get(name, ()) if c in frame]) for name, frame in tables.items()}


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


# --- the regional themes (circular, II.B: « un ou deux thèmes supplémentaires ») -----------------
def read_themes(store) -> list[dict]:
    """The regional themes list, in its order: [{code, libelle, ordre}]."""
    with store.connection() as conn:
        return [dict(zip(THEME_FIELDS, row)) for row in
                conn.execute("SELECT code, libelle, ordre FROM themes_regionaux ORDER BY ordre, code")]


def theme_code(label) -> str:
    """The code of a theme from its label: « Filière bois » → `filiere_bois`."""
    return _spelling(label)[:40].strip("_")


def normalize_themes(themes: list[dict]) -> list[dict]:
    """Themes with trimmed labels, a code (derived from the label when not given) and their order (1, 2)."""
    result = []
    for rank, theme in enumerate(themes, start=1):
        label = _trimmed(theme.get("libelle"))
        code = _trimmed(theme.get("code"))
        code = theme_code(code) if code else (theme_code(label) if label else None)
        order = theme.get("ordre")
        try:
            order = int(order) if order not in (None, "") and order == order else rank
        except (TypeError, ValueError):
            order = rank
        result.append({"code": code or None, "libelle": label, "ordre": order})
    return result


def validate_themes(themes: list[dict]) -> list[str]:
    """Two themes at most, each with a label (no « ; », the separator of the exchange workbook), distinct."""
    problems = []
    if len(themes) > MAX_REGIONAL_THEMES:
        problems.append(tr("La région retient {0} thèmes régionaux au plus (circulaire, II.B : « un ou deux "
                           "thèmes supplémentaires ») ; la liste en a {1}.").format(MAX_REGIONAL_THEMES, len(themes)))
    for theme in themes:
        if not theme.get("libelle"):
            problems.append(tr("Un thème régional a un libellé."))
        elif ";" in theme["libelle"]:
            problems.append(tr("Le libellé du thème « {0} » contient « ; », qui sépare les thèmes dans le classeur "
                               "d'échange.").format(theme["libelle"]))
        elif not theme.get("code"):
            problems.append(tr("Le libellé du thème « {0} » ne donne pas de code : donnez-lui des lettres ou des "
                               "chiffres.").format(theme["libelle"]))
    for field, name in (("code", tr("code")), ("libelle", tr("libellé"))):
        values = [_spelling(t[field]) for t in themes if t.get(field)]
        twice = sorted({t[field] for t in themes if t.get(field) and values.count(_spelling(t[field])) > 1})
        if twice:
            problems.append(tr("Deux thèmes régionaux ont le même {0} : {1}.").format(name, ", ".join(twice)))
    return problems


def _projects_using(conn, codes: set, keep_ids: set | None = None) -> dict:
    """code → ids of the stored projects that use it (except `keep_ids`, replaced in the same transaction)."""
    used: dict[str, list] = {}
    for project_id, value in conn.execute("SELECT projet_id, themes_regionaux FROM projets "
                                          "WHERE themes_regionaux IS NOT NULL AND themes_regionaux != '' "
                                          "ORDER BY projet_id"):
        if keep_ids and project_id in keep_ids:
            continue
        for code in split_list(value):
            if code in codes:
                used.setdefault(code, []).append(project_id)
    return used


def removed_theme_problems(conn, old: list[dict], new: list[dict], replaced_ids: set | None = None) -> list[str]:
    labels = {t["code"]: t["libelle"] for t in old}
    removed = set(labels) - {t["code"] for t in new}
    problems = []
    for code, ids in sorted(_projects_using(conn, removed, replaced_ids).items()):
        shown = ", ".join(ids[:5]) + (" …" if len(ids) > 5 else "")
        problems.append(tr("Le thème « {0} » ({1}) est retenu par {2} projet(s) ({3}) : retirez-le de ces projets "
                           "avant de le supprimer.").format(labels[code], code, len(ids), shown))
    return problems


LIST_KEYS = {"themes_regionaux": ("code", THEME_FIELDS), "sdtan": ("code_dep", SDTAN_FIELDS)}


def _stored_rows(conn, table: str) -> dict:
    """key → row (with version, modifie_par, modifie_le) of the themes list or the SDTAN inventory."""
    key, fields = LIST_KEYS[table]
    names = list(fields) + ["version", "modifie_par", "modifie_le"]
    return {row[0]: dict(zip(names, row)) for row in
            conn.execute(f"SELECT {', '.join(names)} FROM {table}")}


def list_versions(store, table: str) -> dict:
    """key → version of the regional themes (`themes_regionaux`, by code) or of the SDTAN inventory (`sdtan`,
    by département): what a form loads, to give back to `save_themes` / `save_sdtan`."""
    with store.connection() as conn:
        return {key: int(row["version"]) for key, row in _stored_rows(conn, table).items()}


def _check_list(table: str, stored: dict, versions: dict | None) -> None:
    """ConflictError when the list changed since it was loaded with `versions` (nothing written)."""
    if versions is None:
        return
    now = {key: int(row["version"]) for key, row in stored.items()}
    if now == {key: int(value) for key, value in versions.items()}:
        return
    moved = [row for key, row in stored.items() if versions.get(key) != now[key]]
    latest = max(moved, key=lambda row: row.get("modifie_le") or "", default=None)
    author, when = (latest or {}).get("modifie_par"), local_time((latest or {}).get("modifie_le"))
    keys = ", ".join(map(str, sorted({row[LIST_KEYS[table][0]] for row in moved} | (set(versions) - set(now)))))
    who = _changed_by(author, when) if latest else tr("par une autre session")
    if table == "themes_regionaux":
        message = tr("La liste des thèmes régionaux a été modifiée {0} depuis que vous l'avez ouverte ({1}) : rien "
                     "n'a été enregistré.").format(who, keys)
    else:
        message = tr("L'inventaire des SDTAN a été modifié {0} depuis que vous l'avez ouvert ({1}) : rien n'a été "
                     "enregistré.").format(who, keys)
    raise ConflictError(message + " " + tr("Votre saisie est conservée : rouvrez la liste pour voir leur version, "
                                           "ou enregistrez la vôtre en connaissance de cause."), stored, author, when)


def _versioned(rows: list[dict], fields, key: str, stored: dict, who: str) -> list[dict]:
    """The rows to write with their version: unchanged rows keep theirs, others move on (never back to 1)."""
    result = []
    for row in rows:
        old = stored.get(row[key])
        if old is not None and all(old.get(f) == row.get(f) for f in fields):
            result.append({**row, **{c: old[c] for c in ("version", "modifie_par", "modifie_le")}})
        else:
            result.append({**row, "version": (int(old["version"]) + 1) if old else 1, "modifie_par": who,
                           "modifie_le": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")})
    return result


def _write_themes(conn, themes: list[dict], who: str | None = None) -> None:
    stored = _stored_rows(conn, "themes_regionaux")
    rows = _versioned(themes, THEME_FIELDS, "code", stored, who or current_author())
    conn.execute("DELETE FROM themes_regionaux")
    columns = THEME_FIELDS + ["version", "modifie_par", "modifie_le"]
    conn.executemany(f"INSERT INTO themes_regionaux ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                     [tuple(t[c] for c in columns) for t in rows])


def save_themes(store, themes: list[dict], versions: dict | None = None, author: str | None = None) -> list[dict]:
    """Replace the regional themes list (two at most), in one transaction; returns the list saved.

    A theme's code is derived from its label when not given; a theme still used by a project cannot
    be removed (the message names the projects). `versions`: `list_versions(store, "themes_regionaux")`
    as the form loaded it; when the list changed since, ConflictError naming who and when (None: no check)."""
    themes = normalize_themes(themes)
    problems = validate_themes(themes)
    if problems:
        raise ScoranError("\n".join(problems))
    with store.transaction() as conn:
        _check_list("themes_regionaux", _stored_rows(conn, "themes_regionaux"), versions)
        old = [dict(zip(THEME_FIELDS, row)) for row in conn.execute("SELECT code, libelle, ordre FROM "
                                                                      "themes_regionaux")]
        problems = removed_theme_problems(conn, old, themes)
        if problems:
            raise ScoranError("\n".join(problems))
        _write_themes(conn, themes, current_author(conn, store, author))
    return themes


def theme_labels(value, themes: list[dict]) -> str | None:
    """« Tourisme ; Filière bois » for `tourisme,filiere_bois` (an unknown code shown as itself)."""
    labels = {t["code"]: t["libelle"] for t in themes}
    codes = split_list(value)
    return " ; ".join(labels.get(code, code) for code in codes) or None


# --- the SDTAN inventory (« inventaire actualisé » of the schémas directeurs) ---------------------
def normalize_department_code(value):
    """`21`, 21, `21.0`, ` 2a ` → `21`, `2A`; `1` → `01`; anything else as written (validation names it)."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip().upper()
    if text.isdigit() and len(text) == 1:
        text = "0" + text
    return text or None


def normalize_sdtan(row: dict) -> dict:
    """An SDTAN row: département code as text, status as a code (read by code or label), texts trimmed."""
    result = {field: row.get(field) for field in SDTAN_FIELDS}
    result["code_dep"] = normalize_department_code(result["code_dep"])
    result["statut"] = normalize_choice(result["statut"], "statut_sdtan")
    for field in ("titre", "maitre_ouvrage", "commentaire", "date_adoption", "derniere_mise_a_jour"):
        result[field] = _trimmed(result[field])
    return result


def sdtan_is_empty(row: dict) -> bool:
    """Nothing entered but the département (a row of the inventory left blank)."""
    return not any(row.get(field) for field in SDTAN_FIELDS if field != "code_dep")


def validate_sdtan(row: dict, departments: dict | None = None) -> list[str]:
    """French messages for an SDTAN row; `departments`: {code: name} of the store (None or empty: any
    well-formed code)."""
    problems = []
    code = row.get("code_dep")
    if not code:
        problems.append(tr("Code de département manquant."))
    elif departments and code not in departments:
        problems.append(tr("Le département « {0} » n'est pas dans le référentiel (départements : {1}).").format(
            code, ", ".join(departments)))
    elif not departments and not _DEPARTMENT.match(str(code)):
        problems.append(tr("Code de département invalide : « {0} ».").format(code))
    status = row.get("statut")
    if status not in (None, "") and status not in STATUTS_SDTAN:
        problems.append(tr("Statut de SDTAN inconnu : « {0} » (valeurs possibles : {1}).").format(
            status, ", ".join(SDTAN_STATUS_LABELS.values())))
    labels = {"date_adoption": tr("date d'adoption"), "derniere_mise_a_jour": tr("dernière mise à jour")}
    for field, label in labels.items():
        value = row.get(field)
        if value and not is_date(value):
            problems.append(tr("Date invalide pour la {0} : « {1} » (JJ/MM/AAAA).").format(label, value))
    adopted, updated = row.get("date_adoption"), row.get("derniere_mise_a_jour")
    if is_date(adopted) and is_date(updated) and updated < adopted:
        problems.append(tr("La dernière mise à jour ({0}) précède l'adoption ({1}).").format(
            _french(updated), _french(adopted)))
    if status in ADOPTED_SDTAN_STATUSES and not adopted:
        problems.append(tr("Un SDTAN « {0} » a une date d'adoption.").format(SDTAN_STATUS_LABELS[status]))
    return problems


def _french(value: str) -> str:
    return f"{value[8:10]}/{value[5:7]}/{value[0:4]}"


def read_sdtan(store) -> list[dict]:
    """The stored SDTAN rows, by département code."""
    with store.connection() as conn:
        return [dict(zip(SDTAN_FIELDS, row)) for row in
                conn.execute(f"SELECT {', '.join(SDTAN_FIELDS)} FROM sdtan ORDER BY code_dep")]


def sdtan_inventory(store) -> list[dict]:
    """One row per département of the store (its SDTAN row, or an empty one), with its name (`nom`)."""
    stored = {row["code_dep"]: row for row in read_sdtan(store)}
    rows = [{**{field: None for field in SDTAN_FIELDS}, **stored.get(code, {}), "code_dep": code, "nom": name}
            for code, name in store.departments()]
    known = {row["code_dep"] for row in rows}
    rows += [{**row, "nom": None} for code, row in stored.items() if code not in known]  # kept, never hidden
    return rows


def _sdtan_problems(rows: list[dict], departments: dict) -> list[str]:
    problems, seen = [], set()
    for row in rows:
        messages = validate_sdtan(row, departments)
        if row.get("code_dep") in seen:
            messages.append(tr("Département en double."))
        seen.add(row.get("code_dep"))
        problems += [f"{row.get('code_dep') or '?'} : {message}" for message in messages]
    return problems


def _write_sdtan(conn, rows: list[dict], replace_all: bool, who: str | None = None) -> None:
    stored = _stored_rows(conn, "sdtan")
    rows = _versioned([{**r, "statut": r.get("statut") or DEFAULT_SDTAN_STATUS} for r in rows], SDTAN_FIELDS,
                      "code_dep", stored, who or current_author())
    if replace_all:
        conn.execute("DELETE FROM sdtan")
    else:  # an unchanged row is not rewritten (its version stays)
        rows = [r for r in rows if r["version"] != (stored.get(r["code_dep"]) or {}).get("version")]
    columns = SDTAN_FIELDS + ["version", "modifie_par", "modifie_le"]
    conn.executemany(f"INSERT OR REPLACE INTO sdtan ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                     [tuple(r[c] for c in columns) for r in rows])


def save_sdtan(store, rows: list[dict], replace_all: bool = True, versions: dict | None = None,
               author: str | None = None) -> int:
    """Save the SDTAN inventory in one transaction, all rows valid or nothing; returns the rows stored.

    Rows with nothing but their département are not stored (a blank line of the inventory).
    `replace_all`: the rows are the whole inventory (the dock's table); else they replace only their
    départements' rows (an import). `versions`: `list_versions(store, "sdtan")` as the form loaded it; when
    the inventory changed since, ConflictError naming who and when, nothing written (None: no check)."""
    rows = [r for r in (normalize_sdtan(row) for row in rows) if not sdtan_is_empty(r)]
    problems = _sdtan_problems(rows, dict(store.departments()))
    if problems:
        raise ScoranError("\n".join(problems))
    with store.transaction() as conn:
        _check_list("sdtan", _stored_rows(conn, "sdtan"), versions)
        _write_sdtan(conn, rows, replace_all, current_author(conn, store, author))
    return len(rows)
