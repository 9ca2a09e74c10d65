"""Snowflake ids that encode the current time, as Discord's do."""

from __future__ import annotations

import datetime as dt
import threading
import time

DISCORD_EPOCH_MS = 1420070400000


class SnowflakeFactory:
    """Produces unique, strictly increasing snowflakes stamped with the current time.

    discord.py derives ``created_at`` from the id (and decides whether an
    interaction has expired from it), so ids must carry the real clock.
    """

    def __init__(self, worker_id: int = 1, process_id: int = 1) -> None:
        self._worker = worker_id & 0x1F
        self._process = process_id & 0x1F
        self._last = 0
        self._lock = threading.Lock()

    def next(self) -> int:
        with self._lock:
            now_ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
            candidate = (now_ms << 22) | (self._worker << 17) | (self._process << 12)
            if candidate <= self._last:
                candidate = self._last + 1
            self._last = candidate
            return candidate

    def next_on_shard(self, shard_id: int, shard_count: int) -> int:
        """A fresh id that Discord routes to gateway shard ``shard_id`` of
        ``shard_count`` (it picks by the id's timestamp: ``(id >> 22) % count``); the
        timestamp moves at most ``shard_count - 1`` ms ahead to get there."""
        if not 0 <= shard_id < shard_count:
            raise ValueError(f"shard {shard_id} is not one of {shard_count} shards")
        with self._lock:
            now_ms = max(int(time.time() * 1000) - DISCORD_EPOCH_MS, (self._last >> 22) + 1)
            now_ms += (shard_id - now_ms) % shard_count
            candidate = (now_ms << 22) | (self._worker << 17) | (self._process << 12)
            self._last = candidate
            return candidate


def shard_of(guild_id: int, shard_count: int) -> int:
    """The gateway shard that receives a guild's events (Discord's formula)."""
    return (guild_id >> 22) % shard_count


def snowflake_time(snowflake: int) -> dt.datetime:
    """The UTC creation time encoded in ``snowflake``."""
    ms = (snowflake >> 22) + DISCORD_EPOCH_MS
    return dt.datetime.fromtimestamp(ms / 1000, tz=dt.UTC)


def iso_now() -> str:
    """The current UTC time in the ISO 8601 format Discord uses for timestamps."""
    return dt.datetime.now(tz=dt.UTC).isoformat()
