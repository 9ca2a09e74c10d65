"""Rows as the first schema held them, for tests that upgrade an old database: the
current code writes columns later migrations added, so old rows go in by hand."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.storage.contract import NewEntry
from bot.storage.driver import Driver
from bot.storage.ids import IdSource

_IDS = IdSource(tag=1)


async def add_old_entries(
    driver: Driver, user_id: str, guild_id: str, entries: Sequence[NewEntry], now: datetime
) -> list[int]:
    """Store entries with only the columns of migration 001; returns their ids."""
    ids = _IDS.reserve(len(entries), now)
    async with driver.transaction() as tx:
        for entry_id, new in zip(ids, entries, strict=True):
            await tx.execute(
                "INSERT INTO entries (entry_id, user_id, guild_id, exercise_key, exercise_name,"
                " tier, performed_at, local_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (entry_id, user_id, guild_id, new.exercise.key, new.exercise.name,
                 new.exercise.tier, new.performed_at, new.local_date, now))
            for i, s in enumerate(new.sets):
                await tx.execute(
                    "INSERT INTO sets (entry_id, position, reps, load_kg, bodyweight, rir,"
                    " rir_max, failure, technique, warmup, amrap)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (entry_id, i, s.reps, s.load_kg, int(s.bodyweight), s.rir, s.rir_max,
                     int(s.failure), s.technique, int(s.warmup), int(s.amrap)))
            if guild_id:
                await tx.execute(
                    "INSERT INTO guild_members (guild_id, user_id, joined_at) VALUES (?, ?, ?)"
                    " ON CONFLICT (guild_id, user_id) DO NOTHING", (guild_id, user_id, now))
    return ids
