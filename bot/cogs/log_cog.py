"""/log (also typed as !log), /undo and /history."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from discord import app_commands
from discord.ext import commands

from bot.cogs.common import guild_key, respond, send_reply, user_key
from bot.views import undo_view

if TYPE_CHECKING:
    import discord

    from bot.client import LiftBot

_CHOICE_LIMIT = 100


class LogCog(commands.Cog):
    def __init__(self, bot: LiftBot) -> None:
        self.bot = bot

    @commands.hybrid_command(name="log", description="Store sets and get advice on failure")
    @app_commands.describe(entry="e.g. squat 5x5 @100kg rir2; several exercises: separate with ;")
    async def log(self, ctx: commands.Context[Any], *, entry: str) -> None:
        reply = await self.bot.coach.log(user_key(ctx.author), guild_key(ctx.guild), entry)
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
        reply = await self.bot.coach.preview(user_key(interaction.user), current)
        label = f"✗ {reply.lines[0]}" if reply.is_error else "✓ " + "; ".join(reply.lines)
        return [app_commands.Choice(name=_clip(label), value=current)]

    @app_commands.command(name="undo", description="Remove your most recent entry")
    async def undo(self, interaction: discord.Interaction[Any]) -> None:
        reply = await self.bot.coach.undo(user_key(interaction.user))
        await respond(interaction, reply, ephemeral=True)

    @app_commands.command(name="history", description="Your recent entries (only you see them)")
    @app_commands.describe(exercise="only this exercise")
    async def history(
        self, interaction: discord.Interaction[Any], exercise: str | None = None
    ) -> None:
        reply = await self.bot.coach.history(user_key(interaction.user), exercise)
        await respond(interaction, reply, ephemeral=True)

    @history.autocomplete("exercise")
    async def exercise_names(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        found = self.bot.coach.catalogue.search(current, limit=25)
        return [app_commands.Choice(name=e.name, value=e.name) for e in found]


def _clip(text: str) -> str:
    return text if len(text) <= _CHOICE_LIMIT else text[: _CHOICE_LIMIT - 1] + "…"


async def setup(bot: LiftBot) -> None:
    await bot.add_cog(LogCog(bot))
