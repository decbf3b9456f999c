"""Priority sites from INSEE BPE (facilities) and SIRENE geolocated (businesses), categorised by an
editable TYPEQU → category table (resources/data/bpe_categories.csv)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from . import projection
from .codes import LAMBERT_93, crs_for_departement
from .errors import ScoranError
from .feedback import SilentFeedback, check_canceled
from .i18n import tr
from .tables import normalize_insee_series, read_chunks, resolve_columns, sniff, to_number

DEFAULT_MAPPING = Path(__file__).resolve().parent.parent / "resources" / "data" / "bpe_categories.csv"
CATEGORIES = {  # code (in the data) → legend text
    "ecoles": tr("Écoles"),
    "colleges_lycees": tr("Collèges et lycées"),
    "enseignement_superieur": tr("Enseignement supérieur"),
    "sante": tr("Santé"),
    "services_publics": tr("Services publics"),
    "entreprises": tr("Entreprises"),
}
BPE_REQUIRED = {"typequ": ("TYPEQU",), "depcom": ("DEPCOM", "CODGEO")}
BPE_OPTIONAL = {"x": ("LAMBERT_X",), "y": ("LAMBERT_Y",), "lon": ("LONGITUDE",), "lat": ("LATITUDE",),
                "qualite": ("QUALITE_XY", "QUALITE_GEOLOC"), "an": ("AN",), "nom": ("NOMRS", "NOM")}
SIRENE_REQUIRED = {"siret": ("siret",), "x": ("x",), "y": ("y",), "epsg": ("epsg",)}
SIRENE_OPTIONAL = {"commune": ("plg_code_commune", "codeCommuneEtablissement"), "qualite": ("qualite_xy",),
                   "lon": ("x_longitude",), "lat": ("y_latitude",)}


@dataclass
class SitesReport:
    counts: Counter = field(default_factory=Counter)
    warnings: list = field(default_factory=list)

    def lines(self) -> list[str]:
        c = self.counts
        lines = [tr("{0} équipement(s) BPE lus, {1} retenu(s) comme sites prioritaires ; {2} établissement(s) "
                    "SIRENE retenu(s).").format(c["bpe_read"], c["bpe_kept"], c["sirene_kept"])]
        for key, message in (
            ("bpe_other_types", tr("{0} équipement(s) BPE d'un type hors de la table des catégories ignoré(s).")),
            ("no_coordinates", tr("{0} site(s) sans coordonnées ignoré(s).")),
            ("bad_insee", tr("{0} site(s) au code commune invalide (gardés, commune vide).")),
            ("bad_epsg", tr("{0} établissement(s) SIRENE à l'EPSG inconnu ignoré(s).")),
            ("duplicate_siret", tr("{0} SIRET en double : seul le premier est gardé.")),
        ):
            if c[key]:
                lines.append(message.format(c[key]))
        return lines + self.warnings


def load_mapping(path=None) -> pd.DataFrame:
    """The TYPEQU → category table: exact codes, or prefixes ending with `*` (`C5*`)."""
    path = Path(path or DEFAULT_MAPPING)
    layout = sniff(path, ";")
    mapping = resolve_columns(layout, {"typequ": ("typequ",), "categorie": ("categorie",)},
                              {"libelle": ("libelle",), "annee": ("annee_bpe", "annee")})
    table = pd.concat(read_chunks(layout, mapping, text_columns=("typequ", "categorie", "libelle", "annee")))
    unknown = sorted(set(table["categorie"]) - set(CATEGORIES))
    if unknown:
        raise ScoranError(tr("{0} : catégorie(s) inconnue(s) {1} ; catégories possibles : {2}.").format(
            path.name, ", ".join(unknown), ", ".join(CATEGORIES)))
    return table.reset_index(drop=True)


def categorise(typequ: pd.Series, mapping: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """(category, label) of each TYPEQU; None where the table has no entry."""
    codes = typequ.astype(str).str.strip().str.upper()
    exact = mapping[~mapping["typequ"].str.endswith("*")].set_index("typequ")
    category = codes.map(exact["categorie"])
    label = codes.map(exact["libelle"]) if "libelle" in exact else pd.Series(None, index=codes.index)
    for row in mapping[mapping["typequ"].str.endswith("*")].itertuples():
        hit = category.isna() & codes.str.startswith(row.typequ[:-1])
        category = category.where(~hit, row.categorie)
        label = label.where(~hit, getattr(row, "libelle", None))
    return category, label


def read_bpe(paths, mapping: pd.DataFrame, target_epsg: int, report: SitesReport, feedback=None) -> pd.DataFrame:
    """Facilities of the mapped types: site_id, source, type_equipement, categorie, libelle, insee_com, x, y."""
    feedback = feedback or SilentFeedback()
    frames = []
    for path in paths:
        layout = sniff(path, ";", feedback)
        columns = resolve_columns(layout, BPE_REQUIRED, BPE_OPTIONAL)
        if not ({"x", "y"} <= set(columns) or {"lon", "lat"} <= set(columns)):
            raise ScoranError(tr("{0} : colonnes de coordonnées absentes (LAMBERT_X/LAMBERT_Y ou LONGITUDE/LATITUDE)."
                                 ).format(layout.path.name))
        for chunk in read_chunks(layout, columns, text_columns=("typequ", "depcom", "qualite", "nom")):
            check_canceled(feedback)
            report.counts["bpe_read"] += len(chunk)
            category, label = categorise(chunk["typequ"], mapping)
            keep = category.notna().to_numpy()
            report.counts["bpe_other_types"] += int((~keep).sum())
            chunk = chunk.loc[keep].assign(categorie=category[keep], libelle=label[keep])
            frames.append(_locate_bpe(chunk, "x" in columns, target_epsg, report))
    sites = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if sites.empty:
        return sites
    # BPE has no identifier: number the facilities of a type within a commune, in a stable order.
    sites = sites.sort_values(["insee_com", "type_equipement", "x", "y"], kind="stable").reset_index(drop=True)
    rank = sites.groupby(["insee_com", "type_equipement"]).cumcount() + 1
    sites.insert(0, "site_id", "BPE-" + sites["insee_com"] + "-" + sites["type_equipement"] + "-" +
                 rank.astype(str).str.zfill(3))
    report.counts["bpe_kept"] += len(sites)
    return sites


def _locate_bpe(chunk: pd.DataFrame, lambert: bool, target_epsg: int, report: SitesReport) -> pd.DataFrame:
    codes, valid = normalize_insee_series(chunk["depcom"])
    report.counts["bad_insee"] += int((~valid).sum())
    x = to_number(chunk["x"] if lambert else chunk["lon"])
    y = to_number(chunk["y"] if lambert else chunk["lat"])
    located = ~(np.isnan(x) | np.isnan(y))
    report.counts["no_coordinates"] += int((~located).sum())
    codes = codes.where(valid, "")
    departments = np.where(codes.str.startswith("97"), codes.str[:3], codes.str[:2])
    source_epsg = np.array([crs_for_departement(d) for d in departments]) if lambert else np.full(len(codes), 4326)
    out_x, out_y = x.copy(), y.copy()
    for epsg in np.unique(source_epsg[located]):
        rows = located & (source_epsg == epsg)
        out_x[rows], out_y[rows] = projection.transform(x[rows], y[rows], int(epsg), target_epsg)
    return pd.DataFrame({
        "source": "BPE", "type_equipement": chunk["typequ"].to_numpy(), "categorie": chunk["categorie"].to_numpy(),
        "libelle": chunk["libelle"].to_numpy(), "nom": chunk["nom"].to_numpy() if "nom" in chunk else None,
        "insee_com": codes.to_numpy(), "qualite_xy": chunk["qualite"].to_numpy() if "qualite" in chunk else None,
        "annee": chunk["an"].astype(str).to_numpy() if "an" in chunk else None,
        "x": out_x, "y": out_y,
    }).loc[located]


def read_sirene(paths, target_epsg: int, report: SitesReport, feedback=None) -> pd.DataFrame:
    """Businesses: site_id = SIRET; x/y read in each row's EPSG and reprojected to `target_epsg`."""
    feedback = feedback or SilentFeedback()
    frames = []
    for path in paths:
        layout = sniff(path, ",", feedback)
        columns = resolve_columns(layout, SIRENE_REQUIRED, SIRENE_OPTIONAL)
        for chunk in read_chunks(layout, columns, text_columns=("siret", "commune", "qualite")):
            check_canceled(feedback)
            x, y, epsg = to_number(chunk["x"]), to_number(chunk["y"]), to_number(chunk["epsg"])
            located = ~(np.isnan(x) | np.isnan(y))
            report.counts["no_coordinates"] += int((~located).sum())
            out_x, out_y = x.copy(), y.copy()
            usable = located.copy()
            for code in np.unique(epsg[located & ~np.isnan(epsg)]):
                rows = located & (epsg == code)
                try:
                    out_x[rows], out_y[rows] = projection.transform(x[rows], y[rows], int(code), target_epsg)
                except RuntimeError:
                    usable[rows] = False
                    report.counts["bad_epsg"] += int(rows.sum())
            usable &= ~np.isnan(epsg)
            report.counts["bad_epsg"] += int((located & np.isnan(epsg)).sum())
            codes, valid = (normalize_insee_series(chunk["commune"]) if "commune" in chunk else
                            (pd.Series([""] * len(chunk)), np.zeros(len(chunk), bool)))
            frames.append(pd.DataFrame({
                "site_id": chunk["siret"].astype(str).str.strip().to_numpy(), "source": "SIRENE",
                "type_equipement": "SIRENE", "categorie": "entreprises", "libelle": "Établissement (SIRENE)",
                "nom": None, "insee_com": codes.where(valid, "").to_numpy(),
                "qualite_xy": chunk["qualite"].to_numpy() if "qualite" in chunk else None, "annee": None,
                "x": out_x, "y": out_y,
            }).loc[usable])
    sites = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if not sites.empty:
        duplicated = sites["site_id"].duplicated().to_numpy()
        report.counts["duplicate_siret"] += int(duplicated.sum())
        sites = sites.loc[~duplicated].reset_index(drop=True)
        report.counts["sirene_kept"] += len(sites)
    return sites


def import_sites(bpe_paths=(), sirene_paths=(), mapping_path=None, target_epsg: int = LAMBERT_93, feedback=None):
    """BPE and SIRENE sites together; returns (DataFrame, SitesReport)."""
    if not bpe_paths and not sirene_paths:
        raise ScoranError(tr("Fournissez au moins un fichier BPE ou un fichier SIRENE."))
    report = SitesReport()
    mapping = load_mapping(mapping_path)
    parts = [read_bpe(bpe_paths, mapping, target_epsg, report, feedback)] if bpe_paths else []
    if sirene_paths:
        parts.append(read_sirene(sirene_paths, target_epsg, report, feedback))
    sites = pd.concat([p for p in parts if not p.empty], ignore_index=True) if any(
        not p.empty for p in parts) else pd.DataFrame()
    if sites.empty:
        c = report.counts
        raise ScoranError(tr("Aucun site prioritaire dans les fichiers fournis : {0} équipement(s) BPE lu(s) dont {1} "
                             "d'un type hors de la table des catégories, {2} sans coordonnées, {3} au code INSEE "
                             "invalide, {4} à la projection illisible.").format(
            c["bpe_read"], c["bpe_other_types"], c["no_coordinates"], c["bad_insee"], c["bad_epsg"]))
    return sites, report
