"""scoran:deliverables on the sample: files, page count, figures in the PDF text equal the analysis
tables, workbooks opened by openpyxl and by LibreOffice, formula injection neutralised, bad input."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import unicodedata
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from qgis.core import QgsApplication, QgsProcessingException

from scoran_qgis.core.store import ScoranStore

WORKBOOKS = ("phasage_2015_2017", "inventaire_zones_blanches", "sites_prioritaires", "avancement_projets_conventions",
             "trajectoire_thd", "besoins_financiers_fixe", "zones_blanches_mobiles", "projets_usages",
             "calendrier_initiatives", "indicateurs_suivi")



def run(parameters):
    from qgis import processing

    return processing.run("scoran:deliverables", parameters)


@pytest.fixture(scope="module")
def generated(provider, sample_build, tiny_sources, tmp_path_factory):
    """Deliverables of 2015-S1, the analyses computed from the sources as child algorithms."""
    folder = tmp_path_factory.mktemp("livrables")
    store_path = folder / "scoran.gpkg"
    shutil.copy(sample_build[0].path, store_path)
    with sqlite3.connect(store_path) as conn:
        conn.execute("UPDATE projets SET titre = '=HYPERLINK(\"http://example.invalid\",\"clic\")' "
                     "WHERE projet_id = 'PRJ-001'")
    result = run({"STORE": str(store_path), "MILLESIME": "2015-S1", "ANALYSES": str(folder / "analyses"),
                  "SOURCES": str(tiny_sources), "OUTPUT": str(folder / "out")})
    return folder, result


def test_every_file_is_written(generated):
    folder, result = generated
    out = folder / "out"
    names = {p.name for p in out.iterdir()}
    assert {f"{w}.xlsx" for w in WORKBOOKS} <= names
    assert "atlas_scoran_2015-S1.pdf" in names
    assert {f"atlas_{d}_2015-S1.pdf" for d in ("21", "25", "39", "58", "70", "71", "89", "90")} <= names
    assert all((out / n).stat().st_size > 3000 for n in names)
    assert "indicateurs_nationaux.csv" in names
    assert "scoran_2-0_2015-S1.odt" in names and result["DOCUMENT_ODT"] == str(out / "scoran_2-0_2015-S1.odt")
    assert result["FILES"] == len(names) == 21
    assert not [n for n in names if n.startswith(".")]  # no leftover partial folder


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_text(path, page) -> str:
    """Text of one page; NFKC undoes the typographic ligatures (« ﬁ ») the PDF fonts use."""
    text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return " ".join(unicodedata.normalize("NFKC", text).split())  # QGIS 3.40 places lines and words apart


def test_atlas_pages_and_key_figures(generated):
    folder, result = generated
    atlas = folder / "out" / "atlas_scoran_2015-S1.pdf"
    assert pdf_pages(atlas) == result["PAGES"]
    texts = [pdf_text(atlas, page) for page in range(1, result["PAGES"] + 1)]
    # cover, then per territory (region + 8 departments) five map pages, the calendar and the lists
    maps = ("Haut débit fixe", "Quand ?", "Très haut débit :", "Téléphonie mobile", "Services et usages numériques")
    lists = ("Calendrier des initiatives", "Sites sans date prévue", "Évolutions depuis")
    assert texts[0].startswith("SCORAN 2.0")
    assert all(text.startswith(maps + lists) for text in texts[1:])
    for title in maps:
        assert sum(text.startswith(title) for text in texts) == 1 + 8
    assert sum(text.startswith("Calendrier des initiatives") for text in texts) >= 1 + 8
    nievre = [pdf_text(folder / "out" / "atlas_58_2015-S1.pdf", page)
              for page in range(1, pdf_pages(folder / "out" / "atlas_58_2015-S1.pdf") + 1)]
    assert [t for t in nievre if t.startswith(maps)] == [t for t in texts if t.startswith(maps) and "Nièvre (58)" in t]
    inventory = pd.read_csv(folder / "analyses" / "inventaire_zones_blanches.csv", dtype={"code": str})
    region = inventory[inventory["code"] == "Ensemble"].iloc[0]
    text = pdf_text(atlas, 2)
    assert "Bourgogne-Franche-Comté" in text
    assert f"Locaux : {int(region['nb_locaux']):,}".replace(",", " ") in text
    assert f"({region['pct_sous_seuil']:.2f} %)" in text
    nievre = inventory[inventory["code"] == "58"].iloc[0]
    page = next(number for number, text in enumerate(texts, 1) if text.startswith("Haut débit fixe")
                and "Nièvre (58)" in text)  # the 58's first page
    text = pdf_text(atlas, page)
    assert "Nièvre (58)" in text
    assert f"Locaux sous 3 Mbit/s : {int(nievre['nb_sous_seuil']):,}".replace(",", " ") in text
    trajectory = pd.read_csv(folder / "analyses" / "trajectoire_thd.csv", dtype={"code": str})
    value = trajectory[(trajectory["code"] == "58") & (trajectory["semestre"] == "2022-S2")]["pct_thd"].iat[0]
    thd = next(number for number, text in enumerate(texts, 1) if number > page and text.startswith("Très haut"))
    assert f"Prévu fin 2022 : {value:.2f} %" in pdf_text(atlas, thd)
    assert "Haut débit fixe" in text and "Millésime 2015-S1" in text


def test_workbooks_open_in_openpyxl_and_libreoffice(generated, tmp_path):
    folder, _ = generated
    paths = [folder / "out" / f"{w}.xlsx" for w in WORKBOOKS]
    for path in paths:
        book = openpyxl.load_workbook(path)
        assert book.sheetnames[0] == "Lisez-moi" and len(book.sheetnames) >= 2
        assert book[book.sheetnames[1]].freeze_panes == "A2"
    if shutil.which("libreoffice") is None:
        pytest.skip("LibreOffice absent")
    done = subprocess.run(["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                           *map(str, paths)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    for path in paths:
        assert (tmp_path / f"{path.stem}.pdf").stat().st_size > 1000


def test_cells_equal_the_analysis_tables(generated):
    folder, _ = generated
    book = openpyxl.load_workbook(folder / "out" / "inventaire_zones_blanches.xlsx")
    sheet = book["Départements"]
    header = [c.value for c in sheet[1]]
    rows = {row[0]: dict(zip(header, row)) for row in sheet.iter_rows(min_row=2, values_only=True)}
    inventory = pd.read_csv(folder / "analyses" / "inventaire_zones_blanches.csv", dtype={"code": str})
    for record in inventory.to_dict("records"):
        assert rows[record["code"]]["Locaux"] == record["nb_locaux"]
        assert rows[record["code"]]["Sous 3 Mbit/s"] == record["nb_sous_seuil"]
    communes = book["Communes"]
    codes = [row[0] for row in communes.iter_rows(min_row=2, values_only=True)]
    assert len(codes) == 3685 and all(isinstance(c, str) and len(c) == 5 for c in codes)  # INSEE codes as text
    trajectory = openpyxl.load_workbook(folder / "out" / "trajectoire_thd.xlsx")
    assert trajectory["Graphique"]._charts  # a chart where a curve says more


def test_project_title_formula_stays_text(generated):
    folder, _ = generated
    sheet = openpyxl.load_workbook(folder / "out" / "projets_usages.xlsx")["Priorité nationale"]
    cell = next(row[1] for row in sheet.iter_rows(min_row=2) if row[0].value == "PRJ-001")
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_bad_input(provider, generated, sample_build, tmp_path):
    folder, _ = generated
    store = ScoranStore.create(tmp_path / "vide.gpkg")
    with pytest.raises(QgsProcessingException, match="Le millésime 2016-S2 n.est pas dans le référentiel"):
        run({"STORE": str(store.path), "MILLESIME": "2016-S2", "ANALYSES": str(tmp_path),
             "OUTPUT": str(tmp_path / "o")})
    blocker = tmp_path / "fichier"
    blocker.write_text("pas un dossier")
    with pytest.raises(QgsProcessingException, match="pas accessible en écriture"):
        run({"STORE": str(folder / "scoran.gpkg"), "MILLESIME": "2015-S1", "ANALYSES": str(folder / "analyses"),
             "OUTPUT": str(blocker / "livrables")})
    out = tmp_path / "livrables"
    (out / "trajectoire_thd.xlsx").mkdir(parents=True)  # a workbook that cannot be replaced
    with pytest.raises(QgsProcessingException, match="Impossible de remplacer trajectoire_thd.xlsx"):
        run({"STORE": str(folder / "scoran.gpkg"), "MILLESIME": "2015-S1", "ANALYSES": str(folder / "analyses"),
             "OUTPUT": str(out)})
    assert [p.name for p in out.iterdir()] == ["trajectoire_thd.xlsx"]  # nothing else was presented
    with pytest.raises(QgsProcessingException, match="absent"):
        run({"STORE": str(folder / "scoran.gpkg"), "MILLESIME": "2015-S1", "ANALYSES": str(folder / "analyses"),
             "DEPARTEMENTS": "21,99", "OUTPUT": str(tmp_path / "x")})


def test_shipped_model_runs_for_one_department(generated, tmp_path):
    """The batch-mode model: one department's deliverables."""
    from qgis import processing

    folder, _ = generated
    assert QgsApplication.processingRegistry().algorithmById("scoran:livrables_departement") is not None
    result = processing.run("scoran:livrables_departement", {
        "STORE": str(folder / "scoran.gpkg"), "MILLESIME": "2015-S1", "ANALYSES": str(folder / "analyses"),
        "DEPARTEMENT": "58", "livrables:Dossier des livrables": str(tmp_path / "58")})
    out = tmp_path / "58"
    assert pdf_pages(out / "atlas_scoran_2015-S1.pdf") == 1 + pdf_pages(out / "atlas_58_2015-S1.pdf")  # + cover
    assert (out / "atlas_58_2015-S1.pdf").exists() and not (out / "atlas_21_2015-S1.pdf").exists()
    communes = openpyxl.load_workbook(out / "inventaire_zones_blanches.xlsx")["Communes"]
    assert {row[2] for row in communes.iter_rows(min_row=2, values_only=True)} == {"58"}
    assert result


def test_model_without_output_folder_writes_to_a_temporary_folder(generated, tmp_path):
    """`qgis_process run` of the model without its output: a temporary folder, not the working directory."""
    import json
    import os

    from tests.conftest import ROOT

    folder, _ = generated
    work = tmp_path / "travail"
    work.mkdir()
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profile"), QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([str(ROOT / "scripts" / "qgis_process.sh"), "--json", "run", "scoran:livrables_departement",
                          "--", f"STORE={folder / 'scoran.gpkg'}", "MILLESIME=2015-S1",
                          f"ANALYSES={folder / 'analyses'}", "DEPARTEMENT=90"],
                         capture_output=True, text=True, env=env, cwd=work, timeout=300)
    assert run.returncode == 0, run.stderr
    assert list(work.iterdir()) == []
    out = Path(json.loads(run.stdout)["results"]["livrables:Dossier des livrables"])
    assert out.is_absolute() and work not in out.parents  # QGIS removes its temporary folders at exit


def test_stale_analyses_are_recomputed(generated, tiny_sources, tmp_path):
    """A source newer than the analyses makes them stale: deliverables recompute them first."""
    import os
    import time

    from scoran_qgis.algorithms.chain import stale

    folder, _ = generated
    analyses = tmp_path / "analyses"
    shutil.copytree(folder / "analyses", analyses)
    old = time.time() - 3600
    for path in analyses.iterdir():
        os.utime(path, (old, old))
    assert "importmci" in stale(analyses, tiny_sources)
    before = (analyses / "locaux.gpkg").stat().st_mtime
    run({"STORE": str(folder / "scoran.gpkg"), "MILLESIME": "2015-S1", "ANALYSES": str(analyses),
         "SOURCES": str(tiny_sources), "ATLAS": False, "WORKBOOKS": [0, 3], "DOCUMENT": False,
         "OUTPUT": str(tmp_path / "out")})
    assert (analyses / "locaux.gpkg").stat().st_mtime > before
    # only the deliverables asked for
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["inventaire_zones_blanches.xlsx",
                                                                    "trajectoire_thd.xlsx"]
    assert stale(analyses, tiny_sources) == []


def national_csv(path) -> pd.DataFrame:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # UTF-8 without BOM
    raw.decode("utf-8")
    return pd.read_csv(path, dtype={"code": str, "millesime": str}, keep_default_na=False)


def test_national_indicators_csv_is_flat_and_equals_the_analyses(generated):
    """One row per indicator × territory × millésime; figures recomputed here from the analysis tables."""
    folder, _ = generated
    analyses = folder / "analyses"
    flat = national_csv(folder / "out" / "indicateurs_nationaux.csv")
    assert list(flat.columns) == ["millesime", "niveau", "code", "territoire", "indicateur", "libelle", "valeur",
                                  "unite"]
    assert not flat.duplicated(["millesime", "code", "indicateur"]).any()
    assert set(flat["millesime"]) == {"2015-S1"}
    assert sorted(set(flat["code"])) == ["21", "25", "27", "39", "58", "70", "71", "89", "90"]  # region 27, as text
    assert set(flat.loc[flat["code"] == "27", "niveau"]) == {"region"}
    per_territory = flat.groupby("code")["indicateur"].nunique()
    assert per_territory.nunique() == 1 and per_territory.iat[0] >= 20

    def value(code, indicator):
        cell = flat[(flat["code"] == code) & (flat["indicateur"] == indicator)]["valeur"]
        assert len(cell) == 1
        return float(cell.iat[0])

    inventory = pd.read_csv(analyses / "inventaire_zones_blanches.csv", dtype={"code": str})
    region = inventory[inventory["niveau"] == "territoire"].iloc[0]
    assert value("27", "locaux_sous_seuil") == region["nb_sous_seuil"]
    assert value("27", "locaux") == region["nb_locaux"]
    # the département's THD share at the semester, from the premises coverage itself
    coverage = pd.read_csv(analyses / "couverture_thd.csv", dtype={"code": str})
    dep = coverage[(coverage["niveau"] == "département") & (coverage["code"] == "21")]
    when = dep["semestre_prevu"]  # already THD, or planned by the semester (late plans count now)
    thd = dep.loc[when.eq("deja_thd") | (when.str.match(r"^\d{4}-S[12]$") & (when <= "2015-S1")), "nb_locaux"].sum()
    assert value("21", "pct_locaux_thd") == pytest.approx(round(100 * thd / dep["nb_locaux"].sum(), 2), abs=0.01)
    # RIP cost of a département: the sum of its phase rows
    needs = pd.read_csv(analyses / "besoins_financiers.csv", dtype={"code": str, "code_dep": str})
    phases = needs[(needs["niveau"] == "phase") & (needs["code_dep"] == "21")]
    assert value("21", "cout_phases_rip") == pytest.approx(phases["cout_total"].sum(), abs=0.5)
    # usage projects of a département, counted in the store
    with sqlite3.connect(folder / "scoran.gpkg") as conn:
        spans = [{d.strip().upper() for d in (deps or "").split(",") if d.strip()}
                 for (deps,) in conn.execute("SELECT departements FROM projets")]
    assert value("58", "projets_usages") == sum("58" in s for s in spans)
    assert value("27", "projets_usages") == len(spans)
    book = openpyxl.load_workbook(folder / "out" / "indicateurs_suivi.xlsx")
    documented = {row[1] for row in book["Dictionnaire"].iter_rows(min_row=2, values_only=True)}
    assert set(flat["indicateur"]) | set(flat.columns) <= documented


def test_national_indicators_of_one_department_hold_only_it(generated, tmp_path):
    folder, _ = generated
    run({"STORE": str(folder / "scoran.gpkg"), "MILLESIME": "2015-S1", "ANALYSES": str(folder / "analyses"),
         "DEPARTEMENTS": "90", "ATLAS": False, "WORKBOOKS": [9], "OUTPUT": str(tmp_path / "90")})
    flat = national_csv(tmp_path / "90" / "indicateurs_nationaux.csv")
    assert set(flat["code"]) == {"90"} and set(flat["niveau"]) == {"departement"}
    whole = national_csv(folder / "out" / "indicateurs_nationaux.csv")
    assert flat.set_index("indicateur")["valeur"].equals(
        whole[whole["code"] == "90"].set_index("indicateur")["valeur"])


def test_a_failed_generation_keeps_the_millesimes_registers(generated, tmp_path):
    """The snapshots are saved for « Évolutions » before the files are written: a failure puts the old ones back."""
    folder, _ = generated
    store = tmp_path / "scoran.gpkg"
    shutil.copy(folder / "scoran.gpkg", store)

    def saved_status():
        with sqlite3.connect(store) as conn:
            return conn.execute("SELECT statut FROM projets_millesime WHERE millesime = '2015-S1' AND projet_id = "
                                "'PRJ-002'").fetchone()[0]

    before = saved_status()
    changed = "abandonne" if before != "abandonne" else "realise"
    with sqlite3.connect(store) as conn:
        conn.execute("UPDATE projets SET statut = ? WHERE projet_id = 'PRJ-002'", (changed,))
    out = tmp_path / "livrables"
    (out / "trajectoire_thd.xlsx").mkdir(parents=True)  # a workbook that cannot be replaced: the run fails
    parameters = {"STORE": str(store), "MILLESIME": "2015-S1", "ANALYSES": str(folder / "analyses"), "ATLAS": False,
                  "DOCUMENT": False, "WORKBOOKS": [3], "OUTPUT": str(out)}
    with pytest.raises(QgsProcessingException, match="Impossible de remplacer"):
        run(parameters)
    assert saved_status() == before
    (out / "trajectoire_thd.xlsx").rmdir()
    run(parameters)
    assert saved_status() == changed


@pytest.mark.parametrize("lock", [".~lock.{0}#", "~${0}"])  # LibreOffice, Microsoft Office
def test_a_deliverable_open_in_an_office_program_is_not_replaced(generated, tmp_path, lock):
    folder, _ = generated
    out = tmp_path / "livrables"
    out.mkdir()
    (out / "trajectoire_thd.xlsx").write_bytes(b"ouvert dans le tableur")
    (out / lock.format("trajectoire_thd.xlsx")).write_text("verrou")
    with pytest.raises(QgsProcessingException, match="Impossible de remplacer trajectoire_thd.xlsx"):
        run({"STORE": str(folder / "scoran.gpkg"), "MILLESIME": "2015-S1", "ANALYSES": str(folder / "analyses"),
             "ATLAS": False, "DOCUMENT": False, "WORKBOOKS": [3, 9], "OUTPUT": str(out)})
    assert (out / "trajectoire_thd.xlsx").read_bytes() == b"ouvert dans le tableur"
    assert not (out / "indicateurs_suivi.xlsx").exists()  # nothing else was presented
