"""A starter register of ~40 services & usages projects, with funding, map links, milestones, documents,
what the circular asks of each (emerging needs, experiments, professions, training), two regional themes
and an SDTAN inventory row for each département — all sample data."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .territory import Territory

# (title, domain, level, owner, budget k€, where: "town" | "rural" | "region" | "dep")
PROJECTS = [
    ("Télémédecine dans les EHPAD du Morvan", "sante", "national", "ARS Bourgogne-Franche-Comté", 850, "rural"),
    ("Téléconsultation en maisons de santé pluridisciplinaires", "sante", "national", "ARS Bourgogne-Franche-Comté", 1200, "rural"),
    ("Dossier médical partagé : déploiement hospitalier", "sante", "national", "GCS e-santé BFC", 2300, "region"),
    ("Télé-imagerie des centres hospitaliers de proximité", "sante", "regional", "GHT Nord Franche-Comté", 1600, "town"),
    ("Télésurveillance des maladies chroniques à domicile", "sante", "territoire_innovant", "Mutualité Française BFC", 640, "rural"),
    ("Espace numérique de travail des lycées (ENT)", "education", "national", "Région Bourgogne-Franche-Comté", 3100, "region"),
    ("Collèges connectés en très haut débit", "education", "national", "Département", 1450, "dep"),
    ("Écoles rurales numériques", "education", "national", "Rectorat de Dijon", 900, "rural"),
    ("Tablettes et ressources pédagogiques en collège", "education", "regional", "Département", 780, "dep"),
    ("Classes mobiles pour les écoles de montagne", "education", "territoire_innovant", "Communauté de communes", 210, "rural"),
    ("Campus numérique universitaire Dijon–Besançon", "enseignement_superieur", "national", "COMUE UBFC", 4200, "town"),
    ("Réseau régional de la recherche (raccordement THD des laboratoires)", "enseignement_superieur", "national", "Université de Franche-Comté", 2600, "town"),
    ("Centre de calcul mutualisé pour la recherche", "enseignement_superieur", "regional", "Université de Bourgogne", 1900, "town"),
    ("Formation à distance des étudiants en zone rurale", "enseignement_superieur", "territoire_innovant", "CNAM BFC", 350, "rural"),
    ("Plateforme régionale de services en ligne aux usagers", "e_administration", "national", "Région Bourgogne-Franche-Comté", 1300, "region"),
    ("Maisons de services au public itinérantes", "e_administration", "national", "Préfecture de région", 620, "rural"),
    ("Dématérialisation des marchés publics des collectivités", "e_administration", "regional", "Syndicat mixte e-bourgogne", 480, "region"),
    ("Open data territorial", "e_administration", "regional", "Région Bourgogne-Franche-Comté", 260, "region"),
    ("Guichet numérique des autorisations d'urbanisme", "e_administration", "territoire_innovant", "Communauté d'agglomération", 190, "town"),
    ("Espaces de coworking en bourg-centre", "developpement_economique", "regional", "Communauté de communes", 540, "rural"),
    ("Raccordement THD des zones d'activités", "developpement_economique", "national", "Département", 2100, "dep"),
    ("Accompagnement numérique des TPE artisanales", "developpement_economique", "regional", "CCI Bourgogne-Franche-Comté", 700, "region"),
    ("Place de marché en ligne des producteurs locaux", "developpement_economique", "territoire_innovant", "Chambre d'agriculture", 230, "rural"),
    ("Agriculture de précision connectée", "developpement_economique", "territoire_innovant", "Chambre d'agriculture", 410, "rural"),
    ("Numérisation des archives départementales", "culture", "national", "Département", 950, "dep"),
    ("Musées connectés et visites virtuelles", "culture", "regional", "Région Bourgogne-Franche-Comté", 600, "town"),
    ("Médiathèques numériques en réseau", "culture", "regional", "Département", 520, "dep"),
    ("Patrimoine en réalité augmentée (Climats de Bourgogne)", "culture", "territoire_innovant", "Dijon Métropole", 380, "town"),
    ("Centre de données public régional mutualisé", "mutualisation", "national", "Région Bourgogne-Franche-Comté", 5200, "region"),
    ("Mutualisation des infrastructures de génie civil (fourreaux)", "mutualisation", "regional", "Syndicat départemental d'énergie", 1800, "dep"),
    ("Cloud souverain des collectivités", "mutualisation", "regional", "Syndicat mixte e-bourgogne", 1450, "region"),
    ("Points hauts mutualisés pour la téléphonie mobile", "mutualisation", "national", "Département", 990, "rural"),
    ("Médiateurs numériques pour les publics éloignés", "autre", "national", "Préfecture de région", 720, "rural"),
    ("Inclusion numérique dans les quartiers prioritaires", "autre", "national", "Communauté urbaine", 560, "town"),
    ("Fab lab rural", "autre", "territoire_innovant", "Association", 140, "rural"),
    ("Réseau d'initiative citoyenne Wi-Fi en bourg", "autre", "territoire_innovant", "Commune", 90, "rural"),
    ("Observatoire régional du numérique", "autre", "regional", "Région Bourgogne-Franche-Comté", 300, "region"),
    ("Télétravail des agents publics en tiers-lieux", "e_administration", "regional", "Centre de gestion", 270, "rural"),
    ("Formation aux usages numériques des seniors", "autre", "regional", "Département", 330, "dep"),
    ("Smart grid et compteurs communicants en milieu rural", "developpement_economique", "territoire_innovant", "Syndicat départemental d'énergie", 1250, "rural"),
]
STATUSES = ["idee", "en_etude", "finance", "en_cours", "realise", "abandonne"]
STATUS_WEIGHTS = [0.1, 0.25, 0.2, 0.3, 0.12, 0.03]
PIA_CALLS = ["AAP e-santé 2014", "AAP e-éducation 2015", "AAP Territoires de soins numériques", "AAP Ville de demain"]

# The region's « un ou deux thèmes supplémentaires » (circular, II.B): sample themes, marked as such.
THEMES = [{"code": "tourisme", "libelle": "Tourisme et patrimoine (exemple)", "ordre": 1},
          {"code": "filiere_bois", "libelle": "Filière forêt-bois (exemple)", "ordre": 2}]
# project number → its regional themes
PROJECT_THEMES = {23: "tourisme", 24: "filiere_bois", 26: "tourisme", 28: "tourisme", 36: "tourisme",
                  40: "filiere_bois", 20: "tourisme,filiere_bois"}
# domain → (emerging need, experiment worth promoting, professions, training need): sample texts
CIRCULAR_TEXTS = {
    "sante": ("Suivi à domicile des patients chroniques loin des centres hospitaliers",
              "Téléconsultation assistée par un infirmier en maison de santé",
              "Médecins généralistes, infirmiers, aides-soignants, techniciens biomédicaux",
              "Pratique de la téléconsultation et sécurité des données de santé"),
    "education": ("Ressources pédagogiques en ligne pour les écoles rurales",
                  "Classes mobiles partagées entre écoles d'un regroupement pédagogique",
                  "Enseignants, conseillers pédagogiques numériques, agents de maintenance",
                  "Usages pédagogiques des tablettes et de l'ENT"),
    "enseignement_superieur": ("Accès des étudiants éloignés aux cours à distance",
                               "Campus connecté en ville moyenne",
                               "Enseignants-chercheurs, ingénieurs réseau, techniciens audiovisuels",
                               "Scénarisation de cours à distance"),
    "e_administration": ("Démarches en ligne pour les usagers sans équipement",
                         "Maison de services au public itinérante",
                         "Agents d'accueil, secrétaires de mairie, développeurs",
                         "Accompagnement des usagers aux démarches en ligne"),
    "developpement_economique": ("Télétravail et tiers-lieux dans les bourgs-centres",
                                 "Espace de coworking animé par une communauté de communes",
                                 "Artisans, commerçants, animateurs de tiers-lieux",
                                 "Vente en ligne et présence numérique des TPE"),
    "culture": ("Valorisation numérique du patrimoine local",
                "Visite en réalité augmentée d'un site patrimonial",
                "Médiateurs culturels, archivistes, guides-conférenciers",
                "Numérisation et diffusion des collections"),
    "mutualisation": ("Hébergement sécurisé des données des petites collectivités",
                      "Cloud partagé entre syndicats et intercommunalités",
                      "Administrateurs systèmes, responsables de la sécurité des systèmes d'information",
                      "Administration d'infrastructures mutualisées"),
    "autre": ("Accompagnement des publics éloignés des usages numériques",
              "Médiateurs numériques itinérants dans les bourgs",
              "Médiateurs numériques, travailleurs sociaux, animateurs",
              "Médiation numérique et inclusion"),
}
# SDTAN of each département: sample statuses (weights) and the owner's preposition
SDTAN_STATUSES = ["adopte", "en_actualisation", "a_actualiser", "en_elaboration"]
SDTAN_WEIGHTS = [0.5, 0.3, 0.15, 0.05]
OF_DEPARTMENT = {"21": "de la Côte-d'Or", "25": "du Doubs", "39": "du Jura", "58": "de la Nièvre",
                 "70": "de la Haute-Saône", "71": "de Saône-et-Loire", "89": "de l'Yonne",
                 "90": "du Territoire de Belfort"}
SAMPLE = "Données d'exemple (synthétiques)"


def build(territory: Territory, rng: np.random.Generator):
    """Tables: projects, funding lines, links, milestones, documents, regional themes, SDTAN inventory
    (French codes of the store)."""
    communes = territory.communes
    towns = communes[communes["population"] >= 10000]
    villages = communes[communes["population"] < 1000]
    departements = sorted(communes["insee_dep"].unique())
    projects, funding, links, milestones, documents = [], [], [], [], []
    for number, (title, domain, level, owner, budget_k, where) in enumerate(PROJECTS, start=1):
        project_id = f"PRJ-{number:03d}"
        status = rng.choice(STATUSES, p=STATUS_WEIGHTS)
        start = 2014 + int(rng.integers(0, 4))
        end = start + 1 + int(rng.integers(0, 4))
        budget = budget_k * 1000.0
        if where == "town":
            linked = towns.iloc[rng.choice(len(towns), int(rng.integers(1, 3)), replace=False)]
        elif where == "rural":
            linked = villages.iloc[rng.choice(len(villages), int(rng.integers(2, 7)), replace=False)]
        else:
            linked = communes.iloc[[]]
        deps = sorted(set(linked["insee_dep"])) if len(linked) else (
            [departements[int(rng.integers(0, len(departements)))]] if where == "dep" else departements)
        pia = PIA_CALLS[int(rng.integers(0, len(PIA_CALLS)))] if level == "national" and rng.random() < 0.5 else ""
        projects.append({
            "projet_id": project_id, "titre": title,
            "description": f"{title} — projet de l'axe « {domain.replace('_', ' ')} » de la SCORAN.",
            "niveau": level, "domaine": domain, "porteur": owner,
            "partenaires": "État, Région" if level == "national" else "Région",
            "statut": status, "budget": budget, "appel_projets_pia": pia,
            "mutualisation": int(domain == "mutualisation" or rng.random() < 0.15),
            "zones_defavorisees": int(where == "rural" and rng.random() < 0.6),
            "publics_eloignes": int(domain == "autre" or rng.random() < 0.2),
            "departements": ",".join(deps), "date_debut": f"{start}-{int(rng.integers(1, 13)):02d}-01",
            "date_fin": f"{end}-12-31",
        })
        shares = {"etat_pia" if pia else "etat": 0.3 if level == "national" else 0.1, "region": 0.3, "feder": 0.2}
        shares["departement" if where == "dep" else "epci"] = 1 - sum(shares.values())
        funding += [{"projet_id": project_id, "financeur": who, "montant": round(budget * share, 2),
                     "appel_projets": pia if who == "etat_pia" else ""} for who, share in shares.items()]
        links += [{"projet_id": project_id, "type_objet": "commune", "cle": code} for code in linked["insee_com"]]
        links += [{"projet_id": project_id, "type_objet": "departement", "cle": dep} for dep in deps
                  if where in ("dep", "region")]
        if domain == "mutualisation" and where == "dep":
            links += [{"projet_id": project_id, "type_objet": "rip", "cle": f"RIP{dep}"} for dep in deps]
        for label, year, half in (("Lancement", start, 1), ("Mise en service", end, 2)):
            done = status in ("realise",) or (status == "en_cours" and label == "Lancement")
            milestones.append({"projet_id": project_id, "libelle": label, "date_jalon": "",
                               "semestre": f"{year}-S{half}", "statut": "atteint" if done else "prevu"})
        if status in ("en_etude", "finance", "en_cours", "realise"):
            milestones.append({"projet_id": project_id, "libelle": "Comité de pilotage", "semestre": "",
                               "date_jalon": f"{start}-{int(rng.integers(1, 13)):02d}-15",
                               "statut": "atteint" if start < 2016 else "prevu"})
            documents.append({"projet_id": project_id, "type_document": "compte_rendu",
                              "titre": f"Compte rendu de la commission régionale — {title}",
                              "chemin": f"documents/{project_id}_compte_rendu.pdf",
                              "date_document": f"{start}-06-30"})
    # drawn after the projects, from a generator of their own: the projects above stay as they were
    extra = np.random.default_rng(int(rng.integers(0, 2**31)))
    for number, project in enumerate(projects, start=1):
        need, experiment, professions, training = CIRCULAR_TEXTS[project["domaine"]]
        draws = extra.random(2)
        project.update(besoins_emergents=need if draws[0] < 0.6 else "",
                       experimentations=experiment if draws[0] < 0.35 else "",
                       metiers=professions if draws[1] < 0.7 else "",
                       besoins_formation=training if draws[1] < 0.5 else "",
                       themes_regionaux=PROJECT_THEMES.get(number, ""))
    return (pd.DataFrame(projects), pd.DataFrame(funding), pd.DataFrame(links), pd.DataFrame(milestones),
            pd.DataFrame(documents), pd.DataFrame(THEMES), sdtan(territory, extra))


def sdtan(territory: Territory, rng: np.random.Generator) -> pd.DataFrame:
    """One SDTAN per département: adopted 2011–2014, some being or to be updated, one still drafted."""
    rows = []
    for code, name in sorted(zip(territory.departements["insee_dep"], territory.departements["nom"])):
        status = rng.choice(SDTAN_STATUSES, p=SDTAN_WEIGHTS)
        adopted = f"{2011 + int(rng.integers(0, 4))}-{int(rng.integers(1, 13)):02d}-{int(rng.integers(1, 29)):02d}"
        updated = f"{2014 + int(rng.integers(0, 2))}-{int(rng.integers(1, 13)):02d}-15"
        drafted = status == "en_elaboration"
        rows.append({"code_dep": code, "titre": f"Schéma directeur territorial d'aménagement numérique — {name}",
                     "maitre_ouvrage": f"Département {OF_DEPARTMENT.get(code, f'({name})')}",
                     "date_adoption": "" if drafted else adopted, "statut": status,
                     "derniere_mise_a_jour": "" if drafted or status == "adopte" else max(updated, adopted),
                     "commentaire": SAMPLE})
    return pd.DataFrame(rows)
