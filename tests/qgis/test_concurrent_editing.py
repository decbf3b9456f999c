"""Several sessions editing the same store at once (issue 14, item 2): row versions, refused saves naming who
and when, no edit lost, the docks refreshed when others save — on a GeoPackage and on PostGIS.

Two real processes (each a Python interpreter with QGIS initialised, driven line by line over stdin/stdout)
load the same project, both edit it; the second save is refused with the first's author named, nothing
written; after merging, both changes are in the store. Expected values are the edits typed here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from scoran_qgis.core import register
from scoran_qgis.core.lock import ChangeWatcher, needs_lock
from scoran_qgis.core.store import ScoranStore
from tests.qgis.test_pg_deployment import deployed  # noqa: F401, F811 — the guide's database and roles

ROOT = Path(__file__).resolve().parents[2]

SESSION = textwrap.dedent('''
    """One QGIS session editing a project: commands on stdin, one JSON answer per line on stdout."""
    import json
    import sys

    sys.path.insert(0, sys.argv[1])
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from scoran_qgis.core import register
    from scoran_qgis.core.store import ScoranStore

    store = ScoranStore.open(sys.argv[2])
    form = None  # the project as the officer's form holds it
    version = None  # the version it was loaded with

    def answer(**values):
        print(json.dumps(values, default=str), flush=True)

    for line in sys.stdin:
        command = json.loads(line)
        if command["do"] == "load":
            data = register.load_project(store, command["id"])
            form, version = data["projet"], data["projet"]["version"]
            answer(loaded=version)
        elif command["do"] == "edit":
            form.update(command["values"])
            answer(edited=sorted(command["values"]))
        elif command["do"] == "save":
            try:
                version = register.save_project(store, form, version=version)
                answer(saved=version)
            except register.ConflictError as error:  # the edit stays in `form`
                answer(conflict=str(error), author=error.author, when=error.when, version=error.version,
                       current=error.current["projet"])
        elif command["do"] == "merge":  # take their version, put the officer's own changes back, save after seeing
            conflict = register.load_project(store, form["projet_id"])["projet"]
            merged = {**conflict, **{field: form[field] for field in command["mine"]}}
            form, version = merged, conflict["version"]
            answer(merged=version)
        elif command["do"] == "quit":
            break
    app.exitQgis()
''')


class Session:
    """A second QGIS process editing the store."""

    def __init__(self, script: Path, store_value: str, author: str):
        environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", register.AUTHOR_VARIABLE: author}
        self.process = subprocess.Popen([sys.executable, str(script), str(ROOT), store_value],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True, env=environment)

    def ask(self, **command) -> dict:
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise AssertionError(f"the session stopped: {self.process.stderr.read()[-3000:]}")
            if line.startswith("{"):  # QGIS may print its own lines
                return json.loads(line)

    def close(self) -> None:
        try:
            self.ask(do="quit")
        except (AssertionError, BrokenPipeError, ValueError):
            pass
        try:
            self.process.communicate(timeout=60)
        except (subprocess.TimeoutExpired, ValueError):
            self.process.kill()


def small_store(value) -> ScoranStore:
    """Two départements, two communes, one project (PRJ-001) and the SDTAN of the 21."""
    store = ScoranStore.create(value)
    with store.transaction() as conn:
        conn.executemany("INSERT INTO departements (insee_dep, nom) VALUES (?, ?)", [("21", "Côte-d'Or"),
                                                                                     ("58", "Nièvre")])
        conn.executemany("INSERT INTO communes (insee_com, nom, insee_dep) VALUES (?, ?, ?)",
                         [("21231", "Dijon", "21"), ("58194", "Nevers", "58")])
    register.save_project(store, project(), version=0, author="creation")
    register.save_sdtan(store, [{"code_dep": "21", "titre": "SDTAN de la Côte-d'Or", "statut": "en_elaboration"}],
                        author="creation")
    return store


def project(**changes) -> dict:
    return {"projet_id": "PRJ-001", "titre": "Tiers-lieu du Morvan", "niveau": "regional",
            "domaine": "developpement_economique", "statut": "en_cours", "departements": "58", "porteur": "PNR",
            **changes}


@pytest.fixture(params=["gpkg", pytest.param("postgis", marks=pytest.mark.postgis)])
def store_value(request, tmp_path) -> str:
    """A new store on either backend: its STORE value (a path, or a libpq string)."""
    if request.param == "gpkg":
        value = str(tmp_path / "registre.gpkg")
    else:
        value = request.getfixturevalue("pg_database")
    small_store(value)
    return value


# --- two QGIS processes -----------------------------------------------------------------------------------
def test_two_qgis_sessions_editing_the_same_project_lose_no_edit(store_value, tmp_path):
    script = tmp_path / "session.py"
    script.write_text(SESSION, encoding="utf-8")
    marie, paul = Session(script, store_value, "marie"), Session(script, store_value, "paul")
    try:
        assert marie.ask(do="load", id="PRJ-001") == {"loaded": 1}
        assert paul.ask(do="load", id="PRJ-001") == {"loaded": 1}
        marie.ask(do="edit", values={"titre": "Tiers-lieu du Haut-Morvan"})
        paul.ask(do="edit", values={"budget": 45000.0, "porteur": "Communauté de communes"})
        assert marie.ask(do="save") == {"saved": 2}

        refused = paul.ask(do="save")
        assert "conflict" in refused
        assert refused["author"] == "marie" and refused["version"] == 2
        message = refused["conflict"]
        assert "modifié par marie le " in message and " à " in message and "PRJ-001" in message
        assert "rien n'a été enregistré" in message and "conservée" in message
        assert refused["current"]["titre"] == "Tiers-lieu du Haut-Morvan"  # what the store holds now
        stored = ScoranStore.open(store_value)
        after_refusal = register.load_project(stored, "PRJ-001")["projet"]
        assert (after_refusal["titre"], after_refusal["budget"], after_refusal["porteur"]) == (
            "Tiers-lieu du Haut-Morvan", None, "PNR")  # nothing of Paul's was written

        # Paul merges: their title, his budget and carrier; the save after seeing their version is allowed
        assert paul.ask(do="merge", mine=["budget", "porteur"]) == {"merged": 2}
        assert paul.ask(do="save") == {"saved": 3}
    finally:
        marie.close()
        paul.close()
    final = register.load_project(ScoranStore.open(store_value), "PRJ-001")["projet"]
    assert final["titre"] == "Tiers-lieu du Haut-Morvan"  # Marie's edit
    assert final["budget"] == 45000.0 and final["porteur"] == "Communauté de communes"  # Paul's
    assert final["version"] == 3 and final["modifie_par"] == "paul"


# --- the rules, on both backends ---------------------------------------------------------------------------
def test_a_save_over_a_newer_version_is_refused_and_writes_nothing(store_value):
    store = ScoranStore.open(store_value)
    loaded = register.load_project(store, "PRJ-001")
    assert loaded["projet"]["version"] == 1 and loaded["projet"]["modifie_par"] == "creation"
    assert register.save_project(store, project(titre="Premier"), version=1, author="marie") == 2
    with pytest.raises(register.ConflictError) as refused:
        register.save_project(store, project(titre="Second"), milestones=[
            {"libelle": "Ouverture", "semestre": "2017-S1"}], version=1, author="paul")
    assert refused.value.author == "marie" and refused.value.version == 2
    assert refused.value.current["projet"]["titre"] == "Premier"
    data = register.load_project(store, "PRJ-001")
    assert data["projet"]["titre"] == "Premier" and data["jalons"] == []  # the children neither
    # a child-only change moves the project's version too: a form loaded before it is refused
    assert register.save_project(store, project(titre="Premier"), links=[{"type_objet": "commune",
                                                                          "cle": "58194"}], version=2) == 3
    with pytest.raises(register.ConflictError):
        register.save_project(store, project(titre="Premier bis"), version=2)
    # no version given (an import, a script): no check, the version still moves on
    assert register.save_project(store, project(titre="Script")) == 4


def test_a_deletion_of_a_changed_project_is_refused(store_value):
    store = ScoranStore.open(store_value)
    register.save_project(store, project(statut="finance"), version=1, author="marie")
    with pytest.raises(register.ConflictError, match="Suppression refusée.*modifié par marie"):
        register.delete_project(store, "PRJ-001", version=1)
    assert register.project_version(store, "PRJ-001") == 2
    register.delete_project(store, "PRJ-001", version=2)
    assert register.project_version(store, "PRJ-001") is None
    # saving a form of the deleted project: refused, nothing recreated behind the officer's back
    with pytest.raises(register.ConflictError, match="supprimé par une autre session"):
        register.save_project(store, project(), version=2)
    assert register.project_version(store, "PRJ-001") is None


def test_a_new_project_whose_id_was_taken_meanwhile_is_refused(store_value):
    store = ScoranStore.open(store_value)
    register.save_project(store, project(projet_id="PRJ-002", titre="Le mien"), version=0, author="marie")
    with pytest.raises(register.ConflictError, match="créé par marie"):
        register.save_project(store, project(projet_id="PRJ-002", titre="Le sien"), version=0, author="paul")
    assert register.load_project(store, "PRJ-002")["projet"]["titre"] == "Le mien"


def test_sdtan_and_themes_lists_refuse_a_save_over_a_newer_list(store_value):
    store = ScoranStore.open(store_value)
    loaded = register.list_versions(store, "sdtan")
    assert loaded == {"21": 1}
    register.save_sdtan(store, [{"code_dep": "21", "titre": "SDTAN 21", "statut": "adopte",
                                 "date_adoption": "2012-06-01"}], versions=loaded, author="marie")
    with pytest.raises(register.ConflictError, match="L'inventaire des SDTAN a été modifié.*par marie"):
        register.save_sdtan(store, [{"code_dep": "21", "titre": "Autre"}, {"code_dep": "58", "titre": "SDTAN 58"}],
                            versions=loaded, author="paul")
    assert [row["titre"] for row in register.read_sdtan(store)] == ["SDTAN 21"]
    assert register.list_versions(store, "sdtan") == {"21": 2}
    # unchanged rows keep their version; a changed or new row moves on
    register.save_sdtan(store, [{"code_dep": "21", "titre": "SDTAN 21", "statut": "adopte",
                                 "date_adoption": "2012-06-01"}, {"code_dep": "58", "titre": "SDTAN 58"}],
                        versions={"21": 2})
    assert register.list_versions(store, "sdtan") == {"21": 2, "58": 1}

    themes = register.list_versions(store, "themes_regionaux")
    assert themes == {}
    register.save_themes(store, [{"libelle": "Tourisme"}], versions=themes, author="marie")
    with pytest.raises(register.ConflictError, match="thèmes régionaux a été modifié.*par marie"):
        register.save_themes(store, [{"libelle": "Filière bois"}], versions=themes, author="paul")
    assert [t["code"] for t in register.read_themes(store)] == ["tourisme"]


def test_an_edit_outside_the_register_moves_the_version_too(store_value):
    """A layer edited in QGIS or an algorithm updates a row without naming its version: the trigger moves it."""
    store = ScoranStore.open(store_value)
    with store.transaction() as conn:
        conn.execute("INSERT INTO centres_bourgs (insee_com, nom) VALUES ('58194', 'Nevers')")
    with store.transaction() as conn:
        conn.execute("UPDATE centres_bourgs SET statut_site = 'recherche_site' WHERE insee_com = '58194'")
        conn.execute("UPDATE projets SET porteur = 'Autre' WHERE projet_id = 'PRJ-001'")
    with store.connection() as conn:
        version, when = conn.execute("SELECT version, modifie_le FROM centres_bourgs").fetchone()
    assert version == 2 and when and when[:2] == "20"
    with pytest.raises(register.ConflictError):
        register.save_project(store, project(), version=1)


def test_the_store_reads_as_before_for_the_exports():
    """read_tables leaves the versions out (the exchange workbook and the deliverables do not show them)."""
    assert "version" in register.BOOKKEEPING and "modifie_par" in register.BOOKKEEPING


# --- noticing others' saves ----------------------------------------------------------------------------------
def test_a_second_connection_notices_a_save(store_value):
    store = ScoranStore.open(store_value)
    watcher = ChangeWatcher(store)
    try:
        assert watcher.changed() is False
        other = ScoranStore.open(store_value)  # another session: its own connections
        register.save_project(other, project(titre="Vu d'ailleurs"), version=1, author="marie")
        assert wait_for(watcher.changed)
        assert watcher.changed() is False  # told once
    finally:
        watcher.close()


@pytest.mark.postgis
def test_notify_reaches_a_listening_connection_with_the_store_schema(pg_database):
    import psycopg2

    store = small_store(pg_database + " schema=autre")
    listener = psycopg2.connect(pg_database)
    listener.autocommit = True
    try:
        with listener.cursor() as cursor:
            cursor.execute("LISTEN scoran_registre")
        register.save_project(store, project(titre="Notifié"), version=1, author="marie")

        def notices():
            listener.poll()
            return [note.payload for note in listener.notifies]

        assert wait_for(lambda: "autre.projets" in notices())
        watcher = ChangeWatcher(small_store(pg_database))  # the `scoran` schema: not this store's notices
        try:
            register.save_project(store, project(titre="Encore"), version=2)
            assert not wait_for(watcher.changed, seconds=1.5)
        finally:
            watcher.close()
    finally:
        listener.close()


def wait_for(condition, seconds: float = 10.0) -> bool:
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.1)
    return False


# --- the register dock ------------------------------------------------------------------------------------
@pytest.fixture
def dock(qgis_iface, qtbot, store_value):
    from scoran_qgis.ui.register_dock import RegisterDock

    widget = RegisterDock(qgis_iface)
    qtbot.addWidget(widget)
    widget.set_store(ScoranStore.open(store_value))
    yield widget
    widget.set_store(None)


def test_the_dock_keeps_the_edit_on_a_conflict_and_saves_the_merge_after_showing_the_differences(dock, store_value):
    assert dock.store is not None and dock.message.text() == ""  # PostgreSQL: no lock file, no refusal
    assert needs_lock(dock.store) is (not dock.store.is_postgres)
    dock.select_project("PRJ-001")
    assert dock.fields["titre"].text() == "Tiers-lieu du Morvan" and dock.loaded_version == 1
    dock.fields["titre"].setText("Tiers-lieu du Morvan (mon titre)")
    assert dock.is_editing()
    other = ScoranStore.open(store_value)
    register.save_project(other, project(porteur="Région"), version=1, author="marie")

    assert dock.save_form() is False
    assert dock.fields["titre"].text() == "Tiers-lieu du Morvan (mon titre)"  # the edit stays in the form
    assert "modifié par marie le " in dock.message.text()
    conflict = dock.conflict
    assert conflict is not None and conflict.isVisible()
    fields = [field for field, _, _ in conflict.differences]
    assert fields == ["titre", "porteur"]
    conflict.show_button.click()  # « Voir leur version »
    assert conflict.table.isVisible() and conflict.table.rowCount() == 2
    assert conflict.table.item(1, 0).text() == "Porteur" and conflict.table.item(1, 2).text() == "Région"
    assert register.load_project(other, "PRJ-001")["projet"]["titre"] == "Tiers-lieu du Morvan"  # nothing written

    dock.fields["porteur"].setText("Région")  # the officer carries their change into the form
    conflict.merge_button.click()
    assert dock.save_form() is True  # the second save, after seeing, is allowed
    final = register.load_project(other, "PRJ-001")["projet"]
    assert (final["titre"], final["porteur"], final["version"]) == ("Tiers-lieu du Morvan (mon titre)", "Région", 3)


def test_the_dock_keeps_theirs_or_overwrites_knowingly(dock, store_value):
    other = ScoranStore.open(store_value)
    dock.select_project("PRJ-001")
    dock.fields["titre"].setText("Ma version")
    register.save_project(other, project(titre="Leur version"), version=1, author="marie")
    assert dock.save_form() is False
    dock.conflict.keep_button.click()  # « Garder leur version »
    assert dock.fields["titre"].text() == "Leur version" and dock.loaded_version == 2 and not dock.is_editing()

    dock.fields["titre"].setText("Ma version")
    register.save_project(other, project(titre="Leur troisième"), version=2, author="marie")
    assert dock.save_form() is False
    dock.conflict.overwrite_button.click()  # « Écraser avec ma version »
    assert register.load_project(other, "PRJ-001")["projet"]["titre"] == "Ma version"


def test_the_dock_refreshes_on_others_saves_without_touching_an_edit_in_progress(dock, store_value):
    other = ScoranStore.open(store_value)
    dock.select_project("PRJ-001")
    register.save_project(other, project(titre="Renommé ailleurs"), version=1, author="marie")
    assert wait_for(dock.poll_changes)
    assert dock.current_id() == "PRJ-001"  # the selection is kept
    assert dock.fields["titre"].text() == "Renommé ailleurs" and dock.loaded_version == 2  # not editing: refreshed

    dock.fields["description"].setPlainText("Ma description en cours")
    register.save_project(other, project(titre="Renommé deux fois"), version=2, author="marie")
    register.save_project(other, project(projet_id="PRJ-002", titre="Nouveau ailleurs"), version=0, author="marie")
    assert wait_for(dock.poll_changes)
    assert dock.model.rowCount() == 2  # the list shows the new project
    assert dock.current_id() == "PRJ-001"
    assert dock.fields["description"].toPlainText() == "Ma description en cours"  # the edit is not overwritten
    assert dock.fields["titre"].text() == "Renommé ailleurs" and dock.loaded_version == 2
    assert "vient d'être modifié dans une autre session" in dock.message.text()
    assert dock.save_form() is False and "Renommé deux fois" in str(dock.conflict.error)


# --- the guide's roles (docs/deploiement-postgis.md): the editing role saves, the reading role is told -----
@pytest.mark.postgis
def test_with_the_guide_roles_the_editor_saves_and_the_reader_listens(pg_server, deployed, monkeypatch):  # noqa: F811
    from scoran_qgis.core.errors import ScoranError

    database, names = deployed
    admin, editor, reader = names["scoran_admin"], names["agent_sgar_martin"], names["agent_dep21_durand"]
    small_store(pg_server.dsn(database, user=admin))  # created by the schema's owner, as the guide says
    as_editor = ScoranStore.open(pg_server.dsn(database, user=editor))
    as_reader = ScoranStore.open(pg_server.dsn(database, user=reader))
    watcher = ChangeWatcher(as_reader)  # LISTEN needs no privilege
    try:
        monkeypatch.setenv(register.AUTHOR_VARIABLE, "role")  # modifie_par: the PostgreSQL role
        assert register.save_project(as_editor, project(titre="Par l'agent"), version=1) == 2
        assert register.load_project(as_reader, "PRJ-001")["projet"]["modifie_par"] == editor
        assert wait_for(watcher.changed)
        with pytest.raises(ScoranError, match="droits nécessaires"):
            register.save_project(as_reader, project(titre="Interdit"), version=2)
        # a plain UPDATE by the editing role (a layer edited in QGIS): the trigger moves the version
        with as_editor.transaction() as conn:
            conn.execute("UPDATE sdtan SET titre = 'SDTAN 21' WHERE code_dep = '21'")
        with as_reader.connection() as conn:
            assert conn.execute("SELECT version, modifie_par FROM sdtan").fetchone() == (2, editor)
    finally:
        watcher.close()


def test_the_sdtan_window_refuses_a_save_over_a_newer_inventory_then_saves_knowingly(dock, store_value):
    from qgis.PyQt.QtWidgets import QTableWidgetItem

    window = dock.edit_sdtan()
    row = window.row_of("58")
    window.table.setItem(row, 4, QTableWidgetItem("Mon SDTAN de la Nièvre"))
    other = ScoranStore.open(store_value)
    register.save_sdtan(other, [{"code_dep": "21", "titre": "Leur SDTAN 21"}], replace_all=False,
                        versions={"21": 1}, author="marie")
    assert window.save() is False and window.isVisible()
    assert "L'inventaire des SDTAN a été modifié par marie le " in window.message.text()
    assert window.table.item(row, 4).text() == "Mon SDTAN de la Nièvre"  # the edit stays
    assert {r["code_dep"]: r["titre"] for r in register.read_sdtan(other)} == {"21": "Leur SDTAN 21"}
    assert window.save() is True  # told, the second save replaces their inventory knowingly
    assert {r["code_dep"]: r["titre"] for r in register.read_sdtan(other)} == {
        "21": "SDTAN de la Côte-d'Or", "58": "Mon SDTAN de la Nièvre"}
