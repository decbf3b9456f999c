"""The floors of the architecture, read from the source (no QGIS start): core/ has no GUI and depends on no
other layer, export/ does not reach into ui/, SQL lives in core/ only, Qt comes through qgis.PyQt."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "scoran_qgis"
SQL = re.compile(
    r"\bSELECT\b[\s\S]*\bFROM\b|\bINSERT\s+(?:OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\S+\s+SET\b|\bDELETE\s+FROM\b"
    r"|\b(?:CREATE|DROP|ALTER)\s+(?:TEMP\s+|VIRTUAL\s+)?(?:TABLE|INDEX|VIEW|TRIGGER)\b|\bPRAGMA\s+\w+"
)
SQL_CALLS = {"read_sql", "read_sql_query", "read_sql_table"}


def modules(folder: str | None = None) -> list[Path]:
    root = PACKAGE / folder if folder else PACKAGE
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def imported(path: Path) -> list[tuple[int, str]]:
    """(line, absolute dotted name) of every import of a module, relative ones resolved."""
    package = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1]
    names = []
    for node in ast.walk(tree(path)):
        if isinstance(node, ast.Import):
            names += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package[:len(package) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names.append((node.lineno, base))
            names += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]  # from .. import ui
    return names


def where(path: Path, line: int) -> str:
    return f"{path.relative_to(PACKAGE.parent)}:{line}"


def offending_imports(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    return [f"{where(path, line)} {name}" for path in modules(folder) for line, name in imported(path)
            if any(name == f or name.startswith(f + ".") for f in forbidden)]


def test_core_has_no_gui_and_no_other_layer():
    forbidden = ("qgis.gui", "scoran_qgis.ui", "scoran_qgis.export", "scoran_qgis.algorithms")
    assert offending_imports("core", forbidden) == []


def test_export_does_not_import_ui():
    assert offending_imports("export", ("qgis.gui", "scoran_qgis.ui")) == []


def test_qt_only_through_qgis_pyqt():
    direct = ("PyQt5", "PyQt6", "PySide2", "PySide6", "sip")
    assert [f"{where(path, line)} {name}" for path in modules() for line, name in imported(path)
            if name.split(".")[0] in direct] == []


def string_literals(module: ast.Module):
    """(line, text) of every string literal; f-strings with their expressions replaced by `?`."""
    inside_fstring = set()
    for node in ast.walk(module):
        if isinstance(node, ast.JoinedStr):
            parts = []
            for value in node.values:
                inside_fstring.add(id(value))
                parts.append(value.value if isinstance(value, ast.Constant) else "?")
            yield node.lineno, "".join(str(p) for p in parts)
    for node in ast.walk(module):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in inside_fstring:
            yield node.lineno, node.value


def docstrings(module: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(module):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def sql_outside_core() -> list[str]:
    found = []
    for path in modules():
        if path.is_relative_to(PACKAGE / "core"):
            continue
        module = tree(path)
        skip = docstrings(module)
        literals = {(line, text) for line, text in string_literals(module)}
        literals -= {(n.lineno, n.value) for n in ast.walk(module) if id(n) in skip}
        found += [f"{where(path, line)} {text.strip()[:60]!r}" for line, text in sorted(literals) if SQL.search(text)]
        found += [f"{where(path, node.lineno)} pandas.{node.func.attr}()" for node in ast.walk(module)
                  if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and node.func.attr in SQL_CALLS]
    return found


def test_sql_lives_in_core_only():
    assert sql_outside_core() == []


@pytest.mark.parametrize(("text", "is_sql"), [
    ("SELECT insee_dep FROM departements", True),
    ('INSERT OR REPLACE INTO "t" (a) VALUES (?)', True),
    ("UPDATE projets SET titre = ?", True),
    ("DELETE FROM projets WHERE projet_id = ?", True),
    ("CREATE TABLE t (x)", True),
    ("Sélectionnez les communes à mettre à jour", False),
    ('"insee_dep" = \'21\'', False),
    ("Mettre à jour (UPDATE) le référentiel", False),
])
def test_the_sql_pattern_tells_sql_from_prose(text, is_sql):
    assert bool(SQL.search(text)) is is_sql
