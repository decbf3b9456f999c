"""What every SCORAN algorithm shares: translation, instance creation, help, errors, styled outputs."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..__about__ import __icon_path__
from ..core.errors import ScoranError


class ScoranAlgorithm(QgsProcessingAlgorithm):
    """Base of the provider's algorithms (ids stay stable: saved models depend on them)."""

    def tr(self, message: str) -> str:
        return QCoreApplication.translate("Processing", message)

    def createInstance(self):  # noqa: N802
        return self.__class__()

    def icon(self) -> QIcon:
        return QIcon(str(__icon_path__))

    def helpUrl(self) -> str:  # noqa: N802
        return ""

    def shortHelpString(self) -> str:  # noqa: N802
        raise ScoranError(f"{self.__class__.__name__} must describe what it reads, computes and writes")

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Run `run_algorithm()`, turning user-facing errors into Processing errors (no traceback shown)."""
        try:
            return self.run_algorithm(parameters, context, feedback)
        except ScoranError as error:
            raise QgsProcessingException(str(error)) from None

    def run_algorithm(self, parameters, context, feedback) -> dict:
        raise ScoranError(f"{self.__class__.__name__}.run_algorithm() is missing")

    def parameterAsFiles(self, parameters, name: str, context) -> list[str]:  # noqa: N802
        """The files of a multiple-file parameter (QGIS returns [''] when it is not set)."""
        return [path for path in self.parameterAsFileList(parameters, name, context) if path and path.strip()]


def epsg_of(crs) -> int | None:
    """EPSG code of an optional CRS parameter (None when not set)."""
    if crs is None or not crs.isValid():
        return None
    authid = crs.authid()
    if not authid.startswith("EPSG:"):
        message = QCoreApplication.translate("Processing", "Choisissez une projection EPSG (ex. EPSG:2154), pas {0}.")
        raise ScoranError(message.format(authid or crs.description()))
    return int(authid.split(":")[1])


class _StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies the SCORAN style to an output when QGIS loads it."""

    instances = []  # Processing does not keep a Python reference: we do, or the object dies early

    def __init__(self, style: str):
        super().__init__()
        self.style = style

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        from ..layers import apply_style

        apply_style(layer, self.style)


def style_on_completion(context, destination: str, style: str, name: str | None = None) -> None:
    """Style (and name) the output layer when Processing loads it into the project."""
    if not context.willLoadLayerOnCompletion(destination):
        return
    details = context.layerToLoadOnCompletionDetails(destination)
    if name:
        details.name = name
    processor = _StylePostProcessor(style)
    _StylePostProcessor.instances.append(processor)
    details.setPostProcessor(processor)
