"""The passive log channel: admins choose it, plain posts there are read as logs."""

from __future__ import annotations

from bot.discord.client import LiftBot
from tests.discord.conftest import BotFactory, Gym
from tests.discord.helpers import (
    answer,
    entries,
    is_ephemeral,
    post,
    react,
    response_text,
    settle,
)
from tests.fakediscord import FakeDiscord, User

SAVED, UNDO = "✅", "❌"


async def choose_log_channel(fake: FakeDiscord, gym: Gym, who: User) -> dict[str, object]:
    ix = await fake.slash(gym.guild, gym.training, who, "logchannel",
                          {"channel": gym.log_channel}, subcommand="set")
    return await answer(fake, ix)


def reactions_by_bot(fake: FakeDiscord, message_id: str) -> list[str]:
    message = fake.message(message_id) or {}
    return [r["emoji"]["name"] for r in message.get("reactions", []) if r.get("me")]


async def test_admin_sets_the_channel(fake: FakeDiscord, gym: Gym, bot: LiftBot) -> None:
    data = await choose_log_channel(fake, gym, gym.admin)
    assert not is_ephemeral(data)  # the server should know where logs go
    text = response_text(data)
    assert "Log channel set" in text and f"#{gym.log_channel.name}" in text
    assert "intent" not in text  # this bot has the message content intent


async def test_members_cannot_set_the_channel(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "logchannel",
                          {"channel": gym.log_channel}, subcommand="set")
    data = await answer(fake, ix)
    assert is_ephemeral(data)
    assert "Admins only" in response_text(data)
    await settle()
    assert ix.followups == []  # one refusal, not two
    await post(fake, bot, gym.log_channel, gym.lifter, "squat 5x5 @100kg rir2")
    assert fake.messages_in(gym.log_channel, from_bot=True) == []
    assert await entries(bots.storage(bot), gym.lifter) == []


async def test_a_log_post_is_stored_marked_and_answered(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    await choose_log_channel(fake, gym, gym.admin)
    posted = await post(fake, bot, gym.log_channel, gym.lifter, "squat 5x5 @100kg rir2")

    assert reactions_by_bot(fake, posted["id"]) == [SAVED]
    [reply] = fake.messages_in(gym.log_channel, from_bot=True)
    assert str(reply["message_reference"]["message_id"]) == posted["id"]
    assert "back squat" in reply["content"] and "100 kg" in reply["content"]
    stored = await entries(bots.storage(bot), gym.lifter)
    assert [e.exercise.name for e in stored] == ["back squat"]
    assert await entries(bots.storage(bot), gym.admin) == []


async def test_the_author_undoes_with_a_cross(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    await choose_log_channel(fake, gym, gym.admin)
    posted = await post(fake, bot, gym.log_channel, gym.lifter, "bench 3x8 @80kg rir1")
    assert len(await entries(bots.storage(bot), gym.lifter)) == 1

    await react(fake, bot, gym.log_channel, posted, gym.lifter, UNDO)
    assert await entries(bots.storage(bot), gym.lifter) == []
    assert reactions_by_bot(fake, posted["id"]) == []  # ✅ taken back
    replies = fake.messages_in(gym.log_channel, from_bot=True)
    assert len(replies) == 2 and "Removed" in replies[-1]["content"]


async def test_someone_elses_cross_does_nothing(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    await choose_log_channel(fake, gym, gym.admin)
    posted = await post(fake, bot, gym.log_channel, gym.lifter, "bench 3x8 @80kg rir1")
    for other in (gym.friend, gym.admin):
        await react(fake, bot, gym.log_channel, posted, other, UNDO)
    assert len(await entries(bots.storage(bot), gym.lifter)) == 1
    assert reactions_by_bot(fake, posted["id"]) == [SAVED]
    assert len(fake.messages_in(gym.log_channel, from_bot=True)) == 1


async def test_chat_is_left_alone(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    await choose_log_channel(fake, gym, gym.admin)
    chat = ["anyone training today?", "squat day!!", "new PR on bench 🎉", "lol"]
    posted = [await post(fake, bot, gym.log_channel, gym.lifter, text) for text in chat]
    assert fake.messages_in(gym.log_channel, from_bot=True) == []
    assert all(reactions_by_bot(fake, p["id"]) == [] for p in posted)
    assert await entries(bots.storage(bot), gym.lifter) == []


async def test_other_channels_are_not_read(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    await choose_log_channel(fake, gym, gym.admin)
    await post(fake, bot, gym.training, gym.lifter, "squat 5x5 @100kg rir2")
    assert await entries(bots.storage(bot), gym.lifter) == []


async def test_turning_it_off(fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot) -> None:
    await choose_log_channel(fake, gym, gym.admin)
    ix = await fake.slash(gym.guild, gym.training, gym.admin, "logchannel", subcommand="off")
    assert "Log channel off" in response_text(await answer(fake, ix))
    await post(fake, bot, gym.log_channel, gym.lifter, "squat 5x5 @100kg rir2")
    assert await entries(bots.storage(bot), gym.lifter) == []
    assert fake.messages_in(gym.log_channel, from_bot=True) == []


async def test_setting_it_without_the_intent_warns(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, quiet_bot: LiftBot
) -> None:
    text = response_text(await choose_log_channel(fake, gym, gym.admin))
    assert "Log channel set" in text
    assert "message content intent" in text and "/log" in text
    await post(fake, quiet_bot, gym.log_channel, gym.lifter, "squat 5x5 @100kg rir2")
    assert await entries(bots.storage(quiet_bot), gym.lifter) == []


async def test_reply_still_comes_when_reactions_are_not_allowed(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    """A channel may forbid reactions; the lifter must still learn the set was stored."""
    await choose_log_channel(fake, gym, gym.admin)
    fake.fail_next("/reactions/", method="PUT", status=403, code=50013,
                   message="Missing Permissions")
    await post(fake, bot, gym.log_channel, gym.lifter, "squat 5x5 @100kg rir2")
    [reply] = fake.messages_in(gym.log_channel, from_bot=True)
    assert "back squat" in reply["content"]
    assert len(await entries(bots.storage(bot), gym.lifter)) == 1
