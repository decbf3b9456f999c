"""ARCEP files parsed in parallel (one worker process per file) give what the sequential path gives."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import pandas as pd
import pytest

from scoran_qgis.core.errors import ScoranError
from scoran_qgis.core.feedback import CanceledError, RecordingFeedback
from scoran_qgis.core.mci import import_premises
from scoran_qgis.core.parallel import WORKERS_VARIABLE, available_cores

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from compare_outputs import gpkg_digest  # noqa: E402


def arcep_files(sources: Path):
    arcep = sources / "arcep"
    return sorted(arcep.glob("base_imb_*.csv.gz")), sorted(arcep.glob("actuel_*.csv.gz"))


def test_parallel_and_sequential_imports_are_identical(tiny_sources):
    base, eligibility = arcep_files(tiny_sources)
    assert len(base) == len(eligibility) == 8
    sequential = import_premises(base, eligibility, workers=1)
    parallel = import_premises(base, eligibility, workers=2)
    pd.testing.assert_frame_equal(sequential.frame, parallel.frame)
    assert sequential.report.lines() == parallel.report.lines()
    assert sequential.report.counts == parallel.report.counts
    # the merge is not a no-op: every département is in the result, as in the files
    expected = {path.name.split("_")[-1].split(".")[0] for path in base}
    assert set(parallel.frame["code_dep"]) == expected


def test_the_algorithm_writes_the_same_bytes_with_one_or_two_processes(tiny_sources, provider, tmp_path,
                                                                     monkeypatch):
    from qgis import processing

    base, eligibility = arcep_files(tiny_sources)
    digests = []
    for workers in ("1", "2"):
        monkeypatch.setenv(WORKERS_VARIABLE, workers)
        (tmp_path / workers).mkdir()
        output = tmp_path / workers / "locaux.gpkg"
        processing.run("scoran:importmci", {"BASE_IMB": [str(p) for p in base],
                                            "ELIGIBILITE": [str(p) for p in eligibility], "OUTPUT": str(output)})
        digests.append(gpkg_digest(output))
    assert "locaux" in digests[0]  # the data table itself, geometry blobs included
    assert digests[0] == digests[1]


def write_csv(path: Path, header: str, rows: list[str], encoding="utf-8"):
    with gzip.open(path, "wt", encoding=encoding) as handle:
        handle.write("\n".join([header, *rows]) + "\n")


BASE_HEADER = "imb_id;imb_longitude;imb_latitude;imb_code_insee;imb_nbr_logloc"
ELIG_HEADER = "imb_id;code_operateur;code_techno;classe_debit_descendant"


@pytest.fixture
def two_departments(tmp_path):
    """Two small départements; building 3 is described in both eligibility files, one row repeated."""
    base_21, base_58 = tmp_path / "base_imb_21.csv.gz", tmp_path / "base_imb_58.csv.gz"
    write_csv(base_21, BASE_HEADER, ["1;560000;5990000;21231;4", "2;561000;5991000;21231;1"])
    write_csv(base_58, BASE_HEADER, ["3;390000;5950000;58194;2", "4;391000;5951000;58194;7"])
    elig_21, elig_58 = tmp_path / "actuel_21.csv.gz", tmp_path / "actuel_58.csv.gz"
    write_csv(elig_21, ELIG_HEADER, ["1;OPA;FO;THD1G", "2;OPA;CU;HD3", "3;OPB;CU;BHD8", "3;OPB;CU;BHD8"])
    write_csv(elig_58, ELIG_HEADER, ["3;OPB;CU;BHD8", "3;OPA;COAX;THD100", "4;OPA;CU;HD05"])
    return [base_21, base_58], [elig_21, elig_58]


def test_a_building_in_two_files_gets_its_best_class_over_both(two_departments):
    base, eligibility = two_departments
    for workers in (1, 2):
        premises = import_premises(base, eligibility, workers=workers)
        classes = dict(zip(premises.frame["imb_id"], premises.frame["classe"]))
        assert classes == {1: "THD1G", 2: "HD3", 3: "THD100", 4: "HD05"}
        # the row "3;OPB;CU;BHD8" is written three times in all: two duplicates, across files too
        assert premises.report.counts["duplicate_rows"] == 2


def test_a_bad_file_among_others_is_named_in_parallel_too(two_departments, tmp_path):
    base, eligibility = two_departments
    empty = tmp_path / "actuel_71.csv.gz"
    write_csv(empty, ELIG_HEADER, [])
    for workers in (1, 2):
        with pytest.raises(ScoranError, match="actuel_71.csv.gz"):
            import_premises(base, [*eligibility, empty], workers=workers)


def test_file_warnings_reach_the_feedback_from_the_workers(two_departments, tmp_path):
    base, eligibility = two_departments
    semicolon_less = tmp_path / "base_imb_70.csv.gz"
    write_csv(semicolon_less, BASE_HEADER.replace(";", ","), ["7,420000,6010000,70550,1"])
    feedback = RecordingFeedback()
    import_premises([*base, semicolon_less], eligibility, feedback=feedback, workers=2)
    assert any("base_imb_70.csv.gz" in message and "séparateur" in message for message in feedback.warnings)


def test_cancel_stops_a_parallel_import(two_departments):
    base, eligibility = two_departments

    class Canceled(RecordingFeedback):
        def isCanceled(self):  # noqa: N802
            return True

    with pytest.raises(CanceledError):
        import_premises(base, eligibility, feedback=Canceled(), workers=2)


def test_the_workers_follow_the_administrators_cap(monkeypatch):
    monkeypatch.setenv(WORKERS_VARIABLE, "1")
    assert available_cores() == 1
    monkeypatch.setenv(WORKERS_VARIABLE, "not a number")
    assert available_cores() >= 1


def test_operators_and_duplicates_across_files(tmp_path):
    """A building in two files: its THD operators counted once each over both files, and a row repeated
    in the two files counted as a duplicate; the same with one process or two."""
    base = tmp_path / "base_imb_21.csv.gz"
    write_csv(base, BASE_HEADER, ["1;560000;5990000;21231;4", "2;561000;5991000;21231;1"])
    one, two = tmp_path / "actuel_21.csv.gz", tmp_path / "actuel_58.csv.gz"
    write_csv(one, ELIG_HEADER, ["1;OPA;FO;THD1G", "1;OPB;COAX;THD100", "2;OPA;FO;THD1G", "2;;CU;BHD8"])
    write_csv(two, ELIG_HEADER, ["1;OPA;FO;THD1G", "1;OPC;FO;THD100", "2;OPA;FO;THD1G", "2;;FO;THD30"])
    for workers in (1, 2):
        premises = import_premises([base], [one, two], workers=workers)
        operators = dict(zip(premises.frame["imb_id"], premises.frame["nb_operateurs_thd"]))
        # 1: OPA (in both files), OPB, OPC → 3; 2: OPA (both files) and one without a name (THD30 row) → 2
        assert operators == {1: 3, 2: 2}
        assert premises.report.counts["duplicate_rows"] == 2  # "1;OPA;FO;THD1G" and "2;OPA;FO;THD1G" repeated
