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


def snowflake_time(snowflake: int) -> dt.datetime:
    """The UTC creation time encoded in ``snowflake``."""
    ms = (snowflake >> 22) + DISCORD_EPOCH_MS
    return dt.datetime.fromtimestamp(ms / 1000, tz=dt.UTC)


def iso_now() -> str:
    """The current UTC time in the ISO 8601 format Discord uses for timestamps."""
    return dt.datetime.now(tz=dt.UTC).isoformat()
