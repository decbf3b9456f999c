"""Workbook sheets of the white-zone clearing (scoran:whitezoneclearing): « Résorption par phase » and « Reste à
traiter » in the white-zones inventory, the planned THD semester and « Sites sans date » in the priority sites'
workbook — restricted to the scope's départements, totals summed again from the rows kept."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..core.clearing import ALREADY_THD, NO_PREMISES, NOT_PLANNED, NOTHING_TO_CLEAR
from ..core.i18n import tr
from ..core.store import read_layer_table
from ..core.thd import THD_TECHNOLOGIES
from .parameters import speed_label
from .scope import Scope

INT = "#,##0"
PHASES, COMMUNES, DEPARTMENTS, SITES = ("resorption_phases.csv", "resorption_communes.gpkg",
                                        "resorption_departements.csv", "sites_dates_thd.csv")
REMAINING_SUMS = ["nb_locaux", "nb_sans_haut_debit", "nb_sous_seuil", "reste_fin_2017_sans_haut_debit",
                  "reste_fin_2017_sous_seuil", "reste_fin_2022_sans_haut_debit", "reste_fin_2022_sous_seuil",
                  "nb_sous_seuil_non_planifie"]
PHASE_SUMS = ["nb_locaux", "locaux_sans_haut_debit", "locaux_sous_seuil"]
# the sites the circular asks a date for: schools, health, public services (not businesses)
DATED_CATEGORIES = ("ecoles", "colleges_lycees", "enseignement_superieur", "sante", "services_publics")


def _csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype={"code": str, "code_dep": str, "insee_com": str, "site_id": str,
                                    "semestre": str, "semestre_debut": str}, keep_default_na=True)


def _threshold(frame: pd.DataFrame) -> str:
    values = frame["seuil"].dropna() if "seuil" in frame else []
    return str(values.iat[0]) if len(values) else "HD3"


def definitions(threshold: str) -> list[str]:
    """Read-me lines that define the clearing sheets."""
    speed = speed_label(threshold)
    return [
        tr("Résorption (feuilles « Résorption par phase » et « Reste à traiter », algorithme Résorption des zones "
           "blanches) : un local est sans haut débit quand sa classe est INEL (< 512 kbit/s), sous le seuil quand "
           "sa classe est sous {0} (seuil {1} ; les inéligibles en font partie).").format(speed, threshold),
        tr("Un local est traité au semestre S quand le plan qui le couvre dans la couverture THD est prévu au plus "
           "tard en S : commune AMII ou ZTD, le calendrier des opérateurs ; local de RIP dans une phase, le "
           "semestre de fin de la phase, quelle que soit sa technologie (FTTH, THD radio, et aussi montée en débit "
           "MED, qui relève le débit sans apporter le THD) ; un local déjà THD est traité. Un local de RIP hors de "
           "toute phase, ou hors de tout projet et de toute commune AMII/ZTD, n'est pas planifié ; une phase sans "
           "dates valides ne traite rien, une phase abandonnée ne prend aucun local."),
        tr("Reste à traiter fin 2017 / fin 2022 : locaux non traités au semestre 2017-S2 / 2022-S2 (jalons du plan "
           "France Très Haut Débit). Semestre de résorption : semestre où tous les locaux sous le seuil de la "
           "commune (du département) sont traités ; « {0} » : aucun local sous le seuil ; « {1} » : au moins un "
           "local sous le seuil sans plan ; « {2} » : tous déjà THD. Les communes listées sont celles qui ont des "
           "locaux sous le seuil ; les lignes des départements et du total comptent tous les locaux.").format(
            NOTHING_TO_CLEAR, NOT_PLANNED, ALREADY_THD),
        tr("Résorption par phase : locaux que chaque phase de RIP traite, par département, au semestre de fin de la "
           "phase ; les locaux des communes AMII ou ZTD n'y sont pas (initiative privée) ; FTTH, THD radio et MED "
           "à part, avec les totaux par technologie et semestre, par technologie, et l'ensemble."),
    ]


def inventory_sheets(analyses: Path, scope: Scope) -> tuple[list[str], list]:
    """(read-me lines, sheets) for the white-zones inventory workbook; a line saying so when the analyses folder
    has no clearing (an older folder)."""
    if not all((analyses / name).exists() for name in (PHASES, COMMUNES, DEPARTMENTS)):
        return [tr("Résorption : non calculée dans ce dossier d'analyses (lancez « Résorption des zones blanches "
                   "(quand ?) » pour les feuilles « Résorption par phase » et « Reste à traiter »).")], []
    phases = _csv(analyses / PHASES)
    departments = _csv(analyses / DEPARTMENTS)
    communes = read_layer_table(analyses / COMMUNES)
    threshold = _threshold(departments)
    below, below_lower = tr("Sous {0}").format(speed_label(threshold)), tr("sous {0}").format(speed_label(threshold))
    phase_headers = {"niveau": tr("Niveau"), "rip_id": tr("Projet RIP"), "phase_id": tr("Phase"),
                     "technologie": tr("Technologie"), "apporte_thd": tr("Apporte le THD"),
                     "code_dep": tr("Département"), "semestre_debut": tr("Début"),
                     "semestre": tr("Semestre de traitement (fin de phase)"), "nb_locaux": tr("Locaux de la phase"),
                     "locaux_sans_haut_debit": tr("Sans haut débit traités"),
                     "locaux_sous_seuil": tr("{0} traités").format(below)}
    remaining_headers = {"niveau": tr("Niveau"), "code": tr("Code"), "nom": tr("Nom"), "nb_locaux": tr("Locaux"),
                         "nb_sans_haut_debit": tr("Sans haut débit"), "nb_sous_seuil": below,
                         "reste_fin_2017_sans_haut_debit": tr("Reste fin 2017 : sans haut débit"),
                         "reste_fin_2017_sous_seuil": tr("Reste fin 2017 : {0}").format(below_lower),
                         "reste_fin_2022_sans_haut_debit": tr("Reste fin 2022 : sans haut débit"),
                         "reste_fin_2022_sous_seuil": tr("Reste fin 2022 : {0}").format(below_lower),
                         "nb_sous_seuil_non_planifie": tr("{0} sans plan").format(below),
                         "semestre_resorption": tr("Semestre de résorption")}
    formats = {c: INT for c in (*PHASE_SUMS, *REMAINING_SUMS)}
    return definitions(threshold), [
        (tr("Résorption par phase"), phase_rows(phases, scope), phase_headers, formats),
        (tr("Reste à traiter"), remaining_rows(departments, communes, scope), remaining_headers, formats)]


def phase_rows(phases: pd.DataFrame, scope: Scope) -> pd.DataFrame:
    """Phase × département rows of the scope, then totals per technology and semester, per technology and the
    whole (summed from the rows kept)."""
    rows = phases[phases["niveau"].astype(str) == "phase"]
    rows = scope.by_department(rows, "code_dep")
    if rows.empty:
        return rows
    # a phase without a technology stays in the technology totals (groupby would drop an empty key)
    rows = rows.assign(semestre=rows["semestre"].fillna(NOT_PLANNED), technologie=rows["technologie"].fillna(""))
    per_semester = rows.groupby(["technologie", "semestre"], sort=True)[PHASE_SUMS].sum().reset_index().assign(
        niveau=tr("technologie et semestre"))
    per_technology = rows.groupby("technologie", sort=True)[PHASE_SUMS].sum().reset_index().assign(
        niveau=tr("technologie"))
    total = rows[PHASE_SUMS].sum().to_frame().T.assign(niveau=tr("total"), technologie=tr("toutes"))
    table = pd.concat([rows.assign(niveau=tr("phase")), per_semester, per_technology, total], ignore_index=True)
    thd = table["technologie"].astype(str).str.strip().str.upper().isin(THD_TECHNOLOGIES)
    table["apporte_thd"] = np.where(table["niveau"] == tr("total"), None, np.where(thd, tr("oui"), tr("non")))
    for column in PHASE_SUMS:
        table[column] = table[column].astype(np.int64)
    return table


def _latest(labels: pd.Series) -> str:
    """The clearing semester of several areas: none planned if one is not, the latest semester otherwise."""
    values = set(labels.dropna().astype(str))
    if NOT_PLANNED in values:
        return NOT_PLANNED
    semesters = sorted(v for v in values if v not in (NOTHING_TO_CLEAR, ALREADY_THD))
    if semesters:
        return semesters[-1]
    return ALREADY_THD if ALREADY_THD in values else NOTHING_TO_CLEAR


def remaining_rows(departments: pd.DataFrame, communes: pd.DataFrame, scope: Scope) -> pd.DataFrame:
    """Département rows of the scope and their total (the territory's when the whole region), then the
    communes of the scope that have premises below the threshold."""
    names = scope.names
    deps = departments[departments["niveau"].astype(str) == "département"]
    deps = scope.by_department(deps, "code").assign(niveau=tr("département"))
    deps["nom"] = deps["code"].map(lambda c: names.get(c, c))
    if scope.whole:
        total = departments[departments["niveau"].astype(str) != "département"].assign(
            niveau=tr("territoire"), nom=scope.label())
    elif len(deps) <= 1:  # one département: its row is the total
        total = deps.iloc[0:0]
    else:
        total = deps[REMAINING_SUMS].sum().to_frame().T.assign(
            niveau=tr("territoire"), code=scope.total_code(), nom=scope.label(),
            semestre_resorption=_latest(deps["semestre_resorption"]))
    key = "insee_com" if "insee_com" in communes else communes.columns[0]
    towns = scope.communes(communes, key)
    towns = towns[towns["nb_sous_seuil"].fillna(0) > 0].sort_values(key)
    towns = towns.assign(niveau=tr("commune"), code=towns[key].astype(str),
                         nom=towns["nom"] if "nom" in towns else None)
    table = pd.concat([deps, total, towns], ignore_index=True)
    for column in REMAINING_SUMS:
        table[column] = pd.to_numeric(table[column], errors="coerce").fillna(0).astype(np.int64)
    return table


def site_columns(analyses: Path, sites: pd.DataFrame) -> tuple[pd.DataFrame, list[str], list]:
    """The sites with `semestre_thd` and `motif`, the read-me lines and the « Sites sans date » sheet (schools,
    health and public sites whose nearest premise has no planned THD semester, or with no premise nearby)."""
    path = analyses / SITES
    if not path.exists() or "site_id" not in sites:
        return sites, [tr("Semestre THD prévu : non calculé dans ce dossier d'analyses (lancez « Résorption des "
                          "zones blanches (quand ?) » avec les sites prioritaires).")], []
    dates = _csv(path).drop_duplicates("site_id")
    merged = sites.assign(site_id=sites["site_id"].astype(str)).merge(
        dates[["site_id", "semestre_thd", "motif"]], how="left", on="site_id")
    undated = merged[merged["categorie"].isin(DATED_CATEGORIES)
                     & merged["semestre_thd"].isin([NOT_PLANNED, NO_PREMISES])]
    lines = [tr("Semestre THD prévu : semestre où le local le plus proche du site (même règle de distance que la "
                "classe de débit) doit passer au très haut débit, selon la couverture THD (calendrier AMII ou ZTD, "
                "fin de la phase FTTH ou THD radio du RIP ; la montée en débit MED n'apporte pas le THD) ; « {0} » : "
                "déjà THD ; « {1} » : local sans date prévue ; « {2} » : aucun local assez proche.").format(
        ALREADY_THD, NOT_PLANNED, NO_PREMISES),
        tr("Sites sans date : écoles, collèges et lycées, enseignement supérieur, santé et services publics sans "
           "semestre THD prévu (« {0} » ou « {1} »), avec le motif.").format(NOT_PLANNED, NO_PREMISES)]
    sheet = (tr("Sites sans date"), undated,
             {"site_id": tr("Identifiant"), "categorie": tr("Catégorie"), "libelle": tr("Type d'équipement"),
              "nom": tr("Nom"), "insee_com": tr("Code INSEE"), "classe": tr("Classe de débit"),
              "semestre_thd": tr("Semestre THD prévu"), "motif": tr("Motif")}, {})
    return merged, lines, [sheet]
