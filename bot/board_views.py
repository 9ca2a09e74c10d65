"""Prev/Next buttons under a leaderboard: persistent, their custom id says it all.

The id holds the server, metric, window, the page the button leads to and the
member the page was made for, so after a restart discord.py rebuilds the button
from the id alone. That member's press turns the page in place; anyone else gets
the page privately, with their own place, and buttons of their own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import discord

from bot.discord_render import NO_PINGS, to_embed

if TYPE_CHECKING:
    from bot.client import LiftBot
    from bot.coach.boards import BoardReply


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
