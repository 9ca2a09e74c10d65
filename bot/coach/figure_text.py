"""How leaderboards and personal stats read: names, values and field texts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from bot.domain.figures import (
    E1RM_TIERS,
    MAX_EFFECTIVE_REPS,
    MAX_RIR,
    WEEKLY_SETS_HIGH,
    WEEKLY_SETS_LOW,
    Metric,
    PersonalRecord,
    fmt_number,
    tier_a_failures_too_many,
    volume_band,
)
from bot.domain.models import PUSH_TO_FAILURE_TIERS, SHORT_OF_FAILURE_TIERS, TIERS, Tier, Unit
from bot.domain.notation import format_load

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
    """Failure sets per tier in the last 7 days, with what the coaching rules make of them."""
    counts = " · ".join(f"{tier} {by_tier.get(tier, 0)}" for tier in TIERS)
    heavy = sum(by_tier.get(t, 0) for t in SHORT_OF_FAILURE_TIERS)
    light = sum(by_tier.get(t, 0) for t in PUSH_TO_FAILURE_TIERS)
    if tier_a_failures_too_many(by_tier.get("A", 0)):
        note = "Several on tier A: let the big lifts recover, stop them short [W1]."
    elif heavy:
        note = "On A/B lifts keep failure rare: a last set at most."
    elif light:
        note = "All on machines and isolation work: that's where failure belongs."
    else:
        note = "None in the last 7 days."
    return f"{counts}\n{note}"


_MARKS = {
    "above": f"above {fmt_number(WEEKLY_SETS_HIGH)}: more than most recover from [W6]",
    "below": f"below {fmt_number(WEEKLY_SETS_LOW)} so far",
    "within": "in range",
}


def volume_lines(volume: Mapping[str, float]) -> str:
    """Hard sets per muscle in the last 7 days, against the rough 10-20 range (W6); the
    numbers are written as the W6 warning writes them."""
    if not volume:
        return "No hard sets in the last 7 days."
    return "\n".join(f"{muscle}: {fmt_number(sets)} ({_MARKS[volume_band(sets)]})"
                     for muscle, sets in sorted(volume.items(), key=lambda kv: (-kv[1], kv[0])))


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
    if tier in E1RM_TIERS:
        parts.append(NO_E1RM if best is None else e1rm_text(best, unit))
    if not all_rep_maxes:
        rep_maxes = sorted(rep_maxes, key=lambda r: (-r.load_kg, r.reps))[:3]
        rep_maxes.sort(key=lambda r: (r.bodyweight, r.reps))
    if rep_maxes:
        parts.append("PRs: " + ", ".join(rep_max_text(r, unit) for r in rep_maxes))
    elif not parts:
        parts.append("no loaded sets yet")
    return f"**{name}**: " + "; ".join(parts)
