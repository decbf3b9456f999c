"""The THRESHOLD and SHARE the white-zones analysis was run with, as the deliverables write them.

The analysis stores them in `seuil` (class code, e.g. HD3) and `part_pct` on its areas and its
summary; an analysis from before these fields is read with the defaults (HD3, 50 %) and says so
(« défaut »). Headers, legends, read-mes and atlas texts take their words from here, never a
hard-coded speed or share.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..core.i18n import tr
from ..core.speed_classes import CLASSES, NOMINAL_MBPS, QUALITY_THRESHOLD

DEFAULT_SHARE = 50.0


def speed_label(code: str) -> str:
    """Nominal speed of a class, as the circular writes it: HD05 → 512 kbit/s, HD3 → 3 Mbit/s, THD1G → 1 Gbit/s."""
    mbps = NOMINAL_MBPS.get(str(code).strip().upper())
    if mbps is None:
        return str(code)
    if mbps >= 1000:
        return f"{mbps / 1000:g} Gbit/s"
    if mbps < 1:
        return f"{mbps * 1024:g} kbit/s"
    return f"{mbps:g} Mbit/s"


def number_fr(value: float) -> str:
    return f"{value:g}".replace(".", ",")


@dataclass(frozen=True)
class WhiteZoneParameters:
    threshold: str = QUALITY_THRESHOLD
    share: float = DEFAULT_SHARE
    default: bool = True  # not stored with the analysis: the defaults are assumed
    inel: bool = False  # the analysis has the no-broadband category (pct_inel, zb_haut_debit)

    @property
    def speed(self) -> str:
        """« 3 Mbit/s »."""
        return speed_label(self.threshold)

    @property
    def share_text(self) -> str:
        """« 50 % »."""
        return f"{number_fr(self.share)} %"

    @property
    def below(self) -> str:
        """« Sous 3 Mbit/s »."""
        return tr("Sous {0}").format(self.speed)

    @property
    def inel_speed(self) -> str:
        """Speed under which a premise is ineligible (« 512 kbit/s »), the first class above INEL."""
        return speed_label(CLASSES[1])

    def suffix(self) -> str:
        """« (défaut) » when the analysis did not store its parameters, else nothing."""
        return " " + tr("(défaut)") if self.default else ""

    def describe(self) -> str:
        """The read-me line: « Seuil : HD3 (3 Mbit/s) ; part : 50 % » (+ défaut)."""
        text = tr("Paramètres de l'analyse des zones blanches — seuil : {0} ({1}) ; part : {2}").format(
            self.threshold, self.speed, self.share_text)
        if self.default:
            text += " — " + tr("valeurs par défaut : l'analyse ne les a pas enregistrées")
        return text

    def definitions(self) -> list[str]:
        lines = [tr("Sans haut débit de qualité : au moins {0} des locaux sous {1} (seuil {2}) ; c'est le champ "
                    "« zone blanche » de l'inventaire.").format(self.share_text, self.speed, self.threshold)]
        if self.inel:
            lines.insert(0, tr("Zone blanche du haut débit (sans haut débit) : au moins {0} des locaux inéligibles "
                               "(moins de {1}).").format(self.share_text, self.inel_speed))
        else:
            lines.append(tr("Zones blanches du haut débit (locaux inéligibles) : non calculées par cette analyse ; "
                            "relancez l'inventaire des zones blanches pour les obtenir."))
        return [*lines, self.describe()]


def _first(frame: pd.DataFrame | None, column: str):
    if frame is None or column not in frame:
        return None
    values = frame[column].dropna()
    return values.iat[0] if len(values) else None


def read_parameters(*frames: pd.DataFrame | None) -> WhiteZoneParameters:
    """The parameters stored with the analysis (first frame that has them), else the defaults."""
    threshold = share = None
    for frame in frames:
        threshold = threshold if threshold is not None else _first(frame, "seuil")
        share = share if share is not None else _first(frame, "part_pct")
    inel = any(frame is not None and "pct_inel" in frame for frame in frames)
    threshold = str(threshold).strip().upper() if threshold is not None and str(threshold).strip() else None
    if threshold is not None and threshold not in NOMINAL_MBPS:
        threshold = None
    try:
        share = float(share) if share is not None else None
    except (TypeError, ValueError):
        share = None
    return WhiteZoneParameters(threshold or QUALITY_THRESHOLD, share if share is not None else DEFAULT_SHARE,
                               threshold is None or share is None, inel)
