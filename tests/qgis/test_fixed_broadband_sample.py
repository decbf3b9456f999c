"""On the demo sample: the plugin's per-commune counts equal an independent pandas computation."""

from __future__ import annotations

import pandas as pd
from qgis.core import QgsFeatureRequest, QgsVectorLayer

from tests.conftest import TERRITORY

RANKS = {"INEL": 0, "HD05": 1, "HD3": 2, "BHD8": 3, "THD30": 4, "THD100": 5, "THD1G": 6}



def expected_per_commune(sources) -> pd.DataFrame:
    """Straight pandas, whole files in memory: the reference the chunked import must match."""
    base = pd.concat(pd.read_csv(p, sep=";", dtype=str, keep_default_na=False)
                     for p in sorted((sources / "arcep").glob("base_imb_*.csv.gz")))
    base = base[(base["imb_longitude"] != "") & (base["imb_latitude"] != "")].drop_duplicates("imb_id")
    rows = pd.concat(pd.read_csv(p, sep=";", dtype=str, keep_default_na=False)
                     for p in sorted((sources / "arcep").glob("actuel_*.csv.gz")))
    rows = rows[rows["code_techno"].isin(["CU", "COAX", "FO"])]
    best = rows.assign(rank=rows["classe_debit_descendant"].map(RANKS)).groupby("imb_id")["rank"].max()
    base = base.assign(rank=base["imb_id"].map(best).fillna(0).astype(int), n=base["imb_nbr_logloc"].astype(int))
    return pd.DataFrame({
        "nb_locaux": base.groupby("imb_code_insee")["n"].sum(),
        "nb_inel": base[base["rank"] == 0].groupby("imb_code_insee")["n"].sum(),
        "nb_sous_seuil": base[base["rank"] < 2].groupby("imb_code_insee")["n"].sum(),
        "nb_thd": base[base["rank"] >= 4].groupby("imb_code_insee")["n"].sum(),
    }).fillna(0).astype(int)


def test_per_commune_counts_match_pandas(provider, demo_sources, tmp_path):
    from qgis import processing

    premises = tmp_path / "locaux.gpkg"
    processing.run("scoran:importmci", {
        "BASE_IMB": [str(p) for p in sorted((demo_sources / "arcep").glob("base_imb_*.csv.gz"))],
        "ELIGIBILITE": [str(p) for p in sorted((demo_sources / "arcep").glob("actuel_*.csv.gz"))],
        "OUTPUT": str(premises)})
    processing.run("scoran:whitezones", {
        "INPUT": str(premises), "AREAS": f"{TERRITORY}|layername=communes", "OUTPUT": str(tmp_path / "zb.gpkg"),
        "OUTPUT_ZONES": str(tmp_path / "carreaux.gpkg"), "OUTPUT_SUMMARY": str(tmp_path / "dep.csv")})
    layer = QgsVectorLayer(str(tmp_path / "zb.gpkg"), "zb", "ogr")
    got = pd.DataFrame([{k: f[k] for k in ("insee_com", "nb_locaux", "nb_inel", "nb_sous_seuil", "nb_thd")}
                        for f in layer.getFeatures()]).set_index("insee_com")
    expected = expected_per_commune(demo_sources)
    assert len(got) == 3685
    got = got.loc[expected.index]
    pd.testing.assert_frame_equal(got.astype(int).sort_index(), expected.sort_index(), check_names=False)
    zones = QgsVectorLayer(str(tmp_path / "carreaux.gpkg"), "z", "ogr")
    assert zones.featureCount() > 100
    assert sum(f["nb_locaux"] for f in zones.getFeatures()) > 0


def test_memory_layer_input_gives_the_same_counts(provider, demo_sources, tmp_path):
    """Reading a layer through QGIS (selection, filters, any provider) equals the bulk GeoPackage path."""
    from qgis import processing

    base = sorted((demo_sources / "arcep").glob("base_imb_2*.csv.gz"))[:1]
    elig = sorted((demo_sources / "arcep").glob("actuel_2*.csv.gz"))[:1]
    premises = tmp_path / "locaux.gpkg"
    processing.run("scoran:importmci", {"BASE_IMB": [str(p) for p in base], "ELIGIBILITE": [str(p) for p in elig],
                                        "OUTPUT": str(premises)})
    memory = QgsVectorLayer(str(premises), "locaux", "ogr").materialize(QgsFeatureRequest())
    summaries = []
    for source in (str(premises), memory):
        out = processing.run("scoran:whitezones", {
            "INPUT": source, "AREAS": f"{TERRITORY}|layername=departements", "AREA_KEY": "insee_dep",
            "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_ZONES": "TEMPORARY_OUTPUT",
            "OUTPUT_SUMMARY": str(tmp_path / f"summary{len(summaries)}.csv")})
        table = QgsVectorLayer(out["OUTPUT_SUMMARY"], "s", "ogr")
        summaries.append(sorted((f["code"], int(f["nb_locaux"]), int(f["nb_sous_seuil"])) for f in table.getFeatures()))
    assert summaries[0] == summaries[1]
    assert summaries[0][0][1] > 1000
