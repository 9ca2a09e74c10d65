"""A process that starts reads its servers' stored boards before anyone asks: their first
views come from memory, brought up to date with what changed since they were stored."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.coach import Coach, board_keeper
from bot.console.render import render_text
from tests.helpers import FakeClock

GYM, OTHER = "g1", "g2"


async def _restarted(coach: Coach, clock: FakeClock) -> Coach:
    """Boards shown and stored in both servers, then a new process on the same data."""
    for who, line in (("100", "squat 5x5 @100kg rir2 mon"), ("101", "squat 5x5 @100kg tue"),
                      ("102", "bench 3x8 @60kg wed")):
        assert (await coach.logbook.log(who, GYM, line)).saved
        assert (await coach.logbook.log(who, OTHER, line)).saved
    for gym in (GYM, OTHER):
        assert "#1 of 3" in render_text(
            (await coach.boards.leaderboard(gym, "100", "days", "4w")).reply)
    assert await coach.boards.save_kept(every=timedelta(0)) == 2
    assert (await coach.logbook.log("103", GYM, "squat 5x5 @90kg rir2")).saved  # after it
    return Coach(coach.storage, clock)


async def test_the_stored_boards_of_the_servers_served_are_read_at_start(
    coach: Coach, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = await _restarted(coach, clock)
    assert await fresh.boards.load_stored([GYM]) == 1  # the other server is not served here
    monkeypatch.setattr(board_keeper, "BUILD_INLINE_UP_TO", 2)  # three members: "large"
    await coach.storage.driver.execute("DELETE FROM board_cache")  # type: ignore[attr-defined]
    # Nothing stored is left to read: the first view is the board read at start, with
    # the lifter who logged after it was stored.
    shown = render_text((await fresh.boards.leaderboard(GYM, "103", "days", "4w")).reply)
    assert "being built" not in shown and "of 4" in shown
    other = render_text((await fresh.boards.leaderboard(OTHER, "100", "days", "4w")).reply)
    assert "being built" in other  # not read at start, and no longer stored


async def test_reading_at_start_keeps_at_most_the_boards_a_process_keeps(
    coach: Coach, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = await _restarted(coach, clock)
    monkeypatch.setattr(board_keeper, "KEPT_BOARDS", 1)
    assert await fresh.boards.load_stored() == 1
    assert await Coach(coach.storage, clock).boards.load_stored() == 1
