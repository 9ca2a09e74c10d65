"""The console's /challenge: the person at the console is the server's admin; an ended
challenge's results are printed with the reply."""

from __future__ import annotations

from bot.coach import Coach
from bot.console.render import render_text
from bot.console.run import dispatch


async def _say(coach: Coach, line: str, user: str = "me") -> str:
    reply = await dispatch(coach, user, "console", line)
    assert reply is not None
    return render_text(reply)


async def test_a_challenge_from_the_console(coach: Coach) -> None:
    started = await _say(coach, "/challenge start days:2 weeks:3 name:Winter block")
    assert started.startswith("✓ Challenge on: Winter block")
    await _say(coach, "/log squat 5x5 @100kg rir2 mon")
    await _say(coach, "/log squat 5x5 @100kg rir2", user="pal")
    shown = await _say(coach, "/challenge show")
    assert "me · first week · this week 1 of 2 days" in shown
    assert "pal · first week · this week 1 of 2 days" in shown
    ended = await _say(coach, "/challenge end")
    assert "The console posts nothing: here are the results" in ended
    assert "Challenge over: Winter block" in ended
    assert "Group: 2 lifters in it, the first week under way" in ended
    assert "No challenge running" in await _say(coach, "/challenge")
    assert "Example: /challenge start" in await _say(coach, "/challenge start days:9 weeks:3")
