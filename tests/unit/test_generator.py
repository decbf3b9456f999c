"""The sample generator: reproducible bytes, the real headers, text INSEE codes, plausible counts."""

from __future__ import annotations

import gzip
import sqlite3

import numpy as np
import pandas as pd
import pytest

from tests.conftest import TERRITORY

# Headers as published (domain.md §1, §5), written here independently of the generator.
BASE_IMB_HEADER = ("imb_id;imb_longitude;imb_latitude;imb_code;imb_code_insee;imb_nbr_logloc;imb_source;imb_type;"
                   "addr_code;imb_num;addr_numero;addr_rep;addr_nom_voie;addr_nom_ld;addr_code_insee;"
                   "addr_nom_commune;addr_id_fantoir;addr_source")
ACTUEL_HEADER = ("imb_id;addr_code;imb_code;code_operateur;code_techno;classe_debit_montant;"
                 "classe_debit_descendant;limitation;saturation")
BPE_HEADER = "REG;DEP;DEPCOM;DCIRIS;AN;TYPEQU;LAMBERT_X;LAMBERT_Y;QUALITE_XY"
DEPARTMENTS = ("21", "25", "39", "58", "70", "71", "89", "90")


def first_line(path) -> str:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return handle.readline().rstrip("\n")


def read_base(sources) -> pd.DataFrame:
    return pd.concat(pd.read_csv(p, sep=";", dtype=str, keep_default_na=False)
                     for p in sorted((sources / "arcep").glob("base_imb_*.csv.gz")))


@pytest.mark.slow
def test_same_seed_gives_identical_bytes(tiny_sources, tmp_path):
    from generate import generate

    again = generate("tiny", out=tmp_path / "again", quiet=True)
    files = sorted(p.relative_to(tiny_sources) for p in tiny_sources.rglob("*") if p.is_file())
    assert len(files) >= 8 * 2 + 12 + 5
    for relative in files:
        assert (tiny_sources / relative).read_bytes() == (again / relative).read_bytes(), relative


def test_a_different_seed_gives_other_data(tiny_sources, tmp_path):
    from synth import arcep
    from synth import territory as territory_module

    territory = territory_module.load(str(TERRITORY))
    one = arcep.buildings(territory, 0.002, set(), np.random.default_rng(1))
    two = arcep.buildings(territory, 0.002, set(), np.random.default_rng(2))
    assert not np.allclose(one["x"].to_numpy()[:50], two["x"].to_numpy()[:50])


def test_headers_are_the_published_ones(tiny_sources):
    for dep in DEPARTMENTS:
        assert first_line(tiny_sources / "arcep" / f"base_imb_{dep}.csv.gz") == BASE_IMB_HEADER
        assert first_line(tiny_sources / "arcep" / f"actuel_{dep}.csv.gz") == ACTUEL_HEADER
    assert first_line(tiny_sources / "insee" / "bpe_equipements.csv") == BPE_HEADER
    sirene = first_line(tiny_sources / "sirene" / "sirene_geolocalise.csv").split(",")
    assert sirene[:5] == ["siret", "x", "y", "qualite_xy", "epsg"]
    assert sirene[-2:] == ["y_latitude", "x_longitude"]


def test_insee_codes_are_written_as_five_character_text(tmp_path):
    from synth.writers import write_csv

    path = write_csv(pd.DataFrame({"imb_code_insee": ["01001", "2A004", "21231"], "n": [1, 2, 3]}),
                     tmp_path / "codes.csv.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        text = handle.read()
    assert text.splitlines() == ["imb_code_insee;n", "01001;1", "2A004;2", "21231;3"]


def test_generated_codes_are_the_territory_codes(tiny_sources):
    base = read_base(tiny_sources)
    with sqlite3.connect(TERRITORY) as conn:
        codes = {row[0] for row in conn.execute("SELECT insee_com FROM communes")}
    assert base["imb_code_insee"].str.fullmatch(r"\d{5}|2[AB]\d{3}").all()
    assert set(base["imb_code_insee"]) <= codes
    assert (base["imb_code_insee"] == base["addr_code_insee"]).all()
    assert "21231" in set(base["imb_code_insee"])  # Dijon


def test_premises_per_department_follow_the_census_dwellings(tiny_sources):
    """Each commune gets round(1 % × dwellings × 1.1) premises (10 % business premises)."""
    base = read_base(tiny_sources)
    base["dep"] = base["imb_code_insee"].str[:2]
    generated = base.assign(n=base["imb_nbr_logloc"].astype(int)).groupby("dep")["n"].sum()
    with sqlite3.connect(TERRITORY) as conn:
        communes = pd.read_sql("SELECT insee_dep, logements FROM communes", conn)
    expected = (communes.assign(p=(communes["logements"] * 0.01 * 1.1).round().astype(int))
                .groupby("insee_dep")["p"].sum())
    assert generated.to_dict() == expected.to_dict()


def test_geography_is_plausible(tiny_sources):
    """Towns have fibre or cable, villages mostly copper; a few premises have no wired broadband."""
    base = read_base(tiny_sources)
    actuel = pd.concat(pd.read_csv(p, sep=";", dtype=str, keep_default_na=False)
                       for p in sorted((tiny_sources / "arcep").glob("actuel_*.csv.gz")))
    with sqlite3.connect(TERRITORY) as conn:
        population = dict(conn.execute("SELECT insee_com, population FROM communes").fetchall())
    base["population"] = base["imb_code_insee"].map(population)
    thd_wired = set(actuel.loc[actuel["code_techno"].isin(["FO", "COAX"]), "imb_id"])
    wired = set(actuel.loc[actuel["code_techno"].isin(["CU", "FO", "COAX"]), "imb_id"])
    big_towns = base[base["population"] >= 20000]
    villages = base[base["population"] < 500]
    assert big_towns["imb_id"].isin(thd_wired).mean() > 0.2
    assert villages["imb_id"].isin(thd_wired).mean() < 0.02
    no_wired = ~base["imb_id"].isin(wired)
    assert 0 < no_wired.mean() < 0.08  # true white spots exist, and stay rare
    assert set(actuel["code_techno"]) == {"CU", "COAX", "FO", "4GF", "THDR", "WMX", "SAT"}


def test_plans_and_register(tiny_sources):
    read = lambda *p: pd.read_csv(tiny_sources.joinpath(*p), sep=";", dtype=str, keep_default_na=False)  # noqa: E731
    amii = read("plans", "amii_communes.csv")
    assert "21231" in set(amii["insee_com"])  # Dijon is in an AMII zone
    assert set(amii["convention_signee"]) == {"oui", "non"}
    centres = read("plans", "centres_bourgs.csv")
    assert set(centres["insee_com"].str[:2]) & {"58", "39", "25"}  # Morvan and Jura gaps
    projects = read("usages", "projets.csv")
    assert 35 <= len(projects) <= 50
    assert set(projects["niveau"]) == {"national", "regional", "territoire_innovant"}
    assert len(set(projects["domaine"])) >= 7
    milestones = read("usages", "jalons.csv")
    assert set(milestones["projet_id"]) == set(projects["projet_id"])


def white_cells(sources, size=200.0) -> int:
    """Cells (size m, on the files' EPSG:3857 plane) where ≥ 50 % of the premises have < 3 Mbit/s on wire."""
    base = pd.concat(pd.read_csv(p, sep=";", usecols=["imb_id", "imb_longitude", "imb_latitude", "imb_nbr_logloc"])
                     for p in sorted((sources / "arcep").glob("base_imb_*.csv.gz")))
    elig = pd.concat(pd.read_csv(p, sep=";", usecols=["imb_id", "code_techno", "classe_debit_descendant"])
                     for p in sorted((sources / "arcep").glob("actuel_*.csv.gz")))
    good = elig[elig["code_techno"].isin(["CU", "COAX", "FO"])
                & ~elig["classe_debit_descendant"].isin(["HD05", "HD3"])]["imb_id"].unique()
    base = base.dropna(subset=["imb_longitude", "imb_latitude"])  # some rows are published without
    base["below"] = np.where(base["imb_id"].isin(good), 0, base["imb_nbr_logloc"])
    base["cx"] = (base["imb_longitude"] // size).astype(int)
    base["cy"] = (base["imb_latitude"] // size).astype(int)
    cells = base.groupby(["cx", "cy"])[["imb_nbr_logloc", "below"]].sum()
    return int((cells["below"] * 2 >= cells["imb_nbr_logloc"]).sum())


@pytest.mark.slow
def test_the_scattered_pattern_makes_many_small_white_areas(tiny_sources, tmp_path):
    import json

    from generate import generate

    scattered = generate("tiny", out=tmp_path / "scattered", quiet=True, pattern="scattered")
    again = generate("tiny", out=tmp_path / "again", quiet=True, pattern="scattered")
    files = sorted(p.relative_to(scattered) for p in scattered.rglob("*") if p.is_file())
    for relative in files:  # deterministic, and only the ARCEP files differ from the default pattern's
        assert (scattered / relative).read_bytes() == (again / relative).read_bytes(), relative
        if relative.parts[0] not in ("arcep", "manifest.json"):
            assert (scattered / relative).read_bytes() == (tiny_sources / relative).read_bytes(), relative
    manifest = json.loads((scattered / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["pattern"] == "scattered" and manifest["counts"]["hamlet_buildings"] > 0
    # the same buildings and premises per commune, moved into hamlets: many more white cells
    per_commune = [read_base(s).astype({"imb_nbr_logloc": int}).groupby("imb_code_insee")["imb_nbr_logloc"].agg(
        ["size", "sum"]) for s in (tiny_sources, scattered)]
    pd.testing.assert_frame_equal(*per_commune)
    assert white_cells(scattered) > 1.2 * white_cells(tiny_sources)  # 3 174 against 2 519 at this size


def test_an_unknown_pattern_is_refused(tmp_path):
    from generate import generate

    with pytest.raises(ValueError, match="unknown pattern"):
        generate("tiny", out=tmp_path, quiet=True, pattern="spiral")
