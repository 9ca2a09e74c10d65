"""The notation part of one log line: sets, reps, loads, effort and markers.

``bot.domain.notation.parse`` finds the exercise name and the date, then hands the rest
of the line's tokens to ``LineGrammar``, which reads them into ``SetRecord`` values.
Numbers are read in ``bot.domain.notation.schemes``; this module adds the words
(effort, failure, techniques, warm-ups, planned maxes, ``last``) and finds where the
lifter's own words begin: the first unknown word after a number starts the note.
The reading rules are tabled in the docstring of ``bot.domain.notation.parse``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from bot.domain.models import SetRecord, Unit
from bot.domain.notation import words as nt
from bot.domain.notation.amounts import (
    FAILURE,
    MAX_RIR,
    Effort,
    dangling_last,
    effort_of,
    fail,
    reps_of,
    rpe_like,
    sets_of,
    stray_word,
)
from bot.domain.notation.assembly import LineParts, Mod, reps_group
from bot.domain.notation.lexer import Token
from bot.domain.notation.notes import (
    back_over_fillers,
    plain_note_start,
    rest_time_at,
    second_exercise,
)
from bot.domain.notation.records import assemble
from bot.domain.notation.schemes import SchemeReader
from bot.domain.notation.tokens import Item

if TYPE_CHECKING:
    from bot.domain.catalogue.lookup import Catalogue

_EFFORT_FILLERS: Final = frozenset({"of", "at", "is", "was", "about", "around"})
# Words the notation knows but that mean nothing where they stand ("top set", "of").
_SKIPPED: Final = frozenset(nt.NOTATION_WORDS - nt.UNIT_WORDS.keys() - nt.AMBIGUOUS_NOTATION.keys())


class LineGrammar(SchemeReader):
    """Reads the notation tokens of one line; ``run`` then ``build``.

    After ``run``, ``note_at`` is the index where the lifter's note starts (None: no
    note) and ``flags`` lists the ambiguities met (see ``bot.domain.notation.schemes``).
    """

    def __init__(
        self, tokens: list[Token], unit: Unit, catalogue: Catalogue, timed: int = 0,
        flip: str = "",
    ) -> None:
        super().__init__(tokens, unit, timed, flip)
        self.catalogue = catalogue
        self.p = LineParts()
        self.last_n = 0
        self.recent: tuple[Mod, list[Mod]] | None = None  # the marker just read
        self.note_at: int | None = None
        self.start = 0
        self.group_end = -1
        self.rm: Token | None = None  # "1rm": the reps of a set the line may not spell out
        self.last_at = 0  # where the latest "last" was written

    # ------------------------------------------------------------------ reading
    def run(self, i: int, *, warmup: bool = False, planned: bool = False) -> None:
        """Read the tokens from ``i`` on; ``warmup``/``planned``: marks before the name."""
        if warmup:
            self.p.line_mods.append(Mod("warmup", "warm-up"))
        if planned:
            self.p.line_mods.append(Mod("planned", "test"))
        self.start = i
        t = self.t
        end = self.end
        groups = self.p.groups
        while i < end and self.note_at is None:
            before = len(groups)
            kind = t[i].kind
            if kind == "num" or kind == "clock":
                if kind == "num" and self.last_n and self.w[i + 1] in nt.REPS_WORDS:
                    i = self._last_reps(i)
                elif kind == "num" and self._effort_suffix(i):
                    i = self._effort_after_number(i)
                elif rest_time_at(self.t, i):
                    self._note(i)
                elif self.w[i + 1] == "rm":
                    i = self._rm(i)
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
            if len(groups) != before:
                self.group_end = i
        if self.last_n:
            dangling_last()

    def _note(self, i: int) -> None:
        self.note_at = back_over_fillers(self.t, i, self.start)

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
        if word == "amrap" and self._amrap_got(i):
            return i + 3
        if word == "amrap" or (word == "max" and nxt in nt.REPS_WORDS):
            self._add(Mod("amrap", word))
            return i + (1 if word == "amrap" else 2)
        if word in nt.PLANNED_MAX_WORDS:
            self._add(Mod("planned", word))
            return i + 1
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
        if word in ("work", "working") and self._warmups_end():
            return i + 1
        return self._other_word(i, word)

    def _warmups_end(self) -> bool:
        """``squat warmup 60x5, 80x3, work 100x5x3``: a warm-up mark written before the
        sets covers only the sets before "work"; True when there was one to end."""
        line = self.p.line_mods
        if not self.p.groups or not any(m.kind == "warmup" for m in line):
            return False
        self.p.line_mods = [m for m in line if m.kind != "warmup"]
        for group in self.p.groups:
            group.mods.append(Mod("warmup", "warm-up"))
        return True

    def _other_word(self, i: int, word: str) -> int:
        if word in nt.AMBIGUOUS_NOTATION:
            fail(
                f'"{word}" could mean rest-pause or an RPE, so I won\'t guess.',
                "Write rest-pause for a rest-pause set, or rpe 8 for how hard it was.",
                "leg extension 3x12 @40kg rest-pause",
            )
        if word in nt.UNIT_WORDS:
            fail(f'"{word}" needs a number in front of it.', "Write the load with its unit: 100kg.",
                 "squat 5x5 @100kg")
        if word in ("plate", "plates") and self.k[i - 1] == "num":
            fail("I can't tell the load from a count of plates (bars and plates differ).",
                 "Write the load on the bar (two 20 kg plates a side on a 20 kg bar is "
                 "100kg); in brackets, a plate count stays a note.",
                 "squat 3x5 @100kg (2 plates a side)")
        if word in _SKIPPED:
            return i + 1
        if any(k in ("num", "clock") for k in self.k[self.start:i]):
            note = plain_note_start(self.t, self.start, self.catalogue)
            if note is not None:
                if self.last_n:  # "... and the last one was ugly": "last" was the note's
                    note, self.last_n = back_over_fillers(self.t, self.last_at, self.start), 0
                self.note_at = note
                return self.end
            # a known exercise with sets of its own
            stray_word(second_exercise(self.t, i, self.catalogue) or word, True)
        stray_word(word, len(word) > 2 and self.catalogue.lookup(word).exercise is not None)

    def _last(self, i: int) -> int:
        self.last_at = i
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

    def _amrap_got(self, i: int) -> bool:
        """``3x12 amrap 18 reps``, ``last set amrap 18 reps``: the AMRAP set (the line's
        last, when nothing follows) got 18; True when read so."""
        later = range(i + 3, self.end)  # only markers may follow: "amrap 7 reps rir0"
        if (self.k[i + 1] != "num" or self.w[i + 2] not in nt.REPS_WORDS or not self.p.groups
                or any(self.k[j] == "x" or (self.k[j] == "num"
                                            and self.w[j - 1] not in nt.EFFORT_WORDS)
                       for j in later)):
            return False
        count = self.last_n or 1
        self.last_n = 0
        for mod in (Mod("amrap", "amrap"),
                    Mod("reps", f"{self.t[i + 1].text} reps", reps=reps_of(self.t[i + 1]))):
            mod.last = count
            self.p.tail_mods.append(mod)
        self._marker_after_is_theirs(i + 3, count)
        return True

    def _marker_after_is_theirs(self, j: int, count: int) -> None:
        """A marker right after the final sets' reps (``8 reps f``) is theirs too."""
        after = self.w[j]
        if after in nt.FAILURE_WORDS or after in nt.EFFORT_WORDS or after in nt.TECHNIQUE_WORDS:
            self.last_n = count

    def _last_reps(self, i: int) -> int:
        """``last set 4 reps``: the final set (or sets) got that many reps; a marker right
        after (``last set 8 reps f``) is theirs too."""
        mod = Mod("reps", f"{self.t[i].text} reps", reps=reps_of(self.t[i]))
        self._add(mod)
        self._marker_after_is_theirs(i + 2, mod.last)
        return i + 2

    def _rm(self, i: int) -> int:
        """``1rm``, ``3rm``: a planned max; the reps of a set the line may not write."""
        reps_of(self.t[i])
        self.rm = self.t[i]
        self._add(Mod("planned", self.t[i].text + "rm"))
        return i + 2

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
        if self.k[j] == "num" and self._effort_suffix(j):
            return self._effort_after_number(j)  # "@ 8 rpe", as workout apps write it
        if self.k[j] == "num":
            tok = self.t[j]
            if (
                not tok.pair
                and self._unit_at(j + 1) is None
                and self.k[j + 1] != "x"
                and rpe_like(tok)
                and self._rpe_list(j)
            ):
                self.flags.append("at_rpe")
                if self.flip != "at_rpe":
                    values, k = self._effort_values(j, rpe=True, spaced=False)
                    self._add(Mod("effort", "@" + tok.text, efforts=values))
                    return k
            return self._numbered(j, via_at=True)
        if self.w[j] in nt.BODYWEIGHT_WORDS or self.k[j] == "plus":
            return self._numbered(j, via_at=True)
        fail('"@" needs a load or an RPE after it.', "Write @100kg for the load or @8 for RPE 8.",
             "squat 5x5 @100kg")

    def _rpe_list(self, j: int) -> bool:
        """After ``@``: whether every number of the list at ``j`` is an RPE (``@ 8,9,10``),
        not a load (``@ 10,12,14``)."""
        while self.k[j + 1] in ("comma", "slash") and self._list_item(j + 2):
            j += 2
            if not rpe_like(self.t[j]):
                return False
        return True

    # ------------------------------------------------------------------ result
    def build(self, name: str) -> tuple[SetRecord, ...]:
        """The sets of the line, with every marker applied."""
        parts = self.p
        if self.rm is not None and not parts.groups:
            self._push(reps_group([Item(self.rm)]))
        if "at_rpe" in self.flags and (
            parts.line_load is not None or parts.forward is not None
            or any(g.load is not None or g.loads is not None for g in parts.groups)
        ):
            self.flags.remove("at_rpe")  # the line gives its load elsewhere
        return assemble(parts, name, self.unit, self.flip, self.flags)
