"""Build the sample SCORAN store and the QGIS project from the generated sources.

    /usr/bin/python3 sample_project/build_project.py [--size demo]

Writes sample_project/scoran_bfc.gpkg (the store: territory, semester 2015-S1, RIP, AMII,
centres-bourgs, services & usages register) and sample_project/scoran_bfc.qgz (styled layers:
the store, BPE facilities, SIRENE businesses, mobile coverage). Needs QGIS's Python.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pandas as pd
from osgeo import ogr

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from scoran_qgis.core.costs import seed_store  # noqa: E402
from scoran_qgis.core.store import ScoranStore  # noqa: E402
from scoran_qgis.core.territory import load_territory  # noqa: E402

TERRITORY = HERE / "data" / "territory_bfc.gpkg"
STORE = HERE / "scoran_bfc.gpkg"
PROJECT = HERE / "scoran_bfc.qgz"
MILLESIME = "2015-S1"
CREDIT = ("IGN – ADMIN EXPRESS ; INSEE ; DILA — Licence Ouverte 2.0 ; "
          "données haut débit, mobiles et projets synthétiques")


def read_layer(path: Path, layer_name: str) -> list[dict]:
    """Features of an OGR layer as dicts with `geom` WKB."""
    dataset = ogr.Open(str(path))
    layer = dataset.GetLayerByName(layer_name)
    names = [layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())]
    records = []
    for feature in layer:
        record = {name: feature.GetField(name) for name in names}
        geometry = feature.GetGeometryRef()
        record["geom"] = None if geometry is None else bytes(geometry.ExportToIsoWkb())
        records.append(record)
    return records


def read_csv(path: Path) -> pd.DataFrame:
    """A generated CSV, every column as text (codes keep their zeros), empty cells as None."""
    frame = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)
    return frame.replace({"": None})


def french_date_to_iso(value):
    return None if not value else f"{value[6:10]}-{value[3:5]}-{value[0:2]}"


def build_store(sources: Path, path: Path = STORE) -> ScoranStore:
    """Create the sample store (written aside, then swapped in)."""
    partial = path.with_name(path.stem + ".build.gpkg")
    partial.unlink(missing_ok=True)
    store = ScoranStore.create(partial)
    mountain = set(read_csv(sources / "plans" / "communes_montagne.csv")["insee_com"])
    communes = read_layer(TERRITORY, "communes")
    for record in communes:
        record["montagne"] = int(record["insee_com"] in mountain)
    load_territory(store, communes, read_layer(TERRITORY, "departements"), read_layer(TERRITORY, "epci"))

    mairies = {r["insee_com"]: r for r in read_layer(TERRITORY, "mairies")}
    rip_projects = read_layer(sources / "plans" / "rip.gpkg", "rip_projets")
    rip_phases = read_layer(sources / "plans" / "rip.gpkg", "rip_phases")
    phase_communes = read_csv(sources / "plans" / "rip_phases_communes.csv")
    amii = read_csv(sources / "plans" / "amii_communes.csv")
    calendar = read_csv(sources / "plans" / "amii_calendrier.csv")
    centres = read_csv(sources / "plans" / "centres_bourgs.csv")
    usages = {name: read_csv(sources / "usages" / f"{name}.csv")
              for name in ("projets", "financements", "liens", "jalons", "documents", "themes_regionaux", "sdtan")}

    with store.transaction() as conn:
        store.add_millesime(conn, MILLESIME, "Projet exemple (données synthétiques)")
        store.insert(conn, "rip_projets", [{k: r[k] for k in ("rip_id", "nom", "maitre_ouvrage", "type_maitre_ouvrage",
                                                                "departements", "statut", "geom")}
                                           for r in rip_projects])
        store.insert(conn, "rip_phases", [{k: r[k] for k in ("phase_id", "rip_id", "nom", "technologie",
                                                               "semestre_debut", "semestre_fin", "locaux_prevus",
                                                               "statut", "geom")} for r in rip_phases])
        store.insert(conn, "rip_phases_communes", phase_communes.to_dict("records"))
        store.insert(conn, "amii_communes", [{
            "insee_com": r["insee_com"], "operateurs": r["operateurs"],
            "convention_signee": int(r["convention_signee"] == "oui"),
            "date_convention": french_date_to_iso(r["date_convention"]),
            "annee_fin_prevue": int(r["annee_fin_prevue"]), "locaux_total": int(r["locaux_total"]),
            "locaux_raccordables": int(r["locaux_raccordables"]),
        } for r in amii.to_dict("records")])
        store.insert(conn, "amii_calendrier", calendar.astype({"annee": int, "locaux_prevus": int}).to_dict("records"))
        store.insert(conn, "centres_bourgs", [{
            "insee_com": r["insee_com"], "nom": r["nom_commune"], "liste": r["liste"],
            "date_liste": french_date_to_iso(r["date_arrete"]), "statut_site": "recherche_site",
            "montagne": int(r["insee_com"] in mountain), "geom": mairies[r["insee_com"]]["geom"],
        } for r in centres.to_dict("records")])
        projects = usages["projets"].astype({"budget": float, "mutualisation": int, "zones_defavorisees": int,
                                             "publics_eloignes": int})
        store.insert(conn, "projets", projects.to_dict("records"))
        store.insert(conn, "projets_financements", usages["financements"].astype({"montant": float})
                     .to_dict("records"))
        store.insert(conn, "projets_liens", usages["liens"].to_dict("records"))
        store.insert(conn, "jalons", usages["jalons"].to_dict("records"))
        store.insert(conn, "documents", usages["documents"].to_dict("records"))
        store.insert(conn, "themes_regionaux", usages["themes_regionaux"].astype({"ordre": int}).to_dict("records"))
        store.insert(conn, "sdtan", usages["sdtan"].to_dict("records"))
    seed_store(store)  # the shipped State-aid and unit-cost tables, editable in the store
    os.replace(partial, path)
    return ScoranStore(path)


def build_project(store: ScoranStore, sources: Path, path: Path = PROJECT) -> None:
    """The QGIS project: store layers and source layers, styled, paths relative to the project."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject

    from scoran_qgis.layers import add_store_layers

    project = QgsProject.instance()
    project.clear()
    project.setTitle("SCORAN 2.0 — Bourgogne-Franche-Comté (projet exemple)")
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    project.writeEntry("Paths", "/Absolute", False)
    project.setMetadata(_metadata(project))
    add_store_layers(store, project)
    add_source_layers(sources, project)
    set_view_on_region(store, project)
    if not project.write(str(path)):
        raise RuntimeError(f"cannot write {path}")


def set_view_on_region(store: ScoranStore, project) -> None:
    """Open on the region: a project written without a map canvas has no saved view, and QGIS would
    open it on an empty map at 1:1. The default view (and the full extent) is the region's, in Lambert-93."""
    from qgis.core import QgsReferencedRectangle, QgsVectorLayer

    regions = QgsVectorLayer(store.uri("regions"), "regions", "ogr")
    extent = regions.extent()
    if not regions.isValid() or extent.isEmpty():
        return
    if project.crs() != regions.crs():
        from qgis.core import QgsCoordinateTransform

        extent = QgsCoordinateTransform(regions.crs(), project.crs(), project).transformBoundingBox(extent)
    extent = QgsReferencedRectangle(extent.buffered(extent.width() * 0.03), project.crs())
    project.viewSettings().setDefaultViewExtent(extent)
    project.viewSettings().setPresetFullExtent(extent)


def add_source_layers(sources: Path, project) -> None:
    """Source files as the officer would load them: BPE, SIRENE, the 12 mobile coverage maps."""
    from scoran_qgis.layers import add_to_group, bpe_layer, mobile_coverage_layer, points_from_csv_layer

    group = project.layerTreeRoot().addGroup("Sources")
    add_to_group(project, group, bpe_layer(sources / "insee" / "bpe_equipements.csv"))
    sirene = points_from_csv_layer(sources / "sirene" / "sirene_geolocalise.csv", "x_longitude", "y_latitude",
                                   "EPSG:4326", "Établissements SIRENE", delimiter=",")
    add_to_group(project, group, sirene, visible=False)
    mobile = group.addGroup("Couverture mobile (Mon réseau mobile)")
    for techno in ("2G", "3G", "4G"):
        sub = mobile.addGroup(techno)
        for gpkg in sorted((sources / "mobile").glob(f"mrm_{techno}_*.gpkg")):
            add_to_group(project, sub, mobile_coverage_layer(gpkg), visible=False)
        sub.setExpanded(False)


def _metadata(project):
    metadata = project.metadata()
    metadata.setAbstract("Projet exemple de l'extension SCORAN 2.0 : territoire réel, données haut débit synthétiques "
                         f"aux formats réels (ARCEP, INSEE, Mon réseau mobile). Sources : {CREDIT}.")
    return metadata


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="demo")
    args = parser.parse_args(argv)
    sources = HERE / "generated" / args.size
    if not (sources / "manifest.json").exists():
        print(f"Sources absentes : lancez d'abord  /usr/bin/python3 sample_project/generate.py --size {args.size}")
        return 1
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    store = build_store(sources)
    print(f"référentiel : {store.path}")
    build_project(store, sources)
    print(f"projet : {PROJECT}")
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
