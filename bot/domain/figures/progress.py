"""What the progress charts show, as plain values (bot.coach.charts draws them).

Exercise progress (:func:`exercise_progress`)
    One point per session (local date) of the exercise: for tiers A and B the best
    e1RM of the day (:func:`bot.domain.figures.e1rm.best_e1rm`, the /stats records'
    sets and gates); for other tiers, or when no set of the day passes the gates, the
    day's top set: its heaviest load, or its most reps when no set carried a load.
    Points of both kinds are kept apart (``kind``), so a chart never joins an
    estimate to a raw load. Beside them, the exercise's hard sets
    (:func:`bot.domain.figures.volume.is_hard`) per calendar week, zero-filled: a bar
    chart of weeks, not the rolling week of the advice.

Consistency calendar (:func:`consistency_calendar`)
    One column per week (Monday first), one cell per day: the working sets logged
    that day (0 for a rest day, None for days after today), with the week's target
    and whether the week met it (a current week only counts as met once it has).
    Weeks before the week of the lifter's first training day are not ``counted``:
    as with adherence, nobody misses a target before they started.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from bot.domain.figures.e1rm import best_e1rm
from bot.domain.figures.stats import Targets, week_start, week_target
from bot.domain.figures.volume import is_hard
from bot.domain.models import StoredEntry

PointKind = Literal["e1rm", "load", "reps"]


@dataclass(frozen=True)
class ProgressPoint:
    day: date
    value: float
    kind: PointKind


@dataclass(frozen=True)
class ExerciseProgress:
    name: str
    tier: str | None
    points: tuple[ProgressPoint, ...]
    weekly_hard_sets: tuple[tuple[date, int], ...]
    """(Monday, hard sets) for every week of the range, oldest first."""


@dataclass(frozen=True)
class CalendarWeek:
    monday: date
    sets: tuple[int | None, ...]
    """Working sets per day, Monday first; None for days after today."""
    target: int
    met: bool
    counted: bool = True

    @property
    def days(self) -> int:
        return sum(1 for n in self.sets if n)


def _day_point(entries: list[StoredEntry]) -> ProgressPoint | None:
    day = entries[0].local_date
    best = best_e1rm(entries)
    if best is not None:
        return ProgressPoint(day, best[0], "e1rm")
    sets = [s for e in entries for s in e.working_sets]
    loads = [s.load_kg for s in sets if s.load_kg is not None and s.load_kg > 0]
    if loads:
        return ProgressPoint(day, max(loads), "load")
    reps = [s.reps for s in sets if s.reps is not None and s.reps > 0]
    return ProgressPoint(day, float(max(reps)), "reps") if reps else None


def exercise_progress(
    entries: Iterable[StoredEntry], first: date, last: date
) -> ExerciseProgress | None:
    """Sessions of one exercise with local dates ``first..last``; None without any."""
    by_day: dict[date, list[StoredEntry]] = {}
    for entry in entries:
        if first <= entry.local_date <= last and entry.working_sets:
            by_day.setdefault(entry.local_date, []).append(entry)
    if not by_day:
        return None
    points = [p for day in sorted(by_day) if (p := _day_point(by_day[day])) is not None]
    hard: dict[date, int] = {}
    monday = week_start(first)
    while monday <= last:
        hard[monday] = 0
        monday += timedelta(days=7)
    for day, logged in by_day.items():
        hard[week_start(day)] += sum(1 for e in logged for s in e.sets if is_hard(s))
    exercise = next(iter(by_day.values()))[0].exercise
    return ExerciseProgress(exercise.name, exercise.tier, tuple(points),
                            tuple(sorted(hard.items())))


def consistency_calendar(
    entries: Iterable[StoredEntry], today: date, weeks: int, targets: Targets,
    first_day: date | None = None,
) -> tuple[CalendarWeek, ...]:
    """The last ``weeks`` weeks up to the one holding ``today``, oldest first.

    ``first_day`` is the lifter's first training day (None: they have none).
    """
    if weeks < 1:
        raise ValueError(f"a calendar needs at least one week, got {weeks}")
    current = week_start(today)
    first = current - timedelta(weeks=weeks - 1)
    per_day: dict[date, int] = {}
    for entry in entries:
        if first <= entry.local_date <= today:
            per_day[entry.local_date] = per_day.get(entry.local_date, 0) + len(
                entry.working_sets)
    out: list[CalendarWeek] = []
    for i in range(weeks):
        monday = first + timedelta(weeks=i)
        days = [monday + timedelta(days=d) for d in range(7)]
        sets = tuple(None if d > today else per_day.get(d, 0) for d in days)
        target = week_target(targets, monday)
        trained = sum(1 for n in sets if n)
        counted = first_day is not None and monday >= week_start(first_day)
        out.append(CalendarWeek(monday, sets, target, counted and trained >= target, counted))
    return tuple(out)
