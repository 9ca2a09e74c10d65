"""How leaderboards and personal stats read: names, values and field texts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from bot.domain.advice.engine import WEEKLY_SETS_HIGH, WEEKLY_SETS_LOW
from bot.domain.figures.board import Metric
from bot.domain.figures.e1rm import MAX_EFFECTIVE_REPS, MAX_RIR, PersonalRecord
from bot.domain.models import TIERS, Tier, Unit
from bot.domain.notation.echo import format_load

WINDOWS: dict[str, int | None] = {"4w": 4, "12w": 12, "all": None}
WINDOW_NAMES = {"4w": "last 4 weeks", "12w": "last 12 weeks", "all": "all time"}
METRIC_NAMES: dict[Metric, str] = {
    "adherence": "Adherence",
    "streak": "Weekly streak",
    "days": "Training days",
    "discipline": "Discipline",
}
METRIC_RULES: dict[Metric, str] = {
    "adherence": "Days trained out of each lifter's weekly target (extra days beyond the "
                 "target earn nothing); weeks before a lifter's first training day don't count.",
    "streak": "Weeks in a row that met the weekly target; this week counts once it is met. "
              "The window only decides who is listed.",
    "days": "Days with at least one working set; at most 6 count in any one week, since "
            "training every day is not the goal.",
    "discipline": "Half for tier A/B sets stopped short of failure (RIR 1 or more), half for "
                  "tier C/D exercises taken hard (a set at RIR 1 or less) in each session.",
}


def metric_value(metric: Metric, value: float) -> str:
    if metric in ("adherence", "discipline"):
        return f"{value:.0%}"
    count = round(value)
    if metric == "streak":
        return f"{count} week" if count == 1 else f"{count} weeks"
    return f"{count} day" if count == 1 else f"{count} days"


def share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def short_date(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def failure_line(by_tier: Mapping[Tier, int]) -> str:
    counts = " · ".join(f"{tier} {by_tier.get(tier, 0)}" for tier in TIERS)
    heavy = by_tier.get("A", 0) + by_tier.get("B", 0)
    if by_tier.get("A", 0) >= 2:
        note = "Several on tier A: let the big lifts recover, stop them short [W1]."
    elif heavy:
        note = "On A/B lifts keep failure rare: a last set at most."
    elif by_tier.get("C", 0) + by_tier.get("D", 0):
        note = "All on machines and isolation work: that's where failure belongs."
    else:
        note = "None yet this week."
    return f"{counts}\n{note}"


def volume_lines(volume: Mapping[str, float]) -> str:
    """Hard sets per muscle this week, against the rough 10-20 range (W6)."""
    if not volume:
        return "No hard sets yet this week."
    lines = []
    for muscle, sets in sorted(volume.items(), key=lambda kv: (-kv[1], kv[0])):
        amount = f"{sets:g}"
        if sets > WEEKLY_SETS_HIGH:
            mark = f"above {WEEKLY_SETS_HIGH:g}: more than most recover from [W6]"
        elif sets < WEEKLY_SETS_LOW:
            mark = f"below {WEEKLY_SETS_LOW:g} so far"
        else:
            mark = "in range"
        lines.append(f"{muscle}: {amount} ({mark})")
    return "\n".join(lines)


def e1rm_text(record: PersonalRecord, unit: Unit) -> str:
    effort = "" if record.rir is None else f", RIR {record.rir:g}"
    return (f"e1RM {format_load(round(record.value_kg * 2) / 2, unit)} "
            f"({format_load(record.load_kg, unit)} × {record.reps}{effort}, "
            f"{short_date(record.local_date)})")


def rep_max_text(record: PersonalRecord, unit: Unit) -> str:
    load = format_load(record.load_kg, unit)
    return f"{record.reps}RM {'bw + ' if record.bodyweight else ''}{load}"


NO_E1RM = (f"no e1RM: no set within the limits (reps + RIR ≤ {MAX_EFFECTIVE_REPS:g}, "
           f"RIR ≤ {MAX_RIR:g}, a load, no drop sets)")


def exercise_records(
    name: str, tier: Tier | None, records: Sequence[PersonalRecord], unit: Unit,
    *, all_rep_maxes: bool = False,
) -> str:
    """One exercise's best e1RM (tiers A-B only) and rep maxes."""
    best = next((r for r in records if r.kind == "e1rm"), None)
    rep_maxes = [r for r in records if r.kind == "rep_max"]
    parts: list[str] = []
    if tier in ("A", "B"):
        parts.append(NO_E1RM if best is None else e1rm_text(best, unit))
    if not all_rep_maxes:
        rep_maxes = sorted(rep_maxes, key=lambda r: (-r.load_kg, r.reps))[:3]
        rep_maxes.sort(key=lambda r: (r.bodyweight, r.reps))
    if rep_maxes:
        parts.append("PRs: " + ", ".join(rep_max_text(r, unit) for r in rep_maxes))
    elif not parts:
        parts.append("no loaded sets yet")
    return f"**{name}**: " + "; ".join(parts)
