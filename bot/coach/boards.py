"""Server leaderboards of consistency, and opting out of them.

Who is on a server's board: lifters who have logged in that server (their
membership is recorded with their first log there), have not opted out there, and
have logged there in the last eight weeks (see bot.coach.board_keeper; leaving the
server, seen with the members intent, takes them off at once).
Consistency is personal, so a lifter's training days count wherever they were
logged (any server, or a DM): a training day is a training day. Nothing else about
another server is read or shown: not its name, not what was logged there, not its
board. The coach knows lifters only by id; an edge may pass ``mention`` to show
them its own way (Discord renders ``<@id>`` as the member's name without pinging).

Figures come from :mod:`bot.domain.figures.board` (the whole server at once) and
:mod:`bot.domain.figures.stats` (one lifter); both follow the same documented model, and
a lifter's /stats shows the same numbers the boards rank.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import timedelta

from bot.coach.board_keeper import SAVE_EVERY, BoardKeeper
from bot.coach.board_scoring import AWAY
from bot.coach.figure_text import (
    METRIC_NAMES,
    METRIC_RULES,
    WINDOW_NAMES,
    WINDOWS,
    metric_value,
)
from bot.coach.lifter import Lifter
from bot.coach.replies import Reply, error_reply
from bot.domain.figures import (
    BOARD_AWAY_WEEKS,
    METRICS,
    KeptOrder,
    Metric,
    leaderboard_page,
    rank_of,
)

PER_PAGE = 10
_BOARD_EXAMPLE = "/leaderboard show metric:streak window:12w"


@dataclass(frozen=True)
class BoardReply:
    """A page of a board, and what an edge needs to offer the pages around it."""

    reply: Reply
    metric: Metric
    window: str
    page: int
    pages: int


def parse_metric(text: str | None) -> Metric | None:
    wanted = (text or "adherence").strip().lower()
    return next((m for m in METRICS if m == wanted), None)


def parse_window(text: str | None) -> str | None:
    wanted = (text or "4w").strip().lower().replace(" ", "").replace("-", "")
    wanted = wanted.removesuffix("eeks").removesuffix("eek").removesuffix("time")
    if wanted.isdecimal():
        wanted += "w"
    return wanted if wanted in WINDOWS else None


def _plain(user_id: str) -> str:
    return user_id


class Boards:
    """Leaderboards, kept current between requests; opting out and in."""

    def __init__(self, lifter: Lifter) -> None:
        self._storage = lifter.storage
        self._clock = lifter.clock
        self._keeper = BoardKeeper(lifter.storage, lifter.clock)

    async def catch_up(self) -> bool:
        """Fold queued logs into the boards' tables (any board read does it too)."""
        return await self._storage.catch_up_boards()

    async def refresh_kept(self) -> None:
        """Bring every board this process keeps up to date (see BoardKeeper)."""
        await self._keeper.refresh_kept()

    async def save_kept(self, *, every: timedelta = SAVE_EVERY) -> int:
        """Store the boards this process updated (see BoardKeeper.save_kept)."""
        return await self._keeper.save_kept(every=every)

    async def load_stored(self, guild_ids: Collection[str] | None = None) -> int:
        """At start-up: the stored boards of these servers read ahead of their first
        views (see BoardKeeper.load_stored); how many."""
        return await self._keeper.load_stored(guild_ids)

    async def ranking(self, guild_id: str, metric: Metric, window: str) -> KeptOrder:
        """Everyone listed on a server's board, best first (see BoardKeeper.ranking)."""
        return await self._keeper.ranking(guild_id, metric, window)

    async def built(self) -> None:
        """Wait for the first boards being built in the background."""
        await self._keeper.built()

    # /leaderboard ----------------------------------------------------------------

    async def leaderboard(
        self, guild_id: str, caller_id: str, metric: str | None = None,
        window: str | None = None, page: int = 1, *, mention: Callable[[str], str] = _plain,
    ) -> BoardReply:
        """One page (10 lifters, ties sharing a place) and the caller's own place."""
        chosen = parse_metric(metric)
        span = parse_window(window)
        problem = None
        if not guild_id:
            problem = error_reply("Leaderboards belong to a server.",
                                  "Run it in a server where you log your training.",
                                  "/leaderboard show")
        elif chosen is None:
            problem = error_reply(f"'{metric}' is not a leaderboard.",
                                  "Pick adherence, streak, days or discipline.", _BOARD_EXAMPLE)
        elif span is None:
            problem = error_reply(f"'{window}' is not a window.", "Pick 4w, 12w or all.",
                                  _BOARD_EXAMPLE)
        if problem is not None or chosen is None or span is None:
            assert problem is not None
            return BoardReply(problem, chosen or "adherence", span or "4w", 1, 1)
        ranking = await self._keeper.ranking_now(guild_id, chosen, span)
        if ranking is None:
            return BoardReply(_being_built(chosen, span), chosen, span, 1, 1)
        shown = leaderboard_page(ranking, page, PER_PAGE)
        lines = [f"**{s.rank}.** {mention(s.user_id)} · {metric_value(chosen, s.value)}"
                 for s in shown.items]
        if not lines:
            lines = ["Nobody is on this board yet: log a workout here with /log to start it."]
        mine = rank_of(ranking, caller_id)
        place = (f"#{mine.rank} of {len(ranking)} · {metric_value(chosen, mine.value)}"
                 if mine is not None else await self._why_unlisted(guild_id, caller_id, chosen))
        reply = Reply(
            title=f"{METRIC_NAMES[chosen]} · {WINDOW_NAMES[span]}",
            lines=tuple(lines),
            fields=(("Your place", place),),
            footer=(f"{METRIC_RULES[chosen]}\nPage {shown.page} of {shown.pages} · "
                    f"{_lifters_count(shown.total)} · /leaderboard optout to leave"),
        )
        return BoardReply(reply, chosen, span, shown.page, shown.pages)

    async def _why_unlisted(self, guild_id: str, user_id: str, metric: Metric) -> str:
        membership = await self._storage.board_membership(guild_id, user_id)
        if membership == "out":
            return "You opted out of this server's boards. /leaderboard optin brings you back."
        if membership == "none":
            return "Not on this board yet: your first /log in this server puts you on it."
        if await self._storage.board_away(guild_id, self._clock() - AWAY, [user_id]):
            return (f"Off this server's boards: no log here for {BOARD_AWAY_WEEKS} weeks (or "
                    "you left the server). Your next /log here brings you back with every "
                    "training day.")
        if metric == "discipline":
            return "Nothing to judge in this window yet: log sets with an RIR (e.g. rir2)."
        return "No training day in this window yet."

    async def member_left(self, guild_id: str, user_id: str) -> bool:
        """The lifter left the server (an edge with the members intent tells): off its
        boards at once; their next log there brings them back."""
        return bool(guild_id) and await self._storage.member_left(guild_id, user_id)

    # opting out and in -------------------------------------------------------------

    async def optout(self, guild_id: str, user_id: str) -> Reply:
        if not guild_id:
            return error_reply("Opting out is per server.", "Run it in the server whose "
                               "boards you want to leave.", "/leaderboard optout")
        before, _ = await self._storage.set_board_opt_out(guild_id, user_id, True, self._clock())
        if before == "out":
            return Reply(title="Already off this server's boards",
                         lines=("You are not shown on this server's leaderboards.",),
                         private=True)
        return Reply(title="You left this server's boards",
                     lines=("You no longer appear on its leaderboards, even when you log here. "
                            "Your own /stats and other servers' boards are unchanged.",
                            "Changed your mind? /leaderboard optin"),
                     tone="ok", private=True, saved=True)

    async def optin(self, guild_id: str, user_id: str) -> Reply:
        if not guild_id:
            return error_reply("Opting in is per server.", "Run it in the server whose "
                               "boards you want to join.", "/leaderboard optin")
        before, after = await self._storage.set_board_opt_out(guild_id, user_id, False,
                                                              self._clock())
        if before == "out" and after == "in":
            return Reply(title="You are back on this server's boards",
                         lines=("Your training days count here again, including past ones.",),
                         tone="ok", private=True, saved=True)
        if after == "in":
            return Reply(title="Already on this server's boards",
                         lines=("You appear on its leaderboards.",), private=True)
        return Reply(title="Not on this server's boards yet",
                     lines=("You join them with your first /log in this server.",),
                     tone="ok" if before == "out" else "info", private=True,
                     saved=before == "out")


def _being_built(metric: Metric, window: str) -> Reply:
    """The reply while a server's first board is worked out in the background."""
    return Reply(
        title=f"{METRIC_NAMES[metric]} · {WINDOW_NAMES[window]}: being built",
        lines=("This is the first time this board is asked for here, so it is being worked "
               "out from every training day logged in this server. Ask again in a few "
               "seconds: no place is shown until it is ready.",),
        footer="Once built, the board is kept up to date as lifters log.",
    )


def _lifters_count(total: int) -> str:
    return "1 lifter" if total == 1 else f"{total} lifters"


