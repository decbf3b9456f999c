"""Which département a project, a phase or an AMII calendar belongs to — read from the store and the analyses.

Used by the deliverables of a département run, which must hold that département only. A RIP project
is tied to départements through its `departements` field, the communes of its phases and its
perimeter — never through the spelling of its `rip_id` (a RIP named `THD-NIEVRE` is found).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .codes import departement_of, normalize_insee
from .register import split_list

# a perimeter crossing a border by less than this share of its area is a drawing slack, not a share
GEOMETRY_SLACK = 0.01


def _departement_codes(value) -> set[str]:
    return {code.strip().upper() for code in split_list(value)}


def rip_departements(store) -> dict[str, set[str]]:
    """RIP id → its départements: the `departements` field, the communes of its phases, its perimeter."""
    with store.connection() as conn:
        result = {rip: _departement_codes(deps) for rip, deps in conn.execute(
            "SELECT rip_id, departements FROM rip_projets")}
        for rip, insee in conn.execute("SELECT p.rip_id, c.insee_com FROM rip_phases p "
                                       "JOIN rip_phases_communes c USING (phase_id)"):
            code = normalize_insee(insee)
            if code:
                result.setdefault(rip, set()).add(departement_of(code))
    for rip, deps in _perimeter_departements(store).items():
        result.setdefault(rip, set()).update(deps)
    return result


def _perimeter_departements(store) -> dict[str, set[str]]:
    """RIP id → départements its perimeter covers (more than GEOMETRY_SLACK of its area); {} without GDAL."""
    try:
        from osgeo import ogr
    except ImportError:  # pragma: no cover — GDAL comes with QGIS
        return {}
    source = ogr.Open(store.ogr_source())
    if source is None:
        return {}
    projects, departments = source.GetLayerByName("rip_projets"), source.GetLayerByName("departements")
    if projects is None or departments is None:
        return {}
    shapes = [(f.GetField("insee_dep"), f.GetGeometryRef().Clone()) for f in departments
              if f.GetGeometryRef() is not None]
    result = {}
    for feature in projects:
        geometry = feature.GetGeometryRef()
        if geometry is None or geometry.IsEmpty():
            continue
        area = geometry.GetArea() if geometry.GetDimension() == 2 else 0.0
        for code, shape in shapes:
            if area and geometry.Intersects(shape):
                inter = geometry.Intersection(shape)
                if inter is not None and inter.GetDimension() == 2 and inter.GetArea() > GEOMETRY_SLACK * area:
                    result.setdefault(feature.GetField("rip_id"), set()).add(str(code))
    return result


def phase_departements(store) -> dict[str, set[str]]:
    """Phase id → départements of the communes it lists (rip_phases_communes); phases without a list are absent."""
    result = {}
    with store.connection() as conn:
        for phase, insee in conn.execute("SELECT phase_id, insee_com FROM rip_phases_communes"):
            code = normalize_insee(insee)
            if code:
                result.setdefault(phase, set()).add(departement_of(code))
    return result


def phase_premises(coverage_path) -> dict[str, dict[str, int]]:
    """Phase id → {département: premises} from the THD coverage analysis (couverture_thd.gpkg); {} when absent."""
    path = Path(coverage_path)
    if not path.is_file():
        return {}
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            table = conn.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").fetchone()
            if table is None:
                return {}
            rows = conn.execute(f'SELECT phase_id, code_dep, sum(nb_locaux) FROM "{table[0]}" '
                                "WHERE phase_id IS NOT NULL GROUP BY phase_id, code_dep").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return {}
    result = {}
    for phase, dep, count in rows:
        if phase and dep:
            result.setdefault(str(phase), {})[str(dep)] = int(count or 0)
    return result


def amii_calendars(store, departments) -> list[tuple[str, int, int, int]]:
    """Per group of AMII operators, over the communes of `departments`: (operators, first year, last year, communes)."""
    codes = sorted(set(departments))
    if not codes:
        return []
    marks = ", ".join("?" for _ in codes)
    with store.connection() as conn:
        return conn.execute(
            "SELECT a.operateurs, min(c.annee), max(c.annee), count(DISTINCT a.insee_com) "
            "FROM amii_communes a JOIN amii_calendrier c USING (insee_com) JOIN communes m USING (insee_com) "
            f"WHERE m.insee_dep IN ({marks}) GROUP BY a.operateurs ORDER BY a.operateurs", codes).fetchall()


def department_names(store) -> dict[str, str]:
    """INSEE code → name of the store's départements."""
    return dict(store.departments())
