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


_CONTEXT = "scoran"


def translated(text: str) -> str:
    """A text written with tr() elsewhere and kept as its French source (a QML legend), in the current
    language; unchanged when it has no translation."""
    if QCoreApplication is None:
        return text
    return QCoreApplication.translate(_CONTEXT, text)


def quoted(value) -> str:
    """A value quoted in a message, as the language quotes (« » in French)."""
    return tr("« {0} »").format(value)
