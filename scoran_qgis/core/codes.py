"""French administrative codes and semesters ("millésimes"), as officers write them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .errors import ScoranError
from .i18n import tr

# Overseas departments have their own projected CRS; mainland France and Corsica use Lambert-93.
LAMBERT_93 = 2154
CRS_BY_OVERSEAS_DEPARTMENT = {
    "971": 5490,  # Guadeloupe — RGAF09 / UTM 20N
    "972": 5490,  # Martinique — RGAF09 / UTM 20N
    "973": 2972,  # Guyane — RGFG95 / UTM 22N
    "974": 2975,  # La Réunion — RGR92 / UTM 40S
    "976": 4471,  # Mayotte — RGM04 / UTM 38S
}

_INSEE_RE = re.compile(r"^(?:\d{5}|2[AB]\d{3})$")


def normalize_insee(value) -> str | None:
    """Return a commune code as 5-character text, or None when it cannot be one.

    Spreadsheets and CSV readers turn `01001` into `1001` or `1001.0`: the zero is restored.
    Corsican codes (`2A004`, `2B033`) are upper-cased.
    """
    if value is None:
        return None
    text = str(value).strip().upper()
    if text.endswith(".0"):
        text = text[:-2]
    if text.isdigit() and len(text) == 4:
        text = "0" + text
    return text if _INSEE_RE.match(text) else None


def departement_of(insee_com: str) -> str:
    """Department code of a commune: `21231` → `21`, `2A004` → `2A`, `97411` → `974`."""
    return insee_com[:3] if insee_com.startswith("97") else insee_com[:2]


def crs_for_departement(code_dep: str) -> int:
    """EPSG code officers expect for a department: Lambert-93 or the overseas projection."""
    return CRS_BY_OVERSEAS_DEPARTMENT.get(code_dep, LAMBERT_93)


_SEMESTER_RE = re.compile(r"^\s*(\d{4})\s*-?\s*S\s*([12])\s*$", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Millesime:
    """A half-year, written `2015-S1` / `2015-S2`."""

    year: int
    half: int

    @classmethod
    def parse(cls, text: str) -> Millesime:
        """Read `2015-S1` (also `2015S1`, `2015 - s1`); raise ScoranError otherwise."""
        match = _SEMESTER_RE.match(str(text or ""))
        if not match:
            raise ScoranError(
                tr("Millésime invalide : « {0} ». Format attendu : AAAA-S1 ou AAAA-S2 (ex. 2015-S1).").format(text)
            )
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of_date(cls, day: date) -> Millesime:
        """The semester a date falls in."""
        return cls(day.year, 1 if day.month <= 6 else 2)

    def __str__(self) -> str:
        return f"{self.year}-S{self.half}"

    @property
    def label(self) -> str:
        """French label: `1er semestre 2015`."""
        return (tr("1er semestre {0}") if self.half == 1 else tr("2e semestre {0}")).format(self.year)

    @property
    def start(self) -> date:
        return date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> date:
        return date(self.year, 6, 30) if self.half == 1 else date(self.year, 12, 31)

    @property
    def index(self) -> int:
        """A running number, so that semesters compare and subtract as integers."""
        return self.year * 2 + self.half - 1

    @classmethod
    def from_index(cls, index: int) -> Millesime:
        return cls(index // 2, index % 2 + 1)

    def shifted(self, semesters: int) -> Millesime:
        return Millesime.from_index(self.index + semesters)

    def previous(self) -> Millesime:
        return self.shifted(-1)

    def next(self) -> Millesime:
        return self.shifted(1)


def semester_range(first: Millesime, last: Millesime) -> list[Millesime]:
    """Every semester from first to last, both included."""
    return [Millesime.from_index(i) for i in range(first.index, last.index + 1)]
