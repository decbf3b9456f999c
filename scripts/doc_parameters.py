"""User guide: parameter tables from the provider, and the offline HTML help shipped in the plugin.

    .venv/bin/python scripts/doc_parameters.py           # update docs/guide/*.md and resources/help/
    .venv/bin/python scripts/doc_parameters.py --check   # exit 1 when a page or the help is stale

Each algorithm of the `scoran` provider has its page `docs/guide/<name>.md`; between the markers
`<!-- paramètres:début -->` / `<!-- paramètres:fin -->` (and `sorties`) the script writes the
parameters and outputs tables, read from the registered provider (names, labels, types, defaults,
optional), so the guide cannot drift from the code.

Then every page of docs/guide/ is rendered to `scoran_qgis/resources/help/<page>.html` (images copied
to `help/images/`): the plugin runs offline, so `helpUrl()` of each algorithm is a file URL to its
page inside the plugin. The converter is the small one below, not python-markdown: it knows the
Markdown the guide uses (titles, paragraphs, lists, tables, code, links, images), gives the same
bytes on Debian 12 and 13, and adds no dependency.
"""

from __future__ import annotations

import html
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "guide"
HELP = ROOT / "scoran_qgis" / "resources" / "help"
MARKERS = {"paramètres": "parameters", "sorties": "outputs"}

TYPES = {
    "source": "couche vecteur",
    "vector": "couche vecteur",
    "multilayer": "fichiers ou couches (plusieurs)",
    "string": "texte",
    "boolean": "booléen",
    "crs": "SCR",
    "field": "champ",
    "sink": "couche en sortie",
    "vectorDestination": "couche vecteur en sortie",
    "fileDestination": "fichier en sortie",
    "folderDestination": "dossier en sortie",
    "outputVector": "couche vecteur",
    "outputFile": "fichier",
    "outputFolder": "dossier",
    "outputNumber": "nombre",
    "outputString": "texte",
    "outputHtml": "page HTML",
}


# --- Tables from the provider ------------------------------------------------------------------


def _number(value) -> str:
    """French writing: 0,5 ; 140 000."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", " ")
    return f"{value:g}".replace(".", ",")


def _flag(name: str):
    """A parameter flag: `Qgis.ProcessingParameterFlag` from QGIS 3.36, `QgsProcessingParameterDefinition` before."""
    from qgis.core import Qgis, QgsProcessingParameterDefinition

    if hasattr(Qgis, "ProcessingParameterFlag"):
        return getattr(Qgis.ProcessingParameterFlag, name)
    return getattr(QgsProcessingParameterDefinition, f"Flag{name}")


def _type(definition) -> str:
    from scoran_qgis.compat import FILE_BEHAVIOR_FOLDER, NUMBER_INTEGER

    kind = definition.type()
    if kind == "number":
        return "nombre entier" if definition.dataType() == NUMBER_INTEGER else "nombre"
    if kind == "file":
        if definition.behavior() == FILE_BEHAVIOR_FOLDER:
            return "dossier"
        return f"fichier (.{definition.extension()})" if definition.extension() else "fichier"
    if kind == "enum":
        multiple = " (plusieurs)" if definition.allowMultiple() else ""
        return "choix" + multiple + " : " + ", ".join(f"`{option}`" for option in definition.options())
    return TYPES.get(kind, kind)


def _default(definition) -> str:
    value = definition.defaultValue()
    if value is None or value == "":
        return "—"
    if definition.type() == "crs":
        return f"`{value.authid()}`" if hasattr(value, "authid") else f"`{value}`"
    if isinstance(value, bool):
        return "oui" if value else "non"
    if definition.type() == "enum":
        options = definition.options()
        indexes = value if isinstance(value, list) else [value]
        if len(indexes) == len(options):
            return "tous"
        return ", ".join(f"`{options[int(index)]}`" for index in indexes)
    if isinstance(value, (int, float)):
        return _number(value)
    return f"`{value}`"


def _label(definition) -> str:
    """The label shown in QGIS (a model's output has none of its own: `child:Name` gives it)."""
    return definition.description() or definition.name().split(":")[-1]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def parameters_table(algorithm) -> str:
    rows = ["| paramètre | libellé | type | par défaut | facultatif |", "|---|---|---|---|---|"]
    for definition in algorithm.parameterDefinitions():
        if definition.flags() & _flag("Hidden"):
            continue
        optional = "oui" if definition.flags() & _flag("Optional") else "non"
        rows.append(f"| `{definition.name()}` | {_cell(_label(definition))} | {_cell(_type(definition))} "
                    f"| {_cell(_default(definition))} | {optional} |")
    return "\n".join(rows)


def outputs_table(algorithm) -> str:
    rows = ["| sortie | libellé | type |", "|---|---|---|"]
    for definition in algorithm.outputDefinitions():
        rows.append(f"| `{definition.name()}` | {_cell(_label(definition))} "
                    f"| {TYPES.get(definition.type(), definition.type())} |")
    if len(rows) == 2:
        return "Aucune sortie déclarée : le modèle écrit dans les dossiers de ses algorithmes."
    return "\n".join(rows)


def fill_tables(text: str, algorithm) -> str:
    """The page text with its generated tables replaced by the provider's."""
    tables = {"paramètres": parameters_table(algorithm), "sorties": outputs_table(algorithm)}
    for marker, table in tables.items():
        pattern = re.compile(rf"(<!-- {marker}:début -->\n).*?(<!-- {marker}:fin -->)", re.DOTALL)
        text = pattern.sub(lambda match, table=table: f"{match.group(1)}{table}\n{match.group(2)}", text)
    return text


def page_of(algorithm) -> Path:
    return GUIDE / f"{algorithm.name()}.md"


# --- Markdown → HTML ------------------------------------------------------------------------------

STYLE = """body{font-family:"DejaVu Sans",sans-serif;font-size:10pt;line-height:1.45;max-width:60em;margin:1em auto;
padding:0 1em;color:#222}h1,h2,h3{color:#1f4e79}table{border-collapse:collapse;margin:.6em 0}
th,td{border:1px solid #bbb;padding:.2em .5em;vertical-align:top;text-align:left}th{background:#e8eef5}
code{background:#f2f2f2;padding:0 .2em}pre{background:#f2f2f2;padding:.6em;overflow-x:auto}
pre code{padding:0}img{max-width:100%;border:1px solid #ccc}nav{font-size:9pt;margin-bottom:1em}
blockquote{border-left:3px solid #1f4e79;margin:.6em 0;padding:.1em .8em;background:#f5f8fb}"""


def _target(url: str) -> str | None:
    """The link target inside the help folder (None: no link, the file is not shipped)."""
    if re.match(r"^[a-z]+:", url) or url.startswith("#"):
        return url
    path, _, fragment = url.partition("#")
    suffix = f"#{fragment}" if fragment else ""
    if path.endswith(".md") and "/" not in path:
        return path[:-3] + ".html" + suffix
    if path.startswith("../images/"):
        return "images/" + path[len("../images/"):]
    return None


def _inline(text: str) -> str:
    codes: list[str] = []  # code spans are set aside first: links and emphasis may contain them

    def stash(match):
        codes.append(match.group(1).replace("\\|", "|"))
        return f"\x00{len(codes) - 1}\x00"

    def image(match):
        target = _target(match.group(2))
        return f'<img src="{target}" alt="{html.escape(match.group(1))}">' if target else match.group(1)

    def link(match):
        target = _target(match.group(2))
        return f'<a href="{target}">{match.group(1)}</a>' if target else match.group(1)

    text = html.escape(re.sub(r"`([^`]+)`", stash, text), quote=False)
    text = re.sub(r"!\[([^\]]*)\]\(([^)\s]+)\)", image, text)
    text = re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)", link, text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<em>\1</em>", text)
    text = text.replace("\\|", "|")
    return re.sub("\x00(\\d+)\x00",
                  lambda match: f"<code>{html.escape(codes[int(match.group(1))], quote=False)}</code>", text)


def _slug(title: str) -> str:
    return re.sub(r"[^\w]+", "-", title.lower()).strip("-")


def _row(line: str) -> list[str]:
    line = line.strip()
    cells = re.split(r"(?<!\\)\|", line[1:-1] if line.endswith("|") else line[1:])
    return [cell.strip() for cell in cells]


def to_html(markdown: str, title: str) -> str:
    """The guide's Markdown as a standalone HTML page (deterministic: same input, same bytes)."""
    lines = re.sub(r"<!--.*?-->\n?", "", markdown, flags=re.DOTALL).split("\n")
    body: list[str] = []
    paragraph: list[str] = []
    index = 0

    def flush():
        if paragraph:
            body.append(f"<p>{_inline(' '.join(paragraph))}</p>")
            paragraph.clear()

    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            code = []
            index += 1
            while index < len(lines) and not lines[index].strip().startswith("```"):
                code.append(lines[index])
                index += 1
            body.append("<pre><code>" + html.escape("\n".join(code), quote=False) + "</code></pre>")
        elif match := re.match(r"^(#{1,4}) (.+)$", line):
            flush()
            level = len(match.group(1))
            body.append(f'<h{level} id="{_slug(match.group(2))}">{_inline(match.group(2))}</h{level}>')
        elif (stripped.startswith("|") and index + 1 < len(lines)
              and re.match(r"^\|[-:| ]+\|$", lines[index + 1].strip())):
            flush()
            header = _row(line)
            rows = []
            index += 2
            while index < len(lines) and lines[index].strip().startswith("|"):
                rows.append(_row(lines[index]))
                index += 1
            index -= 1
            table = ["<table>", "<tr>" + "".join(f"<th>{_inline(cell)}</th>" for cell in header) + "</tr>"]
            table += ["<tr>" + "".join(f"<td>{_inline(cell)}</td>" for cell in row) + "</tr>" for row in rows]
            body.append("\n".join(table + ["</table>"]))
        elif re.match(r"^(- |\d+\. )", line):
            flush()
            ordered = not line.startswith("- ")
            items: list[str] = []
            while index < len(lines) and (re.match(r"^(- |\d+\. )", lines[index])
                                          or (lines[index].startswith("  ") and lines[index].strip() and items)):
                if re.match(r"^(- |\d+\. )", lines[index]):
                    items.append(re.sub(r"^(- |\d+\. )", "", lines[index]).strip())
                else:
                    items[-1] += " " + lines[index].strip()
                index += 1
            index -= 1
            tag = "ol" if ordered else "ul"
            body.append(f"<{tag}>" + "".join(f"<li>{_inline(item)}</li>" for item in items) + f"</{tag}>")
        elif stripped.startswith("> "):
            flush()
            quote = []
            while index < len(lines) and lines[index].strip().startswith(">"):
                quote.append(lines[index].strip()[1:].strip())
                index += 1
            index -= 1
            body.append(f"<blockquote><p>{_inline(' '.join(quote))}</p></blockquote>")
        elif not stripped:
            flush()
        else:
            paragraph.append(stripped)
        index += 1
    flush()
    nav = '<nav><a href="index.html">Sommaire du guide SCORAN 2.0</a></nav>'
    return ("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{html.escape(title)}</title>\n<link rel=\"stylesheet\" href=\"guide.css\">\n</head>\n"
            f"<body>\n{nav}\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def _title(markdown: str, fallback: str) -> str:
    match = re.search(r"^# (.+)$", markdown, flags=re.MULTILINE)
    return re.sub(r"[`*]", "", match.group(1)) if match else fallback


def local_links(markdown: str) -> list[str]:
    """The relative links and images of a page (no URL scheme, no pure anchor)."""
    text = re.sub(r"```.*?```", "", markdown, flags=re.DOTALL)
    targets = re.findall(r"\]\(([^)\s]+)\)", text)
    return [t.partition("#")[0] for t in targets if not re.match(r"^[a-z]+:", t) and not t.startswith("#")]


# --- What the guide should be, and the check ------------------------------------------------------


def expected(algorithms) -> tuple[dict[Path, bytes], list[str]]:
    """Every generated file with its content, and the problems that no generation can fix."""
    files: dict[Path, bytes] = {}
    problems: list[str] = []
    pages = {path.name: path.read_text(encoding="utf-8") for path in sorted(GUIDE.glob("*.md"))}
    for algorithm in algorithms:
        page = page_of(algorithm)
        if page.name not in pages:
            problems.append(f"{algorithm.id()} n'a pas de page : {page.relative_to(ROOT)}")
            continue
        for marker in MARKERS:
            if f"<!-- {marker}:début -->" not in pages[page.name]:
                problems.append(f"{page.relative_to(ROOT)} : marqueur <!-- {marker}:début --> absent")
        pages[page.name] = fill_tables(pages[page.name], algorithm)
        files[page] = pages[page.name].encode("utf-8")
    images = set()
    for name, text in pages.items():
        for link in local_links(text):
            target = (GUIDE / link).resolve()
            if not target.exists():
                problems.append(f"docs/guide/{name} : lien vers un fichier absent : {link}")
            elif link.startswith("../images/"):
                images.add(target)
        files[HELP / (name[:-3] + ".html")] = to_html(text, _title(text, name[:-3])).encode("utf-8")
    for image in sorted(images):
        files[HELP / "images" / image.name] = image.read_bytes()
    files[HELP / "guide.css"] = (STYLE + "\n").encode("utf-8")  # one stylesheet for every page
    return files, problems


def stale(files: dict[Path, bytes]) -> list[str]:
    """Files that differ from what the script would write, and help files no page produces."""
    out = [str(path.relative_to(ROOT)) for path, content in files.items()
           if not path.exists() or path.read_bytes() != content]
    extra = [path for path in HELP.rglob("*") if path.is_file() and path not in files] if HELP.exists() else []
    return out + [f"{path.relative_to(ROOT)} (en trop)" for path in sorted(extra)]


def scoran_algorithms():
    """The `scoran` provider's algorithms (the provider is registered when it is not already)."""
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("scoran")
    if provider is None:
        from scoran_qgis.algorithms.provider import ScoranProvider

        provider = ScoranProvider()
        registry.addProvider(provider)
    # A shipped model declares its outputs only when its child algorithms are found, i.e. once the
    # provider is registered: reload them now that it is.
    provider.refreshAlgorithms()
    return sorted(provider.algorithms(), key=lambda algorithm: algorithm.name())


def write(files: dict[Path, bytes]) -> None:
    for path, content in files.items():
        if not path.exists() or path.read_bytes() != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            print(f"écrit : {path.relative_to(ROOT)}")
    for path in sorted(HELP.rglob("*")):
        if path.is_file() and path not in files:
            path.unlink()
            print(f"supprimé : {path.relative_to(ROOT)}")


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A throw-away profile: defaults come from the plugin, not from this machine's preferences.
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = tempfile.mkdtemp(prefix="scoran-doc-")
    sys.path.insert(0, str(ROOT))
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    files, problems = expected(scoran_algorithms())
    if "--check" in argv:
        problems += [f"à régénérer (make doc) : {name}" for name in stale(files)]
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    write(files)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
