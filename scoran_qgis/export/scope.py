"""The territory a set of deliverables is made for: the whole region, or some départements.

A département run holds only its départements: tables are filtered by INSEE commune code or
département code, the territory's total rows become the chosen départements' totals, and a
project spanning several départements shows its share here, or is marked « partagé avec … ».
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..core import register
from ..core.codes import departement_of, normalize_insee
from ..core.i18n import tr

TERRITORY_LEVELS = ("territoire", "région", "region", "ensemble")
DEPARTMENT_IN_TEXT = re.compile(r"départements?\s+((?:\d{2,3}|2[AB])(?:\s*(?:,|et)\s*(?:\d{2,3}|2[AB]))*)",
                                re.IGNORECASE)


def shared_label(others) -> str:
    return tr("partagé avec {0}").format(", ".join(sorted(others)))


class Scope:
    """The départements chosen (None: the whole region) and what ties objects to them."""

    def __init__(self, store, departments=None, analyses: Path | None = None):
        from ..core import territory_filter

        self.store = store
        self.departments = sorted({str(d).strip().upper() for d in departments or [] if str(d).strip()}) or None
        self.analyses = Path(analyses) if analyses else None
        self.names = territory_filter.department_names(store)
        self._rips = self._phase_deps = self._premises = None

    # --- what the scope is --------------------------------------------------------------------
    @property
    def whole(self) -> bool:
        return self.departments is None

    def label(self) -> str:
        """« Nièvre (58) », « Côte-d'Or (21), Nièvre (58) », or the region's name."""
        if self.whole:
            return ", ".join(name for _, name in self.store.regions())
        return ", ".join(f"{self.names.get(d, d)} ({d})" for d in self.departments)

    def total_code(self) -> str:
        """Code of the totals row of the chosen départements (the département's own code when only one)."""
        return self.departments[0] if len(self.departments) == 1 else tr("Total {0}").format(
            ", ".join(self.departments))

    def has(self, department) -> bool:
        return self.whole or str(department).strip().upper() in self.departments

    def has_commune(self, insee) -> bool:
        code = normalize_insee(insee)
        return self.whole or (code is not None and departement_of(code) in self.departments)

    # --- tables -------------------------------------------------------------------------------
    def communes(self, frame: pd.DataFrame, column: str = "insee_com") -> pd.DataFrame:
        """Rows whose INSEE commune code is in the scope."""
        if self.whole or frame.empty or column not in frame:
            return frame
        return frame[frame[column].map(self.has_commune)]

    def by_department(self, frame: pd.DataFrame, column: str) -> pd.DataFrame:
        """Rows whose département code is in the scope."""
        if self.whole or frame.empty or column not in frame:
            return frame
        return frame[frame[column].astype(str).str.strip().str.upper().isin(self.departments)]

    def levels(self, frame: pd.DataFrame, sums: list, ratios: dict | None = None, keys: list | None = None,
               fill: dict | None = None) -> pd.DataFrame:
        """A (niveau, code) table: commune and département rows of the scope, and its totals.

        Territory rows are dropped; the chosen départements' rows summed (`sums`, by `keys`) become the
        totals — nothing to add when one département, whose rows are its totals. `ratios`:
        {column: (numerator, denominator)} recomputed as percentages on the totals; `fill`: {column:
        value from the territory row} copied on the département rows (the national targets).
        """
        if self.whole or frame.empty:
            return frame
        level = frame["niveau"].astype(str).str.lower()
        territory = level.isin(TERRITORY_LEVELS) | frame["code"].astype(str).str.lower().eq("ensemble")
        communes = frame[level.eq("commune") & frame["code"].map(self.has_commune)]
        departments = frame[level.eq("département") & frame["code"].astype(str).isin(self.departments)].copy()
        if fill:
            reference = frame[territory]
            for column, key in fill.items():
                values = reference.set_index(key)[column] if key else None
                if values is not None and column in departments:
                    departments[column] = departments[key].map(values)
        parts = [communes, departments]
        if len(self.departments) > 1 and len(departments):
            total = departments.groupby(keys, sort=False, dropna=False)[sums].sum().reset_index() if keys else \
                departments[sums].sum().to_frame().T
            total["niveau"], total["code"] = "territoire", self.total_code()
            for column, (numerator, denominator) in (ratios or {}).items():
                total[column] = (100 * total[numerator] / total[denominator].where(total[denominator] > 0)).round(2)
            parts.append(total)
        return pd.concat([p for p in parts if len(p)], ignore_index=True) if any(len(p) for p in parts) else \
            frame.iloc[0:0]

    # --- RIP projects and phases --------------------------------------------------------------
    def rip_departements(self) -> dict[str, set[str]]:
        if self._rips is None:
            from ..core import territory_filter

            self._rips = territory_filter.rip_departements(self.store)
        return self._rips

    def phase_departements(self) -> dict[str, set[str]]:
        if self._phase_deps is None:
            from ..core import territory_filter

            self._phase_deps = territory_filter.phase_departements(self.store)
        return self._phase_deps

    def phase_premises(self) -> dict[str, dict[str, int]]:
        if self._premises is None:
            from ..core import territory_filter

            self._premises = territory_filter.phase_premises(self.analyses / "couverture_thd.gpkg") \
                if self.analyses else {}
        return self._premises

    def phase_share(self, phase_id, rip_id) -> tuple[float | None, set[str]]:
        """(share of the phase in the scope, its départements): share None when it cannot be computed.

        From the phase's premises in the coverage analysis, else the départements of its communes,
        else those of its RIP project (field, communes, perimeter).
        """
        premises = self.phase_premises().get(str(phase_id))
        if premises and sum(premises.values()):
            deps = {d for d, n in premises.items() if n}
            if self.whole:
                return 1.0, deps
            return sum(n for d, n in premises.items() if d in self.departments) / sum(premises.values()), deps
        deps = self.phase_departements().get(str(phase_id)) or self.rip_departements().get(str(rip_id), set())
        if self.whole:
            return 1.0, deps
        mine = deps & set(self.departments)
        if not mine:
            return 0.0, deps
        return (1.0 if deps <= set(self.departments) else None), deps

    def rip_in_scope(self, rip_id) -> bool:
        return self.whole or bool(self.rip_departements().get(str(rip_id), set()) & set(self.departments))

    def rip_phases(self, phases: pd.DataFrame, scaled: tuple = ()) -> pd.DataFrame:
        """Phases of the scope (rip_id, phase_id columns); `scaled` columns become the scope's share.

        Adds `departements` (the phase's départements in the scope) and `partage` (« partagé avec … »,
        with the share kept here when it is known).
        """
        if phases.empty:
            return phases.assign(departements=None, partage=None)
        rows = []
        for record in phases.to_dict("records"):
            share, deps = self.phase_share(record.get("phase_id"), record.get("rip_id"))
            if share == 0.0 and not self.whole:
                continue
            if not deps and not self.whole:
                continue
            here = sorted(deps if self.whole else deps & set(self.departments))
            others = sorted(deps - set(here))
            record["departements"] = ", ".join(here) or None
            record["partage"] = None
            if others:
                record["partage"] = shared_label(others) if share is None else tr(
                    "{0} — {1:.1f} % ici").format(shared_label(others), 100 * share).replace(".", ",")
            if share is not None and share < 1:
                for column in scaled:
                    value = record.get(column)
                    if value is not None and value == value:
                        record[column] = round(float(value) * share, 0 if column.startswith(("locaux", "nb_"))
                                               else 2)
            rows.append(record)
        return pd.DataFrame(rows, columns=[*phases.columns, "departements", "partage"])

    # --- usage projects -----------------------------------------------------------------------
    def usage_projects(self, projects: pd.DataFrame) -> pd.DataFrame:
        """Projects of the scope; `departements` keeps the scope's, `partage` names the others."""
        if projects.empty:
            return projects.assign(partage=None)
        deps = projects["departements"].map(lambda v: {d.upper() for d in register.split_list(v)})
        if self.whole:
            return projects.assign(partage=None)
        mine = deps.map(lambda d: bool(d & set(self.departments)))
        result = projects[mine].copy()
        kept = deps[mine]
        result["departements"] = kept.map(lambda d: ", ".join(sorted(d & set(self.departments))))
        result["partage"] = kept.map(lambda d: shared_label(d - set(self.departments))
                                     if d - set(self.departments) else None)
        return result

    # --- objects named in checks and changes --------------------------------------------------
    def object_in_scope(self, value, projects: pd.DataFrame | None = None, phases: pd.DataFrame | None = None) -> bool:
        """Whether an object named by a check or a change (commune, département, RIP, phase, project) is here."""
        if self.whole:
            return True
        text = str(value or "").strip()
        if normalize_insee(text) and len(text) == 5:
            return self.has_commune(text)
        if text.upper() in set(self.names):
            return self.has(text)
        if text in self.rip_departements():
            return self.rip_in_scope(text)
        if phases is not None and text in set(phases["phase_id"]):
            rip = phases.loc[phases["phase_id"] == text, "rip_id"].iat[0]
            share, _ = self.phase_share(text, rip)
            return share is None or share > 0
        if projects is not None and text in set(projects["projet_id"]):
            deps = register.split_list(projects.loc[projects["projet_id"] == text, "departements"].iat[0])
            return bool({d.upper() for d in deps} & set(self.departments))
        return False

    def changes(self, millesime: str) -> pd.DataFrame:
        """What changed since the previous millésime in every register (`semesters.register_changes`, with this
        semester's trajectory from the analyses when there), restricted to the objects of the scope; a project
        removed since is placed by its last saved départements."""
        from ..core.semesters import register_changes, scoping_projects

        path = self.analyses / "trajectoire_thd.csv" if self.analyses else None
        trajectory = pd.read_csv(path, dtype={"code": str}) if path is not None and path.exists() else None
        changes = register_changes(self.store, millesime, trajectory)
        if self.whole or changes.empty:
            return changes
        projects = scoping_projects(self.store, register.read_tables(self.store)["projets"])
        phases = self.store.rip_phases()
        # the texts of projects and town centres carry the user's titles and names (« … avec le département 39 »):
        # their object alone places them
        return changes[[self.object_in_scope(o, projects, phases) and (
            r in ("projets", "centres_bourgs") or self.text_in_scope(d))
            for r, o, d in zip(changes["registre"], changes["objet"], changes["detail"])]]

    def text_in_scope(self, text) -> bool:
        """False when a free text names a département outside the scope (« … du département 39 »)."""
        if self.whole:
            return True
        for match in DEPARTMENT_IN_TEXT.finditer(str(text or "")):
            codes = re.split(r"\s*(?:,|et)\s*", match.group(1))
            if any(code.upper() not in self.departments for code in codes):
                return False
        return True
