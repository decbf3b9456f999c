"""The cost of 100 % in 2022 and every register over time (issue 13, items 3 and 5).

1. Golden plans, costed by hand. Unit costs (FTTH): urbain 500 €, périurbain 1 200 €, rural 2 000 €;
   density classes of the rules file (≥ 2 000 premises urbain, ≥ 300 périurbain). State aid: 21 → 50 %
   capped at 300 € per premise, 39 → 60 % capped at 2 000 €. Premises (building: premises, zone):
   - 21001 (300 premises: périurbain): A 250 aucun; B 50 aucun, already THD.
   - 21002 (25: rural): C 10 aucun; D 5 RIP in phase R21-P1 (FTTH, live); E 4 RIP without a phase
     (the area of the abandoned phase R21-P2); F 6 AMII.
   - 39001 (30: rural): G 20 aucun; H 7 ZTD; I 3 RIP without a phase.
   Left to plan: 21 → A 250 × 1 200 + C 10 × 2 000 + E 4 × 2 000 = 328 000 € for 264 premises, State
   min(50 % × 328 000, 300 × 264) = 79 200 € (cap); 39 → (20 + 3) × 2 000 = 46 000 €, State min(60 % ×
   46 000, 2 000 × 23) = 27 600 €. RIP phases: D 5 × 2 000 = 10 000 € (State min(5 000, 1 500) = 1 500 €).
2. Two millésimes of the tiny sample in one store, with one change of each kind between them (a
   project's status, another's budget, another's calendar, a project removed; a centre's coverage
   status, another's site status and sites; the unit costs), and the change rows expected from the
   edits themselves and from the two analyses folders' files (pandas, not the code under test).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from scoran_qgis.algorithms import chain

TEXT, INT, DOUBLE, BOOL = QVariant.String, QVariant.Int, QVariant.Double, QVariant.Bool


def run(algorithm, parameters):
    from qgis import processing

    return processing.run(f"scoran:{algorithm}", parameters)


def memory_layer(uri, fields, rows, points=False):
    layer = QgsVectorLayer(uri, "l", "memory")
    layer.dataProvider().addAttributes([QgsField(name, kind) for name, kind in fields])
    layer.updateFields()
    features = []
    for index, values in enumerate(rows):
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(values))
        if points:
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(800_000 + 10 * index, 6_600_000)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


# imb, code_insee, code_dep, nb_locaux, zone, phase_id, deja_thd
PREMISES = [("A", "21001", "21", 250, "aucun", None, False), ("B", "21001", "21", 50, "aucun", None, True),
            ("C", "21002", "21", 10, "aucun", None, False), ("D", "21002", "21", 5, "RIP", "R21-P1", False),
            ("E", "21002", "21", 4, "RIP", None, False), ("F", "21002", "21", 6, "AMII", None, False),
            ("G", "39001", "39", 20, "aucun", None, False), ("H", "39001", "39", 7, "ZTD", None, False),
            ("I", "39001", "39", 3, "RIP", None, False)]


def golden_inputs():
    coverage = memory_layer("Point?crs=EPSG:2154", [
        ("imb_id", TEXT), ("code_insee", TEXT), ("code_dep", TEXT), ("nb_locaux", INT), ("zone", TEXT),
        ("phase_id", TEXT), ("deja_thd", BOOL)], PREMISES, points=True)
    phases = memory_layer("None", [("phase_id", TEXT), ("rip_id", TEXT), ("technologie", TEXT),
                                   ("semestre_debut", TEXT), ("semestre_fin", TEXT), ("statut", TEXT)], [
        ("R21-P1", "R21", "FTTH", "2016-S1", "2016-S2", "prevu"),
        ("R21-P2", "R21", "FTTH", "2016-S1", "2017-S2", "abandonne")])
    aid = memory_layer("None", [("insee_dep", TEXT), ("taux", DOUBLE), ("plafond_par_local", DOUBLE)], [
        ("21", 0.5, 300.0), ("39", 0.6, 2000.0)])
    costs = memory_layer("None", [("technologie", TEXT), ("densite", TEXT), ("cout_par_local", DOUBLE)], [
        ("FTTH", "urbain", 500.0), ("FTTH", "periurbain", 1200.0), ("FTTH", "rural", 2000.0),
        ("MED", "*", 150.0), ("THDR", "*", 800.0), ("SAT", "*", 600.0)])
    return {"INPUT": coverage, "RIP_PHASES": phases, "AID": aid, "COSTS": costs}


def test_cost_of_full_coverage_on_golden_plans(provider, tmp_path):
    result = run("financialneeds", {**golden_inputs(), "SHARE_REGION": 40, "SHARE_DEPARTEMENT": 30,
                                    "SHARE_EPCI": 20, "SHARE_FEDER": 10, "OUTPUT": str(tmp_path / "besoins.csv"),
                                    "OUTPUT_REMAINING": str(tmp_path / "reste.csv")})
    assert Path(result["OUTPUT_REMAINING"]) == tmp_path / "reste.csv"
    rest = pd.read_csv(tmp_path / "reste.csv", dtype={"code": str}).set_index(["niveau", "code"])
    assert list(rest.index) == [("département", "21"), ("département", "39"), ("territoire", "Ensemble")]
    dep21, dep39, total = (rest.loc[k] for k in rest.index)
    assert dep21["locaux"] == 264 and dep21["cout_total"] == pytest.approx(328_000)
    assert dep21["part_etat"] == pytest.approx(79_200) and str(dep21["plafond_atteint"]).lower() == "true"
    assert dep21["reste_collectivites"] == pytest.approx(248_800)
    assert dep21["part_region"] == pytest.approx(0.4 * 248_800) and dep21["part_feder"] == pytest.approx(24_880)
    assert (dep21["locaux_sans_projet"], dep21["locaux_rip_sans_phase"]) == (260, 4)
    assert (dep21["locaux_urbain"], dep21["locaux_periurbain"], dep21["locaux_rural"]) == (0, 250, 14)
    assert dep21["cout_par_local"] == pytest.approx(round(328_000 / 264, 2))
    assert dep39["locaux"] == 23 and dep39["cout_total"] == pytest.approx(46_000)
    assert dep39["part_etat"] == pytest.approx(27_600) and str(dep39["plafond_atteint"]).lower() == "false"
    assert (dep39["locaux_sans_projet"], dep39["locaux_rip_sans_phase"], dep39["locaux_rural"]) == (20, 3, 23)
    assert total["locaux"] == 287 and total["cout_total"] == pytest.approx(374_000)
    assert total["part_etat"] == pytest.approx(106_800) and total["reste_collectivites"] == pytest.approx(267_200)
    assert (rest["technologie"] == "FTTH").all()

    needs = pd.read_csv(tmp_path / "besoins.csv", dtype={"code": str})
    territory = needs[needs["niveau"] == "territoire"].iloc[0]
    assert territory["cout_total"] == pytest.approx(10_000) and territory["part_etat"] == pytest.approx(1_500)  # D

    from scoran_qgis.core.finance import full_coverage_costs

    full = full_coverage_costs(needs, rest.reset_index()).set_index(["niveau", "code", "poste"])
    assert full.loc[("département", "21", "total"), "cout_total"] == pytest.approx(338_000)
    assert full.loc[("département", "21", "total"), "locaux"] == 269
    assert full.loc[("département", "39", "rip"), "cout_total"] == 0
    assert full.loc[("territoire", "Ensemble", "total"), "cout_total"] == pytest.approx(384_000)
    assert full.loc[("territoire", "Ensemble", "total"), "part_etat"] == pytest.approx(108_300)


def test_remaining_needs_the_zone_field(provider, tmp_path):
    from qgis.core import QgsProcessingException

    inputs = golden_inputs()
    plain = memory_layer("Point?crs=EPSG:2154", [
        ("imb_id", TEXT), ("code_insee", TEXT), ("code_dep", TEXT), ("nb_locaux", INT), ("phase_id", TEXT),
        ("deja_thd", BOOL)], [row[:4] + row[5:] for row in PREMISES], points=True)
    with pytest.raises(QgsProcessingException, match="zone"):
        run("financialneeds", {**inputs, "INPUT": plain, "OUTPUT": str(tmp_path / "b.csv"),
                               "OUTPUT_REMAINING": str(tmp_path / "r.csv")})
    assert not (tmp_path / "r.csv").exists() and not (tmp_path / "b.csv").exists()
    run("financialneeds", {**inputs, "INPUT": plain, "OUTPUT": str(tmp_path / "b.csv")})  # not asked: fine
    assert (tmp_path / "b.csv").exists() and not (tmp_path / "r.csv").exists()


# --- two millésimes --------------------------------------------------------------------------------

def analyses(sources: Path, store: Path, out: Path, millesime: str) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    for algorithm, parameters in chain.steps(sources, store, out, millesime):
        run(algorithm.split(":")[1], parameters)
    return out


def deliver(store: Path, millesime: str, folder: Path, out: Path, departments: str = "") -> dict:
    return run("deliverables", {"STORE": str(store), "MILLESIME": millesime, "ANALYSES": str(folder),
                                "DEPARTEMENTS": departments, "ATLAS": False, "WORKBOOKS": [5, 9],
                                "OUTPUT": str(out)})


def sheet(path: Path, name: str) -> pd.DataFrame:
    book = openpyxl.load_workbook(path, read_only=True)
    rows = list(book[name].values)
    return pd.DataFrame(rows[1:], columns=rows[0])


@pytest.fixture(scope="module")
def two_millesimes(provider, sample_build, tiny_sources, tmp_path_factory):
    """2015-S1 then 2015-S2 of the tiny sample in one store, with the edits listed in the module's doc."""
    import shutil

    folder = tmp_path_factory.mktemp("millesimes")
    store = folder / "scoran.gpkg"
    shutil.copy(sample_build[0].path, store)
    first = analyses(tiny_sources, store, folder / "a1", "2015-S1")
    deliver(store, "2015-S1", first, folder / "l1")

    with sqlite3.connect(store) as conn:
        projects = pd.read_sql_query("SELECT projet_id, statut, budget, date_debut, date_fin FROM projets "
                                     "WHERE statut <> 'realise' AND budget > 0 AND date_debut LIKE '____-__-__' "
                                     "AND date_fin LIKE '____-__-__' ORDER BY projet_id", conn)
        status, budget, calendar, removed = projects["projet_id"].iloc[:4]
        conn.execute("UPDATE projets SET statut = 'realise' WHERE projet_id = ?", (status,))
        conn.execute("UPDATE projets SET budget = budget + 25000 WHERE projet_id = ?", (budget,))
        conn.execute("UPDATE projets SET date_debut = '2016-01-15', date_fin = '2019-06-30' WHERE projet_id = ?",
                     (calendar,))
        for table in ("jalons", "projets_liens", "projets_financements", "documents"):
            conn.execute(f"DELETE FROM {table} WHERE projet_id = ?", (removed,))
        conn.execute("DELETE FROM projets WHERE projet_id = ?", (removed,))
        conn.execute("UPDATE couts_unitaires SET cout_par_local = cout_par_local + 100 "
                     "WHERE technologie = 'FTTH' AND densite IN ('rural', '*')")
    second = analyses(tiny_sources, store, folder / "a2", "2015-S2")
    # the mobile measurements changed: one centre is now covered, another's site went up (2 sites needed)
    with sqlite3.connect(second / "centres_bourgs.gpkg") as conn:
        table = conn.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").fetchone()[0]
        centres = pd.read_sql_query(f'SELECT insee_com, nom, statut, statut_site, nb_sites FROM "{table}" '
                                    "ORDER BY insee_com", conn)
        white = centres[centres["statut"] == "zone_blanche_2g"]
        covered = white["insee_com"].iat[0]
        built = centres[(centres["statut_site"] != "pylone_construit") & (centres["insee_com"] != covered)][
            "insee_com"].iat[-1]
    layer = QgsVectorLayer(str(second / "centres_bourgs.gpkg"), "centres", "ogr")  # through QGIS (gpkg triggers)
    fields = layer.fields()
    layer.startEditing()
    for feature in layer.getFeatures():
        if feature["insee_com"] == covered:
            layer.changeAttributeValue(feature.id(), fields.indexOf("statut"), "couvert")
        elif feature["insee_com"] == built:
            layer.changeAttributeValue(feature.id(), fields.indexOf("statut_site"), "pylone_construit")
            layer.changeAttributeValue(feature.id(), fields.indexOf("nb_sites"), 2)
    assert layer.commitChanges()
    del layer
    deliver(store, "2015-S2", second, folder / "l2")
    edits = {"status": status, "budget": budget, "calendar": calendar, "removed": removed, "covered": covered,
             "built": built, "centres": centres.set_index("insee_com"), "projects": projects.set_index("projet_id")}
    return folder, store, first, second, edits


def test_snapshots_are_saved_per_millesime(two_millesimes):
    folder, store, first, second, edits = two_millesimes
    with sqlite3.connect(store) as conn:
        counts = dict(conn.execute("SELECT millesime, count(*) FROM projets_millesime GROUP BY millesime"))
        total = conn.execute("SELECT count(*) FROM projets").fetchone()[0]
        assert counts == {"2015-S1": total + 1, "2015-S2": total}
        centres = pd.read_sql_query("SELECT * FROM centres_millesime WHERE millesime = '2015-S2'", conn)
        costs = pd.read_sql_query("SELECT * FROM couts_millesime WHERE millesime = '2015-S2'", conn)
    assert centres.set_index("insee_com").at[edits["covered"], "statut"] == "couvert"
    needs = pd.read_csv(second / "besoins_financiers.csv", dtype={"code": str})
    rest = pd.read_csv(second / "reste_a_planifier.csv", dtype={"code": str})
    mobile = pd.read_csv(second / "estimatif_mobile.csv", dtype={"code": str})
    rip = costs[costs["poste"] == "rip"].set_index(["niveau", "code"])["cout_total"]
    expected = needs[needs["niveau"] == "département"].set_index("code")["cout_total"]
    assert rip.loc["département"].to_dict() == pytest.approx(expected.to_dict())
    assert rip.loc[("territoire", "Ensemble")] == pytest.approx(expected.sum())
    saved = costs[costs["poste"] == "reste_a_planifier"].set_index(["niveau", "code"])
    assert saved["locaux"].to_dict() == rest.set_index(["niveau", "code"])["locaux"].to_dict()
    saved = costs[costs["poste"] == "mobile"].set_index(["niveau", "code"])["part_etat"]
    assert saved.to_dict() == pytest.approx(mobile.set_index(["niveau", "code"])["subvention_etat"].to_dict())
    # a departmental run saves the region's registers all the same
    deliver(store, "2015-S2", second, folder / "l2_21", "21")
    with sqlite3.connect(store) as conn:
        again = pd.read_sql_query("SELECT * FROM couts_millesime WHERE millesime = '2015-S2'", conn)
    assert len(again) == len(costs) and set(again["code"]) == set(costs["code"])


def test_register_changes_list_one_change_of_each_kind(two_millesimes):
    from scoran_qgis.core.register import STATUS_LABELS
    from scoran_qgis.core.semesters import REGISTER_COLUMNS, register_changes
    from scoran_qgis.core.store import ScoranStore

    folder, store, first, second, edits = two_millesimes
    changes = register_changes(ScoranStore.open(store), "2015-S2")
    assert list(changes.columns) == REGISTER_COLUMNS
    rows = {(r.registre, r.type, r.objet): r for r in changes.itertuples()}
    projects = edits["projects"]

    status = rows[("projets", "statut_modifie", edits["status"])]
    assert (status.precedent, status.actuel) == (STATUS_LABELS[projects.at[edits["status"], "statut"]],
                                                 STATUS_LABELS["realise"])
    budget = rows[("projets", "budget_modifie", edits["budget"])]
    assert budget.actuel - budget.precedent == pytest.approx(25_000)
    assert budget.precedent == pytest.approx(projects.at[edits["budget"], "budget"])
    start = rows[("projets", "debut_deplace", edits["calendar"])]
    end = rows[("projets", "fin_deplacee", edits["calendar"])]
    assert start.actuel == "15/01/2016" and end.actuel == "30/06/2019"
    assert end.precedent == pd.Timestamp(projects.at[edits["calendar"], "date_fin"]).strftime("%d/%m/%Y")
    assert ("projets", "projet_retire", edits["removed"]) in rows
    assert len(changes[changes["registre"] == "projets"]) == 5  # nothing else changed in the register

    centres = edits["centres"]
    covered = rows[("centres_bourgs", "couverture_modifiee", edits["covered"])]
    assert covered.actuel.startswith("Couvert") and covered.precedent.startswith("Zone blanche 2G")
    assert ("centres_bourgs", "statut_site_modifie", edits["built"]) in rows
    sites = rows[("centres_bourgs", "sites_modifies", edits["built"])]
    assert (sites.precedent, sites.actuel) == (int(centres.at[edits["built"], "nb_sites"]), 2)
    kinds = changes[changes["registre"] == "centres_bourgs"][["type", "objet"]].apply(tuple, axis=1)
    assert set(kinds) == {("couverture_modifiee", edits["covered"]), ("statut_site_modifie", edits["built"]),
                          ("sites_modifies", edits["built"])}

    # costs: what the two folders' files say changed (rural FTTH +100 €), poste by poste
    def figures(folder):
        needs = pd.read_csv(folder / "besoins_financiers.csv", dtype={"code": str})
        rest = pd.read_csv(folder / "reste_a_planifier.csv", dtype={"code": str})
        return {("rip", r.code): r.cout_total for r in needs[needs["niveau"] == "département"].itertuples()} | {
            ("reste_a_planifier", r.code): r.cout_total for r in rest[rest["niveau"] == "département"].itertuples()}

    before, after = figures(first), figures(second)
    moved = {key for key in before.keys() | after.keys() if abs(after.get(key, 0) - before.get(key, 0)) >= 0.5}
    assert moved, "the unit cost edit changes some département's cost"
    listed = changes[(changes["registre"] == "couts") & (changes["type"] == "cout_modifie")]
    departments = {(p, c) for p, c in zip(listed["detail"].map(lambda d: "rip" if d.startswith("Phases") else
                                                                 "reste_a_planifier" if d.startswith("Reste") else
                                                                 "mobile"), listed["objet"]) if c != "Ensemble"}
    assert departments == moved
    for (poste, code) in moved:
        row = listed[(listed["objet"] == code) & listed["detail"].str.startswith(
            "Phases" if poste == "rip" else "Reste")].iloc[0]
        assert row.precedent == pytest.approx(before[(poste, code)]) and row.actuel == pytest.approx(
            after[(poste, code)])
    assert not len(changes[(changes["registre"] == "couts") & (changes["type"] == "locaux_modifies")])
    assert set(changes["registre"]) == {"thd", "projets", "centres_bourgs", "couts"}


def test_workbooks_show_the_cost_of_full_coverage_and_the_changes(two_millesimes):
    folder, store, first, second, edits = two_millesimes
    book = folder / "l2" / "besoins_financiers_fixe.xlsx"
    rest = pd.read_csv(second / "reste_a_planifier.csv", dtype={"code": str})
    needs = pd.read_csv(second / "besoins_financiers.csv", dtype={"code": str})
    shown = sheet(book, "Reste à planifier")
    assert list(shown["Code"]) == list(rest["code"])
    assert list(shown["Coût (€)"]) == pytest.approx(list(rest["cout_total"]))
    full = sheet(book, "Coût du 100 % en 2022")
    territory = full[full["Code"] == "Ensemble"].set_index("Poste")
    total_needs = needs[needs["niveau"] == "territoire"]["cout_total"].iat[0]
    total_rest = rest[rest["niveau"] == "territoire"]["cout_total"].iat[0]
    assert territory.at["Phases des RIP", "Coût (€)"] == pytest.approx(total_needs)
    assert territory.at["Reste à planifier", "Coût (€)"] == pytest.approx(total_rest)
    assert territory.at["Coût du 100 % en 2022", "Coût (€)"] == pytest.approx(total_needs + total_rest)
    comparison = sheet(book, "Comparaison")
    row = comparison[(comparison["Code"] == "Ensemble") & (comparison["Poste"] == "Reste à planifier")].iloc[0]
    previous = pd.read_csv(first / "reste_a_planifier.csv", dtype={"code": str})
    assert row["Coût (€) — 2015-S1"] == pytest.approx(previous["cout_total"].iat[-1])
    assert row["Coût (€) — 2015-S2"] == pytest.approx(total_rest)
    assert row["Coût (€) — écart"] == pytest.approx(total_rest - previous["cout_total"].iat[-1])

    indicators = sheet(folder / "l2" / "indicateurs_suivi.xlsx", "Indicateurs").set_index("Indicateur")["Valeur"]
    assert indicators["Coût du 100 % en 2022 : phases des RIP + reste à planifier (€)"] == pytest.approx(
        total_needs + total_rest)
    assert indicators["Locaux à planifier (dans aucun plan)"] == rest[rest["niveau"] == "territoire"]["locaux"].iat[0]
    changes = sheet(folder / "l2" / "indicateurs_suivi.xlsx", "Évolutions")
    assert list(changes.columns) == ["Registre", "Type", "Objet", "Avant", "Maintenant", "Détail"]
    assert {"Très haut débit fixe", "Projets d'usages", "Centres-bourgs (mobile)", "Coûts et locaux"} <= set(
        changes["Registre"])
    assert ((changes["Objet"] == edits["status"]) & (changes["Type"] == "Statut changé")).any()

    # one département: its own rows only
    code = edits["built"][:2]
    local = folder / "l2_one"
    deliver(store, "2015-S2", second, local, code)
    shown = sheet(local / "besoins_financiers_fixe.xlsx", "Reste à planifier")
    assert list(shown["Code"]) == [code]
    full = sheet(local / "besoins_financiers_fixe.xlsx", "Coût du 100 % en 2022")
    assert set(full["Code"]) == {code}
    comparison = sheet(local / "besoins_financiers_fixe.xlsx", "Comparaison")
    assert set(comparison["Code"]) == {code}
    changes = sheet(local / "indicateurs_suivi.xlsx", "Évolutions")
    centres = changes[changes["Registre"] == "Centres-bourgs (mobile)"]["Objet"]
    assert set(centres) == {c for c in (edits["covered"], edits["built"]) if c.startswith(code)}
    costs = changes[changes["Registre"] == "Coûts et locaux"]["Objet"]
    assert set(costs) <= {code} and "Ensemble" not in set(changes["Objet"])


def test_a_removed_project_shows_in_its_departments_changes(two_millesimes):
    """The register no longer knows where a removed project was: the snapshot does."""
    folder, store, first, second, edits = two_millesimes
    with sqlite3.connect(store) as conn:
        (deps,) = conn.execute("SELECT departements FROM projets_millesime WHERE projet_id = ? AND millesime = "
                               "'2015-S1'", (edits["removed"],)).fetchone()
    home = sorted(d.strip() for d in deps.split(",") if d.strip())[0]
    others = sorted({"21", "25", "39", "58", "70", "71", "89", "90"} - {d.strip() for d in deps.split(",")})
    deliver(store, "2015-S2", second, folder / "home", home)
    deliver(store, "2015-S2", second, folder / "elsewhere", others[0])
    removed = [sheet(folder / name / "indicateurs_suivi.xlsx", "Évolutions").pipe(
        lambda f: ((f["Objet"] == edits["removed"]) & (f["Type"] == "Projet retiré")).any())
        for name in ("home", "elsewhere")]
    assert removed == [True, False]
