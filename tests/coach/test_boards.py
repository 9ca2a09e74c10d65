"""Leaderboards through the coach: ranking and ties, privacy, discipline, time zones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.coach import Coach
from bot.console.render import render_text
from bot.domain.figures.stats import discipline, week_start
from tests.helpers import FakeClock

GYM = "g1"
OTHER = "g2"


async def log(coach: Coach, who: str, text: str, guild: str = GYM) -> None:
    reply = await coach.logbook.log(who, guild, text)
    assert reply.saved, reply


async def board_text(coach: Coach, caller: str, metric: str = "adherence",
                     window: str = "4w", guild: str = GYM) -> str:
    board = await coach.boards.leaderboard(guild, caller, metric, window)
    assert not board.reply.is_error, board.reply
    return render_text(board.reply)


async def listed(coach: Coach, metric: str = "days", window: str = "4w",
                 guild: str = GYM) -> dict[str, tuple[int, float]]:
    ranking = await coach.boards.ranking(guild, metric, window)  # type: ignore[arg-type]
    return {s.user_id: (s.rank, s.value) for s in ranking}


# --------------------------------------------------------------------------- ranking


async def test_equal_values_share_a_place_only_with_equal_records(coach: Coach) -> None:
    # Thursday 26 Nov; default target 3 days a week.
    for who, days in (("ann", "mon tue wed"), ("bob", "mon tue"), ("eve", "mon wed"),
                      ("cid", "tue wed"), ("dan", "wed")):
        for day in days.split():
            await log(coach, who, f"squat 5x5 @100kg rir2 {day}")
    board = await coach.boards.leaderboard(GYM, "dan", "days")
    # bob and eve began on Monday: they share second place; cid, as many days but a
    # record one day shorter, comes after them, and the next place skips the tie.
    assert board.reply.lines == ("**1.** ann · 3 days", "**2.** bob · 2 days",
                                 "**2.** eve · 2 days", "**4.** cid · 2 days",
                                 "**5.** dan · 1 day")
    assert dict(board.reply.fields)["Your place"] == "#5 of 5 · 1 day"
    assert (board.page, board.pages) == (1, 1)


async def test_pages_of_ten_with_the_callers_place_on_every_page(coach: Coach) -> None:
    for i in range(23):
        await log(coach, f"{100 + i}", "squat 5x5 @100kg rir2 mon")
        if i % 2:
            await log(coach, f"{100 + i}", "squat 5x5 @100kg rir2 tue")
    first = await coach.boards.leaderboard(GYM, "100", "days")
    third = await coach.boards.leaderboard(GYM, "100", "days", page=3)
    beyond = await coach.boards.leaderboard(GYM, "100", "days", page=99)
    assert (first.page, first.pages, len(first.reply.lines)) == (1, 3, 10)
    assert (third.page, len(third.reply.lines)) == (3, 3)
    assert beyond.page == 3  # clamped to the last page
    # 11 lifters with 2 days share first place; the 12 with one day share 12th.
    assert third.reply.lines[-1] == "**12.** 122 · 1 day"
    assert dict(third.reply.fields)["Your place"] == "#12 of 23 · 1 day"
    assert "Page 3 of 3 · 23 lifters" in (third.reply.footer or "")


async def test_bad_choices_get_what_a_hint_and_an_example(coach: Coach) -> None:
    for metric, window in (("weight", "4w"), ("streak", "3 months")):
        reply = (await coach.boards.leaderboard(GYM, "ann", metric, window)).reply
        assert reply.is_error and reply.private
        assert any(line.startswith("Hint:") for line in reply.lines)
        assert any(line.startswith("Example: /leaderboard") for line in reply.lines)
    in_a_dm = (await coach.boards.leaderboard("", "ann")).reply
    assert in_a_dm.is_error and "server" in in_a_dm.lines[0]


async def test_windows_and_spellings(coach: Coach, clock: FakeClock) -> None:
    await log(coach, "ann", "squat 5x5 @100kg rir2 2026-09-01")
    await log(coach, "ann", "squat 5x5 @100kg rir2")
    await log(coach, "bob", "squat 5x5 @100kg rir2 2026-09-02")
    assert await listed(coach, "days", "4w") == {"ann": (1, 1.0)}
    assert await listed(coach, "days", "all") == {"ann": (1, 2.0), "bob": (2, 1.0)}
    spelled = await coach.boards.leaderboard(GYM, "ann", " Days ", "12 weeks")
    assert spelled.window == "12w" and spelled.metric == "days"


# --------------------------------------------------------------------------- privacy


async def test_only_members_who_logged_here_and_did_not_opt_out_appear(coach: Coach) -> None:
    await log(coach, "here", "squat 5x5 @100kg rir2")
    await log(coach, "elsewhere", "deadlift 3x5 @140kg rir2", guild=OTHER)
    await log(coach, "quiet", "squat 5x5 @100kg rir2")
    await coach.boards.optout(GYM, "quiet")
    await log(coach, "quiet", "bench 3x8 @80kg rir1")  # logging again does not bring back
    assert set(await listed(coach)) == {"here"}
    text = await board_text(coach, "elsewhere")
    assert "elsewhere" not in text.split("Your place")[0]
    assert "Not on this board yet" in text
    assert "opted out" in await board_text(coach, "quiet")
    assert set(await listed(coach, guild=OTHER)) == {"elsewhere"}


async def test_nothing_of_another_server_shows_but_a_day_is_a_day(coach: Coach) -> None:
    await log(coach, "ann", "squat 5x5 @100kg rir2 mon")
    await log(coach, "ann", "zercher squat 5x5 @100kg rir2 tue", guild=OTHER)
    await log(coach, "ann", "curl 3x10 @15kg f wed", guild="")  # in a DM
    assert await listed(coach) == {"ann": (1, 3.0)}  # training days count wherever logged
    for metric in ("adherence", "streak", "days", "discipline"):
        text = await board_text(coach, "ann", metric)
        assert OTHER not in text and "zercher" not in text and "curl" not in text
    assert await listed(coach, guild="g3") == {}  # never logged there


async def test_opting_in_again_brings_back_past_days(coach: Coach) -> None:
    await log(coach, "ann", "squat 5x5 @100kg rir2 mon")
    out = await coach.boards.optout(GYM, "ann")
    assert out.saved and out.private and "no longer appear" in out.lines[0]
    assert (await coach.boards.optout(GYM, "ann")).title.startswith("Already")
    assert await listed(coach) == {}
    back = await coach.boards.optin(GYM, "ann")
    assert back.saved and "back" in back.title
    assert await listed(coach) == {"ann": (1, 1.0)}
    assert (await coach.boards.optin(GYM, "ann")).title.startswith("Already")


async def test_opting_out_before_ever_logging_here_is_kept(coach: Coach) -> None:
    await coach.boards.optout(GYM, "ann")
    await log(coach, "ann", "squat 5x5 @100kg rir2")
    assert await listed(coach) == {}
    changed_mind = await coach.boards.optin(GYM, "ann")
    assert changed_mind.title.startswith("You are back")  # she has logged here since
    assert set(await listed(coach)) == {"ann"}
    await coach.boards.optout(OTHER, "ann")
    undone = await coach.boards.optin(OTHER, "ann")
    assert "first /log in this server" in undone.lines[0]
    assert await listed(coach, guild=OTHER) == {}
    for reply in (await coach.boards.optout("", "ann"), await coach.boards.optin("", "ann")):
        assert reply.is_error


async def test_a_board_follows_new_logs_undos_and_the_calendar(
    coach: Coach, clock: FakeClock
) -> None:
    await log(coach, "ann", "squat 5x5 @100kg rir2 mon")
    assert await listed(coach, "streak") == {"ann": (1, 0.0)}
    await log(coach, "ann", "squat 5x5 @100kg rir2 tue")
    await log(coach, "ann", "squat 5x5 @100kg rir2")
    assert await listed(coach, "streak") == {"ann": (1, 1.0)}  # this week met its target
    await coach.logbook.undo("ann")
    assert await listed(coach, "streak") == {"ann": (1, 0.0)}
    clock.advance(days=28)  # nothing logged since: she drops off the 4-week board
    assert await listed(coach, "days") == {}


# --------------------------------------------------------------------------- discipline


async def test_discipline_is_the_documented_formula(coach: Coach) -> None:
    # Tier A/B: 4 judged sets, 3 stopped short (the failed one is not).
    await log(coach, "ann", "squat 3x5 @100kg rir2; bench 1x5 @80kg f")
    # Tier C/D: three exercise-sessions, two taken hard (RIR <= 1).
    await log(coach, "ann", "curl 3x10 @15kg rir 2,1,0; leg press 3x10 @150kg rir3")
    await log(coach, "ann", "lateral raise 3x15 @8kg amrap")
    # Untiered and unjudged sets are left out.
    await log(coach, "ann", "squat 2x5 @90kg")
    [(_, value)] = (await listed(coach, "discipline")).values()
    assert value == pytest.approx((3 / 4 + 2 / 3) / 2)
    # The article's warning: failing every set on the big lifts scores nothing for it.
    await log(coach, "bob", "squat 3x5 @120kg f; deadlift 2x5 @160kg f")
    await log(coach, "bob", "curl 3x10 @15kg rir3")
    assert (await listed(coach, "discipline"))["bob"] == (2, 0.0)


async def test_discipline_board_agrees_with_the_domain_function(
    coach: Coach, clock: FakeClock
) -> None:
    lines = ["squat 5x5 @100kg rir2", "bench 3x8 @80kg rir 1,0,0", "leg extension 3x12 rir2",
             "curl 3x10 f", "pull-up 3x8 rir1", "leg press 4x10 rir 3,2,1,1",
             "deadlift 1x5 @150kg f", "lateral raise 3x15 amrap"]
    for day in range(0, 40, 2):
        clock.now = datetime(2026, 10, 10, 18, tzinfo=UTC) + timedelta(days=day)
        await log(coach, "ann", lines[day // 2 % 8] + "; " + lines[(day * 3 + 1) % 8])
    today = clock.now.date()
    entries = await coach.boards._storage.entries_since("ann",
                                                        datetime(2026, 1, 1, tzinfo=UTC))
    expected = {}
    for window, weeks in (("4w", 4), ("12w", 12)):
        expected[window] = discipline(entries, week_start(today) - timedelta(weeks=weeks - 1),
                                      today)
        [(_, value)] = (await listed(coach, "discipline", window)).values()
        assert value == pytest.approx(expected[window])
    assert expected["4w"] != expected["12w"]  # the windows differ, so both were tested
    stats = dict((await coach.progress.stats("ann")).fields)
    assert stats["Discipline, last 4 weeks"] == f"{expected['4w']:.0%}"


# --------------------------------------------------------------------------- time zones


async def test_weeks_turn_at_each_lifters_own_midnight(
    coach: Coach, clock: FakeClock
) -> None:
    clock.now = datetime(2026, 11, 2, 12, tzinfo=UTC)
    for who, zone in (("tonga", "Pacific/Tongatapu"), ("hawaii", "Pacific/Honolulu")):
        await coach.profile.set(who, timezone=zone, target="1")
    # Monday 30 Nov 09:50 UTC: Sunday 23:50 in Honolulu (UTC-10), Monday 22:50 in Tonga (+13).
    clock.now = datetime(2026, 11, 30, 9, 50, tzinfo=UTC)
    await log(coach, "hawaii", "squat 5x5 @100kg rir2")
    await log(coach, "tonga", "squat 5x5 @100kg rir2")
    # 20 minutes later: Monday 00:10 in Honolulu, still Monday (23:10) in Tonga.
    clock.advance(minutes=20)
    await log(coach, "hawaii", "bench 3x8 @80kg rir1")
    await log(coach, "tonga", "bench 3x8 @80kg rir1")
    # Honolulu trained on Sunday (last week) and Monday (this week); Tonga on one Monday.
    assert await listed(coach, "days") == {"hawaii": (1, 2.0), "tonga": (2, 1.0)}
    assert await listed(coach, "streak") == {"hawaii": (1, 2.0), "tonga": (2, 1.0)}
    hawaii = dict((await coach.progress.stats("hawaii")).fields)
    assert hawaii["Training days"].startswith("this week 1 · last 4 weeks 2")
    assert hawaii["Weekly streak"].startswith("2 weeks")
    # Five minutes before her midnight, Honolulu's week had not turned: her Monday log lies
    # in her future, while Tonga's Monday is nearly over.
    clock.now = datetime(2026, 11, 30, 9, 55, tzinfo=UTC)
    hawaii = dict((await coach.progress.stats("hawaii")).fields)
    assert hawaii["Training days"].startswith("this week 1 · last 4 weeks 1")
    tonga = dict((await coach.progress.stats("tonga")).fields)
    assert tonga["Training days"].startswith("this week 1")
    # One day each; Honolulu's began a calendar day earlier (Sunday), so hers is the
    # longer record and the tie goes to her.
    assert await listed(coach, "days") == {"hawaii": (1, 1.0), "tonga": (2, 1.0)}
