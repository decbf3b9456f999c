"""Golden tests of importmci, whitezones, importbpe and prioritysites on hand-made ARCEP files.

tests/data/golden/ (written by tests/data/make_golden.py), premises counted by hand:

| imb | commune | cell | premises | eligibility rows                    | class (CU,COAX,FO) | with SAT |
|-----|---------|------|----------|-------------------------------------|--------------------|----------|
| 1   | 01001   | A    | 3        | ORAN CU HD05, SFR0 CU HD3           | HD3                | HD3      |
| 2   | 01001   | A    | 2        | ORAN CU HD05                        | HD05               | HD05     |
| 3   | 01001   | A    | 1        | none                                | INEL               | INEL     |
| 4   | 01001   | A    | 4        | ORAN CU BHD8, NRDN SAT BHD8         | BHD8               | BHD8     |
| 5   | 01001   | B    | 2        | NRDN SAT BHD8                       | INEL               | BHD8     |
| 6   | 01001   | B    | 2        | ORAN CU HD3                         | HD3                | HD3      |
| 7   | 01002   | C    | 1        | 3 operators FO THD1G + CU BHD8      | THD1G (3 THD ops)  |          |
| 8   | "1002"  | C    | 5        | SFR0 COAX THD100, ORAN CU HD3       | THD100 (1 THD op)  |          |
| 9   | 01002   | —    | 1        | ORAN CU HD3 — no coordinates        | skipped            |          |
| 7   | (again) |      |          | duplicate building                  | skipped            |          |
| 11  | 2A004   | D    | 2        | CU HD05 twice (file without operator)| HD05              |          |
| 12  | 2A004   | D    | 1        | CU BHD8                             | BHD8               |          |
Plus one eligibility row for imb 555 (01) and 999 (2A), absent from the bases.
"""

from __future__ import annotations

import gzip
import shutil

import pytest
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from scoran_qgis.core.errors import ScoranError
from scoran_qgis.core.feedback import CanceledError, RecordingFeedback
from scoran_qgis.core.mci import import_premises
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "data" / "golden"
BASES = [str(GOLDEN / "base_imb_01.csv"), str(GOLDEN / "base_imb_2A.csv")]
ELIGIBILITY = [str(GOLDEN / "actuel_01.csv"), str(GOLDEN / "actuel_2A.csv")]



def run(algorithm, parameters):
    from qgis import processing

    return processing.run(f"scoran:{algorithm}", parameters)


def features_by(layer_path, key):
    layer = QgsVectorLayer(str(layer_path), "l", "ogr")
    assert layer.isValid(), layer_path
    return {f[key]: f for f in layer.getFeatures()}


@pytest.fixture(scope="module")
def premises(provider, tmp_path_factory):
    path = tmp_path_factory.mktemp("golden") / "locaux.gpkg"
    run("importmci", {"BASE_IMB": BASES, "ELIGIBILITE": ELIGIBILITY, "OUTPUT": str(path)})
    return path


def test_import_classes_fields_and_crs(premises):
    layer = QgsVectorLayer(str(premises), "locaux", "ogr")
    assert layer.crs().authid() == "EPSG:2154"
    assert layer.featureCount() == 10
    rows = features_by(premises, "imb_id")
    assert sorted(rows) == ["1", "11", "12", "2", "3", "4", "5", "6", "7", "8"]  # imb_id is text
    expected = {"1": "HD3", "2": "HD05", "3": "INEL", "4": "BHD8", "5": "INEL", "6": "HD3", "7": "THD1G",
                "8": "THD100", "11": "HD05", "12": "BHD8"}
    assert {k: f["classe"] for k, f in rows.items()} == expected
    assert rows["7"]["debit_mbps"] == 1000 and rows["7"]["techno"] == "FO"
    assert rows["8"]["techno"] == "COAX" and rows["1"]["techno"] == "CU"
    assert rows["3"]["debit_mbps"] == 0
    assert rows["8"]["code_insee"] == "01002"  # leading zero restored
    assert rows["11"]["code_insee"] == "2A004" and rows["11"]["code_dep"] == "2A"
    assert rows["7"]["nb_operateurs_thd"] == 3 and rows["8"]["nb_operateurs_thd"] == 1
    assert rows["11"]["nb_operateurs_thd"] is None or rows["11"]["nb_operateurs_thd"] != rows["11"][
        "nb_operateurs_thd"] or str(rows["11"]["nb_operateurs_thd"]) == "NULL"  # unknown: no operator column
    assert rows["4"]["classe_sat"] == "BHD8" and rows["5"]["classe_sat"] == "BHD8"
    assert rows["7"]["classe_fo"] == "THD1G" and rows["7"]["classe_cu"] == "BHD8"
    assert rows["8"]["addr_code"] == "1002_0100_00008"
    assert sum(f["nb_locaux"] for f in rows.values()) == 23
    # Lambert-93 positions: Ain around x 850 km, Corsica around x 1 200 km
    assert 800_000 < rows["1"].geometry().asPoint().x() < 900_000
    assert rows["11"].geometry().asPoint().x() > 1_150_000


def test_import_counts_every_anomaly():
    premises = import_premises(BASES, ELIGIBILITY)
    counts = premises.report.counts
    assert counts["buildings_read"] == 12
    assert counts["no_coordinates"] == 1
    assert counts["duplicate_buildings"] == 1
    assert counts["insee_repaired"] == 1
    assert counts["elig_rows_read"] == 19
    assert counts["unknown_buildings"] == 3  # 555, 999, and the row of the building without coordinates
    assert counts["duplicate_rows"] == 1
    assert counts["no_eligibility"] == 2  # 3 (no row) and 5 (satellite only, not counted)
    text = "\n".join(premises.report.lines())
    assert "1 immeuble(s) sans coordonnées" in text and "pas de colonne code_operateur" in text


def test_satellite_counts_when_chosen():
    premises = import_premises(BASES, ELIGIBILITY, ["CU", "COAX", "FO", "SAT"]).frame.set_index("imb_id")
    assert premises.loc[5, "classe"] == "BHD8" and premises.loc[5, "techno"] == "SAT"
    assert premises.loc[3, "classe"] == "INEL"
    assert premises.loc[4, "techno"] == "CU"  # same class: the wired technology is reported


def square(x0, y0, size):
    return QgsGeometry.fromPolygonXY([[QgsPointXY(x0, y0), QgsPointXY(x0 + size, y0),
                                       QgsPointXY(x0 + size, y0 + size), QgsPointXY(x0, y0 + size)]])


def golden_communes(key_field="insee_com"):
    """Squares in EPSG:3035 around the golden cells (another CRS than the premises, on purpose)."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:3035", "communes", "memory")
    layer.dataProvider().addAttributes([QgsField(key_field, QVariant.String), QgsField("nom", QVariant.String)])
    layer.updateFields()
    features = []
    for code, x0, y0, size in (("01001", 3_899_000, 2_559_000, 1_800), ("01002", 3_904_000, 2_559_000, 2_000),
                               ("2A004", 4_249_000, 1_999_000, 2_000)):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([code, f"Commune {code}"])
        feature.setGeometry(square(x0, y0, size))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


EXPECTED_AREAS = {  # by hand from the table above
    "01001": dict(nb_locaux=14, nb_inel=3, nb_hd05=2, nb_hd3=5, nb_bhd8=4, nb_thd30=0, nb_thd100=0, nb_thd1g=0,
                  nb_sous_seuil=5, pct_sous_seuil=35.71, nb_bhd=4, nb_thd=0, zone_blanche=False),
    "01002": dict(nb_locaux=6, nb_inel=0, nb_hd05=0, nb_hd3=0, nb_bhd8=0, nb_thd30=0, nb_thd100=5, nb_thd1g=1,
                  nb_sous_seuil=0, pct_sous_seuil=0.0, nb_bhd=6, nb_thd=6, zone_blanche=False),
    "2A004": dict(nb_locaux=3, nb_inel=0, nb_hd05=2, nb_hd3=0, nb_bhd8=1, nb_thd30=0, nb_thd100=0, nb_thd1g=0,
                  nb_sous_seuil=2, pct_sous_seuil=66.67, nb_bhd=1, nb_thd=0, zone_blanche=True),
}


@pytest.mark.parametrize("key_field", ["insee_com", "identifiant"])  # INSEE join, then placement by position
def test_white_zones_per_area(provider, premises, tmp_path, key_field):
    areas = golden_communes(key_field)
    parameters = {"INPUT": str(premises), "AREAS": areas, "OUTPUT": str(tmp_path / "zones.gpkg"),
                  "OUTPUT_ZONES": str(tmp_path / "carreaux.gpkg"), "OUTPUT_SUMMARY": str(tmp_path / "dep.csv")}
    if key_field == "identifiant":
        parameters["AREA_KEY"] = "nom"  # not INSEE codes: premises are placed by their position
    run("whitezones", parameters)
    rows = features_by(tmp_path / "zones.gpkg", key_field)
    for code, expected in EXPECTED_AREAS.items():
        feature = rows[code]
        got = {name: feature[name] for name in expected}
        assert got == pytest.approx(expected), code
    layer = QgsVectorLayer(str(tmp_path / "zones.gpkg"), "z", "ogr")
    assert layer.crs().authid() == "EPSG:3035"  # the areas keep their own CRS


def test_grid_cell_exactly_at_the_share_is_white(provider, premises, tmp_path):
    outputs = {"OUTPUT": str(tmp_path / "z.gpkg"), "OUTPUT_ZONES": str(tmp_path / "c.gpkg"),
               "OUTPUT_SUMMARY": str(tmp_path / "s.csv")}
    run("whitezones", {"INPUT": str(premises), "AREAS": golden_communes(), **outputs})
    zones = QgsVectorLayer(outputs["OUTPUT_ZONES"], "c", "ogr")
    assert zones.crs().authid() == "EPSG:3035"
    found = sorted((f["nb_carreaux"], f["nb_locaux"], f["nb_sous_seuil"], f["code_dep"]) for f in zones.getFeatures())
    # cell B: 2 of 4 premises below HD3 = exactly 50 % → white; cell D: 2 of 3; cell A: 3 of 10 → not white
    assert found == [(1, 3, 2, "2A"), (1, 4, 2, "01")]
    cell_b = next(f for f in zones.getFeatures() if f["code_dep"] == "01").geometry()
    assert cell_b.area() == pytest.approx(200 * 200)
    box = cell_b.boundingBox()
    assert (box.xMinimum(), box.yMinimum()) == (3_900_200, 2_560_000)  # exact INSPIRE cell edges

    run("whitezones", {"INPUT": str(premises), "AREAS": golden_communes(), "SHARE": 50.01, **outputs})
    zones = QgsVectorLayer(outputs["OUTPUT_ZONES"], "c", "ogr")
    assert [f["code_dep"] for f in zones.getFeatures()] == ["2A"]


def test_department_summary(provider, premises, tmp_path):
    summary = tmp_path / "dep.csv"
    run("whitezones", {"INPUT": str(premises), "AREAS": golden_communes(), "OUTPUT": "TEMPORARY_OUTPUT",
                       "OUTPUT_ZONES": "TEMPORARY_OUTPUT", "OUTPUT_SUMMARY": str(summary)})
    rows = {f["code"]: f for f in QgsVectorLayer(str(summary), "s", "ogr").getFeatures()}
    assert int(rows["01"]["nb_locaux"]) == 20 and int(rows["01"]["nb_sous_seuil"]) == 5
    assert int(rows["2A"]["nb_locaux"]) == 3 and int(rows["2A"]["nb_zones_blanches"]) == 1
    assert int(rows["Ensemble"]["nb_locaux"]) == 23 and int(rows["Ensemble"]["nb_sous_seuil"]) == 7
    assert float(rows["Ensemble"]["pct_sous_seuil"]) == pytest.approx(30.43, abs=0.01)


def premise_points(premises):
    return {f["imb_id"]: f.geometry().asPoint() for f in QgsVectorLayer(str(premises), "p", "ogr").getFeatures()}


def test_priority_sites(provider, premises, tmp_path):
    points = premise_points(premises)
    sites = QgsVectorLayer("Point?crs=EPSG:2154", "sites", "memory")
    sites.dataProvider().addAttributes([QgsField("nom", QVariant.String), QgsField("TYPEQU", QVariant.String),
                                        QgsField("DEPCOM", QVariant.String)])
    sites.updateFields()
    placed = {  # name: (near building, dx, dy, TYPEQU)
        "école": ("2", 0, 8, "C104"),       # 8 m from 2 (HD05), farther from 1 → HD05, below threshold
        "mairie isolée": ("6", 0, 150, "A206"),  # nothing within 100 m
        "médecin": ("3", 0, 0, "D201"),     # on 3 (INEL) → no broadband
        "lycée": ("7", 5, 0, "C301"),       # THD1G
    }
    features = []
    for name, (building, dx, dy, typequ) in placed.items():
        feature = QgsFeature(sites.fields())
        feature.setAttributes([name, typequ, None])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(points[building].x() + dx, points[building].y() + dy)))
        features.append(feature)
    sites.dataProvider().addFeatures(features)
    run("prioritysites", {"INPUT": str(premises), "SITES": sites, "OUTPUT": str(tmp_path / "sites.gpkg"),
                          "OUTPUT_SUMMARY": str(tmp_path / "resume.csv")})
    rows = features_by(tmp_path / "sites.gpkg", "nom")
    assert rows["école"]["classe"] == "HD05" and rows["école"]["sous_seuil"] and not rows["école"]["sans_haut_debit"]
    assert rows["école"]["distance_m"] == pytest.approx(8, abs=0.01)
    assert rows["école"]["categorie"] == "ecoles" and rows["école"]["insee_com"] == "01001"
    assert str(rows["mairie isolée"]["classe"]) == "NULL" or rows["mairie isolée"]["classe"] is None
    assert rows["médecin"]["classe"] == "INEL" and rows["médecin"]["sans_haut_debit"]
    assert rows["médecin"]["categorie"] == "sante"
    assert rows["lycée"]["classe"] == "THD1G" and not rows["lycée"]["sous_seuil"]
    assert rows["lycée"]["TYPEQU"] == "C301"  # the site's own attributes are kept
    summary = {(f["niveau"], f["code"], f["categorie"]): f
               for f in QgsVectorLayer(str(tmp_path / "resume.csv"), "s", "ogr").getFeatures()}
    dep01 = summary[("département", "01", "sante")]
    assert int(dep01["nb_sites"]) == 1 and int(dep01["nb_sans_haut_debit"]) == 1
    assert int(summary[("territoire", "Ensemble", "services_publics")]["nb_sans_local_proche"]) == 1

    run("prioritysites", {"INPUT": str(premises), "SITES": sites, "MAX_DISTANCE": 200,
                          "OUTPUT": str(tmp_path / "sites200.gpkg"), "OUTPUT_SUMMARY": "TEMPORARY_OUTPUT"})
    assert features_by(tmp_path / "sites200.gpkg", "nom")["mairie isolée"]["classe"] == "HD3"


def test_import_bpe_and_sirene(provider, tmp_path):
    bpe = tmp_path / "bpe.csv"
    bpe.write_text("REG;DEP;DEPCOM;DCIRIS;AN;TYPEQU;LAMBERT_X;LAMBERT_Y;QUALITE_XY\n"
                   "84;01;01001;01001;2015;C104;850000.0;6560000.0;Bonne\n"
                   "84;01;1001;01001;2015;C104;850100.0;6560000.0;Bonne\n"
                   "84;01;01001;01001;2015;B101;850200.0;6560000.0;Bonne\n"  # a shop: not a priority site
                   "94;2A;2A004;2A004;2015;C501;1190000.0;6110000.0;Bonne\n", encoding="utf-8")
    sirene = tmp_path / "sirene.csv"
    sirene.write_text("siret,x,y,qualite_xy,epsg,plg_code_commune,y_latitude,x_longitude\n"
                      "12345678900011,850000.0,6560500.0,11,2154,01001,,\n"
                      "12345678900029,4.91,46.15,11,4326,01001,,\n"
                      "12345678900029,4.91,46.15,11,4326,01001,,\n", encoding="utf-8")
    out = tmp_path / "sites.gpkg"
    run("importbpe", {"BPE": [str(bpe)], "SIRENE": [str(sirene)], "OUTPUT": str(out)})
    rows = features_by(out, "site_id")
    assert sorted(rows) == ["12345678900011", "12345678900029", "BPE-01001-C104-001", "BPE-01001-C104-002",
                            "BPE-2A004-C501-001"]
    assert rows["BPE-2A004-C501-001"]["categorie"] == "enseignement_superieur"  # prefix rule C5*
    assert rows["BPE-01001-C104-002"]["insee_com"] == "01001"
    assert rows["12345678900011"]["categorie"] == "entreprises"
    wgs = rows["12345678900029"].geometry().asPoint()  # WGS84 row reprojected to Lambert-93
    assert 840_000 < wgs.x() < 900_000 and 6_540_000 < wgs.y() < 6_580_000


# --- bad input -------------------------------------------------------------------------------------

def write(path, text, encoding="utf-8"):
    path.write_text(text, encoding=encoding)
    return str(path)


BASE_HEADER = (GOLDEN / "base_imb_01.csv").read_text(encoding="utf-8").splitlines()[0]
ELIG_TEXT = (GOLDEN / "actuel_01.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize(("content", "message"), [
    ("", "est vide"),
    (BASE_HEADER + "\n", "aucun immeuble"),
    (BASE_HEADER.replace("imb_nbr_logloc", "nb") + "\n1;1;1;x;01001;1;ban;pav;a;;1;;r;;01001;c;f;ban\n",
     "colonne imb_nbr_logloc"),
    (ELIG_TEXT, "colonne imb_longitude ou imb_x"),  # the eligibility file given as the base
])
def test_bad_base_files_are_refused_and_nothing_is_written(provider, tmp_path, content, message):
    base = write(tmp_path / "base_imb_01.csv", content)
    out = tmp_path / "out.gpkg"
    with pytest.raises(QgsProcessingException, match=message) as error:
        run("importmci", {"BASE_IMB": [base], "ELIGIBILITE": ELIGIBILITY[:1], "OUTPUT": str(out)})
    assert "base_imb_01.csv" in str(error.value) or message == "aucun immeuble"
    assert not out.exists()
    assert not list(tmp_path.glob("*.gpkg"))


def test_comma_separated_and_latin1_and_gzip_files_are_read(tmp_path):
    text = (GOLDEN / "base_imb_01.csv").read_text(encoding="utf-8").replace(";", ",")
    base = write(tmp_path / "base_imb_01.csv", text.replace("Grande Rue", "Rue de l'Église"), "latin-1")
    elig = tmp_path / "actuel_01.csv.gz"
    with gzip.open(elig, "wt", encoding="utf-8") as handle:
        handle.write(ELIG_TEXT)
    feedback = RecordingFeedback()
    premises = import_premises([base], [str(elig)], feedback=feedback)
    assert len(premises.frame) == 8
    assert any("séparateur « , »" in w for w in feedback.warnings)
    assert any("Latin-1" in w for w in feedback.warnings)


def test_unknown_technology_and_threshold_are_refused(provider, premises, tmp_path):
    with pytest.raises(QgsProcessingException, match="Technologies inconnues : FIBRE"):
        run("importmci", {"BASE_IMB": BASES, "ELIGIBILITE": ELIGIBILITY, "TECHNOLOGIES": "CU,FIBRE",
                          "OUTPUT": str(tmp_path / "x.gpkg")})
    with pytest.raises(QgsProcessingException, match="Seuil inconnu"):
        run("whitezones", {"INPUT": str(premises), "AREAS": golden_communes(), "THRESHOLD": "4G",
                           "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_ZONES": "TEMPORARY_OUTPUT",
                           "OUTPUT_SUMMARY": "TEMPORARY_OUTPUT"})
    assert not (tmp_path / "x.gpkg").exists()


def test_whitezones_refuses_a_layer_that_is_not_premises(provider, tmp_path):
    with pytest.raises(QgsProcessingException, match="importmci"):
        run("whitezones", {"INPUT": golden_points_without_fields(), "AREAS": golden_communes(),
                           "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_ZONES": "TEMPORARY_OUTPUT",
                           "OUTPUT_SUMMARY": "TEMPORARY_OUTPUT"})


def golden_points_without_fields():
    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=nom:string", "p", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(850000, 6560000)))
    layer.dataProvider().addFeatures([feature])
    return layer


def test_cancel_leaves_no_output(tmp_path):
    from scoran_qgis.core import gpkg

    feedback = RecordingFeedback(cancel_after_progress=0.0)
    with pytest.raises(CanceledError):
        import_premises(BASES, ELIGIBILITY, feedback=feedback, progress=lambda step, f: feedback.setProgress(1))
    premises = import_premises(BASES, ELIGIBILITY)
    frame = premises.frame
    out = tmp_path / "out.gpkg"
    with pytest.raises(CanceledError):
        gpkg.write_points(out, "locaux", {"imb_id": ("TEXT", frame["imb_id"].astype(str).to_numpy(object))},
                          frame["x"].to_numpy(), frame["y"].to_numpy(), 2154, feedback=feedback)
    assert list(tmp_path.iterdir()) == []


def test_missing_file_gives_a_named_error(tmp_path):
    with pytest.raises(ScoranError, match="introuvable"):
        import_premises([str(tmp_path / "base_imb_99.csv")], ELIGIBILITY)
    shutil.copy(BASES[0], tmp_path / "base.csv")
    with pytest.raises(ScoranError, match="Aucun fichier d'éligibilité"):
        import_premises([str(tmp_path / "base.csv")], [])


def test_overseas_premises_use_their_projection(tmp_path):
    """La Réunion (974) is projected in RGR92 / UTM 40S (EPSG:2975), not Lambert-93."""
    base = write(tmp_path / "base_imb_974.csv", BASE_HEADER + "\n"
                 "1;6172700.00;-2380800.00;IMB/97411/X/0001;97411;4;ban;pav;97411_0100_00001;;1;;Rue de Paris;;"
                 "97411;Saint-Denis;974110100;ban\n")
    elig = write(tmp_path / "actuel_974.csv", ELIG_TEXT.splitlines()[0] + "\n"
                 "1;97411_0100_00001;IMB/97411/X/0001;ORAN;FO;THD1G;THD1G;;false\n")
    premises = import_premises([base], [elig])
    assert premises.epsg == 2975
    row = premises.frame.iloc[0]
    assert row["code_dep"] == "974" and row["classe"] == "THD1G"
    assert 300_000 < row["x"] < 400_000 and 7_650_000 < row["y"] < 7_700_000  # UTM 40S around Saint-Denis
