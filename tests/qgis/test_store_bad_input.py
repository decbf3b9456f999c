"""The store facing clumsy or hostile inputs: a French message naming the file, and the file left byte-identical."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

from scoran_qgis.core import schema
from scoran_qgis.core.errors import ScoranError
from scoran_qgis.core.store import ScoranStore

NOBODY = 65534


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def folder():
    """A folder every user may enter (root's pytest folders are private, and read-only is tried as nobody)."""
    path = Path(tempfile.mkdtemp(prefix="scoran-ro-"))
    path.chmod(0o777)
    yield path
    path.chmod(0o777)
    shutil.rmtree(path)


@contextmanager
def unprivileged():
    """Run as an ordinary user: root ignores file permissions, so read-only would not be read-only."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def make_read_only(path: Path) -> None:
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH | (stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH
                                                             if path.is_dir() else 0))


def new_store(folder: Path, version: int | None = None) -> ScoranStore:
    store = ScoranStore.create(folder / "scoran.gpkg", up_to_version=version)
    store.path.chmod(0o666)  # writable by anyone until a case makes it read-only
    return store


def write_something(store: ScoranStore) -> None:
    with store.transaction() as conn:
        store.add_millesime(conn, "2015-S1")


@pytest.mark.parametrize("protected", ["fichier", "dossier"])
def test_writing_a_read_only_store_gives_a_message(folder, protected):
    store = new_store(folder)
    fingerprint = sha(store.path)
    make_read_only(store.path if protected == "fichier" else folder)
    with unprivileged(), pytest.raises(ScoranError) as error:
        write_something(store)
    message = str(error.value)
    assert "lecture seule" in message and store.path.name in message
    assert "attempt to write" not in message  # SQLite's English text is not what the officer reads
    assert sha(store.path) == fingerprint
    assert store.millesimes() == []


@pytest.mark.parametrize("protected", ["fichier", "dossier"])
def test_migrating_a_read_only_store_is_refused_and_leaves_it_untouched(folder, protected):
    previous = schema.CURRENT_VERSION - 1
    store = new_store(folder, version=previous)
    fingerprint = sha(store.path)
    before = sorted(p.name for p in folder.iterdir())
    make_read_only(store.path if protected == "fichier" else folder)
    with unprivileged(), pytest.raises(ScoranError) as error:
        ScoranStore.open(store.path)
    message = str(error.value)
    assert "doit être mis à jour" in message and "lecture seule" in message and "pas été modifié" in message
    assert store.path.name in message
    assert sha(store.path) == fingerprint
    assert sorted(p.name for p in folder.iterdir()) == before  # no backup copy left behind
    assert ScoranStore(store.path).schema_version() == previous


def test_creating_a_store_in_a_read_only_folder_gives_a_message(folder):
    make_read_only(folder)
    with unprivileged(), pytest.raises(ScoranError) as error:
        ScoranStore.create(folder / "nouveau.gpkg")
    assert "nouveau.gpkg" in str(error.value) and "protégé en écriture" in str(error.value)
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("value", ["deux", "", "3.5", "v3"])
def test_a_schema_version_that_is_not_an_integer_is_named(tmp_path, value):
    store = ScoranStore.create(tmp_path / "scoran.gpkg")
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE scoran_meta SET valeur = ? WHERE cle = 'schema_version'", (value,))
    conn.close()
    fingerprint = sha(store.path)
    with pytest.raises(ScoranError) as error:
        ScoranStore.open(store.path)
    message = str(error.value)
    assert store.path.name in message and f"« {value} »" in message and "version de schéma" in message
    assert sha(store.path) == fingerprint


def test_a_folder_is_called_a_folder(tmp_path):
    folder = tmp_path / "referentiel.gpkg"
    folder.mkdir()
    with pytest.raises(ScoranError) as error:
        ScoranStore.open(folder)
    assert "est un dossier" in str(error.value) and "introuvable" not in str(error.value)
    with pytest.raises(ScoranError, match="est un dossier"):
        ScoranStore.open_or_create(folder)
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(("name", "content"), [
    ("notes.gpkg", b"insee_com;nom\n21231;Dijon\n"),
    ("vide.gpkg", b""),
    ("image.gpkg", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
    ("referentiel.txt", "Référentiel SCORAN — à compléter".encode()),
])
def test_a_file_that_is_not_a_geopackage_is_refused(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ScoranError) as error:
        ScoranStore.open(path)
    assert "n'est pas un GeoPackage" in str(error.value) and name in str(error.value)
    assert path.read_bytes() == content


def test_a_plain_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "autre.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    fingerprint = sha(path)
    with pytest.raises(ScoranError, match="n'est pas un GeoPackage"):
        ScoranStore.open(path)
    assert sha(path) == fingerprint


def test_a_constraint_failure_is_a_french_message_and_still_an_integrity_error(tmp_path):
    store = ScoranStore.create(tmp_path / "scoran.gpkg")
    fingerprint = sha(store.path)
    with pytest.raises(ScoranError) as error:
        with store.transaction() as conn:
            conn.execute("INSERT INTO millesimes (code) VALUES ('2015-S3')")
    assert isinstance(error.value, sqlite3.IntegrityError)  # callers catching sqlite3 still do
    assert "refuse ces données" in str(error.value) and "rien n'a été modifié" in str(error.value)
    assert sha(store.path) == fingerprint


def test_department_and_commune_queries(tmp_path):
    store = ScoranStore.create(tmp_path / "scoran.gpkg")
    with store.transaction() as conn:
        conn.executemany("INSERT INTO departements (insee_dep, nom, insee_reg) VALUES (?, ?, '27')",
                         [("89", "Yonne"), ("21", "Côte-d'Or"), ("2A", "Corse-du-Sud")])
        conn.executemany("INSERT INTO communes (insee_com, nom, insee_dep) VALUES (?, ?, ?)",
                         [("21231", "Dijon", "21"), ("89024", "Auxerre", "89")])
    assert store.department_codes() == ["21", "2A", "89"]
    assert store.departments()[0] == ("21", "Côte-d'Or")
    assert store.commune_codes() == {"21231", "89024"}
