"""/forget-me on every engine: erased in short batches, others go between, all or nothing.

Before: one transaction deleted everything, and the delete triggers recomputed the day
for every row (8,000 entries of one day: 13.5 s on SQLite, 102 s on PostgreSQL, with
every other lifter's log waiting the whole time).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from bot.storage.contract import Storage
from bot.storage.sql import erasure
from bot.storage.sql.bulk import BATCH_ENTRIES
from tests.helpers import Crash, import_now
from tests.storage.bulk import (
    ENGINES,
    NOW,
    alongside,
    entries_of,
    one_log,
    reopenable,
    same_day,
)

BIG = 8_000


async def _big_lifter(storage: Storage) -> None:
    await storage.add_entries("neighbour", "g1", [one_log(-1)], NOW)
    await import_now(storage, "big", "g1", same_day(BIG), NOW)


@ENGINES
async def test_erasing_a_day_of_8000_entries_lets_another_lifter_log_between_batches(
    engine: str, tmp_path: Path
) -> None:
    async with reopenable(engine, tmp_path) as open_storage:
        storage = await open_storage()
        try:
            await _big_lifter(storage)
            seen: list[int] = []

            async def erase_and_watch() -> dict[str, int]:
                task = asyncio.ensure_future(storage.forget_user("big"))
                while not task.done():  # what any other reader sees meanwhile
                    seen.append(await entries_of(storage, "big"))
                    await asyncio.sleep(0.005)
                return await task

            counts, neighbour, start, end = await alongside(storage, erase_and_watch)
            assert counts["entries"] == BIG and counts["sets"] == 2 * BIG
            assert await entries_of(storage, "big") == 0
            # Committed step by step, a whole batch of entries at a time...
            between = sorted({n for n in seen if 0 < n < BIG}, reverse=True)
            assert len(between) >= 5, seen
            assert all((BIG - n) % BATCH_ENTRIES == 0 for n in between), between
            # ...and the neighbour's logs were stored between them, not after them all.
            assert neighbour.during(start, end) >= 5, neighbour.finished
            assert await entries_of(storage, "neighbour") == 1 + len(neighbour.finished)
        finally:
            await storage.close()


@ENGINES
async def test_a_crash_mid_erasure_is_finished_at_the_next_start(
    engine: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with reopenable(engine, tmp_path) as open_storage:
        storage = await open_storage()
        await _big_lifter(storage)
        await storage.set_board_opt_out("g2", "big", True, NOW)
        members_before = await storage.board_members("g1")
        batches = 0
        real = erasure._erase_batch

        async def dies_midway(driver: Any, user_id: str, target: Any) -> dict[str, int]:
            nonlocal batches
            batches += target.table == "entries"
            if batches == 6:
                raise Crash  # the process dies: nothing after this runs
            return await real(driver, user_id, target)

        monkeypatch.setattr(erasure, "_erase_batch", dies_midway)
        with pytest.raises(Crash):
            await storage.forget_user("big")
        half = await entries_of(storage, "big")
        assert 0 < half < BIG  # the crash came mid-way
        # Already off every board: no other lifter sees any of theirs.
        assert await storage.board_members("g1") == members_before - {"big"}
        data = await storage.board_data("g1", None, NOW.date())
        assert {u for u, _ in data.days} == {"neighbour"}
        assert not [r for r in await storage.board_discipline("g1", None, NOW.date())
                    if r.user_id == "big"]
        await storage.close()
        monkeypatch.setattr(erasure, "_erase_batch", real)

        restarted = await open_storage()  # the start-up finishes the erasure
        try:
            assert await restarted.user_data_counts("big") == {}
            assert await entries_of(restarted, "neighbour") == 1
            assert await restarted.board_members("g1") == {"neighbour"}
            assert (await restarted.forget_user("big")) == {}
        finally:
            await restarted.close()


@ENGINES
async def test_a_crash_before_the_first_step_erases_nothing(
    engine: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with reopenable(engine, tmp_path) as open_storage:
        storage = await open_storage()
        await import_now(storage, "big", "g1", same_day(50), NOW)
        before = await storage.user_data_counts("big")

        async def dies(*args: Any) -> dict[str, int]:
            raise Crash

        monkeypatch.setattr(erasure, "_leave_boards", dies)
        with pytest.raises(Crash):
            await storage.forget_user("big")
        await storage.close()
        monkeypatch.undo()
        restarted = await open_storage()
        try:
            assert await restarted.user_data_counts("big") == before
            assert await restarted.board_members("g1") == {"big"}
        finally:
            await restarted.close()


async def test_the_counts_before_erasure_are_read_in_short_reads(storage: Storage) -> None:
    """What /forget-me would erase is counted a page of entries at a time (a count of
    every set at once held the database for half a second with two million sets)."""
    await import_now(storage, "big", "g1", same_day(4_500), NOW)
    counts = await storage.user_data_counts("big")
    assert counts["entries"] == 4_500 and counts["sets"] == 9_000
    assert counts["board_days"] == 1 and counts["discipline_days"] == 1
    assert await storage.forget_user("big") == counts
