"""The one definition of hard sets, failure sets and the week they are counted over."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.domain.advice.engine import evaluate
from bot.domain.figures.volume import (
    failure_sets_by_tier,
    failure_sets_per_muscle,
    failure_share_too_high,
    hard_sets_per_muscle,
    in_week,
    is_failure,
    is_hard,
    tier_a_failures_too_many,
    volume_band,
    week_first_day,
    week_volume,
)
from bot.domain.models import Exercise, Profile, SetRecord, StoredEntry
from tests.domain.figures.test_stats import BENCH, CURL, CUSTOM, LEG_PRESS, SQUAT, entry

ROW = Exercise(
    "barbell_row", "Barbell row", "B", primary=("lats", "middle_back"),
    secondary=("biceps", "rear_delts"),
)  # fmt: skip

TODAY = date(2026, 3, 18)  # a Wednesday: the week is Thursday 12 to Wednesday 18 March


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def test_the_week_is_the_last_seven_local_days() -> None:
    assert week_first_day(TODAY) == date(2026, 3, 12)
    assert [in_week(ago(d), TODAY) for d in (-1, 0, 1, 6, 7)] == [False, True, True, True,
                                                                 False]
    # Not the calendar week: last Thursday to Sunday are in it, whatever the weekday.
    assert in_week(date(2026, 3, 15), date(2026, 3, 16))


def test_w6_reads_the_week_of_the_lifters_own_days() -> None:
    # 21 chest sets dated Thursday 5 March. At 18:00 UTC on Wednesday 11 March the week
    # runs from Thursday 5 in UTC (in), but it is already Thursday 12 in Auckland, where
    # the week runs from Friday 6 (out).
    now = datetime(2026, 3, 11, 18, 0, tzinfo=UTC)
    fly = Exercise("cable-fly", "Cable fly", "D", primary=("chest",))
    old = StoredEntry(1, fly, (SetRecord(12, 20.0, rir=2),) * 21,
                      datetime(2026, 3, 4, 18, 0, tzinfo=UTC), date(2026, 3, 5))

    def w6(local: date, profile: Profile) -> bool:
        new = StoredEntry(2, BENCH, (SetRecord(8, 80.0, rir=2),), now, local)
        return "W6" in (i.rule_id for i in evaluate(new, [old], profile, [], now))

    assert w6(date(2026, 3, 11), Profile())
    assert not w6(date(2026, 3, 12), Profile(timezone="Pacific/Auckland"))


@pytest.mark.parametrize(("s", "hard", "failure"), [
    (SetRecord(5, 100.0, rir=4), True, False),
    (SetRecord(5, 100.0, rir=4.5), False, False),
    (SetRecord(5, 100.0), True, False),  # no effort logged: counted as hard
    (SetRecord(5, 100.0, rir=0), True, True),
    (SetRecord(5, 100.0, failure=True), True, True),
    (SetRecord(8, 60.0, technique="dropset"), True, True),
    (SetRecord(8, 60.0, amrap=True), True, False),
    (SetRecord(5, 60.0, rir=0, warmup=True), False, False),  # warm-ups never count
])
def test_which_sets_count(s: SetRecord, hard: bool, failure: bool) -> None:
    assert (is_hard(s), is_failure(s)) == (hard, failure)


VOLUME = [
    entry(SQUAT, ago(2), SetRecord(5, 60.0, warmup=True), SetRecord(5, 100.0, rir=2),
          SetRecord(5, 100.0, rir=2), SetRecord(8, 80.0, rir=5), SetRecord(5, 100.0),
          entry_id=1),
    entry(CURL, ago(1), SetRecord(10, 15.0, rir=1), SetRecord(9, 15.0, failure=True),
          SetRecord(12, 12.0, rir=4), entry_id=2),
    entry(ROW, ago(1), SetRecord(8, 70.0, rir=3), SetRecord(8, 70.0, rir=3), entry_id=3),
    entry(BENCH, ago(6), SetRecord(5, 80.0, rir=1), entry_id=4),  # last Thursday: in
    entry(BENCH, ago(7), SetRecord(5, 80.0, rir=1), entry_id=5),  # a week ago: out
    entry(BENCH, ago(-1), SetRecord(5, 80.0, rir=1), entry_id=6),  # tomorrow: out
]  # fmt: skip


def test_hard_sets_per_muscle() -> None:
    assert hard_sets_per_muscle(VOLUME, TODAY) == {
        # squat: 2 sets at RIR 2 and 1 without an RIR; RIR 5 and the warm-up do not count
        "quadriceps": 3.0,
        "glutes": 3.0,
        "hamstrings": 1.5,
        "lower back": 1.5,
        # curl (isolation): 3 sets, no credit for forearms; the row adds 2 x 0.5
        "biceps": 4.0,
        "lats": 2.0,
        "middle back": 2.0,
        "shoulders": 1.0,  # rear delts count for shoulders, as the vocabulary has it
        "chest": 1.0,
        "triceps": 0.5,
    }


def test_hard_sets_count_each_entry_once_and_each_muscle_once() -> None:
    both = Exercise("odd", "Odd", "C", primary=("chest",), secondary=("chest", "triceps"))
    entries = [
        entry(both, TODAY, SetRecord(10, 50.0, rir=2), entry_id=1),
        entry(CUSTOM, TODAY, SetRecord(10, 50.0, rir=2), entry_id=2),
        entry(CUSTOM, TODAY, SetRecord(10, 50.0, rir=2), entry_id=2),
    ]
    assert hard_sets_per_muscle(entries, TODAY) == {
        "chest": 1.0, "triceps": 0.5, "abdominals": 1.0, "glutes": 0.5,
    }  # fmt: skip


MIXED = [
    entry(SQUAT, ago(0), SetRecord(5, 100.0, rir=2), SetRecord(5, 100.0, failure=True),
          SetRecord(4, 100.0, rir=0), entry_id=1),
    entry(BENCH, ago(1), SetRecord(8, 60.0, technique="dropset"), SetRecord(5, 80.0),
          entry_id=2),
    entry(CURL, ago(1), SetRecord(12, 10.0, failure=True, warmup=True),
          SetRecord(10, 15.0, rir=0), SetRecord(10, 15.0, rir=1), entry_id=3),
    entry(LEG_PRESS, ago(2), SetRecord(10, 200.0, rir=1, rir_max=2), entry_id=4),
    entry(CUSTOM, ago(2), SetRecord(10, 20.0, failure=True), entry_id=5),
    entry(SQUAT, ago(6), SetRecord(5, 100.0, failure=True), entry_id=6),
    entry(SQUAT, ago(7), SetRecord(5, 100.0, failure=True), entry_id=7),  # out
]  # fmt: skip


def test_failure_sets_per_muscle_and_by_tier() -> None:
    assert failure_sets_per_muscle(VOLUME, TODAY) == {"biceps": 1.0}
    assert failure_sets_by_tier(MIXED, TODAY) == {"A": 3, "B": 1, "C": 0, "D": 1}
    assert failure_sets_by_tier(MIXED, ago(1)) == {"A": 2, "B": 1, "C": 0, "D": 1}
    assert failure_sets_by_tier([], TODAY) == {"A": 0, "B": 0, "C": 0, "D": 0}


@pytest.mark.parametrize("day", [TODAY, ago(1), ago(6)])
def test_the_advice_reads_the_weeks_counts_stats_shows(day: date) -> None:
    # W1 and W6 read the week in one pass; /stats and the reminder read each count on
    # its own: a warning and a figure must never disagree.
    for entries in (MIXED, VOLUME, [*MIXED, *VOLUME]):
        volume = week_volume(entries, day)
        assert volume.hard == hard_sets_per_muscle(entries, day)
        assert volume.failed == failure_sets_per_muscle(entries, day)
        assert volume.tier_a_failures == failure_sets_by_tier(entries, day)["A"]
    assert week_volume(MIXED, TODAY).tier_a_failures == 3


@pytest.mark.parametrize(("failures", "hard", "too_high"), [
    (3, 6, True), (2, 6, False), (3, 5, False), (2.5, 7, True), (0, 30, False),
])
def test_the_failure_share(failures: float, hard: float, too_high: bool) -> None:
    assert failure_share_too_high(failures, hard) is too_high


def test_tier_a_limit_and_volume_bands() -> None:
    assert [tier_a_failures_too_many(n) for n in (0, 1, 2, 5)] == [False, False, True, True]
    assert [volume_band(v) for v in (0, 9.5, 10, 20, 20.5)] == [
        "below", "below", "within", "within", "above",
    ]  # fmt: skip
