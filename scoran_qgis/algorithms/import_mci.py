"""scoran:importmci — import ARCEP « Ma connexion internet » (buildings + eligibility)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterCrs,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
)

from ..compat import SOURCE_FILE, SOURCE_POINT
from ..core.codes import LAMBERT_93
from ..core.feedback import Steps
from ..core.mci import FAMILIES, import_premises
from ..core.speed_classes import WIRED_TECHNOLOGIES
from .base import ScoranAlgorithm, epsg_of, preferences


def add_file_parameters(algorithm) -> None:
    """BASE_IMB, ELIGIBILITE, TECHNOLOGIES and CRS: the ARCEP files and how to read them (both import algorithms)."""
    algorithm.addParameter(QgsProcessingParameterMultipleLayers(
        "BASE_IMB", algorithm.tr("Base immeubles (base_imb_*.csv.gz)"), SOURCE_FILE))
    algorithm.addParameter(QgsProcessingParameterMultipleLayers(
        "ELIGIBILITE", algorithm.tr("Éligibilité (actuel_*.csv.gz)"), SOURCE_FILE))
    algorithm.addParameter(QgsProcessingParameterString(
        "TECHNOLOGIES", algorithm.tr("Technologies comptées (codes séparés par des virgules)"),
        ",".join(WIRED_TECHNOLOGIES)))
    algorithm.addParameter(QgsProcessingParameterCrs(
        "CRS", algorithm.tr("Projection de sortie (par défaut : Lambert-93, ou celle de l'outre-mer)"),
        optional=True))


def file_parameters(algorithm, parameters, context) -> tuple[list, list, list, int | None]:
    """(base files, eligibility files, technologies, output EPSG or None) of `add_file_parameters`."""
    base = algorithm.parameterAsFiles(parameters, "BASE_IMB", context)
    eligibility = algorithm.parameterAsFiles(parameters, "ELIGIBILITE", context)
    technologies = [t for t in algorithm.parameterAsString(parameters, "TECHNOLOGIES", context)
                    .replace(";", ",").split(",") if t.strip()]
    target = epsg_of(algorithm.parameterAsCrs(parameters, "CRS", context))
    if target is None and preferences().default_crs != LAMBERT_93:
        target = preferences().default_crs  # the officer's own projection (else Lambert-93 or overseas)
    return base, eligibility, technologies, target


class ImportMciAlgorithm(ScoranAlgorithm):
    BASE_IMB = "BASE_IMB"
    ELIGIBILITE = "ELIGIBILITE"
    TECHNOLOGIES = "TECHNOLOGIES"
    CRS = "CRS"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "importmci"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Importer « Ma connexion internet » (ARCEP)")

    def group(self) -> str:
        return self.tr("Haut débit fixe")

    def groupId(self) -> str:  # noqa: N802
        return "fixe"

    def tags(self):
        return self.tr("ARCEP,éligibilité,base immeubles,débit,locaux,haut débit,THD,fibre,cuivre").split(",")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Lit les fichiers ARCEP « Ma connexion internet » d'un ou plusieurs départements : la base "
            "immeubles (base_imb_<DEP>.csv ou .csv.gz) et l'éligibilité (actuel_<DEP>.csv ou .csv.gz), "
            "séparateur « ; ».\n\n"
            "Calcule pour chaque immeuble la meilleure classe de débit descendant parmi les technologies "
            "comptées (par défaut les technologies filaires CU, COAX, FO ; ajouter 4GF, THDR, WMX ou SAT au "
            "besoin) : INEL (inéligible, aussi quand l'immeuble n'a aucune ligne), HD05, HD3, BHD8, THD30, "
            "THD100, THD1G ; le débit nominal correspondant, la technologie, la meilleure classe par famille "
            "(cuivre, câble, fibre, radio, satellite) et le nombre d'opérateurs proposant le THD.\n\n"
            "Écrit une couche de points (un par immeuble) en Lambert-93 (ou dans la projection de "
            "l'outre-mer), avec imb_id, code_insee (texte sur 5 caractères), nb_locaux, classe, debit_mbps, "
            "techno, addr_code (clé d'adresse stable d'une publication à l'autre, contrairement à imb_id).\n\n"
            "Les coordonnées sont lues en EPSG:3857 (colonnes imb_longitude/imb_latitude ou imb_x/imb_y). "
            "Les immeubles sans coordonnées, les lignes d'immeubles inconnus et les doublons sont comptés "
            "dans le journal."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        add_file_parameters(self)
        self.addParameter(QgsProcessingParameterVectorDestination(
            self.OUTPUT, self.tr("Locaux par immeuble"), SOURCE_POINT))

    def run_algorithm(self, parameters, context, feedback, outputs) -> dict:
        base, eligibility, technologies, target = file_parameters(self, parameters, context)
        outputs.check(self.OUTPUT)

        steps = Steps(feedback, {"base": 25, "eligibilite": 45, "projection": 5, "ecriture": 25})
        premises = import_premises(base, eligibility, technologies, target, feedback, steps.progress)
        first, *problems = premises.report.lines()
        feedback.pushInfo(first)
        for line in problems:  # each a counted warning: skipped, repaired or tolerated rows
            feedback.pushWarning(line)
        frame = premises.frame
        columns = {
            "imb_id": ("TEXT", frame["imb_id"].astype(str).to_numpy(dtype=object)),
            "code_insee": ("TEXT", frame["code_insee"].to_numpy(dtype=object)),
            "code_dep": ("TEXT", frame["code_dep"].to_numpy(dtype=object)),
            "nb_locaux": ("MEDIUMINT", frame["nb_locaux"].to_numpy()),
            "classe": ("TEXT", frame["classe"].to_numpy(dtype=object)),
            "debit_mbps": ("REAL", frame["debit_mbps"].to_numpy()),
            "techno": ("TEXT", frame["techno"].to_numpy(dtype=object)),
            "addr_code": ("TEXT", frame["addr_code"].to_numpy(dtype=object)),
            **{f"classe_{name}": ("TEXT", frame[f"classe_{name}"].to_numpy(dtype=object)) for name in FAMILIES},
            "nb_operateurs_thd": ("MEDIUMINT", frame["nb_operateurs_thd"].to_numpy()),
        }
        steps.progress("ecriture", 0.0)
        destination = outputs.points(self.OUTPUT, columns, frame["x"].to_numpy(), frame["y"].to_numpy(),
                                     premises.epsg, self.tr("Locaux (ARCEP Ma connexion internet)"))
        steps.progress("ecriture", 1.0)
        feedback.pushInfo(self.tr("{0} immeubles, {1} locaux écrits (EPSG:{2}).").format(
            len(frame), int(frame["nb_locaux"].sum()), premises.epsg))
        outputs.style(self.OUTPUT, "locaux_classes", self.tr("Locaux par classe de débit"))
        return {self.OUTPUT: destination}
