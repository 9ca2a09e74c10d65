"""The server's side of the storage contract: its weekly recap post and its group
challenges (bot.storage.contract re-exports these names and composes both stores into
``Storage``; the tables are migration 014's)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from bot.storage.schedule_types import ReminderOutcome, ReminderRow


@dataclass(frozen=True)
class RecapSetting:
    """A server's recap schedule: ``schedule.user_id`` is the server, ``dm_channel_id``
    the channel it is posted in, ``last_local_date`` the Monday last recapped;
    ``set_by`` the admin who set it (None after their /forget-me)."""

    schedule: ReminderRow
    set_by: str | None


@dataclass(frozen=True)
class RecapNotice:
    """Why a recap an admin set switched itself off, for that admin, once."""

    guild_id: str
    channel_id: str | None
    reason: str


@dataclass(frozen=True)
class ChallengeRow:
    challenge_id: int
    guild_id: str
    name: str
    days: int
    weeks: int
    first_monday: date
    started_by: str | None
    ended_on: date | None
    announced: bool


class RecapStore(Protocol):
    """A server's weekly recap post (see bot.coach.recap)."""

    async def get_recap(self, guild_id: str) -> RecapSetting | None: ...

    async def save_recap(
        self, guild_id: str, channel_id: str, local_time: str, timezone: str, weekday: int,
        next_due_at: datetime, set_by: str, now: datetime,
    ) -> None: ...

    async def disable_recap(self, guild_id: str, reason: str, now: datetime) -> bool: ...

    async def take_recap_notice(self, admin_id: str) -> RecapNotice | None: ...

    async def claim_due_recaps(
        self, now: datetime, limit: int, owner: str, lease: timedelta
    ) -> list[ReminderRow]: ...

    async def release_recap_leases(self, owner: str) -> int: ...

    async def defer_recap(self, guild_id: str, owner: str, until: datetime) -> None: ...

    async def next_recap_wakeup(self, now: datetime) -> datetime | None: ...

    async def finish_recaps(self, outcomes: Sequence[ReminderOutcome], now: datetime
                            ) -> None: ...

    async def recap_failures(self, guild_id: str, first: date, last: date) -> dict[str, int]: ...


class ChallengeStore(Protocol):
    """A server's group challenges (see bot.coach.challenges)."""

    async def open_challenge(self, guild_id: str) -> ChallengeRow | None: ...

    async def start_challenge(
        self, guild_id: str, name: str, days: int, weeks: int, first_monday: date,
        started_by: str, now: datetime,
    ) -> ChallengeRow | None: ...

    async def end_challenge(self, challenge_id: int, ended_on: date) -> bool: ...

    async def unannounced_challenges(self, guild_id: str) -> list[ChallengeRow]: ...

    async def mark_announced(self, challenge_ids: Sequence[int]) -> None: ...
