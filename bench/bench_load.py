"""One lifter's bulk work against everyone else's waits, and the memory of a big import.

1. The reliability scenario (tests/reliability/load.py): fifty lifters log (50 logs a
   second in all) while one imports the largest file allowed and another erases
   10,000 entries of one day; prints every log's wait (worst, p99, median).
2. Erasing 8,000 and 40,000 entries of one day alone, with one other lifter logging
   meanwhile: the erasure's time and that lifter's worst wait.
3. Memory of an import preview of a file at ``IMPORT_MAX_BYTES_CEILING`` (the most the
   setting allows): peak traced by tracemalloc over decode, read, compare and keep,
   for a realistic export and for the heaviest shape (every row its own entry).

Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to run the PostgreSQL legs too.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
import tracemalloc
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from pathlib import Path

from bench.machine import describe
from bot.coach import Coach
from bot.domain.limits import IMPORT_MAX_BYTES_CEILING
from bot.storage.contract import Storage
from bot.storage.sqlite import SQLiteStorage
from tests.helpers import import_now
from tests.reliability.load import NOW, largest_export, run_load
from tests.storage.bulk import alongside, one_log, same_day

Opener = Callable[[], AsyncIterator[Storage]]


@asynccontextmanager
async def sqlite_store() -> AsyncIterator[Storage]:
    with tempfile.TemporaryDirectory() as folder:
        store = await SQLiteStorage.open(Path(folder) / "bench.db")
        try:
            yield store
        finally:
            await store.close()


def engines() -> list[tuple[str, Opener]]:
    found: list[tuple[str, Opener]] = [("SQLite", sqlite_store)]
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")
    if url:
        from bench.pg_schema import scratch_postgres

        found.append(("PostgreSQL", lambda: scratch_postgres(url)))
    return found


async def scenario(name: str, opener: Opener, data: bytes) -> None:
    async with opener() as store:
        outcome = await run_load(store, data)
    print(f"  {name}: {outcome.waits.line()}; {outcome.seconds:.1f} s in all")


async def erasure(name: str, opener: Opener, count: int) -> None:
    async with opener() as store:
        await store.add_entries("neighbour", "g1", [one_log(-1)], NOW)
        await import_now(store, "big", "g1", same_day(count), NOW)
        _, neighbour, start, end = await alongside(store, lambda: store.forget_user("big"))
    print(f"  {name}: {count:,} entries of one day erased in {end - start:.2f} s; the "
          f"neighbour's {len(neighbour.waits)} logs meanwhile waited at most "
          f"{max(neighbour.waits) * 1000:.0f} ms")


def heaviest_file(limit: int) -> bytes:
    """Every row its own workout (a new minute each): the most entries a file can hold."""
    lines = ["Date,Workout Name,Exercise Name,Set Order,Weight,Reps"]
    size, minute = len(lines[0]) + 1, 0
    start = datetime(2001, 1, 1)  # noqa: DTZ001
    while True:
        line = f"{start + timedelta(minutes=minute):%Y-%m-%d %H:%M:%S},W,Squat (Barbell),1,100,5"
        if size + len(line) + 1 > limit:
            return ("\n".join(lines) + "\n").encode()
        lines.append(line)
        size += len(line) + 1
        minute += 1


async def memory(label: str, data: bytes) -> None:
    async with sqlite_store() as store:
        coach = Coach(store, lambda: NOW)
        coach.data.max_bytes = len(data)
        tracemalloc.start()
        begin = time.perf_counter()
        preview = await coach.data.import_preview("lifter", "gym", "big.csv", data)
        seconds = time.perf_counter() - begin
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert preview.pending_id is not None, preview.reply
    rows = data.count(b"\n") - 1
    print(f"  {label}: {len(data) / 2**20:.1f} MiB, {rows:,} rows: peak "
          f"{peak / 2**20:.0f} MiB traced, preview {seconds:.1f} s (traced)")


async def main() -> None:
    print(describe())
    data = largest_export()
    print(f"1. fifty lifters logging through an import of {len(data) / 2**20:.1f} MiB "
          "and an erasure of 10,000 entries of one day")
    for name, opener in engines():
        await scenario(name, opener, data)
    print("2. erasing one day of many entries")
    for name, opener in engines():
        for count in (8_000, 40_000):
            await erasure(name, opener, count)
    print(f"3. memory of a preview at the ceiling ({IMPORT_MAX_BYTES_CEILING / 2**20:.0f} MiB)")
    await memory("realistic Strong export", largest_export(IMPORT_MAX_BYTES_CEILING))
    await memory("every row its own entry", heaviest_file(IMPORT_MAX_BYTES_CEILING))


if __name__ == "__main__":
    asyncio.run(main())
