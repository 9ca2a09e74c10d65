"""The Undo button under a log, and /undo."""

from __future__ import annotations

from bot.discord.client import LiftBot
from tests.discord.conftest import BotFactory, Gym
from tests.discord.helpers import JSON, answer, buttons, entries, is_ephemeral, response_text
from tests.fakediscord import FakeDiscord, User


async def log_with_button(fake: FakeDiscord, gym: Gym, who: User, entry: str) -> tuple[JSON, str]:
    """``who`` logs ``entry`` with /log; returns the bot's message and its Undo button id."""
    ix = await fake.slash(gym.guild, gym.training, who, "log", {"entry": entry})
    await answer(fake, ix)
    message = fake.response_message(ix)
    assert message is not None
    [button] = [b for b in buttons(message) if b["custom_id"].startswith("undo:")]
    return message, button["custom_id"]


async def test_author_undoes_with_the_button(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    storage = bots.storage(bot)
    message, custom_id = await log_with_button(fake, gym, gym.lifter, "squat 5x5 @100kg rir2")
    assert len(await entries(storage, gym.lifter)) == 1

    click = await fake.click(gym.guild, gym.training, gym.lifter, message, custom_id)
    data = await answer(fake, click)
    assert is_ephemeral(data)
    assert "Removed" in response_text(data) and "back squat" in response_text(data)
    assert await entries(storage, gym.lifter) == []
    # The button disappears, so nobody presses it again.
    await fake.wait_until(lambda: buttons(fake.message(message["id"]) or {}) == [], 3,
                          "the Undo button to be removed")


async def test_someone_else_cannot_undo(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    storage = bots.storage(bot)
    message, custom_id = await log_with_button(fake, gym, gym.lifter, "bench 3x8 @80kg rir1")

    click = await fake.click(gym.guild, gym.training, gym.friend, message, custom_id)
    data = await answer(fake, click)
    assert is_ephemeral(data)
    assert "Only the lifter who logged this" in response_text(data)
    assert len(await entries(storage, gym.lifter)) == 1
    assert buttons(fake.message(message["id"]) or {}) != []


async def test_button_works_after_a_restart(
    fake: FakeDiscord, gym: Gym, bots: BotFactory
) -> None:
    async with bots.running() as first:
        message, custom_id = await log_with_button(fake, gym, gym.lifter,
                                                   "barbell row 4x10 @60kg rir2")
        assert len(await entries(bots.storage(first), gym.lifter)) == 1

    async with bots.running() as second:
        click = await fake.click(gym.guild, gym.training, gym.lifter, message, custom_id)
        data = await answer(fake, click)
        assert "Removed" in response_text(data)
        assert await entries(bots.storage(second), gym.lifter) == []


async def test_pressing_twice_removes_nothing_more(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    storage = bots.storage(bot)
    old, old_id = await log_with_button(fake, gym, gym.lifter, "squat 5x5 @100kg rir2")
    await log_with_button(fake, gym, gym.lifter, "squat 5x5 @100kg rir2")
    first = await fake.click(gym.guild, gym.training, gym.lifter, old, old_id)
    await answer(fake, first)
    again = await fake.click(gym.guild, gym.training, gym.lifter, old, old_id)
    data = await answer(fake, again)
    assert is_ephemeral(data) and "Nothing to undo" in response_text(data)
    assert len(await entries(storage, gym.lifter)) == 1  # the newer log is kept


async def test_slash_undo_removes_only_your_last_entry(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    storage = bots.storage(bot)
    await log_with_button(fake, gym, gym.lifter, "squat 5x5 @100kg rir2")
    await log_with_button(fake, gym, gym.friend, "curl 3x12 @14kg rir1")

    ix = await fake.slash(gym.guild, gym.training, gym.friend, "undo")
    data = await answer(fake, ix)
    assert is_ephemeral(data) and "curl" in response_text(data)
    assert await entries(storage, gym.friend) == []
    assert len(await entries(storage, gym.lifter)) == 1

    nothing = await fake.slash(gym.guild, gym.training, gym.friend, "undo")
    text = response_text(await answer(fake, nothing))
    assert "nothing logged" in text.lower() and "Example:" in text


async def test_one_press_undoes_a_whole_multi_exercise_log(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    storage = bots.storage(bot)
    await log_with_button(fake, gym, gym.lifter, "deadlift 1x5 @180kg rir2")
    big = "; ".join(["curl 3x10"] * 20)  # the ids no longer fit in a button one by one
    message, custom_id = await log_with_button(fake, gym, gym.lifter, big)
    assert len(custom_id) <= 100
    assert len(await entries(storage, gym.lifter)) == 21

    data = await answer(fake, await fake.click(gym.guild, gym.training, gym.lifter, message,
                                               custom_id))
    text = response_text(data)
    assert "Removed" in text and "Nothing to undo" not in text
    assert text.count("curl") == 20
    left = await entries(storage, gym.lifter)
    assert [e.exercise.name for e in left] == ["deadlift"]  # the older log is untouched
