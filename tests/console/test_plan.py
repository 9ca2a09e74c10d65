"""The console's /plan and /checkin: the same replies as Discord, in Discord's syntax."""

from __future__ import annotations

from bot.coach import Coach
from bot.console.render import render_text
from bot.console.run import dispatch
from tests.helpers import FakeClock


async def _say(coach: Coach, line: str, user: str = "me") -> str:
    reply = await dispatch(coach, user, "console", line)
    assert reply is not None
    return render_text(reply)


async def test_plan_in_the_console_is_the_coach_s_reply(coach: Coach, clock: FakeClock
                                                        ) -> None:
    for day in ("2026-11-16", "2026-11-19"):
        await _say(coach, f"/log leg curl 3x12 rir1,1,0 {day}; squat 3x5 @100kg rir2 {day}")
        clock.advance(seconds=5)
    text = await _say(coach, "/plan")
    assert text == render_text(await coach.plan.show("me"))
    lines = text.splitlines()
    assert lines[0] == "Your plan · week of Mon 23 Nov"
    assert "  Failure block, week 1 of 2: failure where each tier allows it." in lines
    assert "    leg curl (D), 3 sets ×2: last set to failure or a drop set, other sets " \
           "RIR 1-2" in lines
    assert "**" not in text


async def test_block_choices_and_errors_in_the_console(coach: Coach) -> None:
    assert "Blocks set: 3 weeks" in await _say(coach, "/plan block:3w")
    assert "Blocks set: 4 weeks" in await _say(coach, "/plan 4w")
    wrong = await _say(coach, "/plan block:fortnight")
    assert wrong.startswith("✗ I couldn't do that") and "Example: /plan block:2w" in wrong


async def test_checkin_on_and_off_in_the_console(coach: Coach) -> None:
    on = await _say(coach, "/checkin on day:sun time:18:00")
    assert on.startswith("✓ Weekly check-in on") and "Every Sunday at 18:00 (UTC)" in on
    assert "Every Monday at 07:00" in await _say(coach, "/checkin on")
    assert (await _say(coach, "/checkin off")).startswith("✓ Weekly check-in off")
    unknown = await _say(coach, "/checkin sometimes")
    assert "'/checkin sometimes' is not something I can do." in unknown
    assert "Example: /checkin on day:sun time:18:00" in unknown
