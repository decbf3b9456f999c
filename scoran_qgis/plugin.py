"""The plugin object QGIS creates: menu « SCORAN 2.0 », toolbar, settings page, Processing provider."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QMenu

from .algorithms.provider import ScoranProvider
from .compat import MSG_CRITICAL, MSG_SUCCESS, QAction
from .core.errors import ScoranError
from .toolbelt.log import log
from .toolbelt.preferences import Preferences
from .toolbelt.translation import install_translator, remove_translator

MENU = "SCORAN 2.0"
ICONS = Path(__file__).resolve().parent / "resources" / "icons"


def plugin_icon(name: str) -> QIcon:
    """One of the plugin's own icons (resources/icons/<name>.svg)."""
    return QIcon(str(ICONS / f"{name}.svg"))


class ScoranPlugin:
    """Everything added to QGIS here is removed again in unload()."""

    def __init__(self, iface):
        self.iface = iface
        self.translator = install_translator()  # already there when QGIS went through classFactory()
        self.provider = None
        self.options_factory = None
        self.menu = None
        self.toolbar = None
        self.register_dock = None
        self.calendar_dock = None
        self.actions: list[QAction] = []

    @staticmethod
    def tr(message: str) -> str:
        return QCoreApplication.translate("ScoranPlugin", message)

    # Processing is registered here so that qgis_process (no GUI) gets the provider too.
    def initProcessing(self):  # noqa: N802
        self.provider = ScoranProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802
        from .ui.settings_page import ScoranOptionsFactory

        self.initProcessing()
        self.options_factory = ScoranOptionsFactory()
        self.iface.registerOptionsWidgetFactory(self.options_factory)

        # A menu of its own in the menu bar, before the last one (« Aide » in QGIS).
        self.menu = QMenu(MENU, self.iface.mainWindow())
        self.menu.setObjectName("ScoranMenu")
        menu_bar = self.iface.mainWindow().menuBar()
        existing = menu_bar.actions()
        menu_bar.insertMenu(existing[-1] if existing else None, self.menu)
        self.toolbar = self.iface.addToolBar(MENU)
        self.toolbar.setObjectName("ScoranToolbar")
        # One icon per toolbar action, and a tooltip saying what it does.
        self._add_action(plugin_icon("store_create"), self.tr("Créer ou mettre à jour le référentiel…"),
                         self.create_store, toolbar=True,
                         tooltip=self.tr("Créer le référentiel SCORAN, un GeoPackage, ou le mettre à jour"))
        self._add_action(plugin_icon("store_load"), self.tr("Charger le référentiel dans le projet"),
                         self.load_store, toolbar=True,
                         tooltip=self.tr("Ajouter au projet les couches du référentiel, mises en forme"))
        self._add_docks()
        self._add_action(QgsApplication.getThemeIcon("/processingAlgorithm.svg"),
                         self.tr("Algorithmes SCORAN (boîte à outils)"), self.show_toolbox)
        self._add_action(QgsApplication.getThemeIcon("/mActionOptions.svg"), self.tr("Paramètres…"),
                         self.show_settings)

    def _add_docks(self):
        """Register and calendar docks, hidden until asked for; both follow the store of the settings."""
        from .ui.calendar_dock import CalendarDock
        from .ui.register_dock import RegisterDock

        window = self.iface.mainWindow()
        self.register_dock = RegisterDock(self.iface, window)
        self.calendar_dock = CalendarDock(window)
        for dock, icon, tooltip in (
                (self.register_dock, "register",
                 self.tr("Afficher ou masquer le panneau « Projets d'usages » (registre des services et usages)")),
                (self.calendar_dock, "calendar",
                 self.tr("Afficher ou masquer le panneau « Calendrier » des initiatives"))):
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            dock.hide()
            action = dock.toggleViewAction()
            action.setIcon(plugin_icon(icon))
            action.setToolTip(tooltip)
            self.menu.addAction(action)
            self.toolbar.addAction(action)
            dock.visibilityChanged.connect(self._dock_shown)
        self.calendar_dock.projectClicked.connect(self._calendar_clicked)

    def _calendar_clicked(self, project_id: str):
        """A bar clicked in the calendar: the project in the register, its features on the map."""
        self.register_dock.show()
        self.register_dock.select_project(project_id)
        if self.register_dock.current_id() == project_id:
            self.register_dock.select_linked()

    def _dock_shown(self, visible: bool):
        if visible and self.register_dock.store is None:
            self.open_store_in_docks()

    def open_store_in_docks(self) -> None:
        from .core.store import ScoranStore

        path = Preferences.load().store_path
        if not path:
            return
        try:
            store = ScoranStore.open(path)
        except ScoranError as error:  # a wrong connection, an unreachable server: said in both docks
            log(str(error), MSG_CRITICAL, push=True)
            self.register_dock.set_store(None)
            self.calendar_dock.set_store(None)
            self.register_dock.message.setText(str(error))
            self.calendar_dock.show_message(str(error))
            return
        self.register_dock.set_store(store)
        self.calendar_dock.set_store(store)

    def _add_action(self, icon, text, slot, toolbar=False, tooltip=None) -> QAction:
        action = QAction(icon, text, self.iface.mainWindow())
        if tooltip:
            action.setToolTip(tooltip)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        if toolbar:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def unload(self):
        for action in self.actions:
            action.deleteLater()
        self.actions = []
        for dock in (self.register_dock, self.calendar_dock):
            if dock is not None:
                self.iface.mainWindow().removeDockWidget(dock)
                dock.deleteLater()
        self.register_dock = self.calendar_dock = None
        if self.menu is not None:
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.options_factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            remove_translator()
            self.translator = None

    # --- actions -------------------------------------------------------------------------------
    def create_store(self):
        from processing import execAlgorithmDialog

        prefs = Preferences.load()
        execAlgorithmDialog("scoran:createstore", {"STORE": prefs.store_path} if prefs.store_path else {})

    def load_store(self):
        from .core.store import ScoranStore
        from .layers import add_store_layers

        prefs = Preferences.load()
        if not prefs.store_path:
            log(self.tr("Aucun référentiel n'est défini : choisissez-le dans les paramètres SCORAN."),
                MSG_CRITICAL, push=True)
            self.show_settings()
            return
        try:
            layers = add_store_layers(ScoranStore.open(prefs.store_path), QgsProject.instance())
        except ScoranError as error:
            log(str(error), MSG_CRITICAL, push=True)
            return
        log(self.tr("{0} couches du référentiel ajoutées au projet.").format(len(layers)), MSG_SUCCESS, push=True)

    def show_toolbox(self):
        """Show the Processing toolbox filtered on the SCORAN algorithms."""
        from qgis.utils import plugins

        toolbox = getattr(plugins.get("processing"), "toolbox", None)
        if toolbox is None:
            return
        toolbox.setUserVisible(True)
        search = getattr(toolbox, "searchBox", None)
        if search is not None:
            search.setText("scoran")

    def show_settings(self):
        from .ui.settings_page import PAGE_OBJECT_NAME

        self.iface.showOptionsDialog(self.iface.mainWindow(), currentPage=PAGE_OBJECT_NAME)
