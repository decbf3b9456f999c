"""The store's tables as styled QGIS layers (plugin action, sample project, atlas)."""

from __future__ import annotations

from qgis.core import (
    QgsFillSymbol,
    QgsLayerTreeGroup,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

from .core.i18n import tr
from .core.store import ScoranStore

# table → (layer name, simple-symbol properties); drawn bottom-up in reverse order of this list.
STYLES = {
    "centres_bourgs": (tr("Centres-bourgs"), "marker", {"name": "triangle", "color": "#d7301f", "size": "2.6",
                                                         "outline_color": "#ffffff", "outline_width": "0.2"}),
    "sites_prioritaires": (tr("Sites prioritaires"), "marker", {"name": "circle", "color": "#6a3d9a", "size": "1.8"}),
    "zones_blanches": (tr("Zones blanches du haut débit"), "fill", {"color": "255,255,255,200",
                                                                     "outline_color": "#e31a1c",
                                                                     "outline_width": "0.3"}),
    "rip_phases": (tr("Phases des RIP"), "fill", {"color": "0,0,0,0", "outline_color": "#1f78b4",
                                                    "outline_width": "0.3", "outline_style": "dash"}),
    "rip_projets": (tr("Projets RIP"), "fill", {"color": "166,206,227,90", "outline_color": "#1f78b4",
                                                  "outline_width": "0.6"}),
    "regions": (tr("Région"), "fill", {"color": "0,0,0,0", "outline_color": "#000000", "outline_width": "0.9"}),
    "departements": (tr("Départements"), "fill", {"color": "0,0,0,0", "outline_color": "#252525",
                                                    "outline_width": "0.6"}),
    "epci": (tr("EPCI"), "fill", {"color": "0,0,0,0", "outline_color": "#737373", "outline_width": "0.3"}),
    "communes": (tr("Communes"), "fill", {"color": "#f7f4ec", "outline_color": "#bdbdbd", "outline_width": "0.1"}),
}
LABEL_FIELDS = {"departements": "nom"}


def styled_layer(uri: str, table: str, name: str | None = None) -> QgsVectorLayer:
    """An OGR layer with the SCORAN style of `table` (plain layer when the table has none)."""
    title, kind, properties = STYLES.get(table, (table, None, None))
    layer = QgsVectorLayer(uri, name or title, "ogr")
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
        text_format.setColor(QColor("#252525"))
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
            added.append(_add(project, group, styled_layer(store.uri(table), table)))
    registers = group.findGroup(tr("Tables")) or group.addGroup(tr("Tables"))
    for table in ("millesimes", "projets", "jalons", "projets_liens", "amii_communes", "amii_calendrier",
                  "aides_departements", "couts_unitaires", "locaux_communes", "analyses"):
        if table in tables:
            added.append(_add(project, registers, QgsVectorLayer(store.uri(table), table, "ogr")))
    return added


def _add(project: QgsProject, group: QgsLayerTreeGroup, layer: QgsVectorLayer) -> QgsVectorLayer:
    project.addMapLayer(layer, False)
    group.addLayer(layer)
    return layer
