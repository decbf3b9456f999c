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
from ..core.feedback import check_canceled


class ScoranAlgorithm(QgsProcessingAlgorithm):
    """Base of the provider's algorithms (ids stay stable: saved models depend on them)."""

    def tr(self, message: str) -> str:
        return QCoreApplication.translate("Processing", message)

    def createInstance(self):  # noqa: N802
        return self.__class__()

    def icon(self) -> QIcon:
        return QIcon(str(__icon_path__))

    def helpUrl(self) -> str:  # noqa: N802
        """Its page of the user guide, shipped in the plugin: a file URL, since the plugin runs offline."""
        from qgis.PyQt.QtCore import QUrl

        from ..__about__ import PLUGIN_DIR

        page = PLUGIN_DIR / "resources" / "help" / f"{self.name()}.html"  # docs/guide/<name>.md, rendered
        return QUrl.fromLocalFile(str(page)).toString() if page.is_file() else ""

    def shortHelpString(self) -> str:  # noqa: N802
        raise ScoranError(f"{self.__class__.__name__} must describe what it reads, computes and writes")

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Run `run_algorithm()` with its outputs written aside and committed together at the end.

        User-facing errors become Processing errors (a message, no traceback); anything else is
        reported as an unexpected error with its type, the traceback going to the log only.
        """
        from .outputs import Outputs

        try:
            with Outputs(self, parameters, context, feedback) as outputs:
                results = self.run_algorithm(parameters, context, feedback, outputs)
                check_canceled(feedback)
                outputs.commit()
            return results
        except QgsProcessingException:
            raise
        except ScoranError as error:
            raise QgsProcessingException(str(error)) from None
        except Exception as error:  # noqa: BLE001 — the safety net: a message, never a traceback
            raise QgsProcessingException(self._unexpected(error, feedback)) from None

    def _unexpected(self, error: Exception, feedback) -> str:
        """A French message for an error the plugin did not foresee (the traceback goes to the log)."""
        import sqlite3
        import traceback

        feedback.pushDebugInfo("".join(traceback.format_exception(type(error), error, error.__traceback__)))
        if isinstance(error, MemoryError):
            return self.tr("Mémoire insuffisante pour ce traitement : réduisez l'emprise (un département à la fois).")
        if isinstance(error, OSError):
            return self.tr("Erreur de lecture ou d'écriture sur {0} : {1}. Rien n'a été écrit.").format(
                error.filename or "?", error.strerror or error)
        if isinstance(error, sqlite3.Error):
            return self.tr("Erreur de la base SQLite/GeoPackage : {0}. Rien n'a été écrit.").format(error)
        return self.tr("Erreur inattendue dans {0} ({1} : {2}). Rien n'a été écrit ; merci de signaler ce problème "
                       "avec le journal du traitement.").format(self.displayName(), type(error).__name__, error)

    def run_algorithm(self, parameters, context, feedback, outputs) -> dict:
        raise ScoranError(f"{self.__class__.__name__}.run_algorithm() is missing")

    def parameterAsFiles(self, parameters, name: str, context) -> list[str]:  # noqa: N802
        """The files of a multiple-file parameter (QGIS returns [''] when it is not set)."""
        return [path for path in self.parameterAsFileList(parameters, name, context) if path and path.strip()]


def store_parameter(name: str, description: str, optional: bool = False):
    """The STORE parameter: a GeoPackage path or a PostgreSQL reference (`service=…`, a saved QGIS connection's
    name, a libpq string, optionally with `schema=…`) — a string, since a file parameter refuses anything but a
    .gpkg path (QGIS checks its extension)."""
    from qgis.core import QgsProcessingParameterString

    return QgsProcessingParameterString(name, description, optional=optional)


def store_value(algorithm, parameters, name: str, context) -> str:
    """The STORE parameter's value, trimmed ('' when not set)."""
    return (algorithm.parameterAsString(parameters, name, context) or "").strip()


def preferences():
    """The officer's settings (Préférences › SCORAN 2.0), used as parameter defaults."""
    from ..toolbelt.preferences import Preferences

    return Preferences.load()


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

        if not apply_style(layer, self.style) and feedback is not None:
            feedback.pushWarning(QCoreApplication.translate("Processing", "Style {0} introuvable : couche {1} "
                                                            "chargée sans style.").format(self.style, layer.name()))


def style_on_completion(context, destination: str, style: str | None, name: str | None = None) -> None:
    """Style (resources/styles/<style>.qml) and name the output layer when Processing loads it into the
    project; `style` None (a table): the name only. The name is the one QGIS gives when the officer does
    not prefer file names (Processing's setting), and always to a temporary output."""
    if not context.willLoadLayerOnCompletion(destination):
        return
    details = context.layerToLoadOnCompletionDetails(destination)
    if name:
        details.name = name
    if not style:
        return
    processor = _StylePostProcessor(style)
    _StylePostProcessor.instances.append(processor)
    details.setPostProcessor(processor)
