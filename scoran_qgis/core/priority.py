"""Priority sites against the premises' speed classes (SCORAN deliverable 2)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .geometry import nearest_within
from .speed_classes import CLASSES, RANK
from .whitezones import threshold_rank


def classify_sites(site_x, site_y, premise_x, premise_y, premise_ranks, premise_codes, max_distance: float,
                   threshold: str, feedback=None) -> pd.DataFrame:
    """Per site: class of the nearest premise within `max_distance` (None when none), its distance,
    its commune, and the flags `sans_haut_debit` (INEL) and `sous_seuil` (below THRESHOLD)."""
    limit = threshold_rank(threshold)
    nearest, distance = nearest_within(np.asarray(site_x), np.asarray(site_y), np.asarray(premise_x),
                                       np.asarray(premise_y), max_distance, feedback=feedback)
    found = nearest >= 0
    rank = np.where(found, np.asarray(premise_ranks)[np.where(found, nearest, 0)], -1)
    classes = np.array(CLASSES, dtype=object)
    return pd.DataFrame({
        "classe": np.where(found, classes[rank.clip(min=0)], None),
        "distance_m": np.where(found, np.round(distance, 1), np.nan),
        "commune_local": np.where(found, np.asarray(premise_codes, dtype=object)[np.where(found, nearest, 0)], None),
        "sans_haut_debit": np.where(found, rank == RANK["INEL"], None),
        "sous_seuil": np.where(found, rank < limit, None),
    })


def summarise(sites: pd.DataFrame) -> pd.DataFrame:
    """Counts per commune and per department (and the whole territory), by category.

    `sites` has insee_com, categorie, classe, sans_haut_debit, sous_seuil.
    """
    frame = pd.DataFrame({
        "insee_com": sites["insee_com"].fillna("").astype(str),
        "categorie": sites["categorie"].fillna("autre").astype(str),
        "nb_sites": 1,
        "nb_sans_haut_debit": sites["sans_haut_debit"].fillna(False).astype(bool).astype(int),
        "nb_sous_seuil": sites["sous_seuil"].fillna(False).astype(bool).astype(int),
        "nb_sans_local_proche": sites["classe"].isna().astype(int),
    })
    frame["code_dep"] = np.where(frame["insee_com"].str.startswith("97"), frame["insee_com"].str[:3],
                                 frame["insee_com"].str[:2])
    counts = ["nb_sites", "nb_sans_haut_debit", "nb_sous_seuil", "nb_sans_local_proche"]
    communes = frame.groupby(["insee_com", "categorie"])[counts].sum().reset_index()
    # niveau and code are keys the deliverables read: French words, never translated
    communes = communes.rename(columns={"insee_com": "code"}).assign(niveau="commune")
    departments = frame.groupby(["code_dep", "categorie"])[counts].sum().reset_index()
    departments = departments.rename(columns={"code_dep": "code"}).assign(niveau="département")
    total = frame.groupby("categorie")[counts].sum().reset_index().assign(code="Ensemble",
                                                                          niveau="territoire")
    table = pd.concat([departments, total, communes], ignore_index=True)
    return table[["niveau", "code", "categorie", *counts]]
