"""Installing by copying the plugin folder into a profile (`cp -r`, as many officers do), or by unzipping the
repository zip (`make package`), gives a working plugin: qgis_process enables it and runs an algorithm."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from osgeo import ogr, osr

from scoran_qgis.core.store import ScoranStore
from tests.conftest import ROOT

BIN = Path("/usr/bin/qgis_process.bin")  # Debian's qgis_process wrapper passes an option the binary rejects
QGIS_PROCESS = str(BIN) if BIN.exists() else shutil.which("qgis_process")
COMMUNES = {"21231": "Dijon", "21054": "Beaune"}

pytestmark = pytest.mark.skipif(QGIS_PROCESS is None or shutil.which("cp") is None,
                                reason="qgis_process or cp absent")


def tiny_communes(path: Path) -> None:
    """Two square communes in Lambert-93 with an INSEE code and a name (written with GDAL, not the plugin)."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer("communes", srs, ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn("INSEE_COM", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("NOM", ogr.OFTString))
    for number, (code, name) in enumerate(COMMUNES.items()):
        x = 850000 + number * 1000
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("INSEE_COM", code)
        feature.SetField("NOM", name)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            f"MULTIPOLYGON((({x} 6690000,{x + 1000} 6690000,{x + 1000} 6691000,{x} 6691000,{x} 6690000)))"))
        layer.CreateFeature(feature)
    dataset = None  # noqa: F841 — closing writes the file


def test_a_copied_plugin_folder_is_enabled_and_runs(tmp_path):
    config = tmp_path / "profil"
    plugins = config / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    # cp -r copies a symbolic link as a link: a metadata.txt pointing outside the folder would dangle
    subprocess.run(["cp", "-r", str(ROOT / "scoran_qgis"), str(plugins / "scoran_qgis")], check=True)
    assert (plugins / "scoran_qgis" / "metadata.txt").is_file()

    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(config), QT_QPA_PLATFORM="offscreen")
    enabled = subprocess.run([QGIS_PROCESS, "plugins", "enable", "scoran_qgis"], capture_output=True, text=True,
                             env=env, timeout=300)
    assert enabled.returncode == 0, enabled.stdout + enabled.stderr
    assert "Traceback" not in enabled.stdout + enabled.stderr

    communes = tmp_path / "communes.gpkg"
    tiny_communes(communes)
    store = tmp_path / "scoran.gpkg"
    result = subprocess.run([QGIS_PROCESS, "--json", "run", "scoran:createstore", "--",
                             f"COMMUNES={communes}|layername=communes", "MILLESIME=2015-S2", f"STORE={store}"],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    payload = json.loads(result.stdout)
    assert payload["results"]["NB_COMMUNES"] == len(COMMUNES)
    assert store.is_file()
    opened = ScoranStore.open(store)
    assert opened.millesimes() == ["2015-S2"] and opened.commune_codes() == set(COMMUNES)


def test_the_repository_zip_installs_in_a_fresh_profile_and_runs(tmp_path):
    """`make package`'s zip, as plugins.qgis.org serves it: unzipped into a new profile, enabled by
    qgis_process, it imports ARCEP files."""
    import gzip
    import stat
    import sys
    import zipfile

    archive_path = tmp_path / "scoran_qgis.zip"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "package.py"), str(archive_path)], check=True)
    with zipfile.ZipFile(archive_path) as archive:
        infos = archive.infolist()
        assert not [i.filename for i in infos if stat.S_ISLNK(i.external_attr >> 16)]  # no symbolic link
        assert not [i.filename for i in infos if "/tests/" in i.filename or i.filename.endswith((".pyc", ".ts"))]
        assert max(i.file_size for i in infos) < 5_000_000  # no data file of several MB
        config = tmp_path / "profil"
        plugins = config / "profiles" / "default" / "python" / "plugins"
        plugins.mkdir(parents=True)
        archive.extractall(plugins)
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(config), QT_QPA_PLATFORM="offscreen")
    enabled = subprocess.run([QGIS_PROCESS, "plugins", "enable", "scoran_qgis"], capture_output=True, text=True,
                             env=env, timeout=300)
    assert enabled.returncode == 0, enabled.stdout + enabled.stderr

    base, eligibility = tmp_path / "base_imb_21.csv.gz", tmp_path / "actuel_21.csv.gz"
    with gzip.open(base, "wt", encoding="utf-8") as handle:
        handle.write("imb_id;imb_longitude;imb_latitude;imb_code_insee;imb_nbr_logloc\n"
                     "1;560000;5990000;21231;4\n2;561000;5991000;21054;1\n")
    with gzip.open(eligibility, "wt", encoding="utf-8") as handle:
        handle.write("imb_id;code_operateur;code_techno;classe_debit_descendant\n1;OPA;FO;THD1G\n2;OPB;CU;HD3\n")
    output = tmp_path / "locaux.gpkg"
    result = subprocess.run([QGIS_PROCESS, "--json", "run", "scoran:importmci", "--", f"BASE_IMB={base}",
                             f"ELIGIBILITE={eligibility}", f"OUTPUT={output}"],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    dataset = ogr.Open(str(output))  # kept while its layer is read
    rows = sorted((f.GetField("code_insee"), f.GetField("classe")) for f in dataset.GetLayer(0))
    assert rows == [("21054", "HD3"), ("21231", "THD1G")]
