"""`make bench-national`: the ARCEP import and the white zones on PostGIS at national scale, measured.

    .venv/bin/python scripts/bench_national.py [--regions 5] [--skip-gpkg] [--keep] [--no-write]
        [--markdown docs/benchmarks.md] [--from-json RESULTS.json]

1. Generates (once) the multi-region synthetic set in the real ARCEP formats
   (sample_project/generate_national.py: N copies of the full Bourgogne-Franche-Comté set as other regions).
2. Starts a throw-away PostgreSQL/PostGIS cluster (tests/pg_server.py's PgServer, stock durability settings:
   fsync, full_page_writes and synchronous_commit back on), one database per run.
3. Runs scoran_qgis.core.mci_postgis.import_to_postgis on the national set in a child process with 2 workers
   (SCORAN_WORKERS=2), sampling every 0.5 s the proportional set size (PSS, /proc/<pid>/smaps_rollup: shared
   buffers counted once, not once per backend) of the child's process tree and of the server's processes; the
   peak of their sum is the run's peak memory.
4. The full region (1.1 M buildings) side by side: the GeoPackage path (`scoran:importmci` then
   `scoran:whitezones`, scripts/bench_chain.py's `fixed` chain, QGIS in a child process) and the same API on
   PostGIS.
5. Prints the section « National run on PostGIS » and writes it into docs/benchmarks.md between the markers
   <!-- bench-national --> and <!-- /bench-national --> (replaced when present, appended otherwise); the raw
   figures go to out/bench_national.json (`--from-json` renders them again without running anything).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "sample_project"))
sys.path.insert(0, str(ROOT / "scripts"))

BEGIN, END = "<!-- bench-national -->", "<!-- /bench-national -->"
COUNTRY_BUILDINGS = 27_800_000  # issue 14: the whole country
COUNTRY_ROWS = 440_000_000
GOAL_MINUTES = 30.0
GOAL_GB = 4.0
SAMPLE_SECONDS = 0.5
RESULTS = ROOT / "out" / "bench_national.json"
# Settings shown in the report (the cluster's own values, read back from the server).
SHOWN_SETTINGS = ("shared_buffers", "work_mem", "maintenance_work_mem", "max_wal_size", "fsync",
                  "synchronous_commit", "full_page_writes", "max_parallel_workers_per_gather")


# --- memory ----------------------------------------------------------------------------------------------------
def pss(pid: int) -> int:
    """Proportional set size of one process in bytes (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def process_tree(pid: int) -> list[int]:
    """`pid` and all its descendants (children of every thread)."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{current}/task/{task}/children") as children:
                    pending += [int(child) for child in children.read().split()]
            except (OSError, ValueError):
                continue
    return found


class Sampler:
    """Every `interval` s: the PSS of the process trees of `roots` (a child, the postmaster), summed; the peak."""

    def __init__(self, roots: dict, interval: float = SAMPLE_SECONDS):
        self.roots = {name: pid for name, pid in roots.items() if pid}
        self.peak = 0
        self.peak_parts = {name: 0 for name in self.roots}  # each tree at the moment of the peak of the sum
        self.max_parts = {name: 0 for name in self.roots}  # each tree's own peak
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)

    def __enter__(self):
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _run(self, interval: float) -> None:
        while not self._stop.wait(interval):
            self._sample()

    def _sample(self) -> None:
        parts = {name: sum(pss(pid) for pid in process_tree(root)) for name, root in self.roots.items()}
        self.samples += 1
        self.max_parts = {name: max(self.max_parts[name], value) for name, value in parts.items()}
        if sum(parts.values()) > self.peak:
            self.peak, self.peak_parts = sum(parts.values()), parts


def run_sampled(command: list, env: dict, roots: dict, timeout: float, log_prefix: str) -> tuple:
    """Run `command`, echoing its stderr, with its tree (and `roots`) sampled; (returncode, stdout, sampler, s)."""
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             cwd=str(ROOT))
    out_lines = []
    reader = threading.Thread(target=lambda: out_lines.extend(child.stdout), daemon=True)
    reader.start()
    with Sampler({"client": child.pid, **roots}) as sampler:
        def echo():
            for line in child.stderr:
                print(f"  {log_prefix} | {line.rstrip()}", flush=True)
        echoer = threading.Thread(target=echo, daemon=True)
        echoer.start()
        try:
            child.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        echoer.join(timeout=5)
    reader.join(timeout=5)
    return child.returncode, "".join(out_lines), sampler, time.perf_counter() - started


# --- the runs --------------------------------------------------------------------------------------------------
def child_postgis(spec_path: Path) -> int:
    """In the child process: the lead's API on one set of files; prints one JSON object."""
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    from scoran_qgis.core.mci_postgis import import_to_postgis

    said = set()

    def progress(step, fraction=None, *rest):  # a line per step and tenth, not per file
        key = (step, int(float(fraction or 0) * 10))
        if key not in said:
            said.add(key)
            print(f"progression : {step} {float(fraction or 0):.0%}", file=sys.stderr, flush=True)

    began = time.perf_counter()
    run = import_to_postgis(spec["dsn"], spec["base"], spec["eligibility"], schema=spec["schema"],
                            workers=spec["workers"], progress=progress)
    wall = time.perf_counter() - began
    summary = getattr(run, "summary", None)
    total = {}
    if summary is not None and len(summary):
        row = summary.iloc[-1]
        total = {key: (value.item() if hasattr(value, "item") else value) for key, value in row.items()}
    report = getattr(run, "report", None)
    print(json.dumps({"timings": {k: round(float(v), 2) for k, v in run.timings.items()},
                      "counts": {k: (v.item() if hasattr(v, "item") else v) for k, v in run.counts.items()},
                      "summary_total": total, "wall_s": round(wall, 2),
                      "report": report.lines() if report is not None and hasattr(report, "lines") else []},
                     default=str))
    return 0


def postmaster_pid(server) -> int:
    try:
        return int((server.data / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 0


def run_postgis(server, name: str, base: list, eligibility: list, workers: int, timeout: float) -> dict:
    """import_to_postgis in a child process on a fresh database; timings, counts, peak memory."""
    server.drop_database(name)
    dsn = server.create_database(name)
    server.execute(name, "CHECKPOINT")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as spec:
        json.dump({"dsn": dsn, "base": [str(p) for p in base], "eligibility": [str(p) for p in eligibility],
                   "schema": "scoran_mci", "workers": workers}, spec)
    env = dict(os.environ, SCORAN_WORKERS=str(workers), PYTHONPATH=str(ROOT))
    load = round(os.getloadavg()[0], 2)  # another job on the machine would slow the run: said in the report
    print(f"PostGIS ({name}) : {len(base)} + {len(eligibility)} fichiers, {workers} processus (charge {load})…",
          flush=True)
    try:
        code, out, sampler, seconds = run_sampled(
            [sys.executable, __file__, "--child-postgis", spec.name], env,
            {"server": postmaster_pid(server)}, timeout, name)
    finally:
        os.unlink(spec.name)
    lines = [line for line in out.splitlines() if line.startswith("{")]
    result = {"run_s": round(seconds, 2), "load_before": load, "peak_gb": round(sampler.peak / 1024 ** 3, 2),
              "peak_parts_gb": {k: round(v / 1024 ** 3, 2) for k, v in sampler.peak_parts.items()},
              "max_parts_gb": {k: round(v / 1024 ** 3, 2) for k, v in sampler.max_parts.items()},
              "samples": sampler.samples}
    if code != 0 or not lines:
        result["error"] = f"exit code {code}" + (" (timeout)" if seconds >= timeout else "")
        print(f"PostGIS ({name}) : ÉCHEC {result['error']}", flush=True)
        return result
    result.update(json.loads(lines[-1]))
    # the call's wall time: its steps' timings and what follows the last one (dropping the staging tables)
    result["total_s"] = max(result["wall_s"], round(sum(result["timings"].values()), 2))
    result["database_gb"] = round(int(server.execute(name, f"SELECT pg_database_size('{name}')")) / 1024 ** 3, 2)
    print(f"PostGIS ({name}) : {result['total_s']} s, pic {result['peak_gb']} Go {result['peak_parts_gb']}",
          flush=True)
    return result


def run_gpkg(sources: Path, timeout: float) -> dict:
    """scripts/bench_chain.py's `fixed` chain (importmci + whitezones into a GeoPackage) with its tree sampled."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory(prefix="scoran-bench-national-") as work:
        load = round(os.getloadavg()[0], 2)
        print(f"GeoPackage : scoran:importmci + scoran:whitezones (région complète, charge {load})…", flush=True)
        code, out, sampler, seconds = run_sampled(
            [sys.executable, str(ROOT / "scripts" / "bench_chain.py"), "fixed", str(sources), str(Path(work) / "gpkg")],
            env, {}, timeout, "gpkg")
    lines = [line for line in out.splitlines() if line.startswith("{")]
    result = {"run_s": round(seconds, 2), "load_before": load, "samples": sampler.samples}
    if code != 0 or not lines:
        result["error"] = f"exit code {code}"
        print(f"GeoPackage : ÉCHEC {result['error']}", flush=True)
        return result
    chain = json.loads(lines[-1])
    # bench_chain samples its own tree every 50 ms; ours every 0.5 s: the larger of the two
    result.update(timings=chain["times"], peak_gb=round(max(sampler.peak / 1024 ** 3, chain["peak_gb"]), 2),
                  white_communes=chain.get("white_communes"), white_cell_zones=chain.get("white_cell_zones"))
    result["total_s"] = round(sum(chain["times"].values()), 2)
    print(f"GeoPackage : {result['total_s']} s, pic {result['peak_gb']} Go", flush=True)
    return result


def start_server(durable: bool, settings: list = ()):
    """PgServer's throw-away cluster; `durable`: restarted without its test-only options (fsync=off…), so with
    PostgreSQL's stock settings (a command-line option wins over ALTER SYSTEM: a restart is needed);
    `settings`: KEY=VALUE server settings on top (work_mem=64MB…)."""
    from tests.pg_server import PgServer

    server = PgServer().start()
    if durable or settings:
        options = f"-p {server.port} -k {server.root} -c listen_addresses=127.0.0.1 -c max_connections=50"
        if not durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        for setting in settings:
            key, _, value = setting.partition("=")
            if not key.replace("_", "").isalnum() or not value or any(c in value for c in " '\"\\"):
                raise SystemExit(f"--setting {setting!r} : attendu CLÉ=VALEUR (sans espace ni guillemet)")
            options += f" -c {key}={value}"
        server._run("pg_ctl", "-D", str(server.data), "-l", str(server.log), "-w", "-t", "120", "-m", "fast",
                    "-o", options, "restart")
    return server


def machine(server, settings: list = ()) -> dict:
    info = {"cores": os.cpu_count(), "python": platform.python_version(), "machine": platform.machine(),
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    try:
        with open("/proc/meminfo") as meminfo:
            info["ram_gb"] = round(int(meminfo.readline().split()[1]) / 1024 ** 2, 1)
        with open("/proc/cpuinfo") as cpuinfo:
            info["cpu"] = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")),
                               "?")
    except OSError:
        pass
    try:
        from bench import qgis_version

        info["qgis"] = qgis_version()
    except ImportError:
        info["qgis"] = "?"
    if server is not None:
        info["postgresql"] = server.version
        info["postgis"] = server.postgis_version
        keys = dict.fromkeys([*SHOWN_SETTINGS, *(setting.partition("=")[0] for setting in settings)])
        info["settings"] = {key: server.execute("postgres", f"SHOW {key}") for key in keys}
    return info


# --- the report ------------------------------------------------------------------------------------------------
def number(value) -> str:
    return f"{value:,.0f}".replace(",", " ") if isinstance(value, (int, float)) else str(value)


# import_to_postgis's steps (its `timings`) that `scoran:importmci` does on the GeoPackage path; the others
# (communes, cells, zones, writing the white-zone tables) are `scoran:whitezones`'s work.
IMPORT_STEPS = ("chargement", "immeubles", "eligibilite", "meilleure_classe")
# the steps whose work grows with the eligibility rows (reading, sending and reducing the actuel files); every
# other step works per building, per commune or per cell
ROW_STEPS = ("eligibilite",)


def split_steps(timings: dict) -> tuple:
    """(import s, white zones s) of the API's timings."""
    imported = sum(v for k, v in timings.items() if k in IMPORT_STEPS)
    return round(imported, 2), round(sum(timings.values()) - imported, 2)


def render(results: dict) -> str:
    info, data = results["machine"], results["data"]
    national = results.get("national", {})
    lines = [BEGIN, "## National run on PostGIS", ""]
    settings = ", ".join(f"{k}={v}" for k, v in info.get("settings", {}).items())
    durable = info.get("settings", {}).get("fsync") == "on"
    given = results.get("settings_given") or []
    lines += [
        f"`make bench-national` (scripts/bench_national.py), run on {info['date']}. Machine: {info['machine']}, "
        f"{info['cores']} cores ({info.get('cpu', '?')}), {info.get('ram_gb', '?')} GB RAM, PostgreSQL "
        f"{info.get('postgresql', '?')} / PostGIS {info.get('postgis', '?')} (a throw-away cluster of "
        f"tests/pg_server.py on the same machine, "
        f"{'durability back on' if durable else 'test settings, NO durability'}, "
        f"{'stock settings but ' + ', '.join(given) if given else 'stock settings'}"
        f": {settings}), Python {info['python']}, "
        f"QGIS {info.get('qgis', '?')}. The client runs `scoran_qgis.core.mci_postgis.import_to_postgis` in a "
        f"process of its own with {results['workers']} workers (`SCORAN_WORKERS={results['workers']}`); peak "
        "memory is the largest sum, sampled every 0.5 s, of the proportional set size (PSS: shared buffers "
        "counted once, not once per backend) of the client's process tree and of every server process.",
        "",
        "### Data",
        "",
        f"{len(data['regions'])} synthetic regions in the real ARCEP formats (`base_imb_<DEP>.csv.gz`, "
        "`actuel_<DEP>.csv.gz`): sample_project/generate_national.py copies the full Bourgogne-Franche-Comté "
        "sample (sample_project/generate.py --size full) onto 8 real départements of each region (INSEE codes, "
        "imb_id and coordinates moved, every other column as generated; gzip level 1).",
        "",
        "| region | départements | buildings | premises | eligibility rows | files (MB) |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for region in data["regions"]:
        c = region["counts"]
        lines.append(f"| {region['region']} | {', '.join(sorted(region['departements'].values()))} | "
                     f"{number(c['buildings'])} | {number(c['premises'])} | {number(c['eligibility_rows'])} | "
                     f"{number(c['bytes'] / 1e6)} |")
    total = data["counts"]
    lines += [f"| **all** | {total['departements']} | **{number(total['buildings'])}** | "
              f"{number(total['premises'])} | **{number(total['eligibility_rows'])}** | "
              f"{number(total['bytes'] / 1e6)} |", ""]
    if not national or "timings" not in national:
        lines += [f"National run: **failed** ({national.get('error', 'not run')}).", "", END]
        return "\n".join(lines) + "\n"

    seconds = national["total_s"]
    steps = dict(national["timings"])
    rest = seconds - sum(steps.values())
    if rest >= 0.05:
        steps["(after the last step: staging tables dropped)"] = rest
    lines += ["### Time per step", "", "Steps of `import_to_postgis` (its `timings`); the total is the call's wall "
              "time.", "", "| step | s | share |", "|---|---:|---:|"]
    for step, value in steps.items():
        lines.append(f"| {step} | {value:.1f} | {100 * value / max(seconds, 1e-9):.0f} % |")
    rows_s = total["eligibility_rows"] / seconds
    buildings_s = total["buildings"] / seconds
    parts = national.get("peak_parts_gb", {})
    lines += [
        f"| **total** | **{seconds:.1f}** | 100 % |", "",
        f"Total {seconds:.1f} s ({seconds / 60:.1f} min; the child process ran {national['run_s']:.1f} s with "
        f"Python's start and the imports); **{number(rows_s)} eligibility rows/s**, **{number(buildings_s)} "
        f"buildings/s**; peak memory **{national['peak_gb']:.2f} GB** (client {parts.get('client', 0):.2f} GB + "
        f"server {parts.get('server', 0):.2f} GB at that moment; each alone peaked at "
        f"{national.get('max_parts_gb', {}).get('client', 0):.2f} GB and "
        f"{national.get('max_parts_gb', {}).get('server', 0):.2f} GB); database size after the run "
        f"{national.get('database_gb', '?')} GB; load average (1 min) just before the run "
        f"{national.get('load_before', '?')} on {info['cores']} cores.",
        "",
    ]
    counts = national.get("counts", {})
    if counts:
        lines += ["Counts returned by the run: " + ", ".join(f"{k} {number(v)}" for k, v in counts.items()) + ".",
                  ""]
    by_rows = seconds * COUNTRY_ROWS / total["eligibility_rows"]
    by_buildings = seconds * COUNTRY_BUILDINGS / total["buildings"]
    row_seconds = sum(v for k, v in national["timings"].items() if k in ROW_STEPS)
    per_step = (row_seconds * COUNTRY_ROWS / total["eligibility_rows"]
                + (seconds - row_seconds) * COUNTRY_BUILDINGS / total["buildings"])
    worst = per_step if row_seconds else max(by_rows, by_buildings)
    time_ok = worst <= GOAL_MINUTES * 60
    memory_ok = national["peak_gb"] <= GOAL_GB
    mark = {True: "✓", False: "✗"}
    lines += [
        "### Linear extrapolation to the whole country",
        "",
        f"The whole country: ~{COUNTRY_BUILDINGS / 1e6:.1f} M buildings, ~{COUNTRY_ROWS / 1e6:.0f} M eligibility "
        f"rows (issue 14). This set: {total['buildings'] / 1e6:.2f} M buildings, "
        f"{total['eligibility_rows'] / 1e6:.1f} M rows (the synthetic set has "
        f"{total['eligibility_rows'] / total['buildings']:.1f} rows per building, the country "
        f"{COUNTRY_ROWS / COUNTRY_BUILDINGS:.1f}). Each step is scaled by what its work grows with: the "
        f"eligibility step ({', '.join(ROW_STEPS)}: reading, sending and reducing the actuel files, "
        f"{row_seconds:.1f} s) by the eligibility rows, every other step (buildings, premises, communes, cells, "
        f"zones) by the buildings; that sum is compared with the goal. The whole run scaled by the rows is an upper "
        f"bound (it counts the per-building work "
        f"{(COUNTRY_ROWS / COUNTRY_BUILDINGS) / (total['eligibility_rows'] / total['buildings']):.1f} times too "
        "often for this set), by the buildings a lower one.",
        "",
        "| scaled by | factor | national time | goal ≤ 30 min |",
        "|---|---:|---:|---|",
        f"| each step by its own quantity | ×{COUNTRY_ROWS / total['eligibility_rows']:.1f} (rows), "
        f"×{COUNTRY_BUILDINGS / total['buildings']:.1f} (buildings) | **{per_step / 60:.1f} min** | "
        f"{mark[per_step <= GOAL_MINUTES * 60]} |",
        f"| the whole run by eligibility rows (upper bound) | ×{COUNTRY_ROWS / total['eligibility_rows']:.1f} | "
        f"{by_rows / 60:.1f} min | {mark[by_rows <= GOAL_MINUTES * 60]} |",
        f"| the whole run by buildings (lower bound) | ×{COUNTRY_BUILDINGS / total['buildings']:.1f} | "
        f"{by_buildings / 60:.1f} min | {mark[by_buildings <= GOAL_MINUTES * 60]} |",
        "",
        f"Peak memory: {national['peak_gb']:.2f} GB measured on this set (not extrapolated: the files are streamed "
        f"per département), {'within' if memory_ok else 'above'} the 4 GB goal.",
        "",
        f"**Goal** — national extrapolation ≤ 30 min on 2 cores: {mark[time_ok]} ({worst / 60:.1f} min); "
        f"peak memory ≤ 4 GB: {mark[memory_ok]} ({national['peak_gb']:.2f} GB).",
        "",
    ]
    region = results.get("region")
    if region:
        lines += consistency(national, region, len(data["regions"]))
        lines += render_side_by_side(region)
    lines.append(END)
    return "\n".join(lines) + "\n"


def consistency(national: dict, region: dict, copies: int) -> list:
    """Each region is a copy of the full region: the commune-level counts must be `copies` × the region's."""
    pg = region.get("postgis") or {}
    if "counts" not in pg or "counts" not in national:
        return []
    keys = [k for k in ("buildings", "premises", "eligibility_rows", "communes", "white_communes", "below_threshold",
                        "ineligible") if k in pg["counts"] and k in national["counts"]]
    wrong = [k for k in keys if national["counts"][k] != copies * pg["counts"][k]]
    verdict = "✓ all equal" if not wrong else "✗ differ: " + ", ".join(
        f"{k} {number(national['counts'][k])} ≠ {copies} × {number(pg['counts'][k])}" for k in wrong)
    return [f"Check: {', '.join(keys)} of the national run = {copies} × those of the full region on PostGIS "
            f"(below): {verdict}. (Cells and zones may differ: translated points fall differently on the 200 m "
            "grid, and neighbouring copies overlap at places.)", ""]


def render_side_by_side(region: dict) -> list:
    gpkg, pg = region.get("gpkg"), region.get("postgis")
    counts = region["counts"]
    lines = [
        "### The same region on GeoPackage and on PostGIS",
        "",
        f"The full Bourgogne-Franche-Comté sample ({number(counts['buildings'])} buildings, "
        f"{number(counts['eligibility_rows'])} eligibility rows, 8 départements). GeoPackage: `scoran:importmci` "
        "then `scoran:whitezones` (communes of the sample territory) in a QGIS process (scripts/bench_chain.py's "
        "`fixed` chain, as `make bench`); PostGIS: `import_to_postgis` on the same files, "
        f"{region.get('workers', 2)} workers. Peak memory as above (GeoPackage: the QGIS process tree; PostGIS: "
        "client + server). The load average before each run is a 1-minute mean that lags: after the run before it "
        "(the national one, then the PostGIS one), about 2 comes from that run itself.",
        "",
        "| backend | import (s) | white zones (s) | total (s) | peak memory (GB) | buildings/s | load before |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    if gpkg and "timings" in gpkg:
        t = gpkg["timings"]
        lines.append(f"| GeoPackage | {t.get('import', 0):.1f} | {t.get('white zones', 0):.1f} | "
                     f"{gpkg['total_s']:.1f} | {gpkg['peak_gb']:.2f} | "
                     f"{number(counts['buildings'] / gpkg['total_s'])} | {gpkg.get('load_before', '?')} |")
    elif gpkg:
        lines.append(f"| GeoPackage | failed ({gpkg.get('error')}) | | | | | |")
    else:
        lines.append("| GeoPackage | not run (`--skip-gpkg`) | | | | | |")
    if pg and "timings" in pg:
        imported, _ = split_steps(pg["timings"])
        white = pg["total_s"] - imported  # the rest of the call (staging tables dropped) counted with the zones
        lines.append(f"| PostGIS | {imported:.1f} | {white:.1f} | {pg['total_s']:.1f} | {pg['peak_gb']:.2f} | "
                     f"{number(counts['buildings'] / pg['total_s'])} | {pg.get('load_before', '?')} |")
        steps = ", ".join(f"{k} {v:.1f} s" for k, v in pg["timings"].items())
        imports = " + ".join(k for k in pg["timings"] if k in IMPORT_STEPS)
        lines += ["", f"PostGIS steps: {steps} (import = {imports}, what `scoran:importmci` does; white zones = "
                      "the other steps — `index_carreaux` builds the points' indexes and the 200 m cells together — "
                      "and the end of the call)."]
    elif pg:
        lines.append(f"| PostGIS | failed ({pg.get('error')}) | | | | | |")
    if gpkg and gpkg.get("white_cell_zones") is not None:
        lines += ["", f"GeoPackage path: {number(gpkg['white_communes'])} white communes, "
                      f"{number(gpkg['white_cell_zones'])} white-cell zones."]
    if pg and pg.get("counts"):
        lines += ["", "PostGIS counts: " + ", ".join(f"{k} {number(v)}" for k, v in pg["counts"].items()) + "."]
    return lines + [""]


def write_section(path: Path, section: str) -> None:
    """Replace the section between the markers (or append it), written aside then renamed."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if BEGIN in text and END in text:
        before, rest = text.split(BEGIN, 1)
        after = rest.split(END, 1)[1]
        text = before + section.rstrip("\n") + after
    else:
        text = text.rstrip("\n") + "\n\n" + section
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


# --- main ------------------------------------------------------------------------------------------------------
def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=5, help="regions of the national set (default 5)")
    parser.add_argument("--source", type=Path, help="the region copied and compared (default: generated/full)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes of the import (default 2)")
    parser.add_argument("--skip-gpkg", action="store_true", help="no GeoPackage run of the full region")
    parser.add_argument("--skip-region", action="store_true", help="no side-by-side run of the full region")
    parser.add_argument("--keep", action="store_true", help="leave the cluster running (and say where) at the end")
    parser.add_argument("--fast-unsafe", action="store_true",
                        help="keep the test cluster's fsync=off, synchronous_commit=off, full_page_writes=off")
    parser.add_argument("--setting", action="append", default=[], metavar="KEY=VALUE",
                        help="a server setting on top of the stock ones (repeatable), e.g. work_mem=64MB")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per run")
    parser.add_argument("--markdown", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--no-write", action="store_true", help="print the section, do not write it")
    parser.add_argument("--results", type=Path, help="where the raw figures go (default out/bench_national.json; "
                        "out/bench_national-<source>.json with --source)")
    parser.add_argument("--from-json", type=Path, help="render the figures of an earlier run, run nothing")
    parser.add_argument("--child-postgis", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_postgis:
        return child_postgis(args.child_postgis)

    if args.from_json:
        results = json.loads(args.from_json.read_text(encoding="utf-8"))
    else:
        results = measure(args)
        # a trial on another region (--source) keeps the national run's figures
        path = args.results or (RESULTS.with_name(f"bench_national-{args.source.resolve().name}.json")
                                if args.source else RESULTS)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"mesures : {path}")
    section = render(results)
    print(section)
    if not args.no_write:
        write_section(args.markdown, section)
        print(f"écrit : {args.markdown}")
    national = results.get("national", {})
    return 0 if "timings" in national else 1


def measure(args) -> dict:
    import generate_national
    from bench import sources_for

    if args.source:  # a trial on another region (generate.py --size tiny…): its national set beside it
        region_folder = args.source.resolve()
        national_folder = generate_national.generate(args.regions, source=region_folder,
                                                     out=region_folder.with_name(region_folder.name + "-national"))
    else:
        region_folder = sources_for("full", "clustered")
        national_folder = generate_national.generate(args.regions)
    data = json.loads((national_folder / "manifest.json").read_text(encoding="utf-8"))
    base, eligibility = generate_national.paths(national_folder)
    region_manifest = json.loads((region_folder / "manifest.json").read_text(encoding="utf-8"))
    results = {"workers": args.workers, "settings_given": list(args.setting),
               "data": {"regions": data["regions"], "counts": data["counts"]}}
    server = None
    try:
        server = start_server(durable=not args.fast_unsafe, settings=args.setting)
        results["machine"] = machine(server, args.setting)
        print(f"PostgreSQL {server.version} / PostGIS {server.postgis_version} sur le port {server.port} "
              f"({server.root})", flush=True)
        results["national"] = run_postgis(server, "bench_national", base, eligibility, args.workers, args.timeout)
        if not args.skip_region:
            region = {"counts": region_manifest["counts"], "workers": args.workers}
            arcep = region_folder / "arcep"
            region["postgis"] = run_postgis(server, "bench_region", sorted(arcep.glob("base_imb_*.csv.gz")),
                                            sorted(arcep.glob("actuel_*.csv.gz")), args.workers, args.timeout)
            if not args.skip_gpkg:
                region["gpkg"] = run_gpkg(region_folder, args.timeout)
            results["region"] = region
    finally:
        if server is not None and args.keep:
            print(f"grappe conservée : psql \"{server.dsn('bench_national')}\" ; arrêt : "
                  f"{' '.join(server._command('pg_ctl', '-D', str(server.data), 'stop'))} puis rm -rf {server.root}")
            if server._watchdog is not None:  # the watchdog would stop it when this process ends
                server._watchdog.terminate()
                server._watchdog = None
        elif server is not None:
            server.stop()
    if "machine" not in results:
        results["machine"] = machine(None)
    return results


if __name__ == "__main__":
    sys.exit(main())
