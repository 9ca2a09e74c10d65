"""The vocabulary of the log notation: which words mean something, and what.

Units, effort, failure, techniques, warm-ups, durations and distances, planned-max and
PR marks, calendar words, and the filler words lifters put between numbers. The
tokenizer (``bot.domain.notation.lexer``) and the grammar give these words their
place; this module only lists them, so that the grammar, the name finder and the note
finder agree on one vocabulary. ``unit_of`` and ``WEEKDAYS`` are read outside the
notation too (the import readers and reminders).
"""

from __future__ import annotations

from typing import Final

from bot.domain.models import Technique, Unit

UNIT_WORDS: Final[dict[str, Unit]] = {
    "kg": "kg",
    "kgs": "kg",
    "kilo": "kg",
    "kilos": "kg",
    "kilogram": "kg",
    "kilograms": "kg",
    "lb": "lb",
    "lbs": "lb",
    "pound": "lb",
    "pounds": "lb",
}


def unit_of(text: str) -> Unit | None:
    """The unit a word names (``kgs``, ``pounds``...), or None: the one list of unit words,
    read by the log notation, /profile and the import files' unit columns."""
    return UNIT_WORDS.get(text.strip().lower().rstrip("."))


BODYWEIGHT_WORDS: Final = frozenset({"bw", "bodyweight", "body-weight"})
EFFORT_WORDS: Final = frozenset({"rir", "rpe"})
FAILURE_WORDS: Final = frozenset({"f", "fail", "failure", "failed", "tf", "mmf"})
TECHNIQUE_WORDS: Final[dict[str, Technique]] = {
    "forced": "forced",
    "drop": "dropset",
    "drops": "dropset",
    "dropset": "dropset",
    "dropsets": "dropset",
    "drop-set": "dropset",
    "ds": "dropset",
    "rest-pause": "rest-pause",
    "restpause": "rest-pause",
    "myo": "myo",
    "myoreps": "myo",
    "myo-reps": "myo",
    "partials": "partials",
    "partial": "partials",
    "negatives": "negatives",
    "negative": "negatives",
    "negs": "negatives",
}
WARMUP_WORDS: Final = frozenset(
    {"w", "wu", "warmup", "warmups", "warm-up", "warm-ups", "warmupset", "warmup-set"}
)
SETS_WORDS: Final = frozenset({"sets", "set"})
REPS_WORDS: Final = frozenset({"reps", "rep"})
LAST_WORDS: Final = frozenset({"last", "final"})
AMBIGUOUS_NOTATION: Final[dict[str, str]] = {"rp": "rest-pause"}
# A set the lifter called a test or a max attempt (``max reps`` is an AMRAP instead).
PLANNED_MAX_WORDS: Final = frozenset({"test", "tested", "max", "opener", "1rm"})
# Marks of a personal record; ``new pr`` too. They set LogEntry.pr and stay in the note.
PR_WORDS: Final = frozenset({"pr", "prs", "pb", "pbs"})

# Durations and distances: the factor to seconds or metres.
TIME_WORDS: Final[dict[str, float]] = {
    "s": 1.0,
    "sec": 1.0,
    "secs": 1.0,
    "second": 1.0,
    "seconds": 1.0,
    "min": 60.0,
    "mins": 60.0,
    "minute": 60.0,
    "minutes": 60.0,
}
DISTANCE_WORDS: Final[dict[str, float]] = {
    "m": 1.0,
    "meter": 1.0,
    "meters": 1.0,
    "metre": 1.0,
    "metres": 1.0,
    "km": 1000.0,
}
YARD_WORDS: Final = frozenset({"yd", "yds", "yard", "yards"})
# Exercise-name words of holds (``Ns`` and ``Nm`` are seconds and minutes there) and of
# carries and walks (``Ns`` is seconds, ``Nm`` metres); elsewhere ``20s`` is a pair of
# dumbbells.
HOLD_NAME_WORDS: Final = frozenset(
    {"plank", "planks", "hang", "hangs", "hold", "holds", "sit", "l-sit", "wall-sit", "hollow",
     "isometric", "iso", "handstand"}
)
CARRY_NAME_WORDS: Final = frozenset(
    {"carry", "carries", "walk", "walks", "sled", "prowler", "run", "row-erg", "erg", "bike",
     "sprint", "sprints", "farmers", "farmer"}
)

# Words that carry no meaning in the notation part of a line (they are popped from
# the end of an exercise name too, so none of them may end one: "up" is not here).
FILLER_WORDS: Final = frozenset(
    {
        "reps", "rep", "sets", "set", "of", "for", "at", "with", "and", "then", "on", "to",
        "till", "until", "the", "a", "each", "per", "ea", "side", "sides", "hand", "arm",
        "leg", "all", "every", "one", "was", "were", "did", "i", "doing", "done", "got",
        "backoff", "backoffs", "back-off", "back-offs", "worked", "working", "top",
    }
)
# Words that mean nothing inside the notation but may end a name ("pull up"), so they
# are skipped there and never popped from names.
NOTATION_SKIP_WORDS: Final = frozenset(
    {"up", "work", "single", "singles", "double", "doubles", "triple", "triples", "total",
     "straight", "across", "back", "off", "x"}
)
# Words before an exercise name that are not part of it ("i did bench press").
LEADING_FILLERS: Final = frozenset({"i", "did", "done", "doing", "then", "also", "and", "did:"})
# Pairs of words before an exercise name that are not part of it ("top set squat").
LEADING_PAIRS: Final = frozenset(
    {("top", "set"), ("top", "sets"), ("working", "set"), ("working", "sets"),
     ("back", "off"), ("backoff", "sets")}
)
# Words that end an exercise name when they follow at least one name word.
NAME_STOP_WORDS: Final = frozenset(
    {"worked", "working", "top", "backoff", "backoffs", "back-off", "back-offs"}
)

WEEKDAYS: Final[dict[str, int]] = {
    "mon": 0,
    "monday": 0,
    "tue": 1,
    "tues": 1,
    "tuesday": 1,
    "wed": 2,
    "weds": 2,
    "wednesday": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "thursday": 3,
    "fri": 4,
    "friday": 4,
    "sat": 5,
    "saturday": 5,
    "sun": 6,
    "sunday": 6,
}
RELATIVE_DAYS: Final[dict[str, int]] = {
    "today": 0,
    "tonight": 0,
    "yesterday": 1,
    "yday": 1,
    "yest": 1,
}
MONTHS: Final[dict[str, int]] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}
ORDINAL_SUFFIXES: Final = frozenset({"st", "nd", "rd", "th"})
AGO_SPANS: Final[dict[str, int]] = {"day": 1, "days": 1, "week": 7, "weeks": 7}
MAX_DAYS_BACK: Final = 366

# Words that end an exercise name when they follow at least one name word.
MARKER_WORDS: Final = frozenset(
    EFFORT_WORDS
    | FAILURE_WORDS
    | TECHNIQUE_WORDS.keys()
    | WARMUP_WORDS
    | BODYWEIGHT_WORDS
    | LAST_WORDS
    | UNIT_WORDS.keys()
    | AMBIGUOUS_NOTATION.keys()
    | PLANNED_MAX_WORDS
    | PR_WORDS
    | NAME_STOP_WORDS
    | {"amrap"}
)
MARKER_PAIRS: Final = frozenset(
    {("rest", "pause"), ("max", "reps"), ("max", "rep"), ("warm", "up"), ("warm", "ups"),
     ("work", "up")}
)
# After a number, these words make it notation rather than part of a name.
NOT_NAME_AFTER_NUMBER: Final = frozenset(
    MARKER_WORDS | SETS_WORDS | REPS_WORDS | FILLER_WORDS | TIME_WORDS.keys()
    | DISTANCE_WORDS.keys() | {"max", "rest", "warm", "rm"}
)
# A number is part of a name only before one of these ("45 degree leg press").
DEGREE_WORDS: Final = frozenset({"degree", "degrees", "deg"})

# Every word the notation reads (or knows to skip) on its own; a word outside it after
# the sets starts the lifter's note. Context-bound words ("rest pause", "warm up",
# "w/") are judged by ``bot.domain.notation.notes.is_notation_word``.
NOTATION_WORDS: Final = frozenset(
    MARKER_WORDS
    | SETS_WORDS
    | REPS_WORDS
    | FILLER_WORDS
    | NOTATION_SKIP_WORDS
    | TIME_WORDS.keys()
    | DISTANCE_WORDS.keys()
    | YARD_WORDS
    | MONTHS.keys()
    | ORDINAL_SUFFIXES
    | AGO_SPANS.keys()
    | WEEKDAYS.keys()
    | RELATIVE_DAYS.keys()
    | {"ago", "max", "rm", "about", "around", "is"}
)
