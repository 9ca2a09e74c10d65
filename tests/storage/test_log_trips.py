"""A log costs one trip to the database: one to the SQLite thread; on PostgreSQL one
round trip for its reads and one for its writes, on one connection. Sent so, it stores
and answers exactly what the statements sent one by one did."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.coach import Coach
from bot.storage import postgres
from bot.storage.contract import Storage
from bot.storage.driver import Rows, Step, StorageOutage
from bot.storage.migrations import load_migrations
from bot.storage.postgres import PostgresStorage
from bot.storage.sqlite import SQLiteStorage
from tests.helpers import (
    FakeClock,
    open_in_schema,
    postgres_storage,
    require_postgres,
    throwaway_schema,
)
from tests.storage.proxy import relayed

LOGS = (
    "squat 5x5 @100kg rir2",
    "bench 3x8 @80kg rir1; leg extension 3x12 f",
    "o'neil \\ press 3x10 rir2",
    "squat 3x5 @102.5kg rir1 it's a \\n heavy day",
    "bench press 3x8 @185lb rir2",
)
TABLES = (
    "SELECT entry_id, exercise_key, exercise_name, tier, performed_at, local_date, note, pr,"
    " source, session_id, log_id FROM entries ORDER BY entry_id",
    "SELECT * FROM sets ORDER BY entry_id, position",
    "SELECT user_id, key, name, tier FROM custom_exercises ORDER BY key",
    "SELECT user_id, unit, unit_chosen, unit_asked FROM users ORDER BY user_id",
    "SELECT guild_id, user_id, last_logged_at FROM guild_members ORDER BY user_id",
    "SELECT * FROM lift_recalls ORDER BY 1, 2, 3",
    "SELECT * FROM board_days ORDER BY 1, 2, 3",
    "SELECT * FROM discipline_days ORDER BY 1, 2",
)


class _Counting(postgres._Connection):
    """Counts every message to the server that waits for its answer."""

    trips = 0

    async def execute(self, query: str, *args: Any, **options: Any) -> str:
        if not args:  # otherwise it goes through _execute, counted there
            _Counting.trips += 1
        result: str = await super().execute(query, *args, **options)
        return result

    async def _execute(self, *args: Any, **kwargs: Any) -> Any:
        _Counting.trips += 1
        return await super()._execute(*args, **kwargs)

    async def _executemany(self, *args: Any, **kwargs: Any) -> Any:
        _Counting.trips += 1
        return await super()._executemany(*args, **kwargs)


def _coach(storage: Storage) -> Coach:
    return Coach(storage, FakeClock(datetime(2026, 11, 26, 18, 0, tzinfo=UTC)))


async def test_a_postgresql_log_is_one_round_trip_to_read_and_one_to_write() -> None:
    async with postgres_storage(connection_class=_Counting, max_size=1) as pg:
        coach = _coach(pg)
        for text in LOGS[:2]:  # each statement is prepared once per connection
            assert (await coach.logbook.log("u1", "g1", text)).saved
        for text in LOGS[:2]:
            _Counting.trips = 0
            assert (await coach.logbook.log("u1", "g1", text)).saved
            assert _Counting.trips == 2


async def test_a_sqlite_log_is_one_trip_to_the_database_thread(tmp_path: Path) -> None:
    store = await SQLiteStorage.open(tmp_path / "t.db")
    trips = 0
    conn = store.driver._conn
    through = conn._execute

    async def counted(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        nonlocal trips
        trips += 1
        return await through(fn, *args, **kwargs)

    try:
        coach = _coach(store)
        assert (await coach.logbook.log("u1", "g1", LOGS[0])).saved
        conn._execute = counted  # type: ignore[method-assign]
        assert (await coach.logbook.log("u1", "g1", LOGS[1])).saved
        assert trips == 1
    finally:
        conn._execute = through  # type: ignore[method-assign]
        await store.close()


@asynccontextmanager
async def _step_by_step(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[None]:
    """The PostgreSQL driver as it was: every statement its own round trip."""
    with monkeypatch.context() as patched:
        patched.setattr(postgres, "read_query", lambda steps: None)
        patched.setattr(postgres, "write_query", lambda steps: None)
        yield


async def _replies_and_rows(store: PostgresStorage) -> tuple[list[Any], list[Any]]:
    coach = _coach(store)
    replies = []
    for user in ("u1", "u2"):
        for text in LOGS:
            reply = await coach.logbook.log(user, "g1", text)
            replies.append((reply.title, reply.lines, reply.rule_ids, reply.saved,
                            len(reply.choices)))
        replies.append((await coach.logbook.history(user)).lines)
    rows = [await store.driver.fetchall(sql) for sql in TABLES]
    return replies, _renumbered(rows)


def _renumbered(tables: list[Any]) -> list[Any]:
    """Ids (from the wall clock and a counter) as the order they first appear in."""
    ids: dict[int, int] = {}

    def plain(value: Any) -> Any:
        if isinstance(value, int) and value > 1 << 50:
            return ids.setdefault(value, len(ids))
        if isinstance(value, str):  # a kept recall names its entries in its text
            return re.sub(r"\d{16,}", lambda m: f"#{plain(int(m[0]))}", value)
        return value

    return [[tuple(plain(v) for v in row) for row in rows] for rows in tables]


async def test_postgresql_logs_in_two_trips_store_and_answer_as_step_by_step(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with postgres_storage() as merged:
        now = await _replies_and_rows(merged)
    # As before: every statement on its own, the sets' triggers row by row (before 017).
    older = [m for m in load_migrations("postgres") if m.version < 17]
    async with _step_by_step(monkeypatch), postgres_storage(migrations=older) as plain:
        before = await _replies_and_rows(plain)
    assert now[0] == before[0]
    assert now[1] == before[1]
    assert ("u1", "oneil-press", "o'neil press") in [row[:3] for row in now[1][2]]
    assert "it's a \\n heavy day" in [row[6] for row in now[1][0]]



async def test_a_log_read_on_a_lost_connection_is_retried_and_a_lost_write_is_unsure() -> None:
    url = require_postgres()
    async with throwaway_schema(url) as schema, relayed(url) as (relay, through):
        store = await open_in_schema(through, schema, max_size=1)
        try:
            coach = _coach(store)
            assert (await coach.logbook.log("u1", "g1", LOGS[0])).saved
            relay.cut()  # the pool's connection is gone before the next log reads
            assert (await coach.logbook.log("u1", "g1", LOGS[1])).saved
            await store.driver.execute("CREATE TABLE lost (x INTEGER)")

            def cut_then_write(_: Rows) -> list[Step]:
                relay.cut()  # gone between the read and the write: was it kept?
                return [Step("INSERT INTO lost VALUES (1)")]

            with pytest.raises(StorageOutage) as raised:
                await store.driver.read_then_write([Step("SELECT 1", fetch=True)],
                                                   cut_then_write)
            assert raised.value.unsure  # never sent twice: the lifter is told to check
            assert await store.driver.fetchval("SELECT count(*) FROM lost") == 0
            assert len((await coach.logbook.history("u1")).lines) == 4
        finally:
            relay.cut()
            await store.close()
