"""Table-driven tests for reading log lines (bot.domain.notation.parse)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest

from bot.domain import limits
from bot.domain.catalogue.lookup import default_catalogue
from bot.domain.models import LB_TO_KG, LogEntry, ParseError, Unit
from bot.domain.notation.parse import parse_log

CAT = default_catalogue()
TODAY = date(2026, 11, 26)  # a Thursday


def parse(text: str, unit: Unit = "kg", today: date = TODAY) -> tuple[LogEntry, ...] | ParseError:
    return parse_log(text, CAT, unit=unit, today=today)


def only(text: str, unit: Unit = "kg") -> LogEntry:
    result = parse(text, unit)
    assert isinstance(result, tuple), f"{text!r} -> {result}"
    assert len(result) == 1, result
    return result[0]


@dataclass
class Row:
    """One line and what it must read as.

    ``n`` is the number of sets. Every other field is checked when given: a scalar
    must hold for every set, a list gives the value per set.
    """

    line: str
    key: str | None
    n: int
    check: dict[str, Any] = field(default_factory=dict)
    unit: Unit = "kg"
    on: date | None = None

    def __str__(self) -> str:
        return self.line


def r(line: str, key: str | None, n: int, unit: Unit = "kg", on: date | None = None,
      **check: Any) -> Row:
    return Row(line, key, n, check, unit, on)


LB = LB_TO_KG
ROWS: list[Row] = [
    # --- sets x reps, names and aliases
    r("squat 5x5 rir2", "back-squat", 5, reps=5, rir=2.0, rir_max=None, load_kg=None,
      failure=False),
    r("back squat 5x5", "back-squat", 5, reps=5, rir=None),
    r("SQUAT 5X5 RIR2", "back-squat", 5, reps=5, rir=2.0),
    r("  squat    5  x  5   rir 2  ", "back-squat", 5, reps=5, rir=2.0),
    r("squat 5×5 @100kg", "back-squat", 5, reps=5, load_kg=100.0),
    r("bs 3*5 @ 100 kg", "back-squat", 3, reps=5, load_kg=100.0),
    r("sq 5 x 5 100kg", "back-squat", 5, load_kg=100.0),
    r("Bench Press: 3x8 @80kg", "bench-press", 3, reps=8, load_kg=80.0),
    r("bp 3x8 @80kg RPE 8,5", "bench-press", 3, reps=8, load_kg=80.0, rir=1.5),
    r("bench 3x8-12 @60", "bench-press", 3, reps=8, load_kg=60.0),
    r("dl 1x5 @180kg", "deadlift", 1, reps=5, load_kg=180.0),
    r("rdl 3 sets of 8 @100", "romanian-deadlift", 3, reps=8, load_kg=100.0),
    r("ohp 3 sets x 6 rir 2", "overhead-press", 3, reps=6, rir=2.0),
    r("front squat 2 sets of 5 reps @ 90kg", "front-squat", 2, reps=5, load_kg=90.0),
    r("incline bench press 4x10 @60", "incline-bench-press", 4, reps=10, load_kg=60.0),
    r("barbell row 8 reps @70kg", "barbell-row", 1, reps=8, load_kg=70.0),
    r("dbbp 3x10 @30s", "dumbbell-bench-press", 3, reps=10, load_kg=30.0),
    r("45 degree leg press 3x12 @200", "leg-press", 3, reps=12, load_kg=200.0),
    r("hip thrust 3x10 @120kg rir 2", "hip-thrust", 3, reps=10, load_kg=120.0, rir=2.0),
    r("bss 3x8 @20s rir 2", "bulgarian-split-squat", 3, reps=8, load_kg=20.0, rir=2.0),
    r("power clean 5x3 @70", "power-clean", 5, reps=3, load_kg=70.0),
    # --- lists and per-set reps
    r("bench 135x8,8,7", "bench-press", 3, reps=[8, 8, 7], load_kg=135.0),
    r("bench 135 x 8, 8, 7", "bench-press", 3, reps=[8, 8, 7], load_kg=135.0),
    r("pull-ups 10,8,6", "pull-up", 3, reps=[10, 8, 6], load_kg=None),
    r("pull-ups 10 8 6", "pull-up", 3, reps=[10, 8, 6]),
    r("chin-up 8/7/6", "chin-up", 3, reps=[8, 7, 6]),
    r("curl 5/5/5 @ 14", "dumbbell-curl", 3, reps=5, load_kg=14.0),
    r("lat pulldown 3x10,10,8 @50", "lat-pulldown", 3, reps=[10, 10, 8], load_kg=50.0),
    r("lateral raise 12x15,12 ", "lateral-raise", 2, reps=[15, 12], load_kg=12.0),
    r("squat 175x5, 175x5, 170x6", "back-squat", 3, reps=[5, 5, 6],
      load_kg=[175.0, 175.0, 170.0]),
    r("squat 60x5 80x3 100x5x3", "back-squat", 5, reps=[5, 3, 5, 5, 5],
      load_kg=[60.0, 80.0, 100.0, 100.0, 100.0]),
    r("squat 100kg 5x5, 110kg 3x3", "back-squat", 8, load_kg=[100.0] * 5 + [110.0] * 3),
    r("squat 5x5 @100, 3x3 @110", "back-squat", 8, load_kg=[100.0] * 5 + [110.0] * 3),
    r("squat 5x5, 1x3 @120", "back-squat", 6, load_kg=120.0, reps=[5] * 5 + [3]),
    r("bench 3 sets of 8,8,7 @80", "bench-press", 3, reps=[8, 8, 7], load_kg=80.0),
    # --- load x reps and the A x B rules
    r("squat 100x5", "back-squat", 1, reps=5, load_kg=100.0),
    r("squat 100 x 5 x 3", "back-squat", 3, reps=5, load_kg=100.0),
    r("deadlift 100kg x 5 x 3", "deadlift", 3, reps=5, load_kg=100.0),
    r("squat 3x5x100", "back-squat", 3, reps=5, load_kg=100.0),
    r("lateral raise 3x15x10kg", "lateral-raise", 3, reps=15, load_kg=10.0),
    r("squat 5 x 100kg", "back-squat", 1, reps=5, load_kg=100.0),
    r("curl 12.5x10", "dumbbell-curl", 1, reps=10, load_kg=12.5),
    # 20x3 was read as 20 sets of 3; 11 to 20 before the x is now a load (and asks)
    r("squat 20x3", "back-squat", 1, reps=3, load_kg=20.0),
    r("squat 21x3", "back-squat", 1, reps=3, load_kg=21.0),
    r("squat 100 5x5", "back-squat", 5, reps=5, load_kg=100.0),
    r("squat 5x5 100", "back-squat", 5, reps=5, load_kg=100.0),
    r("squat 100kg 5", "back-squat", 1, reps=5, load_kg=100.0),
    r("squat x5", "back-squat", 1, reps=5, load_kg=None),
    # --- decimal commas and units
    r("squat 102,5kg x 5", "back-squat", 1, reps=5, load_kg=102.5),
    r("squat 102,5x5", "back-squat", 1, reps=5, load_kg=102.5),
    r("squat 5x5 @102,5", "back-squat", 5, load_kg=102.5),
    r("squat 5x5 102,5", "back-squat", 5, load_kg=102.5),
    r("bench 225lb x 5", "bench-press", 1, load_kg=pytest.approx(225 * LB, abs=0.001)),
    r("bench 225lbs x 5", "bench-press", 1, load_kg=pytest.approx(225 * LB, abs=0.001)),
    r("bench 225# x 5", "bench-press", 1, load_kg=pytest.approx(225 * LB, abs=0.001)),
    r("bench 3x5 @ 225 lb", "bench-press", 3, load_kg=pytest.approx(225 * LB, abs=0.001)),
    r("bench 135x8,8,7", "bench-press", 3, unit="lb",
      load_kg=pytest.approx(135 * LB, abs=0.001)),
    r("bench 100kg x 5", "bench-press", 1, unit="lb", load_kg=100.0),
    # --- bodyweight and added load
    r("pull-up 3x8 bw", "pull-up", 3, reps=8, bodyweight=True, load_kg=None),
    r("pull-up bw 3x8", "pull-up", 3, reps=8, bodyweight=True, load_kg=None),
    r("dips bw x 12, 10, 8", "dip", 3, reps=[12, 10, 8], bodyweight=True),
    r("pull-ups bw+20 x 5 x 3", "pull-up", 3, reps=5, bodyweight=True, load_kg=20.0),
    r("dips +20kg 3x8", "dip", 3, reps=8, bodyweight=True, load_kg=20.0),
    r("chin-up 3x6 +10kg", "chin-up", 3, bodyweight=True, load_kg=10.0),
    r("pull-up 3x5 @bw+10", "pull-up", 3, bodyweight=True, load_kg=10.0),
    r("curl 20s x 12", "dumbbell-curl", 1, reps=12, load_kg=20.0),
    # --- effort: RIR, RPE, @
    r("squat 5x5 RIR 2", "back-squat", 5, rir=2.0),
    r("squat 5x5 2rir", "back-squat", 5, rir=2.0),
    r("squat 5x5 2 rir", "back-squat", 5, rir=2.0),
    r("squat 5x5 rir 1-2", "back-squat", 5, rir=1.0, rir_max=2.0, failure=False),
    r("squat 5x5 rir 2-1", "back-squat", 5, rir=1.0, rir_max=2.0),
    r("squat 5x5 rpe8", "back-squat", 5, rir=2.0),
    r("squat 5x5 RPE 8.5", "back-squat", 5, rir=1.5),
    r("squat 5x5 rpe 8-9", "back-squat", 5, rir=1.0, rir_max=2.0),
    r("squat 5x5 @100 @8", "back-squat", 5, load_kg=100.0, rir=2.0),
    r("squat 5x5 @RPE8", "back-squat", 5, rir=2.0),
    r("bench 3x8 @8.5", "bench-press", 3, rir=1.5, load_kg=None),
    r("bench 3x8 @12.5", "bench-press", 3, load_kg=12.5, rir=None),
    r("bench 3x8 @4", "bench-press", 3, load_kg=4.0, rir=None),
    r("bench 135x8,8,7 rir 2,1,0", "bench-press", 3, rir=[2.0, 1.0, 0.0],
      failure=[False, False, True]),
    r("bench 3x8 rpe 8,9,10", "bench-press", 3, rir=[2.0, 1.0, 0.0],
      failure=[False, False, True]),
    r("rdl 100x5 @8, 110x3 @9", "romanian-deadlift", 2, load_kg=[100.0, 110.0],
      rir=[2.0, 1.0]),
    r("squat 175x5, 175x5, 170x6 rir1", "back-squat", 3, rir=1.0),
    r("squat 5x5 rir2, last set rir0", "back-squat", 5, rir=[2.0] * 4 + [0.0],
      failure=[False] * 4 + [True]),
    r("bench 5x5 100kg last set 4 reps", "bench-press", 5, reps=[5, 5, 5, 5, 4]),
    r("squat 5x5 100kg last 2 sets 4 reps", "back-squat", 5, reps=[5, 5, 5, 4, 4]),
    r("curl 3x10-12 @12 last set 8 reps f", "dumbbell-curl", 3, reps=[10, 10, 8],
      reps_max=[12, 12, None], failure=[False, False, True]),
    r("leg press 3x12 last set amrap 18 reps", "leg-press", 3, reps=[12, 12, 18],
      amrap=[False, False, True], load_kg=None),
    r("squat 3x5 100kg rir2 amrap 7 reps rir0", "back-squat", 3, reps=[5, 5, 7],
      amrap=[False, False, True], rir=[2.0, 2.0, 0.0]),
    # numbers joined by dashes, one per set (never rising: a date's year is above its month)
    r("bench 80kg 8-8-7", "bench-press", 3, reps=[8, 8, 7], load_kg=80.0),
    r("bench 80kg 3x8 rir 2-1-0", "bench-press", 3, rir=[2.0, 1.0, 0.0]),
    r("squat 100 5-5-5-5-5", "back-squat", 5, reps=5, load_kg=100.0),
    # efforts written one after another, one per set
    r("hammer curl 3x10 @16kg f f f", "hammer-curl", 3, load_kg=16.0, failure=True, rir=0.0),
    r("leg curl 3x12 rir 2 1 f", "leg-curl", 3, rir=[2.0, 1.0, 0.0],
      failure=[False, False, True]),
    r("bench 100x5, 100x5, 95x6 rir 2 1 f", "bench-press", 3, rir=[2.0, 1.0, 0.0],
      failure=[False, False, True]),
    # --- failure
    r("leg extension 3x12 f", "leg-extension", 3, failure=True, rir=0.0, technique=None),
    r("leg curl 3x12 fail", "leg-curl", 3, failure=True),
    r("leg press 4x10 to failure", "leg-press", 4, failure=True, rir=0.0),
    r("leg press 4x10 tf", "leg-press", 4, failure=True),
    r("leg press 4x10 mmf", "leg-press", 4, failure=True),
    r("curl 3x10 rir0", "dumbbell-curl", 3, failure=True, rir=0.0),
    r("curl 3x10 rpe10", "dumbbell-curl", 3, failure=True, rir=0.0),
    r("curl 3x10 @10", "dumbbell-curl", 3, failure=True, load_kg=None),
    r("leg curl 3x12 last set to failure", "leg-curl", 3, failure=[False, False, True]),
    r("leg curl 3x12, last f", "leg-curl", 3, failure=[False, False, True]),
    r("curl 4x10 last 2 sets f", "dumbbell-curl", 4, failure=[False, False, True, True]),
    r("curl 3x10 rir 2, last set f", "dumbbell-curl", 3, rir=[2.0, 2.0, 0.0],
      failure=[False, False, True]),
    # --- beyond failure
    r("leg extension 3x12 ds", "leg-extension", 3, technique=[None, None, "dropset"],
      failure=[False, False, True]),
    r("leg press 3x12, last set drop set", "leg-press", 3,
      technique=[None, None, "dropset"]),
    r("curl 3x10 dropset", "dumbbell-curl", 3, technique=[None, None, "dropset"]),
    r("triceps pushdown 3x12 F+", "triceps-pushdown", 3, technique=[None, None, "forced"],
      failure=[False, False, True], rir=[None, None, 0.0]),
    r("leg press 3x10 forced reps", "leg-press", 3, technique=[None, None, "forced"]),
    r("lateral raise 3x15 rest pause", "lateral-raise", 3,
      technique=[None, None, "rest-pause"]),
    r("lateral raise 3x15 rest-pause", "lateral-raise", 3,
      technique=[None, None, "rest-pause"]),
    r("calf raise 4x15 myo reps", "standing-calf-raise", 4,
      technique=[None, None, None, "myo"]),
    r("pull-up 3x5 negatives", "pull-up", 3, technique=[None, None, "negatives"]),
    r("leg press 3x10 partials", "leg-press", 3, technique=[None, None, "partials"]),
    r("leg extension 3x12 f drop", "leg-extension", 3, failure=True,
      technique=[None, None, "dropset"]),
    # --- AMRAP
    r("ohp 3x5+ @50", "overhead-press", 3, amrap=[False, False, True], load_kg=50.0),
    r("squat 100x5+", "back-squat", 1, amrap=True, reps=5),
    r("bench 80x8,8,7+", "bench-press", 3, amrap=[False, False, True]),
    r("curl 3x10 amrap", "dumbbell-curl", 3, amrap=[False, False, True]),
    r("curl 3x10 max reps", "dumbbell-curl", 3, amrap=[False, False, True]),
    r("squat 5+", "back-squat", 1, amrap=True, reps=5),
    # --- warm-ups
    r("wu squat 60x5", "back-squat", 1, warmup=True),
    r("warm-up squat 60x5, 80x3", "back-squat", 2, warmup=True),
    r("squat 60x5 warmup", "back-squat", 1, warmup=True),
    r("squat 60x5 w", "back-squat", 1, warmup=True),
    r("squat 60x5 wu, 80x3 wu, 100x5x3 rir2", "back-squat", 5,
      warmup=[True, True, False, False, False], rir=[None, None, 2.0, 2.0, 2.0]),
    # a warm-up mark before the sets ends where the work sets begin
    r("squat warmup 60x5, 80x3, work 100x5x3", "back-squat", 5,
      warmup=[True, True, False, False, False]),
    r("squat warm up 60x5 80x3 working sets 100x5x3 rir2", "back-squat", 5,
      warmup=[True, True, False, False, False], rir=[None, None, 2.0, 2.0, 2.0]),
    # --- dates: today is Thursday 2026-11-26
    r("squat 5x5 yesterday", "back-squat", 5, on=date(2026, 11, 25)),
    r("yesterday squat 5x5", "back-squat", 5, on=date(2026, 11, 25)),
    r("squat 5x5 today", "back-squat", 5, on=TODAY),
    r("squat 5x5 mon", "back-squat", 5, on=date(2026, 11, 23)),
    r("squat 5x5 on Monday", "back-squat", 5, on=date(2026, 11, 23)),
    r("squat 5x5 thu", "back-squat", 5, on=TODAY),
    r("squat 5x5 last thu", "back-squat", 5, on=date(2026, 11, 19)),
    r("squat 5x5 fri", "back-squat", 5, on=date(2026, 11, 20)),
    r("2026-11-20 squat 5x5", "back-squat", 5, on=date(2026, 11, 20)),
    r("squat 5x5 @100kg 2025-12-01", "back-squat", 5, on=date(2025, 12, 1)),
    # --- more ways people write
    r("squat 100 for 5", "back-squat", 1, reps=5, load_kg=100.0),
    r("curl 10 for 12", "dumbbell-curl", 1, reps=12, load_kg=10.0),
    r("squat 100kg for 5x5", "back-squat", 5, reps=5, load_kg=100.0),
    r("5x5 squat @100kg", "back-squat", 5, reps=5, load_kg=100.0),
    r("3x10 leg press rir 2", "leg-press", 3, reps=10, rir=2.0),
    r("Squat - 100kg - 5x5 - RPE 8", "back-squat", 5, load_kg=100.0, rir=2.0),
    r("Incline DB press 3x10 w/ 30s", "incline-dumbbell-press", 3, load_kg=30.0,
      warmup=False),
    r("leg curl 3x12 dropset on last", "leg-curl", 3, technique=[None, None, "dropset"]),
    r("leg curl 3x12 f on the last set", "leg-curl", 3, failure=[False, False, True]),
    r("leg extension 3 x 15, last set double drop", "leg-extension", 3,
      technique=[None, None, "dropset"]),
    r("bench 100kg 3x5 rpe 7, 7.5, 8", "bench-press", 3, rir=[3.0, 2.5, 2.0]),
    r("squat 3x5 @ 100, rir 3, 2, 1", "back-squat", 3, load_kg=100.0, rir=[3.0, 2.0, 1.0]),
    r("front squat 3 x 3 @ 100 kg @ rpe 8.5", "front-squat", 3, load_kg=100.0, rir=1.5),
    r("db curl 12 kg 3x12", "dumbbell-curl", 3, load_kg=12.0, reps=12),
    r("chin ups 4 x 8-10 bw", "chin-up", 4, reps=8, bodyweight=True),
    # --- unknown exercises become the lifter's own
    r("zottman press 3x10 @12", "zottman-press", 3, reps=10, load_kg=12.0, custom=True),
    r("zottman press 3x10 @10", "zottman-press", 3, failure=True, load_kg=None),
    r("Cossack Squat 3x8", "cossack-squat", 3, custom=True),
    r("leg ext 3x12 f", "leg-extension", 3, failure=True),
]


def _attr_values(entry: LogEntry, attr: str) -> list[Any]:
    return [getattr(s, attr) for s in entry.sets]


@pytest.mark.parametrize("row", ROWS, ids=str)
def test_reads_line(row: Row) -> None:
    entry = only(row.line, row.unit)
    if row.key is not None:
        assert entry.exercise.key == row.key
    assert len(entry.sets) == row.n
    assert entry.performed_on == row.on
    for attr, expected in row.check.items():
        if attr == "custom":
            assert entry.exercise.custom is expected
            assert entry.exercise.tier is None
            continue
        values = _attr_values(entry, attr)
        if isinstance(expected, list):
            assert values == expected, attr
        else:
            assert all(v == expected for v in values), (attr, values)


def test_there_are_enough_rows() -> None:
    assert len(ROWS) >= 80


def test_second_exercise_on_one_line_is_pointed_out() -> None:
    result = parse("squat 5x5 bench 3x8")
    assert isinstance(result, ParseError)
    assert "bench" in result.error
    assert "semicolon" in result.hint


def test_name_written_after_the_sets_is_accepted_when_known() -> None:
    entry = only("5x5 squat @100kg")
    assert entry.exercise.key == "back-squat"
    assert entry.sets[0].load_kg == 100.0


def test_unit_changes_bare_numbers_only() -> None:
    lb = only("squat 5x5 @225", unit="lb")
    assert lb.sets[0].load_kg == pytest.approx(225 * LB, abs=0.001)
    kg = only("squat 5x5 @225kg", unit="lb")
    assert kg.sets[0].load_kg == 225.0


def test_ambiguous_name_asks_which_one() -> None:
    result = parse("pu 3x10")
    assert isinstance(result, ParseError)
    assert "pu" in result.error
    assert set(result.suggestions) == {"pull-up", "push-up"}
    assert "pull-up" in result.hint and "push-up" in result.hint


def test_unknown_name_is_a_custom_exercise_not_an_error() -> None:
    entry = only("Hungarian Core Blaster 3x12")
    assert entry.exercise.custom
    assert entry.exercise.key == "hungarian-core-blaster"
    assert entry.exercise.name == "hungarian core blaster"


def test_entry_keeps_the_line_as_written() -> None:
    assert only("  Squat 5x5 RIR2 ").text == "Squat 5x5 RIR2"


def test_remembered_notation_still_sees_warmups_and_names() -> None:
    assert only("wu squat 60x5").sets[0].warmup
    assert not only("squat 60x5").sets[0].warmup
    bench = only("bench 60x5")
    assert bench.exercise.key == "bench-press"
    assert bench.sets == only("squat 60x5").sets


def test_same_line_in_two_units_is_read_twice() -> None:
    assert only("squat 5x5 @100", unit="kg").sets[0].load_kg == 100.0
    assert only("squat 5x5 @100", unit="lb").sets[0].load_kg == pytest.approx(45.359, abs=0.001)


# ------------------------------------------------------------------ bad input
BAD: list[tuple[str, str]] = [
    ("", "nothing to log"),
    ("   \n  ", "nothing to log"),
    ("squat", "no sets"),
    ("hello how are you", "no sets"),
    ("squat 5x5 @100kg rp", "rp"),
    ("curl <@&123456789012345678> 3x10", "mention"),
    ("; ".join(["curl 3x10"] * 21), "at most 20"),
    ("squat 5x5 @everyone", "mention"),
    ("bench <@!42> 3x8", "mention"),
    ("pu 3x10", "more than one exercise"),
    ("squat 100x101", "101 reps"),
    ("squat 5x5x5", "can't tell"),
    ("squat 25 sets of 5", "25 sets"),
    ("squat 5x5 @1200kg", "1000 kg"),
    ("squat 5x5 rir 12", "rir 12"),
    ("squat 5x5 rpe 11", "rpe 11"),
    ("squat 5x5 rpe 0.5", "rpe 0.5"),
    ("squat 5x5 2027-01-01", "future"),
    ("squat 5x5 2024-01-01", "more than a year"),
    ("squat 5x5 2026-02-30", "not a date"),
    ("squat 5x5 yesterday mon", "two dates"),
    ("bench 3x8 rir 2,1", "2 values for 3 set"),
    ("squat 5x5 rir2 f", "both give the effort"),
    ("squat 5x5 last", "last"),
    ("squat 5x5.5", "whole number"),
    ("squat 100", "load or the reps"),
    ("pull-up 3x8 bw-20", "assisted"),
    ("squat 5x0", "at least 1 rep"),
    ("squat 10-8x5", "range"),
    ("curl 3x10-8", "counts down"),
    ("squat 5x5 @100kg @110kg", "two loads"),
    ("squat kg 5x5", "kg"),
    ("squat 5x5 rir", "needs a number"),
    ("squat 5x5 @", "@"),
    ("x" * 501, "501 characters"),
    ("yesterday", "no exercise follows"),
    ("5x5", "exercise name"),
    ("pullups 3 x max reps", "reps you got"),
    ("pullups 3xAMRAP", "reps you got"),  # not 3 reps with a note "xAMRAP"
    ("squat 2 plates 3x5", "count of plates"),  # not 1 set of 2 reps
    ("squat 5x5 20-11-26", "20-11"),  # a date with dashes is not three sets
    ("bench 3x5 100kg 2 plates a side", "count of plates"),  # not a 4th set of 2
    ("push-ups 3xmax", "reps you got"),
    ("squat 25x5, 25x5, 25x5, 25x5, 25x5 30x5 30x5 30x5 30x5 30x5 35x5 35x5 35x5 35x5 35x5"
     " 40x5 40x5 40x5 40x5 40x5 45x5", "21 sets"),
]


@pytest.mark.parametrize(("text", "fragment"), BAD, ids=[b[0][:40] or "empty" for b in BAD])
def test_bad_input_explains_itself(text: str, fragment: str) -> None:
    result = parse(text)
    assert isinstance(result, ParseError), result
    assert fragment.lower() in result.error.lower()
    assert result.hint.strip()
    assert result.example.strip()
    example = parse(result.example)
    assert isinstance(example, tuple), (result.example, example)


def test_there_are_enough_bad_rows() -> None:
    assert len(BAD) >= 15


def test_examples_in_errors_work_on_other_days_too() -> None:
    result = parse("squat 5x5 2026-02-30", today=date(2030, 1, 1))
    assert isinstance(result, ParseError)
    assert isinstance(parse(result.example, today=date(2030, 1, 1)), tuple)


def test_the_log_limits_are_the_shared_ones() -> None:
    """/log takes each number up to the limit every import format applies too."""
    top = (f"squat 1x{limits.MAX_REPS} @{limits.MAX_LOAD_KG:g}kg rir{limits.MAX_RIR:g}; "
           f"bench {limits.MAX_SETS} sets of 5 @80kg")
    result = parse(top)
    assert isinstance(result, tuple), result
    assert len(result[1].sets) == limits.MAX_SETS
    for beyond in (f"squat 1x{limits.MAX_REPS + 1} @100kg",
                   f"squat 1x5 @{limits.MAX_LOAD_KG + 0.5:g}kg",
                   f"squat 1x5 @100kg rir{limits.MAX_RIR + 1:g}",
                   f"squat {limits.MAX_SETS + 1} sets of 5 @100kg"):
        assert isinstance(parse(beyond), ParseError), beyond
