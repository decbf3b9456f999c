"""An algorithm's outputs, written aside and moved into place together — or not at all.

Every file output (feature sink, vector or file destination) is first written into a hidden
folder beside its destination (same file system, so the final move is a rename). Only when every
output of the run is complete does `commit()` move them in: a failure, a cancel or a refused
value leaves the destinations as they were. A destination that is a layer of an existing
GeoPackage (`x.gpkg|layername=t`, `ogr:dbname=… table=…`, or `x.gpkg` holding other tables)
replaces that layer only, as QGIS's own sinks do; an output that would overwrite one of the
run's inputs is refused before anything is read.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterVectorDestination,
    QgsProcessingUtils,
    QgsProperty,
    QgsVectorFileWriter,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..compat import FIELD_BOOL, FIELD_DOUBLE, FIELD_INT, FIELD_LONG, FIELD_STRING, PARAMETER_OPTIONAL, WKB_NO_GEOMETRY
from ..core.errors import ScoranError
from ..core.store import geopackage_tables

_DATABASE_PREFIXES = ("memory:", "postgres:", "postgis:", "spatialite:", "mssql:", "oracle:", "hana:")
_STAGING_PREFIX = ".scoran-partiel-"
_SHAPE_SIDECARS = {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qpj", ".qmd"}


def _tr(message: str) -> str:
    return QCoreApplication.translate("Processing", message)


@dataclass
class _Staged:
    """One output written aside: where it is now, where it goes."""

    name: str
    final: Path
    layer: str | None  # the GeoPackage layer it replaces, when it replaces a layer only
    staged: Path
    reported: str  # the destination reported to Processing


def split_destination(destination: str) -> tuple[str, str | None]:
    """(file path, layer or None) of `x.gpkg`, `x.gpkg|layername=t` or `ogr:dbname='x.gpkg' table="t" (geom)`."""
    if destination.startswith("ogr:"):
        match = re.match(r"""ogr:dbname=(?P<q>['"]?)(?P<path>.+?)(?P=q)\s+table=(?P<t>['"]?)(?P<table>.+?)(?P=t)"""
                         r"""(\s|\(|$)""", destination)
        if match:
            return match.group("path"), match.group("table")
        raise ScoranError(_tr("Destination OGR illisible : {0}").format(destination))
    path, _, rest = destination.partition("|")
    layer = None
    for part in rest.split("|") if rest else ():
        if part.startswith("layername="):
            layer = part.split("=", 1)[1]
    return path, layer


def input_paths(algorithm, parameters, context) -> dict:
    """{(resolved file path, layer or None): parameter description} of every file the run reads."""
    found = {}
    for definition in algorithm.parameterDefinitions():
        if definition.isDestination():
            continue
        value = parameters.get(definition.name())
        for item in value if isinstance(value, (list, tuple)) else [value]:
            source = _source_string(item, context)
            if not source or source.startswith(_DATABASE_PREFIXES):
                continue
            path, layer = split_destination(source) if "|" in source or source.startswith("ogr:") else (source, None)
            if os.path.exists(path):
                found[(os.path.realpath(path), layer)] = definition.description()
    return found


def _source_string(value, context) -> str:
    """The data source string of a parameter value (path, layer, source definition, layer id)."""
    from qgis.core import QgsMapLayer, QgsProcessingFeatureSourceDefinition

    if value is None:
        return ""
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source.staticValue()
    if isinstance(value, QgsProperty):
        value = value.staticValue()
    if isinstance(value, QgsMapLayer):
        return value.source()
    if not isinstance(value, str):
        return ""
    if not os.path.exists(value.split("|")[0]):
        layer = QgsProcessingUtils.mapLayerFromString(value, context, False)
        if layer is not None:
            return layer.source()
    return value


class Outputs:
    """The outputs of one run: use as a context manager, `commit()` once everything is written."""

    def __init__(self, algorithm, parameters, context, feedback):
        self.algorithm, self.parameters, self.context, self.feedback = algorithm, parameters, context, feedback
        self._staged: list[_Staged] = []
        self._sinks = []
        self._folders: list[Path] = []
        self._inputs = input_paths(algorithm, parameters, context)
        self._claimed: dict = {}
        self._loaded: dict = {}  # output name → key of the layer Processing loads on completion
        self._styles: list = []
        self._store_writes: list = []

    def __enter__(self) -> Outputs:
        return self

    def __exit__(self, *exc) -> None:
        self._sinks.clear()
        for folder in self._folders:
            shutil.rmtree(folder, ignore_errors=True)

    # --- checks before anything is read --------------------------------------------------------
    def check(self, *names: str) -> None:
        """Refuse unusable destinations up front: missing or read-only folder, output = input, same output twice."""
        for name in names:
            destination = self._destination(name)
            if destination is not None:
                self._target(name, destination)

    def _definition(self, name: str):
        definition = self.algorithm.parameterDefinition(name)
        if definition is None:
            raise ScoranError(f"{self.algorithm.id()}: no output {name}")
        return definition

    def _destination(self, name: str) -> str | None:
        """The user's destination string, or None when it needs no staging (temporary, database, unset)."""
        definition = self._definition(name)
        value = self.parameters.get(name)
        if value is None:
            if definition.flags() & PARAMETER_OPTIONAL:  # an optional output left unset is not written
                return None
            value = definition.defaultValue()
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            value = value.sink.valueAsString(self.context.expressionContext(), "")
            value = value[0] if isinstance(value, tuple) else value  # (value, ok) in PyQGIS
        value = "" if value is None else str(value).strip()
        if not value or value == "TEMPORARY_OUTPUT" or value.startswith(_DATABASE_PREFIXES):
            return None
        if isinstance(definition, QgsProcessingParameterFolderDestination):
            return None
        return value

    def is_set(self, name: str) -> bool:
        """Whether an optional output was asked for."""
        definition = self._definition(name)
        return not (definition.flags() & PARAMETER_OPTIONAL) or self.parameters.get(name) not in (None, "")

    def _target(self, name: str, destination: str) -> tuple[Path, str | None]:
        """(final path, explicit layer) of a destination, checked."""
        definition = self._definition(name)
        label = definition.description()
        path, layer = split_destination(destination)
        final = Path(path).expanduser()
        if not final.is_absolute():
            final = Path.cwd() / final
        if not final.suffix and not final.is_dir():  # as QGIS does: the format's usual extension
            extension = (definition.defaultFileExtension() if hasattr(definition, "defaultFileExtension") else "")
            final = final.with_name(f"{final.name}.{extension or 'gpkg'}")
        if final.is_dir():
            raise ScoranError(_tr("Sortie « {0} » : {1} est un dossier ; indiquez un nom de fichier.")
                              .format(label, final))
        folder = final.parent
        if not folder.is_dir():
            raise ScoranError(_tr("Sortie « {0} » : le dossier {1} n'existe pas.").format(label, folder))
        if not os.access(folder, os.W_OK | os.X_OK):
            raise ScoranError(_tr("Sortie « {0} » : le dossier {1} n'est pas accessible en écriture.")
                              .format(label, folder))
        if final.exists() and not os.access(final, os.W_OK):
            raise ScoranError(_tr("Sortie « {0} » : le fichier {1} est protégé en écriture.").format(label, final))
        if not isinstance(definition, QgsProcessingParameterFileDestination):
            if not QgsVectorFileWriter.driverForExtension(final.suffix.lstrip(".")):
                raise ScoranError(_tr("Sortie « {0} » : format de fichier non pris en charge ({1}). Choisissez un "
                                      "GeoPackage (.gpkg), un CSV ou un autre format vecteur.")
                                  .format(label, final.name))
        real = os.path.realpath(final)
        table = layer or (final.stem if final.suffix.lower() == ".gpkg" else None)
        for (input_path, input_layer), input_label in self._inputs.items():
            if input_path != real:
                continue
            if layer is None or input_layer is None or input_layer == layer:
                raise ScoranError(_tr("Sortie « {0} » : {1} est aussi une entrée (« {2} ») ; choisissez un autre "
                                      "fichier, rien n'a été écrit.").format(label, destination, input_label))
        key = (real, table)
        other = self._claimed.setdefault(key, label)
        if other != label:
            raise ScoranError(_tr("Les sorties « {0} » et « {1} » écriraient le même fichier : {2}.")
                              .format(other, label, destination))
        return final, layer

    # --- staging -------------------------------------------------------------------------------
    def _stage(self, name: str) -> _Staged | None:
        destination = self._destination(name)
        if destination is None:
            return None
        final, layer = self._target(name, destination)
        folder = Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=final.parent))
        self._folders.append(folder)
        # a plain name aside (quotes and the like stay out of URIs); the final name is given on the move
        reported = destination if Path(split_destination(destination)[0]).suffix else (
            str(final) + (f"|layername={layer}" if layer else ""))
        staged = _Staged(name, final, layer, folder / f"sortie{final.suffix}", reported)
        self._staged.append(staged)
        return staged

    def _staged_parameters(self, staged: _Staged) -> dict:
        value = str(staged.staged)
        file_output = isinstance(self._definition(staged.name), QgsProcessingParameterFileDestination)
        if staged.final.suffix.lower() == ".gpkg" and not file_output:  # the layer keeps its name (QGIS's form)
            table = (staged.layer or staged.final.stem).replace('"', '""')
            value = f"ogr:dbname='{staged.staged}' table=\"{table}\" (geom)"
        original = self.parameters.get(staged.name)
        if isinstance(original, QgsProcessingOutputLayerDefinition):
            definition = QgsProcessingOutputLayerDefinition(original)
            definition.sink = QgsProperty.fromValue(value)
            value = definition
        return {**self.parameters, staged.name: value}

    def sink(self, name: str, fields: QgsFields, wkb_type, crs):
        """A feature sink for output `name` (its features go aside until commit); returns (sink, destination)."""
        staged = self._stage(name)
        parameters = self._staged_parameters(staged) if staged else self.parameters
        sink, destination = self.algorithm.parameterAsSink(parameters, name, self.context, fields, wkb_type, crs)
        if sink is None:
            raise QgsProcessingException(self.algorithm.invalidSinkError(self.parameters, name))
        self._sinks.append(sink)
        self._loaded[name] = destination
        return sink, (staged.reported if staged else destination)

    def path(self, name: str) -> tuple[str, str]:
        """(path to write now, destination to report) for a vector or file destination written by our own code."""
        definition = self._definition(name)
        staged = self._stage(name)
        parameters = self._staged_parameters(staged) if staged else self.parameters
        if isinstance(definition, (QgsProcessingParameterVectorDestination, QgsProcessingParameterFeatureSink)):
            path = self.algorithm.parameterAsOutputLayer(parameters, name, self.context)  # registers the loading
            self._loaded[name] = path
        else:
            path = self.algorithm.parameterAsFileOutput(parameters, name, self.context)
        return path, (staged.reported if staged else path)

    def style(self, name: str, style: str | None, title: str | None = None) -> None:
        """Style output `name` with resources/styles/<style>.qml (None: a table, no style) and name it `title`
        (by default the output's French description) when Processing loads it into the project."""
        self._styles.append((name, style, title or self._definition(name).description()))

    # --- writers -------------------------------------------------------------------------------
    def table(self, name: str, frame) -> str:
        """Write a DataFrame to a table output (no geometry); field types from the column dtypes."""
        fields = QgsFields()
        for column in frame.columns:
            fields.append(QgsField(str(column), variant_of(frame[column].dtype)))
        sink, destination = self.sink(name, fields, WKB_NO_GEOMETRY, QgsCoordinateReferenceSystem())
        for row in frame.itertuples(index=False):
            feature = QgsFeature(fields)
            feature.setAttributes([plain(v) for v in row])
            add_feature(sink, feature)
        return destination

    def features(self, name: str, source, features, attributes, computed, types: dict | None = None) -> str:
        """Write a source's features with their own attributes plus computed columns (a DataFrame).

        A source field named like a computed column keeps its place and type but takes the computed
        value (an earlier run's result is replaced; the officer's other fields are kept). `types`
        gives the field type (compat.FIELD_*) of columns whose dtype does not say it (booleans with NULLs…).
        """
        types = types or {}
        fields = QgsFields(source.fields())
        for column in computed.columns:
            if fields.lookupField(str(column)) < 0:
                fields.append(QgsField(str(column), types.get(column, variant_of(computed[column].dtype))))
        sink, destination = self.sink(name, fields, source.wkbType(), source.sourceCrs())
        own = attributes.to_dict("records")
        extra = computed.astype(object).where(computed.notna(), None).to_dict("records")
        order = fields.names()
        for feature, values, more in zip(features, own, extra):
            values.update({k: plain(v) for k, v in more.items()})
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            out.setAttributes([values.get(field) for field in order])
            add_feature(sink, out)
        return destination

    def points(self, name: str, columns: dict, x, y, epsg: int, description: str = "") -> str:
        """Write a point table at GDAL speed to a vector destination (GeoPackage directly, else converted)."""
        from ..core import gpkg

        return self._write_file(name, lambda path, table: gpkg.write_points(path, table, columns, x, y, epsg,
                                                                            description, self.feedback))

    def polygons(self, name: str, columns: dict, wkbs, boxes, epsg: int, description: str = "") -> str | None:
        """Write a MultiPolygon table at GDAL speed to a file destination (`gpkg.write_polygons`).

        None when the destination is not a file (a temporary or memory layer, a database): the
        caller then writes through `sink`.
        """
        from ..core import gpkg

        if self._destination(name) is None:
            return None
        return self._write_file(name, lambda path, table: gpkg.write_polygons(path, table, columns, wkbs, boxes,
                                                                              epsg, description, self.feedback))

    def _write_file(self, name: str, write) -> str:
        """`write(path, table)` a GeoPackage for output `name`: in place, or converted to the destination's format."""
        from osgeo import gdal

        path, destination = self.path(name)
        path, _ = split_destination(path)
        final, layer = split_destination(destination)
        table = layer or Path(final).stem
        if path.lower().endswith(".gpkg"):
            write(path, table)
            return destination
        driver = QgsVectorFileWriter.driverForExtension(os.path.splitext(path)[1])
        with tempfile.TemporaryDirectory(prefix="scoran_") as folder:
            temporary = os.path.join(folder, "sortie.gpkg")
            write(temporary, table)
            gdal.UseExceptions()
            try:
                gdal.VectorTranslate(path, temporary, format=driver, layerName=table)
            except RuntimeError as error:
                raise ScoranError(_tr("Écriture impossible : {0} ({1})").format(destination, error)) from None
        return destination

    # --- commit --------------------------------------------------------------------------------
    def store_write(self, action) -> None:
        """A write to the SCORAN store (one transaction) made at commit time, with the files."""
        self._store_writes.append(action)

    def commit(self) -> None:
        """Put every staged output in place, all or nothing.

        Files are moved in (the files they replace kept aside), layers swapped (the layers they
        replace kept under another name), then the store written in its own transaction; any failure
        undoes what was done, and only a complete success drops what was kept aside.
        """
        self._sinks.clear()  # the last references: the QGIS writers close, their files are complete
        done = []  # (undo, finish) of each step
        try:
            for staged in self._staged:
                produced = self._produced(staged)
                if not produced:
                    continue
                layer = self._replaced_layer(staged)
                done.append(self._replace_layer(staged, layer) if layer is not None else
                            self._move_files(staged, produced))
            for action in self._store_writes:
                action()
        except BaseException:
            for undo, _ in reversed(done):
                try:
                    undo()
                except Exception:  # noqa: BLE001 — keep undoing the rest
                    pass
            raise
        for _, finish in done:
            try:
                finish()
            except Exception:  # noqa: BLE001 — a leftover backup layer is harmless, the outputs are in place
                pass
        self._rename_loaded_layers()
        self._staged.clear()
        from .base import style_on_completion

        for name, style, title in self._styles:
            if name in self._loaded:
                style_on_completion(self.context, self._loaded[name], style, title)

    @staticmethod
    def _produced(staged: _Staged) -> list[Path]:
        """The files a writer made for this output (a shapefile has sidecars; a table may be a lone .dbf)."""
        stem = staged.staged.stem
        return sorted(p for p in staged.staged.parent.iterdir() if p.is_file()
                      and (p.name == stem or p.name.startswith(stem + "."))
                      and not p.name.endswith(("-wal", "-shm", "-journal")))

    @staticmethod
    def _move_files(staged: _Staged, produced: list[Path]):
        """Move the produced files to their final names, the files they replace kept aside until the end."""
        stem = staged.staged.stem
        targets = [staged.final.with_name(staged.final.stem + p.name[len(stem):]) for p in produced]
        blocked = [t for t in targets if t.is_dir()]
        if blocked:
            raise ScoranError(_tr("Impossible d'écrire {0} : un dossier porte ce nom.").format(blocked[0]))
        replaced = {t for t in targets if t.exists()}
        if staged.final.suffix.lower() == ".shp":  # stale sidecars of an older shapefile go too
            replaced |= {p for p in staged.final.parent.glob(glob_escape(staged.final.stem) + ".*")
                         if p.suffix.lower() in _SHAPE_SIDECARS and p.is_file()}
        backup = staged.staged.parent / "ancien"
        backup.mkdir(exist_ok=True)
        kept, moved = [], []

        def undo():
            for target in moved:
                target.unlink(missing_ok=True)
            for old, target in kept:
                os.replace(old, target)

        try:
            for target in sorted(replaced):
                os.replace(target, backup / target.name)
                kept.append((backup / target.name, target))
            for source, target in zip(produced, targets):
                os.replace(source, target)
                moved.append(target)
        except BaseException:
            undo()
            raise
        return undo, lambda: None

    def _replaced_layer(self, staged: _Staged) -> str | None:
        """The layer to replace in an existing GeoPackage (None: the whole file is replaced)."""
        if staged.final.suffix.lower() != ".gpkg" or not staged.final.exists():
            return None
        tables = geopackage_tables(staged.final)
        if tables is None:  # not a GeoPackage: replaced, as the user asked
            return None
        layer = staged.layer or staged.final.stem
        written = geopackage_tables(staged.staged) or {layer}
        if tables - written - {layer}:  # the file holds other data: touch only our layer
            return layer
        return None

    @staticmethod
    def _replace_layer(staged: _Staged, layer: str):
        """Replace (or add) one layer of an existing GeoPackage: copied under a new name, then swapped in
        one transaction; the layer it replaces is kept under a third name until the whole commit is done."""
        from osgeo import gdal, ogr

        gdal.UseExceptions()
        incoming, previous = f"{layer}__scoran_nouveau", f"{layer}__scoran_ancien"
        path = str(staged.final)
        source = ogr.Open(str(staged.staged))
        target = ogr.Open(path, update=1)
        try:
            for leftover in (incoming, previous):  # left by an interrupted run
                if target.GetLayerByName(leftover) is not None:
                    target.DeleteLayer(_layer_index(target, leftover))
            target.CopyLayer(source.GetLayerByName(layer) or source.GetLayer(0), incoming)
            had_layer = target.GetLayerByName(layer) is not None
            target.StartTransaction(force=True)
            try:
                if had_layer:
                    target.GetLayerByName(layer).Rename(previous)
                target.GetLayerByName(incoming).Rename(layer)
                target.CommitTransaction()
            except RuntimeError:
                target.RollbackTransaction()
                raise
        except RuntimeError as error:
            if target is not None and target.GetLayerByName(incoming) is not None:
                target.DeleteLayer(_layer_index(target, incoming))
            raise ScoranError(_tr("Impossible d'écrire la couche {0} dans {1} : {2}").format(
                layer, staged.final, error)) from None
        finally:
            target = source = None

        def undo():
            dataset = ogr.Open(path, update=1)
            dataset.DeleteLayer(_layer_index(dataset, layer))
            if had_layer:
                dataset.GetLayerByName(previous).Rename(layer)

        def finish():
            if had_layer:
                dataset = ogr.Open(path, update=1)
                dataset.DeleteLayer(_layer_index(dataset, previous))

        return undo, finish

    def _rename_loaded_layers(self) -> None:
        """Layers Processing loads on completion point at the final files, not the staging ones."""
        layers = self.context.layersToLoadOnCompletion()
        if not layers:
            return
        renamed, final_keys = {}, {}
        for key, details in layers.items():
            final = key
            for staged in self._staged:
                path, layer = split_destination(key)
                if os.path.realpath(path) == os.path.realpath(staged.staged):
                    table = layer or staged.layer
                    final = str(staged.final) + (f"|layername={table}" if table else "")
                    break
            renamed[final] = details
            final_keys[key] = final
        self.context.setLayersToLoadOnCompletion(renamed)
        self._loaded = {name: final_keys.get(key, key) for name, key in self._loaded.items()}


def glob_escape(text: str) -> str:
    from glob import escape

    return escape(text)


def _layer_index(dataset, name: str) -> int:
    return next(i for i in range(dataset.GetLayerCount()) if dataset.GetLayer(i).GetName() == name)


def variant_of(dtype):
    """Field type of a pandas column (compat: QVariant types on 3.22, QMetaType from 3.38)."""
    import pandas as pd

    if pd.api.types.is_bool_dtype(dtype):
        return FIELD_BOOL
    if pd.api.types.is_integer_dtype(dtype):
        return FIELD_INT if getattr(dtype, "itemsize", 8) <= 4 else FIELD_LONG
    if pd.api.types.is_float_dtype(dtype):
        return FIELD_DOUBLE
    return FIELD_STRING


def plain(value):
    """A value QGIS can store: numpy scalars become Python ones, NaN and NA become NULL."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, (bytes, str)):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None
    except ImportError:
        pass
    return value


def add_feature(sink, feature) -> None:
    """Add a feature, turning a refused one into a clear error instead of a silent gap."""
    if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
        error = sink.lastError() if hasattr(sink, "lastError") else ""
        raise ScoranError(_tr("Écriture refusée : {0}").format(error or _tr("entité non acceptée par la sortie")))
