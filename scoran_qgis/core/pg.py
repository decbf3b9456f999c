"""A STORE on PostgreSQL/PostGIS: from the STORE value to a psycopg2 connection (GUI-free).

The STORE parameter is either a GeoPackage path or a PostgreSQL reference:
- a libpq string: ``service=scoran``, ``host=serveur dbname=scoran``... (credentials from ``pg_service.conf``,
  ``~/.pgpass`` or the environment, never in the project);
- a ``postgresql://`` URI;
- the name of a PostgreSQL connection saved in QGIS (Explorateur > PostgreSQL), whose ``authcfg`` is resolved
  through the QGIS authentication database.

``redacted()`` takes passwords and ``authcfg`` out of any text before it reaches a log, a message or an output.
psycopg2 and QGIS are imported only when needed: the plugin loads without them.
"""

from __future__ import annotations

import configparser
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ScoranError
from .i18n import quoted, tr

# libpq's connection keywords (https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-PARAMKEYWORDS)
LIBPQ_KEYWORDS = frozenset(
    "host hostaddr port dbname user password passfile channel_binding connect_timeout client_encoding options "
    "application_name fallback_application_name keepalives keepalives_idle keepalives_interval keepalives_count "
    "tcp_user_timeout replication gssencmode sslmode requiressl sslcompression sslcert sslkey sslpassword "
    "sslrootcert sslcrl sslcrldir sslsni requirepeer ssl_min_protocol_version ssl_max_protocol_version krbsrvname "
    "gsslib service target_session_attrs load_balance_hosts".split()
)
_KEYWORD_START = re.compile(r"^\s*([A-Za-z_]+)\s*=")
_URI_START = re.compile(r"^\s*postgres(?:ql)?://", re.IGNORECASE)
GEOPACKAGE_SUFFIXES = (".gpkg", ".sqlite", ".db")
# key=value pairs that must never be written anywhere: libpq and QGIS spell them the same way
_SECRET_PAIR = re.compile(
    r"""(?ix)(?:(?<=[\s?&;,])|^)          # at the start or after a separator
    (password|authcfg|sslpassword)\s*=\s*
    (?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^\s&;,]*)  # quoted or bare value
    [&;]?"""
)
_URI_PASSWORD = re.compile(r"(?i)(postgres(?:ql)?://[^:/@\s]*):[^@\s]*@")
_PGPASSWORD = re.compile(r"(?i)(PGPASSWORD\s*=\s*)\S+")


def redacted(text) -> str:
    """The text without passwords nor ``authcfg`` (libpq strings, QGIS URIs, postgresql:// URIs)."""
    if text is None:
        return ""
    result = _SECRET_PAIR.sub("", str(text))
    result = _URI_PASSWORD.sub(r"\1@", result)
    result = _PGPASSWORD.sub(r"\1***", result)
    return re.sub(r"[ \t]{2,}", " ", result).strip()


def _looks_like_libpq(text: str) -> bool:
    match = _KEYWORD_START.match(text)
    return bool(match) and match.group(1).lower() in LIBPQ_KEYWORDS


def saved_connection_names() -> list[str]:
    """Names of the PostgreSQL connections saved in QGIS ([] without QGIS or its postgres provider)."""
    metadata = _postgres_metadata()
    if metadata is None:
        return []
    try:
        return sorted(metadata.connections(False).keys())
    except Exception:  # QgsProviderConnectionException: unreadable settings
        return []


def _postgres_metadata():
    try:
        from qgis.core import QgsProviderRegistry
    except ImportError:
        return None
    return QgsProviderRegistry.instance().providerMetadata("postgres")


def is_postgres_store(value) -> bool:
    """True when STORE names a PostgreSQL database (libpq string, postgresql:// URI, saved QGIS connection),
    False for a GeoPackage path."""
    if value is None:
        return False
    text = os.fspath(value) if isinstance(value, os.PathLike) else str(value)
    text = text.strip()
    if not text:
        return False
    if _URI_START.match(text) or _looks_like_libpq(text):
        return True
    if text.lower().endswith(GEOPACKAGE_SUFFIXES) or os.path.exists(text):
        return False
    return text in saved_connection_names()


@dataclass(frozen=True)
class PgTarget:
    """Where a STORE points: the libpq string with its credentials (``conninfo``, never to be shown) and what a
    message may name (``label``, host, port, database, user)."""

    conninfo: str
    label: str
    host: str
    port: str
    dbname: str
    user: str

    def __repr__(self) -> str:  # never the credentials, even in a traceback
        return f"PgTarget({self.label!r})"

    __str__ = __repr__


def _service_file_options(service: str) -> dict:
    """The options of a pg_service.conf service (for messages only: libpq reads the file itself)."""
    candidates = []
    if os.environ.get("PGSERVICEFILE"):
        candidates.append(Path(os.environ["PGSERVICEFILE"]))
    elif os.name == "nt" and os.environ.get("APPDATA"):
        candidates.append(Path(os.environ["APPDATA"]) / "postgresql" / ".pg_service.conf")
    else:
        candidates.append(Path.home() / ".pg_service.conf")
    if os.environ.get("PGSYSCONFDIR"):
        candidates.append(Path(os.environ["PGSYSCONFDIR"]) / "pg_service.conf")
    candidates.append(Path("/etc/postgresql-common/pg_service.conf"))
    for path in candidates:
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read(path, encoding="utf-8")
        except (OSError, configparser.Error):
            continue
        if parser.has_section(service):
            return dict(parser.items(service))
    return {}


def _psycopg2():
    """psycopg2, imported when a PostgreSQL store is used (a dependency of QGIS's Python on Debian)."""
    try:
        import psycopg2
        import psycopg2.extensions
    except ImportError as error:
        raise ScoranError(
            tr(
                "Le module Python psycopg2 est absent : installez-le (paquet Debian python3-psycopg2) pour utiliser "
                "un référentiel PostgreSQL."
            )
        ) from error
    return psycopg2


def _target(conninfo: str, label: str) -> PgTarget:
    parse_dsn = _psycopg2().extensions.parse_dsn
    try:
        options = parse_dsn(conninfo)
    except Exception as error:  # psycopg2.ProgrammingError: invalid dsn
        raise ScoranError(
            tr("Référence PostgreSQL illisible : {0} ({1}).").format(quoted(redacted(conninfo)), redacted(error))
        ) from error
    service = _service_file_options(options["service"]) if options.get("service") else {}

    def option(key: str, variable: str, default: str) -> str:
        return str(options.get(key) or service.get(key) or os.environ.get(variable) or default)

    try:
        import getpass

        os_user = getpass.getuser()
    except Exception:
        os_user = ""
    return PgTarget(
        conninfo=conninfo,
        label=redacted(label),
        host=option("host", "PGHOST", "localhost"),
        port=option("port", "PGPORT", "5432"),
        user=option("user", "PGUSER", os_user),
        dbname=option("dbname", "PGDATABASE", option("user", "PGUSER", os_user)),
    )


def _from_qgis_connection(name: str) -> PgTarget:
    metadata = _postgres_metadata()
    connection = None
    if metadata is not None:
        try:
            connection = metadata.findConnection(name, False)
        except Exception:  # QgsProviderConnectionException: not found
            connection = None
    if connection is None:
        names = saved_connection_names()
        known = ", ".join(quoted(n) for n in names) if names else tr("aucune")
        raise ScoranError(
            tr(
                "Connexion PostgreSQL inconnue : {0}. Donnez une connexion enregistrée dans QGIS (connexions "
                "PostgreSQL enregistrées : {1}), un service (service=…) ou une chaîne de connexion (host=… dbname=…)."
            ).format(quoted(name), known)
        )
    from qgis.core import QgsApplication, QgsDataSourceUri

    uri = QgsDataSourceUri(connection.uri())
    authcfg = uri.authConfigId()
    if not authcfg:
        return _target(uri.connectionInfo(False), name)
    uri.setAuthConfigId("")
    uri.setUsername("")
    uri.setPassword("")
    base = uri.connectionInfo(False)
    ok, items = QgsApplication.authManager().updateDataSourceUriItems([base] if base else [], authcfg, "postgres")
    if not ok:
        raise ScoranError(
            tr(
                "La connexion PostgreSQL {0} utilise une configuration d'authentification QGIS ({1}) introuvable "
                "ou verrouillée : vérifiez-la dans Préférences > Options > Authentification (mot de passe principal)."
            ).format(quoted(name), quoted(authcfg))
        )
    return _target(" ".join(item for item in items if item), name)


def resolve(value) -> PgTarget:
    """The PostgreSQL target of a STORE value (libpq string, postgresql:// URI or saved QGIS connection name)."""
    text = str(value or "").strip()
    if not text:
        raise ScoranError(tr("Référentiel PostgreSQL non renseigné."))
    if _URI_START.match(text) or _looks_like_libpq(text):
        return _target(text, text)
    return _from_qgis_connection(text)


def _message_of(error) -> str:
    return " ".join(str(error).split())


def translate_connection_error(error, target: PgTarget) -> ScoranError:
    """A French message for a psycopg2 connection failure: what went wrong and what to check, never a password."""
    text = _message_of(error)
    lower = text.lower()
    where = f"{target.host}:{target.port}"
    if any(m in lower for m in ("password authentication failed", "no password supplied", "authentification par mot")):
        message = tr(
            "Authentification refusée par le serveur PostgreSQL {0} pour l'utilisateur {1} : vérifiez le mot de passe "
            "(configuration d'authentification QGIS, pg_service.conf ou ~/.pgpass)."
        ).format(where, quoted(target.user))
    elif re.search(r'role ".*" does not exist', lower) or "authentication failed" in lower:
        message = tr(
            "Le serveur PostgreSQL {0} refuse l'utilisateur {1} (rôle inconnu ou authentification refusée) : "
            "demandez un rôle à l'administrateur (scoran_lecture ou scoran_edition)."
        ).format(where, quoted(target.user))
    elif re.search(r'database ".*" does not exist', lower):
        message = tr("La base {0} n'existe pas sur le serveur PostgreSQL {1}.").format(quoted(target.dbname), where)
    elif "definition of service" in lower or "service file" in lower:
        message = tr(
            "Service PostgreSQL introuvable : {0} ({1}). Le fichier pg_service.conf est lu à l'emplacement donné par "
            "PGSERVICEFILE, sinon ~/.pg_service.conf."
        ).format(quoted(target.label), redacted(text))
    elif "no pg_hba.conf entry" in lower:
        message = tr(
            "Le serveur PostgreSQL {0} n'autorise pas l'utilisateur {1} sur la base {2} depuis ce poste "
            "(pg_hba.conf) : voyez l'administrateur du serveur."
        ).format(where, quoted(target.user), quoted(target.dbname))
    elif any(
        marker in lower
        for marker in (
            "could not connect",
            "connection refused",
            "could not translate host name",
            "timeout expired",
            "no route to host",
            "network is unreachable",
            "server closed the connection",
            "is the server running",
        )
    ):
        message = tr(
            "Serveur PostgreSQL injoignable : {0} (hôte {1}, port {2}). Vérifiez l'adresse, le port, le réseau "
            "et que le serveur est démarré."
        ).format(quoted(target.label), quoted(target.host), target.port)
    else:
        message = tr("Connexion PostgreSQL impossible à {0} : {1}").format(quoted(target.label), redacted(text))
    return ScoranError(message)


def connect(value, connect_timeout: int = 10, require_postgis: bool = True, application_name: str = "SCORAN QGIS"):
    """A psycopg2 connection to the STORE's database (autocommit off), PostGIS checked unless told otherwise.
    Raises ScoranError with a French message on every failure."""
    target = value if isinstance(value, PgTarget) else resolve(value)
    psycopg2 = _psycopg2()
    keywords = {"application_name": application_name}
    if "connect_timeout" not in target.conninfo:
        keywords["connect_timeout"] = connect_timeout
    try:
        conn = psycopg2.connect(target.conninfo, **keywords)
    except psycopg2.OperationalError as error:
        raise translate_connection_error(error, target) from None
    if require_postgis:
        try:
            check_postgis(conn, target)
        except BaseException:
            conn.close()
            raise
    return conn


def check_postgis(conn, target: PgTarget | None = None) -> str:
    """PostGIS's version in the connection's database; ScoranError when the extension is not installed."""
    with conn.cursor() as cursor:
        cursor.execute("SELECT extversion FROM pg_extension WHERE extname = 'postgis'")
        row = cursor.fetchone()
        cursor.execute("SELECT current_database()")
        database = cursor.fetchone()[0]
    conn.rollback()
    if row is None:
        where = target.label if target is not None else database
        raise ScoranError(
            tr(
                "L'extension PostGIS n'est pas installée dans la base {0} ({1}) : un administrateur doit y exécuter "
                "« CREATE EXTENSION postgis; » (voir docs/deploiement-postgis.md)."
            ).format(quoted(database), quoted(where))
        )
    return row[0]
