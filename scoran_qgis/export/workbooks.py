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
from ..core.i18n import tr
from ..core.store import read_layer_table
from . import clearing_sheets as clearing
from . import national_indicators
from .parameters import read_parameters, speed_label
from .scope import Scope
from .spreadsheet import save_workbook, text_cell, write_sheet

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
    for row, line in enumerate([title, tr("Millésime : {0}").format(millesime),
                                tr("Produit le {0} par l'extension QGIS SCORAN 2.0").format(
                                    date.today().strftime("%d/%m/%Y")), "", *definitions, "", SOURCES], start=1):
        text_cell(readme.cell(row=row, column=1), str(line))  # theme labels, names: text, never formulas
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


def _yes_no(series: pd.Series) -> pd.Series:
    return series.map(lambda v: None if v is None or v != v else (tr("oui") if bool(v) else tr("non")))


def _readme_scope(scope: Scope) -> str:
    if scope.whole:
        return tr("Territoire : {0} (toute la région)").format(scope.label())
    return tr("Territoire : {0} — seules les lignes, les totaux et les parts de ce territoire figurent dans ce "
              "classeur ; un projet qui s'étend sur d'autres départements y est marqué « partagé avec … ».").format(
        scope.label())


def write_all(analyses: Path, store, out: Path, millesime: str, departments: list | None = None,
              feedback=None) -> list[Path]:
    """Every deliverable workbook into `out`; `departments` restricts rows, totals and shares (None: region)."""
    out.mkdir(parents=True, exist_ok=True)
    scope = Scope(store, departments, analyses)
    territory = _readme_scope(scope)
    written = []

    def add(path):
        written.append(path)
        if feedback is not None:
            feedback.pushInfo(tr("Classeur écrit : {0}").format(path.name))

    def book(path, title, definitions, sheets, chart=None):
        return workbook(path, title, millesime, [territory, *definitions], sheets, chart)

    phases = store.rip_phases()
    phasing = _phasing(read_csv(analyses / "phasage.csv"), scope)
    add(book(out / "phasage_2015_2017.xlsx", tr("Phasage des projets RIP sur la période triennale 2015–2017"),
             [tr("Locaux rendus raccordables au THD et coût, par projet, phase et année ; une phase est répartie "
                 "également sur ses semestres."),
              tr("Dans un livrable départemental, une phase qui s'étend sur plusieurs départements compte pour la "
                 "part de ses locaux située dans le département (couverture THD) ; à défaut elle est marquée "
                 "« partagé avec … ».")],
             [(tr("Phasage"), phasing, {"rip_id": tr("Projet RIP"), "phase_id": tr("Phase"),
                                        "technologie": tr("Technologie"), "departements": tr("Département"),
                                        "code_dep": tr("Département"), "annee": tr("Année"),
                                        "locaux": tr("Locaux"), "raccordables": tr("Locaux raccordables (FTTH)"),
                                        "cout": tr("Coût (€)"), "cout_estime": tr("Coût estimé (€)"),
                                        "source_cout": tr("Source du coût"), "part_etat": tr("État (€)"),
                                        "reste_collectivites": tr("Collectivités (€)"), "partage": tr("Partage")},
               {"locaux": INT, "raccordables": INT, "cout": EURO, "cout_estime": EURO, "part_etat": EURO,
                "reste_collectivites": EURO})]))

    communes_table = read_layer_table(analyses / "zones_blanches_communes.gpkg")
    inventory_all = read_csv(analyses / "inventaire_zones_blanches.csv")
    params = read_parameters(communes_table, inventory_all)
    communes = scope.communes(scope.by_department(communes_table, "insee_dep"))
    inventory = _inventory(inventory_all, scope)
    below = params.below
    count_headers = {"nb_locaux": tr("Locaux"), "nb_inel": tr("Inéligibles"), "pct_inel": tr("% inéligibles"),
                     "zb_haut_debit": tr("Zone blanche du haut débit (inéligibles ≥ {0})").format(params.share_text),
                     "nb_sous_seuil": below, "pct_sous_seuil": tr("% sous {0}").format(params.speed),
                     "nb_bhd": tr("≥ {0}").format(speed_label("BHD8")), "nb_thd": tr("≥ {0}").format(
                         speed_label("THD30")),
                     "zone_blanche": tr("Sans haut débit de qualité (sous {0} ≥ {1})").format(params.speed,
                                                                                          params.share_text)}
    flags = {c: _yes_no(communes[c]) for c in ("zone_blanche", "zb_haut_debit") if c in communes}
    clearing_lines, clearing_sheets = clearing.inventory_sheets(analyses, scope)
    add(book(out / "inventaire_zones_blanches.xlsx", tr("Inventaire des zones blanches du haut débit"),
             [tr("Locaux (logements et locaux professionnels) par classe de débit descendant, technologies filaires."),
              *params.definitions(), *clearing_lines],
             [(tr("Communes"), communes.assign(**flags),
               {"insee_com": tr("Code INSEE"), "nom": tr("Commune"), "insee_dep": tr("Département"),
                **count_headers}, {"pct_sous_seuil": PCT, "pct_inel": PCT}),
              (tr("Départements"), inventory, {
                  "code": tr("Département"), "nb_locaux": tr("Locaux"), "nb_inel": tr("Inéligibles"),
                  "pct_inel": tr("% inéligibles"),
                  "nb_zb_haut_debit": tr("Communes en zone blanche du haut débit"),
                  "locaux_zb_haut_debit": tr("Locaux des communes en zone blanche du haut débit"),
                  "carreaux_inel": tr("Carreaux 200 m sans haut débit"),
                  "locaux_carreaux_inel": tr("Locaux en carreaux sans haut débit"),
                  "nb_sous_seuil": below, "pct_sous_seuil": tr("% sous {0}").format(params.speed),
                  "nb_zones_blanches": tr("Communes sans haut débit de qualité (< {0})").format(params.speed),
                  "locaux_zones_blanches": tr("Locaux des communes sans haut débit de qualité"),
                  "carreaux_blancs": tr("Carreaux 200 m sous {0}").format(params.speed),
                  "locaux_carreaux_blancs": tr("Locaux en carreaux sous {0}").format(params.speed)},
               {"pct_sous_seuil": PCT, "pct_inel": PCT}), *clearing_sheets]))

    sites = scope.communes(read_layer_table(analyses / "sites_prioritaires.gpkg"))
    sites, dates_lines, dates_sheets = clearing.site_columns(analyses, sites)
    site_summary = scope.levels(read_csv(analyses / "sites_prioritaires.csv"),
                                ["nb_sites", "nb_sans_haut_debit", "nb_sous_seuil", "nb_sans_local_proche"],
                                keys=["categorie"])
    add(book(out / "sites_prioritaires.xlsx", tr("Sites prioritaires (écoles, santé, services publics, entreprises)"),
             [tr("Classe de débit du local le plus proche à moins de 100 m ; NULL : aucun local."),
              tr("Sous le seuil : classe du local le plus proche sous {0} (seuil {1}).").format(params.speed,
                                                                                             params.threshold)
              + params.suffix(), *dates_lines],
             [(tr("Sites"), sites, {"site_id": tr("Identifiant"), "categorie": tr("Catégorie"),
                                    "libelle": tr("Type d'équipement"), "insee_com": tr("Code INSEE"),
                                    "classe": tr("Classe de débit"), "distance_m": tr("Distance (m)"),
                                    "sans_haut_debit": tr("Sans haut débit"), "sous_seuil": below,
                                    "semestre_thd": tr("Semestre THD prévu")}, {}),
              (tr("Synthèse"), site_summary,
               {"niveau": tr("Niveau"), "code": tr("Code"), "categorie": tr("Catégorie"), "nb_sites": tr("Sites"),
                "nb_sans_haut_debit": tr("Sans haut débit"), "nb_sous_seuil": below,
                "nb_sans_local_proche": tr("Sans local proche")}, {}), *dates_sheets]))

    scoped_phases = scope.rip_phases(phases, scaled=("locaux_prevus",))
    amii = scope.communes(store.amii_conventions())
    amii["convention_signee"] = amii["convention_signee"].map({1: tr("signée"), 0: tr("non signée")})
    amii["date_convention"] = pd.to_datetime(amii["date_convention"], errors="coerce").dt.date
    projects_all = register.read_tables(store)["projets"]
    checks = read_csv(analyses / "controles_projets.csv")
    if not scope.whole and len(checks):
        checks = checks[[scope.object_in_scope(o, projects_all, phases) and scope.text_in_scope(d)
                         for o, d in zip(checks["objet"], checks["detail"])]]
    add(book(out / "avancement_projets_conventions.xlsx", tr("État d'avancement des projets et des conventions"),
             [tr("Phases des RIP (statut prévu, en cours, réalisé, abandonné) et conventions AMII.")],
             [(tr("Phases RIP"), scoped_phases, {"rip_id": tr("Projet RIP"), "phase_id": tr("Phase"), "nom": tr("Nom"),
                                                 "technologie": tr("Technologie"),
                                                 "departements": tr("Département"),
                                                 "semestre_debut": tr("Début"), "semestre_fin": tr("Fin"),
                                                 "locaux_prevus": tr("Locaux prévus"), "statut": tr("Statut"),
                                                 "partage": tr("Partage")}, {"locaux_prevus": INT}),
              (tr("Conventions AMII"), amii, {"insee_com": tr("Code INSEE"), "nom": tr("Commune"),
                                              "operateurs": tr("Opérateurs"), "convention_signee": tr("Convention"),
                                              "date_convention": tr("Date de signature"),
                                              "annee_fin_prevue": tr("Fin prévue"), "locaux_total": tr("Locaux"),
                                              "locaux_raccordables": tr("Locaux raccordables")}, {}),
              (tr("Contrôles"), checks, {"type": tr("Contrôle"), "objet": tr("Objet"), "detail": tr("Détail")}, {})]))

    trajectory = _trajectory(read_csv(analyses / "trajectoire_thd.csv"), scope)
    add(book(out / "trajectoire_thd.xlsx", tr("Trajectoire vers le très haut débit pour tous en 2022"),
             [tr("Locaux éligibles au THD (≥ {0}) déjà, puis selon les calendriers AMII et RIP ; jalons nationaux : "
                 "50 % fin 2017, 100 % fin 2022.").format(speed_label("THD30"))],
             [(tr("Trajectoire"), trajectory, {"niveau": tr("Niveau"), "code": tr("Code"),
                                               "semestre": tr("Semestre"), "nb_locaux": tr("Locaux"),
                                               "locaux_thd": tr("Locaux THD"), "pct_thd": tr("% THD"),
                                               "cible_pct": tr("Objectif %"), "ecart_pct": tr("Écart (points)")},
               {"pct_thd": PCT, "nb_locaux": INT, "locaux_thd": INT})],
             chart=lambda b: _trajectory_chart(b, trajectory, scope)))

    needs = _needs(read_csv(analyses / "besoins_financiers.csv"), scope)
    remaining = _remaining(analyses, scope)
    full_cost = _full_cost(needs, remaining, scope)
    comparison, previous_costs = _cost_comparison(store, millesime, analyses, scope)
    money = {k: EURO for k in ("cout_total", "part_etat", "reste_collectivites", "part_region", "part_departement",
                               "part_epci", "part_feder", "cout_par_local")}
    figures = {"locaux": tr("Locaux"), "cout_total": tr("Coût (€)"), "part_etat": tr("État (€)"),
               "reste_collectivites": tr("Collectivités (€)")}
    before = previous_costs or tr("précédent")
    compared = {"niveau": tr("Niveau"), "code": tr("Code"), "poste": tr("Poste")}
    for column, header in figures.items():
        compared.update({f"{column}_precedent": tr("{0} — {1}").format(header, before),
                         column: tr("{0} — {1}").format(header, millesime),
                         f"{column}_ecart": tr("{0} — écart").format(header)})
    add(book(out / "besoins_financiers_fixe.xlsx", tr("Estimation des coûts et besoins financiers (fixe)"),
             [tr("Part de l'État = min(taux × coût, plafond × locaux) selon le département ; reste réparti entre "
                 "Région, Département, EPCI et FEDER."),
              tr("Dans un livrable départemental, un projet ne compte que ses phases (ou parts de phase) du "
                 "département ; les totaux sont ceux du département."),
              tr("Reste à planifier : les locaux qui ne sont dans aucun plan — ni déjà THD, ni en commune AMII ou ZTD "
                 "(initiative privée), ni dans une phase de RIP vivante : hors de tout projet (« sans projet ») ou "
                 "dans un périmètre de RIP sans phase, par exemple la zone d'une phase abandonnée que nulle phase n'a "
                 "reprise (« RIP sans phase ») — chiffrés comme l'estimation d'une phase : locaux × coût unitaire "
                 "FTTH (table couts_unitaires) de la classe de densité de leur commune (regles_par_defaut.csv) ; "
                 "part de l'État = min(taux × coût, plafond × locaux) du département, calculée sur le département."),
              tr("Hypothèse de l'extension, qu'aucun texte ne fixe : tout le reste à planifier est chiffré en FTTH, "
                 "la technologie que vise le plan France Très Haut Débit (2013 : environ 80 % des locaux en FTTH) ; "
                 "d'autres technologies (THD radio, satellite) coûteraient moins."),
              tr("Coût du 100 % en 2022 = phases des RIP (feuille « Besoins » : coût retenu de chaque phase, montée "
                 "en débit comprise) + reste à planifier ; les locaux des communes AMII et ZTD (initiative privée) et "
                 "les locaux déjà THD n'y sont pas."),
              tr("Comparaison : chaque coût et nombre de locaux, par département et pour le territoire, par poste "
                 "(phases des RIP, reste à planifier, coût du 100 %, centres-bourgs mobiles), face au millésime "
                 "précédent enregistré dans le référentiel ({0}) ; colonnes « écart » = {1} − précédent.").format(
                  previous_costs or tr("aucun : colonnes du précédent vides"), millesime),
              *([] if remaining is not None else [tr(
                  "Reste à planifier : non calculé dans ce dossier d'analyses (antérieur au reste à planifier) ; "
                  "relancez « Besoins financiers » avec sa sortie « Reste à planifier » (ou indiquez le dossier des "
                  "sources). Le coût du 100 % en 2022 n'est donc pas donné, seules les phases des RIP le sont.")])],
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
                                  "part_departement", "part_epci", "part_feder")}),
              *([] if remaining is None else [(tr("Reste à planifier"), remaining,
               {"niveau": tr("Niveau"), "code": tr("Code"), "locaux": tr("Locaux à planifier"),
                "locaux_sans_projet": tr("Sans projet"), "locaux_rip_sans_phase": tr("RIP sans phase"),
                "locaux_urbain": tr("En commune urbaine"), "locaux_periurbain": tr("En commune périurbaine"),
                "locaux_rural": tr("En commune rurale"), "technologie": tr("Technologie chiffrée"),
                "cout_par_local": tr("Coût moyen par local (€)"), "cout_total": tr("Coût (€)"),
                "taux_etat": tr("Taux de l'État"), "plafond_par_local": tr("Plafond par local (€)"),
                "part_etat": tr("État (€)"), "plafond_atteint": tr("Plafond atteint"),
                "reste_collectivites": tr("Collectivités (€)"), "part_region": tr("Région (€)"),
                "part_departement": tr("Département (€)"), "part_epci": tr("EPCI (€)"),
                "part_feder": tr("FEDER (€)")},
               {**money, "taux_etat": PCT, "plafond_par_local": EURO, "locaux": INT})]),
              (tr("Coût du 100 % en 2022"), full_cost,
               {"niveau": tr("Niveau"), "code": tr("Code"), "poste": tr("Poste"), **figures},
               {**money, "locaux": INT}),
              (tr("Comparaison"), comparison, compared,
               {**{c: INT for c in compared if c.startswith("locaux")},
                **{c: EURO for c in compared if c.startswith(("cout", "part", "reste"))}})]))

    centres = scope.communes(read_layer_table(analyses / "centres_bourgs.gpkg"))
    estimate = read_csv(analyses / "estimatif_mobile.csv")
    mobile = scope.levels(estimate, ["nb_centres", "zone_blanche_2g", "zone_blanche_3g", "partiellement_couvert",
                                     "couvert", "nb_sites", "cout_estime", "subvention_etat", "reste_collectivites",
                                     *[c for c in ("cout_estime_sites", "cout_retenu", "nb_couts_agent")
                                       if c in estimate.columns]])
    add(book(out / "zones_blanches_mobiles.xlsx", tr("Zones blanches mobiles des centres-bourgs et estimatif"),
             [tr("Couverture jugée autour de la mairie (500 m), niveau « bonne couverture » ou mieux."),
              tr("Coût retenu : le coût saisi par l'agent (centres_bourgs.cout) quand il existe, sinon l'estimation "
                 "(sites nécessaires × coût d'un site). Subvention de l'État : par site (100 000 €, 130 000 € en "
                 "commune de montagne), jamais plus que le coût retenu ; le reste aux collectivités.")],
             [(tr("Centres-bourgs"), centres, {"insee_com": tr("Code INSEE"), "nom": tr("Commune"),
                                               "liste": tr("Arrêté"), "statut": tr("Statut"),
                                               "nb_operateurs_2g": tr("Opérateurs 2G"),
                                               "nb_operateurs_3g": tr("Opérateurs 3G"), "nb_sites": tr("Sites"),
                                               "cout_estime_sites": tr("Coût estimé (sites × coût d'un site, €)"),
                                               "cout_retenu": tr("Coût retenu (€)"),
                                               "source_cout": tr("Origine du coût (agent / estimation)"),
                                               "cout_estime": tr("Coût (€)"),
                                               "subvention_etat": tr("Subvention État (€)"),
                                               "reste_collectivites": tr("Collectivités (€)"),
                                               "statut_site": tr("État du site")},
               {"cout_estime_sites": EURO, "cout_retenu": EURO, "cout_estime": EURO, "subvention_etat": EURO,
                "reste_collectivites": EURO}),
              (tr("Estimatif"), mobile,
               {"niveau": tr("Niveau"), "code": tr("Code"), "nb_centres": tr("Centres-bourgs"),
                "zone_blanche_2g": tr("Zones blanches 2G"), "zone_blanche_3g": tr("Zones blanches 3G"),
                "nb_sites": tr("Sites"), "cout_estime_sites": tr("Coût estimé (€)"),
                "cout_retenu": tr("Coût retenu (€)"), "nb_couts_agent": tr("Coûts saisis par l'agent"),
                "cout_estime": tr("Coût (€)"), "subvention_etat": tr("État (€)"),
                "reste_collectivites": tr("Collectivités (€)")},
               {"cout_estime_sites": EURO, "cout_retenu": EURO, "cout_estime": EURO, "subvention_etat": EURO,
                "reste_collectivites": EURO}),
              (tr("Demande 4G"), scope.communes(read_csv(analyses / "demande_4g.csv")),
               {"insee_com": tr("Code INSEE"), "nb_points_sans_4g": tr("Points sans 4G"),
                "distance_min_m": tr("Distance min (m)"), "distance_mediane_m": tr("Distance médiane (m)")}, {})]))

    projects = usage_projects(store, scope)
    add(book(out / "projets_usages.xlsx", tr("Projets de services et usages par priorité"),
             *usage_sheets(store, scope, projects)))

    calendar = _calendar_rows(store, scope)
    add(book(out / "calendrier_initiatives.xlsx", tr("Calendrier des initiatives (infrastructures et usages)"),
             [tr("Projets d'usages et leurs jalons, phases des RIP, calendriers AMII.")],
             [(tr("Calendrier"), calendar, {"type": tr("Type"), "objet": tr("Objet"), "libelle": tr("Libellé"),
                                            "debut": tr("Début"), "fin": tr("Fin"), "statut": tr("Statut"),
                                            "partage": tr("Partage")}, {})]))

    indicators = _indicators(inventory, trajectory, centres, projects, needs, scope, params, remaining)
    changes = _register_changes(scope, millesime)
    add(book(out / "indicateurs_suivi.xlsx", tr("Indicateurs de suivi de la SCORAN"),
             [tr("Indicateurs du semestre pour le territoire ; « Évolutions » : ce qui a changé depuis le millésime "
                 "précédent, registre par registre — très haut débit fixe (locaux passés au THD, phases retardées, "
                 "conventions signées), projets d'usages (ajoutés, retirés, statut, budget, début et fin), "
                 "centres-bourgs (ajoutés, retirés, couverture mobile, état du site, sites nécessaires), coûts et "
                 "locaux par poste (phases des RIP, reste à planifier, mobile), par département et pour le "
                 "territoire. Chaque registre est comparé à son dernier millésime enregistré avant celui-ci."),
              params.describe(),
              tr("indicateurs_nationaux.csv, à côté de ce classeur : les mêmes indicateurs à plat pour la "
                 "consolidation nationale, une ligne par indicateur, territoire et millésime ; colonnes et codes "
                 "dans la feuille « Dictionnaire ».")],
             [(tr("Indicateurs"), indicators, {"indicateur": tr("Indicateur"), "valeur": tr("Valeur")}, {}),
              (tr("Évolutions"), changes, {"registre": tr("Registre"), "type": tr("Type"), "objet": tr("Objet"),
                                           "precedent": tr("Avant"), "actuel": tr("Maintenant"),
                                           "detail": tr("Détail")}, {}),
              (tr("Dictionnaire"), national_indicators.dictionary(),
               {"genre": tr("Genre"), "code": tr("Code"), "definition": tr("Définition"), "unite": tr("Unité"),
                "source": tr("Source")}, {})]))
    # the same indicators, flat, for the national consolidation (beside the workbook, same territory)
    add(national_indicators.write_csv(national_indicators.indicator_rows(analyses, store, millesime, departments),
                                      out / "indicateurs_nationaux.csv"))
    return written


def usage_projects(store, scope: Scope) -> pd.DataFrame:
    """The projects of the scope as the deliverables show them: domain, status and regional themes by their
    labels, the flags oui/non."""
    tables = register.read_tables(store)
    themes = tables["themes_regionaux"].to_dict("records")
    return scope.usage_projects(tables["projets"].assign(
        domaine=lambda f: f["domaine"].map(register.DOMAIN_LABELS), statut=lambda f: f["statut"].map(
            register.STATUS_LABELS), themes_regionaux=lambda f: f["themes_regionaux"].map(
            lambda v: register.theme_labels(v, themes)),
        **{flag: (lambda f, c=flag: _yes_no(f[c])) for flag in register.FLAG_LABELS}))


def usage_sheets(store, scope: Scope, projects: pd.DataFrame | None = None) -> tuple[list, list]:
    """(definitions, sheets) of `projets_usages.xlsx`: the projects of the scope by priority level, with the
    circular's fields (regional themes by label, flags oui/non, needs, professions, training), and the SDTAN
    inventory of the scope's départements."""
    tables = register.read_tables(store)
    levels = tables["projets"]["niveau"]
    themes = tables["themes_regionaux"].to_dict("records")
    projects = usage_projects(store, scope) if projects is None else projects
    project_headers = {"projet_id": tr("Identifiant"), "titre": tr("Titre"), "domaine": tr("Domaine"),
                       "porteur": tr("Porteur"), "statut": tr("Statut"), "budget": tr("Budget du projet (€)"),
                       "appel_projets_pia": tr("Appel à projets PIA"), "departements": tr("Départements"),
                       "partage": tr("Partage"), "themes_regionaux": tr("Thèmes régionaux"),
                       **register.FLAG_LABELS,
                       "besoins_emergents": tr("Besoins territoriaux émergents"),
                       "experimentations": tr("Expérimentations à valoriser"),
                       "metiers": tr("Principaux métiers concernés"),
                       "besoins_formation": tr("Besoins en formation spécifique")}
    names = dict(store.departments())
    sdtan = scope.by_department(tables["sdtan"], "code_dep").assign(
        departement=lambda f: [f"{names.get(c, c)} ({c})" for c in f["code_dep"]],
        statut=lambda f: f["statut"].map(register.SDTAN_STATUS_LABELS),
        date_adoption=lambda f: pd.to_datetime(f["date_adoption"], errors="coerce").dt.date,
        derniere_mise_a_jour=lambda f: pd.to_datetime(f["derniere_mise_a_jour"], errors="coerce").dt.date)
    theme_list = ", ".join(f"« {t['libelle']} »" for t in themes) or tr("aucun")
    definitions = [
        tr("Priorités nationales, régionales et initiatives « territoires innovants »."),
        tr("Le budget est celui du projet entier : sa part par département n'est pas connue ; un projet de "
           "plusieurs départements est marqué « partagé avec … »."),
        tr("Thèmes régionaux : les « un ou deux thèmes supplémentaires » retenus par la région (circulaire, "
           "II.B) — {0}. Territoires en difficulté, publics éloignés des usages, mutualisation : oui/non, "
           "saisis dans le registre ; besoins émergents, expérimentations, métiers et besoins en formation : "
           "texte du registre.").format(theme_list),
        tr("SDTAN : inventaire des schémas directeurs territoriaux d'aménagement numérique tenu dans le "
           "registre (statut, date d'adoption, dernière mise à jour) ; seuls les départements du territoire y "
           "figurent.")]
    sheets = [*((register.LEVEL_LABELS[level][:31], projects[levels.loc[projects.index] == level], project_headers,
                 {"budget": EURO}) for level in ("national", "regional", "territoire_innovant")),
              (tr("SDTAN"), sdtan, {"departement": tr("Département"), "titre": tr("Titre"),
                                    "date_adoption": tr("Adoption"), "statut": tr("Statut"),
                                    "derniere_mise_a_jour": tr("Dernière mise à jour")}, {})]
    return definitions, sheets


INVENTORY_SUMS = ["nb_locaux", "nb_inel", "nb_sous_seuil", "nb_bhd", "nb_thd", "nb_zones_blanches",
                  "locaux_zones_blanches", "carreaux_blancs", "locaux_carreaux_blancs", "nb_zb_haut_debit",
                  "locaux_zb_haut_debit", "carreaux_inel", "locaux_carreaux_inel"]


def _inventory(inventory: pd.DataFrame, scope: Scope) -> pd.DataFrame:
    """Département rows of the scope and their totals (percentages recomputed)."""
    if scope.whole:
        return inventory
    sums = [c for c in INVENTORY_SUMS if c in inventory]
    ratios = {"pct_sous_seuil": ("nb_sous_seuil", "nb_locaux")}
    if "pct_inel" in inventory:
        ratios["pct_inel"] = ("nb_inel", "nb_locaux")
    return scope.levels(inventory, sums, ratios)


def _territory_total(frame: pd.DataFrame) -> pd.Series | None:
    """The row that totals a (niveau, code) table: the territory's, or the only département's."""
    if frame.empty:
        return None
    level = frame["niveau"].astype(str).str.lower()
    territory = frame[~level.isin(["département", "commune"])]
    if len(territory):
        return territory.iloc[-1]
    departments = frame[level.eq("département")]
    return departments.iloc[0] if len(departments) == 1 else None


def _phasing(phasing: pd.DataFrame, scope: Scope) -> pd.DataFrame:
    """The phasing of the scope: by its département column when the analysis has one, else by phase shares."""
    if scope.whole:
        return phasing
    for column in ("code_dep", "departement", "insee_dep"):
        if column in phasing:
            return scope.by_department(phasing, column)
    return scope.rip_phases(phasing, scaled=("locaux", "raccordables", "cout", "cout_estime", "part_etat",
                                             "reste_collectivites"))


def _trajectory(trajectory: pd.DataFrame, scope: Scope) -> pd.DataFrame:
    """The scope's semesters; the national targets (on the territory rows) copied onto its département rows."""
    if scope.whole or trajectory.empty:
        return trajectory
    result = scope.levels(trajectory, ["nb_locaux", "locaux_thd"], {"pct_thd": ("locaux_thd", "nb_locaux")},
                          keys=["semestre"], fill={"cible_pct": "semestre"})
    if "cible_pct" in result:
        result["cible_pct"] = result["semestre"].map(
            trajectory[~trajectory["niveau"].isin(["département", "commune"])].set_index("semestre")["cible_pct"])
        result["ecart_pct"] = (result["pct_thd"] - result["cible_pct"]).round(2)
    return result


NEED_SUMS = ["locaux", "cout_total", "part_etat", "reste_collectivites", "part_region", "part_departement",
             "part_epci", "part_feder"]


def _needs(needs: pd.DataFrame, scope: Scope) -> pd.DataFrame:
    """Financial needs of the scope: its phases (each phase row has its département), projects, semesters and
    totals summed again from them."""
    if scope.whole or needs.empty:
        return needs
    sums = [c for c in NEED_SUMS if c in needs]
    phases = needs[needs["niveau"] == "phase"]
    phases = scope.by_department(phases, "code_dep") if "code_dep" in phases else phases[
        phases["rip_id"].map(scope.rip_in_scope)]
    departments = scope.by_department(needs[needs["niveau"] == "département"], "code")
    parts = [phases]
    if len(phases):
        projects = phases.groupby("rip_id", sort=True)[sums].sum().reset_index()
        parts.append(projects.assign(niveau="projet", code=projects["rip_id"]))
        parts.append(departments)
        semesters = phases.groupby("semestre", sort=True)[sums].sum().reset_index()
        parts.append(semesters.assign(niveau="semestre", code=semesters["semestre"]))
        total = phases[sums].sum().to_frame().T
        parts.append(total.assign(niveau="territoire", code=scope.total_code()))
    return pd.concat([p for p in parts if len(p)], ignore_index=True)[
        [c for c in needs.columns]] if any(len(p) for p in parts) else needs.iloc[0:0]


REMAINING_SUMS = ["locaux", "cout_total", "part_etat", "reste_collectivites", "part_region", "part_departement",
                  "part_epci", "part_feder", "locaux_sans_projet", "locaux_rip_sans_phase", "locaux_urbain",
                  "locaux_periurbain", "locaux_rural"]


def _remaining(analyses: Path, scope: Scope) -> pd.DataFrame | None:
    """The rest to plan (reste_a_planifier.csv of Besoins financiers) of the scope: its départements and
    their total; the State rate shown in %. None when the analyses folder has no such file."""
    path = analyses / "reste_a_planifier.csv"
    if not path.exists():
        return None
    table = read_csv(path)
    if not scope.whole:
        table = scope.levels(table, [c for c in REMAINING_SUMS if c in table])
        total = table["niveau"].eq("territoire")
        if "technologie" in table:
            table.loc[total, "technologie"] = table["technologie"].dropna().iat[0] if table[
                "technologie"].notna().any() else None
    if {"cout_total", "locaux"} <= set(table.columns):
        table["cout_par_local"] = (table["cout_total"] / table["locaux"].where(table["locaux"] > 0)).round(2)
    if "taux_etat" in table:
        table["taux_etat"] = (100 * pd.to_numeric(table["taux_etat"], errors="coerce")).round(2)
    if "plafond_atteint" in table:
        table["plafond_atteint"] = _yes_no(table["plafond_atteint"].map(
            lambda v: v if v is None or v != v else str(v).strip().lower() in ("true", "1", "1.0", "oui")))
    return table


def _full_cost(needs: pd.DataFrame, remaining: pd.DataFrame | None, scope: Scope) -> pd.DataFrame:
    """The cost of 100 % in 2022 of the scope: per département RIP phases, rest to plan and their sum, then
    the total of the départements (none for one département: its rows are its total)."""
    from ..core.finance import FULL, REMAINING, full_coverage_costs
    from ..core.semesters import POSTE_LABELS

    def departments(table):
        if table is None or table.empty:
            return table
        return scope.by_department(table[table["niveau"].astype(str) == "département"], "code")

    total_code = "Ensemble" if scope.whole else scope.total_code() if len(scope.departments) > 1 else None
    table = full_coverage_costs(departments(needs), departments(remaining), total_code)
    if remaining is None:  # not computed by this analyses folder: not a zero, and no « total » of the RIP alone
        table = table[~table["poste"].isin([REMAINING, FULL])]
    return table.assign(poste=table["poste"].map(POSTE_LABELS))


def _cost_comparison(store, millesime: str, analyses: Path, scope: Scope) -> tuple[pd.DataFrame, str | None]:
    """Every cost and premises figure of the scope beside the previous millésime's (couts_millesime): its
    départements and, for several, their total (summed again, differences recomputed)."""
    from ..core.finance import COST_FIGURES
    from ..core.semesters import POSTE_LABELS, cost_comparison, cost_snapshot

    table, previous = cost_comparison(store, millesime, cost_snapshot(analyses))
    if not scope.whole and len(table):
        departments = table[table["niveau"].eq("département") & table["code"].astype(str).isin(scope.departments)]
        parts = [departments]
        if len(scope.departments) > 1 and len(departments):
            sums = [f"{f}{s}" for f in COST_FIGURES for s in ("_precedent", "")]
            total = departments.groupby("poste", sort=False)[sums].sum(min_count=1).reset_index()
            for figure in COST_FIGURES:
                total[f"{figure}_ecart"] = total[figure] - total[f"{figure}_precedent"]
            parts.append(total.assign(niveau="territoire", code=scope.total_code(), millesime_precedent=previous))
        table = pd.concat(parts, ignore_index=True)[table.columns]
    return table.assign(poste=table["poste"].map(lambda p: POSTE_LABELS.get(p, p))), previous


def _register_changes(scope: Scope, millesime: str) -> pd.DataFrame:
    """The scope's changes in every register (`Scope.changes`), the register and the kind of change in words."""
    from ..core.semesters import CHANGE_LABELS, REGISTER_LABELS

    changes = scope.changes(millesime)
    return changes.assign(registre=changes["registre"].map(REGISTER_LABELS),
                          type=changes["type"].map(lambda t: CHANGE_LABELS.get(t, t)))


def _calendar_rows(store, scope: Scope | None = None) -> pd.DataFrame:
    """The initiatives calendar as a table: projects, then their milestones, RIP phases, AMII calendars."""
    departments = None if scope is None or scope.whole else scope.departments
    initiatives = initiative_rows(store, departments, territory=scope)
    projects = [row for row in initiatives if row["kind"] not in (PHASE, AMII)]
    rows = [{"type": tr("Projet d'usages"), "objet": p["key"], "libelle": p["title"], "debut": p["start"],
             "fin": p["end"], "statut": register.STATUS_LABELS.get(p["status"]), "partage": p.get("shared")}
            for p in projects]
    rows += [{"type": tr("Jalon"), "objet": j["projet_id"], "libelle": j["libelle"],
              "debut": j["date_jalon"] or j["semestre"], "fin": None, "statut": j["statut"]}
             for p in projects for j in p["milestones"]]
    rows += [{"type": tr("Phase RIP"), "objet": p["key"], "libelle": p["title"], "debut": p["start"],
              "fin": p["end"], "statut": p["status"], "partage": p.get("shared")}
             for p in initiatives if p["kind"] == PHASE]
    rows += [{"type": tr("AMII"), "objet": a["operators"], "libelle": a["title"], "debut": str(a["first_year"]),
              "fin": str(a["last_year"]), "statut": None} for a in initiatives if a["kind"] == AMII]
    return pd.DataFrame(rows, columns=["type", "objet", "libelle", "debut", "fin", "statut", "partage"])


def _goal(rows: pd.DataFrame, default: float) -> str:
    """The national milestone of a semester (cible_pct of the trajectory), « 50 % »."""
    values = rows["cible_pct"].dropna() if "cible_pct" in rows else []
    return f"{float(values.iat[0]) if len(values) else default:g} %".replace(".", ",")


def _cell(row, column, kind):
    """row[column] as `kind`, None when the row or the value is missing."""
    if row is None or column not in row or row[column] != row[column] or row[column] is None:
        return None
    return kind(row[column])


def _indicators(inventory, trajectory, centres, projects, needs, scope: Scope, params,
                remaining: pd.DataFrame | None = None) -> pd.DataFrame:
    """The semester's indicators of the scope; `remaining` (the scope's rest to plan, see `_remaining`)
    adds the premises and cost left to plan and the cost of 100 % in 2022."""
    total = _territory_total(inventory)
    level = trajectory["niveau"].astype(str)
    region = trajectory[~level.isin(["département", "commune"])]
    if region.empty:  # one département: its rows are the totals
        region = trajectory[level == "département"]
    region = region.reset_index(drop=True)
    target = region[region["semestre"] == "2017-S2"]
    money = _territory_total(needs[needs["niveau"].isin(["territoire", "département"])]) if len(needs) else None
    def number(row, column):
        return _cell(row, column, int)

    def decimal(row, column):
        return _cell(row, column, float)

    rows = [
        (tr("Territoire"), scope.label()),
        (tr("Locaux"), number(total, "nb_locaux")),
        (tr("Locaux inéligibles (sans haut débit, < {0})").format(params.inel_speed), number(total, "nb_inel")),
        (tr("Locaux sous {0}").format(params.speed), number(total, "nb_sous_seuil")),
        (tr("% de locaux sous {0}").format(params.speed), decimal(total, "pct_sous_seuil")),
    ]
    if total is not None and "nb_zb_haut_debit" in total:
        rows.append((tr("Communes en zone blanche du haut débit (inéligibles ≥ {0})").format(params.share_text),
                     number(total, "nb_zb_haut_debit")))
    rows += [
        (tr("Communes sans haut débit de qualité (< {0}, ≥ {1} des locaux)").format(params.speed, params.share_text)
         + params.suffix(), number(total, "nb_zones_blanches")),
    ]
    if len(region):
        first, last = region.iloc[0], region.iloc[-1]
        rows += [
            (tr("% de locaux THD — {0}").format(first["semestre"]), float(first["pct_thd"])),
            (tr("% de locaux THD prévu fin 2017 (objectif {0})").format(_goal(target, 50.0)),
             float(target["pct_thd"].iat[0]) if len(target) else None),
            (tr("% de locaux THD prévu {0} (objectif {1})").format(last["semestre"], _goal(region.iloc[[-1]], 100.0)),
             float(last["pct_thd"])),
        ]
    rows += [
        (tr("Coût des phases RIP restant (€)"), decimal(money, "cout_total") or 0.0),
        (tr("Part de l'État (€)"), decimal(money, "part_etat") or 0.0),
    ]
    rest = _territory_total(remaining) if remaining is not None and len(remaining) else None
    if rest is not None:
        rows += [
            (tr("Locaux à planifier (dans aucun plan)"), number(rest, "locaux")),
            (tr("Coût du reste à planifier (€)"), decimal(rest, "cout_total") or 0.0),
            (tr("Coût du 100 % en 2022 : phases des RIP + reste à planifier (€)"),
             (decimal(money, "cout_total") or 0.0) + (decimal(rest, "cout_total") or 0.0)),
        ]
    rows += [
        (tr("Centres-bourgs en zone blanche 2G"), int((centres["statut"] == "zone_blanche_2g").sum())),
        (tr("Centres-bourgs en zone blanche 3G"), int((centres["statut"] == "zone_blanche_3g").sum())),
        (tr("Projets d'usages"), len(projects)),
        (tr("Projets d'usages en cours ou réalisés"),
         int(projects["statut"].isin([register.STATUS_LABELS.get("en_cours"),
                                      register.STATUS_LABELS.get("realise")]).sum())),
    ]
    return pd.DataFrame(rows, columns=["indicateur", "valeur"])


def _trajectory_chart(book, trajectory, scope: Scope | None = None) -> None:
    from openpyxl.chart import LineChart, Reference

    level = trajectory["niveau"].astype(str)
    region = trajectory[~level.isin(["département", "commune"])]
    if region.empty:
        region = trajectory[level == "département"]
    region = region.reset_index(drop=True)
    sheet = book.create_sheet(tr("Graphique"))
    sheet.append([tr("Semestre"), tr("% THD"), tr("Objectif %")])
    for row in region.itertuples():
        sheet.append([row.semestre, float(row.pct_thd), None if pd.isna(row.cible_pct) else float(row.cible_pct)])
    chart = LineChart()
    chart.title = tr("Trajectoire THD — {0}").format(scope.label()) if scope is not None and not scope.whole \
        else tr("Trajectoire THD de la région")
    chart.y_axis.title = tr("% des locaux")
    chart.x_axis.title = tr("Semestre")
    chart.add_data(Reference(sheet, min_col=2, min_row=1, max_col=3, max_row=len(region) + 1), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=len(region) + 1))
    chart.width, chart.height = 24, 12
    sheet.add_chart(chart, "E2")
