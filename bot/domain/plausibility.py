"""Questions about loads that need the lifter's history: far above their best, beyond
what anyone has lifted, or read in kilograms when pounds were meant.

``parse_log`` asks what the notation alone can tell (``16x10``: 16 kg or 16 sets?).
Whether ``225`` is plausible depends on who wrote it, so the coach asks here, after
parsing, with what storage knows:

    questions_for(entries, best_loads_kg, unit, unit_chosen) -> tuple[LogEntry, ...]

- ``entries``: what ``parse_log`` returned for the lifter, read in ``unit``.
- ``best_loads_kg``: exercise key -> the heaviest ``load_kg`` of the lifter's stored
  working sets of that exercise (warm-ups and sets without a load left out; for
  bodyweight lifts the added load). A missing key means no history for it.
- ``unit``: the unit the text was read in; ``unit_chosen``: whether the lifter set it
  (``/profile unit:``) rather than living with the default.

It returns the entries in the same order, each unchanged or with ``question`` set
(``Reading``: the reading chosen, the other, and the exact log line that stores the
other, for the edge to offer in one step). An entry that already carries a question
from the parser keeps it. The entry is always stored as read; nothing is refused here.

The heaviest working load of an entry is questioned when it is:

1. beyond the record table below for the exercise's tier (a load nobody has lifted);
2. more than ``HISTORY_FACTOR`` times the lifter's best for the exercise and at least
   ``HISTORY_MARGIN_KG`` above it ("far above anything they logged");
3. for a lifter who has not chosen a unit, with no history for the exercise, written
   as a bare number, above the everyday ceiling below in kilograms but within it
   read as pounds (``squats 225x5x3``: 225 kg is rare, 225 lb = 102 kg is ordinary).

The other reading is, in this order, the first that is plausible by the same tests:
the loads read as pounds (only for bare numbers read in kg), then the loads divided
by ten (a slipped decimal point or a doubled digit: ``1000`` for ``100``); when none
is, pounds for bare kg numbers, else a tenth.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Final

from bot.domain.models import LB_TO_KG, Exercise, LogEntry, Reading, SetRecord, Tier, Unit
from bot.domain.notation.echo import entry_to_text
from bot.domain.notation.lexer import normalize, tokenize
from bot.domain.notation.readings import summary
from bot.domain.notation.words import UNIT_WORDS

__all__ = ["EVERYDAY_KG", "HISTORY_FACTOR", "HISTORY_MARGIN_KG", "RECORD_KG", "questions_for"]

HISTORY_FACTOR: Final = 1.6
HISTORY_MARGIN_KG: Final = 20.0

# Heavier than anyone has lifted, per tier (kg; loads as logged: the bar, one dumbbell,
# or the load added to bodyweight). Figures behind them:
# - A (barbell compounds): deadlift 501 kg (Hafthor Bjornsson, 2020, strongman rules);
#   raw squat 490 kg (Ray Williams, 2019, knee wraps). Ceiling 505 kg.
# - B (free-weight compounds): raw bench press 355 kg (Julius Maddox, 2020); presses,
#   rows, dumbbells and added loads stay far below. Ceiling 360 kg.
# - C (machine compounds): sleds and leg presses are loaded to many hundreds of kg and
#   have no record to go by: the parser's own limit of 1000 kg.
# - D (isolation): plate-loaded calf raises and stacks stay well under 450 kg.
RECORD_KG: Final[dict[Tier, float]] = {"A": 505.0, "B": 360.0, "C": 1000.0, "D": 450.0}

# Heavier than most lifters ever log, per tier (kg): the ceiling for "implausible in kg
# but ordinary in lb" when there is no history. A 200 kg squat or deadlift, a 140 kg
# bench, 300 kg on a machine, 100 kg on isolation work are advanced loads; their pound
# readings (91, 64, 136, 45 kg) are everyday ones. Dumbbells and kettlebells count one
# bell: 50 kg.
EVERYDAY_KG: Final[dict[Tier, float]] = {"A": 200.0, "B": 140.0, "C": 300.0, "D": 100.0}
EVERYDAY_BELL_KG: Final = 50.0
_BELLS: Final = frozenset({"dumbbell", "kettlebell"})


def questions_for(
    entries: Sequence[LogEntry],
    best_loads_kg: Mapping[str, float],
    unit: Unit,
    unit_chosen: bool,
) -> tuple[LogEntry, ...]:
    """The entries, with a question where a load is implausible (see the module notes)."""
    return tuple(_checked(e, best_loads_kg.get(e.exercise.key), unit, unit_chosen)
                 for e in entries)


def _checked(entry: LogEntry, best: float | None, unit: Unit, unit_chosen: bool) -> LogEntry:
    if entry.question is not None:
        return entry
    top = _top_load(entry.sets)
    if top is None:
        return entry
    bare = unit == "kg" and not _unit_written(entry.text)
    everyday = not unit_chosen and best is None and bare
    if not _doubtful(top, entry.exercise, best, everyday):
        return entry
    other = _other_reading(entry, best, bare, everyday)
    shown: Unit = "lb" if other[1] else unit
    question = Reading(
        chosen=summary(entry.sets, unit),
        other=summary(other[0], shown),
        line=entry_to_text(replace(entry, sets=other[0]), shown),
    )
    return replace(entry, question=question)


def _top_load(sets: Sequence[SetRecord]) -> float | None:
    loads = [s.load_kg for s in sets if s.load_kg and not s.warmup]
    return max(loads) if loads else None


def _unit_written(text: str) -> bool:
    tokens, _ = tokenize(normalize(text))
    return any(t.text in UNIT_WORDS or t.kind == "hash" for t in tokens)


def _ceiling(table: Mapping[Tier, float], exercise: Exercise) -> float | None:
    return table.get(exercise.tier) if exercise.tier is not None else None


def _doubtful(load: float, exercise: Exercise, best: float | None, everyday: bool) -> bool:
    record = _ceiling(RECORD_KG, exercise)
    if record is not None and load > record:
        return True
    if best is not None and load > best * HISTORY_FACTOR and load - best >= HISTORY_MARGIN_KG:
        return True
    if everyday:
        ceiling = _everyday(exercise)
        return ceiling is not None and load > ceiling and load * LB_TO_KG <= ceiling
    return False


def _everyday(exercise: Exercise) -> float | None:
    if exercise.equipment in _BELLS:
        return EVERYDAY_BELL_KG
    return _ceiling(EVERYDAY_KG, exercise)


def _other_reading(
    entry: LogEntry, best: float | None, bare: bool, everyday: bool
) -> tuple[tuple[SetRecord, ...], bool]:
    """The other sets, and whether they are the pounds reading."""
    candidates: list[tuple[float, bool]] = []
    if bare:
        candidates.append((LB_TO_KG, True))
    candidates.append((0.1, False))
    for factor, pounds in candidates:
        sets = _scaled(entry.sets, factor)
        top = _top_load(sets)
        if top is not None and not _doubtful(top, entry.exercise, best, everyday):
            return sets, pounds
    factor, pounds = candidates[0]
    return _scaled(entry.sets, factor), pounds


def _scaled(sets: Sequence[SetRecord], factor: float) -> tuple[SetRecord, ...]:
    return tuple(
        replace(s, load_kg=s.load_kg * factor) if s.load_kg else s for s in sets
    )
