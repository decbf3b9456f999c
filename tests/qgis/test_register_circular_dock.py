"""The register dock holds what the circular asks for, driven like an officer would (qtbot) on a copy of the
sample store: the project form's needs, professions, training, regional themes and flags; the regional themes
list and the SDTAN inventory edited from the dock's toolbar."""

from __future__ import annotations

import hashlib

import pytest
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtWidgets import QCheckBox, QDialogButtonBox, QFormLayout, QLabel

from scoran_qgis.ui.register_dock import RegisterDock, ThemeChecks


@pytest.fixture
def dock(qgis_iface, qtbot, sample_store):
    widget = RegisterDock(qgis_iface)
    qtbot.addWidget(widget)
    widget.set_store(sample_store)
    return widget


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stored(store, sql, parameters=()):
    with store.connection() as conn:
        return conn.execute(sql, parameters).fetchall()


def form_label(dock, name) -> str:
    form = dock.fields[name].parentWidget().layout()
    assert isinstance(form, QFormLayout)
    return form.labelForField(dock.fields[name]).text()


def theme_item(dock, code):
    checks = dock.fields["themes_regionaux"]
    return next(checks.item(i) for i in range(checks.count()) if checks.item(i).data(Qt.ItemDataRole.UserRole) == code)


def test_the_form_holds_the_circulars_fields_and_saves_them(dock, sample_store, qtbot):
    assert dock.tabs.tabText(3) == "Besoins et métiers"
    assert [form_label(dock, f) for f in ("zones_defavorisees", "publics_eloignes", "mutualisation")] == [
        "Territoires en difficulté", "Publics éloignés des usages", "Mutualisation"]
    assert all(isinstance(dock.fields[f], QCheckBox) for f in ("zones_defavorisees", "publics_eloignes"))
    checks = dock.fields["themes_regionaux"]
    assert [checks.item(i).text() for i in range(checks.count())] == [
        "Tourisme et patrimoine (exemple)", "Filière forêt-bois (exemple)"]  # the sample's two themes

    dock.select_project("PRJ-003")
    dock.tabs.setCurrentIndex(3)
    dock.fields["besoins_emergents"].clear()
    qtbot.keyClicks(dock.fields["besoins_emergents"], "Suivi des patients a domicile ")
    dock.fields["metiers"].setPlainText("Infirmiers\nMédecins coordonnateurs")
    dock.fields["besoins_formation"].setPlainText("")
    theme_item(dock, "filiere_bois").setCheckState(Qt.CheckState.Checked)
    theme_item(dock, "tourisme").setCheckState(Qt.CheckState.Checked)
    dock.fields["zones_defavorisees"].setChecked(True)
    dock.fields["publics_eloignes"].setChecked(False)
    assert dock.save_form(), dock.message.text()
    assert stored(sample_store, "SELECT besoins_emergents, metiers, besoins_formation, themes_regionaux, "
                                "zones_defavorisees, publics_eloignes FROM projets WHERE projet_id = 'PRJ-003'") == [
        ("Suivi des patients a domicile", "Infirmiers\nMédecins coordonnateurs", None, "tourisme,filiere_bois", 1, 0)]

    dock.select_project("PRJ-001")  # another project, then back: the form shows what was saved
    dock.select_project("PRJ-003")
    assert theme_item(dock, "tourisme").checkState() == Qt.CheckState.Checked
    assert dock.fields["metiers"].toPlainText() == "Infirmiers\nMédecins coordonnateurs"
    theme_item(dock, "tourisme").setCheckState(Qt.CheckState.Unchecked)
    assert dock.save_form()
    dock.undo_stack.undo()  # undo puts both themes back
    assert stored(sample_store, "SELECT themes_regionaux FROM projets WHERE projet_id = 'PRJ-003'") == [
        ("tourisme,filiere_bois",)]


def test_no_more_than_two_themes_can_be_checked(qtbot):
    checks = ThemeChecks()
    qtbot.addWidget(checks)
    checks.set_themes([{"code": c, "libelle": c.title(), "ordre": i} for i, c in enumerate(("a", "b", "c"))])
    messages = []
    checks.limitReached.connect(messages.append)
    for row in range(3):
        checks.item(row).setCheckState(Qt.CheckState.Checked)
    assert checks.codes() == ["a", "b"] and checks.item(2).checkState() == Qt.CheckState.Unchecked
    assert messages == ["Un projet relève de 2 thèmes régionaux au plus."]
    checks.set_themes([])
    assert checks.codes() == [] and "Aucun thème régional" in checks.item(0).text()


def test_the_themes_dialog_renames_refuses_removing_a_used_theme_and_adds_one(dock, sample_store):
    action = dock.actions_by_name["themes"]
    assert action.toolTip().startswith("Thèmes régionaux") and not action.icon().isNull()
    dialog = dock.edit_themes()
    assert dialog.isVisible() and dialog.windowTitle() == "Thèmes régionaux"
    assert [(t["code"], t["libelle"]) for t in dialog.themes()] == [
        ("tourisme", "Tourisme et patrimoine (exemple)"), ("filiere_bois", "Filière forêt-bois (exemple)")]
    assert not dialog.add_button.isEnabled() and dialog.add_theme("Viticulture") == -1  # two at most

    users = [r[0] for r in stored(sample_store, "SELECT projet_id FROM projets WHERE ',' || themes_regionaux || ',' "
                                                "LIKE '%,tourisme,%' ORDER BY projet_id")]
    assert users  # the sample uses the theme
    dialog.table.setCurrentCell(0, 0)
    assert not dialog.remove_theme()
    assert f"retenu par {len(users)} projet(s) ({', '.join(users[:5])}" in dialog.message.text()

    dialog.table.item(0, 0).setText("Tourisme")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible()
    assert stored(sample_store, "SELECT code, libelle, ordre FROM themes_regionaux ORDER BY ordre") == [
        ("tourisme", "Tourisme", 1), ("filiere_bois", "Filière forêt-bois (exemple)", 2)]
    checks = dock.fields["themes_regionaux"]
    assert checks.item(0).text() == "Tourisme"  # the form follows the list

    with sample_store.transaction() as conn:  # nobody uses the wood theme any more
        conn.execute("UPDATE projets SET themes_regionaux = replace(replace(themes_regionaux, ',filiere_bois', ''), "
                     "'filiere_bois', '')")
    dialog = dock.edit_themes()
    dialog.table.setCurrentCell(1, 0)
    assert dialog.remove_theme() and dialog.add_button.isEnabled()
    row = dialog.add_theme()
    dialog.table.item(row, 0).setText("Économie sociale et solidaire")
    assert dialog.save()
    assert stored(sample_store, "SELECT code, libelle FROM themes_regionaux ORDER BY ordre") == [
        ("tourisme", "Tourisme"), ("economie_sociale_et_solidaire", "Économie sociale et solidaire")]


def set_date(dialog, row, column, day: QDate):
    """Edit a date cell through its delegate, as the calendar editor does."""
    delegate = dialog.table.itemDelegateForColumn(column)
    index = dialog.table.model().index(row, column)
    editor = delegate.createEditor(dialog.table.viewport(), None, index)
    editor.setDate(day)
    delegate.setModelData(editor, dialog.table.model(), index)


def set_status(dialog, row, code):
    delegate = dialog.table.itemDelegateForColumn(1)
    index = dialog.table.model().index(row, 1)
    editor = delegate.createEditor(dialog.table.viewport(), None, index)
    editor.setCurrentIndex(editor.findData(code))
    delegate.setModelData(editor, dialog.table.model(), index)


def test_the_sdtan_inventory_lists_every_department_and_saves_atomically(dock, sample_store):
    dialog = dock.edit_sdtan()
    departments = stored(sample_store, "SELECT insee_dep, nom FROM departements ORDER BY insee_dep")
    assert dialog.table.rowCount() == len(departments) == 8
    assert [dialog.table.item(r, 0).text() for r in range(8)] == [f"{n} ({c})" for c, n in departments]
    assert any(label.text() == "8 départements" for label in dialog.findChildren(QLabel))

    row = dialog.row_of("58")
    set_status(dialog, row, "a_actualiser")
    set_date(dialog, row, 2, QDate(2012, 6, 25))
    set_date(dialog, row, 3, QDate(2016, 1, 31))
    assert dialog.table.item(row, 2).text() == "25/06/2012" and dialog.table.item(row, 1).text() == "À actualiser"
    dialog.table.item(row, 6).setText("  Révision prévue en 2016 ")
    assert dialog.save(), dialog.message.text()
    assert stored(sample_store, "SELECT statut, date_adoption, derniere_mise_a_jour, commentaire FROM sdtan "
                                "WHERE code_dep = '58'") == [("a_actualiser", "2012-06-25", "2016-01-31",
                                                              "Révision prévue en 2016")]

    before = sha(sample_store.path)
    dialog = dock.edit_sdtan()
    row = dialog.row_of("21")
    set_status(dialog, row, "adopte")
    set_date(dialog, row, 2, QDate(2014, 5, 1))
    set_date(dialog, row, 3, QDate(2013, 1, 1))  # before the adoption
    dialog.table.item(dialog.row_of("89"), 4).setText("Nouveau titre")  # a good edit on another row
    assert not dialog.save() and dialog.isVisible()
    assert dialog.message.text() == ("Côte-d'Or (21) : La dernière mise à jour (01/01/2013) précède l'adoption "
                                     "(01/05/2014).")
    assert sha(sample_store.path) == before  # nothing written, the good row neither
