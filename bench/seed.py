"""Fast bulk seeding of a storage with realistic history, straight through its driver."""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime, timedelta

from bot.domain.catalogue import default_catalogue
from bot.domain.models import SetRecord
from bot.storage.rows import SET_INSERT, set_values
from bot.storage.sql.storage import SqlStorage

ENTRY_SQL = (
    "INSERT INTO entries (entry_id, user_id, guild_id, exercise_key, exercise_name, tier,"
    " performed_at, local_date, created_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'log')"
)
SET_SQL = SET_INSERT  # every set column, as set_values writes them
MEMBER_SQL = (
    "INSERT INTO guild_members (guild_id, user_id, joined_at, last_logged_at) VALUES"
    " (?, ?, ?, ?) ON CONFLICT (guild_id, user_id) DO NOTHING"
)


async def seed(
    storage: SqlStorage, *, users: int, sets: int, guild_id: str = "bench-guild",
    now: datetime, days: int = 180, sets_per_entry: int = 5, seed: int = 1,
) -> float:
    """Store ``sets`` sets for ``users`` lifters spread over ``days``; returns seconds taken."""
    rng = random.Random(seed)
    exercises = [e for e in default_catalogue() if e.tier is not None]
    entries = sets // sets_per_entry
    start = time.perf_counter()
    batch_entries: list[tuple[object, ...]] = []
    batch_sets: list[tuple[object, ...]] = []
    first_id = 1
    async with storage.driver.transaction() as tx:
        for i in range(entries):
            entry_id = first_id + i
            user = f"u{i % users}"
            ex = rng.choice(exercises)
            when = now - timedelta(days=rng.random() * days)
            batch_entries.append((entry_id, user, guild_id, ex.key, ex.name, ex.tier, when,
                                  when.date(), when))
            load = float(rng.randrange(20, 200))
            for p in range(sets_per_entry):
                s = SetRecord(reps=rng.randrange(3, 15), load_kg=load,
                              rir=float(rng.randrange(0, 4)))
                batch_sets.append((entry_id, p, *set_values(s)))
            if len(batch_sets) >= 50_000:
                await tx.executemany(ENTRY_SQL, batch_entries)
                await tx.executemany(SET_SQL, batch_sets)
                batch_entries, batch_sets = [], []
        if batch_entries:
            await tx.executemany(ENTRY_SQL, batch_entries)
            await tx.executemany(SET_SQL, batch_sets)
        await tx.executemany(MEMBER_SQL, [(guild_id, f"u{u}", now, now) for u in range(users)])
    await storage.driver.execute("ANALYZE")
    return time.perf_counter() - start


def bench_now() -> datetime:
    return datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
