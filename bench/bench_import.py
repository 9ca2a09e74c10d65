"""A 5 MB Strong export through /import, then /export and /forget-me of that lifter.

Prints the time of each step and rows per second: reading the file (pure domain),
the preview (decode, read, compare with stored history, keep the pending import),
the confirm (one transaction storing every entry and set), the export and the
erasure. Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to run PostgreSQL too.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from bench.machine import describe
from bot.coach import Coach
from bot.domain.catalogue import default_catalogue
from bot.domain.transfer import ImportResult, read_import
from bot.storage.sql.storage import SqlStorage
from bot.storage.sqlite import SQLiteStorage
from tests.data_samples import sample_workouts, strong_comma

T = TypeVar("T")
NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
LIMIT = 5 * 1024 * 1024


def big_export() -> str:
    """The largest whole-week Strong file under the 5 MB limit."""
    weeks = 1800

    def write(weeks: int) -> str:
        start = datetime(2026, 11, 2, 18, 2, 11) - timedelta(weeks=weeks)  # noqa: DTZ001
        return strong_comma(sample_workouts(weeks, start))

    text = write(weeks)
    while len(text.encode()) > LIMIT:
        weeks -= 25
        text = write(weeks)
    return text


async def timed(label: str, step: Callable[[], Awaitable[T]], rows: int) -> T:
    begin = time.perf_counter()
    result = await step()
    seconds = time.perf_counter() - begin
    print(f"  {label:<28} {seconds:7.2f} s  {rows / seconds:10,.0f} rows/s")
    return result


async def run(storage: SqlStorage, label: str, text: str) -> None:
    data = text.encode()
    rows = text.count("\n") - 1
    print(f"{label}: {len(data) / 1e6:.1f} MB, {rows:,} rows")
    coach = Coach(storage, lambda: NOW)

    async def read() -> ImportResult:
        result = read_import(text, fmt="auto", catalogue=default_catalogue(),
                             zone=ZoneInfo("Europe/Berlin"), unit="kg", latest=NOW)
        assert isinstance(result, ImportResult)
        return result

    result = await timed("read (domain only)", read, rows)
    preview = await timed("preview", lambda: coach.data.import_preview(
        "lifter", "gym", "strong.csv", data), rows)
    assert preview.pending_id is not None, preview.reply
    begin = time.perf_counter()
    done = await timed("confirm (store)", lambda: coach.data.import_confirm(
        "lifter", preview.pending_id), result.sets)
    confirm_seconds = time.perf_counter() - begin
    assert done.saved, done
    # On SQLite the leaderboard tables take the import in afterwards, in the bot's
    # upkeep task (PostgreSQL's triggers did it inside the confirm).
    await timed("leaderboard upkeep after it", coach.boards.catch_up, result.sets)
    raw_seconds = await raw_insert(storage, result)
    print(f"  {'raw insert, same rows':<28} {raw_seconds:7.2f} s  "
          f"(confirm takes {confirm_seconds / raw_seconds:.1f}x the bare inserts)")
    again = await timed("same file again (preview)", lambda: coach.data.import_preview(
        "lifter", "gym", "strong.csv", data), rows)
    assert again.pending_id is None
    export = await timed("export", lambda: coach.data.export("lifter"), result.sets)
    assert export.data.count(b"\n") == result.sets + 1
    erased = await timed("forget-me", lambda: coach.data.forget_me_confirm("lifter"),
                         result.sets)
    assert erased.saved
    print(f"  {len(result.entries):,} entries, {result.sets:,} sets")


async def raw_insert(storage: SqlStorage, result: ImportResult) -> float:
    """The same entries and sets written by bare executemany into copies of the tables
    without indexes or triggers, in one transaction: the floor for storing an import."""
    driver = storage.driver
    for table in ("entries", "sets"):
        await driver.execute(f"CREATE TABLE bench_{table} AS SELECT * FROM {table} WHERE 1 = 0")
    entries = [(i, "raw", "gym", e.exercise.key, e.exercise.name, e.exercise.tier,
                e.performed_at, e.local_date, NOW, "import", e.key)
               for i, e in enumerate(result.entries)]
    sets = [(i, p, s.reps, s.load_kg, int(s.bodyweight), s.rir, s.rir_max, int(s.failure),
             s.technique, int(s.warmup), int(s.amrap))
            for i, e in enumerate(result.entries) for p, s in enumerate(e.sets)]
    begin = time.perf_counter()
    async with driver.transaction() as tx:
        await tx.executemany(
            "INSERT INTO bench_entries (entry_id, user_id, guild_id, exercise_key,"
            " exercise_name, tier, performed_at, local_date, created_at, source, source_ref)"
            f" VALUES ({', '.join('?' * 11)})", entries)
        await tx.executemany(
            "INSERT INTO bench_sets (entry_id, position, reps, load_kg, bodyweight, rir,"
            " rir_max, failure, technique, warmup, amrap)"
            f" VALUES ({', '.join('?' * 11)})", sets)
    seconds = time.perf_counter() - begin
    for table in ("entries", "sets"):
        await driver.execute(f"DROP TABLE bench_{table}")
    return seconds


async def main() -> None:
    print(describe())
    text = big_export()
    with tempfile.TemporaryDirectory() as folder:
        storage = await SQLiteStorage.open(Path(folder) / "bench.db")
        try:
            await run(storage, "SQLite", text)
        finally:
            await storage.close()
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")
    if url:
        from bench.pg_schema import scratch_postgres

        async with scratch_postgres(url) as pg:
            await run(pg, "PostgreSQL", text)


if __name__ == "__main__":
    asyncio.run(main())
