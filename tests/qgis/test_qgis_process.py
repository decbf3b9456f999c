"""Headless: qgis_process sees the provider once the plugin is enabled, and runs an algorithm."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from scoran_qgis.core.store import ScoranStore
from tests.conftest import ROOT, TERRITORY

WRAPPER = ROOT / "scripts" / "qgis_process.sh"


def qgis_process(tmp_path, *args):
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profile"), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([str(WRAPPER), *args], capture_output=True, text=True, env=env, timeout=300)


def test_lists_the_scoran_provider(tmp_path):
    listing = qgis_process(tmp_path, "list")
    assert listing.returncode == 0, listing.stderr
    assert "SCORAN 2.0" in listing.stdout
    assert "scoran:createstore" in listing.stdout


def test_runs_an_algorithm_with_json_output(tmp_path):
    path = tmp_path / "scoran.gpkg"
    result = qgis_process(tmp_path, "--json", "run", "scoran:createstore", "--",
                          f"COMMUNES={TERRITORY}|layername=communes", "MILLESIME=2015-S2", f"STORE={path}")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["results"]["NB_COMMUNES"] == 3685
    assert ScoranStore.open(path).millesimes() == ["2015-S2"]


@pytest.mark.parametrize("semester", ["2015-S9"])
def test_bad_input_gives_a_message_not_a_traceback(tmp_path, semester):
    result = qgis_process(tmp_path, "run", "scoran:createstore", "--",
                          f"COMMUNES={TERRITORY}|layername=communes", f"MILLESIME={semester}",
                          f"STORE={tmp_path / 'x.gpkg'}")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Millésime invalide" in output
    assert "Traceback" not in output
