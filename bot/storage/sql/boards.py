"""Server leaderboards: who is on a board, their training days, and opting out.

The days come from ``board_days`` (migration 003): one row per (server, lifter,
local date) for every member who has not opted out. A board reads one index range
of it, and the discipline board joins each day to the lifter's ``discipline_days``
counts; nothing else of another server is read.

Both tables are kept exact by triggers, except for new working sets: on SQLite
those only queue their entry (migration 005), so a log commits less. Every read
here first brings the tables up to date from the queue (:meth:`catch_up_boards`,
one set-based pass in one transaction), so a reader never sees them behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from bot.storage.contract import BoardData, BoardLifterRow, DisciplineRow, Membership
from bot.storage.driver import Driver, Step
from bot.storage.rows import as_date

_CHUNK = 500

# Catching up: the queued entries' days join their lifter's boards, and each
# (lifter, date) they touch gets its discipline counts recomputed from its sets.
# Every statement reads the queue, so all of it runs in one write transaction.
# (Written as "entry_id IN (queue)" so the plan starts from the queue's few rows.)
_QUEUED_ENTRIES = "e.entry_id IN (SELECT q.entry_id FROM board_queue q)"
_QUEUED_DAYS = f"SELECT DISTINCT e.user_id, e.local_date FROM entries e WHERE {_QUEUED_ENTRIES}"


def board_days_of(entries: str) -> str:
    """The statement that puts the days of the entries ``entries`` (a condition on
    ``e``) on their lifter's boards (every server they are on, not opted out), for a
    working set."""
    return ("INSERT INTO board_days (guild_id, user_id, local_date)"
            " SELECT DISTINCT m.guild_id, e.user_id, e.local_date FROM entries e"
            " JOIN guild_members m ON m.user_id = e.user_id"
            f" WHERE {entries} AND m.opted_out = 0"
            "  AND EXISTS (SELECT 1 FROM sets s WHERE s.entry_id = e.entry_id AND s.warmup = 0)"
            " ON CONFLICT DO NOTHING")


def discipline_of(days: str) -> tuple[str, str]:
    """The statements that recompute the discipline counts of the (user_id, local_date)
    pairs the query ``days`` selects, from their sets."""
    return (
        f"DELETE FROM discipline_days WHERE (user_id, local_date) IN ({days})",
        "INSERT INTO discipline_days (user_id, local_date, short, judged, hard_sessions,"
        " sessions)"
        " SELECT e.user_id, e.local_date,"
        " SUM(CASE WHEN e.tier IN ('A', 'B') AND r.rir >= 1 THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN e.tier IN ('A', 'B') THEN 1 ELSE 0 END),"
        " COUNT(DISTINCT CASE WHEN e.tier IN ('C', 'D') AND r.rir <= 1 THEN e.exercise_key END),"
        " COUNT(DISTINCT CASE WHEN e.tier IN ('C', 'D') THEN e.exercise_key END)"
        f" FROM ({days}) k"
        " JOIN entries e ON e.user_id = k.user_id AND e.local_date = k.local_date"
        " JOIN (SELECT entry_id, CASE WHEN failure = 1 OR technique IS NOT NULL THEN 0"
        "  WHEN rir IS NOT NULL THEN rir WHEN amrap = 1 THEN 1 END AS rir"
        "  FROM sets WHERE warmup = 0) r ON r.entry_id = e.entry_id"
        " WHERE e.tier IN ('A', 'B', 'C', 'D') AND r.rir IS NOT NULL"
        " GROUP BY e.user_id, e.local_date",
    )


_CATCH_UP = (
    "INSERT INTO board_bulk (running) VALUES (1)",
    board_days_of(_QUEUED_ENTRIES),
    *discipline_of(_QUEUED_DAYS),
    # Stamp every server the touched lifters are on, once (their row triggers stand
    # aside while board_bulk holds a row: migration 008).
    "INSERT INTO board_stamps (guild_id, user_id, seq)"
    " SELECT m.guild_id, m.user_id,"
    " (SELECT COALESCE(MAX(s.seq), 0) + 1 FROM board_stamps s WHERE s.guild_id = m.guild_id)"
    " FROM guild_members m WHERE m.user_id IN"
    f" (SELECT e.user_id FROM entries e WHERE {_QUEUED_ENTRIES})"
    " ON CONFLICT (guild_id, user_id) DO UPDATE SET seq = excluded.seq",
    "DELETE FROM board_bulk",
    "DELETE FROM board_queue",
)


_QUEUED = "SELECT EXISTS (SELECT 1 FROM board_queue)"

FOLD_EVERY = 25
"""On SQLite, every this many logs of a process one log's own transaction also folds the
queue (its one writer makes that safe; on PostgreSQL the upkeep task and the views
fold): a view then finds at most about that many logs to fold, however far off the
upkeep task's next run is, and the fold costs no commit of its own."""


def fold_steps() -> list[Step]:
    """The statements that fold the whole queue, to run inside a write."""
    return [Step(sql) for sql in _CATCH_UP]

_DISCIPLINE = (
    "SELECT d.user_id, d.local_date, x.short, x.judged, x.hard_sessions, x.sessions"
    " FROM board_days d"
    " JOIN discipline_days x ON x.user_id = d.user_id AND x.local_date = d.local_date"
    " WHERE d.guild_id = ? AND d.local_date >= ? AND d.local_date <= ?"
)
_LIFTERS = (
    "SELECT a.user_id, u.timezone, u.weekly_target,"
    " (SELECT h.target FROM target_history h WHERE h.user_id = a.user_id"
    "  AND h.effective_from <= ? ORDER BY h.effective_from DESC LIMIT 1),"
    " (SELECT MIN(f.local_date) FROM board_days f WHERE f.guild_id = ? AND f.user_id = a.user_id)"
    " FROM (SELECT DISTINCT user_id FROM board_days"
    "  WHERE guild_id = ? AND local_date >= ? AND local_date <= ?) a"
    " LEFT JOIN users u ON u.user_id = a.user_id"
)
_ALL_LIFTERS = (
    "SELECT a.user_id, u.timezone, u.weekly_target, NULL, NULL"
    " FROM (SELECT DISTINCT user_id FROM board_days WHERE guild_id = ?) a"
    " LEFT JOIN users u ON u.user_id = a.user_id"
)
# Complete target histories of the lifters whose target changed after a date.
_CHANGED_TARGETS = (
    "SELECT h.user_id, h.effective_from, h.target FROM target_history h"
    " WHERE h.user_id IN (SELECT c.user_id FROM target_history c WHERE c.effective_from > ?)"
)
_BOARD_TARGETS = (
    "SELECT h.user_id, h.effective_from, h.target FROM target_history h"
    " WHERE h.user_id IN (SELECT DISTINCT user_id FROM board_days WHERE guild_id = ?)"
)


def _dates() -> Any:
    """A converter that parses each distinct stored date once (a board repeats few dates)."""
    seen: dict[Any, date] = {}

    def convert(value: Any) -> date:
        found = seen.get(value)
        if found is None:
            found = seen[value] = as_date(value)
        return found

    return convert


def _histories(
    rows: Sequence[Sequence[Any]], wanted: set[str]
) -> dict[str, list[tuple[date, int]]]:
    out: dict[str, list[tuple[date, int]]] = {}
    for user_id, effective_from, target in rows:
        if user_id in wanted:
            out.setdefault(user_id, []).append((as_date(effective_from), int(target)))
    for history in out.values():
        history.sort()
    return out


class BoardsSql:
    driver: Driver
    logs_unfolded = 0
    """Logs this process stored since it last folded the queue (see FOLD_EVERY)."""

    async def catch_up_boards(self) -> bool:
        """Bring the leaderboard tables up to date with queued sets; True if any were.

        Cheap when the queue is empty (one indexed read). Called before every board
        read, and by a background task so a board read seldom finds much to do.
        """
        queued = await self.driver.fetchval(_QUEUED)
        self.logs_unfolded = 0
        if not queued:
            return False
        await self.driver.batch(fold_steps(), write=True)
        return True

    async def board_data(self, guild_id: str, since: date | None, until: date) -> BoardData:
        """Training days on a server's board from ``since`` (None: all) to ``until``."""
        await self.catch_up_boards()
        if since is None:
            days, lifters, targets = await self.driver.batch([
                Step("SELECT user_id, local_date FROM board_days"
                     " WHERE guild_id = ? AND local_date <= ?", (guild_id, until), fetch=True),
                Step(_ALL_LIFTERS, (guild_id,), fetch=True),
                Step(_BOARD_TARGETS, (guild_id,), fetch=True),
            ])
        else:
            days, lifters, targets = await self.driver.batch([
                Step("SELECT user_id, local_date FROM board_days"
                     " WHERE guild_id = ? AND local_date >= ? AND local_date <= ?",
                     (guild_id, since, until), fetch=True),
                Step(_LIFTERS, (since, guild_id, guild_id, since, until), fetch=True),
                Step(_CHANGED_TARGETS, (since,), fetch=True),
            ])
        convert = _dates()
        rows = [
            BoardLifterRow(
                user_id=r[0], timezone=r[1], weekly_target=None if r[2] is None else int(r[2]),
                target_at_since=None if r[3] is None else int(r[3]),
                first_day=None if r[4] is None else convert(r[4]),
            )
            for r in lifters
        ]
        return BoardData(
            days=[(user_id, convert(day)) for user_id, day in days],
            lifters={r.user_id: r for r in rows},
            histories=_histories(targets, {r.user_id for r in rows}),
        )

    async def board_days_of(
        self, guild_id: str, user_ids: Sequence[str]
    ) -> tuple[list[tuple[str, date]], dict[str, list[tuple[date, int]]]]:
        """Every board day and the complete target history of a few lifters of a board."""
        await self.catch_up_boards()
        days: list[tuple[str, date]] = []
        targets: list[Sequence[Any]] = []
        convert = _dates()
        for start in range(0, len(user_ids), _CHUNK):
            chunk = list(user_ids[start:start + _CHUNK])
            marks = ", ".join("?" for _ in chunk)
            found, history = await self.driver.batch([
                Step(f"SELECT user_id, local_date FROM board_days WHERE guild_id = ?"
                     f" AND user_id IN ({marks})", (guild_id, *chunk), fetch=True),
                Step(f"SELECT user_id, effective_from, target FROM target_history"
                     f" WHERE user_id IN ({marks})", chunk, fetch=True),
            ])
            days.extend((user_id, convert(day)) for user_id, day in found)
            targets.extend(history)
        return days, _histories(targets, set(user_ids))

    async def board_discipline(
        self, guild_id: str, since: date | None, until: date
    ) -> list[DisciplineRow]:
        """Per lifter and local date on the board: the counts the discipline score needs."""
        await self.catch_up_boards()
        rows = await self.driver.fetchall(_DISCIPLINE, (guild_id, since or date.min, until))
        convert = _dates()
        return [
            DisciplineRow(r[0], convert(r[1]), int(r[2]), int(r[3]), int(r[4]), int(r[5]))
            for r in rows
        ]

    async def board_membership(self, guild_id: str, user_id: str) -> Membership:
        """'in' (on the board), 'out' (opted out) or 'none' (never logged in the server)."""
        value = await self.driver.fetchval(
            "SELECT opted_out FROM guild_members WHERE guild_id = ? AND user_id = ?",
            (guild_id, user_id),
        )
        return "none" if value is None else ("out" if int(value) else "in")

    async def set_board_opt_out(
        self, guild_id: str, user_id: str, opted_out: bool, now: datetime
    ) -> tuple[Membership, Membership]:
        """Opt a lifter out of (or back into) a server's board; returns (before, after).

        Opting out before ever logging in the server is kept, so a later log does not
        put the lifter on the board. Opting back in without having logged there removes
        that standing choice: the lifter joins the board with their first log.
        """
        async with self.driver.transaction() as tx:
            value = await tx.fetchval(
                "SELECT opted_out FROM guild_members WHERE guild_id = ? AND user_id = ?",
                (guild_id, user_id),
            )
            before: Membership = "none" if value is None else ("out" if int(value) else "in")
            if opted_out:
                await tx.execute(
                    "INSERT INTO guild_members (guild_id, user_id, opted_out, joined_at)"
                    " VALUES (?, ?, 1, ?) ON CONFLICT (guild_id, user_id)"
                    " DO UPDATE SET opted_out = excluded.opted_out",
                    (guild_id, user_id, now),
                )
                return before, "out"
            if before != "out":
                return before, before
            logged_here = await tx.fetchval(
                "SELECT 1 FROM entries WHERE guild_id = ? AND user_id = ? LIMIT 1",
                (guild_id, user_id),
            )
            if logged_here is None:
                await tx.execute(
                    "DELETE FROM guild_members WHERE guild_id = ? AND user_id = ?",
                    (guild_id, user_id),
                )
                return before, "none"
            await tx.execute(
                "UPDATE guild_members SET opted_out = 0 WHERE guild_id = ? AND user_id = ?",
                (guild_id, user_id),
            )
            return before, "in"
