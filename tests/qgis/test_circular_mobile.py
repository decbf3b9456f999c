"""Golden tests of the officer's cost in mobilewhitezones (issue 11, item 7), computed by hand.

Rule (core/mobile.py, estimate_costs): the estimate is sites × 140 000 €; the officer's cost
(centres_bourgs.cout) replaces it when given; the State subsidy stays per site (100 000 €,
130 000 € in a mountain commune), capped by the cost retained; the rest is the collectivities'.

Two centres of the store's centres_bourgs table, both white zones (2G) for the only operator:
- 21001, not mountain, no cost entered, `recherche_site`: 1 site → estimate 140 000, retained
  140 000 (estimation), State 100 000, collectivities 40 000;
- 21002, mountain, cost entered 250 000, `pylone_construit`: 1 site → estimate 140 000, retained
  250 000 (agent), State min(130 000, 250 000) = 130 000, collectivities 120 000.
Département 21: 2 centres, 2 sites, estimate 280 000, retained 390 000, State 230 000,
collectivities 160 000, 1 officer's cost.
"""

from __future__ import annotations

import pytest
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from scoran_qgis.core.store import ScoranStore
from tests.qgis.recorder import Recorder
from tests.qgis.test_mobile import coverage, run

FAR_AWAY = "MULTIPOLYGON(((700000 6550000,710000 6550000,710000 6560000,700000 6560000,700000 6550000)))"


def point_wkb(x, y):
    from osgeo import ogr

    point = ogr.Geometry(ogr.wkbPoint)
    point.AddPoint_2D(x, y)
    return point.ExportToIsoWkb()


@pytest.fixture(scope="module")
def store_centres(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "scoran.gpkg"
    store = ScoranStore.create(path)
    with store.transaction() as conn:
        store.insert(conn, "centres_bourgs", [
            {"insee_com": "21001", "nom": "Sans coût", "liste": "arrete_2015", "statut_site": "recherche_site",
             "cout": None, "montagne": 0, "geom": point_wkb(850_000, 6_700_000)},
            {"insee_com": "21002", "nom": "Coût saisi", "liste": "arrete_2016", "statut_site": "pylone_construit",
             "cout": 250_000.0, "montagne": 1, "geom": point_wkb(860_000, 6_700_000)},
        ])
    return f"{path}|layername=centres_bourgs"


@pytest.fixture(scope="module")
def result(provider, store_centres, tmp_path_factory):
    folder = tmp_path_factory.mktemp("circular_mobile")
    run("mobilewhitezones", {"INPUT": store_centres, "COVERAGE": [coverage("Orange", "2G", FAR_AWAY)],
                             "OUTPUT": str(folder / "cb.gpkg"), "OUTPUT_SUMMARY": str(folder / "estimatif.csv")})
    return folder


def test_officer_cost_overrides_the_estimate_per_centre(result):
    layer = QgsVectorLayer(str(result / "cb.gpkg"))
    names = layer.fields().names()
    for name in ("cout", "statut_site", "nb_sites", "cout_estime", "subvention_etat", "reste_collectivites",
                 "cout_estime_sites", "cout_retenu", "source_cout"):
        assert names.count(name) == 1, name
    rows = {f["insee_com"]: f for f in layer.getFeatures()}
    plain, entered = rows["21001"], rows["21002"]
    assert plain["statut"] == entered["statut"] == "zone_blanche_2g"
    assert (plain["nb_sites"], plain["cout_estime_sites"], plain["cout_retenu"], plain["source_cout"],
            plain["subvention_etat"], plain["reste_collectivites"]) == (1, 140_000, 140_000, "estimation",
                                                                        100_000, 40_000)
    assert (entered["nb_sites"], entered["cout_estime_sites"], entered["cout_retenu"], entered["source_cout"],
            entered["subvention_etat"], entered["reste_collectivites"]) == (1, 140_000, 250_000, "agent",
                                                                            130_000, 120_000)
    assert entered["cout_estime"] == 250_000  # the contract's field: the cost the figures add up to
    assert (plain["statut_site"], entered["statut_site"]) == ("recherche_site", "pylone_construit")


def test_per_departement_estimate(result):
    summary = {(f["niveau"], f["code"]): f for f in QgsVectorLayer(str(result / "estimatif.csv")).getFeatures()}
    for key in (("département", "21"), ("territoire", "Ensemble")):
        row = summary[key]
        assert int(row["nb_centres"]) == 2 and int(row["nb_sites"]) == 2 and int(row["zone_blanche_2g"]) == 2
        assert float(row["cout_estime_sites"]) == 280_000
        assert float(row["cout_retenu"]) == float(row["cout_estime"]) == 390_000
        assert float(row["subvention_etat"]) == 230_000
        assert float(row["reste_collectivites"]) == 160_000
        assert int(row["nb_couts_agent"]) == 1


def centres_layer(rows, cost_type=QVariant.Double):
    layer = QgsVectorLayer("Point?crs=EPSG:2154", "centres", "memory")
    layer.dataProvider().addAttributes([QgsField("insee_com", QVariant.String), QgsField("nom", QVariant.String),
                                        QgsField("montagne", QVariant.Int), QgsField("sites", QVariant.Int),
                                        QgsField("cout_agent", cost_type)])
    layer.updateFields()
    features = []
    for code, (x, y), mountain, sites, cost in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([code, code, mountain, sites, cost])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_subsidy_is_capped_by_the_officer_cost_and_french_numbers_are_read(provider, tmp_path):
    from qgis import processing

    # 2 mountain sites: estimate 280 000, subsidy per site 2 × 130 000 = 260 000; the officer says
    # 200 000 (« 200 000 € »): State 200 000 (capped), collectivities 0. A centre under the
    # coverage with a cost: no site, no subsidy, the cost stays with the collectivities.
    layer = centres_layer([("25001", (850_000, 6_700_000), 1, 2, "200 000 €"),
                           ("25002", (705_000, 6_555_000), 0, 1, "50000")],
                          cost_type=QVariant.String)
    feedback = Recorder()
    processing.run("scoran:mobilewhitezones", {
        "INPUT": layer, "COVERAGE": [coverage("Orange", "2G", FAR_AWAY), coverage("Orange", "3G", FAR_AWAY)],
        "SITES_FIELD": "sites", "COST_FIELD": "cout_agent", "OUTPUT": str(tmp_path / "cb.gpkg"),
        "OUTPUT_SUMMARY": "TEMPORARY_OUTPUT"}, feedback=feedback)
    rows = {f["insee_com"]: f for f in QgsVectorLayer(str(tmp_path / "cb.gpkg")).getFeatures()}
    capped, covered = rows["25001"], rows["25002"]
    assert (capped["cout_estime_sites"], capped["cout_retenu"], capped["subvention_etat"],
            capped["reste_collectivites"]) == (280_000, 200_000, 200_000, 0)
    assert covered["statut"] == "couvert"
    assert (covered["nb_sites"], covered["cout_retenu"], covered["subvention_etat"], covered["source_cout"]) == (
        0, 50_000, 0, "agent")
    assert rows["25001"]["statut_site"] is None or str(rows["25001"]["statut_site"]) in ("", "NULL")
    assert any("1 centre(s) avec un coût saisi mais couvert" in w for w in feedback.warnings)


def test_a_named_cost_field_that_is_missing_is_refused(provider, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="cout_absent"):
        run("mobilewhitezones", {"INPUT": centres_layer([("25001", (850_000, 6_700_000), 0, 1, None)]),
                                 "COVERAGE": [coverage("Orange", "2G", FAR_AWAY)], "COST_FIELD": "cout_absent",
                                 "OUTPUT": str(tmp_path / "x.gpkg"), "OUTPUT_SUMMARY": "TEMPORARY_OUTPUT"})
