"""A fingerprint of an entry's content, so the same workout is never stored twice.

Two entries with the same exercise, moment (to the second) and sets give the same
key whichever file they came from: importing one export twice, a Strong and a Hevy
export of the same sessions, or a liftcoach export of sets already stored, adds
nothing the second time. The fields sets gained later (a rep range's top, seconds,
metres, a planned max) join the fingerprint only when set, so entries stored before
them keep their fingerprints.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, datetime

from bot.domain.models import SetRecord


def entry_key(exercise_key: str, performed_at: datetime, sets: Iterable[SetRecord]) -> str:
    moment = performed_at.astimezone(UTC).replace(microsecond=0).isoformat()
    parts = [exercise_key, moment]
    for s in sets:
        fields = [
            _num(s.reps), _num(s.load_kg), str(int(s.bodyweight)), _num(s.rir),
            _num(s.rir_max), str(int(s.failure)), s.technique or "", str(int(s.warmup)),
            str(int(s.amrap)),
        ]
        if s.reps_max is not None or s.timed or s.planned_max:
            fields += [_num(s.reps_max), _num(s.seconds), _num(s.meters),
                       str(int(s.planned_max))]
        parts.append("|".join(fields))
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _num(value: float | None) -> str:
    """Loads and RIR to 0.01, so a value that went through a CSV file compares equal."""
    return "" if value is None else format(value, ".2f")
