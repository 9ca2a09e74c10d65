"""A server's week in figures: what the weekly recap post says.

Every figure is the boards' own (:mod:`bot.domain.figures.stats`), computed for each
lifter on the server's boards as of the Sunday that ends the recapped week, so the
recap never disagrees with /stats or /leaderboard about that week:

* **met**: lifters whose training days that week reached the week's target
  (:func:`~bot.domain.figures.stats.week_target`), most days first;
* **streaks**: the longest running weekly streaks (``weekly_streak`` on that Sunday),
  at least one week long;
* **improved**: the biggest rises in 4-week adherence, from the 4 weeks before to the
  4 weeks ending that Sunday, among lifters whose record began before the earlier
  4 weeks ended (a newcomer's first weeks are a start, not an improvement);
* **training days**: the lifters' training days that week, and how many trained.

Orders follow the boards: higher first, ties to the longer record (the earlier first
training day), then by id (:func:`bot.domain.figures.ranking.rank`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from bot.domain.figures.ranking import rank
from bot.domain.figures.stats import Targets, adherence, week_start, week_target, weekly_streak

RECAP_TOP = 3
"""How many streaks and improvements a recap names."""
IMPROVEMENT_WEEKS = 4


@dataclass(frozen=True)
class RecapLifter:
    """One lifter on the server's boards: training days (wherever logged) and targets."""

    days: frozenset[date]
    targets: Targets


@dataclass(frozen=True)
class Improvement:
    user_id: str
    before: float
    after: float


@dataclass(frozen=True)
class WeekRecap:
    monday: date
    met: tuple[str, ...]
    streaks: tuple[tuple[str, int], ...]
    improved: tuple[Improvement, ...]
    training_days: int
    trained: int  # lifters with at least one training day that week

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)


def _records(lifters: Mapping[str, RecapLifter], sunday: date) -> dict[str, float]:
    """Each lifter's record length for ties: minus the ordinal of their first day."""
    out: dict[str, float] = {}
    for user, lifter in lifters.items():
        past = [d for d in lifter.days if d <= sunday]
        if past:
            out[user] = -float(min(past).toordinal())
    return out


def week_recap(lifters: Mapping[str, RecapLifter], monday: date,
               top: int = RECAP_TOP) -> WeekRecap:
    """The week starting on ``monday`` (any date: its week is taken), for these lifters."""
    monday = week_start(monday)
    sunday = monday + timedelta(days=6)
    records = _records(lifters, sunday)
    in_week: dict[str, float] = {}
    met: dict[str, float] = {}
    streaks: dict[str, float] = {}
    for user, lifter in lifters.items():
        days = sum(1 for d in lifter.days if monday <= d <= sunday)
        if days:
            in_week[user] = float(days)
            if days >= week_target(lifter.targets, monday):
                met[user] = float(days)
        streak = weekly_streak(lifter.days, sunday, lifter.targets)
        if streak:
            streaks[user] = float(streak)
    return WeekRecap(
        monday=monday,
        met=tuple(s.user_id for s in rank(met, longer=records)),
        streaks=tuple((s.user_id, int(s.value)) for s in rank(streaks, longer=records)[:top]),
        improved=_improved(lifters, sunday, records, top),
        training_days=int(sum(in_week.values())),
        trained=len(in_week),
    )


def _improved(lifters: Mapping[str, RecapLifter], sunday: date, records: dict[str, float],
              top: int) -> tuple[Improvement, ...]:
    earlier = sunday - timedelta(weeks=IMPROVEMENT_WEEKS)
    found: dict[str, Improvement] = {}
    for user, lifter in lifters.items():
        if not any(d <= earlier for d in lifter.days):
            continue
        before = adherence(lifter.days, earlier, lifter.targets, IMPROVEMENT_WEEKS) or 0.0
        after = adherence(lifter.days, sunday, lifter.targets, IMPROVEMENT_WEEKS) or 0.0
        if after > before:
            found[user] = Improvement(user, before, after)
    gains = {u: i.after - i.before for u, i in found.items()}
    return tuple(found[s.user_id] for s in rank(gains, longer=records)[:top])
