"""The plan's values: what goes in (history, dates, settings) and what comes out.

Everything is a frozen value: the coach reads the lifter's data, passes it in with
this week's dates and the lifter's ``now``, and renders what comes back, so /plan, the
log reply and the weekly check-in all read one plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

from bot.domain.models import DEFAULT_TARGET, Exercise, Goal, Soreness, StoredEntry
from bot.domain.plan.blocks import BlockSetting, BlockWeek

FailurePlace = Literal["none", "last_set", "last_set_once", "drop_set"]
"""Where failure goes on an exercise this week: nowhere; the last set of each session;
the last set of one session only (tier B); the last set, or past it with a drop set."""


@dataclass(frozen=True)
class PlanInputs:
    """What a week's plan is worked out from.

    ``entries``: the lifter's entries of the last five weeks or more, exercises as the
    catalogue knows them now; ``week_first``: this week's Monday; ``today``: the
    lifter's local date (in this week); ``now``: the instant, for soreness reports;
    ``deload``: the lifter's declared deload, first and last local day (None: none).
    """

    entries: Sequence[StoredEntry]
    week_first: date
    today: date
    now: datetime
    block: BlockSetting
    goal: Goal = "general"
    weekly_target: int = DEFAULT_TARGET
    soreness: Sequence[Soreness] = ()
    deload: tuple[date, date] | None = None

    @property
    def sunday(self) -> date:
        return self.week_first + timedelta(days=6)


@dataclass(frozen=True)
class ExercisePlan:
    """One exercise this week: where failure goes and how hard the other sets are.

    ``failure_sessions`` counts the sessions of the week (done and to come) whose last
    set goes to failure; ``budget_cut`` how many the muscles' failure budget took away.
    """

    exercise: Exercise
    days: tuple[int, ...]
    sessions: int
    sets: int
    place: FailurePlace
    rir: str  # the effort of every set that does not go to failure, e.g. "1-3"
    why: str
    failure_sessions: int = 0
    sessions_done: int = 0
    failure_done: int = 0  # failure sets logged on it this week
    failure_days: int = 0  # of its sessions this week, those with a failure set
    budget_cut: int = 0
    sore: str | None = None  # the sore body part (W4) that keeps it off failure

    @property
    def failure_left(self) -> int:
        """Failure sessions still to come this week."""
        return max(0, self.failure_sessions - self.failure_days)


@dataclass(frozen=True)
class MuscleBudget:
    """A muscle's week: hard sets (done plus planned), failure sets planned in all, and
    the most failure sets that keep W1's share in bounds."""

    muscle: str
    hard: float
    failure: float
    limit: float
    spent: float  # failure sets already logged this week


@dataclass(frozen=True)
class WeekPlan:
    week_first: date
    today: date
    block: BlockWeek
    goal: Goal
    weekly_target: int
    exercises: tuple[ExercisePlan, ...] = ()
    budgets: tuple[MuscleBudget, ...] = ()
    deload: bool = False
    starter: bool = False
    logged_days: int = 0
    tier_b_key: str | None = None  # the exercise that holds the week's tier B failure set
    tier_b_spent: bool = False
    tier_a_done: int = 0  # tier A failure sets logged this week
    sore: tuple[str, ...] = field(default=())  # body parts kept off failure (W4)

    @property
    def sunday(self) -> date:
        return self.week_first + timedelta(days=6)

    @property
    def failure_week(self) -> bool:
        """A week in which failure is planned at all."""
        return not self.deload and not self.block.heavy

    def find(self, key: str) -> ExercisePlan | None:
        return next((p for p in self.exercises if p.exercise.key == key), None)


__all__ = ["ExercisePlan", "FailurePlace", "MuscleBudget", "PlanInputs", "WeekPlan"]
