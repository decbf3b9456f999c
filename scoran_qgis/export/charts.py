"""Charts for the atlas and the workbooks (matplotlib, no display needed)."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from ..core.i18n import tr
from ..core.palettes import ALERT, NEUTRAL


def trajectory_chart(table: pd.DataFrame, path, title: str, targets: dict) -> Path:
    """THD share per semester: one curve per department, the territory in bold, national milestones.

    `table` is the output of core.thd.trajectory; written aside then renamed (PNG, 150 dpi).
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    path = Path(path)
    semesters = list(dict.fromkeys(table["semestre"]))
    figure, axes = pyplot.subplots(figsize=(9, 5), dpi=150)
    for code, rows in table.groupby("code", sort=True):
        territory = rows["niveau"].iat[0] != "département"
        axes.plot(range(len(rows)), rows["pct_thd"], label=str(code), linewidth=3 if territory else 1.2,
                  color="black" if territory else None)
    for semester, target in targets.items():
        if str(semester) in semesters:
            position = semesters.index(str(semester))
            axes.scatter([position], [target], marker="*", s=160, color=ALERT, zorder=5)
            axes.annotate(tr("objectif {0} %").format(f"{target:.0f}"), (position, target), textcoords="offset points",
                          xytext=(-40, 8), fontsize=8, color=ALERT)
    axes.set_xticks(range(len(semesters)))
    axes.set_xticklabels(semesters, rotation=45, ha="right", fontsize=7)
    axes.set_ylim(0, 105)
    axes.set_ylabel(tr("% des locaux éligibles au THD (≥ 30 Mbit/s)"))
    axes.set_title(title, fontsize=11)
    axes.grid(alpha=0.3)
    axes.legend(fontsize=7, ncol=2, loc="upper left")
    figure.tight_layout()
    partial = path.with_name(path.stem + ".partiel" + path.suffix)
    figure.savefig(partial, format=path.suffix.lstrip(".") or "png")
    pyplot.close(figure)
    os.replace(partial, path)
    return path


def calendar_chart(rows: list[dict], path, title: str, first: str = "2014-S1", last: str = "2022-S2") -> Path:
    """Gantt chart by semester (usage projects, RIP phases, AMII calendars) as a PNG for the atlas.

    `rows`: dicts with label, start, end (`AAAA-Sn` or ISO dates) and color.
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    from ..core.codes import Millesime

    def position(value, end=False):
        if not value:
            return None
        try:
            semester = Millesime.parse(value)
            return semester.index + (1 if end else 0)
        except Exception:  # noqa: BLE001 — a date, not a semester
            from datetime import date

            day = date.fromisoformat(str(value)[:10])
            semester = Millesime.of_date(day)
            return semester.index + (day - semester.start).days / ((semester.end - semester.start).days + 1)

    start_index, end_index = Millesime.parse(first).index, Millesime.parse(last).index + 1
    path = Path(path)
    height = max(2.5, 0.22 * len(rows) + 1)
    figure, axes = pyplot.subplots(figsize=(11, height), dpi=130)
    for line, row in enumerate(rows):
        begin, finish = position(row.get("start")), position(row.get("end"), end=True)
        if begin is None and finish is None:
            continue
        begin = begin if begin is not None else finish - 0.2
        finish = finish if finish is not None else begin + 0.2
        axes.barh(line, max(finish - begin, 0.05), left=begin, color=row.get("color", NEUTRAL), height=0.6)
    axes.set_yticks(range(len(rows)))
    axes.set_yticklabels([row["label"][:48] for row in rows], fontsize=6)
    axes.invert_yaxis()
    ticks = list(range(start_index, end_index))
    axes.set_xticks(ticks)
    axes.set_xticklabels([str(Millesime.from_index(t)) for t in ticks], rotation=45, ha="right", fontsize=6)
    axes.set_xlim(start_index, end_index)
    axes.grid(axis="x", alpha=0.3)
    axes.set_title(title, fontsize=9)
    figure.tight_layout()
    partial = path.with_name(path.stem + ".partiel" + path.suffix)
    figure.savefig(partial, format="png")
    pyplot.close(figure)
    os.replace(partial, path)
    return path
