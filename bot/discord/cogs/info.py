"""/why and /help: the reasoning behind the advice, and how to use the bot."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from discord import app_commands
from discord.ext import commands

from bot.discord.cogs.common import respond
from bot.domain.advice import RULES

if TYPE_CHECKING:
    import discord

    from bot.discord.client import LiftBot


class InfoCog(commands.Cog):
    def __init__(self, bot: LiftBot) -> None:
        self.bot = bot

    @app_commands.command(name="why", description="The reasoning and sources behind a rule id")
    @app_commands.describe(rule="a rule id from a reply, e.g. A1")
    async def why(self, interaction: discord.Interaction[Any], rule: str) -> None:
        # Public, so the gym learns too; a mistyped id is answered privately.
        await respond(interaction, await self.bot.coach.info.why(rule))

    @why.autocomplete("rule")
    async def rule_ids(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        text = current.strip().lower()
        return [
            app_commands.Choice(name=f"{r.rule_id}: {r.title}"[:100], value=r.rule_id)
            for r in RULES.values()
            if text in r.rule_id.lower() or text in r.title.lower()
        ][:25]

    @app_commands.command(name="help", description="How to log and what the coach knows")
    async def help(self, interaction: discord.Interaction[Any]) -> None:
        reply = await self.bot.coach.info.help()
        if not self.bot.settings.message_content_intent:
            lines = (*reply.lines, "Typed `!log` and the log channel are off on this bot: "
                     "they need the message content intent. Use `/log`.")
            reply = replace(reply, lines=lines)
        await respond(interaction, reply, ephemeral=True)


async def setup(bot: LiftBot) -> None:
    await bot.add_cog(InfoCog(bot))
