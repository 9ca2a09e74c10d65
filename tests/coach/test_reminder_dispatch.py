"""The reminder dispatcher on simulated time: when DMs go out, how often, and how fast."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.coach import Coach
from bot.coach.reminder_dispatch import DispatchSettings, ReminderDispatcher
from bot.storage.contract import ReminderOutcome
from bot.storage.sqlite import SQLiteStorage
from tests.helpers import Crash, FakeDms, VirtualTime

START = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)  # a Thursday


@dataclass
class World:
    time: VirtualTime
    coach: Coach
    dms: FakeDms
    storage: SQLiteStorage
    dispatchers: list[ReminderDispatcher]

    def dispatcher(self, **settings: object) -> ReminderDispatcher:
        chosen = DispatchSettings(**settings)  # type: ignore[arg-type]
        made = ReminderDispatcher(self.coach.reminders, self.dms, chosen, clock=self.time.clock,
                                  sleep=self.time.sleep, monotonic=self.time.monotonic)
        self.dispatchers.append(made)
        return made

    async def start(self, **settings: object) -> ReminderDispatcher:
        made = self.dispatcher(**settings)
        before = self.time.sleeps
        self.time.watch(made.start())
        await self.time.asleep_after(before)
        return made

    async def change(self, action: Callable[[], object]) -> object:
        """Run a coach call that wakes the dispatcher; return once it sleeps again."""
        before = self.time.sleeps
        result = await action()  # type: ignore[misc]
        await self.time.asleep_after(before)
        return result


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    time = VirtualTime(START)
    storage = await SQLiteStorage.open(tmp_path / "reminders.db")
    made = World(time, Coach(storage, time.clock), FakeDms(time), storage, [])
    yield made
    for dispatcher in made.dispatchers:
        await dispatcher.stop()
    await storage.close()


async def test_a_due_reminder_goes_out_once_at_its_time(world: World) -> None:
    await world.coach.reminders.set("ana", "19:00")
    await world.start()
    await world.time.advance(minutes=59)
    assert world.dms.delivered == []
    await world.time.advance(hours=3)
    [dm] = world.dms.delivered
    assert dm.user_id == "ana" and dm.at == datetime(2026, 11, 26, 19, 0, tzinfo=UTC)
    assert "Training reminder for Thu 26 Nov" in dm.text
    await world.time.advance(days=2)
    assert [d.at.day for d in world.dms.to("ana")] == [26, 27, 28]
    assert len({d.nonce for d in world.dms.delivered}) == 3  # one key per local date
    assert world.dms.repeats == []
    show = await world.coach.reminders.show("ana")
    assert "Sun 29 Nov at 19:00" in show.lines[0]


async def test_the_dispatcher_sleeps_until_the_earliest_reminder(world: World) -> None:
    await world.coach.reminders.set("ana", "21:00")
    await world.coach.reminders.set("ben", "18:30")
    await world.start()
    assert world.time.next_deadline() == 30 * 60  # one wait, for the earliest of them
    await world.time.advance(hours=4)
    assert [(d.user_id, d.at.hour, d.at.minute) for d in world.dms.delivered] == [
        ("ben", 18, 30), ("ana", 21, 0)]


async def test_a_schedule_change_wakes_the_sleeping_dispatcher(world: World) -> None:
    await world.start()
    assert world.time.next_deadline() == 3600  # nothing scheduled: the longest nap
    await world.change(lambda: world.coach.reminders.set("ana", "18:20"))
    assert world.time.next_deadline() == 20 * 60
    await world.time.advance(minutes=20, seconds=1)
    assert [d.at for d in world.dms.delivered] == [START + timedelta(minutes=20)]
    await world.change(lambda: world.coach.reminders.off("ana"))
    await world.time.advance(days=2)
    assert len(world.dms.delivered) == 1


async def test_no_dm_on_a_day_the_lifter_already_trained(world: World) -> None:
    await world.coach.reminders.set("ana", "19:00")
    await world.start()
    await world.time.advance(minutes=30)
    await world.coach.logbook.log("ana", "g", "squat 5x5 @100kg rir2")
    await world.time.advance(hours=2)
    assert world.dms.delivered == []
    await world.time.advance(days=1)
    [dm] = world.dms.delivered
    assert dm.at.day == 27 and "This week: 1 of 3 days." in dm.text


async def test_warm_ups_alone_do_not_count_as_training(world: World) -> None:
    await world.coach.reminders.set("ana", "19:00")
    await world.coach.logbook.log("ana", "g", "squat 2x5 @60kg wu")
    await world.start()
    await world.time.advance(hours=2)
    assert len(world.dms.delivered) == 1


async def test_after_downtime_a_reminder_within_the_grace_window_goes_out_once(
    world: World,
) -> None:
    await world.coach.reminders.set("ana", "19:00")
    await world.time.advance(hours=2, minutes=30)  # down from 18:00 to 20:30
    await world.start(grace=timedelta(hours=2))
    await world.time.advance(seconds=1)
    [dm] = world.dms.delivered
    assert dm.at == datetime(2026, 11, 26, 20, 30, tzinfo=UTC)
    await world.time.advance(hours=23)
    assert [d.at.day for d in world.dms.delivered] == [26, 27]


async def test_after_longer_downtime_the_reminder_rolls_to_the_next_day(world: World) -> None:
    await world.coach.reminders.set("ana", "19:00")
    await world.time.advance(hours=3, minutes=1)  # 21:01: two hours and a minute late
    await world.start(grace=timedelta(hours=2))
    assert world.dms.delivered == []
    show = await world.coach.reminders.show("ana")
    assert "Fri 27 Nov at 19:00" in show.lines[0]
    await world.time.advance(days=1)
    assert [d.at for d in world.dms.delivered] == [datetime(2026, 11, 27, 19, 0, tzinfo=UTC)]


async def test_reminders_follow_the_lifters_clock_across_a_dst_change(world: World) -> None:
    world.time.start_at(datetime(2026, 3, 26, 12, 0, tzinfo=UTC))
    await world.coach.reminders.set("ana", "07:30", timezone="Europe/Berlin")
    await world.start()
    await world.time.advance(days=5)
    assert [d.at.strftime("%d %H:%M") for d in world.dms.delivered] == [
        "27 06:30", "28 06:30", "29 05:30", "30 05:30", "31 05:30"]  # 07:30 CET, then CEST


async def test_only_selected_weekdays_get_a_reminder(world: World) -> None:
    await world.coach.reminders.set("ana", "19:00", "mon,wed,fri")
    await world.start()
    await world.time.advance(days=7)
    assert [d.at.strftime("%a") for d in world.dms.delivered] == ["Fri", "Mon", "Wed"]


async def test_sends_never_exceed_the_rate_in_any_second(world: World) -> None:
    for n in range(120):
        await world.coach.reminders.set(f"lifter{n:03}", "18:30")
    await world.start(rate_per_second=25.0)
    await world.time.advance(minutes=31)
    assert len({d.user_id for d in world.dms.delivered}) == 120
    times = world.dms.requests
    assert len(times) == 240  # each first reminder opens the DM channel, then posts
    busiest = max(sum(1 for t in times if start <= t < start + 1) for start in times)
    assert busiest <= 25
    assert busiest >= 24  # paced at the rate, not far below it
    assert max(times) - min(times) >= (240 - 25) / 25


async def test_a_stored_dm_channel_makes_each_later_reminder_one_request(world: World) -> None:
    await world.coach.reminders.set("ana", "19:00")
    await world.start()
    await world.time.advance(hours=2)
    assert len(world.dms.requests) == 2  # open the DM channel, then post
    await world.time.advance(days=1)
    assert len(world.dms.requests) == 3
    row = await world.storage.get_reminder("ana")
    assert row is not None and row.dm_channel_id == "dm-ana"


async def test_closed_dms_turn_reminders_off_and_leave_one_notice(world: World) -> None:
    await world.coach.reminders.set("ana", "19:00")
    world.dms.closed.add("ana")
    await world.start()
    await world.time.advance(days=3)
    assert world.dms.delivered == []
    assert len(world.dms.requests) == 2  # tried once, never again
    show = await world.coach.reminders.show("ana")
    assert show.title == "Reminders are off" and "closed" in show.lines[0]
    notice = await world.coach.reminders.pending_notice("ana")
    assert notice is not None and "/remind set" in notice
    assert await world.coach.reminders.pending_notice("ana") is None


async def test_a_failed_send_is_tried_again_a_minute_later(world: World) -> None:
    await world.coach.reminders.set("ana", "19:00")
    world.dms.answers = ["retry"]
    await world.start()
    await world.time.advance(hours=1, seconds=30)
    assert world.dms.delivered == []
    await world.time.advance(minutes=1)
    [dm] = world.dms.delivered
    assert dm.at == datetime(2026, 11, 26, 19, 1, tzinfo=UTC)


async def test_a_message_discord_refuses_for_good_is_not_retried_that_day(world: World) -> None:
    await world.coach.reminders.set("ana", "19:00")
    world.dms.answers = ["failed"]
    await world.start()
    await world.time.advance(hours=6)
    assert world.dms.delivered == [] and len(world.dms.requests) == 2
    await world.time.advance(days=1)
    assert len(world.dms.delivered) == 1


async def test_a_reminder_reset_after_todays_send_waits_for_tomorrow(world: World) -> None:
    await world.coach.reminders.set("ana", "18:10")
    await world.start()
    await world.time.advance(minutes=15)
    assert len(world.dms.delivered) == 1
    reply = await world.change(lambda: world.coach.reminders.set("ana", "21:00"))
    assert "Fri 27 Nov at 21:00" in reply.lines[1]  # type: ignore[attr-defined]
    await world.time.advance(hours=6)
    assert len(world.dms.delivered) == 1


async def test_restart_mid_batch_sends_every_due_reminder_exactly_once(world: World) -> None:
    users = [f"lifter{n:02}" for n in range(60)]
    for user in users:
        await world.coach.reminders.set(user, "18:30")
    first = await world.start(batch_size=20, flush_every=5)
    await world.time.advance(minutes=30)
    while len(world.dms.delivered) < 27:  # stop it part-way through its second batch
        await world.time.advance(seconds=0.04)
    await first.stop()
    assert 27 <= len(world.dms.delivered) < 60
    await world.start(batch_size=20, flush_every=5)
    await world.time.advance(minutes=5)
    assert sorted(d.user_id for d in world.dms.delivered) == users
    assert world.dms.repeats == []  # a clean stop records what went out


async def test_crash_between_send_and_record_loses_nothing_and_repeats_nothing(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    users = [f"lifter{n:02}" for n in range(30)]
    for user in users:
        await world.coach.reminders.set(user, "18:30")
    reminders = world.coach.reminders
    real_finish = reminders.finish
    dead = False

    async def finish(outcomes: list[ReminderOutcome], now: datetime) -> None:
        if dead:
            raise Crash("a dead process records nothing")
        await real_finish(outcomes, now)

    monkeypatch.setattr(reminders, "finish", finish)
    first = await world.start(batch_size=10, flush_every=10)
    dead = True  # the process will die before it records anything
    await world.time.advance(minutes=31)
    assert not first.running  # the process is gone
    assert len(world.dms.delivered) == 10  # a whole batch went out
    rows = await world.storage.driver.fetchall(
        "SELECT COUNT(*) FROM reminders WHERE last_local_date IS NOT NULL")
    assert rows[0][0] == 0  # sent, but not one of them recorded

    dead = False
    await world.start(batch_size=10, flush_every=10)
    await world.time.advance(minutes=5)
    assert sorted(d.user_id for d in world.dms.delivered) == users  # none lost, none twice
    assert len(world.dms.repeats) == 10  # sent again with the same key, deduplicated
    await world.time.advance(days=1)
    assert len(world.dms.delivered) == 60  # and the schedule carries on


async def test_a_second_dispatcher_cannot_claim_leased_reminders(world: World) -> None:
    await world.coach.reminders.set("ana", "18:05")
    reminders = world.coach.reminders
    due = START + timedelta(minutes=5)
    taken = await reminders.claim(due, 10, "process-a", timedelta(minutes=5))
    assert [r.user_id for r in taken] == ["ana"]
    assert await reminders.claim(due, 10, "process-b", timedelta(minutes=5)) == []
    later = due + timedelta(minutes=6)
    assert [r.user_id for r in await reminders.claim(later, 10, "process-b",
                                                     timedelta(minutes=5))] == ["ana"]


async def test_an_unreadable_schedule_is_switched_off_without_holding_up_others(
    world: World,
) -> None:
    await world.coach.reminders.set("ana", "18:30")
    await world.storage.save_reminder("ben", "18:30", "Atlantis/Capital", "0,1,2,3,4,5,6",
                                      START + timedelta(minutes=30), START)
    await world.start()
    await world.time.advance(minutes=31)
    assert [d.user_id for d in world.dms.delivered] == ["ana"]
    shown = await world.coach.reminders.show("ben")
    assert shown.title == "Reminders are off" and "set them again" in shown.lines[0]
    notice = await world.coach.reminders.pending_notice("ben")
    assert notice is not None and "/remind set" in notice


async def test_a_storage_error_is_survived_and_nothing_is_sent_twice(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    for user in ("ana", "ben", "cat"):
        await world.coach.reminders.set(user, "18:30")
    reminders = world.coach.reminders
    real_finish = reminders.finish
    failures = [RuntimeError("database is locked")]

    async def finish(outcomes: list[ReminderOutcome], now: datetime) -> None:
        if failures and outcomes:
            raise failures.pop()
        await real_finish(outcomes, now)

    monkeypatch.setattr(reminders, "finish", finish)
    dispatcher = await world.start(error_backoff=timedelta(seconds=30))
    await world.time.advance(minutes=31)
    assert dispatcher.running
    assert sorted(d.user_id for d in world.dms.delivered) == ["ana", "ben", "cat"]
    assert len(world.dms.repeats) == 3  # sent again after the error, under the same keys
    await world.time.advance(days=1)
    assert len(world.dms.delivered) == 6
