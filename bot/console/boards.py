"""Console commands for the server's leaderboards.

The syntax is Discord's: ``/leaderboard show metric:streak window:12w``,
``/leaderboard optout``; shorter forms also work: ``/leaderboard streak 12w``.
``page:N`` picks a page, as Discord's buttons do.
"""

from __future__ import annotations

from bot.coach.boards import parse_metric, parse_window
from bot.coach.replies import Reply, error_reply
from bot.console.commands import ConsoleContext, command

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
    if not page.isdecimal() or int(page) < 1:
        return error_reply(f"'{page}' is not a page number.", "Pages start at 1.",
                           "/leaderboard show page:2")
    board = await boards.leaderboard(ctx.guild_id, ctx.user_id, metric, window, int(page))
    return board.reply
