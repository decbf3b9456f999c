"""Compare two folders of chain outputs (before / after a change): same files, same content.

    /usr/bin/python3 scripts/compare_outputs.py BEFORE_DIR AFTER_DIR

GeoPackages are compared table by table, row by row (geometry blobs included), leaving out the
timestamps SQLite and GDAL write (`gpkg_contents.last_change`, `gpkg_metadata*`) and GDAL's
feature-count cache; workbooks cell by cell (openpyxl), PDFs by their pages' text (pdftotext),
which leaves out their dates of creation; every other file byte for byte. Prints one line per
file and exits 1 if any differs.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from pathlib import Path

# timestamps, and GDAL's cache of feature counts (our own writers leave it to GDAL to count)
SKIPPED_TABLES = {"gpkg_metadata", "gpkg_metadata_reference", "sqlite_sequence", "gpkg_ogr_contents"}


def gpkg_digest(path: Path) -> dict:
    """{table: sha1 of its rows in rowid order} for every table of a GeoPackage."""
    digests = {}
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'rtree_%' ORDER BY name")]
        for table in tables:
            if table in SKIPPED_TABLES:
                continue
            columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
            if table == "gpkg_contents":
                columns = [c for c in columns if c != "last_change"]
            quoted = ", ".join(f'"{c}"' for c in columns)
            digest = hashlib.sha1()
            for row in connection.execute(f'SELECT {quoted} FROM "{table}" ORDER BY rowid'):
                digest.update(repr(row).encode())
            digests[table] = digest.hexdigest()
    return digests


def xlsx_digest(path: Path) -> dict:
    """{sheet: sha1 of its cell values, row by row}."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    digests = {}
    for sheet in book.worksheets:
        digest = hashlib.sha1()
        for row in sheet.iter_rows(values_only=True):
            digest.update(repr(row).encode())
        digests[sheet.title] = digest.hexdigest()
    return digests


def pdf_digest(path: Path) -> str:
    import subprocess

    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True).stdout
    return hashlib.sha1(text).hexdigest()


def file_digest(path: Path):
    suffix = path.suffix.lower()
    if suffix == ".gpkg":
        return gpkg_digest(path)
    if suffix == ".xlsx":
        return xlsx_digest(path)
    if suffix == ".pdf":
        return pdf_digest(path)
    return hashlib.sha1(path.read_bytes()).hexdigest()


def main(argv=None) -> int:
    before, after = (Path(a) for a in (argv or sys.argv[1:]))
    names = sorted({p.relative_to(before) for p in before.rglob("*") if p.is_file()}
                   | {p.relative_to(after) for p in after.rglob("*") if p.is_file()})
    different = 0
    for name in names:
        if name.suffix in {".gpkg-wal", ".gpkg-shm"}:
            continue
        a, b = before / name, after / name
        if not a.exists() or not b.exists():
            print(f"ABSENT {'avant' if not a.exists() else 'après'} : {name}")
            different += 1
        elif file_digest(a) != file_digest(b):
            print(f"DIFFÉRENT : {name}")
            different += 1
        else:
            print(f"identique : {name}")
    print(f"{len(names)} fichier(s), {different} différent(s)")
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
