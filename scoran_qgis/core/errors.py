"""Errors the plugin reports to users: a translated French message, never a traceback."""


class ScoranError(Exception):
    """A problem the user can fix (bad input, locked store...); its text is shown as is."""


class StoreVersionError(ScoranError):
    """The store was written by a newer version of the plugin."""


class StoreLockedError(ScoranError):
    """The store is being written by another QGIS instance."""
