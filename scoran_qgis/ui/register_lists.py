"""Dialogs opened from the register dock's toolbar: the regional themes list (the circular's « un ou deux
thèmes supplémentaires », II.B) and the SDTAN inventory (one row per département of the store).

Each saves in one transaction, all or nothing; a refusal is shown in the dialog, which stays open."""

from __future__ import annotations

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core import register
from ..core.errors import ScoranError
from ..core.palettes import ERROR_TEXT
from .register_dock import _ChoiceDelegate, _DateDelegate, _tr
from .register_model import french_date

READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _iso(text: str):
    """`14/03/2016` → `2016-03-14`; other text as typed (validation names it); empty → None."""
    text = (text or "").strip()
    if len(text) == 10 and text[2] == "/" and text[5] == "/":
        return f"{text[6:10]}-{text[3:5]}-{text[0:2]}"
    return text or None


class _ListDialog(QDialog):
    """An intro, a table, row buttons, the refusal message, Enregistrer / Annuler."""

    saved = pyqtSignal()

    def __init__(self, store, title: str, intro: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        text = QLabel(intro)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.table = QTableWidget(0, 0)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        layout.addWidget(self.table)
        self.row_buttons = QHBoxLayout()
        layout.addLayout(self.row_buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_TEXT}")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_tr("Enregistrer"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_tr("Annuler"))
        self.buttons.accepted.connect(lambda: self.save())
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _conflict(self, error) -> None:
        """Someone else saved the list since it was opened: nothing written, the edit kept; a second save,
        once told, replaces their version knowingly."""
        self.versions = {key: int(row["version"]) for key, row in (error.current or {}).items()}
        self.message.setText(str(error) + "\n" + _tr("Enregistrez à nouveau pour remplacer leur version par la "
                                                      "vôtre, ou annulez et rouvrez la liste pour voir la leur."))

    def _headers(self, headers) -> None:
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(list(headers))

    def _fit_rows(self, rows: int) -> None:
        """Room for `rows` rows without scrolling."""
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + rows * self.table.verticalHeader().defaultSectionSize()
                                    + 2 * self.table.frameWidth() + 2)

    def _button(self, text: str, tip: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        self.row_buttons.addWidget(button)
        return button

    def _text(self, row: int, column: int):
        item = self.table.item(row, column)
        return (item.text().strip() or None) if item is not None else None

    def save(self) -> bool:
        raise NotImplementedError


class ThemesDialog(_ListDialog):
    """The regional themes: a label each, a code derived from it once; two at most."""

    LABEL, CODE = 0, 1

    def __init__(self, store, parent=None):
        super().__init__(store, _tr("Thèmes régionaux"), _tr(
            "La circulaire (II.B) permet de retenir « un ou deux thèmes supplémentaires » selon les spécificités "
            "régionales, en plus des domaines nationaux. Le code est tiré du libellé à la création et ne change "
            "plus ; un thème retenu par un projet ne peut pas être supprimé."), parent)
        self._headers((_tr("Libellé"), _tr("Code")))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.LABEL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.CODE, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = self._button(_tr("Ajouter"), _tr("Ajouter un thème régional"), self.add_theme)
        self._button(_tr("Retirer"), _tr("Retirer le thème choisi (s'il n'est retenu par aucun projet)"),
                     self.remove_theme)
        self.row_buttons.addStretch()
        self.versions = register.list_versions(store, "themes_regionaux")  # read first: a save between is seen
        for theme in register.read_themes(store):
            self.add_theme(theme["libelle"], theme["code"])
        self._fit_rows(register.MAX_REGIONAL_THEMES)
        self.resize(560, self.sizeHint().height())

    def add_theme(self, label: str | None = None, code: str | None = None) -> int:
        """A row for a theme (empty: a new one, its label to type); refused beyond two."""
        if self.table.rowCount() >= register.MAX_REGIONAL_THEMES:
            self.message.setText(_tr("La région retient {0} thèmes régionaux au plus (circulaire, II.B).").format(
                register.MAX_REGIONAL_THEMES))
            return -1
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, self.LABEL, QTableWidgetItem(label or ""))
        shown = QTableWidgetItem(code or _tr("(tiré du libellé)"))
        shown.setData(Qt.ItemDataRole.UserRole, code)
        shown.setFlags(READ_ONLY)
        self.table.setItem(row, self.CODE, shown)
        self._update()
        if not label:
            self.table.setCurrentCell(row, self.LABEL)
            self.table.editItem(self.table.item(row, self.LABEL))
        return row

    def remove_theme(self) -> bool:
        """Remove the chosen theme, unless a project still uses it (the message names them)."""
        row = self.table.currentRow()
        if row < 0:
            return False
        code = self.table.item(row, self.CODE).data(Qt.ItemDataRole.UserRole)
        if code:
            with self.store.connection() as conn:
                problems = register.removed_theme_problems(
                    conn, [{"code": code, "libelle": self._text(row, self.LABEL) or code}], [])
            if problems:
                self.message.setText("\n".join(problems))
                return False
        self.table.removeRow(row)
        self._update()
        return True

    def _update(self) -> None:
        self.add_button.setEnabled(self.table.rowCount() < register.MAX_REGIONAL_THEMES)
        self.message.clear()

    def themes(self) -> list[dict]:
        return [{"code": self.table.item(row, self.CODE).data(Qt.ItemDataRole.UserRole),
                 "libelle": self._text(row, self.LABEL)} for row in range(self.table.rowCount())]

    def save(self) -> bool:
        try:
            register.save_themes(self.store, self.themes(), versions=self.versions)
        except register.ConflictError as error:
            self._conflict(error)
            return False
        except ScoranError as error:
            self.message.setText(str(error))
            return False
        self.saved.emit()
        self.accept()
        return True


class SdtanDialog(_ListDialog):
    """The SDTAN inventory: one row per département of the store; status, dates and texts editable."""

    FIELDS = ("code_dep", "statut", "date_adoption", "derniere_mise_a_jour", "titre", "maitre_ouvrage",
              "commentaire")

    def __init__(self, store, parent=None):
        super().__init__(store, _tr("Inventaire des SDTAN"), _tr(
            "Schémas directeurs territoriaux d'aménagement numérique, un par département du référentiel. Dates "
            "JJ/MM/AAAA (calendrier au double-clic) ; la dernière mise à jour ne précède pas l'adoption ; un "
            "schéma adopté a sa date d'adoption. Une ligne laissée vide n'est pas enregistrée ; l'inventaire est "
            "enregistré en une fois, ou pas du tout."), parent)
        self._headers((_tr("Département"), _tr("Statut"), _tr("Adoption"), _tr("Dernière mise à jour"),
                       _tr("Titre"), _tr("Maître d'ouvrage"), _tr("Commentaire")))
        self.statuses = {None: "—", **register.SDTAN_STATUS_LABELS}
        self.versions = register.list_versions(store, "sdtan")  # read first: a save between is seen
        self._delegates = [_ChoiceDelegate(self.statuses, self.table), _DateDelegate(self.table),
                           _DateDelegate(self.table)]  # kept alive: the view does not own its delegates
        for column, delegate in zip((1, 2, 3), self._delegates):
            self.table.setItemDelegateForColumn(column, delegate)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # names, statuses, dates
        metrics = self.table.fontMetrics()
        for column, characters in ((4, 28), (5, 20)):  # free text: elided, widened at will
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, characters * metrics.averageCharWidth())
        header.setStretchLastSection(True)
        for row in register.sdtan_inventory(store):
            self._add(row)
        for row in range(self.table.rowCount()):  # the full text in a tooltip
            for column in (4, 5, 6):
                self.table.item(row, column).setToolTip(self.table.item(row, column).text())
        self.row_buttons.addWidget(QLabel(_tr("{0} départements").format(self.table.rowCount())))
        self.row_buttons.addStretch()
        self._fit_rows(min(self.table.rowCount(), 12))
        self.resize(1000, self.sizeHint().height())

    def _add(self, values: dict) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        code, name = values["code_dep"], values.get("nom")
        place = QTableWidgetItem(f"{name} ({code})" if name else code)
        place.setData(Qt.ItemDataRole.UserRole, code)
        place.setFlags(READ_ONLY)
        self.table.setItem(row, 0, place)
        status = QTableWidgetItem(self.statuses.get(values.get("statut"), values.get("statut") or "—"))
        status.setData(Qt.ItemDataRole.UserRole, values.get("statut"))
        self.table.setItem(row, 1, status)
        for column, field in enumerate(self.FIELDS[2:], start=2):
            value = values.get(field)
            text = french_date(value) if field.startswith("date") or field.startswith("derniere") else value
            self.table.setItem(row, column, QTableWidgetItem(text or ""))

    def row_of(self, code: str) -> int:
        """The table row of a département (-1 when absent)."""
        return next((r for r in range(self.table.rowCount())
                     if self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == code), -1)

    def rows(self) -> list[dict]:
        result = []
        for row in range(self.table.rowCount()):
            values = {"code_dep": self.table.item(row, 0).data(Qt.ItemDataRole.UserRole),
                      "statut": self.table.item(row, 1).data(Qt.ItemDataRole.UserRole)}
            for column, field in enumerate(self.FIELDS[2:], start=2):
                text = self._text(row, column)
                values[field] = _iso(text) if column in (2, 3) else text
            result.append(values)
        return result

    def save(self) -> bool:
        try:
            register.save_sdtan(self.store, self.rows(), replace_all=True, versions=self.versions)
        except register.ConflictError as error:
            self._conflict(error)
            return False
        except ScoranError as error:
            names = {self.table.item(r, 0).data(Qt.ItemDataRole.UserRole): self.table.item(r, 0).text()
                     for r in range(self.table.rowCount())}
            lines = []
            for line in str(error).split("\n"):  # « 21 : … » → « Côte-d'Or (21) : … »
                code, _, rest = line.partition(" : ")
                lines.append(f"{names[code]} : {rest}" if rest and code in names else line)
            self.message.setText("\n".join(lines))
            return False
        self.saved.emit()
        self.accept()
        return True
