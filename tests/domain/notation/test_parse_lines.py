"""Messages of several lines: names above their sets, sessions pasted, day headers."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.models import ParseError
from bot.domain.transfer.names import NameMapper
from tests.domain.notation.rows import CAT, entries, parse

MON = date(2026, 11, 23)


def keys(text: str) -> list[str]:
    return [e.exercise.key for e in entries(text)]


def test_a_name_on_one_line_and_its_sets_on_the_next() -> None:
    (entry,) = entries("Face pull\n5x12 @ 25")
    assert entry.exercise.key == "face-pull"
    assert [(s.reps, s.load_kg) for s in entry.sets] == [(12, 25.0)] * 5
    assert entry.text == "Face pull\n5x12 @ 25"


def test_a_session_pasted_as_several_lines_is_one_log() -> None:
    text = "Push day\nBench press\n100x5\n105x5\n110x3\nIncline DB press 3x10 @30\nDips 3x12"
    result = entries(text)
    assert [e.exercise.key for e in result] == ["bench-press", "incline-dumbbell-press", "dip"]
    assert [s.load_kg for s in result[0].sets] == [100.0, 105.0, 110.0]
    assert result[0].note == "Push day"


def test_lines_of_sets_go_on_the_exercise_above() -> None:
    (entry,) = entries("squat 5x5 @100\n3x3 @110")
    assert [s.load_kg for s in entry.sets] == [100.0] * 5 + [110.0] * 3


def test_semicolons_between_the_sets_of_one_exercise() -> None:
    (entry,) = entries("squat 100x5; 110x3; 120x1")
    assert [(s.load_kg, s.reps) for s in entry.sets] == [(100.0, 5), (110.0, 3), (120.0, 1)]


def test_a_day_header_dates_the_lines_below_and_becomes_a_note() -> None:
    result = entries("Monday - legs\nsquat 5x5 @100\nleg press 3x12 @200")
    assert [e.performed_on for e in result] == [MON, MON]
    assert result[0].note == "legs"
    assert result[1].note == ""


@pytest.mark.parametrize("header", ["Push day", "Week 3 Day 2", "Day 1", "Workout A",
                                    "Upper body"])
def test_a_header_line_is_kept_as_the_next_entrys_note(header: str) -> None:
    (entry,) = entries(f"{header}\nbench 3x5 @80")
    assert entry.exercise.key == "bench-press"
    assert entry.note == header


def test_a_session_with_a_dated_header_labels_and_notes() -> None:
    text = ("Mon 23/11 - Legs\nA1. Back squat 4x6 @ 110 rir 2\nA2. RDL 3x8 @ 100 (straps)\n"
            "B1. Leg press 3x12 @ 200 - seat 5\nPlank 3x45s\nfelt good overall")
    result = entries(text)
    assert [e.exercise.key for e in result] == ["back-squat", "romanian-deadlift", "leg-press",
                                                "plank"]
    assert {e.performed_on for e in result} == {MON}
    assert [e.note for e in result] == ["Legs; A1", "A2; straps", "B1; seat 5",
                                        "felt good overall"]
    assert result[3].sets[0].seconds == 45.0


def test_a_weekday_and_a_date_that_disagree_are_refused() -> None:
    result = parse("Tue 23/11\nsquat 5x5")
    assert isinstance(result, ParseError)
    assert "two dates" in result.error


def test_words_after_the_last_exercise_are_its_note() -> None:
    result = entries("squat 5x5 @100\nbench 3x8 @80\nfelt great today")
    assert [e.note for e in result] == ["", "felt great today"]
    assert [e.performed_on for e in result] == [None, None]


def test_a_note_on_a_line_of_sets_joins_the_entrys_note() -> None:
    (entry,) = entries("Squat\n100x5 - felt easy\n110x3 (belt)")
    assert entry.note == "felt easy; belt"
    assert len(entry.sets) == 2


def test_labels_on_each_line_go_to_each_entry() -> None:
    result = entries("A1. squat 5x5 @100\nA2. bench 3x8 @80")
    assert [e.note for e in result] == ["A1", "A2"]


def test_set_numbers_before_the_sets_are_dropped() -> None:
    (entry,) = entries("Barbell squat\nSet1. 43 kg x 5 Reps\nSet2. 47.5 kg x 5 Reps")
    assert [s.load_kg for s in entry.sets] == [43.0, 47.5]
    assert entry.note == ""


def test_headings_with_several_dates_date_their_own_lines() -> None:
    result = entries("mon\nsquat 5x5\ntue\nbench 3x8")
    assert [e.performed_on for e in result] == [MON, date(2026, 11, 24)]


def test_a_known_exercise_without_sets_is_refused() -> None:
    result = parse("squat 5x5\nbench")
    assert isinstance(result, ParseError)
    assert 'In "bench"' in result.error and "no sets" in result.error
    assert "line below" in result.hint


def test_sets_with_no_exercise_anywhere_above_are_refused() -> None:
    result = parse("5x5 @100\n3x3")
    assert isinstance(result, ParseError)
    assert "exercise name" in result.error


def test_one_entry_over_several_lines_keeps_the_set_limit() -> None:
    text = "squat\n" + "\n".join(["5x5"] * 4) + "\n1x1"
    result = parse(text)
    assert isinstance(result, ParseError)
    assert "21 sets" in result.error


def test_a_second_date_for_one_exercise_is_refused() -> None:
    result = parse("squat 100x5 yesterday\n110x3 mon")
    assert isinstance(result, ParseError)
    assert "second date" in result.error


# ------------------------------------------------------------------ one per line or ;
def test_one_exercise_per_line_and_per_semicolon() -> None:
    result = parse("squat 5x5 @100kg rir2\nbench 3x8 @80kg; rdl 3x10 @80")
    assert isinstance(result, tuple)
    assert [e.exercise.key for e in result] == ["back-squat", "bench-press", "romanian-deadlift"]
    assert [e.text for e in result] == ["squat 5x5 @100kg rir2", "bench 3x8 @80kg",
                                        "rdl 3x10 @80"]


def test_blank_lines_and_crlf_are_skipped() -> None:
    result = parse("\r\nsquat 5x5\r\n\r\n  \nbench 3x8\n;;")
    assert isinstance(result, tuple)
    assert [e.exercise.key for e in result] == ["back-squat", "bench-press"]


def test_a_date_on_its_own_line_dates_the_lines_below() -> None:
    result = parse("yesterday:\nsquat 5x5\nbench 3x8 mon\n2026-11-20\ndl 1x5 @180")
    assert isinstance(result, tuple)
    assert [e.performed_on for e in result] == [
        date(2026, 11, 25),
        date(2026, 11, 23),
        date(2026, 11, 20),
    ]


def test_one_date_inside_a_line_dates_the_whole_message() -> None:
    # It used to date its own line only, leaving the bench undated (today).
    result = parse("squat 5x5 yesterday\nbench 3x8")
    assert isinstance(result, tuple)
    assert [e.performed_on for e in result] == [date(2026, 11, 25), date(2026, 11, 25)]


def test_error_in_second_line_names_the_line() -> None:
    result = parse("squat 5x5\nbench 3x8 @1200kg")
    assert isinstance(result, ParseError)
    assert result.error.startswith('In "bench 3x8 @1200kg": ')
    assert "typo" in result.hint


def test_a_date_after_the_last_exercise_dates_the_message() -> None:
    result = parse("squat 5x5\nbench 3x8\nyesterday")
    assert isinstance(result, tuple)
    assert [e.performed_on for e in result] == [date(2026, 11, 25)] * 2


def test_a_trailing_date_among_several_is_not_dropped_silently() -> None:
    result = parse("squat 5x5 mon\nbench 3x8 tue\nyesterday")
    assert isinstance(result, ParseError)
    assert "yesterday" in result.error


def test_a_workout_shared_from_an_app_reads_whole() -> None:
    # The header an app writes (title, weekday, month-first date with commas and a time),
    # "Set N:" lines, "@ 8 rpe" after the set, a [Failure] mark and the app's handle.
    text = ("Morning Workout\nMonday, Nov 23, 2026 at 7:05am\n\nSquat (Barbell)\n"
            "Set 1: 100 kg x 5\nSet 2: 100 kg x 5 @ 8 rpe\nSet 3: 100 kg x 5 [Failure]\n\n"
            "Bench Press (Barbell)\nSet 1: 60 kg x 10\nSet 2: 80 kg x 8\n@hevyapp")
    squat, bench = entries(text)
    assert (squat.exercise.key, bench.exercise.key) == ("back-squat", "bench-press")
    assert squat.performed_on == bench.performed_on == MON
    assert [(s.reps, s.load_kg, s.rir, s.failure) for s in squat.sets] == [
        (5, 100.0, None, False), (5, 100.0, 2.0, False), (5, 100.0, 0.0, True)]
    assert [(s.reps, s.load_kg) for s in bench.sets] == [(10, 60.0), (8, 80.0)]
    assert "@hevyapp" in bench.note and "am" not in squat.note.split("; ")


@pytest.mark.parametrize("header", ["Nov 23, 2026", "Monday, Nov 23, 2026",
                                    "Monday, November 23, 2026 at 18:30",
                                    "Mon, Nov 23, 2026 at 7:05 pm"])
def test_a_month_first_date_header_dates_the_lines_below(header: str) -> None:
    (entry,) = entries(f"{header}\nsquat 5x5 @100kg")
    assert entry.performed_on == MON and entry.note == ""


def test_a_shared_workout_with_numbered_sets_and_a_link() -> None:
    # "W:" a warm-up set, "1:" a set number before the load, the app's link kept whole.
    text = ("Legs\nMonday, November 23, 2026 at 6:00 PM\n\nLeg Press\nW: 100 kg × 10\n"
            "1: 200 kg × 10\n2: 200 kg × 8\n\nhttps://strong.app.link/abc123")
    (entry,) = entries(text)
    assert entry.exercise.key == "leg-press" and entry.performed_on == MON
    assert [(s.reps, s.load_kg, s.warmup) for s in entry.sets] == [
        (10, 100.0, True), (10, 200.0, False), (8, 200.0, False)]
    assert "https://strong.app.link/abc123" in entry.note.split("; ")


@pytest.mark.parametrize(("name", "key"), [
    ("Bench Press (Dumbbell)", "dumbbell-bench-press"),  # not the barbell bench press
    ("Bench Press (Smith Machine)", "smith-machine-bench-press"),  # tier C, not B
    ("Bicep Curl (Barbell)", "barbell-curl"),
    ("Pull Up (Assisted)", "assisted-pull-up"),
    ("Lat Pulldown - Close Grip (Cable)", "close-grip-pulldown"),
    ("Triceps Pushdown (Cable - Straight Bar)", "triceps-pushdown"),
    ("Squat (Barbell)", "back-squat"),
    ("Reverse Curl (Cable)", "reverse-curl-cable"),  # no such lift: the lifter's own
])
def test_an_app_name_with_its_equipment_in_brackets(name: str, key: str) -> None:
    (entry,) = entries(f"{name}\nSet 1: 30 kg x 10")
    assert entry.exercise.key == key
    assert "Barbell" not in entry.note and "Cable" not in entry.note


@pytest.mark.parametrize("name", [
    "Bench Press (Dumbbell)", "Pull Up (Weighted)", "Chin Up (Assisted)", "Shrug (Cable)",
    "Lat Pulldown - Wide Grip (Cable)", "Shoulder Press (Machine Plates)",
    "Seated Row (Machine)", "Squat (Smith Machine)", "Hammer Curl (Cable)",
])
def test_a_typed_app_name_is_the_lift_an_import_makes_of_it(name: str) -> None:
    (entry,) = entries(f"{name}\n3x10 30kg")
    assert entry.exercise.key == NameMapper(CAT).resolve(name).exercise.key


@pytest.mark.parametrize("joint", [", ", " / ", " | ", " and ", " then ", " & "])
def test_two_exercises_joined_on_one_line_are_two_entries(joint: str) -> None:
    squat, bench = entries(f"squat 5x5 100kg{joint}bench 3x8 80kg")
    assert (squat.exercise.key, len(squat.sets), squat.sets[0].load_kg) == (
        "back-squat", 5, 100.0)
    assert (bench.exercise.key, len(bench.sets), bench.sets[0].load_kg) == (
        "bench-press", 3, 80.0)
    assert squat.note == ""  # the bench's sets are not swallowed into the squat's note


@pytest.mark.parametrize("text", ["squat 5x5 100kg felt heavy and slow",
                                  "squat 5x5 100kg, felt heavy 2 days later",
                                  "bench 175x5, 175x5, 170x6"])
def test_a_joint_without_a_lift_and_sets_after_it_stays_one_entry(text: str) -> None:
    assert len(entries(text)) == 1
