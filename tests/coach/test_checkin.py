"""The weekly check-in DM on the reminders' dispatcher: once a week, in the lifter's zone,
across restarts, crashes and (on PostgreSQL) two processes."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.coach import Coach
from bot.coach.pacing import Pacer
from bot.coach.reminder_dispatch import (
    DispatchSettings,
    DmRequest,
    Pace,
    ReminderDispatcher,
    SendResult,
)
from bot.domain.models import Profile
from bot.storage.contract import ReminderOutcome
from bot.storage.sqlite import SQLiteStorage
from tests.helpers import Crash, FakeDms, VirtualTime, shared_postgres_storages
from tests.storage.test_reminders_postgres_multi import DmEndpoint, SharedTime

START = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)  # Sunday 22 Nov
WEEK_ONE = ("2026-11-09", "2026-11-12", "2026-11-16", "2026-11-19")
SESSION = ("squat 3x5 @100kg rir2 {d}; leg press 3x10 rir2,1,0 {d}; leg curl 3x12 rir1,1,0 "
           "{d}; lateral raise 3x15 rir1,1,0 {d}")


@dataclass
class Attachments:
    """FakeDms, also keeping what each DM carried besides its text."""

    dms: FakeDms
    files: list[tuple[str, int]] = field(default_factory=list)

    async def __call__(self, request: DmRequest, pace: Pace) -> SendResult:
        if request.attachment is not None:
            self.files.append((request.attachment[0], len(request.attachment[1])))
        return await self.dms(request, pace)


@dataclass
class World:
    time: VirtualTime
    coach: Coach
    dms: FakeDms
    sender: Attachments
    storage: SQLiteStorage
    dispatchers: list[ReminderDispatcher]

    async def start(self, **options: object) -> ReminderDispatcher:
        chosen = DispatchSettings(**options)  # type: ignore[arg-type]
        made = ReminderDispatcher(self.coach.plan.checkins, self.sender, chosen,
                                  clock=self.time.clock, sleep=self.time.sleep,
                                  monotonic=self.time.monotonic, name="checkin-dispatcher")
        self.dispatchers.append(made)
        before = self.time.sleeps
        self.time.watch(made.start())
        await self.time.asleep_after(before)
        return made


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    time = VirtualTime(START)
    storage = await SQLiteStorage.open(tmp_path / "checkin.db")
    dms = FakeDms(time)
    made = World(time, Coach(storage, time.clock), dms, Attachments(dms), storage, [])
    yield made
    for dispatcher in made.dispatchers:
        await dispatcher.stop()
    await storage.close()


async def _history(coach: Coach, user: str = "ana") -> None:
    for day in WEEK_ONE:
        assert not (await coach.logbook.log(user, "g", SESSION.format(d=day))).is_error


async def test_the_check_in_comes_once_a_week_at_its_time(world: World) -> None:
    await _history(world.coach)
    reply = await world.coach.plan.checkins.on("ana")
    assert reply.saved and "Every Monday at 07:00 (UTC)" in reply.lines[0]
    await world.start()
    await world.time.advance(hours=18, minutes=59)
    assert world.dms.delivered == []
    await world.time.advance(minutes=2)  # Monday 23 Nov, 07:00
    [dm] = world.dms.delivered
    assert dm.at == datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
    assert dm.text.startswith("**Weekly check-in: Mon 16 Nov to Sun 22 Nov**")
    assert "Training days: 2 of 3 (1 short of your target)." in dm.text
    assert "Failure sets done of planned, by tier:" in dm.text
    assert "**Plan for the week of Mon 23 Nov**" in dm.text
    assert world.sender.files == [("check-in-2026-11-16.png", world.sender.files[0][1])]
    await world.time.advance(days=14)
    assert [d.at.day for d in world.dms.to("ana")] == [23, 30, 7]
    assert len({d.nonce for d in world.dms.delivered}) == 3 and world.dms.repeats == []


async def test_its_nonce_differs_from_the_daily_reminder_s(world: World) -> None:
    await world.coach.plan.checkins.on("ana")
    await world.coach.reminders.set("ana", "07:00")
    await world.start()
    reminders = ReminderDispatcher(world.coach.reminders, world.dms, clock=world.time.clock,
                                   sleep=world.time.sleep, monotonic=world.time.monotonic)
    world.dispatchers.append(reminders)
    before = world.time.sleeps
    world.time.watch(reminders.start())
    await world.time.asleep_after(before)
    await world.time.advance(days=1)
    texts = [d.text.split("\n")[0] for d in world.dms.to("ana") if d.at.day == 23]
    assert len(texts) == 2 and world.dms.repeats == []  # both went out that Monday


async def test_the_check_in_follows_the_lifter_s_zone(world: World) -> None:
    await world.storage.save_profile("kiwi", Profile(timezone="Pacific/Auckland"),
                                     START, START.date())
    reply = await world.coach.plan.checkins.on("kiwi", "sun", "18:00")
    assert "Every Sunday at 18:00 (Pacific/Auckland)" in reply.lines[0]
    await world.start()
    await world.time.advance(days=8)
    sent = [d.at for d in world.dms.to("kiwi")]
    assert sent == [datetime(2026, 11, 29, 5, 0, tzinfo=UTC)]  # 18:00 NZDT on Sun 29 Nov
    assert world.dms.to("kiwi")[0].text.startswith(
        "**Weekly check-in: Mon 23 Nov to Sun 29 Nov**")


async def test_moving_the_day_after_a_send_does_not_review_the_week_again(world: World
                                                                         ) -> None:
    await world.coach.plan.checkins.on("ana", "mon")
    await world.start()
    await world.time.advance(days=1)  # Monday 23 Nov: reviews 16-22 Nov
    assert len(world.dms.delivered) == 1
    reply = await world.coach.plan.checkins.on("ana", "wed")
    assert "Wed 2 Dec" in reply.lines[1]  # not Wed 25 Nov: that week was reviewed
    await world.time.advance(days=3)
    assert len(world.dms.delivered) == 1


async def test_a_restart_and_a_crash_send_each_week_once(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    users = [f"lifter{n:02}" for n in range(12)]
    for user in users:
        await world.coach.plan.checkins.on(user)
    checkins = world.coach.plan.checkins
    real_finish = checkins.finish
    dead = False

    async def finish(outcomes: list[ReminderOutcome], now: datetime) -> None:
        if dead:
            raise Crash("a dead process records nothing")
        await real_finish(outcomes, now)

    monkeypatch.setattr(checkins, "finish", finish)
    first = await world.start(batch_size=5, flush_every=5)
    dead = True
    await world.time.advance(hours=19, minutes=1)
    assert not first.running and len(world.dms.delivered) == 5
    dead = False
    await world.start(batch_size=5, flush_every=5)  # a new process after the crash
    await world.time.advance(minutes=10)
    assert sorted(d.user_id for d in world.dms.delivered) == users
    assert len(world.dms.repeats) == 5  # the unrecorded sends went again, same nonce
    for dispatcher in world.dispatchers:
        await dispatcher.stop()
    await world.start()  # a clean restart later in the week sends nothing again
    await world.time.advance(days=6)
    assert len(world.dms.delivered) == 12


async def test_closed_dms_turn_the_check_in_off_with_one_notice(world: World) -> None:
    await world.coach.plan.checkins.on("ana")
    world.dms.closed.add("ana")
    await world.start()
    await world.time.advance(days=1)
    assert world.dms.delivered == []
    row = await world.storage.get_checkin("ana")
    assert row is not None and not row.enabled and row.disabled_reason == "dm_closed"
    notice = await world.coach.plan.checkins.pending_notice("ana")
    assert notice is not None and "/checkin on" in notice
    assert await world.coach.plan.checkins.pending_notice("ana") is None
    await world.time.advance(days=8)
    assert world.dms.delivered == []


async def test_off_stops_it_and_bad_input_says_what_to_type(world: World) -> None:
    assert (await world.coach.plan.checkins.off("ana")).title == "No check-in to turn off"
    await world.coach.plan.checkins.on("ana")
    assert (await world.coach.plan.checkins.off("ana")).saved
    bad_day = await world.coach.plan.checkins.on("ana", "mon,wed")
    assert bad_day.is_error and bad_day.lines[2] == "Example: /checkin on day:mon time:07:00"
    bad_time = await world.coach.plan.checkins.on("ana", "mon", "25:00")
    assert bad_time.is_error and bad_time.lines[2].startswith("Example: /checkin on time:")


async def test_two_processes_on_postgresql_send_each_check_in_once() -> None:
    lifters = [f"lifter{n:02}" for n in range(40)]
    async with shared_postgres_storages(3) as storages:
        time = SharedTime(START)
        dms = DmEndpoint(time)
        setup = Coach(storages[2], time.clock)
        for user in lifters:
            await setup.plan.checkins.on(user)
        dispatchers = []
        for n, name in enumerate(("A", "B")):
            coach = Coach(storages[n], time.clock)
            made = ReminderDispatcher(coach.plan.checkins, dms.sender(name),
                                      DispatchSettings(owner=f"process-{name}", batch_size=7),
                                      clock=time.clock, sleep=time.sleep_for(name))
            made.pace = Pacer(1000.0, lambda: 0.0, _yield)
            dispatchers.append(made)
            time.watch(name, made.start())
        try:
            await time.quiet()
            await time.move_to(datetime(2026, 11, 23, 7, 0, tzinfo=UTC))
            assert sorted(p.user_id for p in dms.posts) == lifters  # one POST each
            assert dms.by("A") and dms.by("B")
            await time.move_to(datetime(2026, 11, 30, 7, 0, tzinfo=UTC))
            assert all(len(dms.inbox(user)) == 2 for user in lifters)  # one a week
        finally:
            for made in dispatchers:
                await made.stop()


async def _yield(_: float) -> None:
    await asyncio.sleep(0)
