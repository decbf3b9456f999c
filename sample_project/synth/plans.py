"""Plans: AMII communes and conventions, RIP projects and phases, centres-bourgs, mountain communes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from osgeo import ogr, osr

from .mobile import gap_weight
from .territory import Territory
from .writers import fix_gdal_dates

# The main urban EPCI, where operators declared FTTH intentions (AMII):
# siren → (operators, convention signed on (or None), planned completion year)
AMII_EPCI = {
    "242100410": ("Orange", "2014-03-27", 2020),                # Dijon Métropole
    "242500361": ("Orange", "2013-11-15", 2020),                # Grand Besançon Métropole
    "200065647": ("Orange", "2015-02-10", 2021),                # Pays de Montbéliard Agglomération
    "247100589": ("Orange", "2014-10-06", 2020),                # Le Grand Chalon
    "200069052": ("SFR", None, 2022),                           # Grand Belfort
    "200070308": ("Orange", None, 2021),                        # Mâconnais Beaujolais Agglomération
    "200067114": ("Orange", "2015-05-19", 2020),                # Auxerrois
    "245804406": ("Orange, SFR", None, 2022),                   # Nevers
}
RIP_OWNERS = {  # department → (name, owner, owner type)
    "21": ("Côte-d'Or Très Haut Débit", "Département de la Côte-d'Or", "departement"),
    "25": ("Doubs Très Haut Débit", "Syndicat mixte Doubs Très Haut Débit", "syndicat"),
    "39": ("Jura Sud Numérique", "Communauté de communes Haut-Jura Saint-Claude et voisines", "epci"),
    "58": ("Nièvre Numérique", "Syndicat mixte Nièvre Numérique", "syndicat"),
    "70": ("Haute-Saône Numérique", "Syndicat mixte Haute-Saône Numérique", "syndicat"),
    "71": ("Saône-et-Loire Très Haut Débit", "Département de Saône-et-Loire", "departement"),
    "89": ("Yonne Numérique", "Syndicat mixte Yonne Numérique", "syndicat"),
    "90": ("Territoire de Belfort Numérique", "Département du Territoire de Belfort", "departement"),
}
SMALL_RIP_DEPARTMENT = "39"  # this RIP covers only a few EPCI: smaller than its department
ABANDONED_PHASE_DEPARTMENT = "21"  # a first plan of this RIP's phase 1, abandoned and re-planned by phase 1
CENTRES_BOURGS_LISTS = (
    ("Arrêté du 5 novembre 2015", "2015-11-05"),
    ("Arrêté du 8 février 2016", "2016-02-08"),
    ("Arrêté du 5 mai 2017", "2017-05-05"),
)


def amii(territory: Territory, premises_by_commune: pd.Series, rng: np.random.Generator):
    """AMII communes (one row each) and the operators' yearly calendar."""
    communes = territory.communes[territory.communes["siren_epci"].isin(AMII_EPCI)]
    rows, calendar = [], []
    for commune in communes.itertuples():
        operators, signed, end_year = AMII_EPCI[commune.siren_epci]
        total = int(premises_by_commune.get(commune.insee_com, 0))
        start_year = 2013 + int(rng.integers(0, 3))
        years = list(range(start_year, end_year + 1))
        shares = rng.dirichlet(np.ones(len(years)))
        planned = np.floor(shares * total).astype(int)
        planned[-1] += total - planned.sum()
        done_by_2015 = int(planned[: max(0, 2015 - start_year)].sum())
        rows.append({
            "insee_com": commune.insee_com, "nom_commune": commune.nom, "operateurs": operators,
            "convention_signee": "oui" if signed else "non", "date_convention": _fr_date(signed),
            "annee_fin_prevue": end_year, "locaux_total": total, "locaux_raccordables": done_by_2015,
        })
        calendar += [{"insee_com": commune.insee_com, "annee": year, "locaux_prevus": int(n)}
                     for year, n in zip(years, planned)]
    return pd.DataFrame(rows), pd.DataFrame(calendar)


def _fr_date(iso: str | None) -> str:
    return "" if not iso else f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}"


def rip(territory: Territory, premises_by_commune: pd.Series, amii_codes: set, rng: np.random.Generator,
        out_path: Path) -> pd.DataFrame:
    """One RIP per department outside the AMII communes (one smaller than its department), 3–6
    phases each by groups of EPCI; written as a GeoPackage with layers rip_projets and rip_phases.
    Returns the phase → commune list."""
    fix_gdal_dates()
    communes = territory.communes
    geometries = _commune_geometries(territory)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.unlink(missing_ok=True)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(out_path))
    projects = dataset.CreateLayer("rip_projets", srs, ogr.wkbMultiPolygon)
    for name in ("rip_id", "nom", "maitre_ouvrage", "type_maitre_ouvrage", "departements", "statut"):
        projects.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    phases = dataset.CreateLayer("rip_phases", srs, ogr.wkbMultiPolygon)
    for name, kind in (("phase_id", ogr.OFTString), ("rip_id", ogr.OFTString), ("nom", ogr.OFTString),
                       ("technologie", ogr.OFTString), ("semestre_debut", ogr.OFTString),
                       ("semestre_fin", ogr.OFTString), ("locaux_prevus", ogr.OFTInteger),
                       ("statut", ogr.OFTString), ("communes", ogr.OFTString)):
        phases.CreateField(ogr.FieldDefn(name, kind))
    links = []
    for dep, (name, owner, owner_type) in RIP_OWNERS.items():
        members = communes[(communes["insee_dep"] == dep) & ~communes["insee_com"].isin(amii_codes)]
        epcis = sorted(members["siren_epci"].unique())
        if dep == SMALL_RIP_DEPARTMENT:
            keep = members.groupby("siren_epci")["area_km2"].sum().sort_values().index[:3]
            members = members[members["siren_epci"].isin(keep)]
            epcis = sorted(keep)
        rip_id = f"RIP{dep}"
        _add(projects, _union(geometries, members["insee_com"]), rip_id=rip_id, nom=name, maitre_ouvrage=owner,
             type_maitre_ouvrage=owner_type, departements=dep, statut="en_cours")
        n_phases = min(len(epcis), int(rng.integers(3, 7)))
        groups = np.array_split(np.array(epcis), n_phases)
        start = 2015 * 2  # semester index of 2015-S1
        for number, group in enumerate(groups, start=1):
            phase_communes = members.loc[members["siren_epci"].isin(group), "insee_com"]
            if number == 1 and dep in ("58", "70"):
                technology = "MED"  # a first phase of copper sub-loop upgrade ("montée en débit")
            elif number == n_phases and dep in ("39", "89"):
                technology = "THDR"
            else:
                technology = "FTTH"
            begin = start + int(rng.integers(0, 3)) + 3 * (number - 1)
            end = begin + int(rng.integers(2, 6))
            phase_id = f"{rip_id}-P{number}"
            planned = int(premises_by_commune.reindex(phase_communes).fillna(0).sum() * rng.uniform(0.85, 0.98))
            _add(phases, _union(geometries, phase_communes), phase_id=phase_id, rip_id=rip_id,
                 nom=f"{name} — phase {number}", technologie=technology, semestre_debut=_semester(begin),
                 semestre_fin=_semester(end), locaux_prevus=planned,
                 statut="en_cours" if begin <= start + 1 else "prevu", communes=",".join(phase_communes))
            links += [{"phase_id": phase_id, "insee_com": code} for code in phase_communes]
            if number == 1 and dep == ABANDONED_PHASE_DEPARTMENT:  # no random draw: the rest is unchanged
                abandoned_id = f"{rip_id}-P0"
                _add(phases, _union(geometries, phase_communes), phase_id=abandoned_id, rip_id=rip_id,
                     nom=f"{name} — phase 1, premier plan abandonné", technologie=technology,
                     semestre_debut=_semester(start), semestre_fin=_semester(start + 1), locaux_prevus=planned,
                     statut="abandonne", communes=",".join(phase_communes))
                links += [{"phase_id": abandoned_id, "insee_com": code} for code in phase_communes]
    dataset = None
    return pd.DataFrame(links)


def _semester(index: int) -> str:
    return f"{index // 2}-S{index % 2 + 1}"


def _commune_geometries(territory: Territory) -> dict:
    dataset = ogr.Open(territory.path)
    geometries = {f["insee_com"]: f.GetGeometryRef().Clone() for f in dataset.GetLayerByName("communes")}
    dataset = None
    return geometries


def _union(geometries: dict, codes) -> ogr.Geometry:
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    for code in codes:
        geometry = geometries[code]
        for i in range(geometry.GetGeometryCount()):
            multi.AddGeometry(geometry.GetGeometryRef(i))
    return ogr.ForceToMultiPolygon(multi.UnionCascaded())


def _add(layer, geometry, **values):
    feature = ogr.Feature(layer.GetLayerDefn())
    for key, value in values.items():
        feature[key] = value
    feature.SetGeometry(geometry)
    layer.CreateFeature(feature)


def centres_bourgs(territory: Territory, rng: np.random.Generator) -> pd.DataFrame:
    """Communes listed by the centres-bourgs orders: small communes whose town hall is in a gap area."""
    communes = territory.communes[territory.communes["has_mairie"] & ~territory.communes["mairie_moved"]]
    weight = gap_weight(territory, communes["mairie_x"].to_numpy(), communes["mairie_y"].to_numpy())
    candidates = communes[(weight < 0.5) & (communes["population"] < 1500)]
    chosen = candidates.iloc[np.sort(rng.choice(len(candidates), min(60, len(candidates)), replace=False))]
    lists = rng.choice(len(CENTRES_BOURGS_LISTS), len(chosen), p=[0.45, 0.2, 0.35])
    return pd.DataFrame({
        "insee_com": chosen["insee_com"].to_numpy(),
        "nom_commune": chosen["nom"].to_numpy(),
        "liste": [CENTRES_BOURGS_LISTS[i][0] for i in lists],
        "date_arrete": [_fr_date(CENTRES_BOURGS_LISTS[i][1]) for i in lists],
    })


def mountain_communes(territory: Territory) -> pd.DataFrame:
    """Mountain-area communes (loi Montagne): Jura and Doubs highlands, Morvan, Vosges saônoises."""
    communes = territory.communes
    x, y = communes["mairie_x"].to_numpy(), communes["mairie_y"].to_numpy()
    jura_arc = (communes["insee_dep"].isin(["25", "39"]).to_numpy()) & (x - 0.9 * (y - 6600000) > 905000)
    by_code = communes.set_index("insee_com")
    morvan = np.hypot(x - by_code.at["58062", "mairie_x"], y - by_code.at["58062", "mairie_y"]) < 30000
    vosges = (communes["insee_dep"].to_numpy() == "70") & (y > 6760000) & (x > 950000)
    chosen = communes[jura_arc | morvan | vosges]
    return pd.DataFrame({"insee_com": chosen["insee_com"].to_numpy(), "nom_commune": chosen["nom"].to_numpy(),
                         "zone": np.where(morvan[jura_arc | morvan | vosges], "Morvan", "Massif du Jura / Vosges")})
