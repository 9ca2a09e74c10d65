"""Logging in, what the bot registers as slash commands, and when it syncs them."""

from __future__ import annotations

import logging

import discord
import pytest
from discord import app_commands

from bot.discord.client import LiftBot
from tests.discord.conftest import BotFactory, Gym
from tests.discord.helpers import post
from tests.fakediscord import FakeDiscord

EXPECTED = {"log", "undo", "history", "why", "profile", "sore", "exercise", "help",
            "logchannel"}
STRING, SUB_COMMAND = 3, 1


def global_syncs(fake: FakeDiscord) -> int:
    return len([r for r in fake.requests_to("/commands", "PUT") if "/guilds/" not in r.path])


def by_name(commands: list[dict[str, object]]) -> dict[str, dict[str, object]]:
    return {str(c["name"]): c for c in commands}


async def test_login_reaches_ready_and_registers_every_command(
    fake: FakeDiscord, gym: Gym, bot: LiftBot
) -> None:
    assert bot.user is not None and bot.user.id == fake.bot_user.id
    assert bot.get_guild(gym.guild.id) is not None
    commands = by_name(fake.commands_for(None))
    assert set(commands) >= EXPECTED
    assert fake.unknown_requests() == []

    entry = commands["log"]["options"]
    assert isinstance(entry, list) and len(entry) == 1
    assert entry[0]["name"] == "entry"
    # Optional: /log alone opens the workout form.
    assert entry[0]["type"] == STRING and not entry[0].get("required")
    assert entry[0]["autocomplete"] is True

    group = commands["logchannel"]
    subs = group["options"]
    assert isinstance(subs, list)
    assert {s["name"] for s in subs if s["type"] == SUB_COMMAND} == {"set", "off"}
    # Only people who can manage the server see it by default, and never in DMs.
    manage_guild = discord.Permissions(manage_guild=True).value
    assert int(str(group["default_member_permissions"])) == manage_guild
    assert group.get("contexts") == [0] or group.get("dm_permission") is False


async def test_profile_time_zone_option_matches_the_examples(
    fake: FakeDiscord, gym: Gym, bot: LiftBot
) -> None:
    """Replies and /help say `/profile tz:Europe/Berlin`, so that option must exist."""
    options = by_name(fake.commands_for(None))["profile"]["options"]
    assert isinstance(options, list)
    names = {o["name"] for o in options}
    assert "tz" in names
    zone = next(o for o in options if o["name"] == "tz")
    assert zone["autocomplete"] is True


async def test_dev_guild_gets_the_commands_at_once(
    fake: FakeDiscord, gym: Gym, bots: BotFactory
) -> None:
    async with bots.running(dev_guild_id=gym.guild.id):
        guild_commands = by_name(fake.commands_for(gym.guild))
    assert set(guild_commands) >= EXPECTED
    puts = fake.requests_to(f"/guilds/{gym.guild.id}/commands", "PUT")
    assert len(puts) == 1


async def test_global_sync_only_when_the_command_set_changed(
    fake: FakeDiscord, gym: Gym, bots: BotFactory
) -> None:
    async with bots.running():
        pass
    assert global_syncs(fake) == 1

    async with bots.running():  # a restart with the same commands
        pass
    assert global_syncs(fake) == 1

    changed = await bots.build()

    @app_commands.command(name="stretch", description="A command added in a new release")
    async def stretch(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("ok")

    changed.tree.add_command(stretch)
    async with bots.run(changed):
        pass
    assert global_syncs(fake) == 2
    assert "stretch" in by_name(fake.commands_for(None))

    async with bots.running():  # the release is rolled back: the old set comes back
        pass
    assert global_syncs(fake) == 3
    assert "stretch" not in by_name(fake.commands_for(None))


async def test_owner_can_force_a_sync(fake: FakeDiscord, gym: Gym, bot: LiftBot) -> None:
    before = global_syncs(fake)
    await post(fake, bot, gym.training, gym.owner, "!sync")
    reply = await fake.next_bot_message(gym.training)
    assert "synced" in reply["content"].lower()
    assert global_syncs(fake) == before + 1


async def test_sync_is_refused_for_everyone_else(
    fake: FakeDiscord, gym: Gym, bot: LiftBot
) -> None:
    before = global_syncs(fake)
    for who in (gym.lifter, gym.admin):
        await post(fake, bot, gym.training, who, "!sync")
        reply = await fake.next_bot_message(gym.training)
        assert "can't" in reply["content"].lower()
    assert global_syncs(fake) == before


async def test_no_missing_intent_warning_when_it_is_off_by_design(
    bots: BotFactory, caplog: pytest.LogCaptureFixture
) -> None:
    """Slash commands need no message content; a bot run without it (the default) must
    not warn that the intent is missing, or every deployment logs a false alarm."""
    caplog.set_level(logging.WARNING)
    async with bots.running(intent=False):
        pass
    warned = [r.getMessage() for r in caplog.records if "intent is missing" in r.getMessage()]
    assert warned == []


async def test_typed_commands_keep_their_prefix_with_the_intent(bots: BotFactory) -> None:
    async with bots.running(intent=True) as running:
        assert running.user is not None
        message = discord.Object(id=1)
        prefixes = running.command_prefix(running, message)  # type: ignore[operator]
        assert "!" in prefixes
