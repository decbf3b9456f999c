"""The settings page's values are the algorithms' defaults (a setting that did nothing would be a lie)."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication, QgsSettings

from scoran_qgis.toolbelt.preferences import GROUP, Preferences

WANTED = {"threshold_class": "BHD8", "white_zone_share": 30.0, "priority_max_distance": 250.0,
          "mobile_radius": 800.0, "default_crs": 2975}
USES = [("whitezones", "THRESHOLD", "threshold_class"), ("whitezones", "SHARE", "white_zone_share"),
        ("prioritysites", "THRESHOLD", "threshold_class"), ("prioritysites", "MAX_DISTANCE", "priority_max_distance"),
        ("mobilewhitezones", "RADIUS", "mobile_radius")]


@pytest.fixture()
def officer_settings(provider):
    saved = Preferences.load()
    Preferences(**{**saved.__dict__, **WANTED}).save()
    provider.refreshAlgorithms()
    yield provider
    saved.save()
    provider.refreshAlgorithms()


@pytest.mark.parametrize(("algorithm", "parameter", "setting"), USES)
def test_setting_is_the_default(officer_settings, algorithm, parameter, setting):
    definition = QgsApplication.processingRegistry().algorithmById(f"scoran:{algorithm}").parameterDefinition(parameter)
    assert QgsSettings().value(f"{GROUP}/{setting}") is not None
    default = definition.defaultValue()
    assert (float(default) if isinstance(WANTED[setting], float) else default) == WANTED[setting]


def test_crs_setting_is_the_store_default(officer_settings):
    definition = QgsApplication.processingRegistry().algorithmById("scoran:createstore").parameterDefinition("CRS")
    assert definition.defaultValue().authid() == "EPSG:2975"


def test_settings_page_saves_and_refreshes(officer_settings, qgis_app):
    from scoran_qgis.ui.settings_page import ScoranOptionsPage

    page = ScoranOptionsPage()
    page.share.setValue(42)
    page.apply()
    share = QgsApplication.processingRegistry().algorithmById("scoran:whitezones").parameterDefinition("SHARE")
    assert float(share.defaultValue()) == 42
