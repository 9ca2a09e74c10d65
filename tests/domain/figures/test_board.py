"""Board figures for many lifters agree with the per-lifter definitions in stats.py."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.figures.board import (
    MAX_DAYS_PER_WEEK,
    BoardLifter,
    DisciplineDay,
    consistency_figures,
    discipline_figures,
)
from bot.domain.figures.stats import (
    Targets,
    adherence,
    days_in_window,
    discipline,
    week_counts,
    week_start,
    weekly_streak,
)
from bot.domain.models import Exercise, SetRecord, StoredEntry

BASE = date(2026, 3, 1)
BASE_TIME = datetime(2026, 3, 1, tzinfo=UTC)
WEEKS = st.sampled_from([1, 2, 4, 12, None])

targets_strategy = st.one_of(
    st.integers(min_value=1, max_value=7),
    st.lists(
        st.tuples(st.dates(BASE - timedelta(days=120), BASE + timedelta(days=40)),
                  st.integers(min_value=0, max_value=9)),
        min_size=1, max_size=3,
    ),
)


@st.composite
def lifter_data(draw: st.DrawFn) -> tuple[BoardLifter, frozenset[date]]:
    today = BASE + timedelta(days=draw(st.integers(0, 13)))
    offsets = draw(st.lists(st.integers(-150, 14), max_size=40))
    days = frozenset(today + timedelta(days=o) for o in offsets)
    targets: Targets = draw(targets_strategy)
    return BoardLifter(today=today, targets=targets), days


boards = st.dictionaries(st.text("abc", min_size=1, max_size=3), lifter_data(), max_size=6)


def pairs(data: dict[str, tuple[BoardLifter, frozenset[date]]]) -> list[tuple[str, date]]:
    return [(user, d) for user, (_, days) in data.items() for d in days]


def capped_days(days: frozenset[date], today: date, weeks: int | None) -> int:
    """days_in_window, counting at most MAX_DAYS_PER_WEEK days of any one week."""
    per_week = week_counts(d for d in days if d <= today)
    return sum(days_in_window([week + timedelta(days=i) for i in range(min(n, MAX_DAYS_PER_WEEK))],
                              today, weeks) for week, n in per_week.items())


def listed(lifter: BoardLifter, days: frozenset[date], weeks: int | None) -> bool:
    return days_in_window(days, lifter.today, weeks) > 0


@settings(max_examples=150, deadline=None)
@given(boards, WEEKS)
def test_days_adherence_and_streak_match_the_per_lifter_functions(
    data: dict[str, tuple[BoardLifter, frozenset[date]]], weeks: int | None
) -> None:
    lifters = {u: lifter for u, (lifter, _) in data.items()}
    got = {m: consistency_figures(m, lifters, pairs(data), weeks).values
           for m in ("days", "adherence", "streak")}
    for user, (lifter, days) in data.items():
        if not listed(lifter, days, weeks):
            assert all(user not in values for values in got.values())
            continue
        assert got["days"][user] == capped_days(days, lifter.today, weeks)
        assert got["streak"][user] == weekly_streak(days, lifter.today, lifter.targets)
        expected = adherence(days, lifter.today, lifter.targets, weeks)
        assert got["adherence"].get(user) == pytest.approx(expected)


@settings(max_examples=100, deadline=None)
@given(boards, st.sampled_from([1, 4, 12]), st.integers(0, 6))
def test_recent_days_and_the_first_day_are_enough_except_for_flagged_streaks(
    data: dict[str, tuple[BoardLifter, frozenset[date]]], weeks: int, shift: int
) -> None:
    """A board reads only the window's days (and each first day); long streaks are flagged."""
    since = week_start(BASE) - timedelta(weeks=weeks) + timedelta(days=shift)
    lifters = {u: BoardLifter(lifter.today, lifter.targets, min(days, default=None))
               for u, (lifter, days) in data.items()}
    recent = [(u, d) for u, d in pairs(data) if d >= since]
    for metric in ("days", "adherence", "streak"):
        full = consistency_figures(metric, lifters, pairs(data), weeks).values
        part = consistency_figures(metric, lifters, recent, weeks, since=since)
        for user, value in full.items():
            if metric == "streak" and user in part.incomplete:
                continue
            assert part.values.get(user) == pytest.approx(value), (metric, user)


def test_a_streak_is_flagged_when_it_may_reach_before_the_days_read() -> None:
    today = date(2026, 3, 18)  # a Wednesday
    days = [today - timedelta(weeks=w) for w in range(1, 6)]  # one day a week, five weeks
    lifter = {"u": BoardLifter(today, targets=1)}
    since = week_start(today) - timedelta(weeks=3)
    part = consistency_figures("streak", lifter, [("u", d) for d in days if d >= since], 4,
                               since=since)
    assert part.incomplete == {"u"}
    whole = consistency_figures("streak", lifter, [("u", d) for d in days], 4)
    assert whole.values == {"u": 5.0} and not whole.incomplete


def test_days_after_the_lifters_today_are_ignored() -> None:
    today = date(2026, 3, 18)
    lifters = {"a": BoardLifter(today), "b": BoardLifter(today + timedelta(days=1))}
    tomorrow = today + timedelta(days=1)
    figures = consistency_figures("days", lifters, [("a", tomorrow), ("a", today),
                                                    ("b", tomorrow)], 4)
    assert figures.values == {"a": 1.0, "b": 1.0}


def test_lifters_without_a_day_in_the_window_are_not_listed() -> None:
    today = date(2026, 3, 18)
    lifters = {"old": BoardLifter(today), "new": BoardLifter(today)}
    days = [("old", today - timedelta(weeks=6)), ("new", today)]
    assert set(consistency_figures("adherence", lifters, days, 4).values) == {"new"}
    assert set(consistency_figures("adherence", lifters, days, None).values) == {"old", "new"}


def test_a_window_needs_a_week() -> None:
    with pytest.raises(ValueError, match="at least one week"):
        consistency_figures("days", {}, [], 0)
    with pytest.raises(ValueError, match="not a consistency metric"):
        consistency_figures("discipline", {}, [], 4)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- discipline

SQUAT = Exercise("back-squat", "back squat", "A")
CURL = Exercise("barbell-curl", "barbell curl", "D")
PRESS = Exercise("leg-press", "leg press", "C")
rir = st.one_of(st.none(), st.sampled_from([0.0, 0.5, 1.0, 2.0, 3.0]))


@st.composite
def logged(draw: st.DrawFn) -> list[StoredEntry]:
    out = []
    for i in range(draw(st.integers(0, 12))):
        exercise = draw(st.sampled_from([SQUAT, CURL, PRESS]))
        day = BASE + timedelta(days=draw(st.integers(-60, 13)))
        sets = tuple(SetRecord(8, 50.0, rir=draw(rir), warmup=draw(st.booleans()))
                     for _ in range(draw(st.integers(1, 4))))
        out.append(StoredEntry(i, exercise, sets, BASE_TIME, day))
    return out


def per_day(entries: list[StoredEntry]) -> dict[date, DisciplineDay]:
    """What the storage sums per local date (a reference written for the test)."""
    short: dict[date, int] = defaultdict(int)
    judged: dict[date, int] = defaultdict(int)
    sessions: dict[tuple[date, str], bool] = {}
    for e in entries:
        known = [r for s in e.working_sets if (r := s.effective_rir) is not None]
        if not known:
            continue
        if e.exercise.tier in ("A", "B"):
            judged[e.local_date] += len(known)
            short[e.local_date] += sum(1 for r in known if r >= 1)
        else:
            key = (e.local_date, e.exercise.key)
            sessions[key] = sessions.get(key, False) or any(r <= 1 for r in known)
    days = set(judged) | {d for d, _ in sessions}
    return {d: DisciplineDay(short[d], judged[d],
                             sum(1 for (sd, _), hard in sessions.items() if sd == d and hard),
                             sum(1 for sd, _ in sessions if sd == d))
            for d in days}


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from("xyz"), logged(), max_size=3), WEEKS,
       st.integers(0, 13))
def test_discipline_matches_the_per_lifter_function(
    data: dict[str, list[StoredEntry]], weeks: int | None, day: int
) -> None:
    today = BASE + timedelta(days=day)
    lifters = {u: BoardLifter(today) for u in data}
    rows = [(u, d, counts) for u, entries in data.items() for d, counts in per_day(entries).items()]
    got = discipline_figures(lifters, rows, weeks).values
    for user, entries in data.items():
        since = date.min if weeks is None else week_start(today) - timedelta(weeks=weeks - 1)
        expected = discipline(entries, since, today)
        assert got.get(user) == pytest.approx(expected)


def test_a_seventh_day_in_a_week_earns_nothing_on_the_days_board() -> None:
    today = date(2026, 3, 22)  # a Sunday
    every_day = [("u", today - timedelta(days=n)) for n in range(14)]
    assert consistency_figures("days", {"u": BoardLifter(today)}, every_day, 2).values == {
        "u": 12.0}
