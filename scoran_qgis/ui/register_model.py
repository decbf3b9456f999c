"""Model/view of the projects register: a table model and a filter proxy (text, domain, level,
status, department), fast enough for thousands of projects."""

from __future__ import annotations

from qgis.PyQt.QtCore import QAbstractTableModel, QLocale, QSortFilterProxyModel, Qt

from ..core import register
from ..core.i18n import tr

# What an officer scans first comes first: which project, what, where it stands, when, how much.
COLUMNS = (
    ("projet_id", tr("Identifiant")), ("titre", tr("Titre")), ("domaine", tr("Domaine")), ("statut", tr("Statut")),
    ("date_debut", tr("Début")), ("date_fin", tr("Fin")), ("budget", tr("Budget (€)")),
    ("departements", tr("Départements")), ("niveau", tr("Priorité")),
)
LABELS = {"niveau": register.LEVEL_LABELS, "domaine": register.DOMAIN_LABELS, "statut": register.STATUS_LABELS}
FIELDS = tuple(name for name, _ in COLUMNS)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the whole project dict of a row
DISPLAY, SORT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole  # looked up once, not per cell


def french_date(value) -> str:
    return f"{value[8:10]}/{value[5:7]}/{value[0:4]}" if register.is_date(value) else (value or "")


def grouping_locale() -> QLocale:
    """QGIS's locale, thousands grouped: QGIS turns grouping off by default (« Afficher le séparateur
    des milliers »), which leaves amounts as « 1234567 »."""
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)
    return locale


def amount(value) -> str:
    """Euros without decimals, grouped by thousands as the locale writes them (« 1 234 567 » in French)."""
    if value is None or value == "":
        return ""
    try:
        return grouping_locale().toString(float(value), "f", 0)
    except (TypeError, ValueError):
        return str(value)


class ProjectsModel(QAbstractTableModel):
    """Rows are project dicts as stored; display uses French labels, dates JJ/MM/AAAA, euros."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []

    def set_projects(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def project(self, row: int) -> dict:
        return self._rows[row]

    def projects(self) -> list[dict]:
        return list(self._rows)

    def rowCount(self, parent=None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent=None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section][1]
        return None

    def data(self, index, role=DISPLAY):
        if not index.isValid():
            return None
        if role == SORT:  # first: sorting 5,000 projects asks it some 60,000 times
            value = self._rows[index.row()].get(FIELDS[index.column()])
            return value if value is not None else ""
        row = self._rows[index.row()]
        field = FIELDS[index.column()]
        value = row.get(field)
        if role == DISPLAY:
            if field in LABELS:
                return LABELS[field].get(value, value)
            if field == "budget":
                return amount(value)
            if field.startswith("date"):
                return french_date(value)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.get("description") or row.get("titre")
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and field == "budget":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ProjectsFilter(QSortFilterProxyModel):
    """Free text (id, title, owner, description) and exact filters; sorts on stored values."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = ""
        self.filters = {"domaine": None, "niveau": None, "statut": None, "departement": None}
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_text(self, text: str) -> None:
        self.text = text.strip().lower()
        self.invalidateFilter()

    def set_filter(self, name: str, value) -> None:
        self.filters[name] = value or None
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row, source_parent) -> bool:  # noqa: N802
        project = self.sourceModel().project(source_row)
        for name in ("domaine", "niveau", "statut"):
            if self.filters[name] and project.get(name) != self.filters[name]:
                return False
        department = self.filters["departement"]
        if department and department not in register.split_list(project.get("departements")):
            return False
        if self.text:
            haystack = " ".join(str(project.get(k) or "") for k in ("projet_id", "titre", "porteur", "description"))
            return self.text in haystack.lower()
        return True
