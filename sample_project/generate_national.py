"""A multi-region synthetic ARCEP set for the national bench (`make bench-national`), in the real formats.

    /usr/bin/python3 sample_project/generate_national.py [--regions 5] [--source DIR] [--out DIR] [--jobs 1]

Copies of the full Bourgogne-Franche-Comté set (`generate.py --size full`, 1.09 M buildings, 4.6 M
eligibility rows; generated first when missing) as other mainland regions: each copy maps the 8
départements of the region onto 8 real départements of another region (REGIONS), so that it writes
base_imb_<DEP>.csv.gz and actuel_<DEP>.csv.gz with the columns of sample_project/synth/arcep.py, and

- rewrites the département prefix of the INSEE codes (`imb_code_insee`, `addr_code_insee`: 5-character
  text, the commune suffix kept) and of the codes built on them (`imb_code` IMB/<insee>/…, `addr_code`
  <insee>_…, `addr_id_fantoir`), in both files alike;
- offsets `imb_id` by copy × 1 000 000 000 (unique nationally, the same offset in both files: the
  source's few orphan eligibility rows, ids + 900 000 000, stay orphans);
- translates the EPSG:3857 coordinates so that the copy lies roughly over its region (the source's
  centre moved to the region's; rows without coordinates stay without);
- keeps every other column and every row (duplicates included) as they are.

Streaming: each source file is read by chunks and written to its N copies at once (never the whole set
in memory), gzip level 1. Deterministic (gzip header without name nor time): the same source and
number of regions give byte-identical files. Writes into sample_project/generated/national/arcep/
(git-ignored) and a manifest.json (counts per region and in all, départements per region, file sizes);
does nothing when the manifest already matches the source and the number of regions.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import math
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synth.arcep import ACTUEL_COLUMNS, BASE_IMB_COLUMNS  # noqa: E402

SOURCE_DEPARTMENTS = ("21", "25", "39", "58", "70", "71", "89", "90")  # Bourgogne-Franche-Comté
SOURCE_CENTRE = (5.0, 47.25)  # lon, lat (°): roughly the centre of Bourgogne-Franche-Comté
# name, INSEE region code(s), the 8 départements the source's 8 map onto (in SOURCE_DEPARTMENTS order), centre.
# The first five are real regions; past them, pairs of the smaller regions (and remainders) make up 8.
REGIONS = (
    ("Grand Est", "44", ("08", "10", "51", "52", "54", "55", "57", "67"), (5.5, 48.8)),
    ("Nouvelle-Aquitaine", "75", ("16", "17", "19", "23", "24", "33", "40", "47"), (0.6, 45.3)),
    ("Occitanie", "76", ("09", "11", "12", "30", "31", "32", "34", "46"), (2.3, 43.8)),
    ("Auvergne-Rhône-Alpes", "84", ("01", "03", "07", "15", "26", "38", "42", "43"), (4.3, 45.6)),
    ("Île-de-France", "11", ("75", "77", "78", "91", "92", "93", "94", "95"), (2.5, 48.7)),
    ("Hauts-de-France + Normandie (14, 27, 50)", "32+28", ("02", "59", "60", "62", "80", "14", "27", "50"),
     (1.2, 49.6)),
    ("Bretagne + Pays de la Loire (44, 49, 53, 72)", "53+52", ("22", "29", "35", "56", "44", "49", "53", "72"),
     (-2.4, 47.9)),
    ("Centre-Val de Loire + Normandie (61, 76)", "24+28", ("18", "28", "36", "37", "41", "45", "61", "76"),
     (1.2, 48.0)),
    ("Provence-Alpes-Côte d'Azur + Grand Est (68, 88)", "93+44", ("04", "05", "06", "13", "83", "84", "68", "88"),
     (6.2, 44.3)),
    ("Nouvelle-Aquitaine (64, 79, 86, 87) + Occitanie (48, 65, 66, 81)", "75+76",
     ("64", "79", "86", "87", "48", "65", "66", "81"), (0.5, 44.9)),
)
ID_STEP = 1_000_000_000  # imb_id offset between copies (the source's ids stay below 1e9, orphans included)
CHUNK_ROWS = 500_000
COMPRESS_LEVEL = 1
FORMAT_VERSION = 1
EARTH_RADIUS = 6378137.0  # EPSG:3857 sphere


def default_source() -> Path:
    return HERE / "generated" / "full"


def default_folder() -> Path:
    return HERE / "generated" / "national"


def mercator(lon: float, lat: float) -> tuple:
    """EPSG:3857 metres of a WGS 84 position (spherical Mercator)."""
    return (EARTH_RADIUS * math.radians(lon),
            EARTH_RADIUS * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def translation(region: int) -> tuple:
    """The (dx, dy) in EPSG:3857 metres that moves the source's centre onto region `region`'s, to the cm."""
    sx, sy = mercator(*SOURCE_CENTRE)
    tx, ty = mercator(*REGIONS[region][3])
    return round(tx - sx, 2), round(ty - sy, 2)


def plan(regions: int) -> list[dict]:
    """One entry per copy: its region, imb_id offset, translation and département mapping."""
    if not 1 <= regions <= len(REGIONS):
        raise ValueError(f"--regions : entre 1 et {len(REGIONS)} ({regions} demandé)")
    entries = []
    for index in range(regions):
        name, code, departments, _centre = REGIONS[index]
        dx, dy = translation(index)
        entries.append({"region": name, "code_region": code, "imb_id_offset": (index + 1) * ID_STEP,
                        "translation_3857": [dx, dy],
                        "departements": dict(zip(SOURCE_DEPARTMENTS, departments))})
    return entries


class _GzipCsv:
    """A gzip CSV written by chunks beside its final name, renamed when closed (byte-reproducible)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.partial = self.path.with_name(self.path.name + ".partial")
        self._raw = open(self.partial, "wb")
        self._gzip = gzip.GzipFile(filename="", mode="wb", fileobj=self._raw, mtime=0, compresslevel=COMPRESS_LEVEL)
        self._text = io.TextIOWrapper(self._gzip, encoding="utf-8", newline="")
        self._header = True

    def write(self, frame: pd.DataFrame) -> None:
        frame.to_csv(self._text, sep=";", index=False, header=self._header, **{_line_terminator_name(): "\n"})
        self._header = False

    def close(self) -> None:
        self._text.close()
        self._gzip.close()
        self._raw.close()
        os.replace(self.partial, self.path)

    def abort(self) -> None:
        for handle in (self._text, self._gzip, self._raw):
            try:
                handle.close()
            except (OSError, ValueError):
                pass
        self.partial.unlink(missing_ok=True)


def _line_terminator_name() -> str:
    """pandas renamed `line_terminator` to `lineterminator` in 1.5 and removed the old name in 2.0."""
    major, minor = (int(part) for part in pd.__version__.split(".")[:2])
    return "lineterminator" if (major, minor) >= (1, 5) else "line_terminator"


def _suffix(series: pd.Series, start: int, dep: str, path: Path, column: str) -> pd.Series:
    """The text after the département prefix at `start`; every row must carry `dep` there."""
    prefix = series.str.slice(start, start + 2)
    wrong = int((prefix != dep).sum())
    if wrong:
        example = series[prefix != dep].iloc[0]
        raise ValueError(f"{path.name} : {wrong} ligne(s) de la colonne {column} hors du département {dep} "
                         f"(par exemple {example!r})")
    return series.str.slice(start + 2)


def copy_file(kind: str, source: Path, dep: str, copies: list, out_dir: Path) -> list[dict]:
    """Stream `source` (base_imb or actuel of département `dep`) into its copies; the counts of each copy.

    `copies`: (copy index, new département, imb_id offset, dx, dy) per copy.
    """
    columns = BASE_IMB_COLUMNS if kind == "base_imb" else ACTUEL_COLUMNS
    writers = [_GzipCsv(out_dir / f"{kind}_{new_dep}.csv.gz") for _, new_dep, *_ in copies]
    rows = premises = 0
    try:
        reader = pd.read_csv(source, sep=";", dtype=str, keep_default_na=False, na_filter=False,
                             chunksize=CHUNK_ROWS)
        for chunk in reader:
            if list(chunk.columns) != columns:
                raise ValueError(f"{source.name} : colonnes inattendues {list(chunk.columns)}")
            ids = chunk["imb_id"].astype(np.int64).to_numpy()
            if len(ids) and (ids.min() < 0 or ids.max() >= ID_STEP):
                raise ValueError(f"{source.name} : imb_id hors de [0, {ID_STEP}[")
            addr = _suffix(chunk["addr_code"], 0, dep, source, "addr_code")
            imb = _suffix(chunk["imb_code"], 4, dep, source, "imb_code")
            if kind == "base_imb":
                insee = _suffix(chunk["imb_code_insee"], 0, dep, source, "imb_code_insee")
                addr_insee = _suffix(chunk["addr_code_insee"], 0, dep, source, "addr_code_insee")
                fantoir = _suffix(chunk["addr_id_fantoir"], 0, dep, source, "addr_id_fantoir")
                lon = pd.to_numeric(chunk["imb_longitude"], errors="coerce").to_numpy()
                lat = pd.to_numeric(chunk["imb_latitude"], errors="coerce").to_numpy()
                premises += int(chunk["imb_nbr_logloc"].astype(np.int64).sum())
            rows += len(chunk)
            for writer, (_, new_dep, offset, dx, dy) in zip(writers, copies):
                out = chunk.copy(deep=False)
                out["imb_id"] = ids + offset
                out["addr_code"] = new_dep + addr
                out["imb_code"] = "IMB/" + new_dep + imb
                if kind == "base_imb":
                    out["imb_code_insee"] = new_dep + insee
                    out["addr_code_insee"] = new_dep + addr_insee
                    out["addr_id_fantoir"] = new_dep + fantoir
                    out["imb_longitude"] = np.round(lon + dx, 2)  # NaN (no coordinates) is written empty
                    out["imb_latitude"] = np.round(lat + dy, 2)
                writer.write(out)
    except BaseException:
        for writer in writers:
            writer.abort()
        raise
    for writer in writers:
        writer.close()
    return [{"copy": index, "departement": new_dep, "kind": kind, "rows": rows, "premises": premises,
             "file": writer.path.name, "bytes": writer.path.stat().st_size}
            for writer, (index, new_dep, *_) in zip(writers, copies)]


def _source_manifest(source: Path) -> dict:
    path = source / "manifest.json"
    if not path.exists():
        return {}
    manifest = json.loads(path.read_text(encoding="utf-8"))
    return {key: manifest.get(key) for key in ("size", "seed", "pattern", "counts")}


def _matches(out: Path, regions: int, source_info: dict) -> bool:
    path = out / "manifest.json"
    if not path.exists():
        return False
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return False
    if (manifest.get("format_version") != FORMAT_VERSION or len(manifest.get("regions", [])) != regions
            or manifest.get("source") != source_info):
        return False
    return all((out / name).exists() and (out / name).stat().st_size == size
               for name, size in manifest.get("files", {}).items())


def generate(regions: int = 5, source: Path | None = None, out: Path | None = None, jobs: int = 1,
             quiet: bool = False, force: bool = False) -> Path:
    """Write the national set (N copies of `source`'s ARCEP files); returns the output folder."""
    source = Path(source or default_source())
    out = Path(out or default_folder())
    started = time.time()

    def step(message: str) -> None:
        if not quiet:
            print(f"[{time.time() - started:6.1f} s] {message}", flush=True)

    if not (source / "manifest.json").exists() and source == default_source():
        from generate import generate as generate_region

        step("région source absente : génération de la Bourgogne-Franche-Comté complète (generate.py --size full)…")
        generate_region("full", out=source, quiet=quiet)
    missing = [f"{kind}_{dep}.csv.gz" for dep in SOURCE_DEPARTMENTS for kind in ("base_imb", "actuel")
               if not (source / "arcep" / f"{kind}_{dep}.csv.gz").exists()]
    if missing:
        raise FileNotFoundError(f"{source / 'arcep'} : fichiers ARCEP absents : {', '.join(missing)}")
    source_info = _source_manifest(source)
    entries = plan(regions)
    if not force and _matches(out, regions, source_info):
        step(f"déjà généré ({regions} régions) : {out}")
        return out
    arcep = out / "arcep"
    arcep.mkdir(parents=True, exist_ok=True)
    (out / "manifest.json").unlink(missing_ok=True)
    wanted = {f"{kind}_{entry['departements'][dep]}.csv.gz" for entry in entries for dep in SOURCE_DEPARTMENTS
              for kind in ("base_imb", "actuel")}
    for stale in arcep.glob("*.csv.gz*"):  # a previous run with more regions, or an interrupted one
        if stale.name not in wanted:
            stale.unlink()
    tasks = []
    for dep in SOURCE_DEPARTMENTS:
        copies = [(index, entry["departements"][dep], entry["imb_id_offset"], *entry["translation_3857"])
                  for index, entry in enumerate(entries)]
        for kind in ("actuel", "base_imb"):  # the larger files first
            tasks.append((kind, source / "arcep" / f"{kind}_{dep}.csv.gz", dep, copies, arcep))
    step(f"{regions} région(s) × 8 départements depuis {source / 'arcep'} → {arcep} ({jobs} processus)")
    results = []
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(copy_file, *task) for task in tasks]
            for number, future in enumerate(futures, start=1):
                results += future.result()
                step(f"{number}/{len(tasks)} fichiers source copiés ({tasks[number - 1][1].name})")
    else:
        for number, task in enumerate(tasks, start=1):
            results += copy_file(*task)
            step(f"{number}/{len(tasks)} fichiers source copiés ({task[1].name})")

    manifest = {"format_version": FORMAT_VERSION, "source": source_info, "source_folder": str(source),
                "regions": [], "counts": {}, "files": {}}
    for index, entry in enumerate(entries):
        mine = [r for r in results if r["copy"] == index]
        counts = {"buildings": sum(r["rows"] for r in mine if r["kind"] == "base_imb"),
                  "premises": sum(r["premises"] for r in mine if r["kind"] == "base_imb"),
                  "eligibility_rows": sum(r["rows"] for r in mine if r["kind"] == "actuel"),
                  "bytes": sum(r["bytes"] for r in mine)}
        manifest["regions"].append({**entry, "counts": counts})
    for key in ("buildings", "premises", "eligibility_rows", "bytes"):
        manifest["counts"][key] = sum(region["counts"][key] for region in manifest["regions"])
    manifest["counts"]["departements"] = 8 * regions
    for result in sorted(results, key=lambda r: r["file"]):
        manifest["files"][f"arcep/{result['file']}"] = result["bytes"]
    partial = out / "manifest.json.partial"
    partial.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(partial, out / "manifest.json")
    counts = manifest["counts"]
    step(f"terminé : {counts['buildings']:,} immeubles, {counts['premises']:,} locaux, "
         f"{counts['eligibility_rows']:,} lignes d'éligibilité, {counts['bytes'] / 1e9:.2f} Go → {out}")
    return out


def paths(folder: Path | None = None) -> tuple[list[Path], list[Path]]:
    """The base_imb and actuel files of a generated national set, from its manifest."""
    folder = Path(folder or default_folder())
    files = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["files"]
    base = [folder / name for name in files if Path(name).name.startswith("base_imb_")]
    eligibility = [folder / name for name in files if Path(name).name.startswith("actuel_")]
    return base, eligibility


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=5, help=f"number of copies, 1 to {len(REGIONS)} (default 5)")
    parser.add_argument("--source", type=Path, help="a generated region (default: generated/full)")
    parser.add_argument("--out", type=Path, help="output folder (default: generated/national)")
    parser.add_argument("--jobs", type=int, default=1, help="processes (one source file each at a time)")
    parser.add_argument("--force", action="store_true", help="regenerate even when the manifest matches")
    args = parser.parse_args(argv)
    generate(args.regions, args.source, args.out, jobs=args.jobs, force=args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
