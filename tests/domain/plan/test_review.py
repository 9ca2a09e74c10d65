"""The weekly check-in's text: last week against its plan, and the week ahead."""

from __future__ import annotations

from datetime import date, timedelta

from bot.domain.plan import planned_by_tier, reviewed_monday, week_review
from tests.domain.plan.builders import MONDAY, entry, plan, usual_weeks

LAST_MONDAY = MONDAY + timedelta(weeks=3)  # 23 Nov
THIS_MONDAY = LAST_MONDAY + timedelta(weeks=1)


def test_a_sunday_check_in_reviews_its_own_week_any_other_day_the_last() -> None:
    assert reviewed_monday(date(2026, 11, 29)) == date(2026, 11, 23)  # Sunday
    assert reviewed_monday(date(2026, 11, 30)) == date(2026, 11, 23)  # Monday
    assert reviewed_monday(date(2026, 12, 2)) == date(2026, 11, 23)  # Wednesday


def test_the_review_compares_days_failures_and_volume_with_the_plan() -> None:
    history = usual_weeks()
    before = [e for e in history if e.local_date < LAST_MONDAY]
    planned = plan(before, LAST_MONDAY)
    upcoming = plan(history, THIS_MONDAY)
    review = week_review(history, LAST_MONDAY, planned, upcoming, target=3,
                         extra=("New bests: bench press 100 kg × 5.",))
    assert review.days == 2 and review.failures["A"] == 0
    assert planned_by_tier(planned) == {"A": 0, "B": 1, "C": 2, "D": 3}
    assert review.failures == {"A": 0, "B": 0, "C": 2, "D": 3}
    text = review.text
    assert text.startswith("**Weekly check-in: Mon 23 Nov to Sun 29 Nov**")
    assert "Training days: 2 of 3 (1 short of your target)." in text
    assert "Failure sets done of planned, by tier: B 0 of 1, C 2 of 2, D 3 of 3." in text
    assert "Hard sets per muscle:" in text and "quadriceps 6" in text
    assert "New bests: bench press 100 kg × 5." in text
    assert "**Plan for the week of Mon 30 Nov** (failure block, week 1 of 2):" in text
    assert "/checkin off" in text and len(text) <= 1900


def test_more_failure_than_planned_is_named_by_tier() -> None:
    history = usual_weeks()
    history.append(entry("back-squat", LAST_MONDAY + timedelta(days=5), 1, "f"))
    before = [e for e in history if e.local_date < LAST_MONDAY]
    review = week_review(history, LAST_MONDAY, plan(before, LAST_MONDAY),
                         plan(history, THIS_MONDAY), target=2)
    assert "A 1 of 0" in review.text and "More than planned on tier A." in review.text
    assert "Training days: 3 of 2 (target met)." in review.text


def test_an_empty_week_says_so() -> None:
    review = week_review([], LAST_MONDAY, plan([], LAST_MONDAY), plan([], THIS_MONDAY), 3)
    assert "Training days: none of your 3." in review.text
    assert "Failure sets: none planned, none done." in review.text
