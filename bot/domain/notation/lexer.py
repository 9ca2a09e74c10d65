"""How a log message is cut into lines, and a line into tokens.

Normalisation before tokenizing: lower case; ``×``, ``✕``, ``✖``, ``*`` and ``X``
read as ``x``; long dashes read as ``-``; a comma is a decimal mark in ``102,5kg``,
``102,5x5``, ``@102,5``, ``@8,5``, ``rpe 8,5`` and a bare ``102,5`` (a number of at
least 20 followed by ``,5``). Everywhere else a comma separates list items
(``8,8,7``, ``rir 2,1,0``) or groups (``175x5, 170x6``). A dotted day and month
(``20.11.``, ``20.11.2026``) is read like ``20/11``. ``185lbx5`` is ``185 lb x 5``.

Everything here is pure and precompiled at import time: the parser runs for every
message, so the tokens of each whitespace-separated chunk are also remembered.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Final, NamedTuple

from bot.domain.notation import words as nt


class Token(NamedTuple):
    """One piece of a log line.

    ``kind`` is one of ``num x word at plus comma slash dash hash``, ``date``
    (``2026-11-25``), ``day`` (``yesterday``, ``mon``) or ``clock`` (``1:30``, a
    duration; ``value`` holds its seconds). For ``num``: ``value`` is the number,
    ``high`` the upper end of a range (``8-12``), ``pair`` marks a trailing ``s``
    (``20s``: a pair of dumbbells, or seconds on a hold) and ``decimal`` a written
    decimal point.
    """

    kind: str
    text: str
    value: float = 0.0
    high: float | None = None
    pair: bool = False
    decimal: bool = False


_NUMBER = r"[0-9]+(?:\.[0-9]+)?"


def _token_pattern(letter: str) -> re.Pattern[str]:
    """Groups: an ISO date; m:ss; a number (text, value, range end, pair "s"); the rest."""
    return re.compile(
        rf"""
         ([0-9]{{4}}-[0-9]{{1,2}}-[0-9]{{1,2}})(?![0-9])
        |([0-9]{{1,2}}:[0-5][0-9])(?![0-9])
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
# A unit glued to an x: "185lbx5".
_GLUED_X: Final[dict[str, str]] = {"kgx": "kg", "kgsx": "kg", "lbx": "lb", "lbsx": "lbs"}
# "3xamrap", "3xmax": the x glued to the word after it, read as "3 x amrap" (which asks
# for the reps of each set) rather than as 3 reps with a note.
_X_GLUED: Final[dict[str, str]] = {
    "xamrap": "amrap", "xmax": "max", "xfailure": "failure", "xfail": "fail"}

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


# A chunk that may be a day and month (``20/11``, ``11/20/2026``, ``20.11.``) or a
# year-first date (``2026/11/20``); whether it is one is for the date reader to say.
_NUMERIC_DATE: Final = re.compile(
    r"(?:[0-9]{1,2}/[0-9]{1,2}(?:/(?:[0-9]{2}|[0-9]{4}))?|[0-9]{4}/[0-9]{1,2}/[0-9]{1,2})"
)
_DOTTED_DATE: Final = re.compile(r"[0-9]{1,2}\.[0-9]{1,2}\.(?:[0-9]{2}|[0-9]{4})?")
_DATE_KINDS: Final = frozenset({"date", "day"})
_DATE_WORDS: Final = frozenset(nt.MONTHS.keys() | {"ago"})

# Tokens never contain whitespace, so a line's tokens are those of its
# whitespace-separated chunks in order. Chunks ("5x5", "@100kg", "rir2") repeat all
# the time, and tokens are immutable, so each chunk's tokens are kept (bounded).
_CHUNK_CACHE: dict[str, tuple[tuple[Token, ...], int]] = {}
_CHUNK_CACHE_LIMIT: Final = 50_000
# Numbers are capped so that a wall of digits stays a (refused) finite number.
_NUMBER_CAP: Final = 1e9


def _number_token(text: str, num: str, high: str, pair: str) -> Token:
    value = min(float(num), _NUMBER_CAP)
    top = min(float(high), _NUMBER_CAP) if high else None
    return Token("num", text, value, top, bool(pair), "." in num)


def _clock_token(text: str) -> Token:
    minutes, seconds = text.split(":")
    return Token("clock", text, float(int(minutes) * 60 + int(seconds)))


def _maybe_date(chunk: str) -> bool:
    """Whether a chunk of digits and slashes could name a day of the year."""
    parts = [int(p) for p in chunk.split("/")]
    if parts[0] > 31:  # year first
        return 1 <= parts[1] <= 12 and 1 <= parts[2] <= 31
    a, b = parts[0], parts[1]
    return 1 <= a <= 31 and 1 <= b <= 31 and (a <= 12 or b <= 12)


# "8-8-7", "rir 2-1-0": three or more numbers joined by dashes, each no more than the
# one before, are one per set (a range has two; a date's year is above its month).
_DASHED_LIST: Final = re.compile(r"[0-9]{1,2}(?:-[0-9]{1,2}){2,}")


def _dashed_list(chunk: str) -> str:
    parts = [int(p) for p in chunk.split("-")]
    if len(parts) > 3 or all(a >= b for a, b in pairwise(parts)):
        return chunk.replace("-", ",")
    return chunk


def _chunk_tokens(chunk: str) -> tuple[tuple[Token, ...], int]:
    dated = 0
    if chunk[0].isdecimal():
        if "-" in chunk and _DASHED_LIST.fullmatch(chunk) is not None:
            chunk = _dashed_list(chunk)
        if _DOTTED_DATE.fullmatch(chunk) is not None:
            chunk = chunk.rstrip(".").replace(".", "/")
        if _NUMERIC_DATE.fullmatch(chunk) is not None and _maybe_date(chunk):
            dated = 2
    tokens: list[Token] = []
    pattern = _ASCII_TOKEN_RE if chunk.isascii() else _TOKEN_RE
    for iso, clock, whole, num, high, pair, other in pattern.findall(chunk):
        if other:
            kind = _SYMBOL_KINDS.get(other, "word")
            if other in nt.RELATIVE_DAYS or other in nt.WEEKDAYS:
                kind = "day"
            elif other in _DATE_WORDS:
                dated = 2
            elif other in _GLUED_X:
                tokens.append(Token("word", _GLUED_X[other]))
                other, kind = "x", "x"
            elif other in _X_GLUED and tokens and tokens[-1].kind == "num":
                tokens.append(Token("x", "x"))
                other = _X_GLUED[other]
            tok = Token(kind, other)
        elif whole:
            tok = _number_token(whole, num, high, pair)
        elif clock:
            tok = _clock_token(clock)
        else:
            tok = Token("date", iso)
        if tok.kind in _DATE_KINDS:
            dated = max(dated, 1)
        tokens.append(tok)
    return tuple(tokens), dated


def chunk_tokens(chunk: str) -> tuple[tuple[Token, ...], int]:
    """The tokens of one whitespace-free chunk, and whether any may be a date (see
    ``tokenize``)."""
    found = _CHUNK_CACHE.get(chunk)
    if found is None:
        found = _chunk_tokens(chunk)
        if len(_CHUNK_CACHE) >= _CHUNK_CACHE_LIMIT:
            _CHUNK_CACHE.clear()
        _CHUNK_CACHE[chunk] = found
    return found


def tokenize(line: str) -> tuple[list[Token], int]:
    """Cut a normalised line into tokens (spaces and other punctuation are dropped).

    The number tells whether any token may be part of a date: 0 none, 1 only whole
    date tokens (``2026-11-25``, ``mon``, ``yesterday``), 2 tokens that may join into
    one (``20/11``, ``nov``, ``ago``). The date reader looks only at lines above 0.
    """
    tokens: list[Token] = []
    dated = 0
    cache = _CHUNK_CACHE
    for chunk in line.split():
        found = cache.get(chunk)
        if found is None:
            found = chunk_tokens(chunk)
        tokens.extend(found[0])
        if found[1] > dated:
            dated = found[1]
    return tokens, dated


def token_offset(line: str, norm: str, index: int) -> int:
    """Where in ``line`` the token at ``index`` of ``tokenize(norm)`` starts.

    ``norm`` is ``normalize(line)``; both have the same whitespace-separated chunks.
    The offset is that of the token's chunk, moved to the token's own text when the
    chunk holds earlier tokens too (``5x5felt``).
    """
    seen = 0
    raw_chunks = list(re.finditer(r"\S+", line))
    for k, chunk in enumerate(norm.split()):
        tokens = chunk_tokens(chunk)[0]
        if seen + len(tokens) > index:
            start = raw_chunks[k].start() if k < len(raw_chunks) else len(line)
            skip = index - seen
            if skip == 0:
                return start
            text = tokens[skip].text
            inside = chunk.find(text, len("".join(t.text for t in tokens[:skip])))
            return start + max(inside, 0)
        seen += len(tokens)
    return len(line)


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
