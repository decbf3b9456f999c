"""The plugin's translator: resources/i18n/scoran_qgis_<langue>.qm, chosen as QGIS chooses its language.

Installed by `classFactory()` before any module of the plugin is imported, so that the texts built at
import time (labels of the register, of the outputs) are translated too, in QGIS and in qgis_process.
Source strings are French: a French (or unset, « C ») locale installs nothing.
"""

from __future__ import annotations

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from ..__about__ import PLUGIN_DIR, PLUGIN_SLUG

SOURCE_LANGUAGE = "fr"
I18N_DIR = PLUGIN_DIR / "resources" / "i18n"
_translator: QTranslator | None = None


def qgis_locale() -> str:
    """The locale QGIS shows its interface in, decided as QGIS does (src/app/main.cpp).

    The language QGIS loaded (`--lang` included) when QGIS says it; else the user's choice
    (Options › Général › « Remplacer la langue du système » : locale/overrideFlag, locale/userLocale);
    else the system's locale. locale/globalLocale only sets how numbers and dates are written.
    """
    app = QgsApplication.instance()
    loaded = app.translation() if isinstance(app, QgsApplication) else ""
    if loaded:
        return loaded
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        chosen = settings.value("locale/userLocale", "", type=str)
        if chosen:
            return chosen
    return QLocale.system().name()


def qm_path(locale: str):
    """The compiled translation for a locale (`en_GB` falls back on `en`), None when none is shipped."""
    code = locale.replace("-", "_")
    for name in dict.fromkeys((code, code.split("_")[0].lower())):
        path = I18N_DIR / f"{PLUGIN_SLUG}_{name}.qm"
        if path.is_file():
            return path
    return None


def install_translator() -> QTranslator | None:
    """Install the translation of QGIS's language once (None for French or a language not shipped)."""
    global _translator
    if _translator is not None:
        return _translator
    locale = qgis_locale()
    if locale.split("_")[0].lower() in ("", "c", SOURCE_LANGUAGE):
        return None
    path = qm_path(locale)
    translator = QTranslator()
    if path is None or not translator.load(str(path)):
        return None
    QCoreApplication.installTranslator(translator)
    _translator = translator
    return translator


def remove_translator() -> None:
    global _translator
    if _translator is not None:
        QCoreApplication.removeTranslator(_translator)
        _translator = None
