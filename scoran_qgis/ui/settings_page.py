"""The plugin's page in QGIS Settings > Options (« SCORAN 2.0 »)."""

from __future__ import annotations

from qgis.core import QgsApplication, QgsCoordinateReferenceSystem
from qgis.gui import QgsFileWidget, QgsOptionsPageWidget, QgsOptionsWidgetFactory, QgsProjectionSelectionWidget
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QVBoxLayout

from ..__about__ import __icon_path__
from ..core.speed_classes import CLASSES, LABELS_FR
from ..toolbelt.preferences import Preferences

PAGE_OBJECT_NAME = "scoran_qgis_options"


def _tr(message: str) -> str:
    return QCoreApplication.translate("ScoranSettings", message)


class ScoranOptionsPage(QgsOptionsPageWidget):
    """Store path, default CRS and analysis thresholds."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName(PAGE_OBJECT_NAME)
        prefs = Preferences.load()

        self.store_path = QgsFileWidget()
        self.store_path.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.store_path.setFilter(_tr("GeoPackage (*.gpkg)"))
        self.store_path.setFilePath(prefs.store_path)
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
        store_form.addRow(_tr("Fichier GeoPackage"), self.store_path)
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
            store_path=self.store_path.filePath(),
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
