"""On SQLite a process folds the board queue inside one log's own transaction every
``FOLD_EVERY`` logs: a board view then finds few logs to fold however long ago the
upkeep task ran, and what it shows is the same as a fold at view time."""

from __future__ import annotations

from pathlib import Path

from bot.coach import Coach
from bot.console.render import render_text
from bot.storage.sql.boards import FOLD_EVERY
from bot.storage.sqlite import SQLiteStorage
from tests.helpers import FakeClock


async def _queued(storage: SQLiteStorage) -> int:
    return int(await storage.driver.fetchval("SELECT COUNT(*) FROM board_queue") or 0)


async def test_every_so_many_logs_one_of_them_folds_the_queue(
    tmp_path: Path, clock: FakeClock
) -> None:
    storage = await SQLiteStorage.open(tmp_path / "fold.db")
    try:
        coach = Coach(storage, clock)
        await storage.catch_up_boards()
        for n in range(FOLD_EVERY - 1):
            assert (await coach.logbook.log(str(100 + n), "g1", "squat 5x5 @100kg rir2")).saved
        assert await _queued(storage) == FOLD_EVERY - 1  # not folded yet
        assert (await coach.logbook.log("199", "g1", "squat 5x5 @100kg rir2")).saved
        assert await _queued(storage) == 0  # that log's transaction folded them all
        board = render_text((await coach.boards.leaderboard("g1", "199", "days", "4w")).reply)
        assert f"of {FOLD_EVERY}" in board
    finally:
        await storage.close()
