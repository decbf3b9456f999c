"""SCORAN 2.0 — QGIS plugin entry point."""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    """Return the plugin instance QGIS asks for (translation first: modules build texts on import)."""
    from .toolbelt.translation import install_translator

    install_translator()
    from .plugin import ScoranPlugin

    return ScoranPlugin(iface)
