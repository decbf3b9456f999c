"""Benchmark: 5,000 projects loaded from the store into the register dock's table model.

    xvfb-run -a .venv/bin/python scripts/bench_register.py     (prints the time; part of `make bench`)
"""

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from qgis.core import QgsApplication

    app = QgsApplication([], True)
    app.initQgis()
    from scoran_qgis.core.store import ScoranStore
    from scoran_qgis.ui.register_dock import RegisterDock

    store = ScoranStore.create(Path(tempfile.mkdtemp()) / "scoran.gpkg")
    domains = ("sante", "education", "culture", "e_administration", "autre")
    with store.transaction() as conn:
        store.insert(conn, "projets", [{"projet_id": f"PRJ-{i:05d}", "titre": f"Projet numéro {i}",
                                        "niveau": "regional", "domaine": domains[i % 5], "statut": "en_cours",
                                        "departements": "21,58", "budget": 1000.0 * i, "date_debut": "2016-01-01",
                                        "date_fin": "2018-12-31"} for i in range(5000)])
        store.insert(conn, "jalons", [{"projet_id": f"PRJ-{i:05d}", "libelle": "Lancement", "semestre": "2016-S1"}
                                      for i in range(5000)])
    dock = RegisterDock(None)
    started = time.perf_counter()
    dock.set_store(store)
    loaded = time.perf_counter() - started
    dock.resize(900, 700)
    dock.show()
    started = time.perf_counter()
    dock.proxy.set_text("numéro 49")
    dock.filter_boxes["domaine"].setCurrentIndex(dock.filter_boxes["domaine"].findData("culture"))
    app.processEvents()
    filtered = time.perf_counter() - started
    if "--markdown" in sys.argv:
        print(f"\n## Register dock\n\n5,000 projects (with milestones) loaded from the store into the "
              f"*Projets d'usages* table model in **{loaded:.2f} s**; a text + domain filter applied in "
              f"{filtered * 1000:.0f} ms ({dock.proxy.rowCount()} rows). Target: under a second.\n")
    else:
        print(f"register: 5000 projects loaded in {loaded:.2f} s, filtered in {filtered:.3f} s "
              f"({dock.proxy.rowCount()} rows shown)")
    dock.set_store(None)
    dock.close()
    dock.deleteLater()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
