"""Golden tests of whitezones' two categories, as the circular names them (issue 11, items 1 and 2).

- *zones blanches du haut débit* (no broadband: ineligible premises, INEL) → `pct_inel`,
  `zb_haut_debit`, grid zones of OUTPUT_ZONES_INEL (`categorie` = `sans_haut_debit`);
- *zones ne bénéficiant pas d'un haut débit de qualité* (below THRESHOLD) → `zone_blanche` (the
  contract's field, unchanged), grid zones of OUTPUT_ZONES (`categorie` = `sous_seuil`);
- every output says the THRESHOLD (`seuil`) and SHARE (`part_pct`) it was computed with.

Hand-made premises (EPSG:3035, so the 200 m cells are plain to read; cell = ix, iy of the
lower-left corner / 200). Row iy = 10 000 (y 2 000 000–2 000 200) holds cells A, B, C side by
side (ix 20 000, 20 001, 20 002), D further east (ix 20 005); E is far away (ix 20 050, iy 10 050).

| premise | commune | dep | cell | locaux | classe |
|---------|---------|-----|------|--------|--------|
| p1      | 58001   | 58  | A    | 3      | INEL   |
| p2      | 58001   | 58  | A    | 1      | HD05   |
| p3      | 58001   | 58  | A    | 2      | BHD8   |
| p4      | 58001   | 58  | B    | 2      | INEL   |
| p5      | 58001   | 58  | B    | 2      | THD100 |
| p6      | 58002   | 58  | C    | 1      | INEL   |
| p7      | 58002   | 58  | C    | 1      | HD3    |
| p8      | 58002   | 58  | D    | 2      | HD05   |
| p9      | 58002   | 58  | D    | 2      | HD3    |
| p10     | 58002   | 58  | D    | 1      | THD30  |
| p11     | 21001   | 21  | E    | 4      | HD05   |
| p12     | 21001   | 21  | E    | 1      | INEL   |
| p13     | 21001   | 21  | E    | 2      | THD1G  |
Commune 21002 has no premise.

THRESHOLD HD3, SHARE 50 (below HD3 = INEL + HD05):
- 58001: 10 locaux; INEL 3 + 2 = 5 → 50 % exactly → zb_haut_debit; below HD3 5 + 1 = 6 → 60 % →
  zone_blanche. Both flags.
- 58002: 7 locaux; INEL 1 → 14.29 %; below 1 + 2 = 3 → 42.86 %. Neither.
- 21001: 7 locaux; INEL 1 → 14.29 %; below 4 + 1 = 5 → 71.43 % → zone_blanche only.
- 21002: no premise: percentages NULL, no flag.
Cells: A 6 locaux, INEL 3 (50 %), below 4 (66.67 %); B 4, INEL 2 (50 %), below 2 (50 %);
C 2, INEL 1 (50 %), below 1 (50 %); D 5, INEL 0, below 2 (40 %); E 7, INEL 1 (14.29 %), below 5 (71.43 %).
- below-threshold zones: A+B+C (3 cells, 12 locaux, 7 below, 58.33 %, 0.12 km², dep 58) and E
  (1 cell, 7 locaux, 5 below, 71.43 %, 0.04 km², dep 21);
- INEL zones: A+B+C (3 cells, 12 locaux, 6 INEL, 50 %, 0.12 km², dep 58).
Per department: 58 → 17 locaux, 6 INEL (35.29 %), 9 below (52.94 %), 1 white area (10 locaux),
3 white cells (12 locaux), 1 no-broadband area (10 locaux), 3 INEL cells (12 locaux);
21 → 7 locaux, 1 INEL (14.29 %), 5 below (71.43 %), 1 white area (7), 1 white cell (7), none INEL.
Territory: 24 locaux, 7 INEL (29.17 %), 14 below (58.33 %), 2 white areas (17), 4 white cells (19),
1 no-broadband area (10), 3 INEL cells (12).

SHARE 50.01: 58001 keeps zone_blanche (60 %) but loses zb_haut_debit (50 % < 50.01 %); among the
cells only A (66.67 %) and E (71.43 %) stay below the threshold, and no cell is INEL.

THRESHOLD BHD8, SHARE 40 (below BHD8 = INEL + HD05 + HD3):
- 58001: below 5 + 1 = 6 / 10 = 60 % → zone_blanche; INEL 50 % → zb_haut_debit.
- 58002: below 1 + 1 + 2 + 2 = 6 / 7 = 85.71 % → zone_blanche; INEL 14.29 % → no.
- 21001: below 5 / 7 = 71.43 % → zone_blanche; INEL no.
Cells below BHD8: A 4/6, B 2/4, C 2/2, D 4/5, E 5/7, all ≥ 40 % → zones A+B+C (12 locaux, 8 below,
66.67 %), D (5, 4, 80 %), E (7, 5, 71.43 %); INEL cells A, B, C (50 % ≥ 40 %) → one zone (12, 6).
"""

from __future__ import annotations

import pytest
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

X0, Y0 = 4_000_000, 2_000_000
CELLS = {"A": (X0, Y0), "B": (X0 + 200, Y0), "C": (X0 + 400, Y0), "D": (X0 + 1_000, Y0),
         "E": (X0 + 10_000, Y0 + 10_000)}
PREMISES = [  # imb_id, commune, department, cell, locaux, classe — the table of the docstring
    ("p1", "58001", "58", "A", 3, "INEL"), ("p2", "58001", "58", "A", 1, "HD05"),
    ("p3", "58001", "58", "A", 2, "BHD8"), ("p4", "58001", "58", "B", 2, "INEL"),
    ("p5", "58001", "58", "B", 2, "THD100"), ("p6", "58002", "58", "C", 1, "INEL"),
    ("p7", "58002", "58", "C", 1, "HD3"), ("p8", "58002", "58", "D", 2, "HD05"),
    ("p9", "58002", "58", "D", 2, "HD3"), ("p10", "58002", "58", "D", 1, "THD30"),
    ("p11", "21001", "21", "E", 4, "HD05"), ("p12", "21001", "21", "E", 1, "INEL"),
    ("p13", "21001", "21", "E", 2, "THD1G"),
]
COMMUNES = {"58001": (X0 - 1_000, Y0 - 1_000, X0 + 300, Y0 + 1_000),
            "58002": (X0 + 300, Y0 - 1_000, X0 + 3_000, Y0 + 1_000),
            "21001": (X0 + 9_000, Y0 + 9_000, X0 + 11_000, Y0 + 11_000),
            "21002": (X0 + 12_000, Y0 + 9_000, X0 + 14_000, Y0 + 11_000)}

AREA_FIELDS_ADDED = ["pct_inel", "zb_haut_debit", "seuil", "part_pct"]
ZONE_FIELDS = ["zone_id", "code_dep", "nb_carreaux", "nb_locaux", "nb_sous_seuil", "pct_sous_seuil", "surface_km2",
               "categorie", "seuil", "part_pct"]
INEL_ZONE_FIELDS = ["zone_id", "code_dep", "nb_carreaux", "nb_locaux", "nb_inel", "pct_inel", "surface_km2",
                    "categorie", "seuil", "part_pct"]
SUMMARY_FIELDS = ["code", "niveau", "nb_locaux", "nb_inel", "nb_sous_seuil", "nb_bhd", "nb_thd", "nb_zones_blanches",
                  "locaux_zones_blanches", "carreaux_blancs", "locaux_carreaux_blancs", "pct_sous_seuil",
                  "pct_inel", "nb_zb_haut_debit", "locaux_zb_haut_debit", "carreaux_inel", "locaux_carreaux_inel",
                  "seuil", "part_pct"]


def run(parameters):
    from qgis import processing

    return processing.run("scoran:whitezones", parameters)


def premises_layer():
    layer = QgsVectorLayer("Point?crs=EPSG:3035", "locaux", "memory")
    layer.dataProvider().addAttributes([
        QgsField("imb_id", QVariant.String), QgsField("code_insee", QVariant.String),
        QgsField("code_dep", QVariant.String), QgsField("nb_locaux", QVariant.Int),
        QgsField("classe", QVariant.String)])
    layer.updateFields()
    features = []
    for number, (imb, insee, dep, cell, locaux, classe) in enumerate(PREMISES):
        x, y = CELLS[cell]
        feature = QgsFeature(layer.fields())
        feature.setAttributes([imb, insee, dep, locaux, classe])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x + 20 + 10 * number, y + 100)))  # inside the cell
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def communes_layer():
    layer = QgsVectorLayer("Polygon?crs=EPSG:3035", "communes", "memory")
    layer.dataProvider().addAttributes([QgsField("insee_com", QVariant.String), QgsField("nom", QVariant.String)])
    layer.updateFields()
    features = []
    for code, (x0, y0, x1, y1) in COMMUNES.items():
        feature = QgsFeature(layer.fields())
        feature.setAttributes([code, f"Commune {code}"])
        feature.setGeometry(QgsGeometry.fromPolygonXY([[QgsPointXY(x0, y0), QgsPointXY(x1, y0), QgsPointXY(x1, y1),
                                                        QgsPointXY(x0, y1)]]))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def layer_of(path):
    layer = QgsVectorLayer(str(path), "l", "ogr")
    assert layer.isValid(), path
    return layer


def null(value):
    return value is None or str(value) == "NULL"


def areas(path):
    return {f["insee_com"]: f for f in layer_of(path).getFeatures()}


def zones(path, count):
    """(nb_carreaux, nb_locaux, count, pct, surface, code_dep, categorie, seuil, part_pct), sorted."""
    pct = "pct_inel" if count == "nb_inel" else "pct_sous_seuil"
    return sorted((f["nb_carreaux"], f["nb_locaux"], f[count], f[pct], f["surface_km2"], f["code_dep"],
                   f["categorie"], f["seuil"], f["part_pct"]) for f in layer_of(path).getFeatures())


@pytest.fixture()
def full_run(provider, tmp_path):
    """THRESHOLD HD3, SHARE 50, every output asked for."""
    out = {"OUTPUT": tmp_path / "zb.gpkg", "OUTPUT_ZONES": tmp_path / "carreaux.gpkg",
           "OUTPUT_ZONES_INEL": tmp_path / "carreaux_inel.gpkg", "OUTPUT_SUMMARY": tmp_path / "inventaire.csv"}
    result = run({"INPUT": premises_layer(), "AREAS": communes_layer(), "THRESHOLD": "HD3", "SHARE": 50,
                  **{name: str(path) for name, path in out.items()}})
    return out, result


def test_areas_carry_both_categories(full_run):
    out, _ = full_run
    layer = layer_of(out["OUTPUT"])
    names = layer.fields().names()
    assert names[-len(AREA_FIELDS_ADDED):] == AREA_FIELDS_ADDED  # added after the contract's fields
    assert layer.fields().field("zb_haut_debit").type() == QVariant.Bool
    assert layer.fields().field("seuil").type() == QVariant.String
    assert layer.fields().field("pct_inel").type() == QVariant.Double
    assert layer.fields().field("part_pct").type() == QVariant.Double
    rows = areas(out["OUTPUT"])
    expected = {  # (nb_locaux, nb_inel, pct_inel, zb_haut_debit, nb_sous_seuil, pct_sous_seuil, zone_blanche)
        "58001": (10, 5, 50.0, True, 6, 60.0, True),  # INEL exactly at SHARE: counts
        "58002": (7, 1, 14.29, False, 3, 42.86, False),
        "21001": (7, 1, 14.29, False, 5, 71.43, True),  # below the threshold, not without broadband
    }
    for code, values in expected.items():
        row = rows[code]
        got = (row["nb_locaux"], row["nb_inel"], row["pct_inel"], row["zb_haut_debit"], row["nb_sous_seuil"],
               row["pct_sous_seuil"], row["zone_blanche"])
        assert got == pytest.approx(values), code
        assert (row["seuil"], row["part_pct"]) == ("HD3", 50.0)
    empty = rows["21002"]
    assert empty["nb_locaux"] == 0 and null(empty["pct_inel"]) and null(empty["pct_sous_seuil"])
    assert empty["zb_haut_debit"] is False and empty["zone_blanche"] is False
    assert rows["58001"]["nom"] == "Commune 58001"  # the areas' own attributes are kept


def test_grid_zones_of_each_category(full_run):
    out, result = full_run
    assert layer_of(out["OUTPUT_ZONES"]).fields().names()[1:] == ZONE_FIELDS  # after the GeoPackage fid
    assert layer_of(out["OUTPUT_ZONES_INEL"]).fields().names()[1:] == INEL_ZONE_FIELDS
    assert layer_of(out["OUTPUT_ZONES_INEL"]).crs().authid() == "EPSG:3035"
    assert result["OUTPUT_ZONES_INEL"]
    assert zones(out["OUTPUT_ZONES"], "nb_sous_seuil") == [
        (1, 7, 5, 71.43, 0.04, "21", "sous_seuil", "HD3", 50.0),
        (3, 12, 7, 58.33, 0.12, "58", "sous_seuil", "HD3", 50.0),
    ]
    assert zones(out["OUTPUT_ZONES_INEL"], "nb_inel") == [(3, 12, 6, 50.0, 0.12, "58", "sans_haut_debit", "HD3", 50.0)]
    inel = next(layer_of(out["OUTPUT_ZONES_INEL"]).getFeatures()).geometry()
    assert inel.area() == pytest.approx(3 * 200 * 200)
    box = inel.boundingBox()
    assert (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()) == (X0, Y0, X0 + 600, Y0 + 200)


def test_summary_per_department(full_run):
    out, _ = full_run
    layer = layer_of(out["OUTPUT_SUMMARY"])
    assert layer.fields().names() == SUMMARY_FIELDS
    rows = {f["code"]: f for f in layer.getFeatures()}
    expected = {
        "58": dict(nb_locaux=17, nb_inel=6, nb_sous_seuil=9, nb_zones_blanches=1, locaux_zones_blanches=10,
                   carreaux_blancs=3, locaux_carreaux_blancs=12, pct_sous_seuil=52.94, pct_inel=35.29,
                   nb_zb_haut_debit=1, locaux_zb_haut_debit=10, carreaux_inel=3, locaux_carreaux_inel=12),
        "21": dict(nb_locaux=7, nb_inel=1, nb_sous_seuil=5, nb_zones_blanches=1, locaux_zones_blanches=7,
                   carreaux_blancs=1, locaux_carreaux_blancs=7, pct_sous_seuil=71.43, pct_inel=14.29,
                   nb_zb_haut_debit=0, locaux_zb_haut_debit=0, carreaux_inel=0, locaux_carreaux_inel=0),
        "Ensemble": dict(nb_locaux=24, nb_inel=7, nb_sous_seuil=14, nb_zones_blanches=2, locaux_zones_blanches=17,
                         carreaux_blancs=4, locaux_carreaux_blancs=19, pct_sous_seuil=58.33, pct_inel=29.17,
                         nb_zb_haut_debit=1, locaux_zb_haut_debit=10, carreaux_inel=3, locaux_carreaux_inel=12),
    }
    assert set(rows) == set(expected)
    for code, values in expected.items():
        got = {name: float(rows[code][name]) for name in values}
        assert got == pytest.approx(values), code
        assert rows[code]["seuil"] == "HD3" and float(rows[code]["part_pct"]) == 50.0
    assert rows["Ensemble"]["niveau"] == "territoire" and rows["58"]["niveau"] == "département"


def test_a_share_just_above_the_exact_share(provider, tmp_path):
    """SHARE 50.01: the areas and cells at exactly 50 % leave the category, the others stay."""
    out = {"OUTPUT": tmp_path / "zb.gpkg", "OUTPUT_ZONES": tmp_path / "c.gpkg",
           "OUTPUT_ZONES_INEL": tmp_path / "ci.gpkg", "OUTPUT_SUMMARY": tmp_path / "s.csv"}
    run({"INPUT": premises_layer(), "AREAS": communes_layer(), "THRESHOLD": "HD3", "SHARE": 50.01,
         **{name: str(path) for name, path in out.items()}})
    rows = areas(out["OUTPUT"])
    assert rows["58001"]["zb_haut_debit"] is False and rows["58001"]["zone_blanche"] is True
    assert rows["58001"]["part_pct"] == pytest.approx(50.01)
    assert zones(out["OUTPUT_ZONES"], "nb_sous_seuil") == [
        (1, 6, 4, 66.67, 0.04, "58", "sous_seuil", "HD3", 50.01),
        (1, 7, 5, 71.43, 0.04, "21", "sous_seuil", "HD3", 50.01),
    ]
    assert layer_of(out["OUTPUT_ZONES_INEL"]).featureCount() == 0
    assert layer_of(out["OUTPUT_ZONES_INEL"]).fields().names()[1:] == INEL_ZONE_FIELDS
    total = next(f for f in layer_of(out["OUTPUT_SUMMARY"]).getFeatures() if f["code"] == "Ensemble")
    assert int(total["nb_zb_haut_debit"]) == 0 and int(total["carreaux_inel"]) == 0


def test_another_threshold_is_followed_by_the_labels(provider, tmp_path):
    """THRESHOLD BHD8, SHARE 40: `zone_blanche` and `seuil` follow them; the INEL category does not move."""
    out = {"OUTPUT": tmp_path / "zb.gpkg", "OUTPUT_ZONES": tmp_path / "c.gpkg",
           "OUTPUT_ZONES_INEL": tmp_path / "ci.gpkg", "OUTPUT_SUMMARY": tmp_path / "s.csv"}
    run({"INPUT": premises_layer(), "AREAS": communes_layer(), "THRESHOLD": "bhd8", "SHARE": 40,
         **{name: str(path) for name, path in out.items()}})
    rows = areas(out["OUTPUT"])
    got = {code: (rows[code]["nb_sous_seuil"], rows[code]["pct_sous_seuil"], rows[code]["zone_blanche"],
                  rows[code]["zb_haut_debit"], rows[code]["seuil"], rows[code]["part_pct"])
           for code in ("58001", "58002", "21001")}
    assert got == {"58001": (6, 60.0, True, True, "BHD8", 40.0), "58002": (6, 85.71, True, False, "BHD8", 40.0),
                   "21001": (5, 71.43, True, False, "BHD8", 40.0)}
    assert zones(out["OUTPUT_ZONES"], "nb_sous_seuil") == [
        (1, 5, 4, 80.0, 0.04, "58", "sous_seuil", "BHD8", 40.0),
        (1, 7, 5, 71.43, 0.04, "21", "sous_seuil", "BHD8", 40.0),
        (3, 12, 8, 66.67, 0.12, "58", "sous_seuil", "BHD8", 40.0),
    ]
    assert zones(out["OUTPUT_ZONES_INEL"], "nb_inel") == [(3, 12, 6, 50.0, 0.12, "58", "sans_haut_debit", "BHD8", 40.0)]
    summary = {f["code"]: f for f in layer_of(out["OUTPUT_SUMMARY"]).getFeatures()}
    assert {(f["seuil"], float(f["part_pct"])) for f in summary.values()} == {("BHD8", 40.0)}
    assert int(summary["Ensemble"]["nb_zones_blanches"]) == 3 and int(summary["Ensemble"]["nb_zb_haut_debit"]) == 1


def test_inel_cells_are_counted_without_their_output(provider, tmp_path):
    """The summary's INEL cells do not depend on OUTPUT_ZONES_INEL being written."""
    result = run({"INPUT": premises_layer(), "AREAS": communes_layer(), "THRESHOLD": "HD3", "SHARE": 50,
                  "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_ZONES": "TEMPORARY_OUTPUT",
                  "OUTPUT_SUMMARY": str(tmp_path / "s.csv")})
    assert not result.get("OUTPUT_ZONES_INEL")
    total = next(f for f in layer_of(tmp_path / "s.csv").getFeatures() if f["code"] == "Ensemble")
    assert (int(total["carreaux_inel"]), int(total["locaux_carreaux_inel"])) == (3, 12)
    assert not list(tmp_path.glob("*.gpkg"))


def test_contract_parameters_only(provider, tmp_path):
    """INPUT, AREAS, OUTPUT, OUTPUT_ZONES only (defaults HD3, 50 %): runs, adds the new fields, writes nothing else."""
    from qgis.core import QgsApplication

    algorithm = QgsApplication.processingRegistry().algorithmById("scoran:whitezones")
    inel = algorithm.parameterDefinition("OUTPUT_ZONES_INEL")
    assert inel.flags() & inel.FlagOptional and not inel.createByDefault()
    help_text = algorithm.shortHelpString()
    assert "zone_blanche" in help_text and "zones blanches du haut débit" in help_text
    assert "ne bénéficiant pas d'un haut débit de qualité" in help_text
    result = run({"INPUT": premises_layer(), "AREAS": communes_layer(), "OUTPUT": str(tmp_path / "zb.gpkg"),
                  "OUTPUT_ZONES": str(tmp_path / "carreaux.gpkg")})
    assert not result.get("OUTPUT_SUMMARY") and not result.get("OUTPUT_ZONES_INEL")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["carreaux.gpkg", "zb.gpkg"]
    defaults = (algorithm.parameterDefinition("THRESHOLD").defaultValue(),
                float(algorithm.parameterDefinition("SHARE").defaultValue()))
    rows = areas(tmp_path / "zb.gpkg")
    assert (rows["58001"]["seuil"], rows["58001"]["part_pct"]) == defaults
    if defaults == ("HD3", 50.0):  # a fresh profile: the hand counts above
        assert (rows["58001"]["zb_haut_debit"], rows["58001"]["zone_blanche"]) == (True, True)
        assert (rows["21001"]["zb_haut_debit"], rows["21001"]["zone_blanche"]) == (False, True)
        assert len(zones(tmp_path / "carreaux.gpkg", "nb_sous_seuil")) == 2
