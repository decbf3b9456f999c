"""What the circular asks of the register: emerging needs, experiments, professions, training, one or two
regional themes, the « territoires en difficulté / publics éloignés / mutualisation » flags, and the SDTAN
inventory — saved all or nothing, exchanged through the XLSX workbook (round trip) and shown in
`projets_usages.xlsx`. Expected values are written here by hand."""

from __future__ import annotations

import hashlib
from datetime import datetime

import openpyxl
import pandas as pd
import pytest

from scoran_qgis.core import register
from scoran_qgis.core.errors import ScoranError
from scoran_qgis.core.store import ScoranStore
from scoran_qgis.export.register_xlsx import export_register, import_register

DEPARTMENTS = [("21", "Côte-d'Or"), ("58", "Nièvre"), ("89", "Yonne")]
THEMES = [{"libelle": "Tourisme et patrimoine"}, {"libelle": "Filière forêt-bois"}]


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def small_store(path) -> ScoranStore:
    """Three départements, two communes, no project."""
    store = ScoranStore.create(path)
    with store.transaction() as conn:
        conn.executemany("INSERT INTO departements (insee_dep, nom) VALUES (?, ?)", DEPARTMENTS)
        conn.executemany("INSERT INTO communes (insee_com, nom, insee_dep) VALUES (?, ?, ?)",
                         [("21231", "Dijon", "21"), ("58194", "Nevers", "58")])
    return store


def project(**changes):
    return {"projet_id": "PRJ-001", "titre": "Tiers-lieu du Morvan", "niveau": "regional",
            "domaine": "developpement_economique", "statut": "en_cours", "departements": "58", **changes}


@pytest.fixture
def store(tmp_path):
    return small_store(tmp_path / "registre.gpkg")


@pytest.fixture
def filled(store):
    """Two themes, two projects using them, SDTAN rows of the 21 and the 58."""
    register.save_themes(store, THEMES)
    register.save_project(store, project(
        themes_regionaux="Tourisme et patrimoine ; filière forêt-bois", besoins_emergents="  Télétravail en bourg  ",
        experimentations="Coworking animé\npar la communauté de communes", metiers="Animateurs de tiers-lieux",
        besoins_formation="Vente en ligne", zones_defavorisees=1, publics_eloignes=1))
    register.save_project(store, project(projet_id="PRJ-002", titre="Visite virtuelle de Vézelay", domaine="culture",
                                         departements="89", themes_regionaux="TOURISME_ET_PATRIMOINE",
                                         mutualisation=1))
    register.save_sdtan(store, [
        {"code_dep": "21", "titre": "SDTAN de la Côte-d'Or", "maitre_ouvrage": "Département", "statut": "Adopté",
         "date_adoption": "2012-06-25", "derniere_mise_a_jour": "2015-03-01", "commentaire": "=1+1"},
        {"code_dep": 58, "statut": " EN ÉLABORATION ", "titre": "SDTAN de la Nièvre"},
    ])
    return store


# --- core: themes -----------------------------------------------------------------------------------
def test_themes_get_a_code_from_their_label_and_the_projects_use_them(filled):
    assert register.read_themes(filled) == [
        {"code": "tourisme_et_patrimoine", "libelle": "Tourisme et patrimoine", "ordre": 1},
        {"code": "filiere_foret_bois", "libelle": "Filière forêt-bois", "ordre": 2}]
    saved = register.load_project(filled, "PRJ-001")["projet"]
    assert saved["themes_regionaux"] == "tourisme_et_patrimoine,filiere_foret_bois"  # read by label, however spelled
    assert saved["besoins_emergents"] == "Télétravail en bourg"  # trimmed
    assert saved["experimentations"] == "Coworking animé\npar la communauté de communes"
    assert (saved["zones_defavorisees"], saved["publics_eloignes"], saved["mutualisation"]) == (1, 1, 0)
    assert register.load_project(filled, "PRJ-002")["projet"]["themes_regionaux"] == "tourisme_et_patrimoine"
    assert register.load_project(filled, "PRJ-002")["projet"]["besoins_emergents"] is None


@pytest.mark.parametrize(("themes", "message"), [
    ([{"libelle": "A"}, {"libelle": "B"}, {"libelle": "C"}], "2 thèmes régionaux au plus"),
    ([{"libelle": "Tourisme"}, {"libelle": " tourisme "}], "même code"),
    ([{"libelle": "  "}], "a un libellé"),
    ([{"libelle": "Bois ; forêt"}], "contient « ; »"),
    ([{"libelle": "«»"}], "ne donne pas de code"),
])
def test_a_bad_themes_list_is_refused_and_nothing_changes(filled, themes, message):
    before = sha(filled.path)
    with pytest.raises(ScoranError, match=message):
        register.save_themes(filled, themes)
    assert sha(filled.path) == before


def test_a_theme_still_used_cannot_be_removed_and_a_renamed_theme_keeps_its_code(filled):
    with pytest.raises(ScoranError) as error:
        register.save_themes(filled, [{"code": "filiere_foret_bois", "libelle": "Filière forêt-bois"}])
    assert str(error.value) == ("Le thème « Tourisme et patrimoine » (tourisme_et_patrimoine) est retenu par 2 "
                                "projet(s) (PRJ-001, PRJ-002) : retirez-le de ces projets avant de le supprimer.")
    register.save_themes(filled, [{"code": "tourisme_et_patrimoine", "libelle": "Tourisme"},
                                  {"code": "filiere_foret_bois", "libelle": "Forêt et bois"}])
    assert [t["libelle"] for t in register.read_themes(filled)] == ["Tourisme", "Forêt et bois"]
    register.save_project(filled, {**register.load_project(filled, "PRJ-001")["projet"],
                                   "themes_regionaux": "tourisme_et_patrimoine"})
    register.save_themes(filled, [{"code": "tourisme_et_patrimoine", "libelle": "Tourisme"}])  # no longer used
    assert [t["code"] for t in register.read_themes(filled)] == ["tourisme_et_patrimoine"]


@pytest.mark.parametrize(("themes", "message"), [
    ("astrologie", "Thème régional inconnu : « astrologie »"),
    ("tourisme_et_patrimoine,filiere_foret_bois,astrologie", "3 thèmes régionaux au plus ; il en a 3|au plus"),
])
def test_a_project_with_unknown_or_too_many_themes_is_refused(filled, themes, message):
    before = sha(filled.path)
    with pytest.raises(ScoranError, match=message.split("|")[-1]):
        register.save_project(filled, project(projet_id="PRJ-003", themes_regionaux=themes))
    assert sha(filled.path) == before


# --- core: SDTAN --------------------------------------------------------------------------------------
def test_sdtan_rows_are_read_by_code_or_label_and_blank_rows_are_not_stored(filled):
    rows = register.read_sdtan(filled)
    assert [(r["code_dep"], r["statut"]) for r in rows] == [("21", "adopte"), ("58", "en_elaboration")]
    inventory = register.sdtan_inventory(filled)
    assert [(r["code_dep"], r["nom"], r["statut"]) for r in inventory] == [
        ("21", "Côte-d'Or", "adopte"), ("58", "Nièvre", "en_elaboration"), ("89", "Yonne", None)]
    assert register.save_sdtan(filled, [*rows, {"code_dep": "89", "titre": "  "}]) == 2  # the 89 left blank


@pytest.mark.parametrize(("row", "message"), [
    ({"code_dep": "75", "statut": "adopte", "date_adoption": "2012-01-01"},
     r"« 75 » n'est pas dans le référentiel \(départements : 21, 58, 89\)"),
    ({"code_dep": "21", "statut": "adopte", "date_adoption": "2012-02-30"}, "Date invalide pour la date d'adoption"),
    ({"code_dep": "21", "statut": "en_actualisation", "date_adoption": "2012-06-25",
      "derniere_mise_a_jour": "2011-01-01"},
     r"La dernière mise à jour \(01/01/2011\) précède l'adoption \(25/06/2012\)"),
    ({"code_dep": "21", "statut": "Adopté"}, "Un SDTAN « Adopté » a une date d'adoption"),
    ({"code_dep": "21", "statut": "abrogé", "titre": "x"}, "Statut de SDTAN inconnu : « abrogé »"),
])
def test_a_bad_sdtan_row_refuses_the_whole_inventory(filled, row, message):
    before = sha(filled.path)
    good = {"code_dep": "89", "statut": "adopte", "date_adoption": "2013-01-01"}
    with pytest.raises(ScoranError, match=message):
        register.save_sdtan(filled, [good, row])
    assert sha(filled.path) == before


# --- XLSX exchange ------------------------------------------------------------------------------------
def sheet(path, name):
    return [list(row) for row in openpyxl.load_workbook(path)[name].iter_rows(values_only=True)]


def test_export_writes_the_new_fields_themes_and_sdtan(filled, tmp_path):
    path = export_register(filled, tmp_path / "registre.xlsx")
    projects = sheet(path, "Projets")
    header, first = projects[0], dict(zip(projects[0], projects[1]))
    for title in ("Territoires en difficulté (oui/non)", "Publics éloignés des usages (oui/non)", "Thèmes régionaux",
                  "Besoins territoriaux émergents", "Expérimentations à valoriser", "Principaux métiers concernés",
                  "Besoins en formation spécifique"):
        assert title in header
    assert first["Thèmes régionaux"] == "Tourisme et patrimoine ; Filière forêt-bois"
    assert first["Territoires en difficulté (oui/non)"] == "oui" and first["Mutualisation (oui/non)"] == "non"
    assert first["Expérimentations à valoriser"] == "Coworking animé\npar la communauté de communes"
    assert sheet(path, "Thèmes régionaux") == [["Code", "Libellé", "Ordre"],
                                               ["tourisme_et_patrimoine", "Tourisme et patrimoine", 1],
                                               ["filiere_foret_bois", "Filière forêt-bois", 2]]
    assert sheet(path, "SDTAN") == [
        ["Département", "Nom du département", "Titre", "Maître d'ouvrage", "Date d'adoption", "Statut",
         "Dernière mise à jour", "Commentaire"],
        ["21", "Côte-d'Or", "SDTAN de la Côte-d'Or", "Département", datetime(2012, 6, 25), "Adopté",
         datetime(2015, 3, 1), "=1+1"],
        ["58", "Nièvre", "SDTAN de la Nièvre", None, None, "En élaboration", None, None]]
    cell = openpyxl.load_workbook(path)["SDTAN"]["H2"]
    assert cell.data_type == "s" and cell.quotePrefix  # user text never runs as a formula


def test_round_trip_into_a_fresh_store_gives_identical_tables(filled, tmp_path):
    first = export_register(filled, tmp_path / "registre.xlsx")
    target = small_store(tmp_path / "copie.gpkg")
    report = import_register(target, first)
    assert report.problems == [] and report.imported == 2 and report.sdtan == 2
    original, copy = register.read_tables(filled), register.read_tables(target)
    for table in ("projets", "themes_regionaux", "sdtan", "jalons", "liens", "financements", "documents"):
        drop = [c for c in ("cree_le", "modifie_le") if c in original[table]]
        pd.testing.assert_frame_equal(original[table].drop(columns=drop), copy[table].drop(columns=drop),
                                      obj=table)
    second = export_register(target, tmp_path / "registre2.xlsx")
    for name in ("Projets", "Thèmes régionaux", "SDTAN"):
        assert sheet(first, name) == sheet(second, name)


def edited(path, tmp_path, sheet_name, cells: dict, append=None):
    book = openpyxl.load_workbook(path)
    target = book[sheet_name]
    header = [c.value for c in target[1]]
    for (row, title), value in cells.items():
        target.cell(row=row, column=header.index(title) + 1).value = value
    if append:
        target.append(append)
    copy = tmp_path / "modifie.xlsx"
    book.save(copy)
    return copy


@pytest.mark.parametrize(("sheet_name", "cells", "append", "where", "message"), [
    ("SDTAN", {(2, "Département"): "75"}, None, ("SDTAN", 2), "« 75 » n'est pas dans le référentiel"),
    ("SDTAN", {(2, "Date d'adoption"): "31/02/2012"}, None, ("SDTAN", 2), "date invalide « 31/02/2012 »"),
    ("SDTAN", {(2, "Dernière mise à jour"): "01/01/2010"}, None, ("SDTAN", 2), "précède l'adoption"),
    ("SDTAN", {(3, "Statut"): "abrogé"}, None, ("SDTAN", 3), "Statut de SDTAN inconnu"),
    ("SDTAN", {(3, "Département"): "21"}, None, ("SDTAN", 3), "département en double (ligne 2)"),
    ("Projets", {(2, "Thèmes régionaux"): "Astrologie"}, None, ("Projets", 2), "Thème régional inconnu"),
    ("Thèmes régionaux", {}, ["viticulture", "Viticulture", 3], ("Thèmes régionaux", 4), "2 thèmes régionaux au plus"),
    ("Thèmes régionaux", {(3, "Libellé"): "Tourisme et patrimoine"}, None, ("Thèmes régionaux", 3), "en double"),
    ("Thèmes régionaux", {(2, "Ordre"): "premier"}, None, ("Thèmes régionaux", 2), "n'est pas un nombre entier"),
])
def test_bad_cells_are_named_by_sheet_and_row_and_nothing_is_written(filled, tmp_path, sheet_name, cells, append,
                                                                    where, message):
    path = edited(export_register(filled, tmp_path / "registre.xlsx"), tmp_path, sheet_name, cells, append)
    target = small_store(tmp_path / "copie.gpkg")
    before = sha(target.path)
    report = import_register(target, path)
    assert any((s, r) == where and message in text for s, r, _, text in report.problems), report.problems
    assert f"{where[0]}, ligne {where[1]}" in report.text()
    assert sha(target.path) == before


def test_valid_rows_only_skips_a_bad_sdtan_row_but_a_bad_themes_sheet_stops_everything(filled, tmp_path):
    exported = export_register(filled, tmp_path / "registre.xlsx")
    target = small_store(tmp_path / "copie.gpkg")
    report = import_register(target, edited(exported, tmp_path, "SDTAN", {(3, "Statut"): "abrogé"}), True)
    assert report.imported == 2 and report.sdtan == 1 and report.skipped == ["SDTAN 58"]
    assert [r["code_dep"] for r in register.read_sdtan(target)] == ["21"]

    other = small_store(tmp_path / "autre.gpkg")
    before = sha(other.path)
    bad_themes = edited(exported, tmp_path, "Thèmes régionaux", {}, ["viticulture", "Viticulture", 3])
    report = import_register(other, bad_themes, True)
    assert report.imported == 0 and sha(other.path) == before


def test_an_import_cannot_remove_a_theme_a_remaining_project_uses(filled, tmp_path):
    path = export_register(filled, tmp_path / "registre.xlsx")
    book = openpyxl.load_workbook(path)
    book["Projets"].delete_rows(3)  # PRJ-002 (tourisme) stays in the store, not in the workbook
    header = [c.value for c in book["Projets"][1]]
    book["Projets"].cell(row=2, column=header.index("Thèmes régionaux") + 1).value = "Filière forêt-bois"
    book["Thèmes régionaux"].delete_rows(2)
    book.save(path)
    before = sha(filled.path)
    report = import_register(filled, path)
    assert [(s, r) for s, r, _, _ in report.problems] == [("Thèmes régionaux", 1)]
    assert "retenu par 1 projet(s) (PRJ-002)" in report.text()
    assert sha(filled.path) == before


def test_a_workbook_from_before_the_circular_fields_still_imports(filled, tmp_path):
    """No themes or SDTAN sheet, no needs columns, the flags under their former headers."""
    path = export_register(filled, tmp_path / "registre.xlsx")
    book = openpyxl.load_workbook(path)
    del book["Thèmes régionaux"], book["SDTAN"]
    projects = book["Projets"]
    header = [c.value for c in projects[1]]
    for title in reversed(header):
        if title in ("Thèmes régionaux", "Besoins territoriaux émergents", "Expérimentations à valoriser",
                     "Principaux métiers concernés", "Besoins en formation spécifique"):
            projects.delete_cols(header.index(title) + 1)
    header = [c.value for c in projects[1]]
    projects.cell(row=1, column=header.index("Territoires en difficulté (oui/non)") + 1).value = \
        "Zones défavorisées (oui/non)"
    projects.cell(row=1, column=header.index("Publics éloignés des usages (oui/non)") + 1).value = \
        "Publics éloignés du numérique (oui/non)"
    book.save(path)
    target = small_store(tmp_path / "copie.gpkg")
    report = import_register(target, path)
    assert report.problems == [] and report.imported == 2
    saved = register.load_project(target, "PRJ-001")["projet"]
    assert (saved["zones_defavorisees"], saved["publics_eloignes"], saved["themes_regionaux"]) == (1, 1, None)
    assert register.read_themes(target) == [] and register.read_sdtan(target) == []


# --- the usages workbook ------------------------------------------------------------------------------
def test_usages_workbook_shows_theme_labels_flags_and_the_sdtan_of_its_territory(filled, tmp_path):
    from scoran_qgis.export.scope import Scope
    from scoran_qgis.export.workbooks import usage_sheets, workbook

    def written(departments, name):
        definitions, sheets = usage_sheets(filled, Scope(filled, departments))
        return workbook(tmp_path / name, "Projets", "2015-S1", definitions, sheets)

    region = openpyxl.load_workbook(written(None, "region.xlsx"))
    rows = list(region["Priorité régionale"].iter_rows(values_only=True))
    projects = {row[0]: dict(zip(rows[0], row)) for row in rows[1:]}
    assert projects["PRJ-001"]["Thèmes régionaux"] == "Tourisme et patrimoine ; Filière forêt-bois"
    assert (projects["PRJ-001"]["Territoires en difficulté"], projects["PRJ-001"]["Publics éloignés des usages"],
            projects["PRJ-001"]["Mutualisation"]) == ("oui", "oui", "non")
    assert projects["PRJ-002"]["Mutualisation"] == "oui"
    assert projects["PRJ-001"]["Besoins territoriaux émergents"] == "Télétravail en bourg"
    assert [list(r) for r in region["SDTAN"].iter_rows(values_only=True)] == [
        ["Département", "Titre", "Adoption", "Statut", "Dernière mise à jour"],
        ["Côte-d'Or (21)", "SDTAN de la Côte-d'Or", datetime(2012, 6, 25), "Adopté", datetime(2015, 3, 1)],
        ["Nièvre (58)", "SDTAN de la Nièvre", None, "En élaboration", None]]
    readme = " ".join(str(r[0]) for r in region["Lisez-moi"].iter_rows(values_only=True) if r[0])
    assert "« Tourisme et patrimoine », « Filière forêt-bois »" in readme

    nievre = openpyxl.load_workbook(written(["58"], "58.xlsx"))
    assert [list(r) for r in nievre["SDTAN"].iter_rows(values_only=True)][1:] == [
        ["Nièvre (58)", "SDTAN de la Nièvre", None, "En élaboration", None]]
    ids = [r[0] for r in nievre["Priorité régionale"].iter_rows(min_row=2, values_only=True)]
    assert ids == ["PRJ-001"]
