"""scoran:whitezoneclearing — when the plans clear the white zones: per RIP phase and semester, what is left at
the end of 2017 and of 2022 per commune and département, the planned semester per commune and 200 m cell, and the
planned THD semester of the priority sites (see core/clearing.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..compat import (
    FIELD_INT,
    FIELD_STRING,
    GEOMETRY_POLYGON,
    NUMBER_DOUBLE,
    SKIP_GEOMETRY_CHECKS,
    SOURCE_POINT,
    SOURCE_POLYGON,
    SOURCE_VECTOR,
    WKB_MULTIPOLYGON,
)
from ..core.clearing import (
    COUNT_COLUMNS,
    NOTHING_TO_CLEAR,
    SITE_COLUMNS,
    by_department,
    by_phase,
    cells,
    premise_frame,
    remaining,
    site_dates,
    square_wkbs,
)
from ..core.errors import ScoranError
from ..core.feedback import Steps
from ..core.grid import LAEA
from ..core.tables import normalize_insee_series
from ..core.territory import pick_field
from ..core.whitezones import threshold_code, threshold_rank
from .base import ScoranAlgorithm, preferences
from .io import attribute_frame, read_point_source, require_source
from .outputs import add_feature, plain
from .plan_inputs import RIP_PHASES, read_table

COVERAGE_FIELDS = ["imb_id", "code_insee", "code_dep", "nb_locaux", "classe", "zone", "rip_id", "phase_id",
                   "technologie", "semestre_prevu", "deja_thd"]
PHASE_FIELDS = ("phase_id", "rip_id", "technologie", "semestre_debut", "semestre_fin")
CELL_FIELDS = ["idcar_200m", "code_dep", *COUNT_COLUMNS, "semestre_resorption", "seuil"]


class WhiteZoneClearingAlgorithm(ScoranAlgorithm):
    INPUT = "INPUT"
    COMMUNES = "COMMUNES"
    SITES = "SITES"
    THRESHOLD = "THRESHOLD"
    MAX_DISTANCE = "MAX_DISTANCE"
    OUTPUT_PHASES = "OUTPUT_PHASES"
    OUTPUT_COMMUNES = "OUTPUT_COMMUNES"
    OUTPUT_CELLS = "OUTPUT_CELLS"
    OUTPUT_DEPARTMENTS = "OUTPUT_DEPARTMENTS"
    OUTPUT_SITES = "OUTPUT_SITES"

    def name(self) -> str:
        return "whitezoneclearing"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Résorption des zones blanches (quand ?)")

    def group(self) -> str:
        return self.tr("Très haut débit")

    def groupId(self) -> str:  # noqa: N802
        return "thd"

    def tags(self):
        return self.tr("zones blanches,résorption,phases,RIP,MED,FTTH,AMII,semestre,2017,2022,sites prioritaires,"
                       "SCORAN").split(",")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Quand les zones blanches du haut débit seront-elles résorbées ? (livrables 1, 2 et 4 de la SCORAN).\n\n"
            "Lit : la sortie de « Couverture THD » (zone, phase, semestre prévu et classe de débit de chaque local), "
            "les phases des RIP, les communes et, si on la donne, la sortie de « Sites prioritaires ».\n\n"
            "Un local est sans haut débit quand sa classe est INEL (< 512 kbit/s) et sous le seuil quand sa classe "
            "est sous le SEUIL (HD3 par défaut : < 3 Mbit/s ; les inéligibles en font partie). Il est traité au "
            "semestre S quand le plan qui le couvre est prévu au plus tard en S : commune AMII ou ZTD, le calendrier "
            "des opérateurs ; local de RIP dans une phase, la fin de la phase, quelle que soit sa technologie "
            "(FTTH, THD radio, et aussi montée en débit MED, qui relève le débit sans apporter le THD) ; un local "
            "déjà THD est traité. Sinon il n'est pas planifié.\n\n"
            "Écrit : par phase de RIP, département et semestre de fin, les locaux sans haut débit et sous le seuil "
            "qu'elle traite, technologies à part, avec les totaux par technologie ; par commune (polygones), par "
            "département et par carreau de 200 m (grille INSPIRE de l'INSEE, carreaux ayant des locaux sous le "
            "seuil) : les locaux sans haut débit et sous le seuil, ce qui reste à traiter fin 2017 et fin 2022, et "
            "le semestre de résorption (semestre où tous ses locaux sous le seuil sont traités ; rien_a_resorber, "
            "non_planifie) ; pour chaque site prioritaire, le semestre THD prévu du local le plus proche à moins de "
            "DISTANCE MAXIMALE mètres (deja_thd, non_planifie ou sans_local_proche, et le motif)."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Locaux et couverture THD (sortie de Couverture THD)"), [SOURCE_POINT]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            RIP_PHASES, self.tr("Phases des RIP (rip_phases du référentiel)"), [SOURCE_VECTOR]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.COMMUNES, self.tr("Communes (communes du référentiel)"), [SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SITES, self.tr("Sites prioritaires (sortie de Sites prioritaires)"), [SOURCE_POINT], optional=True))
        defaults = preferences()
        self.addParameter(QgsProcessingParameterString(
            self.THRESHOLD, self.tr("Seuil : classe à partir de laquelle le haut débit est de qualité (HD05, HD3, "
                                    "BHD8, THD30…)"), defaults.threshold_class))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_DISTANCE, self.tr("Distance maximale site – local (m, au moins 1)"), NUMBER_DOUBLE,
            defaults.priority_max_distance, minValue=1.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_PHASES, self.tr("Résorption par phase de RIP et semestre"), type=SOURCE_VECTOR))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_COMMUNES, self.tr("Résorption par commune")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CELLS, self.tr("Résorption par carreau de 200 m")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_DEPARTMENTS, self.tr("Reste à traiter par département"), type=SOURCE_VECTOR, optional=True,
            createByDefault=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SITES, self.tr("Semestre THD prévu des sites prioritaires"), type=SOURCE_VECTOR,
            optional=True, createByDefault=True))

    def run_algorithm(self, parameters, context, feedback, outputs) -> dict:
        threshold = self.parameterAsString(parameters, self.THRESHOLD, context).strip().upper()
        threshold_rank(threshold)  # refuse an unknown class before reading anything
        max_distance = self.parameterAsDouble(parameters, self.MAX_DISTANCE, context)
        communes = require_source(self, parameters, self.COMMUNES, context, GEOMETRY_POLYGON)
        sites = require_source(self, parameters, self.SITES, context, optional=True)
        outputs.check(self.OUTPUT_PHASES, self.OUTPUT_COMMUNES, self.OUTPUT_CELLS, self.OUTPUT_DEPARTMENTS,
                      self.OUTPUT_SITES)
        steps = Steps(feedback, {"locaux": 35, "calcul": 25, "sites": 10, "ecriture": 30})

        x, y, coverage, epsg = read_point_source(self, parameters, self.INPUT, context, feedback, COVERAGE_FIELDS,
                                                 producer="scoran:thdcoverage")
        if coverage.empty:
            raise ScoranError(self.tr("La couche de couverture THD est vide."))
        coverage["deja_thd"] = coverage["deja_thd"].fillna(False).astype(bool)
        phases = read_table(self, parameters, RIP_PHASES, context, PHASE_FIELDS)
        steps.progress("locaux", 1.0)

        frame = premise_frame(coverage, phases, threshold)
        unknown = sorted(set(frame["phase_id"].dropna().astype(str)) - set(phases["phase_id"].astype(str)))
        if unknown:
            feedback.pushWarning(self.tr("{0} phase(s) de la couverture absente(s) des phases des RIP ({1}) : leurs "
                                         "locaux sont comptés non planifiés. Relancez « Couverture THD » avec ces "
                                         "phases.").format(len(unknown), ", ".join(unknown[:10])))
        phase_table = by_phase(frame, phases, threshold)
        departments = by_department(frame).assign(seuil=threshold_code(threshold))
        per_commune = remaining(frame, "code_insee")
        grid = cells(frame, x, y, epsg).assign(seuil=threshold_code(threshold))
        steps.progress("calcul", 1.0)

        site_table = None
        if sites is not None and outputs.is_set(self.OUTPUT_SITES):
            site_table = self._sites(parameters, context, feedback, sites, x, y, coverage, epsg, max_distance)
        steps.progress("sites", 1.0)

        results = {self.OUTPUT_PHASES: outputs.table(self.OUTPUT_PHASES, phase_table),
                   self.OUTPUT_COMMUNES: self._write_communes(outputs, communes, per_commune, threshold, feedback),
                   self.OUTPUT_CELLS: self._write_cells(outputs, grid)}
        if outputs.is_set(self.OUTPUT_DEPARTMENTS):
            results[self.OUTPUT_DEPARTMENTS] = outputs.table(self.OUTPUT_DEPARTMENTS, departments)
        if site_table is not None:
            results[self.OUTPUT_SITES] = outputs.table(self.OUTPUT_SITES, site_table)
        steps.progress("ecriture", 1.0)

        total = departments.iloc[-1]
        feedback.pushInfo(self.tr(
            "Sous le seuil {0} : {1} locaux, dont {2} sans haut débit ; reste à traiter fin 2017 : {3} (dont {4} sans "
            "haut débit) ; fin 2022 : {5} (dont {6}) ; sans plan : {7}.").format(
            threshold, int(total["nb_sous_seuil"]), int(total["nb_sans_haut_debit"]),
            int(total["reste_fin_2017_sous_seuil"]), int(total["reste_fin_2017_sans_haut_debit"]),
            int(total["reste_fin_2022_sous_seuil"]), int(total["reste_fin_2022_sans_haut_debit"]),
            int(total["nb_sous_seuil_non_planifie"])))
        outputs.style(self.OUTPUT_COMMUNES, "resorption_communes")
        outputs.style(self.OUTPUT_CELLS, "resorption_carreaux")
        outputs.style(self.OUTPUT_PHASES, None)
        outputs.style(self.OUTPUT_DEPARTMENTS, None)
        outputs.style(self.OUTPUT_SITES, None)
        return results

    def _sites(self, parameters, context, feedback, sites, x, y, coverage, epsg, max_distance) -> pd.DataFrame:
        """The planned THD semester of every site (its nearest premise within `max_distance`)."""
        names = sites.fields().names()
        wanted = [n for n in ("site_id", "categorie", "insee_com") if n in names]
        site_x, site_y, attributes, _ = read_point_source(self, parameters, self.SITES, context, feedback, wanted,
                                                          target_epsg=epsg, producer="scoran:prioritysites")
        dates = site_dates(site_x, site_y, x, y, coverage, max_distance, feedback)
        ids = attributes["site_id"].astype(object) if "site_id" in attributes else pd.Series(
            np.arange(1, len(attributes) + 1)).astype(str)
        table = dates.assign(site_id=ids.where(ids.notna(), None).to_numpy(object))
        for column in ("categorie", "insee_com"):
            if column in attributes:
                table[column] = attributes[column].astype(object).to_numpy()
        far = int((dates["semestre_thd"] == "sans_local_proche").sum())
        if far:
            feedback.pushWarning(self.tr("{0} site(s) sans local à moins de {1} m : pas de semestre THD.").format(
                far, f"{max_distance:g}"))
        return table[[*SITE_COLUMNS[:1], *[c for c in ("categorie", "insee_com") if c in table], *SITE_COLUMNS[1:]]]

    def _write_communes(self, outputs, communes, per_commune: pd.DataFrame, threshold: str, feedback) -> str:
        """The communes' polygons with their own attributes and the clearing columns (NOTHING_TO_CLEAR and zero
        counts for a commune without premises)."""
        features = list(communes.getFeatures(QgsFeatureRequest(), SKIP_GEOMETRY_CHECKS))
        if not features:
            raise ScoranError(self.tr("La couche de communes est vide."))
        attributes = attribute_frame(communes, features)
        key = pick_field(attributes.columns, "insee_com")
        if key is None:
            raise ScoranError(self.tr("La couche de communes {0} n'a pas de champ de code INSEE (insee_com).").format(
                communes.sourceName()))
        codes, _ = normalize_insee_series(attributes[key].fillna("").astype(str))
        missing = per_commune[~per_commune.index.isin(set(codes))]
        if len(missing):
            feedback.pushWarning(self.tr("{0} commune(s) des locaux absente(s) de la couche de communes ({1} locaux "
                                         "sous le seuil) : comptée(s) dans les départements, pas par commune.").format(
                len(missing), int(missing["nb_sous_seuil"].sum())))
        computed = per_commune.reindex(codes.to_numpy())
        for column in COUNT_COLUMNS:
            computed[column] = computed[column].fillna(0).astype(np.int32)
        computed["semestre_resorption"] = computed["semestre_resorption"].fillna(NOTHING_TO_CLEAR)
        computed["seuil"] = threshold_code(threshold)
        if pick_field(attributes.columns, "insee_dep") is None:
            text = codes.fillna("").astype(str)
            computed["insee_dep"] = np.where(text.str.startswith("97"), text.str[:3], text.str[:2])
        computed = computed.reset_index(drop=True)
        types = {c: FIELD_INT for c in COUNT_COLUMNS}
        types.update(semestre_resorption=FIELD_STRING, seuil=FIELD_STRING, insee_dep=FIELD_STRING)
        return outputs.features(self.OUTPUT_COMMUNES, communes, features, attributes, computed, types)

    def _write_cells(self, outputs, grid: pd.DataFrame) -> str:
        """The 200 m cells (EPSG:3035): in one batch to a file, feature by feature to a memory layer or a database."""
        sql = {c: "MEDIUMINT" for c in COUNT_COLUMNS}
        columns = {c: (sql.get(c, "TEXT"), grid[c].to_numpy(dtype=np.int64 if c in sql else object))
                   for c in CELL_FIELDS}
        wkbs, boxes = square_wkbs(grid["ix"].to_numpy(), grid["iy"].to_numpy())
        destination = outputs.polygons(self.OUTPUT_CELLS, columns, wkbs, boxes, LAEA)
        if destination is not None:
            return destination
        fields = QgsFields()
        for name in CELL_FIELDS:
            fields.append(QgsField(name, FIELD_INT if name in sql else FIELD_STRING))
        sink, destination = outputs.sink(self.OUTPUT_CELLS, fields, WKB_MULTIPOLYGON,
                                         QgsCoordinateReferenceSystem(f"EPSG:{LAEA}"))
        for values, wkb in zip(grid[CELL_FIELDS].astype(object).to_numpy().tolist(), wkbs):
            feature = QgsFeature(fields)
            geometry = QgsGeometry()
            geometry.fromWkb(wkb)
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
            feature.setAttributes([plain(value) for value in values])
            add_feature(sink, feature)
        return destination
