"""The plugin's page in QGIS Settings > Options (« SCORAN 2.0 »)."""

from __future__ import annotations

from qgis.core import QgsApplication, QgsCoordinateReferenceSystem
from qgis.gui import QgsFileWidget, QgsOptionsPageWidget, QgsOptionsWidgetFactory, QgsProjectionSelectionWidget
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
)

from ..__about__ import __icon_path__
from ..core.pg import saved_connection_names
from ..core.speed_classes import CLASSES, LABELS_FR
from ..toolbelt.preferences import Preferences

PAGE_OBJECT_NAME = "scoran_qgis_options"
# what the « Type de référentiel » combo offers (its item data)
GEOPACKAGE, CONNECTION, SERVICE = "gpkg", "connection", "service"
DEFAULT_SCHEMA = "scoran"


def split_store_value(value: str) -> tuple[str, str, str]:
    """(kind, reference, schema) of a saved STORE value: a GeoPackage path, `<connection> schema=<s>` or
    `service=<name> schema=<s>`."""
    from ..core.store import is_postgres_store, split_schema

    value = (value or "").strip()
    if not value or not is_postgres_store(value):
        return GEOPACKAGE, value, DEFAULT_SCHEMA
    reference, schema = split_schema(value)
    kind = CONNECTION if reference in saved_connection_names() else SERVICE
    return kind, reference, schema or DEFAULT_SCHEMA


def store_value(kind: str, reference: str, schema: str) -> str:
    """The STORE value the docks and `ScoranStore.open` take, from what the page shows."""
    reference, schema = (reference or "").strip(), (schema or "").strip() or DEFAULT_SCHEMA
    if kind == GEOPACKAGE or not reference:
        return reference
    return f"{reference} schema={schema}"


def _tr(message: str) -> str:
    return QCoreApplication.translate("ScoranSettings", message)


class ScoranOptionsPage(QgsOptionsPageWidget):
    """Store path, default CRS and analysis thresholds."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName(PAGE_OBJECT_NAME)
        prefs = Preferences.load()

        kind, reference, schema = split_store_value(prefs.store_path)
        self.store_kind = QComboBox()
        self.store_kind.addItem(_tr("Fichier GeoPackage"), GEOPACKAGE)
        self.store_kind.addItem(_tr("Connexion PostgreSQL enregistrée dans QGIS"), CONNECTION)
        self.store_kind.addItem(_tr("Service PostgreSQL (pg_service.conf)"), SERVICE)
        self.store_path = QgsFileWidget()
        self.store_path.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.store_path.setFilter(_tr("GeoPackage (*.gpkg)"))
        self.store_path.setFilePath(reference if kind == GEOPACKAGE else "")
        self.connection = QComboBox()
        self.connection.setToolTip(_tr("Les connexions PostgreSQL de l'Explorateur de QGIS ; le mot de passe reste "
                                       "dans la configuration d'authentification de QGIS."))
        self.connection.addItems(saved_connection_names())
        if kind == CONNECTION:
            self.connection.setCurrentIndex(max(0, self.connection.findText(reference)))
        self.service = QLineEdit(reference if kind == SERVICE else "")
        self.service.setPlaceholderText(_tr("service=scoran"))
        self.service.setToolTip(_tr("Un service de pg_service.conf (les identifiants restent dans ce fichier ou "
                                    "dans .pgpass, jamais dans le projet)."))
        self.schema = QLineEdit(schema)
        self.schema.setPlaceholderText(DEFAULT_SCHEMA)
        self.store_pages = QStackedWidget()
        self.store_pages.addWidget(self.store_path)
        self.store_pages.addWidget(self.connection)
        self.store_pages.addWidget(self.service)
        self.store_kind.currentIndexChanged.connect(self._kind_changed)
        self.store_kind.setCurrentIndex(max(0, self.store_kind.findData(kind)))
        self._kind_changed()
        self.crs = QgsProjectionSelectionWidget()
        self.crs.setCrs(QgsCoordinateReferenceSystem(f"EPSG:{prefs.default_crs}"))
        self.threshold = QComboBox()
        for code in CLASSES[1:]:
            self.threshold.addItem(f"{code} — {LABELS_FR[code]}", code)
        self.threshold.setCurrentIndex(max(0, self.threshold.findData(prefs.threshold_class)))
        self.share = self._spin(prefs.white_zone_share, 0, 100, _tr(" %"))
        self.distance = self._spin(prefs.priority_max_distance, 1, 10000, " m")
        self.radius = self._spin(prefs.mobile_radius, 50, 5000, " m")
        self.debug = QCheckBox(_tr("Journal détaillé (débogage)"))
        self.debug.setChecked(prefs.debug)

        store_box = QGroupBox(_tr("Référentiel SCORAN"))
        store_form = QFormLayout(store_box)
        store_form.addRow(_tr("Type de référentiel"), self.store_kind)
        store_form.addRow(_tr("Référentiel"), self.store_pages)
        self.schema_label = _tr("Schéma PostgreSQL")
        store_form.addRow(self.schema_label, self.schema)
        self.store_form = store_form
        store_form.addRow(_tr("Système de coordonnées par défaut"), self.crs)
        analysis_box = QGroupBox(_tr("Seuils d'analyse (valeurs par défaut des algorithmes)"))
        analysis_form = QFormLayout(analysis_box)
        analysis_form.addRow(_tr("Seuil du haut débit de qualité"), self.threshold)
        analysis_form.addRow(_tr("Part de locaux (sous le seuil, ou inéligibles) qui classe une zone"), self.share)
        analysis_form.addRow(_tr("Distance maximale site prioritaire – local"), self.distance)
        analysis_form.addRow(_tr("Rayon autour de la mairie (centres-bourgs)"), self.radius)
        layout = QVBoxLayout(self)
        layout.addWidget(store_box)
        layout.addWidget(analysis_box)
        layout.addWidget(self.debug)
        layout.addStretch()

    def _kind_changed(self, *_args) -> None:
        kind = self.store_kind.currentData()
        self.store_pages.setCurrentIndex({GEOPACKAGE: 0, CONNECTION: 1, SERVICE: 2}[kind])
        self.schema.setEnabled(kind != GEOPACKAGE)

    def store_reference(self) -> str:
        """The STORE value the page would save."""
        kind = self.store_kind.currentData()
        reference = {GEOPACKAGE: self.store_path.filePath(), CONNECTION: self.connection.currentText(),
                     SERVICE: self.service.text()}[kind]
        if kind == SERVICE and reference.strip() and "=" not in reference:
            reference = f"service={reference.strip()}"
        return store_value(kind, reference, self.schema.text())

    @staticmethod
    def _spin(value: float, minimum: float, maximum: float, suffix: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(minimum, maximum)
        spin.setDecimals(0)
        spin.setSuffix(suffix)
        spin.setValue(value)
        return spin

    def apply(self):
        crs = self.crs.crs()
        epsg = int(crs.authid().split(":")[1]) if crs.authid().startswith("EPSG:") else Preferences.default_crs
        Preferences(
            store_path=self.store_reference(),
            default_crs=epsg,
            threshold_class=self.threshold.currentData(),
            white_zone_share=self.share.value(),
            priority_max_distance=self.distance.value(),
            mobile_radius=self.radius.value(),
            debug=self.debug.isChecked(),
        ).save()
        provider = QgsApplication.processingRegistry().providerById("scoran")
        if provider is not None:  # the algorithms take the new values as their defaults
            provider.refreshAlgorithms()


class ScoranOptionsFactory(QgsOptionsWidgetFactory):
    """Registers the page in the QGIS options dialog."""

    def __init__(self):
        super().__init__()
        self.setTitle(_tr("SCORAN 2.0"))

    def icon(self) -> QIcon:
        return QIcon(str(__icon_path__))

    def createWidget(self, parent):  # noqa: N802
        return ScoranOptionsPage(parent)
