"""Console commands for the server's weekly recap: /recap set, show and off.

The person at the console counts as the server's admin. The console posts nothing:
``/recap show`` prints the recap of the past week as the bot would post it, and the
schedule it sets is the one the Discord bot's dispatcher works from, on the same
database. ``/recap channel:#gym day:mon ...`` (without ``set``) also sets it.
"""

from __future__ import annotations

from bot.coach.recap import EXAMPLE
from bot.coach.replies import Reply, error_reply
from bot.console.commands import ConsoleContext, command


@command("recap")
async def recap(ctx: ConsoleContext) -> Reply:
    words = [w.lower() for w in ctx.line.words]
    opts = ctx.line.options
    action = words[0] if words else ("set" if opts else "show")
    recaps = ctx.coach.recap
    if action == "set":
        label = opts.get("channel", "").strip()
        return await recaps.set(ctx.guild_id, ctx.user_id, label.lstrip("#"), label,
                                opts.get("day"), opts.get("time"),
                                opts.get("timezone", opts.get("tz")))
    if action == "show":
        return await recaps.show(ctx.guild_id)
    if action == "off":
        return await recaps.off(ctx.guild_id)
    return error_reply(f"'/recap {action}' is not something I can do.",
                       "Use /recap set, /recap show or /recap off.", EXAMPLE)
