"""PostgreSQL that does not answer: every command ends at DATABASE_COMMAND_TIMEOUT, on the
server too; a connection lost under a command is retried once on a fresh one; past
that, the storage says "outage" (the edges answer "try again") and recovers when the
server is back."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
import pytest

from bot.storage.driver import Step, StorageOutage
from bot.storage.postgres import PostgresStorage
from tests.helpers import open_in_schema, require_postgres, throwaway_schema
from tests.storage.proxy import Relay, relayed


@asynccontextmanager
async def through_relay(**options: object) -> AsyncIterator[tuple[PostgresStorage, Relay, str]]:
    url = require_postgres()
    async with throwaway_schema(url) as schema, relayed(url) as (relay, through):
        store = await open_in_schema(through, schema, **options)
        try:
            yield store, relay, url
        finally:
            relay.silent = relay.refusing = False
            relay.cut()
            await store.close()


async def _running(url: str, text: str) -> list[int]:
    admin = await asyncpg.connect(url)
    try:
        rows = await admin.fetch(
            "SELECT pid FROM pg_stat_activity WHERE state = 'active' AND query LIKE $1 "
            "AND pid <> pg_backend_pid()", f"%{text}%")
    finally:
        await admin.close()
    return [r["pid"] for r in rows]


async def test_a_slow_command_ends_at_its_timeout_on_the_server_too() -> None:
    async with through_relay(command_timeout=1) as (store, _, url):
        started = time.monotonic()
        with pytest.raises(StorageOutage, match="did not answer in time"):
            await store.driver.fetchval("SELECT 1 FROM pg_sleep(4.25)")
        with pytest.raises(StorageOutage):
            await store.driver.batch([Step("SELECT 1 FROM pg_sleep(4.5)")], write=True)
        assert time.monotonic() - started < 4  # two commands, each ended after about 1 s
        assert await _running(url, "pg_sleep(4.") == []  # the server stopped them as well
        assert await store.driver.fetchval("SELECT 7") == 7


async def test_a_silent_network_ends_the_command_at_its_timeout() -> None:
    async with through_relay(command_timeout=1) as (store, relay, _):
        assert await store.driver.fetchval("SELECT 1") == 1
        relay.silent = True
        started = time.monotonic()
        with pytest.raises(StorageOutage):
            await store.driver.fetchval("SELECT 2")
        assert time.monotonic() - started < 5
        relay.silent = False
        relay.cut()  # the connection that went silent is given up
        assert await store.driver.fetchval("SELECT 3") == 3


async def _cut_after(relay: Relay, seconds: float) -> None:
    await asyncio.sleep(seconds)
    relay.cut()


async def test_a_connection_lost_under_a_read_or_a_write_is_retried_once() -> None:
    async with through_relay() as (store, relay, _):
        cut = asyncio.create_task(_cut_after(relay, 0.3))
        assert await store.driver.fetchval("SELECT 42 FROM pg_sleep(1)") == 42
        await cut
        await store.driver.execute("CREATE TABLE lost (x INTEGER)")
        cut = asyncio.create_task(_cut_after(relay, 0.3))
        await store.driver.batch([Step("INSERT INTO lost VALUES (1)"),
                                  Step("SELECT 1 FROM pg_sleep(1)")], write=True)
        await cut
        assert await store.driver.fetchval("SELECT count(*) FROM lost") == 1  # not twice


async def test_a_server_that_stays_away_is_an_outage_and_then_it_recovers() -> None:
    async with through_relay(command_timeout=2) as (store, relay, _):
        relay.refusing = True
        cut = asyncio.create_task(_cut_after(relay, 0.3))
        with pytest.raises(StorageOutage, match="lost its connection"):
            await store.driver.fetchval("SELECT 1 FROM pg_sleep(1)")
        await cut
        with pytest.raises(StorageOutage):
            async with store.driver.transaction() as tx:
                await tx.execute("SELECT 1")
        relay.refusing = False
        assert await store.driver.fetchval("SELECT 5") == 5
