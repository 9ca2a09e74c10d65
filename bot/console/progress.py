"""Console commands for the lifter's own numbers: /stats and /chart (written to files).

The syntax is Discord's: ``/stats squat``, ``/chart exercise name:squat weeks:12``,
``/chart consistency``; ``/chart squat`` also works.
"""

from __future__ import annotations

from dataclasses import replace

from bot.coach.progress import ChartReply
from bot.coach.replies import Reply, error_reply
from bot.console.commands import ConsoleContext, command
from bot.console.files import inside


@command("stats")
async def stats(ctx: ConsoleContext) -> Reply:
    exercise = ctx.line.options.get("exercise") or " ".join(ctx.line.words) or None
    return await ctx.coach.progress.stats(ctx.user_id, exercise)


@command("chart")
async def chart(ctx: ConsoleContext) -> Reply:
    words = list(ctx.line.words)
    options = ctx.line.options
    kind = words[0].lower() if words else ""
    if kind == "consistency":
        result = await ctx.coach.progress.chart_consistency(ctx.user_id,
                                                          options.get("weeks", "26"))
    else:
        if kind == "exercise":
            words = words[1:]
        name = options.get("name") or " ".join(words)
        if not name:
            return error_reply("Say which exercise to chart, or ask for consistency.",
                               "Give the exercise's name.", "/chart exercise name:squat weeks:12")
        result = await ctx.coach.progress.chart(ctx.user_id, name, options.get("weeks", "12"))
    return _saved(ctx, result)


def _saved(ctx: ConsoleContext, result: ChartReply) -> Reply:
    """Write the PNG into the console's output folder and say where it is."""
    if result.png is None:
        return result.reply
    path = inside(ctx.out_dir, result.filename)
    path.write_bytes(result.png)
    return replace(result.reply, lines=(*result.reply.lines, f"Chart saved to {path}"))
