"""/log through the coach with 1,000,000 sets stored, against raw sqlite3 in the same run.

The anchor is the plain ``sqlite3`` module committing one row at a time into a bare
table of the same database file (WAL, ``synchronous=FULL``: every commit waits for
the disk, as every confirmed log does): no thread, no parsing, no advice. Each round
runs, in turn:

- **one after another**: 200 ``/log`` calls, each awaited before the next (the
  latency a lone lifter sees, p50 per log), between 100 raw single-row INSERT +
  COMMITs before and 100 after;
- **200 at once**: 200 lifters each logging 10 times (each lifter's logs in order,
  the 200 lifters at the same time: 2,000 logs), between 1,000 raw commits before and
  1,000 after;

so the machine's noise hits each log leg and its anchor alike. A log leg's time
includes the leaderboard upkeep its logs queued (run at the end of the leg). Figures:
each leg's rate as a ratio to its raw leg, min-median-max over the rounds.

``--engine postgres`` (with BENCH_DATABASE_URL or TEST_DATABASE_URL) runs the same
on PostgreSQL, the anchor then a raw asyncpg single-row INSERT (one statement in
autocommit: one round trip) on the same server. ``--db PATH`` keeps the seeded
SQLite file there (reused when it exists; each run works on a copy).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from pathlib import Path

from bench.machine import describe
from bench.seed import bench_now, seed
from bot.coach import Coach
from bot.coach.cooldown import Cooldown
from bot.storage.sql.storage import SqlStorage
from bot.storage.sqlite import SQLiteStorage

LINES = ("squat 5x5 @100kg rir2", "bench 3x8 @80kg rir1", "leg extension 3x12 f",
         "rdl 3x8 @120 rir2", "lateral raise 4x15 rir1; curl 3x10 f")
ROUNDS = 5
ONE_BY_ONE = 200
LIFTERS = 200
EACH = 10
USERS = 10_000

Raw = Callable[[int], Awaitable[float]]


class Clock:
    """A clock that moves a millisecond at every read, so no two logs share a moment."""

    def __init__(self, start: datetime) -> None:
        self._now = start

    def __call__(self) -> datetime:
        self._now += timedelta(milliseconds=1)
        return self._now


def summary(values: list[float]) -> str:
    return f"{min(values):.2f}-{statistics.median(values):.2f}-{max(values):.2f}"


async def one_by_one(coach: Coach, first_user: int) -> tuple[float, list[float]]:
    """ONE_BY_ONE logs, each awaited before the next; (seconds, per-log seconds)."""
    times: list[float] = []
    start = time.perf_counter()
    for i in range(ONE_BY_ONE):
        t = time.perf_counter()
        reply = await coach.logbook.log(f"u{(first_user + i) % USERS}", "bench-guild",
                                        LINES[i % len(LINES)])
        times.append(time.perf_counter() - t)
        assert reply.saved, reply
    await coach.storage.catch_up_boards()
    return time.perf_counter() - start, times


async def at_once(coach: Coach, first_user: int) -> float:
    """LIFTERS lifters, each logging EACH times in order, all at the same time."""
    async def lifter(k: int) -> None:
        user = f"u{(first_user + k) % USERS}"
        for i in range(EACH):
            reply = await coach.logbook.log(user, "bench-guild", LINES[(k + i) % len(LINES)])
            assert reply.saved, reply

    start = time.perf_counter()
    await asyncio.gather(*(lifter(k) for k in range(LIFTERS)))
    await coach.storage.catch_up_boards()
    return time.perf_counter() - start


def sqlite_raw(path: Path) -> tuple[Raw, Callable[[], None]]:
    """Single-row INSERT + COMMIT through the plain sqlite3 module on ``path``."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER, note TEXT)")

    async def raw(count: int) -> float:
        start = time.perf_counter()
        for i in range(count):
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO bench_raw (id, note) VALUES (?, ?)", (i, "x"))
            conn.execute("COMMIT")
        return time.perf_counter() - start

    return raw, conn.close


async def postgres_raw(url: str, schema: str) -> tuple[Raw, Callable[[], Awaitable[None]]]:
    import asyncpg

    conn = await asyncpg.connect(url, server_settings={"search_path": schema})
    await conn.execute("CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER, note TEXT)")
    insert = await conn.prepare("INSERT INTO bench_raw (id, note) VALUES ($1, $2)")

    async def raw(count: int) -> float:
        start = time.perf_counter()
        for i in range(count):
            await insert.fetch(i, "x")
        return time.perf_counter() - start

    return raw, conn.close


async def rounds(label: str, coach: Coach, raw: Raw, rounds: int) -> dict[str, list[float]]:
    """Interleave the four legs ``rounds`` times; print and return the ratios."""
    # Every lifter of the rounds logs once first: what a log keeps of older history
    # (lift recalls, calibration pairs) is then in place, as for a lifter of a running
    # bot; a lifter's first log after the upgrade reads their whole history once.
    needed = rounds * (ONE_BY_ONE + LIFTERS) + 1
    for first in range(0, needed, LIFTERS):
        await asyncio.gather(*(coach.logbook.log(f"u{u}", "bench-guild", LINES[u % len(LINES)])
                               for u in range(first, min(needed, first + LIFTERS))))
    await coach.storage.catch_up_boards()
    got: dict[str, list[float]] = {"one": [], "at_once": [], "p50_ms": [], "raw_ms": [],
                                   "one_per_s": [], "at_once_per_s": []}
    user = 1
    for r in range(rounds):
        # Each log leg is bracketed by half its raw commits before and half after.
        raw_small = await raw(ONE_BY_ONE // 2)
        seconds, times = await one_by_one(coach, user)
        raw_small += await raw(ONE_BY_ONE // 2)
        user += ONE_BY_ONE
        raw_large = await raw(LIFTERS * EACH // 2)
        together = await at_once(coach, user)
        raw_large += await raw(LIFTERS * EACH // 2)
        user += LIFTERS
        got["one"].append(raw_small / seconds)
        got["at_once"].append(raw_large / together)
        got["p50_ms"].append(statistics.median(times) * 1000)
        got["raw_ms"].append(raw_small / ONE_BY_ONE * 1000)
        got["one_per_s"].append(ONE_BY_ONE / seconds)
        got["at_once_per_s"].append(LIFTERS * EACH / together)
        print(f"{label} round {r + 1}: one after another {ONE_BY_ONE / seconds:,.0f} logs/s "
              f"(p50 {got['p50_ms'][-1]:.2f} ms; raw {ONE_BY_ONE / raw_small:,.0f}/s) ratio "
              f"{got['one'][-1]:.2f}; {LIFTERS} lifters at once "
              f"{LIFTERS * EACH / together:,.0f} logs/s (raw {LIFTERS * EACH / raw_large:,.0f}/s)"
              f" ratio {got['at_once'][-1]:.2f}", flush=True)
    gain = [a / b for a, b in zip(got["at_once_per_s"], got["one_per_s"], strict=True)]
    print(f"{label}: ratio to raw, min-median-max over {rounds} rounds: one after another "
          f"{summary(got['one'])} (p50 {summary(got['p50_ms'])} ms per log, raw "
          f"{summary(got['raw_ms'])} ms per commit); {LIFTERS} lifters x {EACH} at once "
          f"{summary(got['at_once'])} ({summary(got['at_once_per_s'])} logs/s); "
          f"at once / one after another {summary(gain)}")
    return got


def bench_coach(storage: SqlStorage) -> Coach:
    return Coach(storage, Clock(bench_now()), cooldown=Cooldown(count=1_000_000))


async def seeded_file(path: Path, sets: int) -> None:
    store = await SQLiteStorage.open(path)
    try:
        seconds = await seed(store, users=USERS, sets=sets, now=bench_now())
        await store.catch_up_boards()
        await store.driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        print(f"sqlite: seeded {sets:,} sets in {seconds:.1f} s")
    finally:
        await store.close()


async def sqlite_leg(kept: Path | None, sets: int, n_rounds: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = kept or Path(tmp) / "seed.db"
        if not source.exists():
            await seeded_file(source, sets)
        path = Path(tmp) / "bench.db"
        shutil.copy(source, path)
        store = await SQLiteStorage.open(path)
        raw, close = sqlite_raw(path)
        try:
            await rounds("sqlite", bench_coach(store), raw, n_rounds)
        finally:
            close()
            await store.close()


async def postgres_leg(url: str, sets: int, n_rounds: int) -> None:
    from bench.pg_schema import scratch_postgres

    async with scratch_postgres(url) as pg:
        seconds = await seed(pg, users=USERS, sets=sets, now=bench_now())
        await pg.catch_up_boards()
        print(f"postgres: seeded {sets:,} sets in {seconds:.1f} s")
        schema = await pg.driver.fetchval("SELECT current_schema()")
        raw, close = await postgres_raw(url, str(schema))
        try:
            await rounds("postgres", bench_coach(pg), raw, n_rounds)
        finally:
            await close()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", choices=("sqlite", "postgres", "both"), default="sqlite")
    parser.add_argument("--db", type=Path, help="keep the seeded SQLite file here")
    parser.add_argument("--sets", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args()
    print(describe(), flush=True)
    if args.engine in ("sqlite", "both"):
        await sqlite_leg(args.db, args.sets, args.rounds)
    if args.engine in ("postgres", "both"):
        url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")
        if not url:
            print("postgres: skipped (set BENCH_DATABASE_URL=postgresql://...)")
            return
        await postgres_leg(url, args.sets, args.rounds)


if __name__ == "__main__":
    asyncio.run(main())
