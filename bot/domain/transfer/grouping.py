"""Rows into entries as they stream past: one entry per exercise per workout.

The reader hands over one row at a time and forgets it; this keeps per entry only
what the entry needs (its first row's moment and names, its sets, its notes), and
equal sets share one value, so a file's memory is its entries, not its rows. Entries
keep the order in which their first row came; sets keep file order (the project's
own format: their ``set`` number).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime

from bot.domain.assistance import assisted, with_assistance
from bot.domain.limits import MAX_SETS
from bot.domain.models import Exercise, SetRecord, Tier
from bot.domain.transfer import cells as v
from bot.domain.transfer.fingerprint import entry_key
from bot.domain.transfer.formats import ImportFormat, RawRow
from bot.domain.transfer.names import NameMapper, Resolved, own_name

_NO_SETS = "an entry without sets"
PAUSE_EVERY = 64
"""Rows (or entries) between two calls of a reader's ``pause``."""


@dataclass(frozen=True, slots=True)
class ImportedEntry:
    """One exercise of one workout, ready to store. ``key`` makes storing it idempotent.

    ``note`` holds the app's notes on the exercise in that workout; the first entry of a
    workout also carries the workout's notes (``Workout: ...``). ``pr`` comes from the
    project's own export only.
    """

    exercise: Exercise
    sets: tuple[SetRecord, ...]
    performed_at: datetime
    local_date: date
    written_as: str
    key: str
    note: str = ""
    pr: bool = False


@dataclass(frozen=True)
class UnmappedName:
    """A name the catalogue does not know: kept as the lifter's own unless mapped."""

    name: str
    sets: int
    suggestions: tuple[str, ...] = ()


class _Entry:
    """What one entry keeps while the file is read (its first row's fields, its sets)."""

    __slots__ = ("custom", "exercise", "key", "notes", "orders", "pr", "sets", "tier", "when",
                 "workout", "workout_note")

    def __init__(self, row: RawRow, exercise: str, own: bool) -> None:
        self.when = row.when
        self.workout = row.workout
        self.exercise = exercise
        self.key, self.tier, self.custom, self.pr = row.key, row.tier, row.custom, row.pr
        self.sets: list[SetRecord] = []
        self.orders: list[int] | None = [] if own else None
        self.notes: list[str] | None = None
        self.workout_note = ""

    def take(self, row: RawRow, record: SetRecord | None) -> None:
        if record is not None:
            self.sets.append(record)
            if self.orders is not None:
                self.orders.append(row.order)
        if row.note and (self.notes is None or row.note not in self.notes):
            self.notes = [*(self.notes or ()), row.note]
        if row.workout_note and not self.workout_note:
            self.workout_note = row.workout_note

    def records(self) -> tuple[SetRecord, ...]:
        """The sets in file order; the project's own format: by their set number."""
        if self.orders is None:
            return tuple(self.sets)
        return tuple(s for _, s in sorted(zip(self.orders, self.sets, strict=True),
                                          key=lambda pair: pair[0]))


@dataclass(frozen=True)
class Grouped:
    entries: tuple[ImportedEntry, ...]
    skipped: tuple[tuple[str, int], ...]
    unmapped: tuple[UnmappedName, ...]
    read_as: tuple[tuple[str, str], ...]


class Grouper:
    """Takes rows one by one (:meth:`add`), then gives the entries (:meth:`finish`).

    :meth:`add` returns a problem for the first set of an entry past ``MAX_SETS`` (the
    limit of /log). After :meth:`drop`, rows are only counted: a file with a problem is
    refused, so its entries need not be kept.
    """

    def __init__(self, fmt: ImportFormat) -> None:
        self._fmt = fmt
        self._entries: dict[tuple[str, str], _Entry] = {}
        self._skipped: dict[str, int] = {}
        # Many rows repeat a set, a name or a day: each is kept once.
        self._same: dict[SetRecord, SetRecord] = {}
        self._names: dict[str, str] = {}
        self._counts: dict[tuple[str, str], int] | None = None  # sets per entry, once dropped
        self.rows = 0

    def drop(self) -> None:
        if self._counts is None:
            self._counts = {k: len(e.sets) for k, e in self._entries.items()}
            self._entries.clear()
            self._same.clear()

    def add(self, row: RawRow) -> str | None:
        self.rows += 1
        name = self._names.setdefault(row.exercise, row.exercise)
        key = (row.workout, row.key if self._fmt == "liftcoach" else
               self._names.setdefault(name.lower(), name.lower()))
        if row.set is None and row.skip_reason != _NO_SETS:
            self._skipped[row.skip_reason] = self._skipped.get(row.skip_reason, 0) + 1
        if self._counts is not None:
            count = self._counts.get(key, 0) + (row.set is not None)
            self._counts[key] = count
        else:
            entry = self._entries.get(key)
            if entry is None:
                entry = self._entries[key] = _Entry(row, name, self._fmt == "liftcoach")
            entry.take(row, None if row.set is None else self._same.setdefault(row.set, row.set))
            count = len(entry.sets)
        if row.set is not None and count == MAX_SETS + 1:  # the first set past the limit
            return (f"{row.exercise} has more than {MAX_SETS} sets in one workout "
                    f"(at most {MAX_SETS}, as in /log)")
        return None

    def finish(self, names: NameMapper, pause: Callable[[], None] | None = None) -> Grouped:
        entries: list[ImportedEntry] = []
        unmapped: dict[str, UnmappedName] = {}
        read_as: dict[str, str] = {}
        noted: set[str] = set()
        pending: list[_Entry | None] = list(self._entries.values())
        self._entries.clear()
        for i, kept in enumerate(pending):  # in order, each let go once it is built
            pending[i] = None
            if pause is not None and i % PAUSE_EVERY == 0:
                pause()
            made = None if kept is None else self._entry(kept, names, unmapped, read_as, noted)
            if made is not None:
                entries.append(made)
        self._same.clear()
        self._names.clear()
        return Grouped(
            entries=tuple(entries), skipped=tuple(sorted(self._skipped.items())),
            unmapped=tuple(sorted(unmapped.values(), key=lambda u: (-u.sets, u.name))),
            read_as=tuple(read_as.items()),
        )

    def _entry(
        self, kept: _Entry, names: NameMapper, unmapped: dict[str, UnmappedName],
        read_as: dict[str, str], noted: set[str],
    ) -> ImportedEntry | None:
        own = self._fmt == "liftcoach"
        if not kept.sets and not own:
            return None
        records = kept.records()
        resolved = (_own_exercise(kept, names) if own else names.resolve(kept.exercise))
        if not own:
            records = _as_lifted(resolved.exercise, kept.exercise, records)
        if resolved.how == "new":
            old = unmapped.get(kept.exercise.lower())
            unmapped[kept.exercise.lower()] = UnmappedName(
                kept.exercise, (old.sets if old else 0) + len(records), resolved.suggestions)
        elif resolved.how in ("read", "mapped"):
            read_as.setdefault(kept.exercise, resolved.exercise.name)
        parts = list(kept.notes or ())
        if kept.workout not in noted and kept.workout_note:
            parts.append(f"Workout: {kept.workout_note}")
        noted.add(kept.workout)
        return ImportedEntry(
            exercise=resolved.exercise, sets=records, performed_at=kept.when.at,
            local_date=kept.when.local_date, written_as=kept.exercise,
            key=entry_key(resolved.exercise.key, kept.when.at, records),
            note=v.note(" · ".join(parts)), pr=kept.pr,
        )


def _as_lifted(
    exercise: Exercise, written: str, records: tuple[SetRecord, ...]
) -> tuple[SetRecord, ...]:
    """Bodyweight lifts without load are bodyweight sets; an assisted lift's load is
    assistance, so it is stored as bodyweight minus that load, never as added load."""
    if assisted(exercise, written):
        return tuple(with_assistance(s) for s in records)
    if exercise.equipment == "bodyweight":
        return tuple(replace(s, bodyweight=True) if s.load_kg is None else s for s in records)
    return records


def _own_exercise(kept: _Entry, names: NameMapper) -> Resolved:
    """The project's own rows name the stored key: built-ins by key, own lifts as saved."""
    known = names.by_key(kept.key)
    if known is not None:
        return Resolved(known, "own" if known.custom else "same")
    if kept.custom:
        tier: Tier | None = kept.tier
        return Resolved(Exercise(key=kept.key, name=own_name(kept.exercise), tier=tier,
                                 custom=True), "own")
    return names.resolve(kept.exercise)
