"""aiosqlite behind the driver interface: one connection, WAL, foreign keys, full sync.

Transactions are serialised by a lock so coroutines sharing the connection never
interleave statements; reads outside a transaction see committed data only.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

import aiosqlite

from bot.storage.base import ts
from bot.storage.driver import Executor
from bot.storage.migrations import Migration


def _param(value: Any) -> Any:
    if isinstance(value, datetime):
        return ts(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _params(params: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(_param(p) for p in params)


class _Conn:
    """Executor methods over an aiosqlite connection."""

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        await self._conn.execute(sql, _params(params))

    async def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        await self._conn.executemany(sql, [_params(r) for r in rows])

    async def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Sequence[Any]]:
        async with self._conn.execute(sql, _params(params)) as cur:
            return list(await cur.fetchall())

    async def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Sequence[Any] | None:
        async with self._conn.execute(sql, _params(params)) as cur:
            row = await cur.fetchone()
        return None if row is None else tuple(row)

    async def fetchval(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = await self.fetchone(sql, params)
        return None if row is None else row[0]


class SQLiteDriver(_Conn):
    engine = "sqlite"

    def __init__(self, conn: aiosqlite.Connection) -> None:
        super().__init__(conn)
        self._lock = asyncio.Lock()

    @classmethod
    async def connect(cls, path: str | Path) -> SQLiteDriver:
        conn = await aiosqlite.connect(str(path), isolation_level=None)
        try:
            await conn.execute("PRAGMA journal_mode=WAL")
            await conn.execute("PRAGMA synchronous=FULL")
            await conn.execute("PRAGMA foreign_keys=ON")
            await conn.execute("PRAGMA busy_timeout=5000")
        except BaseException:
            await conn.close()
            raise
        return cls(conn)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Executor]:
        async with self._lock:
            await self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                await self._conn.execute("ROLLBACK")
                raise
            await self._conn.execute("COMMIT")

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
        await self._conn.close()
