"""A kept board brought up to date lifter by lifter equals the board computed afresh.

The coach recomputes only the lifters the storage says changed (and those whose
local date moved), and moves only them in the kept order. Here a server lives through
a few weeks of random logs, undos, opt-outs, lifters leaving, time zone and target
changes, and the calendar turning, sometimes with the upkeep task preparing a zone's
midnight minutes before it; after each step every board the coach keeps must match a
board computed from nothing.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.coach import Coach
from bot.coach.boards import Boards
from bot.coach.lifter import Lifter
from bot.domain.figures.board import METRICS
from tests.helpers import FakeClock

GYM = "g1"
LIFTERS = [f"{100 + i}" for i in range(12)]
ZONES = ["UTC", "Pacific/Kiritimati", "Pacific/Honolulu", "Europe/Berlin", "Asia/Tokyo"]
LINES = ["squat 5x5 @100kg rir2", "bench 3x8 @80kg f", "leg extension 3x12 f",
         "curl 3x10 rir3", "deadlift 1x5 @140kg rir0", "lateral raise 3x15 rir1"]
DAYS = ["", " yesterday", " mon", " tue", " fri"]


def _board(ranking: Any) -> list[tuple[str, int, float]]:
    return [(s.user_id, s.rank, round(s.value, 9)) for s in ranking]


async def _afresh(coach: Coach, clock: FakeClock, metric: Any, window: str) -> Any:
    """The board computed from every training day: no kept copy, no stored one."""
    await coach.storage.driver.execute("DELETE FROM board_cache")  # type: ignore[attr-defined]
    return _board(await Boards(Lifter(coach.storage, clock, coach.catalogue)).ranking(GYM, metric,
                                                                               window))


async def _step(coach: Coach, clock: FakeClock, rng: random.Random) -> str:
    who = rng.choice(LIFTERS)
    roll = rng.random()
    if roll < 0.5:
        guild = GYM if rng.random() < 0.85 else ""
        await coach.logbook.log(who, guild, rng.choice(LINES) + rng.choice(DAYS))
        return f"{who} logs"
    if roll < 0.6:
        await coach.logbook.undo(who)
        return f"{who} undoes"
    if roll < 0.67:
        await coach.boards.optout(GYM, who)
        return f"{who} opts out"
    if roll < 0.74:
        await coach.boards.optin(GYM, who)
        return f"{who} opts in"
    if roll < 0.82:
        await coach.profile.set(who, timezone=rng.choice(ZONES))
        return f"{who} moves zone"
    if roll < 0.87:
        await coach.profile.set(who, target=rng.randint(1, 6))
        return f"{who} changes target"
    if roll < 0.9:
        await coach.boards.member_left(GYM, who)
        return f"{who} leaves the server"
    if roll < 0.95:
        zone, late = rng.choice(ZONES), rng.choice(LIFTERS)
        await _upkeep_before_midnight(coach, clock, zone, rng.randint(2, 9))
        if rng.random() < 0.7:  # a change between the upkeep's preparing and midnight
            clock.now -= timedelta(minutes=1)
            await coach.logbook.log(late, GYM, rng.choice(LINES))
            await coach.profile.set(late, target=rng.randint(1, 6))
            if rng.random() < 0.5:
                await coach.boards.refresh_kept()  # seen before midnight, too
        clock.now += timedelta(minutes=2)
        return f"upkeep before midnight in {zone}"
    clock.advance(hours=rng.choice([3, 7, 13, 30]))
    return "time passes"


def _next_midnight(clock: FakeClock, zone: str) -> datetime:
    local = clock.now.astimezone(ZoneInfo(zone))
    return datetime.combine(local.date() + timedelta(days=1), time(), tzinfo=ZoneInfo(zone))


async def _upkeep_before_midnight(coach: Coach, clock: FakeClock, zone: str,
                                  minutes: int) -> None:
    """The upkeep task runs ``minutes`` before ``zone``'s midnight; the clock is then a
    minute before midnight."""
    midnight = _next_midnight(clock, zone)
    clock.now = midnight - timedelta(minutes=minutes)
    await coach.boards.refresh_kept()
    clock.now = midnight - timedelta(minutes=1)


async def test_updated_boards_equal_boards_computed_afresh(coach: Coach, clock: FakeClock) -> None:
    rng = random.Random(7)
    windows = ("4w", "12w", "all")
    for who in LIFTERS[:8]:
        await coach.logbook.log(who, GYM, "squat 5x5 @100kg rir2 mon")
    history = []
    for _ in range(120):
        history.append(await _step(coach, clock, rng))
        metric = rng.choice(METRICS)
        window = rng.choice(windows)
        kept = _board(await coach.boards.ranking(GYM, metric, window))
        assert kept == await _afresh(coach, clock, metric, window), (metric, window,
                                                                     history[-5:])
    # Every board the coach kept along the way is still right at the end.
    for metric in METRICS:
        for window in windows:
            kept = _board(await coach.boards.ranking(GYM, metric, window))
            assert kept == await _afresh(coach, clock, metric, window), (metric, window)


async def test_a_stored_board_brought_up_to_date_equals_one_computed_afresh(
    coach: Coach, clock: FakeClock
) -> None:
    # Another process (or this one after a restart) starts from the stored board.
    rng = random.Random(11)
    for who in LIFTERS:
        await coach.logbook.log(who, GYM, "squat 5x5 @100kg rir2 mon")
    for metric in METRICS:
        await coach.boards.ranking(GYM, metric, "4w")
    assert await coach.boards.save_kept() == len(METRICS)
    for _ in range(60):
        await _step(coach, clock, rng)
        metric = rng.choice(METRICS)
        restarted = Boards(Lifter(coach.storage, clock, coach.catalogue))
        loaded = _board(await restarted.ranking(GYM, metric, "4w"))
        assert loaded == await _afresh(coach, clock, metric, "4w"), metric
        await coach.boards.ranking(GYM, metric, "4w")
        await coach.boards.save_kept(every=timedelta(0))  # as the upkeep task does


async def test_forget_me_removes_the_lifter_from_stored_boards(coach: Coach) -> None:
    for who in LIFTERS[:3]:
        await coach.logbook.log(who, GYM, "squat 5x5 @100kg rir2 mon")
    await coach.boards.ranking(GYM, "days", "4w")
    await coach.boards.save_kept()
    driver: Any = coach.storage.driver  # type: ignore[attr-defined]
    assert "101" in str(await driver.fetchall("SELECT payload FROM board_cache"))
    await coach.data.forget_me_confirm("101")
    assert "101" not in str(await driver.fetchall("SELECT payload FROM board_cache"))
    ranking = await coach.boards.ranking(GYM, "days", "4w")  # this process's kept copy too
    assert [s.user_id for s in ranking] == ["100", "102"]


async def test_a_changed_lifter_is_recomputed_without_reading_the_whole_board(
    coach: Coach, clock: FakeClock
) -> None:
    for who in LIFTERS:
        await coach.logbook.log(who, GYM, "squat 5x5 @100kg rir2 mon")
    await coach.boards.ranking(GYM, "days", "4w")
    storage: Any = coach.storage
    reads: list[str] = []
    whole, subset = storage.board_data, storage.board_subset

    async def board_data(*args: Any, **kwargs: Any) -> Any:
        reads.append("whole board")
        return await whole(*args, **kwargs)

    async def board_subset(guild: str, users: Any, *args: Any, **kwargs: Any) -> Any:
        reads.append(f"lifters {sorted(users)}")
        return await subset(guild, users, *args, **kwargs)

    storage.board_data, storage.board_subset = board_data, board_subset
    await coach.logbook.log("101", GYM, "squat 5x5 @100kg rir2 tue")
    ranking = await coach.boards.ranking(GYM, "days", "4w")
    assert reads == ["lifters ['101']"]
    assert ranking[0].user_id == "101" and ranking[0].value == 2
    reads.clear()
    await coach.boards.ranking(GYM, "days", "4w")  # nothing changed: nothing read
    assert reads == []


async def _prepared_tokyo_monday(
    coach: Coach, clock: FakeClock, also: tuple[str, str] | None = None
) -> None:
    """Lifters in five zones on every board; the upkeep task has just prepared the
    Monday that begins in Tokyo first among these zones (5 minutes before it)."""
    for who, zone in zip(LIFTERS, ZONES * 3, strict=False):
        await coach.profile.set(who, timezone=zone)
        await coach.logbook.log(who, GYM, "squat 5x5 @100kg rir2 mon")
    if also is not None:
        await coach.logbook.log(also[0], GYM, also[1])
    for metric in METRICS:
        await coach.boards.ranking(GYM, metric, "4w")
    while _next_midnight(clock, "Asia/Tokyo").weekday() != 0:
        clock.now = _next_midnight(clock, "Asia/Tokyo") + timedelta(hours=1)
    await _upkeep_before_midnight(coach, clock, "Asia/Tokyo", 5)


async def test_a_week_turn_prepared_by_the_upkeep_task_needs_no_read_and_equals_afresh(
    coach: Coach, clock: FakeClock
) -> None:
    await _prepared_tokyo_monday(coach, clock, also=("100", "squat 5x5 @100kg rir2 tue"))
    clock.advance(minutes=2)
    storage: Any = coach.storage
    reads: list[str] = []
    whole, subset = storage.board_data, storage.board_subset

    async def board_data(*args: Any, **kwargs: Any) -> Any:
        reads.append("whole board")
        return await whole(*args, **kwargs)

    async def board_subset(*args: Any, **kwargs: Any) -> Any:
        reads.append("some lifters")
        return await subset(*args, **kwargs)

    storage.board_data, storage.board_subset = board_data, board_subset
    for metric in METRICS:
        kept = _board(await coach.boards.ranking(GYM, metric, "4w"))
        assert reads == [], metric  # the turn was a swap of what the upkeep prepared
        assert kept == await _afresh(coach, clock, metric, "4w"), metric
        reads.clear()


async def test_a_lifter_who_logs_after_the_turn_was_prepared_is_counted_afresh(
    coach: Coach, clock: FakeClock
) -> None:
    await _prepared_tokyo_monday(coach, clock)
    tokyo = [who for who, zone in zip(LIFTERS, ZONES * 3, strict=False) if zone == "Asia/Tokyo"]
    # A Tokyo lifter logs between the upkeep's preparing and the midnight it prepared.
    assert (await coach.logbook.log(tokyo[0], GYM, "squat 5x5 @100kg rir2")).saved
    clock.advance(minutes=2)
    for metric in METRICS:
        kept = _board(await coach.boards.ranking(GYM, metric, "4w"))
        assert kept == await _afresh(coach, clock, metric, "4w"), metric
