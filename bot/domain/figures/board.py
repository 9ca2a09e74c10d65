"""Leaderboard figures for a whole server in one pass.

:mod:`bot.domain.figures.stats` defines each figure for one lifter. This module computes
the same figures for thousands of lifters at once from ``(lifter, local date)``
pairs, so the board of a large server stays fast; its tests check every figure
against the per-lifter function it mirrors.

Who is on a board
    A member of the server (logged there, not opted out, and logged there within the
    last ``BOARD_AWAY_WEEKS`` weeks: the storage and the coach leave the others out)
    with at least one training day in the board's window. Each window is
    the lifter's own: it ends on their local today and starts on the Monday
    ``weeks - 1`` weeks before their current week, or, with ``weeks=None``, on the
    Monday of their first training day. A board lists the people who showed up in
    its window, whatever the metric.

Figures (``metric``)
    ``days``
        Training days in the window (:func:`bot.domain.figures.stats.days_in_window`), at most
        ``MAX_DAYS_PER_WEEK`` (6) of them in any one week: a board about showing up
        should not reward training every day, so a seventh day in a week adds nothing.
    ``adherence``
        :func:`bot.domain.figures.stats.adherence` over the window: the whole window
        counts (all time: at least ``ALL_TIME_MIN_WEEKS`` weeks), weeks before a
        lifter's first training day included, and the current week only for its
        elapsed days, so a short record never ties a long one at the same share.
    ``streak``
        :func:`bot.domain.figures.stats.weekly_streak`; the window only decides who is listed.
    ``discipline``
        :func:`bot.domain.figures.stats.discipline` over the window's dates, from per-day
        counts (:class:`DisciplineDay`); a lifter with nothing to judge is left off.

Inputs
    ``days`` holds distinct pairs. A pair dated after the lifter's today is
    ignored, as the per-lifter functions do. ``since`` says how far back the pairs
    reach (None: all of them); a streak that reaches further back than that is
    reported in :attr:`Figures.incomplete`, so the caller can fetch earlier days
    for those lifters and compute again. ``BoardLifter.first_day`` is the lifter's
    first training day when it may lie before ``since``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal, NamedTuple

from bot.domain.figures.stats import (
    ALL_TIME_MIN_WEEKS,
    DEFAULT_TARGET,
    Targets,
    discipline_score,
    target_lookup,
)

ConsistencyMetric = Literal["adherence", "streak", "days"]
Metric = Literal["adherence", "streak", "days", "discipline"]
METRICS: tuple[Metric, ...] = ("adherence", "streak", "days", "discipline")
MAX_DAYS_PER_WEEK = 6
BOARD_AWAY_WEEKS = 8
"""A member who has not logged in a server for this long is off its boards until their
next log there (migration 014's trigger holds the same 56 days)."""


class BoardLifter(NamedTuple):
    """What a board needs to know about one lifter besides their training days.

    A named tuple: a board of a large server makes thousands of them per request.
    """

    today: date
    targets: Targets = DEFAULT_TARGET
    first_day: date | None = None


@dataclass(frozen=True, slots=True)
class DisciplineDay:
    """One lifter's discipline counts for one local date (see ``stats.discipline``).

    ``short`` of ``judged`` tier A/B sets stopped short of failure; ``hard_sessions``
    of ``sessions`` tier C/D exercise-sessions had a set at RIR <= 1.
    """

    short: int
    judged: int
    hard_sessions: int
    sessions: int


@dataclass(frozen=True)
class Figures:
    """One value per listed lifter, and the streaks that need earlier days."""

    values: dict[str, float]
    incomplete: frozenset[str] = frozenset()


def _check_weeks(weeks: int | None) -> None:
    if weeks is not None and weeks < 1:
        raise ValueError(f"a window needs at least one week, got {weeks}")


def _monday(ordinal: int) -> int:
    """The ordinal of the Monday starting the week of ``ordinal`` (day 1 is a Monday)."""
    return ordinal - (ordinal - 1) % 7


def _counts_by_lifter(
    days: Iterable[tuple[str, date]], lifters: Mapping[str, BoardLifter]
) -> dict[str, dict[int, int]]:
    """Training days per week (keyed by the Monday's ordinal) for each known lifter."""
    mondays: dict[date, int] = {}
    earliest_today = min((lifter.today for lifter in lifters.values()), default=date.max)
    counts: dict[str, dict[int, int]] = {}
    for user, day in days:
        monday = mondays.get(day)
        if monday is None:
            monday = mondays[day] = _monday(day.toordinal())
        if day > earliest_today:
            lifter = lifters.get(user)
            if lifter is None or day > lifter.today:
                continue
        weeks = counts.get(user)
        if weeks is None:
            weeks = counts[user] = {}
        weeks[monday] = weeks.get(monday, 0) + 1
    return counts


def consistency_figures(
    metric: ConsistencyMetric,
    lifters: Mapping[str, BoardLifter],
    days: Iterable[tuple[str, date]],
    weeks: int | None,
    since: date | None = None,
) -> Figures:
    """Days, adherence or streak for every lifter listed on the board; see the module."""
    _check_weeks(weeks)
    if metric not in ("adherence", "streak", "days"):
        raise ValueError(f"not a consistency metric: {metric}")
    complete_from = None
    if since is not None:
        first = since.toordinal()
        complete_from = first if _monday(first) == first else _monday(first) + 7
    values: dict[str, float] = {}
    incomplete: set[str] = set()
    currents: dict[date, int] = {}
    for user, counts in _counts_by_lifter(days, lifters).items():
        lifter = lifters.get(user)
        if lifter is None:
            continue
        current = currents.get(lifter.today)
        if current is None:
            current = currents[lifter.today] = _monday(lifter.today.toordinal())
        first_week = min(counts)
        if lifter.first_day is not None and lifter.first_day <= lifter.today:
            first_week = min(first_week, _monday(lifter.first_day.toordinal()))
        start = first_week if weeks is None else current - 7 * (weeks - 1)
        trained_days = 0
        for week, n in counts.items():
            if week >= start:
                trained_days += n if n < MAX_DAYS_PER_WEEK else MAX_DAYS_PER_WEEK
        if trained_days == 0:
            continue
        if metric == "days":
            values[user] = float(trained_days)
        elif metric == "streak":
            streak, reached = _streak(counts, current, lifter.targets)
            values[user] = float(streak)
            if complete_from is not None and reached < complete_from:
                incomplete.add(user)
        else:
            if weeks is None:
                start = min(start, current - 7 * (ALL_TIME_MIN_WEEKS - 1))
            elapsed = lifter.today.toordinal() - current + 1
            values[user] = _adherence(counts, current, start, lifter.targets, elapsed)
    return Figures(values, frozenset(incomplete))


def _streak(counts: Mapping[int, int], current: int, targets: Targets) -> tuple[int, int]:
    """The streak, and the Monday of the week that ended it (the earliest week looked at)."""
    at = _target_at(targets)
    streak = 0
    week = current - 7
    while counts.get(week, 0) >= at(week):
        streak += 1
        week -= 7
    if counts.get(current, 0) >= at(current):
        streak += 1
    return streak, week


def _adherence(
    counts: Mapping[int, int], current: int, start: int, targets: Targets, elapsed: int
) -> float:
    """``stats.adherence`` from week counts: complete weeks from ``start``, then the
    current week owing its target for ``elapsed`` of its 7 days."""
    if isinstance(targets, int):
        target = _clamped(targets)
        trained = 0
        for week, n in counts.items():
            if start <= week < current:
                trained += n if n < target else target
        due = target * elapsed / 7
        owed = target * ((current - start) // 7)
    else:
        at = _target_at(targets)
        trained = sum(min(n, at(week)) for week, n in counts.items() if start <= week < current)
        owed = sum(at(week) for week in range(start, current, 7))
        due = at(current) * elapsed / 7
    return (trained + min(counts.get(current, 0), due)) / (owed + due)


def _clamped(target: int) -> int:
    return target_lookup(target)(date.min) if not 1 <= target <= 7 else target


def _target_at(targets: Targets) -> Callable[[int], int]:
    """The target of the week starting on the Monday with this ordinal (in force on its
    Sunday, as ``stats.week_target`` reads it)."""
    if isinstance(targets, int):
        value = target_lookup(targets)(date.min)
        return lambda _monday: value
    at = target_lookup(targets)
    return lambda monday: at(date.fromordinal(monday + 6))


def discipline_figures(
    lifters: Mapping[str, BoardLifter],
    days: Iterable[tuple[str, date, DisciplineDay]],
    weeks: int | None,
) -> Figures:
    """The discipline score of every lifter with something to judge in their window."""
    _check_weeks(weeks)
    windows: dict[str, tuple[date, date]] = {}
    sums: dict[str, list[int]] = {}
    for user, day, counts in days:
        window = windows.get(user)
        if window is None:
            lifter = lifters.get(user)
            if lifter is None:
                continue
            today = lifter.today.toordinal()
            start = date.min if weeks is None else date.fromordinal(
                _monday(today) - 7 * (weeks - 1))
            window = windows[user] = (start, lifter.today)
        if not window[0] <= day <= window[1]:
            continue
        total = sums.get(user)
        if total is None:
            total = sums[user] = [0, 0, 0, 0]
        total[0] += counts.short
        total[1] += counts.judged
        total[2] += counts.hard_sessions
        total[3] += counts.sessions
    values: dict[str, float] = {}
    for user, (short, judged, hard, sessions) in sums.items():
        score = discipline_score(short, judged, hard, sessions)
        if score is not None:
            values[user] = score
    return Figures(values)
