"""What a lifter usually does, read from their last four weeks: the plan's raw material.

Per exercise: the weekdays they usually train it, how many sessions a week and how
many working sets a session. The plan follows habits rather than prescribing a
programme: it says where failure goes in the training the lifter already does.

- The window is the four calendar weeks before this one plus this week so far.
- Sessions a week are the exercise's training days in the complete weeks of the
  window divided by the number of those weeks (a lifter who began two weeks ago has
  two), rounded, at least one; in a lifter's first week, this week's days count.
- The usual days are the weekdays it was trained on most often, as many as its
  sessions a week (ties go to the earlier weekday).
- Sets a session: the median of its working sets per training day.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median_low

from bot.domain.figures.volume import unique_entries
from bot.domain.models import Exercise, StoredEntry

WINDOW_WEEKS = 4
"""An exercise is in the plan when it was trained in the last four weeks."""
STARTER_DAYS = 14
"""Under two weeks of history, the plan is a starter plan."""


@dataclass(frozen=True)
class Habit:
    """One exercise as the lifter usually trains it."""

    exercise: Exercise
    days: tuple[int, ...]  # usual weekdays, Monday 0
    sessions: int  # sessions a week
    sets: int  # working sets a session
    done_dates: tuple[date, ...] = ()  # its training days this week so far


@dataclass(frozen=True)
class Habits:
    habits: tuple[Habit, ...]
    starter: bool
    logged_days: int  # training days in the window


def window_start(week_first: date) -> date:
    return week_first - timedelta(weeks=WINDOW_WEEKS)


def _per_day(entries: Iterable[StoredEntry]) -> dict[str, dict[date, int]]:
    """Working sets per exercise key and local date."""
    found: dict[str, dict[date, int]] = {}
    for e in entries:
        working = len(e.working_sets)
        if working:
            days = found.setdefault(e.exercise.key, {})
            days[e.local_date] = days.get(e.local_date, 0) + working
    return found


def read_habits(entries: Sequence[StoredEntry], week_first: date, today: date) -> Habits:
    """The habits behind this week's plan (``week_first`` is this week's Monday)."""
    start = window_start(week_first)
    recent = [e for e in unique_entries(entries) if start <= e.local_date <= today]
    per_day = _per_day(recent)
    if not per_day:
        return Habits((), True, 0)
    first = min(d for days in per_day.values() for d in days)
    complete = max(0, (week_first - (first - timedelta(days=first.weekday()))).days // 7)
    latest = {e.exercise.key: e.exercise for e in sorted(recent, key=lambda e: e.local_date)}
    habits = [_habit(latest[key], days, week_first, complete) for key, days in per_day.items()]
    habits.sort(key=lambda h: (h.days, -h.sessions, h.exercise.name))
    all_days = {d for days in per_day.values() for d in days}
    return Habits(tuple(habits), (today - first).days < STARTER_DAYS, len(all_days))


def _habit(exercise: Exercise, days: dict[date, int], week_first: date, complete: int
           ) -> Habit:
    before = [d for d in days if d < week_first]
    this_week = tuple(sorted(d for d in days if d >= week_first))
    if complete and before:
        sessions = max(1, int(len(before) / complete + 0.5))
    else:
        sessions = max(1, len(this_week))
    sessions = min(sessions, 7)
    counts = Counter(d.weekday() for d in days)
    ranked = sorted(counts, key=lambda w: (-counts[w], w))[:sessions]
    sets = median_low(sorted(days.values()))
    return Habit(exercise, tuple(sorted(ranked)), sessions, max(1, sets), this_week)


__all__ = ["STARTER_DAYS", "WINDOW_WEEKS", "Habit", "Habits", "read_habits", "window_start"]
