"""Golden tests of the cost tables' validating readers (State aid, unit costs), written by hand.

Every refusal names the table, the column, the 1-based rows and the values; French-formatted numbers
parse to the numbers an officer meant; the State share is never negative.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from scoran_qgis.core import costs
from scoran_qgis.core.errors import ScoranError
from scoran_qgis.core.finance import financial_needs
from scoran_qgis.core.tables import parse_french_numbers

NBSP, NNBSP = "\u00a0", "\u202f"


def aid(deps=("21", "25", "*"), rates=("0.5", "0.4", "0.473"), caps=("300", "400", "437")):
    return pd.DataFrame({"insee_dep": list(deps), "taux": list(rates), "plafond_par_local": list(caps)})


def unit_costs(techs=("FTTH", "FTTH", "FTTH", "MED"), densities=("urbain", "periurbain", "rural", "*"),
               values=("600", "1200", "2200", "400")):
    return pd.DataFrame({"technologie": list(techs), "densite": list(densities), "cout_par_local": list(values)})


def test_french_numbers():
    numbers, percent = parse_french_numbers(pd.Series(
        ["0,40", "1 234,5", f"1{NBSP}234", f"1{NNBSP}234,25", "33%", "33 %", "0.473", "1.234,5", "180 €", "abc",
         "", None, "1,234.5"], dtype=object))
    expected = [0.40, 1234.5, 1234, 1234.25, 33, 33, 0.473, 1234.5, 180]
    np.testing.assert_allclose(numbers[:9], expected)
    assert np.isnan(numbers[9:]).all()
    assert percent.tolist() == [False] * 4 + [True, True] + [False] * 7


def test_aid_french_formats():
    table = costs.validate_aid(pd.DataFrame({
        "insee_dep": ["21", "25", 39, "2a", "1", "*"],
        "taux": ["0,40", "33 %", "33%", "61,6 %", 0.5, "1"],
        "plafond_par_local": ["1 234,5", f"1{NNBSP}234", f"1{NBSP}234", "180 €", 437, "0"],
        "source": ["a", None, "c", "d", "e", "f"],
    }), "ma_table")
    assert table["insee_dep"].tolist() == ["21", "25", "39", "2A", "01", "*"]
    np.testing.assert_allclose(table["taux"], [0.40, 0.33, 0.33, 0.616, 0.5, 1.0])
    np.testing.assert_allclose(table["plafond_par_local"], [1234.5, 1234, 1234, 180, 437, 0])
    assert table["taux"].dtype == np.float64 and table["source"].tolist()[:2] == ["a", None]


def test_unit_costs_french_formats():
    table = costs.validate_unit_costs(pd.DataFrame({
        "technologie": ["FTTH", "ftth", " MED ", "THDR", "SAT"],
        "densite": ["urbain", "Rural", "Péri-urbain", "*", "*"],
        "cout_par_local": ["1 200", "2 200,50", "400", 700, "1,5"],
    }))
    assert table["technologie"].tolist() == ["FTTH", "FTTH", "MED", "THDR", "SAT"]
    assert table["densite"].tolist() == ["urbain", "rural", "periurbain", "*", "*"]
    np.testing.assert_allclose(table["cout_par_local"], [1200, 2200.5, 400, 700, 1.5])


AID_CASES = {
    # name: (frame, words the message must hold)
    "rate_4": (aid(rates=("0.5", "4.0", "0.4")), ["aides de l'État", "« taux »", "ligne(s) en cause : 2", "« 4.0 »",
                                                   "0,33 ou 33 %"]),
    "rate_33_bare": (aid(rates=("33", "0.5", "0.4")), ["« taux »", ": 1 ", "« 33 »", "33 %"]),
    "rate_150_pct": (aid(rates=("0.5", "0.4", "150 %")), ["« taux »", ": 3 ", "« 150 % »", "[0 ; 1]"]),
    "rate_negative": (aid(rates=("-0,1", "0.5", "0.4")), ["« taux »", ": 1 ", "« -0,1 »"]),
    "rate_text": (aid(rates=("0.5", "beaucoup", "0.4")), ["« taux »", ": 2 ", "« beaucoup »", "illisible"]),
    "rate_empty": (aid(rates=("0.5", "0.4", "")), ["« taux »", ": 3 ", "(vide)"]),
    "cap_negative": (aid(caps=("300", "-5", "437")), ["« plafond_par_local »", "négatif", ": 2 ", "« -5 »"]),
    "cap_text": (aid(caps=("300", "400", "n/a")), ["« plafond_par_local »", "illisible", ": 3 ", "« n/a »"]),
    "cap_percent": (aid(caps=("12 %", "400", "437")), ["« plafond_par_local »", ": 1 ", "« 12 % »"]),
    "dep_duplicate": (aid(deps=("21", "21.0", "*")), ["« insee_dep »", "double", "1, 2", "« 21 »"]),
    "dep_invalid": (aid(deps=("21", "Côte-d'Or", "*")), ["« insee_dep »", ": 2 ", "« Côte-d'Or »"]),
    "dep_empty": (aid(deps=("21", "25", None)), ["« insee_dep »", ": 3 ", "(vide)"]),
}


@pytest.mark.parametrize("case", sorted(AID_CASES))
def test_aid_refusals(case):
    frame, words = AID_CASES[case]
    with pytest.raises(ScoranError) as error:
        costs.validate_aid(frame, "aides_test")
    message = str(error.value)
    for word in ["aides_test", *words]:
        assert word in message, (word, message)


COST_CASES = {
    "cost_zero": (unit_costs(values=("600", "0", "2200", "400")), ["coûts unitaires", "« cout_par_local »", ": 2 ",
                                                                  "« 0 »", "nul ou négatif"]),
    "cost_negative": (unit_costs(values=("600", "1200", "-3", "400")), ["« cout_par_local »", ": 3 ", "« -3 »"]),
    "cost_text": (unit_costs(values=("cher", "1200", "2200", "400")), ["« cout_par_local »", "illisible", ": 1 ",
                                                                      "« cher »"]),
    "cost_empty": (unit_costs(values=("600", "1200", "2200", None)), ["« cout_par_local »", ": 4 ", "(vide)"]),
    "techno_unknown": (unit_costs(techs=("FTTH", "FTTH", "FTTH", "5G")), ["« technologie »", ": 4 ", "« 5G »",
                                                                         "FTTH, MED, THDR, SAT"]),
    "techno_empty": (unit_costs(techs=("FTTH", "", "FTTH", "MED")), ["« technologie »", ": 2 ", "(vide)"]),
    "density_unknown": (unit_costs(densities=("urbain", "banlieue", "rural", "*")), ["« densite »", ": 2 ",
                                                                                    "« banlieue »"]),
    "duplicate_pair": (unit_costs(densities=("urbain", "Urbain", "rural", "*")), ["« technologie, densite »", "1, 2",
                                                                                 "« FTTH / urbain »", "double"]),
}


@pytest.mark.parametrize("case", sorted(COST_CASES))
def test_unit_cost_refusals(case):
    frame, words = COST_CASES[case]
    with pytest.raises(ScoranError) as error:
        costs.validate_unit_costs(frame, "couts_test")
    message = str(error.value)
    for word in ["couts_test", *words]:
        assert word in message, (word, message)


def test_many_bad_rows_show_five_and_the_count():
    frame = aid(deps=[f"{d:02d}" for d in range(1, 9)], rates=["5"] * 7 + ["0.5"], caps=["1"] * 8)
    message = str(pytest.raises(ScoranError, costs.validate_aid, frame).value)
    assert "7 ligne(s) en cause : 1, 2, 3, 4, 5…" in message and ", 6" not in message


def test_every_problem_in_one_message_and_missing_column():
    message = str(pytest.raises(ScoranError, costs.validate_aid, aid(rates=("4", "0.5", "0.4"),
                                                                     caps=("1", "-1", "1"))).value)
    assert "« taux »" in message and "« plafond_par_local »" in message
    message = str(pytest.raises(ScoranError, costs.validate_unit_costs,
                                unit_costs().drop(columns="densite"), "x.csv").value)
    assert "densite" in message and "absente" in message and "x.csv" in message


def test_shipped_defaults_are_valid():
    table = costs.read_defaults(costs.DEFAULT_AID).set_index("insee_dep")
    assert (table.loc["75", "taux"], table.loc["75", "plafond_par_local"]) == (0.33, 180.0)
    assert (table.loc["23", "taux"], table.loc["23", "plafond_par_local"]) == (0.616, 694.0)
    assert "*" in table.index
    unit = costs.read_defaults(costs.DEFAULT_UNIT_COSTS)
    assert dict(zip(zip(unit["technologie"], unit["densite"]), unit["cout_par_local"]))[("FTTH", "rural")] == 2200


def test_defaults_reader_refuses_a_bad_file(tmp_path):
    path = tmp_path / "aides.csv"
    path.write_text("insee_dep;taux;plafond_par_local\n21;0,5;300\n25;40;200\n", encoding="utf-8")
    message = str(pytest.raises(ScoranError, costs.read_defaults, path).value)
    assert "aides.csv" in message and ": 2 " in message and "« 40 »" in message


def test_lookups_validate_whatever_the_path():
    with pytest.raises(ScoranError, match="taux"):
        costs.aid_for(["21"], aid(rates=("4", "0.5", "0.4")))
    with pytest.raises(ScoranError, match="cout_par_local"):
        costs.unit_cost(["FTTH"], ["rural"], unit_costs(values=("600", "1200", "-1", "400")))
    rates = costs.aid_for(["21", "39", "25"], aid(rates=("50 %", "0,4", "0.473"), caps=("300", "1 000", "437")))
    assert rates["taux"].tolist() == [0.5, 0.473, 0.4] and rates["plafond_par_local"].tolist() == [300, 437, 1000]
    values = costs.unit_cost(["FTTH", "ftth", "MED"], ["rural", "urbain", "urbain"], unit_costs())
    assert values.tolist() == [2200, 600, 400]  # MED: the `*` row
    with pytest.raises(ScoranError, match="THDR"):
        costs.unit_cost(["THDR"], ["rural"], unit_costs())
    with pytest.raises(ScoranError, match="39"):
        costs.aid_for(["39"], aid(deps=("21", "25", "2A")))


def plan_inputs():
    """Commune 21001: 35 premises (rural); 30 of them wait for phase P1 (FTTH)."""
    premises = pd.DataFrame({"code_insee": ["21001"] * 3, "code_dep": ["21"] * 3, "nb_locaux": [10, 20, 5]})
    coverage = pd.DataFrame({"deja_thd": [False, False, True], "phase_id": ["P1", "P1", "P1"]})
    phases = pd.DataFrame({"phase_id": ["P1"], "rip_id": ["RIP21"], "technologie": ["FTTH"],
                           "semestre_fin": ["2016-S2"], "statut": ["prevu"]})
    return premises, coverage, phases


def test_financial_needs_with_french_tables():
    premises, coverage, phases = plan_inputs()
    table = financial_needs(premises, coverage, phases, aid(rates=("50 %", "0.4", "0.473"), caps=("1 000", "1", "1")),
                            unit_costs(values=("600", "1200", "2 200", "400")))
    phase = table[table["niveau"] == "phase"].iloc[0]
    # 30 premises × 2 200 € = 66 000 €; State: min(50 % × 66 000, 1 000 × 30) = 30 000 € (cap binds)
    assert phase["cout_total"] == 66_000 and phase["part_etat"] == 30_000 and bool(phase["plafond_atteint"])
    assert phase["reste_collectivites"] == 36_000


def test_financial_needs_refuses_absurd_tables():
    premises, coverage, phases = plan_inputs()
    with pytest.raises(ScoranError, match="plafond_par_local"):
        financial_needs(premises, coverage, phases, aid(caps=("-300", "1", "1")), unit_costs())
    with pytest.raises(ScoranError, match="taux"):
        financial_needs(premises, coverage, phases, aid(rates=("4.0", "0.5", "0.5")), unit_costs())


def test_state_share_never_negative():
    premises, coverage, phases = plan_inputs()
    rng = np.random.default_rng(7)
    for _ in range(50):
        rate, cap, cost = rng.uniform(0, 1), rng.choice([0.0, rng.uniform(0, 5000)]), rng.uniform(1, 5000)
        table = financial_needs(premises, coverage, phases, aid(rates=(str(rate), "0", "0"), caps=(str(cap), "0", "0")),
                                unit_costs(values=("1", "1", str(cost), "1")))
        share, total = table["part_etat"].to_numpy(float), table["cout_total"].to_numpy(float)
        assert (share >= 0).all() and (share <= total + 0.01).all()
        expected = min(rate * 30 * cost, cap * 30)
        assert table.loc[table["niveau"] == "phase", "part_etat"].iat[0] == pytest.approx(expected, abs=0.01)
