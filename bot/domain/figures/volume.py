"""Which sets count, what "this week" means, and each muscle's hard sets: one definition.

Advice (W1, W3, W6), /stats, the exercise chart and the reminder DM all read their
effort and volume figures from here, so a warning and a figure never disagree.
Pure functions of plain values: the caller passes the lifter's local ``today``.

Sets
----
- Warm-up sets never count, for advice or for volume.
- A set's effort is ``SetRecord.effective_rir`` (0 at or beyond failure, about 1 for
  an AMRAP, None when not logged).
- A *failure set* is a working set whose effective RIR is known and 0. An unknown
  RIR never triggers a failure rule.
- A *hard set* is a working set with effective RIR <= 4, **or with unknown RIR**.
  Unknown efforts count as hard because lifters rarely log easy sets as working
  sets, and the volume warning (W6) should rather notice high volume than miss it.
- A set *near failure* ends at RIR <= 1: what tier C/D work should reach (A3, and the
  discipline board).
- How a set counts for each muscle (1 primary, 0.5 secondary on compounds, 0 on
  isolation, under its body-part vocabulary name) is in ``bot.domain.catalogue.muscles``.
- Entries with the same ``entry_id`` are counted once.

The week
--------
The week is the lifter's **last 7 local days**: ``today`` (their local date now) and
the 6 days before, by each entry's ``local_date``; entries dated after ``today`` do not
count. It rolls rather than following the calendar week because these figures judge
recovery, which does not restart on a Monday: 22 chest sets from Thursday to Sunday
still weigh on Monday's session. W1 and W6 read this window at the moment of a log,
W3 reads it ending on the day before the entry (and the week before that), and /stats
and the reminder show it at the moment they are asked for, so all of them give one
number. Consistency figures (training days against the weekly target, streaks,
adherence, the chart's weekly bars) count calendar weeks, Monday first
(``bot.domain.figures.stats.week_start``): a target is so many days per calendar week.

Limits
------
- Tier A failure: ``W1_TIER_A_FAILURE_SETS`` failure sets on tier A lifts in the week
  is a lot (W1, the /stats failure line, the reminder).
- Failure share: more than a third of a muscle's hard sets in the week at failure is a
  lot, once the muscle has ``W1_MIN_HARD_SETS`` hard sets (W1).
- Volume range: about 10-20 hard sets per muscle per week (W6, /stats).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from bot.domain.catalogue.muscles import muscle_weight_pairs
from bot.domain.models import TIERS, SetRecord, StoredEntry, Tier

WEEK_DAYS = 7
WEEK = timedelta(days=WEEK_DAYS)
_BACK_TO_FIRST_DAY = timedelta(days=WEEK_DAYS - 1)

HARD_SET_MAX_RIR = 4.0
"""A working set ending this many reps or fewer short of failure is a hard set."""
NEAR_FAILURE_RIR = 1.0
"""A set ending this close to failure (or closer) was taken hard."""

WEEKLY_SETS_LOW = 10.0
WEEKLY_SETS_HIGH = 20.0

W1_TIER_A_FAILURE_SETS = 2
"""Rule of thumb: this many tier A failure sets in a week is a lot."""
W1_MIN_HARD_SETS = 6.0
"""The failure share only counts once a muscle has this many hard sets in the week."""
W1_FAILURE_ONE_IN = 3
"""The failure share is too high past one set in this many (a third)."""

VolumeBand = Literal["above", "below", "within"]


# --------------------------------------------------------------------------- sets


def is_failure(s: SetRecord) -> bool:
    """A working set with a known effort at (or beyond) failure."""
    if s.warmup:
        return False
    rir = s.effective_rir
    return rir is not None and rir <= 0


def is_hard(s: SetRecord) -> bool:
    """A working set at RIR <= 4, or with its effort unknown."""
    if s.warmup:
        return False
    rir = s.effective_rir
    return rir is None or rir <= HARD_SET_MAX_RIR


def near_failure(rir: float) -> bool:
    """An effort within a rep of failure."""
    return rir <= NEAR_FAILURE_RIR


def failure_count(entry: StoredEntry) -> int:
    return sum(map(is_failure, entry.sets))


def known_rirs(sets: Iterable[SetRecord]) -> list[float]:
    """The efforts of the working sets that have one."""
    return [r for s in sets if not s.warmup and (r := s.effective_rir) is not None]


def fmt_number(value: float) -> str:
    """``5`` for a whole number, else one decimal (``7.5``)."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def plural(n: float, word: str) -> str:
    return f"{fmt_number(n)} {word}" if n == 1 else f"{fmt_number(n)} {word}s"


# ------------------------------------------------------------------------- the week


def require_aware(now: datetime) -> None:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be an aware datetime (UTC)")


def week_first_day(today: date) -> date:
    """The oldest local date of the week that ends on ``today``."""
    return today - _BACK_TO_FIRST_DAY


def in_week(day: date, today: date) -> bool:
    """Whether local date ``day`` falls in the week that ends on ``today``."""
    return week_first_day(today) <= day <= today


def unique_entries(entries: Iterable[StoredEntry]) -> list[StoredEntry]:
    """``entries`` in order, each ``entry_id`` once."""
    seen: set[int] = set()
    out: list[StoredEntry] = []
    for e in entries:
        if e.entry_id not in seen:
            seen.add(e.entry_id)
            out.append(e)
    return out


def week_entries(entries: Iterable[StoredEntry], today: date) -> list[StoredEntry]:
    """The entries of the week that ends on ``today``, each once (the first of an id
    decides; one pass: the advice asks for a week many times a log)."""
    first = week_first_day(today)
    seen: set[int] = set()
    out: list[StoredEntry] = []
    for e in entries:
        if e.entry_id in seen:
            continue
        seen.add(e.entry_id)
        if first <= e.local_date <= today:
            out.append(e)
    return out


# ------------------------------------------------------------------------- volume


def weekly_sets(
    entries: Iterable[StoredEntry], today: date, counts: Callable[[SetRecord], bool]
) -> dict[str, float]:
    """Per muscle, the weighted number of sets ``counts`` accepts in the week."""
    totals: dict[str, float] = {}
    for e in week_entries(entries, today):
        n = sum(map(counts, e.sets))
        if n == 0:
            continue
        for muscle, weight in muscle_weight_pairs(e.exercise):
            totals[muscle] = totals.get(muscle, 0.0) + n * weight
    return totals


def hard_sets_per_muscle(entries: Iterable[StoredEntry], today: date) -> dict[str, float]:
    """Hard sets per muscle in the week ending on ``today``: the figure W6 and /stats show."""
    return weekly_sets(entries, today, is_hard)


def failure_sets_per_muscle(entries: Iterable[StoredEntry], today: date) -> dict[str, float]:
    """Failure sets per muscle in the week, weighted like hard sets (W1's share)."""
    return weekly_sets(entries, today, is_failure)


@dataclass(frozen=True)
class WeekVolume:
    """The week's hard and failure sets per muscle and its tier A failure sets: what W1
    and W6 read, worked out in one pass for all the entries of a message (they share
    one week)."""

    hard: Mapping[str, float]
    failed: Mapping[str, float]
    tier_a_failures: int


def week_volume(entries: Iterable[StoredEntry], today: date) -> WeekVolume:
    """:class:`WeekVolume` of the week ending on ``today``: the counts of
    :func:`hard_sets_per_muscle`, :func:`failure_sets_per_muscle` and
    :func:`failure_sets_by_tier` (tier A), read in one pass."""
    hard: dict[str, float] = {}
    failed: dict[str, float] = {}
    tier_a = 0
    for e in week_entries(entries, today):
        n_hard = sum(map(is_hard, e.sets))
        n_failed = sum(map(is_failure, e.sets))
        if e.exercise.tier == "A":
            tier_a += n_failed
        if n_hard == 0 and n_failed == 0:
            continue
        for muscle, weight in muscle_weight_pairs(e.exercise):
            if n_hard:
                hard[muscle] = hard.get(muscle, 0.0) + n_hard * weight
            if n_failed:
                failed[muscle] = failed.get(muscle, 0.0) + n_failed * weight
    return WeekVolume(hard, failed, tier_a)


def failure_sets_by_tier(entries: Iterable[StoredEntry], today: date) -> dict[Tier, int]:
    """Failure sets per tier in the week; every tier appears, untiered lifts do not."""
    result: dict[Tier, int] = dict.fromkeys(TIERS, 0)
    for e in week_entries(entries, today):
        if e.exercise.tier is not None:
            result[e.exercise.tier] += failure_count(e)
    return result


def tier_a_failures_too_many(count: int) -> bool:
    """W1's first limit: that many tier A failure sets in a week is a lot."""
    return count >= W1_TIER_A_FAILURE_SETS


def failure_share_too_high(failures: float, hard: float) -> bool:
    """W1's second limit: more than a third of a muscle's hard sets at failure."""
    return hard >= W1_MIN_HARD_SETS and failures * W1_FAILURE_ONE_IN > hard


def volume_band(sets: float) -> VolumeBand:
    """Where a muscle's weekly hard sets stand against the rough 10-20 range."""
    if sets > WEEKLY_SETS_HIGH:
        return "above"
    if sets < WEEKLY_SETS_LOW:
        return "below"
    return "within"


def volume_notes(volume: Mapping[str, float]) -> tuple[str, ...]:
    """Lines for a weekly summary: muscles above the range or trained but below it.

    Only muscles with some volume count as trained; untrained muscles get no line.
    Muscles over the top come first, each group in alphabetical order. Both limits
    are heuristics (about 10-20 hard sets per muscle per week), and the lines say so.
    """
    trained = sorted(m for m, v in volume.items() if v > 0)
    over = [m for m in trained if volume_band(volume[m]) == "above"]
    under = [m for m in trained if volume_band(volume[m]) == "below"]
    notes = [
        f"{m}: {fmt_number(volume[m])} hard sets in the last 7 days, above the rough "
        f"{fmt_number(WEEKLY_SETS_HIGH)}-set ceiling most lifters recover from (W6)"
        for m in over
    ]
    notes += [
        f"{m}: {fmt_number(volume[m])} hard sets in the last 7 days, below the rough "
        f"{fmt_number(WEEKLY_SETS_LOW)} sets that reliably grow a muscle (W6)"
        for m in under
    ]
    return tuple(notes)


__all__ = [
    "HARD_SET_MAX_RIR",
    "NEAR_FAILURE_RIR",
    "W1_FAILURE_ONE_IN",
    "W1_MIN_HARD_SETS",
    "W1_TIER_A_FAILURE_SETS",
    "WEEK",
    "WEEKLY_SETS_HIGH",
    "WEEKLY_SETS_LOW",
    "WEEK_DAYS",
    "VolumeBand",
    "WeekVolume",
    "failure_count",
    "failure_sets_by_tier",
    "failure_sets_per_muscle",
    "failure_share_too_high",
    "fmt_number",
    "hard_sets_per_muscle",
    "in_week",
    "is_failure",
    "is_hard",
    "known_rirs",
    "near_failure",
    "plural",
    "require_aware",
    "tier_a_failures_too_many",
    "unique_entries",
    "volume_band",
    "volume_notes",
    "week_entries",
    "week_first_day",
    "week_volume",
    "weekly_sets",
]
