"""Console commands for the lifter's own settings: /profile, /deload, /sore, /exercise."""

from __future__ import annotations

from bot.coach import own_exercises
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
        increment=opts.get("increment"),
        dates=opts.get("dates"),
    )


@command("deload")
async def deload(ctx: ConsoleContext) -> Reply:
    words = ctx.line.words
    if not words:
        return error_reply("Say on or off.", "A deload lasts 1 to 4 weeks from today.",
                           "/deload on 1")
    weeks = words[1] if len(words) > 1 else ctx.line.options.get("weeks")
    return await ctx.coach.profile.deload(ctx.user_id, words[0], weeks)


@command("sore")
async def sore(ctx: ConsoleContext) -> Reply:
    words = ctx.line.words
    if len(words) < 2:
        return error_reply("Give a body part and a number of days.",
                           "Days is how long it has been sore.", "/sore quads 6")
    return await ctx.coach.profile.sore(ctx.user_id, " ".join(words[:-1]), words[-1])


@command("exercise")
async def exercise(ctx: ConsoleContext) -> Reply:
    """``/exercise NAME tier:X``, ``/exercise NAME rename:NEW``, ``/exercise NAME merge:LIFT``
    (also ``/exercise rename OLD to NEW`` and ``/exercise merge OLD into LIFT``)."""
    rest = ctx.line.rest
    for word, joint in (("rename", " to "), ("merge", " into ")):
        head, _, tail = rest.partition(" ")
        if head.lower() == word and joint in tail:
            old, _, new = tail.partition(joint)
            rest = f"{old} {word}:{new}"
    for word in ("rename", "merge"):
        old, found, new = rest.partition(f"{word}:")
        if found and "tier:" in new + old:
            return own_exercises.one_change_please()
        if found and word == "rename":
            return await ctx.coach.profile.rename_exercise(ctx.user_id, old, new)
        if found:
            return await ctx.coach.profile.merge_exercise(ctx.user_id, old, new)
    if "tier" not in ctx.line.options:
        return error_reply("Give the tier with tier:X, or rename:NEW or merge:LIFT.",
                           "Tiers are A, B, C and D.", "/exercise zercher squat tier:A")
    return await ctx.coach.profile.exercise(ctx.user_id, " ".join(ctx.line.words),
                                    ctx.line.options["tier"])
