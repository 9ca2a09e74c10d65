"""The reminder dispatcher: one task over the persistent schedule table.

It reads the earliest instant a reminder becomes due, sleeps until then or until a
schedule change wakes it, claims the due reminders in batches (each claim is a
lease in the table), and for each one sends the DM and records it.

Delivery guarantee
------------------
At least once, with an idempotency key per lifter and local date:

* The day handled is recorded on the lifter's schedule row by the same statement
  that moves the schedule on. A claimed reminder whose day is already recorded is
  only moved on, so a restart never sends a recorded day again.
* Records are committed in small groups (``flush_every`` sends, and at the end of
  every batch), which keeps the disk and CPU cost per reminder low. A crash can
  therefore lose the records of at most that many sends that did go out. Nothing is
  lost for the lifter: when the dead process's leases run out, a dispatcher (in
  any process: each has its own lease owner) claims those reminders again and sends
  them with the same Discord nonce (the idempotency key) and ``enforce_nonce``, so
  Discord hands back the message it already created instead of posting a second
  one. A dispatcher that survives an error takes back its own leases at once.
* The honest limit: Discord remembers nonces for a few minutes. If no dispatcher
  runs for longer than that after a crash in exactly that window, those few lifters
  (at most ``flush_every``) can get that day's reminder twice. A reminder is never
  lost, and a graceful stop (cancellation) flushes its records first.

After downtime, a reminder overdue by at most the grace window is still sent, once;
an older one rolls on to its next due instant. Sends are paced by a :class:`Pacer`
(no bursts), and a DM refused with Discord code 50007 turns that lifter's reminders
off and leaves a notice for their next command.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal, Protocol

from bot.coach.clock import Clock, system_clock
from bot.coach.pacing import Monotonic, Pacer, Sleep
from bot.coach.reminders import Delivery
from bot.storage.contract import ReminderOutcome, ReminderRow

log = logging.getLogger("liftcoach.scheduler")

SendStatus = Literal["sent", "closed", "failed", "retry"]
Pace = Callable[[], Awaitable[None]]


@dataclass(frozen=True)
class DmRequest:
    """One reminder DM: ``channel_id`` is the stored DM channel (None the first time)."""

    user_id: str
    channel_id: str | None
    text: str
    nonce: str
    attachment: tuple[str, bytes] | None = None  # (file name, PNG), for a sender that can


@dataclass(frozen=True)
class SendResult:
    """``sent``; ``closed`` (the lifter does not accept DMs); ``failed`` (Discord refused
    this message for good); ``retry`` (try again later, after ``retry_after`` seconds)."""

    status: SendStatus
    channel_id: str | None = None
    retry_after: float | None = None


SendDm = Callable[[DmRequest, Pace], Awaitable[SendResult]]
"""Sends one DM; awaits ``pace()`` before every request it makes."""


@dataclass(frozen=True)
class DispatchSettings:
    grace: timedelta = timedelta(hours=2)
    rate_per_second: float = 25.0
    owner: str = "main"
    batch_size: int = 50
    flush_every: int = 50
    lease: timedelta = timedelta(minutes=5)
    retry_delay: timedelta = timedelta(minutes=1)
    max_idle: timedelta = timedelta(hours=1)
    error_backoff: timedelta = timedelta(seconds=30)


class DueSource(Protocol):
    """What the dispatcher works from: the daily reminders (:class:`Reminders`), or
    another DM on the same schedule table shape (the weekly check-in)."""

    on_change: Callable[[], None] | None

    async def claim(self, now: datetime, limit: int, owner: str, lease: timedelta
                    ) -> list[ReminderRow]: ...

    async def release(self, owner: str) -> int: ...

    async def next_wakeup(self, now: datetime) -> datetime | None: ...

    async def defer(self, user_id: str, owner: str, until: datetime) -> None: ...

    async def finish(self, outcomes: Sequence[ReminderOutcome], now: datetime) -> None: ...

    async def prepare(self, rows: Sequence[ReminderRow], now: datetime, grace: timedelta
                      ) -> list[Delivery]: ...


class ReminderDispatcher:
    """Sends due reminders; see the module docstring for the guarantees."""

    def __init__(
        self,
        reminders: DueSource,
        send_dm: SendDm,
        settings: DispatchSettings | None = None,
        *,
        clock: Clock = system_clock,
        sleep: Sleep = asyncio.sleep,
        monotonic: Monotonic = time.monotonic,
        name: str = "reminder-dispatcher",
    ) -> None:
        self.name = name
        self.settings = settings or DispatchSettings()
        self._reminders = reminders
        self._send_dm = send_dm
        self._clock = clock
        self._sleep = sleep
        self.pace = Pacer(self.settings.rate_per_second, monotonic, sleep)
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        reminders.on_change = self.wake

    # lifecycle ------------------------------------------------------------------------

    def wake(self) -> None:
        """A schedule changed: look at the table again now."""
        self._wake.set()

    def start(self) -> asyncio.Task[None]:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self.run(), name=self.name)
        return self._task

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is None:
            return
        task.cancel()
        # The result is not wanted: a cancelled (or already failed) run ends here.
        await asyncio.gather(task, return_exceptions=True)

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    # the loop -------------------------------------------------------------------------

    async def run(self) -> None:
        released = False
        while True:
            self._wake.clear()
            try:
                if not released:
                    taken = await self._reminders.release(self.settings.owner)
                    released = True
                    if taken:
                        log.info("took back %d reminder leases from an earlier run", taken)
                await self.dispatch_due()
                delay = await self._delay()
            except Exception:
                log.exception("reminder dispatch failed; trying again shortly")
                delay = self.settings.error_backoff.total_seconds()
                released = False  # take back what this run had claimed, then go on
            await self._wait(delay)

    async def _delay(self) -> float:
        now = self._clock()
        wakeup = await self._reminders.next_wakeup(now)
        limit = self.settings.max_idle.total_seconds()
        if wakeup is None:
            return limit
        return min(limit, max(0.0, (wakeup - now).total_seconds()))

    async def _wait(self, seconds: float) -> None:
        if seconds <= 0 or self._wake.is_set():
            return
        sleeper = asyncio.ensure_future(self._sleep(seconds))
        waker = asyncio.ensure_future(self._wake.wait())
        try:
            await asyncio.wait({sleeper, waker}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for pending in (sleeper, waker):
                pending.cancel()
            await asyncio.gather(sleeper, waker, return_exceptions=True)

    async def dispatch_due(self) -> int:
        """Handle every reminder due now, batch by batch; returns how many DMs went out."""
        sent = 0
        cfg = self.settings
        while True:
            now = self._clock()
            rows = await self._reminders.claim(now, cfg.batch_size, cfg.owner, cfg.lease)
            if not rows:
                return sent
            deliveries = await self._reminders.prepare(rows, now, cfg.grace)
            outcomes = [d.settled for d in deliveries if d.settled is not None]
            try:
                for delivery in deliveries:
                    if delivery.text is None:
                        continue
                    outcome = await self._deliver(delivery)
                    if outcome is None:
                        continue
                    sent += outcome.kind == "sent"
                    outcomes.append(outcome)
                    if len(outcomes) >= cfg.flush_every:
                        await self._reminders.finish(outcomes, self._clock())
                        outcomes = []
            finally:
                await self._reminders.finish(outcomes, self._clock())

    async def _deliver(self, delivery: Delivery) -> ReminderOutcome | None:
        row = delivery.row
        request = DmRequest(row.user_id, row.dm_channel_id, delivery.text or "", delivery.nonce,
                            delivery.attachment)
        try:
            result = await self._send_dm(request, self.pace)
        except Exception:
            log.exception("reminder DM to %s failed", row.user_id)
            result = SendResult("retry", row.dm_channel_id)
        if result.status == "retry":
            wait = max(self.settings.retry_delay.total_seconds(), result.retry_after or 0.0)
            until = self._clock() + timedelta(seconds=wait)
            await self._reminders.defer(row.user_id, self.settings.owner, until)
            return None
        if result.status == "closed":
            log.info("DMs closed for %s: reminders turned off", row.user_id)
        return delivery.outcome(result.status, result.channel_id)
