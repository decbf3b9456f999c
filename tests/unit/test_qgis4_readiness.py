"""QGIS 4 (Qt6) readiness, read from the source: what Qt6 and QGIS 4 remove is used nowhere, or only in
compat.py, which picks the right spelling per version. `qgisMaximumVersion=4.99` is a promise this keeps."""

from __future__ import annotations

import ast
import configparser
import re
from pathlib import Path

import pytest

from tests.unit.test_code_layout import PACKAGE, modules, tree, where

COMPAT = PACKAGE / "compat.py"
# enum holders whose members moved (Qgis.*) or whose Qt5 spelling Qt6 drops; allowed in compat.py only
MOVED = {
    "QVariant": "field types: compat.FIELD_*",
    "QgsUnitTypes": "units: compat.LAYOUT_MILLIMETERS, DISTANCE_KILOMETERS",
    "QgsRenderContext": "text format: compat.TEXT_ALWAYS_TEXT",
}
MOVED_MEMBERS = {  # Holder: members that are enum values (the holder's functions stay in QGIS 4)
    "QgsWkbTypes": re.compile(r"^(?!geometryType$|flatType$|multiType$|singleType$|isMultiType$|displayString$)"
                              r"[A-Z]\w*$"),
    "QgsProcessing": re.compile(r"^Type\w+$"),
}


def attribute_uses(path: Path):
    """(line, holder, member) of every `Holder.member` in a module."""
    for node in ast.walk(tree(path)):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            yield node.lineno, node.value.id, node.attr


def offenders(check) -> list[str]:
    return [f"{where(path, line)} {holder}.{member}" for path in modules() if path != COMPAT
            for line, holder, member in attribute_uses(path) if check(holder, member)]


def test_moved_enums_only_in_compat():
    assert offenders(lambda holder, member: holder in MOVED) == []
    assert offenders(lambda holder, member: holder in MOVED_MEMBERS and MOVED_MEMBERS[holder].match(member)) == []


def test_qt_enums_are_fully_scoped():
    """`Qt.AlignLeft` is gone in Qt6: `Qt.AlignmentFlag.AlignLeft`. A capitalised member of a Qt class
    (`Qt`, `QPageSize`…) is an enum class followed by its member, or a call — never a bare value."""
    found = []
    for path in modules():
        if path == COMPAT:
            continue
        module = tree(path)
        scopes = {id(node.value) for node in ast.walk(module) if isinstance(node, ast.Attribute)}  # X in X.Y
        calls = {id(node.func) for node in ast.walk(module) if isinstance(node, ast.Call)}
        found += [f"{where(path, node.lineno)} {node.value.id}.{node.attr}" for node in ast.walk(module)
                  if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                  and re.match(r"Q(?!gs|gis)[A-Z]|Qt$", node.value.id) and node.attr[:1].isupper()
                  and id(node) not in scopes and id(node) not in calls]
    assert found == []


@pytest.mark.parametrize("pattern, why", [
    (r"\.exec_\(", "exec_() is gone in Qt6: exec()"),
    (r"\bQRegExp\b", "QRegExp is gone in Qt6: QRegularExpression"),
    (r"\bpyrcc5\b|\bresources_rc\b", "compiled Qt resources (pyrcc5) do not exist for Qt6: plain files"),
    (r"\bfrom PyQt5\b|\bimport PyQt5\b", "Qt only through qgis.PyQt"),
])
def test_removed_qt5_spellings(pattern, why):
    found = [f"{path.relative_to(PACKAGE.parent)}:{number}" for path in modules()
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if re.search(pattern, line)]
    assert found == [], why


def test_metadata_promises_qgis_4():
    metadata = configparser.ConfigParser()
    metadata.read(PACKAGE / "metadata.txt", encoding="utf-8")
    general = metadata["general"]
    assert tuple(int(p) for p in general["qgisMinimumVersion"].split(".")[:2]) == (3, 22)
    assert tuple(int(p) for p in general["qgisMaximumVersion"].split(".")[:2]) >= (4, 0)


def test_the_scan_finds_what_it_looks_for(tmp_path, monkeypatch):
    """The scan is not vacuous: an unscoped enum and a QVariant type in a module are reported."""
    from tests.unit import test_code_layout

    fake = tmp_path / "scoran_qgis"
    fake.mkdir()
    (fake / "bad.py").write_text("from qgis.PyQt.QtCore import Qt, QVariant\n"
                                 "a = Qt.AlignLeft\nb = Qt.AlignmentFlag.AlignLeft\nc = QVariant.Int\n",
                                 encoding="utf-8")
    monkeypatch.setattr(test_code_layout, "PACKAGE", fake)
    monkeypatch.setitem(globals(), "modules", lambda folder=None: [fake / "bad.py"])
    monkeypatch.setitem(globals(), "where", lambda path, line: f"bad.py:{line}")
    assert offenders(lambda holder, member: holder in MOVED) == ["bad.py:4 QVariant.Int"]
    with pytest.raises(AssertionError, match=r"bad.py:2 Qt.AlignLeft"):
        test_qt_enums_are_fully_scoped()
