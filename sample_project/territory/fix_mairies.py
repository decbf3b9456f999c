"""Put the town halls of an already built territory GeoPackage inside their commune (in place).

    /usr/bin/python3 sample_project/territory/fix_mairies.py sample_project/data/territory_bfc.gpkg

The same rule as build_sample_gpkg.py (see mairies.py), for the shipped GeoPackage: idempotent,
deterministic (fixed GeoPackage dates), and the layer's extent is recomputed.
"""

import sys
from pathlib import Path

from osgeo import gdal, ogr

sys.path.insert(0, str(Path(__file__).resolve().parent))
from mairies import GEOCODED, add_fields, place_in_commune  # noqa: E402

ogr.UseExceptions()
gdal.SetConfigOption("OGR_CURRENT_DATE", "2026-11-29T02:21:30.050Z")  # the build's date: same bytes each run


def fix(path: str) -> tuple[int, int]:
    """(town halls moved inside their commune, largest gap of a dropped geocode in metres)."""
    dataset = ogr.Open(path, update=1)
    communes = {f["insee_com"]: f.GetGeometryRef().Clone() for f in dataset.GetLayerByName("communes")}
    layer = dataset.GetLayerByName("mairies")
    add_fields(layer)
    moved, largest = 0, 0
    dataset.StartTransaction()
    for feature in layer:
        if feature["localisation"]:
            continue  # already checked (a placed point keeps the gap of its first geocode)
        point, localisation, gap = place_in_commune(communes.get(feature["insee_com"]),
                                                    feature.GetGeometryRef().Clone())
        if localisation != GEOCODED:
            moved += 1
            largest = max(largest, gap)
            feature.SetGeometry(point)
        feature["localisation"] = localisation
        feature["ecart_geocodage_m"] = gap
        layer.SetFeature(feature)
    dataset.CommitTransaction()
    if moved:
        dataset.ExecuteSQL("RECOMPUTE EXTENT ON mairies")
    dataset = None
    return moved, largest


if __name__ == "__main__":
    count, gap = fix(sys.argv[1])
    print(f"mairies placées dans leur commune : {count} (géocodage abandonné le plus loin : {gap / 1000:.0f} km)")
