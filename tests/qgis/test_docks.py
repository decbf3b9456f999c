"""The register and calendar docks, driven like an officer would (qtbot), on a copy of the sample store."""

from __future__ import annotations

from datetime import date

import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QDate, QPoint, Qt

from scoran_qgis.core import register
from scoran_qgis.core.codes import Millesime
from scoran_qgis.ui.calendar_dock import CalendarDock
from scoran_qgis.ui.register_dock import RegisterDock
from scoran_qgis.ui.register_model import ProjectsFilter, ProjectsModel


@pytest.fixture
def store(sample_store):
    return sample_store


@pytest.fixture
def dock(qgis_iface, qtbot, store):
    widget = RegisterDock(qgis_iface)
    qtbot.addWidget(widget)
    widget.set_store(store)
    return widget


def count_in_db(store, where="1=1"):
    with store.connection() as conn:
        return conn.execute(f"SELECT count(*) FROM projets WHERE {where}").fetchone()[0]


def test_table_lists_and_filters(dock, store, qtbot):
    assert dock.proxy.rowCount() == count_in_db(store) == 40
    dock.filter_boxes["domaine"].setCurrentIndex(dock.filter_boxes["domaine"].findData("sante"))
    assert dock.proxy.rowCount() == count_in_db(store, "domaine = 'sante'")
    dock.filter_boxes["domaine"].setCurrentIndex(0)
    qtbot.keyClicks(dock.search, "lyc")  # typed key by key (QTest sends ASCII keys only)
    titles = [dock.proxy.index(r, 1).data() for r in range(dock.proxy.rowCount())]
    assert titles and all("lyc" in t.lower() for t in titles)
    dock.search.clear()
    dock.department.setText("58")
    assert dock.proxy.rowCount() == count_in_db(store, "(',' || departements || ',') LIKE '%,58,%'")
    assert dock.counts.text() == f"{dock.proxy.rowCount()} projets sur 40"
    dock.department.setText("")
    qtbot.keyClicks(dock.search, "PRJ-001")
    assert dock.proxy.rowCount() == 1 and dock.counts.text() == "1 projet sur 40"  # singular
    dock.search.clear()
    dock.department.setText("58")
    assert "Santé" in dock.counts.toolTip()  # the count by domain, also in the domain filter
    box = dock.filter_boxes["domaine"]
    health = count_in_db(store, "domaine = 'sante'")
    assert box.itemText(box.findData("sante")) == f"Santé et télémédecine ({health})"


def test_add_edit_undo_duplicate_delete(dock, store, qtbot):
    dock.new_project()
    new_id = dock.fields["projet_id"].text()
    assert new_id == "PRJ-041"
    dock.fields["titre"].setText("Tiers-lieu numérique de Clamecy")
    dock.fields["domaine"].setCurrentIndex(dock.fields["domaine"].findData("developpement_economique"))
    dock.fields["date_debut"].setDate(QDate(2016, 9, 1))
    qtbot.keyClicks(dock.fields["departements"], "58")
    assert dock.save_form()
    assert count_in_db(store) == 41 and dock.current_id() == new_id
    saved = register.load_project(store, new_id)["projet"]
    assert saved["date_debut"] == "2016-09-01" and saved["domaine"] == "developpement_economique"

    dock.fields["titre"].setText("Tiers-lieu de Clamecy")
    assert dock.save_form()
    assert register.load_project(store, new_id)["projet"]["titre"] == "Tiers-lieu de Clamecy"
    dock.undo_stack.undo()
    assert register.load_project(store, new_id)["projet"]["titre"] == "Tiers-lieu numérique de Clamecy"

    dock.fields["date_fin"].setDate(QDate(2010, 1, 1))  # before the start: refused with a message
    assert not dock.save_form()
    assert "précède" in dock.message.text()

    copy = dock.duplicate()
    assert copy == "PRJ-042" and dock.current_id() == copy
    assert dock.delete(confirm=False)
    assert count_in_db(store) == 41


def test_milestones_and_documents_edited_in_the_form(dock, store):
    dock.select_project("PRJ-004")
    count = dock.milestones.table.rowCount()
    dock.milestones.add_row({"libelle": "Comité régional", "date_jalon": "2016-05-12"})
    dock.documents.add_row({"titre": "Compte rendu du 12/05/2016", "chemin": "documents/cr_2016_05.pdf",
                            "date_document": "2016-05-12"})
    assert dock.save_form()
    data = register.load_project(store, "PRJ-004")
    assert len(data["jalons"]) == count + 1
    assert {"libelle": "Comité régional", "date_jalon": "2016-05-12"}.items() <= next(
        j for j in data["jalons"] if j["libelle"] == "Comité régional").items()
    assert data["documents"][-1]["chemin"] == "documents/cr_2016_05.pdf"
    dock.milestones.add_row({"libelle": "Sans date"})
    assert not dock.save_form() and "date ou un semestre" in dock.message.text()


def test_link_selected_features_and_show_them(dock, store, qgis_iface, qgis_canvas):
    communes = QgsVectorLayer(f"{store.path}|layername=communes", "communes", "ogr")
    QgsProject.instance().addMapLayer(communes)
    try:
        qgis_iface.setActiveLayer(communes)
        communes.selectByExpression("\"insee_com\" IN ('58062', '58086')")
        dock.select_project("PRJ-001")
        before = {link["cle"] for link in register.load_project(store, "PRJ-001")["liens"]}
        assert dock.link_selection() == len({"58062", "58086"} - before)  # no duplicate links
        keys = {link["cle"] for link in register.load_project(store, "PRJ-001")["liens"]}
        assert {"58062", "58086"} <= keys
        communes.removeSelection()
        assert dock.highlight("PRJ-001") >= 2  # hovering the row outlines the linked features
        dock.highlight(None)
        assert dock.highlights == []
        assert dock.select_linked() >= 2
        assert {f["insee_com"] for f in communes.selectedFeatures()} >= {"58062", "58086"}
    finally:
        QgsProject.instance().removeMapLayer(communes.id())


def test_calendar_draws_projects_phases_and_selects_on_click(qtbot, store, dock):
    calendar = CalendarDock()
    qtbot.addWidget(calendar)
    calendar.set_store(store)
    with store.connection() as conn:
        dated = conn.execute("SELECT count(*) FROM projets WHERE date_debut IS NOT NULL OR date_fin IS NOT NULL"
                             ).fetchone()[0]
        # the chart runs from 2014-S1 to 2022-S2, or to today when later: phases starting after are off it
        horizon = str(max(Millesime(2022, 2), Millesime.of_date(date.today())))
        phases = conn.execute("SELECT count(*) FROM rip_phases WHERE semestre_debut <= ?", (horizon,)).fetchone()[0]
        phases += conn.execute("SELECT count(DISTINCT operateurs) FROM amii_communes").fetchone()[0]
    assert len(calendar.bars()) == dated + phases
    assert calendar.today_line.line().x1() > 0  # today's line, the horizon extended to reach it
    calendar.show_phases.setChecked(False)
    assert len(calendar.bars()) == dated
    calendar.projectClicked.connect(dock.select_project)
    calendar.resize(1200, 600)
    calendar.show()
    bar = next(b for b in calendar.bars() if b.key == "PRJ-003")
    calendar.view.centerOn(bar)
    point = calendar.view.mapFromScene(bar.sceneBoundingRect().center())
    with qtbot.waitSignal(calendar.projectClicked, timeout=2000) as signal:
        qtbot.mouseClick(calendar.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(point.x(), point.y()))
    assert signal.args == ["PRJ-003"] and dock.current_id() == "PRJ-003"


def test_five_thousand_projects_fit_in_the_model():
    rows = [{"projet_id": f"PRJ-{i:05d}", "titre": f"Projet {i}", "domaine": "sante" if i % 3 else "culture",
             "niveau": "regional", "statut": "idee", "departements": "21,58" if i % 2 else "89"} for i in range(5000)]
    model = ProjectsModel()
    model.set_projects(rows)
    proxy = ProjectsFilter()
    proxy.setSourceModel(model)
    proxy.set_filter("domaine", "culture")
    assert proxy.rowCount() == len([r for r in rows if r["domaine"] == "culture"])
    proxy.set_filter("departement", "89")
    assert proxy.rowCount() == len([r for i, r in enumerate(rows) if r["domaine"] == "culture" and i % 2 == 0])


def test_a_store_held_by_another_instance_is_refused_clearly(qgis_iface, qtbot, store):
    import json
    import socket

    from scoran_qgis.core.lock import lock_path

    lock_path(store.path).write_text(json.dumps({"pid": 1, "host": socket.gethostname(), "user": "agent"}))
    other = RegisterDock(qgis_iface)
    qtbot.addWidget(other)
    other.set_store(store)
    assert other.store is None and other.proxy.rowCount() == 0
    assert "ouvert en modification par agent" in other.message.text()


def test_dock_exports_and_imports_the_register(dock, store, tmp_path):
    path = dock.export_xlsx(str(tmp_path / "registre.xlsx"))
    register.delete_project(store, "PRJ-002")
    dock.reload()
    assert dock.proxy.rowCount() == 39
    report = dock.import_xlsx(path, valid_rows_only=False)
    assert report.problems == [] and dock.proxy.rowCount() == 40
