"""scoran:thdcoverage — who brings very high speed to each premise, and when."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
)

from ..compat import SOURCE_POINT, SOURCE_VECTOR
from ..core.codes import Millesime, normalize_insee
from ..core.errors import ScoranError
from ..core.feedback import Steps
from ..core.semesters import save_coverage
from ..core.store import ScoranStore
from ..core.thd import assign_coverage, check_plan, coverage_summary, rip_scale_checks
from .base import ScoranAlgorithm, store_parameter, store_value
from .io import read_point_source
from .plan_inputs import add_plan_parameters, read_plan, read_table

PREMISE_FIELDS = ["imb_id", "code_insee", "code_dep", "nb_locaux", "classe"]


class ThdCoverageAlgorithm(ScoranAlgorithm):
    INPUT = "INPUT"
    COMMUNES = "COMMUNES"
    MILLESIME = "MILLESIME"
    STORE = "STORE"
    OUTPUT = "OUTPUT"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
    OUTPUT_CHECKS = "OUTPUT_CHECKS"

    def name(self) -> str:
        return "thdcoverage"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Couverture THD (RIP et AMII)")

    def group(self) -> str:
        return self.tr("Très haut débit")

    def groupId(self) -> str:  # noqa: N802
        return "thd"

    def tags(self):
        return self.tr("THD,RIP,AMII,FTTH,fibre,phases,calendrier,couverture,chevauchement,SCORAN").split(",")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Qui apporte le très haut débit (≥ 30 Mbit/s) à chaque local, et quand (livrables 3 et 4 de la SCORAN).\n\n"
            "Lit : les locaux importés (« Importer Ma connexion internet »), les projets RIP et leurs phases "
            "(polygones, ou listes de communes : champ « communes » ou table rip_phases_communes du référentiel), "
            "les communes AMII/ZTD et le calendrier des opérateurs — par exemple les couches du référentiel "
            "SCORAN.\n\n"
            "Calcule pour chaque local : sa zone (ZTD, AMII, RIP, aucun), son projet et sa phase de RIP, son semestre "
            "prévu de passage au THD (année du calendrier AMII, second semestre ; fin de la phase FTTH ou THD radio "
            "pour les RIP ; la montée en débit MED n'apporte pas le THD), deja_thd, chevauchement_amii (un RIP sur "
            "une commune AMII : initiative privée, hors du phasage et des besoins financiers du RIP) et "
            "reste_a_couvrir (rien de prévu avant fin 2022). Une phase abandonnée ne prend aucun local : la phase "
            "qui reprend sa zone les prend ; une phase FTTH ou THD radio passe avant une phase MED sur la même "
            "zone.\n\n"
            "Contrôle : projets RIP plus petits qu'un département (moins de 80 % des locaux d'initiative publique "
            "d'un de leurs départements — champ « departements », sinon communes et locaux du projet, jamais le "
            "nom du projet ; seuil modifiable dans regles_par_defaut.csv : pas de soutien national), phases "
            "abandonnées, sans dates, qui finissent avant de commencer ou qui se chevauchent dans un même projet, "
            "communes AMII hors du territoire.\n\n"
            "Écrit : les locaux avec ces champs ; les locaux par zone et semestre prévu, par commune, département "
            "et pour l'ensemble ; la liste des anomalies. Avec un référentiel et un millésime, enregistre la "
            "situation du semestre pour la comparer au suivant."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Locaux (sortie de Importer Ma connexion internet)"), [SOURCE_POINT]))
        add_plan_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.COMMUNES, self.tr("Communes du territoire (contrôle des codes AMII)"), [SOURCE_VECTOR], optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.MILLESIME, self.tr("Millésime (AAAA-S1 ou AAAA-S2)"), optional=True))
        self.addParameter(store_parameter(
            self.STORE, self.tr("Référentiel SCORAN où enregistrer le millésime (fichier .gpkg ou base PostgreSQL)"),
            optional=True))
        self.addParameter(QgsProcessingParameterVectorDestination(
            self.OUTPUT, self.tr("Locaux et couverture THD"), SOURCE_POINT))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SUMMARY, self.tr("Locaux par zone et semestre prévu"), type=SOURCE_VECTOR))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CHECKS, self.tr("Anomalies des projets"), type=SOURCE_VECTOR))

    def run_algorithm(self, parameters, context, feedback, outputs) -> dict:
        millesime = self.parameterAsString(parameters, self.MILLESIME, context).strip()
        if millesime:
            millesime = str(Millesime.parse(millesime))
        store_path = store_value(self, parameters, self.STORE, context)
        if store_path and not millesime:
            raise ScoranError(self.tr("Indiquez le millésime à enregistrer dans le référentiel."))
        store = ScoranStore.open(store_path) if store_path else None
        outputs.check(self.OUTPUT, self.OUTPUT_SUMMARY, self.OUTPUT_CHECKS)
        steps = Steps(feedback, {"locaux": 25, "plans": 15, "calcul": 30, "ecriture": 30})

        x, y, premises, epsg = read_point_source(self, parameters, self.INPUT, context, feedback, PREMISE_FIELDS)
        if premises.empty:
            raise ScoranError(self.tr("La couche de locaux est vide."))
        premises["nb_locaux"] = premises["nb_locaux"].fillna(0).astype(np.int64)
        steps.progress("locaux", 1.0)
        plan = read_plan(self, parameters, context, feedback, epsg)
        communes = read_table(self, parameters, self.COMMUNES, context)
        known = None
        if communes is not None:
            key = next((c for c in communes.columns if c.lower() in ("insee_com", "code_insee", "insee")), None)
            known = set(communes[key].map(normalize_insee)) if key else None
        checks, usable = check_plan(plan, known if known is not None else set(premises["code_insee"]))
        steps.progress("plans", 1.0)

        coverage = assign_coverage(premises, x, y, plan, usable, feedback)
        checks = pd.concat([checks, rip_scale_checks(premises, coverage, plan)], ignore_index=True)
        summary = coverage_summary(premises, coverage)
        steps.progress("calcul", 1.0)
        for row in checks.itertuples():
            feedback.pushWarning(row.detail)

        columns = {name: ("TEXT", premises[name].astype(str).to_numpy(dtype=object)) for name in
                   ("imb_id", "code_insee", "code_dep")}
        columns["nb_locaux"] = ("MEDIUMINT", premises["nb_locaux"].to_numpy())
        columns["classe"] = ("TEXT", premises["classe"].to_numpy(dtype=object))
        for name in ("zone", "rip_id", "phase_id", "technologie", "semestre_prevu"):
            columns[name] = ("TEXT", coverage[name].to_numpy(dtype=object))
        for name in ("deja_thd", "chevauchement_amii", "reste_a_couvrir"):
            columns[name] = ("BOOLEAN", coverage[name].to_numpy().astype(np.int64))
        results = {self.OUTPUT_SUMMARY: outputs.table(self.OUTPUT_SUMMARY, summary),
                   self.OUTPUT_CHECKS: outputs.table(self.OUTPUT_CHECKS, checks),
                   self.OUTPUT: outputs.points(self.OUTPUT, columns, x, y, epsg, self.tr("Locaux et couverture THD"))}
        if store is not None:  # saved with the files, at commit: a cancel or a failure before writes nothing
            outputs.store_write(lambda: save_coverage(store, millesime, summary, plan.phases, plan.amii))
            feedback.pushInfo(self.tr("Millésime {0} enregistré dans {1} avec les sorties.").format(
                millesime, Path(store_path).name))
        steps.progress("ecriture", 1.0)
        nb = premises["nb_locaux"].to_numpy()
        for zone, count in pd.Series(nb).groupby(coverage["zone"].to_numpy()).sum().items():
            feedback.pushInfo(self.tr("Zone {0} : {1} locaux").format(zone, int(count)))
        feedback.pushInfo(self.tr("Reste à couvrir après 2022 : {0} locaux ; chevauchements RIP/AMII : {1} locaux.")
                          .format(int(nb[coverage["reste_a_couvrir"].to_numpy()].sum()),
                                  int(nb[coverage["chevauchement_amii"].to_numpy()].sum())))
        outputs.style(self.OUTPUT, "couverture_thd", self.tr("Couverture THD"))
        outputs.style(self.OUTPUT_SUMMARY, None)
        outputs.style(self.OUTPUT_CHECKS, None)
        return results
