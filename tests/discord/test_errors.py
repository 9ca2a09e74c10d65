"""Unexpected failures: logged with an id, and the lifter learns whether the set was kept."""

from __future__ import annotations

import logging
import re
import sys
from typing import Any

import pytest

from bot.discord.client import LiftBot
from tests.discord.conftest import BotFactory, Gym
from tests.discord.helpers import answer, entries, is_ephemeral, post, response_text
from tests.fakediscord import FakeDiscord

ERROR_ID = re.compile(r"error id ([0-9a-f]{8})")
SECRET = "disk on fire 7f3a"


async def explode(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError(SECRET)


def logged_error(caplog: pytest.LogCaptureFixture, error_id: str) -> logging.LogRecord:
    found = [r for r in caplog.records
             if r.name.startswith("liftcoach") and r.levelno == logging.ERROR
             and error_id in r.getMessage()]
    assert len(found) == 1, [r.getMessage() for r in caplog.records]
    return found[0]


def error_id_in(text: str) -> str:
    match = ERROR_ID.search(text)
    assert match, text
    return match.group(1)


def assert_logged_with_traceback(caplog: pytest.LogCaptureFixture, text: str) -> None:
    record = logged_error(caplog, error_id_in(text))
    assert record.exc_info is not None and SECRET in str(record.exc_info[1])
    assert SECRET not in text  # details go to the log, not to the lifter


async def test_failure_before_saving(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot,
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(bot.coach.logbook, "log", explode)
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "log",
                          {"entry": "squat 5x5 @100kg rir2"})
    data = await answer(fake, ix)
    assert is_ephemeral(data)
    text = response_text(data)
    assert "Nothing was saved" in text
    assert_logged_with_traceback(caplog, text)
    assert await entries(bots.storage(bot), gym.lifter) == []


async def test_failure_after_saving(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot,
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    """The set is stored, then building the reply breaks: say it was kept."""

    def broken_view(*args: Any) -> Any:
        raise RuntimeError(SECRET)

    # The module the running bot loaded (loading an extension imports it afresh).
    cog_module = sys.modules[type(bot.cogs["LogCog"]).__module__]
    monkeypatch.setattr(cog_module, "log_view", broken_view)
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "log",
                          {"entry": "squat 5x5 @100kg rir2"})
    data = await answer(fake, ix)
    assert is_ephemeral(data)
    text = response_text(data)
    assert "Your set was saved" in text and "Nothing was saved" not in text
    assert_logged_with_traceback(caplog, text)
    assert len(await entries(bots.storage(bot), gym.lifter)) == 1


async def test_slash_reply_refused_by_discord_after_saving(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot, caplog: pytest.LogCaptureFixture
) -> None:
    fake.fail_next("/callback", method="POST")
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "log",
                          {"entry": "squat 5x5 @100kg rir2"})
    data = await answer(fake, ix)
    assert is_ephemeral(data) and "Your set was saved" in response_text(data)
    logged_error(caplog, error_id_in(response_text(data)))
    assert len(await entries(bots.storage(bot), gym.lifter)) == 1


async def test_typed_reply_refused_by_discord_after_saving(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot, caplog: pytest.LogCaptureFixture
) -> None:
    """Discord rejects the first reply (the set is already stored); the next one explains."""
    fake.fail_next(f"/channels/{gym.training.id}/messages", method="POST")
    await post(fake, bot, gym.training, gym.lifter, "!log squat 5x5 @100kg rir2")
    [reply] = fake.messages_in(gym.training, from_bot=True)
    assert "Your set was saved" in reply["content"]
    logged_error(caplog, error_id_in(reply["content"]))
    assert len(await entries(bots.storage(bot), gym.lifter)) == 1


async def test_typed_failure_before_saving(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot,
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(bot.coach.logbook, "log", explode)
    await post(fake, bot, gym.training, gym.lifter, "!log squat 5x5 @100kg rir2")
    [reply] = fake.messages_in(gym.training, from_bot=True)
    assert "Nothing was saved" in reply["content"]
    assert_logged_with_traceback(caplog, reply["content"])


async def test_slash_only_command_failure(
    fake: FakeDiscord, gym: Gym, bot: LiftBot,
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(bot.coach.logbook, "history", explode)
    data = await answer(fake, await fake.slash(gym.guild, gym.training, gym.lifter, "history"))
    assert is_ephemeral(data)
    text = response_text(data)
    assert "Something went wrong" in text and "Nothing was saved" in text
    assert_logged_with_traceback(caplog, text)


async def test_each_failure_gets_its_own_id(
    fake: FakeDiscord, gym: Gym, bot: LiftBot,
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(bot.coach.info, "why", explode)
    ids = set()
    for _ in range(2):
        ix = await fake.slash(gym.guild, gym.training, gym.lifter, "why", {"rule": "A1"})
        ids.add(error_id_in(response_text(await answer(fake, ix))))
    assert len(ids) == 2
    for error_id in ids:
        logged_error(caplog, error_id)
