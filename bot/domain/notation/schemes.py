"""Reading the numbers of a line: set schemes, loads, lists, ladders, durations.

``SchemeReader`` is the half of the line grammar that starts at a number (or ``bw``,
``+20``, ``x``); ``bot.domain.notation.grammar`` adds the words and markers. Where a
written form has two plausible readings, the reader takes the documented one, notes
the ambiguity in ``flags`` and, when asked through ``flip``, takes the other one
instead (``bot.domain.notation.readings`` decides which one an entry keeps).

Flags: ``ab_load`` (``16x10`` read as 16 kg x 10, not 16 sets), ``ab_bigb`` (``4x55``
read as 4 sets of 55 reps, not 4 reps at 55), ``pair_reps`` (``12 x 20s`` read as 12
reps with a pair of 20s, not 12 sets of 20 seconds), ``at_rpe`` (``@8`` read as RPE 8
on a line with no load) and ``bare_reps`` (``curl 12 10`` read as two sets of reps,
not 12 kg for 10).
"""

from __future__ import annotations

from typing import Final

from bot.domain import limits
from bot.domain.notation import words as nt
from bot.domain.notation.amounts import (
    Load,
    dangling_last,
    fail,
    no_reps,
    plain_kg,
    sets_of,
    to_kg,
)
from bot.domain.notation.assembly import (
    Group,
    LineParts,
    Mod,
    add_group,
    place_bare,
    place_load,
    reps_group,
    scheme_group,
)
from bot.domain.notation.lexer import Token
from bot.domain.notation.tokens import Atom, Item, LineTokens

__all__ = ["SchemeReader"]

MAX_PLAIN_SETS: Final = 10  # A x B with a plain A above this reads A as a load
_PLAIN_SETS_LIMIT: Final = 20  # ... and above this with no question


class SchemeReader(LineTokens):
    """The number-led part of the grammar over one line's tokens."""

    p: LineParts
    recent: tuple[Mod, list[Mod]] | None
    last_n: int
    group_end: int  # where the last group of sets ended (per-set loads follow it)

    def _numbered(self, i: int, via_at: bool) -> int:
        if not via_at:
            measure = self._measure(i, self.timed > 0)
            if measure is not None:
                return self._measure_group(i)
        tok = self.t[i]
        if tok.kind == "num" and tok.high is not None and self._load_like(tok):
            ladder = self._dash_ladder(i)
            if ladder is not None:
                return ladder
        atom, j = self._atom(i)
        if self.k[j] == "x":
            return self._scheme(atom, j + 1, via_at)
        if self.w[j] == "for" and self.k[j + 1] == "num":
            if self.w[j + 2] not in nt.SETS_WORDS:  # "100 for 5": load for reps
                return self._scheme(atom, j + 1, via_at=True)
            j += 1  # "100 for 3 sets of 5": the load, then its sets
        if atom.load is not None or via_at:
            return self._loaded(atom, j, via_at)
        word = self.w[j]
        if word in nt.SETS_WORDS:
            return self._sets_of(atom.tok, j + 1)
        if word in nt.REPS_WORDS:
            self._push(reps_group([Item(tok)]))
            return j + 1
        if self.k[j] in ("comma", "slash") and self._list_item(j + 1):
            return self._number_list(i, via_at=False)
        if self.k[j] == "plus" and self.k[j + 1] != "num":
            self._push(reps_group([Item(tok, True)]))
            return j + 1
        place_bare(self.p, tok, self.unit, sets_follow=self._starts_group(j))
        return j

    @staticmethod
    def _load_like(tok: Token) -> bool:
        return tok.decimal or tok.value > _PLAIN_SETS_LIMIT

    def _loaded(self, atom: Atom, j: int, via_at: bool) -> int:
        """A load written on its own: ``@100kg``, ``100kg 8`` (a set at it), ``@ 20,25,30``."""
        if via_at and atom.load is None and self.k[j] in ("comma", "slash") \
                and self._list_item(j + 1):
            return self._number_list(j - 1, via_at=True)
        if atom.load is not None and not via_at and self._bare_reps_follow(j):
            items, k = self._rep_items(j)
            group = reps_group(items)
            group.load = atom.load
            self._push(group)
            return k
        load = atom.load or Load(plain_kg(atom.tok, self.unit))
        place_load(self.p, load, after_at=via_at, sets_follow=self._starts_group(j))
        return j

    def _scheme(self, a: Atom, j: int, via_at: bool) -> int:
        """``A x B [x C]`` with A already read and ``j`` just after the first x."""
        if self.k[j] not in ("num", "clock"):
            no_reps(self.w[j])
            fail('An "x" needs a number after it.', "Write sets x reps like 3x8, or load x reps "
                 "like 100x5.", "squat 100x5")
        surely = a.load is not None or via_at or self._load_like(a.tok)
        b_load: Load | None = None
        items: list[Item] = []
        pair_time = self.timed > 0 or self.flip == "pair_reps"
        b = self.t[j]
        if self._measure(j, pair_time) is not None:
            items, j = self._rep_items(j, pair_as_time=pair_time)
        elif b.pair or self._unit_at(j + 1) is not None:
            if b.pair and not surely and self._unit_at(j + 1) is None:
                self.flags.append("pair_reps")
            kg, j = self._amount(j)
            b_load = Load(kg)
        else:
            items, j = self._rep_items(j)
        if self.w[j] in nt.REPS_WORDS and self.k[j + 1] == "x":  # "260x 5 reps x 3 sets"
            j += 1
        c: Atom | None = None
        if self.k[j] == "x":
            if self.k[j + 1] != "num":
                fail('An "x" needs a number after it.', "Write load x reps x sets like "
                     "100kg x 5 x 3.", "squat 100kg x 5 x 3")
            c, j = self._atom(j + 1)
            if self.k[j] == "x":
                fail("That has more than three numbers joined by x.",
                     "Write load x reps x sets at most, like 100kg x 5 x 3.", "squat 100kg x 5 x 3")
        if b_load is None and c is None and not surely and self._reps_first(a, items):
            b_load, items = Load(plain_kg(items[0].tok, self.unit)), []
        a_is_load = surely if b_load is not None else self._a_is_load(a, items, c, surely)
        self._push(
            scheme_group(
                a.tok, a.load, a_is_load, b_load, items,
                c.tok if c is not None else None, c.load if c is not None else None, self.unit,
            )
        )
        return j

    def _reps_first(self, a: Atom, items: list[Item]) -> bool:
        """``4x55``: a few reps at a load written after them, by the rules in the notes."""
        if len(items) != 1 or items[0].seconds is not None or items[0].meters is not None:
            return False
        b = items[0].tok
        if a.tok.value > MAX_PLAIN_SETS or b.high is not None or b.value <= 50 or items[0].amrap:
            return False
        if b.decimal or b.value > limits.MAX_REPS:
            return True  # as reps it cannot be logged at all
        self.flags.append("ab_bigb")
        return self.flip == "ab_bigb"

    def _a_is_load(self, a: Atom, items: list[Item], c: Atom | None, surely: bool) -> bool:
        if surely or a.tok.high is not None or (c is None and len(items) != 1):
            return surely
        if items and (items[0].seconds is not None or items[0].meters is not None):
            return False
        if MAX_PLAIN_SETS < a.tok.value <= _PLAIN_SETS_LIMIT:
            self.flags.append("ab_load")
            return self.flip != "ab_load"
        return False

    def _sets_of(self, tok: Token, j: int) -> int:
        sets = sets_of(tok)
        while self.w[j] in ("of", "for") or self.k[j] == "x":
            j += 1
        timed = self._measure(j, self.timed > 0) is not None
        if not timed and (self.k[j] != "num" or self.t[j].pair or self._unit_at(j + 1) is not None):
            fail(f"{sets} sets of how many reps?", "Write it as 3 sets of 8, or 3x8.",
                 "bench 3 sets of 8 @80kg")
        items, j = self._rep_items(j, pair_as_time=self.timed > 0)
        if len(items) == 1:
            group = reps_group(items, sets)
        elif len(items) == sets:
            group = reps_group(items)
        else:
            fail(f"{sets} sets but {len(items)} rep counts.", "Give one rep count per set.",
                 "bench 3 sets of 8,8,7 @80kg")
        self._push(group)
        return j + (1 if self.w[j] in nt.REPS_WORDS else 0)

    def _x_start(self, i: int) -> int:
        j = i + 1
        timed = self._measure(j, self.timed > 0) is not None
        if not timed and (self.k[j] != "num" or self.t[j].pair or self._unit_at(j + 1) is not None):
            no_reps(self.w[j])
            fail('An "x" needs reps after it.', "Write load x reps, like 100x5.", "squat 100x5")
        items, j = self._rep_items(j)
        sets = 1
        if self.k[j] == "x" and self.k[j + 1] == "num" and len(items) == 1:
            sets = sets_of(self.t[j + 1])
            j += 2
        self._push(reps_group(items, sets))
        return j

    def _measure_group(self, i: int) -> int:
        """``60s``, ``60s, 45s``, ``1min x 3``: sets measured in time or distance."""
        items, j = self._rep_items(i, pair_as_time=self.timed > 0)
        sets = 1
        if self.k[j] == "x" and self.k[j + 1] == "num" and len(items) == 1 \
                and self._unit_at(j + 2) is None and not self.t[j + 1].pair:
            sets = sets_of(self.t[j + 1])
            j += 2
        self._push(reps_group(items, sets))
        return j

    def _number_list(self, i: int, via_at: bool) -> int:
        """``8,8,7`` as reps; ``85,85,80`` after ``3x8`` as one load per set; ``85,80x8``
        and ``100/110/120 x 3`` as a ladder of loads; after ``@``, loads per set."""
        items, j = self._rep_items(i)
        toks = [item.tok for item in items]
        if self.k[j] in ("comma", "slash") and self.k[j + 1] == "num" and self.k[j + 2] == "x" \
                and not self.t[j + 1].pair:  # "100/110/120x3": the last load before the x
            toks.append(self.t[j + 1])
            if any(map(self._load_like, toks)):
                j += 2
            else:
                toks.pop()
        if self.k[j] == "x" and self.k[j + 1] == "num" and any(map(self._load_like, toks)):
            return self._ladder([Load(plain_kg(t, self.unit)) for t in toks], j + 1)
        prev = self.p.groups[-1] if self.p.groups else None
        fits = prev is not None and prev.load is None and prev.loads is None \
            and len(toks) == prev.size and all(t.high is None for t in toks)
        if prev is not None and fits and (via_at or self.group_end == i):
            prev.loads, prev.load_after = [Load(plain_kg(t, self.unit)) for t in toks], True
            return j
        if via_at:
            fail(f"{len(toks)} loads after @, but the sets before them are not {len(toks)}.",
                 "Give one load per set (3x10 @ 20,22.5,25), or one load for all of them.",
                 "curl 3x10 @ 10,12,14")
        self._push(reps_group(items))
        return j

    def _dash_ladder(self, i: int) -> int | None:
        """``415-435-455x2``: one set at each load, the reps after the x."""
        tok = self.t[i]
        assert tok.high is not None
        values = [tok.value, tok.high]
        j = i + 1
        while self.k[j] == "dash" and self.k[j + 1] == "num" and self.t[j + 1].high is None:
            values.append(self.t[j + 1].value)
            j += 2
        unit = self._unit_at(j)
        if unit is not None:
            j += 1
        if self.k[j] != "x" or self.k[j + 1] != "num":
            return None
        return self._ladder([Load(to_kg(v, unit or self.unit)) for v in values], j + 1)

    def _ladder(self, loads: list[Load], j: int) -> int:
        items, j = self._rep_items(j)
        if len(items) == 1:
            group = reps_group(items, len(loads))
        elif len(items) == len(loads):
            group = reps_group(items)
        else:
            fail(f"{len(loads)} loads but {len(items)} rep counts.",
                 "Give one rep count for all the loads (100/110/120x3), or one per load.",
                 "squat 100/110/120x3")
        group.loads = loads
        group.amrap = [False] * (len(loads) - 1) + [group.amrap[-1]]
        self._push(group)
        return j

    def _push(self, group: Group) -> None:
        self.recent = None
        if self.last_n:
            dangling_last()
        add_group(self.p, group)
