"""metadata.txt is the single source of the plugin's metadata, and complete."""

from configparser import ConfigParser

from scoran_qgis import __about__
from tests.conftest import ROOT

REQUIRED = (
    "name", "qgisMinimumVersion", "qgisMaximumVersion", "description", "about", "version", "author", "email",
    "homepage", "tracker", "repository", "tags", "category", "icon", "hasProcessingProvider", "license",
)


def read_root_metadata():
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # keep qgisMinimumVersion's case
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]


def test_metadata_is_complete():
    metadata = read_root_metadata()
    for key in REQUIRED:
        assert metadata.get(key, "").strip(), key
    assert metadata["qgisMinimumVersion"] == "3.22"
    assert metadata["qgisMaximumVersion"] == "4.99"
    assert metadata["hasProcessingProvider"] == "yes"
    assert metadata["license"] == "GPL-2.0-or-later"
    assert (ROOT / "scoran_qgis" / metadata["icon"]).is_file()


def test_plugin_folder_carries_the_root_metadata():
    assert (ROOT / "scoran_qgis" / "metadata.txt").read_bytes() == (ROOT / "metadata.txt").read_bytes()


def test_about_reads_metadata():
    metadata = read_root_metadata()
    assert __about__.__version__ == metadata["version"]
    assert __about__.__title__ == metadata["name"]
