"""White-zone clearing (« résorption des zones blanches ») : when the plans treat the premises without broadband
and below the threshold — per RIP phase, per commune, département and 200 m cell — and the planned THD semester
of the priority sites.

A premise is *without broadband* when its class is `INEL` (< 512 kbit/s) and *below the threshold* when its class
ranks below THRESHOLD (HD3 by default, < 3 Mbit/s; the ineligible premises are below it too), as in
core/whitezones.py.

A premise is *treated* at semester S when the plan that covers it in the THD coverage (core/thd.py
`assign_coverage`) is planned to be done by S:

- commune AMII or ZTD: the operators' calendar semester (`semestre_prevu` of the coverage);
- RIP premise in a phase: the phase's end semester (`semestre_fin`), **whatever its technology** — FTTH, THD
  radio, and also copper sub-loop upgrade (MED), which raises speeds without bringing THD; a phase without valid
  dates (or ending before it starts) treats nothing; an abandoned phase claims no premise in the coverage;
- premises already THD (≥ 30 Mbit/s): treated (only matters with a threshold above THD30).

Anything else (RIP premise in no phase, premise in no project nor AMII/ZTD commune) is *not planned*. The
coverage gives each premise one phase (a THD phase wins over a MED phase on the same place, then the earliest
end): the clearing follows that phase. Counts are of premises (`nb_locaux`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import projection
from .areas import main_department
from .codes import Millesime
from .grid import CELL, LAEA, cell_ids, cell_indices
from .i18n import tr
from .tables import normalize_insee_series
from .thd import THD_TECHNOLOGIES, is_abandoned, semester_indices
from .whitezones import premise_ranks, threshold_code, threshold_rank

# the codes of `semestre_resorption` / `semestre_thd` that are not a semester (French words, never translated:
# the atlas and the workbooks read them)
NOTHING_TO_CLEAR = "rien_a_resorber"  # no premise below the threshold
NOT_PLANNED = "non_planifie"  # at least one premise below the threshold with no planned treatment
ALREADY_THD = "deja_thd"  # every premise concerned is already THD
NO_PREMISES = "sans_local_proche"  # a site with no premise within the distance
MILESTONES = {"2017": Millesime(2017, 2), "2022": Millesime(2022, 2)}
_ALREADY = 0  # treatment index of a premise already THD (before every real semester)

COUNT_COLUMNS = ["nb_locaux", "nb_sans_haut_debit", "nb_sous_seuil", "reste_fin_2017_sans_haut_debit",
                 "reste_fin_2017_sous_seuil", "reste_fin_2022_sans_haut_debit", "reste_fin_2022_sous_seuil",
                 "nb_sous_seuil_non_planifie"]
PHASE_COLUMNS = ["niveau", "rip_id", "phase_id", "technologie", "code_dep", "semestre_debut", "semestre",
                 "nb_locaux", "locaux_sans_haut_debit", "locaux_sous_seuil", "apporte_thd", "seuil"]
SITE_COLUMNS = ["site_id", "semestre_thd", "motif", "zone", "rip_id", "phase_id", "technologie", "distance_m"]


def phase_end_indices(phases: pd.DataFrame) -> pd.Series:
    """phase_id → running index of its end semester, for the phases that plan something: valid start and end
    (AAAA-S1/S2), end not before start, not abandoned."""
    if phases is None or not len(phases):
        return pd.Series(dtype=np.int64)
    start = semester_indices(phases["semestre_debut"].to_numpy(object))
    end = semester_indices(phases["semestre_fin"].to_numpy(object))
    status = phases["statut"] if "statut" in phases else pd.Series([None] * len(phases))
    usable = (start >= 0) & (end >= start) & ~np.array([is_abandoned(s) for s in status], dtype=bool)
    ids = phases["phase_id"].astype(str).to_numpy(object)
    return pd.Series(end[usable], index=ids[usable]).groupby(level=0).min()


def _factorized(values) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes (-1 where empty) and the distinct values of a column: the strings are hashed once, every
    later step works on integers."""
    codes, uniques = pd.factorize(pd.Series(values, dtype=object))
    return codes.astype(np.int64), np.asarray(uniques, dtype=object)


def treatment_indices(coverage: pd.DataFrame, phase_ends: pd.Series) -> np.ndarray:
    """Per premise: the running index of the semester its plan treats it by; `_ALREADY` when already THD; -1
    when not planned. `coverage` has zone, phase_id, semestre_prevu, deja_thd."""
    codes, uniques = _factorized(coverage["semestre_prevu"].to_numpy(object))
    planned = np.append(semester_indices(uniques), -1)[codes]  # code -1 (empty) takes the appended -1
    rip = coverage["zone"].to_numpy(object) == "RIP"
    codes, uniques = _factorized(coverage["phase_id"].to_numpy(object))
    ends = pd.Series(uniques, dtype=object).astype(str).map(phase_ends).fillna(-1).to_numpy(dtype=np.int64)
    by_phase = np.where(rip & (codes >= 0), np.append(ends, -1)[codes], -1)
    both = (planned >= 0) & (by_phase >= 0)
    result = np.where(both, np.minimum(planned, by_phase), np.maximum(planned, by_phase))
    already = coverage["deja_thd"].fillna(False).astype(bool).to_numpy()
    return np.where(already, _ALREADY, result).astype(np.int64)


def premise_frame(coverage: pd.DataFrame, phases: pd.DataFrame, threshold: str) -> pd.DataFrame:
    """Per premise: code_insee, code_dep, n (premises), inel and below (premises counted), when (treatment
    index), and the coverage's zone, rip_id, phase_id, technologie."""
    limit = threshold_rank(threshold)
    n = coverage["nb_locaux"].fillna(0).to_numpy(dtype=np.int64)
    ranks = premise_ranks(coverage["classe"])
    # codes as the store writes them (« 2a004 », « 2a » of an outside layer → 2A004, 2A), each distinct text once
    raw = pd.Series(coverage["code_insee"].to_numpy(object), dtype=object)
    insee = normalize_insee_series(raw)[0].where(raw.notna(), None)
    dep_codes, deps = _factorized(coverage["code_dep"].to_numpy(object))
    deps = np.append(pd.Series(deps, dtype=object).astype(str).str.strip().str.upper().to_numpy(object), "")
    return pd.DataFrame({
        "code_insee": insee.to_numpy(object),
        "code_dep": deps[dep_codes],
        "n": n, "inel": np.where(ranks == 0, n, 0), "below": np.where(ranks < limit, n, 0),
        "when": treatment_indices(coverage, phase_end_indices(phases)),
        "zone": coverage["zone"].to_numpy(object), "rip_id": coverage["rip_id"].to_numpy(object),
        "phase_id": coverage["phase_id"].to_numpy(object), "technologie": coverage["technologie"].to_numpy(object),
    })


def semester_label(index: int) -> str:
    return ALREADY_THD if index == _ALREADY else str(Millesime.from_index(int(index)))


def remaining(frame: pd.DataFrame, keys) -> pd.DataFrame:
    """COUNT_COLUMNS and `semestre_resorption` per group of `keys` (a column name, or an array of group keys),
    indexed by the sorted keys (rows with an empty key left out).

    `reste_fin_AAAA_*`: premises (without broadband / below the threshold) not treated by the end of AAAA
    (AAAA-S2); `semestre_resorption`: the semester by which every premise below the threshold of the group is
    planned to be treated, NOTHING_TO_CLEAR when it has none, NOT_PLANNED when one of them has no plan.
    """
    values = frame[keys].to_numpy(object) if isinstance(keys, str) else np.asarray(keys)
    codes, uniques = pd.factorize(values, sort=True)
    keep = codes >= 0
    codes, size = codes[keep], len(uniques)
    when, n, inel, below = (frame[c].to_numpy()[keep] for c in ("when", "n", "inel", "below"))

    def total(weights):  # premises per group, one weighted count (exact: sums far below 2**53)
        return np.bincount(codes, weights=weights, minlength=size).round().astype(np.int64)

    parts = {"nb_locaux": total(n), "nb_sans_haut_debit": total(inel), "nb_sous_seuil": total(below)}
    for year, semester in MILESTONES.items():
        open_ = (when < 0) | (when > semester.index)
        parts[f"reste_fin_{year}_sans_haut_debit"] = total(np.where(open_, inel, 0))
        parts[f"reste_fin_{year}_sous_seuil"] = total(np.where(open_, below, 0))
    parts["nb_sous_seuil_non_planifie"] = total(np.where(when < 0, below, 0))
    # the latest treatment among the premises below the threshold (-1 where a group has none)
    latest = np.full(size, -1, dtype=np.int64)
    np.maximum.at(latest, codes, np.where(below > 0, when, -1))
    table = pd.DataFrame(parts, index=pd.Index(uniques))
    table["semestre_resorption"] = resorption_labels(parts["nb_sous_seuil"], parts["nb_sous_seuil_non_planifie"],
                                                     latest)
    return table


def resorption_labels(below: np.ndarray, unplanned: np.ndarray, latest: np.ndarray) -> np.ndarray:
    """`semestre_resorption` from the counts and the latest treatment index (labels of distinct indices once)."""
    distinct = {int(i): semester_label(int(i)) for i in np.unique(latest) if i >= 0}
    labels = pd.Series(latest).map(distinct).to_numpy(object)
    return np.where(np.asarray(below) == 0, NOTHING_TO_CLEAR,
                    np.where(np.asarray(unplanned) > 0, NOT_PLANNED, labels)).astype(object)


def by_department(frame: pd.DataFrame) -> pd.DataFrame:
    """`remaining` per département and for the whole territory (niveau, code, …): `code` « Ensemble » on the
    territory row, as the other analyses write it."""
    departments = remaining(frame, "code_dep")
    total = remaining(frame, np.full(len(frame), "Ensemble", dtype=object))
    table = pd.concat([departments.assign(niveau="département"), total.assign(niveau="territoire")])
    table.index.name = "code"
    return table.reset_index()[["niveau", "code", *COUNT_COLUMNS, "semestre_resorption"]]


def by_phase(frame: pd.DataFrame, phases: pd.DataFrame, threshold: str) -> pd.DataFrame:
    """Per RIP phase × département: premises (all, without broadband, below the threshold) the phase treats, at
    its end semester (`semestre`; NOT_PLANNED for a phase without valid dates); then one total row per
    technology and semester (`niveau` « technologie ») and one per technology (`niveau` « total »).

    Only the premises the coverage puts in the RIP zone count (a phase on an AMII or ZTD commune treats none:
    private initiative). FTTH, THD radio, MED… stay apart (`technologie`, `apporte_thd`)."""
    phase = frame["phase_id"].to_numpy(object)
    rows = frame[(frame["zone"].to_numpy(object) == "RIP") & pd.notna(phase)]
    if rows.empty:
        return pd.DataFrame(columns=PHASE_COLUMNS)
    # one integer key per (phase, département): weighted counts, no groupby on texts
    phase_code, phase_ids = _factorized(rows["phase_id"].astype(str).to_numpy(object))
    dep_code, deps = _factorized(rows["code_dep"].to_numpy(object))
    key = phase_code * len(deps) + dep_code
    pairs, pair_of = np.unique(key, return_inverse=True)
    first = np.unique(phase_code, return_index=True)[1]  # a phase's project and technology: its first row
    sums = pd.DataFrame({
        "rip_id": pd.Series(rows["rip_id"].to_numpy(object)[first][pairs // len(deps)], dtype=object).fillna(""),
        "phase_id": phase_ids[pairs // len(deps)],
        "technologie": pd.Series(rows["technologie"].to_numpy(object)[first][pairs // len(deps)],
                                 dtype=object).fillna(""),
        "code_dep": deps[pairs % len(deps)],
        **{name: np.bincount(pair_of, weights=rows[column].to_numpy(), minlength=len(pairs)).round().astype(np.int64)
           for name, column in (("n", "n"), ("inel", "inel"), ("below", "below"))},
    })
    ends = phase_end_indices(phases)
    starts = pd.Series(dtype=object)
    if phases is not None and len(phases):
        first = phases.drop_duplicates("phase_id")
        start = semester_indices(first["semestre_debut"].to_numpy(object))  # AAAA-Sn, as `semestre`
        starts = pd.Series(np.where(start >= 0, [str(Millesime.from_index(int(i))) if i >= 0 else None
                                                 for i in start], first["semestre_debut"].to_numpy(object)),
                           index=first["phase_id"].astype(str))
    end = sums["phase_id"].map(ends)
    labels = {int(i): semester_label(int(i)) for i in end.dropna().unique()}
    sums["semestre"] = end.map(labels).fillna(NOT_PLANNED)
    sums["semestre_debut"] = sums["phase_id"].map(starts)
    sums["niveau"] = "phase"
    sums = sums.rename(columns={"n": "nb_locaux", "inel": "locaux_sans_haut_debit", "below": "locaux_sous_seuil"})
    sums = sums.sort_values(["semestre", "rip_id", "phase_id", "code_dep"], kind="stable")
    counts = ["nb_locaux", "locaux_sans_haut_debit", "locaux_sous_seuil"]
    per_semester = sums.groupby(["technologie", "semestre"], sort=True)[counts].sum().reset_index().assign(
        niveau="technologie")
    per_technology = sums.groupby("technologie", sort=True)[counts].sum().reset_index().assign(
        niveau="total", semestre="")
    table = pd.concat([sums, per_semester, per_technology], ignore_index=True)
    table["apporte_thd"] = table["technologie"].astype(str).str.strip().str.upper().isin(THD_TECHNOLOGIES)
    table["seuil"] = threshold_code(threshold)
    for column in counts:
        table[column] = table[column].astype(np.int64)
    return table[PHASE_COLUMNS]


def cells(frame: pd.DataFrame, x: np.ndarray, y: np.ndarray, epsg: int) -> pd.DataFrame:
    """`remaining` per INSPIRE 200 m cell (core/grid.py: the white-zones grid's cells, EPSG:3035) holding at
    least one premise below the threshold: ix, iy, idcar_200m, code_dep (the département of most of its premise
    rows), counts, semestre_resorption. Only those premises are projected; the others are in no such cell."""
    keep = frame["below"].to_numpy() > 0
    if not keep.any():
        return pd.DataFrame(columns=["ix", "iy", "idcar_200m", "code_dep", *COUNT_COLUMNS, "semestre_resorption"])
    gx, gy = projection.transform(np.asarray(x)[keep], np.asarray(y)[keep], epsg, LAEA)
    ix, iy = cell_indices(gx, gy)
    ix0, iy0 = int(ix.min()), int(iy.min())
    height = int(iy.max()) - iy0 + 1
    key = (ix - ix0) * height + (iy - iy0)
    sub = frame[keep]
    table = remaining(sub, key)
    keys = table.index.to_numpy(dtype=np.int64)
    table = table.reset_index(drop=True)
    table.insert(0, "iy", keys % height + iy0)
    table.insert(0, "ix", keys // height + ix0)
    table.insert(2, "idcar_200m", cell_ids(table["ix"].to_numpy(), table["iy"].to_numpy()))
    group = np.searchsorted(keys, key)
    table.insert(3, "code_dep", main_department(group, sub["code_dep"].to_numpy(object), len(keys)))
    return table


def square_wkbs(ix: np.ndarray, iy: np.ndarray) -> tuple[np.ndarray, tuple]:
    """ISO WKB (little-endian) Polygons of 200 m cells, built in one numpy record array, and their envelopes."""
    minx, miny = np.asarray(ix, dtype=np.float64) * CELL, np.asarray(iy, dtype=np.float64) * CELL
    maxx, maxy = minx + CELL, miny + CELL
    record = np.dtype([("order", "u1"), ("type", "<u4"), ("rings", "<u4"), ("points", "<u4"), ("xy", "<f8", (10,))])
    data = np.zeros(len(minx), dtype=record)
    data["order"], data["type"], data["rings"], data["points"] = 1, 3, 1, 5
    data["xy"] = np.column_stack([minx, miny, maxx, miny, maxx, maxy, minx, maxy, minx, miny])
    raw, size = data.tobytes(), record.itemsize
    wkbs = np.array([raw[i * size:(i + 1) * size] for i in range(len(minx))], dtype=object)
    return wkbs, (minx, maxx, miny, maxy)


def site_dates(site_x, site_y, premise_x, premise_y, coverage: pd.DataFrame, max_distance: float,
               feedback=None) -> pd.DataFrame:
    """Per site: the planned THD semester of its nearest premise within `max_distance` (the priority sites' rule,
    core/geometry.py `nearest_within`): `semestre_thd` 'AAAA-Sn', ALREADY_THD, NOT_PLANNED or NO_PREMISES, and
    `motif` (why there is no date), the premise's zone, rip_id, phase_id, technologie and distance."""
    from .geometry import nearest_within

    nearest, distance = nearest_within(np.asarray(site_x, dtype=float), np.asarray(site_y, dtype=float),
                                       np.asarray(premise_x, dtype=float), np.asarray(premise_y, dtype=float),
                                       max_distance, feedback=feedback)
    found = nearest >= 0
    at = np.where(found, nearest, 0)

    def taken(column):  # the nearest premise's value (None when none, or empty)
        if not len(coverage):
            return np.full(len(found), None, dtype=object)
        values = coverage[column].to_numpy(object)[at]
        return np.where(found & pd.notna(values), values, None).astype(object)

    zone, rip, phase, technology = taken("zone"), taken("rip_id"), taken("phase_id"), taken("technologie")
    planned = taken("semestre_prevu")
    already = found & np.where(found, coverage["deja_thd"].fillna(False).astype(bool).to_numpy()[at]
                               if len(coverage) else False, False)
    planned_index = semester_indices(planned)
    dated = found & ~already & (planned_index >= 0)
    # written AAAA-Sn whatever the plan's spelling (« 2017-s1 », « 2017 S1 »): the sheets sort and compare them
    labels = pd.Series(planned_index).map({int(i): semester_label(int(i)) for i in np.unique(planned_index[dated])})
    semester = np.where(~found, NO_PREMISES, np.where(already, ALREADY_THD, np.where(
        dated, labels.to_numpy(object), NOT_PLANNED)))
    upper = pd.Series(technology, dtype=object).fillna("").astype(str).str.strip().str.upper().to_numpy(object)
    kind = np.select(
        [~found, already | dated, zone == "aucun", (zone == "RIP") & pd.isna(phase),
         (zone == "RIP") & ~np.isin(upper, THD_TECHNOLOGIES), zone == "RIP"],
        ["far", "", "none", "no_phase", "not_thd", "no_date"], default="amii")
    frame = pd.DataFrame({"kind": kind, "zone": zone, "rip": rip, "phase": phase, "tech": technology})
    frame = frame[np.isin(kind, ["none", "no_phase", "not_thd", "no_date", "amii"])].fillna("")  # a few sites
    templates = {
        "far": tr("Aucun local à moins de {0} m.").format(f"{max_distance:g}"),
        "none": tr("Local hors de tout projet RIP et de toute commune AMII ou ZTD."),
        "no_phase": tr("Local du projet {rip} dans aucune de ses phases."),
        "not_thd": tr("Phase {phase} en {tech} : elle n'apporte pas le très haut débit."),
        "no_date": tr("Phase {phase} sans semestre de fin valide."),
        "amii": tr("Commune {zone} sans calendrier ni année de fin prévue."),
    }
    distinct = frame.drop_duplicates()  # a few distinct reasons: each written once, then mapped back
    texts = [templates[k].replace("{rip}", str(r)).replace("{phase}", str(p)).replace("{tech}", str(t)).replace(
        "{zone}", str(z)) for k, z, r, p, t in distinct.itertuples(index=False)]
    reason = np.where(kind == "far", templates["far"], None).astype(object)
    if len(frame):
        reason[frame.index.to_numpy()] = frame.merge(distinct.assign(motif=texts), how="left",
                                                     on=list(frame.columns))["motif"].to_numpy(object)
    return pd.DataFrame({
        "semestre_thd": semester.astype(object), "motif": reason,
        "zone": zone, "rip_id": rip, "phase_id": phase, "technologie": technology,
        "distance_m": np.where(found, np.round(distance, 1), np.nan),
    })
