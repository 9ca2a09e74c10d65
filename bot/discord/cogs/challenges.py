"""/challenge start|show|end: a server's group challenge.

Anyone may look (``/challenge show``, public in the server, members shown as ``<@id>``
mentions that never ping); only members who can manage the server start or end one.
An ended challenge's results are posted in the recap channel with display names and
no pings; when that post fails they wait for the next weekly recap.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.coach.replies import Reply
from bot.discord.cogs.boards import mention
from bot.discord.cogs.common import guild_key, respond, user_key
from bot.discord.render import NO_PINGS
from bot.domain.figures import (
    MAX_CHALLENGE_DAYS,
    MAX_CHALLENGE_WEEKS,
    MIN_CHALLENGE_DAYS,
    MIN_CHALLENGE_WEEKS,
)

if TYPE_CHECKING:
    from bot.discord.client import LiftBot

log = logging.getLogger("liftcoach.challenges")
ADMINS_ONLY = Reply(title="Admins only", lines=(
    "Only members who can manage this server start or end its challenge; anyone can "
    "follow it with /challenge show.",), tone="error", private=True)


def _is_admin(interaction: discord.Interaction[Any]) -> bool:
    perms = getattr(interaction.user, "guild_permissions", None)
    return perms is not None and perms.manage_guild


@app_commands.guild_only()
class ChallengeGroup(app_commands.Group, name="challenge",
                     description="A group challenge: everyone who logs here takes part"):
    def __init__(self, bot: LiftBot) -> None:
        super().__init__()
        self.bot = bot

    @app_commands.command(name="start", description="Start a challenge from this week (admins)")
    @app_commands.describe(days="training days a week", weeks="how many weeks",
                           name="a name for it (optional)")
    async def start(
        self, interaction: discord.Interaction[Any],
        days: app_commands.Range[int, MIN_CHALLENGE_DAYS, MAX_CHALLENGE_DAYS],
        weeks: app_commands.Range[int, MIN_CHALLENGE_WEEKS, MAX_CHALLENGE_WEEKS],
        name: str | None = None,
    ) -> None:
        if not _is_admin(interaction):
            await respond(interaction, ADMINS_ONLY)
            return
        reply = await self.bot.coach.challenges.start(
            guild_key(interaction.guild), user_key(interaction.user), days, weeks, name)
        await respond(interaction, reply, ephemeral=reply.is_error)

    @app_commands.command(name="show", description="Everyone's progress in the challenge")
    async def show(self, interaction: discord.Interaction[Any]) -> None:
        reply = await self.bot.coach.challenges.show(
            guild_key(interaction.guild), user_key(interaction.user), mention=mention)
        await respond(interaction, reply)

    @app_commands.command(name="end", description="End the challenge now (admins)")
    async def end(self, interaction: discord.Interaction[Any]) -> None:
        if not _is_admin(interaction):
            await respond(interaction, ADMINS_ONLY)
            return
        await interaction.response.defer()
        challenges = self.bot.coach.challenges
        ended = await challenges.end(guild_key(interaction.guild), user_key(interaction.user))
        reply = ended.reply
        if ended.announcement is not None and ended.channel_id is not None:
            try:
                channel = await self.bot.fetch_channel(int(ended.channel_id))
                if not isinstance(channel, discord.abc.Messageable):
                    raise TypeError(channel)
                await channel.send(ended.announcement, allowed_mentions=NO_PINGS)
                if ended.challenge_id is not None:
                    await challenges.announced([ended.challenge_id])
            except (discord.HTTPException, TypeError):
                log.info("could not announce the challenge's end in %s", ended.channel_id)
                reply = Reply(title=reply.title, lines=(
                    "I could not post in the recap channel; the results come with the next "
                    "weekly recap.", *reply.lines[1:]), tone="warning", saved=True)
        await respond(interaction, reply, ephemeral=reply.private)


class ChallengesCog(commands.Cog):
    def __init__(self, bot: LiftBot) -> None:
        self.bot = bot
        self.group = ChallengeGroup(bot)
        bot.tree.add_command(self.group)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.group.name)


async def setup(bot: LiftBot) -> None:
    await bot.add_cog(ChallengesCog(bot))
