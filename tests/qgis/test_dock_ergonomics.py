"""The docks as an officer works in them (qtbot, real QGIS widgets): room for the list, dates with a
calendar, amounts grouped by thousands, linked objects by name, headers whole, a calendar legend,
one icon per toolbar action, and a sample project that opens on the region."""

from __future__ import annotations

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer
from qgis.gui import QgsDateEdit
from qgis.PyQt.QtCore import QDate, QEvent, QLocale, Qt
from qgis.PyQt.QtWidgets import QMainWindow, QStyleOptionViewItem, QToolBar, QWidget

from scoran_qgis.core import register
from scoran_qgis.ui.calendar_dock import MILESTONE_FILLS, CalendarDock
from scoran_qgis.ui.register_dock import RegisterDock
from scoran_qgis.ui.register_model import COLUMNS

LAPTOP = (1366, 768)  # a common officer's screen: the dock docked on the right of a window this size


@pytest.fixture
def store(sample_store):
    return sample_store


@pytest.fixture
def docked(qgis_iface, qtbot, store):
    """The register dock on the right of a main window of a laptop's size, shown."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QWidget())  # the map canvas's place
    window.resize(*LAPTOP)
    dock = RegisterDock(qgis_iface, window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.set_store(store)
    window.show()
    qtbot.waitExposed(window)
    yield dock
    dock.set_store(None)


@pytest.fixture
def french_qgis_locale():
    """French, with the thousands separator turned off as QGIS does by default."""
    previous = QLocale()
    locale = QLocale(QLocale.Language.French, QLocale.Country.France)
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    QLocale.setDefault(locale)
    yield QLocale(QLocale.Language.French, QLocale.Country.France).groupSeparator()
    QLocale.setDefault(previous)


def e_color(entries, label) -> str:
    return next(e["color"] for e in entries if e["label"] == label)


def rows_shown(table) -> int:
    height = table.viewport().height()
    rows = [table.visualRect(table.model().index(row, 0)) for row in range(table.model().rowCount())]
    return sum(1 for rect in rows if rect.isValid() and rect.top() >= 0 and rect.bottom() <= height)


def test_the_project_list_gets_the_room(docked):
    table = docked.table
    assert rows_shown(table) >= 10, "the list shows at least ten projects at a laptop's size"
    assert table.height() > docked.tabs.height(), "the list is taller than the record below it"
    assert table.model().index(0, 0).data() == "PRJ-001"  # ascending by identifier, not Qt's descending default


def test_dates_are_calendar_editors_and_round_trip(docked, store):
    for name in ("date_debut", "date_fin"):
        editor = docked.fields[name]
        assert isinstance(editor, QgsDateEdit) and editor.calendarPopup() and editor.allowNull()
        assert editor.displayFormat() == "dd/MM/yyyy"
    docked.select_project("PRJ-002")
    docked.fields["date_debut"].setDate(QDate(2016, 3, 14))
    docked.fields["date_fin"].clear()
    assert docked.save_form()
    saved = register.load_project(store, "PRJ-002")["projet"]
    assert saved["date_debut"] == "2016-03-14" and saved["date_fin"] is None
    docked.select_project("PRJ-001")
    docked.select_project("PRJ-002")  # read back from the store into the form
    assert docked.fields["date_debut"].date() == QDate(2016, 3, 14)
    assert docked.fields["date_debut"].text() == "14/03/2016"
    assert docked.fields["date_fin"].isNull()
    start = [name for name, _ in COLUMNS].index("date_debut")
    row = next(r for r in range(docked.proxy.rowCount()) if docked.proxy.index(r, 0).data() == "PRJ-002")
    assert docked.proxy.index(row, start).data() == "14/03/2016"


def test_milestone_dates_are_edited_with_a_calendar(docked, store):
    docked.select_project("PRJ-004")
    table = docked.milestones.table
    docked.milestones.add_row({"libelle": "Comité de pilotage"})
    row, column = table.rowCount() - 1, docked.milestones.fields.index("date_jalon")
    index = table.model().index(row, column)
    delegate = table.itemDelegateForColumn(column)
    editor = delegate.createEditor(table.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QgsDateEdit) and editor.calendarPopup()
    editor.setDate(QDate(2016, 11, 30))
    delegate.setModelData(editor, table.model(), index)
    assert table.item(row, column).text() == "30/11/2016"
    status = table.item(row, docked.milestones.fields.index("statut"))
    assert status.text() == "Prévu"  # the label, the code behind it
    assert docked.save_form()
    saved = [j for j in register.load_project(store, "PRJ-004")["jalons"] if j["libelle"] == "Comité de pilotage"]
    assert saved and saved[0]["date_jalon"] == "2016-11-30" and saved[0]["statut"] == "prevu"


def test_amounts_are_grouped_by_thousands_and_stay_numbers(french_qgis_locale, qgis_iface, qtbot, store):
    project = register.load_project(store, "PRJ-001")["projet"]
    register.save_project(store, {**project, "budget": 1234567.0})
    dock = RegisterDock(qgis_iface)
    qtbot.addWidget(dock)
    dock.set_store(store)
    try:
        dock.select_project("PRJ-001")
        column = [name for name, _ in COLUMNS].index("budget")
        row = next(r for r in range(dock.proxy.rowCount()) if dock.proxy.index(r, 0).data() == "PRJ-001")
        separator = french_qgis_locale
        assert separator.strip() == "" and len(separator) == 1  # a (narrow) no-break space in French
        assert dock.proxy.index(row, column).data() == f"1{separator}234{separator}567"
        assert dock.fields["budget"].text() == f"1{separator}234{separator}567 €"
        assert dock.model.project(dock.proxy.mapToSource(dock.proxy.index(row, 0)).row())["budget"] == 1234567.0
        assert dock.save_form()  # the form gives the number back, not its text
        with store.connection() as conn:
            assert conn.execute("SELECT budget, typeof(budget) FROM projets WHERE projet_id = 'PRJ-001'"
                                ).fetchone() == (1234567.0, "real")
    finally:
        dock.set_store(None)


def test_linked_objects_show_their_names(docked, store):
    project = register.load_project(store, "PRJ-001")
    links = project["liens"] + [{"type_objet": "commune", "cle": "89318"}, {"type_objet": "departement", "cle": "58"}]
    register.save_project(store, project["projet"], links=links)
    docked.select_project("PRJ-002")
    docked.select_project("PRJ-001")
    items = [docked.links_list.item(i).text() for i in range(docked.links_list.count())]
    assert "Commune : Quarré-les-Tombes (89318)" in items
    assert "Département : Nièvre (58)" in items
    assert "Quarré-les-Tombes (89318)" in docked.links_label.text()
    assert not any(item.endswith(": 89318") for item in items)  # never the bare code
    assert docked.tabs.tabText(2) == f"Objets liés ({len(items)})"
    # unknown keys still show, as themselves
    assert register.link_names(store, [{"type_objet": "rip", "cle": "RIP99"}])[0]["label"] == "RIP99"

    docked.links_list.item(items.index("Commune : Quarré-les-Tombes (89318)")).setSelected(True)
    assert docked.unlink_selected() == 1
    assert {"type_objet": "commune", "cle": "89318"} not in register.load_project(store, "PRJ-001")["liens"]


def test_no_header_is_cut(docked):
    def check(header):
        metrics = header.fontMetrics()
        for section in range(header.count()):
            text = header.model().headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            assert header.sectionSize(section) >= metrics.horizontalAdvance(text) + 8, text

    docked.select_project("PRJ-001")
    check(docked.table.horizontalHeader())
    docked.tabs.setCurrentIndex(1)
    check(docked.milestones.table.horizontalHeader())
    check(docked.documents.table.horizontalHeader())


def test_calendar_legend_has_one_entry_per_colour_drawn(qtbot, store):
    calendar = CalendarDock()
    qtbot.addWidget(calendar)
    calendar.set_store(store)
    calendar.resize(1200, 600)
    calendar.show()
    qtbot.waitExposed(calendar)

    def bar_colours():
        return {bar.brush().color().name() for bar in calendar.bars()}

    bars = [e for e in calendar.legend_entries if e["kind"] in ("bar", "hatched")]
    assert {e["color"] for e in bars} == bar_colours() and len(bars) == len(bar_colours())
    assert not [e for e in bars if e["label"].startswith("#")]  # every colour drawn is named, none shown as a code
    kinds = {e["label"]: e["kind"] for e in bars}
    assert kinds["Phase de RIP"] == "hatched" and kinds["Santé et télémédecine"] == "bar"  # as the bars are drawn
    phase = next(b for b in calendar.bars() if b.brush().color().name() == e_color(bars, "Phase de RIP"))
    assert phase.brush().style() == Qt.BrushStyle.BDiagPattern
    with store.connection() as conn:
        statuses = {row[0] for row in conn.execute("SELECT DISTINCT statut FROM jalons")}
    marks = [e for e in calendar.legend_entries if e["kind"] == "milestone"]
    assert {e["color"] for e in marks} == {MILESTONE_FILLS[s] for s in statuses}
    assert "Jalon atteint" in [e["label"] for e in marks]
    assert calendar.legend.isVisible() and calendar.legend_grid.count() == len(calendar.legend_entries)

    calendar.show_phases.setChecked(False)  # the legend follows what is drawn
    assert "Phase de RIP" not in [e["label"] for e in calendar.legend_entries]
    assert {e["color"] for e in calendar.legend_entries if e["kind"] in ("bar", "hatched")} == bar_colours()
    assert {e["kind"] for e in calendar.legend_entries} >= {"bar", "milestone"}


@pytest.fixture
def plugin(qgis_iface, monkeypatch):
    """The plugin loaded as QGIS loads it (pytest-qgis's iface lacks the options-page registry)."""
    from qgis.PyQt.QtCore import QCoreApplication

    import scoran_qgis

    monkeypatch.setattr(qgis_iface, "registerOptionsWidgetFactory", lambda factory: None, raising=False)
    monkeypatch.setattr(qgis_iface, "unregisterOptionsWidgetFactory", lambda factory: None, raising=False)
    loaded = scoran_qgis.classFactory(qgis_iface)
    loaded.initGui()
    yield loaded
    loaded.unload()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_each_toolbar_action_has_its_own_icon_and_a_tooltip(plugin, qgis_iface):
    toolbar = qgis_iface.mainWindow().findChild(QToolBar, "ScoranToolbar")
    actions = toolbar.actions()
    assert len(actions) == 4
    images = []
    for action in actions:
        assert not action.icon().isNull(), action.text()
        image = action.icon().pixmap(24, 24).toImage()
        assert image.width() == 24
        images.append(bytes(image.constBits().asarray(image.sizeInBytes())))
        assert action.toolTip().strip() and action.toolTip() != action.text().rstrip("…"), action.text()
    assert len(set(images)) == len(actions), "four different pictures"


def test_the_sample_project_opens_on_the_region(sample_build):
    store, path = sample_build
    project = QgsProject()
    assert project.read(str(path))
    view = project.viewSettings().defaultViewExtent()
    assert not view.isEmpty()
    assert view.crs() == QgsCoordinateReferenceSystem("EPSG:2154")
    regions = QgsVectorLayer(store.uri("regions"), "regions", "ogr")
    assert view.contains(regions.extent())
    assert view.width() < 1.2 * regions.extent().width()  # the region fills the view
    assert project.viewSettings().presetFullExtent() == view


def test_calendar_semesters_stay_in_view_when_scrolling(qtbot, store):
    from qgis.PyQt.QtWidgets import QGraphicsSimpleTextItem

    calendar = CalendarDock()
    qtbot.addWidget(calendar)
    calendar.set_store(store)
    calendar.resize(900, 400)
    calendar.show()
    qtbot.waitExposed(calendar)
    names = {item.text() for item in calendar.header_scene.items() if isinstance(item, QGraphicsSimpleTextItem)}
    assert {"2014-S1", "2015-S2", "2022-S2"} <= names
    calendar.view.verticalScrollBar().setValue(calendar.view.verticalScrollBar().maximum())  # down to the phases
    assert calendar.header_view.isVisible() and calendar.header_view.verticalScrollBar().value() == 0
    bar = calendar.view.horizontalScrollBar()
    bar.setValue(bar.maximum() // 2)
    assert bar.value() > 0 and calendar.header_view.horizontalScrollBar().value() == bar.value()
