"""Domain rules moved from the algorithm files to core/, with hand-made expectations.

demand_by_commune (mobiledemand), phase_unit_costs (thdtrajectory), main_department and
match_areas_by_insee (whitezones), and metric_epsg (distances in metres whatever the CRS).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from scoran_qgis.core.areas import main_department, match_areas_by_insee
from scoran_qgis.core.costs import phase_unit_costs
from scoran_qgis.core.errors import ScoranError
from scoran_qgis.core.mobile import demand_by_commune
from scoran_qgis.core.projection import metric_epsg


def test_demand_by_commune():
    table = demand_by_commune(pd.Series(["21001", None, "21001", "39001", "21001", "39001"], dtype=object),
                              np.array([10.0, 20.0, 35.2, 100.4, 51.6, np.nan]))
    assert table["insee_com"].tolist() == ["21001", "39001", ""]  # most points first, then by code
    assert table["nb_points_sans_4g"].tolist() == [3, 2, 1]
    assert table.iloc[0][["distance_min_m", "distance_mediane_m", "distance_max_m"]].tolist() == [10, 35, 52]
    assert table.iloc[1][["distance_min_m", "distance_max_m"]].tolist() == [100, 100]  # NaN: beyond the search


UNIT_COSTS = pd.DataFrame({"technologie": ["FTTH", "FTTH", "MED", "THDR"], "densite": ["urbain", "rural", "*", "*"],
                           "cout_par_local": ["600", "2 200", "400", "700"]})


def test_phase_unit_costs():
    coverage = pd.DataFrame({
        # 21001: 2 500 premises (urbain), 10 in P1; 21002: 100 premises (rural), 30 in P1
        "code_insee": ["21001", "21001", "21002", "21002", None, "21003", "21002"],
        "phase_id": ["P1", None, "P1", None, "P3", "P4", "PX"],
        "nb_locaux": [10, 2490, 30, 70, 5, 0, 1],
    })
    phases = pd.DataFrame({"phase_id": ["P1", "P2", "P3", "P4"], "technologie": ["FTTH", "MED", "THDR", "FTTH"]})
    values = phase_unit_costs(coverage, phases, UNIT_COSTS)
    # P1: (10 × 600 + 30 × 2 200) / 40; P2 no premise: MED any density; P3 premises without commune: THDR
    # rural rate; P4 zero premises: FTTH rural. PX is no phase: ignored.
    np.testing.assert_allclose(values, [(10 * 600 + 30 * 2200) / 40, 400, 700, 2200])


def test_phase_unit_costs_refuses_a_technology_without_cost():
    coverage = pd.DataFrame({"code_insee": ["21001"], "phase_id": ["P1"], "nb_locaux": [3]})
    phases = pd.DataFrame({"phase_id": ["P1", "P2"], "technologie": ["FTTH", "SAT"]})
    with pytest.raises(ScoranError, match="SAT"):
        phase_unit_costs(coverage, phases, UNIT_COSTS)
    with pytest.raises(ScoranError, match="cout_par_local"):
        phase_unit_costs(coverage, phases.iloc[:1], UNIT_COSTS.assign(cout_par_local=["-1", "1", "1", "1"]))


@pytest.fixture(params=["dense", "sorted"])
def counting(request, monkeypatch):
    """main_department counts with a dense table, or by sorting pairs when the table would be too large."""
    from scoran_qgis.core import areas

    if request.param == "sorted":
        monkeypatch.setattr(areas, "DENSE_PAIRS", 0)
    return request.param


def test_main_department(counting):
    group = np.array([0, 0, 0, 1, 1, 2, 2, 2, 2, -1, 4, 4])
    deps = np.array(["25", "21", "21", "25", "21", "39", None, "39", "21", "70", "21", "25"], dtype=object)
    # area 0: 21 ×2; area 1: tie, 25 met first; area 2: 39 ×2 (None not counted); area 3: no premise;
    # area 4: tie, 21 met first; the premise in no area (-1) counts nowhere
    assert main_department(group, deps, 5).tolist() == ["21", "25", "39", "", "21"]
    assert main_department(np.array([], dtype=int), np.array([], dtype=object), 2).tolist() == ["", ""]


@pytest.mark.parametrize("rows", [3000, 90])  # 90 rows in 40 areas: ties in most of them
def test_main_department_matches_the_previous_rule(counting, rows):
    """Against the formula the algorithm used (pandas value_counts per area), on random data."""
    rng = np.random.default_rng(3)
    group = rng.integers(-1, 40, rows)
    deps = rng.choice(np.array(["21", "25", "39", "2A"], dtype=object), rows)
    frame = pd.DataFrame({"g": group, "d": deps})
    frame = frame[frame["g"] >= 0]
    previous = frame.groupby("g")["d"].agg(lambda s: s.value_counts().index[0])
    expected = np.full(45, "", dtype=object)
    expected[previous.index.to_numpy()] = previous.to_numpy()
    assert main_department(group, deps, 45).tolist() == expected.tolist()


def test_match_areas_by_insee():
    areas = ["21001", 21002, "1001.0", "2a004"]
    premises = pd.Series(["21001", "21002", "01001", "2A004", "21001"])
    assert match_areas_by_insee(areas, premises).tolist() == [0, 1, 2, 3, 0]
    # a non-INSEE key (EPCI SIREN codes): by position
    assert match_areas_by_insee(["242100410", "200070845"], pd.Series(["21001"])) is None


def test_match_areas_by_insee_thresholds():
    codes = [f"210{i:02d}" for i in range(1, 11)]
    premises = pd.Series(codes)
    # 9 areas of 10 with a code: enough (90 %); the premise of the uncoded area is in none (-1)
    result = match_areas_by_insee(codes[:9] + [None], premises)
    assert result.tolist() == list(range(9)) + [-1]
    assert match_areas_by_insee(codes[:8] + [None, "lac"], premises) is None  # 80 % of areas coded
    # 9 premises of 10 found: enough; 8 of 10: by position
    assert match_areas_by_insee(codes, pd.Series(codes[:9] + ["39001"])).tolist() == list(range(9)) + [-1]
    assert match_areas_by_insee(codes, pd.Series(codes[:8] + ["39001", None])) is None
    assert match_areas_by_insee(codes, pd.Series([], dtype=object)) is None  # no premise: by position


def test_metric_epsg():
    assert metric_epsg(2154, [800_000], [6_600_000]) == 2154  # Lambert-93: metres already
    assert metric_epsg(3035, [3_900_000], [2_560_000]) == 3035  # LAEA: metres
    assert metric_epsg(4326, [5.04, 4.8], [47.32, 47.1]) == 2154  # degrees in Burgundy
    assert metric_epsg(4326, [9.1], [42.1]) == 2154  # Corsica
    # Web Mercator is in metres but stretches lengths by ~1/cos(47°): reprojected (Dijon ≈ 561 000, 5 996 000)
    assert metric_epsg(3857, [561_000], [5_996_000]) == 2154
    assert metric_epsg(4326, [55.45], [-21.1]) == 2975  # La Réunion
    assert metric_epsg(4326, [-61.55, -61.5], [16.25, 16.3]) == 5490  # Guadeloupe
    assert metric_epsg(4326, [-61.0], [14.65]) == 5490  # Martinique
    assert metric_epsg(4326, [-52.3], [4.9]) == 2972  # Guyane
    assert metric_epsg(4326, [45.15], [-12.8]) == 4471  # Mayotte
    assert metric_epsg(4326, [-56.17], [46.78]) == 32621  # elsewhere (Saint-Pierre): its UTM zone, 21 N
    assert metric_epsg(2249, [775_000], [2_956_000]) == 32619  # US feet (Boston): UTM 19 N
    # the median point decides; non-finite and absurd points are left out; none left: Lambert-93
    assert metric_epsg(4326, [55.4, 55.5, 5.0, np.nan, 1e12], [-21.0, -21.2, 47.0, 1.0, 1e12]) == 2975
    assert metric_epsg(4326, [np.inf], [np.nan]) == 2154
    with pytest.raises(ScoranError, match="EPSG:0"):
        metric_epsg(0, [1.0], [2.0])
