"""/log through the coach service with 1,000,000 sets stored, against raw insert+commit.

Both run on the same engine in the same run, so the ratio says how much of a log's
cost is the durable commit every confirmed set needs (target ratio >= 0.5 on SQLite).
The SQLite leg runs twice on the same seeded file: on disk, as a bot runs, and copied
to a memory-backed directory (/dev/shm), where no commit waits for a disk, so the raw
insert keeps only its own work and the log's parsing, advice and SQL weigh most.
Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to run the PostgreSQL leg too.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from bench.machine import describe
from bench.seed import bench_now, seed
from bot.coach import Coach
from bot.storage.sql.storage import SqlStorage
from bot.storage.sqlite import SQLiteStorage

LINES = ("squat 5x5 @100kg rir2", "bench 3x8 @80kg rir1", "leg extension 3x12 f",
         "rdl 3x8 @120 rir2", "lateral raise 4x15 rir1; curl 3x10 f")
ROUNDS = 10
MEMORY_DIR = Path("/dev/shm")


async def seeded(storage: SqlStorage, label: str, sets: int, now: datetime) -> None:
    seconds = await seed(storage, users=10_000, sets=sets, now=now)
    await storage.catch_up_boards()
    print(f"{label}: seeded {sets:,} sets in {seconds:.1f} s")


async def measure(
    storage: SqlStorage, label: str, *, now: datetime, logs: int
) -> dict[str, float]:
    """Alternate rounds of /log and of raw insert+commit; the totals give the ratio."""
    await storage.driver.execute("CREATE TABLE bench_raw (id INTEGER, note TEXT)")
    if storage.driver.engine == "sqlite":  # start both legs from an empty write-ahead log
        await storage.driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    clock_now = [now]
    coach = Coach(storage, lambda: clock_now[0])
    await coach.logbook.log("u1", "bench-guild", LINES[0])  # warm caches
    log_time = raw_time = 0.0
    round_ratios: list[float] = []
    per_round = max(1, logs // ROUNDS)
    for r in range(ROUNDS):  # alternate the two legs so disk noise hits both alike
        start = time.perf_counter()
        for i in range(r * per_round, (r + 1) * per_round):
            clock_now[0] = now + timedelta(seconds=i)
            reply = await coach.logbook.log(f"u{i % 10_000}", "bench-guild", LINES[i % len(LINES)])
            assert reply.saved, reply
        # The leaderboard upkeep the logs queued is part of their cost: count it here.
        await storage.catch_up_boards()
        logged = time.perf_counter() - start
        start = time.perf_counter()
        for i in range(per_round):
            async with storage.driver.transaction() as tx:
                await tx.execute("INSERT INTO bench_raw (id, note) VALUES (?, ?)", (i, "x"))
        raw = time.perf_counter() - start
        log_time += logged
        raw_time += raw
        round_ratios.append(raw / logged)
    log_rate = per_round * ROUNDS / log_time
    raw_rate = per_round * ROUNDS / raw_time
    await storage.driver.execute("DROP TABLE bench_raw")
    ratio = log_rate / raw_rate
    print(f"{label}: /log {log_rate:,.0f} logs/s; raw insert+commit {raw_rate:,.0f}/s; "
          f"ratio {ratio:.2f} (target >= 0.5); {ROUNDS} rounds of {per_round}: "
          f"{min(round_ratios):.2f}-{max(round_ratios):.2f}")
    return {"log_per_s": log_rate, "raw_per_s": raw_rate, "ratio": ratio}


async def main(sets: int = 1_000_000, logs: int = 2_000) -> None:
    print(describe())
    now = bench_now()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        store = await SQLiteStorage.open(path)
        try:
            await seeded(store, "sqlite", sets, now)
            await store.driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            await store.close()
        if not _room_in_memory(path):
            print(f"sqlite, memory-backed copy: skipped (no room in {MEMORY_DIR})")
        else:
            with tempfile.TemporaryDirectory(dir=MEMORY_DIR) as memory:
                shutil.copy(path, Path(memory) / "bench.db")
                await _sqlite_leg(Path(memory) / "bench.db", "sqlite, memory-backed copy",
                                  now, logs)
        await _sqlite_leg(path, "sqlite, on disk", now, logs)
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")
    if not url:
        print("postgres: skipped (set BENCH_DATABASE_URL=postgresql://...)")
        return
    from bench.pg_schema import scratch_postgres

    async with scratch_postgres(url) as pg:
        await seeded(pg, "postgres", sets, now)
        await measure(pg, "postgres", now=now, logs=logs)


def _room_in_memory(path: Path) -> bool:
    """Whether the memory-backed directory holds a copy of ``path`` with room to grow."""
    if not MEMORY_DIR.is_dir():
        return False
    return shutil.disk_usage(MEMORY_DIR).free > 3 * path.stat().st_size


async def _sqlite_leg(path: Path, label: str, now: datetime, logs: int) -> None:
    store = await SQLiteStorage.open(path)
    try:
        await measure(store, label, now=now, logs=logs)
    finally:
        await store.close()


if __name__ == "__main__":
    asyncio.run(main())
