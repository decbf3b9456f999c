"""The plugin's colours, in one place: maps, atlas, calendar dock and charts draw with the same palette.

Hex strings only (no Qt import): usable by QGIS symbols, Qt brushes and matplotlib alike.
"""

from __future__ import annotations

NEUTRAL = "#999999"  # anything without a colour of its own
ALERT = "#d7301f"  # today's line, highlights, national milestones
GRID_LINE = "#bdbdbd"
WHITE = "#ffffff"
BLACK = "#000000"
ERROR_TEXT = "#b00020"  # validation messages in the docks

# Usage projects by domain (ColorBrewer Set1, qualitative).
DOMAIN_COLORS = {
    "sante": "#e41a1c", "education": "#377eb8", "enseignement_superieur": "#984ea3",
    "e_administration": "#4daf4a", "developpement_economique": "#ff7f00", "culture": "#a65628",
    "mutualisation": "#f781bf", "autre": NEUTRAL,
}
MULTI_DOMAIN_COLOR = "#404040"  # a map feature linked to projects of several domains

# Planned semester of clearing of the white zones (atlas « Quand ? »): green soon, red late (ColorBrewer
# RdYlGn), purple when no plan covers the premises, light grey when there is nothing to clear.
CLEARING_COLORS = {"2016": "#1a9850", "2017": "#66bd63", "2018": "#a6d96a", "2019": "#d9ef8b", "2020": "#fee08b",
                   "2021": "#fdae61", "2022": "#f46d43", "apres_2022": "#d73027", "non_planifie": "#762a83",
                   "rien": "#f0f0f0"}

# Initiatives calendar: RIP phases (greyed when abandoned) and AMII operators' calendars.
RIP_PHASE_COLOR = "#1f78b4"
ABANDONED_COLOR = "#bdbdbd"
AMII_COLOR = "#7bccc4"
AMII_OUTLINE = "#41ae76"
SEMESTER_SHADES = ("#eef3f8", WHITE)  # first and second half of the year

# ARCEP-like palette of the speed classes: from dark red (ineligible) to dark green (1 Gbit/s).
CLASS_COLORS = {
    "INEL": "#67000d", "HD05": "#d7301f", "HD3": "#fc8d59", "BHD8": "#fed976",
    "THD30": "#c2e699", "THD100": "#66bd63", "THD1G": "#1a7837",
}

# "Mon réseau mobile" coverage levels, ARCEP-like.
COVERAGE_LEVEL_COLORS = {"TBC": "#1a9641", "BC": "#a6d96a", "CL": "#fdae61"}

# Town centres by mobile status, from white zone (dark red) to covered (green).
MOBILE_STATUS_COLORS = {"zone_blanche_2g": "#67000d", "zone_blanche_3g": "#ef3b2c",
                        "partiellement_couvert": "#fdae61", "couvert": "#1a9641"}

# THD coverage zones.
THD_ZONE_COLORS = {"ZTD": "#2b8cbe", "AMII": AMII_COLOR, "RIP": "#fdae6b", "aucun": "#969696"}

# BPE domains (first letter of TYPEQU) and priority-site categories, in the categories' order.
BPE_DOMAIN_COLORS = {"A": "#e31a1c", "C": "#1f78b4", "D": "#33a02c"}
FACILITY_COLORS = ("#1f78b4", "#a6cee3", "#6a3d9a", "#33a02c", "#e31a1c", "#ff7f00")
PRIORITY_SITE_COLOR = "#6a3d9a"

# Share of premises under the threshold (atlas choropleth): (low, high, colour), ColorBrewer Reds.
UNDER_THRESHOLD_CLASSES = ((0, 10, "#fee5d9"), (10, 25, "#fcae91"), (25, 50, "#fb6a4a"), (50, 100.01, "#cb181d"))
# Points without 4G by distance to the nearest 4G coverage (metres), ColorBrewer YlOrBr: far is dark.
DISTANCE_4G_CLASSES = ((0, 500, "#fed98e"), (500, 1000, "#fe9929"), (1000, 2000, "#d95f0e"),
                       (2000, 50_000.01, "#993404"))
WHITE_ZONE_OUTLINE = "#e31a1c"
WHITE_GRID_OUTLINE = "#08306b"
SERVED_FILL, SERVED_OUTLINE = "#d9ead3", "#9e9e9e"  # areas that are not white zones

# The store's map layers (layers.py): boundaries dark to light from region to commune.
TOWN_CENTRE_COLOR = ALERT
RIP_PROJECT_FILL = "166,206,227,90"  # QGIS "r,g,b,alpha"
REGION_OUTLINE, DEPARTMENT_OUTLINE, EPCI_OUTLINE = BLACK, "#252525", "#737373"
COMMUNE_FILL, COMMUNE_OUTLINE = "#f7f4ec", GRID_LINE
LABEL_TEXT = "#252525"


def domain_color(domain) -> str:
    """Colour of a usage project's domain (neutral grey when unknown)."""
    return DOMAIN_COLORS.get(domain, NEUTRAL)


def phase_color(status) -> str:
    """Colour of a RIP phase bar: abandoned phases greyed."""
    return ABANDONED_COLOR if status == "abandonne" else RIP_PHASE_COLOR
