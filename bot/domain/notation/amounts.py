"""Single numbers of a log line checked and converted, and the parser's error type.

Shared by the grammar (``bot.domain.notation.grammar``) and the assembly of sets
(``bot.domain.notation.assembly``): ``Stop``/``fail`` (how a ParseError leaves the
reading code), loads in kilograms, reps, set counts and efforts. The limits on a set's
numbers are those of ``bot.domain.limits``, which the import formats apply too; the
ones here (characters, entries per message, bare reps) only concern typed text.
"""

from __future__ import annotations

from typing import Final, NamedTuple, NoReturn

from bot.domain import limits

# MAX_LOAD_KG, MAX_RIR and MAX_SETS are also read through this module (grammar, assembly).
from bot.domain.limits import MAX_LOAD_KG as MAX_LOAD_KG
from bot.domain.limits import MAX_RIR as MAX_RIR
from bot.domain.limits import MAX_SETS as MAX_SETS
from bot.domain.models import LB_TO_KG, LOG_EXAMPLE, ParseError, Unit
from bot.domain.notation.lexer import Token

MAX_CHARS: Final = 500
MAX_ENTRIES: Final = 20  # exercises in one message
BARE_REPS_MAX: Final = 30
EXAMPLE: Final = LOG_EXAMPLE

Effort = tuple[float, float | None, bool]  # rir, rir_max, failure
FAILURE: Final[Effort] = (0.0, None, True)


class Stop(Exception):
    """Carries a ParseError out of the reading code to ``parse_log``."""

    def __init__(self, error: ParseError) -> None:
        super().__init__(error.error)
        self.error = error


def fail(
    error: str, hint: str, example: str = EXAMPLE, suggestions: tuple[str, ...] = ()
) -> NoReturn:
    raise Stop(ParseError(error=error, hint=hint, example=example, suggestions=suggestions))


def two_loads() -> NoReturn:
    fail(
        "That line gives two loads for the same sets.",
        "Write one load per group of sets, like 100kg 5x5 or 100x5, 110x3.",
        "squat 100x5, 110x3, 120x1",
    )


SECOND_EXERCISE = "after the sets looks like a second exercise."


def stray_word(word: str, is_exercise: bool) -> NoReturn:
    """A word after the sets that is no notation (maybe a second exercise)."""
    if is_exercise:
        fail(
            f'"{word}" {SECOND_EXERCISE}',
            "Put each exercise on its own line, or separate them with a semicolon.",
            f"squat 5x5 @100kg; {word} 3x8",
        )
    fail(
        f'I don\'t know what "{word}" means before the sets.',
        f'If "{word}" is part of the exercise name, write it first, before any number or '
        "marker; words of your own go after the sets, where they become a note.",
        f"squat 5x5 @100kg {word}",
    )


def dangling_last() -> NoReturn:
    fail(
        '"last" needs a marker after it, like "last set f" or "last set drop".',
        "Say what happened on the last set: f, rir0, drop, forced, amrap...",
        "leg extension 3x12 @40kg last set drop",
    )


def no_reps(word: str) -> None:
    """``3 x max reps``, ``3 x amrap``: the rep counts are missing."""
    if word in ("max", "amrap", "failure", "f", "fail"):
        fail("I need the reps you got in each set, even when you went all out.",
             "Write the reps of each set, like 10,8,7, and add amrap for the all-out set.",
             "pull-up 10,8,7 amrap")


class Load(NamedTuple):
    kg: float | None
    bodyweight: bool = False


# ------------------------------------------------------------------ single numbers
def to_kg(value: float, unit: Unit) -> float:
    kg = value if unit == "kg" else round(value * LB_TO_KG, 3)
    if not limits.load_allowed(kg):
        fail(
            f"{value:g} {unit} is more than any lift I can log (the limit is "
            f"{MAX_LOAD_KG:g} kg).",
            "Check the load for a typo, and write it with its unit, like 100kg or 225lb.",
        )
    return kg


def plain_kg(tok: Token, unit: Unit) -> float:
    if tok.high is not None:
        fail(
            f"{tok.text} looks like a range, but a load needs one number.",
            "Give each group of sets its own load: 100x5, 110x5.",
            "squat 100x5, 110x5",
        )
    return to_kg(tok.value, unit)


def rep_range(tok: Token) -> tuple[int, int | None]:
    """Reps as written, with the top of a range (``10-12``: 10 and 12)."""
    reps = reps_of(tok)
    if tok.high is None or tok.high == tok.value:
        return reps, None
    top = int(tok.high)
    if not limits.reps_allowed(top):
        fail(f"{top} reps in one set is more than I can log (the limit is {limits.MAX_REPS}).",
             "Check the top of the rep range for a typo.", "bench 3x8-12 @60kg")
    return reps, top


def reps_of(tok: Token) -> int:
    if tok.decimal or tok.pair or (tok.high is not None and not tok.high.is_integer()):
        fail(f"{tok.text} is not a whole number of reps.", "Count reps in whole numbers.",
             "squat 5x5 @100kg")
    if tok.high is not None and tok.high < tok.value:
        fail(
            f"{tok.text} counts down, so I can't read it as a rep range.",
            "For reps per set, separate them with commas: 10,8,6.",
            "curl 10,8,6 @12kg",
        )
    reps = int(tok.value)
    if reps < limits.MIN_REPS:
        fail(f"A set needs at least {limits.MIN_REPS} rep.",
             "Log a missed attempt as 1 rep to failure.", "bench 1x1 @120kg f")
    if not limits.reps_allowed(reps):
        fail(f"{reps} reps in one set is more than I can log (the limit is {limits.MAX_REPS}).",
             "Check for a typo; for load x reps write 100x5.", "squat 100x5")
    return reps


def sets_of(tok: Token) -> int:
    if tok.decimal or tok.high is not None or tok.pair or tok.value < 1:
        fail(f"{tok.text} is not a number of sets.", "Write sets x reps, like 3x8.",
             "bench 3x8 @80kg")
    sets = int(tok.value)
    if not limits.sets_allowed(sets):
        fail(f"{sets} sets is more than I log in one line (the limit is {MAX_SETS}).",
             "Check for a typo, or log the rest as a second entry: the exercise name again on "
             "a line of its own sets.", "squat 5x5 @100kg")
    return sets


def rpe_like(tok: Token) -> bool:
    """A bare ``@x`` is an RPE when x is 5..10 in steps of 0.5."""
    values = (tok.value, tok.high)
    return all(v is None or (5.0 <= v <= limits.MAX_RPE and (v * 2).is_integer()) for v in values)


def effort_of(tok: Token, rpe: bool) -> Effort:
    """RIR (and range end, failure) from a number written as RIR or as RPE."""
    if tok.pair:
        fail(f"{tok.text} is not an effort.", "Write the effort as rir 2 or rpe 8.",
             "bench 3x8 @80kg rir 2")
    lo, hi = tok.value, tok.high
    if hi is not None and hi < lo:
        lo, hi = hi, lo
    for value in (lo, hi):
        if value is None:
            continue
        if rpe and not limits.rpe_allowed(value):
            fail(f"RPE {value:g} is outside the RPE scale, which runs from {limits.MIN_RPE:g} to "
                 f"{limits.MAX_RPE:g}.",
                 "RPE 10 is failure, RPE 8 means two reps left.", "bench 3x8 @80kg rpe 8")
        if not rpe and not limits.rir_allowed(value):
            fail(f"RIR {value:g} is more reps in reserve than I can use (at most {MAX_RIR:g}).",
                 "RIR counts the reps you had left: rir 2 means two more were possible.",
                 "bench 3x8 @80kg rir 2")
    if rpe:
        rir, rir_max = limits.rir_of_rpe(hi if hi is not None else lo), None
        if hi is not None:
            rir_max = limits.rir_of_rpe(lo)
    else:
        rir, rir_max = lo, hi
    if rir_max == rir:
        rir_max = None
    return (rir, rir_max, rir == 0.0 and rir_max is None)
