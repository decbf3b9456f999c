"""The SCORAN store on PostgreSQL/PostGIS: one schema (default `scoran`) holding the GeoPackage store's tables.

The schema, its versions and migrations are those of `schema.py`, translated by its PostgreSQL dialect
(`schema.postgres_statements`). `PgStore` shares `ScoranStore`'s public API; `ScoranStore.open(value)`
and `ScoranStore.create(value)` return one when `value` names a PostgreSQL database (a libpq string such
as `service=scoran` or `host=… dbname=…`, optionally with `schema=…`).

The callers' SQL is written for SQLite (`?` placeholders, `INSERT OR REPLACE`, `strftime(… 'now')`): the
connection given by `connection()` / `transaction()` translates these few forms (`PgConnection`); values
always travel as parameters, never inside the SQL text.
"""

from __future__ import annotations

import re
import warnings
from contextlib import contextmanager
from typing import Iterable, Iterator, Mapping
from urllib.parse import parse_qsl, urlsplit

import psycopg2
import psycopg2.extensions
import psycopg2.extras

from . import pg, schema
from . import store as store_module
from .codes import LAMBERT_93
from .errors import ScoranError, StoreLockedError
from .i18n import tr
from .pg import redacted
from .store import (
    BUSY_TIMEOUT_S,
    ScoranStore,
    StoreDatabaseError,
    StoreIntegrityError,
    StoreOperationalError,
    _plugin_version,
    newer_version_error,
)

DEFAULT_SCHEMA = "scoran"
_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

# pandas 1.x warns for every DBAPI connection but sqlite3's; ours goes through the same code path
_PANDAS_WARNING = "pandas only supports SQLAlchemy connectable"
warnings.filterwarnings("ignore", message=_PANDAS_WARNING, category=UserWarning)


@contextmanager
def _quiet_pandas():
    """The warning above silenced while a connection is used (pytest and others reset the filters)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=_PANDAS_WARNING, category=UserWarning)
        yield

# PostgreSQL's numeric (avg(), sums of numerics) read as float, as SQLite gives them
_NUMERIC_AS_FLOAT = psycopg2.extensions.new_type(
    psycopg2.extensions.DECIMAL.values, "SCORAN_NUMERIC_AS_FLOAT", lambda value, cursor: None if value is None
    else float(value))

def is_postgres_store(value) -> bool:
    """True when `value` names a PostgreSQL database rather than a GeoPackage file (core/pg.py, `schema=` aside)."""
    return store_module.is_postgres_store(value)


def _without_schema(value: str) -> tuple[str, str | None]:
    return store_module.split_schema(value)


def _open_connection(conninfo: str):
    """A psycopg2 connection (core/pg.py: libpq string, URI, saved QGIS connection; French errors)."""
    return pg.connect(conninfo, require_postgis=False)


# --- the SQLite forms of the callers' SQL, on PostgreSQL ------------------------------------------
_QUOTED = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"")
_INSERT_OR = re.compile(r"^\s*INSERT\s+OR\s+(REPLACE|IGNORE)\s+INTO\s+(\"(?:[^\"]|\"\")+\"|\w+)\s*\(([^)]*)\)",
                        re.IGNORECASE)


def _placeholders(sql: str) -> str:
    """`?` → `%s` outside quotes; every `%` doubled (psycopg2 reads `%` everywhere when given parameters)."""
    parts, last = [], 0
    for quoted in _QUOTED.finditer(sql):
        parts += [sql[last:quoted.start()].replace("%", "%%").replace("?", "%s"), quoted.group(0).replace("%", "%%")]
        last = quoted.end()
    parts.append(sql[last:].replace("%", "%%").replace("?", "%s"))
    return "".join(parts)


def unique_keys(cursor, table: str) -> list[list[str]]:
    """The columns of each unique index of `table` (primary key first)."""
    cursor.execute(
        "SELECT array_agg(a.attname::text ORDER BY k.n) FROM pg_index i"
        " CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)"
        " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
        " WHERE i.indrelid = to_regclass(quote_ident(%s)) AND i.indisunique"
        " GROUP BY i.indexrelid, i.indisprimary ORDER BY i.indisprimary DESC, i.indexrelid", (table,))
    return [list(row[0]) for row in cursor.fetchall()]


def _unquote(name: str) -> str:
    name = name.strip()
    return name[1:-1].replace('""', '"') if name.startswith('"') else name


def conflict_clause(cursor, table: str, columns: list[str], replace: bool) -> str:
    """ON CONFLICT clause of SQLite's INSERT OR REPLACE / OR IGNORE: the first unique key the row fills."""
    if not replace:
        return " ON CONFLICT DO NOTHING"
    for key in unique_keys(cursor, table):
        if set(key) <= set(columns):
            others = [c for c in columns if c not in key]
            target = ", ".join(f'"{c}"' for c in key)
            if not others:
                return f" ON CONFLICT ({target}) DO NOTHING"
            return f" ON CONFLICT ({target}) DO UPDATE SET " + ", ".join(f'"{c}" = EXCLUDED."{c}"' for c in others)
    return ""


def translate(sql: str, cursor) -> str:
    """The PostgreSQL form of one statement written for the SQLite store."""
    sql = sql.replace(schema.SQLITE_NOW_TEXT, schema.PG_NOW_TEXT)
    suffix = ""
    match = _INSERT_OR.match(sql)
    if match:
        table = _unquote(match.group(2))
        columns = [_unquote(c) for c in match.group(3).split(",")]
        suffix = conflict_clause(cursor, table, columns, match.group(1).upper() == "REPLACE")
        sql = sql[:match.start()] + f"INSERT INTO {match.group(2)} ({match.group(3)})" + sql[match.end():]
        sql = sql.rstrip().rstrip(";")
    return _placeholders(sql) + suffix


class _Cursor(psycopg2.extensions.cursor):
    """A cursor that takes the store's SQLite-style SQL (what pandas.read_sql_query and the callers use)."""

    def execute(self, sql, parameters=None):
        if isinstance(sql, bytes):  # already PostgreSQL: the pages of execute_batch
            return super().execute(sql, parameters)
        helper = self.connection.cursor()
        try:
            translated = translate(sql, helper)
        finally:
            helper.close()
        super().execute(translated, tuple(parameters) if parameters is not None else ())
        return self

    def executemany(self, sql, rows):
        rows = [tuple(row) for row in rows]
        helper = self.connection.cursor()
        try:
            translated = translate(sql, helper)
        finally:
            helper.close()
        if rows:
            psycopg2.extras.execute_batch(self, translated, rows, page_size=1000)
        return self


class PgConnection:
    """What `connection()` / `transaction()` yield: the sqlite3.Connection methods the callers use."""

    def __init__(self, raw):
        self.raw = raw  # the psycopg2 connection, for PostgreSQL-only code

    def cursor(self) -> _Cursor:
        return self.raw.cursor(cursor_factory=_Cursor)

    def execute(self, sql: str, parameters=()) -> _Cursor:
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql: str, rows) -> _Cursor:
        return self.cursor().executemany(sql, rows)

    def commit(self) -> None:
        self.raw.commit()

    def rollback(self) -> None:
        self.raw.rollback()

    def close(self) -> None:
        self.raw.close()

    @property
    def in_transaction(self) -> bool:
        return self.raw.get_transaction_status() != psycopg2.extensions.TRANSACTION_STATUS_IDLE


class PgStore(ScoranStore):
    """A SCORAN store in one schema of a PostgreSQL/PostGIS database."""

    is_postgres = True
    label = ""  # set per store (the base class derives it from the path)

    def __init__(self, value, schema_name: str | None = None):  # noqa: D107 - no path: see `label`
        self.value = str(value).strip()
        self.conninfo, found = _without_schema(self.value)
        self.schema = schema_name or found or DEFAULT_SCHEMA
        if not _SCHEMA_NAME.match(self.schema):
            raise ScoranError(tr("Nom de schéma PostgreSQL invalide : « {0} » (lettres minuscules sans accent, "
                                 "chiffres et _, 63 caractères au plus, ex. scoran).").format(self.schema))
        self.label = tr("{0} (schéma {1})").format(redacted(self.conninfo), self.schema)

    def __repr__(self):
        return f"PgStore({self.label!r})"

    @property
    def path(self):
        """No file: code that still needs one (lock file, OGR, backups) stops with a clear message."""
        raise ScoranError(tr("Cette opération n'est pas encore disponible pour un référentiel PostgreSQL ({0}) : "
                             "utilisez un référentiel GeoPackage (.gpkg).").format(self.label))

    # --- errors ---------------------------------------------------------------------------------
    def _error(self, error: psycopg2.Error) -> ScoranError:
        """The user-facing error of a PostgreSQL failure (the transaction was rolled back)."""
        code = getattr(error, "pgcode", None) or ""
        diag = getattr(error, "diag", None)
        text = (diag.message_primary if diag is not None and diag.message_primary else str(error)).strip()
        if diag is not None and diag.constraint_name:
            text = f"{text} ({diag.constraint_name})"
        if code in ("55P03", "40P01", "40001"):  # lock not available, deadlock, serialization
            return StoreLockedError(tr("Le référentiel {0} est en cours d'écriture par une autre session. "
                                       "Réessayez quand elle aura terminé.").format(self.label))
        if code == "42501":
            return StoreOperationalError(tr("Le référentiel {0} refuse cette écriture : votre rôle PostgreSQL n'a "
                                            "pas les droits nécessaires ({1}). Rien n'a été modifié.").format(
                self.label, text))
        if isinstance(error, psycopg2.IntegrityError):
            return StoreIntegrityError(tr("Le référentiel {0} refuse ces données (contrainte non respectée : {1}) : "
                                          "rien n'a été modifié.").format(self.label, text))
        if isinstance(error, psycopg2.OperationalError):
            return StoreOperationalError(tr("Connexion au référentiel {0} impossible ou interrompue : {1}. Rien n'a "
                                            "été modifié.").format(self.label, text))
        return StoreDatabaseError(tr("Erreur du référentiel {0} : {1}. Rien n'a été modifié.").format(self.label, text))

    # --- connections and transactions -------------------------------------------------------------
    def _connect(self):
        try:
            raw = _open_connection(self.conninfo)
        except psycopg2.Error as error:
            raise StoreOperationalError(tr("Connexion au référentiel {0} impossible : {1}").format(
                self.label, str(error).strip())) from None
        try:
            raw.autocommit = True
            psycopg2.extensions.register_type(_NUMERIC_AS_FLOAT, raw)
            with raw.cursor() as cursor:
                cursor.execute("SELECT set_config('search_path', quote_ident(%s) || ', ' || "
                               "current_setting('search_path'), false), set_config('lock_timeout', %s, false)",
                               (self.schema, f"{int(BUSY_TIMEOUT_S * 1000)}ms"))
        except psycopg2.Error as error:
            raw.close()
            raise self._error(error) from None
        return raw

    def _is_store(self, cursor) -> bool:
        cursor.execute("SELECT to_regclass(quote_ident(%s) || '.scoran_meta') IS NOT NULL", (self.schema,))
        return bool(cursor.fetchone()[0])

    def _check_is_store(self, raw):
        with raw.cursor() as cursor:
            found = self._is_store(cursor)
        if not found:
            raw.close()
            raise ScoranError(tr("{0} n'est pas un référentiel SCORAN (table scoran_meta absente).").format(self.label))
        return raw

    @contextmanager
    def connection(self) -> Iterator[PgConnection]:
        """A read connection (autocommit); use `transaction()` for writes."""
        raw = self._check_is_store(self._connect())
        try:
            with _quiet_pandas():
                yield PgConnection(raw)
        except ScoranError:
            raise
        except psycopg2.Error as error:
            raise self._error(error) from error
        finally:
            raw.close()

    @contextmanager
    def transaction(self) -> Iterator[PgConnection]:
        """Everything written inside is committed together (BEGIN … COMMIT), or rolled back on any exception."""
        raw = self._check_is_store(self._connect())
        try:
            raw.autocommit = False  # psycopg2 sends BEGIN before the first statement
            try:
                with _quiet_pandas():
                    yield PgConnection(raw)
            except BaseException as error:
                raw.rollback()
                if isinstance(error, psycopg2.Error):
                    raise self._error(error) from error
                raise
            try:
                raw.commit()
            except psycopg2.Error as error:
                raw.rollback()
                raise self._error(error) from error
        finally:
            raw.close()

    # --- creation, opening, migrations --------------------------------------------------------------
    @classmethod
    def create(cls, path, crs_epsg: int = LAMBERT_93, up_to_version: int | None = None, fill=None) -> PgStore:
        """Create the store's schema, its meta table and every step, in one transaction (all or nothing).

        `fill(store, conn)`, when given, writes the new store's rows in that same transaction (a copy)."""
        store = cls(path)
        raw = store._connect()
        try:
            raw.autocommit = False
            conn = PgConnection(raw)
            cursor = raw.cursor()
            cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")
            if cursor.fetchone() is None:
                raise ScoranError(tr("L'extension PostGIS n'est pas installée dans la base {0} : un administrateur "
                                     "l'installe avec « CREATE EXTENSION postgis; ».").format(redacted(store.conninfo)))
            if store._is_store(cursor):
                raise ScoranError(tr("Le référentiel {0} existe déjà.").format(store.label))
            cursor.execute("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                           "WHERE n.nspname = %s", (store.schema,))
            if cursor.fetchone()[0]:
                raise ScoranError(tr("Le schéma {0} de la base {1} contient déjà des tables et n'est pas un "
                                     "référentiel SCORAN : choisissez un autre schéma (schema=…).").format(
                    store.schema, redacted(store.conninfo)))
            cursor.execute("SELECT 1 FROM spatial_ref_sys WHERE srid = %s", (int(crs_epsg),))
            if cursor.fetchone() is None:
                raise ScoranError(tr("Projection EPSG:{0} inconnue de PostGIS (table spatial_ref_sys).").format(
                    crs_epsg))
            cursor.execute(f'CREATE SCHEMA IF NOT EXISTS "{store.schema}"')
            cursor.execute('CREATE TABLE scoran_meta (cle TEXT COLLATE "C" PRIMARY KEY, valeur TEXT)')
            cursor.execute("COMMENT ON TABLE scoran_meta IS %s", ("Métadonnées du référentiel SCORAN",))
            cursor.executemany("INSERT INTO scoran_meta VALUES (%s, %s)",
                               [("schema_version", "0"), ("crs", str(int(crs_epsg))), ("cree_par", _plugin_version())])
            for migration in schema.MIGRATIONS:
                if migration.version <= (up_to_version or schema.CURRENT_VERSION):
                    store._apply(conn, migration, int(crs_epsg))
            if fill is not None:
                with _quiet_pandas():
                    fill(store, conn)
            raw.commit()
        except BaseException as error:
            if not raw.closed:
                raw.rollback()
            if isinstance(error, psycopg2.Error):
                raise store._error(error) from None
            raise
        finally:
            raw.close()
        return store

    @classmethod
    def open(cls, path, migrate: bool = True) -> PgStore:
        """Open an existing store, migrating it to the current schema (one transaction per step)."""
        store = cls(path)
        version = store.schema_version()
        if version > schema.CURRENT_VERSION:
            raise newer_version_error(store.label, version)
        if version < schema.CURRENT_VERSION and migrate:
            store._migrate(schema.CURRENT_VERSION)
        return store

    def exists(self) -> bool:
        """True when the schema holds a SCORAN store (its scoran_meta table)."""
        raw = self._connect()
        try:
            with raw.cursor() as cursor:
                return self._is_store(cursor)
        finally:
            raw.close()

    @classmethod
    def open_or_create(cls, path, crs_epsg: int = LAMBERT_93) -> PgStore:
        return cls.open(path) if cls(path).exists() else cls.create(path, crs_epsg)

    def _apply(self, conn: PgConnection, migration, epsg: int) -> None:
        cursor = conn.raw.cursor()
        for statement, parameters in schema.postgres_statements(migration, epsg):
            cursor.execute(statement, parameters)
        cursor.execute("UPDATE scoran_meta SET valeur = %s WHERE cle = 'schema_version'", (str(migration.version),))
        cursor.execute("INSERT INTO analyses (algorithme, parametres, version_extension) VALUES (%s, %s, %s)",
                       ("migration", f"schéma {migration.version} : {migration.title}", _plugin_version()))

    def _migrate(self, target: int) -> None:
        for migration in schema.MIGRATIONS:
            if migration.version > target:
                break
            with self.transaction() as conn:
                cursor = conn.raw.cursor()
                cursor.execute("SELECT valeur FROM scoran_meta WHERE cle = 'schema_version'")
                if int(cursor.fetchone()[0]) >= migration.version:
                    continue
                cursor.execute("SELECT has_schema_privilege(%s, 'CREATE')", (self.schema,))
                if not cursor.fetchone()[0]:
                    raise ScoranError(tr("Le référentiel {0} doit être mis à jour (schéma {1}) mais votre rôle "
                                         "PostgreSQL ne peut pas créer de table dans le schéma {2} : demandez à "
                                         "l'administrateur de l'ouvrir une fois avec un rôle propriétaire ; rien n'a "
                                         "été modifié.").format(self.label, migration.version, self.schema))
                # the version row locked: two sessions opening an old store at once apply each step once
                cursor.execute("SELECT valeur FROM scoran_meta WHERE cle = 'schema_version' FOR UPDATE")
                if int(cursor.fetchone()[0]) >= migration.version:
                    continue
                self._apply(conn, migration, self.crs_epsg(conn))

    # --- metadata ---------------------------------------------------------------------------------
    def meta(self, key: str, conn: PgConnection | None = None) -> str | None:
        if conn is None:
            with self.connection() as own:
                return self.meta(key, own)
        row = conn.execute("SELECT valeur FROM scoran_meta WHERE cle = ?", (key,)).fetchone()
        return row[0] if row else None

    def schema_version(self) -> int:
        value = self.meta("schema_version")
        try:
            return int(str(value).strip())
        except ValueError:
            raise ScoranError(tr("Le référentiel {0} porte une version de schéma illisible : « {1} » (un nombre entier "
                                 "est attendu). Le fichier a été modifié hors de l'extension ; restaurez une "
                                 "sauvegarde.").format(self.label, value)) from None

    def crs_epsg(self, conn: PgConnection | None = None) -> int:
        value = self.meta("crs", conn)
        try:
            return int(str(value).strip()) if value not in (None, "") else LAMBERT_93
        except ValueError:
            raise ScoranError(tr("Le référentiel {0} porte un code de projection illisible : « {1} » (code EPSG "
                                 "entier attendu, ex. 2154).").format(self.label, value)) from None

    def tables(self) -> list[str]:
        with self.connection() as conn:
            return [row[0] for row in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = ? "
                                                   "ORDER BY tablename", (self.schema,))]

    def geometry_epsg(self, table: str, conn: PgConnection) -> int | None:
        row = conn.execute("SELECT srid FROM geometry_columns WHERE f_table_schema = ? AND f_table_name = ?",
                           (self.schema, table)).fetchone()
        return row[0] if row else None

    def _geometry_type(self, table: str, conn: PgConnection) -> str | None:
        row = conn.execute("SELECT type FROM geometry_columns WHERE f_table_schema = ? AND f_table_name = ?",
                           (self.schema, table)).fetchone()
        return row[0] if row else None

    provider = "postgres"  # the QGIS data provider of `uri()`

    def layer_source(self, table: str) -> str:
        """A Processing layer parameter's value for a table of the store: `postgres://` + its QGIS URI."""
        return "postgres://" + self.uri(table)

    @property
    def reference(self) -> str:
        """The STORE parameter's value naming this store (as given: a service, a connection name, a libpq string)."""
        return self.value

    def ogr_source(self) -> str:
        """What `osgeo.ogr.Open` reads the store's tables from: `PG:<connection> active_schema=<schema>`."""
        return f"PG:{_key_values(pg.resolve(self.conninfo).conninfo)} active_schema={self.schema}"

    @staticmethod
    def wkb_sql(column: str = "geom") -> str:
        """SQL reading a geometry column as WKB bytes (what `gpkg.blob_to_wkb` returns unchanged)."""
        return f'ST_AsBinary("{column}")'

    def uri(self, table: str) -> str:
        """QGIS data source URI of a table, for QgsVectorLayer(uri, name, 'postgres') — without any password."""
        connection = qgis_connection(self.conninfo)
        geometry = None
        with self.connection() as conn:
            row = conn.execute("SELECT type, srid FROM geometry_columns WHERE f_table_schema = ? AND f_table_name = ?",
                               (self.schema, table)).fetchone()
            if row:
                geometry = (PG_TO_QGIS_TYPES.get(row[0].upper(), row[0]), row[1])
        if geometry:
            return (f"{connection} key='fid' srid={geometry[1]} type={geometry[0]} checkPrimaryKeyUnicity='0' "
                    f'table="{self.schema}"."{table}" (geom)')
        return f'{connection} table="{self.schema}"."{table}"'

    # --- generic writes -----------------------------------------------------------------------------
    def insert(self, conn: PgConnection, table: str, rows: Iterable[Mapping], replace: bool = False) -> int:
        """Insert dict rows (a `geom` entry holds WKB); returns the count. Runs in the caller's transaction."""
        rows = list(rows)
        if not rows:
            return 0
        columns = list(rows[0].keys())
        values = []
        if "geom" in columns:
            epsg, kind = self.geometry_epsg(table, conn), (self._geometry_type(table, conn) or "").upper()
            geometry = f"ST_GeomFromWKB(%s, {int(epsg)})" if epsg is not None else "ST_GeomFromWKB(%s)"
            if kind.startswith("MULTI"):
                geometry = f"ST_Multi({geometry})"
        template = "(" + ", ".join(geometry if c == "geom" else "%s" for c in columns) + ")"
        for row in rows:
            values.append(tuple(_value(row[c], c == "geom") for c in columns))
        quoted = ", ".join(f'"{c}"' for c in columns)
        cursor = conn.raw.cursor()
        suffix = conflict_clause(cursor, table, columns, True) if replace else ""
        psycopg2.extras.execute_values(cursor, f'INSERT INTO "{table}" ({quoted}) VALUES %s{suffix}', values,
                                       template=template, page_size=1000)
        return len(rows)


PG_TO_QGIS_TYPES = {"POINT": "Point", "MULTIPOINT": "MultiPoint", "LINESTRING": "LineString",
                    "MULTILINESTRING": "MultiLineString", "POLYGON": "Polygon", "MULTIPOLYGON": "MultiPolygon"}


def qgis_connection(reference: str) -> str:
    """The connection part of a QGIS layer URI, never with a password: a saved QGIS connection whose
    credentials sit in the QGIS authentication database keeps its `authcfg=<id>` (QGIS authenticates the
    layer with it); any other reference loses its password (libpq then reads .pgpass / the service file)."""
    authcfg_connection = _saved_authcfg_connection(reference)
    if authcfg_connection:
        return authcfg_connection
    return _key_values(redacted(pg.resolve(reference).conninfo))


def _saved_authcfg_connection(reference: str) -> str | None:
    """For the name of a saved QGIS PostgreSQL connection using an authentication configuration: its
    connection info with `authcfg=<id>` and neither user nor password; None otherwise."""
    reference = str(reference).strip()
    if pg.is_postgres_store(reference) and (pg._URI_START.match(reference) or pg._looks_like_libpq(reference)):
        return None
    metadata = pg._postgres_metadata()
    if metadata is None:
        return None
    try:
        connection = metadata.findConnection(reference, False)
    except Exception:  # QgsProviderConnectionException: not a saved connection
        return None
    if connection is None:
        return None
    from qgis.core import QgsDataSourceUri

    uri = QgsDataSourceUri(connection.uri())
    if not uri.authConfigId():
        return None
    uri.setUsername("")
    uri.setPassword("")
    return uri.connectionInfo(False)


def _key_values(connection: str) -> str:
    """A libpq connection string as key=value pairs (a postgresql:// URI converted; GDAL and QGIS read these)."""
    if connection.startswith(("postgres://", "postgresql://")):
        parts = urlsplit(connection)
        keys = {"host": parts.hostname, "port": parts.port, "user": parts.username, "password": parts.password,
                "dbname": parts.path.lstrip("/") or None, **dict(parse_qsl(parts.query))}
        connection = " ".join(f"{k}={_quote(v)}" for k, v in keys.items() if v not in (None, ""))
    return connection


def _quote(value) -> str:
    text = str(value)
    return text if text and not re.search(r"[\s'\\]", text) else "'" + text.replace("\\", "\\\\").replace(
        "'", "\\'") + "'"


def _value(value, is_geometry: bool):
    if is_geometry and value is not None:
        return psycopg2.Binary(bytes(value))
    if hasattr(value, "item") and not isinstance(value, (bytes, str)):  # numpy scalars
        return value.item()
    return value
