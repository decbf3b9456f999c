"""The XLSX workbooks of the SCORAN deliverables, one per deliverable, from the analysis outputs.

Each has a « Lisez-moi » sheet (definitions, sources, semester, parameters), French headers,
INSEE codes as text, euros and percentages formatted, frozen header rows, filters; the THD
trajectory has a line chart.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from ..core import register
from ..core.calendar import AMII, PHASE, initiative_rows
from ..core.codes import departement_of
from ..core.i18n import tr
from ..core.store import read_layer_table
from .spreadsheet import save_workbook, write_sheet

EURO, PCT, INT = '#,##0 "€"', '0.00" %"', "#,##0"
SOURCES = tr("Sources : ARCEP (Ma connexion internet, Mon réseau mobile), INSEE (BPE, recensement), IGN ADMIN "
             "EXPRESS, SIRENE, référentiel SCORAN de la région (RIP, AMII, centres-bourgs, projets d'usages).")


def read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype={"code": str, "insee_com": str, "code_dep": str, "insee_dep": str,
                                    "objet": str}, keep_default_na=True)


def workbook(path: Path, title: str, millesime: str, definitions: list[str], sheets: list, chart=None) -> Path:
    """Write one deliverable: Lisez-moi + `sheets` [(name, frame, {column: header}, {column: format})]."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    readme = book.active
    readme.title = tr("Lisez-moi")
    for line in [title, tr("Millésime : {0}").format(millesime),
                 tr("Produit le {0} par l'extension QGIS SCORAN 2.0").format(date.today().strftime("%d/%m/%Y")),
                 "", *definitions, "", SOURCES]:
        readme.append([line])
    readme["A1"].font = Font(bold=True, size=14)
    readme.column_dimensions["A"].width = 120
    for name, frame, headers, formats in sheets:
        sheet = book.create_sheet(name)
        columns = [c for c in headers if c in frame.columns]
        rows = frame[columns].astype(object).where(frame[columns].notna(), None).values.tolist()
        rows = [[v.item() if hasattr(v, "item") else v for v in row] for row in rows]
        write_sheet(sheet, [headers[c] for c in columns], rows,
                    {i: formats[c] for i, c in enumerate(columns) if c in formats})
    if chart is not None:
        chart(book)
    return save_workbook(book, path)


def write_all(analyses: Path, store, out: Path, millesime: str, departments: list | None = None,
              feedback=None) -> list[Path]:
    """Every deliverable workbook into `out`; `departments` restricts the rows (None: whole region)."""
    out.mkdir(parents=True, exist_ok=True)
    def keep(frame, column):
        return frame if not departments else frame[frame[column].astype(str).isin(departments)]

    written = []

    def add(path):
        written.append(path)
        if feedback is not None:
            feedback.pushInfo(tr("Classeur écrit : {0}").format(path.name))

    phasing = read_csv(analyses / "phasage.csv")
    add(workbook(out / "phasage_2015_2017.xlsx", tr("Phasage des projets RIP sur la période triennale 2015–2017"),
                 millesime, [tr("Locaux rendus raccordables au THD et coût, par projet, phase et année ; une phase "
                                "est répartie également sur ses semestres.")],
                 [(tr("Phasage"), phasing, {"rip_id": tr("Projet RIP"), "phase_id": tr("Phase"),
                                            "technologie": tr("Technologie"), "annee": tr("Année"),
                                            "locaux": tr("Locaux"), "cout": tr("Coût (€)")},
                   {"locaux": INT, "cout": EURO})]))

    communes = keep(read_layer_table(analyses / "zones_blanches_communes.gpkg"), "insee_dep")
    inventory = read_csv(analyses / "inventaire_zones_blanches.csv")
    count_headers = {"nb_locaux": tr("Locaux"), "nb_inel": tr("Inéligibles"), "nb_sous_seuil": tr("Sous 3 Mbit/s"),
                     "pct_sous_seuil": tr("% sous 3 Mbit/s"), "nb_bhd": tr("≥ 8 Mbit/s"),
                     "nb_thd": tr("≥ 30 Mbit/s"), "zone_blanche": tr("Zone blanche")}
    add(workbook(out / "inventaire_zones_blanches.xlsx", tr("Inventaire des zones blanches du haut débit"), millesime,
                 [tr("Locaux (logements et locaux professionnels) par classe de débit descendant, technologies "
                     "filaires."),
                  tr("Zone blanche : au moins 50 % des locaux sous le haut débit de qualité (3 Mbit/s).")],
                 [(tr("Communes"),
                   communes.assign(zone_blanche=communes["zone_blanche"].map({1: tr("oui"), 0: tr("non")})),
                   {"insee_com": tr("Code INSEE"), "nom": tr("Commune"), "insee_dep": tr("Département"),
                    **count_headers}, {"pct_sous_seuil": PCT}),
                  (tr("Départements"), inventory, {"code": tr("Département"), "nb_locaux": tr("Locaux"),
                                                   "nb_sous_seuil": tr("Sous 3 Mbit/s"),
                                                   "pct_sous_seuil": tr("% sous 3 Mbit/s"),
                                                   "nb_zones_blanches": tr("Communes en zone blanche"),
                                                   "carreaux_blancs": tr("Carreaux 200 m blancs"),
                                                   "locaux_carreaux_blancs": tr("Locaux en carreaux blancs")},
                   {"pct_sous_seuil": PCT})]))

    sites = keep(read_layer_table(analyses / "sites_prioritaires.gpkg").assign(
        code_dep=lambda f: f["insee_com"].fillna("").astype(str).map(departement_of)), "code_dep")
    add(workbook(out / "sites_prioritaires.xlsx",
                 tr("Sites prioritaires (écoles, santé, services publics, entreprises)"), millesime,
                 [tr("Classe de débit du local le plus proche à moins de 100 m ; NULL : aucun local.")],
                 [(tr("Sites"), sites, {"site_id": tr("Identifiant"), "categorie": tr("Catégorie"),
                                        "libelle": tr("Type d'équipement"), "insee_com": tr("Code INSEE"),
                                        "classe": tr("Classe de débit"), "distance_m": tr("Distance (m)"),
                                        "sans_haut_debit": tr("Sans haut débit"), "sous_seuil": tr("Sous 3 Mbit/s")},
                   {}),
                  (tr("Synthèse"), read_csv(analyses / "sites_prioritaires.csv"),
                   {"niveau": tr("Niveau"), "code": tr("Code"), "categorie": tr("Catégorie"), "nb_sites": tr("Sites"),
                    "nb_sans_haut_debit": tr("Sans haut débit"), "nb_sous_seuil": tr("Sous 3 Mbit/s"),
                    "nb_sans_local_proche": tr("Sans local proche")}, {})]))

    phases = store.rip_phases()
    amii = store.amii_conventions()
    amii["convention_signee"] = amii["convention_signee"].map({1: tr("signée"), 0: tr("non signée")})
    amii["date_convention"] = pd.to_datetime(amii["date_convention"], errors="coerce").dt.date
    add(workbook(out / "avancement_projets_conventions.xlsx", tr("État d'avancement des projets et des conventions"),
                 millesime, [tr("Phases des RIP (statut prévu, en cours, réalisé, abandonné) et conventions AMII.")],
                 [(tr("Phases RIP"), phases, {"rip_id": tr("Projet RIP"), "phase_id": tr("Phase"), "nom": tr("Nom"),
                                              "technologie": tr("Technologie"), "semestre_debut": tr("Début"),
                                              "semestre_fin": tr("Fin"), "locaux_prevus": tr("Locaux prévus"),
                                              "statut": tr("Statut")}, {"locaux_prevus": INT}),
                  (tr("Conventions AMII"), amii, {"insee_com": tr("Code INSEE"), "nom": tr("Commune"),
                                                  "operateurs": tr("Opérateurs"), "convention_signee": tr("Convention"),
                                                  "date_convention": tr("Date de signature"),
                                                  "annee_fin_prevue": tr("Fin prévue"), "locaux_total": tr("Locaux"),
                                                  "locaux_raccordables": tr("Locaux raccordables")}, {}),
                  (tr("Contrôles"), read_csv(analyses / "controles_projets.csv"),
                   {"type": tr("Contrôle"), "objet": tr("Objet"), "detail": tr("Détail")}, {})]))

    trajectory = read_csv(analyses / "trajectoire_thd.csv")
    add(workbook(out / "trajectoire_thd.xlsx", tr("Trajectoire vers le très haut débit pour tous en 2022"), millesime,
                 [tr("Locaux éligibles au THD (≥ 30 Mbit/s) déjà, puis selon les calendriers AMII et RIP ; jalons "
                     "nationaux : 50 % fin 2017, 100 % fin 2022.")],
                 [(tr("Trajectoire"), trajectory, {"niveau": tr("Niveau"), "code": tr("Code"),
                                                   "semestre": tr("Semestre"), "nb_locaux": tr("Locaux"),
                                                   "locaux_thd": tr("Locaux THD"), "pct_thd": tr("% THD"),
                                                   "cible_pct": tr("Objectif %"), "ecart_pct": tr("Écart (points)")},
                   {"pct_thd": PCT, "nb_locaux": INT, "locaux_thd": INT})],
                 chart=lambda book: _trajectory_chart(book, trajectory)))

    needs = read_csv(analyses / "besoins_financiers.csv")
    add(workbook(out / "besoins_financiers_fixe.xlsx", tr("Estimation des coûts et besoins financiers (fixe)"),
                 millesime, [tr("Part de l'État = min(taux × coût, plafond × locaux) selon le département ; reste "
                                "réparti entre Région, Département, EPCI et FEDER.")],
                 [(tr("Besoins"), needs, {"niveau": tr("Niveau"), "code": tr("Code"), "rip_id": tr("Projet RIP"),
                                          "technologie": tr("Technologie"), "semestre": tr("Semestre"),
                                          "code_dep": tr("Département"), "locaux": tr("Locaux"),
                                          "cout_total": tr("Coût (€)"), "part_etat": tr("État (€)"),
                                          "plafond_atteint": tr("Plafond atteint"),
                                          "reste_collectivites": tr("Collectivités (€)"),
                                          "part_region": tr("Région (€)"),
                                          "part_departement": tr("Département (€)"), "part_epci": tr("EPCI (€)"),
                                          "part_feder": tr("FEDER (€)")},
                   {k: EURO for k in ("cout_total", "part_etat", "reste_collectivites", "part_region",
                                      "part_departement", "part_epci", "part_feder")})]))

    centres = read_layer_table(analyses / "centres_bourgs.gpkg")
    add(workbook(out / "zones_blanches_mobiles.xlsx", tr("Zones blanches mobiles des centres-bourgs et estimatif"),
                 millesime, [tr("Couverture jugée autour de la mairie (500 m), niveau « bonne couverture » ou mieux.")],
                 [(tr("Centres-bourgs"), centres, {"insee_com": tr("Code INSEE"), "nom": tr("Commune"),
                                                   "liste": tr("Arrêté"), "statut": tr("Statut"),
                                                   "nb_operateurs_2g": tr("Opérateurs 2G"),
                                                   "nb_operateurs_3g": tr("Opérateurs 3G"), "nb_sites": tr("Sites"),
                                                   "cout_estime": tr("Coût (€)"),
                                                   "subvention_etat": tr("Subvention État (€)"),
                                                   "statut_site": tr("État du site")},
                   {"cout_estime": EURO, "subvention_etat": EURO}),
                  (tr("Estimatif"), read_csv(analyses / "estimatif_mobile.csv"),
                   {"niveau": tr("Niveau"), "code": tr("Code"), "nb_centres": tr("Centres-bourgs"),
                    "zone_blanche_2g": tr("Zones blanches 2G"), "zone_blanche_3g": tr("Zones blanches 3G"),
                    "nb_sites": tr("Sites"), "cout_estime": tr("Coût (€)"), "subvention_etat": tr("État (€)"),
                    "reste_collectivites": tr("Collectivités (€)")},
                   {"cout_estime": EURO, "subvention_etat": EURO, "reste_collectivites": EURO}),
                  (tr("Demande 4G"), read_csv(analyses / "demande_4g.csv"),
                   {"insee_com": tr("Code INSEE"), "nb_points_sans_4g": tr("Points sans 4G"),
                    "distance_min_m": tr("Distance min (m)"), "distance_mediane_m": tr("Distance médiane (m)")}, {})]))

    tables = register.read_tables(store)
    projects = tables["projets"].assign(
        domaine=lambda f: f["domaine"].map(register.DOMAIN_LABELS), statut=lambda f: f["statut"].map(
            register.STATUS_LABELS))
    project_headers = {"projet_id": tr("Identifiant"), "titre": tr("Titre"), "domaine": tr("Domaine"),
                       "porteur": tr("Porteur"), "statut": tr("Statut"), "budget": tr("Budget (€)"),
                       "appel_projets_pia": tr("Appel à projets PIA"), "departements": tr("Départements")}
    add(workbook(out / "projets_usages.xlsx", tr("Projets de services et usages par priorité"), millesime,
                 [tr("Priorités nationales, régionales et initiatives « territoires innovants ».")],
                 [(register.LEVEL_LABELS[level][:31], projects[tables["projets"]["niveau"] == level], project_headers,
                   {"budget": EURO}) for level in ("national", "regional", "territoire_innovant")]))

    calendar = _calendar_rows(store)
    add(workbook(out / "calendrier_initiatives.xlsx", tr("Calendrier des initiatives (infrastructures et usages)"),
                 millesime, [tr("Projets d'usages et leurs jalons, phases des RIP, calendriers AMII.")],
                 [(tr("Calendrier"), calendar, {"type": tr("Type"), "objet": tr("Objet"), "libelle": tr("Libellé"),
                                                "debut": tr("Début"), "fin": tr("Fin"), "statut": tr("Statut")}, {})]))

    indicators = _indicators(inventory, trajectory, centres, tables, needs)
    changes = read_csv(analyses / "evolutions.csv") if (analyses / "evolutions.csv").exists() else pd.DataFrame()
    add(workbook(out / "indicateurs_suivi.xlsx", tr("Indicateurs de suivi de la SCORAN"), millesime,
                 [tr("Indicateurs régionaux du semestre ; « Évolutions » : ce qui a changé depuis le millésime "
                     "précédent (locaux passés au THD, phases retardées, conventions signées).")],
                 [(tr("Indicateurs"), indicators, {"indicateur": tr("Indicateur"), "valeur": tr("Valeur")}, {}),
                  (tr("Évolutions"), changes, {"type": tr("Type"), "objet": tr("Objet"), "precedent": tr("Avant"),
                                               "actuel": tr("Maintenant"), "detail": tr("Détail")}, {})]))
    return written


def _calendar_rows(store) -> pd.DataFrame:
    """The initiatives calendar as a table: projects, then their milestones, RIP phases, AMII calendars."""
    initiatives = initiative_rows(store)
    projects = [row for row in initiatives if row["kind"] not in (PHASE, AMII)]
    rows = [{"type": tr("Projet d'usages"), "objet": p["key"], "libelle": p["title"], "debut": p["start"],
             "fin": p["end"], "statut": register.STATUS_LABELS.get(p["status"])} for p in projects]
    rows += [{"type": tr("Jalon"), "objet": j["projet_id"], "libelle": j["libelle"],
              "debut": j["date_jalon"] or j["semestre"], "fin": None, "statut": j["statut"]}
             for p in projects for j in p["milestones"]]
    rows += [{"type": tr("Phase RIP"), "objet": p["key"], "libelle": p["title"], "debut": p["start"],
              "fin": p["end"], "statut": p["status"]} for p in initiatives if p["kind"] == PHASE]
    rows += [{"type": tr("AMII"), "objet": a["operators"], "libelle": a["title"], "debut": str(a["first_year"]),
              "fin": str(a["last_year"]), "statut": None} for a in initiatives if a["kind"] == AMII]
    return pd.DataFrame(rows)


def _indicators(inventory, trajectory, centres, tables, needs) -> pd.DataFrame:
    total = inventory[inventory["niveau"] != "département"].iloc[0]
    region = trajectory[trajectory["niveau"] != "département"]
    first, last = region.iloc[0], region.iloc[-1]
    target = region[region["semestre"] == "2017-S2"]
    money = needs[needs["niveau"] == "territoire"].iloc[0]
    rows = [
        (tr("Locaux"), int(total["nb_locaux"])),
        (tr("Locaux sous 3 Mbit/s"), int(total["nb_sous_seuil"])),
        (tr("% de locaux sous 3 Mbit/s"), float(total["pct_sous_seuil"])),
        (tr("Communes en zone blanche du haut débit"), int(total["nb_zones_blanches"])),
        (tr("% de locaux THD — {0}").format(first["semestre"]), float(first["pct_thd"])),
        (tr("% de locaux THD prévu fin 2017 (objectif 50 %)"),
         float(target["pct_thd"].iat[0]) if len(target) else None),
        (tr("% de locaux THD prévu {0} (objectif 100 %)").format(last["semestre"]), float(last["pct_thd"])),
        (tr("Coût des phases RIP restant (€)"), float(money["cout_total"])),
        (tr("Part de l'État (€)"), float(money["part_etat"])),
        (tr("Centres-bourgs en zone blanche 2G"), int((centres["statut"] == "zone_blanche_2g").sum())),
        (tr("Centres-bourgs en zone blanche 3G"), int((centres["statut"] == "zone_blanche_3g").sum())),
        (tr("Projets d'usages"), len(tables["projets"])),
        (tr("Projets d'usages en cours ou réalisés"),
         int(tables["projets"]["statut"].isin(["en_cours", "realise"]).sum())),
    ]
    return pd.DataFrame(rows, columns=["indicateur", "valeur"])


def _trajectory_chart(book, trajectory) -> None:
    from openpyxl.chart import LineChart, Reference

    region = trajectory[trajectory["niveau"] != "département"].reset_index(drop=True)
    sheet = book.create_sheet(tr("Graphique"))
    sheet.append([tr("Semestre"), tr("% THD"), tr("Objectif %")])
    for row in region.itertuples():
        sheet.append([row.semestre, float(row.pct_thd), None if pd.isna(row.cible_pct) else float(row.cible_pct)])
    chart = LineChart()
    chart.title = tr("Trajectoire THD de la région")
    chart.y_axis.title = tr("% des locaux")
    chart.x_axis.title = tr("Semestre")
    chart.add_data(Reference(sheet, min_col=2, min_row=1, max_col=3, max_row=len(region) + 1), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=len(region) + 1))
    chart.width, chart.height = 24, 12
    sheet.add_chart(chart, "E2")
