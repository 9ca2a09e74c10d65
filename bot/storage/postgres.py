"""The PostgreSQL engine: the SQL storage on an asyncpg driver, for deployments that run
several processes.

Statements arrive with ``?`` placeholders and are rewritten once to ``$1, $2, ...``.
Migrations take a transaction-scoped advisory lock, so processes that start
together apply them once. Every command has a timeout (``DATABASE_COMMAND_TIMEOUT``)
and a lost connection is retried once where that is safe (``pg_outage``). A log is two
round trips on one connection: its reads, then its writes (``pg_trips``).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Any, TypeVar

import asyncpg
from asyncpg.transaction import Transaction

from bot.config import DEFAULT_COMMAND_TIMEOUT
from bot.storage.driver import Executor, ReadMore, Rows, Step, WritePlan
from bot.storage.migrations import Migration, load_migrations
from bot.storage.pg_outage import GRACE_SECONDS, MIGRATION_SECONDS, lost, outage, slow, twice
from bot.storage.pg_trips import read_query, read_rows, write_query
from bot.storage.sql.storage import SqlStorage

_T = TypeVar("_T")
_MIGRATION_LOCK = 73_110_412  # an arbitrary constant shared by every liftcoach process


@lru_cache(maxsize=512)
def to_numbered(sql: str) -> str:
    """Rewrite ``?`` placeholders as ``$n`` (the statements hold no literal question marks)."""
    counter = iter(range(1, 10_000))
    return re.sub(r"\?", lambda _: f"${next(counter)}", sql)


class _Conn:
    """Executor methods over one connection (inside a transaction): errors as they come,
    the transaction around them deals with a lost connection."""

    def __init__(self, target: asyncpg.Connection, timeout: float | None = None) -> None:
        self._target = target
        self._timeout = timeout  # None: the pool's command timeout

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        await self._target.execute(to_numbered(sql), *params, timeout=self._timeout)

    async def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            await self._target.executemany(to_numbered(sql), [tuple(r) for r in rows],
                                           timeout=self._timeout)

    async def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Sequence[Any]]:
        found = await self._target.fetch(to_numbered(sql), *params, timeout=self._timeout)
        return [tuple(r) for r in found]

    async def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Sequence[Any] | None:
        row = await self._target.fetchrow(to_numbered(sql), *params, timeout=self._timeout)
        return None if row is None else tuple(row)

    async def fetchval(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return await self._target.fetchval(to_numbered(sql), *params, timeout=self._timeout)


class _Connection(asyncpg.Connection):  # type: ignore[misc]
    """A pooled connection handed back without asyncpg's reset query (one more round
    trip per use): an open transaction is still rolled back on release, and the bot
    leaves no other session state behind (no session settings, LISTEN, cursors or
    session-level advisory locks)."""

    def get_reset_query(self) -> str:
        return ""


class PostgresDriver:
    """Reads are retried once on a lost connection, and so are transactions that had
    not reached their commit (see :mod:`bot.storage.pg_outage`)."""

    engine = "postgres"

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    @classmethod
    async def connect(
        cls, url: str, *, min_size: int = 1, max_size: int = 10,
        command_timeout: float = DEFAULT_COMMAND_TIMEOUT, **options: Any
    ) -> PostgresDriver:
        """A pool whose every command ends after ``command_timeout`` seconds, on the
        server (``statement_timeout``) and, a moment later, on the client."""
        settings = {**options.pop("server_settings", {}),
                    "statement_timeout": str(int(command_timeout * 1000))}
        pool = await asyncpg.create_pool(
            url, min_size=min_size, max_size=max_size, server_settings=settings,
            command_timeout=command_timeout + GRACE_SECONDS,
            timeout=command_timeout + GRACE_SECONDS,
            connection_class=options.pop("connection_class", _Connection), **options)
        return cls(pool)

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        async with self.transaction() as tx:  # so a lost connection is never a doubt
            await tx.execute(sql, params)

    async def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        async with self.transaction() as tx:
            await tx.executemany(sql, rows)

    async def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Sequence[Any]]:
        return await twice(lambda: self._read(lambda c: c.fetchall(sql, params)), self.pool)

    async def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Sequence[Any] | None:
        return await twice(lambda: self._read(lambda c: c.fetchone(sql, params)), self.pool)

    async def fetchval(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return await twice(lambda: self._read(lambda c: c.fetchval(sql, params)), self.pool)

    async def _read(self, read: Callable[[_Conn], Awaitable[_T]]) -> _T:
        async with self.pool.acquire() as conn:
            return await read(_Conn(conn))

    @asynccontextmanager
    async def transaction(
        self, *, command_seconds: float | None = None
    ) -> AsyncIterator[Executor]:
        """One transaction; its start is retried once on a lost connection (nothing ran
        yet), anything later is an outage (``unsure`` when the commit was under way)."""
        conn, tx = await twice(self._begin, self.pool)
        try:
            async with _committing(tx):
                yield _Conn(conn, command_seconds)
        finally:
            await self.pool.release(conn)

    async def _begin(self) -> tuple[asyncpg.Connection, Transaction]:
        conn = await self.pool.acquire()
        tx = conn.transaction()
        try:
            await tx.start()
        except BaseException:
            await self.pool.release(conn)
            raise
        return conn, tx

    async def batch(
        self, steps: Sequence[Step], *, write: bool = False
    ) -> list[list[Sequence[Any]]]:
        """The steps on one connection (one transaction when ``write``), retried once
        on a lost connection as long as the commit had not begun; reads in one trip."""
        if write:
            async def run() -> list[list[Sequence[Any]]]:
                async with self.transaction() as tx:
                    return await _steps(tx, steps)
        else:
            async def run() -> list[list[Sequence[Any]]]:
                async with self.pool.acquire() as conn:
                    return await _read_trip(conn, steps)
        return await twice(run, self.pool)

    async def read_then_write(
        self, reads: Sequence[Step], plan: WritePlan
    ) -> tuple[Rows, Rows | None]:
        """Reads in one round trip, the plan here, its writes in one more, on the same
        connection (a read that fails on it fails before anything is written, and is
        retried once on a fresh one; a write lost on its way is ``unsure``)."""
        async def run() -> tuple[Rows, Rows | None]:
            async with self.pool.acquire() as conn:
                got = await _read_trip(conn, reads)
                writes = plan(got)
                while isinstance(writes, ReadMore):
                    writes = writes.plan(await _read_trip(conn, writes.reads))
                return got, (await _write_trip(conn, writes) if writes else None)
        return await twice(run, self.pool)

    async def schema_version(self) -> int:
        exists = await self.fetchval("SELECT to_regclass('schema_migrations') IS NOT NULL")
        if not exists:
            return 0
        return int(await self.fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"))

    async def migrate(self, migrations: Sequence[Migration]) -> int:
        """Apply every pending migration in one transaction: all of them or none (with a
        timeout of their own: rewriting a big table takes longer than a command)."""
        async with self.transaction(command_seconds=MIGRATION_SECONDS) as tx:
            await tx.execute("SET LOCAL statement_timeout = 0")
            await tx.execute("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))
            await tx.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ"
                " NOT NULL DEFAULT now())"
            )
            current = int(await tx.fetchval(
                "SELECT COALESCE(MAX(version), 0) FROM schema_migrations") or 0)
            pending = [m for m in migrations if m.version > current]
            for migration in pending:
                for statement in migration.statements:
                    await tx.execute(statement)
                await tx.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                                 (migration.version, migration.name))
        return pending[-1].version if pending else current

    async def close(self) -> None:
        await self.pool.close()


async def _steps(conn: Executor, steps: Sequence[Step]) -> list[list[Sequence[Any]]]:
    out: list[list[Sequence[Any]]] = []
    for step in steps:
        if step.many is not None:
            await conn.executemany(step.sql, step.many)
            out.append([])
        elif step.fetch:
            out.append(list(await conn.fetchall(step.sql, step.params)))
        else:
            await conn.execute(step.sql, step.params)
            out.append([])
    return out



@asynccontextmanager
async def _committing(tx: Transaction) -> AsyncIterator[None]:
    """Commit ``tx`` after the block; roll it back when the block fails; a lost
    connection or a timeout is an outage (``unsure`` once the commit was sent)."""
    committing = False
    try:
        yield
        committing = True
        await tx.commit()
    except BaseException as err:
        if not committing:
            with contextlib.suppress(Exception):
                await tx.rollback()
        if lost(err) or slow(err):
            raise outage(err, unsure=committing) from err
        raise


async def _read_trip(conn: asyncpg.Connection, steps: Sequence[Step]) -> Rows:
    """Plain reads in one statement (one round trip); other steps one by one."""
    combined = read_query(steps)
    if combined is None:
        return await _steps(_Conn(conn), steps)
    sql, params = combined
    row = await conn.fetchrow(to_numbered(sql), *params)
    return read_rows(row)


async def _write_trip(conn: asyncpg.Connection, steps: Sequence[Step]) -> Rows:
    """The writes in one round trip, one implicit transaction; the usual transaction
    when they cannot be sent so. Sent once: lost on the way, it may have been kept."""
    query = write_query(steps)
    if query is None:
        tx = conn.transaction()
        await tx.start()
        async with _committing(tx):
            return await _steps(_Conn(conn), steps)
    try:
        await conn.execute(query)
    except Exception as err:
        if isinstance(err, asyncpg.exceptions.QueryCanceledError):
            raise outage(err) from err  # the server ended it: nothing was kept
        if lost(err) or slow(err):
            raise outage(err, unsure=True) from err
        raise
    return [[] for _ in steps]


class PostgresStorage(SqlStorage):
    driver: PostgresDriver
    # Several processes claim reminders at once: each skips the rows another is
    # claiming this instant instead of waiting for it and leasing them a second time.
    claim_lock = " FOR UPDATE SKIP LOCKED"

    @classmethod
    async def open(
        cls, url: str, migrations: Sequence[Migration] | None = None, **options: Any
    ) -> PostgresStorage:
        driver = await PostgresDriver.connect(url, **options)
        try:
            await driver.migrate(load_migrations("postgres") if migrations is None else migrations)
            storage = cls(driver)
            await storage.finish_interrupted()
        except BaseException:
            await driver.close()
            raise
        return storage

    async def schema_version(self) -> int:
        return await self.driver.schema_version()
