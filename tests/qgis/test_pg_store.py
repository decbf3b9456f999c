"""The SCORAN store on PostgreSQL/PostGIS (issue 14, item 1, the start): the same schema, versions and
migrations as the GeoPackage store, in one schema (`scoran`) of a real server (tests/pg_server.py), and the
same scenarios giving the same results on both backends.

Expected values: the tables listed in docs/data-model.md, codes written here by hand, and the GeoPackage
store (the reference backend, tested elsewhere) for the « identical results » comparisons.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pandas as pd
import psycopg2
import pytest

from scoran_qgis.core import costs, gpkg, register, schema, semesters, territory_filter
from scoran_qgis.core.errors import ScoranError, StoreVersionError
from scoran_qgis.core.pgstore import PgStore
from scoran_qgis.core.store import ScoranStore, StoreIntegrityError

pytestmark = pytest.mark.postgis

DATA_MODEL = Path(__file__).resolve().parents[2] / "docs" / "data-model.md"
TIMESTAMPS = ("cree_le", "modifie_le", "execute_le")


def documented_tables() -> set[str]:
    """The tables docs/data-model.md describes (one `### name` heading each)."""
    return set(re.findall(r"^### `?([a-z_]+)`?\s*$", DATA_MODEL.read_text(encoding="utf-8"), re.MULTILINE))


def pg_columns(dsn: str, schema_name: str = "scoran") -> dict[str, list[str]]:
    with psycopg2.connect(dsn) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = %s "
                       "ORDER BY table_name, ordinal_position", (schema_name,))
        found = {}
        for table, column in cursor.fetchall():
            found.setdefault(table, []).append(column)
    return found


def gpkg_columns(store: ScoranStore) -> dict[str, list[str]]:
    with store.connection() as conn:
        return {table: [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
                for table in store.tables()}


def pg_execute(dsn: str, sql: str, parameters=()):
    conn = psycopg2.connect(dsn)
    try:
        with conn, conn.cursor() as cursor:
            cursor.execute(sql, parameters)
    finally:
        conn.close()


# --- creation, tables, columns, CHECKs -------------------------------------------------------------------
def test_a_store_created_on_postgis_has_every_documented_table_with_the_geopackage_columns(pg_database, tmp_path):
    store = ScoranStore.create(pg_database)
    assert isinstance(store, PgStore) and store.is_postgres
    assert store.schema == "scoran"
    assert store.schema_version() == schema.CURRENT_VERSION == 6
    assert store.crs_epsg() == 2154
    assert store.meta("cree_par")
    with pytest.raises(ScoranError, match="pas encore disponible pour un référentiel PostgreSQL"):
        store.path  # noqa: B018 - what code written for files gets (lock, OGR, backups)

    documented = documented_tables()
    assert len(documented) >= 30  # the document lists every table of steps 1 to 5
    assert set(store.tables()) == documented

    reference = gpkg_columns(ScoranStore.create(tmp_path / "reference.gpkg"))
    assert pg_columns(pg_database) == reference  # same tables, same columns, same order

    with psycopg2.connect(pg_database) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT f_table_name, type, srid FROM geometry_columns WHERE f_table_schema = 'scoran'")
        geometry = {row[0]: (row[1], row[2]) for row in cursor.fetchall()}
        cursor.execute("SELECT tablename FROM pg_indexes WHERE schemaname = 'scoran' AND indexdef LIKE '%USING gist%'")
        gist = {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT data_type FROM information_schema.columns WHERE table_schema = 'scoran' "
                       "AND table_name = 'projets' AND column_name = 'budget'")
        budget_type = cursor.fetchone()[0]
        cursor.execute("SELECT is_identity FROM information_schema.columns WHERE table_schema = 'scoran' "
                       "AND table_name = 'jalons' AND column_name = 'jalon_id'")
        identity = cursor.fetchone()[0]
    assert geometry == {
        "regions": ("MULTIPOLYGON", 2154), "departements": ("MULTIPOLYGON", 2154), "epci": ("MULTIPOLYGON", 2154),
        "communes": ("MULTIPOLYGON", 2154), "zones_blanches": ("MULTIPOLYGON", 3035),
        "sites_prioritaires": ("POINT", 2154), "rip_projets": ("MULTIPOLYGON", 2154),
        "rip_phases": ("MULTIPOLYGON", 2154), "centres_bourgs": ("POINT", 2154)}
    assert gist == set(geometry)
    assert budget_type == "double precision"
    assert identity == "YES"


def test_a_store_in_another_crs_and_schema(pg_database):
    store = ScoranStore.create(pg_database + " schema=scoran_reunion", crs_epsg=2975)
    assert store.schema == "scoran_reunion" and store.crs_epsg() == 2975
    with psycopg2.connect(pg_database) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT srid FROM geometry_columns WHERE f_table_schema = 'scoran_reunion' "
                       "AND f_table_name = 'communes'")
        assert cursor.fetchone()[0] == 2975
    assert ScoranStore.open(pg_database + " schema=scoran_reunion").crs_epsg() == 2975
    with pytest.raises(ScoranError, match="existe déjà"):
        ScoranStore.create(pg_database + " schema=scoran_reunion")
    with pytest.raises(ScoranError, match="n'est pas un référentiel SCORAN"):
        ScoranStore.open(pg_database)  # no store in the default schema `scoran`


CHECK_CASES = [  # (table, column, value, accepted) written by hand from domain.md's codes
    ("communes", "insee_com", "21231", True), ("communes", "insee_com", "2A004", True),
    ("communes", "insee_com", "2B033", True), ("communes", "insee_com", "97411", True),
    ("communes", "insee_com", "2154", False), ("communes", "insee_com", "212310", False),
    ("communes", "insee_com", "2C004", False), ("communes", "insee_com", "21 31", False),
    ("communes", "insee_com", "a1231", False),
    ("millesimes", "code", "2024-S1", True), ("millesimes", "code", "2015-S2", True),
    ("millesimes", "code", "2024-S3", False), ("millesimes", "code", "24-S1", False),
    ("millesimes", "code", "2024S1", False), ("millesimes", "code", "3024-S1", False),
    ("millesimes", "code", "2024-s1", False),
    ("sdtan", "code_dep", "21", True), ("sdtan", "code_dep", "2A", True), ("sdtan", "code_dep", "974", True),
    ("sdtan", "code_dep", "977", False), ("sdtan", "code_dep", "2C", False), ("sdtan", "code_dep", "021", False),
    # GLOB '[a-z0-9_]*': the first character is checked, the rest is free — the same on PostgreSQL
    ("themes_regionaux", "code", "tourisme", True), ("themes_regionaux", "code", "tourisme-bois", True),
    ("themes_regionaux", "code", "Tourisme", False), ("themes_regionaux", "code", "-x", False),
    ("communes", "montagne", 1, True), ("communes", "montagne", 2, False),
]


def _row(table, column, value):
    if table == "communes":
        return {"insee_com": "21231", "nom": "Dijon", "insee_dep": "21", column: value}
    if table == "themes_regionaux":
        return {"code": value, "libelle": "Thème"}
    return {column: value}


@pytest.mark.parametrize("table, column, value, accepted", CHECK_CASES)
def test_the_checks_refuse_bad_codes_on_both_backends(pg_database, tmp_path, table, column, value, accepted):
    outcomes = []
    for store in (ScoranStore.create(pg_database), ScoranStore.create(tmp_path / "s.gpkg")):
        try:
            with store.transaction() as conn:
                store.insert(conn, table, [_row(table, column, value)])
            outcomes.append(True)
        except StoreIntegrityError as error:
            assert "rien n'a été modifié" in str(error)
            outcomes.append(False)
        assert store.count(table) == (1 if outcomes[-1] else 0)
    assert outcomes == [accepted, accepted]


GLOB_SAMPLES = ["", "2", "21", "2A", "2a", "2C", "974", "977", "21231", "2A004", "2B033", "97411", "a1231", "2154",
                "212310", "21 31", "2024-S1", "2024-S3", "2024S1", "3024-S1", "2024-s1", "1999-S2", "tourisme",
                "tourisme-bois", "_x", "Tourisme", "-x", "é", "2A00*", "[0-9]", ".", "2024-S1\n", "21.31", "a^b$"]


def test_every_glob_check_is_translated_into_an_equivalent_regex(pg_database):
    """Each GLOB pattern of the schema, run by SQLite itself and its translation by PostgreSQL, on tricky strings."""
    ddl = " ".join(getattr(table, "ddl", None) or table.columns for step in schema.MIGRATIONS for table in step.tables)
    patterns = sorted(set(re.findall(r"GLOB\s+'([^']*)'", ddl)))
    assert patterns == ["97[1-6]", "[0-9][0-9AB]", "[0-9][0-9AB][0-9][0-9][0-9]", "[12][0-9][0-9][0-9]-S[12]",
                        "[a-z0-9_]*"]
    lite = sqlite3.connect(":memory:")
    with psycopg2.connect(pg_database) as conn, conn.cursor() as cursor:
        for pattern in patterns:
            regex = schema.glob_to_regex(pattern)
            for text in GLOB_SAMPLES:
                expected = bool(lite.execute("SELECT ? GLOB ?", (text, pattern)).fetchone()[0])
                cursor.execute("SELECT %s ~ %s", (text, regex))
                assert cursor.fetchone()[0] == expected, (pattern, regex, text)
    lite.close()


def test_a_failed_transaction_writes_nothing(pg_database):
    store = ScoranStore.create(pg_database)
    with pytest.raises(StoreIntegrityError):
        with store.transaction() as conn:
            store.add_millesime(conn, "2024-S1")
            store.insert(conn, "millesimes", [{"code": "2024-S9"}])
    assert store.millesimes() == []
    with pytest.raises(RuntimeError):
        with store.transaction() as conn:
            store.add_millesime(conn, "2024-S1")
            raise RuntimeError("stop")
    assert store.millesimes() == []
    with store.transaction() as conn:
        store.add_millesime(conn, "2024-S1")
        store.add_millesime(conn, "2024-S1")  # idempotent (INSERT OR IGNORE)
    assert store.millesimes() == ["2024-S1"]


def test_the_callers_sqlite_sql_runs_unchanged_with_values_as_parameters(pg_database, tmp_path):
    results = []
    for store in (ScoranStore.create(pg_database), ScoranStore.create(tmp_path / "s.gpkg")):
        with store.transaction() as conn:
            for name in ("Dijon", "Dijon (nouveau nom)"):  # the business key decides, as SQLite's REPLACE
                conn.execute("INSERT OR REPLACE INTO communes (insee_com, nom, insee_dep) VALUES (?, ?, ?)",
                             ("21231", name, "21"))
            conn.execute("INSERT OR IGNORE INTO communes (insee_com, nom, insee_dep) VALUES (?, ?, ?)",
                         ("21231", "ignoré", "21"))
            conn.executemany("INSERT INTO millesimes (code, commentaire) VALUES (?, ?)",
                             [("2015-S1", "50 % ? oui"), ("2015-S2", "l'autre ; DROP TABLE communes")])
        with store.connection() as conn:
            literal = conn.execute("SELECT '?', ?, 'a%b', \"code\" FROM millesimes WHERE code LIKE '2015-%' "
                                   "AND commentaire LIKE ? ORDER BY code", (7, "%?%")).fetchall()
            communes = conn.execute("SELECT insee_com, nom FROM communes").fetchall()
        results.append((literal, communes, store.millesimes()))
    assert results[0] == results[1] == (
        [("?", 7, "a%b", "2015-S1")], [("21231", "Dijon (nouveau nom)")], ["2015-S1", "2015-S2"])


def test_a_write_blocked_by_another_session_gives_the_busy_message_and_writes_nothing(pg_database):
    from scoran_qgis.core.errors import StoreLockedError

    store = ScoranStore.create(pg_database)
    other = psycopg2.connect(pg_database)  # another QGIS session, in the middle of a long write
    try:
        other.cursor().execute("LOCK TABLE scoran.millesimes IN EXCLUSIVE MODE")
        with pytest.raises(StoreLockedError, match="en cours d'écriture par une autre session"):
            with store.transaction() as conn:
                store.add_millesime(conn, "2015-S1")
    finally:
        other.rollback()
        other.close()
    assert store.millesimes() == []


# --- versions and migrations ------------------------------------------------------------------------------
def test_a_version_4_store_is_migrated_to_5_and_keeps_its_data(pg_database):
    old = ScoranStore.create(pg_database, up_to_version=4)
    assert old.schema_version() == 4
    with old.transaction() as conn:
        old.add_millesime(conn, "2015-S2")
        conn.execute("INSERT INTO projets (projet_id, titre, niveau, domaine) VALUES (?, ?, ?, ?)",
                     ("PRJ-001", "Télémédecine", "regional", "sante"))
    assert "projets_millesime" not in old.tables()
    assert "besoins_emergents" not in pg_columns(pg_database)["projets"]

    store = ScoranStore.open(pg_database)
    assert store.schema_version() == 6  # steps 5 and 6
    assert {"themes_regionaux", "sdtan", "projets_millesime", "centres_millesime", "couts_millesime"} <= set(
        store.tables())
    assert set(schema.PROJECT_FIELDS_5) <= set(pg_columns(pg_database)["projets"])
    assert store.millesimes() == ["2015-S2"]
    assert register.load_project(store, "PRJ-001")["projet"]["titre"] == "Télémédecine"
    with store.connection() as conn:
        migrations = [row[0] for row in conn.execute(
            "SELECT parametres FROM analyses WHERE algorithme = 'migration' ORDER BY analyse_id")]
    assert [m.split(" :")[0] for m in migrations] == [f"schéma {n}" for n in (1, 2, 3, 4, 5, 6)]
    assert ScoranStore.open(pg_database).schema_version() == 6  # nothing left to apply
    assert store.count("analyses") == 6


def test_two_sessions_opening_an_old_store_at_once_apply_the_step_once(pg_database):
    from concurrent.futures import ThreadPoolExecutor

    ScoranStore.create(pg_database, up_to_version=4)
    with ThreadPoolExecutor(2) as pool:
        versions = list(pool.map(lambda _: ScoranStore.open(pg_database).schema_version(), range(2)))
    assert versions == [6, 6]
    store = PgStore(pg_database)
    with store.connection() as conn:
        steps = [row[0] for row in conn.execute("SELECT parametres FROM analyses WHERE algorithme = 'migration'")]
    assert len(steps) == 6 and sum(step.startswith("schéma 5 ") for step in steps) == 1
    assert sum(step.startswith("schéma 6 ") for step in steps) == 1


@pytest.fixture
def reading_role(pg_database):
    """A role that may only read (USAGE and SELECT), dropped afterwards (roles belong to the whole cluster)."""
    import uuid

    name = f"lecteur_{uuid.uuid4().hex[:8]}"
    pg_execute(pg_database, f"CREATE ROLE {name} LOGIN")
    yield name
    pg_execute(pg_database, f"DROP OWNED BY {name}; DROP ROLE {name}")


def test_a_reading_role_reads_but_cannot_write_nor_migrate(pg_database, reading_role):
    ScoranStore.create(pg_database, up_to_version=4)
    ScoranStore.create(pg_database + " schema=courant")
    for name in ("scoran", "courant"):
        pg_execute(pg_database, f"GRANT USAGE ON SCHEMA {name} TO {reading_role}; "
                                f"GRANT SELECT ON ALL TABLES IN SCHEMA {name} TO {reading_role}")
    reader = re.sub(r"user=\S+", f"user={reading_role}", pg_database)
    assert reading_role in reader
    with pytest.raises(ScoranError, match="ne peut pas créer de table dans le schéma scoran"):
        ScoranStore.open(reader)
    assert PgStore(pg_database).schema_version() == 4  # untouched
    current = ScoranStore.open(reader + " schema=courant")
    assert current.schema_version() == 6 and current.millesimes() == []
    with pytest.raises(ScoranError, match="n'a pas les droits nécessaires"):
        with current.transaction() as conn:
            current.add_millesime(conn, "2015-S1")
    assert current.millesimes() == []


def test_a_newer_store_is_refused_untouched_with_the_geopackage_message(pg_database, tmp_path):
    ScoranStore.create(pg_database)
    pg_execute(pg_database, "UPDATE scoran.scoran_meta SET valeur = '7' WHERE cle = 'schema_version'")
    with pytest.raises(StoreVersionError) as on_postgis:
        ScoranStore.open(pg_database)
    gpkg_path = tmp_path / "newer.gpkg"
    ScoranStore.create(gpkg_path)
    with sqlite3.connect(gpkg_path) as conn:
        conn.execute("UPDATE scoran_meta SET valeur = '7' WHERE cle = 'schema_version'")
    with pytest.raises(StoreVersionError) as on_geopackage:
        ScoranStore.open(gpkg_path)
    label = PgStore(pg_database).label
    assert str(on_postgis.value).replace(label, "X") == str(on_geopackage.value).replace(str(gpkg_path), "X")
    assert "schéma 7" in str(on_postgis.value)
    assert PgStore(pg_database).schema_version() == 7
    assert PgStore(pg_database).count("analyses") == 6  # no step written


# --- the layer URI ----------------------------------------------------------------------------------------
def test_the_layer_uri_opens_in_qgis_and_holds_no_password(pg_database, qgis_app):
    from qgis.core import QgsVectorLayer

    store = ScoranStore.create(pg_database + " password=Secret-jamais-ecrit")  # trust: the password is ignored
    with store.transaction() as conn:
        store.insert(conn, "departements", [{"insee_dep": "21", "nom": "Côte-d'Or",
                                             "geom": _square(850000, 6680000)}])
    uri = store.uri("departements")
    assert "Secret" not in uri and "Secret" not in store.label
    layer = QgsVectorLayer(uri, "departements", "postgres")
    assert layer.isValid(), layer.error().summary()
    assert layer.featureCount() == 1 and layer.crs().authid() == "EPSG:2154"
    assert [f["nom"] for f in layer.getFeatures()] == ["Côte-d'Or"]
    table = QgsVectorLayer(store.uri("millesimes"), "millesimes", "postgres")
    assert table.isValid() and table.featureCount() == 0


def _square(x, y, size=1000.0) -> bytes:
    from osgeo import ogr

    ring = f"{x} {y}, {x + size} {y}, {x + size} {y + size}, {x} {y + size}, {x} {y}"
    return bytes(ogr.CreateGeometryFromWkt(f"MULTIPOLYGON ((({ring})))").ExportToIsoWkb())


# --- the same scenario on both backends ---------------------------------------------------------------------
COPIED = ("regions", "departements", "epci", "communes", "millesimes", "rip_projets", "rip_phases",
          "rip_phases_communes", "amii_communes", "amii_calendrier", "centres_bourgs")


def copy_sample(source: ScoranStore, target: ScoranStore) -> dict[str, int]:
    """The sample store's territory, RIP and AMII plans, town centres (COPIED) and usage projects, written
    into `target` through the store and register APIs."""
    copied = {}
    with source.connection() as conn:
        tables = {}
        for table in COPIED:
            frame = pd.read_sql_query(f'SELECT * FROM "{table}" ORDER BY 1', conn).drop(columns="fid", errors="ignore")
            if "geom" in frame:
                frame["geom"] = [gpkg.blob_to_wkb(blob) for blob in frame["geom"]]
            tables[table] = frame.astype(object).where(frame.notna(), None).to_dict("records")
        ids = [row[0] for row in conn.execute("SELECT projet_id FROM projets ORDER BY projet_id")]
    with target.transaction() as conn:
        for table, rows in tables.items():
            copied[table] = target.insert(conn, table, rows)
    projects = []
    for project_id in ids:
        data = register.load_project(source, project_id)
        children = {name: [{k: v for k, v in row.items() if not k.endswith("_id")} for row in data[name]]
                    for name in ("liens", "jalons", "financements", "documents")}
        projects.append(({k: v for k, v in data["projet"].items() if k not in TIMESTAMPS}, children))
    copied["projets"] = register.replace_projects(target, projects)
    return copied


def comparable(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns=[c for c in TIMESTAMPS if c in frame]).reset_index(drop=True)


PROJECT = {"projet_id": "PRJ-001", "titre": "Tiers-lieu du Morvan — 100 % « fibre »", "niveau": "regional",
           "domaine": "developpement_economique", "statut": "en_cours", "departements": "58", "budget": 125000.5,
           "besoins_emergents": "Télétravail ; 50 % des actifs ?", "mutualisation": 1}
LINKS = [{"type_objet": "commune", "cle": "58194"}, {"type_objet": "departement", "cle": "58"}]
MILESTONES = [{"libelle": "Lancement", "date_jalon": None, "semestre": "2015-S1"},
              {"libelle": "Ouverture", "date_jalon": "2016-03-01", "semestre": None}]
FUNDING = [{"financeur": "region", "montant": 50000.0, "appel_projets": None},
           {"financeur": "feder", "montant": 75000.5, "appel_projets": "FEDER 2014-2020"}]
DOCUMENTS = [{"type_document": "compte_rendu", "titre": "CR commission", "chemin": "https://example.invalid/cr.pdf"}]


def run_scenario(store: ScoranStore, sample: ScoranStore, analyses: Path) -> dict:
    """Territory copied from the sample, a register project saved, changed and reloaded, themes and SDTAN,
    two snapshots and what changed between them."""
    costs.seed_store(store)
    results = {"copied": copy_sample(sample, store)}
    results["departments"] = store.departments()
    results["rip_phases"] = store.rip_phases()
    results["amii_conventions"] = store.amii_conventions()
    results["amii_calendars"] = store.amii_calendars()
    results["amii_codes"] = store.amii_commune_codes()
    results["phase_communes"] = store.phase_communes()
    results["phase_departements"] = territory_filter.phase_departements(store)
    results["amii_calendars_21_58"] = territory_filter.amii_calendars(store, ["21", "58"])
    with store.connection() as conn:
        results["cost_tables"] = {t: pd.read_sql_query(f'SELECT * FROM "{t}" ORDER BY 1, 2', conn)
                                  for t in ("aides_departements", "couts_unitaires")}
    results["regions"] = store.regions()
    results["communes"] = sorted(store.commune_codes())
    results["names"] = store.commune_names()
    results["epci"] = store.epci_departments()
    results["department_codes"] = store.department_codes()
    register.save_themes(store, [{"libelle": "Tourisme et patrimoine"}, {"libelle": "Filière forêt-bois"}])
    register.save_project(store, {**PROJECT, "themes_regionaux": "Tourisme et patrimoine"}, links=LINKS,
                          milestones=MILESTONES, funding=FUNDING, documents=DOCUMENTS)
    register.save_project(store, {**PROJECT, "projet_id": register.next_project_id(store), "titre": "Visio santé",
                                  "domaine": "sante", "departements": "21"})
    register.save_sdtan(store, [{"code_dep": "21", "titre": "SDTAN 21", "statut": "Adopté",
                                 "date_adoption": "2012-06-29"}])
    register.save_sdtan(store, [{"code_dep": "21", "titre": "SDTAN de la Côte-d'Or", "statut": "Adopté",
                                 "date_adoption": "2012-06-29"}], replace_all=False)  # INSERT OR REPLACE
    with store.transaction() as conn:
        store.add_millesime(conn, "2015-S1")
    results["snapshot_1"] = semesters.save_snapshots(store, "2015-S1", analyses)
    register.save_project(store, {**PROJECT, "statut": "realise", "budget": 130000.0})  # children kept
    duplicate = register.duplicate_project(store, "PRJ-001")
    register.delete_project(store, "PRJ-002")
    results["snapshot_2"] = semesters.save_snapshots(store, "2015-S2", analyses)
    loaded = register.load_project(store, "PRJ-001")
    results["project"] = {k: v for k, v in loaded["projet"].items() if k not in TIMESTAMPS}
    results["children"] = {k: loaded[k] for k in ("liens", "jalons", "financements", "documents")}
    results["duplicate"] = duplicate
    results["tables"] = {name: comparable(frame) for name, frame in register.read_tables(store).items()}
    results["themes"] = register.read_themes(store)
    results["sdtan"] = register.sdtan_inventory(store)
    with store.connection() as conn:
        results["snapshots"] = {table: comparable(pd.read_sql_query(f'SELECT * FROM "{table}" ORDER BY 1, 2, 3',
                                                                     conn))
                                for table in ("projets_millesime", "centres_millesime", "couts_millesime")}
    results["previous"] = semesters.previous_snapshot(store, "projets", "2015-S2")
    results["changes"] = semesters.register_changes(store, "2015-S2")
    results["link_names"] = register.link_names(store, LINKS + [{"type_objet": "phase", "cle": "inconnue"}])
    results["costs"] = semesters.cost_comparison(store, "2015-S2")
    # the THD follow-up of two semesters: trajectory, coverage, phases and AMII conventions, then what changed
    for millesime, gained, end, signed in (("2015-S1", 100, "2016-S2", 0), ("2015-S2", 250, "2017-S2", 1)):
        semesters.save_trajectory(store, millesime, pd.DataFrame({
            "niveau": ["département", "département"], "code": ["21", "58"], "semestre": [millesime, millesime],
            "nb_locaux": [1000, 500], "locaux_thd": [gained, 40], "pct_thd": [gained / 10, 8.0],
            "cible_pct": [50.0, None], "ecart_pct": [gained / 10 - 50, None]}))
        semesters.save_coverage(
            store, millesime,
            pd.DataFrame({"niveau": ["département"], "code": ["21"], "zone": ["RIP"], "semestre_prevu": [end],
                          "nb_locaux": [gained]}),
            pd.DataFrame({"phase_id": ["P1"], "rip_id": ["RIP21"], "semestre_debut": ["2015-S1"],
                          "semestre_fin": [end], "locaux_prevus": [900], "statut": ["en_cours"]}),
            pd.DataFrame({"insee_com": ["21231", "21231"], "convention_signee": [signed, signed],
                          "date_convention": [None if not signed else "2015-10-01"] * 2,
                          "locaux_raccordables": [10, 10]}))
    results["previous_millesime"] = semesters.previous_millesime(store, "2015-S2")
    results["changes_since"] = semesters.changes_since(store, "2015-S2")
    results["millesimes"] = store.millesimes()
    return results


def test_the_same_scenario_gives_the_same_results_on_postgis_and_on_geopackage(sample_build, pg_database,
                                                                                tmp_path):
    sample = sample_build[0]
    analyses = tmp_path / "analyses"
    analyses.mkdir()
    pd.DataFrame({"niveau": ["département", "territoire"], "code": ["21", "27"], "cout_retenu": [300000.0, 300000.0],
                  "subvention_etat": [150000.0, 150000.0], "reste_collectivites": [150000.0, 150000.0]}).to_csv(
        analyses / "estimatif_mobile.csv", index=False)

    on_gpkg = run_scenario(ScoranStore.create(tmp_path / "scenario.gpkg", sample.crs_epsg()), sample, analyses)
    pg_store = ScoranStore.create(pg_database, sample.crs_epsg())
    on_postgis = run_scenario(pg_store, sample, analyses)

    assert {table: on_gpkg["copied"][table] for table in COPIED} == {table: sample.count(table) for table in COPIED}
    assert on_gpkg["copied"]["projets"] == sample.count("projets") > 0
    assert len(on_gpkg["rip_phases"]) == sample.count("rip_phases") > 0
    assert len(on_gpkg["amii_conventions"]) == sample.count("amii_communes") > 0
    assert len(on_gpkg["cost_tables"]["couts_unitaires"]) > 0
    # the sample's projects (PRJ-001 and PRJ-002 among them), + PRJ-041 + its copy of PRJ-001 − PRJ-002
    assert on_gpkg["snapshot_2"] == {"projets": sample.count("projets") + 1, "centres_bourgs": 0, "couts": 2}
    assert len(on_gpkg["changes"]) > 0  # the scenario changes something between the two snapshots
    # written by hand from the two semesters above: 150 premises gained in the 21, P1's end pushed back a year,
    # the convention of 21231 signed
    assert on_gpkg["changes_since"][["type", "objet", "precedent", "actuel"]].values.tolist() == [
        ["locaux_thd_gagnes", "21", 100, 250], ["projet_retarde", "P1", "2016-S2", "2017-S2"],
        ["convention_signee", "21231", "non signée", "signée"]]
    assert on_gpkg["previous_millesime"] == "2015-S1"
    for key in on_gpkg:
        if key in ("tables", "snapshots", "cost_tables"):
            assert on_postgis[key].keys() == on_gpkg[key].keys()
            for name in on_gpkg[key]:
                pd.testing.assert_frame_equal(on_postgis[key][name], on_gpkg[key][name], check_dtype=False,
                                              obj=f"{key}.{name}")
        elif key in ("changes", "rip_phases", "amii_conventions", "changes_since"):
            pd.testing.assert_frame_equal(on_postgis[key], on_gpkg[key], check_dtype=False)
        elif key == "costs":
            pd.testing.assert_frame_equal(on_postgis[key][0], on_gpkg[key][0], check_dtype=False)
            assert on_postgis[key][1] == on_gpkg[key][1] == "2015-S1"
        else:
            assert on_postgis[key] == on_gpkg[key], key

    # the geometries arrive unchanged (same WKB), and the timestamps are written as on SQLite
    with sample.connection() as conn:
        expected = {code: gpkg.blob_to_wkb(blob) for code, blob in conn.execute("SELECT insee_com, geom FROM "
                                                                               "communes")}
        centres = {code: gpkg.blob_to_wkb(blob) for code, blob in conn.execute("SELECT insee_com, geom FROM "
                                                                              "centres_bourgs")}
    with psycopg2.connect(pg_database) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT insee_com, ST_AsBinary(geom) FROM scoran.communes")
        found = {code: bytes(wkb) for code, wkb in cursor.fetchall()}
        cursor.execute("SELECT insee_com, ST_AsBinary(geom) FROM scoran.centres_bourgs")
        found_centres = {code: bytes(wkb) for code, wkb in cursor.fetchall()}
        cursor.execute("SELECT cree_le, modifie_le FROM scoran.projets WHERE projet_id = 'PRJ-001'")
        stamps = cursor.fetchone()
    assert found == expected and len(found) == sample.count("communes")
    assert found_centres == centres and len(centres) == sample.count("centres_bourgs")
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", stamp) for stamp in stamps)
