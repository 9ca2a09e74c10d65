"""The console's /recap: the person at the console is the server's admin, and the recap
is printed instead of posted."""

from __future__ import annotations

from bot.coach import Coach
from bot.console.render import render_text
from bot.console.run import dispatch


async def _say(coach: Coach, line: str, user: str = "me") -> str:
    reply = await dispatch(coach, user, "console", line)
    assert reply is not None
    return render_text(reply)


async def test_recap_set_show_and_off_in_the_console(coach: Coach) -> None:
    await _say(coach, "/log squat 5x5 @100kg rir2 2026-11-17\n"
                      "leg curl 3x12 f 2026-11-18")
    on = await _say(coach, "/recap channel:#gym day:mon time:09:00 timezone:Europe/Berlin")
    assert "Every Monday at 09:00 (Europe/Berlin) in #gym" in on
    assert on == await _say(coach, "/recap set channel:#gym day:mon time:09:00 "
                                   "timezone:Europe/Berlin")
    shown = await _say(coach, "/recap show")
    assert "On: every Monday at 09:00 (Europe/Berlin)" in shown
    assert "Weekly recap · Mon 16 Nov to Sun 22 Nov" in shown
    assert "Target met: nobody this week." in shown  # 2 of 3 days
    assert "Failure sets: 3 where the coaching puts them" in shown and "**" not in shown
    assert "Weekly recap off" in await _say(coach, "/recap off")
    assert "/recap set" in await _say(coach, "/recap sometime")


async def test_the_printed_recap_carries_no_discord_markup(coach: Coach) -> None:
    await _say(coach, "/log squat 5x5 @100kg rir2")
    await _say(coach, "/challenge start days:3 weeks:4 name:December")
    shown = await _say(coach, "/recap show")
    lines = shown.splitlines()
    assert not any(line.lstrip().startswith("-#") for line in lines), shown
    assert any(line.lstrip().startswith("Weeks run Monday to Sunday") for line in lines)
    [challenge] = [line for line in lines if "Challenge: December" in line]
    assert "Group:" not in challenge and challenge.endswith("the first week under way")
    assert "Group: 1 lifter in it" in await _say(coach, "/challenge show")
