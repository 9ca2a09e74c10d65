"""Logs at INFO name users and servers by id; what lifters wrote never reaches them."""

from __future__ import annotations

import logging

import pytest

from bot.discord.client import LiftBot
from tests.discord.conftest import Gym
from tests.discord.helpers import post, react
from tests.fakediscord import FakeDiscord

SECRET_NAME = "zebrafish"  # a word that appears only in what the lifter types


async def test_info_logs_hold_no_message_text(
    fake: FakeDiscord, gym: Gym, bot: LiftBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "log",
                          {"entry": f"{SECRET_NAME} press 3x8 rir2"})
    await fake.wait_response(ix)
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "log",
                          {"entry": f"squat 5x5 {SECRET_NAME}"})
    await fake.wait_response(ix)
    ix = await fake.slash(gym.guild, gym.training, gym.admin, "logchannel",
                          {"channel": gym.log_channel}, subcommand="set")
    await fake.wait_response(ix)
    message = await post(fake, bot, gym.log_channel, gym.lifter, f"{SECRET_NAME} row 3x10 rir1")
    await react(fake, bot, gym.log_channel, message, gym.lifter, "❌")
    await post(fake, bot, gym.training, gym.lifter, f"!log {SECRET_NAME} curl 3x10 f")
    assert caplog.records, "the run logged nothing at all: the check would be empty"
    for record in caplog.records:
        assert SECRET_NAME not in record.getMessage(), record.getMessage()
