"""Dock « Calendrier »: a Gantt chart by semester of the usage projects, their milestones and the
RIP phases; today's line; clicking a bar selects the project."""

from __future__ import annotations

from datetime import date

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QCoreApplication, QPoint, QPointF, QRect, QRectF, QSize, Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen, QPixmap, QPolygonF
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ..core import register
from ..core.calendar import PROJECT, initiative_rows
from ..core.codes import Millesime
from ..core.errors import ScoranError
from ..core.palettes import (
    ABANDONED_COLOR,
    ALERT,
    AMII_COLOR,
    BLACK,
    DOMAIN_COLORS,
    GRID_LINE,
    NEUTRAL,
    RIP_PHASE_COLOR,
    SEMESTER_SHADES,
    WHITE,
)

FIRST, LAST = Millesime(2014, 1), Millesime(2022, 2)  # the SCORAN horizon; extended to today when later
ROW_HEIGHT, LABEL_WIDTH = 18, 260
# Fill of a milestone's diamond by its status.
MILESTONE_FILLS = {"atteint": BLACK, "prevu": WHITE, "retarde": ALERT, "annule": NEUTRAL}


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
        self.zoom.setToolTip(_tr("Largeur d'un semestre"))
        self.zoom.valueChanged.connect(self.redraw)
        tools.addWidget(self.zoom)
        layout.addLayout(tools)
        self.message = QLabel()  # why no store is shown (a wrong connection, an unreachable server)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        # The semesters stay in view above the rows: a header of its own, scrolled sideways with the chart.
        self.header_scene = QGraphicsScene(self)
        self.header_view = QGraphicsView(self.header_scene)
        self.scene = QGraphicsScene(self)
        self.view = QGraphicsView(self.scene)
        for view in (self.header_view, self.view):
            view.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.header_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header_view.setFixedHeight(ROW_HEIGHT + 2 * self.header_view.frameWidth())
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # same width as the header
        self.view.horizontalScrollBar().valueChanged.connect(self.header_view.horizontalScrollBar().setValue)
        self.view.mousePressEvent = self._clicked
        header = QHBoxLayout()
        header.setSpacing(0)
        header.addWidget(self.header_view)
        header.addSpacing(self.view.verticalScrollBar().sizeHint().width())
        layout.addLayout(header)
        layout.setSpacing(2)
        layout.addWidget(self.view, 1)
        self.legend = QGroupBox(_tr("Légende"))
        self.legend_grid = _FlowLayout(self.legend)
        self.legend_entries: list[dict] = []
        layout.addWidget(self.legend)
        self.setWidget(body)

    def set_store(self, store) -> None:
        self.store = store
        self.show_message("")
        try:
            self.reload()
        except ScoranError as error:  # the store could not be read (PostgreSQL server gone, rights)
            self.store, self.rows = None, []
            self.redraw()
            self.show_message(str(error))

    def show_message(self, text: str) -> None:
        """A message above the chart (empty: hidden)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

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
        self.header_scene.clear()
        width = self.zoom.value()
        last = max(LAST, Millesime.of_date(date.today()))
        semesters = last.index - FIRST.index + 1
        font = QFont("DejaVu Sans", 7)
        metrics = QFontMetrics(font)
        rows = self.visible_rows()
        height = max(len(rows), 1) * ROW_HEIGHT
        grid = QPen(QColor(GRID_LINE))
        for number in range(semesters):  # semester columns: named in the header, ruled in the chart
            semester = Millesime.from_index(FIRST.index + number)
            x = LABEL_WIDTH + number * width
            self.header_scene.addRect(QRectF(x, 0, width, ROW_HEIGHT), grid,
                                      QBrush(QColor(SEMESTER_SHADES[semester.half - 1])))
            text = self.header_scene.addSimpleText(str(semester), font)
            text.setPos(x + 2, 3)
            self.scene.addLine(x, 0, x, height, grid).setZValue(-1)
        self.header_scene.addSimpleText(_tr("Initiative"), font).setPos(2, 3)
        full_width = LABEL_WIDTH + semesters * width + 1
        self.header_scene.setSceneRect(QRectF(0, 0, full_width, ROW_HEIGHT))
        milestones = set()  # statuses of the milestones drawn, for the legend
        for line, row in enumerate(rows):
            y = line * ROW_HEIGHT
            label = self.scene.addSimpleText(metrics.elidedText(row["label"], Qt.TextElideMode.ElideRight,
                                                                LABEL_WIDTH - 8), font)
            label.setPos(2, y + 3)
            label.setToolTip(row["label"])
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
            bar.setBrush(_bar_brush(row["color"], row["kind"] != PROJECT))
            bar.setPen(_bar_pen(row["color"], row["kind"] != PROJECT))
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
                status = milestone.get("statut") or "prevu"
                item = self.scene.addPolygon(diamond, QPen(QColor(BLACK)),
                                             QBrush(QColor(MILESTONE_FILLS.get(status, WHITE))))
                item.setToolTip(f"{milestone['libelle']} "
                                f"({register.MILESTONE_STATUS_LABELS.get(status, status).lower()})")
                milestones.add(status)
        today = semester_position(date.today().isoformat())
        if today is not None and 0 <= today <= semesters:
            x = LABEL_WIDTH + today * width
            self.today_line = self.scene.addLine(x, 0, x, height, QPen(QColor(ALERT), 2))
            self.today_line.setToolTip(_tr("Aujourd'hui"))
        self.scene.setSceneRect(QRectF(0, 0, full_width, height))  # the header's width: both scroll alike
        self._update_legend({bar.brush().color().name() for bar in self.bars()}, milestones,
                            today is not None and 0 <= today <= semesters)

    def _update_legend(self, colors: set, milestones: set, today: bool) -> None:
        """One entry per bar colour drawn (domains, RIP phases, AMII), per milestone mark, and today's line."""
        names = {DOMAIN_COLORS[domain]: label for domain, label in register.DOMAIN_LABELS.items()}
        names.update({RIP_PHASE_COLOR: _tr("Phase de RIP"), ABANDONED_COLOR: _tr("Phase de RIP abandonnée"),
                      AMII_COLOR: _tr("Calendrier AMII (opérateurs privés)")})
        order = list(names)
        infrastructure = {RIP_PHASE_COLOR, ABANDONED_COLOR, AMII_COLOR}
        entries = [{"kind": "hatched" if color in infrastructure else "bar", "color": color,
                    "label": names.get(color, color)}
                   for color in sorted(colors, key=lambda c: order.index(c) if c in order else len(order))]
        entries += [{"kind": "milestone", "color": MILESTONE_FILLS[status],
                     "label": _tr("Jalon {0}").format(register.MILESTONE_STATUS_LABELS[status].lower())}
                    for status in MILESTONE_FILLS if status in milestones]
        if today:
            entries.append({"kind": "today", "color": ALERT, "label": _tr("Aujourd'hui")})
        while self.legend_grid.count():
            widget = self.legend_grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for entry in entries:
            item = QWidget()
            line = QHBoxLayout(item)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(4)
            swatch = QLabel()
            swatch.setPixmap(_legend_mark(entry["kind"], entry["color"]))
            line.addWidget(swatch)
            line.addWidget(QLabel(entry["label"]))
            self.legend_grid.addWidget(item)
        self.legend_entries = entries
        self.legend.setVisible(bool(entries))

    def bars(self) -> list:
        return [item for item in self.scene.items() if isinstance(item, _Bar)]

    def _clicked(self, event):
        item = self.view.itemAt(event.pos())
        if isinstance(item, _Bar):
            self.projectClicked.emit(item.key)
        QGraphicsView.mousePressEvent(self.view, event)


def _bar_brush(color: str, hatched: bool) -> QBrush:
    """Usage projects in plain colours; infrastructure (RIP phases, AMII) hatched, so that a blue phase
    never reads as an education project."""
    return QBrush(QColor(color), Qt.BrushStyle.BDiagPattern if hatched else Qt.BrushStyle.SolidPattern)


def _bar_pen(color: str, hatched: bool) -> QPen:
    return QPen(QColor(color), 1.5) if hatched else QPen(Qt.PenStyle.NoPen)


def _legend_mark(kind: str, color: str) -> QPixmap:
    """The legend's small picture: a bar, a milestone's diamond or today's line, as drawn in the chart."""
    pixmap = QPixmap(22, 14)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if kind in ("bar", "hatched"):
        painter.setBrush(_bar_brush(color, kind == "hatched"))
        painter.setPen(_bar_pen(color, kind == "hatched"))
        painter.drawRect(QRectF(1, 3, 20, 8))
    elif kind == "milestone":
        painter.setPen(QPen(QColor(BLACK)))
        painter.setBrush(QBrush(QColor(color)))
        painter.drawPolygon(QPolygonF([QPointF(11, 1), QPointF(17, 7), QPointF(11, 13), QPointF(5, 7)]))
    else:
        painter.setPen(QPen(QColor(color), 2))
        painter.drawLine(QPointF(11, 0), QPointF(11, 14))
    painter.end()
    return pixmap


class _FlowLayout(QLayout):
    """Items left to right, wrapping to the next line when the width is used (the legend's entries)."""

    def __init__(self, parent=None, spacing: int = 14):
        super().__init__(parent)
        self._items = []
        self._spacing = spacing
        self.setContentsMargins(6, 2, 6, 4)

    def addItem(self, item):  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index):  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index):  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect):  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self):  # noqa: N802
        return self.minimumSize()

    def minimumSize(self):  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect, move: bool) -> int:
        margins = self.contentsMargins()
        left, top = rect.x() + margins.left(), rect.y() + margins.top()
        right = rect.right() - margins.right()
        x, y, line_height = left, top, 0
        for item in self._items:
            hint = item.sizeHint()
            if x > left and x + hint.width() > right:
                x, y, line_height = left, y + line_height + 2, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()
