"""scoran:mobiledemand — localised 4G demand to pass on to the operators."""

from __future__ import annotations

import pandas as pd
from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)

from ..compat import SOURCE_POINT, SOURCE_VECTOR
from ..core.codes import normalize_insee
from ..core.errors import ScoranError
from ..core.feedback import Steps
from ..core.i18n import tr
from ..core.mobile import LEVELS, demand_4g, demand_by_commune
from ..core.territory import pick_field
from .base import ScoranAlgorithm
from .io import attribute_frame, read_features_with_points, require_source
from .mobile_white_zones import add_coverage_parameters, metric_crs, read_coverage


class MobileDemandAlgorithm(ScoranAlgorithm):
    INPUT = "INPUT"
    OUTPUT = "OUTPUT"
    OUTPUT_COMMUNES = "OUTPUT_COMMUNES"

    def name(self) -> str:
        return "mobiledemand"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Demande 4G localisée")

    def group(self) -> str:
        return self.tr("Mobile")

    def groupId(self) -> str:  # noqa: N802
        return "mobile"

    def tags(self):
        return self.tr("4G,mobile,demande,opérateurs,couverture,sites prioritaires,SCORAN").split(",")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Demande 4G localisée à transmettre aux opérateurs (livrable 6 de la SCORAN).\n\n"
            "Lit : des points qui ont besoin de la 4G (sites prioritaires, objets liés aux projets d'usages, points "
            "saisis…) et les cartes de couverture « Mon réseau mobile ».\n\n"
            "Calcule : les points hors de la couverture 4G de tous les opérateurs (au niveau minimal, « bonne "
            "couverture » par défaut) et, pour chacun, la distance à la couverture 4G la plus proche.\n\n"
            "Écrit : ces points avec leurs attributs et la distance ; un tableau par commune (nombre de points, "
            "distances minimale, médiane et maximale), trié par nombre de points, prêt à transmettre."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Points ayant besoin de la 4G"), [SOURCE_POINT]))
        add_coverage_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Points sans 4G")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_COMMUNES, self.tr("Demande 4G par commune"), type=SOURCE_VECTOR))

    def run_algorithm(self, parameters, context, feedback, outputs) -> dict:
        if self.parameterAsString(parameters, "MIN_LEVEL", context).strip().upper() not in LEVELS:
            raise ScoranError(self.tr("Niveau minimal inconnu (TBC, BC ou CL)."))
        source = require_source(self, parameters, self.INPUT, context)
        outputs.check(self.OUTPUT, self.OUTPUT_COMMUNES)
        steps = Steps(feedback, {"lecture": 40, "calcul": 45, "ecriture": 15})
        epsg = metric_crs(source, context)  # distances in metres whatever the layer's CRS
        features, x, y = read_features_with_points(source, epsg, context)
        coverage, _ = read_coverage(self, parameters, context, feedback, epsg)
        steps.progress("lecture", 1.0)
        inside, distance = demand_4g(x, y, coverage, feedback)
        steps.progress("calcul", 1.0)
        attributes = attribute_frame(source, features)
        code_field = pick_field(attributes.columns, "insee_com")
        outside = ~inside
        computed = pd.DataFrame({"distance_4g_m": distance[outside]})
        destination = outputs.features(self.OUTPUT, source, [f for f, out in zip(features, outside) if out],
                                       attributes.loc[outside].reset_index(drop=True), computed)
        codes = (attributes.loc[outside, code_field].map(normalize_insee) if code_field
                 else pd.Series([None] * int(outside.sum()), dtype=object))
        table = demand_by_commune(codes.reset_index(drop=True), distance[outside])
        result = {self.OUTPUT: destination, self.OUTPUT_COMMUNES: outputs.table(self.OUTPUT_COMMUNES, table)}
        outputs.style(self.OUTPUT, "demande_4g")
        outputs.style(self.OUTPUT_COMMUNES, None)
        steps.progress("ecriture", 1.0)
        feedback.pushInfo(tr("{0} point(s) sur {1} hors de la couverture 4G, dans {2} commune(s).").format(
            int((~inside).sum()), len(inside), len(table)))
        return result
