"""A fresh log against the week's plan: as planned, or off plan with the reason."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.models import Soreness
from bot.domain.plan import BlockSetting, plan_check
from tests.domain.plan.builders import MONDAY, entry, plan, usual_weeks

THIS_MONDAY = MONDAY + timedelta(weeks=4)
HISTORY = usual_weeks()


def _check(*fresh: object, today: object = THIS_MONDAY, **options: object) -> tuple[str, ...]:
    week = plan(HISTORY, today, **options)  # type: ignore[arg-type]
    return plan_check(fresh, [*fresh], week)  # type: ignore[arg-type]


def test_work_that_follows_the_plan_is_as_planned() -> None:
    lines = _check(entry("back-squat", THIS_MONDAY, 2, 2, 2),
                   entry("leg-curl", THIS_MONDAY, 1, 1, "f"))
    assert lines == ("Plan: as planned (failure block, week 1 of 2).",)


def test_a_tier_a_failure_set_in_a_heavy_week_is_off_plan() -> None:
    heavy = BlockSetting(2, THIS_MONDAY - timedelta(weeks=2))
    lines = _check(entry("back-squat", THIS_MONDAY, 2, 2, "f"), block=heavy)
    assert lines[0] == "Plan: back squat is off plan: a tier A failure set in a heavy week."
    assert "short of failure" in lines[-1]


def test_a_tier_a_failure_set_in_a_failure_week_is_off_plan_too() -> None:
    [line, adapt] = _check(entry("back-squat", THIS_MONDAY, 2, 2, "f"))
    assert "a tier A failure set" in line and "RIR 2-3" in adapt


def test_a_tier_cd_last_set_short_of_failure_is_short_of_plan() -> None:
    [line] = _check(entry("leg-curl", THIS_MONDAY, 2, 2, 3))
    assert line == ("Plan: leg curl is off plan: the last set was planned to failure and "
                    "ended at RIR 3.")
    assert _check(entry("leg-curl", THIS_MONDAY, 2, 2, 1))[0].startswith("Plan: as planned")


def test_failure_before_the_last_set_is_off_plan() -> None:
    [line] = _check(entry("leg-curl", THIS_MONDAY, "f", "f", "f"))
    assert "failure before the last set" in line


def test_the_week_s_tier_b_set_is_spent_once() -> None:
    first = _check(entry("bench-press", THIS_MONDAY + timedelta(days=3), 2, 2, 2, "f"),
                   today=THIS_MONDAY + timedelta(days=3))
    assert first[0].startswith("Plan: as planned") and "spent" in first[-1]
    week = plan([*HISTORY, entry("bench-press", THIS_MONDAY, 2, 2, 2, "f")],
                THIS_MONDAY + timedelta(days=3))
    again = entry("barbell-row", THIS_MONDAY + timedelta(days=3), 2, 2, "f")
    [line] = plan_check([again], [again], week)
    assert line == ("Plan: barbell row is off plan: tier B's one failure set this week was "
                    "already done.")


def test_failure_in_a_deload_week_is_off_plan() -> None:
    deload = (THIS_MONDAY, THIS_MONDAY + timedelta(days=6))
    lines = _check(entry("leg-curl", THIS_MONDAY, 3, 3, "f"), deload=deload)
    assert "a tier D failure set in a deload week" in lines[0]
    assert _check(entry("leg-curl", THIS_MONDAY, 3, 3), deload=deload) == (
        "Plan: as planned (deload week).",)


def test_failure_on_a_sore_part_is_off_plan() -> None:
    from datetime import UTC, datetime
    sore = [Soreness("quads", 6, datetime(2026, 11, 29, tzinfo=UTC))]
    [line] = _check(entry("leg-press", THIS_MONDAY, 1, 1, "f"), soreness=sore)
    assert "quads is sore" in line and "(W4)" in line


def test_a_new_exercise_is_not_judged_and_joins_the_plan() -> None:
    lines = _check(entry("hip-thrust", THIS_MONDAY, 1, "f"))
    assert lines == ("Plan: as planned (failure block, week 1 of 2).",
                     ) or "join" in lines[-1]


def test_a_backdated_entry_outside_the_week_is_not_judged() -> None:
    assert _check(entry("back-squat", THIS_MONDAY - timedelta(days=1), "f")) == ()


def test_failure_past_the_budget_is_off_plan() -> None:
    quads = []
    for w in range(4):
        for offset in (0, 3):
            day = MONDAY + timedelta(weeks=w, days=offset)
            quads += [entry("leg-press", day, 1, "f"), entry("leg-extension", day, 1, "f")]
    week = plan(quads, THIS_MONDAY)
    fresh = entry("leg-press", THIS_MONDAY, 1, "f")
    [line, adapt] = plan_check([fresh], [fresh], week)
    assert "over this week's failure budget" in line and "/plan" in adapt
