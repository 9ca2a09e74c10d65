"""What a lifter tells the coach: profile, target history, own exercises, soreness."""

from __future__ import annotations

from datetime import date, datetime

from bot.domain.models import Exercise, Profile, Soreness
from bot.storage.driver import Driver
from bot.storage.log_types import DateOrder, LogPrefs
from bot.storage.rows import (
    CUSTOM_SELECT,
    PROFILE_SELECT,
    SORENESS_SELECT,
    as_date,
    custom_from_row,
    custom_steps,
    profile_from_row,
    soreness_from_row,
)
from bot.storage.sql.offers import PREFS_SELECT, prefs_from_row


class LifterSql:
    driver: Driver

    # profile -----------------------------------------------------------------

    async def get_profile(self, user_id: str) -> Profile | None:
        row = await self.driver.fetchone(PROFILE_SELECT, (user_id,))
        return None if row is None else profile_from_row(row)

    async def save_profile(
        self, user_id: str, profile: Profile, now: datetime, today: date,
        *, unit_chosen: bool = False,
    ) -> None:
        """Save the profile; a changed weekly target is recorded from ``today`` (local).
        ``unit_chosen`` marks the unit as the lifter's own choice (it stays marked)."""
        async with self.driver.transaction() as tx:
            old = await tx.fetchval(
                "SELECT weekly_target FROM users WHERE user_id = ?", (user_id,)
            )
            await tx.execute(
                "INSERT INTO users (user_id, unit, goal, timezone, weekly_target, created_at,"
                " unit_chosen) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET"
                " unit = excluded.unit, goal = excluded.goal, timezone = excluded.timezone,"
                " weekly_target = excluded.weekly_target, unit_chosen = CASE WHEN"
                " excluded.unit_chosen = 1 THEN 1 ELSE users.unit_chosen END",
                (user_id, profile.unit, profile.goal, profile.timezone, profile.weekly_target,
                 now, int(unit_chosen)),
            )
            if old is None or int(old) != profile.weekly_target:
                await tx.execute(
                    "INSERT INTO target_history (user_id, effective_from, target) VALUES (?, ?, ?)"
                    " ON CONFLICT (user_id, effective_from) DO UPDATE SET target = excluded.target",
                    (user_id, today, profile.weekly_target),
                )

    async def get_log_prefs(self, user_id: str) -> LogPrefs:
        return prefs_from_row(await self.driver.fetchone(PREFS_SELECT, (user_id,)))

    async def save_date_order(self, user_id: str, order: DateOrder, now: datetime) -> None:
        async with self.driver.transaction() as tx:
            await tx.execute(
                "INSERT INTO users (user_id, date_order, created_at) VALUES (?, ?, ?)"
                " ON CONFLICT (user_id) DO UPDATE SET date_order = excluded.date_order",
                (user_id, order, now),
            )

    async def target_history(self, user_id: str) -> list[tuple[date, int]]:
        rows = await self.driver.fetchall(
            "SELECT effective_from, target FROM target_history WHERE user_id = ?"
            " ORDER BY effective_from", (user_id,),
        )
        return [(as_date(r[0]), int(r[1])) for r in rows]

    # custom exercises and soreness ---------------------------------------------

    async def custom_exercises(self, user_id: str) -> list[Exercise]:
        rows = await self.driver.fetchall(CUSTOM_SELECT, (user_id,))
        return [custom_from_row(r) for r in rows]

    async def save_custom_exercise(self, user_id: str, exercise: Exercise) -> None:
        await self.driver.batch(custom_steps(user_id, exercise), write=True)

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
        rows = await self.driver.fetchall(SORENESS_SELECT, (user_id,))
        return [soreness_from_row(r) for r in rows]

    # coaching settings: plate step and deload (migration 011) ---------------------

    async def save_increment(self, user_id: str, increment_kg: float | None,
                             now: datetime) -> None:
        """The lifter's smallest load step (None: back to the default for their unit)."""
        async with self.driver.transaction() as tx:
            await tx.execute(
                "INSERT INTO users (user_id, increment_kg, created_at) VALUES (?, ?, ?)"
                " ON CONFLICT (user_id) DO UPDATE SET increment_kg = excluded.increment_kg",
                (user_id, increment_kg, now),
            )

    async def save_deload(self, user_id: str, start: date | None, until: date | None,
                          now: datetime) -> None:
        """A declared deload's local dates (both None: no deload)."""
        async with self.driver.transaction() as tx:
            await tx.execute(
                "INSERT INTO users (user_id, deload_from, deload_until, created_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET"
                " deload_from = excluded.deload_from, deload_until = excluded.deload_until",
                (user_id, start, until, now),
            )

    # moving an own exercise's history -------------------------------------------

    async def move_exercise(self, user_id: str, old_key: str, new: Exercise) -> int:
        """Give every entry of the lifter's own exercise ``old_key`` the key, name and tier
        of ``new``, in one transaction, and drop ``old_key`` from their own exercises;
        ``new`` is saved as one of theirs when it is ``custom`` (a rename), not when it
        is a catalogue lift (a merge). Returns the entries moved; others' rows are
        never touched."""
        async with self.driver.transaction() as tx:
            moved = await tx.fetchval(
                "SELECT COUNT(*) FROM entries WHERE user_id = ? AND exercise_key = ?",
                (user_id, old_key))
            await tx.execute(
                "UPDATE entries SET exercise_key = ?, exercise_name = ?, tier = ?"
                " WHERE user_id = ? AND exercise_key = ?",
                (new.key, new.name, new.tier, user_id, old_key))
            await tx.execute("DELETE FROM custom_exercises WHERE user_id = ? AND key = ?",
                             (user_id, old_key))
            if new.custom:
                await tx.execute(
                    "INSERT INTO custom_exercises (user_id, key, name, tier) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (user_id, key) DO UPDATE SET name = excluded.name,"
                    " tier = excluded.tier", (user_id, new.key, new.name, new.tier))
        return int(moved or 0)
