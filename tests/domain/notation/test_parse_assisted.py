"""Assisted lifts and lead-in words: the weight on an assisted machine is help."""

from __future__ import annotations

import pytest

from bot.domain.notation import describe_entry
from tests.domain.notation.rows import entries


@pytest.mark.parametrize(("text", "help_kg"), [
    ("assisted dip 3x8 20kg", 20.0),
    ("assisted dip 3x8 -20kg", 20.0),  # written with a sign: the same help, not added load
    ("assisted pull up 3x8 @30", 30.0),
    ("band assisted pull up 4x6 25kg", 25.0),
])
def test_an_assisted_lifts_load_is_stored_as_help(text: str, help_kg: float) -> None:
    (entry,) = entries(text)
    assert entry.exercise.key.startswith("assisted-")
    assert all(s.bodyweight and s.load_kg == -help_kg for s in entry.sets), entry.sets
    assert f"bw − {help_kg:g} kg" in describe_entry(entry, "kg")


def test_an_assisted_lift_without_a_load_is_bodyweight() -> None:
    (entry,) = entries("assisted pull up 3x5")
    assert all(s.bodyweight and s.load_kg is None for s in entry.sets)


def test_added_load_on_a_plain_dip_stays_added() -> None:
    (entry,) = entries("dips 3x8 +20kg")
    assert all(s.bodyweight and s.load_kg == 20.0 for s in entry.sets)
    assert "bw + 20 kg" in describe_entry(entry, "kg")


@pytest.mark.parametrize(("text", "key", "reps", "load"), [
    ("top set squat 140x3", "back-squat", 3, 140.0),
    ("top sets bench 2x3 100", "bench-press", 3, 100.0),
    ("working sets bench 3x5 80", "bench-press", 5, 80.0),
    ("back off squat 3x5 120", "back-squat", 5, 120.0),
    ("backoff sets deadlift 2x5 160", "deadlift", 5, 160.0),
])
def test_lead_in_words_are_not_part_of_the_name(
    text: str, key: str, reps: int, load: float
) -> None:
    (entry,) = entries(text)
    assert entry.exercise.key == key, text
    assert {(s.reps, s.load_kg) for s in entry.sets} == {(reps, load)}


def test_back_as_a_name_word_is_kept() -> None:
    assert [e.exercise.key for e in entries("back extension 3x12")] == ["back-extension"]
