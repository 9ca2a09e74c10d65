"""The session rule and /history's pages, as plain values."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.domain.models import Exercise, StoredEntry
from bot.domain.sessions import (
    SESSION_GAP,
    SESSIONS_PER_PAGE,
    SessionHead,
    group_in_sessions,
    history_page,
    in_logged_order,
    newest_first,
    numbered_in,
    session_to_join,
)

MORNING = datetime(2026, 11, 26, 7, 0, tzinfo=UTC)
DAY = MORNING.date()
SQUAT = Exercise("back-squat", "back squat", "A")


def stored(entry_id: int, at: datetime, session: int, day: date | None = None) -> StoredEntry:
    return StoredEntry(entry_id, SQUAT, (), at, day or at.date(), session_id=session)


def test_an_entry_joins_a_session_on_its_day_within_the_gap_and_no_further() -> None:
    earlier = [stored(1, MORNING, 1)]
    assert session_to_join(MORNING + SESSION_GAP, DAY, earlier) == 1
    assert session_to_join(MORNING + SESSION_GAP + timedelta(seconds=1), DAY, earlier) is None
    # A backdated entry before the session counts the same way.
    assert session_to_join(MORNING - timedelta(hours=1), DAY, earlier) == 1
    # Another local day never joins, however close in time (a late night, an early day).
    assert session_to_join(MORNING + timedelta(hours=1), date(2026, 11, 27), earlier) is None


def test_the_nearest_session_wins_and_a_chain_of_short_gaps_stays_one_session() -> None:
    entries = [stored(1, MORNING, 1), stored(2, MORNING + timedelta(hours=2), 1),
               stored(3, MORNING + timedelta(hours=6), 3)]
    # 3.5 h after the first entry, 1.5 h after the second: still the first session.
    assert session_to_join(MORNING + timedelta(hours=3.5), DAY, entries) == 1
    assert session_to_join(MORNING + timedelta(hours=5), DAY, entries) == 3
    # Equally near two sessions: the newer one.
    assert session_to_join(MORNING + timedelta(hours=4), DAY, entries) == 3


def test_imported_workouts_are_grouped_by_the_same_rule_whatever_their_order() -> None:
    workouts = [
        (MORNING + timedelta(hours=2), DAY),  # 2 h after the first: the same session
        (MORNING, DAY),
        (MORNING, DAY),  # a second exercise of the first workout
        (MORNING + timedelta(hours=6), DAY),  # 4 h after the one before: a new one
        (MORNING + timedelta(days=1), DAY + timedelta(days=1)),
    ]
    groups = group_in_sessions(workouts)
    assert groups[0] == groups[1] == groups[2]
    assert len({groups[0], groups[3], groups[4]}) == 3


def session(session_id: int, day: date, size: int, matching: int | None = None,
            hour: int = 9) -> SessionHead:
    at = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=hour)
    return SessionHead(session_id, day, at, at + timedelta(minutes=size), size,
                       size if matching is None else matching)


def test_pages_list_sessions_newest_first_and_number_entries_top_to_bottom() -> None:
    days = [DAY - timedelta(days=n) for n in range(7)]
    heads = [session(n + 1, days[n], 2) for n in range(7)]
    first = history_page(reversed(heads))
    assert (first.page, first.pages, first.found) == (1, 2, 7)
    assert len(first.sessions) == SESSIONS_PER_PAGE
    assert [h.local_date for h, _ in first.sessions] == days[:5]
    assert [n for _, n in first.sessions] == [1, 3, 5, 7, 9]
    second = history_page(heads, page=2)
    assert [(h.local_date, n) for h, n in second.sessions] == [(days[5], 11), (days[6], 13)]
    beyond = history_page(heads, page=9)
    assert (beyond.page, beyond.asked) == (2, 9) and beyond.sessions == second.sessions


def test_two_sessions_of_a_day_come_latest_first() -> None:
    morning, evening = session(1, DAY, 3, hour=7), session(2, DAY, 1, hour=19)
    assert newest_first([morning, evening]) == [evening, morning]
    assert [n for _, n in history_page([morning, evening]).sessions] == [1, 2]


def test_filters_keep_the_numbers_an_unfiltered_page_shows() -> None:
    heads = [session(2, DAY, 2, matching=1), session(1, DAY - timedelta(days=10), 2, 1),
             session(3, DAY - timedelta(days=1), 4, matching=0)]
    benches = history_page(heads)
    assert [(h.session_id, n) for h, n in benches.sessions] == [(2, 1), (1, 7)]
    recent = history_page(heads, since=DAY - timedelta(days=6))
    assert [h.session_id for h, _ in recent.sessions] == [2]
    none = history_page([session(1, DAY, 2, matching=0)])
    assert (none.sessions, none.pages, none.found) == ((), 1, 0)


def test_a_number_names_one_entry_of_one_session() -> None:
    heads = [session(2, DAY, 2), session(1, DAY - timedelta(days=10), 3)]
    assert numbered_in(heads, 1) == (heads[0], 0)
    assert numbered_in(heads, 3) == (heads[1], 0)
    assert numbered_in(heads, 5) == (heads[1], 2)
    assert numbered_in(heads, 0) is None and numbered_in(heads, 6) is None
    later = [StoredEntry(9, SQUAT, (), MORNING, DAY), StoredEntry(4, SQUAT, (), MORNING, DAY),
             StoredEntry(1, SQUAT, (), MORNING + timedelta(hours=1), DAY)]
    assert [e.entry_id for e in in_logged_order(later)] == [4, 9, 1]
