"""/leaderboard show|optout|optin, /stats and /chart exercise|consistency.

Discord cannot have a command and a group under one name, so the board is a group:
``/leaderboard show [metric] [window]`` (both optional: adherence over 4 weeks),
``/leaderboard optout`` and ``/leaderboard optin``. Boards are public in their server
and name members with ``<@id>`` mentions, which Discord shows as names and which
never ping; /stats, /chart and opting out are answered privately.
"""

from __future__ import annotations

import io
import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.board_views import BoardPageButton, board_view, mention
from bot.coach.boards import parse_metric, parse_window
from bot.cogs.common import guild_key, respond, user_key
from bot.discord_render import NO_PINGS, to_embed
from bot.replies import error_reply

log = logging.getLogger("liftcoach.boards")

if TYPE_CHECKING:
    from bot.client import LiftBot
    from bot.coach.lifter_progress import ChartReply

METRIC_CHOICES = [
    app_commands.Choice(name="adherence: days trained of the weekly target", value="adherence"),
    app_commands.Choice(name="streak: weeks in a row on target", value="streak"),
    app_commands.Choice(name="days: training days", value="days"),
    app_commands.Choice(name="discipline: failure where it belongs", value="discipline"),
]
WINDOW_CHOICES = [
    app_commands.Choice(name="last 4 weeks", value="4w"),
    app_commands.Choice(name="last 12 weeks", value="12w"),
    app_commands.Choice(name="all time", value="all"),
]


async def exercise_names(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    bot: LiftBot = interaction.client
    found = bot.coach.catalogue.search(current, limit=25)
    return [app_commands.Choice(name=e.name, value=e.name) for e in found]


@app_commands.guild_only()
class LeaderboardGroup(app_commands.Group, name="leaderboard",
                       description="This server's consistency leaderboards"):
    def __init__(self, bot: LiftBot) -> None:
        super().__init__()
        self.bot = bot

    @app_commands.command(name="show", description="Top 10 and your place (default: "
                          "adherence over the last 4 weeks)")
    @app_commands.describe(metric="what to rank", window="how far back to look")
    @app_commands.choices(metric=METRIC_CHOICES, window=WINDOW_CHOICES)
    async def show(
        self, interaction: discord.Interaction[Any], metric: str = "adherence",
        window: str = "4w",
    ) -> None:
        if parse_metric(metric) is None or parse_window(window) is None:
            await respond(interaction, error_reply(
                "That is not a leaderboard I keep.", "Pick a metric and a window from the "
                "lists.", "/leaderboard show metric:streak window:12w"), ephemeral=True)
            return
        await interaction.response.defer(thinking=True)  # a large server takes a moment
        board = await self.bot.coach.boards.leaderboard(
            guild_key(interaction.guild), user_key(interaction.user), metric, window,
            mention=mention)
        kwargs: dict[str, Any] = {"embed": to_embed(board.reply), "allowed_mentions": NO_PINGS}
        view = board_view(interaction.guild_id or 0, interaction.user.id, board)
        if view is not None:
            kwargs["view"] = view
        await interaction.followup.send(**kwargs)

    @app_commands.command(name="optout", description="Leave this server's leaderboards")
    async def optout(self, interaction: discord.Interaction[Any]) -> None:
        reply = await self.bot.coach.boards.optout(guild_key(interaction.guild),
                                                   user_key(interaction.user))
        await respond(interaction, reply, ephemeral=True)

    @app_commands.command(name="optin", description="Come back to this server's leaderboards")
    async def optin(self, interaction: discord.Interaction[Any]) -> None:
        reply = await self.bot.coach.boards.optin(guild_key(interaction.guild),
                                                  user_key(interaction.user))
        await respond(interaction, reply, ephemeral=True)


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
        result = await self.bot.coach.boards.chart(user_key(interaction.user), name, weeks)
        await _send_chart(interaction, result)

    @app_commands.command(name="consistency", description="A calendar of your training days, "
                          "weekly target marked")
    @app_commands.describe(weeks="how many weeks back (default 26)")
    async def consistency(
        self, interaction: discord.Interaction[Any],
        weeks: app_commands.Range[int, 1, 104] = 26,
    ) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await self.bot.coach.boards.chart_consistency(user_key(interaction.user),
                                                               weeks)
        await _send_chart(interaction, result)


async def _send_chart(interaction: discord.Interaction[Any], result: ChartReply) -> None:
    embed = to_embed(result.reply)
    kwargs: dict[str, Any] = {"embed": embed, "ephemeral": True, "allowed_mentions": NO_PINGS}
    if result.png is not None:
        embed.set_image(url=f"attachment://{result.filename}")
        kwargs["file"] = discord.File(io.BytesIO(result.png), filename=result.filename)
    await interaction.followup.send(**kwargs)


class BoardCog(commands.Cog):
    def __init__(self, bot: LiftBot) -> None:
        self.bot = bot
        self.groups = (LeaderboardGroup(bot), ChartGroup(bot))
        for group in self.groups:
            bot.tree.add_command(group)
        self.keep_boards_current.start()

    async def cog_unload(self) -> None:
        self.keep_boards_current.cancel()
        for group in self.groups:
            self.bot.tree.remove_command(group.name)
        self.bot.remove_dynamic_items(BoardPageButton)

    @tasks.loop(seconds=5)
    async def keep_boards_current(self) -> None:
        """Fold recent logs into the boards and update the boards this process keeps, so
        a /leaderboard finds them current; store them for the next process to start from."""
        try:
            boards = self.bot.coach.boards
            await boards.catch_up()
            await boards.refresh_kept()
            await boards.save_kept()
        except Exception:  # a board read catches up anyway: note it and keep the loop going
            log.exception("leaderboard upkeep failed; trying again shortly")

    @app_commands.command(name="stats", description="Your consistency, this week's failure "
                          "sets and volume, and records (only you see it)")
    @app_commands.describe(exercise="records of one exercise")
    @app_commands.autocomplete(exercise=exercise_names)
    async def stats(
        self, interaction: discord.Interaction[Any], exercise: str | None = None
    ) -> None:
        reply = await self.bot.coach.boards.stats(user_key(interaction.user), exercise)
        await respond(interaction, reply, ephemeral=True)


async def setup(bot: LiftBot) -> None:
    bot.add_dynamic_items(BoardPageButton)
    await bot.add_cog(BoardCog(bot))
