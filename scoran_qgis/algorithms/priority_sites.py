"""scoran:prioritysites — broadband class of each priority site, flags, counts per commune and department."""

from __future__ import annotations

import pandas as pd
from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..compat import FIELD_BOOL, FIELD_DOUBLE, FIELD_STRING, NUMBER_DOUBLE, SOURCE_POINT, SOURCE_VECTOR
from ..core.errors import ScoranError
from ..core.facilities import categorise, load_mapping
from ..core.feedback import Steps
from ..core.priority import classify_sites, summarise
from ..core.tables import normalize_insee_series
from ..core.territory import pick_field
from ..core.whitezones import premise_ranks, threshold_rank
from .base import ScoranAlgorithm, preferences
from .io import attribute_frame, field_parameter, read_features_with_points, read_point_source, require_source

# Computed fields (a site's own field of the same name takes the computed value).
ADDED_FIELDS = {"classe": FIELD_STRING, "distance_m": FIELD_DOUBLE, "categorie": FIELD_STRING,
                "insee_com": FIELD_STRING, "sans_haut_debit": FIELD_BOOL, "sous_seuil": FIELD_BOOL}


class PrioritySitesAlgorithm(ScoranAlgorithm):
    INPUT = "INPUT"
    SITES = "SITES"
    MAX_DISTANCE = "MAX_DISTANCE"
    THRESHOLD = "THRESHOLD"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    OUTPUT = "OUTPUT"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"

    def name(self) -> str:
        return "prioritysites"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Sites prioritaires")

    def group(self) -> str:
        return self.tr("Haut débit fixe")

    def groupId(self) -> str:  # noqa: N802
        return "fixe"

    def tags(self):
        return self.tr("sites prioritaires,écoles,santé,services publics,entreprises,haut débit,SCORAN").split(",")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Repère les bâtiments prioritaires (écoles, santé, services publics, entreprises) mal desservis "
            "(livrable 2 de la SCORAN).\n\n"
            "Lit : les locaux importés par « Importer Ma connexion internet » et une couche de points des sites "
            "(sortie de « Importer les sites prioritaires » ou toute couche de points).\n\n"
            "Calcule, pour chaque site, la classe de débit du local le plus proche à moins de DISTANCE MAXIMALE "
            "mètres (100 m par défaut ; NULL et compté quand il n'y en a pas), sa distance, la catégorie du "
            "site (champ choisi, sinon « categorie », sinon TYPEQU classé par la table des catégories), et les "
            "indicateurs sans_haut_debit (classe INEL) et sous_seuil (classe sous le SEUIL, HD3 par défaut).\n\n"
            "Écrit : les sites avec leurs propres attributs et ces champs ; un tableau des comptes par commune, "
            "par département et pour l'ensemble, par catégorie."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Locaux (sortie de Importer Ma connexion internet)"), [SOURCE_POINT]))
        self.addParameter(QgsProcessingParameterFeatureSource(self.SITES, self.tr("Sites"), [SOURCE_POINT]))
        defaults = preferences()
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_DISTANCE, self.tr("Distance maximale site – local (m, au moins 1)"), NUMBER_DOUBLE,
            defaults.priority_max_distance, minValue=1.0))
        self.addParameter(QgsProcessingParameterString(
            self.THRESHOLD, self.tr("Seuil : classe à partir de laquelle le haut débit est de qualité (HD05, HD3, "
                                    "BHD8, THD30…)"), defaults.threshold_class))
        self.addParameter(QgsProcessingParameterField(
            self.CATEGORY_FIELD, self.tr("Champ de catégorie des sites"), parentLayerParameterName=self.SITES,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Sites prioritaires qualifiés")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SUMMARY, self.tr("Sites prioritaires par commune et département"), type=SOURCE_VECTOR,
            optional=True, createByDefault=True))

    def run_algorithm(self, parameters, context, feedback, outputs) -> dict:
        threshold = self.parameterAsString(parameters, self.THRESHOLD, context).strip().upper()
        threshold_rank(threshold)
        max_distance = self.parameterAsDouble(parameters, self.MAX_DISTANCE, context)
        sites = require_source(self, parameters, self.SITES, context)
        category_field = field_parameter(self, parameters, self.CATEGORY_FIELD, context, sites)
        outputs.check(self.OUTPUT, self.OUTPUT_SUMMARY)
        steps = Steps(feedback, {"locaux": 40, "sites": 20, "calcul": 15, "ecriture": 25})

        x, y, premises, epsg = read_point_source(self, parameters, self.INPUT, context, feedback,
                                                 ["code_insee", "classe"])
        if len(premises) == 0:
            raise ScoranError(self.tr("La couche de locaux est vide."))
        steps.progress("locaux", 1.0)

        features, site_x, site_y = read_features_with_points(sites, epsg, context)
        if not features:
            raise ScoranError(self.tr("La couche de sites est vide."))
        steps.progress("sites", 1.0)
        result = classify_sites(site_x, site_y, x, y, premise_ranks(premises["classe"]), premises["code_insee"],
                                max_distance, threshold, feedback)
        attributes = attribute_frame(sites, features)
        result["categorie"] = self._categories(category_field, attributes)
        result["insee_com"] = self._communes(attributes, result["commune_local"])
        missing = int(result["classe"].isna().sum())
        if missing:
            feedback.pushWarning(self.tr("{0} site(s) sans local à moins de {1} m : classe NULL.").format(
                missing, max_distance))
        steps.progress("calcul", 1.0)

        added = result[[name for name in ADDED_FIELDS]]
        results = {self.OUTPUT: outputs.features(self.OUTPUT, sites, features, attributes, added, ADDED_FIELDS)}
        if outputs.is_set(self.OUTPUT_SUMMARY):
            results[self.OUTPUT_SUMMARY] = outputs.table(self.OUTPUT_SUMMARY, summarise(result))
        steps.progress("ecriture", 1.0)
        flagged = result[result["sous_seuil"].fillna(False).astype(bool)]
        feedback.pushInfo(self.tr("{0} site(s) sur {1} sous le seuil, dont {2} sans haut débit.").format(
            len(flagged), len(result), int(result["sans_haut_debit"].fillna(False).astype(bool).sum())))
        outputs.style(self.OUTPUT, "sites_prioritaires")
        outputs.style(self.OUTPUT_SUMMARY, None)
        return results

    @staticmethod
    def _categories(field: str, attributes: pd.DataFrame) -> pd.Series:
        if not field and "categorie" in attributes:
            field = "categorie"
        if field:
            return attributes[field].fillna("autre").astype(str)
        typequ = next((c for c in attributes.columns if c.lower() in ("typequ", "type_equipement")), None)
        if typequ:
            category, _ = categorise(attributes[typequ].fillna(""), load_mapping())
            return category.fillna("autre")
        return pd.Series("autre", index=attributes.index)

    @staticmethod
    def _communes(attributes: pd.DataFrame, nearest_commune: pd.Series) -> pd.Series:
        field = pick_field(attributes.columns, "insee_com")
        if field is None:
            return nearest_commune
        codes, valid = normalize_insee_series(attributes[field].fillna(""))
        return codes.where(valid, nearest_commune)
