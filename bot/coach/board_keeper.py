"""Computing a server's boards and keeping them current between requests.

A computed board is kept (per process, the 64 last used, and in the database for other
processes and restarts: :mod:`bot.coach.board_cache`) as a kept order: when lifters
change, only they move in it (:class:`bot.domain.figures.KeptOrder`). Each request asks
the storage which lifters changed since (logs, undos, opt-outs, time zones, targets,
leaving) and whose local date moved; only those are read and recomputed. A process
that starts reads its servers' most recently stored boards before their first views
(:meth:`BoardKeeper.load_stored`, from the bot's upkeep task).

Adherence owes the current week by its elapsed days, so every local midnight moves a
zone's lifters (a new week moves them on every board). The upkeep task works out each
zone's figures for its next date in the last minutes before its midnight
(:meth:`BoardKeeper.prepare_turns`); the first request after the turn swaps them in.
A request that meets a turn nobody prepared computes those lifters itself.

A server's first board is computed from every training day. A request for a large
server that has none answers at once that it is being built (see bot.coach.boards),
while it is built in the background; a small server's is built inline.

Who is on a board: members of the server who have not opted out and who logged there
within the last ``BOARD_AWAY_WEEKS`` weeks (a member who left the server is off at
once). Their training days stay stored, so the next log there brings them back with
every one of them. The kept board notes the cut-off it was computed with; each request
asks for the members whose last log there fell between that cut-off and the new one.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Collection
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.coach import board_cache
from bot.coach.board_cache import KeptBoard, Prepared, Score
from bot.coach.board_scoring import AWAY, Scored, score, today_in
from bot.coach.clock import Clock
from bot.domain.figures import METRICS, KeptOrder, Metric, OrderKey, week_start
from bot.storage.contract import Storage

KEPT_BOARDS = 64
SAVE_EVERY = timedelta(minutes=1)  # how often an updated board is stored again
PREPARE_AHEAD = timedelta(minutes=10)  # how long before a zone's midnight it is prepared
BUILD_INLINE_UP_TO = 500  # members; a larger server's first board is built in the background

Key = tuple[str, Metric, str]  # a board: server, metric, window
log = logging.getLogger("liftcoach.boards")


class BoardKeeper:
    """The boards this process computed, brought up to date on each request."""

    def __init__(self, storage: Storage, clock: Clock) -> None:
        self._storage = storage
        self._clock = clock
        self._kept: OrderedDict[Key, KeptBoard] = OrderedDict()
        self._saved: dict[Key, datetime] = {}
        self._dirty: set[Key] = set()
        self._locks: dict[Key, asyncio.Lock] = {}
        self._building: dict[Key, asyncio.Task[None]] = {}

    async def refresh_kept(self) -> None:
        """Bring every board this process keeps up to date (new logs, a new date in some
        time zone) and prepare the zones whose midnight is near, so a request finds it
        current; called by the bot's upkeep task."""
        for key in list(self._kept):
            async with self._lock(key):
                kept = await self._current(key, build=True)
                if kept is not None:
                    await self._prepare_turns(key, kept)

    async def load_stored(self, guild_ids: Collection[str] | None = None) -> int:
        """Read the boards stored most recently (of ``guild_ids`` only, when given; at
        most :data:`KEPT_BOARDS`) and bring them up to date, so a process that just
        started answers their first views from memory instead of decoding a stored board
        on the request; called once at start-up, off the request path. How many."""
        served = None if guild_ids is None else set(guild_ids)
        loaded = 0
        for guild_id, board in await self._storage.stored_boards():
            if loaded >= KEPT_BOARDS:
                break
            metric, _, window = board.partition(":")
            if (served is not None and guild_id not in served) or metric not in METRICS:
                continue
            key = (guild_id, metric, window)
            async with self._lock(key):
                if key not in self._kept and await self._current(key, build=False):
                    loaded += 1
        return loaded

    async def built(self) -> None:
        """Wait for the boards being built in the background."""
        while self._building:
            await asyncio.gather(*self._building.values(), return_exceptions=True)

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

    async def ranking(self, guild_id: str, metric: Metric, window: str) -> KeptOrder:
        """Everyone listed on a server's board, best first, built now if need be."""
        key = (guild_id, metric, window)
        async with self._lock(key):
            kept = await self._current(key, build=True)
        assert kept is not None
        return kept.order

    async def ranking_now(self, guild_id: str, metric: Metric, window: str) -> KeptOrder | None:
        """The board as :meth:`ranking`, or None while a large server's first board is
        being built in the background (started here when nobody has started it)."""
        key = (guild_id, metric, window)
        if key in self._building:
            return None
        async with self._lock(key):
            kept = await self._current(key, build=False)
        if kept is None:
            self._build_later(key)
            return None
        return kept.order

    def _lock(self, key: Key) -> asyncio.Lock:
        return self._locks.setdefault(key, asyncio.Lock())

    def _build_later(self, key: Key) -> None:
        async def build() -> None:
            async with self._lock(key):
                await self._current(key, build=True)

        task = asyncio.get_running_loop().create_task(build())
        self._building[key] = task

        def done(finished: asyncio.Task[None]) -> None:
            self._building.pop(key, None)
            if not finished.cancelled() and finished.exception() is not None:
                log.error("building a board failed", exc_info=finished.exception())

        task.add_done_callback(done)

    async def _current(self, key: Key, *, build: bool) -> KeptBoard | None:
        """The board brought up to date; without ``build``, None for a large server
        that has none kept or stored."""
        now = self._clock()
        guild_id, metric, window = key
        kept = self._kept.get(key)
        if kept is None:
            stored = await self._storage.load_board(guild_id, f"{metric}:{window}")
            kept = None if stored is None else board_cache.load(stored)
            if kept is not None:
                self._saved[key] = now
        if kept is not None:
            if await self._brought_up(key, kept, now):
                self._dirty.add(key)
        elif build or await self._small(guild_id):
            kept = await self._afresh(key, now)
            self._dirty.add(key)
        else:
            return None
        self._keep(key, kept)
        return kept

    async def _small(self, guild_id: str) -> bool:
        """Whether a server's first board is built at once rather than in the background."""
        size = await self._storage.board_size(guild_id, BUILD_INLINE_UP_TO)
        return size <= BUILD_INLINE_UP_TO

    def _keep(self, key: Key, kept: KeptBoard) -> None:
        self._kept[key] = kept
        self._kept.move_to_end(key)
        while len(self._kept) > KEPT_BOARDS:
            dropped, _ = self._kept.popitem(last=False)
            self._saved.pop(dropped, None)
            self._dirty.discard(dropped)

    async def _afresh(self, key: Key, now: datetime) -> KeptBoard:
        guild_id, metric, window = key
        changes = await self._storage.board_changes(guild_id, None)
        found = await score(self._storage, guild_id, metric, window, now, None)
        return KeptBoard(changes.position, changes.resets, found.todays, found.zones,
                         found.ahead, KeptOrder(_listed(found.scores)), now - AWAY)

    async def _brought_up(self, key: Key, kept: KeptBoard, now: datetime) -> bool:
        """Bring ``kept`` up to date in place; whether anything changed."""
        guild_id, metric, window = key
        changes = await self._storage.board_changes(guild_id, kept.position)
        live = set(changes.user_ids or [])
        if changes.resets != kept.resets:
            # Somebody left the server's members (erased, or an opt-out withdrawn
            # before logging there): drop whoever is no longer on its boards.
            members = await self._storage.board_members(guild_id)
            live |= {u for u in kept.zones if u not in members}
        cutoff = now - AWAY
        if cutoff > kept.cutoff:
            # Listed lifters whose last log in the server has just turned too old.
            lapsed = await self._storage.board_lapsed(guild_id, kept.cutoff, cutoff)
            live |= {u for u in lapsed if u in kept.order.scores}
        todays = {zone: today_in(zone, now) for zone in kept.todays}
        turned = {z for z, day in todays.items() if day != kept.todays[z]}
        if not live and not turned and (changes.position, changes.resets) == (
                kept.position, kept.resets):
            return False
        kept.forget(live)
        moved = _moved(kept, todays, turned, metric) - live
        swapped = _swap_prepared(kept, todays, turned, moved)
        again = live | (moved - swapped)
        if again:
            found = await score(self._storage, guild_id, metric, window, now, again,
                                len(kept.zones))
            _apply(kept, found, again)
            todays.update({z: d for z, d in found.todays.items() if z not in todays})
        kept.position, kept.resets, kept.todays, kept.cutoff = (
            changes.position, changes.resets, todays, cutoff)
        return True

    async def _prepare_turns(self, key: Key, kept: KeptBoard) -> None:
        """Work out the figures of each zone whose midnight is within ``PREPARE_AHEAD``
        for its next date, so the turn is a swap (see board_cache.Prepared)."""
        now = self._clock()
        guild_id, metric, window = key
        for zone, today in kept.todays.items():
            following = today + timedelta(days=1)
            turn = datetime.combine(following, time(), tzinfo=ZoneInfo(zone))
            prepared = kept.prepared.get(zone)
            if turn - now > PREPARE_AHEAD or (prepared is not None and prepared.day == following):
                continue
            if metric != "adherence" and week_start(following) == week_start(today):
                continue  # same week: only lifters with days ahead move, computed then
            users = {u for u, z in kept.zones.items() if z == zone}
            found = await score(self._storage, guild_id, metric, window, turn, users,
                                len(kept.zones))
            kept.prepared[zone] = Prepared(following, found.scores, found.zones, found.ahead,
                                           KeptOrder.run_of(found.scores))


def _listed(scores: dict[str, Score]) -> dict[str, tuple[float, int]]:
    return {u: s for u, s in scores.items() if s is not None}


def _moved(kept: KeptBoard, todays: dict[str, date], turned: set[str],
           metric: Metric) -> set[str]:
    """Lifters whose figure may have moved because their zone's date turned.

    Adherence owes the current week by its elapsed days, so a new date moves everyone
    in that zone. The other figures depend on the lifter's date only through its week
    and the days up to it, so a new date in the same week moves only the lifters with
    a day after their old today; a new week moves everyone in that zone.
    """
    if not turned:
        return set()
    everyone = {z for z in turned if metric == "adherence"
                or week_start(todays[z]) != week_start(kept.todays[z])}
    return {u for u, z in kept.zones.items()
            if z in everyone or (z in turned and u in kept.ahead)}


def _swap_prepared(kept: KeptBoard, todays: dict[str, date], turned: set[str],
                   moved: set[str]) -> set[str]:
    """Swap in the prepared figures of the zones that turned; the lifters swapped."""
    swapped: set[str] = set()
    for zone in turned:
        prepared = kept.prepared.pop(zone, None)
        if prepared is None or prepared.day != todays[zone]:
            continue
        users = moved & prepared.scores.keys()
        if prepared.whole and len(users) == len(prepared.scores):  # as it was prepared
            _apply(kept, Scored(prepared.scores, prepared.zones, prepared.ahead, {}), users,
                   prepared.run)
        else:
            run = [k for k in prepared.run if k[4] in users]  # not those who changed since
            _apply(kept, Scored({u: prepared.scores[u] for u in users},
                                {u: z for u, z in prepared.zones.items() if u in users},
                                prepared.ahead & users, {}), users, run)
        swapped |= users
    for zone in [z for z, p in kept.prepared.items() if p.day <= todays.get(z, date.max)]:
        del kept.prepared[zone]  # a turn already passed: no longer of use
    return swapped


def _apply(kept: KeptBoard, found: Scored, users: set[str],
           run: list[OrderKey] | None = None) -> None:
    """Put the new figures of ``users`` in ``kept``: only they move in its order (``run``:
    their keys made ahead, see KeptOrder.run_of)."""
    scores = found.scores
    changes = scores if scores.keys() == users else {u: scores.get(u) for u in users}
    if run is None:
        kept.order.update(changes)
    else:
        kept.order.merge(changes, run)
    for user in users:
        kept.zones.pop(user, None)
    kept.zones.update(found.zones)
    kept.ahead -= users
    kept.ahead |= found.ahead
    kept.forget(users)
