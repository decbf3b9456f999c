"""`make demo`: open the sample project headless, run the SCORAN chain on it, print the results.

Prints the project's layers and the store's contents, then runs the fixed-broadband chain
(importmci → whitezones → importbpe → prioritysites) and the THD chain (thdcoverage →
thdtrajectory → financialneeds, saved under the semester 2015-S1 in the store) on the demo sources
into out/, and prints the white-zone inventory, the THD trajectory and the financial needs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PROJECT = ROOT / "sample_project" / "scoran_bfc.qgz"
STORE = ROOT / "sample_project" / "scoran_bfc.gpkg"
SOURCES = ROOT / "sample_project" / "generated" / "demo"
OUT = ROOT / "out"
MILLESIME = "2015-S1"
COVERAGE = [str(p) for p in sorted((SOURCES / "mobile").glob("*.gpkg"))]
PLANS = {"RIP_PROJECTS": f"{STORE}|layername=rip_projets", "RIP_PHASES": f"{STORE}|layername=rip_phases",
         "AMII": f"{STORE}|layername=amii_communes", "AMII_CALENDAR": f"{STORE}|layername=amii_calendrier"}


def premises_per_department(arcep_dir: Path) -> pd.DataFrame:
    rows = []
    for path in sorted(arcep_dir.glob("base_imb_*.csv.gz")):
        frame = pd.read_csv(path, sep=";", usecols=["imb_code_insee", "imb_nbr_logloc"], dtype={"imb_code_insee": str})
        rows.append({"département": path.name[9:-7], "immeubles": len(frame),
                     "locaux": int(frame["imb_nbr_logloc"].sum())})
    return pd.DataFrame(rows)


def main() -> int:
    from qgis.core import QgsApplication, QgsProject

    from scoran_qgis.core.store import ScoranStore

    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    if not project.read(str(PROJECT)):
        print(f"Projet illisible : {PROJECT}")
        return 1
    print(f"Projet : {PROJECT.relative_to(ROOT)} — {project.title()}")
    invalid = 0
    for layer in sorted(project.mapLayers().values(), key=lambda layer: layer.name()):
        state = "ok " if layer.isValid() else "INVALIDE"
        invalid += not layer.isValid()
        print(f"  {state} {layer.name():<45} {layer.featureCount():>8} entités")
    store = ScoranStore.open(ROOT / "sample_project" / "scoran_bfc.gpkg")
    print(f"\nRéférentiel SCORAN (schéma {store.schema_version()}), millésimes : {', '.join(store.millesimes())}")
    for table in ("communes", "departements", "epci", "rip_projets", "rip_phases", "amii_communes",
                  "centres_bourgs", "projets", "jalons"):
        print(f"  {table:<20} {store.count(table):>6}")
    table = premises_per_department(SOURCES / "arcep")
    print("\nLocaux par département (fichiers ARCEP « Ma connexion internet ») :")
    print(table.to_string(index=False))
    print(f"  total : {table['immeubles'].sum()} immeubles, {table['locaux'].sum()} locaux")
    fixed_broadband_chain()
    app.exitQgis()
    return 1 if invalid else 0


def fixed_broadband_chain() -> None:
    """SCORAN deliverables 1 and 2 on the demo sources, written to out/."""
    import time

    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing
    from qgis import processing
    from qgis.core import QgsApplication

    from scoran_qgis.algorithms.provider import ScoranProvider

    Processing.initialize()
    provider = ScoranProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    OUT.mkdir(exist_ok=True)
    arcep = SOURCES / "arcep"
    steps = [
        ("scoran:importmci", {"BASE_IMB": [str(p) for p in sorted(arcep.glob("base_imb_*.csv.gz"))],
                              "ELIGIBILITE": [str(p) for p in sorted(arcep.glob("actuel_*.csv.gz"))],
                              "OUTPUT": str(OUT / "locaux.gpkg")}),
        ("scoran:whitezones", {"INPUT": str(OUT / "locaux.gpkg"), "AREAS": f"{STORE}|layername=communes",
                               "OUTPUT": str(OUT / "zones_blanches_communes.gpkg"),
                               "OUTPUT_ZONES": str(OUT / "zones_blanches_carreaux.gpkg"),
                               "OUTPUT_SUMMARY": str(OUT / "inventaire_zones_blanches.csv")}),
        ("scoran:importbpe", {"BPE": [str(SOURCES / "insee" / "bpe_equipements.csv")],
                              "SIRENE": [str(SOURCES / "sirene" / "sirene_geolocalise.csv")],
                              "OUTPUT": str(OUT / "sites.gpkg")}),
        ("scoran:prioritysites", {"INPUT": str(OUT / "locaux.gpkg"), "SITES": str(OUT / "sites.gpkg"),
                                  "OUTPUT": str(OUT / "sites_prioritaires.gpkg"),
                                  "OUTPUT_SUMMARY": str(OUT / "sites_prioritaires.csv")}),
        ("scoran:thdcoverage", {"INPUT": str(OUT / "locaux.gpkg"), **PLANS, "COMMUNES": f"{STORE}|layername=communes",
                                "MILLESIME": MILLESIME, "STORE": str(STORE), "OUTPUT": str(OUT / "couverture_thd.gpkg"),
                                "OUTPUT_SUMMARY": str(OUT / "couverture_thd.csv"),
                                "OUTPUT_CHECKS": str(OUT / "controles_projets.csv")}),
        ("scoran:thdtrajectory", {"INPUT": str(OUT / "couverture_thd.gpkg"), "RIP_PHASES": PLANS["RIP_PHASES"],
                                  "MILLESIME": MILLESIME, "STORE": str(STORE),
                                  "COSTS": f"{STORE}|layername=couts_unitaires",
                                  "OUTPUT": str(OUT / "trajectoire_thd.csv"),
                                  "OUTPUT_PHASING": str(OUT / "phasage.csv"),
                                  "OUTPUT_CHANGES": str(OUT / "evolutions.csv"),
                                  "OUTPUT_CHART": str(OUT / "trajectoire_thd.png")}),
        ("scoran:financialneeds", {"INPUT": str(OUT / "couverture_thd.gpkg"), "RIP_PHASES": PLANS["RIP_PHASES"],
                                   "AID": f"{STORE}|layername=aides_departements",
                                   "COSTS": f"{STORE}|layername=couts_unitaires",
                                   "OUTPUT": str(OUT / "besoins_financiers.csv")}),
        ("scoran:mobilewhitezones", {"INPUT": f"{STORE}|layername=centres_bourgs", "COVERAGE": COVERAGE,
                                     "OUTPUT": str(OUT / "centres_bourgs.gpkg"),
                                     "OUTPUT_SUMMARY": str(OUT / "estimatif_mobile.csv")}),
        ("scoran:mobiledemand", {"INPUT": str(OUT / "sites_prioritaires.gpkg"), "COVERAGE": COVERAGE,
                                 "OUTPUT": str(OUT / "demande_4g.gpkg"),
                                 "OUTPUT_COMMUNES": str(OUT / "demande_4g.csv")}),
    ]
    print("\nChaîne haut débit fixe :")
    for algorithm, parameters in steps:
        started = time.perf_counter()
        processing.run(algorithm, parameters)
        print(f"  {algorithm:<22} {time.perf_counter() - started:5.1f} s")
    inventory = pd.read_csv(OUT / "inventaire_zones_blanches.csv", dtype={"code": str})
    print("\nInventaire des zones blanches du haut débit (locaux sous 3 Mbit/s) :")
    print(inventory[["code", "nb_locaux", "nb_sous_seuil", "pct_sous_seuil", "nb_zones_blanches",
                     "carreaux_blancs"]].to_string(index=False))
    trajectory = pd.read_csv(OUT / "trajectoire_thd.csv", dtype={"code": str})
    print("\nTrajectoire THD (% des locaux ≥ 30 Mbit/s) :")
    print(trajectory[trajectory["semestre"].isin(["2015-S1", "2017-S2", "2022-S2"])].pivot(
        index="code", columns="semestre", values="pct_thd").to_string())
    needs = pd.read_csv(OUT / "besoins_financiers.csv", dtype={"code": str})
    print("\nBesoins financiers par département (euros) :")
    print(needs[needs["niveau"].isin(["département", "territoire"])][
        ["code", "locaux", "cout_total", "part_etat", "reste_collectivites"]].round(0).to_string(index=False))
    mobile = pd.read_csv(OUT / "estimatif_mobile.csv", dtype={"code": str})
    print("\nCentres-bourgs : zones blanches mobiles et estimatif (euros) :")
    print(mobile[["code", "nb_centres", "zone_blanche_2g", "zone_blanche_3g", "nb_sites", "cout_estime",
                  "subvention_etat"]].to_string(index=False))
    print(f"\nRésultats : {OUT.relative_to(ROOT)}/")


if __name__ == "__main__":
    sys.exit(main())
