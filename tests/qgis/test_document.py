"""The SCORAN 2.0 presentation document (.odt) written by scoran:deliverables: valid ODF read back by odfpy,
the circular's chapters, figures equal to an independent pandas computation from the analysis files,
LibreOffice headless turns it into a PDF holding the chapter titles, the officer's prose carried over by
section name (orphans to the annex), a département document, the SDTAN table, and no odfpy: a warning."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from scoran_qgis.core.store import ScoranStore

CHAPTERS = [
    "Rappel de la stratégie numérique régionale : SCORAN initiales et SDTAN",
    "Réseaux de communications électroniques fixes",
    "Phasage des projets sur la période triennale 2015-2017 et trajectoire vers le très haut débit en 2022",
    "Réseaux de communications électroniques mobiles",
    "Services, usages et contenus numériques",
    "Estimation des coûts et besoins financiers de la couverture numérique",
    "Calendrier et cartographie de réalisation des initiatives",
    "Méthode de suivi, indicateurs et gouvernance",
]
NBSP = "\u00a0"


def integer(value) -> str:  # the test's own French format: 1 234 567
    return f"{int(round(float(value))):,}".replace(",", NBSP)


def percent(value) -> str:  # 12,34 %
    return f"{float(value):.2f}".replace(".", ",") + NBSP + "%"


def euros(value) -> str:
    return integer(value) + NBSP + "€"


class Recorder:
    def __init__(self):
        self.warnings, self.infos = [], []

    def pushWarning(self, text):  # noqa: N802
        self.warnings.append(text)

    def pushInfo(self, text):  # noqa: N802
        self.infos.append(text)


@pytest.fixture(scope="module")
def generated(provider, sample_build, tiny_sources, tmp_path_factory):
    """The deliverables' run of 2015-S1 with the document only (analyses computed from the tiny sources)."""
    from qgis import processing

    folder = tmp_path_factory.mktemp("document")
    store_path = folder / "scoran.gpkg"
    shutil.copy(sample_build[0].path, store_path)
    result = processing.run("scoran:deliverables", {
        "STORE": str(store_path), "MILLESIME": "2015-S1", "ANALYSES": str(folder / "analyses"),
        "SOURCES": str(tiny_sources), "ATLAS": False, "WORKBOOKS": [], "OUTPUT": str(folder / "out")})
    return folder, result


def load(path):
    from odf.opendocument import load as odf_load

    return odf_load(str(path))


def headings(doc, level=1) -> list[str]:
    from odf import teletype
    from odf.text import H

    return [teletype.extractText(h) for h in doc.getElementsByType(H) if h.getAttribute("outlinelevel") == str(level)]


def full_text(doc) -> str:
    from odf import teletype

    return teletype.extractText(doc.text)


def sections(doc) -> dict:
    from odf.text import Section

    return {s.getAttribute("name"): s for s in doc.getElementsByType(Section)}


def test_document_is_valid_odf_with_the_circular_chapters(generated):
    folder, result = generated
    path = Path(result["DOCUMENT_ODT"])
    assert path == folder / "out" / "scoran_2-0_2015-S1.odt" and path.is_file()
    assert result["FILES"] == 1
    assert not [p for p in (folder / "out").iterdir() if p.name.startswith(".")]  # no partial file left
    doc = load(path)
    assert doc.mimetype == "application/vnd.oasis.opendocument.text"
    assert headings(doc) == CHAPTERS
    text = full_text(doc)
    assert "Bourgogne-Franche-Comté" in text and "millésime 2015-S1" in text and "Table des matières" in text
    prose = {name for name in sections(doc) if name.startswith("prose_")}
    assert {"prose_scoran_initiales", "prose_sdtan", "prose_phasage", "prose_mobile", "prose_usages_nationaux",
            "prose_financement", "prose_calendrier", "prose_suivi"} <= prose
    assert text.count("À rédiger par le SGAR :") == len(prose)
    assert len(doc.Pictures) >= 4  # trajectory, calendar and the region maps


def test_figures_equal_the_analysis_files(generated):
    folder, result = generated
    analyses = folder / "analyses"
    text = full_text(load(result["DOCUMENT_ODT"]))
    inventory = pd.read_csv(analyses / "inventaire_zones_blanches.csv", dtype={"code": str})
    region = inventory[inventory["code"] == "Ensemble"].iloc[0]
    assert f"le territoire compte {integer(region['nb_locaux'])} locaux" in text
    assert f"{integer(region['nb_sous_seuil'])} locaux ({percent(region['pct_sous_seuil'])}) n'ont pas de haut débit" \
           in text
    assert f"{integer(region['nb_inel'])} locaux ({percent(region['pct_inel'])}) ne sont éligibles" in text
    nievre = inventory[inventory["code"] == "58"].iloc[0]
    assert f"Nièvre (58){integer(nievre['nb_locaux'])}{integer(nievre['nb_inel'])}" in text  # its table row

    phasing = pd.read_csv(analyses / "phasage.csv", dtype={"annee": str})
    triennial = phasing[phasing["annee"].isin(["2015", "2016", "2017"])]
    assert f"rendent {integer(triennial['locaux'].sum())} locaux raccordables" in text
    assert f"coût de {euros(phasing['cout'].sum())}" in text
    per_project = triennial.groupby("rip_id")["locaux"].sum()
    for rip, premises in per_project.items():
        assert f"{rip}" in text and integer(premises) in text

    trajectory = pd.read_csv(analyses / "trajectoire_thd.csv", dtype={"code": str})
    whole = trajectory[trajectory["code"] == "Ensemble"].set_index("semestre")["pct_thd"]
    assert f"la part atteint {percent(whole['2017-S2'])} fin 2017" in text
    assert f"{percent(whole['2022-S2'])} fin 2022" in text

    with sqlite3.connect(analyses / "centres_bourgs.gpkg") as conn:
        centres = pd.read_sql_query("SELECT statut FROM centres_bourgs", conn)["statut"].value_counts()
    assert f"{integer(centres.sum())} centres-bourgs sont suivis : {integer(centres.get('zone_blanche_2g', 0))} en " \
           f"zone blanche 2G" in text
    needs = pd.read_csv(analyses / "besoins_financiers.csv", dtype={"code": str})
    total = needs[needs["niveau"] == "territoire"].iloc[0]
    assert f"estimé à {euros(total['cout_total'])} pour {integer(total['locaux'])} locaux" in text
    with sqlite3.connect(folder / "scoran.gpkg") as conn:
        projects = pd.read_sql_query("SELECT statut FROM projets", conn)["statut"]
    active = projects.isin(["en_cours", "realise"]).sum()
    assert f"{integer(len(projects))} projets de services et usages sont inscrits au registre ({integer(active)} " \
           "en cours ou réalisés)" in text


def test_usages_chapter_holds_the_circular_fields_of_the_register(generated):
    folder, result = generated
    text = full_text(load(result["DOCUMENT_ODT"]))
    with sqlite3.connect(folder / "scoran.gpkg") as conn:
        projects = pd.read_sql_query("SELECT projet_id, titre, metiers, besoins_formation, besoins_emergents, "
                                     "themes_regionaux FROM projets ORDER BY projet_id", conn).fillna("")
        themes = pd.read_sql_query("SELECT code, libelle FROM themes_regionaux", conn)
    assert len(themes) and (projects["metiers"] != "").any()  # the sample has them
    trades = text[text.index("Métiers concernés et besoins en formation" + "Projet"):]
    for row in projects[(projects["metiers"] != "") | (projects["besoins_formation"] != "")].itertuples():
        assert f"{row.projet_id} {row.titre}{row.metiers}{row.besoins_formation}" in trades
    for code, label in zip(themes["code"], themes["libelle"]):
        count = projects["themes_regionaux"].map(lambda v, c=code: c in [x.strip() for x in
                                                                         v.replace(";", ",").split(",")]).sum()
        assert f"{label} ({count} projet(s))" in text
    for need, group in projects[projects["besoins_emergents"] != ""].groupby("besoins_emergents"):
        assert f"{need} ({', '.join(sorted(group['projet_id']))})" in text


def pdf_words(path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return "".join(unicodedata.normalize("NFKC", text).split())  # lines wrap anywhere: compare without spaces


def test_libreoffice_converts_it_to_pdf(generated, tmp_path):
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice absent")
    _, result = generated
    done = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profil'}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), result["DOCUMENT_ODT"]],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "scoran_2-0_2015-S1.pdf"
    assert pdf.stat().st_size > 50_000
    words = pdf_words(pdf)
    for title in CHAPTERS:
        assert "".join(title.split()) in words, title
    assert "ÀrédigerparleSGAR" in words


def write_prose(path: Path) -> None:
    """What an officer does in Writer: prose with direct formatting, a list and a table in the SDTAN section, and a
    section of a name the outline does not have (left from an older version)."""
    from odf.style import Style, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import List, ListItem, P, Section, Span

    doc = load(path)
    bold = Style(name="T9", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(bold)
    body = Style(name="P42", family="paragraph", parentstylename="Text_20_body")
    doc.automaticstyles.addElement(body)
    section = sections(doc)["prose_sdtan"]
    for child in list(section.childNodes):
        section.removeChild(child)
    paragraph = P(stylename=body, text="Les SDTAN de la région ont été adoptés entre 2011 et 2013 ; ")
    paragraph.addElement(Span(stylename=bold, text="la Nièvre actualise le sien"))
    section.addElement(paragraph)
    items = List()
    for line in ("premier enjeu : la fibre", "second enjeu : la montée en débit"):
        item = ListItem()
        item.addElement(P(text=line))
        items.addElement(item)
    section.addElement(items)
    table = Table(name="TableauAgent")
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    row = TableRow()
    for value in ("Cellule tapée", "42"):
        cell = TableCell()
        cell.addElement(P(text=value))
        row.addElement(cell)
    table.addElement(row)
    section.addElement(table)
    orphan = Section(name="prose_ancien_chapitre")
    orphan.addElement(P(text="Un texte d'un chapitre qui n'existe plus."))
    doc.text.addElement(orphan)
    doc.save(str(path))


def test_prose_is_carried_over_and_orphans_go_to_the_annex(generated, tmp_path):
    from odf import teletype

    from scoran_qgis.export.document import (
        PreviousProse,
        build_document,
        placeholder_text,
        previous_document,
        prose_hints,
    )

    folder, result = generated
    out = tmp_path / "livrables"
    out.mkdir()
    shutil.copy(result["DOCUMENT_ODT"], out)
    write_prose(out / "scoran_2-0_2015-S1.odt")
    typed = PreviousProse(out / "scoran_2-0_2015-S1.odt")
    placeholders = {placeholder_text(hint) for hint in prose_hints().values()}
    assert typed.written("prose_sdtan", placeholders) and typed.written("prose_ancien_chapitre", placeholders)
    assert not typed.written("prose_suivi", placeholders)  # still the invitation: the new one is used
    store = ScoranStore.open(folder / "scoran.gpkg")
    feedback = Recorder()
    for _ in range(2):  # regenerated twice: the prose stays, styles are not renamed again and again
        previous = previous_document(out, "2015-S1")
        assert previous == out / "scoran_2-0_2015-S1.odt"
        build_document(store, folder / "analyses", out, "2015-S1", previous=previous, feedback=feedback)
        doc = load(out / "scoran_2-0_2015-S1.odt")
        found = sections(doc)
        sdtan = teletype.extractText(found["prose_sdtan"])
        assert "adoptés entre 2011 et 2013 ; la Nièvre actualise le sien" in sdtan
        assert "second enjeu : la montée en débit" in sdtan and "Cellule tapée42" in sdtan
        assert "À rédiger" not in sdtan
        span = next(s for s in _walk(found["prose_sdtan"]) if s.qname[1] == "span")
        style = span.getAttribute("stylename")
        assert style == "Repris_T9"
        automatic = {e.getAttribute("name"): e for e in doc.automaticstyles.childNodes}
        assert "bold" in str([a for a in automatic[style].childNodes[0].attributes.values()])
        # untouched placeholders are the new document's, not copied text
        assert teletype.extractText(found["prose_suivi"]).startswith("À rédiger par le SGAR :")
        assert headings(doc)[-1] == "Textes repris sans emplacement"
        assert teletype.extractText(found["prose_ancien_chapitre"]) == "Un texte d'un chapitre qui n'existe plus."
    assert any("repris de scoran_2-0_2015-S1.odt" in line for line in feedback.infos)
    # the next semester takes the latest earlier document of the same territory
    assert previous_document(out, "2015-S2") == out / "scoran_2-0_2015-S1.odt"
    assert previous_document(out, "2015-S2", ["58"]) is None


def test_prose_survives_a_save_by_libreoffice(generated, tmp_path):
    """Writer renames automatic styles when it saves (T9 → T1…): the prose still comes over, bold still bold."""
    from odf import teletype
    from odf.namespaces import FONS

    from scoran_qgis.export.document import build_document

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice absent")
    folder, result = generated
    typed = tmp_path / "saisi" / "scoran_2-0_2015-S1.odt"
    typed.parent.mkdir()
    shutil.copy(result["DOCUMENT_ODT"], typed)
    write_prose(typed)
    done = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profil'}", "--headless",
                           "--convert-to", "odt", "--outdir", str(tmp_path / "livrables"), str(typed)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    saved = tmp_path / "livrables" / "scoran_2-0_2015-S1.odt"
    assert "prose_sdtan" in sections(load(saved))  # Writer keeps the sections' names
    build_document(ScoranStore.open(folder / "scoran.gpkg"), folder / "analyses", saved.parent, "2015-S1",
                   previous=saved)
    doc = load(saved)
    found = sections(doc)
    assert "la Nièvre actualise le sien" in teletype.extractText(found["prose_sdtan"])
    assert "Cellule tapée" in teletype.extractText(found["prose_sdtan"])
    span = next(s for s in _walk(found["prose_sdtan"]) if s.qname[1] == "span")
    style = next(e for e in doc.automaticstyles.childNodes if e.getAttribute("name") == span.getAttribute("stylename"))
    assert style.childNodes[0].attributes.get((FONS, "font-weight")) == "bold"
    assert teletype.extractText(found["prose_ancien_chapitre"]) == "Un texte d'un chapitre qui n'existe plus."


def _walk(node):
    yield node
    for child in node.childNodes:
        if child.nodeType == child.ELEMENT_NODE:
            yield from _walk(child)


def test_department_document_sdtan_and_rest_to_plan(generated, tmp_path):
    from scoran_qgis.export.document import build_document

    folder, _ = generated
    store_path = tmp_path / "scoran.gpkg"
    shutil.copy(folder / "scoran.gpkg", store_path)
    with sqlite3.connect(store_path) as conn:
        conn.execute("DELETE FROM sdtan")
        conn.execute("INSERT INTO sdtan (code_dep, titre, maitre_ouvrage, date_adoption, statut) VALUES "
                     "('58', 'SDTAN de la Nièvre', 'Conseil départemental', '2012-06-25', 'adopte'), "
                     "('21', 'SDTAN de Côte-d''Or', 'Conseil départemental', '2011-12-01', 'adopte')")
    analyses = tmp_path / "analyses"
    shutil.copytree(folder / "analyses", analyses)
    pd.DataFrame({"niveau": ["département", "département", "territoire"], "code": ["58", "21", "Ensemble"],
                  "locaux": [1234, 999, 2233], "cout_total": [2_500_000.0, 1.0, 2_500_001.0],
                  "part_etat": [800_000.0, 0.0, 800_000.0], "reste_collectivites": [1_700_000.0, 1.0, 1_700_001.0]}
                 ).to_csv(analyses / "reste_a_planifier.csv", index=False)
    path = build_document(ScoranStore.open(store_path), analyses, tmp_path / "out", "2015-S1", ["58"])
    assert path.name == "scoran_2-0_58_2015-S1.odt"
    text = full_text(load(path))
    assert "Nièvre (58)" in text and "Côte-d'Or" not in text  # only the département's rows
    assert "SDTAN de la Nièvre" in text and "25/06/2012" in text and "Adopté" in text
    inventory = pd.read_csv(analyses / "inventaire_zones_blanches.csv", dtype={"code": str})
    nievre = inventory[inventory["code"] == "58"].iloc[0]
    assert f"le territoire compte {integer(nievre['nb_locaux'])} locaux" in text
    assert f"Locaux d'initiative publique qu'aucune phase ne couvre encore : {integer(1234)}, pour un coût estimé " \
           f"de {euros(2_500_000)}" in text
    empty = tmp_path / "vide.gpkg"
    shutil.copy(folder / "scoran.gpkg", empty)
    with sqlite3.connect(empty) as conn:
        conn.execute("DELETE FROM sdtan")
    text = full_text(load(build_document(ScoranStore.open(empty), analyses, tmp_path / "out2", "2015-S1", ["58"])))
    assert "Aucun SDTAN n'est encore inscrit au référentiel SCORAN pour ce territoire" in text


def test_without_odfpy_a_warning_and_the_rest_is_written(generated, tmp_path, monkeypatch):
    from qgis import processing

    from scoran_qgis.export.document import build_document

    folder, _ = generated
    monkeypatch.setitem(sys.modules, "odf", None)  # as on QGIS for Windows: import odf fails
    feedback = Recorder()
    assert build_document(ScoranStore.open(folder / "scoran.gpkg"), folder / "analyses", tmp_path, "2015-S1",
                          feedback=feedback) is None
    assert len(feedback.warnings) == 1 and "« odf »" in feedback.warnings[0] and "python3-odf" in feedback.warnings[0]
    assert not list(tmp_path.iterdir())
    from qgis.core import QgsProcessingFeedback

    class Warnings(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines = []

        def pushWarning(self, text):  # noqa: N802
            self.lines.append(text)

    warnings = Warnings()
    result = processing.run("scoran:deliverables", {
        "STORE": str(folder / "scoran.gpkg"), "MILLESIME": "2015-S1", "ANALYSES": str(folder / "analyses"),
        "ATLAS": False, "WORKBOOKS": [0], "OUTPUT": str(tmp_path / "out")}, feedback=warnings)
    assert result["DOCUMENT_ODT"] == "" and result["FILES"] == 1
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["inventaire_zones_blanches.xlsx"]
    assert any("odfpy" in line for line in warnings.lines)
