"""Console commands for reminders: /remind set, show and off.

The console sends no DMs: these commands set and show the schedule that the Discord
bot's dispatcher works from, on the same database.
"""

from __future__ import annotations

from bot.coach.replies import Reply, error_reply
from bot.console.commands import ConsoleContext, command


@command("remind")
async def remind(ctx: ConsoleContext) -> Reply:
    words = ctx.line.words
    opts = ctx.line.options
    action = words[0].lower() if words else ""
    reminders = ctx.coach.reminders
    if action == "set":
        return await reminders.set(ctx.user_id, opts.get("time"), opts.get("days"),
                                   opts.get("timezone", opts.get("tz")))
    if action == "show":
        return await reminders.show(ctx.user_id)
    if action == "off":
        return await reminders.off(ctx.user_id)
    return error_reply(
        f"'/remind {action}' is not something I can do." if action
        else "Say what to do with your reminder.",
        "Use /remind set, /remind show or /remind off.",
        "/remind set time:07:30 days:mon,wed,fri timezone:Europe/Berlin",
    )
