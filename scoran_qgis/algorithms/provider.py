"""The `scoran` Processing provider."""

from qgis.core import QgsProcessingModelAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication, QUrl
from qgis.PyQt.QtGui import QIcon

from ..__about__ import PLUGIN_DIR, __icon_path__, __version__
from .create_store import CreateStoreAlgorithm
from .deliverables import DeliverablesAlgorithm
from .financial_needs import FinancialNeedsAlgorithm
from .import_bpe import ImportBpeAlgorithm
from .import_mci import ImportMciAlgorithm
from .import_mci_postgis import ImportMciPostgisAlgorithm
from .migrate_store import MigrateStoreAlgorithm
from .mobile_demand import MobileDemandAlgorithm
from .mobile_white_zones import MobileWhiteZonesAlgorithm
from .priority_sites import PrioritySitesAlgorithm
from .thd_coverage import ThdCoverageAlgorithm
from .thd_trajectory import ThdTrajectoryAlgorithm
from .white_zone_clearing import WhiteZoneClearingAlgorithm
from .white_zones import WhiteZonesAlgorithm

PROVIDER_ID = "scoran"


class ScoranProvider(QgsProcessingProvider):
    """Algorithms of the SCORAN 2.0 plugin; ids are a public contract (models, batch files)."""

    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return QCoreApplication.translate("Processing", "SCORAN 2.0")

    def longName(self) -> str:  # noqa: N802
        return QCoreApplication.translate("Processing", "SCORAN 2.0 — aménagement numérique ({0})").format(__version__)

    def icon(self) -> QIcon:
        return QIcon(str(__icon_path__))

    def versionInfo(self) -> str:  # noqa: N802
        return __version__

    def loadAlgorithms(self):  # noqa: N802
        for algorithm in (
            CreateStoreAlgorithm(),
            ImportMciAlgorithm(),
            WhiteZonesAlgorithm(),
            ImportBpeAlgorithm(),
            PrioritySitesAlgorithm(),
            ThdCoverageAlgorithm(),
            WhiteZoneClearingAlgorithm(),
            ThdTrajectoryAlgorithm(),
            FinancialNeedsAlgorithm(),
            MobileWhiteZonesAlgorithm(),
            MobileDemandAlgorithm(),
            DeliverablesAlgorithm(),
            MigrateStoreAlgorithm(),
            ImportMciPostgisAlgorithm(),
        ):
            self.addAlgorithm(algorithm)
        for path in sorted((PLUGIN_DIR / "resources" / "models").glob("*.model3")):  # shipped models
            model = QgsProcessingModelAlgorithm()
            if model.fromFile(str(path)):
                # its page of the offline guide, as the algorithms' helpUrl()
                page = PLUGIN_DIR / "resources" / "help" / f"{model.name()}.html"
                model.setHelpContent({**model.helpContent(), "HELP_URL": QUrl.fromLocalFile(str(page)).toString()})
                self.addAlgorithm(model)
