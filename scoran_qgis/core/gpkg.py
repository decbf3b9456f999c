"""Just enough of the GeoPackage format to write features with Python's sqlite3.

GDAL creates the file and its metadata tables; the plugin then writes in plain SQL transactions
(one connection, atomic commits). Geometries are GeoPackage blobs: a small header + ISO WKB.
The R-tree triggers that GDAL installs call ST_MinX & co., which only exist inside GDAL's own
connections, so `register_functions` provides them on ours.
"""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

import numpy as np
from osgeo import ogr, osr

from .errors import ScoranError
from .feedback import check_canceled
from .i18n import tr

ogr.UseExceptions()
osr.UseExceptions()

GPKG_APPLICATION_ID = 0x47504B47  # "GPKG"
_EMPTY_FLAG = 0b10000
_ENVELOPE_XY = 0b0010
_LITTLE_ENDIAN = 0b0001


def create_empty(path: str) -> None:
    """Create an empty GeoPackage (metadata tables, default SRS) with GDAL."""
    driver = ogr.GetDriverByName("GPKG")
    dataset = driver.CreateDataSource(str(path))
    if dataset is None:
        raise OSError(path)
    dataset = None  # noqa: F841 — closing writes the file


def wkb_envelope(wkb: bytes) -> tuple[float, float, float, float]:
    """(minx, maxx, miny, maxy) of an ISO WKB geometry."""
    return ogr.CreateGeometryFromWkb(bytes(wkb)).GetEnvelope()


def to_blob(wkb: bytes | None, srs_id: int) -> bytes | None:
    """Wrap WKB into a GeoPackage geometry blob with an XY envelope."""
    if wkb is None:
        return None
    wkb = bytes(wkb)
    minx, maxx, miny, maxy = wkb_envelope(wkb)
    flags = _ENVELOPE_XY | _LITTLE_ENDIAN
    return b"GP" + bytes((0, flags)) + struct.pack("<i4d", srs_id, minx, maxx, miny, maxy) + wkb


def blob_to_wkb(blob: bytes | None) -> bytes | None:
    """Strip the GeoPackage header of a geometry blob, returning its WKB (plain WKB — a PostGIS store's
    `ST_AsBinary` — is returned as it is)."""
    if blob is None:
        return None
    if bytes(blob[:2]) != b"GP":
        return bytes(blob)
    flags = blob[3]
    envelope_len = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get((flags >> 1) & 0b111, 0)
    return bytes(blob[8 + envelope_len:])


def blob_envelope(blob: bytes | None):
    """(minx, maxx, miny, maxy, empty) read from the header, or from the WKB when absent."""
    if blob is None:
        return None
    flags = blob[3]
    if flags & _EMPTY_FLAG:
        return None
    envelope_kind = (flags >> 1) & 0b111
    if envelope_kind:
        order = "<" if flags & _LITTLE_ENDIAN else ">"
        return struct.unpack_from(order + "4d", blob, 8)
    return wkb_envelope(blob_to_wkb(blob))


def _envelope_part(index):
    def function(blob):
        envelope = blob_envelope(blob)
        return None if envelope is None else envelope[index]

    return function


def register_functions(conn: sqlite3.Connection) -> None:
    """Provide the SQL functions GDAL's R-tree triggers call."""
    conn.create_function("ST_MinX", 1, _envelope_part(0), deterministic=True)
    conn.create_function("ST_MaxX", 1, _envelope_part(1), deterministic=True)
    conn.create_function("ST_MinY", 1, _envelope_part(2), deterministic=True)
    conn.create_function("ST_MaxY", 1, _envelope_part(3), deterministic=True)
    conn.create_function("ST_IsEmpty", 1, lambda blob: 1 if blob_envelope(blob) is None else 0, deterministic=True)


def ensure_srs(conn: sqlite3.Connection, epsg: int) -> None:
    """Add an EPSG CRS to gpkg_spatial_ref_sys when missing."""
    if conn.execute("SELECT 1 FROM gpkg_spatial_ref_sys WHERE srs_id = ?", (epsg,)).fetchone():
        return
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    conn.execute(
        "INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition)"
        " VALUES (?, ?, 'EPSG', ?, ?)",
        (srs.GetName(), epsg, epsg, srs.ExportToWkt()),
    )


def _q(name: str) -> str:
    """An SQL identifier, quoted (a table named after a file may hold any character, `"` included)."""
    return '"' + str(name).replace('"', '""') + '"'


def register_attributes_table(conn: sqlite3.Connection, table: str, description: str) -> None:
    """Declare a table without geometry so that QGIS lists it."""
    conn.execute(
        "INSERT OR REPLACE INTO gpkg_contents (table_name, data_type, identifier, description)"
        " VALUES (?, 'attributes', ?, ?)",
        (table, table, description),
    )


def register_features_table(
    conn: sqlite3.Connection, table: str, description: str, geometry_type: str, epsg: int
) -> None:
    """Declare a feature table (geometry column `geom`) in the GeoPackage metadata."""
    ensure_srs(conn, epsg)
    conn.execute(
        "INSERT OR REPLACE INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)"
        " VALUES (?, 'features', ?, ?, ?)",
        (table, table, description, epsg),
    )
    conn.execute(
        "INSERT OR REPLACE INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m)"
        " VALUES (?, 'geom', ?, ?, 0, 0)",
        (table, geometry_type, epsg),
    )


def create_spatial_index(conn: sqlite3.Connection, table: str) -> None:
    """Create the GeoPackage R-tree of `table.geom` and the triggers that keep it current.

    Same SQL as the GeoPackage spec's `gpkg_rtree_index` extension (and as GDAL writes).
    """
    rtree = f"rtree_{table}_geom"
    conn.execute(f'CREATE VIRTUAL TABLE {_q(rtree)} USING rtree(id, minx, maxx, miny, maxy)')
    conn.execute(
        f'INSERT INTO {_q(rtree)} SELECT fid, ST_MinX(geom), ST_MaxX(geom), ST_MinY(geom), ST_MaxY(geom)'
        f' FROM {_q(table)} WHERE geom NOT NULL AND NOT ST_IsEmpty(geom)'
    )
    create_spatial_index_triggers(conn, table)


def create_spatial_index_triggers(conn: sqlite3.Connection, table: str) -> None:
    """The triggers that keep `rtree_<table>_geom` current, and the extension's registration."""
    rtree = f"rtree_{table}_geom"
    valid = "NEW.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom)"
    insert_new = (
        f'INSERT OR REPLACE INTO {_q(rtree)} VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom),'
        f" ST_MinY(NEW.geom), ST_MaxY(NEW.geom));"
    )
    empty_new = "(NEW.geom IS NULL OR ST_IsEmpty(NEW.geom))"
    triggers = (  # one statement each: executescript() would commit the caller's transaction
        f'CREATE TRIGGER {_q(rtree + "_insert")} AFTER INSERT ON {_q(table)} WHEN ({valid}) BEGIN {insert_new} END',
        f'CREATE TRIGGER {_q(rtree + "_update1")} AFTER UPDATE OF geom ON {_q(table)}'
        f" WHEN OLD.fid = NEW.fid AND ({valid}) BEGIN {insert_new} END",
        f'CREATE TRIGGER {_q(rtree + "_update2")} AFTER UPDATE OF geom ON {_q(table)}'
        f' WHEN OLD.fid = NEW.fid AND {empty_new} BEGIN DELETE FROM {_q(rtree)} WHERE id = OLD.fid; END',
        f'CREATE TRIGGER {_q(rtree + "_update3")} AFTER UPDATE ON {_q(table)} WHEN OLD.fid != NEW.fid AND ({valid})'
        f' BEGIN DELETE FROM {_q(rtree)} WHERE id = OLD.fid; {insert_new} END',
        f'CREATE TRIGGER {_q(rtree + "_update4")} AFTER UPDATE ON {_q(table)} WHEN OLD.fid != NEW.fid AND {empty_new}'
        f' BEGIN DELETE FROM {_q(rtree)} WHERE id IN (OLD.fid, NEW.fid); END',
        f'CREATE TRIGGER {_q(rtree + "_delete")} AFTER DELETE ON {_q(table)} WHEN old.geom NOT NULL'
        f' BEGIN DELETE FROM {_q(rtree)} WHERE id = OLD.fid; END',
    )
    for trigger in triggers:
        conn.execute(trigger)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL,"
        " definition TEXT NOT NULL, scope TEXT NOT NULL,"
        " CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))"
    )
    conn.execute(
        "INSERT OR REPLACE INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope)"
        " VALUES (?, 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')",
        (table,),
    )


def refresh_extent(conn: sqlite3.Connection, table: str) -> None:
    """Store the table's extent in gpkg_contents (QGIS uses it to zoom without a full scan)."""
    row = conn.execute(
        f'SELECT min(minx), min(miny), max(maxx), max(maxy) FROM {_q("rtree_" + table + "_geom")}'
    ).fetchone()
    conn.execute(
        "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?,"
        " last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE table_name = ?",
        (*row, table),
    )


def point_blobs(x: np.ndarray, y: np.ndarray, srs_id: int) -> list[bytes]:
    """GeoPackage blobs of 2D points, built in one numpy pass (no envelope, as GDAL writes points)."""
    record = np.zeros(len(x), dtype=[("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs", "<i4"),
                                     ("order", "u1"), ("type", "<u4"), ("x", "<f8"), ("y", "<f8")])
    record["magic"], record["flags"], record["srs"] = b"GP", _LITTLE_ENDIAN, srs_id
    record["order"], record["type"] = 1, 1  # little-endian WKB Point
    record["x"], record["y"] = x, y
    raw, size = record.tobytes(), record.dtype.itemsize
    return [raw[i:i + size] for i in range(0, len(raw), size)]


def _python_values(values) -> list:
    """A column as Python values for sqlite3: NaN and NA become NULL, numpy scalars plain numbers."""
    array = np.asarray(values)
    if array.dtype.kind == "f":
        return [None if v != v else v for v in array.tolist()]
    if array.dtype.kind == "O":
        return [None if (v is None or v != v) else v for v in array.tolist()]
    return array.tolist()


def write_points(path, table: str, columns: dict, x: np.ndarray, y: np.ndarray, epsg: int,
                 description: str = "", feedback=None) -> None:
    """Write a new GeoPackage holding one point table, fast (vectorised, one transaction).

    `columns` maps a field name to (SQL type, values). The file is built aside and renamed, so a
    failure or a cancel never leaves a half-written output. Rows are stored in spatial order,
    which also makes the R-tree cheap to fill.
    """
    order = np.lexsort((np.floor(x / 1000), np.floor(y / 1000)))
    x, y = np.asarray(x)[order], np.asarray(y)[order]
    _write_features(path, table, columns, order, point_blobs(x, y, epsg), (x, x, y, y), "POINT", epsg, description,
                    feedback)


def write_polygons(path, table: str, columns: dict, wkbs, boxes, epsg: int, description: str = "",
                   feedback=None) -> None:
    """Write a new GeoPackage holding one MultiPolygon table, as write_points does for points.

    `wkbs`: each row's Polygon or MultiPolygon (little-endian ISO WKB, 2D); `boxes`: their
    envelopes (minx, maxx, miny, maxy arrays), stored in the blobs' headers and the R-tree as GDAL
    does. Rows keep their order.
    """
    order = np.arange(len(wkbs))
    _write_features(path, table, columns, order, multipolygon_blobs(wkbs, boxes, epsg),
                    tuple(np.asarray(b, dtype=np.float64) for b in boxes), "MULTIPOLYGON", epsg, description, feedback)


def multipolygon_blobs(wkbs, boxes, srs_id: int) -> list[bytes]:
    """GeoPackage blobs (header with envelope) of MultiPolygons; a Polygon's WKB is wrapped in one."""
    header = np.zeros(len(wkbs), dtype=[("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs", "<i4"),
                                        ("minx", "<f8"), ("maxx", "<f8"), ("miny", "<f8"), ("maxy", "<f8")])
    header["magic"], header["flags"], header["srs"] = b"GP", _LITTLE_ENDIAN | _ENVELOPE_XY, srs_id
    header["minx"], header["maxx"], header["miny"], header["maxy"] = boxes
    raw, size = header.tobytes(), header.dtype.itemsize
    one_polygon = b"\x01" + (6).to_bytes(4, "little") + (1).to_bytes(4, "little")
    return [raw[i * size:(i + 1) * size] + (wkb if wkb[1] == 6 else one_polygon + wkb)
            for i, wkb in enumerate(wkbs)]


def _write_features(path, table: str, columns: dict, order: np.ndarray, blobs: list, boxes: tuple,
                    geometry_type: str, epsg: int, description: str, feedback) -> None:
    """The writer of write_points and write_polygons: rows `order` of the columns, with their blobs and boxes."""
    import os

    path = Path(path)
    partial = path.with_name(path.stem + ".partiel.gpkg")
    partial.unlink(missing_ok=True)
    try:
        create_empty(partial)
        conn = sqlite3.connect(str(partial), isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = OFF")  # a new file, renamed only once complete
            conn.execute("PRAGMA synchronous = OFF")
            conn.execute("BEGIN")
            definitions = "".join(f', {_q(name)} {kind}' for name, (kind, _) in columns.items())
            conn.execute(f'CREATE TABLE {_q(table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom {geometry_type}'
                         f'{definitions})')
            register_features_table(conn, table, description, geometry_type, epsg)
            values = [blobs]
            for _, column in columns.values():
                values.append(_python_values(np.asarray(column, dtype=object if _is_text(column) else None)[order]))
            if feedback is not None:
                check_canceled(feedback)
            names = "".join(f', {_q(name)}' for name in columns)
            marks = ", ".join("?" for _ in range(len(columns) + 1))
            conn.executemany(f'INSERT INTO {_q(table)} (geom{names}) VALUES ({marks})', zip(*values))
            _fill_rtree(conn, table, *boxes)
            minx, maxx, miny, maxy = boxes
            conn.execute(
                "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?",
                (float(minx.min()), float(miny.min()), float(maxx.max()), float(maxy.max()), table) if len(minx)
                else (None, None, None, None, table),
            )
            conn.execute("COMMIT")
        finally:
            conn.close()
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _is_text(column) -> bool:
    array = np.asarray(column)
    return array.dtype.kind in "OUS"


def _fill_rtree(conn: sqlite3.Connection, table: str, minx, maxx, miny, maxy) -> None:
    """The spatial index of a table written with fids 1..n in the order of the boxes given.

    Inserting a million rows one by one into an SQLite R-tree costs ~12 s; the tree is built
    here in one pass instead (sort-tile-recursive packing), written straight into the R-tree's
    shadow tables in SQLite's own node format. `PRAGMA rtreecheck` validates it in the tests.
    """
    rtree = f"rtree_{table}_geom"
    conn.execute(f'CREATE VIRTUAL TABLE {_q(rtree)} USING rtree(id, minx, maxx, miny, maxy)')
    if len(minx):
        nodes, rowids, parents = _pack_rtree(np.arange(1, len(minx) + 1, dtype=np.int64), minx, maxx, miny, maxy)
        conn.execute(f'DELETE FROM {_q(rtree + "_node")}')
        conn.executemany(f'INSERT INTO {_q(rtree + "_node")} (nodeno, data) VALUES (?, ?)', nodes)
        conn.executemany(f'INSERT INTO {_q(rtree + "_rowid")} (rowid, nodeno) VALUES (?, ?)', rowids)
        conn.executemany(f'INSERT INTO {_q(rtree + "_parent")} (nodeno, parentnode) VALUES (?, ?)', parents)
    create_spatial_index_triggers(conn, table)


def read_points(path, table: str, columns: list, with_geometry: bool = True):
    """x, y and attribute columns (a DataFrame) of a GeoPackage point table, read in bulk.

    Without geometry, x and y are None (tables computed from attributes only read less). Read by
    GDAL's Arrow stream (column arrays, no Python row), else through SQLite: same frame either way
    (texts as str or None, integers as int64 — float64 with NaN where some are NULL —, reals float64).
    """
    arrays = _read_arrow(path, table, columns)
    if arrays is None:
        return _read_points_sql(path, table, columns, with_geometry)
    frame, blobs = arrays
    if not with_geometry:
        return None, None, frame
    return (*_point_coordinates(blobs, wkb=True), frame)


def _read_arrow(path, table: str, columns: list):
    """(frame, WKB array) read by GDAL ≥ 3.6's Arrow stream; None when this path does not apply.

    The geometry is always read: rows without one are left out, as the SQLite path does.
    """
    import pandas as pd

    try:
        dataset = ogr.Open(str(path), 0)
        layer = dataset.GetLayerByName(table) if dataset is not None else None
        if layer is None or not hasattr(layer, "GetArrowStreamAsNumPy"):
            return None
        definition = layer.GetLayerDefn()
        names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
        if any(c not in names for c in columns) or len(set(columns)) != len(columns):
            return None
        ignored = [n for n in names if n not in columns]
        layer.SetIgnoredFields(ignored)
        geometry_name = layer.GetGeometryColumn() or "wkb_geometry"
        batches = list(layer.GetArrowStreamAsNumPy(options=["MAX_FEATURES_IN_BATCH=1000000"]))
    except (RuntimeError, TypeError, ValueError):
        return None
    frame_columns = {}
    for name in columns:
        parts = [_plain_column(batch[name]) for batch in batches] if batches else []
        if any(p is None for p in parts):
            return None
        frame_columns[name] = _concatenate(parts)
    geometry = (np.concatenate([np.ma.getdata(b[geometry_name]) for b in batches]) if batches
                else np.array([], dtype=object))
    keep = ~np.concatenate([np.ma.getmaskarray(b[geometry_name]) for b in batches]) if batches else \
        np.zeros(0, dtype=bool)
    frame = pd.DataFrame({name: values[keep] for name, values in frame_columns.items()}, columns=list(columns),
                         index=pd.RangeIndex(int(keep.sum())))  # one row per point, even without columns
    return frame, geometry[keep]


def _plain_column(values):
    """An Arrow column as the SQLite path gives it; None for a type read otherwise (booleans, dates…)."""
    mask = np.ma.getmaskarray(values)
    data = np.ma.getdata(values)
    if data.dtype.kind == "S":
        if data.dtype.itemsize <= 8:  # codes and classes: a few distinct values, found on their bytes
            text = _decoded_codes(data)
        else:
            try:  # ASCII: numpy converts in C
                text = data.astype("U").astype(object)
            except UnicodeDecodeError:  # accents: decode each distinct value once
                text = _decoded(data)
        text[mask] = None
        return text
    if data.dtype.kind == "O":
        if not all(isinstance(v, (str, bytes)) for v in data[~mask][:100]):
            return None
        text = _decoded(data)
        text[mask] = None
        return text
    if data.dtype.kind == "b":  # GDAL 3.6 unpacks Arrow's booleans wrongly: SQLite reads them
        return None
    if data.dtype.kind in "iu":
        if mask.any():
            return np.where(mask, np.nan, data.astype(np.float64))
        return data.astype(np.int64)
    if data.dtype.kind == "f":
        return np.where(mask, np.nan, data.astype(np.float64))
    return None


def _decoded(values: np.ndarray) -> np.ndarray:
    """Texts (bytes or str) as str, each distinct value decoded once."""
    import pandas as pd

    at, uniques = pd.factorize(values, use_na_sentinel=False)
    text = [u.decode("utf-8", "replace") if isinstance(u, bytes) else u for u in uniques]
    return np.array(text, dtype=object)[at]


def _decoded_codes(values: np.ndarray) -> np.ndarray:
    """Fixed-width texts of at most 8 bytes as str: the distinct values found on the bytes read as
    one integer (no Python object per row), each decoded once."""
    import pandas as pd

    at, uniques = pd.factorize(values.astype("S8").view(np.uint64))
    text = [u.decode("utf-8", "replace") for u in uniques.view("S8")]
    return np.array(text, dtype=object)[at]


def _concatenate(parts: list) -> np.ndarray:
    if not parts:
        return np.array([], dtype=object)
    kinds = {p.dtype.kind for p in parts}
    if kinds == {"i"} or "O" in kinds:
        return np.concatenate(parts)
    return np.concatenate([p.astype(np.float64) for p in parts])  # some batch had NULLs: floats for all


def _point_coordinates(geometries, wkb: bool):
    """x, y of point geometries (GeoPackage blobs, or WKB when `wkb`); NaN where there is none."""
    blobs = _as_series(geometries)
    x, y = np.full(len(blobs), np.nan), np.full(len(blobs), np.nan)
    size = 21 if wkb else 29  # WKB point; blob = header 8 bytes (no envelope) + WKB
    joined = b"".join(blobs.tolist())
    if len(joined) == size * len(blobs):  # the usual case, every row a 2D point: no length per row
        plain = np.ones(len(blobs), dtype=bool)
    else:
        joined = None
        plain = np.fromiter((len(b) for b in blobs), dtype=np.int64, count=len(blobs)) == size
    if plain.any():
        fields = [("order", "u1"), ("type", "<u4"), ("x", "<f8"), ("y", "<f8")]
        raw = np.frombuffer(joined if joined is not None else b"".join(blobs[plain].tolist()),
                            dtype=fields if wkb else [("head", "S8"), *fields])
        little_point = (raw["order"] == 1) & (raw["type"] == 1)
        rows_plain = np.flatnonzero(plain)
        x[rows_plain[little_point]], y[rows_plain[little_point]] = raw["x"][little_point], raw["y"][little_point]
        plain[rows_plain[~little_point]] = False
    for index in np.flatnonzero(~plain):  # envelopes, big-endian WKB, Z/M, multipoints: GDAL reads them
        geometry = ogr.CreateGeometryFromWkb(blobs.iat[index] if wkb else blob_to_wkb(blobs.iat[index]))
        if geometry is None or geometry.IsEmpty():
            continue
        # a multipoint: its first point, as the feature reader does (the part lives while `geometry` does)
        point = geometry.GetGeometryRef(0) if geometry.GetGeometryCount() > 0 else geometry
        x[index], y[index] = point.GetX(), point.GetY()
    return x, y


def _as_series(values):
    import pandas as pd

    return values if isinstance(values, pd.Series) else pd.Series(values, dtype=object)


def _read_points_sql(path, table: str, columns: list, with_geometry: bool):
    """read_points through SQLite (GeoPackage blobs decoded here)."""
    import pandas as pd

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        present = {row[1] for row in conn.execute(f"PRAGMA table_info({_q(table)})")}
        missing = [c for c in columns if c not in present]
        if missing:  # SQLite would read a double-quoted unknown name as a text constant
            raise ScoranError(tr("La table {0} de {1} n'a pas de champ {2}.").format(
                table, Path(path).name, ", ".join(missing)))
        row = conn.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (table,)).fetchone()
        geometry = row[0] if row else "geom"  # GDAL writes `geom`, GeoPandas `geometry`
        selected = ", ".join(_q(c) for c in ([geometry] if with_geometry else []) + list(columns))
        cursor = conn.execute(f"SELECT {selected} FROM {_q(table)} WHERE {_q(geometry)} IS NOT NULL")
        rows = cursor.fetchall()
    finally:
        conn.close()
    names = (["geom"] if with_geometry else []) + list(columns)
    frame = pd.DataFrame.from_records(rows, columns=names)
    if not with_geometry:
        return None, None, frame
    return (*_point_coordinates(frame.pop("geom"), wkb=False), frame)


def single_feature_table(path) -> str | None:
    """The feature table of a one-layer GeoPackage (None when there are several or none)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").fetchall()
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    return rows[0][0] if len(rows) == 1 else None


_RTREE_MAX_CELLS = 51  # SQLite's RTREE_MAXCELLS; node blob = 4 + 24 bytes per cell
_RTREE_NODE_BYTES = 4 + 24 * _RTREE_MAX_CELLS
_RTREE_FILL = 48  # leave room, as incremental inserts would
_CELL = np.dtype([("id", ">i8"), ("minx", ">f4"), ("maxx", ">f4"), ("miny", ">f4"), ("maxy", ">f4")])


def _down(values: np.ndarray) -> np.ndarray:
    """float32 not above the float64 value (SQLite rounds box minima down)."""
    result = values.astype(np.float32)
    too_high = result.astype(np.float64) > values
    result[too_high] = np.nextafter(result[too_high], np.float32(-np.inf))
    return result


def _up(values: np.ndarray) -> np.ndarray:
    result = values.astype(np.float32)
    too_low = result.astype(np.float64) < values
    result[too_low] = np.nextafter(result[too_low], np.float32(np.inf))
    return result


def _str_order(cx: np.ndarray, cy: np.ndarray, per_node: int) -> np.ndarray:
    """Sort-tile-recursive order: vertical slices by x, each sorted by y."""
    count = len(cx)
    slices = int(np.ceil(np.sqrt(np.ceil(count / per_node))))
    by_x = np.argsort(cx, kind="stable")
    slice_size = int(np.ceil(count / slices / per_node)) * per_node
    slice_of = np.empty(count, dtype=np.int64)
    slice_of[by_x] = np.arange(count) // slice_size
    return np.lexsort((cy, slice_of))


def _pack_rtree(ids: np.ndarray, box_minx, box_maxx, box_miny, box_maxy):
    """Nodes (nodeno, blob), rowid → leaf and node → parent rows of a packed R-tree of boxes (points: x, x, y, y)."""
    minx, maxx, miny, maxy = _down(box_minx), _up(box_maxx), _down(box_miny), _up(box_maxy)
    order = _str_order((box_minx + box_maxx) / 2, (box_miny + box_maxy) / 2, _RTREE_FILL)
    entries = (ids[order], minx[order], maxx[order], miny[order], maxy[order])
    levels = []
    while True:
        count = len(entries[0])
        groups = int(np.ceil(count / _RTREE_FILL))
        levels.append((entries, groups))
        if groups == 1:
            break
        starts = np.arange(groups) * _RTREE_FILL
        boxes = (np.minimum.reduceat(entries[1], starts), np.maximum.reduceat(entries[2], starts),
                 np.minimum.reduceat(entries[3], starts), np.maximum.reduceat(entries[4], starts))
        centre_x = (boxes[0].astype(np.float64) + boxes[1]) / 2
        centre_y = (boxes[2].astype(np.float64) + boxes[3]) / 2
        order = _str_order(centre_x, centre_y, _RTREE_FILL)
        # children keep their grouping; the parents' order is re-tiled for the next level
        entries = (np.arange(groups, dtype=np.int64)[order], *(b[order] for b in boxes))
    # Number the nodes: root is 1, then each level from the top down.
    depth = len(levels) - 1
    numbers, next_number = [], 2
    for index, (_, groups) in enumerate(levels):
        if index == depth:
            numbers.append(np.array([1], dtype=np.int64))
        else:
            numbers.append(np.arange(next_number, next_number + groups, dtype=np.int64))
            next_number += groups
    nodes, rowids, parents = [], [], []
    for index, (entries_, groups) in enumerate(levels):
        child_ids = entries_[0]
        if index > 0:  # entries point at the nodes of the level below, by their group position
            child_ids = numbers[index - 1][child_ids]
        cells = np.zeros(len(child_ids), dtype=_CELL)
        cells["id"], cells["minx"], cells["maxx"], cells["miny"], cells["maxy"] = (child_ids, *entries_[1:])
        for group in range(groups):
            chunk = cells[group * _RTREE_FILL:(group + 1) * _RTREE_FILL]
            node = numbers[index][group]
            header = (depth if node == 1 else 0).to_bytes(2, "big") + len(chunk).to_bytes(2, "big")
            blob = header + chunk.tobytes()
            nodes.append((int(node), blob + bytes(_RTREE_NODE_BYTES - len(blob))))
            if index == 0:
                rowids.extend(zip(chunk["id"].astype(np.int64).tolist(), [int(node)] * len(chunk)))
            else:
                parents.extend((int(child), int(node)) for child in chunk["id"].tolist())
    return nodes, rowids, parents
