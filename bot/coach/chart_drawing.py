"""The drawing behind :mod:`bot.coach.charts`, with matplotlib (Agg, no display needed).

Imported only when the first chart is drawn (``bot.coach.charts`` loads it), so a
process that never draws one never loads matplotlib.

Readable on a phone in Discord's dark and light themes alike: a transparent
background, mid-grey text and grid that contrast with both, saturated data colours,
and large type on a small canvas (Discord shrinks wide images on a phone).
Rendering is CPU work that takes tens of milliseconds: callers run it in a worker
thread. Only matplotlib's object API is used (no pyplot and its global state), so
two charts may be drawn at once in different threads.
"""

from __future__ import annotations

import io
from datetime import date, timedelta

import matplotlib

matplotlib.use("Agg")  # before anything else of matplotlib is imported: no display needed

from matplotlib.axes import Axes
from matplotlib.dates import AutoDateLocator, DateFormatter
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from bot.domain.figures import WEEKLY_SETS_HIGH, WEEKLY_SETS_LOW, CalendarWeek, ExerciseProgress
from bot.domain.models import LB_TO_KG, Unit
from bot.domain.notation import format_load

TEXT = "#8c9099"  # mid-grey: readable on white and on Discord's dark grey
GRID = "#8c909955"
ESTIMATE = "#f08c2e"  # e1RM
LOAD = "#3d9be9"  # top set
VOLUME = "#3fb27f"  # hard sets, trained days
MISSED = "#e0566b"
FONT = 17
SIZE = (8.0, 5.6)
DPI = 100


def _figure(size: tuple[float, float] = SIZE) -> Figure:
    fig = Figure(figsize=size, dpi=DPI)
    fig.patch.set_alpha(0.0)
    return fig


def _style(ax: Axes) -> None:
    ax.set_facecolor("none")
    ax.tick_params(colors=TEXT, labelsize=FONT - 2, length=0, pad=6)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(TEXT)
    ax.grid(True, axis="y", color=GRID, linewidth=1)
    ax.set_axisbelow(True)


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", transparent=True, bbox_inches="tight", pad_inches=0.2)
    return buffer.getvalue()


def _in_unit(kg: float, unit: Unit) -> float:
    return kg / LB_TO_KG if unit == "lb" else kg


def exercise_chart(progress: ExerciseProgress, unit: Unit = "kg") -> bytes:
    """e1RM per session (or the top set for tiers C-D) above weekly hard sets."""
    fig = _figure()
    top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [2.2, 1]})
    for ax in (top, bottom):
        _style(ax)
    fig.suptitle(progress.name, color=TEXT, fontsize=FONT + 5, fontweight="bold", x=0.02,
                 ha="left")
    labels = {"e1rm": f"e1RM ({unit})", "load": f"top set ({unit})", "reps": "top set (reps)"}
    colours = {"e1rm": ESTIMATE, "load": LOAD, "reps": LOAD}
    for kind in ("e1rm", "load", "reps"):
        points = [p for p in progress.points if p.kind == kind]
        if not points:
            continue
        values = [p.value if kind == "reps" else _in_unit(p.value, unit) for p in points]
        top.plot([p.day for p in points], values, color=colours[kind], linewidth=3,
                 marker="o", markersize=8, label=labels[kind])
    last = progress.points[-1] if progress.points else None
    if last is not None:
        text = (f"{last.value:.0f} reps" if last.kind == "reps"
                else format_load(round(last.value * 2) / 2, unit))
        top.annotate(text, (last.day, last.value if last.kind == "reps"
                            else _in_unit(last.value, unit)),
                     textcoords="offset points", xytext=(0, 12), ha="center", color=TEXT,
                     fontsize=FONT - 1, fontweight="bold")
    legend = top.legend(loc="upper left", frameon=False, fontsize=FONT - 2)
    for item in legend.get_texts():
        item.set_color(TEXT)
    top.margins(y=0.25)

    weeks = [monday + timedelta(days=3) for monday, _ in progress.weekly_hard_sets]
    counts = [n for _, n in progress.weekly_hard_sets]
    bottom.bar(weeks, counts, width=5, color=VOLUME)
    bottom.set_ylabel("hard sets\nper week", color=TEXT, fontsize=FONT - 3)
    bottom.xaxis.set_major_locator(AutoDateLocator(minticks=3, maxticks=6))  # type: ignore[no-untyped-call]
    bottom.xaxis.set_major_formatter(DateFormatter("%d %b"))  # type: ignore[no-untyped-call]
    if weeks:
        bottom.set_xlim(weeks[0] - timedelta(days=5), weeks[-1] + timedelta(days=5))
    fig.align_ylabels()
    return _png(fig)


def consistency_chart(weeks: tuple[CalendarWeek, ...], today: date) -> bytes:
    """A calendar heat-map of training days, one column per week, targets marked above."""
    columns = len(weeks)
    width = min(12.0, max(6.0, 1.6 + columns * 0.3))
    fig = _figure((width, 4.8))
    ax = fig.add_subplot()
    ax.set_facecolor("none")
    ax.set_axis_off()
    most = max((n or 0 for w in weeks for n in w.sets), default=0) or 1
    for x, week in enumerate(weeks):
        for y, sets in enumerate(week.sets):
            if sets is None:
                continue
            colour, alpha = (VOLUME, 0.55 + 0.45 * sets / most) if sets else (TEXT, 0.22)
            ax.add_patch(Rectangle((x + 0.08, 6 - y + 0.08), 0.84, 0.84, color=colour,
                                   alpha=alpha, linewidth=0))
        current = week.monday <= today < week.monday + timedelta(days=7)
        if week.counted and (week.met or not current):
            ax.add_patch(Rectangle((x + 0.08, 7.35), 0.84, 0.35, linewidth=0,
                                   color=VOLUME if week.met else MISSED))
        if week.monday.day <= 7:
            ax.text(x + 0.1, 8.0, week.monday.strftime("%b"), color=TEXT, fontsize=FONT - 1,
                    va="bottom")
    for y, name in ((0, "Mon"), (2, "Wed"), (4, "Fri"), (6, "Sun")):
        ax.text(-0.25, 6 - y + 0.5, name, color=TEXT, fontsize=FONT - 3, ha="right",
                va="center")
    targets = sorted({w.target for w in weeks if w.counted}) or [weeks[-1].target]
    target_text = " or ".join(str(t) for t in targets)
    ax.add_patch(Rectangle((0.08, -0.95), 0.84, 0.35, color=VOLUME, linewidth=0))
    ax.text(1.2, -0.78, f"target met ({target_text} days a week)", color=TEXT,
            fontsize=FONT - 3, va="center")
    ax.add_patch(Rectangle((columns * 0.62, -0.95), 0.84, 0.35, color=MISSED, linewidth=0))
    ax.text(columns * 0.62 + 1.1, -0.78, "missed", color=TEXT, fontsize=FONT - 3,
            va="center")
    ax.set_xlim(-1.6, columns + 0.1)
    ax.set_ylim(-1.5, 9.0)
    ax.set_aspect("equal")
    fig.suptitle(f"Training days, last {columns} weeks", color=TEXT, fontsize=FONT + 5,
                 fontweight="bold", x=0.02, ha="left")
    return _png(fig)


def volume_chart(hard_sets: dict[str, float], first_day: str) -> bytes:
    """Last week's hard sets per muscle as bars, the rough 10-20 range shaded."""
    ranked = sorted(hard_sets.items(), key=lambda kv: (kv[1], kv[0]))[-10:]
    fig = _figure((8.0, 0.55 * len(ranked) + 1.8))
    ax = fig.add_subplot()
    _style(ax)
    ax.grid(True, axis="x", color=GRID, linewidth=1)
    ax.grid(False, axis="y")
    ax.axvspan(WEEKLY_SETS_LOW, WEEKLY_SETS_HIGH, color=VOLUME, alpha=0.12, linewidth=0)
    names = [m for m, _ in ranked]
    values = [v for _, v in ranked]
    colours = [VOLUME if WEEKLY_SETS_LOW <= v <= WEEKLY_SETS_HIGH else LOAD for v in values]
    ax.barh(names, values, color=colours, height=0.6)
    ax.set_xlim(0, max([WEEKLY_SETS_HIGH + 2, *values]) + 1)
    ax.set_xlabel("hard sets (shaded: about 10-20)", color=TEXT, fontsize=FONT - 3)
    fig.suptitle(f"Hard sets per muscle, week of {first_day}", color=TEXT,
                 fontsize=FONT + 1, fontweight="bold", x=0.02, ha="left")
    return _png(fig)
