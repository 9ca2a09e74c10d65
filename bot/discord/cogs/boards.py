"""/leaderboard show|optout|optin, with its page buttons and the boards' upkeep task.

Discord cannot have a command and a group under one name, so the board is a group:
``/leaderboard show [metric] [window]`` (both optional: adherence over 4 weeks),
``/leaderboard optout`` and ``/leaderboard optin``. Boards are public in their server
and name members with ``<@id>`` mentions, which Discord shows as names and which
never ping; opting out is answered privately.

The Prev/Next buttons under a board are persistent: the custom id holds the server,
metric, window, the page the button leads to and the member the page was made for,
so after a restart discord.py rebuilds the button from the id alone. That member's
press turns the page in place; anyone else gets the page privately, with their own
place, and buttons of their own.
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.coach.boards import parse_metric, parse_window
from bot.coach.replies import error_reply
from bot.discord.cogs.common import guild_key, respond, user_key
from bot.discord.inputs import answer_stale, fits
from bot.discord.render import NO_PINGS, to_embed

log = logging.getLogger("liftcoach.boards")

if TYPE_CHECKING:
    from bot.coach.boards import BoardReply
    from bot.discord.client import LiftBot


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

_METRICS = frozenset(str(c.value) for c in METRIC_CHOICES)
_WINDOWS = frozenset(str(c.value) for c in WINDOW_CHOICES)


def mention(user_id: str) -> str:
    """Discord shows ``<@id>`` in an embed as the member's name, and never pings."""
    return f"<@{user_id}>"


class BoardPageButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"board:(?P<guild>[0-9]+):(?P<metric>[a-z]+):(?P<window>[a-z0-9]+)"
             r":(?P<page>[0-9]+):(?P<owner>[0-9]+)",
):
    def __init__(self, guild_id: int, metric: str, window: str, page: int, owner_id: int,
                 *, label: str = "Next", disabled: bool = False) -> None:
        self.guild_id = guild_id
        self.metric = metric
        self.window = window
        self.page = page
        self.owner_id = owner_id
        self.valid = (fits(guild_id, page, owner_id) and metric in _METRICS
                      and window in _WINDOWS)
        super().__init__(discord.ui.Button(
            label=label, style=discord.ButtonStyle.secondary, disabled=disabled,
            custom_id=f"board:{guild_id}:{metric}:{window}:{page}:{owner_id}",
        ))

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any],
        match: re.Match[str], /,
    ) -> BoardPageButton:
        return cls(int(match.group("guild")), match.group("metric"), match.group("window"),
                   int(match.group("page")), int(match.group("owner")))

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if self.valid:
            return True
        await answer_stale(interaction)
        return False

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        if interaction.guild_id != self.guild_id:  # a board never shows outside its server
            await interaction.response.send_message(
                "This leaderboard belongs to another server.", ephemeral=True,
                allowed_mentions=NO_PINGS)
            return
        bot: LiftBot = interaction.client
        viewer = interaction.user.id
        board = await bot.coach.boards.leaderboard(
            str(self.guild_id), str(viewer), self.metric, self.window, self.page,
            mention=mention)
        view = board_view(self.guild_id, viewer, board)
        if viewer == self.owner_id:
            await interaction.response.edit_message(embed=to_embed(board.reply), view=view,
                                                    allowed_mentions=NO_PINGS)
        else:
            kwargs: dict[str, Any] = {"view": view} if view is not None else {}
            await interaction.response.send_message(
                embed=to_embed(board.reply), ephemeral=True, allowed_mentions=NO_PINGS,
                **kwargs)


def board_view(guild_id: int, owner_id: int, board: BoardReply) -> discord.ui.View | None:
    """Prev and Next for a board with more than one page (None for a single page)."""
    if board.pages <= 1 or board.reply.is_error:
        return None
    view = discord.ui.View(timeout=None)
    view.add_item(BoardPageButton(guild_id, board.metric, board.window, board.page - 1,
                                  owner_id, label="Prev", disabled=board.page <= 1))
    view.add_item(BoardPageButton(guild_id, board.metric, board.window, board.page + 1,
                                  owner_id, label="Next", disabled=board.page >= board.pages))
    return view


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


class BoardCog(commands.Cog):
    def __init__(self, bot: LiftBot) -> None:
        self.bot = bot
        self.groups = (LeaderboardGroup(bot),)
        for group in self.groups:
            bot.tree.add_command(group)
        self.stored_read = asyncio.Event()  # set once the start-up read of boards is done
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

    @keep_boards_current.before_loop
    async def read_stored_boards(self) -> None:
        """A process that just started reads its servers' stored boards once it is
        connected, so their first views do not decode them on the request."""
        await self.bot.wait_until_ready()
        try:
            await self.bot.coach.boards.load_stored([guild_key(g) for g in self.bot.guilds])
        except Exception:  # the first views read them instead
            log.exception("reading the stored leaderboards failed")
        finally:
            self.stored_read.set()


async def setup(bot: LiftBot) -> None:
    bot.add_dynamic_items(BoardPageButton)
    await bot.add_cog(BoardCog(bot))
