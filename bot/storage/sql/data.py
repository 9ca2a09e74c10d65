"""A lifter's data as a whole: export pages, staged imports, erasure.

Imports and erasure touch every row a lifter may hold, so they go in short batches
(bot.storage.sql.staged_imports, bot.storage.sql.erasure): no lifter waits long on
another's. Both are all or nothing across a crash: a start-up finishes what a crash
interrupted (:meth:`DataSql.finish_interrupted`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from bot.domain.models import StoredEntry
from bot.storage.contract import NewEntry, PendingImport, Published
from bot.storage.driver import Driver
from bot.storage.ids import IdSource
from bot.storage.rows import ENTRY_SELECT, as_date, as_datetime, group_entries
from bot.storage.sql import erasure, staged_imports


class DataSql:
    driver: Driver
    ids: IdSource

    # export --------------------------------------------------------------------

    async def entries_page(
        self, user_id: str, after: tuple[datetime, int] | None, limit: int
    ) -> list[StoredEntry]:
        """The next ``limit`` entries in time order after ``after`` (moment, entry id)."""
        if after is None:
            ids = await self.driver.fetchall(
                "SELECT entry_id FROM entries WHERE user_id = ?"
                " ORDER BY performed_at, entry_id LIMIT ?", (user_id, limit))
        else:
            moment, last_id = after
            ids = await self.driver.fetchall(
                "SELECT entry_id FROM entries WHERE user_id = ? AND (performed_at > ?"
                " OR (performed_at = ? AND entry_id > ?)) ORDER BY performed_at, entry_id"
                " LIMIT ?", (user_id, moment, moment, last_id, limit))
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        rows = await self.driver.fetchall(
            f"{ENTRY_SELECT} WHERE e.user_id = ? AND e.entry_id IN ({marks})"
            " ORDER BY e.performed_at, e.entry_id, s.position",
            (user_id, *(r[0] for r in ids)),
        )
        return group_entries(rows, as_datetime, as_date)

    # import --------------------------------------------------------------------

    async def stage_import(
        self, user_id: str, guild_id: str, summary: str, entries: Sequence[NewEntry],
        now: datetime, expired_before: datetime,
    ) -> int:
        """Keep a preview's entries (``source_ref`` set: their fingerprints) until it is
        confirmed, and ``summary`` (what the preview said); returns its id."""
        return await staged_imports.stage(self.driver, self.ids, user_id, guild_id, summary,
                                          entries, now, expired_before)

    async def publish_import(
        self, user_id: str, pending_id: int, now: datetime
    ) -> Published | None:
        """Store the lifter's ready preview; None when there is none by that id. Entries an
        earlier import stored are skipped; a confirm running twice stores them once."""
        return await staged_imports.publish(self.driver, user_id, pending_id, now)

    async def pending_import(self, user_id: str, pending_id: int | None) -> PendingImport | None:
        """The lifter's ready preview by id, or their latest when ``pending_id`` is None."""
        ready = "state = 'ready'"
        if pending_id is None:
            where = (f"pending_id = (SELECT MAX(pending_id) FROM pending_imports"
                     f" WHERE user_id = ? AND {ready})")
            params: tuple[Any, ...] = (user_id,)
        else:
            where, params = f"user_id = ? AND pending_id = ? AND {ready}", (user_id, pending_id)
        row = await self.driver.fetchone(
            f"SELECT pending_id, guild_id, created_at, payload FROM pending_imports WHERE {where}",
            params,
        )
        if row is None:
            return None
        return PendingImport(int(row[0]), row[1], as_datetime(row[2]), row[3])

    async def delete_pending_import(self, user_id: str, pending_id: int) -> bool:
        """Cancel the lifter's waiting preview; False when there is none by that id."""
        return await staged_imports.drop(self.driver, user_id, pending_id)

    # the right to be forgotten ---------------------------------------------------

    async def user_data_counts(self, user_id: str) -> dict[str, int]:
        """How many rows each personal table holds on the lifter (tables with none left out)."""
        return await erasure.count_lifter(self.driver, user_id)

    async def forget_user(self, user_id: str) -> dict[str, int]:
        """Erase every row about the lifter, in batches, all or nothing across a crash;
        returns rows per table."""
        return await erasure.erase_lifter(self.driver, user_id)

    async def tables_with_user_id(self) -> set[str]:
        """Every table of the live schema that has a ``user_id`` column."""
        return await erasure.tables_with_user_id(self.driver, self.driver.engine)

    async def finish_interrupted(self) -> None:
        """At start-up: finish the erasures and confirmed imports a crash cut short, and
        remove what a cancel left behind."""
        if await erasure.finish_erasures(self.driver) is not None:  # None: before 015
            await staged_imports.finish_publishing(self.driver)
