"""Imports staged, then published in batches, on every engine: others log between the
batches, the leaderboard rows come out as a log's would, and a crash mid-way ends with
the whole import stored (or, before Confirm, none of it).

Before: one transaction stored a whole confirmed file, with the row triggers redoing a
day's figures for every set (PostgreSQL), while the preview kept the entire file as
one document of up to 46 MB, five per lifter.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.storage.contract import Published, Storage
from bot.storage.sql import staged_imports
from bot.storage.sql.bulk import BATCH_ENTRIES
from tests.helpers import Crash
from tests.storage.bulk import (
    DAY,
    ENGINES,
    NOW,
    alongside,
    entries_of,
    one_log,
    reopenable,
    same_day,
)

MANY = 6_000


async def _stage(storage: Storage, count: int, user: str = "big") -> int:
    return await storage.stage_import(user, "g1", '{"v": 0}', same_day(count), NOW,
                                      NOW - timedelta(days=1))


async def _derived(storage: Storage, user: str) -> tuple[list[Any], list[Any]]:
    driver: Any = storage.driver  # type: ignore[attr-defined]
    await storage.catch_up_boards()
    days = await driver.fetchall("SELECT guild_id, local_date FROM board_days WHERE user_id = ?",
                                 (user,))
    counts = await driver.fetchall(
        "SELECT local_date, short, judged, hard_sessions, sessions FROM discipline_days"
        " WHERE user_id = ?", (user,))
    return sorted(tuple(r) for r in days), sorted(tuple(r) for r in counts)


@ENGINES
async def test_a_big_import_is_published_in_batches_others_logging_between(
    engine: str, tmp_path: Path
) -> None:
    async with reopenable(engine, tmp_path) as open_storage:
        storage = await open_storage()
        try:
            await storage.add_entries("neighbour", "g1", [one_log(-1)], NOW)
            pending = await _stage(storage, MANY)
            assert await entries_of(storage, "big") == 0  # staged: not history yet
            done, neighbour, start, end = await alongside(
                storage, lambda: storage.publish_import("big", pending, NOW))
            assert done == Published(MANY, 2 * MANY)
            assert neighbour.during(start, end) >= 5, neighbour.finished
            assert await storage.pending_import("big", pending) is None
            assert await storage.user_data_counts("big") == {
                "entries": MANY, "sets": 2 * MANY, "guild_members": 1, "board_days": 1,
                "board_stamps": 1, "discipline_days": 1}
        finally:
            await storage.close()


async def test_published_entries_give_the_leaderboard_rows_a_log_gives(
    storage: Storage,
) -> None:
    # Three days, their entries spread over many batches.
    moved = [replace(e, local_date=DAY - timedelta(days=i % 3))
             for i, e in enumerate(same_day(450))]
    pending = await storage.stage_import("imported", "g1", "{}", moved, NOW,
                                         NOW - timedelta(days=1))
    assert await storage.publish_import("imported", pending, NOW) == Published(450, 900)
    for start in range(0, len(moved), 100):  # the same entries, logged
        await storage.add_entries("logged", "g1", moved[start:start + 100], NOW)
    assert await _derived(storage, "imported") == await _derived(storage, "logged")
    days, counts = await _derived(storage, "imported")
    assert len(days) == 3 and len(counts) == 3


@ENGINES
async def test_a_crash_mid_publish_is_finished_at_the_next_start(
    engine: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with reopenable(engine, tmp_path) as open_storage:
        storage = await open_storage()
        pending = await _stage(storage, MANY)
        real = staged_imports._publish_steps
        calls = 0

        def dies_midway(*args: Any) -> Any:
            nonlocal calls
            calls += 1
            if calls == 8:
                raise Crash
            return real(*args)

        monkeypatch.setattr(staged_imports, "_publish_steps", dies_midway)
        with pytest.raises(Crash):
            await storage.publish_import("big", pending, NOW)
        assert await entries_of(storage, "big") == 7 * BATCH_ENTRIES  # whole batches only
        await storage.close()
        monkeypatch.undo()

        restarted = await open_storage()  # Confirm was pressed: the start-up finishes it
        try:
            assert await entries_of(restarted, "big") == MANY
            counts = await restarted.user_data_counts("big")
            assert counts["sets"] == 2 * MANY and "import_entries" not in counts
            assert "pending_imports" not in counts
            assert await restarted.publish_import("big", pending, NOW) is None
        finally:
            await restarted.close()


@ENGINES
async def test_a_crash_while_a_preview_is_kept_leaves_nothing_to_confirm(
    engine: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with reopenable(engine, tmp_path) as open_storage:
        storage = await open_storage()
        real = storage.driver.batch  # type: ignore[attr-defined]
        calls = 0

        async def dies_midway(*args: Any, **kwargs: Any) -> Any:
            nonlocal calls
            calls += 1
            if calls == 4:
                raise Crash
            return await real(*args, **kwargs)

        monkeypatch.setattr(storage.driver, "batch", dies_midway)  # type: ignore[attr-defined]
        with pytest.raises(Crash):
            await _stage(storage, 2_000)
        await storage.close()

        restarted = await open_storage()
        try:
            assert await restarted.pending_import("big", None) is None
            later = NOW + timedelta(days=2)  # the next preview sweeps the cut-short one
            await restarted.stage_import("big", "g1", "{}", same_day(3), later,
                                         later - timedelta(days=1))
            counts = await restarted.user_data_counts("big")
            assert counts == {"pending_imports": 1, "import_entries": 3, "import_sets": 6}
        finally:
            await restarted.close()
