"""What changed on a server's board since a kept copy was computed, and those lifters' data.

A process keeps the boards it computed (bot.coach.boards). When lifters log, undo,
opt out or change their time zone or weekly target, migration 006's triggers stamp
(server, lifter) with a position; :meth:`board_changes` names the lifters stamped
since a position the reader noted, and :meth:`board_subset` reads just their days,
so a kept board is brought up to date by recomputing a few lifters instead of the
whole server.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from bot.storage.contract import BoardChanges, BoardData, BoardLifterRow, DisciplineRow
from bot.storage.driver import Step
from bot.storage.rows import as_date
from bot.storage.sql.boards import BoardsSql

_CHUNK = 500

# The position the next stamp will carry (SQLite: one writer, so the next number), or
# on PostgreSQL the oldest transaction still running that may write here (one of
# another database cannot), else the next id: any change this reader cannot see yet
# is stamped with it or a later transaction id.
_PG_POSITION = """
SELECT COALESCE(
    (SELECT min(x::text::bigint) FROM pg_snapshot_xip(s.snap) AS x
     WHERE x::text::bigint % 4294967296 NOT IN (
         SELECT backend_xid::text::bigint FROM pg_stat_activity
         WHERE backend_xid IS NOT NULL AND datname IS DISTINCT FROM current_database())),
    pg_snapshot_xmax(s.snap)::text::bigint)
FROM (SELECT pg_current_snapshot() AS snap) AS s
"""


def _position(engine: str, guild_id: str) -> Step:
    if engine == "postgres":
        return Step(_PG_POSITION, fetch=True)
    return Step("SELECT COALESCE(MAX(seq), 0) + 1 FROM board_stamps WHERE guild_id = ?",
                (guild_id,), fetch=True)


class BoardChangesSql(BoardsSql):
    async def board_changes(self, guild_id: str, after: int | None) -> BoardChanges:
        """The current position and reset count, and who was stamped at or after ``after``."""
        await self.catch_up_boards()
        steps = [
            _position(self.driver.engine, guild_id),
            Step("SELECT resets FROM board_versions WHERE guild_id = ?", (guild_id,), fetch=True),
        ]
        if after is not None:
            steps.append(Step("SELECT user_id FROM board_stamps WHERE guild_id = ? AND seq >= ?",
                              (guild_id, after), fetch=True))
        rows = await self.driver.batch(steps)
        return BoardChanges(
            position=int(rows[0][0][0]),
            resets=int(rows[1][0][0]) if rows[1] else 0,
            user_ids=None if after is None else [str(r[0]) for r in rows[2]],
        )

    async def board_members(self, guild_id: str) -> set[str]:
        """Members of a server's boards (logged there, not opted out)."""
        rows = await self.driver.fetchall(
            "SELECT user_id FROM guild_members WHERE guild_id = ? AND opted_out = 0",
            (guild_id,))
        return {str(r[0]) for r in rows}

    async def board_size(self, guild_id: str, up_to: int) -> int:
        """How many members a server's boards have (logged there, not opted out),
        counting no further than ``up_to`` (a large server is not counted through)."""
        count = await self.driver.fetchval(
            "SELECT COUNT(*) FROM (SELECT 1 FROM guild_members WHERE guild_id = ?"
            " AND opted_out = 0 LIMIT ?) m", (guild_id, up_to + 1))
        return int(count or 0)

    async def board_away(
        self, guild_id: str, cutoff: datetime, among: Sequence[str] | None = None
    ) -> set[str]:
        """Members (not opted out) who left the server or last logged there before
        ``cutoff``: they are off its boards (``among``: only these lifters)."""
        away = (" AND opted_out = 0 AND (last_logged_at IS NULL OR last_logged_at < ?)")
        if among is None:
            rows = await self.driver.fetchall(
                f"SELECT user_id FROM guild_members WHERE guild_id = ?{away}", (guild_id, cutoff))
            return {str(r[0]) for r in rows}
        found: set[str] = set()
        for start in range(0, len(among), _CHUNK):
            chunk = list(among[start:start + _CHUNK])
            marks = ", ".join("?" for _ in chunk)
            rows = await self.driver.fetchall(
                f"SELECT user_id FROM guild_members WHERE guild_id = ? AND user_id IN ({marks})"
                f"{away}", (guild_id, *chunk, cutoff))
            found.update(str(r[0]) for r in rows)
        return found

    async def board_lapsed(self, guild_id: str, after: datetime, cutoff: datetime) -> set[str]:
        """Members whose last log in the server lies in ``[after, cutoff)``: they went
        off its boards between two reads (an index range: cheap to ask often)."""
        rows = await self.driver.fetchall(
            "SELECT user_id FROM guild_members WHERE guild_id = ? AND last_logged_at >= ?"
            " AND last_logged_at < ? AND opted_out = 0", (guild_id, after, cutoff))
        return {str(r[0]) for r in rows}

    async def member_left(self, guild_id: str, user_id: str) -> bool:
        """The lifter left the server: off its boards at once (their next log there
        brings them back). False when they were not a member of its boards."""
        async with self.driver.transaction() as tx:
            found = await tx.fetchval(
                "UPDATE guild_members SET last_logged_at = NULL WHERE guild_id = ?"
                " AND user_id = ? AND last_logged_at IS NOT NULL RETURNING user_id",
                (guild_id, user_id))
        return found is not None

    async def load_board(self, guild_id: str, board: str) -> str | None:
        """A stored computed board (see bot.coach.board_cache), or None."""
        value = await self.driver.fetchval(
            "SELECT payload FROM board_cache WHERE guild_id = ? AND board = ?", (guild_id, board))
        return None if value is None else str(value)

    async def save_board(self, guild_id: str, board: str, payload: str, now: datetime) -> None:
        await self.driver.execute(
            "INSERT INTO board_cache (guild_id, board, saved_at, payload) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (guild_id, board) DO UPDATE SET saved_at = excluded.saved_at,"
            " payload = excluded.payload", (guild_id, board, now, payload))

    async def stored_boards(self) -> list[tuple[str, str]]:
        """``(guild, board)`` of every stored board, the most recently saved first."""
        rows = await self.driver.fetchall(
            "SELECT guild_id, board FROM board_cache ORDER BY saved_at DESC, guild_id, board")
        return [(str(guild), str(board)) for guild, board in rows]

    async def board_subset(
        self, guild_id: str, user_ids: Sequence[str], since: date | None, until: date,
        *, discipline: bool = False,
    ) -> tuple[BoardData, list[DisciplineRow]]:
        """:meth:`board_data` (and :meth:`board_discipline`) for some lifters only."""
        await self.catch_up_boards()
        low = since or date.min
        days: list[tuple[str, date]] = []
        lifters: dict[str, BoardLifterRow] = {}
        histories: dict[str, list[tuple[date, int]]] = {}
        counts: list[DisciplineRow] = []
        for start in range(0, len(user_ids), _CHUNK):
            chunk = list(user_ids[start:start + _CHUNK])
            marks = ", ".join("?" for _ in chunk)
            steps = [
                Step(f"SELECT user_id, local_date FROM board_days WHERE guild_id = ?"
                     f" AND user_id IN ({marks}) AND local_date >= ? AND local_date <= ?",
                     (guild_id, *chunk, low, until), fetch=True),
                Step(f"SELECT u.user_id, u.timezone, u.weekly_target FROM users u"
                     f" WHERE u.user_id IN ({marks})", chunk, fetch=True),
                Step(f"SELECT user_id, MIN(local_date) FROM board_days WHERE guild_id = ?"
                     f" AND user_id IN ({marks}) GROUP BY user_id", (guild_id, *chunk),
                     fetch=True),
                Step(f"SELECT user_id, effective_from, target FROM target_history"
                     f" WHERE user_id IN ({marks})", chunk, fetch=True),
            ]
            if discipline:
                steps.append(Step(
                    "SELECT d.user_id, d.local_date, x.short, x.judged, x.hard_sessions,"
                    " x.sessions FROM board_days d JOIN discipline_days x"
                    " ON x.user_id = d.user_id AND x.local_date = d.local_date"
                    f" WHERE d.guild_id = ? AND d.user_id IN ({marks})"
                    " AND d.local_date >= ? AND d.local_date <= ?",
                    (guild_id, *chunk, low, until), fetch=True))
            rows = await self.driver.batch(steps)
            found, profiles, firsts, targets = rows[:4]
            chunk_days = [(str(u), as_date(d)) for u, d in found]
            days.extend(chunk_days)
            listed = {u for u, _ in chunk_days}
            profile = {str(r[0]): r for r in profiles}
            first = {str(u): as_date(d) for u, d in firsts}
            chunk_histories: dict[str, list[tuple[date, int]]] = {}
            for user, effective_from, target in targets:
                if user in listed:
                    chunk_histories.setdefault(str(user), []).append(
                        (as_date(effective_from), int(target)))
            for user in listed:
                row = profile.get(user)
                history = sorted(chunk_histories.get(user, []))
                at_since = None
                if since is not None and history and history[-1][0] <= since:
                    # As board_data reads it: no change inside the range, one target.
                    at_since, history = history[-1][1], []
                if history:
                    histories[user] = history
                lifters[user] = BoardLifterRow(
                    user_id=user, timezone=None if row is None else row[1],
                    weekly_target=None if row is None or row[2] is None else int(row[2]),
                    target_at_since=at_since, first_day=first.get(user))
            if discipline:
                counts.extend(DisciplineRow(str(r[0]), as_date(r[1]), int(r[2]), int(r[3]),
                                            int(r[4]), int(r[5])) for r in rows[4])
        return BoardData(days=days, lifters=lifters, histories=histories), counts
