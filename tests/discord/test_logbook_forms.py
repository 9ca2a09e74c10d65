"""The workout form (/log with no text) and the "Log as my workout" message menu, end
to end on the fake Discord."""

from __future__ import annotations

from bot.discord.client import LiftBot
from tests.discord.conftest import BotFactory, Gym
from tests.discord.helpers import (
    answer,
    buttons,
    entries,
    is_ephemeral,
    post,
    response_text,
)
from tests.fakediscord import FakeDiscord

MENU = "Log as my workout"
WORKOUT = "squat 5x5 @100kg rir2\nbench 3x8 @80kg rir1\nleg curl 3x12 f"


async def test_log_without_text_opens_a_form_answered_like_a_log(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    storage = bots.storage(bot)
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "log")
    form = await fake.wait_form(ix)
    assert form["custom_id"] == f"logform:{gym.lifter.id}" and form["title"] == "Log a workout"
    [row] = form["components"]
    [field] = row["components"]
    assert field["style"] == 2 and field["max_length"] == 500  # a paragraph, as /log reads
    assert await entries(storage, gym.lifter) == []

    sent = await fake.submit_form(gym.guild, gym.training, gym.lifter, form["custom_id"],
                                  {field["custom_id"]: WORKOUT})
    data = await answer(fake, sent)
    text = response_text(data)
    assert not is_ephemeral(data) and "Logged 3 exercises" in text and "leg curl" in text
    stored = await entries(storage, gym.lifter)
    assert len(stored) == 3 and len({e.session_id for e in stored}) == 1
    [undo] = [b for b in buttons(data) if b["custom_id"].startswith("undo:")]
    message = fake.response_message(sent)
    assert message is not None
    await answer(fake, await fake.click(gym.guild, gym.training, gym.lifter, message,
                                        undo["custom_id"]))
    assert await entries(storage, gym.lifter) == []


async def test_a_form_that_cannot_be_read_says_why_and_stores_nothing(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    sent = await fake.submit_form(gym.guild, gym.training, gym.lifter,
                                  f"logform:{gym.lifter.id}", {"text": "squat"})
    data = await answer(fake, sent)
    assert is_ephemeral(data) and "Example:" in response_text(data)
    assert await entries(bots.storage(bot), gym.lifter) == []


async def test_the_form_works_in_a_dm_through_a_user_install(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    dm = fake.dm_channel(gym.lifter)
    form = await fake.wait_form(await fake.slash(None, dm, gym.lifter, "log", user_install=True))
    sent = await fake.submit_form(None, dm, gym.lifter, form["custom_id"], {"text": WORKOUT},
                                  user_install=True)
    assert "Logged 3 exercises" in response_text(await answer(fake, sent))
    assert {e.guild_id for e in await entries(bots.storage(bot), gym.lifter)} == {""}


async def test_the_menu_logs_the_lifters_own_message_privately_and_once(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, quiet_bot: LiftBot
) -> None:
    storage = bots.storage(quiet_bot)
    synced = [c for c in fake.commands_for(None) if c["name"] == MENU]
    assert [c["type"] for c in synced] == [3]  # a message menu, synced with the commands
    # Without the message content intent too: Discord hands the message to the menu.
    message = await fake.send_message(gym.training, gym.lifter, WORKOUT)
    ix = await fake.message_menu(gym.guild, gym.training, gym.lifter, message, MENU)
    data = await answer(fake, ix)
    assert is_ephemeral(data) and "Logged 3 exercises" in response_text(data)
    assert any(b["custom_id"].startswith("undo:") for b in buttons(data))
    assert len(await entries(storage, gym.lifter)) == 3

    again = await answer(fake, await fake.message_menu(gym.guild, gym.training, gym.lifter,
                                                       message, MENU))
    assert is_ephemeral(again) and "logged already" in response_text(again)
    assert len(await entries(storage, gym.lifter)) == 3


async def test_the_menu_refuses_someone_elses_message(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    storage = bots.storage(bot)
    message = await post(fake, bot, gym.training, gym.lifter, "squat 5x5 @100kg rir2")
    data = await answer(fake, await fake.message_menu(gym.guild, gym.training, gym.friend,
                                                      message, MENU))
    text = response_text(data)
    assert is_ephemeral(data) and "Only your own messages" in text and "someone else" in text
    assert await entries(storage, gym.friend) == []
    assert await entries(storage, gym.lifter) == []
