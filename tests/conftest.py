"""Shared fixtures. QGIS itself runs (pytest-qgis), headless; nothing of QGIS is mocked."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

# A throw-away QGIS profile: tests never write into the developer's own settings.
os.environ.setdefault("QGIS_CUSTOM_CONFIG_PATH", tempfile.mkdtemp(prefix="scoran-tests-profile-"))
# The plugin speaks the system's language when QGIS is not told otherwise: the qgis_process the tests
# start read the French source texts on an English machine too (in-process, see french_qgis).
for _name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "sample_project"))
TERRITORY = ROOT / "sample_project" / "data" / "territory_bfc.gpkg"
# The throw-away PostgreSQL/PostGIS server: fixtures pg_server, pg_database and the `postgis` marker.
pytest_plugins = ["tests.pg_server"]


def pytest_report_header(config):
    from osgeo import gdal
    from qgis.core import Qgis
    from qgis.PyQt.QtCore import QT_VERSION_STR

    return f"QGIS {Qgis.QGIS_VERSION}, GDAL {gdal.__version__}, Qt {QT_VERSION_STR}, Python {sys.version.split()[0]}"


@pytest.fixture(scope="session")
def tiny_sources(tmp_path_factory) -> Path:
    """The sample sources at the smallest size (1 % of the buildings), generated once per session."""
    from generate import generate

    return generate("tiny", out=tmp_path_factory.mktemp("sources") / "tiny", quiet=True)


@pytest.fixture(scope="session")
def sample_build(tiny_sources, tmp_path_factory, qgis_app):
    """The sample store and QGIS project built from the tiny sources (paths in a temp folder)."""
    import build_project

    folder = tmp_path_factory.mktemp("sample")
    store = build_project.build_store(tiny_sources, folder / "scoran_bfc.gpkg")
    build_project.build_project(store, tiny_sources, folder / "scoran_bfc.qgz")
    return store, folder / "scoran_bfc.qgz"


@pytest.fixture
def options_registry(qgis_iface, monkeypatch):
    """pytest-qgis's iface has no options-page registry: record registrations on it."""
    registered = []
    monkeypatch.setattr(qgis_iface, "registerOptionsWidgetFactory", registered.append, raising=False)
    monkeypatch.setattr(qgis_iface, "unregisterOptionsWidgetFactory", registered.remove, raising=False)
    return registered


@pytest.fixture
def sample_store(sample_build, tmp_path):
    """A copy of the sample store, for a test that writes into it."""
    import shutil

    from scoran_qgis.core.store import ScoranStore

    path = tmp_path / "scoran.gpkg"
    shutil.copy(sample_build[0].path, path)
    return ScoranStore.open(path)


@pytest.fixture(scope="session")
def demo_sources() -> Path:
    """The demo sample (what `make demo` uses), generated when missing."""
    folder = ROOT / "sample_project" / "generated" / "demo"
    if not (folder / "manifest.json").exists():
        from generate import generate

        generate("demo", out=folder, quiet=True)
    return folder


@pytest.fixture(scope="module")
def provider(qgis_processing):
    """The `scoran` Processing provider, registered for one test module."""
    from qgis.core import QgsApplication

    from scoran_qgis.algorithms.provider import ScoranProvider

    provider = ScoranProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    yield provider
    QgsApplication.processingRegistry().removeProvider(provider)


@pytest.fixture(scope="session", autouse=True)
def french_qgis(qgis_app):
    """QGIS set to French, whatever the machine's locale: the plugin speaks QGIS's language and the tests
    read its French texts (tests/qgis/test_english.py switches to English and back)."""
    from qgis.core import QgsSettings

    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "fr_FR")
