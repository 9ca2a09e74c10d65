"""The storage contract: what the coach may ask of a database, and nothing more.

Both engines (SQLite and PostgreSQL) implement :class:`Storage` and pass the same
contract tests. Every method that writes commits before it returns, so a reply
built after it can promise the data is on disk. Every method that touches a
lifter's data takes that lifter's id and scopes its SQL by it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol

from bot.domain.models import Exercise, Profile, SetRecord, Soreness, StoredEntry


@dataclass(frozen=True)
class NewEntry:
    """An entry about to be stored; the storage assigns its id."""

    exercise: Exercise
    sets: tuple[SetRecord, ...]
    performed_at: datetime
    local_date: date
    source: str = "log"
    source_ref: str | None = None


class Storage(Protocol):
    async def close(self) -> None: ...

    async def add_entries(
        self, user_id: str, guild_id: str, entries: Sequence[NewEntry], now: datetime
    ) -> list[StoredEntry]: ...

    async def entries_since(self, user_id: str, since: datetime) -> list[StoredEntry]: ...

    async def history(
        self, user_id: str, exercise_key: str | None, limit: int
    ) -> list[StoredEntry]: ...

    async def last_entry(self, user_id: str) -> StoredEntry | None: ...

    async def delete_entry(self, user_id: str, entry_id: int) -> StoredEntry | None: ...

    async def delete_entries_by_ref(self, user_id: str, source_ref: str) -> list[StoredEntry]: ...

    async def get_profile(self, user_id: str) -> Profile | None: ...

    async def save_profile(
        self, user_id: str, profile: Profile, now: datetime, today: date
    ) -> None: ...

    async def target_history(self, user_id: str) -> list[tuple[date, int]]: ...

    async def custom_exercises(self, user_id: str) -> list[Exercise]: ...

    async def save_custom_exercise(self, user_id: str, exercise: Exercise) -> None: ...

    async def set_soreness(self, user_id: str, soreness: Soreness) -> None: ...

    async def soreness(self, user_id: str) -> list[Soreness]: ...

    async def get_log_channel(self, guild_id: str) -> str | None: ...

    async def set_log_channel(self, guild_id: str, channel_id: str | None) -> None: ...

    async def get_meta(self, key: str) -> str | None: ...

    async def set_meta(self, key: str, value: str) -> None: ...


def ts(moment: datetime) -> str:
    """A sortable UTC text timestamp (fixed width, so text order is time order)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime given to storage")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")
