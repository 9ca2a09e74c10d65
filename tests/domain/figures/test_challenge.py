"""A group challenge: weeks met per lifter, the current week, the group's share."""

from __future__ import annotations

from datetime import date, timedelta

from bot.domain.figures import ChallengeSpec, challenge_progress

FIRST = date(2026, 11, 2)  # a Monday
SPEC = ChallengeSpec(days=3, weeks=4, first_monday=FIRST)


def days(*offsets: int) -> frozenset[date]:
    return frozenset(FIRST + timedelta(days=o) for o in offsets)


def test_weeks_met_the_current_week_and_who_is_on_track() -> None:
    today = FIRST + timedelta(weeks=2, days=2)  # Wednesday of the third week
    progress = challenge_progress(SPEC, {
        "ann": (days(0, 2, 4, 7, 8, 9, 14), today),  # both weeks met, 1 day this week
        "bob": (days(0, 1, 2, 7, 14, 15, 16), today),  # missed week two, 3 this week
        "cid": (days(-3), today),  # trained only before it began: not taking part
        "dan": (days(15), today),  # joined this week
    })
    by_user = {p.user_id: p for p in progress.lifters}
    assert set(by_user) == {"ann", "bob", "dan"}
    assert (by_user["ann"].met, by_user["ann"].complete, by_user["ann"].this_week) == (2, 2, 1)
    assert (by_user["bob"].met, by_user["bob"].this_week) == (1, 3)
    assert (by_user["dan"].met, by_user["dan"].complete, by_user["dan"].on_track) == (0, 2, False)
    assert [p.user_id for p in progress.lifters] == ["ann", "bob", "dan"]
    assert (progress.weeks_met, progress.weeks_counted) == (3, 6)
    assert progress.on_track == ("ann",) and progress.finished == ()


def test_after_the_last_week_every_week_is_complete() -> None:
    every_week = days(*(w * 7 + d for w in range(4) for d in (0, 2, 4)))
    progress = challenge_progress(SPEC, {"ann": (every_week, SPEC.last_day + timedelta(days=1)),
                                         "bob": (days(0, 1, 2, 30), date(2026, 12, 30))})
    assert SPEC.last_day == date(2026, 11, 29)
    [ann, bob] = progress.lifters
    assert (ann.met, ann.complete, ann.this_week) == (4, 4, None)
    assert (bob.met, bob.complete) == (1, 4)  # day 30 lies after the challenge
    assert progress.finished == ("ann",)


def test_a_lifter_whose_sunday_is_not_over_is_still_in_that_week() -> None:
    sunday = FIRST + timedelta(days=6)
    [ann] = challenge_progress(SPEC, {"ann": (days(0, 1), sunday)}).lifters
    assert (ann.complete, ann.this_week, ann.on_track) == (0, 2, True)
