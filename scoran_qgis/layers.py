"""The store's tables as styled QGIS layers (plugin action, sample project, atlas)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsExpression,
    QgsFillSymbol,
    QgsLayerTreeGroup,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProject,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

from .core import palettes
from .core.i18n import tr, translated
from .core.store import ScoranStore

# table → (layer name, simple-symbol properties); drawn bottom-up in reverse order of this list. The
# colours are core/palettes.py's, as the output styles (resources/styles) and the atlas use them.
STYLES = {
    "centres_bourgs": (tr("Centres-bourgs"), "marker", {"name": "triangle", "color": palettes.TOWN_CENTRE_COLOR,
                                                         "size": "2.6", "outline_color": palettes.WHITE,
                                                         "outline_width": "0.2"}),
    "sites_prioritaires": (tr("Sites prioritaires"), "marker", {"name": "circle", "color": palettes.PRIORITY_SITE_COLOR,
                                                                "size": "1.8"}),
    "zones_blanches": (tr("Zones blanches du haut débit"), "fill", {"color": "255,255,255,200",
                                                                     "outline_color": palettes.WHITE_ZONE_OUTLINE,
                                                                     "outline_width": "0.3"}),
    "rip_phases": (tr("Phases des RIP"), "fill", {"color": "0,0,0,0", "outline_color": palettes.RIP_PHASE_COLOR,
                                                    "outline_width": "0.3", "outline_style": "dash"}),
    "rip_projets": (tr("Projets RIP"), "fill", {"color": palettes.RIP_PROJECT_FILL,
                                                  "outline_color": palettes.RIP_PHASE_COLOR, "outline_width": "0.6"}),
    "regions": (tr("Région"), "fill", {"color": "0,0,0,0", "outline_color": palettes.REGION_OUTLINE,
                                        "outline_width": "0.9"}),
    "departements": (tr("Départements"), "fill", {"color": "0,0,0,0", "outline_color": palettes.DEPARTMENT_OUTLINE,
                                                    "outline_width": "0.6"}),
    "epci": (tr("EPCI"), "fill", {"color": "0,0,0,0", "outline_color": palettes.EPCI_OUTLINE, "outline_width": "0.3"}),
    "communes": (tr("Communes"), "fill", {"color": palettes.COMMUNE_FILL, "outline_color": palettes.COMMUNE_OUTLINE,
                                          "outline_width": "0.1"}),
}
LABEL_FIELDS = {"departements": "nom"}


def provider_of(uri: str) -> str:
    """The QGIS provider of a layer URI: `postgres` for a PostGIS store's table (PgStore.uri), else `ogr`."""
    return "postgres" if 'table="' in uri and "|layername=" not in uri else "ogr"


def styled_layer(uri: str, table: str, name: str | None = None) -> QgsVectorLayer:
    """A layer (GeoPackage or PostGIS store table) with the SCORAN style of `table` (plain when it has none)."""
    title, kind, properties = STYLES.get(table, (table, None, None))
    layer = QgsVectorLayer(uri, name or title, provider_of(uri))
    if not layer.isValid() or kind is None:
        return layer
    symbol = QgsMarkerSymbol.createSimple(properties) if kind == "marker" else QgsFillSymbol.createSimple(properties)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    if table in LABEL_FIELDS:
        settings = QgsPalLayerSettings()
        settings.fieldName = LABEL_FIELDS[table]
        text_format = QgsTextFormat()
        text_format.setFont(QFont("DejaVu Sans"))
        text_format.setSize(9)
        text_format.setColor(QColor(palettes.LABEL_TEXT))
        settings.setFormat(text_format)
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        layer.setLabelsEnabled(True)
    return layer


def add_store_layers(store: ScoranStore, project: QgsProject, group_name: str | None = None) -> list[QgsVectorLayer]:
    """Add the store's map tables (styled) and its register tables to `project`, in a group."""
    group_name = group_name or tr("Référentiel SCORAN")
    root = project.layerTreeRoot()
    group = root.findGroup(group_name) or root.insertGroup(0, group_name)
    tables = set(store.tables())
    added = []
    for table in STYLES:  # map layers in drawing order
        if table in tables:
            added.append(add_to_group(project, group, styled_layer(store.uri(table), table)))
    registers = group.findGroup(tr("Tables")) or group.addGroup(tr("Tables"))
    for table in ("millesimes", "projets", "jalons", "projets_liens", "amii_communes", "amii_calendrier",
                  "aides_departements", "couts_unitaires", "locaux_communes", "analyses"):
        if table in tables:
            added.append(add_to_group(project, registers, QgsVectorLayer(store.uri(table), table, store.provider)))
    return added


def add_to_group(project: QgsProject, group: QgsLayerTreeGroup, layer: QgsVectorLayer,
                 visible: bool = True) -> QgsVectorLayer:
    """Add `layer` to `project` inside `group` (not at the root)."""
    project.addMapLayer(layer, False)
    node = group.addLayer(layer)
    node.setItemVisibilityChecked(visible)
    return layer


# "Mon réseau mobile" levels, with ARCEP-like colours.
COVERAGE_LEVELS = (
    ("TBC", tr("Très bonne couverture"), palettes.COVERAGE_LEVEL_COLORS["TBC"]),
    ("BC", tr("Bonne couverture"), palettes.COVERAGE_LEVEL_COLORS["BC"]),
    ("CL", tr("Couverture limitée"), palettes.COVERAGE_LEVEL_COLORS["CL"]),
)
# BPE domains (first letter of TYPEQU) kept as priority sites, with their colours.
BPE_DOMAINS = (
    ("A", tr("Services publics"), palettes.BPE_DOMAIN_COLORS["A"]),
    ("C", tr("Enseignement"), palettes.BPE_DOMAIN_COLORS["C"]),
    ("D", tr("Santé"), palettes.BPE_DOMAIN_COLORS["D"]),
)


def mobile_coverage_layer(path: Path) -> QgsVectorLayer:
    """A « Mon réseau mobile » GeoPackage, categorised by coverage level."""
    path = Path(path)
    layer = QgsVectorLayer(str(path), path.stem, "ogr")
    if layer.isValid():
        categories = [
            QgsRendererCategory(code, QgsFillSymbol.createSimple({"color": color, "outline_style": "no"}), label)
            for code, label, color in COVERAGE_LEVELS
        ]
        layer.setRenderer(QgsCategorizedSymbolRenderer("niveau", categories))
        layer.setOpacity(0.6)
    return layer


def points_from_csv_layer(path: Path, x_field: str, y_field: str, crs: str, name: str,
                          delimiter: str = ";") -> QgsVectorLayer:
    """A delimited-text point layer; every field kept as text so that codes keep their zeros."""
    uri = (f"{Path(path).resolve().as_uri()}?type=csv&delimiter={delimiter}&xField={x_field}&yField={y_field}"
           f"&crs={crs}&detectTypes=no&spatialIndex=yes")
    return QgsVectorLayer(uri, name, "delimitedtext")


def bpe_layer(path: Path) -> QgsVectorLayer:
    """INSEE BPE facilities (Lambert-93), coloured by domain (services, education, health)."""
    layer = points_from_csv_layer(path, "LAMBERT_X", "LAMBERT_Y", "EPSG:2154", tr("Équipements (BPE)"))
    if layer.isValid():
        categories = [
            QgsRendererCategory(letter, QgsMarkerSymbol.createSimple({"name": "circle", "color": color,
                                                                      "size": "1.6", "outline_color": "#ffffff",
                                                                      "outline_width": "0.1"}), label)
            for letter, label, color in BPE_DOMAINS
        ]
        layer.setRenderer(QgsCategorizedSymbolRenderer("left(\"TYPEQU\", 1)", categories))
    return layer


CLASS_COLORS = palettes.CLASS_COLORS

# Planned semester of clearing (scoran:whitezoneclearing's resorption_communes / resorption_carreaux): the
# `semestre_resorption` text ('AAAA-Sn') by year; any other value (the algorithm's own codes) reads as
# « nothing to clear » when the commune or cell has no premises to treat, else as « not planned ».
CLEARING_FIELD = "semestre_resorption"
CLEARING_EXPRESSION = (
    "CASE WHEN regexp_match(coalesce(\"semestre_resorption\", ''), '^[0-9]{4}-S[12]$') THEN "
    "CASE WHEN left(\"semestre_resorption\", 4) <= '2016' THEN '2016' "
    "WHEN left(\"semestre_resorption\", 4) > '2022' THEN 'apres_2022' "
    "ELSE left(\"semestre_resorption\", 4) END "
    "WHEN coalesce(\"nb_sous_seuil\", 0) + coalesce(\"nb_sans_haut_debit\", 0) = 0 THEN 'rien' "
    "ELSE 'non_planifie' END")
STYLES_DIR = Path(__file__).resolve().parent / "resources" / "styles"
STYLE_PROPERTY = "scoran/style"  # custom property: the SCORAN style a layer was given


def style_path(style: str) -> Path:
    """The shipped QML of an output style (`resources/styles/<style>.qml`, built by scripts/build_styles.py)."""
    return STYLES_DIR / f"{style}.qml"


def legend_labels(style: str) -> dict:
    """Legend text of each category value of a style, in QGIS's language (the QML holds the French
    ones, written by scripts/build_styles.py from this same table)."""
    from .core.facilities import CATEGORIES
    from .core.mobile import STATUS_LABELS
    from .core.speed_classes import CLASSES, LABELS_FR

    speed = {code: f"{code} — {translated(LABELS_FR[code])}" for code in CLASSES}
    clearing = {"2016": tr("2016 ou avant"), **{str(year): str(year) for year in range(2017, 2023)},
                "apres_2022": tr("Après 2022"), "non_planifie": tr("Non planifié"),
                "rien": tr("Rien à résorber")}
    return {
        "locaux_classes": speed,
        "sites_prioritaires": {**speed, "": tr("Aucun local à moins de la distance maximale")},
        "sites_categories": {code: translated(label) for code, label in CATEGORIES.items()},
        "couverture_thd": {"ZTD": tr("Zone très dense"), "AMII": tr("AMII (initiative privée)"),
                           "RIP": tr("RIP (initiative publique)"), "aucun": tr("Aucun projet")},
        "centres_bourgs_mobile": {code: translated(label) for code, label in STATUS_LABELS.items()},
        "resorption_communes": clearing, "resorption_carreaux": clearing,
    }.get(style, {})


def apply_style(layer: QgsVectorLayer, style: str) -> bool:
    """Give an algorithm output its SCORAN style (symbology, labels, opacity of `resources/styles/<style>.qml`).

    The officer's fields are left alone (no field configuration is loaded); labels that name a field the
    layer lacks are switched off rather than drawn empty. Returns whether the style was applied.
    """
    path = style_path(style)
    if not path.is_file():
        return False
    categories = (QgsMapLayer.StyleCategory.Symbology | QgsMapLayer.StyleCategory.Labeling
                  | QgsMapLayer.StyleCategory.Rendering)
    _, ok = layer.loadNamedStyle(str(path), categories)
    if not ok:
        return False
    if layer.labelsEnabled() and layer.labeling() is not None:
        settings = layer.labeling().settings()
        wanted = (QgsExpression(settings.fieldName).referencedColumns() if settings.isExpression
                  else {settings.fieldName})
        if any(layer.fields().indexOf(name) < 0 for name in wanted):
            layer.setLabelsEnabled(False)
    renderer = layer.renderer()
    if isinstance(renderer, QgsCategorizedSymbolRenderer):  # the legend in QGIS's language
        labels = legend_labels(style)
        for index, category in enumerate(renderer.categories()):
            value = "" if category.value() is None else str(category.value())
            if value in labels:
                renderer.updateCategoryLabel(index, labels[value])
    layer.setCustomProperty(STYLE_PROPERTY, style)
    layer.triggerRepaint()
    return True
