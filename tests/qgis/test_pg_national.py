"""ARCEP files imported and analysed in PostGIS (`scoran:importmcipostgis`, issue 14 item 3).

Expected: the very results of the GeoPackage path (`scoran:importmci` then `scoran:whitezones` with the communes)
on the golden data and on the demo region — every premise (class, technology, details, coordinates to the bit),
every commune, every 200 m-cell zone (fields and polygon) of both categories, the summary per département — read
here independently (sqlite3 / psycopg2 and pandas). The per-commune counts also match a plain pandas computation.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import numpy as np
import pandas as pd
import psycopg2
import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException

from scoran_qgis.core import gpkg
from scoran_qgis.core.whitezones import AREA_FIELDS, INEL_ZONE_FIELDS, SUMMARY_FIELDS, ZONE_FIELDS
from tests.conftest import TERRITORY
from tests.qgis.test_fixed_broadband_sample import expected_per_commune

pytestmark = pytest.mark.postgis

GOLDEN = Path(__file__).resolve().parent.parent / "data" / "golden"
PREMISE_FIELDS = ["imb_id", "code_insee", "code_dep", "nb_locaux", "classe", "debit_mbps", "techno", "addr_code",
                  "classe_cu", "classe_coax", "classe_fo", "classe_radio", "classe_sat", "nb_operateurs_thd"]


def run(algorithm, parameters):
    from qgis import processing

    return processing.run(f"scoran:{algorithm}", parameters)


@pytest.fixture(scope="module")
def dsn(pg_server):
    name = f"t_{uuid.uuid4().hex[:12]}"
    yield pg_server.create_database(name)
    pg_server.drop_database(name)


def golden_communes(folder: Path) -> str:
    """A communes layer for the golden data's communes (squares: the premises are matched by INSEE code)."""
    path = folder / "communes.gpkg"
    driver = ogr.GetDriverByName("GPKG")
    source = driver.CreateDataSource(str(path))
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    layer = source.CreateLayer("communes", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("insee_com", ogr.OFTString))
    for number, code in enumerate(["01001", "01002", "01004", "2A004"]):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("insee_com", code)
        x = 100000 * number
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON(({x} 0,{x + 10} 0,{x + 10} 10,{x} 10,{x} 0))"))
        layer.CreateFeature(feature)
    source = None
    return f"{path}|layername=communes"


def edge_sources(folder: Path) -> tuple[list, list]:
    """The golden files plus what a national run meets at the edges: a building in two départements' files
    (base and eligibility, other classes in each), 70 operators offering THD to one building (beyond the 63 of
    the bit mask), an eligibility file without an operator column for a building described elsewhere with one."""
    header = (GOLDEN / "actuel_01.csv").read_text().splitlines()[0]
    operators = [f"{header}"] + [f"2;a;b;OP{n:02d};FO;HD05;THD100;;false" for n in range(70)] + [
        "1;a;b;ORAN;COAX;HD05;THD30;;false", "4;a;b;ORAN;FO;HD05;THD1G;;false", "3;a;b;ORAN;SAT;HD05;HD3;;false"]
    (folder / "actuel_01bis.csv").write_text("\n".join(operators) + "\n")
    (folder / "actuel_01ter.csv").write_text(
        "imb_id;code_techno;classe_debit_descendant\n4;CU;THD100\n6;FO;THD30\n7;4GF;HD3\n")
    base = (GOLDEN / "base_imb_01.csv").read_text().splitlines()
    (folder / "base_imb_01bis.csv").write_text("\n".join([base[0], base[3], base[5]]).replace(";01001;", ";01004;")
                                               + "\n")  # buildings 3 and 5 again, elsewhere: the first is kept
    bases = sorted(map(str, GOLDEN.glob("base_imb_*"))) + [str(folder / "base_imb_01bis.csv")]
    eligibility = sorted(map(str, GOLDEN.glob("actuel_*"))) + [str(folder / "actuel_01bis.csv"),
                                                               str(folder / "actuel_01ter.csv")]
    return bases, eligibility


def sources_of(kind: str, demo_sources: Path, folder: Path):
    if kind == "edges":
        return (*edge_sources(folder), golden_communes(folder))
    if kind == "golden":
        return sorted(map(str, GOLDEN.glob("base_imb_*"))), sorted(map(str, GOLDEN.glob("actuel_*"))), \
            golden_communes(folder)
    arcep = demo_sources / "arcep"
    return (sorted(map(str, arcep.glob("base_imb_*"))), sorted(map(str, arcep.glob("actuel_*"))),
            f"{TERRITORY}|layername=communes")


# --- independent readers ----------------------------------------------------------------------------------
def gpkg_frame(path: Path, geometry: bool = False) -> pd.DataFrame:
    with sqlite3.connect(path) as conn:
        table = conn.execute("SELECT table_name FROM gpkg_contents").fetchone()[0]
        frame = pd.read_sql_query(f'SELECT * FROM "{table}"', conn)
        column = conn.execute("SELECT column_name FROM gpkg_geometry_columns").fetchone()
    if column is not None:
        wkbs = frame.pop(column[0]).map(lambda blob: None if blob is None else gpkg.blob_to_wkb(bytes(blob)))
        if geometry:
            frame["wkb"] = wkbs
    return frame


def pg_frame(dsn: str, table: str, geometry: str | None = None, schema: str = "scoran_mci") -> pd.DataFrame:
    conn = psycopg2.connect(dsn)
    try:
        with conn.cursor() as cursor:
            extra = {"xy": ", ST_X(geom) AS x, ST_Y(geom) AS y", "wkb": ", ST_AsBinary(geom) AS wkb"}.get(geometry, "")
            cursor.execute(f'SELECT * {extra} FROM "{schema}"."{table}"')
            columns = [item[0] for item in cursor.description]
            frame = pd.DataFrame(cursor.fetchall(), columns=columns)
    finally:
        conn.close()
    frame = frame.drop(columns=["geom"], errors="ignore")
    if "wkb" in frame:
        frame["wkb"] = frame["wkb"].map(lambda b: None if b is None else bytes(b))
    return frame


def gpkg_points(path: Path) -> pd.DataFrame:
    """The premises with their coordinates read from the point WKB (little-endian x, y after the 5-byte header)."""
    frame = gpkg_frame(path, geometry=True)
    xy = np.array([np.frombuffer(wkb[5:21], dtype="<f8") for wkb in frame.pop("wkb")])
    return frame.assign(x=xy[:, 0], y=xy[:, 1])


def same(a: pd.DataFrame, b: pd.DataFrame, keys: list, name: str) -> None:
    a = a.sort_values(keys).reset_index(drop=True)
    b = b.sort_values(keys).reset_index(drop=True)
    assert len(a) == len(b), name
    pd.testing.assert_frame_equal(a.astype(object).where(a.notna(), None), b.astype(object).where(b.notna(), None),
                                  check_dtype=False, obj=name)


def same_geometries(left, right, name: str) -> None:
    for a, b in zip(left, right):
        ga, gb = ogr.CreateGeometryFromWkb(a), ogr.CreateGeometryFromWkb(b)
        assert ga.Equals(gb), name


# --- the two paths ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module", params=["golden", "edges", "demo"])
def both_paths(request, provider, demo_sources, dsn, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"national_{request.param}")
    base, eligibility, communes = sources_of(request.param, demo_sources, folder)
    run("importmci", {"BASE_IMB": base, "ELIGIBILITE": eligibility, "OUTPUT": str(folder / "locaux.gpkg")})
    run("whitezones", {"INPUT": str(folder / "locaux.gpkg"), "AREAS": communes, "OUTPUT": str(folder / "zb.gpkg"),
                       "OUTPUT_ZONES": str(folder / "zones.gpkg"), "OUTPUT_SUMMARY": str(folder / "dep.csv"),
                       "OUTPUT_ZONES_INEL": str(folder / "zones_inel.gpkg")})
    schema = f"mci_{request.param}"
    result = run("importmcipostgis", {"BASE_IMB": base, "ELIGIBILITE": eligibility, "DATABASE": dsn,
                                      "SCHEMA": schema})
    return request.param, folder, schema, result


def test_premises_identical(both_paths, dsn):
    kind, folder, schema, result = both_paths
    expected = gpkg_points(folder / "locaux.gpkg")[[*PREMISE_FIELDS, "x", "y"]]
    expected["imb_id"] = expected["imb_id"].astype(np.int64)
    got = pg_frame(dsn, "mci_locaux", "xy", schema)[[*PREMISE_FIELDS, "x", "y"]]
    assert result["BUILDINGS"] == len(expected) > 5
    same(expected, got, ["imb_id"], "mci_locaux")  # coordinates compared exactly, not within a tolerance
    if kind == "edges":  # what the hand-made edge files say
        by_id = got.set_index("imb_id")
        assert by_id.loc[2, "nb_operateurs_thd"] == 70 and by_id.loc[2, "classe"] == "THD100"
        assert by_id.loc[4, "classe"] == "THD1G" and by_id.loc[4, "classe_cu"] == "THD100"  # max over 3 files
        assert by_id.loc[6, "classe"] == "THD30" and pd.isna(by_id.loc[6, "nb_operateurs_thd"])  # no operator column
        assert by_id.loc[3, "code_insee"] == "01001"  # the first of a duplicated building


def test_communes_identical(both_paths, dsn, demo_sources):
    kind, folder, schema, _ = both_paths
    expected = gpkg_frame(folder / "zb.gpkg")
    expected = expected[expected["nb_locaux"] > 0].rename(columns={"insee_com": "code_insee"})
    got = pg_frame(dsn, "zb_communes", schema=schema)
    same(expected[["code_insee", *AREA_FIELDS]], got[["code_insee", *AREA_FIELDS]], ["code_insee"], "zb_communes")
    assert len(got) == len(expected) > 2
    if kind == "demo":  # and a plain pandas computation, whole files in memory
        reference = expected_per_commune(demo_sources)
        got = got.set_index("code_insee").loc[reference.index, ["nb_locaux", "nb_inel", "nb_sous_seuil", "nb_thd"]]
        pd.testing.assert_frame_equal(got.astype(int).sort_index(), reference.sort_index(), check_names=False)


@pytest.mark.parametrize("table, output, fields", [("zb_zones", "zones.gpkg", ZONE_FIELDS),
                                                   ("zb_zones_inel", "zones_inel.gpkg", INEL_ZONE_FIELDS)])
def test_zones_identical(both_paths, dsn, table, output, fields):
    kind, folder, schema, _ = both_paths
    expected = gpkg_frame(folder / output, geometry=True).sort_values("zone_id").reset_index(drop=True)
    got = pg_frame(dsn, table, "wkb", schema).sort_values("zone_id").reset_index(drop=True)
    same(expected[fields], got[fields], ["zone_id"], table)
    same_geometries(expected["wkb"], got["wkb"], table)
    if kind == "demo":
        assert len(got) > 50


def test_summary_identical(both_paths, dsn):
    _, folder, schema, _ = both_paths
    expected = pd.read_csv(folder / "dep.csv", dtype={"code": str})
    got = pg_frame(dsn, "zb_departements", schema=schema)
    same(expected[SUMMARY_FIELDS], got[SUMMARY_FIELDS], ["code"], "zb_departements")


def test_cells_sum_to_the_premises(both_paths, dsn):
    """Every premise in one populated cell; the cell flags follow the share rule (independent SQL)."""
    _, _, schema, _ = both_paths
    conn = psycopg2.connect(dsn)
    try:
        with conn.cursor() as cursor:
            cursor.execute(f'SELECT (SELECT sum(nb_locaux) FROM "{schema}".mci_locaux), sum(nb_locaux), '
                           f'count(*) FILTER (WHERE blanc <> (nb_sous_seuil * 2 >= nb_locaux AND nb_locaux > 0)), '
                           f'count(*) FILTER (WHERE NOT ST_Contains(geom, ST_Transform((SELECT geom FROM '
                           f'"{schema}".mci_locaux l WHERE l.ix = c.ix AND l.iy = c.iy LIMIT 1), 3035))) '
                           f'FROM "{schema}".zb_carreaux c')
            premises, in_cells, wrong_flags, outside = cursor.fetchone()
    finally:
        conn.close()
    assert premises == in_cells > 0
    assert wrong_flags == 0
    assert outside == 0


# --- one file at a time, the same ---------------------------------------------------------------------------
def test_one_worker_gives_the_same_tables(dsn, tmp_path):
    """The files loaded one after the other (one worker) or in parallel: every table identical."""
    from scoran_qgis.core.mci_postgis import TABLES, import_to_postgis

    bases, eligibility = edge_sources(tmp_path)
    for schema, workers in (("un_coeur", 1), ("deux_coeurs", 2)):
        import_to_postgis(dsn, bases, eligibility, schema=schema, workers=workers)
    for table in TABLES:
        geometry = "wkb" if table != "zb_communes" and table != "zb_departements" else None
        one, two = pg_frame(dsn, table, geometry, "un_coeur"), pg_frame(dsn, table, geometry, "deux_coeurs")
        keys = [c for c in one.columns if c != "wkb"]
        same(one, two, keys, table)


# --- failures leave the previous results ----------------------------------------------------------------------
def work_tables(dsn: str, schema: str) -> list:
    conn = psycopg2.connect(dsn)
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = %s ORDER BY 1", (schema,))
            return [row[0] for row in cursor.fetchall()]
    finally:
        conn.close()


def test_a_failed_run_keeps_the_previous_results(provider, dsn, tmp_path):
    bases, eligibility = sorted(map(str, GOLDEN.glob("base_imb_*"))), sorted(map(str, GOLDEN.glob("actuel_*")))
    run("importmcipostgis", {"BASE_IMB": bases, "ELIGIBILITE": eligibility, "DATABASE": dsn, "SCHEMA": "echec"})
    before = {table: pg_frame(dsn, table, schema="echec") for table in ("mci_locaux", "zb_departements")}
    tables = work_tables(dsn, "echec")
    assert tables == sorted(["mci_locaux", "zb_communes", "zb_carreaux", "zb_zones", "zb_zones_inel",
                             "zb_departements"])
    foreign = tmp_path / "actuel_99.csv"  # no building of the base: refused after the files are loaded
    foreign.write_text("imb_id;code_techno;classe_debit_descendant\n424242;FO;THD1G\n")
    with pytest.raises(QgsProcessingException, match="ne correspond à un immeuble"):
        run("importmcipostgis", {"BASE_IMB": bases, "ELIGIBILITE": [str(foreign)], "DATABASE": dsn,
                                 "SCHEMA": "echec"})
    assert work_tables(dsn, "echec") == tables  # no staging table, no half-built result left
    for table, frame in before.items():
        same(frame, pg_frame(dsn, table, schema="echec"), [c for c in frame.columns if c != "wkb"], table)


@pytest.mark.parametrize("database, message", [
    ("host=127.0.0.1 dbname=x user=y password=secret", "contient un mot de passe"),
    ("postgresql://y:secret@127.0.0.1/x", "contient un mot de passe"),
    ("/tmp/un_fichier.gpkg", "n'est pas une base PostgreSQL"),
])
def test_refused_databases(provider, database, message):
    with pytest.raises(QgsProcessingException, match=message) as error:
        run("importmcipostgis", {"BASE_IMB": [str(GOLDEN / "base_imb_01.csv")],
                                 "ELIGIBILITE": [str(GOLDEN / "actuel_01.csv")], "DATABASE": database})
    assert "secret" not in str(error.value)


def test_bad_schema_name_refused(provider, dsn):
    with pytest.raises(QgsProcessingException, match="Nom de schéma PostgreSQL invalide"):
        run("importmcipostgis", {"BASE_IMB": [str(GOLDEN / "base_imb_01.csv")],
                                 "ELIGIBILITE": [str(GOLDEN / "actuel_01.csv")], "DATABASE": dsn,
                                 "SCHEMA": 'x"; DROP TABLE y; --'})


def test_layers_loaded_into_the_project_without_password(provider, pg_server, dsn):
    """With a project, the six results come back as PostGIS layers (valid, styled where a style exists)."""
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsVectorLayer

    project = QgsProject.instance()
    context = QgsProcessingContext()
    context.setProject(project)
    result = processing.run("scoran:importmcipostgis", {
        "BASE_IMB": sorted(map(str, GOLDEN.glob("base_imb_*"))),
        "ELIGIBILITE": sorted(map(str, GOLDEN.glob("actuel_*"))), "DATABASE": dsn, "SCHEMA": "couches"},
        context=context, feedback=QgsProcessingFeedback())
    assert len(context.layersToLoadOnCompletion()) == 6  # added to the project at the end
    # processing.run hands the loaded layers back (it takes them out of the context)
    layers = [result[key] for key in ("OUTPUT_PREMISES", "OUTPUT_AREAS", "OUTPUT_CELLS", "OUTPUT_ZONES",
                                      "OUTPUT_ZONES_INEL", "OUTPUT_SUMMARY")]
    assert all(isinstance(layer, QgsVectorLayer) and layer.isValid() and layer.providerType() == "postgres"
               for layer in layers)
    assert layers[0].featureCount() == result["BUILDINGS"] == 10
    assert layers[0].crs().authid() == "EPSG:2154" and layers[3].crs().authid() == "EPSG:3035"
    assert layers[1].featureCount() == 3 and layers[5].featureCount() == 3  # 3 communes; 2 départements + total
    assert layers[0].renderer().type() == "categorizedSymbol"  # the premises' style
    assert all("password" not in layer.source() for layer in layers)


def test_the_store_schema_is_refused(provider, dsn):
    """A schema holding a SCORAN store is the officers' work: the import never writes its tables there."""
    from scoran_qgis.core.store import ScoranStore

    ScoranStore.create(f"{dsn} schema=referentiel")
    before = work_tables(dsn, "referentiel")
    with pytest.raises(QgsProcessingException, match="celui d'un référentiel SCORAN"):
        run("importmcipostgis", {"BASE_IMB": [str(GOLDEN / "base_imb_01.csv")],
                                 "ELIGIBILITE": [str(GOLDEN / "actuel_01.csv")], "DATABASE": dsn,
                                 "SCHEMA": "referentiel"})
    assert work_tables(dsn, "referentiel") == before
