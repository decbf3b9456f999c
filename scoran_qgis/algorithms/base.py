"""What every SCORAN algorithm shares: translation, instance creation, help, feature reading."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsProcessingAlgorithm,
    QgsProcessingException,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..__about__ import __icon_path__
from ..compat import is_null
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


def records_from_source(source, target_epsg: int, context, feedback, progress_span=(0, 100)) -> list[dict]:
    """Read a feature source into dicts (attributes + `geom` as WKB in `target_epsg`).

    Invalid geometries are repaired with makeValid(); empty ones are left to the caller to count.
    """
    target = QgsCoordinateReferenceSystem(f"EPSG:{target_epsg}")
    transform = None
    if source.sourceCrs().isValid() and source.sourceCrs() != target:
        transform = QgsCoordinateTransform(source.sourceCrs(), target, context.transformContext())
    names = source.fields().names()
    total = source.featureCount() or 0
    start, end = progress_span
    step = (end - start) / total if total else 0
    records = []
    for index, feature in enumerate(source.getFeatures(QgsFeatureRequest())):
        if feedback.isCanceled():
            break
        geometry = feature.geometry()
        record = {name: None if is_null(value) else value for name, value in zip(names, feature.attributes())}
        if geometry is None or geometry.isEmpty():
            record["geom"] = None
        else:
            if transform is not None:
                geometry.transform(transform)
            if not geometry.isGeosValid():
                geometry = geometry.makeValid()
            record["geom"] = bytes(geometry.asWkb())
        records.append(record)
        feedback.setProgress(start + index * step)
    return records
