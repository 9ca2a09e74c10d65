"""Every import format passes the same guard as /log: the value limits, names within
their length, no control characters, dates from 1970 to tomorrow, refused with the row
number and never raised."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain import limits
from bot.domain.catalogue.lookup import default_catalogue
from bot.domain.transfer.export import COLUMNS, header_line
from bot.domain.transfer.read import ImportProblem, ImportResult, read_import
from tests.data_samples import hevy, replace_cell, sample_workouts, strong_comma

NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
NEW_YORK = ZoneInfo("America/New_York")


def own_file(**cells: str) -> str:
    """A liftcoach export of one set of an own exercise, with some cells replaced."""
    row = {c: "" for c in COLUMNS} | {
        "entry": "1", "performed_at": "2026-10-05T07:30:00+00:00", "local_date": "2026-10-05",
        "exercise": "zorb lift", "exercise_key": "zorb-lift", "custom": "1", "set": "1",
        "reps": "5", "load_kg": "100", "bodyweight": "0", "failure": "0", "warmup": "0",
        "amrap": "0", "planned_max": "0", "pr": "0",
    } | cells
    return header_line() + ",".join(f'"{row[c]}"' for c in COLUMNS) + "\n"


def read(text: str, zone: ZoneInfo = NEW_YORK) -> ImportResult | ImportProblem:
    return read_import(text, fmt="auto", catalogue=default_catalogue(), zone=zone, unit="kg",
                       latest=NOW)


def refused(text: str, zone: ZoneInfo = NEW_YORK) -> str:
    result = read(text, zone)
    assert isinstance(result, ImportProblem), result
    return result.error


@pytest.mark.parametrize(("column", "value", "says"), [
    ("load_kg", "1.7e308", "heavier than I can log"),
    ("load_kg", "-1.7e308", "heavier than I can log"),
    ("load_kg", "1.8e308", "not a number I can use"),  # past the largest float
    ("rir", "1e308", "more reps in reserve"),
    ("rir_max", "11", "more reps in reserve"),
    ("reps", "1e6", "more reps than I can log"),
    ("reps_max", "101", "more reps than I can log"),
    ("seconds", "1e300", "longer than a timed set"),
    ("meters", "1e300", "farther than a set can go"),
])
def test_the_own_format_is_held_to_the_limits_of_log(column: str, value: str,
                                                     says: str) -> None:
    error = refused(own_file(**{column: value}))
    assert "row 2:" in error and says in error


def test_a_page_long_name_in_the_own_format_is_kept_at_the_name_length() -> None:
    result = read(own_file(exercise="Zorb " * 20_000))
    assert isinstance(result, ImportResult)
    [entry] = result.entries
    assert entry.exercise.name == ("zorb " * 12).strip()
    assert len(entry.exercise.name) <= limits.MAX_NAME


@pytest.mark.parametrize("key", ["k" * 100_000, "../../etc/passwd", "/tmp/x", "=HYPERLINK(1)",
                                 "Zorb Lift", "zorb\x01lift"])
def test_an_own_exercise_key_that_export_never_writes_is_refused(key: str) -> None:
    error = refused(own_file(exercise_key=key))
    assert "row 2:" in error and "exercise_key" in error and "not a key" in error


def test_control_characters_in_any_format_never_reach_a_name_or_note() -> None:
    """(NUL makes a file binary: the coach refuses it before reading, see tests/coach.)"""
    text = replace_cell(strong_comma(sample_workouts(1)), 2, "Exercise Name", "Zorb\x01\x07Lift")
    text = replace_cell(text, 2, "Notes", "felt\x1b[31m good\x7f")
    result = read(text)
    assert isinstance(result, ImportResult)
    stored = [(e.exercise.name, e.written_as, e.note) for e in result.entries]
    assert ("zorb lift", "Zorb Lift", "felt [31m good") in stored
    assert not any("\x01" in "".join(s) or "\x1b" in "".join(s) for s in stored)
    own = read(own_file(exercise="zorb\x02lift", note="a\x03b"))
    assert isinstance(own, ImportResult)
    assert (own.entries[0].exercise.name, own.entries[0].note) == ("zorb lift", "a b")


@pytest.mark.parametrize("when", ["9999-12-31 23:00:00-05:00", "9999-12-31 23:00:00",
                                  "2026-11-28 10:00:00"])
def test_dates_past_tomorrow_are_refused_with_the_row_whatever_the_zone(when: str) -> None:
    text = replace_cell(strong_comma(sample_workouts(1)), 5, "Date", when)
    error = refused(text)  # New York lies west of UTC: 9999-12-31 23:00 there is year 10000
    assert "row 5:" in error and "in the future" in error


@pytest.mark.parametrize("when", ["0001-01-01 00:30:00", "1969-12-31 10:00:00"])
def test_dates_before_1970_are_refused_with_the_row(when: str) -> None:
    text = replace_cell(strong_comma(sample_workouts(1)), 3, "Date", when)
    error = refused(text, ZoneInfo("Asia/Tokyo"))  # east of UTC: year 1 would be year 0
    assert "row 3:" in error and "too long ago" in error and "1970-01-01" in error


def test_hevy_and_own_dates_are_held_to_the_same_range() -> None:
    text = replace_cell(hevy(sample_workouts(1)), 4, "start_time", "31 Dec 9999, 23:00")
    assert "row 4:" in refused(text) and "in the future" in refused(text)
    far = own_file(performed_at="9999-12-31T23:00:00-05:00", local_date="9999-12-31")
    assert "row 2:" in refused(far) and "in the future" in refused(far)
    old = own_file(performed_at="1960-01-01T00:00:00+00:00", local_date="1960-01-01")
    assert "too long ago" in refused(old)
