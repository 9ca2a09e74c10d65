"""Server leaderboards of consistency, and opting out of them.

Who is on a server's board: lifters who have logged in that server (their
membership is recorded with their first log there) and have not opted out there.
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

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.coach import board_cache
from bot.coach.board_cache import KeptBoard, ranked
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
    METRICS,
    BoardLifter,
    DisciplineDay,
    Metric,
    Ranking,
    Targets,
    consistency_figures,
    discipline_figures,
    leaderboard_page,
    rank_of,
    week_start,
)
from bot.domain.models import DEFAULT_TARGET
from bot.storage.contract import BoardData

PER_PAGE = 10
KEPT_BOARDS = 64
_FEW = 200  # up to this many changed lifters are always recomputed one by one
SAVE_EVERY = timedelta(minutes=1)  # how often an updated board is stored again
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
    if wanted.isdigit():
        wanted += "w"
    return wanted if wanted in WINDOWS else None


def _plain(user_id: str) -> str:
    return user_id


class Boards:
    """Leaderboards, kept current between requests; opting out and in."""

    def __init__(self, lifter: Lifter) -> None:
        self._storage = lifter.storage
        self._clock = lifter.clock
        self._kept: OrderedDict[tuple[str, Metric, str], KeptBoard] = OrderedDict()
        self._saved: dict[tuple[str, Metric, str], datetime] = {}
        self._dirty: set[tuple[str, Metric, str]] = set()

    async def catch_up(self) -> bool:
        """Fold queued logs into the boards' tables (any board read does it too)."""
        return await self._storage.catch_up_boards()

    async def refresh_kept(self) -> None:
        """Bring every board this process keeps up to date (new logs, a new week in some
        time zone), so a request finds it current; called by the bot's upkeep task."""
        for guild_id, metric, window in list(self._kept):
            await self.ranking(guild_id, metric, window)

    async def save_kept(self, *, every: timedelta = SAVE_EVERY) -> int:
        """Store the boards this process updated, each at most once per ``every``, so a
        process that starts next begins from them; returns how many were stored.

        Called off the request path (the bot's upkeep task; the console on exit).
        """
        now = self._clock()
        stored = 0
        for key in list(self._dirty):
            kept = self._kept.get(key)
            last = self._saved.get(key)
            if kept is None or (last is not None and now - last < every):
                continue
            guild_id, metric, window = key
            await self._storage.save_board(guild_id, f"{metric}:{window}",
                                           board_cache.dump(kept), now)
            self._saved[key] = now
            self._dirty.discard(key)
            stored += 1
        return stored

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
        ranking = await self.ranking(guild_id, chosen, span)
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

    async def ranking(self, guild_id: str, metric: Metric, window: str) -> Ranking:
        """Everyone listed on a server's board, best first.

        A computed board is kept (per process, the 64 last used, and in the database
        for other processes and restarts). Each request asks the storage which lifters
        changed since (logs, undos, opt-outs, time zones, targets) and whose local
        date moved; only those lifters are read and recomputed, then the board is
        ranked again. A board is computed from every training day only when none is
        kept anywhere or when more than a third of it changed at once.
        """
        now = self._clock()
        key = (guild_id, metric, window)
        kept = self._kept.get(key)
        if kept is None:
            stored = await self._storage.load_board(guild_id, f"{metric}:{window}")
            kept = None if stored is None else board_cache.load(stored)
            if kept is not None:
                self._saved[key] = now
        changes = await self._storage.board_changes(
            guild_id, None if kept is None else kept.position)
        fresh: KeptBoard | None = None
        if kept is not None:
            stale, todays = _stale(kept, changes.user_ids or [], now, metric)
            if changes.resets != kept.resets:
                # Somebody left the server's members (erased, or an opt-out withdrawn
                # before logging there): drop whoever is no longer on its boards.
                members = await self._storage.board_members(guild_id)
                stale |= {u for u in kept.zones if u not in members}
            if not stale and (changes.position, changes.resets, todays) == (
                    kept.position, kept.resets, kept.todays):
                fresh = kept
            elif not stale:
                fresh = replace(kept, position=changes.position, resets=changes.resets,
                                todays=todays)
            elif len(stale) <= max(_FEW, len(kept.zones) // 3):
                fresh = await self._update(guild_id, metric, window, now, kept, stale, todays,
                                           changes.position, changes.resets)
        if fresh is None:
            fresh = await self._update(guild_id, metric, window, now, None, None, {},
                                       changes.position, changes.resets)
        self._kept[key] = fresh
        self._kept.move_to_end(key)
        while len(self._kept) > KEPT_BOARDS:
            dropped, _ = self._kept.popitem(last=False)
            self._saved.pop(dropped, None)
            self._dirty.discard(dropped)
        if fresh is not kept:
            self._dirty.add(key)
        return fresh.ranking

    async def _update(
        self, guild_id: str, metric: Metric, window: str, now: datetime, kept: KeptBoard | None,
        stale: set[str] | None, todays: dict[str, date], position: int, resets: int,
    ) -> KeptBoard:
        """Compute the figures of the ``stale`` lifters (everyone's without ``kept``)."""
        weeks = WINDOWS[window]
        # Every lifter's today lies within a day of the UTC date, whatever their zone.
        until = now.date() + timedelta(days=1)
        since = None if weeks is None else (
            week_start(now.date() - timedelta(days=1)) - timedelta(weeks=weeks - 1))
        discipline = metric == "discipline"
        if kept is None or stale is None:
            data = await self._storage.board_data(guild_id, since, until)
            rows = (await self._storage.board_discipline(guild_id, since, until)
                    if discipline else [])
        else:
            data, rows = await self._storage.board_subset(guild_id, sorted(stale), since, until,
                                                          discipline=discipline)
        todays = dict(todays)
        lifters = _lifters(data, now, todays)
        if discipline:
            figures = discipline_figures(lifters, (
                (r.user_id, r.local_date,
                 DisciplineDay(r.short, r.judged, r.hard_sessions, r.sessions)) for r in rows
            ), weeks)
            found = dict(figures.values)
        else:
            found = await self._consistency(guild_id, metric, weeks, since, data, lifters)
        zones = {u: row.timezone or "UTC" for u, row in data.lifters.items()}
        ahead = {u for u, day in data.days if u in lifters and day > lifters[u].today}
        firsts = _first_days(data, lifters, found)
        if kept is not None and stale is not None:
            values = {u: v for u, v in kept.values.items() if u not in stale}
            values.update(found)
            firsts = {**{u: f for u, f in kept.firsts.items() if u in values}, **firsts}
            zones = {**{u: z for u, z in kept.zones.items() if u not in stale}, **zones}
            ahead |= kept.ahead - stale
        else:
            values = found
        return KeptBoard(position, resets, todays, zones, frozenset(ahead), values, firsts,
                         ranked(values, firsts))

    async def _consistency(
        self, guild_id: str, metric: Metric, weeks: int | None, since: date | None,
        data: BoardData, lifters: dict[str, BoardLifter],
    ) -> dict[str, float]:
        assert metric != "discipline"
        figures = consistency_figures(metric, lifters, data.days, weeks, since=since)
        values = dict(figures.values)
        if figures.incomplete:
            # Streaks that reach back beyond the window: read those lifters' whole history.
            days, histories = await self._storage.board_days_of(guild_id,
                                                                sorted(figures.incomplete))
            again = {u: lifters[u]._replace(targets=histories.get(u) or _plain_target(data, u))
                     for u in figures.incomplete}
            values.update(consistency_figures(metric, again, days, weeks).values)
        return values

    async def _why_unlisted(self, guild_id: str, user_id: str, metric: Metric) -> str:
        membership = await self._storage.board_membership(guild_id, user_id)
        if membership == "out":
            return "You opted out of this server's boards. /leaderboard optin brings you back."
        if membership == "none":
            return "Not on this board yet: your first /log in this server puts you on it."
        if metric == "discipline":
            return "Nothing to judge in this window yet: log sets with an RIR (e.g. rir2)."
        return "No training day in this window yet."

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

def _stale(
    kept: KeptBoard, changed: list[str], now: datetime, metric: Metric
) -> tuple[set[str], dict[str, date]]:
    """Lifters whose figure may have moved since ``kept``, and each zone's date now.

    Adherence owes the current week by its elapsed days, so a new date moves everyone
    in that zone. The other figures depend on the lifter's date only through its week
    and the days up to it, so a new date in the same week moves only the lifters with
    a day after their old today; a new week moves everyone in that zone.
    """
    stale = set(changed)
    todays: dict[str, date] = {}
    moved: dict[str, bool] = {}
    for zone, today in kept.todays.items():
        todays[zone] = current = _today_in(zone, now)
        if current != today:
            moved[zone] = metric == "adherence" or week_start(current) != week_start(today)
    if moved:
        for user, zone in kept.zones.items():
            new_week = moved.get(zone)
            if new_week or (new_week is not None and user in kept.ahead):
                stale.add(user)
    return stale, todays


def _lifters_count(total: int) -> str:
    return "1 lifter" if total == 1 else f"{total} lifters"


def _today_in(zone: str, now: datetime) -> date:
    return now.astimezone(ZoneInfo(zone)).date()


def _lifters(data: BoardData, now: datetime, todays: dict[str, date]) -> dict[str, BoardLifter]:
    """Each listed lifter's today, targets and first day; ``todays`` collects the zones."""
    out: dict[str, BoardLifter] = {}
    for user, row in data.lifters.items():
        zone = row.timezone or "UTC"
        today = todays.get(zone)
        if today is None:
            today = todays[zone] = _today_in(zone, now)
        targets: Targets = data.histories.get(user) or _plain_target(data, user)
        out[user] = BoardLifter(today, targets, row.first_day)
    return out


def _first_days(
    data: BoardData, lifters: dict[str, BoardLifter], found: dict[str, float]
) -> dict[str, int]:
    """The ordinal of each ranked lifter's first training day (on or before their today)."""
    firsts = {u: lifters[u].first_day for u in found}
    earliest: dict[str, date] = {}
    for user, day in data.days:
        if (firsts.get(user, date.min) is None and day <= lifters[user].today
                and day < earliest.get(user, date.max)):
            earliest[user] = day
    return {u: (first or earliest.get(u) or lifters[u].today).toordinal()
            for u, first in firsts.items()}


def _plain_target(data: BoardData, user: str) -> int:
    """The target of a lifter whose target did not change in the range read."""
    row = data.lifters[user]
    if row.target_at_since is not None:
        return row.target_at_since
    return row.weekly_target or DEFAULT_TARGET


