"""Entries and their sets: add, read back, delete; always scoped by the lifter."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, TypeAlias

from bot.domain.models import StoredEntry
from bot.storage.contract import HistoryWanted, LogContext, Logged, LogPlanner, NewEntry
from bot.storage.driver import Driver, ReadMore, Step
from bot.storage.ids import IdSource
from bot.storage.log_types import Offer
from bot.storage.rows import (
    ENTRY_INSERT,
    ENTRY_SELECT,
    MEMBER_LOGGED,
    SET_INSERT,
    as_date,
    as_datetime,
    custom_steps,
    earliest_local_date,
    entry_values,
    group_entries,
    marks,
    sessions_and_logs,
    set_values,
)
from bot.storage.sql.boards import FOLD_EVERY, fold_steps
from bot.storage.sql.log_context import context_from, context_steps, wanted_steps, with_wanted
from bot.storage.sql.offers import offer_steps, unit_steps
from bot.storage.sql.recalls import pairs_steps, recall_steps

_Choose: TypeAlias = Callable[[LogContext, "_Choose"], list[Step] | ReadMore | None]

_SINCE = (
    "e.user_id = ? AND e.local_date >= ? AND e.performed_at >= ?"
    " ORDER BY e.performed_at, e.entry_id, s.position"
)
# A log's look-back needs no time order (advice takes history in any order), so it
# reads in the index's own order and SQLite skips a sort on every log.
_RECENT = (
    "e.user_id = ? AND e.local_date >= ? AND e.performed_at >= ?"
    " ORDER BY e.local_date, e.entry_id, s.position"
)


class EntriesSql:
    driver: Driver
    ids: IdSource
    logs_unfolded: int

    # entries -----------------------------------------------------------------

    async def add_entries(
        self, user_id: str, guild_id: str, entries: Sequence[NewEntry], now: datetime
    ) -> list[StoredEntry]:
        """Entries, their sets and the server membership, in one transaction and one trip."""
        steps, stored = self._entry_steps(user_id, guild_id, entries, now)
        await self.driver.batch(steps, write=True)
        return stored

    async def log_entries(
        self, user_id: str, guild_id: str, since: datetime, now: datetime, plan: LogPlanner,
        *, replacing: Sequence[int] = (),
    ) -> Logged:
        """A whole log in one trip: read the lifter's context (the entries from ``since``,
        what is kept of older ones), let ``plan`` read the text against it, store what
        it returns (nothing when it returns None).

        ``replacing`` names entries of the lifter's the plan may replace: the context
        holds those that still exist. ``plan`` runs where the database work runs (on
        SQLite, its thread, in the write's transaction), between the read and the write,
        so it must be quick and pure; it may ask for more history first
        (:class:`HistoryWanted`), then it is asked again with that history in the context.
        """
        seen: list[LogContext] = []
        stored: list[StoredEntry] = []
        offer_ids: list[int] = []

        def choose(context: LogContext, again: _Choose) -> list[Step] | ReadMore | None:
            # ``again`` is ``choose`` itself: passed in, not referred to, so the log's
            # context is freed when the log is done, not left in a reference cycle for
            # the cyclic collector (whose full passes stall every lifter).
            seen.append(context)
            wanted = plan(context)
            if isinstance(wanted, HistoryWanted):
                return ReadMore(wanted_steps(user_id, context, wanted),
                                lambda rows: again(with_wanted(context, wanted, rows), again))
            if wanted is None:
                return None
            steps = [] if wanted.pairs is None else pairs_steps(user_id, wanted.pairs)
            steps += [step for exercise in wanted.customs
                      for step in custom_steps(user_id, exercise)]
            if wanted.replaces:
                gone = tuple(wanted.replaces)
                steps.append(Step(f"DELETE FROM entries WHERE user_id = ? AND entry_id IN"
                                  f" ({marks(gone)})", (user_id, *gone)))
            entry_steps, entries = self._entry_steps(user_id, guild_id, wanted.entries, now)
            stored[:] = entries
            offers, ids = offer_steps(self.ids, user_id, guild_id, wanted, entries, now)
            offer_ids[:] = ids
            kept = [] if wanted.recalls is None else recall_steps(user_id, wanted.recalls(entries))
            return [*steps, *entry_steps, *offers, *unit_steps(user_id, wanted, now), *kept,
                    *self._fold_due()]

        await self.driver.read_then_write(context_steps(user_id, since, replacing),
                                          lambda rows: choose(context_from(rows, since), choose))
        return Logged(seen[-1], stored, offer_ids)

    def _fold_due(self) -> list[Step]:
        """The queue's fold, to go with this log's writes every ``FOLD_EVERY`` logs
        (SQLite only: see bot.storage.sql.boards.FOLD_EVERY)."""
        if self.driver.engine != "sqlite":
            return []
        self.logs_unfolded += 1
        if self.logs_unfolded < FOLD_EVERY:
            return []
        self.logs_unfolded = 0
        return fold_steps()

    def _entry_steps(
        self, user_id: str, guild_id: str, entries: Sequence[NewEntry], now: datetime
    ) -> tuple[list[Step], list[StoredEntry]]:
        ids = self.ids.reserve(len(entries), now)
        grouped = sessions_and_logs(ids, entries)
        entry_rows = [entry_values(entry_id, user_id, guild_id, new, now, new.source, pair)
                      for entry_id, new, pair in zip(ids, entries, grouped, strict=True)]
        set_rows = [
            (entry_id, i, *set_values(s))
            for entry_id, new in zip(ids, entries, strict=True)
            for i, s in enumerate(new.sets)
        ]
        steps = [Step(ENTRY_INSERT, many=entry_rows), Step(SET_INSERT, many=set_rows)]
        if guild_id:
            steps.append(Step(MEMBER_LOGGED, (guild_id, user_id, now, now)))
        stored = [
            StoredEntry(entry_id=entry_id, exercise=new.exercise, sets=new.sets,
                        performed_at=new.performed_at, local_date=new.local_date,
                        guild_id=guild_id, note=new.note, pr=new.pr, session_id=session,
                        log_id=log)
            for entry_id, new, (session, log) in zip(ids, entries, grouped, strict=True)
        ]
        return steps, stored

    async def log_context(self, user_id: str, since: datetime) -> LogContext:
        """All a log needs to know about the lifter, in one trip to the database."""
        return context_from(await self.driver.batch(context_steps(user_id, since, ())), since)

    async def _entries(
        self, where: str, params: Sequence[Any], tail: str = ""
    ) -> list[StoredEntry]:
        rows = await self.driver.fetchall(f"{ENTRY_SELECT} WHERE {where} {tail}", params)
        return group_entries(rows, as_datetime, as_date)

    async def entries_since(self, user_id: str, since: datetime) -> list[StoredEntry]:
        return await self._entries(_SINCE, (user_id, earliest_local_date(since), since))

    async def history(
        self, user_id: str, exercise_key: str | None, limit: int
    ) -> list[StoredEntry]:
        by_exercise = "" if exercise_key is None else " AND exercise_key = ?"
        params: tuple[Any, ...] = (user_id,) if exercise_key is None else (user_id, exercise_key)
        ids = await self.driver.fetchall(
            f"SELECT entry_id FROM entries WHERE user_id = ?{by_exercise}"
            " ORDER BY performed_at DESC, entry_id DESC LIMIT ?", (*params, limit),
        )
        if not ids:
            return []
        return await self._entries(
            f"e.user_id = ? AND e.entry_id IN ({marks(ids)})", (user_id, *(r[0] for r in ids)),
            "ORDER BY e.performed_at DESC, e.entry_id DESC, s.position",
        )

    async def last_entry(self, user_id: str) -> StoredEntry | None:
        found = await self._entries(
            "e.entry_id = (SELECT MAX(entry_id) FROM entries WHERE user_id = ?)", (user_id,),
            "ORDER BY s.position",
        )
        return found[0] if found else None

    async def delete_entry(self, user_id: str, entry_id: int) -> StoredEntry | None:
        found = await self._entries(
            "e.user_id = ? AND e.entry_id = ?", (user_id, entry_id), "ORDER BY s.position"
        )
        if not found:
            return None
        async with self.driver.transaction() as tx:
            await tx.execute(
                "DELETE FROM entries WHERE user_id = ? AND entry_id = ?", (user_id, entry_id)
            )
        return found[0]

    async def delete_entries_by_ref(self, user_id: str, source_ref: str) -> list[StoredEntry]:
        found = await self._entries(
            "e.user_id = ? AND e.source_ref = ?", (user_id, source_ref),
            "ORDER BY e.entry_id, s.position",
        )
        if found:
            async with self.driver.transaction() as tx:
                await tx.execute(
                    "DELETE FROM entries WHERE user_id = ? AND source_ref = ?",
                    (user_id, source_ref),
                )
        return found

    # offers ----------------------------------------------------------------------

    async def take_offer(self, user_id: str, offer_id: int) -> Offer | None:
        async with self.driver.transaction() as tx:
            row = await tx.fetchone(
                "DELETE FROM log_offers WHERE user_id = ? AND offer_id = ? RETURNING"
                " offer_id, kind, entry_ids, line, guild_id, source_ref, created_at",
                (user_id, offer_id),
            )
        return None if row is None else _offer(row)

    async def put_back_offer(self, user_id: str, offer: Offer) -> None:
        async with self.driver.transaction() as tx:
            await tx.execute(
                "INSERT INTO log_offers (offer_id, user_id, kind, entry_ids, line, guild_id,"
                " source_ref, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (offer_id) DO NOTHING",
                (offer.offer_id, user_id, offer.kind, ",".join(map(str, offer.entry_ids)),
                 offer.line, offer.guild_id, offer.source_ref, offer.created_at),
            )


def _offer(row: Sequence[Any]) -> Offer:
    ids = tuple(int(part) for part in str(row[2]).split(",") if part)
    return Offer(int(row[0]), row[1], ids, row[3], row[4], row[5], as_datetime(row[6]))
