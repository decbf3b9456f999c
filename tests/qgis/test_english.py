"""The plugin in English: QGIS set to English shows an English menu, English algorithms (name, group,
help, parameters) and English error messages, in QGIS, in a fresh Python and in qgis_process.

The expected texts are written here, not read from the translation files. French is restored after each
test (translator removed, QGIS's language settings as they were).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from qgis.core import QgsApplication, QgsProcessingException, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QLocale, QTranslator

import scoran_qgis
from scoran_qgis.toolbelt import translation
from tests.conftest import ROOT

I18N = ROOT / "scoran_qgis" / "resources" / "i18n"
LOCALE_KEYS = ("locale/overrideFlag", "locale/userLocale")


@pytest.fixture
def qgis_language():
    """Set QGIS's language as Options › Général › « Remplacer la langue du système » does; restore it."""
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in LOCALE_KEYS if settings.contains(key)}

    def choose(locale: str | None):
        if locale is None:
            settings.setValue("locale/overrideFlag", False)
        else:
            settings.setValue("locale/overrideFlag", True)
            settings.setValue("locale/userLocale", locale)

    yield choose
    translation.remove_translator()
    for key in LOCALE_KEYS:
        settings.remove(key)
    for key, value in saved.items():
        settings.setValue(key, value)


@pytest.fixture
def french_modules():
    """Every module imported first, in French, so that the labels they build on import stay French for
    the tests that follow (in QGIS, classFactory() installs the translator before any of them)."""
    assert translation._translator is None
    for module in pkgutil.walk_packages(scoran_qgis.__path__, "scoran_qgis."):
        importlib.import_module(module.name)


def menu_titles(iface) -> list[str]:
    menus = [a.menu() for a in iface.mainWindow().menuBar().actions() if a.text() == "SCORAN 2.0"]
    return [action.text() for menu in menus for action in menu.actions()]


def test_the_plugin_speaks_english_when_qgis_does(qgis_iface, options_registry, qgis_processing, qgis_language,
                                                   french_modules, tmp_path):
    from qgis import processing

    qgis_language("en_GB")
    plugin = scoran_qgis.classFactory(qgis_iface)
    plugin.initGui()
    try:
        titles = menu_titles(qgis_iface)
        assert "Settings…" in titles
        assert "Load the database into the project" in titles
        assert "Create or update the database…" in titles

        registry = QgsApplication.processingRegistry()
        assert registry.providerById("scoran").longName().startswith("SCORAN 2.0 — digital infrastructure planning (")
        algorithm = registry.algorithmById("scoran:importmci")
        assert algorithm.displayName() == "Import “Ma connexion internet” (ARCEP)"
        assert algorithm.group() == "Fixed broadband"
        assert algorithm.shortHelpString().startswith(
            "Reads the ARCEP “Ma connexion internet” files of one or more departments: the buildings file")
        assert algorithm.parameterDefinition("BASE_IMB").description() == "Buildings file (base_imb_*.csv.gz)"
        assert registry.algorithmById("scoran:whitezones").displayName() == "Broadband white zones"

        missing = tmp_path / "base_imb_21.csv"
        with pytest.raises(QgsProcessingException) as raised:
            processing.run("scoran:importmci", {"BASE_IMB": [str(missing)],
                                                "ELIGIBILITE": [str(tmp_path / "actuel_21.csv")],
                                                "OUTPUT": "TEMPORARY_OUTPUT"})
        assert str(raised.value) == f"File not found: {missing}"
    finally:
        plugin.unload()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    # unloaded: French again for whatever comes next
    assert translation._translator is None
    from scoran_qgis.algorithms.import_mci import ImportMciAlgorithm

    assert ImportMciAlgorithm().displayName() == "Importer « Ma connexion internet » (ARCEP)"


def test_a_french_qgis_installs_no_translator(qgis_iface, qgis_language):
    qgis_language("fr_FR")
    plugin = scoran_qgis.classFactory(qgis_iface)
    try:
        assert plugin.translator is None and translation._translator is None
        assert QCoreApplication.translate("ScoranPlugin", "Paramètres…") == "Paramètres…"
    finally:
        plugin.unload()


def test_the_language_is_chosen_as_qgis_chooses_it(qgis_language):
    qgis_language("en_US")
    assert translation.qgis_locale() == "en_US"
    assert translation.qm_path("en_US") == I18N / "scoran_qgis_en.qm"  # no en_US file: the language's
    assert translation.qm_path("de_DE") is None
    qgis_language(None)  # « Remplacer la langue du système » unticked: the system's language, as QGIS
    QgsSettings().setValue("locale/userLocale", "en_US")
    assert translation.qgis_locale() == QLocale.system().name()


def test_the_committed_qm_is_the_compiled_ts():
    """The .qm in the repository answers every finished translation of the .ts (run `make i18n` if not)."""
    translator = QTranslator()
    assert translator.load(str(I18N / "scoran_qgis_en.qm"))
    stale = []
    QCoreApplication.installTranslator(translator)  # PyQt's QTranslator.translate() takes ASCII only
    try:
        for context in ET.parse(I18N / "scoran_qgis_en.ts").getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                node = message.find("translation")
                if node.get("type") is not None:
                    continue
                source, expected = message.findtext("source"), node.text or ""
                if QCoreApplication.translate(name, source) != expected:
                    stale.append((name, source))
        assert QCoreApplication.translate("ScoranPlugin", "Paramètres…") == "Settings…"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert stale == []


def _english_env(tmp_path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update(QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profile"), QT_QPA_PLATFORM="offscreen", **extra)
    return env


def test_labels_built_on_import_are_english_when_classfactory_comes_first(tmp_path):
    """A fresh Python like QGIS at start-up, on an English system (no QGIS language chosen)."""
    code = (
        "from qgis.core import QgsApplication\n"
        "app = QgsApplication([], False)\n"
        "app.initQgis()\n"
        "import scoran_qgis\n"
        "scoran_qgis.classFactory(None)\n"
        "from scoran_qgis.core import register\n"
        "print(register.STATUS_LABELS['idee'], register.LEVEL_LABELS['national'], sep='|')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
                            env=_english_env(tmp_path, LANG="en_GB.UTF-8"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "Idea|National priority"


def test_qgis_process_in_english(tmp_path):
    """Headless: the language chosen in the profile's settings, the system being in C."""
    ini = tmp_path / "profile" / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text("[locale]\noverrideFlag=true\nuserLocale=en_US\n", encoding="utf-8")
    env = _english_env(tmp_path, LANG="C.UTF-8")
    wrapper = str(ROOT / "scripts" / "qgis_process.sh")
    shown = subprocess.run([wrapper, "help", "scoran:importmci"], capture_output=True, text=True, env=env,
                           timeout=300)
    assert shown.returncode == 0, shown.stderr
    assert "Import “Ma connexion internet” (ARCEP) (scoran:importmci)" in shown.stdout
    assert "Reads the ARCEP “Ma connexion internet” files" in shown.stdout

    missing = tmp_path / "base_imb_21.csv"
    run = subprocess.run([wrapper, "run", "scoran:importmci", "--", f"BASE_IMB={missing}",
                          f"ELIGIBILITE={tmp_path / 'actuel_21.csv'}", f"OUTPUT={tmp_path / 'out.gpkg'}"],
                         capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode != 0
    assert f"File not found: {missing}" in run.stdout + run.stderr


def test_styled_outputs_have_their_legend_in_qgis_language(french_modules, qgis_language):
    """The QML legends hold the French texts; a layer styled in an English QGIS shows them in English."""
    from qgis.core import QgsVectorLayer

    from scoran_qgis.layers import apply_style

    def legend(style: str, field: str) -> dict:
        layer = QgsVectorLayer(f"Point?crs=EPSG:2154&field={field}:string", "sorties", "memory")
        assert apply_style(layer, style)
        return {category.value(): category.label() for category in layer.renderer().categories()}

    assert legend("couverture_thd", "zone")["ZTD"] == "Zone très dense"
    qgis_language("en_US")
    assert translation.install_translator() is not None
    assert legend("couverture_thd", "zone")["ZTD"] == "Very dense area (ZTD)"
    assert legend("locaux_classes", "classe")["INEL"] == "INEL — Ineligible (< 512 kbit/s)"
    assert legend("centres_bourgs_mobile", "statut")["zone_blanche_2g"] == "2G white zone (no operator)"
    assert legend("sites_categories", "categorie")["ecoles"] == "Schools"
