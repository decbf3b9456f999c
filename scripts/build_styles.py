"""Build the QML styles of the algorithms' outputs (`scoran_qgis/resources/styles/*.qml`).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/build_styles.py [folder]

Why generated rather than hand-written: the colours come from `core/palettes.py` and the speed
classes, status and category labels from the core modules, the same values the atlas draws with; a
QML written by hand would copy them and drift. Here PyQGIS builds each renderer and QGIS itself
writes the QML (only the symbology, labelling and rendering categories: no field configuration that
would clash with the officer's own fields), so every file is one QGIS can read back. Run it again
after a change of palette or label, and commit the QML: the plugin ships and loads the files, it does
not run this script. `tests/qgis/test_output_styles.py` checks each output against colours written in
the test, so a palette changed without rebuilding the styles (or the reverse) is caught.

Labels are the French source strings (`tr()` untranslated here): the QML legend is French, as the
atlas and the deliverables are.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Qt5 writes XML attributes in hash order: a fixed seed gives the same files run after run (clean diffs)
os.environ.setdefault("QT_HASH_SEED", "0")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _fill(color: str, outline: str, width: str, **more):
    from qgis.core import QgsFillSymbol

    return QgsFillSymbol.createSimple({"color": color, "outline_color": outline, "outline_width": width, **more})


def _marker(shape: str, color: str, size: str, outline: str | None = "#ffffff", width: str = "0.2"):
    """A simple marker; `outline` None: none (a width of 0 would draw a hairline)."""
    from qgis.core import QgsMarkerSymbol

    properties = {"name": shape, "color": color, "size": size}
    properties.update({"outline_color": outline, "outline_width": width} if outline else {"outline_style": "no"})
    return QgsMarkerSymbol.createSimple(properties)


def _ranges(classes, symbol, label):
    from qgis.core import QgsRendererRange

    return [QgsRendererRange(low, high, symbol(color), label(low, high)) for low, high, color in classes]


def _labels(expression: str, size: float = 8.0):
    """Labels from `expression`, dark text with a white halo (legible on any background)."""
    from qgis.core import QgsPalLayerSettings, QgsTextBufferSettings, QgsTextFormat, QgsVectorLayerSimpleLabeling
    from qgis.PyQt.QtGui import QColor, QFont

    from scoran_qgis.core import palettes

    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    text = QgsTextFormat()
    text.setFont(QFont("DejaVu Sans"))
    text.setSize(size)
    text.setColor(QColor(palettes.LABEL_TEXT))
    halo = QgsTextBufferSettings()
    halo.setEnabled(True)
    halo.setSize(0.8)
    halo.setColor(QColor(palettes.WHITE))
    text.setBuffer(halo)
    settings.setFormat(text)
    return QgsVectorLayerSimpleLabeling(settings)


def styles() -> dict:
    """{style name: (geometry, fields, renderer, labeling or None, opacity)}: one per kind of output."""
    from qgis.core import QgsCategorizedSymbolRenderer, QgsGraduatedSymbolRenderer, QgsRendererCategory

    from scoran_qgis.core import palettes
    from scoran_qgis.core.facilities import CATEGORIES
    from scoran_qgis.core.i18n import tr
    from scoran_qgis.core.mobile import STATUS_LABELS
    from scoran_qgis.core.speed_classes import CLASSES
    from scoran_qgis.layers import CLEARING_EXPRESSION, legend_labels

    def speed_classes(style: str, shape: str, size: str, outline: str, width: str, none_class: bool = False):
        labels = legend_labels(style)
        categories = [QgsRendererCategory(code, _marker(shape, palettes.CLASS_COLORS[code], size, outline, width),
                                          labels[code]) for code in CLASSES]
        if none_class:  # NULL class: "all other values", drawn last
            categories.append(QgsRendererCategory("", _marker(shape, palettes.NEUTRAL, size, outline, width),
                                                  labels[""]))
        return QgsCategorizedSymbolRenderer("classe", categories)

    percent = lambda low, high: f"{low:.0f} – {min(high, 100):.0f} %"  # noqa: E731 — the atlas's legend

    def metres(low, high):
        if low == 0:
            return tr("moins de {0} m").format(f"{high:.0f}")
        if high > 10_000:
            return tr("{0} km et plus (ou aucune 4G à moins de 50 km)").format(f"{low / 1000:g}")
        if low < 1000:
            return tr("{0} m – {1} km").format(f"{low:.0f}", f"{high / 1000:g}")
        return tr("{0} – {1} km").format(f"{low / 1000:g}", f"{high / 1000:g}")

    graduated_share = QgsGraduatedSymbolRenderer("pct_sous_seuil", _ranges(
        palettes.UNDER_THRESHOLD_CLASSES, lambda c: _fill(c, palettes.WHITE, "0.05"), percent))
    demand = QgsGraduatedSymbolRenderer("coalesce(\"distance_4g_m\", 50000)", _ranges(
        palettes.DISTANCE_4G_CLASSES, lambda c: _marker("circle", c, "2", palettes.BLACK, "0.1"), metres))
    white_zone_centres = "if(\"statut\" IN ('zone_blanche_2g', 'zone_blanche_3g'), \"nom\", NULL)"
    clearing_fields = ["semestre_resorption", "nb_sous_seuil", "nb_sans_haut_debit"]

    def clearing(style: str, communes: bool):
        def symbol(color):
            return _fill(color, palettes.WHITE, "0.05") if communes else _fill(color, color, "0.3")
        labels = legend_labels(style)
        return QgsCategorizedSymbolRenderer(CLEARING_EXPRESSION, [
            QgsRendererCategory(code, symbol(color), labels[code]) for code, color in palettes.CLEARING_COLORS.items()])
    return {
        # scoran:importmci OUTPUT — premises by speed class
        "locaux_classes": ("Point", ["classe"], speed_classes("locaux_classes", "circle", "1.2", None, "0"), None,
                           1.0),
        # scoran:whitezones OUTPUT — share of premises under the threshold (the atlas's choropleth)
        "zones_part_sous_seuil": ("MultiPolygon", ["pct_sous_seuil"], graduated_share, None, 1.0),
        # scoran:whitezones OUTPUT_ZONES — 200 m cells under the threshold, outlined as in the atlas
        "carreaux_sous_seuil": ("MultiPolygon", [], _single(_fill("0,0,0,0", palettes.WHITE_GRID_OUTLINE, "0.35")),
                                None, 1.0),
        # scoran:whitezones OUTPUT_ZONES_INEL — 200 m cells without broadband, hatched red as in the atlas
        "carreaux_inel": ("MultiPolygon", [], _single(_fill("0,0,0,0", palettes.ALERT, "0.35", style="b_diagonal")),
                          None, 1.0),
        # scoran:importbpe OUTPUT — facilities and businesses by category
        "sites_categories": ("Point", ["categorie"], QgsCategorizedSymbolRenderer("categorie", [
            QgsRendererCategory(code, _marker("circle", color, "1.8"), legend_labels("sites_categories")[code])
            for code, color in zip(CATEGORIES, palettes.FACILITY_COLORS)]), None, 1.0),
        # scoran:prioritysites OUTPUT — sites (stars) by the speed class of their nearest premise
        "sites_prioritaires": ("Point", ["classe"], speed_classes(
            "sites_prioritaires", "star", "2.6", palettes.BLACK, "0.1", none_class=True), None, 1.0),
        # scoran:thdcoverage OUTPUT — premises by THD zone (ZTD, AMII, RIP, none)
        "couverture_thd": ("Point", ["zone"], QgsCategorizedSymbolRenderer("zone", [
            QgsRendererCategory(code, _marker("circle", color, "1.2", None), legend_labels("couverture_thd")[code])
            for code, color in palettes.THD_ZONE_COLORS.items()]), None, 1.0),
        # scoran:mobilewhitezones OUTPUT — town centres by mobile status, white zones named
        "centres_bourgs_mobile": ("Point", ["statut", "nom"], QgsCategorizedSymbolRenderer("statut", [
            QgsRendererCategory(code, _marker("triangle", palettes.MOBILE_STATUS_COLORS[code], "3"),
                                legend_labels("centres_bourgs_mobile")[code])
            for code in STATUS_LABELS]), _labels(white_zone_centres), 1.0),
        # scoran:mobiledemand OUTPUT — points without 4G by distance to the nearest 4G coverage
        "demande_4g": ("Point", ["distance_4g_m"], demand, None, 1.0),
        # scoran:whitezoneclearing — planned year of clearing per commune (thin white outline) and per 200 m
        # cell (outlined in its own colour: a cell stays visible as a dot on a region's map)
        "resorption_communes": ("MultiPolygon", clearing_fields, clearing("resorption_communes", True), None, 1.0),
        "resorption_carreaux": ("MultiPolygon", clearing_fields, clearing("resorption_carreaux", False), None, 1.0),
    }


def _single(symbol):
    from qgis.core import QgsSingleSymbolRenderer

    return QgsSingleSymbolRenderer(symbol)


def build(folder: Path) -> list[Path]:
    """Write every style into `folder`; returns the files written."""
    from qgis.core import QgsMapLayer, QgsVectorLayer

    categories = (QgsMapLayer.StyleCategory.Symbology | QgsMapLayer.StyleCategory.Labeling
                  | QgsMapLayer.StyleCategory.Rendering)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (geometry, fields, renderer, labeling, opacity) in styles().items():
        definition = "&".join([f"{geometry}?crs=EPSG:2154", *(f"field={f}:string" for f in fields)])
        layer = QgsVectorLayer(definition, name, "memory")
        layer.setRenderer(renderer)
        if labeling is not None:
            layer.setLabeling(labeling)
            layer.setLabelsEnabled(True)
        layer.setOpacity(opacity)
        path = folder / f"{name}.qml"
        message, ok = layer.saveNamedStyle(str(path), categories)
        if not ok:
            raise RuntimeError(f"{path}: {message}")
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    """Write the styles into resources/styles, or into the folder given (a test compares the two)."""
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    folder = Path(argv[0]) if argv else ROOT / "scoran_qgis" / "resources" / "styles"
    for path in build(folder):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
