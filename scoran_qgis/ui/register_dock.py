"""Dock « Projets d'usages »: the register as a sortable, filterable table and an edit form,
with links to the map features (stable keys), undo of the last edits, counts per domain."""

from __future__ import annotations

from qgis.core import QgsProject
from qgis.gui import QgsDateEdit, QgsDockWidget
from qgis.PyQt.QtCore import QCoreApplication, QDate, QSize, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolBar,
    QUndoCommand,
    QUndoStack,
    QVBoxLayout,
    QWidget,
)

from ..core import register
from ..core.errors import ScoranError
from ..core.palettes import ALERT, ERROR_TEXT
from ..core.schema import DOMAINES, NIVEAUX, STATUTS_PROJET
from .register_model import COLUMNS, ProjectsFilter, ProjectsModel, french_date

DATE_FORMAT = "dd/MM/yyyy"  # JJ/MM/AAAA
REFRESH_INTERVAL_MS = 2000  # how often the dock looks for others' saves (a notice or the file's data version)
TITLE_COLUMN = [name for name, _ in COLUMNS].index("titre")
DOMAIN_COLUMN = [name for name, _ in COLUMNS].index("domaine")

# layer field → link type, in order of preference, for "attach the selected features"
LINK_FIELDS = (("phase_id", "phase"), ("rip_id", "rip"), ("site_id", "site"), ("insee_com", "commune"),
               ("siren_epci", "epci"), ("insee_dep", "departement"))


def _scrolled(page: QWidget) -> QScrollArea:
    """A record tab that scrolls rather than taking height from the list above it."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(page)
    return area


def _tr(text: str) -> str:
    return QCoreApplication.translate("ScoranRegister", text)


class _SaveCommand(QUndoCommand):
    """One saved edit; undo puts the previous version back (or removes a created project).

    `version`: the project's version after the save; undo and redo are refused (message, nothing written)
    when someone else saved the project since."""

    def __init__(self, dock, before: dict | None, after: dict, text: str, version: int | None = None):
        super().__init__(text)
        self.dock, self.before, self.after, self.version = dock, before, after, version
        self._first = True

    def redo(self):
        if self._first:  # the edit was already saved by the form
            self._first = False
            return
        try:
            self.version = register.save_project(self.dock.store, self.after, version=self.version)
        except ScoranError as error:
            self.dock.message.setText(str(error))
        self.dock.reload()

    def undo(self):
        try:
            if self.before is None:
                register.delete_project(self.dock.store, self.after["projet_id"], version=self.version)
                self.version = 0
            else:
                self.version = register.save_project(self.dock.store, self.before, version=self.version)
        except ScoranError as error:
            self.dock.message.setText(str(error))
        self.dock.reload()


class RegisterDock(QgsDockWidget):
    projectSelected = pyqtSignal(str)  # noqa: N815 — Qt signal naming

    def __init__(self, iface=None, parent=None):
        super().__init__(_tr("Projets d'usages"), parent)
        self.setObjectName("ScoranRegisterDock")
        self.iface = iface
        self.store = None
        self.undo_stack = QUndoStack(self)
        self.model = ProjectsModel(self)
        self.proxy = ProjectsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.loaded_version = None  # the version of the project in the form when it was loaded (0: new)
        self._loaded_state = None  # what the form held then: an edit in progress differs from it
        self._keep_form = False  # a refresh re-selects the project without refilling the form
        self.change_watcher = None
        self.conflict = None  # the conflict dialog of the last refused save
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_INTERVAL_MS)
        self.refresh_timer.timeout.connect(self.poll_changes)
        self._build()

    # --- layout --------------------------------------------------------------------------------
    def _build(self):
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._filters())
        layout.addWidget(self._toolbar())

        # The list gets the room; the selected project's record is below, in tabs, behind a splitter.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # Qt's default indicator is descending
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # headers never elided
        header.setResizeContentsPrecision(0)  # cells sized on the rows in view: 5,000 projects stay fast
        for column, characters in ((TITLE_COLUMN, 26), (DOMAIN_COLUMN, 16)):  # long texts: elided, widened at will
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, characters * self.table.fontMetrics().averageCharWidth() + 16)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.setMouseTracking(True)
        self.table.entered.connect(self._hovered)
        self.highlights = []
        top_layout.addWidget(self.table)
        self.counts = QLabel()  # « 12 projets sur 40 »; the count by domain in its tooltip and in the filter
        top_layout.addWidget(self.counts)
        for signal in (self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.rowsInserted,
                       self.proxy.rowsRemoved):
            signal.connect(self._update_counts)
        self.splitter.addWidget(top)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._form(), _tr("Fiche"))
        self.tabs.addTab(self._plans(), _tr("Jalons et documents"))
        self.tabs.addTab(self._links(), _tr("Objets liés"))
        self.tabs.addTab(self._needs(), _tr("Besoins et métiers"))
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([620, 380])  # weights: the list gets 62 % of the height from the start
        layout.addWidget(self.splitter, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_TEXT}")
        layout.addWidget(self.message)
        self.fields["themes_regionaux"].limitReached.connect(self.message.setText)
        self.setWidget(body)

    def _filters(self) -> QGridLayout:
        """Free text and department on the first line, then domain, priority and status."""
        filters = QGridLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(_tr("Rechercher (titre, porteur, identifiant…)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        filters.addWidget(self.search, 0, 0, 1, 2)
        self.department = QLineEdit()
        self.department.setPlaceholderText(_tr("Dép."))
        self.department.setToolTip(_tr("Code du département (21, 25, 2A…)"))
        self.department.setMaximumWidth(self.department.fontMetrics().horizontalAdvance("0000000"))
        self.department.textChanged.connect(lambda text: self.proxy.set_filter("departement", text.strip().upper()))
        filters.addWidget(self.department, 0, 2)
        self.filter_boxes = {}
        for column, (name, values, labels, everything, tip) in enumerate((
                ("domaine", DOMAINES, register.DOMAIN_LABELS, _tr("Domaines"), _tr("Filtrer par domaine")),
                ("niveau", NIVEAUX, register.LEVEL_LABELS, _tr("Priorités"), _tr("Filtrer par priorité")),
                ("statut", STATUTS_PROJET, register.STATUS_LABELS, _tr("Statuts"), _tr("Filtrer par statut")))):
            box = QComboBox()
            box.addItem(everything, None)
            for value in values:
                box.addItem(labels[value], value)
            box.setToolTip(tip)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(len(everything))
            box.currentIndexChanged.connect(lambda _, n=name, b=box: self.proxy.set_filter(n, b.currentData()))
            self.filter_boxes[name] = box
            filters.addWidget(box, 1, column)
        return filters

    def _update_counts(self, *_args) -> None:
        """« 12 projets sur 40 » under the list; the count by domain in the domain filter and the tooltip."""
        projects = self.model.projects()
        shown = self.proxy.rowCount()
        text = _tr("{0} projet sur {1}") if shown <= 1 else _tr("{0} projets sur {1}")  # French: 0 and 1 singular
        self.counts.setText(text.format(shown, len(projects)))
        by_domain = {}
        for project in projects:
            by_domain[project.get("domaine")] = by_domain.get(project.get("domaine"), 0) + 1
        box = self.filter_boxes["domaine"]
        for index in range(1, box.count()):
            domain = box.itemData(index)
            box.setItemText(index, f"{register.DOMAIN_LABELS[domain]} ({by_domain.get(domain, 0)})")
        self.counts.setToolTip("\n".join(f"{register.DOMAIN_LABELS.get(d, d)} : {n}"
                                         for d, n in sorted(by_domain.items(), key=lambda item: -item[1])))

    def _toolbar(self) -> QToolBar:
        """The project actions as icons with tooltips (a toolbar keeps the dock narrow)."""
        from qgis.core import QgsApplication

        toolbar = QToolBar()
        toolbar.setIconSize(QSize(20, 20))
        self.actions_by_name = {}
        for name, icon, text, slot in (
                ("nouveau", "/mActionAdd.svg", _tr("Nouveau projet"), self.new_project),
                ("enregistrer", "/mActionSaveEdits.svg", _tr("Enregistrer le projet"), self.save_form),
                ("dupliquer", "/mActionDuplicateFeature.svg", _tr("Dupliquer le projet"), self.duplicate),
                ("supprimer", "/mActionDeleteSelected.svg", _tr("Supprimer le projet"), self.delete),
                (None, None, None, None),
                ("annuler", "/mActionUndo.svg", _tr("Annuler le dernier enregistrement"), self.undo_stack.undo),
                (None, None, None, None),
                ("exporter", "/mActionSharingExport.svg", _tr("Exporter le registre (XLSX)"), self.export_xlsx),
                ("importer", "/mActionSharingImport.svg", _tr("Importer un registre (XLSX)"), self.import_xlsx),
                (None, None, None, None),
                ("themes", "/mIconListView.svg", _tr("Thèmes régionaux (un ou deux, en plus des domaines)…"),
                 self.edit_themes),
                ("sdtan", "/mActionOpenTable.svg", _tr("Inventaire des SDTAN…"), self.edit_sdtan)):
            if name is None:
                toolbar.addSeparator()
                continue
            action = toolbar.addAction(QgsApplication.getThemeIcon(icon), text)
            action.setToolTip(text)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())  # not triggered(bool) as argument
            self.actions_by_name[name] = action
        return toolbar

    def _form(self) -> QScrollArea:
        """The project's own fields; dates with a calendar, the budget in euros grouped by thousands."""
        from .register_model import grouping_locale

        self.fields = {
            "projet_id": QLineEdit(), "titre": QLineEdit(), "description": QPlainTextEdit(),
            "niveau": self._combo(NIVEAUX, register.LEVEL_LABELS),
            "domaine": self._combo(DOMAINES, register.DOMAIN_LABELS),
            "statut": self._combo(STATUTS_PROJET, register.STATUS_LABELS),
            "porteur": QLineEdit(), "partenaires": QLineEdit(), "budget": QDoubleSpinBox(),
            "appel_projets_pia": QLineEdit(), "departements": QLineEdit(), "date_debut": date_editor(),
            "date_fin": date_editor(), "themes_regionaux": ThemeChecks(), "mutualisation": QCheckBox(),
            "zones_defavorisees": QCheckBox(), "publics_eloignes": QCheckBox(),
            **{name: QPlainTextEdit() for name in register.CIRCULAR_TEXTS},
        }
        for name in register.CIRCULAR_TEXTS:
            self.fields[name].setTabChangesFocus(True)
            self.fields[name].setMinimumHeight(3 * self.fontMetrics().height() + 12)
            self.fields[name].setMaximumHeight(5 * self.fontMetrics().height() + 12)  # the four fit in the tab
        self.fields["projet_id"].setReadOnly(True)
        self.fields["description"].setMaximumHeight(4 * self.fontMetrics().height() + 12)
        budget = self.fields["budget"]
        budget.setLocale(grouping_locale())
        budget.setGroupSeparatorShown(True)
        budget.setRange(0, 1e10)
        budget.setSuffix(" €")
        budget.setDecimals(0)
        budget.setSingleStep(1000)
        self.fields["departements"].setPlaceholderText(_tr("codes séparés par des virgules : 21, 58"))
        labels = {"projet_id": _tr("Identifiant"), "titre": _tr("Titre"), "description": _tr("Description"),
                  "niveau": _tr("Priorité"), "domaine": _tr("Domaine"), "statut": _tr("Statut"),
                  "porteur": _tr("Porteur"), "partenaires": _tr("Partenaires"), "budget": _tr("Budget"),
                  "appel_projets_pia": _tr("Appel à projets PIA"), "departements": _tr("Départements"),
                  "date_debut": _tr("Début"), "date_fin": _tr("Fin"), "themes_regionaux": _tr("Thèmes régionaux"),
                  **register.FLAG_LABELS}
        self.field_labels = {**labels, "besoins_emergents": _tr("Besoins émergents"),
                             "experimentations": _tr("Expérimentations"), "metiers": _tr("Métiers"),
                             "besoins_formation": _tr("Besoins en formation")}
        tips = {"themes_regionaux": _tr("Les un ou deux thèmes supplémentaires retenus par la région (circulaire, "
                                        "II.B) ; la liste se règle par « Thèmes régionaux » de la barre d'outils."),
                "zones_defavorisees": _tr("Le projet vise des territoires en difficulté (circulaire)."),
                "publics_eloignes": _tr("Le projet vise des publics éloignés des usages numériques (circulaire)."),
                "mutualisation": _tr("Le projet mutualise des infrastructures, des services ou des données.")}
        for name, tip in tips.items():
            self.fields[name].setToolTip(tip)
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.links_label = QLabel("—")  # by name; edited in the « Objets liés » tab
        self.links_label.setWordWrap(True)
        for name, widget in self.fields.items():
            if name in register.CIRCULAR_TEXTS:  # in their own tab
                continue
            form.addRow(labels[name], widget)
            if name == "departements":  # where the project is, together
                form.addRow(_tr("Objets liés"), self.links_label)
        return _scrolled(page)

    def _needs(self) -> QScrollArea:
        """What the circular asks of each project: emerging needs, experiments, professions, training."""
        page = QWidget()
        layout = QVBoxLayout(page)
        for name, label in (
                ("besoins_emergents", _tr("Besoins territoriaux émergents (pratiques numériques, innovation)")),
                ("experimentations", _tr("Expérimentations dignes de valorisation")),
                ("metiers", _tr("Principaux métiers concernés")),
                ("besoins_formation", _tr("Besoins régionaux en formation spécifique"))):
            title = QLabel(label)
            title.setWordWrap(True)
            title.setBuddy(self.fields[name])
            layout.addWidget(title)
            layout.addWidget(self.fields[name])
        layout.addStretch()
        return _scrolled(page)

    def _plans(self) -> QScrollArea:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(_tr("Jalons")))
        self.milestones = _ChildTable(("libelle", "date_jalon", "semestre", "statut"),
                                      (_tr("Jalon"), _tr("Date"), _tr("Semestre"), _tr("Statut")),
                                      {"statut": "prevu"}, {"statut": register.MILESTONE_STATUS_LABELS})
        layout.addWidget(self.milestones)
        layout.addWidget(QLabel(_tr("Documents (comptes rendus, études, conventions)")))
        self.documents = _ChildTable(("type_document", "titre", "chemin", "date_document"),
                                     (_tr("Type"), _tr("Titre"), _tr("Fichier ou adresse"), _tr("Date")),
                                     {"type_document": "compte_rendu"},
                                     {"type_document": register.DOCUMENT_LABELS})
        layout.addWidget(self.documents)
        return _scrolled(page)  # its tables must not take height from the list above

    def _links(self) -> QWidget:
        """The map features attached to the project, by name (« Quarré-les-Tombes (89318) »)."""
        page = QWidget()
        layout = QVBoxLayout(page)
        self.links_list = QListWidget()
        layout.addWidget(self.links_list)
        buttons = QHBoxLayout()
        for text, tip, slot in (
                (_tr("Lier la sélection"), _tr("Lier au projet les objets sélectionnés de la couche active"),
                 self.link_selection),
                (_tr("Retirer"), _tr("Retirer du projet les objets choisis dans la liste"), self.unlink_selected),
                (_tr("Voir sur la carte"), _tr("Sélectionner les objets liés dans les couches et zoomer dessus"),
                 self.select_linked)):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(lambda _checked=False, action=slot: action())
            buttons.addWidget(button)
        buttons.addStretch()
        layout.addLayout(buttons)
        return page

    @staticmethod
    def _combo(values, labels) -> QComboBox:
        box = QComboBox()
        for value in values:
            box.addItem(labels[value], value)
        # the longest label (« Mutualisation des infrastructures et du cloud ») must not widen the dock
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(16)
        return box

    # --- data ----------------------------------------------------------------------------------
    def set_store(self, store) -> None:
        """Edit `store`. A GeoPackage is locked (a second QGIS instance gets a clear « locked » message); a
        PostgreSQL store is shared by several sessions, each save checked against the row versions."""
        from ..core import lock

        self._stop_watching()
        if self.store is not None and lock.needs_lock(self.store):
            lock.release(self.store.path)
        self.store = None
        if store is not None:
            if lock.needs_lock(store):
                try:
                    lock.acquire(store.path)
                except ScoranError as error:
                    self.message.setText(str(error))
                    self.model.set_projects([])
                    return
            self._watch(store)
        self.store = store
        self.undo_stack.clear()
        self.reload()

    def _watch(self, store) -> None:
        """Refresh when others write to the store: NOTIFY on PostgreSQL, the file's data version on a
        GeoPackage (an algorithm, an import, a layer edited in QGIS)."""
        from ..core.lock import ChangeWatcher

        self.change_watcher = ChangeWatcher(store)
        self.refresh_timer.start()

    def _stop_watching(self) -> None:
        self.refresh_timer.stop()
        if self.change_watcher is not None:
            self.change_watcher.close()
            self.change_watcher = None

    def poll_changes(self) -> bool:
        """Refresh when the watcher saw a save by someone else; True when it did."""
        if self.change_watcher is None or self.store is None:
            return False
        try:
            changed = self.change_watcher.changed()
        except ScoranError:
            return False
        if changed:
            self.refresh()
        return changed

    def closeEvent(self, event):  # noqa: N802
        from ..core import lock

        self._stop_watching()
        if self.store is not None and lock.needs_lock(self.store):
            lock.release(self.store.path)
        super().closeEvent(event)

    def is_editing(self) -> bool:
        """True when the form holds an edit not saved yet."""
        return self._loaded_state is not None and self._form_state() != self._loaded_state

    def _form_state(self):
        return self.form_values(), self.milestones.rows(), self.documents.rows()

    def refresh(self) -> None:
        """Show others' saves: the list is reloaded and the current project kept selected; an edit in progress
        stays in the form (its save will say whether someone changed the project meanwhile)."""
        if self.store is None:
            return
        if not self.is_editing():
            self.reload()
            return
        self._keep_form = True
        try:
            self.reload()
        finally:
            self._keep_form = False
        project_id = self.form_values().get("projet_id")
        stored = register.project_version(self.store, project_id) if project_id else None
        if self.loaded_version and stored != self.loaded_version:
            self.message.setText(_tr("Ce projet vient d'être modifié dans une autre session ; votre saisie est "
                                     "conservée. À l'enregistrement, vous pourrez comparer les deux versions."))

    def export_xlsx(self, path: str | None = None) -> str | None:
        """Export the register to a workbook (asks where when no path is given)."""
        from qgis.PyQt.QtWidgets import QFileDialog

        from ..export.register_xlsx import export_register

        if self.store is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, _tr("Exporter le registre"), "registre_usages.xlsx",
                                                  _tr("Classeur Excel (*.xlsx)"))
        if not path:
            return None
        try:
            export_register(self.store, path)
        except ScoranError as error:
            self.message.setText(str(error))
            return None
        return path

    def import_xlsx(self, path: str | None = None, valid_rows_only: bool | None = None):
        """Import a workbook; on errors, show the report and offer to import only the valid projects."""
        from qgis.PyQt.QtWidgets import QFileDialog

        from ..export.register_xlsx import import_register

        if self.store is None:
            return None
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, _tr("Importer un registre"), "", _tr("Classeur Excel (*.xlsx)"))
        if not path:
            return None
        try:
            report = import_register(self.store, path, bool(valid_rows_only))
            if report.problems and valid_rows_only is None:
                answer = QMessageBox.question(self, _tr("Import du registre"), _tr(
                    "Le classeur contient des erreurs ; rien n'a été importé.\n\n{0}\n\nImporter seulement les "
                    "projets valides ?").format(report.text()[:3000]))
                if answer == QMessageBox.StandardButton.Yes:
                    report = import_register(self.store, path, True)
        except ScoranError as error:
            self.message.setText(str(error))
            return None
        self.message.setText(report.text()[:2000])
        self.reload()
        return report

    def reload(self) -> None:
        if self.store is None:
            self.model.set_projects([])
            return
        current = self.current_id()
        self.fields["themes_regionaux"].set_themes(register.read_themes(self.store))
        tables = register.read_tables(self.store)
        projects = tables["projets"].astype(object).where(tables["projets"].notna(), None).to_dict("records")
        self.model.set_projects(projects)
        if current:  # keep the officer on the project being worked on
            self.select_project(current)

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.project(self.proxy.mapToSource(index).row())["projet_id"]

    def select_project(self, project_id: str) -> None:
        for row, project in enumerate(self.model.projects()):
            if project["projet_id"] == project_id:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if index.isValid():
                    self.table.setCurrentIndex(index)
                return

    def _row_changed(self, current, _previous):
        if not current.isValid() or self._keep_form:
            return
        project = self.model.project(self.proxy.mapToSource(current).row())
        self._fill_form(project)
        self.projectSelected.emit(project["projet_id"])

    def _fill_form(self, project: dict) -> None:
        for name, widget in self.fields.items():
            value = project.get(name)
            if isinstance(widget, ThemeChecks):
                widget.set_codes(register.split_list(value))
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QDoubleSpinBox):
                widget.setValue(float(value or 0))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value or "")
            elif isinstance(widget, QgsDateEdit):
                set_iso_date(widget, value)
            else:
                widget.setText(value or "")
        try:
            data = register.load_project(self.store, project["projet_id"]) if self.store else None
        except ScoranError:  # a new project, not saved yet
            data = None
        self._show_links(data["liens"] if data else [])
        self.milestones.set_rows(data.get("jalons", []) if data else [])
        self.documents.set_rows(data.get("documents", []) if data else [])
        self.loaded_version = int(data["projet"].get("version") or 1) if data else 0
        self._loaded_state = self._form_state()
        self.message.clear()

    def _show_links(self, links: list[dict]) -> None:
        """The links by name, « Commune : Quarré-les-Tombes (89318) » (the key alone when the store lacks it)."""
        self.links_list.clear()
        named = register.link_names(self.store, links) if self.store is not None and links else []
        for link in named:
            item = QListWidgetItem(f"{link['type_label']} : {link['label']}")
            item.setData(Qt.ItemDataRole.UserRole, {"type_objet": link["type_objet"], "cle": link["cle"]})
            self.links_list.addItem(item)
        self.tabs.setTabText(2, _tr("Objets liés ({0})").format(len(named)))
        self.links_label.setText(", ".join(link["label"] for link in named) or "—")

    def form_values(self) -> dict:
        values = {}
        for name, widget in self.fields.items():
            if isinstance(widget, ThemeChecks):
                values[name] = ",".join(widget.codes()) or None
            elif isinstance(widget, QComboBox):
                values[name] = widget.currentData()
            elif isinstance(widget, QCheckBox):
                values[name] = int(widget.isChecked())
            elif isinstance(widget, QDoubleSpinBox):
                values[name] = widget.value()
            elif isinstance(widget, QPlainTextEdit):
                values[name] = widget.toPlainText().strip() or None
            elif isinstance(widget, QgsDateEdit):
                values[name] = iso_date(widget)
            else:
                values[name] = widget.text().strip() or None
        return values

    # --- actions -------------------------------------------------------------------------------
    def new_project(self) -> None:
        if self.store is None:
            return
        self.table.clearSelection()
        self._fill_form({"projet_id": register.next_project_id(self.store), "niveau": "regional", "domaine": "autre",
                         "statut": "idee"})
        self.fields["titre"].setFocus()

    def save_form(self) -> bool:
        """Save the form. When someone else saved the project since it was loaded, nothing is written, the
        edit stays in the form and the conflict dialog says who and when (`self.conflict`)."""
        if self.store is None:
            return False
        values = self.form_values()
        try:
            before = register.load_project(self.store, values["projet_id"])["projet"]
        except ScoranError:
            before = None
        try:
            version = register.save_project(self.store, values, milestones=self.milestones.rows(),
                                            documents=self.documents.rows(), version=self.loaded_version)
        except register.ConflictError as error:
            self.message.setText(str(error))
            self.show_conflict(error)
            return False
        except ScoranError as error:
            self.message.setText(str(error))
            return False
        self.undo_stack.push(_SaveCommand(self, before, values, _tr("Enregistrer {0}").format(values["projet_id"]),
                                          version))
        self._loaded_state = None  # saved: the reload below refills the form
        self.reload()
        self.select_project(values["projet_id"])
        self.message.clear()
        return True

    def show_conflict(self, error) -> ConflictDialog:
        """The dialog of a refused save (not modal: the officer can merge in the form meanwhile)."""
        if self.conflict is not None:
            self.conflict.close()
        self.conflict = ConflictDialog(self, error)
        self.conflict.show()
        return self.conflict

    def keep_theirs(self) -> None:
        """Drop the edit and show the stored version of the project (reloaded)."""
        project_id = self.form_values().get("projet_id")
        self._loaded_state = None
        self.reload()
        if project_id:
            self.select_project(project_id)
            try:
                self._fill_form(register.load_project(self.store, project_id)["projet"])
            except ScoranError:  # deleted meanwhile
                self.new_project()

    def overwrite(self, error) -> bool:
        """Save the form over the version seen in the conflict (a knowing overwrite)."""
        self.loaded_version = error.version or 0
        return self.save_form()

    def edit_themes(self):
        """Open the regional themes dialog (not modal for the rest of QGIS); returns it."""
        from .register_lists import ThemesDialog

        if self.store is None:
            return None
        self._dialog = ThemesDialog(self.store, self)
        self._dialog.saved.connect(self.reload)
        self._dialog.open()
        return self._dialog

    def edit_sdtan(self):
        """Open the SDTAN inventory (one row per département of the store); returns the dialog."""
        from .register_lists import SdtanDialog

        if self.store is None:
            return None
        self._dialog = SdtanDialog(self.store, self)
        self._dialog.open()
        return self._dialog

    def duplicate(self) -> str | None:
        project_id = self.current_id()
        if self.store is None or project_id is None:
            return None
        new_id = register.duplicate_project(self.store, project_id)
        self.reload()
        self.select_project(new_id)
        return new_id

    def delete(self, confirm: bool = True) -> bool:
        project_id = self.current_id()
        if self.store is None or project_id is None:
            return False
        if confirm and QMessageBox.question(
                self, _tr("Supprimer le projet"),
                _tr("Supprimer le projet {0}, ses jalons, liens et financements ?").format(project_id)
        ) != QMessageBox.StandardButton.Yes:
            return False
        try:  # refused when someone changed the project since it was loaded
            register.delete_project(self.store, project_id, version=self.loaded_version or None)
        except ScoranError as error:
            self.message.setText(str(error))
            return False
        self._loaded_state = None
        self.reload()
        return True

    def link_selection(self) -> int:
        """Attach the selected features of the active layer to the current project, by stable key."""
        project_id = self.current_id()
        layer = self.iface.activeLayer() if self.iface is not None else None
        if self.store is None or project_id is None or layer is None or not hasattr(layer, "selectedFeatures"):
            return 0
        names = layer.fields().names()
        field, kind = next(((f, k) for f, k in LINK_FIELDS if f in names), (None, None))
        if field is None:
            self.message.setText(_tr("La couche active n'a pas de clé stable (code INSEE, SIREN, rip_id…)."))
            return 0
        data = register.load_project(self.store, project_id)
        links = data["liens"] + [{"type_objet": kind, "cle": str(f[field])} for f in layer.selectedFeatures()]
        unique = [dict(t) for t in dict.fromkeys(tuple(sorted(link.items())) for link in links)]
        try:
            register.save_project(self.store, data["projet"], links=unique, version=data["projet"].get("version"))
        except ScoranError as error:
            self.message.setText(str(error))
            return 0
        self._fill_form(data["projet"])
        return len(unique) - len(data["liens"])

    def unlink_selected(self) -> int:
        """Detach the links chosen in the « Objets liés » list from the current project."""
        project_id = self.current_id()
        chosen = [item.data(Qt.ItemDataRole.UserRole) for item in self.links_list.selectedItems()]
        if self.store is None or project_id is None or not chosen:
            return 0
        data = register.load_project(self.store, project_id)
        kept = [link for link in data["liens"] if link not in chosen]
        try:
            register.save_project(self.store, data["projet"], links=kept, version=data["projet"].get("version"))
        except ScoranError as error:
            self.message.setText(str(error))
            return 0
        self._fill_form(data["projet"])
        return len(data["liens"]) - len(kept)

    def _hovered(self, index) -> None:
        if index.isValid():
            self.highlight(self.model.project(self.proxy.mapToSource(index).row())["projet_id"])

    def leaveEvent(self, event):  # noqa: N802
        self.highlight(None)
        super().leaveEvent(event)

    def _linked_layers(self, project_id: str):
        """(layer, key field, keys) of the project's links, for every map layer carrying such keys."""
        by_kind = {}
        for link in register.load_project(self.store, project_id)["liens"]:
            by_kind.setdefault(link["type_objet"], []).append(link["cle"])
        for layer in QgsProject.instance().mapLayers().values():
            if not hasattr(layer, "selectByExpression"):
                continue
            names = layer.fields().names()
            field, kind = next(((f, k) for f, k in LINK_FIELDS if f in names and k in by_kind), (None, None))
            if field is not None:
                yield layer, field, by_kind[kind]

    def highlight(self, project_id: str | None) -> int:
        """Outline the project's linked features on the map while the mouse is over its row."""
        from qgis.gui import QgsHighlight
        from qgis.PyQt.QtGui import QColor

        for item in self.highlights:
            item.hide()
        self.highlights = []
        if project_id is None or self.store is None or self.iface is None:
            return 0
        for layer, field, keys in self._linked_layers(project_id):
            quoted = ", ".join("'" + key.replace("'", "''") + "'" for key in keys)
            for feature in layer.getFeatures(f'"{field}" IN ({quoted})'):
                item = QgsHighlight(self.iface.mapCanvas(), feature.geometry(), layer)
                item.setColor(QColor(ALERT))
                item.setWidth(3)
                item.show()
                self.highlights.append(item)
        return len(self.highlights)

    def select_linked(self) -> int:
        """Select the linked features in every layer of the project that carries their key; zoom to them."""
        project_id = self.current_id()
        if self.store is None or project_id is None:
            return 0
        selected = 0
        extent = None
        for layer, field, keys in self._linked_layers(project_id):
            quoted = ", ".join("'" + key.replace("'", "''") + "'" for key in keys)
            layer.selectByExpression(f'"{field}" IN ({quoted})')
            selected += layer.selectedFeatureCount()
            if layer.selectedFeatureCount():
                box = layer.boundingBoxOfSelected()
                if self.iface is not None:
                    box = self.iface.mapCanvas().mapSettings().layerExtentToOutputExtent(layer, box)
                if extent is None:
                    extent = box
                else:
                    extent.combineExtentWith(box)
        if extent is not None and self.iface is not None:
            extent.scale(1.2)
            self.iface.mapCanvas().setExtent(extent)
            self.iface.mapCanvas().refresh()
        return selected


class ConflictDialog(QDialog):
    """A save refused because someone else saved first: who and when, the differences field by field, and
    the choices « Garder leur version », « Écraser avec ma version », « Continuer ma saisie » (merge in the
    form, then save again: once the differences were seen, the second save is allowed)."""

    def __init__(self, dock, error):
        super().__init__(dock)
        self.dock, self.error = dock, error
        self.setWindowTitle(_tr("Projet modifié par quelqu'un d'autre"))
        self.setModal(False)
        layout = QVBoxLayout(self)
        text = QLabel(str(error))
        text.setWordWrap(True)
        layout.addWidget(text)
        theirs = (error.current or {}).get("projet") or {}
        mine = dock.form_values()
        self.differences = register.project_differences(mine, theirs) if theirs else []
        data = error.current or {}
        for key, fields in (("jalons", ("libelle", "date_jalon", "semestre", "statut")),
                            ("documents", ("type_document", "titre", "chemin", "date_document"))):
            rows = dock.milestones.rows() if key == "jalons" else dock.documents.rows()
            if error.current is not None and _plain_rows(rows, fields) != _plain_rows(data.get(key, []), fields):
                self.differences.append((key, _tr("{0} ligne(s)").format(len(rows)),
                                         _tr("{0} ligne(s)").format(len(data.get(key, [])))))
        self.table = QTableWidget(len(self.differences), 3)
        self.table.setHorizontalHeaderLabels([_tr("Champ"), _tr("Votre saisie"), _tr("Leur version")])
        labels = {**dock.field_labels, "jalons": _tr("Jalons"), "documents": _tr("Documents")}
        for row, (field, my_value, their_value) in enumerate(self.differences):
            for column, value in enumerate((labels.get(field, field), _shown(field, my_value),
                                            _shown(field, their_value))):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.hide()
        self.show_button = QPushButton(_tr("Voir leur version ({0} différence(s))").format(len(self.differences)))
        self.show_button.clicked.connect(self.show_differences)
        self.show_button.setEnabled(error.current is not None)
        layout.addWidget(self.show_button)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox()
        self.keep_button = buttons.addButton(_tr("Garder leur version"), QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_button.setToolTip(_tr("Abandonner votre saisie et recharger le projet tel qu'il est enregistré"))
        self.overwrite_button = buttons.addButton(_tr("Écraser avec ma version"),
                                                  QDialogButtonBox.ButtonRole.DestructiveRole)
        self.overwrite_button.setToolTip(_tr("Enregistrer votre saisie à la place de leur version, en connaissance "
                                             "de cause"))
        self.merge_button = buttons.addButton(_tr("Continuer ma saisie"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setToolTip(_tr("Garder votre saisie dans le formulaire pour y reporter leurs changements, "
                                         "puis enregistrer"))
        self.keep_button.clicked.connect(self.keep_theirs)
        self.overwrite_button.clicked.connect(self.overwrite)
        self.merge_button.clicked.connect(self.merge)
        layout.addWidget(buttons)

    def show_differences(self) -> None:
        """Show the differences field by field; having seen them, the officer may save over their version."""
        self.table.show()
        self.table.resizeColumnsToContents()
        self.dock.loaded_version = self.error.version or 0
        self.dock.message.setText(_tr("Leur version est affichée ci-contre : reportez dans le formulaire ce que "
                                      "vous gardez, puis enregistrez."))

    def keep_theirs(self) -> None:
        self.dock.keep_theirs()
        self.close()

    def overwrite(self) -> None:
        self.close()
        self.dock.overwrite(self.error)

    def merge(self) -> None:
        self.show_differences()
        self.close()


def _plain_rows(rows: list[dict], fields) -> list[tuple]:
    return [tuple(row.get(field) or None for field in fields) for row in rows]


def _shown(field: str, value) -> str:
    """A value of the project form as the conflict dialog shows it (labels for codes, dates JJ/MM/AAAA)."""
    if value is None or value == "":
        return "—"
    labels = {"niveau": register.LEVEL_LABELS, "domaine": register.DOMAIN_LABELS,
              "statut": register.STATUS_LABELS}.get(field)
    if labels:
        return labels.get(value, str(value))
    if field in register.FLAG_LABELS:
        return _tr("oui") if value else _tr("non")
    if field in ("date_debut", "date_fin") and register.is_date(value):
        return french_date(value)
    return str(value)


def date_editor() -> QgsDateEdit:
    """A date field JJ/MM/AAAA with a calendar, empty allowed (shown « — »)."""
    editor = QgsDateEdit()
    editor.setDisplayFormat(DATE_FORMAT)
    editor.setCalendarPopup(True)
    editor.setAllowNull(True)
    editor.setNullRepresentation("—")
    editor.clear()
    return editor


def set_iso_date(editor: QgsDateEdit, value) -> None:
    """Show an ISO date (`AAAA-MM-JJ`) in `editor`; empty when the value is not a date."""
    if register.is_date(value):
        editor.setDate(QDate.fromString(value, Qt.DateFormat.ISODate))
    else:
        editor.clear()


def iso_date(editor: QgsDateEdit) -> str | None:
    """The date of `editor` as stored (`AAAA-MM-JJ`), None when empty."""
    if editor.isNull() or not editor.date().isValid():
        return None
    return editor.date().toString(Qt.DateFormat.ISODate)


class _DateDelegate(QStyledItemDelegate):
    """Cells holding JJ/MM/AAAA dates, edited with a calendar."""

    def createEditor(self, parent, _option, _index):  # noqa: N802
        editor = date_editor()
        editor.setParent(parent)
        return editor

    def setEditorData(self, editor, index):  # noqa: N802
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        day = QDate.fromString(text, DATE_FORMAT)
        if day.isValid():
            editor.setDate(day)
        else:
            editor.clear()

    def setModelData(self, editor, model, index):  # noqa: N802
        value = iso_date(editor)
        model.setData(index, french_date(value) if value else "", Qt.ItemDataRole.DisplayRole)


class _ChoiceDelegate(QStyledItemDelegate):
    """Cells holding a code shown by its French label (statut « Atteint », type « Compte rendu »)."""

    def __init__(self, labels: dict, parent=None):
        super().__init__(parent)
        self.labels = labels

    def createEditor(self, parent, _option, _index):  # noqa: N802
        box = QComboBox(parent)
        for code, label in self.labels.items():
            box.addItem(label, code)
        return box

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.UserRole))))

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.UserRole)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class _ChildTable(QWidget):
    """A small editable table of a project's child rows (milestones, documents): dates with a calendar,
    choices by their French label."""

    def __init__(self, fields, headers, defaults, choices=None):
        from qgis.PyQt.QtWidgets import QTableWidget

        super().__init__()
        self.fields, self.defaults, self.choices = fields, defaults, choices or {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(fields))
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        # room for four rows: the tab scrolls rather than squeezing the tables to one row
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + 4 * self.table.verticalHeader().defaultSectionSize() + 4)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # dates, semesters, choices
        metrics = self.table.fontMetrics()
        for column, field in enumerate(fields):
            if field in ("libelle", "titre", "chemin"):  # free text: elided, widened at will
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, max(metrics.horizontalAdvance(headers[column]) + 24,
                                                 20 * metrics.averageCharWidth()))
        header.setStretchLastSection(True)
        self._delegates = []  # kept alive: the view does not own its delegates
        for column, field in enumerate(fields):
            if field.startswith("date"):
                delegate = _DateDelegate(self.table)
            elif field in self.choices:
                delegate = _ChoiceDelegate(self.choices[field], self.table)
            else:
                continue
            self._delegates.append(delegate)
            self.table.setItemDelegateForColumn(column, delegate)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        for text, slot in ((_tr("Ajouter"), self.add_row), (_tr("Retirer"), self.remove_row)):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, action=slot: action())
            buttons.addWidget(button)
        buttons.addStretch()
        layout.addLayout(buttons)

    def add_row(self, values: dict | None = None) -> None:
        from qgis.PyQt.QtWidgets import QTableWidgetItem

        values = {**self.defaults, **(values or {})}
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, field in enumerate(self.fields):
            value = values.get(field)
            if field in self.choices:
                item = QTableWidgetItem(self.choices[field].get(value, "" if value is None else str(value)))
                item.setData(Qt.ItemDataRole.UserRole, value)
            else:
                item = QTableWidgetItem(french_date(value) if field.startswith("date") else
                                        ("" if value is None else str(value)))
            self.table.setItem(row, column, item)

    def remove_row(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def set_rows(self, rows: list[dict]) -> None:
        self.table.setRowCount(0)
        for row in rows:
            self.add_row(row)

    def rows(self) -> list[dict]:
        result = []
        for row in range(self.table.rowCount()):
            values = {}
            for column, field in enumerate(self.fields):
                item = self.table.item(row, column)
                if field in self.choices:
                    values[field] = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
                    continue
                text = item.text().strip() if item is not None else ""
                if field.startswith("date") and len(text) == 10 and text[2] == "/":
                    text = f"{text[6:10]}-{text[3:5]}-{text[0:2]}"
                values[field] = text or None
            if any(values[f] for f in self.fields if f not in self.defaults):
                result.append(values)
        return result


class ThemeChecks(QListWidget):
    """The regional themes as checkable items; at most `MAX_REGIONAL_THEMES` checked (circular, II.B)."""

    limitReached = pyqtSignal(str)  # noqa: N815 — Qt signal naming

    def __init__(self, parent=None):
        super().__init__(parent)
        self._themes: list[dict] = []
        self._unknown: list[str] = []  # codes of the project missing from the list, kept as they are
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long labels elided, full in tooltip
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # sized to its items
        self.itemChanged.connect(self._changed)
        self.set_themes([])

    def set_themes(self, themes: list[dict]) -> None:
        checked = self.codes()
        self._themes = list(themes)
        self.blockSignals(True)
        self.clear()
        for theme in self._themes:
            item = QListWidgetItem(theme["libelle"])
            item.setToolTip(f"{theme['libelle']} ({theme['code']})")
            item.setData(Qt.ItemDataRole.UserRole, theme["code"])
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Checked if theme["code"] in checked else Qt.CheckState.Unchecked)
            self.addItem(item)
        if not self._themes:
            item = QListWidgetItem(_tr("Aucun thème régional : ajoutez-en par « Thèmes régionaux » (barre d'outils)."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(item)
        self.blockSignals(False)
        rows = max(1, self.count())
        self.setFixedHeight(rows * (self.fontMetrics().height() + 6) + 2 * self.frameWidth() + 4)

    def _items(self):
        return [self.item(i) for i in range(self.count()) if self.item(i).data(Qt.ItemDataRole.UserRole)]

    def set_codes(self, codes: list[str]) -> None:
        known = {item.data(Qt.ItemDataRole.UserRole) for item in self._items()}
        self._unknown = [code for code in codes if code not in known]
        self.blockSignals(True)
        for item in self._items():
            checked = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.blockSignals(False)

    def codes(self) -> list[str]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self._items()
                if item.checkState() == Qt.CheckState.Checked] + getattr(self, "_unknown", [])

    def _changed(self, item) -> None:
        if item.checkState() == Qt.CheckState.Checked and len(self.codes()) > register.MAX_REGIONAL_THEMES:
            self.blockSignals(True)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.blockSignals(False)
            self.limitReached.emit(_tr("Un projet relève de {0} thèmes régionaux au plus.").format(
                register.MAX_REGIONAL_THEMES))
