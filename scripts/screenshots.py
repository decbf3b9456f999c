"""Screenshots of the docks on the sample project, for the README (run under Xvfb):

    xvfb-run -a .venv/bin/python scripts/screenshots.py
"""

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from qgis.core import QgsApplication

    app = QgsApplication([], True)
    app.initQgis()
    from scoran_qgis.core.store import ScoranStore
    from scoran_qgis.ui.calendar_dock import CalendarDock
    from scoran_qgis.ui.register_dock import RegisterDock

    folder = Path(tempfile.mkdtemp())
    shutil.copy(ROOT / "sample_project" / "scoran_bfc.gpkg", folder / "scoran.gpkg")
    store = ScoranStore.open(folder / "scoran.gpkg")
    register = RegisterDock(None)
    register.set_store(store)
    register.resize(900, 820)
    register.show()
    register.select_project("PRJ-001")
    calendar = CalendarDock()
    calendar.set_store(store)
    calendar.resize(1300, 700)
    calendar.show()
    app.processEvents()
    out = ROOT / "docs" / "images"
    out.mkdir(parents=True, exist_ok=True)
    register.grab().save(str(out / "dock_projets.png"))
    calendar.grab().save(str(out / "dock_calendrier.png"))
    register.set_store(None)
    for widget in (register, calendar):
        widget.close()
        widget.deleteLater()
    app.processEvents()
    print(f"écrit : {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
