"""The choice buttons under a log reply, end to end on the fake Discord: only the
author can press one, it replaces the entries, a forged or used id is refused
privately, and the buttons still work after a restart."""

from __future__ import annotations

from bot.discord.client import LiftBot
from tests.discord.conftest import BotFactory, Gym
from tests.discord.helpers import (
    JSON,
    answer,
    buttons,
    entries,
    is_ephemeral,
    only_embed,
    post,
    response_text,
)
from tests.fakediscord import FakeDiscord, User

AMBIGUOUS = "dumbbell curl 16x10"


async def log_with_choice(fake: FakeDiscord, gym: Gym, who: User, entry: str) -> tuple[JSON, str]:
    """``who`` logs ``entry``; returns the bot's message and its one choice button id."""
    ix = await fake.slash(gym.guild, gym.training, who, "log", {"entry": entry})
    await answer(fake, ix)
    message = fake.response_message(ix)
    assert message is not None
    [button] = [b for b in buttons(message) if b["custom_id"].startswith("offer:")]
    return message, button["custom_id"]


async def test_the_reply_states_the_reading_and_offers_the_other(
    fake: FakeDiscord, gym: Gym, bot: LiftBot
) -> None:
    message, custom_id = await log_with_choice(fake, gym, gym.lifter, AMBIGUOUS)
    embed = only_embed(message)
    assert embed["description"].startswith("⚠ I read `dumbbell curl 16x10` as ")
    kind, user, offer = custom_id.split(":")
    assert kind == "offer" and user == str(gym.lifter.id) and offer.isdigit()
    assert len(custom_id) <= 100
    labels = {b["custom_id"].split(":")[0]: b["label"] for b in buttons(message)}
    assert labels["offer"].startswith("Log it as 16 sets")
    assert "undo" in labels


async def test_only_the_author_can_press_it(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    storage = bots.storage(bot)
    message, custom_id = await log_with_choice(fake, gym, gym.lifter, AMBIGUOUS)
    data = await answer(fake, await fake.click(gym.guild, gym.training, gym.friend, message,
                                               custom_id))
    assert is_ephemeral(data) and "Only the lifter who logged this" in response_text(data)
    [entry] = await entries(storage, gym.lifter)
    assert len(entry.sets) == 1
    assert await entries(storage, gym.friend) == []


async def test_pressing_it_replaces_the_entries_and_updates_the_buttons(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    storage = bots.storage(bot)
    message, custom_id = await log_with_choice(fake, gym, gym.lifter, AMBIGUOUS)
    [before] = await entries(storage, gym.lifter)

    click = await fake.click(gym.guild, gym.training, gym.lifter, message, custom_id)
    data = await answer(fake, click)
    assert not is_ephemeral(data)  # the gym saw the log, it sees the correction
    assert "Stored the other reading instead." in response_text(data)
    [after] = await entries(storage, gym.lifter)
    assert after.entry_id != before.entry_id and len(after.sets) == 16
    # The new reply carries its own Undo for the new entry.
    undo = [b for b in buttons(data) if b["custom_id"].startswith("undo:")]
    assert undo and undo[0]["custom_id"].endswith(str(after.entry_id))
    # The old message loses the pressed choice and its Undo (its entry is gone).
    await fake.wait_until(lambda: buttons(fake.message(message["id"]) or {}) == [], 3,
                          "the old message's buttons to go")


def showing(message: JSON, custom_id: str, salt: int) -> JSON:
    """A copy of ``message`` under a new id whose only button is ``custom_id``: how a
    forged id, or one already used (a copy of the message from before its edit),
    reaches the bot. Discord only sends presses of buttons a message shows."""
    button = {"type": 2, "style": 1, "label": "Log it", "custom_id": custom_id}
    return {**message, "id": str(int(message["id"]) + salt),
            "components": [{"type": 1, "components": [button]}]}


async def test_forged_and_used_ids_are_refused_privately(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    storage = bots.storage(bot)
    mine, my_id = await log_with_choice(fake, gym, gym.lifter, AMBIGUOUS)
    _, their_id = await log_with_choice(fake, gym, gym.friend, AMBIGUOUS)
    their_offer = their_id.rsplit(":", 1)[1]
    forged = [f"offer:{gym.lifter.id}:{their_offer}",  # someone else's offer, my user id
              f"offer:{gym.lifter.id}:123456789"]      # no such offer
    for salt, custom_id in enumerate(forged, start=1):
        data = await answer(fake, await fake.click(gym.guild, gym.training, gym.lifter,
                                                   showing(mine, custom_id, salt), custom_id))
        assert is_ephemeral(data) and "This button is no longer valid." in response_text(data)
    assert len((await entries(storage, gym.friend))[0].sets) == 1  # theirs untouched

    await answer(fake, await fake.click(gym.guild, gym.training, gym.lifter, mine, my_id))
    stale = showing(mine, my_id, 3)
    again = await answer(fake, await fake.click(gym.guild, gym.training, gym.lifter, stale,
                                                my_id))
    assert is_ephemeral(again) and "no longer valid" in response_text(again)
    assert len(await entries(storage, gym.lifter)) == 1


async def test_a_choice_works_after_a_restart(
    fake: FakeDiscord, gym: Gym, bots: BotFactory
) -> None:
    async with bots.running():
        message, custom_id = await log_with_choice(fake, gym, gym.lifter, "sqaut 3x5 @90kg rir2")
    async with bots.running() as second:
        data = await answer(fake, await fake.click(gym.guild, gym.training, gym.lifter, message,
                                                   custom_id))
        assert "exercise of your own now" in response_text(data)
        [entry] = await entries(bots.storage(second), gym.lifter)
        assert entry.exercise.key == "sqaut"


async def test_a_log_channel_post_gets_its_choices_as_buttons(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    await answer(fake, await fake.slash(gym.guild, gym.training, gym.admin, "logchannel",
                                        {"channel": gym.log_channel}, subcommand="set"))
    await post(fake, bot, gym.log_channel, gym.lifter, "sqaut 3x5 @90kg rir2")
    [reply] = fake.messages_in(gym.log_channel, from_bot=True)
    assert "I read 'sqaut' as back squat" in reply["content"]
    [button] = buttons(reply)  # no Undo button: a cross reaction undoes a post
    assert button["custom_id"].startswith(f"offer:{gym.lifter.id}:")
    data = await answer(fake, await fake.click(gym.guild, gym.log_channel, gym.lifter, reply,
                                               button["custom_id"]))
    assert "exercise of your own now" in response_text(data)
    [entry] = await entries(bots.storage(bot), gym.lifter)
    assert entry.exercise.key == "sqaut"
