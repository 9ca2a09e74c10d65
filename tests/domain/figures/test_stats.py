from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.figures.stats import (
    DEFAULT_TARGET,
    Targets,
    adherence,
    days_in_window,
    discipline,
    target_at,
    training_days,
    week_counts,
    week_start,
    weekly_streak,
)
from bot.domain.models import Exercise, SetRecord, StoredEntry

SQUAT = Exercise(
    "back_squat", "Back squat", "A", primary=("quads", "glutes"),
    secondary=("hamstrings", "lower_back"),
)  # fmt: skip
BENCH = Exercise("bench_press", "Bench press", "B", primary=("chest",), secondary=("triceps",))
ROW = Exercise(
    "barbell_row", "Barbell row", "B", primary=("lats", "upper_back"),
    secondary=("biceps", "rear_delts"),
)  # fmt: skip
LEG_PRESS = Exercise("leg_press", "Leg press", "C", primary=("quads",), secondary=("glutes",))
CURL = Exercise("curl", "Curl", "D", primary=("biceps",), secondary=("forearms",))
CALF = Exercise("calf_raise", "Calf raise", "D", primary=("calves",))
CUSTOM = Exercise(
    "my_thing", "My thing", None, primary=("core",), secondary=("glutes",), custom=True
)

# The current week in most tests: Monday 2026-03-16 to Sunday 2026-03-22; today is Wednesday.
CURRENT = date(2026, 3, 16)
TODAY = date(2026, 3, 18)

WORK = SetRecord(5, 100.0, rir=2)


def day(weeks_back: int, weekday: int) -> date:
    """A date ``weeks_back`` weeks before the current week; weekday 0 is Monday."""
    return CURRENT - timedelta(weeks=weeks_back) + timedelta(days=weekday)


def days_per_week(*counts: int) -> set[date]:
    """Training days: ``counts[0]`` days in the current week, ``counts[1]`` the week before..."""
    return {day(back, weekday) for back, n in enumerate(counts) for weekday in range(n)}


def entry(
    exercise: Exercise,
    local: date,
    *sets: SetRecord,
    entry_id: int = 1,
) -> StoredEntry:
    performed = datetime(local.year, local.month, local.day, 12, 0, tzinfo=UTC)
    return StoredEntry(entry_id, exercise, tuple(sets), performed, local)


def logged_at(utc: datetime, zone: str, entry_id: int = 1) -> StoredEntry:
    """An entry logged at ``utc``, dated in the lifter's zone as the caller would."""
    local_date = utc.astimezone(ZoneInfo(zone)).date()
    return StoredEntry(entry_id, SQUAT, (WORK,), utc, local_date)


# --------------------------------------------------------------------------- days and weeks


def test_reference_dates() -> None:
    assert CURRENT.weekday() == 0
    assert TODAY.weekday() == 2


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 3, 16), date(2026, 3, 16)),  # Monday: itself
        (date(2026, 3, 22), date(2026, 3, 16)),  # Sunday: the Monday before
        (date(2026, 3, 23), date(2026, 3, 23)),  # the next Monday starts a new week
        (date(2026, 1, 1), date(2025, 12, 29)),  # a week spanning New Year
        (date(2026, 1, 4), date(2025, 12, 29)),
        (date(2026, 1, 5), date(2026, 1, 5)),
        (date(2024, 3, 3), date(2024, 2, 26)),  # leap year
    ],
)
def test_week_start(d: date, expected: date) -> None:
    assert week_start(d) == expected


def test_training_days_need_a_working_set() -> None:
    entries = [
        entry(SQUAT, date(2026, 3, 2), WORK),
        entry(SQUAT, date(2026, 3, 2), WORK, entry_id=2),  # same day: counted once
        entry(BENCH, date(2026, 3, 3), SetRecord(10, 40.0, warmup=True), entry_id=3),
        entry(CURL, date(2026, 3, 4), entry_id=4),  # no sets at all
        entry(CURL, date(2026, 3, 5), SetRecord(12, 15.0, warmup=True), SetRecord(10, 20.0)),
    ]
    assert training_days(entries) == frozenset({date(2026, 3, 2), date(2026, 3, 5)})
    assert training_days([]) == frozenset()


def test_week_counts() -> None:
    days = [date(2026, 3, 15), date(2026, 3, 16), date(2026, 3, 22), date(2026, 3, 22)]
    assert week_counts(days) == {date(2026, 3, 9): 1, date(2026, 3, 16): 2}


# --------------------------------------------------------------------------- time zones


@pytest.mark.parametrize(
    ("zone", "utc", "local_date", "week"),
    [
        # Auckland in summer (UTC+13): 00:30 Monday local is still Sunday in UTC.
        (
            "Pacific/Auckland",
            datetime(2026, 1, 4, 11, 30, tzinfo=UTC),
            date(2026, 1, 5),
            date(2026, 1, 5),
        ),
        # Auckland, 23:50 Sunday local.
        (
            "Pacific/Auckland",
            datetime(2026, 1, 4, 10, 50, tzinfo=UTC),
            date(2026, 1, 4),
            date(2025, 12, 29),
        ),
        # Tonga (UTC+13 all year): 00:10 Monday local, Sunday 11:10 in UTC.
        (
            "Pacific/Tongatapu",
            datetime(2026, 6, 7, 11, 10, tzinfo=UTC),
            date(2026, 6, 8),
            date(2026, 6, 8),
        ),
        (
            "Pacific/Tongatapu",
            datetime(2026, 6, 7, 10, 50, tzinfo=UTC),
            date(2026, 6, 7),
            date(2026, 6, 1),
        ),
        # Honolulu (UTC-10): 23:30 Sunday local is already Monday in UTC.
        (
            "Pacific/Honolulu",
            datetime(2026, 1, 5, 9, 30, tzinfo=UTC),
            date(2026, 1, 4),
            date(2025, 12, 29),
        ),
        (
            "Pacific/Honolulu",
            datetime(2026, 1, 5, 10, 30, tzinfo=UTC),
            date(2026, 1, 5),
            date(2026, 1, 5),
        ),
    ],
)
def test_near_midnight_logs_count_for_the_local_day_and_week(
    zone: str, utc: datetime, local_date: date, week: date
) -> None:
    logged = logged_at(utc, zone)
    assert training_days([logged]) == {local_date}
    assert week_start(local_date) == week
    assert week_counts(training_days([logged])) == {week: 1}


def test_honolulu_sunday_night_log_completes_the_local_week() -> None:
    zone = "Pacific/Honolulu"
    entries = [
        logged_at(datetime(2025, 12, 29, 18, 0, tzinfo=UTC), zone, 1),  # Mon 29 Dec local
        logged_at(datetime(2025, 12, 31, 18, 0, tzinfo=UTC), zone, 2),  # Wed 31 Dec local
        logged_at(datetime(2026, 1, 5, 9, 30, tzinfo=UTC), zone, 3),  # Sun 4 Jan 23:30 local
    ]
    days = training_days(entries)
    # The third session is Monday in UTC but Sunday for the lifter: that week has 3 days.
    assert week_counts(days) == {date(2025, 12, 29): 3}
    assert weekly_streak(days, date(2026, 1, 7), 3) == 1
    # Dated in UTC instead, the week would have fallen short.
    utc_days = {e.performed_at.date() for e in entries}
    assert weekly_streak(utc_days, date(2026, 1, 7), 3) == 0


def test_auckland_monday_morning_log_counts_for_the_new_week() -> None:
    zone = "Pacific/Auckland"
    entries = [
        logged_at(datetime(2026, 1, 4, 11, 30, tzinfo=UTC), zone, 1),  # Mon 5 Jan 00:30 local
        logged_at(datetime(2026, 1, 5, 6, 0, tzinfo=UTC), zone, 2),  # Mon 5 Jan 19:00 local
        logged_at(datetime(2026, 1, 6, 6, 0, tzinfo=UTC), zone, 3),  # Tue 6 Jan local
    ]
    days = training_days(entries)
    assert days == {date(2026, 1, 5), date(2026, 1, 6)}
    assert week_counts(days) == {date(2026, 1, 5): 2}
    assert weekly_streak(days, date(2026, 1, 6), 2) == 1  # the current week already met 2


# --------------------------------------------------------------------------- targets


@pytest.mark.parametrize(
    ("targets", "on", "expected"),
    [
        ((), date(2026, 3, 16), DEFAULT_TARGET),
        (4, date(2026, 3, 16), 4),
        (((date(2026, 3, 4), 2),), date(2026, 3, 3), 3),  # before the first record
        (((date(2026, 3, 4), 2),), date(2026, 3, 4), 2),
        (((date(2026, 3, 4), 2), (date(2026, 2, 1), 5)), date(2026, 3, 1), 5),  # any order
        (((date(2026, 3, 4), 2), (date(2026, 2, 1), 5)), date(2026, 3, 9), 2),
        (((date(2026, 3, 4), 2), (date(2026, 3, 4), 6)), date(2026, 3, 9), 6),  # last wins
        (((date(2026, 3, 4), 0),), date(2026, 3, 9), 1),  # clamped into 1..7
        (((date(2026, 3, 4), 9),), date(2026, 3, 9), 7),
        (0, date(2026, 3, 9), 1),
    ],
)
def test_target_at(targets: Targets, on: date, expected: int) -> None:
    assert target_at(targets, on) == expected


# --------------------------------------------------------------------------- streaks


@pytest.mark.parametrize(
    ("counts", "targets", "expected"),
    [
        ((0, 3, 3, 3), 3, 3),  # current week not started: no break
        ((3, 3, 3, 3), 3, 4),  # current week already met: adds 1
        ((1, 3, 3, 3), 3, 3),  # current week short so far: no break
        ((0, 4, 7, 3), 3, 3),  # more days than the target still count once per week
        ((0, 3, 2, 3), 3, 1),  # a missed week two back ends the streak
        ((0, 2, 3, 3), 3, 0),  # last complete week missed
        ((3, 2, 3, 3), 3, 1),  # ... but a current week that met the target counts
        ((0, 2, 2, 2), 2, 3),
        ((1, 1, 1, 0), 1, 3),
        ((0,), 3, 0),
        ((0, 3, 3, 0, 3, 3, 3), 3, 2),
    ],
)
def test_weekly_streak(counts: tuple[int, ...], targets: int, expected: int) -> None:
    assert weekly_streak(days_per_week(*counts), TODAY, targets) == expected


def test_streak_of_nobody_is_zero() -> None:
    assert weekly_streak(set(), TODAY) == 0


def test_days_after_today_are_ignored() -> None:
    days = days_per_week(0, 3) | {day(0, 3), day(0, 4), day(0, 5)}  # Thu-Sat, still ahead
    assert weekly_streak(days, TODAY) == 1
    assert days_in_window(days, TODAY, 1) == 0


@pytest.mark.parametrize(
    ("today", "current_days", "expected"),
    [
        (date(2026, 3, 22), 2, 2),  # Sunday: the week is still open, no break yet
        (date(2026, 3, 23), 2, 0),  # Monday: that week is now complete and missed
        (date(2026, 3, 22), 3, 3),
        (date(2026, 3, 23), 3, 3),  # now a complete week; the new week adds nothing yet
    ],
)
def test_streak_on_sunday_and_the_following_monday(
    today: date, current_days: int, expected: int
) -> None:
    days = days_per_week(current_days, 3, 3)
    assert weekly_streak(days, today, 3) == expected


def test_backdating_into_a_past_week_extends_the_streak() -> None:
    entries = [
        entry(SQUAT, d, WORK, entry_id=i)
        for i, d in enumerate(sorted(days_per_week(0, 3, 3, 2, 3)))
    ]
    before = training_days(entries)
    assert week_counts(before)[day(3, 0)] == 2
    assert weekly_streak(before, TODAY) == 2

    # Logged today, dated back to the Saturday of the week three back.
    backdated = StoredEntry(99, SQUAT, (WORK,), datetime(2026, 3, 18, 19, 0, tzinfo=UTC), day(3, 5))
    after = training_days([*entries, backdated])
    assert week_counts(after)[day(3, 0)] == 3
    assert weekly_streak(after, TODAY) == 4
    assert adherence(after, TODAY, 3, 5) == pytest.approx(12 / (12 + 9 / 7))


def test_backdating_onto_a_day_already_trained_changes_nothing() -> None:
    days = days_per_week(0, 3, 2)
    backdated = StoredEntry(99, CURL, (WORK,), datetime(2026, 3, 18, 19, 0, tzinfo=UTC), day(2, 0))
    after = days | training_days([backdated])
    assert after == days
    assert weekly_streak(after, TODAY) == 1


@pytest.mark.parametrize(
    ("weeks", "expected"),
    [(1, 2), (2, 5), (4, 6), (5, 10), (None, 10)],
)
def test_days_in_window(weeks: int | None, expected: int) -> None:
    days = days_per_week(2, 3, 0, 1, 4)
    assert days_in_window(days, TODAY, weeks) == expected


def test_days_in_window_of_nobody() -> None:
    assert days_in_window(set(), TODAY, None) == 0


# --------------------------------------------------------------------------- discipline


DISCIPLINE = [
    # Tier A/B sets with known RIR: 2 of 4 kept short of failure.
    entry(SQUAT, day(0, 0), SetRecord(3, 60.0, rir=0, warmup=True), SetRecord(5, 100.0, rir=2),
          SetRecord(5, 100.0, rir=1), SetRecord(5, 100.0, failure=True), entry_id=1),
    entry(BENCH, day(0, 1), SetRecord(5, 80.0), SetRecord(5, 80.0, rir=0), entry_id=2),
    # Tier C/D sessions: leg press on Monday (two entries, one hard set) is hard;
    # Monday's curls are not; Wednesday's curls (drop set) are. Calves: no RIR, not judged.
    entry(LEG_PRESS, day(0, 0), SetRecord(10, 200.0, rir=3), entry_id=3),
    entry(LEG_PRESS, day(0, 0), SetRecord(10, 200.0, rir=0), entry_id=4),
    entry(CURL, day(0, 0), SetRecord(10, 15.0, rir=3), SetRecord(10, 15.0, rir=2), entry_id=5),
    entry(CURL, day(0, 2), SetRecord(10, 15.0, rir=2), SetRecord(14, 10.0, technique="dropset"),
          entry_id=6),
    entry(CALF, day(0, 2), SetRecord(15, 60.0), SetRecord(15, 60.0), entry_id=7),
    # Neither counts: an untiered exercise, and last week's squat.
    entry(CUSTOM, day(0, 1), SetRecord(10, 20.0, rir=0), entry_id=8),
    entry(SQUAT, day(1, 3), SetRecord(5, 100.0, failure=True), entry_id=9),
]  # fmt: skip


def test_discipline_hand_computed() -> None:
    short_share = 2 / 4
    hard_share = 2 / 3
    assert discipline(DISCIPLINE, CURRENT) == pytest.approx((short_share + hard_share) / 2)
    assert discipline(DISCIPLINE, CURRENT) == pytest.approx(7 / 12)


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        ([e for e in DISCIPLINE if e.exercise.tier in ("A", "B")], 2 / 4),
        ([e for e in DISCIPLINE if e.exercise.tier in ("C", "D")], 2 / 3),
        ([e for e in DISCIPLINE if e.entry_id in (7, 8)], None),  # no A-D set with a known RIR
        ([entry(BENCH, day(0, 0), SetRecord(5, 80.0), SetRecord(5, 80.0))], None),
        ([], None),
        # An AMRAP reads as about RIR 1: short of failure on a squat, hard enough on a curl.
        ([entry(SQUAT, day(0, 0), SetRecord(8, 90.0, amrap=True))], 1.0),
        ([entry(CURL, day(0, 0), SetRecord(12, 12.0, amrap=True))], 1.0),
        # A range "rir 1-2" reads as its low end.
        ([entry(LEG_PRESS, day(0, 0), SetRecord(10, 150.0, rir=1, rir_max=2))], 1.0),
        ([entry(LEG_PRESS, day(0, 0), SetRecord(10, 150.0, rir=2, rir_max=3))], 0.0),
    ],
)
def test_discipline_cases(entries: Iterable[StoredEntry], expected: float | None) -> None:
    result = discipline(entries, CURRENT)
    if expected is None:
        assert result is None
    else:
        assert result == pytest.approx(expected)


def test_discipline_window() -> None:
    # Only last week's squat failure: no tier A/B set kept short.
    assert discipline(DISCIPLINE, day(1, 0), until=day(1, 6)) == 0.0
    assert discipline(DISCIPLINE, day(1, 0)) == pytest.approx(((2 / 5) + (2 / 3)) / 2)
