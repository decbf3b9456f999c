"""scoran:mobilewhitezones — 2G/3G white zones of the centres-bourgs and the cost of covering them."""

from __future__ import annotations

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingFeatureSource,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..compat import GEOMETRY_POLYGON, NUMBER_DOUBLE, SOURCE_POINT, SOURCE_POLYGON, SOURCE_VECTOR
from ..core.codes import departement_of, normalize_insee
from ..core.errors import ScoranError
from ..core.feedback import Steps
from ..core.i18n import quoted
from ..core.mobile import (
    DEFAULT_COSTS,
    LEVELS,
    SITE_STATUSES,
    assess_centres,
    estimate_costs,
    normalise_coverage,
    summary,
)
from ..core.tables import parse_french_numbers
from ..core.territory import check_town_halls, pick_field
from .base import ScoranAlgorithm, epsg_of, preferences
from .io import attribute_frame, field_parameter, read_features_with_points, records_from_source, require_source

COVERAGE_PARAMETERS = ("COVERAGE", "OPERATOR_FIELD", "TECHNO_FIELD", "LEVEL_FIELD", "MIN_LEVEL")


def add_coverage_parameters(algorithm) -> None:
    tr = algorithm.tr
    algorithm.addParameter(QgsProcessingParameterMultipleLayers(
        "COVERAGE", tr("Couvertures mobiles (« Mon réseau mobile » : une couche par opérateur et technologie)"),
        SOURCE_POLYGON))
    algorithm.addParameter(QgsProcessingParameterString(
        "OPERATOR_FIELD", tr("Champ opérateur (vide : operateur_commercial, sinon operateur)"), optional=True))
    algorithm.addParameter(QgsProcessingParameterString("TECHNO_FIELD", tr("Champ technologie"), "techno"))
    algorithm.addParameter(QgsProcessingParameterString("LEVEL_FIELD", tr("Champ niveau de couverture"), "niveau"))
    algorithm.addParameter(QgsProcessingParameterString(
        "MIN_LEVEL", tr("Niveau minimal qui vaut couverture (TBC, BC ou CL)"), "BC"))


def read_coverage(algorithm, parameters, context, feedback, epsg: int):
    """All coverage layers, reprojected to `epsg`, invalid polygons repaired; and every operator seen."""
    layers = algorithm.parameterAsLayerList(parameters, "COVERAGE", context)
    if not layers:
        raise ScoranError(algorithm.tr("Aucune couche de couverture mobile fournie."))
    operator_field = algorithm.parameterAsString(parameters, "OPERATOR_FIELD", context).strip()
    techno_field = algorithm.parameterAsString(parameters, "TECHNO_FIELD", context).strip()
    level_field = algorithm.parameterAsString(parameters, "LEVEL_FIELD", context).strip()
    min_level = algorithm.parameterAsString(parameters, "MIN_LEVEL", context).strip().upper()
    records, operators = [], set()
    for layer in layers:
        if not isinstance(layer, QgsVectorLayer) or QgsWkbTypes.geometryType(layer.wkbType()) != GEOMETRY_POLYGON:
            raise ScoranError(algorithm.tr("La couche de couverture {0} n'est pas une couche de polygones.").format(
                layer.name()))
        names = layer.fields().names()
        field = operator_field or next((f for f in ("operateur_commercial", "operateur") if f in names), "operateur")
        for wanted in (field, techno_field, level_field):
            if wanted not in names:
                raise ScoranError(algorithm.tr(
                    "La couche de couverture {0} n'a pas de champ « {1} » (champs : {2}) : indiquez le champ à "
                    "utiliser.").format(layer.name(), wanted, ", ".join(names)))
        source_records = records_from_source(QgsProcessingFeatureSource(layer, context), epsg, context, feedback)
        for record in source_records:
            record["_op"] = record.get(field)
            record["_layer"] = layer.name()  # a layer whose codes are all unreadable is refused by name
        operators |= {str(r["_op"]) for r in source_records if r["_op"] is not None}
        records += source_records
    coverage = normalise_coverage(records, "_op", techno_field, level_field, min_level, layer_key="_layer")
    for warning in coverage.warnings:
        feedback.pushWarning(warning)
    return coverage, sorted(operators)


def metric_crs(source, context) -> int:
    """EPSG of a projected CRS in metres for the source's points: its own, or the French one where they lie."""
    from ..core.projection import metric_epsg

    epsg = epsg_of(source.sourceCrs()) if source.sourceCrs().isValid() else None
    if epsg and not QgsCoordinateReferenceSystem(f"EPSG:{epsg}").isGeographic():
        return epsg
    _, lon, lat = read_features_with_points(source, 4326, context)
    return metric_epsg(4326, lon, lat)


class MobileWhiteZonesAlgorithm(ScoranAlgorithm):
    INPUT = "INPUT"
    RADIUS = "RADIUS"
    MOUNTAIN_FIELD = "MOUNTAIN_FIELD"
    SITES_FIELD = "SITES_FIELD"
    COST_FIELD = "COST_FIELD"
    COMMUNES = "COMMUNES"
    SITE_COST = "SITE_COST"
    SUBSIDY = "SUBSIDY"
    SUBSIDY_MOUNTAIN = "SUBSIDY_MOUNTAIN"
    OUTPUT = "OUTPUT"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"

    def name(self) -> str:
        return "mobilewhitezones"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Zones blanches mobiles (centres-bourgs)")

    def group(self) -> str:
        return self.tr("Mobile")

    def groupId(self) -> str:  # noqa: N802
        return "mobile"

    def tags(self):
        return self.tr("mobile,2G,3G,4G,zones blanches,centres-bourgs,mairie,pylône,subvention,SCORAN").split(",")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Inventaire des derniers centres-bourgs sans 2G/3G et estimation des besoins financiers (livrable 6 de "
            "la SCORAN).\n\n"
            "Lit : les centres-bourgs (mairies des communes listées, ou toute couche de points — par exemple "
            "centres_bourgs du référentiel) et les cartes de couverture « Mon réseau mobile » (une couche par "
            "opérateur et technologie ; champs operateur, techno, niveau — ou d'autres noms à indiquer), dans "
            "n'importe quelle projection (les polygones invalides sont réparés et comptés).\n\n"
            "Calcule, comme le programme « zones blanches – centres-bourgs », autour de la mairie : pour chaque "
            "opérateur et technologie, couvert ou non (la mairie est dans la couverture au niveau minimal — "
            "« bonne couverture » par défaut — ou mieux ; sur la limite compte comme couvert) et la part du disque "
            "de RAYON mètres couverte (grille de rayon/10) ; le statut (zone blanche 2G, zone blanche 3G, "
            "partiellement couvert, couvert) ; pour les centres en zone blanche, les sites nécessaires (1 par "
            "défaut, ou le champ choisi) et leur coût estimé (sites × coût d'un site : cout_estime_sites). "
            "Le coût retenu (cout_retenu, et cout_estime qui le reprend) est celui saisi par l'agent (champ "
            "« cout » des centres-bourgs du référentiel, ou le champ choisi) quand il est renseigné, sinon "
            "l'estimation (source_cout : agent ou estimation). La subvention de l'État reste par site "
            "(100 000 €, 130 000 € en commune de montagne), plafonnée au coût retenu ; le reste va aux "
            "collectivités. L'état du site (statut_site : recherche de site, pylône construit, mis à "
            "disposition, ouvert en 2G, ouvert en 3G) est repris tel que saisi.\n\n"
            "Contrôle (facultatif) : avec la couche des communes (celle du référentiel), les mairies situées "
            "hors de la commune de leur code INSEE sont comptées et signalées.\n\n"
            "Écrit : les centres-bourgs avec tous leurs champs d'origine (liste, arrêté, état du site, maître "
            "d'ouvrage… tenus par l'agent : conservés d'une analyse à l'autre) et ces résultats ; l'estimatif par "
            "département et pour l'ensemble (avec le nombre de coûts saisis par l'agent, nb_couts_agent)."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Centres-bourgs (mairies)"), [SOURCE_POINT]))
        add_coverage_parameters(self)
        self.addParameter(QgsProcessingParameterNumber(
            self.RADIUS, self.tr("Rayon autour de la mairie (m, au moins 10)"), NUMBER_DOUBLE,
            preferences().mobile_radius, minValue=10.0))
        self.addParameter(QgsProcessingParameterString(
            self.MOUNTAIN_FIELD, self.tr("Champ « commune de montagne » (0/1)"), "montagne", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.SITES_FIELD, self.tr("Champ du nombre de sites nécessaires (vide : 1 par centre)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.COST_FIELD, self.tr("Champ du coût saisi par l'agent (€ ; vide dans une ligne : l'estimation)"),
            "cout", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.COMMUNES, self.tr("Communes, pour vérifier que chaque mairie est dans sa commune (facultatif)"),
            [SOURCE_POLYGON], optional=True))
        for name, label, default in (
            (self.SITE_COST, self.tr("Coût d'un site (€)"), DEFAULT_COSTS["site_cost"]),
            (self.SUBSIDY, self.tr("Subvention de l'État par site (€)"), DEFAULT_COSTS["subsidy"]),
            (self.SUBSIDY_MOUNTAIN, self.tr("Subvention de l'État par site en montagne (€)"),
             DEFAULT_COSTS["subsidy_mountain"]),
        ):
            self.addParameter(QgsProcessingParameterNumber(name, label, NUMBER_DOUBLE, default, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Centres-bourgs : couverture")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SUMMARY, self.tr("Estimatif des besoins par département"), type=SOURCE_VECTOR))

    def run_algorithm(self, parameters, context, feedback, outputs) -> dict:
        min_level = self.parameterAsString(parameters, "MIN_LEVEL", context).strip().upper()
        if min_level not in LEVELS:
            raise ScoranError(self.tr("Niveau minimal inconnu : {0} (TBC, BC ou CL).").format(min_level))
        source = require_source(self, parameters, self.INPUT, context)
        sites_field = field_parameter(self, parameters, self.SITES_FIELD, context, source, numeric=True)
        mountain_field = self._mountain_field(parameters, context, source, feedback)
        cost_field = self._cost_field(parameters, context, source)
        communes = require_source(self, parameters, self.COMMUNES, context, GEOMETRY_POLYGON, optional=True)
        outputs.check(self.OUTPUT, self.OUTPUT_SUMMARY)
        epsg = metric_crs(source, context)  # radius and disc shares in metres
        steps = Steps(feedback, {"lecture": 40, "calcul": 45, "ecriture": 15})
        features, x, y = read_features_with_points(source, epsg, context)
        if not features:
            raise ScoranError(self.tr("La couche des centres-bourgs est vide."))
        coverage, operators = read_coverage(self, parameters, context, feedback, epsg)
        steps.progress("lecture", 1.0)
        radius = self.parameterAsDouble(parameters, self.RADIUS, context)
        result = assess_centres(x, y, coverage, radius, operators, feedback)
        names = source.fields().names()
        attributes = attribute_frame(source, features)
        mountain = (attributes[mountain_field].fillna(0).astype(str).str.strip().str.lower()
                    .isin(["1", "true", "vrai", "oui", "o", "yes"]).to_numpy() if mountain_field
                    else np.zeros(len(features), dtype=bool))
        sites = self._sites_needed(attributes, sites_field, feedback)
        costs = {"site_cost": self.parameterAsDouble(parameters, self.SITE_COST, context),
                 "subsidy": self.parameterAsDouble(parameters, self.SUBSIDY, context),
                 "subsidy_mountain": self.parameterAsDouble(parameters, self.SUBSIDY_MOUNTAIN, context)}
        officer_cost = self._officer_cost(attributes, cost_field, feedback)
        result = pd.concat([result, estimate_costs(result["statut"], mountain, sites, costs, officer_cost)], axis=1)
        no_site = int(((result["source_cout"] == "agent") & (result["nb_sites"] == 0)).sum())
        if no_site:
            feedback.pushWarning(self.tr("{0} centre(s) avec un coût saisi mais couvert(s) d'après les cartes (aucun "
                                         "site nécessaire) : coût compté, sans subvention de l'État.").format(no_site))
        code_field = pick_field(names, "insee_com")
        codes = attributes[code_field].map(normalize_insee) if code_field else pd.Series([None] * len(features))
        result["code_dep"] = [departement_of(c) if c else "" for c in codes]
        if "statut_site" not in names:  # always shown, empty when the layer has no site status
            result["statut_site"] = pd.Series([None] * len(result), dtype=object)
        else:
            self._check_site_status(attributes["statut_site"], feedback)
        if communes is not None:
            self._check_town_halls(communes, code_field, codes, x, y, epsg, source, context, feedback)
        steps.progress("calcul", 1.0)

        computed = result[[c for c in result.columns if c != "code_dep"]]
        output = {self.OUTPUT: outputs.features(self.OUTPUT, source, features, attributes, computed),
                  self.OUTPUT_SUMMARY: outputs.table(self.OUTPUT_SUMMARY, summary(result))}
        outputs.style(self.OUTPUT, "centres_bourgs_mobile", self.tr("Centres-bourgs : couverture mobile"))
        outputs.style(self.OUTPUT_SUMMARY, None, self.tr("Estimatif des besoins mobiles par département"))
        steps.progress("ecriture", 1.0)
        counts = result["statut"].value_counts()
        feedback.pushInfo(self.tr("{0} centre(s)-bourg(s) : {1} en zone blanche 2G, {2} en zone blanche 3G ; "
                                  "{3} site(s), {4:,.0f} € retenus ({6} coût(s) saisi(s) par l'agent ; estimation "
                                  "{7:,.0f} €) dont {5:,.0f} € de subvention de l'État.").format(
            len(result), int(counts.get("zone_blanche_2g", 0)), int(counts.get("zone_blanche_3g", 0)),
            int(result["nb_sites"].sum()), result["cout_retenu"].sum(),
            result["subvention_etat"].sum(), int((result["source_cout"] == "agent").sum()),
            result["cout_estime_sites"].sum()).replace(",", " "))
        return output

    def _mountain_field(self, parameters, context, source, feedback) -> str:
        """The mountain field: refused when named by the officer and absent; the default may be absent."""
        if parameters.get(self.MOUNTAIN_FIELD) not in (None, ""):
            return field_parameter(self, parameters, self.MOUNTAIN_FIELD, context, source)
        default = self.parameterAsString(parameters, self.MOUNTAIN_FIELD, context).strip()
        if default and source.fields().lookupField(default) >= 0:
            return source.fields().at(source.fields().lookupField(default)).name()
        feedback.pushWarning(self.tr("Pas de champ « {0} » dans {1} : aucun centre n'est compté en commune de "
                                     "montagne (subvention de base partout).").format(default, source.sourceName()))
        return ""

    def _cost_field(self, parameters, context, source) -> str:
        """The officer's cost field: refused when named and absent; the default `cout` may be absent."""
        value = parameters.get(self.COST_FIELD)
        if value is not None and str(value).strip() not in ("", "cout"):
            return field_parameter(self, parameters, self.COST_FIELD, context, source)
        name = self.parameterAsString(parameters, self.COST_FIELD, context).strip()
        index = source.fields().lookupField(name) if name else -1
        return source.fields().at(index).name() if index >= 0 else ""

    def _officer_cost(self, attributes, field: str, feedback):
        """The officer's cost per centre (NaN where empty: the estimate applies); refused when negative."""
        if not field:
            return None
        raw = attributes[field]
        values, _ = parse_french_numbers(raw)  # `150 000`, `150 000 €`, `1,5e5`…
        written = raw.notna().to_numpy() & (raw.astype(str).str.strip() != "").to_numpy()
        unreadable = written & np.isnan(values)
        if unreadable.any():
            feedback.pushWarning(self.tr("Champ {0} : {1} coût(s) illisible(s) ({2}) : l'estimation est retenue.")
                                 .format(field, int(unreadable.sum()), ", ".join(
                                     quoted(v) for v in raw[unreadable].astype(str).unique()[:5])))
        negative = values < 0
        if negative.any():
            raise ScoranError(self.tr("Champ {0} : {1} coût(s) négatif(s) (ligne(s) {2}).").format(
                field, int(negative.sum()), ", ".join(str(i + 1) for i in np.flatnonzero(negative)[:5])))
        return values

    def _check_site_status(self, values, feedback) -> None:
        """Warn about site statuses outside the programme's list (kept as written)."""
        written = values.dropna().astype(str).str.strip()
        unknown = written[(written != "") & ~written.isin(list(SITE_STATUSES))]
        if len(unknown):
            feedback.pushWarning(self.tr("statut_site : {0} valeur(s) hors de la liste ({1}) conservée(s) telle(s) "
                                         "quelle(s) : {2}.").format(len(unknown), ", ".join(SITE_STATUSES),
                                                                   ", ".join(quoted(v) for v in unknown.unique()[:5])))

    def _check_town_halls(self, communes, code_field, codes, x, y, epsg, source, context, feedback) -> None:
        """Warn, with a count and the first INSEE codes, about town halls outside their commune."""
        if not code_field:
            feedback.pushWarning(self.tr("Pas de champ code INSEE dans {0} : la position des mairies n'est pas "
                                         "vérifiée.").format(source.sourceName()))
            return
        commune_field = pick_field(communes.fields().names(), "insee_com")
        if commune_field is None:
            raise ScoranError(self.tr("La couche des communes {0} n'a pas de champ code INSEE (insee_com, "
                                      "code_insee…).").format(communes.sourceName()))
        wanted = set(codes.dropna())
        polygons = {}
        for record in records_from_source(communes, epsg, context, feedback):
            code = normalize_insee(record.get(commune_field))
            if code in wanted and record.get("geom") is not None:
                polygons[code] = record["geom"]
        check = check_town_halls(list(codes), x, y, polygons)
        warning = check.warning(source.sourceName())
        if warning:
            feedback.pushWarning(warning)
        else:
            feedback.pushInfo(self.tr("Mairies vérifiées : {0} dans leur commune.").format(check.checked))
        if check.unchecked:
            feedback.pushWarning(self.tr("{0} mairie(s) sans commune dans {1} (code INSEE absent ou inconnu) : "
                                         "position non vérifiée.").format(check.unchecked, communes.sourceName()))

    def _sites_needed(self, attributes, field: str, feedback):
        """Sites needed per centre from the officer's field (1 where empty; refused when negative)."""
        if not field:
            return None
        values = pd.to_numeric(attributes[field], errors="coerce")
        negative = values < 0
        if negative.any():
            raise ScoranError(self.tr("Champ {0} : {1} valeur(s) négative(s) du nombre de sites (ligne(s) {2}).")
                              .format(field, int(negative.sum()), ", ".join(str(i + 1) for i in
                                                                           np.flatnonzero(negative)[:5])))
        empty = int(values.isna().sum())
        if empty:
            feedback.pushWarning(self.tr("Champ {0} : {1} centre(s) sans nombre de sites : 1 site compté.").format(
                field, empty))
        return values.fillna(1).round().astype(int).to_numpy()
