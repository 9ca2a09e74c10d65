"""/challenge end to end: an admin starts one, members follow it, its end is posted in the
recap channel with display names and no pings."""

from __future__ import annotations

from bot.discord.client import LiftBot
from tests.discord.conftest import BotFactory, Gym
from tests.discord.helpers import JSON, answer, is_ephemeral, response_text
from tests.fakediscord import FakeDiscord, User


async def challenge(fake: FakeDiscord, gym: Gym, who: User, sub: str,
                    options: dict[str, object] | None = None) -> JSON:
    ix = await fake.slash(gym.guild, gym.training, who, "challenge", options or {},
                          subcommand=sub)
    if sub == "end":
        response = await fake.wait_response(ix)
        if response["type"] == 5:  # deferred: the answer is a follow-up
            return await fake.wait_followup(ix)
        data: JSON = response["data"]
        return data
    return await answer(fake, ix)


async def test_a_challenge_from_start_to_its_announced_end(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    guild = str(gym.guild.id)
    refused = await challenge(fake, gym, gym.lifter, "start", {"days": 2, "weeks": 2})
    assert is_ephemeral(refused) and "Admins only" in response_text(refused)
    started = await challenge(fake, gym, gym.admin, "start",
                              {"days": 2, "weeks": 2, "name": "Duo"})
    assert not is_ephemeral(started) and "Challenge on: Duo" in response_text(started)
    for day in ("mon", "tue"):
        await bot.coach.logbook.log(str(gym.lifter.id), guild, f"squat 5x5 @100kg rir2 {day}")
    await bot.coach.logbook.log(str(gym.friend.id), guild, "squat 5x5 @100kg rir2 wed")
    shown = await challenge(fake, gym, gym.friend, "show")
    text = response_text(shown)
    assert f"<@{gym.lifter.id}> · first week · this week 2 of 2 days" in text
    assert shown["allowed_mentions"]["parse"] == []  # mentions show names, ping nobody
    assert "first week · this week 1 of 2 days" in text

    ix = await fake.slash(gym.guild, gym.training, gym.admin, "recap",
                          {"channel": gym.log_channel}, subcommand="set")
    await answer(fake, ix)
    bots.clock.advance(days=7)  # the first week is complete: the lifter met it
    ended = await challenge(fake, gym, gym.admin, "end")
    assert "Challenge ended: Duo" in response_text(ended)
    [post] = await fake.wait_until(
        lambda: [m for m in fake.messages_in(gym.log_channel, from_bot=True)
                 if str(m.get("content")).startswith("**Challenge over")] or None)
    assert "**Challenge over: Duo**" in post["content"]
    assert "Met every week: lifter." in post["content"]  # the display name, no mention
    assert "Group: 1 of 2 lifters on track · 1 of 2 lifter-weeks met" in post["content"]
    assert "<@" not in post["content"]
    [request] = [r for r in fake.requests_to(f"/channels/{gym.log_channel.id}/messages",
                                             "POST")]
    assert request.json is not None and request.json["allowed_mentions"]["parse"] == []
    # Posted once: the next recap does not announce it again.
    recap = await bot.coach.recap.compose(guild, bot.coach.now(), bot.coach.now().date())
    assert "Challenge over" not in recap
