"""How leaderboards and personal stats read: names, values and field texts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from bot.domain.figures import (
    ALL_TIME_MIN_WEEKS,
    E1RM_TIERS,
    MAX_DAYS_PER_WEEK,
    MAX_EFFECTIVE_REPS,
    MAX_RIR,
    MIN_PAIRS,
    WEEKLY_SETS_HIGH,
    WEEKLY_SETS_LOW,
    Calibration,
    DurationBest,
    ExerciseProgress,
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
_TIES = "ties go to the longer record"
METRIC_RULES: dict[Metric, str] = {
    "adherence": "Scored: days trained out of each week's target over the whole window (all "
                 f"time: at least {ALL_TIME_MIN_WEEKS} weeks), weeks before a first day count "
                 f"as missed and this week only for its days so far; {_TIES}.",
    "streak": f"Scored: weeks in a row that met the weekly target, this week once met; {_TIES}.",
    "days": f"Scored: days with a working set, at most "
            f"{MAX_DAYS_PER_WEEK} in any week; {_TIES}.",
    "discipline": "Scored: half tier A/B sets stopped short of failure, half tier C/D "
                  f"exercises taken hard (a set at RIR 1 or less); {_TIES}.",
}
"""One line per board, in its footer: how it is scored (the rules live in figures)."""


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
    *, all_rep_maxes: bool = False, bare: bool = False, duration: DurationBest | None = None,
) -> str:
    """One exercise's best e1RM (tiers A-B only), rep maxes (only those that say
    something: see ``frontier``) and, for timed sets, the longest hold or distance."""
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
    if duration is not None:
        longest = [f"{fmt_number(duration.seconds)} s" if duration.seconds else "",
                   f"{fmt_number(duration.meters)} m" if duration.meters else ""]
        parts.append("longest: " + ", ".join(p for p in longest if p))
    if not parts:
        parts.append("no loaded sets yet")
    return "; ".join(parts) if bare else f"**{name}**: " + "; ".join(parts)


CALIBRATION_FIELD = "RIR calibration"
NO_NEXT = ("Nothing to suggest yet: log the sets with a load and an effort (rir2 or @8); "
           "tiers A-B also need reps + RIR of 10 or fewer.")


def calibration_text(found: Calibration) -> str:
    """How far the lifter's RIR guesses run off, and whether the bot applies it."""
    n = len(found.pairs)
    checks = f"{n} set{'s' if n != 1 else ''} to failure or AMRAP at a load you had logged " \
             "with an RIR"
    if found.offset == 0:
        return f"Your RIR guesses match what your tests showed ({checks})."
    guess = found.typical_guess
    closer = max(0.0, guess + found.offset)
    line = f"Your RIR {fmt_number(guess)} is closer to {fmt_number(closer)} ({checks})."
    if found.applied:
        return (f"{line} The advice and the e1RM read your RIR "
                f"{'+' if found.offset > 0 else ''}{found.offset}.")
    return f"{line} Applied once {MIN_PAIRS} tests agree."


def trend_text(progress: ExerciseProgress | None, unit: Unit, sessions: int) -> str:
    """The last sessions' best e1RM (or top set), oldest first, and the change."""
    if progress is None or not progress.points:
        return "No sessions with a load yet."
    points = list(progress.points)
    kind = "e1rm" if any(p.kind == "e1rm" for p in points) else points[-1].kind
    points = [p for p in points if p.kind == kind][-sessions:]

    def value(v: float) -> str:
        return f"{fmt_number(v)} reps" if kind == "reps" else format_load(
            round(v * 2) / 2, unit)

    what = {"e1rm": "best e1RM", "load": "top load", "reps": "most reps"}[kind]
    chain = " → ".join(value(p.value) for p in points)
    if len(points) < 2:
        return f"{what}: {chain} ({short_date(points[0].day)})"
    change = points[-1].value - points[0].value
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    amount = (f"{fmt_number(abs(change))} reps" if kind == "reps"
              else format_load(round(abs(change) * 2) / 2, unit))
    return (f"{what}, last {len(points)} sessions: {chain} ({sign}{amount} since "
            f"{short_date(points[0].day)})")
