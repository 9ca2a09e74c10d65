"""Looking along the notation tokens of one log line, without reading them yet.

``LineTokens`` holds a line's tokens with their kinds and words by position (padded,
so a look past the end reads ""), and answers the questions the grammar in
``bot.domain.notation.grammar`` asks before it commits to a reading (is this number a
load or a duration, does a list go on, does a new group of sets start here), reading
only the small pieces those answers rest on: a load with its unit, a duration or a
distance, a list of reps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, NamedTuple

from bot.domain.models import Unit
from bot.domain.notation import words as nt
from bot.domain.notation.amounts import Load, fail, plain_kg, to_kg
from bot.domain.notation.lexer import Token

__all__ = ["Atom", "Item", "LineTokens"]

_PAD: Final = ["", "", "", ""]
_NOT_A_LIST_ITEM: Final = frozenset(
    nt.UNIT_WORDS.keys() | nt.SETS_WORDS | nt.TIME_WORDS.keys() | nt.DISTANCE_WORDS.keys()
    | nt.YARD_WORDS | {"rm", "rest"}
)
_ATTACHED: Final = frozenset(_NOT_A_LIST_ITEM | nt.REPS_WORDS)
MAX_SECONDS: Final = 24 * 3600.0
MAX_METERS: Final = 100_000.0


@dataclass(slots=True)
class Atom:
    """The first number (or ``bw``/``+``) of a set scheme, and its load if surely one."""

    tok: Token
    load: Load | None  # set when it is surely a load (unit, bw, +, 20s)


class Item(NamedTuple):
    """One entry of a rep slot: reps (``tok``, maybe an AMRAP) or a duration/distance."""

    tok: Token
    amrap: bool = False
    seconds: float | None = None
    meters: float | None = None


class LineTokens:
    """One line's notation tokens, with look-ahead helpers for the grammar.

    ``timed`` is 0 for most lifts, 1 for holds and 2 for carries (see
    ``bot.domain.notation.names.timed_kind``); ``flip`` names the one ambiguity to read
    the other way (see ``bot.domain.notation.readings``).
    """

    def __init__(self, tokens: list[Token], unit: Unit, timed: int = 0, flip: str = "") -> None:
        self.t = tokens
        self.end = len(tokens)
        # Kinds and words by position, padded so that a look past the end reads "".
        self.k = [t.kind for t in tokens] + _PAD
        self.w = [t.text if t.kind == "word" else "" for t in tokens] + _PAD
        self.unit: Unit = unit
        self.timed = timed
        self.flip = flip
        self.flags: list[str] = []

    def _unit_at(self, i: int) -> Unit | None:
        unit = nt.UNIT_WORDS.get(self.w[i])
        if unit is None and self.k[i] == "hash":
            return "lb"
        return unit

    def _effort_suffix(self, k: int) -> bool:
        """``2rir`` / ``8 rpe``: the number at ``k`` is an effort (not ``7 rir 2``)."""
        return self.w[k + 1] in nt.EFFORT_WORDS and self.k[k + 2] != "num"

    def _amount(self, i: int) -> tuple[float, int]:
        if self.k[i] != "num":
            fail("A + needs a number after it.", "Write added load as +20kg or bw+20.",
                 "pull-up 3x8 +20kg")
        tok = self.t[i]
        unit = self._unit_at(i + 1)
        if tok.high is not None:
            plain_kg(tok, self.unit)
        return to_kg(tok.value, unit or self.unit), i + (2 if unit else 1)

    def _measure(self, i: int, pair_as_time: bool) -> tuple[Item, int] | None:
        """A duration (``60s`` on a hold, ``45 sec``, ``1min``, ``1:30``) or a distance
        (``40m``) at ``i``, and where it ends; None for anything else."""
        kind = self.k[i]
        if kind == "clock":
            return Item(self.t[i], seconds=self.t[i].value), i + 1
        if kind != "num":
            return None
        tok = self.t[i]
        word = self.w[i + 1]
        if word in nt.TIME_WORDS:
            return self._timed_item(tok, tok.value * nt.TIME_WORDS[word], None), i + 2
        if word in nt.DISTANCE_WORDS:
            if word == "m" and self.timed == 1:  # "plank 3x1m": a minute
                return self._timed_item(tok, tok.value * 60, None), i + 2
            return self._timed_item(tok, None, tok.value * nt.DISTANCE_WORDS[word]), i + 2
        if word in nt.YARD_WORDS:
            fail(f"{tok.text} {word}: I log distances in metres.",
                 "Write the distance in metres (20 yd is about 18 m), like 4x18m.",
                 "farmer walk 4x40m @32kg")
        if tok.pair and pair_as_time:
            return self._timed_item(tok, tok.value, None), i + 1
        return None

    def _timed_item(self, tok: Token, seconds: float | None, meters: float | None) -> Item:
        if tok.high is not None:
            fail(f"{tok.text} is a range; a timed set needs one duration or distance.",
                 "Write what you did on each set, like 3x45s or 60s, 45s, 40s.", "plank 3x45s")
        if (seconds is not None and not 0 < seconds <= MAX_SECONDS) or (
            meters is not None and not 0 < meters <= MAX_METERS
        ):
            fail(f"{tok.text} is not a duration or distance I can log.",
                 "Write seconds, minutes or metres per set, like 3x60s or 4x40m.", "plank 3x60s")
        return Item(tok, seconds=seconds, meters=meters)

    def _list_item(self, k: int) -> bool:
        """Whether the number at ``k`` continues a list (not a new ``175x5`` group)."""
        if k >= self.end:
            return False
        tok = self.t[k]
        if tok.kind != "num" or tok.pair or self.k[k + 1] in ("x", "hash"):
            return False
        if self.k[k + 1] == "num" and (tok.decimal or tok.value > 30) and self._lone_number(k + 1):
            return False  # "100 8, 105 9": a load before a bare number starts a new pair
        word = self.w[k + 1]
        return not (word in _NOT_A_LIST_ITEM or self._effort_suffix(k))

    def _lone_number(self, j: int) -> bool:
        """A number with nothing attached: no x, unit, effort or other word after it."""
        if self.t[j].pair or self.k[j + 1] in ("x", "hash", "plus"):
            return False
        word = self.w[j + 1]
        return not word or not (word in _ATTACHED or word in nt.EFFORT_WORDS)

    def _atom(self, i: int) -> tuple[Atom, int]:
        tok = self.t[i]
        if tok.kind == "word":  # bw, bw+20
            j = i + 1
            if self.k[j] == "plus" and self.k[j + 1] == "num":
                kg, j = self._amount(j + 1)
                return Atom(tok, Load(kg, True)), j
            if self.k[j] == "dash" and self.k[j + 1] == "num":
                fail("Assisted sets (bodyweight minus a load) can't be logged yet.",
                     "Log them as bodyweight sets: bw.", "pull-up 3x8 bw")
            return Atom(tok, Load(None, True)), j
        if tok.kind == "plus":
            kg, j = self._amount(i + 1)
            return Atom(tok, Load(kg, True)), j
        if tok.pair or self._unit_at(i + 1) is not None:
            kg, j = self._amount(i)
            return Atom(tok, Load(kg)), j
        return Atom(tok, None), i + 1

    def _rep_items(self, j: int, pair_as_time: bool = False) -> tuple[list[Item], int]:
        """Reps (or durations) separated by commas or slashes, starting at ``j``."""
        items: list[Item] = []
        while True:
            measure = self._measure(j, pair_as_time or self.timed > 0)
            if measure is not None:
                item, j = measure
            else:
                tok = self.t[j]
                j += 1
                amrap = self.k[j] == "plus" and self.k[j + 1] != "num"
                if amrap:
                    j += 1
                item = Item(tok, amrap)
            items.append(item)
            if not (self.k[j] in ("comma", "slash") and self._list_next(j + 1, item, pair_as_time)):
                return items, j
            j += 1

    def _list_next(self, k: int, previous: Item, pair_as_time: bool) -> bool:
        if previous.seconds is not None or previous.meters is not None:  # "60s, 45s, 30s"
            measure = self._measure(k, pair_as_time or self.timed > 0) if k < self.end else None
            return measure is not None and self.k[measure[1]] != "x"
        return self._list_item(k)

    def _starts_group(self, j: int) -> bool:
        if j >= self.end:
            return False
        tok = self.t[j]
        kind = tok.kind
        if kind == "x":
            return True
        if kind == "num":
            if self._effort_suffix(j):
                return False
            unit = self._unit_at(j + 1)
            if self.k[j + (2 if unit else 1)] == "x":
                return True
            if unit or tok.pair:
                return False
            word = self.w[j + 1]
            after = self.k[j + 1]
            return (
                word in nt.SETS_WORDS
                or word in nt.REPS_WORDS
                or (after in ("comma", "slash") and self._list_item(j + 2))
                or (after == "plus" and self.k[j + 2] != "num")
            )
        if kind == "plus" or (kind == "word" and tok.text in nt.BODYWEIGHT_WORDS):
            return self.k[self._atom(j)[1]] == "x"
        return False

    def _bare_reps_follow(self, j: int) -> bool:
        """``100kg 8``: a plain number right after a load is the reps of a set at it."""
        if j >= self.end or self.k[j] != "num":
            return False
        tok = self.t[j]
        if tok.pair or tok.decimal or self.k[j + 1] in ("x", "hash", "plus"):
            return False
        word = self.w[j + 1]
        return not (word in _NOT_A_LIST_ITEM or word in nt.REPS_WORDS or self._effort_suffix(j))
