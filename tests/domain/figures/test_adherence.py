"""Weekly targets by week and adherence over whole windows (see figures/stats.py)."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest

from bot.domain.figures.stats import adherence, days_in_window, week_target, weekly_streak
from tests.domain.figures.test_stats import CURRENT, TODAY, day, days_per_week


def test_a_target_applies_to_the_week_it_is_set_in() -> None:
    # Weeks three, two and one back had 2, 2 and 3 days; the current week has none.
    days = days_per_week(0, 3, 2, 2)
    # Target 3, lowered to 2 on the Wednesday of the week two back: that week needs 2.
    mid_week_change = [(date(2026, 1, 1), 3), (day(2, 2), 2)]
    assert weekly_streak(days, TODAY, mid_week_change) == 2
    assert week_target(mid_week_change, day(2, 0)) == 2  # Monday of that week too
    assert week_target(mid_week_change, day(3, 6)) == 3  # the Sunday before still 3
    # Made on the Sunday of the week three back, it covers all three weeks.
    assert weekly_streak(days, TODAY, [(date(2026, 1, 1), 3), (day(3, 6), 2)]) == 3
    # Raised to 4 in the last complete week: that week's 3 days fall short.
    assert weekly_streak(days_per_week(0, 3, 3, 3), TODAY, [(day(1, 3), 4)]) == 0


def test_a_target_set_today_counts_for_this_week() -> None:
    lowered_today = [(date(2026, 1, 1), 3), (TODAY, 2)]
    days = days_per_week(2, 3, 3)
    assert week_target(lowered_today, TODAY) == 2
    assert weekly_streak(days, TODAY, lowered_today) == 3  # this week's 2 days meet it now
    assert weekly_streak(days, TODAY, 3) == 2
    # This week owes 2 * 3/7 days by Wednesday, and the 2 days trained cover it.
    assert adherence(days, TODAY, lowered_today, 1) == 1.0


# --------------------------------------------------------------------------- adherence

DUE = Fraction(3 * 3, 7)  # a target of 3, three days (Mon-Wed) into the current week


@pytest.mark.parametrize(
    ("counts", "targets", "weeks", "expected"),
    [
        # Complete weeks (oldest first) 3, 1, 4, 0 days at target 3; no training yet this week.
        ((0, 0, 4, 1, 3), 3, 5, Fraction(3 + 1 + 3 + 0) / (12 + DUE)),
        # All time is at least 12 weeks: the 7 weeks before the first day count as missed.
        ((0, 0, 4, 1, 3), 3, None, Fraction(7) / (33 + DUE)),
        ((0, 0, 4, 1, 3), 3, 12, Fraction(7) / (33 + DUE)),
        ((0, 0, 4, 1, 3), 3, 4, Fraction(1 + 3 + 0) / (9 + DUE)),  # 4 weeks include this one
        # This week's days are credited up to what its elapsed days owe.
        ((1, 0, 4, 1, 3), 3, 5, Fraction(7 + 1) / (12 + DUE)),
        ((2, 0, 4, 1, 3), 3, 5, (7 + DUE) / (12 + DUE)),
        ((3, 0, 4, 1, 3), 3, 5, (7 + DUE) / (12 + DUE)),
        ((1, 0, 0, 0, 0), 3, 4, Fraction(1) / (9 + DUE)),  # a newcomer's first day
        ((1, 3, 3), 3, 1, Fraction(1) / DUE),
        ((0, 3, 3), 3, 2, Fraction(3) / (3 + DUE)),
        ((0, 3, 3, 3), 3, 1, Fraction(0)),  # nothing yet in a one-week window
        ((0,), 3, 4, None),
        ((0, 0, 0, 0, 0, 0, 2), 2, 4, Fraction(0)),  # trained long ago, not in the window
        ((0, 5, 5), 7, None, Fraction(10) / (11 * 7 + Fraction(7 * 3, 7))),
        ((0, 7, 7, 7, 7), 3, 4, Fraction(9) / (9 + DUE)),  # extra days earn nothing
    ],
)
def test_adherence(
    counts: tuple[int, ...], targets: int, weeks: int | None, expected: Fraction | None
) -> None:
    result = adherence(days_per_week(*counts), TODAY, targets, weeks)
    if expected is None:
        assert result is None
    else:
        assert result == pytest.approx(float(expected))


def test_adherence_with_a_target_changed_mid_window() -> None:
    days = days_per_week(0, 0, 4, 1, 3)
    # 3, then 2 from the Wednesday of the week three back: that week already uses 2.
    targets = [(day(3, 2), 2)]
    # Weeks: 3/3, min(1,2)/2, min(4,2)/2, 0/2, and this week owes 2 * 3/7.
    due = 2 * 3 / 7
    assert adherence(days, TODAY, targets, 5) == pytest.approx((3 + 1 + 2 + 0) / (9 + due))
    more = days | {day(0, 0), day(0, 1), day(0, 2)}
    assert adherence(more, TODAY, targets, 5) == pytest.approx((6 + due) / (9 + due))


@pytest.mark.parametrize("weekday", range(7))
def test_the_current_week_counts_for_its_elapsed_days(weekday: int) -> None:
    today = CURRENT + timedelta(days=weekday)
    past = days_per_week(0, 3, 3, 3)
    due = 3 * (weekday + 1) / 7
    assert adherence(past, today, 3, 4) == pytest.approx(9 / (9 + due))
    # Training this week only ever helps, up to a full score once the days owed are met.
    scores = [adherence(past | {day(0, i) for i in range(n)}, today, 3, 4)
              for n in range(weekday + 2)]
    assert scores == sorted(scores)  # type: ignore[type-var]
    met = past | {day(0, i) for i in range(min(3, weekday + 1))}
    assert adherence(met, today, 3, 4) == pytest.approx(
        (9 + min(3, weekday + 1, due)) / (9 + due))


def test_a_short_record_scores_below_a_long_one_at_the_same_share() -> None:
    long_record = days_per_week(1, 3, 3, 3)  # four weeks at target, this week on pace
    newcomer = days_per_week(1)  # one day, this Monday
    old = adherence(long_record, TODAY, 3, 4)
    new = adherence(newcomer, TODAY, 3, 4)
    assert old is not None and new is not None and new < old < 1
    # All time: both windows are at least 12 weeks; the longer record stays ahead.
    assert adherence(newcomer, TODAY, 3) < adherence(long_record, TODAY, 3)  # type: ignore[operator]


def test_adherence_ignores_days_after_today() -> None:
    days = days_per_week(0, 3)
    assert adherence(days | {day(0, 5)}, TODAY, 3, 2) == adherence(days, TODAY, 3, 2)
    assert adherence({day(0, 6)}, TODAY, 3, None) is None


def test_adherence_needs_a_window_of_at_least_one_week() -> None:
    with pytest.raises(ValueError):
        adherence(days_per_week(1), TODAY, 3, 0)
    with pytest.raises(ValueError):
        days_in_window(days_per_week(1), TODAY, -1)
    with pytest.raises(ValueError):
        adherence(set(), TODAY, 3, 0)
