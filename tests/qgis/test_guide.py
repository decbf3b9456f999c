"""The user guide (docs/guide/) follows the provider, and the plugin ships it as offline help.

`scripts/doc_parameters.py` writes each algorithm's parameters and outputs tables into its page and
renders the pages to `scoran_qgis/resources/help/`; here, the committed files must be what it would
write now (else: `make doc`).
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QUrl

from scoran_qgis.algorithms.base import ScoranAlgorithm
from tests.conftest import ROOT

GUIDE = ROOT / "docs" / "guide"
HELP = ROOT / "scoran_qgis" / "resources" / "help"


@pytest.fixture(scope="module")
def doc():
    spec = importlib.util.spec_from_file_location("doc_parameters", ROOT / "scripts" / "doc_parameters.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def algorithms(provider, doc):
    return doc.scoran_algorithms()


def test_every_algorithm_has_its_page_with_current_tables_and_the_help_is_current(doc, algorithms):
    files, problems = doc.expected(algorithms)
    assert problems == []
    stale = [name for name in doc.stale(files) if "/help/images/" not in name]
    assert stale == [], "guide ou aide périmés : lancez `make doc`"


def test_the_help_carries_the_current_screenshots(doc, algorithms):
    """docs/images/ refreshed (scripts/screenshots.py) → `make doc` copies them into the help."""
    files, _ = doc.expected(algorithms)
    assert [name for name in doc.stale(files) if "/help/images/" in name] == [], "lancez `make doc`"


def test_pages_name_every_parameter_and_output(doc, algorithms):
    for algorithm in algorithms:
        text = doc.page_of(algorithm).read_text(encoding="utf-8")
        for definition in [*algorithm.parameterDefinitions(), *algorithm.outputDefinitions()]:
            assert f"| `{definition.name()}` |" in text, (algorithm.id(), definition.name())


def test_links_and_images_of_the_guide_exist(doc):
    for page in GUIDE.glob("*.md"):
        for link in doc.local_links(page.read_text(encoding="utf-8")):
            assert (page.parent / link).exists(), (page.name, link)
    for page in HELP.glob("*.html"):  # the offline help only points inside itself (or to the web)
        for target in re.findall(r'(?:href|src)="([^"]+)"', page.read_text(encoding="utf-8")):
            if not re.match(r"^(https?:|#)", target):
                assert (HELP / target.partition("#")[0]).is_file(), (page.name, target)


def test_index_links_every_page_and_readme_links_the_index():
    index = (GUIDE / "index.md").read_text(encoding="utf-8")
    for page in GUIDE.glob("*.md"):
        if page.name != "index.md":
            assert f"]({page.name})" in index, page.name
    assert "docs/guide/index.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_help_url_of_each_algorithm_is_its_shipped_page(algorithms):
    scoran = [algorithm for algorithm in algorithms if isinstance(algorithm, ScoranAlgorithm)]
    assert len(scoran) >= 11
    models = [algorithm for algorithm in algorithms if not isinstance(algorithm, ScoranAlgorithm)]
    assert [model.name() for model in models] == ["livrables_departement"]
    for algorithm in scoran + models:
        url = QUrl(algorithm.helpUrl())
        assert url.isLocalFile(), (algorithm.id(), algorithm.helpUrl())
        page = Path(url.toLocalFile())
        assert page.is_file() and page.name == f"{algorithm.name()}.html", algorithm.id()
        assert page.resolve().parent == HELP.resolve()


def test_converter_renders_the_guide_markdown(doc):
    html = doc.to_html("# Titre `x`\n\nUn *mot* et **gras**, [lien](importmci.md#a), [hors](../data-model.md).\n\n"
                       "| a | b |\n|---|---|\n| `c\\|d` | 2 |\n\n- un\n- deux\n  suite\n\n```bash\necho <x>\n```\n"
                       "![image](../images/x.png)\n", "Titre")
    assert '<h1 id="titre-x">Titre <code>x</code></h1>' in html
    assert "<em>mot</em>" in html and "<strong>gras</strong>" in html
    assert '<a href="importmci.html#a">lien</a>' in html and "hors" in html and "data-model" not in html
    assert "<td><code>c|d</code></td><td>2</td>" in html
    assert "<ul><li>un</li><li>deux suite</li></ul>" in html
    assert "<pre><code>echo &lt;x&gt;</code></pre>" in html
    assert '<img src="images/x.png" alt="image">' in html


def test_the_plugin_zip_carries_the_help(tmp_path):
    import subprocess
    import sys
    import zipfile

    target = tmp_path / "scoran_qgis.zip"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "package.py"), str(target)], check=True)
    with zipfile.ZipFile(target) as archive:
        names = set(archive.namelist())
        sizes = {info.filename: info.file_size for info in archive.infolist() if "/resources/help/" in info.filename}
    for page in HELP.rglob("*"):
        if page.is_file():
            assert f"scoran_qgis/{page.relative_to(ROOT / 'scoran_qgis').as_posix()}" in names, page.name
    assert max(sizes.values()) < 1_000_000 and sum(sizes.values()) < 3_000_000


def test_command_lines_of_the_guide_name_real_parameters(algorithms):
    """Every `qgis_process run scoran:<id> -- NAME=…` of the guide names parameters the algorithm has."""
    known = {algorithm.name(): {d.name() for d in algorithm.parameterDefinitions()} for algorithm in algorithms}
    seen = 0
    for page in GUIDE.glob("*.md"):
        for block in re.findall(r"```bash\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.DOTALL):
            for name, arguments in re.findall(r"run scoran:(\w+) -- (.*)", block.replace("\\\n", " ")):
                names = set(re.findall(r"""(?:^|[\s"'])([A-Z_]+|livrables:[^=]+)=""", arguments))
                assert names and names <= known[name], (page.name, name, names - known[name])
                seen += 1
    assert seen >= 20
