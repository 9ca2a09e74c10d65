"""A large server's first board: the request answers at once, the board follows."""

from __future__ import annotations

import pytest

from bot.coach import Coach, board_keeper
from bot.console.render import render_text

GYM = "g1"


async def test_the_first_request_says_the_board_is_being_built_then_it_is_shown(
    coach: Coach, monkeypatch: pytest.MonkeyPatch
) -> None:
    for who, line in (("100", "squat 5x5 @100kg rir2 mon"), ("101", "squat 5x5 @100kg tue"),
                      ("102", "bench 3x8 @60kg wed")):
        assert (await coach.logbook.log(who, GYM, line)).saved
    monkeypatch.setattr(board_keeper, "BUILD_INLINE_UP_TO", 2)  # three members: "large"
    first = await coach.boards.leaderboard(GYM, "100", "days", "4w")
    text = render_text(first.reply)
    assert "being built" in text and "Ask again in a few seconds" in text
    assert "#" not in text and not first.reply.is_error  # no place shown, nothing wrong
    again = await coach.boards.leaderboard(GYM, "101", "days", "4w")  # still building
    assert "being built" in render_text(again.reply)
    await coach.boards.built()
    shown = render_text((await coach.boards.leaderboard(GYM, "100", "days", "4w")).reply)
    assert "being built" not in shown and "#1 of 3" in shown


async def test_a_small_servers_first_board_is_shown_at_once(coach: Coach) -> None:
    assert (await coach.logbook.log("100", GYM, "squat 5x5 @100kg rir2 mon")).saved
    shown = render_text((await coach.boards.leaderboard(GYM, "100", "days", "4w")).reply)
    assert "being built" not in shown and "#1 of 1" in shown
