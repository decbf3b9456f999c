<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
    <context>
        <name>Processing</name>
        <message>
            <location filename="../../algorithms/base.py" />
            <source>Mémoire insuffisante pour ce traitement : réduisez l'emprise (un département à la fois).</source>
            <translation>Not enough memory for this processing: reduce the extent (one department at a time).</translation>
        </message>
        <message>
            <location filename="../../algorithms/base.py" />
            <source>Erreur de lecture ou d'écriture sur {0} : {1}. Rien n'a été écrit.</source>
            <translation>Read or write error on {0}: {1}. Nothing was written.</translation>
        </message>
        <message>
            <location filename="../../algorithms/base.py" />
            <source>Erreur de la base SQLite/GeoPackage : {0}. Rien n'a été écrit.</source>
            <translation>SQLite/GeoPackage database error: {0}. Nothing was written.</translation>
        </message>
        <message>
            <location filename="../../algorithms/base.py" />
            <source>Erreur inattendue dans {0} ({1} : {2}). Rien n'a été écrit ; merci de signaler ce problème avec le journal du traitement.</source>
            <translation>Unexpected error in {0} ({1}: {2}). Nothing was written; please report this problem with the processing log.</translation>
        </message>
        <message>
            <location filename="../../algorithms/base.py" />
            <source>Choisissez une projection EPSG (ex. EPSG:2154), pas {0}.</source>
            <translation>Choose an EPSG projection (e.g. EPSG:2154), not {0}.</translation>
        </message>
        <message>
            <location filename="../../algorithms/base.py" />
            <source>Style {0} introuvable : couche {1} chargée sans style.</source>
            <translation>Style {0} not found: layer {1} loaded without a style.</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>Créer ou mettre à jour le référentiel SCORAN</source>
            <translation>Create or update the SCORAN database</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <location filename="../../algorithms/migrate_store.py" />
            <source>Référentiel</source>
            <translation>Database</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>référentiel,geopackage,territoire,communes,EPCI,départements,millésime</source>
            <translation>database,geopackage,territory,communes,EPCI,departments,vintage</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>Crée le référentiel SCORAN (un GeoPackage qui garde les données de travail d'un semestre à l'autre) ou, s'il existe, le met à niveau et remplace son territoire.

Lit : une couche de communes (IGN ADMIN EXPRESS ou toute couche de polygones portant le code INSEE : INSEE_COM, code_insee…), et, si on les fournit, les départements et les EPCI. Les codes INSEE sont ramenés à 5 caractères (1001 → 01001 ; 2A004 conservé) ; les lignes sans code valide ou sans géométrie sont écartées et comptées dans le journal. Les départements absents sont reconstitués par fusion des communes, les régions par fusion des départements.

Écrit : le référentiel (tables du territoire, millésimes, projets RIP/AMII, centres-bourgs, registre des projets d'usages…), en Lambert-93 par défaut. Un référentiel écrit par une version plus récente de l'extension est refusé sans être modifié. Le référentiel peut aussi être une base PostgreSQL/PostGIS : nom d'une connexion QGIS, « service=… » ou chaîne de connexion (avec « schema=… » si le schéma n'est pas « scoran ») ; un nouveau schéma y est créé avec son territoire en une seule transaction.

Contrôle : quand le référentiel a déjà des centres-bourgs, chaque mairie est comparée à la commune de son code INSEE ; celles qui en sont hors sont comptées et signalées (premiers codes).</source>
            <translation>Creates the SCORAN database (a GeoPackage that keeps the working data from one half-year to the next) or, if it exists, upgrades it and replaces its territory.

Reads: a layer of communes (IGN ADMIN EXPRESS or any polygon layer carrying the INSEE code: INSEE_COM, code_insee…) and, when given, the departments and the EPCIs. INSEE codes are padded to 5 characters (1001 → 01001; 2A004 kept); rows without a valid code or without a geometry are left out and counted in the log. Missing departments are rebuilt by merging the communes, regions by merging the departments.

Writes: the database (territory tables, vintages, RIP/AMII projects, town centres, register of digital-use projects…), in Lambert-93 by default. A database written by a more recent version of the plugin is refused without being modified. The database can also be held in PostgreSQL/PostGIS: name of a QGIS connection, “service=…” or connection string (with “schema=…” if the schema is not “scoran”); a new schema is created there with its territory in a single transaction.

Check: when the database already has town centres, each town hall is compared with the commune of its INSEE code; those outside it are counted and reported (first codes).</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>Communes</source>
            <translation>Communes</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>Départements</source>
            <translation>Departments</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>EPCI</source>
            <translation>EPCI</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>Système de coordonnées (celui des préférences, Lambert-93 par défaut)</source>
            <translation>Coordinate reference system (the one of the settings, Lambert-93 by default)</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>Millésime à déclarer (AAAA-S1 ou AAAA-S2)</source>
            <translation>Vintage to declare (YYYY-S1 or YYYY-S2)</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>Référentiel SCORAN</source>
            <translation>SCORAN database</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>Communes chargées</source>
            <translation>Communes loaded</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>Lecture des communes…</source>
            <translation>Reading the communes…</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>Référentiel mis à niveau : {0}</source>
            <translation>Database upgraded: {0}</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>Référentiel créé : {0}</source>
            <translation>Database created: {0}</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>Centres-bourgs du référentiel</source>
            <translation>Town centres of the database</translation>
        </message>
        <message>
            <location filename="../../algorithms/create_store.py" />
            <source>{0} centre(s)-bourg(s) du référentiel dont la commune n'est pas dans le territoire chargé.</source>
            <translation>{0} town centre(s) of the database whose commune is not in the loaded territory.</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>Générer les livrables SCORAN</source>
            <translation>Generate the SCORAN deliverables</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>Livrables</source>
            <translation>Deliverables</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>livrables,atlas,PDF,XLSX,semestre,millésime,SCORAN,tableaux,cartes</source>
            <translation>deliverables,atlas,PDF,XLSX,half-year,vintage,SCORAN,tables,maps</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>Produit les livrables semestriels de la SCORAN 2.0 pour la région ou quelques départements.

Lit : le référentiel SCORAN, le dossier des analyses du millésime (sorties de la chaîne : locaux, zones blanches, sites prioritaires, couverture et trajectoire THD, besoins financiers, centres-bourgs…). Les analyses absentes sont calculées à partir du dossier des sources (arcep/, insee/, sirene/, mobile/) quand il est fourni.

Écrit dans le dossier de sortie : l'atlas PDF (page de garde, évolutions depuis le millésime précédent, puis pour la région et chaque département : haut débit fixe, « Quand ? » (résorption des zones blanches), sites prioritaires sans date THD, très haut débit, mobile, carte des usages, calendrier), un PDF par département, les classeurs XLSX de chaque livrable (phasage 2015–2017, inventaire et résorption des zones blanches, sites prioritaires, avancement des projets et conventions, trajectoire THD, besoins financiers et coût du 100 %, zones blanches mobiles, projets d'usages par priorité, calendrier des initiatives, indicateurs et évolutions depuis le millésime précédent), les indicateurs à plat pour la consolidation nationale (indicateurs_nationaux.csv, avec le classeur des indicateurs), et le document de présentation de la SCORAN 2.0 (ODT modifiable, plan de la circulaire, chiffres, tableaux et cartes du semestre ; les textes écrits par le SGAR dans les cadres « À rédiger » du document précédent — celui du dossier des livrables, même millésime ou à défaut le plus récent, ou celui indiqué — sont repris ; sans le module Python odf (odfpy), ce document n'est pas produit et un avertissement le dit). Les fichiers sont écrits à part puis déplacés ensemble : jamais un jeu partiel présenté comme complet.

Enregistre aussi dans le référentiel, pour toute la région quels que soient les départements demandés, l'état du millésime : projets d'usages (statut, budget, dates), centres-bourgs (couverture, état du site, sites nécessaires, coût retenu) et coûts (phases des RIP, reste à planifier, mobile) ; une nouvelle génération du même millésime remplace ses lignes. « Évolutions » et « Comparaison » comparent à ce qui a été enregistré pour le millésime précédent.</source>
            <translation>Produces the half-yearly deliverables of the SCORAN 2.0 for the region or a few departments.

Reads: the SCORAN database, the folder of the vintage's analyses (outputs of the chain: premises, white zones, priority sites, THD coverage and trajectory, financial needs, town centres…). Missing analyses are computed from the sources folder (arcep/, insee/, sirene/, mobile/) when it is given.

Writes in the output folder: the PDF atlas (cover page, changes since the previous vintage, then for the region and each department: fixed broadband, “When?” (white-zone clearing), priority sites without a THD date, very high-speed broadband, mobile, map of digital uses, calendar), one PDF per department, the XLSX workbooks of each deliverable (2015–2017 phasing, inventory and clearing of white zones, priority sites, progress of projects and agreements, THD trajectory, financial needs and cost of 100%, mobile white zones, digital-use projects by priority, calendar of initiatives, indicators and changes since the previous vintage), the indicators as a flat table for national consolidation (indicateurs_nationaux.csv, with the indicators workbook), and the SCORAN 2.0 presentation document (editable ODT, outline of the circular, figures, tables and maps of the half-year; the texts written by the SGAR in the “To be written” frames of the previous document — the one in the deliverables folder, same vintage or failing that the most recent, or the one given — are carried over; without the Python module odf (odfpy), this document is not produced and a warning says so). The files are written aside then moved together: never a partial set presented as complete.

Also records in the database, for the whole region whatever the departments requested, the state of the vintage: digital-use projects (status, budget, dates), town centres (coverage, state of the site, sites needed, cost retained) and costs (RIP phases, left to plan, mobile); a new generation of the same vintage replaces its rows. “Changes” and “Comparison” compare with what was recorded for the previous vintage.</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>Référentiel SCORAN (fichier .gpkg ou base PostgreSQL)</source>
            <translation>SCORAN database (.gpkg file or PostgreSQL database)</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <location filename="../../algorithms/thd_coverage.py" />
            <location filename="../../algorithms/thd_trajectory.py" />
            <source>Millésime (AAAA-S1 ou AAAA-S2)</source>
            <translation>Vintage (YYYY-S1 or YYYY-S2)</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>Dossier des analyses du millésime</source>
            <translation>Folder of the vintage's analyses</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>Dossier des sources (pour calculer les analyses absentes)</source>
            <translation>Sources folder (to compute the missing analyses)</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>Départements (codes séparés par des virgules ; vide : toute la région)</source>
            <translation>Departments (codes separated by commas; empty: the whole region)</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>Atlas PDF</source>
            <translation>PDF atlas</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>Classeurs XLSX</source>
            <translation>XLSX workbooks</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>Document de présentation (ODT)</source>
            <translation>Presentation document (ODT)</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>Document précédent dont reprendre les textes (vide : celui du dossier des livrables)</source>
            <translation>Previous document to carry the texts over from (empty: the one in the deliverables folder)</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>Dossier des livrables</source>
            <translation>Deliverables folder</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>Pages de l'atlas</source>
            <translation>Atlas pages</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>Fichiers écrits</source>
            <translation>Files written</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>Dossier des livrables non indiqué : dossier temporaire {0}.</source>
            <translation>Deliverables folder not given: temporary folder {0}.</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>Département(s) absent(s) du référentiel : {0}.</source>
            <translation>Department(s) missing from the database: {0}.</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>Analyses absentes dans {0} : {1}. Indiquez le dossier des sources pour les calculer.</source>
            <translation>Missing analyses in {0}: {1}. Give the sources folder to compute them.</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>aucun</source>
            <translation>none</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>Le millésime {0} n'est pas dans le référentiel {1} (millésimes connus : {2}). Lancez d'abord la chaîne de ce millésime (Couverture THD avec le référentiel) ou indiquez le dossier des sources.</source>
            <translation>Vintage {0} is not in the database {1} (known vintages: {2}). First run the chain of this vintage (THD coverage with the database) or give the sources folder.</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>Millésime {0} enregistré dans le référentiel : {1} projets, {2} centres-bourgs, {3} lignes de coûts.</source>
            <translation>Vintage {0} recorded in the database: {1} projects, {2} town centres, {3} cost rows.</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>Impossible de remplacer {0} (ouvert dans un autre logiciel ou protégé) : aucun livrable n'a été remplacé.</source>
            <translation>Cannot replace {0} (open in another program or protected): no deliverable was replaced.</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>{0} fichier(s) écrit(s) dans {1}.</source>
            <translation>{0} file(s) written in {1}.</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>Le dossier {0} n'est pas accessible en écriture ({1}).</source>
            <translation>The folder {0} is not writable ({1}).</translation>
        </message>
        <message>
            <location filename="../../algorithms/deliverables.py" />
            <source>Analyse absente ou périmée calculée : {0}</source>
            <translation>Missing or outdated analysis computed: {0}</translation>
        </message>
        <message>
            <location filename="../../algorithms/financial_needs.py" />
            <source>Besoins financiers (THD fixe)</source>
            <translation>Financial needs (fixed THD)</translation>
        </message>
        <message>
            <location filename="../../algorithms/financial_needs.py" />
            <location filename="../../algorithms/thd_coverage.py" />
            <location filename="../../algorithms/thd_trajectory.py" />
            <location filename="../../algorithms/white_zone_clearing.py" />
            <source>Très haut débit</source>
            <translation>Very high-speed broadband</translation>
        </message>
        <message>
            <location filename="../../algorithms/financial_needs.py" />
            <source>coût,financement,État,plafond,FEDER,Région,Département,EPCI,RIP,SCORAN</source>
            <translation>cost,funding,State,ceiling,ERDF,Region,Department,EPCI,RIP,SCORAN</translation>
        </message>
        <message>
            <location filename="../../algorithms/financial_needs.py" />
            <source>Région, Département, EPCI, FEDER</source>
            <translation>Region, Department, EPCI, ERDF</translation>
        </message>
        <message>
            <location filename="../../algorithms/financial_needs.py" />
            <source>Estimation semestrielle du coût de la couverture fixe et des besoins de financement (livrable 7 de la SCORAN).

Lit : la sortie de « Couverture THD », les phases des RIP, la table d'aide de l'État par département (taux et plafond par local ; aides_departements du référentiel, ou la table de l'extension : de 33 % et 180 € à 61,6 % et 694 € selon le cahier des charges 2013, ligne « * » par défaut) et les coûts unitaires par technologie et densité (couts_unitaires).

Calcule, par phase et département : locaux restant à desservir hors communes AMII et ZTD (initiative privée) et hors phases abandonnées × coût unitaire (densité de la commune selon regles_par_defaut.csv : urbain ≥ 2 000 locaux, périurbain ≥ 300, rural), ou le cout_prevu saisi pour la phase (l'estimation reste à côté, source_cout dit lequel sert), part de l'État = min(taux × coût, plafond × locaux), reste pour les collectivités réparti entre {0} selon les parts choisies (par défaut celles de regles_par_defaut.csv). Chaque phase est répartie également sur ses semestres (locaux en nombres entiers) : une ligne par phase, département et semestre, avec son année — la même règle que le phasage 2015–2017 de « Trajectoire THD », qui donne donc les mêmes locaux et coûts par projet et par année. Puis les totaux par projet, département, semestre et pour l'ensemble.

Reste à planifier (facultatif) : les locaux qui ne sont dans aucun plan — ni THD déjà, ni en commune AMII ou ZTD, ni dans une phase de RIP vivante (hors de tout projet, ou dans un périmètre de RIP sans phase, par exemple la zone d'une phase abandonnée que nulle phase n'a reprise) — chiffrés comme l'estimation d'une phase : locaux × coût unitaire FTTH de la densité de leur commune, part de l'État du département = min(taux × coût, plafond × locaux), reste réparti de même ; par département et pour l'ensemble. Phases des RIP + reste à planifier = le coût du 100 % THD en 2022.

Écrit : une table (utilisable dans les modèles et les livrables) et, sur demande, la table du reste à planifier.</source>
            <translation>Half-yearly estimate of the cost of fixed coverage and of the funding needs (deliverable 7 of the SCORAN).

Reads: the output of “THD coverage”, the RIP phases, the State aid table by department (rate and ceiling per premises; aides_departements of the database, or the plugin's table: from 33% and €180 to 61.6% and €694 according to the 2013 specifications, row “*” by default) and the unit costs by technology and density (couts_unitaires).

Computes, by phase and department: premises still to be served outside AMII and ZTD communes (private initiative) and outside abandoned phases × unit cost (density of the commune according to regles_par_defaut.csv: urban ≥ 2,000 premises, peri-urban ≥ 300, rural), or the cout_prevu entered for the phase (the estimate stays beside it, source_cout tells which one is used), State share = min(rate × cost, ceiling × premises), remainder for the local authorities split between {0} according to the chosen shares (by default those of regles_par_defaut.csv). Each phase is spread evenly over its half-years (whole numbers of premises): one row per phase, department and half-year, with its year — the same rule as the 2015–2017 phasing of “THD trajectory”, which therefore gives the same premises and costs per project and per year. Then the totals per project, department, half-year and overall.

Left to plan (optional): the premises that are in no plan — neither THD already, nor in an AMII or ZTD commune, nor in a live RIP phase (outside any project, or in a RIP perimeter without a phase, for example the zone of an abandoned phase that no phase has taken over) — costed like a phase's estimate: premises × FTTH unit cost of the density of their commune, State share of the department = min(rate × cost, ceiling × premises), remainder split in the same way; by department and overall. RIP phases + left to plan = the cost of 100% THD in 2022.

Writes: a table (usable in models and deliverables) and, on request, the left-to-plan table.</translation>
        </message>
        <message>
            <location filename="../../algorithms/financial_needs.py" />
            <location filename="../../algorithms/thd_trajectory.py" />
            <location filename="../../algorithms/white_zone_clearing.py" />
            <source>Locaux et couverture THD (sortie de Couverture THD)</source>
            <translation>Premises and THD coverage (output of THD coverage)</translation>
        </message>
        <message>
            <location filename="../../algorithms/financial_needs.py" />
            <source>Aide de l'État par département (vide : table de l'extension)</source>
            <translation>State aid by department (empty: the plugin's table)</translation>
        </message>
        <message>
            <location filename="../../algorithms/financial_needs.py" />
            <source>Coûts unitaires (vide : table de l'extension)</source>
            <translation>Unit costs (empty: the plugin's table)</translation>
        </message>
        <message>
            <location filename="../../algorithms/financial_needs.py" />
            <source>Part de la Région dans le reste (%)</source>
            <translation>Region's share of the remainder (%)</translation>
        </message>
        <message>
            <location filename="../../algorithms/financial_needs.py" />
            <source>Part du Département dans le reste (%)</source>
            <translation>Department's share of the remainder (%)</translation>
        </message>
        <message>
            <location filename="../../algorithms/financial_needs.py" />
            <source>Part des EPCI dans le reste (%)</source>
            <translation>EPCIs' share of the remainder (%)</translation>
        </message>
        <message>
            <location filename="../../algorithms/financial_needs.py" />
            <source>Part du FEDER dans le reste (%)</source>
            <translation>ERDF share of the remainder (%)</translation>
        </message>
        <message>
            <location filename="../../algorithms/financial_needs.py" />
            <source>Besoins financiers</source>
            <translation>Financial needs</translation>
        </message>
        <message>
            <location filename="../../algorithms/financial_needs.py" />
            <source>Reste à planifier (locaux hors de tout plan, coût du 100 % en 2022)</source>
            <translation>Left to plan (premises outside any plan, cost of 100% in 2022)</translation>
        </message>
        <message>
            <location filename="../../algorithms/financial_needs.py" />
            <source>Coût total : {0:,.0f} € ; part de l'État : {1:,.0f} € ; reste aux collectivités : {2:,.0f} €</source>
            <translation>Total cost: €{0:,.0f}; State share: €{1:,.0f}; remainder for local authorities: €{2:,.0f}</translation>
        </message>
        <message>
            <location filename="../../algorithms/financial_needs.py" />
            <source>Reste à planifier : {0:,} locaux, {1:,.0f} € ; coût du 100 % en 2022 (phases des RIP + reste à planifier) : {2:,.0f} €</source>
            <translation>Left to plan: {0:,} premises, €{1:,.0f}; cost of 100% in 2022 (RIP phases + left to plan): €{2:,.0f}</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_bpe.py" />
            <source>Importer les sites prioritaires (BPE, SIRENE)</source>
            <translation>Import the priority sites (BPE, SIRENE)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_bpe.py" />
            <location filename="../../algorithms/import_mci.py" />
            <location filename="../../algorithms/import_mci_postgis.py" />
            <location filename="../../algorithms/priority_sites.py" />
            <location filename="../../algorithms/white_zones.py" />
            <source>Haut débit fixe</source>
            <translation>Fixed broadband</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_bpe.py" />
            <source>BPE,INSEE,équipements,SIRENE,entreprises,écoles,santé,services publics,sites</source>
            <translation>BPE,INSEE,facilities,SIRENE,businesses,schools,health,public services,sites</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_bpe.py" />
            <source>Prépare les sites prioritaires de la SCORAN : écoles, collèges et lycées, enseignement supérieur, santé, services publics (INSEE Base permanente des équipements) et entreprises (SIRENE géolocalisé).

Lit : un ou plusieurs fichiers BPE (séparateur « ; », colonnes TYPEQU, DEPCOM, LAMBERT_X, LAMBERT_Y — Lambert-93 en métropole, projection locale outre-mer — ou LONGITUDE/LATITUDE) et/ou SIRENE géolocalisé (séparateur « , », colonnes siret, x, y, epsg : la projection varie d'une ligne à l'autre). Les équipements sont classés par la table TYPEQU → catégorie fournie avec l'extension (resources/data/bpe_categories.csv, BPE 2015), modifiable : un autre fichier au même format peut être choisi ; les types absents de la table sont ignorés et comptés.

Écrit : un point par site, avec site_id (SIRET, ou BPE-commune-type-numéro), source, type_equipement, categorie, libelle, insee_com (texte sur 5 caractères).</source>
            <translation>Prepares the priority sites of the SCORAN: schools, secondary schools, higher education, health, public services (INSEE Permanent Facilities Database, BPE) and businesses (geolocated SIRENE).

Reads: one or more BPE files (separator “;”, columns TYPEQU, DEPCOM, LAMBERT_X, LAMBERT_Y — Lambert-93 in mainland France, local projection overseas — or LONGITUDE/LATITUDE) and/or geolocated SIRENE files (separator “,”, columns siret, x, y, epsg: the projection varies from one row to the next). Facilities are classified by the TYPEQU → category table shipped with the plugin (resources/data/bpe_categories.csv, BPE 2015), which can be changed: another file in the same format can be chosen; types missing from the table are ignored and counted.

Writes: one point per site, with site_id (SIRET, or BPE-commune-type-number), source, type_equipement, categorie, libelle, insee_com (text of 5 characters).</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_bpe.py" />
            <source>Équipements INSEE BPE (CSV)</source>
            <translation>INSEE BPE facilities (CSV)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_bpe.py" />
            <source>Établissements SIRENE géolocalisés (CSV)</source>
            <translation>Geolocated SIRENE establishments (CSV)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_bpe.py" />
            <source>Table TYPEQU → catégorie (vide : celle de l'extension)</source>
            <translation>TYPEQU → category table (empty: the plugin's)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_bpe.py" />
            <source>Projection de sortie (par défaut : celle des préférences, Lambert-93)</source>
            <translation>Output projection (default: the one of the settings, Lambert-93)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_bpe.py" />
            <location filename="../../algorithms/priority_sites.py" />
            <source>Sites prioritaires</source>
            <translation>Priority sites</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_bpe.py" />
            <source>Sites prioritaires (BPE, SIRENE)</source>
            <translation>Priority sites (BPE, SIRENE)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_bpe.py" />
            <source>{0} : {1} site(s)</source>
            <translation>{0}: {1} site(s)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci.py" />
            <source>Base immeubles (base_imb_*.csv.gz)</source>
            <translation>Buildings file (base_imb_*.csv.gz)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci.py" />
            <source>Éligibilité (actuel_*.csv.gz)</source>
            <translation>Eligibility (actuel_*.csv.gz)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci.py" />
            <source>Technologies comptées (codes séparés par des virgules)</source>
            <translation>Technologies counted (codes separated by commas)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci.py" />
            <source>Projection de sortie (par défaut : Lambert-93, ou celle de l'outre-mer)</source>
            <translation>Output projection (default: Lambert-93, or the overseas one)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci.py" />
            <source>Importer « Ma connexion internet » (ARCEP)</source>
            <translation>Import “Ma connexion internet” (ARCEP)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci.py" />
            <source>ARCEP,éligibilité,base immeubles,débit,locaux,haut débit,THD,fibre,cuivre</source>
            <translation>ARCEP,eligibility,buildings,speed,premises,broadband,THD,fibre,copper</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci.py" />
            <source>Lit les fichiers ARCEP « Ma connexion internet » d'un ou plusieurs départements : la base immeubles (base_imb_&lt;DEP&gt;.csv ou .csv.gz) et l'éligibilité (actuel_&lt;DEP&gt;.csv ou .csv.gz), séparateur « ; ».

Calcule pour chaque immeuble la meilleure classe de débit descendant parmi les technologies comptées (par défaut les technologies filaires CU, COAX, FO ; ajouter 4GF, THDR, WMX ou SAT au besoin) : INEL (inéligible, aussi quand l'immeuble n'a aucune ligne), HD05, HD3, BHD8, THD30, THD100, THD1G ; le débit nominal correspondant, la technologie, la meilleure classe par famille (cuivre, câble, fibre, radio, satellite) et le nombre d'opérateurs proposant le THD.

Écrit une couche de points (un par immeuble) en Lambert-93 (ou dans la projection de l'outre-mer), avec imb_id, code_insee (texte sur 5 caractères), nb_locaux, classe, debit_mbps, techno, addr_code (clé d'adresse stable d'une publication à l'autre, contrairement à imb_id).

Les coordonnées sont lues en EPSG:3857 (colonnes imb_longitude/imb_latitude ou imb_x/imb_y). Les immeubles sans coordonnées, les lignes d'immeubles inconnus et les doublons sont comptés dans le journal.</source>
            <translation>Reads the ARCEP “Ma connexion internet” files of one or more departments: the buildings file (base_imb_&lt;DEP&gt;.csv or .csv.gz) and the eligibility file (actuel_&lt;DEP&gt;.csv or .csv.gz), separator “;”.

Computes for each building the best download speed class among the technologies counted (by default the wired technologies CU, COAX, FO; add 4GF, THDR, WMX or SAT if needed): INEL (ineligible, also when the building has no line), HD05, HD3, BHD8, THD30, THD100, THD1G; the matching nominal speed, the technology, the best class per family (copper, cable, fibre, radio, satellite) and the number of operators offering THD.

Writes a point layer (one per building) in Lambert-93 (or in the overseas projection), with imb_id, code_insee (text of 5 characters), nb_locaux, classe, debit_mbps, techno, addr_code (an address key stable from one release to the next, unlike imb_id).

Coordinates are read in EPSG:3857 (columns imb_longitude/imb_latitude or imb_x/imb_y). Buildings without coordinates, rows of unknown buildings and duplicates are counted in the log.</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci.py" />
            <source>Locaux par immeuble</source>
            <translation>Premises per building</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci.py" />
            <source>Locaux (ARCEP Ma connexion internet)</source>
            <translation>Premises (ARCEP Ma connexion internet)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci.py" />
            <source>{0} immeubles, {1} locaux écrits (EPSG:{2}).</source>
            <translation>{0} buildings, {1} premises written (EPSG:{2}).</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci.py" />
            <source>Locaux par classe de débit</source>
            <translation>Premises by speed class</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci_postgis.py" />
            <source>Importer et analyser « Ma connexion internet » dans PostGIS (grands volumes)</source>
            <translation>Import and analyse “Ma connexion internet” in PostGIS (large volumes)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci_postgis.py" />
            <source>ARCEP,éligibilité,PostGIS,PostgreSQL,national,région,zones blanches,carroyage,COPY</source>
            <translation>ARCEP,eligibility,PostGIS,PostgreSQL,national,region,white zones,grid,COPY</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci_postgis.py" />
            <source>Pour les grands volumes (une grande région, le pays entier) : fait dans une base PostgreSQL/PostGIS ce que font « Importer Ma connexion internet » puis « Zones blanches du haut débit » avec les communes (chaque local compté dans sa commune ARCEP), avec les mêmes résultats.

Lit : les fichiers ARCEP base_imb_&lt;DEP&gt; et actuel_&lt;DEP&gt; (.csv ou .csv.gz), plusieurs départements à la fois sur les cœurs disponibles ; chaque fichier est lu par morceaux et envoyé au serveur (COPY), sans jamais tenir tout le territoire en mémoire.

Calcule dans la base : la meilleure classe de débit de chaque immeuble parmi les technologies comptées, les locaux par commune et par classe, les carreaux de 200 m (grille INSPIRE), les zones des deux catégories de la circulaire (sous le SEUIL ; sans haut débit, locaux inéligibles) et l'inventaire par département.

Écrit, dans le schéma choisi (par défaut scoran_mci) : mci_locaux (un point par immeuble), zb_communes, zb_carreaux, zb_zones, zb_zones_inel, zb_departements ; les résultats d'un import remplacent ceux du précédent d'un coup, à la fin (un import interrompu laisse les précédents intacts). Les couches sont ajoutées au projet sans mot de passe (connexion QGIS avec configuration d'authentification, service PostgreSQL ou .pgpass).

Base : nom d'une connexion PostgreSQL enregistrée dans QGIS, « service=… » de pg_service.conf ou chaîne de connexion sans mot de passe ; il faut le droit de créer le schéma (ou d'y créer des tables).</source>
            <translation>For large volumes (a large region, the whole country): does in a PostgreSQL/PostGIS database what “Import Ma connexion internet” then “Broadband white zones” with the communes do (each premise counted in its ARCEP commune), with the same results.

Reads: the ARCEP files base_imb_&lt;DEP&gt; and actuel_&lt;DEP&gt; (.csv or .csv.gz), several départements at once on the available cores; each file is read in chunks and sent to the server (COPY), never holding the whole territory in memory.

Computes in the database: the best speed class of each building over the counted technologies, the premises per commune and class, the 200 m cells (INSPIRE grid), the zones of the circular's two categories (below the THRESHOLD; without broadband, ineligible premises) and the inventory per département.

Writes, in the chosen schema (scoran_mci by default): mci_locaux (one point per building), zb_communes, zb_carreaux, zb_zones, zb_zones_inel, zb_departements; the results of an import replace those of the previous one at once, at the end (an interrupted import leaves the previous ones intact). The layers are added to the project without a password (QGIS connection with an authentication configuration, PostgreSQL service or .pgpass).

Database: name of a PostgreSQL connection saved in QGIS, “service=…” from pg_service.conf or a connection string without a password; the right to create the schema (or tables in it) is needed.</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci_postgis.py" />
            <source>Base PostgreSQL/PostGIS (connexion QGIS, service=… ou chaîne de connexion)</source>
            <translation>PostgreSQL/PostGIS database (QGIS connection, service=… or connection string)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci_postgis.py" />
            <source>Schéma des résultats</source>
            <translation>Schema of the results</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci_postgis.py" />
            <source>Locaux par immeuble (PostGIS)</source>
            <translation>Premises per building (PostGIS)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci_postgis.py" />
            <source>Zones blanches par commune (PostGIS)</source>
            <translation>White zones per commune (PostGIS)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci_postgis.py" />
            <source>Carreaux de 200 m (PostGIS)</source>
            <translation>200 m cells (PostGIS)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci_postgis.py" />
            <source>Zones sans haut débit de qualité (PostGIS)</source>
            <translation>Zones without quality broadband (PostGIS)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci_postgis.py" />
            <source>Zones blanches du haut débit (PostGIS)</source>
            <translation>Broadband white zones (PostGIS)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci_postgis.py" />
            <source>Inventaire par département (PostGIS)</source>
            <translation>Inventory per département (PostGIS)</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci_postgis.py" />
            <source>Immeubles importés</source>
            <translation>Buildings imported</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci_postgis.py" />
            <source>{0} n'est pas une base PostgreSQL : donnez le nom d'une connexion PostgreSQL de QGIS, « service=… » ou une chaîne de connexion.</source>
            <translation>{0} is not a PostgreSQL database: give the name of a QGIS PostgreSQL connection, “service=…” or a connection string.</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci_postgis.py" />
            <source>{0} immeubles, {1} locaux dans {2} (schéma {3}) ; {4} commune(s) dont {5} sans haut débit de qualité (sous {6}) ; {7} zone(s) de carreaux sous le seuil, {8} sans haut débit.</source>
            <translation>{0} buildings, {1} premises in {2} (schema {3}); {4} commune(s), {5} of them without quality broadband (below {6}); {7} cell zone(s) below the threshold, {8} without broadband.</translation>
        </message>
        <message>
            <location filename="../../algorithms/import_mci_postgis.py" />
            <source>Durées (s) : {0}.</source>
            <translation>Durations (s): {0}.</translation>
        </message>
        <message>
            <location filename="../../algorithms/io.py" />
            <source>{0} : {1} géométrie(s) invalide(s) réparée(s).</source>
            <translation>{0}: {1} invalid geometry(ies) repaired.</translation>
        </message>
        <message>
            <location filename="../../algorithms/io.py" />
            <source>La couche {0} n'a pas de projection EPSG connue ({1}) : définissez-la dans ses propriétés (Source › Système de coordonnées), par exemple EPSG:2154.</source>
            <translation>Layer {0} has no known EPSG projection ({1}): set it in its properties (Source › Coordinate Reference System), for example EPSG:2154.</translation>
        </message>
        <message>
            <location filename="../../algorithms/io.py" />
            <source>aucune</source>
            <translation>none</translation>
        </message>
        <message>
            <location filename="../../algorithms/io.py" />
            <source>{0} : {1} point(s) aux coordonnées non finies ignoré(s).</source>
            <translation>{0}: {1} point(s) with non-finite coordinates ignored.</translation>
        </message>
        <message>
            <location filename="../../algorithms/io.py" />
            <source>aucune géométrie</source>
            <translation>no geometry</translation>
        </message>
        <message>
            <location filename="../../algorithms/io.py" />
            <source>lignes</source>
            <translation>lines</translation>
        </message>
        <message>
            <location filename="../../algorithms/io.py" />
            <source>« {0} » : la couche {1} contient des {2} ; des {3} sont attendus.</source>
            <translation>“{0}”: layer {1} contains {2}; {3} are expected.</translation>
        </message>
        <message>
            <location filename="../../algorithms/io.py" />
            <source>La couche {0} n'a pas le(s) champ(s) {1} : est-ce bien une sortie de {2} ?</source>
            <translation>Layer {0} lacks the field(s) {1}: is it really an output of {2}?</translation>
        </message>
        <message>
            <location filename="../../algorithms/io.py" />
            <source>La couche {0} n'a pas le(s) champ(s) {1} (champs présents : {2}).</source>
            <translation>Layer {0} lacks the field(s) {1} (fields present: {2}).</translation>
        </message>
        <message>
            <location filename="../../algorithms/io.py" />
            <source>« {0} » : la couche {1} n'a pas de champ « {2} » (champs : {3}).</source>
            <translation>“{0}”: layer {1} has no field “{2}” (fields: {3}).</translation>
        </message>
        <message>
            <location filename="../../algorithms/io.py" />
            <source>« {0} » : le champ « {1} » de la couche {2} n'est pas numérique ({3}).</source>
            <translation>“{0}”: field “{1}” of layer {2} is not numeric ({3}).</translation>
        </message>
        <message>
            <location filename="../../algorithms/migrate_store.py" />
            <source>Copier le référentiel vers PostGIS ou un GeoPackage</source>
            <translation>Copy the database to PostGIS or a GeoPackage</translation>
        </message>
        <message>
            <location filename="../../algorithms/migrate_store.py" />
            <source>référentiel,geopackage,postgis,postgresql,migration,copie,sauvegarde</source>
            <translation>database,geopackage,postgis,postgresql,migration,copy,backup</translation>
        </message>
        <message>
            <location filename="../../algorithms/migrate_store.py" />
            <source>Copie tout le référentiel SCORAN d'un GeoPackage vers une base PostgreSQL/PostGIS (travail à plusieurs), ou d'une base PostGIS vers un GeoPackage (travail hors ligne, archive).

Lit : le référentiel source (fichier .gpkg, ou base PostgreSQL : nom d'une connexion QGIS, « service=… » de pg_service.conf ou chaîne de connexion, avec « schema=… » si le schéma n'est pas « scoran »). Il doit être au schéma de cette version de l'extension (ouvrez-le une fois sinon).

Écrit : la cible, avec toutes les tables du référentiel à l'identique — identifiants, géométries, contraintes, registre et versions des lignes, millésimes enregistrés, journal des analyses ; le nombre de lignes copiées par table est donné dans le journal et vérifié. Une cible qui contient déjà des données est refusée, sauf si « Remplacer le contenu de la cible » est coché. Tout ou rien : sur PostgreSQL, une seule transaction ; un GeoPackage est écrit à part puis renommé une fois complet. Aucun mot de passe n'est écrit dans le journal ni dans la cible.</source>
            <translation>Copies the whole SCORAN database from a GeoPackage to a PostgreSQL/PostGIS database (shared work), or from a PostGIS database to a GeoPackage (offline work, archive).

Reads: the source database (.gpkg file, or PostgreSQL database: name of a QGIS connection, “service=…” from pg_service.conf or connection string, with “schema=…” if the schema is not “scoran”). It must be at the schema of this version of the plugin (otherwise open it once).

Writes: the target, with all the tables of the database identical — identifiers, geometries, constraints, register and row versions, recorded vintages, analysis log; the number of rows copied per table is given in the log and checked. A target that already contains data is refused, unless “Replace the content of the target” is checked. All or nothing: on PostgreSQL, a single transaction; a GeoPackage is written aside then renamed once complete. No password is written in the log or in the target.</translation>
        </message>
        <message>
            <location filename="../../algorithms/migrate_store.py" />
            <source>Référentiel source (fichier .gpkg ou base PostgreSQL)</source>
            <translation>Source database (.gpkg file or PostgreSQL database)</translation>
        </message>
        <message>
            <location filename="../../algorithms/migrate_store.py" />
            <source>Référentiel cible (fichier .gpkg ou base PostgreSQL)</source>
            <translation>Target database (.gpkg file or PostgreSQL database)</translation>
        </message>
        <message>
            <location filename="../../algorithms/migrate_store.py" />
            <source>Remplacer le contenu de la cible</source>
            <translation>Replace the content of the target</translation>
        </message>
        <message>
            <location filename="../../algorithms/migrate_store.py" />
            <source>Référentiel cible</source>
            <translation>Target database</translation>
        </message>
        <message>
            <location filename="../../algorithms/migrate_store.py" />
            <source>Tables copiées</source>
            <translation>Tables copied</translation>
        </message>
        <message>
            <location filename="../../algorithms/migrate_store.py" />
            <source>Lignes copiées</source>
            <translation>Rows copied</translation>
        </message>
        <message>
            <location filename="../../algorithms/migrate_store.py" />
            <source>Référentiel copié vers {0} : {1} table(s), {2} ligne(s).</source>
            <translation>Database copied to {0}: {1} table(s), {2} row(s).</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_demand.py" />
            <source>Demande 4G localisée</source>
            <translation>Localised 4G demand</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_demand.py" />
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Mobile</source>
            <translation>Mobile</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_demand.py" />
            <source>4G,mobile,demande,opérateurs,couverture,sites prioritaires,SCORAN</source>
            <translation>4G,mobile,demand,operators,coverage,priority sites,SCORAN</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_demand.py" />
            <source>Demande 4G localisée à transmettre aux opérateurs (livrable 6 de la SCORAN).

Lit : des points qui ont besoin de la 4G (sites prioritaires, objets liés aux projets d'usages, points saisis…) et les cartes de couverture « Mon réseau mobile ».

Calcule : les points hors de la couverture 4G de tous les opérateurs (au niveau minimal, « bonne couverture » par défaut) et, pour chacun, la distance à la couverture 4G la plus proche.

Écrit : ces points avec leurs attributs et la distance ; un tableau par commune (nombre de points, distances minimale, médiane et maximale), trié par nombre de points, prêt à transmettre.</source>
            <translation>Localised 4G demand to send to the operators (deliverable 6 of the SCORAN).

Reads: points that need 4G (priority sites, features linked to digital-use projects, points entered by hand…) and the “Mon réseau mobile” coverage maps.

Computes: the points outside the 4G coverage of all operators (at the minimum level, “good coverage” by default) and, for each one, the distance to the nearest 4G coverage.

Writes: these points with their attributes and the distance; a table per commune (number of points, minimum, median and maximum distances), sorted by number of points, ready to send.</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_demand.py" />
            <source>Points ayant besoin de la 4G</source>
            <translation>Points that need 4G</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_demand.py" />
            <source>Points sans 4G</source>
            <translation>Points without 4G</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_demand.py" />
            <source>Demande 4G par commune</source>
            <translation>4G demand by commune</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_demand.py" />
            <source>Niveau minimal inconnu (TBC, BC ou CL).</source>
            <translation>Unknown minimum level (TBC, BC or CL).</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Couvertures mobiles (« Mon réseau mobile » : une couche par opérateur et technologie)</source>
            <translation>Mobile coverage (“Mon réseau mobile”: one layer per operator and technology)</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Champ opérateur (vide : operateur_commercial, sinon operateur)</source>
            <translation>Operator field (empty: operateur_commercial, otherwise operateur)</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Champ technologie</source>
            <translation>Technology field</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Champ niveau de couverture</source>
            <translation>Coverage level field</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Niveau minimal qui vaut couverture (TBC, BC ou CL)</source>
            <translation>Minimum level that counts as coverage (TBC, BC or CL)</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Aucune couche de couverture mobile fournie.</source>
            <translation>No mobile coverage layer given.</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>La couche de couverture {0} n'est pas une couche de polygones.</source>
            <translation>Coverage layer {0} is not a polygon layer.</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>La couche de couverture {0} n'a pas de champ « {1} » (champs : {2}) : indiquez le champ à utiliser.</source>
            <translation>Coverage layer {0} has no field “{1}” (fields: {2}): give the field to use.</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Zones blanches mobiles (centres-bourgs)</source>
            <translation>Mobile white zones (town centres)</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>mobile,2G,3G,4G,zones blanches,centres-bourgs,mairie,pylône,subvention,SCORAN</source>
            <translation>mobile,2G,3G,4G,white zones,town centres,town hall,mast,subsidy,SCORAN</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Inventaire des derniers centres-bourgs sans 2G/3G et estimation des besoins financiers (livrable 6 de la SCORAN).

Lit : les centres-bourgs (mairies des communes listées, ou toute couche de points — par exemple centres_bourgs du référentiel) et les cartes de couverture « Mon réseau mobile » (une couche par opérateur et technologie ; champs operateur, techno, niveau — ou d'autres noms à indiquer), dans n'importe quelle projection (les polygones invalides sont réparés et comptés).

Calcule, comme le programme « zones blanches – centres-bourgs », autour de la mairie : pour chaque opérateur et technologie, couvert ou non (la mairie est dans la couverture au niveau minimal — « bonne couverture » par défaut — ou mieux ; sur la limite compte comme couvert) et la part du disque de RAYON mètres couverte (grille de rayon/10) ; le statut (zone blanche 2G, zone blanche 3G, partiellement couvert, couvert) ; pour les centres en zone blanche, les sites nécessaires (1 par défaut, ou le champ choisi) et leur coût estimé (sites × coût d'un site : cout_estime_sites). Le coût retenu (cout_retenu, et cout_estime qui le reprend) est celui saisi par l'agent (champ « cout » des centres-bourgs du référentiel, ou le champ choisi) quand il est renseigné, sinon l'estimation (source_cout : agent ou estimation). La subvention de l'État reste par site (100 000 €, 130 000 € en commune de montagne), plafonnée au coût retenu ; le reste va aux collectivités. L'état du site (statut_site : recherche de site, pylône construit, mis à disposition, ouvert en 2G, ouvert en 3G) est repris tel que saisi.

Contrôle (facultatif) : avec la couche des communes (celle du référentiel), les mairies situées hors de la commune de leur code INSEE sont comptées et signalées.

Écrit : les centres-bourgs avec tous leurs champs d'origine (liste, arrêté, état du site, maître d'ouvrage… tenus par l'agent : conservés d'une analyse à l'autre) et ces résultats ; l'estimatif par département et pour l'ensemble (avec le nombre de coûts saisis par l'agent, nb_couts_agent).</source>
            <translation>Inventory of the last town centres without 2G/3G and estimate of the financial needs (deliverable 6 of the SCORAN).

Reads: the town centres (town halls of the listed communes, or any point layer — for example centres_bourgs of the database) and the “Mon réseau mobile” coverage maps (one layer per operator and technology; fields operateur, techno, niveau — or other names to give), in any projection (invalid polygons are repaired and counted).

Computes, like the “white zones – town centres” programme, around the town hall: for each operator and technology, covered or not (the town hall is inside the coverage at the minimum level — “good coverage” by default — or better; on the boundary counts as covered) and the share of the disc of RADIUS metres that is covered (grid of radius/10); the status (2G white zone, 3G white zone, partly covered, covered); for the centres in a white zone, the sites needed (1 by default, or the chosen field) and their estimated cost (sites × cost of a site: cout_estime_sites). The cost retained (cout_retenu, and cout_estime which repeats it) is the one entered by the officer (field “cout” of the database's town centres, or the chosen field) when it is filled in, otherwise the estimate (source_cout: agent or estimation). The State subsidy stays per site (€100,000, €130,000 in a mountain commune), capped at the cost retained; the rest goes to the local authorities. The state of the site (statut_site: site search, mast built, made available, open in 2G, open in 3G) is taken as entered.

Check (optional): with the layer of communes (the database's), town halls located outside the commune of their INSEE code are counted and reported.

Writes: the town centres with all their original fields (list, order, state of the site, contracting authority… kept by the officer: preserved from one analysis to the next) and these results; the estimate by department and overall (with the number of costs entered by the officer, nb_couts_agent).</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Centres-bourgs (mairies)</source>
            <translation>Town centres (town halls)</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Rayon autour de la mairie (m, au moins 10)</source>
            <translation>Radius around the town hall (m, at least 10)</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Champ « commune de montagne » (0/1)</source>
            <translation>“Mountain commune” field (0/1)</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Champ du nombre de sites nécessaires (vide : 1 par centre)</source>
            <translation>Field of the number of sites needed (empty: 1 per centre)</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Champ du coût saisi par l'agent (€ ; vide dans une ligne : l'estimation)</source>
            <translation>Field of the cost entered by the officer (€; empty in a row: the estimate)</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Communes, pour vérifier que chaque mairie est dans sa commune (facultatif)</source>
            <translation>Communes, to check that each town hall is in its commune (optional)</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Coût d'un site (€)</source>
            <translation>Cost of a site (€)</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Subvention de l'État par site (€)</source>
            <translation>State subsidy per site (€)</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Subvention de l'État par site en montagne (€)</source>
            <translation>State subsidy per site in mountain areas (€)</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Centres-bourgs : couverture</source>
            <translation>Town centres: coverage</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Estimatif des besoins par département</source>
            <translation>Estimate of needs by department</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Niveau minimal inconnu : {0} (TBC, BC ou CL).</source>
            <translation>Unknown minimum level: {0} (TBC, BC or CL).</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>La couche des centres-bourgs est vide.</source>
            <translation>The town centres layer is empty.</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>{0} centre(s) avec un coût saisi mais couvert(s) d'après les cartes (aucun site nécessaire) : coût compté, sans subvention de l'État.</source>
            <translation>{0} centre(s) with an entered cost but covered according to the maps (no site needed): cost counted, without State subsidy.</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Centres-bourgs : couverture mobile</source>
            <translation>Town centres: mobile coverage</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Estimatif des besoins mobiles par département</source>
            <translation>Estimate of mobile needs by department</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>{0} centre(s)-bourg(s) : {1} en zone blanche 2G, {2} en zone blanche 3G ; {3} site(s), {4:,.0f} € retenus ({6} coût(s) saisi(s) par l'agent ; estimation {7:,.0f} €) dont {5:,.0f} € de subvention de l'État.</source>
            <translation>{0} town centre(s): {1} in a 2G white zone, {2} in a 3G white zone; {3} site(s), €{4:,.0f} retained ({6} cost(s) entered by the officer; estimate €{7:,.0f}) including €{5:,.0f} of State subsidy.</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Pas de champ « {0} » dans {1} : aucun centre n'est compté en commune de montagne (subvention de base partout).</source>
            <translation>No field “{0}” in {1}: no centre is counted as a mountain commune (basic subsidy everywhere).</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Champ {0} : {1} coût(s) illisible(s) ({2}) : l'estimation est retenue.</source>
            <translation>Field {0}: {1} unreadable cost(s) ({2}): the estimate is used.</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Champ {0} : {1} coût(s) négatif(s) (ligne(s) {2}).</source>
            <translation>Field {0}: {1} negative cost(s) (row(s) {2}).</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>statut_site : {0} valeur(s) hors de la liste ({1}) conservée(s) telle(s) quelle(s) : {2}.</source>
            <translation>statut_site: {0} value(s) outside the list ({1}) kept as they are: {2}.</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Pas de champ code INSEE dans {0} : la position des mairies n'est pas vérifiée.</source>
            <translation>No INSEE code field in {0}: the position of the town halls is not checked.</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>La couche des communes {0} n'a pas de champ code INSEE (insee_com, code_insee…).</source>
            <translation>The communes layer {0} has no INSEE code field (insee_com, code_insee…).</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Mairies vérifiées : {0} dans leur commune.</source>
            <translation>Town halls checked: {0} in their commune.</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>{0} mairie(s) sans commune dans {1} (code INSEE absent ou inconnu) : position non vérifiée.</source>
            <translation>{0} town hall(s) without a commune in {1} (INSEE code missing or unknown): position not checked.</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Champ {0} : {1} valeur(s) négative(s) du nombre de sites (ligne(s) {2}).</source>
            <translation>Field {0}: {1} negative value(s) of the number of sites (row(s) {2}).</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_white_zones.py" />
            <source>Champ {0} : {1} centre(s) sans nombre de sites : 1 site compté.</source>
            <translation>Field {0}: {1} centre(s) without a number of sites: 1 site counted.</translation>
        </message>
        <message>
            <location filename="../../algorithms/outputs.py" />
            <source>Destination OGR illisible : {0}</source>
            <translation>Unreadable OGR destination: {0}</translation>
        </message>
        <message>
            <location filename="../../algorithms/outputs.py" />
            <source>Sortie « {0} » : {1} est un dossier ; indiquez un nom de fichier.</source>
            <translation>Output “{0}”: {1} is a folder; give a file name.</translation>
        </message>
        <message>
            <location filename="../../algorithms/outputs.py" />
            <source>Sortie « {0} » : le dossier {1} n'existe pas.</source>
            <translation>Output “{0}”: the folder {1} does not exist.</translation>
        </message>
        <message>
            <location filename="../../algorithms/outputs.py" />
            <source>Sortie « {0} » : le dossier {1} n'est pas accessible en écriture.</source>
            <translation>Output “{0}”: the folder {1} is not writable.</translation>
        </message>
        <message>
            <location filename="../../algorithms/outputs.py" />
            <source>Sortie « {0} » : le fichier {1} est protégé en écriture.</source>
            <translation>Output “{0}”: the file {1} is write-protected.</translation>
        </message>
        <message>
            <location filename="../../algorithms/outputs.py" />
            <source>Sortie « {0} » : format de fichier non pris en charge ({1}). Choisissez un GeoPackage (.gpkg), un CSV ou un autre format vecteur.</source>
            <translation>Output “{0}”: file format not supported ({1}). Choose a GeoPackage (.gpkg), a CSV or another vector format.</translation>
        </message>
        <message>
            <location filename="../../algorithms/outputs.py" />
            <source>Sortie « {0} » : {1} est aussi une entrée (« {2} ») ; choisissez un autre fichier, rien n'a été écrit.</source>
            <translation>Output “{0}”: {1} is also an input (“{2}”); choose another file, nothing was written.</translation>
        </message>
        <message>
            <location filename="../../algorithms/outputs.py" />
            <source>Les sorties « {0} » et « {1} » écriraient le même fichier : {2}.</source>
            <translation>Outputs “{0}” and “{1}” would write the same file: {2}.</translation>
        </message>
        <message>
            <location filename="../../algorithms/outputs.py" />
            <source>Écriture impossible : {0} ({1})</source>
            <translation>Cannot write: {0} ({1})</translation>
        </message>
        <message>
            <location filename="../../algorithms/outputs.py" />
            <source>Impossible d'écrire {0} : un dossier porte ce nom.</source>
            <translation>Cannot write {0}: a folder has that name.</translation>
        </message>
        <message>
            <location filename="../../algorithms/outputs.py" />
            <source>Impossible d'écrire la couche {0} dans {1} : {2}</source>
            <translation>Cannot write layer {0} in {1}: {2}</translation>
        </message>
        <message>
            <location filename="../../algorithms/outputs.py" />
            <source>Écriture refusée : {0}</source>
            <translation>Write refused: {0}</translation>
        </message>
        <message>
            <location filename="../../algorithms/outputs.py" />
            <source>entité non acceptée par la sortie</source>
            <translation>feature not accepted by the output</translation>
        </message>
        <message>
            <location filename="../../algorithms/plan_inputs.py" />
            <source>Projets RIP (périmètres : rip_projets du référentiel)</source>
            <translation>RIP projects (perimeters: rip_projets of the database)</translation>
        </message>
        <message>
            <location filename="../../algorithms/plan_inputs.py" />
            <location filename="../../algorithms/white_zone_clearing.py" />
            <source>Phases des RIP (rip_phases du référentiel)</source>
            <translation>RIP phases (rip_phases of the database)</translation>
        </message>
        <message>
            <location filename="../../algorithms/plan_inputs.py" />
            <source>Communes des phases (rip_phases_communes ; vide : celle du référentiel quand les phases sont sa couche rip_phases)</source>
            <translation>Communes of the phases (rip_phases_communes; empty: the database's one when the phases are its rip_phases layer)</translation>
        </message>
        <message>
            <location filename="../../algorithms/plan_inputs.py" />
            <source>Communes AMII (amii_communes du référentiel)</source>
            <translation>AMII communes (amii_communes of the database)</translation>
        </message>
        <message>
            <location filename="../../algorithms/plan_inputs.py" />
            <source>Calendrier AMII (amii_calendrier du référentiel)</source>
            <translation>AMII calendar (amii_calendrier of the database)</translation>
        </message>
        <message>
            <location filename="../../algorithms/priority_sites.py" />
            <source>sites prioritaires,écoles,santé,services publics,entreprises,haut débit,SCORAN</source>
            <translation>priority sites,schools,health,public services,businesses,broadband,SCORAN</translation>
        </message>
        <message>
            <location filename="../../algorithms/priority_sites.py" />
            <source>Repère les bâtiments prioritaires (écoles, santé, services publics, entreprises) mal desservis (livrable 2 de la SCORAN).

Lit : les locaux importés par « Importer Ma connexion internet » et une couche de points des sites (sortie de « Importer les sites prioritaires » ou toute couche de points).

Calcule, pour chaque site, la classe de débit du local le plus proche à moins de DISTANCE MAXIMALE mètres (100 m par défaut ; NULL et compté quand il n'y en a pas), sa distance, la catégorie du site (champ choisi, sinon « categorie », sinon TYPEQU classé par la table des catégories), et les indicateurs sans_haut_debit (classe INEL) et sous_seuil (classe sous le SEUIL, HD3 par défaut).

Écrit : les sites avec leurs propres attributs et ces champs ; un tableau des comptes par commune, par département et pour l'ensemble, par catégorie.</source>
            <translation>Finds the priority buildings (schools, health, public services, businesses) that are poorly served (deliverable 2 of the SCORAN).

Reads: the premises imported by “Import Ma connexion internet” and a point layer of the sites (output of “Import the priority sites” or any point layer).

Computes, for each site, the speed class of the nearest premises within MAXIMUM DISTANCE metres (100 m by default; NULL and counted when there is none), its distance, the category of the site (chosen field, otherwise “categorie”, otherwise TYPEQU classified by the category table), and the indicators sans_haut_debit (class INEL) and sous_seuil (class below the THRESHOLD, HD3 by default).

Writes: the sites with their own attributes and these fields; a table of counts per commune, per department and overall, by category.</translation>
        </message>
        <message>
            <location filename="../../algorithms/priority_sites.py" />
            <location filename="../../algorithms/thd_coverage.py" />
            <location filename="../../algorithms/white_zones.py" />
            <source>Locaux (sortie de Importer Ma connexion internet)</source>
            <translation>Premises (output of Import Ma connexion internet)</translation>
        </message>
        <message>
            <location filename="../../algorithms/priority_sites.py" />
            <source>Sites</source>
            <translation>Sites</translation>
        </message>
        <message>
            <location filename="../../algorithms/priority_sites.py" />
            <location filename="../../algorithms/white_zone_clearing.py" />
            <source>Distance maximale site – local (m, au moins 1)</source>
            <translation>Maximum site – premises distance (m, at least 1)</translation>
        </message>
        <message>
            <location filename="../../algorithms/priority_sites.py" />
            <location filename="../../algorithms/white_zone_clearing.py" />
            <location filename="../../algorithms/white_zones.py" />
            <source>Seuil : classe à partir de laquelle le haut débit est de qualité (HD05, HD3, BHD8, THD30…)</source>
            <translation>Threshold: class from which broadband is of good quality (HD05, HD3, BHD8, THD30…)</translation>
        </message>
        <message>
            <location filename="../../algorithms/priority_sites.py" />
            <source>Champ de catégorie des sites</source>
            <translation>Category field of the sites</translation>
        </message>
        <message>
            <location filename="../../algorithms/priority_sites.py" />
            <source>Sites prioritaires qualifiés</source>
            <translation>Qualified priority sites</translation>
        </message>
        <message>
            <location filename="../../algorithms/priority_sites.py" />
            <source>Sites prioritaires par commune et département</source>
            <translation>Priority sites by commune and department</translation>
        </message>
        <message>
            <location filename="../../algorithms/priority_sites.py" />
            <location filename="../../algorithms/thd_coverage.py" />
            <location filename="../../algorithms/white_zones.py" />
            <source>La couche de locaux est vide.</source>
            <translation>The premises layer is empty.</translation>
        </message>
        <message>
            <location filename="../../algorithms/priority_sites.py" />
            <source>La couche de sites est vide.</source>
            <translation>The sites layer is empty.</translation>
        </message>
        <message>
            <location filename="../../algorithms/priority_sites.py" />
            <source>{0} site(s) sans local à moins de {1} m : classe NULL.</source>
            <translation>{0} site(s) without premises within {1} m: class NULL.</translation>
        </message>
        <message>
            <location filename="../../algorithms/priority_sites.py" />
            <source>{0} site(s) sur {1} sous le seuil, dont {2} sans haut débit.</source>
            <translation>{0} site(s) out of {1} below the threshold, including {2} without broadband.</translation>
        </message>
        <message>
            <location filename="../../algorithms/provider.py" />
            <source>SCORAN 2.0</source>
            <translation>SCORAN 2.0</translation>
        </message>
        <message>
            <location filename="../../algorithms/provider.py" />
            <source>SCORAN 2.0 — aménagement numérique ({0})</source>
            <translation>SCORAN 2.0 — digital infrastructure planning ({0})</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_coverage.py" />
            <source>Couverture THD (RIP et AMII)</source>
            <translation>THD coverage (RIP and AMII)</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_coverage.py" />
            <source>THD,RIP,AMII,FTTH,fibre,phases,calendrier,couverture,chevauchement,SCORAN</source>
            <translation>THD,RIP,AMII,FTTH,fibre,phases,calendar,coverage,overlap,SCORAN</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_coverage.py" />
            <source>Qui apporte le très haut débit (≥ 30 Mbit/s) à chaque local, et quand (livrables 3 et 4 de la SCORAN).

Lit : les locaux importés (« Importer Ma connexion internet »), les projets RIP et leurs phases (polygones, ou listes de communes : champ « communes » ou table rip_phases_communes du référentiel), les communes AMII/ZTD et le calendrier des opérateurs — par exemple les couches du référentiel SCORAN.

Calcule pour chaque local : sa zone (ZTD, AMII, RIP, aucun), son projet et sa phase de RIP, son semestre prévu de passage au THD (année du calendrier AMII, second semestre ; fin de la phase FTTH ou THD radio pour les RIP ; la montée en débit MED n'apporte pas le THD), deja_thd, chevauchement_amii (un RIP sur une commune AMII : initiative privée, hors du phasage et des besoins financiers du RIP) et reste_a_couvrir (rien de prévu avant fin 2022). Une phase abandonnée ne prend aucun local : la phase qui reprend sa zone les prend ; une phase FTTH ou THD radio passe avant une phase MED sur la même zone.

Contrôle : projets RIP plus petits qu'un département (moins de 80 % des locaux d'initiative publique d'un de leurs départements — champ « departements », sinon communes et locaux du projet, jamais le nom du projet ; seuil modifiable dans regles_par_defaut.csv : pas de soutien national), phases abandonnées, sans dates, qui finissent avant de commencer ou qui se chevauchent dans un même projet, communes AMII hors du territoire.

Écrit : les locaux avec ces champs ; les locaux par zone et semestre prévu, par commune, département et pour l'ensemble ; la liste des anomalies. Avec un référentiel et un millésime, enregistre la situation du semestre pour la comparer au suivant.</source>
            <translation>Who brings very high-speed broadband (≥ 30 Mbit/s) to each premises, and when (deliverables 3 and 4 of the SCORAN).

Reads: the imported premises (“Import Ma connexion internet”), the RIP projects and their phases (polygons, or lists of communes: field “communes” or table rip_phases_communes of the database), the AMII/ZTD communes and the operators' calendar — for example the layers of the SCORAN database.

Computes for each premises: its zone (ZTD, AMII, RIP, none), its RIP project and phase, its planned half-year of switching to THD (year of the AMII calendar, second half-year; end of the FTTH or THD radio phase for RIPs; the speed upgrade MED does not bring THD), deja_thd, chevauchement_amii (a RIP over an AMII commune: private initiative, outside the RIP's phasing and financial needs) and reste_a_couvrir (nothing planned before the end of 2022). An abandoned phase takes no premises: the phase that takes over its zone takes them; an FTTH or THD radio phase comes before an MED phase on the same zone.

Check: RIP projects smaller than a department (less than 80% of the public-initiative premises of one of their departments — field “departements”, otherwise the project's communes and premises, never the project's name; threshold adjustable in regles_par_defaut.csv: no national support), abandoned phases, phases without dates, that end before they start or that overlap within a project, AMII communes outside the territory.

Writes: the premises with these fields; the premises by zone and planned half-year, by commune, department and overall; the list of anomalies. With a database and a vintage, records the situation of the half-year to compare it with the next one.</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_coverage.py" />
            <source>Communes du territoire (contrôle des codes AMII)</source>
            <translation>Communes of the territory (check of the AMII codes)</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_coverage.py" />
            <source>Référentiel SCORAN où enregistrer le millésime (fichier .gpkg ou base PostgreSQL)</source>
            <translation>SCORAN database in which to record the vintage (.gpkg file or PostgreSQL database)</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_coverage.py" />
            <source>Locaux et couverture THD</source>
            <translation>Premises and THD coverage</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_coverage.py" />
            <source>Locaux par zone et semestre prévu</source>
            <translation>Premises by zone and planned half-year</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_coverage.py" />
            <source>Anomalies des projets</source>
            <translation>Project anomalies</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_coverage.py" />
            <source>Indiquez le millésime à enregistrer dans le référentiel.</source>
            <translation>Give the vintage to record in the database.</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_coverage.py" />
            <source>Millésime {0} enregistré dans {1} avec les sorties.</source>
            <translation>Vintage {0} recorded in {1} with the outputs.</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_coverage.py" />
            <source>Zone {0} : {1} locaux</source>
            <translation>Zone {0}: {1} premises</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_coverage.py" />
            <source>Reste à couvrir après 2022 : {0} locaux ; chevauchements RIP/AMII : {1} locaux.</source>
            <translation>Still to cover after 2022: {0} premises; RIP/AMII overlaps: {1} premises.</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_coverage.py" />
            <source>Couverture THD</source>
            <translation>THD coverage</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_trajectory.py" />
            <source>Trajectoire THD et phasage 2015–2017</source>
            <translation>THD trajectory and 2015–2017 phasing</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_trajectory.py" />
            <source>THD,trajectoire,2022,2017,phasage,triennal,semestre,objectifs,SCORAN</source>
            <translation>THD,trajectory,2022,2017,phasing,three-year,half-year,targets,SCORAN</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_trajectory.py" />
            <source>Trajectoire vers le très haut débit pour tous en 2022 (livrables 4 et 5 de la SCORAN).

Lit : la sortie de « Couverture THD », les phases des RIP, les coûts unitaires (table du référentiel couts_unitaires, ou celle fournie avec l'extension) et l'aide de l'État par département (aides_departements, ou celle de l'extension).

Calcule, par département et pour l'ensemble, semestre par semestre du MILLÉSIME à 2022-S2 : les locaux déjà THD plus les plans AMII et RIP cumulés, leur part, les jalons nationaux (50 % fin 2017, 100 % fin 2022) et l'écart ; le phasage 2015–2017 par projet, phase, département et année : locaux, locaux raccordables (FTTH seulement ; la montée en débit MED et le THD radio sont comptés à part), coût (cout_prevu de la phase quand il est saisi, sinon l'estimation, donnée à côté), part de l'État et reste aux collectivités. Le phasage est calculé comme les besoins financiers (même répartition d'une phase sur ses semestres) : les deux tables donnent les mêmes chiffres par projet et par année. Les phases abandonnées et les locaux des communes AMII ou ZTD n'y sont pas. Avec un référentiel, enregistre la trajectoire du millésime et liste ce qui a changé depuis le précédent : locaux passés au THD, phases retardées, conventions signées.

Écrit : des tables (utilisables dans les modèles) et un graphique PNG des courbes par département face aux objectifs, pour l'atlas.</source>
            <translation>Trajectory towards very high-speed broadband for all in 2022 (deliverables 4 and 5 of the SCORAN).

Reads: the output of “THD coverage”, the RIP phases, the unit costs (the database's couts_unitaires table, or the one shipped with the plugin) and the State aid by department (aides_departements, or the plugin's).

Computes, by department and overall, half-year by half-year from the VINTAGE to 2022-S2: the premises already THD plus the cumulative AMII and RIP plans, their share, the national milestones (50% end of 2017, 100% end of 2022) and the gap; the 2015–2017 phasing by project, phase, department and year: premises, connectable premises (FTTH only; the speed upgrade MED and THD radio are counted apart), cost (cout_prevu of the phase when it is entered, otherwise the estimate, given beside it), State share and remainder for the local authorities. The phasing is computed like the financial needs (same spreading of a phase over its half-years): both tables give the same figures per project and per year. Abandoned phases and the premises of AMII or ZTD communes are not in it. With a database, records the vintage's trajectory and lists what changed since the previous one: premises switched to THD, delayed phases, signed agreements.

Writes: tables (usable in models) and a PNG chart of the curves by department against the targets, for the atlas.</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_trajectory.py" />
            <source>Coûts unitaires (couts_unitaires ; vide : valeurs de l'extension)</source>
            <translation>Unit costs (couts_unitaires; empty: the plugin's values)</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_trajectory.py" />
            <source>Aide de l'État par département (aides_departements ; vide : table de l'extension)</source>
            <translation>State aid by department (aides_departements; empty: the plugin's table)</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_trajectory.py" />
            <source>Référentiel SCORAN (enregistrer et comparer au millésime précédent ; fichier .gpkg ou base PostgreSQL)</source>
            <translation>SCORAN database (record and compare with the previous vintage; .gpkg file or PostgreSQL database)</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_trajectory.py" />
            <source>Trajectoire THD par semestre</source>
            <translation>THD trajectory by half-year</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_trajectory.py" />
            <source>Phasage 2015–2017</source>
            <translation>2015–2017 phasing</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_trajectory.py" />
            <source>Évolutions depuis le millésime précédent</source>
            <translation>Changes since the previous vintage</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_trajectory.py" />
            <source>Graphique de la trajectoire</source>
            <translation>Trajectory chart</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_trajectory.py" />
            <source>Image PNG (*.png)</source>
            <translation>PNG image (*.png)</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_trajectory.py" />
            <source>Millésime précédent comparé</source>
            <translation>Previous vintage compared</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_trajectory.py" />
            <source>Le millésime {0} est après la fin du plan ({1}).</source>
            <translation>Vintage {0} is after the end of the plan ({1}).</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_trajectory.py" />
            <source>Trajectoire THD — millésime {0}</source>
            <translation>THD trajectory — vintage {0}</translation>
        </message>
        <message>
            <location filename="../../algorithms/thd_trajectory.py" />
            <source>{0} : {1} % des locaux en THD (objectif {2} %)</source>
            <translation>{0}: {1}% of premises with THD (target {2}%)</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zone_clearing.py" />
            <source>Résorption des zones blanches (quand ?)</source>
            <translation>White-zone clearing (when?)</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zone_clearing.py" />
            <source>zones blanches,résorption,phases,RIP,MED,FTTH,AMII,semestre,2017,2022,sites prioritaires,SCORAN</source>
            <translation>white zones,clearing,phases,RIP,MED,FTTH,AMII,half-year,2017,2022,priority sites,SCORAN</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zone_clearing.py" />
            <source>Quand les zones blanches du haut débit seront-elles résorbées ? (livrables 1, 2 et 4 de la SCORAN).

Lit : la sortie de « Couverture THD » (zone, phase, semestre prévu et classe de débit de chaque local), les phases des RIP, les communes et, si on la donne, la sortie de « Sites prioritaires ».

Un local est sans haut débit quand sa classe est INEL (&lt; 512 kbit/s) et sous le seuil quand sa classe est sous le SEUIL (HD3 par défaut : &lt; 3 Mbit/s ; les inéligibles en font partie). Il est traité au semestre S quand le plan qui le couvre est prévu au plus tard en S : commune AMII ou ZTD, le calendrier des opérateurs ; local de RIP dans une phase, la fin de la phase, quelle que soit sa technologie (FTTH, THD radio, et aussi montée en débit MED, qui relève le débit sans apporter le THD) ; un local déjà THD est traité. Sinon il n'est pas planifié.

Écrit : par phase de RIP, département et semestre de fin, les locaux sans haut débit et sous le seuil qu'elle traite, technologies à part, avec les totaux par technologie ; par commune (polygones), par département et par carreau de 200 m (grille INSPIRE de l'INSEE, carreaux ayant des locaux sous le seuil) : les locaux sans haut débit et sous le seuil, ce qui reste à traiter fin 2017 et fin 2022, et le semestre de résorption (semestre où tous ses locaux sous le seuil sont traités ; rien_a_resorber, non_planifie) ; pour chaque site prioritaire, le semestre THD prévu du local le plus proche à moins de DISTANCE MAXIMALE mètres (deja_thd, non_planifie ou sans_local_proche, et le motif).</source>
            <translation>When will the broadband white zones be cleared? (deliverables 1, 2 and 4 of the SCORAN).

Reads: the output of “THD coverage” (zone, phase, planned half-year and speed class of each premises), the RIP phases, the communes and, when given, the output of “Priority sites”.

A premises is without broadband when its class is INEL (&lt; 512 kbit/s) and below the threshold when its class is below the THRESHOLD (HD3 by default: &lt; 3 Mbit/s; the ineligible ones are included). It is addressed in half-year S when the plan that covers it is scheduled for S at the latest: AMII or ZTD commune, the operators' calendar; RIP premises in a phase, the end of the phase, whatever its technology (FTTH, THD radio, and also the speed upgrade MED, which raises the speed without bringing THD); premises that already have THD are addressed. Otherwise it is not planned.

Writes: by RIP phase, department and end half-year, the premises without broadband and below the threshold that the phase addresses, technologies separately, with the totals by technology; by commune (polygons), by department and by 200 m grid cell (INSEE INSPIRE grid, grid cells with premises below the threshold): the premises without broadband and below the threshold, what is still to address at the end of 2017 and at the end of 2022, and the clearing half-year (half-year when all its premises below the threshold are addressed; rien_a_resorber, non_planifie); for each priority site, the planned THD half-year of the nearest premises within MAXIMUM DISTANCE metres (deja_thd, non_planifie or sans_local_proche, and the reason).</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zone_clearing.py" />
            <source>Communes (communes du référentiel)</source>
            <translation>Communes (communes of the database)</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zone_clearing.py" />
            <source>Sites prioritaires (sortie de Sites prioritaires)</source>
            <translation>Priority sites (output of Priority sites)</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zone_clearing.py" />
            <source>Résorption par phase de RIP et semestre</source>
            <translation>Clearing by RIP phase and half-year</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zone_clearing.py" />
            <source>Résorption par commune</source>
            <translation>Clearing by commune</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zone_clearing.py" />
            <source>Résorption par carreau de 200 m</source>
            <translation>Clearing by 200 m grid cell</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zone_clearing.py" />
            <source>Reste à traiter par département</source>
            <translation>Still to address by department</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zone_clearing.py" />
            <source>Semestre THD prévu des sites prioritaires</source>
            <translation>Planned THD half-year of the priority sites</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zone_clearing.py" />
            <source>La couche de couverture THD est vide.</source>
            <translation>The THD coverage layer is empty.</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zone_clearing.py" />
            <source>{0} phase(s) de la couverture absente(s) des phases des RIP ({1}) : leurs locaux sont comptés non planifiés. Relancez « Couverture THD » avec ces phases.</source>
            <translation>{0} phase(s) of the coverage missing from the RIP phases ({1}): their premises are counted as not planned. Run “THD coverage” again with these phases.</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zone_clearing.py" />
            <source>Sous le seuil {0} : {1} locaux, dont {2} sans haut débit ; reste à traiter fin 2017 : {3} (dont {4} sans haut débit) ; fin 2022 : {5} (dont {6}) ; sans plan : {7}.</source>
            <translation>Below the threshold {0}: {1} premises, including {2} without broadband; still to address at the end of 2017: {3} (including {4} without broadband); at the end of 2022: {5} (including {6}); without a plan: {7}.</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zone_clearing.py" />
            <source>{0} site(s) sans local à moins de {1} m : pas de semestre THD.</source>
            <translation>{0} site(s) without premises within {1} m: no THD half-year.</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zone_clearing.py" />
            <source>La couche de communes est vide.</source>
            <translation>The communes layer is empty.</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zone_clearing.py" />
            <source>La couche de communes {0} n'a pas de champ de code INSEE (insee_com).</source>
            <translation>The communes layer {0} has no INSEE code field (insee_com).</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zone_clearing.py" />
            <source>{0} commune(s) des locaux absente(s) de la couche de communes ({1} locaux sous le seuil) : comptée(s) dans les départements, pas par commune.</source>
            <translation>{0} commune(s) of the premises missing from the communes layer ({1} premises below the threshold): counted in the departments, not by commune.</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zones.py" />
            <source>Part de locaux sous le seuil (ou inéligibles) qui fait une zone blanche (%, de 0,01 à 100)</source>
            <translation>Share of premises below the threshold (or ineligible) that makes a white zone (%, from 0.01 to 100)</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zones.py" />
            <source>Zones blanches du haut débit</source>
            <translation>Broadband white zones</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zones.py" />
            <source>zones blanches,haut débit,inventaire,locaux,carroyage,INSPIRE,200 m,SCORAN</source>
            <translation>white zones,broadband,inventory,premises,grid,INSPIRE,200 m,SCORAN</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zones.py" />
            <source>Inventaire des zones blanches du haut débit fixe (livrable 1 de la SCORAN), dans les deux catégories que nomme la circulaire :
• les zones blanches du haut débit, sans haut débit : locaux inéligibles (classe INEL, moins de 512 kbit/s) — champ zb_haut_debit, carreaux de catégorie « sans_haut_debit » ;
• les zones ne bénéficiant pas d'un haut débit de qualité : locaux sous le SEUIL (par défaut HD3, moins de 3 Mbit/s) — champ zone_blanche, carreaux de catégorie « sous_seuil ». Le champ zone_blanche désigne toujours cette catégorie du SEUIL.
Une zone entre dans une catégorie quand la part de ses locaux concernés atteint PART (50 % par défaut ; une part égale à PART compte).

Lit : les locaux importés par « Importer Ma connexion internet » et une couche de zones (les communes, ou des EPCI, des IRIS…). Quand la clé des zones est le code INSEE des communes, chaque local est compté dans sa commune ARCEP ; sinon il est placé par sa position.

Calcule, en nombre de locaux (pas d'immeubles) : les locaux par classe de débit, nb_inel, pct_inel, zb_haut_debit, nb_sous_seuil (classe inférieure au SEUIL), pct_sous_seuil, zone_blanche, nb_bhd (≥ 8 Mbit/s), nb_thd (≥ 30 Mbit/s), et garde le SEUIL (seuil) et la PART (part_pct) utilisés.

Écrit : les zones avec ces comptes ; les zones sous le seuil en polygones faits des carreaux de 200 m de la grille INSPIRE (comme l'INSEE), en EPSG:3035 pour garder des bords exacts, regroupés, avec leurs comptes ; sur demande, les zones blanches du haut débit (carreaux où les locaux inéligibles atteignent PART) de la même façon ; un tableau récapitulatif par département et pour l'ensemble du territoire, avec les deux catégories.</source>
            <translation>Inventory of the fixed-broadband white zones (deliverable 1 of the SCORAN), in the two categories the circular names:
• broadband white zones, without broadband: ineligible premises (class INEL, less than 512 kbit/s) — field zb_haut_debit, grid cells of category “sans_haut_debit”;
• zones without good-quality broadband: premises below the THRESHOLD (by default HD3, less than 3 Mbit/s) — field zone_blanche, grid cells of category “sous_seuil”. The field zone_blanche always means this THRESHOLD category.
A zone falls into a category when the share of its premises concerned reaches SHARE (50% by default; a share equal to SHARE counts).

Reads: the premises imported by “Import Ma connexion internet” and a layer of zones (the communes, or EPCIs, IRIS…). When the key of the zones is the communes' INSEE code, each premises is counted in its ARCEP commune; otherwise it is placed by its position.

Computes, in numbers of premises (not buildings): the premises by speed class, nb_inel, pct_inel, zb_haut_debit, nb_sous_seuil (class below the THRESHOLD), pct_sous_seuil, zone_blanche, nb_bhd (≥ 8 Mbit/s), nb_thd (≥ 30 Mbit/s), and keeps the THRESHOLD (seuil) and the SHARE (part_pct) used.

Writes: the zones with these counts; the zones below the threshold as polygons made of the 200 m cells of the INSPIRE grid (like INSEE), in EPSG:3035 to keep exact edges, grouped, with their counts; on request, the broadband white zones (cells where ineligible premises reach SHARE) in the same way; a summary table by department and for the whole territory, with both categories.</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zones.py" />
            <source>Zones (communes, EPCI, IRIS…)</source>
            <translation>Zones (communes, EPCIs, IRIS…)</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zones.py" />
            <source>Clé des zones (par défaut : le code INSEE)</source>
            <translation>Key of the zones (default: the INSEE code)</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zones.py" />
            <source>Zones blanches par zone</source>
            <translation>White zones by zone</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zones.py" />
            <source>Zones sans haut débit de qualité, sous le seuil (carreaux de 200 m regroupés)</source>
            <translation>Zones without good-quality broadband, below the threshold (200 m grid cells grouped)</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zones.py" />
            <source>Inventaire par département</source>
            <translation>Inventory by department</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zones.py" />
            <source>Zones blanches du haut débit, locaux inéligibles (carreaux de 200 m regroupés)</source>
            <translation>Broadband white zones, ineligible premises (200 m grid cells grouped)</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zones.py" />
            <source>La couche de zones est vide.</source>
            <translation>The zones layer is empty.</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zones.py" />
            <source>{0} immeuble(s) ({1} locaux) hors des zones : non comptés par zone.</source>
            <translation>{0} building(s) ({1} premises) outside the zones: not counted by zone.</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zones.py" />
            <source>Zones sans haut débit de qualité (sous {0}, part ≥ {1} %, champ zone_blanche) : {2} zone(s) sur {3} ; {4} locaux sous le seuil ({5} %) ; {6} zone(s) de carreaux.</source>
            <translation>Zones without good-quality broadband (below {0}, share ≥ {1}%, field zone_blanche): {2} zone(s) out of {3}; {4} premises below the threshold ({5}%); {6} grid-cell zone(s).</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zones.py" />
            <source>Zones blanches du haut débit (locaux inéligibles, part ≥ {0} %, champ zb_haut_debit) : {1} zone(s) sur {2} ; {3} locaux inéligibles ({4} %) ; {5} zone(s) de carreaux.</source>
            <translation>Broadband white zones (ineligible premises, share ≥ {0}%, field zb_haut_debit): {1} zone(s) out of {2}; {3} ineligible premises ({4}%); {5} grid-cell zone(s).</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zones.py" />
            <source>Part des locaux sous le seuil par zone</source>
            <translation>Share of premises below the threshold by zone</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zones.py" />
            <source>Carreaux sans haut débit de qualité</source>
            <translation>Grid cells without good-quality broadband</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zones.py" />
            <source>Carreaux en zone blanche du haut débit</source>
            <translation>Grid cells in a broadband white zone</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zones.py" />
            <source>Inventaire des zones blanches par département</source>
            <translation>Inventory of white zones by department</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zones.py" />
            <source>Locaux comptés dans leur commune par le code INSEE (champ {0}).</source>
            <translation>Premises counted in their commune by the INSEE code (field {0}).</translation>
        </message>
        <message>
            <location filename="../../algorithms/white_zones.py" />
            <source>Locaux placés dans les zones par leur position.</source>
            <translation>Premises placed in the zones by their position.</translation>
        </message>
        <message>
            <source>Crée le référentiel SCORAN (un GeoPackage qui garde les données de travail d'un semestre à l'autre) ou, s'il existe, le met à niveau et remplace son territoire.

Lit : une couche de communes (IGN ADMIN EXPRESS ou toute couche de polygones portant le code INSEE : INSEE_COM, code_insee…), et, si on les fournit, les départements et les EPCI. Les codes INSEE sont ramenés à 5 caractères (1001 → 01001 ; 2A004 conservé) ; les lignes sans code valide ou sans géométrie sont écartées et comptées dans le journal. Les départements absents sont reconstitués par fusion des communes, les régions par fusion des départements.

Écrit : le référentiel (tables du territoire, millésimes, projets RIP/AMII, centres-bourgs, registre des projets d'usages…), en Lambert-93 par défaut. Un référentiel écrit par une version plus récente de l'extension est refusé sans être modifié.

Contrôle : quand le référentiel a déjà des centres-bourgs, chaque mairie est comparée à la commune de son code INSEE ; celles qui en sont hors sont comptées et signalées (premiers codes).</source>
            <translation type="vanished">Creates the SCORAN database (a GeoPackage that keeps the working data from one half-year to the next) or, if it exists, upgrades it and replaces its territory.

Reads: a layer of communes (IGN ADMIN EXPRESS or any polygon layer carrying the INSEE code: INSEE_COM, code_insee…) and, when given, the departments and the EPCIs. INSEE codes are padded to 5 characters (1001 → 01001; 2A004 kept); rows without a valid code or without a geometry are left out and counted in the log. Missing departments are rebuilt by merging the communes, regions by merging the departments.

Writes: the database (territory tables, vintages, RIP/AMII projects, town centres, register of digital-use projects…), in Lambert-93 by default. A database written by a more recent version of the plugin is refused without being modified.

Check: when the database already has town centres, each town hall is compared with the commune of its INSEE code; those outside it are counted and reported (first codes).</translation>
        </message>
        <message>
            <source>Référentiel SCORAN où enregistrer le millésime</source>
            <translation type="vanished">SCORAN database in which to record the vintage</translation>
        </message>
        <message>
            <source>Référentiel SCORAN (enregistrer et comparer au millésime précédent)</source>
            <translation type="vanished">SCORAN database (record and compare with the previous vintage)</translation>
        </message>
        <message>
            <source>Produit les livrables semestriels de la SCORAN 2.0 pour la région ou quelques départements.

Lit : le référentiel SCORAN, le dossier des analyses du millésime (sorties de la chaîne : locaux, zones blanches, sites prioritaires, couverture et trajectoire THD, besoins financiers, centres-bourgs…). Les analyses absentes sont calculées à partir du dossier des sources (arcep/, insee/, sirene/, mobile/) quand il est fourni.

Écrit dans le dossier de sortie : l'atlas PDF (page de garde, puis pour la région et chaque département quatre pages : haut débit fixe, très haut débit, mobile, usages), un PDF par département, et les classeurs XLSX de chaque livrable (phasage 2015–2017, inventaire des zones blanches, sites prioritaires, avancement des projets et conventions, trajectoire THD, besoins financiers, zones blanches mobiles, projets d'usages par priorité, calendrier des initiatives, indicateurs et évolutions depuis le millésime précédent), et le document de présentation de la SCORAN 2.0 (ODT modifiable, plan de la circulaire, chiffres, tableaux et cartes du semestre ; les textes écrits par le SGAR dans les cadres « À rédiger » du document précédent — celui du dossier des livrables, même millésime ou à défaut le plus récent, ou celui indiqué — sont repris ; sans le module Python odf (odfpy), ce document n'est pas produit et un avertissement le dit). Les fichiers sont écrits à part puis déplacés ensemble : jamais un jeu partiel présenté comme complet.

Enregistre aussi dans le référentiel, pour toute la région quels que soient les départements demandés, l'état du millésime : projets d'usages (statut, budget, dates), centres-bourgs (couverture, état du site, sites nécessaires, coût retenu) et coûts (phases des RIP, reste à planifier, mobile) ; une nouvelle génération du même millésime remplace ses lignes. « Évolutions » et « Comparaison » comparent à ce qui a été enregistré pour le millésime précédent.</source>
            <translation type="vanished">Produces the half-yearly deliverables of the SCORAN 2.0 for the region or a few departments.

Reads: the SCORAN database, the folder of the vintage's analyses (outputs of the chain: premises, white zones, priority sites, THD coverage and trajectory, financial needs, town centres…). Missing analyses are computed from the sources folder (arcep/, insee/, sirene/, mobile/) when it is given.

Writes in the output folder: the PDF atlas (cover page, then for the region and each department four pages: fixed broadband, very high-speed broadband, mobile, digital uses), one PDF per department, and the XLSX workbooks of each deliverable (2015–2017 phasing, inventory of white zones, priority sites, progress of projects and agreements, THD trajectory, financial needs, mobile white zones, digital-use projects by priority, calendar of initiatives, indicators and changes since the previous vintage), and the SCORAN 2.0 presentation document (editable ODT, outline of the circular, figures, tables and maps of the half-year; the texts written by the SGAR in the “To be written” frames of the previous document — the one in the deliverables folder, same vintage or failing that the most recent, or the one given — are carried over; without the Python module odf (odfpy), this document is not produced and a warning says so). The files are written aside then moved together: never a partial set presented as complete.

Also records in the database, for the whole region whatever the departments requested, the state of the vintage: digital-use projects (status, budget, dates), town centres (coverage, state of the site, sites needed, cost retained) and costs (RIP phases, left to plan, mobile); a new generation of the same vintage replaces its rows. “Changes” and “Comparison” compare with what was recorded for the previous vintage.</translation>
        </message>
        <message>
            <source>Produit les livrables semestriels de la SCORAN 2.0 pour la région ou quelques départements.

Lit : le référentiel SCORAN, le dossier des analyses du millésime (sorties de la chaîne : locaux, zones blanches, sites prioritaires, couverture et trajectoire THD, besoins financiers, centres-bourgs…). Les analyses absentes sont calculées à partir du dossier des sources (arcep/, insee/, sirene/, mobile/) quand il est fourni.

Écrit dans le dossier de sortie : l'atlas PDF (page de garde, puis pour la région et chaque département quatre pages : haut débit fixe, très haut débit, mobile, usages), un PDF par département, et les classeurs XLSX de chaque livrable (phasage 2015–2017, inventaire des zones blanches, sites prioritaires, avancement des projets et conventions, trajectoire THD, besoins financiers, zones blanches mobiles, projets d'usages par priorité, calendrier des initiatives, indicateurs et évolutions depuis le millésime précédent). Les fichiers sont écrits à part puis déplacés ensemble : jamais un jeu partiel présenté comme complet.</source>
            <translation type="vanished">Produces the half-yearly deliverables of the SCORAN 2.0 for the region or a few departments.

Reads: the SCORAN database, the folder of the vintage's analyses (outputs of the chain: premises, white zones, priority sites, THD coverage and trajectory, financial needs, town centres…). Missing analyses are computed from the sources folder (arcep/, insee/, sirene/, mobile/) when it is given.

Writes in the output folder: the PDF atlas (cover page, then for the region and each department four pages: fixed broadband, very high-speed broadband, mobile, digital uses), one PDF per department, and the XLSX workbooks of each deliverable (2015–2017 phasing, inventory of white zones, priority sites, progress of projects and agreements, THD trajectory, financial needs, mobile white zones, digital-use projects by priority, calendar of initiatives, indicators and changes since the previous vintage). The files are written aside then moved together: never a partial set presented as complete.</translation>
        </message>
        <message>
            <source>Estimation semestrielle du coût de la couverture fixe et des besoins de financement (livrable 7 de la SCORAN).

Lit : la sortie de « Couverture THD », les phases des RIP, la table d'aide de l'État par département (taux et plafond par local ; aides_departements du référentiel, ou la table de l'extension : de 33 % et 180 € à 61,6 % et 694 € selon le cahier des charges 2013, ligne « * » par défaut) et les coûts unitaires par technologie et densité (couts_unitaires).

Calcule, par phase et département : locaux restant à desservir hors communes AMII et ZTD (initiative privée) et hors phases abandonnées × coût unitaire (densité de la commune selon regles_par_defaut.csv : urbain ≥ 2 000 locaux, périurbain ≥ 300, rural), ou le cout_prevu saisi pour la phase (l'estimation reste à côté, source_cout dit lequel sert), part de l'État = min(taux × coût, plafond × locaux), reste pour les collectivités réparti entre {0} selon les parts choisies (par défaut celles de regles_par_defaut.csv). Chaque phase est répartie également sur ses semestres (locaux en nombres entiers) : une ligne par phase, département et semestre, avec son année — la même règle que le phasage 2015–2017 de « Trajectoire THD », qui donne donc les mêmes locaux et coûts par projet et par année. Puis les totaux par projet, département, semestre et pour l'ensemble.

Écrit : une table (utilisable dans les modèles et les livrables).</source>
            <translation type="vanished">Half-yearly estimate of the cost of fixed coverage and of the funding needs (deliverable 7 of the SCORAN).

Reads: the output of “THD coverage”, the RIP phases, the State aid table by department (rate and ceiling per premises; aides_departements of the database, or the plugin's table: from 33% and €180 to 61.6% and €694 according to the 2013 specifications, row “*” by default) and the unit costs by technology and density (couts_unitaires).

Computes, by phase and department: premises still to be served outside AMII and ZTD communes (private initiative) and outside abandoned phases × unit cost (density of the commune according to regles_par_defaut.csv: urban ≥ 2,000 premises, peri-urban ≥ 300, rural), or the cout_prevu entered for the phase (the estimate stays beside it, source_cout tells which one is used), State share = min(rate × cost, ceiling × premises), remainder for the local authorities split between {0} according to the chosen shares (by default those of regles_par_defaut.csv). Each phase is spread evenly over its half-years (whole numbers of premises): one row per phase, department and half-year, with its year — the same rule as the 2015–2017 phasing of “THD trajectory”, which therefore gives the same premises and costs per project and per year. Then the totals per project, department, half-year and overall.

Writes: a table (usable in models and deliverables).</translation>
        </message>
    </context>
    <context>
        <name>ScoranCalendar</name>
        <message>
            <location filename="../../ui/calendar_dock.py" />
            <source>Calendrier</source>
            <translation>Calendar</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_dock.py" />
            <source>Filtrer (titre, domaine, projet RIP…)</source>
            <translation>Filter (title, domain, RIP project…)</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_dock.py" />
            <source>Phases RIP et AMII</source>
            <translation>RIP phases and AMII</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_dock.py" />
            <source>Largeur d'un semestre</source>
            <translation>Width of a half-year</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_dock.py" />
            <source>Légende</source>
            <translation>Legend</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_dock.py" />
            <source>Initiative</source>
            <translation>Initiative</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_dock.py" />
            <source>Aujourd'hui</source>
            <translation>Today</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_dock.py" />
            <source>Phase de RIP</source>
            <translation>RIP phase</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_dock.py" />
            <source>Phase de RIP abandonnée</source>
            <translation>Abandoned RIP phase</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_dock.py" />
            <source>Calendrier AMII (opérateurs privés)</source>
            <translation>AMII calendar (private operators)</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_dock.py" />
            <source>Jalon {0}</source>
            <translation>Milestone {0}</translation>
        </message>
    </context>
    <context>
        <name>ScoranPlugin</name>
        <message>
            <location filename="../../plugin.py" />
            <source>Créer ou mettre à jour le référentiel…</source>
            <translation>Create or update the database…</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <source>Créer le référentiel SCORAN, un GeoPackage, ou le mettre à jour</source>
            <translation>Create the SCORAN database, a GeoPackage, or update it</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <source>Charger le référentiel dans le projet</source>
            <translation>Load the database into the project</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <source>Ajouter au projet les couches du référentiel, mises en forme</source>
            <translation>Add the database's layers, styled, to the project</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <source>Algorithmes SCORAN (boîte à outils)</source>
            <translation>SCORAN algorithms (toolbox)</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <source>Paramètres…</source>
            <translation>Settings…</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <source>Afficher ou masquer le panneau « Projets d'usages » (registre des services et usages)</source>
            <translation>Show or hide the “Digital-use projects” panel (register of digital services and uses)</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <source>Afficher ou masquer le panneau « Calendrier » des initiatives</source>
            <translation>Show or hide the “Calendar” panel of the initiatives</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <source>Aucun référentiel n'est défini : choisissez-le dans les paramètres SCORAN.</source>
            <translation>No database is set: choose it in the SCORAN settings.</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <source>{0} couches du référentiel ajoutées au projet.</source>
            <translation>{0} layers of the database added to the project.</translation>
        </message>
    </context>
    <context>
        <name>ScoranRegister</name>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Projets d'usages</source>
            <translation>Digital-use projects</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Fiche</source>
            <translation>Record</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Jalons et documents</source>
            <translation>Milestones and documents</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Objets liés</source>
            <translation>Linked features</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Besoins et métiers</source>
            <translation>Needs and occupations</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Rechercher (titre, porteur, identifiant…)</source>
            <translation>Search (title, owner, identifier…)</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Dép.</source>
            <translation>Dept.</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Code du département (21, 25, 2A…)</source>
            <translation>Department code (21, 25, 2A…)</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Domaines</source>
            <translation>Domains</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Filtrer par domaine</source>
            <translation>Filter by domain</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Priorités</source>
            <translation>Priorities</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Filtrer par priorité</source>
            <translation>Filter by priority</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Statuts</source>
            <translation>Statuses</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Filtrer par statut</source>
            <translation>Filter by status</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>{0} projet sur {1}</source>
            <translation>{0} project out of {1}</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>{0} projets sur {1}</source>
            <translation>{0} projects out of {1}</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Nouveau projet</source>
            <translation>New project</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Enregistrer le projet</source>
            <translation>Save the project</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Dupliquer le projet</source>
            <translation>Duplicate the project</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Supprimer le projet</source>
            <translation>Delete the project</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Annuler le dernier enregistrement</source>
            <translation>Undo the last save</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Exporter le registre (XLSX)</source>
            <translation>Export the register (XLSX)</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Importer un registre (XLSX)</source>
            <translation>Import a register (XLSX)</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Thèmes régionaux (un ou deux, en plus des domaines)…</source>
            <translation>Regional themes (one or two, in addition to the domains)…</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Inventaire des SDTAN…</source>
            <translation>SDTAN inventory…</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>codes séparés par des virgules : 21, 58</source>
            <translation>codes separated by commas: 21, 58</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Identifiant</source>
            <translation>Identifier</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <location filename="../../ui/register_lists.py" />
            <source>Titre</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Description</source>
            <translation>Description</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Priorité</source>
            <translation>Priority</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Domaine</source>
            <translation>Domain</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <location filename="../../ui/register_lists.py" />
            <source>Statut</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Porteur</source>
            <translation>Project owner</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Partenaires</source>
            <translation>Partners</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Budget</source>
            <translation>Budget</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Appel à projets PIA</source>
            <translation>PIA call for projects</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Départements</source>
            <translation>Departments</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Début</source>
            <translation>Start</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Fin</source>
            <translation>End</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <location filename="../../ui/register_lists.py" />
            <source>Thèmes régionaux</source>
            <translation>Regional themes</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Besoins émergents</source>
            <translation>Emerging needs</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Expérimentations</source>
            <translation>Experiments</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Métiers</source>
            <translation>Occupations</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Besoins en formation</source>
            <translation>Training needs</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Les un ou deux thèmes supplémentaires retenus par la région (circulaire, II.B) ; la liste se règle par « Thèmes régionaux » de la barre d'outils.</source>
            <translation>The one or two additional themes chosen by the region (circular, II.B); the list is set with “Regional themes” in the toolbar.</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Le projet vise des territoires en difficulté (circulaire).</source>
            <translation>The project targets disadvantaged territories (circular).</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Le projet vise des publics éloignés des usages numériques (circulaire).</source>
            <translation>The project targets digitally excluded people (circular).</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Le projet mutualise des infrastructures, des services ou des données.</source>
            <translation>The project shares infrastructure, services or data.</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Besoins territoriaux émergents (pratiques numériques, innovation)</source>
            <translation>Emerging territorial needs (digital practices, innovation)</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Expérimentations dignes de valorisation</source>
            <translation>Experiments worth promoting</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Principaux métiers concernés</source>
            <translation>Main occupations concerned</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Besoins régionaux en formation spécifique</source>
            <translation>Regional needs for specific training</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Jalons</source>
            <translation>Milestones</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Jalon</source>
            <translation>Milestone</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Semestre</source>
            <translation>Half-year</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Documents (comptes rendus, études, conventions)</source>
            <translation>Documents (minutes, studies, agreements)</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Fichier ou adresse</source>
            <translation>File or address</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Lier la sélection</source>
            <translation>Link the selection</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Lier au projet les objets sélectionnés de la couche active</source>
            <translation>Link the selected features of the active layer to the project</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <location filename="../../ui/register_lists.py" />
            <source>Retirer</source>
            <translation>Remove</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Retirer du projet les objets choisis dans la liste</source>
            <translation>Remove the features chosen in the list from the project</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Voir sur la carte</source>
            <translation>Show on the map</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Sélectionner les objets liés dans les couches et zoomer dessus</source>
            <translation>Select the linked features in the layers and zoom to them</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Ce projet vient d'être modifié dans une autre session ; votre saisie est conservée. À l'enregistrement, vous pourrez comparer les deux versions.</source>
            <translation>This project has just been changed in another session; your input is kept. When you save, you will be able to compare the two versions.</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Exporter le registre</source>
            <translation>Export the register</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Classeur Excel (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Importer un registre</source>
            <translation>Import a register</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Import du registre</source>
            <translation>Register import</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Le classeur contient des erreurs ; rien n'a été importé.

{0}

Importer seulement les projets valides ?</source>
            <translation>The workbook contains errors; nothing was imported.

{0}

Import only the valid projects?</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Objets liés ({0})</source>
            <translation>Linked features ({0})</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Enregistrer {0}</source>
            <translation>Save {0}</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Supprimer le projet {0}, ses jalons, liens et financements ?</source>
            <translation>Delete the project {0}, its milestones, links and funding?</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>La couche active n'a pas de clé stable (code INSEE, SIREN, rip_id…).</source>
            <translation>The active layer has no stable key (INSEE code, SIREN, rip_id…).</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Projet modifié par quelqu'un d'autre</source>
            <translation>Project changed by someone else</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>{0} ligne(s)</source>
            <translation>{0} row(s)</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Champ</source>
            <translation>Field</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Votre saisie</source>
            <translation>Your input</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Leur version</source>
            <translation>Their version</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Documents</source>
            <translation>Documents</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Voir leur version ({0} différence(s))</source>
            <translation>See their version ({0} difference(s))</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Garder leur version</source>
            <translation>Keep their version</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Abandonner votre saisie et recharger le projet tel qu'il est enregistré</source>
            <translation>Discard your input and reload the project as it is saved</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Écraser avec ma version</source>
            <translation>Overwrite with my version</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Enregistrer votre saisie à la place de leur version, en connaissance de cause</source>
            <translation>Save your input in place of their version, knowingly</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Continuer ma saisie</source>
            <translation>Keep editing</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Garder votre saisie dans le formulaire pour y reporter leurs changements, puis enregistrer</source>
            <translation>Keep your input in the form to carry their changes over into it, then save</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Leur version est affichée ci-contre : reportez dans le formulaire ce que vous gardez, puis enregistrez.</source>
            <translation>Their version is shown alongside: carry over into the form what you keep, then save.</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>oui</source>
            <translation>yes</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>non</source>
            <translation>no</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <location filename="../../ui/register_lists.py" />
            <source>Ajouter</source>
            <translation>Add</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Aucun thème régional : ajoutez-en par « Thèmes régionaux » (barre d'outils).</source>
            <translation>No regional theme: add some with “Regional themes” (toolbar).</translation>
        </message>
        <message>
            <location filename="../../ui/register_dock.py" />
            <source>Un projet relève de {0} thèmes régionaux au plus.</source>
            <translation>A project falls under {0} regional themes at most.</translation>
        </message>
        <message>
            <location filename="../../ui/register_lists.py" />
            <source>Enregistrer</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../ui/register_lists.py" />
            <source>Annuler</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/register_lists.py" />
            <source>Enregistrez à nouveau pour remplacer leur version par la vôtre, ou annulez et rouvrez la liste pour voir la leur.</source>
            <translation>Save again to replace their version with yours, or cancel and reopen the list to see theirs.</translation>
        </message>
        <message>
            <location filename="../../ui/register_lists.py" />
            <source>La circulaire (II.B) permet de retenir « un ou deux thèmes supplémentaires » selon les spécificités régionales, en plus des domaines nationaux. Le code est tiré du libellé à la création et ne change plus ; un thème retenu par un projet ne peut pas être supprimé.</source>
            <translation>The circular (II.B) allows “one or two additional themes” to be chosen according to regional specificities, in addition to the national domains. The code is derived from the label on creation and never changes afterwards; a theme chosen by a project cannot be deleted.</translation>
        </message>
        <message>
            <location filename="../../ui/register_lists.py" />
            <source>Libellé</source>
            <translation>Label</translation>
        </message>
        <message>
            <location filename="../../ui/register_lists.py" />
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <location filename="../../ui/register_lists.py" />
            <source>Ajouter un thème régional</source>
            <translation>Add a regional theme</translation>
        </message>
        <message>
            <location filename="../../ui/register_lists.py" />
            <source>Retirer le thème choisi (s'il n'est retenu par aucun projet)</source>
            <translation>Remove the chosen theme (if no project has chosen it)</translation>
        </message>
        <message>
            <location filename="../../ui/register_lists.py" />
            <source>La région retient {0} thèmes régionaux au plus (circulaire, II.B).</source>
            <translation>The region chooses {0} regional themes at most (circular, II.B).</translation>
        </message>
        <message>
            <location filename="../../ui/register_lists.py" />
            <source>(tiré du libellé)</source>
            <translation>(derived from the label)</translation>
        </message>
        <message>
            <location filename="../../ui/register_lists.py" />
            <source>Inventaire des SDTAN</source>
            <translation>SDTAN inventory</translation>
        </message>
        <message>
            <location filename="../../ui/register_lists.py" />
            <source>Schémas directeurs territoriaux d'aménagement numérique, un par département du référentiel. Dates JJ/MM/AAAA (calendrier au double-clic) ; la dernière mise à jour ne précède pas l'adoption ; un schéma adopté a sa date d'adoption. Une ligne laissée vide n'est pas enregistrée ; l'inventaire est enregistré en une fois, ou pas du tout.</source>
            <translation>Territorial digital development master plans (SDTAN), one per department of the database. Dates DD/MM/YYYY (calendar on double-click); the last update does not precede the adoption; an adopted plan has its adoption date. A row left empty is not saved; the inventory is saved all at once, or not at all.</translation>
        </message>
        <message>
            <location filename="../../ui/register_lists.py" />
            <source>Département</source>
            <translation>Department</translation>
        </message>
        <message>
            <location filename="../../ui/register_lists.py" />
            <source>Adoption</source>
            <translation>Adoption</translation>
        </message>
        <message>
            <location filename="../../ui/register_lists.py" />
            <source>Dernière mise à jour</source>
            <translation>Last update</translation>
        </message>
        <message>
            <location filename="../../ui/register_lists.py" />
            <source>Maître d'ouvrage</source>
            <translation>Contracting authority</translation>
        </message>
        <message>
            <location filename="../../ui/register_lists.py" />
            <source>Commentaire</source>
            <translation>Comment</translation>
        </message>
        <message>
            <location filename="../../ui/register_lists.py" />
            <source>{0} départements</source>
            <translation>{0} departments</translation>
        </message>
        <message>
            <source>Mutualisation</source>
            <translation type="vanished">Shared infrastructure</translation>
        </message>
        <message>
            <source>Zones défavorisées</source>
            <translation type="vanished">Disadvantaged areas</translation>
        </message>
        <message>
            <source>Publics éloignés</source>
            <translation type="vanished">Digitally excluded people</translation>
        </message>
    </context>
    <context>
        <name>ScoranSettings</name>
        <message>
            <location filename="../../ui/settings_page.py" />
            <source>Fichier GeoPackage</source>
            <translation>GeoPackage file</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" />
            <source>Connexion PostgreSQL enregistrée dans QGIS</source>
            <translation>PostgreSQL connection saved in QGIS</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" />
            <source>Service PostgreSQL (pg_service.conf)</source>
            <translation>PostgreSQL service (pg_service.conf)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" />
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" />
            <source>Les connexions PostgreSQL de l'Explorateur de QGIS ; le mot de passe reste dans la configuration d'authentification de QGIS.</source>
            <translation>The PostgreSQL connections of the QGIS Browser; the password stays in the QGIS authentication configuration.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" />
            <source>service=scoran</source>
            <translation>service=scoran</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" />
            <source>Un service de pg_service.conf (les identifiants restent dans ce fichier ou dans .pgpass, jamais dans le projet).</source>
            <translation>A pg_service.conf service (the credentials stay in that file or in .pgpass, never in the project).</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" />
            <source> %</source>
            <translation>%</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" />
            <source>Journal détaillé (débogage)</source>
            <translation>Detailed log (debugging)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" />
            <source>Référentiel SCORAN</source>
            <translation>SCORAN database</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" />
            <source>Type de référentiel</source>
            <translation>Store type</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" />
            <source>Référentiel</source>
            <translation>Store</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" />
            <source>Schéma PostgreSQL</source>
            <translation>PostgreSQL schema</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" />
            <source>Système de coordonnées par défaut</source>
            <translation>Default coordinate reference system</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" />
            <source>Seuils d'analyse (valeurs par défaut des algorithmes)</source>
            <translation>Analysis thresholds (default values of the algorithms)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" />
            <source>Seuil du haut débit de qualité</source>
            <translation>Threshold of good-quality broadband</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" />
            <source>Part de locaux (sous le seuil, ou inéligibles) qui classe une zone</source>
            <translation>Share of premises (below the threshold, or ineligible) that classifies a zone</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" />
            <source>Distance maximale site prioritaire – local</source>
            <translation>Maximum priority site – premises distance</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" />
            <source>Rayon autour de la mairie (centres-bourgs)</source>
            <translation>Radius around the town hall (town centres)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" />
            <source>SCORAN 2.0</source>
            <translation>SCORAN 2.0</translation>
        </message>
    </context>
    <context>
        <name>scoran</name>
        <message>
            <location filename="../../algorithms/chain.py" />
            <source>Le référentiel {0} contient un mot de passe : il serait écrit dans le journal et l'historique de Processing. Utilisez un service PostgreSQL (service=…, mot de passe dans pg_service.conf ou .pgpass) ou une connexion PostgreSQL enregistrée dans QGIS avec une configuration d'authentification.</source>
            <translation>The store {0} holds a password: it would be written into the Processing log and history. Use a PostgreSQL service (service=…, password in pg_service.conf or .pgpass) or a PostgreSQL connection saved in QGIS with an authentication configuration.</translation>
        </message>
        <message>
            <location filename="../../algorithms/mobile_demand.py" />
            <source>{0} point(s) sur {1} hors de la couverture 4G, dans {2} commune(s).</source>
            <translation>{0} point(s) out of {1} outside 4G coverage, in {2} commune(s).</translation>
        </message>
        <message>
            <location filename="../../core/calendar.py" />
            <location filename="../../export/scope.py" />
            <source>partagé avec {0}</source>
            <translation>shared with {0}</translation>
        </message>
        <message>
            <location filename="../../core/calendar.py" />
            <source>AMII {0} ({1} communes)</source>
            <translation>AMII {0} ({1} communes)</translation>
        </message>
        <message>
            <location filename="../../core/calendar.py" />
            <source>{0} communes</source>
            <translation>{0} communes</translation>
        </message>
        <message>
            <location filename="../../core/clearing.py" />
            <source>Aucun local à moins de {0} m.</source>
            <translation>No premises within {0} m.</translation>
        </message>
        <message>
            <location filename="../../core/clearing.py" />
            <source>Local hors de tout projet RIP et de toute commune AMII ou ZTD.</source>
            <translation>Premises outside any RIP project and any AMII or ZTD commune.</translation>
        </message>
        <message>
            <location filename="../../core/clearing.py" />
            <source>Local du projet {rip} dans aucune de ses phases.</source>
            <translation>Premises of project {rip} in none of its phases.</translation>
        </message>
        <message>
            <location filename="../../core/clearing.py" />
            <source>Phase {phase} en {tech} : elle n'apporte pas le très haut débit.</source>
            <translation>Phase {phase} in {tech}: it does not bring very high-speed broadband.</translation>
        </message>
        <message>
            <location filename="../../core/clearing.py" />
            <source>Phase {phase} sans semestre de fin valide.</source>
            <translation>Phase {phase} without a valid end half-year.</translation>
        </message>
        <message>
            <location filename="../../core/clearing.py" />
            <source>Commune {zone} sans calendrier ni année de fin prévue.</source>
            <translation>Commune {zone} without a calendar or a planned end year.</translation>
        </message>
        <message>
            <location filename="../../core/codes.py" />
            <source>Millésime invalide : « {0} ». Format attendu : AAAA-S1 ou AAAA-S2 (ex. 2015-S1).</source>
            <translation>Invalid vintage: “{0}”. Expected format: YYYY-S1 or YYYY-S2 (e.g. 2015-S1).</translation>
        </message>
        <message>
            <location filename="../../core/codes.py" />
            <source>1er semestre {0}</source>
            <translation>1st half of {0}</translation>
        </message>
        <message>
            <location filename="../../core/codes.py" />
            <source>2e semestre {0}</source>
            <translation>2nd half of {0}</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>Table de coûts illisible : {0} ({1}).</source>
            <translation>Unreadable cost table: {0} ({1}).</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>Fichier des règles par défaut illisible : {0} ({1}).</source>
            <translation>Unreadable default rules file: {0} ({1}).</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>des règles par défaut</source>
            <translation>of the default rules</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>clé inconnue (attendu : {0})</source>
            <translation>unknown key (expected: {0})</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>clé en double</source>
            <translation>duplicate key</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>valeur illisible : écrivez un nombre</source>
            <translation>unreadable value: write a number</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>Table {0} « {1} » : la clé « {2} » manque.</source>
            <translation>Table {0} “{1}”: the key “{2}” is missing.</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>part hors de ]0 ; 1] (0,8 ou 80 % pour 80 %)</source>
            <translation>share outside ]0; 1] (0.8 or 80% for 80%)</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>nombre de locaux nul ou négatif</source>
            <translation>number of premises zero or negative</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>le seuil urbain doit dépasser le seuil périurbain</source>
            <translation>the urban threshold must exceed the peri-urban threshold</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>part hors de [0 ; 1]</source>
            <translation>share outside [0; 1]</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>Table {0} « {1} » : les parts {2} doivent faire 100 % (total lu : {3:.1f} %).</source>
            <translation>Table {0} “{1}”: the shares {2} must add up to 100% (total read: {3:.1f}%).</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>Règles par défaut ({0}, modifiables) :</source>
            <translation>Default rules ({0}, can be changed):</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>{0} = {1} : {2}. Source : {3}.</source>
            <translation>{0} = {1}: {2}. Source: {3}.</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>Table {0} « {1} » : colonne(s) {2} absente(s) (colonnes lues : {3}).</source>
            <translation>Table {0} “{1}”: column(s) {2} missing (columns read: {3}).</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>Table {0} « {1} », colonne « {2} » : {3}. {4} ligne(s) en cause : {5} (valeur(s) lue(s) : {6}).</source>
            <translation>Table {0} “{1}”, column “{2}”: {3}. {4} row(s) concerned: {5} (value(s) read: {6}).</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <location filename="../../core/mobile.py" />
            <source>(vide)</source>
            <translation>(empty)</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>des aides de l'État</source>
            <translation>of the State aid</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>code de département vide ou invalide (01…95, 2A, 2B, 971…976, ou * pour les autres)</source>
            <translation>empty or invalid department code (01…95, 2A, 2B, 971…976, or * for the others)</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>taux illisible : écrivez un nombre entre 0 et 1 (0,33) ou un pourcentage (33 %)</source>
            <translation>unreadable rate: write a number between 0 and 1 (0.33) or a percentage (33%)</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>taux supérieur à 1 : écrivez 0,33 ou 33 % pour un taux de 33 %</source>
            <translation>rate above 1: write 0.33 or 33% for a rate of 33%</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>taux hors de [0 ; 1] (de 0 % à 100 %)</source>
            <translation>rate outside [0; 1] (from 0% to 100%)</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>plafond par local illisible : écrivez un montant en euros (ex. 437 ou 1 234,5)</source>
            <translation>unreadable ceiling per premises: write an amount in euros (e.g. 437 or 1 234,5)</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>plafond par local négatif</source>
            <translation>negative ceiling per premises</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>département en double (une seule ligne par département)</source>
            <translation>duplicate department (a single row per department)</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>des coûts unitaires</source>
            <translation>of the unit costs</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>technologie vide ou inconnue (attendu : {0})</source>
            <translation>empty or unknown technology (expected: {0})</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>classe de densité vide ou inconnue (attendu : urbain, periurbain, rural ou * pour toutes)</source>
            <translation>empty or unknown density class (expected: urbain, periurbain, rural or * for all)</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>coût par local illisible : écrivez un montant en euros (ex. 2 200 ou 1 234,5)</source>
            <translation>unreadable cost per premises: write an amount in euros (e.g. 2 200 or 1 234,5)</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>coût par local nul ou négatif</source>
            <translation>cost per premises zero or negative</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>couple technologie et densité en double (une seule ligne par couple)</source>
            <translation>duplicate technology and density pair (a single row per pair)</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>Taux et plafond d'aide de l'État absents pour le(s) département(s) {0} (et pas de ligne « * » par défaut).</source>
            <translation>State aid rate and ceiling missing for department(s) {0} (and no default “*” row).</translation>
        </message>
        <message>
            <location filename="../../core/costs.py" />
            <source>Coût unitaire absent pour la technologie {0} (densité {1}).</source>
            <translation>Unit cost missing for technology {0} (density {1}).</translation>
        </message>
        <message>
            <location filename="../../core/facilities.py" />
            <source>Écoles</source>
            <translation>Schools</translation>
        </message>
        <message>
            <location filename="../../core/facilities.py" />
            <source>Collèges et lycées</source>
            <translation>Secondary schools</translation>
        </message>
        <message>
            <location filename="../../core/facilities.py" />
            <source>Enseignement supérieur</source>
            <translation>Higher education</translation>
        </message>
        <message>
            <location filename="../../core/facilities.py" />
            <location filename="../../layers.py" />
            <source>Santé</source>
            <translation>Health</translation>
        </message>
        <message>
            <location filename="../../core/facilities.py" />
            <location filename="../../layers.py" />
            <source>Services publics</source>
            <translation>Public services</translation>
        </message>
        <message>
            <location filename="../../core/facilities.py" />
            <source>Entreprises</source>
            <translation>Businesses</translation>
        </message>
        <message>
            <location filename="../../core/facilities.py" />
            <source>{0} équipement(s) BPE lus, {1} retenu(s) comme sites prioritaires ; {2} établissement(s) SIRENE retenu(s).</source>
            <translation>{0} BPE facility(ies) read, {1} kept as priority sites; {2} SIRENE establishment(s) kept.</translation>
        </message>
        <message>
            <location filename="../../core/facilities.py" />
            <source>{0} équipement(s) BPE d'un type hors de la table des catégories ignoré(s).</source>
            <translation>{0} BPE facility(ies) of a type outside the category table ignored.</translation>
        </message>
        <message>
            <location filename="../../core/facilities.py" />
            <source>{0} site(s) sans coordonnées ignoré(s).</source>
            <translation>{0} site(s) without coordinates ignored.</translation>
        </message>
        <message>
            <location filename="../../core/facilities.py" />
            <source>{0} site(s) au code commune invalide (gardés, commune vide).</source>
            <translation>{0} site(s) with an invalid commune code (kept, commune empty).</translation>
        </message>
        <message>
            <location filename="../../core/facilities.py" />
            <source>{0} établissement(s) SIRENE à l'EPSG inconnu ignoré(s).</source>
            <translation>{0} SIRENE establishment(s) with an unknown EPSG ignored.</translation>
        </message>
        <message>
            <location filename="../../core/facilities.py" />
            <source>{0} SIRET en double : seul le premier est gardé.</source>
            <translation>{0} duplicate SIRET: only the first one is kept.</translation>
        </message>
        <message>
            <location filename="../../core/facilities.py" />
            <source>{0} : catégorie(s) inconnue(s) {1} ; catégories possibles : {2}.</source>
            <translation>{0}: unknown category(ies) {1}; possible categories: {2}.</translation>
        </message>
        <message>
            <location filename="../../core/facilities.py" />
            <source>{0} : colonnes de coordonnées absentes (LAMBERT_X/LAMBERT_Y ou LONGITUDE/LATITUDE).</source>
            <translation>{0}: coordinate columns missing (LAMBERT_X/LAMBERT_Y or LONGITUDE/LATITUDE).</translation>
        </message>
        <message>
            <location filename="../../core/facilities.py" />
            <source>Fournissez au moins un fichier BPE ou un fichier SIRENE.</source>
            <translation>Give at least one BPE file or one SIRENE file.</translation>
        </message>
        <message>
            <location filename="../../core/facilities.py" />
            <source>Aucun site prioritaire dans les fichiers fournis : {0} équipement(s) BPE lu(s) dont {1} d'un type hors de la table des catégories, {2} sans coordonnées, {3} au code INSEE invalide, {4} à la projection illisible.</source>
            <translation>No priority site in the files given: {0} BPE facility(ies) read, of which {1} of a type outside the category table, {2} without coordinates, {3} with an invalid INSEE code, {4} with an unreadable projection.</translation>
        </message>
        <message>
            <location filename="../../core/feedback.py" />
            <source>Traitement annulé : aucun résultat n'a été écrit.</source>
            <translation>Processing cancelled: no result was written.</translation>
        </message>
        <message>
            <location filename="../../core/finance.py" />
            <source>Les parts des collectivités (Région, Département, EPCI, FEDER) doivent être positives et faire 100 % (total reçu : {0:.1f} %).</source>
            <translation>The local authorities' shares (Region, Department, EPCI, ERDF) must be positive and add up to 100% (total received: {0:.1f}%).</translation>
        </message>
        <message>
            <location filename="../../core/finance.py" />
            <source>{0} locaux de communes AMII ou ZTD dans des phases de RIP : initiative privée, hors des locaux, coûts et parts de l'État des phases.</source>
            <translation>{0} premises of AMII or ZTD communes in RIP phases: private initiative, left out of the phases' premises, costs and State shares.</translation>
        </message>
        <message>
            <location filename="../../core/finance.py" />
            <source>Phase(s) abandonnée(s), hors du phasage et des besoins : {0}.</source>
            <translation>Abandoned phase(s), left out of the phasing and the needs: {0}.</translation>
        </message>
        <message>
            <location filename="../../core/finance.py" />
            <source>Coût saisi (cout_prevu) sans local restant à desservir dans la phase, non compté : {0}.</source>
            <translation>Cost entered (cout_prevu) without premises left to serve in the phase, not counted: {0}.</translation>
        </message>
        <message>
            <location filename="../../core/finance.py" />
            <source>Le champ « zone » (ZTD, AMII, RIP, aucun) manque dans la couche de couverture : le reste à planifier ne peut pas être calculé. Donnez la sortie de « Couverture THD ».</source>
            <translation>The field “zone” (ZTD, AMII, RIP, aucun) is missing from the coverage layer: what is left to plan cannot be computed. Give the output of “THD coverage”.</translation>
        </message>
        <message>
            <location filename="../../core/gpkg.py" />
            <source>La table {0} de {1} n'a pas de champ {2}.</source>
            <translation>Table {0} of {1} has no field {2}.</translation>
        </message>
        <message>
            <location filename="../../core/i18n.py" />
            <source>« {0} »</source>
            <translation>“{0}”</translation>
        </message>
        <message>
            <location filename="../../core/lock.py" />
            <source>Le référentiel {0} est ouvert en modification par {1} sur {2} (processus {3}). Fermez-le là-bas, ou ouvrez-le en lecture seule.</source>
            <translation>The database {0} is open for editing by {1} on {2} (process {3}). Close it there, or open it read-only.</translation>
        </message>
        <message>
            <location filename="../../core/mci.py" />
            <source>{0} immeuble(s) lus dans {1} fichier(s) base_imb, {2} ligne(s) d'éligibilité dans {3} fichier(s).</source>
            <translation>{0} building(s) read in {1} base_imb file(s), {2} eligibility row(s) in {3} file(s).</translation>
        </message>
        <message>
            <location filename="../../core/mci.py" />
            <source>{0} immeuble(s) aux coordonnées en degrés (longitude, latitude) au lieu de l'EPSG:3857 : converties.</source>
            <translation>{0} building(s) with coordinates in degrees (longitude, latitude) instead of EPSG:3857: converted.</translation>
        </message>
        <message>
            <location filename="../../core/mci.py" />
            <source>{0} immeuble(s) aux coordonnées hors du plan EPSG:3857 (infinies ou démesurées) ignoré(s).</source>
            <translation>{0} building(s) with coordinates outside the EPSG:3857 plane (infinite or out of range) ignored.</translation>
        </message>
        <message>
            <location filename="../../core/mci.py" />
            <source>{0} immeuble(s) sans coordonnées ignoré(s).</source>
            <translation>{0} building(s) without coordinates ignored.</translation>
        </message>
        <message>
            <location filename="../../core/mci.py" />
            <source>{0} immeuble(s) au code INSEE invalide ignoré(s).</source>
            <translation>{0} building(s) with an invalid INSEE code ignored.</translation>
        </message>
        <message>
            <location filename="../../core/mci.py" />
            <source>{0} code(s) INSEE complété(s) d'un zéro (lus comme des nombres).</source>
            <translation>{0} INSEE code(s) padded with a zero (read as numbers).</translation>
        </message>
        <message>
            <location filename="../../core/mci.py" />
            <source>{0} immeuble(s) sans nombre de locaux lisible : comptés pour 0 local.</source>
            <translation>{0} building(s) without a readable number of premises: counted as 0 premises.</translation>
        </message>
        <message>
            <location filename="../../core/mci.py" />
            <source>{0} immeuble(s) en double (même imb_id) : seul le premier est gardé.</source>
            <translation>{0} duplicate building(s) (same imb_id): only the first one is kept.</translation>
        </message>
        <message>
            <location filename="../../core/mci.py" />
            <source>{0} ligne(s) à l'imb_id illisible ignorée(s).</source>
            <translation>{0} row(s) with an unreadable imb_id ignored.</translation>
        </message>
        <message>
            <location filename="../../core/mci.py" />
            <source>{0} ligne(s) d'éligibilité d'immeubles absents de la base ignorée(s).</source>
            <translation>{0} eligibility row(s) of buildings missing from the buildings file ignored.</translation>
        </message>
        <message>
            <location filename="../../core/mci.py" />
            <source>{0} ligne(s) d'éligibilité en double tolérée(s).</source>
            <translation>{0} duplicate eligibility row(s) tolerated.</translation>
        </message>
        <message>
            <location filename="../../core/mci.py" />
            <source>{0} ligne(s) à la classe de débit inconnue ignorée(s).</source>
            <translation>{0} row(s) with an unknown speed class ignored.</translation>
        </message>
        <message>
            <location filename="../../core/mci.py" />
            <source>{0} ligne(s) à la technologie inconnue ignorée(s).</source>
            <translation>{0} row(s) with an unknown technology ignored.</translation>
        </message>
        <message>
            <location filename="../../core/mci.py" />
            <source>{0} immeuble(s) sans aucune ligne d'éligibilité comptée : classés INEL.</source>
            <translation>{0} building(s) without any eligibility row counted: classified INEL.</translation>
        </message>
        <message>
            <location filename="../../core/mci.py" />
            <location filename="../../core/mci_postgis.py" />
            <source>Le fichier {0} ne contient aucun immeuble (en-tête seul).</source>
            <translation>The file {0} contains no building (header only).</translation>
        </message>
        <message>
            <location filename="../../core/mci.py" />
            <location filename="../../core/mci_postgis.py" />
            <source>{0} : pas de colonne code_operateur (fichier ancien) : nb_operateurs_thd non renseigné pour ses immeubles.</source>
            <translation>{0}: no code_operateur column (old file): nb_operateurs_thd not filled in for its buildings.</translation>
        </message>
        <message>
            <location filename="../../core/mci.py" />
            <location filename="../../core/mci_postgis.py" />
            <source>Le fichier {0} ne contient aucune ligne d'éligibilité (en-tête seul).</source>
            <translation>The file {0} contains no eligibility row (header only).</translation>
        </message>
        <message>
            <location filename="../../core/mci.py" />
            <source>Aucune des {0} ligne(s) d'éligibilité ne correspond à un immeuble de la base (imb_id) : les fichiers base_imb et actuel sont-ils du même département et de la même publication ?</source>
            <translation>None of the {0} eligibility row(s) matches a building of the buildings file (imb_id): are the base_imb and actuel files from the same department and the same release?</translation>
        </message>
        <message>
            <location filename="../../core/mci.py" />
            <source>Aucune ligne d'éligibilité utilisable : technologies ou classes de débit inconnues ({0}). Codes attendus : technologies {1} ; classes {2}.</source>
            <translation>No usable eligibility row: unknown technologies or speed classes ({0}). Expected codes: technologies {1}; classes {2}.</translation>
        </message>
        <message>
            <location filename="../../core/mci.py" />
            <source>Technologies inconnues : {0}. Codes possibles : {1}.</source>
            <translation>Unknown technologies: {0}. Possible codes: {1}.</translation>
        </message>
        <message>
            <location filename="../../core/mci.py" />
            <source>Aucun fichier base_imb fourni.</source>
            <translation>No base_imb file given.</translation>
        </message>
        <message>
            <location filename="../../core/mci.py" />
            <source>Aucun fichier d'éligibilité (actuel) fourni.</source>
            <translation>No eligibility file (actuel) given.</translation>
        </message>
        <message>
            <location filename="../../core/mci.py" />
            <location filename="../../core/mci_postgis.py" />
            <source>Aucun immeuble utilisable parmi les {0} lu(s) dans les fichiers base_imb : {1} sans coordonnées, {2} aux coordonnées hors limites, {3} au code INSEE invalide, {4} à l'imb_id illisible.</source>
            <translation>No usable building among the {0} read in the base_imb files: {1} without coordinates, {2} with out-of-range coordinates, {3} with an invalid INSEE code, {4} with an unreadable imb_id.</translation>
        </message>
        <message>
            <location filename="../../core/mci.py" />
            <location filename="../../core/mci_postgis.py" />
            <source>Les fichiers mêlent des territoires de projections différentes (départements {0}) : importez chaque territoire à part, ou choisissez la projection de sortie.</source>
            <translation>The files mix territories with different projections (departments {0}): import each territory separately, or choose the output projection.</translation>
        </message>
        <message>
            <location filename="../../core/mci_postgis.py" />
            <source>Nom de schéma PostgreSQL invalide : « {0} » (lettres minuscules sans accent, chiffres et _, 63 caractères au plus, ex. scoran_mci).</source>
            <translation>Invalid PostgreSQL schema name: “{0}” (lower-case letters without accents, digits and _, 63 characters at most, e.g. scoran_mci).</translation>
        </message>
        <message>
            <location filename="../../core/mci_postgis.py" />
            <source>Le serveur PostgreSQL {0} refuse l'import : votre rôle n'a pas les droits nécessaires ({1}). Il faut le droit CREATE sur la base (ou sur le schéma).</source>
            <translation>The PostgreSQL server {0} refuses the import: your role lacks the rights it needs ({1}). The CREATE privilege on the database (or on the schema) is required.</translation>
        </message>
        <message>
            <location filename="../../core/mci_postgis.py" />
            <source>Le serveur PostgreSQL {0} manque d'espace disque : {1}</source>
            <translation>The PostgreSQL server {0} is out of disk space: {1}</translation>
        </message>
        <message>
            <location filename="../../core/mci_postgis.py" />
            <source>Import PostGIS interrompu par le serveur {0} : {1}. Les résultats précédents sont conservés.</source>
            <translation>PostGIS import stopped by the server {0}: {1}. The previous results are kept.</translation>
        </message>
        <message>
            <location filename="../../core/mci_postgis.py" />
            <source>Un autre import est en cours dans le schéma {0} de {1} : attendez qu'il se termine.</source>
            <translation>Another import is running in schema {0} of {1}: wait until it ends.</translation>
        </message>
        <message>
            <location filename="../../core/mci_postgis.py" />
            <source>Le schéma {0} de {1} est celui d'un référentiel SCORAN : choisissez un schéma à part pour les résultats de l'import (par défaut {2}).</source>
            <translation>Schema {0} of {1} holds a SCORAN store: choose a schema of its own for the import's results ({2} by default).</translation>
        </message>
        <message>
            <location filename="../../core/mci_postgis.py" />
            <source>Locaux (ARCEP Ma connexion internet, PostGIS)</source>
            <translation>Premises (ARCEP Ma connexion internet, PostGIS)</translation>
        </message>
        <message>
            <location filename="../../core/mci_postgis.py" />
            <source>Zones blanches par commune (PostGIS)</source>
            <translation>White zones per commune (PostGIS)</translation>
        </message>
        <message>
            <location filename="../../core/mci_postgis.py" />
            <source>Carreaux de 200 m (PostGIS)</source>
            <translation>200 m cells (PostGIS)</translation>
        </message>
        <message>
            <location filename="../../core/mci_postgis.py" />
            <source>Zones sans haut débit de qualité, carreaux regroupés (PostGIS)</source>
            <translation>Zones without quality broadband, grouped cells (PostGIS)</translation>
        </message>
        <message>
            <location filename="../../core/mci_postgis.py" />
            <source>Zones blanches du haut débit, carreaux regroupés (PostGIS)</source>
            <translation>Broadband white zones, grouped cells (PostGIS)</translation>
        </message>
        <message>
            <location filename="../../core/mci_postgis.py" />
            <source>Inventaire par département (PostGIS)</source>
            <translation>Inventory per département (PostGIS)</translation>
        </message>
        <message>
            <location filename="../../core/mobile.py" />
            <source>Zone blanche 2G (aucun opérateur)</source>
            <translation>2G white zone (no operator)</translation>
        </message>
        <message>
            <location filename="../../core/mobile.py" />
            <source>Zone blanche 3G (2G seulement)</source>
            <translation>3G white zone (2G only)</translation>
        </message>
        <message>
            <location filename="../../core/mobile.py" />
            <source>Partiellement couvert (3G d'une partie des opérateurs)</source>
            <translation>Partly covered (3G from some operators)</translation>
        </message>
        <message>
            <location filename="../../core/mobile.py" />
            <source>Couvert (3G de tous les opérateurs)</source>
            <translation>Covered (3G from every operator)</translation>
        </message>
        <message>
            <location filename="../../core/mobile.py" />
            <source>Niveau minimal inconnu : {0} (TBC, BC ou CL).</source>
            <translation>Unknown minimum level: {0} (TBC, BC or CL).</translation>
        </message>
        <message>
            <location filename="../../core/mobile.py" />
            <source>Couche de couverture sans champ « {0} » : indiquez le champ à utiliser.</source>
            <translation>Coverage layer without a field “{0}”: give the field to use.</translation>
        </message>
        <message>
            <location filename="../../core/mobile.py" />
            <source>{0} polygone(s) de couverture à la technologie inconnue ({1}, champ « {2} ») ignoré(s).</source>
            <translation>{0} coverage polygon(s) with an unknown technology ({1}, field “{2}”) ignored.</translation>
        </message>
        <message>
            <location filename="../../core/mobile.py" />
            <source>{0} polygone(s) de couverture au niveau inconnu ({1}, champ « {2} ») ignoré(s) : attendu TBC, BC, CL (ou Très bonne couverture, Bonne couverture, Couverture limitée).</source>
            <translation>{0} coverage polygon(s) with an unknown level ({1}, field “{2}”) ignored: expected TBC, BC, CL (or Très bonne couverture, Bonne couverture, Couverture limitée).</translation>
        </message>
        <message>
            <location filename="../../core/mobile.py" />
            <source>{0} polygone(s) de couverture 5G ignoré(s) : seules la 2G, la 3G et la 4G sont analysées.</source>
            <translation>{0} 5G coverage polygon(s) ignored: only 2G, 3G and 4G are analysed.</translation>
        </message>
        <message>
            <location filename="../../core/mobile.py" />
            <source>{0} polygone(s) de couverture sans géométrie ignoré(s).</source>
            <translation>{0} coverage polygon(s) without a geometry ignored.</translation>
        </message>
        <message>
            <location filename="../../core/mobile.py" />
            <source>Aucun polygone de couverture 2G, 3G ou 4G lisible : technologies lues dans le champ « {0} » : {1} ; niveaux lus dans le champ « {2} » : {3}. Attendu : 2G, 3G, 4G (ou GSM, UMTS, LTE) et TBC, BC, CL (ou Très bonne couverture, Bonne couverture, Couverture limitée) ; sinon indiquez les bons champs.</source>
            <translation>No readable 2G, 3G or 4G coverage polygon: technologies read in the field “{0}”: {1}; levels read in the field “{2}”: {3}. Expected: 2G, 3G, 4G (or GSM, UMTS, LTE) and TBC, BC, CL (or Très bonne couverture, Bonne couverture, Couverture limitée); otherwise give the right fields.</translation>
        </message>
        <message>
            <location filename="../../core/mobile.py" />
            <source>Couche de couverture « {0} » : aucun polygone 2G, 3G ou 4G lisible (technologies lues dans le champ « {1} » : {2} ; niveaux lus dans le champ « {3} » : {4}). Attendu : 2G, 3G, 4G (ou GSM, UMTS, LTE) et TBC, BC, CL (ou Très bonne couverture, Bonne couverture, Couverture limitée).</source>
            <translation>Coverage layer “{0}”: no readable 2G, 3G or 4G polygon (technologies read in the field “{1}”: {2}; levels read in the field “{3}”: {4}). Expected: 2G, 3G, 4G (or GSM, UMTS, LTE) and TBC, BC, CL (or Très bonne couverture, Bonne couverture, Couverture limitée).</translation>
        </message>
        <message>
            <location filename="../../core/pg.py" />
            <source>Le module Python psycopg2 est absent : installez-le (paquet Debian python3-psycopg2) pour utiliser un référentiel PostgreSQL.</source>
            <translation>The Python module psycopg2 is missing: install it (Debian package python3-psycopg2) to use a PostgreSQL database.</translation>
        </message>
        <message>
            <location filename="../../core/pg.py" />
            <source>Référence PostgreSQL illisible : {0} ({1}).</source>
            <translation>Unreadable PostgreSQL reference: {0} ({1}).</translation>
        </message>
        <message>
            <location filename="../../core/pg.py" />
            <location filename="../../core/store.py" />
            <source>aucune</source>
            <translation>none</translation>
        </message>
        <message>
            <location filename="../../core/pg.py" />
            <source>Connexion PostgreSQL inconnue : {0}. Donnez une connexion enregistrée dans QGIS (connexions PostgreSQL enregistrées : {1}), un service (service=…) ou une chaîne de connexion (host=… dbname=…).</source>
            <translation>Unknown PostgreSQL connection: {0}. Give a connection saved in QGIS (saved PostgreSQL connections: {1}), a service (service=…) or a connection string (host=… dbname=…).</translation>
        </message>
        <message>
            <location filename="../../core/pg.py" />
            <source>La connexion PostgreSQL {0} utilise une configuration d'authentification QGIS ({1}) introuvable ou verrouillée : vérifiez-la dans Préférences &gt; Options &gt; Authentification (mot de passe principal).</source>
            <translation>The PostgreSQL connection {0} uses a QGIS authentication configuration ({1}) that cannot be found or is locked: check it in Settings &gt; Options &gt; Authentication (master password).</translation>
        </message>
        <message>
            <location filename="../../core/pg.py" />
            <source>Référentiel PostgreSQL non renseigné.</source>
            <translation>PostgreSQL database not given.</translation>
        </message>
        <message>
            <location filename="../../core/pg.py" />
            <source>Authentification refusée par le serveur PostgreSQL {0} pour l'utilisateur {1} : vérifiez le mot de passe (configuration d'authentification QGIS, pg_service.conf ou ~/.pgpass).</source>
            <translation>Authentication refused by the PostgreSQL server {0} for the user {1}: check the password (QGIS authentication configuration, pg_service.conf or ~/.pgpass).</translation>
        </message>
        <message>
            <location filename="../../core/pg.py" />
            <source>Le serveur PostgreSQL {0} refuse l'utilisateur {1} (rôle inconnu ou authentification refusée) : demandez un rôle à l'administrateur (scoran_lecture ou scoran_edition).</source>
            <translation>The PostgreSQL server {0} refuses the user {1} (unknown role or authentication refused): ask the administrator for a role (scoran_lecture or scoran_edition).</translation>
        </message>
        <message>
            <location filename="../../core/pg.py" />
            <source>La base {0} n'existe pas sur le serveur PostgreSQL {1}.</source>
            <translation>The database {0} does not exist on the PostgreSQL server {1}.</translation>
        </message>
        <message>
            <location filename="../../core/pg.py" />
            <source>Service PostgreSQL introuvable : {0} ({1}). Le fichier pg_service.conf est lu à l'emplacement donné par PGSERVICEFILE, sinon ~/.pg_service.conf.</source>
            <translation>PostgreSQL service not found: {0} ({1}). The pg_service.conf file is read from the location given by PGSERVICEFILE, otherwise ~/.pg_service.conf.</translation>
        </message>
        <message>
            <location filename="../../core/pg.py" />
            <source>Le serveur PostgreSQL {0} n'autorise pas l'utilisateur {1} sur la base {2} depuis ce poste (pg_hba.conf) : voyez l'administrateur du serveur.</source>
            <translation>The PostgreSQL server {0} does not allow the user {1} on the database {2} from this computer (pg_hba.conf): see the server administrator.</translation>
        </message>
        <message>
            <location filename="../../core/pg.py" />
            <source>Serveur PostgreSQL injoignable : {0} (hôte {1}, port {2}). Vérifiez l'adresse, le port, le réseau et que le serveur est démarré.</source>
            <translation>PostgreSQL server unreachable: {0} (host {1}, port {2}). Check the address, the port, the network and that the server is running.</translation>
        </message>
        <message>
            <location filename="../../core/pg.py" />
            <source>Connexion PostgreSQL impossible à {0} : {1}</source>
            <translation>Cannot connect to PostgreSQL at {0}: {1}</translation>
        </message>
        <message>
            <location filename="../../core/pg.py" />
            <source>L'extension PostGIS n'est pas installée dans la base {0} ({1}) : un administrateur doit y exécuter « CREATE EXTENSION postgis; » (voir docs/deploiement-postgis.md).</source>
            <translation>The PostGIS extension is not installed in the database {0} ({1}): an administrator must run “CREATE EXTENSION postgis;” in it (see docs/deploiement-postgis.md).</translation>
        </message>
        <message>
            <location filename="../../core/pgstore.py" />
            <source>Nom de schéma PostgreSQL invalide : « {0} » (lettres minuscules sans accent, chiffres et _, 63 caractères au plus, ex. scoran).</source>
            <translation>Invalid PostgreSQL schema name: “{0}” (lowercase letters without accents, digits and _, 63 characters at most, e.g. scoran).</translation>
        </message>
        <message>
            <location filename="../../core/pgstore.py" />
            <source>{0} (schéma {1})</source>
            <translation>{0} (schema {1})</translation>
        </message>
        <message>
            <location filename="../../core/pgstore.py" />
            <source>Cette opération n'est pas encore disponible pour un référentiel PostgreSQL ({0}) : utilisez un référentiel GeoPackage (.gpkg).</source>
            <translation>This operation is not yet available for a PostgreSQL database ({0}): use a GeoPackage database (.gpkg).</translation>
        </message>
        <message>
            <location filename="../../core/pgstore.py" />
            <source>Le référentiel {0} est en cours d'écriture par une autre session. Réessayez quand elle aura terminé.</source>
            <translation>The database {0} is being written by another session. Try again when it has finished.</translation>
        </message>
        <message>
            <location filename="../../core/pgstore.py" />
            <source>Le référentiel {0} refuse cette écriture : votre rôle PostgreSQL n'a pas les droits nécessaires ({1}). Rien n'a été modifié.</source>
            <translation>The database {0} refuses this write: your PostgreSQL role does not have the necessary privileges ({1}). Nothing was changed.</translation>
        </message>
        <message>
            <location filename="../../core/pgstore.py" />
            <location filename="../../core/store.py" />
            <source>Le référentiel {0} refuse ces données (contrainte non respectée : {1}) : rien n'a été modifié.</source>
            <translation>The database {0} refuses these data (constraint not met: {1}): nothing was changed.</translation>
        </message>
        <message>
            <location filename="../../core/pgstore.py" />
            <source>Connexion au référentiel {0} impossible ou interrompue : {1}. Rien n'a été modifié.</source>
            <translation>Connection to the database {0} failed or was interrupted: {1}. Nothing was changed.</translation>
        </message>
        <message>
            <location filename="../../core/pgstore.py" />
            <location filename="../../core/store.py" />
            <source>Erreur du référentiel {0} : {1}. Rien n'a été modifié.</source>
            <translation>Error of the database {0}: {1}. Nothing was changed.</translation>
        </message>
        <message>
            <location filename="../../core/pgstore.py" />
            <source>Connexion au référentiel {0} impossible : {1}</source>
            <translation>Cannot connect to the database {0}: {1}</translation>
        </message>
        <message>
            <location filename="../../core/pgstore.py" />
            <location filename="../../core/store.py" />
            <source>{0} n'est pas un référentiel SCORAN (table scoran_meta absente).</source>
            <translation>{0} is not a SCORAN database (table scoran_meta missing).</translation>
        </message>
        <message>
            <location filename="../../core/pgstore.py" />
            <source>L'extension PostGIS n'est pas installée dans la base {0} : un administrateur l'installe avec « CREATE EXTENSION postgis; ».</source>
            <translation>The PostGIS extension is not installed in the database {0}: an administrator installs it with “CREATE EXTENSION postgis;”.</translation>
        </message>
        <message>
            <location filename="../../core/pgstore.py" />
            <location filename="../../core/store.py" />
            <source>Le référentiel {0} existe déjà.</source>
            <translation>The database {0} already exists.</translation>
        </message>
        <message>
            <location filename="../../core/pgstore.py" />
            <source>Le schéma {0} de la base {1} contient déjà des tables et n'est pas un référentiel SCORAN : choisissez un autre schéma (schema=…).</source>
            <translation>The schema {0} of the database {1} already contains tables and is not a SCORAN database: choose another schema (schema=…).</translation>
        </message>
        <message>
            <location filename="../../core/pgstore.py" />
            <source>Projection EPSG:{0} inconnue de PostGIS (table spatial_ref_sys).</source>
            <translation>Projection EPSG:{0} unknown to PostGIS (table spatial_ref_sys).</translation>
        </message>
        <message>
            <location filename="../../core/pgstore.py" />
            <source>Le référentiel {0} doit être mis à jour (schéma {1}) mais votre rôle PostgreSQL ne peut pas créer de table dans le schéma {2} : demandez à l'administrateur de l'ouvrir une fois avec un rôle propriétaire ; rien n'a été modifié.</source>
            <translation>The database {0} must be updated (schema {1}) but your PostgreSQL role cannot create a table in the schema {2}: ask the administrator to open it once with an owner role; nothing was changed.</translation>
        </message>
        <message>
            <location filename="../../core/pgstore.py" />
            <location filename="../../core/store.py" />
            <source>Le référentiel {0} porte une version de schéma illisible : « {1} » (un nombre entier est attendu). Le fichier a été modifié hors de l'extension ; restaurez une sauvegarde.</source>
            <translation>The database {0} carries an unreadable schema version: “{1}” (a whole number is expected). The file was modified outside the plugin; restore a backup.</translation>
        </message>
        <message>
            <location filename="../../core/pgstore.py" />
            <location filename="../../core/store.py" />
            <source>Le référentiel {0} porte un code de projection illisible : « {1} » (code EPSG entier attendu, ex. 2154).</source>
            <translation>The database {0} carries an unreadable projection code: “{1}” (whole EPSG code expected, e.g. 2154).</translation>
        </message>
        <message>
            <location filename="../../core/projection.py" />
            <source>Système de coordonnées inconnu (EPSG:{0}) : les distances ne peuvent pas être mesurées en mètres ; indiquez le SCR de la couche.</source>
            <translation>Unknown coordinate reference system (EPSG:{0}): distances cannot be measured in metres; set the layer's CRS.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Santé et télémédecine</source>
            <translation>Health and telemedicine</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Éducation</source>
            <translation>Education</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Enseignement supérieur et recherche</source>
            <translation>Higher education and research</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>E-administration</source>
            <translation>E-government</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Développement économique</source>
            <translation>Economic development</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Culture</source>
            <translation>Culture</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Mutualisation des infrastructures et du cloud</source>
            <translation>Shared infrastructure and cloud</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Autre</source>
            <translation>Other</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Priorité nationale</source>
            <translation>National priority</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Priorité régionale</source>
            <translation>Regional priority</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Territoire innovant</source>
            <translation>Innovative territory</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Idée</source>
            <translation>Idea</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>En étude</source>
            <translation>Under study</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Financé</source>
            <translation>Funded</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <location filename="../../export/document.py" />
            <source>En cours</source>
            <translation>In progress</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Réalisé</source>
            <translation>Completed</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Abandonné</source>
            <translation>Abandoned</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>État (PIA)</source>
            <translation>State (PIA)</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>État</source>
            <translation>State</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <location filename="../../layers.py" />
            <source>Région</source>
            <translation>Region</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>FEDER</source>
            <translation>ERDF (FEDER)</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <location filename="../../export/clearing_sheets.py" />
            <location filename="../../export/document.py" />
            <location filename="../../export/register_xlsx.py" />
            <location filename="../../export/workbooks.py" />
            <source>Département</source>
            <translation>Department</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <location filename="../../layers.py" />
            <source>EPCI</source>
            <translation>EPCI</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Prévu</source>
            <translation>Planned</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Atteint</source>
            <translation>Reached</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Retardé</source>
            <translation>Delayed</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Annulé</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Compte rendu</source>
            <translation>Minutes</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Étude</source>
            <translation>Study</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <location filename="../../export/workbooks.py" />
            <source>Convention</source>
            <translation>Agreement</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>En élaboration</source>
            <translation>Being drafted</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Adopté</source>
            <translation>Adopted</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>En cours d'actualisation</source>
            <translation>Being updated</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>À actualiser</source>
            <translation>To be updated</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Mutualisation</source>
            <translation>Shared infrastructure</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Territoires en difficulté</source>
            <translation>Disadvantaged territories</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Publics éloignés des usages</source>
            <translation>Digitally excluded people</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>{0} à {1}</source>
            <translation>{0} at {1}</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>par {0}</source>
            <translation>by {0}</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>par une autre session</source>
            <translation>by another session</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>le {0}</source>
            <translation>on {0}</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Identifiant du projet manquant.</source>
            <translation>Project identifier missing.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Le titre est obligatoire.</source>
            <translation>The title is required.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>niveau de priorité</source>
            <translation>priority level</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>domaine</source>
            <translation>domain</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>statut</source>
            <translation>status</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Valeur de {0} inconnue : « {1} » (valeurs possibles : {2}).</source>
            <translation>Unknown value of {0}: “{1}” (possible values: {2}).</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Le budget doit être un montant positif en euros.</source>
            <translation>The budget must be a positive amount in euros.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Date invalide pour {0} : « {1} » (JJ/MM/AAAA).</source>
            <translation>Invalid date for {0}: “{1}” (DD/MM/YYYY).</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>La date de fin précède la date de début.</source>
            <translation>The end date is before the start date.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Code de département invalide : « {0} ».</source>
            <translation>Invalid department code: “{0}”.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Le champ {0} dépasse {1} caractères ({2}) : un classeur XLSX ne peut pas le garder en entier.</source>
            <translation>The field {0} is longer than {1} characters ({2}): an XLSX workbook cannot hold it whole.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Thème régional inconnu : « {0} » (thèmes retenus : {1}).</source>
            <translation>Unknown regional theme: “{0}” (themes chosen: {1}).</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <location filename="../../export/workbooks.py" />
            <source>aucun</source>
            <translation>none</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Un projet relève de {0} thèmes régionaux au plus ; il en a {1}.</source>
            <translation>A project falls under {0} regional themes at most; it has {1}.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Type d'objet lié inconnu : « {0} » (valeurs possibles : {1}).</source>
            <translation>Unknown type of linked feature: “{0}” (possible values: {1}).</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Clé de l'objet lié manquante.</source>
            <translation>Key of the linked feature missing.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Code INSEE inconnu : « {0} ».</source>
            <translation>Unknown INSEE code: “{0}”.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Libellé du jalon manquant.</source>
            <translation>Milestone label missing.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Un jalon a une date ou un semestre.</source>
            <translation>A milestone has a date or a half-year.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Date de jalon invalide : « {0} » (JJ/MM/AAAA).</source>
            <translation>Invalid milestone date: “{0}” (DD/MM/YYYY).</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Semestre de jalon invalide : « {0} » (AAAA-S1 ou AAAA-S2, ex. 2016-S1).</source>
            <translation>Invalid milestone half-year: “{0}” (YYYY-S1 or YYYY-S2, e.g. 2016-S1).</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Statut de jalon inconnu : « {0} » (valeurs possibles : {1}).</source>
            <translation>Unknown milestone status: “{0}” (possible values: {1}).</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Financeur inconnu : « {0} » (valeurs possibles : {1}).</source>
            <translation>Unknown funder: “{0}” (possible values: {1}).</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Montant de financement invalide : « {0} ».</source>
            <translation>Invalid funding amount: “{0}”.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Type de document manquant (valeurs possibles : {0}).</source>
            <translation>Document type missing (possible values: {0}).</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Type de document inconnu : « {0} » (valeurs possibles : {1}).</source>
            <translation>Unknown document type: “{0}” (possible values: {1}).</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Un document a un titre et un fichier ou une adresse.</source>
            <translation>A document has a title and a file or an address.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Date de document invalide : « {0} » (JJ/MM/AAAA).</source>
            <translation>Invalid document date: “{0}” (DD/MM/YYYY).</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Le projet {0} a été supprimé par une autre session depuis que vous l'avez ouvert : rien n'a été enregistré. Votre saisie est conservée dans le formulaire ; enregistrez-la pour recréer le projet.</source>
            <translation>The project {0} has been deleted by another session since you opened it: nothing was saved. Your input is kept in the form; save it to recreate the project.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Un projet {0} (« {1} ») a été créé {2} pendant votre saisie : rien n'a été enregistré. Votre saisie est conservée dans le formulaire ; créez un nouveau projet pour elle, ou comparez les deux.</source>
            <translation>A project {0} (“{1}”) was created {2} while you were entering yours: nothing was saved. Your input is kept in the form; create a new project for it, or compare the two.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Ce projet ({0}, « {1} ») a été modifié {2} depuis que vous l'avez ouvert (version {3}, vous aviez la version {4}) : rien n'a été enregistré. Votre saisie est conservée dans le formulaire : comparez les deux versions, puis gardez la leur ou enregistrez la vôtre en connaissance de cause.</source>
            <translation>This project ({0}, “{1}”) has been changed {2} since you opened it (version {3}, you had version {4}): nothing was saved. Your input is kept in the form: compare the two versions, then keep theirs or save yours knowingly.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Suppression refusée : {0}</source>
            <translation>Deletion refused: {0}</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>(copie)</source>
            <translation>(copy)</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Projet introuvable : {0}</source>
            <translation>Project not found: {0}</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <location filename="../../export/atlas.py" />
            <location filename="../../export/workbooks.py" />
            <source>Commune</source>
            <translation>Commune</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Centre-bourg</source>
            <translation>Town centre</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Site prioritaire</source>
            <translation>Priority site</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>RIP</source>
            <translation>RIP</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <location filename="../../export/atlas.py" />
            <source>Phase de RIP</source>
            <translation>RIP phase</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>La région retient {0} thèmes régionaux au plus (circulaire, II.B : « un ou deux thèmes supplémentaires ») ; la liste en a {1}.</source>
            <translation>The region chooses {0} regional themes at most (circular, II.B: “one or two additional themes”); the list has {1}.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Un thème régional a un libellé.</source>
            <translation>A regional theme has a label.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Le libellé du thème « {0} » contient « ; », qui sépare les thèmes dans le classeur d'échange.</source>
            <translation>The label of the theme “{0}” contains “;”, which separates the themes in the exchange workbook.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Le libellé du thème « {0} » ne donne pas de code : donnez-lui des lettres ou des chiffres.</source>
            <translation>The label of the theme “{0}” gives no code: give it letters or digits.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>code</source>
            <translation>code</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>libellé</source>
            <translation>label</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Deux thèmes régionaux ont le même {0} : {1}.</source>
            <translation>Two regional themes have the same {0}: {1}.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Le thème « {0} » ({1}) est retenu par {2} projet(s) ({3}) : retirez-le de ces projets avant de le supprimer.</source>
            <translation>The theme “{0}” ({1}) is chosen by {2} project(s) ({3}): remove it from these projects before deleting it.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>La liste des thèmes régionaux a été modifiée {0} depuis que vous l'avez ouverte ({1}) : rien n'a été enregistré.</source>
            <translation>The list of regional themes has been changed {0} since you opened it ({1}): nothing was saved.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>L'inventaire des SDTAN a été modifié {0} depuis que vous l'avez ouvert ({1}) : rien n'a été enregistré.</source>
            <translation>The SDTAN inventory has been changed {0} since you opened it ({1}): nothing was saved.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Votre saisie est conservée : rouvrez la liste pour voir leur version, ou enregistrez la vôtre en connaissance de cause.</source>
            <translation>Your input is kept: reopen the list to see their version, or save yours knowingly.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Code de département manquant.</source>
            <translation>Department code missing.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Le département « {0} » n'est pas dans le référentiel (départements : {1}).</source>
            <translation>The department “{0}” is not in the database (departments: {1}).</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Statut de SDTAN inconnu : « {0} » (valeurs possibles : {1}).</source>
            <translation>Unknown SDTAN status: “{0}” (possible values: {1}).</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>date d'adoption</source>
            <translation>date of adoption</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>dernière mise à jour</source>
            <translation>date of last update</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Date invalide pour la {0} : « {1} » (JJ/MM/AAAA).</source>
            <translation>Invalid {0}: “{1}” (DD/MM/YYYY).</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>La dernière mise à jour ({0}) précède l'adoption ({1}).</source>
            <translation>The last update ({0}) precedes the adoption ({1}).</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Un SDTAN « {0} » a une date d'adoption.</source>
            <translation>An SDTAN with the status “{0}” has an adoption date.</translation>
        </message>
        <message>
            <location filename="../../core/register.py" />
            <source>Département en double.</source>
            <translation>Duplicate department.</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>{0} locaux passés au THD depuis {1}</source>
            <translation>{0} premises switched to THD since {1}</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Phase {0} ({1}) : fin repoussée de {2} à {3}</source>
            <translation>Phase {0} ({1}): end postponed from {2} to {3}</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <location filename="../../export/workbooks.py" />
            <source>non signée</source>
            <translation>not signed</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <location filename="../../export/workbooks.py" />
            <source>signée</source>
            <translation>signed</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Convention signée le {0}</source>
            <translation>Agreement signed on {0}</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Très haut débit fixe</source>
            <translation>Fixed very high-speed broadband</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <location filename="../../export/workbooks.py" />
            <source>Projets d'usages</source>
            <translation>Digital-use projects</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Centres-bourgs (mobile)</source>
            <translation>Town centres (mobile)</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Coûts et locaux</source>
            <translation>Costs and premises</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Locaux passés au THD</source>
            <translation>Premises switched to THD</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Phase retardée</source>
            <translation>Phase delayed</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Convention signée</source>
            <translation>Agreement signed</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Projet ajouté</source>
            <translation>Project added</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Projet retiré</source>
            <translation>Project removed</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Statut changé</source>
            <translation>Status changed</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Budget changé</source>
            <translation>Budget changed</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Début déplacé</source>
            <translation>Start moved</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Fin déplacée</source>
            <translation>End moved</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Centre-bourg ajouté</source>
            <translation>Town centre added</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Centre-bourg retiré</source>
            <translation>Town centre removed</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Couverture mobile changée</source>
            <translation>Mobile coverage changed</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>État du site changé</source>
            <translation>State of the site changed</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Sites nécessaires changés</source>
            <translation>Sites needed changed</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Locaux changés</source>
            <translation>Premises changed</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Coût changé</source>
            <translation>Cost changed</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <location filename="../../layers.py" />
            <source>Phases des RIP</source>
            <translation>RIP phases</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <location filename="../../export/document.py" />
            <location filename="../../export/workbooks.py" />
            <source>Reste à planifier</source>
            <translation>Left to plan</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <location filename="../../export/workbooks.py" />
            <source>Coût du 100 % en 2022</source>
            <translation>Cost of 100% in 2022</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>non renseigné</source>
            <translation>not filled in</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Projet {0} {1} ajouté au registre depuis {2} (statut : {3}).</source>
            <translation>Project {0} {1} added to the register since {2} (status: {3}).</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Projet {0} {1} retiré du registre depuis {2}.</source>
            <translation>Project {0} {1} removed from the register since {2}.</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Projet {0} {1} : statut {2} → {3}.</source>
            <translation>Project {0} {1}: status {2} → {3}.</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Projet {0} {1} : budget {2} → {3}.</source>
            <translation>Project {0} {1}: budget {2} → {3}.</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Projet {0} {1} : début déplacé du {2} au {3}.</source>
            <translation>Project {0} {1}: start moved from {2} to {3}.</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Projet {0} {1} : fin déplacée du {2} au {3}.</source>
            <translation>Project {0} {1}: end moved from {2} to {3}.</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Centre-bourg {0} ({1}) ajouté depuis {2} : {3}.</source>
            <translation>Town centre {0} ({1}) added since {2}: {3}.</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Centre-bourg {0} ({1}) retiré depuis {2}.</source>
            <translation>Town centre {0} ({1}) removed since {2}.</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Centre-bourg {0} ({1}) : couverture {2} → {3}.</source>
            <translation>Town centre {0} ({1}): coverage {2} → {3}.</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Centre-bourg {0} ({1}) : site {2} → {3}.</source>
            <translation>Town centre {0} ({1}): site {2} → {3}.</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>Centre-bourg {0} ({1}) : sites nécessaires {2} → {3}.</source>
            <translation>Town centre {0} ({1}): sites needed {2} → {3}.</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>département {0}</source>
            <translation>department {0}</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <location filename="../../export/clearing_sheets.py" />
            <source>territoire</source>
            <translation>territory</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>{0}, {1} : locaux {2} → {3}{4} depuis {5}.</source>
            <translation>{0}, {1}: premises {2} → {3}{4} since {5}.</translation>
        </message>
        <message>
            <location filename="../../core/semesters.py" />
            <source>{0}, {1} : coût {2} → {3}{4} depuis {5}.</source>
            <translation>{0}, {1}: cost {2} → {3}{4} since {5}.</translation>
        </message>
        <message>
            <location filename="../../core/speed_classes.py" />
            <source>Inéligible (&lt; 512 kbit/s)</source>
            <translation>Ineligible (&lt; 512 kbit/s)</translation>
        </message>
        <message>
            <location filename="../../core/speed_classes.py" />
            <source>Haut débit &lt; 3 Mbit/s</source>
            <translation>Broadband &lt; 3 Mbit/s</translation>
        </message>
        <message>
            <location filename="../../core/speed_classes.py" />
            <source>Haut débit de qualité 3–8 Mbit/s</source>
            <translation>Good-quality broadband 3–8 Mbit/s</translation>
        </message>
        <message>
            <location filename="../../core/speed_classes.py" />
            <source>Bon haut débit 8–30 Mbit/s</source>
            <translation>Good broadband 8–30 Mbit/s</translation>
        </message>
        <message>
            <location filename="../../core/speed_classes.py" />
            <source>Très haut débit 30–100 Mbit/s</source>
            <translation>Very high-speed broadband 30–100 Mbit/s</translation>
        </message>
        <message>
            <location filename="../../core/speed_classes.py" />
            <source>Très haut débit 100 Mbit/s–1 Gbit/s</source>
            <translation>Very high-speed broadband 100 Mbit/s–1 Gbit/s</translation>
        </message>
        <message>
            <location filename="../../core/speed_classes.py" />
            <source>Très haut débit ≥ 1 Gbit/s</source>
            <translation>Very high-speed broadband ≥ 1 Gbit/s</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>Le référentiel {0} est en lecture seule (fichier ou dossier protégé en écriture) : rien n'a été modifié. Copiez-le dans un dossier où vous pouvez écrire, ou demandez les droits d'écriture.</source>
            <translation>The database {0} is read-only (write-protected file or folder): nothing was changed. Copy it to a folder where you can write, or ask for write permission.</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>Le référentiel {0} est en cours d'écriture par une autre application (autre session QGIS ?). Réessayez quand elle aura terminé.</source>
            <translation>The database {0} is being written by another application (another QGIS session?). Try again when it has finished.</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>Le disque qui contient le référentiel {0} est plein : rien n'a été modifié.</source>
            <translation>The disk holding the database {0} is full: nothing was changed.</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>Le référentiel {0} ne peut pas être ouvert (dossier absent ou protégé, fichier inaccessible).</source>
            <translation>The database {0} cannot be opened (folder missing or protected, file not accessible).</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>{0} n'est pas un GeoPackage lisible (fichier endommagé ou d'un autre format).</source>
            <translation>{0} is not a readable GeoPackage (damaged file or another format).</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>Le référentiel {0} a été écrit par une version plus récente de l'extension (schéma {1}, cette version connaît le schéma {2}). Mettez l'extension à jour ; le fichier n'a pas été modifié.</source>
            <translation>The database {0} was written by a more recent version of the plugin (schema {1}, this version knows schema {2}). Update the plugin; the file was not changed.</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>{0} n'est ni un fichier GeoPackage (.gpkg) ni une base PostgreSQL connue : ni une connexion PostgreSQL enregistrée dans QGIS (connexions : {1}), ni un service (service=…), ni une chaîne de connexion (host=… dbname=…).</source>
            <translation>{0} is neither a GeoPackage file (.gpkg) nor a known PostgreSQL database: not a PostgreSQL connection saved in QGIS (connections: {1}), not a service (service=…), not a connection string (host=… dbname=…).</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>{0} existe déjà et c'est un dossier : donnez le nom du fichier .gpkg à créer (ex. {1}).</source>
            <translation>{0} already exists and it is a folder: give the name of the .gpkg file to create (e.g. {1}).</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <location filename="../../core/store_copy.py" />
            <source>Le dossier {0} n'existe pas.</source>
            <translation>The folder {0} does not exist.</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>Impossible de créer le référentiel {0} : le dossier {1} est protégé en écriture ou le disque est plein ({2}).</source>
            <translation>Cannot create the database {0}: the folder {1} is write-protected or the disk is full ({2}).</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>{0} est un dossier, pas un référentiel SCORAN : choisissez le fichier .gpkg du référentiel.</source>
            <translation>{0} is a folder, not a SCORAN database: choose the database's .gpkg file.</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>Référentiel SCORAN introuvable : {0}</source>
            <translation>SCORAN database not found: {0}</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>Le référentiel {0} doit être mis à jour (schéma {1} vers {2}) mais il est en lecture seule (fichier ou dossier protégé en écriture) ; le fichier n'a pas été modifié. Copiez-le dans un dossier où vous pouvez écrire.</source>
            <translation>The database {0} must be updated (schema {1} to {2}) but it is read-only (write-protected file or folder); the file was not changed. Copy it to a folder where you can write.</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>Copie de sauvegarde impossible avant la mise à jour du référentiel {0} : dossier en lecture seule ou disque plein ({1}) ; le fichier n'a pas été modifié.</source>
            <translation>Backup copy impossible before updating the database {0}: read-only folder or full disk ({1}); the file was not changed.</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>{0} n'est pas un GeoPackage (ni un référentiel SCORAN) : choisissez le fichier .gpkg du référentiel.</source>
            <translation>{0} is not a GeoPackage (nor a SCORAN database): choose the database's .gpkg file.</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>{0} ne contient aucune couche.</source>
            <translation>{0} contains no layer.</translation>
        </message>
        <message>
            <location filename="../../core/store.py" />
            <source>{0} n'est pas un GeoPackage lisible ({1}).</source>
            <translation>{0} is not a readable GeoPackage ({1}).</translation>
        </message>
        <message>
            <location filename="../../core/store_copy.py" />
            <source>{0} : {1} ligne(s) copiée(s).</source>
            <translation>{0}: {1} row(s) copied.</translation>
        </message>
        <message>
            <location filename="../../core/store_copy.py" />
            <source>Copie incomplète de la table {0} : {1} ligne(s) lue(s), {2} écrite(s) ; rien n'a été modifié.</source>
            <translation>Incomplete copy of the table {0}: {1} row(s) read, {2} written; nothing was changed.</translation>
        </message>
        <message>
            <location filename="../../core/store_copy.py" />
            <source>Le référentiel {0} est au schéma {1} : ouvrez-le d'abord avec cette version de l'extension (mise à jour vers le schéma {2}), puis copiez-le.</source>
            <translation>The database {0} is at schema {1}: first open it with this version of the plugin (update to schema {2}), then copy it.</translation>
        </message>
        <message>
            <location filename="../../core/store_copy.py" />
            <source>Le référentiel source et la cible sont le même : {0}.</source>
            <translation>The source and target databases are the same: {0}.</translation>
        </message>
        <message>
            <location filename="../../core/store_copy.py" />
            <source>Le référentiel cible {0} est au schéma {1}, la source au schéma {2} : copie refusée (même version de schéma exigée) ; rien n'a été modifié.</source>
            <translation>The target database {0} is at schema {1}, the source at schema {2}: copy refused (the same schema version is required); nothing was changed.</translation>
        </message>
        <message>
            <location filename="../../core/store_copy.py" />
            <source>Le référentiel cible {0} est en EPSG:{1}, la source en EPSG:{2} : copie refusée ; rien n'a été modifié.</source>
            <translation>The target database {0} is in EPSG:{1}, the source in EPSG:{2}: copy refused; nothing was changed.</translation>
        </message>
        <message>
            <location filename="../../core/store_copy.py" />
            <source>Le référentiel cible {0} contient déjà des données : cochez « Remplacer le contenu de la cible » pour l'écraser ; rien n'a été modifié.</source>
            <translation>The target database {0} already contains data: check “Replace the content of the target” to overwrite it; nothing was changed.</translation>
        </message>
        <message>
            <location filename="../../core/store_copy.py" />
            <source>La cible {0} doit être un fichier .gpkg ou une base PostgreSQL (service=…, nom d'une connexion QGIS).</source>
            <translation>The target {0} must be a .gpkg file or a PostgreSQL database (service=…, name of a QGIS connection).</translation>
        </message>
        <message>
            <location filename="../../core/store_copy.py" />
            <source>{0} est un dossier : donnez le nom du fichier .gpkg à écrire.</source>
            <translation>{0} is a folder: give the name of the .gpkg file to write.</translation>
        </message>
        <message>
            <location filename="../../core/store_copy.py" />
            <source>Le fichier {0} existe déjà : cochez « Remplacer le contenu de la cible » pour l'écraser ; rien n'a été modifié.</source>
            <translation>The file {0} already exists: check “Replace the content of the target” to overwrite it; nothing was changed.</translation>
        </message>
        <message>
            <location filename="../../core/tables.py" />
            <source>Fichier illisible : {0} ({1}).</source>
            <translation>Unreadable file: {0} ({1}).</translation>
        </message>
        <message>
            <location filename="../../core/tables.py" />
            <source>{0} est un dossier : indiquez les fichiers CSV qu'il contient.</source>
            <translation>{0} is a folder: give the CSV files it contains.</translation>
        </message>
        <message>
            <location filename="../../core/tables.py" />
            <source>Fichier introuvable : {0}</source>
            <translation>File not found: {0}</translation>
        </message>
        <message>
            <location filename="../../core/tables.py" />
            <source>Le fichier {0} est vide.</source>
            <translation>The file {0} is empty.</translation>
        </message>
        <message>
            <location filename="../../core/tables.py" />
            <source>{0} n'est pas en UTF-8 : lu en Latin-1.</source>
            <translation>{0} is not in UTF-8: read as Latin-1.</translation>
        </message>
        <message>
            <location filename="../../core/tables.py" />
            <source>{0} : séparateur « {1} » au lieu de « {2} » ; le fichier est lu avec « {1} ».</source>
            <translation>{0}: separator “{1}” instead of “{2}”; the file is read with “{1}”.</translation>
        </message>
        <message>
            <location filename="../../core/tables.py" />
            <source>{0} : colonne {1} absente (colonnes lues avec le séparateur « {2} » : {3}).</source>
            <translation>{0}: column {1} missing (columns read with the separator “{2}”: {3}).</translation>
        </message>
        <message>
            <location filename="../../core/tables.py" />
            <source>{0} : lecture impossible ({1}).</source>
            <translation>{0}: cannot be read ({1}).</translation>
        </message>
        <message>
            <location filename="../../core/territory.py" />
            <source>{0} : {1}</source>
            <translation>{0}: {1}</translation>
        </message>
        <message>
            <location filename="../../core/territory.py" />
            <source>Territoire chargé — </source>
            <translation>Territory loaded — </translation>
        </message>
        <message>
            <location filename="../../core/territory.py" />
            <source> ; {0} ligne(s) de {1} écartée(s)</source>
            <translation>; {0} row(s) of {1} left out</translation>
        </message>
        <message>
            <location filename="../../core/territory.py" />
            <source>Aucune commune valide (code INSEE sur 5 caractères et géométrie) dans la couche fournie.</source>
            <translation>No valid commune (5-character INSEE code and geometry) in the layer given.</translation>
        </message>
        <message>
            <location filename="../../core/territory.py" />
            <source>Départements reconstitués par fusion des communes.</source>
            <translation>Departments rebuilt by merging the communes.</translation>
        </message>
        <message>
            <location filename="../../core/territory.py" />
            <source>{0} : {1} mairie(s) hors de leur commune (code INSEE du point ≠ commune où il se trouve ; jusqu'à {2} km) : {3}. Corrigez leur position : la couverture et les distances sont jugées autour de ce point.</source>
            <translation>{0}: {1} town hall(s) outside their commune (INSEE code of the point ≠ commune where it lies; up to {2} km): {3}. Correct their position: coverage and distances are judged around this point.</translation>
        </message>
        <message>
            <location filename="../../core/territory.py" />
            <location filename="../../export/atlas.py" />
            <location filename="../../export/document.py" />
            <location filename="../../export/workbooks.py" />
            <location filename="../../layers.py" />
            <source>Centres-bourgs</source>
            <translation>Town centres</translation>
        </message>
        <message>
            <location filename="../../core/thd.py" />
            <source>Phase {0} sans semestre de début ou de fin valide (AAAA-S1/S2) : ignorée dans le calendrier.</source>
            <translation>Phase {0} without a valid start or end half-year (YYYY-S1/S2): ignored in the calendar.</translation>
        </message>
        <message>
            <location filename="../../core/thd.py" />
            <source>Phase {0} : fin {1} avant le début {2} : ignorée dans le calendrier.</source>
            <translation>Phase {0}: end {1} before the start {2}: ignored in the calendar.</translation>
        </message>
        <message>
            <location filename="../../core/thd.py" />
            <source>Phase {0} abandonnée : hors de la couverture, du phasage, des besoins financiers et de la trajectoire.</source>
            <translation>Phase {0} abandoned: left out of the coverage, the phasing, the financial needs and the trajectory.</translation>
        </message>
        <message>
            <location filename="../../core/thd.py" />
            <source>Phase {0} rattachée au projet inconnu {1}.</source>
            <translation>Phase {0} attached to the unknown project {1}.</translation>
        </message>
        <message>
            <location filename="../../core/thd.py" />
            <source>Commune AMII {0} absente du territoire : ignorée.</source>
            <translation>AMII commune {0} missing from the territory: ignored.</translation>
        </message>
        <message>
            <location filename="../../core/thd.py" />
            <source>Les phases {0} et {1} du projet {2} se chevauchent.</source>
            <translation>Phases {0} and {1} of project {2} overlap.</translation>
        </message>
        <message>
            <location filename="../../core/thd.py" />
            <source>Le projet {0} ne couvre que {1:.0f} % des locaux d'initiative publique du département {2} (seuil : {3:.0f} %) : plus petit qu'un département, il n'est pas éligible au soutien national.</source>
            <translation>Project {0} covers only {1:.0f}% of the public-initiative premises of department {2} (threshold: {3:.0f}%): smaller than a department, it is not eligible for national support.</translation>
        </message>
        <message>
            <location filename="../../core/whitezones.py" />
            <source>Seuil inconnu : « {0} ». Classes possibles : {1}.</source>
            <translation>Unknown threshold: “{0}”. Possible classes: {1}.</translation>
        </message>
        <message>
            <location filename="../../core/whitezones.py" />
            <source>La part de locaux sous le seuil doit être comprise entre 0 et 100 % (reçu : {0}).</source>
            <translation>The share of premises below the threshold must be between 0 and 100% (received: {0}).</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Sources : ARCEP (Ma connexion internet, Mon réseau mobile) ; INSEE ; IGN – ADMIN EXPRESS ; DILA — Licence Ouverte 2.0. Réalisation : extension QGIS SCORAN 2.0.</source>
            <translation>Sources: ARCEP (Ma connexion internet, Mon réseau mobile); INSEE; IGN – ADMIN EXPRESS; DILA — Licence Ouverte 2.0. Produced with: QGIS plugin SCORAN 2.0.</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Haut débit fixe : zones blanches et sites prioritaires</source>
            <translation>Fixed broadband: white zones and priority sites</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Quand ? Semestre prévu de résorption des zones blanches</source>
            <translation>When? Planned half-year of white-zone clearing</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Très haut débit : projets RIP, communes AMII et trajectoire 2022</source>
            <translation>Very high-speed broadband: RIP projects, AMII communes and 2022 trajectory</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Téléphonie mobile : centres-bourgs en zone blanche</source>
            <translation>Mobile telephony: town centres in white zones</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Services et usages numériques : objets liés aux projets, par domaine</source>
            <translation>Digital services and uses: features linked to the projects, by domain</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Millésime {0}</source>
            <translation>Vintage {0}</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Le modèle de mise en page n'a pas d'élément « {0} » (identifiant attendu).</source>
            <translation>The layout template has no item “{0}” (expected identifier).</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Modèle de mise en page illisible : {0}</source>
            <translation>Unreadable layout template: {0}</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Légende</source>
            <translation>Legend</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Par commune</source>
            <translation>By commune</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Par carreau de 200 m ; étoiles : sites sans date THD</source>
            <translation>By 200 m grid cell; stars: sites without a THD date</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>SCORAN 2.0 — Stratégie de cohérence régionale d'aménagement numérique</source>
            <translation>SCORAN 2.0 — Regional strategy for coherent digital infrastructure planning</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Plusieurs domaines</source>
            <translation>Several domains</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Couche illisible pour l'atlas : {0}</source>
            <translation>Unreadable layer for the atlas: {0}</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <location filename="../../export/document.py" />
            <source>Communes AMII (initiative privée)</source>
            <translation>AMII communes (private initiative)</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Année prévue de résorption (commune)</source>
            <translation>Planned clearing year (commune)</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Année prévue de résorption (carreau)</source>
            <translation>Planned clearing year (grid cell)</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Écoles, santé, services publics sans date THD</source>
            <translation>Schools, health, public services without a THD date</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Communes liées</source>
            <translation>Linked communes</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Départements, EPCI, RIP liés (contour)</source>
            <translation>Linked departments, EPCIs, RIPs (outline)</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Sites et centres-bourgs liés</source>
            <translation>Linked sites and town centres</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <location filename="../../export/document.py" />
            <source>Part des locaux sous {0}</source>
            <translation>Share of premises below {0}</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Carreaux sous {0} (≥ {1})</source>
            <translation>Grid cells below {0} (≥ {1})</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Carreaux sans haut débit (≥ {0})</source>
            <translation>Grid cells without broadband (≥ {0})</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Zone blanche du haut débit (≥ {0})</source>
            <translation>Broadband white zone (≥ {0})</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <location filename="../../export/document.py" />
            <source>Sites prioritaires sous {0}</source>
            <translation>Priority sites below {0}</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>{0} : colonne(s) absente(s) {1}.</source>
            <translation>{0}: column(s) missing {1}.</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>{0} : colonnes site_id et semestre_thd attendues.</source>
            <translation>{0}: columns site_id and semestre_thd expected.</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Haut débit fixe : zones blanches et locaux sous {0}</source>
            <translation>Fixed broadband: white zones and premises below {0}</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>millésime</source>
            <translation>vintage</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Chiffres clés</source>
            <translation>Key figures</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Locaux : {0}</source>
            <translation>Premises: {0}</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Locaux inéligibles (&lt; {0}) : {1}</source>
            <translation>Ineligible premises (&lt; {0}): {1}</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Communes en zone blanche du haut débit : {0}</source>
            <translation>Communes in a broadband white zone: {0}</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Locaux sous {0} : {1} ({2:.2f} %)</source>
            <translation>Premises below {0}: {1} ({2:.2f}%)</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Communes sans haut débit de qualité (&lt; {0}) : {1}</source>
            <translation>Communes without good-quality broadband (&lt; {0}): {1}</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Seuil {0} ({1}), part {2}</source>
            <translation>Threshold {0} ({1}), share {2}</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Locaux THD aujourd'hui : {0:.2f} %</source>
            <translation>THD premises today: {0:.2f}%</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Prévu fin 2017 : {0:.2f} % (objectif {1})</source>
            <translation>Planned end of 2017: {0:.2f}% (target {1})</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Prévu fin 2022 : {0:.2f} % (objectif {1})</source>
            <translation>Planned end of 2022: {0:.2f}% (target {1})</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Centres-bourgs suivis : {0}</source>
            <translation>Town centres followed: {0}</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>En zone blanche 2G ou 3G : {0}</source>
            <translation>In a 2G or 3G white zone: {0}</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Projets d'usages : {0}</source>
            <translation>Digital-use projects: {0}</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Analyse absente : lancez « Résorption des zones blanches (quand ?) » (scoran:whitezoneclearing) pour dater la résorption des zones blanches.</source>
            <translation>Missing analysis: run “White-zone clearing (when?)” (scoran:whitezoneclearing) to date the clearing of the white zones.</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Locaux sous le seuil : {0} ; sans haut débit : {1}</source>
            <translation>Premises below the threshold: {0}; without broadband: {1}</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Encore sous le seuil fin {0} : {1} locaux</source>
            <translation>Still below the threshold at the end of {0}: {1} premises</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Communes sans date (non planifiées) : {0}</source>
            <translation>Communes without a date (not planned): {0}</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Écoles, santé, services publics sans date THD : {0}</source>
            <translation>Schools, health, public services without a THD date: {0}</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Aucun objet de la carte lié à un projet.</source>
            <translation>No feature of the map linked to a project.</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Objets liés aux projets :</source>
            <translation>Features linked to the projects:</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Gris foncé : {0} objet(s) liés à plusieurs domaines</source>
            <translation>Dark grey: {0} feature(s) linked to several domains</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Trajectoire THD — {0} ({1})</source>
            <translation>THD trajectory — {0} ({1})</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <location filename="../../export/document.py" />
            <source>Calendrier des initiatives — {0}</source>
            <translation>Calendar of initiatives — {0}</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>dates non renseignées</source>
            <translation>dates not filled in</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Phase de RIP abandonnée</source>
            <translation>Abandoned RIP phase</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Trait rouge : semestre du millésime</source>
            <translation>Red line: half-year of the vintage</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Sites sans date prévue de très haut débit — {0}</source>
            <translation>Sites without a planned very high-speed broadband date — {0}</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Écoles, collèges et lycées, enseignement supérieur, santé, services publics dont les locaux voisins n'ont ni le THD ni de semestre prévu : {0}.</source>
            <translation>Schools, secondary schools, higher education, health, public services whose neighbouring premises have neither THD nor a planned half-year: {0}.</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>{0} autre(s) site(s) sans local à moins de la distance maximale ne peuvent être datés (classeur des sites prioritaires).</source>
            <translation>{0} other site(s) without premises within the maximum distance cannot be dated (priority sites workbook).</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <location filename="../../export/clearing_sheets.py" />
            <location filename="../../export/document.py" />
            <location filename="../../export/workbooks.py" />
            <source>Catégorie</source>
            <translation>Category</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Site</source>
            <translation>Site</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <location filename="../../export/clearing_sheets.py" />
            <source>Motif</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>non planifié</source>
            <translation>not planned</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <location filename="../../export/document.py" />
            <source>Évolutions depuis le millésime précédent</source>
            <translation>Changes since the previous vintage</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Atlas SCORAN 2.0 — {0}</source>
            <translation>SCORAN 2.0 atlas — {0}</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Impossible d'écrire {0}.</source>
            <translation>Cannot write {0}.</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Atlas produit le {0}</source>
            <translation>Atlas produced on {0}</translation>
        </message>
        <message>
            <location filename="../../export/atlas.py" />
            <source>Ensemble du territoire : {0}</source>
            <translation>Whole territory: {0}</translation>
        </message>
        <message>
            <location filename="../../export/charts.py" />
            <source>objectif {0} %</source>
            <translation>target {0}%</translation>
        </message>
        <message>
            <location filename="../../export/charts.py" />
            <source>% des locaux éligibles au THD (≥ 30 Mbit/s)</source>
            <translation>% of premises eligible for THD (≥ 30 Mbit/s)</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>Résorption (feuilles « Résorption par phase » et « Reste à traiter », algorithme Résorption des zones blanches) : un local est sans haut débit quand sa classe est INEL (&lt; 512 kbit/s), sous le seuil quand sa classe est sous {0} (seuil {1} ; les inéligibles en font partie).</source>
            <translation>Clearing (sheets “Clearing by phase” and “Still to address”, White-zone clearing algorithm): a premises is without broadband when its class is INEL (&lt; 512 kbit/s), below the threshold when its class is below {0} (threshold {1}; the ineligible ones are included).</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>Un local est traité au semestre S quand le plan qui le couvre dans la couverture THD est prévu au plus tard en S : commune AMII ou ZTD, le calendrier des opérateurs ; local de RIP dans une phase, le semestre de fin de la phase, quelle que soit sa technologie (FTTH, THD radio, et aussi montée en débit MED, qui relève le débit sans apporter le THD) ; un local déjà THD est traité. Un local de RIP hors de toute phase, ou hors de tout projet et de toute commune AMII/ZTD, n'est pas planifié ; une phase sans dates valides ne traite rien, une phase abandonnée ne prend aucun local.</source>
            <translation>A premises is addressed in half-year S when the plan that covers it in the THD coverage is scheduled for S at the latest: AMII or ZTD commune, the operators' calendar; RIP premises in a phase, the end half-year of the phase, whatever its technology (FTTH, THD radio, and also the speed upgrade MED, which raises the speed without bringing THD); premises that already have THD are addressed. RIP premises outside any phase, or outside any project and any AMII/ZTD commune, are not planned; a phase without valid dates addresses nothing, an abandoned phase takes no premises.</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>Reste à traiter fin 2017 / fin 2022 : locaux non traités au semestre 2017-S2 / 2022-S2 (jalons du plan France Très Haut Débit). Semestre de résorption : semestre où tous les locaux sous le seuil de la commune (du département) sont traités ; « {0} » : aucun local sous le seuil ; « {1} » : au moins un local sous le seuil sans plan ; « {2} » : tous déjà THD. Les communes listées sont celles qui ont des locaux sous le seuil ; les lignes des départements et du total comptent tous les locaux.</source>
            <translation>Still to address at the end of 2017 / end of 2022: premises not addressed in half-year 2017-S2 / 2022-S2 (milestones of the France Très Haut Débit plan). Clearing half-year: half-year when all the premises below the threshold of the commune (of the department) are addressed; “{0}”: no premises below the threshold; “{1}”: at least one premises below the threshold without a plan; “{2}”: all already THD. The communes listed are those that have premises below the threshold; the rows of the departments and of the total count all the premises.</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>Résorption par phase : locaux que chaque phase de RIP traite, par département, au semestre de fin de la phase ; les locaux des communes AMII ou ZTD n'y sont pas (initiative privée) ; FTTH, THD radio et MED à part, avec les totaux par technologie et semestre, par technologie, et l'ensemble.</source>
            <translation>Clearing by phase: premises that each RIP phase addresses, by department, in the end half-year of the phase; the premises of AMII or ZTD communes are not included (private initiative); FTTH, THD radio and MED separately, with the totals by technology and half-year, by technology, and overall.</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>Résorption : non calculée dans ce dossier d'analyses (lancez « Résorption des zones blanches (quand ?) » pour les feuilles « Résorption par phase » et « Reste à traiter »).</source>
            <translation>Clearing: not computed in this analyses folder (run “White-zone clearing (when?)” for the sheets “Clearing by phase” and “Still to address”).</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <location filename="../../export/document.py" />
            <location filename="../../export/parameters.py" />
            <source>Sous {0}</source>
            <translation>Below {0}</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>sous {0}</source>
            <translation>below {0}</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <location filename="../../export/workbooks.py" />
            <source>Niveau</source>
            <translation>Level</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <location filename="../../export/document.py" />
            <location filename="../../export/workbooks.py" />
            <source>Projet RIP</source>
            <translation>RIP project</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <location filename="../../export/workbooks.py" />
            <source>Phase</source>
            <translation>Phase</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <location filename="../../export/workbooks.py" />
            <source>Technologie</source>
            <translation>Technology</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>Apporte le THD</source>
            <translation>Brings THD</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <location filename="../../export/register_xlsx.py" />
            <location filename="../../export/workbooks.py" />
            <location filename="../../ui/register_model.py" />
            <source>Début</source>
            <translation>Start</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>Semestre de traitement (fin de phase)</source>
            <translation>Half-year addressed (end of phase)</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>Locaux de la phase</source>
            <translation>Premises of the phase</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>Sans haut débit traités</source>
            <translation>Without broadband addressed</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>{0} traités</source>
            <translation>{0} addressed</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <location filename="../../export/register_xlsx.py" />
            <location filename="../../export/workbooks.py" />
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <location filename="../../export/workbooks.py" />
            <source>Nom</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <location filename="../../export/document.py" />
            <location filename="../../export/workbooks.py" />
            <source>Locaux</source>
            <translation>Premises</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <location filename="../../export/document.py" />
            <location filename="../../export/workbooks.py" />
            <source>Sans haut débit</source>
            <translation>Without broadband</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>Reste fin 2017 : sans haut débit</source>
            <translation>Left at the end of 2017: without broadband</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>Reste fin 2017 : {0}</source>
            <translation>Left at the end of 2017: {0}</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>Reste fin 2022 : sans haut débit</source>
            <translation>Left at the end of 2022: without broadband</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>Reste fin 2022 : {0}</source>
            <translation>Left at the end of 2022: {0}</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>{0} sans plan</source>
            <translation>{0} without a plan</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>Semestre de résorption</source>
            <translation>Clearing half-year</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>Résorption par phase</source>
            <translation>Clearing by phase</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>Reste à traiter</source>
            <translation>Still to address</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>technologie et semestre</source>
            <translation>technology and half-year</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>technologie</source>
            <translation>technology</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>total</source>
            <translation>total</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>toutes</source>
            <translation>all</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>phase</source>
            <translation>phase</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <location filename="../../export/register_xlsx.py" />
            <location filename="../../export/workbooks.py" />
            <source>oui</source>
            <translation>yes</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <location filename="../../export/register_xlsx.py" />
            <location filename="../../export/workbooks.py" />
            <source>non</source>
            <translation>no</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>département</source>
            <translation>department</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>commune</source>
            <translation>commune</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>Semestre THD prévu : non calculé dans ce dossier d'analyses (lancez « Résorption des zones blanches (quand ?) » avec les sites prioritaires).</source>
            <translation>Planned THD half-year: not computed in this analyses folder (run “White-zone clearing (when?)” with the priority sites).</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>Semestre THD prévu : semestre où le local le plus proche du site (même règle de distance que la classe de débit) doit passer au très haut débit, selon la couverture THD (calendrier AMII ou ZTD, fin de la phase FTTH ou THD radio du RIP ; la montée en débit MED n'apporte pas le THD) ; « {0} » : déjà THD ; « {1} » : local sans date prévue ; « {2} » : aucun local assez proche.</source>
            <translation>Planned THD half-year: half-year when the premises nearest to the site (same distance rule as the speed class) is due to switch to very high-speed broadband, according to the THD coverage (AMII or ZTD calendar, end of the RIP's FTTH or THD radio phase; the speed upgrade MED does not bring THD); “{0}”: already THD; “{1}”: premises without a planned date; “{2}”: no premises close enough.</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>Sites sans date : écoles, collèges et lycées, enseignement supérieur, santé et services publics sans semestre THD prévu (« {0} » ou « {1} »), avec le motif.</source>
            <translation>Sites without a date: schools, secondary schools, higher education, health and public services without a planned THD half-year (“{0}” or “{1}”), with the reason.</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <source>Sites sans date</source>
            <translation>Sites without a date</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <location filename="../../export/register_xlsx.py" />
            <location filename="../../export/workbooks.py" />
            <location filename="../../ui/register_model.py" />
            <source>Identifiant</source>
            <translation>Identifier</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <location filename="../../export/workbooks.py" />
            <source>Type d'équipement</source>
            <translation>Facility type</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <location filename="../../export/workbooks.py" />
            <source>Code INSEE</source>
            <translation>INSEE code</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <location filename="../../export/workbooks.py" />
            <source>Classe de débit</source>
            <translation>Speed class</translation>
        </message>
        <message>
            <location filename="../../export/clearing_sheets.py" />
            <location filename="../../export/workbooks.py" />
            <source>Semestre THD prévu</source>
            <translation>Planned THD half-year</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Module Python « {0} » (odfpy) absent : le document de présentation (ODT) n'est pas produit ; les autres livrables le sont. Installez-le (Debian, Ubuntu : paquet python3-odf ; ailleurs : « python -m pip install odfpy » dans le Python de QGIS), puis relancez.</source>
            <translation>Python module “{0}” (odfpy) missing: the presentation document (ODT) is not produced; the other deliverables are. Install it (Debian, Ubuntu: package python3-odf; elsewhere: “python -m pip install odfpy” in QGIS's Python), then run again.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Prévue</source>
            <translation>Planned</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Réalisée</source>
            <translation>Completed</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Abandonnée (hors des comptes)</source>
            <translation>Abandoned (left out of the counts)</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Rappel de la stratégie numérique régionale : SCORAN initiales et SDTAN</source>
            <translation>Reminder of the regional digital strategy: initial SCORANs and SDTANs</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Réseaux de communications électroniques fixes</source>
            <translation>Fixed electronic communications networks</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Phasage des projets sur la période triennale 2015-2017 et trajectoire vers le très haut débit en 2022</source>
            <translation>Phasing of the projects over the 2015-2017 three-year period and trajectory towards very high-speed broadband in 2022</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Réseaux de communications électroniques mobiles</source>
            <translation>Mobile electronic communications networks</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Services, usages et contenus numériques</source>
            <translation>Digital services, uses and content</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Estimation des coûts et besoins financiers de la couverture numérique</source>
            <translation>Estimate of the costs and financial needs of digital coverage</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Calendrier et cartographie de réalisation des initiatives</source>
            <translation>Calendar and mapping of the implementation of the initiatives</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Méthode de suivi, indicateurs et gouvernance</source>
            <translation>Monitoring method, indicators and governance</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>éléments de cadrage national et européen (plan France Très Haut Débit, programme des investissements d'avenir, programmes opérationnels européens) et travaux conduits en région (diagnostic territorial stratégique, stratégie de spécialisation intelligente).</source>
            <translation>national and European framework (France Très Haut Débit plan, investments for the future programme, European operational programmes) and work carried out in the region (strategic territorial diagnosis, smart specialisation strategy).</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>courte synthèse des SCORAN initiales : acquis de la démarche entre l'État et les collectivités (infrastructures, services, appropriation des usages).</source>
            <translation>short summary of the initial SCORANs: achievements of the joint approach of the State and the local authorities (infrastructure, services, take-up of digital uses).</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>synthèse des enjeux présentés dans les SDTAN et inventaire actualisé des initiatives en cours.</source>
            <translation>summary of the issues presented in the SDTANs and updated inventory of the initiatives in progress.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>priorités poursuivies pour les réseaux fixes : RIP d'envergure au moins départementale, résorption des zones blanches, bâtiments prioritaires, conventions de programmation et de suivi des déploiements.</source>
            <translation>priorities pursued for fixed networks: RIPs of at least departmental scale, clearing of the white zones, priority buildings, programming and deployment monitoring agreements.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>compte rendu de la concertation destinée à couvrir le territoire régional en THD.</source>
            <translation>report on the consultation aimed at covering the regional territory with THD.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>commentaire du phasage 2015-2017 et de l'écart à la trajectoire nationale (50 % fin 2017, 100 % en 2022).</source>
            <translation>comments on the 2015-2017 phasing and on the gap to the national trajectory (50% at the end of 2017, 100% in 2022).</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>traitement des dernières zones blanches 2G/3G et demandes localisées de 4G transmises aux opérateurs.</source>
            <translation>treatment of the last 2G/3G white zones and localised 4G demands sent to the operators.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>projets répondant aux priorités nationales (santé, éducation, enseignement supérieur et recherche, e-administration, développement économique, culture).</source>
            <translation>projects meeting the national priorities (health, education, higher education and research, e-government, economic development, culture).</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>priorités régionales, besoins territoriaux émergents, expérimentations dignes de valorisation, territoires en difficulté et publics éloignés des usages.</source>
            <translation>regional priorities, emerging territorial needs, experiments worth promoting, disadvantaged territories and digitally excluded people.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>initiatives « territoires innovants » et leur articulation avec la SCORAN.</source>
            <translation>“innovative territories” initiatives and how they fit with the SCORAN.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>mutualisation des ressources d'ingénierie et de l'informatique en nuage ; réponses aux appels à projets du PIA ; métiers et besoins en formation.</source>
            <translation>pooling of engineering resources and cloud computing; responses to the PIA calls for projects; occupations and training needs.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>commentaire des besoins financiers et du plan de financement (État, Région, départements, EPCI, FEDER).</source>
            <translation>comments on the financial needs and the financing plan (State, Region, departments, EPCIs, ERDF).</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>commentaire du calendrier de réalisation des initiatives (infrastructures et usages).</source>
            <translation>comments on the implementation calendar of the initiatives (infrastructure and uses).</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>méthode de suivi, indicateurs retenus, travaux de la CCRANT et prochaines échéances.</source>
            <translation>monitoring method, indicators chosen, work of the CCRANT and next deadlines.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>page</source>
            <translation>page</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Table des matières</source>
            <translation>Table of contents</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>À rédiger par le SGAR : {0}</source>
            <translation>To be written by the SGAR: {0}</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Document précédent illisible : {0} ({1}). Indiquez un document ODT écrit par Writer ou par l'extension, ou déplacez ce fichier.</source>
            <translation>Unreadable previous document: {0} ({1}). Give an ODT document written by Writer or by the plugin, or move this file.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Document précédent illisible : {0} n'est pas un document texte ODT ({1}). Indiquez un document ODT écrit par Writer ou par l'extension, ou déplacez ce fichier.</source>
            <translation>Unreadable previous document: {0} is not an ODT text document ({1}). Give an ODT document written by Writer or by the plugin, or move this file away.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <location filename="../../export/register_xlsx.py" />
            <location filename="../../export/workbooks.py" />
            <location filename="../../layers.py" />
            <location filename="../../ui/register_model.py" />
            <source>Départements</source>
            <translation>Departments</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <location filename="../../layers.py" />
            <source>Projets RIP</source>
            <translation>RIP projects</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Document précédent introuvable : {0}.</source>
            <translation>Previous document not found: {0}.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>{0} est ouvert dans LibreOffice : seuls les textes enregistrés sont repris ; enregistrez-le et relancez si vous l'avez modifié depuis.</source>
            <translation>{0} is open in LibreOffice: only the saved texts are carried over; save it and run again if you have changed it since.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Textes du SGAR repris de {0} ({1} emplacement(s)).</source>
            <translation>SGAR texts carried over from {0} ({1} slot(s)).</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>SCORAN 2.0 — {0} — millésime {1}</source>
            <translation>SCORAN 2.0 — {0} — vintage {1}</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Stratégie de cohérence régionale d'aménagement numérique — SCORAN 2.0</source>
            <translation>Regional strategy for coherent digital infrastructure planning — SCORAN 2.0</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Document de présentation — millésime {0}</source>
            <translation>Presentation document — vintage {0}</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Version du {0}, produite par l'extension QGIS SCORAN 2.0 à partir des analyses du millésime ; les textes du SGAR sont dans les cadres « À rédiger par le SGAR » et sont repris à la génération suivante.</source>
            <translation>Version of {0}, produced by the QGIS plugin SCORAN 2.0 from the analyses of the vintage; the SGAR's texts are in the “To be written by the SGAR” frames and are carried over at the next generation.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Cadrage national et européen, travaux conduits en région</source>
            <translation>National and European framework, work carried out in the region</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Synthèse des SCORAN initiales</source>
            <translation>Summary of the initial SCORANs</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Schémas directeurs territoriaux d'aménagement numérique (SDTAN)</source>
            <translation>Territorial digital development master plans (SDTAN)</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Aucun SDTAN n'est encore inscrit au référentiel SCORAN pour ce territoire : complétez l'inventaire des SDTAN (table sdtan) pour qu'il figure ici.</source>
            <translation>No SDTAN is recorded in the SCORAN database for this territory yet: complete the SDTAN inventory (table sdtan) for it to appear here.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>{0} SDTAN inscrit(s) au référentiel pour {1} département(s) du territoire ; {2} adopté(s) au moins une fois.</source>
            <translation>{0} SDTAN(s) recorded in the database for {1} department(s) of the territory; {2} adopted at least once.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <location filename="../../export/register_xlsx.py" />
            <location filename="../../export/workbooks.py" />
            <source>SDTAN</source>
            <translation>SDTAN</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <location filename="../../export/register_xlsx.py" />
            <source>Maître d'ouvrage</source>
            <translation>Contracting authority</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <location filename="../../export/workbooks.py" />
            <source>Adoption</source>
            <translation>Adoption</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <location filename="../../export/register_xlsx.py" />
            <location filename="../../export/workbooks.py" />
            <location filename="../../ui/register_model.py" />
            <source>Statut</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <location filename="../../export/register_xlsx.py" />
            <location filename="../../export/workbooks.py" />
            <source>Dernière mise à jour</source>
            <translation>Last update</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Inventaire des SDTAN</source>
            <translation>SDTAN inventory</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <location filename="../../export/workbooks.py" />
            <source>Inventaire des zones blanches du haut débit</source>
            <translation>Inventory of broadband white zones</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Au millésime {0}, le territoire compte {1} locaux (logements et locaux professionnels).</source>
            <translation>In vintage {0}, the territory has {1} premises (homes and business premises).</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>{0} locaux ({1}) ne sont éligibles à aucune offre de haut débit filaire (moins de {2}) ;</source>
            <translation>{0} premises ({1}) are not eligible for any wired broadband offer (less than {2});</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>{0} locaux ({1}) n'ont pas de haut débit de qualité (moins de {2}).</source>
            <translation>{0} premises ({1}) do not have good-quality broadband (less than {2}).</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>{0} communes sont en zone blanche du haut débit (au moins {1} de locaux inéligibles)</source>
            <translation>{0} communes are in a broadband white zone (at least {1} of premises ineligible)</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source> et {0} communes sans haut débit de qualité.</source>
            <translation> and {0} communes without good-quality broadband.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>{0} communes sont sans haut débit de qualité.</source>
            <translation>{0} communes are without good-quality broadband.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <location filename="../../export/scope.py" />
            <source>Total {0}</source>
            <translation>Total {0}</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Inéligibles (part)</source>
            <translation>Ineligible (share)</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Sous {0} (part)</source>
            <translation>Below {0} (share)</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <location filename="../../export/national_indicators.py" />
            <location filename="../../export/workbooks.py" />
            <source>Communes en zone blanche du haut débit</source>
            <translation>Communes in a broadband white zone</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <location filename="../../export/national_indicators.py" />
            <source>Communes sans haut débit de qualité</source>
            <translation>Communes without good-quality broadband</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Inventaire des zones blanches par département</source>
            <translation>Inventory of white zones by department</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Part des locaux sans haut débit de qualité par commune et sites prioritaires sous {0}</source>
            <translation>Share of premises without good-quality broadband by commune, and priority sites below {0}</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Bâtiments prioritaires</source>
            <translation>Priority buildings</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>{0} sites prioritaires (établissements scolaires, santé, services publics, entreprises) sont recensés ; {1} n'ont pas de haut débit et {2} sont sous {3}.</source>
            <translation>{0} priority sites (schools, health, public services, businesses) are listed; {1} have no broadband and {2} are below {3}.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <location filename="../../export/workbooks.py" />
            <source>Sites</source>
            <translation>Sites</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Sites prioritaires par catégorie</source>
            <translation>Priority sites by category</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Projets de réseaux d'initiative publique et conventions</source>
            <translation>Public-initiative network projects and agreements</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>{0} projet(s) RIP ({1} phase(s)) ; {2} commune(s) AMII, dont {3} couverte(s) par une convention de programmation et de suivi des déploiements signée.</source>
            <translation>{0} RIP project(s) ({1} phase(s)); {2} AMII commune(s), of which {3} covered by a signed programming and deployment monitoring agreement.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Statut des phases</source>
            <translation>Phase status</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Phases</source>
            <translation>Phases</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <location filename="../../export/workbooks.py" />
            <source>Locaux prévus</source>
            <translation>Planned premises</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>État d'avancement des phases des RIP</source>
            <translation>Progress of the RIP phases</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Phasage des projets sur la période triennale 2015-2017</source>
            <translation>Phasing of the projects over the 2015-2017 three-year period</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Sur 2015-2017, les phases des RIP rendent {0} locaux raccordables au très haut débit, pour un coût de {1}.</source>
            <translation>Over 2015-2017, the RIP phases make {0} premises connectable to very high-speed broadband, for a cost of {1}.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Locaux 2015-2017</source>
            <translation>Premises 2015-2017</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Coût</source>
            <translation>Cost</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Locaux rendus raccordables par projet et par année</source>
            <translation>Premises made connectable by project and by year</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Aucune phase de RIP n'est prévue sur 2015-2017 pour ce territoire.</source>
            <translation>No RIP phase is planned over 2015-2017 for this territory.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <location filename="../../export/workbooks.py" />
            <source>Trajectoire vers le très haut débit pour tous en 2022</source>
            <translation>Trajectory towards very high-speed broadband for all in 2022</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Au {0}, {1} des locaux du territoire sont éligibles au très haut débit (≥ 30 Mbit/s). Selon les calendriers des opérateurs privés (AMII) et des RIP, la part atteint {2} fin 2017 (objectif national : {3}) et {4} fin 2022 (objectif : {5}).</source>
            <translation>In {0}, {1} of the premises of the territory are eligible for very high-speed broadband (≥ 30 Mbit/s). According to the calendars of the private operators (AMII) and of the RIPs, the share reaches {2} at the end of 2017 (national target: {3}) and {4} at the end of 2022 (target: {5}).</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Ensemble du territoire</source>
            <translation>Whole territory</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <location filename="../../export/workbooks.py" />
            <source>Territoire</source>
            <translation>Territory</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>THD au {0}</source>
            <translation>THD in {0}</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Fin 2017 (objectif {0})</source>
            <translation>End of 2017 (target {0})</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Fin 2022 (objectif {0})</source>
            <translation>End of 2022 (target {0})</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Jalons de la trajectoire THD (part des locaux éligibles)</source>
            <translation>Milestones of the THD trajectory (share of eligible premises)</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <location filename="../../export/workbooks.py" />
            <source>Trajectoire THD — {0}</source>
            <translation>THD trajectory — {0}</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Trajectoire vers le très haut débit, par semestre</source>
            <translation>Trajectory towards very high-speed broadband, by half-year</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Projets RIP et communes AMII (initiative privée)</source>
            <translation>RIP projects and AMII communes (private initiative)</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Dernières zones blanches 2G/3G des centres-bourgs</source>
            <translation>Last 2G/3G white zones of the town centres</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>{0} centres-bourgs sont suivis : {1} en zone blanche 2G (aucun opérateur), {2} en zone blanche 3G (2G seulement), {3} partiellement couverts et {4} couverts en 3G par tous les opérateurs.</source>
            <translation>{0} town centres are followed: {1} in a 2G white zone (no operator), {2} in a 3G white zone (2G only), {3} partly covered and {4} covered in 3G by every operator.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Centres-bourgs par état de la couverture mobile</source>
            <translation>Town centres by state of mobile coverage</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Aucun centre-bourg n'est suivi pour ce territoire.</source>
            <translation>No town centre is followed for this territory.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Estimatif des besoins : {0} site(s) à construire, {1}, dont {2} de subvention de l'État et {3} à la charge des collectivités.</source>
            <translation>Estimate of needs: {0} site(s) to build, {1}, including {2} of State subsidy and {3} borne by the local authorities.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Demande localisée de 4G à transmettre aux opérateurs : {0} commune(s), {1} site(s) prioritaire(s) sans couverture 4G.</source>
            <translation>Localised 4G demand to send to the operators: {0} commune(s), {1} priority site(s) without 4G coverage.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Projets par priorité et par domaine</source>
            <translation>Projects by priority and by domain</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>{0} projets de services et usages sont inscrits au registre ({1} en cours ou réalisés) ; {2} répondent à un appel à projets du PIA.</source>
            <translation>{0} digital services and uses projects are recorded in the register ({1} in progress or completed); {2} respond to a PIA call for projects.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <location filename="../../export/register_xlsx.py" />
            <location filename="../../export/workbooks.py" />
            <location filename="../../ui/register_model.py" />
            <source>Domaine</source>
            <translation>Domain</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Projets d'usages par domaine et niveau de priorité</source>
            <translation>Digital-use projects by domain and priority level</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Budget cumulé des projets : {0}.</source>
            <translation>Cumulative budget of the projects: {0}.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Aucun projet de services et usages n'est encore inscrit au registre pour ce territoire.</source>
            <translation>No digital services and uses project is recorded in the register for this territory yet.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Priorités nationales</source>
            <translation>National priorities</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Priorités régionales et besoins émergents</source>
            <translation>Regional priorities and emerging needs</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Thèmes régionaux retenus en plus des domaines nationaux : {0}.</source>
            <translation>Regional themes chosen in addition to the national domains: {0}.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>{0} ({1} projet(s))</source>
            <translation>{0} ({1} project(s))</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>territoires en difficulté</source>
            <translation>disadvantaged territories</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>publics éloignés des usages</source>
            <translation>digitally excluded people</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Projets attentifs aux {0}.</source>
            <translation>Projects addressing {0}.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Besoins territoriaux émergents relevés dans les projets</source>
            <translation>Emerging territorial needs identified in the projects</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Expérimentations dignes de valorisation</source>
            <translation>Experiments worth promoting</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Initiatives « territoires innovants »</source>
            <translation>“Innovative territories” initiatives</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Mutualisation des ressources d'ingénierie et de l'informatique en nuage</source>
            <translation>Pooling of engineering resources and cloud computing</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Projets de mutualisation des infrastructures et du cloud</source>
            <translation>Shared infrastructure and cloud projects</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Métiers concernés et besoins en formation</source>
            <translation>Occupations concerned and training needs</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Projet</source>
            <translation>Project</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Métiers concernés</source>
            <translation>Occupations concerned</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Besoins en formation</source>
            <translation>Training needs</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Métiers et besoins en formation par projet</source>
            <translation>Occupations and training needs by project</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Aucun projet n'indique encore les métiers concernés ni les besoins en formation.</source>
            <translation>No project states the occupations concerned or the training needs yet.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Aucun projet inscrit au registre.</source>
            <translation>No project recorded in the register.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <location filename="../../export/register_xlsx.py" />
            <location filename="../../export/workbooks.py" />
            <location filename="../../ui/register_model.py" />
            <source>Titre</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <location filename="../../export/register_xlsx.py" />
            <location filename="../../export/workbooks.py" />
            <source>Porteur</source>
            <translation>Project owner</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <location filename="../../export/register_xlsx.py" />
            <source>Projets</source>
            <translation>Projects</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>les {0} premiers sur {1} ; tous dans projets_usages.xlsx</source>
            <translation>the first {0} of {1}; all in projets_usages.xlsx</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Réseaux fixes : coûts et part de l'État</source>
            <translation>Fixed networks: costs and State share</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Le coût des phases des RIP restant à réaliser est estimé à {0} pour {1} locaux : {2} de part de l'État (plafonds du plan France Très Haut Débit) et {3} à la charge des collectivités.</source>
            <translation>The cost of the RIP phases still to be carried out is estimated at {0} for {1} premises: {2} of State share (ceilings of the France Très Haut Débit plan) and {3} borne by the local authorities.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Part de l'État</source>
            <translation>State share</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Collectivités</source>
            <translation>Local authorities</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Besoins financiers des RIP par département</source>
            <translation>Financial needs of the RIPs by department</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Locaux d'initiative publique qu'aucune phase ne couvre encore : {0}, pour un coût estimé de {1} ({2} de part de l'État, {3} pour les collectivités).</source>
            <translation>Public-initiative premises that no phase covers yet: {0}, for an estimated cost of {1} ({2} of State share, {3} for the local authorities).</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Reste à planifier par département</source>
            <translation>Left to plan by department</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Réseaux mobiles</source>
            <translation>Mobile networks</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Résorption des dernières zones blanches 2G/3G : {0} (État : {1} ; collectivités : {2}).</source>
            <translation>Clearing of the last 2G/3G white zones: {0} (State: {1}; local authorities: {2}).</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Le calendrier réunit {0} projet(s) d'usages, {1} phase(s) de RIP et {2} calendrier(s) d'opérateurs (AMII).</source>
            <translation>The calendar brings together {0} digital-use project(s), {1} RIP phase(s) and {2} operator calendar(s) (AMII).</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Calendrier des projets d'usages et des phases des RIP (30 premiers projets)</source>
            <translation>Calendar of the digital-use projects and of the RIP phases (first 30 projects)</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Échéance</source>
            <translation>Due date</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <location filename="../../export/workbooks.py" />
            <source>Jalon</source>
            <translation>Milestone</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Jalons prévus ou retardés des projets d'usages (25 premiers par échéance)</source>
            <translation>Planned or delayed milestones of the digital-use projects (first 25 by due date)</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Indicateurs de suivi</source>
            <translation>Monitoring indicators</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <location filename="../../export/workbooks.py" />
            <source>Indicateur</source>
            <translation>Indicator</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <location filename="../../export/workbooks.py" />
            <source>Valeur</source>
            <translation>Value</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Indicateurs du millésime</source>
            <translation>Indicators of the vintage</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Aucune évolution n'est enregistrée depuis le millésime précédent (premier millésime du référentiel, ou rien n'a changé).</source>
            <translation>No change is recorded since the previous vintage (first vintage of the database, or nothing has changed).</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Gouvernance et actualisation</source>
            <translation>Governance and updating</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>La SCORAN est pilotée par la CCRANT. Les schémas directeurs et projets de couverture (cartographie, calendrier), les estimations de coûts et de besoins financiers et les projets de services et usages sont actualisés chaque semestre et transmis à la DATAR et à la Mission France Très Haut Débit ; ce document, l'atlas et les classeurs du millésime sont produits ensemble par l'extension.</source>
            <translation>The SCORAN is steered by the CCRANT. The master plans and coverage projects (mapping, calendar), the estimates of costs and financial needs and the digital services and uses projects are updated every half-year and sent to the DATAR and to the Mission France Très Haut Débit; this document, the atlas and the workbooks of the vintage are produced together by the plugin.</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Textes repris sans emplacement</source>
            <translation>Texts carried over without a slot</translation>
        </message>
        <message>
            <location filename="../../export/document.py" />
            <source>Textes du SGAR repris de {0} dont l'emplacement n'existe plus dans ce document : déplacez-les où il convient, puis supprimez-les d'ici.</source>
            <translation>SGAR texts carried over from {0} whose slot no longer exists in this document: move them where appropriate, then delete them from here.</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>Locaux (logements et locaux professionnels)</source>
            <translation>Premises (homes and business premises)</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>Locaux sans haut débit (inéligibles, &lt; 512 kbit/s)</source>
            <translation>Premises without broadband (ineligible, &lt; 512 kbit/s)</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>Locaux sous le seuil du haut débit de qualité</source>
            <translation>Premises below the good-quality broadband threshold</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>Part des locaux sous le seuil du haut débit de qualité</source>
            <translation>Share of premises below the good-quality broadband threshold</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <location filename="../../export/workbooks.py" />
            <source>Sites prioritaires (écoles, santé, services publics, entreprises)</source>
            <translation>Priority sites (schools, health, public services, businesses)</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>Sites prioritaires sans haut débit</source>
            <translation>Priority sites without broadband</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>Sites prioritaires sous le seuil</source>
            <translation>Priority sites below the threshold</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>Part des locaux éligibles au THD au millésime</source>
            <translation>Share of premises eligible for THD in the vintage</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>Part des locaux éligibles au THD prévue fin 2017 (objectif national 50 %)</source>
            <translation>Share of premises eligible for THD planned at the end of 2017 (national target 50%)</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>Part des locaux éligibles au THD prévue fin 2022 (objectif national 100 %)</source>
            <translation>Share of premises eligible for THD planned at the end of 2022 (national target 100%)</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>Locaux des phases RIP restant à réaliser</source>
            <translation>Premises of the RIP phases still to be carried out</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>Coût des phases RIP restant à réaliser</source>
            <translation>Cost of the RIP phases still to be carried out</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>Part de l'État dans les phases RIP</source>
            <translation>State share in the RIP phases</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>Locaux dans aucun plan (reste à planifier)</source>
            <translation>Premises in no plan (left to plan)</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>Coût du reste à planifier</source>
            <translation>Cost of what is left to plan</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>Coût du 100 % en 2022 (phases RIP + reste à planifier)</source>
            <translation>Cost of 100% in 2022 (RIP phases + left to plan)</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>Centres-bourgs de la liste des zones blanches mobiles</source>
            <translation>Town centres of the mobile white zones list</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <location filename="../../export/workbooks.py" />
            <source>Centres-bourgs en zone blanche 2G</source>
            <translation>Town centres in a 2G white zone</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <location filename="../../export/workbooks.py" />
            <source>Centres-bourgs en zone blanche 3G</source>
            <translation>Town centres in a 3G white zone</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>Coût retenu des sites mobiles des centres-bourgs</source>
            <translation>Cost retained for the mobile sites of the town centres</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>Projets de services et usages</source>
            <translation>Digital services and uses projects</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>registre</source>
            <translation>register</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>Projets de services et usages financés, en cours ou réalisés</source>
            <translation>Digital services and uses projects funded, in progress or completed</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>semestre des données, AAAA-S1 ou AAAA-S2</source>
            <translation>half-year of the data, YYYY-S1 or YYYY-S2</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>« region » ou « departement »</source>
            <translation>“region” or “departement”</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>code INSEE de la région ou du département, en texte (« 27 », « 2A », « 971 »)</source>
            <translation>INSEE code of the region or department, as text (“27”, “2A”, “971”)</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>nom de la région ou du département</source>
            <translation>name of the region or department</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>code stable de l'indicateur (liste ci-dessous)</source>
            <translation>stable code of the indicator (list below)</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>libellé de l'indicateur, dans la langue de QGIS</source>
            <translation>label of the indicator, in QGIS's language</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>nombre, point décimal ; vide quand l'analyse manque</source>
            <translation>number, decimal point; empty when the analysis is missing</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>locaux, %, EUR, communes, sites, centres-bourgs, projets</source>
            <translation>locaux (premises), %, EUR, communes, sites, centres-bourgs (town centres), projets (projects)</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>colonne</source>
            <translation>column</translation>
        </message>
        <message>
            <location filename="../../export/national_indicators.py" />
            <source>indicateur</source>
            <translation>indicator</translation>
        </message>
        <message>
            <location filename="../../export/parameters.py" />
            <source>(défaut)</source>
            <translation>(default)</translation>
        </message>
        <message>
            <location filename="../../export/parameters.py" />
            <source>Paramètres de l'analyse des zones blanches — seuil : {0} ({1}) ; part : {2}</source>
            <translation>Parameters of the white zones analysis — threshold: {0} ({1}); share: {2}</translation>
        </message>
        <message>
            <location filename="../../export/parameters.py" />
            <source>valeurs par défaut : l'analyse ne les a pas enregistrées</source>
            <translation>default values: the analysis did not record them</translation>
        </message>
        <message>
            <location filename="../../export/parameters.py" />
            <source>Sans haut débit de qualité : au moins {0} des locaux sous {1} (seuil {2}) ; c'est le champ « zone blanche » de l'inventaire.</source>
            <translation>Without good-quality broadband: at least {0} of the premises below {1} (threshold {2}); this is the “zone blanche” field of the inventory.</translation>
        </message>
        <message>
            <location filename="../../export/parameters.py" />
            <source>Zone blanche du haut débit (sans haut débit) : au moins {0} des locaux inéligibles (moins de {1}).</source>
            <translation>Broadband white zone (without broadband): at least {0} of the premises ineligible (less than {1}).</translation>
        </message>
        <message>
            <location filename="../../export/parameters.py" />
            <source>Zones blanches du haut débit (locaux inéligibles) : non calculées par cette analyse ; relancez l'inventaire des zones blanches pour les obtenir.</source>
            <translation>Broadband white zones (ineligible premises): not computed by this analysis; run the white zones inventory again to get them.</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Jalons</source>
            <translation>Milestones</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Liens</source>
            <translation>Links</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Financements</source>
            <translation>Funding</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Documents</source>
            <translation>Documents</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <location filename="../../export/workbooks.py" />
            <source>Thèmes régionaux</source>
            <translation>Regional themes</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Description</source>
            <translation>Description</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Niveau de priorité</source>
            <translation>Priority level</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Partenaires</source>
            <translation>Partners</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <location filename="../../ui/register_model.py" />
            <source>Budget (€)</source>
            <translation>Budget (€)</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <location filename="../../export/workbooks.py" />
            <source>Appel à projets PIA</source>
            <translation>PIA call for projects</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Mutualisation (oui/non)</source>
            <translation>Shared infrastructure (yes/no)</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Territoires en difficulté (oui/non)</source>
            <translation>Disadvantaged territories (yes/no)</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Publics éloignés des usages (oui/non)</source>
            <translation>Digitally excluded people (yes/no)</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <location filename="../../export/workbooks.py" />
            <location filename="../../ui/register_model.py" />
            <source>Fin</source>
            <translation>End</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <location filename="../../export/workbooks.py" />
            <source>Besoins territoriaux émergents</source>
            <translation>Emerging territorial needs</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <location filename="../../export/workbooks.py" />
            <source>Expérimentations à valoriser</source>
            <translation>Experiments worth promoting</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <location filename="../../export/workbooks.py" />
            <source>Principaux métiers concernés</source>
            <translation>Main occupations concerned</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <location filename="../../export/workbooks.py" />
            <source>Besoins en formation spécifique</source>
            <translation>Specific training needs</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Identifiant du projet</source>
            <translation>Project identifier</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <location filename="../../export/workbooks.py" />
            <source>Libellé</source>
            <translation>Label</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Semestre (AAAA-S1/S2)</source>
            <translation>Half-year (YYYY-S1/S2)</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Type d'objet</source>
            <translation>Feature type</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Clé (code INSEE, SIREN, identifiant RIP…)</source>
            <translation>Key (INSEE code, SIREN, RIP identifier…)</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Financeur</source>
            <translation>Funder</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Montant (€)</source>
            <translation>Amount (€)</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Appel à projets</source>
            <translation>Call for projects</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <location filename="../../export/workbooks.py" />
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Fichier ou adresse</source>
            <translation>File or address</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Ordre</source>
            <translation>Order</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Nom du département</source>
            <translation>Department name</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Date d'adoption</source>
            <translation>Adoption date</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Commentaire</source>
            <translation>Comment</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Zones défavorisées (oui/non)</source>
            <translation>Disadvantaged areas (yes/no)</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Publics éloignés du numérique (oui/non)</source>
            <translation>Digitally excluded people (yes/no)</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <location filename="../../export/workbooks.py" />
            <source>Lisez-moi</source>
            <translation>Read me</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Registre des projets de services et usages numériques — SCORAN 2.0</source>
            <translation>Register of digital services and uses projects — SCORAN 2.0</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Une feuille par table ; l'identifiant du projet relie les feuilles. Dates JJ/MM/AAAA, montants en euros, codes INSEE en texte.</source>
            <translation>One sheet per table; the project identifier links the sheets. Dates DD/MM/YYYY, amounts in euros, INSEE codes as text.</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Thèmes régionaux : les « un ou deux thèmes supplémentaires » retenus par la région (circulaire, II.B), deux au plus ; un projet en cite les libellés (ou les codes) séparés par « ; ». La feuille remplace la liste du référentiel à l'import.</source>
            <translation>Regional themes: the “one or two additional themes” chosen by the region (circular, II.B), two at most; a project cites their labels (or codes) separated by “;”. On import, the sheet replaces the database's list.</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>SDTAN : inventaire des schémas directeurs territoriaux d'aménagement numérique, une ligne par département ; la colonne « Nom du département » n'est pas relue.</source>
            <translation>SDTAN: inventory of the territorial digital development master plans, one row per department; the column “Department name” is not read back.</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Valeurs possibles — {0}</source>
            <translation>Possible values — {0}</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>{0}, ligne {1}, colonne « {2} » : {3}</source>
            <translation>{0}, row {1}, column “{2}”: {3}</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>{0} n'est pas un classeur XLSX lisible (fichier d'un autre format, renommé ou endommagé). Ouvrez-le dans un tableur et enregistrez-le au format XLSX ; rien n'a été importé.</source>
            <translation>{0} is not a readable XLSX workbook (file of another format, renamed or damaged). Open it in a spreadsheet and save it in XLSX format; nothing was imported.</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>feuille absente</source>
            <translation>sheet missing</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>identifiant en double : {0}</source>
            <translation>duplicate identifier: {0}</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>projet inconnu : « {0} »</source>
            <translation>unknown project: “{0}”</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>en double (ligne {0})</source>
            <translation>duplicate (row {0})</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>département en double (ligne {0})</source>
            <translation>duplicate department (row {0})</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>{0} est un dossier, pas un classeur XLSX.</source>
            <translation>{0} is a folder, not an XLSX workbook.</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>Classeur introuvable : {0}</source>
            <translation>Workbook not found: {0}</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>{0} est vide : ce n'est pas un classeur XLSX ; rien n'a été importé.</source>
            <translation>{0} is empty: it is not an XLSX workbook; nothing was imported.</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>colonne absente</source>
            <translation>column missing</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>« {0} » : attendu oui ou non</source>
            <translation>“{0}”: expected yes or no</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>« {0} » n'est pas un montant</source>
            <translation>“{0}” is not an amount</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>date invalide « {0} » (JJ/MM/AAAA)</source>
            <translation>invalid date “{0}” (DD/MM/YYYY)</translation>
        </message>
        <message>
            <location filename="../../export/register_xlsx.py" />
            <source>« {0} » n'est pas un nombre entier</source>
            <translation>“{0}” is not a whole number</translation>
        </message>
        <message>
            <location filename="../../export/scope.py" />
            <source>{0} — {1:.1f} % ici</source>
            <translation>{0} — {1:.1f}% here</translation>
        </message>
        <message>
            <location filename="../../export/spreadsheet.py" />
            <source>Impossible d'écrire {0} : le fichier est ouvert dans un tableur ou le dossier est protégé en écriture.</source>
            <translation>Cannot write {0}: the file is open in a spreadsheet or the folder is write-protected.</translation>
        </message>
        <message>
            <location filename="../../export/spreadsheet.py" />
            <source>Impossible d'écrire {0} : {1}</source>
            <translation>Cannot write {0}: {1}</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Sources : ARCEP (Ma connexion internet, Mon réseau mobile), INSEE (BPE, recensement), IGN ADMIN EXPRESS, SIRENE, référentiel SCORAN de la région (RIP, AMII, centres-bourgs, projets d'usages).</source>
            <translation>Sources: ARCEP (Ma connexion internet, Mon réseau mobile), INSEE (BPE, census), IGN ADMIN EXPRESS, SIRENE, the region's SCORAN database (RIP, AMII, town centres, digital-use projects).</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Millésime : {0}</source>
            <translation>Vintage: {0}</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Produit le {0} par l'extension QGIS SCORAN 2.0</source>
            <translation>Produced on {0} by the QGIS plugin SCORAN 2.0</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Territoire : {0} (toute la région)</source>
            <translation>Territory: {0} (the whole region)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Territoire : {0} — seules les lignes, les totaux et les parts de ce territoire figurent dans ce classeur ; un projet qui s'étend sur d'autres départements y est marqué « partagé avec … ».</source>
            <translation>Territory: {0} — only the rows, totals and shares of this territory appear in this workbook; a project that extends over other departments is marked “shared with …”.</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Classeur écrit : {0}</source>
            <translation>Workbook written: {0}</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Phasage des projets RIP sur la période triennale 2015–2017</source>
            <translation>Phasing of the RIP projects over the 2015–2017 three-year period</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Locaux rendus raccordables au THD et coût, par projet, phase et année ; une phase est répartie également sur ses semestres.</source>
            <translation>Premises made connectable to THD and cost, by project, phase and year; a phase is spread evenly over its half-years.</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Dans un livrable départemental, une phase qui s'étend sur plusieurs départements compte pour la part de ses locaux située dans le département (couverture THD) ; à défaut elle est marquée « partagé avec … ».</source>
            <translation>In a department deliverable, a phase that extends over several departments counts for the share of its premises located in the department (THD coverage); failing that it is marked “shared with …”.</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Phasage</source>
            <translation>Phasing</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Année</source>
            <translation>Year</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Locaux raccordables (FTTH)</source>
            <translation>Connectable premises (FTTH)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Coût (€)</source>
            <translation>Cost (€)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Coût estimé (€)</source>
            <translation>Estimated cost (€)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Source du coût</source>
            <translation>Source of the cost</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>État (€)</source>
            <translation>State (€)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Collectivités (€)</source>
            <translation>Local authorities (€)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Partage</source>
            <translation>Sharing</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Inéligibles</source>
            <translation>Ineligible</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>% inéligibles</source>
            <translation>% ineligible</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Zone blanche du haut débit (inéligibles ≥ {0})</source>
            <translation>Broadband white zone (ineligible ≥ {0})</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>% sous {0}</source>
            <translation>% below {0}</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>≥ {0}</source>
            <translation>≥ {0}</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Sans haut débit de qualité (sous {0} ≥ {1})</source>
            <translation>Without good-quality broadband (below {0} ≥ {1})</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Locaux (logements et locaux professionnels) par classe de débit descendant, technologies filaires.</source>
            <translation>Premises (homes and business premises) by download speed class, wired technologies.</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <location filename="../../layers.py" />
            <source>Communes</source>
            <translation>Communes</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Locaux des communes en zone blanche du haut débit</source>
            <translation>Premises of the communes in a broadband white zone</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Carreaux 200 m sans haut débit</source>
            <translation>200 m grid cells without broadband</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Locaux en carreaux sans haut débit</source>
            <translation>Premises in grid cells without broadband</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Communes sans haut débit de qualité (&lt; {0})</source>
            <translation>Communes without good-quality broadband (&lt; {0})</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Locaux des communes sans haut débit de qualité</source>
            <translation>Premises of the communes without good-quality broadband</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Carreaux 200 m sous {0}</source>
            <translation>200 m grid cells below {0}</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Locaux en carreaux sous {0}</source>
            <translation>Premises in grid cells below {0}</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Classe de débit du local le plus proche à moins de 100 m ; NULL : aucun local.</source>
            <translation>Speed class of the nearest premises within 100 m; NULL: no premises.</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Sous le seuil : classe du local le plus proche sous {0} (seuil {1}).</source>
            <translation>Below the threshold: class of the nearest premises below {0} (threshold {1}).</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Distance (m)</source>
            <translation>Distance (m)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Synthèse</source>
            <translation>Summary</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Sans local proche</source>
            <translation>No premises nearby</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>État d'avancement des projets et des conventions</source>
            <translation>Progress of projects and agreements</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Phases des RIP (statut prévu, en cours, réalisé, abandonné) et conventions AMII.</source>
            <translation>RIP phases (status planned, in progress, completed, abandoned) and AMII agreements.</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Phases RIP</source>
            <translation>RIP phases</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Conventions AMII</source>
            <translation>AMII agreements</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Opérateurs</source>
            <translation>Operators</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Date de signature</source>
            <translation>Signature date</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Fin prévue</source>
            <translation>Planned end</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Locaux raccordables</source>
            <translation>Connectable premises</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Contrôles</source>
            <translation>Checks</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Contrôle</source>
            <translation>Check</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Objet</source>
            <translation>Subject</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Détail</source>
            <translation>Detail</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Locaux éligibles au THD (≥ {0}) déjà, puis selon les calendriers AMII et RIP ; jalons nationaux : 50 % fin 2017, 100 % fin 2022.</source>
            <translation>Premises eligible for THD (≥ {0}) already, then according to the AMII and RIP calendars; national milestones: 50% end of 2017, 100% end of 2022.</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Trajectoire</source>
            <translation>Trajectory</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Semestre</source>
            <translation>Half-year</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Locaux THD</source>
            <translation>THD premises</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>% THD</source>
            <translation>% THD</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Objectif %</source>
            <translation>Target %</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Écart (points)</source>
            <translation>Gap (points)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>précédent</source>
            <translation>previous</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Poste</source>
            <translation>Item</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>{0} — {1}</source>
            <translation>{0} — {1}</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>{0} — écart</source>
            <translation>{0} — gap</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Estimation des coûts et besoins financiers (fixe)</source>
            <translation>Estimate of costs and financial needs (fixed)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Part de l'État = min(taux × coût, plafond × locaux) selon le département ; reste réparti entre Région, Département, EPCI et FEDER.</source>
            <translation>State share = min(rate × cost, ceiling × premises) according to the department; remainder split between Region, Department, EPCI and ERDF.</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Dans un livrable départemental, un projet ne compte que ses phases (ou parts de phase) du département ; les totaux sont ceux du département.</source>
            <translation>In a department deliverable, a project counts only its phases (or shares of phases) in the department; the totals are those of the department.</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Reste à planifier : les locaux qui ne sont dans aucun plan — ni déjà THD, ni en commune AMII ou ZTD (initiative privée), ni dans une phase de RIP vivante : hors de tout projet (« sans projet ») ou dans un périmètre de RIP sans phase, par exemple la zone d'une phase abandonnée que nulle phase n'a reprise (« RIP sans phase ») — chiffrés comme l'estimation d'une phase : locaux × coût unitaire FTTH (table couts_unitaires) de la classe de densité de leur commune (regles_par_defaut.csv) ; part de l'État = min(taux × coût, plafond × locaux) du département, calculée sur le département.</source>
            <translation>Left to plan: the premises that are in no plan — neither already THD, nor in an AMII or ZTD commune (private initiative), nor in a live RIP phase: outside any project (“Without a project”) or in a RIP perimeter without a phase, for example the zone of an abandoned phase that no phase has taken over (“RIP without a phase”) — costed like a phase's estimate: premises × FTTH unit cost (table couts_unitaires) of the density class of their commune (regles_par_defaut.csv); State share = min(rate × cost, ceiling × premises) of the department, computed over the department.</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Hypothèse de l'extension, qu'aucun texte ne fixe : tout le reste à planifier est chiffré en FTTH, la technologie que vise le plan France Très Haut Débit (2013 : environ 80 % des locaux en FTTH) ; d'autres technologies (THD radio, satellite) coûteraient moins.</source>
            <translation>Assumption of the plugin, which no text sets: everything left to plan is costed as FTTH, the technology the France Très Haut Débit plan aims at (2013: about 80% of premises with FTTH); other technologies (THD radio, satellite) would cost less.</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Coût du 100 % en 2022 = phases des RIP (feuille « Besoins » : coût retenu de chaque phase, montée en débit comprise) + reste à planifier ; les locaux des communes AMII et ZTD (initiative privée) et les locaux déjà THD n'y sont pas.</source>
            <translation>Cost of 100% in 2022 = RIP phases (sheet “Needs”: cost retained for each phase, speed upgrade included) + left to plan; the premises of AMII and ZTD communes (private initiative) and the premises that already have THD are not included.</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Comparaison : chaque coût et nombre de locaux, par département et pour le territoire, par poste (phases des RIP, reste à planifier, coût du 100 %, centres-bourgs mobiles), face au millésime précédent enregistré dans le référentiel ({0}) ; colonnes « écart » = {1} − précédent.</source>
            <translation>Comparison: each cost and number of premises, by department and for the territory, by item (RIP phases, left to plan, cost of 100%, mobile town centres), against the previous vintage recorded in the database ({0}); “gap” columns = {1} − previous.</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>aucun : colonnes du précédent vides</source>
            <translation>none: columns of the previous vintage empty</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Reste à planifier : non calculé dans ce dossier d'analyses (antérieur au reste à planifier) ; relancez « Besoins financiers » avec sa sortie « Reste à planifier » (ou indiquez le dossier des sources). Le coût du 100 % en 2022 n'est donc pas donné, seules les phases des RIP le sont.</source>
            <translation>Left to plan: not computed in this analyses folder (older than the left-to-plan figures); run « Financial needs » again with its « Left to plan » output (or give the sources folder). The cost of 100 % in 2022 is therefore not given, only the RIP phases are.</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Besoins</source>
            <translation>Needs</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Plafond atteint</source>
            <translation>Ceiling reached</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Région (€)</source>
            <translation>Region (€)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Département (€)</source>
            <translation>Department (€)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>EPCI (€)</source>
            <translation>EPCI (€)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>FEDER (€)</source>
            <translation>ERDF (€)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Locaux à planifier</source>
            <translation>Premises to plan</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Sans projet</source>
            <translation>Without a project</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>RIP sans phase</source>
            <translation>RIP without a phase</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>En commune urbaine</source>
            <translation>In an urban commune</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>En commune périurbaine</source>
            <translation>In a peri-urban commune</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>En commune rurale</source>
            <translation>In a rural commune</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Technologie chiffrée</source>
            <translation>Technology costed</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Coût moyen par local (€)</source>
            <translation>Average cost per premises (€)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Taux de l'État</source>
            <translation>State rate</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Plafond par local (€)</source>
            <translation>Ceiling per premises (€)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Comparaison</source>
            <translation>Comparison</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Zones blanches mobiles des centres-bourgs et estimatif</source>
            <translation>Mobile white zones of the town centres and estimate</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Couverture jugée autour de la mairie (500 m), niveau « bonne couverture » ou mieux.</source>
            <translation>Coverage judged around the town hall (500 m), level “good coverage” or better.</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Coût retenu : le coût saisi par l'agent (centres_bourgs.cout) quand il existe, sinon l'estimation (sites nécessaires × coût d'un site). Subvention de l'État : par site (100 000 €, 130 000 € en commune de montagne), jamais plus que le coût retenu ; le reste aux collectivités.</source>
            <translation>Cost retained: the cost entered by the officer (centres_bourgs.cout) when there is one, otherwise the estimate (sites needed × cost of a site). State subsidy: per site (€100,000, €130,000 in a mountain commune), never more than the cost retained; the rest for the local authorities.</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Arrêté</source>
            <translation>Order (arrêté)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Opérateurs 2G</source>
            <translation>2G operators</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Opérateurs 3G</source>
            <translation>3G operators</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Coût estimé (sites × coût d'un site, €)</source>
            <translation>Estimated cost (sites × cost of a site, €)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Coût retenu (€)</source>
            <translation>Cost retained (€)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Origine du coût (agent / estimation)</source>
            <translation>Origin of the cost (officer / estimate)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Subvention État (€)</source>
            <translation>State subsidy (€)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>État du site</source>
            <translation>State of the site</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Estimatif</source>
            <translation>Estimate</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Zones blanches 2G</source>
            <translation>2G white zones</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Zones blanches 3G</source>
            <translation>3G white zones</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Coûts saisis par l'agent</source>
            <translation>Costs entered by the officer</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Demande 4G</source>
            <translation>4G demand</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Points sans 4G</source>
            <translation>Points without 4G</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Distance min (m)</source>
            <translation>Min distance (m)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Distance médiane (m)</source>
            <translation>Median distance (m)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Projets de services et usages par priorité</source>
            <translation>Digital services and uses projects by priority</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Calendrier des initiatives (infrastructures et usages)</source>
            <translation>Calendar of initiatives (infrastructure and uses)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Projets d'usages et leurs jalons, phases des RIP, calendriers AMII.</source>
            <translation>Digital-use projects and their milestones, RIP phases, AMII calendars.</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Calendrier</source>
            <translation>Calendar</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Indicateurs de suivi de la SCORAN</source>
            <translation>SCORAN monitoring indicators</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Indicateurs du semestre pour le territoire ; « Évolutions » : ce qui a changé depuis le millésime précédent, registre par registre — très haut débit fixe (locaux passés au THD, phases retardées, conventions signées), projets d'usages (ajoutés, retirés, statut, budget, début et fin), centres-bourgs (ajoutés, retirés, couverture mobile, état du site, sites nécessaires), coûts et locaux par poste (phases des RIP, reste à planifier, mobile), par département et pour le territoire. Chaque registre est comparé à son dernier millésime enregistré avant celui-ci.</source>
            <translation>Indicators of the half-year for the territory; “Changes”: what changed since the previous vintage, register by register — fixed very high-speed broadband (premises switched to THD, delayed phases, signed agreements), digital-use projects (added, removed, status, budget, start and end), town centres (added, removed, mobile coverage, state of the site, sites needed), costs and premises by item (RIP phases, left to plan, mobile), by department and for the territory. Each register is compared with its last vintage recorded before this one.</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>indicateurs_nationaux.csv, à côté de ce classeur : les mêmes indicateurs à plat pour la consolidation nationale, une ligne par indicateur, territoire et millésime ; colonnes et codes dans la feuille « Dictionnaire ».</source>
            <translation>indicateurs_nationaux.csv, next to this workbook: the same indicators as a flat table for national consolidation, one row per indicator, territory and vintage; columns and codes in the sheet “Dictionary”.</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Indicateurs</source>
            <translation>Indicators</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Évolutions</source>
            <translation>Changes</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Registre</source>
            <translation>Register</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Avant</source>
            <translation>Before</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Maintenant</source>
            <translation>Now</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Dictionnaire</source>
            <translation>Dictionary</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Genre</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Définition</source>
            <translation>Definition</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Unité</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Budget du projet (€)</source>
            <translation>Project budget (€)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Priorités nationales, régionales et initiatives « territoires innovants ».</source>
            <translation>National and regional priorities and “innovative territories” initiatives.</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Le budget est celui du projet entier : sa part par département n'est pas connue ; un projet de plusieurs départements est marqué « partagé avec … ».</source>
            <translation>The budget is that of the whole project: its share per department is not known; a project over several departments is marked “shared with …”.</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Thèmes régionaux : les « un ou deux thèmes supplémentaires » retenus par la région (circulaire, II.B) — {0}. Territoires en difficulté, publics éloignés des usages, mutualisation : oui/non, saisis dans le registre ; besoins émergents, expérimentations, métiers et besoins en formation : texte du registre.</source>
            <translation>Regional themes: the “one or two additional themes” chosen by the region (circular, II.B) — {0}. Disadvantaged territories, digitally excluded people, shared infrastructure: yes/no, entered in the register; emerging needs, experiments, occupations and training needs: text from the register.</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>SDTAN : inventaire des schémas directeurs territoriaux d'aménagement numérique tenu dans le registre (statut, date d'adoption, dernière mise à jour) ; seuls les départements du territoire y figurent.</source>
            <translation>SDTAN: inventory of the territorial digital development master plans kept in the register (status, adoption date, last update); only the departments of the territory appear.</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Projet d'usages</source>
            <translation>Digital-use project</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Phase RIP</source>
            <translation>RIP phase</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>AMII</source>
            <translation>AMII</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Locaux inéligibles (sans haut débit, &lt; {0})</source>
            <translation>Ineligible premises (without broadband, &lt; {0})</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Locaux sous {0}</source>
            <translation>Premises below {0}</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>% de locaux sous {0}</source>
            <translation>% of premises below {0}</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Communes en zone blanche du haut débit (inéligibles ≥ {0})</source>
            <translation>Communes in a broadband white zone (ineligible ≥ {0})</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Communes sans haut débit de qualité (&lt; {0}, ≥ {1} des locaux)</source>
            <translation>Communes without good-quality broadband (&lt; {0}, ≥ {1} of premises)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>% de locaux THD — {0}</source>
            <translation>% of THD premises — {0}</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>% de locaux THD prévu fin 2017 (objectif {0})</source>
            <translation>% of THD premises planned end of 2017 (target {0})</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>% de locaux THD prévu {0} (objectif {1})</source>
            <translation>% of THD premises planned {0} (target {1})</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Coût des phases RIP restant (€)</source>
            <translation>Remaining cost of the RIP phases (€)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Part de l'État (€)</source>
            <translation>State share (€)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Locaux à planifier (dans aucun plan)</source>
            <translation>Premises to plan (in no plan)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Coût du reste à planifier (€)</source>
            <translation>Cost of what is left to plan (€)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Coût du 100 % en 2022 : phases des RIP + reste à planifier (€)</source>
            <translation>Cost of 100% in 2022: RIP phases + left to plan (€)</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Projets d'usages en cours ou réalisés</source>
            <translation>Digital-use projects in progress or completed</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Graphique</source>
            <translation>Chart</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>Trajectoire THD de la région</source>
            <translation>THD trajectory of the region</translation>
        </message>
        <message>
            <location filename="../../export/workbooks.py" />
            <source>% des locaux</source>
            <translation>% of premises</translation>
        </message>
        <message>
            <location filename="../../layers.py" />
            <source>Sites prioritaires</source>
            <translation>Priority sites</translation>
        </message>
        <message>
            <location filename="../../layers.py" />
            <source>Zones blanches du haut débit</source>
            <translation>Broadband white zones</translation>
        </message>
        <message>
            <location filename="../../layers.py" />
            <source>Référentiel SCORAN</source>
            <translation>SCORAN database</translation>
        </message>
        <message>
            <location filename="../../layers.py" />
            <source>Tables</source>
            <translation>Tables</translation>
        </message>
        <message>
            <location filename="../../layers.py" />
            <source>Très bonne couverture</source>
            <translation>Very good coverage</translation>
        </message>
        <message>
            <location filename="../../layers.py" />
            <source>Bonne couverture</source>
            <translation>Good coverage</translation>
        </message>
        <message>
            <location filename="../../layers.py" />
            <source>Couverture limitée</source>
            <translation>Limited coverage</translation>
        </message>
        <message>
            <location filename="../../layers.py" />
            <source>Enseignement</source>
            <translation>Education</translation>
        </message>
        <message>
            <location filename="../../layers.py" />
            <source>Équipements (BPE)</source>
            <translation>Facilities (BPE)</translation>
        </message>
        <message>
            <location filename="../../layers.py" />
            <source>2016 ou avant</source>
            <translation>2016 or earlier</translation>
        </message>
        <message>
            <location filename="../../layers.py" />
            <source>Après 2022</source>
            <translation>After 2022</translation>
        </message>
        <message>
            <location filename="../../layers.py" />
            <source>Non planifié</source>
            <translation>Not planned</translation>
        </message>
        <message>
            <location filename="../../layers.py" />
            <source>Rien à résorber</source>
            <translation>Nothing to clear</translation>
        </message>
        <message>
            <location filename="../../layers.py" />
            <source>Aucun local à moins de la distance maximale</source>
            <translation>No premises within the maximum distance</translation>
        </message>
        <message>
            <location filename="../../layers.py" />
            <source>Zone très dense</source>
            <translation>Very dense area (ZTD)</translation>
        </message>
        <message>
            <location filename="../../layers.py" />
            <source>AMII (initiative privée)</source>
            <translation>AMII (private initiative)</translation>
        </message>
        <message>
            <location filename="../../layers.py" />
            <source>RIP (initiative publique)</source>
            <translation>RIP (public-initiative network)</translation>
        </message>
        <message>
            <location filename="../../layers.py" />
            <source>Aucun projet</source>
            <translation>No plan</translation>
        </message>
        <message>
            <location filename="../../ui/register_model.py" />
            <source>Priorité</source>
            <translation>Priority</translation>
        </message>
        <message>
            <source>Table inconnue : {0}.</source>
            <translation type="vanished">Unknown table: {0}.</translation>
        </message>
        <message>
            <source>La table {0} n'existe pas dans le schéma {1} : lancez d'abord l'import.</source>
            <translation type="vanished">Table {0} does not exist in schema {1}: run the import first.</translation>
        </message>
        <message>
            <source>Services et usages numériques : projets par domaine</source>
            <translation type="vanished">Digital services and uses: projects by domain</translation>
        </message>
        <message>
            <source>Indicateurs du semestre pour le territoire ; « Évolutions » : ce qui a changé depuis le millésime précédent (locaux passés au THD, phases retardées, conventions signées).</source>
            <translation type="vanished">Indicators of the half-year for the territory; “Changes”: what changed since the previous vintage (premises switched to THD, delayed phases, signed agreements).</translation>
        </message>
    </context>
</TS>
