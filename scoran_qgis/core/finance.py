"""Financial needs of the fixed THD plans (SCORAN deliverable 7) and the 2015–2017 phasing.

Both tables come from ONE computation, `phase_schedule`:

1. Premises counted in a phase: not THD yet, in a phase that is not abandoned, and not in an AMII
   or ZTD commune (private initiative: no premise, cost or State share in a RIP phase).
2. Per phase × department: premises, estimated cost (premises × unit cost of the technology at the
   density of the commune), the cost used (the officer's `cout_prevu` of the phase when given,
   shared among the departments in proportion to the premises and reduced in proportion to the
   premises left to private initiative; the estimate otherwise), State share = min(rate × cost,
   cap × premises) with the department's rate and cap, the rest for local authorities.
3. Spreading rule: a phase with a start and an end semester is spread evenly over its semesters —
   money divided by the number of semesters (to the cent, the shares adding up to the amount),
   premises as whole numbers (the first semesters take the remainder); a phase with an end only
   falls in its end semester; a phase without a valid end (or ending before it starts) is kept
   undated (in the needs, in no year of the phasing).

The phasing sums the schedule per phase, department and year; the needs show it per phase,
department and semester with totals — so for each project and year both give the same figures.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .costs import _aid_lookup, _unit_cost_lookup, default_shares, density_class, validate_aid, validate_unit_costs
from .errors import ScoranError
from .i18n import tr
from .tables import parse_french_numbers

PRIVATE_ZONES = ("AMII", "ZTD")
AMOUNT_COLUMNS = ["locaux", "cout_total", "part_etat", "reste_collectivites", "part_region", "part_departement",
                  "part_epci", "part_feder"]
EXTRA_AMOUNTS = ["raccordables", "cout_estime"]
NEEDS_COLUMNS = ["niveau", "code", "rip_id", "phase_id", "technologie", "semestre", "code_dep", "taux_etat",
                 "plafond_par_local", "plafond_atteint", *AMOUNT_COLUMNS, "annee", *EXTRA_AMOUNTS, "source_cout"]
PHASING_COLUMNS = ["rip_id", "phase_id", "technologie", "annee", "locaux", "cout", "code_dep", "raccordables",
                   "part_etat", "reste_collectivites", "cout_estime", "source_cout"]
SCHEDULE_COLUMNS = ["rip_id", "phase_id", "technologie", "code_dep", "semestre", "annee", "locaux", "raccordables",
                    "cout_estime", "cout_total", "source_cout", "taux_etat", "plafond_par_local", "plafond_atteint",
                    "part_etat", "reste_collectivites"]
PHASING_YEARS = (2015, 2016, 2017)
COST_GIVEN, COST_ESTIMATED = "cout_prevu", "estimation"


def _default_shares() -> dict:
    return default_shares()


def check_shares(shares: dict) -> dict:
    total = sum(shares.values())
    if any(v < 0 for v in shares.values()) or abs(total - 1.0) > 1e-6:
        raise ScoranError(tr("Les parts des collectivités (Région, Département, EPCI, FEDER) doivent être positives "
                             "et faire 100 % (total reçu : {0:.1f} %).").format(100 * total))
    return shares


def counted_premises(coverage: pd.DataFrame, phases: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(counted, private): per premise, whether it counts in its phase (not THD yet, in a phase that is
    known and not abandoned, outside AMII/ZTD communes), and whether it would but lies in an AMII/ZTD
    commune. `coverage` has deja_thd, phase_id and, when known, zone (else chevauchement_amii)."""
    live = phases[phases["statut"].fillna("").astype(str).str.strip().str.lower() != "abandonne"]
    in_phase = coverage["phase_id"].isin(set(live["phase_id"])).to_numpy()
    waiting = ~coverage["deja_thd"].to_numpy(dtype=bool) & in_phase
    if "zone" in coverage:
        private = coverage["zone"].isin(PRIVATE_ZONES).to_numpy()
    elif "chevauchement_amii" in coverage:
        private = coverage["chevauchement_amii"].fillna(False).to_numpy(dtype=bool)
    else:
        private = np.zeros(len(coverage), dtype=bool)
    return waiting & ~private, waiting & private


def officer_costs(phases: pd.DataFrame) -> pd.Series:
    """The officer's `cout_prevu` per phase_id (NaN when empty, unreadable or not above 0)."""
    if "cout_prevu" not in phases:
        return pd.Series(np.nan, index=phases["phase_id"].to_numpy(object), dtype=float)
    values, percent = parse_french_numbers(phases["cout_prevu"].reset_index(drop=True))
    values = np.where(percent | ~np.isfinite(values) | (values <= 0), np.nan, values)
    return pd.Series(values, index=phases["phase_id"].to_numpy(object), dtype=float)


def _spans(phases: pd.DataFrame) -> pd.DataFrame:
    """Per phase_id: first semester index and number of semesters (-1, 1 when undated)."""
    from .thd import semester_indices

    start = semester_indices(phases["semestre_debut"]) if "semestre_debut" in phases else np.full(len(phases), -1)
    end = semester_indices(phases["semestre_fin"])
    start = np.where(start < 0, end, start)  # an end only: its end semester
    dated = (end >= 0) & (start <= end)
    return pd.DataFrame({"first": np.where(dated, start, -1), "count": np.where(dated, end - start + 1, 1)},
                        index=phases["phase_id"].to_numpy(object))


def commune_densities(premises: pd.DataFrame) -> np.ndarray:
    """Per premise, the density class of its commune (`density_class` of all the commune's premises,
    THD or not): the class a RIP phase's estimate and the rest to plan both cost with."""
    return density_class(premises.groupby("code_insee")["nb_locaux"].transform("sum").to_numpy())


def state_share(rows: pd.DataFrame, aid: pd.DataFrame) -> pd.DataFrame:
    """The State aid rule, in place on rows with code_dep, cout_total and locaux (`aid` validated):
    taux_etat, plafond_par_local of the département, part_etat = min(taux × coût, plafond × locaux),
    plafond_atteint, reste_collectivites = coût − part de l'État."""
    rates = _aid_lookup(rows["code_dep"].tolist(), aid)
    rows["taux_etat"] = rates["taux"].to_numpy()
    rows["plafond_par_local"] = rates["plafond_par_local"].to_numpy()
    rate_share, cap_share = rows["taux_etat"] * rows["cout_total"], rows["plafond_par_local"] * rows["locaux"]
    rows["part_etat"] = np.minimum(rate_share, cap_share)
    rows["plafond_atteint"] = cap_share < rate_share
    rows["reste_collectivites"] = rows["cout_total"] - rows["part_etat"]
    return rows


def phase_schedule(premises: pd.DataFrame, coverage: pd.DataFrame, phases: pd.DataFrame, aid: pd.DataFrame,
                   costs: pd.DataFrame, aid_name: str | None = None, costs_name: str | None = None) -> pd.DataFrame:
    """The one computation behind the phasing and the financial needs (see the module's rules).

    `premises` has code_insee, code_dep, nb_locaux; `coverage` (same rows) deja_thd, phase_id and zone;
    `phases` phase_id, rip_id, technologie, semestre_debut, semestre_fin, statut and, when given,
    cout_prevu. One row per phase × department × semester (SCHEDULE_COLUMNS).
    """
    aid = validate_aid(aid, aid_name)
    costs = validate_unit_costs(costs, costs_name)
    phases = phases.drop_duplicates("phase_id").reset_index(drop=True)
    counted, private = counted_premises(coverage, phases)
    nb = premises["nb_locaux"].to_numpy()
    frame = pd.DataFrame({
        "phase_id": coverage["phase_id"].to_numpy(object)[counted],
        "code_dep": premises["code_dep"].to_numpy(object)[counted],
        "densite": commune_densities(premises)[counted],
        "locaux": nb[counted],
    })
    info = phases.set_index("phase_id")
    frame["technologie"] = frame["phase_id"].map(info["technologie"])
    frame["cout_estime"] = frame["locaux"] * _unit_cost_lookup(frame["technologie"], frame["densite"], costs)
    rows = frame.groupby(["phase_id", "code_dep"], sort=True)[["locaux", "cout_estime"]].sum().reset_index()
    rows["rip_id"] = rows["phase_id"].map(info["rip_id"])
    rows["technologie"] = rows["phase_id"].map(info["technologie"])

    # the officer's cost of the phase, shared by premises, without the private-initiative premises
    given = rows["phase_id"].map(officer_costs(phases))
    public = rows.groupby("phase_id")["locaux"].transform("sum")
    left_out = pd.Series(nb[private]).groupby(coverage["phase_id"].to_numpy(object)[private]).sum()
    everyone = public + rows["phase_id"].map(left_out).fillna(0)
    share = (rows["locaux"] / everyone.where(everyone > 0)).fillna(0)
    rows["cout_total"] = np.where(given.notna(), given * share, rows["cout_estime"])
    rows["source_cout"] = np.where(given.notna(), COST_GIVEN, COST_ESTIMATED)

    state_share(rows, aid)

    # spreading: one row per semester of the phase
    spans = _spans(phases)
    first = rows["phase_id"].map(spans["first"]).to_numpy(dtype=np.int64)
    count = rows["phase_id"].map(spans["count"]).to_numpy(dtype=np.int64)
    spread = rows.loc[rows.index.repeat(count)].reset_index(drop=True)
    offset = _offsets(count)
    k = np.repeat(count, count)
    n = spread["locaux"].to_numpy(dtype=np.int64)
    spread["locaux"] = n // k + (offset < n % k)
    for column in ("cout_estime", "cout_total", "part_etat", "reste_collectivites"):
        # even shares to the cent, whose sum is the phase's amount exactly
        value = spread[column].to_numpy(dtype=float)
        spread[column] = (np.round(value * (offset + 1) / k, 2) - np.round(value * offset / k, 2)).round(2)
    index = np.repeat(first, count) + offset
    dated = np.repeat(first, count) >= 0
    spread["semestre"] = np.where(dated, [f"{i // 2}-S{i % 2 + 1}" for i in index], None)
    spread["annee"] = pd.array(np.where(dated, index // 2, 0), dtype="Int64")
    spread["annee"] = spread["annee"].where(dated, pd.NA)
    spread["raccordables"] = np.where(spread["technologie"].astype(str).str.upper() == "FTTH", spread["locaux"], 0)
    return spread.reindex(columns=SCHEDULE_COLUMNS)


def schedule_notes(coverage: pd.DataFrame, phases: pd.DataFrame, schedule: pd.DataFrame) -> list[str]:
    """What the schedule leaves out, said in French for the log: premises of AMII/ZTD communes inside
    RIP phases, abandoned phases, phases whose officer's cost has no premise to fall on."""
    notes = []
    _, private = counted_premises(coverage, phases)
    if private.any():
        notes.append(tr("{0} locaux de communes AMII ou ZTD dans des phases de RIP : initiative privée, hors des "
                        "locaux, coûts et parts de l'État des phases.").format(
            int(coverage["nb_locaux"].to_numpy()[private].sum()) if "nb_locaux" in coverage else int(private.sum())))
    abandoned = phases.loc[phases["statut"].fillna("").astype(str).str.strip().str.lower() == "abandonne", "phase_id"]
    if len(abandoned):
        notes.append(tr("Phase(s) abandonnée(s), hors du phasage et des besoins : {0}.").format(
            ", ".join(map(str, abandoned))))
    given = officer_costs(phases.drop_duplicates("phase_id"))
    lost = sorted(str(p) for p in given[given.notna()].index if p not in set(schedule["phase_id"])
                  and p not in set(abandoned))
    if lost:
        notes.append(tr("Coût saisi (cout_prevu) sans local restant à desservir dans la phase, non compté : {0}.")
                     .format(", ".join(lost)))
    return notes


def _offsets(count: np.ndarray) -> np.ndarray:
    """0, 1, …, count-1 for each row, concatenated (vectorised cumcount)."""
    total = int(count.sum())
    starts = np.repeat(np.cumsum(count) - count, count)
    return np.arange(total) - starts


def phasing(schedule: pd.DataFrame, years=PHASING_YEARS) -> pd.DataFrame:
    """The triennial phasing: the schedule summed per project, phase, department and year (PHASING_COLUMNS)."""
    dated = schedule[schedule["annee"].notna()]
    dated = dated[dated["annee"].astype(int).isin(list(years))]
    keys = ["rip_id", "phase_id", "technologie", "code_dep", "annee"]
    table = dated.groupby(keys, sort=True)[["locaux", "raccordables", "cout_total", "part_etat",
                                            "reste_collectivites", "cout_estime"]].sum().reset_index()
    table["source_cout"] = table.set_index(["phase_id", "code_dep"]).index.map(
        schedule.drop_duplicates(["phase_id", "code_dep"]).set_index(["phase_id", "code_dep"])["source_cout"])
    table = table.rename(columns={"cout_total": "cout"})
    money = ["cout", "part_etat", "reste_collectivites", "cout_estime"]
    table[money] = table[money].astype(float).round(2)
    table["annee"] = table["annee"].astype(int)
    return table.reindex(columns=PHASING_COLUMNS)


def financial_needs(premises: pd.DataFrame, coverage: pd.DataFrame, phases: pd.DataFrame, aid: pd.DataFrame,
                    costs: pd.DataFrame, shares: dict | None = None, aid_name: str | None = None,
                    costs_name: str | None = None, schedule: pd.DataFrame | None = None) -> pd.DataFrame:
    """Rows per phase × department × semester (with its year), then totals per project, department,
    semester and territory (NEEDS_COLUMNS); `schedule` when already computed by `phase_schedule`.

    Both cost tables are validated first (`aid_name`, `costs_name`: how the messages name them).
    """
    shares = check_shares(dict(shares or _default_shares()))
    if schedule is None:
        schedule = phase_schedule(premises, coverage, phases, aid, costs, aid_name, costs_name)
    rows = schedule.copy()
    for name, share in shares.items():
        rows[f"part_{name}"] = rows["reste_collectivites"] * share
    sums = AMOUNT_COLUMNS + EXTRA_AMOUNTS
    detail = rows.assign(niveau="phase", code=rows["phase_id"])  # keys the deliverables read: not translated
    totals = [detail]
    for level, key in (("projet", "rip_id"), ("département", "code_dep"), ("semestre", "semestre")):
        grouped = rows.groupby(key)[sums].sum().reset_index().rename(columns={key: "code"})
        if key == "semestre":
            grouped["annee"] = grouped["code"].str[:4].astype(int)
        totals.append(grouped.assign(niveau=level))
    totals.append(rows[sums].sum().to_frame().T.assign(niveau="territoire", code="Ensemble"))
    table = pd.concat(totals, ignore_index=True)
    money = [c for c in sums if c not in ("locaux", "raccordables")]
    table[money] = table[money].astype(float).round(2)
    table[["locaux", "raccordables"]] = table[["locaux", "raccordables"]].astype(np.int64)
    table["annee"] = table["annee"].astype("Int64")
    return table.reindex(columns=NEEDS_COLUMNS)


# ---------------------------------------------------------------------------------------------
# The cost of 100 % in 2022: what no plan covers yet, costed like a RIP phase's estimate

REMAINING_TECHNOLOGY = "FTTH"
REMAINING_COLUMNS = ["niveau", "code", "locaux", "cout_total", "part_etat", "reste_collectivites", "part_region",
                     "part_departement", "part_epci", "part_feder", "locaux_sans_projet", "locaux_rip_sans_phase",
                     "locaux_urbain", "locaux_periurbain", "locaux_rural", "cout_par_local", "technologie",
                     "taux_etat", "plafond_par_local", "plafond_atteint"]
DENSITY_CLASSES = ("urbain", "periurbain", "rural")
COST_FIGURES = ["locaux", "cout_total", "part_etat", "reste_collectivites"]
COST_COLUMNS = ["niveau", "code", "poste", *COST_FIGURES]
# postes of the cost of 100 %: the RIP phases' needs, the rest to plan, and their sum
RIP, REMAINING, FULL = "rip", "reste_a_planifier", "total"


def unplanned_premises(coverage: pd.DataFrame, phases: pd.DataFrame) -> np.ndarray:
    """Per premise, whether it is left to plan: not THD yet, outside the AMII and ZTD communes (private
    initiative) and counted in no RIP phase (`counted_premises`: no phase, or an abandoned one whose
    area no live phase took back). `coverage` needs `zone` (the output of Couverture THD)."""
    if "zone" not in coverage:
        raise ScoranError(tr("Le champ « zone » (ZTD, AMII, RIP, aucun) manque dans la couche de couverture : "
                             "le reste à planifier ne peut pas être calculé. Donnez la sortie de « Couverture THD »."))
    counted, _ = counted_premises(coverage, phases.drop_duplicates("phase_id"))
    private = coverage["zone"].isin(PRIVATE_ZONES).to_numpy()
    return ~coverage["deja_thd"].to_numpy(dtype=bool) & ~private & ~counted


def remaining_to_plan(premises: pd.DataFrame, coverage: pd.DataFrame, phases: pd.DataFrame, aid: pd.DataFrame,
                      costs: pd.DataFrame, shares: dict | None = None, aid_name: str | None = None,
                      costs_name: str | None = None) -> pd.DataFrame:
    """The « reste à planifier » per département (every département of `premises`) and for the territory
    (REMAINING_COLUMNS): the premises `unplanned_premises` finds, costed as a RIP phase's estimate —
    premises × the FTTH unit cost at the density of their commune (`commune_densities`) — with the
    State share of the département (`state_share`: min(taux × coût, plafond × locaux)) and the local
    remainder split by `shares`. `locaux_rip_sans_phase`: those inside a RIP perimeter without a live
    phase (zone RIP); `locaux_sans_projet`: the others (zone aucun)."""
    aid = validate_aid(aid, aid_name)
    costs = validate_unit_costs(costs, costs_name)
    shares = check_shares(dict(shares or _default_shares()))
    left = unplanned_premises(coverage, phases)
    departments = premises["code_dep"].where(premises["code_dep"].notna(), "").astype(str).to_numpy(object)
    frame = pd.DataFrame({"code_dep": departments[left], "densite": commune_densities(premises)[left],
                          "locaux": premises["nb_locaux"].to_numpy(dtype=np.int64)[left],
                          "rip": coverage["zone"].eq("RIP").to_numpy()[left]})
    unit = _unit_cost_lookup([REMAINING_TECHNOLOGY] * len(frame), frame["densite"], costs)
    frame["cout_total"] = frame["locaux"] * unit
    frame["locaux_rip_sans_phase"] = np.where(frame["rip"], frame["locaux"], 0)
    codes = sorted(set(departments))
    rows = frame.groupby("code_dep")[["locaux", "cout_total", "locaux_rip_sans_phase"]].sum().reindex(
        codes, fill_value=0)
    by_density = frame.pivot_table(index="code_dep", columns="densite", values="locaux", aggfunc="sum")
    by_density = by_density.reindex(index=codes, columns=list(DENSITY_CLASSES)).fillna(0).astype(np.int64)
    rows[[f"locaux_{d}" for d in DENSITY_CLASSES]] = by_density.to_numpy()
    rows = rows.rename_axis("code_dep").reset_index()
    rows["locaux_sans_projet"] = rows["locaux"] - rows["locaux_rip_sans_phase"]
    state_share(rows, aid)
    rows = rows.assign(niveau="département", code=rows["code_dep"], technologie=REMAINING_TECHNOLOGY)
    total = rows[["locaux", "cout_total", "part_etat", "reste_collectivites", "locaux_sans_projet",
                  "locaux_rip_sans_phase", *[f"locaux_{d}" for d in DENSITY_CLASSES]]].sum().to_frame().T
    total = total.assign(niveau="territoire", code="Ensemble", technologie=REMAINING_TECHNOLOGY, plafond_atteint=None)
    table = pd.concat([rows, total], ignore_index=True)
    for name, share in shares.items():
        table[f"part_{name}"] = table["reste_collectivites"] * share
    counts = ["locaux", "locaux_sans_projet", "locaux_rip_sans_phase", *[f"locaux_{d}" for d in DENSITY_CLASSES]]
    table[counts] = table[counts].astype(np.int64)
    table["cout_par_local"] = table["cout_total"] / table["locaux"].where(table["locaux"] > 0)
    money = ["cout_total", "part_etat", "reste_collectivites", *[f"part_{n}" for n in shares], "cout_par_local"]
    table[money] = table[money].astype(float).round(2)
    table["plafond_atteint"] = table["plafond_atteint"].astype(object)  # as in the needs: none for the territory
    return table.reindex(columns=REMAINING_COLUMNS)


def full_coverage_costs(needs: pd.DataFrame | None, remaining: pd.DataFrame | None, total_code: str | None = "Ensemble",
                        with_full: bool = True) -> pd.DataFrame:
    """The cost of 100 % in 2022, as a long table (COST_COLUMNS): per département, poste `rip` (the
    département rows of the financial needs), `reste_a_planifier` (those of `remaining_to_plan`) and,
    with `with_full`, `total` (their sum); then the same summed over the départements with the code
    `total_code` (none when None: one département is its own total). A missing table counts 0."""
    parts = []
    for poste, table in ((RIP, needs), (REMAINING, remaining)):
        if table is not None and len(table) and "niveau" in table:
            rows = table[table["niveau"].astype(str) == "département"]
            figures = {c: pd.to_numeric(rows[c], errors="coerce").to_numpy() for c in COST_FIGURES}
            parts.append(pd.DataFrame({"code": rows["code"].astype(str).to_numpy(object), "poste": poste, **figures}))
    postes = [RIP, REMAINING] + ([FULL] if with_full else [])
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["code", "poste", *COST_FIGURES])
    codes = sorted(set(frame["code"]))
    grid = frame.groupby(["code", "poste"])[COST_FIGURES].sum().reindex(
        pd.MultiIndex.from_product([codes, [RIP, REMAINING]], names=["code", "poste"]), fill_value=0).reset_index()
    if with_full:
        full = grid.groupby("code", sort=True)[COST_FIGURES].sum().reset_index().assign(poste=FULL)
        grid = pd.concat([grid, full], ignore_index=True)
    grid = grid.assign(niveau="département")
    if total_code is not None:
        total = grid.groupby("poste", sort=False)[COST_FIGURES].sum().reset_index()
        grid = pd.concat([grid, total.assign(niveau="territoire", code=total_code)], ignore_index=True)
    if grid.empty:
        return pd.DataFrame(columns=COST_COLUMNS)
    grid["_order"] = grid["poste"].map({p: i for i, p in enumerate(postes)})
    grid["_level"] = (grid["niveau"] == "territoire").astype(int)
    grid = grid.sort_values(["_level", "code", "_order"], kind="stable")
    grid["locaux"] = grid["locaux"].astype(np.int64)
    money = ["cout_total", "part_etat", "reste_collectivites"]
    grid[money] = grid[money].astype(float).round(2)
    return grid[COST_COLUMNS].reset_index(drop=True)
