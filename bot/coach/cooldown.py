"""A per-lifter limit on how fast logs may arrive (default: 10 logs per 10 seconds).

It protects the database and the channel from a runaway script or a stuck key,
not from honest lifters: ten logs in ten seconds is far beyond anyone's training.
Only saved logs use up the allowance: a caller takes a slot before storing (so a
burst sent at once is still held to the count) and gives it back when nothing was
saved (an unreadable text, chat in a log channel, an outage).
"""

from __future__ import annotations

from collections import deque
from datetime import datetime, timedelta


class Cooldown:
    def __init__(self, count: int = 10, seconds: float = 10.0) -> None:
        self.count = count
        self.window = timedelta(seconds=seconds)
        self._seen: dict[str, deque[datetime]] = {}

    def wait_needed(self, user_id: str, now: datetime) -> timedelta:
        """Zero when ``user_id`` may log now (and counts it); else how long to wait."""
        times = self._seen.setdefault(user_id, deque())
        while times and now - times[0] >= self.window:
            times.popleft()
        if len(times) >= self.count:
            return self.window - (now - times[0])
        times.append(now)
        if len(self._seen) > 50_000:  # forget lifters who went quiet
            self._seen = {u: t for u, t in self._seen.items() if t and now - t[-1] < self.window}
        return timedelta(0)

    def give_back(self, user_id: str, taken_at: datetime) -> None:
        """Return the slot ``wait_needed`` counted at ``taken_at``: nothing was saved."""
        times = self._seen.get(user_id)
        if times is not None and taken_at in times:
            times.remove(taken_at)
