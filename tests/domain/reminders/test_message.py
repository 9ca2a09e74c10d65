"""The reminder DM's text from plain values: what is overdue, today's tiers, the target."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.domain.catalogue.lookup import default_catalogue
from bot.domain.figures.stats import training_days
from bot.domain.figures.volume import failure_sets_by_tier
from bot.domain.models import SetRecord, StoredEntry
from bot.domain.reminders.message import (
    ReminderInputs,
    compose_reminder,
    overdue_lifts,
    sessions_of,
)

TODAY = date(2026, 11, 26)  # a Thursday
NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
CATALOGUE = default_catalogue()
WORK = (SetRecord(reps=5, load_kg=100.0, rir=2.0),)


def entry(name: str, days_ago: int, sets: tuple[SetRecord, ...] = WORK) -> StoredEntry:
    exercise = CATALOGUE.lookup(name).exercise
    assert exercise is not None, name
    day = TODAY - timedelta(days=days_ago)
    return StoredEntry(entry_id=hash((name, days_ago)) % 10**6, exercise=exercise, sets=sets,
                       performed_at=datetime.combine(day, time(12), UTC), local_date=day)


def inputs(*entries: StoredEntry, target: int = 3) -> ReminderInputs:
    muscles = {e.exercise.key: e.exercise.primary for e in entries}
    return ReminderInputs(sessions=sessions_of(entries), soreness=(), weekly_target=target,
                          today=TODAY, now=NOW, muscles=muscles)


@pytest.mark.parametrize(
    ("days_ago", "overdue"),
    [
        ((1,), []),  # once, yesterday: a week is the usual gap
        ((8,), [("back squat", 8, 7)]),  # once, over a week ago
        ((3, 6, 9), []),  # every 3 days, last 3 days ago: on time
        ((4, 7, 10), [("back squat", 4, 3)]),  # every 3 days, last 4 days ago
        ((10, 12, 19, 26), [("back squat", 10, 7)]),  # median gap 7 of (2, 7, 7)
        ((0, 30), [("back squat", 30, 7)]),  # only days before today are looked at
    ],
)
def test_overdue_compares_days_since_with_the_usual_gap(
    days_ago: tuple[int, ...], overdue: list[tuple[str, int, int]]
) -> None:
    found = overdue_lifts(sessions_of(entry("squat", d) for d in days_ago), TODAY)
    assert [(o.name, o.days_since, o.usual_gap) for o in found] == overdue


def test_the_most_overdue_comes_first() -> None:
    found = overdue_lifts(sessions_of([entry("squat", 9), entry("squat", 16), entry("curl", 20),
                                       entry("bench", 8), entry("bench", 15)]), TODAY)
    assert [o.name for o in found] == ["dumbbell curl", "back squat", "bench press"]


def test_nothing_is_sent_after_a_working_set_today() -> None:
    assert compose_reminder(inputs(entry("curl", 0))) is None


def test_warm_ups_today_do_not_count_as_training() -> None:
    warm = (SetRecord(reps=5, load_kg=40.0, warmup=True),)
    text = compose_reminder(inputs(entry("squat", 0, warm)))
    assert text is not None and "This week: 0 of 3 days." in text


@pytest.mark.parametrize(
    ("days_ago", "target", "line"),
    [
        ((), 3, "This week: 0 of 3 days. 3 more days reach your target."),
        ((3,), 3, "This week: 1 of 3 days. 2 more days reach your target."),
        ((2, 3), 3, "This week: 2 of 3 days. 1 more day reaches your target."),
        ((1, 2), 2, "This week: 2 of 2 days. Target met; anything today is a bonus."),
        ((), 6, "This week: 0 of 6 days. Out of reach this week, but today still counts."),
        ((4,), 3, "This week: 0 of 3 days. 3 more days reach your target."),  # last Sunday
    ],
)
def test_weekly_target_status(days_ago: tuple[int, ...], target: int, line: str) -> None:
    text = compose_reminder(inputs(*(entry("curl", d) for d in days_ago), target=target))
    assert text is not None and line in text


def test_tiers_split_todays_likely_lifts() -> None:
    text = compose_reminder(inputs(entry("deadlift", 7), entry("lat pulldown", 7),
                                   entry("bench", 14), entry("curl", 7)))
    assert text is not None
    assert "Likely today: deadlift, dumbbell curl, lat pulldown, bench press." in text
    assert "Keep short of failure, 1-3 reps in reserve: deadlift, bench press [A1, A6]" in text
    assert ("Push the last set to failure or within a rep of it: dumbbell curl, lat pulldown "
            "[A3]") in text


def test_a_long_history_still_fits_in_one_message() -> None:
    names = ["squat", "bench", "deadlift", "curl", "lat pulldown", "leg press", "leg extension"]
    many = [entry(n, d) for n in names for d in range(1, 40, 3)]
    text = compose_reminder(inputs(*many))
    assert text is not None and len(text) <= 1900
    assert text.count("\n") < 12


def test_sessions_count_working_and_failure_sets_as_the_stats_do() -> None:
    sets = (
        SetRecord(reps=5, load_kg=60.0, warmup=True, failure=True),
        SetRecord(reps=5, load_kg=100.0, rir=0.0),
        SetRecord(reps=5, load_kg=100.0, rir=2.0),
        SetRecord(reps=8, load_kg=80.0, technique="dropset"),
        SetRecord(reps=8, load_kg=80.0, failure=True),
        SetRecord(reps=8, load_kg=80.0, amrap=True),
        SetRecord(reps=8, load_kg=80.0),
    )
    logged = entry("squat", 2, sets)
    [session] = sessions_of([logged])
    assert (session.working_sets, session.failure_sets) == (6, 3)
    by_tier = failure_sets_by_tier([logged], TODAY)
    assert by_tier["A"] == session.failure_sets
    assert training_days([logged]) == {session.day}


def test_muscles_waiting_come_from_the_exercises_primary_muscles() -> None:
    text = compose_reminder(inputs(entry("bench", 9), entry("squat", 2)))
    assert text is not None and "Muscles waiting: chest (9 days)." in text
