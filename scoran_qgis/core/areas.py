"""Premises and areas (communes, EPCI…): which area counts a premise, and an area's main department."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .tables import normalize_insee_series

# The area key is read as commune codes only when nearly every area carries one (a few areas may
# lack a code, e.g. a lake)...
INSEE_KEY_SHARE = 0.9
# ...and nearly every premise finds its commune among them (a few may lie outside the territory).
INSEE_MATCH_SHARE = 0.9


def match_areas_by_insee(area_codes: list, premise_codes: pd.Series) -> np.ndarray | None:
    """Area index of each premise (-1 when its commune is no area) by INSEE code, or None when the
    areas must be matched by position instead.

    Codes are used when at least INSEE_KEY_SHARE of the areas carry a distinct valid commune code
    (`1001`, `1001.0` read as `01001`) and at least INSEE_MATCH_SHARE of the premises' codes are
    among them. Two areas with one code: the later one counts the premises.
    """
    codes, valid = normalize_insee_series(pd.Series(list(area_codes), dtype=object))
    positions = np.flatnonzero(valid)
    index = dict(zip(codes.to_numpy(object)[positions], positions))  # a later area wins, as dict() does
    matched = pd.Series(premise_codes, dtype=object).map(index)
    share = matched.notna().mean() if len(matched) else 0.0
    if len(index) >= INSEE_KEY_SHARE * len(area_codes) and share >= INSEE_MATCH_SHARE:
        return matched.fillna(-1).to_numpy(dtype=np.int64)
    return None


DENSE_PAIRS = 20_000_000  # areas × départements counted in one table (160 MB); more: sorted pairs


def main_department(group: np.ndarray, code_dep: np.ndarray, n_areas: int) -> np.ndarray:
    """Department holding most premise rows of each area ("" for an area with none).

    `group` is each premise's area index (-1: in no area); missing department codes are not counted.
    A tie goes to the department met first in the premises' order, as pandas' value_counts did in
    the algorithm this replaces.
    """
    result = np.full(int(n_areas), "", dtype=object)
    group = np.asarray(group, dtype=np.int64)
    deps = pd.Series(np.asarray(code_dep, dtype=object))
    keep = (group >= 0) & (group < n_areas) & deps.notna().to_numpy()
    if not keep.any():
        return result
    group = group[keep]
    dep_index, dep_names = pd.factorize(deps[keep].astype(str))
    names = np.asarray(dep_names, dtype=object)
    pairs = group * len(names) + dep_index
    if n_areas * len(names) > DENSE_PAIRS:  # too many areas × départements for a table: sort the pairs
        return _main_department_sorted(result, pairs, len(names), names)
    counts = np.bincount(pairs, minlength=n_areas * len(names)).reshape(n_areas, len(names))
    best = counts.max(axis=1)
    winner = counts.argmax(axis=1)
    tied = (best > 0) & ((counts == best[:, None]).sum(axis=1) > 1)
    if tied.any():  # among the départements of equal count, the first met in the area's premises
        in_tie = tied[group]
        pair, first = np.unique(pairs[in_tie], return_index=True)
        area, dep = pair // len(names), pair % len(names)
        is_best = counts[area, dep] == best[area]
        area, dep, first = area[is_best], dep[is_best], first[is_best]
        order = np.lexsort((first, area))
        areas, index = np.unique(area[order], return_index=True)
        winner[areas] = dep[order][index]
    populated = best > 0
    result[populated] = names[winner[populated]]
    return result


def _main_department_sorted(result: np.ndarray, pairs: np.ndarray, n_deps: int, names: np.ndarray) -> np.ndarray:
    """`main_department` by sorting (area, département) pairs, when a dense table would be too large."""
    pair, first, count = np.unique(pairs, return_index=True, return_counts=True)
    pair_group = pair // n_deps
    # best pair first within each area: most rows, then the one met first
    order = np.lexsort((first, -count, pair_group))
    areas, best = np.unique(pair_group[order], return_index=True)
    result[areas] = names[pair[order][best] % n_deps]
    return result
