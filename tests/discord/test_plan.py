"""/plan and /checkin end to end: the real LiftBot, its check-in dispatcher, the fake Discord."""

from __future__ import annotations

from typing import cast

from bot.discord.client import LiftBot
from bot.discord.cogs.plan import PlanCog
from tests.discord.conftest import BotFactory, Gym
from tests.discord.helpers import JSON, answer, embed_text, is_ephemeral, only_embed
from tests.fakediscord import FakeDiscord

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


async def slash(fake: FakeDiscord, gym: Gym, name: str, options: dict[str, str],
                sub: str | None = None) -> JSON:
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, name, options, subcommand=sub)
    data = await answer(fake, ix)
    assert is_ephemeral(data)
    assert data.get("allowed_mentions", {}).get("parse") == []
    return only_embed(data)


async def test_plan_answers_privately_with_the_coach_s_plan(
    fake: FakeDiscord, gym: Gym, bot: LiftBot
) -> None:
    await bot.coach.logbook.log(str(gym.lifter.id), str(gym.guild.id),
                                "leg curl 3x12 rir1,1,0; squat 3x5 @100kg rir2")
    embed = await slash(fake, gym, "plan", {})
    reply = await bot.coach.plan.show(str(gym.lifter.id))
    assert embed["title"] == reply.title == "Your plan · week of Mon 23 Nov"
    text = embed_text(embed)
    assert "Failure block, week 1 of 2" in text and "leg curl" in text
    chosen = await slash(fake, gym, "plan", {"block": "3w"})
    assert "Blocks set: 3 weeks of failure, then 3 heavy." in embed_text(chosen)


async def test_checkin_on_sends_a_weekly_dm_with_a_chart(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    user = str(gym.lifter.id)
    for day in ("2026-11-16", "2026-11-19"):
        await bot.coach.logbook.log(user, str(gym.guild.id),
                                    f"squat 3x5 @100kg rir2 {day}; leg press 3x10 rir2,1,0 "
                                    f"{day}; leg curl 3x12 rir1,1,0 {day}")
        bots.clock.advance(seconds=5)
    embed = await slash(fake, gym, "checkin", {"day": "fri", "time": "18:30"}, "on")
    assert embed["title"] == "Weekly check-in on"
    assert "First one: Fri 27 Nov at 18:30 (UTC)." in embed_text(embed)
    bots.clock.advance(days=1, minutes=31)  # Friday 27 Nov, 18:31
    cast(PlanCog, bot.get_cog("PlanCog")).dispatcher.wake()
    dm = await fake.next_dm(gym.lifter)
    assert dm["content"].startswith("**Weekly check-in: Mon 16 Nov to Sun 22 Nov**")
    posts = [r for r in fake.requests_to(f"/channels/{fake.dm_channel(gym.lifter).id}"
                                         "/messages", "POST")]
    [post] = posts
    [picture] = post.files
    assert picture.filename == "check-in-2026-11-16.png"
    assert picture.data.startswith(PNG_SIGNATURE)
    off = await slash(fake, gym, "checkin", {}, "off")
    assert off["title"] == "Weekly check-in off"
