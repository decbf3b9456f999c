"""The SCORAN 2.0 presentation document (« Document de présentation de la SCORAN 2.0 »), an editable .odt.

Chapters follow the circular's outline (initial SCORAN and SDTAN; fixed networks; 2015–2017 phasing and
the trajectory to 2022; mobile networks; services and usages; financial needs; calendar; follow-up
method). Each is filled with the semester's figures (French number formats), tables and maps, and
holds the officer's prose in named sections (`text:section` « prose_<key> ») introduced by
« À rédiger par le SGAR : … » in a paragraph style of their own.

Re-generating carries the prose over: the content of each prose section of a previous document
(paragraphs, lists, tables, images, direct formatting — its automatic styles renamed, missing named
styles copied) goes into the section of the same name; a section whose name the new outline no longer
has goes to the annex « Textes repris sans emplacement ». The previous document is read before
anything is written, and the new one is written aside then renamed.

Written with odfpy (Debian `python3-odf`); where it is missing (QGIS on Windows) nothing is written and
the caller is told which module to install.
"""

from __future__ import annotations

import os
import re
import tempfile
from datetime import date
from pathlib import Path

import pandas as pd

from ..core import register
from ..core.codes import Millesime
from ..core.errors import ScoranError
from ..core.i18n import tr
from ..core.store import read_layer_table
from .parameters import read_parameters
from .scope import Scope

NBSP = "\u00a0"
PROSE_PREFIX = "prose_"
PROSE_STYLE = "SCORAN_5f_Prose"
ANNEX_SECTION = "annexe_textes_repris"
IMAGE_WIDTH_CM = 16.0
TABLE_WIDTH_CM = 17.0
PROJECTS_SHOWN = 60  # rows of a project table in the document; the workbook lists them all
NAME = re.compile(r"^scoran_2-0_(?:(?P<scope>[0-9AB]{2,3}(?:-[0-9AB]{2,3})*)_)?(?P<millesime>\d{4}-S[12])\.odt$")


# --- French formats --------------------------------------------------------------------------------
def fr_int(value) -> str:
    """« 1 234 567 » (no-break spaces)."""
    if value is None or value != value:
        return "—"
    return f"{int(round(float(value))):,}".replace(",", NBSP)


def fr_pct(value, decimals: int = 1) -> str:
    """« 12,5 % »."""
    if value is None or value != value:
        return "—"
    return f"{float(value):.{decimals}f}".replace(".", ",") + NBSP + "%"


def fr_eur(value) -> str:
    """« 1 234 567 € »."""
    if value is None or value != value:
        return "—"
    return fr_int(value) + NBSP + "€"


def fr_date(value) -> str:
    """An ISO date as JJ/MM/AAAA; other texts unchanged."""
    text = "" if value is None or value != value else str(value).strip()
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
    return f"{match.group(3)}/{match.group(2)}/{match.group(1)}" if match else text


# --- odfpy ---------------------------------------------------------------------------------------
def missing_module() -> str | None:
    """None when odfpy can be imported, else the name of the module that is missing (« odf »)."""
    try:
        import odf.opendocument  # noqa: F401
        import odf.teletype  # noqa: F401
    except ImportError:
        return "odf"
    return None


def missing_message() -> str:
    return tr("Module Python « {0} » (odfpy) absent : le document de présentation (ODT) n'est pas produit ; les "
              "autres livrables le sont. Installez-le (Debian, Ubuntu : paquet python3-odf ; ailleurs : "
              "« python -m pip install odfpy » dans le Python de QGIS), puis relancez.").format(
        missing_module() or "odf")


def _territory_key(departments: list | None) -> str | None:
    """« 21-58 » for départements, None for the region (the part of the file name between prefix and semester)."""
    deps = sorted({str(d).strip().upper() for d in departments or [] if str(d).strip()})
    return "-".join(deps) or None


def document_name(millesime: str, departments: list | None = None) -> str:
    """`scoran_2-0_<millésime>.odt` for the region, `scoran_2-0_<dép>[-<dép>…]_<millésime>.odt` for départements
    (as the atlas names its files: atlas_scoran_… / atlas_<dép>_…)."""
    key = _territory_key(departments)
    return f"scoran_2-0_{key}_{millesime}.odt" if key else f"scoran_2-0_{millesime}.odt"


def previous_document(folder: Path, millesime: str, departments: list | None = None) -> Path | None:
    """The document whose prose a new one takes over in `folder`: the same semester's (re-generation), else
    the latest earlier semester's of the same territory (the next semester's update)."""
    folder = Path(folder)
    same = folder / document_name(millesime, departments)
    if same.is_file():
        return same
    scope = _territory_key(departments)
    current = Millesime.parse(millesime).index
    candidates = []
    for path in folder.glob("scoran_2-0_*.odt") if folder.is_dir() else []:
        match = NAME.match(path.name)
        if match and match.group("scope") == scope:
            index = Millesime.parse(match.group("millesime")).index
            if index < current:
                candidates.append((index, path))
    return max(candidates)[1] if candidates else None


# --- the outline ---------------------------------------------------------------------------------
def phase_status_labels() -> dict[str, str]:
    return {"prevu": tr("Prévue"), "en_cours": tr("En cours"), "realise": tr("Réalisée"),
            "abandonne": tr("Abandonnée (hors des comptes)")}


def chapters() -> list[tuple[str, str]]:
    """(key, title) of the chapters, in the circular's order and wording."""
    return [
        ("strategie", tr("Rappel de la stratégie numérique régionale : SCORAN initiales et SDTAN")),
        ("fixe", tr("Réseaux de communications électroniques fixes")),
        ("phasage", tr("Phasage des projets sur la période triennale 2015-2017 et trajectoire vers le très haut "
                       "débit en 2022")),
        ("mobile", tr("Réseaux de communications électroniques mobiles")),
        ("usages", tr("Services, usages et contenus numériques")),
        ("financement", tr("Estimation des coûts et besoins financiers de la couverture numérique")),
        ("calendrier", tr("Calendrier et cartographie de réalisation des initiatives")),
        ("suivi", tr("Méthode de suivi, indicateurs et gouvernance")),
    ]


def prose_hints() -> dict[str, str]:
    """Prose section key → what the officer is asked to write (the circular's words)."""
    return {
        "cadrage": tr("éléments de cadrage national et européen (plan France Très Haut Débit, programme des "
                      "investissements d'avenir, programmes opérationnels européens) et travaux conduits en région "
                      "(diagnostic territorial stratégique, stratégie de spécialisation intelligente)."),
        "scoran_initiales": tr("courte synthèse des SCORAN initiales : acquis de la démarche entre l'État et les "
                               "collectivités (infrastructures, services, appropriation des usages)."),
        "sdtan": tr("synthèse des enjeux présentés dans les SDTAN et inventaire actualisé des initiatives en cours."),
        "fixe_priorites": tr("priorités poursuivies pour les réseaux fixes : RIP d'envergure au moins "
                             "départementale, résorption des zones blanches, bâtiments prioritaires, conventions "
                             "de programmation et de suivi des déploiements."),
        "concertation_thd": tr("compte rendu de la concertation destinée à couvrir le territoire régional en THD."),
        "phasage": tr("commentaire du phasage 2015-2017 et de l'écart à la trajectoire nationale (50 % fin 2017, "
                      "100 % en 2022)."),
        "mobile": tr("traitement des dernières zones blanches 2G/3G et demandes localisées de 4G transmises aux "
                     "opérateurs."),
        "usages_nationaux": tr("projets répondant aux priorités nationales (santé, éducation, enseignement "
                               "supérieur et recherche, e-administration, développement économique, culture)."),
        "usages_regionaux": tr("priorités régionales, besoins territoriaux émergents, expérimentations dignes de "
                               "valorisation, territoires en difficulté et publics éloignés des usages."),
        "territoires_innovants": tr("initiatives « territoires innovants » et leur articulation avec la SCORAN."),
        "mutualisation": tr("mutualisation des ressources d'ingénierie et de l'informatique en nuage ; réponses "
                            "aux appels à projets du PIA ; métiers et besoins en formation."),
        "financement": tr("commentaire des besoins financiers et du plan de financement (État, Région, "
                          "départements, EPCI, FEDER)."),
        "calendrier": tr("commentaire du calendrier de réalisation des initiatives (infrastructures et usages)."),
        "suivi": tr("méthode de suivi, indicateurs retenus, travaux de la CCRANT et prochaines échéances."),
    }


# --- the document --------------------------------------------------------------------------------
class _Writer:
    """An odfpy text document with the SCORAN styles and small helpers."""

    def __init__(self, title: str):
        from odf import dc, meta
        from odf.opendocument import OpenDocumentText
        from odf.style import (
            DefaultStyle,
            FontFace,
            Footer,
            GraphicProperties,
            MasterPage,
            PageLayout,
            PageLayoutProperties,
            ParagraphProperties,
            Style,
            TableCellProperties,
            TableProperties,
            TextProperties,
        )
        from odf.text import P, PageNumber

        self.doc = doc = OpenDocumentText()
        doc.meta.addElement(dc.Title(text=title))
        doc.meta.addElement(meta.Generator(text="SCORAN 2.0 (QGIS)"))
        doc.fontfacedecls.addElement(FontFace(name="DejaVu Sans", fontfamily="'DejaVu Sans'",
                                              fontfamilygeneric="swiss", fontpitch="variable"))
        default = DefaultStyle(family="paragraph")
        default.addElement(TextProperties(fontname="DejaVu Sans", fontsize="10.5pt", language="fr", country="FR"))
        doc.styles.addElement(default)

        def paragraph(name, display, parent=None, text=None, para=None, auto=False, **extra):
            style = Style(name=name, displayname=display, family="paragraph", **extra)
            if parent:
                style.setAttribute("parentstylename", parent)
            if para:
                style.addElement(ParagraphProperties(**para))
            if text:
                style.addElement(TextProperties(**text))
            (doc.automaticstyles if auto else doc.styles).addElement(style)
            return style

        paragraph("Standard", "Standard")
        paragraph("Text_20_body", "Text body", "Standard", para={"marginbottom": "0.2cm", "textalign": "justify"})
        paragraph("Heading", "Heading", "Standard", text={"fontsize": "14pt", "fontweight": "bold", "color": "#1f3864"},
                  para={"margintop": "0.4cm", "marginbottom": "0.25cm", "keepwithnext": "always"})
        paragraph("Heading_20_1", "Heading 1", "Heading", text={"fontsize": "16pt"},
                  para={"breakbefore": "page"}, defaultoutlinelevel="1")
        paragraph("Heading_20_2", "Heading 2", "Heading", text={"fontsize": "12.5pt"}, defaultoutlinelevel="2")
        paragraph("Title", "Title", "Standard", text={"fontsize": "26pt", "fontweight": "bold", "color": "#1f3864"},
                  para={"textalign": "center", "margintop": "6cm", "marginbottom": "0.8cm"})
        paragraph("Subtitle", "Subtitle", "Standard", text={"fontsize": "15pt"},
                  para={"textalign": "center", "marginbottom": "0.4cm"})
        paragraph("Table_20_Contents", "Table Contents", "Standard", text={"fontsize": "9pt"})
        paragraph("Table_20_Heading", "Table Heading", "Table_20_Contents", text={"fontweight": "bold"})
        paragraph("SCORAN_5f_Nombre", "SCORAN – Nombre", "Table_20_Contents", para={"textalign": "end"})
        paragraph("Caption", "Caption", "Standard", text={"fontsize": "9pt", "fontstyle": "italic"},
                  para={"textalign": "center", "marginbottom": "0.3cm"})
        paragraph("Contents_20_Heading", "Contents Heading", "Heading", text={"fontsize": "16pt"})
        paragraph("Contents_20_1", "Contents 1", "Standard", para={"marginbottom": "0.1cm"})
        paragraph("Contents_20_2", "Contents 2", "Standard", para={"marginleft": "0.5cm"})
        paragraph(PROSE_STYLE, "SCORAN – À rédiger", "Text_20_body",
                  text={"fontstyle": "italic", "color": "#7f4f00"},
                  para={"backgroundcolor": "#fff4d6", "border": "0.5pt dashed #c08a00", "padding": "0.15cm",
                        "margintop": "0.15cm", "marginbottom": "0.25cm"})
        paragraph("Footer", "Footer", "Standard", text={"fontsize": "8pt", "color": "#555555"},
                  para={"textalign": "center"})
        paragraph("SCORAN_5f_Saut", "SCORAN – Saut de page", "Standard",
                                    para={"breakbefore": "page"})
        table_style = Style(name="SCORAN_Tableau", family="table")
        table_style.addElement(TableProperties(width="17cm", align="center", margintop="0.2cm",
                                               marginbottom="0.3cm"))
        doc.automaticstyles.addElement(table_style)
        self.cell_style = Style(name="SCORAN_Cellule", family="table-cell")
        self.cell_style.addElement(TableCellProperties(border="0.5pt solid #999999", padding="0.08cm"))
        doc.automaticstyles.addElement(self.cell_style)
        self.head_style = Style(name="SCORAN_Entete", family="table-cell")
        self.head_style.addElement(TableCellProperties(border="0.5pt solid #999999", padding="0.08cm",
                                                       backgroundcolor="#dde6f2"))
        doc.automaticstyles.addElement(self.head_style)
        frame = Style(name="SCORAN_Image", family="graphic")
        frame.addElement(GraphicProperties(wrap="none", horizontalpos="center", horizontalrel="paragraph",
                                           verticalpos="top", verticalrel="paragraph"))
        doc.automaticstyles.addElement(frame)
        self.frame_style = frame
        layout = PageLayout(name="SCORAN_Page")
        layout.addElement(PageLayoutProperties(pagewidth="21cm", pageheight="29.7cm", margintop="2cm",
                                               marginbottom="1.5cm", marginleft="2cm", marginright="2cm",
                                               printorientation="portrait"))
        doc.automaticstyles.addElement(layout)
        master = MasterPage(name="Standard", pagelayoutname="SCORAN_Page")
        footer = Footer()
        line = P(stylename="Footer", text=title + " — " + tr("page") + " ")
        line.addElement(PageNumber(selectpage="current"))
        footer.addElement(line)
        master.addElement(footer)
        doc.masterstyles.addElement(master)
        self.tables = 0
        self.headings = []

    # --- text --------------------------------------------------------------------------------
    def p(self, text: str = "", style: str = "Text_20_body", parent=None):
        from odf.text import P

        element = P(stylename=style, text=_plain(text))
        (parent or self.doc.text).addElement(element)
        return element

    def h(self, text: str, level: int = 1):
        from odf.text import H

        element = H(outlinelevel=level, stylename=f"Heading_20_{level}", text=_plain(text))
        self.doc.text.addElement(element)
        self.headings.append((level, text))
        return element

    def bullets(self, lines: list[str], parent=None):
        from odf.text import List, ListItem, P

        if not lines:
            return
        items = List()
        for line in lines:
            item = ListItem()
            item.addElement(P(stylename="Text_20_body", text="• " + _plain(line)))
            items.addElement(item)
        (parent or self.doc.text).addElement(items)

    def prose(self, key: str, hint: str):
        """A named section for the officer's text, its placeholder visibly introduced."""
        from odf.text import P, Section

        section = Section(name=PROSE_PREFIX + key)
        section.addElement(P(stylename=PROSE_STYLE, text=placeholder_text(hint)))
        self.doc.text.addElement(section)
        return section

    # --- tables ------------------------------------------------------------------------------
    def table(self, headers: list[str], rows: list[list], numeric: set[int] | None = None, caption: str = ""):
        """A table: header row repeated on each page, numbers (columns in `numeric`) right-aligned."""
        from odf.style import Style, TableColumnProperties
        from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
        from odf.text import P

        numeric = numeric or set()
        self.tables += 1
        name = f"Tableau{self.tables}"
        table = Table(name=name, stylename="SCORAN_Tableau")
        for index, width in enumerate(_column_widths(headers, rows)):
            style = Style(name=f"{name}.C{index + 1}", family="table-column")
            style.addElement(TableColumnProperties(columnwidth=f"{width:.2f}cm"))
            self.doc.automaticstyles.addElement(style)
            table.addElement(TableColumn(stylename=style))
        head = TableHeaderRows()
        row = TableRow()
        for text in headers:
            cell = TableCell(stylename=self.head_style, valuetype="string")
            cell.addElement(P(stylename="Table_20_Heading", text=_plain(str(text))))
            row.addElement(cell)
        head.addElement(row)
        table.addElement(head)
        for values in rows:
            row = TableRow()
            for index, value in enumerate(values):
                cell = TableCell(stylename=self.cell_style, valuetype="string")
                cell.addElement(P(stylename="SCORAN_5f_Nombre" if index in numeric else "Table_20_Contents",
                                  text="" if value is None else _plain(str(value))))
                row.addElement(cell)
            table.addElement(row)
        self.doc.text.addElement(table)
        if caption:
            self.p(caption, "Caption")
        return table

    # --- images ------------------------------------------------------------------------------
    def image(self, path: Path, caption: str = "", width_cm: float = IMAGE_WIDTH_CM):
        from odf.draw import Frame, Image
        from odf.text import P
        from qgis.PyQt.QtGui import QImage

        picture = QImage(str(path))
        if picture.isNull():
            return None
        height_cm = width_cm * picture.height() / max(picture.width(), 1)
        if height_cm > 20:  # a tall calendar: fit the page's height
            width_cm, height_cm = width_cm * 20 / height_cm, 20.0
        href = self.doc.addPicture(str(path))
        holder = P(stylename="Caption")
        frame = Frame(stylename=self.frame_style, width=f"{width_cm:.2f}cm", height=f"{height_cm:.2f}cm",
                      anchortype="as-char", name=Path(path).stem)
        frame.addElement(Image(href=href))
        holder.addElement(frame)
        self.doc.text.addElement(holder)
        if caption:
            self.p(caption, "Caption")
        return frame

    # --- table of contents -------------------------------------------------------------------
    def table_of_contents(self):
        """An index Writer updates (Outils > Mettre à jour) — pre-filled here with the headings."""
        from odf.text import (
            IndexBody,
            IndexEntryChapter,
            IndexEntryPageNumber,
            IndexEntryTabStop,
            IndexEntryText,
            IndexTitle,
            IndexTitleTemplate,
            P,
            TableOfContent,
            TableOfContentEntryTemplate,
            TableOfContentSource,
        )

        toc = TableOfContent(name=tr("Table des matières"), protected="true")
        source = TableOfContentSource(outlinelevel="2")
        source.addElement(IndexTitleTemplate(stylename="Contents_20_Heading", text=tr("Table des matières")))
        for level in (1, 2):
            template = TableOfContentEntryTemplate(outlinelevel=str(level), stylename=f"Contents_20_{level}")
            for entry in (IndexEntryChapter(), IndexEntryText(), IndexEntryTabStop(type="right", leaderchar="."),
                          IndexEntryPageNumber()):
                template.addElement(entry)
            source.addElement(template)
        toc.addElement(source)
        self.toc_body = IndexBody()
        title = IndexTitle(name=tr("Table des matières") + "_Head")
        title.addElement(P(stylename="Contents_20_Heading", text=tr("Table des matières")))
        self.toc_body.addElement(title)
        toc.addElement(self.toc_body)
        self.doc.text.addElement(toc)

    def fill_table_of_contents(self):
        from odf.text import P

        for level, text in self.headings:
            self.toc_body.addElement(P(stylename=f"Contents_20_{level}", text=text))

    def save(self, path: Path) -> Path:
        """Written aside, then renamed."""
        path = Path(path)
        partial = path.with_name(f".{path.stem}.partiel.odt")
        try:
            self.doc.save(str(partial))
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
        return path


def _plain(text) -> str:
    """User text without the control characters XML cannot hold (odfpy would write « � »): a vertical tab (Word's
    line break) becomes a space, as a line break does in a paragraph."""
    return _CONTROL.sub("", str(text).replace("\x0b", " ")) if text else text


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
CHAR_CM, BOLD_CHAR_CM, PADDING_CM = 0.2, 0.25, 0.45  # 9 pt DejaVu Sans (bold in headers), padding and border


def _column_widths(headers: list, rows: list, total_cm: float = TABLE_WIDTH_CM) -> list[float]:
    """Column widths (cm): each column gets room for its longest unbreakable word (a number or a date, whose
    spaces do not break, is one word), and what is left goes where longer texts would otherwise wrap."""
    minimum, wanted = [], []
    for index, header in enumerate(headers):
        cells = [str(row[index]) for row in rows if index < len(row) and row[index] is not None]
        words = [len(word) * CHAR_CM for text in cells for word in re.split(r"[ -]", text)]  # lines break there
        words += [len(word) * BOLD_CHAR_CM for word in re.split(r"[ -]", str(header))]
        minimum.append(max(words, default=4 * CHAR_CM) + PADDING_CM)
        wanted.append(min(max((len(text) for text in cells), default=4), 40) * CHAR_CM + PADDING_CM)
    if sum(minimum) >= total_cm:
        return [total_cm * width / sum(minimum) for width in minimum]
    left = total_cm - sum(minimum)
    needs = [max(w - m, 0.0) for w, m in zip(wanted, minimum)]
    if sum(needs) <= left:  # every column fits on one line: the rest shared in proportion
        fitting = [max(w, m) for w, m in zip(wanted, minimum)]
        return [total_cm * w / sum(fitting) for w in fitting]
    return [m + left * n / sum(needs) for m, n in zip(minimum, needs)]


def placeholder_text(hint: str) -> str:
    return tr("À rédiger par le SGAR : {0}").format(hint)


# --- prose carried over --------------------------------------------------------------------------
STYLE_REFERENCE = "style-name"  # every attribute naming a style ends so (text:style-name, style:parent-style-name…)


def _element_text(node) -> str:
    from odf import teletype

    return teletype.extractText(node)


def _clone(node):
    """A deep copy of an odfpy node, free of its document."""
    from odf.element import Element, Text

    if node.nodeType == node.TEXT_NODE:
        return Text(node.data)
    if node.nodeType != node.ELEMENT_NODE:
        return None
    copy = Element(qname=node.qname, qattributes=dict(node.attributes), check_grammar=False)
    for child in node.childNodes:
        cloned = _clone(child)
        if cloned is not None:
            copy.appendChild(cloned)
    return copy


def _walk(node):
    yield node
    for child in node.childNodes:
        if child.nodeType == child.ELEMENT_NODE:
            yield from _walk(child)


def _style_name(element) -> str | None:
    for (namespace, local), value in element.attributes.items():
        if local == "name" and namespace.endswith(":style:1.0"):
            return value
    return None


class PreviousProse:
    """The prose sections of a previous document, and what carrying them over needs (styles, pictures)."""

    def __init__(self, path: Path):
        from odf.namespaces import TEXTNS
        from odf.opendocument import load

        self.path = Path(path)
        try:
            self.doc = load(str(path))
        except Exception as error:  # noqa: BLE001 — not a zip, no content.xml, bad XML: say which file
            raise ScoranError(tr("Document précédent illisible : {0} ({1}). Indiquez un document ODT écrit par "
                                 "Writer ou par l'extension, ou déplacez ce fichier.").format(path, error)) from None
        if getattr(self.doc, "text", None) is None:  # an ODF spreadsheet or drawing named .odt
            raise ScoranError(tr("Document précédent illisible : {0} n'est pas un document texte ODT ({1}). Indiquez "
                                 "un document ODT écrit par Writer ou par l'extension, ou déplacez ce fichier.").format(
                path, self.doc.mimetype))
        self.sections = {}
        for element in _walk(self.doc.text):
            if element.qname == (TEXTNS, "section"):
                name = element.getAttrNS(TEXTNS, "name") or ""
                if name.startswith(PROSE_PREFIX) and name not in self.sections and not self._inside_prose(element):
                    self.sections[name] = element
        self.automatic = {_style_name(e): e for e in self.doc.automaticstyles.childNodes
                          if e.nodeType == e.ELEMENT_NODE and _style_name(e)}
        self.common = {_style_name(e): e for e in self.doc.styles.childNodes
                       if e.nodeType == e.ELEMENT_NODE and _style_name(e)}

    @staticmethod
    def _inside_prose(element) -> bool:
        from odf.namespaces import TEXTNS

        parent = element.parentNode
        while parent is not None and getattr(parent, "qname", None) is not None:
            if parent.qname == (TEXTNS, "section") and (parent.getAttrNS(TEXTNS, "name") or "").startswith(
                    PROSE_PREFIX):
                return True
            parent = parent.parentNode
        return False

    def written(self, name: str, placeholders: set[str]) -> bool:
        """Whether the officer wrote something in the section (not just the generated placeholder)."""
        section = self.sections.get(name)
        if section is None:
            return False
        text = " ".join(_element_text(section).split())
        has_objects = any(e.qname[1] in ("frame", "table", "image", "object") for e in _walk(section))
        return has_objects or bool(text) and text not in placeholders

    def copy_into(self, name: str, target, transfer: _Transfer) -> None:
        """The section's content, cloned into `target` (an element of the new document)."""
        for child in self.sections[name].childNodes:
            cloned = _clone(child)
            if cloned is not None:
                transfer.adopt(cloned)
                target.addElement(cloned, check_grammar=False)


class _Transfer:
    """Renames the previous document's automatic styles (« Repris_P3 ») into the new one, copies the named
    styles it lacks, and its pictures."""

    def __init__(self, previous: PreviousProse, doc):
        self.previous, self.doc = previous, doc
        self.renamed: dict[str, str] = {}
        self.common = {_style_name(e) for e in doc.styles.childNodes if e.nodeType == e.ELEMENT_NODE}
        self.common |= {_style_name(e) for e in doc.automaticstyles.childNodes if e.nodeType == e.ELEMENT_NODE}

    def adopt(self, node) -> None:
        from odf.namespaces import XLINKNS

        for element in _walk(node):
            for key, value in list(element.attributes.items()):
                if key[1].endswith(STYLE_REFERENCE):
                    element.attributes[key] = self._style(value)
            if element.qname[1] == "image":
                href = element.attributes.get((XLINKNS, "href"))
                picture = self.previous.doc.Pictures.get(href) if href else None
                if picture is not None:
                    _, content, mediatype = picture
                    element.attributes[(XLINKNS, "href")] = self.doc.addPicture(href, mediatype, content)

    def _style(self, name: str) -> str:
        if name in self.renamed:
            return self.renamed[name]
        if name in self.previous.automatic:
            new = self.renamed[name] = "Repris_" + name.removeprefix("Repris_")
            style = _clone(self.previous.automatic[name])
            style.attributes = {k: (new if k[1] == "name" and k[0].endswith(":style:1.0") else v)
                                for k, v in style.attributes.items()}
            self.adopt(style)
            self.doc.automaticstyles.addElement(style, check_grammar=False)
            return new
        self.renamed[name] = name
        if name not in self.common and name in self.previous.common:  # a named style the new document lacks
            style = _clone(self.previous.common[name])
            self.common.add(name)
            self.adopt(style)
            self.doc.styles.addElement(style, check_grammar=False)
        return name


# --- maps ----------------------------------------------------------------------------------------
def _legend(layers, width: int, height: int):
    """A legend column (layer names, symbols and their labels) as an image."""
    from qgis.core import QgsSymbolLayerUtils
    from qgis.PyQt.QtCore import QSize, Qt
    from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter

    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    y = 30
    for layer in layers:
        if y > height - 60:
            break
        painter.setFont(QFont("DejaVu Sans", 25, QFont.Weight.Bold))
        painter.setPen(QColor("black"))
        painter.drawText(10, y, width - 20, 92, Qt.TextFlag.TextWordWrap, layer.name())
        y += 50 if len(layer.name()) < 26 else 92
        painter.setFont(QFont("DejaVu Sans", 22))
        for item in layer.renderer().legendSymbolItems():
            if item.symbol() is None or y > height - 40:
                continue
            pixmap = QgsSymbolLayerUtils.symbolPreviewPixmap(item.symbol(), QSize(50, 30))
            painter.drawPixmap(14, y, pixmap)
            label = item.label() or ""
            painter.drawText(76, y - 2, width - 86, 84, Qt.TextFlag.TextWordWrap, label)
            y += 46 if len(label) < 28 else 84
        y += 18
    painter.end()
    return image


def render_map(layers, extent, path: Path, crs, title: str = "") -> Path:
    """Render `layers` (first drawn on top) over `extent` with a legend column, as a PNG (aside, renamed)."""
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor, QImage, QPainter

    map_width, legend_width, height = 1300, 700, 1100
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(crs)
    settings.setOutputSize(QSize(map_width, height))
    settings.setOutputDpi(150)
    settings.setBackgroundColor(QColor("white"))
    settings.setExtent(extent)
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = QImage(map_width + legend_width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawImage(0, 0, job.renderedImage())
    painter.drawImage(map_width, 0, _legend([layer for layer in layers if layer.name()], legend_width, height))
    painter.setPen(QColor("#999999"))
    painter.drawRect(0, 0, map_width - 1, height - 1)
    painter.end()
    path = Path(path)
    partial = path.with_name(f".{path.stem}.partiel.png")
    image.save(str(partial), "PNG")
    os.replace(partial, path)
    return path


class _Maps:
    """The region's (or départements') maps rendered from the analysis layers."""

    def __init__(self, store, analyses: Path, scope: Scope, folder: Path):
        from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle, QgsVectorLayer

        from ..layers import apply_style, provider_of, styled_layer

        self.store, self.analyses, self.scope, self.folder = store, analyses, scope, folder
        self.crs = QgsCoordinateReferenceSystem(f"EPSG:{store.crs_epsg()}")
        deps = scope.departments
        quoted = ", ".join(f"'{d}'" for d in deps or [])
        by_dep = f'"insee_dep" IN ({quoted})' if deps else ""
        by_commune = " OR ".join(f"\"insee_com\" LIKE '{d}%'" for d in deps or [])

        def layer(uri, name, style=None, subset="", table=None):
            item = styled_layer(uri, table, name) if table else QgsVectorLayer(uri, name, provider_of(uri))
            if not item.isValid():
                return None
            if style:
                apply_style(item, style)
            if subset:
                item.setSubsetString(subset)
            return item

        self.departements = layer(store.uri("departements"), tr("Départements"), subset=by_dep, table="departements")
        params = read_parameters(read_layer_table(analyses / "zones_blanches_communes.gpkg"))
        self.communes = layer(str(analyses / "zones_blanches_communes.gpkg"),
                              tr("Part des locaux sous {0}").format(params.speed), "zones_part_sous_seuil", by_dep)
        site_filter = '"sous_seuil" = 1' + (f" AND ({by_commune})" if by_commune else "")
        self.sites = layer(str(analyses / "sites_prioritaires.gpkg"),
                           tr("Sites prioritaires sous {0}").format(params.speed), "sites_categories", site_filter)
        rips = sorted(r for r, d in scope.rip_departements().items() if scope.whole or d & set(deps))
        rip_filter = "" if scope.whole else ('"rip_id" IN (' + ", ".join("'" + r.replace("'", "''") + "'"
                                                                           for r in rips) + ")" if rips else "1 = 0")
        self.rip = layer(store.uri("rip_projets"), tr("Projets RIP"), subset=rip_filter, table="rip_projets")
        amii = store.amii_commune_codes()
        amii_filter = ('"insee_com" IN (' + ",".join(f"'{c}'" for c in amii) + ")") if amii else "1 = 0"
        self.amii = layer(store.uri("communes"), tr("Communes AMII (initiative privée)"),
                          subset=amii_filter + (f" AND ({by_dep})" if by_dep else ""))
        if self.amii is not None:
            from qgis.core import QgsFillSymbol

            from ..core import palettes

            self.amii.renderer().setSymbol(QgsFillSymbol.createSimple({
                "color": palettes.AMII_COLOR, "outline_color": palettes.AMII_OUTLINE, "outline_width": "0.1"}))
        self.centres = layer(str(analyses / "centres_bourgs.gpkg"), tr("Centres-bourgs"), "centres_bourgs_mobile",
                             by_commune)
        extent = QgsRectangle()
        extent.setMinimal()
        for item in (self.communes, self.departements):
            if item is not None and item.featureCount():
                extent.combineExtentWith(item.extent())
        extent.scale(1.04)
        self.extent = extent

    def render(self, name: str, layers) -> Path | None:
        layers = [item for item in layers if item is not None]
        if not layers or self.extent.isEmpty():
            return None
        return render_map(layers, self.extent, self.folder / f"carte_{name}.png", self.crs)


# --- figures of each chapter ---------------------------------------------------------------------
def _read(path: Path) -> pd.DataFrame:
    from .workbooks import read_csv

    return read_csv(path) if path.exists() else pd.DataFrame()


def _department_rows(frame: pd.DataFrame) -> pd.DataFrame:
    if frame.empty or "niveau" not in frame:
        return frame
    return frame[frame["niveau"].astype(str).str.lower().eq("département")]


def _register_table(tables: dict, name: str, columns: list) -> pd.DataFrame:
    """A register table (schema step 5: `sdtan`, `themes_regionaux`), empty when the register has none."""
    frame = tables.get(name)
    return frame if frame is not None else pd.DataFrame(columns=columns)


def build_document(store, analyses: Path, out: Path, millesime: str, departments: list | None = None,
                   previous: Path | None = None, feedback=None) -> Path | None:
    """Write the presentation document into `out`; returns its path, or None when odfpy is missing.

    `previous`: the document whose prose is carried over (default: `previous_document(out, …)`).
    """
    if missing_module():
        if feedback is not None:
            feedback.pushWarning(missing_message())
        return None
    analyses, out = Path(analyses), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    scope = Scope(store, departments, analyses)
    path = out / document_name(millesime, scope.departments)
    if previous is not None and not Path(previous).is_file():
        raise ScoranError(tr("Document précédent introuvable : {0}.").format(previous))
    prose = PreviousProse(previous) if previous is not None else None
    if prose is not None and feedback is not None and (prose.path.parent / f".~lock.{prose.path.name}#").exists():
        feedback.pushWarning(tr("{0} est ouvert dans LibreOffice : seuls les textes enregistrés sont repris ; "
                                "enregistrez-le et relancez si vous l'avez modifié depuis.").format(prose.path.name))
    if prose is not None and feedback is not None:
        feedback.pushInfo(tr("Textes du SGAR repris de {0} ({1} emplacement(s)).").format(
            Path(previous).name, len(prose.sections)))
    with tempfile.TemporaryDirectory(prefix="scoran_document_") as folder:
        writer = _Document(store, analyses, millesime, scope, Path(folder), prose)
        writer.build()
        return writer.writer.save(path)


class _Document:
    """The chapters, written one after the other."""

    def __init__(self, store, analyses: Path, millesime: str, scope: Scope, folder: Path, prose):
        self.store, self.analyses, self.millesime, self.scope, self.folder = store, analyses, millesime, scope, folder
        self.previous = prose
        self.hints = prose_hints()
        self.placeholders = {" ".join(placeholder_text(h).split()) for h in self.hints.values()}
        self.used: set[str] = set()
        title = tr("SCORAN 2.0 — {0} — millésime {1}").format(scope.label(), millesime)
        self.writer = _Writer(title)
        self.transfer = _Transfer(prose, self.writer.doc) if prose is not None else None
        self.params = read_parameters(read_layer_table(analyses / "zones_blanches_communes.gpkg"),
                                      _read(analyses / "inventaire_zones_blanches.csv"))
        self.maps = None
        self.tables = register.read_tables(store)

    # --- helpers -----------------------------------------------------------------------------
    def prose(self, key: str) -> None:
        section = self.writer.prose(key, self.hints[key])
        name = PROSE_PREFIX + key
        self.used.add(name)
        if self.previous is not None and self.previous.written(name, self.placeholders):
            for child in list(section.childNodes):
                section.removeChild(child)
            self.previous.copy_into(name, section, self.transfer)

    def department_label(self, code) -> str:
        code = str(code)
        name = self.scope.names.get(code)
        return f"{name} ({code})" if name else code

    def map(self, name: str, layers, caption: str) -> None:
        if self.maps is None:
            try:
                self.maps = _Maps(self.store, self.analyses, self.scope, self.folder)
            except Exception:  # noqa: BLE001 — no map rather than no document
                self.maps = False
        if not self.maps:
            return
        path = self.maps.render(name, [getattr(self.maps, layer) for layer in layers])
        if path is not None:
            self.writer.image(path, caption)

    # --- the whole ---------------------------------------------------------------------------
    def build(self) -> None:
        w = self.writer
        w.p(tr("Stratégie de cohérence régionale d'aménagement numérique — SCORAN 2.0"), "Title")
        w.p(self.scope.label(), "Subtitle")
        w.p(tr("Document de présentation — millésime {0}").format(self.millesime), "Subtitle")
        w.p(tr("Version du {0}, produite par l'extension QGIS SCORAN 2.0 à partir des analyses du millésime ; les "
               "textes du SGAR sont dans les cadres « À rédiger par le SGAR » et sont repris à la génération "
               "suivante.").format(date.today().strftime("%d/%m/%Y")), "Subtitle")
        w.p("", "SCORAN_5f_Saut")
        w.table_of_contents()
        titles = dict(chapters())
        for key, _ in chapters():
            w.h(titles[key], 1)
            getattr(self, f"chapter_{key}")()
        self.annex()
        w.fill_table_of_contents()

    # --- 1. initial SCORAN and SDTAN ---------------------------------------------------------
    def chapter_strategie(self) -> None:
        w = self.writer
        w.h(tr("Cadrage national et européen, travaux conduits en région"), 2)
        self.prose("cadrage")
        w.h(tr("Synthèse des SCORAN initiales"), 2)
        self.prose("scoran_initiales")
        w.h(tr("Schémas directeurs territoriaux d'aménagement numérique (SDTAN)"), 2)
        sdtan = self.scope.by_department(_register_table(self.tables, "sdtan", ["code_dep", "statut"]), "code_dep")
        labels = register.SDTAN_STATUS_LABELS
        if sdtan.empty:
            w.p(tr("Aucun SDTAN n'est encore inscrit au référentiel SCORAN pour ce territoire : complétez "
                   "l'inventaire des SDTAN (table sdtan) pour qu'il figure ici."))
        else:
            adopted = int(sdtan["statut"].isin(register.ADOPTED_SDTAN_STATUSES).sum())
            w.p(tr("{0} SDTAN inscrit(s) au référentiel pour {1} département(s) du territoire ; {2} adopté(s) "
                   "au moins une fois.").format(len(sdtan), len(self.scope.departments or self.scope.names), adopted))
            w.table([tr("Département"), tr("SDTAN"), tr("Maître d'ouvrage"), tr("Adoption"), tr("Statut"),
                     tr("Dernière mise à jour")],
                    [[self.department_label(r.code_dep), r.titre or "", r.maitre_ouvrage or "",
                      fr_date(r.date_adoption), labels.get(r.statut, r.statut or ""), fr_date(r.derniere_mise_a_jour)]
                     for r in sdtan.itertuples()], caption=tr("Inventaire des SDTAN"))
        self.prose("sdtan")

    # --- 2. fixed networks -------------------------------------------------------------------
    def chapter_fixe(self) -> None:
        from .workbooks import _inventory, _territory_total

        w, p = self.writer, self.params
        w.h(tr("Inventaire des zones blanches du haut débit"), 2)
        inventory = _inventory(_read(self.analyses / "inventaire_zones_blanches.csv"), self.scope)
        total = _territory_total(inventory)
        if total is not None:
            text = tr("Au millésime {0}, le territoire compte {1} locaux (logements et locaux professionnels).").format(
                self.millesime, fr_int(total["nb_locaux"]))
            if "nb_inel" in total:
                text += " " + tr("{0} locaux ({1}) ne sont éligibles à aucune offre de haut débit filaire (moins de "
                                 "{2}) ;").format(fr_int(total["nb_inel"]), fr_pct(total.get("pct_inel"), 2),
                                                  p.inel_speed)
            text += " " + tr("{0} locaux ({1}) n'ont pas de haut débit de qualité (moins de {2}).").format(
                fr_int(total["nb_sous_seuil"]), fr_pct(total["pct_sous_seuil"], 2), p.speed)
            if "nb_zb_haut_debit" in total:
                text += " " + tr("{0} communes sont en zone blanche du haut débit (au moins {1} de locaux "
                                 "inéligibles)").format(fr_int(total["nb_zb_haut_debit"]), p.share_text)
                text += tr(" et {0} communes sans haut débit de qualité.").format(fr_int(total["nb_zones_blanches"]))
            else:
                text += " " + tr("{0} communes sont sans haut débit de qualité.").format(
                    fr_int(total["nb_zones_blanches"]))
            w.p(text)
        rows = []
        for r in _department_rows(inventory).to_dict("records") + ([total.to_dict()] if total is not None
                                                                      and len(_department_rows(inventory)) > 1 else []):
            label = self.department_label(r["code"]) if str(r.get("niveau")).lower() == "département" else tr(
                "Total {0}").format(self.scope.label() if self.scope.whole else "").strip()
            rows.append([label, fr_int(r["nb_locaux"]), f"{fr_int(r.get('nb_inel'))} ({fr_pct(r.get('pct_inel'), 2)})",
                         f"{fr_int(r['nb_sous_seuil'])} ({fr_pct(r['pct_sous_seuil'], 2)})",
                         fr_int(r.get("nb_zb_haut_debit")), fr_int(r["nb_zones_blanches"])])
        if rows:
            w.table([tr("Département"), tr("Locaux"), tr("Inéligibles (part)"),
                     tr("Sous {0} (part)").format(p.speed), tr("Communes en zone blanche du haut débit"),
                     tr("Communes sans haut débit de qualité")],
                    rows, numeric=set(range(1, 6)), caption=tr("Inventaire des zones blanches par département"))
        self.map("fixe", ["sites", "departements", "communes"],
                 tr("Part des locaux sans haut débit de qualité par commune et sites prioritaires sous {0}").format(
                     p.speed))
        w.h(tr("Bâtiments prioritaires"), 2)
        from ..core.facilities import CATEGORIES

        sites = self.scope.levels(_read(self.analyses / "sites_prioritaires.csv"),
                                  ["nb_sites", "nb_sans_haut_debit", "nb_sous_seuil", "nb_sans_local_proche"],
                                  keys=["categorie"])
        level = sites["niveau"].astype(str).str.lower() if len(sites) else pd.Series(dtype=str)
        totals = sites[~level.isin(["commune", "département"])] if len(sites) else sites
        if totals.empty and len(sites):
            totals = sites[level.eq("département")]
        if len(totals):
            totals = totals.groupby("categorie", sort=False)[["nb_sites", "nb_sans_haut_debit", "nb_sous_seuil"]].sum()
            w.p(tr("{0} sites prioritaires (établissements scolaires, santé, services publics, entreprises) sont "
                   "recensés ; {1} n'ont pas de haut débit et {2} sont sous {3}.").format(
                fr_int(totals["nb_sites"].sum()), fr_int(totals["nb_sans_haut_debit"].sum()),
                fr_int(totals["nb_sous_seuil"].sum()), p.speed))
            w.table([tr("Catégorie"), tr("Sites"), tr("Sans haut débit"), tr("Sous {0}").format(p.speed)],
                    [[CATEGORIES.get(c, c), fr_int(r.nb_sites), fr_int(r.nb_sans_haut_debit), fr_int(r.nb_sous_seuil)]
                     for c, r in zip(totals.index, totals.itertuples())], numeric={1, 2, 3},
                    caption=tr("Sites prioritaires par catégorie"))
        w.h(tr("Projets de réseaux d'initiative publique et conventions"), 2)
        phases = self.scope.rip_phases(self.store.rip_phases(), scaled=("locaux_prevus",))
        amii = self.scope.communes(self.store.amii_conventions())
        rips = sorted(set(phases["rip_id"])) if len(phases) else []
        signed = int((amii["convention_signee"] == 1).sum()) if len(amii) else 0
        w.p(tr("{0} projet(s) RIP ({1} phase(s)) ; {2} commune(s) AMII, dont {3} couverte(s) par une convention de "
               "programmation et de suivi des déploiements signée.").format(len(rips), len(phases), len(amii), signed))
        if len(phases):
            statuses = phases.groupby("statut", sort=True).agg(n=("phase_id", "size"), locaux=("locaux_prevus", "sum"))
            labels = phase_status_labels()
            w.table([tr("Statut des phases"), tr("Phases"), tr("Locaux prévus")],
                    [[labels.get(s, s), fr_int(r.n), fr_int(r.locaux)]
                     for s, r in zip(statuses.index, statuses.itertuples())],
                    numeric={1, 2}, caption=tr("État d'avancement des phases des RIP"))
        self.prose("fixe_priorites")
        self.prose("concertation_thd")

    # --- 3. phasing and trajectory -----------------------------------------------------------
    def chapter_phasage(self) -> None:
        from .workbooks import _phasing, _trajectory

        w = self.writer
        w.h(tr("Phasage des projets sur la période triennale 2015-2017"), 2)
        phasing = _phasing(_read(self.analyses / "phasage.csv"), self.scope)
        if len(phasing):
            phasing = phasing.assign(annee=phasing["annee"].astype(str))
            years = ["2015", "2016", "2017"]
            pivot = phasing.pivot_table(index="rip_id", columns="annee", values="locaux", aggfunc="sum",
                                        fill_value=0).reindex(columns=years, fill_value=0)
            costs = phasing.groupby("rip_id")["cout"].sum()
            w.p(tr("Sur 2015-2017, les phases des RIP rendent {0} locaux raccordables au très haut débit, pour un "
                   "coût de {1}.").format(fr_int(pivot.to_numpy().sum()), fr_eur(costs.sum())))
            rows = [[rip, *[fr_int(pivot.at[rip, y]) for y in years], fr_int(pivot.loc[rip].sum()),
                     fr_eur(costs.get(rip, 0))] for rip in pivot.index]
            rows.append([tr("Total"), *[fr_int(pivot[y].sum()) for y in years], fr_int(pivot.to_numpy().sum()),
                         fr_eur(costs.sum())])
            w.table([tr("Projet RIP"), *years, tr("Locaux 2015-2017"), tr("Coût")], rows, numeric={1, 2, 3, 4, 5},
                    caption=tr("Locaux rendus raccordables par projet et par année"))
        else:
            w.p(tr("Aucune phase de RIP n'est prévue sur 2015-2017 pour ce territoire."))
        w.h(tr("Trajectoire vers le très haut débit pour tous en 2022"), 2)
        trajectory = _trajectory(_read(self.analyses / "trajectoire_thd.csv"), self.scope)
        if len(trajectory):
            level = trajectory["niveau"].astype(str).str.lower()
            territory = trajectory[~level.isin(["département", "commune"])]
            if territory.empty:
                territory = trajectory[level.eq("département")]
            first = territory.iloc[0]

            def at(frame, semester):
                rows = frame[frame["semestre"] == semester]
                return rows["pct_thd"].iat[0] if len(rows) else None

            goals = territory.set_index("semestre")["cible_pct"].dropna() if "cible_pct" in territory else {}
            goal_2017 = fr_pct(goals.get("2017-S2", 50.0), 0)
            goal_2022 = fr_pct(goals.get("2022-S2", 100.0), 0)
            w.p(tr("Au {0}, {1} des locaux du territoire sont éligibles au très haut débit (≥ 30 Mbit/s). Selon les "
                   "calendriers des opérateurs privés (AMII) et des RIP, la part atteint {2} fin 2017 (objectif "
                   "national : {3}) et {4} fin 2022 (objectif : {5}).").format(
                first["semestre"], fr_pct(first["pct_thd"], 2), fr_pct(at(territory, "2017-S2"), 2), goal_2017,
                fr_pct(at(territory, "2022-S2"), 2), goal_2022))
            rows = []
            groups = list(_department_rows(trajectory).groupby("code", sort=True))
            if len(groups) != 1 or not territory.equals(groups[0][1]):
                groups.append((None, territory))
            for code, rows_ in groups:
                label = self.department_label(code) if code is not None else tr("Ensemble du territoire")
                rows.append([label, fr_pct(rows_["pct_thd"].iat[0], 2), fr_pct(at(rows_, "2017-S2"), 2),
                             fr_pct(at(rows_, "2022-S2"), 2)])
            w.table([tr("Territoire"), tr("THD au {0}").format(first["semestre"]),
                     tr("Fin 2017 (objectif {0})").format(goal_2017),
                     tr("Fin 2022 (objectif {0})").format(goal_2022)], rows, numeric={1, 2, 3},
                    caption=tr("Jalons de la trajectoire THD (part des locaux éligibles)"))
            chart = self.analyses / "trajectoire_thd.png"
            if not self.scope.whole or not chart.exists():
                from .charts import trajectory_chart

                targets = territory.set_index("semestre")["cible_pct"].dropna().to_dict() \
                    if "cible_pct" in territory else {}
                chart = trajectory_chart(pd.concat([_department_rows(trajectory), territory]).drop_duplicates(),
                                         self.folder / "trajectoire.png",
                                         tr("Trajectoire THD — {0}").format(self.scope.label()), targets or
                                         {"2017-S2": 50.0, "2022-S2": 100.0})
            w.image(chart, tr("Trajectoire vers le très haut débit, par semestre"))
        self.map("thd", ["departements", "rip", "amii"], tr("Projets RIP et communes AMII (initiative privée)"))
        self.prose("phasage")

    # --- 4. mobile ---------------------------------------------------------------------------
    def chapter_mobile(self) -> None:
        from ..core.mobile import STATUS_LABELS

        w = self.writer
        w.h(tr("Dernières zones blanches 2G/3G des centres-bourgs"), 2)
        centres = self.scope.communes(read_layer_table(self.analyses / "centres_bourgs.gpkg"))
        if len(centres):
            centres = centres.assign(dep=centres["insee_com"].astype(str).map(
                lambda c: c[:3] if c.startswith("97") else c[:2]))
            counts = pd.crosstab(centres["dep"], centres["statut"]).reindex(columns=list(STATUS_LABELS),
                                                                             fill_value=0)
            whole = counts.sum()
            w.p(tr("{0} centres-bourgs sont suivis : {1} en zone blanche 2G (aucun opérateur), {2} en zone blanche "
                   "3G (2G seulement), {3} partiellement couverts et {4} couverts en 3G par tous les "
                   "opérateurs.").format(fr_int(len(centres)), *[fr_int(whole[s]) for s in STATUS_LABELS]))
            rows = [[self.department_label(d), *[fr_int(counts.at[d, s]) for s in STATUS_LABELS],
                     fr_int(counts.loc[d].sum())] for d in counts.index]
            if len(counts) > 1:
                rows.append([tr("Total"), *[fr_int(whole[s]) for s in STATUS_LABELS], fr_int(whole.sum())])
            w.table([tr("Département"), *STATUS_LABELS.values(), tr("Total")], rows, numeric={1, 2, 3, 4, 5},
                    caption=tr("Centres-bourgs par état de la couverture mobile"))
        else:
            w.p(tr("Aucun centre-bourg n'est suivi pour ce territoire."))
        estimate = _read(self.analyses / "estimatif_mobile.csv")
        if len(estimate):
            from .workbooks import _territory_total

            estimate = self.scope.levels(estimate, ["nb_centres", "zone_blanche_2g", "zone_blanche_3g",
                                                    "partiellement_couvert", "couvert", "nb_sites", "cout_estime",
                                                    "subvention_etat", "reste_collectivites"])
            total = _territory_total(estimate)
            if total is not None:
                w.p(tr("Estimatif des besoins : {0} site(s) à construire, {1}, dont {2} de subvention de l'État et "
                       "{3} à la charge des collectivités.").format(
                    fr_int(total["nb_sites"]), fr_eur(total["cout_estime"]), fr_eur(total["subvention_etat"]),
                    fr_eur(total["reste_collectivites"])))
        demand = self.scope.communes(_read(self.analyses / "demande_4g.csv"))
        if len(demand):
            w.p(tr("Demande localisée de 4G à transmettre aux opérateurs : {0} commune(s), {1} site(s) prioritaire(s) "
                   "sans couverture 4G.").format(fr_int(len(demand)), fr_int(demand["nb_points_sans_4g"].sum())))
        self.map("mobile", ["centres", "departements"], tr("Centres-bourgs par état de la couverture mobile"))
        self.prose("mobile")

    # --- 5. services and usages --------------------------------------------------------------
    def chapter_usages(self) -> None:
        w = self.writer
        projects = self.scope.usage_projects(self.tables["projets"])
        w.h(tr("Projets par priorité et par domaine"), 2)
        if len(projects):
            active = int(projects["statut"].isin(["en_cours", "realise"]).sum())
            pia = int(projects["appel_projets_pia"].fillna("").astype(str).str.strip().ne("").sum()) \
                if "appel_projets_pia" in projects else 0
            w.p(tr("{0} projets de services et usages sont inscrits au registre ({1} en cours ou réalisés) ; {2} "
                   "répondent à un appel à projets du PIA.").format(fr_int(len(projects)), fr_int(active), fr_int(pia)))
            levels = list(register.LEVEL_LABELS)
            table = pd.crosstab(projects["domaine"], projects["niveau"]).reindex(columns=levels, fill_value=0)
            order = [d for d in register.DOMAIN_LABELS if d in table.index] + [d for d in table.index
                                                                               if d not in register.DOMAIN_LABELS]
            rows = [[register.DOMAIN_LABELS.get(d, d), *[fr_int(table.at[d, lv]) for lv in levels],
                     fr_int(table.loc[d].sum())] for d in order]
            rows.append([tr("Total"), *[fr_int(table[lv].sum()) for lv in levels], fr_int(table.to_numpy().sum())])
            w.table([tr("Domaine"), *register.LEVEL_LABELS.values(), tr("Total")], rows, numeric={1, 2, 3, 4},
                    caption=tr("Projets d'usages par domaine et niveau de priorité"))
            budget = projects["budget"].fillna(0).sum() if "budget" in projects else 0
            if budget:
                w.p(tr("Budget cumulé des projets : {0}.").format(fr_eur(budget)))
        else:
            w.p(tr("Aucun projet de services et usages n'est encore inscrit au registre pour ce territoire."))
        w.h(tr("Priorités nationales"), 2)
        self.project_list(projects, "national")
        self.prose("usages_nationaux")
        w.h(tr("Priorités régionales et besoins émergents"), 2)
        self.project_list(projects, "regional")
        themes = _register_table(self.tables, "themes_regionaux", ["code", "libelle"])
        if len(themes):
            used = projects["themes_regionaux"].map(register.split_list).explode().value_counts() \
                if "themes_regionaux" in projects and len(projects) else pd.Series(dtype=int)
            w.p(tr("Thèmes régionaux retenus en plus des domaines nationaux : {0}.").format(" ; ".join(
                tr("{0} ({1} projet(s))").format(label, fr_int(used.get(code, 0)))
                for code, label in zip(themes["code"], themes["libelle"]))))
        flags = [(c, label) for c, label in (("zones_defavorisees", tr("territoires en difficulté")),
                                            ("publics_eloignes", tr("publics éloignés des usages")))
                 if c in projects]
        if flags and len(projects):
            w.p(tr("Projets attentifs aux {0}.").format(", ".join(
                f"{label} : {fr_int(pd.to_numeric(projects[c], errors='coerce').fillna(0).astype(bool).sum())}"
                for c, label in flags)))
        for column, title in (("besoins_emergents", tr("Besoins territoriaux émergents relevés dans les projets")),
                              ("experimentations", tr("Expérimentations dignes de valorisation"))):
            lines = self.project_texts(projects, column)
            if lines:
                w.p(title + " :", "Text_20_body")
                w.bullets(lines)
        self.prose("usages_regionaux")
        w.h(tr("Initiatives « territoires innovants »"), 2)
        self.project_list(projects, "territoire_innovant")
        self.prose("territoires_innovants")
        w.h(tr("Mutualisation des ressources d'ingénierie et de l'informatique en nuage"), 2)
        self.project_list(projects[projects["domaine"] == "mutualisation"] if len(projects) else projects, None,
                          tr("Projets de mutualisation des infrastructures et du cloud"))
        self.prose("mutualisation")
        w.h(tr("Métiers concernés et besoins en formation"), 2)
        wanted = [c for c in ("metiers", "besoins_formation") if c in projects]
        if wanted and len(projects):
            texts = projects[wanted].fillna("").astype(str).apply(lambda c: c.str.strip())
            rows = projects[texts.ne("").any(axis=1)]
            if len(rows):
                shown = rows.head(PROJECTS_SHOWN)
                w.table([tr("Projet"), tr("Métiers concernés"), tr("Besoins en formation")],
                        [[f"{r['projet_id']} {r['titre']}", r.get("metiers") or "", r.get("besoins_formation") or ""]
                         for r in shown.to_dict("records")],
                        caption=self.more(rows, tr("Métiers et besoins en formation par projet")))
            else:
                w.p(tr("Aucun projet n'indique encore les métiers concernés ni les besoins en formation."))

    def project_list(self, projects: pd.DataFrame, level: str | None, caption: str = "") -> None:
        """The projects of a priority level (None: all of `projects`), as a table."""
        if projects.empty:
            return
        chosen = projects if level is None else projects[projects["niveau"] == level]
        if chosen.empty:
            self.writer.p(tr("Aucun projet inscrit au registre."))
            return
        shown = chosen.head(PROJECTS_SHOWN)
        self.writer.table(
            [tr("Projet"), tr("Titre"), tr("Domaine"), tr("Porteur"), tr("Statut")],
            [[r["projet_id"], r["titre"], register.DOMAIN_LABELS.get(r["domaine"], r["domaine"]),
              r.get("porteur") or "", register.STATUS_LABELS.get(r["statut"], r["statut"] or "")
              + (f" — {r['partage']}" if r.get("partage") else "")] for r in shown.to_dict("records")],
            caption=self.more(chosen, caption or register.LEVEL_LABELS.get(level, tr("Projets"))))

    @staticmethod
    def more(frame: pd.DataFrame, caption: str) -> str:
        """A table's caption, saying when it shows only the first projects."""
        if len(frame) <= PROJECTS_SHOWN:
            return caption
        return caption + " — " + tr("les {0} premiers sur {1} ; tous dans projets_usages.xlsx").format(
            PROJECTS_SHOWN, fr_int(len(frame)))

    @staticmethod
    def project_texts(projects: pd.DataFrame, column: str) -> list[str]:
        """Each distinct text of `column`, with the projects that give it (« … (PRJ-001, PRJ-002) »)."""
        if column not in projects or projects.empty:
            return []
        texts = projects[column].fillna("").astype(str).str.strip()
        chosen = projects.assign(texte=texts)[texts.ne("")]
        grouped = chosen.groupby("texte", sort=False)["projet_id"].agg(lambda ids: ", ".join(sorted(ids)))
        return [f"{text} ({ids})" for text, ids in grouped.head(PROJECTS_SHOWN).items()]

    # --- 6. financial needs ------------------------------------------------------------------
    def chapter_financement(self) -> None:
        from .workbooks import _needs

        w = self.writer
        w.h(tr("Réseaux fixes : coûts et part de l'État"), 2)
        needs = _needs(_read(self.analyses / "besoins_financiers.csv"), self.scope)
        if len(needs):
            departments = needs[needs["niveau"] == "département"]
            total = needs[needs["niveau"] == "territoire"]
            total = total.iloc[-1] if len(total) else (departments.iloc[0] if len(departments) == 1 else None)
            if total is not None:
                w.p(tr("Le coût des phases des RIP restant à réaliser est estimé à {0} pour {1} locaux : {2} de part "
                       "de l'État (plafonds du plan France Très Haut Débit) et {3} à la charge des "
                       "collectivités.").format(fr_eur(total["cout_total"]), fr_int(total["locaux"]),
                                                fr_eur(total["part_etat"]), fr_eur(total["reste_collectivites"])))
            rows = [[self.department_label(r.code), fr_int(r.locaux), fr_eur(r.cout_total), fr_eur(r.part_etat),
                     fr_eur(r.reste_collectivites)] for r in departments.itertuples()]
            if total is not None and len(departments) > 1:
                rows.append([tr("Total"), fr_int(total["locaux"]), fr_eur(total["cout_total"]),
                             fr_eur(total["part_etat"]), fr_eur(total["reste_collectivites"])])
            w.table([tr("Département"), tr("Locaux"), tr("Coût"), tr("Part de l'État"), tr("Collectivités")], rows,
                    numeric={1, 2, 3, 4}, caption=tr("Besoins financiers des RIP par département"))
        rest = self.analyses / "reste_a_planifier.csv"
        if rest.exists():
            w.h(tr("Reste à planifier"), 2)
            table = _read(rest)
            sums = [c for c in ("locaux", "cout_total", "part_etat", "reste_collectivites") if c in table]
            table = self.scope.levels(table, sums) if "niveau" in table and "code" in table else table
            departments = _department_rows(table)
            totals = table[~table["niveau"].astype(str).str.lower().isin(["département", "commune"])] \
                if "niveau" in table else table.iloc[0:0]
            total = totals.iloc[-1] if len(totals) else (departments.iloc[0] if len(departments) == 1 else None)
            if total is not None:
                w.p(tr("Locaux d'initiative publique qu'aucune phase ne couvre encore : {0}, pour un coût estimé de "
                       "{1} ({2} de part de l'État, {3} pour les collectivités).").format(
                    fr_int(total.get("locaux")), fr_eur(total.get("cout_total")), fr_eur(total.get("part_etat")),
                    fr_eur(total.get("reste_collectivites"))))
            rows = [[self.department_label(r["code"]), fr_int(r.get("locaux")), fr_eur(r.get("cout_total")),
                     fr_eur(r.get("part_etat")), fr_eur(r.get("reste_collectivites"))]
                    for r in departments.to_dict("records")]
            if total is not None and len(departments) > 1:
                rows.append([tr("Total"), fr_int(total.get("locaux")), fr_eur(total.get("cout_total")),
                             fr_eur(total.get("part_etat")), fr_eur(total.get("reste_collectivites"))])
            if rows:
                w.table([tr("Département"), tr("Locaux"), tr("Coût"), tr("Part de l'État"), tr("Collectivités")],
                        rows, numeric={1, 2, 3, 4}, caption=tr("Reste à planifier par département"))
        w.h(tr("Réseaux mobiles"), 2)
        estimate = _read(self.analyses / "estimatif_mobile.csv")
        if len(estimate):
            from .workbooks import _territory_total

            total = _territory_total(self.scope.levels(estimate, ["nb_sites", "cout_estime", "subvention_etat",
                                                                  "reste_collectivites"]))
            if total is not None:
                w.p(tr("Résorption des dernières zones blanches 2G/3G : {0} (État : {1} ; collectivités : "
                       "{2}).").format(fr_eur(total["cout_estime"]), fr_eur(total["subvention_etat"]),
                    fr_eur(total["reste_collectivites"])))
        self.prose("financement")

    # --- 7. calendar -------------------------------------------------------------------------
    def chapter_calendrier(self) -> None:
        from ..core.calendar import AMII, PHASE, PROJECT, initiative_rows
        from .charts import calendar_chart

        w = self.writer
        rows = initiative_rows(self.store, self.scope.departments, territory=self.scope)
        kinds = pd.Series([r["kind"] for r in rows], dtype=object).value_counts()
        w.p(tr("Le calendrier réunit {0} projet(s) d'usages, {1} phase(s) de RIP et {2} calendrier(s) d'opérateurs "
               "(AMII).").format(fr_int(kinds.get(PROJECT, 0)), fr_int(kinds.get(PHASE, 0)),
                                 fr_int(kinds.get(AMII, 0))))
        drawn = [r for r in rows if r["kind"] == PROJECT][:30] + [r for r in rows if r["kind"] == PHASE]
        if drawn:
            chart = calendar_chart(drawn, self.folder / "calendrier.png",
                                   tr("Calendrier des initiatives — {0}").format(self.scope.label()))
            w.image(chart, tr("Calendrier des projets d'usages et des phases des RIP (30 premiers projets)"))
        labels = register.MILESTONE_STATUS_LABELS
        waiting = sorted((str(m.get("date_jalon") or m.get("semestre") or ""), r["key"], m.get("libelle") or "",
                          labels.get(m.get("statut"), m.get("statut") or ""))
                         for r in rows if r["kind"] == PROJECT for m in r["milestones"]
                         if m.get("statut") in ("prevu", "retarde"))
        if waiting:
            titles = {r["key"]: r["title"] for r in rows if r["kind"] == PROJECT}
            w.table([tr("Échéance"), tr("Projet"), tr("Jalon"), tr("Statut")],
                    [[fr_date(d), f"{k} {titles.get(k, '')}".strip(), t, s] for d, k, t, s in waiting[:25]],
                    caption=tr("Jalons prévus ou retardés des projets d'usages (25 premiers par échéance)"))
        self.prose("calendrier")

    # --- 8. follow-up ------------------------------------------------------------------------
    def chapter_suivi(self) -> None:
        from .workbooks import _indicators, _inventory, _needs, _trajectory

        w = self.writer
        w.h(tr("Indicateurs de suivi"), 2)
        projects = self.scope.usage_projects(self.tables["projets"].assign(
            statut=lambda f: f["statut"].map(register.STATUS_LABELS)))
        centres = self.scope.communes(read_layer_table(self.analyses / "centres_bourgs.gpkg"))
        indicators = _indicators(
            _inventory(_read(self.analyses / "inventaire_zones_blanches.csv"), self.scope),
            _trajectory(_read(self.analyses / "trajectoire_thd.csv"), self.scope), centres, projects,
            _needs(_read(self.analyses / "besoins_financiers.csv"), self.scope), self.scope, self.params)
        rows = []
        for name, value in zip(indicators["indicateur"], indicators["valeur"]):
            if isinstance(value, float) and "%" in name:
                text = fr_pct(value, 2)
            elif isinstance(value, float) and "€" in name:
                text = fr_eur(value)
            elif isinstance(value, (int, float)) and not isinstance(value, bool) and value == value:
                text = fr_int(value)
            else:
                text = "" if value is None or value != value else str(value)
            rows.append([name, text])
        w.table([tr("Indicateur"), tr("Valeur")], rows, numeric={1}, caption=tr("Indicateurs du millésime"))
        w.h(tr("Évolutions depuis le millésime précédent"), 2)
        changes = _read(self.analyses / "evolutions.csv")
        if len(changes) and not self.scope.whole:
            phases, projects_all = self.store.rip_phases(), self.tables["projets"]
            changes = changes[[self.scope.object_in_scope(o, projects_all, phases) and self.scope.text_in_scope(d)
                               for o, d in zip(changes["objet"], changes["detail"])]]
        if len(changes):
            w.bullets([str(d) for d in changes["detail"].fillna("").head(40)])
        else:
            w.p(tr("Aucune évolution n'est enregistrée depuis le millésime précédent (premier millésime du "
                   "référentiel, ou rien n'a changé)."))
        w.h(tr("Gouvernance et actualisation"), 2)
        w.p(tr("La SCORAN est pilotée par la CCRANT. Les schémas directeurs et projets de couverture (cartographie, "
               "calendrier), les estimations de coûts et de besoins financiers et les projets de services et usages "
               "sont actualisés chaque semestre et transmis à la DATAR et à la Mission France Très Haut Débit ; ce "
               "document, l'atlas et les classeurs du millésime sont produits ensemble par l'extension."))
        self.prose("suivi")

    # --- annex -------------------------------------------------------------------------------
    def annex(self) -> None:
        """Prose of sections the outline no longer has, so that nothing written is lost."""
        if self.previous is None:
            return
        orphans = [name for name in self.previous.sections
                   if name not in self.used and self.previous.written(name, self.placeholders)]
        if not orphans:
            return
        from odf.text import Section

        w = self.writer
        w.h(tr("Textes repris sans emplacement"), 1)
        w.p(tr("Textes du SGAR repris de {0} dont l'emplacement n'existe plus dans ce document : déplacez-les où "
               "il convient, puis supprimez-les d'ici.").format(self.previous.path.name))
        for name in orphans:
            w.h(name[len(PROSE_PREFIX):] if name.startswith(PROSE_PREFIX) else name, 2)
            section = Section(name=name)  # same name: carried over again next time if left here
            self.previous.copy_into(name, section, self.transfer)
            w.doc.text.addElement(section)
