"""Looking along the notation tokens of one log line, without reading them yet.

``LineTokens`` holds a line's tokens with their kinds and words by position (padded,
so a look past the end reads ""), and answers the questions the grammar in
``bot.domain.notation.grammar`` asks before it commits to a reading (is this number a
load, does a list go on, does a new group of sets start here), reading only the small
pieces those answers rest on: a load with its unit, a list of reps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from bot.domain.models import Unit
from bot.domain.notation import words as nt
from bot.domain.notation.amounts import Load, fail, plain_kg, to_kg
from bot.domain.notation.words import Token

__all__ = ["Atom", "LineTokens"]

_PAD: Final = ["", "", "", ""]


@dataclass(slots=True)
class Atom:
    """The first number (or ``bw``/``+``) of a set scheme, and its load if surely one."""

    tok: Token
    load: Load | None  # set when it is surely a load (unit, bw, +, 20s)


class LineTokens:
    """One line's notation tokens, with look-ahead helpers for the grammar."""

    def __init__(self, tokens: list[Token], unit: Unit) -> None:
        self.t = tokens
        self.end = len(tokens)
        # Kinds and words by position, padded so that a look past the end reads "".
        self.k = [t.kind for t in tokens] + _PAD
        self.w = [t.text if t.kind == "word" else "" for t in tokens] + _PAD
        self.unit: Unit = unit

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

    def _list_item(self, k: int) -> bool:
        """Whether the number at ``k`` continues a list (not a new ``175x5`` group)."""
        if k >= self.end:
            return False
        tok = self.t[k]
        if tok.kind != "num" or tok.pair or self.k[k + 1] in ("x", "hash"):
            return False
        word = self.w[k + 1]
        return not (word in nt.UNIT_WORDS or word in nt.SETS_WORDS or self._effort_suffix(k))

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

    def _rep_items(self, j: int) -> tuple[list[tuple[Token, bool]], int]:
        items: list[tuple[Token, bool]] = []
        while True:
            tok = self.t[j]
            j += 1
            amrap = self.k[j] == "plus" and self.k[j + 1] != "num"
            if amrap:
                j += 1
            items.append((tok, amrap))
            if not (self.k[j] in ("comma", "slash") and self._list_item(j + 1)):
                return items, j
            j += 1

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

