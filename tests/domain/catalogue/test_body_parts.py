"""The one body-part vocabulary: words to names, groups to muscles, and what W4 matches."""

from __future__ import annotations

import pytest

from bot.domain.catalogue import data as catalogue_data
from bot.domain.catalogue.body_parts import (
    BODY_PARTS,
    GROUPS,
    MUSCLES,
    SINGLE_MUSCLES,
    find_body_part,
    muscle_key,
    muscles_of,
    normalize_body_part,
    vocabulary_hint,
)
from bot.domain.catalogue.lookup import default_catalogue, normalize
from bot.domain.catalogue.muscles import muscle_weights, trains
from bot.domain.models import Exercise

CATALOGUE = default_catalogue()

# What a lifter types, and the name /sore stores it under.
WORDS = [
    ("quads", "quadriceps"), ("quad", "quadriceps"), ("Quads", "quadriceps"),
    ("quadriceps", "quadriceps"), ("hammies", "hamstrings"), ("hams", "hamstrings"),
    ("hamstring", "hamstrings"), ("pecs", "chest"), ("chest", "chest"), ("lats", "lats"),
    ("back", "back"), ("my back", "back"), ("lower back", "lower back"),
    ("lower-back", "lower back"), ("erectors", "lower back"), ("upper back", "upper back"),
    ("mid back", "middle back"), ("delts", "shoulders"), ("shoulders", "shoulders"),
    ("bis", "biceps"), ("biceps", "biceps"), ("tris", "triceps"), ("tricep", "triceps"),
    ("abs", "abdominals"), ("core", "abdominals"), ("calves", "calves"), ("calf", "calves"),
    ("glutes", "glutes"), ("traps", "traps"), ("forearms", "forearms"),
    ("my quads", "quadriceps"), ("adductors", "adductors"), ("neck", "neck"),
    ("hamstirngs", "hamstrings"), ("legs", "legs"), ("left leg", "legs"), ("arms", "arms"),
]


@pytest.mark.parametrize(("text", "name"), WORDS)
def test_words_give_the_name_to_store(text: str, name: str) -> None:
    assert normalize_body_part(text) == name
    assert name in {p.name for p in BODY_PARTS}


@pytest.mark.parametrize("text", ["", "elbow", "banana", "black", "legs day"])
def test_unknown_body_parts_give_none(text: str) -> None:
    assert normalize_body_part(text) is None


def test_the_muscles_are_the_catalogues() -> None:
    assert set(MUSCLES) == set(catalogue_data.MUSCLE_CODES.values())
    assert [p.name for p in SINGLE_MUSCLES] == list(MUSCLES)
    for exercise in CATALOGUE:
        assert set(exercise.primary) | set(exercise.secondary) <= set(MUSCLES)


def test_no_word_means_two_parts() -> None:
    seen: dict[str, str] = {}
    for part in BODY_PARTS:
        for word in (part.name, *part.words):
            form = normalize(word)
            assert seen.setdefault(form, part.name) == part.name, word


def test_groups_expand_to_catalogue_muscles() -> None:
    groups = {g.name: g.muscles for g in GROUPS}
    assert groups["back"] == {"lats", "middle back", "traps", "lower back"}
    assert groups["legs"] == {"quadriceps", "hamstrings", "glutes", "calves", "adductors",
                              "abductors"}
    assert groups["arms"] == {"biceps", "triceps", "forearms"}
    for muscles in groups.values():
        assert muscles <= set(MUSCLES)
    assert muscles_of("quads") == {"quadriceps"}
    assert muscles_of("Sled_Push") == {"sled push"}  # not a part: the name as a key


def test_muscle_keys_are_the_vocabulary_names() -> None:
    assert muscle_key("Quads") == "quadriceps"
    assert muscle_key("rear_delts") == "shoulders"
    assert muscle_key("Lower-Back") == "lower back"
    assert muscle_key("back") == "back"  # a group is not one muscle
    odd = Exercise("x", "X", "B", primary=("Quads",), secondary=("quadriceps", "Pecs"))
    assert muscle_weights(odd) == {"quadriceps": 1.0, "chest": 0.5}


@pytest.mark.parametrize(("part", "lift", "trained"), [
    ("back", "good morning", True),  # lower back, as a secondary muscle
    ("back", "back extension", True),
    ("back", "lat pulldown", True),
    ("back", "shrug", True),
    ("back", "leg extension", False),
    ("upper back", "shrug", True),
    ("upper back", "back extension", False),
    ("legs", "leg extension", True),
    ("legs", "standing calf raise", True),
    ("legs", "bench press", False),
    ("arms", "skullcrusher", True),
    ("quads", "leg extension", True),
    ("lats", "good morning", False),
])
def test_w4_matches_exercises_through_the_vocabulary(part: str, lift: str,
                                                     trained: bool) -> None:
    exercise = CATALOGUE.lookup(lift).exercise
    assert exercise is not None, lift
    assert trains(exercise, part) is trained


def test_the_hint_lists_the_vocabulary() -> None:
    hint = vocabulary_hint()
    for part in BODY_PARTS:
        assert part.spoken in hint
        assert find_body_part(part.spoken) == part
    assert "back" in hint and "legs" in hint and "quads" in hint
