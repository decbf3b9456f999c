"""`make package` builds the zip plugins.qgis.org expects."""

import subprocess
import sys
import zipfile

from tests.conftest import ROOT


def test_zip_has_one_plugin_folder_with_the_root_metadata(tmp_path):
    target = tmp_path / "scoran_qgis.zip"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "package.py"), str(target)], check=True)
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        assert {name.split("/")[0] for name in names} == {"scoran_qgis"}
        assert archive.read("scoran_qgis/metadata.txt") == (ROOT / "scoran_qgis" / "metadata.txt").read_bytes()
        assert "scoran_qgis/__init__.py" in names and "scoran_qgis/LICENSE" in names
        assert "scoran_qgis/resources/icons/scoran.svg" in names
        assert "scoran_qgis/resources/layouts/atlas_scoran.qpt" in names  # atlas templates
        assert "scoran_qgis/resources/models/scoran_livrables_departement.model3" in names
        assert "scoran_qgis/resources/data/bpe_categories.csv" in names
        assert "scoran_qgis/resources/i18n/scoran_qgis_en.qm" in names  # English, compiled
        assert not [n for n in names if n.endswith(".ts")]  # translation sources stay out
        assert not [n for n in names if "__pycache__" in n or n.endswith((".pyc", ".gitkeep"))]
