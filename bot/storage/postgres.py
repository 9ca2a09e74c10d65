"""The PostgreSQL engine: the SQL storage on an asyncpg driver, for deployments that run
several processes.

Statements arrive with ``?`` placeholders and are rewritten once to ``$1, $2, ...``.
Migrations take a transaction-scoped advisory lock, so processes that start
together apply them once.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Any

import asyncpg

from bot.storage.driver import Executor, Rows, Step, WritePlan
from bot.storage.migrations import Migration, load_migrations
from bot.storage.sql.storage import SqlStorage

_MIGRATION_LOCK = 73_110_412  # an arbitrary constant shared by every liftcoach process


@asynccontextmanager
async def _no_transaction() -> AsyncIterator[None]:
    yield


@lru_cache(maxsize=512)
def to_numbered(sql: str) -> str:
    """Rewrite ``?`` placeholders as ``$n`` (the statements hold no literal question marks)."""
    counter = iter(range(1, 10_000))
    return re.sub(r"\?", lambda _: f"${next(counter)}", sql)


class _Conn:
    """Executor methods over a pool or a single connection."""

    def __init__(self, target: asyncpg.Pool | asyncpg.Connection) -> None:
        self._target = target

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        await self._target.execute(to_numbered(sql), *params)

    async def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            await self._target.executemany(to_numbered(sql), [tuple(r) for r in rows])

    async def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Sequence[Any]]:
        return [tuple(r) for r in await self._target.fetch(to_numbered(sql), *params)]

    async def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Sequence[Any] | None:
        row = await self._target.fetchrow(to_numbered(sql), *params)
        return None if row is None else tuple(row)

    async def fetchval(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return await self._target.fetchval(to_numbered(sql), *params)


class PostgresDriver(_Conn):
    engine = "postgres"

    def __init__(self, pool: asyncpg.Pool) -> None:
        super().__init__(pool)
        self.pool = pool

    @classmethod
    async def connect(
        cls, url: str, *, min_size: int = 1, max_size: int = 10, **options: Any
    ) -> PostgresDriver:
        pool = await asyncpg.create_pool(url, min_size=min_size, max_size=max_size, **options)
        return cls(pool)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Executor]:
        async with self.pool.acquire() as conn, conn.transaction():
            yield _Conn(conn)

    async def batch(
        self, steps: Sequence[Step], *, write: bool = False
    ) -> list[list[Sequence[Any]]]:
        out: list[list[Sequence[Any]]] = []
        async with (
            self.pool.acquire() as conn,
            conn.transaction() if write else _no_transaction(),
        ):
            for step in steps:
                sql = to_numbered(step.sql)
                if step.many is not None:
                    if step.many:
                        await conn.executemany(sql, [tuple(r) for r in step.many])
                    out.append([])
                elif step.fetch:
                    out.append([tuple(r) for r in await conn.fetch(sql, *step.params)])
                else:
                    await conn.execute(sql, *step.params)
                    out.append([])
        return out

    async def read_then_write(
        self, reads: Sequence[Step], plan: WritePlan
    ) -> tuple[Rows, Rows | None]:
        got = await self.batch(reads)
        writes = plan(got)
        return got, (await self.batch(writes, write=True) if writes else None)

    async def schema_version(self) -> int:
        exists = await self.fetchval("SELECT to_regclass('schema_migrations') IS NOT NULL")
        if not exists:
            return 0
        return int(await self.fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"))

    async def migrate(self, migrations: Sequence[Migration]) -> int:
        """Apply every pending migration in one transaction: all of them or none."""
        async with self.transaction() as tx:
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
