"""Console commands for logging and the lifter's own settings."""

from __future__ import annotations

from bot.console_table import ConsoleContext, command
from bot.replies import Reply, error_reply


@command("log")
async def log(ctx: ConsoleContext) -> Reply:
    return await ctx.coach.log(ctx.user_id, ctx.guild_id, ctx.line.rest)


@command("undo")
async def undo(ctx: ConsoleContext) -> Reply:
    return await ctx.coach.undo(ctx.user_id)


@command("history")
async def history(ctx: ConsoleContext) -> Reply:
    return await ctx.coach.history(ctx.user_id, ctx.line.rest or None)


@command("why")
async def why(ctx: ConsoleContext) -> Reply:
    return await ctx.coach.why(ctx.line.rest)


@command("profile")
async def profile(ctx: ConsoleContext) -> Reply:
    opts = ctx.line.options
    return await ctx.coach.profile(
        ctx.user_id,
        unit=opts.get("unit"),
        goal=opts.get("goal"),
        timezone=opts.get("tz", opts.get("timezone")),
        target=opts.get("target"),
    )


@command("sore")
async def sore(ctx: ConsoleContext) -> Reply:
    words = ctx.line.words
    if len(words) < 2:
        return error_reply("Give a body part and a number of days.",
                           "Days is how long it has been sore.", "/sore quads 6")
    return await ctx.coach.sore(ctx.user_id, " ".join(words[:-1]), words[-1])


@command("exercise")
async def exercise(ctx: ConsoleContext) -> Reply:
    if "tier" not in ctx.line.options:
        return error_reply("Give the tier with tier:X.", "Tiers are A, B, C and D.",
                           "/exercise zercher squat tier:A")
    return await ctx.coach.exercise(ctx.user_id, " ".join(ctx.line.words),
                                    ctx.line.options["tier"])


@command("help")
async def help_(ctx: ConsoleContext) -> Reply:
    return await ctx.coach.help()
