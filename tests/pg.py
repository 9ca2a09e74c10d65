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


async def open_in_schema(url: str, schema: str, **options: object) -> PostgresStorage:
    """A storage with its own connection pool whose tables live in ``schema``."""
    return await PostgresStorage.open(
        url, server_settings={"search_path": schema}, **options  # type: ignore[arg-type]
    )


@asynccontextmanager
async def postgres_storage(**options: object) -> AsyncIterator[PostgresStorage]:
    url = require_postgres()
    async with throwaway_schema(url) as schema:
        store = await open_in_schema(url, schema, **options)
        try:
            yield store
        finally:
            await store.close()


@asynccontextmanager
async def shared_postgres_storages(
    count: int = 2, **options: object
) -> AsyncIterator[list[PostgresStorage]]:
    """``count`` storages on ONE throwaway schema, each with its own pool: the way
    several bot processes share one database."""
    url = require_postgres()
    async with throwaway_schema(url) as schema:
        stores: list[PostgresStorage] = []
        try:
            for _ in range(count):  # one after another: the first applies the migrations
                stores.append(await open_in_schema(url, schema, **options))
            yield stores
        finally:
            for store in stores:
                await store.close()
