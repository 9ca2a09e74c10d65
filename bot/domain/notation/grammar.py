"""The notation part of one log line: sets, reps, loads, effort and markers.

``bot.domain.notation.parse`` finds the exercise name and the date, then hands the rest of
the line's tokens to ``LineGrammar``, which reads them into ``SetRecord`` values.
The reading rules are tabled in the docstring of ``bot.domain.notation.parse``; the
look-ahead over the tokens is in ``bot.domain.notation.tokens``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from bot.domain.models import SetRecord, Unit
from bot.domain.notation import words as nt
from bot.domain.notation.amounts import (
    FAILURE,
    MAX_RIR,
    Effort,
    Load,
    dangling_last,
    effort_of,
    fail,
    no_reps,
    plain_kg,
    rpe_like,
    sets_of,
    stray_word,
)
from bot.domain.notation.assembly import (
    Group,
    LineParts,
    Mod,
    add_group,
    assemble,
    place_bare,
    place_load,
    reps_group,
    scheme_group,
)
from bot.domain.notation.tokens import Atom, LineTokens
from bot.domain.notation.words import Token

if TYPE_CHECKING:
    from bot.domain.catalogue.lookup import Catalogue

_EFFORT_FILLERS: Final = frozenset({"of", "at", "is", "was", "about", "around"})


class LineGrammar(LineTokens):
    """Reads the notation tokens of one line; ``run`` then ``build``."""

    def __init__(self, tokens: list[Token], unit: Unit, catalogue: Catalogue) -> None:
        super().__init__(tokens, unit)
        self.catalogue = catalogue
        self.p = LineParts()
        self.last_n = 0
        self.recent: tuple[Mod, list[Mod]] | None = None  # the marker just read

    # ------------------------------------------------------------------ reading
    def run(self, i: int, *, warmup: bool = False) -> None:
        """Read the tokens from ``i`` on; ``warmup`` marks a line that began with wu."""
        if warmup:
            self.p.line_mods.append(Mod("warmup", "warm-up"))
        t = self.t
        end = self.end
        while i < end:
            kind = t[i].kind
            if kind == "num":
                if self._effort_suffix(i):
                    i = self._effort_after_number(i)
                else:
                    i = self._numbered(i, via_at=False)
            elif kind == "word":
                i = self._word_item(i)
            elif kind == "x":
                i = self._x_start(i)
            elif kind == "at":
                i = self._at(i)
            elif kind == "plus":
                i = self._numbered(i, via_at=False)
            else:
                i += 1
        if self.last_n:
            dangling_last()

    def _add(self, mod: Mod) -> None:
        if self.last_n:
            mod.last, self.last_n = self.last_n, 0
            target = self.p.tail_mods
        elif self.p.groups:
            target = self.p.groups[-1].mods
        else:
            target = self.p.line_mods
        target.append(mod)
        self.recent = (mod, target)

    def _word_item(self, i: int) -> int:
        word = self.t[i].text
        nxt = self.w[i + 1]
        if word in nt.EFFORT_WORDS:
            return self._effort_word(i)
        if word in nt.FAILURE_WORDS:
            if self.k[i + 1] == "plus" and self.k[i + 2] != "num":
                self._add(Mod("technique", word + "+", technique="forced"))
                return i + 2
            self._add(Mod("effort", word, efforts=(FAILURE,)))
            return i + 1
        technique = nt.TECHNIQUE_WORDS.get(word)
        if technique is not None:
            self._add(Mod("technique", word, technique=technique))
            return i + 1
        if word == "rest" and nxt == "pause":
            self._add(Mod("technique", "rest pause", technique="rest-pause"))
            return i + 2
        if word == "amrap" or (word == "max" and nxt in nt.REPS_WORDS):
            self._add(Mod("amrap", word))
            return i + (1 if word == "amrap" else 2)
        if word in ("double", "triple") and nxt in nt.TECHNIQUE_WORDS:  # a double drop set
            return i + 1
        if word == "w" and self.k[i + 1] == "slash":  # "w/ 30s": with
            return i + 2
        if word in nt.WARMUP_WORDS or (word == "warm" and nxt in ("up", "ups")):
            self._add(Mod("warmup", word))
            return i + (2 if word == "warm" else 1)
        if word in nt.BODYWEIGHT_WORDS:
            return self._numbered(i, via_at=False)
        if word in nt.LAST_WORDS:
            return self._last(i)
        if word in nt.AMBIGUOUS_NOTATION:
            fail(
                f'"{word}" could mean rest-pause or an RPE, so I won\'t guess.',
                "Write rest-pause for a rest-pause set, or rpe 8 for how hard it was.",
                "leg extension 3x12 @40kg rest-pause",
            )
        if word in nt.UNIT_WORDS:
            fail(f'"{word}" needs a number in front of it.', "Write the load with its unit: 100kg.",
                 "squat 5x5 @100kg")
        if word in nt.FILLER_WORDS:
            return i + 1
        stray_word(word, len(word) > 2 and self.catalogue.lookup(word).exercise is not None)

    def _last(self, i: int) -> int:
        j, count = i + 1, 1
        tok = self.t[j] if j < self.end else None
        if (
            tok is not None
            and tok.kind == "num"
            and self.k[j + 1] != "x"
            and self._unit_at(j + 1) is None
            and not self._effort_suffix(j)
        ):
            count = sets_of(tok)
            j += 1
        if self.w[j] in nt.SETS_WORDS or self.w[j] == "one":
            j += 1
        if self.last_n:
            dangling_last()
        if self.k[j] in ("", "comma") and self.recent is not None:
            # "drop on the last set": the marker just read moves to the final sets
            mod, target = self.recent
            target.remove(mod)
            mod.last = count
            self.p.tail_mods.append(mod)
            self.recent = (mod, self.p.tail_mods)
            return j
        self.last_n = count
        return j

    # ------------------------------------------------------------------ effort
    def _effort_values(self, j: int, rpe: bool, spaced: bool) -> tuple[tuple[Effort, ...], int]:
        values = [effort_of(self.t[j], rpe)]
        j += 1
        while True:
            if self.k[j] in ("comma", "slash") and self._list_item(j + 1):
                j += 1
            elif not (spaced and self._list_item(j) and self.t[j].value <= MAX_RIR):
                break
            values.append(effort_of(self.t[j], rpe))
            j += 1
        return tuple(values), j

    def _effort_word(self, i: int) -> int:
        word = self.t[i].text
        j = i + 1
        while self.w[j] in _EFFORT_FILLERS:
            j += 1
        if self.k[j] != "num":
            fail(f'"{word}" needs a number after it.',
                 "Write the effort as rir 2 (reps left) or rpe 8.", "bench 3x8 @80kg rir 2")
        values, j = self._effort_values(j, word == "rpe", spaced=True)
        self._add(Mod("effort", word, efforts=values))
        return j

    def _effort_after_number(self, i: int) -> int:
        word = self.w[i + 1]
        effort = effort_of(self.t[i], word == "rpe")
        self._add(Mod("effort", f"{self.t[i].text}{word}", efforts=(effort,)))
        return i + 2

    def _at(self, i: int) -> int:
        j = i + 1
        if self.w[j] in nt.EFFORT_WORDS:
            return self._effort_word(j)
        if self.k[j] == "num":
            tok = self.t[j]
            if (
                not tok.pair
                and self._unit_at(j + 1) is None
                and self.k[j + 1] != "x"
                and rpe_like(tok)
            ):
                values, k = self._effort_values(j, rpe=True, spaced=False)
                self._add(Mod("effort", "@" + tok.text, efforts=values))
                return k
            return self._numbered(j, via_at=True)
        if self.w[j] in nt.BODYWEIGHT_WORDS or self.k[j] == "plus":
            return self._numbered(j, via_at=True)
        fail('"@" needs a load or an RPE after it.', "Write @100kg for the load or @8 for RPE 8.",
             "squat 5x5 @100kg")

    # ------------------------------------------------------------------ sets
    def _numbered(self, i: int, via_at: bool) -> int:
        atom, j = self._atom(i)
        if self.k[j] == "x":
            return self._scheme(atom, j + 1, via_at)
        if self.w[j] == "for" and self.k[j + 1] == "num":  # "100 for 5": load for reps
            return self._scheme(atom, j + 1, via_at=True)
        if atom.load is not None or via_at:
            load = atom.load or Load(plain_kg(atom.tok, self.unit))
            place_load(self.p, load, after_at=via_at, sets_follow=self._starts_group(j))
            return j
        tok = atom.tok
        word = self.w[j]
        if word in nt.SETS_WORDS:
            return self._sets_of(tok, j + 1)
        if word in nt.REPS_WORDS:
            self._push(reps_group([(tok, False)]))
            return j + 1
        if self.k[j] in ("comma", "slash") and self._list_item(j + 1):
            items, j = self._rep_items(i)
            self._push(reps_group(items))
            return j
        if self.k[j] == "plus" and self.k[j + 1] != "num":
            self._push(reps_group([(tok, True)]))
            return j + 1
        place_bare(self.p, tok, self.unit, sets_follow=self._starts_group(j))
        return j

    def _scheme(self, a: Atom, j: int, via_at: bool) -> int:
        """``A x B [x C]`` with A already read and ``j`` just after the first x."""
        if self.k[j] != "num":
            no_reps(self.w[j])
            fail('An "x" needs a number after it.', "Write sets x reps like 3x8, or load x reps "
                 "like 100x5.", "squat 100x5")
        b_load: Load | None = None
        items: list[tuple[Token, bool]] = []
        if self.t[j].pair or self._unit_at(j + 1) is not None:
            kg, j = self._amount(j)
            b_load = Load(kg)
        else:
            items, j = self._rep_items(j)
        c: Atom | None = None
        if self.k[j] == "x":
            if self.k[j + 1] != "num":
                fail('An "x" needs a number after it.', "Write load x reps x sets like "
                     "100kg x 5 x 3.", "squat 100kg x 5 x 3")
            c, j = self._atom(j + 1)
            if self.k[j] == "x":
                fail("That has more than three numbers joined by x.",
                     "Write load x reps x sets at most, like 100kg x 5 x 3.", "squat 100kg x 5 x 3")
        self._push(
            scheme_group(
                a.tok, a.load, via_at, b_load, items,
                c.tok if c is not None else None, c.load if c is not None else None, self.unit,
            )
        )
        return j

    def _sets_of(self, tok: Token, j: int) -> int:
        sets = sets_of(tok)
        while self.w[j] in ("of", "for") or self.k[j] == "x":
            j += 1
        if self.k[j] != "num" or self.t[j].pair or self._unit_at(j + 1) is not None:
            fail(f"{sets} sets of how many reps?", "Write it as 3 sets of 8, or 3x8.",
                 "bench 3 sets of 8 @80kg")
        items, j = self._rep_items(j)
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
        if self.k[j] != "num" or self.t[j].pair or self._unit_at(j + 1) is not None:
            no_reps(self.w[j])
            fail('An "x" needs reps after it.', "Write load x reps, like 100x5.", "squat 100x5")
        items, j = self._rep_items(j)
        sets = 1
        if self.k[j] == "x" and self.k[j + 1] == "num" and len(items) == 1:
            sets = sets_of(self.t[j + 1])
            j += 2
        self._push(reps_group(items, sets))
        return j

    def _push(self, group: Group) -> None:
        self.recent = None
        if self.last_n:
            dangling_last()
        add_group(self.p, group)

    def build(self, name: str) -> tuple[SetRecord, ...]:
        """The sets of the line, with every marker applied."""
        return assemble(self.p, name, self.unit)
