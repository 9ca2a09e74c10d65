"""/log (also typed as !log), /undo and /history, with the Undo button under a log.

The Undo button is persistent, because its custom id carries everything it needs:
the author and the entry ids as runs (one log's entries get consecutive ids, so a
run is short), so after a restart discord.py rebuilds the button from the id alone
and the press still works; only the author may use it.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.cogs.common import exercise_names, guild_key, respond, send_reply, user_key
from bot.discord.render import NO_PINGS, to_embed

if TYPE_CHECKING:
    from bot.discord.client import LiftBot

_CHOICE_LIMIT = 100

_P = ParamSpec("_P")
_T = TypeVar("_T")
_CogT = TypeVar("_CogT", bound=commands.Cog)


def _hybrid_method(
    name: str, description: str
) -> Callable[
    [Callable[Concatenate[_CogT, commands.Context[Any], _P], Coroutine[Any, Any, _T]]],
    commands.HybridCommand[_CogT, _P, _T],
]:
    """``commands.hybrid_command`` narrowed to a cog method.

    discord.py types the callback as a union of a method and a plain function, and
    mypy cannot solve a union of ``Concatenate`` callables: the decorator would be
    rejected and the command typed ``HybridCommand[Never, Never, Never]``. Naming
    the one shape used here keeps both the call and the command's type checked.
    """
    return commands.hybrid_command(name=name, description=description)

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
        bot: LiftBot = interaction.client
        reply = await bot.coach.logbook.undo_entries(str(self.user_id), self.entry_ids)
        await interaction.response.send_message(
            embed=to_embed(reply), ephemeral=True, allowed_mentions=NO_PINGS
        )
        if not reply.is_error and interaction.message is not None:
            with contextlib.suppress(discord.HTTPException):
                await interaction.message.edit(view=None, allowed_mentions=NO_PINGS)


def undo_view(user_id: int, entry_ids: tuple[int, ...]) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(UndoButton(user_id, entry_ids))
    return view


class LogCog(commands.Cog):
    def __init__(self, bot: LiftBot) -> None:
        self.bot = bot

    @_hybrid_method(name="log", description="Store sets and get advice on failure")
    @app_commands.describe(entry="e.g. squat 5x5 @100kg rir2; several exercises: separate with ;")
    async def log(self, ctx: commands.Context[Any], *, entry: str) -> None:
        reply = await self.bot.coach.logbook.log(user_key(ctx.author), guild_key(ctx.guild), entry)
        if reply.saved:
            self.bot.mark_saved(ctx)
            view = undo_view(ctx.author.id, reply.entry_ids)
            await send_reply(ctx, reply, view=view)
        else:
            await send_reply(ctx, reply)

    @log.autocomplete("entry")
    async def log_preview(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """A live reading of the text typed so far, as the only choice."""
        if not current.strip() or len(current) > _CHOICE_LIMIT:
            return []
        reply = await self.bot.coach.logbook.preview(user_key(interaction.user), current)
        label = f"✗ {reply.lines[0]}" if reply.is_error else "✓ " + "; ".join(reply.lines)
        return [app_commands.Choice(name=_clip(label), value=current)]

    @app_commands.command(name="undo", description="Remove your most recent entry")
    async def undo(self, interaction: discord.Interaction[Any]) -> None:
        reply = await self.bot.coach.logbook.undo(user_key(interaction.user))
        await respond(interaction, reply, ephemeral=True)

    @app_commands.command(name="history", description="Your recent entries (only you see them)")
    @app_commands.describe(exercise="only this exercise")
    @app_commands.autocomplete(exercise=exercise_names)
    async def history(
        self, interaction: discord.Interaction[Any], exercise: str | None = None
    ) -> None:
        reply = await self.bot.coach.logbook.history(user_key(interaction.user), exercise)
        await respond(interaction, reply, ephemeral=True)


def _clip(text: str) -> str:
    return text if len(text) <= _CHOICE_LIMIT else text[: _CHOICE_LIMIT - 1] + "…"


async def setup(bot: LiftBot) -> None:
    bot.add_dynamic_items(UndoButton)
    await bot.add_cog(LogCog(bot))
