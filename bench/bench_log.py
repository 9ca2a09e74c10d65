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

so the machine's noise hits each log leg and its anchor alike. On SQLite both legs run
twice a round: with group commit, and with one commit each (each write alone under
the connection's lock, BEGIN to COMMIT in one trip to its thread, as the code did
before group commit: :class:`OneCommitEach`), each against raw commits of its own. A
log leg's time includes the leaderboard upkeep its logs queued (run at the end of the
leg). Figures: each leg's rate as a ratio to its raw leg, min-median-max over the
rounds, and per round the group-commit ratio over the one-commit-each ratio.

``--engine postgres`` (with BENCH_DATABASE_URL or TEST_DATABASE_URL) runs the same
on PostgreSQL, the anchor then a raw asyncpg single-row INSERT in autocommit (the
insert and its commit in one round trip) on a connection of the storage's own pool.
``--db PATH`` keeps the seeded SQLite file there (reused when it exists; each run
works on a copy).
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
from contextlib import AbstractAsyncContextManager, asynccontextmanager, nullcontext
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bench.machine import describe
from bench.seed import bench_now, seed
from bot.coach import Coach
from bot.coach.cooldown import Cooldown
from bot.storage import sqlite_busy
from bot.storage.sql.storage import SqlStorage
from bot.storage.sqlite import SQLiteStorage
from bot.storage.sqlite_group import GroupCommit, ThreadJob

LINES = ("squat 5x5 @100kg rir2", "bench 3x8 @80kg rir1", "leg extension 3x12 f",
         "rdl 3x8 @120 rir2", "lateral raise 4x15 rir1; curl 3x10 f")
ROUNDS = 5
ONE_BY_ONE = 200
LIFTERS = 200
EACH = 10
USERS = 10_000

Raw = Callable[[int], Awaitable[float]]
Mode = Callable[[], AbstractAsyncContextManager[Any]]


class OneCommitEach(GroupCommit):
    """Writes as before group commit: each alone under the connection's lock, from
    BEGIN to COMMIT in one trip to its thread (a lifter's log waits for every flush
    queued before it)."""

    async def run(self, job: ThreadJob) -> Any:
        async with self._lock:
            return await self._thread(_alone, job)


def _alone(conn: sqlite3.Connection, job: ThreadJob) -> Any:
    sqlite_busy.begin(conn)
    try:
        value = job(conn)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return value


def one_commit_each(store: SQLiteStorage) -> Mode:
    """A mode in which the store's writes each commit alone, as before group commit."""
    grouped = store.driver._writes

    @asynccontextmanager
    async def mode() -> Any:
        await grouped.drained()
        store.driver._writes = OneCommitEach(store.driver._conn, store.driver._lock)
        try:
            yield
        finally:
            store.driver._writes = grouped

    return mode


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


async def postgres_raw(pg: SqlStorage) -> Raw:
    """Single-row INSERT in autocommit (insert and commit: one round trip), prepared, on
    a connection of the storage's own pool, taken for each raw leg."""
    pool = pg.driver.pool  # type: ignore[attr-defined]
    async with pool.acquire() as conn:
        await conn.execute("CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER, note TEXT)")

    async def raw(count: int) -> float:
        async with pool.acquire() as conn:
            insert = await conn.prepare("INSERT INTO bench_raw (id, note) VALUES ($1, $2)")
            start = time.perf_counter()
            for i in range(count):
                await insert.fetch(i, "x")
            return time.perf_counter() - start

    return raw


async def warm_up(coach: Coach, lifters: int) -> None:
    """Every lifter of the rounds logs once first: what a log keeps of older history
    (lift recalls, calibration pairs) is then in place, as for a lifter of a running
    bot; a lifter's first log after the upgrade reads their whole history once."""
    for first in range(0, lifters, LIFTERS):
        await asyncio.gather(*(coach.logbook.log(f"u{u}", "bench-guild", LINES[u % len(LINES)])
                               for u in range(first, min(lifters, first + LIFTERS))))
    await coach.storage.catch_up_boards()


async def legs(coach: Coach, raw: Raw, user: int, got: dict[str, list[float]],
               key: str, names: dict[str, str]) -> int:
    """One after another, then at once, each between raw commits; the next user."""
    raw_small = await raw(ONE_BY_ONE // 2)
    seconds, times = await one_by_one(coach, user)
    raw_small += await raw(ONE_BY_ONE // 2)
    user += ONE_BY_ONE
    raw_large = await raw(LIFTERS * EACH // 2)
    together = await at_once(coach, user)
    raw_large += await raw(LIFTERS * EACH // 2)
    got[f"{key}one"].append(raw_small / seconds)
    got[f"{key}at_once"].append(raw_large / together)
    got[f"{key}p50_ms"].append(statistics.median(times) * 1000)
    got[f"{key}raw_ms"].append(raw_small / ONE_BY_ONE * 1000)
    got[f"{key}one_per_s"].append(ONE_BY_ONE / seconds)
    got[f"{key}at_once_per_s"].append(LIFTERS * EACH / together)
    print(f"  {names[key]}: one after another {ONE_BY_ONE / seconds:,.0f} logs/s (p50 "
          f"{got[f'{key}p50_ms'][-1]:.2f} ms; raw {ONE_BY_ONE / raw_small:,.0f}/s) ratio "
          f"{got[f'{key}one'][-1]:.2f}; {LIFTERS} lifters at once "
          f"{LIFTERS * EACH / together:,.0f} logs/s (raw {LIFTERS * EACH / raw_large:,.0f}/s)"
          f" ratio {got[f'{key}at_once'][-1]:.2f}", flush=True)
    return user + LIFTERS


def report(label: str, got: dict[str, list[float]], key: str, rounds: int) -> None:
    print(f"{label}{' ' + key.strip('_') if key else ''}: ratio to raw, min-median-max over "
          f"{rounds} rounds: one after another {summary(got[f'{key}one'])} (p50 "
          f"{summary(got[f'{key}p50_ms'])} ms per log, raw {summary(got[f'{key}raw_ms'])} ms"
          f" per commit); {LIFTERS} lifters x {EACH} at once {summary(got[f'{key}at_once'])}"
          f" ({summary(got[f'{key}at_once_per_s'])} logs/s)")


async def rounds(label: str, coach: Coach, raw: Raw, rounds: int,
                 before: Mode | None = None) -> dict[str, list[float]]:
    """The legs ``rounds`` times (and again one commit each, given ``before``); print
    and return the ratios."""
    keys = ("",) if before is None else ("", "each_")
    names = {"": "logs" if before is None else "group commit", "each_": "one commit each"}
    await warm_up(coach, rounds * len(keys) * (ONE_BY_ONE + LIFTERS) + 1)
    got: dict[str, list[float]] = {
        f"{k}{name}": [] for k in keys
        for name in ("one", "at_once", "p50_ms", "raw_ms", "one_per_s", "at_once_per_s")}
    user = 1
    for r in range(rounds):
        print(f"{label} round {r + 1}:", flush=True)
        for key in keys:
            async with (before() if key else nullcontext()):
                user = await legs(coach, raw, user, got, key, names)
        if before is not None:
            print(f"  group commit / one commit each: at once "
                  f"{got['at_once'][-1] / got['each_at_once'][-1]:.2f}x, one after another "
                  f"{got['one'][-1] / got['each_one'][-1]:.2f}x", flush=True)
    for key in keys:
        report(label, got, key, rounds)
    if before is not None:
        gain = [a / b for a, b in zip(got["at_once"], got["each_at_once"], strict=True)]
        alone = [a / b for a, b in zip(got["one"], got["each_one"], strict=True)]
        print(f"{label}: group commit / one commit each, ratio over ratio per round, "
              f"min-median-max: at once {summary(gain)}, one after another {summary(alone)}")
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
            await rounds("sqlite", bench_coach(store), raw, n_rounds,
                         before=one_commit_each(store))
        finally:
            close()
            await store.close()


async def postgres_leg(url: str, sets: int, n_rounds: int) -> None:
    from bench.pg_schema import scratch_postgres

    async with scratch_postgres(url) as pg:
        seconds = await seed(pg, users=USERS, sets=sets, now=bench_now())
        await pg.catch_up_boards()
        print(f"postgres: seeded {sets:,} sets in {seconds:.1f} s")
        await rounds("postgres", bench_coach(pg), await postgres_raw(pg), n_rounds)


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
