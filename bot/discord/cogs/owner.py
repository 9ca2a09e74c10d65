"""Owner-only maintenance commands, typed: `!sync` re-syncs slash commands by hand."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from discord.ext import commands

from bot.discord.render import NO_PINGS

if TYPE_CHECKING:
    from bot.discord.client import LiftBot


class OwnerCog(commands.Cog):
    def __init__(self, bot: LiftBot) -> None:
        self.bot = bot

    @commands.command(name="sync", hidden=True)
    @commands.is_owner()
    async def sync(self, ctx: commands.Context[Any]) -> None:
        outcome = await self.bot.sync_commands(force=True)
        await ctx.send(f"Slash commands {outcome}.", allowed_mentions=NO_PINGS)


async def setup(bot: LiftBot) -> None:
    await bot.add_cog(OwnerCog(bot))
