"""The daily reminder's streak nudge: one more day keeps the weekly streak, and the last
day that can still save it."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.domain.figures.stats import weekly_streak
from bot.domain.reminders.message import ReminderInputs, Session, compose_reminder

MONDAY = date(2026, 11, 23)


def session(day: date) -> Session:
    return Session("dumbbell-curl", "dumbbell curl", "D", day, 3, 0)


def met_weeks(weeks: int, per_week: int = 3) -> list[Session]:
    """``weeks`` complete weeks before this one, each on target."""
    return [session(MONDAY - timedelta(weeks=w) + timedelta(days=d))
            for w in range(1, weeks + 1) for d in range(per_week)]


def text_on(weekday: int, this_week: int, history: list[Session], target: int = 3,
            targets: tuple[tuple[date, int], ...] = ()) -> str:
    today = MONDAY + timedelta(days=weekday)
    sessions = history + [session(MONDAY + timedelta(days=d)) for d in range(this_week)]
    found = compose_reminder(ReminderInputs(
        sessions=sessions, soreness=(), weekly_target=target, today=today,
        now=datetime.combine(today, time(7), UTC), target_history=targets))
    assert found is not None
    return found


@pytest.mark.parametrize(("weekday", "this_week", "nudge"), [
    (3, 2, "One more day this week keeps your 3-week streak going."),  # Thursday
    (5, 1, "Today is the last day that can still save your 3-week streak: it needs all "
           "2 days left this week, today included."),  # Saturday, two to go
    (6, 2, "Today is the last day that can still save your 3-week streak: one more day "
           "keeps it."),  # Sunday, one to go
])
def test_the_nudge_when_the_week_decides_the_streak(weekday: int, this_week: int,
                                                    nudge: str) -> None:
    assert nudge in text_on(weekday, this_week, met_weeks(3))


@pytest.mark.parametrize(("weekday", "this_week", "history"), [
    (2, 1, met_weeks(3)),  # Wednesday, two to go with five days left: no nudge yet
    (6, 0, met_weeks(3)),  # Sunday, three to go: out of reach
    (3, 2, met_weeks(3)[3:]),  # last week missed: no streak running
    (3, 2, []),  # a newcomer
])
def test_no_nudge_when_the_week_does_not_decide_a_streak(
    weekday: int, this_week: int, history: list[Session]
) -> None:
    text = text_on(weekday, this_week, history)
    assert "streak" not in text


def test_a_streak_longer_than_the_look_back_is_said_with_a_plus() -> None:
    text = text_on(3, 2, met_weeks(12))
    assert "One more day this week keeps your streak of 5+ weeks going." in text
    assert weekly_streak({s.day for s in met_weeks(12)}, MONDAY - timedelta(days=1)) == 12


def test_the_streak_follows_the_target_history_as_stats_does() -> None:
    # Two days a week were the target until this week; today it went up to 3.
    history = met_weeks(3, per_week=2)
    targets = ((date(2026, 1, 1), 2), (MONDAY + timedelta(days=3), 3))
    text = text_on(3, 2, history, target=3, targets=targets)
    assert "This week: 2 of 3 days." in text
    assert "One more day this week keeps your 3-week streak going." in text
    assert "streak" not in text_on(3, 2, history, target=3)  # read as 3 all along: none
