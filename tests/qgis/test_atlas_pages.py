"""The atlas pages of issue 13: « Quand ? » (planned clearing per commune and 200 m cell), priority sites
without a THD date, the usages map (features linked to projects, by domain), the calendar paginated
with no text under 7 pt, the Évolutions page grouped by register and restricted to the département.

The analyses are computed once from the tiny sources (scoran:deliverables, no workbook, no atlas);
links to a site, a town centre, an EPCI and a RIP phase are added to the register; then the atlas
is exported. Expected values come from the store and the analyses read with sqlite3 and pandas.
"""

from __future__ import annotations

import math
import re
import shutil
import sqlite3
import subprocess
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from scoran_qgis.core.codes import departement_of
from scoran_qgis.core.store import ScoranStore

MILLESIME = "2015-S1"
DEP = "58"
FOOTER = "Sources : ARCEP"
TITLES = {"quand": "Quand ? Semestre prévu de résorption des zones blanches",
          "usages": "Services et usages numériques : objets liés aux projets, par domaine",
          "calendrier": "Calendrier des initiatives", "sites": "Sites sans date prévue de très haut débit"}


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def page_text(path, page) -> str:
    text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pages(path) -> list[str]:
    return [page_text(path, page) for page in range(1, pdf_pages(path) + 1)]


def words(path, page) -> list[tuple[float, float, str]]:
    """(height, yMin, text) of every word of a page, in PDF points (pdftotext -bbox)."""
    xml = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', xml)
    return [(float(y1) - float(y0), float(y0), text) for _, y0, _, y1, text in found]


@pytest.fixture(scope="module")
def built(provider, sample_build, tiny_sources, tmp_path_factory):
    """Store (with extra links), analyses and the atlas PDFs (whole region)."""
    from qgis import processing

    from scoran_qgis.export.atlas import export_atlas

    folder = tmp_path_factory.mktemp("atlas_pages")
    store_path = folder / "scoran.gpkg"
    shutil.copy(sample_build[0].path, store_path)
    analyses = folder / "analyses"
    processing.run("scoran:deliverables", {"STORE": str(store_path), "MILLESIME": MILLESIME,
                                           "ANALYSES": str(analyses), "SOURCES": str(tiny_sources),
                                           "WORKBOOKS": [], "ATLAS": False, "OUTPUT": str(folder / "vide")})
    with sqlite3.connect(analyses / "sites_prioritaires.gpkg") as conn:
        site = conn.execute("SELECT site_id FROM sites_prioritaires WHERE insee_com LIKE '58%' ORDER BY site_id "
                            "LIMIT 1").fetchone()[0]
    with sqlite3.connect(store_path) as conn:
        projects = dict(conn.execute("SELECT projet_id, domaine FROM projets ORDER BY projet_id"))
        first, other = next(iter(projects)), next(p for p in projects if projects[p] != projects["PRJ-001"])
        centre = conn.execute("SELECT insee_com FROM centres_bourgs WHERE insee_com LIKE '58%' ORDER BY insee_com"
                              ).fetchone()[0]
        epci = conn.execute("SELECT siren_epci FROM communes WHERE insee_dep = '21' AND siren_epci IS NOT NULL "
                            "ORDER BY insee_com").fetchone()[0]
        phase = conn.execute("SELECT phase_id FROM rip_phases ORDER BY phase_id").fetchone()[0]
        conn.executemany("INSERT OR IGNORE INTO projets_liens (projet_id, type_objet, cle) VALUES (?, ?, ?)", [
            (first, "site", site), (other, "site", site),  # one site, two domains
            (first, "centre_bourg", centre), (other, "epci", epci), (first, "phase", phase)])
    store = ScoranStore.open(store_path)
    out = folder / "out"
    result = export_atlas(store, analyses, out, MILLESIME)
    return {"store": store, "analyses": analyses, "out": out, "result": result, "site": site}


@pytest.fixture(scope="module")
def atlas(built):
    from scoran_qgis.export.atlas import Atlas

    return Atlas(built["store"], built["analyses"], MILLESIME)


def linked(store_path) -> pd.DataFrame:
    """(type_objet, cle, domaines) of the links whose object exists, computed from the store alone."""
    with sqlite3.connect(store_path) as conn:
        links = pd.read_sql_query("SELECT l.type_objet, l.cle, p.domaine FROM projets_liens l "
                                  "JOIN projets p USING (projet_id)", conn)
        existing = {kind: {str(r[0]) for r in conn.execute(f'SELECT "{key}" FROM "{table}"')} for kind, table, key in (
            ("commune", "communes", "insee_com"), ("departement", "departements", "insee_dep"),
            ("epci", "epci", "siren_epci"), ("rip", "rip_projets", "rip_id"), ("phase", "rip_phases", "phase_id"),
            ("centre_bourg", "centres_bourgs", "insee_com"))}
    return links, existing


def test_new_pages_in_region_and_department_pdfs(built):
    out = built["out"]
    region = pages(out / f"atlas_scoran_{MILLESIME}.pdf")
    assert len(region) == built["result"]["pages"]
    for title in TITLES.values():  # region + 8 départements, each with its pages
        assert sum(text.startswith(title) for text in region) >= 9, title
    for title in (TITLES["quand"], TITLES["usages"]):
        assert sum(text.startswith(title) for text in region) == 9
    nievre = pages(out / f"atlas_{DEP}_{MILLESIME}.pdf")
    assert len(nievre) == built["result"]["pages_departements"][DEP]
    for title in TITLES.values():
        assert any(text.startswith(title) for text in nievre), title
    assert all("Nièvre (58)" in text or "Nièvre" in text for text in nievre)


def test_usages_layer_holds_exactly_the_linked_features(built, atlas):
    links, existing = linked(built["store"].path)
    with sqlite3.connect(built["analyses"] / "sites_prioritaires.gpkg") as conn:
        existing["site"] = {r[0] for r in conn.execute("SELECT site_id FROM sites_prioritaires")}
    links = links[[cle in existing[kind] for kind, cle in zip(links["type_objet"], links["cle"])]]
    expected = links.groupby(["type_objet", "cle"])["domaine"].agg(lambda s: s.iat[0] if s.nunique() == 1
                                                                   else "plusieurs").to_dict()
    atlas._filter(None)
    drawn = {}
    for name in ("usages_zones", "usages_perimetres", "usages_points"):
        for feature in atlas.layers[name].getFeatures():
            drawn[(feature["type_objet"], feature["cle"])] = feature["domaine"]
    assert drawn == expected
    assert drawn[("site", built["site"])] == "plusieurs"
    with sqlite3.connect(built["store"].path) as conn:
        communes = {r[0] for r in conn.execute("SELECT DISTINCT cle FROM projets_liens WHERE type_objet = 'commune' "
                                               "AND cle IN (SELECT insee_com FROM communes)")}
    zones = [f["cle"] for f in atlas.layers["usages_zones"].getFeatures() if f["type_objet"] == "commune"]
    assert len(zones) == len(communes) and set(zones) == communes


def test_departmental_usages_hold_only_their_department(built, atlas):
    links, existing = linked(built["store"].path)
    with sqlite3.connect(built["store"].path) as conn:
        epci_deps = {}
        for siren, dep in conn.execute("SELECT siren_epci, insee_dep FROM communes"):
            epci_deps.setdefault(str(siren), set()).add(dep)
    for dep in ("58", "21"):
        atlas._filter([dep])
        drawn = {(f["type_objet"], f["cle"]) for name in ("usages_zones", "usages_points")
                 for f in atlas.layers[name].getFeatures()}
        communes = {("commune", c) for k, c in zip(links["type_objet"], links["cle"])
                    if k == "commune" and c in existing["commune"] and departement_of(c) == dep}
        assert {d for d in drawn if d[0] == "commune"} == communes
        assert all(departement_of(c) == dep for k, c in drawn if k in ("commune", "centre_bourg"))
        assert (("site", built["site"]) in drawn) is (dep == "58")
        outlines = {(f["type_objet"], f["cle"]) for f in atlas.layers["usages_perimetres"].getFeatures()}
        assert {c for k, c in outlines if k == "departement"} <= {dep}
        assert all(dep in epci_deps[c] for k, c in outlines if k == "epci")
    atlas._filter(None)


def test_calendar_pages_no_text_under_7_pt_and_every_project(built):
    path = built["out"] / f"atlas_scoran_{MILLESIME}.pdf"
    texts = pages(path)
    region = [number for number, text in enumerate(texts, 1) if text.startswith(TITLES["calendrier"])
              and "— Bourgogne-Franche-Comté" in text.split(" millésime")[0]]
    with sqlite3.connect(built["store"].path) as conn:
        projects = {r[0] for r in conn.execute("SELECT projet_id FROM projets")}
        phases = {r[0] for r in conn.execute("SELECT phase_id FROM rip_phases")}
    assert len(region) == math.ceil((len(projects) + len(phases)) / 24)
    seen = []
    for number in region:
        found = words(path, number)
        footer = [h for h, y, text in found if y > 560]  # the 7 pt footer line of every page
        assert footer and max(footer) - min(footer) < 0.01
        assert min(h for h, _, _ in found) >= min(footer) - 0.01  # nothing smaller than the 7 pt footer
        ids = [text for _, _, text in found if re.fullmatch(r"PRJ-\d{3}", text)]
        ids += [text for _, _, text in found if text in phases]
        assert len(ids) <= 24
        seen += ids
    assert sorted(seen) == sorted(projects | phases)  # none left out, none twice
    print(f"calendrier de la région : {len(region)} pages, {len(seen)} barres")


def test_quand_legend_categories_from_a_golden_file(tmp_path):
    """Hand-made communes: each semester code falls in the class written here."""
    from osgeo import ogr, osr
    from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils, QgsVectorLayer

    from scoran_qgis.layers import apply_style

    path = tmp_path / "resorption_communes.gpkg"
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    crs = osr.SpatialReference()
    crs.ImportFromEPSG(2154)
    layer = source.CreateLayer("resorption_communes", crs, ogr.wkbMultiPolygon)
    for name, kind in (("insee_com", ogr.OFTString), ("semestre_resorption", ogr.OFTString),
                       ("nb_sous_seuil", ogr.OFTInteger), ("nb_sans_haut_debit", ogr.OFTInteger)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    golden = [("58001", "2015-S2", 3, 0, "2016"), ("58002", "2017-S1", 5, 1, "2017"),
              ("58003", "2022-S2", 2, 2, "2022"), ("58004", "2023-S1", 4, 0, "apres_2022"),
              ("58005", "non_planifie", 7, 3, "non_planifie"),
              ("58006", "rien_a_resorber", 0, 0, "rien"), ("58007", "2019-S2", 1, 0, "2019")]
    for number, (insee, semester, below, inel, _) in enumerate(golden):
        feature = ogr.Feature(layer.GetLayerDefn())
        for field, value in (("insee_com", insee), ("semestre_resorption", semester), ("nb_sous_seuil", below),
                             ("nb_sans_haut_debit", inel)):
            feature.SetField(field, value)
        x = 700000 + 1000 * number
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            f"MULTIPOLYGON ((({x} 6600000, {x + 900} 6600000, {x + 900} 6600900, {x} 6600900, {x} 6600000)))"))
        layer.CreateFeature(feature)
    source = None
    styled = QgsVectorLayer(str(path), "r", "ogr")
    assert apply_style(styled, "resorption_communes")
    renderer = styled.renderer()
    labels = {c.value(): c.label() for c in renderer.categories()}
    assert list(labels) == ["2016", "2017", "2018", "2019", "2020", "2021", "2022", "apres_2022", "non_planifie",
                            "rien"]
    assert labels["2016"] == "2016 ou avant" and labels["non_planifie"] == "Non planifié"
    expression = QgsExpression(renderer.classAttribute())
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(styled))
    classes = {}
    for feature in styled.getFeatures():
        context.setFeature(feature)
        classes[feature["insee_com"]] = expression.evaluate(context)
    assert classes == {insee: expected for insee, _, _, _, expected in golden}


def test_quand_page_legend_and_figures(built):
    path = built["out"] / f"atlas_{DEP}_{MILLESIME}.pdf"
    text = next(t for t in pages(path) if t.startswith(TITLES["quand"]))
    for label in ("2016 ou avant", "2017", "2022", "Après 2022", "Non planifié", "Rien à résorber", "Par commune",
                  "Par carreau de 200 m", "Écoles, santé, services publics sans date THD"):
        assert label in text
    communes = pd.read_csv(built["analyses"] / "resorption_departements.csv", dtype=str) \
        if (built["analyses"] / "resorption_departements.csv").exists() else None
    from scoran_qgis.core.store import read_layer_table

    table = read_layer_table(built["analyses"] / "resorption_communes.gpkg")
    mine = table[table["insee_dep"].astype(str) == DEP]
    number = lambda v: f"{int(v):,}".replace(",", " ")  # noqa: E731
    assert f"Encore sous le seuil fin 2022 : {number(mine['reste_fin_2022_sous_seuil'].sum())} locaux" in text
    unplanned = (~mine["semestre_resorption"].astype(str).str.match(r"^\d{4}-S[12]$")
                 & (mine["nb_sous_seuil"] > 0)).sum()
    assert f"Communes sans date (non planifiées) : {unplanned}" in text
    assert communes is None or len(communes)


def test_sites_without_a_date_listed_for_the_department(built, atlas):
    dates = pd.read_csv(built["analyses"] / "sites_dates_thd.csv", dtype=str, keep_default_na=False)
    from scoran_qgis.core.store import read_layer_table

    sites = read_layer_table(built["analyses"] / "sites_prioritaires.gpkg")[["site_id", "categorie", "insee_com"]]
    table = sites.merge(dates[["site_id", "semestre_thd"]], on="site_id")
    table = table[table["categorie"].isin(["ecoles", "colleges_lycees", "enseignement_superieur", "sante",
                                           "services_publics"]) & table["insee_com"].str.startswith(DEP)]
    undated = table[~table["semestre_thd"].str.match(r"^\d{4}-S[12]$")
                    & ~table["semestre_thd"].isin(["deja_thd", "sans_local_proche"])]
    texts = [t for t in pages(built["out"] / f"atlas_{DEP}_{MILLESIME}.pdf") if t.startswith(TITLES["sites"])]
    assert len(texts) == max(1, math.ceil(len(undated) / 30))
    listed = sum(len(re.findall(r"\((\d{5})\)", t)) for t in texts)
    assert listed == len(undated)
    print(f"sites sans date du {DEP} : {len(undated)} sur {len(table)}")
    assert all(code.startswith(DEP) for t in texts for code in re.findall(r"\((\d{5})\)", t))
    atlas._filter([DEP])  # the same sites as stars on the « quand » page's cells map
    assert sorted(f["site_id"] for f in atlas.layers["sites_sans_date"].getFeatures()) == sorted(undated["site_id"])
    atlas._filter(None)


def test_quand_page_says_when_the_analysis_is_absent(built, tmp_path):
    from scoran_qgis.export.atlas import export_atlas

    older = tmp_path / "analyses"
    older.mkdir()
    for path in built["analyses"].iterdir():
        if not path.name.startswith(("resorption_", "sites_dates_thd")):
            (older / path.name).symlink_to(path)
    result = export_atlas(built["store"], older, tmp_path / "out", MILLESIME, ["90"])
    texts = pages(result["atlas"])
    quand = next(t for t in texts if t.startswith(TITLES["quand"]))
    assert "Analyse absente" in quand
    assert not any(t.startswith(TITLES["sites"]) for t in texts)


def test_changes_grouped_by_register_and_restricted(built, tmp_path, monkeypatch):
    from scoran_qgis.core import semesters
    from scoran_qgis.export.atlas import export_atlas

    changes = pd.DataFrame([
        ("thd", "locaux_thd_gagnes", "58", "10", "25", "15 locaux passés au THD dans le 58"),
        ("thd", "locaux_thd_gagnes", "21", "10", "12", "2 locaux passés au THD dans le 21"),
        ("centres_bourgs", "statut", "58194", "zone_blanche_2g", "couvert", "Centre-bourg 58194 couvert"),
        ("centres_bourgs", "statut", "21054", "zone_blanche_2g", "couvert", "Centre-bourg 21054 couvert"),
        *[("couts", "cout", "58", str(i), str(i + 1), f"Coût du poste {i} du 58 modifié") for i in range(40)],
    ], columns=["registre", "type", "objet", "precedent", "actuel", "detail"])
    monkeypatch.setattr(semesters, "register_changes", lambda store, millesime, *a, **k: changes)
    result = export_atlas(built["store"], built["analyses"], tmp_path / "out", MILLESIME, [DEP])
    for path in (result["atlas"], result["departements"][DEP]):
        texts = [t for t in pages(path) if t.startswith("Évolutions depuis le millésime précédent")]
        assert len(texts) == 2  # 2 + 1 + 40 lines and 3 headers: two pages of 30 lines
        whole = " ".join(texts)
        labels = semesters.REGISTER_LABELS
        for code, count in (("thd", 1), ("centres_bourgs", 1), ("couts", 40)):
            assert f"{labels[code]} ({count})" in whole
        assert "Nièvre (58) : 15 locaux passés au THD dans le 58" in whole and "dans le 21" not in whole
        assert "58194" in whole and "21054" not in whole
        assert whole.index(labels["thd"]) < whole.index(labels["centres_bourgs"]) < whole.index(labels["couts"])
    assert Path(result["atlas"]).exists()
