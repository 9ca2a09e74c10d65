"""Notes, PR marks, labels and filler words: what a lifter writes besides the sets."""

from __future__ import annotations

from datetime import date

import pytest

from tests.domain.notation.rows import Row, check_row, entries, only, r

ROWS: list[Row] = [
    # --- set apart by punctuation
    r("squat 5x5 100kg rir2 - felt heavy today, knee ok", "back-squat", 5, load_kg=100.0,
      rir=2.0, note="felt heavy today, knee ok", on=None),
    r("front squat 3x3 @90 – a bit wobbly", "front-squat", 3, load_kg=90.0,
      note="a bit wobbly"),
    r("hip thrust 3x10 @120 — glutes cooked", "hip-thrust", 3, note="glutes cooked"),
    r("calf raise 4x15 (super slow)", "standing-calf-raise", 4, reps=15, note="super slow"),
    r("3x10 pull ups (90s rest)", "pull-up", 3, reps=10, load_kg=None, note="90s rest"),
    r("cable fly 3x15 @15 (squeeze at the top)", "cable-fly", 3, load_kg=15.0,
      note="squeeze at the top"),
    r("seated cable row 3x12 @60 [slow negatives]", "seated-cable-row", 3, technique=None,
      note="slow negatives"),
    r("squat 3x5 @100 (3 sec pause)", "back-squat", 3, load_kg=100.0, note="3 sec pause"),
    r('lat pulldown 3x10 @55 "grip gave out"', "lat-pulldown", 3, note="grip gave out"),
    r("lat pulldown 3x10 @55 “grip gave out”", "lat-pulldown", 3, note="grip gave out"),
    r("ohp 5x5 @50 // next week 52.5", "overhead-press", 5, load_kg=50.0,
      note="next week 52.5"),
    r("leg press 3x12 @200 # seat on 4", "leg-press", 3, load_kg=200.0, note="# seat on 4"),
    r("#legday squat 5x5 @100", "back-squat", 5, load_kg=100.0, note="#legday"),
    r("bench 3x5 100 *", "bench-press", 3, load_kg=100.0, note="*", pr=False),
    r("dips 3x10 bw !!", "dip", 3, bodyweight=True, note="!!", pr=False),
    # --- a pair of dumbbells before the sets: the load of one
    r("db bench 2x25kg 3x10", "dumbbell-bench-press", 3, reps=10, load_kg=25.0, note="2x25kg"),
    r("kb swing 2x24kg 5x10", "kettlebell-swing", 5, reps=10, load_kg=24.0),
    # --- a percentage of a max is never a load
    r("squat 3x5 @ 80%", "back-squat", 3, reps=5, load_kg=None, note="80%"),
    r("bench 5x5 @75% rir 2", "bench-press", 5, load_kg=None, rir=2.0, note="75%"),
    r("squat 5x5 100kg (80%)", "back-squat", 5, load_kg=100.0, note="80%"),
    r("deadlift 3x3 @ 85% of 1rm rir2", "deadlift", 3, load_kg=None, rir=2.0,
      note="85% of 1rm"),
    # --- text in parentheses that is notation stays notation
    r("leg extension 3x15 @50 (rir 1)", "leg-extension", 3, rir=1.0, note=""),
    r("squat 60x5 (warm up), 100x5x3", "back-squat", 4,
      warmup=[True, False, False, False], note=""),
    r("bench 185lbx(5,2)", "bench-press", 2, reps=[5, 2], unit="lb", note=""),
    r("dumbbell row 21 x 15 (x 3)", "dumbbell-row", 3, reps=15, load_kg=21.0, asks=False),
    # --- plain words after the sets
    r("curl 3x12 @14 felt easy", "dumbbell-curl", 3, load_kg=14.0, note="felt easy"),
    r("squat 5x5 @100 felt easy, do 105 next time", "back-squat", 5, load_kg=100.0,
      note="felt easy, do 105 next time"),
    r("squat 5x5 felt good rir2", "back-squat", 5, rir=None, note="felt good rir2"),
    r("squat 5x5 and it was hard", "back-squat", 5, note="and it was hard"),
    r("leg curl 3x12 @40 and the last one was ugly", "leg-curl", 3, failure=False,
      note="and the last one was ugly"),
    r("bench 3x8 banana", "bench-press", 3, note="banana"),
    r("squat 5x5 bench felt easy", "back-squat", 5, note="bench felt easy"),
    r("pull ups 3x10 rest 90s", "pull-up", 3, load_kg=None, note="rest 90s"),
    r("pull ups 3x10 90s rest", "pull-up", 3, load_kg=None, note="90s rest"),
    r("squat 5x5 @100 rest 3min", "back-squat", 5, load_kg=100.0, note="rest 3min"),
    r("bench rest 90s 3x8 80kg", "bench-press", 3, load_kg=80.0, note="rest 90s"),
    r("bench 3x8 rest 2 min 80kg", "bench-press", 3, load_kg=80.0, note="rest 2 min"),
    r("squat 5x5 100kg 3 sec pause", "back-squat", 5, seconds=None, note="3 sec pause"),
    r("bench 3x5 80kg 2s pause", "bench-press", 3, seconds=None, note="2s pause"),
    # --- words inside a note are never dates, loads or sets
    r("squat 5x5 @100 rir2 - today was rough, slept 5 hours", "back-squat", 5, on=None,
      rir=2.0, note="today was rough, slept 5 hours"),
    r("hip thrust 3x10 @120 - yesterday's session moved here", "hip-thrust", 3, on=None),
    r("squat 5x5 @100 felt easy today", "back-squat", 5, on=None, note="felt easy today"),
    r("bench 3x5 @80 (moved from mon)", "bench-press", 3, on=None, note="moved from mon"),
    r("squat 5x5 @100 - try 3x3 @110 next", "back-squat", 5, load_kg=100.0,
      note="try 3x3 @110 next"),
    r("squat 5x5 today felt rough", "back-squat", 5, on=date(2026, 11, 26),
      note="felt rough"),
    # --- PR marks
    r("deadlift 405x1 PR!!", "deadlift", 1, load_kg=405.0, pr=True, note="PR!!"),
    r("bench 3x8 @80 new pr", "bench-press", 3, pr=True, note="new pr"),
    r("squat 140x3 pb", "back-squat", 1, pr=True, note="pb"),
    r("rdl 3x8 @100 (pr)", "romanian-deadlift", 3, pr=True, note="pr"),
    r("ohp 60x5 - new pr, felt strong", "overhead-press", 1, pr=True,
      note="new pr, felt strong"),
    r("curl 3x10 @12 - practice grip", "dumbbell-curl", 3, pr=False, note="practice grip"),
    # --- labels before the name
    r("A1. squat 5x5 @100", "back-squat", 5, note="A1"),
    r("1b) leg curl 3x12 @40", "leg-curl", 3, note="1b"),
    r("2. bench 3x8 @80", "bench-press", 3, note="2"),
    r("5/3/1 squat: 100x5, 110x3, 120x5+", "back-squat", 3, note="5/3/1",
      amrap=[False, False, True]),
    r("- Squats: 3x8 @80", "back-squat", 3, load_kg=80.0, note=""),
    # --- filler words around the name
    r("i did bench press, 60kg for 5x5", "bench-press", 5, load_kg=60.0, note=""),
    r("Bench: worked up to 82.5 x 15", "bench-press", 1, load_kg=82.5, reps=15),
    r("squat top set 140x3", "back-squat", 1, load_kg=140.0, reps=3),
    r("squat 140x3 top set, 120x5x3 backoffs", "back-squat", 4,
      load_kg=[140.0, 120.0, 120.0, 120.0]),
    r("doing squats 5x5 @100", "back-squat", 5, load_kg=100.0),
    r("then leg press 3x12 @200", "leg-press", 3, load_kg=200.0),
    r("hammer curl 3x12 @16 each arm", "hammer-curl", 3, load_kg=16.0, note=""),
]


@pytest.mark.parametrize("row", ROWS, ids=str)
def test_reads_line(row: Row) -> None:
    check_row(row)


def test_a_second_exercise_after_the_sets_is_still_pointed_out() -> None:
    from tests.domain.notation.rows import parse

    result = parse("squat 5x5 leg press 3x12")
    assert not isinstance(result, tuple)
    assert '"leg press"' in result.error
    assert "semicolon" in result.hint


def test_note_pieces_from_several_places_are_all_kept() -> None:
    entry = only("A1. squat 5x5 @100 (paused) - knee ok")
    assert entry.note == "A1; paused; knee ok"


def test_note_keeps_the_lifters_own_case() -> None:
    assert only("squat 5x5 - Felt GREAT").note == "Felt GREAT"


def test_the_entry_text_is_the_whole_line_note_included() -> None:
    (entry,) = entries("squat 5x5 @100 - felt heavy")
    assert entry.text == "squat 5x5 @100 - felt heavy"


def test_there_are_enough_rows() -> None:
    assert len(ROWS) >= 45
