"""The SCORAN atlas: a cover page and the changes since the previous semester, then for the region and
each department its pages — fixed broadband, « quand ? » (planned semester of clearing of the white
zones, priority sites still without a THD date), very high speed, mobile, services & usages (map of
the features linked to the projects, by domain) and the initiatives calendar, as many pages as it
takes. Maps with legend, scale bar, north arrow, sources and semester in the footer. One PDF for the
whole, one per department.

The map pages are laid out once (QgsPrintLayout, DejaVu fonts, resources/layouts/atlas_scoran.qpt)
and rendered territory by territory into PDF writers; the pages whose number depends on the data
(calendar, lists) are built in code page by page. Every text is real text in the PDF (key figures,
calendar labels), at 7 pt or more on A4.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pandas as pd
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutUtils,
    QgsMarkerSymbol,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsRendererCategory,
    QgsRendererRange,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QMarginsF, Qt
from qgis.PyQt.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

from ..compat import DISTANCE_KILOMETERS, LAYOUT_MILLIMETERS, TEXT_ALWAYS_TEXT
from ..core import palettes, register
from ..core.calendar import PHASE, PROJECT, initiative_rows
from ..core.clearing import ALREADY_THD, NO_PREMISES
from ..core.codes import Millesime, departement_of
from ..core.errors import ScoranError
from ..core.i18n import tr
from ..core.store import read_layer_table
from ..layers import apply_style, styled_layer
from .parameters import read_parameters
from .scope import Scope

WIDTH, HEIGHT = 297.0, 210.0  # A4 landscape, mm
PDF_DPI = 200
MIN_TEXT_PT = 7.0  # no text under 7 pt on the printed A4 page (calendar, lists, footers)
CALENDAR_ROWS = 24  # bars per calendar page: 5.6 mm a row leaves 7.5 pt labels room and air
CALENDAR_TEXT_PT = 7.5
LIST_ROWS = 30  # lines of a list page (sites without a date, changes) at 8 pt
LIST_TEXT_PT = 8.0
CREDIT = tr("Sources : ARCEP (Ma connexion internet, Mon réseau mobile) ; INSEE ; IGN – ADMIN EXPRESS ; DILA — "
            "Licence Ouverte 2.0. Réalisation : extension QGIS SCORAN 2.0.")
SECTIONS = (
    ("fixe", tr("Haut débit fixe : zones blanches et sites prioritaires")),
    ("quand", tr("Quand ? Semestre prévu de résorption des zones blanches")),
    ("thd", tr("Très haut débit : projets RIP, communes AMII et trajectoire 2022")),
    ("mobile", tr("Téléphonie mobile : centres-bourgs en zone blanche")),
    ("usages", tr("Services et usages numériques : objets liés aux projets, par domaine")),
)
# Priority sites whose THD date the atlas lists: schools, health, public services (not businesses).
DATED_SITE_CATEGORIES = ("ecoles", "colleges_lycees", "enseignement_superieur", "sante", "services_publics")
SEMESTER = re.compile(r"^\d{4}-S[12]$")
MULTI_DOMAIN = "plusieurs"


def _font(size: float, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPointSizeF(size)
    font.setBold(bold)
    font.setItalic(italic)
    return font


def _label(layout, text, x, y, w, h, size=10, bold=False, item_id=None, italic=False, color=None,
           align=Qt.AlignmentFlag.AlignLeft) -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    label.setFont(_font(size, bold, italic))
    label.setHAlign(align)  # QGIS's default is justified, which 3.40 honours
    if color:
        from qgis.PyQt.QtGui import QColor

        label.setFontColor(QColor(color))
    label.attemptMove(QgsLayoutPoint(x, y, LAYOUT_MILLIMETERS))
    label.attemptResize(QgsLayoutSize(w, h, LAYOUT_MILLIMETERS))
    if item_id:
        label.setId(item_id)
    layout.addLayoutItem(label)
    return label


def _line_label(layout, text, x, y, w, h, size, **options) -> QgsLayoutItemLabel:
    """One line of text, vertically centred in its box, no margin (calendar rows, list rows)."""
    label = _label(layout, text, x, y, w, h, size, **options)
    label.setVAlign(Qt.AlignmentFlag.AlignVCenter)
    label.setMarginX(0)
    label.setMarginY(0)
    return label


def _shape(layout, x, y, w, h, properties: dict) -> QgsLayoutItemShape:
    shape = QgsLayoutItemShape(layout)
    shape.setShapeType(QgsLayoutItemShape.Rectangle)
    shape.setSymbol(QgsFillSymbol.createSimple(properties))
    shape.attemptMove(QgsLayoutPoint(x, y, LAYOUT_MILLIMETERS))
    shape.attemptResize(QgsLayoutSize(w, h, LAYOUT_MILLIMETERS))
    layout.addLayoutItem(shape)
    return shape


def _fill(color, outline="no", **more) -> dict:
    properties = {"color": color, "outline_style": "no"} if outline == "no" else {
        "color": color, "outline_color": outline, "outline_width": "0.2"}
    return {**properties, **more}


def _clip(text: str, font: QFont, width_mm: float) -> str:
    """`text` cut with « … » so that it fits `width_mm` at `font` (one line, nothing wraps or overflows)."""
    text = " ".join(str(text or "").split())
    if QgsLayoutUtils.textWidthMM(font, text) <= width_mm:
        return text
    low, high = 0, len(text)
    while low < high:  # longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if QgsLayoutUtils.textWidthMM(font, text[:middle].rstrip() + "…") <= width_mm:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def _fit(extent: QgsRectangle, ratio: float) -> QgsRectangle:
    """`extent` widened to the map item's width/height ratio, same centre."""
    width, height = extent.width(), extent.height()
    if width / height > ratio:
        height = width / ratio
    else:
        width = height * ratio
    centre = extent.center()
    return QgsRectangle(centre.x() - width / 2, centre.y() - height / 2, centre.x() + width / 2,
                        centre.y() + height / 2)


def _page(layout) -> None:
    page = QgsLayoutItemPage(layout)
    page.setPageSize(QgsLayoutSize(WIDTH, HEIGHT, LAYOUT_MILLIMETERS))
    layout.pageCollection().addPage(page)


def _blank_page(project, title: str, territory: str, millesime: str) -> QgsPrintLayout:
    """A page built in code (calendar, lists): title, territory line and the footer of the map pages."""
    page = QgsPrintLayout(project)
    page.initializeDefaults()
    page.pageCollection().page(0).setPageSize(QgsLayoutSize(WIDTH, HEIGHT, LAYOUT_MILLIMETERS))
    _label(page, title, 10, 6, 277, 12, 16, True)
    if territory:
        _label(page, territory, 10, 17, 277, 8, 11)
    _label(page, CREDIT + "  —  " + tr("Millésime {0}").format(millesime), 10, 200, 277, 6, 7)
    return page


LAYOUTS = Path(__file__).resolve().parent.parent / "resources" / "layouts"
ATLAS_TEMPLATE, COVER_TEMPLATE = LAYOUTS / "atlas_scoran.qpt", LAYOUTS / "couverture_scoran.qpt"
# Map item → its layers, top first (a name the atlas lacks, e.g. an analysis not run, is skipped).
SECTION_LAYERS = {"fixe": ["sites", "carreaux_inel", "carreaux", "communes_inel", "departements", "communes"],
                  "quand": ["departements", "resorption_communes"],
                  "quand_carreaux": ["sites_sans_date", "departements", "resorption_carreaux"],
                  "thd": ["departements", "rip", "amii"],
                  "mobile": ["centres", "departements"],
                  "usages": ["usages_points", "usages_perimetres", "departements", "usages_zones"]}
USAGE_LAYERS = ("usages_zones", "usages_perimetres", "usages_points")
# Legend → its layers, when they are not its map's (the « quand » legend serves both maps).
LEGEND_LAYERS = {"quand": ["sites_sans_date", "departements", "resorption_communes"]}


def _item(layout, item_id: str):
    item = layout.itemById(item_id)
    if item is None:
        raise ScoranError(tr("Le modèle de mise en page n'a pas d'élément « {0} » (identifiant attendu).").format(
            item_id))
    return item


def load_template(project, path: Path) -> QgsPrintLayout:
    """A layout from a shipped .qpt (officers may restyle it; items are found by their id)."""
    from qgis.core import QgsReadWriteContext
    from qgis.PyQt.QtXml import QDomDocument

    document = QDomDocument()
    if not path.is_file() or not document.setContent(path.read_text(encoding="utf-8")):
        raise ScoranError(tr("Modèle de mise en page illisible : {0}").format(path))
    layout = QgsPrintLayout(project)
    layout.loadFromTemplate(document, QgsReadWriteContext())
    return layout


def _map_item(layout, item_id: str, x, y, w, h, north_x=None) -> QgsLayoutItemMap:
    """A framed map with its scale bar (bottom left) and north arrow (top right, or at `north_x`)."""
    item = QgsLayoutItemMap(layout)
    item.setId(f"carte_{item_id}")
    item.attemptMove(QgsLayoutPoint(x, y, LAYOUT_MILLIMETERS))
    item.attemptResize(QgsLayoutSize(w, h, LAYOUT_MILLIMETERS))
    item.setFrameEnabled(True)
    layout.addLayoutItem(item)
    scale = QgsLayoutItemScaleBar(layout)
    scale.setId(f"echelle_{item_id}")
    scale.setLinkedMap(item)
    scale.applyDefaultSize(DISTANCE_KILOMETERS)
    scale.attemptMove(QgsLayoutPoint(x + 4, y + h - 13, LAYOUT_MILLIMETERS))
    layout.addLayoutItem(scale)
    if north_x is not None:
        north = QgsLayoutItemPicture(layout)
        north.setId(f"nord_{item_id}")
        north.setPicturePath(":/images/north_arrows/layout_default_north_arrow.svg")
        north.attemptMove(QgsLayoutPoint(north_x, y + 3, LAYOUT_MILLIMETERS))
        north.attemptResize(QgsLayoutSize(12, 12, LAYOUT_MILLIMETERS))
        layout.addLayoutItem(north)
    return item


def _legend_item(layout, item_id: str, x, y, columns: int = 1, size: float | None = None) -> QgsLayoutItemLegend:
    """A legend; `size` (pt) sets smaller texts and symbols for the pages with long legends."""
    legend = QgsLayoutItemLegend(layout)
    legend.setId(f"legende_{item_id}")
    legend.setTitle(tr("Légende"))
    legend.setColumnCount(columns)
    legend.setSplitLayer(columns > 1)
    if size is not None:
        from qgis.core import QgsLegendStyle

        for style, bold, extra in ((QgsLegendStyle.Title, True, 2), (QgsLegendStyle.Group, True, 0),
                                   (QgsLegendStyle.Subgroup, True, 0), (QgsLegendStyle.SymbolLabel, False, 0)):
            rstyle = legend.rstyle(style)
            if hasattr(rstyle, "setTextFormat"):  # QGIS ≥ 3.30
                from qgis.core import QgsTextFormat

                text = QgsTextFormat.fromQFont(_font(size + extra, bold))
                text.setSize(size + extra)
                rstyle.setTextFormat(text)
            else:
                rstyle.setFont(_font(size + extra, bold))
        legend.setSymbolHeight(3.2)
        legend.setSymbolWidth(5.5)
    legend.attemptMove(QgsLayoutPoint(x, y, LAYOUT_MILLIMETERS))
    layout.addLayoutItem(legend)
    return legend


def build_atlas_template(project) -> QgsPrintLayout:
    """The map pages of a territory, every item named (`scripts/build_templates.py` saves it as .qpt)."""
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(WIDTH, HEIGHT, LAYOUT_MILLIMETERS))
    for _ in SECTIONS[1:]:
        _page(layout)
    gap = layout.pageCollection().spaceBetweenPages()
    for index, (section, title) in enumerate(SECTIONS):
        top = index * (HEIGHT + gap)
        _label(layout, title, 10, top + 6, 277, 12, 16, True, f"titre_{section}")
        _label(layout, "", 10, top + 17, 200, 8, 11, item_id=f"territoire_{section}")
        _label(layout, "", 10, top + 200, 277, 6, 7, item_id=f"pied_{section}")
        if section == "quand":  # two maps side by side: communes, 200 m cells; legend and figures beneath
            _map_item(layout, "quand", 10, top + 27, 137, 128, north_x=133)
            _map_item(layout, "quand_carreaux", 150, top + 27, 137, 128)
            _label(layout, tr("Par commune"), 10, top + 156, 137, 5, 9, True, "sous_titre_quand")
            _label(layout, tr("Par carreau de 200 m ; étoiles : sites sans date THD"), 150, top + 156, 137, 5, 9, True,
                   "sous_titre_quand_carreaux")
            _legend_item(layout, "quand", 10, top + 161, columns=4, size=MIN_TEXT_PT + 0.5)
            _label(layout, "", 190, top + 162, 97, 36, 8, item_id="chiffres_quand")
            continue
        _label(layout, "", 205, top + 28, 82, 90, 10 if section != "usages" else 9, item_id=f"chiffres_{section}")
        _map_item(layout, section, 10, top + 27, 190, 168, north_x=185)
        if section == "usages":
            _legend_item(layout, section, 205, top + 100, size=MIN_TEXT_PT + 0.5)
        else:
            _legend_item(layout, section, 205, top + 120)
    picture = QgsLayoutItemPicture(layout)
    picture.setId("graphique_trajectoire")
    thd = [s for s, _ in SECTIONS].index("thd")
    picture.attemptMove(QgsLayoutPoint(205, thd * (HEIGHT + gap) + 153, LAYOUT_MILLIMETERS))
    picture.attemptResize(QgsLayoutSize(82, 44, LAYOUT_MILLIMETERS))
    layout.addLayoutItem(picture)
    return layout


def build_cover_template(project) -> QgsPrintLayout:
    cover = QgsPrintLayout(project)
    cover.initializeDefaults()
    cover.pageCollection().page(0).setPageSize(QgsLayoutSize(WIDTH, HEIGHT, LAYOUT_MILLIMETERS))
    _label(cover, tr("SCORAN 2.0 — Stratégie de cohérence régionale d'aménagement numérique"), 20, 40, 257, 20, 22,
           True, "titre_couverture")
    _label(cover, "", 20, 70, 257, 14, 18, item_id="region")
    _label(cover, "", 20, 88, 257, 10, 14, item_id="millesime")
    _label(cover, "", 20, 100, 257, 10, 11, item_id="date")
    _label(cover, "", 20, 170, 257, 20, 9, item_id="sources")
    return cover


def domain_renderer(kind: str) -> QgsCategorizedSymbolRenderer:
    """Features linked to projects by domain: `kind` zones (filled), perimetres (outlined), points.

    A feature linked to projects of several domains gets its own dark-grey class « Plusieurs domaines »
    (one colour per feature, never one domain chosen over another).
    """
    colors = {**palettes.DOMAIN_COLORS, MULTI_DOMAIN: palettes.MULTI_DOMAIN_COLOR}
    labels = {**register.DOMAIN_LABELS, MULTI_DOMAIN: tr("Plusieurs domaines")}

    def symbol(color):
        if kind == "zones":
            return QgsFillSymbol.createSimple({"color": color, "outline_color": palettes.WHITE,
                                               "outline_width": "0.1"})
        if kind == "perimetres":
            return QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": color, "outline_width": "0.9",
                                               "outline_style": "dash" if color == palettes.MULTI_DOMAIN_COLOR
                                               else "solid"})
        return QgsMarkerSymbol.createSimple({"name": "circle", "color": color, "size": "2.6",
                                             "outline_color": palettes.WHITE, "outline_width": "0.3"})

    return QgsCategorizedSymbolRenderer("domaine", [QgsRendererCategory(code, symbol(color), labels[code])
                                                    for code, color in colors.items()])


def linked_objects(store) -> pd.DataFrame:
    """One row per (type_objet, cle) linked to projects: `domaines` (sorted codes), `domaine` (the code, or
    « plusieurs »), `nb_projets`."""
    tables = register.read_tables(store)
    links = tables["liens"].merge(tables["projets"][["projet_id", "domaine"]], on="projet_id", how="left")
    links["cle"] = links["cle"].astype(str).str.strip()
    links["domaine"] = links["domaine"].fillna("autre")
    grouped = links.groupby(["type_objet", "cle"], sort=True).agg(
        domaines=("domaine", lambda s: tuple(sorted(set(s)))), nb_projets=("projet_id", "nunique")).reset_index()
    grouped["domaine"] = grouped["domaines"].map(lambda d: d[0] if len(d) == 1 else MULTI_DOMAIN)
    return grouped


class Atlas:
    """Layers, layout and figures of one semester's atlas."""

    def __init__(self, store, analyses: Path, millesime: str, departments: list | None = None):
        self.store, self.analyses, self.millesime = store, Path(analyses), millesime
        self.scope = Scope(store, departments, analyses)
        self.project = QgsProject()
        self.project.setCrs(QgsCoordinateReferenceSystem(f"EPSG:{store.crs_epsg()}"))
        self.inventory = pd.read_csv(self.analyses / "inventaire_zones_blanches.csv", dtype={"code": str})
        self.params = read_parameters(read_layer_table(self.analyses / "zones_blanches_communes.gpkg"),
                                      self.inventory)
        self.clearing = self._clearing_table()
        self.site_dates = self._site_dates()
        self.layers = self._layers()
        self._name_layers()
        self.filters = {name: layer.subsetString() for name, layer in self.layers.items()}
        self.figures = self._figures()
        self.scales = {}
        self.layout, self.maps, self.texts = self._layout()

    # --- layers --------------------------------------------------------------------------------
    def _add(self, layer):
        if not layer.isValid():
            raise ScoranError(tr("Couche illisible pour l'atlas : {0}").format(layer.source()))
        self.project.addMapLayer(layer)
        return layer

    def _layers(self) -> dict:
        add = self._add
        layers = {"departements": add(styled_layer(self.store.uri("departements"), "departements"))}
        communes = add(QgsVectorLayer(str(self.analyses / "zones_blanches_communes.gpkg"), "communes", "ogr"))
        ranges = []
        for low, high, color in palettes.UNDER_THRESHOLD_CLASSES:
            symbol = QgsFillSymbol.createSimple({"color": color, "outline_color": palettes.WHITE,
                                                 "outline_width": "0.05"})
            ranges.append(QgsRendererRange(low, high, symbol, f"{low:.0f} – {min(high, 100):.0f} %"))
        communes.setRenderer(QgsGraduatedSymbolRenderer("pct_sous_seuil", ranges))
        layers["communes"] = communes
        grid = add(QgsVectorLayer(str(self.analyses / "zones_blanches_carreaux.gpkg"), "carreaux", "ogr"))
        grid.renderer().setSymbol(QgsFillSymbol.createSimple({"color": "0,0,0,0",
                                                              "outline_color": palettes.WHITE_GRID_OUTLINE,
                                                              "outline_width": "0.35"}))
        layers["carreaux"] = grid
        inel_grid = self.analyses / "zones_blanches_inel_carreaux.gpkg"
        if inel_grid.exists():  # the no-broadband category, when the analysis wrote it
            layer = add(QgsVectorLayer(str(inel_grid), "carreaux_inel", "ogr"))
            layer.renderer().setSymbol(QgsFillSymbol.createSimple({
                "color": "0,0,0,0", "outline_color": palettes.ALERT, "outline_width": "0.35",
                "style": "b_diagonal"}))
            layers["carreaux_inel"] = layer
        if communes.fields().indexOf("zb_haut_debit") >= 0:
            flagged = add(QgsVectorLayer(str(self.analyses / "zones_blanches_communes.gpkg"), "communes_inel", "ogr"))
            flagged.setSubsetString('"zb_haut_debit" = 1')
            flagged.renderer().setSymbol(QgsFillSymbol.createSimple({
                "color": palettes.ALERT, "style": "f_diagonal", "outline_color": palettes.ALERT,
                "outline_width": "0.3"}))
            layers["communes_inel"] = flagged
        sites = add(QgsVectorLayer(str(self.analyses / "sites_prioritaires.gpkg"), "sites", "ogr"))
        sites.setSubsetString('"sous_seuil" = 1')
        sites.renderer().setSymbol(QgsMarkerSymbol.createSimple({"name": "star", "color": palettes.PRIORITY_SITE_COLOR,
                                                                 "size": "2.4", "outline_color": palettes.WHITE}))
        layers["sites"] = sites
        layers["rip"] = add(styled_layer(self.store.uri("rip_projets"), "rip_projets"))
        amii = self.store.amii_commune_codes()
        amii_layer = add(QgsVectorLayer(self.store.uri("communes"), tr("Communes AMII (initiative privée)"),
                                        self.store.provider))
        amii_layer.setSubsetString('"insee_com" IN (' + ",".join(f"'{c}'" for c in amii) + ")" if amii else "1 = 0")
        amii_layer.renderer().setSymbol(QgsFillSymbol.createSimple({"color": palettes.AMII_COLOR,
                                                                    "outline_color": palettes.AMII_OUTLINE,
                                                                    "outline_width": "0.1"}))
        layers["amii"] = amii_layer
        centres = add(QgsVectorLayer(str(self.analyses / "centres_bourgs.gpkg"), tr("Centres-bourgs"), "ogr"))
        from ..core.mobile import STATUS_LABELS

        colors = palettes.MOBILE_STATUS_COLORS
        centres.setRenderer(QgsCategorizedSymbolRenderer("statut", [
            QgsRendererCategory(code, QgsMarkerSymbol.createSimple({"name": "triangle", "color": colors[code],
                                                                    "size": "3"}), label)
            for code, label in STATUS_LABELS.items()]))
        layers["centres"] = centres
        for name, title in (("resorption_communes", tr("Année prévue de résorption (commune)")),
                            ("resorption_carreaux", tr("Année prévue de résorption (carreau)"))):
            path = self.analyses / f"{name}.gpkg"
            if path.exists():  # scoran:whitezoneclearing's outputs; an older analyses folder lacks them
                layer = add(QgsVectorLayer(str(path), title, "ogr"))
                apply_style(layer, name)
                layers[name] = layer
        if self.site_dates is not None:  # schools, health, public sites without a THD date, on the cells' map
            undated = sorted(self.site_dates.loc[self.site_dates["sans_date"], "site_id"])
            layer = add(QgsVectorLayer(str(self.analyses / "sites_prioritaires.gpkg"),
                                       tr("Écoles, santé, services publics sans date THD"), "ogr"))
            layer.setSubsetString('"site_id" IN (' + ", ".join("'" + i.replace("'", "''") + "'" for i in undated)
                                  + ")" if undated else "0")
            layer.renderer().setSymbol(QgsMarkerSymbol.createSimple({
                "name": "star", "color": palettes.CLEARING_COLORS["non_planifie"], "size": "3",
                "outline_color": palettes.BLACK, "outline_width": "0.2"}))
            layers["sites_sans_date"] = layer
        layers.update(self._usage_layers())
        return layers

    def _usage_layers(self) -> dict:
        """Memory layers of the features linked to usage projects, by domain (see `domain_renderer`).

        usages_zones: communes (and the communes of a phase drawn without a perimeter); usages_perimetres:
        départements, EPCI, RIP perimeters and phases, outlined so that the communes stay readable;
        usages_points: priority sites and town centres. `departements` (« ,21,25, ») ties each feature to
        its départements for the departmental pages.
        """
        objects = linked_objects(self.store)
        self.linked = objects
        crs = f"EPSG:{self.store.crs_epsg()}"
        fields = "&".join(f"field={name}:{kind}" for name, kind in (
            ("type_objet", "string"), ("cle", "string"), ("nom", "string"), ("domaine", "string"),
            ("nb_projets", "integer"), ("departements", "string")))
        layers = {
            "usages_zones": QgsVectorLayer(f"MultiPolygon?crs={crs}&{fields}", tr("Communes liées"), "memory"),
            "usages_perimetres": QgsVectorLayer(f"MultiPolygon?crs={crs}&{fields}",
                                                tr("Départements, EPCI, RIP liés (contour)"), "memory"),
            "usages_points": QgsVectorLayer(f"Point?crs={crs}&{fields}", tr("Sites et centres-bourgs liés"),
                                            "memory"),
        }
        for name, kind in (("usages_zones", "zones"), ("usages_perimetres", "perimetres"),
                           ("usages_points", "points")):
            layers[name].setRenderer(domain_renderer(kind))
        rips, phases_deps = self.scope.rip_departements(), self.scope.phase_departements()
        epci_deps, phase_communes = self.store.epci_departments(), self.store.phase_communes()
        site_source = self.analyses / "sites_prioritaires.gpkg"
        site_uri = str(site_source) if site_source.exists() else self.store.uri("sites_prioritaires")
        # link type → (layer, source uri, key field, name field, départements of a feature)
        sources = {
            "commune": ("usages_zones", self.store.uri("communes"), "insee_com", "nom",
                        lambda f: {str(f["insee_dep"])}),
            "departement": ("usages_perimetres", self.store.uri("departements"), "insee_dep", "nom",
                            lambda f: {str(f["insee_dep"])}),
            "epci": ("usages_perimetres", self.store.uri("epci"), "siren_epci", "nom",
                     lambda f: epci_deps.get(str(f["siren_epci"]), set())),
            "rip": ("usages_perimetres", self.store.uri("rip_projets"), "rip_id", "nom",
                    lambda f: rips.get(str(f["rip_id"]), set())),
            "phase": ("usages_perimetres", self.store.uri("rip_phases"), "phase_id", "nom",
                      lambda f: phases_deps.get(str(f["phase_id"])) or rips.get(str(f["rip_id"]), set())),
            "site": ("usages_points", site_uri, "site_id", "nom",
                     lambda f: {departement_of(str(f["insee_com"]))} if f["insee_com"] else set()),
            "centre_bourg": ("usages_points", self.store.uri("centres_bourgs"), "insee_com", "nom",
                             lambda f: {departement_of(str(f["insee_com"]))}),
        }
        features = {name: [] for name in layers}
        for kind, rows in objects.groupby("type_objet"):
            if kind not in sources:
                continue
            target, uri, key, name_field, deps_of = sources[kind]
            wanted = rows.set_index("cle")
            found = self._linked_features(uri, key, list(wanted.index))
            for feature in found:
                code = str(feature[key])
                geometry = feature.geometry()
                if geometry is None or geometry.isEmpty():
                    continue
                features[target].append(self._usage_feature(
                    layers[target], kind, code, feature[name_field], wanted.loc[code], deps_of(feature), geometry))
            if kind == "phase":  # phases without a perimeter: their communes, filled
                drawn = {str(f["cle"]) for f in features[target] if f["type_objet"] == "phase"}
                communes = {insee: phase for phase in wanted.index if phase not in drawn
                            for insee in phase_communes.get(phase, [])}
                for feature in self._linked_features(self.store.uri("communes"), "insee_com", list(communes)):
                    phase = communes[str(feature["insee_com"])]
                    deps = {str(feature["insee_dep"])}
                    features["usages_zones"].append(self._usage_feature(
                        layers["usages_zones"], "phase", phase, feature["nom"], wanted.loc[phase], deps,
                        feature.geometry()))
        for name, layer in layers.items():
            layer.dataProvider().addFeatures(features[name])
            layer.updateExtents()
            self._add(layer)
        return layers

    @staticmethod
    def _linked_features(uri: str, key: str, keys: list) -> list:
        if not keys:
            return []
        from ..layers import provider_of

        layer = QgsVectorLayer(uri, "liens", provider_of(uri))
        if not layer.isValid() or layer.fields().indexOf(key) < 0:
            return []
        found = []
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            quoted = ", ".join("'" + str(k).replace("'", "''") + "'" for k in chunk)
            found += list(layer.getFeatures(QgsFeatureRequest().setFilterExpression(f'"{key}" IN ({quoted})')))
        return found

    @staticmethod
    def _usage_feature(layer, kind, code, name, row, deps, geometry) -> QgsFeature:
        feature = QgsFeature(layer.fields())
        geometry = QgsGeometry(geometry)
        if layer.geometryType() != 0:  # polygons: always multi, as the layer is declared
            geometry.convertToMultiType()
        feature.setGeometry(geometry)
        feature.setAttributes([kind, code, str(name) if name else code, row["domaine"], int(row["nb_projets"]),
                               "," + ",".join(sorted(deps)) + ","])
        return feature

    def _name_layers(self) -> None:
        """Legend names say the THRESHOLD and SHARE the analysis was run with."""
        p = self.params
        names = {
            "communes": tr("Part des locaux sous {0}").format(p.speed) + p.suffix(),
            "carreaux": tr("Carreaux sous {0} (≥ {1})").format(p.speed, p.share_text),
            "carreaux_inel": tr("Carreaux sans haut débit (≥ {0})").format(p.share_text),
            "communes_inel": tr("Zone blanche du haut débit (≥ {0})").format(p.share_text),
            "sites": tr("Sites prioritaires sous {0}").format(p.speed),
        }
        for key, name in names.items():
            if key in self.layers:
                self.layers[key].setName(name)

    # --- « quand ? » tables --------------------------------------------------------------------
    def _clearing_table(self) -> pd.DataFrame | None:
        """resorption_communes' attributes with the legend class of each commune (None: analysis absent)."""
        path = self.analyses / "resorption_communes.gpkg"
        if not path.exists():
            return None
        table = read_layer_table(path)
        missing = sorted({"insee_com", "insee_dep", "semestre_resorption", "nb_sous_seuil",
                          "nb_sans_haut_debit"} - set(table.columns))
        if missing:
            raise ScoranError(tr("{0} : colonne(s) absente(s) {1}.").format(path.name, ", ".join(missing)))
        table["insee_com"] = table["insee_com"].astype(str)
        table["insee_dep"] = table["insee_dep"].astype(str)
        semester = table["semestre_resorption"].fillna("").astype(str)
        planned = semester.str.match(SEMESTER.pattern)
        counts = table[["nb_sous_seuil", "nb_sans_haut_debit"]].apply(pd.to_numeric, errors="coerce").fillna(0)
        empty = counts.sum(axis=1) == 0
        year = semester.str[:4]
        table["classe"] = year.where(planned, "").mask(planned & (year <= "2016"), "2016").mask(
            planned & (year > "2022"), "apres_2022")
        table.loc[~planned, "classe"] = "non_planifie"
        table.loc[~planned & empty, "classe"] = "rien"
        return table

    def _site_dates(self) -> pd.DataFrame | None:
        """Schools, health and public sites with their planned THD semester (None: analysis absent)."""
        path = self.analyses / "sites_dates_thd.csv"
        sites_path = self.analyses / "sites_prioritaires.gpkg"
        if not path.exists() or not sites_path.exists():
            return None
        dates = pd.read_csv(path, dtype=str, keep_default_na=False)
        if not {"site_id", "semestre_thd"} <= set(dates.columns):
            raise ScoranError(tr("{0} : colonnes site_id et semestre_thd attendues.").format(path.name))
        sites = read_layer_table(sites_path)
        sites = sites.reindex(columns=["site_id", "categorie", "nom", "libelle", "insee_com"]).astype(
            {"site_id": str, "insee_com": str})
        dates = dates.drop(columns=[c for c in ("categorie", "nom", "libelle", "insee_com") if c in dates])
        sites = sites[sites["categorie"].isin(DATED_SITE_CATEGORIES)]
        table = sites.merge(dates, on="site_id", how="left")
        table["semestre_thd"] = table["semestre_thd"].fillna("")
        table["motif"] = table["motif"].fillna("") if "motif" in table else ""
        table["insee_dep"] = table["insee_com"].map(lambda c: departement_of(c) if c else "")
        semester = table["semestre_thd"].astype(str)
        # without a planned date: neither a semester, nor already THD, nor too far from any premises
        table["sans_date"] = ~semester.str.match(SEMESTER.pattern) & ~semester.isin([ALREADY_THD, NO_PREMISES])
        return table

    # --- figures -------------------------------------------------------------------------------
    def _figures(self) -> dict:
        inventory = self.inventory
        trajectory = pd.read_csv(self.analyses / "trajectoire_thd.csv", dtype={"code": str})
        mobile = pd.read_csv(self.analyses / "estimatif_mobile.csv", dtype={"code": str})
        projects = register.read_tables(self.store)["projets"]
        figures = {}
        territories = [(code, name, "région") for code, name in self.store.regions()]
        territories += [(code, name, "département") for code, name in self.store.departments()]
        for code, name, level in territories:
            key = "Ensemble" if level == "région" else code
            inv = inventory[inventory["code"] == key]
            traj = trajectory[trajectory["code"] == key].set_index("semestre")
            mob = mobile[mobile["code"] == key]
            mine = projects if level == "région" else projects[projects["departements"].fillna("").map(
                lambda value, c=code: c in register.split_list(value)).astype(bool)]  # bool: 0 projects too
            targets = trajectory[~trajectory["niveau"].isin(["département", "commune"])].set_index("semestre")
            figures[code] = {
                "nom": name, "niveau": level,
                "inel": int(inv["nb_inel"].iat[0]) if len(inv) and "nb_inel" in inv else None,
                "pct_inel": float(inv["pct_inel"].iat[0]) if len(inv) and "pct_inel" in inv else None,
                "zb_haut_debit": int(inv["nb_zb_haut_debit"].iat[0]) if len(inv) and "nb_zb_haut_debit" in inv
                else None,
                "cible_2017": float(targets.at["2017-S2", "cible_pct"]) if "2017-S2" in targets.index else 50.0,
                "cible_2022": float(targets.at["2022-S2", "cible_pct"]) if "2022-S2" in targets.index else 100.0,
                "trajectoire": trajectory[trajectory["code"] == key],
                "locaux": int(inv["nb_locaux"].iat[0]) if len(inv) else 0,
                "sous_seuil": int(inv["nb_sous_seuil"].iat[0]) if len(inv) else 0,
                "pct_sous_seuil": float(inv["pct_sous_seuil"].iat[0]) if len(inv) else 0.0,
                "zones_blanches": int(inv["nb_zones_blanches"].iat[0]) if len(inv) else 0,
                "thd_debut": float(traj["pct_thd"].iat[0]) if len(traj) else 0.0,
                "thd_2017": float(traj.at["2017-S2", "pct_thd"]) if "2017-S2" in traj.index else 0.0,
                "thd_2022": float(traj.at["2022-S2", "pct_thd"]) if "2022-S2" in traj.index else 0.0,
                "centres": int(mob["nb_centres"].iat[0]) if len(mob) else 0,
                "centres_blancs": int(mob["zone_blanche_2g"].iat[0] + mob["zone_blanche_3g"].iat[0]) if len(mob) else 0,
                "projets": len(mine),
                "domaines": mine["domaine"].map(register.DOMAIN_LABELS).value_counts().to_dict(),
            }
        return figures

    # --- layout --------------------------------------------------------------------------------
    def _layout(self):
        """The shipped template (resources/layouts/atlas_scoran.qpt), its items bound to this atlas's layers."""
        layout = load_template(self.project, ATLAS_TEMPLATE)
        maps, texts = {}, {}
        for section, _ in SECTIONS:
            for kind in ("titre", "territoire", "chiffres", "pied"):
                texts[f"{kind}_{section}"] = _item(layout, f"{kind}_{section}")
            texts[f"pied_{section}"].setText(CREDIT + "  —  " + tr("Millésime {0}").format(self.millesime))
        for key, names in SECTION_LAYERS.items():
            item = maps[key] = _item(layout, f"carte_{key}")
            item.setCrs(self.project.crs())
            item.setLayers([self.layers[name] for name in names if name in self.layers])
            self.scales[key] = _item(layout, f"echelle_{key}")
            self.scales[key].setLinkedMap(item)
            legend = layout.itemById(f"legende_{key}")
            if legend is None:  # the second « quand » map shares the first one's legend
                continue
            legend.setLinkedMap(item)
            legend.setAutoUpdateModel(False)
            root = legend.model().rootGroup()
            root.clear()
            for name in LEGEND_LAYERS.get(key, names):
                if name in self.layers:
                    root.addLayer(self.layers[name])
            if key == "usages":  # only the domains drawn on this territory's map
                legend.setLegendFilterByMapEnabled(True)
        texts["titre_fixe"].setText(tr("Haut débit fixe : zones blanches et locaux sous {0}").format(
            self.params.speed))
        self.chart = _item(layout, "graphique_trajectoire")
        self.chart.setPicturePath(str(self.analyses / "trajectoire_thd.png"))
        return layout, maps, texts

    def _fill(self, code: str) -> None:
        """Point the maps at a territory and write its key figures."""
        f = self.figures[code]
        self._filter([code] if f["niveau"] == "département" else self.scope.departments)
        extent = QgsRectangle()
        extent.setMinimal()
        for feature in self.layers["communes"].getFeatures():
            extent.combineExtentWith(feature.geometry().boundingBox())
        extent.scale(1.05)
        for section, item in self.maps.items():
            item.setExtent(_fit(extent, item.rect().width() / item.rect().height()))
            self.scales[section].applyDefaultSize(DISTANCE_KILOMETERS)  # segments fit the new scale
        name = self._territory_name(code)
        number = _number
        for section, _ in SECTIONS:
            self.texts[f"territoire_{section}"].setText(f"{name} — {tr('millésime')} {self.millesime}")
        p = self.params
        fixed = [tr("Chiffres clés"), tr("Locaux : {0}").format(number(f["locaux"]))]
        if f["inel"] is not None:
            fixed.append(tr("Locaux inéligibles (< {0}) : {1}").format(p.inel_speed, number(f["inel"]))
                         + (f" ({f['pct_inel']:.2f} %)" if f["pct_inel"] is not None else ""))
        if f["zb_haut_debit"] is not None:
            fixed.append(tr("Communes en zone blanche du haut débit : {0}").format(f["zb_haut_debit"]))
        fixed += [tr("Locaux sous {0} : {1} ({2:.2f} %)").format(p.speed, number(f["sous_seuil"]), f["pct_sous_seuil"]),
                  tr("Communes sans haut débit de qualité (< {0}) : {1}").format(p.speed, f["zones_blanches"]),
                  tr("Seuil {0} ({1}), part {2}").format(p.threshold, p.speed, p.share_text) + p.suffix()]
        self.texts["chiffres_fixe"].setText("\n".join(fixed))
        self.texts["chiffres_quand"].setText(self._clearing_text(code))
        percent = lambda v: f"{v:g} %".replace(".", ",")  # noqa: E731
        self.texts["chiffres_thd"].setText("\n".join([
            tr("Chiffres clés"), tr("Locaux THD aujourd'hui : {0:.2f} %").format(f["thd_debut"]),
            tr("Prévu fin 2017 : {0:.2f} % (objectif {1})").format(f["thd_2017"], percent(f["cible_2017"])),
            tr("Prévu fin 2022 : {0:.2f} % (objectif {1})").format(f["thd_2022"], percent(f["cible_2022"]))]))
        self.chart.setPicturePath(str(self._trajectory_image(code)))
        self.chart.refreshPicture()
        self.texts["chiffres_mobile"].setText("\n".join([
            tr("Chiffres clés"), tr("Centres-bourgs suivis : {0}").format(f["centres"]),
            tr("En zone blanche 2G ou 3G : {0}").format(f["centres_blancs"])]))
        lines = [tr("Projets d'usages : {0}").format(f["projets"])]
        lines += [f"  {domain} : {count}" for domain, count in f["domaines"].items()]
        lines += ["", *self._linked_text()]
        self.texts["chiffres_usages"].setText("\n".join(lines))

    def _territory_name(self, code: str) -> str:
        f = self.figures[code]
        return f"{f['nom']} ({code})" if f["niveau"] == "département" else f["nom"]

    def _clearing_text(self, code: str) -> str:
        """Key figures of the « quand ? » page, or why the page is empty."""
        if self.clearing is None:
            return tr("Analyse absente : lancez « Résorption des zones blanches (quand ?) » (scoran:whitezoneclearing) "
                      "pour dater la résorption des zones blanches.")
        table = self.clearing if self.figures[code]["niveau"] != "département" else \
            self.clearing[self.clearing["insee_dep"] == code]
        if self.figures[code]["niveau"] != "département" and not self.scope.whole:
            table = table[table["insee_dep"].isin(self.scope.departments)]
        lines = [tr("Chiffres clés"), tr("Locaux sous le seuil : {0} ; sans haut débit : {1}").format(
            _number(table["nb_sous_seuil"].fillna(0).sum()), _number(table["nb_sans_haut_debit"].fillna(0).sum()))]
        for year, column in (("2017", "reste_fin_2017_sous_seuil"), ("2022", "reste_fin_2022_sous_seuil")):
            if column in table:
                lines.append(tr("Encore sous le seuil fin {0} : {1} locaux").format(
                    year, _number(table[column].fillna(0).sum())))
        lines.append(tr("Communes sans date (non planifiées) : {0}").format(int((table["classe"] == "non_planifie")
                                                                             .sum())))
        if self.site_dates is not None:
            sites = self._sites_without_date(code)
            lines.append(tr("Écoles, santé, services publics sans date THD : {0}").format(len(sites)))
        return "\n".join(lines)

    def _linked_text(self) -> list[str]:
        """How many linked features each usages layer draws for the territory now filtered."""
        counts, multi = {}, 0
        for name in USAGE_LAYERS:
            for feature in self.layers[name].getFeatures():
                key = (feature["type_objet"], feature["cle"])
                if key in counts.setdefault(feature["type_objet"], set()):
                    continue
                counts[feature["type_objet"]].add(key)
                multi += feature["domaine"] == MULTI_DOMAIN
        if not counts:
            return [tr("Aucun objet de la carte lié à un projet.")]
        labels = register.LINK_TYPE_LABELS
        lines = [tr("Objets liés aux projets :")]
        lines += [f"  {labels.get(kind, kind)} : {len(keys)}" for kind, keys in sorted(counts.items())]
        if multi:
            lines.append(tr("Gris foncé : {0} objet(s) liés à plusieurs domaines").format(multi))
        return lines

    def _filter(self, departments: list | None) -> None:
        """Each map layer keeps the features of `departments` (None: every feature of the atlas)."""
        for name, layer in self.layers.items():
            base = self.filters.get(name, "")
            extra = "" if departments is None else self._department_filter(name, departments)
            subset = " AND ".join(f"({part})" for part in (base, extra) if part)
            if layer.subsetString() != subset:
                layer.setSubsetString(subset)

    def _department_filter(self, name: str, departments: list) -> str:
        quoted = ", ".join(f"'{d}'" for d in departments)
        if name in ("departements", "communes", "communes_inel", "amii", "resorption_communes"):
            return f'"insee_dep" IN ({quoted})'
        if name in ("carreaux", "carreaux_inel", "resorption_carreaux"):
            return f'"code_dep" IN ({quoted})'
        if name in ("sites", "centres", "sites_sans_date"):
            return " OR ".join(f"\"insee_com\" LIKE '{d}%'" for d in departments)
        if name in USAGE_LAYERS:
            return " OR ".join(f"\"departements\" LIKE '%,{d},%'" for d in departments)
        if name == "rip":
            rips = sorted(r for r, deps in self.scope.rip_departements().items() if deps & set(departments))
            return '"rip_id" IN (' + ", ".join("'" + r.replace("'", "''") + "'" for r in rips) + ")" if rips else "0"
        return ""

    def _folder_path(self) -> Path:
        import tempfile

        if not hasattr(self, "_folder"):
            self._folder = Path(tempfile.mkdtemp(prefix="scoran_atlas_"))
        return self._folder

    def _trajectory_image(self, code: str) -> Path:
        """The THD trajectory of the territory alone (the region's chart draws every département)."""
        f = self.figures[code]
        if f["niveau"] != "département" or f["trajectoire"].empty:
            return self.analyses / "trajectoire_thd.png"
        from .charts import trajectory_chart

        targets = {semester: float(value) for semester, value in f["trajectoire"].set_index("semestre")["cible_pct"]
                   .dropna().items()} if f["trajectoire"]["cible_pct"].notna().any() else {
            "2017-S2": f["cible_2017"], "2022-S2": f["cible_2022"]}
        return trajectory_chart(f["trajectoire"], self._folder_path() / f"trajectoire_{code}.png",
                                tr("Trajectoire THD — {0} ({1})").format(f["nom"], code), targets)

    def territories(self) -> list[str]:
        return list(self.figures)

    # --- pages built in code ------------------------------------------------------------------
    def calendar_pages(self, code: str) -> list[QgsPrintLayout]:
        """The Gantt of the territory's usage projects and RIP phases, CALENDAR_ROWS bars a page.

        Drawn with layout items (labels, rectangles), so that every label is text of CALENDAR_TEXT_PT
        on the printed page, whatever the number of projects: more projects, more pages.
        """
        f = self.figures[code]
        department = code if f["niveau"] == "département" else (None if self.scope.whole else self.scope.departments)
        rows = initiative_rows(self.store, department, kinds=(PROJECT, PHASE), territory=self.scope)
        spans = [_span(row) for row in rows]
        ends = [s for span in spans for s in span if s is not None]
        first = min([Millesime.parse("2014-S1").index, *[int(s) for s in ends]])
        last = max([Millesime.parse("2022-S2").index + 1, *[int(-(-s // 1)) for s in ends]])
        first -= first % 2  # whole years
        last += last % 2
        chunks = [list(range(start, min(start + CALENDAR_ROWS, len(rows))))
                  for start in range(0, len(rows), CALENDAR_ROWS)] or [[]]
        pages = []
        for number, chunk in enumerate(chunks, 1):
            title = tr("Calendrier des initiatives — {0}").format(f["nom"])
            if len(chunks) > 1:
                title += f" ({number}/{len(chunks)})"
            page = _blank_page(self.project, title, f"{self._territory_name(code)} — {tr('millésime')} "
                                                    f"{self.millesime}", self.millesime)
            self._draw_calendar(page, [rows[i] for i in chunk], [spans[i] for i in chunk], first, last)
            pages.append(page)
        return pages

    def _draw_calendar(self, page, rows, spans, first: int, last: int) -> None:
        label_x, label_w, bars_x, bars_w = 10.0, 98.0, 110.0, 177.0
        top, row_h = 34.0, 5.6
        width = bars_w / (last - first)
        font = _font(CALENDAR_TEXT_PT)
        height = max(len(rows), 1) * row_h
        for index in range(first, last):  # semester shades, year rules and labels
            x = bars_x + (index - first) * width
            _shape(page, x, top, width, height, _fill(palettes.SEMESTER_SHADES[index % 2]))
            if index % 2 == 0:
                _shape(page, x, top - 6, 0.2, height + 6, _fill(palettes.GRID_LINE))
                _line_label(page, str(Millesime.from_index(index).year), x, top - 6, 2 * width, 5, CALENDAR_TEXT_PT,
                            align=Qt.AlignmentFlag.AlignHCenter)
        now = Millesime.parse(self.millesime).index
        if first <= now < last:  # the semester of the atlas
            _shape(page, bars_x + (now - first) * width, top - 1, 0.5, height + 1, _fill(palettes.ALERT))
        for line, (row, (begin, finish)) in enumerate(zip(rows, spans)):
            y = top + line * row_h
            text = f"{row['label']} {row['title']}" if row["kind"] == PHASE and row.get("title") else row["label"]
            _line_label(page, _clip(text, font, label_w), label_x, y, label_w, row_h, CALENDAR_TEXT_PT)
            if begin is None and finish is None:
                _line_label(page, tr("dates non renseignées"), bars_x + 1, y, 60, row_h, CALENDAR_TEXT_PT,
                            italic=True, color=palettes.NEUTRAL)
                continue
            begin = begin if begin is not None else finish - 0.2
            finish = finish if finish is not None else begin + 0.2
            begin, finish = max(begin, first), min(finish, last)
            hatched = row["kind"] == PHASE  # a blue RIP phase never reads as a blue education project
            style = _fill(row["color"], row["color"], style="b_diagonal") if hatched else _fill(row["color"])
            _shape(page, bars_x + (begin - first) * width, y + 1.2, max((finish - begin) * width, 0.6), row_h - 2.4,
                   style)
        self._calendar_legend(page, rows, top + height + 4)

    def _calendar_legend(self, page, rows, y: float) -> None:
        """The domains and phase styles of the page's bars, in one or two lines under the chart."""
        entries = []
        for row in rows:
            if row["kind"] == PHASE:
                key = ("phase", row["color"])
                label = tr("Phase de RIP abandonnée") if row["color"] == palettes.ABANDONED_COLOR else \
                    tr("Phase de RIP")
            else:
                domain = next((d for d, c in palettes.DOMAIN_COLORS.items() if c == row["color"]), "autre")
                key, label = ("projet", row["color"]), register.DOMAIN_LABELS.get(domain, domain)
            if key not in [k for k, _ in entries]:
                entries.append((key, label))
        font = _font(CALENDAR_TEXT_PT)
        x = 10.0
        for (kind, color), label in entries:
            width = QgsLayoutUtils.textWidthMM(font, label) + 9
            if x + width > WIDTH - 10:
                x, y = 10.0, y + 5
            style = _fill(color, color, style="b_diagonal") if kind == "phase" else _fill(color)
            _shape(page, x, y + 1, 5, 3, style)
            _line_label(page, label, x + 6.5, y, width - 6, 5, CALENDAR_TEXT_PT)
            x += width + 2
        note = tr("Trait rouge : semestre du millésime")
        width = QgsLayoutUtils.textWidthMM(font, note) + 3
        if x + width > WIDTH - 10:
            x, y = 10.0, y + 5
        _line_label(page, note, x, y, width, 5, CALENDAR_TEXT_PT, color=palettes.ALERT)

    def _sites_without_date(self, code: str) -> pd.DataFrame:
        """Schools, health and public sites of the territory with no planned THD semester (nor THD already)."""
        table = self.site_dates
        if self.figures[code]["niveau"] == "département":
            table = table[table["insee_dep"] == code]
        elif not self.scope.whole:
            table = table[table["insee_dep"].isin(self.scope.departments)]
        return table[table["sans_date"]].sort_values(["insee_com", "categorie", "nom"], kind="stable")

    def _sites_far(self, code: str) -> pd.DataFrame:
        """Sites of the territory that cannot be dated: no premises near enough (clearing.NO_PREMISES)."""
        table = self.site_dates
        if self.figures[code]["niveau"] == "département":
            table = table[table["insee_dep"] == code]
        elif not self.scope.whole:
            table = table[table["insee_dep"].isin(self.scope.departments)]
        return table[table["semestre_thd"] == NO_PREMISES]

    def sites_pages(self, code: str) -> list[QgsPrintLayout]:
        """The list of the territory's schools, health and public sites without a planned THD date."""
        if self.site_dates is None:
            return []
        table = self._sites_without_date(code)
        f = self.figures[code]
        base = tr("Sites sans date prévue de très haut débit — {0}").format(f["nom"])
        far = len(self._sites_far(code))
        note = tr("Écoles, collèges et lycées, enseignement supérieur, santé, services publics dont les locaux voisins "
                  "n'ont ni le THD ni de semestre prévu : {0}.").format(_number(len(table)))
        if far:
            note += " " + tr("{0} autre(s) site(s) sans local à moins de la distance maximale ne peuvent être datés "
                             "(classeur des sites prioritaires).").format(_number(far))
        if table.empty:
            page = _blank_page(self.project, base, self._territory_name(code), self.millesime)
            _label(page, note, 10, 30, 277, 20, 10)
            return [page]
        from ..core.facilities import CATEGORIES

        names = self._commune_names()
        font = _font(LIST_TEXT_PT)
        columns = ((tr("Commune"), 10, 62), (tr("Catégorie"), 73, 40), (tr("Site"), 114, 78), (tr("Motif"), 193, 94))
        records = table.to_dict("records")
        chunks = [records[i:i + LIST_ROWS] for i in range(0, len(records), LIST_ROWS)]
        pages = []
        for number, chunk in enumerate(chunks, 1):
            title = base + (f" ({number}/{len(chunks)})" if len(chunks) > 1 else "")
            page = _blank_page(self.project, title, self._territory_name(code), self.millesime)
            _label(page, note, 10, 24, 277, 9, LIST_TEXT_PT)
            y = 34.0
            for header, x, width in columns:
                _line_label(page, header, x, y, width, 5, LIST_TEXT_PT, bold=True)
            _shape(page, 10, y + 5.2, 277, 0.2, _fill(palettes.GRID_LINE))
            for line, record in enumerate(chunk):
                y = 40.0 + line * 5.0
                insee = record["insee_com"]
                site = " — ".join(str(v) for v in (record["libelle"], record["nom"]) if v and v == v) or \
                    record["site_id"]
                cells = (f"{names.get(insee, '')} ({insee})", CATEGORIES.get(record["categorie"], record["categorie"]),
                         site, record["motif"] or tr("non planifié"))
                for (_, x, width), text in zip(columns, cells):
                    _line_label(page, _clip(text, font, width - 1), x, y, width, 5, LIST_TEXT_PT)
            pages.append(page)
        return pages

    def _commune_names(self) -> dict:
        if not hasattr(self, "_names"):
            self._names = self.store.commune_names()
        return self._names

    def changes(self, scope: Scope | None = None) -> pd.DataFrame:
        """What changed since the previous semester, for every register (`core.semesters.register_changes`),
        restricted to the départements of `scope` (default: the atlas's)."""
        return (scope or self.scope).changes(self.millesime)

    def changes_pages(self, scope: Scope | None = None) -> list[QgsPrintLayout]:
        """The changes grouped by register, LIST_ROWS lines a page (none when nothing changed)."""
        scope = scope or self.scope
        changes = self.changes(scope)
        if changes.empty:
            return []
        from ..core import semesters

        labels = semesters.REGISTER_LABELS
        order = list(labels) + sorted(set(changes["registre"]) - set(labels))
        lines = []  # (bold, text)
        for code in order:
            group = changes[changes["registre"] == code]
            if group.empty:
                continue
            lines.append((True, f"{labels.get(code, code)} ({len(group)})"))
            lines += [(False, f"• {_change_text(objet, detail, scope.names)}")
                      for objet, detail in zip(group["objet"], group["detail"].fillna("").astype(str))]
        chunks = [lines[i:i + LIST_ROWS] for i in range(0, len(lines), LIST_ROWS)]
        font, bold = _font(LIST_TEXT_PT), _font(LIST_TEXT_PT + 1, True)
        pages = []
        for number, chunk in enumerate(chunks, 1):
            title = tr("Évolutions depuis le millésime précédent")
            title += f" ({number}/{len(chunks)})" if len(chunks) > 1 else ""
            page = _blank_page(self.project, title, scope.label(), self.millesime)
            for line, (is_header, text) in enumerate(chunk):
                y = 28.0 + line * 5.4
                _line_label(page, _clip(text, bold if is_header else font, 275), 10 if is_header else 12, y, 275, 5,
                            LIST_TEXT_PT + (1 if is_header else 0), bold=is_header)
            pages.append(page)
        return pages

    # --- export --------------------------------------------------------------------------------
    def export(self, path: Path, codes: list[str], cover: bool = True, feedback=None) -> int:
        """Render the cover and the territories' pages into one PDF (written aside, then renamed)."""
        path = Path(path)
        partial = path.with_name(f".{path.stem}.partiel.pdf")
        writer = QPdfWriter(str(partial))
        writer.setResolution(PDF_DPI)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                         QMarginsF(0, 0, 0, 0)))
        writer.setTitle(tr("Atlas SCORAN 2.0 — {0}").format(self.millesime))
        painter = QPainter()
        if not painter.begin(writer):
            raise ScoranError(tr("Impossible d'écrire {0}.").format(path))
        pages = 0

        def emit(layout, index: int = 0) -> None:
            nonlocal pages
            if pages:
                writer.newPage()
            _exporter(layout).renderPage(painter, index)
            pages += 1

        try:
            if cover:
                emit(self._cover())
            if cover or len(codes) == 1 and self.figures[codes[0]]["niveau"] == "département":
                # the changes of the atlas's scope, or of the one département of its own PDF
                scope = self.scope if cover else Scope(self.store, codes, self.analyses)
                for page in self.changes_pages(scope):
                    emit(page)
            for number, code in enumerate(codes):
                if feedback is not None and feedback.isCanceled():
                    break
                self._fill(code)
                for index, (section, _) in enumerate(SECTIONS):
                    emit(self.layout, index)
                    extra = self.sites_pages(code) if section == "quand" else \
                        self.calendar_pages(code) if section == "usages" else []
                    for page in extra:
                        emit(page)
                if feedback is not None:
                    feedback.setProgress(100 * (number + 1) / len(codes))
        finally:
            painter.end()
        if feedback is not None and feedback.isCanceled():
            partial.unlink(missing_ok=True)
            return 0
        os.replace(partial, path)
        return pages

    def _cover(self) -> QgsPrintLayout:
        cover = load_template(self.project, COVER_TEMPLATE)
        region = next(f for f in self.figures.values() if f["niveau"] == "région")
        _item(cover, "region").setText(region["nom"] if self.scope.whole else self.scope.label())
        _item(cover, "millesime").setText(tr("Millésime {0}").format(self.millesime))
        _item(cover, "date").setText(tr("Atlas produit le {0}").format(date.today().strftime("%d/%m/%Y")))
        _item(cover, "sources").setText(CREDIT)
        return cover


def _change_text(objet, detail: str, names: dict) -> str:
    """A change's text, prefixed with the département (or the territory) it is about when the text
    does not say it (« 1 217 locaux passés au THD » is the Côte-d'Or's, or the whole territory's)."""
    code = str(objet or "").strip()
    if code.upper() in names and f"({code})" not in detail and names[code.upper()] not in detail:
        return f"{names[code.upper()]} ({code}) : {detail}"
    if code.lower() in ("ensemble", "territoire", "région", "region"):
        return tr("Ensemble du territoire : {0}").format(detail)
    return detail


def _number(value) -> str:
    return f"{int(value):,}".replace(",", " ")


def _span(row: dict) -> tuple[float | None, float | None]:
    """(start, end) of a calendar row in semester indexes (fractions for dates), None when not given."""
    def position(value, end=False):
        if value is None or value != value or not str(value).strip():
            return None
        try:
            return Millesime.parse(value).index + (1 if end else 0)
        except ScoranError:  # a date, not a semester
            day = date.fromisoformat(str(value)[:10])
            semester = Millesime.of_date(day)
            fraction = ((day - semester.start).days + (1 if end else 0)) / ((semester.end - semester.start).days + 1)
            return semester.index + fraction

    try:
        return position(row.get("start")), position(row.get("end"), end=True)
    except ValueError:  # neither a semester nor a date: drawn as « dates non renseignées »
        return None, None


def _exporter(layout) -> QgsLayoutExporter:
    """An exporter that keeps text as text in the PDF (searchable, read by screen readers): QGIS ≥ 3.28
    would otherwise draw it as curves. The layout renders at the PDF writer's resolution, so that
    texts are measured (wrapped, fitted in their boxes) as they are drawn."""
    layout.renderContext().setTextRenderFormat(TEXT_ALWAYS_TEXT)
    layout.renderContext().setDpi(PDF_DPI)
    return QgsLayoutExporter(layout)


def export_atlas(store, analyses: Path, out: Path, millesime: str, departments: list | None = None,
                 feedback=None) -> dict:
    """The atlas PDF (cover, region, departments) and one PDF per department; returns paths and page counts."""
    out.mkdir(parents=True, exist_ok=True)
    atlas = Atlas(store, analyses, millesime, departments)
    codes = atlas.territories()
    region = [c for c in codes if atlas.figures[c]["niveau"] == "région"]
    chosen = [c for c in codes if atlas.figures[c]["niveau"] == "département" and (not departments or c in departments)]
    result = {"atlas": out / f"atlas_scoran_{millesime}.pdf"}
    result["pages"] = atlas.export(result["atlas"], (region if not departments else []) + chosen, True, feedback)
    result["departements"], result["pages_departements"] = {}, {}
    for code in chosen:
        path = out / f"atlas_{code}_{millesime}.pdf"
        result["pages_departements"][code] = atlas.export(path, [code], cover=False)
        result["departements"][code] = path
    result["sections"] = len(SECTIONS)
    return result
