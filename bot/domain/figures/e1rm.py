"""Estimated one-rep max and personal records.

Formulas, with ``w`` the load and ``r`` the effective reps, ``reps + RIR``
(the reps the lifter could have done at failure):

* Epley: ``w * (1 + r / 30)`` (the figure the bot shows);
* Brzycki: ``36 * w / (37 - r)`` (for comparison).

Validity gates, shared by both: the estimate exists only when ``reps >= 1``,
``w > 0``, ``0 <= RIR <= 3`` and ``r <= 10``; at ``r == 1`` it is the load
itself. An RIR of ``None`` (effort not logged) is read as 0, which makes the
estimate a lower bound: the true RIR can only be higher.

Which sets feed an exercise's best e1RM (:func:`best_e1rm`): working sets of a
tier A or B exercise, with a load, not a bodyweight set (their load is only the
added weight) and no beyond-failure technique (drop sets and forced reps do not
reflect one unaided set). The RIR used is ``SetRecord.effective_rir``: 0 at
failure, about 1 for an AMRAP, the low end of a logged range. Tier C, D and
untiered exercises get no e1RM: machines and isolation lifts do not map to a
one-rep max that means anything.

Rep maxes (:func:`personal_records`) are the heaviest load lifted for each
exact rep count, for any tier, over working sets with a load and no
beyond-failure technique (timed and distance sets never: their number is not
reps); weighted bodyweight sets (``bw+20``) are kept apart from loaded sets.
Only the rep maxes that say something are listed (:func:`frontier`): 110 kg × 8
is also a 7-rep best, so a lighter 7-rep max beside it is left out. On a tie
the earliest date holds the record (then the lowest entry id, then the first set
in the entry).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Literal

from bot.domain.models import SetRecord, StoredEntry

MAX_EFFECTIVE_REPS = 10.0
MAX_RIR = 3.0
E1RM_TIERS = frozenset({"A", "B"})

RecordKind = Literal["e1rm", "rep_max"]


def _effective_reps(load_kg: float, reps: int, rir: float | None) -> float | None:
    """``reps + RIR`` when the set passes the validity gates, else None."""
    effort = 0.0 if rir is None else float(rir)
    if reps < 1 or load_kg <= 0 or effort < 0 or effort > MAX_RIR:
        return None
    total = reps + effort
    if total > MAX_EFFECTIVE_REPS:
        return None
    return total


def e1rm(load_kg: float, reps: int, rir: float | None = None) -> float | None:
    """Epley estimate from ``reps + RIR``, or None outside the validity gates."""
    total = _effective_reps(load_kg, reps, rir)
    if total is None:
        return None
    if total == 1:
        return float(load_kg)
    return load_kg * (1 + total / 30)


def brzycki(load_kg: float, reps: int, rir: float | None = None) -> float | None:
    """Brzycki estimate from ``reps + RIR``, or None outside the validity gates."""
    total = _effective_reps(load_kg, reps, rir)
    if total is None:
        return None
    if total == 1:
        return float(load_kg)
    return 36 * load_kg / (37 - total)


@dataclass(frozen=True)
class PersonalRecord:
    """One record of an exercise.

    ``value_kg`` is the estimate for ``kind == "e1rm"`` and the load for
    ``kind == "rep_max"``; ``reps``, ``load_kg`` and ``rir`` describe the set
    that set the record. ``bodyweight`` marks a weighted bodyweight set, whose
    load is the added weight only.
    """

    kind: RecordKind
    value_kg: float
    reps: int
    load_kg: float
    local_date: date
    entry_id: int
    rir: float | None = None
    bodyweight: bool = False


def _ordered_sets(entries: Iterable[StoredEntry]) -> Iterator[tuple[StoredEntry, SetRecord]]:
    """Working sets with a load and rep count, no technique, earliest first."""
    for entry in sorted(entries, key=lambda e: (e.local_date, e.entry_id)):
        for s in entry.working_sets:
            if (s.technique is None and s.load_kg is not None and s.reps is not None
                    and not s.timed):
                yield entry, s


def _best_e1rm_record(entries: Iterable[StoredEntry]) -> PersonalRecord | None:
    best: PersonalRecord | None = None
    for entry, s in _ordered_sets(entries):
        if entry.exercise.tier not in E1RM_TIERS or s.bodyweight:
            continue
        assert s.load_kg is not None and s.reps is not None
        rir = s.effective_rir
        value = e1rm(s.load_kg, s.reps, rir)
        if value is None or (best is not None and value <= best.value_kg):
            continue
        best = PersonalRecord(
            kind="e1rm",
            value_kg=value,
            reps=s.reps,
            load_kg=s.load_kg,
            local_date=entry.local_date,
            entry_id=entry.entry_id,
            rir=rir,
        )
    return best


def best_e1rm(entries: Iterable[StoredEntry]) -> tuple[float, date] | None:
    """The best Epley e1RM of one exercise and the local date it was set.

    None for tier C, D or untiered exercises, or when no set passes the gates.
    """
    record = _best_e1rm_record(entries)
    return None if record is None else (record.value_kg, record.local_date)


def frontier(rep_maxes: Iterable[PersonalRecord]) -> list[PersonalRecord]:
    """The rep maxes that say something: a best at more reps with as much load or more
    implies a best at fewer reps, so a rep max is kept only when no max of more reps
    (of the same kind, loaded or weighted bodyweight) is at least as heavy."""
    pool = list(rep_maxes)
    return [r for r in pool
            if not any(o.bodyweight == r.bodyweight and o.reps > r.reps
                       and o.load_kg >= r.load_kg for o in pool)]


def personal_records(entries: Iterable[StoredEntry]) -> list[PersonalRecord]:
    """Records of one exercise: the best e1RM (tiers A-B only) first, then rep maxes.

    Rep maxes are ordered loaded sets first, then weighted bodyweight sets,
    each by rep count.
    """
    pool = list(entries)
    rep_maxes: dict[tuple[bool, int], PersonalRecord] = {}
    for entry, s in _ordered_sets(pool):
        assert s.load_kg is not None and s.reps is not None
        if s.reps < 1 or s.load_kg <= 0:
            continue
        key = (s.bodyweight, s.reps)
        held = rep_maxes.get(key)
        if held is not None and s.load_kg <= held.load_kg:
            continue
        rep_maxes[key] = PersonalRecord(
            kind="rep_max",
            value_kg=s.load_kg,
            reps=s.reps,
            load_kg=s.load_kg,
            local_date=entry.local_date,
            entry_id=entry.entry_id,
            rir=s.effective_rir,
            bodyweight=s.bodyweight,
        )
    records = frontier([rep_maxes[key] for key in sorted(rep_maxes)])
    best = _best_e1rm_record(pool)
    return records if best is None else [best, *records]
