"""`make demo`: open the sample project headless, run the SCORAN chain on it, print the results.

Prints the project's layers and the store's contents, then runs the fixed-broadband chain
(importmci → whitezones → importbpe → prioritysites) and the THD chain (thdcoverage →
whitezoneclearing → thdtrajectory → financialneeds, saved under the semester 2015-S1 in the store)
on the demo sources into out/, prints the white-zone inventory, the THD trajectory, the financial
needs, the cost of 100 % and the white-zone clearing, then writes the semester's deliverables.
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
    from scoran_qgis.algorithms.chain import steps as chain_steps

    OUT.mkdir(exist_ok=True)
    steps = chain_steps(SOURCES, STORE, OUT, MILLESIME)
    print("\nChaîne SCORAN (haut débit fixe, très haut débit, mobile) :")
    for algorithm, parameters in steps:
        started = time.perf_counter()
        processing.run(algorithm, parameters)
        print(f"  {algorithm:<26} {time.perf_counter() - started:5.1f} s")
    inventory = pd.read_csv(OUT / "inventaire_zones_blanches.csv", dtype={"code": str})
    from scoran_qgis.core.speed_classes import NOMINAL_MBPS

    seuil, part = str(inventory["seuil"].iloc[-1]), f"{float(inventory['part_pct'].iloc[-1]):g}".replace(".", ",")
    mbps = f"{NOMINAL_MBPS[seuil]:g}".replace(".", ",")
    print(f"\nInventaire du haut débit fixe (SEUIL {seuil} : moins de {mbps} Mbit/s ; PART {part} %) :")
    print(f"  zones blanches du haut débit (locaux inéligibles ≥ {part} %) : nb_zb_haut_debit, carreaux_inel ;")
    print(f"  zones sans haut débit de qualité (locaux sous {mbps} Mbit/s ≥ {part} %) : nb_zones_blanches, "
          "carreaux_blancs")
    print(inventory[["code", "nb_locaux", "nb_inel", "pct_inel", "nb_zb_haut_debit", "carreaux_inel",
                     "nb_sous_seuil", "pct_sous_seuil", "nb_zones_blanches", "carreaux_blancs"]].to_string(index=False))
    trajectory = pd.read_csv(OUT / "trajectoire_thd.csv", dtype={"code": str})
    print("\nTrajectoire THD (% des locaux ≥ 30 Mbit/s) :")
    print(trajectory[trajectory["semestre"].isin(["2015-S1", "2017-S2", "2022-S2"])].pivot(
        index="code", columns="semestre", values="pct_thd").to_string())
    needs = pd.read_csv(OUT / "besoins_financiers.csv", dtype={"code": str})
    print("\nBesoins financiers par département (euros) :")
    print(needs[needs["niveau"].isin(["département", "territoire"])][
        ["code", "locaux", "cout_total", "part_etat", "reste_collectivites"]].round(0).to_string(index=False))
    remaining = pd.read_csv(OUT / "reste_a_planifier.csv", dtype={"code": str})
    print("\nReste à planifier (locaux dans aucun plan, coût FTTH) et coût du 100 % en 2022 (euros) :")
    totals = needs[needs["niveau"].isin(["département", "territoire"])].set_index("code")["cout_total"]
    remaining = remaining.assign(cout_100_pct=remaining["cout_total"] + remaining["code"].map(totals).fillna(0))
    print(remaining[["code", "locaux", "cout_total", "part_etat", "cout_100_pct"]].round(0).to_string(index=False))
    clearing = pd.read_csv(OUT / "resorption_departements.csv", dtype={"code": str})
    print("\nRésorption des zones blanches : locaux sous le seuil restant fin 2017 et fin 2022, semestre de "
          "résorption :")
    print(clearing[["code", "nb_sous_seuil", "reste_fin_2017_sous_seuil", "reste_fin_2022_sous_seuil",
                    "nb_sous_seuil_non_planifie", "semestre_resorption"]].to_string(index=False))
    mobile = pd.read_csv(OUT / "estimatif_mobile.csv", dtype={"code": str})
    print("\nCentres-bourgs : zones blanches mobiles et estimatif (euros) :")
    print(mobile[["code", "nb_centres", "zone_blanche_2g", "zone_blanche_3g", "nb_sites", "cout_estime",
                  "subvention_etat"]].to_string(index=False))
    started = time.perf_counter()
    result = processing.run("scoran:deliverables", {"STORE": str(STORE), "MILLESIME": MILLESIME, "ANALYSES": str(OUT),
                                                    "OUTPUT": str(OUT / "livrables")})
    print(f"\nLivrables du millésime {MILLESIME} ({time.perf_counter() - started:.1f} s) : {result['FILES']} fichiers "
          f"dans {(OUT / 'livrables').relative_to(ROOT)}/ — atlas de {result['PAGES']} pages :")
    for path in sorted((OUT / "livrables").iterdir()):
        print(f"  {path.relative_to(ROOT)}  ({path.stat().st_size // 1024} Ko)")
    print(f"\nRésultats : {OUT.relative_to(ROOT)}/")


if __name__ == "__main__":
    sys.exit(main())
