"""The weekly recap's figures: who met their target, streaks, improvement, days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.domain.figures import RecapLifter, week_recap
from bot.domain.figures.stats import adherence

MONDAY = date(2026, 11, 16)  # the recapped week: Mon 16 to Sun 22 Nov


def week(back: int, *weekdays: int) -> set[date]:
    """Dates ``back`` weeks before the recapped week; weekday 0 is Monday."""
    return {MONDAY - timedelta(weeks=back) + timedelta(days=d) for d in weekdays}


def lifter(*weeks: set[date], target: int = 3) -> RecapLifter:
    return RecapLifter(frozenset().union(*weeks), target)


def test_who_met_their_target_most_days_first_ties_to_the_longer_record() -> None:
    recap = week_recap({
        "ann": lifter(week(0, 0, 1, 2, 3), week(6, 0)),
        "bob": lifter(week(0, 0, 2, 4)),
        "cid": lifter(week(0, 0, 2, 4), week(1, 0)),  # as many days, an older record
        "dan": lifter(week(0, 0, 1)),  # two of three: not met
        "eve": lifter(week(0, 0), target=1),  # her own target is one day
    }, MONDAY)
    assert recap.met == ("ann", "cid", "bob", "eve")
    assert (recap.training_days, recap.trained) == (4 + 3 + 3 + 2 + 1, 5)


def test_the_longest_running_streaks_count_the_recapped_week() -> None:
    recap = week_recap({
        "long": lifter(*(week(b, 0, 2, 4) for b in range(6))),
        "broke": lifter(week(0, 0, 2, 4), week(1, 0), *(week(b, 0, 2, 4) for b in (2, 3, 4))),
        "short": lifter(week(0, 0, 2, 4), week(1, 0, 2, 4)),
        "none": lifter(week(0, 0)),
        "older": lifter(week(0, 0, 2, 4), week(1, 0, 2, 4), week(9, 0)),
    }, MONDAY, top=3)
    assert recap.streaks == (("long", 6), ("older", 2), ("short", 2))


def test_improvement_is_the_rise_in_four_week_adherence() -> None:
    lifters = {
        "riser": lifter(week(7, 0, 2, 4), week(4, 0), *(week(b, 0, 2, 4) for b in range(4))),
        "steady": lifter(*(week(b, 0, 2, 4) for b in range(8))),
        "newcomer": lifter(week(1, 0, 2, 4), week(0, 0, 2, 4)),  # no record before: a start
        "faller": lifter(*(week(b, 0, 2, 4) for b in range(4, 8))),
    }
    recap = week_recap(lifters, MONDAY)
    sunday = MONDAY + timedelta(days=6)
    [gain] = recap.improved
    assert gain.user_id == "riser"
    assert gain.after == pytest.approx(adherence(lifters["riser"].days, sunday, 3, 4))
    assert gain.before == pytest.approx(
        adherence(lifters["riser"].days, sunday - timedelta(weeks=4), 3, 4))
    assert gain.after == pytest.approx(1.0) and gain.before < 0.5


def test_a_week_nobody_trained() -> None:
    recap = week_recap({"ann": lifter(week(3, 0))}, MONDAY + timedelta(days=3))
    assert recap.monday == MONDAY and recap.sunday == date(2026, 11, 22)
    assert (recap.met, recap.streaks, recap.improved, recap.training_days) == ((), (), (), 0)
