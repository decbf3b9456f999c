"""Mobile coverage codes spelled the ways ARCEP files and officers spell them (domain.md §2).

The golden layers of test_mobile, respelled (`2 G`, `GSM`, `UMTS`, `Bonne couverture`,
`tres_bonne_couverture`, `Couverture limitée`…), give the same status per town centre as the
canonical `2G`/`3G`/`BC`/`CL`; codes that match nothing are counted, and a coverage nothing of which
can be read is refused instead of making every town centre a white zone.
"""

from __future__ import annotations

import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException

from scoran_qgis.core.errors import ScoranError
from scoran_qgis.core.mobile import canonical_level, canonical_technology, normalise_coverage
from tests.qgis.test_mobile import by_name, coverage, layers, run, town_halls

SQUARE = "MULTIPOLYGON(((799000 6599000,801000 6599000,801000 6601000,799000 6601000,799000 6599000)))"


def respelled(techno_spelling: dict, level_spelling: dict):
    """The golden layers with every techno and level value rewritten."""
    result = []
    for layer in layers():
        techno_index, level_index = layer.fields().lookupField("techno"), layer.fields().lookupField("niveau")
        changes = {f.id(): {techno_index: techno_spelling[f["techno"]], level_index: level_spelling[f["niveau"]]}
                   for f in layer.getFeatures()}
        layer.dataProvider().changeAttributeValues(changes)
        result.append(layer)
    return result


def statuses(folder, name, coverage_layers, **extra):
    run("mobilewhitezones", {"INPUT": town_halls(), "COVERAGE": coverage_layers, "OUTPUT": str(folder / f"{name}.gpkg"),
                             "OUTPUT_SUMMARY": "TEMPORARY_OUTPUT", **extra})
    rows = by_name(folder / f"{name}.gpkg")
    return {n: (f["statut"], f["nb_operateurs_2g"], f["nb_operateurs_3g"]) for n, f in rows.items()}


@pytest.mark.parametrize("techno_spelling, level_spelling", [
    ({"2G": "2 G", "3G": "3 g"}, {"BC": "Bonne couverture", "CL": "Couverture limitée"}),
    ({"2G": "GSM", "3G": "UMTS"}, {"BC": "bonne_couverture", "CL": "COUVERTURE LIMITEE"}),
    ({"2G": "2g", "3G": "3G"}, {"BC": " bc ", "CL": "cl"}),
])
def test_spellings_give_the_canonical_statuses(provider, tmp_path, techno_spelling, level_spelling):
    canonical = statuses(tmp_path, "canonical", layers())
    # by hand (test_mobile): T1 partly covered (3G: Orange and Free), T2 2G only, T3 nothing
    assert {n: s[0] for n, s in canonical.items()} == {"T1": "partiellement_couvert", "T2": "zone_blanche_3g",
                                                       "T3": "zone_blanche_2g"}
    assert statuses(tmp_path, "respelled", respelled(techno_spelling, level_spelling)) == canonical


def test_very_good_spelled_long_still_counts_at_minimum_level_tbc(provider, tmp_path):
    """With MIN_LEVEL=TBC only « Très bonne couverture » counts: the respelled BC layers no longer do."""
    very_good = respelled({"2G": "2G", "3G": "3G"}, {"BC": "Très bonne couverture", "CL": "Couverture limitée"})
    result = statuses(tmp_path, "tbc", very_good, MIN_LEVEL="TBC")
    assert result["T1"][0] == "partiellement_couvert" and result["T3"][0] == "zone_blanche_2g"
    good = respelled({"2G": "2G", "3G": "3G"}, {"BC": "Bonne couverture", "CL": "Couverture limitée"})
    assert {s[0] for s in statuses(tmp_path, "bc", good, MIN_LEVEL="TBC").values()} == {"zone_blanche_2g"}


def test_4g_spelled_lte(provider, tmp_path):
    for name, spelling in (("lte", "LTE"), ("four", "4 G")):
        run("mobiledemand", {"INPUT": town_halls(), "COVERAGE": [coverage("Orange", spelling, SQUARE)] + layers(),
                             "OUTPUT": str(tmp_path / f"{name}.gpkg"), "OUTPUT_COMMUNES": "TEMPORARY_OUTPUT"})
        assert sorted(by_name(tmp_path / f"{name}.gpkg")) == ["T2", "T3"]  # T1 is inside the 4G square


def test_nothing_readable_is_refused(provider, tmp_path):
    unreadable = respelled({"2G": "deux G", "3G": "troisième"}, {"BC": "Bonne couverture", "CL": "CL"})
    with pytest.raises(QgsProcessingException) as error:
        statuses(tmp_path, "refused", unreadable)
    message = str(error.value)
    assert "techno" in message and "« deux G »" in message and "« troisième »" in message
    assert not (tmp_path / "refused.gpkg").exists()


def wkb():
    return bytes(ogr.CreateGeometryFromWkt("POLYGON((0 0,1 0,1 1,0 1,0 0))").ExportToWkb())


def records(rows):
    return [{"op": "Orange", "techno": t, "niveau": n, "geom": wkb(), "layer": layer} for t, n, layer in rows]


def test_canonical_spellings():
    assert list(canonical_technology(["2G", "2 G", "2g", "GSM", "3G", "3 G", "UMTS", "4G", "4 G", "LTE", "4G+", 4.0,
                                      "5G NR", "x", None])) == (
        ["2G"] * 4 + ["3G"] * 3 + ["4G"] * 5 + ["5G", None, None])
    assert list(canonical_level(["TBC", "Très bonne couverture", "tres_bonne_couverture", "BC", "Bonne couverture",
                                 "bc", "CL", "Couverture limitée", "couverture_limitee", "moyenne", ""])) == (
        ["TBC"] * 3 + ["BC"] * 3 + ["CL"] * 3 + [None, None])


def test_unknown_codes_are_counted():
    rows = [("2 G", "BC", "a")] * 3 + [("5G NR", "BC", "a")] * 2 + [("Wifi", "BC", "a")] * 4 + [("3G", "moyen", "a")]
    result = normalise_coverage(records(rows), "op", "techno", "niveau", "BC")
    assert len(result.frame) == 3 and set(result.frame["techno"]) == {"2G"}
    text = "\n".join(result.warnings)
    assert "4 polygone(s) de couverture à la technologie inconnue (« Wifi »" in text
    assert "1 polygone(s) de couverture au niveau inconnu (« moyen »" in text
    assert "2 polygone(s) de couverture 5G ignoré(s)" in text


def test_one_unreadable_layer_is_refused_by_name():
    rows = [("2G", "BC", "orange_2g")] * 2 + [("?", "BC", "sfr_3g")] * 2
    with pytest.raises(ScoranError) as error:
        normalise_coverage(records(rows), "op", "techno", "niveau", "BC", layer_key="layer")
    assert "« sfr_3g »" in str(error.value) and "« ? »" in str(error.value)
    assert len(normalise_coverage(records(rows), "op", "techno", "niveau", "BC").frame) == 2  # without layer names


def test_all_unreadable_is_refused_with_fields_and_values():
    with pytest.raises(ScoranError) as error:
        normalise_coverage(records([("2G", "moyen", "a"), ("3G", "bof", "a")]), "op", "techno", "niveau", "BC")
    message = str(error.value)
    assert "« niveau »" in message and "« moyen »" in message and "« bof »" in message
