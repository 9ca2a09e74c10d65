"""Entries and their sets: add, read back, delete; always scoped by the lifter."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from bot.domain.models import StoredEntry
from bot.storage.contract import LogContext, LogPlanner, NewEntry
from bot.storage.driver import Driver, Step
from bot.storage.ids import IdSource
from bot.storage.rows import (
    CUSTOM_SELECT,
    PROFILE_SELECT,
    SET_COLUMNS,
    SORENESS_SELECT,
    as_date,
    as_datetime,
    custom_from_row,
    custom_steps,
    earliest_local_date,
    group_entries,
    profile_from_row,
    set_values,
    soreness_from_row,
)

_ENTRY_SELECT = (
    "SELECT e.entry_id, e.guild_id, e.exercise_key, e.exercise_name, e.tier, e.performed_at,"
    " e.local_date, s.position, " + ", ".join(f"s.{c}" for c in SET_COLUMNS) + " FROM entries e"
    " LEFT JOIN sets s ON s.entry_id = e.entry_id"
)
_ENTRY_INSERT = (
    "INSERT INTO entries (entry_id, user_id, guild_id, exercise_key, exercise_name, tier,"
    " performed_at, local_date, created_at, source, source_ref)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_MEMBER_INSERT = (
    "INSERT INTO guild_members (guild_id, user_id, joined_at) VALUES (?, ?, ?)"
    " ON CONFLICT (guild_id, user_id) DO NOTHING"
)
_SINCE = (
    "e.user_id = ? AND e.local_date >= ? AND e.performed_at >= ?"
    " ORDER BY e.performed_at, e.entry_id, s.position"
)
# A log's look-back needs no time order (advice takes history in any order), so it
# reads in the index's own order and SQLite skips a sort on every log.
_RECENT = (
    "e.user_id = ? AND e.local_date >= ? AND e.performed_at >= ?"
    " ORDER BY e.local_date, e.entry_id, s.position"
)
_SET_INSERT = (
    f"INSERT INTO sets (entry_id, position, {', '.join(SET_COLUMNS)})"
    f" VALUES (?, ?, {', '.join('?' for _ in SET_COLUMNS)})"
)


class EntriesSql:
    driver: Driver
    ids: IdSource

    # entries -----------------------------------------------------------------

    async def add_entries(
        self, user_id: str, guild_id: str, entries: Sequence[NewEntry], now: datetime
    ) -> list[StoredEntry]:
        """Entries, their sets and the server membership, in one transaction and one trip."""
        steps, stored = self._entry_steps(user_id, guild_id, entries, now)
        await self.driver.batch(steps, write=True)
        return stored

    async def log_entries(
        self, user_id: str, guild_id: str, since: datetime, now: datetime, plan: LogPlanner
    ) -> tuple[LogContext, list[StoredEntry]]:
        """A whole log in one trip: read the lifter's context, let ``plan`` read the text
        against it, store what it returns (nothing when it returns None).

        ``plan`` runs where the database work runs (on SQLite, its thread), between the
        read and the write, so it must be quick and pure.
        """
        found: list[LogContext] = []
        stored: list[StoredEntry] = []

        def choose(rows: list[list[Sequence[Any]]]) -> list[Step] | None:
            context = _context(rows)
            found.append(context)
            wanted = plan(context)
            if wanted is None:
                return None
            steps = [step for exercise in wanted.customs
                     for step in custom_steps(user_id, exercise)]
            entry_steps, entries = self._entry_steps(user_id, guild_id, wanted.entries, now)
            stored.extend(entries)
            return steps + entry_steps

        await self.driver.read_then_write(_context_steps(user_id, since), choose)
        return found[0], stored

    def _entry_steps(
        self, user_id: str, guild_id: str, entries: Sequence[NewEntry], now: datetime
    ) -> tuple[list[Step], list[StoredEntry]]:
        ids = self.ids.reserve(len(entries), now)
        entry_rows = [
            (entry_id, user_id, guild_id, new.exercise.key, new.exercise.name, new.exercise.tier,
             new.performed_at, new.local_date, now, new.source, new.source_ref)
            for entry_id, new in zip(ids, entries, strict=True)
        ]
        set_rows = [
            (entry_id, i, *set_values(s))
            for entry_id, new in zip(ids, entries, strict=True)
            for i, s in enumerate(new.sets)
        ]
        steps = [Step(_ENTRY_INSERT, many=entry_rows), Step(_SET_INSERT, many=set_rows)]
        if guild_id:
            steps.append(Step(_MEMBER_INSERT, (guild_id, user_id, now)))
        stored = [
            StoredEntry(entry_id=entry_id, exercise=new.exercise, sets=new.sets,
                        performed_at=new.performed_at, local_date=new.local_date,
                        guild_id=guild_id)
            for entry_id, new in zip(ids, entries, strict=True)
        ]
        return steps, stored

    async def log_context(self, user_id: str, since: datetime) -> LogContext:
        """All a log needs to know about the lifter, in one trip to the database."""
        return _context(await self.driver.batch(_context_steps(user_id, since)))

    async def _entries(
        self, where: str, params: Sequence[Any], tail: str = ""
    ) -> list[StoredEntry]:
        rows = await self.driver.fetchall(f"{_ENTRY_SELECT} WHERE {where} {tail}", params)
        return group_entries(rows, as_datetime, as_date)

    async def entries_since(self, user_id: str, since: datetime) -> list[StoredEntry]:
        return await self._entries(_SINCE, (user_id, earliest_local_date(since), since))

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


def _context_steps(user_id: str, since: datetime) -> list[Step]:
    return [
        Step(PROFILE_SELECT, (user_id,), fetch=True),
        Step(CUSTOM_SELECT, (user_id,), fetch=True),
        Step(SORENESS_SELECT, (user_id,), fetch=True),
        Step(f"{_ENTRY_SELECT} WHERE {_RECENT}", (user_id, earliest_local_date(since), since),
             fetch=True),
    ]


def _context(rows: list[list[Sequence[Any]]]) -> LogContext:
    profile, customs, soreness, history = rows
    return LogContext(
        profile=profile_from_row(profile[0]) if profile else None,
        customs=tuple(custom_from_row(r) for r in customs),
        soreness=tuple(soreness_from_row(r) for r in soreness),
        history=tuple(group_entries(history, as_datetime, as_date)),
    )
