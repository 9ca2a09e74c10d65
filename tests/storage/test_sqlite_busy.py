"""The SQLite file beside other processes: erased rows leave no trace in it, and a second
process holding the write lock is waited for politely, never a "database is locked".

Before: a console next to the bot crashed with "database is locked" after 5 s while
the bot erased a lifter, and erased rows stayed readable in the file's free pages
(SQLite's ``secure_delete`` is off by default).
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from bot.storage import sqlite_busy
from bot.storage.sqlite import SQLiteStorage
from tests.helpers import import_now
from tests.storage.bulk import NOW, one_log, same_day

MARK = "zqx-a-note-only-this-lifter-wrote-xqz"
_HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO meta (key, value) VALUES ('held', 'yes')"
             " ON CONFLICT (key) DO UPDATE SET value = 'again'")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


async def _hold_write_lock(path: Path, seconds: float) -> asyncio.subprocess.Process:
    """Another process (a console, say) takes the write lock and keeps it ``seconds``."""
    holder = await asyncio.create_subprocess_exec(
        sys.executable, "-c", _HOLDER, str(path), str(seconds),
        stdout=asyncio.subprocess.PIPE)
    assert holder.stdout is not None
    assert (await asyncio.wait_for(holder.stdout.readline(), 20)).strip() == b"held"
    return holder


def _on_disk(folder: Path, name: str) -> bytes:
    """The database file and its -wal/-shm companions, as bytes."""
    return b"".join(f.read_bytes() for f in folder.glob(f"{name}*"))


async def test_secure_delete_is_on_and_erased_rows_leave_the_file(tmp_path: Path) -> None:
    path = tmp_path / "erased.db"
    storage = await SQLiteStorage.open(path)
    try:
        driver = storage.driver
        assert await driver.fetchval("PRAGMA secure_delete") == 1
        await import_now(storage, "u", "g", [replace(e, note=MARK) for e in same_day(50)], NOW)
        await driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert MARK.encode() in path.read_bytes()
        await storage.forget_user("u")
        await driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert MARK.encode() not in _on_disk(tmp_path, "erased.db")  # zeroed, not just freed
    finally:
        await storage.close()


async def test_a_second_process_holding_the_write_lock_is_waited_for(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    storage = await SQLiteStorage.open(path)
    try:
        await storage.add_entries("reader", "g1", [one_log(0)], NOW)
        held = 8 * sqlite_busy.BUSY_TIMEOUT_MS / 1000  # far past one busy timeout
        holder = await _hold_write_lock(path, held)
        loop = asyncio.get_running_loop()
        start = loop.time()
        write = asyncio.ensure_future(storage.add_entries("writer", "g1", [one_log(1)], NOW))
        await asyncio.sleep(0.3)
        assert not write.done()  # waiting for the other process...
        read_at = loop.time()
        assert len(await storage.history("reader", None, 10)) == 1  # ...readers go on
        assert loop.time() - read_at < held / 2
        stored = await write
        assert loop.time() - start >= held * 0.8 and len(stored) == 1
        assert await holder.wait() == 0
        assert len(await storage.history("writer", None, 10)) == 1
    finally:
        await storage.close()


async def test_a_lock_kept_past_the_waiting_time_is_an_error_and_nothing_hangs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_busy, "BUSY_WAIT_SECONDS", 0.3)
    path = tmp_path / "stuck.db"
    storage = await SQLiteStorage.open(path)
    try:
        holder = await _hold_write_lock(path, 4.0)
        start = time.monotonic()
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            await storage.add_entries("writer", "g1", [one_log(1)], NOW)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            async with storage.driver.transaction() as tx:
                await tx.execute("DELETE FROM entries WHERE user_id = 'nobody'")
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            await storage.driver.execute("DELETE FROM entries WHERE user_id = 'nobody'")
        assert time.monotonic() - start < 3.5  # each gave up after its waiting time
        assert await holder.wait() == 0
        assert len(await storage.add_entries("writer", "g1", [one_log(2)], NOW)) == 1
    finally:
        await storage.close()
