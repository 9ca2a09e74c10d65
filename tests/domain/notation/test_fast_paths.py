"""The fast readers say exactly what the full ones say, on every combination of pieces.

``quick_sets`` (the everyday line's notation) is compared with the grammar, and
``express_entry`` (the everyday one-line message) with the full reader; a fast reader
may decline (None) but never read a line differently.
"""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from bot.domain.catalogue.lookup import default_catalogue
from bot.domain.models import SetRecord
from bot.domain.notation import parse as parsing
from bot.domain.notation.amounts import Stop
from bot.domain.notation.express import express_entry
from bot.domain.notation.grammar import LineGrammar
from bot.domain.notation.lexer import normalize, tokenize
from bot.domain.notation.quick import quick_sets
from bot.domain.notation.values import log_entry, set_record

CAT = default_catalogue()
TODAY = date(2026, 11, 26)
LEADS = ["", "100kg ", "bw "]
GROUPS = ["5x5", "3x8-12", "3 sets of 8", "3 sets x 8 reps", "8,8,7", "5/5/5", "100x5",
          "100kg x 5 x 3", "135x8,8,7", "175x5, 175x5, 170x6", "60x5 80x3 100x5x3", "12x15,12",
          "3x10,10,8", "80x8x3", "225lb x 5", "bw x 12, 10, 8", "bw+20 x 8", "20s x 12 x 3",
          "12.5x10", "21x3", "16x10", "4x55", "3x0", "10-8x5", "3x10-8", "25 sets of 5",
          "2x15+", "100x5, 3x3", "60,80,100x5", "3x8 85,85,80"]
APARTS = ["", " @60kg", " @ 40", " 100kg", " 100", " +20kg", " bw", " @8", " @12.5"]
MARKS = ["", " rir2", " rir 1-2", " 2rir", " rpe8", " @8", " RPE 8.5", " @rpe9", " rir 2,1,0",
         " f", " to failure", " dropset", " amrap", " wu", " rir 12", " 2 rir"]


def grammar_sets(text: str, unit: str, warmup: bool) -> tuple[SetRecord, ...] | str:
    tokens, _ = tokenize(normalize(text))
    grammar = LineGrammar(tokens, unit, CAT)  # type: ignore[arg-type]
    try:
        grammar.run(0, warmup=warmup)
        sets = grammar.build("x")
    except Stop as stop:
        return "refused: " + stop.error.error
    if grammar.flags or grammar.note_at is not None:
        return f"flags {grammar.flags}, note at {grammar.note_at}"
    return sets


@pytest.mark.parametrize("lead", LEADS)
def test_quick_reads_as_the_grammar_does(lead: str) -> None:
    compared = 0
    for group, apart, mark in itertools.product(GROUPS, APARTS, MARKS):
        text = lead + group + apart + mark
        for unit, warmup in (("kg", False), ("lb", True)):
            tokens, _ = tokenize(normalize(text))
            quick = quick_sets(tokens, 0, unit, warmup)  # type: ignore[arg-type]
            if quick is None:
                continue
            compared += 1
            assert quick == grammar_sets(text, unit, warmup), text
    assert compared > 100


NAMES = ["squat", "Bench Press:", "pull-ups", "farmer's walk", "wu squat", "squat for",
         "i did bench", "zottman curl", "pu", "plank", "SQUAT", "monday squat", "pr squat",
         "lateral raise", "dead hang"]
SCHEMES = ["5x5", "3x8-12", "3 sets of 8", "8,8,7", "10/8", "100x5", "100kg x 5 x 3",
           "135 x 8, 8, 7", "12x15,12", "80x8x3", "225lb x 5", "16x10", "4x55", "3x0",
           "3x10-8", "100x55", "3x101", "3X5", "3×8", "102,5x5", "25,5", "bw x 12, 10, 8",
           "bw+20 x 8", "bw x 8 x 3", "20s x 12 x 3", "20sx12", "175x5, 175x5, 170x6",
           "60x5 80x3 100x5x3", "100x5, 3x3", "100x5 5x3", "3x60s", "3x60 s", "4x40m",
           "3x1min", "60 sec", "2x1.5min", "15x30s", "3x0s", "5km", "3x40 m", "1x90000s"]
EXPRESS_APARTS = ["", " @60kg", " 100", " @100", " @8", " @12.5", " 2500kg", " +20kg", " bw",
                  " bw+10"]
EXPRESS_MARKS = ["", " rir2", " rir 1-2", " 2rir", " @8", " rpe 8,5", " rir 2,1,0", " f",
                 " dropset", " amrap", " rpe 11"]
DAYS = ["", " yesterday", " mon", " 2026-11-20", " 2026-02-30", " 2027-01-01"]
TAILS = ["", " felt easy", " and it was hard", " felt easy today", " felt f", " and f felt",
         " rest pause felt", " warm up", " felt great pr", " rir", " bench felt", " last one ugly"]


@pytest.mark.parametrize("name", NAMES)
def test_express_reads_as_the_full_reader_does(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    cases = []
    combinations = itertools.product(SCHEMES, EXPRESS_APARTS, EXPRESS_MARKS, DAYS, TAILS[:3])
    for scheme, apart, mark, day, tail in itertools.islice(combinations, 0, None, 7):
        text = f"{name} {scheme}{apart}{mark}{day}{tail}"
        fast = express_entry(text, CAT, "kg", TODAY)
        if fast is not None:
            cases.append((text, fast))
    monkeypatch.setattr(parsing, "express_entry", lambda *args: None)
    for text, fast in cases:
        assert parsing.parse_log(text, CAT, unit="kg", today=TODAY) == fast, text


def test_express_declines_what_it_does_not_know() -> None:
    for text in ["squat 5x5 - felt heavy", "squat 5x5\nbench 3x8", "squat 5x5; bench 3x8",
                 "squat 16x10", "curl 3x20s", "squat 5x5 and f felt", "squat 5x5 last mon",
                 "5x5 squat", "squat 5x5 rir 12"]:
        assert express_entry(text, CAT, "kg", TODAY) is None, text


def test_the_fast_builders_make_equal_values() -> None:
    fields = dict(reps=5, load_kg=100.0, bodyweight=True, rir=1.0, rir_max=2.0, failure=False,
                  technique="dropset", warmup=True, amrap=True, reps_max=8, seconds=None,
                  meters=12.0, planned_max=True)
    built = set_record(**fields)  # type: ignore[arg-type]
    made = SetRecord(**fields)  # type: ignore[arg-type]
    assert built == made and hash(built) == hash(made)
    assert set_record(5) == SetRecord(reps=5)
    exercise = CAT.lookup("squat").exercise
    assert exercise is not None
    entry = log_entry(exercise, (made,), TODAY, "squat", "note", True)
    assert entry == parsing.LogEntry(exercise, (made,), TODAY, "squat", "note", True)
    assert entry.working_sets == ()  # the cached property works on a built value


NOTES = [" - felt heavy", " (paused)", " PR", " - today was rough", " (rir 2)", " #legday",
         ' "belt on"', " // 2 more next week", " new pb!!"]
LABELS = ["", "A1. ", "2) "]


@pytest.mark.parametrize("tail", TAILS)
def test_express_takes_plain_words_as_the_grammar_does(
    tail: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [f"{name} {scheme}{mark}{day}{tail}"
             for name, scheme, mark, day in itertools.product(
                 ["squat", "lateral raise", "plank"], SCHEMES[::2], EXPRESS_MARKS, DAYS[:2])]
    fast = {text: parsing.parse_log(text, CAT, unit="kg", today=TODAY) for text in texts}
    monkeypatch.setattr(parsing, "express_entry", lambda *args, **kwargs: None)
    for text in texts:
        assert parsing.parse_log(text, CAT, unit="kg", today=TODAY) == fast[text], text


@pytest.mark.parametrize("note", NOTES)
def test_express_after_a_note_is_taken_out_reads_as_the_full_reader(
    note: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [f"{label}{name} {scheme}{mark}{note}"
             for label, name, scheme, mark in itertools.product(
                 LABELS, ["squat", "bench press", "pull-ups"], SCHEMES[:12], EXPRESS_MARKS[:6])]
    fast = {text: parsing.parse_log(text, CAT, unit="kg", today=TODAY) for text in texts}
    monkeypatch.setattr(parsing, "express_entry", lambda *args, **kwargs: None)
    for text in texts:
        assert parsing.parse_log(text, CAT, unit="kg", today=TODAY) == fast[text], text
