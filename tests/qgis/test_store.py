"""The SCORAN store: create, write, reopen, migrate, refuse newer, stay whole when a write fails."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from osgeo import ogr
from qgis.core import QgsVectorLayer

from scoran_qgis.core import gpkg, schema
from scoran_qgis.core import store as store_module
from scoran_qgis.core.errors import ScoranError, StoreLockedError, StoreVersionError
from scoran_qgis.core.store import ScoranStore

SQUARE = ogr.CreateGeometryFromWkt(
    "MULTIPOLYGON(((850000 6690000,851000 6690000,851000 6691000,850000 6691000,850000 6690000)))"
).ExportToIsoWkb()


def commune(code="21231", name="Dijon"):
    return {"insee_com": code, "nom": name, "insee_dep": code[:2], "geom": SQUARE}


def project(project_id="PRJ-001", **extra):
    return {"projet_id": project_id, "titre": "Télémédecine", "niveau": "national", "domaine": "sante", **extra}


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def store(tmp_path):
    return ScoranStore.create(tmp_path / "scoran.gpkg")


def test_create_holds_every_table_and_the_version(store):
    tables = set(store.tables())
    for migration in schema.MIGRATIONS:
        assert {table.name for table in migration.tables} <= tables
    assert store.schema_version() == schema.CURRENT_VERSION
    assert store.crs_epsg() == 2154
    with store.connection() as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == gpkg.GPKG_APPLICATION_ID
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert not list(store.path.parent.glob("*.partiel.gpkg"))


def test_written_features_read_back_in_qgis(store):
    with store.transaction() as conn:
        store.insert(conn, "communes", [commune(), commune("01001", "L'Abergement-Clémenciat")])
    layer = QgsVectorLayer(store.uri("communes"), "communes", "ogr")
    assert layer.isValid()
    assert layer.crs().authid() == "EPSG:2154"
    assert layer.featureCount() == 2
    codes = sorted(f["insee_com"] for f in layer.getFeatures())
    assert codes == ["01001", "21231"]  # text, leading zero kept
    assert layer.extent().xMinimum() == 850000 and layer.extent().yMaximum() == 6691000
    # the R-tree is filled, so spatial filters work
    with store.connection() as conn:
        assert conn.execute("SELECT count(*) FROM rtree_communes_geom").fetchone()[0] == 2


def test_reopen_keeps_data(store):
    with store.transaction() as conn:
        store.add_millesime(conn, "2015-S1")
        store.insert(conn, "projets", [project()])
        store.insert(conn, "jalons", [{"projet_id": "PRJ-001", "libelle": "Lancement", "semestre": "2015-S2"}])
    reopened = ScoranStore.open(store.path)
    assert reopened.millesimes() == ["2015-S1"]
    with reopened.connection() as conn:
        assert conn.execute("SELECT titre FROM projets").fetchone()[0] == "Télémédecine"
        assert conn.execute("SELECT libelle, semestre FROM jalons").fetchone() == ("Lancement", "2015-S2")


def test_constraints_refuse_bad_codes(store):
    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction() as conn:
            store.insert(conn, "communes", [commune("1001")])  # a code that lost its zero
    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction() as conn:
            store.insert(conn, "jalons", [{"projet_id": "PRJ-404", "libelle": "orphelin", "semestre": "2015-S1"}])
    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction() as conn:
            store.add_millesime(conn, "2015-S1")
            conn.execute("INSERT INTO millesimes (code) VALUES ('2015-S3')")
    assert store.count("communes") == 0 and store.millesimes() == []


def test_an_exception_mid_write_leaves_the_store_as_before(store):
    with store.transaction() as conn:
        store.insert(conn, "projets", [project("PRJ-001")])
    before = {t: store.count(t) for t in ("projets", "projets_liens", "communes")}
    with pytest.raises(RuntimeError):
        with store.transaction() as conn:
            store.insert(conn, "projets", [project("PRJ-002")])
            store.insert(conn, "projets_liens", [{"projet_id": "PRJ-002", "type_objet": "commune", "cle": "21231"}])
            store.insert(conn, "communes", [commune()])
            raise RuntimeError("crash in the middle of a save")
    assert {t: store.count(t) for t in before} == before
    # a failing row in the middle of a batch rolls back the rows before it
    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction() as conn:
            store.insert(conn, "projets", [project("PRJ-003"), project("PRJ-004", domaine="astrologie")])
    assert store.count("projets") == 1


def test_migrates_a_store_of_the_previous_version(tmp_path):
    previous = schema.CURRENT_VERSION - 1
    path = tmp_path / "ancien.gpkg"
    old = ScoranStore.create(path, up_to_version=previous)
    assert old.schema_version() == previous
    newest = {table.name for table in schema.MIGRATIONS[-1].tables}
    assert not newest & set(old.tables())
    with old.transaction() as conn:
        old.insert(conn, "communes", [commune()])
        old.add_millesime(conn, "2014-S2")
        old.insert(conn, "amii_communes", [{"insee_com": "21231", "operateurs": "Orange", "convention_signee": 1}])

    migrated = ScoranStore.open(path)
    assert migrated.schema_version() == schema.CURRENT_VERSION
    assert newest <= set(migrated.tables())
    assert migrated.count("communes") == 1 and migrated.millesimes() == ["2014-S2"]
    assert migrated.count("amii_communes") == 1
    backup = tmp_path / f"ancien.schema{previous}.bak.gpkg"
    assert backup.is_file() and ScoranStore(backup).schema_version() == previous
    with migrated.transaction() as conn:
        migrated.insert(conn, "projets", [project()])
        migrated.add_millesime(conn, "2015-S1")
        conn.execute("INSERT INTO trajectoire_millesime (millesime, niveau, code, semestre) "
                     "VALUES ('2015-S1', 'territoire', 'Ensemble', '2015-S1')")
    with migrated.connection() as conn:
        steps = [row[0] for row in conn.execute("SELECT parametres FROM analyses WHERE algorithme = 'migration'")]
    assert len(steps) == schema.CURRENT_VERSION


def test_refuses_a_store_written_by_a_newer_version(store):
    with sqlite3.connect(store.path) as conn:
        newer = str(schema.CURRENT_VERSION + 1)
        conn.execute("UPDATE scoran_meta SET valeur = ? WHERE cle = 'schema_version'", (newer,))
    fingerprint = sha(store.path)
    with pytest.raises(StoreVersionError, match="version plus récente"):
        ScoranStore.open(store.path)
    assert sha(store.path) == fingerprint


def test_refuses_what_is_not_a_store(tmp_path):
    text = tmp_path / "notes.gpkg"
    text.write_text("pas un GeoPackage")
    with pytest.raises(ScoranError, match="n'est pas un GeoPackage"):
        ScoranStore.open(text)
    with pytest.raises(ScoranError, match="introuvable"):
        ScoranStore.open(tmp_path / "absent.gpkg")
    plain = tmp_path / "autre.gpkg"
    gpkg.create_empty(plain)
    with pytest.raises(ScoranError, match="n'est pas un référentiel SCORAN"):
        ScoranStore.open(plain)


def test_create_never_leaves_a_half_built_file(tmp_path, monkeypatch):
    def broken(conn, table):
        if table == "rip_phases":
            raise OSError("disque plein")
        return original(conn, table)

    original = gpkg.create_spatial_index
    monkeypatch.setattr(gpkg, "create_spatial_index", broken)
    with pytest.raises(OSError):
        ScoranStore.create(tmp_path / "scoran.gpkg")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ScoranError, match="existe déjà"):
        ScoranStore.create(tmp_path.parent / tmp_path.name)  # a folder already there


def test_a_write_in_progress_elsewhere_gives_a_locked_message(store, monkeypatch):
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.2)
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreLockedError, match="en cours d'écriture"):
            with store.transaction() as conn:
                store.add_millesime(conn, "2015-S1")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert store.millesimes() == []


@pytest.mark.parametrize("reference", ["connexion_supprimee", "SCORAN region", "scoran_bfc"])
def test_an_unknown_connection_name_is_never_a_new_file(tmp_path, monkeypatch, reference):
    """A saved QGIS connection deleted or misspelt must not become a GeoPackage of that name in the working
    folder: refused, with the connections QGIS knows."""
    monkeypatch.chdir(tmp_path)
    for action in (ScoranStore.create, ScoranStore.open, ScoranStore.open_or_create):
        with pytest.raises(ScoranError, match="ni un fichier GeoPackage"):
            action(reference)
    assert list(tmp_path.iterdir()) == []
