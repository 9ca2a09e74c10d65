"""Console commands for the plan: /plan [block:BLOCK] and /checkin on|off.

The console sends no DMs: /checkin sets the schedule that the Discord bot's check-in
dispatcher works from, on the same database.
"""

from __future__ import annotations

from bot.coach.replies import Reply, error_reply
from bot.console.commands import ConsoleContext, command


@command("plan")
async def plan(ctx: ConsoleContext) -> Reply:
    block = ctx.line.options.get("block") or " ".join(ctx.line.words) or None
    return await ctx.coach.plan.show(ctx.user_id, block)


@command("checkin")
async def checkin(ctx: ConsoleContext) -> Reply:
    words = ctx.line.words
    opts = ctx.line.options
    action = words[0].lower() if words else ""
    checkins = ctx.coach.plan.checkins
    if action == "on":
        day = opts.get("day") or (words[1] if len(words) > 1 else None)
        time = opts.get("time") or (words[2] if len(words) > 2 else None)
        return await checkins.on(ctx.user_id, day, time)
    if action == "off":
        return await checkins.off(ctx.user_id)
    return error_reply(
        f"'/checkin {action}' is not something I can do." if action
        else "Say whether to turn the weekly check-in on or off.",
        "Use /checkin on [day:DAY] [time:HH:MM] or /checkin off.",
        "/checkin on day:sun time:18:00",
    )
