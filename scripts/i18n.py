"""Translations of the plugin: extract every translatable literal, update the .ts files, compile the .qm.

    python3 scripts/i18n.py            # (make i18n) update resources/i18n/*.ts, then lrelease → .qm
    python3 scripts/i18n.py --check    # only report what is untranslated (exit 1 if anything is)
    python3 scripts/i18n.py --prune    # also drop the translations of strings gone from the code

Source strings are French. pylupdate5 cannot follow the plugin's translation helpers (a module
function `tr()` with a default context, `_tr()` helpers of fixed contexts, `self.tr()` inherited from
a base class), so the extraction reads the code's syntax tree (never its text with patterns):

* a *helper* is a function or method whose body returns `QCoreApplication.translate(<context>,
  <its message parameter>)`, the context being a literal or a parameter with a literal default
  (`core.i18n.tr(message, context="scoran")`);
* a call of a helper is resolved through the module's imports (`from .i18n import tr`,
  `register.tr(…)` on an imported module), the class hierarchy (`self.tr(…)` in a subclass of
  `ScoranAlgorithm`), a local alias (`tr = algorithm.tr`) or RECEIVERS below;
* `QCoreApplication.translate("ctx", "…")` written directly is taken as is.

A message that is not a literal (an f-string, a variable, a `%`-formatted text) cannot be extracted
and is reported as an error: write `tr("… {0} …").format(value)` instead. Translations of strings
gone from the code are kept as « vanished » (reused by Qt Linguist) until --prune. The extraction is
used by the tests (tests/unit/test_translations.py), which fail when a string has no English
translation or a translation loses a placeholder.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "scoran_qgis"
I18N_DIR = ROOT / PACKAGE / "resources" / "i18n"
LANGUAGES = ("en",)
SOURCE_LANGUAGE = "fr"
# Names a translation method is called on that are not `self` nor a module: the class they hold
# (modules relative to the package).
RECEIVERS = {"algorithm": ("algorithms.base", "ScoranAlgorithm")}


@dataclass(frozen=True)
class Helper:
    """A translating function: its fixed context, or the position/name of its context parameter."""

    context: str | None
    message_index: int = 0
    context_index: int | None = None
    context_name: str | None = None


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    path: str  # relative to the package
    line: int


@dataclass
class Extraction:
    messages: list[Message] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def by_context(self) -> dict[str, dict[str, list[Message]]]:
        """{context: {source: [occurrences]}} in the order of first appearance."""
        contexts: dict[str, dict[str, list[Message]]] = {}
        for message in self.messages:
            contexts.setdefault(message.context, {}).setdefault(message.source, []).append(message)
        return contexts


def module_name(path: Path, package_root: Path) -> str:
    parts = list(path.relative_to(package_root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve_relative(module: str, is_package: bool, level: int, target: str | None) -> str:
    base = module.split(".") if is_package else module.split(".")[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join(base + ([target] if target else []))


def _literal(node: ast.AST) -> str | None:
    """The text of a string literal (adjacent literals and `+` of literals included), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def _is_translate(node: ast.AST) -> bool:
    """A call `QCoreApplication.translate(…)`."""
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "translate"
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "QCoreApplication")


class Module:
    """One parsed source file: its imports, helpers and classes."""

    def __init__(self, path: Path, package_root: Path):
        self.path = path
        self.relative = path.relative_to(package_root).as_posix()
        self.name = module_name(path, package_root)
        self.is_package = path.name == "__init__.py"
        self.tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        self.imported_names: dict[str, tuple[str, str]] = {}  # local name → (module, name)
        self.imported_modules: dict[str, str] = {}  # local name → module
        self.functions: dict[str, Helper] = {}  # module-level helpers
        self.classes: dict[str, ast.ClassDef] = {}
        self.class_helpers: dict[str, dict[str, Helper]] = {}
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ImportFrom):
                source = _resolve_relative(self.name, self.is_package, node.level, node.module) if node.level \
                    else (node.module or "")
                for alias in node.names:
                    self.imported_names[alias.asname or alias.name] = (source, alias.name)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    self.imported_modules[alias.asname or alias.name.split(".")[0]] = \
                        alias.name if alias.asname else alias.name.split(".")[0]
        for node in self.tree.body:
            if isinstance(node, ast.FunctionDef):
                helper = _helper_of(node, method=False)
                if helper:
                    self.functions[node.name] = helper
            elif isinstance(node, ast.ClassDef):
                self.classes[node.name] = node
                self.class_helpers[node.name] = {
                    item.name: helper for item in node.body if isinstance(item, ast.FunctionDef)
                    for helper in [_helper_of(item, method=not _is_static(item))] if helper}


def _is_static(function: ast.FunctionDef) -> bool:
    return any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in function.decorator_list)


def _helper_of(function: ast.FunctionDef, method: bool) -> Helper | None:
    """The helper a function is when it returns QCoreApplication.translate(ctx, <message parameter>)."""
    parameters = [a.arg for a in function.args.args][1 if method else 0:]
    defaults = dict(zip(reversed(parameters), reversed(function.args.defaults)))
    for node in ast.walk(function):
        if not (isinstance(node, ast.Return) and _is_translate(node.value) and len(node.value.args) >= 2):
            continue
        context, message = node.value.args[:2]
        if not (isinstance(message, ast.Name) and message.id in parameters):
            continue
        message_index = parameters.index(message.id)
        if _literal(context) is not None:
            return Helper(_literal(context), message_index)
        if isinstance(context, ast.Name) and context.id in parameters and _literal(defaults.get(context.id)):
            return Helper(_literal(defaults[context.id]), message_index, parameters.index(context.id), context.id)
    return None


class Extractor:
    def __init__(self, package_root: Path):
        self.package_root = package_root
        self.modules = {module.name: module for module in
                        (Module(path, package_root) for path in sorted(package_root.rglob("*.py")))}

    # --- resolution ------------------------------------------------------------------------------
    def function_helper(self, module: Module, name: str, seen=()) -> Helper | None:
        if name in module.functions:
            return module.functions[name]
        if name in module.imported_names and (module.name, name) not in seen:
            source, original = module.imported_names[name]
            if source in self.modules:
                return self.function_helper(self.modules[source], original, seen + ((module.name, name),))
        return None

    def resolve_class(self, module: Module, name: str) -> tuple[Module, ast.ClassDef] | None:
        if name in module.classes:
            return module, module.classes[name]
        if name in module.imported_names:
            source, original = module.imported_names[name]
            if source in self.modules:
                return self.resolve_class(self.modules[source], original)
        return None

    def method_helper(self, module: Module, class_name: str, method: str) -> Helper | None:
        """A method helper of a class or of its bases within the package (Qt's own tr() excluded)."""
        found = self.resolve_class(module, class_name)
        if found is None:
            return None
        owner, node = found
        if method in owner.class_helpers.get(node.name, {}):
            return owner.class_helpers[node.name][method]
        for base in node.bases:
            if isinstance(base, ast.Name):
                helper = self.method_helper(owner, base.id, method)
                if helper:
                    return helper
        return None

    def module_of(self, module: Module, name: str) -> Module | None:
        """The package module a local name stands for (`from ..core import register`)."""
        if name in module.imported_names:
            source, original = module.imported_names[name]
            candidate = f"{source}.{original}"
            if candidate in self.modules:
                return self.modules[candidate]
        if name in module.imported_modules and module.imported_modules[name] in self.modules:
            return self.modules[module.imported_modules[name]]
        return None

    # --- extraction ------------------------------------------------------------------------------
    def extract(self) -> Extraction:
        result = Extraction()
        for module in self.modules.values():
            _Visitor(self, module, result).visit(module.tree)
        return result


class _Visitor(ast.NodeVisitor):
    def __init__(self, extractor: Extractor, module: Module, result: Extraction):
        self.extractor, self.module, self.result = extractor, module, result
        self.classes: list[str] = []
        self.aliases: list[dict[str, Helper]] = [{}]  # per function: `tr = algorithm.tr`
        self.parameters: list[set[str]] = [set()]

    def visit_ClassDef(self, node):  # noqa: N802
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node):  # noqa: N802
        self.aliases.append({})
        self.parameters.append({a.arg for a in node.args.args + node.args.kwonlyargs})
        self.generic_visit(node)
        self.aliases.pop()
        self.parameters.pop()

    visit_AsyncFunctionDef = visit_FunctionDef  # noqa: N815

    def visit_Assign(self, node):  # noqa: N802
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and isinstance(node.value, ast.Attribute):
            helper = self.attribute_helper(node.value)
            if helper:
                self.aliases[-1][node.targets[0].id] = helper
        self.generic_visit(node)

    def attribute_helper(self, node: ast.Attribute) -> Helper | None:
        if not isinstance(node.value, ast.Name):
            return None
        receiver = node.value.id
        if receiver == "self" and self.classes:
            return self.extractor.method_helper(self.module, self.classes[-1], node.attr)
        module = self.extractor.module_of(self.module, receiver)
        if module is not None:
            return self.extractor.function_helper(module, node.attr)
        if receiver in RECEIVERS:
            module_name_, class_name = RECEIVERS[receiver]
            module = self.extractor.modules.get(f"{self.extractor.package_root.name}.{module_name_}")
            return self.extractor.method_helper(module, class_name, node.attr) if module else None
        return None

    def where(self, node) -> str:
        return f"{PACKAGE}/{self.module.relative}:{node.lineno}"

    def visit_Call(self, node):  # noqa: N802
        helper, described = None, None
        if isinstance(node.func, ast.Name):
            described = node.func.id
            helper = next((a[node.func.id] for a in reversed(self.aliases) if node.func.id in a), None) \
                or self.extractor.function_helper(self.module, node.func.id)
        elif isinstance(node.func, ast.Attribute) and not _is_translate(node):
            described = ast.unparse(node.func)
            helper = self.attribute_helper(node.func)
        if _is_translate(node):
            self.direct(node)
        elif helper is not None:
            self.helper_call(node, helper, described)
        elif described and described.split(".")[-1] in ("tr", "_tr"):
            self.result.errors.append(f"{self.where(node)}: {described}() not resolved to a translation helper")
        self.generic_visit(node)

    def direct(self, node: ast.Call) -> None:
        if len(node.args) < 2:
            self.result.errors.append(f"{self.where(node)}: QCoreApplication.translate() without a message")
            return
        context, message = _literal(node.args[0]), _literal(node.args[1])
        if context is not None and message is not None:
            self.add(context, message, node)
        elif not (isinstance(node.args[1], ast.Name) and node.args[1].id in self.parameters[-1]):  # a helper's body
            self.result.errors.append(f"{self.where(node)}: QCoreApplication.translate() without literals")

    def helper_call(self, node: ast.Call, helper: Helper, described: str) -> None:
        message_node = node.args[helper.message_index] if len(node.args) > helper.message_index else \
            next((k.value for k in node.keywords if k.arg in ("message", "text", "string")), None)
        if message_node is None:
            self.result.errors.append(f"{self.where(node)}: {described}() without a message")
            return
        message = _literal(message_node)
        if message is None:
            kind = "an f-string" if isinstance(message_node, ast.JoinedStr) else f"`{ast.unparse(message_node)}`"
            self.result.errors.append(f"{self.where(node)}: {described}() of {kind}, not a literal: "
                                      f"write {described}(\"… {{0}} …\").format(value)")
            return
        context = helper.context
        if helper.context_index is not None:
            context_node = node.args[helper.context_index] if len(node.args) > helper.context_index else \
                next((k.value for k in node.keywords if k.arg == helper.context_name), None)
            if context_node is not None:
                context = _literal(context_node)
                if context is None:
                    self.result.errors.append(f"{self.where(node)}: {described}() with a non-literal context")
                    return
        self.add(context, message, node)

    def add(self, context: str, source: str, node) -> None:
        if not source.strip():
            self.result.errors.append(f"{self.where(node)}: empty message")
            return
        self.result.messages.append(Message(context, source, self.module.relative, node.lineno))


def extract(package_root: Path = ROOT / PACKAGE) -> Extraction:
    return Extractor(package_root).extract()


# --- .ts files ---------------------------------------------------------------------------------------
@dataclass
class Entry:
    translation: str = ""
    kind: str | None = "unfinished"  # None: finished; "unfinished", "vanished", "obsolete"


def read_ts(path: Path) -> dict[str, dict[str, Entry]]:
    """{context: {source: Entry}} of a Qt .ts file (empty when there is none)."""
    if not path.exists():
        return {}
    contexts: dict[str, dict[str, Entry]] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            contexts.setdefault(name, {})[message.findtext("source") or ""] = Entry(
                (node.text or "") if node is not None else "", node.get("type") if node is not None else "unfinished")
    return contexts


def write_ts(path: Path, language: str, extraction: Extraction, keep_vanished: bool = True) -> dict[str, int]:
    """Update a .ts from the extraction: translations kept, new sources unfinished, gone ones vanished."""
    old = read_ts(path)
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage=SOURCE_LANGUAGE)
    counts = {"messages": 0, "finished": 0, "unfinished": 0, "vanished": 0}
    current = extraction.by_context()
    for context_name in sorted(set(current) | (set(old) if keep_vanished else set())):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
        sources = current.get(context_name, {})
        previous = old.get(context_name, {})
        for source, occurrences in sources.items():
            entry = previous.get(source, Entry())
            message = ET.SubElement(context, "message")
            for filename in dict.fromkeys(o.path for o in occurrences):
                ET.SubElement(message, "location", filename=f"../../{filename}")
            ET.SubElement(message, "source").text = source
            finished = entry.kind in (None, "vanished", "obsolete") and entry.translation.strip()
            translation = ET.SubElement(message, "translation")
            translation.text = entry.translation
            if not finished:
                translation.set("type", "unfinished")
            counts["messages"] += 1
            counts["finished" if finished else "unfinished"] += 1
        if keep_vanished:
            for source, entry in previous.items():
                if source in sources or not entry.translation.strip():
                    continue
                message = ET.SubElement(context, "message")
                ET.SubElement(message, "source").text = source
                ET.SubElement(message, "translation", type="vanished").text = entry.translation
                counts["vanished"] += 1
        if not len(context.findall("message")):
            root.remove(context)
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return counts


def lrelease() -> str | None:
    for name in ("lrelease", "lrelease-qt5", "/usr/lib/qt5/bin/lrelease", "lrelease6"):
        found = shutil.which(name)
        if found:
            return found
    return None


def compile_qm(ts: Path) -> Path | None:
    """The .qm beside the .ts (None without lrelease: the committed .qm stays, the tests say if it is stale)."""
    tool = lrelease()
    if tool is None:
        print("attention : lrelease introuvable (paquet Debian qttools5-dev-tools) : .qm non recompilé",
              file=sys.stderr)
        return None
    qm = ts.with_suffix(".qm")
    subprocess.run([tool, "-silent", "-nounfinished", str(ts), "-qm", str(qm)], check=True)
    return qm


def ts_path(language: str) -> Path:
    return I18N_DIR / f"{PACKAGE}_{language}.ts"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report only; exit 1 when a string is missing")
    parser.add_argument("--prune", action="store_true", help="drop the translations of vanished strings")
    parser.add_argument("--no-compile", action="store_true", help="update the .ts only")
    args = parser.parse_args(argv)
    extraction = extract()
    for error in extraction.errors:
        print(f"erreur : {error}", file=sys.stderr)
    status = 1 if extraction.errors else 0
    per_context = {c: len(s) for c, s in extraction.by_context().items()}
    print(f"{sum(per_context.values())} chaînes : " + ", ".join(f"{c} {n}" for c, n in sorted(per_context.items())))
    for language in LANGUAGES:
        path = ts_path(language)
        if args.check:
            old = read_ts(path)
            missing = [(c, s) for c, sources in extraction.by_context().items() for s in sources
                       if not (old.get(c, {}).get(s) and old[c][s].kind is None and old[c][s].translation.strip())]
            for context, source in missing:
                print(f"à traduire ({language}, {context}) : {source!r}", file=sys.stderr)
            status = status or (1 if missing else 0)
            continue
        counts = write_ts(path, language, extraction, keep_vanished=not args.prune)
        print(f"{path.relative_to(ROOT)} : {counts['finished']} traduites, {counts['unfinished']} à traduire, "
              f"{counts['vanished']} disparues")
        if not args.no_compile:
            qm = compile_qm(path)
            if qm is not None:
                print(f"{qm.relative_to(ROOT)} compilé")
    return status


if __name__ == "__main__":
    sys.exit(main())
