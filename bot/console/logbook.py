"""Console commands for the logbook: /log, /undo, /history and /edit."""

from __future__ import annotations

from dataclasses import replace

from bot.coach.replies import Reply
from bot.console.commands import ConsoleContext, command

MAX_IDS = 200  # one log's entries at most, as its Undo button takes them


@command("log")
async def log(ctx: ConsoleContext) -> Reply:
    return await ctx.coach.logbook.log(ctx.user_id, ctx.guild_id, ctx.line.rest)


@command("undo")
async def undo(ctx: ConsoleContext) -> Reply:
    """``/undo``: the last log, all of it; ``/undo EXERCISE``: only that exercise's
    entries of it; ``/undo ID ...``: those entries (what a log's Undo button does)."""
    ids = ctx.line.words
    if ids and len(ids) <= MAX_IDS and all(w.isascii() and w.isdecimal() for w in ids):
        return await ctx.coach.logbook.undo_entries(ctx.user_id, tuple(int(w) for w in ids))
    return await ctx.coach.logbook.undo(ctx.user_id, ctx.line.rest or None)


@command("other")
async def other(ctx: ConsoleContext) -> Reply:
    """``/other N``: take the choice a log reply printed as N (what its button does)."""
    word = ctx.line.rest.strip()
    number = int(word) if word.isascii() and word.isdecimal() and len(word) < 6 else 0
    return await ctx.coach.logbook.switch_reading(ctx.user_id, ctx.choices.offer(number))


@command("history")
async def history(ctx: ConsoleContext) -> Reply:
    """``/history [EXERCISE] [days:N] [page:N]``, as the slash command's options."""
    options = ctx.line.options
    exercise = options.get("exercise") or " ".join(ctx.line.words) or None
    reply = await ctx.coach.logbook.history(ctx.user_id, exercise,
                                            page=options.get("page", "1"),
                                            days=options.get("days"))
    paging = reply.paging
    if paging is None or paging.page >= paging.pages:
        return reply
    # No buttons here: the line that shows the next page, with the same filters.
    typed = " ".join(part for part in (
        "/history", paging.exercise or "", f"days:{paging.days}" if paging.days else "",
        f"page:{paging.page + 1}") if part)
    return replace(reply, lines=(*reply.lines, f"Older sessions: `{typed}`"))


@command("edit")
async def edit(ctx: ConsoleContext) -> Reply:
    """``/edit N TEXT``: entry N of /history now reads TEXT (its day and session stay)."""
    number, _, text = ctx.line.rest.partition(" ")
    return await ctx.coach.logbook.edit(ctx.user_id, number, text.strip())
