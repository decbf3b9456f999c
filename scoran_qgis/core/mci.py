"""ARCEP « Ma connexion internet »: buildings + eligibility → one premise point per building.

Reads `base_imb_<DEP>.csv(.gz)` (coordinates in EPSG:3857 under `imb_longitude/imb_latitude`
or `imb_x/imb_y`) and `actuel_<DEP>.csv(.gz)` (one row per building × operator × technology),
in chunks, vectorised with pandas/numpy. The best class of a building is the highest class over
the counted technologies; a building with no row is INEL (domain.md §1).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import partial

import numpy as np
import pandas as pd

from . import projection
from .codes import crs_for_departement
from .errors import ScoranError
from .feedback import SilentFeedback, check_canceled
from .i18n import quoted, tr
from .parallel import map_in_order
from .speed_classes import CLASSES, NOMINAL_MBPS, RANK, TECHNOLOGIES, WIRED_TECHNOLOGIES
from .tables import distinct, normalize_insee_series, read_chunks, resolve_columns, sniff, to_number

WEB_MERCATOR = 3857
MERCATOR_LIMIT = 20_048_966.11  # the EPSG:3857 plane's half-height (its half-width is 20 037 508.34)
BASE_REQUIRED = {
    "imb_id": ("imb_id",),
    "x": ("imb_longitude", "imb_x"),
    "y": ("imb_latitude", "imb_y"),
    "code_insee": ("imb_code_insee", "code_insee"),
    "nb_locaux": ("imb_nbr_logloc", "nb_logloc"),
}
BASE_OPTIONAL = {"addr_code": ("addr_code",)}
ELIG_REQUIRED = {
    "imb_id": ("imb_id",),
    "techno": ("code_techno", "techno"),
    "classe": ("classe_debit_descendant", "classe_debit"),
}
ELIG_OPTIONAL = {"operateur": ("code_operateur", "operateur")}

# Technology families reported separately on each premise (whatever TECHNOLOGIES counts).
FAMILIES = {"cu": ("CU",), "coax": ("COAX",), "fo": ("FO",), "radio": ("4GF", "THDR", "WMX"), "sat": ("SAT",)}
_FAMILY_OF = {techno: index for index, techs in enumerate(FAMILIES.values()) for techno in techs}
# When two technologies give the same class, the wired, more durable one is reported.
_TECHNO_PREFERENCE = {"FO": 6, "COAX": 5, "CU": 4, "THDR": 3, "4GF": 2, "WMX": 1, "SAT": 0}
_TECHNO_BY_PREFERENCE = {v: k for k, v in _TECHNO_PREFERENCE.items()}
_THD_RANK = RANK["THD30"]


@dataclass
class ImportReport:
    """Counters for the log: what was read, skipped, tolerated."""

    counts: Counter = field(default_factory=Counter)
    warnings: list = field(default_factory=list)
    unknown_values: dict = field(default_factory=lambda: {"techno": set(), "classe": set()})

    notices: list = field(default_factory=list)  # sniff's warnings (encoding, separator), shown as they come

    def pushWarning(self, message: str) -> None:  # noqa: N802 — a feedback's method: sniff reports here
        self.notices.append(message)

    def merge(self, other: ImportReport, feedback=None) -> None:
        """Add a file's report (made in a worker); its notices go to the feedback now."""
        self.counts.update(other.counts)
        self.warnings.extend(other.warnings)
        for key, values in other.unknown_values.items():
            self.unknown_values[key] |= values
        for message in other.notices:
            (feedback or self).pushWarning(message)

    def lines(self) -> list[str]:
        c = self.counts
        lines = [
            tr("{0} immeuble(s) lus dans {1} fichier(s) base_imb, {2} ligne(s) d'éligibilité dans {3} fichier(s).")
            .format(c["buildings_read"], c["base_files"], c["elig_rows_read"], c["elig_files"]),
        ]
        for key, message in (
            ("degree_coordinates", tr("{0} immeuble(s) aux coordonnées en degrés (longitude, latitude) au lieu "
                                      "de l'EPSG:3857 : converties.")),
            ("absurd_coordinates", tr("{0} immeuble(s) aux coordonnées hors du plan EPSG:3857 (infinies ou "
                                      "démesurées) ignoré(s).")),
            ("no_coordinates", tr("{0} immeuble(s) sans coordonnées ignoré(s).")),
            ("bad_insee", tr("{0} immeuble(s) au code INSEE invalide ignoré(s).")),
            ("insee_repaired", tr("{0} code(s) INSEE complété(s) d'un zéro (lus comme des nombres).")),
            ("bad_nb_locaux", tr("{0} immeuble(s) sans nombre de locaux lisible : comptés pour 0 local.")),
            ("duplicate_buildings", tr("{0} immeuble(s) en double (même imb_id) : seul le premier est gardé.")),
            ("bad_imb_id", tr("{0} ligne(s) à l'imb_id illisible ignorée(s).")),
            ("unknown_buildings", tr("{0} ligne(s) d'éligibilité d'immeubles absents de la base ignorée(s).")),
            ("duplicate_rows", tr("{0} ligne(s) d'éligibilité en double tolérée(s).")),
            ("unknown_classes", tr("{0} ligne(s) à la classe de débit inconnue ignorée(s).")),
            ("unknown_technos", tr("{0} ligne(s) à la technologie inconnue ignorée(s).")),
            ("no_eligibility", tr("{0} immeuble(s) sans aucune ligne d'éligibilité comptée : classés INEL.")),
        ):
            if c[key]:
                lines.append(message.format(c[key]))
        return lines + self.warnings


def read_buildings(paths, report: ImportReport, feedback=None, progress=None, workers=None,
                   target_epsg: int | None = None) -> pd.DataFrame:
    """All buildings of the base files: imb_id, x, y (EPSG:3857), code_insee, nb_locaux, addr_code,
    and px, py: the coordinates projected in `proj_epsg` (`target_epsg`, else the CRS of the file's
    départements when they share one; 0: not projected).

    The files are parsed, cleaned and projected in parallel (`parallel.map_in_order`), merged in
    their order.
    """
    feedback = feedback or SilentFeedback()
    paths = list(paths)
    frames = []
    read_file = partial(_read_base_file, target_epsg=target_epsg)
    for index, (frame, part) in enumerate(map_in_order(read_file, paths, workers, feedback)):
        report.merge(part, feedback)
        frames.append(frame)
        if progress:
            progress((index + 1) / len(paths))
    buildings = pd.concat(frames, ignore_index=True)
    duplicated = buildings["imb_id"].duplicated().to_numpy()
    report.counts["duplicate_buildings"] += int(duplicated.sum())
    return buildings.loc[~duplicated].reset_index(drop=True) if duplicated.any() else buildings


def _read_base_file(path, target_epsg: int | None = None) -> tuple[pd.DataFrame, ImportReport]:
    """One base_imb file, cleaned and projected (in a worker process): its buildings and its own counters."""
    report = ImportReport()
    layout = sniff(path, ";", report)
    mapping = resolve_columns(layout, BASE_REQUIRED, BASE_OPTIONAL)
    report.counts["base_files"] += 1
    frames = []
    for chunk in read_chunks(layout, mapping, text_columns=("addr_code",), code_columns=("code_insee",)):
        report.counts["buildings_read"] += len(chunk)
        frames.append(_clean_buildings(chunk, report))
    if not report.counts["buildings_read"]:
        raise ScoranError(tr("Le fichier {0} ne contient aucun immeuble (en-tête seul).").format(layout.path.name))
    frame = pd.concat(frames, ignore_index=True)
    epsg = target_epsg
    if epsg is None:
        crs = {crs_for_departement(dep) for dep in _departments(frame["code_insee"])[1]}
        epsg = crs.pop() if len(crs) == 1 else 0
    frame["proj_epsg"] = np.int32(epsg)
    if epsg:
        frame["px"], frame["py"] = projection.transform(frame["x"], frame["y"], WEB_MERCATOR, epsg)
    else:
        frame["px"], frame["py"] = np.nan, np.nan
    return frame, report


def _departments(codes: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(position of each row's département among the distinct ones, the distinct départements)."""
    commune_at, communes = distinct(codes)
    deps = np.where(communes.str.startswith("97"), communes.str[:3], communes.str[:2])
    dep_at, dep_names = pd.factorize(deps)
    return dep_at[commune_at], np.asarray(dep_names, dtype=object)


def _mercator_coordinates(x: np.ndarray, y: np.ndarray, report: ImportReport):
    """EPSG:3857 coordinates; degrees (some files give longitude/latitude) converted, absurd values dropped.

    A 3857 point within ±180 m, ±90 m of (0, 0) lies in the Gulf of Guinea: such pairs are degrees.
    Values outside the Mercator plane (inf, 1e12…) are set to NaN and counted with the others.
    """
    degrees = (np.abs(x) <= 180) & (np.abs(y) <= 90)
    if degrees.any():
        report.counts["degree_coordinates"] += int(degrees.sum())
        x, y = x.copy(), y.copy()
        x[degrees], y[degrees] = projection.transform(x[degrees], y[degrees], 4326, WEB_MERCATOR)
    absurd = ~(np.abs(x) <= MERCATOR_LIMIT) | ~(np.abs(y) <= MERCATOR_LIMIT)
    absurd &= ~(np.isnan(x) | np.isnan(y))
    if absurd.any():
        report.counts["absurd_coordinates"] += int(absurd.sum())
        x, y = np.where(absurd, np.nan, x), np.where(absurd, np.nan, y)
    return x, y


def _clean_buildings(chunk: pd.DataFrame, report: ImportReport) -> pd.DataFrame:
    imb_id = to_number(chunk["imb_id"])
    x, y = to_number(chunk["x"]), to_number(chunk["y"])
    x, y = _mercator_coordinates(x, y, report)
    codes, valid_code = normalize_insee_series(chunk["code_insee"])
    written_at, written = distinct(chunk["code_insee"])
    repaired = (codes.to_numpy() != written.to_numpy()[written_at]) & valid_code
    nb = to_number(chunk["nb_locaux"])
    bad_id = np.isnan(imb_id)
    no_xy = ~bad_id & (np.isnan(x) | np.isnan(y))
    bad_code = ~bad_id & ~no_xy & ~valid_code
    keep = ~(bad_id | no_xy | bad_code)
    report.counts["bad_imb_id"] += int(bad_id.sum())
    report.counts["no_coordinates"] += int(no_xy.sum())
    report.counts["bad_insee"] += int(bad_code.sum())
    report.counts["insee_repaired"] += int((repaired & keep).sum())
    unreadable_nb = keep & np.isnan(nb)
    report.counts["bad_nb_locaux"] += int(unreadable_nb.sum())
    return pd.DataFrame({
        "imb_id": imb_id[keep].astype(np.int64),
        "x": x[keep],
        "y": y[keep],
        "code_insee": codes.to_numpy()[keep],
        "nb_locaux": np.nan_to_num(nb[keep], nan=0).clip(min=0).astype(np.int64),
        "addr_code": chunk["addr_code"].to_numpy()[keep] if "addr_code" in chunk else None,
    })


def best_classes(paths, technologies, building_ids: np.ndarray, report: ImportReport, feedback=None,
                 progress=None, workers=None) -> pd.DataFrame:
    """Per building, in the order of `building_ids` (unique): best rank and its technology over
    `technologies`, best rank per family, number of distinct operators offering THD (≥ 30 Mbit/s)
    over `technologies` (NaN where unknown).

    Each file is reduced in a worker process (`_eligibility_file`: maxima per building, distinct
    operators and row hashes); the reductions are merged here in the files' order. A building
    described in two files gets the maximum over both, as if the files were one.
    """
    feedback = feedback or SilentFeedback()
    paths = list(paths)
    sorted_ids = np.sort(building_ids)
    reduce_file = partial(_eligibility_file, counted=np.array([_TECHNO_PREFERENCE.get(t, -1) for t in technologies]),
                          sorted_ids=sorted_ids)
    parts = []
    for index, part in enumerate(map_in_order(reduce_file, paths, workers, feedback)):
        report.merge(part.report, feedback)
        parts.append(part)
        if progress:
            progress((index + 1) / len(paths))
    report.counts["duplicate_rows"] += _duplicate_rows(parts)

    _refuse_unusable_eligibility(report, technologies)
    # merged on arrays indexed like the sorted building ids: a building in two files keeps the max
    best = np.full(len(sorted_ids), -1, dtype=np.int64)
    families = np.full((len(sorted_ids), len(FAMILIES)), -1, dtype=np.int64)
    no_operator = np.zeros(len(sorted_ids), dtype=bool)
    for part in parts:
        best[part.best_at] = np.maximum(best[part.best_at], part.best)
        families[part.families_at] = np.maximum(families[part.families_at], part.families)
        if part.no_operator_at is not None:
            no_operator[part.no_operator_at] = True
    operators = _thd_operators(parts, len(sorted_ids))
    described = (families >= 0).any(axis=1)  # a usable row: in the result, else every field unknown
    counted = best >= 0
    result = pd.DataFrame({
        "rank": np.where(counted, best // 8, np.nan),
        "techno": pd.Series(best % 8).map(_TECHNO_BY_PREFERENCE).where(counted, np.nan).to_numpy(dtype=object),
        **{f"rank_{name}": np.where(families[:, number] >= 0, families[:, number], np.nan)
           for number, name in enumerate(FAMILIES)},
        # unknown, not zero, for buildings described by files without operators
        "nb_operateurs_thd": np.where(described & ~no_operator, operators, np.nan),
    })
    return result.iloc[np.searchsorted(sorted_ids, building_ids)].reset_index(drop=True)


def _duplicate_rows(parts) -> int:
    """Rows written twice or more over all files: each file's own duplicates, then the rows repeated
    across files — which can only be rows of an imb_id found in several files (or unreadable)."""
    within = sum(part.rows - len(part.row_hashes) for part in parts)
    ids, counts = np.unique(np.concatenate([part.row_ids for part in parts]), return_counts=True)
    shared = np.append(ids[counts > 1], -1)
    across = np.concatenate([part.row_hashes[np.isin(part.hash_ids, shared)] for part in parts])
    return int(within + len(across) - len(np.unique(across)))


def _thd_operators(parts, size: int) -> np.ndarray:
    """Distinct operators offering THD per building over all files: each file's count, recounted
    from the operators' names for the buildings found in several files."""
    operators = np.zeros(size, dtype=np.int64)
    with_operators = [part for part in parts if part.thd_at is not None]
    files = np.zeros(size, dtype=np.int64)
    for part in with_operators:
        at, count = np.unique(part.thd_at, return_counts=True)
        operators[at] += count
        files[at] += 1
    shared = files > 1
    if shared.any():
        pairs = pd.concat([pd.DataFrame({"at": part.thd_at, "operateur": part.thd_names[part.thd_codes]})
                           for part in with_operators], ignore_index=True)
        pairs = pairs[shared[pairs["at"].to_numpy()]].drop_duplicates()
        operators[shared] = np.bincount(pairs["at"].to_numpy(), minlength=size)[shared]
    return operators


@dataclass
class _EligibilityPart:
    """One eligibility file reduced (what a worker sends back, small beside the file); `*_at` are
    positions among the sorted building ids."""

    best_at: np.ndarray
    best: np.ndarray  # max(rank * 8 + technology preference) over the counted technologies
    families_at: np.ndarray
    families: np.ndarray  # (n, families): max rank per family, -1 for none
    thd_at: np.ndarray | None  # distinct (building, operator) pairs offering THD; None without the column
    thd_codes: np.ndarray | None  # the operator of each pair, by its position in thd_names
    thd_names: np.ndarray | None
    no_operator_at: np.ndarray | None  # buildings of a file without operators
    rows: int
    row_hashes: np.ndarray  # distinct row hashes (of the file's own rows)
    hash_ids: np.ndarray  # imb_id of the row of each hash (-1 unreadable): rows repeated across files share it
    row_ids: np.ndarray  # the distinct values of hash_ids
    report: ImportReport


def _eligibility_file(path, counted: np.ndarray, sorted_ids: np.ndarray) -> _EligibilityPart:
    """One actuel file reduced per building (in a worker process)."""
    report = ImportReport()
    layout = sniff(path, ";", report)
    mapping = resolve_columns(layout, ELIG_REQUIRED, ELIG_OPTIONAL)
    if "operateur" not in mapping:
        report.warnings.append(tr("{0} : pas de colonne code_operateur (fichier ancien) : nb_operateurs_thd "
                                  "non renseigné pour ses immeubles.").format(layout.path.name))
    report.counts["elig_files"] += 1
    best_parts, family_parts, thd_parts, row_hashes, hash_ids, no_operator_ids = [], [], [], [], [], []
    for chunk in read_chunks(layout, mapping, chunksize=1_000_000, code_columns=("techno", "classe", "operateur")):
        report.counts["elig_rows_read"] += len(chunk)
        row_hashes.append(pd.util.hash_pandas_object(chunk, index=False).to_numpy())
        ids = to_number(chunk["imb_id"])
        readable = ~np.isnan(ids)
        report.counts["bad_imb_id"] += int((~readable).sum())
        ids = np.where(readable, ids, -1).astype(np.int64)
        hash_ids.append(ids)
        position = np.searchsorted(sorted_ids, ids).clip(max=len(sorted_ids) - 1)
        known = readable & (sorted_ids[position] == ids) if len(sorted_ids) else np.zeros(len(ids), bool)
        report.counts["unknown_buildings"] += int((readable & ~known).sum())
        # a handful of distinct codes in millions of rows: normalise the distinct values only
        class_at, classes = distinct(chunk["classe"])
        class_names = classes.str.strip().str.upper()
        rank = pd.Categorical(class_names, categories=CLASSES).codes.astype(np.int64)[class_at]
        report.counts["unknown_classes"] += int((known & (rank < 0)).sum())
        techno_at, technos = distinct(chunk["techno"])
        techno_names = technos.str.strip().str.upper()
        preference = techno_names.map(_TECHNO_PREFERENCE).fillna(-1).to_numpy(dtype=np.int64)[techno_at]
        unknown_techno = known & (preference < 0)
        report.counts["unknown_technos"] += int(unknown_techno.sum())
        if unknown_techno.any():
            report.unknown_values["techno"].update(techno_names.iloc[np.unique(techno_at[unknown_techno])][:20])
        if (known & (rank < 0)).any():
            report.unknown_values["classe"].update(classes.iloc[np.unique(class_at[known & (rank < 0)])][:20])
        usable = known & (rank >= 0) & (preference >= 0)
        is_counted = usable & np.isin(preference, counted)
        # best class and its technology in one max: rank first, then technology preference
        best_parts.append(position[is_counted] * 64 + rank[is_counted] * 8 + preference[is_counted])
        family = techno_names.map(_FAMILY_OF).fillna(-1).to_numpy(dtype=np.int64)[techno_at]
        in_family = usable & (family >= 0)
        family_parts.append((position[in_family] * len(FAMILIES) + family[in_family]) * 8 + rank[in_family])
        if "operateur" in chunk:
            thd = is_counted & (rank >= _THD_RANK)
            thd_parts.append(pd.DataFrame({"at": position[thd],
                                           "operateur": chunk["operateur"][thd].to_numpy(dtype=object)}))
        else:
            no_operator_ids.append(position[known])
    if not report.counts["elig_rows_read"]:
        raise ScoranError(tr("Le fichier {0} ne contient aucune ligne d'éligibilité (en-tête seul).").format(
            layout.path.name))
    best_at, best = _max_per_group(np.concatenate(best_parts), 64)
    cells, family_rank = _max_per_group(np.concatenate(family_parts), 8)  # cell: building × family
    families_at, row = np.unique(cells // len(FAMILIES), return_inverse=True)
    families = np.full((len(families_at), len(FAMILIES)), -1, dtype=np.int64)
    families[row, cells % len(FAMILIES)] = family_rank
    thd = pd.concat(thd_parts, ignore_index=True).drop_duplicates() if thd_parts else None
    thd_codes, thd_names = pd.factorize(thd["operateur"], use_na_sentinel=False) if thd is not None else (None, None)
    hashes, first = np.unique(np.concatenate(row_hashes), return_index=True)
    hash_ids = np.concatenate(hash_ids)
    return _EligibilityPart(
        best_at=best_at, best=best, families_at=families_at, families=families,
        thd_at=None if thd is None else thd["at"].to_numpy(),
        thd_codes=thd_codes, thd_names=None if thd is None else np.asarray(thd_names, dtype=object),
        no_operator_at=np.concatenate(no_operator_ids) if no_operator_ids else None,
        rows=report.counts["elig_rows_read"], row_hashes=hashes, hash_ids=hash_ids[first], row_ids=np.unique(hash_ids),
        report=report,
    )


def _max_per_group(keys: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """(groups, maximum per group) of `keys` = group * size + value, with 0 ≤ value < size: one sort,
    then the last key of each group (no groupby: a few million rows, integers only)."""
    keys = np.sort(keys)
    groups = keys // size
    last = np.append(groups[1:] != groups[:-1], True) if len(keys) else np.zeros(0, dtype=bool)
    return groups[last], keys[last] % size


def _refuse_unusable_eligibility(report: ImportReport, technologies) -> None:
    """No eligibility row describes a building with a known class and technology: every premise would be INEL."""
    c = report.counts
    matched = c["elig_rows_read"] - c["unknown_buildings"] - c["bad_imb_id"]
    if matched <= 0:
        raise ScoranError(tr("Aucune des {0} ligne(s) d'éligibilité ne correspond à un immeuble de la base "
                             "(imb_id) : les fichiers base_imb et actuel sont-ils du même département et de la "
                             "même publication ?").format(c["elig_rows_read"]))
    usable = matched - c["unknown_technos"] - c["unknown_classes"]
    if usable <= 0:
        seen = sorted(report.unknown_values["techno"] | report.unknown_values["classe"])[:10]
        raise ScoranError(tr("Aucune ligne d'éligibilité utilisable : technologies ou classes de débit inconnues "
                             "({0}). Codes attendus : technologies {1} ; classes {2}.").format(
            ", ".join(quoted(v) for v in seen) or "—", ", ".join(TECHNOLOGIES), ", ".join(CLASSES)))


@dataclass
class Premises:
    """The import's result: one row per building, coordinates in `epsg`."""

    frame: pd.DataFrame
    epsg: int
    report: ImportReport


def checked_inputs(base_paths, eligibility_paths, technologies) -> list[str]:
    """The counted technologies, normalised; ScoranError for an unknown one or a missing list of files."""
    technologies = [t.strip().upper() for t in technologies]
    unknown = sorted(set(technologies) - set(TECHNOLOGIES))
    if unknown or not technologies:
        raise ScoranError(tr("Technologies inconnues : {0}. Codes possibles : {1}.").format(
            ", ".join(unknown) or "—", ", ".join(TECHNOLOGIES)))
    if not base_paths:
        raise ScoranError(tr("Aucun fichier base_imb fourni."))
    if not eligibility_paths:
        raise ScoranError(tr("Aucun fichier d'éligibilité (actuel) fourni."))
    return technologies


def import_premises(base_paths, eligibility_paths, technologies=WIRED_TECHNOLOGIES, target_epsg: int | None = None,
                    feedback=None, progress=None, workers: int | None = None) -> Premises:
    """Read, combine and reproject; `progress(step, fraction)` reports the three steps.

    `workers`: processes parsing the files (default: every core this process may use; 1: no worker).
    """
    feedback = feedback or SilentFeedback()
    technologies = checked_inputs(base_paths, eligibility_paths, technologies)
    report = ImportReport()
    step = progress or (lambda name, fraction: None)
    buildings = read_buildings(base_paths, report, feedback, lambda f: step("base", f), workers, target_epsg)
    if buildings.empty:
        c = report.counts
        raise ScoranError(tr("Aucun immeuble utilisable parmi les {0} lu(s) dans les fichiers base_imb : {1} sans "
                             "coordonnées, {2} aux coordonnées hors limites, {3} au code INSEE invalide, {4} à "
                             "l'imb_id illisible.").format(c["buildings_read"], c["no_coordinates"],
                                                           c["absurd_coordinates"], c["bad_insee"], c["bad_imb_id"]))
    classes = best_classes(eligibility_paths, technologies, buildings["imb_id"].to_numpy(), report, feedback,
                           lambda f: step("eligibilite", f), workers)
    check_canceled(feedback)
    frame = pd.concat([buildings, classes], axis=1)
    no_row = frame["rank"].isna().to_numpy()
    report.counts["no_eligibility"] += int(no_row.sum())
    rank = frame["rank"].fillna(0).to_numpy(dtype=np.int64)
    classes_array = np.array(CLASSES, dtype=object)
    frame["classe"] = classes_array[rank]
    frame["debit_mbps"] = np.array([NOMINAL_MBPS[c] for c in CLASSES])[rank]
    frame["rank"] = rank
    for name in FAMILIES:
        family_rank = frame[f"rank_{name}"].to_numpy()
        frame[f"classe_{name}"] = np.where(np.isnan(family_rank), None,
                                           classes_array[np.nan_to_num(family_rank, nan=0).astype(np.int64)])
    dep_at, dep_names = _departments(frame["code_insee"])
    frame["code_dep"] = dep_names[dep_at]

    if target_epsg is None:
        # each territory has its projection: mainland and overseas files are not mixed without a choice
        crs_of = {dep: crs_for_departement(dep) for dep in frame["code_dep"].unique()}
        if len(set(crs_of.values())) > 1:
            raise ScoranError(tr("Les fichiers mêlent des territoires de projections différentes (départements {0}) : "
                                 "importez chaque territoire à part, ou choisissez la projection de sortie.").format(
                ", ".join(sorted(crs_of))))
        target_epsg = next(iter(crs_of.values()))
    step("projection", 0.1)
    # projected in the workers when the file's CRS is the target; the others here
    elsewhere = (frame["proj_epsg"] != target_epsg).to_numpy()
    x, y = frame["px"].to_numpy(copy=True), frame["py"].to_numpy(copy=True)
    if elsewhere.any():
        x[elsewhere], y[elsewhere] = projection.transform(frame["x"].to_numpy()[elsewhere],
                                                          frame["y"].to_numpy()[elsewhere], WEB_MERCATOR, target_epsg)
    frame["x"], frame["y"] = x, y
    frame = frame.drop(columns=["px", "py", "proj_epsg"])
    step("projection", 1.0)
    return Premises(frame, int(target_epsg), report)
