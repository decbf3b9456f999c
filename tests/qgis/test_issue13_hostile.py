"""Issue 13 against inputs the sample does not have: no RIP phase at all, register texts holding control
characters or formula starts, lower-case département codes, a previous « document » that is an ODF spreadsheet,
and an analyses folder from before the rest to plan. Expected values are written here by hand (golden territory of
tests/qgis/test_clearing.py) or read from the analysis files with pandas."""

from __future__ import annotations

import shutil

import openpyxl
import pandas as pd
import pytest

from scoran_qgis.core import register
from scoran_qgis.core.errors import ScoranError
from scoran_qgis.core.store import ScoranStore
from tests.qgis.test_clearing import OUTPUT_FILES, golden_layers
from tests.qgis.test_thd import INT, TEXT, layer, run


def cover_and_clear(layers: dict, tmp_path) -> None:
    """scoran:thdcoverage then scoran:whitezoneclearing on the layers, their outputs in tmp_path."""
    plan = {k: layers[k] for k in ("RIP_PROJECTS", "RIP_PHASES", "AMII", "AMII_CALENDAR")}
    run("thdcoverage", {"INPUT": layers["premises"], **plan, "OUTPUT": str(tmp_path / "couverture_thd.gpkg"),
                        "OUTPUT_SUMMARY": str(tmp_path / "couverture_thd.csv"),
                        "OUTPUT_CHECKS": str(tmp_path / "controles.csv")})
    run("whitezoneclearing", {"INPUT": str(tmp_path / "couverture_thd.gpkg"), "RIP_PHASES": layers["RIP_PHASES"],
                              "COMMUNES": layers["communes"], "SITES": layers["sites"], "THRESHOLD": "HD3",
                              "MAX_DISTANCE": 100, **{k: str(tmp_path / v) for k, v in OUTPUT_FILES.items()}})


# --- a region whose RIP are not phased yet ---------------------------------------------------------------
def test_no_rip_phase_at_all_counts_every_rip_premise_unplanned(provider, tmp_path):
    """Golden territory with an empty rip_phases layer: Couverture THD no longer fails (KeyError), and the clearing
    counts the RIP58 premises as not planned. By hand (see test_clearing's docstring), threshold HD3:
    58 → 23 premises, 6 INEL (a1 2, a4 1, b1 3), 13 below (+ a2 3, a6 2, b2 2), all without a plan;
    21 → unchanged by the phases (AMII calendar): 23, 4, 10, 2 / 7 left end 2017, 2 / 3 end 2022, 3 unplanned."""
    layers = golden_layers()
    layers["RIP_PHASES"] = layer("Polygon", [("phase_id", TEXT), ("rip_id", TEXT), ("technologie", TEXT),
                                             ("semestre_debut", TEXT), ("semestre_fin", TEXT), ("locaux_prevus", INT),
                                             ("statut", TEXT)], [], crs="EPSG:2154")
    cover_and_clear(layers, tmp_path)
    assert pd.read_csv(tmp_path / "resorption_phases.csv").empty
    table = pd.read_csv(tmp_path / "resorption_departements.csv", dtype={"code": str}).set_index("code")
    columns = ["nb_locaux", "nb_sans_haut_debit", "nb_sous_seuil", "reste_fin_2017_sans_haut_debit",
               "reste_fin_2017_sous_seuil", "reste_fin_2022_sans_haut_debit", "reste_fin_2022_sous_seuil",
               "nb_sous_seuil_non_planifie"]
    assert tuple(table.loc["58", columns]) == (23, 6, 13, 6, 13, 6, 13, 13)
    assert tuple(table.loc["21", columns]) == (23, 4, 10, 2, 7, 2, 3, 3)
    assert tuple(table.loc["Ensemble", columns]) == (46, 10, 23, 8, 20, 8, 16, 16)
    sites = pd.read_csv(tmp_path / "sites_dates_thd.csv", dtype=str).set_index("site_id")
    assert sites.at["s1", "semestre_thd"] == "non_planifie"  # a1: RIP58, no phase any more
    assert sites.at["s1", "motif"] == "Local du projet RIP58 dans aucune de ses phases."


# --- register texts: control characters, formula starts, lower-case codes ------------------------------------
DEPARTMENTS = [("01", "Ain"), ("21", "Côte-d'Or"), ("2A", "Corse-du-Sud")]


@pytest.fixture
def hostile_store(tmp_path):
    store = ScoranStore.create(tmp_path / "registre.gpkg")
    with store.transaction() as conn:
        conn.executemany("INSERT INTO departements (insee_dep, nom) VALUES (?, ?)", DEPARTMENTS)
        conn.executemany("INSERT INTO communes (insee_com, nom, insee_dep) VALUES (?, ?, ?)",
                         [("21231", "Dijon", "21"), ("2A004", "Ajaccio", "2A")])
    register.save_themes(store, [{"libelle": "Tourisme\x0bpatrimoine"}])
    register.save_project(store, {
        "projet_id": "PRJ-001", "titre": "=Tiers-lieu\x0bdu Morvan\x01 😀", "niveau": "regional",
        "domaine": "culture", "statut": "en_cours", "departements": "2a, 1",
        "besoins_emergents": "+Télétravail\x0ben bourg", "themes_regionaux": "tourisme_patrimoine"})
    register.save_sdtan(store, [{"code_dep": "2a", "titre": "SDTAN de Corse-du-Sud", "statut": "Adopté",
                                 "date_adoption": "2013-01-01", "commentaire": "@ voir\x0bannexe\x02"}])
    return store


def test_lower_case_department_codes_of_a_project_are_read_as_codes(hostile_store):
    """« 2a, 1 » was refused (« Code de département invalide : « 2a » ») while the SDTAN read « 2a » as 2A."""
    projects = register.read_tables(hostile_store)["projets"]
    assert projects.set_index("projet_id").at["PRJ-001", "departements"] == "2A, 01"
    assert register.normalize_project({"departements": "21, 58"})["departements"] == "21, 58"  # valid: untouched


def _cells(path, sheet):
    return [cell for row in openpyxl.load_workbook(path)[sheet].iter_rows() for cell in row if cell.value is not None]


def test_control_characters_and_formula_starts_in_the_register_workbooks(hostile_store, tmp_path):
    """A vertical tab (Word's line break) or another control character in a title, a circular text, a theme label or
    an SDTAN comment made openpyxl raise IllegalCharacterError: no register export, no usages workbook. Now the
    vertical tab is a line break, the other control characters go, formula starts stay text."""
    from scoran_qgis.export.register_xlsx import export_register
    from scoran_qgis.export.scope import Scope
    from scoran_qgis.export.workbooks import usage_sheets, workbook

    exchange = export_register(hostile_store, tmp_path / "registre.xlsx")
    titles = [c for c in _cells(exchange, "Projets") if str(c.value).startswith("=Tiers")]
    assert [c.value for c in titles] == ["=Tiers-lieu\ndu Morvan 😀"]
    assert titles[0].data_type == "s" and titles[0].quotePrefix
    assert "@ voir\nannexe" in [c.value for c in _cells(exchange, "SDTAN")]
    assert "Tourisme\npatrimoine" in [c.value for c in _cells(exchange, "Thèmes régionaux")]

    for departments in (None, ["2a"]):
        definitions, sheets = usage_sheets(hostile_store, Scope(hostile_store, departments))
        path = workbook(tmp_path / "usages.xlsx", "Projets", "2015-S1", definitions, sheets)
        values = [c.value for name in openpyxl.load_workbook(path).sheetnames for c in _cells(path, name)]
        assert "=Tiers-lieu\ndu Morvan 😀" in values and "+Télétravail\nen bourg" in values
        assert not any(isinstance(v, str) and ("\x01" in v or "\x0b" in v or "\x02" in v) for v in values)
        formulas = [c for name in openpyxl.load_workbook(path).sheetnames for c in _cells(path, name)
                    if c.data_type == "f"]
        assert formulas == []


def test_readme_lines_are_text_never_formulas(tmp_path):
    """The « Lisez-moi » lines (they carry theme labels and names) went in raw: « =… » became a formula and a
    control character stopped the workbook."""
    from scoran_qgis.export.workbooks import workbook

    path = workbook(tmp_path / "x.xlsx", "=SOMME(1;2)", "2015-S1", ["-Thème\x0bun\x01"], [])
    cells = _cells(path, "Lisez-moi")
    assert (cells[0].value, cells[0].data_type, cells[0].quotePrefix) == ("=SOMME(1;2)", "s", True)
    assert "-Thème\nun" in [c.value for c in cells]


# --- previous document -------------------------------------------------------------------------------------
def test_previous_document_that_is_a_spreadsheet_is_named(tmp_path):
    """An ODF spreadsheet saved as .odt loads with odfpy but has no text body: the document failed with an
    « Erreur inattendue » (AttributeError); now a French message naming the file and what it is."""
    pytest.importorskip("odf")
    from odf.opendocument import OpenDocumentSpreadsheet

    from scoran_qgis.export.document import PreviousProse

    path = tmp_path / "scoran_2-0_2015-S1.odt"
    OpenDocumentSpreadsheet().save(str(path))
    with pytest.raises(ScoranError, match="n'est pas un document texte ODT") as error:
        PreviousProse(path)
    assert str(path) in str(error.value) and "spreadsheet" in str(error.value)


# --- an analyses folder from before the rest to plan ----------------------------------------------------------
@pytest.fixture(scope="module")
def analysed(provider, sample_build, tiny_sources, tmp_path_factory):
    """The tiny sample's analyses (the chain run by scoran:deliverables, one small workbook written)."""
    from qgis import processing

    folder = tmp_path_factory.mktemp("hostile13")
    store_path = folder / "scoran.gpkg"
    shutil.copy(sample_build[0].path, store_path)
    processing.run("scoran:deliverables", {"STORE": str(store_path), "MILLESIME": "2015-S1",
                                           "SOURCES": str(tiny_sources),
                                           "ANALYSES": str(folder / "analyses"), "ATLAS": False, "DOCUMENT": False,
                                           "WORKBOOKS": [5], "OUTPUT": str(folder / "out")})
    return folder, store_path


def test_workbook_of_an_analyses_folder_without_the_rest_to_plan(analysed, tmp_path):
    """besoins_financiers_fixe.xlsx failed (AttributeError on a None sheet) for an analyses folder from before the
    rest to plan, and would have called the RIP phases alone « Coût du 100 % en 2022 »."""
    from qgis import processing

    folder, store_path = analysed
    old = tmp_path / "analyses"
    shutil.copytree(folder / "analyses", old)
    (old / "reste_a_planifier.csv").unlink()
    processing.run("scoran:deliverables", {"STORE": str(store_path), "MILLESIME": "2015-S1", "ANALYSES": str(old),
                                           "ATLAS": False, "DOCUMENT": False, "WORKBOOKS": [5],
                                           "OUTPUT": str(tmp_path / "out")})
    book = openpyxl.load_workbook(tmp_path / "out" / "besoins_financiers_fixe.xlsx")
    assert "Reste à planifier" not in book.sheetnames
    rows = list(book["Coût du 100 % en 2022"].iter_rows(values_only=True))
    assert {r[2] for r in rows[1:]} == {"Phases des RIP"}
    needs = pd.read_csv(old / "besoins_financiers.csv", dtype={"code": str})
    expected = needs[needs["niveau"] == "département"].set_index("code")["cout_total"]
    got = {r[1]: r[4] for r in rows[1:] if r[0] == "département"}
    assert got.keys() == set(expected.index)
    assert all(got[c] == pytest.approx(expected[c]) for c in got)
    readme = " ".join(str(r[0]) for r in book["Lisez-moi"].iter_rows(values_only=True) if r[0])
    assert "Reste à planifier : non calculé" in readme


def test_cost_of_full_coverage_is_not_compared_with_the_rip_phases_alone(analysed, tmp_path):
    """A millésime saved from an older analyses folder (no rest to plan) has no cost of 100 %: the comparison left
    the RIP phases alone as the previous « total » and showed the whole rest to plan as an increase."""
    from scoran_qgis.core.semesters import cost_comparison, cost_snapshot, save_registers

    folder, store_path = analysed
    store_copy = tmp_path / "scoran.gpkg"
    shutil.copy(store_path, store_copy)
    store = ScoranStore.open(store_copy)
    old = tmp_path / "old"
    shutil.copytree(folder / "analyses", old)
    (old / "reste_a_planifier.csv").unlink()
    empty = pd.DataFrame()
    save_registers(store, "2014-S2", empty, empty, cost_snapshot(old))
    table, previous = cost_comparison(store, "2015-S1", cost_snapshot(folder / "analyses"))
    assert previous == "2014-S2"
    table = table.set_index(["niveau", "code", "poste"])
    needs = pd.read_csv(folder / "analyses" / "besoins_financiers.csv", dtype={"code": str})
    rest = pd.read_csv(folder / "analyses" / "reste_a_planifier.csv", dtype={"code": str})
    for code in needs.loc[needs["niveau"] == "département", "code"]:
        rip = needs.loc[(needs["niveau"] == "département") & (needs["code"] == code), "cout_total"].sum()
        left = rest.loc[(rest["niveau"] == "département") & (rest["code"] == code), "cout_total"].sum()
        assert table.at[("département", code, "rip"), "cout_total_precedent"] == pytest.approx(rip)
        assert table.at[("département", code, "total"), "cout_total"] == pytest.approx(rip + left)
        assert pd.isna(table.at[("département", code, "total"), "cout_total_precedent"])
        assert pd.isna(table.at[("département", code, "total"), "cout_total_ecart"])



def test_semesters_spelled_otherwise_in_the_plan_are_written_aaaa_sn(provider, tmp_path):
    """Phases whose semesters are written « 2017-s1 », « 2016 S1 » (read everywhere): the priority sites' planned
    THD semester was copied as written (« 2017-s1 »), so the workbook sorted and compared it apart from 2017-S1."""
    from tests.qgis.test_clearing import square

    layers = golden_layers()
    layers["RIP_PHASES"] = layer("Polygon", [("phase_id", TEXT), ("rip_id", TEXT), ("technologie", TEXT),
                                             ("semestre_debut", TEXT), ("semestre_fin", TEXT), ("locaux_prevus", INT),
                                             ("statut", TEXT)], [
        (square(0, 0, 500, 1000), ("RIP58-P1", "RIP58", "FTTH", "2016 s1", " 2017-s1 ", 9, "en_cours")),
        (square(500, 0, 1000, 1000), ("RIP58-P2", "RIP58", "MED", "2016-S1", "2018-S2", 8, "prevu")),
        (square(1000, 500, 2000, 1000), ("RIP58-P3", "RIP58", "FTTH", "2021-S1", "2022s2", 3, "prevu")),
    ], crs="EPSG:2154")
    cover_and_clear(layers, tmp_path)
    sites = pd.read_csv(tmp_path / "sites_dates_thd.csv", dtype=str).set_index("site_id")
    assert sites.at["s1", "semestre_thd"] == "2017-S1"  # a1, phase P1
    phases = pd.read_csv(tmp_path / "resorption_phases.csv", dtype=str)
    p1 = phases[(phases["niveau"] == "phase") & (phases["phase_id"] == "RIP58-P1")].iloc[0]
    assert (p1["semestre_debut"], p1["semestre"]) == ("2016-S1", "2017-S1")
    p3 = phases[(phases["niveau"] == "phase") & (phases["phase_id"] == "RIP58-P3")].iloc[0]
    assert p3["semestre"] == "2022-S2"


def test_an_empty_register_still_gives_the_atlas_and_the_document(analysed, tmp_path):
    """0 usage projects (a region starting its register): the atlas failed with an « Erreur inattendue » (KeyError
    'domaine': an empty mask selected no column) before writing anything."""
    import sqlite3

    from qgis import processing

    folder, store_path = analysed
    store_copy = tmp_path / "scoran.gpkg"
    shutil.copy(store_path, store_copy)
    with sqlite3.connect(store_copy) as conn:
        for table in ("projets_liens", "jalons", "projets_financements", "documents", "projets"):
            conn.execute(f'DELETE FROM "{table}"')
    result = processing.run("scoran:deliverables", {
        "STORE": str(store_copy), "MILLESIME": "2015-S1", "ANALYSES": str(folder / "analyses"), "ATLAS": True,
        "DOCUMENT": False, "WORKBOOKS": [7], "DEPARTEMENTS": "90", "OUTPUT": str(tmp_path / "out")})
    assert (tmp_path / "out" / "atlas_90_2015-S1.pdf").stat().st_size > 0 and result["PAGES"] > 0
    book = openpyxl.load_workbook(tmp_path / "out" / "projets_usages.xlsx")
    data = [name for name in book.sheetnames if name != "Lisez-moi" and book[name].max_row > 1
            and name not in ("SDTAN", "Thèmes régionaux")]
    assert data == []


def test_a_phase_without_technology_stays_in_the_technology_totals(sample_store):
    """« Résorption par phase »: a phase whose technology is empty (read back from the CSV as NaN) was dropped from
    the per-technology totals, which then no longer added up to the whole."""
    from scoran_qgis.export.clearing_sheets import phase_rows
    from scoran_qgis.export.scope import Scope

    phases = pd.DataFrame({
        "niveau": ["phase", "phase", "phase"], "rip_id": ["R", "R", "R"], "phase_id": ["P1", "P2", "P3"],
        "technologie": ["FTTH", None, "FTTH"], "code_dep": ["21", "21", "58"],
        "semestre_debut": ["2016-S1"] * 3, "semestre": ["2017-S2", "2018-S2", "2017-S2"],
        "nb_locaux": [10, 7, 5], "locaux_sans_haut_debit": [1, 2, 0], "locaux_sous_seuil": [4, 3, 2]})
    table = phase_rows(phases, Scope(sample_store, None))
    per_technology = table[table["niveau"] == "technologie"].set_index("technologie")["nb_locaux"].to_dict()
    assert per_technology == {"": 7, "FTTH": 15}
    assert int(table.loc[table["niveau"] == "total", "nb_locaux"].iat[0]) == 22
    assert sorted(table.loc[table["niveau"] == "technologie et semestre", "nb_locaux"]) == [7, 15]


def test_a_project_whose_title_names_another_department_keeps_its_change(hostile_store):
    """« Évolutions » of a département: a change of one of its projects was dropped when the project's title named
    another département (« … avec le département 39 »): the free-text check meant for generated texts read it."""
    from scoran_qgis.core.semesters import PROJECT_SNAPSHOT, save_registers
    from scoran_qgis.export.scope import Scope

    empty = pd.DataFrame()
    project = {"projet_id": "PRJ-021", "titre": "Coopération avec le département 39", "niveau": "regional",
               "domaine": "culture", "statut": "idee", "budget": 1000.0, "departements": "21"}
    save_registers(hostile_store, "2015-S1", pd.DataFrame([project]).reindex(columns=PROJECT_SNAPSHOT), empty, empty)
    save_registers(hostile_store, "2015-S2", pd.DataFrame([{**project, "statut": "en_cours"}]).reindex(
        columns=PROJECT_SNAPSHOT), empty, empty)
    changes = Scope(hostile_store, ["21"]).changes("2015-S2")
    assert list(changes["objet"]) == ["PRJ-021"] and list(changes["type"]) == ["statut_modifie"]
    assert Scope(hostile_store, ["2A"]).changes("2015-S2").empty  # and not in another département's


@pytest.mark.parametrize("budget", [float("inf"), float("nan")])
def test_a_budget_that_is_no_amount_is_refused(hostile_store, budget):
    """« inf » or « 1e400 » in the exchange workbook's budget column read as an infinite float: saved, then written as
    an empty numeric cell (openpyxl) and « inf € » in the snapshots' texts. Refused like a negative budget now."""
    with pytest.raises(ScoranError, match="Le budget doit être un montant positif"):
        register.save_project(hostile_store, {"projet_id": "PRJ-009", "titre": "Budget", "niveau": "regional",
                                              "domaine": "culture", "statut": "idee", "departements": "21",
                                              "budget": budget})
    with pytest.raises(ScoranError, match="Montant de financement invalide"):
        register.save_project(hostile_store, {"projet_id": "PRJ-009", "titre": "Budget", "niveau": "regional",
                                              "domaine": "culture", "statut": "idee", "departements": "21"},
                              funding=[{"financeur": "etat", "montant": budget}])
    assert "PRJ-009" not in set(register.read_tables(hostile_store)["projets"]["projet_id"])


def test_corsican_codes_written_in_lower_case_by_the_premises_layer(provider, tmp_path):
    """The golden territory moved to Corse-du-Sud (58001 → 2A001, 58002 → 2A002), the premises layer writing
    « 2a001 » / « 2a »: the clearing keyed its communes by the text as written, so the Corsican communes had no
    clearing (zeros, « rien_a_resorber ») and the département row was « 2a ». Expected: test_clearing's hand counts."""
    from qgis.core import QgsVectorLayer

    from tests.qgis.test_clearing import (
        COMMUNES,
        EXPECTED_COMMUNES,
        EXPECTED_DEPARTMENTS,
        PREMISES,
        X0,
        Y0,
        square,
    )

    def corsica(code):
        return code.replace("58", "2A", 1) if code.startswith("58") else code

    layers = golden_layers()
    layers["communes"] = layer("Polygon", [("insee_com", TEXT), ("nom", TEXT), ("insee_dep", TEXT)], [
        (square(1000 * i, 0, 1000 * (i + 1), 1000), (corsica(code), name, corsica(dep)))
        for i, (code, name, dep) in enumerate(COMMUNES)], crs="EPSG:2154")
    layers["premises"] = layer("Point", [("imb_id", TEXT), ("code_insee", TEXT), ("code_dep", TEXT),
                                         ("nb_locaux", INT), ("classe", TEXT)],
                               [(f"POINT({X0 + x} {Y0 + y})", (imb, corsica(code).lower(), corsica(code)[:2].lower(),
                                                               n, klass)) for imb, code, n, klass, x, y in PREMISES],
                               crs="EPSG:2154")
    cover_and_clear(layers, tmp_path)
    communes = QgsVectorLayer(str(tmp_path / "resorption_communes.gpkg"), "c", "ogr")
    columns = ["nb_locaux", "nb_sans_haut_debit", "nb_sous_seuil", "reste_fin_2017_sans_haut_debit",
               "reste_fin_2017_sous_seuil", "reste_fin_2022_sans_haut_debit", "reste_fin_2022_sous_seuil",
               "nb_sous_seuil_non_planifie", "semestre_resorption"]
    got = {f["insee_com"]: tuple(f[c] for c in columns) for f in communes.getFeatures()}
    assert got["2A001"] == EXPECTED_COMMUNES["58001"] and got["2A002"] == EXPECTED_COMMUNES["58002"]
    table = pd.read_csv(tmp_path / "resorption_departements.csv", dtype={"code": str}).set_index("code")
    assert sorted(table.index) == ["21", "2A", "Ensemble"]
    assert tuple(table.loc["2A", columns]) == EXPECTED_DEPARTMENTS["58"]
    phases = pd.read_csv(tmp_path / "resorption_phases.csv", dtype=str)
    assert set(phases.loc[phases["niveau"] == "phase", "code_dep"]) == {"2A"}


def test_rest_to_plan_reads_a_lower_case_department_as_its_aid_row(provider, tmp_path):
    """test_costs_over_time's golden plans with the 21 moved to Corse-du-Sud and written « 2a » by the coverage layer,
    the aid table having « 2A » (50 %, 300 € a premise) and a « * » row (90 %, 5 000 €): the State share of the rest
    to plan took the « * » row (min(90 % × 328 000, 5 000 × 264) = 295 200 €) instead of 2A's
    (min(50 % × 328 000, 300 × 264) = 79 200 €), in a row coded « 2a »."""
    from tests.qgis.test_costs_over_time import BOOL, DOUBLE, PREMISES, golden_inputs, memory_layer

    inputs = golden_inputs()
    moved = [(imb, code.replace("21", "2A", 1), dep.replace("21", "2a"), *rest)
             for imb, code, dep, *rest in PREMISES]
    inputs["INPUT"] = memory_layer("Point?crs=EPSG:2154", [
        ("imb_id", TEXT), ("code_insee", TEXT), ("code_dep", TEXT), ("nb_locaux", INT), ("zone", TEXT),
        ("phase_id", TEXT), ("deja_thd", BOOL)], moved, points=True)
    inputs["AID"] = memory_layer("None", [("insee_dep", TEXT), ("taux", DOUBLE), ("plafond_par_local", DOUBLE)], [
        ("2A", 0.5, 300.0), ("39", 0.6, 2000.0), ("*", 0.9, 5000.0)])
    run("financialneeds", {**inputs, "OUTPUT": str(tmp_path / "besoins.csv"),
                           "OUTPUT_REMAINING": str(tmp_path / "reste.csv")})
    rest = pd.read_csv(tmp_path / "reste.csv", dtype={"code": str}).set_index("code")
    assert list(rest.index) == ["2A", "39", "Ensemble"]
    assert rest.at["2A", "locaux"] == 264 and rest.at["2A", "cout_total"] == pytest.approx(328_000)
    assert rest.at["2A", "part_etat"] == pytest.approx(79_200)
    needs = pd.read_csv(tmp_path / "besoins.csv", dtype={"code": str})
    assert set(needs.loc[needs["niveau"] == "département", "code"]) == {"2A"}
    assert needs.loc[needs["niveau"] == "territoire", "part_etat"].iat[0] == pytest.approx(1_500)  # D: 2A's cap


def test_document_drops_control_characters_and_keeps_xml_specials(analysed, tmp_path):
    """A title or an emerging need pasted from Word (vertical tab, other control characters) came out of odfpy as
    « � » in the presentation document; « & < > » and emoji stay as typed."""
    pytest.importorskip("odf")
    import zipfile

    from scoran_qgis.export.document import build_document

    folder, store_path = analysed
    store_copy = tmp_path / "scoran.gpkg"
    shutil.copy(store_path, store_copy)
    store = ScoranStore.open(store_copy)
    register.save_project(store, {"projet_id": "PRJ-900", "titre": "Tiers-lieu\x0bdu Morvan\x01 & <co> 😀",
                                  "niveau": "regional", "domaine": "culture", "statut": "en_cours",
                                  "departements": "21", "besoins_emergents": "Télétravail\x0ben bourg\x02"})
    path = build_document(store, folder / "analyses", tmp_path / "out", "2015-S1", ["21"])
    content = zipfile.ZipFile(path).read("content.xml").decode("utf-8")
    assert "\ufffd" not in content
    assert "Tiers-lieu du Morvan &amp; &lt;co&gt; 😀" in content and "Télétravail en bourg" in content


def test_a_text_longer_than_a_spreadsheet_cell_is_refused(hostile_store):
    """The register's XLSX exchange could not keep it whole: refused at save, with its length, nothing written."""
    project = {"projet_id": "PRJ-010", "titre": "Long", "niveau": "regional", "domaine": "culture", "statut": "idee",
               "departements": "21", "besoins_emergents": "x" * 32768}
    with pytest.raises(ScoranError, match="besoins_emergents dépasse 32\u202f767 caractères \\(32\u202f768\\)"):
        register.save_project(hostile_store, project)
    assert "PRJ-010" not in set(register.read_tables(hostile_store)["projets"]["projet_id"])
    register.save_project(hostile_store, {**project, "besoins_emergents": "x" * 32767})  # a full cell is fine
    saved = register.read_tables(hostile_store)["projets"].set_index("projet_id")
    assert len(saved.at["PRJ-010", "besoins_emergents"]) == 32767
