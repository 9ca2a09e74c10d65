"""Tests for the echo of logged entries and the canonical log line."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.catalogue.lookup import default_catalogue
from bot.domain.models import LB_TO_KG, LogEntry, SetRecord, Unit
from bot.domain.notation.echo import describe_entry, describe_set, entry_to_text, format_load
from bot.domain.notation.parse import parse_log

CAT = default_catalogue()
TODAY = date(2026, 11, 26)


def entry(text: str, unit: Unit = "kg") -> LogEntry:
    result = parse_log(text, CAT, unit=unit, today=TODAY)
    assert isinstance(result, tuple), result
    return result[0]


@pytest.mark.parametrize(
    ("line", "unit", "echo"),
    [
        ("squat 5x5 @100kg rir2", "kg", "back squat — 5 × 5 @ 100 kg, RIR 2"),
        ("squat 5x5 @100kg rir2", "lb", "back squat — 5 × 5 @ 220.5 lb, RIR 2"),
        ("bench 225lb x 5", "lb", "bench press — 225 lb × 5"),
        ("bench 80x8,8 77.5x7 rir 2,1,0", "kg",
         "bench press — 3 sets: 80 kg × 8, 80 kg × 8, 77.5 kg × 7, RIR 2, 1, 0"),
        ("squat 175x5, 175x5, 170x6 rir 1-2", "kg",
         "back squat — 3 sets: 175 kg × 5, 175 kg × 5, 170 kg × 6, RIR 1-2"),
        ("squat 5x5 @102.5 rpe 8.5", "kg", "back squat — 5 × 5 @ 102.5 kg, RIR 1.5"),
        ("pull-up 3x8 bw", "kg", "pull-up — 3 × 8 @ bw"),
        ("pull-up 3x8 bw+10 f", "kg", "pull-up — 3 × 8 @ bw + 10 kg, to failure"),
        ("curl 10 reps", "kg", "dumbbell curl — 10 reps"),
        ("leg extension 3x12 @40 last set drop", "kg",
         "leg extension — 3 sets: 40 kg × 12; 40 kg × 12; 40 kg × 12, drop set (past failure)"),
        ("ohp 3x5+ @50", "kg", "overhead press — 3 sets: 50 kg × 5, 50 kg × 5, 50 kg × 5+"),
        ("squat 100x5+", "kg", "back squat — 100 kg × 5+, AMRAP"),
        ("wu squat 60x5, 80x3", "kg", "back squat — 2 sets: 60 kg × 5, 80 kg × 3, warm-up"),
        ("squat 60x5 wu, 100x5x2", "kg",
         "back squat — 3 sets: 60 kg × 5 (warm-up), 100 kg × 5, 100 kg × 5"),
        ("squat 60x5 wu", "kg", "back squat — 60 kg × 5, warm-up"),
        ("squat 5x5 @100 yesterday", "kg", "back squat — 5 × 5 @ 100 kg (2026-11-25)"),
        ("curl 3x10 rir 2, last set f", "kg",
         "dumbbell curl — 3 sets: 10 reps, 10 reps, 10 reps, RIR 2, 2, 0"),
        ("leg press 3x10 @100 myo", "kg",
         "leg press — 3 sets: 100 kg × 10; 100 kg × 10; 100 kg × 10, myo-reps (past failure)"),
        ("zottman press 3x10 @12", "kg", "zottman press — 3 × 10 @ 12 kg"),
        # rep ranges, timed and distance sets, planned maxes and notes show in full
        ("bench 3x10-12 @60", "kg", "bench press — 3 × 10-12 @ 60 kg"),
        ("curl 3x10-12 rir 2, last set f", "kg",
         "dumbbell curl — 3 sets: 10-12 reps, 10-12 reps, 10-12 reps, RIR 2, 2, 0"),
        ("plank 3x60s", "kg", "plank — 3 × 60 s"),
        ("farmer walk 4x40m @32kg", "kg", "farmer's carry — 4 × 40 m @ 32 kg"),
        ("farmer walk 4x40m @32kg", "lb", "farmer's carry — 4 × 40 m @ 70.5 lb"),
        ("dead hang 3x1min", "kg", "dead hang — 3 × 60 s"),
        ("plank 5min", "kg", "plank — 5 min"),
        ("plank 60s, 45s", "kg", "plank — 2 sets: 60 s, 45 s"),
        ("run 5km", "kg", "run — 5 km"),
        ("squat 180x1 test", "kg", "back squat — 180 kg × 1, planned max"),
        ("bench 100x3, 110x1 test", "kg",
         "bench press — 2 sets: 100 kg × 3, 110 kg × 1 (planned max)"),
        ("squat 5x5 @100 - felt heavy", "kg", "back squat — 5 × 5 @ 100 kg — note: felt heavy"),
        ("squat 5x5 yesterday - knee ok", "kg",
         "back squat — 5 × 5 (2026-11-25) — note: knee ok"),
        ("deadlift 180x1 PR!!", "kg", "deadlift — 180 kg × 1 — note: PR!!"),
    ],
)
def test_describe_entry(line: str, unit: Unit, echo: str) -> None:
    assert describe_entry(entry(line), unit) == echo


@pytest.mark.parametrize(
    ("s", "unit", "text"),
    [
        (SetRecord(reps=5, load_kg=100.0, rir=2.0), "kg", "100 kg × 5, RIR 2"),
        (SetRecord(reps=5, load_kg=100.0, rir=1.0, rir_max=2.0), "kg", "100 kg × 5, RIR 1-2"),
        (SetRecord(reps=10, bodyweight=True, rir=0.0, failure=True), "kg", "bw × 10, to failure"),
        (SetRecord(reps=8, load_kg=20.0, bodyweight=True), "lb", "bw + 44 lb × 8"),
        (SetRecord(reps=12, load_kg=30.0, rir=0.0, failure=True, technique="dropset"), "kg",
         "30 kg × 12, drop set (past failure)"),
        (SetRecord(reps=8, load_kg=80.0, amrap=True), "kg", "80 kg × 8+, AMRAP"),
        (SetRecord(reps=5, load_kg=60.0, warmup=True), "kg", "60 kg × 5, warm-up"),
        (SetRecord(reps=1), "kg", "1 rep"),
        (SetRecord(reps=None, load_kg=50.0), "kg", "50 kg × ?"),
        (SetRecord(reps=5, load_kg=102.05828325), "lb", "225 lb × 5"),
        (SetRecord(reps=5, load_kg=101.25), "kg", "101.25 kg × 5"),
        (SetRecord(reps=8, reps_max=12, load_kg=20.0), "kg", "20 kg × 8-12"),
        (SetRecord(reps=None, seconds=90.0), "kg", "90 s"),
        (SetRecord(reps=None, seconds=45.0, load_kg=20.0), "kg", "20 kg × 45 s"),
        (SetRecord(reps=None, meters=40.0, load_kg=32.0, failure=True, rir=0.0), "kg",
         "32 kg × 40 m, to failure"),
        (SetRecord(reps=1, load_kg=200.0, planned_max=True), "kg", "200 kg × 1, planned max"),
    ],
)
def test_describe_set(s: SetRecord, unit: Unit, text: str) -> None:
    assert describe_set(s, unit) == text


def test_format_load_rounds_pounds_to_half_a_pound() -> None:
    assert format_load(100.0, "lb") == "220.5 lb"
    assert format_load(20.0, "lb") == "44 lb"
    assert format_load(0.0, "kg") == "0 kg"


def test_describe_entry_without_sets() -> None:
    bare = LogEntry(exercise=entry("squat 1x1").exercise, sets=())
    assert describe_entry(bare) == "back squat — no sets"


@pytest.mark.parametrize(
    ("line", "canonical"),
    [
        ("squat 5x5 @100kg rir2", "back squat 100kg x 5 x 5 rir2"),
        ("bench 135x8,8,7 rir 2,1,0", "bench press 135kg x 8 rir2, 135kg x 8 rir1, 135kg x 7 f"),
        ("pull-up 3x8 bw+10 f", "pull-up bw+10kg x 8 x 3 f"),
        ("curl 3x10", "dumbbell curl x 10 x 3"),
        ("curl 3x10 rir 2, last set f", "dumbbell curl x 10 x 2 rir2, x 10 f"),
        ("curl 3x10 last set f", "dumbbell curl x 10 x 2, x 10 last set f"),
        ("curl 4x10 last 2 sets f", "dumbbell curl x 10 x 2, x 10 x 2 last 2 sets f"),
        ("squat 60x5, 100x5 wu", "wu back squat 60kg x 5, 100kg x 5"),
        ("squat 60x5, 100x5 last set wu", "back squat 60kg x 5, 100kg x 5 last set wu"),
        ("squat 60x5 wu, 100x5x3 rir2", "back squat 60kg x 5 wu, 100kg x 5 x 3 last 3 sets rir2"),
        ("leg extension 3x12 @40 ds", "leg extension 40kg x 12 x 2, 40kg x 12 dropset"),
        ("ohp 3x5+ @50", "overhead press 50kg x 5 x 2, 50kg x 5+"),
        ("squat 5x5 yesterday", "back squat x 5 x 5 2026-11-25"),
        ("plank 3x60s", "plank x 60sec x 3"),
        ("farmer walk 4x40m @32kg", "farmer's carry 32kg x 40meters x 4"),
        ("bench 3x10-12 @60", "bench press 60kg x 10-12 x 3"),
        ("squat 180x1 test", "back squat 180kg x 1 test"),
        ("squat 5x5 @100 - felt heavy", "back squat 100kg x 5 x 5 // felt heavy"),
        ("deadlift 180x1 PR!!", "deadlift 180kg x 1 // PR!!"),
    ],
)
def test_entry_to_text(line: str, canonical: str) -> None:
    assert entry_to_text(entry(line)) == canonical


@pytest.mark.parametrize(
    "line",
    [
        "squat 5x5 @100kg rir2",
        "bench 135x8,8,7 rir 2,1,0",
        "squat 60x5 wu, 80x3 wu, 100x5x3 rir2",
        "leg curl 3x12 @40 rir 1-2, last set drop",
        "dips bw+20 x 8, 8, 6 rpe 8.5",
        "curl 20s x 12, 10, 8+ yesterday",
        "calf raise 4x15 myo",
        "lateral raise 3x15 @8.75",
        "plank 3x45s @20kg",
        "farmer walk 60m, 40m @40kg",
        "bench 3x8-12 @60 rir 1-2",
        "squat 100x3, 110x1 test",
    ],
)
@pytest.mark.parametrize("unit", ["kg", "lb"])
def test_entry_to_text_round_trips(line: str, unit: Unit) -> None:
    original = entry(line)
    again = entry(entry_to_text(original, unit), "kg")
    assert again.exercise.key == original.exercise.key
    assert again.performed_on == original.performed_on
    assert len(again.sets) == len(original.sets)
    for a, b in zip(again.sets, original.sets, strict=True):
        assert a.load_kg == pytest.approx(b.load_kg, abs=0.01)
        assert a == SetRecord(**{**b.__dict__, "load_kg": a.load_kg})


def test_entry_to_text_keeps_the_note_and_the_pr_mark() -> None:
    original = entry("bench 3x5 @100 (paused) new pr")
    again = entry(entry_to_text(original))
    assert again.pr and "paused" in again.note and "new pr" in again.note


def test_a_pr_without_a_mark_in_its_note_gets_one() -> None:
    marked = LogEntry(exercise=entry("squat 1x1").exercise, sets=(SetRecord(reps=1),),
                      note="felt fast", pr=True)
    assert entry_to_text(marked).endswith("// felt fast, PR")
    assert entry(entry_to_text(marked)).pr


def test_entry_to_text_in_pounds_writes_pounds() -> None:
    text = entry_to_text(entry("bench 100kg x 5"), "lb")
    assert text == "bench press 220.462lb x 5"
    assert entry(text).sets[0].load_kg == pytest.approx(100.0, abs=0.01)
    assert pytest.approx(100.0, abs=0.001) == 220.462 * LB_TO_KG


def test_every_catalogue_name_reads_back_as_itself() -> None:
    for exercise in CAT:
        line = entry_to_text(LogEntry(exercise=exercise, sets=(SetRecord(reps=5),)))
        assert entry(line).exercise.key == exercise.key, line
