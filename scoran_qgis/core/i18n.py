"""Translation for GUI-free code: Qt's translator when Qt is there, identity otherwise."""

try:
    from qgis.PyQt.QtCore import QCoreApplication
except ImportError:  # pure-Python use (sample generator, unit tests without QGIS)
    QCoreApplication = None


def tr(message: str, context: str = "scoran") -> str:
    """Translate a literal message (source strings are French)."""
    if QCoreApplication is None:
        return message
    return QCoreApplication.translate(context, message)
