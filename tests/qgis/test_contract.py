"""The public contract only grows: what was mandatory stays enough, nothing added since is mandatory.

CONTRACT lists each algorithm's mandatory parameters as published (product.md for importmci,
whitezones and prioritysites — whose OUTPUT_SUMMARY came later and is optional — and the release
before the reliability work for the others). A model or a `qgis_process` call written against it
must keep running: every algorithm is run here with those parameters only.
"""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication, QgsProcessingParameterDefinition, QgsVectorLayer

from tests.qgis.test_bad_input import (  # noqa: F401 — `env` is a fixture
    Ctx,
    coverage,
    demand,
    env,
    mci,
    mobile,
    needs,
    priority,
    run,
    store_params,
    trajectory,
    whitezones,
)

CONTRACT = {
    "createstore": {"COMMUNES", "STORE"},
    "importmci": {"BASE_IMB", "ELIGIBILITE", "OUTPUT", "TECHNOLOGIES"},
    "importbpe": {"OUTPUT"},
    "whitezones": {"AREAS", "INPUT", "OUTPUT", "OUTPUT_ZONES", "SHARE", "THRESHOLD"},
    "prioritysites": {"INPUT", "MAX_DISTANCE", "OUTPUT", "SITES", "THRESHOLD"},
    "thdcoverage": {"AMII", "INPUT", "OUTPUT", "OUTPUT_CHECKS", "OUTPUT_SUMMARY", "RIP_PHASES", "RIP_PROJECTS"},
    "thdtrajectory": {"INPUT", "MILLESIME", "OUTPUT", "OUTPUT_CHART", "OUTPUT_PHASING", "RIP_PHASES"},
    "financialneeds": {"INPUT", "OUTPUT", "RIP_PHASES", "SHARE_DEPARTEMENT", "SHARE_EPCI", "SHARE_FEDER",
                       "SHARE_REGION"},
    "mobilewhitezones": {"COVERAGE", "INPUT", "LEVEL_FIELD", "MIN_LEVEL", "OUTPUT", "OUTPUT_SUMMARY", "RADIUS",
                         "SITE_COST", "SUBSIDY", "SUBSIDY_MOUNTAIN", "TECHNO_FIELD"},
    "mobiledemand": {"COVERAGE", "INPUT", "LEVEL_FIELD", "MIN_LEVEL", "OUTPUT", "OUTPUT_COMMUNES", "TECHNO_FIELD"},
    "deliverables": {"ANALYSES", "ATLAS", "MILLESIME", "OUTPUT", "STORE"},
}
BUILDERS = {"createstore": store_params, "importmci": mci, "whitezones": whitezones, "prioritysites": priority,
            "thdcoverage": coverage, "thdtrajectory": trajectory, "financialneeds": needs,
            "mobilewhitezones": mobile, "mobiledemand": demand}


def mandatory(algorithm: str) -> set:
    definitions = QgsApplication.processingRegistry().algorithmById(f"scoran:{algorithm}").parameterDefinitions()
    return {d.name() for d in definitions if not d.flags() & QgsProcessingParameterDefinition.FlagOptional}


@pytest.mark.parametrize("algorithm", sorted(CONTRACT))
def test_nothing_added_is_mandatory(provider, algorithm):
    assert mandatory(algorithm) <= CONTRACT[algorithm]


@pytest.mark.parametrize("algorithm", sorted(BUILDERS))
def test_runs_with_the_contract_parameters_only(env, tmp_path, algorithm):  # noqa: F811
    (tmp_path / "out").mkdir()
    full = BUILDERS[algorithm](Ctx(env, tmp_path))
    definitions = {d.name(): d for d in QgsApplication.processingRegistry().algorithmById(
        f"scoran:{algorithm}").parameterDefinitions()}
    # the contract's parameters, less those with a default value (a model may leave them unset)
    parameters = {k: v for k, v in full.items() if k in CONTRACT[algorithm]
                  and (definitions[k].isDestination() or definitions[k].defaultValue() is None)}
    result = run(algorithm, parameters)
    for name, value in result.items():
        if definitions.get(name) is not None and definitions[name].isDestination() and str(value).endswith(
                (".gpkg", ".csv")):
            assert QgsVectorLayer(str(value), name, "ogr").isValid(), (name, value)


def test_a_file_output_without_extension_gets_its_format_one(env, tmp_path):  # noqa: F811
    (tmp_path / "out").mkdir()
    result = run("thdtrajectory", trajectory(Ctx(env, tmp_path), OUTPUT_CHART=str(tmp_path / "out" / "graphique")))
    assert result["OUTPUT_CHART"] == str(tmp_path / "out" / "graphique.png")
    assert (tmp_path / "out" / "graphique.png").read_bytes()[:4] == b"\x89PNG"
