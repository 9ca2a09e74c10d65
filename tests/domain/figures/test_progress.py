"""What the charts show: per-session points and weekly hard sets; the calendar's weeks."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.domain.figures.progress import consistency_calendar, exercise_progress
from bot.domain.models import Exercise, SetRecord, StoredEntry

SQUAT = Exercise("back-squat", "back squat", "A")
PRESS = Exercise("leg-press", "leg press", "C")
DIPS = Exercise("dip", "dip", "B")
AT = datetime(2026, 3, 1, tzinfo=UTC)
MONDAY = date(2026, 3, 16)


def entry(exercise: Exercise, day: date, *sets: SetRecord, entry_id: int = 1) -> StoredEntry:
    return StoredEntry(entry_id, exercise, tuple(sets), AT, day)


def test_a_heavy_lift_charts_its_best_e1rm_per_session() -> None:
    entries = [
        entry(SQUAT, MONDAY, SetRecord(5, 100.0, rir=2.0), SetRecord(5, 100.0, rir=0.0)),
        entry(SQUAT, MONDAY, SetRecord(3, 110.0, rir=1.0), entry_id=2),  # same session
        entry(SQUAT, MONDAY + timedelta(days=9), SetRecord(12, 60.0, rir=0.0)),  # no estimate
    ]
    progress = exercise_progress(entries, MONDAY - timedelta(days=7), MONDAY + timedelta(days=10))
    assert progress is not None
    first, second = progress.points
    assert (first.day, first.kind) == (MONDAY, "e1rm")
    assert first.value == pytest.approx(110 * (1 + 4 / 30))  # the day's best of three sets
    assert (second.kind, second.value) == ("load", 60.0)  # past the limits: the top set
    assert progress.weekly_hard_sets == ((MONDAY - timedelta(days=7), 0), (MONDAY, 3),
                                         (MONDAY + timedelta(days=7), 1))


def test_machines_chart_the_top_set_and_bodyweight_work_its_reps() -> None:
    press = exercise_progress([entry(PRESS, MONDAY, SetRecord(10, 150.0, rir=1.0),
                                     SetRecord(8, 170.0, rir=0.0, warmup=True))],
                              MONDAY, MONDAY)
    assert press is not None and [(p.kind, p.value) for p in press.points] == [("load", 150.0)]
    dips = exercise_progress([entry(DIPS, MONDAY, SetRecord(12, None, bodyweight=True,
                                                            rir=6.0))], MONDAY, MONDAY)
    assert dips is not None and [(p.kind, p.value) for p in dips.points] == [("reps", 12.0)]
    assert dips.weekly_hard_sets == ((MONDAY, 0),)  # RIR 6 is not a hard set
    assert exercise_progress([], MONDAY, MONDAY) is None


def test_the_calendar_marks_days_targets_and_weeks_before_the_start() -> None:
    today = MONDAY + timedelta(days=2)  # a Wednesday
    entries = [entry(SQUAT, MONDAY - timedelta(days=7), SetRecord(5, 100.0)),
               entry(SQUAT, MONDAY - timedelta(days=6), SetRecord(5, 100.0)),
               entry(SQUAT, MONDAY, SetRecord(5, 100.0), SetRecord(5, 100.0)),
               entry(SQUAT, MONDAY + timedelta(days=1), SetRecord(5, 60.0, warmup=True))]
    weeks = consistency_calendar(entries, today, 3, 2, first_day=MONDAY - timedelta(days=7))
    assert [w.monday for w in weeks] == [MONDAY - timedelta(days=14),
                                        MONDAY - timedelta(days=7), MONDAY]
    assert [(w.counted, w.met, w.days) for w in weeks] == [(False, False, 0), (True, True, 2),
                                                           (True, False, 1)]
    assert weeks[-1].sets == (2, 0, 0, None, None, None, None)  # warm-ups only: a rest day
    with pytest.raises(ValueError, match="at least one week"):
        consistency_calendar(entries, today, 0, 3)
