"""Entry ids made by the process instead of the database, in time order.

An id is ``milliseconds since 2026 << 22 | process tag << 12 | counter``, so ids
sort by creation time, a batch of entries gets consecutive ids, and two processes
writing to one database do not collide (each draws its own random tag). Making
the ids up front lets a log be written in one round trip to the database.
"""

from __future__ import annotations

import secrets
import threading
from datetime import UTC, datetime

EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
_COUNTER_BITS = 12
_TAG_BITS = 10


class IdSource:
    def __init__(self, tag: int | None = None) -> None:
        self._tag = secrets.randbelow(1 << _TAG_BITS) if tag is None else tag
        self._last = 0
        self._lock = threading.Lock()

    def reserve(self, count: int, now: datetime) -> list[int]:
        """``count`` consecutive fresh ids, each larger than any given out before."""
        ms = max(0, int((now - EPOCH).total_seconds() * 1000))
        base = (ms << (_TAG_BITS + _COUNTER_BITS)) | (self._tag << _COUNTER_BITS)
        with self._lock:
            first = max(base, self._last + 1)
            self._last = first + count - 1
        return list(range(first, first + count))
