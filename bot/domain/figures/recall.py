"""The little of a lift's older history a log's reply reads, kept so a log reads only
its recent weeks.

The reply compares each logged entry with everything the lifter logged of that lift:
its new bests (:mod:`bot.domain.figures.bests`) and the next-time line
(:mod:`bot.domain.figures.next_session`). Each reads only a few of the lift's sets:

- the bests, per kind of set (weighted bodyweight or loaded, reps, effort as logged),
  the heaviest set, the earliest of equal ones: that set holds the kind's load and rep
  bests, and its best e1RM whatever the RIR calibration, which moves every estimated
  effort of a kind alike;
- the next time, the loaded working sets of the lift's last :data:`RECALL_SESSIONS`
  sessions (local days).

:func:`recall_of` picks those sets, each kept with its entry's id and day; given a recall
of earlier entries, it picks from that recall and the newer entries, which gives the
recall of all of them: so it is kept up to date log by log, and worked out from the
whole history only when that history changed in some other way (an undo, an edit, an
import).
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from bot.domain.figures.bests import counts_for_bests
from bot.domain.figures.next_session import loaded_sets
from bot.domain.models import SetRecord, StoredEntry

RECALL_SESSIONS = 8
"""Sessions of a lift the next-time line reads back: the last and seven before it (two
falling e1RMs need three sessions with an effort; the rest leave room for sessions
logged without one)."""


@dataclass(frozen=True)
class LiftRecall:
    """What the reply needs of one lift's history: its best sets, the sets of its last
    sessions (entries holding only those sets) and its heaviest working load (kg)."""

    bests: tuple[StoredEntry, ...] = ()
    sessions: tuple[StoredEntry, ...] = ()
    heaviest: float | None = None


def _kind(s: SetRecord) -> tuple[bool, int | None, str]:
    """Sets that every best and every e1RM treat alike, whatever the calibration."""
    if s.failure:
        effort = "f"
    elif s.rir is not None:
        effort = f"{s.rir:g}"
    else:
        effort = "a" if s.amrap else ""
    return s.bodyweight, s.reps, effort


def recall_of(entries: Iterable[StoredEntry], kept: LiftRecall | None = None) -> LiftRecall:
    """The recall of one lift's ``entries`` and of the entries ``kept`` recalls."""
    before = kept or LiftRecall()
    new = list(entries)
    best: dict[tuple[bool, int | None, str], tuple[StoredEntry, SetRecord]] = {}
    for entry in sorted([*before.bests, *new], key=lambda e: (e.local_date, e.entry_id)):
        for s in entry.sets:
            if counts_for_bests(s):
                kind = _kind(s)
                held = best.get(kind)
                if held is None or (s.load_kg or 0.0) > (held[1].load_kg or 0.0):
                    best[kind] = (entry, s)
    sessions: dict[date, list[tuple[StoredEntry, list[SetRecord]]]] = {}
    for entry in sorted([*before.sessions, *new], key=lambda e: (e.local_date, e.entry_id)):
        loaded = loaded_sets(entry.sets)
        if loaded:
            sessions.setdefault(entry.local_date, []).append((entry, loaded))
    loads = [s.load_kg for e in new for s in e.sets if not s.warmup and s.load_kg is not None]
    if before.heaviest is not None:
        loads.append(before.heaviest)
    return LiftRecall(
        bests=tuple(_holding(e, [s]) for e, s in best.values()),
        sessions=tuple(_holding(e, loaded) for day in sorted(sessions)[-RECALL_SESSIONS:]
                       for e, loaded in sessions[day]),
        heaviest=max(loads, default=None),
    )


def _holding(entry: StoredEntry, sets: list[SetRecord]) -> StoredEntry:
    """``entry`` holding only ``sets`` (itself when it holds just those: a kept one)."""
    if len(sets) == len(entry.sets) and all(map(operator.is_, sets, entry.sets)):
        return entry
    return replace(entry, sets=tuple(sets))


__all__ = ["RECALL_SESSIONS", "LiftRecall", "recall_of"]
