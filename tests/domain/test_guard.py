"""The input guard: text without control characters, names within their length, dates
within 1970 to a day past now, whatever the year or the time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.domain import guard, limits

NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
NEW_YORK = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")


@pytest.mark.parametrize("bad", ["\x00", "\x01", "\x07", "\x1b", "\x7f", "\x85", "\x9f",
                                 "\ud800", "\udfff", "\x0b", "\x0c"])
def test_control_characters_and_lone_surrogates_become_spaces(bad: str) -> None:
    assert guard.clean(f"bench{bad}press") == "bench press"
    assert guard.has_control(f"a{bad}") and guard.first_control(f"ab{bad}") == 2
    guard.clean(bad).encode("utf-8")  # anything clean can be stored as UTF-8


def test_tabs_line_breaks_and_ordinary_unicode_stay() -> None:
    text = "squat 5x5\nbench 3x8\r\n\tnote: süß 💪 İ"
    assert guard.clean(text) is text
    assert not guard.has_control(text) and guard.first_control(text) is None


def test_a_name_is_one_line_lower_case_and_never_longer_than_the_limit() -> None:
    assert guard.name("  Zercher\x00  SQUAT\n") == "zercher squat"
    assert guard.name("x" * limits.MAX_NAME) == "x" * limits.MAX_NAME
    assert guard.name("x" * (limits.MAX_NAME + 1)) is None
    assert guard.name(" \x00\t ") is None
    assert guard.cut_name("Y" * 100_000) == "y" * limits.MAX_NAME


@pytest.mark.parametrize("wall", [
    datetime(9999, 12, 31, 23, 0, tzinfo=timezone(timedelta(hours=-5))),
    datetime(9999, 12, 31, 23, 0),  # noqa: DTZ001  (naive: a wall-clock time in the zone)
    datetime(2026, 11, 28, 18, 1, tzinfo=UTC),
], ids=["year 9999 west of UTC", "year 9999 in New York", "two days ahead"])
def test_dates_after_tomorrow_are_in_the_future_never_an_overflow(wall: datetime) -> None:
    assert guard.moment(wall, NEW_YORK, NOW) == "in the future"


@pytest.mark.parametrize("wall", [
    datetime(1, 1, 1, 0, 30),  # noqa: DTZ001
    datetime(1, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=14))),
    datetime(1969, 12, 31, 23, 59),  # noqa: DTZ001
], ids=["year 1 in Tokyo", "year 1 east of UTC", "the day before 1970"])
def test_dates_before_1970_are_too_early_never_an_overflow(wall: datetime) -> None:
    assert guard.moment(wall, TOKYO, NOW) == "too early"


def test_dates_in_the_range_give_the_instant_and_the_lifters_day() -> None:
    assert guard.moment(datetime(2026, 3, 5, 18, 2), NEW_YORK, NOW) == (  # noqa: DTZ001
        datetime(2026, 3, 5, 23, 2, tzinfo=UTC), date(2026, 3, 5))
    late = datetime(2026, 3, 5, 23, 30, tzinfo=UTC)
    assert guard.moment(late, TOKYO, NOW) == (late, date(2026, 3, 6))
    assert guard.moment(datetime(1970, 1, 1), NEW_YORK, NOW) != "too early"  # noqa: DTZ001
    assert guard.moment(NOW + guard.FUTURE_SLACK, UTC, NOW) != "in the future"
