"""Leaving a server's boards: eight weeks without a log there, or leaving the server.

The clock starts on Thursday 26 Nov 2026.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.coach import Coach
from bot.console.render import render_text
from bot.domain.figures import BOARD_AWAY_WEEKS
from tests.helpers import FakeClock

GYM = "g1"
OTHER = "g2"
MIGRATIONS = Path(__file__).resolve().parents[2] / "bot" / "storage" / "migrations"


async def log(coach: Coach, who: str, guild: str = GYM, day: str = "") -> None:
    reply = await coach.logbook.log(who, guild, f"squat 5x5 @100kg rir2 {day}".strip())
    assert reply.saved, reply


async def listed(coach: Coach, window: str = "all", guild: str = GYM) -> dict[str, float]:
    return {s.user_id: s.value for s in await coach.boards.ranking(guild, "days", window)}


async def test_eight_weeks_without_a_log_here_takes_a_lifter_off_until_the_next(
    coach: Coach, clock: FakeClock
) -> None:
    await log(coach, "ann")
    await log(coach, "bob")
    assert await listed(coach) == {"ann": 1.0, "bob": 1.0}
    clock.advance(weeks=BOARD_AWAY_WEEKS, days=-1)
    await log(coach, "bob")
    await log(coach, "ann", guild=OTHER)  # training elsewhere counts, but is no log here
    assert await listed(coach) == {"ann": 2.0, "bob": 2.0}  # a day short of eight weeks
    clock.advance(days=1, minutes=1)
    assert await listed(coach) == {"bob": 2.0}  # the kept board drops her as time passes
    why = render_text((await coach.boards.leaderboard(GYM, "ann", "days", "all")).reply)
    assert f"no log here for {BOARD_AWAY_WEEKS} weeks" in why
    assert await listed(coach, guild=OTHER) == {"ann": 2.0}  # still on the other server's
    await log(coach, "ann")  # back, with every training day she has
    assert await listed(coach) == {"ann": 3.0, "bob": 2.0}


async def test_a_kept_board_and_a_fresh_one_agree_about_who_is_away(
    coach: Coach, clock: FakeClock
) -> None:
    for who in ("ann", "bob", "cid"):
        await log(coach, who)
    await coach.boards.ranking(GYM, "days", "all")  # computed once, then kept
    clock.advance(weeks=5)
    await log(coach, "bob")
    clock.advance(weeks=4)  # ann and cid: nine weeks; bob: four
    kept = await listed(coach)
    await coach.boards.save_kept()
    await coach.storage.driver.execute("DELETE FROM board_cache")  # type: ignore[attr-defined]
    coach.boards._keeper._kept.clear()
    assert kept == await listed(coach) == {"bob": 2.0}


async def test_leaving_the_server_takes_a_lifter_off_at_once(coach: Coach) -> None:
    await log(coach, "ann")
    await log(coach, "bob")
    assert await listed(coach, "4w") == {"ann": 1.0, "bob": 1.0}
    assert await coach.boards.member_left(GYM, "ann")
    assert await listed(coach, "4w") == {"bob": 1.0}
    assert not await coach.boards.member_left(GYM, "ann")  # already off
    assert not await coach.boards.member_left(GYM, "nobody")
    assert not await coach.boards.member_left("", "bob")
    await log(coach, "ann")  # she joined again and logged: back on it
    assert await listed(coach, "4w") == {"ann": 1.0, "bob": 1.0}


async def test_an_opted_out_lifter_who_comes_back_stays_out(coach: Coach) -> None:
    await log(coach, "ann")
    await coach.boards.optout(GYM, "ann")
    await coach.boards.member_left(GYM, "ann")
    await log(coach, "ann")
    assert await listed(coach) == {}


@pytest.mark.parametrize("engine", ["sqlite", "postgres"])
def test_the_trigger_holds_the_same_eight_weeks(engine: str) -> None:
    text = (MIGRATIONS / engine / "014_community.sql").read_text()
    trigger = text[text.index("board_stamps_member_away"):]
    [days] = re.findall(r">= (?:INTERVAL ')?(\d+)", trigger)
    assert int(days) == BOARD_AWAY_WEEKS * 7
