"""Enums and helpers whose place changed between QGIS 3.22 and QGIS 4 (Qt5 → Qt6).

Import them from here so that the rest of the code reads the same on every version.
"""

from qgis.core import Qgis, QgsProcessing, QgsWkbTypes

# Processing source types: `Qgis.ProcessingSourceType` from 3.36, `QgsProcessing.Type*` before.
if hasattr(Qgis, "ProcessingSourceType"):
    SOURCE_POINT = Qgis.ProcessingSourceType.VectorPoint
    SOURCE_POLYGON = Qgis.ProcessingSourceType.VectorPolygon
    SOURCE_ANY_GEOMETRY = Qgis.ProcessingSourceType.VectorAnyGeometry
    SOURCE_VECTOR = Qgis.ProcessingSourceType.Vector
    SOURCE_FILE = Qgis.ProcessingSourceType.File
else:  # QGIS < 3.36
    SOURCE_POINT = QgsProcessing.TypeVectorPoint
    SOURCE_POLYGON = QgsProcessing.TypeVectorPolygon
    SOURCE_ANY_GEOMETRY = QgsProcessing.TypeVectorAnyGeometry
    SOURCE_VECTOR = QgsProcessing.TypeVector
    SOURCE_FILE = QgsProcessing.TypeFile

# Geometry types: `Qgis.WkbType` from 3.30, `QgsWkbTypes.*` before.
if hasattr(Qgis, "WkbType"):
    WKB_POINT = Qgis.WkbType.Point
    WKB_MULTIPOLYGON = Qgis.WkbType.MultiPolygon
    WKB_NO_GEOMETRY = Qgis.WkbType.NoGeometry
else:
    WKB_POINT = QgsWkbTypes.Point
    WKB_MULTIPOLYGON = QgsWkbTypes.MultiPolygon
    WKB_NO_GEOMETRY = QgsWkbTypes.NoGeometry

# Processing file-parameter behaviour and number types.
if hasattr(Qgis, "ProcessingFileParameterBehavior"):
    FILE_BEHAVIOR_FILE = Qgis.ProcessingFileParameterBehavior.File
    FILE_BEHAVIOR_FOLDER = Qgis.ProcessingFileParameterBehavior.Folder
    NUMBER_DOUBLE = Qgis.ProcessingNumberParameterType.Double
    NUMBER_INTEGER = Qgis.ProcessingNumberParameterType.Integer
else:
    from qgis.core import QgsProcessingParameterFile, QgsProcessingParameterNumber

    FILE_BEHAVIOR_FILE = QgsProcessingParameterFile.File
    FILE_BEHAVIOR_FOLDER = QgsProcessingParameterFile.Folder
    NUMBER_DOUBLE = QgsProcessingParameterNumber.Double
    NUMBER_INTEGER = QgsProcessingParameterNumber.Integer

# Algorithm flags.
if hasattr(Qgis, "ProcessingAlgorithmFlag"):
    FLAG_NO_THREADING = Qgis.ProcessingAlgorithmFlag.NoThreading
else:
    from qgis.core import QgsProcessingAlgorithm

    FLAG_NO_THREADING = QgsProcessingAlgorithm.FlagNoThreading

# Message levels are scoped from 3.22 on (Qgis.MessageLevel), kept here for one import site.
MSG_INFO = Qgis.MessageLevel.Info
MSG_WARNING = Qgis.MessageLevel.Warning
MSG_CRITICAL = Qgis.MessageLevel.Critical
MSG_SUCCESS = Qgis.MessageLevel.Success


def is_null(value) -> bool:
    """Tell whether a QGIS attribute value is NULL (a null QVariant on Qt5, None on Qt6)."""
    if value is None:
        return True
    is_null_method = getattr(value, "isNull", None)
    return bool(is_null_method()) if callable(is_null_method) else False


# QAction moved from QtWidgets (Qt5) to QtGui (Qt6, QGIS 4).
try:
    from qgis.PyQt.QtGui import QAction  # noqa: F401
except ImportError:
    from qgis.PyQt.QtWidgets import QAction  # noqa: F401

# Reading a source without Processing's invalid-geometry check (the plugin repairs and reports itself).
if hasattr(Qgis, "ProcessingFeatureSourceFlag"):
    SKIP_GEOMETRY_CHECKS = Qgis.ProcessingFeatureSourceFlag.SkipGeometryValidityChecks
else:
    from qgis.core import QgsProcessingFeatureSource

    SKIP_GEOMETRY_CHECKS = QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks

# Parameter flags: `Qgis.ProcessingParameterFlag` from 3.36, `QgsProcessingParameterDefinition.Flag*` before.
if hasattr(Qgis, "ProcessingParameterFlag"):
    PARAMETER_OPTIONAL = Qgis.ProcessingParameterFlag.Optional
else:
    from qgis.core import QgsProcessingParameterDefinition

    PARAMETER_OPTIONAL = QgsProcessingParameterDefinition.FlagOptional

# Geometry families of a source: `Qgis.GeometryType` from 3.30, `QgsWkbTypes.*Geometry` before.
if hasattr(Qgis, "GeometryType"):
    GEOMETRY_POINT = Qgis.GeometryType.Point
    GEOMETRY_POLYGON = Qgis.GeometryType.Polygon
    GEOMETRY_NULL = Qgis.GeometryType.Null
else:
    GEOMETRY_POINT = QgsWkbTypes.PointGeometry
    GEOMETRY_POLYGON = QgsWkbTypes.PolygonGeometry
    GEOMETRY_NULL = QgsWkbTypes.NullGeometry

# Text in PDF layouts: `Qgis.TextRenderFormat` from 3.28, `QgsRenderContext.TextFormat*` before.
if hasattr(Qgis, "TextRenderFormat"):
    TEXT_ALWAYS_TEXT = Qgis.TextRenderFormat.AlwaysText
else:
    from qgis.core import QgsRenderContext

    TEXT_ALWAYS_TEXT = QgsRenderContext.TextFormatAlwaysText

# Field types: QgsField takes `QMetaType.Type` from 3.38 (the only kind with Qt6 / QGIS 4), `QVariant.Type` before.
if Qgis.QGIS_VERSION_INT >= 33800:
    from qgis.PyQt.QtCore import QMetaType

    FIELD_BOOL, FIELD_INT, FIELD_LONG = QMetaType.Type.Bool, QMetaType.Type.Int, QMetaType.Type.LongLong
    FIELD_DOUBLE, FIELD_STRING = QMetaType.Type.Double, QMetaType.Type.QString
else:
    from qgis.PyQt.QtCore import QVariant

    FIELD_BOOL, FIELD_INT, FIELD_LONG = QVariant.Bool, QVariant.Int, QVariant.LongLong
    FIELD_DOUBLE, FIELD_STRING = QVariant.Double, QVariant.String

# Layout and distance units: `Qgis.LayoutUnit` / `Qgis.DistanceUnit` from 3.30, `QgsUnitTypes.*` before.
if hasattr(Qgis, "LayoutUnit"):
    LAYOUT_MILLIMETERS = Qgis.LayoutUnit.Millimeters
    DISTANCE_KILOMETERS = Qgis.DistanceUnit.Kilometers
else:
    from qgis.core import QgsUnitTypes

    LAYOUT_MILLIMETERS = QgsUnitTypes.LayoutMillimeters
    DISTANCE_KILOMETERS = QgsUnitTypes.DistanceKilometers
