"""Computing a server's boards and keeping them current between requests.

A computed board is kept (per process, the 64 last used, and in the database for other
processes and restarts: :mod:`bot.coach.board_cache`). Each request asks the storage
which lifters changed since (logs, undos, opt-outs, time zones, targets, leaving) and
whose local date moved; only those are read and recomputed, then the board is ranked
again (ties to the longer record).

Who is on a board: members of the server who have not opted out and who logged there
within the last ``BOARD_AWAY_WEEKS`` weeks (a member who left the server is off at
once). Their training days stay stored, so the next log there brings them back with
every one of them. The kept board notes the cut-off it was computed with; each request
asks for the members whose last log there fell between that cut-off and the new one.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.coach import board_cache
from bot.coach.board_cache import KeptBoard, ranked
from bot.coach.clock import Clock
from bot.coach.figure_text import WINDOWS
from bot.domain.figures import (
    BOARD_AWAY_WEEKS,
    BoardLifter,
    DisciplineDay,
    Metric,
    Ranking,
    Targets,
    consistency_figures,
    discipline_figures,
    week_start,
)
from bot.domain.models import DEFAULT_TARGET
from bot.storage.contract import BoardData, DisciplineRow, Storage

KEPT_BOARDS = 64
_FEW = 200  # up to this many changed lifters are always recomputed one by one
SAVE_EVERY = timedelta(minutes=1)  # how often an updated board is stored again
AWAY = timedelta(weeks=BOARD_AWAY_WEEKS)


class BoardKeeper:
    """The boards this process computed, brought up to date on each request."""

    def __init__(self, storage: Storage, clock: Clock) -> None:
        self._storage = storage
        self._clock = clock
        self._kept: OrderedDict[tuple[str, Metric, str], KeptBoard] = OrderedDict()
        self._saved: dict[tuple[str, Metric, str], datetime] = {}
        self._dirty: set[tuple[str, Metric, str]] = set()

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

    async def ranking(self, guild_id: str, metric: Metric, window: str) -> Ranking:
        """Everyone listed on a server's board, best first (see the module docstring).

        A board is computed from every training day only when none is kept anywhere or
        when more than a third of it changed at once.
        """
        now = self._clock()
        key = (guild_id, metric, window)
        kept = self._kept.get(key)
        if kept is None:
            stored = await self._storage.load_board(guild_id, f"{metric}:{window}")
            kept = None if stored is None else board_cache.load(stored)
            if kept is not None:
                self._saved[key] = now
        fresh = None if kept is None else await self._brought_up(guild_id, metric, window,
                                                                 now, kept)
        if fresh is None:
            changes = await self._storage.board_changes(guild_id, None)
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

    async def _brought_up(
        self, guild_id: str, metric: Metric, window: str, now: datetime, kept: KeptBoard
    ) -> KeptBoard | None:
        """``kept`` brought up to date, or None when it is better computed afresh."""
        changes = await self._storage.board_changes(guild_id, kept.position)
        stale, todays = _stale(kept, changes.user_ids or [], now, metric)
        if changes.resets != kept.resets:
            # Somebody left the server's members (erased, or an opt-out withdrawn
            # before logging there): drop whoever is no longer on its boards.
            members = await self._storage.board_members(guild_id)
            stale |= {u for u in kept.zones if u not in members}
        cutoff = now - AWAY
        if cutoff > kept.cutoff:
            # Listed lifters whose last log in the server has just turned too old.
            lapsed = await self._storage.board_lapsed(guild_id, kept.cutoff, cutoff)
            stale |= {u for u in lapsed if u in kept.values}
        if not stale and (changes.position, changes.resets, todays) == (
                kept.position, kept.resets, kept.todays):
            return kept
        if not stale:
            return replace(kept, position=changes.position, resets=changes.resets,
                           todays=todays, cutoff=cutoff)
        if len(stale) <= max(_FEW, len(kept.zones) // 3):
            return await self._update(guild_id, metric, window, now, kept, stale, todays,
                                      changes.position, changes.resets)
        return None

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
        cutoff = now - AWAY
        if kept is None or stale is None:
            data = await self._storage.board_data(guild_id, since, until)
            rows = (await self._storage.board_discipline(guild_id, since, until)
                    if discipline else [])
            away = await self._storage.board_away(guild_id, cutoff)
        else:
            data, rows = await self._storage.board_subset(guild_id, sorted(stale), since, until,
                                                          discipline=discipline)
            away = await self._storage.board_away(guild_id, cutoff, sorted(stale))
        if away:
            data, rows = _without(data, rows, away)
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
                         cutoff, ranked(values, firsts))

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


def _today_in(zone: str, now: datetime) -> date:
    return now.astimezone(ZoneInfo(zone)).date()


def _without(
    data: BoardData, rows: list[DisciplineRow], away: set[str]
) -> tuple[BoardData, list[DisciplineRow]]:
    """The board's data without the members who are away from the server."""
    kept = BoardData(
        days=[(u, d) for u, d in data.days if u not in away],
        lifters={u: row for u, row in data.lifters.items() if u not in away},
        histories={u: h for u, h in data.histories.items() if u not in away})
    return kept, [r for r in rows if r.user_id not in away]


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


