"""scoran:createstore — create (or refresh the territory of) the SCORAN store."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..compat import GEOMETRY_POLYGON, SOURCE_POLYGON
from ..core.codes import Millesime
from ..core.feedback import check_canceled
from ..core.pg import redacted
from ..core.store import ScoranStore, is_postgres_store
from ..core.territory import check_town_halls, prepare_territory, store_town_halls, write_territory
from .base import ScoranAlgorithm, epsg_of, preferences
from .io import records_from_source, require_source


class CreateStoreAlgorithm(ScoranAlgorithm):
    STORE = "STORE"
    COMMUNES = "COMMUNES"
    DEPARTEMENTS = "DEPARTEMENTS"
    EPCI = "EPCI"
    CRS = "CRS"
    MILLESIME = "MILLESIME"
    NB_COMMUNES = "NB_COMMUNES"

    def name(self) -> str:
        return "createstore"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Créer ou mettre à jour le référentiel SCORAN")

    def group(self) -> str:
        return self.tr("Référentiel")

    def groupId(self) -> str:  # noqa: N802
        return "referentiel"

    def tags(self):
        return self.tr("référentiel,geopackage,territoire,communes,EPCI,départements,millésime").split(",")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Crée le référentiel SCORAN (un GeoPackage qui garde les données de travail d'un semestre "
            "à l'autre) ou, s'il existe, le met à niveau et remplace son territoire.\n\n"
            "Lit : une couche de communes (IGN ADMIN EXPRESS ou toute couche de polygones portant le "
            "code INSEE : INSEE_COM, code_insee…), et, si on les fournit, les départements et les EPCI. "
            "Les codes INSEE sont ramenés à 5 caractères (1001 → 01001 ; 2A004 conservé) ; les lignes sans "
            "code valide ou sans géométrie sont écartées et comptées dans le journal. Les départements "
            "absents sont reconstitués par fusion des communes, les régions par fusion des départements.\n\n"
            "Écrit : le référentiel (tables du territoire, millésimes, projets RIP/AMII, centres-bourgs, "
            "registre des projets d'usages…), en Lambert-93 par défaut. Un référentiel écrit par une version "
            "plus récente de l'extension est refusé sans être modifié. Le référentiel peut aussi être une base "
            "PostgreSQL/PostGIS : nom d'une connexion QGIS, « service=… » ou chaîne de connexion (avec "
            "« schema=… » si le schéma n'est pas « scoran ») ; un nouveau schéma y est créé avec son territoire "
            "en une seule transaction.\n\n"
            "Contrôle : quand le référentiel a déjà des centres-bourgs, chaque mairie est comparée à la "
            "commune de son code INSEE ; celles qui en sont hors sont comptées et signalées (premiers codes)."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.COMMUNES, self.tr("Communes"), [SOURCE_POLYGON])
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.DEPARTEMENTS, self.tr("Départements"), [SOURCE_POLYGON], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.EPCI, self.tr("EPCI"), [SOURCE_POLYGON], optional=True)
        )
        # Optional, with the default applied in run_algorithm(): QGIS 3.22 rejects a missing CRS value
        # even when the parameter has a default.
        self.addParameter(
            QgsProcessingParameterCrs(
                self.CRS, self.tr("Système de coordonnées (celui des préférences, Lambert-93 par défaut)"),
                QgsCoordinateReferenceSystem(f"EPSG:{preferences().default_crs}"), optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.MILLESIME, self.tr("Millésime à déclarer (AAAA-S1 ou AAAA-S2)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.STORE, self.tr("Référentiel SCORAN"), self.tr("GeoPackage (*.gpkg)")
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.NB_COMMUNES, self.tr("Communes chargées")))

    def run_algorithm(self, parameters, context, feedback, outputs) -> dict:
        communes = require_source(self, parameters, self.COMMUNES, context, GEOMETRY_POLYGON)
        departements = require_source(self, parameters, self.DEPARTEMENTS, context, GEOMETRY_POLYGON, optional=True)
        epci = require_source(self, parameters, self.EPCI, context, GEOMETRY_POLYGON, optional=True)
        epsg = epsg_of(self.parameterAsCrs(parameters, self.CRS, context)) or preferences().default_crs
        millesime = self.parameterAsString(parameters, self.MILLESIME, context).strip()
        if millesime:
            millesime = str(Millesime.parse(millesime))  # `2015-s1` is stored as `2015-S1`
        reference = self._postgres_reference(parameters)
        if reference:  # a PostgreSQL store: a new schema is created with its territory in one transaction
            from ..core.pgstore import PgStore

            target = PgStore(reference)
            final, existed, destination = target.label, target.exists(), redacted(reference)
            store = ScoranStore.open(reference) if existed else None
        else:
            final = Path(self.parameterAsFileOutput(parameters, self.STORE, context))
            existed = final.exists()
            if existed:  # updated in place, in one transaction; its data is the officer's
                store = ScoranStore.open(final)
                destination = str(final)
            else:  # a new store is built aside and appears complete, or not at all
                outputs.check(self.STORE)

        feedback.pushInfo(self.tr("Lecture des communes…"))
        commune_records = records_from_source(communes, epsg, context, feedback, (0, 40))
        dep_records = records_from_source(departements, epsg, context, feedback, (40, 50)) if departements else []
        epci_records = records_from_source(epci, epsg, context, feedback, (50, 60)) if epci else []
        check_canceled(feedback)
        prepared = prepare_territory(commune_records, dep_records, epci_records)  # checks before any write
        feedback.setProgress(70)
        report = prepared.report

        def fill(store, conn):
            write_territory(store, prepared, conn)
            if millesime:
                store.add_millesime(conn, millesime)
            store.log_run(conn, "scoran:createstore", str(final), report.summary(), millesime or None)

        if reference and not existed:
            from ..core.pgstore import PgStore

            store = PgStore.create(reference, epsg, fill=fill)
        else:
            if not existed:
                path, destination = outputs.path(self.STORE)
                store = ScoranStore.create(path, epsg)
            with store.transaction() as conn:
                fill(store, conn)
        done = self.tr("Référentiel mis à niveau : {0}") if existed else self.tr("Référentiel créé : {0}")
        feedback.pushInfo(done.format(final))
        for warning in report.warnings:
            feedback.pushWarning(warning)
        if existed:
            self._check_town_halls(store, prepared, feedback)
        feedback.pushInfo(report.summary())
        feedback.setProgress(100)
        return {self.STORE: destination, self.NB_COMMUNES: report.counts["communes"]}

    def _postgres_reference(self, parameters) -> str:
        """The STORE value when it names a PostgreSQL database ('' for a GeoPackage path)."""
        from qgis.core import QgsProcessingOutputLayerDefinition

        value = parameters.get(self.STORE)
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            value = value.sink.staticValue()
        value = str(value or "").strip()
        return value if value and is_postgres_store(value) else ""

    def _check_town_halls(self, store, prepared, feedback) -> None:
        """Warn, with a count and the first INSEE codes, about the store's town halls outside their commune."""
        codes, x, y = store_town_halls(store)
        if not codes:
            return
        communes = {row["insee_com"]: row["geom"] for row in prepared.tables["communes"]}
        check = check_town_halls(codes, x, y, communes)
        warning = check.warning(self.tr("Centres-bourgs du référentiel"))
        if warning:
            feedback.pushWarning(warning)
        if check.unchecked:
            feedback.pushWarning(self.tr("{0} centre(s)-bourg(s) du référentiel dont la commune n'est pas dans le "
                                         "territoire chargé.").format(check.unchecked))
