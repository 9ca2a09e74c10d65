"""A server's group challenges (migration 014): at most one open at a time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from bot.storage.contract import ChallengeRow
from bot.storage.driver import Driver
from bot.storage.rows import as_date

_COLUMNS = ("challenge_id, guild_id, name, days, weeks, first_monday, started_by, ended_on,"
            " announced")


def _row(r: Sequence[Any]) -> ChallengeRow:
    return ChallengeRow(int(r[0]), str(r[1]), str(r[2]), int(r[3]), int(r[4]), as_date(r[5]),
                        r[6], None if r[7] is None else as_date(r[7]), bool(r[8]))


class ChallengesSql:
    driver: Driver

    async def open_challenge(self, guild_id: str) -> ChallengeRow | None:
        row = await self.driver.fetchone(
            f"SELECT {_COLUMNS} FROM challenges WHERE guild_id = ? AND ended_on IS NULL",
            (guild_id,))
        return None if row is None else _row(row)

    async def start_challenge(
        self, guild_id: str, name: str, days: int, weeks: int, first_monday: date,
        started_by: str, now: datetime,
    ) -> ChallengeRow | None:
        """The new challenge, or None when the server already has one open (of two
        starts at once, one wins: the open one is unique per server)."""
        async with self.driver.transaction() as tx:
            row = await tx.fetchone(
                "INSERT INTO challenges (guild_id, name, days, weeks, first_monday, started_by,"
                " started_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (guild_id) WHERE ended_on IS NULL DO NOTHING"
                f" RETURNING {_COLUMNS}",
                (guild_id, name, days, weeks, first_monday, started_by, now))
        return None if row is None else _row(row)

    async def end_challenge(self, challenge_id: int, ended_on: date) -> bool:
        async with self.driver.transaction() as tx:
            found = await tx.fetchval(
                "UPDATE challenges SET ended_on = ? WHERE challenge_id = ?"
                " AND ended_on IS NULL RETURNING challenge_id", (ended_on, challenge_id))
        return found is not None

    async def unannounced_challenges(self, guild_id: str) -> list[ChallengeRow]:
        """Ended challenges whose end was not posted yet, oldest first."""
        rows = await self.driver.fetchall(
            f"SELECT {_COLUMNS} FROM challenges WHERE guild_id = ? AND announced = 0"
            " AND ended_on IS NOT NULL ORDER BY challenge_id", (guild_id,))
        return [_row(r) for r in rows]

    async def mark_announced(self, challenge_ids: Sequence[int]) -> None:
        if not challenge_ids:
            return
        marks = ", ".join("?" for _ in challenge_ids)
        async with self.driver.transaction() as tx:
            await tx.execute(f"UPDATE challenges SET announced = 1 WHERE challenge_id IN"
                             f" ({marks})", tuple(challenge_ids))
