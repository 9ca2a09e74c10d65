"""/export, /import and /forget-me: the lifter's data, out, in and gone. All private."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.common import guild_key, respond, user_key
from bot.data_views import ForgetButton, ImportButton, forget_view, import_view
from bot.discord_render import NO_PINGS, to_embed

if TYPE_CHECKING:
    from bot.client import LiftBot

FORMATS = [
    app_commands.Choice(name="detect it for me", value="auto"),
    app_commands.Choice(name="Strong", value="strong"),
    app_commands.Choice(name="Hevy", value="hevy"),
    app_commands.Choice(name="liftcoach (/export)", value="liftcoach"),
]


class DataCog(commands.Cog):
    def __init__(self, bot: LiftBot) -> None:
        self.bot = bot

    @app_commands.command(name="export", description="All your sets as a CSV file "
                          "(only you see it)")
    async def export(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await self.bot.coach.data.export(user_key(interaction.user))
        await interaction.followup.send(
            embed=to_embed(result.reply), ephemeral=True, allowed_mentions=NO_PINGS,
            file=discord.File(io.BytesIO(result.data), filename=result.filename),
        )

    @app_commands.command(name="import", description="Bring in your history from Strong, "
                          "Hevy or a liftcoach export")
    @app_commands.describe(file="the CSV file the app exported",
                           fmt="which app wrote it (detected when left out)",
                           mapping='read names as catalogue lifts: "Name=exercise; Name=exercise"')
    @app_commands.rename(fmt="format", mapping="map")
    @app_commands.choices(fmt=FORMATS)
    async def import_(
        self, interaction: discord.Interaction[Any], file: discord.Attachment,
        fmt: str = "auto", mapping: str | None = None,
    ) -> None:
        limit = self.bot.settings.import_max_bytes
        too_big = self.bot.coach.data.check_size(file.size, limit)
        if too_big is not None:  # refused by its size, before downloading anything
            await respond(interaction, too_big, ephemeral=True)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        data = await file.read()
        preview = await self.bot.coach.data.import_preview(
            user_key(interaction.user), guild_key(interaction.guild), file.filename, data,
            fmt, mapping, max_bytes=limit,
        )
        kwargs: dict[str, Any] = {"embed": to_embed(preview.reply), "ephemeral": True,
                                  "allowed_mentions": NO_PINGS}
        if preview.pending_id is not None:
            kwargs["view"] = import_view(interaction.user.id, preview.pending_id)
        await interaction.followup.send(**kwargs)

    @app_commands.command(name="forget-me", description="Erase everything the bot holds "
                          "on you (asks first)")
    async def forget_me(self, interaction: discord.Interaction[Any]) -> None:
        reply = await self.bot.coach.data.forget_me_request(user_key(interaction.user))
        if reply.tone != "warning":  # nothing to erase: no button
            await respond(interaction, reply, ephemeral=True)
            return
        await interaction.response.send_message(
            embed=to_embed(reply), view=forget_view(interaction.user.id), ephemeral=True,
            allowed_mentions=NO_PINGS,
        )


async def setup(bot: LiftBot) -> None:
    bot.add_dynamic_items(ImportButton, ForgetButton)
    await bot.add_cog(DataCog(bot))
