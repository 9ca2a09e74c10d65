"""The exercise name in a log line: where it starts and ends, and which exercise it is.

The leading words are the name (``Bench Press:``, ``45 degree leg press``); warm-up,
planned-max and date words around it are taken out, and so are words that only lead
into it (``i did bench press``) or follow it (``Bench: worked up to 82.5 x 15``,
``squat top set 140x3``). A number is part of a name only before ``degree``. When a
line starts with the sets, a known exercise written later is accepted (``5x5
squat``, ``3 sets of 8 dips``, and ``50 push ups``, where the count is the reps). A
name the catalogue does not know is the lifter's own exercise (``custom``, no tier),
not an error; an ambiguous one (``pu``) is an error listing the candidates.
"""

from __future__ import annotations

from typing import Final, NamedTuple, NoReturn

from bot.domain.catalogue.lookup import Catalogue, slugify
from bot.domain.models import Exercise
from bot.domain.notation import words as nt
from bot.domain.notation.amounts import fail
from bot.domain.notation.lexer import Token

__all__ = ["EXAMPLE_LINE", "Leading", "later_name", "leading_marks", "leading_name", "no_name",
           "resolve_exercise", "timed_kind"]

EXAMPLE_LINE: Final = "squat 5x5 @100kg rir2"
"""A line that reads cleanly, shown with errors as a model to follow."""


class Leading(NamedTuple):
    """What comes before the name: where the name starts, and the marks seen."""

    start: int
    warmup: bool = False
    planned: bool = False


def leading_marks(tokens: list[Token]) -> Leading:
    """Where the name starts after warm-up words, planned-max words (``test``, ``1rm``,
    ``opener``) and lead-in words (``i did``, ``top set``): ``wu squat 60x5``, ``1rm squat 180``."""
    i, n = 0, len(tokens)
    warmup = planned = False
    while i < n:
        tok = tokens[i]
        nxt = tokens[i + 1].text if i + 1 < n else ""
        if tok.kind == "num" and nxt == "rm" and i + 2 < n and tokens[i + 2].kind == "word":
            planned, i = True, i + 2
            continue
        if tok.kind != "word":
            break
        word = tok.text
        if word in nt.WARMUP_WORDS:
            warmup, i = True, i + 1
        elif word == "warm" and nxt in ("up", "ups"):
            warmup, i = True, i + 2
        elif word in nt.PLANNED_MAX_WORDS and nxt not in nt.REPS_WORDS and i + 1 < n:
            planned, i = True, i + 1
        elif word in nt.LEADING_FILLERS and i + 1 < n and tokens[i + 1].kind == "word":
            i += 1
        elif (word, nxt) in nt.LEADING_PAIRS and i + 2 < n and tokens[i + 2].kind == "word":
            i += 2
        else:
            break
    return Leading(i, warmup, planned)


def timed_kind(words: list[str]) -> int:
    """0 for most lifts; 1 for a hold (``plank``, ``dead hang``), 2 for a carry or walk.

    On a hold ``60s`` is seconds and ``1m`` a minute; on a carry ``60s`` is seconds and
    ``40m`` metres; elsewhere ``20s`` is a pair of dumbbells.
    """
    kind = 0
    for word in words:
        if word in nt.HOLD_NAME_WORDS:
            return 1
        if word in nt.CARRY_NAME_WORDS:
            kind = 2
    return kind


def _is_marker(tokens: list[Token], i: int) -> bool:
    """Whether the word at ``i`` starts notation (so it ends an exercise name)."""
    word = tokens[i].text
    if word in nt.MARKER_WORDS:
        return True
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    return (word, nxt) in nt.MARKER_PAIRS


def leading_name(tokens: list[Token], i: int) -> tuple[list[str], int]:
    """The exercise name at the start of a line, and where the notation begins."""
    words: list[str] = []
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        kind = tok.kind
        if kind == "word":
            if words and _is_marker(tokens, i):
                break
            words.append(tok.text)
        elif kind == "num":
            # "45 degree leg press": a number is part of a name only before "degree"
            nxt = tokens[i + 1] if i + 1 < n else None
            if tok.high is not None or tok.pair or nxt is None or nxt.text not in nt.DEGREE_WORDS:
                break
            words.append(tok.text)
        elif kind in ("dash", "slash", "comma"):
            if not (i + 1 < n and tokens[i + 1].kind == "word" and words):
                break
        else:
            break
        i += 1
    while words and words[-1] in nt.FILLER_WORDS:
        words.pop()
    return words, i


def later_name(
    tokens: list[Token], start: int, catalogue: Catalogue
) -> tuple[list[str], int] | None:
    """For ``5x5 squat @100kg``: a known exercise written after some of the sets.

    Returns the name's words and where they start (they end ``len(words)`` later), or
    None when no known exercise follows the sets (the line may go on the sets of the
    exercise above it).
    """
    n = len(tokens)
    first = start
    while first < n and (tokens[first].kind != "word" or _is_notation_word(tokens, first)):
        first += 1
    while first > start and tokens[first - 1].kind == "word" and _is_filler(tokens, first - 1):
        first -= 1  # "leg" in "leg press" is also a filler word
    stop = first
    while stop < n and tokens[stop].kind == "word" and (
        _is_filler(tokens, stop) or not _is_notation_word(tokens, stop)
    ):
        stop += 1
    words = [t.text for t in tokens[first:stop]]
    while words and words[-1] in nt.FILLER_WORDS:
        words.pop()
    while words:
        if catalogue.lookup(" ".join(words)).exercise is not None:
            return words, first
        if words[0] not in nt.FILLER_WORDS:
            break
        words.pop(0)
        first += 1
    return None


def no_name() -> NoReturn:
    fail(
        "I couldn't find the exercise name in that line.",
        "Start the line with the exercise, then write the sets.",
        EXAMPLE_LINE,
    )


def _is_filler(tokens: list[Token], i: int) -> bool:
    return tokens[i].text in nt.FILLER_WORDS


def _is_notation_word(tokens: list[Token], i: int) -> bool:
    word = tokens[i].text
    if word in nt.FILLER_WORDS or _is_marker(tokens, i):
        return True
    prev = tokens[i - 1].text if i > 0 else ""
    return (prev, word) in nt.MARKER_PAIRS


# A catalogue does not change once built, so how it resolves a name is kept for the
# few catalogues in use (holding them, so that their ids stay theirs).
_NAME_MEMO: dict[int, tuple[Catalogue, dict[str, Exercise]]] = {}
_NAME_MEMO_CATALOGUES: Final = 4
_NAME_MEMO_NAMES: Final = 4096


def resolve_exercise(name: str, catalogue: Catalogue) -> Exercise:
    slot = _NAME_MEMO.get(id(catalogue))
    if slot is None or slot[0] is not catalogue:
        if len(_NAME_MEMO) >= _NAME_MEMO_CATALOGUES:
            _NAME_MEMO.clear()
        slot = _NAME_MEMO[id(catalogue)] = (catalogue, {})
    names = slot[1]
    exercise = names.get(name)
    if exercise is None:
        exercise = _lookup(name, catalogue)
        if len(names) >= _NAME_MEMO_NAMES:
            names.clear()
        names[name] = exercise
    return exercise


def _lookup(name: str, catalogue: Catalogue) -> Exercise:
    found = catalogue.lookup(name)
    if found.exercise is not None:
        return found.exercise
    if found.ambiguous:
        names = tuple(e.name for e in found.ambiguous)
        quoted = [f'"{n}"' for n in names]
        listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
        fail(
            f'"{name}" could mean more than one exercise.',
            f"Which one did you do: {listed}? Write its full name.",
            f"{names[0]} 3x8 rir2",
            names,
        )
    key = slugify(name) or "-".join(name.split())
    return Exercise(key=key, name=name, tier=None, custom=True)
