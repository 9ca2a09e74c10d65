"""The logbook by session and by log: /history's pages, /undo of a whole log, /edit.

Always scoped by the lifter: an id of someone else's entry reads as no entry at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.domain.models import StoredEntry
from bot.domain.sessions import SessionHead
from bot.storage.driver import Driver
from bot.storage.log_types import EntryEdit
from bot.storage.rows import (
    ENTRY_SELECT,
    SET_INSERT,
    as_date,
    as_datetime,
    custom_steps,
    group_entries,
    marks,
    set_values,
)

# Entries written by hand without a session (0) are each a session of their own.
_SESSION = "CASE WHEN session_id = 0 THEN entry_id ELSE session_id END"
_HEADS = (
    f"SELECT {_SESSION}, MAX(local_date), MIN(performed_at), MAX(performed_at), COUNT(*),"
    " SUM(CASE WHEN exercise_key = ? THEN 1 ELSE 0 END) FROM entries WHERE user_id = ?"
    " GROUP BY 1"
)
# The lifter's newest log typed as a message (imports are not undone this way).
_LAST_LOG = (
    "e.user_id = ? AND e.log_id = (SELECT MAX(log_id) FROM entries"
    " WHERE user_id = ? AND source = 'log')"
)
_ORDER = "ORDER BY e.performed_at, e.entry_id, s.position"
_MAX_IDS = 500  # ids in one IN list


class SessionsSql:
    driver: Driver

    async def session_heads(
        self, user_id: str, exercise_key: str | None = None
    ) -> list[SessionHead]:
        """Every session of the lifter, without its entries; ``matching`` counts the
        entries of ``exercise_key`` in each (all of them when it is None)."""
        rows = await self.driver.fetchall(_HEADS, (exercise_key or "", user_id))
        return [SessionHead(int(r[0]), as_date(r[1]), as_datetime(r[2]), as_datetime(r[3]),
                            int(r[4]), int(r[5]) if exercise_key is not None else int(r[4]))
                for r in rows]

    async def session_entries(
        self, user_id: str, session_ids: Sequence[int]
    ) -> list[StoredEntry]:
        """The lifter's entries in those sessions, in logged order."""
        ids = tuple(dict.fromkeys(session_ids))[:_MAX_IDS]
        if not ids:
            return []
        rows = await self.driver.fetchall(
            f"{ENTRY_SELECT} WHERE e.user_id = ? AND"
            f" (CASE WHEN e.session_id = 0 THEN e.entry_id ELSE e.session_id END)"
            f" IN ({marks(ids)}) {_ORDER}", (user_id, *ids))
        return group_entries(rows, as_datetime, as_date)

    async def entries_by_ids(self, user_id: str, entry_ids: Sequence[int]) -> list[StoredEntry]:
        """The lifter's entries among ``entry_ids``, in logged order."""
        ids = tuple(dict.fromkeys(entry_ids))[:_MAX_IDS]
        if not ids:
            return []
        rows = await self.driver.fetchall(
            f"{ENTRY_SELECT} WHERE e.user_id = ? AND e.entry_id IN ({marks(ids)}) {_ORDER}",
            (user_id, *ids))
        return group_entries(rows, as_datetime, as_date)

    async def last_log(self, user_id: str) -> list[StoredEntry]:
        """The entries of the lifter's newest log still stored, in logged order."""
        rows = await self.driver.fetchall(f"{ENTRY_SELECT} WHERE {_LAST_LOG} {_ORDER}",
                                          (user_id, user_id))
        return group_entries(rows, as_datetime, as_date)

    async def logged_ref(self, user_id: str, source_ref: str) -> bool:
        """Whether the lifter has entries stored from that message."""
        found = await self.driver.fetchval(
            "SELECT EXISTS (SELECT 1 FROM entries WHERE user_id = ? AND source_ref = ?)",
            (user_id, source_ref))
        return bool(found)

    async def delete_entries(self, user_id: str, entry_ids: Sequence[int]) -> list[StoredEntry]:
        """Remove the lifter's entries among ``entry_ids`` in one transaction; returns
        those this call removed (of two calls at once, each entry goes to one)."""
        found = await self.entries_by_ids(user_id, entry_ids)
        if not found:
            return []
        ids = tuple(e.entry_id for e in found)
        async with self.driver.transaction() as tx:
            gone = await tx.fetchall(
                f"DELETE FROM entries WHERE user_id = ? AND entry_id IN ({marks(ids)})"
                " RETURNING entry_id", (user_id, *ids))
        removed = {int(r[0]) for r in gone}
        return [e for e in found if e.entry_id in removed]

    async def edit_entry(
        self, user_id: str, entry_id: int, edit: EntryEdit
    ) -> StoredEntry | None:
        """Give the lifter's entry new contents in one transaction, keeping its id, moment,
        day, session and log; None when it is not theirs or gone."""
        exercise = edit.exercise
        async with self.driver.transaction() as tx:
            kept = await tx.fetchone(
                "UPDATE entries SET exercise_key = ?, exercise_name = ?, tier = ?, note = ?,"
                " pr = ? WHERE user_id = ? AND entry_id = ? RETURNING entry_id",
                (exercise.key, exercise.name, exercise.tier, edit.note, int(edit.pr),
                 user_id, entry_id))
            if kept is None:
                return None
            for custom in edit.customs:
                for step in custom_steps(user_id, custom):
                    await tx.execute(step.sql, step.params)
            await tx.execute("DELETE FROM sets WHERE entry_id = ?", (entry_id,))
            rows: list[Sequence[Any]] = [(entry_id, i, *set_values(s))
                                         for i, s in enumerate(edit.sets)]
            await tx.executemany(SET_INSERT, rows)
        found = await self.entries_by_ids(user_id, (entry_id,))
        return found[0] if found else None
