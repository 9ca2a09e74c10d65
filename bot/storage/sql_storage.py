"""The storage contract written once in SQL that SQLite and PostgreSQL both run.

Each write happens inside one transaction and is committed before the method
returns; every query that touches a lifter's data is scoped by that lifter's id.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, cast

from bot.domain.models import Exercise, Goal, Profile, Soreness, StoredEntry, Tier, Unit
from bot.storage.base import NewEntry
from bot.storage.driver import Driver
from bot.storage.rows import SET_COLUMNS, as_date, as_datetime, group_entries, set_values

_ENTRY_SELECT = (
    "SELECT e.entry_id, e.guild_id, e.exercise_key, e.exercise_name, e.tier, e.performed_at,"
    " e.local_date, s.position, " + ", ".join(f"s.{c}" for c in SET_COLUMNS) + " FROM entries e"
    " LEFT JOIN sets s ON s.entry_id = e.entry_id"
)
_ENTRY_INSERT = (
    "INSERT INTO entries (user_id, guild_id, exercise_key, exercise_name, tier, performed_at,"
    " local_date, created_at, source, source_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " RETURNING entry_id"
)
_SET_INSERT = (
    f"INSERT INTO sets (entry_id, position, {', '.join(SET_COLUMNS)})"
    f" VALUES (?, ?, {', '.join('?' for _ in SET_COLUMNS)})"
)


class SqlStorage:
    """Implements :class:`bot.storage.base.Storage` over a :class:`Driver`."""

    def __init__(self, driver: Driver) -> None:
        self.driver = driver

    async def close(self) -> None:
        await self.driver.close()

    # entries -----------------------------------------------------------------

    async def add_entries(
        self, user_id: str, guild_id: str, entries: Sequence[NewEntry], now: datetime
    ) -> list[StoredEntry]:
        stored: list[StoredEntry] = []
        async with self.driver.transaction() as tx:
            for new in entries:
                entry_id = int(await tx.fetchval(_ENTRY_INSERT, (
                    user_id, guild_id, new.exercise.key, new.exercise.name, new.exercise.tier,
                    new.performed_at, new.local_date, now, new.source, new.source_ref,
                )))
                await tx.executemany(
                    _SET_INSERT, [(entry_id, i, *set_values(s)) for i, s in enumerate(new.sets)]
                )
                stored.append(StoredEntry(
                    entry_id=entry_id, exercise=new.exercise, sets=new.sets,
                    performed_at=new.performed_at, local_date=new.local_date, guild_id=guild_id,
                ))
            if guild_id:
                await tx.execute(
                    "INSERT INTO guild_members (guild_id, user_id, joined_at) VALUES (?, ?, ?)"
                    " ON CONFLICT (guild_id, user_id) DO NOTHING",
                    (guild_id, user_id, now),
                )
        return stored

    async def _entries(
        self, where: str, params: Sequence[Any], tail: str = ""
    ) -> list[StoredEntry]:
        rows = await self.driver.fetchall(f"{_ENTRY_SELECT} WHERE {where} {tail}", params)
        return group_entries(rows, as_datetime, as_date)

    async def entries_since(self, user_id: str, since: datetime) -> list[StoredEntry]:
        return await self._entries(
            "e.user_id = ? AND e.performed_at >= ?", (user_id, since),
            "ORDER BY e.performed_at, e.entry_id, s.position",
        )

    async def history(
        self, user_id: str, exercise_key: str | None, limit: int
    ) -> list[StoredEntry]:
        by_exercise = "" if exercise_key is None else " AND exercise_key = ?"
        params: tuple[Any, ...] = (user_id,) if exercise_key is None else (user_id, exercise_key)
        ids = await self.driver.fetchall(
            f"SELECT entry_id FROM entries WHERE user_id = ?{by_exercise}"
            " ORDER BY performed_at DESC, entry_id DESC LIMIT ?", (*params, limit),
        )
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        return await self._entries(
            f"e.user_id = ? AND e.entry_id IN ({marks})", (user_id, *(r[0] for r in ids)),
            "ORDER BY e.performed_at DESC, e.entry_id DESC, s.position",
        )

    async def last_entry(self, user_id: str) -> StoredEntry | None:
        found = await self._entries(
            "e.entry_id = (SELECT MAX(entry_id) FROM entries WHERE user_id = ?)", (user_id,),
            "ORDER BY s.position",
        )
        return found[0] if found else None

    async def delete_entry(self, user_id: str, entry_id: int) -> StoredEntry | None:
        found = await self._entries(
            "e.user_id = ? AND e.entry_id = ?", (user_id, entry_id), "ORDER BY s.position"
        )
        if not found:
            return None
        async with self.driver.transaction() as tx:
            await tx.execute(
                "DELETE FROM entries WHERE user_id = ? AND entry_id = ?", (user_id, entry_id)
            )
        return found[0]

    async def delete_entries_by_ref(self, user_id: str, source_ref: str) -> list[StoredEntry]:
        found = await self._entries(
            "e.user_id = ? AND e.source_ref = ?", (user_id, source_ref),
            "ORDER BY e.entry_id, s.position",
        )
        if found:
            async with self.driver.transaction() as tx:
                await tx.execute(
                    "DELETE FROM entries WHERE user_id = ? AND source_ref = ?",
                    (user_id, source_ref),
                )
        return found

    # profile -----------------------------------------------------------------

    async def get_profile(self, user_id: str) -> Profile | None:
        row = await self.driver.fetchone(
            "SELECT unit, goal, timezone, weekly_target FROM users WHERE user_id = ?", (user_id,)
        )
        if row is None:
            return None
        return Profile(unit=cast(Unit, row[0]), goal=cast(Goal, row[1]), timezone=row[2],
                       weekly_target=int(row[3]))

    async def save_profile(
        self, user_id: str, profile: Profile, now: datetime, today: date
    ) -> None:
        """Save the profile; a changed weekly target is recorded from ``today`` (local)."""
        async with self.driver.transaction() as tx:
            old = await tx.fetchval(
                "SELECT weekly_target FROM users WHERE user_id = ?", (user_id,)
            )
            await tx.execute(
                "INSERT INTO users (user_id, unit, goal, timezone, weekly_target, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET"
                " unit = excluded.unit, goal = excluded.goal, timezone = excluded.timezone,"
                " weekly_target = excluded.weekly_target",
                (user_id, profile.unit, profile.goal, profile.timezone, profile.weekly_target,
                 now),
            )
            if old is None or int(old) != profile.weekly_target:
                await tx.execute(
                    "INSERT INTO target_history (user_id, effective_from, target) VALUES (?, ?, ?)"
                    " ON CONFLICT (user_id, effective_from) DO UPDATE SET target = excluded.target",
                    (user_id, today, profile.weekly_target),
                )

    async def target_history(self, user_id: str) -> list[tuple[date, int]]:
        rows = await self.driver.fetchall(
            "SELECT effective_from, target FROM target_history WHERE user_id = ?"
            " ORDER BY effective_from", (user_id,),
        )
        return [(as_date(r[0]), int(r[1])) for r in rows]

    # custom exercises and soreness ---------------------------------------------

    async def custom_exercises(self, user_id: str) -> list[Exercise]:
        rows = await self.driver.fetchall(
            "SELECT key, name, tier FROM custom_exercises WHERE user_id = ? ORDER BY name",
            (user_id,),
        )
        return [Exercise(key=r[0], name=r[1], tier=cast(Tier | None, r[2]), custom=True)
                for r in rows]

    async def save_custom_exercise(self, user_id: str, exercise: Exercise) -> None:
        async with self.driver.transaction() as tx:
            await tx.execute(
                "INSERT INTO custom_exercises (user_id, key, name, tier) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (user_id, key) DO UPDATE SET name = excluded.name,"
                " tier = excluded.tier",
                (user_id, exercise.key, exercise.name, exercise.tier),
            )
            await tx.execute(
                "UPDATE entries SET tier = ? WHERE user_id = ? AND exercise_key = ?",
                (exercise.tier, user_id, exercise.key),
            )

    async def set_soreness(self, user_id: str, soreness: Soreness) -> None:
        async with self.driver.transaction() as tx:
            if soreness.days <= 0:
                await tx.execute("DELETE FROM soreness WHERE user_id = ? AND body_part = ?",
                                 (user_id, soreness.body_part))
                return
            await tx.execute(
                "INSERT INTO soreness (user_id, body_part, days, reported_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (user_id, body_part) DO UPDATE SET days = excluded.days,"
                " reported_at = excluded.reported_at",
                (user_id, soreness.body_part, soreness.days, soreness.reported_at),
            )

    async def soreness(self, user_id: str) -> list[Soreness]:
        rows = await self.driver.fetchall(
            "SELECT body_part, days, reported_at FROM soreness WHERE user_id = ?", (user_id,)
        )
        return [Soreness(r[0], int(r[1]), as_datetime(r[2])) for r in rows]

    # guild settings and meta ----------------------------------------------------

    async def get_log_channel(self, guild_id: str) -> str | None:
        value = await self.driver.fetchval(
            "SELECT log_channel_id FROM guild_settings WHERE guild_id = ?", (guild_id,)
        )
        return cast(str | None, value)

    async def set_log_channel(self, guild_id: str, channel_id: str | None) -> None:
        async with self.driver.transaction() as tx:
            await tx.execute(
                "INSERT INTO guild_settings (guild_id, log_channel_id) VALUES (?, ?)"
                " ON CONFLICT (guild_id) DO UPDATE SET log_channel_id = excluded.log_channel_id",
                (guild_id, channel_id),
            )

    async def get_meta(self, key: str) -> str | None:
        return cast(str | None, await self.driver.fetchval(
            "SELECT value FROM meta WHERE key = ?", (key,)))

    async def set_meta(self, key: str, value: str) -> None:
        async with self.driver.transaction() as tx:
            await tx.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value),
            )
