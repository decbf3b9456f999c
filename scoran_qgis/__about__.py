"""Plugin metadata, single-sourced from metadata.txt (no QGIS import: usable anywhere)."""

from configparser import ConfigParser
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent
_parser = ConfigParser(interpolation=None)
_parser.read(PLUGIN_DIR / "metadata.txt", encoding="utf-8")
METADATA = dict(_parser["general"]) if _parser.has_section("general") else {}

__title__ = METADATA.get("name", "SCORAN 2.0")
__version__ = METADATA.get("version", "0.0.0")
__license__ = METADATA.get("license", "GPL-2.0-or-later")
__icon_path__ = PLUGIN_DIR / METADATA.get("icon", "resources/icons/scoran.svg")
PLUGIN_SLUG = "scoran_qgis"
