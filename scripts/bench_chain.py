"""One benchmark chain in its own process (so that its peak memory is its own).

    python scripts/bench_chain.py plugin|native|floor|fixed SOURCES_DIR WORK_DIR

Prints one JSON object: the wall time and the peak memory of each step, the counts produced.
`floor` is the least any import + white-zones chain must do with the same files: parse the CSVs
with pandas' C reader, write the points with the plugin's GeoPackage writer, read them back;
`fixed` is the plugin's import + white zones alone (the chain compared with the floor).
Peak memory of a step: the largest proportional set size (PSS) of this process and its worker
processes together, sampled every 50 ms while the step runs.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append("/usr/share/qgis/python/plugins")
TERRITORY = ROOT / "sample_project" / "data" / "territory_bfc.gpkg"
COMMUNES = f"{TERRITORY}|layername=communes"
MAIRIES = f"{TERRITORY}|layername=mairies"  # every town hall of the region (~3,700), not the store's 60 centres
MILLESIME = "2015-S1"
STORE = ROOT / "sample_project" / "scoran_bfc.gpkg"  # `make sample`: the plans (RIP, AMII) of the region
RANK_EXPRESSION = ("CASE WHEN \"code_techno\" NOT IN ('CU','COAX','FO') THEN 0 "
                   + " ".join(f"WHEN \"classe_debit_descendant\" = '{c}' THEN {r}"
                              for r, c in enumerate(("HD05", "HD3", "BHD8", "THD30", "THD100", "THD1G"), start=1))
                   + " ELSE 0 END")


STEP_OF = {  # algorithm of the chain (scoran_qgis/algorithms/chain.py, as `make demo`) → step of the tables
    "scoran:importmci": "import", "scoran:whitezones": "white zones", "scoran:importbpe": "priority sites",
    "scoran:prioritysites": "priority sites", "scoran:thdcoverage": "thd coverage",
    "scoran:whitezoneclearing": "thd coverage",  # the clearing of the white zones by the planned THD (chain.py)
    "scoran:thdtrajectory": "trajectory + finance", "scoran:financialneeds": "trajectory + finance",
    "scoran:mobilewhitezones": "mobile", "scoran:mobiledemand": "mobile demand",
}


def plugin_chain(sources: Path, work: Path, timer, fixed_only: bool = False) -> dict:
    """The chain `make demo` runs (a copy of the sample store), then the semester's deliverables;
    `fixed_only`: import + white zones, the chain the floor is compared with."""
    import shutil
    import sqlite3

    from qgis import processing
    from qgis.core import QgsVectorLayer

    from scoran_qgis.algorithms.chain import steps

    store, out = work / "scoran.gpkg", work / "analyses"
    shutil.copyfile(STORE, store)
    out.mkdir()
    chain = steps(sources, store, out, MILLESIME)
    for algorithm, parameters in chain:  # the mobile step on every town hall, as the native chain
        if algorithm == "scoran:mobilewhitezones":
            parameters["INPUT"] = MAIRIES
    for name in dict.fromkeys(STEP_OF.values()):
        if fixed_only and name not in ("import", "white zones"):
            continue
        with timer(name):
            for algorithm, parameters in chain:
                if STEP_OF[algorithm] == name:
                    processing.run(algorithm, parameters)
    if not fixed_only:
        with timer("deliverables"):
            processing.run("scoran:deliverables", {"STORE": str(store), "MILLESIME": MILLESIME, "ANALYSES": str(out),
                                                   "OUTPUT": str(work / "livrables")})
    with sqlite3.connect(out / "zones_blanches_carreaux.gpkg") as connection:
        zones = connection.execute("SELECT count(*) FROM zones_blanches_carreaux").fetchone()[0]
    communes = QgsVectorLayer(str(out / "zones_blanches_communes.gpkg"))
    return {"white_communes": sum(1 for f in communes.getFeatures() if f["zone_blanche"]), "white_cell_zones": zones}


def floor_chain(sources: Path, work: Path, timer) -> dict:
    """Parse both CSV sets (pandas' C reader), write the points as the import does, read them back."""
    import numpy as np
    import pandas as pd

    from scoran_qgis.core import gpkg

    arcep = sources / "arcep"
    with timer("parse"):
        base = pd.concat([pd.read_csv(p, sep=";", usecols=["imb_id", "imb_longitude", "imb_latitude",
                                                          "imb_code_insee", "imb_nbr_logloc", "addr_code"],
                                      dtype={"imb_code_insee": str, "addr_code": str})
                          for p in sorted(arcep.glob("base_imb_*.csv.gz"))], ignore_index=True)
        eligibility = [pd.read_csv(p, sep=";", usecols=["imb_id", "code_operateur", "code_techno",
                                                         "classe_debit_descendant"],
                                   dtype={"code_operateur": str, "code_techno": str, "classe_debit_descendant": str})
                       for p in sorted(arcep.glob("actuel_*.csv.gz"))]
        rows = sum(len(frame) for frame in eligibility)
        del eligibility
    base = base.dropna(subset=["imb_longitude", "imb_latitude"])
    text = base["imb_code_insee"].to_numpy(dtype=object)
    with timer("write"):  # the import's 16 columns, filled with values of the same kinds
        columns = {"imb_id": ("TEXT", base["imb_id"].astype(str).to_numpy(dtype=object)),
                   "code_insee": ("TEXT", text), "code_dep": ("TEXT", text),
                   "nb_locaux": ("MEDIUMINT", base["imb_nbr_logloc"].to_numpy()),
                   "classe": ("TEXT", text), "debit_mbps": ("REAL", base["imb_nbr_logloc"].to_numpy(dtype=float)),
                   "techno": ("TEXT", text), "addr_code": ("TEXT", base["addr_code"].to_numpy(dtype=object)),
                   **{f"classe_{name}": ("TEXT", text) for name in ("cu", "coax", "fo", "radio", "sat")},
                   "nb_operateurs_thd": ("MEDIUMINT", np.zeros(len(base), dtype=np.int64))}
        gpkg.write_points(work / "floor.gpkg", "locaux", columns, base["imb_longitude"].to_numpy(),
                          base["imb_latitude"].to_numpy(), 3857)
    with timer("read"):
        gpkg.read_points(work / "floor.gpkg", "locaux", ["code_insee", "nb_locaux", "debit_mbps"])
    return {"buildings": len(base), "eligibility_rows": rows}


def native(name: str) -> str:
    """`native:name`, or its older `qgis:name` (Python) implementation on QGIS 3.22."""
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    return next(f"{p}:{name}" for p in ("native", "qgis") if registry.algorithmById(f"{p}:{name}") is not None)


def native_chain(sources: Path, work: Path, timer) -> dict:
    """What an officer builds with core QGIS algorithms on the same files (CSV decompressed first)."""
    import gzip
    import shutil

    from qgis import processing

    plain = work / "csv"
    plain.mkdir(exist_ok=True)
    for path in sorted((sources / "arcep").glob("*.csv.gz")):
        with gzip.open(path, "rb") as src, open(plain / path.name[:-3], "wb") as dst:
            shutil.copyfileobj(src, dst)
    bases = sorted(plain.glob("base_imb_*.csv"))
    eligibility = sorted(plain.glob("actuel_*.csv"))

    from qgis.core import QgsVectorLayer

    def csv_uri(path, geometry=True):
        options = "type=csv&delimiter=;&detectTypes=yes&geomType=none" if not geometry else (
            "type=csv&delimiter=;&detectTypes=yes&xField=imb_longitude&yField=imb_latitude&crs=EPSG:3857")
        return QgsVectorLayer(f"file://{path}?{options}", path.stem, "delimitedtext")

    with timer("import"):
        points = processing.run(native("mergevectorlayers"), {
            "LAYERS": [csv_uri(p) for p in bases], "CRS": "EPSG:3857", "OUTPUT": str(work / "points.gpkg")})["OUTPUT"]
        points = processing.run(native("extractbyexpression"), {  # rows published without coordinates
            "INPUT": points, "EXPRESSION": "\"imb_longitude\" IS NOT NULL AND \"imb_latitude\" IS NOT NULL",
            "OUTPUT": str(work / "points_xy.gpkg")})["OUTPUT"]
        points = processing.run(native("reprojectlayer"), {
            "INPUT": points, "TARGET_CRS": "EPSG:2154", "OUTPUT": str(work / "points_l93.gpkg")})["OUTPUT"]
        table = processing.run(native("mergevectorlayers"), {
            "LAYERS": [csv_uri(p, False) for p in eligibility], "OUTPUT": str(work / "elig.gpkg")})["OUTPUT"]
        ranked = processing.run(native("fieldcalculator"), {
            "INPUT": table, "FIELD_NAME": "rang", "FIELD_TYPE": 1, "FORMULA": RANK_EXPRESSION,
            "OUTPUT": str(work / "elig_rang.gpkg")})["OUTPUT"]
        # "Statistics by categories" (max per building): native:aggregate takes more than 10 min on 460 k rows.
        best = processing.run(native("statisticsbycategories"), {
            "INPUT": ranked, "VALUES_FIELD_NAME": "rang", "CATEGORIES_FIELD_NAME": ["imb_id"],
            "OUTPUT": str(work / "best.gpkg")})["OUTPUT"]
        premises = processing.run(native("joinattributestable"), {
            "INPUT": points, "FIELD": "imb_id", "INPUT_2": best, "FIELD_2": "imb_id", "FIELDS_TO_COPY": ["max"],
            "METHOD": 1, "PREFIX": "", "OUTPUT": str(work / "premises.gpkg")})["OUTPUT"]
        premises = processing.run(native("fieldcalculator"), {
            "INPUT": premises, "FIELD_NAME": "sous_seuil", "FIELD_TYPE": 1,
            "FORMULA": "if(coalesce(\"max\", 0) < 2, \"imb_nbr_logloc\", 0)",
            "OUTPUT": str(work / "premises2.gpkg")})["OUTPUT"]
    with timer("white zones"):
        processing.run(native("joinbylocationsummary"), {
            "INPUT": COMMUNES, "JOIN": premises, "PREDICATE": [0], "JOIN_FIELDS": ["imb_nbr_logloc", "sous_seuil"],
            "SUMMARIES": [5], "DISCARD_NONMATCHING": False, "OUTPUT": str(work / "communes.gpkg")})
        in_laea = processing.run(native("reprojectlayer"), {
            "INPUT": premises, "TARGET_CRS": "EPSG:3035", "OUTPUT": str(work / "premises_laea.gpkg")})["OUTPUT"]
        cells = processing.run(native("fieldcalculator"), {
            "INPUT": in_laea, "FIELD_NAME": "carreau", "FIELD_TYPE": 2, "FIELD_LENGTH": 40,
            "FORMULA": "concat(floor($x / 200), '_', floor($y / 200))", "OUTPUT": str(work / "cells.gpkg")})["OUTPUT"]
        # per-cell sums with "Statistics by categories": native:aggregate runs for hours on these volumes
        sums = {}
        for field in ("imb_nbr_logloc", "sous_seuil"):
            sums[field] = processing.run(native("statisticsbycategories"), {
                "INPUT": cells, "VALUES_FIELD_NAME": field, "CATEGORIES_FIELD_NAME": ["carreau"],
                "OUTPUT": str(work / f"sum_{field}.gpkg")})["OUTPUT"]
        per_cell = processing.run(native("joinattributestable"), {
            "INPUT": sums["imb_nbr_logloc"], "FIELD": "carreau", "INPUT_2": sums["sous_seuil"], "FIELD_2": "carreau",
            "FIELDS_TO_COPY": ["sum"], "METHOD": 1, "PREFIX": "below_",
            "OUTPUT": str(work / "per_cell.gpkg")})["OUTPUT"]
        white = processing.run(native("extractbyexpression"), {
            "INPUT": per_cell, "EXPRESSION": "\"below_sum\" * 100 >= 50 * \"sum\"",
            "OUTPUT": str(work / "white.gpkg")})["OUTPUT"]
        squares = processing.run(native("geometrybyexpression"), {
            "INPUT": white, "OUTPUT_GEOMETRY": 0, "WITH_Z": False, "WITH_M": False,
            "EXPRESSION": "bounds(make_line(make_point(to_int(array_get(string_to_array(\"carreau\", '_'), 0)) * 200,"
                          " to_int(array_get(string_to_array(\"carreau\", '_'), 1)) * 200),"
                          " make_point(to_int(array_get(string_to_array(\"carreau\", '_'), 0)) * 200 + 200,"
                          " to_int(array_get(string_to_array(\"carreau\", '_'), 1)) * 200 + 200)))",
            "OUTPUT": str(work / "squares.gpkg")})["OUTPUT"]
        processing.run(native("dissolve"), {"INPUT": squares, "FIELD": [], "OUTPUT": str(work / "dissolved.gpkg")})
    with timer("priority sites"):
        sites = processing.run(native("createpointslayerfromtable"), {
            "INPUT": QgsVectorLayer(f"file://{sources / 'insee' / 'bpe_equipements.csv'}?type=csv&delimiter=;"
                                    "&detectTypes=no&geomType=none", "bpe", "delimitedtext"),
            "XFIELD": "LAMBERT_X", "YFIELD": "LAMBERT_Y", "TARGET_CRS": "EPSG:2154",
            "OUTPUT": str(work / "sites.gpkg")})["OUTPUT"]
        processing.run(native("joinbynearest"), {
            "INPUT": sites, "INPUT_2": premises, "FIELDS_TO_COPY": ["max"], "DISCARD_NONMATCHING": False,
            "PREFIX": "", "NEIGHBORS": 1, "MAX_DISTANCE": 100, "OUTPUT": str(work / "ps.gpkg")})
    with timer("thd coverage"):
        in_phase = processing.run(native("joinattributesbylocation"), {
            "INPUT": premises, "JOIN": f"{STORE}|layername=rip_phases", "PREDICATE": [0],
            "JOIN_FIELDS": ["phase_id", "rip_id", "technologie", "semestre_fin"], "METHOD": 1,
            "DISCARD_NONMATCHING": False, "PREFIX": "", "OUTPUT": str(work / "in_phase.gpkg")})["OUTPUT"]
        with_amii = processing.run(native("joinattributestable"), {
            "INPUT": in_phase, "FIELD": "imb_code_insee", "INPUT_2": f"{STORE}|layername=amii_communes",
            "FIELD_2": "insee_com", "FIELDS_TO_COPY": ["zone", "annee_fin_prevue"], "METHOD": 1, "PREFIX": "amii_",
            "OUTPUT": str(work / "with_amii.gpkg")})["OUTPUT"]
        zoned = processing.run(native("fieldcalculator"), {
            "INPUT": with_amii, "FIELD_NAME": "zone_semestre", "FIELD_TYPE": 2, "FIELD_LENGTH": 30,
            "FORMULA": "CASE WHEN coalesce(\"max\", 0) >= 4 THEN 'deja_thd' WHEN \"amii_zone\" IS NOT NULL "
                       "THEN 'AMII ' || \"amii_annee_fin_prevue\" WHEN \"phase_id\" IS NOT NULL THEN 'RIP ' || "
                       "\"semestre_fin\" ELSE 'aucun' END", "OUTPUT": str(work / "zoned.gpkg")})["OUTPUT"]
        processing.run(native("statisticsbycategories"), {
            "INPUT": zoned, "VALUES_FIELD_NAME": "imb_nbr_logloc", "CATEGORIES_FIELD_NAME": ["zone_semestre"],
            "OUTPUT": str(work / "per_semester.gpkg")})
    with timer("mobile"):
        discs = processing.run(native("buffer"), {
            "INPUT": MAIRIES, "DISTANCE": 500, "SEGMENTS": 16, "END_CAP_STYLE": 0, "JOIN_STYLE": 0,
            "MITER_LIMIT": 2, "DISSOLVE": False, "OUTPUT": str(work / "discs.gpkg")})["OUTPUT"]
        for index, path in enumerate(sorted((sources / "mobile").glob("*.gpkg"))):
            good = processing.run(native("extractbyexpression"), {
                "INPUT": str(path), "EXPRESSION": "\"niveau\" IN ('TBC', 'BC')",
                "OUTPUT": str(work / f"good_{index}.gpkg")})["OUTPUT"]
            pieces = processing.run(native("intersection"), {
                "INPUT": discs, "OVERLAY": good, "INPUT_FIELDS": ["insee_com"], "OVERLAY_FIELDS": ["techno"],
                "OUTPUT": str(work / f"pieces_{index}.gpkg")})["OUTPUT"]
            with_area = processing.run(native("fieldcalculator"), {
                "INPUT": pieces, "FIELD_NAME": "surface", "FIELD_TYPE": 0, "FORMULA": "$area",
                "OUTPUT": str(work / f"area_{index}.gpkg")})["OUTPUT"]
            processing.run(native("statisticsbycategories"), {
                "INPUT": with_area, "VALUES_FIELD_NAME": "surface", "CATEGORIES_FIELD_NAME": ["insee_com"],
                "OUTPUT": str(work / f"share_{index}.gpkg")})
    return {}


def main() -> int:
    chain, sources, work = sys.argv[1], Path(sys.argv[2]).resolve(), Path(sys.argv[3]).resolve()
    work.mkdir(parents=True, exist_ok=True)
    os.chdir(work)  # stray temporary files of native algorithms land here, not in the repository
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from scoran_qgis.algorithms.provider import ScoranProvider

    provider = ScoranProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    times, peaks = {}, {}
    sampler = MemorySampler()

    class timer:  # noqa: N801 — used as a context manager
        def __init__(self, name):
            self.name = name

        def __enter__(self):
            sampler.reset()
            self.start = time.perf_counter()

        def __exit__(self, *exc):
            times[self.name] = round(time.perf_counter() - self.start, 2)
            peaks[self.name] = round(sampler.peak() / 1024 ** 3, 2)
            print(f"{chain} {self.name}: {times[self.name]} s, {peaks[self.name]} GB", file=sys.stderr, flush=True)

    chains = {"plugin": plugin_chain, "native": native_chain, "floor": floor_chain,
              "fixed": lambda *args: plugin_chain(*args, fixed_only=True)}
    extra = chains[chain](sources, work, timer)
    sampler.stop()
    peak_gb = max([resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 ** 2, *peaks.values()])
    print(json.dumps({"chain": chain, "times": times, "peaks_gb": peaks, "peak_gb": round(peak_gb, 2), **extra}))
    return 0


class MemorySampler:
    """The largest PSS of this process and its descendants (worker processes) since the last reset."""

    def __init__(self, interval: float = 0.05):
        self._peak, self._stop = 0, threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)
        self._thread.start()

    def reset(self) -> None:
        self._peak = self._sample()

    def peak(self) -> int:
        self._peak = max(self._peak, self._sample())
        return self._peak

    def stop(self) -> None:
        self._stop.set()

    def _run(self, interval: float) -> None:
        while not self._stop.wait(interval):
            self._peak = max(self._peak, self._sample())

    @staticmethod
    def _sample() -> int:
        total, pending = 0, [os.getpid()]
        while pending:
            pid = pending.pop()
            try:
                with open(f"/proc/{pid}/smaps_rollup") as rollup:
                    total += next(int(line.split()[1]) * 1024 for line in rollup if line.startswith("Pss:"))
                with open(f"/proc/{pid}/task/{pid}/children") as children:
                    pending += [int(child) for child in children.read().split()]
            except (OSError, StopIteration, ValueError):  # a worker that just ended
                continue
        return total


if __name__ == "__main__":
    sys.exit(main())
