"""Which of two plausible readings an entry keeps, and the question that names the other.

The grammar (``bot.domain.notation.schemes``) reads every line by fixed rules and
flags the forms that have a second plausible reading; this module looks at the
exercise to choose, and builds the question. Rules, in this order (the first that
asks is the entry's question):

- ``4x55`` (``ab_bigb``: a few "sets" of more than 50 reps): on a loaded lift it is 4
  reps at 55, asking about 4 sets of 55; on a bodyweight exercise 4 sets of 55 reps,
  without a question; on the lifter's own exercise 4 sets of 55, asking.
- ``16x10`` (``ab_load``: 11 to 20 before the x): 16 kg for 10, asking about 16 sets.
- ``12 x 20s`` (``pair_reps``): 12 reps with a pair of 20s, asking about 12 sets of 20
  seconds (on holds and carries ``20s`` is seconds and nothing is asked).
- ``@8`` on a line with no load (``at_rpe``): RPE 8; on isolation work (tier D) and
  the lifter's own exercises, asking about 8 kg.
- ``curl 12 10`` (``bare_reps``): two sets of reps; on a loaded lift, asking about
  12 kg for 10.

Then, for the whole entry (all its lines), numbers implausible as read always ask:
more than 10 working sets (the other reading takes a count of sets as the load, or
reps and sets swapped when every set is the same, ``12x5 @100kg`` as 5 sets of 12, or
the lighter sets as warm-ups, or the first ten sets), and more than 50 reps in a set
of a loaded lift (the other reading drops the last digit: ``55`` -> ``5``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Final, NamedTuple

from bot.domain.models import LB_TO_KG, Exercise, SetRecord, Unit
from bot.domain.notation.echo import describe_set, describe_sets, format_load

__all__ = ["MAX_PLAUSIBLE_SETS", "Alternative", "doubtful", "entry_alternative", "settle",
           "summary"]

MAX_PLAUSIBLE_SETS: Final = 10
MAX_PLAUSIBLE_LOADED_REPS: Final = 50
_FREE_WEIGHTS: Final = frozenset(
    {"dumbbell", "cable", "machine", "kettlebell", "plate", "band", "smith machine"}
)

Sets = tuple[SetRecord, ...]


class Alternative(NamedTuple):
    """How the entry was read, how else it could be, and the sets of that other reading."""

    chosen: str
    other: str
    sets: Sets


def loaded(exercise: Exercise, sets: Sets) -> bool | None:
    """Whether the exercise moves a load: True with a load written or loaded equipment,
    False for bodyweight equipment, None for the lifter's own exercise."""
    if any(s.load_kg and not s.bodyweight for s in sets):
        return True
    if exercise.equipment is None:
        return None
    return exercise.equipment != "bodyweight"


def summary(sets: Sets, unit: Unit) -> str:
    """A short plain reading: ``one set of 16 kg × 10``, ``16 sets of 10 reps``."""
    if len(sets) == 1:
        return "one set of " + describe_set(sets[0], unit)
    first = sets[0]
    if not all(s == first for s in sets):
        return describe_sets(sets, unit)
    if first.timed:
        return f"{len(sets)} sets of {describe_set(first, unit)}"
    body = f"{len(sets)} sets of {first.reps} rep" + ("" if first.reps == 1 else "s")
    if first.load_kg is not None and not first.bodyweight:
        body += f" at {format_load(first.load_kg, unit)}"
    rest = describe_set(replace(first, load_kg=None, bodyweight=False), unit).split(", ", 1)
    return body + (f", {rest[1]}" if len(rest) > 1 else "")


def settle(
    exercise: Exercise,
    sets: Sets,
    flags: tuple[str, ...],
    rerun: Callable[[str], Sets | None],
    unit: Unit,
) -> tuple[Sets, Alternative | None]:
    """The sets a line keeps, and the other reading to ask about (see the notes)."""
    question: Alternative | None = None
    for flag in dict.fromkeys(flags):
        if question is not None and flag != "ab_bigb":
            continue
        other = rerun(flag)
        if other is None or other == sets:
            continue
        if flag == "ab_bigb":
            kind = loaded(exercise, sets)
            if kind is True:
                sets, other = other, sets
            elif kind is False:
                continue
        elif not _worth_asking(flag, exercise, sets):
            continue
        if question is None:
            question = Alternative(summary(sets, unit), summary(other, unit), other)
    return sets, question


def _worth_asking(flag: str, exercise: Exercise, sets: Sets) -> bool:
    if flag == "at_rpe":
        return exercise.tier == "D" or exercise.custom
    if flag == "bare_reps":
        return loaded(exercise, sets) is True
    return True


def doubtful(sets: Sets) -> bool:
    """Whether sets may hold numbers implausible as read (a cheap first test)."""
    return len(sets) > MAX_PLAUSIBLE_SETS or any(
        (s.reps or 0) > MAX_PLAUSIBLE_LOADED_REPS for s in sets
    )


def entry_alternative(exercise: Exercise, sets: Sets, unit: Unit) -> Alternative | None:
    """The question for numbers implausible as read, over all the sets of one entry."""
    working = [s for s in sets if not s.warmup]
    if len(working) > MAX_PLAUSIBLE_SETS:
        other = _fewer_sets(sets, unit)
        return Alternative(summary(sets, unit), summary(other, unit), other)
    many = MAX_PLAUSIBLE_LOADED_REPS
    if loaded(exercise, sets) and any((s.reps or 0) > many and not s.timed for s in working):
        other = tuple(
            replace(s, reps=max(1, s.reps // 10), reps_max=None)
            if s.reps is not None and s.reps > many else s
            for s in sets
        )
        return Alternative(summary(sets, unit), summary(other, unit), other)
    return None


def _fewer_sets(sets: Sets, unit: Unit) -> Sets:
    """The other reading of too many sets (see the module notes)."""
    first = sets[0]
    if all(s == first for s in sets) and first.load_kg is None and not first.timed:
        load = float(len(sets)) * (1.0 if unit == "kg" else LB_TO_KG)
        return (replace(first, load_kg=round(load, 3), bodyweight=False),)
    if all(s == first for s in sets) and first.reps is not None and first.reps_max is None \
            and first.reps <= MAX_PLAUSIBLE_SETS and not first.timed:
        return (replace(first, reps=len(sets)),) * first.reps  # reps written before sets
    loads = [s.load_kg for s in sets if s.load_kg is not None and not s.warmup]
    if loads:
        top = max(loads)
        lighter = tuple(
            replace(s, warmup=True) if s.load_kg is not None and s.load_kg < top else s
            for s in sets
        )
        if sum(not s.warmup for s in lighter) <= MAX_PLAUSIBLE_SETS:
            return lighter
    return sets[:MAX_PLAUSIBLE_SETS]
