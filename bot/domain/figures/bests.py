"""New bests: what a just-logged entry beat in the lifter's own history of that exercise.

Three kinds, over working sets with a load, reps and no beyond-failure technique (never a
timed or distance set), weighted bodyweight sets apart from loaded ones:

- **heaviest**: a load above every load the lifter logged on the exercise before (the
  first time at that load);
- **rep best**: the heaviest load for a rep count done before;
- **first at a rep count**: a rep count never done before, at a load no earlier set of
  more reps matched (otherwise it says nothing: 100 kg × 10 already implies 90 kg × 8).

and the **best e1RM**, within the gates of :mod:`bot.domain.figures.e1rm` (tiers A-B).
The first log of an exercise sets no "new best": there is nothing to beat. A set must
beat every other entry of the exercise, whatever its date, so a backdated set is a best
only if nothing logged since beat it either.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from bot.domain.figures.e1rm import E1RM_TIERS, PersonalRecord, e1rm
from bot.domain.models import SetRecord, StoredEntry, Unit
from bot.domain.notation.echo import format_load

BestKind = Literal["heaviest", "rep", "reps", "e1rm"]


@dataclass(frozen=True)
class NewBest:
    """A best the entry set; ``before`` is the best it beat (None for a first rep count)."""

    kind: BestKind
    load_kg: float
    reps: int
    value_kg: float
    bodyweight: bool = False
    before: PersonalRecord | None = None


def counts_for_bests(s: SetRecord) -> bool:
    return (not s.warmup and not s.timed and s.technique is None and s.reps is not None
            and s.reps >= 1 and s.load_kg is not None and s.load_kg > 0)


def _lifts(entries: Iterable[StoredEntry]) -> list[tuple[StoredEntry, SetRecord]]:
    return [(e, s) for e in sorted(entries, key=lambda e: (e.local_date, e.entry_id))
            for s in e.sets if counts_for_bests(s)]


def _record(entry: StoredEntry, s: SetRecord, kind: Literal["e1rm", "rep_max"],
            value: float) -> PersonalRecord:
    assert s.reps is not None and s.load_kg is not None
    return PersonalRecord(kind, value, s.reps, s.load_kg, entry.local_date, entry.entry_id,
                          s.effective_rir, s.bodyweight)


def _best_e1rm(lifts: Sequence[tuple[StoredEntry, SetRecord]]) -> PersonalRecord | None:
    best: tuple[float, StoredEntry, SetRecord] | None = None  # the first of the highest
    for entry, s in lifts:
        if entry.exercise.tier not in E1RM_TIERS or s.bodyweight:
            continue
        assert s.load_kg is not None and s.reps is not None
        value = e1rm(s.load_kg, s.reps, s.effective_rir)
        if value is not None and (best is None or value > best[0]):
            best = (value, entry, s)
    return None if best is None else _record(best[1], best[2], "e1rm", best[0])


def _load_best(
    entry: StoredEntry, earlier: Sequence[tuple[StoredEntry, SetRecord]]
) -> NewBest | None:
    """The entry's most telling load or rep best against ``earlier`` (same kind of set)."""
    found: list[NewBest] = []
    for s in entry.sets:
        if not counts_for_bests(s):
            continue
        assert s.load_kg is not None and s.reps is not None
        same = [(e, o) for e, o in earlier if o.bodyweight == s.bodyweight]
        if not same:
            continue
        top_e, top = max(same, key=lambda p: (p[1].load_kg or 0.0, p[1].reps or 0))
        assert top.load_kg is not None
        if s.load_kg > top.load_kg + 1e-9:
            found.append(NewBest("heaviest", s.load_kg, s.reps, s.load_kg, s.bodyweight,
                                 _record(top_e, top, "rep_max", top.load_kg)))
            continue
        if any((o.reps or 0) >= s.reps and (o.load_kg or 0.0) >= s.load_kg - 1e-9
               for _, o in same):
            continue
        at_reps = [(e, o) for e, o in same if o.reps == s.reps]
        if at_reps:
            held_e, held = max(at_reps, key=lambda p: p[1].load_kg or 0.0)
            assert held.load_kg is not None
            found.append(NewBest("rep", s.load_kg, s.reps, s.load_kg, s.bodyweight,
                                 _record(held_e, held, "rep_max", held.load_kg)))
        else:
            found.append(NewBest("reps", s.load_kg, s.reps, s.load_kg, s.bodyweight))
    rank = {"heaviest": 0, "rep": 1, "reps": 2}
    return min(found, key=lambda b: (rank[b.kind], -b.load_kg, -b.reps), default=None)


def new_bests(entry: StoredEntry, others: Iterable[StoredEntry]) -> tuple[NewBest, ...]:
    """What ``entry`` beat among ``others`` of the same exercise: a load or rep best
    (the most telling one), then a new best e1RM; nothing on a first log."""
    key = entry.exercise.key
    earlier = _lifts(o for o in others if o.exercise.key == key and o.entry_id != entry.entry_id)
    if not earlier:
        return ()
    out: list[NewBest] = []
    load = _load_best(entry, earlier)
    if load is not None:
        out.append(load)
    before = _best_e1rm(earlier)
    mine = _best_e1rm(_lifts([entry]))
    if before is not None and mine is not None and mine.value_kg > before.value_kg + 0.05:
        out.append(NewBest("e1rm", mine.load_kg, mine.reps, mine.value_kg, before=before))
    return tuple(out)


def day_text(day: date, today: date) -> str:
    """``3 Nov``, with the year when it is not ``today``'s."""
    return f"{day.day} {day:%b}" if day.year == today.year else f"{day.day} {day:%b %Y}"


def _set_text(load_kg: float, reps: int, bodyweight: bool, unit: Unit) -> str:
    return f"{'bw + ' if bodyweight else ''}{format_load(load_kg, unit)} × {reps}"


def best_line(best: NewBest, name: str, unit: Unit, today: date) -> str:
    """One line for a new best, with what it beat and when."""
    mine = _set_text(best.load_kg, best.reps, best.bodyweight, unit)
    prior = best.before
    was = "" if prior is None else (
        f" (before: {_set_text(prior.load_kg, prior.reps, prior.bodyweight, unit)}, "
        f"{day_text(prior.local_date, today)})")
    if best.kind == "heaviest":
        return f"New best: {mine}, the heaviest {name} you have logged{was}."
    if best.kind == "rep":
        return f"New {best.reps}-rep best on {name}: {mine}{was}."
    if best.kind == "reps":
        return f"New best: {mine}, your first loaded set of {best.reps} on {name}."
    assert prior is not None
    return (f"New best e1RM on {name}: {format_load(round(best.value_kg * 2) / 2, unit)} "
            f"from {mine} (before: {format_load(round(prior.value_kg * 2) / 2, unit)}, "
            f"{day_text(prior.local_date, today)}).")


@dataclass(frozen=True)
class DurationBest:
    """The longest timed (``seconds``) or distance (``meters``) set of an exercise."""

    seconds: float | None
    meters: float | None


def duration_best(entries: Iterable[StoredEntry]) -> DurationBest | None:
    """Longest hold and longest distance over working sets; None without a timed set."""
    sets = [s for e in entries for s in e.working_sets if s.timed]
    if not sets:
        return None
    seconds = [s.seconds for s in sets if s.seconds is not None]
    meters = [s.meters for s in sets if s.meters is not None]
    return DurationBest(max(seconds) if seconds else None, max(meters) if meters else None)


__all__ = [
    "BestKind",
    "DurationBest",
    "NewBest",
    "best_line",
    "day_text",
    "duration_best",
    "new_bests",
]
