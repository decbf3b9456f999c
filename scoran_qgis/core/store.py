"""The SCORAN store ("référentiel SCORAN"): one GeoPackage holding the officer's working data.

Schema in `schema.py` (documented in docs/data-model.md). The version is kept in the file's
`scoran_meta` table; older stores are migrated on open (after a backup copy), newer ones refused.
Every write goes through `transaction()`: all of it is committed, or nothing.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator, Mapping
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from . import gpkg, schema
from .codes import LAMBERT_93, Millesime
from .errors import ScoranError, StoreLockedError, StoreVersionError
from .i18n import quoted, tr
from .pg import GEOPACKAGE_SUFFIXES

BUSY_TIMEOUT_S = 5.0


# SQLite failures reach users as ScoranError with a French message; each also keeps its sqlite3 class
# so that callers written against sqlite3 (except sqlite3.IntegrityError) still catch it.
class StoreIntegrityError(ScoranError, sqlite3.IntegrityError):
    """A write refused by a constraint of the store."""


class StoreOperationalError(ScoranError, sqlite3.OperationalError):
    """A store that cannot be written (read-only, disk full...) or read."""


class StoreDatabaseError(ScoranError, sqlite3.DatabaseError):
    """A file SQLite cannot use as a database."""


def _error_name(error: sqlite3.Error) -> str:
    return (getattr(error, "sqlite_errorname", None) or "").upper()


def translate_sqlite_error(error: sqlite3.Error, path) -> ScoranError:
    """The user-facing error of a SQLite failure on the store `path` (nothing was written)."""
    name, text = _error_name(error), str(error)
    if "READONLY" in name or "readonly" in text:
        message = tr("Le référentiel {0} est en lecture seule (fichier ou dossier protégé en écriture) : rien n'a "
                     "été modifié. Copiez-le dans un dossier où vous pouvez écrire, ou demandez les droits "
                     "d'écriture.").format(path)
    elif "BUSY" in name or "LOCKED" in name or "locked" in text or "busy" in text:
        return StoreLockedError(tr("Le référentiel {0} est en cours d'écriture par une autre application "
                                   "(autre session QGIS ?). Réessayez quand elle aura terminé.").format(path))
    elif "FULL" in name or "disk is full" in text:
        message = tr("Le disque qui contient le référentiel {0} est plein : rien n'a été modifié.").format(path)
    elif "CANTOPEN" in name or "unable to open" in text:
        message = tr("Le référentiel {0} ne peut pas être ouvert (dossier absent ou protégé, fichier "
                     "inaccessible).").format(path)
    elif "NOTADB" in name or "CORRUPT" in name or "not a database" in text or "malformed" in text:
        message = tr("{0} n'est pas un GeoPackage lisible (fichier endommagé ou d'un autre format).").format(path)
    elif isinstance(error, sqlite3.IntegrityError):
        message = tr("Le référentiel {0} refuse ces données (contrainte non respectée : {1}) : rien n'a été "
                     "modifié.").format(path, text)
    else:
        message = tr("Erreur du référentiel {0} : {1}. Rien n'a été modifié.").format(path, text)
    if isinstance(error, sqlite3.IntegrityError):
        return StoreIntegrityError(message)
    if isinstance(error, sqlite3.OperationalError):
        return StoreOperationalError(message)
    return StoreDatabaseError(message)


def newer_version_error(label, version: int) -> StoreVersionError:
    """The refusal of a store written by a newer version of the plugin (GeoPackage or PostgreSQL)."""
    return StoreVersionError(
        tr(
            "Le référentiel {0} a été écrit par une version plus récente de l'extension "
            "(schéma {1}, cette version connaît le schéma {2}). Mettez l'extension à jour ; "
            "le fichier n'a pas été modifié."
        ).format(label, version, schema.CURRENT_VERSION)
    )


_SCHEMA_KEY = re.compile(r"(?:^|\s)schema\s*=\s*('(?:[^'\\]|\\.)*'|\S+)")


def split_schema(value: str) -> tuple[str, str | None]:
    """A PostgreSQL STORE value without its `schema=…` part (libpq string or `?schema=` of a URI), and that schema."""
    value = str(value).strip()
    if re.match(r"(?i)^postgres(?:ql)?://", value):
        parts = urlsplit(value)
        query = parse_qsl(parts.query, keep_blank_values=True)
        found = [v for k, v in query if k == "schema"]
        rest = urlencode([(k, v) for k, v in query if k != "schema"])
        return urlunsplit(parts._replace(query=rest)), (found[-1] if found else None)
    match = _SCHEMA_KEY.search(value)
    if not match:
        return value, None
    found = match.group(1)
    if found.startswith("'"):
        found = re.sub(r"\\(.)", r"\1", found[1:-1])
    return (value[:match.start()] + " " + value[match.end():]).strip(), found


def unknown_store_error(value) -> ScoranError:
    """STORE names neither a GeoPackage file nor a PostgreSQL database this machine knows (a saved QGIS connection
    deleted or misspelt, a file name without .gpkg): said, never taken for a new file's name."""
    from .pg import saved_connection_names

    names = saved_connection_names()
    known = ", ".join(quoted(name) for name in names[:10]) if names else tr("aucune")
    return ScoranError(tr("{0} n'est ni un fichier GeoPackage (.gpkg) ni une base PostgreSQL connue : ni une "
                          "connexion PostgreSQL enregistrée dans QGIS (connexions : {1}), ni un service "
                          "(service=…), ni une chaîne de connexion (host=… dbname=…).").format(quoted(value), known))


def is_postgres_store(value) -> bool:
    """True when the STORE value names a PostgreSQL database (libpq string, `service=…`, URI, saved QGIS
    connection; optionally with `schema=…`) rather than a GeoPackage file."""
    if value is None or isinstance(value, os.PathLike):
        return False
    from .pg import is_postgres_store as check

    reference, _ = split_schema(value)
    return bool(reference) and check(reference)


def _plugin_version() -> str:
    try:
        from ..__about__ import __version__
    except ImportError:  # used outside the plugin package
        return "?"
    return __version__


class ScoranStore:
    """Access to one store file. Cheap to build; connections are opened per operation.

    `create`, `open` and `open_or_create` return a `pgstore.PgStore` (same API) for a PostgreSQL reference.
    """

    is_postgres = False

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)

    @property
    def label(self) -> str:
        """How messages name the store (its path; a PostgreSQL store's redacted reference and schema)."""
        return str(self.path)

    # --- creation and opening ------------------------------------------------------------------
    @classmethod
    def create(cls, path, crs_epsg: int = LAMBERT_93, up_to_version: int | None = None) -> ScoranStore:
        """Create a new store; the file appears only once complete (written aside, then renamed).

        `up_to_version` stops at an older schema version (used to test migrations).
        """
        if cls is ScoranStore and is_postgres_store(path):
            from .pgstore import PgStore

            return PgStore.create(path, crs_epsg, up_to_version)
        path = Path(path)
        if path.suffix.lower() not in GEOPACKAGE_SUFFIXES and not path.is_dir():
            raise unknown_store_error(path)
        if path.is_dir():
            raise ScoranError(tr("{0} existe déjà et c'est un dossier : donnez le nom du fichier .gpkg à créer "
                                 "(ex. {1}).").format(path, path / "scoran.gpkg"))
        if path.exists():
            raise ScoranError(tr("Le référentiel {0} existe déjà.").format(path))
        if not path.parent.is_dir():
            raise ScoranError(tr("Le dossier {0} n'existe pas.").format(path.parent))
        partial = path.with_name(path.stem + ".partiel.gpkg")
        try:
            partial.unlink(missing_ok=True)
            gpkg.create_empty(partial)
        except (OSError, RuntimeError) as error:  # GDAL raises RuntimeError when it cannot write
            try:
                partial.unlink(missing_ok=True)
            except OSError:
                pass
            raise ScoranError(tr("Impossible de créer le référentiel {0} : le dossier {1} est protégé en écriture "
                                 "ou le disque est plein ({2}).").format(path, path.parent, error)) from None
        try:
            store = cls(partial)
            with store.transaction() as conn:
                conn.execute("CREATE TABLE scoran_meta (cle TEXT PRIMARY KEY, valeur TEXT)")
                gpkg.register_attributes_table(conn, "scoran_meta", "Métadonnées du référentiel SCORAN")
                conn.executemany(
                    "INSERT INTO scoran_meta VALUES (?, ?)",
                    [("schema_version", "0"), ("crs", str(crs_epsg)), ("cree_par", _plugin_version())],
                )
            store._migrate(up_to_version or schema.CURRENT_VERSION)
            os.replace(partial, path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return cls(path)

    @classmethod
    def open(cls, path, migrate: bool = True) -> ScoranStore:
        """Open an existing store, migrating it to the current schema when it is older."""
        if cls is ScoranStore and is_postgres_store(path):
            from .pgstore import PgStore

            return PgStore.open(path, migrate)
        store = cls(path)
        if store.path.is_dir():
            raise ScoranError(tr("{0} est un dossier, pas un référentiel SCORAN : choisissez le fichier .gpkg du "
                                 "référentiel.").format(store.path))
        if not store.path.is_file():
            if store.path.suffix.lower() not in GEOPACKAGE_SUFFIXES:
                raise unknown_store_error(store.path)
            raise ScoranError(tr("Référentiel SCORAN introuvable : {0}").format(store.path))
        version = store.schema_version()
        if version > schema.CURRENT_VERSION:
            raise newer_version_error(store.path, version)
        if version < schema.CURRENT_VERSION and migrate:
            store._check_writable(
                tr("Le référentiel {0} doit être mis à jour (schéma {1} vers {2}) mais il est en lecture seule "
                   "(fichier ou dossier protégé en écriture) ; le fichier n'a pas été modifié. Copiez-le dans un "
                   "dossier où vous pouvez écrire.").format(store.path, version, schema.CURRENT_VERSION))
            backup = store.path.with_name(f"{store.path.stem}.schema{version}.bak{store.path.suffix}")
            try:
                shutil.copy2(store.path, backup)
            except OSError as error:
                backup.unlink(missing_ok=True)
                raise ScoranError(tr("Copie de sauvegarde impossible avant la mise à jour du référentiel {0} : dossier "
                                     "en lecture seule ou disque plein ({1}) ; le fichier n'a pas été "
                                     "modifié.").format(store.path, error)) from None
            store._migrate(schema.CURRENT_VERSION)
        return store

    def _check_writable(self, message: str) -> None:
        """Raise ScoranError(`message`) when the store cannot be written; the file is left as it was.

        A write rolled back before commit: SQLite needs its journal (folder) and the file to be
        writable for it, and the file itself is not changed.
        """
        try:
            conn = self._check_is_store(self._connect())
        except sqlite3.Error:
            raise ScoranError(message) from None
        try:
            conn.execute("BEGIN IMMEDIATE")
            # a real change: SQLite may skip an update that writes the same value
            conn.execute("INSERT OR REPLACE INTO scoran_meta (cle, valeur) VALUES ('verification_ecriture', '')")
        except sqlite3.Error as error:
            if "locked" in str(error) or "busy" in str(error):
                raise translate_sqlite_error(error, self.path) from None
            raise ScoranError(message) from None
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            conn.close()

    @classmethod
    def open_or_create(cls, path, crs_epsg: int = LAMBERT_93) -> ScoranStore:
        if cls is ScoranStore and is_postgres_store(path):
            from .pgstore import PgStore

            return PgStore.open_or_create(path, crs_epsg)
        return cls.open(path) if Path(path).exists() else cls.create(path, crs_epsg)

    def _migrate(self, target: int) -> None:
        for migration in schema.MIGRATIONS:
            if self.schema_version() < migration.version <= target:
                with self.transaction() as conn:
                    schema.apply(conn, migration, self.crs_epsg(conn))
                    self._set_meta(conn, "schema_version", str(migration.version))
                    conn.execute(
                        "INSERT INTO analyses (algorithme, parametres, version_extension) VALUES (?, ?, ?)",
                        ("migration", f"schéma {migration.version} : {migration.title}", _plugin_version()),
                    )

    # --- connections and transactions ----------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if self.path.is_dir():
            raise ScoranError(tr("{0} est un dossier, pas un référentiel SCORAN : choisissez le fichier .gpkg du "
                                 "référentiel.").format(self.path))
        try:
            conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
            gpkg.register_functions(conn)
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as error:
            raise translate_sqlite_error(error, self.path) from None
        return conn

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """A read connection (autocommit); use `transaction()` for writes."""
        conn = self._check_is_store(self._connect())
        try:
            yield conn
        except ScoranError:
            raise
        except sqlite3.Error as error:
            raise translate_sqlite_error(error, self.path) from error
        finally:
            conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Everything written inside is committed together, or rolled back on any exception."""
        conn = self._check_is_store(self._connect())
        try:
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise translate_sqlite_error(error, self.path) from None
            try:
                yield conn
            except BaseException as error:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(error, sqlite3.Error) and not isinstance(error, ScoranError):
                    raise translate_sqlite_error(error, self.path) from error
                raise
            try:
                conn.execute("COMMIT")
            except sqlite3.Error as error:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise translate_sqlite_error(error, self.path) from error
        finally:
            conn.close()

    def _check_is_store(self, conn: sqlite3.Connection) -> sqlite3.Connection:
        try:
            application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        except sqlite3.DatabaseError:
            application_id = None
        if application_id != gpkg.GPKG_APPLICATION_ID:
            conn.close()
            raise ScoranError(tr("{0} n'est pas un GeoPackage (ni un référentiel SCORAN) : choisissez le fichier "
                                 ".gpkg du référentiel.").format(self.path))
        return conn

    # --- metadata ------------------------------------------------------------------------------
    def meta(self, key: str, conn: sqlite3.Connection | None = None) -> str | None:
        if conn is None:
            with self.connection() as own:
                return self.meta(key, own)
        try:
            row = conn.execute("SELECT valeur FROM scoran_meta WHERE cle = ?", (key,)).fetchone()
        except sqlite3.OperationalError:
            return None
        return row[0] if row else None

    @staticmethod
    def _set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
        conn.execute("INSERT OR REPLACE INTO scoran_meta (cle, valeur) VALUES (?, ?)", (key, value))

    def schema_version(self) -> int:
        value = self.meta("schema_version")
        if value is None:
            raise ScoranError(tr("{0} n'est pas un référentiel SCORAN (table scoran_meta absente).").format(self.path))
        try:
            return int(str(value).strip())
        except ValueError:
            raise ScoranError(tr("Le référentiel {0} porte une version de schéma illisible : « {1} » (un nombre entier "
                                 "est attendu). Le fichier a été modifié hors de l'extension ; restaurez une "
                                 "sauvegarde.").format(self.path, value)) from None

    def crs_epsg(self, conn: sqlite3.Connection | None = None) -> int:
        value = self.meta("crs", conn)
        try:
            return int(str(value).strip()) if value not in (None, "") else LAMBERT_93
        except ValueError:
            raise ScoranError(tr("Le référentiel {0} porte un code de projection illisible : « {1} » (code EPSG "
                                 "entier attendu, ex. 2154).").format(self.path, value)) from None

    def tables(self) -> list[str]:
        with self.connection() as conn:
            return [row[0] for row in conn.execute("SELECT table_name FROM gpkg_contents ORDER BY table_name")]

    def geometry_epsg(self, table: str, conn: sqlite3.Connection) -> int | None:
        row = conn.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (table,)).fetchone()
        return row[0] if row else None

    def uri(self, table: str) -> str:
        """OGR data source URI of a table, for QgsVectorLayer(uri, name, store.provider)."""
        return f"{self.path}|layername={table}"

    provider = "ogr"  # the QGIS data provider of `uri()`

    def layer_source(self, table: str) -> str:
        """A Processing layer parameter's value for a table of the store (what `chain.steps` passes)."""
        return self.uri(table)

    @property
    def reference(self) -> str:
        """The STORE parameter's value naming this store (its path; a PostgreSQL reference without password)."""
        return str(self.path)

    def ogr_source(self) -> str:
        """What `osgeo.ogr.Open` reads the store's tables from (its path; `PG:… active_schema=` on PostgreSQL)."""
        return str(self.path)

    @staticmethod
    def wkb_sql(column: str = "geom") -> str:
        """SQL reading a geometry column as bytes that `gpkg.blob_to_wkb` turns into WKB, on either backend."""
        return f'"{column}"'

    # --- generic writes ------------------------------------------------------------------------
    def insert(
        self,
        conn: sqlite3.Connection,
        table: str,
        rows: Iterable[Mapping],
        replace: bool = False,
    ) -> int:
        """Insert dict rows (a `geom` entry holds WKB); returns the count. Runs in the caller's transaction."""
        rows = list(rows)
        if not rows:
            return 0
        columns = list(rows[0].keys())
        epsg = self.geometry_epsg(table, conn) if "geom" in columns else None
        values = (
            tuple(gpkg.to_blob(row[c], epsg) if c == "geom" else row[c] for c in columns) for row in rows
        )
        verb = "INSERT OR REPLACE" if replace else "INSERT"
        quoted = ", ".join(f'"{c}"' for c in columns)
        placeholders = ", ".join("?" for _ in columns)
        conn.executemany(f'{verb} INTO "{table}" ({quoted}) VALUES ({placeholders})', values)
        if epsg is not None:
            gpkg.refresh_extent(conn, table)
        return len(rows)

    def count(self, table: str) -> int:
        with self.connection() as conn:
            return conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]

    # --- semesters -----------------------------------------------------------------------------
    def add_millesime(self, conn: sqlite3.Connection, code: str, commentaire: str | None = None) -> Millesime:
        """Declare a semester (idempotent)."""
        millesime = Millesime.parse(code)
        conn.execute(
            "INSERT OR IGNORE INTO millesimes (code, libelle, date_reference, commentaire) VALUES (?, ?, ?, ?)",
            (str(millesime), millesime.label, millesime.end.isoformat(), commentaire),
        )
        return millesime

    def millesimes(self) -> list[str]:
        with self.connection() as conn:
            return [row[0] for row in conn.execute("SELECT code FROM millesimes ORDER BY code")]

    def log_run(self, conn: sqlite3.Connection, algorithm: str, parameters: str, summary: str, millesime=None):
        conn.execute(
            "INSERT INTO analyses (millesime, algorithme, parametres, resume, version_extension)"
            " VALUES (?, ?, ?, ?, ?)",
            (millesime, algorithm, parameters, summary, _plugin_version()),
        )

    # --- queries used by the docks, exports and algorithms (SQL stays in core/) -------------------
    def _rows(self, sql: str, parameters=()) -> list[tuple]:
        with self.connection() as conn:
            return conn.execute(sql, parameters).fetchall()

    def _frame(self, sql: str, parameters=()):
        import pandas as pd

        with self.connection() as conn:
            return pd.read_sql_query(sql, conn, params=parameters)

    def department_codes(self) -> list[str]:
        """INSEE codes of the store's departments, sorted."""
        return [row[0] for row in self._rows("SELECT insee_dep FROM departements ORDER BY insee_dep")]

    def departments(self) -> list[tuple[str, str]]:
        """(INSEE code, name) of the store's departments, sorted by code."""
        return self._rows("SELECT insee_dep, nom FROM departements ORDER BY insee_dep")

    def regions(self) -> list[tuple[str, str]]:
        """(INSEE code, name) of the store's region(s)."""
        return self._rows("SELECT insee_reg, nom FROM regions ORDER BY insee_reg")

    def commune_codes(self) -> set[str]:
        """INSEE codes of the store's communes."""
        return {row[0] for row in self._rows("SELECT insee_com FROM communes")}

    def commune_names(self) -> dict[str, str]:
        """INSEE code → name of the store's communes."""
        return dict(self._rows("SELECT insee_com, nom FROM communes"))

    def epci_departments(self) -> dict[str, set[str]]:
        """SIREN of each EPCI → the départements of its communes."""
        found = {}
        for siren, dep in self._rows("SELECT DISTINCT siren_epci, insee_dep FROM communes "
                                     "WHERE siren_epci IS NOT NULL"):
            found.setdefault(str(siren), set()).add(str(dep))
        return found

    def phase_communes(self) -> dict[str, list[str]]:
        """RIP phase → the INSEE codes of the communes it lists (rip_phases_communes)."""
        found = {}
        for phase, insee in self._rows("SELECT phase_id, insee_com FROM rip_phases_communes"):
            found.setdefault(str(phase), []).append(str(insee))
        return found

    def amii_commune_codes(self) -> list[str]:
        """INSEE codes of the communes under an AMII (private) plan."""
        return [row[0] for row in self._rows("SELECT insee_com FROM amii_communes ORDER BY insee_com")]

    def rip_phases(self):
        """The RIP phases' attributes (no geometry) as a DataFrame, by project then phase."""
        return self._frame("SELECT phase_id, rip_id, nom, technologie, semestre_debut, semestre_fin, locaux_prevus, "
                           "statut FROM rip_phases ORDER BY rip_id, phase_id")

    def amii_conventions(self):
        """AMII communes with their name, operators, convention and completion, as a DataFrame."""
        return self._frame("SELECT a.insee_com, c.nom, a.operateurs, a.convention_signee, a.date_convention, "
                           "a.annee_fin_prevue, a.locaux_total, a.locaux_raccordables FROM amii_communes a "
                           "LEFT JOIN communes c USING (insee_com) ORDER BY a.insee_com")

    def amii_calendars(self) -> list[tuple[str, int, int, int]]:
        """Per group of AMII operators: (operators, first year, last year, number of communes)."""
        return self._rows("SELECT a.operateurs, min(c.annee), max(c.annee), count(DISTINCT a.insee_com) "
                          "FROM amii_communes a JOIN amii_calendrier c USING (insee_com) "
                          "GROUP BY a.operateurs ORDER BY a.operateurs")


def _read_only(path) -> sqlite3.Connection:
    """A read-only connection to any SQLite file (paths with spaces, # or ? included)."""
    return sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)


def geopackage_tables(path) -> set[str] | None:
    """Names of the tables registered in any GeoPackage (None when the file is not one); read-only."""
    try:
        conn = _read_only(path)
    except sqlite3.Error:
        return None
    try:
        return {row[0] for row in conn.execute("SELECT table_name FROM gpkg_contents")}
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def read_layer_table(path, columns: list | None = None):
    """Attributes (no fid, no geometry) of the feature layer of a GeoPackage written by the chain."""
    import pandas as pd

    try:
        conn = _read_only(path)
        try:
            row = conn.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").fetchone()
            if row is None:
                raise ScoranError(tr("{0} ne contient aucune couche.").format(path))
            frame = pd.read_sql_query(f'SELECT * FROM "{row[0]}"', conn)
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise ScoranError(tr("{0} n'est pas un GeoPackage lisible ({1}).").format(path, error)) from None
    frame = frame.drop(columns=[c for c in ("fid", "geom") if c in frame])
    return frame[columns] if columns else frame
