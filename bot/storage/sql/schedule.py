"""The SQL of one schedule table in the reminders' shape (see 002_reminders.sql).

The daily reminders, the weekly check-in (``checkins``) and a server's weekly recap
post (``recaps``) share it: the same columns, claims, leases and one-statement records,
so all get the same guarantees. A table names its key column (a lifter's ``user_id``,
or a server's ``guild_id``) and its channel column (a DM channel, or the channel a recap
is posted in); :class:`bot.storage.contract.ReminderRow` carries them as ``user_id`` and
``dm_channel_id`` whatever the table calls them.

Claiming marks up to ``limit`` due rows with a lease (owner and expiry) in one statement.
On SQLite one process claims inside a write transaction; on PostgreSQL ``claim_lock`` is
``" FOR UPDATE SKIP LOCKED"``, so several processes never lease one row twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from bot.storage.contract import ReminderOutcome, ReminderRow
from bot.storage.driver import Driver, Step
from bot.storage.rows import as_date, as_datetime

_COLUMNS = (
    "{k}, local_time, timezone, weekdays, enabled, next_due_at, {c},"
    " disabled_reason, notice_pending, version, last_local_date"
)
# One statement records the day handled and moves the schedule on (unless the owner
# set a new schedule meanwhile), so the two can never disagree.
_ADVANCE = (
    "UPDATE {t} SET next_due_at = CASE WHEN version = ? THEN ? ELSE next_due_at END,"
    " last_local_date = COALESCE(?, last_local_date), last_outcome = COALESCE(?, last_outcome),"
    " last_handled_at = ?, {c} = COALESCE(?, {c}), lease_owner = NULL,"
    " lease_until = NULL WHERE {k} = ?"
)
_CLOSE = (
    "UPDATE {t} SET enabled = 0, next_due_at = NULL, disabled_reason = ?,"
    " notice_pending = 1, version = version + 1, {c} = COALESCE(?, {c}),"
    " updated_at = ? WHERE {k} = ? AND version = ?"
)
_RELEASE_ONE = "UPDATE {t} SET lease_owner = NULL, lease_until = NULL WHERE {k} = ?"
CLOSED_DMS = "dm_closed"
INVALID = "invalid_schedule"


def row_of(r: Sequence[Any]) -> ReminderRow:
    return ReminderRow(
        user_id=r[0], local_time=r[1], timezone=r[2], weekdays=r[3], enabled=bool(r[4]),
        next_due_at=None if r[5] is None else as_datetime(r[5]), dm_channel_id=r[6],
        disabled_reason=r[7], notice_pending=bool(r[8]), version=int(r[9]),
        last_local_date=None if r[10] is None else as_date(r[10]),
    )


def marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


class ScheduleTable:
    """The schedule, lease and send-record SQL of one table shaped like ``reminders``.

    ``closed_reason`` is what a ``closed`` send (DMs refused, a channel gone) records as
    the reason the schedule switched itself off.
    """

    def __init__(self, driver: Driver, table: str, claim_lock: str = "", *,
                 key: str = "user_id", channel: str = "dm_channel_id",
                 closed_reason: str = CLOSED_DMS) -> None:
        self.driver = driver
        self.table = table
        self.claim_lock = claim_lock
        self.key = key
        self.channel = channel
        self._switch_off = {"closed": closed_reason, "invalid": INVALID}

    def _sql(self, template: str) -> str:
        return (template.replace("{t}", self.table).replace("{k}", self.key)
                .replace("{c}", self.channel))

    @property
    def columns(self) -> str:
        return self._sql(_COLUMNS)

    async def get(self, key: str) -> ReminderRow | None:
        row = await self.driver.fetchone(
            f"SELECT {self.columns} FROM {self.table} WHERE {self.key} = ?", (key,))
        return None if row is None else row_of(row)

    async def save(self, key: str, local_time: str, timezone: str, weekdays: str,
                   next_due_at: datetime, now: datetime) -> None:
        async with self.driver.transaction() as tx:
            await tx.execute(self._sql(
                "INSERT INTO {t} ({k}, local_time, timezone, weekdays, enabled,"
                " next_due_at, notice_pending, version, updated_at)"
                " VALUES (?, ?, ?, ?, 1, ?, 0, 1, ?) ON CONFLICT ({k}) DO UPDATE SET"
                " local_time = excluded.local_time, timezone = excluded.timezone,"
                " weekdays = excluded.weekdays, enabled = 1,"
                " next_due_at = excluded.next_due_at, disabled_reason = NULL,"
                " notice_pending = 0, version = {t}.version + 1,"
                " updated_at = excluded.updated_at"),
                (key, local_time, timezone, weekdays, next_due_at, now),
            )

    async def disable(self, key: str, reason: str, now: datetime) -> bool:
        async with self.driver.transaction() as tx:
            found = await tx.fetchval(self._sql(
                "UPDATE {t} SET enabled = 0, next_due_at = NULL,"
                " disabled_reason = ?, version = version + 1, updated_at = ?"
                " WHERE {k} = ? AND enabled = 1 RETURNING {k}"),
                (reason, now, key),
            )
        return found is not None

    async def take_notice(self, key: str) -> str | None:
        pending = await self.driver.fetchval(
            f"SELECT notice_pending FROM {self.table} WHERE {self.key} = ?", (key,))
        if not pending:
            return None
        async with self.driver.transaction() as tx:
            row = await tx.fetchone(self._sql(
                "UPDATE {t} SET notice_pending = 0 WHERE {k} = ?"
                " AND notice_pending = 1 RETURNING {k}, disabled_reason"),
                (key,),
            )
        return None if row is None else str(row[1] or "")

    async def claim(self, now: datetime, limit: int, owner: str, lease: timedelta
                    ) -> list[ReminderRow]:
        [rows] = await self.driver.batch([Step(self._sql(
            "UPDATE {t} SET lease_owner = ?, lease_until = ?"
            " WHERE {k} IN (SELECT {k} FROM {t}"
            " WHERE next_due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)"
            f" ORDER BY next_due_at LIMIT ?{self.claim_lock})"
            f" RETURNING {self.columns}"),
            (owner, now + lease, now, now, limit), fetch=True,
        )], write=True)
        claimed = [row_of(r) for r in rows]
        claimed.sort(key=lambda r: (r.next_due_at, r.user_id))
        return claimed

    async def release(self, owner: str) -> int:
        async with self.driver.transaction() as tx:
            rows = await tx.fetchall(self._sql(
                "UPDATE {t} SET lease_owner = NULL, lease_until = NULL"
                " WHERE lease_owner = ? RETURNING {k}"), (owner,),
            )
        return len(rows)

    async def defer(self, key: str, owner: str, until: datetime) -> None:
        async with self.driver.transaction() as tx:
            await tx.execute(self._sql(
                "UPDATE {t} SET lease_until = ? WHERE {k} = ? AND lease_owner = ?"),
                (until, key, owner),
            )

    async def next_wakeup(self, now: datetime) -> datetime | None:
        t = self.table
        row = await self.driver.fetchone(
            f"SELECT (SELECT next_due_at FROM {t} WHERE next_due_at IS NOT NULL"
            " AND (lease_until IS NULL OR lease_until <= ?) ORDER BY next_due_at LIMIT 1),"
            f" (SELECT lease_until FROM {t} WHERE lease_until > ?"
            " AND next_due_at IS NOT NULL ORDER BY lease_until LIMIT 1)",
            (now, now),
        )
        found = [as_datetime(v) for v in (row or ()) if v is not None]
        return min(found) if found else None

    async def finish(self, outcomes: Sequence[ReminderOutcome], now: datetime) -> None:
        if not outcomes:
            return
        handled = ("sent", "trained", "failed")
        switch_off = self._switch_off
        advances = [(o.version, o.next_due_at, o.local_date if o.kind in handled else None,
                     o.kind if o.kind in handled else None, now, o.dm_channel_id, o.user_id)
                    for o in outcomes if o.kind not in switch_off]
        closed = [o for o in outcomes if o.kind in switch_off]
        await self.driver.batch([
            Step(self._sql(_ADVANCE), many=advances),
            Step(self._sql(_CLOSE), many=[(switch_off[o.kind], o.dm_channel_id, now,
                                           o.user_id, o.version) for o in closed]),
            Step(self._sql(_RELEASE_ONE), many=[(o.user_id,) for o in closed]),
        ], write=True)
