"""scoran:financialneeds — cost of the RIP phases and who pays (State cap per department); the rest to plan
for THD for all in 2022 (premises in no plan), costed the same way."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
)

from ..compat import NUMBER_DOUBLE, SOURCE_POINT, SOURCE_VECTOR
from ..core import costs as cost_tables
from ..core.errors import ScoranError
from ..core.feedback import Steps
from ..core.finance import financial_needs, phase_schedule, remaining_to_plan, schedule_notes
from .base import ScoranAlgorithm
from .plan_inputs import add_plan_parameters, read_cost_table, read_plan, read_thd_coverage

COVERAGE_FIELDS = ["code_insee", "code_dep", "nb_locaux", "deja_thd", "phase_id"]
# parameter → share; the defaults come from resources/data/regles_par_defaut.csv (part_region…)
SHARES = (("SHARE_REGION", "region"), ("SHARE_DEPARTEMENT", "departement"), ("SHARE_EPCI", "epci"),
          ("SHARE_FEDER", "feder"))
FALLBACK_SHARES = {"region": 0.25, "departement": 0.45, "epci": 0.15, "feder": 0.15}


def _default_shares() -> dict:
    """The rules file's split (a broken file is refused when the algorithm runs, not when QGIS loads it)."""
    try:
        return cost_tables.default_shares()
    except ScoranError:
        return FALLBACK_SHARES


class FinancialNeedsAlgorithm(ScoranAlgorithm):
    INPUT = "INPUT"
    AID = "AID"
    COSTS = "COSTS"
    OUTPUT = "OUTPUT"
    OUTPUT_REMAINING = "OUTPUT_REMAINING"

    def name(self) -> str:
        return "financialneeds"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Besoins financiers (THD fixe)")

    def group(self) -> str:
        return self.tr("Très haut débit")

    def groupId(self) -> str:  # noqa: N802
        return "thd"

    def tags(self):
        return self.tr("coût,financement,État,plafond,FEDER,Région,Département,EPCI,RIP,SCORAN").split(",")

    def shortHelpString(self) -> str:  # noqa: N802
        labels = self.tr("Région, Département, EPCI, FEDER")
        return self.tr(
            "Estimation semestrielle du coût de la couverture fixe et des besoins de financement (livrable 7 de la "
            "SCORAN).\n\n"
            "Lit : la sortie de « Couverture THD », les phases des RIP, la table d'aide de l'État par département "
            "(taux et plafond par local ; aides_departements du référentiel, ou la table de l'extension : de 33 % "
            "et 180 € à 61,6 % et 694 € selon le cahier des charges 2013, ligne « * » par défaut) et les coûts "
            "unitaires par technologie et densité (couts_unitaires).\n\n"
            "Calcule, par phase et département : locaux restant à desservir hors communes AMII et ZTD (initiative "
            "privée) et hors phases abandonnées × coût unitaire (densité de la commune selon "
            "regles_par_defaut.csv : urbain ≥ 2 000 locaux, périurbain ≥ 300, rural), ou le cout_prevu saisi pour "
            "la phase (l'estimation reste à côté, source_cout dit lequel sert), part de l'État = min(taux × coût, "
            "plafond × locaux), reste pour les collectivités réparti entre {0} selon les parts choisies (par défaut "
            "celles de regles_par_defaut.csv). Chaque phase est répartie également sur ses semestres (locaux en "
            "nombres entiers) : une ligne par phase, département et semestre, avec son année — la même règle que "
            "le phasage 2015–2017 de « Trajectoire THD », qui donne donc les mêmes locaux et coûts par projet et "
            "par année. Puis les totaux par projet, département, semestre et pour l'ensemble.\n\n"
            "Reste à planifier (facultatif) : les locaux qui ne sont dans aucun plan — ni THD déjà, ni en commune "
            "AMII ou ZTD, ni dans une phase de RIP vivante (hors de tout projet, ou dans un périmètre de RIP sans "
            "phase, par exemple la zone d'une phase abandonnée que nulle phase n'a reprise) — chiffrés comme "
            "l'estimation d'une phase : locaux × coût unitaire FTTH de la densité de leur commune, part de l'État "
            "du département = min(taux × coût, plafond × locaux), reste réparti de même ; par département et pour "
            "l'ensemble. Phases des RIP + reste à planifier = le coût du 100 % THD en 2022.\n\n"
            "Écrit : une table (utilisable dans les modèles et les livrables) et, sur demande, la table du reste "
            "à planifier."
        ).format(labels)

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Locaux et couverture THD (sortie de Couverture THD)"), [SOURCE_POINT]))
        add_plan_parameters(self, with_projects=False)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AID, self.tr("Aide de l'État par département (vide : table de l'extension)"), [SOURCE_VECTOR],
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.COSTS, self.tr("Coûts unitaires (vide : table de l'extension)"), [SOURCE_VECTOR], optional=True))
        labels = {"region": self.tr("Part de la Région dans le reste (%)"),
                  "departement": self.tr("Part du Département dans le reste (%)"),
                  "epci": self.tr("Part des EPCI dans le reste (%)"),
                  "feder": self.tr("Part du FEDER dans le reste (%)")}
        defaults = _default_shares()
        for name, key in SHARES:
            self.addParameter(QgsProcessingParameterNumber(name, labels[key], NUMBER_DOUBLE, 100 * defaults[key],
                                                           minValue=0, maxValue=100))  # the label says "(%)"
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Besoins financiers"),
                                                            type=SOURCE_VECTOR))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_REMAINING, self.tr("Reste à planifier (locaux hors de tout plan, coût du 100 % en 2022)"),
            type=SOURCE_VECTOR, optional=True, createByDefault=False))

    def run_algorithm(self, parameters, context, feedback, outputs) -> dict:
        shares = {key: self.parameterAsDouble(parameters, name, context) / 100 for name, key in SHARES}
        outputs.check(self.OUTPUT, self.OUTPUT_REMAINING)
        steps = Steps(feedback, {"lecture": 60, "calcul": 20, "ecriture": 20})
        coverage, epsg = read_thd_coverage(self, parameters, self.INPUT, context, feedback, COVERAGE_FIELDS)
        plan = read_plan(self, parameters, context, feedback, epsg, with_projects=False)
        aid = read_cost_table(self, parameters, self.AID, context, cost_tables.DEFAULT_AID,
                              ("insee_dep", "taux", "plafond_par_local"))
        costs = read_cost_table(self, parameters, self.COSTS, context, cost_tables.DEFAULT_UNIT_COSTS,
                                ("technologie", "densite", "cout_par_local"))
        steps.progress("lecture", 1.0)
        schedule = phase_schedule(coverage, coverage, plan.phases, aid, costs)
        table = financial_needs(coverage, coverage, plan.phases, aid, costs, shares, schedule=schedule)
        for note in schedule_notes(coverage, plan.phases, schedule):
            feedback.pushInfo(note)
        remaining = None
        if outputs.is_set(self.OUTPUT_REMAINING):
            remaining = remaining_to_plan(coverage, coverage, plan.phases, aid, costs, shares)
        steps.progress("calcul", 1.0)
        result = {self.OUTPUT: outputs.table(self.OUTPUT, table)}
        outputs.style(self.OUTPUT, None)
        if remaining is not None:
            result[self.OUTPUT_REMAINING] = outputs.table(self.OUTPUT_REMAINING, remaining)
            outputs.style(self.OUTPUT_REMAINING, None)
        steps.progress("ecriture", 1.0)
        total = table[table["niveau"] == "territoire"].iloc[0]
        feedback.pushInfo(self.tr("Coût total : {0:,.0f} € ; part de l'État : {1:,.0f} € ; reste aux collectivités : "
                                  "{2:,.0f} €").format(total["cout_total"], total["part_etat"],
                                                       total["reste_collectivites"]).replace(",", " "))
        if remaining is not None:
            rest = remaining[remaining["niveau"] == "territoire"].iloc[0]
            feedback.pushInfo(self.tr("Reste à planifier : {0:,} locaux, {1:,.0f} € ; coût du 100 % en 2022 (phases "
                                      "des RIP + reste à planifier) : {2:,.0f} €").format(
                int(rest["locaux"]), rest["cout_total"], total["cout_total"] + rest["cout_total"]).replace(",", " "))
        return result
