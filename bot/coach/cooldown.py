"""A per-lifter limit on how fast logs may arrive (default: 10 logs per 10 seconds).

It protects the database and the channel from a runaway script or a stuck key,
not from honest lifters: ten logs in ten seconds is far beyond anyone's training.
Only saved logs use up the allowance: a caller takes a slot before storing (so a
burst sent at once is still held to the count) and gives it back when nothing was
saved (an unreadable text, chat in a log channel, an outage).

Memory: only lifters heard from within the last two windows are kept. Once a window
has passed since the last sweep, the next call forgets every lifter whose newest log
is a window old (they could not be refused any more), so a quiet lifter costs nothing
and a busy server holds only those logging right now. Times are kept in a plain list
(a few dozen bytes for one log, against some 700 for a deque).
"""

from __future__ import annotations

from datetime import datetime, timedelta

SWEEP_SIZE = 4096
"""Lifters held at which a sweep runs before a window has passed (a clock that stands
still, as in tests, or a crowd inside one window); the next size-driven sweep waits
until the table has doubled, so a crowd that is all still active costs a sweep per
doubling, not per call."""


class Cooldown:
    def __init__(self, count: int = 10, seconds: float = 10.0) -> None:
        self.count = count
        self.window = timedelta(seconds=seconds)
        self._seen: dict[str, list[datetime]] = {}
        self._swept: datetime | None = None
        self._sweep_size = SWEEP_SIZE

    def wait_needed(self, user_id: str, now: datetime) -> timedelta:
        """Zero when ``user_id`` may log now (and counts it); else how long to wait."""
        self._sweep(now)
        times = self._seen.get(user_id)
        if times is None:
            self._seen[user_id] = [now]
            return timedelta(0)
        while times and now - times[0] >= self.window:
            del times[0]
        if len(times) >= self.count:
            return self.window - (now - times[0])
        times.append(now)
        return timedelta(0)

    def give_back(self, user_id: str, taken_at: datetime) -> None:
        """Return the slot ``wait_needed`` counted at ``taken_at``: nothing was saved."""
        times = self._seen.get(user_id)
        if times is not None and taken_at in times:
            times.remove(taken_at)
            if not times:
                del self._seen[user_id]

    def held(self) -> int:
        """How many lifters the limit remembers now."""
        return len(self._seen)

    def _sweep(self, now: datetime) -> None:
        """Forget lifters whose newest log is a window old (see the module's note)."""
        due = self._swept is None or now - self._swept >= self.window
        if not due and len(self._seen) < self._sweep_size:
            return
        self._swept = now
        self._seen = {u: t for u, t in self._seen.items() if t and now - t[-1] < self.window}
        self._sweep_size = max(SWEEP_SIZE, 2 * len(self._seen))
