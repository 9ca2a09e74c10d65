"""Reminder schedules, their claims by a dispatcher, and the per-day send record.

Claiming: ``claim_due_reminders`` marks up to ``limit`` due rows with a lease (owner
and expiry) in one statement and returns them. On SQLite one process claims inside
a write transaction. A PostgreSQL engine with several processes only has to set
``claim_lock = " FOR UPDATE SKIP LOCKED"``: the inner SELECT then skips rows another
process is claiming at the same moment, and the lease keeps them from being claimed
again while they are being sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, cast

from bot.domain.models import Goal, Profile, Soreness, Tier, Unit
from bot.domain.reminders import Session
from bot.storage.contract import ReminderInputRows, ReminderOutcome, ReminderRow
from bot.storage.driver import Driver, Step
from bot.storage.rows import as_date, as_datetime, earliest_local_date

_COLUMNS = (
    "user_id, local_time, timezone, weekdays, enabled, next_due_at, dm_channel_id,"
    " disabled_reason, notice_pending, version, last_local_date"
)
# One row per exercise and local day: working sets, and failure sets among them (a
# working set at effective RIR 0: logged failure, a past-failure technique, or RIR 0,
# as SetRecord.effective_rir has it; a contract test holds the two to the same answer).
_SESSIONS_FOR = (
    "SELECT e.user_id, e.exercise_key, e.exercise_name, e.tier, e.local_date,"
    " SUM(CASE WHEN s.warmup = 0 THEN 1 ELSE 0 END),"
    " SUM(CASE WHEN s.warmup = 0 AND (s.failure = 1 OR s.technique IS NOT NULL"
    " OR s.rir <= 0) THEN 1 ELSE 0 END)"
    " FROM entries e LEFT JOIN sets s ON s.entry_id = e.entry_id"
)
# One statement records the day handled and moves the schedule on (unless the lifter
# set a new schedule meanwhile), so the two can never disagree.
_ADVANCE = (
    "UPDATE {t} SET next_due_at = CASE WHEN version = ? THEN ? ELSE next_due_at END,"
    " last_local_date = COALESCE(?, last_local_date), last_outcome = COALESCE(?, last_outcome),"
    " last_handled_at = ?, dm_channel_id = COALESCE(?, dm_channel_id), lease_owner = NULL,"
    " lease_until = NULL WHERE user_id = ?"
)
_CLOSE = (
    "UPDATE {t} SET enabled = 0, next_due_at = NULL, disabled_reason = ?,"
    " notice_pending = 1, version = version + 1, dm_channel_id = COALESCE(?, dm_channel_id),"
    " updated_at = ? WHERE user_id = ? AND version = ?"
)
_SWITCH_OFF = {"closed": "dm_closed", "invalid": "invalid_schedule"}
_RELEASE_ONE = "UPDATE {t} SET lease_owner = NULL, lease_until = NULL WHERE user_id = ?"


def _row(r: Sequence[Any]) -> ReminderRow:
    return ReminderRow(
        user_id=r[0], local_time=r[1], timezone=r[2], weekdays=r[3], enabled=bool(r[4]),
        next_due_at=None if r[5] is None else as_datetime(r[5]), dm_channel_id=r[6],
        disabled_reason=r[7], notice_pending=bool(r[8]), version=int(r[9]),
        last_local_date=None if r[10] is None else as_date(r[10]),
    )


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


class ScheduleTable:
    """The schedule, lease and send-record SQL of one table shaped like ``reminders``.

    The daily reminders and the weekly check-in (``checkins``) share it: the same
    columns, claims and one-statement records, so both get the same guarantees.
    """

    def __init__(self, driver: Driver, table: str, claim_lock: str = "") -> None:
        self.driver = driver
        self.table = table
        self.claim_lock = claim_lock

    def _sql(self, template: str) -> str:
        return template.replace("{t}", self.table)

    async def get(self, user_id: str) -> ReminderRow | None:
        row = await self.driver.fetchone(
            f"SELECT {_COLUMNS} FROM {self.table} WHERE user_id = ?", (user_id,)
        )
        return None if row is None else _row(row)

    async def save(self, user_id: str, local_time: str, timezone: str, weekdays: str,
                   next_due_at: datetime, now: datetime) -> None:
        t = self.table
        async with self.driver.transaction() as tx:
            await tx.execute(
                f"INSERT INTO {t} (user_id, local_time, timezone, weekdays, enabled,"
                " next_due_at, notice_pending, version, updated_at)"
                " VALUES (?, ?, ?, ?, 1, ?, 0, 1, ?) ON CONFLICT (user_id) DO UPDATE SET"
                " local_time = excluded.local_time, timezone = excluded.timezone,"
                " weekdays = excluded.weekdays, enabled = 1,"
                " next_due_at = excluded.next_due_at, disabled_reason = NULL,"
                f" notice_pending = 0, version = {t}.version + 1,"
                " updated_at = excluded.updated_at",
                (user_id, local_time, timezone, weekdays, next_due_at, now),
            )

    async def disable(self, user_id: str, reason: str, now: datetime) -> bool:
        async with self.driver.transaction() as tx:
            found = await tx.fetchval(
                f"UPDATE {self.table} SET enabled = 0, next_due_at = NULL,"
                " disabled_reason = ?, version = version + 1, updated_at = ?"
                " WHERE user_id = ? AND enabled = 1 RETURNING user_id",
                (reason, now, user_id),
            )
        return found is not None

    async def take_notice(self, user_id: str) -> str | None:
        pending = await self.driver.fetchval(
            f"SELECT notice_pending FROM {self.table} WHERE user_id = ?", (user_id,)
        )
        if not pending:
            return None
        async with self.driver.transaction() as tx:
            row = await tx.fetchone(
                f"UPDATE {self.table} SET notice_pending = 0 WHERE user_id = ?"
                " AND notice_pending = 1 RETURNING user_id, disabled_reason",
                (user_id,),
            )
        return None if row is None else str(row[1] or "")

    async def claim(self, now: datetime, limit: int, owner: str, lease: timedelta
                    ) -> list[ReminderRow]:
        t = self.table
        [rows] = await self.driver.batch([Step(
            f"UPDATE {t} SET lease_owner = ?, lease_until = ?"
            f" WHERE user_id IN (SELECT user_id FROM {t}"
            " WHERE next_due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)"
            f" ORDER BY next_due_at LIMIT ?{self.claim_lock})"
            f" RETURNING {_COLUMNS}",
            (owner, now + lease, now, now, limit), fetch=True,
        )], write=True)
        claimed = [_row(r) for r in rows]
        claimed.sort(key=lambda r: (r.next_due_at, r.user_id))
        return claimed

    async def release(self, owner: str) -> int:
        async with self.driver.transaction() as tx:
            rows = await tx.fetchall(
                f"UPDATE {self.table} SET lease_owner = NULL, lease_until = NULL"
                " WHERE lease_owner = ? RETURNING user_id", (owner,),
            )
        return len(rows)

    async def defer(self, user_id: str, owner: str, until: datetime) -> None:
        async with self.driver.transaction() as tx:
            await tx.execute(
                f"UPDATE {self.table} SET lease_until = ? WHERE user_id = ?"
                " AND lease_owner = ?", (until, user_id, owner),
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
        advances = [(o.version, o.next_due_at, o.local_date if o.kind in handled else None,
                     o.kind if o.kind in handled else None, now, o.dm_channel_id, o.user_id)
                    for o in outcomes if o.kind not in _SWITCH_OFF]
        closed = [o for o in outcomes if o.kind in _SWITCH_OFF]
        await self.driver.batch([
            Step(self._sql(_ADVANCE), many=advances),
            Step(self._sql(_CLOSE), many=[(_SWITCH_OFF[o.kind], o.dm_channel_id, now,
                                           o.user_id, o.version) for o in closed]),
            Step(self._sql(_RELEASE_ONE), many=[(o.user_id,) for o in closed]),
        ], write=True)


class RemindersSql:
    driver: Driver
    claim_lock: str = ""
    """Appended to the claim's inner SELECT; PostgreSQL: " FOR UPDATE SKIP LOCKED"."""

    @property
    def _reminders(self) -> ScheduleTable:
        return ScheduleTable(self.driver, "reminders", self.claim_lock)

    # the lifter's own schedule -------------------------------------------------------

    async def get_reminder(self, user_id: str) -> ReminderRow | None:
        return await self._reminders.get(user_id)

    async def save_reminder(
        self, user_id: str, local_time: str, timezone: str, weekdays: str,
        next_due_at: datetime, now: datetime,
    ) -> None:
        """Turn the reminder on with this schedule; a lease in flight is left alone."""
        await self._reminders.save(user_id, local_time, timezone, weekdays, next_due_at, now)

    async def disable_reminder(self, user_id: str, reason: str, now: datetime) -> bool:
        return await self._reminders.disable(user_id, reason, now)

    async def take_reminder_notice(self, user_id: str) -> str | None:
        """The reason reminders were turned off, once; None when nothing is pending."""
        return await self._reminders.take_notice(user_id)

    # the dispatcher ------------------------------------------------------------------

    async def claim_due_reminders(
        self, now: datetime, limit: int, owner: str, lease: timedelta
    ) -> list[ReminderRow]:
        """Lease up to ``limit`` due reminders to ``owner``, earliest due first.

        On PostgreSQL the inner SELECT locks the rows it picks (``claim_lock``), and
        under concurrent claims it re-checks its due-and-unleased condition on the
        newest version of a row before locking it, so a row another process just
        leased is dropped. Without the lock only the outer ``IN`` would be re-checked
        and the row leased twice (tests/storage/test_reminders_postgres_multi.py).
        """
        return await self._reminders.claim(now, limit, owner, lease)

    async def release_reminder_leases(self, owner: str) -> int:
        """Give back every lease ``owner`` holds (a restarted dispatcher takes them back)."""
        return await self._reminders.release(owner)

    async def defer_reminder(self, user_id: str, owner: str, until: datetime) -> None:
        """Keep the lease until ``until``: the reminder is tried again after that."""
        await self._reminders.defer(user_id, owner, until)

    async def next_reminder_wakeup(self, now: datetime) -> datetime | None:
        """The earliest instant a reminder becomes claimable (due and not leased)."""
        return await self._reminders.next_wakeup(now)

    async def finish_reminders(self, outcomes: Sequence[ReminderOutcome], now: datetime) -> None:
        """Record each day handled and move each schedule on, all in one transaction."""
        await self._reminders.finish(outcomes, now)

    # what a batch of reminders is decided and written from ----------------------------

    async def reminder_inputs(
        self, user_ids: Sequence[str], since: datetime
    ) -> ReminderInputRows:
        """Profiles, sessions since ``since`` and soreness of these lifters, in one trip
        to the database."""
        if not user_ids:
            return ReminderInputRows({}, {}, {})
        users = tuple(user_ids)
        marks = _marks(users)
        profiles, entries, sore = await self.driver.batch([
            Step(f"SELECT user_id, unit, goal, timezone, weekly_target FROM users"
                 f" WHERE user_id IN ({marks})", users, fetch=True),
            Step(f"{_SESSIONS_FOR} WHERE e.user_id IN ({marks}) AND e.local_date >= ?"
                 " AND e.performed_at >= ?"
                 " GROUP BY e.user_id, e.exercise_key, e.exercise_name, e.tier, e.local_date",
                 (*users, earliest_local_date(since), since), fetch=True),
            Step(f"SELECT user_id, body_part, days, reported_at FROM soreness"
                 f" WHERE user_id IN ({marks})", users, fetch=True),
        ])
        by_user: dict[str, list[Session]] = {}
        for r in entries:
            by_user.setdefault(r[0], []).append(Session(
                r[1], r[2], cast(Tier | None, r[3]), as_date(r[4]), int(r[5]), int(r[6])))
        soreness: dict[str, list[Soreness]] = {}
        for r in sore:
            soreness.setdefault(r[0], []).append(Soreness(r[1], int(r[2]), as_datetime(r[3])))
        return ReminderInputRows(
            profiles={r[0]: Profile(unit=cast(Unit, r[1]), goal=cast(Goal, r[2]),
                                    timezone=r[3], weekly_target=int(r[4])) for r in profiles},
            sessions=by_user,
            soreness=soreness,
        )
