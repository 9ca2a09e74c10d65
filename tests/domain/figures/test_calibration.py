"""RIR calibration: a lifter's tests against their earlier guesses at the same load."""

from __future__ import annotations

from bot.domain.figures import calibrated, rir_calibration
from bot.domain.figures.calibration import FLOOR_RIR
from tests.domain.figures.builders import CURL, LEG_CURL, SQUAT, ago, ent, st


def test_a_failure_set_measures_an_earlier_guess_at_the_same_load() -> None:
    # 15 kg × 10 "RIR 2" guessed 12 reps; a week later 15 kg went 13 to failure.
    history = [ent(CURL, [st(10, 15, 2)], ago(8)), ent(CURL, [st(13, 15, f=True)], ago(1))]
    found = rir_calibration(history)
    assert found is not None and found.offset == 1 and len(found.pairs) == 1
    assert found.typical_guess == 2 and not found.applied  # one test is not enough


def test_two_tests_apply_the_offset_to_every_guess_but_never_to_a_logged_failure() -> None:
    history = [
        ent(CURL, [st(10, 15, 2)], ago(20)), ent(CURL, [st(13, 15, f=True)], ago(15)),
        ent(LEG_CURL, [st(12, 40, 2)], ago(10)), ent(LEG_CURL, [st(14, 40, amrap=True)], ago(3)),
    ]
    found = rir_calibration(history)
    assert found is not None and found.applied and found.offset == 1
    today = ent(SQUAT, [st(5, 100, 2), st(5, 100, 1), st(5, 100, f=True)])
    (moved,) = calibrated([today], found)
    assert [s.effective_rir for s in moved.sets] == [3.0, 2.0, 0.0]


def test_an_optimistic_lifter_is_moved_down_but_not_to_failure() -> None:
    # "RIR 3" at 100 × 5 guessed 8 reps; the tests got 6 and 6.
    history = [
        ent(SQUAT, [st(5, 100, 3)], ago(21)), ent(SQUAT, [st(6, 100, f=True)], ago(14)),
        ent(SQUAT, [st(5, 100, 3)], ago(9)), ent(SQUAT, [st(6, 100, f=True)], ago(2)),
    ]
    found = rir_calibration(history)
    assert found is not None and found.offset == -2 and found.applied
    (moved,) = calibrated([ent(SQUAT, [st(5, 100, 1)])], found)
    assert moved.sets[0].rir == FLOOR_RIR


def test_old_or_other_load_guesses_do_not_count() -> None:
    assert rir_calibration([ent(CURL, [st(10, 15, 2)], ago(60)),
                            ent(CURL, [st(13, 15, f=True)], ago(1))]) is None
    assert rir_calibration([ent(CURL, [st(10, 17.5, 2)], ago(8)),
                            ent(CURL, [st(13, 15, f=True)], ago(1))]) is None
