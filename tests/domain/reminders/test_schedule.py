"""Tests for the reminder schedule maths: parsing, next due instant, DST, grace."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest

from bot.domain.reminders.schedule import (
    ALL_WEEKDAYS,
    WEEKDAYS,
    ReminderSpec,
    ScheduleError,
    describe_next,
    describe_weekdays,
    due_action,
    local_date_of,
    next_due,
    parse_time,
    parse_timezone,
    parse_weekdays,
    timezone_choices,
)

BERLIN = "Europe/Berlin"
NEW_YORK = "America/New_York"
KIRITIMATI = "Pacific/Kiritimati"


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def local(zone: str, year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """An aware wall-clock moment in ``zone`` (first occurrence if repeated)."""
    return datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(zone))


def at(hour: int, minute: int = 0) -> time:
    return time(hour, minute, tzinfo=None)


# --- next_due around clock changes ----------------------------------------------------

# (zone, wall time, after, expected due instant in UTC)
DST_CASES = [
    # Europe/Berlin, spring forward on 2026-03-29: 02:00 CET -> 03:00 CEST (01:00 UTC).
    pytest.param(
        BERLIN,
        at(7, 30),
        local(BERLIN, 2026, 3, 27, 12),
        utc(2026, 3, 28, 6, 30),
        id="berlin-spring-day-before",
    ),
    pytest.param(
        BERLIN,
        at(7, 30),
        local(BERLIN, 2026, 3, 28, 12),
        utc(2026, 3, 29, 5, 30),
        id="berlin-spring-normal-time",
    ),
    pytest.param(
        BERLIN,
        at(7, 30),
        local(BERLIN, 2026, 3, 29, 12),
        utc(2026, 3, 30, 5, 30),
        id="berlin-spring-day-after",
    ),
    pytest.param(
        BERLIN,
        at(2, 30),
        local(BERLIN, 2026, 3, 28, 12),
        utc(2026, 3, 29, 1, 30),
        id="berlin-spring-gap-shifts-to-0330-cest",
    ),
    pytest.param(
        BERLIN,
        at(2, 0),
        local(BERLIN, 2026, 3, 28, 12),
        utc(2026, 3, 29, 1, 0),
        id="berlin-spring-gap-start-shifts-to-0300-cest",
    ),
    pytest.param(
        BERLIN,
        at(2, 30),
        local(BERLIN, 2026, 3, 27, 12),
        utc(2026, 3, 28, 1, 30),
        id="berlin-spring-gap-time-day-before",
    ),
    pytest.param(
        BERLIN,
        at(2, 30),
        utc(2026, 3, 29, 1, 30),
        utc(2026, 3, 30, 0, 30),
        id="berlin-spring-gap-time-day-after",
    ),
    # Europe/Berlin, fall back on 2026-10-25: 03:00 CEST -> 02:00 CET (01:00 UTC).
    pytest.param(
        BERLIN,
        at(7, 30),
        local(BERLIN, 2026, 10, 23, 12),
        utc(2026, 10, 24, 5, 30),
        id="berlin-fall-day-before",
    ),
    pytest.param(
        BERLIN,
        at(7, 30),
        local(BERLIN, 2026, 10, 24, 12),
        utc(2026, 10, 25, 6, 30),
        id="berlin-fall-normal-time",
    ),
    pytest.param(
        BERLIN,
        at(7, 30),
        local(BERLIN, 2026, 10, 25, 12),
        utc(2026, 10, 26, 6, 30),
        id="berlin-fall-day-after",
    ),
    pytest.param(
        BERLIN,
        at(2, 30),
        local(BERLIN, 2026, 10, 24, 12),
        utc(2026, 10, 25, 0, 30),
        id="berlin-fall-overlap-first-occurrence",
    ),
    pytest.param(
        BERLIN,
        at(2, 30),
        utc(2026, 10, 25, 0, 30),
        utc(2026, 10, 26, 1, 30),
        id="berlin-fall-overlap-not-again-at-second-occurrence",
    ),
    pytest.param(
        BERLIN,
        at(2, 30),
        utc(2026, 10, 25, 1, 0),
        utc(2026, 10, 26, 1, 30),
        id="berlin-fall-between-occurrences",
    ),
    # America/New_York, spring forward on 2026-03-08: 02:00 EST -> 03:00 EDT (07:00 UTC).
    pytest.param(
        NEW_YORK,
        at(7, 30),
        local(NEW_YORK, 2026, 3, 6, 12),
        utc(2026, 3, 7, 12, 30),
        id="new-york-spring-day-before",
    ),
    pytest.param(
        NEW_YORK,
        at(7, 30),
        local(NEW_YORK, 2026, 3, 7, 12),
        utc(2026, 3, 8, 11, 30),
        id="new-york-spring-normal-time",
    ),
    pytest.param(
        NEW_YORK,
        at(7, 30),
        local(NEW_YORK, 2026, 3, 8, 12),
        utc(2026, 3, 9, 11, 30),
        id="new-york-spring-day-after",
    ),
    pytest.param(
        NEW_YORK,
        at(2, 30),
        local(NEW_YORK, 2026, 3, 7, 12),
        utc(2026, 3, 8, 7, 30),
        id="new-york-spring-gap-shifts-to-0330-edt",
    ),
    # America/New_York, fall back on 2026-11-01: 02:00 EDT -> 01:00 EST (06:00 UTC).
    pytest.param(
        NEW_YORK,
        at(7, 30),
        local(NEW_YORK, 2026, 10, 30, 12),
        utc(2026, 10, 31, 11, 30),
        id="new-york-fall-day-before",
    ),
    pytest.param(
        NEW_YORK,
        at(7, 30),
        local(NEW_YORK, 2026, 10, 31, 12),
        utc(2026, 11, 1, 12, 30),
        id="new-york-fall-normal-time",
    ),
    pytest.param(
        NEW_YORK,
        at(7, 30),
        local(NEW_YORK, 2026, 11, 1, 12),
        utc(2026, 11, 2, 12, 30),
        id="new-york-fall-day-after",
    ),
    pytest.param(
        NEW_YORK,
        at(1, 30),
        local(NEW_YORK, 2026, 10, 31, 12),
        utc(2026, 11, 1, 5, 30),
        id="new-york-fall-overlap-first-occurrence",
    ),
    pytest.param(
        NEW_YORK,
        at(1, 30),
        utc(2026, 11, 1, 5, 30),
        utc(2026, 11, 2, 6, 30),
        id="new-york-fall-overlap-not-again-at-second-occurrence",
    ),
    pytest.param(
        NEW_YORK,
        at(2, 30),
        local(NEW_YORK, 2026, 10, 31, 12),
        utc(2026, 11, 1, 7, 30),
        id="new-york-fall-just-after-overlap",
    ),
    # America/Nuuk jumps 23:00 -> 00:00 on 2026-03-28/29: moving forward would leave the
    # date, so 23:30 moves back by the gap to 22:30 (-02) instead.
    pytest.param(
        "America/Nuuk",
        at(23, 30),
        utc(2026, 3, 28, 12),
        utc(2026, 3, 29, 0, 30),
        id="nuuk-gap-at-midnight-stays-on-its-date",
    ),
    # Pacific/Kiritimati is UTC+14: the local date is a day ahead of the UTC date.
    pytest.param(
        KIRITIMATI,
        at(7, 30),
        utc(2026, 6, 14, 12),
        utc(2026, 6, 14, 17, 30),
        id="kiritimati-due-on-previous-utc-date",
    ),
    pytest.param(
        KIRITIMATI,
        at(7, 30),
        utc(2026, 6, 14, 17, 30),
        utc(2026, 6, 15, 17, 30),
        id="kiritimati-next-day",
    ),
    # Samoa skipped 2011-12-30 entirely; that date has no reminder, the next one does.
    pytest.param(
        "Pacific/Apia",
        at(7, 30),
        local("Pacific/Apia", 2011, 12, 29, 8),
        local("Pacific/Apia", 2011, 12, 31, 7, 30).astimezone(UTC),
        id="apia-missing-date",
    ),
]


@pytest.mark.parametrize(("zone", "wall", "after", "expected"), DST_CASES)
def test_next_due_around_clock_changes(
    zone: str, wall: time, after: datetime, expected: datetime
) -> None:
    due = next_due(ReminderSpec(wall, zone), after)
    assert due == expected
    assert due.tzinfo is UTC
    assert due > after


# (wall time, after, local wall clock reading expected at the due instant)
BERLIN_WALL_CASES = [
    (at(2, 30), local(BERLIN, 2026, 3, 28, 12), (date(2026, 3, 29), at(3, 30))),
    (at(2, 30), local(BERLIN, 2026, 10, 24, 12), (date(2026, 10, 25), at(2, 30))),
    (at(7, 30), local(BERLIN, 2026, 3, 28, 12), (date(2026, 3, 29), at(7, 30))),
]


@pytest.mark.parametrize(("wall", "after", "expected"), BERLIN_WALL_CASES)
def test_due_instant_as_seen_on_the_local_clock(
    wall: time, after: datetime, expected: tuple[date, time]
) -> None:
    due = next_due(ReminderSpec(wall, BERLIN), after).astimezone(ZoneInfo(BERLIN))
    assert (due.date(), due.time()) == expected
    assert due.fold == 0


def test_berlin_overlap_due_instant_is_summer_time() -> None:
    due = next_due(ReminderSpec(at(2, 30), BERLIN), local(BERLIN, 2026, 10, 24, 12))
    assert due.astimezone(ZoneInfo(BERLIN)).tzname() == "CEST"


# --- weekdays and strictness -----------------------------------------------------------

MON_WED_FRI = frozenset({0, 2, 4})

# (weekdays, wall time, after, expected due as Berlin wall clock)
WEEKDAY_CASES = [
    pytest.param(
        MON_WED_FRI,
        at(7, 30),
        local(BERLIN, 2026, 11, 27, 20),
        local(BERLIN, 2026, 11, 30, 7, 30),
        id="fri-evening-to-monday",
    ),
    pytest.param(
        MON_WED_FRI,
        at(7, 30),
        local(BERLIN, 2026, 11, 27, 6),
        local(BERLIN, 2026, 11, 27, 7, 30),
        id="fri-morning-same-day",
    ),
    pytest.param(
        MON_WED_FRI,
        at(7, 30),
        local(BERLIN, 2026, 11, 30, 7, 30),
        local(BERLIN, 2026, 12, 2, 7, 30),
        id="exactly-due-monday-to-wednesday",
    ),
    pytest.param(
        frozenset({5, 6}),
        at(9, 0),
        local(BERLIN, 2026, 11, 23, 12),
        local(BERLIN, 2026, 11, 28, 9, 0),
        id="weekends-from-monday",
    ),
    pytest.param(
        frozenset({6}),
        at(9, 0),
        local(BERLIN, 2026, 11, 29, 10),
        local(BERLIN, 2026, 12, 6, 9, 0),
        id="sunday-only-a-week-later",
    ),
    pytest.param(
        frozenset({6}),
        at(2, 30),
        local(BERLIN, 2026, 3, 22, 12),
        local(BERLIN, 2026, 3, 29, 3, 30),
        id="sunday-only-on-gap-day-not-skipped",
    ),
    pytest.param(
        frozenset({6}),
        at(2, 30),
        local(BERLIN, 2026, 10, 18, 12),
        utc(2026, 10, 25, 0, 30),
        id="sunday-only-on-overlap-day-first-occurrence",
    ),
]


@pytest.mark.parametrize(("weekdays", "wall", "after", "expected"), WEEKDAY_CASES)
def test_next_due_respects_weekdays(
    weekdays: frozenset[int], wall: time, after: datetime, expected: datetime
) -> None:
    assert next_due(ReminderSpec(wall, BERLIN, weekdays), after) == expected


@pytest.mark.parametrize(
    ("zone", "wall", "due"),
    [
        (BERLIN, at(7, 30), utc(2026, 11, 27, 6, 30)),
        (NEW_YORK, at(18, 0), utc(2026, 7, 1, 22, 0)),
        (KIRITIMATI, at(0, 0), utc(2026, 1, 1, 10, 0)),
        ("UTC", at(0, 0), utc(2026, 1, 1)),
    ],
)
def test_after_exactly_at_due_instant_gives_next_days(zone: str, wall: time, due: datetime) -> None:
    spec = ReminderSpec(wall, zone)
    assert next_due(spec, due - timedelta(microseconds=1)) == due
    assert next_due(spec, due) == due + timedelta(days=1)


def test_next_due_accepts_after_in_any_zone() -> None:
    spec = ReminderSpec(at(7, 30), BERLIN)
    after_utc = utc(2026, 11, 26, 12)
    assert next_due(spec, after_utc) == next_due(spec, after_utc.astimezone(ZoneInfo(NEW_YORK)))


def test_next_due_rejects_naive_after() -> None:
    naive = utc(2026, 1, 1, 12).replace(tzinfo=None)
    with pytest.raises(ValueError, match="aware"):
        next_due(ReminderSpec(at(7, 30), BERLIN), naive)


# --- a year of daily reminders ----------------------------------------------------------

YEAR_CASES = [
    (BERLIN, at(7, 30)),
    (BERLIN, at(2, 30)),  # hits both the gap and the overlap
    (BERLIN, at(0, 0)),
    (BERLIN, at(23, 59)),
    (NEW_YORK, at(1, 30)),
    (NEW_YORK, at(2, 30)),
    ("America/Nuuk", at(23, 30)),
    (KIRITIMATI, at(6, 0)),
]


@pytest.mark.parametrize(("zone", "wall"), YEAR_CASES)
def test_a_year_of_daily_reminders_gives_one_per_local_date(zone: str, wall: time) -> None:
    spec = ReminderSpec(wall, zone)
    tz = ZoneInfo(zone)
    start = datetime(2026, 1, 1, tzinfo=tz)
    instant = start.astimezone(UTC) - timedelta(seconds=1)
    dates: list[date] = []
    for _ in range(365):
        following = next_due(spec, instant)
        assert following > instant
        instant = following
        dates.append(local_date_of(instant, zone))
    assert len(set(dates)) == 365
    assert dates[0] == date(2026, 1, 1)
    assert all(b - a == timedelta(days=1) for a, b in pairwise(dates))
    assert dates[-1] == date(2026, 12, 31)


def test_year_in_berlin_keeps_the_wall_time_except_in_the_gap() -> None:
    spec = ReminderSpec(at(2, 30), BERLIN)
    tz = ZoneInfo(BERLIN)
    instant = utc(2025, 12, 31, 12)
    readings: dict[date, time] = {}
    for _ in range(365):
        instant = next_due(spec, instant)
        seen = instant.astimezone(tz)
        readings[seen.date()] = seen.time()
    shifted = {day: wall for day, wall in readings.items() if wall != at(2, 30)}
    assert shifted == {date(2026, 3, 29): at(3, 30)}


# --- local dates -------------------------------------------------------------------------

LOCAL_DATE_CASES = [
    # UTC+13 (Tonga, no daylight saving): midnight local is 11:00 UTC.
    ("Pacific/Tongatapu", utc(2026, 6, 15, 10, 59, 59), date(2026, 6, 15)),
    ("Pacific/Tongatapu", utc(2026, 6, 15, 11, 0, 0), date(2026, 6, 16)),
    ("Pacific/Tongatapu", utc(2026, 6, 15, 23, 0, 0), date(2026, 6, 16)),
    # UTC-10 (Hawaii): midnight local is 10:00 UTC.
    ("Pacific/Honolulu", utc(2026, 6, 16, 9, 59, 59), date(2026, 6, 15)),
    ("Pacific/Honolulu", utc(2026, 6, 16, 10, 0, 0), date(2026, 6, 16)),
    ("Pacific/Honolulu", utc(2026, 6, 16, 0, 30, 0), date(2026, 6, 15)),
    # UTC+14: a day ahead of UTC for most of the UTC day.
    (KIRITIMATI, utc(2026, 6, 14, 17, 30), date(2026, 6, 15)),
    (KIRITIMATI, utc(2026, 6, 14, 9, 59, 59), date(2026, 6, 14)),
    ("UTC", utc(2026, 6, 14, 23, 59, 59), date(2026, 6, 14)),
]


@pytest.mark.parametrize(("zone", "instant", "expected"), LOCAL_DATE_CASES)
def test_local_date_of(zone: str, instant: datetime, expected: date) -> None:
    assert local_date_of(instant, zone) == expected


def test_local_date_of_rejects_naive() -> None:
    with pytest.raises(ValueError, match="aware"):
        local_date_of(utc(2026, 1, 1).replace(tzinfo=None), BERLIN)


# --- due_action -----------------------------------------------------------------------------

DUE = utc(2026, 11, 27, 6, 30)
GRACE = timedelta(hours=2)

DUE_ACTION_CASES = [
    (DUE - timedelta(seconds=1), GRACE, "wait"),
    (DUE, GRACE, "send"),
    (DUE + timedelta(minutes=5), GRACE, "send"),
    (DUE + GRACE, GRACE, "send"),
    (DUE + GRACE + timedelta(seconds=1), GRACE, "skip"),
    (DUE + timedelta(days=3), GRACE, "skip"),
    (DUE, timedelta(0), "send"),
    (DUE + timedelta(seconds=1), timedelta(0), "skip"),
]


@pytest.mark.parametrize(("now", "grace", "expected"), DUE_ACTION_CASES)
def test_due_action_boundaries(now: datetime, grace: timedelta, expected: str) -> None:
    assert due_action(DUE, now, grace) == expected


def test_due_action_compares_instants_not_wall_clocks() -> None:
    now_in_berlin = (DUE + GRACE).astimezone(ZoneInfo(BERLIN))
    assert due_action(DUE, now_in_berlin, GRACE) == "send"


def test_due_action_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="grace"):
        due_action(DUE, DUE, timedelta(seconds=-1))
    with pytest.raises(ValueError, match="aware"):
        due_action(DUE, DUE.replace(tzinfo=None), GRACE)


# --- describing --------------------------------------------------------------------------------

DESCRIBE_CASES = [
    (utc(2026, 11, 27, 6, 30), BERLIN, "Fri 27 Nov at 07:30 (Europe/Berlin)"),
    (utc(2026, 3, 29, 1, 30), BERLIN, "Sun 29 Mar at 03:30 (Europe/Berlin)"),
    (utc(2026, 6, 14, 17, 30), KIRITIMATI, "Mon 15 Jun at 07:30 (Pacific/Kiritimati)"),
    (utc(2026, 1, 1, 4, 5), NEW_YORK, "Wed 31 Dec at 23:05 (America/New_York)"),
    (utc(2026, 1, 1), "UTC", "Thu 1 Jan at 00:00 (UTC)"),
]


@pytest.mark.parametrize(("due", "zone", "expected"), DESCRIBE_CASES)
def test_describe_next(due: datetime, zone: str, expected: str) -> None:
    assert describe_next(due, zone) == expected


@pytest.mark.parametrize(
    ("weekdays", "expected"),
    [
        (ALL_WEEKDAYS, "every day"),
        (frozenset(range(5)), "weekdays"),
        (frozenset({5, 6}), "weekends"),
        (MON_WED_FRI, "Mon, Wed, Fri"),
        (frozenset({6, 1}), "Tue, Sun"),
    ],
)
def test_describe_weekdays(weekdays: frozenset[int], expected: str) -> None:
    assert describe_weekdays(weekdays) == expected


# --- ReminderSpec --------------------------------------------------------------------------------


def test_spec_defaults_to_every_day() -> None:
    assert ReminderSpec(at(7, 30), BERLIN).weekdays == ALL_WEEKDAYS
    assert WEEKDAYS == ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@pytest.mark.parametrize(
    ("wall", "zone", "weekdays", "message"),
    [
        (at(7, 30), BERLIN, frozenset(), "weekday"),
        (at(7, 30), BERLIN, frozenset({7}), "0..6"),
        (time(7, 30, tzinfo=UTC), BERLIN, ALL_WEEKDAYS, "tzinfo"),
        (at(7, 30), "Mars/Olympus_Mons", ALL_WEEKDAYS, "time zone"),
        (at(7, 30), "localtime", ALL_WEEKDAYS, "time zone"),
    ],
)
def test_spec_rejects_invalid_values(
    wall: time, zone: str, weekdays: frozenset[int], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        ReminderSpec(wall, zone, weekdays)


# --- parse_time -----------------------------------------------------------------------------------

GOOD_TIMES = [
    ("07:30", at(7, 30)),
    ("7:30", at(7, 30)),
    ("7am", at(7, 0)),
    ("7 AM", at(7, 0)),
    ("19:05", at(19, 5)),
    ("7.30pm", at(19, 30)),
    ("7:30 p.m.", at(19, 30)),
    ("12am", at(0, 0)),
    ("12:15am", at(0, 15)),
    ("12pm", at(12, 0)),
    ("00:00", at(0, 0)),
    ("23:59", at(23, 59)),
    ("1905", at(19, 5)),
    ("7h30", at(7, 30)),
    ("  06:45  ", at(6, 45)),
    ("noon", at(12, 0)),
    ("Midnight", at(0, 0)),
]


@pytest.mark.parametrize(("text", "expected"), GOOD_TIMES)
def test_parse_time_accepts(text: str, expected: time) -> None:
    parsed = parse_time(text)
    assert parsed == expected
    assert isinstance(parsed, time)
    assert parsed.tzinfo is None


BAD_TIMES = [
    "",
    "7",
    "19",
    "24:00",
    "7:60",
    "13pm",
    "0am",
    "19:05pm",
    "seven",
    "7:3",
    "7 30",
    "-1:00",
]


@pytest.mark.parametrize("text", BAD_TIMES)
def test_parse_time_rejects_with_hint_and_example(text: str) -> None:
    result = parse_time(text)
    assert isinstance(result, ScheduleError)
    assert result.error
    assert result.hint
    assert isinstance(parse_time(result.example), time)


def test_parse_time_bare_hour_suggests_am_and_pm() -> None:
    result = parse_time("7")
    assert isinstance(result, ScheduleError)
    assert "7am" in result.hint
    assert "7pm" in result.hint


# --- parse_weekdays ----------------------------------------------------------------------------

GOOD_WEEKDAYS = [
    ("mon,wed,fri", MON_WED_FRI),
    ("Mon Wed Fri", MON_WED_FRI),
    ("monday, wednesday and friday", MON_WED_FRI),
    ("Mondays", frozenset({0})),
    ("tues thurs", frozenset({1, 3})),
    ("weekdays", frozenset(range(5))),
    ("weekends", frozenset({5, 6})),
    ("daily", ALL_WEEKDAYS),
    ("every day", ALL_WEEKDAYS),
    ("Every Day", ALL_WEEKDAYS),
    ("mon-fri", frozenset(range(5))),
    ("Mon - Thu", frozenset(range(4))),
    ("mon to wed", frozenset({0, 1, 2})),
    ("fri-mon", frozenset({4, 5, 6, 0})),
    ("sat-sat", frozenset({5})),
    ("mon,mon", frozenset({0})),
    ("weekdays, sat", frozenset(range(6))),
]


@pytest.mark.parametrize(("text", "expected"), GOOD_WEEKDAYS)
def test_parse_weekdays_accepts(text: str, expected: frozenset[int]) -> None:
    assert parse_weekdays(text) == expected


BAD_WEEKDAYS = ["", " , ", "mnday", "funday", "mon-xyz", "mon-", "mon,wed,someday", "8"]


@pytest.mark.parametrize("text", BAD_WEEKDAYS)
def test_parse_weekdays_rejects_with_hint_and_example(text: str) -> None:
    result = parse_weekdays(text)
    assert isinstance(result, ScheduleError)
    assert result.error
    assert result.hint
    assert isinstance(parse_weekdays(result.example), frozenset)


def test_parse_weekdays_suggests_close_day() -> None:
    result = parse_weekdays("wendesday")
    assert isinstance(result, ScheduleError)
    assert "wednesday" in result.suggestions


# --- parse_timezone and autocomplete ---------------------------------------------------------

GOOD_ZONES = [
    ("Europe/Berlin", BERLIN),
    ("europe/berlin", BERLIN),
    ("  EUROPE/BERLIN ", BERLIN),
    ("America/New York", NEW_YORK),
    ("america/new_york", NEW_YORK),
    ("UTC", "UTC"),
    ("utc", "UTC"),
    ("Pacific/Kiritimati", KIRITIMATI),
    ("US/Eastern", "US/Eastern"),
]


@pytest.mark.parametrize(("text", "expected"), GOOD_ZONES)
def test_parse_timezone_accepts(text: str, expected: str) -> None:
    assert parse_timezone(text) == expected


BAD_ZONES = [
    ("Berlin", BERLIN),
    ("Europe/Berln", BERLIN),
    ("new york", NEW_YORK),
    ("America/NewYork", NEW_YORK),
    ("Mars/Olympus_Mons", None),
    ("", None),
    ("UTC+2", None),
    ("+05:30", None),
    ("localtime", None),
]


@pytest.mark.parametrize(("text", "suggested"), BAD_ZONES)
def test_parse_timezone_rejects_with_hint_and_example(text: str, suggested: str | None) -> None:
    result = parse_timezone(text)
    assert isinstance(result, ScheduleError)
    assert result.error
    assert result.hint
    assert result.example == BERLIN
    assert parse_timezone(result.example) == BERLIN
    if suggested is not None:
        assert suggested in result.suggestions
        assert suggested in result.hint
    for name in result.suggestions:
        assert parse_timezone(name) == name


def test_parse_timezone_explains_fixed_offsets() -> None:
    result = parse_timezone("UTC+2")
    assert isinstance(result, ScheduleError)
    assert "daylight" in result.error


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("berlin", BERLIN),
        ("Europe/Ber", BERLIN),
        ("new york", NEW_YORK),
        ("kiritimati", KIRITIMATI),
        ("utc", "UTC"),
    ],
)
def test_timezone_choices_puts_best_match_first(typed: str, first: str) -> None:
    choices = timezone_choices(typed)
    assert choices[0] == first


@pytest.mark.parametrize("typed", ["", "a", "euro", "america/", "los", "zzzz-no-such"])
def test_timezone_choices_are_valid_and_bounded(typed: str) -> None:
    choices = timezone_choices(typed)
    assert len(choices) <= 25
    assert len(set(choices)) == len(choices)
    key = typed.lower().replace(" ", "_")
    for name in choices:
        assert parse_timezone(name) == name
        assert key in name.lower()


def test_timezone_choices_limits() -> None:
    assert len(timezone_choices("a", limit=5)) == 5
    assert timezone_choices("a", limit=0) == ()
    assert timezone_choices("zzzz-no-such") == ()
    assert "UTC" in timezone_choices("")


@pytest.mark.parametrize(
    ("typed", "main", "alias"),
    [
        ("sing", "Asia/Singapore", "Singapore"),
        ("utc", "UTC", "Etc/UTC"),
        ("hono", "Pacific/Honolulu", "US/Hawaii"),
    ],
)
def test_timezone_choices_prefers_main_names_over_aliases(
    typed: str, main: str, alias: str
) -> None:
    choices = timezone_choices(typed, limit=100)
    assert main in choices
    if alias in choices:
        assert choices.index(main) < choices.index(alias)


def test_timezone_choices_matches_words_inside_names() -> None:
    assert timezone_choices("york")[0] == NEW_YORK
    assert "localtime" not in timezone_choices("local")
