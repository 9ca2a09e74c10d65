"""The words and symbols of the log notation, and how a line is cut into tokens.

This module knows the vocabulary (units, effort words, failure words, techniques,
warm-up words, dates) and the tokenizer; ``bot.domain.parsing`` holds the grammar
that gives the tokens their meaning. Everything here is pure and precompiled at
import time, because the parser runs for every message.

Normalisation before tokenizing: lower case; ``×``, ``✕``, ``✖``, ``*`` and ``X``
read as ``x``; long dashes read as ``-``; a comma is a decimal mark in ``102,5kg``,
``102,5x5``, ``@102,5``, ``@8,5``, ``rpe 8,5`` and a bare ``102,5`` (a number of at
least 20 followed by ``,5``). Everywhere else a comma separates list items
(``8,8,7``, ``rir 2,1,0``) or groups (``175x5, 170x6``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final, NamedTuple

from bot.domain.models import Technique

# --------------------------------------------------------------------------- tokens


class Token(NamedTuple):
    """One piece of a log line.

    ``kind`` is one of ``date num x word at plus comma slash dash hash``.
    For ``num``: ``value`` is the number, ``high`` the upper end of a range
    (``8-12``), ``pair`` marks a dumbbell pair (``20s``) and ``decimal`` a written
    decimal point. For ``date``: ``text`` is the ISO text.
    """

    kind: str
    text: str
    value: float = 0.0
    high: float | None = None
    pair: bool = False
    decimal: bool = False


_LETTER = r"[^\W\d_]"
_NUMBER = r"[0-9]+(?:\.[0-9]+)?"

_TOKEN_RE: Final = re.compile(
    rf"""
     (?P<date>[0-9]{{4}}-[0-9]{{1,2}}-[0-9]{{1,2}})(?![0-9])
    |(?P<n>(?P<num>{_NUMBER})(?:-(?P<hi>{_NUMBER}))?(?P<pair>s(?!{_LETTER}))?)
    |(?P<x>x(?!{_LETTER}))
    |(?P<word>{_LETTER}+(?:['-]{_LETTER}+)*)
    |(?P<at>@)
    |(?P<plus>\+)
    |(?P<comma>,)
    |(?P<slash>/)
    |(?P<dash>-)
    |(?P<hash>\#)
    """,
    re.VERBOSE,
)

# Per-character clean-up of a line (after lower-casing).
_CHAR_MAP: Final = str.maketrans(
    {
        "×": "x",
        "✕": "x",
        "✖": "x",
        "⨯": "x",
        "∗": "x",
        "*": "x",
        "–": "-",
        "—": "-",
        "−": "-",
        "‒": "-",
        "＠": "@",
        "＋": "+",
        "’": "'",
        "‘": "'",
    }
)

# Decimal commas, each rewritten to a point before tokenizing.
_DECIMAL_COMMA_RES: Final = (
    # 102,5kg / 102,5 lb
    re.compile(r"(?<![0-9,.])([0-9]+),([0-9]{1,2})(?=\s*(?:kg|lb|kilo|pound|\#))"),
    # 102,5x5
    re.compile(r"(?<![0-9,.x])([0-9]+),([0-9]{1,2})(?=\s*x)"),
    # @102,5 / @8,5 / @102,25
    re.compile(r"(?<=@)(\s*[0-9]+),(5|25|75)(?![0-9,])"),
    # rpe 8,5
    re.compile(r"(?<=rpe)(\s*[0-9]+),(5)(?![0-9,])"),
    # a bare 102,5
    re.compile(r"(?<![0-9,.x])((?:[2-9][0-9]|[1-9][0-9]{2})),(5)(?![0-9,])"),
)


def normalize(line: str) -> str:
    """Lower-case a line and rewrite the symbols lifters use into the plain ones."""
    text = line.lower().translate(_CHAR_MAP)
    if "," in text:
        for pattern in _DECIMAL_COMMA_RES:
            text = pattern.sub(r"\1.\2", text)
    return text


def tokenize(line: str) -> list[Token]:
    """Cut a normalised line into tokens; spaces and other punctuation are dropped."""
    tokens: list[Token] = []
    append = tokens.append
    for match in _TOKEN_RE.finditer(line):
        kind = match.lastgroup
        if kind == "n":
            num = match.group("num")
            hi = match.group("hi")
            append(
                Token(
                    "num",
                    match.group(0),
                    float(num),
                    float(hi) if hi is not None else None,
                    match.group("pair") is not None,
                    "." in num,
                )
            )
        elif kind is not None:
            append(Token(kind, match.group(0)))
    return tokens


# Message-level clean-up: ``;`` and every kind of line break become ``\n``, other
# control characters become spaces.
_SEGMENT_MAP: Final = str.maketrans(
    {
        **{chr(c): " " for c in range(32)},
        "\x7f": " ",
        "\n": "\n",
        "\r": "\n",
        "\x0b": "\n",
        "\x0c": "\n",
        "\x85": "\n",
        "\u2028": "\n",
        "\u2029": "\n",
        ";": "\n",
    }
)


def split_segments(text: str) -> list[str]:
    """Split a message into its lines (line breaks and ``;``), stripped, blanks kept."""
    return [part.strip() for part in text.translate(_SEGMENT_MAP).split("\n")]


# ----------------------------------------------------------------------- vocabulary

UNIT_WORDS: Final[dict[str, str]] = {
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
# Words that carry no meaning in the notation part of a line.
FILLER_WORDS: Final = frozenset(
    {
        "reps",
        "rep",
        "sets",
        "set",
        "of",
        "for",
        "at",
        "with",
        "and",
        "then",
        "on",
        "to",
        "till",
        "until",
        "the",
        "a",
        "each",
        "per",
        "ea",
        "side",
        "sides",
        "hand",
        "arm",
        "leg",
        "all",
        "every",
        "one",
        "was",
        "were",
        "did",
    }
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
MAX_DAYS_BACK: Final = 366


def weekday_date(word: str, today: date, *, strictly_before: bool = False) -> date:
    """The most recent date that falls on ``word``'s weekday, today included.

    With ``strictly_before`` (``last mon``) a match on today means a week ago.
    """
    back = (today.weekday() - WEEKDAYS[word]) % 7
    if back == 0 and strictly_before:
        back = 7
    return today - timedelta(days=back)


def iso_date(text: str) -> date | None:
    """``2026-11-25`` as a date, or None when the day does not exist."""
    year, month, day = text.split("-")
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None

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
    | {"amrap"}
)
MARKER_PAIRS: Final = frozenset(
    {("rest", "pause"), ("max", "reps"), ("max", "rep"), ("warm", "up"), ("warm", "ups")}
)
# After a number, these words make it notation rather than part of a name.
NOT_NAME_AFTER_NUMBER: Final = frozenset(
    MARKER_WORDS | SETS_WORDS | REPS_WORDS | FILLER_WORDS | {"max", "rest", "warm"}
)
