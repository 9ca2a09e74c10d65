"""Deloads: declared dates, a light week recognised in the log, and the W1 weeks."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.figures import declared, deload_end, in_deload, recognised
from bot.domain.figures.deload import w1_week
from bot.domain.models import Profile
from tests.domain.figures.builders import LEG_CURL, SQUAT, TODAY, ago, ent, st


def normal_weeks(weeks: int = 3) -> list:  # type: ignore[type-arg]
    return [ent(SQUAT, [st(5, 100, 2)] * 5, ago(7 * w + d)) for w in range(1, weeks + 1)
            for d in (0, 2, 4)]


def test_a_declared_deload_runs_from_its_first_to_its_last_day() -> None:
    profile = Profile(deload_from=TODAY, deload_until=deload_end(TODAY, 2))
    assert profile.deload_until == TODAY + timedelta(days=13)
    assert declared(profile, TODAY) and declared(profile, TODAY + timedelta(days=13))
    assert not declared(profile, TODAY + timedelta(days=14))
    assert not declared(Profile(), TODAY)


def test_a_light_easy_week_after_normal_weeks_is_recognised() -> None:
    light = [ent(SQUAT, [st(5, 80, 4)] * 3, ago(1)), ent(LEG_CURL, [st(10, 30, 3)] * 2)]
    assert recognised([*normal_weeks(), *light], TODAY)
    assert in_deload(Profile(), [*normal_weeks(), *light], TODAY)


def test_not_a_deload_when_a_set_is_hard_or_the_volume_is_usual_or_history_is_short() -> None:
    hard = [ent(SQUAT, [st(5, 80, 4)] * 3, ago(1)), ent(LEG_CURL, [st(10, 30, 1)] * 2)]
    assert not recognised([*normal_weeks(), *hard], TODAY)
    usual = [ent(SQUAT, [st(5, 80, 3)] * 5, ago(d)) for d in (0, 2, 4)]
    assert not recognised([*normal_weeks(), *usual], TODAY)
    newcomer = [ent(SQUAT, [st(5, 80, 3)] * 2)]
    assert not recognised([*normal_weeks(1), *newcomer], TODAY)


def test_w1_weeks_read_the_same_limits_as_the_rule() -> None:
    failing = [ent(SQUAT, [st(5, 100, f=True)] * 2, ago(8)), ent(SQUAT, [st(5, 100, 2)])]
    assert w1_week(failing, TODAY - timedelta(days=7))
    assert not w1_week(failing, TODAY)
