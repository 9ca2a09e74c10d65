"""This week's plan over simulated weeks: tiers, blocks, budgets, deloads, goals, soreness."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.domain.figures.volume import (
    failure_sets_per_muscle,
    failure_share_too_high,
    hard_sets_per_muscle,
)
from bot.domain.models import Soreness
from bot.domain.plan import BlockSetting, ExercisePlan, WeekPlan, days_label
from tests.domain.plan.builders import MONDAY, entry, plan, usual_weeks

THIS_MONDAY = MONDAY + timedelta(weeks=4)  # 30 Nov 2026


def _by_key(week: WeekPlan) -> dict[str, ExercisePlan]:
    return {p.exercise.key: p for p in week.exercises}


def test_the_plan_follows_the_tiers_on_the_usual_days() -> None:
    week = plan(usual_weeks(), THIS_MONDAY)
    items = _by_key(week)
    assert set(items) == {"back-squat", "leg-press", "leg-curl", "lateral-raise",
                          "bench-press", "barbell-row", "lat-pulldown", "dumbbell-curl"}
    assert items["back-squat"].place == "none" and items["back-squat"].rir == "1-3"
    assert items["leg-press"].place == "last_set" and items["leg-press"].failure_sessions == 1
    assert items["leg-curl"].place == "drop_set"
    assert items["lat-pulldown"].place == "last_set"
    assert days_label(items["back-squat"].days) == "Mon"
    assert days_label(items["bench-press"].days) == "Thu"
    assert items["bench-press"].sets == 4 and items["back-squat"].sets == 3
    assert not week.starter and week.block.kind == "failure"


def test_tier_b_gets_one_failure_set_a_week_on_one_lift() -> None:
    items = _by_key(plan(usual_weeks(), THIS_MONDAY))
    tier_b = [p for p in items.values() if p.exercise.tier == "B"]
    assert sorted(p.failure_sessions for p in tier_b) == [0, 1]
    [chosen] = [p for p in tier_b if p.failure_sessions]
    assert chosen.place == "last_set_once" and "safeties" in chosen.why
    assert chosen.exercise.key == "barbell-row"  # as often as bench: the name decides


def test_a_tier_b_failure_spent_early_closes_tier_b_for_the_week() -> None:
    history = usual_weeks()
    monday = entry("bench-press", THIS_MONDAY, 2, 2, 2, "f")
    week = plan([*history, monday], THIS_MONDAY + timedelta(days=1))
    items = _by_key(week)
    assert week.tier_b_spent and week.tier_b_key == "bench-press"
    assert items["barbell-row"].failure_sessions == 0
    assert items["bench-press"].failure_left == 0


def test_a_heavy_week_plans_no_failure_anywhere() -> None:
    heavy = BlockSetting(2, THIS_MONDAY - timedelta(weeks=2))
    week = plan(usual_weeks(), THIS_MONDAY, block=heavy)
    assert week.block.kind == "heavy" and week.block.week == 1
    assert all(p.failure_sessions == 0 for p in week.exercises)
    rirs = {p.exercise.tier: p.rir for p in week.exercises}
    assert rirs == {"A": "1-3", "B": "1-3", "C": "1-2", "D": "1-2"}
    assert week.tier_b_key is None


def test_blocks_change_over_simulated_weeks() -> None:
    """Eight weeks of the same training: failure, failure, heavy, heavy, and again."""
    setting = BlockSetting(2, THIS_MONDAY)
    history = usual_weeks()
    kinds = []
    for n in range(8):
        monday = THIS_MONDAY + timedelta(weeks=n)
        week = plan(history, monday, block=setting)
        kinds.append((week.block.kind, sum(p.failure_sessions for p in week.exercises)))
        history += usual_weeks(monday, 1)
    assert [k for k, _ in kinds] == ["failure", "failure", "heavy", "heavy"] * 2
    assert all(n > 0 for k, n in kinds if k == "failure")
    assert all(n == 0 for k, n in kinds if k == "heavy")


def _quad_weeks(first: date, weeks: int) -> list:  # type: ignore[type-arg]
    """Two short quad sessions a week (Mon, Thu): leg press 2 sets, leg extension 2 sets."""
    made = []
    for w in range(weeks):
        for offset in (0, 3):
            day = first + timedelta(weeks=w, days=offset)
            made += [entry("leg-press", day, 1, "f"), entry("leg-extension", day, 1, "f")]
    return made


def _in_bounds(week: WeekPlan) -> bool:
    return all(not failure_share_too_high(b.failure, b.hard) for b in week.budgets)


def test_the_muscle_budget_keeps_the_w1_share_in_bounds() -> None:
    week = plan(_quad_weeks(MONDAY, 4), THIS_MONDAY)
    items = _by_key(week)
    [quads] = [b for b in week.budgets if b.muscle == "quadriceps"]
    assert quads.hard == 8 and quads.limit == 2.5 and quads.failure <= quads.limit
    assert _in_bounds(week)
    # Machine compounds give way before isolation work.
    assert items["leg-press"].budget_cut == 2 and items["leg-press"].failure_sessions == 0
    assert items["leg-extension"].failure_sessions == 2


def test_failure_spent_early_comes_off_the_week_budget() -> None:
    monday = [entry("leg-press", THIS_MONDAY, 1, "f"), entry("leg-extension", THIS_MONDAY,
                                                             1, "f")]
    week = plan([*_quad_weeks(MONDAY, 4), *monday], THIS_MONDAY + timedelta(days=1))
    items = _by_key(week)
    assert items["leg-press"].failure_left == 0 and items["leg-extension"].failure_left == 0
    [quads] = [b for b in week.budgets if b.muscle == "quadriceps"]
    assert quads.spent == 2 and _in_bounds(week)
    # The same budget as the advice's: the logged and planned sets, counted by volume.py.
    done = failure_sets_per_muscle(monday, week.sunday)
    assert done["quadriceps"] == 2 and hard_sets_per_muscle(monday, week.sunday)[
        "quadriceps"] == 4


def test_a_deload_week_halves_the_sets_and_plans_no_failure() -> None:
    deload = (THIS_MONDAY, THIS_MONDAY + timedelta(days=6))
    week = plan(usual_weeks(), THIS_MONDAY, deload=deload)
    items = _by_key(week)
    assert week.deload and not week.failure_week
    assert all(p.failure_sessions == 0 and p.rir == "3-4" for p in week.exercises)
    assert items["bench-press"].sets == 2 and items["back-squat"].sets == 2
    after = plan(usual_weeks(), THIS_MONDAY + timedelta(weeks=1), deload=deload)
    assert not after.deload


def test_a_strength_goal_plans_failure_only_on_isolation_work() -> None:
    items = _by_key(plan(usual_weeks(), THIS_MONDAY, goal="strength"))
    assert items["barbell-row"].failure_sessions == 0
    assert items["leg-press"].failure_sessions == 0 and items["leg-press"].rir == "1-2"
    assert items["leg-curl"].failure_sessions == 1
    assert "Grgic 2022" in items["leg-press"].why


def test_a_goal_change_shows_in_the_next_plan() -> None:
    history = usual_weeks()
    before = plan(history, THIS_MONDAY, goal="hypertrophy")
    after = plan(history, THIS_MONDAY, goal="strength")
    count = lambda w: sum(p.failure_sessions for p in w.exercises)  # noqa: E731
    assert count(after) < count(before)


def test_a_body_part_sore_for_days_is_kept_off_failure() -> None:
    now = datetime(2026, 11, 30, 12, tzinfo=UTC)
    sore = [Soreness("quads", 6, now - timedelta(days=1))]
    week = plan(usual_weeks(), THIS_MONDAY, soreness=sore)
    items = _by_key(week)
    assert week.sore == ("quads",)
    assert items["leg-press"].failure_sessions == 0 and items["leg-press"].sore == "quads"
    assert items["leg-curl"].failure_sessions == 1  # hamstrings are not sore
    fresh = [Soreness("quads", 2, now)]
    assert plan(usual_weeks(), THIS_MONDAY, soreness=fresh).sore == ()


def test_a_newcomer_gets_a_starter_plan_from_what_they_logged() -> None:
    logged = [entry("leg-curl", THIS_MONDAY, 1, 1, "f"),
              entry("bench-press", THIS_MONDAY + timedelta(days=2), 2, 2, 2)]
    week = plan(logged, THIS_MONDAY + timedelta(days=3))
    assert week.starter and week.logged_days == 2
    items = _by_key(week)
    assert items["leg-curl"].sessions == 1 and items["leg-curl"].sessions_done == 1
    assert items["bench-press"].failure_sessions == 1  # tier B's one set: still to come


def test_nothing_logged_is_an_empty_starter_plan() -> None:
    week = plan([], THIS_MONDAY)
    assert week.exercises == () and week.starter


def test_exercises_older_than_four_weeks_leave_the_plan() -> None:
    old = [entry("hip-thrust", MONDAY - timedelta(weeks=2), 1, "f")]
    week = plan([*old, *usual_weeks()], THIS_MONDAY)
    assert "hip-thrust" not in _by_key(week)


def test_twice_a_week_is_read_as_two_sessions_on_the_usual_days() -> None:
    made = []
    for w in range(4):
        for offset in (1, 4):  # Tuesday and Friday
            made.append(entry("leg-curl", MONDAY + timedelta(weeks=w, days=offset), 1, "f"))
    item = _by_key(plan(made, THIS_MONDAY))["leg-curl"]
    assert item.sessions == 2 and days_label(item.days) == "Tue · Fri"
    assert item.failure_sessions == 2
