"""Build the plugin zip as plugins.qgis.org expects: one top folder `scoran_qgis/` with metadata.txt.

    /usr/bin/python3 scripts/package.py dist/scoran_qgis-<version>.zip
"""

import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "scoran_qgis"
EXCLUDED_PARTS = {"__pycache__", ".pytest_cache"}
EXCLUDED_SUFFIXES = {".pyc", ".ts"}
EXCLUDED_NAMES = {".gitkeep"}


def main(target: str) -> int:
    target_path = Path(target)
    target_path.parent.mkdir(parents=True, exist_ok=True)
    partial = target_path.with_suffix(".zip.partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted((ROOT / PLUGIN).rglob("*")):
            relative = path.relative_to(ROOT)
            if (path.is_dir() or EXCLUDED_PARTS & set(relative.parts) or path.suffix in EXCLUDED_SUFFIXES
                    or path.name in EXCLUDED_NAMES):
                continue
            archive.write(path.resolve(), relative.as_posix())  # resolve(): a linked file ships its content
        archive.write(ROOT / "LICENSE", f"{PLUGIN}/LICENSE")
    partial.replace(target_path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
