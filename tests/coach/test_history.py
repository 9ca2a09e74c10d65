"""/history through the coach, on both engines: sessions newest first, pages, the
exercise and days filters, the numbers /edit takes, refusals that say why."""

from __future__ import annotations

from bot.coach import Coach
from bot.coach.replies import Paging, Reply
from tests.helpers import FakeClock


def entry_lines(reply: Reply) -> list[str]:
    return [line for line in reply.lines if line.startswith("`")]


def headers(reply: Reply) -> list[str]:
    return [line for line in reply.lines if line.startswith("**")]


async def seven_sessions(coach: Coach, clock: FakeClock) -> None:
    """Two exercises on each of the last seven days, today (Thu 26 Nov) included."""
    for back in range(6, 0, -1):
        await coach.logbook.log("u1", "g", f"squat 5x5 @100kg rir2 {26 - back} nov\n"
                                           f"curl 3x10 rir1 {26 - back} nov")
    await coach.logbook.log("u1", "g", "bench 3x8 @80kg rir1\ncurl 3x10 rir1")


async def test_sessions_come_newest_first_five_to_a_page(
    coach: Coach, clock: FakeClock
) -> None:
    await seven_sessions(coach, clock)
    first = await coach.logbook.history("u1")
    assert first.private and first.title == "Your sessions"
    assert headers(first)[0] == "**Thu 26 Nov** · 18:00 · 2 exercises"
    assert [h.split("**")[1] for h in headers(first)] == [
        "Thu 26 Nov", "Wed 25 Nov", "Tue 24 Nov", "Mon 23 Nov", "Sun 22 Nov"]
    assert entry_lines(first)[:2] == ["`1` bench press — 3 × 8 @ 80 kg, RIR 1",
                                      "`2` dumbbell curl — 3 × 10, RIR 1"]
    assert first.paging == Paging(1, 2) and first.footer is not None
    assert first.footer.startswith("Page 1 of 2")
    second = await coach.logbook.history("u1", page=2)
    assert [h.split("**")[1] for h in headers(second)] == ["Sat 21 Nov", "Fri 20 Nov"]
    assert [line.split("`")[1] for line in entry_lines(second)] == ["11", "12", "13", "14"]
    beyond = await coach.logbook.history("u1", page="9")
    assert beyond.lines[0] == "There is no page 9; page 2 is the last."
    assert headers(beyond) == headers(second)


async def test_filters_show_matching_sessions_with_the_same_numbers(
    coach: Coach, clock: FakeClock
) -> None:
    await seven_sessions(coach, clock)
    curls = await coach.logbook.history("u1", "curl", days="3")
    assert curls.title == "Your sessions with dumbbell curl, last 3 days"
    assert [h.split(" · ")[-1] for h in headers(curls)] == ["1 of 2 exercises"] * 3
    assert [line.split("`")[1] for line in entry_lines(curls)] == ["2", "4", "6"]
    assert curls.paging == Paging(1, 1, "dumbbell curl", 3)
    squats = await coach.logbook.history("u1", "squat", days=30)
    assert len(headers(squats)) == 5 and squats.paging == Paging(1, 2, "back squat", 30)
    none = await coach.logbook.history("u1", "deadlift", days=2)
    assert none.lines == ("You have no sessions with deadlift in the last 2 days. "
                          "`/history` lists them all.",)


async def test_bad_filters_are_refused_with_a_hint(coach: Coach) -> None:
    for reply in (await coach.logbook.history("u1", page="0"),
                  await coach.logbook.history("u1", page="two"),
                  await coach.logbook.history("u1", days="-3"),
                  await coach.logbook.history("u1", days=99999),
                  await coach.logbook.history("u1", "sqxxzz")):
        assert reply.is_error and reply.private
        assert any(line.startswith("Example:") for line in reply.lines)


async def test_history_is_the_callers_own(coach: Coach) -> None:
    await coach.logbook.log("u1", "g", "squat 5x5 @100kg rir2")
    other = await coach.logbook.history("u2")
    assert other.lines == ("Nothing logged yet. Try `/log squat 5x5 rir2`.",)
    assert other.footer is None
