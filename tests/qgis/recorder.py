"""A Processing feedback that keeps the warnings (what the officer reads in the log)."""

from __future__ import annotations

from qgis.core import QgsProcessingFeedback


class Recorder(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, message):  # noqa: N802
        self.warnings.append(message)
        super().pushWarning(message)
