"""The words and symbols of the log notation, and how a line is cut into tokens.

This module knows the vocabulary (units, effort words, failure words, techniques,
warm-up words, dates) and the tokenizer; ``bot.domain.notation.parse`` and
``bot.domain.notation.grammar`` give the tokens their meaning. Everything here is pure
and precompiled at import time, because the parser runs for every message.

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

from bot.domain.models import Technique, Unit

# --------------------------------------------------------------------------- tokens


class Token(NamedTuple):
    """One piece of a log line.

    ``kind`` is one of ``num x word at plus comma slash dash hash``, or ``date``
    (``2026-11-25``) and ``day`` (``yesterday``, ``mon``). For ``num``: ``value``
    is the number, ``high`` the upper end of a range (``8-12``), ``pair`` marks a
    dumbbell pair (``20s``) and ``decimal`` a written decimal point.
    """

    kind: str
    text: str
    value: float = 0.0
    high: float | None = None
    pair: bool = False
    decimal: bool = False


_NUMBER = r"[0-9]+(?:\.[0-9]+)?"


def _token_pattern(letter: str) -> re.Pattern[str]:
    """Groups: an ISO date; a number (whole text, value, range end, pair "s"); the rest."""
    return re.compile(
        rf"""
         ([0-9]{{4}}-[0-9]{{1,2}}-[0-9]{{1,2}})(?![0-9])
        |(({_NUMBER})(?:-({_NUMBER}))?(s(?!{letter}))?)
        |(x(?!{letter})|{letter}+(?:['-]{letter}+)*|[@+,/\-\#])
        """,
        re.VERBOSE,
    )


# Any letter of any script; the plain-ASCII pattern is the same, only faster.
_TOKEN_RE: Final = _token_pattern(r"[^\W\d_]")
_ASCII_TOKEN_RE: Final = _token_pattern("[a-z]")
_SYMBOL_KINDS: Final[dict[str, str]] = {
    "x": "x",
    "@": "at",
    "+": "plus",
    ",": "comma",
    "/": "slash",
    "-": "dash",
    "#": "hash",
}

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

# Decimal commas: each alternative matches a number holding one comma that is a
# decimal mark; the comma becomes a point.
_DECIMAL_COMMA_RE: Final = re.compile(
    r"""
     (?<![0-9,.])[0-9]+,[0-9]{1,2}(?=\s*(?:kg|lb|kilo|pound|\#))  # 102,5kg / 102,5 lb
    |(?<![0-9,.x])[0-9]+,[0-9]{1,2}(?=\s*x)                     # 102,5x5
    |(?<=@)\s*[0-9]+,(?:5|25|75)(?![0-9,])                     # @102,5 / @8,5
    |(?<=rpe)\s*[0-9]+,5(?![0-9,])                             # rpe 8,5
    |(?<![0-9,.x])(?:[2-9][0-9]|[1-9][0-9]{2}),5(?![0-9,])      # a bare 102,5
    """,
    re.VERBOSE,
)
_DIGIT_COMMA_DIGIT: Final = re.compile("[0-9],[0-9]")


def _decimal_point(match: re.Match[str]) -> str:
    return match.group(0).replace(",", ".")


def normalize(line: str) -> str:
    """Lower-case a line and rewrite the symbols lifters use into the plain ones."""
    text = line.lower()
    if not text.isascii() or "*" in text:
        text = text.translate(_CHAR_MAP)
    if "," in text and _DIGIT_COMMA_DIGIT.search(text) is not None:
        text = _DECIMAL_COMMA_RE.sub(_decimal_point, text)
    return text


_DATE_KINDS: Final = frozenset({"date", "day"})

# Tokens never contain whitespace, so a line's tokens are those of its
# whitespace-separated chunks in order. Chunks ("5x5", "@100kg", "rir2") repeat all
# the time, and tokens are immutable, so each chunk's tokens are kept (bounded).
_CHUNK_CACHE: dict[str, tuple[tuple[Token, ...], bool]] = {}
_CHUNK_CACHE_LIMIT: Final = 50_000
# Numbers are capped so that a wall of digits stays a (refused) finite number.
_NUMBER_CAP: Final = 1e9


def _number_token(text: str, num: str, high: str, pair: str) -> Token:
    value = min(float(num), _NUMBER_CAP)
    top = min(float(high), _NUMBER_CAP) if high else None
    return Token("num", text, value, top, bool(pair), "." in num)


def _chunk_tokens(chunk: str) -> tuple[tuple[Token, ...], bool]:
    tokens: list[Token] = []
    dated = False
    pattern = _ASCII_TOKEN_RE if chunk.isascii() else _TOKEN_RE
    for iso, whole, num, high, pair, other in pattern.findall(chunk):
        if other:
            kind = _SYMBOL_KINDS.get(other, "word")
            if other in RELATIVE_DAYS or other in WEEKDAYS:
                kind = "day"
            tok = Token(kind, other)
        elif whole:
            tok = _number_token(whole, num, high, pair)
        else:
            tok = Token("date", iso)
        dated = dated or tok.kind in _DATE_KINDS
        tokens.append(tok)
    return tuple(tokens), dated


def tokenize(line: str) -> tuple[list[Token], bool]:
    """Cut a normalised line into tokens (spaces and other punctuation are dropped).

    The flag tells whether any token is a date (``date`` or ``day``).
    """
    tokens: list[Token] = []
    dated = False
    cache = _CHUNK_CACHE
    for chunk in line.split():
        found = cache.get(chunk)
        if found is None:
            found = _chunk_tokens(chunk)
            if len(cache) >= _CHUNK_CACHE_LIMIT:
                cache.clear()
            cache[chunk] = found
        tokens.extend(found[0])
        if found[1]:
            dated = True
    return tokens, dated


# Message-level clean-up: ``;`` and every kind of line break end a line; other
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
_NEEDS_SPLIT: Final = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029;]")


def split_segments(text: str) -> list[str]:
    """Split a message into its lines (line breaks and ``;``), stripped, blanks kept."""
    if _NEEDS_SPLIT.search(text) is None:
        return [text.strip()]
    return [part.strip() for part in text.translate(_SEGMENT_MAP).split("\n")]


# ----------------------------------------------------------------------- vocabulary

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
