"""The national set (sample_project/generate_national.py): copies of a region as other regions, on a hand-made
tiny Bourgogne-Franche-Comté-like input (2 buildings per département, one without coordinates, one duplicate
and one orphan eligibility row, as the real releases have)."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "sample_project"))

import generate_national  # noqa: E402

DEPS = ("21", "25", "39", "58", "70", "71", "89", "90")
BASE_HEADER = ("imb_id;imb_longitude;imb_latitude;imb_code;imb_code_insee;imb_nbr_logloc;imb_source;imb_type;"
               "addr_code;imb_num;addr_numero;addr_rep;addr_nom_voie;addr_nom_ld;addr_code_insee;"
               "addr_nom_commune;addr_id_fantoir;addr_source")
ACTUEL_HEADER = ("imb_id;addr_code;imb_code;code_operateur;code_techno;classe_debit_montant;"
                 "classe_debit_descendant;limitation;saturation")
REGIONS = 3


def write_gz(path: Path, lines: list[str]) -> None:
    with gzip.open(path, "wt", encoding="utf-8", newline="") as handle:
        handle.write("\n".join(lines) + "\n")


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bfc")
    (folder / "arcep").mkdir()
    for n, dep in enumerate(DEPS):
        first, second = 10_000_001 + 2 * n, 10_000_002 + 2 * n
        commune = f"{dep}0{n:02d}"
        base = [BASE_HEADER,
                f"{first};554313.24;5962701.64;IMB/{commune}/X/0000;{commune};1;ban;pav;{commune}_0100_00001;;1;;"
                f"Grande Rue;;{commune};Agencourt;{commune}0100;ban",
                f"{second};;;IMB/{commune}/X/0001;{commune};12;ban;imm;{commune}_0100_00003;;3;;Rue de l'Église;;"
                f"{commune};Agencourt;{commune}0100;ban"]
        actuel = [ACTUEL_HEADER,
                  f"{first};{commune}_0100_00001;IMB/{commune}/X/0000;ORAN;CU;HD05;BHD8;;false",
                  f"{first};{commune}_0100_00001;IMB/{commune}/X/0000;NRDN;SAT;HD05;BHD8;100;false",
                  f"{second};{commune}_0100_00003;IMB/{commune}/X/0001;ORAN;FO;THD1G;THD1G;;false",
                  f"{second};{commune}_0100_00003;IMB/{commune}/X/0001;ORAN;FO;THD1G;THD1G;;false",  # duplicate
                  f"{first + 900_000_000};{commune}_0100_00001;IMB/{commune}/X/0000;SKYL;SAT;HD05;BHD8;100;false"]
        write_gz(folder / "arcep" / f"base_imb_{dep}.csv.gz", base)
        write_gz(folder / "arcep" / f"actuel_{dep}.csv.gz", actuel)
    return folder


@pytest.fixture(scope="module")
def national(source, tmp_path_factory) -> Path:
    return generate_national.generate(REGIONS, source=source, out=tmp_path_factory.mktemp("national"), quiet=True)


def read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)


def copies(national: Path, kind: str) -> dict:
    paths = sorted((national / "arcep").glob(f"{kind}_*"))
    return {path.name[len(kind) + 1:len(kind) + 3]: read(path) for path in paths}


def test_each_region_maps_the_eight_departements_onto_its_own(national):
    manifest = json.loads((national / "manifest.json").read_text(encoding="utf-8"))
    assert [r["region"] for r in manifest["regions"]] == ["Grand Est", "Nouvelle-Aquitaine", "Occitanie"]
    grand_est = {"08", "10", "51", "52", "54", "55", "57", "67"}
    assert set(manifest["regions"][0]["departements"].values()) == grand_est
    targets = [d for r in manifest["regions"] for d in r["departements"].values()]
    assert len(targets) == len(set(targets)) == 8 * REGIONS
    assert set(copies(national, "base_imb")) == set(copies(national, "actuel")) == set(targets)


def test_row_counts_are_n_times_the_input(national, source):
    manifest = json.loads((national / "manifest.json").read_text(encoding="utf-8"))
    base = copies(national, "base_imb")
    actuel = copies(national, "actuel")
    assert sum(len(frame) for frame in base.values()) == REGIONS * 8 * 2
    assert sum(len(frame) for frame in actuel.values()) == REGIONS * 8 * 5
    assert manifest["counts"]["buildings"] == REGIONS * 16
    assert manifest["counts"]["eligibility_rows"] == REGIONS * 40
    assert manifest["counts"]["premises"] == REGIONS * 8 * (1 + 12)
    for region in manifest["regions"]:
        assert region["counts"]["buildings"] == 16


def test_imb_ids_are_unique_nationally_and_eligibility_points_to_its_base(national):
    base = copies(national, "base_imb")
    actuel = copies(national, "actuel")
    ids = pd.concat(frame["imb_id"] for frame in base.values())
    assert ids.is_unique
    for dep, frame in actuel.items():
        missing = set(frame["imb_id"]) - set(base[dep]["imb_id"])
        # only the source's orphan (its building id + 900 000 000) is missing, moved by the same offset
        assert len(missing) == 1
        (orphan,) = missing
        assert str(int(orphan) - 900_000_000) in set(base[dep]["imb_id"])
        assert len(frame.drop_duplicates()) == len(frame) - 1  # the duplicate row is kept


def test_insee_codes_are_five_characters_with_the_new_prefix_and_the_old_suffix(national, source):
    manifest = json.loads((national / "manifest.json").read_text(encoding="utf-8"))
    for region in manifest["regions"]:
        for old, new in region["departements"].items():
            before = read(source / "arcep" / f"base_imb_{old}.csv.gz")
            after = read(national / "arcep" / f"base_imb_{new}.csv.gz")
            for column in ("imb_code_insee", "addr_code_insee"):
                assert after[column].str.fullmatch(r"\d{5}").all()
                assert (after[column].str[:2] == new).all()
                assert (after[column].str[2:] == before[column].str[2:]).all()
            assert (after["imb_code"] == "IMB/" + after["imb_code_insee"] + before["imb_code"].str[9:]).all()
            assert (after["addr_code"].str[:5] == after["addr_code_insee"]).all()
            assert (after["imb_id"].astype(int) - before["imb_id"].astype(int) == region["imb_id_offset"]).all()
            untouched = ["imb_nbr_logloc", "imb_source", "imb_type", "addr_numero", "addr_nom_voie",
                         "addr_nom_commune", "addr_source"]
            assert after[untouched].equals(before[untouched])
            # coordinates translated by the region's vector; a building without coordinates stays without
            dx, dy = region["translation_3857"]
            assert float(after["imb_longitude"][0]) == pytest.approx(554313.24 + dx, abs=0.006)
            assert float(after["imb_latitude"][0]) == pytest.approx(5962701.64 + dy, abs=0.006)
            assert after["imb_longitude"][1] == after["imb_latitude"][1] == ""
            elig = read(national / "arcep" / f"actuel_{new}.csv.gz")
            assert elig["addr_code"].str[:2].eq(new).all() and elig["imb_code"].str[4:6].eq(new).all()


def test_same_input_gives_the_same_bytes_and_a_matching_manifest_is_kept(national, source, tmp_path):
    again = generate_national.generate(REGIONS, source=source, out=tmp_path / "again", quiet=True)
    for path in sorted((national / "arcep").iterdir()):
        assert path.read_bytes() == (again / "arcep" / path.name).read_bytes(), path.name
    stamp = (again / "manifest.json").stat().st_mtime_ns
    generate_national.generate(REGIONS, source=source, out=again, quiet=True)
    assert (again / "manifest.json").stat().st_mtime_ns == stamp  # skipped: nothing rewritten
    generate_national.generate(1, source=source, out=again, quiet=True)  # fewer regions: the others removed
    assert len(list((again / "arcep").iterdir())) == 16
