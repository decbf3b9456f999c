"""The SCORAN atlas: a cover page, then for the region and each department four pages (fixed
broadband, very high speed, mobile, services & usages), maps with legend, scale bar, north arrow,
sources and semester in the footer. One PDF for the whole, one per department.

Pages are laid out once (QgsPrintLayout, DejaVu fonts) and rendered territory by territory into
PDF writers, so the key figures of each territory are real text in the PDF.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsMarkerSymbol,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsRendererRange,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QMarginsF, Qt
from qgis.PyQt.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

from ..compat import DISTANCE_KILOMETERS, LAYOUT_MILLIMETERS, TEXT_ALWAYS_TEXT
from ..core import palettes, register
from ..core.calendar import PHASE, PROJECT, initiative_rows
from ..core.errors import ScoranError
from ..core.i18n import tr
from ..core.store import read_layer_table
from ..layers import styled_layer
from .parameters import read_parameters
from .scope import Scope

WIDTH, HEIGHT = 297.0, 210.0  # A4 landscape, mm
PDF_DPI = 200
CREDIT = tr("Sources : ARCEP (Ma connexion internet, Mon réseau mobile) ; INSEE ; IGN – ADMIN EXPRESS ; DILA — "
            "Licence Ouverte 2.0. Réalisation : extension QGIS SCORAN 2.0.")
SECTIONS = (
    ("fixe", tr("Haut débit fixe : zones blanches et sites prioritaires")),
    ("thd", tr("Très haut débit : projets RIP, communes AMII et trajectoire 2022")),
    ("mobile", tr("Téléphonie mobile : centres-bourgs en zone blanche")),
    ("usages", tr("Services et usages numériques : projets par domaine")),
)


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _label(layout, text, x, y, w, h, size=10, bold=False, item_id=None) -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    label.setFont(_font(size, bold))
    label.setHAlign(Qt.AlignmentFlag.AlignLeft)  # QGIS's default is justified, which 3.40 honours
    label.attemptMove(QgsLayoutPoint(x, y, LAYOUT_MILLIMETERS))
    label.attemptResize(QgsLayoutSize(w, h, LAYOUT_MILLIMETERS))
    if item_id:
        label.setId(item_id)
    layout.addLayoutItem(label)
    return label


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


LAYOUTS = Path(__file__).resolve().parent.parent / "resources" / "layouts"
ATLAS_TEMPLATE, COVER_TEMPLATE = LAYOUTS / "atlas_scoran.qpt", LAYOUTS / "couverture_scoran.qpt"
SECTION_LAYERS = {"fixe": ["sites", "carreaux_inel", "carreaux", "communes_inel", "departements", "communes"],
                  "thd": ["departements", "rip", "amii"],
                  "mobile": ["centres", "departements"], "usages": []}


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


def build_atlas_template(project) -> QgsPrintLayout:
    """The four pages of a territory, every item named (`scripts/build_templates.py` saves it as .qpt)."""
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
        if not SECTION_LAYERS[section]:
            _label(layout, "", 10, top + 28, 85, 160, 10, item_id=f"chiffres_{section}")
            continue
        _label(layout, "", 205, top + 28, 82, 90, 10, item_id=f"chiffres_{section}")
        item = QgsLayoutItemMap(layout)
        item.setId(f"carte_{section}")
        item.attemptMove(QgsLayoutPoint(10, top + 27, LAYOUT_MILLIMETERS))
        item.attemptResize(QgsLayoutSize(190, 168, LAYOUT_MILLIMETERS))
        item.setFrameEnabled(True)
        layout.addLayoutItem(item)
        legend = QgsLayoutItemLegend(layout)
        legend.setId(f"legende_{section}")
        legend.setTitle(tr("Légende"))
        legend.attemptMove(QgsLayoutPoint(205, top + 120, LAYOUT_MILLIMETERS))
        layout.addLayoutItem(legend)
        scale = QgsLayoutItemScaleBar(layout)
        scale.setId(f"echelle_{section}")
        scale.setLinkedMap(item)
        scale.applyDefaultSize(DISTANCE_KILOMETERS)
        scale.attemptMove(QgsLayoutPoint(14, top + 182, LAYOUT_MILLIMETERS))
        layout.addLayoutItem(scale)
        north = QgsLayoutItemPicture(layout)
        north.setId(f"nord_{section}")
        north.setPicturePath(":/images/north_arrows/layout_default_north_arrow.svg")
        north.attemptMove(QgsLayoutPoint(185, top + 30, LAYOUT_MILLIMETERS))
        north.attemptResize(QgsLayoutSize(12, 12, LAYOUT_MILLIMETERS))
        layout.addLayoutItem(north)
    for item_id, x, y, w, h in (("calendrier", 100, 3 * (HEIGHT + gap) + 27, 187, 170),
                                ("graphique_trajectoire", 205, HEIGHT + gap + 153, 82, 44)):
        picture = QgsLayoutItemPicture(layout)
        picture.setId(item_id)
        picture.attemptMove(QgsLayoutPoint(x, y, LAYOUT_MILLIMETERS))
        picture.attemptResize(QgsLayoutSize(w, h, LAYOUT_MILLIMETERS))
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
        self.layers = self._layers()
        self._name_layers()
        self.filters = {name: layer.subsetString() for name, layer in self.layers.items()}
        self.figures = self._figures()
        self.scales = {}
        self.layout, self.maps, self.texts = self._layout()

    # --- layers --------------------------------------------------------------------------------
    def _layers(self) -> dict:
        def add(layer):
            if not layer.isValid():
                raise ScoranError(tr("Couche illisible pour l'atlas : {0}").format(layer.source()))
            self.project.addMapLayer(layer)
            return layer

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
        amii_layer = add(QgsVectorLayer(self.store.uri("communes"), tr("Communes AMII (initiative privée)"), "ogr"))
        amii_layer.setSubsetString('"insee_com" IN (' + ",".join(f"'{c}'" for c in amii) + ")" if amii else "0")
        amii_layer.renderer().setSymbol(QgsFillSymbol.createSimple({"color": palettes.AMII_COLOR,
                                                                    "outline_color": palettes.AMII_OUTLINE,
                                                                    "outline_width": "0.1"}))
        layers["amii"] = amii_layer
        centres = add(QgsVectorLayer(str(self.analyses / "centres_bourgs.gpkg"), tr("Centres-bourgs"), "ogr"))
        from qgis.core import QgsCategorizedSymbolRenderer, QgsRendererCategory

        from ..core.mobile import STATUS_LABELS

        colors = palettes.MOBILE_STATUS_COLORS
        centres.setRenderer(QgsCategorizedSymbolRenderer("statut", [
            QgsRendererCategory(code, QgsMarkerSymbol.createSimple({"name": "triangle", "color": colors[code],
                                                                    "size": "3"}), label)
            for code, label in STATUS_LABELS.items()]))
        layers["centres"] = centres
        return layers

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
                lambda value, c=code: c in register.split_list(value))]
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
                "titres": list(mine.sort_values("projet_id")["titre"].head(14)),
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
            if not SECTION_LAYERS[section]:
                continue
            item = maps[section] = _item(layout, f"carte_{section}")
            item.setCrs(self.project.crs())
            item.setLayers([self.layers[name] for name in SECTION_LAYERS[section] if name in self.layers])
            legend = _item(layout, f"legende_{section}")
            legend.setLinkedMap(item)
            legend.setAutoUpdateModel(False)
            root = legend.model().rootGroup()
            root.clear()
            for name in SECTION_LAYERS[section]:
                if name in self.layers:
                    root.addLayer(self.layers[name])
            self.scales[section] = _item(layout, f"echelle_{section}")
            self.scales[section].setLinkedMap(item)
        texts["titre_fixe"].setText(tr("Haut débit fixe : zones blanches et locaux sous {0}").format(
            self.params.speed))
        self.calendar = _item(layout, "calendrier")
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
        name = f"{f['nom']} ({code})" if f["niveau"] == "département" else f["nom"]
        number = lambda v: f"{v:,}".replace(",", " ")  # noqa: E731
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
        self.texts["chiffres_usages"].setText("\n".join(lines))
        self.calendar.setPicturePath(str(self._calendar_image(code)))
        self.calendar.refreshPicture()

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
        if name in ("departements", "communes", "communes_inel", "amii"):
            return f'"insee_dep" IN ({quoted})'
        if name in ("carreaux", "carreaux_inel"):
            return f'"code_dep" IN ({quoted})'
        if name in ("sites", "centres"):
            return " OR ".join(f"\"insee_com\" LIKE '{d}%'" for d in departments)
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

    def _calendar_image(self, code: str) -> Path:
        """Gantt of the territory's usage projects and of its RIP phases, drawn once per territory."""
        from .charts import calendar_chart

        f = self.figures[code]
        department = code if f["niveau"] == "département" else None
        rows = initiative_rows(self.store, department, kinds=(PROJECT, PHASE), territory=self.scope)
        projects = [row for row in rows if row["kind"] == PROJECT][:30]  # a page holds about 30 projects
        rows = projects + [row for row in rows if row["kind"] == PHASE]
        return calendar_chart(rows, self._folder_path() / f"calendrier_{code}.png",
                              tr("Calendrier des initiatives — {0}").format(f["nom"]))

    def territories(self) -> list[str]:
        return list(self.figures)

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
        try:
            if cover:
                self._render_cover(painter)
                pages += 1
                if self._render_changes(painter, writer):
                    pages += 1
            for number, code in enumerate(codes):
                if feedback is not None and feedback.isCanceled():
                    break
                self._fill(code)
                exporter = _exporter(self.layout)
                for page in range(self.layout.pageCollection().pageCount()):
                    if pages:
                        writer.newPage()
                    exporter.renderPage(painter, page)
                    pages += 1
                if feedback is not None:
                    feedback.setProgress(100 * (number + 1) / len(codes))
        finally:
            painter.end()
        if feedback is not None and feedback.isCanceled():
            partial.unlink(missing_ok=True)
            return 0
        os.replace(partial, path)
        return pages

    def _render_changes(self, painter, writer) -> bool:
        """A page of what changed since the previous semester, when the store has one."""
        path = self.analyses / "evolutions.csv"
        changes = pd.read_csv(path, dtype=str) if path.exists() else pd.DataFrame()
        if not self.scope.whole and len(changes):
            phases = self.store.rip_phases()
            projects = register.read_tables(self.store)["projets"]
            changes = changes[[self.scope.object_in_scope(o, projects, phases) and self.scope.text_in_scope(d)
                               for o, d in zip(changes["objet"], changes["detail"])]]
        if changes.empty:
            return False
        writer.newPage()
        page = QgsPrintLayout(self.project)
        page.initializeDefaults()
        page.pageCollection().page(0).setPageSize(QgsLayoutSize(WIDTH, HEIGHT, LAYOUT_MILLIMETERS))
        _label(page, tr("Évolutions depuis le millésime précédent"), 20, 15, 257, 12, 16, True)
        lines = [f"• {detail}" for detail in changes["detail"].fillna("").head(40)]
        _label(page, "\n".join(lines), 20, 32, 257, 160, 9)
        _label(page, CREDIT + "  —  " + tr("Millésime {0}").format(self.millesime), 10, 200, 277, 6, 7)
        _exporter(page).renderPage(painter, 0)
        return True

    def _render_cover(self, painter) -> None:
        cover = load_template(self.project, COVER_TEMPLATE)
        region = next(f for f in self.figures.values() if f["niveau"] == "région")
        _item(cover, "region").setText(region["nom"] if self.scope.whole else self.scope.label())
        _item(cover, "millesime").setText(tr("Millésime {0}").format(self.millesime))
        _item(cover, "date").setText(tr("Atlas produit le {0}").format(date.today().strftime("%d/%m/%Y")))
        _item(cover, "sources").setText(CREDIT)
        _exporter(cover).renderPage(painter, 0)


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
    result["departements"] = {}
    for code in chosen:
        path = out / f"atlas_{code}_{millesime}.pdf"
        atlas.export(path, [code], cover=False)
        result["departements"][code] = path
    result["sections"] = len(SECTIONS)
    return result

