"""The register's XLSX import facing clumsy or hostile workbooks: an obvious spelling of a valid value is
accepted, anything else gets a French message naming sheet and row, and the store stays byte-identical."""

from __future__ import annotations

import hashlib
import zipfile

import openpyxl
import pytest

from scoran_qgis.core import register
from scoran_qgis.core.errors import ScoranError
from scoran_qgis.core.store import ScoranStore
from scoran_qgis.export.register_xlsx import export_register, import_register

PROJECT = {"projet_id": "PRJ-001", "titre": "Télémédecine en EHPAD", "niveau": "national", "domaine": "sante",
           "statut": "en_cours", "departements": "21"}
CHILDREN = {
    "links": [{"type_objet": "commune", "cle": "21231"}],
    "milestones": [{"libelle": "Lancement", "semestre": "2015-S2", "statut": "atteint"}],
    "funding": [{"financeur": "etat_pia", "montant": 1000.0, "appel_projets": None}],
    "documents": [{"type_document": "etude", "titre": "Étude préalable", "chemin": "etude.pdf"}],
}


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def empty_store(path) -> ScoranStore:
    store = ScoranStore.create(path)
    with store.transaction() as conn:
        conn.executemany("INSERT INTO communes (insee_com, nom, insee_dep) VALUES (?, ?, ?)",
                         [("21231", "Dijon", "21"), ("58194", "Nevers", "58")])
    return store


@pytest.fixture(scope="module")
def workbook_path(tmp_path_factory):
    """A valid workbook of one project with a link, a milestone, a funding line and a document."""
    folder = tmp_path_factory.mktemp("registre")
    source = empty_store(folder / "source.gpkg")
    register.save_project(source, PROJECT, **CHILDREN)
    return export_register(source, folder / "registre.xlsx")


@pytest.fixture
def target(tmp_path):
    return empty_store(tmp_path / "cible.gpkg")


def edited(workbook_path, tmp_path, sheet, header, value):
    """A copy of the workbook with row 2 of `sheet`, column `header`, set to `value`."""
    book = openpyxl.load_workbook(workbook_path)
    cells = book[sheet]
    column = [c.value for c in cells[1]].index(header) + 1
    cells.cell(row=2, column=column).value = value
    path = tmp_path / "modifie.xlsx"
    book.save(path)
    return path


ACCEPTED = [
    ("Projets", "Statut", "En cours", "projet", "statut", "en_cours"),
    ("Projets", "Statut", "en_cours", "projet", "statut", "en_cours"),
    ("Projets", "Statut", "  EN   COURS ", "projet", "statut", "en_cours"),
    ("Projets", "Statut", "en-cours", "projet", "statut", "en_cours"),
    ("Projets", "Statut", "Réalisé", "projet", "statut", "realise"),
    ("Projets", "Statut", "realise", "projet", "statut", "realise"),
    ("Projets", "Statut", "REALISÉ", "projet", "statut", "realise"),
    ("Projets", "Statut", "Idée", "projet", "statut", "idee"),
    ("Projets", "Statut", None, "projet", "statut", "idee"),  # empty: the default status
    ("Projets", "Domaine", "Santé et télémédecine", "projet", "domaine", "sante"),
    ("Projets", "Domaine", "SANTE", "projet", "domaine", "sante"),
    ("Projets", "Domaine", "Éducation", "projet", "domaine", "education"),
    ("Projets", "Niveau de priorité", "priorité régionale", "projet", "niveau", "regional"),
    ("Jalons", "Semestre (AAAA-S1/S2)", "2016-s1", "jalons", "semestre", "2016-S1"),
    ("Jalons", "Semestre (AAAA-S1/S2)", "2016 S2", "jalons", "semestre", "2016-S2"),
    ("Jalons", "Semestre (AAAA-S1/S2)", "2016s1", "jalons", "semestre", "2016-S1"),
    ("Jalons", "Statut", "Atteint", "jalons", "statut", "atteint"),
    ("Jalons", "Statut", "retardé", "jalons", "statut", "retarde"),
    ("Jalons", "Statut", "ANNULÉ", "jalons", "statut", "annule"),
    ("Jalons", "Statut", None, "jalons", "statut", "prevu"),  # empty: the default status
    ("Documents", "Type", "Compte rendu", "documents", "type_document", "compte_rendu"),
    ("Documents", "Type", "compte-rendu", "documents", "type_document", "compte_rendu"),
    ("Documents", "Type", "Étude", "documents", "type_document", "etude"),
    ("Liens", "Type d'objet", "Commune", "liens", "type_objet", "commune"),
    ("Liens", "Type d'objet", "centre-bourg", "liens", "type_objet", "centre_bourg"),
    ("Financements", "Financeur", "etat pia", "financements", "financeur", "etat_pia"),
    ("Financements", "Financeur", "FEDER", "financements", "financeur", "feder"),
]


@pytest.mark.parametrize(("sheet", "header", "value", "part", "field", "expected"), ACCEPTED)
def test_obvious_spellings_are_accepted(workbook_path, tmp_path, target, sheet, header, value, part, field, expected):
    report = import_register(target, edited(workbook_path, tmp_path, sheet, header, value))
    assert report.problems == [] and report.imported == 1
    saved = register.load_project(target, "PRJ-001")
    record = saved["projet"] if part == "projet" else saved[part][0]
    assert record[field] == expected


REFUSED = [
    ("Projets", "Statut", "Terminé", "statut inconnue : « Terminé »"),
    ("Projets", "Statut", "fini", "statut inconnue : « fini »"),
    ("Projets", "Domaine", "Astrologie", "domaine inconnue : « Astrologie »"),
    ("Projets", "Domaine", None, "domaine inconnue"),
    ("Projets", "Niveau de priorité", "urgent", "niveau de priorité inconnue : « urgent »"),
    ("Jalons", "Statut", "fini", "Statut de jalon inconnu : « fini »"),
    ("Jalons", "Statut", "42", "Statut de jalon inconnu : « 42 »"),
    ("Jalons", "Semestre (AAAA-S1/S2)", "2016-S3", "Semestre de jalon invalide : « 2016-S3 »"),
    ("Jalons", "Semestre (AAAA-S1/S2)", "printemps 2016", "Semestre de jalon invalide : « printemps 2016 »"),
    ("Jalons", "Semestre (AAAA-S1/S2)", "S1-2016", "Semestre de jalon invalide : « S1-2016 »"),
    ("Documents", "Type", "photo", "Type de document inconnu : « photo »"),
    ("Documents", "Type", "rapport annuel", "Type de document inconnu : « rapport annuel »"),
    ("Documents", "Type", None, "Type de document manquant"),
    ("Liens", "Type d'objet", "ville", "Type d'objet lié inconnu : « ville »"),
    ("Financements", "Financeur", "mécène", "Financeur inconnu : « mécène »"),
    ("Financements", "Montant (€)", "beaucoup", "« beaucoup » n'est pas un montant"),
]


@pytest.mark.parametrize(("sheet", "header", "value", "message"), REFUSED)
def test_unknown_values_are_reported_and_nothing_is_written(workbook_path, tmp_path, target, sheet, header, value,
                                                            message):
    fingerprint = sha(target.path)
    report = import_register(target, edited(workbook_path, tmp_path, sheet, header, value))
    assert report.imported == 0
    assert any(s == sheet and row == 2 and message in text for s, row, _, text in report.problems), report.problems
    assert f"{sheet}, ligne 2" in report.text()
    assert sha(target.path) == fingerprint


def write_zip(path):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "pas un classeur")


NOT_WORKBOOKS = [
    ("csv", lambda path: path.write_text("projet_id;titre\nPRJ-001;Télémédecine\n", encoding="utf-8"),
     "n'est pas un classeur XLSX"),
    ("texte", lambda path: path.write_text("Registre des projets, à compléter", encoding="utf-8"),
     "n'est pas un classeur XLSX"),
    ("vide", lambda path: path.write_bytes(b""), "est vide"),
    ("zip", write_zip, "n'est pas un classeur XLSX"),
    ("binaire", lambda path: path.write_bytes(bytes(range(256)) * 16), "n'est pas un classeur XLSX"),
    ("dossier", lambda path: path.mkdir(), "est un dossier"),
    ("absent", lambda path: None, "introuvable"),
]


@pytest.mark.parametrize(("case", "make", "message"), NOT_WORKBOOKS, ids=[case for case, _, _ in NOT_WORKBOOKS])
def test_a_file_that_is_not_a_workbook_is_refused(tmp_path, target, case, make, message):
    path = tmp_path / "registre.xlsx"
    make(path)
    fingerprint = sha(target.path)
    with pytest.raises(ScoranError) as error:
        import_register(target, path)
    assert message in str(error.value) and "registre.xlsx" in str(error.value)
    assert sha(target.path) == fingerprint


def test_a_csv_named_csv_is_refused_too(tmp_path, target):
    path = tmp_path / "registre.csv"
    path.write_text("projet_id;titre\nPRJ-001;Télémédecine\n", encoding="utf-8")
    fingerprint = sha(target.path)
    with pytest.raises(ScoranError, match="n'est pas un classeur XLSX"):
        import_register(target, path)
    assert sha(target.path) == fingerprint


def test_valid_rows_only_skips_the_bad_project_and_keeps_the_good_one(workbook_path, tmp_path, target):
    book = openpyxl.load_workbook(workbook_path)
    projects = book["Projets"]
    projects.append(["PRJ-002"] + [c.value for c in projects[2]][1:])
    status = [c.value for c in projects[1]].index("Statut") + 1
    projects.cell(row=2, column=status).value = "Terminé"
    projects.cell(row=3, column=status).value = "En cours"
    path = tmp_path / "deux.xlsx"
    book.save(path)
    report = import_register(target, path, valid_rows_only=True)
    assert report.skipped == ["PRJ-001"] and report.imported == 1
    assert register.load_project(target, "PRJ-002")["projet"]["statut"] == "en_cours"
