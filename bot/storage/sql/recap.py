"""A server's weekly recap post: its schedule (in the reminders' shape, through
:class:`bot.storage.sql.schedule.ScheduleTable`: the same claims, leases, one-statement
records and, on PostgreSQL, ``FOR UPDATE SKIP LOCKED``), and the week's failure sets.

The recap reads the boards' tables for training days; the failure sets are those
logged *in this server* by members of its boards, since what was logged elsewhere is
not this server's to count.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from bot.storage.contract import (
    RecapNotice,
    RecapSetting,
    ReminderOutcome,
    ReminderRow,
)
from bot.storage.driver import Driver
from bot.storage.rows import FAILURE_SET
from bot.storage.sql.schedule import ScheduleTable, row_of

CHANNEL_CLOSED = "channel_closed"
"""The reason a recap switched itself off: its channel is gone or forbids posting."""

_FAILURES = (
    "SELECT e.tier, COUNT(*) FROM guild_members m"
    " JOIN entries e ON e.user_id = m.user_id AND e.guild_id = m.guild_id"
    " JOIN sets s ON s.entry_id = e.entry_id"
    " WHERE m.guild_id = ? AND m.opted_out = 0 AND e.local_date >= ? AND e.local_date <= ?"
    f" AND s.warmup = 0 AND {FAILURE_SET} GROUP BY e.tier"
)


class RecapSql:
    driver: Driver
    claim_lock: str = ""

    @property
    def _recaps(self) -> ScheduleTable:
        return ScheduleTable(self.driver, "recaps", self.claim_lock, key="guild_id",
                             channel="channel_id", closed_reason=CHANNEL_CLOSED)

    async def get_recap(self, guild_id: str) -> RecapSetting | None:
        table = self._recaps
        row = await self.driver.fetchone(
            f"SELECT {table.columns}, set_by FROM recaps WHERE guild_id = ?", (guild_id,))
        return None if row is None else RecapSetting(row_of(row), row[11])

    async def save_recap(
        self, guild_id: str, channel_id: str, local_time: str, timezone: str, weekday: int,
        next_due_at: datetime, set_by: str, now: datetime,
    ) -> None:
        """Turn the recap on with this schedule and channel; a lease in flight stays."""
        async with self.driver.transaction() as tx:
            await tx.execute(
                "INSERT INTO recaps (guild_id, local_time, timezone, weekdays, enabled,"
                " next_due_at, channel_id, notice_pending, version, updated_at, set_by)"
                " VALUES (?, ?, ?, ?, 1, ?, ?, 0, 1, ?, ?) ON CONFLICT (guild_id) DO UPDATE SET"
                " local_time = excluded.local_time, timezone = excluded.timezone,"
                " weekdays = excluded.weekdays, enabled = 1,"
                " next_due_at = excluded.next_due_at, channel_id = excluded.channel_id,"
                " disabled_reason = NULL, notice_pending = 0, version = recaps.version + 1,"
                " updated_at = excluded.updated_at, set_by = excluded.set_by",
                (guild_id, local_time, timezone, str(weekday), next_due_at, channel_id, now,
                 set_by),
            )

    async def disable_recap(self, guild_id: str, reason: str, now: datetime) -> bool:
        return await self._recaps.disable(guild_id, reason, now)

    async def take_recap_notice(self, admin_id: str) -> RecapNotice | None:
        """Why a recap this admin set switched itself off, once (then cleared)."""
        pending = await self.driver.fetchval(
            "SELECT guild_id FROM recaps WHERE set_by = ? AND notice_pending = 1 LIMIT 1",
            (admin_id,))
        if pending is None:
            return None
        async with self.driver.transaction() as tx:
            row = await tx.fetchone(
                "UPDATE recaps SET notice_pending = 0 WHERE guild_id = ? AND set_by = ?"
                " AND notice_pending = 1 RETURNING guild_id, channel_id, disabled_reason",
                (pending, admin_id))
        return None if row is None else RecapNotice(str(row[0]), row[1], str(row[2] or ""))

    async def claim_due_recaps(self, now: datetime, limit: int, owner: str, lease: timedelta
                               ) -> list[ReminderRow]:
        return await self._recaps.claim(now, limit, owner, lease)

    async def release_recap_leases(self, owner: str) -> int:
        return await self._recaps.release(owner)

    async def defer_recap(self, guild_id: str, owner: str, until: datetime) -> None:
        await self._recaps.defer(guild_id, owner, until)

    async def next_recap_wakeup(self, now: datetime) -> datetime | None:
        return await self._recaps.next_wakeup(now)

    async def finish_recaps(self, outcomes: Sequence[ReminderOutcome], now: datetime) -> None:
        await self._recaps.finish(outcomes, now)

    async def recap_failures(self, guild_id: str, first: date, last: date) -> dict[str, int]:
        """Failure sets per tier ('' for none) logged in the server from ``first`` to
        ``last`` (local dates) by members of its boards who did not opt out."""
        rows = await self.driver.fetchall(_FAILURES, (guild_id, first, last))
        return {str(tier or ""): int(n) for tier, n in rows}
