"""The Undo button: persistent, because its custom id carries everything it needs.

The id holds the author and the entry ids, so after a restart discord.py rebuilds
the button from the id alone and the press still works; only the author may use it.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import discord

from bot.discord_render import NO_PINGS, to_embed

if TYPE_CHECKING:
    from bot.client import LiftBot


class UndoButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"undo:(?P<user>[0-9]+):(?P<entries>[0-9]+(?:,[0-9]+)*)",
):
    def __init__(self, user_id: int, entry_ids: tuple[int, ...]) -> None:
        self.user_id = user_id
        self.entry_ids = entry_ids
        ids = ",".join(str(i) for i in entry_ids)
        super().__init__(
            discord.ui.Button(
                label="Undo", style=discord.ButtonStyle.secondary, emoji="↩️",
                custom_id=f"undo:{user_id}:{ids}"[:100],
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any],
        match: re.Match[str], /,
    ) -> UndoButton:
        ids = tuple(int(i) for i in match.group("entries").split(","))
        return cls(int(match.group("user")), ids)

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if interaction.user.id == self.user_id:
            return True
        await interaction.response.send_message(
            "Only the lifter who logged this can undo it.", ephemeral=True,
            allowed_mentions=NO_PINGS,
        )
        return False

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot: LiftBot = interaction.client  # type: ignore[assignment]
        replies = [await bot.coach.undo(str(self.user_id), i) for i in self.entry_ids]
        done = [r for r in replies if not r.is_error]
        reply = done[0] if len(done) == 1 else replies[0]
        if len(done) > 1:
            lines = tuple(line for r in done for line in r.lines)
            reply = replace(reply, lines=lines)
        await interaction.response.send_message(
            embed=to_embed(reply), ephemeral=True, allowed_mentions=NO_PINGS
        )
        if done and interaction.message is not None:
            with contextlib.suppress(discord.HTTPException):
                await interaction.message.edit(view=None, allowed_mentions=NO_PINGS)


def undo_view(user_id: int, entry_ids: tuple[int, ...]) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(UndoButton(user_id, entry_ids))
    return view
