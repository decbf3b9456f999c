"""The SCORAN domain, with no GUI: codes, speed classes, the store, readers and computations.

Every entry point (Processing algorithms, dock widgets, qgis_process, tests) goes through here.
"""
