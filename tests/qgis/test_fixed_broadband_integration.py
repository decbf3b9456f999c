"""The fixed-broadband algorithms in the ways officers run them: styled results, a model, qgis_process,
and Cancel."""

from __future__ import annotations

import json

import pytest
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsVectorLayer,
)

from scoran_qgis.compat import SOURCE_FILE
from tests.qgis.test_fixed_broadband import BASES, ELIGIBILITY, golden_communes
from tests.qgis.test_qgis_process import qgis_process


def test_results_load_styled(provider, tmp_path):
    from qgis import processing

    project = QgsProject.instance()
    project.clear()
    result = processing.runAndLoadResults("scoran:importmci", {
        "BASE_IMB": BASES, "ELIGIBILITE": ELIGIBILITY, "OUTPUT": str(tmp_path / "locaux.gpkg")})
    layer = project.mapLayer(result["OUTPUT"]) if project.mapLayer(result["OUTPUT"]) else \
        project.mapLayersByName("Locaux par classe de débit")[0]
    assert isinstance(layer.renderer(), QgsCategorizedSymbolRenderer)
    assert layer.renderer().classAttribute() == "classe"
    assert [c.value() for c in layer.renderer().categories()][:2] == ["INEL", "HD05"]
    project.clear()


class CancelAt(QgsProcessingFeedback):
    """Presses Cancel once the progress bar reaches `percent`."""

    def __init__(self, percent):
        super().__init__()
        self.percent = percent
        self.progressChanged.connect(self._check)

    def _check(self, value):
        if value >= self.percent:
            self.cancel()


@pytest.mark.parametrize("percent", [1, 60])
def test_cancel_stops_and_writes_nothing(provider, tmp_path, percent):
    from qgis import processing

    out = tmp_path / "locaux.gpkg"
    with pytest.raises(QgsProcessingException, match="annulé"):
        processing.run("scoran:importmci", {"BASE_IMB": BASES, "ELIGIBILITE": ELIGIBILITY, "OUTPUT": str(out)},
                       feedback=CancelAt(percent))
    assert list(tmp_path.iterdir()) == []


def test_chain_runs_as_a_model(provider, tmp_path):
    """importmci → whitezones as a Processing model (what the modeler saves)."""
    model = QgsProcessingModelAlgorithm("chaine fixe", "SCORAN")
    for name in ("BASE_IMB", "ELIGIBILITE"):
        model.addModelParameter(QgsProcessingParameterMultipleLayers(name, name, SOURCE_FILE),
                                QgsProcessingModelParameter(name))
    model.addModelParameter(QgsProcessingParameterVectorLayer("AREAS", "AREAS"), QgsProcessingModelParameter("AREAS"))
    importer = QgsProcessingModelChildAlgorithm("scoran:importmci")
    importer.setChildId("import")
    for name in ("BASE_IMB", "ELIGIBILITE"):
        importer.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromModelParameter(name)])
    model.addChildAlgorithm(importer)
    zones = QgsProcessingModelChildAlgorithm("scoran:whitezones")
    zones.setChildId("zones")
    zones.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromChildOutput("import", "OUTPUT")])
    zones.addParameterSources("AREAS", [QgsProcessingModelChildParameterSource.fromModelParameter("AREAS")])
    for output in ("OUTPUT", "OUTPUT_ZONES", "OUTPUT_SUMMARY"):
        model_output = QgsProcessingModelOutput(output)
        model_output.setChildId("zones")
        model_output.setChildOutputName(output)
        zones.setModelOutputs({**zones.modelOutputs(), output: model_output})
    model.addChildAlgorithm(zones)

    context = QgsProcessingContext()
    areas = golden_communes()
    parameters = {"BASE_IMB": BASES, "ELIGIBILITE": ELIGIBILITY, "AREAS": areas,
                  "zones:OUTPUT": str(tmp_path / "zb.gpkg"), "zones:OUTPUT_ZONES": str(tmp_path / "c.gpkg"),
                  "zones:OUTPUT_SUMMARY": str(tmp_path / "d.csv")}
    results, ok = model.run(parameters, context, QgsProcessingFeedback())
    assert ok
    rows = {f["insee_com"]: f["nb_sous_seuil"] for f in QgsVectorLayer(str(tmp_path / "zb.gpkg")).getFeatures()}
    assert rows == {"01001": 5, "01002": 0, "2A004": 2}


def test_qgis_process_runs_the_chain(tmp_path):
    args = [f"BASE_IMB={p}" for p in BASES] + [f"ELIGIBILITE={p}" for p in ELIGIBILITY]
    done = qgis_process(tmp_path, "--json", "run", "scoran:importmci", "--", *args, f"OUTPUT={tmp_path / 'l.gpkg'}")
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["results"]["OUTPUT"] == str(tmp_path / "l.gpkg")
    log = [line for lines in payload["log"].values() if isinstance(lines, list) for line in lines]
    assert any("sans coordonnées" in line for line in log), payload["log"]
    areas = tmp_path / "communes.gpkg"
    golden_communes_file(areas)
    done = qgis_process(tmp_path, "--json", "run", "scoran:whitezones", "--", f"INPUT={tmp_path / 'l.gpkg'}",
                        f"AREAS={areas}", f"OUTPUT={tmp_path / 'zb.gpkg'}", f"OUTPUT_ZONES={tmp_path / 'c.gpkg'}",
                        f"OUTPUT_SUMMARY={tmp_path / 'd.csv'}", "THRESHOLD=BHD8", "SHARE=40")
    assert done.returncode == 0, done.stderr
    rows = {f["insee_com"]: f["zone_blanche"] for f in QgsVectorLayer(str(tmp_path / "zb.gpkg")).getFeatures()}
    # below 8 Mbit/s: 01001 has 10 of 14 premises (71 %), 01002 none, 2A004 2 of 3
    assert rows == {"01001": True, "01002": False, "2A004": True}


def golden_communes_file(path):
    from qgis.core import QgsVectorFileWriter

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV2(golden_communes(), str(path), QgsProject.instance().transformContext(),
                                              options)
