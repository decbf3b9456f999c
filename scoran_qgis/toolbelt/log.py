"""One logger for the plugin: QGIS message log (tab « SCORAN »), message bar when a GUI exists."""

from qgis.core import Qgis, QgsMessageLog

TAG = "SCORAN"


def log(message: str, level=Qgis.MessageLevel.Info, push: bool = False, duration: int = 5) -> None:
    """Write to the QGIS log; with `push`, also show it in the message bar (never headless)."""
    QgsMessageLog.logMessage(message, TAG, level)
    if not push:
        return
    from qgis.utils import iface  # imported late: None in qgis_process and tests

    if iface is not None and iface.messageBar() is not None:
        iface.messageBar().pushMessage(TAG, message, level, duration)
