"""The leaderboards' part of the storage contract (see bot.storage.contract, which
re-exports these names and composes :class:`BoardStore` into ``Storage``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal, NamedTuple, Protocol

Membership = Literal["in", "out", "none"]
"""A lifter on a server's board: on it, opted out, or never logged there."""


class BoardLifterRow(NamedTuple):
    """A lifter on a board, with what their figures need besides the days.

    ``timezone`` and ``weekly_target`` are None without a saved profile;
    ``target_at_since`` is the last weekly-target record on or before the first date
    read (None: none); ``first_day`` is the lifter's first training day.
    """

    user_id: str
    timezone: str | None
    weekly_target: int | None
    target_at_since: int | None
    first_day: date | None


@dataclass(frozen=True)
class BoardData:
    """A server board's training days over a range of dates, and the lifters who have one.

    ``histories`` holds the complete target history of each listed lifter whose
    target changed after the first date read (of every listed lifter when reading all).
    """

    days: list[tuple[str, date]]
    lifters: dict[str, BoardLifterRow]
    histories: dict[str, list[tuple[date, int]]]


@dataclass(frozen=True)
class BoardChanges:
    """What changed on a server's board: see bot.storage.sql.board_changes.

    ``position`` is what to ask from next time; ``resets`` moves when a member left
    the server's members (recompute everything); ``user_ids`` are the lifters stamped
    since the position asked about (None when no position was given).
    """

    position: int
    resets: int
    user_ids: list[str] | None


@dataclass(frozen=True)
class DisciplineRow:
    """One lifter's discipline counts for one local date (see bot.domain.figures.board)."""

    user_id: str
    local_date: date
    short: int
    judged: int
    hard_sessions: int
    sessions: int


class BoardStore(Protocol):
    """Server leaderboards (see bot.coach.boards)."""

    async def catch_up_boards(self) -> bool: ...

    async def board_data(self, guild_id: str, since: date | None, until: date) -> BoardData: ...

    async def board_days_of(
        self, guild_id: str, user_ids: Sequence[str]
    ) -> tuple[list[tuple[str, date]], dict[str, list[tuple[date, int]]]]: ...

    async def board_discipline(
        self, guild_id: str, since: date | None, until: date
    ) -> list[DisciplineRow]: ...

    async def board_changes(self, guild_id: str, after: int | None) -> BoardChanges: ...

    async def board_members(self, guild_id: str) -> set[str]: ...

    async def board_size(self, guild_id: str, up_to: int) -> int: ...

    async def board_away(
        self, guild_id: str, cutoff: datetime, among: Sequence[str] | None = None
    ) -> set[str]: ...

    async def board_lapsed(
        self, guild_id: str, after: datetime, cutoff: datetime
    ) -> set[str]: ...

    async def member_left(self, guild_id: str, user_id: str) -> bool: ...

    async def load_board(self, guild_id: str, board: str) -> str | None: ...

    async def save_board(self, guild_id: str, board: str, payload: str, now: datetime) -> None: ...

    async def stored_boards(self) -> list[tuple[str, str]]: ...

    async def board_subset(
        self, guild_id: str, user_ids: Sequence[str], since: date | None, until: date,
        *, discipline: bool = False,
    ) -> tuple[BoardData, list[DisciplineRow]]: ...

    async def board_membership(self, guild_id: str, user_id: str) -> Membership: ...

    async def set_board_opt_out(
        self, guild_id: str, user_id: str, opted_out: bool, now: datetime
    ) -> tuple[Membership, Membership]: ...
