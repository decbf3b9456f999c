"""INSEE codes, departments, CRS and semesters: pure logic."""

from datetime import date

import pytest

from scoran_qgis.core.codes import (
    Millesime,
    crs_for_departement,
    departement_of,
    normalize_insee,
    semester_range,
)
from scoran_qgis.core.errors import ScoranError


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("01001", "01001"),
        ("1001", "01001"),  # read as a number by a spreadsheet
        (1001, "01001"),
        ("1001.0", "01001"),
        ("2a004", "2A004"),
        ("2B033", "2B033"),
        ("97411", "97411"),
        (" 21231 ", "21231"),
        ("123", None),
        ("2C004", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_insee(raw, expected):
    assert normalize_insee(raw) == expected


@pytest.mark.parametrize(("code", "dep"), [("21231", "21"), ("01001", "01"), ("2A004", "2A"), ("97411", "974")])
def test_departement_of(code, dep):
    assert departement_of(code) == dep


def test_crs_for_departement():
    assert crs_for_departement("21") == 2154
    assert crs_for_departement("2A") == 2154
    assert crs_for_departement("971") == 5490
    assert crs_for_departement("973") == 2972
    assert crs_for_departement("974") == 2975
    assert crs_for_departement("976") == 4471


def test_millesime_parse_and_arithmetic():
    s1 = Millesime.parse("2015-S1")
    assert (s1.year, s1.half) == (2015, 1)
    assert str(Millesime.parse("2015s2")) == "2015-S2"
    assert s1.next() == Millesime(2015, 2)
    assert s1.previous() == Millesime(2014, 2)
    assert s1.shifted(15) == Millesime(2022, 2)
    assert s1.start == date(2015, 1, 1) and s1.end == date(2015, 6, 30)
    assert Millesime(2015, 2).end == date(2015, 12, 31)
    assert Millesime.of_date(date(2016, 7, 1)) == Millesime(2016, 2)
    assert s1.label == "1er semestre 2015"
    assert [str(m) for m in semester_range(s1, Millesime(2016, 1))] == ["2015-S1", "2015-S2", "2016-S1"]


@pytest.mark.parametrize("bad", ["2015-S3", "2015", "S1-2015", "", None, "15-S1"])
def test_millesime_refuses_bad_text(bad):
    with pytest.raises(ScoranError, match="Millésime invalide"):
        Millesime.parse(bad)
