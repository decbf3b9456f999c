"""scoran:whitezones — broadband white zones per area, as 200 m grid zones, and per department.

Both categories of the circular: no broadband (ineligible premises: `zb_haut_debit`, OUTPUT_ZONES_INEL)
and below THRESHOLD (`zone_blanche`, OUTPUT_ZONES), see core/whitezones.py.
"""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..compat import (
    FIELD_DOUBLE,
    FIELD_INT,
    FIELD_STRING,
    GEOMETRY_POLYGON,
    NUMBER_DOUBLE,
    SKIP_GEOMETRY_CHECKS,
    SOURCE_POINT,
    SOURCE_POLYGON,
    SOURCE_VECTOR,
    WKB_MULTIPOLYGON,
    is_null,
)
from ..core.areas import main_department, match_areas_by_insee
from ..core.errors import ScoranError
from ..core.feedback import Steps
from ..core.geometry import locate_points
from ..core.grid import LAEA
from ..core.territory import pick_field
from ..core.whitezones import (
    AREA_FIELDS,
    INEL_ZONE_FIELDS,
    ZONE_FIELDS,
    count_by_group,
    department_summary,
    grid_white_zones,
    premise_ranks,
    threshold_rank,
)
from .base import ScoranAlgorithm, preferences
from .io import attribute_frame, field_parameter, read_point_source, require_source
from .outputs import add_feature, plain

PREMISE_FIELDS = ["code_insee", "code_dep", "nb_locaux", "classe"]
_FIELD_TYPES = {"zone_id": FIELD_INT, "code_dep": FIELD_STRING, "nb_carreaux": FIELD_INT,
                "nb_locaux": FIELD_INT, "nb_sous_seuil": FIELD_INT, "nb_inel": FIELD_INT,
                "pct_sous_seuil": FIELD_DOUBLE, "pct_inel": FIELD_DOUBLE, "surface_km2": FIELD_DOUBLE,
                "categorie": FIELD_STRING, "seuil": FIELD_STRING, "part_pct": FIELD_DOUBLE}
_SQL_TYPES = {FIELD_INT: "MEDIUMINT", FIELD_STRING: "TEXT", FIELD_DOUBLE: "REAL"}  # as GDAL declares them


def add_threshold_parameters(algorithm) -> None:
    """THRESHOLD and SHARE, defaults from the officer's settings (both white-zone algorithms)."""
    defaults = preferences()
    algorithm.addParameter(QgsProcessingParameterString(
        "THRESHOLD", algorithm.tr("Seuil : classe à partir de laquelle le haut débit est de qualité (HD05, HD3, "
                                  "BHD8, THD30…)"), defaults.threshold_class))
    algorithm.addParameter(QgsProcessingParameterNumber(
        "SHARE", algorithm.tr("Part de locaux sous le seuil (ou inéligibles) qui fait une zone blanche "
                              "(%, de 0,01 à 100)"),
        NUMBER_DOUBLE, defaults.white_zone_share, minValue=0.01, maxValue=100.0))


class WhiteZonesAlgorithm(ScoranAlgorithm):
    INPUT = "INPUT"
    AREAS = "AREAS"
    AREA_KEY = "AREA_KEY"
    THRESHOLD = "THRESHOLD"
    SHARE = "SHARE"
    OUTPUT = "OUTPUT"
    OUTPUT_ZONES = "OUTPUT_ZONES"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
    OUTPUT_ZONES_INEL = "OUTPUT_ZONES_INEL"

    def name(self) -> str:
        return "whitezones"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Zones blanches du haut débit")

    def group(self) -> str:
        return self.tr("Haut débit fixe")

    def groupId(self) -> str:  # noqa: N802
        return "fixe"

    def tags(self):
        return self.tr("zones blanches,haut débit,inventaire,locaux,carroyage,INSPIRE,200 m,SCORAN").split(",")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Inventaire des zones blanches du haut débit fixe (livrable 1 de la SCORAN), dans les deux catégories "
            "que nomme la circulaire :\n"
            "• les zones blanches du haut débit, sans haut débit : locaux inéligibles (classe INEL, moins de "
            "512 kbit/s) — champ zb_haut_debit, carreaux de catégorie « sans_haut_debit » ;\n"
            "• les zones ne bénéficiant pas d'un haut débit de qualité : locaux sous le SEUIL (par défaut HD3, "
            "moins de 3 Mbit/s) — champ zone_blanche, carreaux de catégorie « sous_seuil ». Le champ "
            "zone_blanche désigne toujours cette catégorie du SEUIL.\n"
            "Une zone entre dans une catégorie quand la part de ses locaux concernés atteint PART (50 % par "
            "défaut ; une part égale à PART compte).\n\n"
            "Lit : les locaux importés par « Importer Ma connexion internet » et une couche de zones "
            "(les communes, ou des EPCI, des IRIS…). Quand la clé des zones est le code INSEE des communes, "
            "chaque local est compté dans sa commune ARCEP ; sinon il est placé par sa position.\n\n"
            "Calcule, en nombre de locaux (pas d'immeubles) : les locaux par classe de débit, nb_inel, pct_inel, "
            "zb_haut_debit, nb_sous_seuil (classe inférieure au SEUIL), pct_sous_seuil, zone_blanche, nb_bhd "
            "(≥ 8 Mbit/s), nb_thd (≥ 30 Mbit/s), et garde le SEUIL (seuil) et la PART (part_pct) utilisés.\n\n"
            "Écrit : les zones avec ces comptes ; les zones sous le seuil en polygones faits des carreaux de 200 m "
            "de la grille INSPIRE (comme l'INSEE), en EPSG:3035 pour garder des bords exacts, regroupés, avec "
            "leurs comptes ; sur demande, les zones blanches du haut débit (carreaux où les locaux inéligibles "
            "atteignent PART) de la même façon ; un tableau récapitulatif par département et pour l'ensemble du "
            "territoire, avec les deux catégories."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Locaux (sortie de Importer Ma connexion internet)"), [SOURCE_POINT]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AREAS, self.tr("Zones (communes, EPCI, IRIS…)"), [SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterField(
            self.AREA_KEY, self.tr("Clé des zones (par défaut : le code INSEE)"), parentLayerParameterName=self.AREAS,
            optional=True))
        add_threshold_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Zones blanches par zone")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_ZONES, self.tr("Zones sans haut débit de qualité, sous le seuil (carreaux de 200 m "
                                       "regroupés)")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SUMMARY, self.tr("Inventaire par département"), type=SOURCE_VECTOR, optional=True,
            createByDefault=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_ZONES_INEL, self.tr("Zones blanches du haut débit, locaux inéligibles (carreaux de 200 m "
                                            "regroupés)"), optional=True, createByDefault=False))

    def run_algorithm(self, parameters, context, feedback, outputs) -> dict:
        threshold = self.parameterAsString(parameters, self.THRESHOLD, context).strip().upper()
        threshold_rank(threshold)  # refuse an unknown class before reading anything
        share = self.parameterAsDouble(parameters, self.SHARE, context)
        areas = require_source(self, parameters, self.AREAS, context, GEOMETRY_POLYGON)
        chosen_key = field_parameter(self, parameters, self.AREA_KEY, context, areas)
        outputs.check(self.OUTPUT, self.OUTPUT_ZONES, self.OUTPUT_SUMMARY, self.OUTPUT_ZONES_INEL)
        steps = Steps(feedback, {"lecture": 30, "zones": 25, "carreaux": 30, "ecriture": 15})

        x, y, premises, epsg = read_point_source(self, parameters, self.INPUT, context, feedback, PREMISE_FIELDS)
        if len(premises) == 0:
            raise ScoranError(self.tr("La couche de locaux est vide."))
        premises["nb_locaux"] = premises["nb_locaux"].fillna(0).astype(np.int64)
        premises["rank"] = premise_ranks(premises["classe"])
        premises["code_dep"] = premises["code_dep"].fillna("").astype(str)
        steps.progress("lecture", 1.0)

        key = chosen_key or pick_field(areas.fields().names(), "insee_com")
        area_features = list(areas.getFeatures(QgsFeatureRequest(), SKIP_GEOMETRY_CHECKS))
        if not area_features:
            raise ScoranError(self.tr("La couche de zones est vide."))
        group, method = self._assign(area_features, key, premises, x, y, epsg, areas, context, feedback)
        feedback.pushInfo(method)
        outside = int((group < 0).sum())
        if outside:
            feedback.pushWarning(self.tr("{0} immeuble(s) ({1} locaux) hors des zones : non comptés par zone.").format(
                outside, int(premises["nb_locaux"].to_numpy()[group < 0].sum())))
        ranks = premises["rank"].to_numpy()
        nb = premises["nb_locaux"].to_numpy()
        table = count_by_group(group, nb, ranks, len(area_features), threshold, share)
        area_dep = main_department(group, premises["code_dep"].to_numpy(), len(area_features))
        steps.progress("zones", 1.0)

        grid = grid_white_zones(x, y, epsg, nb, ranks, premises["code_dep"].to_numpy(), threshold, share)
        steps.progress("carreaux", 1.0)
        summary = department_summary(premises, table, area_dep, grid, threshold, share)

        results = {self.OUTPUT: self._write_areas(outputs, areas, area_features, table),
                   self.OUTPUT_ZONES: self._write_zones(outputs, self.OUTPUT_ZONES, grid.zones, ZONE_FIELDS)}
        if outputs.is_set(self.OUTPUT_SUMMARY):
            results[self.OUTPUT_SUMMARY] = outputs.table(self.OUTPUT_SUMMARY, summary)
        if outputs.is_set(self.OUTPUT_ZONES_INEL):
            results[self.OUTPUT_ZONES_INEL] = self._write_zones(outputs, self.OUTPUT_ZONES_INEL, grid.zones_inel,
                                                                INEL_ZONE_FIELDS)
        steps.progress("ecriture", 1.0)
        total = summary.iloc[-1]
        feedback.pushInfo(self.tr(
            "Zones sans haut débit de qualité (sous {0}, part ≥ {1} %, champ zone_blanche) : {2} zone(s) sur {3} ; "
            "{4} locaux sous le seuil ({5} %) ; {6} zone(s) de carreaux."
        ).format(threshold, f"{share:g}", int(table["zone_blanche"].sum()), len(table), int(total["nb_sous_seuil"]),
                 total["pct_sous_seuil"], len(grid.zones)))
        feedback.pushInfo(self.tr(
            "Zones blanches du haut débit (locaux inéligibles, part ≥ {0} %, champ zb_haut_debit) : {1} zone(s) sur "
            "{2} ; {3} locaux inéligibles ({4} %) ; {5} zone(s) de carreaux."
        ).format(f"{share:g}", int(table["zb_haut_debit"].sum()), len(table), int(total["nb_inel"]),
                 total["pct_inel"], len(grid.zones_inel)))
        outputs.style(self.OUTPUT, "zones_part_sous_seuil", self.tr("Part des locaux sous le seuil par zone"))
        outputs.style(self.OUTPUT_ZONES, "carreaux_sous_seuil", self.tr("Carreaux sans haut débit de qualité"))
        outputs.style(self.OUTPUT_ZONES_INEL, "carreaux_inel", self.tr("Carreaux en zone blanche du haut débit"))
        outputs.style(self.OUTPUT_SUMMARY, None, self.tr("Inventaire des zones blanches par département"))
        return results

    def _assign(self, features, key, premises, x, y, epsg, areas, context, feedback):
        """Area index of every premise: by INSEE code when the key holds commune codes, else by position."""
        if key:
            codes = [None if is_null(f[key]) else f[key] for f in features]
            matched = match_areas_by_insee(codes, premises["code_insee"])
            if matched is not None:
                return matched, self.tr("Locaux comptés dans leur commune par le code INSEE (champ {0}).").format(key)
        transform = None
        target = QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
        if areas.sourceCrs() != target:
            transform = QgsCoordinateTransform(areas.sourceCrs(), target, context.transformContext())
        wkbs = []
        for feature in features:
            geometry = QgsGeometry(feature.geometry())
            if geometry.isEmpty():
                wkbs.append(None)
                continue
            if transform is not None:
                geometry.transform(transform)
            if not geometry.isGeosValid():
                geometry = geometry.makeValid()
            wkbs.append(bytes(geometry.asWkb()))
        return locate_points(x, y, wkbs, feedback), self.tr("Locaux placés dans les zones par leur position.")

    def _write_areas(self, outputs, areas, features, table):
        computed = table[AREA_FIELDS].copy()
        for name in AREA_FIELDS:
            if name.startswith("nb_"):
                computed[name] = computed[name].astype(np.int32)
        computed["zone_blanche"] = computed["zone_blanche"].astype(bool)
        computed["zb_haut_debit"] = computed["zb_haut_debit"].astype(bool)
        return outputs.features(self.OUTPUT, areas, features, attribute_frame(areas, features), computed)

    def _write_zones(self, outputs, name, zones, names):
        """Grid zones of one category (EPSG:3035), fields `names` in that order: in one batch to a file,
        feature by feature to a memory layer or a database."""
        columns = {field_name: (_SQL_TYPES[_FIELD_TYPES[field_name]], zones[field_name].to_numpy())
                   for field_name in names}
        boxes = tuple(zones[c].to_numpy(dtype=float) for c in ("minx", "maxx", "miny", "maxy"))
        destination = outputs.polygons(name, columns, zones["geom"].to_numpy(), boxes, LAEA)
        if destination is not None:
            return destination
        fields = QgsFields()
        for field_name in names:
            fields.append(QgsField(field_name, _FIELD_TYPES[field_name]))
        sink, dest = outputs.sink(name, fields, WKB_MULTIPOLYGON, QgsCoordinateReferenceSystem(f"EPSG:{LAEA}"))
        for values, wkb in zip(zones[names].astype(object).to_numpy().tolist(), zones["geom"]):
            feature = QgsFeature(fields)
            geometry = QgsGeometry()
            geometry.fromWkb(wkb)
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
            feature.setAttributes([plain(value) for value in values])
            add_feature(sink, feature)
        return dest
