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
read, until the next log.
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
class EntryHead:
    """What paging needs of an entry, without its sets."""

    entry_id: int
    session_id: int
    performed_at: datetime
    local_date: date
    exercise_key: str


@dataclass(frozen=True)
class SessionView:
    """One session on a page: the entries shown as (number, entry id), in logged order,
    and how many entries the session holds in all (a filter may hide some)."""

    session_id: int
    local_date: date
    started_at: datetime
    shown: tuple[tuple[int, int], ...]
    size: int


@dataclass(frozen=True)
class HistoryPage:
    """A page of sessions; ``page`` is within 1..``pages``; ``found`` counts the
    sessions that pass the filters."""

    sessions: tuple[SessionView, ...]
    page: int
    pages: int
    found: int
    asked: int  # the page asked for, which may lie beyond the last


def in_sessions(heads: Iterable[EntryHead]) -> list[tuple[EntryHead, ...]]:
    """The lifter's sessions newest first (by day, then latest entry); each session's
    entries in the order they were logged."""
    grouped: dict[int, list[EntryHead]] = {}
    for head in heads:
        grouped.setdefault(head.session_id, []).append(head)
    sessions = [tuple(sorted(g, key=lambda h: (h.performed_at, h.entry_id)))
                for g in grouped.values()]
    sessions.sort(key=lambda s: (max(h.local_date for h in s), s[-1].performed_at,
                                 s[0].session_id), reverse=True)
    return sessions


def numbered(sessions: Sequence[tuple[EntryHead, ...]]) -> dict[int, int]:
    """Entry id -> the number /history shows for it (1 is the first entry on top)."""
    flat = (head for session in sessions for head in session)
    return {head.entry_id: n for n, head in enumerate(flat, start=1)}


def entry_numbered(heads: Iterable[EntryHead], number: int) -> EntryHead | None:
    """The entry /history shows as ``number``, or None when there is none."""
    if number < 1:
        return None
    flat = [head for session in in_sessions(heads) for head in session]
    return flat[number - 1] if number <= len(flat) else None


def history_page(
    heads: Iterable[EntryHead], *, exercise_key: str | None = None,
    since: date | None = None, page: int = 1,
) -> HistoryPage:
    """One page of sessions: only those on or after ``since``; with ``exercise_key``,
    only sessions holding it, showing only its entries. A page beyond the last shows
    the last."""
    sessions = in_sessions(heads)
    numbers = numbered(sessions)
    views = []
    for session in sessions:
        if since is not None and session[0].local_date < since:
            continue
        shown = tuple((numbers[h.entry_id], h.entry_id) for h in session
                      if exercise_key is None or h.exercise_key == exercise_key)
        if shown:
            views.append(SessionView(session[0].session_id, session[0].local_date,
                                     session[0].performed_at, shown, len(session)))
    pages = max(1, -(-len(views) // SESSIONS_PER_PAGE))
    current = min(max(page, 1), pages)
    start = (current - 1) * SESSIONS_PER_PAGE
    return HistoryPage(tuple(views[start:start + SESSIONS_PER_PAGE]), current, pages,
                       len(views), page)


__all__ = [
    "MAX_HISTORY_DAYS",
    "SESSIONS_PER_PAGE",
    "SESSION_GAP",
    "EntryHead",
    "HistoryPage",
    "SessionView",
    "close_together",
    "entry_numbered",
    "group_in_sessions",
    "history_page",
    "in_sessions",
    "numbered",
    "session_to_join",
]
