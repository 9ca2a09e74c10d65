"""Entries for plan tests, built from catalogue keys and efforts (no parser involved)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from bot.domain.catalogue import default_catalogue
from bot.domain.models import Exercise, SetRecord, StoredEntry
from bot.domain.plan import BlockSetting, PlanInputs, WeekPlan, plan_week

CATALOGUE = default_catalogue()
_IDS = itertools.count(1)
MONDAY = date(2026, 11, 2)  # the first of four weeks of history in most tests


def lift(key: str) -> Exercise:
    found = CATALOGUE.get(key)
    assert found is not None, key
    return found


def sets(*efforts: float | str) -> tuple[SetRecord, ...]:
    """One set per effort: a number is its RIR, 'f' a failure, 'd' a drop set."""
    made = []
    for effort in efforts:
        if effort == "f":
            made.append(SetRecord(reps=10, load_kg=50.0, failure=True))
        elif effort == "d":
            made.append(SetRecord(reps=10, load_kg=50.0, technique="dropset"))
        else:
            made.append(SetRecord(reps=8, load_kg=50.0, rir=float(effort)))
    return tuple(made)


def entry(key: str, day: date, *efforts: float | str) -> StoredEntry:
    moment = datetime.combine(day, time(18), UTC)
    return StoredEntry(next(_IDS), lift(key), sets(*efforts), moment, day)


# A lifter's usual week: Monday legs, Thursday upper body.
MONDAY_SESSION: tuple[tuple[str, tuple[float | str, ...]], ...] = (
    ("back-squat", (2, 2, 2)),
    ("leg-press", (2, 1, "f")),
    ("leg-curl", (1, 1, "f")),
    ("lateral-raise", (1, 1, "f")),
)
THURSDAY_SESSION: tuple[tuple[str, tuple[float | str, ...]], ...] = (
    ("bench-press", (2, 2, 2, 2)),
    ("barbell-row", (2, 2, 2)),
    ("lat-pulldown", (1, 1, "f")),
    ("dumbbell-curl", (1, 1, "f")),
)


def usual_weeks(first: date = MONDAY, weeks: int = 4) -> list[StoredEntry]:
    """``weeks`` weeks of the usual Monday and Thursday sessions from ``first``."""
    made = []
    for w in range(weeks):
        for offset, session in ((0, MONDAY_SESSION), (3, THURSDAY_SESSION)):
            day = first + timedelta(weeks=w, days=offset)
            made.extend(entry(key, day, *efforts) for key, efforts in session)
    return made


def plan(entries: Sequence[StoredEntry], today: date, *, block: BlockSetting | None = None,
         **options: object) -> WeekPlan:
    monday = today - timedelta(days=today.weekday())
    chosen = block or BlockSetting(2, monday)
    moment = datetime.combine(today, time(12), UTC)
    return plan_week(PlanInputs(entries, monday, today, moment, chosen,
                                **options))  # type: ignore[arg-type]
