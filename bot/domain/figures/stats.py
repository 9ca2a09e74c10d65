"""Consistency, weekly volume and discipline figures for the leaderboards.

Every function here is pure: it takes entries, dates and targets and returns
numbers. Nothing reads the clock; the caller passes ``today`` as the lifter's
own local date. Figures are per lifter: pass one lifter's entries at a time.

Consistency model
-----------------
* **Training day**: a local date (in the lifter's own time zone) with at least
  one working, i.e. non-warm-up, set. ``StoredEntry.local_date`` already holds
  that date, so a backdated log simply counts on the earlier date it names.
* **Week**: an ISO week, Monday to Sunday, of local dates. A week is named by
  its Monday (:func:`week_start`). The week holding ``today`` is the *current*
  week; every earlier week is *complete*.
* **Target**: days per week the lifter aims for, 1 to 7 (values outside are
  clamped), 3 by default. Targets come as a history of
  ``(effective_from, target)`` pairs; a week uses the target in force on its
  last day (Sunday), so a change applies to the week it is made in, the current
  week included: /stats, the boards and the reminders all read the target just
  set. Before the first record the default of 3 applies. A plain ``int`` is
  accepted as a target that never changed.
* **Days after ``today``** are ignored by the streak, adherence and window counts.

Weekly streak (:func:`weekly_streak`)
    The number of consecutive complete weeks that met their target, counting
    back from the last complete week, plus 1 when the current week has
    already met its target. A current week that has not (yet) met its target
    adds nothing and breaks nothing.

Adherence (:func:`adherence`)
    A window of ``N`` weeks is the current week and the ``N - 1`` weeks before
    it; ``None`` (all time) means every week since the week of the first
    training day, and never fewer than ``ALL_TIME_MIN_WEEKS`` (12) weeks. The
    whole window counts, so a short record cannot look like a long one: weeks
    of the window before the lifter's first training day owe their target like
    any other week (the prior for a week nobody has seen is "not trained").
    Each complete week ``w`` owes ``target_w`` and is credited
    ``min(days_w, target_w)`` (extra days earn nothing). The current week counts
    only for its elapsed days: on its ``e``-th day (Monday is 1) it owes
    ``target * e / 7`` and is credited at most that. Then::

        adherence = sum(credited) / sum(owed)

    in ``0..1``, or ``None`` for a lifter with no training day yet. One day logged
    on the first day of the week is therefore worth one seventh of a week, never
    four weeks of perfect training. A lifter who trains later in the week than
    the calendar's pace loses at most the elapsed share of one week's target,
    and gets it back by training.
Weekly volume
-------------
Hard sets, failure sets and the rolling 7-day week they are counted over are defined
once, in :mod:`bot.domain.figures.volume`; /stats reads them there, as the advice does.

Discipline (:func:`discipline`)
    How well a lifter follows the article's exercise-dependent failure policy:

    * ``short`` = share of tier A/B working sets with a known effective RIR
      that stopped short of failure (effective RIR >= 1);
    * ``hard`` = share of tier C/D exercise-sessions (one exercise key on one
      local date, however many entries it was logged in) that had at least one
      working set near failure (effective RIR <= 1, ``volume.near_failure``).
      Normally that is the last set; any set
      is accepted so the board agrees with advice rule A3 and with the article's
      rule of one set per exercise taken to failure. Sessions with no working set of known
      RIR are left out.

    The score is the mean of ``short`` and ``hard`` when both exist, the one
    that exists otherwise, and ``None`` when neither does.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import TypeAlias

from bot.domain.figures.e1rm import PersonalRecord, best_e1rm, brzycki, e1rm, personal_records
from bot.domain.figures.ranking import Page, Ranking, Standing, leaderboard_page, rank, rank_of
from bot.domain.figures.volume import near_failure
from bot.domain.models import (
    DEFAULT_TARGET,
    MAX_TARGET,
    MIN_TARGET,
    SHORT_OF_FAILURE_TIERS,
    StoredEntry,
)

__all__ = [
    "ALL_TIME_MIN_WEEKS",
    "DEFAULT_TARGET",
    "MAX_TARGET",
    "MIN_TARGET",
    "Page",
    "PersonalRecord",
    "Ranking",
    "Standing",
    "TargetHistory",
    "Targets",
    "adherence",
    "adherence_start",
    "best_e1rm",
    "brzycki",
    "days_in_window",
    "discipline",
    "discipline_score",
    "e1rm",
    "elapsed_share",
    "leaderboard_page",
    "personal_records",
    "rank",
    "rank_of",
    "target_at",
    "target_lookup",
    "training_days",
    "week_counts",
    "week_start",
    "week_target",
    "weekly_streak",
]

_WEEK = timedelta(days=7)
_SUNDAY = timedelta(days=6)
ALL_TIME_MIN_WEEKS = 12
"""An all-time window is never shorter: a new lifter's first weeks are not all of time."""

TargetHistory: TypeAlias = Sequence[tuple[date, int]]
"""``(effective_from, days_per_week)`` pairs, in any order."""

Targets: TypeAlias = TargetHistory | int
"""A target history, or one target that never changed."""


# --------------------------------------------------------------------------- days and weeks


def training_days(entries: Iterable[StoredEntry]) -> frozenset[date]:
    """Local dates holding at least one working set."""
    return frozenset(e.local_date for e in entries if e.working_sets)


def week_start(d: date) -> date:
    """The Monday of the ISO week holding ``d``."""
    return d - timedelta(days=d.weekday())


def week_counts(days: Iterable[date]) -> dict[date, int]:
    """Number of distinct training days per week, keyed by the week's Monday."""
    return dict(Counter(week_start(d) for d in set(days)))


def _clamp_target(value: int) -> int:
    return max(MIN_TARGET, min(MAX_TARGET, int(value)))


class _TargetLookup:
    """The target in force on a given date, from a target history."""

    __slots__ = ("_dates", "_values")

    def __init__(self, targets: Targets) -> None:
        if isinstance(targets, int):
            self._dates: list[date] = [date.min]
            self._values: list[int] = [_clamp_target(targets)]
            return
        # A stable sort keeps input order for records sharing a date; the last wins.
        ordered = sorted(targets, key=lambda pair: pair[0])
        self._dates = [d for d, _ in ordered]
        self._values = [_clamp_target(t) for _, t in ordered]

    def at(self, d: date) -> int:
        i = bisect_right(self._dates, d)
        return DEFAULT_TARGET if i == 0 else self._values[i - 1]


def target_at(targets: Targets, d: date) -> int:
    """The target in force on ``d`` (the default before any record)."""
    return _TargetLookup(targets).at(d)


def target_lookup(targets: Targets) -> Callable[[date], int]:
    """``target_at`` for many dates of one lifter: the history is sorted once."""
    return _TargetLookup(targets).at


def week_target(targets: Targets, d: date) -> int:
    """The target of the week holding ``d``: the one in force on its Sunday."""
    return _TargetLookup(targets).at(week_start(d) + _SUNDAY)


def elapsed_share(today: date) -> float:
    """How much of the current week has passed, ``today`` included (Monday: 1/7)."""
    return (today.weekday() + 1) / 7


def _past_days(days: Iterable[date], today: date) -> set[date]:
    return {d for d in days if d <= today}


# --------------------------------------------------------------------------- consistency


def weekly_streak(days: Iterable[date], today: date, targets: Targets = DEFAULT_TARGET) -> int:
    """Consecutive weeks meeting the target; see the module docstring."""
    lookup = _TargetLookup(targets)
    counts = week_counts(_past_days(days, today))
    current = week_start(today)
    streak = 0
    week = current - _WEEK
    # Every target is at least 1, so the first week without training ends the loop.
    while counts.get(week, 0) >= lookup.at(week + _SUNDAY):
        streak += 1
        week -= _WEEK
    if counts.get(current, 0) >= lookup.at(current + _SUNDAY):
        streak += 1
    return streak


def _check_weeks(weeks: int | None) -> None:
    if weeks is not None and weeks < 1:
        raise ValueError(f"a window needs at least one week, got {weeks}")


def _window_start(today: date, weeks: int | None, first_day: date) -> date:
    if weeks is None:
        return week_start(first_day)
    return week_start(today) - (weeks - 1) * _WEEK


def adherence_start(today: date, weeks: int | None, first_day: date) -> date:
    """The Monday an adherence window starts on (see the module docstring)."""
    if weeks is None:
        floor = week_start(today) - (ALL_TIME_MIN_WEEKS - 1) * _WEEK
        return min(week_start(first_day), floor)
    return week_start(today) - (weeks - 1) * _WEEK


def _weeks_between(first: date, last: date) -> Iterator[date]:
    week = first
    while week <= last:
        yield week
        week += _WEEK


def adherence(
    days: Iterable[date],
    today: date,
    targets: Targets = DEFAULT_TARGET,
    weeks: int | None = None,
) -> float | None:
    """Share of target days trained over a whole window; see the module docstring."""
    _check_weeks(weeks)
    past = _past_days(days, today)
    if not past:
        return None
    current = week_start(today)
    lookup = _TargetLookup(targets)
    counts = week_counts(past)
    trained = 0
    owed = 0
    for week in _weeks_between(adherence_start(today, weeks, min(past)), current - _WEEK):
        target = lookup.at(week + _SUNDAY)
        trained += min(counts.get(week, 0), target)
        owed += target
    due = lookup.at(current + _SUNDAY) * elapsed_share(today)
    return (trained + min(counts.get(current, 0), due)) / (owed + due)


def days_in_window(days: Iterable[date], today: date, weeks: int | None = None) -> int:
    """Distinct training days in the window of ``weeks`` weeks (``None``: all) up to ``today``."""
    _check_weeks(weeks)
    past = _past_days(days, today)
    if not past:
        return 0
    start = _window_start(today, weeks, min(past))
    return sum(1 for d in past if d >= start)


def _in_range(entry: StoredEntry, since: date, until: date | None) -> bool:
    return entry.local_date >= since and (until is None or entry.local_date <= until)


# --------------------------------------------------------------------------- discipline


def _share(good: int, total: int) -> float | None:
    return good / total if total else None


def discipline_score(short: int, judged: int, hard_sessions: int, sessions: int) -> float | None:
    """The discipline score from its four counts (see the module docstring).

    ``short`` of ``judged`` tier A/B sets stopped short of failure; ``hard_sessions``
    of ``sessions`` tier C/D exercise-sessions had a set at RIR <= 1.
    """
    shares = [s for s in (_share(short, judged), _share(hard_sessions, sessions)) if s is not None]
    if not shares:
        return None
    return sum(shares) / len(shares)


def discipline(
    entries: Iterable[StoredEntry], since: date, until: date | None = None
) -> float | None:
    """The failure-policy score for local dates ``since..until``; see the module docstring."""
    short = 0
    judged_ab = 0
    # (exercise key, local date) -> whether a working set reached RIR <= 1
    sessions: dict[tuple[str, date], bool] = {}
    for entry in entries:
        tier = entry.exercise.tier
        if tier is None or not _in_range(entry, since, until):
            continue
        known = [r for r in (s.effective_rir for s in entry.working_sets) if r is not None]
        if not known:
            continue
        if tier in SHORT_OF_FAILURE_TIERS:
            judged_ab += len(known)
            short += sum(1 for r in known if r >= 1)
        else:
            key = (entry.exercise.key, entry.local_date)
            sessions[key] = sessions.get(key, False) or any(map(near_failure, known))
    return discipline_score(short, judged_ab, sum(sessions.values()), len(sessions))
