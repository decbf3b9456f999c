"""`make demo`: open the sample project headless and print what it holds.

Prints the layers (valid or not, feature counts), the store's contents and the premises per
department read from the ARCEP files. The analysis chain joins in as the algorithms land.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PROJECT = ROOT / "sample_project" / "scoran_bfc.qgz"
SOURCES = ROOT / "sample_project" / "generated" / "demo"


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
    app.exitQgis()
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main())
