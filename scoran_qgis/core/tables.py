"""Reading the public CSV files robustly: separator, encoding, gzip, column aliases, text codes.

Every problem gets a French message that names the file (and the column), never a traceback.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import numpy as np
import pandas as pd

from .errors import ScoranError
from .i18n import tr

SEPARATORS = (";", ",", "\t", "|")
INSEE_PATTERN = r"\d{5}|2[AB]\d{3}"


@dataclass
class CsvLayout:
    """What sniffing the head of a file found."""

    path: Path
    separator: str
    encoding: str
    columns: list  # as written in the file


def _open_text_head(path: Path, size: int = 65536) -> bytes:
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    try:
        with opener(path, "rb") as handle:
            return handle.read(size)
    except (OSError, EOFError) as error:
        raise ScoranError(tr("Fichier illisible : {0} ({1}).").format(path, error)) from None


def sniff(path, expected_separator: str = ";", feedback=None) -> CsvLayout:
    """Separator, encoding and header of a CSV (optionally gzip) file."""
    path = Path(path)
    if path.is_dir():
        raise ScoranError(tr("{0} est un dossier : indiquez les fichiers CSV qu'il contient.").format(path))
    if not path.is_file():
        raise ScoranError(tr("Fichier introuvable : {0}").format(path))
    head = _open_text_head(path)
    if not head.strip():
        raise ScoranError(tr("Le fichier {0} est vide.").format(path))
    try:
        text, encoding = head.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not just a character cut by the 64 KB window
            text, encoding = head.decode("latin-1"), "latin-1"
            if feedback is not None:
                feedback.pushWarning(tr("{0} n'est pas en UTF-8 : lu en Latin-1.").format(path.name))
        else:
            text, encoding = head[: error.start].decode("utf-8"), "utf-8"
    header = text.lstrip("\ufeff").splitlines()[0]
    separator = max(SEPARATORS, key=header.count)
    if header.count(separator) == 0:
        separator = expected_separator
    if separator != expected_separator and feedback is not None:
        feedback.pushWarning(
            tr("{0} : séparateur « {1} » au lieu de « {2} » ; le fichier est lu avec « {1} ».").format(
                path.name, separator, expected_separator
            )
        )
    columns = [c.strip().strip('"') for c in header.split(separator)]
    return CsvLayout(path, separator, encoding, columns)


def resolve_columns(layout: CsvLayout, required: dict, optional: dict | None = None) -> dict:
    """Map canonical names to the file's columns (case-insensitive aliases); error if one is missing."""
    by_lower = {c.lower(): c for c in layout.columns}
    mapping = {}
    for canonical, aliases in {**required, **(optional or {})}.items():
        found = next((by_lower[a.lower()] for a in aliases if a.lower() in by_lower), None)
        if found is not None:
            mapping[canonical] = found
        elif canonical in required:
            shown = " ou ".join(aliases)
            raise ScoranError(
                tr("{0} : colonne {1} absente (colonnes lues avec le séparateur « {2} » : {3}).").format(
                    layout.path.name, shown, layout.separator, ", ".join(layout.columns[:12])
                )
            )
    return mapping


def read_chunks(layout: CsvLayout, mapping: dict, text_columns=(), chunksize: int = 500_000,
                code_columns=()) -> Iterator:
    """Yield DataFrames with canonical column names; `text_columns` are never parsed as numbers;
    `code_columns` (a handful of distinct texts in millions of rows) are read as categoricals, whose
    texts the parser makes once per distinct value instead of once per row."""
    usecols = list(mapping.values())
    rename = {v: k for k, v in mapping.items()}
    dtype = {mapping[c]: str for c in text_columns if c in mapping}
    dtype.update({mapping[c]: "category" for c in code_columns if c in mapping})
    try:
        reader = pd.read_csv(
            layout.path, sep=layout.separator, encoding=layout.encoding, usecols=usecols, dtype=dtype,
            chunksize=chunksize, keep_default_na=False, na_values=[""], compression="infer",
            low_memory=True,
        )
        for chunk in reader:
            yield chunk.rename(columns=rename)
    except (pd.errors.ParserError, UnicodeDecodeError, EOFError, OSError) as error:
        raise ScoranError(tr("{0} : lecture impossible ({1}).").format(layout.path.name, error)) from None


def distinct(values: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """(position of each value among the distinct ones, the distinct values as text).

    A column of millions of rows holds a few thousand codes at most: normalise those, then take
    the result back by position (NaN, None and '' become the text 'nan'/''/'None' as astype(str) does).
    """
    if isinstance(values.dtype, pd.CategoricalDtype):  # already distinct: missing values become 'nan'
        codes = values.cat.codes.to_numpy()
        uniques = [str(value) for value in values.cat.categories] + ["nan"]
        return np.where(codes < 0, len(uniques) - 1, codes), pd.Series(uniques, dtype=object)
    positions, uniques = pd.factorize(values.astype(str), sort=False)
    return positions, pd.Series(uniques, dtype=object)


def normalize_insee_series(values: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Vectorised INSEE normalisation: 5-char text, zero restored (`1001` → `01001`); returns (codes, valid)."""
    positions, uniques = distinct(values)
    codes = uniques.str.strip().str.upper().str.replace(r"\.0$", "", regex=True)
    four_digits = codes.str.fullmatch(r"\d{4}").to_numpy(dtype=bool)
    if four_digits.any():
        codes = codes.where(~four_digits, "0" + codes)
    valid = codes.str.fullmatch(INSEE_PATTERN).fillna(False).to_numpy(dtype=bool)
    return pd.Series(codes.to_numpy(dtype=object)[positions], index=values.index), valid[positions]


def to_number(values: pd.Series) -> np.ndarray:
    """Numbers as float64 (NaN when unreadable); accepts the decimal comma of French spreadsheets."""
    if pd.api.types.is_numeric_dtype(values):
        return values.to_numpy(dtype=np.float64)
    text = values.astype(str).str.replace(",", ".", regex=False)
    return pd.to_numeric(text, errors="coerce").to_numpy(dtype=np.float64)


# Spaces that French spreadsheets put between thousands: ordinary, non-breaking, narrow, thin, figure.
_THOUSANDS_SPACES = r"[\s\u00a0\u202f\u2009\u2007]"
_PLAIN_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"


def parse_french_numbers(values) -> tuple[np.ndarray, np.ndarray]:
    """Numbers written the French way (`0,40`, `1 234,5`, `1.234,5`, `33 %`, `180 €`) as float64.

    Returns (numbers, percent): NaN where the text is no number; `percent` flags the values written
    with `%`, returned as written (33, not 0.33) so that the caller decides what a percentage means.
    """
    series = values if isinstance(values, pd.Series) else pd.Series(values, dtype=object)
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        return series.to_numpy(dtype=np.float64), np.zeros(len(series), dtype=bool)
    missing = series.isna().to_numpy()
    text = series.astype(str).str.strip()
    percent = text.str.endswith("%").to_numpy() & ~missing
    text = text.str.replace(r"\s*[%€]$", "", regex=True).str.replace(_THOUSANDS_SPACES, "", regex=True)
    # `1.234,5`: dots are thousands separators only when a decimal comma follows (`0.473` stays 0.473)
    dotted = text.str.fullmatch(r"[+-]?\d{1,3}(?:\.\d{3})+,\d+").to_numpy(dtype=bool)
    text = text.where(~dotted, text.str.replace(".", "", regex=False))
    text = text.str.replace(",", ".", regex=False)
    readable = text.str.fullmatch(_PLAIN_NUMBER).to_numpy(dtype=bool) & ~missing
    numbers = np.full(len(series), np.nan)
    numbers[readable] = pd.to_numeric(text[readable], errors="coerce").to_numpy(dtype=np.float64)
    return numbers, percent & readable
