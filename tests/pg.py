"""Throwaway PostgreSQL schemas for tests.

The PostgreSQL leg runs when TEST_DATABASE_URL is set (``.ci/run`` always sets it)
and is skipped otherwise; under CI a missing URL is an error, never a skip.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
import pytest

from bot.storage.postgres import PostgresStorage


def postgres_url() -> str | None:
    url = os.environ.get("TEST_DATABASE_URL", "").strip() or None
    if url is None and os.environ.get("CI"):
        pytest.fail("TEST_DATABASE_URL must be set under CI: .ci/run starts PostgreSQL")
    return url


def require_postgres() -> str:
    url = postgres_url()
    if url is None:
        pytest.skip("TEST_DATABASE_URL is not set: PostgreSQL leg skipped")
    return url


@asynccontextmanager
async def throwaway_schema(url: str) -> AsyncIterator[str]:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(url)
    try:
        await admin.execute(f"CREATE SCHEMA {schema}")
        yield schema
    finally:
        await admin.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        await admin.close()


@asynccontextmanager
async def postgres_storage(**options: object) -> AsyncIterator[PostgresStorage]:
    url = require_postgres()
    async with throwaway_schema(url) as schema:
        store = await PostgresStorage.open(
            url, server_settings={"search_path": schema}, **options  # type: ignore[arg-type]
        )
        try:
            yield store
        finally:
            await store.close()
