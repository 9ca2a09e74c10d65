"""Reminder DMs end to end: the real LiftBot, its dispatcher and the fake Discord."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime

import pytest

from bot.discord.client import LiftBot
from bot.storage.contract import ReminderOutcome
from tests.discord.conftest import BotFactory, Gym
from tests.discord.helpers import JSON, answer, embed_text, is_ephemeral, only_embed, settle
from tests.fakediscord import FakeDiscord
from tests.helpers import Crash

GUARD = 5.0  # seconds before a hung wait fails the test; never an assertion on speed


async def eventually(check: Callable[[], Awaitable[bool]], what: str) -> None:
    """Poll ``check`` (the bot works in its own tasks) until it holds, for a few seconds."""
    step = 0.02
    for _ in range(int(GUARD / step)):
        if await check():
            return
        await asyncio.sleep(step)
    raise AssertionError(f"never happened: {what}")


async def remind(fake: FakeDiscord, gym: Gym, sub: str, **options: str) -> JSON:
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "remind", options,
                          subcommand=sub)
    data = await answer(fake, ix)
    assert is_ephemeral(data)
    return only_embed(data)


def let_time_pass(bots: BotFactory, bot: LiftBot, **delta: float) -> None:
    """The bot's clock is the test's: move it on and tell the dispatcher to look again."""
    bots.clock.advance(**delta)
    bot.dispatcher.wake()


def dm_posts(fake: FakeDiscord, gym: Gym) -> list[JSON]:
    path = f"/channels/{fake.dm_channel(gym.lifter).id}/messages"
    return [r.json for r in fake.requests_to(path, "POST") if isinstance(r.json, dict)]


async def test_a_due_reminder_arrives_as_a_dm_that_pings_nobody(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    embed = await remind(fake, gym, "set", time="18:30")  # the clock says 18:00 UTC
    assert embed["title"] == "Reminder set"
    assert "Next one: Thu 26 Nov at 18:30 (UTC)." in embed_text(embed)
    assert fake.dms_to(gym.lifter) == []

    let_time_pass(bots, bot, minutes=31)
    dm = await fake.next_dm(gym.lifter)
    assert dm["content"].startswith("**Training reminder for Thu 26 Nov**")
    [body] = dm_posts(fake, gym)
    assert body["allowed_mentions"] == {"parse": []}
    assert body["enforce_nonce"] is True and len(body["nonce"]) <= 25
    async def recorded() -> bool:
        row = await bots.storage(bot).get_reminder(str(gym.lifter.id))
        return row is not None and row.last_local_date is not None

    await eventually(recorded, "the send to be recorded")
    channel = fake.dm_channel(gym.lifter).id
    buckets = bot.http._buckets  # discord.py's rate-limit table does not keep DM channels
    assert not [key for key in buckets if key.endswith(f":{channel}")]

    let_time_pass(bots, bot, days=1)
    second = await fake.next_dm(gym.lifter)
    assert second["content"].startswith("**Training reminder for Fri 27 Nov**")
    assert len(fake.requests_to("/users/@me/channels", "POST")) == 1  # channel id stored
    assert len(fake.dms_to(gym.lifter)) == 2


async def test_remind_show_off_and_errors_answer_privately(
    fake: FakeDiscord, gym: Gym, bot: LiftBot
) -> None:
    assert (await remind(fake, gym, "show"))["title"] == "No reminder set"
    refused = await remind(fake, gym, "set", time="25:00")
    assert "not a time on the clock" in refused["description"]
    assert "Example: /remind set time:07:30" in refused["description"]
    zone = await remind(fake, gym, "set", time="07:30", timezone="Europe/Berln")
    assert "Europe/Berlin" in zone["description"]
    await remind(fake, gym, "set", time="07:30", days="mon,wed,fri", timezone="Asia/Tokyo")
    shown = await remind(fake, gym, "show")
    assert shown["title"] == "Your reminder"
    assert "Next one: Fri 27 Nov at 07:30 (Asia/Tokyo)." in shown["description"]
    assert (await remind(fake, gym, "off"))["title"] == "Reminders off"
    assert (await remind(fake, gym, "show"))["title"] == "Reminders are off"


async def test_time_zone_autocomplete_offers_iana_names(
    fake: FakeDiscord, gym: Gym, bot: LiftBot
) -> None:
    ix = await fake.autocomplete(gym.guild, gym.training, gym.lifter, "remind",
                                 {"time": "07:30", "timezone": "new_y"}, "timezone",
                                 subcommand="set")
    response = await fake.wait_response(ix)
    assert response["type"] == 8
    assert "America/New_York" in [c["value"] for c in response["data"]["choices"]]


async def test_closed_dms_turn_reminders_off_and_the_next_command_says_so(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    fake.fail_dm(gym.lifter)  # Discord answers 403, code 50007
    await remind(fake, gym, "set", time="18:30")
    let_time_pass(bots, bot, minutes=31)

    async def switched_off() -> bool:
        shown = await bot.coach.reminders.show(str(gym.lifter.id))
        return shown.title == "Reminders are off"

    await eventually(switched_off, "reminders switched off")
    assert fake.dms_to(gym.lifter) == []

    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "history", {})
    await answer(fake, ix)
    notice = await fake.wait_followup(ix)
    assert is_ephemeral(notice)
    text = embed_text(only_embed(notice))
    assert "Your reminders are off" in text and "/remind set" in text

    again = await fake.slash(gym.guild, gym.training, gym.lifter, "history", {})
    await answer(fake, again)
    await settle()
    assert again.followups == []  # told once


async def test_a_rate_limited_dm_is_retried(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    path = f"/channels/{fake.dm_channel(gym.lifter).id}/messages"
    fake.rate_limit_next(path, retry_after=0.05)
    await remind(fake, gym, "set", time="18:30")
    let_time_pass(bots, bot, minutes=31)
    dm = await fake.next_dm(gym.lifter)
    assert "Training reminder" in dm["content"]
    assert [r.status for r in fake.requests_to(path, "POST")] == [429, 200]
    assert len(fake.dms_to(gym.lifter)) == 1


async def test_a_restart_after_a_crash_between_send_and_record_sends_no_second_dm(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = await bots.build()

    async def die(outcomes: list[ReminderOutcome], now: datetime) -> None:
        raise Crash("gone before the send was recorded")

    async with bots.run(first):
        await remind(fake, gym, "set", time="18:30")
        monkeypatch.setattr(first.coach.reminders, "finish", die)
        let_time_pass(bots, first, minutes=31)
        await fake.next_dm(gym.lifter)
        await eventually(lambda: _done(first), "the first dispatcher to die")

    second = await bots.build()
    async with bots.run(second):
        let_time_pass(bots, second, minutes=2)  # the dead process's lease runs out
        await fake.wait_until(lambda: len(dm_posts(fake, gym)) == 2 or None, GUARD,
                              "the reminder to be sent again")
        await settle()
    first_post, second_post = dm_posts(fake, gym)
    assert first_post["nonce"] == second_post["nonce"]  # the same day's key
    assert len(fake.dms_to(gym.lifter)) == 1  # Discord kept the first one
    row = await bots.storage(second).get_reminder(str(gym.lifter.id))
    assert row is not None and row.next_due_at is not None and row.next_due_at.day == 27


async def _done(bot: LiftBot) -> bool:
    return not bot.dispatcher.running


async def test_a_stored_dm_channel_that_is_gone_is_opened_again(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    await remind(fake, gym, "set", time="18:30")
    await bots.storage(bot).driver.execute(
        "UPDATE reminders SET dm_channel_id = '4242' WHERE user_id = ?", (str(gym.lifter.id),))
    let_time_pass(bots, bot, minutes=31)
    dm = await fake.next_dm(gym.lifter)
    assert "Training reminder" in dm["content"]
    assert [r.status for r in fake.requests_to("/channels/4242/messages", "POST")] == [404]
    assert len(fake.requests_to("/users/@me/channels", "POST")) == 1
