"""The SCORAN store ("référentiel SCORAN"): one GeoPackage holding the officer's working data.

Schema in `schema.py` (documented in docs/data-model.md). The version is kept in the file's
`scoran_meta` table; older stores are migrated on open (after a backup copy), newer ones refused.
Every write goes through `transaction()`: all of it is committed, or nothing.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from . import gpkg, schema
from .codes import LAMBERT_93, Millesime
from .errors import ScoranError, StoreLockedError, StoreVersionError
from .i18n import tr

BUSY_TIMEOUT_S = 5.0


def _plugin_version() -> str:
    try:
        from ..__about__ import __version__
    except ImportError:  # used outside the plugin package
        return "?"
    return __version__


class ScoranStore:
    """Access to one store file. Cheap to build; connections are opened per operation."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)

    # --- creation and opening ------------------------------------------------------------------
    @classmethod
    def create(cls, path, crs_epsg: int = LAMBERT_93, up_to_version: int | None = None) -> ScoranStore:
        """Create a new store; the file appears only once complete (written aside, then renamed).

        `up_to_version` stops at an older schema version (used to test migrations).
        """
        path = Path(path)
        if path.exists():
            raise ScoranError(tr("Le référentiel {0} existe déjà.").format(path))
        if not path.parent.is_dir():
            raise ScoranError(tr("Le dossier {0} n'existe pas.").format(path.parent))
        partial = path.with_name(path.stem + ".partiel.gpkg")
        partial.unlink(missing_ok=True)
        try:
            gpkg.create_empty(partial)
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
        store = cls(path)
        if not store.path.is_file():
            raise ScoranError(tr("Référentiel SCORAN introuvable : {0}").format(store.path))
        version = store.schema_version()
        if version > schema.CURRENT_VERSION:
            raise StoreVersionError(
                tr(
                    "Le référentiel {0} a été écrit par une version plus récente de l'extension "
                    "(schéma {1}, cette version connaît le schéma {2}). Mettez l'extension à jour ; "
                    "le fichier n'a pas été modifié."
                ).format(store.path, version, schema.CURRENT_VERSION)
            )
        if version < schema.CURRENT_VERSION and migrate:
            backup = store.path.with_name(f"{store.path.stem}.schema{version}.bak{store.path.suffix}")
            shutil.copy2(store.path, backup)
            store._migrate(schema.CURRENT_VERSION)
        return store

    @classmethod
    def open_or_create(cls, path, crs_epsg: int = LAMBERT_93) -> ScoranStore:
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
        conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
        gpkg.register_functions(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """A read connection (autocommit); use `transaction()` for writes."""
        conn = self._check_is_store(self._connect())
        try:
            yield conn
        finally:
            conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Everything written inside is committed together, or rolled back on any exception."""
        conn = self._check_is_store(self._connect())
        try:
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                if "locked" in str(error) or "busy" in str(error):
                    raise StoreLockedError(
                        tr(
                            "Le référentiel {0} est en cours d'écriture par une autre application "
                            "(autre session QGIS ?). Réessayez quand elle aura terminé."
                        ).format(self.path)
                    ) from None
                raise
            try:
                yield conn
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            conn.close()

    def _check_is_store(self, conn: sqlite3.Connection) -> sqlite3.Connection:
        try:
            application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        except sqlite3.DatabaseError:
            application_id = None
        if application_id != gpkg.GPKG_APPLICATION_ID:
            conn.close()
            raise ScoranError(tr("{0} n'est pas un GeoPackage.").format(self.path))
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
        return int(value)

    def crs_epsg(self, conn: sqlite3.Connection | None = None) -> int:
        return int(self.meta("crs", conn) or LAMBERT_93)

    def tables(self) -> list[str]:
        with self.connection() as conn:
            return [row[0] for row in conn.execute("SELECT table_name FROM gpkg_contents ORDER BY table_name")]

    def geometry_epsg(self, table: str, conn: sqlite3.Connection) -> int | None:
        row = conn.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (table,)).fetchone()
        return row[0] if row else None

    def uri(self, table: str) -> str:
        """OGR data source URI of a table, for QgsVectorLayer(uri, name, 'ogr')."""
        return f"{self.path}|layername={table}"

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
