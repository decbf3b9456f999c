"""ARCEP « Ma connexion internet » into PostGIS for large runs (a region, the whole country).

The files are parsed and cleaned by pandas one chunk at a time, each file (a département) in a worker
process with a connection of its own (`parallel.map_in_order`: as many files at once as there are cores),
and streamed into the database with COPY — nothing holds more than one chunk of one file in memory:

- a base_imb file goes, as text, into a table of its own (`immeubles_lus_<n>`); the first reading of each
  building (`premiers`) is kept as the GeoPackage path keeps it;
- an actuel file goes, as binary small integers (class × technology, family, operator, what is unknown), into
  its session's temporary table, is reduced there per building in SQL and merged into `meilleures`.

Then SQL builds the points (`mci_locaux`: one département per connection, in parallel), their indexes and
the populated 200 m cells with their flags (two connections at once), and sums the premises per commune ×
class. What is left is small (communes, flagged cells) and goes through the functions of the GeoPackage path
(core/whitezones.py): both paths give the same figures, the same zones and the same main départements. The
results are tables of one schema (default `scoran_mci`), replaced together at the end of a run (a failed or
cancelled run leaves the previous results as they were, and no work table).
"""

from __future__ import annotations

import io
import re
import struct
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import pg, projection
from .codes import crs_for_departement
from .errors import ScoranError
from .feedback import SilentFeedback, check_canceled
from .grid import CELL, LAEA, cell_indices
from .i18n import quoted, tr
from .mci import (
    BASE_OPTIONAL,
    BASE_REQUIRED,
    ELIG_OPTIONAL,
    ELIG_REQUIRED,
    FAMILIES,
    WEB_MERCATOR,
    ImportReport,
    _clean_buildings,
    _departments,
    _refuse_unusable_eligibility,
    checked_inputs,
)
from .parallel import available_cores, map_in_order
from .speed_classes import CLASSES, NOMINAL_MBPS, RANK, WIRED_TECHNOLOGIES
from .tables import distinct, read_chunks, resolve_columns, sniff, to_number
from .whitezones import (
    INEL_ZONE_FIELDS,
    ZONE_FIELDS,
    check_share,
    count_by_group,
    department_summary,
    threshold_code,
    threshold_rank,
    zones_of_cells,
)

DEFAULT_SCHEMA = "scoran_mci"
_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
# the technology preference of core/mci.py (FO > COAX > CU > THDR > 4GF > WMX > SAT), as a code 0..6
_PREFERENCE = {"SAT": 0, "WMX": 1, "4GF": 2, "THDR": 3, "CU": 4, "COAX": 5, "FO": 6}
_BY_PREFERENCE = sorted(_PREFERENCE, key=_PREFERENCE.get)
_FAMILY_OF = {techno: index for index, techs in enumerate(FAMILIES.values()) for techno in techs}
UNKNOWN_CLASS, UNKNOWN_TECHNO = 1, 2  # bits of `defaut`
NO_OPERATOR_COLUMN = -1
# The results, in the order they are written; each is built as <name>__en_cours and renamed at the end.
TABLES = ("mci_locaux", "zb_communes", "zb_carreaux", "zb_zones", "zb_zones_inel", "zb_departements")
_STAGING = ("premiers", "operateurs_lus", "meilleures", "operateurs_thd")  # and immeubles_lus_<n>
STEPS = {"chargement": 55, "meilleure_classe": 15, "index_carreaux": 15, "communes": 3, "zones": 6,
         "ecriture": 6}
_ORDER_BITS = 40  # `ordre` = file number << 40 | row: the GeoPackage path's order (files, then rows)
_DEP_SQL = "CASE WHEN left(b.code_insee, 2) = '97' THEN left(b.code_insee, 3) ELSE left(b.code_insee, 2) END"
_COPY_HEADER = b"PGCOPY\n\xff\r\n\x00" + struct.pack(">ii", 0, 0)
_COPY_TRAILER = struct.pack(">h", -1)


@dataclass
class PostgisRun:
    """What a run did: its schema and EPSG, its counts, its timings (seconds per step), its log and summary."""

    schema: str
    epsg: int
    report: ImportReport
    summary: pd.DataFrame
    counts: dict = field(default_factory=dict)
    timings: dict = field(default_factory=dict)


@dataclass(frozen=True)
class _File:
    """One file for a worker: where it goes and how to read it."""

    path: str
    number: int
    target: pg.PgTarget
    schema: str
    target_epsg: int | None
    counted: tuple = ()  # technology preferences (0..6) counted in the best class


def check_schema(name: str) -> str:
    name = (name or DEFAULT_SCHEMA).strip()
    if not _SCHEMA_NAME.match(name):
        raise ScoranError(tr("Nom de schéma PostgreSQL invalide : « {0} » (lettres minuscules sans accent, chiffres "
                             "et _, 63 caractères au plus, ex. scoran_mci).").format(name))
    return name


def _error_of(error, target: pg.PgTarget) -> ScoranError:
    """A French message for a server error during a run, without credentials."""
    diag = getattr(error, "diag", None)
    text = (diag.message_primary if diag is not None and diag.message_primary else str(error)).strip()
    if getattr(error, "pgcode", None) == "42501":
        return ScoranError(tr("Le serveur PostgreSQL {0} refuse l'import : votre rôle n'a pas les droits nécessaires "
                              "({1}). Il faut le droit CREATE sur la base (ou sur le schéma).").format(
            target.label, pg.redacted(text)))
    if getattr(error, "pgcode", None) == "53100":
        return ScoranError(tr("Le serveur PostgreSQL {0} manque d'espace disque : {1}").format(
            target.label, pg.redacted(text)))
    return ScoranError(tr("Import PostGIS interrompu par le serveur {0} : {1}. Les résultats précédents sont "
                          "conservés.").format(target.label, pg.redacted(text)))


@contextmanager
def _connection(target: pg.PgTarget, schema: str):
    """A connection in autocommit, its errors in French, with settings for bulk work."""
    import psycopg2

    conn = pg.connect(target, require_postgis=False, application_name="SCORAN QGIS import ARCEP")
    conn.autocommit = True
    try:
        with conn.cursor() as cursor:
            # JIT compiles each aggregate for ~1 s and gains nothing on these scans; temp_buffers: a file's rows
            cursor.execute("SET synchronous_commit = off; SET jit = off; SET work_mem = '256MB'; "
                           "SET maintenance_work_mem = '512MB'; SET temp_buffers = '256MB'")
        yield conn
    except psycopg2.Error as error:
        raise _error_of(error, target) from None
    finally:
        conn.close()


def _table(schema: str, name: str) -> str:
    return f'"{schema}"."{name}"'


# --- loading: one file per worker -----------------------------------------------------------------
def _copy_text(cursor, table: str, columns: list[str], frame: pd.DataFrame) -> None:
    buffer = io.StringIO()
    frame.to_csv(buffer, header=False, index=False, na_rep="")
    buffer.seek(0)
    cursor.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv)", buffer)


def _copy_binary(cursor, table: str, columns: dict) -> None:
    """COPY of fixed-width integer columns ({name: (values, '>i8' | '>i2')}, no NULL) in PostgreSQL's binary
    format, built by numpy in one buffer (no per-row Python)."""
    first = next(iter(columns.values()))[0]
    layout = [("fields", ">i2")]
    for number, (_, kind) in enumerate(columns.values()):
        layout += [(f"size{number}", ">i4"), (f"value{number}", kind)]
    rows = np.empty(len(first), dtype=np.dtype(layout))
    rows["fields"] = len(columns)
    for number, (values, kind) in enumerate(columns.values()):
        rows[f"size{number}"] = np.dtype(kind).itemsize
        rows[f"value{number}"] = values
    buffer = io.BytesIO(_COPY_HEADER + rows.tobytes() + _COPY_TRAILER)
    cursor.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT binary)", buffer)


def _buildings_table(schema: str, number: int) -> str:
    return _table(schema, f"immeubles_lus_{int(number)}")


def _load_base_file(job: _File) -> tuple[ImportReport, int, list, int]:
    """One base_imb file streamed into a table of its own, `immeubles_lus_<n>` (in a worker), and the first
    reading of each of its buildings recorded in `premiers` (the smallest `ordre` over all files wins, whatever
    the order the workers end in). Returns its report, the EPSG its points were projected in (0: its
    départements have different projections), its départements and its rows."""
    report = ImportReport()
    layout = sniff(job.path, ";", report)
    mapping = resolve_columns(layout, BASE_REQUIRED, BASE_OPTIONAL)
    report.counts["base_files"] += 1
    epsg, departments, row = job.target_epsg, set(), 0
    table = _buildings_table(job.schema, job.number)
    with _connection(job.target, job.schema) as conn, conn.cursor() as cursor:
        cursor.execute(f"CREATE UNLOGGED TABLE {table} (imb_id bigint, ordre bigint, code_insee text, "
                       "nb_locaux integer, addr_code text, x double precision, y double precision, ix integer, "
                       "iy integer)")
        for chunk in read_chunks(layout, mapping, text_columns=("addr_code",), code_columns=("code_insee",)):
            report.counts["buildings_read"] += len(chunk)
            frame = _clean_buildings(chunk, report)
            if frame.empty:
                continue
            chunk_departments = set(_departments(frame["code_insee"])[1])
            departments |= chunk_departments
            if job.target_epsg is None:  # the file's own projection, as the GeoPackage path
                crs = {crs_for_departement(dep) for dep in departments}
                epsg = crs.pop() if len(crs) == 1 else 0
                if not epsg:
                    continue  # the run stops: mixed projections (checked by the caller)
            px, py = projection.transform(frame["x"].to_numpy(), frame["y"].to_numpy(), WEB_MERCATOR, epsg)
            ix, iy = cell_indices(*projection.transform(px, py, epsg, LAEA))
            order = (np.int64(job.number) << _ORDER_BITS) + row + np.arange(len(frame), dtype=np.int64)
            row += len(frame)
            _copy_text(cursor, table, ["imb_id", "ordre", "code_insee", "nb_locaux", "addr_code", "x", "y", "ix", "iy"],
                       pd.DataFrame({"imb_id": frame["imb_id"], "ordre": order, "code_insee": frame["code_insee"],
                                     "nb_locaux": frame["nb_locaux"], "addr_code": frame["addr_code"], "x": px,
                                     "y": py, "ix": ix, "iy": iy}))
        if not report.counts["buildings_read"]:
            raise ScoranError(tr("Le fichier {0} ne contient aucun immeuble (en-tête seul).").format(
                layout.path.name))
        cursor.execute(f"""
            INSERT INTO {_table(job.schema, "premiers")} AS p
            SELECT imb_id, min(ordre) FROM {table} GROUP BY imb_id ORDER BY imb_id  -- one lock order: no deadlock
            ON CONFLICT (imb_id) DO UPDATE SET ordre = least(p.ordre, excluded.ordre)""")
    return report, int(epsg or 0), sorted(departments), row


def _operator_codes(cursor, schema: str, names: pd.Series) -> np.ndarray:
    """Codes of operator names in `operateurs_lus` (shared by the workers), new names added."""
    table = _table(schema, "operateurs_lus")
    values = [str(name) for name in names]
    cursor.execute(f"INSERT INTO {table} (nom) SELECT unnest(%s::text[]) ON CONFLICT (nom) DO NOTHING", (values,))
    cursor.execute(f"SELECT nom, code FROM {table} WHERE nom = ANY(%s)", (values,))
    code_of = dict(cursor.fetchall())
    return np.array([code_of[name] for name in values], dtype=np.int64)


def _load_eligibility_file(job: _File) -> ImportReport:
    """One actuel file streamed into `eligibilite_lue` (in a worker); its report."""
    report = ImportReport()
    layout = sniff(job.path, ";", report)
    mapping = resolve_columns(layout, ELIG_REQUIRED, ELIG_OPTIONAL)
    if "operateur" not in mapping:
        report.warnings.append(tr("{0} : pas de colonne code_operateur (fichier ancien) : nb_operateurs_thd "
                                  "non renseigné pour ses immeubles.").format(layout.path.name))
    report.counts["elig_files"] += 1
    table = "eligibilite_lue"  # temporary: this connection's own
    with _connection(job.target, job.schema) as conn, conn.cursor() as cursor:
        cursor.execute(f"CREATE TEMPORARY TABLE {table} (imb_id bigint, code smallint, famille smallint, "
                       "operateur smallint, defaut smallint)")
        for chunk in read_chunks(layout, mapping, chunksize=1_000_000, code_columns=("techno", "classe", "operateur")):
            report.counts["elig_rows_read"] += len(chunk)
            ids = to_number(chunk["imb_id"])
            readable = ~np.isnan(ids)
            report.counts["bad_imb_id"] += int((~readable).sum())
            class_at, classes = distinct(chunk["classe"])
            rank = pd.Categorical(classes.str.strip().str.upper(), categories=CLASSES).codes.astype(np.int64)[class_at]
            techno_at, technos = distinct(chunk["techno"])
            techno_names = technos.str.strip().str.upper()
            preference = techno_names.map(_PREFERENCE).fillna(-1).to_numpy(dtype=np.int64)[techno_at]
            family = techno_names.map(_FAMILY_OF).fillna(-1).to_numpy(dtype=np.int64)[techno_at]
            for kind, bad, at, names in (("classe", rank < 0, class_at, classes),
                                         ("techno", preference < 0, techno_at, techno_names)):
                if (bad & readable).any() and len(report.unknown_values[kind]) < 20:
                    report.unknown_values[kind].update(names.iloc[np.unique(at[bad & readable])][:20])
            if "operateur" in chunk:
                operator_at, operators = distinct(chunk["operateur"])
                operator = _operator_codes(cursor, job.schema, operators)[operator_at]
            else:
                operator = np.full(len(chunk), NO_OPERATOR_COLUMN, dtype=np.int64)
            usable = (rank >= 0) & (preference >= 0)
            keep = readable
            _copy_binary(cursor, table, {
                "imb_id": (ids[keep].astype(np.int64), ">i8"),
                "code": (np.where(usable, rank * 8 + preference, -1)[keep], ">i2"),
                "famille": (np.where(usable, family, -1)[keep], ">i2"),
                "operateur": (operator[keep], ">i2"),
                "defaut": ((np.where(rank < 0, UNKNOWN_CLASS, 0) | np.where(preference < 0, UNKNOWN_TECHNO, 0))[keep],
                           ">i2"),
            })
        if not report.counts["elig_rows_read"]:
            raise ScoranError(tr("Le fichier {0} ne contient aucune ligne d'éligibilité (en-tête seul).").format(
                layout.path.name))
        _reduce_file(cursor, job, table)
    return report


def _reduce_file(cursor, job: _File, table: str) -> None:
    """The file's rows reduced per building in SQL (in the worker: the départements' files in parallel) and
    merged into `meilleures`: a building described in several files keeps the maxima over all of them, as if
    the files were one. THD operators: a bit each in `masque` (codes 1..63: the real files have a few dozen),
    any further one as a (building, operator) pair."""
    thd = (f"code >= {RANK['THD30'] * 8} AND mod(code, 8) = ANY(%(counted)s) "
           f"AND operateur <> {NO_OPERATOR_COLUMN}")
    families = ", ".join(f"max(code / 8) FILTER (WHERE code >= 0 AND famille = {number})"
                         for number, _ in enumerate(FAMILIES))
    merged = ", ".join(f"rank_{name} = greatest(m.rank_{name}, excluded.rank_{name})" for name in FAMILIES)
    best = _table(job.schema, "meilleures")
    cursor.execute(f"""
        INSERT INTO {best} AS m
        SELECT imb_id, max(code) FILTER (WHERE code >= 0 AND mod(code, 8) = ANY(%(counted)s)), {families},
               count(*), count(*) FILTER (WHERE defaut & {UNKNOWN_CLASS} > 0),
               count(*) FILTER (WHERE defaut & {UNKNOWN_TECHNO} > 0), bool_or(operateur = {NO_OPERATOR_COLUMN}),
               bit_or(1::bigint << operateur) FILTER (WHERE {thd} AND operateur < 64)
        FROM {table} GROUP BY imb_id ORDER BY imb_id  -- every worker locks in one order: no deadlock
        ON CONFLICT (imb_id) DO UPDATE SET best = greatest(m.best, excluded.best), {merged},
            lignes = m.lignes + excluded.lignes, classes_inconnues = m.classes_inconnues + excluded.classes_inconnues,
            technos_inconnues = m.technos_inconnues + excluded.technos_inconnues,
            sans_operateur = m.sans_operateur OR excluded.sans_operateur,
            masque = CASE WHEN m.masque IS NULL THEN excluded.masque WHEN excluded.masque IS NULL THEN m.masque
                          ELSE m.masque | excluded.masque END""", {"counted": list(job.counted)})
    cursor.execute(f"""
        INSERT INTO {_table(job.schema, "operateurs_thd")} SELECT DISTINCT imb_id, operateur FROM {table}
        WHERE {thd} AND operateur >= 64 ORDER BY imb_id, operateur ON CONFLICT DO NOTHING""",
                   {"counted": list(job.counted)})
    cursor.execute(f"DROP TABLE {table}")


# --- the run ---------------------------------------------------------------------------------------
def import_to_postgis(database, base_paths, eligibility_paths, technologies=WIRED_TECHNOLOGIES,
                      target_epsg: int | None = None, threshold: str = "HD3", share: float = 50.0,
                      schema: str = DEFAULT_SCHEMA, workers: int | None = None, feedback=None,
                      progress=None) -> PostgisRun:
    """Import the ARCEP files into `schema` of the PostGIS database `database` (libpq string, postgresql:// URI,
    saved QGIS connection) and compute there what `scoran:importmci` then `scoran:whitezones` compute.

    `progress(step, fraction)` reports the steps of STEPS; `workers`: files parsed at once (default: the cores).
    """
    feedback = feedback or SilentFeedback()
    step = progress or (lambda name, fraction: None)
    technologies = checked_inputs(base_paths, eligibility_paths, technologies)
    threshold_rank(threshold)
    check_share(share)
    schema = check_schema(schema)
    target = database if isinstance(database, pg.PgTarget) else pg.resolve(database)
    workers = available_cores() if workers is None else max(int(workers), 1)
    run = PostgisRun(schema=schema, epsg=0, report=ImportReport(), summary=pd.DataFrame())
    clock = _Clock(run.timings)
    with _connection(target, schema) as conn, conn.cursor() as cursor:
        pg.check_postgis(conn, target)
        conn.autocommit = True
        cursor.execute("SELECT pg_try_advisory_lock(hashtext(%s))", (f"scoran_mci:{schema}",))
        if not cursor.fetchone()[0]:
            raise ScoranError(tr("Un autre import est en cours dans le schéma {0} de {1} : attendez qu'il se "
                                 "termine.").format(quoted(schema), target.label))
        cursor.execute("SELECT to_regclass(quote_ident(%s) || '.scoran_meta') IS NOT NULL", (schema,))
        if cursor.fetchone()[0]:  # its tables are the officers' work: never mixed with a run's tables
            raise ScoranError(tr("Le schéma {0} de {1} est celui d'un référentiel SCORAN : choisissez un schéma à part "
                                 "pour les résultats de l'import (par défaut {2}).").format(
                quoted(schema), target.label, quoted(DEFAULT_SCHEMA)))
        cursor.execute(f"SET max_parallel_workers_per_gather = {int(max(workers, 1))}")
        try:
            _create_staging(cursor, schema)
            _load(run, target, schema, base_paths, eligibility_paths, target_epsg, technologies, workers, feedback,
                  step, clock)
            _best_classes(run, target, cursor, schema, list(range(len(base_paths))), workers, feedback, step, clock)
            _index_and_cells(run, target, schema, technologies, threshold, float(share), workers, feedback, step,
                             clock)
            _white_zones(run, conn, cursor, schema, threshold, float(share), feedback, step, clock)
            _publish(cursor, schema, conn)
            step("ecriture", 1.0)
            clock.lap("ecriture")
        finally:
            _drop_work_tables(cursor, schema, conn)
    run.counts["seconds"] = round(sum(run.timings.values()), 1)
    return run


class _Clock:
    def __init__(self, timings: dict):
        self.timings, self.last = timings, time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.timings[name] = round(self.timings.get(name, 0.0) + now - self.last, 2)
        self.last = now


def _create_staging(cursor, schema: str) -> None:
    cursor.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
    _drop_work_tables(cursor, schema, None)
    cursor.execute(f"""
        CREATE UNLOGGED TABLE {_table(schema, "premiers")} (imb_id bigint PRIMARY KEY, ordre bigint);
        CREATE UNLOGGED TABLE {_table(schema, "meilleures")} (imb_id bigint PRIMARY KEY, best integer,
            {", ".join(f"rank_{name} integer" for name in FAMILIES)}, lignes bigint, classes_inconnues bigint,
            technos_inconnues bigint, sans_operateur boolean, masque bigint);
        CREATE UNLOGGED TABLE {_table(schema, "operateurs_thd")} (imb_id bigint, operateur smallint,
            PRIMARY KEY (imb_id, operateur));
        CREATE UNLOGGED TABLE {_table(schema, "operateurs_lus")} (code smallserial PRIMARY KEY, nom text UNIQUE);
    """)


def _drop_work_tables(cursor, schema: str, conn) -> None:
    """The staging tables and any result not published (a failed or cancelled run): dropped. The advisory lock
    goes with the connection. A broken connection drops nothing here: the next run does."""
    import psycopg2

    names = [*_STAGING, *(f"{name}__en_cours" for name in TABLES)]
    try:
        if conn is not None and not conn.autocommit:
            conn.rollback()
            conn.autocommit = True
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = %s AND tablename ~ '^immeubles_lus_[0-9]+$'",
                       (schema,))
        names += [row[0] for row in cursor.fetchall()]
        cursor.execute("DROP TABLE IF EXISTS " + ", ".join(_table(schema, name) for name in names))
    except psycopg2.Error:
        if conn is None:
            raise


def _load(run: PostgisRun, target, schema, base_paths, eligibility_paths, target_epsg, technologies, workers,
          feedback, step, clock) -> None:
    files = [*base_paths, *eligibility_paths]
    counted = tuple(_PREFERENCE[t] for t in technologies)
    jobs = [_File(str(path), number, target, schema, target_epsg, counted) for number, path in enumerate(files)]
    base_jobs, eligibility_jobs = jobs[:len(base_paths)], jobs[len(base_paths):]
    epsgs, departments, done = set(), set(), 0
    for result in map_in_order(_load_base_file, base_jobs, workers, feedback):
        part, epsg, deps, rows = result
        run.counts["rows_read"] = run.counts.get("rows_read", 0) + rows
        run.report.merge(part, feedback)
        epsgs.add(epsg)
        departments |= set(deps)
        done += 1
        step("chargement", done / len(jobs))
    clock.lap("immeubles")  # timed apart: the buildings scale with the buildings, the rows below with the rows
    if target_epsg is None and (len(epsgs) > 1 or 0 in epsgs):
        raise ScoranError(tr("Les fichiers mêlent des territoires de projections différentes (départements {0}) : "
                             "importez chaque territoire à part, ou choisissez la projection de sortie.").format(
            ", ".join(sorted(departments))))
    run.epsg = int(target_epsg or next(iter(epsgs)))
    for part in map_in_order(_load_eligibility_file, eligibility_jobs, workers, feedback):
        run.report.merge(part, feedback)
        done += 1
        step("chargement", done / len(jobs))
    clock.lap("eligibilite")


def _sql_array(values) -> str:
    return "ARRAY[" + ", ".join(f"'{value}'" for value in values) + "]"


def _best_classes(run: PostgisRun, target, cursor, schema: str, base_numbers: list, workers: int, feedback, step,
                  clock) -> None:
    """`mci_locaux__en_cours`: one point per building (its first reading, as the GeoPackage path), its best class
    over the counted technologies and the details of `scoran:importmci` — one département file per connection,
    as many at once as there are workers."""
    cursor.execute(f"SELECT EXISTS (SELECT FROM {_table(schema, 'operateurs_thd')})")
    operator_count = "length(replace(m.masque::bit(64)::text, '0', ''))"
    operator_join = ""
    if cursor.fetchone()[0]:  # more than 63 operators: the others counted from their pairs
        operator_count += " + coalesce(o.nb, 0)"
        operator_join = (f"LEFT JOIN (SELECT imb_id, count(*) AS nb FROM {_table(schema, 'operateurs_thd')} "
                         "GROUP BY imb_id) AS o ON o.imb_id = b.imb_id")
    classes, speeds = _sql_array(CLASSES), "ARRAY[" + ", ".join(repr(NOMINAL_MBPS[c]) for c in CLASSES) + "]"
    family_classes = ", ".join(f"({classes})[m.rank_{name} + 1] AS classe_{name}" for name in FAMILIES)
    described = " OR ".join(f"m.rank_{name} IS NOT NULL" for name in FAMILIES)
    epsg = int(run.epsg)

    def premises_of(number: int) -> str:
        return f"""
            SELECT b.imb_id, b.code_insee, {_DEP_SQL} AS code_dep, b.nb_locaux,
                   ({classes})[coalesce(m.best / 8, 0) + 1] AS classe,
                   ({speeds}::double precision[])[coalesce(m.best / 8, 0) + 1] AS debit_mbps,
                   ({_sql_array(_BY_PREFERENCE)})[mod(m.best, 8) + 1] AS techno, b.addr_code, {family_classes},
                   CASE WHEN ({described}) AND NOT m.sans_operateur THEN coalesce({operator_count}, 0) END
                       AS nb_operateurs_thd,
                   coalesce(m.best / 8, 0)::smallint AS rang, b.ix, b.iy, b.ordre,
                   ST_SetSRID(ST_MakePoint(b.x, b.y), {epsg})::geometry(Point, {epsg}) AS geom
            FROM {_buildings_table(schema, number)} AS b
            JOIN {_table(schema, "premiers")} AS p ON p.imb_id = b.imb_id AND p.ordre = b.ordre
            LEFT JOIN {_table(schema, "meilleures")} AS m ON m.imb_id = b.imb_id {operator_join}"""

    locaux = _table(schema, "mci_locaux__en_cours")
    cursor.execute(f"CREATE TABLE {locaux} AS {premises_of(base_numbers[0])} WITH NO DATA")
    # a département's buildings against the keyed tables: index probes, not a hash of the whole country
    _in_parallel(target, schema, [f"INSERT INTO {locaux} {premises_of(number)}" for number in base_numbers],
                 workers, feedback, setup="SET enable_hashjoin = off; SET enable_mergejoin = off",
                 done=lambda fraction: step("meilleure_classe", fraction))
    clock.lap("meilleure_classe")


def _index_and_cells(run: PostgisRun, target, schema: str, technologies, threshold: str, share: float, workers: int,
                     feedback, step, clock) -> None:
    """Indexes of `mci_locaux`, the counts for the log and the 200 m cells, on two connections at once."""
    locaux, cells = _table(schema, "mci_locaux__en_cours"), _table(schema, "zb_carreaux__en_cours")
    limit, seuil, share = threshold_rank(threshold), threshold_code(threshold), float(share)
    # the populated 200 m cells, summed and flagged in SQL (the share rule of whitezones.reaches_share: an integer
    # × 100 against SHARE × premises, in double precision as numpy compares them)
    create_cells = f"""
        CREATE TABLE {cells} AS
        SELECT 'CRS3035RES{CELL}mN' || (iy * {CELL}) || 'E' || (ix * {CELL}) AS id_carreau, ix, iy, nb_locaux,
               nb_sous_seuil, nb_inel,
               nb_locaux > 0 AND nb_sous_seuil * 100 >= {share!r} * nb_locaux AS blanc,
               nb_locaux > 0 AND nb_inel * 100 >= {share!r} * nb_locaux AS inel,
               '{seuil}'::text AS seuil, {share!r}::double precision AS part_pct,
               ST_MakeEnvelope(ix * {CELL}, iy * {CELL}, (ix + 1) * {CELL}, (iy + 1) * {CELL}, {LAEA})
                   ::geometry(Polygon, {LAEA}) AS geom
        FROM (SELECT ix, iy, sum(nb_locaux)::bigint AS nb_locaux,
                     coalesce(sum(nb_locaux) FILTER (WHERE rang < {limit}), 0)::bigint AS nb_sous_seuil,
                     coalesce(sum(nb_locaux) FILTER (WHERE rang = 0), 0)::bigint AS nb_inel
              FROM {locaux} GROUP BY ix, iy) AS sums"""
    lanes = [
        [f"CREATE UNIQUE INDEX ON {locaux} (imb_id)", f"CREATE INDEX ON {locaux} USING gist (geom)",
         f"CREATE INDEX ON {locaux} (code_insee)", f"CREATE INDEX ON {locaux} (code_dep)"],
        [f"CREATE INDEX ON {locaux} (ix, iy)",
         f"SELECT count(*), coalesce(sum(nb_locaux), 0), count(*) FILTER (WHERE techno IS NULL) FROM {locaux}",
         f"""SELECT coalesce(sum(m.lignes) FILTER (WHERE p.imb_id IS NULL), 0),
                    coalesce(sum(m.classes_inconnues) FILTER (WHERE p.imb_id IS NOT NULL), 0),
                    coalesce(sum(m.technos_inconnues) FILTER (WHERE p.imb_id IS NOT NULL), 0)
             FROM {_table(schema, "meilleures")} AS m LEFT JOIN {_table(schema, "premiers")} AS p USING (imb_id)""",
         create_cells, f"CREATE UNIQUE INDEX ON {cells} (id_carreau)", f"CREATE INDEX ON {cells} USING gist (geom)",
         f"SELECT count(*) FROM {cells}"],
    ]
    _, lane = _in_parallel(target, schema, lanes, min(workers, 2), feedback,
                           done=lambda fraction: step("index_carreaux", fraction))
    (kept, premises, no_row), = lane[1]
    (unknown_buildings, unknown_classes, unknown_technos), = lane[2]
    run.counts["cells"] = int(lane[-1][0][0])
    counts = run.report.counts
    counts["duplicate_buildings"] += int(run.counts.pop("rows_read", 0) - kept)
    counts["unknown_buildings"] += int(unknown_buildings)
    counts["unknown_classes"] += int(unknown_classes)
    counts["unknown_technos"] += int(unknown_technos)
    counts["no_eligibility"] += int(no_row)
    if not kept:
        c = counts
        raise ScoranError(tr("Aucun immeuble utilisable parmi les {0} lu(s) dans les fichiers base_imb : {1} sans "
                             "coordonnées, {2} aux coordonnées hors limites, {3} au code INSEE invalide, {4} à "
                             "l'imb_id illisible.").format(c["buildings_read"], c["no_coordinates"],
                                                           c["absurd_coordinates"], c["bad_insee"], c["bad_imb_id"]))
    _refuse_unusable_eligibility(run.report, technologies)
    run.counts.update(buildings=int(kept), premises=int(premises), eligibility_rows=int(counts["elig_rows_read"]))
    clock.lap("index_carreaux")


def _in_parallel(target, schema: str, jobs: list, workers: int, feedback, setup: str = "", done=None) -> list:
    """Run each job (a statement, or a list run in order) on a connection of its own, `workers` at once (threads:
    the work is the server's). Returns, per job, what each statement gave (its rows, or its row count)."""
    def run(job):
        with _connection(target, schema) as conn, conn.cursor() as cursor:
            if setup:
                cursor.execute(setup)
            results = []
            for statement in [job] if isinstance(job, str) else job:
                cursor.execute(statement)
                results.append(cursor.fetchall() if cursor.description else cursor.rowcount)
            return results

    results = []
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(jobs)))) as pool:
        futures = [pool.submit(run, job) for job in jobs]
        try:
            for future in futures:
                while True:
                    check_canceled(feedback)
                    try:
                        results.append(future.result(timeout=0.25))
                        break
                    except FutureTimeout:
                        continue
                if done is not None:
                    done(len(results) / len(jobs))
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    return results


def _fetch(conn, sql: str) -> pd.DataFrame:
    """A query's result through COPY (millions of rows: far faster than fetching tuples)."""
    buffer = io.StringIO()
    with conn.cursor() as cursor:
        cursor.copy_expert(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv, HEADER)", buffer)
    buffer.seek(0)
    return pd.read_csv(buffer, dtype={"code_insee": str, "code_dep": str}, keep_default_na=False, na_values=[""])


def _white_zones(run: PostgisRun, conn, cursor, schema: str, threshold: str, share: float, feedback, step,
                 clock) -> None:
    locaux = _table(schema, "mci_locaux__en_cours")
    cursor.execute(f"ANALYZE {locaux}")
    # premises per commune × class, summed in SQL; the commune's fields as the GeoPackage path counts them
    by_class = _fetch(conn, f"SELECT code_insee, code_dep, rang, sum(nb_locaux)::bigint AS nb_locaux FROM {locaux} "
                            "GROUP BY code_insee, code_dep, rang ORDER BY code_insee, rang")
    check_canceled(feedback)
    group, communes = pd.factorize(by_class["code_insee"], sort=True)
    table = count_by_group(group, by_class["nb_locaux"].to_numpy(), by_class["rang"].to_numpy(), len(communes),
                           threshold, share)
    commune_dep = by_class.groupby("code_insee", sort=True)["code_dep"].first().to_numpy(dtype=object)
    table.insert(0, "code_dep", commune_dep)
    table.insert(0, "code_insee", np.asarray(communes, dtype=object))
    step("communes", 1.0)
    clock.lap("communes")

    cells_table = _table(schema, "zb_carreaux__en_cours")
    # the flagged cells only go to Python, to be dissolved; with, for the zones' main département, the rows and the
    # first row of each département in each of them
    cells = _fetch(conn, f"SELECT ix, iy, nb_locaux, nb_sous_seuil, nb_inel FROM {cells_table} WHERE blanc OR inel "
                         "ORDER BY ix, iy")
    per_dep = _fetch(conn, f"""
        SELECT l.ix, l.iy, l.code_dep, count(*) AS lignes, min(l.ordre) AS premier
        FROM {cells_table} AS c JOIN {locaux} AS l ON l.ix = c.ix AND l.iy = c.iy
        WHERE c.blanc OR c.inel GROUP BY l.ix, l.iy, l.code_dep""")
    check_canceled(feedback)

    def main_departments(labels, n_zones: int) -> np.ndarray:
        # the département of most premise rows of the zone; a tie: the one whose first row comes first
        zone = labels.of(per_dep["ix"].to_numpy(), per_dep["iy"].to_numpy())
        frame = per_dep.assign(zone=zone)[zone > 0].groupby(["zone", "code_dep"], sort=False).agg(
            lignes=("lignes", "sum"), premier=("premier", "min")).reset_index()
        frame = frame.sort_values(["zone", "lignes", "premier"], ascending=[True, False, True])
        best = frame.drop_duplicates("zone")
        result = np.full(n_zones, "", dtype=object)
        result[best["zone"].to_numpy() - 1] = best["code_dep"].to_numpy(dtype=object)
        return result

    grid = zones_of_cells(cells, main_departments, threshold, share)
    premises = by_class.rename(columns={"rang": "rank"})
    run.summary = department_summary(premises, table, table["code_dep"].to_numpy(dtype=object), grid, threshold, share)
    step("zones", 1.0)
    clock.lap("zones")

    _write_frame(cursor, schema, "zb_communes", table, {"code_insee": "text PRIMARY KEY", "code_dep": "text"})
    step("ecriture", 0.3)
    for name, zones, fields in (("zb_zones", grid.zones, ZONE_FIELDS), ("zb_zones_inel", grid.zones_inel,
                                                                        INEL_ZONE_FIELDS)):
        _write_zones(cursor, schema, name, zones, fields)
    _write_frame(cursor, schema, "zb_departements", run.summary, {"code": "text PRIMARY KEY"})
    total = run.summary.iloc[-1]
    run.counts.update(communes=len(table), white_communes=int(table["zone_blanche"].sum()),
                      zones=len(grid.zones), zones_inel=len(grid.zones_inel),
                      below_threshold=int(total["nb_sous_seuil"]), ineligible=int(total["nb_inel"]))
    step("ecriture", 0.6)


_PG_TYPES = {"b": "boolean", "i": "bigint", "u": "bigint", "f": "double precision", "O": "text"}


def _write_frame(cursor, schema: str, name: str, frame: pd.DataFrame, declared: dict) -> None:
    """A result table `<name>__en_cours` from a DataFrame, through COPY."""
    table = _table(schema, f"{name}__en_cours")
    columns = [f'"{column}" {declared.get(column) or _PG_TYPES.get(frame[column].dtype.kind, "text")}'
               for column in frame.columns]
    cursor.execute(f"CREATE TABLE {table} ({', '.join(columns)})")
    _copy_text(cursor, table, [f'"{column}"' for column in frame.columns], frame)


def _write_zones(cursor, schema: str, name: str, zones: pd.DataFrame, fields: list) -> None:
    """Zones (EPSG:3035 polygons as WKB) as `<name>__en_cours`, MultiPolygon as the GeoPackage path writes them."""
    frame = zones[fields].copy()
    frame["wkb"] = [bytes(wkb).hex() for wkb in zones["geom"]] if len(zones) else pd.Series(dtype=object)
    declared = {"zone_id": "integer PRIMARY KEY", "code_dep": "text", "nb_carreaux": "bigint",
                "nb_locaux": "bigint", "nb_sous_seuil": "bigint", "nb_inel": "bigint", "categorie": "text",
                "seuil": "text", "wkb": "text"}
    _write_frame(cursor, schema, name, frame, declared)
    table = _table(schema, f"{name}__en_cours")
    cursor.execute(f"""
        ALTER TABLE {table} ADD COLUMN geom geometry(MultiPolygon, {LAEA});
        UPDATE {table} SET geom = ST_Multi(ST_GeomFromWKB(decode(wkb, 'hex'), {LAEA}));
        ALTER TABLE {table} DROP COLUMN wkb;
        CREATE INDEX ON {table} USING gist (geom);
    """)


def _publish(cursor, schema: str, conn) -> None:
    """Every result replaces the previous one in one transaction: readers see the old set or the new one."""
    conn.autocommit = False
    try:
        for name in TABLES:
            cursor.execute(f"DROP TABLE IF EXISTS {_table(schema, name)}")
            cursor.execute(f'ALTER TABLE {_table(schema, name + "__en_cours")} RENAME TO "{name}"')
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    finally:
        conn.autocommit = True


def layer_names() -> dict:
    """The French names of the result layers (loaded in QGIS by scoran:importmcipostgis)."""
    return {
        "mci_locaux": tr("Locaux (ARCEP Ma connexion internet, PostGIS)"),
        "zb_communes": tr("Zones blanches par commune (PostGIS)"),
        "zb_carreaux": tr("Carreaux de 200 m (PostGIS)"),
        "zb_zones": tr("Zones sans haut débit de qualité, carreaux regroupés (PostGIS)"),
        "zb_zones_inel": tr("Zones blanches du haut débit, carreaux regroupés (PostGIS)"),
        "zb_departements": tr("Inventaire par département (PostGIS)"),
    }
