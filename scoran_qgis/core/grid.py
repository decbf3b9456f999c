"""The INSPIRE 200 m grid that INSEE uses (LAEA Europe, EPSG:3035)."""

from __future__ import annotations

import numpy as np

LAEA = 3035
CELL = 200


def cell_indices(x3035: np.ndarray, y3035: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Column and row numbers of the cells (lower-left corner = index × 200 m)."""
    return np.floor(x3035 / CELL).astype(np.int64), np.floor(y3035 / CELL).astype(np.int64)


def cell_id(ix: int, iy: int) -> str:
    """INSEE's identifier: `CRS3035RES200mN2029800E4252000` (north, then east, of the lower-left corner)."""
    return f"CRS3035RES200mN{iy * CELL}E{ix * CELL}"
