"""The plan's storage: a lifter's block setting, and the weekly check-in's schedule.

The check-in table has the reminders' shape and goes through the same
:class:`bot.storage.sql.schedule.ScheduleTable`, so its claims, leases and one-statement
send records (and on PostgreSQL ``FOR UPDATE SKIP LOCKED``) are the reminders' own.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.storage.contract import PlanSettingsRow, ReminderOutcome, ReminderRow
from bot.storage.driver import Driver
from bot.storage.rows import as_date
from bot.storage.sql.schedule import ScheduleTable


class PlanSql:
    driver: Driver
    claim_lock: str = ""

    @property
    def _checkins(self) -> ScheduleTable:
        return ScheduleTable(self.driver, "checkins", self.claim_lock)

    # blocks -----------------------------------------------------------------------------

    async def get_plan_settings(self, user_id: str) -> PlanSettingsRow | None:
        row = await self.driver.fetchone(
            "SELECT block_weeks, block_start FROM plan_settings WHERE user_id = ?", (user_id,)
        )
        if row is None:
            return None
        return PlanSettingsRow(None if row[0] is None else int(row[0]), as_date(row[1]))

    async def save_plan_settings(self, user_id: str, settings: PlanSettingsRow, now: datetime
                                 ) -> None:
        async with self.driver.transaction() as tx:
            await tx.execute(
                "INSERT INTO plan_settings (user_id, block_weeks, block_start, updated_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET"
                " block_weeks = excluded.block_weeks, block_start = excluded.block_start,"
                " updated_at = excluded.updated_at",
                (user_id, settings.block_weeks, settings.block_start, now),
            )

    async def keep_plan_settings(self, user_id: str, settings: PlanSettingsRow, now: datetime
                                 ) -> PlanSettingsRow:
        """The lifter's setting; ``settings`` is stored first when they have none (of two
        callers at once, both get the one stored)."""
        async with self.driver.transaction() as tx:
            await tx.execute(
                "INSERT INTO plan_settings (user_id, block_weeks, block_start, updated_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO NOTHING",
                (user_id, settings.block_weeks, settings.block_start, now),
            )
            row = await tx.fetchone(
                "SELECT block_weeks, block_start FROM plan_settings WHERE user_id = ?",
                (user_id,),
            )
        assert row is not None
        return PlanSettingsRow(None if row[0] is None else int(row[0]), as_date(row[1]))

    # the weekly check-in --------------------------------------------------------------

    async def get_checkin(self, user_id: str) -> ReminderRow | None:
        return await self._checkins.get(user_id)

    async def save_checkin(self, user_id: str, local_time: str, timezone: str, weekday: int,
                           next_due_at: datetime, now: datetime) -> None:
        await self._checkins.save(user_id, local_time, timezone, str(weekday), next_due_at,
                                  now)

    async def disable_checkin(self, user_id: str, reason: str, now: datetime) -> bool:
        return await self._checkins.disable(user_id, reason, now)

    async def take_checkin_notice(self, user_id: str) -> str | None:
        return await self._checkins.take_notice(user_id)

    async def claim_due_checkins(self, now: datetime, limit: int, owner: str,
                                 lease: timedelta) -> list[ReminderRow]:
        return await self._checkins.claim(now, limit, owner, lease)

    async def release_checkin_leases(self, owner: str) -> int:
        return await self._checkins.release(owner)

    async def defer_checkin(self, user_id: str, owner: str, until: datetime) -> None:
        await self._checkins.defer(user_id, owner, until)

    async def next_checkin_wakeup(self, now: datetime) -> datetime | None:
        return await self._checkins.next_wakeup(now)

    async def finish_checkins(self, outcomes: Sequence[ReminderOutcome], now: datetime) -> None:
        await self._checkins.finish(outcomes, now)

