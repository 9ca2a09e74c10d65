"""A fair board: newcomers, returners, lifters who skip a week or over-train.

The clock stands on Thursday 26 Nov 2026 (the fourth day of the week); every lifter
keeps the default target of 3 days a week unless a test says otherwise.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.coach import Coach
from bot.console.render import render_text
from bot.domain.figures.stats import adherence

GYM = "g1"
MONDAY = date(2026, 11, 23)  # the current week's Monday
DUE = 3 * 4 / 7  # what this week owes by Thursday at 3 days a week


async def trained(coach: Coach, who: str, *days: date) -> None:
    """One message with a dated line per day (one log, as a lifter catching up would)."""
    lines = "\n".join(f"squat 5x5 @100kg rir2 {day.isoformat()}" for day in days)
    reply = await coach.logbook.log(who, GYM, lines)
    assert reply.saved, reply


def week(back: int, *weekdays: int) -> list[date]:
    """Dates ``back`` weeks before the current week; weekday 0 is Monday."""
    return [MONDAY - timedelta(weeks=back) + timedelta(days=d) for d in weekdays]


async def board(coach: Coach, window: str = "4w", metric: str = "adherence"
                ) -> dict[str, tuple[int, float]]:
    ranking = await coach.boards.ranking(GYM, metric, window)  # type: ignore[arg-type]
    return {s.user_id: (s.rank, s.value) for s in ranking}


async def test_one_log_two_days_ago_is_not_four_weeks_of_showing_up(coach: Coach) -> None:
    # The case: once, two days ago, against three days a week for four weeks.
    for back in (3, 2, 1):
        await trained(coach, "steady", *week(back, 0, 2, 4))
    await trained(coach, "steady", *week(0, 0, 1, 2))
    await trained(coach, "once", *week(0, 1))
    for window in ("4w", "12w", "all"):
        found = await board(coach, window)
        assert found["steady"][0] == 1 and found["once"][0] == 2, window
        assert found["once"][1] < found["steady"][1] / 3, window
    assert (await board(coach))["steady"][1] == pytest.approx(1.0)
    assert (await board(coach))["once"][1] == pytest.approx(1 / (9 + DUE))


async def test_newcomers_returners_skippers_and_over_trainers(coach: Coach) -> None:
    for back in (3, 2, 1):
        await trained(coach, "steady", *week(back, 0, 2, 4))
        await trained(coach, "daily", *week(back, 0, 1, 2, 3, 4, 5, 6))  # 7 a week
    await trained(coach, "skipper", *week(3, 0, 2, 4), *week(1, 0, 2, 4))  # skips week 2
    await trained(coach, "returner", date(2026, 6, 1))  # months away, back this week
    for who in ("steady", "daily", "skipper", "returner", "newcomer"):
        await trained(coach, who, *week(0, 0))  # one day so far of the 12/7 owed by now
    found = await board(coach)
    # Over-training earns nothing beyond the target: the same score and record, one place.
    assert found["daily"] == found["steady"] == (1, pytest.approx((9 + 1) / (9 + DUE)))
    assert found["skipper"] == (3, pytest.approx((6 + 1) / (9 + DUE)))
    # The returner and the newcomer trained the same days in the window; the returner's
    # record is the longer, so the tie goes to her.
    assert found["returner"][1] == found["newcomer"][1] == pytest.approx(1 / (9 + DUE))
    assert (found["returner"][0], found["newcomer"][0]) == (4, 5)
    # All time: the returner's months away count against her, so the newcomer passes her.
    everything = await board(coach, "all")
    assert everything["newcomer"][0] < everything["returner"][0]


async def test_the_board_and_stats_give_one_figure(coach: Coach) -> None:
    await trained(coach, "ann", *week(2, 0, 3), *week(1, 1), *week(0, 0))
    await coach.profile.set("ann", target="2")  # applies to this week already
    stats = dict((await coach.progress.stats("ann")).fields)["Adherence"]
    days = set(week(2, 0, 3) + week(1, 1) + week(0, 0))
    history = [(date(2026, 11, 26), 2)]
    for window, weeks in (("4w", 4), ("12w", 12), ("all", None)):
        value = (await board(coach, window))["ann"][1]
        expected = adherence(days, date(2026, 11, 26), history, weeks)
        assert value == pytest.approx(expected)
        assert f"{value:.0%}" in stats


@pytest.mark.parametrize("metric", ["adherence", "streak", "days", "discipline"])
async def test_each_footer_says_in_one_line_how_the_board_is_scored(
    coach: Coach, metric: str
) -> None:
    await trained(coach, "ann", *week(0, 0))
    reply = (await coach.boards.leaderboard(GYM, "ann", metric, "4w")).reply
    footer = (reply.footer or "").splitlines()
    assert footer[0].startswith("Scored: ") and "ties go to the longer record" in footer[0]
    assert footer[1].startswith("Page 1 of 1")
    assert footer[0] in render_text(reply)
