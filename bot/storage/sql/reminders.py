"""Reminder schedules, their claims by a dispatcher, and the per-day send record.

Claiming: ``claim_due_reminders`` marks up to ``limit`` due rows with a lease (owner
and expiry) in one statement and returns them (the SQL of every table in this shape:
bot.storage.sql.schedule). On SQLite one process claims inside a write transaction. A
PostgreSQL engine with several processes only has to set
``claim_lock = " FOR UPDATE SKIP LOCKED"``: the inner SELECT then skips rows another
process is claiming at the same moment, and the lease keeps them from being claimed
again while they are being sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import cast

from bot.domain.models import Goal, Profile, Soreness, Tier, Unit
from bot.domain.reminders import Session
from bot.storage.contract import ReminderInputRows, ReminderOutcome, ReminderRow
from bot.storage.driver import Driver, Step
from bot.storage.rows import FAILURE_SET, as_date, as_datetime, earliest_local_date
from bot.storage.sql.schedule import ScheduleTable
from bot.storage.sql.schedule import marks as _marks

# One row per exercise and local day: working sets, and failure sets among them (a
# working set at effective RIR 0: logged failure, a past-failure technique, or RIR 0,
# as SetRecord.effective_rir has it; a contract test holds the two to the same answer).
_SESSIONS_FOR = (
    "SELECT e.user_id, e.exercise_key, e.exercise_name, e.tier, e.local_date,"
    " SUM(CASE WHEN s.warmup = 0 THEN 1 ELSE 0 END),"
    f" SUM(CASE WHEN s.warmup = 0 AND {FAILURE_SET} THEN 1 ELSE 0 END)"
    " FROM entries e LEFT JOIN sets s ON s.entry_id = e.entry_id"
)
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
        """Profiles, sessions since ``since``, soreness and weekly-target histories of
        these lifters, in one trip to the database."""
        if not user_ids:
            return ReminderInputRows({}, {}, {})
        users = tuple(user_ids)
        marks = _marks(users)
        profiles, entries, sore, targets = await self.driver.batch([
            Step(f"SELECT user_id, unit, goal, timezone, weekly_target FROM users"
                 f" WHERE user_id IN ({marks})", users, fetch=True),
            Step(f"{_SESSIONS_FOR} WHERE e.user_id IN ({marks}) AND e.local_date >= ?"
                 " AND e.performed_at >= ?"
                 " GROUP BY e.user_id, e.exercise_key, e.exercise_name, e.tier, e.local_date",
                 (*users, earliest_local_date(since), since), fetch=True),
            Step(f"SELECT user_id, body_part, days, reported_at FROM soreness"
                 f" WHERE user_id IN ({marks})", users, fetch=True),
            Step(f"SELECT user_id, effective_from, target FROM target_history"
                 f" WHERE user_id IN ({marks})", users, fetch=True),
        ])
        by_user: dict[str, list[Session]] = {}
        for r in entries:
            by_user.setdefault(r[0], []).append(Session(
                r[1], r[2], cast(Tier | None, r[3]), as_date(r[4]), int(r[5]), int(r[6])))
        soreness: dict[str, list[Soreness]] = {}
        for r in sore:
            soreness.setdefault(r[0], []).append(Soreness(r[1], int(r[2]), as_datetime(r[3])))
        histories: dict[str, list[tuple[date, int]]] = {}
        for r in targets:
            histories.setdefault(r[0], []).append((as_date(r[1]), int(r[2])))
        return ReminderInputRows(
            profiles={r[0]: Profile(unit=cast(Unit, r[1]), goal=cast(Goal, r[2]),
                                    timezone=r[3], weekly_target=int(r[4])) for r in profiles},
            sessions=by_user,
            soreness=soreness,
            targets={u: sorted(h) for u, h in histories.items()},
        )
