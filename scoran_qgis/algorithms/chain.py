"""The SCORAN analysis chain, from the source files to every analysis layer of a semester.

Shared by `make demo` and `scoran:deliverables` (which runs what is missing). Sources follow the
sample's layout: arcep/ (base_imb_*, actuel_*), insee/ (BPE), sirene/, mobile/ (Mon réseau mobile).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..core.errors import ScoranError
from .white_zones import WhiteZonesAlgorithm

# the no-broadband grid (zones blanches du haut débit), once the white-zones algorithm writes it
ZONES_INEL = "zones_blanches_inel_carreaux.gpkg" if hasattr(WhiteZonesAlgorithm, "OUTPUT_ZONES_INEL") else None

# white-zone clearing (« quand ? »): output parameter → file; optional, an older analyses folder has none
CLEARING = {"OUTPUT_PHASES": "resorption_phases.csv", "OUTPUT_COMMUNES": "resorption_communes.gpkg",
            "OUTPUT_CELLS": "resorption_carreaux.gpkg", "OUTPUT_DEPARTMENTS": "resorption_departements.csv",
            "OUTPUT_SITES": "sites_dates_thd.csv"}

OUTPUTS = {  # analysis → files it writes in the analyses folder
    "importmci": ["locaux.gpkg"],
    "whitezones": ["zones_blanches_communes.gpkg", "zones_blanches_carreaux.gpkg", "inventaire_zones_blanches.csv",
                   *([ZONES_INEL] if ZONES_INEL else [])],
    "importbpe": ["sites.gpkg"],
    "prioritysites": ["sites_prioritaires.gpkg", "sites_prioritaires.csv"],
    "thdcoverage": ["couverture_thd.gpkg", "couverture_thd.csv", "controles_projets.csv"],
    "whitezoneclearing": list(CLEARING.values()),
    "thdtrajectory": ["trajectoire_thd.csv", "phasage.csv", "evolutions.csv", "trajectoire_thd.png"],
    "financialneeds": ["besoins_financiers.csv", "reste_a_planifier.csv"],
    "mobilewhitezones": ["centres_bourgs.gpkg", "estimatif_mobile.csv"],
    "mobiledemand": ["demande_4g.gpkg", "demande_4g.csv"],
}


def refuse_password(reference) -> None:
    """A STORE holding a password (`password=…`, `postgresql://user:secret@…`) would be written into every
    sub-step's parameters, hence the Processing log and history: refused, with what to use instead."""
    from ..core.i18n import tr
    from ..core.pg import redacted
    from ..core.store import is_postgres_store, split_schema

    if not isinstance(reference, str) or not is_postgres_store(reference):
        return
    connection, _ = split_schema(reference)
    if re.search(r"(?i)(?:^|\s)(?:password|sslpassword)\s*=", connection) or re.search(
            r"(?i)^postgres(?:ql)?://[^/@\s]*:[^@\s]*@", connection):
        raise ScoranError(tr(
            "Le référentiel {0} contient un mot de passe : il serait écrit dans le journal et l'historique de "
            "Processing. Utilisez un service PostgreSQL (service=…, mot de passe dans pg_service.conf ou .pgpass) "
            "ou une connexion PostgreSQL enregistrée dans QGIS avec une configuration d'authentification."
        ).format(redacted(reference)))


def steps(sources: Path, store, out: Path, millesime: str) -> list[tuple[str, dict]]:
    """(algorithm id, parameters) of the whole chain, in order. `store`: a ScoranStore / PgStore, or a
    GeoPackage path; its tables reach the algorithms as `store.layer_source(table)` (GeoPackage or PostGIS)."""
    from ..core.store import ScoranStore, is_postgres_store

    if not hasattr(store, "layer_source"):  # a path, or a PostgreSQL reference
        if is_postgres_store(store):
            from ..core.pgstore import PgStore

            store = PgStore(store)
        else:
            store = ScoranStore(store)
    arcep, mobile = sources / "arcep", sorted(str(p) for p in (sources / "mobile").glob("*.gpkg"))
    layer, reference = store.layer_source, store.reference
    refuse_password(reference)
    plans = {"RIP_PROJECTS": layer("rip_projets"), "RIP_PHASES": layer("rip_phases"),
             "AMII": layer("amii_communes"), "AMII_CALENDAR": layer("amii_calendrier")}
    sirene = sorted(str(p) for p in (sources / "sirene").glob("*.csv"))
    return [
        ("scoran:importmci", {"BASE_IMB": sorted(str(p) for p in arcep.glob("base_imb_*.csv*")),
                              "ELIGIBILITE": sorted(str(p) for p in arcep.glob("actuel_*.csv*")),
                              "OUTPUT": str(out / "locaux.gpkg")}),
        ("scoran:whitezones", {"INPUT": str(out / "locaux.gpkg"), "AREAS": layer("communes"),
                               "OUTPUT": str(out / "zones_blanches_communes.gpkg"),
                               "OUTPUT_ZONES": str(out / "zones_blanches_carreaux.gpkg"),
                               "OUTPUT_SUMMARY": str(out / "inventaire_zones_blanches.csv"),
                               **({"OUTPUT_ZONES_INEL": str(out / ZONES_INEL)} if ZONES_INEL else {})}),
        ("scoran:importbpe", {"BPE": sorted(str(p) for p in (sources / "insee").glob("*.csv")), "SIRENE": sirene,
                              "OUTPUT": str(out / "sites.gpkg")}),
        ("scoran:prioritysites", {"INPUT": str(out / "locaux.gpkg"), "SITES": str(out / "sites.gpkg"),
                                  "OUTPUT": str(out / "sites_prioritaires.gpkg"),
                                  "OUTPUT_SUMMARY": str(out / "sites_prioritaires.csv")}),
        ("scoran:thdcoverage", {"INPUT": str(out / "locaux.gpkg"), **plans, "COMMUNES": layer("communes"),
                                "MILLESIME": millesime, "STORE": reference, "OUTPUT": str(out / "couverture_thd.gpkg"),
                                "OUTPUT_SUMMARY": str(out / "couverture_thd.csv"),
                                "OUTPUT_CHECKS": str(out / "controles_projets.csv")}),
        ("scoran:whitezoneclearing", {"INPUT": str(out / "couverture_thd.gpkg"), "RIP_PHASES": plans["RIP_PHASES"],
                                      "COMMUNES": layer("communes"),
                                      "SITES": str(out / "sites_prioritaires.gpkg"),
                                      **{name: str(out / file) for name, file in CLEARING.items()}}),
        ("scoran:thdtrajectory", {"INPUT": str(out / "couverture_thd.gpkg"), "RIP_PHASES": plans["RIP_PHASES"],
                                  "MILLESIME": millesime, "STORE": reference,
                                  "COSTS": layer("couts_unitaires"),
                                  "AID": layer("aides_departements"),
                                  "OUTPUT": str(out / "trajectoire_thd.csv"),
                                  "OUTPUT_PHASING": str(out / "phasage.csv"),
                                  "OUTPUT_CHANGES": str(out / "evolutions.csv"),
                                  "OUTPUT_CHART": str(out / "trajectoire_thd.png")}),
        ("scoran:financialneeds", {"INPUT": str(out / "couverture_thd.gpkg"), "RIP_PHASES": plans["RIP_PHASES"],
                                   "AID": layer("aides_departements"),
                                   "COSTS": layer("couts_unitaires"),
                                   "OUTPUT": str(out / "besoins_financiers.csv"),
                                   "OUTPUT_REMAINING": str(out / "reste_a_planifier.csv")}),
        ("scoran:mobilewhitezones", {"INPUT": layer("centres_bourgs"), "COVERAGE": mobile,
                                     "COMMUNES": layer("communes"),
                                     "OUTPUT": str(out / "centres_bourgs.gpkg"),
                                     "OUTPUT_SUMMARY": str(out / "estimatif_mobile.csv")}),
        ("scoran:mobiledemand", {"INPUT": str(out / "sites_prioritaires.gpkg"), "COVERAGE": mobile,
                                 "OUTPUT": str(out / "demande_4g.gpkg"),
                                 "OUTPUT_COMMUNES": str(out / "demande_4g.csv")}),
    ]


# files an older analyses folder may lack without being incomplete (its deliverables show what it has)
OPTIONAL = {ZONES_INEL, "reste_a_planifier.csv", *CLEARING.values()} - {None}


def missing(out: Path) -> list[str]:
    """Analyses whose files (the optional ones aside) are not all in `out`."""
    return [name for name, files in OUTPUTS.items()
            if not all((out / f).exists() for f in files if f not in OPTIONAL)]


def stale(out: Path, sources: Path) -> list[str]:
    """Analyses older than the newest source file (the sources were updated since)."""
    newest = max((p.stat().st_mtime for p in Path(sources).rglob("*") if p.is_file()), default=0)
    return [name for name, files in OUTPUTS.items()
            if any((out / f).exists() and (out / f).stat().st_mtime < newest for f in files)]
