"""The Undo button: persistent, because its custom id carries everything it needs.

The id holds the author and the entry ids as runs (one log's entries get
consecutive ids, so a run is short), so after a restart discord.py rebuilds the
button from the id alone and the press still works; only the author may use it.
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


CUSTOM_ID_LIMIT = 100  # Discord's limit for a component's custom id
MAX_UNDO_ENTRIES = 200


def _pack(entry_ids: tuple[int, ...]) -> str:
    """Entry ids as runs: ``4-9,12``. One log's entries are usually consecutive."""
    runs: list[list[int]] = []
    for i in sorted(set(entry_ids)):
        if runs and i == runs[-1][1] + 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def _unpack(text: str) -> tuple[int, ...]:
    ids: list[int] = []
    for part in text.split(","):
        first, _, last = part.partition("-")
        start = int(first)
        stop = min(int(last or first), start + MAX_UNDO_ENTRIES - len(ids) - 1)
        ids.extend(range(start, stop + 1))
        if len(ids) >= MAX_UNDO_ENTRIES:
            break
    return tuple(ids)


class UndoButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"undo:(?P<user>[0-9]+):(?P<entries>[0-9]+(?:-[0-9]+)?(?:,[0-9]+(?:-[0-9]+)?)*)",
):
    def __init__(self, user_id: int, entry_ids: tuple[int, ...]) -> None:
        self.user_id = user_id
        self.entry_ids = entry_ids
        prefix = f"undo:{user_id}:"
        packed = _pack(entry_ids)
        while len(prefix) + len(packed) > CUSTOM_ID_LIMIT and "," in packed:
            packed = packed.rsplit(",", 1)[0]  # drop whole runs, never half an id
        super().__init__(
            discord.ui.Button(
                label="Undo", style=discord.ButtonStyle.secondary, emoji="↩️",
                custom_id=prefix + packed,
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any],
        match: re.Match[str], /,
    ) -> UndoButton:
        return cls(int(match.group("user")), _unpack(match.group("entries")))

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
        reply = done[0] if done else replies[0]
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
