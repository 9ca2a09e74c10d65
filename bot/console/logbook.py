"""Console commands for the logbook: /log, /undo and /history."""

from __future__ import annotations

from bot.coach.replies import Reply
from bot.console.commands import ConsoleContext, command

MAX_IDS = 200  # one log's entries at most, as its Undo button takes them


@command("log")
async def log(ctx: ConsoleContext) -> Reply:
    return await ctx.coach.logbook.log(ctx.user_id, ctx.guild_id, ctx.line.rest)


@command("undo")
async def undo(ctx: ConsoleContext) -> Reply:
    """``/undo``: the last entry; ``/undo ID ...``: those entries, as a log reply's
    choice prints them (the console's way to do what its button does)."""
    ids = ctx.line.words
    if ids and len(ids) <= MAX_IDS and all(w.isascii() and w.isdigit() for w in ids):
        return await ctx.coach.logbook.undo_entries(ctx.user_id, tuple(int(w) for w in ids))
    return await ctx.coach.logbook.undo(ctx.user_id)


@command("other")
async def other(ctx: ConsoleContext) -> Reply:
    """``/other N``: take the choice a log reply printed as N (what its button does)."""
    word = ctx.line.rest.strip()
    number = int(word) if word.isascii() and word.isdigit() and len(word) < 6 else 0
    return await ctx.coach.logbook.switch_reading(ctx.user_id, ctx.choices.offer(number))


@command("history")
async def history(ctx: ConsoleContext) -> Reply:
    return await ctx.coach.logbook.history(ctx.user_id, ctx.line.rest or None)
