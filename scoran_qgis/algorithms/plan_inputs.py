"""Reading the RIP / AMII plans and cost tables from layers (the store's, or the officer's own)."""

from __future__ import annotations

import pandas as pd
from qgis.core import QgsProcessingParameterFeatureSource

from ..compat import GEOMETRY_POLYGON, SOURCE_POLYGON, SOURCE_VECTOR
from ..core.codes import normalize_insee
from ..core.thd import Plan
from .io import attribute_frame, records_from_source, require_fields, require_source

RIP_PROJECTS, RIP_PHASES, AMII, AMII_CALENDAR = "RIP_PROJECTS", "RIP_PHASES", "AMII", "AMII_CALENDAR"
RIP_PHASES_COMMUNES = "RIP_PHASES_COMMUNES"
STORE_PHASES, STORE_PHASE_COMMUNES = "rip_phases", "rip_phases_communes"


def add_plan_parameters(algorithm, with_projects: bool = True) -> None:
    tr = algorithm.tr
    if with_projects:
        algorithm.addParameter(QgsProcessingParameterFeatureSource(
            RIP_PROJECTS, tr("Projets RIP (périmètres : rip_projets du référentiel)"), [SOURCE_POLYGON]))
    algorithm.addParameter(QgsProcessingParameterFeatureSource(
        RIP_PHASES, tr("Phases des RIP (rip_phases du référentiel)"), [SOURCE_VECTOR]))
    algorithm.addParameter(QgsProcessingParameterFeatureSource(
        RIP_PHASES_COMMUNES, tr("Communes des phases (rip_phases_communes ; vide : celle du référentiel quand les "
                                "phases sont sa couche rip_phases)"), [SOURCE_VECTOR], optional=True))
    if with_projects:
        algorithm.addParameter(QgsProcessingParameterFeatureSource(
            AMII, tr("Communes AMII (amii_communes du référentiel)"), [SOURCE_VECTOR]))
        algorithm.addParameter(QgsProcessingParameterFeatureSource(
            AMII_CALENDAR, tr("Calendrier AMII (amii_calendrier du référentiel)"), [SOURCE_VECTOR], optional=True))


def read_table(algorithm, parameters, name: str, context, required_fields=()) -> pd.DataFrame | None:
    """A layer's attributes as a DataFrame (None when the optional parameter is empty)."""
    source = require_source(algorithm, parameters, name, context, optional=True)
    if source is None:
        return None
    require_fields(source, required_fields)
    return attribute_frame(source, source.getFeatures())


def _phase_communes(value):
    if not value:
        return ()
    return tuple(code for code in (normalize_insee(v) for v in str(value).replace(";", ",").split(",")) if code)


def _store_phase_communes(parameters, context):
    """The store's rip_phases_communes table when RIP_PHASES is the store's rip_phases layer (else None)."""
    from qgis.core import QgsVectorLayer

    from .io import source_layer_path

    found = source_layer_path(parameters, RIP_PHASES, context)
    if found is None:
        layer = _store_postgres_table(parameters, context)
    elif found[1] != STORE_PHASES:
        return None
    else:
        layer = QgsVectorLayer(f"{found[0]}|layername={STORE_PHASE_COMMUNES}", STORE_PHASE_COMMUNES, "ogr")
    if layer is None:
        return None
    if not layer.isValid() or layer.fields().lookupField("phase_id") < 0 or layer.fields().lookupField(
            "insee_com") < 0:
        return None
    return attribute_frame(layer, layer.getFeatures())


def _store_postgres_table(parameters, context):
    """rip_phases_communes of a PostGIS store when RIP_PHASES is that store's whole rip_phases table (else None)."""
    from qgis.core import QgsDataSourceUri, QgsProcessingFeatureSourceDefinition, QgsProcessingUtils, QgsVectorLayer

    value = parameters.get(RIP_PHASES)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit != -1 or getattr(value, "filterExpression", ""):
            return None
        value = value.source.staticValue()
    layer = value if hasattr(value, "providerType") else QgsProcessingUtils.mapLayerFromString(str(value), context)
    if layer is None or layer.providerType() != "postgres" or layer.subsetString():
        return None
    uri = QgsDataSourceUri(layer.source())
    if uri.table() != STORE_PHASES:
        return None
    table = QgsDataSourceUri(uri.connectionInfo(False))  # the connection only: no srid nor geometry type
    table.setDataSource(uri.schema(), STORE_PHASE_COMMUNES, None)
    return QgsVectorLayer(table.uri(False), STORE_PHASE_COMMUNES, "postgres")


def phase_commune_lists(phases: pd.DataFrame, table: pd.DataFrame | None) -> pd.Series:
    """Each phase's communes: its `communes` field together with the rows of a rip_phases_communes table."""
    lists = phases["communes"].map(_phase_communes) if "communes" in phases else pd.Series(
        [()] * len(phases), index=phases.index, dtype=object)
    if table is None or not len(table):
        return lists
    codes = table.assign(insee_com=table["insee_com"].map(normalize_insee)).dropna(subset=["phase_id", "insee_com"])
    by_phase = codes.groupby(codes["phase_id"].astype(str))["insee_com"].agg(tuple)
    extra = phases["phase_id"].astype(str).map(by_phase)
    return pd.Series([tuple(dict.fromkeys(tuple(a) + (tuple(b) if isinstance(b, tuple) else ())))
                      for a, b in zip(lists, extra)], index=phases.index, dtype=object)


def _records_frame(source, epsg: int, context, feedback) -> pd.DataFrame:
    """The features of a plan layer as records; a layer without any feature (a region whose RIP are not
    phased yet) gives its columns and no row."""
    records = records_from_source(source, epsg, context, feedback)
    return pd.DataFrame(records) if len(records) else pd.DataFrame(columns=[*source.fields().names(), "geom"])


def read_plan(algorithm, parameters, context, feedback, epsg: int, with_projects: bool = True) -> Plan:
    """The plan layers reprojected to `epsg` (invalid polygons repaired), as a core Plan.

    A phase's communes are its `communes` field and the rows of RIP_PHASES_COMMUNES (or, when that is
    empty and the phases are the store's rip_phases layer, the store's rip_phases_communes table).
    """
    phases_source = require_source(algorithm, parameters, RIP_PHASES, context)
    require_fields(phases_source, ("phase_id", "rip_id", "technologie", "semestre_debut", "semestre_fin"))
    # no phase at all (a region whose RIP are not phased yet): the layer's columns, no row
    phases = _records_frame(phases_source, epsg, context, feedback)
    phases = phases.rename(columns={"geom": "wkb"})
    table = read_table(algorithm, parameters, RIP_PHASES_COMMUNES, context, ("phase_id", "insee_com"))
    if table is None:
        table = _store_phase_communes(parameters, context)
    phases["communes"] = phase_commune_lists(phases, table) if len(phases) else []
    for column in ("nom", "locaux_prevus", "statut", "cout_prevu"):
        if column not in phases:
            phases[column] = None
    if not with_projects:
        return Plan(pd.DataFrame(columns=["rip_id", "nom", "departements", "wkb"]), phases, pd.DataFrame(
            columns=["insee_com", "zone"]))
    projects_source = require_source(algorithm, parameters, RIP_PROJECTS, context, GEOMETRY_POLYGON)
    require_fields(projects_source, ("rip_id", "departements"))
    projects = _records_frame(projects_source, epsg, context, feedback).rename(columns={"geom": "wkb"})
    amii = read_table(algorithm, parameters, AMII, context, ("insee_com",))
    amii["insee_com"] = amii["insee_com"].map(normalize_insee)
    if "zone" not in amii:
        amii["zone"] = "AMII"
    calendar = read_table(algorithm, parameters, AMII_CALENDAR, context, ("insee_com", "annee", "locaux_prevus"))
    if calendar is None:
        calendar = pd.DataFrame(columns=["insee_com", "annee", "locaux_prevus"])
    else:
        calendar["insee_com"] = calendar["insee_com"].map(normalize_insee)
    return Plan(projects, phases, amii.dropna(subset=["insee_com"]), calendar)


def read_thd_coverage(algorithm, parameters, name: str, context, feedback, fields: list,
                      producer: str = "scoran:thdcoverage", optional_fields=("zone",)):
    """The attributes of a `thdcoverage` output (no geometry needed), typed; and its EPSG.

    `optional_fields` are read when the layer has them (`zone`: AMII/ZTD premises stay out of the RIP
    phases' counts)."""
    import numpy as np

    from .io import read_point_source

    source = require_source(algorithm, parameters, name, context)
    present = [f for f in optional_fields if source is not None and source.fields().lookupField(f) >= 0]
    _, _, coverage, epsg = read_point_source(algorithm, parameters, name, context, feedback,
                                             list(fields) + [f for f in present if f not in fields],
                                             with_geometry=False, producer=producer)
    coverage["nb_locaux"] = coverage["nb_locaux"].fillna(0).astype(np.int64)
    coverage["deja_thd"] = coverage["deja_thd"].fillna(False).astype(bool)
    if "code_dep" in coverage:  # « 2a » of an outside layer is the 2A of the aid table (never its « * » row)
        codes, uniques = pd.factorize(coverage["code_dep"])
        coverage["code_dep"] = np.append(pd.Series(uniques, dtype=object).astype(str).str.strip().str.upper()
                                         .to_numpy(object), None)[codes]
    return coverage, epsg


def read_cost_table(algorithm, parameters, name: str, context, default_path, fields) -> pd.DataFrame:
    """A cost table from a layer (the store's), or the one shipped with the plugin when empty."""
    from ..core.costs import read_defaults

    table = read_table(algorithm, parameters, name, context, fields)
    return read_defaults(default_path) if table is None else table
