"""On the demo sample: the regional THD trajectory against independent pandas computations."""

from __future__ import annotations

import sqlite3

import pandas as pd
import pytest
from qgis.core import QgsVectorLayer

RANKS = {"INEL": 0, "HD05": 1, "HD3": 2, "BHD8": 3, "THD30": 4, "THD100": 5, "THD1G": 6}



def test_regional_trajectory(provider, demo_sources, sample_build, tmp_path):
    from qgis import processing

    # the store built from the tiny sources has the same plans as the demo one (plans do not scale)
    store, _ = sample_build
    arcep = demo_sources / "arcep"
    processing.run("scoran:importmci", {"BASE_IMB": [str(p) for p in sorted(arcep.glob("base_imb_*.csv.gz"))],
                                        "ELIGIBILITE": [str(p) for p in sorted(arcep.glob("actuel_*.csv.gz"))],
                                        "OUTPUT": str(tmp_path / "locaux.gpkg")})
    layers = {name: f"{store.path}|layername={name}" for name in
              ("rip_projets", "rip_phases", "amii_communes", "amii_calendrier", "communes")}
    processing.run("scoran:thdcoverage", {
        "INPUT": str(tmp_path / "locaux.gpkg"), "RIP_PROJECTS": layers["rip_projets"],
        "RIP_PHASES": layers["rip_phases"], "AMII": layers["amii_communes"], "AMII_CALENDAR": layers["amii_calendrier"],
        "COMMUNES": layers["communes"], "OUTPUT": str(tmp_path / "couverture.gpkg"),
        "OUTPUT_SUMMARY": "TEMPORARY_OUTPUT", "OUTPUT_CHECKS": "TEMPORARY_OUTPUT"})
    processing.run("scoran:thdtrajectory", {
        "INPUT": str(tmp_path / "couverture.gpkg"), "RIP_PHASES": layers["rip_phases"], "MILLESIME": "2015-S1",
        "OUTPUT": str(tmp_path / "trajectoire.csv"), "OUTPUT_PHASING": "TEMPORARY_OUTPUT",
        "OUTPUT_CHART": str(tmp_path / "t.png")})
    got = pd.DataFrame([{k: f[k] for k in ("code", "semestre", "locaux_thd", "nb_locaux")}
                        for f in QgsVectorLayer(str(tmp_path / "trajectoire.csv")).getFeatures()])
    region = got[got["code"] == "Ensemble"].set_index("semestre").astype({"locaux_thd": int, "nb_locaux": int})

    # 1. From the coverage layer's planned semesters, cumulated with pandas.
    with sqlite3.connect(tmp_path / "couverture.gpkg") as conn:
        coverage = pd.read_sql("SELECT nb_locaux, deja_thd, semestre_prevu FROM couverture", conn)
    already = coverage.loc[coverage["deja_thd"] == 1, "nb_locaux"].sum()
    planned = coverage[coverage["deja_thd"] == 0].dropna(subset=["semestre_prevu"])
    planned = planned.assign(
        semestre=planned["semestre_prevu"].where(planned["semestre_prevu"] >= "2015-S1", "2015-S1"))
    cumulative = planned.groupby("semestre")["nb_locaux"].sum().sort_index().cumsum()
    for semester in region.index:
        done = cumulative[cumulative.index <= semester]
        expected = already + (done.iloc[-1] if len(done) else 0)
        assert region.at[semester, "locaux_thd"] == expected, semester

    # 2. The 2022 end point from the CSVs and the store's commune lists, without any geometry.
    base = pd.concat(pd.read_csv(p, sep=";", dtype=str, keep_default_na=False)
                     for p in sorted(arcep.glob("base_imb_*")))
    base = base[base["imb_longitude"] != ""].drop_duplicates("imb_id")
    rows = pd.concat(pd.read_csv(p, sep=";", dtype=str, keep_default_na=False)
                     for p in sorted(arcep.glob("actuel_*")))
    rows = rows[rows["code_techno"].isin(["CU", "COAX", "FO"])]
    best = rows.assign(r=rows["classe_debit_descendant"].map(RANKS)).groupby("imb_id")["r"].max()
    base = base.assign(thd=base["imb_id"].map(best).fillna(0) >= 4, n=base["imb_nbr_logloc"].astype(int))
    with sqlite3.connect(store.path) as conn:
        amii = set(pd.read_sql("SELECT insee_com FROM amii_communes", conn)["insee_com"])
        thd_phases = pd.read_sql("SELECT c.insee_com FROM rip_phases_communes c JOIN rip_phases p USING (phase_id) "
                                 "WHERE p.technologie IN ('FTTH', 'THDR') AND p.semestre_fin <= '2022-S2'", conn)
    planned_communes = amii | set(thd_phases["insee_com"])
    end_point = base.loc[base["thd"] | base["imb_code_insee"].isin(planned_communes), "n"].sum()
    assert region.at["2022-S2", "nb_locaux"] == base["n"].sum()
    assert already == base.loc[base["thd"], "n"].sum()  # the THD premises of the start semester
    # overdue plans (calendar years before the millésime, not THD yet) count from the start semester
    assert region.at["2015-S1", "locaux_thd"] >= already
    # premises near a commune border may fall in the neighbour's phase polygon: within 1 %
    assert region.at["2022-S2", "locaux_thd"] == pytest.approx(end_point, rel=0.01)
