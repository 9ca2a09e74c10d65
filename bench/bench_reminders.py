"""Reminder dispatch at scale: CPU per reminder, requests per reminder, peak send rate.

Run 1: 100,000 lifters whose reminders fall due in the same minute, each with a short
training history and a stored DM channel, are sent through the real dispatcher and
the real Discord DM sender (discord.py's HTTP client) to a stub Discord in another
process, with the pacing rate raised out of the way. The dispatcher process's CPU
time (user and kernel, all its threads, the SQLite one included) is measured around
the dispatch only; seeding and the stub's own work are not counted.

The same run again without the HTTP client (a sender that only takes its pacing slot)
splits that CPU time between the dispatcher with its storage and discord.py's client.

Run 2: a few hundred reminders at the default rate (25/s), a tenth of them to lifters
whose DM channel is not known yet (two requests); the busiest one-second window is
counted from the stub's arrival times and from the dispatcher's own request times.

    python -m bench.bench_reminders [--lifters 100000] [--paced 300]
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import json
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import discord
from discord.http import Route

from bench.machine import describe
from bench.seed import seed
from bot.coach import Coach
from bot.coach.reminder_dispatch import (
    DispatchSettings,
    DmRequest,
    Pace,
    ReminderDispatcher,
    SendResult,
)
from bot.discord.dm_sender import DiscordDmSender
from bot.storage.sqlite import SQLiteStorage

DUE = datetime(2026, 11, 26, 18, 30, tzinfo=UTC)
NOW = DUE + timedelta(seconds=75)  # every reminder of the minute is due, none too late
REMINDER_SQL = (
    "INSERT INTO reminders (user_id, local_time, timezone, weekdays, enabled, next_due_at,"
    " dm_channel_id, notice_pending, version, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, 0, 1, ?)"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_stub() -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "bench.dm_stub", str(port)])
    return proc, f"http://127.0.0.1:{port}"


async def wait_for_stub(base: str) -> None:
    async with aiohttp.ClientSession() as http:
        for _ in range(200):
            try:
                async with http.get(base + "/stats"):
                    return
            except aiohttp.ClientError:
                await asyncio.sleep(0.05)
    raise RuntimeError("the stub Discord did not start")


async def stub(base: str, path: str, method: str = "GET") -> dict[str, Any]:
    async with aiohttp.ClientSession() as http, http.request(method, base + path) as resp:
        data: dict[str, Any] = json.loads(await resp.text())
        return data


async def seed_reminders(storage: SQLiteStorage, lifters: int, unknown_every: int) -> None:
    rows = []
    for i in range(lifters):
        channel = None if unknown_every and i % unknown_every == 0 else str(7 * 10**17 + i)
        user = f"u{i}" if not unknown_every else str(6 * 10**17 + i)  # ids seed() uses
        rows.append((user, "18:30", "UTC", "0,1,2,3,4,5,6",
                     DUE + timedelta(seconds=i % 60), channel, DUE))
    async with storage.driver.transaction() as tx:
        await tx.executemany(REMINDER_SQL, rows)


def busiest_second(times: list[float]) -> int:
    """Most events in any window [t, t + 1s), windows starting at each event."""
    ordered = sorted(times)
    return max((bisect.bisect_left(ordered, t + 1.0) - i for i, t in enumerate(ordered)),
               default=0)


class TimedPace:
    """Wraps the dispatcher's pacer to note when each request was let through."""

    def __init__(self, dispatcher: ReminderDispatcher) -> None:
        self.times: list[float] = []
        self._inner = dispatcher.pace

    async def __call__(self) -> None:
        await self._inner()
        self.times.append(time.time())


async def make_db(path: Path, lifters: int, unknown_every: int, history: bool) -> None:
    storage = await SQLiteStorage.open(path)
    try:
        if history:  # about three logged sessions per lifter in the look-back window
            await seed(storage, users=lifters, sets=lifters * 15, now=NOW, days=45)
        await seed_reminders(storage, lifters, unknown_every)
    finally:
        await storage.close()


async def no_http(request: DmRequest, pace: Pace) -> SendResult:
    """A sender that only takes its pacing slot: the dispatcher and storage alone."""
    await pace()
    return SendResult("sent", request.channel_id)


async def run(base: str, seeded: Path, rate: float, http: bool) -> dict[str, Any]:
    """Dispatch everything due in a copy of ``seeded``; CPU, wall time and requests."""
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(seeded, Path(tmp) / "run.db")
        storage = await SQLiteStorage.open(Path(tmp) / "run.db")
        Route.BASE = base + "/api/v10"
        client = discord.Client(intents=discord.Intents.none())
        await client.login("bench-token")
        try:
            coach = Coach(storage, lambda: NOW)
            sender = DiscordDmSender(client) if http else no_http
            dispatcher = ReminderDispatcher(
                coach.reminders, sender, DispatchSettings(rate_per_second=rate),
                clock=lambda: NOW)
            timed = TimedPace(dispatcher)
            dispatcher.pace = timed  # type: ignore[assignment]
            await stub(base, "/reset", "POST")
            before, wall = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
            sent = await dispatcher.dispatch_due()
            after, wall = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter() - wall
            user, system = after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime
            seen = await stub(base, "/stats")
            handled = await storage.driver.fetchval(
                "SELECT COUNT(*) FROM reminders WHERE last_local_date IS NOT NULL")
            left = await storage.driver.fetchval(
                "SELECT COUNT(*) FROM reminders WHERE next_due_at <= ?", (NOW,))
        finally:
            await client.close()
            await storage.close()
    requests = sum(seen["counts"].values())
    return {"sent": sent, "handled": handled, "left_due": left, "cpu": user + system,
            "user": user, "system": system, "wall": wall, "requests": requests,
            "counts": seen["counts"], "peak_stub": busiest_second(seen["post_times"]),
            "peak_pace": busiest_second(timed.times)}


def cpu_line(result: dict[str, Any]) -> str:
    per = 1000 / result["sent"]
    return (f"{result['cpu']:.1f} s = {result['cpu'] * per:.3f} ms per reminder sent "
            f"(user {result['user'] * per:.3f} + kernel {result['system'] * per:.3f}); "
            f"{result['cpu'] * 1000 / result['handled']:.3f} ms per reminder handled")


async def measure(base: str, lifters: int, paced: int) -> None:
    print(f"machine: {describe()}")
    await wait_for_stub(base)
    with tempfile.TemporaryDirectory() as tmp:
        seeded = Path(tmp) / "seeded.db"
        await make_db(seeded, lifters, unknown_every=0, history=True)
        big = await run(base, seeded, rate=1_000_000.0, http=True)
        alone = await run(base, seeded, rate=1_000_000.0, http=False)
        paced_db = Path(tmp) / "paced.db"
        await make_db(paced_db, paced, unknown_every=10, history=False)
        small = await run(base, paced_db, rate=25.0, http=True)
    print(f"\nrun 1: {lifters:,} reminders due in one minute, pacing raised")
    print(f"  sent {big['sent']:,}; {big['handled'] - big['sent']:,} more skipped (trained "
          f"that day); still due afterwards: {big['left_due']}")
    print(f"  dispatcher CPU (target < 1 ms): {cpu_line(big)}")
    print(f"  of which without the HTTP client (same run, DMs not sent): {cpu_line(alone)}")
    print(f"  wall {big['wall']:.1f} s = {big['sent'] / big['wall']:,.0f} reminders/s")
    print(f"  requests {big['requests']:,} = {big['requests'] / big['sent']:.3f} per "
          f"reminder (target 1): {big['counts']}")
    print(f"\nrun 2: {paced} reminders at the default 25/s, every 10th opening its DM")
    print(f"  sent {small['sent']}, requests {small['requests']}: {small['counts']}")
    print(f"  wall {small['wall']:.1f} s = {small['requests'] / small['wall']:.1f} "
          "requests/s on average")
    print(f"  busiest 1-second window: {small['peak_pace']} requests let through by the "
          f"pacer, {small['peak_stub']} POSTs arriving at the stub (limit 25)")


def main(lifters: int, paced: int) -> None:
    proc, base = start_stub()
    try:
        asyncio.run(measure(base, lifters, paced))
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lifters", type=int, default=100_000)
    parser.add_argument("--paced", type=int, default=300)
    args = parser.parse_args()
    main(args.lifters, args.paced)
