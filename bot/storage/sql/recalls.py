"""What a log keeps of a lifter's older history (migration 016): per lift its recall
(:class:`bot.domain.figures.LiftRecall`), and the RIR calibration's older pairs.

Both are stored as compact JSON and read back only for the lifts a log names; the
triggers of migration 016 delete them when anything but a log changes what they hold.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from bot.domain.figures import MATCH_DAYS, KnownPairs, LiftRecall, Pair
from bot.domain.models import Exercise, StoredEntry
from bot.storage.driver import Step
from bot.storage.rows import as_date, set_from_row, set_values

RECALLS_SELECT = "SELECT exercise_key, heaviest, recall FROM lift_recalls WHERE user_id = ?"
_RECALL_UPSERT = (
    "INSERT INTO lift_recalls (user_id, exercise_key, heaviest, recall) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (user_id, exercise_key) DO UPDATE SET heaviest = excluded.heaviest,"
    " recall = excluded.recall"
)
_PAIRS_UPSERT = (
    "INSERT INTO calibration_pairs (user_id, pairs_before, reads_from, pairs)"
    " VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET"
    " pairs_before = excluded.pairs_before, reads_from = excluded.reads_from,"
    " pairs = excluded.pairs"
)


def _entries_text(entries: Sequence[StoredEntry]) -> list[Any]:
    return [[e.entry_id, e.local_date.isoformat(), [list(set_values(s)) for s in e.sets]]
            for e in entries]


def _entries_of(key: str, rows: Sequence[Any]) -> tuple[StoredEntry, ...]:
    """The kept entries of one lift: ids, days and sets (the exercise is the caller's to
    fill in; a kept entry is never shown, only compared)."""
    exercise = Exercise(key=key, name=key, tier=None)
    out = []
    for entry_id, day, sets in rows:
        local = date.fromisoformat(day)
        out.append(StoredEntry(int(entry_id), exercise,
                               tuple(set_from_row(tuple(s)) for s in sets),
                               datetime.combine(local, time(), UTC), local))
    return tuple(out)


class Recalls(Mapping[str, LiftRecall]):
    """The lifter's kept recalls by exercise key, each decoded when first asked for."""

    def __init__(self, rows: Sequence[Sequence[Any]]) -> None:
        self._text = {str(r[0]): str(r[2]) for r in rows}
        self.heaviest = {str(r[0]): float(r[1]) for r in rows if r[1] is not None}
        self._done: dict[str, LiftRecall] = {}

    def __getitem__(self, key: str) -> LiftRecall:
        found = self._done.get(key)
        if found is None:
            kept = json.loads(self._text[key])
            found = LiftRecall(_entries_of(key, kept["b"]), _entries_of(key, kept["s"]),
                               self.heaviest.get(key))
            self._done[key] = found
        return found

    def __contains__(self, key: object) -> bool:  # without decoding it
        return key in self._text

    def __iter__(self) -> Iterator[str]:
        return iter(self._text)

    def __len__(self) -> int:
        return len(self._text)


def recall_steps(user_id: str, recalls: Mapping[str, LiftRecall]) -> list[Step]:
    rows = [(user_id, key, r.heaviest,
             json.dumps({"b": _entries_text(r.bests), "s": _entries_text(r.sessions)},
                        separators=(",", ":")))
            for key, r in recalls.items()]
    return [Step(_RECALL_UPSERT, many=rows)] if rows else []


def pairs_steps(user_id: str, known: KnownPairs) -> list[Step]:
    text = json.dumps([[p.exercise, p.load_kg, p.guessed_rir, p.error, p.tested_on.isoformat()]
                       for p in known.pairs], separators=(",", ":"))
    return [Step(_PAIRS_UPSERT, (user_id, known.before,
                                 known.before - timedelta(days=MATCH_DAYS), text))]


def pairs_from(before: Any, text: Any) -> KnownPairs | None:
    """Kept pairs (None when the lifter has none kept)."""
    if before is None:
        return None
    pairs = tuple(Pair(str(name), float(load), float(rir), float(error), date.fromisoformat(day))
                  for name, load, rir, error, day in json.loads(str(text)))
    return KnownPairs(as_date(before), pairs)


def reads_from(known: KnownPairs | None) -> date | None:
    """The first day a log must read for the tests the kept pairs leave to it."""
    return None if known is None else known.before - timedelta(days=MATCH_DAYS)
