"""The exercise catalogue: aliases, tiers, spelling, ambiguity and customs."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

from bot.domain.catalogue import data as catalogue_data
from bot.domain.catalogue.body_parts import MUSCLES
from bot.domain.catalogue.lookup import (
    Catalogue,
    Lookup,
    built_in_exercises,
    default_catalogue,
    normalize,
    slugify,
)
from bot.domain.models import Exercise, Tier

CATALOGUE = default_catalogue()

# Every short name lifters commonly use for a built-in lift, with the lift it names.
COACHING_ALIASES = [
    ("sq", "back-squat"), ("bs", "back-squat"), ("fs", "front-squat"),
    ("ohs", "overhead-squat"), ("dl", "deadlift"), ("sdl", "sumo-deadlift"),
    ("rdl", "romanian-deadlift"), ("sldl", "stiff-leg-deadlift"), ("gm", "good-morning"),
    ("pc", "power-clean"), ("hc", "hang-clean"), ("cj", "clean-and-jerk"), ("sn", "snatch"),
    ("pp", "push-press"), ("bp", "bench-press"), ("bench", "bench-press"),
    ("ibp", "incline-bench-press"), ("cgbp", "close-grip-bench-press"),
    ("ohp", "overhead-press"), ("mp", "overhead-press"), ("press", "overhead-press"),
    ("dbbp", "dumbbell-bench-press"), ("dbsp", "dumbbell-shoulder-press"),
    ("bor", "barbell-row"), ("pendlay", "pendlay-row"), ("tbar", "t-bar-row"),
    ("pullup", "pull-up"), ("chins", "chin-up"), ("bss", "bulgarian-split-squat"),
    ("rfess", "bulgarian-split-squat"), ("kbs", "kettlebell-swing"), ("lp", "leg-press"),
    ("lpd", "lat-pulldown"), ("csr", "chest-supported-row"), ("ht", "hip-thrust"),
    ("ghr", "glute-ham-raise"), ("le", "leg-extension"), ("lc", "leg-curl"),
    ("pec dec", "pec-deck"), ("pec deck", "pec-deck"), ("xover", "cable-crossover"),
    ("hyper", "back-extension"), ("tpd", "triceps-pushdown"), ("skulls", "skullcrusher"),
    ("ohte", "overhead-triceps-extension"), ("lr", "lateral-raise"),
    ("rdf", "rear-delt-fly"), ("fp", "face-pull"),
]

# The tier table in docs/coaching.md, checked on lifts from every row of it.
TIERS = [
    ("back-squat", "A"), ("front-squat", "A"), ("deadlift", "A"), ("sumo-deadlift", "A"),
    ("romanian-deadlift", "A"), ("good-morning", "A"), ("power-clean", "A"), ("snatch", "A"),
    ("clean-and-jerk", "A"), ("push-press", "A"), ("thruster", "A"), ("trap-bar-deadlift", "A"),
    ("bench-press", "B"), ("dumbbell-bench-press", "B"), ("overhead-press", "B"), ("dip", "B"),
    ("barbell-row", "B"), ("t-bar-row", "B"), ("dumbbell-row", "B"), ("pull-up", "B"),
    ("chin-up", "B"), ("lunge", "B"), ("bulgarian-split-squat", "B"), ("farmers-carry", "B"),
    ("kettlebell-swing", "B"), ("incline-dumbbell-press", "B"),
    ("leg-press", "C"), ("hack-squat", "C"), ("smith-machine-squat", "C"),
    ("machine-chest-press", "C"), ("machine-shoulder-press", "C"), ("lat-pulldown", "C"),
    ("seated-cable-row", "C"), ("chest-supported-row", "C"), ("push-up", "C"),
    ("hip-thrust", "C"), ("glute-ham-raise", "C"),
    ("leg-extension", "D"), ("leg-curl", "D"), ("standing-calf-raise", "D"),
    ("seated-calf-raise", "D"), ("dumbbell-fly", "D"), ("cable-fly", "D"), ("pec-deck", "D"),
    ("back-extension", "D"), ("barbell-curl", "D"), ("dumbbell-curl", "D"),
    ("hammer-curl", "D"), ("triceps-pushdown", "D"), ("skullcrusher", "D"),
    ("overhead-triceps-extension", "D"), ("crunch", "D"), ("plank", "D"),
    ("hanging-leg-raise", "D"), ("lateral-raise", "D"), ("rear-delt-fly", "D"),
    ("face-pull", "D"), ("shrug", "D"), ("hip-abduction-machine", "D"),
    ("hip-adduction-machine", "D"),
]

# What lifters type (case, hyphens, spacing, plurals, apostrophes, shorthand).
SPELLINGS = [
    ("squat", "back-squat"), ("squats", "back-squat"), ("Back-Squat", "back-squat"),
    ("back squat", "back-squat"), ("BACK  SQUAT", "back-squat"),
    ("skull crushers", "skullcrusher"), ("skullcrushers", "skullcrusher"),
    ("romanian deadlifts", "romanian-deadlift"), ("leg extensions", "leg-extension"),
    ("pull ups", "pull-up"), ("pull-ups", "pull-up"), ("pullups", "pull-up"),
    ("chin-ups", "chin-up"), ("push ups", "push-up"), ("Push-Ups", "push-up"),
    ("farmer's carry", "farmers-carry"),
    ("farmers walk", "farmers-carry"), ("Farmer’s Carry", "farmers-carry"),
    ("RDLs", "romanian-deadlift"), ("DLs", "deadlift"), ("t bar rows", "t-bar-row"),
    ("db bench", "dumbbell-bench-press"), ("1-arm DB row", "dumbbell-row"),
    ("one arm dumbbell row", "dumbbell-row"), ("incline db press", "incline-dumbbell-press"),
    ("Incline DB", "incline-dumbbell-press"), ("flat db", "dumbbell-bench-press"),
    ("incline smith", "smith-machine-incline-press"), ("incline db row", "chest-supported-row"),
    ("tricep pushdowns", "triceps-pushdown"), ("hammer curls", "hammer-curl"),
    ("calf raises", "standing-calf-raise"), ("seated calf raises", "seated-calf-raise"),
    ("hack squats", "hack-squat"), ("smith squat", "smith-machine-squat"),
    ("lunges", "lunge"), ("walking lunges", "walking-lunge"), ("dips", "dip"),
    ("hip thrusts", "hip-thrust"), ("hipthrust", "hip-thrust"), ("benchpress", "bench-press"),
    ("crunches", "crunch"), ("planks", "plank"), ("cable flyes", "cable-fly"),
    ("dumbbell flies", "dumbbell-fly"), ("face pulls", "face-pull"), ("shrugs", "shrug"),
    ("c&j", "clean-and-jerk"), ("clean & jerk", "clean-and-jerk"),
    ("hip abduction", "hip-abduction-machine"), ("hip adduction", "hip-adduction-machine"),
    ("cable row", "seated-cable-row"), ("chest press", "machine-chest-press"),
    ("hanging leg raises", "hanging-leg-raise"), ("military press", "overhead-press"),
]

# Misspellings that only a close-spelling match can read.
TYPOS = [
    ("bench pres", "bench-press"), ("squatt", "back-squat"), ("deadlfit", "deadlift"),
    ("romanain deadlift", "romanian-deadlift"), ("lat pulldowm", "lat-pulldown"),
    ("dumbell curl", "dumbbell-curl"), ("dumbel curl", "dumbbell-curl"),
    ("skul crusher", "skullcrusher"), ("dumbell bench press", "dumbbell-bench-press"),
    ("inclien bench", "incline-bench-press"), ("pulup", "pull-up"),
]

UNRELATED = ["hello", "banana", "my day", "chains", "box jumps", "felt great", "yesterday"]

def custom(name: str, tier: Tier | None = None) -> Exercise:
    return Exercise(key=slugify(name), name=name, tier=tier, custom=True)


@pytest.mark.parametrize(("alias", "key"), COACHING_ALIASES)
def test_every_coaching_alias_resolves(alias: str, key: str) -> None:
    found = CATALOGUE.lookup(alias)
    assert found.exercise is not None, alias
    assert found.exercise.key == key
    assert not found.corrected


@pytest.mark.parametrize(("key", "tier"), TIERS)
def test_tiers_follow_the_coaching_table(key: str, tier: str) -> None:
    exercise = CATALOGUE.get(key)
    assert exercise is not None, key
    assert exercise.tier == tier


def test_catalogue_is_large_and_every_tier_is_used() -> None:
    assert len(CATALOGUE) >= 150
    tiers = Counter(e.tier for e in CATALOGUE)
    assert set(tiers) == {"A", "B", "C", "D"}
    assert min(tiers.values()) >= 25


@pytest.mark.parametrize("exercise", built_in_exercises(), ids=lambda e: e.key)
def test_every_built_in_is_complete(exercise: Exercise) -> None:
    assert exercise.tier in ("A", "B", "C", "D")
    assert exercise.primary, "needs a primary muscle"
    assert set(exercise.primary) <= set(MUSCLES)
    assert set(exercise.secondary) <= set(MUSCLES)
    assert not set(exercise.primary) & set(exercise.secondary)
    assert exercise.equipment
    assert exercise.name == exercise.name.lower().strip()
    assert exercise.key == slugify(exercise.name)
    assert not exercise.custom


def test_keys_names_and_aliases_name_one_exercise_each() -> None:
    owners: dict[str, set[str]] = {}
    for exercise in CATALOGUE:
        for text in (exercise.name, exercise.key, *exercise.aliases):
            owners.setdefault(normalize(text), set()).add(exercise.key)
    shared = {form: keys for form, keys in owners.items() if len(keys) > 1}
    assert shared == {}
    keys = [e.key for e in CATALOGUE]
    assert len(keys) == len(set(keys))
    deliberate = {normalize(text) for text in catalogue_data.AMBIGUOUS}
    assert deliberate.isdisjoint(owners)


def test_facts_come_through() -> None:
    bench = CATALOGUE.get("bench-press")
    assert bench is not None
    assert bench.primary == ("chest",)
    assert set(bench.secondary) == {"shoulders", "triceps"}
    assert bench.equipment == "barbell"
    extension = CATALOGUE.get("leg-extension")
    assert extension is not None and extension.primary == ("quadriceps",)
    assert extension.equipment == "machine"
    assert "sq" in (CATALOGUE.get("back-squat") or custom("x")).aliases


@pytest.mark.parametrize(("text", "key"), SPELLINGS)
def test_names_are_read_however_they_are_written(text: str, key: str) -> None:
    found = CATALOGUE.lookup(text)
    assert found.exercise is not None, text
    assert found.exercise.key == key


@pytest.mark.parametrize(("text", "key"), TYPOS)
def test_close_spellings_are_corrected(text: str, key: str) -> None:
    found = CATALOGUE.lookup(text)
    assert found.exercise is not None, text
    assert found.exercise.key == key
    assert found.corrected


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("pu", {"pull-up", "push-up"}),
        ("PU", {"pull-up", "push-up"}),
        ("sp", {"overhead-press", "dumbbell-shoulder-press", "machine-shoulder-press"}),
        ("shoulder press", {"overhead-press", "dumbbell-shoulder-press",
                            "machine-shoulder-press"}),
        ("rows", {"barbell-row", "dumbbell-row", "seated-cable-row"}),
    ],
)
def test_ambiguous_abbreviations_ask_instead_of_guessing(text: str, keys: set[str]) -> None:
    found = CATALOGUE.lookup(text)
    assert found.exercise is None
    assert {e.key for e in found.ambiguous} == keys
    assert not found.unknown


@pytest.mark.parametrize("text", UNRELATED)
def test_unrelated_words_match_nothing(text: str) -> None:
    found = CATALOGUE.lookup(text)
    assert found.exercise is None
    assert found.ambiguous == ()
    assert found.unknown


@pytest.mark.parametrize("text", ["", "   ", "-", "rp"])
def test_empty_or_unknown_abbreviation_matches_nothing(text: str) -> None:
    assert CATALOGUE.lookup(text) == Lookup(None)


def test_unknown_name_gets_a_few_close_suggestions() -> None:
    found = CATALOGUE.lookup("zercher carry")
    assert found.exercise is None and found.unknown
    keys = [e.key for e in found.suggestions]
    assert "zercher-squat" in keys and "farmers-carry" in keys
    assert 1 <= len(found.suggestions) <= 3
    assert CATALOGUE.lookup("hello").suggestions == ()


def test_custom_exercises_are_found_without_changing_the_original() -> None:
    mine = CATALOGUE.with_custom([custom("zercher carry", "B"), custom("sled drag")])
    found = mine.lookup("Zercher Carries")
    assert found.exercise == custom("zercher carry", "B")
    assert mine.get("sled-drag") == custom("sled drag")
    assert mine.lookup("sled-drag").exercise == custom("sled drag")
    assert len(mine) == len(CATALOGUE) + 2
    assert custom("sled drag") in list(mine)
    assert CATALOGUE.get("sled-drag") is None
    assert CATALOGUE.lookup("zercher carry").exercise is None


def test_customs_beat_close_spellings_but_not_catalogue_names() -> None:
    mine = CATALOGUE.with_custom([custom("bench pres"), custom("bench press"), custom("bp")])
    assert mine.lookup("bench pres").exercise == custom("bench pres")
    assert not mine.lookup("bench pres").corrected
    for text in ("bench press", "bp"):
        found = mine.lookup(text).exercise
        assert found is not None and found.key == "bench-press" and not found.custom


def test_custom_with_a_built_in_key_is_shadowed() -> None:
    mine = CATALOGUE.with_custom([Exercise("deadlift", "my deadlift", None, custom=True)])
    assert mine.get("deadlift") == CATALOGUE.get("deadlift")
    assert len(mine) == len(CATALOGUE)


def test_with_custom_keeps_earlier_customs_and_replaces_same_key() -> None:
    first = CATALOGUE.with_custom([custom("sled drag"), custom("prowler push")])
    second = first.with_custom([custom("sled drag", "C")])
    assert second.get("prowler-push") == custom("prowler push")
    assert second.get("sled-drag") == custom("sled drag", "C")
    assert len(second) == len(CATALOGUE) + 2


def test_custom_misspelling_is_suggested_or_corrected() -> None:
    mine = CATALOGUE.with_custom([custom("jefferson curl")])
    found = mine.lookup("jeferson curl")
    assert found.exercise == custom("jefferson curl")
    assert found.corrected


def test_a_catalogue_rejects_clashing_names() -> None:
    squat = Exercise("squat", "squat", "A", aliases=("sq",))
    with pytest.raises(ValueError):
        Catalogue([squat, Exercise("split-squat", "split squat", "B", aliases=("sq",))])
    with pytest.raises(ValueError):
        Catalogue([squat, squat])
    with pytest.raises(ValueError):
        Catalogue([squat], ambiguous={"s": ("squat", "missing")})


def test_a_small_catalogue_with_its_own_ambiguity() -> None:
    pull = Exercise("pull-up", "pull-up", "B")
    push = Exercise("push-up", "push-up", "C")
    small = Catalogue([pull, push], ambiguous={"pu": ("pull-up", "push-up")})
    assert small.lookup("pu").ambiguous == (pull, push)
    assert small.lookup("pushups").exercise == push
    assert len(small) == 2 and list(small) == [pull, push]


def test_search_for_autocomplete() -> None:
    assert CATALOGUE.search("bench")[0].key == "bench-press"
    assert all("bench" in e.name or any("bench" in a for a in e.aliases)
               for e in CATALOGUE.search("bench"))
    assert [e.key for e in CATALOGUE.search("skull")][:1] == ["skullcrusher"]
    curls = CATALOGUE.search("curl", limit=5)
    assert len(curls) == 5 and curls[0].key == "dumbbell-curl"
    everything = CATALOGUE.search("", limit=10)
    assert [e.name for e in everything] == sorted(e.name for e in CATALOGUE)[:10]
    assert CATALOGUE.search("dumbel curl")[0].key == "dumbbell-curl"
    assert CATALOGUE.search("squat", limit=0) == ()
    mine = CATALOGUE.with_custom([custom("sled drag")])
    assert mine.search("sled") == (custom("sled drag"),)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Back Squat", "back-squat"), ("farmer's carry", "farmers-carry"),
        ("T-Bar Row", "t-bar-row"), ("  Zercher   squat!! ", "zercher-squat"),
        ("clean & jerk", "clean-and-jerk"), ("", ""),
    ],
)
def test_slugify(name: str, key: str) -> None:
    assert slugify(name) == key


def test_default_catalogue_is_built_once() -> None:
    assert default_catalogue() is default_catalogue()


def test_data_module_stands_alone() -> None:
    source = Path(catalogue_data.__file__).read_text("utf-8")
    imports = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Import | ast.ImportFrom)]
    assert [getattr(n, "module", None) for n in imports] == ["__future__"]

