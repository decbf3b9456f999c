"""The rules no text fixes (issue 11, item 8): sourced, editable defaults in resources/data/regles_par_defaut.csv."""

from __future__ import annotations

import numpy as np
import pytest

from scoran_qgis.core import costs
from scoran_qgis.core.errors import ScoranError
from scoran_qgis.core.finance import check_shares
from scoran_qgis.core.thd import scale_share

SHIPPED = costs.DEFAULT_RULES.read_text(encoding="utf-8")


def test_shipped_values_are_the_former_constants():
    rules = costs.read_rules()
    assert set(rules) == set(costs.RULE_KEYS)
    assert rules["echelle_departementale_part_min"] == 0.8 and scale_share() == 0.8
    assert costs.density_limits() == ((2000, "urbain"), (300, "periurbain"))
    assert costs.default_shares() == {"region": 0.25, "departement": 0.45, "epci": 0.15, "feder": 0.15}
    check_shares(costs.default_shares())


def test_every_rule_has_a_source_and_says_when_it_is_ours():
    table = costs.rules_table()
    assert (table["source"].str.len() > 20).all() and (table["commentaire"].str.len() > 20).all()
    by_key = table.set_index("cle")["source"]
    assert "Circulaire SCORAN 2.0" in by_key["echelle_departementale_part_min"]
    for key in costs.RULE_KEYS:  # neither the circular nor the plan gives these figures
        assert "valeur par défaut de l'extension, à ajuster" in by_key[key].lower(), key


def test_readme_lines_name_value_and_source():
    lines = costs.rules_readme()
    assert lines[0].startswith("Règles par défaut (regles_par_defaut.csv")
    assert len(lines) == 1 + len(costs.RULE_KEYS)
    scale = next(line for line in lines if line.startswith("echelle_departementale_part_min"))
    assert "= 0,8" in scale and "Source : Circulaire SCORAN 2.0" in scale


def test_an_edited_file_changes_the_rules(tmp_path):
    path = tmp_path / "regles.csv"
    path.write_text(SHIPPED.replace("densite_urbain_min_locaux;2000", "densite_urbain_min_locaux;5 000")
                    .replace("part_region;0.25", "part_region;35 %").replace("part_feder;0.15", "part_feder;0,05"),
                    encoding="utf-8")
    limits = costs.density_limits(path)
    assert limits == ((5000, "urbain"), (300, "periurbain"))
    assert costs.density_class(np.array([4999, 5000, 299]), limits).tolist() == ["periurbain", "urbain", "rural"]
    assert costs.default_shares(path)["region"] == pytest.approx(0.35)


@pytest.mark.parametrize("edit, problem", [
    (("part_region;0.25", "part_region;0.5"), "doivent faire 100 %"),
    (("echelle_departementale_part_min;0.8", "echelle_departementale_part_min;1.5"), "hors de ]0 ; 1]"),
    (("densite_periurbain_min_locaux;300", "densite_periurbain_min_locaux;3000"), "seuil urbain"),
    (("densite_urbain_min_locaux;2000", "densite_urbain_min_locaux;beaucoup"), "« beaucoup »"),
    (("part_epci;0.15", "part_epic;0.15"), "clé inconnue"),
])
def test_a_bad_file_is_refused_naming_the_problem(tmp_path, edit, problem):
    path = tmp_path / "regles.csv"
    path.write_text(SHIPPED.replace(*edit), encoding="utf-8")
    message = str(pytest.raises(ScoranError, costs.read_rules, path).value)
    assert "regles.csv" in message and problem in message
