"""The plugin loads in QGIS, adds its menu, toolbar, options page and provider, and removes them all."""

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QToolBar

import scoran_qgis


def scoran_menus(iface) -> list:
    return [action.menu() for action in iface.mainWindow().menuBar().actions() if action.text() == "SCORAN 2.0"]


def test_load_and_unload_leave_nothing_behind(qgis_iface, options_registry):
    registry = QgsApplication.processingRegistry()
    plugin = scoran_qgis.classFactory(qgis_iface)
    plugin.initGui()

    menus = scoran_menus(qgis_iface)
    assert len(menus) == 1
    titles = [action.text() for action in menus[0].actions()]
    assert "Paramètres…" in titles and len(titles) >= 4
    toolbars = qgis_iface.mainWindow().findChildren(QToolBar, "ScoranToolbar")
    assert len(toolbars) == 1 and len(toolbars[0].actions()) >= 2
    assert registry.providerById("scoran") is not None
    assert "scoran:createstore" in [a.id() for a in registry.providerById("scoran").algorithms()]
    assert len(options_registry) == 1

    plugin.unload()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert scoran_menus(qgis_iface) == []
    assert qgis_iface.mainWindow().findChildren(QToolBar, "ScoranToolbar") == []
    assert registry.providerById("scoran") is None
    assert options_registry == []


def test_init_processing_alone_registers_the_provider(qgis_iface):
    """qgis_process calls initProcessing() without initGui()."""
    plugin = scoran_qgis.classFactory(qgis_iface)
    plugin.initProcessing()
    try:
        provider = QgsApplication.processingRegistry().providerById("scoran")
        assert provider is not None and provider.name() == "SCORAN 2.0"
        for algorithm in provider.algorithms():
            assert algorithm.shortHelpString().strip()
            assert algorithm.displayName() and algorithm.group()
    finally:
        plugin.unload()


def test_options_page_saves_preferences(qgis_app, qgis_iface):
    from scoran_qgis.toolbelt.preferences import Preferences
    from scoran_qgis.ui.settings_page import ScoranOptionsPage

    page = ScoranOptionsPage()
    page.store_path.setFilePath("/tmp/referentiel.gpkg")
    page.share.setValue(60)
    page.threshold.setCurrentIndex(page.threshold.findData("BHD8"))
    page.apply()
    prefs = Preferences.load()
    assert (prefs.store_path, prefs.white_zone_share, prefs.threshold_class) == ("/tmp/referentiel.gpkg", 60.0, "BHD8")
    Preferences().save()  # back to defaults for other tests
