"""Console commands for the server's group challenge: /challenge start, show and end.

The person at the console counts as the server's admin; an ended challenge's results,
which Discord posts in the recap channel, are printed with the reply.
"""

from __future__ import annotations

from dataclasses import replace

from bot.coach.challenges import START_EXAMPLE
from bot.coach.replies import Reply, error_reply
from bot.console.commands import ConsoleContext, command


@command("challenge")
async def challenge(ctx: ConsoleContext) -> Reply:
    words = [w.lower() for w in ctx.line.words]
    opts = ctx.line.options
    action = words[0] if words else "show"
    challenges = ctx.coach.challenges
    if action == "start":
        # A name of several words: name:Winter block reads "Winter" and the word "block".
        name = " ".join([opts.get("name", ""), *ctx.line.words[1:]]).strip()
        return await challenges.start(ctx.guild_id, ctx.user_id, opts.get("days"),
                                      opts.get("weeks"), name or None)
    if action == "show":
        return await challenges.show(ctx.guild_id, ctx.user_id)
    if action == "end":
        ended = await challenges.end(ctx.guild_id, ctx.user_id)
        if ended.challenge_id is None:
            return ended.reply
        await challenges.announced([ended.challenge_id])  # printed here, so announced
        printed = "The console posts nothing: here are the results (Discord posts them in " \
                  "the recap channel)."
        return replace(ended.reply, lines=(printed, *ended.reply.lines[1:]))
    return error_reply(f"'/challenge {action}' is not something I can do.",
                       "Use /challenge start, /challenge show or /challenge end.",
                       START_EXAMPLE)
