"""scoran:thdtrajectory — THD trajectory per semester to 2022, the 2015–2017 phasing, what changed."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..compat import SOURCE_POINT, SOURCE_VECTOR
from ..core import costs as cost_tables
from ..core.codes import Millesime
from ..core.errors import ScoranError
from ..core.feedback import Steps
from ..core.finance import phase_schedule, phasing, schedule_notes
from ..core.semesters import changes_since, previous_millesime, save_trajectory
from ..core.store import ScoranStore
from ..core.thd import END_OF_PLAN, NATIONAL_TARGETS, trajectory
from ..export.charts import trajectory_chart
from .base import ScoranAlgorithm, store_parameter, store_value
from .plan_inputs import add_plan_parameters, read_cost_table, read_plan, read_thd_coverage

COVERAGE_FIELDS = ["code_insee", "code_dep", "nb_locaux", "deja_thd", "semestre_prevu", "phase_id", "rip_id"]
AID_FIELDS = ("insee_dep", "taux", "plafond_par_local")


class ThdTrajectoryAlgorithm(ScoranAlgorithm):
    INPUT = "INPUT"
    MILLESIME = "MILLESIME"
    COSTS = "COSTS"
    AID = "AID"
    STORE = "STORE"
    OUTPUT = "OUTPUT"
    OUTPUT_PHASING = "OUTPUT_PHASING"
    OUTPUT_CHANGES = "OUTPUT_CHANGES"
    OUTPUT_CHART = "OUTPUT_CHART"

    def name(self) -> str:
        return "thdtrajectory"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Trajectoire THD et phasage 2015–2017")

    def group(self) -> str:
        return self.tr("Très haut débit")

    def groupId(self) -> str:  # noqa: N802
        return "thd"

    def tags(self):
        return self.tr("THD,trajectoire,2022,2017,phasage,triennal,semestre,objectifs,SCORAN").split(",")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Trajectoire vers le très haut débit pour tous en 2022 (livrables 4 et 5 de la SCORAN).\n\n"
            "Lit : la sortie de « Couverture THD », les phases des RIP, les coûts unitaires (table du référentiel "
            "couts_unitaires, ou celle fournie avec l'extension) et l'aide de l'État par département "
            "(aides_departements, ou celle de l'extension).\n\n"
            "Calcule, par département et pour l'ensemble, semestre par semestre du MILLÉSIME à 2022-S2 : les locaux "
            "déjà THD plus les plans AMII et RIP cumulés, leur part, les jalons nationaux (50 % fin 2017, 100 % fin "
            "2022) et l'écart ; le phasage 2015–2017 par projet, phase, département et année : locaux, locaux "
            "raccordables (FTTH seulement ; la montée en débit MED et le THD radio sont comptés à part), coût "
            "(cout_prevu de la phase quand il est saisi, sinon l'estimation, donnée à côté), part de l'État et "
            "reste aux collectivités. Le phasage est calculé comme les besoins financiers (même répartition "
            "d'une phase sur ses semestres) : les deux tables donnent les mêmes chiffres par projet et par "
            "année. Les phases abandonnées et les locaux des communes AMII ou ZTD n'y sont pas. Avec un "
            "référentiel, enregistre la trajectoire du millésime et liste ce qui a changé depuis le précédent : "
            "locaux passés au THD, phases retardées, conventions signées.\n\n"
            "Écrit : des tables (utilisables dans les modèles) et un graphique PNG des courbes par département "
            "face aux objectifs, pour l'atlas."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Locaux et couverture THD (sortie de Couverture THD)"), [SOURCE_POINT]))
        add_plan_parameters(self, with_projects=False)
        self.addParameter(QgsProcessingParameterString(self.MILLESIME, self.tr("Millésime (AAAA-S1 ou AAAA-S2)")))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.COSTS, self.tr("Coûts unitaires (couts_unitaires ; vide : valeurs de l'extension)"), [SOURCE_VECTOR],
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AID, self.tr("Aide de l'État par département (aides_departements ; vide : table de l'extension)"),
            [SOURCE_VECTOR], optional=True))
        self.addParameter(store_parameter(
            self.STORE, self.tr("Référentiel SCORAN (enregistrer et comparer au millésime précédent ; fichier .gpkg "
                                "ou base PostgreSQL)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Trajectoire THD par semestre"), type=SOURCE_VECTOR))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_PHASING, self.tr("Phasage 2015–2017"), type=SOURCE_VECTOR))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CHANGES, self.tr("Évolutions depuis le millésime précédent"), type=SOURCE_VECTOR,
            optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_CHART, self.tr("Graphique de la trajectoire"), self.tr("Image PNG (*.png)")))
        self.addOutput(QgsProcessingOutputString("PREVIOUS", self.tr("Millésime précédent comparé")))

    def run_algorithm(self, parameters, context, feedback, outputs) -> dict:
        millesime = Millesime.parse(self.parameterAsString(parameters, self.MILLESIME, context))
        if millesime > END_OF_PLAN:
            message = self.tr("Le millésime {0} est après la fin du plan ({1}).")
            raise ScoranError(message.format(millesime, END_OF_PLAN))
        store_path = store_value(self, parameters, self.STORE, context)
        store = ScoranStore.open(store_path) if store_path else None
        outputs.check(self.OUTPUT, self.OUTPUT_PHASING, self.OUTPUT_CHANGES, self.OUTPUT_CHART)
        steps = Steps(feedback, {"lecture": 40, "calcul": 30, "ecriture": 30})
        coverage, epsg = read_thd_coverage(self, parameters, self.INPUT, context, feedback, COVERAGE_FIELDS,
                                           "scoran:thdcoverage")
        plan = read_plan(self, parameters, context, feedback, epsg, with_projects=False)
        costs = read_cost_table(self, parameters, self.COSTS, context, cost_tables.DEFAULT_UNIT_COSTS,
                                ("technologie", "densite", "cout_par_local"))
        aid = read_cost_table(self, parameters, self.AID, context, cost_tables.DEFAULT_AID, AID_FIELDS)
        steps.progress("lecture", 1.0)

        table = trajectory(coverage["code_dep"].to_numpy(object), coverage["nb_locaux"].to_numpy(),
                           coverage["deja_thd"].to_numpy(), coverage["semestre_prevu"].to_numpy(object), millesime)
        schedule = phase_schedule(coverage, coverage, plan.phases, aid, costs)
        phased = phasing(schedule)
        for note in schedule_notes(coverage, plan.phases, schedule):
            feedback.pushInfo(note)
        steps.progress("calcul", 1.0)

        results = {self.OUTPUT: outputs.table(self.OUTPUT, table),
                   self.OUTPUT_PHASING: outputs.table(self.OUTPUT_PHASING, phased)}
        outputs.style(self.OUTPUT, None)
        outputs.style(self.OUTPUT_PHASING, None)
        outputs.style(self.OUTPUT_CHANGES, None)
        chart, results[self.OUTPUT_CHART] = outputs.path(self.OUTPUT_CHART)
        trajectory_chart(table, chart, self.tr("Trajectoire THD — millésime {0}").format(millesime), NATIONAL_TARGETS)
        results["PREVIOUS"] = ""
        if store is not None:  # saved with the files, at commit: a cancel or a failure before writes nothing
            outputs.store_write(lambda: save_trajectory(store, str(millesime), table))
            changes = changes_since(store, str(millesime), table)
            if outputs.is_set(self.OUTPUT_CHANGES):
                results[self.OUTPUT_CHANGES] = outputs.table(self.OUTPUT_CHANGES, changes)
            results["PREVIOUS"] = previous_millesime(store, str(millesime)) or ""
            for row in changes.itertuples():
                feedback.pushInfo(row.detail)
        steps.progress("ecriture", 1.0)
        region = table[table["niveau"] != "département"]
        for semester in ("2017-S2", "2022-S2"):
            row = region[region["semestre"] == semester]
            if len(row):
                feedback.pushInfo(self.tr("{0} : {1} % des locaux en THD (objectif {2} %)").format(
                    semester, row["pct_thd"].iat[0], row["cible_pct"].iat[0]))
        return results
