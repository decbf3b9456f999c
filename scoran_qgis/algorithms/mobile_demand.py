"""scoran:mobiledemand — localised 4G demand to pass on to the operators."""

from __future__ import annotations

import numpy as np
import pandas as pd
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)
from qgis.PyQt.QtCore import QVariant

from ..compat import SOURCE_POINT, SOURCE_VECTOR, is_null
from ..core.codes import normalize_insee
from ..core.errors import ScoranError
from ..core.feedback import Steps
from ..core.i18n import tr
from ..core.mobile import LEVELS, demand_4g
from ..core.territory import pick_field
from .base import ScoranAlgorithm, epsg_of
from .io import add_feature, plain, write_table
from .mobile_white_zones import add_coverage_parameters, read_coverage, read_points


def demand_by_commune(codes: pd.Series, distance: np.ndarray) -> pd.DataFrame:
    """Points needing 4G per commune: count and nearest-coverage distances (metres)."""
    frame = pd.DataFrame({"insee_com": codes.fillna("").to_numpy(), "distance": distance})
    table = frame.groupby("insee_com")["distance"].agg(["size", "min", "median", "max"]).reset_index()
    table.columns = ["insee_com", "nb_points_sans_4g", "distance_min_m", "distance_mediane_m", "distance_max_m"]
    table[["distance_min_m", "distance_mediane_m", "distance_max_m"]] = table[
        ["distance_min_m", "distance_mediane_m", "distance_max_m"]].round(0)
    return table.sort_values(["nb_points_sans_4g", "insee_com"], ascending=[False, True]).reset_index(drop=True)


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

    def run_algorithm(self, parameters, context, feedback) -> dict:
        if self.parameterAsString(parameters, "MIN_LEVEL", context).strip().upper() not in LEVELS:
            raise ScoranError(self.tr("Niveau minimal inconnu (TBC, BC ou CL)."))
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise self.invalidSourceError(parameters, self.INPUT)
        epsg = epsg_of(source.sourceCrs()) or 2154
        steps = Steps(feedback, {"lecture": 40, "calcul": 45, "ecriture": 15})
        features, x, y = read_points(source, epsg, context)
        coverage, _ = read_coverage(self, parameters, context, feedback, epsg)
        steps.progress("lecture", 1.0)
        inside, distance = demand_4g(x, y, coverage, feedback)
        steps.progress("calcul", 1.0)
        names = source.fields().names()
        code_field = pick_field(names, "insee_com")
        fields = QgsFields(source.fields())
        if fields.lookupField("distance_4g_m") < 0:
            fields.append(QgsField("distance_4g_m", QVariant.Double))
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields, source.wkbType(),
                                                 source.sourceCrs())
        if sink is None:
            raise self.invalidSinkError(parameters, self.OUTPUT)
        codes = []
        for feature, covered, gap in zip(features, inside, distance):
            if covered:
                continue
            values = dict(zip(names, [None if is_null(v) else v for v in feature.attributes()]))
            values["distance_4g_m"] = plain(gap)
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            out.setAttributes([values.get(name) for name in fields.names()])
            add_feature(sink, out)
            codes.append(normalize_insee(values.get(code_field)) if code_field else None)
        table = demand_by_commune(pd.Series(codes, dtype=object), distance[~inside])
        result = {self.OUTPUT: destination,
                  self.OUTPUT_COMMUNES: write_table(self, parameters, self.OUTPUT_COMMUNES, context, table)}
        steps.progress("ecriture", 1.0)
        feedback.pushInfo(tr("{0} point(s) sur {1} hors de la couverture 4G, dans {2} commune(s).").format(
            int((~inside).sum()), len(inside), len(table)))
        return result
