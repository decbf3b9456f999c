"""The Options page picks a GeoPackage or a PostgreSQL store (saved QGIS connection + schema, or a service); the
register and calendar docks open it; credentials never reach a layer URI nor the chain's sub-step parameters."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from psycopg2.extensions import parse_dsn

from scoran_qgis.core import register
from scoran_qgis.core.errors import ScoranError
from scoran_qgis.core.store import ScoranStore


def _small_store(value: str) -> ScoranStore:
    """One département, one commune (Nevers) and one project, written without the code under test's docks."""
    store = ScoranStore.create(value)
    with store.transaction() as conn:
        conn.execute("INSERT INTO departements (insee_dep, nom) VALUES (?, ?)", ("58", "Nièvre"))
        conn.execute("INSERT INTO communes (insee_com, nom, insee_dep) VALUES (?, ?, ?)", ("58194", "Nevers", "58"))
    register.save_project(store, {"projet_id": "PRJ-042", "titre": "Tiers-lieu de Nevers", "niveau": "regional",
                                  "domaine": "developpement_economique", "statut": "en_cours",
                                  "departements": "58", "porteur": "Ville de Nevers"}, version=0, author="essai")
    return store


@pytest.fixture
def connection_factory(qgis_app, pg_server):
    """Save PostgreSQL connections in the test profile's QGIS settings; removed afterwards."""
    from qgis.core import QgsApplication, QgsDataSourceUri, QgsProviderRegistry

    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    created, configs = [], []

    def make(name: str, dbname: str, user: str = "", password: str | None = None) -> str:
        authcfg = ""
        if password is not None:  # the credentials in the QGIS authentication database
            manager = QgsApplication.authManager()
            if not manager.masterPasswordIsSet():
                assert manager.setMasterPassword("mot-de-passe-principal-des-tests", True)
            from qgis.core import QgsAuthMethodConfig

            config = QgsAuthMethodConfig("Basic")
            config.setName(f"scoran {name}")
            config.setConfig("username", user)
            config.setConfig("password", password)
            ok, config = manager.storeAuthenticationConfig(config)
            assert ok
            authcfg = config.id()
            configs.append(authcfg)
            user = ""
        uri = QgsDataSourceUri()
        uri.setConnection(pg_server.host, str(pg_server.port), dbname, user, "", QgsDataSourceUri.SslDisable, authcfg)
        metadata.saveConnection(metadata.createConnection(uri.uri(False), {"saveUsername": bool(user)}), name)
        created.append(name)
        return authcfg or name

    yield make
    for name in created:
        metadata.deleteConnection(name)
    for authcfg in configs:
        QgsApplication.authManager().removeAuthenticationConfig(authcfg)


@pytest.fixture
def docks(qgis_iface, qtbot):
    from scoran_qgis.ui.calendar_dock import CalendarDock
    from scoran_qgis.ui.register_dock import RegisterDock

    holder = SimpleNamespace(register_dock=RegisterDock(qgis_iface), calendar_dock=CalendarDock())
    qtbot.addWidget(holder.register_dock)
    qtbot.addWidget(holder.calendar_dock)
    yield holder
    holder.register_dock.set_store(None)


def _open_in_docks(holder) -> None:
    from scoran_qgis.plugin import ScoranPlugin

    ScoranPlugin.open_store_in_docks(holder)


@pytest.fixture
def clean_preferences():
    from scoran_qgis.toolbelt.preferences import Preferences

    yield
    Preferences().save()  # back to defaults for other tests


def test_the_page_picks_a_saved_connection_and_the_docks_list_its_projects(
        pg_server, pg_database, connection_factory, docks, clean_preferences):
    from scoran_qgis.toolbelt.preferences import Preferences
    from scoran_qgis.ui.settings_page import CONNECTION, ScoranOptionsPage

    _small_store(pg_database + " schema=region_bfc")
    name = connection_factory("SCORAN région BFC", parse_dsn(pg_database)["dbname"], user=pg_server.user)
    page = ScoranOptionsPage()
    page.store_kind.setCurrentIndex(page.store_kind.findData(CONNECTION))
    assert page.store_pages.currentWidget() is page.connection and page.schema.isEnabled()
    assert name in [page.connection.itemText(i) for i in range(page.connection.count())]
    page.connection.setCurrentIndex(page.connection.findText(name))
    page.schema.setText("region_bfc")
    page.apply()
    assert Preferences.load().store_path == "SCORAN région BFC schema=region_bfc"

    reopened = ScoranOptionsPage()  # the page shows what was saved
    assert reopened.store_kind.currentData() == CONNECTION
    assert (reopened.connection.currentText(), reopened.schema.text()) == (name, "region_bfc")

    _open_in_docks(docks)
    assert docks.register_dock.store is not None and docks.register_dock.store.schema == "region_bfc"
    model = docks.register_dock.model
    cells = [str(model.index(0, c).data()) for c in range(model.columnCount())]
    assert model.rowCount() == 1 and "PRJ-042" in " ".join(cells), cells
    assert [row["label"] for row in docks.calendar_dock.rows if row["kind"] == "projet"] \
        and "Tiers-lieu de Nevers" in " ".join(row["label"] for row in docks.calendar_dock.rows)
    assert not docks.calendar_dock.message.isVisible() and not docks.calendar_dock.message.text()


def test_the_page_keeps_a_geopackage_and_a_service(tmp_path, qgis_app, clean_preferences):
    from scoran_qgis.toolbelt.preferences import Preferences
    from scoran_qgis.ui.settings_page import GEOPACKAGE, SERVICE, ScoranOptionsPage

    page = ScoranOptionsPage()
    page.store_kind.setCurrentIndex(page.store_kind.findData(GEOPACKAGE))
    page.store_path.setFilePath(str(tmp_path / "referentiel.gpkg"))
    page.apply()
    assert Preferences.load().store_path == str(tmp_path / "referentiel.gpkg")
    assert not ScoranOptionsPage().schema.isEnabled()

    page.store_kind.setCurrentIndex(page.store_kind.findData(SERVICE))
    page.service.setText("scoran")  # the bare name is taken as service=scoran
    page.schema.setText("")  # the default schema
    page.apply()
    assert Preferences.load().store_path == "service=scoran schema=scoran"
    reopened = ScoranOptionsPage()
    assert (reopened.store_kind.currentData(), reopened.service.text(), reopened.schema.text()) == (
        SERVICE, "service=scoran", "scoran")


def test_a_wrong_connection_is_said_in_both_docks_without_traceback(pg_server, connection_factory, docks,
                                                                      clean_preferences):
    from scoran_qgis.toolbelt.preferences import Preferences

    connection_factory("SCORAN base absente", "base_absente", user=pg_server.user)
    Preferences(store_path="SCORAN base absente schema=scoran").save()
    _open_in_docks(docks)  # no exception
    assert docks.register_dock.store is None and docks.calendar_dock.store is None
    for text in (docks.register_dock.message.text(), docks.calendar_dock.message.text()):
        assert "base_absente" in text and "Traceback" not in text
    assert docks.calendar_dock.rows == []


def test_a_saved_connection_with_an_auth_config_gives_layers_that_authenticate(pg_server, pg_database,
                                                                             connection_factory):
    from qgis.core import QgsVectorLayer

    from scoran_qgis.core.pgstore import PgStore

    _small_store(pg_database)
    dbname = parse_dsn(pg_database)["dbname"]
    pg_server.execute(dbname, f"GRANT USAGE ON SCHEMA scoran TO {pg_server.password_user}",
                      f"GRANT SELECT ON ALL TABLES IN SCHEMA scoran TO {pg_server.password_user}")
    authcfg = connection_factory("SCORAN authentifiée", dbname, user=pg_server.password_user,
                                 password=pg_server.password)
    store = PgStore("SCORAN authentifiée")
    uri = store.uri("communes")
    assert f"authcfg={authcfg}" in uri
    assert pg_server.password not in uri and "password" not in uri
    assert store.layer_source("communes") == "postgres://" + uri
    layer = QgsVectorLayer(uri, "communes", "postgres")
    assert layer.isValid()
    assert [f["insee_com"] for f in layer.getFeatures()] == ["58194"]


def test_a_libpq_password_never_reaches_a_uri_nor_the_chain(pg_server, pg_database, tmp_path):
    from scoran_qgis.algorithms import chain
    from scoran_qgis.core.pgstore import PgStore

    dbname = parse_dsn(pg_database)["dbname"]
    with_password = pg_server.dsn(dbname, user=pg_server.password_user, password=pg_server.password)
    _small_store(pg_database)
    pg_server.execute(dbname, f"GRANT USAGE ON SCHEMA scoran TO {pg_server.password_user}",
                      f"GRANT SELECT ON ALL TABLES IN SCHEMA scoran TO {pg_server.password_user}")
    uri = PgStore(with_password).uri("communes")
    assert pg_server.password not in uri and "password" not in uri
    for value in (with_password,
                  f"postgresql://{pg_server.password_user}:{pg_server.password}@{pg_server.host}:{pg_server.port}"
                  f"/{dbname}"):
        with pytest.raises(ScoranError) as raised:
            chain.steps(tmp_path / "sources", value, tmp_path / "analyses", "2026-S1")
        message = str(raised.value)
        assert pg_server.password not in message
        assert "service=" in message and "mot de passe" in message
    assert chain.steps(tmp_path / "sources", pg_database, tmp_path / "analyses", "2026-S1")  # no password: runs
