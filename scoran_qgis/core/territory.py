"""Load the territory (communes, departments, EPCI, regions) into the store.

Accepts ADMIN EXPRESS v2/v3 field names, the sample's names and common variants; INSEE codes
are normalised to 5-char text, and every rejected row is counted, never silently dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

import numpy as np
from osgeo import ogr

from .codes import departement_of, normalize_insee
from .errors import ScoranError
from .i18n import tr

FIELD_ALIASES = {
    "insee_com": ("insee_com", "code_insee", "codgeo", "com", "depcom", "code_commune"),
    "nom": ("nom", "nom_com", "nom_commune", "libelle", "libgeo", "name"),
    "insee_dep": ("insee_dep", "code_dep", "dep", "code_departement"),
    "insee_reg": ("insee_reg", "code_reg", "reg", "code_region"),
    "nom_reg": ("nom_reg", "nom_region", "libelle_region"),
    "siren_epci": ("siren_epci", "code_epci", "epci", "siren"),
    "population": ("population", "pop", "ptot", "pmun"),
    "logements": ("logements", "log", "nb_logements"),
    "type": ("type", "nature", "nature_epci"),
    "montagne": ("montagne", "zone_montagne", "loi_montagne"),
}


def pick_field(available: Iterable[str], role: str) -> str | None:
    """The first field of `available` (case-insensitive) that plays `role`."""
    by_lower = {name.lower(): name for name in available}
    for alias in FIELD_ALIASES[role]:
        if alias in by_lower:
            return by_lower[alias]
    return None


def value_of(record: Mapping, role: str):
    """The value of `record` for `role`, whatever the source calls the field (None when absent)."""
    name = pick_field(record.keys(), role)
    return None if name is None else record.get(name)


@dataclass
class LoadReport:
    """What was loaded and what was refused, for the log."""

    counts: dict = field(default_factory=dict)
    rejected: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)

    def summary(self) -> str:
        parts = [tr("{0} : {1}").format(table, n) for table, n in self.counts.items()]
        text = tr("Territoire chargé — ") + ", ".join(parts)
        for table, n in self.rejected.items():
            if n:
                text += tr(" ; {0} ligne(s) de {1} écartée(s)").format(n, table)
        return text


def _int_or_none(value):
    try:
        return None if value in (None, "") else int(float(value))
    except (TypeError, ValueError):
        return None


def _union(wkbs: list[bytes]) -> bytes:
    """Dissolve polygons (departments from communes, regions from departments)."""
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    for wkb in wkbs:
        part = ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkb(wkb))
        for i in range(part.GetGeometryCount()):
            multi.AddGeometry(part.GetGeometryRef(i))
    return ogr.ForceToMultiPolygon(multi.UnionCascaded()).ExportToIsoWkb()


def _multi(wkb: bytes) -> bytes:
    return ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkb(wkb)).ExportToIsoWkb()


def load_territory(store, communes, departements=(), epci=(), region_names=None) -> LoadReport:
    """Check the records, then replace the store's territory (see `prepare_territory`)."""
    prepared = prepare_territory(communes, departements, epci, region_names)
    write_territory(store, prepared)
    return prepared.report


@dataclass
class PreparedTerritory:
    """Rows ready for the store's territory tables, and what was refused."""

    tables: dict
    report: LoadReport


def prepare_territory(
    communes: Iterable[Mapping],
    departements: Iterable[Mapping] = (),
    epci: Iterable[Mapping] = (),
    region_names: Mapping[str, str] | None = None,
) -> PreparedTerritory:
    """Normalise and check territory records, writing nothing (raises ScoranError when unusable).

    Records are dicts with a `geom` WKB (store CRS) and attributes under any alias of
    FIELD_ALIASES. Departments and regions missing from the input are built by dissolving communes.
    """
    report = LoadReport()
    region_names = dict(region_names or {})
    commune_rows, seen = [], set()
    rejected = 0
    for record in communes:
        code = normalize_insee(value_of(record, "insee_com"))
        if code is None or record.get("geom") is None or code in seen:
            rejected += 1
            continue
        seen.add(code)
        dep = str(value_of(record, "insee_dep") or departement_of(code))
        if value_of(record, "insee_reg") is not None and value_of(record, "nom_reg"):
            region_names.setdefault(str(value_of(record, "insee_reg")), str(value_of(record, "nom_reg")))
        commune_rows.append(
            {
                "insee_com": code,
                "nom": str(value_of(record, "nom") or code),
                "insee_dep": dep,
                "insee_reg": None if value_of(record, "insee_reg") is None else str(value_of(record, "insee_reg")),
                "siren_epci": None if value_of(record, "siren_epci") is None else str(value_of(record, "siren_epci")),
                "population": _int_or_none(value_of(record, "population")),
                "logements": _int_or_none(value_of(record, "logements")),
                "montagne": 1 if str(value_of(record, "montagne") or "0").lower() in ("1", "true", "oui", "o") else 0,
                "geom": _multi(record["geom"]),
            }
        )
    if not commune_rows:
        raise ScoranError(
            tr("Aucune commune valide (code INSEE sur 5 caractères et géométrie) dans la couche fournie.")
        )
    report.rejected["communes"] = rejected

    dep_rows = []
    for record in departements:
        code = value_of(record, "insee_dep")
        if code is None or record.get("geom") is None:
            report.rejected["departements"] = report.rejected.get("departements", 0) + 1
            continue
        dep_rows.append(
            {
                "insee_dep": str(code),
                "nom": str(value_of(record, "nom") or code),
                "insee_reg": value_of(record, "insee_reg"),
                "population": _int_or_none(value_of(record, "population")),
                "geom": _multi(record["geom"]),
            }
        )
    if not dep_rows:  # dissolve the communes
        by_dep: dict[str, list] = {}
        for row in commune_rows:
            by_dep.setdefault(row["insee_dep"], []).append(row)
        for code, rows in sorted(by_dep.items()):
            dep_rows.append(
                {
                    "insee_dep": code,
                    "nom": code,
                    "insee_reg": rows[0]["insee_reg"],
                    "population": sum(r["population"] or 0 for r in rows),
                    "geom": _union([r["geom"] for r in rows]),
                }
            )
        report.warnings.append(tr("Départements reconstitués par fusion des communes."))

    epci_rows = []
    for record in epci:
        code = value_of(record, "siren_epci")
        if code is None or len(str(code)) != 9 or record.get("geom") is None:
            report.rejected["epci"] = report.rejected.get("epci", 0) + 1
            continue
        epci_rows.append(
            {
                "siren_epci": str(code),
                "nom": str(value_of(record, "nom") or code),
                "type": value_of(record, "type"),
                "population": _int_or_none(value_of(record, "population")),
                "geom": _multi(record["geom"]),
            }
        )

    region_rows = []
    by_reg: dict[str, list] = {}
    for row in dep_rows:
        if row["insee_reg"]:
            by_reg.setdefault(str(row["insee_reg"]), []).append(row)
    for code, rows in sorted(by_reg.items()):
        region_rows.append(
            {
                "insee_reg": code,
                "nom": region_names.get(code, code),
                "population": sum(r["population"] or 0 for r in rows),
                "geom": _union([r["geom"] for r in rows]),
            }
        )

    tables = {"communes": commune_rows, "departements": dep_rows, "epci": epci_rows, "regions": region_rows}
    return PreparedTerritory(tables, report)


def write_territory(store, prepared: PreparedTerritory, conn=None) -> None:
    """Replace the store's territory tables in one transaction (the caller's, when given)."""
    if conn is None:
        with store.transaction() as own:
            write_territory(store, prepared, own)
        return
    for table, rows in prepared.tables.items():
        conn.execute(f'DELETE FROM "{table}"')
        prepared.report.counts[table] = store.insert(conn, table, rows)


# --- town halls where they are -------------------------------------------------------------------
TOWN_HALLS_SHOWN = 5  # INSEE codes named in the warning


@dataclass
class TownHallCheck:
    """Town halls (centres-bourgs) that lie outside the commune of their own INSEE code."""

    codes: list = field(default_factory=list)  # INSEE codes outside their commune, in input order
    distances: list = field(default_factory=list)  # metres (store/metric CRS) to their commune
    checked: int = 0  # points whose code has a commune polygon
    unchecked: int = 0  # points without a valid code, or whose commune is not in the layer

    @property
    def count(self) -> int:
        return len(self.codes)

    def warning(self, what: str | None = None) -> str | None:
        """The French warning (None when every checked town hall is in its commune)."""
        if not self.codes:
            return None
        shown = ", ".join(self.codes[:TOWN_HALLS_SHOWN]) + (" …" if len(self.codes) > TOWN_HALLS_SHOWN else "")
        return tr("{0} : {1} mairie(s) hors de leur commune (code INSEE du point ≠ commune où il se trouve ; "
                  "jusqu'à {2} km) : {3}. Corrigez leur position : la couverture et les distances sont jugées "
                  "autour de ce point.").format(what or tr("Centres-bourgs"), len(self.codes),
                                               _km(max(self.distances)), shown)


def _km(metres: float) -> str:
    return f"{metres / 1000:.1f}".replace(".", ",")


def check_town_halls(codes, x, y, communes: Mapping[str, bytes]) -> TownHallCheck:
    """Which town-hall points lie outside the commune of their INSEE code.

    `codes` (any spelling: 1001, 01001.0…), `x`, `y` are the points; `communes` maps INSEE code →
    polygon WKB in the points' CRS. Vectorised: the points are located among their communes'
    polygons at once (grid-accelerated); only the points found elsewhere get the exact GEOS test
    (a point on its commune's border is inside) and their distance to the commune.
    """
    from .geometry import locate_points

    normalised = [normalize_insee(code) for code in codes]
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    wanted = sorted({code for code in normalised if code in communes and communes[code] is not None})
    position = {code: i for i, code in enumerate(wanted)}
    own = np.array([position.get(code, -1) for code in normalised], dtype=np.int64)
    result = TownHallCheck(checked=int((own >= 0).sum()), unchecked=int((own < 0).sum()))
    if not wanted:
        return result
    located = locate_points(x, y, [communes[code] for code in wanted])
    for index in np.flatnonzero((own >= 0) & (located != own)):
        polygon = ogr.CreateGeometryFromWkb(communes[wanted[own[index]]])
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(float(x[index]), float(y[index]))
        if polygon.Intersects(point):  # on the border shared with a neighbour listed first
            continue
        result.codes.append(normalised[index])
        result.distances.append(round(polygon.Distance(point), 1))
    return result


def store_town_halls(store) -> tuple[list, np.ndarray, np.ndarray]:
    """The store's centres-bourgs: (INSEE codes, x, y) in the store's CRS (points without geometry left out)."""
    from . import gpkg

    codes, xs, ys = [], [], []
    with store.connection() as conn:
        for code, blob in conn.execute(f"SELECT insee_com, {store.wkb_sql('geom')} FROM centres_bourgs ORDER BY fid"):
            wkb = gpkg.blob_to_wkb(blob)
            if not wkb:
                continue
            geometry = ogr.CreateGeometryFromWkb(wkb)
            if geometry is None or geometry.IsEmpty():
                continue
            point = geometry.Centroid()
            codes.append(code)
            xs.append(point.GetX())
            ys.append(point.GetY())
    return codes, np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
