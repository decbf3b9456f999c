"""scoran:deliverables — the semester's atlas and workbooks, for the region or some departments."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from qgis.core import (
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from ..compat import FILE_BEHAVIOR_FILE, FILE_BEHAVIOR_FOLDER, FLAG_NO_THREADING
from ..core.codes import Millesime
from ..core.errors import ScoranError
from ..core.feedback import check_canceled
from ..core.semesters import restore_snapshots, save_snapshots, saved_snapshots
from ..core.store import ScoranStore
from . import chain
from .base import ScoranAlgorithm, store_parameter, store_value


def _open_elsewhere(path: Path) -> bool:
    """A LibreOffice (.~lock.<name>#) or Microsoft Office (~$<name>) lock beside the file: replacing it now would be
    undone, or lost, when the officer saves the copy open in that program."""
    return (path.parent / f".~lock.{path.name}#").exists() or (path.parent / f"~${path.name}").exists()


class DeliverablesAlgorithm(ScoranAlgorithm):
    STORE = "STORE"
    MILLESIME = "MILLESIME"
    ANALYSES = "ANALYSES"
    SOURCES = "SOURCES"
    DEPARTEMENTS = "DEPARTEMENTS"
    ATLAS = "ATLAS"
    WORKBOOKS = "WORKBOOKS"
    DOCUMENT = "DOCUMENT"
    PREVIOUS_DOCUMENT = "PREVIOUS_DOCUMENT"
    OUTPUT = "OUTPUT"
    # the workbooks, in the order of the SCORAN deliverables (file stems)
    WORKBOOK_NAMES = ("inventaire_zones_blanches", "sites_prioritaires", "phasage_2015_2017", "trajectoire_thd",
                      "avancement_projets_conventions", "besoins_financiers_fixe", "zones_blanches_mobiles",
                      "projets_usages", "calendrier_initiatives", "indicateurs_suivi")
    COMPANIONS = {"indicateurs_nationaux": "indicateurs_suivi"}  # files written with a workbook (stem → workbook)

    def name(self) -> str:
        return "deliverables"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Générer les livrables SCORAN")

    def group(self) -> str:
        return self.tr("Livrables")

    def groupId(self) -> str:  # noqa: N802
        return "livrables"

    def flags(self):
        return super().flags() | FLAG_NO_THREADING  # layouts are rendered on the main thread

    def tags(self):
        return self.tr("livrables,atlas,PDF,XLSX,semestre,millésime,SCORAN,tableaux,cartes").split(",")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Produit les livrables semestriels de la SCORAN 2.0 pour la région ou quelques départements.\n\n"
            "Lit : le référentiel SCORAN, le dossier des analyses du millésime (sorties de la chaîne : locaux, zones "
            "blanches, sites prioritaires, couverture et trajectoire THD, besoins financiers, centres-bourgs…). "
            "Les analyses absentes sont calculées à partir du dossier des sources (arcep/, insee/, sirene/, "
            "mobile/) quand il est fourni.\n\n"
            "Écrit dans le dossier de sortie : l'atlas PDF (page de garde, évolutions depuis le millésime précédent, "
            "puis pour la région et chaque département : haut débit fixe, « Quand ? » (résorption des zones "
            "blanches), sites prioritaires sans date THD, très haut débit, mobile, carte des usages, calendrier), un "
            "PDF par département, les classeurs XLSX de chaque livrable (phasage 2015–2017, inventaire et "
            "résorption des zones blanches, sites prioritaires, avancement des projets et conventions, trajectoire "
            "THD, besoins financiers et coût du 100 %, zones blanches mobiles, projets d'usages par priorité, "
            "calendrier des initiatives, indicateurs et évolutions depuis le millésime précédent), les indicateurs à "
            "plat pour la consolidation nationale (indicateurs_nationaux.csv, avec le classeur des indicateurs), et "
            "le document de présentation de la SCORAN 2.0 (ODT modifiable, "
            "plan de la circulaire, chiffres, tableaux et cartes du semestre ; les textes écrits par le SGAR dans "
            "les cadres « À rédiger » du document précédent — celui du dossier des livrables, même millésime ou "
            "à défaut le plus récent, ou celui indiqué — sont repris ; sans le module Python odf (odfpy), ce "
            "document n'est pas produit et un avertissement le dit). Les fichiers sont écrits à part puis "
            "déplacés ensemble : jamais un jeu partiel présenté comme complet.\n\n"
            "Enregistre aussi dans le référentiel, pour toute la région quels que soient les départements "
            "demandés, l'état du millésime : projets d'usages (statut, budget, dates), centres-bourgs (couverture, "
            "état du site, sites nécessaires, coût retenu) et coûts (phases des RIP, reste à planifier, mobile) ; "
            "une nouvelle génération du même millésime remplace ses lignes. « Évolutions » et « Comparaison » "
            "comparent à ce qui a été enregistré pour le millésime précédent."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(store_parameter(self.STORE, self.tr("Référentiel SCORAN (fichier .gpkg ou base PostgreSQL)")))
        self.addParameter(QgsProcessingParameterString(self.MILLESIME, self.tr("Millésime (AAAA-S1 ou AAAA-S2)")))
        self.addParameter(QgsProcessingParameterFile(self.ANALYSES, self.tr("Dossier des analyses du millésime"),
                                                     FILE_BEHAVIOR_FOLDER))
        self.addParameter(QgsProcessingParameterFile(
            self.SOURCES, self.tr("Dossier des sources (pour calculer les analyses absentes)"), FILE_BEHAVIOR_FOLDER,
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.DEPARTEMENTS, self.tr("Départements (codes séparés par des virgules ; vide : toute la région)"),
            optional=True))
        self.addParameter(QgsProcessingParameterBoolean(self.ATLAS, self.tr("Atlas PDF"), True))
        self.addParameter(QgsProcessingParameterEnum(
            self.WORKBOOKS, self.tr("Classeurs XLSX"), list(self.WORKBOOK_NAMES), allowMultiple=True,
            defaultValue=list(range(len(self.WORKBOOK_NAMES))), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(  # optional: added after the contract
            self.DOCUMENT, self.tr("Document de présentation (ODT)"), True, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.PREVIOUS_DOCUMENT, self.tr("Document précédent dont reprendre les textes (vide : celui du dossier des "
                                            "livrables)"), FILE_BEHAVIOR_FILE, "odt", optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT, self.tr("Dossier des livrables")))
        self.addOutput(QgsProcessingOutputString("ATLAS_PDF", self.tr("Atlas PDF")))
        self.addOutput(QgsProcessingOutputNumber("PAGES", self.tr("Pages de l'atlas")))
        self.addOutput(QgsProcessingOutputString("DOCUMENT_ODT", self.tr("Document de présentation (ODT)")))
        self.addOutput(QgsProcessingOutputNumber("FILES", self.tr("Fichiers écrits")))

    def _output_folder(self, parameters, context, feedback) -> Path:
        """The deliverables' folder; left unset (a model's optional output, a bare command line), a
        temporary folder as for TEMPORARY_OUTPUT — never the working directory."""
        value = self.parameterAsString(parameters, self.OUTPUT, context).strip()
        if value:
            return Path(value)
        folder = Path(self.parameterAsFileOutput({self.OUTPUT: "TEMPORARY_OUTPUT"}, self.OUTPUT, context))
        feedback.pushInfo(self.tr("Dossier des livrables non indiqué : dossier temporaire {0}.").format(folder))
        return folder

    def run_algorithm(self, parameters, context, feedback, outputs) -> dict:
        from ..export.atlas import export_atlas
        from ..export.workbooks import write_all

        millesime = str(Millesime.parse(self.parameterAsString(parameters, self.MILLESIME, context)))
        store = ScoranStore.open(store_value(self, parameters, self.STORE, context))
        analyses = Path(self.parameterAsFile(parameters, self.ANALYSES, context))
        sources = self.parameterAsFile(parameters, self.SOURCES, context).strip()
        departments = [d.strip().upper() for d in self.parameterAsString(parameters, self.DEPARTEMENTS, context)
                       .split(",") if d.strip()]
        out = self._output_folder(parameters, context, feedback)
        unknown = sorted(set(departments) - set(store.department_codes()))
        if unknown:
            raise ScoranError(self.tr("Département(s) absent(s) du référentiel : {0}.").format(", ".join(unknown)))
        steps = QgsProcessingMultiStepFeedback(3, feedback)

        missing = chain.missing(analyses)
        if sources:  # sources newer than the analyses: those analyses are recomputed too
            missing = sorted(set(missing) | set(chain.stale(analyses, Path(sources))), key=list(chain.OUTPUTS).index)
        if missing and (sources or millesime in store.millesimes()):
            if not sources:
                raise ScoranError(self.tr("Analyses absentes dans {0} : {1}. Indiquez le dossier des sources pour "
                                          "les calculer.").format(analyses, ", ".join(missing)))
            self._run_chain(Path(sources), store, analyses, millesime, missing, context, steps)
        if millesime not in store.millesimes():
            # the analyses folder holds another semester's work: never relabel it as this one
            known = ", ".join(store.millesimes()) or self.tr("aucun")
            name = store.label if store.is_postgres else store.path.name
            raise ScoranError(self.tr("Le millésime {0} n'est pas dans le référentiel {1} (millésimes connus : {2}). "
                                      "Lancez d'abord la chaîne de ce millésime (Couverture THD avec le référentiel) "
                                      "ou indiquez le dossier des sources.").format(millesime, name, known))
        steps.setCurrentStep(1)
        check_canceled(feedback)

        self._check_writable(out)
        # the registers of this millésime, region-wide whatever the départements: what « Évolutions » compares
        replaced = saved_snapshots(store, millesime)  # put back if the generation fails
        saved = save_snapshots(store, millesime, analyses)
        feedback.pushInfo(self.tr("Millésime {0} enregistré dans le référentiel : {1} projets, {2} centres-bourgs, "
                                  "{3} lignes de coûts.").format(millesime, saved["projets"], saved["centres_bourgs"],
                                                                 saved["couts"]))
        partial = out / f".partiel-{millesime}"
        shutil.rmtree(partial, ignore_errors=True)
        try:
            written, result = [], {"ATLAS_PDF": "", "PAGES": 0}
            wanted = {self.WORKBOOK_NAMES[i] for i in self.parameterAsEnums(parameters, self.WORKBOOKS, context)}
            if wanted:
                written += [p for p in write_all(analyses, store, partial, millesime, departments or None, steps)
                            if self.COMPANIONS.get(p.stem, p.stem) in wanted]
            check_canceled(feedback)
            steps.setCurrentStep(2)
            if self.parameterAsBoolean(parameters, self.ATLAS, context):
                atlas = export_atlas(store, analyses, partial, millesime, departments or None, steps)
                check_canceled(feedback)
                written += [atlas["atlas"], *atlas["departements"].values()]
                result.update(ATLAS_PDF=str(out / atlas["atlas"].name), PAGES=atlas["pages"])
            if self.parameterAsBoolean(parameters, self.DOCUMENT, context):  # read the previous one before replacing
                from ..export.document import build_document, previous_document

                previous = self.parameterAsFile(parameters, self.PREVIOUS_DOCUMENT, context).strip()
                odt = build_document(store, analyses, partial, millesime, departments or None, Path(previous) if
                                     previous else previous_document(out, millesime, departments or None), feedback)
                written += [odt] if odt is not None else []
                result["DOCUMENT_ODT"] = str(out / odt.name) if odt is not None else ""
            blocked = [out / p.name for p in written if (out / p.name).is_dir() or (
                (out / p.name).exists() and (not os.access(out / p.name, os.W_OK) or _open_elsewhere(out / p.name)))]
            if blocked:
                message = self.tr("Impossible de remplacer {0} (ouvert dans un autre logiciel ou protégé) : aucun "
                                  "livrable n'a été remplacé.")
                raise ScoranError(message.format(", ".join(p.name for p in blocked)))
            for path in written:  # all written and checked: now move them in, together
                os.replace(path, out / path.name)
        except BaseException:  # failed or cancelled: the store keeps the millésime's registers it had
            restore_snapshots(store, millesime, replaced)
            raise
        finally:
            shutil.rmtree(partial, ignore_errors=True)
        feedback.pushInfo(self.tr("{0} fichier(s) écrit(s) dans {1}.").format(len(written), out))
        return {self.OUTPUT: str(out), "FILES": len(written), **result}

    def _check_writable(self, out: Path) -> None:
        try:
            out.mkdir(parents=True, exist_ok=True)
            probe = out / ".scoran_ecriture"
            probe.write_text("ok")
            probe.unlink()
        except OSError as error:
            raise ScoranError(self.tr("Le dossier {0} n'est pas accessible en écriture ({1}).").format(
                out, error.strerror or error)) from None

    def _run_chain(self, sources, store, analyses, millesime, missing, context, feedback) -> None:
        """Run the chain from the first missing analysis on (later ones depend on it)."""
        from qgis import processing

        analyses.mkdir(parents=True, exist_ok=True)
        all_steps = chain.steps(sources, store, analyses, millesime)
        first = min(i for i, (algorithm, _) in enumerate(all_steps) if algorithm.split(":")[1] in missing)
        for algorithm, parameters in all_steps[first:]:
            check_canceled(feedback)
            feedback.pushInfo(self.tr("Analyse absente ou périmée calculée : {0}").format(algorithm))
            processing.run(algorithm, parameters, context=context, feedback=feedback, is_child_algorithm=True)
