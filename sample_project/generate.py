"""Generate the synthetic SCORAN sources of the sample region, in the real public formats.

    /usr/bin/python3 sample_project/generate.py --size demo   # ~110 k buildings, < 1 min
    /usr/bin/python3 sample_project/generate.py --size full   # ~1.1 M buildings, 4–6 M eligibility rows
    /usr/bin/python3 sample_project/generate.py --size full --pattern scattered  # many small white areas

Deterministic: the same seed, size and pattern give byte-identical files. Writes into
sample_project/generated/<size>/ (pattern `clustered`, the default) or generated/<size>-<pattern>/
(never committed) and a manifest.json of what it wrote. The `scattered` pattern moves part of the
houses of the rural and mountain communes into small hamlets on long copper lines (synth/arcep.py,
`scatter`): only the ARCEP files differ from the default pattern's.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synth import arcep, facilities, mobile, plans, register  # noqa: E402
from synth import territory as territory_module  # noqa: E402
from synth.writers import write_csv  # noqa: E402

SIZES = {"demo": 0.1, "medium": 0.3, "full": 1.0, "tiny": 0.01}
DEFAULT_SEED = 2015
PATTERNS = arcep.PATTERNS  # the first is the default
TERRITORY = HERE / "data" / "territory_bfc.gpkg"


def default_folder(size: str, pattern: str = PATTERNS[0]) -> Path:
    """generated/<size>/ for the default pattern, generated/<size>-<pattern>/ for the others."""
    return HERE / "generated" / (size if pattern == PATTERNS[0] else f"{size}-{pattern}")


def generate(size: str = "demo", seed: int = DEFAULT_SEED, out: Path | None = None, quiet: bool = False,
             pattern: str = PATTERNS[0]) -> Path:
    """Write every source file; returns the output folder."""
    if pattern not in PATTERNS:
        raise ValueError(f"unknown pattern {pattern!r}: {', '.join(PATTERNS)}")
    out = Path(out or default_folder(size, pattern))
    scale = SIZES[size]
    started = time.time()

    def step(message: str) -> None:
        if not quiet:
            print(f"[{time.time() - started:6.1f} s] {message}", flush=True)

    # One generator per theme, so that changing one theme leaves the others' bytes unchanged.
    seeds = np.random.SeedSequence([seed, int(scale * 1000)]).spawn(6)
    rng_arcep, rng_bpe, rng_mobile, rng_plans, rng_register, rng_sirene = (np.random.default_rng(s) for s in seeds)

    territory = territory_module.load(str(TERRITORY))
    step(f"territoire : {len(territory.communes)} communes")
    amii_codes = set(territory.communes.loc[territory.communes["siren_epci"].isin(plans.AMII_EPCI), "insee_com"])

    buildings = arcep.buildings(territory, scale, amii_codes, rng_arcep)
    hamlets = None
    if pattern == "scattered":  # a generator of its own: the default pattern's draws stay as they were
        rng_pattern = np.random.default_rng(np.random.SeedSequence([seed, int(scale * 1000)]).spawn(7)[6])
        mountain = set(plans.mountain_communes(territory)["insee_com"])
        hamlets = arcep.scatter(buildings, territory, mountain, rng_pattern)
        step(f"motif dispersé : {int(hamlets.sum())} immeubles en hameaux")
    arcep.assign_ids(buildings, rng_arcep)
    elig = arcep.eligibility(buildings, territory, rng_arcep)
    step(f"ARCEP : {len(buildings)} immeubles, {int(buildings['nb_logloc'].sum())} locaux, {len(elig)} lignes")
    manifest = {"size": size, "seed": seed, "scale": scale, "files": {}, "counts": {}}
    if hamlets is not None:  # the default pattern's manifest stays as it was
        manifest.update(pattern=pattern)
        manifest["counts"].update(hamlet_buildings=int(hamlets.sum()))
    for dep in sorted(territory.communes["insee_dep"].unique()):
        for path in arcep.write_department(dep, buildings, elig, territory, rng_arcep, out / "arcep"):
            manifest["files"][path.relative_to(out).as_posix()] = "arcep"
    manifest["counts"].update(buildings=len(buildings), premises=int(buildings["nb_logloc"].sum()),
                              eligibility_rows=len(elig))
    step("ARCEP écrit")

    bpe = facilities.bpe(territory, rng_bpe)
    write_csv(bpe, out / "insee" / "bpe_equipements.csv")
    sirene = facilities.sirene(territory, scale, rng_sirene)
    write_csv(sirene, out / "sirene" / "sirene_geolocalise.csv", sep=",")
    manifest["counts"].update(bpe=len(bpe), sirene=len(sirene))
    step(f"BPE : {len(bpe)} équipements ; SIRENE : {len(sirene)} établissements")

    for path in mobile.write_layers(territory, rng_mobile, out / "mobile"):
        manifest["files"][path.relative_to(out).as_posix()] = "mobile"
    step("couvertures mobiles écrites (4 opérateurs × 2G/3G/4G)")

    premises = buildings.groupby("insee")["nb_logloc"].sum()
    amii_communes, amii_calendar = plans.amii(territory, premises, rng_plans)
    write_csv(amii_communes, out / "plans" / "amii_communes.csv")
    write_csv(amii_calendar, out / "plans" / "amii_calendrier.csv")
    phase_communes = plans.rip(territory, premises, amii_codes, rng_plans, out / "plans" / "rip.gpkg")
    write_csv(phase_communes, out / "plans" / "rip_phases_communes.csv")
    centres = plans.centres_bourgs(territory, rng_plans)
    write_csv(centres, out / "plans" / "centres_bourgs.csv")
    write_csv(plans.mountain_communes(territory), out / "plans" / "communes_montagne.csv")
    manifest["counts"].update(amii_communes=len(amii_communes), rip_phase_communes=len(phase_communes),
                              centres_bourgs=len(centres))
    step(f"plans : {len(amii_communes)} communes AMII, {len(centres)} centres-bourgs, 8 RIP")

    for name, table in zip(("projets", "financements", "liens", "jalons", "documents", "themes_regionaux", "sdtan"),
                           register.build(territory, rng_register)):
        write_csv(table, out / "usages" / f"{name}.csv")
        manifest["counts"][f"usages_{name}"] = len(table)
    step(f"registre : {manifest['counts']['usages_projets']} projets d'usages")

    for path in sorted(out.rglob("*")):
        if path.is_file() and path.name != "manifest.json":
            manifest["files"].setdefault(path.relative_to(out).as_posix(), path.parent.name)
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
    step(f"terminé : {out}")
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="demo")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--pattern", choices=PATTERNS, default=PATTERNS[0],
                        help="clustered: few grouped white areas (default); scattered: many small ones (hamlets)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    generate(args.size, args.seed, args.out, pattern=args.pattern)
    return 0


if __name__ == "__main__":
    sys.exit(main())
