"""Console commands for leaderboards, /stats and /chart (charts are written to files).

The syntax is Discord's: ``/leaderboard show metric:streak window:12w``,
``/leaderboard optout``, ``/stats squat``, ``/chart exercise name:squat weeks:12``,
``/chart consistency``. Shorter forms also work: ``/leaderboard streak 12w``,
``/chart squat``. ``page:N`` picks a page, as Discord's buttons do.
"""

from __future__ import annotations

from dataclasses import replace

from bot.coach.boards import parse_metric, parse_window
from bot.coach.lifter_progress import ChartReply
from bot.console_table import ConsoleContext, command
from bot.replies import Reply, error_reply

_BOARD_EXAMPLE = "/leaderboard show metric:streak window:12w"


@command("leaderboard")
async def leaderboard(ctx: ConsoleContext) -> Reply:
    words = [w.lower() for w in ctx.line.words]
    action = words[0] if words else "show"
    boards = ctx.coach.boards
    if action in ("optout", "optin") and len(words) == 1:
        if action == "optout":
            return await boards.optout(ctx.guild_id, ctx.user_id)
        return await boards.optin(ctx.guild_id, ctx.user_id)
    if action == "show":
        words = words[1:]
    options = ctx.line.options
    metric, window = options.get("metric"), options.get("window")
    for word in words:
        if metric is None and parse_metric(word) is not None:
            metric = word
        elif window is None and parse_window(word) is not None:
            window = word
        else:
            return error_reply(f"'{word}' is not a leaderboard, a window or an action.",
                               "Metrics: adherence, streak, days, discipline; windows: 4w, "
                               "12w, all; actions: show, optout, optin.", _BOARD_EXAMPLE)
    page = options.get("page", "1")
    if not page.isdigit() or int(page) < 1:
        return error_reply(f"'{page}' is not a page number.", "Pages start at 1.",
                           "/leaderboard show page:2")
    board = await boards.leaderboard(ctx.guild_id, ctx.user_id, metric, window, int(page))
    return board.reply


@command("stats")
async def stats(ctx: ConsoleContext) -> Reply:
    exercise = ctx.line.options.get("exercise") or " ".join(ctx.line.words) or None
    return await ctx.coach.boards.stats(ctx.user_id, exercise)


@command("chart")
async def chart(ctx: ConsoleContext) -> Reply:
    words = list(ctx.line.words)
    options = ctx.line.options
    kind = words[0].lower() if words else ""
    if kind == "consistency":
        result = await ctx.coach.boards.chart_consistency(ctx.user_id,
                                                          options.get("weeks", "26"))
    else:
        if kind == "exercise":
            words = words[1:]
        name = options.get("name") or " ".join(words)
        if not name:
            return error_reply("Say which exercise to chart, or ask for consistency.",
                               "Give the exercise's name.", "/chart exercise name:squat weeks:12")
        result = await ctx.coach.boards.chart(ctx.user_id, name, options.get("weeks", "12"))
    return _saved(ctx, result)


def _saved(ctx: ConsoleContext, result: ChartReply) -> Reply:
    """Write the PNG into the console's output folder and say where it is."""
    if result.png is None:
        return result.reply
    ctx.out_dir.mkdir(parents=True, exist_ok=True)
    path = (ctx.out_dir / result.filename).resolve()
    path.write_bytes(result.png)
    return replace(result.reply, lines=(*result.reply.lines, f"Chart saved to {path}"))
