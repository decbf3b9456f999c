"""The services & usages register: saves all or nothing, XLSX round trip, validation report,
formula injection neutralised, a real office suite opens the workbook."""

from __future__ import annotations

import shutil
import subprocess

import openpyxl
import pytest

from scoran_qgis.core import register
from scoran_qgis.core.errors import ScoranError
from scoran_qgis.core.store import ScoranStore
from scoran_qgis.export.register_xlsx import export_register, import_register


def fresh_store(path, sample_store):
    """An empty register over the sample territory (communes and départements)."""
    store = ScoranStore.create(path)
    with sample_store.connection() as source, store.transaction() as conn:
        rows = source.execute("SELECT insee_com, nom, insee_dep FROM communes").fetchall()
        conn.executemany("INSERT INTO communes (insee_com, nom, insee_dep) VALUES (?, ?, ?)", rows)
        rows = source.execute("SELECT insee_dep, nom FROM departements").fetchall()
        conn.executemany("INSERT INTO departements (insee_dep, nom) VALUES (?, ?)", rows)
    return store


def project(**changes):
    return {"projet_id": "PRJ-900", "titre": "Télémédecine en EHPAD", "niveau": "national", "domaine": "sante",
            "statut": "en_cours", "budget": 120000.0, "departements": "58,21", "date_debut": "2015-03-01",
            "date_fin": "2017-12-31", **changes}


def test_save_edit_duplicate_delete(tmp_path, sample_build):
    store = fresh_store(tmp_path / "r.gpkg", sample_build[0])
    register.save_project(store, project(), links=[{"type_objet": "commune", "cle": "58062"}],
                          milestones=[{"libelle": "Lancement", "semestre": "2015-S1", "statut": "atteint"}],
                          funding=[{"financeur": "etat_pia", "montant": 60000.0, "appel_projets": "AAP e-santé"}])
    register.save_project(store, project(titre="Télémédecine (phase 2)"))  # lists None: children kept
    data = register.load_project(store, "PRJ-900")
    assert data["projet"]["titre"] == "Télémédecine (phase 2)"
    assert data["liens"] == [{"type_objet": "commune", "cle": "58062"}] and len(data["jalons"]) == 1
    copy = register.duplicate_project(store, "PRJ-900")
    assert copy == "PRJ-901" and register.load_project(store, copy)["financements"][0]["montant"] == 60000.0
    register.delete_project(store, "PRJ-900")
    assert store.count("projets") == 1 and store.count("jalons") == 1  # the copy's; the original's went with it


@pytest.mark.parametrize(("changes", "message"), [
    ({"titre": " "}, "titre est obligatoire"),
    ({"domaine": "astrologie"}, "domaine inconnue"),
    ({"date_debut": "2015-02-30"}, "Date invalide"),
    ({"date_fin": "2014-01-01"}, "fin précède"),
    ({"departements": "21,999"}, "département invalide"),
])
def test_validation_messages(tmp_path, sample_build, changes, message):
    store = fresh_store(tmp_path / "r.gpkg", sample_build[0])
    with pytest.raises(ScoranError, match=message):
        register.save_project(store, project(**changes))
    assert store.count("projets") == 0


def test_an_exception_mid_save_keeps_the_previous_version(tmp_path, sample_build, monkeypatch):
    store = fresh_store(tmp_path / "r.gpkg", sample_build[0])
    register.save_project(store, project(), milestones=[{"libelle": "Lancement", "semestre": "2015-S1"}])
    original = store.insert

    def failing(conn, table, rows, replace=False):
        if table == "jalons":
            raise OSError("disque plein")
        return original(conn, table, rows, replace)

    monkeypatch.setattr(store, "insert", failing)
    with pytest.raises(OSError):
        register.save_project(store, project(titre="changé"), milestones=[{"libelle": "Autre", "semestre": "2016-S1"}])
    data = register.load_project(store, "PRJ-900")
    assert data["projet"]["titre"] == "Télémédecine en EHPAD" and data["jalons"][0]["libelle"] == "Lancement"


def sheet_values(path):
    workbook = openpyxl.load_workbook(path)
    return {name: [[c for c in row] for row in workbook[name].iter_rows(values_only=True)]
            for name in workbook.sheetnames}


def test_round_trip_is_lossless(tmp_path, sample_build):
    sample_store, _ = sample_build
    first = export_register(sample_store, tmp_path / "registre.xlsx")
    target = fresh_store(tmp_path / "copie.gpkg", sample_store)
    report = import_register(target, first)
    assert report.problems == [] and report.imported == sample_store.count("projets")
    second = export_register(target, tmp_path / "registre2.xlsx")
    assert sheet_values(first) == sheet_values(second)
    original, copy = register.read_tables(sample_store), register.read_tables(target)
    drop = ["cree_le", "modifie_le"]
    assert original["projets"].drop(columns=drop).equals(copy["projets"].drop(columns=drop))
    assert len(original["jalons"]) == len(copy["jalons"]) and len(original["liens"]) == len(copy["liens"])


def test_formula_injection_is_text_in_libreoffice(tmp_path, sample_build):
    store = fresh_store(tmp_path / "r.gpkg", sample_build[0])
    register.save_project(store, project(titre='=HYPERLINK("http://example.invalid","clic")', porteur="+33 1 23",
                                         description="@SOMME(A1:A9)"))
    path = export_register(store, tmp_path / "registre.xlsx")
    cell = openpyxl.load_workbook(path)["Projets"]["B2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    if shutil.which("libreoffice") is None:
        pytest.skip("LibreOffice absent")
    done = subprocess.run(["libreoffice", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,"
                           "false,true,false,false,false,2", "--outdir", str(tmp_path), str(path)],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "registre-Projets.csv").read_text(encoding="utf-8")
    assert '=HYPERLINK(""http://example.invalid"",""clic"")' in text and "clic\"," not in text.split("\n")[1][:20]
    assert "+33 1 23" in text


def test_import_reports_sheet_row_and_column(tmp_path, sample_build):
    sample_store, _ = sample_build
    path = export_register(sample_store, tmp_path / "registre.xlsx")
    workbook = openpyxl.load_workbook(path)
    projets, liens, jalons = workbook["Projets"], workbook["Liens"], workbook["Jalons"]
    projets["E2"] = "Astrologie"  # unknown domain
    projets.cell(row=3, column=15).value = "31/02/2016"  # bad date
    liens["C2"] = "99999"  # unknown INSEE code
    projets.append([projets["A4"].value] + [c.value for c in projets[4]][1:])  # duplicate id
    workbook.save(path)
    target = fresh_store(tmp_path / "copie.gpkg", sample_store)
    report = import_register(target, path)
    assert target.count("projets") == 0  # nothing imported while anything is wrong
    found = {(sheet, row, column) for sheet, row, column, _ in report.problems}
    assert ("Projets", 2, "—") in found
    assert ("Projets", 3, "Début") in found
    assert ("Liens", 2, "—") in found
    assert any("en double" in message for *_, message in report.problems)
    assert "Liens, ligne 2" in report.text()
    assert jalons.max_row > 1

    partial = import_register(target, path, valid_rows_only=True)
    assert partial.imported == sample_store.count("projets") - len(set(partial.skipped))
    assert target.count("projets") == partial.imported > 0
