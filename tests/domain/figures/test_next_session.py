"""What to do next time: load from the e1RM, the caps, double progression, plates."""

from __future__ import annotations

from bot.domain.figures import next_time
from bot.domain.models import Profile
from tests.domain.figures.builders import BENCH, LEG_CURL, SQUAT, TODAY, ago, ent, st

KG = Profile()


def test_a_set_with_reps_in_hand_moves_the_load_up_rounded_down_to_plates() -> None:
    # 100 × 5 at RIR 3 is an e1RM of 126.7; at 5 reps and RIR 2: 102.7, so 102.5.
    line = next_time([ent(SQUAT, [st(5, 100, 3)] * 3)], TODAY, KG)
    assert line == "Next time: 102.5 kg × 5, stop at RIR 2."


def test_the_lifters_own_plates_and_pounds() -> None:
    fine = Profile(increment_kg=1.25)
    assert next_time([ent(SQUAT, [st(5, 100, 3)] * 3)], TODAY, fine) == (
        "Next time: 102.5 kg × 5, stop at RIR 2.")
    assert next_time([ent(SQUAT, [st(5, 101.25, 3)] * 3)], TODAY, fine) == (
        "Next time: 103.75 kg × 5, stop at RIR 2.")
    pounds = Profile(unit="lb")  # 225 lb × 5 at RIR 3 -> about 231 lb -> 230 lb
    line = next_time([ent(SQUAT, [st(5, 225 * 0.45359237, 3)] * 3)], TODAY, pounds)
    assert line == "Next time: 230 lb × 5, stop at RIR 2."


def test_goal_and_tier_set_the_reps_and_the_target_rir() -> None:
    bench = [ent(BENCH, [st(8, 80, 2)] * 3)]
    assert next_time(bench, TODAY, Profile(goal="hypertrophy")).endswith("× 8, stop at RIR 1.")
    strength = next_time(bench, TODAY, Profile(goal="strength"))
    assert strength is not None and "× 5, stop at RIR 2" in strength


def test_no_increase_right_after_a_tier_a_failure_set() -> None:
    # Without the failure set the same e1RM would say 102.5 kg × 5 (as above).
    line = next_time([ent(SQUAT, [st(5, 100, 3), st(5, 100, 3), st(8, 100, f=True)])],
                     TODAY, KG)
    assert line is not None and "100 kg × 5" in line and "failure set" in line


def test_no_increase_after_a_missed_target() -> None:
    grow = Profile(goal="hypertrophy")  # tier B aims at RIR 1: the formula says 82.5 kg
    met = next_time([ent(BENCH, [st(5, 80, 3)] * 3)], TODAY, grow)
    assert met == "Next time: 82.5 kg × 5, stop at RIR 1."
    line = next_time([ent(BENCH, [st(5, 80, 3), st(5, 80, 3), st(4, 80, 3)])], TODAY, grow)
    assert line == "Next time: 80 kg × 5, stop at RIR 1 (no increase after a missed target)."
    # The last suggestion asked for 82.5 kg × 5: 82.5 × 4 misses it.
    last = ent(BENCH, [st(5, 80, 3)] * 3, ago(4))
    missed = next_time([last, ent(BENCH, [st(4, 82.5, 3)] * 3)], TODAY, grow)
    assert missed is not None and "82.5 kg × 4" in missed and "missed target" in missed


def test_two_sessions_of_falling_e1rm_hold_or_cut() -> None:
    history = [ent(SQUAT, [st(5, 110, 2)] * 3, ago(14)), ent(SQUAT, [st(5, 105, 2)] * 3, ago(7))]
    line = next_time([*history, ent(SQUAT, [st(5, 100, 2)] * 3)], TODAY, KG)
    assert line == ("Next time: hold 100 kg × 5 or cut about 5% to 95 kg, stop at RIR 2: "
                    "your e1RM fell two sessions running.")
    once = next_time([history[0], ent(SQUAT, [st(5, 105, 2)] * 3)], TODAY, KG)
    assert once is not None and "fell" not in once


def test_double_progression_on_isolation() -> None:
    done = next_time([ent(LEG_CURL, [st(12, 40, 1, reps_max=12)] * 3)], TODAY, KG)
    assert done == "All sets reached 12 at RIR 1 or less: add 2.5 kg next time (42.5 kg)."
    short = next_time([ent(LEG_CURL, [st(12, 40, 1), st(11, 40, 1), st(10, 40, 0)])], TODAY, KG)
    assert short == ("Next time: 40 kg again, and build every set to 12 reps at RIR 1 or "
                     "less before adding 2.5 kg.")
    easy = next_time([ent(LEG_CURL, [st(12, 40, 3)] * 3)], TODAY, KG)
    assert easy is not None and easy.startswith("Next time: 40 kg again")


def test_nothing_to_suggest_without_a_load_an_effort_or_inside_the_gates() -> None:
    assert next_time([ent(SQUAT, [st(5, 100)] * 3)], TODAY, KG) is None  # no effort
    assert next_time([ent(LEG_CURL, [st(12, None, 1)] * 3)], TODAY, KG) is None  # no load
    assert next_time([ent(SQUAT, [st(12, 60, 2)] * 3)], TODAY, KG) is None  # 14 > 10


def test_a_planned_max_feeds_the_e1rm_but_not_the_planned_reps() -> None:
    assert next_time([ent(SQUAT, [st(1, 180, f=True, planned_max=True)])], TODAY, KG) is None
    day = [st(1, 150, f=True, planned_max=True), st(5, 100, 3), st(5, 100, 3)]
    line = next_time([ent(SQUAT, day)], TODAY, KG)
    assert line is not None and "× 5, stop at RIR 2" in line
