"""Small builders for entries over several weeks of a lifter's history."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from bot.domain.models import Exercise, SetRecord, StoredEntry

TODAY = date(2026, 3, 11)  # a Wednesday
NOW = datetime.combine(TODAY, time(18, 0), tzinfo=UTC)

SQUAT = Exercise("back-squat", "back squat", "A", ("quadriceps", "glutes"),
                 ("hamstrings", "lower back"))
BENCH = Exercise("bench-press", "bench press", "B", ("chest",), ("triceps", "shoulders"))
LEG_PRESS = Exercise("leg-press", "leg press", "C", ("quadriceps",), ("glutes",))
LEG_CURL = Exercise("leg-curl", "leg curl", "D", ("hamstrings",))
CALF = Exercise("calf-raise", "standing calf raise", "D", ("calves",))
CURL = Exercise("dumbbell-curl", "dumbbell curl", "D", ("biceps",), ("forearms",))
FLY = Exercise("cable-fly", "cable fly", "D", ("chest",))
PLANK = Exercise("plank", "plank", "D", ("abdominals",))

_ids = itertools.count(1000)


def st(reps: int | None = 5, load: float | None = 100.0, rir: float | None = None, *,
       f: bool = False, amrap: bool = False, reps_max: int | None = None,
       seconds: float | None = None, planned_max: bool = False,
       warmup: bool = False) -> SetRecord:
    return SetRecord(reps=reps, load_kg=load, rir=rir, failure=f, amrap=amrap,
                     reps_max=reps_max, seconds=seconds, planned_max=planned_max,
                     warmup=warmup)


def ent(exercise: Exercise, sets: Sequence[SetRecord], day: date = TODAY, *,
        hour: int = 18, minute: int = 0) -> StoredEntry:
    at = datetime.combine(day, time(hour, minute), tzinfo=UTC)
    return StoredEntry(next(_ids), exercise, tuple(sets), at, day)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def at(day: date, hour: int = 18) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)
