"""Console commands that explain: /why and /help."""

from __future__ import annotations

from bot.coach.replies import Reply
from bot.console.commands import ConsoleContext, command


@command("why")
async def why(ctx: ConsoleContext) -> Reply:
    return await ctx.coach.info.why(ctx.line.rest)


@command("help")
async def help_(ctx: ConsoleContext) -> Reply:
    return await ctx.coach.info.help()
