"""Cost parameters: State aid per department (rate and cap per premise) and unit costs.

Shipped defaults (resources/data/*.csv) are copied into the store's `aides_departements` and
`couts_unitaires` tables when those are empty; officers then edit the tables in QGIS (or give their
own layers). Whatever the path, a table is read through `validate_aid` / `validate_unit_costs`:
French numbers are understood, absurd values are refused with the table, column, rows and values.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import ScoranError
from .i18n import quoted, tr
from .tables import parse_french_numbers

DATA = Path(__file__).resolve().parent.parent / "resources" / "data"
DEFAULT_AID = DATA / "aides_etat_departements.csv"
DEFAULT_UNIT_COSTS = DATA / "couts_unitaires.csv"
# The rules that no text fixes (département scale, density classes, split of the local share):
# sourced, editable defaults, one per line (cle;valeur;source;commentaire).
DEFAULT_RULES = DATA / "regles_par_defaut.csv"
RULE_COLUMNS = ("cle", "valeur", "source", "commentaire")
RULE_KEYS = ("echelle_departementale_part_min", "densite_urbain_min_locaux", "densite_periurbain_min_locaux",
             "part_region", "part_departement", "part_epci", "part_feder")
SHARE_KEYS = ("part_region", "part_departement", "part_epci", "part_feder")
DENSITIES = ("urbain", "periurbain", "rural", "*")
# The technologies a RIP phase may use (the CHECK of rip_phases in schema.py): each needs a unit cost.
PLAN_TECHNOLOGIES = ("FTTH", "MED", "THDR", "SAT")
AID_COLUMNS = ("insee_dep", "taux", "plafond_par_local")
UNIT_COST_COLUMNS = ("technologie", "densite", "cout_par_local")
_DEPARTMENT = re.compile(r"^(?:0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-8]|\*)$")
SHOWN_ROWS = 5


def read_defaults(path: Path) -> pd.DataFrame:
    """A shipped cost table (`;`, UTF-8), validated like any other."""
    path = Path(path)
    try:
        frame = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as error:
        raise ScoranError(tr("Table de coûts illisible : {0} ({1}).").format(path, error)) from None
    if "taux" in frame.columns or "plafond_par_local" in frame.columns:
        return validate_aid(frame, path.name)
    return validate_unit_costs(frame, path.name)


def seed_store(store) -> None:
    """Copy the shipped defaults into the store tables that are still empty."""
    with store.transaction() as conn:
        if not conn.execute("SELECT count(*) FROM aides_departements").fetchone()[0]:
            store.insert(conn, "aides_departements", read_defaults(DEFAULT_AID).to_dict("records"))
        if not conn.execute("SELECT count(*) FROM couts_unitaires").fetchone()[0]:
            store.insert(conn, "couts_unitaires", read_defaults(DEFAULT_UNIT_COSTS).to_dict("records"))


def density_limits(path: Path | None = None) -> tuple:
    """((urban minimum, "urbain"), (peri-urban minimum, "periurbain")): premises per commune, from the
    rules file (`densite_urbain_min_locaux`, `densite_periurbain_min_locaux`)."""
    rules = read_rules(path)
    return ((rules["densite_urbain_min_locaux"], "urbain"), (rules["densite_periurbain_min_locaux"], "periurbain"))


def density_class(premises_in_commune: np.ndarray, limits=None) -> np.ndarray:
    """`urbain` (≥ 2 000 premises by default), `periurbain` (≥ 300), else `rural`; the limits come from
    the rules file (`density_limits`) unless given."""
    limits = density_limits() if limits is None else limits
    result = np.full(len(premises_in_commune), "rural", dtype=object)
    for limit, name in reversed(limits):
        result[np.asarray(premises_in_commune) >= limit] = name
    return result


# ---------------------------------------------------------------------------------------------
# Rules without a fixed source: sourced, editable defaults


def rules_table(path: Path | None = None) -> pd.DataFrame:
    """The rules file as a table (cle, valeur as float, source, commentaire), checked: every key known
    and present once, a number in every `valeur`, the département share in ]0 ; 1], the density limits
    positive with urban above peri-urban, the four shares of the local remainder in [0 ; 1] adding up
    to 1. Raises ScoranError naming the file, rows and values of every problem."""
    path = Path(path or DEFAULT_RULES)
    try:
        frame = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as error:
        raise ScoranError(tr("Fichier des règles par défaut illisible : {0} ({1}).").format(path, error)) from None
    check = _Checker(frame, tr("des règles par défaut"), path.name)
    check.require(RULE_COLUMNS)
    keys = check.text("cle")
    check.flag(~keys.isin(RULE_KEYS).to_numpy(), "cle",
               tr("clé inconnue (attendu : {0})").format(", ".join(RULE_KEYS)))
    check.duplicates(keys.to_frame(), keys.isin(RULE_KEYS).to_numpy(), "cle", tr("clé en double"))
    value, percent = parse_french_numbers(check.frame["valeur"])
    value = np.where(percent, value / 100.0, value)
    check.flag(np.isnan(value) | ~np.isfinite(value), "valeur", tr("valeur illisible : écrivez un nombre"))
    values = dict(zip(keys, value))
    for key in RULE_KEYS:
        if key not in values:
            check.problems.append(tr("Table {0} « {1} » : la clé « {2} » manque.").format(
                check.table, check.source, key))
    check.done()
    is_key = keys.to_numpy()
    share = values["echelle_departementale_part_min"]
    check.flag((is_key == "echelle_departementale_part_min") & ~((share > 0) & (share <= 1)), "valeur",
               tr("part hors de ]0 ; 1] (0,8 ou 80 % pour 80 %)"))
    urban, periurban = values["densite_urbain_min_locaux"], values["densite_periurbain_min_locaux"]
    check.flag(np.isin(is_key, ["densite_urbain_min_locaux", "densite_periurbain_min_locaux"]) & (value <= 0),
               "valeur", tr("nombre de locaux nul ou négatif"))
    check.flag((is_key == "densite_urbain_min_locaux") & (urban <= periurban), "valeur",
               tr("le seuil urbain doit dépasser le seuil périurbain"))
    shares = np.array([values[k] for k in SHARE_KEYS])
    check.flag(np.isin(is_key, SHARE_KEYS) & ((value < 0) | (value > 1)), "valeur", tr("part hors de [0 ; 1]"))
    if abs(shares.sum() - 1.0) > 1e-6:
        check.problems.append(tr("Table {0} « {1} » : les parts {2} doivent faire 100 % (total lu : {3:.1f} %).")
                              .format(check.table, check.source, ", ".join(SHARE_KEYS), 100 * shares.sum()))
    check.done()
    return pd.DataFrame({"cle": keys.to_numpy(object), "valeur": value.astype(float),
                         "source": check.text("source").to_numpy(object),
                         "commentaire": check.text("commentaire").to_numpy(object)})


def read_rules(path: Path | None = None) -> dict:
    """The rules file as {cle: valeur} (floats), checked by `rules_table`."""
    table = rules_table(path)
    return dict(zip(table["cle"], table["valeur"]))


def default_shares(path: Path | None = None) -> dict:
    """Split of the local remainder: {"region", "departement", "epci", "feder"} → share (0–1)."""
    rules = read_rules(path)
    return {key[len("part_"):]: rules[key] for key in SHARE_KEYS}


def rules_readme(path: Path | None = None) -> list[str]:
    """One French line per rule — value, meaning, source — for the read-me sheet of a workbook."""
    table = rules_table(path)
    lines = [tr("Règles par défaut ({0}, modifiables) :").format(Path(path or DEFAULT_RULES).name)]
    for row in table.itertuples():
        value = f"{row.valeur:g}".replace(".", ",")
        lines.append(tr("{0} = {1} : {2}. Source : {3}.").format(row.cle, value, row.commentaire, row.source))
    return lines


# ---------------------------------------------------------------------------------------------
# Validation


class _Checker:
    """Collects the problems of one table, column by column, and raises them all at once."""

    def __init__(self, frame: pd.DataFrame, table: str, source_name: str):
        if not isinstance(frame, pd.DataFrame):
            frame = pd.DataFrame(frame)
        self.frame = frame.reset_index(drop=True)
        self.table, self.source = table, source_name
        self.problems: list[str] = []

    def require(self, columns) -> None:
        missing = [c for c in columns if c not in self.frame.columns]
        if missing:
            raise ScoranError(tr("Table {0} « {1} » : colonne(s) {2} absente(s) (colonnes lues : {3}).").format(
                self.table, self.source, ", ".join(missing), ", ".join(map(str, self.frame.columns)) or "-"))

    def flag(self, bad: np.ndarray, column: str, problem: str, shown=None) -> None:
        """Record a problem on the rows where `bad` is true (1-based rows, the first few with their value)."""
        rows = np.flatnonzero(bad)
        if not len(rows):
            return
        values = self.frame[column] if shown is None else shown
        shown = ", ".join(quoted(_show(values.iat[i])) for i in rows[:SHOWN_ROWS])
        numbers = ", ".join(str(i + 1) for i in rows[:SHOWN_ROWS]) + ("…" if len(rows) > SHOWN_ROWS else "")
        self.problems.append(tr("Table {0} « {1} », colonne « {2} » : {3}. {4} ligne(s) en cause : {5} "
                                "(valeur(s) lue(s) : {6}).").format(
            self.table, self.source, column, problem, len(rows), numbers, shown))

    def done(self) -> None:
        if self.problems:
            raise ScoranError("\n".join(self.problems))

    def text(self, column: str) -> pd.Series:
        values = self.frame[column]
        return values.where(values.notna(), "").astype(str).str.strip()

    def duplicates(self, keys: pd.DataFrame, valid: np.ndarray, column: str, problem: str) -> None:
        """Rows whose (valid) key appears more than once; invalid keys are already reported."""
        bad = keys.duplicated(keep=False).to_numpy() & valid
        shown = keys.astype(str).agg(" / ".join, axis=1) if keys.shape[1] > 1 else keys.iloc[:, 0]
        self.flag(bad, column, problem, shown)


def _show(value) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)) or str(value).strip() == "":
        return tr("(vide)")
    return str(value)


def _plain(text: pd.Series) -> pd.Series:
    """Lower case without accents, spaces, hyphens or underscores (`Péri-urbain` → `periurbain`)."""
    folded = text.map(lambda v: unicodedata.normalize("NFKD", v).encode("ascii", "ignore").decode())
    return folded.str.lower().str.replace(r"[\s_\-]", "", regex=True)


def _department_codes(text: pd.Series) -> pd.Series:
    """`21`, `21.0`, `1` → `01`, `2a` → `2A`; `*` stays."""
    codes = text.str.upper().str.replace(r"\.0$", "", regex=True)
    return codes.where(~codes.str.fullmatch(r"\d"), "0" + codes)


def validate_aid(frame: pd.DataFrame, source_name: str | None = None) -> pd.DataFrame:
    """The State aid table, checked and typed: insee_dep (text), taux in [0, 1], plafond_par_local ≥ 0.

    A rate may be written `0,33`, `33 %` or `33%`; a bare number above 1 is refused (ambiguous).
    Raises ScoranError naming the table, column, 1-based rows and values of every problem.
    """
    check = _Checker(frame, tr("des aides de l'État"), source_name or "aides_departements")
    check.require(AID_COLUMNS)
    departments = _department_codes(check.text("insee_dep"))
    valid = departments.str.fullmatch(_DEPARTMENT.pattern).to_numpy(dtype=bool)
    check.flag(~valid, "insee_dep",
               tr("code de département vide ou invalide (01…95, 2A, 2B, 971…976, ou * pour les autres)"))
    number, percent = parse_french_numbers(check.frame["taux"])
    rate = np.where(percent, number / 100.0, number)
    unreadable = np.isnan(rate)
    check.flag(unreadable, "taux", tr("taux illisible : écrivez un nombre entre 0 et 1 (0,33) ou un pourcentage "
                                      "(33 %)"))
    outside = ~unreadable & ((rate < 0) | (rate > 1) | ~np.isfinite(rate))
    check.flag(outside & ~percent & (rate > 1) & np.isfinite(rate), "taux",
               tr("taux supérieur à 1 : écrivez 0,33 ou 33 % pour un taux de 33 %"))
    check.flag(outside & (percent | (rate < 0) | ~np.isfinite(rate)), "taux",
               tr("taux hors de [0 ; 1] (de 0 % à 100 %)"))
    cap, cap_percent = parse_french_numbers(check.frame["plafond_par_local"])
    cap_bad = np.isnan(cap) | cap_percent | ~np.isfinite(cap)
    check.flag(cap_bad, "plafond_par_local",
               tr("plafond par local illisible : écrivez un montant en euros (ex. 437 ou 1 234,5)"))
    check.flag(~cap_bad & (cap < 0), "plafond_par_local", tr("plafond par local négatif"))
    check.duplicates(departments.to_frame(), valid, "insee_dep",
                     tr("département en double (une seule ligne par département)"))
    check.done()
    clean = pd.DataFrame({"insee_dep": departments.to_numpy(object), "taux": rate.astype(float),
                          "plafond_par_local": cap.astype(float)})
    if "source" in check.frame.columns:
        clean["source"] = check.frame["source"].where(check.frame["source"].notna(), None).to_numpy(object)
    return clean


def validate_unit_costs(frame: pd.DataFrame, source_name: str | None = None) -> pd.DataFrame:
    """The unit cost table, checked and typed: technologie (FTTH, MED, THDR, SAT), densite (urbain,
    periurbain, rural or *), cout_par_local > 0 euros; one row per (technologie, densite).

    Raises ScoranError naming the table, column, 1-based rows and values of every problem.
    """
    check = _Checker(frame, tr("des coûts unitaires"), source_name or "couts_unitaires")
    check.require(UNIT_COST_COLUMNS)
    technology = check.text("technologie").str.upper()
    known = technology.isin(PLAN_TECHNOLOGIES).to_numpy()
    check.flag(~known, "technologie",
               tr("technologie vide ou inconnue (attendu : {0})").format(", ".join(PLAN_TECHNOLOGIES)))
    density = _plain(check.text("densite"))
    known &= density.isin(DENSITIES).to_numpy()
    check.flag(~density.isin(DENSITIES).to_numpy(), "densite",
               tr("classe de densité vide ou inconnue (attendu : urbain, periurbain, rural ou * pour toutes)"))
    cost, cost_percent = parse_french_numbers(check.frame["cout_par_local"])
    cost_bad = np.isnan(cost) | cost_percent | ~np.isfinite(cost)
    check.flag(cost_bad, "cout_par_local",
               tr("coût par local illisible : écrivez un montant en euros (ex. 2 200 ou 1 234,5)"))
    check.flag(~cost_bad & (cost <= 0), "cout_par_local", tr("coût par local nul ou négatif"))
    check.duplicates(pd.DataFrame({"technologie": technology, "densite": density}), known, "technologie, densite",
                     tr("couple technologie et densité en double (une seule ligne par couple)"))
    check.done()
    clean = pd.DataFrame({"technologie": technology.to_numpy(object), "densite": density.to_numpy(object),
                          "cout_par_local": cost.astype(float)})
    if "source" in check.frame.columns:
        clean["source"] = check.frame["source"].where(check.frame["source"].notna(), None).to_numpy(object)
    return clean


# ---------------------------------------------------------------------------------------------
# Look-ups


def aid_for(departements, aid: pd.DataFrame, source_name: str | None = None) -> pd.DataFrame:
    """Rate and cap for each department code (the `*` row when a department has none)."""
    return _aid_lookup(departements, validate_aid(aid, source_name))


def _aid_lookup(departements, clean: pd.DataFrame) -> pd.DataFrame:
    codes = pd.Series(list(departements), dtype=object)
    codes = codes.where(codes.notna(), "").astype(str)
    table = clean.set_index("insee_dep")[["taux", "plafond_par_local"]]
    known = codes.isin(table.index).to_numpy()
    if "*" not in table.index and not known.all():
        missing = sorted(set(codes[~known]))
        raise ScoranError(tr("Taux et plafond d'aide de l'État absents pour le(s) département(s) {0} "
                             "(et pas de ligne « * » par défaut).").format(", ".join(_show(m) for m in missing)))
    keys = codes.where(known, "*")
    found = table.reindex(keys.to_numpy())
    return pd.DataFrame({"taux": found["taux"].to_numpy(dtype=float),
                         "plafond_par_local": found["plafond_par_local"].to_numpy(dtype=float)},
                        index=codes.to_list())


def unit_cost(technologies, densities, costs: pd.DataFrame, source_name: str | None = None) -> np.ndarray:
    """Cost per premise for each (technology, density); `*` density matches any."""
    return _unit_cost_lookup(technologies, densities, validate_unit_costs(costs, source_name))


def _unit_cost_lookup(technologies, densities, clean: pd.DataFrame) -> np.ndarray:
    raw = pd.Series(list(technologies), dtype=object)
    technology = raw.where(raw.notna(), "").astype(str).str.strip().str.upper().to_numpy(object)
    density = np.asarray(list(densities), dtype=object)
    if not len(technology):
        return np.zeros(0)
    exact = clean.set_index(["technologie", "densite"])["cout_par_local"]
    values = exact.reindex(pd.MultiIndex.from_arrays([technology, density])).to_numpy(dtype=float)
    any_density = clean[clean["densite"] == "*"].set_index("technologie")["cout_par_local"]
    values = np.where(np.isnan(values), any_density.reindex(technology).to_numpy(dtype=float), values)
    missing = np.flatnonzero(np.isnan(values))
    if len(missing):
        first = missing[0]
        raise ScoranError(tr("Coût unitaire absent pour la technologie {0} (densité {1}).").format(
            _show(raw.iat[first]), density[first]))
    return values


def phase_unit_costs(coverage: pd.DataFrame, phases: pd.DataFrame, costs: pd.DataFrame,
                     source_name: str | None = None) -> np.ndarray:
    """Average cost per premise of each phase (in `phases` order), weighted by the premises of each of
    its communes at that commune's density; a phase without premises costs its technology's rural rate.

    `coverage` has phase_id, code_insee, nb_locaux per premise; the density of a commune counts all
    its premises (THD or not).
    """
    clean = validate_unit_costs(costs, source_name)
    commune_total = coverage.groupby("code_insee")["nb_locaux"].sum()
    per = (coverage.dropna(subset=["phase_id"]).groupby(["phase_id", "code_insee"])["nb_locaux"].sum()
           .reset_index())
    technology = phases.drop_duplicates("phase_id").set_index("phase_id")["technologie"]
    per = per[per["phase_id"].isin(technology.index)]
    density = density_class(per["code_insee"].map(commune_total).to_numpy())
    cost = _unit_cost_lookup(per["phase_id"].map(technology), density, clean)
    weight = per["nb_locaux"].to_numpy(dtype=float)
    sums = pd.DataFrame({"cost": cost * weight, "n": weight}).groupby(per["phase_id"].to_numpy()).sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        weighted = sums["cost"] / sums["n"]
    # every phase's rural rate is looked up, so an unknown technology is refused even without premises
    fallback = _unit_cost_lookup(phases["technologie"], ["rural"] * len(phases), clean)
    values = phases["phase_id"].map(weighted).to_numpy(dtype=float)
    return np.where(np.isnan(values), fallback, values)
