"""White-zone clearing (scoran:whitezoneclearing): golden territory counted by hand, the workbooks' sheets, a
département's deliverable, an analyses folder from before the clearing, and the demo against pandas.

Golden territory (EPSG:2154, 1 km square communes side by side, threshold HD3: INEL and HD05 are below it):
- 58001 Alpha (dep 58), RIP58: phase P1 FTTH 2016-S1 → 2017-S1 on its west half, phase P2 MED 2016-S1 → 2018-S2
  on its east half. a1 2 INEL, a2 3 HD05, a3 4 BHD8 (P1); a4 1 INEL, a5 5 HD3, a6 2 HD05 (P2).
- 58002 Beta (dep 58), in the RIP58 perimeter; phase P3 FTTH 2021-S1 → 2022-S2 on its north half only.
  b1 3 INEL (south: in no phase), b2 2 HD05 and b3 1 THD100 (P3).
- 21001 Gamma (dep 21), AMII: calendar 2016: 3 premises, completion 2020. g20 2 INEL, g21 1 HD05 (2016-S2 by the
  calendar), g22 4 HD05 (2020-S2), g23 3 THD30 (already THD).
- 21002 Delta (dep 21), no plan: d1 2 INEL, d2 1 HD05, d3 6 BHD8.  21003 Epsilon: e1 4 BHD8.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from qgis.core import QgsVectorLayer

from tests.qgis.test_thd import INT, TEXT, box, layer, run

X0, Y0 = 800_000, 6_700_000
COMMUNES = [("58001", "Alpha", "58"), ("58002", "Beta", "58"), ("21001", "Gamma", "21"), ("21002", "Delta", "21"),
            ("21003", "Epsilon", "21")]
PREMISES = [  # imb_id, commune, locaux, class, x, y (offsets from X0, Y0)
    ("a1", "58001", 2, "INEL", 100, 100), ("a2", "58001", 3, "HD05", 200, 200), ("a3", "58001", 4, "BHD8", 300, 300),
    ("a4", "58001", 1, "INEL", 700, 100), ("a5", "58001", 5, "HD3", 800, 200), ("a6", "58001", 2, "HD05", 900, 800),
    ("b1", "58002", 3, "INEL", 1200, 200), ("b2", "58002", 2, "HD05", 1300, 800),
    ("b3", "58002", 1, "THD100", 1400, 900),
    ("g20", "21001", 2, "INEL", 2100, 100), ("g21", "21001", 1, "HD05", 2200, 200),
    ("g22", "21001", 4, "HD05", 2300, 300), ("g23", "21001", 3, "THD30", 2400, 400),
    ("d1", "21002", 2, "INEL", 3100, 100), ("d2", "21002", 1, "HD05", 3200, 200), ("d3", "21002", 6, "BHD8", 3300, 300),
    ("e1", "21003", 4, "BHD8", 4500, 500),
]
SITES = [  # site_id, category, x, y: the nearest premise within 100 m
    ("s1", "ecoles", 150, 100),  # a1, 50 m: FTTH P1 → 2017-S1
    ("s2", "sante", 800, 250),  # a5: MED P2 → no THD date
    ("s3", "services_publics", 1400, 950),  # b3: already THD
    ("s4", "ecoles", 9000, 9000),  # nothing within 100 m
    ("s5", "ecoles", 3100, 150),  # d1: no plan
    ("s6", "entreprises", 1200, 250),  # b1: RIP, no phase (a business: not in « Sites sans date »)
    ("s7", "colleges_lycees", 2300, 350),  # g22: AMII 2020-S2
]


def square(x0, y0, x1, y1):
    return box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


def golden_layers():
    communes = layer("Polygon", [("insee_com", TEXT), ("nom", TEXT), ("insee_dep", TEXT)], [
        (square(1000 * i, 0, 1000 * (i + 1), 1000), values) for i, values in enumerate(COMMUNES)], crs="EPSG:2154")
    premises = layer("Point", [("imb_id", TEXT), ("code_insee", TEXT), ("code_dep", TEXT), ("nb_locaux", INT),
                               ("classe", TEXT)],
                     [(f"POINT({X0 + x} {Y0 + y})", (imb, code, code[:2], n, klass))
                      for imb, code, n, klass, x, y in PREMISES], crs="EPSG:2154")
    projects = layer("Polygon", [("rip_id", TEXT), ("nom", TEXT), ("departements", TEXT)],
                     [(square(0, 0, 2000, 1000), ("RIP58", "Nièvre", "58"))], crs="EPSG:2154")
    phase_fields = [("phase_id", TEXT), ("rip_id", TEXT), ("technologie", TEXT), ("semestre_debut", TEXT),
                    ("semestre_fin", TEXT), ("locaux_prevus", INT), ("statut", TEXT)]
    phases = layer("Polygon", phase_fields, [
        (square(0, 0, 500, 1000), ("RIP58-P1", "RIP58", "FTTH", "2016-S1", "2017-S1", 9, "en_cours")),
        (square(500, 0, 1000, 1000), ("RIP58-P2", "RIP58", "MED", "2016-S1", "2018-S2", 8, "prevu")),
        (square(1000, 500, 2000, 1000), ("RIP58-P3", "RIP58", "FTTH", "2021-S1", "2022-S2", 3, "prevu")),
    ], crs="EPSG:2154")
    amii = layer("None", [("insee_com", TEXT), ("operateurs", TEXT), ("convention_signee", INT),
                          ("annee_fin_prevue", INT)], [(None, ("21001", "Orange", 1, 2020))])
    calendar = layer("None", [("insee_com", TEXT), ("annee", INT), ("locaux_prevus", INT)],
                     [(None, ("21001", 2016, 3))])
    sites = layer("Point", [("site_id", TEXT), ("categorie", TEXT)],
                  [(f"POINT({X0 + x} {Y0 + y})", (sid, cat)) for sid, cat, x, y in SITES], crs="EPSG:2154")
    return {"communes": communes, "premises": premises, "RIP_PROJECTS": projects, "RIP_PHASES": phases,
            "AMII": amii, "AMII_CALENDAR": calendar, "sites": sites}


OUTPUT_FILES = {"OUTPUT_PHASES": "resorption_phases.csv", "OUTPUT_COMMUNES": "resorption_communes.gpkg",
                "OUTPUT_CELLS": "resorption_carreaux.gpkg", "OUTPUT_DEPARTMENTS": "resorption_departements.csv",
                "OUTPUT_SITES": "sites_dates_thd.csv"}


@pytest.fixture(scope="module")
def golden(provider, tmp_path_factory):
    folder = tmp_path_factory.mktemp("resorption")
    layers = golden_layers()
    plan = {k: layers[k] for k in ("RIP_PROJECTS", "RIP_PHASES", "AMII", "AMII_CALENDAR")}
    run("thdcoverage", {"INPUT": layers["premises"], **plan, "OUTPUT": str(folder / "couverture_thd.gpkg"),
                        "OUTPUT_SUMMARY": str(folder / "couverture_thd.csv"),
                        "OUTPUT_CHECKS": str(folder / "controles.csv")})
    result = run("whitezoneclearing", {"INPUT": str(folder / "couverture_thd.gpkg"),
                                       "RIP_PHASES": layers["RIP_PHASES"], "COMMUNES": layers["communes"],
                                       "SITES": layers["sites"], "THRESHOLD": "HD3", "MAX_DISTANCE": 100,
                                       **{k: str(folder / v) for k, v in OUTPUT_FILES.items()}})
    return folder, result


def csv(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


COUNTS = ["nb_locaux", "nb_sans_haut_debit", "nb_sous_seuil", "reste_fin_2017_sans_haut_debit",
          "reste_fin_2017_sous_seuil", "reste_fin_2022_sans_haut_debit", "reste_fin_2022_sous_seuil",
          "nb_sous_seuil_non_planifie"]
# by hand (see the module's docstring): locaux, sans HD, sous seuil, reste 2017 (sans HD, sous seuil),
# reste 2022 (sans HD, sous seuil), sous seuil sans plan, semestre de résorption
EXPECTED_COMMUNES = {
    "58001": (17, 3, 8, 1, 3, 0, 0, 0, "2018-S2"),  # a4 + a6 (MED, 2018-S2) after 2017
    "58002": (6, 3, 5, 3, 5, 3, 3, 3, "non_planifie"),  # b1 in no phase; b2 at 2022-S2
    "21001": (10, 2, 7, 0, 4, 0, 0, 0, "2020-S2"),  # g22 at 2020-S2
    "21002": (9, 2, 3, 2, 3, 2, 3, 3, "non_planifie"),
    "21003": (4, 0, 0, 0, 0, 0, 0, 0, "rien_a_resorber"),
}
EXPECTED_DEPARTMENTS = {
    "58": (23, 6, 13, 4, 8, 3, 3, 3, "non_planifie"),
    "21": (23, 4, 10, 2, 7, 2, 3, 3, "non_planifie"),
    "Ensemble": (46, 10, 23, 6, 15, 5, 6, 6, "non_planifie"),
}


def test_communes_by_hand(golden):
    folder, _ = golden
    layer_ = QgsVectorLayer(str(folder / "resorption_communes.gpkg"), "c", "ogr")
    assert layer_.isValid() and layer_.featureCount() == 5
    got = {f["insee_com"]: (*(int(f[c]) for c in COUNTS), f["semestre_resorption"]) for f in layer_.getFeatures()}
    assert got == EXPECTED_COMMUNES
    names = {f["insee_com"]: (f["nom"], f["insee_dep"]) for f in layer_.getFeatures()}
    assert names["58001"] == ("Alpha", "58") and names["21003"] == ("Epsilon", "21")


def test_departments_by_hand(golden):
    folder, _ = golden
    table = csv(folder / "resorption_departements.csv")
    got = {row["code"]: (*(int(row[c]) for c in COUNTS), row["semestre_resorption"]) for _, row in table.iterrows()}
    assert got == EXPECTED_DEPARTMENTS
    assert set(table["seuil"]) == {"HD3"}


def test_phases_by_hand(golden):
    """Per phase × département at its end semester; FTTH and MED apart; AMII premises in none."""
    folder, _ = golden
    table = csv(folder / "resorption_phases.csv")
    phases = table[table["niveau"] == "phase"]
    got = {row["phase_id"]: (row["technologie"], row["code_dep"], row["semestre"], int(row["nb_locaux"]),
                             int(row["locaux_sans_haut_debit"]), int(row["locaux_sous_seuil"]))
           for _, row in phases.iterrows()}
    assert got == {"RIP58-P1": ("FTTH", "58", "2017-S1", 9, 2, 5),
                   "RIP58-P2": ("MED", "58", "2018-S2", 8, 1, 3),
                   "RIP58-P3": ("FTTH", "58", "2022-S2", 3, 0, 2)}
    totals = table[table["niveau"] == "total"].set_index("technologie")
    assert (int(totals.at["FTTH", "locaux_sans_haut_debit"]), int(totals.at["FTTH", "locaux_sous_seuil"])) == (2, 7)
    assert (int(totals.at["MED", "locaux_sans_haut_debit"]), int(totals.at["MED", "locaux_sous_seuil"])) == (1, 3)


def test_sites_by_hand(golden):
    folder, _ = golden
    table = csv(folder / "sites_dates_thd.csv").set_index("site_id")
    assert table["semestre_thd"].to_dict() == {
        "s1": "2017-S1", "s2": "non_planifie", "s3": "deja_thd", "s4": "sans_local_proche", "s5": "non_planifie",
        "s6": "non_planifie", "s7": "2020-S2"}
    assert "MED" in table.at["s2", "motif"] and "RIP58-P2" in table.at["s2", "motif"]
    assert "100 m" in table.at["s4", "motif"]
    assert table.at["s5", "zone"] == "aucun" and "RIP58" in table.at["s6", "motif"]
    assert table.at["s1", "motif"] == "" and float(table.at["s1", "distance_m"]) == 50.0


def lambert_to_laea(x, y):
    from osgeo import osr

    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(2154)
    target.ImportFromEPSG(3035)
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    points = osr.CoordinateTransformation(source, target).TransformPoints(list(zip(x, y)))
    return np.array([p[0] for p in points]), np.array([p[1] for p in points])


def test_cells_are_the_inspire_cells(golden):
    """Cells: INSEE's 200 m ids of the premises below the threshold, their counts and semesters (independent
    projection and grouping)."""
    folder, _ = golden
    frame = pd.DataFrame(PREMISES, columns=["imb", "code", "n", "classe", "x", "y"])
    below = frame[frame["classe"].isin(["INEL", "HD05"])].copy()
    gx, gy = lambert_to_laea(X0 + below["x"].to_numpy(float), Y0 + below["y"].to_numpy(float))
    below["id"] = [f"CRS3035RES200mN{int(y // 200) * 200}E{int(x // 200) * 200}" for x, y in zip(gx, gy)]
    when = {"a1": "2017-S1", "a2": "2017-S1", "a4": "2018-S2", "a6": "2018-S2", "b1": None, "b2": "2022-S2",
            "g20": "2016-S2", "g21": "2016-S2", "g22": "2020-S2", "d1": None, "d2": None}
    below["when"] = below["imb"].map(when)
    expected = {}
    for cell, group in below.groupby("id"):
        semester = "non_planifie" if group["when"].isna().any() else max(group["when"])
        expected[cell] = (int(group["n"].sum()), int(group.loc[group["classe"] == "INEL", "n"].sum()), semester)
    layer_ = QgsVectorLayer(str(folder / "resorption_carreaux.gpkg"), "c", "ogr")
    assert layer_.crs().authid() == "EPSG:3035"
    got = {f["idcar_200m"]: (f["nb_sous_seuil"], f["nb_sans_haut_debit"], f["semestre_resorption"])
           for f in layer_.getFeatures()}
    assert got == expected
    feature = next(layer_.getFeatures())
    assert abs(feature.geometry().area() - 40_000) < 1e-6


def test_unknown_threshold_is_refused(golden, tmp_path):
    from qgis.core import QgsProcessingException

    folder, _ = golden
    layers = golden_layers()
    with pytest.raises(QgsProcessingException, match="Seuil inconnu"):
        run("whitezoneclearing", {"INPUT": str(folder / "couverture_thd.gpkg"), "RIP_PHASES": layers["RIP_PHASES"],
                                  "COMMUNES": layers["communes"], "THRESHOLD": "XX",
                                  **{k: str(tmp_path / v) for k, v in OUTPUT_FILES.items()}})


def test_bad_inputs_are_named(golden, tmp_path):
    """A coverage without the phase field, phases without their end semester: a French message naming the
    field, no traceback, no output left."""
    from qgis.core import QgsProcessingException

    folder, _ = golden
    layers = golden_layers()
    outputs = {k: str(tmp_path / v) for k, v in OUTPUT_FILES.items()}
    with pytest.raises(QgsProcessingException, match="phase_id") as raised:
        run("whitezoneclearing", {"INPUT": layers["premises"], "RIP_PHASES": layers["RIP_PHASES"],
                                  "COMMUNES": layers["communes"], **outputs})
    assert "Traceback" not in str(raised.value)
    phases = layer("None", [("phase_id", TEXT), ("rip_id", TEXT), ("technologie", TEXT),
                            ("semestre_debut", TEXT)], [(None, ("RIP58-P1", "RIP58", "FTTH", "2016-S1"))])
    with pytest.raises(QgsProcessingException, match="semestre_fin"):
        run("whitezoneclearing", {"INPUT": str(folder / "couverture_thd.gpkg"), "RIP_PHASES": phases,
                                  "COMMUNES": layers["communes"], **outputs})
    assert not list(tmp_path.iterdir())


# --- deliverables: the sample (tiny) territory, computed from the sources as child algorithms -------------------


def independent_remaining(coverage: pd.DataFrame, phases: pd.DataFrame, threshold_classes=("INEL", "HD05")):
    """Per département: premises without broadband / below the threshold, and those untreated at the end of 2017
    and 2022 — written here in plain pandas, from the definition, not with the plugin's code."""
    def valid(text):
        return isinstance(text, str) and len(text) == 7 and text[4:6] == "-S" and text[6] in "12"

    phases = phases[phases["statut"].fillna("").str.strip().str.lower() != "abandonne"]
    ends = {p: e for p, s, e in zip(phases["phase_id"], phases["semestre_debut"], phases["semestre_fin"])
            if valid(s) and valid(e) and e >= s}
    rows = []
    for row in coverage.itertuples():
        candidates = []
        if valid(row.semestre_prevu):
            candidates.append(row.semestre_prevu)
        if row.zone == "RIP" and row.phase_id in ends:
            candidates.append(ends[row.phase_id])
        treated = "0000-S0" if row.deja_thd else (min(candidates) if candidates else None)
        inel = row.nb_locaux if row.classe == "INEL" else 0
        below = row.nb_locaux if row.classe in threshold_classes else 0
        rows.append((row.code_dep, inel, below,
                     *((inel, below) if treated is None or treated > "2017-S2" else (0, 0)),
                     *((inel, below) if treated is None or treated > "2022-S2" else (0, 0))))
    frame = pd.DataFrame(rows, columns=["code", "nb_sans_haut_debit", "nb_sous_seuil",
                                        "reste_fin_2017_sans_haut_debit", "reste_fin_2017_sous_seuil",
                                        "reste_fin_2022_sans_haut_debit", "reste_fin_2022_sous_seuil"])
    return frame.groupby("code").sum()


def read_coverage(path) -> pd.DataFrame:
    with sqlite3.connect(path) as conn:
        table = conn.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").fetchone()[0]
        frame = pd.read_sql(f'SELECT code_dep, nb_locaux, classe, zone, phase_id, semestre_prevu, deja_thd '
                            f'FROM "{table}"', conn)
    frame["deja_thd"] = frame["deja_thd"].fillna(0).astype(bool)
    return frame


def store_phases(store_path) -> pd.DataFrame:
    with sqlite3.connect(store_path) as conn:
        return pd.read_sql("SELECT phase_id, semestre_debut, semestre_fin, statut FROM rip_phases", conn)


def check_departments(analyses: Path, store_path: Path):
    expected = independent_remaining(read_coverage(analyses / "couverture_thd.gpkg"), store_phases(store_path))
    table = pd.read_csv(analyses / "resorption_departements.csv", dtype={"code": str}).set_index("code")
    departments = table[table["niveau"] == "département"]
    assert sorted(departments.index) == sorted(expected.index)
    for column in expected.columns:
        assert departments[column].to_dict() == expected[column].to_dict(), column
        assert int(table.at["Ensemble", column]) == int(expected[column].sum()), column


@pytest.fixture(scope="module")
def deliverables(provider, sample_build, tiny_sources, tmp_path_factory):
    folder = tmp_path_factory.mktemp("livrables_resorption")
    store_path = folder / "scoran.gpkg"
    shutil.copy(sample_build[0].path, store_path)
    wanted = [0, 1]  # inventaire_zones_blanches, sites_prioritaires
    common = {"STORE": str(store_path), "MILLESIME": "2015-S1", "ANALYSES": str(folder / "analyses"),
              "ATLAS": False, "WORKBOOKS": wanted}
    from qgis import processing

    processing.run("scoran:deliverables", {**common, "SOURCES": str(tiny_sources), "OUTPUT": str(folder / "region")})
    processing.run("scoran:deliverables", {**common, "DEPARTEMENTS": "58", "OUTPUT": str(folder / "nievre")})
    return folder, store_path


def sheet_rows(path, name):
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    rows = list(book[name].iter_rows(values_only=True))
    return rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]


def test_chain_writes_the_clearing(deliverables):
    folder, store_path = deliverables
    analyses = folder / "analyses"
    assert all((analyses / name).exists() for name in OUTPUT_FILES.values())
    check_departments(analyses, store_path)


def test_inventory_sheets_read_back(deliverables):
    folder, store_path = deliverables
    analyses = folder / "analyses"
    expected = independent_remaining(read_coverage(analyses / "couverture_thd.gpkg"), store_phases(store_path))
    path = folder / "region" / "inventaire_zones_blanches.xlsx"
    _, rows = sheet_rows(path, "Reste à traiter")
    departments = {r["Code"]: r for r in rows if r["Niveau"] == "département"}
    assert set(departments) == set(expected.index)
    for code, row in departments.items():
        assert row["Reste fin 2022 : sous 3 Mbit/s"] == expected.at[code, "reste_fin_2022_sous_seuil"]
        assert row["Reste fin 2017 : sans haut débit"] == expected.at[code, "reste_fin_2017_sans_haut_debit"]
    total = next(r for r in rows if r["Niveau"] == "territoire")
    assert total["Sous 3 Mbit/s"] == int(expected["nb_sous_seuil"].sum())
    headers, phases = sheet_rows(path, "Résorption par phase")
    assert "Sous 3 Mbit/s traités" in headers
    kept = [r for r in phases if r["Niveau"] == "phase"]
    whole = next(r for r in phases if r["Niveau"] == "total")
    assert whole["Sous 3 Mbit/s traités"] == sum(r["Sous 3 Mbit/s traités"] for r in kept)
    readme = " ".join(str(v) for r in sheet_rows(path, "Lisez-moi")[1] for v in r.values() if v)
    assert "traité au semestre S" in readme and "MED" in readme


def test_departement_deliverable_holds_only_it(deliverables):
    folder, store_path = deliverables
    expected = independent_remaining(read_coverage(folder / "analyses" / "couverture_thd.gpkg"),
                                     store_phases(store_path))
    path = folder / "nievre" / "inventaire_zones_blanches.xlsx"
    _, rows = sheet_rows(path, "Reste à traiter")
    assert {r["Code"] for r in rows if r["Niveau"] == "département"} == {"58"}
    assert all(str(r["Code"]).startswith("58") for r in rows if r["Niveau"] == "commune")
    assert not [r for r in rows if r["Niveau"] == "territoire"]  # one département: its row is the total
    row = next(r for r in rows if r["Niveau"] == "département")
    assert row["Sous 3 Mbit/s"] == expected.at["58", "nb_sous_seuil"]
    _, phases = sheet_rows(path, "Résorption par phase")
    kept = [r for r in phases if r["Niveau"] == "phase"]
    assert kept and {r["Département"] for r in kept} == {"58"}
    assert next(r for r in phases if r["Niveau"] == "total")["Sous 3 Mbit/s traités"] == sum(
        r["Sous 3 Mbit/s traités"] for r in kept)
    headers, sites = sheet_rows(folder / "nievre" / "sites_prioritaires.xlsx", "Sites")
    assert "Semestre THD prévu" in headers
    assert sites and all(str(r["Code INSEE"]).startswith("58") for r in sites)
    _, undated = sheet_rows(folder / "nievre" / "sites_prioritaires.xlsx", "Sites sans date")
    assert all(r["Semestre THD prévu"] in ("non_planifie", "sans_local_proche") for r in undated)
    assert all(r["Catégorie"] != "entreprises" and str(r["Code INSEE"]).startswith("58") for r in undated)


def test_older_analyses_folder_without_clearing(deliverables, tmp_path):
    """An analyses folder from before the clearing, and no sources: the deliverables are still written, the
    read-me says the clearing was not computed."""
    from qgis import processing

    folder, store_path = deliverables
    old = tmp_path / "analyses"
    shutil.copytree(folder / "analyses", old)
    for name in OUTPUT_FILES.values():
        (old / name).unlink()
    processing.run("scoran:deliverables", {"STORE": str(store_path), "MILLESIME": "2015-S1", "ANALYSES": str(old),
                                           "ATLAS": False, "WORKBOOKS": [0, 1], "OUTPUT": str(tmp_path / "out")})
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "out" / "inventaire_zones_blanches.xlsx", read_only=True)
    assert "Reste à traiter" not in book.sheetnames
    readme = " ".join(str(r[0]) for r in book["Lisez-moi"].iter_rows(values_only=True) if r[0])
    assert "non calculée" in readme

