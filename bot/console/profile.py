"""Console commands for the lifter's own settings: /profile, /sore and /exercise."""

from __future__ import annotations

from bot.coach.replies import Reply, error_reply
from bot.console.commands import ConsoleContext, command


@command("profile")
async def profile(ctx: ConsoleContext) -> Reply:
    opts = ctx.line.options
    return await ctx.coach.profile.set(
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
    return await ctx.coach.profile.sore(ctx.user_id, " ".join(words[:-1]), words[-1])


@command("exercise")
async def exercise(ctx: ConsoleContext) -> Reply:
    if "tier" not in ctx.line.options:
        return error_reply("Give the tier with tier:X.", "Tiers are A, B, C and D.",
                           "/exercise zercher squat tier:A")
    return await ctx.coach.profile.exercise(ctx.user_id, " ".join(ctx.line.words),
                                    ctx.line.options["tier"])
