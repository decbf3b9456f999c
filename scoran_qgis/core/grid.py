"""The INSPIRE 200 m grid that INSEE uses (LAEA Europe, EPSG:3035)."""

from __future__ import annotations

import numpy as np
import pandas as pd

LAEA = 3035
CELL = 200
_PREFIX = f"CRS3035RES{CELL}m"


def cell_indices(x3035: np.ndarray, y3035: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Column and row numbers of the cells (lower-left corner = index × 200 m)."""
    return np.floor(x3035 / CELL).astype(np.int64), np.floor(y3035 / CELL).astype(np.int64)


def cell_id(ix: int, iy: int) -> str:
    """INSEE's identifier: `CRS3035RES200mN2029800E4252000` (north, then east, of the lower-left corner)."""
    return f"{_PREFIX}N{iy * CELL}E{ix * CELL}"


def cell_ids(ix: np.ndarray, iy: np.ndarray) -> np.ndarray:
    """`cell_id` of many cells at once (vectorised; an object array of str)."""
    north = pd.Series(np.asarray(iy, dtype=np.int64) * CELL).astype(str)
    east = pd.Series(np.asarray(ix, dtype=np.int64) * CELL).astype(str)
    return (_PREFIX + "N" + north + "E" + east).to_numpy(dtype=object)
