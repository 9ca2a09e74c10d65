"""Deloads: a lighter week the lifter declares (/deload) or that the log shows, and the
signs that one is due.

- **Declared**: the profile's ``deload_from..deload_until`` (local dates) holds the day.
- **Recognised**: the week ending on the day (the lifter's last 7 local days, as
  everywhere) has working sets, every one with a known effort of RIR
  ``DELOAD_MIN_RIR`` or more, and at most ``DELOAD_SHARE`` of the lifter's usual hard
  sets; *usual* is the mean of the ``USUAL_WEEKS`` weeks before it that have any, and
  needs at least ``MIN_USUAL_WEEKS`` of them (so a newcomer's light start is not a deload).
- **Due**: W1 fired in the week now and in the week before it, or a lift's e1RM fell
  ``FALLING_SESSIONS`` sessions running (COACHING: also soreness reports piling up; the
  bot leaves that to W4).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from bot.domain.catalogue.muscles import primary_muscles
from bot.domain.figures.volume import (
    WEEK,
    failure_count,
    failure_sets_by_tier,
    failure_sets_per_muscle,
    failure_share_too_high,
    hard_sets_per_muscle,
    is_hard,
    tier_a_failures_too_many,
    week_entries,
)
from bot.domain.models import Profile, StoredEntry

DELOAD_SHARE = 0.6
"""A deload week has at most this share of the usual hard sets (COACHING: about half)."""
DELOAD_MIN_RIR = 3.0
USUAL_WEEKS = 4
MIN_USUAL_WEEKS = 2
FALLING_SESSIONS = 3
"""An e1RM falling this many sessions running on a lift suggests a deload."""


def declared(profile: Profile, day: date) -> bool:
    """Whether ``day`` falls in the deload the lifter declared."""
    start, end = profile.deload_from, profile.deload_until
    return start is not None and end is not None and start <= day <= end


def _hard_sets(entries: Iterable[StoredEntry], day: date) -> int:
    return sum(1 for e in week_entries(entries, day) for s in e.sets if is_hard(s))


def recognised(entries: Sequence[StoredEntry], day: date) -> bool:
    """Whether the week ending on ``day`` looks like a deload (see the module docstring)."""
    light = False  # a working set, every one so far easy enough: read until one is not
    for s in (s for e in week_entries(entries, day) for s in e.working_sets):
        rir = s.effective_rir
        if rir is None or rir < DELOAD_MIN_RIR:
            return False
        light = True
    if not light:
        return False
    before = [_hard_sets(entries, day - WEEK * n) for n in range(1, USUAL_WEEKS + 1)]
    trained = [n for n in before if n > 0]
    if len(trained) < MIN_USUAL_WEEKS:
        return False
    usual = sum(trained) / len(trained)
    return _hard_sets(entries, day) <= DELOAD_SHARE * usual


def in_deload(profile: Profile, entries: Sequence[StoredEntry], day: date) -> bool:
    return declared(profile, day) or recognised(entries, day)


def w1_week(entries: Sequence[StoredEntry], day: date) -> bool:
    """Whether W1's limits were passed in the week ending on ``day``: tier A failure
    sets, or a muscle's failure share, by the same counts W1 reads."""
    if tier_a_failures_too_many(failure_sets_by_tier(entries, day)["A"]):
        return True
    hard = hard_sets_per_muscle(entries, day)
    failed = failure_sets_per_muscle(entries, day)
    muscles = {m for e in week_entries(entries, day) if failure_count(e)
               for m in primary_muscles(e.exercise)}
    return any(failure_share_too_high(failed.get(m, 0.0), hard.get(m, 0.0)) for m in muscles)


def deload_end(start: date, weeks: int) -> date:
    """The last day of a deload of ``weeks`` weeks starting on ``start``."""
    return start + timedelta(days=7 * weeks - 1)


__all__ = [
    "DELOAD_MIN_RIR",
    "DELOAD_SHARE",
    "FALLING_SESSIONS",
    "MIN_USUAL_WEEKS",
    "USUAL_WEEKS",
    "declared",
    "deload_end",
    "in_deload",
    "recognised",
    "w1_week",
]
