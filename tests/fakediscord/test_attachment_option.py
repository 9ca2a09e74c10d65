"""Slash command options of type attachment: resolved, downloadable, sized as told."""

from __future__ import annotations

from collections.abc import AsyncIterator

import discord
import pytest_asyncio
from discord import app_commands
from discord.ext import commands

from tests.fakediscord import FakeDiscord, Upload, run_bot


class UploadBot(commands.Bot):
    def __init__(self) -> None:
        super().__init__(command_prefix="!", intents=discord.Intents.default())

    async def setup_hook(self) -> None:
        @app_commands.command(name="upload", description="Reads an attached file")
        async def upload(interaction: discord.Interaction, file: discord.Attachment) -> None:
            data = await file.read()
            await interaction.response.send_message(
                f"{file.filename}: says {file.size} bytes, got {len(data)}: {data[:5]!r}")

        self.tree.add_command(upload)


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as server:
        yield server


async def test_an_attachment_option_is_resolved_and_served(fake: FakeDiscord) -> None:
    guild = fake.add_guild("Iron Temple")
    lifter = fake.add_member(guild, "lifter")
    channel = fake.add_channel(guild, "training")
    async with run_bot(fake, UploadBot()) as bot:
        await bot.tree.sync()
        [command] = fake.synced_commands[None]
        assert command["options"][0]["type"] == 11

        ix = await fake.slash(guild, channel, lifter, "upload",
                              {"file": Upload("log.csv", b"a,b\n1,2\n")})
        response = await fake.wait_response(ix)
        assert response["data"]["content"] == "log.csv: says 8 bytes, got 8: b'a,b\\n1'"

        claimed = await fake.slash(guild, channel, lifter, "upload",
                                   {"file": Upload("big.csv", b"x,y\n", size=9_000_000)})
        response = await fake.wait_response(claimed)
        assert response["data"]["content"] == "big.csv: says 9000000 bytes, got 4: b'x,y\\n'"
