"""A scratch PostgreSQL schema for a benchmark run, dropped afterwards."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg

from bot.storage.postgres import PostgresStorage


@asynccontextmanager
async def scratch_postgres(url: str) -> AsyncIterator[PostgresStorage]:
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(url)
    await admin.execute(f"CREATE SCHEMA {schema}")
    try:
        store = await PostgresStorage.open(url, server_settings={"search_path": schema})
        try:
            yield store
        finally:
            await store.close()
    finally:
        await admin.execute(f"DROP SCHEMA {schema} CASCADE")
        await admin.close()
