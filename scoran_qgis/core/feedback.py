"""Progress, cancellation and messages for core computations, without depending on QGIS.

Algorithms pass their QgsProcessingFeedback (same method names); scripts and tests pass
`SilentFeedback` or a `RecordingFeedback`.
"""

from __future__ import annotations

from .errors import ScoranError
from .i18n import tr


class CanceledError(ScoranError):
    """The user pressed Cancel: stop, write nothing."""

    def __init__(self):
        super().__init__(tr("Traitement annulé : aucun résultat n'a été écrit."))


class SilentFeedback:
    """Feedback that discards messages and is never canceled."""

    def isCanceled(self) -> bool:
        return False

    def setProgress(self, value: float) -> None:
        pass

    def pushInfo(self, message: str) -> None:
        pass

    def pushWarning(self, message: str) -> None:
        pass


class RecordingFeedback(SilentFeedback):
    """Keeps the messages (tests, scripts that print a report)."""

    def __init__(self, cancel_after_progress: float | None = None):
        self.infos: list[str] = []
        self.warnings: list[str] = []
        self.progress: list[float] = []
        self._cancel_after = cancel_after_progress

    def isCanceled(self) -> bool:
        return self._cancel_after is not None and bool(self.progress) and self.progress[-1] >= self._cancel_after

    def setProgress(self, value: float) -> None:
        self.progress.append(value)

    def pushInfo(self, message: str) -> None:
        self.infos.append(message)

    def pushWarning(self, message: str) -> None:
        self.warnings.append(message)


def check_canceled(feedback) -> None:
    """Raise CanceledError when the user asked to stop."""
    if feedback.isCanceled():
        raise CanceledError()


class Steps:
    """Maps the progress of successive steps onto 0–100 % (steps weighted by expected cost)."""

    def __init__(self, feedback, weights: dict[str, float]):
        self.feedback = feedback
        total = sum(weights.values())
        self._start, start = {}, 0.0
        for name, weight in weights.items():
            self._start[name] = (start, weight / total * 100)
            start += weight / total * 100

    def progress(self, step: str, fraction: float) -> None:
        """Report `fraction` (0–1) of `step` done, and stop if canceled."""
        start, span = self._start[step]
        self.feedback.setProgress(start + span * min(max(fraction, 0.0), 1.0))
        check_canceled(self.feedback)
