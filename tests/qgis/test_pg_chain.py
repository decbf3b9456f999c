"""The store on PostGIS runs the same chain as on a GeoPackage (issue 14, items 1 and 6).

The tiny sample's store (tests/conftest.py `sample_build`) is copied to a real PostGIS server
(tests/pg_server.py) with `scoran:migratestore`; the whole chain and the deliverables then run once with
the GeoPackage store and once with the PostGIS store. Expected: identical outputs — every analysis table
(pandas), every workbook cell (openpyxl) — and identical store tables after GeoPackage → PostGIS →
GeoPackage. The tables are read here independently of the plugin (sqlite3 / psycopg2 and pandas).
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from pathlib import Path

import openpyxl
import pandas as pd
import psycopg2
import pytest
from qgis.core import QgsProcessingException

from scoran_qgis.algorithms import chain
from scoran_qgis.core import gpkg
from scoran_qgis.core.store import read_layer_table

pytestmark = pytest.mark.postgis

MILLESIME = "2015-S2"
WORKBOOKS = list(range(10))


def run(algorithm, parameters):
    from qgis import processing

    return processing.run(f"scoran:{algorithm}", parameters)


@pytest.fixture(scope="module")
def pg_dsn(pg_server):
    """A fresh PostGIS database for the module (dropped afterwards)."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    dsn = pg_server.create_database(name)
    yield dsn
    pg_server.drop_database(name)


# --- independent readers --------------------------------------------------------------------------------
def _normalised(frame: pd.DataFrame) -> pd.DataFrame:
    if "geom" in frame:
        frame = frame.assign(geom=frame["geom"].map(lambda b: None if b is None else gpkg.blob_to_wkb(bytes(b))))
    frame = frame.reindex(sorted(frame.columns), axis=1)
    keys = [c for c in frame.columns if c != "geom"]
    return frame.sort_values(keys, na_position="first").reset_index(drop=True) if keys else frame


def gpkg_tables(path: Path) -> dict[str, pd.DataFrame]:
    with sqlite3.connect(path) as conn:
        names = [row[0] for row in conn.execute("SELECT table_name FROM gpkg_contents ORDER BY 1")]
        return {name: _normalised(pd.read_sql_query(f'SELECT * FROM "{name}"', conn)) for name in names}


def pg_tables(dsn: str, schema: str = "scoran") -> dict[str, pd.DataFrame]:
    conn = psycopg2.connect(dsn)
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = %s ORDER BY 1", (schema,))
            names = [row[0] for row in cursor.fetchall()]
            found = {}
            for name in names:
                cursor.execute(f'SELECT * FROM "{schema}"."{name}" LIMIT 0')
                columns = [item[0] for item in cursor.description]
                selected = ", ".join("ST_AsBinary(geom) AS geom" if c == "geom" else f'"{c}"' for c in columns)
                cursor.execute(f'SELECT {selected} FROM "{schema}"."{name}"')
                found[name] = _normalised(pd.DataFrame(cursor.fetchall(), columns=columns))
        return found
    finally:
        conn.close()


def assert_same_tables(left: dict, right: dict, skip=()):
    assert sorted(left) == sorted(right)
    for name in left:
        if name in skip:
            continue
        a, b = left[name], right[name]
        assert list(a.columns) == list(b.columns), name
        assert len(a) == len(b), name
        pd.testing.assert_frame_equal(a.astype(object).where(a.notna(), None),
                                      b.astype(object).where(b.notna(), None), check_dtype=False, obj=name)


def workbook_cells(path: Path) -> dict:
    book = openpyxl.load_workbook(path, read_only=True)
    return {sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}


# --- migration GeoPackage ↔ PostGIS ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def migrated(provider, sample_build, pg_dsn, tmp_path_factory):
    """The sample store (GeoPackage copy) and its copy on PostGIS made by scoran:migratestore."""
    folder = tmp_path_factory.mktemp("pgchain")
    store = folder / "scoran.gpkg"
    shutil.copy(sample_build[0].path, store)
    result = run("migratestore", {"SOURCE": str(store), "TARGET": pg_dsn})
    return store, pg_dsn, result, folder


def test_migration_copies_every_table_to_postgis(migrated):
    store, dsn, result, _ = migrated
    source = gpkg_tables(store)
    assert result["TABLES"] == len(source)
    assert result["ROWS"] == sum(len(frame) for frame in source.values())
    assert sum(len(source[t]) for t in ("communes", "rip_phases", "projets")) > 0
    assert_same_tables(source, pg_tables(dsn))


def test_round_trip_gives_identical_tables(migrated, tmp_path):
    store, dsn, _, _ = migrated
    back = tmp_path / "retour.gpkg"
    run("migratestore", {"SOURCE": dsn, "TARGET": str(back)})
    assert not list(tmp_path.glob("*partiel*"))
    assert_same_tables(gpkg_tables(store), gpkg_tables(back))


def test_a_non_empty_target_is_refused_unless_asked(migrated, tmp_path):
    store, dsn, _, _ = migrated
    with pytest.raises(QgsProcessingException, match="contient déjà des données"):
        run("migratestore", {"SOURCE": str(store), "TARGET": dsn})
    other = tmp_path / "autre.gpkg"
    shutil.copy(store, other)
    with pytest.raises(QgsProcessingException, match="existe déjà"):
        run("migratestore", {"SOURCE": dsn, "TARGET": str(other)})
    result = run("migratestore", {"SOURCE": dsn, "TARGET": str(other), "REPLACE": True})
    assert result["ROWS"] > 0
    assert_same_tables(gpkg_tables(store), gpkg_tables(other))


# --- the same chain on both backends ---------------------------------------------------------------------
def run_chain(sources: Path, store_value, out: Path, deliverables: Path):
    out.mkdir(parents=True, exist_ok=True)
    from scoran_qgis.core.store import ScoranStore

    store = ScoranStore.open(store_value)
    for algorithm, parameters in chain.steps(sources, store, out, MILLESIME):
        run(algorithm.split(":")[1], parameters)
    run("deliverables", {"STORE": store_value, "MILLESIME": MILLESIME, "ANALYSES": str(out), "ATLAS": False,
                         "WORKBOOKS": WORKBOOKS, "DOCUMENT": False, "OUTPUT": str(deliverables)})


@pytest.fixture(scope="module")
def both_chains(migrated, tiny_sources):
    store, dsn, _, folder = migrated
    run_chain(tiny_sources, str(store), folder / "analyses_gpkg", folder / "livrables_gpkg")
    run_chain(tiny_sources, dsn, folder / "analyses_pg", folder / "livrables_pg")
    return folder


def test_the_chain_gives_identical_analyses_on_both_backends(both_chains):
    left, right = both_chains / "analyses_gpkg", both_chains / "analyses_pg"
    files = sorted(p.name for p in left.iterdir() if p.suffix in (".gpkg", ".csv"))
    assert "couverture_thd.gpkg" in files and "besoins_financiers.csv" in files
    assert files == sorted(p.name for p in right.iterdir() if p.suffix in (".gpkg", ".csv"))
    for name in files:
        if name.endswith(".gpkg"):
            a, b = read_layer_table(left / name), read_layer_table(right / name)
        else:
            a, b = pd.read_csv(left / name, dtype=str), pd.read_csv(right / name, dtype=str)
        pd.testing.assert_frame_equal(a, b, obj=name)


def test_the_deliverables_workbooks_are_identical_on_both_backends(both_chains):
    left, right = both_chains / "livrables_gpkg", both_chains / "livrables_pg"
    books = sorted(p.name for p in left.glob("*.xlsx"))
    assert len(books) >= 8
    assert books == sorted(p.name for p in right.glob("*.xlsx"))
    for name in books:
        assert workbook_cells(left / name) == workbook_cells(right / name), name


def test_the_snapshots_saved_are_identical_on_both_backends(both_chains, migrated):
    store, dsn, _, _ = migrated
    skip_columns = {"cree_le", "modifie_le", "execute_le"}
    left, right = gpkg_tables(store), pg_tables(dsn)
    for name in ("millesimes", "projets_millesime", "centres_millesime", "couts_millesime", "locaux_communes"):
        a = left[name].drop(columns=[c for c in skip_columns if c in left[name]])
        b = right[name].drop(columns=[c for c in skip_columns if c in right[name]])
        assert len(a) > 0 or name == "locaux_communes", name
        assert_same_tables({name: _normalised(a)}, {name: _normalised(b)})


def test_the_chain_reads_the_postgis_store_through_the_postgres_provider(migrated, tiny_sources, tmp_path):
    from qgis.core import QgsProcessingContext, QgsProcessingUtils

    from scoran_qgis.algorithms.plan_inputs import _store_phase_communes
    from scoran_qgis.core.store import ScoranStore

    _, dsn, _, _ = migrated
    store = ScoranStore.open(dsn)
    parameters = dict(chain.steps(tiny_sources, store, tmp_path, MILLESIME))["scoran:thdcoverage"]
    assert parameters["STORE"] == dsn
    context = QgsProcessingContext()
    expected = pg_tables(dsn)
    for name, table in (("RIP_PHASES", "rip_phases"), ("COMMUNES", "communes"), ("AMII", "amii_communes")):
        layer = QgsProcessingUtils.mapLayerFromString(parameters[name], context)
        assert layer is not None and layer.isValid() and layer.providerType() == "postgres", name
        assert layer.featureCount() == len(expected[table]), name
    links = _store_phase_communes(parameters, context)
    assert links is not None and len(links) == len(expected["rip_phases_communes"]) > 0


def test_atlas_and_document_of_a_departement_on_both_backends(both_chains, migrated):
    store, dsn, _, folder = migrated
    results = {}
    for label, value in (("gpkg", str(store)), ("pg", dsn)):
        results[label] = run("deliverables", {
            "STORE": value, "MILLESIME": MILLESIME, "ANALYSES": str(folder / f"analyses_{label}"),
            "DEPARTEMENTS": "21", "ATLAS": True, "WORKBOOKS": [], "DOCUMENT": True,
            "OUTPUT": str(folder / f"atlas_{label}")})
    assert results["gpkg"]["PAGES"] == results["pg"]["PAGES"] > 1
    assert Path(results["pg"]["ATLAS_PDF"]).is_file() and Path(results["pg"]["DOCUMENT_ODT"]).is_file()
    assert sorted(p.name for p in (folder / "atlas_gpkg").iterdir()) == sorted(
        p.name for p in (folder / "atlas_pg").iterdir())


def test_geometry_reads_are_the_same_on_both_backends(migrated):
    """Town halls (WKB from ST_AsBinary vs GeoPackage blobs) and the RIP perimeters read with OGR (`PG:`)."""
    import numpy as np

    from scoran_qgis.core import territory, territory_filter
    from scoran_qgis.core.store import ScoranStore

    store, dsn, _, _ = migrated
    gpkg_store, pg_store = ScoranStore.open(store, migrate=False), ScoranStore.open(dsn, migrate=False)
    assert pg_store.ogr_source().startswith("PG:") and "active_schema=scoran" in pg_store.ogr_source()
    codes, x, y = territory.store_town_halls(gpkg_store)
    pg_codes, pg_x, pg_y = territory.store_town_halls(pg_store)
    assert len(codes) > 0 and codes == pg_codes
    np.testing.assert_array_equal(x, pg_x)
    np.testing.assert_array_equal(y, pg_y)
    perimeters = territory_filter._perimeter_departements(gpkg_store)
    assert perimeters and perimeters == territory_filter._perimeter_departements(pg_store)
    assert territory_filter.rip_departements(gpkg_store) == territory_filter.rip_departements(pg_store)


def test_the_batch_model_gives_the_same_workbooks_on_both_backends(both_chains, migrated):
    from qgis import processing

    store, dsn, _, folder = migrated
    for label, value in (("gpkg", str(store)), ("pg", dsn)):
        processing.run("scoran:livrables_departement", {
            "STORE": value, "MILLESIME": MILLESIME, "ANALYSES": str(folder / f"analyses_{label}"),
            "DEPARTEMENT": "58", "livrables:Dossier des livrables": str(folder / f"modele_{label}")})
    books = sorted(p.name for p in (folder / "modele_gpkg").glob("*.xlsx"))
    assert books and books == sorted(p.name for p in (folder / "modele_pg").glob("*.xlsx"))
    assert (folder / "modele_pg" / f"atlas_58_{MILLESIME}.pdf").is_file()
    for name in books:
        assert workbook_cells(folder / "modele_gpkg" / name) == workbook_cells(folder / "modele_pg" / name), name


# --- all or nothing, and refusals -----------------------------------------------------------------------
def _failing_on(table: str, original):
    def insert(self, conn, name, rows, replace=False):
        if name == table:
            raise RuntimeError("panne simulée")
        return original(self, conn, name, rows, replace)
    return insert


def test_a_failed_copy_leaves_no_schema_nor_file(migrated, tmp_path, monkeypatch):
    from scoran_qgis.core.pgstore import PgStore
    from scoran_qgis.core.store import ScoranStore
    from scoran_qgis.core.store_copy import copy_store

    store, dsn, _, _ = migrated
    monkeypatch.setattr(PgStore, "insert", _failing_on("projets", PgStore.insert))
    with pytest.raises(RuntimeError, match="panne simulée"):
        copy_store(str(store), f"{dsn} schema=echec")
    with psycopg2.connect(dsn) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_namespace WHERE nspname = 'echec'")
        assert cursor.fetchone()[0] == 0
    monkeypatch.setattr(ScoranStore, "insert", _failing_on("projets", ScoranStore.insert))
    target = tmp_path / "copie.gpkg"
    with pytest.raises(RuntimeError, match="panne simulée"):
        copy_store(dsn, str(target))
    assert list(tmp_path.iterdir()) == []


def test_a_target_of_another_schema_version_or_an_old_source_is_refused(migrated, tmp_path):
    from scoran_qgis.core import schema
    from scoran_qgis.core.errors import ScoranError
    from scoran_qgis.core.store import ScoranStore
    from scoran_qgis.core.store_copy import copy_store

    store, dsn, _, _ = migrated
    ScoranStore.create(f"{dsn} schema=ancien", up_to_version=schema.CURRENT_VERSION - 1)
    with pytest.raises(ScoranError, match="même version de schéma exigée"):
        copy_store(str(store), f"{dsn} schema=ancien")
    old = tmp_path / "ancien.gpkg"
    ScoranStore.create(old, up_to_version=schema.CURRENT_VERSION - 1)
    with pytest.raises(ScoranError, match="ouvrez-le d'abord"):
        copy_store(str(old), f"{dsn} schema=neuf")
    with pytest.raises(ScoranError, match="même"):
        copy_store(str(store), str(store))


def test_createstore_writes_the_same_territory_into_a_postgis_schema(provider, pg_dsn, tmp_path):
    from tests.conftest import TERRITORY

    layers = {name: f"{TERRITORY}|layername={name}" for name in ("communes", "departements", "epci")}
    parameters = {"COMMUNES": layers["communes"], "DEPARTEMENTS": layers["departements"], "EPCI": layers["epci"],
                  "MILLESIME": "2015-s1"}
    run("createstore", {**parameters, "STORE": str(tmp_path / "scoran.gpkg")})
    target = f"{pg_dsn} schema=cree"
    result = run("createstore", {**parameters, "STORE": target})
    assert result["NB_COMMUNES"] > 0 and "schema=cree" in result["STORE"]
    left, right = gpkg_tables(tmp_path / "scoran.gpkg"), pg_tables(pg_dsn, "cree")
    names = ("communes", "departements", "epci", "regions", "millesimes")

    def content(tables):  # when each store was written is not what it holds (the two runs straddle a second)
        return {t: tables[t].drop(columns=[c for c in ("cree_le", "modifie_le") if c in tables[t]]) for t in names}

    assert_same_tables(content(left), content(right))
    again = run("createstore", {**parameters, "STORE": target})  # an existing schema: its territory replaced
    assert again["NB_COMMUNES"] == result["NB_COMMUNES"]
    assert len(pg_tables(pg_dsn, "cree")["communes"]) == len(left["communes"])


def test_the_store_layers_added_to_a_project_are_valid_postgis_layers(migrated):
    from qgis.core import QgsProject

    from scoran_qgis.core.store import ScoranStore
    from scoran_qgis.layers import add_store_layers

    store, dsn, _, _ = migrated
    project = QgsProject()
    expected = pg_tables(dsn)
    layers = add_store_layers(ScoranStore.open(dsn), project)
    assert len(layers) >= 10
    for layer in layers:
        assert layer.isValid() and layer.providerType() == "postgres", layer.name()
        assert "password" not in layer.source()
    by_table = {layer.source().split('"')[-2] if '"' in layer.source() else "": layer for layer in layers}
    assert by_table["communes"].featureCount() == len(expected["communes"])
    assert by_table["projets"].featureCount() == len(expected["projets"])
