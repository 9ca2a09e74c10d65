"""/stats and /chart exercise|consistency: the lifter's own numbers, answered privately."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.cogs.common import exercise_names, respond, user_key
from bot.discord.render import NO_PINGS, to_embed

if TYPE_CHECKING:
    from bot.coach.progress import ChartReply
    from bot.discord.client import LiftBot


class ChartGroup(app_commands.Group, name="chart", description="Pictures of your progress"):
    def __init__(self, bot: LiftBot) -> None:
        super().__init__()
        self.bot = bot

    @app_commands.command(name="exercise", description="e1RM (or top set) and weekly hard "
                          "sets of one exercise")
    @app_commands.describe(name="the exercise", weeks="how many weeks back (default 12)")
    @app_commands.autocomplete(name=exercise_names)
    async def exercise(
        self, interaction: discord.Interaction[Any], name: str,
        weeks: app_commands.Range[int, 1, 104] = 12,
    ) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await self.bot.coach.progress.chart(user_key(interaction.user), name, weeks)
        await _send_chart(interaction, result)

    @app_commands.command(name="consistency", description="A calendar of your training days, "
                          "weekly target marked")
    @app_commands.describe(weeks="how many weeks back (default 26)")
    async def consistency(
        self, interaction: discord.Interaction[Any],
        weeks: app_commands.Range[int, 1, 104] = 26,
    ) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await self.bot.coach.progress.chart_consistency(user_key(interaction.user),
                                                               weeks)
        await _send_chart(interaction, result)


async def _send_chart(interaction: discord.Interaction[Any], result: ChartReply) -> None:
    embed = to_embed(result.reply)
    kwargs: dict[str, Any] = {"embed": embed, "ephemeral": True, "allowed_mentions": NO_PINGS}
    if result.png is not None:
        embed.set_image(url=f"attachment://{result.filename}")
        kwargs["file"] = discord.File(io.BytesIO(result.png), filename=result.filename)
    await interaction.followup.send(**kwargs)


class ProgressCog(commands.Cog):
    def __init__(self, bot: LiftBot) -> None:
        self.bot = bot
        self.chart = ChartGroup(bot)
        bot.tree.add_command(self.chart)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.chart.name)

    @app_commands.command(name="stats", description="Your consistency, failure sets and "
                          "hard sets of the last 7 days, records (only you)")
    @app_commands.describe(exercise="records of one exercise")
    @app_commands.autocomplete(exercise=exercise_names)
    async def stats(
        self, interaction: discord.Interaction[Any], exercise: str | None = None
    ) -> None:
        reply = await self.bot.coach.progress.stats(user_key(interaction.user), exercise)
        await respond(interaction, reply, ephemeral=True)


async def setup(bot: LiftBot) -> None:
    await bot.add_cog(ProgressCog(bot))
