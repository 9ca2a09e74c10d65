"""Property tests: the parser never crashes, and logged entries survive a round trip."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from bot.domain.assistance import with_assistance_entry
from bot.domain.catalogue.lookup import default_catalogue
from bot.domain.models import Exercise, LogEntry, ParseError, SetRecord, Technique, Unit
from bot.domain.notation import parse as parsing
from bot.domain.notation.echo import describe_entry, entry_to_text
from bot.domain.notation.parse import parse_log

CAT = default_catalogue()
TODAY = date(2026, 11, 26)
EXERCISES = sorted(CAT, key=lambda e: e.key)
TECHNIQUES: tuple[Technique, ...] = (
    "dropset", "forced", "rest-pause", "myo", "partials", "negatives",
)

# Pieces lifters type, so that random lines reach deep into the grammar.
PIECES = [
    "squat", "bench", "leg press", "pu", "curl", "5", "3", "x", "×", "X", "*", "5x5", "100",
    "100kg", "225lb", "lbs", "#", "kg", "@", "@8", "@10", "@100", "rir", "rpe", "rir2",
    "2rir", "1-2", "8-12", "10-8", ",", ", ", "/", ";", "\n", "+", "5+", "+20", "bw", "bw+20",
    "bw-20", "20s", "f", "F+", "fail", "to failure", "last", "last set", "last 2 sets",
    "drop", "ds", "rest pause", "rest-pause", "myo", "partials", "negatives", "forced",
    "rp", "amrap", "max reps", "w", "wu", "warm up", "sets", "of", "reps", "yesterday",
    "mon", "last thu", "2026-11-20", "2026-13-45", "102,5", "8,5", "0", "0.5", "-", ":",
    "(", "💪", "\x00", "\t", "  ", "é", "ß", "İ", "٣", "½", "x5", "3 sets of", "1000",
    "99999999999999999999", "9" * 320, ".", "e10", "inf", "nan", "8-", "-8", "x+", "@+",
    "bw+", "+kg", "last one", "on", "for", "sets of", "3 sets", "2x", "x x", "@rpe", "0s",
]
soup = st.lists(st.sampled_from(PIECES), max_size=25).map(" ".join)
glued = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)


def no_crash(text: str, unit: Unit = "kg") -> tuple[LogEntry, ...] | ParseError:
    result = parse_log(text, CAT, unit=unit, today=TODAY)
    assert isinstance(result, (tuple, ParseError))
    if isinstance(result, ParseError):
        # The safety net must not be what answered: every failure has its own message.
        assert result.error != parsing.UNEXPECTED_ERROR, text
        assert result.hint and result.example
    else:
        assert result, text
        for entry in result:
            assert 1 <= len(entry.sets) <= 20
            for s in entry.sets:
                assert (s.reps is None) == s.timed  # a timed set has no reps, others do
                assert s.reps is None or 1 <= s.reps <= 100
                assert s.load_kg is None or 0 <= s.load_kg <= 1000
                assert s.rir is None or 0 <= s.rir <= 10
    return result


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=600))
@example("")
@example("\x00\x01\x02")
@example("squat " + "9" * 400)
@example("squat 5x" + "9" * 400)
@example("squat " + "9" * 400 + " sets of 5")
@example("squat 5x5 last " + "9" * 400 + " f")
@example("💪" * 200)
def test_any_text_gives_entries_or_an_error(text: str) -> None:
    no_crash(text)


@settings(max_examples=30, deadline=None)
@given(st.text(min_size=1, max_size=40).map(lambda t: (t * (10_000 // len(t) + 1))[:10_000]))
def test_very_long_text_is_refused_politely(text: str) -> None:
    result = no_crash(text)
    assert isinstance(result, ParseError)


@settings(max_examples=400, deadline=None)
@given(soup, st.sampled_from(["kg", "lb"]))
def test_notation_soup_never_crashes(text: str, unit: Unit) -> None:
    no_crash(text, unit)


@settings(max_examples=200, deadline=None)
@given(glued)
def test_glued_notation_never_crashes(text: str) -> None:
    no_crash(text)


# ------------------------------------------------------------------ round trip
@st.composite
def set_records(draw: st.DrawFn) -> SetRecord:
    """A set the way parse_log makes them (failure means RIR 0, and so on)."""
    measure = draw(st.sampled_from(["reps", "reps", "reps", "seconds", "meters"]))
    reps: int | None = draw(st.integers(1, 100)) if measure == "reps" else None
    reps_max = None
    if reps is not None and reps < 100 and draw(st.booleans()):
        reps_max = draw(st.integers(reps + 1, 100))
    bodyweight = draw(st.booleans())
    load: float | None = draw(
        st.one_of(st.none(), st.integers(0, 1_000_000).map(lambda g: g / 1000))
    )
    kind = draw(st.sampled_from(["none", "rir", "range", "failure", "technique"]))
    rir: float | None = None
    rir_max: float | None = None
    failure = False
    technique: Technique | None = None
    if kind == "rir":
        rir = draw(st.integers(1, 20)) / 2
    elif kind == "range":
        rir = draw(st.integers(0, 19)) / 2
        rir_max = draw(st.integers(int(rir * 2) + 1, 20)) / 2
    elif kind in ("failure", "technique"):
        rir, failure = 0.0, True
        if kind == "technique":
            technique = draw(st.sampled_from(TECHNIQUES))
    return SetRecord(
        reps=reps,
        load_kg=load,
        bodyweight=bodyweight,
        rir=rir,
        rir_max=rir_max,
        failure=failure,
        technique=technique,
        warmup=draw(st.booleans()),
        amrap=reps is not None and draw(st.booleans()),
        reps_max=reps_max,
        seconds=float(draw(st.integers(1, 3600))) if measure == "seconds" else None,
        meters=float(draw(st.integers(1, 5000))) if measure == "meters" else None,
        planned_max=draw(st.booleans()),
    )


@st.composite
def entries(draw: st.DrawFn) -> LogEntry:
    exercise: Exercise = draw(st.sampled_from(EXERCISES))
    sets = draw(
        st.one_of(
            st.lists(set_records(), min_size=1, max_size=20),
            st.tuples(set_records(), st.integers(2, 20)).map(lambda p: [p[0]] * p[1]),
        )
    )
    back = draw(st.one_of(st.none(), st.integers(0, 360)))
    on = None if back is None else TODAY - timedelta(days=back)
    note = draw(st.sampled_from(["", "felt heavy", "knee ok, 2 more next week", "PR!!",
                                 "rest 90s (belt)", "today was rough"]))
    entry = LogEntry(exercise=exercise, sets=tuple(sets), performed_on=on, note=note,
                     pr=draw(st.booleans()) or "PR" in note)
    return with_assistance_entry(entry)  # as stored: an assisted lift's load is its help


def assert_same_sets(got: tuple[SetRecord, ...], want: tuple[SetRecord, ...]) -> None:
    assert len(got) == len(want)
    for a, b in zip(got, want, strict=True):
        if b.load_kg is None:
            assert a.load_kg is None
        else:
            assert a.load_kg == pytest.approx(b.load_kg, abs=0.01)
        assert a.reps == b.reps
        assert (a.bodyweight, a.rir, a.rir_max, a.failure, a.technique, a.warmup, a.amrap) == (
            b.bodyweight, b.rir, b.rir_max, b.failure, b.technique, b.warmup, b.amrap,
        )
        assert (a.reps_max, a.seconds, a.meters, a.planned_max) == (
            b.reps_max, b.seconds, b.meters, b.planned_max,
        )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries(), st.sampled_from(["kg", "lb"]), st.sampled_from(["kg", "lb"]))
def test_entry_to_text_reads_back_to_the_same_entry(
    entry: LogEntry, write_unit: Unit, read_unit: Unit
) -> None:
    text = entry_to_text(entry, write_unit)
    assume(len(text) <= parsing.MAX_CHARS)  # documented: longer lines can't be read back
    result = parse_log(text, CAT, unit=read_unit, today=TODAY)
    assert isinstance(result, tuple), (text, result)
    assert len(result) == 1
    back = result[0]
    assert back.exercise.key == entry.exercise.key, text
    assert back.performed_on == entry.performed_on
    assert_same_sets(back.sets, entry.sets)
    assert entry.note in back.note and back.pr == entry.pr


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries(), st.sampled_from(["kg", "lb"]))
def test_describe_entry_always_names_the_exercise(entry: LogEntry, unit: Unit) -> None:
    text = describe_entry(entry, unit)
    assert text.startswith(entry.exercise.name + " — ")


@settings(max_examples=200, deadline=None)
@given(soup)
def test_parsed_entries_survive_a_round_trip(text: str) -> None:
    result = parse_log(text, CAT, today=TODAY)
    if isinstance(result, ParseError):
        return
    for entry in result:
        if entry.exercise.custom:
            continue  # a lifter's own name may be close to a catalogue one
        again = parse_log(entry_to_text(entry), CAT, today=TODAY)
        assert isinstance(again, tuple), (entry_to_text(entry), again)
        assert again[0].exercise.key == entry.exercise.key
        assert_same_sets(again[0].sets, entry.sets)


# ------------------------------------------------------------------ no number lost
_NAMES = ["squat", "bench press", "deadlift", "dumbbell curl", "lat pulldown", "leg press",
          "dumbbell bench press", "pull-ups", "hammer curl", "zottman press", "plank"]
# Notation words too: set apart by punctuation they must not be read.
_WORDS = ["felt", "heavy", "easy", "knee", "ok", "grip", "slow", "paused", "sets", "today",
          "mon", "x", "kg", "rir", "at"]
_PLAIN = ["felt", "heavy", "easy", "knee", "ok", "grip", "slow", "paused", "wobbly"]
_DIGITS = re.compile(r"\d+")
small = st.integers(1, 10)
reps_st = st.integers(1, 30)
load_st = st.integers(21, 300)


@st.composite
def numbered_lines(draw: st.DrawFn) -> str:
    """A log line whose every number the lifter would want to see in the reply."""
    name = draw(st.sampled_from(_NAMES))
    a, b, c = draw(small), draw(reps_st), draw(load_st)
    scheme = draw(st.sampled_from([
        f"{a}x{b}", f"{a}x{b}-{b + draw(small)}", f"{a} sets of {b}", f"{c}kg x {b}",
        f"{c}x{b}x{a}", f"{b},{draw(reps_st)},{draw(reps_st)}", f"{a}x{b} @{c}kg",
        f"{a}x{b} {c}", f"{draw(st.integers(11, 20))}x{b}", f"3x{b} {c},{c},{c - 5}",
        f"{c}kg {b}, {c + 5}kg {draw(reps_st)}", f"{a}x{draw(st.integers(10, 90))}s",
        f"{c}-{c + 20}-{c + 40}x{a}", f"{draw(st.integers(51, 100))} reps",
    ]))
    extra = draw(st.sampled_from(["", f" rir {draw(st.integers(0, 4))}", " f", " amrap",
                                  f" rir {a % 4},{b % 4},{c % 4}"]))
    words = " ".join(draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4)))
    plain = " ".join(draw(st.lists(st.sampled_from(_PLAIN), min_size=1, max_size=3)))
    note = draw(st.sampled_from([
        "", f" - {plain} {words} {draw(st.integers(0, 999))}", f" ({draw(small)} sec {words})",
        f" {plain} {draw(st.integers(0, 99))} {words}", f" // {draw(st.integers(0, 500))}",
        " PR!!", f' "{words} {draw(small)}"',
    ]))
    when = draw(st.sampled_from(["", " 2026-11-20", " 20/11", " 3/4", " nov 12"]))
    return f"{name} {scheme}{extra}{when}{note}"


def _runs(text: str) -> set[int]:
    return {int(run) for run in _DIGITS.findall(text)}


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(numbered_lines())
@example("squat 3x10-12 @60kg")
@example("plank 3x60s - held 2 more")
@example("squat 3x8 85,85,80")
@example("Dumbbell curl: 16 x 10")
def test_every_number_written_shows_in_the_reply(text: str) -> None:
    """Each number of the line is a set, a load, a date, a duration or part of the note."""
    result = parse_log(text, CAT, today=TODAY)
    if isinstance(result, ParseError):
        return
    # The count of sets is shown as the sets listed ("squat 1x2" is "2 reps"), and RIR 0
    # as "to failure".
    shown = " ".join(
        f"{describe_entry(e)} {e.note} {len(e.sets)}"
        + (" 0" if any(s.failure for s in e.sets) else "")
        + (f" {e.performed_on.isoformat()}" if e.performed_on else "")
        for e in result
    )
    missing = _runs(text) - _runs(shown)
    assert not missing, (text, shown, missing)


def test_a_lost_number_would_be_caught() -> None:
    """The property's check itself fails when a reply drops a number."""
    assert _runs("bench 3x10-12") - _runs("bench press — 3 × 10") == {12}
