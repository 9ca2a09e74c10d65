"""Console commands for the logbook: /log, /undo and /history."""

from __future__ import annotations

from bot.coach.replies import Reply
from bot.console.commands import ConsoleContext, command


@command("log")
async def log(ctx: ConsoleContext) -> Reply:
    return await ctx.coach.logbook.log(ctx.user_id, ctx.guild_id, ctx.line.rest)


@command("undo")
async def undo(ctx: ConsoleContext) -> Reply:
    return await ctx.coach.logbook.undo(ctx.user_id)


@command("history")
async def history(ctx: ConsoleContext) -> Reply:
    return await ctx.coach.logbook.history(ctx.user_id, ctx.line.rest or None)
