"""The one place that turns settings into running parts: storage, coach, dispatcher.

Both edges start here, so the console and the Discord bot get the same limits
(log cooldown, import size) from the same settings.
"""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

from bot.coach import Clock, Coach, system_clock
from bot.coach.cooldown import Cooldown
from bot.coach.reminder_dispatch import DispatchSettings, ReminderDispatcher, SendDm
from bot.config import Settings
from bot.storage import StorageUnavailable, open_storage
from bot.storage.contract import Storage

__all__ = ["StorageUnavailable", "build_coach", "build_dispatcher", "dispatch_settings",
           "lease_owner", "running_coach"]


def build_coach(settings: Settings, storage: Storage, clock: Clock = system_clock) -> Coach:
    """The coach with the limits the settings ask for."""
    cooldown = Cooldown(settings.log_cooldown_count, settings.log_cooldown_seconds)
    return Coach(storage, clock, cooldown=cooldown, import_max_bytes=settings.import_max_bytes)


@asynccontextmanager
async def running_coach(settings: Settings) -> AsyncIterator[Coach]:
    """Open the storage the settings name, yield a coach on it, close it afterwards."""
    storage = await open_storage(settings)
    try:
        yield build_coach(settings, storage)
    finally:
        await storage.close()


def lease_owner(settings: Settings) -> str:
    """A name for this process's reminder leases: the shards it runs (for people reading
    the table) plus host, pid and a random part, so no two live processes share it.

    Sharing it would let one process's start-up release free another's claims in
    flight. A restarted process gets a new name; the reminders the old one had claimed
    are claimed again once their lease ends.
    """
    label = "main" if settings.shard_ids is None else "shards-" + "-".join(
        str(i) for i in settings.shard_ids)
    return f"{label}@{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"


def dispatch_settings(settings: Settings) -> DispatchSettings:
    """The reminder dispatcher's settings, with a lease owner unique to this process.

    The lease is a few times what one batch takes at the configured rate (two
    requests per reminder at most), and at least a minute: long enough that a live
    process keeps its claims, short enough that the claims of a process that died
    are sent again while Discord still remembers their nonces.
    """
    defaults = DispatchSettings()
    batch_seconds = 2 * defaults.batch_size / settings.reminder_rate_per_second
    return DispatchSettings(grace=timedelta(minutes=settings.reminder_grace_minutes),
                            rate_per_second=settings.reminder_rate_per_second,
                            owner=lease_owner(settings),
                            lease=max(timedelta(minutes=1), timedelta(seconds=4 * batch_seconds)))


def build_dispatcher(settings: Settings, coach: Coach, sender: SendDm) -> ReminderDispatcher:
    """The reminder dispatcher for a bot process, sending through ``sender``."""
    return ReminderDispatcher(coach.reminders, sender, dispatch_settings(settings),
                              clock=coach.now)
