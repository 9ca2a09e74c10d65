"""The plan in words: one line per exercise, grouped by the days it is usually trained.

Plain text with a little markdown (bold names); an exercise's name goes through the
``name`` function the caller passes, so a lifter's own names can be made inert.
/plan and the weekly check-in both speak through here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from bot.domain.figures.volume import W1_MIN_HARD_SETS, fmt_number
from bot.domain.models import Exercise
from bot.domain.plan.blocks import describe_block
from bot.domain.plan.model import ExercisePlan, WeekPlan

Namer = Callable[[Exercise], str]
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_PLAIN_REASONS = ("tier ", "heavy block", "deload week")


def _name(exercise: Exercise) -> str:
    return exercise.name


def day_label(day: date) -> str:
    return f"{DAY_NAMES[day.weekday()]} {day.day} {day:%b}"


def days_label(days: tuple[int, ...]) -> str:
    return " · ".join(DAY_NAMES[d] for d in days) or "any day"


def effort(plan: ExercisePlan) -> str:
    """Where failure goes on this exercise, and how hard the other sets are."""
    rir = plan.rir
    if plan.place == "none" or plan.failure_sessions == 0:
        tail = ", or when form or bar speed goes" if plan.exercise.tier == "A" else ""
        return f"stop at RIR {rir}{tail}"
    if plan.place == "last_set_once":
        return (f"RIR {rir}; the last set of one session to failure, with safeties or a "
                "spotter")
    where = "last set to failure" if plan.place == "last_set" else (
        "last set to failure or a drop set")
    if plan.failure_sessions < plan.sessions:
        where += f" in {plan.failure_sessions} of {plan.sessions} sessions"
    return f"{where}, other sets RIR {rir}"


def exercise_line(plan: ExercisePlan, name: Namer = _name) -> str:
    """``**leg curl** (D), 3 sets: last set to failure or a drop set, other sets RIR 1-2``."""
    tier = plan.exercise.tier or "?"
    sessions = "" if plan.sessions <= 1 else f" ×{plan.sessions}"
    line = f"**{name(plan.exercise)}** ({tier}), {plan.sets} sets{sessions}: {effort(plan)}"
    notes = []
    if plan.sessions_done:
        notes.append(f"{plan.sessions_done} of {plan.sessions} done")
    if plan.budget_cut:
        notes.append("failure budget")
    if plan.failure_done and plan.place == "none":
        notes.append(f"off plan: {plan.failure_done} failure "
                     f"{'set' if plan.failure_done == 1 else 'sets'} logged")
    if not plan.why.startswith(_PLAIN_REASONS):
        notes.append(plan.why)
    return line + (f" ({'; '.join(notes)})" if notes else "")


def group_fields(plan: WeekPlan, name: Namer = _name) -> tuple[tuple[str, str], ...]:
    """One field per set of usual days; a field too long for Discord is split."""
    groups: dict[tuple[int, ...], list[str]] = {}
    for item in plan.exercises:
        groups.setdefault(item.days, []).append(exercise_line(item, name))
    fields: list[tuple[str, str]] = []
    for days in sorted(groups):
        chunk: list[str] = []
        for line in groups[days]:
            if chunk and len("\n".join([*chunk, line])) > 950:
                fields.append((days_label(days), "\n".join(chunk)))
                chunk = []
            chunk.append(line)
        fields.append((days_label(days), "\n".join(chunk)))
    return tuple(fields)


def headline(plan: WeekPlan, name: Namer = _name) -> tuple[str, ...]:
    """What kind of week this is, and when the next block starts."""
    block = plan.block
    if plan.deload:
        first = "**Deload week**: about half your usual sets, all at RIR 3-4, no failure."
    else:
        first = f"**{describe_block(block)[:1].upper()}{describe_block(block)[1:]}**"
        first += {"failure": ": failure where each tier allows it.",
                  "heavy": ": heavy sets, no failure (tier C/D at RIR 1-2, A/B at RIR 1-3).",
                  None: "."}[block.kind]
    lines = [first]
    if block.next_start is not None:
        lines.append(f"Next: a {block.next_kind} block from {day_label(block.next_start)}.")
    if plan.goal == "strength" and plan.failure_week:
        lines.append("Strength goal: no failure on compound lifts, only on isolation work "
                     "(failure adds no strength: Grgic 2022; Vieira 2021).")
    tier_b = plan.find(plan.tier_b_key) if plan.tier_b_key else None
    if plan.tier_b_spent and plan.failure_week:
        lines.append("Tier B: this week's one failure set is done; keep the rest at RIR 1-3.")
    elif tier_b is not None and tier_b.place == "last_set_once" and tier_b.failure_left:
        lines.append(f"Tier B: one failure set this week, on the last set of "
                     f"{name(tier_b.exercise)}, with safeties or a spotter.")
    if plan.tier_a_done:
        lines.append(f"Tier A: {plan.tier_a_done} failure "
                     f"{'set' if plan.tier_a_done == 1 else 'sets'} logged this week, off "
                     "plan: keep the rest at RIR 2-3.")
    if plan.sore:
        lines.append(f"Sore for 5+ days ({', '.join(plan.sore)}): no failure on what "
                     "trains it this week (W4).")
    return tuple(lines)


def budget_line(plan: WeekPlan) -> str | None:
    """Failure sets planned against each muscle's W1 limit, where the limit can bite."""
    shown = [b for b in plan.budgets if b.hard >= W1_MIN_HARD_SETS and b.failure > 0]
    if not shown:
        return None
    parts = [f"{b.muscle} {fmt_number(b.failure)} of {fmt_number(b.limit)}"
             + (f" ({fmt_number(b.spent)} spent)" if b.spent else "") for b in shown]
    return ("Failure sets this week against each muscle's limit (at most a third of its "
            "hard sets, W1): " + ", ".join(parts) + ".")


def starter_lines(plan: WeekPlan) -> tuple[str, ...]:
    if not plan.starter:
        return ()
    days = f"{plan.logged_days} training {'day' if plan.logged_days == 1 else 'days'}"
    return (f"A starter plan, from your first {days}. It adapts as you log: the days, "
            "sessions and sets follow what you actually do, and after two weeks it reads "
            "your last four.",)


def compact_lines(plan: WeekPlan, name: Namer = _name, limit: int = 6) -> tuple[str, ...]:
    """The plan in a few lines (the check-in DM): by day, failure work first in a day."""
    ordered = sorted(plan.exercises, key=lambda p: (p.days, p.failure_sessions == 0))
    lines = [f"{days_label(p.days)}: {name(p.exercise)}: {effort(p)}" for p in ordered[:limit]]
    if len(ordered) > limit:
        lines.append(f"…and {len(ordered) - limit} more: /plan shows them all.")
    return tuple(lines)


__all__ = [
    "DAY_NAMES",
    "budget_line",
    "compact_lines",
    "day_label",
    "days_label",
    "effort",
    "exercise_line",
    "group_fields",
    "headline",
    "starter_lines",
]
