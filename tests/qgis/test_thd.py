"""Golden tests of thdcoverage, thdtrajectory and financialneeds on the golden premises.

Plans, written by hand (EPSG:3035, another CRS than the premises on purpose):
- AMII: 01001 (calendar 2016: 5 premises, 2017: 5, completion 2018) and 01999 (not in the territory).
- RIP01 (dep 01, perimeter around cells A and B, with an invalid self-touching ring):
  P1 = cell A, MED 2016-S1 → 2016-S2; P2 = cell B, FTTH, ends (2016-S1) before it starts (2017-S2).
- RIP2A (dep 2A): P1 = the lower-left 100 m of cell D (building 11 only), FTTH 2015-S2 → 2016-S2,
  communes 2A004; P2 = no geometry, communes 2A004, FTTH, no dates.
Premises (see test_fixed_broadband): 01001 b1 3, b2 2, b3 1, b4 4 (cell A), b5 2, b6 2 (cell B);
01002 b7 1, b8 5 (already THD); 2A004 b11 2, b12 1.
"""

from __future__ import annotations

import pytest
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsProcessingException, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from scoran_qgis.core.store import ScoranStore
from tests.qgis.test_fixed_broadband import BASES, ELIGIBILITY, features_by


def run(algorithm, parameters):
    from qgis import processing

    return processing.run(f"scoran:{algorithm}", parameters)


def box(x0, y0, x1, y1):
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


def layer(geometry_type, fields, rows, crs="EPSG:3035"):
    uri = f"{geometry_type}?crs={crs}" if geometry_type != "None" else "None"
    result = QgsVectorLayer(uri, "l", "memory")
    result.dataProvider().addAttributes([QgsField(name, kind) for name, kind in fields])
    result.updateFields()
    features = []
    for wkt, values in rows:
        feature = QgsFeature(result.fields())
        feature.setAttributes(list(values))
        if wkt:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    result.dataProvider().addFeatures(features)
    return result


TEXT, INT = QVariant.String, QVariant.Int
RIP01_RING = ("POLYGON((3899900 2559900,3900500 2559900,3900500 2560300,3899900 2560300,3899900 2559900,"
              "3899800 2559800,3899850 2559800,3899900 2559900))")  # self-touching: invalid, repaired


def golden_plan():
    projects = layer("Polygon", [("rip_id", TEXT), ("nom", TEXT), ("departements", TEXT)], [
        (RIP01_RING, ("RIP01", "Ain", "01")),
        (box(4_249_000, 1_999_000, 4_251_000, 2_001_000), ("RIP2A", "Corse-du-Sud", "2A")),
    ])
    phase_fields = [("phase_id", TEXT), ("rip_id", TEXT), ("technologie", TEXT), ("semestre_debut", TEXT),
                    ("semestre_fin", TEXT), ("locaux_prevus", INT), ("statut", TEXT), ("communes", TEXT)]
    phases = layer("Polygon", phase_fields, [
        (box(3_900_000, 2_560_000, 3_900_200, 2_560_200), ("RIP01-P1", "RIP01", "MED", "2016-S1", "2016-S2", 10,
                                                          "prevu", None)),
        (box(3_900_200, 2_560_000, 3_900_400, 2_560_200), ("RIP01-P2", "RIP01", "FTTH", "2017-S2", "2016-S1", 4,
                                                          "prevu", None)),
        (box(4_250_000, 2_000_000, 4_250_100, 2_000_100), ("RIP2A-P1", "RIP2A", "FTTH", "2015-S2", "2016-S2", 2,
                                                          "en_cours", "2A004")),
        (None, ("RIP2A-P2", "RIP2A", "FTTH", None, None, 1, "prevu", "2A004")),
    ])
    amii_fields = [("insee_com", TEXT), ("operateurs", TEXT), ("convention_signee", INT), ("annee_fin_prevue", INT)]
    amii = layer("None", amii_fields, [
        (None, ("01001", "Orange", 1, 2018)), (None, ("01999", "SFR", 0, 2020))])
    calendar = layer("None", [("insee_com", TEXT), ("annee", INT), ("locaux_prevus", INT)], [
        (None, ("01001", 2016, 5)), (None, ("01001", 2017, 5))])
    return {"RIP_PROJECTS": projects, "RIP_PHASES": phases, "AMII": amii, "AMII_CALENDAR": calendar}


@pytest.fixture(scope="module")
def golden(provider, tmp_path_factory):
    folder = tmp_path_factory.mktemp("thd")
    run("importmci", {"BASE_IMB": BASES, "ELIGIBILITE": ELIGIBILITY, "OUTPUT": str(folder / "locaux.gpkg")})
    plan = golden_plan()
    run("thdcoverage", {"INPUT": str(folder / "locaux.gpkg"), **plan, "OUTPUT": str(folder / "couverture.gpkg"),
                        "OUTPUT_SUMMARY": str(folder / "resume.csv"), "OUTPUT_CHECKS": str(folder / "controles.csv")})
    return folder, plan


EXPECTED = {  # imb: zone, rip, phase, planned semester, already THD, RIP over AMII, left to cover
    "1": ("AMII", "RIP01", "RIP01-P1", "2016-S2", False, True, False),
    "2": ("AMII", "RIP01", "RIP01-P1", "2016-S2", False, True, False),
    "3": ("AMII", "RIP01", "RIP01-P1", "2017-S2", False, True, False),
    "4": ("AMII", "RIP01", "RIP01-P1", "2017-S2", False, True, False),
    "5": ("AMII", "RIP01", "RIP01-P2", "2018-S2", False, True, False),
    "6": ("AMII", "RIP01", "RIP01-P2", "2018-S2", False, True, False),
    "7": ("aucun", None, None, None, True, False, False),
    "8": ("aucun", None, None, None, True, False, False),
    "11": ("RIP", "RIP2A", "RIP2A-P1", "2016-S2", False, False, False),
    "12": ("RIP", "RIP2A", "RIP2A-P2", None, False, False, True),
}


def null(value):
    return None if value is None or str(value) == "NULL" else value


def test_coverage_per_premise(golden):
    folder, _ = golden
    rows = features_by(folder / "couverture.gpkg", "imb_id")
    got = {k: (f["zone"], null(f["rip_id"]), null(f["phase_id"]), null(f["semestre_prevu"]), bool(f["deja_thd"]),
               bool(f["chevauchement_amii"]), bool(f["reste_a_couvrir"])) for k, f in rows.items()}
    assert got == EXPECTED


def test_checks_name_every_anomaly(golden):
    folder, _ = golden
    checks = {(f["type"], f["objet"]) for f in QgsVectorLayer(str(folder / "controles.csv")).getFeatures()}
    assert checks == {
        ("phase_incoherente", "RIP01-P2"),
        ("phase_sans_dates", "RIP2A-P2"),
        ("phases_chevauchantes", "RIP2A-P1 / RIP2A-P2"),
        ("amii_commune_inconnue", "01999"),
        ("rip_infra_departemental", "RIP01"),  # covers none of dep 01's 6 public-initiative premises
    }


def test_summary_by_zone_and_semester(golden):
    folder, _ = golden
    rows = {(f["niveau"], f["code"], f["zone"], f["semestre_prevu"]): int(f["nb_locaux"])
            for f in QgsVectorLayer(str(folder / "resume.csv")).getFeatures()}
    assert rows[("département", "01", "AMII", "2016-S2")] == 5
    assert rows[("département", "01", "AMII", "2018-S2")] == 4
    assert rows[("département", "01", "aucun", "deja_thd")] == 6
    assert rows[("commune", "2A004", "RIP", "non_planifie")] == 1
    assert rows[("territoire", "Ensemble", "RIP", "2016-S2")] == 2
    assert sum(v for k, v in rows.items() if k[0] == "territoire") == 23


def test_trajectory(golden, tmp_path):
    folder, plan = golden
    run("thdtrajectory", {"INPUT": str(folder / "couverture.gpkg"), "RIP_PHASES": plan["RIP_PHASES"],
                          "MILLESIME": "2015-S1", "OUTPUT": str(tmp_path / "t.csv"),
                          "OUTPUT_PHASING": str(tmp_path / "p.csv"), "OUTPUT_CHART": str(tmp_path / "t.png")})
    rows = {(f["code"], f["semestre"]): f for f in QgsVectorLayer(str(tmp_path / "t.csv")).getFeatures()}
    expected = {("01", "2015-S1"): 6, ("01", "2016-S2"): 11, ("01", "2017-S2"): 16, ("01", "2018-S2"): 20,
                ("2A", "2016-S1"): 0, ("2A", "2016-S2"): 2, ("2A", "2022-S2"): 2,
                ("Ensemble", "2015-S1"): 6, ("Ensemble", "2016-S2"): 13, ("Ensemble", "2017-S2"): 18,
                ("Ensemble", "2022-S2"): 22}
    assert {k: int(rows[k]["locaux_thd"]) for k in expected} == expected
    ensemble_2017 = rows[("Ensemble", "2017-S2")]
    assert float(ensemble_2017["pct_thd"]) == pytest.approx(78.26, abs=0.01)
    assert float(ensemble_2017["cible_pct"]) == 50
    assert float(ensemble_2017["ecart_pct"]) == pytest.approx(28.26, abs=0.01)
    assert float(rows[("Ensemble", "2022-S2")]["ecart_pct"]) == pytest.approx(-4.35, abs=0.01)
    assert str(rows[("Ensemble", "2016-S1")]["cible_pct"]) in ("", "NULL", "None")
    assert (tmp_path / "t.png").stat().st_size > 10_000
    phasing = {(f["phase_id"], int(f["annee"])): (int(f["locaux"]), float(f["cout"]))
               for f in QgsVectorLayer(str(tmp_path / "p.csv")).getFeatures()}
    # RIP2A-P1: 2 premises over 2015-S2, 2016-S1, 2016-S2 → 2/3 in 2016, 1/3 in 2015; FTTH rural 2 200 €
    assert phasing[("RIP2A-P1", 2015)] == (1, pytest.approx(2 / 3 * 2200, abs=0.01))
    assert phasing[("RIP2A-P1", 2016)] == (1, pytest.approx(4 / 3 * 2200, abs=0.01))
    # RIP01-P1 and RIP01-P2 lie in the AMII commune 01001: private initiative, not in the RIP's phasing
    # (issue 11, item 4; this test used to expect RIP01-P1's 10 premises at 4 000 €)
    assert not any(k[0] in ("RIP01-P1", "RIP01-P2") for k in phasing)
    assert not any(k[0] == "RIP2A-P2" for k in phasing)  # undated phase: in no year


def aid_table():
    return layer("None", [("insee_dep", TEXT), ("taux", QVariant.Double), ("plafond_par_local", QVariant.Double)],
                 [(None, ("01", 0.5, 300.0)), (None, ("2A", 0.6, 2000.0))])


def needs_rows(path):
    """{(niveau, code): summed amounts} — a phase has one row per department and semester."""
    totals = {}
    for f in QgsVectorLayer(str(path)).getFeatures():
        entry = totals.setdefault((f["niveau"], f["code"]), {"rows": 0})
        entry["rows"] += 1
        for name in ("locaux", "cout_total", "part_etat", "reste_collectivites", "part_region", "part_epci",
                     "part_feder"):
            entry[name] = entry.get(name, 0) + float(f[name])
        entry["plafond_atteint"] = entry.get("plafond_atteint", False) or str(f["plafond_atteint"]).lower() in (
            "true", "1")
    return totals


def test_financial_needs_cap_binding_and_not(golden, tmp_path):
    """RIP01's phases lie in the AMII commune 01001 (private initiative): no row, no cost, no State share
    (issue 11, item 4 — this test used to expect 4 000 € and 8 800 € for them). RIP2A-P1: 2 rural FTTH
    premises, 4 400 €, spread over 2015-S2…2016-S2; RIP2A-P2 (undated): 1 premise, 2 200 €."""
    folder, plan = golden
    run("financialneeds", {"INPUT": str(folder / "couverture.gpkg"), "RIP_PHASES": plan["RIP_PHASES"],
                           "AID": aid_table(), "OUTPUT": str(tmp_path / "f.csv")})
    rows = needs_rows(tmp_path / "f.csv")
    assert ("phase", "RIP01-P1") not in rows and ("phase", "RIP01-P2") not in rows
    assert ("projet", "RIP01") not in rows
    p1 = rows[("phase", "RIP2A-P1")]
    assert p1["rows"] == 3 and p1["locaux"] == 2
    assert p1["cout_total"] == pytest.approx(4400) and p1["part_etat"] == pytest.approx(2640)  # 60 % < 2 000 € × 2
    assert not p1["plafond_atteint"]
    assert rows[("phase", "RIP2A-P2")]["part_etat"] == pytest.approx(1320)
    total = rows[("territoire", "Ensemble")]
    assert total["cout_total"] == 6600 and total["part_etat"] == 3960
    assert total["reste_collectivites"] == 2640
    assert total["part_region"] == pytest.approx(660) and total["part_feder"] == pytest.approx(396)
    assert rows[("département", "2A")]["cout_total"] == 6600
    assert rows[("projet", "RIP2A")]["part_etat"] == 3960

    capped = layer("None", [("insee_dep", TEXT), ("taux", QVariant.Double), ("plafond_par_local", QVariant.Double)],
                   [(None, ("2A", 0.6, 500.0))])
    run("financialneeds", {"INPUT": str(folder / "couverture.gpkg"), "RIP_PHASES": plan["RIP_PHASES"],
                           "AID": capped, "SHARE_REGION": 50, "SHARE_DEPARTEMENT": 50, "SHARE_EPCI": 0,
                           "SHARE_FEDER": 0, "OUTPUT": str(tmp_path / "g.csv")})
    rows = needs_rows(tmp_path / "g.csv")
    p1 = rows[("phase", "RIP2A-P1")]
    assert p1["part_etat"] == pytest.approx(1000) and p1["plafond_atteint"]  # cap 500 € × 2 binds
    total = rows[("territoire", "Ensemble")]
    assert total["part_etat"] == pytest.approx(1500)  # + min(60 % × 2 200, 500 × 1)
    assert total["part_region"] == pytest.approx(2550) and total["part_epci"] == 0


def test_shares_must_add_up(golden, tmp_path):
    folder, plan = golden
    with pytest.raises(QgsProcessingException, match="faire 100 %"):
        run("financialneeds", {"INPUT": str(folder / "couverture.gpkg"), "RIP_PHASES": plan["RIP_PHASES"],
                               "SHARE_REGION": 80, "OUTPUT": str(tmp_path / "f.csv")})
    assert not (tmp_path / "f.csv").exists()


def test_missing_fields_and_bad_semester_are_refused(golden, tmp_path):
    folder, plan = golden
    bad_phases = layer("Polygon", [("phase_id", TEXT)], [(box(0, 0, 1, 1), ("X",))])
    with pytest.raises(QgsProcessingException, match="rip_id"):
        run("thdcoverage", {"INPUT": str(folder / "locaux.gpkg"), **plan, "RIP_PHASES": bad_phases,
                            "OUTPUT": str(tmp_path / "c.gpkg"), "OUTPUT_SUMMARY": "TEMPORARY_OUTPUT",
                            "OUTPUT_CHECKS": "TEMPORARY_OUTPUT"})
    assert not (tmp_path / "c.gpkg").exists()
    with pytest.raises(QgsProcessingException, match="Millésime invalide"):
        run("thdtrajectory", {"INPUT": str(folder / "couverture.gpkg"), "RIP_PHASES": plan["RIP_PHASES"],
                              "MILLESIME": "S1-2015", "OUTPUT": "TEMPORARY_OUTPUT",
                              "OUTPUT_PHASING": "TEMPORARY_OUTPUT", "OUTPUT_CHART": str(tmp_path / "t.png")})
    assert not (tmp_path / "t.png").exists()


def test_semesters_compare_through_the_store(golden, tmp_path):
    """2015-S1 saved; in 2015-S2 a phase slips, a convention is signed: the changes table says so."""
    folder, plan = golden
    store = ScoranStore.create(tmp_path / "scoran.gpkg")
    common = {"INPUT": str(folder / "locaux.gpkg"), "STORE": str(store.path), "OUTPUT_SUMMARY": "TEMPORARY_OUTPUT",
              "OUTPUT_CHECKS": "TEMPORARY_OUTPUT"}
    run("thdcoverage", {**common, **plan, "MILLESIME": "2015-S1", "OUTPUT": str(tmp_path / "c1.gpkg")})
    run("thdtrajectory", {"INPUT": str(tmp_path / "c1.gpkg"), "RIP_PHASES": plan["RIP_PHASES"], "MILLESIME": "2015-S1",
                          "STORE": str(store.path), "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_PHASING": "TEMPORARY_OUTPUT",
                          "OUTPUT_CHART": str(tmp_path / "t1.png")})
    later = golden_plan()
    phases = later["RIP_PHASES"]
    phases.startEditing()
    feature = next(f for f in phases.getFeatures() if f["phase_id"] == "RIP2A-P1")
    phases.changeAttributeValue(feature.id(), phases.fields().indexOf("semestre_fin"), "2017-S2")
    phases.commitChanges()
    amii = later["AMII"]
    amii.startEditing()
    feature = next(f for f in amii.getFeatures() if f["insee_com"] == "01999")
    amii.changeAttributeValue(feature.id(), amii.fields().indexOf("convention_signee"), 1)
    amii.commitChanges()
    run("thdcoverage", {**common, **later, "MILLESIME": "2015-S2", "OUTPUT": str(tmp_path / "c2.gpkg")})
    result = run("thdtrajectory", {
        "INPUT": str(tmp_path / "c2.gpkg"), "RIP_PHASES": later["RIP_PHASES"], "MILLESIME": "2015-S2",
        "STORE": str(store.path), "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_PHASING": "TEMPORARY_OUTPUT",
        "OUTPUT_CHANGES": str(tmp_path / "changes.csv"), "OUTPUT_CHART": str(tmp_path / "t2.png")})
    assert result["PREVIOUS"] == "2015-S1"
    changes = {(f["type"], f["objet"]): f for f in QgsVectorLayer(str(tmp_path / "changes.csv")).getFeatures()}
    assert changes[("projet_retarde", "RIP2A-P1")]["actuel"] == "2017-S2"
    assert changes[("projet_retarde", "RIP2A-P1")]["precedent"] == "2016-S2"
    assert ("convention_signee", "01999") in changes
    # no premises planned for 2015-S2 in the golden plans: no « 0 locaux passés au THD » line
    assert not [key for key in changes if key[0] == "locaux_thd_gagnes"]
    assert store.millesimes() == ["2015-S1", "2015-S2"]
