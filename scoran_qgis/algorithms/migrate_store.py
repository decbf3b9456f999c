"""scoran:migratestore — copy the SCORAN store from a GeoPackage to PostGIS, or back."""

from __future__ import annotations

from qgis.core import QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingParameterBoolean

from ..core.pg import redacted
from ..core.store_copy import copy_store
from .base import ScoranAlgorithm, store_parameter, store_value


class MigrateStoreAlgorithm(ScoranAlgorithm):
    SOURCE = "SOURCE"
    TARGET = "TARGET"
    REPLACE = "REPLACE"
    TABLES = "TABLES"
    ROWS = "ROWS"

    def name(self) -> str:
        return "migratestore"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Copier le référentiel vers PostGIS ou un GeoPackage")

    def group(self) -> str:
        return self.tr("Référentiel")

    def groupId(self) -> str:  # noqa: N802
        return "referentiel"

    def tags(self):
        return self.tr("référentiel,geopackage,postgis,postgresql,migration,copie,sauvegarde").split(",")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Copie tout le référentiel SCORAN d'un GeoPackage vers une base PostgreSQL/PostGIS (travail à "
            "plusieurs), ou d'une base PostGIS vers un GeoPackage (travail hors ligne, archive).\n\n"
            "Lit : le référentiel source (fichier .gpkg, ou base PostgreSQL : nom d'une connexion QGIS, "
            "« service=… » de pg_service.conf ou chaîne de connexion, avec « schema=… » si le schéma n'est pas "
            "« scoran »). Il doit être au schéma de cette version de l'extension (ouvrez-le une fois sinon).\n\n"
            "Écrit : la cible, avec toutes les tables du référentiel à l'identique — identifiants, géométries, "
            "contraintes, registre et versions des lignes, millésimes enregistrés, journal des analyses ; le "
            "nombre de lignes copiées par table est donné dans le journal et vérifié. Une cible qui contient "
            "déjà des données est refusée, sauf si « Remplacer le contenu de la cible » est coché. Tout ou "
            "rien : sur PostgreSQL, une seule transaction ; un GeoPackage est écrit à part puis renommé une fois "
            "complet. Aucun mot de passe n'est écrit dans le journal ni dans la cible."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(store_parameter(self.SOURCE, self.tr("Référentiel source (fichier .gpkg ou base "
                                                               "PostgreSQL)")))
        self.addParameter(store_parameter(self.TARGET, self.tr("Référentiel cible (fichier .gpkg ou base "
                                                               "PostgreSQL)")))
        self.addParameter(QgsProcessingParameterBoolean(self.REPLACE, self.tr("Remplacer le contenu de la cible"),
                                                        False))
        self.addOutput(QgsProcessingOutputString(self.TARGET, self.tr("Référentiel cible")))
        self.addOutput(QgsProcessingOutputNumber(self.TABLES, self.tr("Tables copiées")))
        self.addOutput(QgsProcessingOutputNumber(self.ROWS, self.tr("Lignes copiées")))

    def run_algorithm(self, parameters, context, feedback, outputs) -> dict:
        source = store_value(self, parameters, self.SOURCE, context)
        target = store_value(self, parameters, self.TARGET, context)
        report = copy_store(source, target, self.parameterAsBoolean(parameters, self.REPLACE, context), feedback)
        feedback.pushInfo(self.tr("Référentiel copié vers {0} : {1} table(s), {2} ligne(s).").format(
            redacted(target), len(report.counts), report.rows))
        return {self.TARGET: redacted(target), self.TABLES: len(report.counts), self.ROWS: report.rows}
