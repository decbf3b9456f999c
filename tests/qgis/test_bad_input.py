"""Hostile and clumsy inputs, every algorithm: a clear French message, nothing written, inputs untouched.

Each case runs one algorithm with one thing wrong and asserts three things: the message says what
is wrong (a regular expression on the text the officer reads, never a traceback), no output and no
partial output exists afterwards (the case's folder and the shared data folder hold exactly what
they held before), and every input file is byte-identical.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from osgeo import ogr, osr
from qgis.core import QgsProcessingException, QgsVectorLayer

from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "data" / "golden"
TRACEBACK = re.compile(r"Traceback|File \"|Error:|Exception:|\bline \d+")


def run(algorithm, parameters):
    from qgis import processing

    return processing.run(f"scoran:{algorithm}", parameters)


# --- test data made here ------------------------------------------------------------------------
def write_layer(path: Path, geometry: int, epsg: int, fields: dict, rows: list, layer: str | None = None) -> str:
    """A GeoPackage layer from WKT rows: `fields` name → OGR type, rows (wkt, {attributes})."""
    driver = ogr.GetDriverByName("GPKG")
    source = driver.Open(str(path), 1) if path.exists() else driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    out = source.CreateLayer(layer or path.stem, srs, geometry)
    for name, kind in fields.items():
        out.CreateField(ogr.FieldDefn(name, kind))
    for wkt, attributes in rows:
        feature = ogr.Feature(out.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        for name, value in attributes.items():
            feature.SetField(name, value)
        out.CreateFeature(feature)
    source = None
    return f"{path}|layername={layer or path.stem}"


def square(x, y, half):
    return f"POLYGON(({x - half} {y - half},{x + half} {y - half},{x + half} {y + half},{x - half} {y + half}," \
           f"{x - half} {y - half}))"


@pytest.fixture(scope="module")
def env(provider, tmp_path_factory, tiny_sources, sample_build):
    """Good inputs every case starts from: golden premises, communes, sites, the tiny sample's chain."""
    folder = tmp_path_factory.mktemp("bad_input_env")
    bases = [str(GOLDEN / "base_imb_01.csv"), str(GOLDEN / "base_imb_2A.csv")]
    eligibility = [str(GOLDEN / "actuel_01.csv"), str(GOLDEN / "actuel_2A.csv")]
    run("importmci", {"BASE_IMB": bases, "ELIGIBILITE": eligibility, "OUTPUT": str(folder / "locaux.gpkg")})
    premises = QgsVectorLayer(str(folder / "locaux.gpkg"), "l", "ogr")
    by_code = {}
    for feature in premises.getFeatures():
        point = feature.geometry().asPoint()
        by_code.setdefault(feature["code_insee"], []).append((point.x(), point.y()))
    communes = [(square(sum(x for x, _ in pts) / len(pts), sum(y for _, y in pts) / len(pts), 3000),
                 {"insee_com": code, "nom": f"Commune {code}"}) for code, pts in sorted(by_code.items())]
    write_layer(folder / "communes.gpkg", ogr.wkbPolygon, 2154, {"insee_com": ogr.OFTString, "nom": ogr.OFTString},
                communes)
    x, y = by_code["01001"][0]
    write_layer(folder / "sites.gpkg", ogr.wkbPoint, 2154,
                {"site_id": ogr.OFTString, "categorie": ogr.OFTString, "nb_texte": ogr.OFTString,
                 "insee_com": ogr.OFTString},
                [(f"POINT({x + 10} {y + 10})", {"site_id": "S1", "categorie": "enseignement", "nb_texte": "deux",
                                                "insee_com": "01001"})])
    write_layer(folder / "vide.gpkg", ogr.wkbPoint, 2154,
                {"code_insee": ogr.OFTString, "code_dep": ogr.OFTString, "nb_locaux": ogr.OFTInteger,
                 "classe": ogr.OFTString}, [])
    write_layer(folder / "communes_vides.gpkg", ogr.wkbPolygon, 2154, {"insee_com": ogr.OFTString}, [])

    store, _ = sample_build
    local_store = folder / "scoran.gpkg"
    shutil.copy(store.path, local_store)
    arcep = tiny_sources / "arcep"
    run("importmci", {"BASE_IMB": [str(p) for p in sorted(arcep.glob("base_imb_*"))],
                      "ELIGIBILITE": [str(p) for p in sorted(arcep.glob("actuel_*"))],
                      "OUTPUT": str(folder / "locaux_tiny.gpkg")})
    plans = {key: f"{local_store}|layername={table}" for key, table in (
        ("RIP_PROJECTS", "rip_projets"), ("RIP_PHASES", "rip_phases"), ("AMII", "amii_communes"),
        ("AMII_CALENDAR", "amii_calendrier"))}
    run("thdcoverage", {"INPUT": str(folder / "locaux_tiny.gpkg"), **plans,
                        "OUTPUT": str(folder / "couverture.gpkg"), "OUTPUT_SUMMARY": "TEMPORARY_OUTPUT",
                        "OUTPUT_CHECKS": "TEMPORARY_OUTPUT"})
    mobile = sorted(str(p) for p in (tiny_sources / "mobile").glob("*.gpkg"))
    return {"dir": folder, "bases": bases, "eligibility": eligibility, "store": local_store, "plans": plans,
            "mobile": mobile, "sources": tiny_sources}


@dataclass
class Ctx:
    """What a case builds its parameters from: the shared inputs and its own folder."""

    env: dict
    tmp: Path

    def __getattr__(self, name):
        return self.env[name]

    def text(self, name: str, content: str) -> str:
        path = self.tmp / "in" / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(content, encoding="utf-8")
        return str(path)

    def golden(self, name: str, edit: Callable[[list], list]) -> str:
        lines = (GOLDEN / name).read_text(encoding="utf-8").splitlines()
        return self.text(name, "\n".join(edit(lines)) + "\n")

    def table_layer(self, name: str, fields: dict, rows: list) -> str:
        path = self.tmp / "in" / f"{name}.gpkg"
        path.parent.mkdir(parents=True, exist_ok=True)
        return _attribute_table(path, fields, rows)

    @property
    def out(self) -> Path:
        return self.tmp / "out"

    @property
    def d(self) -> Path:
        return self.env["dir"]


def _attribute_table(path: Path, fields: dict, rows: list) -> str:
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = source.CreateLayer(path.stem, None, ogr.wkbNone)
    for name, kind in fields.items():
        layer.CreateField(ogr.FieldDefn(name, kind))
    for row in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in row.items():
            feature.SetField(name, value)
        layer.CreateFeature(feature)
    source = None
    return f"{path}|layername={path.stem}"


def column(lines: list, name: str, value: Callable[[str], str], header_too: bool = False) -> list:
    """Golden CSV lines with one column rewritten."""
    header = lines[0].split(";")
    index = header.index(name)
    out = [lines[0] if not header_too else ";".join(value(v) if i == index else v for i, v in enumerate(header))]
    for line in lines[1:]:
        cells = line.split(";")
        cells[index] = value(cells[index])
        out.append(";".join(cells))
    return out


def mci(c: Ctx, **changes) -> dict:
    return {"BASE_IMB": c.bases, "ELIGIBILITE": c.eligibility, "OUTPUT": str(c.out / "locaux.gpkg"), **changes}


def whitezones(c: Ctx, **changes) -> dict:
    return {"INPUT": str(c.d / "locaux.gpkg"), "AREAS": str(c.d / "communes.gpkg"),
            "OUTPUT": str(c.out / "zb.gpkg"), "OUTPUT_ZONES": str(c.out / "carreaux.gpkg"),
            "OUTPUT_SUMMARY": str(c.out / "inventaire.csv"), **changes}


def priority(c: Ctx, **changes) -> dict:
    return {"INPUT": str(c.d / "locaux.gpkg"), "SITES": str(c.d / "sites.gpkg"),
            "OUTPUT": str(c.out / "sites.gpkg"), "OUTPUT_SUMMARY": str(c.out / "sites.csv"), **changes}


def coverage(c: Ctx, **changes) -> dict:
    return {"INPUT": str(c.d / "locaux_tiny.gpkg"), **c.plans, "OUTPUT": str(c.out / "couverture.gpkg"),
            "OUTPUT_SUMMARY": str(c.out / "couverture.csv"), "OUTPUT_CHECKS": str(c.out / "controles.csv"),
            **changes}


def trajectory(c: Ctx, **changes) -> dict:
    return {"INPUT": str(c.d / "couverture.gpkg"), "RIP_PHASES": c.plans["RIP_PHASES"], "MILLESIME": "2015-S1",
            "OUTPUT": str(c.out / "trajectoire.csv"), "OUTPUT_PHASING": str(c.out / "phasage.csv"),
            "OUTPUT_CHART": str(c.out / "trajectoire.png"), **changes}


def needs(c: Ctx, **changes) -> dict:
    return {"INPUT": str(c.d / "couverture.gpkg"), "RIP_PHASES": c.plans["RIP_PHASES"],
            "OUTPUT": str(c.out / "besoins.csv"), **changes}


def mobile(c: Ctx, **changes) -> dict:
    return {"INPUT": f"{c.store}|layername=centres_bourgs", "COVERAGE": c.mobile,
            "OUTPUT": str(c.out / "centres.gpkg"), "OUTPUT_SUMMARY": str(c.out / "estimatif.csv"), **changes}


def demand(c: Ctx, **changes) -> dict:
    return {"INPUT": str(c.d / "sites.gpkg"), "COVERAGE": c.mobile, "OUTPUT": str(c.out / "demande.gpkg"),
            "OUTPUT_COMMUNES": str(c.out / "demande.csv"), **changes}


def store_params(c: Ctx, **changes) -> dict:
    return {"COMMUNES": str(c.d / "communes.gpkg"), "STORE": str(c.out / "scoran.gpkg"), **changes}


def deliverables(c: Ctx, **changes) -> dict:
    return {"STORE": str(c.store), "MILLESIME": "2015-S1", "ANALYSES": str(c.d), "OUTPUT": str(c.out / "livrables"),
            **changes}


def costs(c: Ctx, rows: list) -> str:
    return c.table_layer("couts", {"technologie": ogr.OFTString, "densite": ogr.OFTString,
                                   "cout_par_local": ogr.OFTString}, rows)


def aid(c: Ctx, rows: list) -> str:
    return c.table_layer("aides", {"insee_dep": ogr.OFTString, "taux": ogr.OFTString,
                                   "plafond_par_local": ogr.OFTString}, rows)


def text_store(c: Ctx) -> str:
    """A copy of the store whose schema_version is text."""
    path = c.tmp / "in" / "texte.gpkg"
    path.parent.mkdir(exist_ok=True)
    shutil.copy(c.store, path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE scoran_meta SET valeur = 'quatre' WHERE cle = 'schema_version'")
    return str(path)


def no_crs_copy(c: Ctx) -> str:
    """The golden premises without a CRS."""
    from osgeo import gdal

    path = c.tmp / "in" / "sans_scr.gpkg"
    path.parent.mkdir(exist_ok=True)
    gdal.VectorTranslate(str(path), str(c.d / "locaux.gpkg"), options=["-a_srs", "NONE"])
    return str(path)


def blocker(c: Ctx) -> Path:
    """A file where a folder is expected."""
    path = c.tmp / "in" / "fichier"
    path.parent.mkdir(exist_ok=True)
    path.write_text("pas un dossier")
    return path


GOOD_COSTS = [{"technologie": t, "densite": "*", "cout_par_local": "1000"} for t in ("FTTH", "MED", "THDR")]

# (id, algorithm, parameters, expected message)
CASES = [
    # importmci: files
    ("mci-base-missing", "importmci", lambda c: mci(c, BASE_IMB=[str(c.tmp / "absent.csv")]), r"introuvable"),
    ("mci-base-not-arcep", "importmci", lambda c: mci(c, BASE_IMB=[c.text("base_imb_01.csv", "nom;prenom\nA;B\n")]),
     r"colonne"),
    ("mci-base-header-only", "importmci", lambda c: mci(c, BASE_IMB=[c.golden("base_imb_01.csv", lambda ls: ls[:1])]),
     r"aucun immeuble.*en-tête seul"),
    ("mci-elig-header-only", "importmci",
     lambda c: mci(c, ELIGIBILITE=[c.golden("actuel_01.csv", lambda ls: ls[:1])]), r"aucune ligne d'éligibilité"),
    ("mci-elig-no-match", "importmci",
     lambda c: mci(c, ELIGIBILITE=[c.golden("actuel_01.csv", lambda ls: column(ls, "imb_id", lambda v: "9" + v))]),
     r"ne correspond à un immeuble"),
    ("mci-techno-unknown", "importmci",
     lambda c: mci(c, ELIGIBILITE=[c.golden("actuel_01.csv", lambda ls: column(ls, "code_techno", lambda v: "XDSL"))]),
     r"technologies ou classes de débit inconnues.*XDSL"),
    ("mci-class-unknown", "importmci",
     lambda c: mci(c, ELIGIBILITE=[c.golden("actuel_01.csv", lambda ls: column(
         ls, "classe_debit_descendant", lambda v: "tres haut"))]), r"inconnues.*tres haut"),
    ("mci-coordinates-inf", "importmci",
     lambda c: mci(c, BASE_IMB=[c.golden("base_imb_01.csv", lambda ls: column(ls, "imb_longitude", lambda v: "inf"))]),
     r"Aucun immeuble utilisable.*hors limites"),
    ("mci-coordinates-huge", "importmci",
     lambda c: mci(c, BASE_IMB=[c.golden("base_imb_01.csv", lambda ls: column(ls, "imb_latitude", lambda v: "1e12"))]),
     r"Aucun immeuble utilisable.*hors limites"),
    ("mci-no-insee-column", "importmci",
     lambda c: mci(c, BASE_IMB=[c.golden("base_imb_01.csv", lambda ls: column(
         ls, "imb_code_insee", lambda v: "commune", header_too=True))]), r"imb_code_insee|code_insee"),
    ("mci-not-csv", "importmci", lambda c: mci(c, BASE_IMB=[c.text("base_imb_01.csv.gz", "pas du gzip")]),
     r"lecture impossible|illisible|gzip"),
    ("mci-techno-param", "importmci", lambda c: mci(c, TECHNOLOGIES="CU,XYZ"), r"Technologies inconnues : XYZ"),
    ("mci-base-is-folder", "importmci", lambda c: mci(c, BASE_IMB=[str(c.d)]), r"est un dossier"),
    ("mci-mainland-and-overseas", "importmci", lambda c: mci(c, BASE_IMB=[*c.bases, c.golden(
        "base_imb_01.csv", lambda ls: column(column(ls, "imb_code_insee", lambda v: "97411"), "imb_id",
                                             lambda v: "7" + v))]), r"projections différentes.*974"),
    ("wz-premises-without-crs", "whitezones", lambda c: whitezones(c, INPUT=no_crs_copy(c)),
     r"n'a pas de projection EPSG"),
    # importmci: destinations
    ("mci-out-missing-folder", "importmci", lambda c: mci(c, OUTPUT=str(c.tmp / "absent" / "locaux.gpkg")),
     r"dossier .* n'existe pas"),
    ("mci-out-under-a-file", "importmci", lambda c: mci(c, OUTPUT=str(blocker(c) / "locaux.gpkg")),
     r"n'existe pas"),
    ("mci-out-is-folder", "importmci", lambda c: mci(c, OUTPUT=str(c.d)), r"est un dossier"),
    ("mci-out-unknown-format", "importmci", lambda c: mci(c, OUTPUT=str(c.out / "locaux.xyz")),
     r"format de fichier non pris en charge"),
    ("mci-out-is-input", "importmci", lambda c: mci(c, BASE_IMB=[c.golden("base_imb_01.csv", lambda ls: ls)],
                                                    OUTPUT=str(c.tmp / "in" / "base_imb_01.csv")),
     r"est aussi une entrée"),
    # whitezones
    ("wz-key-missing", "whitezones", lambda c: whitezones(c, AREA_KEY="code_commune"),
     r"n'a pas de champ « code_commune »"),
    ("wz-threshold-unknown", "whitezones", lambda c: whitezones(c, THRESHOLD="HD4"), r"Seuil inconnu"),
    ("wz-threshold-inel", "whitezones", lambda c: whitezones(c, THRESHOLD="INEL"), r"Seuil inconnu"),
    ("wz-input-not-premises", "whitezones", lambda c: whitezones(c, INPUT=str(c.d / "sites.gpkg")),
     r"sortie de scoran:importmci"),
    ("wz-areas-are-points", "whitezones", lambda c: whitezones(c, AREAS=str(c.d / "sites.gpkg")),
     r"contient des points ; des polygones sont attendus"),
    ("wz-input-empty", "whitezones", lambda c: whitezones(c, INPUT=str(c.d / "vide.gpkg")), r"vide"),
    ("wz-areas-empty", "whitezones", lambda c: whitezones(c, AREAS=str(c.d / "communes_vides.gpkg")), r"vide"),
    ("wz-output-is-input", "whitezones", lambda c: whitezones(c, OUTPUT_ZONES=str(c.d / "locaux.gpkg")),
     r"est aussi une entrée"),
    ("wz-two-outputs-one-file", "whitezones", lambda c: whitezones(c, OUTPUT_ZONES=str(c.out / "zb.gpkg")),
     r"écriraient le même fichier"),
    ("wz-summary-missing-folder", "whitezones",
     lambda c: whitezones(c, OUTPUT_SUMMARY=str(c.tmp / "absent" / "inventaire.csv")), r"n'existe pas"),
    # prioritysites
    ("ps-category-missing", "prioritysites", lambda c: priority(c, CATEGORY_FIELD="type"),
     r"n'a pas de champ « type »"),
    ("ps-sites-empty", "prioritysites", lambda c: priority(c, SITES=str(c.d / "vide.gpkg")), r"sites est vide"),
    ("ps-summary-missing-folder", "prioritysites",
     lambda c: priority(c, OUTPUT_SUMMARY=str(c.tmp / "absent" / "sites.csv")), r"n'existe pas"),
    ("ps-threshold-unknown", "prioritysites", lambda c: priority(c, THRESHOLD="3M"), r"Seuil inconnu"),
    # createstore
    ("store-millesime-bad", "createstore", lambda c: store_params(c, MILLESIME="2015-S3"), r"Millésime invalide"),
    ("store-communes-points", "createstore", lambda c: store_params(c, COMMUNES=str(c.d / "sites.gpkg")),
     r"contient des points"),
    ("store-missing-folder", "createstore", lambda c: store_params(c, STORE=str(c.tmp / "absent" / "s.gpkg")),
     r"n'existe pas"),
    ("store-not-a-geopackage", "createstore",
     lambda c: store_params(c, STORE=c.text("faux.gpkg", "ceci n'est pas un GeoPackage")),
     r"n'est pas un GeoPackage|pas un référentiel"),
    ("store-text-version", "createstore", lambda c: store_params(c, STORE=text_store(c)), r"quatre"),
    ("store-communes-no-code", "createstore", lambda c: store_params(c, COMMUNES=str(c.d / "communes_vides.gpkg")),
     r"[Cc]ommune"),
    # thdcoverage
    ("thd-millesime-bad", "thdcoverage", lambda c: coverage(c, MILLESIME="2015-s3"), r"Millésime invalide"),
    ("thd-store-without-millesime", "thdcoverage", lambda c: coverage(c, STORE=str(c.store)),
     r"Indiquez le millésime"),
    ("thd-phases-wrong-table", "thdcoverage", lambda c: coverage(c, RIP_PHASES=f"{c.store}|layername=communes"),
     r"n'a pas le\(s\) champ\(s\) phase_id"),
    ("thd-projects-points", "thdcoverage", lambda c: coverage(c, RIP_PROJECTS=str(c.d / "sites.gpkg")),
     r"contient des points"),
    ("thd-input-not-premises", "thdcoverage", lambda c: coverage(c, INPUT=str(c.d / "sites.gpkg")),
     r"sortie de scoran:importmci"),
    ("thd-checks-missing-folder", "thdcoverage",
     lambda c: coverage(c, OUTPUT_CHECKS=str(c.tmp / "absent" / "c.csv")), r"n'existe pas"),
    ("thd-store-text-version", "thdcoverage", lambda c: coverage(c, STORE=text_store(c), MILLESIME="2015-S1"),
     r"quatre"),
    # thdtrajectory
    ("traj-after-plan", "thdtrajectory", lambda c: trajectory(c, MILLESIME="2030-S1"), r"après la fin du plan"),
    ("traj-input-not-coverage", "thdtrajectory", lambda c: trajectory(c, INPUT=str(c.d / "locaux.gpkg")),
     r"sortie de scoran:thdcoverage"),
    ("traj-chart-missing-folder", "thdtrajectory",
     lambda c: trajectory(c, OUTPUT_CHART=str(c.tmp / "absent" / "t.png")), r"n'existe pas"),
    ("traj-cost-negative", "thdtrajectory", lambda c: trajectory(c, COSTS=costs(c, [
        *GOOD_COSTS[1:], {"technologie": "FTTH", "densite": "*", "cout_par_local": "-5"}])), r"cout_par_local"),
    ("traj-cost-text", "thdtrajectory", lambda c: trajectory(c, COSTS=costs(c, [
        *GOOD_COSTS[1:], {"technologie": "FTTH", "densite": "*", "cout_par_local": "cher"}])), r"cout_par_local"),
    # financialneeds
    ("needs-rate-absurd", "financialneeds", lambda c: needs(c, AID=aid(c, [
        {"insee_dep": "*", "taux": "4.0", "plafond_par_local": "500"}])), r"taux"),
    ("needs-cap-negative", "financialneeds", lambda c: needs(c, AID=aid(c, [
        {"insee_dep": "*", "taux": "0,5", "plafond_par_local": "-300"}])), r"plafond_par_local"),
    ("needs-aid-missing-column", "financialneeds", lambda c: needs(c, AID=c.table_layer(
        "aides", {"insee_dep": ogr.OFTString, "taux": ogr.OFTString}, [{"insee_dep": "*", "taux": "0.5"}])),
     r"plafond_par_local"),
    ("needs-output-missing-folder", "financialneeds", lambda c: needs(c, OUTPUT=str(c.tmp / "absent" / "b.csv")),
     r"n'existe pas"),
    # mobilewhitezones
    ("mob-level-unknown", "mobilewhitezones", lambda c: mobile(c, MIN_LEVEL="XX"), r"Niveau minimal inconnu"),
    ("mob-sites-field-text", "mobilewhitezones",
     lambda c: mobile(c, INPUT=str(c.d / "sites.gpkg"), SITES_FIELD="nb_texte"), r"n'est pas numérique"),
    ("mob-sites-field-missing", "mobilewhitezones", lambda c: mobile(c, SITES_FIELD="nb_sites_absent"),
     r"n'a pas de champ « nb_sites_absent »"),
    ("mob-coverage-points", "mobilewhitezones", lambda c: mobile(c, COVERAGE=[str(c.d / "sites.gpkg")]),
     r"n'est pas une couche de polygones"),
    ("mob-techno-field-missing", "mobilewhitezones", lambda c: mobile(c, TECHNO_FIELD="technologie"),
     r"n'a pas de champ « technologie »"),
    ("mob-input-empty", "mobilewhitezones", lambda c: mobile(c, INPUT=str(c.d / "vide.gpkg")), r"vide"),
    # mobiledemand
    ("demand-level-unknown", "mobiledemand", lambda c: demand(c, MIN_LEVEL="BIEN"), r"Niveau minimal inconnu"),
    ("demand-communes-missing-folder", "mobiledemand",
     lambda c: demand(c, OUTPUT_COMMUNES=str(c.tmp / "absent" / "d.csv")), r"n'existe pas"),
    # deliverables
    ("deliv-millesime-absent", "deliverables", lambda c: deliverables(c, MILLESIME="2016-S2"),
     r"2016-S2 n'est pas dans le référentiel"),
    ("deliv-departement-unknown", "deliverables", lambda c: deliverables(c, DEPARTEMENTS="99"),
     r"absent\(s\) du référentiel : 99"),
    ("deliv-store-not-store", "deliverables", lambda c: deliverables(c, STORE=c.text("faux.gpkg", "texte")),
     r"n'est pas un GeoPackage|pas un référentiel"),
    # importbpe
    ("bpe-no-typequ", "importbpe", lambda c: {"BPE": [c.text("bpe.csv", "DEPCOM;LAMBERT_X;LAMBERT_Y\n01001;1;2\n")],
                                             "OUTPUT": str(c.out / "sites.gpkg")}, r"TYPEQU"),
    ("bpe-mapping-missing", "importbpe", lambda c: {
        "BPE": [c.text("bpe.csv", "TYPEQU;DEPCOM;LAMBERT_X;LAMBERT_Y\nC101;01001;870000;6570000\n")],
        "MAPPING": str(c.tmp / "absent.csv"), "OUTPUT": str(c.out / "sites.gpkg")}, r"introuvable|absent"),
    ("bpe-only-unknown-types", "importbpe", lambda c: {
        "BPE": [c.text("bpe.csv", "TYPEQU;DEPCOM;LAMBERT_X;LAMBERT_Y\nZZ99;01001;870000;6570000\n")],
        "OUTPUT": str(c.out / "sites.gpkg")}, r"Aucun site prioritaire.*1 équipement.*hors de la table"),
]


def files_under(folder: Path) -> dict:
    """{relative path: sha256} of every file and folder below `folder` (folders hash to '')."""
    found = {}
    for path in sorted(folder.rglob("*")):
        found[str(path.relative_to(folder))] = "" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def input_files(parameters: dict) -> list[Path]:
    files = []
    for value in parameters.values():
        for item in value if isinstance(value, list) else [value]:
            path = Path(str(item).split("|")[0])
            if path.is_file():
                files.append(path)
    return files


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_refused_cleanly(case, env, tmp_path):
    _, algorithm, build, expected = case
    (tmp_path / "out").mkdir()
    parameters = build(Ctx(env, tmp_path))
    inputs = {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in input_files(parameters)}
    before = {"case": files_under(tmp_path), "env": files_under(env["dir"])}

    with pytest.raises(QgsProcessingException) as raised:
        run(algorithm, parameters)

    message = str(raised.value)
    assert re.search(expected, message, re.IGNORECASE | re.DOTALL), message
    assert not TRACEBACK.search(message), message
    assert files_under(tmp_path) == before["case"], "an output or a partial output was left behind"
    assert files_under(env["dir"]) == before["env"], "the shared inputs' folder changed"
    for path, digest in inputs.items():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, f"input changed: {path}"


def test_there_are_enough_cases():
    assert len(CASES) >= 45
    assert {c[1] for c in CASES} >= {"importmci", "whitezones", "prioritysites", "createstore", "thdcoverage",
                                     "thdtrajectory", "financialneeds", "mobilewhitezones", "mobiledemand",
                                     "deliverables", "importbpe"}


def test_range_is_said_in_french(provider):
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    for algorithm, name, words in (("whitezones", "SHARE", "de 0,01 à 100"),
                                   ("prioritysites", "MAX_DISTANCE", "au moins 1"),
                                   ("mobilewhitezones", "RADIUS", "au moins 10")):
        description = registry.algorithmById(f"scoran:{algorithm}").parameterDefinition(name).description()
        assert words in description, description


def test_french_numbers_in_cost_tables_are_read(env, tmp_path):
    """`33 %`, `0,33` and `0.33` are the same rate; `1 234,5` the same cap as 1234.5 (not a refusal)."""
    c = Ctx(env, tmp_path)
    (tmp_path / "out").mkdir()
    totals = []
    for rate, cap in (("0.33", "1234.5"), ("33 %", "1 234,5"), ("0,33", "1\u202f234,5")):
        table = aid(Ctx(env, tmp_path / rate.replace(" ", "_").replace("%", "pc")),
                    [{"insee_dep": "*", "taux": rate, "plafond_par_local": cap}])
        out = tmp_path / "out" / f"besoins_{len(totals)}.csv"
        run("financialneeds", needs(c, AID=table, OUTPUT=str(out)))
        layer = QgsVectorLayer(str(out), "b", "ogr")
        total = next(f for f in layer.getFeatures() if f["niveau"] == "territoire")
        totals.append((float(total["part_etat"]), float(total["cout_total"])))
    assert totals[0] == totals[1] == totals[2]
    assert totals[0][0] > 0


def test_lowercase_millesime_is_stored_canonical(env, tmp_path):
    store = tmp_path / "scoran.gpkg"
    run("createstore", {"COMMUNES": str(env["dir"] / "communes.gpkg"), "STORE": str(store), "MILLESIME": "2015-s1"})
    with sqlite3.connect(store) as conn:
        assert [r[0] for r in conn.execute("SELECT code FROM millesimes")] == ["2015-S1"]
        assert conn.execute("SELECT millesime FROM analyses WHERE algorithme = 'scoran:createstore'").fetchone()[0] \
            == "2015-S1"
