"""A new weekly target counts from the current week, and every figure agrees on it.

Thursday 26 Nov 2026; the week runs from Monday 23 Nov.
"""

from __future__ import annotations

from bot.coach import Coach
from tests.helpers import FakeClock

GYM = "g1"


async def test_a_new_target_counts_from_this_week_everywhere_at_once(
    coach: Coach, clock: FakeClock
) -> None:
    for day in ("mon", "tue"):
        assert (await coach.logbook.log("ann", GYM, f"squat 5x5 @100kg rir2 {day}")).saved
    before = await coach.reminders.compose("ann", clock())
    assert before is not None and "This week: 2 of 3 days." in before

    reply = await coach.profile.set("ann", target="2")
    assert reply.saved
    assert any("counts from this week (Monday 23 Nov)" in line for line in reply.lines)

    # /stats, the streak board and the reminder read 2 at the same moment.
    stats = dict((await coach.progress.stats("ann")).fields)
    assert stats["Weekly streak"] == "1 week (target 2 days a week)"
    streak = await coach.boards.ranking(GYM, "streak", "4w")
    assert [(s.user_id, s.value) for s in streak] == [("ann", 1.0)]
    reminder = await coach.reminders.compose("ann", clock())
    assert reminder is not None and "This week: 2 of 2 days. Target met" in reminder
    adherence = (await coach.boards.ranking(GYM, "adherence", "4w")).of("ann")
    assert adherence is not None and f"4 weeks {adherence.value:.0%}" in stats["Adherence"]


async def test_the_same_target_again_says_nothing_about_when(coach: Coach) -> None:
    reply = await coach.profile.set("ann", target="3")  # the default already
    assert not any("counts from" in line for line in reply.lines)
