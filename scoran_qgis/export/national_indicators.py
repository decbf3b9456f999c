"""The indicators for the national consolidation: one flat CSV, one row per indicator × territory × millésime.

Each region sends the same file every semester, so the national level concatenates them: stable
indicator codes (`INDICATORS`), INSEE codes as text (region `27`, département `2A`), numbers with a
dot, UTF-8 without BOM, comma-separated. The « Dictionnaire » sheet of indicateurs_suivi.xlsx and
docs/guide/livrables.md describe every column and code.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pandas as pd

from ..core import register
from ..core.i18n import tr
from .scope import Scope
from .spreadsheet import FORMULA_TRIGGERS

COLUMNS = ["millesime", "niveau", "code", "territoire", "indicateur", "libelle", "valeur", "unite"]
LOCAUX, PCT, EUROS, COMMUNES, SITES, CENTRES, PROJETS = "locaux", "%", "EUR", "communes", "sites", "centres-bourgs", \
    "projets"
# code → (label, unit, source): the public contract of the file; add codes, never rename one
INDICATORS = {
    "locaux": (tr("Locaux (logements et locaux professionnels)"), LOCAUX, "inventaire_zones_blanches.csv"),
    "locaux_sans_haut_debit": (tr("Locaux sans haut débit (inéligibles, < 512 kbit/s)"), LOCAUX,
                               "inventaire_zones_blanches.csv"),
    "locaux_sous_seuil": (tr("Locaux sous le seuil du haut débit de qualité"), LOCAUX,
                          "inventaire_zones_blanches.csv"),
    "pct_locaux_sous_seuil": (tr("Part des locaux sous le seuil du haut débit de qualité"), PCT,
                              "inventaire_zones_blanches.csv"),
    "communes_zone_blanche_haut_debit": (tr("Communes en zone blanche du haut débit"), COMMUNES,
                                         "inventaire_zones_blanches.csv"),
    "communes_sans_haut_debit_qualite": (tr("Communes sans haut débit de qualité"), COMMUNES,
                                         "inventaire_zones_blanches.csv"),
    "sites_prioritaires": (tr("Sites prioritaires (écoles, santé, services publics, entreprises)"), SITES,
                           "sites_prioritaires.csv"),
    "sites_prioritaires_sans_haut_debit": (tr("Sites prioritaires sans haut débit"), SITES, "sites_prioritaires.csv"),
    "sites_prioritaires_sous_seuil": (tr("Sites prioritaires sous le seuil"), SITES, "sites_prioritaires.csv"),
    "pct_locaux_thd": (tr("Part des locaux éligibles au THD au millésime"), PCT, "trajectoire_thd.csv"),
    "pct_locaux_thd_fin_2017": (tr("Part des locaux éligibles au THD prévue fin 2017 (objectif national 50 %)"),
                                PCT, "trajectoire_thd.csv"),
    "pct_locaux_thd_fin_2022": (tr("Part des locaux éligibles au THD prévue fin 2022 (objectif national 100 %)"),
                                PCT, "trajectoire_thd.csv"),
    "locaux_phases_rip": (tr("Locaux des phases RIP restant à réaliser"), LOCAUX, "besoins_financiers.csv"),
    "cout_phases_rip": (tr("Coût des phases RIP restant à réaliser"), EUROS, "besoins_financiers.csv"),
    "part_etat_phases_rip": (tr("Part de l'État dans les phases RIP"), EUROS, "besoins_financiers.csv"),
    "locaux_reste_a_planifier": (tr("Locaux dans aucun plan (reste à planifier)"), LOCAUX, "reste_a_planifier.csv"),
    "cout_reste_a_planifier": (tr("Coût du reste à planifier"), EUROS, "reste_a_planifier.csv"),
    "cout_100_pct_2022": (tr("Coût du 100 % en 2022 (phases RIP + reste à planifier)"), EUROS,
                          "besoins_financiers.csv + reste_a_planifier.csv"),
    "centres_bourgs": (tr("Centres-bourgs de la liste des zones blanches mobiles"), CENTRES,
                       "estimatif_mobile.csv"),
    "centres_bourgs_zone_blanche_2g": (tr("Centres-bourgs en zone blanche 2G"), CENTRES, "estimatif_mobile.csv"),
    "centres_bourgs_zone_blanche_3g": (tr("Centres-bourgs en zone blanche 3G"), CENTRES, "estimatif_mobile.csv"),
    "cout_mobile": (tr("Coût retenu des sites mobiles des centres-bourgs"), EUROS, "estimatif_mobile.csv"),
    "projets_usages": (tr("Projets de services et usages"), PROJETS, tr("registre")),
    "projets_usages_engages": (tr("Projets de services et usages financés, en cours ou réalisés"), PROJETS,
                               tr("registre")),
}
ENGAGED = ("finance", "en_cours", "realise")
COLUMN_DOCS = {
    "millesime": tr("semestre des données, AAAA-S1 ou AAAA-S2"),
    "niveau": tr("« region » ou « departement »"),
    "code": tr("code INSEE de la région ou du département, en texte (« 27 », « 2A », « 971 »)"),
    "territoire": tr("nom de la région ou du département"),
    "indicateur": tr("code stable de l'indicateur (liste ci-dessous)"),
    "libelle": tr("libellé de l'indicateur, dans la langue de QGIS"),
    "valeur": tr("nombre, point décimal ; vide quand l'analyse manque"),
    "unite": tr("locaux, %, EUR, communes, sites, centres-bourgs, projets"),
}


def _read(path: Path) -> pd.DataFrame | None:
    if not path.exists():
        return None
    return pd.read_csv(path, dtype={"code": str, "code_dep": str}, keep_default_na=True)


def _by_territory(frame: pd.DataFrame | None, columns: list, where=None) -> dict:
    """{(department code | None for the territory): {column: sum}} of a (niveau, code) analysis table."""
    if frame is None or frame.empty:
        return {}
    if where is not None:
        frame = frame[where(frame)]
    level = frame["niveau"].astype(str).str.lower()
    keep = [c for c in columns if c in frame]
    result = {}
    for code, rows in frame[level.eq("département")].groupby("code"):
        result[str(code)] = rows[keep].apply(pd.to_numeric, errors="coerce").sum(min_count=1).to_dict()
    territory = frame[~level.isin(["département", "commune", "phase", "projet", "semestre"])]
    if len(territory):
        result[None] = territory[keep].apply(pd.to_numeric, errors="coerce").sum(min_count=1).to_dict()
    return result


def _value(table: dict, key, column):
    value = table.get(key, {}).get(column)
    return None if value is None or value != value else float(value)


def _sum_or_zero(table: dict, key, column, present: bool):
    """A département absent from a table that lists all that exist (mobile list, needs) counts 0."""
    value = _value(table, key, column)
    return 0.0 if value is None and present else value


def indicator_rows(analyses: Path, store, millesime: str, departments: list | None = None) -> pd.DataFrame:
    """The flat indicator table of the deliverables' territory: the region (whole run) and each département."""
    scope = Scope(store, departments, analyses)
    inventory = _by_territory(_read(analyses / "inventaire_zones_blanches.csv"),
                              ["nb_locaux", "nb_inel", "nb_sous_seuil", "nb_zb_haut_debit", "nb_zones_blanches"])
    sites = _by_territory(_read(analyses / "sites_prioritaires.csv"),
                          ["nb_sites", "nb_sans_haut_debit", "nb_sous_seuil"])
    trajectory = _read(analyses / "trajectoire_thd.csv")
    shares = {semester: _by_territory(trajectory, ["nb_locaux", "locaux_thd"],
                                      where=lambda f, s=semester: f["semestre"].eq(s))
              for semester in (millesime, "2017-S2", "2022-S2")}
    needs_frame = _read(analyses / "besoins_financiers.csv")
    needs = _by_territory(needs_frame, ["locaux", "cout_total", "part_etat"])
    remaining_frame = _read(analyses / "reste_a_planifier.csv")
    remaining = _by_territory(remaining_frame, ["locaux", "cout_total"])
    mobile_frame = _read(analyses / "estimatif_mobile.csv")
    mobile = _by_territory(mobile_frame, ["nb_centres", "zone_blanche_2g", "zone_blanche_3g", "cout_estime"])
    projects = register.read_tables(store)["projets"]

    def pct(table, key):
        total, thd = _value(table, key, "nb_locaux"), _value(table, key, "locaux_thd")
        return round(100.0 * thd / total, 2) if total and thd is not None else None

    def figures(key, project_scope: Scope) -> dict:
        below, count = _value(inventory, key, "nb_sous_seuil"), _value(inventory, key, "nb_locaux")
        rip = _sum_or_zero(needs, key, "cout_total", needs_frame is not None)
        rest = _sum_or_zero(remaining, key, "cout_total", remaining_frame is not None)
        chosen = project_scope.usage_projects(projects)
        return {
            "locaux": count, "locaux_sans_haut_debit": _value(inventory, key, "nb_inel"),
            "locaux_sous_seuil": below,
            "pct_locaux_sous_seuil": round(100.0 * below / count, 2) if count and below is not None else None,
            "communes_zone_blanche_haut_debit": _value(inventory, key, "nb_zb_haut_debit"),
            "communes_sans_haut_debit_qualite": _value(inventory, key, "nb_zones_blanches"),
            "sites_prioritaires": _value(sites, key, "nb_sites"),
            "sites_prioritaires_sans_haut_debit": _value(sites, key, "nb_sans_haut_debit"),
            "sites_prioritaires_sous_seuil": _value(sites, key, "nb_sous_seuil"),
            "pct_locaux_thd": pct(shares[millesime], key),
            "pct_locaux_thd_fin_2017": pct(shares["2017-S2"], key),
            "pct_locaux_thd_fin_2022": pct(shares["2022-S2"], key),
            "locaux_phases_rip": _sum_or_zero(needs, key, "locaux", needs_frame is not None),
            "cout_phases_rip": rip,
            "part_etat_phases_rip": _sum_or_zero(needs, key, "part_etat", needs_frame is not None),
            "locaux_reste_a_planifier": _sum_or_zero(remaining, key, "locaux", remaining_frame is not None),
            "cout_reste_a_planifier": rest,
            "cout_100_pct_2022": None if rip is None or rest is None else round(rip + rest, 2),
            "centres_bourgs": _sum_or_zero(mobile, key, "nb_centres", mobile_frame is not None),
            "centres_bourgs_zone_blanche_2g": _sum_or_zero(mobile, key, "zone_blanche_2g", mobile_frame is not None),
            "centres_bourgs_zone_blanche_3g": _sum_or_zero(mobile, key, "zone_blanche_3g", mobile_frame is not None),
            "cout_mobile": _sum_or_zero(mobile, key, "cout_estime", mobile_frame is not None),
            "projets_usages": float(len(chosen)),
            "projets_usages_engages": float(chosen["statut"].isin(ENGAGED).sum()) if len(chosen) else 0.0,
        }

    territories = []
    if scope.whole:
        for code, name in store.regions():
            territories.append(("region", str(code), name, None, scope))
    for code, name in store.departments():
        if scope.has(code):
            territories.append(("departement", str(code), name, str(code), Scope(store, [code], analyses)))
    rows = []
    for level, code, name, key, project_scope in territories:
        for indicator, value in figures(key, project_scope).items():
            label, unit, _ = INDICATORS[indicator]
            rows.append((millesime, level, code, name, indicator, label, value, unit))
    return pd.DataFrame(rows, columns=COLUMNS)


def _safe_text(value):
    """Names come from the store: a spreadsheet must never read them as a formula."""
    if isinstance(value, str) and value[:1] in FORMULA_TRIGGERS:
        return "'" + value
    return value


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """UTF-8 without BOM, comma, dot decimals, integers without « .0 »; written aside, then moved in."""
    path = Path(path)
    partial = path.with_name(f".{path.stem}.partiel.csv")

    def number(value):
        if value is None or value != value:
            return ""
        return str(int(value)) if float(value).is_integer() else repr(round(float(value), 2))

    with open(partial, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in frame.itertuples(index=False):
            writer.writerow([row.millesime, row.niveau, row.code, _safe_text(row.territoire), row.indicateur,
                             _safe_text(row.libelle), number(row.valeur), row.unite])
    os.replace(partial, path)
    return path


def dictionary() -> pd.DataFrame:
    """The « Dictionnaire » sheet: every column, then every indicator code with its unit and source."""
    rows = [(tr("colonne"), column, text, "", "") for column, text in COLUMN_DOCS.items()]
    rows += [(tr("indicateur"), code, label, unit, source) for code, (label, unit, source) in INDICATORS.items()]
    return pd.DataFrame(rows, columns=["genre", "code", "definition", "unite", "source"])
