"""ARCEP downstream speed classes and technology codes (`domain.md` §1)."""

from __future__ import annotations

from .i18n import tr

# Ordered from worst to best; the rank is the index.
CLASSES = ("INEL", "HD05", "HD3", "BHD8", "THD30", "THD100", "THD1G")
NOMINAL_MBPS = {"INEL": 0.0, "HD05": 0.5, "HD3": 3.0, "BHD8": 8.0, "THD30": 30.0, "THD100": 100.0, "THD1G": 1000.0}
RANK = {code: rank for rank, code in enumerate(CLASSES)}
LABELS_FR = {  # French source; translated where QGIS is not in French (settings page)
    "INEL": tr("Inéligible (< 512 kbit/s)"),
    "HD05": tr("Haut débit < 3 Mbit/s"),
    "HD3": tr("Haut débit de qualité 3–8 Mbit/s"),
    "BHD8": tr("Bon haut débit 8–30 Mbit/s"),
    "THD30": tr("Très haut débit 30–100 Mbit/s"),
    "THD100": tr("Très haut débit 100 Mbit/s–1 Gbit/s"),
    "THD1G": tr("Très haut débit ≥ 1 Gbit/s"),
}

TECHNOLOGIES = ("CU", "COAX", "FO", "4GF", "THDR", "WMX", "SAT")
WIRED_TECHNOLOGIES = ("CU", "COAX", "FO")
TECHNOLOGY_LABELS_FR = {
    "CU": "Cuivre (DSL)",
    "COAX": "Câble coaxial",
    "FO": "Fibre optique (FTTH)",
    "4GF": "4G fixe",
    "THDR": "Très haut débit radio",
    "WMX": "Haut débit radio",
    "SAT": "Satellite",
}

QUALITY_THRESHOLD = "HD3"  # "haut débit de qualité" starts at 3 Mbit/s
GOOD_BROADBAND = "BHD8"
VERY_HIGH_SPEED = "THD30"


def rank(code: str) -> int:
    """Rank of a class (0 for INEL); unknown codes rank as INEL."""
    return RANK.get(str(code).strip().upper(), 0)
