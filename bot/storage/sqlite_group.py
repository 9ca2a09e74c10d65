"""Group commit for the SQLite engine: writes that arrive while a commit is in flight are
committed together in the next transaction, each in a savepoint of its own.

Every SQLite transaction is made durable by one flush of the write-ahead log, so two
hundred lifters logging at once would queue for two hundred flushes. Instead a write
is queued: when no transaction is running, it starts one at once (a lone write waits
for nothing); the writes that queue meanwhile go together in the next one:

- each write runs inside a ``SAVEPOINT``: one that fails (a constraint, an error in
  its plan, its caller's block raising) is rolled back alone and only its caller gets
  the error; the others of its group are stored;
- writes run in the order they arrived, so each one sees those before it;
- nobody is answered before ``COMMIT`` has returned: a reply still means its data is
  on disk. A commit that fails fails every write of its group, and none is stored.

A write is either a function run in the connection's thread (a batch of statements, a
log's read, plan and write: see :mod:`bot.storage.sqlite`) or an interactive block
(``Driver.transaction()``), which is lent the connection between its group's trips to
the thread. A group holds at most :data:`MAX_GROUP` writes.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, TypeVar, cast

import aiosqlite

from bot.storage import sqlite_busy

MAX_GROUP = 256
"""Writes in one transaction at most: bounds a group's time and its rollback."""

ThreadJob = Callable[[sqlite3.Connection], Any]
_T = TypeVar("_T")


@dataclass(frozen=True)
class _Block:
    """An interactive write: ``turn`` is set when it may use the connection, ``done`` by
    its caller when its block ended (None, or the exception it raised)."""

    turn: asyncio.Future[None]
    done: asyncio.Future[BaseException | None]


@dataclass(frozen=True)
class _Write:
    job: ThreadJob | _Block
    result: asyncio.Future[Any]


def _run_jobs(
    conn: sqlite3.Connection, jobs: Sequence[ThreadJob], begin: bool, commit: bool
) -> list[tuple[bool, Any]]:
    """Runs in the connection's thread: each job in its own savepoint."""
    if begin:
        sqlite_busy.begin(conn)
    outcomes: list[tuple[bool, Any]] = []
    for job in jobs:
        conn.execute("SAVEPOINT write")
        try:
            value = job(conn)
        except Exception as exc:  # this write alone fails; its group goes on
            _undo_savepoint(conn)
            outcomes.append((False, exc))
        else:
            conn.execute("RELEASE write")
            outcomes.append((True, value))
    if commit:
        conn.execute("COMMIT")
    return outcomes


def _undo_savepoint(conn: sqlite3.Connection) -> None:
    """Roll back the current write alone; an error that ended the whole transaction
    (the disk, say) is the group's: it is raised, and every write of it fails."""
    if not conn.in_transaction:
        raise sqlite3.OperationalError("the transaction ended inside a write")
    conn.execute("ROLLBACK TO write")
    conn.execute("RELEASE write")


def _statement(conn: sqlite3.Connection, sql: str) -> None:
    conn.execute(sql).close()


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.execute("ROLLBACK")


class GroupCommit:
    """The write queue of one aiosqlite connection; ``lock`` serialises its other uses."""

    def __init__(self, conn: aiosqlite.Connection, lock: asyncio.Lock) -> None:
        self._conn = conn
        self._lock = lock
        self._queue: deque[_Write] = deque()
        self._drainer: asyncio.Task[None] | None = None

    def _thread(self, fn: Callable[..., _T], *args: Any) -> Awaitable[_T]:
        # aiosqlite's private ``_execute(fn, ...)`` runs ``fn`` in one trip to its thread
        # (see bot.storage.sqlite._in_thread).
        run = cast(Callable[..., Awaitable[_T]], self._conn._execute)
        return run(fn, self._conn._conn, *args)

    def _submit(self, job: ThreadJob | _Block) -> asyncio.Future[Any]:
        result: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._queue.append(_Write(job, result))
        if self._drainer is None:
            self._drainer = asyncio.create_task(self._drain(), name="sqlite group commit")
        return result

    async def run(self, job: ThreadJob) -> Any:
        """Run ``job(connection)`` in a savepoint of the next group; its value once the
        group is committed (or its own error, or the group's)."""
        return await self._submit(job)

    @asynccontextmanager
    async def transaction(self, executor: _T) -> AsyncIterator[_T]:
        """An interactive write: the block runs in a savepoint of its group and returns
        once the group is committed; an exception in it rolls back only the block."""
        loop = asyncio.get_running_loop()
        block = _Block(loop.create_future(), loop.create_future())
        committed = self._submit(block)
        try:
            await block.turn
        except BaseException as exc:
            if block.turn.done() and not block.turn.cancelled():
                block.done.set_result(exc)  # the turn came as the caller gave up
            raise
        try:
            yield executor
        except BaseException as exc:
            block.done.set_result(exc)
            raise
        block.done.set_result(None)
        await committed

    async def drained(self) -> None:
        """Wait until every queued write is committed or failed."""
        while self._drainer is not None:
            await asyncio.shield(self._drainer)

    async def _drain(self) -> None:
        try:
            while self._queue:
                group = self._take()
                if group:
                    await self._commit_patiently(group)
        finally:
            self._drainer = None

    async def _commit_patiently(self, group: list[_Write]) -> None:
        """Commit ``group``; while another process holds the file, let the connection go
        between tries (see bot.storage.sqlite_busy), then fail the group if it stays so."""
        patience = sqlite_busy.Patience()
        while True:
            try:
                async with self._lock:
                    await self._commit(group)
                return
            except sqlite_busy.BeginBusy as busy:
                if not await patience.wait():
                    for write in group:
                        if isinstance(write.job, _Block):  # still waiting for its turn
                            if not write.job.turn.done():
                                write.job.turn.set_exception(busy.cause)
                            if not write.result.done():
                                write.result.set_result(None)
                        elif not write.result.done():
                            write.result.set_exception(busy.cause)
                    return

    def _take(self) -> list[_Write]:
        group: list[_Write] = []
        while self._queue and len(group) < MAX_GROUP:
            write = self._queue.popleft()
            # A write handed over is stored even when its caller stops waiting (a task
            # cancelled at shutdown, say), as a write begun is; only a block whose
            # caller gave up before its turn has nothing left to run.
            if not (isinstance(write.job, _Block) and write.job.turn.cancelled()):
                group.append(write)
        return group

    async def _commit(self, group: list[_Write]) -> None:
        outcomes: list[tuple[bool, Any]] = []
        try:
            start = 0
            while start < len(group):
                job = group[start].job
                if isinstance(job, _Block):
                    if start == 0:
                        await self._thread(sqlite_busy.begin)
                    outcomes.append(await self._lend(job))
                    start += 1
                    continue
                end = start
                while end < len(group) and not isinstance(group[end].job, _Block):
                    end += 1
                jobs = [cast(ThreadJob, w.job) for w in group[start:end]]
                outcomes += await self._thread(_run_jobs, jobs, start == 0, end == len(group))
                start = end
            if isinstance(group[-1].job, _Block):
                await self._thread(_statement, "COMMIT")
        except sqlite_busy.BeginBusy:
            raise  # nothing of the group ran: it is tried again (see _drain)
        except BaseException as exc:
            await asyncio.shield(self._thread(_rollback))
            for write in group:
                if not write.result.done():
                    write.result.set_exception(exc)
            if not isinstance(exc, Exception):
                raise
            return
        for write, (ok, value) in zip(group, outcomes, strict=True):
            if not write.result.done():
                if ok:
                    write.result.set_result(value)
                elif isinstance(write.job, _Block):
                    write.result.set_result(None)  # its caller raised its own error already
                else:
                    write.result.set_exception(value)

    async def _lend(self, block: _Block) -> tuple[bool, Any]:
        """Give an interactive block the connection inside a savepoint of its own."""
        await self._thread(_statement, "SAVEPOINT write")
        if block.turn.cancelled():
            failure: BaseException | None = asyncio.CancelledError()
        else:
            block.turn.set_result(None)
            failure = await block.done
        if failure is None:
            await self._thread(_statement, "RELEASE write")
            return True, None
        await self._thread(_undo_savepoint)
        return False, failure
