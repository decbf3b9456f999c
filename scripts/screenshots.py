"""Screenshots of the plugin in a real QGIS desktop window, on the sample project (for the README):

    .venv/bin/python scripts/screenshots.py          # needs xvfb-run (package xvfb) and /usr/bin/qgis

Builds the sample project into a temporary folder (from sample_project/generated/demo and a copy of
the sample store), makes a throw-away QGIS profile with the plugin enabled and French as the
language, then starts QGIS itself under Xvfb with `--code` running the script below inside it: open
the project, show the « Projets d'usages » and « Calendrier » docks, wait for the map, save
docs/images/qgis_projet_exemple.png (the whole window), dock_projets.png and dock_calendrier.png (the
docks as laid out in that window), and docs/images/screenshots.json (what was measured there: map
scale and extent, rows shown, toolbar). Then QGIS quits.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "sample_project"))
OUT = ROOT / "docs" / "images"
SOURCES = ROOT / "sample_project" / "generated" / "demo"
STORE = ROOT / "sample_project" / "scoran_bfc.gpkg"
SCREEN = (1680, 1050)
PROJECT_SHOWN = "PRJ-001"  # selected in the register: dated, funded, linked to communes

# Runs inside QGIS (`qgis --code`): `iface` is the real one. Paths come through the environment.
INSIDE = r'''
import json
import os

from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QApplication, QDockWidget, QTableView, QToolBar
from qgis.utils import iface

OUT = os.environ["SCORAN_SHOTS_OUT"]
REPORT = {}


def step(delay, action):
    QTimer.singleShot(delay, action)


def docks():
    window = iface.mainWindow()
    return (window.findChild(QDockWidget, "ScoranRegisterDock"), window.findChild(QDockWidget, "ScoranCalendarDock"))


def size(name):
    return int(os.environ[f"SCORAN_SHOTS_{name}"])


def open_project():
    window = iface.mainWindow()
    window.setGeometry(QApplication.primaryScreen().availableGeometry())  # no window manager to maximise it
    REPORT["project_opened"] = iface.addProject(os.environ["SCORAN_SHOTS_PROJECT"])
    browser = window.findChild(QDockWidget, "Browser")
    if browser is not None:
        browser.hide()  # the layers panel gets the height
    register, calendar = docks()
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, register)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, calendar)
    register.show()  # the plugin opens the store of its settings in both docks
    calendar.show()
    step(1500, arrange_window)


def arrange_window():
    window = iface.mainWindow()
    register, calendar = docks()
    layers = window.findChild(QDockWidget, "Layers")
    if layers is not None:
        window.resizeDocks([layers], [size("LAYERS_WIDTH")], Qt.Orientation.Horizontal)
    window.resizeDocks([register], [size("REGISTER_WIDTH")], Qt.Orientation.Horizontal)
    window.resizeDocks([calendar], [size("CALENDAR_HEIGHT")], Qt.Orientation.Vertical)
    register.select_project(os.environ["SCORAN_SHOTS_PROJECT_ID"])
    register.tabs.currentWidget().ensureWidgetVisible(register.fields["date_fin"], 50, 10)  # budget, dates, links
    step(4000, shoot_window)  # the map renders


def shoot_window():
    window = iface.mainWindow()
    register, calendar = docks()
    canvas = iface.mapCanvas()
    geometry = window.frameGeometry()
    QApplication.primaryScreen().grabWindow(0, geometry.x(), geometry.y(), geometry.width(),
                                            geometry.height()).save(os.path.join(OUT, "qgis_projet_exemple.png"))
    toolbar = window.findChild(QToolBar, "ScoranToolbar")
    extent = canvas.extent()
    REPORT.update({
        "qgis_version": Qgis.QGIS_VERSION,
        "qgis_window": [window.width(), window.height()],
        "map_scale": round(canvas.scale()),
        "map_extent": [round(v) for v in (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(),
                                          extent.yMaximum())],
        "map_crs": canvas.mapSettings().destinationCrs().authid(),
        "window_register_dock": [register.width(), register.height()],
        "window_register_rows_shown": visible_rows(register.table),
        "window_calendar_dock": [calendar.width(), calendar.height()],
        "toolbar": [{"text": a.text(), "tooltip": a.toolTip()} for a in toolbar.actions()] if toolbar else [],
    })
    calendar.hide()  # the register alone on the right, full height, as when editing projects
    step(1000, arrange_register)


def arrange_register():
    register, _ = docks()
    iface.mainWindow().resizeDocks([register], [size("REGISTER_ALONE_WIDTH")], Qt.Orientation.Horizontal)
    step(1000, lambda: register.tabs.currentWidget().ensureWidgetVisible(register.fields["date_fin"], 50, 10))
    step(1500, shoot_register)


def shoot_register():
    register, calendar = docks()
    register.grab().save(os.path.join(OUT, "dock_projets.png"))
    REPORT.update({
        "register_dock": [register.width(), register.height()],
        "register_rows_shown": visible_rows(register.table),
        "register_projects": register.proxy.rowCount(),
        "register_selected": register.current_id(),
        "register_budget_field": register.fields["budget"].text(),
        "register_start_field": register.fields["date_debut"].text(),
        "linked_objects": [register.links_list.item(i).text() for i in range(register.links_list.count())],
    })
    register.hide()  # the calendar alone at the bottom, as when reviewing the plan
    calendar.show()
    step(1000, arrange_calendar)


def arrange_calendar():
    _, calendar = docks()
    iface.mainWindow().resizeDocks([calendar], [size("CALENDAR_ALONE_HEIGHT")], Qt.Orientation.Vertical)
    step(1000, show_projects_and_phases)


def show_projects_and_phases():
    """Scrolled to where the last usage projects meet the first RIP phases: both kinds of bars in view."""
    _, calendar = docks()
    first_phase = next((row["key"] for row in calendar.visible_rows() if row["kind"] != "projet"), None)
    bar = next((b for b in calendar.bars() if b.key == first_phase), None)
    if bar is not None:
        calendar.view.centerOn(bar)
        calendar.view.horizontalScrollBar().setValue(calendar.view.horizontalScrollBar().minimum())
    step(800, shoot_calendar)


def shoot_calendar():
    _, calendar = docks()
    calendar.grab().save(os.path.join(OUT, "dock_calendrier.png"))
    REPORT.update({
        "calendar_dock": [calendar.width(), calendar.height()],
        "calendar_bars": len(calendar.bars()),
        "calendar_legend": [entry["label"] for entry in calendar.legend_entries],
    })
    with open(os.path.join(OUT, "screenshots.json"), "w", encoding="utf-8") as handle:
        json.dump(REPORT, handle, ensure_ascii=False, indent=1)
    QgsProject.instance().setDirty(False)
    step(500, quit_qgis)


def visible_rows(table: QTableView) -> int:
    rows = 0
    for row in range(table.model().rowCount()):
        rect = table.visualRect(table.model().index(row, 0))
        if rect.isValid() and rect.top() >= 0 and rect.bottom() <= table.viewport().height():
            rows += 1
    return rows


def quit_qgis():
    QgsProject.instance().clear()
    iface.actionExit().trigger()
    step(10000, lambda: os._exit(0))  # QGIS did not close: the files are written


step(2000, open_project)
'''


def build_sample(folder: Path) -> Path:
    """The sample project as `make sample` builds it, written into `folder` with a copy of the store."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # this side needs no display
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    import build_project

    from scoran_qgis.core.store import ScoranStore

    shutil.copy(STORE, folder / "scoran_bfc.gpkg")
    project = folder / "scoran_bfc.qgz"
    build_project.build_project(ScoranStore.open(folder / "scoran_bfc.gpkg"), SOURCES, project)
    app.exitQgis()
    return project


def make_profile(folder: Path, store: Path) -> Path:
    """A throw-away QGIS profile: the plugin linked and enabled, French, the sample store in its settings."""
    profile = folder / "profiles" / "default"
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True)
    (plugins / "scoran_qgis").symlink_to(ROOT / "scoran_qgis")
    (profile / "QGIS").mkdir()
    (profile / "QGIS" / "QGIS3.ini").write_text(
        "[PythonPlugins]\nscoran_qgis=true\n\n"
        "[locale]\noverrideFlag=true\nuserLocale=fr_FR\nglobalLocale=fr_FR\n\n"
        f"[scoran_qgis]\nstore_path={store}\n\n"
        "[qgis]\ncheckVersion=false\nshowTips=false\n", encoding="utf-8")
    return folder


def main() -> int:
    if not (SOURCES / "manifest.json").exists() or not STORE.exists():
        print("Projet exemple absent : lancez d'abord  make sample")
        return 1
    folder = Path(tempfile.mkdtemp(prefix="scoran-screenshots-"))
    project = build_sample(folder)
    make_profile(folder, folder / "scoran_bfc.gpkg")
    (folder / "inside.py").write_text(INSIDE, encoding="utf-8")
    OUT.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "SCORAN_SHOTS_OUT": str(OUT), "SCORAN_SHOTS_PROJECT": str(project),
           "SCORAN_SHOTS_PROJECT_ID": PROJECT_SHOWN, "SCORAN_SHOTS_LAYERS_WIDTH": "260",
           "SCORAN_SHOTS_REGISTER_WIDTH": "560", "SCORAN_SHOTS_CALENDAR_HEIGHT": "380",
           "SCORAN_SHOTS_REGISTER_ALONE_WIDTH": "640", "SCORAN_SHOTS_CALENDAR_ALONE_HEIGHT": "560"}
    env.pop("QT_QPA_PLATFORM", None)  # a real (virtual) X display, not offscreen
    qgis = shutil.which("qgis.bin") or shutil.which("qgis")
    command = ["xvfb-run", "-a", "-s", f"-screen 0 {SCREEN[0]}x{SCREEN[1]}x24", qgis, "--noversioncheck",
               "--nologo", "--profiles-path", str(folder),
               "--code", str(folder / "inside.py")]
    report = OUT / "screenshots.json"
    report.unlink(missing_ok=True)
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if not report.exists():
        print(result.stdout[-3000:], result.stderr[-3000:], sep="\n")
        return 1
    print(json.dumps(json.loads(report.read_text(encoding="utf-8")), ensure_ascii=False, indent=1))
    print(f"écrit : {OUT}")
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
