"""Copy a whole SCORAN store to the other backend: GeoPackage → PostGIS or PostGIS → GeoPackage (or the same).

Every table of the schema is copied as it is: ids (fid, identity keys), geometries (WKB, same CRS), the
register's rows and their versions, the semesters' snapshots, the analyses' log and the meta table. The
target is written at the source's schema version (it is migrated when next opened, as any older store).

Atomic: on PostgreSQL, the schema is created (or emptied) and filled in one transaction; a GeoPackage is
written beside the target (`…partiel.gpkg`) and renamed over it once complete and checked.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from . import schema
from .errors import ScoranError
from .feedback import Steps
from .i18n import tr
from .store import ScoranStore, is_postgres_store

BATCH = 5000  # rows read and written at a time


@dataclass
class CopyReport:
    """Rows copied per table, in the schema's order."""

    counts: dict = field(default_factory=dict)

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def table_order(version: int) -> list[str]:
    """The store's tables in creation order (a table referenced by a foreign key comes before the others)."""
    return ["scoran_meta"] + [table.name for migration in schema.MIGRATIONS if migration.version <= version
                              for table in migration.tables]


def _columns(conn, table: str) -> list[str]:
    cursor = conn.execute(f'SELECT * FROM "{table}" WHERE 1 = 0')
    columns = [item[0] for item in cursor.description]
    cursor.close()
    return columns


def _bytes(value):
    return bytes(value) if isinstance(value, memoryview) else value


def _rows(store, conn, table: str):
    """The rows of `table` as dicts (geometry as WKB), by batches, in key order."""
    from . import gpkg

    columns = _columns(conn, table)
    selected = ", ".join(store.wkb_sql(c) if c == "geom" else f'"{c}"' for c in columns)
    order = " ORDER BY fid" if "fid" in columns else ""
    cursor = conn.execute(f'SELECT {selected} FROM "{table}"{order}')
    while True:
        batch = cursor.fetchmany(BATCH)
        if not batch:
            break
        rows = []
        for values in batch:
            row = {c: _bytes(v) for c, v in zip(columns, values)}
            if row.get("geom") is not None:
                row["geom"] = gpkg.blob_to_wkb(row["geom"])
            rows.append(row)
        yield rows
    cursor.close()


def is_empty(store) -> bool:
    """True when the store holds nothing but what its creation writes (meta rows, the migrations' log)."""
    version = store.schema_version()
    with store.connection() as conn:
        for table in table_order(version)[1:]:
            where = " WHERE algorithme <> 'migration'" if table == "analyses" else ""
            if conn.execute(f'SELECT count(*) FROM "{table}"{where}').fetchone()[0]:
                return False
    return True


def _fill(source, target, conn, version: int, feedback=None) -> CopyReport:
    """Empty the target's tables and copy every row of the source's (inside the target's transaction `conn`)."""
    report = CopyReport()
    tables = table_order(version)
    for table in reversed(tables):
        conn.execute(f'DELETE FROM "{table}"')
    steps = Steps(feedback, {table: 1 for table in tables}) if feedback is not None else None
    with source.connection() as read:
        for table in tables:
            count = 0
            for rows in _rows(source, read, table):
                count += target.insert(conn, table, rows)
            if target.is_postgres:  # identity keys continue after the copied ids
                _reset_identities(conn, table)
            report.counts[table] = count
            if steps is not None:  # a cancel raises here: the caller's transaction or partial file is undone
                feedback.pushInfo(tr("{0} : {1} ligne(s) copiée(s).").format(table, count))
                steps.progress(table, 1.0)
    # checked, not assumed: every table of the target holds what the source holds
    with source.connection() as read:
        for table in tables:
            expected = read.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            found = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            if expected != found:
                raise ScoranError(tr("Copie incomplète de la table {0} : {1} ligne(s) lue(s), {2} écrite(s) ; rien "
                                     "n'a été modifié.").format(table, expected, found))
    return report


def _reset_identities(conn, table: str) -> None:
    cursor = conn.raw.cursor()
    cursor.execute("SELECT a.attname FROM pg_attribute a WHERE a.attrelid = to_regclass(quote_ident(%s)) "
                   "AND a.attidentity <> ''", (table,))
    for (column,) in cursor.fetchall():
        cursor.execute(f'SELECT setval(pg_get_serial_sequence(quote_ident(%s), %s), '
                       f'coalesce((SELECT max("{column}") FROM "{table}"), 0) + 1, false)', (table, column))


def copy_store(source_value, target_value, replace: bool = False, feedback=None) -> CopyReport:
    """Copy the store `source_value` to `target_value` (a GeoPackage path or a PostgreSQL reference)."""
    source = ScoranStore.open(source_value, migrate=False)
    version = source.schema_version()
    if version < schema.CURRENT_VERSION:
        raise ScoranError(tr("Le référentiel {0} est au schéma {1} : ouvrez-le d'abord avec cette version de "
                             "l'extension (mise à jour vers le schéma {2}), puis copiez-le.").format(
            source.label, version, schema.CURRENT_VERSION))
    crs = source.crs_epsg()
    if is_postgres_store(target_value):
        return _to_postgres(source, target_value, version, crs, replace, feedback)
    return _to_geopackage(source, Path(str(target_value).strip()), version, crs, replace, feedback)


def _same(source, target_value) -> bool:
    if source.is_postgres and is_postgres_store(target_value):
        from .pgstore import PgStore

        other = PgStore(target_value)
        return (other.conninfo, other.schema) == (source.conninfo, source.schema)
    if not source.is_postgres and not is_postgres_store(target_value):
        return Path(str(target_value).strip()).resolve() == source.path.resolve()
    return False


def _to_postgres(source, target_value, version, crs, replace, feedback) -> CopyReport:
    from .pgstore import PgStore

    if _same(source, target_value):
        raise ScoranError(tr("Le référentiel source et la cible sont le même : {0}.").format(source.label))
    target = PgStore(target_value)
    raw = target._connect()
    try:
        with raw.cursor() as cursor:
            exists = target._is_store(cursor)
    finally:
        raw.close()
    report = CopyReport()
    if not exists:
        def fill(store, conn):
            report.counts.update(_fill(source, store, conn, version, feedback).counts)

        PgStore.create(target_value, crs, up_to_version=version, fill=fill)
        return report
    _check_target(target, version, crs, replace)
    with target.transaction() as conn:
        report = _fill(source, target, conn, version, feedback)
    return report


def _check_target(target, version: int, crs: int, replace: bool) -> None:
    found = target.schema_version()
    if found != version:
        raise ScoranError(tr("Le référentiel cible {0} est au schéma {1}, la source au schéma {2} : copie refusée "
                             "(même version de schéma exigée) ; rien n'a été modifié.").format(
            target.label, found, version))
    if target.crs_epsg() != crs:
        raise ScoranError(tr("Le référentiel cible {0} est en EPSG:{1}, la source en EPSG:{2} : copie refusée ; rien "
                             "n'a été modifié.").format(target.label, target.crs_epsg(), crs))
    if not replace and not is_empty(target):
        raise ScoranError(tr("Le référentiel cible {0} contient déjà des données : cochez « Remplacer le contenu de "
                             "la cible » pour l'écraser ; rien n'a été modifié.").format(target.label))


def _to_geopackage(source, path: Path, version, crs, replace, feedback) -> CopyReport:
    if path.suffix.lower() != ".gpkg":
        raise ScoranError(tr("La cible {0} doit être un fichier .gpkg ou une base PostgreSQL (service=…, nom d'une "
                             "connexion QGIS).").format(path))
    if _same(source, path):
        raise ScoranError(tr("Le référentiel source et la cible sont le même : {0}.").format(source.label))
    if path.is_dir():
        raise ScoranError(tr("{0} est un dossier : donnez le nom du fichier .gpkg à écrire.").format(path))
    if path.exists() and not replace:
        try:
            empty = is_empty(ScoranStore.open(path, migrate=False))
        except ScoranError:
            empty = False
        if not empty:
            raise ScoranError(tr("Le fichier {0} existe déjà : cochez « Remplacer le contenu de la cible » pour "
                                 "l'écraser ; rien n'a été modifié.").format(path))
    if not path.parent.is_dir():
        raise ScoranError(tr("Le dossier {0} n'existe pas.").format(path.parent))
    partial = path.with_name(path.stem + ".copie-partielle.gpkg")
    partial.unlink(missing_ok=True)
    try:
        target = ScoranStore.create(partial, crs, up_to_version=version)
        with target.transaction() as conn:
            report = _fill(source, target, conn, version, feedback)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return report
