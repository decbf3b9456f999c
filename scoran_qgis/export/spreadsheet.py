"""XLSX writing shared by every workbook: French headers, frozen header row, filters, widths,
text that never turns into a formula, atomic save."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

from ..core.errors import ScoranError
from ..core.i18n import tr

FORMULA_TRIGGERS = ("=", "+", "-", "@")


def text_cell(cell, value: str) -> None:
    """User text stays text: typed as a string and quote-prefixed, so `=HYPERLINK(…)` is never run; the control
    characters XLSX cannot hold (a line break pasted from Word is a vertical tab) become a line break or go."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    value = ILLEGAL_CHARACTERS_RE.sub("", value.replace("\x0b", "\n"))
    cell.value = value
    cell.data_type = "s"
    if value[:1] in FORMULA_TRIGGERS:
        cell.quotePrefix = True


def write_sheet(sheet, headers: list[str], rows: list[list], formats: dict | None = None) -> None:
    """Header row (bold, frozen, filtered), then rows; dates as real dates shown JJ/MM/AAAA."""
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    formats = formats or {}
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E79")
    for row_index, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_index, column=column)
            if isinstance(value, str):
                text_cell(cell, value)
            else:
                cell.value = value
            if isinstance(value, (date, datetime)):
                cell.number_format = "DD/MM/YYYY"
            elif column - 1 in formats:
                cell.number_format = formats[column - 1]
    sheet.freeze_panes = "A2"
    if rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
    for column, header in enumerate(headers, start=1):
        values = [len(str(r[column - 1])) for r in rows[:500] if r[column - 1] is not None]
        sheet.column_dimensions[get_column_letter(column)].width = min(60, max([len(header) + 2, *values]) + 2)


def save_workbook(workbook, path) -> Path:
    """Save aside, then replace: a failed save never leaves half a workbook; clear message when the
    target is open elsewhere or the folder is not writable."""
    path = Path(path)
    partial = path.with_name(f".{path.stem}.partiel.xlsx")
    try:
        workbook.save(partial)
        os.replace(partial, path)
    except PermissionError:
        partial.unlink(missing_ok=True)
        raise ScoranError(tr("Impossible d'écrire {0} : le fichier est ouvert dans un tableur ou le dossier est "
                             "protégé en écriture.").format(path)) from None
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise ScoranError(tr("Impossible d'écrire {0} : {1}").format(path, error.strerror or error)) from None
    return path
