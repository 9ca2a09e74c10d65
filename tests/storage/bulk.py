"""Shared pieces of the bulk-work tests: a database that can be reopened (a restart), a
lifter with thousands of entries on one day, and a neighbour who keeps logging.

The defect these tests reproduced first: erasing 8,000 entries of one day took 13.5 s
on SQLite (102 s on PostgreSQL), time in the square of the day's entries, while every
other lifter's /log waited for it.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.domain.models import Exercise, SetRecord
from bot.storage.contract import NewEntry, Storage
from bot.storage.sqlite import SQLiteStorage
from tests.helpers import open_in_schema, require_postgres, throwaway_schema

NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
DAY = (NOW - timedelta(hours=6)).date()
SQUAT = Exercise("back-squat", "back squat", "A")
CURL = Exercise("dumbbell-curl", "dumbbell curl", "D")
WORK = (SetRecord(reps=5, load_kg=100.0, rir=2.0), SetRecord(reps=5, load_kg=100.0, rir=1.0))

Opener = Callable[[], Awaitable[Storage]]


@asynccontextmanager
async def reopenable(engine: str, tmp_path: Path) -> AsyncIterator[Opener]:
    """A way to open the same database again and again, as a restarted bot does."""
    if engine == "sqlite":
        path = tmp_path / "bulk.db"

        async def open_sqlite() -> Storage:
            return await SQLiteStorage.open(path)

        yield open_sqlite
        return
    url = require_postgres()
    async with throwaway_schema(url) as schema:
        async def open_postgres() -> Storage:
            return await open_in_schema(url, schema)

        yield open_postgres


def same_day(count: int, prefix: str = "e", exercise: Exercise = SQUAT) -> list[NewEntry]:
    """``count`` imported entries of one training day, a second apart."""
    start = NOW - timedelta(hours=6)
    return [NewEntry(exercise, WORK, start + timedelta(seconds=i), DAY, source="import",
                     source_ref=f"{prefix}{i}") for i in range(count)]


def one_log(i: int) -> NewEntry:
    return NewEntry(CURL, WORK[:1], NOW + timedelta(seconds=i), NOW.date())


@dataclass
class Neighbour:
    """Another lifter logging one entry after another while the bulk work runs."""

    storage: Storage
    user_id: str = "neighbour"
    finished: list[float] = field(default_factory=list)
    waits: list[float] = field(default_factory=list)

    async def keep_logging(self, until: asyncio.Task[Any]) -> None:
        loop = asyncio.get_running_loop()
        i = 0
        while not until.done():
            begin = loop.time()
            await self.storage.add_entries(self.user_id, "g1", [one_log(i)], NOW)
            self.finished.append(loop.time())
            self.waits.append(self.finished[-1] - begin)
            i += 1
            await asyncio.sleep(0.001)

    def during(self, start: float, end: float) -> int:
        """Logs of the neighbour that were stored while the work ran."""
        return sum(start < t < end for t in self.finished)


async def alongside(
    storage: Storage, work: Callable[[], Awaitable[Any]]
) -> tuple[Any, Neighbour, float, float]:
    """Run ``work`` while the neighbour logs; (its result, the neighbour, start, end)."""
    loop = asyncio.get_running_loop()
    neighbour = Neighbour(storage)
    start = loop.time()
    task = asyncio.ensure_future(work())
    logging = asyncio.ensure_future(neighbour.keep_logging(task))
    try:
        result = await task
        end = loop.time()
    finally:
        await logging
    return result, neighbour, start, end


async def entries_of(storage: Storage, user_id: str) -> int:
    driver: Any = storage.driver  # type: ignore[attr-defined]
    return int(await driver.fetchval("SELECT COUNT(*) FROM entries WHERE user_id = ?",
                                     (user_id,)))


ENGINES = pytest.mark.parametrize("engine", ["sqlite", "postgres"])
