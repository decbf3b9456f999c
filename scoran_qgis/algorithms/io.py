"""Reading an algorithm's inputs at the scale of a region (millions of premises), with clear refusals.

The other half of the algorithm I/O kit, the outputs, is `outputs.py`.
"""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..compat import GEOMETRY_NULL, GEOMETRY_POINT, GEOMETRY_POLYGON, SKIP_GEOMETRY_CHECKS, is_null
from ..core.errors import ScoranError
from ..core.feedback import check_canceled
from .base import epsg_of


def records_from_source(source, target_epsg: int, context, feedback, progress_span=None) -> list[dict]:
    """Read a feature source into dicts (attributes + `geom` as WKB in `target_epsg`).

    Invalid geometries are repaired with makeValid() and counted; empty ones are left to the caller.
    `progress_span` (start, end) moves the progress bar while reading; Cancel stops with CanceledError.
    """
    target = QgsCoordinateReferenceSystem(f"EPSG:{target_epsg}")
    transform = None
    if source.sourceCrs().isValid() and source.sourceCrs() != target:
        transform = QgsCoordinateTransform(source.sourceCrs(), target, context.transformContext())
    names = source.fields().names()
    total = source.featureCount() or 0
    start, end = progress_span or (0, 0)
    step = (end - start) / total if total and progress_span else 0
    records = []
    invalid = 0
    for index, feature in enumerate(source.getFeatures(QgsFeatureRequest(), SKIP_GEOMETRY_CHECKS)):
        if index % 1000 == 0:
            check_canceled(feedback)
        geometry = feature.geometry()
        record = {name: None if is_null(value) else value for name, value in zip(names, feature.attributes())}
        if geometry is None or geometry.isEmpty():
            record["geom"] = None
        else:
            if transform is not None:
                geometry.transform(transform)
            if not geometry.isGeosValid():
                geometry = geometry.makeValid()
                invalid += 1
            record["geom"] = bytes(geometry.asWkb())
        records.append(record)
        if step and index % 1000 == 0:
            feedback.setProgress(start + index * step)
    if invalid:
        feedback.pushWarning(QCoreApplication.translate("Processing", "{0} : {1} géométrie(s) invalide(s) réparée(s).")
                             .format(source.sourceName(), invalid))
    return records


def source_layer_path(parameters, name: str, context):
    """(GeoPackage path, table) when the parameter is a whole GeoPackage layer (fast path), else None."""
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProcessingUtils

    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit != -1 or getattr(value, "filterExpression", ""):
            return None
        value = value.source.staticValue()
    layer = value if hasattr(value, "providerType") else QgsProcessingUtils.mapLayerFromString(str(value), context)
    if layer is None or layer.providerType() != "ogr" or layer.subsetString():
        return None
    parts = layer.dataProvider().dataSourceUri().split("|")
    path = parts[0]
    if not path.lower().endswith(".gpkg"):
        return None
    table = next((p.split("=", 1)[1] for p in parts[1:] if p.startswith("layername=")), None)
    if table is None:
        from ..core import gpkg

        table = gpkg.single_feature_table(path)
    return (path, table) if table else None


def read_point_source(self_alg, parameters, name: str, context, feedback, columns: list, target_epsg=None,
                      with_geometry: bool = True, producer: str = "scoran:importmci"):
    """x, y (in the source CRS, or `target_epsg`) and attribute columns of a point source.

    Whole GeoPackage layers are read in bulk; anything else (selection, filter, other formats)
    goes through the QGIS feature iterator. `producer` names the algorithm whose output is expected
    (said in the message when a field is missing). Points with non-finite coordinates are dropped
    and counted.
    """
    import numpy as np
    import pandas as pd

    from ..core import gpkg, projection

    source = require_source(self_alg, parameters, name, context, GEOMETRY_POINT)
    require_fields(source, columns, producer)
    crs = source.sourceCrs()
    if with_geometry and not crs.authid().startswith("EPSG:"):
        raise ScoranError(_tr("La couche {0} n'a pas de projection EPSG connue ({1}) : définissez-la dans ses "
                              "propriétés (Source › Système de coordonnées), par exemple EPSG:2154.").format(
            source.sourceName(), crs.description() or _tr("aucune")))
    fast = source_layer_path(parameters, name, context)
    if fast is not None:
        x, y, frame = gpkg.read_points(fast[0], fast[1], columns, with_geometry)
        if not with_geometry:
            return x, y, frame, epsg_of(crs)
    else:
        request = QgsFeatureRequest().setSubsetOfAttributes(columns, source.fields())
        xs, ys, rows = [], [], []
        total = source.featureCount() or 1
        for index, feature in enumerate(source.getFeatures(request)):
            if index % 50000 == 0:
                check_canceled(feedback)
            geometry = feature.geometry()
            if geometry.isEmpty():
                continue
            point = geometry.asPoint() if not geometry.isMultipart() else geometry.asMultiPoint()[0]
            xs.append(point.x())
            ys.append(point.y())
            rows.append([None if is_null(feature[c]) else feature[c] for c in columns])
            if index % 50000 == 0:
                feedback.setProgress(10 * index / total)
        x, y = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
        frame = pd.DataFrame(rows, columns=columns)
    if with_geometry:
        finite = np.isfinite(x) & np.isfinite(y)
        if not finite.all():
            feedback.pushWarning(_tr("{0} : {1} point(s) aux coordonnées non finies ignoré(s).").format(
                source.sourceName(), int((~finite).sum())))
            x, y, frame = x[finite], y[finite], frame.loc[finite].reset_index(drop=True)
    source_epsg = epsg_of(crs)
    if target_epsg and source_epsg and target_epsg != source_epsg:
        x, y = projection.transform(x, y, source_epsg, target_epsg)
        source_epsg = target_epsg
    return x, y, frame, source_epsg




def _tr(message: str) -> str:
    return QCoreApplication.translate("Processing", message)


_GEOMETRY_NAMES = {GEOMETRY_POINT: "points", GEOMETRY_POLYGON: "polygones"}


def require_source(algorithm, parameters, name: str, context, geometry=None, optional: bool = False):
    """The feature source of parameter `name`, refused clearly when missing or of the wrong geometry."""
    source = algorithm.parameterAsSource(parameters, name, context)
    if source is None:
        if optional:
            return None
        raise QgsProcessingException(algorithm.invalidSourceError(parameters, name))
    if geometry is not None:
        found = QgsWkbTypes.geometryType(source.wkbType())
        if found != geometry:
            label = algorithm.parameterDefinition(name).description()
            kind = _GEOMETRY_NAMES.get(found, _tr("aucune géométrie") if found == GEOMETRY_NULL else _tr("lignes"))
            raise ScoranError(_tr("« {0} » : la couche {1} contient des {2} ; des {3} sont attendus.").format(
                label, source.sourceName(), kind, _GEOMETRY_NAMES[geometry]))
    return source


def require_fields(source, fields, producer: str | None = None) -> None:
    """Refuse a layer that lacks fields the computation needs, naming them (and what should have made it)."""
    missing = [f for f in fields if source.fields().lookupField(f) < 0]
    if not missing:
        return
    if producer:
        message = _tr("La couche {0} n'a pas le(s) champ(s) {1} : est-ce bien une sortie de {2} ?")
        raise ScoranError(message.format(source.sourceName(), ", ".join(missing), producer))
    raise ScoranError(_tr("La couche {0} n'a pas le(s) champ(s) {1} (champs présents : {2}).").format(
        source.sourceName(), ", ".join(missing), ", ".join(source.fields().names())))


def field_parameter(algorithm, parameters, name: str, context, source, numeric: bool = False) -> str:
    """The field chosen in parameter `name` ('' when unset), refused when the layer has no such field."""
    field = (algorithm.parameterAsString(parameters, name, context) or "").strip()
    if not field:
        return ""
    label = algorithm.parameterDefinition(name).description()
    index = source.fields().lookupField(field)
    if index < 0:
        raise ScoranError(_tr("« {0} » : la couche {1} n'a pas de champ « {2} » (champs : {3}).").format(
            label, source.sourceName(), field, ", ".join(source.fields().names())))
    if numeric and not source.fields().at(index).isNumeric():
        raise ScoranError(_tr("« {0} » : le champ « {1} » de la couche {2} n'est pas numérique ({3}).").format(
            label, field, source.sourceName(), source.fields().at(index).typeName()))
    return source.fields().at(index).name()


def attribute_frame(source, features):
    """The attributes of `features` as a DataFrame (NULL → None), columns named as the source's fields."""
    import pandas as pd

    names = source.fields().names()
    return pd.DataFrame([[None if is_null(v) else v for v in f.attributes()] for f in features], columns=names)


def read_features_with_points(source, epsg: int, context):
    """Features with a geometry and their points (centroids) in `epsg`: (features, x, y)."""
    import numpy as np

    target = QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
    transform = None
    if source.sourceCrs().isValid() and source.sourceCrs() != target:
        transform = QgsCoordinateTransform(source.sourceCrs(), target, context.transformContext())
    features, xs, ys = [], [], []
    for feature in source.getFeatures(QgsFeatureRequest(), SKIP_GEOMETRY_CHECKS):
        geometry = feature.geometry()
        if geometry is None or geometry.isEmpty():
            continue
        point = geometry.centroid().asPoint()
        if transform is not None:
            point = transform.transform(point)
        if not (np.isfinite(point.x()) and np.isfinite(point.y())):
            continue
        features.append(feature)
        xs.append(point.x())
        ys.append(point.y())
    return features, np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
