"""Two plausible readings: the parser picks one by its rule and asks about the other."""

from __future__ import annotations

import pytest

from tests.domain.notation.rows import Row, check_row, only, r

ROWS: list[Row] = [
    # 11 to 20 before the x: a load (it was read as that many sets)
    r("Dumbbell curl: 16 x 10", "dumbbell-curl", 1, load_kg=16.0, reps=10, asks="16 sets"),
    r("squat 12x5", "back-squat", 1, load_kg=12.0, reps=5, asks="12 sets"),
    r("lateral raise 14x12", "lateral-raise", 1, load_kg=14.0, asks="14 sets"),
    r("hammer curl 16 x 10 rir1", "hammer-curl", 1, load_kg=16.0, rir=1.0, asks="16 sets"),
    # up to 10 before the x: sets, without a question
    r("squat 10x10", "back-squat", 10, reps=10, load_kg=None, asks=False),
    r("bench 5x5 @80", "bench-press", 5, asks=False),
    r("curl 8x12", "dumbbell-curl", 8, reps=12, asks=False),
    # reps written before the load: more than 50 "reps" on a loaded lift is a load
    r("dumbbell bench press 4x55", "dumbbell-bench-press", 1, reps=4, load_kg=55.0,
      asks="4 sets of 55"),
    r("squat 5x60", "back-squat", 1, reps=5, load_kg=60.0, asks="5 sets of 60"),
    r("push ups 2x60", "push-up", 2, reps=60, asks=False),
    r("burpees 3x60", None, 3, reps=60, custom=True, asks="60 kg"),
    r("bench 5x135", "bench-press", 1, reps=5, load_kg=135.0, asks=False),
    # a pair of dumbbells or seconds
    r("curl 12 x 20s", "dumbbell-curl", 1, reps=12, load_kg=20.0, asks="20 s"),
    r("plank 3 x 20s", "plank", 3, seconds=20.0, asks=False),
    # "@8" with no load on isolation work
    r("lateral raise 3x15 @8", "lateral-raise", 3, rir=2.0, load_kg=None, asks="8 kg"),
    r("bench 3x8 @8", "bench-press", 3, rir=2.0, asks=False),
    r("lateral raise 3x15 @8kg", "lateral-raise", 3, load_kg=8.0, asks=False),
    r("lateral raise 3x15 @12 @8", "lateral-raise", 3, load_kg=12.0, rir=2.0, asks=False),
    # bare numbers on a loaded lift
    r("curl 12 10", "dumbbell-curl", 2, reps=[12, 10], asks="12 kg"),
    r("pull-ups 10 8 6", "pull-up", 3, reps=[10, 8, 6], asks=False),
    # numbers implausible as read always ask
    r("squat 12 sets of 5", "back-squat", 12, reps=5, asks="12 kg"),
    r("squat 100x55", "back-squat", 1, reps=55, asks="× 5"),
    r("leg press 60 reps @100", "leg-press", 1, reps=60, asks="× 6"),
    r("squat 20x5, 40x5, 60x5, 80x5, 100x3, 110x3, 120x2, 130x1, 140x1, 150x1, 160x1",
      "back-squat", 11, asks="warm-up"),
    r("squat 5x5 @100", "back-squat", 5, asks=False),
    # 11 to 20 before the x with a load after it: sets, asking about reps and sets swapped
    r("squat 12x5 100kg", "back-squat", 12, reps=5, load_kg=100.0, asks="5 sets of 12"),
    r("squat 12x5 @100kg", "back-squat", 12, reps=5, load_kg=100.0, asks="5 sets of 12"),
    r("squat 15x3 100", "back-squat", 15, reps=3, load_kg=100.0, asks="3 sets of 15"),
    r("curl 12x10 12kg", "dumbbell-curl", 12, reps=10, load_kg=12.0, asks="10 sets of 12"),
]


@pytest.mark.parametrize("row", ROWS, ids=str)
def test_reads_line(row: Row) -> None:
    check_row(row)


@pytest.mark.parametrize("line", [r.line for r in ROWS if r.asks not in (False, None)
                                  and isinstance(r.asks, str)])
def test_the_questions_line_stores_the_other_reading(line: str) -> None:
    entry = only(line)
    assert entry.question is not None
    other = only(entry.question.line)
    assert other.exercise.key == entry.exercise.key
    assert other.sets != entry.sets
    assert entry.question.chosen != entry.question.other


def test_the_question_names_both_readings_in_words() -> None:
    question = only("Dumbbell curl: 16 x 10").question
    assert question is not None
    assert question.chosen == "one set of 16 kg × 10"
    assert question.other == "16 sets of 10 reps"
    assert question.line == "dumbbell curl x 10 x 16"


def test_the_questions_line_keeps_the_note_and_the_date() -> None:
    entry = only("curl 16x10 yesterday - left arm only")
    assert entry.question is not None
    other = only(entry.question.line)
    assert other.note == "left arm only"
    assert other.performed_on == entry.performed_on


def test_a_pound_lifter_gets_the_question_in_pounds() -> None:
    entry = only("dumbbell bench press 4x60", unit="lb")
    assert entry.question is not None
    assert entry.question.chosen == "one set of 60 lb × 4"
    assert entry.question.line == "dumbbell bench press x 60 x 4"
