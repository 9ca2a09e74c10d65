"""Dates: the forms lifters write, one date for a whole message, and day/month order."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.models import ParseError
from tests.domain.notation.rows import Row, check_row, entries, only, parse, r

D = date
ROWS: list[Row] = [
    # today is Thursday 2026-11-26
    r("squat 5x5 20/11", "back-squat", 5, on=D(2026, 11, 20), asks=False),
    r("20/11 squat 5x5", "back-squat", 5, on=D(2026, 11, 20), asks=False),
    r("squat 5x5 20/11/2026", "back-squat", 5, on=D(2026, 11, 20)),
    r("squat 5x5 20/11/26", "back-squat", 5, on=D(2026, 11, 20)),
    r("squat 5x5 20.11.", "back-squat", 5, on=D(2026, 11, 20)),
    r("squat 5x5 20.11.2026", "back-squat", 5, on=D(2026, 11, 20)),
    r("squat 5x5 2026/11/20", "back-squat", 5, on=D(2026, 11, 20)),
    r("squat 5x5 on 20/11", "back-squat", 5, on=D(2026, 11, 20)),
    r("Mon 23/11 squat 5x5", "back-squat", 5, on=D(2026, 11, 23), reps=5),
    r("squat 5x5 fri 20/11", "back-squat", 5, on=D(2026, 11, 20)),
    r("squat 5x5 nov 20", "back-squat", 5, on=D(2026, 11, 20), reps=5),
    r("squat 5x5 20 nov", "back-squat", 5, on=D(2026, 11, 20), reps=5),
    r("squat 5x5 november 20th", "back-squat", 5, on=D(2026, 11, 20)),
    r("squat 5x5 20th of nov", "back-squat", 5, on=D(2026, 11, 20)),
    r("squat 5x5 nov 20 2026", "back-squat", 5, on=D(2026, 11, 20)),
    r("squat 5x5 dec 5", "back-squat", 5, on=D(2025, 12, 5)),
    r("squat 5x5 2 days ago", "back-squat", 5, on=D(2026, 11, 24)),
    r("squat 5x5 1 day ago", "back-squat", 5, on=D(2026, 11, 25)),
    r("squat 5x5 a week ago", "back-squat", 5, on=D(2026, 11, 19)),
    r("squat 5x5 last mon", "back-squat", 5, on=D(2026, 11, 23)),
    r("squat 5x5 last thu", "back-squat", 5, on=D(2026, 11, 19)),
    r("squat 5x5 thursday", "back-squat", 5, on=D(2026, 11, 26)),
    r("yday squat 5x5", "back-squat", 5, on=D(2026, 11, 25)),
    # --- numeric dates: a part above 12 is the day; otherwise the order decides and asks
    r("squat 5x5 6/11", "back-squat", 5, on=D(2026, 11, 6), asks="11 Jun"),
    r("squat 5x5 6/11", "back-squat", 5, on=D(2026, 6, 11), asks="6 Nov", order="mdy"),
    r("squat 5x5 11/20", "back-squat", 5, on=D(2026, 11, 20), asks=False),
    r("squat 5x5 11/20", "back-squat", 5, on=D(2026, 11, 20), asks=False, order="mdy"),
    r("squat 5x5 20/11", "back-squat", 5, on=D(2026, 11, 20), asks=False, order="mdy"),
    r("squat 5x5 5/5", "back-squat", 5, on=D(2026, 5, 5), asks=False),
    r("squat 5x5 11/12", "back-squat", 5, on=D(2025, 12, 11), asks="12 Nov"),
    r("squat 5x5 1/12", "back-squat", 5, on=D(2025, 12, 1), asks="12 Jan"),
    r("squat 5x5 25/12", "back-squat", 5, on=D(2025, 12, 25), asks=False),
    r("squat 5x5 12/25", "back-squat", 5, on=D(2025, 12, 25), asks=False),
    # --- numbers that are not dates
    r("pull-ups 10/8", "pull-up", 2, reps=[10, 8], on=None),
    r("chin-up 8/7/6", "chin-up", 3, reps=[8, 7, 6], on=None),
    r("dec bench 3x8 @80", None, 3, on=None, load_kg=80.0),
    r("squat 3x5 @100 5/3/1 style", "back-squat", 3, on=None),
]


@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row}-{row.order}")
def test_reads_line(row: Row) -> None:
    check_row(row)


def test_an_ambiguous_date_asks_with_weekdays_and_offers_the_other() -> None:
    entry = only("squat 5x5 @100 6/11")
    assert entry.question is not None
    assert entry.question.chosen == "Fri 6 Nov"
    assert entry.question.other == "Thu 11 Jun"
    other = only(entry.question.line)
    assert other.performed_on == date(2026, 6, 11)
    assert other.sets == entry.sets


def test_a_date_in_another_year_names_the_year() -> None:
    question = only("squat 5x5 11/12").question
    assert question is not None
    assert question.chosen == "Thu 11 Dec 2025"


def test_one_date_dates_every_part_of_the_message() -> None:
    result = entries("2026-11-18 squat 4x8 100kg rir2; rdl 3x10 90kg rir2; leg press 3x12 200kg")
    assert [e.performed_on for e in result] == [date(2026, 11, 18)] * 3


def test_a_date_written_after_the_last_exercise_dates_them_all() -> None:
    result = entries("squat 5x5; bench 3x8 yesterday")
    assert [e.performed_on for e in result] == [date(2026, 11, 25)] * 2


def test_a_date_inside_one_part_dates_it_alone_when_the_others_have_their_own() -> None:
    result = entries("squat 5x5 mon; bench 3x8 tue")
    assert [e.performed_on for e in result] == [date(2026, 11, 23), date(2026, 11, 24)]


def test_the_same_date_twice_is_one_date() -> None:
    result = entries("squat 5x5 mon; bench 3x8 2026-11-23; curl 3x10")
    assert [e.performed_on for e in result] == [date(2026, 11, 23)] * 3


def test_several_dates_and_an_undated_part_ask_which_day() -> None:
    result = parse("squat 5x5 mon\nbench 3x8\ndl 1x5 tue")
    assert isinstance(result, ParseError)
    assert "bench press has none" in result.error
    assert "own date" in result.hint


def test_an_ambiguous_date_for_the_whole_message_asks_on_every_entry() -> None:
    result = entries("6/11\nsquat 5x5\nbench 3x8")
    assert [e.performed_on for e in result] == [date(2026, 11, 6)] * 2
    assert all(e.question is not None and e.question.other == "Thu 11 Jun" for e in result)
    assert [only(e.question.line).performed_on for e in result if e.question] == [
        date(2026, 6, 11)] * 2


def test_there_are_enough_rows() -> None:
    assert len(ROWS) >= 30
