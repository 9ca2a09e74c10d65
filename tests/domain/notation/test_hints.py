"""Every refusal's hint points the right way: doing what it says gives the reading meant.

One row per refusal the parser can give: the line refused, a piece of the error, and
the line written the way the hint says, with what it must then read as.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest

from bot.domain.models import LogEntry, ParseError
from tests.domain.notation.rows import parse

Check = Callable[[tuple[LogEntry, ...]], bool]


@dataclass(frozen=True)
class Hint:
    bad: str
    error: str  # a piece of the error
    fixed: str  # the line written as the hint says
    reads: Check  # what the fixed line must read as

    def __str__(self) -> str:
        return self.bad.replace("\n", " / ")[:50] or "empty"


def sets(n: int) -> Check:
    return lambda es: len(es) == 1 and len(es[0].sets) == n


def first(check: Callable[[LogEntry], bool]) -> Check:
    return lambda es: check(es[0])


HINTS: list[Hint] = [
    Hint("squat 5x5 @100kg @110kg", "two loads", "squat 100kg 5x5",
         first(lambda e: {s.load_kg for s in e.sets} == {100.0})),
    Hint("squat 5x5 bench 3x8", "second exercise", "squat 5x5; bench 3x8",
         lambda es: [e.exercise.key for e in es] == ["back-squat", "bench-press"]),
    Hint("leg press f heavy 3x10", '"heavy" means before', "leg press 3x10 f heavy",
         first(lambda e: e.note == "heavy" and all(s.failure for s in e.sets))),
    Hint("squat 5x5 last", '"last" needs a marker', "squat 5x5 last set f",
         first(lambda e: [s.failure for s in e.sets] == [False] * 4 + [True])),
    Hint("pullups 3 x max reps", "reps you got", "pullups 10,8,7 amrap",
         first(lambda e: [s.reps for s in e.sets] == [10, 8, 7] and e.sets[-1].amrap)),
    Hint("squat 5x5 @1200kg", "1200 kg", "squat 5x5 @120kg",
         first(lambda e: e.sets[0].load_kg == 120.0)),
    Hint("squat 5x5 @100-110", "range", "squat 100x5, 110x5",
         first(lambda e: [s.load_kg for s in e.sets] == [100.0, 110.0])),
    Hint("bench 3x8-120", "120 reps", "bench 3x8-12", first(lambda e: e.sets[0].reps_max == 12)),
    Hint("squat 5x5.5", "whole number", "squat 5x5", sets(5)),
    Hint("curl 3x10-8", "counts down", "curl 10,8",
         first(lambda e: [s.reps for s in e.sets] == [10, 8])),
    Hint("squat 5x0", "at least 1 rep", "squat 1x1 f",
         first(lambda e: e.sets[0].reps == 1 and e.sets[0].failure)),
    Hint("squat 100x101", "101 reps", "squat 100x10", first(lambda e: e.sets[0].reps == 10)),
    Hint("squat 2.5 sets of 5", "not a number of sets", "squat 3x5", sets(3)),
    Hint("squat 25 sets of 5", "25 sets", "squat 5 sets of 5", sets(5)),
    Hint("squat 5x5 rir 20s", "not an effort", "squat 5x5 rir 2",
         first(lambda e: e.sets[0].rir == 2.0)),
    Hint("squat 5x5 rpe 11", "RPE 11", "squat 5x5 rpe 10", first(lambda e: e.sets[0].failure)),
    Hint("squat 5x5 rir 12", "RIR 12", "squat 5x5 rir 2", first(lambda e: e.sets[0].rir == 2.0)),
    Hint("squat 10-8x5", "before the x is a range", "squat 3x8-10",
         first(lambda e: (e.sets[0].reps, e.sets[0].reps_max) == (8, 10))),
    Hint("squat 5x5x5", "which of 5, 5 and 5", "squat 5x5x5kg",
         first(lambda e: len(e.sets) == 5 and e.sets[0].load_kg == 5.0)),
    Hint("squat rir2", "no sets", "squat 5x5 rir2", sets(5)),
    Hint("bench 3x8 rir 2,1", "2 values for 3", "bench 3x8 rir 2,1,0",
         first(lambda e: [s.rir for s in e.sets] == [2.0, 1.0, 0.0])),
    Hint("squat 5x5 rir2 f", "both give the effort", "squat 5x5 f",
         first(lambda e: all(s.failure for s in e.sets))),
    Hint("curl 3x10 last 5 sets f", "only 3 set", "curl 3x10 last 2 sets f",
         first(lambda e: [s.failure for s in e.sets] == [False, True, True])),
    Hint("squat 5x5 100-110", "can't tell what 100-110", "squat 5x5 100kg",
         first(lambda e: e.sets[0].load_kg == 100.0)),
    Hint("squat 100", "load or the reps", "squat 100x5",
         first(lambda e: (e.sets[0].load_kg, e.sets[0].reps) == (100.0, 5))),
    Hint("dips +kg 3x8", "+ needs a number", "dips +20kg 3x8",
         first(lambda e: e.sets[0].bodyweight and e.sets[0].load_kg == 20.0)),
    Hint("pull-up 3x8 bw-20", "Assisted", "pull-up 3x8 bw", first(lambda e: e.sets[0].bodyweight)),
    Hint("sled push 4x20yd", "metres", "sled push 4x18m", first(lambda e: e.sets[0].meters == 18)),
    Hint("plank 3x30-45s", "one duration", "plank 3x45s", first(lambda e: e.sets[0].seconds == 45)),
    Hint("plank 3x0s", "not a duration", "plank 3x60s", first(lambda e: e.sets[0].seconds == 60)),
    Hint("squat 100x", "needs a number after it", "squat 100x5", sets(1)),
    Hint("squat 100x5x", "needs a number after it", "squat 100x5x3", sets(3)),
    Hint("squat 100x5x3x2", "more than three", "squat 100kg x 5 x 3", sets(3)),
    Hint("bench 3 sets", "how many reps", "bench 3 sets of 8", sets(3)),
    Hint("bench 3 sets of 8,8", "2 rep counts", "bench 3 sets of 8,8,7",
         first(lambda e: [s.reps for s in e.sets] == [8, 8, 7])),
    Hint("squat x", "needs reps after it", "squat 100x5", sets(1)),
    Hint("curl 3x10 @ 10,12", "2 loads after @", "curl 3x10 @ 10,12,14",
         first(lambda e: [s.load_kg for s in e.sets] == [10.0, 12.0, 14.0])),
    Hint("squat 100/110/120x3,2", "3 loads but 2", "squat 100/110/120x3",
         first(lambda e: [s.reps for s in e.sets] == [3, 3, 3])),
    Hint("squat 5x5 @100kg rp", "rest-pause or an RPE", "squat 5x5 @100kg rest-pause",
         first(lambda e: e.sets[-1].technique == "rest-pause")),
    Hint("squat kg 5x5", '"kg" needs a number', "squat 100kg 5x5",
         first(lambda e: e.sets[0].load_kg == 100.0)),
    Hint("squat 5x5 rir", "needs a number after it", "squat 5x5 rir 2",
         first(lambda e: e.sets[0].rir == 2.0)),
    Hint("squat 5x5 @", "load or an RPE", "squat 5x5 @100kg",
         first(lambda e: e.sets[0].load_kg == 100.0)),
    Hint("squat 5x5 2026-02-30", "not a date", "squat 5x5 2026-11-24",
         first(lambda e: e.performed_on == date(2026, 11, 24))),
    Hint("squat 5x5 31 nov", "31 nov", "squat 5x5 30 nov",
         first(lambda e: e.performed_on == date(2025, 11, 30))),
    Hint("squat 5x5 yesterday mon", "two dates", "squat 5x5 mon",
         first(lambda e: e.performed_on == date(2026, 11, 23))),
    Hint("squat 5x5 2027-01-01", "future", "squat 5x5 yesterday",
         first(lambda e: e.performed_on == date(2026, 11, 25))),
    Hint("squat 5x5 2024-01-01", "more than a year", "squat 5x5 2026-01-01",
         first(lambda e: e.performed_on == date(2026, 1, 1))),
    Hint("5x5", "exercise name", "squat 5x5", first(lambda e: e.exercise.key == "back-squat")),
    Hint("5x5 @100\n3x3", "exercise name", "squat 5x5 @100\n3x3", sets(8)),
    Hint("pu 3x10", "more than one exercise", "pull-up 3x10",
         first(lambda e: e.exercise.key == "pull-up")),
    Hint("squat 100x5 yesterday\n110x3 mon", "second date", "squat 100x5 yesterday\n110x3",
         first(lambda e: len(e.sets) == 2 and e.performed_on == date(2026, 11, 25))),
    Hint("squat 5x5\nbench", "no sets", "squat 5x5\nbench\n3x8",
         lambda es: [e.exercise.key for e in es] == ["back-squat", "bench-press"]),
    Hint("yesterday", "no exercise follows", "yesterday\nsquat 5x5",
         first(lambda e: e.performed_on == date(2026, 11, 25))),
    Hint("squat 5x5 mon\nbench 3x8\ndl 1x5 tue", "which day", "squat 5x5 mon\nbench 3x8 mon\n"
         "dl 1x5 tue", lambda es: [e.performed_on.day for e in es if e.performed_on]
         == [23, 23, 24]),
    Hint("Week 3", "no exercise", "Week 3\nsquat 5x5", first(lambda e: e.note == "Week 3")),
    Hint("squat 20 sets of 5, 1x5", "21 sets", "squat 20 sets of 5\nsquat 1x5",
         lambda es: [len(e.sets) for e in es] == [20, 1]),
    Hint("squat\n5x5\n5x5\n5x5\n5x5\n1x1", "21 sets", "squat\n5x5\n5x5\n5x5\n5x5\nsquat 1x1",
         lambda es: [len(e.sets) for e in es] == [20, 1]),
    Hint("curl <@&1234> 3x10", "mention", "curl 3x10", sets(3)),
    Hint("", "nothing to log", "squat 5x5", sets(5)),
    Hint("; ".join(["curl 3x10"] * 21), "21 exercises", "; ".join(["curl 3x10"] * 20),
         lambda es: len(es) == 20),
    Hint("squat 5x5 " + "x" * 500, "characters long", "squat 5x5", sets(5)),
]


@pytest.mark.parametrize("hint", HINTS, ids=str)
def test_the_hint_points_the_right_way(hint: Hint) -> None:
    refused = parse(hint.bad)
    assert isinstance(refused, ParseError), refused
    assert hint.error.lower() in refused.error.lower(), refused.error
    assert refused.hint.strip() and refused.example.strip()
    example = parse(refused.example)
    assert isinstance(example, tuple), (refused.example, example)
    fixed = parse(hint.fixed)
    assert isinstance(fixed, tuple), (hint.fixed, fixed)
    assert hint.reads(fixed), fixed


def test_every_hint_of_the_parser_has_a_row() -> None:
    """The distinct hints the rows reach are as many as the parser's refusals that text
    can reach (the last-resort safety net and the guard of a load waiting for sets
    cannot be reached from text)."""
    hints = set()
    for hint in HINTS:
        refused = parse(hint.bad)
        assert isinstance(refused, ParseError)
        hints.add(refused.hint)
    assert len(hints) >= 50
