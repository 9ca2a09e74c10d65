"""The everyday line, read without the full grammar.

Most lines are a few groups of sets with their loads, perhaps a load written apart,
and at most one marker: ``5x5 @100kg rir2``, ``100kg x 5 x 3 f``, ``3 sets of 8 rpe 8``,
``135x8,8,7 rir 2,1,0``, ``175x5, 175x5, 170x6 rir1``, ``bw+20 x 8``. ``quick_sets``
reads exactly those, with the same rules and checks as ``bot.domain.notation.grammar``
(a test compares the two on every combination of the pieces it knows), and answers
None for anything else, so that the grammar reads it. It never decides an ambiguous
form: a line the grammar would flag goes to the grammar. It is written for speed (plain
indexes over padded lists), since it reads nearly every line a bot sees.
"""

from __future__ import annotations

from typing import Final, NamedTuple

from bot.domain.models import SetRecord, Technique, Unit
from bot.domain.notation import words as nt
from bot.domain.notation.amounts import (
    FAILURE,
    Effort,
    Stop,
    effort_of,
    rep_range,
    rpe_like,
    sets_of,
    to_kg,
)
from bot.domain.notation.lexer import Token
from bot.domain.notation.values import set_record

__all__ = ["quick_sets"]

_PLAIN_SETS_MAX: Final = 10
_LOAD_FROM: Final = 20
_FILLERS: Final = frozenset({"to", "at", "with", "and"})
_NOT_AFTER_REPS: Final = frozenset(
    nt.UNIT_WORDS.keys() | nt.TIME_WORDS.keys() | nt.DISTANCE_WORDS.keys() | nt.YARD_WORDS
    | nt.SETS_WORDS | nt.REPS_WORDS | {"rm", "rest"}
)
_ATTACHED: Final = frozenset(_NOT_AFTER_REPS | nt.EFFORT_WORDS)
_UNITS: Final = nt.UNIT_WORDS
_BW: Final = nt.BODYWEIGHT_WORDS
_PAD: Final = ("", "", "", "")
_NO = Token("", "")


class _Load(NamedTuple):
    kg: float | None
    bodyweight: bool = False


Mark = tuple[tuple[Effort, ...], Technique | None, bool, bool]  # efforts, technique, amrap, wu
_NO_MARK: Final[Mark] = ((), None, False, False)


def quick_sets(
    t: list[Token], i: int, unit: Unit, warmup: bool
) -> tuple[SetRecord, ...] | None:
    """The sets of ``t[i:]`` when it is an everyday line (see the module notes), else None."""
    try:
        return _Quick(t, unit).read(i, warmup)
    except Stop:
        return None  # the grammar says what is wrong


class _Quick:
    def __init__(self, t: list[Token], unit: Unit) -> None:
        self.t = t
        self.n = len(t)
        self.k = [tok.kind for tok in t]
        self.k.extend(_PAD)
        self.w = [tok.text for tok in t]
        self.w.extend(_PAD)
        self.unit = unit

    def read(self, i: int, warmup: bool) -> tuple[SetRecord, ...] | None:
        k = self.k
        forward: _Load | None = None
        if k[i] != "num" or k[i + 1] != "x":
            found = self.load_atom(i)
            if found is not None and k[found[1]] != "x":
                forward, i = found
                if k[i] == "num" and k[i + 1] != "x" and self.w[i + 1] not in nt.SETS_WORDS:
                    return None  # "100kg 8": a set at the load, read by the grammar
        groups: list[tuple[list[Token], _Load | None]] = []
        while True:
            found_group = self.group(i)
            if found_group is None or len(groups) >= 20:
                return None
            reps, load, i = found_group
            groups.append((reps, load))
            j = i + 1 if k[i] == "comma" else i
            if not self.starts_group(j):
                break
            i = j
        if forward is not None:
            if groups[0][1] is not None:
                return None
            groups[0] = (groups[0][0], forward)
        if len(groups) == 1 and groups[0][1] is None and i < self.n:
            apart = self.load_apart(i)
            if apart is None:
                return None
            load, i = apart
            if load is not None:
                groups[0] = (groups[0][0], load)
        mark = self.marker(i, any(g[1] is not None for g in groups))
        if mark is None:
            return None
        return _records(groups, mark, warmup)

    # ---------------------------------------------------------------- pieces
    def amount(self, i: int) -> tuple[float, int] | None:
        tok = self.t[i]
        if tok.high is not None:
            return None
        unit = _UNITS.get(self.w[i + 1]) if self.k[i + 1] == "word" else None
        return to_kg(tok.value, unit or self.unit), i + (2 if unit else 1)

    def load_atom(self, i: int) -> tuple[_Load, int] | None:
        """``100kg``, ``225 lb``, ``20s``, ``bw``, ``bw+20``, ``+20kg`` at ``i``."""
        kind = self.k[i]
        if kind == "num":
            tok = self.t[i]
            if tok.high is None and (tok.pair or self.w[i + 1] in _UNITS):
                found = self.amount(i)
                return None if found is None else (_Load(found[0]), found[1])
            return None
        if kind == "word" and self.w[i] in _BW:
            if self.k[i + 1] == "plus" and self.k[i + 2] == "num":
                found = self.amount(i + 2)
                return None if found is None else (_Load(found[0], True), found[1])
            if self.k[i + 1] == "dash":
                return None
            return _Load(None, True), i + 1
        if kind == "plus" and self.k[i + 1] == "num":
            found = self.amount(i + 1)
            return None if found is None else (_Load(found[0], True), found[1])
        return None

    def starts_group(self, i: int) -> bool:
        """``175x5``, ``100kg x 5``, ``20s x 12``, ``bw x 8``, ``bw+20 x 8`` at ``i``."""
        if self.k[i] == "num" and not self.t[i].pair and self.k[i + 1] == "x":
            return True
        found = self.load_atom(i) if i < self.n else None
        return found is not None and self.k[found[1]] == "x"

    def lone_number(self, i: int) -> bool:
        """The grammar's test of a number with nothing attached (see ``tokens``)."""
        if self.t[i].pair or self.k[i + 1] in ("x", "hash", "plus"):
            return False
        return self.k[i + 1] != "word" or self.w[i + 1] not in _ATTACHED

    def list_item(self, i: int) -> bool:
        """The grammar's test of whether the number at ``i`` continues a list."""
        k = self.k
        if k[i] != "num" or self.t[i].pair or k[i + 1] in ("x", "hash"):
            return False
        tok = self.t[i]
        if k[i + 1] == "num" and (tok.decimal or tok.value > 30) and self.lone_number(i + 1):
            return False
        word = self.w[i + 1] if k[i + 1] == "word" else ""
        return not (word in _NOT_AFTER_REPS or (word in nt.EFFORT_WORDS and k[i + 2] != "num"))

    def rep_list(self, i: int) -> tuple[list[Token], int] | None:
        """``8``, ``8-12``, ``8,8,7``, ``5/5/5`` at ``i``."""
        k, w, t = self.k, self.w, self.t
        items: list[Token] = []
        while True:
            if k[i] != "num" or t[i].pair:
                return None
            items.append(t[i])
            i += 1
            nxt = k[i]
            if nxt == "plus":  # "8+" is an AMRAP; "8 +20kg" a load after the set
                return (items, i) if k[i + 1] == "num" else None
            if nxt in ("hash", "clock") or (nxt == "word" and w[i] in _NOT_AFTER_REPS):
                return None
            if (nxt != "comma" and nxt != "slash") or not self.list_item(i + 1):
                return items, i
            i += 1

    def group(self, i: int) -> tuple[list[Token], _Load | None, int] | None:
        """``A x B``, ``L x R [x S]``, ``L x 8,8,7``, ``A sets of B``, ``8,8,7``."""
        k = self.k
        found = self.load_atom(i)
        a: Token | None = None
        load: _Load | None = None
        if found is not None:
            load, i = found
            if k[i] != "x":
                return None
        else:
            a = self.t[i] if i < self.n else _NO
            if a.kind != "num" or a.pair or a.high is not None:
                return None
            if self.w[i + 1] in nt.SETS_WORDS:
                return self.sets_of(i)
            if k[i + 1] in ("comma", "slash"):
                bare = self.rep_list(i)
                if bare is None or len(bare[0]) < 2:
                    return None
                end = bare[1]
                if k[end] in ("comma", "slash") and k[end + 1] == "num" and k[end + 2] == "x":
                    return None  # "60,80,100x5": maybe a ladder, for the grammar
                return bare[0], None, bare[1]
            if k[i + 1] != "x":
                return None
            i += 1
        listed = self.rep_list(i + 1)
        if listed is None:
            return None
        reps, i = listed
        return self.scheme(a, load, reps, i)

    def scheme(
        self, a: Token | None, load: _Load | None, reps: list[Token], i: int
    ) -> tuple[list[Token], _Load | None, int] | None:
        k = self.k
        if k[i] == "x":  # A x B x C
            c = self.t[i + 1] if i + 1 < self.n else _NO
            if c.kind != "num" or c.pair or c.high is not None or len(reps) != 1:
                return None
            if k[i + 2] in ("comma", "slash", "plus", "hash", "x") or (
                k[i + 2] == "word" and self.w[i + 2] in _NOT_AFTER_REPS
            ):
                return None
            if a is not None:
                if not (a.decimal or a.value > _LOAD_FROM):
                    return None
                load = _Load(to_kg(a.value, self.unit))
            return reps * sets_of(c), load, i + 2
        if a is None:
            return reps, load, i
        if a.decimal or a.value > _LOAD_FROM:
            return reps, _Load(to_kg(a.value, self.unit)), i
        if len(reps) > 1:
            if len(reps) == int(a.value):
                return reps, None, i
            return reps, _Load(to_kg(a.value, self.unit)), i
        if a.value > _PLAIN_SETS_MAX or (reps[0].high is None and reps[0].value > 50):
            return None  # flagged forms: the grammar reads them
        return reps * sets_of(a), None, i

    def sets_of(self, i: int) -> tuple[list[Token], _Load | None, int] | None:
        count = sets_of(self.t[i])
        k, w = self.k, self.w
        i += 2
        while w[i] in ("of", "for") or k[i] == "x":
            i += 1
        tok = self.t[i] if i < self.n else _NO
        if tok.kind != "num" or tok.pair:
            return None
        nxt = k[i + 1]
        if nxt in ("comma", "slash", "plus", "hash", "clock", "x") or (
            nxt == "word" and w[i + 1] in _NOT_AFTER_REPS and w[i + 1] not in nt.REPS_WORDS
        ):
            return None
        i += 1
        if w[i] in nt.REPS_WORDS:
            i += 1
        return [tok] * count, None, i

    def load_apart(self, i: int) -> tuple[_Load | None, int] | None:
        """``@100kg``, ``@ 100``, ``100kg``, ``100``, ``bw``, ``+20kg`` after a lone group
        (None when the line goes on in a way only the grammar reads)."""
        k, w = self.k, self.w
        kind = k[i]
        if kind == "at":
            if k[i + 1] == "word":
                return (None, i) if w[i + 1] in nt.EFFORT_WORDS else None
            nxt = self.t[i + 1] if i + 1 < self.n else _NO
            if nxt.kind != "num" or nxt.pair or nxt.high is not None:
                return None
            if w[i + 2] not in _UNITS and rpe_like(nxt) and k[i + 2] != "x":
                return None, i  # "@8": an effort, read by the marker
            found = self.amount(i + 1)
            return None if found is None else (_Load(found[0]), found[1])
        if kind == "num":
            tok = self.t[i]
            if w[i + 1] in nt.EFFORT_WORDS:
                return None, i
            if tok.pair or tok.high is not None:
                return None
            found = self.amount(i)
            if found is None or k[found[1]] not in ("word", "at", ""):
                return None
            return _Load(found[0]), found[1]
        if kind == "plus" or (kind == "word" and w[i] in _BW):
            return self.load_atom(i)
        return None, i

    def marker(self, i: int, has_load: bool) -> Mark | None:
        """At most one marker, then the end of the line."""
        k, w, n = self.k, self.w, self.n
        while k[i] == "word" and w[i] in _FILLERS:
            i += 1
        if i >= n:
            return _NO_MARK
        kind = k[i]
        if kind == "at":
            if w[i + 1] in nt.EFFORT_WORDS and k[i + 1] == "word":
                return self.effort_list(i + 1)
            nxt = self.t[i + 1] if i + 1 < n else _NO
            if nxt.kind != "num" or nxt.pair or nxt.high is not None or i + 2 != n \
                    or not rpe_like(nxt) or not has_load:
                return None
            return (effort_of(nxt, True),), None, False, False
        if kind == "num":
            tok = self.t[i]
            if not tok.pair and w[i + 1] in nt.EFFORT_WORDS and i + 2 == n:
                return (effort_of(tok, w[i + 1] == "rpe"),), None, False, False
            return None
        word = w[i] if kind == "word" else ""
        if word in nt.EFFORT_WORDS:
            return self.effort_list(i)
        if i + 1 != n:
            return None
        if word in nt.FAILURE_WORDS:
            return (FAILURE,), None, False, False
        technique = nt.TECHNIQUE_WORDS.get(word)
        if technique is not None:
            return (), technique, False, False
        if word == "amrap":
            return (), None, True, False
        if word in nt.WARMUP_WORDS:
            return (), None, False, True
        return None

    def effort_list(self, i: int) -> Mark | None:
        """``rir 2``, ``rpe 8.5``, ``rir 1-2``, ``rir 2,1,0``, ending the line."""
        rpe = self.w[i] == "rpe"
        k, t, n = self.k, self.t, self.n
        i += 1
        values: list[Effort] = []
        while True:
            if k[i] != "num" or t[i].pair:
                return None
            values.append(effort_of(t[i], rpe))
            i += 1
            if i >= n:
                return tuple(values), None, False, False
            if k[i] != "comma" and k[i] != "slash":
                return None
            i += 1


def _records(
    groups: list[tuple[list[Token], _Load | None]], mark: Mark, warmup: bool
) -> tuple[SetRecord, ...] | None:
    efforts, technique, amrap, warm = mark
    warmup = warmup or warm
    total = sum(len(g[0]) for g in groups)
    if total > 20 or (len(efforts) > 1 and len(efforts) != total):
        return None
    one = efforts[0] if len(efforts) == 1 else None
    if len(groups) == 1 and len(efforts) <= 1 and technique is None and not amrap:
        reps_toks, load = groups[0]
        first = reps_toks[0]
        if all(tok is first or (tok.value == first.value and tok.high == first.high)
               for tok in reps_toks):
            return (_record(first, load, one, None, False, warmup),) * total
    made: dict[tuple[object, ...], SetRecord] = {}
    out: list[SetRecord] = []
    k = 0
    for reps_toks, load in groups:
        for tok in reps_toks:
            last = k == total - 1
            effort = one if len(efforts) <= 1 else efforts[k]
            tech = technique if last else None
            key = (tok.value, tok.high, load, effort, tech, last and amrap)
            record = made.get(key)
            if record is None:
                record = made[key] = _record(tok, load, effort, tech, last and amrap, warmup)
            out.append(record)
            k += 1
    return tuple(out)


def _record(tok: Token, load: _Load | None, effort: Effort | None, technique: Technique | None,
            amrap: bool, warmup: bool) -> SetRecord:
    reps, top = rep_range(tok)
    rir, rir_max, failure = effort if effort is not None else (None, None, False)
    if technique is not None:
        rir, rir_max, failure = 0.0, None, True
    return set_record(
        reps=reps, load_kg=load.kg if load is not None else None,
        bodyweight=load.bodyweight if load is not None else False, rir=rir, rir_max=rir_max,
        failure=failure, technique=technique, warmup=warmup, amrap=amrap, reps_max=top,
    )
