"""scoran:importmcipostgis — ARCEP « Ma connexion internet » imported and analysed in PostGIS (large runs)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingOutputNumber,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterString,
    QgsVectorLayer,
)

from ..core.errors import ScoranError
from ..core.feedback import Steps
from ..core.grid import LAEA
from ..core.mci_postgis import DEFAULT_SCHEMA, STEPS, check_schema, import_to_postgis, layer_names
from ..core.pg import redacted
from ..core.store import is_postgres_store, split_schema
from ..core.whitezones import threshold_rank
from .base import ScoranAlgorithm, store_parameter, store_value
from .chain import refuse_password
from .import_mci import add_file_parameters, file_parameters
from .white_zones import add_threshold_parameters

# output → (table, key column, geometry type or None, style)
_LAYERS = {
    "OUTPUT_PREMISES": ("mci_locaux", "imb_id", "Point", "locaux_classes"),
    "OUTPUT_AREAS": ("zb_communes", "code_insee", None, None),
    "OUTPUT_CELLS": ("zb_carreaux", "id_carreau", "Polygon", None),
    "OUTPUT_ZONES": ("zb_zones", "zone_id", "MultiPolygon", "carreaux_sous_seuil"),
    "OUTPUT_ZONES_INEL": ("zb_zones_inel", "zone_id", "MultiPolygon", "carreaux_sous_seuil"),
    "OUTPUT_SUMMARY": ("zb_departements", "code", None, None),
}


class ImportMciPostgisAlgorithm(ScoranAlgorithm):
    BASE_IMB = "BASE_IMB"
    ELIGIBILITE = "ELIGIBILITE"
    TECHNOLOGIES = "TECHNOLOGIES"
    CRS = "CRS"
    DATABASE = "DATABASE"
    SCHEMA = "SCHEMA"
    THRESHOLD = "THRESHOLD"
    SHARE = "SHARE"
    BUILDINGS = "BUILDINGS"

    def name(self) -> str:
        return "importmcipostgis"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Importer et analyser « Ma connexion internet » dans PostGIS (grands volumes)")

    def group(self) -> str:
        return self.tr("Haut débit fixe")

    def groupId(self) -> str:  # noqa: N802
        return "fixe"

    def tags(self):
        return self.tr("ARCEP,éligibilité,PostGIS,PostgreSQL,national,région,zones blanches,carroyage,COPY").split(",")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Pour les grands volumes (une grande région, le pays entier) : fait dans une base PostgreSQL/PostGIS ce "
            "que font « Importer Ma connexion internet » puis « Zones blanches du haut débit » avec les communes "
            "(chaque local compté dans sa commune ARCEP), avec les mêmes résultats.\n\n"
            "Lit : les fichiers ARCEP base_imb_<DEP> et actuel_<DEP> (.csv ou .csv.gz), plusieurs départements à la "
            "fois sur les cœurs disponibles ; chaque fichier est lu par morceaux et envoyé au serveur (COPY), sans "
            "jamais tenir tout le territoire en mémoire.\n\n"
            "Calcule dans la base : la meilleure classe de débit de chaque immeuble parmi les technologies comptées, "
            "les locaux par commune et par classe, les carreaux de 200 m (grille INSPIRE), les zones des deux "
            "catégories de la circulaire (sous le SEUIL ; sans haut débit, locaux inéligibles) et l'inventaire par "
            "département.\n\n"
            "Écrit, dans le schéma choisi (par défaut scoran_mci) : mci_locaux (un point par immeuble), zb_communes, "
            "zb_carreaux, zb_zones, zb_zones_inel, zb_departements ; les résultats d'un import remplacent ceux du "
            "précédent d'un coup, à la fin (un import interrompu laisse les précédents intacts). Les couches sont "
            "ajoutées au projet sans mot de passe (connexion QGIS avec configuration d'authentification, service "
            "PostgreSQL ou .pgpass).\n\n"
            "Base : nom d'une connexion PostgreSQL enregistrée dans QGIS, « service=… » de pg_service.conf ou chaîne "
            "de connexion sans mot de passe ; il faut le droit de créer le schéma (ou d'y créer des tables)."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        add_file_parameters(self)
        self.addParameter(store_parameter(self.DATABASE, self.tr("Base PostgreSQL/PostGIS (connexion QGIS, "
                                                                 "service=… ou chaîne de connexion)")))
        self.addParameter(QgsProcessingParameterString(self.SCHEMA, self.tr("Schéma des résultats"), DEFAULT_SCHEMA))
        add_threshold_parameters(self)
        for key, name in (("OUTPUT_PREMISES", self.tr("Locaux par immeuble (PostGIS)")),
                          ("OUTPUT_AREAS", self.tr("Zones blanches par commune (PostGIS)")),
                          ("OUTPUT_CELLS", self.tr("Carreaux de 200 m (PostGIS)")),
                          ("OUTPUT_ZONES", self.tr("Zones sans haut débit de qualité (PostGIS)")),
                          ("OUTPUT_ZONES_INEL", self.tr("Zones blanches du haut débit (PostGIS)")),
                          ("OUTPUT_SUMMARY", self.tr("Inventaire par département (PostGIS)"))):
            self.addOutput(QgsProcessingOutputVectorLayer(key, name))
        self.addOutput(QgsProcessingOutputNumber(self.BUILDINGS, self.tr("Immeubles importés")))

    def run_algorithm(self, parameters, context, feedback, outputs) -> dict:
        database = store_value(self, parameters, self.DATABASE, context)
        if not is_postgres_store(database):
            raise ScoranError(self.tr("{0} n'est pas une base PostgreSQL : donnez le nom d'une connexion PostgreSQL "
                                      "de QGIS, « service=… » ou une chaîne de connexion.").format(
                redacted(database) or "—"))
        refuse_password(database)
        database, schema_in_reference = split_schema(database)
        schema = check_schema(schema_in_reference or self.parameterAsString(parameters, self.SCHEMA, context))
        threshold = self.parameterAsString(parameters, self.THRESHOLD, context).strip().upper()
        threshold_rank(threshold)
        share = self.parameterAsDouble(parameters, self.SHARE, context)
        base, eligibility, technologies, target = file_parameters(self, parameters, context)
        steps = Steps(feedback, STEPS)
        run = import_to_postgis(database, base, eligibility, technologies, target, threshold, share, schema,
                                feedback=feedback, progress=steps.progress)
        first, *problems = run.report.lines()
        feedback.pushInfo(first)
        for line in problems:
            feedback.pushWarning(line)
        counts = run.counts
        feedback.pushInfo(self.tr(
            "{0} immeubles, {1} locaux dans {2} (schéma {3}) ; {4} commune(s) dont {5} sans haut débit de qualité "
            "(sous {6}) ; {7} zone(s) de carreaux sous le seuil, {8} sans haut débit."
        ).format(counts["buildings"], counts["premises"], redacted(database), schema, counts["communes"],
                 counts["white_communes"], threshold, counts["zones"], counts["zones_inel"]))
        feedback.pushInfo(self.tr("Durées (s) : {0}.").format(", ".join(f"{k} {v:g}" for k, v in run.timings.items())))
        results = {self.BUILDINGS: counts["buildings"]}
        for key, (table, key_column, geometry, style) in _LAYERS.items():
            results[key] = self._layer(context, database, schema, key, table, key_column, geometry, style, run.epsg)
        return results

    @staticmethod
    def _uri(database: str, schema: str, table: str, key: str, geometry: str | None, epsg: int) -> str:
        from ..core.pgstore import qgis_connection

        uri = f"{qgis_connection(database)} key='{key}' checkPrimaryKeyUnicity='0' table=\"{schema}\".\"{table}\""
        if geometry:
            srid = epsg if table == "mci_locaux" else LAEA
            uri = uri.replace(" table=", f" srid={srid} type={geometry} table=") + " (geom)"
        return uri

    def _layer(self, context, database, schema, key, table, key_column, geometry, style, epsg) -> str:
        """The table's QGIS URI (no password); loaded into the project at the end when QGIS asks for it."""
        uri = self._uri(database, schema, table, key_column, geometry, epsg)
        if context.project() is None:
            return uri
        name = layer_names()[table]
        layer = QgsVectorLayer(uri, name, "postgres")
        if not layer.isValid():
            return uri
        if style:
            from ..layers import apply_style

            apply_style(layer, style)
        context.temporaryLayerStore().addMapLayer(layer)
        context.addLayerToLoadOnCompletion(layer.id(), QgsProcessingContext.LayerDetails(name, context.project(),
                                                                                         key))
        return layer.id()
