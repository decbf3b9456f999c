"""Byte-reproducible writers: CSV (optionally gzip with a zeroed header), GeoPackage timestamps."""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path

import pandas as pd

# GDAL stamps GeoPackages with the current time unless told otherwise: fix it for reproducibility.
FIXED_DATE = "2015-06-30T00:00:00Z"


def write_csv(frame: pd.DataFrame, path: Path, sep: str = ";", encoding: str = "utf-8") -> Path:
    """Write `frame` as CSV (gzip when the name ends in .gz): text columns stay text, written aside then renamed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    options = {"sep": sep, "index": False, _line_terminator_name(): "\n"}
    with open(partial, "wb") as raw:
        if path.suffix == ".gz":
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=6) as compressed:
                with io.TextIOWrapper(compressed, encoding=encoding, newline="") as text:
                    frame.to_csv(text, **options)
        else:
            with io.TextIOWrapper(raw, encoding=encoding, newline="") as text:
                frame.to_csv(text, **options)
    os.replace(partial, path)
    return path


def _line_terminator_name() -> str:
    """pandas renamed `line_terminator` to `lineterminator` in 1.5 and removed the old name in 2.0."""
    major, minor = (int(part) for part in pd.__version__.split(".")[:2])
    return "lineterminator" if (major, minor) >= (1, 5) else "line_terminator"


def fix_gdal_dates() -> None:
    from osgeo import gdal

    gdal.SetConfigOption("OGR_CURRENT_DATE", FIXED_DATE)
