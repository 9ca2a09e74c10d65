"""Group commit on SQLite: writes that arrive while a commit is in flight share the next
transaction, each in its own savepoint; none returns before its data is on disk."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from bot.storage.driver import Rows, Step
from bot.storage.sqlite import SQLiteDriver

INSERT = "INSERT INTO t (k, v) VALUES (?, ?)"


@pytest.fixture
async def driver(tmp_path: Path) -> AsyncIterator[SQLiteDriver]:
    d = await SQLiteDriver.connect(tmp_path / "g.db")
    await d.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)")
    yield d
    await d.close()


async def commits_of(driver: SQLiteDriver) -> list[str]:
    """Every COMMIT the connection runs from now on (traced in its own thread)."""
    seen: list[str] = []

    def trace(raw: sqlite3.Connection) -> None:
        raw.set_trace_callback(lambda sql: seen.append(sql) if sql == "COMMIT" else None)

    await driver._conn._execute(trace, driver._conn._conn)
    return seen


def on_disk(path: Path) -> dict[int, str]:
    """What another connection reads: only committed rows."""
    other = sqlite3.connect(path)
    try:
        return {k: v for k, v in other.execute("SELECT k, v FROM t")}
    finally:
        other.close()


def slow_plan(seconds: float, steps: Sequence[Step]) -> Any:
    def plan(_: Rows) -> Sequence[Step]:
        time.sleep(seconds)  # runs in the connection's thread: the commit stays in flight
        return steps
    return plan


async def in_flight(driver: SQLiteDriver, k: int) -> asyncio.Task[Any]:
    """A write that holds its transaction open for a while; returns once it started."""
    task = asyncio.create_task(driver.read_then_write(
        [], slow_plan(0.3, [Step(INSERT, (k, "first"))])))
    for _ in range(20):
        await asyncio.sleep(0.01)
    return task


async def test_writes_arriving_during_a_commit_go_together_in_the_next(
    driver: SQLiteDriver,
) -> None:
    commits = await commits_of(driver)
    first = await in_flight(driver, 0)
    rest = [driver.batch([Step(INSERT, (k, f"v{k}"))], write=True) for k in range(1, 51)]
    await asyncio.gather(first, *rest)
    assert len(commits) == 2  # the first alone, the fifty that queued behind it together
    assert len(await driver.fetchall("SELECT k FROM t")) == 51


async def test_a_lone_write_waits_for_nothing(driver: SQLiteDriver) -> None:
    commits = await commits_of(driver)
    for k in range(5):
        await driver.batch([Step(INSERT, (k, "x"))], write=True)
        assert len(commits) == k + 1  # committed before it returned, one by one


async def test_one_bad_write_does_not_take_its_group_down(
    driver: SQLiteDriver, tmp_path: Path
) -> None:
    await driver.batch([Step(INSERT, (7, "taken"))], write=True)
    commits = await commits_of(driver)
    first = await in_flight(driver, 0)

    def broken(_: Rows) -> Sequence[Step]:
        raise ValueError("a plan that fails")

    group = [
        driver.batch([Step(INSERT, (1, "a"))], write=True),
        # a statement stored, then a constraint fails: neither is kept
        driver.batch([Step(INSERT, (2, "b")), Step(INSERT, (7, "clash"))], write=True),
        driver.read_then_write([], broken),
        driver.batch([Step(INSERT, (3, "c"))], write=True),
    ]
    got = await asyncio.gather(first, *group, return_exceptions=True)
    assert isinstance(got[2], sqlite3.IntegrityError)
    assert isinstance(got[3], ValueError)
    assert not isinstance(got[1], BaseException) and not isinstance(got[4], BaseException)
    assert len(commits) == 2
    assert on_disk(tmp_path / "g.db") == {0: "first", 1: "a", 3: "c", 7: "taken"}


async def test_writes_run_in_the_order_they_arrived_each_seeing_those_before(
    driver: SQLiteDriver,
) -> None:
    first = await in_flight(driver, 0)
    seen: list[int] = []

    def next_one(label: str) -> Any:
        def plan(rows: Rows) -> Sequence[Step]:
            count = int(rows[0][0][0])
            seen.append(count)
            return [Step(INSERT, (count, label))]
        return plan

    labels = [f"w{i}" for i in range(30)]
    await asyncio.gather(first, *(
        driver.read_then_write([Step("SELECT COUNT(*) FROM t", fetch=True)], next_one(label))
        for label in labels))
    assert seen == list(range(1, 31))
    rows = await driver.fetchall("SELECT k, v FROM t WHERE k > 0 ORDER BY k")
    assert [r[1] for r in rows] == labels


async def test_no_write_returns_before_its_group_is_on_disk(
    driver: SQLiteDriver, tmp_path: Path
) -> None:
    first = await in_flight(driver, 0)
    path = tmp_path / "g.db"

    async def write_then_look(k: int) -> bool:
        await driver.batch([Step(INSERT, (k, "x"))], write=True)
        return k in on_disk(path)  # another connection sees it: it was committed

    assert all(await asyncio.gather(*(write_then_look(k) for k in range(1, 41))))
    await first


async def test_a_failed_commit_stores_none_of_its_group_and_tells_each(
    driver: SQLiteDriver, tmp_path: Path
) -> None:
    # A deferred foreign key is checked only at COMMIT: the whole transaction fails there.
    await driver.execute("CREATE TABLE child (p INTEGER REFERENCES t (k)"
                         " DEFERRABLE INITIALLY DEFERRED)")
    first = await in_flight(driver, 0)
    group = [driver.batch([Step(INSERT, (1, "a"))], write=True),
             driver.batch([Step("INSERT INTO child (p) VALUES (999)")], write=True),
             driver.batch([Step(INSERT, (2, "b"))], write=True)]
    got = await asyncio.gather(first, *group, return_exceptions=True)
    assert not isinstance(got[0], BaseException)
    assert all(isinstance(g, sqlite3.IntegrityError) for g in got[1:])
    assert on_disk(tmp_path / "g.db") == {0: "first"}
    await driver.batch([Step(INSERT, (3, "after"))], write=True)  # the next group works
    assert on_disk(tmp_path / "g.db") == {0: "first", 3: "after"}


async def test_an_interactive_block_shares_a_group_and_fails_alone(
    driver: SQLiteDriver, tmp_path: Path
) -> None:
    commits = await commits_of(driver)
    first = await in_flight(driver, 0)

    async def good() -> None:
        async with driver.transaction() as tx:
            await tx.execute(INSERT, (10, "block"))
            assert await tx.fetchval("SELECT v FROM t WHERE k = 10") == "block"

    async def bad() -> None:
        async with driver.transaction() as tx:
            await tx.execute(INSERT, (11, "gone"))
            raise RuntimeError("the block changed its mind")

    got = await asyncio.gather(
        first, driver.batch([Step(INSERT, (1, "a"))], write=True), good(), bad(),
        driver.batch([Step(INSERT, (2, "b"))], write=True), return_exceptions=True)
    assert isinstance(got[3], RuntimeError)
    assert len(commits) == 2
    assert on_disk(tmp_path / "g.db") == {0: "first", 1: "a", 2: "b", 10: "block"}


async def test_a_write_is_stored_even_when_its_caller_stops_waiting(
    driver: SQLiteDriver, tmp_path: Path
) -> None:
    """As a write handed to the database before: a task cancelled at shutdown (a record
    of a reminder sent, say) does not lose what it had asked to store."""
    first = await in_flight(driver, 0)
    gave_up = asyncio.create_task(driver.batch([Step(INSERT, (1, "stored"))], write=True))
    await asyncio.sleep(0)
    gave_up.cancel()
    await first
    await driver.batch([Step(INSERT, (2, "next"))], write=True)
    assert gave_up.cancelled()
    assert on_disk(tmp_path / "g.db") == {0: "first", 1: "stored", 2: "next"}


async def test_a_block_given_up_before_its_turn_is_not_run(
    driver: SQLiteDriver, tmp_path: Path
) -> None:
    first = await in_flight(driver, 0)

    async def block() -> None:
        async with driver.transaction() as tx:
            await tx.execute(INSERT, (1, "never"))

    gave_up = asyncio.create_task(block())
    kept = asyncio.create_task(driver.batch([Step(INSERT, (2, "kept"))], write=True))
    await asyncio.sleep(0)
    gave_up.cancel()
    await asyncio.gather(first, kept)
    assert on_disk(tmp_path / "g.db") == {0: "first", 2: "kept"}
