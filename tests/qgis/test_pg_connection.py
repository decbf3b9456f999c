"""The throw-away PostgreSQL/PostGIS server of the tests, and scoran_qgis.core.pg against it: a libpq string, a
saved QGIS connection, a pg_service.conf service, the QGIS authentication database, and the errors a user meets
(unknown connection, server unreachable, wrong password, unknown role, missing PostGIS), with credentials kept
out of every message."""

from __future__ import annotations

import os

import psycopg2

_SEEN = {}


def _scalar(dsn: str, sql: str):
    conn = psycopg2.connect(dsn)
    try:
        with conn.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchone()[0]
    finally:
        conn.close()


# --- the server ---------------------------------------------------------------------------------------------------
def test_server_is_local_throwaway_postgis(pg_server):
    assert pg_server.host == "127.0.0.1"
    assert pg_server.user == "postgres"
    assert 1024 < pg_server.port < 65536
    assert os.environ["SCORAN_PGTEST_DSN"] == pg_server.dsn("scoran_test")
    assert f"port={pg_server.port}" in os.environ["SCORAN_PGTEST_DSN"]
    assert _scalar(os.environ["SCORAN_PGTEST_DSN"], "SELECT current_database()") == "scoran_test"
    assert _scalar(os.environ["SCORAN_PGTEST_DSN"], "SHOW fsync") == "off"
    assert _scalar(os.environ["SCORAN_PGTEST_DSN"], "SHOW listen_addresses") == "127.0.0.1"
    # the test database and every new one come from the PostGIS template
    assert _scalar(os.environ["SCORAN_PGTEST_DSN"], "SELECT ST_AsText(ST_MakePoint(1, 2))") == "POINT(1 2)"


def test_create_database_from_postgis_template(pg_server):
    dsn = pg_server.create_database("scoran_essai_modele")
    try:
        assert "dbname=scoran_essai_modele" in dsn
        assert _scalar(dsn, "SELECT extname FROM pg_extension WHERE extname = 'postgis'") == "postgis"
        assert _scalar(dsn, "SELECT ST_SRID(ST_SetSRID(ST_MakePoint(0, 0), 2154))") == 2154
    finally:
        pg_server.drop_database("scoran_essai_modele")
    assert (
        _scalar(pg_server.dsn("postgres"), "SELECT count(*) FROM pg_database WHERE datname = 'scoran_essai_modele'")
        == 0
    )


def test_pg_database_is_fresh_per_test(pg_database):
    name = _scalar(pg_database, "SELECT current_database()")
    assert name.startswith("t_")
    conn = psycopg2.connect(pg_database)
    try:
        with conn, conn.cursor() as cursor:
            cursor.execute("CREATE TABLE marque (x int)")
    finally:
        conn.close()
    _SEEN["database"] = name


def test_pg_database_differs_from_previous_test(pg_database, pg_server):
    previous = _SEEN.get("database")
    name = _scalar(pg_database, "SELECT current_database()")
    assert _scalar(pg_database, "SELECT count(*) FROM pg_tables WHERE tablename = 'marque'") == 0
    if previous:
        assert name != previous
        # the previous test's database was dropped at its end
        assert _scalar(pg_server.dsn("postgres"), f"SELECT count(*) FROM pg_database WHERE datname = '{previous}'") == 0


def test_postgis_marker_is_set(request):
    # the marker comes from the fixture: a test using pg_server carries it without decorating itself
    assert request.node.get_closest_marker("postgis") is None


def test_postgis_marker_on_server_tests(request, pg_server):
    assert request.node.get_closest_marker("postgis") is not None
