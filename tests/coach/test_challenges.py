"""Group challenges through the coach: start, progress, end, and the recap's announcement.

The clock starts on Thursday 26 Nov 2026; a challenge started then runs from Mon 23 Nov.
"""

from __future__ import annotations

from datetime import date

from bot.coach import Coach
from bot.console.render import render_text
from tests.helpers import FakeClock

GYM = "g1"


async def log(coach: Coach, who: str, *days: str, guild: str = GYM) -> None:
    lines = "\n".join(f"squat 5x5 @100kg rir2 {d}" for d in days)
    assert (await coach.logbook.log(who, guild, lines)).saved


async def test_a_challenge_counts_everyone_who_trains_here_but_the_opted_out(
    coach: Coach, clock: FakeClock
) -> None:
    await log(coach, "ann", "2026-11-20")  # before it began: a member, not yet in it
    started = await coach.challenges.start(GYM, "boss", "2", "2", "Two by two")
    assert started.saved and not started.private
    assert "2 training days a week for 2 weeks, Mon 23 Nov to Sun 6 Dec" in started.lines[0]
    await log(coach, "ann", "mon", "tue")
    await log(coach, "bob", "wed")
    await log(coach, "cy", "mon", "tue")
    await coach.boards.optout(GYM, "cy")
    shown = await coach.challenges.show(GYM, "bob")
    text = render_text(shown)
    assert shown.title == "Challenge: Two by two"
    assert "ann · first week · this week 2 of 2 days" in text
    assert "bob · first week · this week 1 of 2 days" in text
    assert "cy" not in text
    assert dict(shown.fields)["You"] == "first week · this week 1 of 2 days"
    clock.advance(days=7)  # Thursday of week two: week one is complete
    await log(coach, "bob", "mon", "tue")
    text = render_text(await coach.challenges.show(GYM, "ann"))
    assert "Group: 1 of 2 lifters on track · 1 of 2 lifter-weeks met (50%)" in text
    assert "ann · 1 of 1 weeks met · this week 0 of 2 days" in text
    assert "bob · 0 of 1 weeks met · this week 2 of 2 days" in text


async def test_one_at_a_time_and_what_bad_input_gets(coach: Coach) -> None:
    for days, weeks, name in (("0", "4", None), ("8", "4", None), ("3", "0", None),
                              ("3", "13", None), ("x", "4", None), ("3", "4", "n" * 61)):
        bad = await coach.challenges.start(GYM, "boss", days, weeks, name)
        assert bad.is_error and bad.lines[2].startswith("Example: /challenge"), (days, weeks)
    assert (await coach.challenges.start(GYM, "boss", 3, 4)).saved
    again = await coach.challenges.start(GYM, "boss", 3, 4)
    assert again.is_error and "/challenge end" in again.lines[1]
    assert (await coach.challenges.start("", "boss", 3, 4)).is_error
    assert (await coach.challenges.show("", "ann")).is_error
    assert (await coach.challenges.show("g2", "ann")).title == "No challenge running"


async def test_ending_early_gives_the_results_for_the_recap_channel(
    coach: Coach, clock: FakeClock
) -> None:
    await coach.challenges.start(GYM, "boss", 2, 4, "Winter")
    await log(coach, "ann", "mon", "tue")
    await log(coach, "bob", "mon")
    nowhere = await coach.challenges.end(GYM, "boss")
    assert nowhere.announcement is None and "No recap channel" in nowhere.reply.lines[0]
    assert (await coach.challenges.end(GYM, "boss")).reply.title == "No challenge running"

    await coach.recap.set(GYM, "boss", "c-gym", "", "mon", "09:00", "UTC")
    await coach.challenges.start(GYM, "boss", 2, 4, "Spring")
    clock.advance(days=7)
    await log(coach, "ann", "mon", "tue")
    ended = await coach.challenges.end(GYM, "boss")
    assert ended.channel_id == "c-gym" and ended.announcement is not None
    assert ended.announcement.startswith("**Challenge over: Spring**")
    assert "Met every week: ann." in ended.announcement  # the one complete week
    assert "Group: 1 of 2 lifters on track · 1 of 2 lifter-weeks met (50%)" in (
        ended.announcement)
    assert ended.challenge_id is not None
    await coach.challenges.announced([ended.challenge_id])
    # Winter's end was never posted: the next recap announces it; Spring's was posted.
    recap = await coach.recap.compose(GYM, clock(), date(2026, 11, 30))
    assert "**Challenge over: Winter**" in recap and "Spring" not in recap
    again = await coach.recap.compose(GYM, clock(), date(2026, 11, 30))
    assert "Challenge over" not in again  # announced once


async def test_a_challenge_that_runs_its_course_is_announced_by_the_next_recap(
    coach: Coach, clock: FakeClock
) -> None:
    await coach.challenges.start(GYM, "boss", 1, 1, "One week")
    await log(coach, "ann", "wed")
    running = await coach.recap.compose(GYM, clock(), date(2026, 11, 16))
    assert "**Challenge: One week**" in running
    clock.advance(days=4)  # Monday 30 Nov: over everywhere once Sunday ended in UTC-12
    recap = await coach.recap.compose(GYM, clock(), date(2026, 11, 23))
    assert "**Challenge over: One week**" in recap and "Met every week: ann." in recap
    assert (await coach.challenges.show(GYM, "ann")).title == "No challenge running"
    assert (await coach.challenges.start(GYM, "boss", 2, 2)).saved  # room for the next
