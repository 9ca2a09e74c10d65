"""One INFO line per command run, naming who and where by id only.

Operators get a trace of activity; what lifters wrote never enters the logs.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from discord import app_commands
from discord.ext import commands

if TYPE_CHECKING:
    import discord

    from bot.discord.client import LiftBot

log = logging.getLogger("liftcoach.audit")


class AuditCog(commands.Cog):
    def __init__(self, bot: LiftBot) -> None:
        self.bot = bot

    @commands.Cog.listener()
    async def on_app_command_completion(
        self, interaction: discord.Interaction[Any],
        command: app_commands.Command[Any, ..., Any] | app_commands.ContextMenu,
    ) -> None:
        log.info("/%s by user %s in guild %s", command.qualified_name, interaction.user.id,
                 interaction.guild_id)

    @commands.Cog.listener()
    async def on_command_completion(self, ctx: commands.Context[Any]) -> None:
        if ctx.interaction is None:  # slash use of hybrid commands is logged above
            log.info("typed %s by user %s in guild %s", ctx.command, ctx.author.id,
                     ctx.guild.id if ctx.guild else None)


async def setup(bot: LiftBot) -> None:
    await bot.add_cog(AuditCog(bot))
