"""Reading sources and writing outputs at the scale of a region (millions of premises)."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsProcessingException,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..compat import SKIP_GEOMETRY_CHECKS, is_null
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


def write_points_destination(destination: str, columns: dict, x, y, epsg: int, feedback, description: str = ""):
    """Write a point table to a Processing vector destination, at GDAL speed.

    GeoPackage destinations (the default and TEMPORARY_OUTPUT) are written directly; other file
    formats are converted from a temporary GeoPackage by GDAL. Returns the destination to report.
    """
    import os
    import tempfile

    from osgeo import gdal
    from qgis.core import QgsVectorFileWriter

    from ..core import gpkg

    path, table = _split_destination(destination)
    if path.lower().endswith(".gpkg"):
        gpkg.write_points(path, table, columns, x, y, epsg, description, feedback)
        return destination
    driver = QgsVectorFileWriter.driverForExtension(os.path.splitext(path)[1])
    if not driver:
        raise ScoranError(QCoreApplication.translate("Processing", "Format de sortie non pris en charge : {0}")
                          .format(destination))
    with tempfile.TemporaryDirectory(prefix="scoran_") as folder:
        temporary = os.path.join(folder, f"{table}.gpkg")
        gpkg.write_points(temporary, table, columns, x, y, epsg, description, feedback)
        gdal.UseExceptions()
        if gdal.VectorTranslate(path, temporary, format=driver, layerName=table) is None:
            raise ScoranError(QCoreApplication.translate("Processing", "Écriture impossible : {0}").format(path))
    return destination


def _split_destination(destination: str) -> tuple[str, str]:
    """(file path, table name) of `x.gpkg`, `x.gpkg|layername=t` or `ogr:dbname='x.gpkg' table="t" (geom)`."""
    import os
    import re

    if destination.startswith("ogr:"):
        match = re.match(r"""ogr:dbname=['"]?(?P<path>[^'"]+)['"]?\s+table=['"]?(?P<table>[^'"\s]+)""", destination)
        if match:
            return match.group("path"), match.group("table")
    if destination.startswith(("postgres:", "postgis:", "spatialite:")):
        raise ScoranError(QCoreApplication.translate(
            "Processing", "Cette sortie s'écrit dans un fichier (GeoPackage conseillé), pas dans une base : {0}"
        ).format(destination))
    path, _, layer = destination.partition("|layername=")
    return path, layer or os.path.splitext(os.path.basename(path))[0]


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
                      with_geometry: bool = True):
    """x, y (in the source CRS, or `target_epsg`) and attribute columns of a point source.

    Whole GeoPackage layers are read in bulk; anything else (selection, filter, other formats)
    goes through the QGIS feature iterator.
    """
    import numpy as np
    import pandas as pd

    from ..core import gpkg, projection

    source = self_alg.parameterAsSource(parameters, name, context)
    if source is None:
        raise QgsProcessingException(self_alg.invalidSourceError(parameters, name))
    missing = [c for c in columns if source.fields().lookupField(c) < 0]
    if missing:
        raise ScoranError(QCoreApplication.translate(
            "Processing", "La couche {0} n'a pas le(s) champ(s) {1} : est-ce bien une sortie de scoran:importmci ?"
        ).format(source.sourceName(), ", ".join(missing)))
    crs = source.sourceCrs()
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
    source_epsg = epsg_of(crs)
    if target_epsg and source_epsg and target_epsg != source_epsg:
        x, y = projection.transform(x, y, source_epsg, target_epsg)
        source_epsg = target_epsg
    return x, y, frame, source_epsg


def plain(value):
    """A value QGIS can store: numpy scalars become Python ones, NaN becomes NULL."""
    if hasattr(value, "item") and not isinstance(value, (bytes, str)):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return value


def add_feature(sink, feature) -> None:
    """Add a feature, turning a refused one into a clear error instead of a silent gap."""
    if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
        raise ScoranError(sink.lastError() or QCoreApplication.translate("Processing", "Écriture refusée."))


def write_table(algorithm, parameters, name: str, context, frame) -> str:
    """Write a DataFrame to a table sink (no geometry), field types from the column dtypes."""
    import pandas as pd
    from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsField, QgsFields
    from qgis.PyQt.QtCore import QVariant

    from ..compat import WKB_NO_GEOMETRY

    fields = QgsFields()
    for column in frame.columns:
        dtype = frame[column].dtype
        if pd.api.types.is_bool_dtype(dtype):
            kind = QVariant.Bool
        elif pd.api.types.is_integer_dtype(dtype):
            kind = QVariant.LongLong
        elif pd.api.types.is_float_dtype(dtype):
            kind = QVariant.Double
        else:
            kind = QVariant.String
        fields.append(QgsField(str(column), kind))
    sink, destination = algorithm.parameterAsSink(parameters, name, context, fields, WKB_NO_GEOMETRY,
                                                  QgsCoordinateReferenceSystem())
    if sink is None:
        raise QgsProcessingException(algorithm.invalidSinkError(parameters, name))
    for row in frame.itertuples(index=False):
        feature = QgsFeature(fields)
        feature.setAttributes([plain(v) if v is not None else None for v in row])
        add_feature(sink, feature)
    return destination
