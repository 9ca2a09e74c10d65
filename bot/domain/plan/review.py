"""The weekly check-in: last week against its plan, and the week ahead in a few lines.

Pure: the coach passes the entries, the plan as it stood when the reviewed week
began, the plan of the week ahead and any extra lines it has (new bests, the RIR
calibration). The reviewed week is a calendar week: on a Sunday the week ending that
day, on any other day the week before. Training days count as /stats counts them,
failure and hard sets as the advice does (``bot.domain.figures.volume``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from bot.domain.figures.stats import training_days
from bot.domain.figures.volume import (
    failure_sets_by_tier,
    fmt_number,
    hard_sets_per_muscle,
    volume_band,
)
from bot.domain.models import TIERS, Exercise, StoredEntry, Tier
from bot.domain.plan.blocks import describe_block, monday_of
from bot.domain.plan.model import WeekPlan
from bot.domain.plan.text import compact_lines, day_label

Namer = Callable[[Exercise], str]
MESSAGE_LIMIT = 1900
MUSCLES_SHOWN = 8


def reviewed_monday(send_day: date) -> date:
    """The Monday of the week a check-in sent on ``send_day`` looks back on."""
    if send_day.weekday() == 6:
        return monday_of(send_day)
    return monday_of(send_day) - timedelta(weeks=1)


@dataclass(frozen=True)
class Review:
    """Last week in figures (the chart draws ``hard_sets``) and the DM's text."""

    first: date
    days: int
    target: int
    planned: dict[Tier, int]
    failures: dict[Tier, int]
    hard_sets: dict[str, float]
    text: str = ""
    extra: tuple[str, ...] = field(default=())


def planned_by_tier(plan: WeekPlan) -> dict[Tier, int]:
    """Failure sets the plan placed on each tier (one per failure session)."""
    planned: dict[Tier, int] = dict.fromkeys(TIERS, 0)
    for item in plan.exercises:
        if item.exercise.tier is not None and item.place != "none":
            planned[item.exercise.tier] += item.failure_sessions
    return planned


def week_review(entries: Sequence[StoredEntry], first: date, planned: WeekPlan,
                upcoming: WeekPlan, target: int, extra: Sequence[str] = (),
                name: Namer = lambda e: e.name) -> Review:
    """The check-in for the week starting ``first``, with next week's plan."""
    sunday = first + timedelta(days=6)
    week = [e for e in entries if first <= e.local_date <= sunday]
    days = len(training_days(week))
    failures = failure_sets_by_tier(week, sunday)
    hard = hard_sets_per_muscle(week, sunday)
    review = Review(first, days, target, planned_by_tier(planned), failures, hard,
                    extra=tuple(extra))
    lines = [f"**Weekly check-in: {day_label(first)} to {day_label(sunday)}**",
             _days_line(days, target), _failure_line(review), _volume_line(hard),
             *extra, _plan_heading(upcoming), *compact_lines(upcoming, name),
             "-# /plan shows the whole week; /checkin off stops these."]
    text = "\n".join(line for line in lines if line)
    if len(text) > MESSAGE_LIMIT:
        text = text[: MESSAGE_LIMIT - 1] + "…"
    return Review(review.first, days, target, review.planned, failures, hard, text,
                  tuple(extra))


def _days_line(days: int, target: int) -> str:
    if days == 0:
        return f"Training days: none of your {target}. A fresh week starts now."
    met = "target met" if days >= target else f"{target - days} short of your target"
    return f"Training days: {days} of {target} ({met})."


def _failure_line(review: Review) -> str:
    parts = [f"{t} {review.failures[t]} of {review.planned[t]}" for t in TIERS
             if review.failures[t] or review.planned[t]]
    if not parts:
        return "Failure sets: none planned, none done."
    line = "Failure sets done of planned, by tier: " + ", ".join(parts) + "."
    extra = [t for t in TIERS if review.failures[t] > review.planned[t]]
    if extra:
        line += " More than planned on tier " + ", ".join(extra) + "."
    return line


def _volume_line(hard: dict[str, float]) -> str:
    if not hard:
        return ""
    ranked = sorted(hard.items(), key=lambda kv: (-kv[1], kv[0]))[:MUSCLES_SHOWN]
    marks = {"above": " (above 20)", "below": " (below 10)", "within": ""}
    parts = [f"{m} {fmt_number(v)}{marks[volume_band(v)]}" for m, v in ranked]
    return "Hard sets per muscle: " + ", ".join(parts) + "."


def _plan_heading(plan: WeekPlan) -> str:
    kind = "deload week" if plan.deload else describe_block(plan.block)
    return f"**Plan for the week of {day_label(plan.week_first)}** ({kind}):"


__all__ = ["Review", "planned_by_tier", "reviewed_monday", "week_review"]
