"""What every cog does the same way: send a reply value safely, name the lifter and
server, and offer exercise names as you type."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.coach.replies import Reply
from bot.discord.render import NO_PINGS, to_embed

if TYPE_CHECKING:
    from bot.discord.client import LiftBot


async def send_reply(
    ctx: commands.Context[Any], reply: Reply, *, view: discord.ui.View | None = None
) -> None:
    """Private replies are ephemeral for slash use; typed use cannot hide them."""
    kwargs: dict[str, Any] = {"embed": to_embed(reply), "allowed_mentions": NO_PINGS,
                              "ephemeral": reply.private or reply.is_error}
    if view is not None:
        kwargs["view"] = view
    await ctx.send(**kwargs)


async def respond(
    interaction: discord.Interaction[Any], reply: Reply, *, ephemeral: bool | None = None
) -> None:
    hidden = reply.private or reply.is_error if ephemeral is None else ephemeral
    if interaction.response.is_done():
        await interaction.followup.send(embed=to_embed(reply), ephemeral=hidden,
                                        allowed_mentions=NO_PINGS)
    else:
        await interaction.response.send_message(embed=to_embed(reply), ephemeral=hidden,
                                                allowed_mentions=NO_PINGS)


def user_key(user: discord.abc.User) -> str:
    return str(user.id)


def guild_key(guild: discord.Guild | None) -> str:
    return "" if guild is None else str(guild.id)


async def exercise_names(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    """Autocomplete for an exercise option: catalogue names close to what is typed."""
    bot: LiftBot = interaction.client
    found = bot.coach.catalogue.search(current, limit=25)
    return [app_commands.Choice(name=e.name, value=e.name) for e in found]
