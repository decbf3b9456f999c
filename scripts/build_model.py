"""Write the shipped Processing model `resources/models/scoran_livrables_departement.model3`:
the whole chain for one department (missing analyses computed from the sources, then the
deliverables), usable in batch mode over the departments.

    /usr/bin/python3 scripts/build_model.py
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "scoran_qgis" / "resources" / "models" / "scoran_livrables_departement.model3"


def main() -> int:
    from qgis.core import (
        QgsApplication,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFile,
        QgsProcessingParameterString,
    )

    app = QgsApplication([], False)
    app.initQgis()
    # the name is the id in the provider: scoran:livrables_departement
    model = QgsProcessingModelAlgorithm("livrables_departement", "Livrables", "livrables")
    model.setHelpContent({"ALG_DESC": "Chaîne SCORAN complète pour un département : analyses manquantes calculées à "
                                      "partir des sources, puis atlas PDF et classeurs XLSX du millésime. À lancer "
                                      "en traitement par lots, une ligne par département."})
    sys.path.insert(0, str(ROOT))
    from scoran_qgis.compat import FILE_BEHAVIOR_FOLDER
    parameters = [
        QgsProcessingParameterFile("STORE", "Référentiel SCORAN", extension="gpkg"),
        QgsProcessingParameterString("MILLESIME", "Millésime (AAAA-S1 ou AAAA-S2)"),
        QgsProcessingParameterFile("ANALYSES", "Dossier des analyses du millésime", behavior=FILE_BEHAVIOR_FOLDER),
        QgsProcessingParameterFile("SOURCES", "Dossier des sources", behavior=FILE_BEHAVIOR_FOLDER, optional=True),
        QgsProcessingParameterString("DEPARTEMENT", "Département (code)"),
    ]
    for parameter in parameters:
        model.addModelParameter(parameter, QgsProcessingModelParameter(parameter.name()))
    child = QgsProcessingModelChildAlgorithm("scoran:deliverables")
    child.setChildId("livrables")
    child.setDescription("Livrables du département")
    for name in ("STORE", "MILLESIME", "ANALYSES", "SOURCES"):
        child.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromModelParameter(name)])
    child.addParameterSources("DEPARTEMENTS",
                              [QgsProcessingModelChildParameterSource.fromModelParameter("DEPARTEMENT")])
    output = QgsProcessingModelOutput("Dossier des livrables")
    output.setChildId("livrables")
    output.setChildOutputName("OUTPUT")
    child.setModelOutputs({"Dossier des livrables": output})
    model.addChildAlgorithm(child)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    if not model.toFile(str(TARGET)):
        print(f"écriture impossible : {TARGET}")
        return 1
    print(f"écrit : {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
