"""Training sessions: the one rule that groups a lifter's entries, and /history's pages.

A session is one visit to the gym. Entries belong to the same session when they are
on the same local day and within :data:`SESSION_GAP` of each other:

- the entries one message stores on one day always share a session (they are stored
  at one moment);
- a later message joins the session of the nearest entry on its day within the gap
  (logging after each exercise builds one session, a chain of gaps under three hours
  included); otherwise it starts a session of its own;
- an imported workout is grouped the same way: its entries share its start time, and
  a workout joins the one before it in the file on the same day within the gap.

A stored session keeps its entries when its rule's inputs change later (an edit keeps
an entry's session; undoing an entry does not split or merge others).

/history shows sessions newest first, :data:`SESSIONS_PER_PAGE` to a page, and gives
every entry a number: its place in the whole history read top to bottom (newest
session first, each session's entries in the order they were logged). The numbers do
not depend on a filter or a page, so ``/edit N`` means the same entry wherever N was
read, until the next log. A page is worked out from each session's summary
(:class:`SessionHead`: its day, moments and counts), so only the entries of the
sessions shown are ever read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final

from bot.domain.models import StoredEntry

SESSION_GAP: Final = timedelta(hours=3)
"""The longest pause between two entries of one session (on the same local day)."""
SESSIONS_PER_PAGE: Final = 5
"""Sessions on one page of /history."""
MAX_HISTORY_DAYS: Final = 3660
"""The longest window /history's ``days`` filter takes (ten years)."""


def close_together(at: datetime, day: date, other_at: datetime, other_day: date) -> bool:
    """Two entries that may share a session: same local day, within the gap."""
    return day == other_day and abs(at - other_at) <= SESSION_GAP


def session_to_join(at: datetime, day: date, entries: Iterable[StoredEntry]) -> int | None:
    """The session an entry stored at ``at`` on local ``day`` joins: that of the
    nearest stored entry close together with it (the newest of equally near ones);
    None when there is none and it starts a session."""
    best: tuple[timedelta, int] | None = None
    found: int | None = None
    for entry in entries:
        if not close_together(at, day, entry.performed_at, entry.local_date):
            continue
        rank = (abs(at - entry.performed_at), -entry.entry_id)
        if best is None or rank < best:
            best, found = rank, entry.session_id
    return found


def group_in_sessions(moments: Sequence[tuple[datetime, date]]) -> list[int]:
    """Session numbers (from 0) for entries stored together, such as an import, each
    given as (moment, local day): in time order, an entry shares the session of the
    one before it when the two are close together."""
    order = sorted(range(len(moments)), key=lambda i: (moments[i][1], moments[i][0], i))
    groups = [0] * len(moments)
    current = -1
    previous: tuple[datetime, date] | None = None
    for i in order:
        at, day = moments[i]
        if previous is None or not close_together(at, day, *previous):
            current += 1
        groups[i] = current
        previous = (at, day)
    return groups


# /history -------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionHead:
    """A stored session without its entries: its day, first and last moments, how many
    entries it holds and how many of them are of the exercise asked for (all of them
    when none was asked)."""

    session_id: int
    local_date: date
    started_at: datetime
    ended_at: datetime
    size: int
    matching: int


@dataclass(frozen=True)
class HistoryPage:
    """A page of sessions, each with the number its first entry is shown with; ``page``
    is within 1..``pages``; ``found`` counts the sessions that pass the filters;
    ``asked`` is the page asked for, which may lie beyond the last."""

    sessions: tuple[tuple[SessionHead, int], ...]
    page: int
    pages: int
    found: int
    asked: int


def newest_first(heads: Iterable[SessionHead]) -> list[SessionHead]:
    """The lifter's sessions in /history's order: by day, then latest entry."""
    return sorted(heads, key=lambda h: (h.local_date, h.ended_at, h.session_id), reverse=True)


def first_numbers(heads: Sequence[SessionHead]) -> list[int]:
    """The number of each session's first entry, for sessions in /history's order."""
    out, n = [], 1
    for head in heads:
        out.append(n)
        n += head.size
    return out


def in_logged_order(entries: Iterable[StoredEntry]) -> list[StoredEntry]:
    """A session's entries as they were logged (numbered in this order)."""
    return sorted(entries, key=lambda e: (e.performed_at, e.entry_id))


def history_page(
    heads: Iterable[SessionHead], *, since: date | None = None, page: int = 1,
) -> HistoryPage:
    """One page of the sessions with an entry asked for (``matching``) on or after
    ``since``. A page beyond the last shows the last."""
    ordered = newest_first(heads)
    found = [(head, first) for head, first in zip(ordered, first_numbers(ordered), strict=True)
             if head.matching and (since is None or head.local_date >= since)]
    pages = max(1, -(-len(found) // SESSIONS_PER_PAGE))
    current = min(max(page, 1), pages)
    start = (current - 1) * SESSIONS_PER_PAGE
    return HistoryPage(tuple(found[start:start + SESSIONS_PER_PAGE]), current, pages,
                       len(found), page)


def numbered_in(heads: Iterable[SessionHead], number: int) -> tuple[SessionHead, int] | None:
    """The session holding the entry /history shows as ``number``, and the entry's place
    in it (from 0, in logged order); None when there is no such entry."""
    ordered = newest_first(heads)
    for head, first in zip(ordered, first_numbers(ordered), strict=True):
        if first <= number < first + head.size:
            return head, number - first
    return None


__all__ = [
    "MAX_HISTORY_DAYS",
    "SESSIONS_PER_PAGE",
    "SESSION_GAP",
    "HistoryPage",
    "SessionHead",
    "close_together",
    "first_numbers",
    "group_in_sessions",
    "history_page",
    "in_logged_order",
    "newest_first",
    "numbered_in",
    "session_to_join",
]
