"""Deterministic generator of synthetic SCORAN source data, in the real public formats.

The territory is real (Bourgogne-Franche-Comté, `../data/territory_bfc.gpkg`); everything about
broadband, mobile coverage, plans and projects is synthetic. Same seed and size → same bytes.
Runs with the system Python that QGIS uses (numpy, pandas, GDAL/OGR; no QGIS needed).
"""
