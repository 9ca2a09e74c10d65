"""Names that say their equipment, typos, and the "did you mean?" question (issue #14)."""

from __future__ import annotations

import pytest

from bot.domain.catalogue.equipment import fits, kind_of, split
from bot.domain.catalogue.lookup import default_catalogue, slugify
from bot.domain.models import Exercise

CATALOGUE = default_catalogue()

# What a lifter or an app writes, and the lift on that equipment it must be.
ON_THEIR_EQUIPMENT = [
    ("barbell bench press", "bench-press"),
    ("incline barbell bench press", "incline-bench-press"),
    ("decline barbell bench", "decline-bench-press"),
    ("bb bench press", "bench-press"),
    ("db rdl", "dumbbell-romanian-deadlift"),
    ("Bench Press (Dumbbell)", "dumbbell-bench-press"),
    ("Bicep Curl (Barbell)", "barbell-curl"),
    ("Bicep Curl (Dumbbell)", "dumbbell-curl"),
    ("Bicep Curl (Cable)", "cable-curl"),
    ("EZ Bar Biceps Curl", "ez-bar-curl"),
    ("Incline Bench Press (Smith Machine)", "smith-machine-incline-press"),
    ("Seated Overhead Press (Dumbbell)", "dumbbell-shoulder-press"),
    ("Standing Calf Raise (Barbell)", "barbell-calf-raise"),
    ("Triceps Extension (Cable)", "cable-overhead-triceps-extension"),
    ("Reverse Fly (Machine)", "reverse-pec-deck"),
    ("Seated Row (Machine)", "machine-row"),
    ("hammer strength row", "machine-row"),
    ("Pull Up (Assisted)", "assisted-pull-up"),
    ("Chest Dip (Assisted)", "assisted-dip"),
    ("Single Arm Cable Curl", "cable-curl"),
    ("Kettlebell Swing", "kettlebell-swing"),
    ("band pull apart", "band-pull-apart"),
]

# Equipment the lift under the bare name is not on: never that lift.
NEVER_ANOTHER_EQUIPMENT = [
    ("Squat (Machine)", "back-squat"),
    ("machine squat", "back-squat"),
    ("hammer strength press", "overhead-press"),
    ("Pull Up (Band)", "pull-up"),
    ("Pull Up (Assisted)", "pull-up"),
    ("Reverse Curl (Cable)", "reverse-curl"),
    ("Shrug (Smith Machine)", "shrug"),
    ("barbell lateral raise", "lateral-raise"),
    ("cable bench press", "bench-press"),
    ("kettlebell bench press", "dumbbell-bench-press"),
]


@pytest.mark.parametrize(("text", "key"), ON_THEIR_EQUIPMENT)
def test_equipment_words_find_the_lift_on_that_equipment(text: str, key: str) -> None:
    found = CATALOGUE.lookup(text)
    assert found.exercise is not None, text
    assert found.exercise.key == key


@pytest.mark.parametrize(("text", "wrong"), NEVER_ANOTHER_EQUIPMENT)
def test_a_lift_on_other_equipment_is_never_the_answer(text: str, wrong: str) -> None:
    found = CATALOGUE.lookup(text)
    assert found.exercise is None or found.exercise.key != wrong, text
    assert wrong not in {e.key for e in found.suggestions}
    assert found.closest is None or found.closest.key != wrong


def test_the_issue_examples() -> None:
    """Each of these was read as another lift before."""
    assert (CATALOGUE.lookup("barbell bench press").exercise or _none()).key == "bench-press"
    hammer = CATALOGUE.lookup("hammer strength press")
    assert hammer.exercise is None  # a machine press: which one is asked, not guessed
    assert {e.key for e in hammer.suggestions} <= {
        e.key for e in CATALOGUE if e.equipment == "machine"}
    assert "machine-chest-press" in {e.key for e in hammer.suggestions}
    squat = CATALOGUE.lookup("sqaut")
    assert squat.exercise is not None and squat.exercise.key == "back-squat"
    assert squat.corrected


@pytest.mark.parametrize(("text", "key"), [
    ("sqaut", "back-squat"), ("deadlfit", "deadlift"), ("bulgarain split squat",
                                                         "bulgarian-split-squat"),
    ("romanian dedlift", "romanian-deadlift"), ("hack sqaut", "hack-squat"),
    ("lateral riase", "lateral-raise"), ("dumbell bench press", "dumbbell-bench-press"),
])
def test_swapped_and_missing_letters_are_typos(text: str, key: str) -> None:
    found = CATALOGUE.lookup(text)
    assert found.exercise is not None and found.exercise.key == key, text
    assert found.corrected


@pytest.mark.parametrize("text", [
    "decline press",  # two catalogue words: another name, not a typo of "incline press"
    "hammer strength press",  # "press" is not a typo of "row"
    "single arm cable fly",  # "fly" is not a typo of "row"
    "sots press",  # three letters cannot be two edits of a word
    "barbel lateral raise",  # barbell, but no barbell lateral raise exists
])
def test_a_different_word_is_not_a_typo(text: str) -> None:
    assert CATALOGUE.lookup(text).exercise is None, text


def test_close_match_asks_about_a_near_name_and_nothing_else() -> None:
    near = CATALOGUE.close_match("sqat")  # too short to correct, close enough to ask
    assert near is not None and near.key == "back-squat"
    machine = CATALOGUE.close_match("machine squat")  # a squat on a machine, never the back squat
    assert machine is not None and machine.equipment == "machine"
    assert CATALOGUE.close_match("bench press") is None  # known: nothing to ask
    assert CATALOGUE.close_match("sqaut") is None  # read as back squat already
    assert CATALOGUE.close_match("rows") is None  # ambiguous: asked another way
    for unrelated in ("zercher carry", "sled drag", "hello", "box jumps", "Squat (Bodyweight)"):
        assert CATALOGUE.close_match(unrelated) is None, unrelated


def test_close_match_covers_the_lifters_own_exercises() -> None:
    mine = CATALOGUE.with_custom([Exercise(slugify("sled drag"), "sled drag", None,
                                           custom=True)])
    assert mine.lookup("sled drga").exercise == mine.get("sled-drag")
    near = mine.close_match("sled drg")
    assert near is not None and near.key == "sled-drag"


def test_equipment_words_are_read_out_of_a_name() -> None:
    named = split("hammer strength chest press")
    assert named.kinds == {"machine"} and named.rest == ("chest", "press")
    assert split("smith machine squat").kinds == {"smith"}
    assert split("ez bar curl").kinds == {"ez bar"}
    assert split("back squat").kinds == frozenset()
    assert kind_of("smith machine") == "smith" and kind_of(None) is None
    assert fits(frozenset({"assisted"}), "machine", "assisted pull up")
    assert not fits(frozenset({"barbell"}), "dumbbell", "bench press")
    assert fits(frozenset(), "dumbbell", "bench press")


def _none() -> Exercise:
    return Exercise("none", "none", None)
