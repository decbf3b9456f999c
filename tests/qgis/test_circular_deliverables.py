"""A département's deliverables hold that département (issue 11, item 5) and say the parameters the
white-zones analysis was run with (item 2).

scoran:deliverables runs for DEPARTEMENTS=58 on the tiny sample, whose RIP of the Nièvre is renamed
`THD-NIEVRE` (no code in its name), declared over 58 and 21, with a phase given by communes of both.
Every sheet of every workbook is opened: every INSEE commune code and every département code in it
must be of the 58 (found by column header and by pattern); the atlas names no other département.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import unicodedata

import openpyxl
import pandas as pd
import pytest

from scoran_qgis.core.codes import departement_of
from scoran_qgis.core.store import ScoranStore
from scoran_qgis.export.parameters import read_parameters, speed_label

DEP = "58"
INSEE = re.compile(r"^(?:\d{5}|2[AB]\d{3})$")
DEPARTMENT = re.compile(r"^(?:\d{2}|2[AB]|97\d)$")
INSEE_IN_TEXT = re.compile(r"(?<![\d-])(?:\d{5}|2[AB]\d{3})(?![\d])")
DEPARTMENT_IN_TEXT = re.compile(r"départements?\s+(\d{2,3}|2[AB])\b", re.IGNORECASE)
DEPARTMENT_HEADERS = ("département", "code", "territoire")
SHARED = "partagé avec"


@pytest.fixture(scope="module")
def run58(provider, sample_build, tiny_sources, tmp_path_factory):
    """Deliverables of the 58, analyses computed from the sources; the Nièvre's RIP renamed and shared with 21."""
    from qgis import processing

    folder = tmp_path_factory.mktemp("livrables58")
    store = folder / "scoran.gpkg"
    shutil.copy(sample_build[0].path, store)
    with ScoranStore.open(store).transaction() as conn:  # foreign keys on: the phases follow the new rip_id
        conn.execute("UPDATE rip_projets SET rip_id = 'THD-NIEVRE', departements = '58, 21' WHERE rip_id = 'RIP58'")
        communes = [row[0] for row in conn.execute(
            "SELECT insee_com FROM communes WHERE insee_dep IN ('58', '21') AND insee_com NOT IN "
            "(SELECT insee_com FROM amii_communes) ORDER BY insee_dep DESC, insee_com LIMIT 3")]
        communes += [row[0] for row in conn.execute(
            "SELECT insee_com FROM communes WHERE insee_dep = '21' AND insee_com NOT IN "
            "(SELECT insee_com FROM amii_communes) ORDER BY insee_com LIMIT 3")]
        conn.execute("INSERT INTO rip_phases (phase_id, rip_id, nom, technologie, semestre_debut, semestre_fin, "
                     "locaux_prevus, statut) VALUES ('THD-NIEVRE-P9', 'THD-NIEVRE', 'Morvan partagé', 'FTTH', "
                     "'2016-S1', '2017-S2', 40, 'prevu')")
        conn.executemany("INSERT INTO rip_phases_communes (phase_id, insee_com) VALUES ('THD-NIEVRE-P9', ?)",
                         [(c,) for c in communes])
    result = processing.run("scoran:deliverables", {
        "STORE": str(store), "MILLESIME": "2015-S1", "ANALYSES": str(folder / "analyses"),
        "SOURCES": str(tiny_sources), "DEPARTEMENTS": DEP, "OUTPUT": str(folder / "out")})
    return folder, result


def rip_departments(store) -> dict:
    with sqlite3.connect(store) as conn:
        return {rip: {d.strip() for d in deps.split(",")} for rip, deps in conn.execute(
            "SELECT rip_id, departements FROM rip_projets")}


def foreign_codes(path, rips: dict) -> list:
    """(sheet, row, header, value) of every cell naming a commune, a département or a RIP outside the 58."""
    found = []
    book = openpyxl.load_workbook(path, read_only=True)
    for sheet in book.worksheets:
        rows = list(sheet.iter_rows(values_only=True))
        if not rows:
            continue
        header = [str(h or "") for h in rows[0]]
        for number, row in enumerate(rows[1:] if sheet.title != "Lisez-moi" else rows, start=2):
            for title, value in zip(header, row):
                if not isinstance(value, str) or title.lower().startswith("partage") or value.startswith(SHARED):
                    continue
                text = value.strip()
                wrong = (INSEE.match(text) and departement_of(text) != DEP) or (
                    any(h in title.lower() for h in DEPARTMENT_HEADERS) and DEPARTMENT.match(text) and text != DEP)
                wrong = wrong or any(departement_of(c) != DEP for c in INSEE_IN_TEXT.findall(text))
                wrong = wrong or any(c != DEP for c in DEPARTMENT_IN_TEXT.findall(text))
                wrong = wrong or text.lower() == "ensemble" or (text in rips and DEP not in rips[text])
                if title.lower().startswith("départements") and sheet.title != "Lisez-moi":  # a list of codes
                    wrong = wrong or any(c.strip() != DEP for c in text.split(","))
                if wrong:
                    found.append((path.stem, sheet.title, number, title, value))
    return found


def test_every_cell_of_every_workbook_is_of_the_department(run58):
    folder, result = run58
    paths = sorted((folder / "out").glob("*.xlsx"))
    assert len(paths) == 10
    rips = rip_departments(folder / "scoran.gpkg")
    assert [f for path in paths for f in foreign_codes(path, rips)] == []


def test_totals_are_the_department_totals(run58):
    folder, _ = run58
    analyses, out = folder / "analyses", folder / "out"
    inventory = pd.read_csv(analyses / "inventaire_zones_blanches.csv", dtype={"code": str})
    nievre = inventory[inventory["code"] == DEP].iloc[0]
    sheet = openpyxl.load_workbook(out / "inventaire_zones_blanches.xlsx")["Départements"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in rows] == [DEP]  # the territory's row became the département's
    header = [c.value for c in sheet[1]]
    assert dict(zip(header, rows[0]))["Locaux"] == nievre["nb_locaux"]
    communes = openpyxl.load_workbook(out / "inventaire_zones_blanches.xlsx")["Communes"]
    codes = [row[0] for row in communes.iter_rows(min_row=2, values_only=True)]
    assert codes and all(departement_of(c) == DEP for c in codes)
    indicators = {row[0]: row[1] for row in openpyxl.load_workbook(out / "indicateurs_suivi.xlsx")["Indicateurs"]
                  .iter_rows(min_row=2, values_only=True)}
    assert indicators["Locaux"] == nievre["nb_locaux"]
    assert indicators["Territoire"] == "Nièvre (58)"
    needs = pd.read_csv(analyses / "besoins_financiers.csv", dtype={"code": str, "code_dep": str})
    department = needs[(needs["niveau"] == "département") & (needs["code"] == DEP)].iloc[0]
    sheet = openpyxl.load_workbook(out / "besoins_financiers_fixe.xlsx")["Besoins"]
    header = [c.value for c in sheet[1]]
    records = [dict(zip(header, row)) for row in sheet.iter_rows(min_row=2, values_only=True)]
    total = next(r for r in records if r["Niveau"] == "territoire")
    assert total["Code"] == DEP and total["Locaux"] == department["locaux"]
    assert total["Coût (€)"] == pytest.approx(department["cout_total"], abs=1)


def test_a_rip_is_found_by_its_departements_not_its_name(run58):
    """THD-NIEVRE has no code in its name; its phase over 58 and 21 is marked as shared."""
    folder, _ = run58
    sheet = openpyxl.load_workbook(folder / "out" / "avancement_projets_conventions.xlsx")["Phases RIP"]
    header = [c.value for c in sheet[1]]
    phases = {row[1]: dict(zip(header, row)) for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert {"RIP58-P1", "RIP58-P2", "RIP58-P3", "THD-NIEVRE-P9"} <= set(phases)
    assert {p["Projet RIP"] for p in phases.values()} == {"THD-NIEVRE"}
    assert phases["THD-NIEVRE-P9"]["Partage"].startswith("partagé avec 21")
    assert phases["THD-NIEVRE-P9"]["Département"] == DEP
    calendar = openpyxl.load_workbook(folder / "out" / "calendrier_initiatives.xlsx")["Calendrier"]
    objects = {row[1]: row for row in calendar.iter_rows(min_row=2, values_only=True)}
    assert "THD-NIEVRE-P9" in objects and objects["THD-NIEVRE-P9"][6].startswith("partagé avec 21")
    assert not any(str(key).startswith(("RIP21", "RIP71")) for key in objects)
    usages = openpyxl.load_workbook(folder / "out" / "projets_usages.xlsx")["Priorité nationale"]
    header = [c.value for c in usages[1]]
    projects = {row[0]: dict(zip(header, row)) for row in usages.iter_rows(min_row=2, values_only=True)}
    assert projects["PRJ-007"]["Départements"] == DEP and projects["PRJ-007"]["Partage"] is None
    assert projects["PRJ-001"]["Partage"] == "partagé avec 25, 39, 71"  # a project of four départements
    assert "PRJ-021" not in projects  # the 71's


def pdf_text(path) -> str:
    """The PDF's words in reading order, one space apart (QGIS 3.40 places lines and words apart)."""
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_the_atlas_names_no_other_department(run58):
    folder, result = run58
    atlas = folder / "out" / "atlas_scoran_2015-S1.pdf"
    pages = subprocess.run(["pdfinfo", str(folder / "out" / "atlas_58_2015-S1.pdf")], capture_output=True, text=True,
                           check=True).stdout
    assert result["PAGES"] == 1 + int(re.search(r"Pages:\s+(\d+)", pages).group(1))  # cover + the 58's pages
    text = pdf_text(atlas)
    with sqlite3.connect(folder / "scoran.gpkg") as conn:
        others = conn.execute("SELECT insee_dep, nom FROM departements WHERE insee_dep <> ?", (DEP,)).fetchall()
        region = conn.execute("SELECT nom FROM regions").fetchone()[0]
    for code, name in others:
        assert name not in text and f"({code})" not in text
    inventory = pd.read_csv(folder / "analyses" / "inventaire_zones_blanches.csv", dtype={"code": str})
    whole = inventory[inventory["code"] == "Ensemble"].iloc[0]
    nievre = inventory[inventory["code"] == DEP].iloc[0]
    number = lambda v: f"{int(v):,}".replace(",", " ")  # noqa: E731
    assert f"Locaux : {number(nievre['nb_locaux'])}" in text
    assert f"Locaux : {number(whole['nb_locaux'])}" not in text
    assert region not in text  # the cover names the département, not the region
    assert "Nièvre (58)" in text


def test_labels_say_the_parameters_of_the_analysis(run58):
    folder, _ = run58
    from scoran_qgis.core.store import read_layer_table

    analyses = folder / "analyses"
    params = read_parameters(read_layer_table(analyses / "zones_blanches_communes.gpkg"),
                             pd.read_csv(analyses / "inventaire_zones_blanches.csv"))
    book = openpyxl.load_workbook(folder / "out" / "inventaire_zones_blanches.xlsx")
    header = [c.value for c in book["Départements"][1]]
    assert f"Sous {params.speed}" in header
    readme = "\n".join(str(row[0]) for row in book["Lisez-moi"].iter_rows(values_only=True) if row[0])
    assert f"seuil : {params.threshold} ({params.speed}) ; part : {params.share_text}" in readme
    assert ("défaut" in readme) is params.default
    if params.inel:  # the no-broadband category, when the analysis has it
        assert "% inéligibles" in [c.value for c in book["Communes"][1]]
        assert "Communes en zone blanche du haut débit" in header


def test_parameters_read_from_the_analysis_or_the_defaults():
    stored = pd.DataFrame({"seuil": ["BHD8"], "part_pct": [30.0], "pct_inel": [1.0]})
    params = read_parameters(stored)
    assert (params.threshold, params.speed, params.share_text, params.default, params.inel) == (
        "BHD8", "8 Mbit/s", "30 %", False, True)
    assert params.below == "Sous 8 Mbit/s" and "défaut" not in params.describe()
    old = read_parameters(pd.DataFrame({"nb_sous_seuil": [1]}), None)
    assert (old.threshold, old.speed, old.share_text, old.default, old.inel) == ("HD3", "3 Mbit/s", "50 %", True,
                                                                                False)
    assert "défaut" in old.describe() and "(défaut)" in old.suffix()
    assert speed_label("HD05") == "512 kbit/s" and speed_label("THD1G") == "1 Gbit/s"
    assert read_parameters(pd.DataFrame({"seuil": ["HD05"], "part_pct": [12.5]})).share_text == "12,5 %"


def test_the_shipped_model_holds_the_department(run58, tmp_path):
    from qgis import processing

    folder, _ = run58
    processing.run("scoran:livrables_departement", {
        "STORE": str(folder / "scoran.gpkg"), "MILLESIME": "2015-S1", "ANALYSES": str(folder / "analyses"),
        "DEPARTEMENT": DEP, "livrables:Dossier des livrables": str(tmp_path / DEP)})
    rips = rip_departments(folder / "scoran.gpkg")
    paths = sorted((tmp_path / DEP).glob("*.xlsx"))
    assert len(paths) == 10 and [f for path in paths for f in foreign_codes(path, rips)] == []


def test_a_department_workbook_opens_in_libreoffice(run58, tmp_path):
    folder, _ = run58
    if shutil.which("libreoffice") is None:
        pytest.skip("LibreOffice absent")
    paths = [folder / "out" / f"{name}.xlsx" for name in ("inventaire_zones_blanches", "besoins_financiers_fixe")]
    done = subprocess.run(["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                           *map(str, paths)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    for path in paths:
        assert (tmp_path / f"{path.stem}.pdf").stat().st_size > 1000
