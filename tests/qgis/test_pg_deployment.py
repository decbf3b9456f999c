"""The SQL and the commands of docs/deploiement-postgis.md, run as written against the throw-away server: the
database and its schema, the two roles and their default privileges (checked by acting as each role), the
backup of the schema and its restoration."""

from __future__ import annotations

import re
import subprocess
import uuid
from pathlib import Path

import psycopg2
import pytest

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "deploiement-postgis.md"
ROLES = ("scoran_admin", "scoran_lecture", "scoran_edition", "agent_sgar_martin", "agent_dep21_durand")


def _block(marker: str) -> str:
    """The fenced code block of the guide whose first line is `-- <marker>` or `# <marker>…`."""
    for block in re.findall(r"```[a-z]*\n(.*?)```", GUIDE.read_text(encoding="utf-8"), flags=re.S):
        first = block.splitlines()[0]
        if re.match(rf"^(--|#) {re.escape(marker)}\b", first):
            return block
    raise AssertionError(f"bloc {marker} absent de {GUIDE.name}")


@pytest.fixture
def deployed(pg_server):
    """The guide's database, schema, roles and agents, under names unique to this test (roles are server-wide)."""
    suffix = uuid.uuid4().hex[:8]
    database = f"scoran_{suffix}"
    names = {role: f"{role}_{suffix}" for role in ROLES}

    def rename(sql: str) -> str:
        for role, name in names.items():
            sql = re.sub(rf"\b{role}\b", name, sql)
        return re.sub(r"\bDATABASE scoran\b", f"DATABASE {database}", sql)

    def run(dbname: str, sql: str) -> None:
        conn = psycopg2.connect(pg_server.dsn(dbname))
        conn.autocommit = True  # CREATE DATABASE, as psql runs it
        try:
            with conn.cursor() as cursor:
                for statement in (s for s in sql.split(";") if s.strip() and not _only_comments(s)):
                    cursor.execute(statement)
        finally:
            conn.close()

    base = rename(_block("scoran:base"))
    before, after = re.split(r"^\\connect scoran\s*$", base, flags=re.M)
    run("postgres", before)
    # PostGIS comes from the guide's CREATE EXTENSION, not from the tests' template (TEMPLATE template0)
    run(database, after)
    run(database, rename(_block("scoran:roles")))
    run(database, rename(_block("scoran:agents")))
    yield database, names
    pg_server.drop_database(database)
    run("postgres", "; ".join(f"DROP ROLE IF EXISTS {names[role]}" for role in reversed(ROLES)))


def _only_comments(sql: str) -> bool:
    return all(not line.strip() or line.strip().startswith("--") for line in sql.splitlines())


def _as_role(pg_server, database: str, role: str, sql: str, parameters=()):
    """Run one statement as `role` (SET ROLE from the superuser): its rows, or the PostgreSQL error."""
    conn = psycopg2.connect(pg_server.dsn(database))
    try:
        with conn.cursor() as cursor:
            cursor.execute(f"SET ROLE {role}")
            cursor.execute(sql, parameters)
            rows = cursor.fetchall() if cursor.description else None
        conn.commit()
        return rows
    finally:
        conn.close()


def test_guide_roles(pg_server, deployed):
    database, names = deployed
    admin, editor, reader = names["scoran_admin"], names["agent_sgar_martin"], names["agent_dep21_durand"]
    assert _as_role(pg_server, database, admin, "SELECT postgis_lib_version()")[0][0]
    # a table created after the grants, by the schema's owner (as the store's creation and migrations will)
    _as_role(
        pg_server,
        database,
        admin,
        "CREATE TABLE scoran.projets (fid serial PRIMARY KEY, titre text, geom geometry(Point, 2154))",
    )
    _as_role(pg_server, database, admin, "INSERT INTO scoran.projets (titre) VALUES ('Fibre des collèges')")

    # the editing role writes
    _as_role(pg_server, database, editor, "INSERT INTO scoran.projets (titre) VALUES ('Tiers-lieux')")
    _as_role(pg_server, database, editor, "UPDATE scoran.projets SET titre = 'Tiers-lieux ruraux' WHERE fid = 2")
    _as_role(pg_server, database, editor, "DELETE FROM scoran.projets WHERE fid = 1")
    assert _as_role(pg_server, database, reader, "SELECT fid, titre FROM scoran.projets ORDER BY fid") == [
        (2, "Tiers-lieux ruraux")
    ]
    # the read-only role reads, never writes
    for statement in (
        "INSERT INTO scoran.projets (titre) VALUES ('interdit')",
        "UPDATE scoran.projets SET titre = 'interdit'",
        "DELETE FROM scoran.projets",
    ):
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            _as_role(pg_server, database, reader, statement)
    # neither changes the schema
    for role in (reader, editor):
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            _as_role(pg_server, database, role, "CREATE TABLE scoran.autre (x int)")
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            _as_role(pg_server, database, role, "DROP TABLE scoran.projets")
    # the database is closed to others (REVOKE ALL ON DATABASE ... FROM PUBLIC)
    stranger = f"etranger_{uuid.uuid4().hex[:8]}"
    pg_server.execute("postgres", f"CREATE ROLE {stranger} LOGIN")
    try:
        with pytest.raises(psycopg2.OperationalError, match="permission denied for database"):
            psycopg2.connect(pg_server.dsn(database, user=stranger)).close()
        psycopg2.connect(pg_server.dsn(database, user=reader)).close()
    finally:
        pg_server.execute("postgres", f"DROP ROLE {stranger}")


def _command(line: str, pg_server, database: str, folder: Path) -> list[str]:
    """A pg_dump / pg_restore line of the guide, pointed at the test server, database and folder."""
    line = line.replace("/var/backups/scoran", str(folder)).replace("$(date +%F)", "2026-12-04")
    words = line.split()
    words[words.index("-d") + 1] = database
    return [
        str(pg_server.bindir / words[0]),
        "-h",
        pg_server.host,
        "-p",
        str(pg_server.port),
        "-U",
        "postgres",
        *words[1:],
    ]


def test_guide_backup_and_restore(pg_server, deployed, tmp_path):
    database, names = deployed
    admin = names["scoran_admin"]
    _as_role(
        pg_server,
        database,
        admin,
        "CREATE TABLE scoran.centres_bourgs (id int PRIMARY KEY, nom text, geom geometry(Point, 2154))",
    )
    _as_role(
        pg_server,
        database,
        admin,
        "INSERT INTO scoran.centres_bourgs VALUES (1, 'Autun', ST_SetSRID(ST_MakePoint(790000, 6650000), 2154)),"
        " (2, 'Dole', ST_SetSRID(ST_MakePoint(890000, 6670000), 2154))",
    )
    backup = [line for line in _block("scoran:sauvegarde").splitlines() if line.startswith("pg_dump ")]
    assert len(backup) == 1
    subprocess.run(_command(backup[0], pg_server, database, tmp_path), check=True, capture_output=True)
    dump = tmp_path / "scoran_2026-12-04.dump"
    assert dump.stat().st_size > 0

    # a lost change, then the guide's restoration
    _as_role(pg_server, database, admin, "DELETE FROM scoran.centres_bourgs WHERE id = 2")
    _as_role(pg_server, database, admin, "UPDATE scoran.centres_bourgs SET nom = 'perdu'")
    restore = [line for line in _block("scoran:restauration").splitlines() if line.startswith("pg_restore ")]
    assert len(restore) == 1
    subprocess.run(_command(restore[0], pg_server, database, tmp_path), check=True, capture_output=True)
    rows = _as_role(
        pg_server,
        database,
        names["agent_dep21_durand"],
        "SELECT id, nom, ST_AsText(geom) FROM scoran.centres_bourgs ORDER BY id",
    )
    assert rows == [(1, "Autun", "POINT(790000 6650000)"), (2, "Dole", "POINT(890000 6670000)")]
    # the grants came back with the schema: the editing role still writes
    _as_role(
        pg_server, database, names["agent_sgar_martin"], "UPDATE scoran.centres_bourgs SET nom = 'Dole' WHERE id = 2"
    )


def test_guide_national_import_schema(pg_server, deployed):
    """The guide's schema for scoran:importmcipostgis: its owner imports, the readers read, an editor is refused
    with the plugin's message and nothing changes."""
    from scoran_qgis.core.errors import ScoranError
    from scoran_qgis.core.mci_postgis import import_to_postgis

    database, names = deployed
    conn = psycopg2.connect(pg_server.dsn(database))
    conn.autocommit = True
    try:
        with conn.cursor() as cursor:
            block = _block("scoran:import_national")
            for role, name in names.items():
                block = re.sub(rf"\b{role}\b", name, block)
            for statement in (s for s in block.split(";") if s.strip() and not _only_comments(s)):
                cursor.execute(statement)
    finally:
        conn.close()
    golden = Path(__file__).resolve().parent.parent / "data" / "golden"
    files = sorted(map(str, golden.glob("base_imb_*"))), sorted(map(str, golden.glob("actuel_*")))
    import_to_postgis(pg_server.dsn(database, user=names["scoran_admin"]), *files)
    reader = names["agent_dep21_durand"]
    assert _as_role(pg_server, database, reader, "SELECT count(*) FROM scoran_mci.mci_locaux")[0][0] == 10
    assert _as_role(pg_server, database, reader, "SELECT count(*) FROM scoran_mci.zb_departements")[0][0] == 3
    with pytest.raises(ScoranError, match="refuse l'import"):
        import_to_postgis(pg_server.dsn(database, user=names["agent_sgar_martin"]), *files)
    assert _as_role(pg_server, database, reader, "SELECT count(*) FROM scoran_mci.mci_locaux")[0][0] == 10
