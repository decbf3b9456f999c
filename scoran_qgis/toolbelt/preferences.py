"""Plugin settings: a dataclass of defaults, stored under one QgsSettings group."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from qgis.core import QgsSettings

from ..core.codes import LAMBERT_93

GROUP = "scoran_qgis"


@dataclass
class Preferences:
    """What the officer sets once; algorithms take these as parameter defaults."""

    store_path: str = ""
    default_crs: int = LAMBERT_93
    threshold_class: str = "HD3"  # below it, a premise lacks quality broadband
    white_zone_share: float = 50.0  # % of premises below the threshold that makes a white zone
    priority_max_distance: float = 100.0  # metres from a site to its nearest premise
    mobile_radius: float = 500.0  # metres around a town hall
    debug: bool = False

    @classmethod
    def load(cls) -> Preferences:
        settings = QgsSettings()
        values = {}
        for field in fields(cls):
            default = getattr(cls, field.name)
            raw = settings.value(f"{GROUP}/{field.name}", default)
            values[field.name] = _cast(raw, type(default))
        return cls(**values)

    def save(self) -> None:
        settings = QgsSettings()
        for key, value in asdict(self).items():
            settings.setValue(f"{GROUP}/{key}", value)


def _cast(raw, kind):
    """QSettings returns strings for values written by another platform: read them back typed."""
    if kind is bool:
        return raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes", "oui")
    try:
        return kind(raw)
    except (TypeError, ValueError):
        return kind()
