"""How far a lifter's RIR guesses run off, measured from their own sets to failure.

A *test* is a working set taken to failure or logged as an AMRAP (a max-reps set), with a
load and no beyond-failure technique: its reps plus its effective RIR (0 at failure, about
1 for an AMRAP without an RIR) are the most the lifter could do at that load. An
*estimate* is an earlier set of the same exercise at the same load, on an earlier day
within ``MATCH_DAYS``, logged with an explicit RIR and not itself at failure: its reps
plus RIR are what the lifter guessed they could do. The difference, test minus guess, is
how many reps the guess was off (positive: more reps were left than the lifter said, the
usual direction; Halperin 2022, Hackett 2017). Each test is paired with the latest
estimate before it.

The lifter's ``offset`` is the median difference over their pairs, rounded to whole reps
and kept within ``-MAX_OFFSET_DOWN..MAX_OFFSET_UP``. Once ``MIN_PAIRS`` pairs agree on an
offset of at least one rep, :func:`calibrated` adds it to every estimated RIR (a set
logged with an RIR, not at failure): the effort the advice rules and the e1RM read. A
logged failure stays a failure, and an estimate is never moved to failure by the offset
(it stops at ``FLOOR_RIR``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from statistics import median
from typing import Literal

from bot.domain.models import SetRecord, StoredEntry

MATCH_DAYS = 42
"""An estimate older than this (before the test) says little about today's strength."""
MIN_PAIRS = 2
"""Pairs needed before the offset is applied (one is shown, not yet used)."""
MAX_OFFSET_UP = 3
MAX_OFFSET_DOWN = 2
FLOOR_RIR = 0.5
"""An estimated effort is never moved below this: only a logged failure is a failure."""


@dataclass(frozen=True)
class Pair:
    """A guess and the test that checked it."""

    exercise: str
    load_kg: float
    guessed_rir: float
    error: float
    """Reps the guess was off: positive when more reps were left than guessed."""
    tested_on: date


@dataclass(frozen=True)
class Calibration:
    """The lifter's RIR offset and what it rests on."""

    offset: int
    pairs: tuple[Pair, ...]

    @property
    def applied(self) -> bool:
        """Whether the advice and the e1RM use the offset."""
        return len(self.pairs) >= MIN_PAIRS and self.offset != 0

    @property
    def typical_guess(self) -> float:
        """The RIR the lifter guessed most often in the pairs (the lower on a tie)."""
        guesses = [p.guessed_rir for p in self.pairs]
        return min(set(guesses), key=lambda g: (-guesses.count(g), g))


_Kind = Literal["test", "estimate"]


def _kind(s: SetRecord) -> _Kind | None:
    """A test, an estimate (see the module notes) or neither, in one look at the set."""
    if (s.load_kg is None or s.load_kg <= 0 or s.reps is None or s.technique is not None
            or s.bodyweight or s.warmup or s.seconds is not None or s.meters is not None):
        return None
    if s.failure or s.amrap:
        return "test" if s.reps >= 1 else None
    return "estimate" if s.rir is not None and s.rir > 0 else None


def rir_pairs(entries: Iterable[StoredEntry]) -> list[Pair]:
    """Every test of the lifter with the latest estimate at its load on an earlier day.

    One look at each set first: without a test there is no pair (most logs), and only
    the estimates at a tested exercise and load can be paired. Then one pass in date
    order: the estimates of each day become visible to the tests of the days after
    it, kept per exercise and load (to the hundredth of a kilogram).
    """
    entries = list(entries)
    tested = {(e.exercise.key, round(s.load_kg or 0.0, 2)) for e in entries for s in e.sets
              if (s.failure or s.amrap) and _kind(s) == "test"}  # a test is one or the other
    if not tested:
        return []
    marked = [(e, kinds) for e in entries
              if (kinds := [(kind, s) for s in e.sets if (kind := _kind(s)) is not None])]
    marked.sort(key=lambda m: (m[0].local_date, m[0].entry_id))
    latest: dict[tuple[str, float], tuple[date, SetRecord]] = {}
    pending: dict[tuple[str, float], tuple[date, SetRecord]] = {}
    pairs: list[Pair] = []
    day: date | None = None
    for entry, kinds in marked:
        if entry.local_date != day:
            latest.update(pending)
            pending = {}
            day = entry.local_date
        key = entry.exercise.key
        for kind, s in kinds:
            assert s.load_kg is not None
            slot = (key, round(s.load_kg, 2))
            if slot not in tested:
                continue
            if kind == "estimate":
                pending[slot] = (entry.local_date, s)
            elif slot in latest:
                guessed_on, guess = latest[slot]
                if (entry.local_date - guessed_on).days > MATCH_DAYS:
                    continue
                assert s.reps is not None and guess.reps is not None and guess.rir is not None
                capacity = s.reps + (s.effective_rir or 0.0)
                pairs.append(Pair(entry.exercise.name, s.load_kg, guess.rir,
                                  capacity - (guess.reps + guess.rir), entry.local_date))
    return pairs


@dataclass(frozen=True)
class KnownPairs:
    """The pairs of every test before ``before``, worked out earlier from the whole log
    (a log then reads only its recent weeks: see :func:`rir_calibration`)."""

    before: date
    pairs: tuple[Pair, ...]


def rir_calibration(
    entries: Iterable[StoredEntry], known: KnownPairs | None = None
) -> Calibration | None:
    """The lifter's calibration from all their entries; None without any pair.

    With ``known``, ``entries`` need hold only the entries from ``MATCH_DAYS`` before
    ``known.before`` on: the tests from ``known.before`` on are paired from them (their
    estimates lie in those days), the earlier ones are ``known.pairs``. The answer is
    the one every entry would give.
    """
    pairs = rir_pairs(entries)
    if known is not None:
        pairs = [*known.pairs, *(p for p in pairs if p.tested_on >= known.before)]
    if not pairs:
        return None
    middle = median(p.error for p in pairs)
    offset = int(middle + 0.5) if middle >= 0 else -int(-middle + 0.5)
    return Calibration(max(-MAX_OFFSET_DOWN, min(MAX_OFFSET_UP, offset)), tuple(pairs))


def _adjusted(s: SetRecord, offset: int) -> SetRecord:
    if s.warmup or s.failure or s.technique is not None or s.rir is None or s.rir <= 0:
        return s
    rir = max(FLOOR_RIR, s.rir + offset)
    top = None if s.rir_max is None else max(rir, s.rir_max + offset)
    return replace(s, rir=rir, rir_max=top)


def calibrated(
    entries: Iterable[StoredEntry], found: Calibration | None
) -> list[StoredEntry]:
    """``entries`` with every estimated RIR moved by the offset, when it is applied."""
    if found is None or not found.applied:
        return list(entries)
    return [replace(e, sets=tuple(_adjusted(s, found.offset) for s in e.sets))
            for e in entries]


__all__ = [
    "FLOOR_RIR",
    "MATCH_DAYS",
    "MAX_OFFSET_DOWN",
    "MAX_OFFSET_UP",
    "MIN_PAIRS",
    "Calibration",
    "KnownPairs",
    "Pair",
    "calibrated",
    "rir_calibration",
    "rir_pairs",
]
