"""Schema of the SCORAN store, as an ordered list of migrations.

A new store applies every step; an older store applies the steps it lacks when it is opened.
Each step runs in one transaction. Never edit a released step: add a new one.
Documented table by table in docs/data-model.md.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Callable

from . import gpkg

INSEE_COM_CHECK = "CHECK (length({col}) = 5 AND {col} GLOB '[0-9][0-9AB][0-9][0-9][0-9]')"
MILLESIME_CHECK = "CHECK ({col} GLOB '[12][0-9][0-9][0-9]-S[12]')"
SEMESTER_OR_NULL = "CHECK ({col} IS NULL OR {col} GLOB '[12][0-9][0-9][0-9]-S[12]')"
BOOL = "INTEGER CHECK ({col} IN (0, 1))"


def _c(template: str, col: str) -> str:
    return template.format(col=col)


@dataclass(frozen=True)
class FeatureTable:
    name: str
    description: str
    geometry_type: str  # GeoPackage geometry type name
    columns: str  # SQL column definitions (and table constraints) after fid and geom
    crs: str = "store"  # "store" (the store's CRS) or an EPSG code as text


@dataclass(frozen=True)
class AttributeTable:
    name: str
    description: str
    ddl: str  # full CREATE TABLE statement


@dataclass(frozen=True)
class Migration:
    version: int
    title: str
    tables: tuple = ()
    extra_sql: tuple = ()
    after: Callable[[sqlite3.Connection], None] | None = None
    sqlite_sql: tuple = ()  # statements for the GeoPackage only (triggers: the two dialects differ)
    postgres_sql: tuple = ()  # statements for PostgreSQL only, run as written (no `%`: psycopg2 formats them)


def apply(conn: sqlite3.Connection, migration: Migration, store_epsg: int) -> None:
    """Create the tables of one step (inside the caller's transaction)."""
    for table in migration.tables:
        if isinstance(table, FeatureTable):
            epsg = store_epsg if table.crs == "store" else int(table.crs)
            conn.execute(
                f'CREATE TABLE "{table.name}" (fid INTEGER PRIMARY KEY AUTOINCREMENT,'
                f" geom {table.geometry_type}, {table.columns})"
            )
            gpkg.register_features_table(conn, table.name, table.description, table.geometry_type, epsg)
            gpkg.create_spatial_index(conn, table.name)
        else:
            conn.execute(table.ddl)
            gpkg.register_attributes_table(conn, table.name, table.description)
    for statement in migration.extra_sql:
        conn.execute(statement)
    for statement in migration.sqlite_sql:
        conn.execute(statement)
    if migration.after:
        migration.after(conn)


# --- Step 1: territory and semesters -----------------------------------------------------------
STEP_1 = Migration(
    1,
    "Territoire et millésimes",
    tables=(
        FeatureTable(
            "regions", "Régions", "MULTIPOLYGON",
            "insee_reg TEXT NOT NULL UNIQUE, nom TEXT NOT NULL, population INTEGER",
        ),
        FeatureTable(
            "departements", "Départements", "MULTIPOLYGON",
            "insee_dep TEXT NOT NULL UNIQUE CHECK (length(insee_dep) IN (2, 3)), nom TEXT NOT NULL,"
            " insee_reg TEXT, population INTEGER",
        ),
        FeatureTable(
            "epci", "Établissements publics de coopération intercommunale", "MULTIPOLYGON",
            "siren_epci TEXT NOT NULL UNIQUE CHECK (length(siren_epci) = 9), nom TEXT NOT NULL, type TEXT,"
            " population INTEGER",
        ),
        FeatureTable(
            "communes", "Communes (codes INSEE en texte)", "MULTIPOLYGON",
            f"insee_com TEXT NOT NULL UNIQUE {_c(INSEE_COM_CHECK, 'insee_com')}, nom TEXT NOT NULL,"
            " insee_dep TEXT NOT NULL, insee_reg TEXT, siren_epci TEXT, population INTEGER, logements INTEGER,"
            f" montagne {_c(BOOL, 'montagne')} NOT NULL DEFAULT 0",
        ),
        AttributeTable(
            "millesimes", "Millésimes (semestres) de la SCORAN",
            "CREATE TABLE millesimes (code TEXT PRIMARY KEY "
            + _c(MILLESIME_CHECK, "code")
            + ", libelle TEXT, date_reference TEXT, commentaire TEXT,"
            " cree_le TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')))",
        ),
        AttributeTable(
            "analyses", "Journal des traitements (algorithme, paramètres, millésime)",
            "CREATE TABLE analyses (analyse_id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " millesime TEXT REFERENCES millesimes(code) ON UPDATE CASCADE, algorithme TEXT NOT NULL,"
            " parametres TEXT, resume TEXT, version_extension TEXT,"
            " execute_le TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')))",
        ),
    ),
    extra_sql=("CREATE INDEX communes_dep_idx ON communes (insee_dep)",),
)

# --- Step 2: fixed and mobile infrastructure -----------------------------------------------------
STEP_2 = Migration(
    2,
    "Infrastructures fixes et mobiles",
    tables=(
        AttributeTable(
            "locaux_communes", "Locaux par classe de débit, par commune et millésime",
            "CREATE TABLE locaux_communes (millesime TEXT NOT NULL REFERENCES millesimes(code) ON UPDATE CASCADE,"
            " insee_com TEXT NOT NULL " + _c(INSEE_COM_CHECK, "insee_com") + ","
            " nb_locaux INTEGER NOT NULL DEFAULT 0, nb_inel INTEGER NOT NULL DEFAULT 0,"
            " nb_hd05 INTEGER NOT NULL DEFAULT 0, nb_hd3 INTEGER NOT NULL DEFAULT 0,"
            " nb_bhd8 INTEGER NOT NULL DEFAULT 0, nb_thd30 INTEGER NOT NULL DEFAULT 0,"
            " nb_thd100 INTEGER NOT NULL DEFAULT 0, nb_thd1g INTEGER NOT NULL DEFAULT 0,"
            " nb_sous_seuil INTEGER NOT NULL DEFAULT 0, pct_sous_seuil REAL, zone_blanche INTEGER,"
            " PRIMARY KEY (millesime, insee_com))",
        ),
        FeatureTable(
            "zones_blanches", "Zones blanches du haut débit (carreaux 200 m INSPIRE regroupés)", "MULTIPOLYGON",
            "millesime TEXT NOT NULL, insee_dep TEXT, nb_carreaux INTEGER, nb_locaux INTEGER,"
            " nb_sous_seuil INTEGER, seuil TEXT, part_min REAL",
            crs="3035",
        ),
        FeatureTable(
            "sites_prioritaires", "Sites prioritaires (écoles, santé, services publics, entreprises)", "POINT",
            "millesime TEXT NOT NULL, site_id TEXT NOT NULL, categorie TEXT NOT NULL, type_equipement TEXT,"
            " nom TEXT, insee_com TEXT, classe TEXT, sans_haut_debit INTEGER, sous_seuil INTEGER,"
            " UNIQUE (millesime, site_id)",
        ),
        FeatureTable(
            "rip_projets", "Projets de réseaux d'initiative publique (périmètres)", "MULTIPOLYGON",
            "rip_id TEXT NOT NULL UNIQUE, nom TEXT NOT NULL, maitre_ouvrage TEXT, type_maitre_ouvrage TEXT,"
            " departements TEXT NOT NULL, statut TEXT, date_maj TEXT",
        ),
        FeatureTable(
            "rip_phases", "Phases des RIP (technologie, semestres, locaux prévus)", "MULTIPOLYGON",
            "phase_id TEXT NOT NULL UNIQUE, rip_id TEXT NOT NULL REFERENCES rip_projets(rip_id) ON UPDATE CASCADE,"
            " nom TEXT, technologie TEXT NOT NULL CHECK (technologie IN ('FTTH', 'MED', 'THDR', 'SAT')),"
            f" semestre_debut TEXT {_c(SEMESTER_OR_NULL, 'semestre_debut')},"
            f" semestre_fin TEXT {_c(SEMESTER_OR_NULL, 'semestre_fin')},"
            " locaux_prevus INTEGER, cout_prevu REAL,"
            " statut TEXT NOT NULL DEFAULT 'prevu' CHECK (statut IN ('prevu', 'en_cours', 'realise', 'abandonne'))",
        ),
        AttributeTable(
            "rip_phases_communes", "Communes de chaque phase de RIP (quand la phase est une liste de communes)",
            "CREATE TABLE rip_phases_communes (phase_id TEXT NOT NULL REFERENCES rip_phases(phase_id)"
            " ON UPDATE CASCADE ON DELETE CASCADE, insee_com TEXT NOT NULL " + _c(INSEE_COM_CHECK, "insee_com")
            + ", PRIMARY KEY (phase_id, insee_com))",
        ),
        AttributeTable(
            "amii_communes", "Communes AMII (engagements des opérateurs privés) et conventions",
            "CREATE TABLE amii_communes (insee_com TEXT PRIMARY KEY " + _c(INSEE_COM_CHECK, "insee_com") + ","
            " operateurs TEXT NOT NULL, zone TEXT NOT NULL DEFAULT 'AMII' CHECK (zone IN ('ZTD', 'AMII')),"
            f" convention_signee {_c(BOOL, 'convention_signee')} NOT NULL DEFAULT 0, date_convention TEXT,"
            " annee_fin_prevue INTEGER, locaux_total INTEGER, locaux_raccordables INTEGER, date_maj TEXT)",
        ),
        AttributeTable(
            "amii_calendrier", "Calendrier des opérateurs AMII : locaux prévus par commune et année",
            "CREATE TABLE amii_calendrier (insee_com TEXT NOT NULL REFERENCES amii_communes(insee_com)"
            " ON UPDATE CASCADE ON DELETE CASCADE, annee INTEGER NOT NULL CHECK (annee BETWEEN 2010 AND 2035),"
            " locaux_prevus INTEGER NOT NULL CHECK (locaux_prevus >= 0), PRIMARY KEY (insee_com, annee))",
        ),
        AttributeTable(
            "aides_departements", "Aide de l'État aux RIP : taux et plafond par local, par département",
            "CREATE TABLE aides_departements (insee_dep TEXT PRIMARY KEY, taux REAL NOT NULL"
            " CHECK (taux BETWEEN 0 AND 1), plafond_par_local REAL NOT NULL CHECK (plafond_par_local >= 0),"
            " source TEXT)",
        ),
        AttributeTable(
            "couts_unitaires", "Coûts unitaires par technologie et classe de densité (euros par local)",
            "CREATE TABLE couts_unitaires (technologie TEXT NOT NULL, densite TEXT NOT NULL,"
            " cout_par_local REAL NOT NULL CHECK (cout_par_local >= 0), source TEXT,"
            " PRIMARY KEY (technologie, densite))",
        ),
        FeatureTable(
            "centres_bourgs", "Centres-bourgs (mairies) du programme zones blanches mobiles", "POINT",
            f"insee_com TEXT NOT NULL UNIQUE {_c(INSEE_COM_CHECK, 'insee_com')}, nom TEXT NOT NULL,"
            " liste TEXT, date_liste TEXT,"
            " statut_site TEXT CHECK (statut_site IS NULL OR statut_site IN ('recherche_site', 'pylone_construit',"
            " 'mis_a_disposition', 'ouvert_2g', 'ouvert_3g')),"
            f" maitre_ouvrage TEXT, cout REAL, montagne {_c(BOOL, 'montagne')} NOT NULL DEFAULT 0,"
            " commentaire TEXT",
        ),
    ),
    extra_sql=("CREATE INDEX rip_phases_rip_idx ON rip_phases (rip_id)",),
)

# --- Step 3: services & usages register ----------------------------------------------------------
DOMAINES = (
    "sante", "education", "enseignement_superieur", "e_administration", "developpement_economique",
    "culture", "mutualisation", "autre",
)
NIVEAUX = ("national", "regional", "territoire_innovant")
STATUTS_PROJET = ("idee", "en_etude", "finance", "en_cours", "realise", "abandonne")
FINANCEURS = ("etat_pia", "etat", "region", "feder", "departement", "epci", "autre")
TYPES_LIEN = ("commune", "epci", "departement", "site", "rip", "phase", "centre_bourg")


def _in(col: str, values: tuple) -> str:
    return f"CHECK ({col} IN (" + ", ".join(f"'{v}'" for v in values) + "))"


STEP_3 = Migration(
    3,
    "Registre des projets de services et usages",
    tables=(
        AttributeTable(
            "projets", "Projets de services et usages numériques",
            "CREATE TABLE projets (projet_id TEXT PRIMARY KEY, titre TEXT NOT NULL CHECK (length(trim(titre)) > 0),"
            " description TEXT,"
            f" niveau TEXT NOT NULL {_in('niveau', NIVEAUX)}, domaine TEXT NOT NULL {_in('domaine', DOMAINES)},"
            " porteur TEXT, partenaires TEXT,"
            f" statut TEXT NOT NULL DEFAULT 'idee' {_in('statut', STATUTS_PROJET)},"
            " budget REAL CHECK (budget IS NULL OR budget >= 0), appel_projets_pia TEXT,"
            f" mutualisation {_c(BOOL, 'mutualisation')} NOT NULL DEFAULT 0,"
            f" zones_defavorisees {_c(BOOL, 'zones_defavorisees')} NOT NULL DEFAULT 0,"
            f" publics_eloignes {_c(BOOL, 'publics_eloignes')} NOT NULL DEFAULT 0,"
            " departements TEXT, date_debut TEXT, date_fin TEXT,"
            " cree_le TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),"
            " modifie_le TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')))",
        ),
        AttributeTable(
            "projets_financements", "Plan de financement des projets",
            "CREATE TABLE projets_financements (financement_id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " projet_id TEXT NOT NULL REFERENCES projets(projet_id) ON UPDATE CASCADE ON DELETE CASCADE,"
            f" financeur TEXT NOT NULL {_in('financeur', FINANCEURS)},"
            " montant REAL NOT NULL CHECK (montant >= 0), appel_projets TEXT)",
        ),
        AttributeTable(
            "projets_liens", "Liens des projets vers les objets de la carte (clés stables)",
            "CREATE TABLE projets_liens (projet_id TEXT NOT NULL REFERENCES projets(projet_id)"
            " ON UPDATE CASCADE ON DELETE CASCADE,"
            f" type_objet TEXT NOT NULL {_in('type_objet', TYPES_LIEN)}, cle TEXT NOT NULL,"
            " PRIMARY KEY (projet_id, type_objet, cle))",
        ),
        AttributeTable(
            "jalons", "Jalons des projets (date ou semestre)",
            "CREATE TABLE jalons (jalon_id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " projet_id TEXT NOT NULL REFERENCES projets(projet_id) ON UPDATE CASCADE ON DELETE CASCADE,"
            " libelle TEXT NOT NULL, date_jalon TEXT,"
            f" semestre TEXT {_c(SEMESTER_OR_NULL, 'semestre')},"
            " statut TEXT NOT NULL DEFAULT 'prevu' CHECK (statut IN ('prevu', 'atteint', 'retarde', 'annule')),"
            " CHECK (date_jalon IS NOT NULL OR semestre IS NOT NULL))",
        ),
        AttributeTable(
            "documents", "Documents (comptes rendus de la commission régionale, études...)",
            "CREATE TABLE documents (document_id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " projet_id TEXT REFERENCES projets(projet_id) ON UPDATE CASCADE ON DELETE CASCADE,"
            " type_document TEXT NOT NULL CHECK (type_document IN ('compte_rendu', 'etude', 'convention', 'autre')),"
            " titre TEXT NOT NULL, chemin TEXT NOT NULL, date_document TEXT)",
        ),
    ),
    extra_sql=(
        "CREATE INDEX jalons_projet_idx ON jalons (projet_id)",
        "CREATE INDEX liens_cle_idx ON projets_liens (type_objet, cle)",
    ),
)

# --- Step 4: semester snapshots, so that each semester compares with the previous one ------------
STEP_4 = Migration(
    4,
    "Suivi semestriel (couverture, trajectoire, phases, conventions)",
    tables=(
        AttributeTable(
            "couverture_millesime", "Locaux par zone et semestre prévu, enregistrés à chaque millésime",
            "CREATE TABLE couverture_millesime (millesime TEXT NOT NULL " + _c(MILLESIME_CHECK, "millesime") + ","
            " niveau TEXT NOT NULL, code TEXT NOT NULL, zone TEXT NOT NULL, semestre_prevu TEXT NOT NULL,"
            " nb_locaux INTEGER NOT NULL, PRIMARY KEY (millesime, niveau, code, zone, semestre_prevu))",
        ),
        AttributeTable(
            "trajectoire_millesime", "Trajectoire THD enregistrée à chaque millésime",
            "CREATE TABLE trajectoire_millesime (millesime TEXT NOT NULL " + _c(MILLESIME_CHECK, "millesime") + ","
            " niveau TEXT NOT NULL, code TEXT NOT NULL, semestre TEXT NOT NULL, nb_locaux INTEGER, locaux_thd INTEGER,"
            " pct_thd REAL, cible_pct REAL, ecart_pct REAL, PRIMARY KEY (millesime, code, semestre))",
        ),
        AttributeTable(
            "phases_millesime", "Calendrier des phases de RIP tel qu'il était à chaque millésime",
            "CREATE TABLE phases_millesime (millesime TEXT NOT NULL " + _c(MILLESIME_CHECK, "millesime") + ","
            " phase_id TEXT NOT NULL, rip_id TEXT, semestre_debut TEXT, semestre_fin TEXT, locaux_prevus INTEGER,"
            " statut TEXT, PRIMARY KEY (millesime, phase_id))",
        ),
        AttributeTable(
            "amii_millesime", "Conventions AMII telles qu'elles étaient à chaque millésime",
            "CREATE TABLE amii_millesime (millesime TEXT NOT NULL " + _c(MILLESIME_CHECK, "millesime") + ","
            " insee_com TEXT NOT NULL, convention_signee INTEGER, date_convention TEXT, locaux_raccordables INTEGER,"
            " PRIMARY KEY (millesime, insee_com))",
        ),
    ),
)

# --- Step 5: what the circular asks of the register, and every register over time ---------------
STATUTS_SDTAN = ("en_elaboration", "adopte", "en_actualisation", "a_actualiser")
# the circular's « un ou deux thèmes supplémentaires » (II.B): a configurable list beside the domains
MAX_REGIONAL_THEMES = 2
PROJECT_FIELDS_5 = ("besoins_emergents", "experimentations", "metiers", "besoins_formation", "themes_regionaux")
STEP_5 = Migration(
    5,
    "Registre selon la circulaire (besoins émergents, métiers, thèmes régionaux, SDTAN) et instantanés par "
    "millésime (projets, centres-bourgs, coûts)",
    tables=(
        AttributeTable(
            "themes_regionaux", "Thèmes régionaux retenus en plus des domaines nationaux (un ou deux)",
            "CREATE TABLE themes_regionaux (code TEXT PRIMARY KEY CHECK (code GLOB '[a-z0-9_]*' AND length(code) > 0),"
            " libelle TEXT NOT NULL CHECK (length(trim(libelle)) > 0), ordre INTEGER NOT NULL DEFAULT 0)",
        ),
        AttributeTable(
            "sdtan", "Inventaire des SDTAN par département",
            "CREATE TABLE sdtan (code_dep TEXT PRIMARY KEY CHECK (code_dep GLOB '[0-9][0-9AB]' OR code_dep GLOB"
            " '97[1-6]'), titre TEXT, maitre_ouvrage TEXT, date_adoption TEXT,"
            f" statut TEXT NOT NULL DEFAULT 'en_elaboration' {_in('statut', STATUTS_SDTAN)},"
            " derniere_mise_a_jour TEXT, commentaire TEXT)",
        ),
        AttributeTable(
            "projets_millesime", "Projets de services et usages tels qu'ils étaient à chaque millésime",
            "CREATE TABLE projets_millesime (millesime TEXT NOT NULL " + _c(MILLESIME_CHECK, "millesime") + ","
            " projet_id TEXT NOT NULL, titre TEXT, niveau TEXT, domaine TEXT, statut TEXT, budget REAL,"
            " date_debut TEXT, date_fin TEXT, departements TEXT, PRIMARY KEY (millesime, projet_id))",
        ),
        AttributeTable(
            "centres_millesime",
            "Centres-bourgs (couverture mobile, sites, coût) tels qu'ils étaient à chaque millésime",
            "CREATE TABLE centres_millesime (millesime TEXT NOT NULL " + _c(MILLESIME_CHECK, "millesime") + ","
            " insee_com TEXT NOT NULL, nom TEXT, statut TEXT, statut_site TEXT, nb_sites INTEGER, cout_retenu REAL,"
            " PRIMARY KEY (millesime, insee_com))",
        ),
        AttributeTable(
            "couts_millesime", "Coûts et locaux (RIP, reste à planifier, mobile) par territoire à chaque millésime",
            "CREATE TABLE couts_millesime (millesime TEXT NOT NULL " + _c(MILLESIME_CHECK, "millesime") + ","
            " niveau TEXT NOT NULL, code TEXT NOT NULL, poste TEXT NOT NULL, locaux INTEGER, cout_total REAL,"
            " part_etat REAL, reste_collectivites REAL, PRIMARY KEY (millesime, niveau, code, poste))",
        ),
    ),
    extra_sql=tuple(f"ALTER TABLE projets ADD COLUMN {column} TEXT" for column in PROJECT_FIELDS_5),
)

# --- Step 6: several sessions editing at once (row versions, who and when, change notices) -----------
# A save names the version it was loaded with and is refused when the row has moved on (core/register.py).
# A project and its child rows (links, milestones, funding, documents) are one unit: the project's version.
VERSIONED_TABLES = ("projets", "rip_projets", "rip_phases", "amii_communes", "centres_bourgs", "sdtan",
                    "themes_regionaux")
NOTIFY_CHANNEL = "scoran_registre"  # PostgreSQL: NOTIFY on every write to a versioned table (payload schema.table)


def _version_columns(table: str) -> tuple:
    columns = ["version INTEGER NOT NULL DEFAULT 1", "modifie_par TEXT"]
    if table != "projets":  # projets has had modifie_le since step 3
        columns.append("modifie_le TEXT")
    return tuple(f'ALTER TABLE "{table}" ADD COLUMN {column}' for column in columns)


def _sqlite_version_trigger(table: str) -> str:
    # an update that does not move the version itself (an edit of the layer in QGIS, an algorithm) moves it
    return (f'CREATE TRIGGER "{table}_version" AFTER UPDATE ON "{table}" FOR EACH ROW '
            "WHEN NEW.version IS OLD.version BEGIN "
            f'UPDATE "{table}" SET version = OLD.version + 1, modifie_le = strftime(\'%Y-%m-%dT%H:%M:%S\', \'now\') '
            "WHERE rowid = NEW.rowid; END")


_PG_NOW = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS')"
STEP_6 = Migration(
    6,
    "Édition à plusieurs (version de chaque ligne, auteur et date de la dernière modification, avis de "
    "changement)",
    extra_sql=tuple(statement for table in VERSIONED_TABLES for statement in _version_columns(table)),
    sqlite_sql=tuple(_sqlite_version_trigger(table) for table in VERSIONED_TABLES),
    postgres_sql=(
        "CREATE FUNCTION scoran_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF NEW.version IS NOT DISTINCT FROM OLD.version THEN NEW.version := OLD.version + 1; "
        f"NEW.modifie_le := {_PG_NOW}; "
        "IF NEW.modifie_par IS NOT DISTINCT FROM OLD.modifie_par THEN NEW.modifie_par := session_user; END IF; "
        "END IF; RETURN NEW; END $$",
        "CREATE FUNCTION scoran_notify() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"PERFORM pg_notify('{NOTIFY_CHANNEL}', TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME); RETURN NULL; END $$",
    ) + tuple(statement for table in VERSIONED_TABLES for statement in (
        f'CREATE TRIGGER "{table}_version" BEFORE UPDATE ON "{table}" FOR EACH ROW EXECUTE FUNCTION scoran_version()',
        f'CREATE TRIGGER "{table}_notify" AFTER INSERT OR UPDATE OR DELETE ON "{table}" FOR EACH STATEMENT '
        "EXECUTE FUNCTION scoran_notify()",
    )),
)

MIGRATIONS = (STEP_1, STEP_2, STEP_3, STEP_4, STEP_5, STEP_6)
CURRENT_VERSION = MIGRATIONS[-1].version


# --- PostgreSQL/PostGIS dialect -----------------------------------------------------------------
# The same migration steps, translated from the one description above (as 3liz's cadastre plugin keeps
# one SQL text and translates it): a store on PostGIS is one schema holding the same tables, columns,
# keys and CHECKs. Used by core/pgstore.py; the GeoPackage path above is unchanged.
PG_GEOMETRY_TYPES = {"POINT": "Point", "MULTIPOINT": "MultiPoint", "LINESTRING": "LineString",
                     "MULTILINESTRING": "MultiLineString", "POLYGON": "Polygon", "MULTIPOLYGON": "MultiPolygon"}
# SQLite's strftime('%Y-%m-%dT%H:%M:%S', 'now') is UTC: the same text on PostgreSQL
PG_NOW_TEXT = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS')"
SQLITE_NOW_TEXT = "strftime('%Y-%m-%dT%H:%M:%S', 'now')"
_LITERAL = re.compile(r"'(?:[^']|'')*'")
_GLOB = re.compile(r"""("[^"]+"|\b\w+\b)\s+GLOB\s+'((?:[^']|'')*)'""")
_TYPES = (
    (re.compile(r"\bINTEGER PRIMARY KEY AUTOINCREMENT\b"), "integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),
    (re.compile(r"\bREAL\b"), "double precision"),  # SQLite's REAL is 8 bytes; PostgreSQL's real is 4
    # text compared and sorted byte by byte, as SQLite does, whatever the database's locale
    (re.compile(r"\bTEXT\b"), 'text COLLATE "C"'),
)


def glob_to_regex(pattern: str) -> str:
    """The PostgreSQL regular expression (`~`, anchored) matching exactly what SQLite's GLOB `pattern` matches."""
    out, i = ["^"], 0
    while i < len(pattern):
        char = pattern[i]
        if char == "*":
            out.append(".*")
        elif char == "?":
            out.append(".")
        elif char == "[":
            end = pattern.find("]", i + 2 if pattern[i + 1:i + 2] in ("]", "^") else i + 1)
            if end < 0:
                raise ValueError(f"unterminated class in GLOB pattern {pattern!r}")
            body = pattern[i + 1:end]
            out.append("[" + ("^" + body[1:] if body.startswith("^") else body).replace("\\", "\\\\") + "]")
            i = end
        else:
            out.append("\\" + char if char in ".^$|()+{}\\" else char)
        i += 1
    return "".join(out) + "$"


def to_postgres(sql: str) -> str:
    """One SQLite DDL statement of this module as PostgreSQL DDL (types, identity keys, GLOB, defaults)."""
    sql = sql.replace(SQLITE_NOW_TEXT, PG_NOW_TEXT)
    sql = _GLOB.sub(lambda m: f"{m.group(1)} ~ '{glob_to_regex(m.group(2))}'", sql)
    parts, last = [], 0  # type rewrites outside string literals only
    for literal in _LITERAL.finditer(sql):
        parts += [_rewrite_types(sql[last:literal.start()]), literal.group(0)]
        last = literal.end()
    parts.append(_rewrite_types(sql[last:]))
    return "".join(parts)


def _rewrite_types(text: str) -> str:
    for pattern, replacement in _TYPES:
        text = pattern.sub(replacement, text)
    return text


def postgres_statements(migration: Migration, store_epsg: int) -> list[tuple[str, tuple]]:
    """(SQL, parameters) creating one step on PostgreSQL, in the connection's first search_path schema."""
    if migration.after is not None:
        raise NotImplementedError(f"step {migration.version}: `after` has no PostgreSQL form")
    statements = []
    for table in migration.tables:
        if isinstance(table, FeatureTable):
            epsg = store_epsg if table.crs == "store" else int(table.crs)
            kind = PG_GEOMETRY_TYPES[table.geometry_type.upper()]
            statements += [
                (f'CREATE TABLE "{table.name}" (fid integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,'
                 f" geom geometry({kind}, {int(epsg)}), {to_postgres(table.columns)})", ()),
                (f'CREATE INDEX "{table.name}_geom_idx" ON "{table.name}" USING gist (geom)', ()),
            ]
        else:
            statements.append((to_postgres(table.ddl), ()))
        statements.append((f'COMMENT ON TABLE "{table.name}" IS %s', (table.description,)))
    statements += [(to_postgres(statement), ()) for statement in migration.extra_sql]
    statements += [(statement, ()) for statement in migration.postgres_sql]
    return statements
