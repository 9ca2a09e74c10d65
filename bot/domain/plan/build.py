"""This week's plan from the lifter's habits, their blocks, goal, soreness and deload.

``plan_week`` is pure: the coach passes the entries, this week's Monday, the lifter's
local today and ``now``. What was logged this week so far is part of the answer: a
tier B failure set already done closes tier B for the week, and failure sets already
spent count against each muscle's budget before anything still to come.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime

from bot.domain.advice.checks import sore_days, sore_too_long
from bot.domain.catalogue.muscles import trains
from bot.domain.figures.volume import failure_count, unique_entries
from bot.domain.models import Exercise, Soreness, StoredEntry
from bot.domain.plan.blocks import block_week
from bot.domain.plan.budget import apply_budget
from bot.domain.plan.habits import Habit, read_habits, window_start
from bot.domain.plan.model import ExercisePlan, PlanInputs, WeekPlan
from bot.domain.plan.policy import WeekKind, failure_sessions, prescribe

DELOAD_SHARE = 0.5
"""A deload week keeps about half the usual sets."""


def plan_week(inputs: PlanInputs) -> WeekPlan:
    """Where failure goes this week, per exercise the lifter trained in the last 4 weeks."""
    first, today = inputs.week_first, inputs.today
    if not first <= today <= inputs.sunday:
        raise ValueError("today must fall in the week that starts on week_first")
    entries = [e for e in unique_entries(inputs.entries)
               if window_start(first) <= e.local_date <= today]
    done = [e for e in entries if e.local_date >= first]
    habits = read_habits(entries, first, today)
    block = block_week(inputs.block, first)
    deload = _in_deload(inputs.deload, today, inputs.sunday)
    tier_b_done = [e for e in done if e.exercise.tier == "B" and failure_count(e)]
    tier_b_key = (tier_b_done[0].exercise.key if tier_b_done
                  else _tier_b_choice(habits.habits, entries))
    week = WeekKind(block, deload, inputs.goal, tier_b_key, bool(tier_b_done))
    sore = _sore_parts(inputs.soreness, inputs.now)
    plans = [_exercise_plan(h, week, sore, done) for h in habits.habits]
    plans, budgets = apply_budget(plans, done, inputs.sunday, today, inputs.now)
    tier_a = sum(failure_count(e) for e in done if e.exercise.tier == "A")
    return WeekPlan(
        week_first=first, today=today, block=block, goal=inputs.goal,
        weekly_target=inputs.weekly_target, exercises=tuple(plans), budgets=tuple(budgets),
        deload=deload, starter=habits.starter, logged_days=habits.logged_days,
        tier_b_key=tier_b_key if block.kind != "heavy" and not deload else None,
        tier_b_spent=bool(tier_b_done), tier_a_done=tier_a, sore=tuple(sore),
    )


def _in_deload(deload: tuple[date, date] | None, today: date, sunday: date) -> bool:
    """A deload that covers any day from today to Sunday makes this a deload week."""
    return deload is not None and deload[0] <= sunday and deload[1] >= today


def _tier_b_choice(habits: Sequence[Habit], entries: Sequence[StoredEntry]) -> str | None:
    """The tier B lift that gets the week's one failure set: the one trained most often
    in the window (then by name), so the choice stays put from week to week."""
    days = Counter(e.exercise.key for e in {(e.exercise.key, e.local_date): e
                                            for e in entries}.values())
    lifts = [h.exercise for h in habits if h.exercise.tier == "B"]
    if not lifts:
        return None
    return min(lifts, key=lambda x: (-days[x.key], x.name)).key


def _sore_parts(reports: Sequence[Soreness], now: datetime) -> list[str]:
    """Body parts sore long enough for W4 to speak, as the lifter named them."""
    found = []
    for report in reports:
        total = sore_days(report, now)
        if total is not None and sore_too_long(total):
            found.append(report.body_part)
    return sorted(set(found))


def _sore_for(exercise: Exercise, sore: Sequence[str]) -> str | None:
    return next((part for part in sore if trains(exercise, part)), None)


def _exercise_plan(habit: Habit, week: WeekKind, sore: Sequence[str],
                   done: Sequence[StoredEntry]) -> ExercisePlan:
    exercise = habit.exercise
    part = _sore_for(exercise, sore) if week.block.kind != "heavy" and not week.deload else None
    rx = prescribe(exercise, week, part)
    mine = [e for e in done if e.exercise.key == exercise.key]
    failed_days = {e.local_date for e in mine if failure_count(e)}
    sets = habit.sets
    if week.deload:
        sets = max(1, int(sets * DELOAD_SHARE + 0.5))
    sessions = max(habit.sessions, len(habit.done_dates))
    planned = failure_sessions(rx.place, sessions)
    if rx.place == "last_set_once" and failed_days:
        planned = len(failed_days)
    plan = ExercisePlan(
        exercise=exercise, days=habit.days, sessions=sessions, sets=sets, place=rx.place,
        rir=rx.rir, why=rx.why, failure_sessions=planned,
        sessions_done=len(habit.done_dates), failure_done=sum(map(failure_count, mine)),
        failure_days=len(failed_days), sore=part,
    )
    if plan.failure_days > plan.failure_sessions:
        # Failure logged where none was planned: it stays counted, nothing more is planned.
        plan = replace(plan, failure_sessions=plan.failure_days)
    return plan


__all__ = ["DELOAD_SHARE", "plan_week"]
