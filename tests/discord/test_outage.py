"""When the database does not answer: every way in (a slash command, a typed command, a
button, a log-channel post) gets a private "try again", and the bot keeps running; any
other error in a button press is answered too, with an id that is in the log."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from bot.coach.outage import StorageOutage
from bot.discord.client import LiftBot
from tests.discord.conftest import Gym
from tests.discord.helpers import answer, buttons, is_ephemeral, post, response_text
from tests.fakediscord import FakeDiscord


async def away(*args: Any, **kwargs: Any) -> Any:
    raise StorageOutage("PostgreSQL lost its connection (ConnectionDoesNotExistError)")


async def test_a_slash_command_and_a_typed_one_say_try_again(
    fake: FakeDiscord, gym: Gym, bot: LiftBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.coach.logbook, "log", away)
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "log", {"entry": "squat 5x5"})
    reply = await answer(fake, ix)
    assert is_ephemeral(reply) and "Try again in a moment" in response_text(reply)
    typed = await post(fake, bot, gym.training, gym.lifter, "!log squat 5x5")
    said = [m for m in fake.world.messages.values()
            if int(m["id"]) > int(typed["id"]) and m["author"]["id"] == str(fake.bot_user.id)]
    assert len(said) == 1 and "Try again in a moment" in response_text(said[0])
    monkeypatch.undo()
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "log", {"entry": "squat 5x5"})
    assert "Logged back squat" in response_text(await answer(fake, ix))  # still running


async def test_a_button_answers_an_outage_and_any_other_failure(
    fake: FakeDiscord, gym: Gym, bot: LiftBot, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "log",
                          {"entry": "squat 5x5 @100kg rir2"})
    await answer(fake, ix)
    message = fake.response_message(ix)
    assert message is not None
    [undo] = [b["custom_id"] for b in buttons(message) if b["custom_id"].startswith("undo:")]
    monkeypatch.setattr(bot.coach.logbook, "undo_entries", away)
    click = await fake.click(gym.guild, gym.training, gym.lifter, message, undo)
    reply = await answer(fake, click)
    assert is_ephemeral(reply) and "Try again in a moment" in response_text(reply)

    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("a bug")

    monkeypatch.setattr(bot.coach.logbook, "undo_entries", broken)
    with caplog.at_level(logging.ERROR, logger="liftcoach"):
        click = await fake.click(gym.guild, gym.training, gym.lifter, message, undo)
        reply = await answer(fake, click)
    assert is_ephemeral(reply) and "error id" in response_text(reply)
    assert "a bug" not in response_text(reply)
    assert any(r.exc_info and "a bug" in str(r.exc_info[1]) for r in caplog.records)


async def test_a_log_channel_post_during_an_outage_is_told_to_try_again(
    fake: FakeDiscord, gym: Gym, bot: LiftBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    ix = await fake.slash(gym.guild, gym.training, gym.admin, "logchannel",
                          {"channel": gym.log_channel}, subcommand="set")
    await answer(fake, ix)
    monkeypatch.setattr(bot.coach.logbook, "log_from_channel", away)
    await post(fake, bot, gym.log_channel, gym.lifter, "squat 5x5 @100kg rir2")
    replies = [m for m in fake.world.messages.values()
               if m["author"]["id"] == str(fake.bot_user.id)
               and m["channel_id"] == str(gym.log_channel.id)]
    assert any("Try again in a moment" in response_text(m) for m in replies), replies
