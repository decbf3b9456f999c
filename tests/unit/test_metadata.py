"""scoran_qgis/metadata.txt is the single source of the plugin's metadata, complete, and a real file."""

from configparser import ConfigParser

from scoran_qgis import __about__
from tests.conftest import ROOT

REQUIRED = (
    "name", "qgisMinimumVersion", "qgisMaximumVersion", "description", "about", "version", "author", "email",
    "homepage", "tracker", "repository", "tags", "category", "icon", "hasProcessingProvider", "license",
)


PLUGIN_METADATA = ROOT / "scoran_qgis" / "metadata.txt"


def read_metadata():
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # keep qgisMinimumVersion's case
    parser.read(PLUGIN_METADATA, encoding="utf-8")
    return parser["general"]


def test_metadata_is_complete():
    metadata = read_metadata()
    for key in REQUIRED:
        assert metadata.get(key, "").strip(), key
    assert metadata["qgisMinimumVersion"] == "3.22"
    assert metadata["qgisMaximumVersion"] == "4.99"
    assert metadata["hasProcessingProvider"] == "yes"
    assert metadata["license"] == "GPL-2.0-or-later"
    assert (ROOT / "scoran_qgis" / metadata["icon"]).is_file()


def test_the_plugin_folder_holds_a_real_metadata_file():
    # a link would break when the folder is copied into a profile (cp -r, a file manager, a zip tool)
    assert PLUGIN_METADATA.is_file() and not PLUGIN_METADATA.is_symlink()
    root = ROOT / "metadata.txt"
    assert not root.exists() or root.resolve() == PLUGIN_METADATA.resolve()  # at most a link to it


def test_about_reads_metadata():
    metadata = read_metadata()
    assert __about__.__version__ == metadata["version"]
    assert __about__.__title__ == metadata["name"]
