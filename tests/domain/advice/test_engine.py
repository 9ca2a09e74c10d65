"""Table-driven tests for the advice engine: each rule fires, and stays quiet, at its edge."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from bot.domain.advice.checks import RULE_CHECKS
from bot.domain.advice.engine import MAX_ITEMS, TIER_INDEPENDENT, advise, evaluate
from bot.domain.advice.rules import RULES
from bot.domain.catalogue.muscles import muscle_weights
from bot.domain.figures.volume import hard_sets_per_muscle, volume_notes
from bot.domain.models import (
    Advice,
    Exercise,
    Goal,
    Profile,
    SetRecord,
    Soreness,
    StoredEntry,
    Technique,
)

NOW = datetime(2026, 3, 11, 18, 0, tzinfo=UTC)

SQUAT = Exercise(
    key="back-squat",
    name="Back squat",
    tier="A",
    primary=("quadriceps", "glutes"),
    secondary=("hamstrings", "lower back"),
)
DEADLIFT = Exercise(
    key="deadlift",
    name="Deadlift",
    tier="A",
    primary=("hamstrings", "lower back"),
    secondary=("glutes", "quadriceps"),
)
BENCH = Exercise(
    key="bench-press",
    name="Bench press",
    tier="B",
    primary=("chest",),
    secondary=("triceps", "shoulders"),
)
LEG_PRESS = Exercise(
    key="leg-press",
    name="Leg press",
    tier="C",
    primary=("quadriceps",),
    secondary=("glutes", "hamstrings"),
)
CURL = Exercise(
    key="barbell-curl",
    name="Barbell curl",
    tier="D",
    primary=("biceps",),
    secondary=("forearms",),
)
FLY = Exercise(key="cable-fly", name="Cable fly", tier="D", primary=("chest",))
SLED = Exercise(
    key="sled-push",
    name="Sled push",
    tier=None,
    primary=("quadriceps",),
    secondary=("glutes",),
    custom=True,
)

_ids = itertools.count(100)


def s(
    reps: int | None = 5,
    rir: float | None = None,
    *,
    f: bool = False,
    technique: Technique | None = None,
    warmup: bool = False,
    amrap: bool = False,
) -> SetRecord:
    return SetRecord(
        reps=reps,
        load_kg=100.0,
        rir=rir,
        failure=f,
        technique=technique,
        warmup=warmup,
        amrap=amrap,
    )


def sets(n: int, reps: int = 5, rir: float | None = None, *, f: bool = False) -> list[SetRecord]:
    return [s(reps, rir, f=f) for _ in range(n)]


def e(
    exercise: Exercise,
    the_sets: Sequence[SetRecord],
    *,
    ago: timedelta = timedelta(0),
    local: date | None = None,
) -> StoredEntry:
    at = NOW - ago
    return StoredEntry(
        entry_id=next(_ids),
        exercise=exercise,
        sets=tuple(the_sets),
        performed_at=at,
        local_date=local if local is not None else at.date(),
    )


def days(n: float) -> timedelta:
    return timedelta(days=n)


def hours(n: float) -> timedelta:
    return timedelta(hours=n)


def sore(part: str, n: int, ago: timedelta = timedelta(0)) -> Soreness:
    return Soreness(body_part=part, days=n, reported_at=NOW - ago)


@dataclass(frozen=True)
class Case:
    name: str
    rule: str
    entry: StoredEntry
    fires: bool
    history: tuple[StoredEntry, ...] = ()
    goal: Goal = "general"
    soreness: tuple[Soreness, ...] = field(default=())


def fired(
    entry: StoredEntry,
    history: Sequence[StoredEntry] = (),
    goal: Goal = "general",
    soreness: Sequence[Soreness] = (),
) -> tuple[str, ...]:
    items = evaluate(entry, history, Profile(goal=goal), soreness, NOW)
    return tuple(i.rule_id for i in items)


TODAY = NOW.date()

CASES: list[Case] = [
    # A1: tier A set at RIR 0
    Case("A1 squat at failure", "A1", e(SQUAT, [s(5, 2), s(5, f=True)]), True),
    Case("A1 squat at RIR 1", "A1", e(SQUAT, [s(5, 1), s(5, 1)]), False),
    Case("A1 squat RIR unknown", "A1", e(SQUAT, [s(5), s(5)]), False),
    Case("A1 squat rpe10 as rir 0", "A1", e(SQUAT, [s(3, 0)]), True),
    Case(
        "A1 warm-up at failure ignored", "A1", e(SQUAT, [s(5, f=True, warmup=True), s(5, 2)]), False
    ),
    Case("A1 not for tier B", "A1", e(BENCH, [s(5, f=True)]), False),
    # A2: beyond failure on tier A/B
    Case("A2 drop set on bench", "A2", e(BENCH, [s(8, 2), s(8, technique="dropset")]), True),
    Case("A2 forced reps on squat", "A2", e(SQUAT, [s(5, technique="forced")]), True),
    Case("A2 plain failure on bench", "A2", e(BENCH, [s(8, 2), s(8, f=True)]), False),
    Case("A2 drop set on leg press", "A2", e(LEG_PRESS, [s(10, technique="dropset")]), False),
    Case("A2 drop set on curl", "A2", e(CURL, [s(10, technique="dropset")]), False),
    # A3: tier C/D session without a set at RIR <= 1
    Case("A3 curl all at RIR 2", "A3", e(CURL, sets(3, 10, 2)), True),
    Case("A3 curl last set RIR 1", "A3", e(CURL, [s(10, 2), s(10, 2), s(10, 1)]), False),
    Case("A3 curl last set to failure", "A3", e(CURL, [s(10, 3), s(10, f=True)]), False),
    Case("A3 curl drop set counts", "A3", e(CURL, [s(10, 3), s(10, technique="dropset")]), False),
    Case("A3 leg press partly unknown", "A3", e(LEG_PRESS, [s(10, 3), s(10)]), True),
    Case("A3 curl no RIR at all", "A3", e(CURL, sets(3, 10)), False),
    Case(
        "A3 warm-up failure does not count",
        "A3",
        e(CURL, [s(10, f=True, warmup=True), s(10, 2)]),
        True,
    ),
    Case(
        "A3 earlier curl today reached failure",
        "A3",
        e(CURL, sets(2, 10, 3)),
        False,
        history=(e(CURL, [s(10, f=True)], ago=hours(1)),),
    ),
    Case(
        "A3 curl failure yesterday does not count",
        "A3",
        e(CURL, sets(2, 10, 3)),
        True,
        history=(e(CURL, [s(10, f=True)], ago=days(1)),),
    ),
    Case(
        "A3 other exercise today does not count",
        "A3",
        e(CURL, sets(2, 10, 3)),
        True,
        history=(e(FLY, [s(10, f=True)], ago=hours(1)),),
    ),
    Case("A3 not for tier A", "A3", e(SQUAT, sets(3, 5, 3)), False),
    # A4: every working set (2+) at failure
    Case("A4 curl two sets at failure", "A4", e(CURL, sets(2, 10, f=True)), True),
    Case("A4 single failure set", "A4", e(CURL, [s(10, f=True)]), False),
    Case("A4 last set short", "A4", e(CURL, [s(10, f=True), s(10, 1)]), False),
    Case(
        "A4 warm-up does not make two",
        "A4",
        e(CURL, [s(10, f=True, warmup=True), s(10, f=True)]),
        False,
    ),
    Case("A4 unknown RIR is not failure", "A4", e(CURL, [s(10, f=True), s(10)]), False),
    Case("A4 untiered exercise", "A4", e(SLED, sets(2, 10, f=True)), True),
    # A5: tier A/B, <= 6 reps, RIR 1-3 on every working set
    Case("A5 six reps at RIR 1", "A5", e(SQUAT, sets(3, 6, 1)), True),
    Case("A5 seven reps", "A5", e(SQUAT, sets(3, 7, 1)), False),
    Case("A5 one set at failure", "A5", e(SQUAT, [s(6, 2), s(6, f=True)]), False),
    Case("A5 RIR unknown", "A5", e(SQUAT, sets(3, 5)), False),
    Case("A5 RIR 3 fires", "A5", e(BENCH, sets(3, 5, 3)), True),
    Case("A5 RIR 4 is too easy", "A5", e(BENCH, sets(3, 5, 4)), False),
    Case("A5 AMRAP without an RIR is not praised as kept short", "A5",
         e(BENCH, [s(5, 2), s(5, amrap=True)]), False),
    Case("A5 AMRAP with an RIR given", "A5", e(BENCH, [s(5, 2), s(5, 1, amrap=True)]), True),
    Case("A5 reps + RIR above 8 is not heavy", "A5", e(SQUAT, sets(3, 6, 3)), False),
    Case("A5 reps + RIR of 8", "A5", e(SQUAT, sets(3, 5, 3)), True),
    Case("A5 not for tier C", "A5", e(LEG_PRESS, sets(3, 5, 2)), False),
    Case("A5 warm-up reps ignored", "A5", e(SQUAT, [s(10, warmup=True), s(5, 2)]), True),
    # A6: tier B set at RIR 0 (not when A2 covers it)
    Case("A6 bench last set to failure", "A6", e(BENCH, [s(8, 2), s(8, 2), s(8, f=True)]), True),
    Case("A6 bench at RIR 1", "A6", e(BENCH, sets(3, 8, 1)), False),
    Case("A6 quiet when A2 fires", "A6", e(BENCH, [s(8, 2), s(8, technique="dropset")]), False),
    Case("A6 not for tier A", "A6", e(SQUAT, [s(5, f=True)]), False),
    # W1: tier A failure sets in 7 days, or > 1/3 of a muscle's hard sets at failure
    Case("W1 one tier A failure set", "W1", e(SQUAT, [s(5, 2), s(5, f=True)]), False),
    Case(
        "W1 two tier A failure sets across the week",
        "W1",
        e(SQUAT, [s(5, f=True)]),
        True,
        history=(e(DEADLIFT, [s(3, f=True)], ago=days(3)),),
    ),
    Case("W1 two in one entry", "W1", e(SQUAT, [s(5, f=True), s(5, 2), s(5, f=True)]), True),
    Case(
        "W1 earlier failure 8 days ago",
        "W1",
        e(SQUAT, [s(5, f=True)]),
        False,
        history=(e(DEADLIFT, [s(3, f=True)], ago=days(8)),),
    ),
    Case(
        "W1 entry adds no failure",
        "W1",
        e(SQUAT, [s(5, 2)]),
        False,
        history=(e(DEADLIFT, sets(2, 3, f=True), ago=days(2)),),
    ),
    Case(
        "W1 share: 3 of 6 chest sets at failure",
        "W1",
        e(FLY, [s(12, 2), s(12, 2), s(12, f=True)]),
        True,
        history=(e(FLY, [s(12, 2), s(12, f=True), s(12, f=True)], ago=days(3)),),
    ),
    Case(
        "W1 share: exactly a third is fine",
        "W1",
        e(FLY, [s(12, 2), s(12, 2), s(12, f=True)]),
        False,
        history=(e(FLY, [s(12, 2), s(12, 2), s(12, f=True)], ago=days(3)),),
    ),
    Case(
        "W1 share: under 6 hard sets is too few",
        "W1",
        e(FLY, [s(12, 2), s(12, f=True)]),
        False,
        history=(e(FLY, [s(12, 2), s(12, f=True), s(12, f=True)], ago=days(3)),),
    ),
    Case(
        "W1 not for untiered",
        "W1",
        e(SLED, sets(3, 10, f=True)),
        False,
        history=(e(SLED, sets(3, 10, f=True), ago=days(3)),),
    ),
    # W2: same exercise at failure again within 48 h
    Case(
        "W2 47 h",
        "W2",
        e(BENCH, [s(8, f=True)]),
        True,
        history=(e(BENCH, [s(8, f=True)], ago=hours(47)),),
    ),
    Case(
        "W2 exactly 48 h",
        "W2",
        e(BENCH, [s(8, f=True)]),
        True,
        history=(e(BENCH, [s(8, f=True)], ago=hours(48)),),
    ),
    Case(
        "W2 two local days before, whatever the hour",
        "W2",
        e(BENCH, [s(8, f=True)]),
        True,
        history=(e(BENCH, [s(8, f=True)], ago=hours(49)),),
    ),
    Case(
        "W2 three local days before",
        "W2",
        e(BENCH, [s(8, f=True)]),
        False,
        history=(e(BENCH, [s(8, f=True)], ago=days(3)),),
    ),
    Case(
        "W2 earlier session not at failure",
        "W2",
        e(BENCH, [s(8, f=True)]),
        False,
        history=(e(BENCH, [s(8, 1)], ago=hours(24)),),
    ),
    Case(
        "W2 this entry not at failure",
        "W2",
        e(BENCH, [s(8, 1)]),
        False,
        history=(e(BENCH, [s(8, f=True)], ago=hours(24)),),
    ),
    Case(
        "W2 same prime muscle on another exercise",
        "W2",
        e(BENCH, [s(8, f=True)]),
        True,
        history=(e(FLY, [s(8, f=True)], ago=hours(24)),),
    ),
    Case(
        "W2 another muscle",
        "W2",
        e(BENCH, [s(8, f=True)]),
        False,
        history=(e(CURL, [s(8, f=True)], ago=hours(24)),),
    ),
    Case(
        "W2 same session does not count",
        "W2",
        e(CURL, [s(8, f=True)]),
        False,
        history=(e(CURL, [s(8, f=True)], ago=hours(1)),),
    ),
    Case(
        "W2 later entry does not count",
        "W2",
        e(CURL, [s(8, f=True)], ago=days(3)),
        False,
        history=(e(CURL, [s(8, f=True)], ago=days(2)),),
    ),
    Case(
        "W2 untiered exercise",
        "W2",
        e(SLED, [s(8, f=True)]),
        True,
        history=(e(SLED, [s(8, f=True)], ago=hours(30)),),
    ),
    # W3: failure on the same tier A/B lift in each of the two previous weeks
    Case(
        "W3 days 7 and 14 back",
        "W3",
        e(BENCH, [s(8, f=True)]),
        True,
        history=(e(BENCH, [s(8, f=True)], ago=days(7)), e(BENCH, [s(8, f=True)], ago=days(14))),
    ),
    Case(
        "W3 days 3 and 10 back",
        "W3",
        e(SQUAT, [s(5, f=True)]),
        True,
        history=(e(SQUAT, [s(5, f=True)], ago=days(3)), e(SQUAT, [s(5, f=True)], ago=days(10))),
    ),
    Case(
        "W3 day 15 is too old",
        "W3",
        e(BENCH, [s(8, f=True)]),
        False,
        history=(e(BENCH, [s(8, f=True)], ago=days(7)), e(BENCH, [s(8, f=True)], ago=days(15))),
    ),
    Case(
        "W3 only last week",
        "W3",
        e(BENCH, [s(8, f=True)]),
        False,
        history=(e(BENCH, [s(8, f=True)], ago=days(3)), e(BENCH, [s(8, f=True)], ago=days(5))),
    ),
    Case(
        "W3 this entry not at failure",
        "W3",
        e(BENCH, [s(8, 1)]),
        False,
        history=(e(BENCH, [s(8, f=True)], ago=days(3)), e(BENCH, [s(8, f=True)], ago=days(10))),
    ),
    Case(
        "W3 not for isolation",
        "W3",
        e(CURL, [s(8, f=True)]),
        False,
        history=(e(CURL, [s(8, f=True)], ago=days(3)), e(CURL, [s(8, f=True)], ago=days(10))),
    ),
    # W4: a body part sore for 5+ days that this exercise trains
    Case(
        "W4 3 days reported 2 days ago",
        "W4",
        e(LEG_PRESS, sets(3, 10, 1)),
        True,
        soreness=(sore("quadriceps", 3, days(2)),),
    ),
    Case(
        "W4 3 days reported 1 day ago",
        "W4",
        e(LEG_PRESS, sets(3, 10, 1)),
        False,
        soreness=(sore("quadriceps", 3, days(1)),),
    ),
    Case("W4 alias quads", "W4", e(LEG_PRESS, sets(3, 10, 1)), True, soreness=(sore("Quads", 5),)),
    Case("W4 group legs", "W4", e(LEG_PRESS, sets(3, 10, 1)), True, soreness=(sore("legs", 6),)),
    # "back" is the group (lats, middle back, traps, lower back), stored as named.
    Case("W4 group back covers the lower back", "W4", e(DEADLIFT, sets(3, 5, 2)), True,
         soreness=(sore("back", 6),)),
    Case("W4 group back is not the legs", "W4", e(LEG_PRESS, sets(3, 10, 1)), False,
         soreness=(sore("back", 6),)),
    Case(
        "W4 secondary muscle",
        "W4",
        e(SQUAT, sets(3, 5, 2)),
        True,
        soreness=(sore("hamstrings", 7),),
    ),
    Case(
        "W4 other body part",
        "W4",
        e(LEG_PRESS, sets(3, 10, 1)),
        False,
        soreness=(sore("chest", 7),),
    ),
    Case(
        "W4 report older than 14 days",
        "W4",
        e(LEG_PRESS, sets(3, 10, 1)),
        False,
        soreness=(sore("quadriceps", 5, days(15)),),
    ),
    Case(
        "W4 cleared report (0 days)",
        "W4",
        e(LEG_PRESS, sets(3, 10, 1)),
        False,
        soreness=(sore("quadriceps", 0, days(6)),),
    ),
    Case("W4 untiered exercise", "W4", e(SLED, sets(3, 10, 1)), True, soreness=(sore("quads", 6),)),
    Case(
        "W4 isolation secondary still trains it",
        "W4",
        e(CURL, sets(3, 10, 1)),
        True,
        soreness=(sore("forearm", 5),),
    ),
    # W5: hypertrophy goal, session average RIR >= 4
    Case("W5 average 4", "W5", e(CURL, sets(3, 10, 4)), True, goal="hypertrophy"),
    Case(
        "W5 average 3.67", "W5", e(CURL, [s(10, 4), s(10, 4), s(10, 3)]), False, goal="hypertrophy"
    ),
    Case("W5 not for general goal", "W5", e(CURL, sets(3, 10, 6)), False),
    Case("W5 not for strength goal", "W5", e(CURL, sets(3, 10, 6)), False, goal="strength"),
    Case(
        "W5 same-day entries raise the average",
        "W5",
        e(CURL, sets(2, 10, 3)),
        True,
        history=(e(FLY, sets(2, 10, 5), ago=hours(1)),),
        goal="hypertrophy",
    ),
    Case(
        "W5 other days ignored",
        "W5",
        e(CURL, sets(2, 10, 3)),
        False,
        history=(e(FLY, sets(4, 10, 6), ago=days(1)),),
        goal="hypertrophy",
    ),
    Case("W5 unknown RIR ignored", "W5", e(CURL, sets(3, 10)), False, goal="hypertrophy"),
    Case("W5 untiered exercise", "W5", e(SLED, sets(3, 10, 5)), True, goal="hypertrophy"),
    # W6: > 20 hard sets in 7 days for a primary muscle
    Case(
        "W6 20 chest sets",
        "W6",
        e(BENCH, sets(4, 8, 2)),
        False,
        history=(e(FLY, sets(16, 12, 2), ago=days(2)),),
    ),
    Case(
        "W6 21 chest sets",
        "W6",
        e(BENCH, sets(5, 8, 2)),
        True,
        history=(e(FLY, sets(16, 12, 2), ago=days(2)),),
    ),
    Case(
        "W6 unknown RIR counts as hard",
        "W6",
        e(BENCH, sets(5, 8)),
        True,
        history=(e(FLY, sets(16, 12), ago=days(2)),),
    ),
    Case(
        "W6 RIR 5 is not a hard set",
        "W6",
        e(BENCH, sets(5, 8, 5)),
        False,
        history=(e(FLY, sets(16, 12, 2), ago=days(2)),),
    ),
    Case(
        "W6 older than 7 days ignored",
        "W6",
        e(BENCH, sets(5, 8, 2)),
        False,
        history=(e(FLY, sets(16, 12, 2), ago=days(7)),),
    ),
    Case(
        "W6 secondary muscles are not checked",
        "W6",
        e(BENCH, sets(5, 8, 2)),
        False,
        history=(e(Exercise("dips", "Dips", "B", ("triceps",)), sets(20, 8, 2), ago=days(1)),),
    ),
    Case(
        "W6 not for untiered",
        "W6",
        e(SLED, sets(5, 8, 2)),
        False,
        history=(e(LEG_PRESS, sets(20, 10, 2), ago=days(1)),),
    ),
    # W7: a working set at RIR >= 5 or more than 12 reps
    Case("W7 12 reps", "W7", e(CURL, sets(3, 12, 1)), False),
    Case("W7 13 reps", "W7", e(CURL, [s(12, 1), s(13, 1)]), True),
    Case("W7 RIR 4", "W7", e(CURL, sets(3, 10, 4)), False),
    Case("W7 RIR 5", "W7", e(CURL, sets(3, 10, 5)), True),
    Case("W7 long warm-up ignored", "W7", e(SQUAT, [s(20, warmup=True), s(5, 2)]), False),
    Case("W7 untiered exercise", "W7", e(SLED, [s(20, 1)]), True),
    # W8: strength goal, tier A/B/C set at failure
    Case("W8 squat at failure", "W8", e(SQUAT, [s(3, f=True)]), True, goal="strength"),
    Case("W8 leg press at failure", "W8", e(LEG_PRESS, [s(8, f=True)]), True, goal="strength"),
    Case("W8 squat at RIR 1", "W8", e(SQUAT, [s(3, 1)]), False, goal="strength"),
    Case("W8 curl is not a compound", "W8", e(CURL, [s(8, f=True)]), False, goal="strength"),
    Case("W8 hypertrophy goal", "W8", e(SQUAT, [s(3, f=True)]), False, goal="hypertrophy"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_rule_fires_at_its_edge(case: Case) -> None:
    ids = fired(case.entry, case.history, case.goal, case.soreness)
    assert (case.rule in ids) is case.fires, ids


def test_every_rule_has_a_firing_and_a_quiet_case() -> None:
    for rule_id in RULES:
        outcomes = {c.fires for c in CASES if c.rule == rule_id}
        assert outcomes == {True, False}, rule_id


def test_every_rule_has_a_check() -> None:
    assert set(RULE_CHECKS) == set(RULES)


# ------------------------------------------------------------------------ untiered


def test_untiered_gets_only_tier_independent_rules() -> None:
    entry = e(SLED, [s(15, technique="dropset"), s(15, f=True), s(15, f=True)])
    history = (
        e(SLED, sets(3, 15, f=True), ago=hours(30)),
        e(SLED, sets(3, 15, f=True), ago=days(9)),
        e(LEG_PRESS, sets(25, 10, 0), ago=days(1)),
    )
    ids = fired(entry, history, "strength", (sore("quads", 9),))
    assert set(ids) <= TIER_INDEPENDENT
    assert set(ids) == {"A4", "W2", "W4"}


def test_untiered_fit_note_asks_for_a_tier_even_with_items() -> None:
    advice = advise(e(SLED, sets(2, 10, f=True)), [], Profile(), [], NOW)
    assert advice.rule_ids == ("A4",)
    assert advice.fit_note is not None
    assert "/exercise Sled push tier:X" in advice.fit_note


def test_untiered_fit_note_when_nothing_fires() -> None:
    advice = advise(e(SLED, sets(3, 10, 2)), [], Profile(), [], NOW)
    assert advice.items == ()
    assert advice.fit_note is not None and "tier:" in advice.fit_note


# ------------------------------------------------------------------- order and cap


def test_order_warnings_then_cautions_then_praise() -> None:
    entry = e(SQUAT, sets(3, 5, 2))
    advice = advise(entry, [], Profile(), [sore("glutes", 6)], NOW)
    assert advice.rule_ids == ("W4", "A5")
    assert [i.severity for i in advice.items] == ["warning", "praise"]
    assert advice.fit_note is None


def test_cap_at_three_keeps_the_most_important() -> None:
    entry = e(SQUAT, [s(5, f=True), s(5, technique="forced")])
    history = [e(SQUAT, [s(5, f=True)], ago=hours(30))]
    everything = fired(entry, history, "strength", (sore("quads", 8),))
    assert everything == ("W1", "W2", "W4", "A1", "A2", "A4", "W8")
    advice = advise(entry, history, Profile(goal="strength"), [sore("quads", 8)], NOW)
    assert len(advice.items) == MAX_ITEMS
    assert advice.rule_ids == ("W1", "W2", "W4")


def test_cautions_in_rule_id_order() -> None:
    entry = e(SQUAT, [s(5, f=True), s(5, technique="forced")])
    advice = advise(entry, [], Profile(goal="strength"), [], NOW)
    # W1 (two tier A failure sets in this entry) leads; then cautions by id.
    assert advice.rule_ids == ("W1", "A1", "A2")
    assert fired(entry, (), "strength") == ("W1", "A1", "A2", "A4", "W8")


def test_item_text_is_summary_plus_one_detail() -> None:
    entry = e(SQUAT, [s(5, f=True)])
    history = [e(DEADLIFT, [s(3, f=True), s(3, f=True)], ago=days(2))]
    advice = advise(entry, history, Profile(), [], NOW)
    w1 = advice.items[0]
    assert w1.rule_id == "W1" and w1.severity == "warning"
    assert w1.text.startswith(RULES["W1"].summary)
    assert "3 failure sets on tier A lifts" in w1.text
    assert "rule of thumb" in w1.text


def test_praise_text_is_the_summary() -> None:
    advice = advise(e(BENCH, sets(3, 5, 2)), [], Profile(), [], NOW)
    assert advice.rule_ids == ("A5",)
    assert advice.items[0].text == RULES["A5"].summary


def test_severity_of_items_comes_from_the_rule() -> None:
    entry = e(SQUAT, [s(5, f=True), s(5, technique="forced")])
    for item in evaluate(entry, [], Profile(goal="strength"), [], NOW):
        assert item.severity == RULES[item.rule_id].severity


# ------------------------------------------------------------------------ fit notes


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (e(SQUAT, sets(3, 8, 2)), "Tier A"),
        (e(BENCH, sets(3, 10, 2)), "Tier B"),
        (e(LEG_PRESS, [s(10, 2), s(10, 1)]), "Tier C"),
        (e(CURL, [s(10, 2), s(10, f=True)]), "Tier D"),
        (e(SQUAT, sets(3, 8)), "No effort logged"),
    ],
)
def test_fit_note_when_nothing_fires(entry: StoredEntry, expected: str) -> None:
    advice = advise(entry, [], Profile(), [], NOW)
    assert advice == Advice(items=(), fit_note=advice.fit_note)
    assert advice.fit_note is not None and expected in advice.fit_note


def test_no_fit_note_when_an_item_fires() -> None:
    assert advise(e(SQUAT, [s(5, f=True)]), [], Profile(), [], NOW).fit_note is None


def test_warmups_only_get_no_advice() -> None:
    entry = e(SQUAT, [s(5, f=True, warmup=True), s(20, warmup=True)])
    advice = advise(entry, [], Profile(goal="strength"), [sore("quads", 9)], NOW)
    assert advice.items == ()
    assert advice.fit_note is not None and "warm-up" in advice.fit_note


# ------------------------------------------------------------------ input handling


def test_naive_now_is_rejected() -> None:
    with pytest.raises(ValueError, match="aware"):
        advise(e(SQUAT, sets(3, 5, 2)), [], Profile(), [], NOW.replace(tzinfo=None))


def test_entry_repeated_in_history_is_ignored() -> None:
    entry = e(SQUAT, [s(5, f=True)])
    assert "W1" not in fired(entry, [entry])
    assert "W2" not in fired(entry, [entry])


def test_history_order_does_not_matter() -> None:
    entry = e(BENCH, [s(8, f=True)])
    history = [
        e(BENCH, [s(8, f=True)], ago=days(10)),
        e(BENCH, [s(8, f=True)], ago=days(3)),
        e(BENCH, [s(8, f=True)], ago=hours(40)),
    ]
    assert fired(entry, history) == fired(entry, list(reversed(history)))


def test_other_timezones_are_fine() -> None:
    east = timezone(timedelta(hours=9))
    entry = e(SQUAT, [s(5, f=True)])
    assert evaluate(entry, [], Profile(), [], NOW.astimezone(east)) == evaluate(
        entry, [], Profile(), [], NOW
    )


# ------------------------------------------------------------------------- volume


def test_weekly_volume_counts_hard_sets_with_half_secondaries() -> None:
    history = [
        e(SQUAT, sets(3, 5, 2), ago=days(1)),
        e(BENCH, [s(8, 2), s(8, 5), s(8, warmup=True)], ago=days(2)),
        e(CURL, sets(2, 10, 1), ago=days(3)),
    ]
    assert weekly_volume(history) == {
        "quadriceps": 3.0,
        "glutes": 3.0,
        "hamstrings": 1.5,
        "lower back": 1.5,
        "chest": 1.0,
        "triceps": 0.5,
        "shoulders": 0.5,
        "biceps": 2.0,
    }


def weekly_volume(entries: Sequence[StoredEntry]) -> dict[str, float]:
    return hard_sets_per_muscle(entries, NOW.date())


def test_weekly_volume_counts_unknown_rir_as_hard() -> None:
    assert weekly_volume([e(CURL, sets(3, 10))]) == {"biceps": 3.0}


@pytest.mark.parametrize(("rir", "counted"), [(4.0, 1.0), (4.5, 0.0), (5.0, 0.0), (0.0, 1.0)])
def test_weekly_volume_hard_set_edge(rir: float, counted: float) -> None:
    assert weekly_volume([e(CURL, [s(10, rir)])]).get("biceps", 0.0) == counted


# The week is the last 7 local dates, today included: 6 days and 23 hours ago fell on
# the 7th local date back, which is outside (it counted under the old instant window).
@pytest.mark.parametrize(("ago", "counted"), [
    (days(6), True), (days(6) + hours(18), True), (days(6) + hours(18.01), False),
    (days(6.99), False), (days(7), False), (-days(1), False),
])
def test_weekly_volume_window_edge(ago: timedelta, counted: bool) -> None:
    assert bool(weekly_volume([e(CURL, [s(10, 1)], ago=ago)])) is counted


def test_weekly_volume_counts_each_entry_once() -> None:
    entry = e(CURL, sets(3, 10, 1))
    assert weekly_volume([entry, entry]) == {"biceps": 3.0}


def test_muscle_weights() -> None:
    assert muscle_weights(BENCH) == {"chest": 1.0, "triceps": 0.5, "shoulders": 0.5}
    assert muscle_weights(CURL) == {"biceps": 1.0}
    assert muscle_weights(SLED) == {"quadriceps": 1.0, "glutes": 0.5}
    both = Exercise("x", "X", "A", primary=("Glutes",), secondary=("glutes",))
    assert muscle_weights(both) == {"glutes": 1.0}


@pytest.mark.parametrize(
    ("volume", "flagged"),
    [
        ({"chest": 20.0}, ()),
        ({"chest": 20.5}, ("chest",)),
        ({"biceps": 10.0}, ()),
        ({"biceps": 9.5}, ("biceps",)),
        ({"calves": 0.0}, ()),
        ({"lats": 4.0, "chest": 22.0, "biceps": 12.0}, ("chest", "lats")),
    ],
)
def test_volume_notes(volume: dict[str, float], flagged: tuple[str, ...]) -> None:
    notes = volume_notes(volume)
    assert tuple(n.split(":")[0] for n in notes) == flagged
    for note in notes:
        assert "(W6)" in note and "rough" in note


def test_volume_notes_say_which_side() -> None:
    high, low = volume_notes({"chest": 24.0, "biceps": 6.0})
    assert high.startswith("chest: 24 hard sets") and "above" in high
    assert low.startswith("biceps: 6 hard sets") and "below" in low


@pytest.mark.parametrize(("n", "words"), [(2, "both sets"), (3, "all 3 sets")])
def test_a4_detail_counts_the_sets(n: int, words: str) -> None:
    advice = advise(e(CURL, sets(n, 10, f=True)), [], Profile(), [], NOW)
    assert advice.rule_ids == ("A4",)
    assert f"Here: {words} today at failure." in advice.items[0].text
