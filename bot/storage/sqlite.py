"""The embedded default engine: the SQL storage on an aiosqlite driver (one connection,
WAL, foreign keys, full sync).

Every use of the connection is serialised by a lock, so a read never sees another
coroutine's uncommitted transaction and transactions never interleave. Writes are
group-committed (:mod:`bot.storage.sqlite_group`): those that arrive while a commit
is in flight share the next transaction, each in a savepoint of its own, and each
returns only once its transaction is on disk. A batch runs all its statements in one
trip to the connection's thread; so does a log's read, plan and write.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar, cast

import aiosqlite

from bot.storage.contract import ts
from bot.storage.driver import Executor, ReadMore, Rows, Step, WritePlan
from bot.storage.migrations import Migration, load_migrations
from bot.storage.sql.storage import SqlStorage
from bot.storage.sqlite_busy import BUSY_TIMEOUT_MS, patiently
from bot.storage.sqlite_group import GroupCommit

# Dates and times are stored as text: a sortable UTC stamp (see ``ts``) and an ISO
# date. Registered with the sqlite3 module once, so SQLite binds them in C and rows of
# plain numbers and text (every set of a log) pass through untouched. Adapters are
# looked up by exact type, so a datetime never takes the date adapter.
sqlite3.register_adapter(datetime, ts)
sqlite3.register_adapter(date, date.isoformat)


_P = ParamSpec("_P")
_T = TypeVar("_T")


async def _in_thread(
    conn: aiosqlite.Connection,
    fn: Callable[Concatenate[sqlite3.Connection, _P], _T],
    *args: _P.args,
    **kwargs: _P.kwargs,
) -> _T:
    """Run ``fn(raw connection, ...)`` in one trip to the connection's thread.

    aiosqlite offers no public way to do several things in one trip; its private
    ``_execute(fn, ...)`` is that way (pinned aiosqlite range; tests cover it). It is
    unannotated, so the cast states what it does: await ``fn``'s result.
    """
    run = cast(Callable[..., Awaitable[_T]], conn._execute)
    return await run(fn, conn._conn, *args, **kwargs)


def _run_steps(conn: sqlite3.Connection, steps: Sequence[Step]) -> list[list[Sequence[Any]]]:
    """Runs in the connection's thread (a write's inside its group's transaction)."""
    out: list[list[Sequence[Any]]] = []
    for step in steps:
        if step.many is not None:
            conn.executemany(step.sql, step.many)
            out.append([])
        else:
            cur = conn.execute(step.sql, step.params)
            out.append(cur.fetchall() if step.fetch else [])
            cur.close()
    return out


def _execute_closed(conn: sqlite3.Connection, sql: str, params: Sequence[Any]) -> None:
    """Runs in the connection's thread."""
    conn.execute(sql, params).close()


def _read_then_write(
    reads: Sequence[Step], plan: WritePlan, conn: sqlite3.Connection
) -> tuple[Rows, Rows | None]:
    """Runs in the connection's thread, inside a savepoint of its group's transaction."""
    got = _run_steps(conn, reads)
    writes = plan(got)
    while isinstance(writes, ReadMore):
        writes = writes.plan(_run_steps(conn, writes.reads))
    return got, (_run_steps(conn, writes) if writes else None)


def _write_steps(steps: Sequence[Step], conn: sqlite3.Connection) -> Rows:
    return _run_steps(conn, steps)


class _Conn:
    """Executor methods over an aiosqlite connection; the caller holds the lock."""

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        # Run and close the cursor in the same trip: a statement left with unread rows
        # (a PRAGMA that answers, say) would otherwise block a later COMMIT.
        await _in_thread(self._conn, _execute_closed, sql, params)

    async def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        await self._conn.executemany(sql, rows)

    async def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Sequence[Any]]:
        # execute_fetchall runs statement and fetch in one trip to the connection's thread.
        return list(await self._conn.execute_fetchall(sql, params))

    async def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Sequence[Any] | None:
        rows = await self.fetchall(sql, params)
        return tuple(rows[0]) if rows else None

    async def fetchval(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = await self.fetchone(sql, params)
        return None if row is None else row[0]


class SQLiteDriver:
    engine = "sqlite"

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn
        self._inner = _Conn(conn)
        self._lock = asyncio.Lock()
        self._writes = GroupCommit(conn, self._lock)

    @classmethod
    async def connect(cls, path: str | Path) -> SQLiteDriver:
        pending = aiosqlite.connect(str(path), isolation_level=None)
        try:
            conn = await pending
        except BaseException:
            # A file that cannot be opened still started aiosqlite's worker thread,
            # which is told to stop but not waited for: wait here (briefly), or it
            # answers after the event loop has closed and prints a traceback.
            worker = getattr(pending, "_thread", None)
            if isinstance(worker, threading.Thread):
                await asyncio.to_thread(worker.join, 2.0)
            raise
        try:
            await conn.execute("PRAGMA journal_mode=WAL")
            await conn.execute("PRAGMA synchronous=FULL")
            await conn.execute("PRAGMA foreign_keys=ON")
            # Another process holding the file: short waits, retried (sqlite_busy).
            await conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            # Erased rows are overwritten with zeros, not left readable in free pages.
            await conn.execute("PRAGMA secure_delete=ON")
        except BaseException:
            await conn.close()
            raise
        return cls(conn)

    # single statements, each under the lock (retried while another process writes) --

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        await patiently(lambda: self._locked(lambda: self._inner.execute(sql, params)))

    async def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        await patiently(lambda: self._locked(lambda: self._inner.executemany(sql, rows)))

    async def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Sequence[Any]]:
        return await patiently(lambda: self._locked(lambda: self._inner.fetchall(sql, params)))

    async def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Sequence[Any] | None:
        return await patiently(lambda: self._locked(lambda: self._inner.fetchone(sql, params)))

    async def fetchval(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return await patiently(lambda: self._locked(lambda: self._inner.fetchval(sql, params)))

    async def _locked(self, work: Callable[[], Awaitable[_T]]) -> _T:
        # The statement's coroutine is made once the lock is held: one made before
        # and cancelled while waiting would never be awaited.
        async with self._lock:
            return await work()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Executor]:
        """A write block in a savepoint of the next group; returns once committed."""
        async with self._writes.transaction(self._inner) as tx:
            yield tx

    async def batch(
        self, steps: Sequence[Step], *, write: bool = False
    ) -> list[list[Sequence[Any]]]:
        if write:
            rows: Rows = await self._writes.run(partial(_write_steps, steps))
            return rows
        return await patiently(
            lambda: self._locked(lambda: _in_thread(self._conn, _run_steps, steps)))

    async def read_then_write(
        self, reads: Sequence[Step], plan: WritePlan
    ) -> tuple[Rows, Rows | None]:
        done: tuple[Rows, Rows | None] = await self._writes.run(
            partial(_read_then_write, reads, plan))
        return done

    # schema ----------------------------------------------------------------------------

    async def schema_version(self) -> int:
        return int(await self.fetchval("PRAGMA user_version") or 0)

    async def migrate(self, migrations: Sequence[Migration]) -> int:
        """Apply every pending migration in one transaction: all of them or none."""
        current = await self.schema_version()
        pending = [m for m in migrations if m.version > current]
        if not pending:
            return current
        async with self.transaction() as tx:
            for migration in pending:
                for statement in migration.statements:
                    await tx.execute(statement)
            await tx.execute(f"PRAGMA user_version = {pending[-1].version}")
        return pending[-1].version

    async def close(self) -> None:
        await self._writes.drained()
        await self._conn.close()


class SQLiteStorage(SqlStorage):
    driver: SQLiteDriver

    @classmethod
    async def open(
        cls, path: str | Path, migrations: Sequence[Migration] | None = None
    ) -> SQLiteStorage:
        driver = await SQLiteDriver.connect(path)
        try:
            await driver.migrate(load_migrations("sqlite") if migrations is None else migrations)
            storage = cls(driver)
            await storage.finish_interrupted()
        except BaseException:
            await driver.close()
            raise
        return storage

    async def schema_version(self) -> int:
        return await self.driver.schema_version()
