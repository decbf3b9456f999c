"""Dock « Calendrier »: a Gantt chart by semester of the usage projects, their milestones and the
RIP phases; today's line; clicking a bar selects the project."""

from __future__ import annotations

from datetime import date

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QCoreApplication, QPointF, QRectF, Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QFont, QPen, QPolygonF
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLineEdit,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ..core import register
from ..core.calendar import PROJECT, initiative_rows
from ..core.codes import Millesime
from ..core.palettes import ALERT, BLACK, GRID_LINE, SEMESTER_SHADES, WHITE

FIRST, LAST = Millesime(2014, 1), Millesime(2022, 2)  # the SCORAN horizon; extended to today when later
ROW_HEIGHT, LABEL_WIDTH = 18, 260


def _tr(text: str) -> str:
    return QCoreApplication.translate("ScoranCalendar", text)


def semester_position(value, end: bool = False) -> float | None:
    """Semesters from FIRST (fractional) of an ISO date or an `AAAA-Sn`; the end of a semester when `end`."""
    if not value:
        return None
    try:
        semester = Millesime.parse(value)
        return semester.index - FIRST.index + (1 if end else 0)
    except Exception:  # noqa: BLE001 — not a semester: try a date
        pass
    if not register.is_date(value):
        return None
    day = date.fromisoformat(value)
    semester = Millesime.of_date(day)
    span = (semester.end - semester.start).days + 1
    return semester.index - FIRST.index + (day - semester.start).days / span


class _Bar(QGraphicsRectItem):
    def __init__(self, rect, key: str, tooltip: str):
        super().__init__(rect)
        self.key = key
        self.setToolTip(tooltip)


class CalendarDock(QgsDockWidget):
    projectClicked = pyqtSignal(str)  # noqa: N815

    def __init__(self, parent=None):
        super().__init__(_tr("Calendrier"), parent)
        self.setObjectName("ScoranCalendarDock")
        self.store = None
        self.rows: list[dict] = []
        body = QWidget()
        layout = QVBoxLayout(body)
        tools = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(_tr("Filtrer (titre, domaine, projet RIP…)"))
        self.search.textChanged.connect(self.redraw)
        tools.addWidget(self.search)
        self.show_phases = QCheckBox(_tr("Phases RIP et AMII"))
        self.show_phases.setChecked(True)
        self.show_phases.toggled.connect(self.redraw)
        tools.addWidget(self.show_phases)
        self.zoom = QSlider(Qt.Orientation.Horizontal)
        self.zoom.setRange(20, 200)
        self.zoom.setValue(60)
        self.zoom.valueChanged.connect(self.redraw)
        tools.addWidget(self.zoom)
        layout.addLayout(tools)
        self.scene = QGraphicsScene(self)
        self.view = QGraphicsView(self.scene)
        self.view.mousePressEvent = self._clicked
        layout.addWidget(self.view)
        self.setWidget(body)

    def set_store(self, store) -> None:
        self.store = store
        self.reload()

    def reload(self) -> None:
        """Rows: every project (with its milestones), then every RIP phase and AMII calendar."""
        self.rows = initiative_rows(self.store) if self.store is not None else []
        for row in self.rows:
            if row["kind"] != PROJECT:
                row["kind"] = "phase"  # the « Phases RIP et AMII » check box shows or hides both
        self.redraw()

    def visible_rows(self) -> list[dict]:
        text = self.search.text().strip().lower()
        return [row for row in self.rows
                if (row["kind"] == "projet" or self.show_phases.isChecked())
                and (not text or text in (row["search"] + " " + row["label"]).lower())]

    def redraw(self) -> None:
        self.scene.clear()
        width = self.zoom.value()
        last = max(LAST, Millesime.of_date(date.today()))
        semesters = last.index - FIRST.index + 1
        font = QFont("DejaVu Sans", 7)
        for number in range(semesters):  # semester columns
            semester = Millesime.from_index(FIRST.index + number)
            x = LABEL_WIDTH + number * width
            self.scene.addRect(QRectF(x, 0, width, ROW_HEIGHT), QPen(QColor(GRID_LINE)),
                               QBrush(QColor(SEMESTER_SHADES[semester.half - 1])))
            text = self.scene.addSimpleText(str(semester), font)
            text.setPos(x + 2, 2)
        rows = self.visible_rows()
        for line, row in enumerate(rows, start=1):
            y = line * ROW_HEIGHT
            label = self.scene.addSimpleText(row["label"][:45], font)
            label.setPos(2, y + 3)
            start = semester_position(row["start"])
            end = semester_position(row["end"], end=True)
            if start is None and end is None:
                continue
            start = start if start is not None else end - 0.2
            end = end if end is not None else start + 0.2
            start, end = max(start, 0), min(end, semesters)
            if end <= start:
                continue
            bar = _Bar(QRectF(LABEL_WIDTH + start * width, y + 3, (end - start) * width, ROW_HEIGHT - 6), row["key"],
                       f"{row['label']}\n{row['start'] or '?'} → {row['end'] or '?'}")
            bar.setBrush(QBrush(QColor(row["color"])))
            bar.setPen(QPen(Qt.PenStyle.NoPen))
            self.scene.addItem(bar)
            for milestone in row["milestones"]:
                position = semester_position(milestone.get("date_jalon") or milestone.get("semestre"),
                                             end=not milestone.get("date_jalon"))
                if position is None or not 0 <= position <= semesters:
                    continue
                cx, cy = LABEL_WIDTH + position * width, y + ROW_HEIGHT / 2
                diamond = QPolygonF()
                for dx, dy in ((0, -6), (6, 0), (0, 6), (-6, 0)):
                    diamond.append(QPointF(cx + dx, cy + dy))
                item = self.scene.addPolygon(diamond, QPen(QColor(BLACK)), QBrush(QColor(
                    BLACK if milestone.get("statut") == "atteint" else WHITE)))
                item.setToolTip(f"{milestone['libelle']} ({milestone.get('statut')})")
        today = semester_position(date.today().isoformat())
        if today is not None and 0 <= today <= semesters:
            x = LABEL_WIDTH + today * width
            self.today_line = self.scene.addLine(x, 0, x, (len(rows) + 1) * ROW_HEIGHT, QPen(QColor(ALERT), 2))
            self.today_line.setToolTip(_tr("Aujourd'hui"))
        self.scene.setSceneRect(self.scene.itemsBoundingRect())

    def bars(self) -> list:
        return [item for item in self.scene.items() if isinstance(item, _Bar)]

    def _clicked(self, event):
        item = self.view.itemAt(event.pos())
        if isinstance(item, _Bar):
            self.projectClicked.emit(item.key)
        QGraphicsView.mousePressEvent(self.view, event)
