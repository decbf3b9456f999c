"""Golden tests of the circular's THD rules (issue 11, items 3, 4, 6, 7), hand-made plans and premises.

Communes along a line (EPSG:2154, x in metres, each 1 000 m wide, y from 0 to 1 000):
  58001 [0, 1000)       A1 3, A2 2, A3 1 (already THD), A4 4 premises
  58002 [1000, 2000)    B1 2, B2 3 — AMII commune
  89001 [2000, 3000)    C1 1, C2 1, C3 1 — in the RIP, in no phase
  89002 [3000, 4000)    D1 2, D2 3
  89003 [4000, 5000)    E1 4
  58003 [5000, 6000)    F1 4, F2 6
  58004 [7000, 8000)    G1 2
Every commune has fewer than 300 premises: rural. Unit costs (shipped table): FTTH rural 2 200 €, MED 400 €.
State aid (hand-made): 58 → 50 %, cap 900 € per premise; 89 → 60 %, cap 300 €.

RIP « SMO-NUMERIQUE » (departements « 58,89 », perimeter [0, 6000)):
  R1-ABANDON   FTTH 2015-S1 → 2015-S2, abandoned, over 58001, officer's cost 999 999 €
  R1-FTTH      FTTH 2015-S1 → 2016-S2 over 58001 and 58002, officer's cost 28 000 €
  R1-MED       MED  2016-S1 → 2016-S2 over 58003
  R1-COMFIELD  FTTH 2016-S1 → 2017-S2, no geometry, `communes` field « 89002 »
  R1-COMTABLE  FTTH 2017-S1 → 2017-S2, no geometry, communes only in rip_phases_communes: 89003
RIP « THD-NIEVRE » (departements empty: a name without its code), perimeter [7000, 8000):
  TN-P1        FTTH 2017-S1 → 2017-S2 over 58004

Hand-computed:
- A1, A2, A4 (9 premises) belong to R1-FTTH, not to the abandoned phase that ends earlier; planned
  2016-S2. B1, B2 (5) are AMII: out of R1-FTTH's premises, cost and State share.
- R1-FTTH: officer's 28 000 € for 14 premises, 9 public → 18 000 € (estimate 9 × 2 200 = 19 800 €);
  State: min(50 % × 18 000, 900 × 9 = 8 100) = 8 100 €. 4 semesters: premises 3, 2, 2, 2 → 2015: 5,
  2016: 4; money ÷ 4 → 9 000 € a year, State 4 050 €, local 4 950 €.
- R1-MED: 10 premises × 400 € = 4 000 € in 2016, State min(2 000, 9 000) = 2 000 €, 0 « raccordables »,
  never THD (F1, F2 left to cover).
- R1-COMFIELD: 5 × 2 200 = 11 000 €, State min(6 600, 1 500) = 1 500 €; premises 2, 1, 1, 1 →
  2016: 3 and 5 500 €, 2017: 2 and 5 500 €; State 750 € a year.
- R1-COMTABLE: 4 × 2 200 = 8 800 € in 2017, State min(5 280, 1 200) = 1 200 €.
- TN-P1: 2 × 2 200 = 4 400 € in 2017, State min(2 200, 1 800) = 1 800 €; THD-NIEVRE is in 58 and,
  covering 2 of the 22 public-initiative premises of 58, smaller than its département.
"""

from __future__ import annotations

import pytest
from osgeo import ogr, osr
from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from tests.qgis.test_thd import INT, TEXT, box, layer

CRS = "EPSG:2154"
PREMISES = [  # imb_id, commune, département, premises, class, x
    ("A1", "58001", "58", 3, "HD3", 100), ("A2", "58001", "58", 2, "BHD8", 300),
    ("A3", "58001", "58", 1, "THD100", 500), ("A4", "58001", "58", 4, "INEL", 700),
    ("B1", "58002", "58", 2, "HD3", 1300), ("B2", "58002", "58", 3, "HD3", 1600),
    ("C1", "89001", "89", 1, "HD3", 2200), ("C2", "89001", "89", 1, "HD3", 2500), ("C3", "89001", "89", 1, "HD3", 2800),
    ("D1", "89002", "89", 2, "HD05", 3300), ("D2", "89002", "89", 3, "HD3", 3600),
    ("E1", "89003", "89", 4, "HD3", 4500),
    ("F1", "58003", "58", 4, "HD3", 5300), ("F2", "58003", "58", 6, "HD3", 5600),
    ("G1", "58004", "58", 2, "HD3", 7500),
]
PHASES = [  # phase_id, rip_id, technology, start, end, status, officer's cost, communes field, geometry
    ("R1-ABANDON", "SMO-NUMERIQUE", "FTTH", "2015-S1", "2015-S2", "abandonne", 999_999.0, None, box(0, 0, 1000, 1000)),
    ("R1-FTTH", "SMO-NUMERIQUE", "FTTH", "2015-S1", "2016-S2", "prevu", 28_000.0, None, box(0, 0, 2000, 1000)),
    ("R1-MED", "SMO-NUMERIQUE", "MED", "2016-S1", "2016-S2", "en_cours", None, None, box(5000, 0, 6000, 1000)),
    ("R1-COMFIELD", "SMO-NUMERIQUE", "FTTH", "2016-S1", "2017-S2", "prevu", None, "89002", None),
    ("R1-COMTABLE", "SMO-NUMERIQUE", "FTTH", "2017-S1", "2017-S2", "prevu", None, None, None),
    ("TN-P1", "THD-NIEVRE", "FTTH", "2017-S1", "2017-S2", "prevu", None, None, box(7000, 0, 8000, 1000)),
]
PHASE_COMMUNES = [("R1-COMTABLE", "89003")]


def run(algorithm, parameters):
    from qgis import processing

    return processing.run(f"scoran:{algorithm}", parameters)


def premises_layer():
    fields = [("imb_id", TEXT), ("code_insee", TEXT), ("code_dep", TEXT), ("nb_locaux", INT), ("classe", TEXT)]
    return layer("Point", fields, [(f"POINT({x} 500)", (imb, com, dep, n, cls)) for imb, com, dep, n, cls, x in
                                   PREMISES], crs=CRS)


def write_store_like(path):
    """A GeoPackage with the store's layer names: rip_projets, rip_phases, rip_phases_communes."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    projects = dataset.CreateLayer("rip_projets", srs, ogr.wkbMultiPolygon)
    for name in ("rip_id", "nom", "departements"):
        projects.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for rip_id, name, deps, wkt in (("SMO-NUMERIQUE", "Syndicat mixte ouvert", "58,89", box(0, 0, 6000, 1000)),
                                    ("THD-NIEVRE", "Très haut débit Nièvre", None, box(7000, 0, 8000, 1000))):
        feature = ogr.Feature(projects.GetLayerDefn())
        feature["rip_id"], feature["nom"] = rip_id, name
        if deps:
            feature["departements"] = deps
        feature.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkt(wkt)))
        projects.CreateFeature(feature)
    phases = dataset.CreateLayer("rip_phases", srs, ogr.wkbMultiPolygon)
    for name, kind in (("phase_id", ogr.OFTString), ("rip_id", ogr.OFTString), ("technologie", ogr.OFTString),
                       ("semestre_debut", ogr.OFTString), ("semestre_fin", ogr.OFTString),
                       ("statut", ogr.OFTString), ("cout_prevu", ogr.OFTReal), ("communes", ogr.OFTString)):
        phases.CreateField(ogr.FieldDefn(name, kind))
    for phase_id, rip_id, technology, start, end, status, cost, communes, wkt in PHASES:
        feature = ogr.Feature(phases.GetLayerDefn())
        for key, value in (("phase_id", phase_id), ("rip_id", rip_id), ("technologie", technology),
                           ("semestre_debut", start), ("semestre_fin", end), ("statut", status),
                           ("cout_prevu", cost), ("communes", communes)):
            if value is not None:
                feature[key] = value
        if wkt:
            feature.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkt(wkt)))
        phases.CreateFeature(feature)
    table = dataset.CreateLayer("rip_phases_communes", None, ogr.wkbNone)
    for name in ("phase_id", "insee_com"):
        table.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for phase_id, code in PHASE_COMMUNES:
        feature = ogr.Feature(table.GetLayerDefn())
        feature["phase_id"], feature["insee_com"] = phase_id, code
        table.CreateFeature(feature)
    dataset = None


def amii_layer():
    return layer("None", [("insee_com", TEXT), ("zone", TEXT), ("operateurs", TEXT), ("annee_fin_prevue", INT)],
                 [(None, ("58002", "AMII", "Orange", 2020))])


def aid_layer():
    return layer("None", [("insee_dep", TEXT), ("taux", QVariant.Double), ("plafond_par_local", QVariant.Double)],
                 [(None, ("58", 0.5, 900.0)), (None, ("89", 0.6, 300.0))])


def features(path):
    return list(QgsVectorLayer(str(path)).getFeatures())


def null(value):
    return None if value is None or str(value) in ("NULL", "") else value


@pytest.fixture(scope="module")
def circular(provider, tmp_path_factory):
    folder = tmp_path_factory.mktemp("circular")
    store = folder / "plans.gpkg"
    write_store_like(store)
    plans = {"RIP_PROJECTS": f"{store}|layername=rip_projets", "RIP_PHASES": f"{store}|layername=rip_phases",
             "AMII": amii_layer()}
    run("thdcoverage", {"INPUT": premises_layer(), **plans, "OUTPUT": str(folder / "couverture.gpkg"),
                        "OUTPUT_SUMMARY": str(folder / "resume.csv"), "OUTPUT_CHECKS": str(folder / "controles.csv")})
    common = {"INPUT": str(folder / "couverture.gpkg"), "RIP_PHASES": plans["RIP_PHASES"], "AID": aid_layer()}
    run("thdtrajectory", {**common, "MILLESIME": "2015-S1", "OUTPUT": str(folder / "trajectoire.csv"),
                          "OUTPUT_PHASING": str(folder / "phasage.csv"), "OUTPUT_CHART": str(folder / "t.png")})
    run("financialneeds", {**common, "OUTPUT": str(folder / "besoins.csv")})
    return folder, plans


def coverage_by_premise(folder, name="couverture.gpkg"):
    return {f["imb_id"]: (f["zone"], null(f["rip_id"]), null(f["phase_id"]), null(f["semestre_prevu"]),
                          bool(f["chevauchement_amii"]), bool(f["reste_a_couvrir"]))
            for f in features(folder / name)}


def test_abandoned_phase_claims_no_premise(circular):
    folder, _ = circular
    got = coverage_by_premise(folder)
    for imb in ("A1", "A2", "A4"):  # the re-planning phase takes them, with its own end semester
        assert got[imb] == ("RIP", "SMO-NUMERIQUE", "R1-FTTH", "2016-S2", False, False), imb
    assert not any(value[2] == "R1-ABANDON" for value in got.values())
    checks = {(f["type"], f["objet"]) for f in features(folder / "controles.csv")}
    assert ("phase_abandonnee", "R1-ABANDON") in checks
    phasing = features(folder / "phasage.csv")
    needs = features(folder / "besoins.csv")
    assert not any(f["phase_id"] == "R1-ABANDON" for f in phasing + needs)
    # the trajectory: 58 has 1 THD premise, then A1, A2, A4 (9) in 2016-S2 — not in 2015-S2 with the abandoned phase
    rows = {(f["code"], f["semestre"]): int(f["locaux_thd"]) for f in features(folder / "trajectoire.csv")}
    assert rows[("58", "2015-S2")] == 1 and rows[("58", "2016-S2")] == 10 and rows[("58", "2017-S2")] == 12
    assert rows[("58", "2020-S2")] == 17 and rows[("58", "2022-S2")] == 17  # MED premises never THD


def test_med_phase_apart_and_never_thd(circular):
    folder, _ = circular
    got = coverage_by_premise(folder)
    assert got["F1"] == ("RIP", "SMO-NUMERIQUE", "R1-MED", None, False, True)
    assert got["F2"] == ("RIP", "SMO-NUMERIQUE", "R1-MED", None, False, True)
    med = [f for f in features(folder / "phasage.csv") if f["phase_id"] == "R1-MED"]
    assert [(f["technologie"], int(f["annee"]), int(f["locaux"]), int(f["raccordables"]), float(f["cout"]))
            for f in med] == [("MED", 2016, 10, 0, 4000.0)]
    assert float(med[0]["part_etat"]) == 2000 and float(med[0]["reste_collectivites"]) == 2000


def test_amii_premises_out_of_the_rip_phase(circular):
    folder, _ = circular
    got = coverage_by_premise(folder)
    assert got["B1"] == ("AMII", "SMO-NUMERIQUE", "R1-FTTH", "2020-S2", True, False)
    phase = {int(f["annee"]): f for f in features(folder / "phasage.csv") if f["phase_id"] == "R1-FTTH"}
    assert sorted(phase) == [2015, 2016]
    assert [int(phase[y]["locaux"]) for y in (2015, 2016)] == [5, 4]  # 9 public premises, B1 and B2 out
    assert [int(phase[y]["raccordables"]) for y in (2015, 2016)] == [5, 4]
    needs = [f for f in features(folder / "besoins.csv") if f["niveau"] == "phase" and f["phase_id"] == "R1-FTTH"]
    assert sum(int(f["locaux"]) for f in needs) == 9
    assert sum(float(f["part_etat"]) for f in needs) == pytest.approx(8100)  # 900 € × 9, not × 14
    assert {f["code_dep"] for f in needs} == {"58"}


def test_officer_cost_is_used_with_the_estimate_beside(circular):
    folder, _ = circular
    phase = {int(f["annee"]): f for f in features(folder / "phasage.csv") if f["phase_id"] == "R1-FTTH"}
    for year in (2015, 2016):
        assert float(phase[year]["cout"]) == 9000  # 28 000 € × 9 / 14, over 4 semesters
        assert float(phase[year]["cout_estime"]) == 9900  # 9 × 2 200 €, over 4 semesters
        assert phase[year]["source_cout"] == "cout_prevu"
        assert float(phase[year]["part_etat"]) == 4050 and float(phase[year]["reste_collectivites"]) == 4950
        assert phase[year]["code_dep"] == "58"
    others = {f["source_cout"] for f in features(folder / "phasage.csv") if f["phase_id"] != "R1-FTTH"}
    assert others == {"estimation"}
    needs = [f for f in features(folder / "besoins.csv") if f["niveau"] == "phase" and f["phase_id"] == "R1-FTTH"]
    assert sum(float(f["cout_total"]) for f in needs) == pytest.approx(18000)
    assert sum(float(f["cout_estime"]) for f in needs) == pytest.approx(19800)
    assert {f["source_cout"] for f in needs} == {"cout_prevu"}


def test_phases_given_by_communes_only(circular):
    folder, _ = circular
    got = coverage_by_premise(folder)
    assert got["D1"][2] == got["D2"][2] == "R1-COMFIELD"  # the `communes` field
    assert got["E1"][2] == "R1-COMTABLE"  # the store's rip_phases_communes table
    assert got["C1"][1:3] == ("SMO-NUMERIQUE", None)
    phasing = {(f["phase_id"], int(f["annee"])): (int(f["locaux"]), float(f["cout"]), float(f["part_etat"]))
               for f in features(folder / "phasage.csv")}
    assert phasing[("R1-COMFIELD", 2016)] == (3, 5500.0, 750.0)
    assert phasing[("R1-COMFIELD", 2017)] == (2, 5500.0, 750.0)
    assert phasing[("R1-COMTABLE", 2017)] == (4, 8800.0, 1200.0)
    assert phasing[("TN-P1", 2017)] == (2, 4400.0, 1800.0)


def test_phase_communes_from_a_parameter(circular, tmp_path):
    """The same table given as RIP_PHASES_COMMUNES, the phases as a layer outside the store."""
    folder, plans = circular
    phases = layer("Polygon", [("phase_id", TEXT), ("rip_id", TEXT), ("technologie", TEXT), ("semestre_debut", TEXT),
                               ("semestre_fin", TEXT), ("statut", TEXT), ("communes", TEXT)],
                   [(wkt, (pid, rip, tech, start, end, status, communes))
                    for pid, rip, tech, start, end, status, _, communes, wkt in PHASES], crs=CRS)
    table = layer("None", [("phase_id", TEXT), ("insee_com", TEXT)], [(None, row) for row in PHASE_COMMUNES])
    run("thdcoverage", {"INPUT": premises_layer(), **plans, "RIP_PHASES": phases, "RIP_PHASES_COMMUNES": table,
                        "OUTPUT": str(tmp_path / "c.gpkg"), "OUTPUT_SUMMARY": "TEMPORARY_OUTPUT",
                        "OUTPUT_CHECKS": "TEMPORARY_OUTPUT"})
    assert coverage_by_premise(tmp_path, "c.gpkg")["E1"][2] == "R1-COMTABLE"
    run("thdcoverage", {"INPUT": premises_layer(), **plans, "RIP_PHASES": phases,
                        "OUTPUT": str(tmp_path / "d.gpkg"), "OUTPUT_SUMMARY": "TEMPORARY_OUTPUT",
                        "OUTPUT_CHECKS": "TEMPORARY_OUTPUT"})
    got = {f["imb_id"]: null(f["phase_id"]) for f in features(tmp_path / "d.gpkg")}
    assert got["E1"] is None and got["D1"] == "R1-COMFIELD"  # no table: only the field


def test_rip_named_without_its_code(circular):
    """THD-NIEVRE (no `departements`) is found in 58 by its premises; SMO-NUMERIQUE spans 58 and 89."""
    folder, _ = circular
    checks = {(f["type"], f["objet"]): f["detail"] for f in features(folder / "controles.csv")}
    assert "département 58" in checks[("rip_infra_departemental", "THD-NIEVRE")]  # 2 of 58's 22 public premises
    assert ("rip_infra_departemental", "SMO-NUMERIQUE") not in checks  # 20 / 22 in 58, 12 / 12 in 89
    phasing = features(folder / "phasage.csv")
    assert {f["code_dep"] for f in phasing if f["rip_id"] == "THD-NIEVRE"} == {"58"}
    assert {f["code_dep"] for f in phasing if f["rip_id"] == "SMO-NUMERIQUE"} == {"58", "89"}


def test_rip_departements_by_field_communes_geometry():
    import pandas as pd

    from scoran_qgis.core.thd import Plan, rip_departements

    def wkb(wkt):
        return bytes(ogr.CreateGeometryFromWkt(wkt).ExportToWkb())

    projects = pd.DataFrame({"rip_id": ["SMO-NUMERIQUE", "THD-NIEVRE", "THD-YONNE"],
                             "departements": ["58, 89", None, ""],
                             "wkb": [None, wkb(box(7000, 0, 8000, 1000)), None]})
    phases = pd.DataFrame({"phase_id": ["Y1"], "rip_id": ["THD-YONNE"], "wkb": [None], "communes": [("89002",)]})
    plan = Plan(projects, phases, pd.DataFrame(columns=["insee_com", "zone"]))
    departments = pd.DataFrame({"insee_dep": ["58", "89"], "wkb": [
        wkb("MULTIPOLYGON(((0 0,2000 0,2000 1000,0 1000,0 0)),((5000 0,8000 0,8000 1000,5000 1000,5000 0)))"),
        wkb(box(2000, 0, 5000, 1000))]})
    assert rip_departements(plan) == {"SMO-NUMERIQUE": ["58", "89"], "THD-NIEVRE": [], "THD-YONNE": ["89"]}
    assert rip_departements(plan, departments=departments)["THD-NIEVRE"] == ["58"]
    premises = pd.DataFrame({"code_dep": ["58", "58", "21"], "nb_locaux": [150, 49, 1]})
    coverage = pd.DataFrame({"rip_id": ["THD-NIEVRE", "THD-NIEVRE", "THD-NIEVRE"]})
    # a border premise of 21 (1 of 200, under 1 %) does not make THD-NIEVRE a project of 21
    assert rip_departements(plan, premises, coverage)["THD-NIEVRE"] == ["58"]


def test_phasing_and_needs_agree_project_by_project_and_year_by_year(circular):
    folder, _ = circular
    phasing = {}
    for f in features(folder / "phasage.csv"):
        entry = phasing.setdefault((f["rip_id"], int(f["annee"])), [0, 0.0, 0.0])
        entry[0] += int(f["locaux"])
        entry[1] += float(f["cout"])
        entry[2] += float(f["part_etat"])
    needs = {}
    for f in features(folder / "besoins.csv"):
        if f["niveau"] != "phase" or null(f["annee"]) is None or int(f["annee"]) not in (2015, 2016, 2017):
            continue
        entry = needs.setdefault((f["rip_id"], int(f["annee"])), [0, 0.0, 0.0])
        entry[0] += int(f["locaux"])
        entry[1] += float(f["cout_total"])
        entry[2] += float(f["part_etat"])
    assert set(phasing) == set(needs)
    for key, (premises, cost, state) in phasing.items():
        assert needs[key][0] == premises, key
        assert needs[key][1] == pytest.approx(cost, abs=0.005), key
        assert needs[key][2] == pytest.approx(state, abs=0.005), key
    expected = {("SMO-NUMERIQUE", 2015): [5, 9000.0, 4050.0], ("SMO-NUMERIQUE", 2016): [17, 18500.0, 6800.0],
                ("SMO-NUMERIQUE", 2017): [6, 14300.0, 1950.0], ("THD-NIEVRE", 2017): [2, 4400.0, 1800.0]}
    assert {k: [v[0], pytest.approx(v[1]), pytest.approx(v[2])] for k, v in phasing.items()} == expected
    total = next(f for f in features(folder / "besoins.csv") if f["niveau"] == "territoire")
    assert float(total["cout_total"]) == pytest.approx(46200) and int(total["raccordables"]) == 20


def test_the_log_says_what_is_left_out():
    import pandas as pd

    from scoran_qgis.core.costs import DEFAULT_UNIT_COSTS, read_defaults
    from scoran_qgis.core.finance import phase_schedule, schedule_notes

    premises = pd.DataFrame({"code_insee": ["58001", "58002", "58003"], "code_dep": ["58"] * 3, "nb_locaux": [4, 5, 1]})
    coverage = premises.assign(deja_thd=[False, False, True], phase_id=["P1", "P1", "P2"], zone=["RIP", "AMII", "RIP"])
    phases = pd.DataFrame({"phase_id": ["P0", "P1", "P2"], "rip_id": ["R"] * 3, "technologie": ["FTTH"] * 3,
                           "semestre_debut": ["2015-S1"] * 3, "semestre_fin": ["2015-S2"] * 3,
                           "statut": ["abandonne", "prevu", "prevu"], "cout_prevu": [None, None, "12 000"]})
    aid = pd.DataFrame({"insee_dep": ["*"], "taux": ["0,5"], "plafond_par_local": ["1000"]})
    schedule = phase_schedule(premises, coverage, phases, aid, read_defaults(DEFAULT_UNIT_COSTS))
    assert schedule["locaux"].sum() == 4 and set(schedule["phase_id"]) == {"P1"}
    notes = schedule_notes(coverage, phases, schedule)
    assert notes[0].startswith("5 locaux de communes AMII ou ZTD")
    assert notes[1].endswith(": P0.") and notes[2].endswith(": P2.")  # P2's premise is already THD
