"""Charts for the atlas and the workbooks (matplotlib, no display needed)."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd


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
            axes.scatter([position], [target], marker="*", s=160, color="#d7301f", zorder=5)
            axes.annotate(f"objectif {target:.0f} %", (position, target), textcoords="offset points",
                          xytext=(-40, 8), fontsize=8, color="#d7301f")
    axes.set_xticks(range(len(semesters)))
    axes.set_xticklabels(semesters, rotation=45, ha="right", fontsize=7)
    axes.set_ylim(0, 105)
    axes.set_ylabel("% des locaux éligibles au THD (≥ 30 Mbit/s)")
    axes.set_title(title, fontsize=11)
    axes.grid(alpha=0.3)
    axes.legend(fontsize=7, ncol=2, loc="upper left")
    figure.tight_layout()
    partial = path.with_name(path.stem + ".partiel" + path.suffix)
    figure.savefig(partial, format=path.suffix.lstrip(".") or "png")
    pyplot.close(figure)
    os.replace(partial, path)
    return path
