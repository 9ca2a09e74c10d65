from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.domain.figures.e1rm import PersonalRecord, best_e1rm, brzycki, e1rm, personal_records
from bot.domain.models import Exercise, SetRecord, StoredEntry, Tier

SQUAT = Exercise("back_squat", "Back squat", "A", primary=("quads",))
BENCH = Exercise("bench_press", "Bench press", "B", primary=("chest",))
PULL_UP = Exercise("pull_up", "Pull-up", "B", primary=("lats",))
LEG_PRESS = Exercise("leg_press", "Leg press", "C", primary=("quads",))


def _entry(exercise: Exercise, day: date, *sets: SetRecord, entry_id: int = 1) -> StoredEntry:
    performed = datetime(day.year, day.month, day.day, 18, 0, tzinfo=UTC)
    return StoredEntry(entry_id, exercise, tuple(sets), performed, day)


def _check_best(result: tuple[float, date] | None, value: float, on: date) -> None:
    assert result is not None
    assert result[0] == pytest.approx(value)
    assert result[1] == on


@pytest.mark.parametrize(
    ("load", "reps", "rir", "expected"),
    [
        (100.0, 5, 2, 100 * (1 + 7 / 30)),
        (100.0, 1, 0, 100.0),
        (100.0, 1, None, 100.0),
        (140.0, 3, 0, 140 * (1 + 3 / 30)),
        (100.0, 5, None, 100 * (1 + 5 / 30)),
        (100.0, 8, 2, 100 * (1 + 10 / 30)),
        (100.0, 10, 0, 100 * (1 + 10 / 30)),
        (100.0, 7, 3, 100 * (1 + 10 / 30)),
        (100.0, 2, 1.5, 100 * (1 + 3.5 / 30)),
        (100.0, 5, 3, 100 * (1 + 8 / 30)),
        (100.0, 5, 4, None),
        (100.0, 5, 3.5, None),
        (100.0, 9, 2, None),
        (100.0, 11, 0, None),
        (100.0, 5, -1, None),
        (100.0, 0, 1, None),
        (0.0, 5, 1, None),
        (-20.0, 5, 1, None),
    ],
)
def test_epley_with_rir_and_validity_gates(
    load: float, reps: int, rir: float | None, expected: float | None
) -> None:
    result = e1rm(load, reps, rir)
    if expected is None:
        assert result is None
    else:
        assert result == pytest.approx(expected)


@pytest.mark.parametrize(
    ("load", "reps", "rir", "expected"),
    [
        (100.0, 5, 2, 120.0),
        (100.0, 1, 0, 100.0),
        (90.0, 10, 0, 36 * 90 / 27),
        (100.0, 5, 4, None),
        (100.0, 9, 2, None),
    ],
)
def test_brzycki_uses_the_same_gates(
    load: float, reps: int, rir: float | None, expected: float | None
) -> None:
    result = brzycki(load, reps, rir)
    if expected is None:
        assert result is None
    else:
        assert result == pytest.approx(expected)


def test_e1rm_of_exactly_one_effective_rep_is_the_load_itself() -> None:
    assert e1rm(142.5, 1, 0) == 142.5
    assert brzycki(142.5, 1, 0) == 142.5


@pytest.mark.parametrize(
    ("tier", "expected"),
    [("A", 100 * (1 + 7 / 30)), ("B", 100 * (1 + 7 / 30)), ("C", None), ("D", None), (None, None)],
)
def test_best_e1rm_only_for_tiers_a_and_b(tier: Tier | None, expected: float | None) -> None:
    exercise = Exercise("lift", "Lift", tier)
    entry = _entry(exercise, date(2026, 3, 2), SetRecord(5, 100.0, rir=2))
    result = best_e1rm([entry])
    if expected is None:
        assert result is None
    else:
        _check_best(result, expected, date(2026, 3, 2))


def test_best_e1rm_picks_the_highest_valid_estimate_and_its_date() -> None:
    entries = [
        _entry(SQUAT, date(2026, 3, 2), SetRecord(5, 100.0, rir=2), entry_id=1),  # 123.33
        _entry(
            SQUAT,
            date(2026, 3, 9),
            SetRecord(3, 120.0, rir=1),  # 136.0
            SetRecord(8, 110.0, rir=4),  # RIR 4: not valid
            SetRecord(1, 150.0, warmup=True),  # warm-up: ignored
            entry_id=2,
        ),
        _entry(SQUAT, date(2026, 3, 16), SetRecord(12, 90.0, rir=0), entry_id=3),  # 12 reps
    ]
    _check_best(best_e1rm(entries), 136.0, date(2026, 3, 9))


def test_best_e1rm_reads_failure_and_amrap_as_effective_rir() -> None:
    failure = _entry(BENCH, date(2026, 3, 2), SetRecord(6, 80.0, failure=True))
    amrap = _entry(BENCH, date(2026, 3, 3), SetRecord(6, 80.0, amrap=True), entry_id=2)
    _check_best(best_e1rm([failure]), 80 * (1 + 6 / 30), date(2026, 3, 2))
    _check_best(best_e1rm([amrap]), 80 * (1 + 7 / 30), date(2026, 3, 3))


def test_best_e1rm_skips_bodyweight_technique_and_unloaded_sets() -> None:
    entries = [
        _entry(PULL_UP, date(2026, 3, 2), SetRecord(5, 20.0, bodyweight=True, rir=1)),
        _entry(BENCH, date(2026, 3, 2), SetRecord(8, 100.0, technique="forced"), entry_id=2),
        _entry(BENCH, date(2026, 3, 3), SetRecord(5, None, rir=1), entry_id=3),
        _entry(BENCH, date(2026, 3, 4), SetRecord(None, 60.0, rir=1), entry_id=4),
    ]
    assert best_e1rm(entries) is None


def test_best_e1rm_tie_goes_to_the_earliest_date() -> None:
    later = _entry(SQUAT, date(2026, 3, 9), SetRecord(5, 100.0, rir=2), entry_id=1)
    earlier = _entry(SQUAT, date(2026, 3, 2), SetRecord(7, 100.0, rir=0), entry_id=2)
    _check_best(best_e1rm([later, earlier]), 100 * (1 + 7 / 30), date(2026, 3, 2))


def test_best_e1rm_of_nothing_is_none() -> None:
    assert best_e1rm([]) is None


def test_personal_records_for_a_tier_a_lift() -> None:
    entries = [
        _entry(
            SQUAT,
            date(2026, 3, 2),
            SetRecord(5, 100.0, rir=2),
            SetRecord(5, 100.0, rir=1),
            SetRecord(3, 60.0, warmup=True),
            entry_id=1,
        ),
        _entry(SQUAT, date(2026, 3, 9), SetRecord(5, 105.0, rir=1), entry_id=2),
        _entry(SQUAT, date(2026, 3, 12), SetRecord(3, 115.0, rir=2), entry_id=3),
        _entry(SQUAT, date(2026, 3, 16), SetRecord(3, 115.0, rir=0), entry_id=4),  # tie: older
        _entry(SQUAT, date(2026, 3, 20), SetRecord(1, 130.0, rir=0), entry_id=5),
    ]
    records = personal_records(entries)
    best = records[0]
    assert best.kind == "e1rm"
    # 115 x 3 @ RIR 2 = 115 * (1 + 5/30) = 134.17 beats 130 x 1 and 105 x 5 @ RIR 1 (126).
    assert best.value_kg == pytest.approx(115 * (1 + 5 / 30))
    assert (best.reps, best.load_kg, best.rir, best.local_date) == (3, 115.0, 2, date(2026, 3, 12))
    assert [(r.kind, r.reps, r.value_kg, r.local_date, r.entry_id) for r in records[1:]] == [
        ("rep_max", 1, 130.0, date(2026, 3, 20), 5),
        ("rep_max", 3, 115.0, date(2026, 3, 12), 3),
        ("rep_max", 5, 105.0, date(2026, 3, 9), 2),
    ]


def test_personal_records_for_a_machine_lift_have_rep_maxes_only() -> None:
    entries = [
        _entry(LEG_PRESS, date(2026, 3, 2), SetRecord(10, 200.0, rir=1)),
        _entry(LEG_PRESS, date(2026, 3, 5), SetRecord(10, 220.0, rir=0), entry_id=2),
        _entry(LEG_PRESS, date(2026, 3, 5), SetRecord(15, 180.0, technique="dropset"), entry_id=3),
    ]
    assert personal_records(entries) == [
        PersonalRecord("rep_max", 220.0, 10, 220.0, date(2026, 3, 5), 2, rir=0.0),
    ]


def test_personal_records_keep_weighted_bodyweight_sets_apart() -> None:
    entries = [
        _entry(PULL_UP, date(2026, 3, 2), SetRecord(5, 20.0, bodyweight=True, rir=1)),
        _entry(PULL_UP, date(2026, 3, 3), SetRecord(5, 10.0, rir=1), entry_id=2),
        _entry(PULL_UP, date(2026, 3, 4), SetRecord(8, None, bodyweight=True), entry_id=3),
    ]
    records = personal_records(entries)
    # Only the set logged with a plain load gives an e1RM; weighted bodyweight sets do not.
    assert records[0].kind == "e1rm"
    assert records[0].value_kg == pytest.approx(10 * (1 + 6 / 30))
    assert [(r.bodyweight, r.reps, r.value_kg) for r in records[1:]] == [
        (False, 5, 10.0),
        (True, 5, 20.0),
    ]


def test_personal_records_of_nothing_is_empty() -> None:
    assert personal_records([]) == []
