"""/recap end to end: the real LiftBot posts the server's week in its channel through the
fake Discord, with display names and no pings, once a week across a restart; a channel
it may no longer post in turns the recap off and the admin is told."""

from __future__ import annotations

import asyncio
from typing import cast

from bot.discord.client import LiftBot
from bot.discord.cogs.recap import RecapCog
from tests.discord.conftest import BotFactory, Gym
from tests.discord.helpers import JSON, answer, is_ephemeral, response_text
from tests.fakediscord import FakeDiscord, User


async def recap_command(fake: FakeDiscord, gym: Gym, who: User, sub: str,
                        options: dict[str, object] | None = None) -> JSON:
    ix = await fake.slash(gym.guild, gym.training, who, "recap", options or {},
                          subcommand=sub)
    return await answer(fake, ix)


async def last_week(bot: LiftBot, gym: Gym) -> None:
    guild = str(gym.guild.id)
    for day in ("2026-11-16", "2026-11-18", "2026-11-20"):
        await bot.coach.logbook.log(str(gym.lifter.id), guild,
                                    f"squat 3x5 @100kg rir2 {day}\nleg curl 3x12 f {day}")
        await bot.coach.logbook.log(str(gym.friend.id), guild, f"curl 3x10 f {day}")
    await bot.coach.boards.optout(guild, str(gym.friend.id))


def posts(fake: FakeDiscord, gym: Gym) -> list[JSON]:
    """The recap posts in the training channel (not the replies to commands there)."""
    return [m for m in fake.messages_in(gym.training, from_bot=True)
            if str(m.get("content") or "").startswith("**Weekly recap")]


def wake(bot: LiftBot) -> None:
    cast(RecapCog, bot.get_cog("RecapCog")).dispatcher.wake()


async def test_the_recap_is_posted_weekly_with_names_and_no_pings(
    fake: FakeDiscord, gym: Gym, bots: BotFactory
) -> None:
    bot = await bots.build()
    async with bots.run(bot):
        await last_week(bot, gym)
        refused = await recap_command(fake, gym, gym.lifter, "set",
                                      {"channel": gym.training})
        assert is_ephemeral(refused) and "Admins only" in response_text(refused)
        data = await recap_command(fake, gym, gym.admin, "set",
                                   {"channel": gym.training, "day": "fri", "time": "18:30",
                                    "timezone": "UTC"})
        assert not is_ephemeral(data) and data["allowed_mentions"]["parse"] == []
        assert "Every Friday at 18:30 (UTC)" in response_text(data)
        preview = await recap_command(fake, gym, gym.admin, "show")
        assert is_ephemeral(preview) and "what it would post now" in response_text(preview)
        assert posts(fake, gym) == []
        bots.clock.advance(days=1, minutes=31)  # Friday 27 Nov, 18:31
        wake(bot)
        [post] = await fake.wait_until(lambda: posts(fake, gym) or None, what="the recap")
    text = post["content"]
    assert text.startswith("**Weekly recap · Mon 16 Nov to Sun 22 Nov**")
    assert "**Target met** (1): lifter" in text  # the member's display name
    assert "<@" not in text and "friend" not in text  # no mentions; opted out: never shown
    assert "**Failure sets**: 9 where the coaching puts them" in text
    [request] = [r for r in fake.requests_to(f"/channels/{gym.training.id}/messages", "POST")
                 if r.json and "Weekly recap" in str(r.json.get("content"))]
    assert request.json["allowed_mentions"]["parse"] == []
    assert request.json["nonce"]

    restarted = await bots.build()  # a new process on the same database, that week
    async with bots.run(restarted):
        bots.clock.advance(hours=2)
        wake(restarted)
        bots.clock.advance(days=7)  # the next Friday
        wake(restarted)
        both = await fake.wait_until(
            lambda: posts(fake, gym) if len(posts(fake, gym)) > 1 else None)
        assert both[1]["content"].startswith("**Weekly recap · Mon 23 Nov to Sun 29 Nov**")
    assert len(posts(fake, gym)) == 2  # one a week, none repeated by the restart


async def test_a_channel_it_may_not_post_in_turns_it_off_and_tells_the_admin(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    await recap_command(fake, gym, gym.admin, "set",
                        {"channel": gym.training, "day": "fri", "time": "18:30",
                         "timezone": "UTC"})
    fake.fail_next(f"/channels/{gym.training.id}/messages", method="POST", status=403,
                   code=50013, message="Missing Permissions")
    bots.clock.advance(days=1, minutes=31)
    wake(bot)
    dm = await fake.next_dm(gym.admin)
    assert "weekly recap you set up is switched off" in dm["content"]
    assert f"<#{gym.training.id}>" in dm["content"]
    for _ in range(250):  # the dispatcher records the switch-off just after the DM
        setting = await bot.coach.storage.get_recap(str(gym.guild.id))
        if setting is not None and not setting.schedule.enabled:
            break
        await asyncio.sleep(0.02)
    assert setting is not None and not setting.schedule.enabled
    # With the admin's next command comes the note, once.
    ix = await fake.slash(gym.guild, gym.training, gym.admin, "recap", subcommand="show")
    await answer(fake, ix)
    note = await fake.wait_followup(ix)
    assert "/recap set" in response_text(note) and is_ephemeral(note)
    assert posts(fake, gym) == []
