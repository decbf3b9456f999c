"""A throw-away PostgreSQL/PostGIS server for the tests (pytest plugin, loaded by tests/conftest.py).

The session fixture ``pg_server`` starts a cluster of its own from Debian's packages (scripts/setup.sh installs
``postgresql-postgis``): ``initdb -A trust`` in a temporary folder, ``pg_ctl start`` on 127.0.0.1 and a free
port, the socket in the same folder, ``fsync=off``. As root the server runs as the ``postgres`` OS user (the
server refuses root); otherwise as the current user. A template database ``scoran_template`` holds the
``postgis`` extension; every database the tests create is a copy of it. ``SCORAN_PGTEST_DSN`` names a
database ``scoran_test`` of that server (libpq ``key=value`` string) for subprocesses (qgis_process...).

One role, ``scoran_motdepasse``, must give its password (scram-sha-256, from 127.0.0.1): the tests of wrong
credentials use it; every other role is trusted.

The cluster is stopped and removed at the end of the session, also on failure or Ctrl-C (a finaliser and
``atexit``), and by a watchdog process if the test process is killed outright: nothing is left running.

When the PostgreSQL or PostGIS packages are missing the PostGIS tests are skipped with the reason, except in
CI (``CI=true``), where they fail; a server that cannot start always fails the tests, with its log.
"""

from __future__ import annotations

import atexit
import glob
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

TEMPLATE = "scoran_template"
TEST_DATABASE = "scoran_test"
PASSWORD_USER = "scoran_motdepasse"
PASSWORD = "Mot-de-passe-de-test-1"
DSN_VARIABLE = "SCORAN_PGTEST_DSN"


class PgServerUnavailableError(Exception):
    """The PostgreSQL or PostGIS packages are not installed (a skip outside CI)."""


def find_bindir() -> Path:
    """The newest PostgreSQL server binaries (Debian: /usr/lib/postgresql/<major>/bin), or SCORAN_PG_BINDIR."""
    if os.environ.get("SCORAN_PG_BINDIR"):
        candidates = [Path(os.environ["SCORAN_PG_BINDIR"])]
    else:
        found = glob.glob("/usr/lib/postgresql/*/bin")
        candidates = sorted((Path(p) for p in found), key=lambda p: int(re.sub(r"\D", "", p.parent.name) or 0))
        candidates.reverse()
    for bindir in candidates:
        if (bindir / "initdb").exists() and (bindir / "pg_ctl").exists():
            return bindir
    raise PgServerUnavailableError(
        "serveur PostgreSQL absent (pas de initdb/pg_ctl sous /usr/lib/postgresql/*/bin) : lancez scripts/setup.sh"
    )


def _postgis_available(bindir: Path) -> bool:
    sharedir = subprocess.run([str(bindir / "pg_config"), "--sharedir"], capture_output=True, text=True)
    if sharedir.returncode == 0 and sharedir.stdout.strip():
        return Path(sharedir.stdout.strip(), "extension", "postgis.control").exists()
    return bool(glob.glob(f"/usr/share/postgresql/{bindir.parent.name}/extension/postgis.control"))


def _cluster_parent(os_user: str | None) -> str | None:
    """Where the cluster's folder goes: the temporary folder, unless the ``postgres`` user cannot reach it
    (a TMPDIR under /root) or the server's socket path would be too long (107 bytes at most)."""
    for folder in (tempfile.gettempdir(), "/tmp", "/var/tmp"):
        path = Path(folder).resolve()
        if not path.is_dir() or len(str(path)) > 60:
            continue
        if os_user and not all(os.stat(p).st_mode & stat.S_IXOTH for p in (path, *path.parents)):
            continue
        return str(path)
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def quote_dsn_value(value) -> str:
    """A libpq key=value value, quoted when it needs it."""
    text = str(value)
    if text and not re.search(r"[\s'\\]", text):
        return text
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


# The watchdog: stops and removes the cluster when the test process dies without its finaliser (SIGKILL).
_WATCHDOG = r"""
import os, shutil, subprocess, sys, time
pid, root, command = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
while True:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        break
    except PermissionError:
        pass
    if not os.path.exists(root):
        sys.exit(0)
    time.sleep(1)
if os.path.exists(root):
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(root, ignore_errors=True)
"""


class PgServer:
    """A running throw-away cluster: ``host``, ``port``, ``user``, ``dsn(dbname)``, ``create_database(name)``."""

    host = "127.0.0.1"
    user = "postgres"
    password_user = PASSWORD_USER
    password = PASSWORD

    def __init__(self):
        self.bindir = find_bindir()
        if not _postgis_available(self.bindir):
            raise PgServerUnavailableError(
                f"extension PostGIS absente pour PostgreSQL {self.bindir.parent.name} "
                "(paquet Debian postgresql-postgis) : lancez scripts/setup.sh"
            )
        self.port = 0
        self.os_user = "postgres" if os.geteuid() == 0 else None
        self.root = Path(tempfile.mkdtemp(prefix="scoran-pg-", dir=_cluster_parent(self.os_user)))
        self.data = self.root / "data"
        self.log = self.root / "postgresql.log"
        self.started = False
        self.start_seconds = 0.0
        self.version = ""
        self.postgis_version = ""
        self._watchdog = None
        if self.os_user:
            shutil.chown(self.root, user=self.os_user)

    # --- commands -------------------------------------------------------------------------------------------
    def _command(self, name: str, *args: str) -> list[str]:
        command = [str(self.bindir / name), *args]
        if self.os_user:
            command = ["runuser", "-u", self.os_user, "--", *command]
        return command

    def _run(self, name: str, *args: str, timeout: float = 120) -> None:
        result = subprocess.run(
            self._command(name, *args), capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL
        )
        if result.returncode != 0:
            log = self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""
            output = f"{result.stdout}\n{result.stderr}\n{log}"
            raise RuntimeError(f"{name} {' '.join(args)} a échoué (code {result.returncode}) :\n{output}")

    # --- life cycle -----------------------------------------------------------------------------------------
    def start(self) -> PgServer:
        began = time.perf_counter()
        self._run(
            "initdb", "-D", str(self.data), "-A", "trust", "-U", self.user, "-E", "UTF8", "--no-locale", "--no-sync"
        )
        # first match wins: one role must give its password, all others are trusted (local tests only)
        (self.data / "pg_hba.conf").write_text(
            "local all all trust\n"
            f"host all {PASSWORD_USER} 127.0.0.1/32 scram-sha-256\n"
            "host all all 127.0.0.1/32 trust\n"
            "host all all ::1/128 trust\n"
        )
        self._start_watchdog()
        last_error = None
        for _attempt in range(3):  # a free port can be taken between the choice and the start
            self.port = _free_port()
            options = (
                f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
            )
            try:
                self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "-o", options, "start")
                break
            except RuntimeError as error:
                last_error = error
        else:
            raise last_error
        self.started = True
        self.execute(
            "postgres", f"CREATE DATABASE {TEMPLATE}", f"CREATE ROLE {PASSWORD_USER} LOGIN PASSWORD '{PASSWORD}'"
        )
        self.version = self.execute("postgres", "SHOW server_version")
        self.postgis_version = self.execute(TEMPLATE, "CREATE EXTENSION postgis", "SELECT postgis_lib_version()")
        self.execute(
            "postgres",
            f"ALTER DATABASE {TEMPLATE} IS_TEMPLATE true",
            f"CREATE DATABASE {TEST_DATABASE} TEMPLATE {TEMPLATE}",
        )
        self.start_seconds = time.perf_counter() - began
        return self

    def _start_watchdog(self) -> None:
        stop = self._command("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        self._watchdog = subprocess.Popen(
            [sys.executable, "-c", _WATCHDOG, str(os.getpid()), str(self.root), *stop],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # survives a Ctrl-C or a kill of the test's process group, to clean up
        )

    def stop(self) -> None:
        """Stop the server and remove its folder (idempotent)."""
        if self.started:
            self.started = False
            try:
                self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-t", "60", "stop")
            except (RuntimeError, subprocess.TimeoutExpired):
                subprocess.run(
                    self._command("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop"), capture_output=True
                )
        shutil.rmtree(self.root, ignore_errors=True)
        if self._watchdog is not None:
            self._watchdog.terminate()
            self._watchdog.wait(timeout=10)
            self._watchdog = None

    # --- use ------------------------------------------------------------------------------------------------
    def dsn(self, dbname: str = TEST_DATABASE, **extra) -> str:
        """libpq key=value string for one database of this server (extra keys: user=..., password=...)."""
        items = {"host": self.host, "port": self.port, "user": self.user, "dbname": dbname, **extra}
        return " ".join(f"{key}={quote_dsn_value(value)}" for key, value in items.items())

    def connect(self, dbname: str = TEST_DATABASE):
        import psycopg2

        return psycopg2.connect(self.dsn(dbname), connect_timeout=10)

    def execute(self, dbname: str, *statements: str):
        """Run statements one by one in autocommit (CREATE DATABASE...) as the superuser; the first value of the
        last one's first row, if any."""
        conn = self.connect(dbname)
        try:
            conn.autocommit = True
            with conn.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
                return cursor.fetchone()[0] if cursor.description else None
        finally:
            conn.close()

    @staticmethod
    def _check_name(name: str) -> str:
        if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
            raise ValueError(f"nom de base invalide : {name!r}")
        return name

    def create_database(self, name: str) -> str:
        """A new database copied from the PostGIS template; its DSN."""
        self.execute("postgres", f"CREATE DATABASE {self._check_name(name)} TEMPLATE {TEMPLATE}")
        return self.dsn(name)

    def drop_database(self, name: str) -> None:
        self.execute("postgres", f"DROP DATABASE IF EXISTS {self._check_name(name)} WITH (FORCE)")


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


_STARTED: list[PgServer] = []


@pytest.fixture(scope="session")
def pg_server(request):
    """The session's throw-away PostgreSQL/PostGIS server (see the module's docstring)."""
    unavailable = failure = None
    try:
        server = PgServer()
    except PgServerUnavailableError as error:
        unavailable = str(error)
    if unavailable is not None:
        if _in_ci():
            pytest.fail(f"PostGIS indisponible en CI : {unavailable}", pytrace=False)
        pytest.skip(f"PostGIS indisponible : {unavailable}")
    atexit.register(server.stop)
    request.addfinalizer(server.stop)
    try:
        server.start()
    except Exception as error:  # never a silent skip: the reason and the server's log
        server.stop()
        failure = str(error)
    if failure is not None:
        pytest.fail(f"le serveur PostgreSQL de test n'a pas démarré : {failure}", pytrace=False)
    _STARTED.append(server)
    previous = os.environ.get(DSN_VARIABLE)
    os.environ[DSN_VARIABLE] = server.dsn(TEST_DATABASE)
    yield server
    if previous is None:
        os.environ.pop(DSN_VARIABLE, None)
    else:
        os.environ[DSN_VARIABLE] = previous


@pytest.fixture
def pg_database(pg_server):
    """The DSN of a fresh PostGIS database for one test (dropped afterwards)."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    dsn = pg_server.create_database(name)
    yield dsn
    pg_server.drop_database(name)


def pytest_collection_modifyitems(items):
    """Every test that uses the server carries the ``postgis`` marker (``-m "not postgis"`` leaves them out)."""
    for item in items:
        if "pg_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgis)


def pytest_terminal_summary(terminalreporter):
    for server in _STARTED:
        terminalreporter.write_line(
            f"PostgreSQL {server.version} / PostGIS {server.postgis_version} : grappe de test "
            f"démarrée en {server.start_seconds:.1f} s (initdb, démarrage, base modèle PostGIS)"
        )
