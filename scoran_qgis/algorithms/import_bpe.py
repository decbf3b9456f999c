"""scoran:importbpe — priority sites from INSEE BPE (facilities) and SIRENE (businesses)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterCrs,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterVectorDestination,
)

from ..compat import FILE_BEHAVIOR_FILE, SOURCE_FILE, SOURCE_POINT
from ..core.facilities import DEFAULT_MAPPING, import_sites
from .base import ScoranAlgorithm, epsg_of, preferences

TEXT_COLUMNS = ("site_id", "source", "type_equipement", "categorie", "libelle", "nom", "insee_com", "qualite_xy",
                "annee")


class ImportBpeAlgorithm(ScoranAlgorithm):
    BPE = "BPE"
    SIRENE = "SIRENE"
    MAPPING = "MAPPING"
    CRS = "CRS"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "importbpe"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Importer les sites prioritaires (BPE, SIRENE)")

    def group(self) -> str:
        return self.tr("Haut débit fixe")

    def groupId(self) -> str:  # noqa: N802
        return "fixe"

    def tags(self):
        return self.tr("BPE,INSEE,équipements,SIRENE,entreprises,écoles,santé,services publics,sites").split(",")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Prépare les sites prioritaires de la SCORAN : écoles, collèges et lycées, enseignement supérieur, "
            "santé, services publics (INSEE Base permanente des équipements) et entreprises (SIRENE "
            "géolocalisé).\n\n"
            "Lit : un ou plusieurs fichiers BPE (séparateur « ; », colonnes TYPEQU, DEPCOM, LAMBERT_X, "
            "LAMBERT_Y — Lambert-93 en métropole, projection locale outre-mer — ou LONGITUDE/LATITUDE) et/ou "
            "SIRENE géolocalisé (séparateur « , », colonnes siret, x, y, epsg : la projection varie d'une "
            "ligne à l'autre). Les équipements sont classés par la table TYPEQU → catégorie fournie avec "
            "l'extension (resources/data/bpe_categories.csv, BPE 2015), modifiable : un autre fichier au même "
            "format peut être choisi ; les types absents de la table sont ignorés et comptés.\n\n"
            "Écrit : un point par site, avec site_id (SIRET, ou BPE-commune-type-numéro), source, "
            "type_equipement, categorie, libelle, insee_com (texte sur 5 caractères)."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.BPE, self.tr("Équipements INSEE BPE (CSV)"), SOURCE_FILE, optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.SIRENE, self.tr("Établissements SIRENE géolocalisés (CSV)"), SOURCE_FILE, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.MAPPING, self.tr("Table TYPEQU → catégorie (vide : celle de l'extension)"), FILE_BEHAVIOR_FILE,
            "csv", optional=True))
        self.addParameter(QgsProcessingParameterCrs(
            self.CRS, self.tr("Projection de sortie (par défaut : celle des préférences, Lambert-93)"), optional=True))
        self.addParameter(QgsProcessingParameterVectorDestination(
            self.OUTPUT, self.tr("Sites prioritaires"), SOURCE_POINT))

    def run_algorithm(self, parameters, context, feedback, outputs) -> dict:
        bpe = self.parameterAsFiles(parameters, self.BPE, context)
        sirene = self.parameterAsFiles(parameters, self.SIRENE, context)
        mapping = self.parameterAsFile(parameters, self.MAPPING, context).strip() or DEFAULT_MAPPING
        epsg = epsg_of(self.parameterAsCrs(parameters, self.CRS, context)) or preferences().default_crs
        outputs.check(self.OUTPUT)
        feedback.setProgress(5)
        sites, report = import_sites(bpe, sirene, mapping, epsg, feedback)
        for line in report.lines():
            feedback.pushInfo(line)
        feedback.setProgress(70)
        columns = {name: ("TEXT", sites[name].to_numpy(dtype=object)) for name in TEXT_COLUMNS}
        destination = outputs.points(self.OUTPUT, columns, sites["x"].to_numpy(), sites["y"].to_numpy(), epsg,
                                     self.tr("Sites prioritaires (BPE, SIRENE)"))
        feedback.setProgress(100)
        for category, count in sites["categorie"].value_counts().sort_index().items():
            feedback.pushInfo(self.tr("{0} : {1} site(s)").format(category, count))
        outputs.style(self.OUTPUT, "sites_categories", self.tr("Sites prioritaires"))
        return {self.OUTPUT: destination}
