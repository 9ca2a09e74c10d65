"""Spacing outgoing requests evenly under a rate, with a time source tests can replace."""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable

Sleep = Callable[[float], Awaitable[None]]
Monotonic = Callable[[], float]

# Keeps float rounding from squeezing rate + 1 requests into one second.
_SLACK = 1e-9


class Pacer:
    """Lets one request through every ``1 / rate`` seconds, never in a burst.

    The gap is measured from the moment the previous request was actually let
    through (after any late wake-up), so any window of one second holds at most
    ``rate`` requests, however it is placed. Time is read from ``monotonic`` and
    waited out with ``sleep``, both injected. Meant for one caller at a time: the
    dispatcher sends one DM after another.
    """

    def __init__(self, rate: float, monotonic: Monotonic, sleep: Sleep) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.interval = 1.0 / rate + _SLACK
        self._monotonic = monotonic
        self._sleep = sleep
        self._next = -math.inf

    async def __call__(self) -> None:
        """Wait for the next free moment, then take it."""
        now = self._monotonic()
        if now < self._next:
            await self._sleep(self._next - now)
            now = max(self._monotonic(), self._next)
        self._next = now + self.interval
