"""The session rule and /history's pages, as plain values."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.domain.models import Exercise, StoredEntry
from bot.domain.sessions import (
    SESSION_GAP,
    SESSIONS_PER_PAGE,
    EntryHead,
    entry_numbered,
    group_in_sessions,
    history_page,
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


def heads(*sessions: tuple[int, date, list[str]]) -> list[EntryHead]:
    """Sessions given as (id, day, exercise keys in logged order)."""
    out = []
    for session_id, day, keys in sessions:
        at = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=9)
        for i, key in enumerate(keys):
            out.append(EntryHead(session_id * 10 + i, session_id, at + timedelta(minutes=i),
                                 day, key))
    return out


def test_pages_list_sessions_newest_first_and_number_entries_top_to_bottom() -> None:
    days = [DAY - timedelta(days=n) for n in range(7)]
    history = heads(*[(n + 1, days[n], ["back-squat", "bench-press"]) for n in range(7)])
    first = history_page(history)
    assert (first.page, first.pages, first.found) == (1, 2, 7)
    assert len(first.sessions) == SESSIONS_PER_PAGE
    assert [s.local_date for s in first.sessions] == days[:5]
    assert first.sessions[0].shown == ((1, 10), (2, 11))
    second = history_page(history, page=2)
    assert [s.local_date for s in second.sessions] == days[5:]
    assert second.sessions[0].shown[0][0] == 11  # numbering goes on across pages
    beyond = history_page(history, page=9)
    assert (beyond.page, beyond.asked) == (2, 9) and beyond.sessions == second.sessions


def test_filters_keep_the_numbers_an_unfiltered_page_shows() -> None:
    history = heads((2, DAY, ["back-squat", "bench-press"]),
                    (1, DAY - timedelta(days=10), ["bench-press", "deadlift"]))
    benches = history_page(history, exercise_key="bench-press")
    assert [s.shown for s in benches.sessions] == [((2, 21),), ((3, 10),)]
    assert [s.size for s in benches.sessions] == [2, 2]
    recent = history_page(history, since=DAY - timedelta(days=6))
    assert [s.session_id for s in recent.sessions] == [2]
    none = history_page(history, exercise_key="plank")
    assert (none.sessions, none.pages, none.found) == ((), 1, 0)
    assert entry_numbered(history, 3) == history[2]
    assert entry_numbered(history, 0) is None and entry_numbered(history, 5) is None
