"""The throw-away PostgreSQL/PostGIS server of the tests, and scoran_qgis.core.pg against it: a libpq string, a
saved QGIS connection, a pg_service.conf service, the QGIS authentication database, and the errors a user meets
(unknown connection, server unreachable, wrong password, unknown role, missing PostGIS), with credentials kept
out of every message."""

from __future__ import annotations

import os

import psycopg2
import pytest
from psycopg2.extensions import parse_dsn

from scoran_qgis.core import pg
from scoran_qgis.core.errors import ScoranError

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


def test_no_postgis_marker_without_server(request):
    # the marker comes from the fixture: a test using pg_server carries it without decorating itself
    assert request.node.get_closest_marker("postgis") is None


def test_postgis_marker_on_server_tests(request, pg_server):
    assert request.node.get_closest_marker("postgis") is not None


# --- scoran_qgis.core.pg --------------------------------------------------------------------------------------------
def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def saved_connection(qgis_app, pg_server, pg_database):
    """A PostgreSQL connection saved in the test profile's QGIS settings (3.22 API), removed afterwards."""
    from psycopg2.extensions import parse_dsn
    from qgis.core import QgsDataSourceUri, QgsProviderRegistry

    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    uri = QgsDataSourceUri()
    uri.setConnection(pg_server.host, str(pg_server.port), parse_dsn(pg_database)["dbname"], "postgres", "")
    name = "SCORAN essai région"
    # a user saved with the connection (« Enregistrer » next to the user name), no password
    metadata.saveConnection(metadata.createConnection(uri.uri(False), {"saveUsername": True}), name)
    yield name
    metadata.deleteConnection(name)


def test_libpq_string(pg_database):
    conn = pg.connect(pg_database)
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT current_database(), postgis_lib_version()")
            database, version = cursor.fetchone()
        assert database == parse_dsn(pg_database)["dbname"]
        assert pg.check_postgis(conn) == _scalar(
            pg_database, "SELECT extversion FROM pg_extension WHERE extname = 'postgis'"
        )
        assert version
    finally:
        conn.close()


def assert_connects_to(reference: str, dbname: str) -> None:
    """core.pg.connect(reference) reaches the database `dbname`."""
    conn = pg.connect(reference)
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT current_database()")
            assert cursor.fetchone()[0] == dbname
    finally:
        conn.close()


def test_postgresql_uri(pg_server, pg_database):
    dbname = parse_dsn(pg_database)["dbname"]
    assert_connects_to(f"postgresql://postgres@127.0.0.1:{pg_server.port}/{dbname}", dbname)


def test_saved_qgis_connection(saved_connection, pg_database):
    assert pg.is_postgres_store(saved_connection)
    target = pg.resolve(saved_connection)
    assert target.label == saved_connection
    assert target.dbname == parse_dsn(pg_database)["dbname"]
    conn = pg.connect(saved_connection)
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT current_database(), current_user")
            assert cursor.fetchone() == (parse_dsn(pg_database)["dbname"], "postgres")
    finally:
        conn.close()


def test_unknown_qgis_connection(saved_connection):
    assert not pg.is_postgres_store("Connexion absente")
    with pytest.raises(ScoranError) as raised:
        pg.connect("Connexion absente")
    message = str(raised.value)
    assert "Connexion PostgreSQL inconnue" in message
    assert "« Connexion absente »" in message
    assert f"« {saved_connection} »" in message  # the saved ones are listed


def _auth_config(username: str, password: str) -> str:
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("mot-de-passe-principal-des-tests", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName(f"scoran {username}")
    config.setConfig("username", username)
    config.setConfig("password", password)
    ok, config = manager.storeAuthenticationConfig(config)
    assert ok
    return config.id()


@pytest.fixture
def authcfg_connection(qgis_app, pg_server):
    """A saved connection whose credentials live in the QGIS authentication database (authcfg)."""
    from qgis.core import QgsApplication, QgsDataSourceUri, QgsProviderRegistry

    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    created = []

    def make(password: str) -> str:
        authcfg = _auth_config(pg_server.password_user, password)
        uri = QgsDataSourceUri()
        uri.setConnection(
            pg_server.host, str(pg_server.port), "scoran_test", "", "", QgsDataSourceUri.SslDisable, authcfg
        )
        name = f"SCORAN auth {len(created)}"
        metadata.saveConnection(metadata.createConnection(uri.uri(False), {}), name)
        created.append((name, authcfg))
        return name

    yield make
    for name, authcfg in created:
        metadata.deleteConnection(name)
        QgsApplication.authManager().removeAuthenticationConfig(authcfg)


def test_qgis_authentication_database(authcfg_connection, pg_server):
    name = authcfg_connection(pg_server.password)
    target = pg.resolve(name)
    assert target.user == pg_server.password_user
    assert pg_server.password not in repr(target)
    conn = pg.connect(name)
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT current_user")
            assert cursor.fetchone()[0] == pg_server.password_user
    finally:
        conn.close()


def test_qgis_authentication_wrong_password(authcfg_connection, pg_server):
    name = authcfg_connection("Faux-Secret-42")
    with pytest.raises(ScoranError) as raised:
        pg.connect(name)
    message = str(raised.value)
    assert "Authentification refusée" in message
    assert f"« {pg_server.password_user} »" in message
    assert "Faux-Secret-42" not in message


def test_service_file(pg_server, pg_database, tmp_path, monkeypatch):
    dbname = parse_dsn(pg_database)["dbname"]
    service_file = tmp_path / "pg_service.conf"
    service_file.write_text(
        f"[scoran_essai]\nhost={pg_server.host}\nport={pg_server.port}\ndbname={dbname}\nuser=postgres\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PGSERVICEFILE", str(service_file))
    assert pg.is_postgres_store("service=scoran_essai")
    target = pg.resolve("service=scoran_essai")
    assert (target.host, target.port, target.dbname) == (pg_server.host, str(pg_server.port), dbname)
    assert_connects_to("service=scoran_essai", dbname)
    with pytest.raises(ScoranError) as raised:
        pg.connect("service=service_absent")
    assert "Service PostgreSQL introuvable" in str(raised.value)
    assert "« service=service_absent »" in str(raised.value)


def test_server_unreachable(pg_server):
    port = _free_port()
    with pytest.raises(ScoranError) as raised:
        pg.connect(f"host=127.0.0.1 port={port} dbname=scoran user=postgres", connect_timeout=3)
    message = str(raised.value)
    assert "Serveur PostgreSQL injoignable" in message
    assert "« 127.0.0.1 »" in message
    assert f"port {port}" in message


def test_wrong_password(pg_server):
    dsn = pg_server.dsn("scoran_test", user=pg_server.password_user, password="Faux-Secret-42")
    with pytest.raises(ScoranError) as raised:
        pg.connect(dsn)
    message = str(raised.value)
    assert "Authentification refusée" in message
    assert f"« {pg_server.password_user} »" in message
    assert f"127.0.0.1:{pg_server.port}" in message
    assert "Faux-Secret-42" not in message
    # the right password goes through
    conn = pg.connect(pg_server.dsn("scoran_test", user=pg_server.password_user, password=pg_server.password))
    conn.close()


def test_unknown_role(pg_server):
    with pytest.raises(ScoranError) as raised:
        pg.connect(pg_server.dsn("scoran_test", user="role_inexistant"))
    message = str(raised.value)
    assert "« role_inexistant »" in message
    assert "rôle inconnu" in message


def test_unknown_database(pg_server):
    with pytest.raises(ScoranError) as raised:
        pg.connect(pg_server.dsn("base_absente"))
    assert "La base « base_absente » n'existe pas" in str(raised.value)


def test_missing_postgis(pg_server):
    pg_server.execute("postgres", "CREATE DATABASE sans_postgis TEMPLATE template0")
    try:
        with pytest.raises(ScoranError) as raised:
            pg.connect(pg_server.dsn("sans_postgis"))
        message = str(raised.value)
        assert "L'extension PostGIS n'est pas installée" in message
        assert "« sans_postgis »" in message
        assert "CREATE EXTENSION postgis" in message
        conn = pg.connect(pg_server.dsn("sans_postgis"), require_postgis=False)
        conn.close()
    finally:
        pg_server.drop_database("sans_postgis")


def test_is_postgres_store(tmp_path):
    gpkg = tmp_path / "magasin.gpkg"
    gpkg.write_bytes(b"")
    assert pg.is_postgres_store("service=scoran")
    assert pg.is_postgres_store("  host=serveur.example dbname=scoran user=scoran_lecture")
    assert pg.is_postgres_store("dbname=scoran")
    assert pg.is_postgres_store("postgresql://scoran_lecture@serveur/scoran")
    assert pg.is_postgres_store("postgres://serveur/scoran")
    assert not pg.is_postgres_store(gpkg)
    assert not pg.is_postgres_store(str(gpkg))
    assert not pg.is_postgres_store("magasin.gpkg")
    assert not pg.is_postgres_store("C:/SCORAN/magasin.GPKG")
    assert not pg.is_postgres_store(str(tmp_path / "a=b" / "magasin.gpkg"))
    assert not pg.is_postgres_store("")
    assert not pg.is_postgres_store(None)
    assert not pg.is_postgres_store("nom=valeur")  # not a libpq keyword


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("host=h port=5432 dbname=scoran user=u password=secret", "host=h port=5432 dbname=scoran user=u"),
        (
            "dbname='scoran' host=h user='u' password='mot de \\'passe' sslmode=disable",
            "dbname='scoran' host=h user='u' sslmode=disable",
        ),
        ("dbname='scoran' host=h authcfg=ab12cd3 key='id'", "dbname='scoran' host=h key='id'"),
        ("postgresql://u:secret@h:5432/scoran?sslmode=require", "postgresql://u@h:5432/scoran?sslmode=require"),
        ("postgresql://h/scoran?password=secret&sslmode=require", "postgresql://h/scoran?sslmode=require"),
        ("Échec : PGPASSWORD=secret psql", "Échec : PGPASSWORD=*** psql"),
        ("service=scoran", "service=scoran"),
        ("PASSWORD = secret host=h", "host=h"),
        ("sslpassword=secret sslkey=/k", "sslkey=/k"),
    ],
)
def test_redacted(text, expected):
    assert pg.redacted(text) == expected
    assert "secret" not in pg.redacted(text)


def test_without_psycopg2(tmp_path):
    """The module loads and tells GeoPackage from PostgreSQL without psycopg2; using a PostgreSQL store then
    says what to install."""
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys; sys.modules['psycopg2'] = None\n"
        "from scoran_qgis.core import pg\n"
        "from scoran_qgis.core.errors import ScoranError\n"
        "assert pg.is_postgres_store('service=scoran') and not pg.is_postgres_store('magasin.gpkg')\n"
        "try:\n"
        "    pg.connect('service=scoran')\n"
        "except ScoranError as error:\n"
        "    print(error)\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "psycopg2 est absent" in result.stdout
    assert "python3-psycopg2" in result.stdout


@pytest.mark.parametrize("ci", ["true", ""])
def test_missing_server_fails_in_ci_skips_elsewhere(ci):
    """Without the PostgreSQL binaries the PostGIS tests fail in CI (never a silent skip) and are skipped with
    the reason elsewhere."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, SCORAN_PG_BINDIR="/nonexistent/postgresql/bin", CI=ci)
    env.pop("SCORAN_PGTEST_DSN", None)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/qgis/test_pg_connection.py::test_pg_database_is_fresh_per_test",
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert "serveur PostgreSQL absent" in output, output
    if ci:
        assert result.returncode != 0, output
        assert "PostGIS indisponible en CI" in output
        assert "1 error" in output
    else:
        assert result.returncode == 0, output
        assert "1 skipped" in output


def test_saved_connection_with_service_and_authcfg(qgis_app, pg_server, tmp_path, monkeypatch):
    """The common set-up of a service: the server in pg_service.conf, the credentials in QGIS's authentication
    database, both named by a saved connection."""
    from qgis.core import QgsApplication, QgsDataSourceUri, QgsProviderRegistry

    service_file = tmp_path / "pg_service.conf"
    service_file.write_text(
        f"[scoran_region]\nhost={pg_server.host}\nport={pg_server.port}\ndbname=scoran_test\n", encoding="utf-8"
    )
    monkeypatch.setenv("PGSERVICEFILE", str(service_file))
    authcfg = _auth_config(pg_server.password_user, pg_server.password)
    uri = QgsDataSourceUri()
    uri.setConnection("scoran_region", "", "", "", QgsDataSourceUri.SslDisable, authcfg)
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    metadata.saveConnection(metadata.createConnection(uri.uri(False), {}), "SCORAN service")
    try:
        target = pg.resolve("SCORAN service")
        assert (target.host, target.port, target.user) == (pg_server.host, str(pg_server.port), pg_server.password_user)
        assert "authcfg" not in target.conninfo
        conn = pg.connect("SCORAN service")
        try:
            with conn.cursor() as cursor:
                cursor.execute("SELECT current_database(), current_user")
                assert cursor.fetchone() == ("scoran_test", pg_server.password_user)
        finally:
            conn.close()
    finally:
        metadata.deleteConnection("SCORAN service")
        QgsApplication.authManager().removeAuthenticationConfig(authcfg)
