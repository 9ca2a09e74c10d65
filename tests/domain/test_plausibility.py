"""Questions about loads that need the lifter's history (bot.domain.plausibility)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pytest

from bot.domain.catalogue.lookup import default_catalogue
from bot.domain.models import LB_TO_KG, LogEntry, Reading, Unit
from bot.domain.notation.parse import parse_log
from bot.domain.plausibility import RECORD_KG, questions_for

CAT = default_catalogue()
TODAY = date(2026, 11, 26)


def read(text: str, unit: Unit = "kg") -> tuple[LogEntry, ...]:
    result = parse_log(text, CAT, unit=unit, today=TODAY)
    assert isinstance(result, tuple), result
    return result


def ask(text: str, best: Mapping[str, float] | None = None, unit: Unit = "kg",
        chosen: bool = True) -> Reading | None:
    (entry,) = questions_for(read(text, unit), best or {}, unit, chosen)
    return entry.question


def test_a_new_lifter_without_a_unit_is_asked_about_pounds() -> None:
    question = ask("squats 225x5x3", chosen=False)
    assert question is not None
    assert question.chosen == "3 sets of 5 reps at 225 kg"
    assert question.other == "3 sets of 5 reps at 225 lb"
    assert question.line == "back squat 225lb x 5 x 3"
    (other,) = read(question.line)
    assert other.sets[0].load_kg == pytest.approx(225 * LB_TO_KG, abs=0.01)


def test_a_lifter_who_chose_kilograms_is_not_asked_about_an_ordinary_heavy_load() -> None:
    assert ask("squats 225x5x3", chosen=True) is None


def test_a_load_written_with_its_unit_is_taken_as_written() -> None:
    assert ask("squat 225kg x 5 x 3", chosen=False) is None


@pytest.mark.parametrize("line", ["squat 5x5 @100", "bench 3x8 @60", "curl 3x10 @14",
                                  "leg press 3x12 @200"])
def test_ordinary_loads_of_a_new_lifter_ask_nothing(line: str) -> None:
    assert ask(line, chosen=False) is None


def test_a_load_far_above_the_lifters_best_asks() -> None:
    question = ask("squat 5x5 @250", {"back-squat": 100.0})
    assert question is not None
    assert "250 kg" in question.chosen
    assert "250 lb" in question.other  # 113 kg: within reach of their 100 kg best


def test_a_slipped_decimal_point_is_offered_when_pounds_do_not_fit() -> None:
    question = ask("squat 5x5 @1000", {"back-squat": 100.0})
    assert question is not None
    assert question.other == "5 sets of 5 reps at 100 kg"
    assert read(question.line)[0].sets[0].load_kg == 100.0


def test_a_small_step_above_the_best_asks_nothing() -> None:
    assert ask("bench 3x5 @105", {"bench-press": 100.0}) is None
    assert ask("curl 3x10 @10kg", {"dumbbell-curl": 6.0}) is None  # 1.7x, but 4 kg


def test_a_load_beyond_the_record_for_its_tier_always_asks() -> None:
    assert RECORD_KG["A"] > 500
    question = ask("deadlift 600x1", {"deadlift": 550.0})
    assert question is not None
    assert "600" in question.chosen


def test_the_history_of_another_exercise_does_not_count() -> None:
    assert ask("squat 5x5 @180", {"bench-press": 100.0}) is None


def test_warm_ups_and_bodyweight_sets_are_left_alone() -> None:
    assert ask("squat 300x1 wu", {"back-squat": 100.0}) is None
    assert ask("pull-up 3x8 bw", {"pull-up": 10.0}) is None


def test_a_question_from_the_parser_is_kept() -> None:
    (entry,) = read("Dumbbell curl: 16 x 10")
    assert entry.question is not None
    (kept,) = questions_for((entry,), {"dumbbell-curl": 5.0}, "kg", False)
    assert kept.question == entry.question


def test_entries_come_back_in_order_and_unchanged_when_plausible() -> None:
    entries = read("squat 5x5 @100; bench 3x8 @80; deadlift 1x5 @700")
    checked = questions_for(entries, {"deadlift": 200.0}, "kg", True)
    assert [e.exercise.key for e in checked] == ["back-squat", "bench-press", "deadlift"]
    assert checked[:2] == entries[:2]
    assert checked[2].question is not None
    assert checked[2].sets == entries[2].sets  # stored as read


def test_a_pound_lifter_is_asked_in_pounds() -> None:
    question = ask("bench 3x5 @1800", {"bench-press": 100.0}, unit="lb")
    assert question is not None
    assert "1800 lb" in question.chosen
    assert question.other == "3 sets of 5 reps at 180 lb"
