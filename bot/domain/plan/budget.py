"""The failure budget: per muscle, no more failure in the week than W1 lets pass.

The week's sets are this week's logged sets plus the sessions still planned, built as
entries and counted with the one definition of hard sets, failure sets and W1's share
(``bot.domain.figures.volume``). While a muscle's failure share would be too high, one
planned failure session comes off the exercise that matters least for it: tier B
first (the riskiest failure), then tier C, then tier D (where the article wants
failure most); within a tier, the one that counts most for that muscle.
Failure already logged cannot be taken back, so a set spent early in the week takes
its place in the budget and the sessions still to come give way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from bot.domain.catalogue.muscles import muscle_weights
from bot.domain.figures.volume import (
    failure_sets_per_muscle,
    failure_share_too_high,
    hard_sets_per_muscle,
)
from bot.domain.local_time import require_aware
from bot.domain.models import SetRecord, StoredEntry
from bot.domain.plan.model import ExercisePlan, MuscleBudget

_CUT_ORDER = {"B": 0, "C": 1, "D": 2}
_LAST = 10_000  # cap on the loop: each turn removes a planned failure session


@dataclass(frozen=True)
class _Planned:
    plan: ExercisePlan
    left: int  # sessions still to come
    failure_left: int  # of those, sessions ending on failure


def _rir_low(rir: str) -> float:
    return float(rir.split("-")[0])


def planned_entries(plans: Sequence[ExercisePlan], lefts: dict[str, tuple[int, int]],
                    day: date, moment: datetime) -> list[StoredEntry]:
    """The sessions still to come, as entries dated ``day`` (only the week matters).

    Ids are negative so they never meet a stored entry's.
    """
    made: list[StoredEntry] = []
    for plan in plans:
        left, failing = lefts[plan.exercise.key]
        for n in range(left):
            rir = _rir_low(plan.rir)
            sets = [SetRecord(reps=8, rir=rir) for _ in range(plan.sets)]
            if n < failing:
                sets[-1] = SetRecord(reps=8, failure=True)
            made.append(StoredEntry(-(len(made) + 1), plan.exercise, tuple(sets), moment, day))
    return made


def apply_budget(plans: Sequence[ExercisePlan], done: Sequence[StoredEntry], sunday: date,
                 today: date, now: datetime) -> tuple[list[ExercisePlan], list[MuscleBudget]]:
    """``plans`` with failure sessions cut until every muscle's share is in bounds."""
    require_aware(now, "now")
    lefts = {p.exercise.key: (max(0, p.sessions - p.sessions_done),
                              min(p.failure_left, max(0, p.sessions - p.sessions_done)))
             for p in plans}
    cuts = dict.fromkeys(lefts, 0)
    moment = datetime.combine(today, time(12), now.tzinfo)
    spent = failure_sets_per_muscle(done, sunday)
    for _ in range(_LAST):
        week = [*done, *planned_entries(plans, lefts, today, moment)]
        hard = hard_sets_per_muscle(week, sunday)
        failure = failure_sets_per_muscle(week, sunday)
        over = sorted(m for m in failure if failure_share_too_high(failure[m], hard.get(m, 0)))
        victim = _victim(plans, lefts, over)
        if victim is None:
            break
        left, failing = lefts[victim]
        lefts[victim] = (left, failing - 1)
        cuts[victim] += 1
    budgets = [MuscleBudget(m, hard[m], failure.get(m, 0.0), _limit(hard[m]),
                            spent.get(m, 0.0)) for m in sorted(hard)]
    adjusted = [_cut(p, cuts[p.exercise.key]) for p in plans]
    return adjusted, budgets


def _victim(plans: Sequence[ExercisePlan], lefts: dict[str, tuple[int, int]],
            over: list[str]) -> str | None:
    """The exercise to lose one planned failure session (None: nothing left to cut)."""
    for muscle in over:
        candidates = [p for p in plans if lefts[p.exercise.key][1] > 0
                      and muscle_weights(p.exercise).get(muscle, 0) > 0]
        if candidates:
            best = min(candidates, key=lambda p: (
                _CUT_ORDER.get(p.exercise.tier or "", 0),
                -muscle_weights(p.exercise)[muscle], -lefts[p.exercise.key][1],
                p.exercise.name))
            return best.exercise.key
    return None


def _cut(plan: ExercisePlan, cut: int) -> ExercisePlan:
    if not cut:
        return plan
    return replace(plan, failure_sessions=plan.failure_sessions - cut, budget_cut=cut)


def _limit(hard: float) -> float:
    """The most failure sets (whole or half) ``hard`` hard sets allow under W1's share."""
    allowed = 0.0
    while allowed + 0.5 <= hard and not failure_share_too_high(allowed + 0.5, hard):
        allowed += 0.5
    return allowed


def week_days(first: date) -> tuple[date, ...]:
    return tuple(first + timedelta(days=n) for n in range(7))


__all__ = ["apply_budget", "planned_entries", "week_days"]
