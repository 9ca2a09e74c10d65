"""Set schemes lifters write: ranges, per-set loads, ladders, counts, timed work, maxes."""

from __future__ import annotations

import pytest

from bot.domain.models import LB_TO_KG
from tests.domain.notation.rows import Row, check_row, only, r

LB = LB_TO_KG
ROWS: list[Row] = [
    # --- rep ranges keep both ends
    r("bench 3x10-12 @60", "bench-press", 3, reps=10, reps_max=12, load_kg=60.0),
    r("curl 3x8-10 @12 rir1", "dumbbell-curl", 3, reps=8, reps_max=10, rir=1.0),
    r("leg press 4 x 10-15 @180", "leg-press", 4, reps=10, reps_max=15),
    r("lateral raise 3 sets of 12-15 @8kg", "lateral-raise", 3, reps=12, reps_max=15,
      load_kg=8.0),
    r("chin ups 4 x 8-10 bw", "chin-up", 4, reps=8, reps_max=10, bodyweight=True),
    r("bench 100x8-10", "bench-press", 1, reps=8, reps_max=10, load_kg=100.0),
    r("squat 3x5-5 @100", "back-squat", 3, reps=5, reps_max=None),
    r("squat 5x5", "back-squat", 5, reps=5, reps_max=None),
    # --- one load per set after the scheme
    r("squat 3x8 85,85,80", "back-squat", 3, reps=8, load_kg=[85.0, 85.0, 80.0]),
    r("bench 3x5 100,100,95", "bench-press", 3, reps=5, load_kg=[100.0, 100.0, 95.0]),
    r("curl 3x10 @ 10,12,14", "dumbbell-curl", 3, load_kg=[10.0, 12.0, 14.0]),
    r("rdl 3x8 100/100/90", "romanian-deadlift", 3, load_kg=[100.0, 100.0, 90.0]),
    r("squat 3x8 85,85,80", "back-squat", 3, unit="lb",
      load_kg=[pytest.approx(85 * LB, abs=0.001)] * 2 + [pytest.approx(80 * LB, abs=0.001)]),
    # --- a load, then its reps
    r("squat 100kg 8, 105kg 9", "back-squat", 2, load_kg=[100.0, 105.0], reps=[8, 9]),
    r("deadlift 140kg 5, 150kg 3, 160kg 1", "deadlift", 3, load_kg=[140.0, 150.0, 160.0],
      reps=[5, 3, 1]),
    r("squat 100 8, 105 9", "back-squat", 2, load_kg=[100.0, 105.0], reps=[8, 9]),
    r("squat 100 5", "back-squat", 1, load_kg=100.0, reps=5),
    r("bench 185lbx(5,2)", "bench-press", 2, reps=[5, 2],
      load_kg=pytest.approx(185 * LB, abs=0.001)),
    r("bench 225lbx5", "bench-press", 1, reps=5, load_kg=pytest.approx(225 * LB, abs=0.001)),
    r("squat 10x 45lbs, 6x 135lbs", "back-squat", 2, reps=[10, 6],
      load_kg=[pytest.approx(45 * LB, abs=0.001), pytest.approx(135 * LB, abs=0.001)]),
    # --- sets and reps spelled out
    r("bench 4 sets x 8 reps @ 60", "bench-press", 4, reps=8, load_kg=60.0),
    r("squat 260x 5 reps x 3 sets", "back-squat", 3, reps=5, load_kg=260.0),
    r("rdl 3 sets 10 reps @80", "romanian-deadlift", 3, reps=10, load_kg=80.0),
    # --- ladders of loads
    r("deadlift 415-435-455x2", "deadlift", 3, reps=2, load_kg=[415.0, 435.0, 455.0]),
    r("bench 100/110/120x3", "bench-press", 3, reps=3, load_kg=[100.0, 110.0, 120.0]),
    r("squat 60,80,100x5", "back-squat", 3, reps=5, load_kg=[60.0, 80.0, 100.0]),
    r("squat 100-110x5", "back-squat", 2, reps=5, load_kg=[100.0, 110.0]),
    # --- a count before the name
    r("50 push ups", "push-up", 1, reps=50, load_kg=None),
    r("20 pull-ups", "pull-up", 1, reps=20),
    r("3 sets of 8 dips", "dip", 3, reps=8),
    r("squat 100 for 3 sets of 5", "back-squat", 3, reps=5, load_kg=100.0),
    r("bench 80kg for 3 sets of 8", "bench-press", 3, reps=8, load_kg=80.0),
    r("squat 100 for 5", "back-squat", 1, reps=5, load_kg=100.0),
    r("4x8 lat pulldown @50", "lat-pulldown", 4, reps=8, load_kg=50.0),
    r("45 degree leg press 3x12 @200", "leg-press", 3, reps=12, load_kg=200.0),
    # --- AMRAP written as planned and done
    r("deadlift 265 x 1+: 4", "deadlift", 1, reps=4, amrap=True, load_kg=265.0,
      note="1+ planned"),
    r("squat 140 x 3+: 6", "back-squat", 1, reps=6, amrap=True, note="3+ planned"),
    r("bench 175x5+ (8)", "bench-press", 1, reps=8, amrap=True, note="5+ planned"),
    r("squat 100kg x 5+ (9 reps)", "back-squat", 1, reps=9, amrap=True, note="5+ planned"),
    r("ohp 3x5+ (7)", "overhead-press", 3, reps=5, note="7"),  # 7 would be every set's
    r("bench 100x5, 100x5, 100x5+: 9", "bench-press", 3, reps=[5, 5, 9],
      amrap=[False, False, True]),
    # --- planned maxes
    r("squat 180x1 test", "back-squat", 1, planned_max=True, load_kg=180.0),
    r("bench 120x1 max", "bench-press", 1, planned_max=True, amrap=False),
    r("squat 1rm 180", "back-squat", 1, reps=1, load_kg=180.0, planned_max=True),
    r("deadlift 200x1 opener", "deadlift", 1, planned_max=True),
    r("bench 100x3, 110x1 test", "bench-press", 2, planned_max=[False, True]),
    r("test bench 120x1", "bench-press", 1, planned_max=True),
    r("squat 3x5 @100 max reps", "back-squat", 3, planned_max=False,
      amrap=[False, False, True]),
    r("squat 5x5 @100", "back-squat", 5, planned_max=False),
    # --- timed and distance work
    r("plank 3x60s", "plank", 3, seconds=60.0, reps=None, load_kg=None),
    r("farmer walk 4x40m @32kg", "farmers-carry", 4, meters=40.0, load_kg=32.0, reps=None),
    r("dead hang 3x1min", None, 3, seconds=60.0, reps=None),
    r("plank 60s", "plank", 1, seconds=60.0),
    r("side plank 3x30s each side", "side-plank", 3, seconds=30.0),
    r("wall sit 2x1:30", None, 2, seconds=90.0),
    r("plank 3 sets of 45 sec", "plank", 3, seconds=45.0),
    r("farmers walk 3x30s @ 40kg", "farmers-carry", 3, seconds=30.0, load_kg=40.0),
    r("sled push 4x20m", None, 4, meters=20.0, reps=None),
    r("plank 60s, 45s, 30s", "plank", 3, seconds=[60.0, 45.0, 30.0]),
    r("hollow hold 3x20s", None, 3, seconds=20.0),
    r("plank 3x45s @20kg", "plank", 3, seconds=45.0, load_kg=20.0),
    r("plank 3x1m", "plank", 3, seconds=60.0),
    r("run 5km", None, 1, meters=5000.0),
    r("plank 2 min", "plank", 1, seconds=120.0),
    # --- pairs of dumbbells stay loads
    r("curl 3x12 20s", "dumbbell-curl", 3, load_kg=20.0, seconds=None, reps=12),
    r("dbbp 3x10 @30s", "dumbbell-bench-press", 3, load_kg=30.0, seconds=None),
]


@pytest.mark.parametrize("row", ROWS, ids=str)
def test_reads_line(row: Row) -> None:
    check_row(row)


def test_timed_sets_never_store_reps_or_load_from_the_duration() -> None:
    # "plank 3x60s" was read as one set of 3 reps at 60 kg
    entry = only("plank 3x60s")
    assert all(s.timed and s.reps is None and s.load_kg is None for s in entry.sets)


def test_a_list_after_sets_is_loads_not_more_sets() -> None:
    # "squat 3x8 85,85,80" was read as six sets, three of them of 85 reps
    entry = only("squat 3x8 85,85,80")
    assert [s.reps for s in entry.sets] == [8, 8, 8]


def test_a_list_that_does_not_fit_the_sets_stays_sets() -> None:
    entry = only("pull-ups 3x10 8,6")
    assert [s.reps for s in entry.sets] == [10, 10, 10, 8, 6]


def test_there_are_enough_rows() -> None:
    assert len(ROWS) >= 55
