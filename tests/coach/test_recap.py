"""The weekly recap post on the reminders' dispatcher: once a week per server, what it
says, across restarts, crashes and (on PostgreSQL) two processes; a lost channel turns
it off and tells the admin who set it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.coach import Coach
from bot.coach.pacing import Pacer
from bot.coach.reminder_dispatch import DispatchSettings, ReminderDispatcher
from bot.console.render import render_text
from bot.storage.contract import ReminderOutcome
from bot.storage.sqlite import SQLiteStorage
from tests.coach.test_checkin import _yield
from tests.helpers import Crash, FakeDms, VirtualTime, shared_postgres_storages
from tests.storage.test_reminders_postgres_multi import DmEndpoint, SharedTime

START = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)  # Sunday 22 Nov
GYM = "g1"
CHANNEL = "c-gym"
BERLIN_MONDAY_9 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # 09:00 in Berlin


@dataclass
class World:
    time: VirtualTime
    coach: Coach
    posts: FakeDms
    storage: SQLiteStorage
    dispatchers: list[ReminderDispatcher]

    async def start(self, **options: object) -> ReminderDispatcher:
        chosen = DispatchSettings(**options)  # type: ignore[arg-type]
        made = ReminderDispatcher(self.coach.recap, self.posts, chosen, clock=self.time.clock,
                                  sleep=self.time.sleep, monotonic=self.time.monotonic,
                                  name="recap-dispatcher")
        self.dispatchers.append(made)
        before = self.time.sleeps
        self.time.watch(made.start())
        await self.time.asleep_after(before)
        return made


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    time = VirtualTime(START)
    storage = await SQLiteStorage.open(tmp_path / "recap.db")
    made = World(time, Coach(storage, time.clock), FakeDms(time), storage, [])
    yield made
    for dispatcher in made.dispatchers:
        await dispatcher.stop()
    await storage.close()


async def log(coach: Coach, who: str, text: str, guild: str = GYM) -> None:
    assert (await coach.logbook.log(who, guild, text)).saved


async def _a_week_of_training(coach: Coach) -> None:
    """Mon 16 to Sun 22 Nov: ana trains 3 days, ben 2 here and 1 elsewhere, and cy (who
    opted out) 3; ana also trained three days the week before."""
    for day in ("2026-11-16", "2026-11-18", "2026-11-20"):
        await log(coach, "ana", f"squat 3x5 @100kg f {day}\nleg extension 3x12 f {day}")
        await log(coach, "cy", f"curl 3x10 f {day}")
    for day in ("2026-11-09", "2026-11-11", "2026-11-13"):
        await log(coach, "ana", f"leg press 3x10 rir2 {day}")
    for day in ("2026-11-17", "2026-11-19"):
        await log(coach, "ben", f"lateral raise 3x15 f {day}")
    await log(coach, "ben", "curl 3x10 f 2026-11-18", guild="elsewhere")  # not this server's
    await coach.boards.optout(GYM, "cy")


async def test_the_recap_comes_once_a_week_with_the_past_week(world: World) -> None:
    await _a_week_of_training(world.coach)
    reply = await world.coach.recap.set(GYM, "boss", CHANNEL, "#gym", "mon", "09:00",
                                        "Europe/Berlin")
    assert reply.saved
    assert "Every Monday at 09:00 (Europe/Berlin) in #gym" in render_text(reply)
    await world.start()
    await world.time.advance(hours=19, minutes=59)
    assert world.posts.delivered == []
    await world.time.advance(minutes=2)
    [post] = world.posts.delivered
    assert post.at == BERLIN_MONDAY_9 and post.user_id == GYM
    text = post.text
    assert text.startswith("**Weekly recap · Mon 16 Nov to Sun 22 Nov**")
    assert "**Target met** (2): ana, ben" in text  # a training day counts wherever logged
    assert "**Longest streaks**: ana 2 weeks · ben 1 week" in text
    assert "**Training days**: 6, by 2 lifters" in text
    # ana's leg extensions (D) and ben's raises (D) where the coaching puts failure; ana's
    # squats (A) where it does not; ben's curls elsewhere and cy's (opted out) never count.
    assert "**Failure sets**: 15 where the coaching puts them" in text
    assert "· 9 where it does not (tier A" in text
    assert "cy" not in text.replace("cycle", "")
    await world.time.advance(days=14)
    assert [p.at.day for p in world.posts.delivered] == [23, 30, 7]
    assert world.posts.repeats == []
    assert len({p.nonce for p in world.posts.delivered}) == 3


async def test_a_restart_and_a_crash_post_each_week_once(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    servers = [f"g{n:02}" for n in range(12)]
    for guild in servers:
        await world.coach.recap.set(guild, "boss", f"c-{guild}", "", "mon", "09:00", "UTC")
    recaps = world.coach.recap
    real_finish = recaps.finish
    dead = False

    async def finish(outcomes: list[ReminderOutcome], now: datetime) -> None:
        if dead:
            raise Crash("a dead process records nothing")
        await real_finish(outcomes, now)

    monkeypatch.setattr(recaps, "finish", finish)
    first = await world.start(batch_size=5, flush_every=5)
    dead = True
    await world.time.advance(hours=21, minutes=1)
    assert not first.running and len(world.posts.delivered) == 5
    dead = False
    await world.start(batch_size=5, flush_every=5)  # a new process after the crash
    await world.time.advance(minutes=10)
    assert sorted(p.user_id for p in world.posts.delivered) == servers
    assert len(world.posts.repeats) == 5  # the unrecorded posts went again, same nonce
    for dispatcher in world.dispatchers:
        await dispatcher.stop()
    await world.start()  # a clean restart later in the week posts nothing again
    await world.time.advance(days=6)
    assert len(world.posts.delivered) == 12


async def test_a_lost_channel_turns_it_off_and_tells_the_admin_once(world: World) -> None:
    await world.coach.recap.set(GYM, "boss", CHANNEL, "", "mon", "09:00", "UTC")
    world.posts.closed.add(GYM)  # the channel is gone, or the bot may not post there
    await world.start()
    await world.time.advance(days=1)
    assert world.posts.delivered == []
    setting = await world.storage.get_recap(GYM)
    assert setting is not None and not setting.schedule.enabled
    assert setting.schedule.disabled_reason == "channel_closed"
    assert await world.coach.recap.pending_notice("someone else") is None
    notice = await world.coach.recap.pending_notice("boss")
    assert notice is not None and f"#{CHANNEL}" in notice and "/recap set" in notice
    assert await world.coach.recap.pending_notice("boss") is None
    await world.time.advance(days=8)
    assert world.posts.delivered == []


async def test_set_show_off_and_what_bad_input_gets(world: World) -> None:
    recap = world.coach.recap
    assert (await recap.off(GYM)).title == "No recap to turn off"
    shown = await recap.show(GYM)
    assert shown.private and shown.lines[0].startswith("Off.")
    assert shown.lines[2].startswith("**Weekly recap · Mon 16 Nov to Sun 22 Nov**")
    for args, example in ((("", "", "mon"), "Example: /recap set channel:#gym"),
                          (("c", "#c", "mon,wed"), "Example: /recap set channel:#gym"),
                          (("c", "#c", "mon", "25:00"), "Example: /recap set time:"),
                          (("c", "#c", "mon", "09:00", "Mars/Olympus"),
                           "Example: /recap set timezone:")):
        bad = await recap.set(GYM, "boss", *args)
        assert bad.is_error and bad.lines[2].startswith(example), (args, bad.lines)
    assert (await recap.set(GYM, "boss", "c", "#c")).saved  # Monday 09:00, boss's zone
    assert "On: every Monday at 09:00 (UTC) in #c;" in (await recap.show(GYM)).lines[0]
    assert (await recap.off(GYM)).saved
    assert (await recap.set("", "boss", "c")).is_error  # a DM is no server


async def test_forget_me_clears_the_admin_s_name_and_keeps_the_recap(world: World) -> None:
    await world.coach.recap.set(GYM, "boss", CHANNEL)
    await world.coach.data.forget_me_request("boss")
    assert (await world.coach.data.forget_me_confirm("boss")).saved
    setting = await world.storage.get_recap(GYM)
    assert setting is not None and setting.set_by is None and setting.schedule.enabled


async def test_two_processes_on_postgresql_post_each_recap_once() -> None:
    servers = [f"g{n:02}" for n in range(30)]
    async with shared_postgres_storages(3) as storages:
        time = SharedTime(START)
        posts = DmEndpoint(time)
        setup = Coach(storages[2], time.clock)
        for guild in servers:
            await setup.recap.set(guild, "boss", f"c-{guild}", "", "mon", "09:00", "UTC")
        dispatchers = []
        for n, name in enumerate(("A", "B")):
            coach = Coach(storages[n], time.clock)
            made = ReminderDispatcher(coach.recap, posts.sender(name),
                                      DispatchSettings(owner=f"process-{name}", batch_size=4),
                                      clock=time.clock, sleep=time.sleep_for(name))
            made.pace = Pacer(1000.0, lambda: 0.0, _yield)
            dispatchers.append(made)
            time.watch(name, made.start())
        try:
            await time.quiet()
            await time.move_to(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
            assert sorted(p.user_id for p in posts.posts) == servers  # one POST each
            assert posts.by("A") and posts.by("B")
            await time.move_to(datetime(2026, 11, 30, 9, 0, tzinfo=UTC))
            assert all(len(posts.inbox(guild)) == 2 for guild in servers)  # one a week
        finally:
            for made in dispatchers:
                await made.stop()
