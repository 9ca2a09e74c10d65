"""Several bot processes dispatching reminders from ONE PostgreSQL database.

Each "process" here is a Coach and a ReminderDispatcher on its own connection pool
to the same schema. They share one simulated wall clock (moving it wakes every
dispatcher that is due, together, so their claims really overlap in the database)
and one fake Discord DM endpoint.

What "exactly once" means in these tests: every lifter with a reminder due finds
exactly one reminder message in their DMs for that day. When no process dies, each
reminder is also POSTed exactly once in total. When a process dies after sending
but before recording, the reminders it had claimed are sent again after its lease
ends, under the same nonce, and the endpoint (like Discord with ``enforce_nonce``)
answers with the message it already has instead of creating a second one: the
lifter still receives one message.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from bot.bootstrap import dispatch_settings
from bot.coach import Coach
from bot.coach.pacing import Pacer
from bot.coach.reminder_dispatch import (
    DispatchSettings,
    DmRequest,
    Pace,
    ReminderDispatcher,
    SendResult,
)
from bot.config import Settings
from bot.storage.contract import ReminderOutcome
from bot.storage.postgres import PostgresStorage
from tests.helpers import REAL_TIMEOUT, Crash, shared_postgres_storages

START = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)  # a Thursday
DUE = START + timedelta(minutes=30)
LEASE = timedelta(minutes=5)
LIFTERS = [f"lifter{n:03}" for n in range(200)]


async def _yield(_: float) -> None:
    await asyncio.sleep(0)  # lets the other process run between two sends


class SharedTime:
    """One simulated wall clock for every process. ``move_to`` wakes at once each
    sleeper whose time has come, then waits until the processes sleep again."""

    def __init__(self, start: datetime) -> None:
        self.now = start
        self._sleepers: list[tuple[datetime, str, asyncio.Future[None]]] = []
        self._changed = asyncio.Event()
        self._tasks: dict[str, asyncio.Task[None]] = {}

    def clock(self) -> datetime:
        return self.now

    def _signal(self, *_: object) -> None:
        self._changed.set()

    def sleep_for(self, name: str) -> Callable[[float], Awaitable[None]]:
        """The ``sleep`` of process ``name``."""

        async def sleep(seconds: float) -> None:
            if seconds <= 0:
                await asyncio.sleep(0)
                return
            future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            entry = (self.now + timedelta(seconds=seconds), name, future)
            self._sleepers.append(entry)
            self._signal()
            try:
                await future
            finally:
                if entry in self._sleepers:
                    self._sleepers.remove(entry)

        return sleep

    def watch(self, name: str, task: asyncio.Task[None]) -> None:
        self._tasks[name] = task
        task.add_done_callback(self._signal)

    def _asleep(self, name: str) -> bool:
        task = self._tasks[name]
        return task.done() or any(n == name and not f.done() for _, n, f in self._sleepers)

    async def quiet(self, names: list[str] | None = None) -> None:
        """Wait (in real time, briefly) until each of these processes (default: all)
        is asleep or gone."""
        chosen = list(self._tasks) if names is None else names

        async def wait() -> None:
            while True:
                self._changed.clear()
                if all(self._asleep(name) for name in chosen):
                    return
                await self._changed.wait()

        await asyncio.wait_for(wait(), REAL_TIMEOUT)

    async def move_to(self, moment: datetime, names: list[str] | None = None) -> None:
        assert moment >= self.now
        self.now = moment
        for until, _, future in list(self._sleepers):
            if until <= moment and not future.done():
                future.set_result(None)
        await self.quiet(names)


@dataclass
class Post:
    """One POST of a reminder DM; ``created`` is False when the nonce was already known
    and the endpoint handed back the existing message."""

    sender: str
    user_id: str
    nonce: str
    at: datetime
    created: bool


@dataclass
class DmEndpoint:
    """Discord's DM endpoint as every process sees it (nonces honoured forever)."""

    time: SharedTime
    posts: list[Post] = field(default_factory=list)

    def inbox(self, user_id: str) -> list[Post]:
        """The messages the lifter actually has in their DMs."""
        return [p for p in self.posts if p.user_id == user_id and p.created]

    def by(self, sender: str) -> list[Post]:
        return [p for p in self.posts if p.sender == sender]

    def sender(self, name: str, hook: Callable[[int], Awaitable[None]] | None = None
               ) -> Callable[[DmRequest, Pace], Awaitable[SendResult]]:
        """The DM sender of process ``name``; ``hook(n)`` runs before its n-th POST."""
        count = 0

        async def send(request: DmRequest, pace: Pace) -> SendResult:
            nonlocal count
            await pace()
            count += 1
            if hook is not None:
                await hook(count)
            known = any(p.nonce == request.nonce and p.created for p in self.posts)
            self.posts.append(Post(name, request.user_id, request.nonce, self.time.now,
                                   created=not known))
            return SendResult("sent", f"dm-{request.user_id}")

        return send


@dataclass
class Process:
    """One bot process: its own pool on the shared schema, its coach and dispatcher."""

    name: str
    storage: PostgresStorage
    coach: Coach
    dispatcher: ReminderDispatcher
    dead: bool = False

    def die_on_record(self) -> None:
        """From now on the process records nothing: it is gone before it could."""
        real = self.coach.reminders.finish

        async def finish(outcomes: list[ReminderOutcome], now: datetime) -> None:
            if self.dead:
                raise Crash(f"{self.name} died before recording")
            await real(outcomes, now)

        self.coach.reminders.finish = finish  # type: ignore[method-assign]


@dataclass
class Cluster:
    time: SharedTime
    dms: DmEndpoint
    storages: list[PostgresStorage]
    processes: list[Process] = field(default_factory=list)

    def process(self, name: str, settings: DispatchSettings,
                hook: Callable[[int], Awaitable[None]] | None = None) -> Process:
        storage = self.storages[len(self.processes)]
        coach = Coach(storage, self.time.clock)
        dispatcher = ReminderDispatcher(coach.reminders, self.dms.sender(name, hook), settings,
                                        clock=self.time.clock, sleep=self.time.sleep_for(name))
        dispatcher.pace = Pacer(1000.0, lambda: 0.0, _yield)
        made = Process(name, storage, coach, dispatcher)
        self.processes.append(made)
        return made

    async def start(self, *processes: Process) -> None:
        for process in processes:
            self.time.watch(process.name, process.dispatcher.start())
        await self.time.quiet([p.name for p in processes])

    async def leases(self) -> dict[str, str]:
        rows = await self.storages[-1].driver.fetchall(
            "SELECT user_id, lease_owner FROM reminders WHERE lease_owner IS NOT NULL")
        return {r[0]: r[1] for r in rows}

    async def recorded_days(self) -> int:
        return int(await self.storages[-1].driver.fetchval(
            "SELECT COUNT(*) FROM reminders WHERE last_local_date = ?", (DUE.date(),)))


@pytest.fixture
async def cluster() -> AsyncIterator[Cluster]:
    async with shared_postgres_storages(3) as storages:
        time = SharedTime(START)
        made = Cluster(time, DmEndpoint(time), storages)
        setup = Coach(storages[2], time.clock)
        for user in LIFTERS:
            await setup.reminders.set(user, "18:30")
        yield made
        for process in made.processes:
            await process.dispatcher.stop()


def settings(owner: str, **options: object) -> DispatchSettings:
    return DispatchSettings(owner=owner, lease=LEASE, **options)  # type: ignore[arg-type]


async def test_concurrent_claims_never_hand_a_reminder_to_two_processes(
    cluster: Cluster,
) -> None:
    """Eight claimers over two pools race for 200 due reminders, five at a time."""
    now = DUE + timedelta(minutes=1)
    claimed: list[str] = []

    async def claimer(storage: PostgresStorage, owner: str) -> None:
        while rows := await storage.claim_due_reminders(now, 5, owner, LEASE):
            claimed.extend(r.user_id for r in rows)

    await asyncio.gather(*(claimer(cluster.storages[n % 2], f"claimer-{n}") for n in range(8)))
    assert sorted(claimed) == LIFTERS  # every reminder claimed, none by two claimers
    leases = await cluster.leases()
    assert len(leases) == 200 and len(set(leases.values())) > 1


async def test_two_processes_send_each_due_reminder_once(cluster: Cluster) -> None:
    a = cluster.process("A", settings("process-a", batch_size=25))
    b = cluster.process("B", settings("process-b", batch_size=25))
    await cluster.start(a, b)
    await cluster.time.move_to(DUE)
    assert len(cluster.dms.posts) == 200  # one POST per reminder in total
    assert sorted(p.user_id for p in cluster.dms.posts) == LIFTERS
    assert len({p.nonce for p in cluster.dms.posts}) == 200
    assert cluster.dms.by("A") and cluster.dms.by("B")  # both took part
    assert await cluster.recorded_days() == 200 and await cluster.leases() == {}
    await cluster.time.move_to(DUE + timedelta(days=1))
    assert all(len(cluster.dms.inbox(user)) == 2 for user in LIFTERS)  # one a day
    assert len(cluster.dms.posts) == 400


async def test_a_killed_process_leaves_its_claims_until_the_lease_ends(
    cluster: Cluster,
) -> None:
    sent_before_death = 20

    async def die_after_some(count: int) -> None:
        if count > sent_before_death:
            a.dead = True
            raise Crash("process A is killed mid-send")

    a = cluster.process("A", settings("process-a", batch_size=50, flush_every=50),
                        die_after_some)
    b = cluster.process("B", settings("process-b", batch_size=50, flush_every=50))
    a.die_on_record()
    await cluster.start(a, b)
    await cluster.time.move_to(DUE)

    assert a.dead and not a.dispatcher.running
    await a.storage.close()  # a dead process's connections are gone too
    held = {user for user, owner in (await cluster.leases()).items() if owner == "process-a"}
    assert len(held) == 50  # its whole batch stays claimed
    sent_by_a = {p.user_id for p in cluster.dms.by("A")}
    assert len(sent_by_a) == sent_before_death and sent_by_a <= held
    assert not held & {p.user_id for p in cluster.dms.by("B")}  # B left them alone
    assert len(cluster.dms.by("B")) == 150

    await cluster.time.move_to(DUE + LEASE - timedelta(seconds=1))
    assert len(cluster.dms.posts) == 170  # still leased: nothing more goes out
    await cluster.time.move_to(DUE + LEASE)
    late = [p for p in cluster.dms.by("B") if p.user_id in held]
    assert sorted(p.user_id for p in late) == sorted(held)  # sent once the lease ended
    assert all(p.at == DUE + LEASE for p in late)
    assert {p.user_id for p in late if not p.created} == sent_by_a  # same nonce: no copy
    assert all(len(cluster.dms.inbox(user)) == 1 for user in LIFTERS)
    assert await cluster.recorded_days() == 200 and await cluster.leases() == {}


async def test_a_second_process_with_the_same_shards_keeps_off_running_claims(
    cluster: Cluster,
) -> None:
    """Starting a process takes back leases under its own name only, so a second
    process configured with the same shards cannot free the first one's claims."""
    shards = Settings(shard_count=2, shard_ids=(0,))
    first_settings, second_settings = dispatch_settings(shards), dispatch_settings(shards)
    assert first_settings.owner != second_settings.owner
    reached, gate = asyncio.Event(), asyncio.Event()

    async def slow_network(count: int) -> None:
        if count == 5:
            reached.set()
            await gate.wait()  # the first process is alive, stuck mid-batch

    first = cluster.process("first", first_settings, slow_network)
    await cluster.start(first)
    await cluster.time.move_to(DUE, names=[])
    await asyncio.wait_for(reached.wait(), REAL_TIMEOUT)
    held = {u for u, o in (await cluster.leases()).items() if o == first_settings.owner}
    assert len(held) == first_settings.batch_size

    second = cluster.process("second", second_settings)
    await cluster.start(second)  # its start-up release must leave `first` alone
    assert len(cluster.dms.by("second")) == 200 - len(held)
    assert not held & {p.user_id for p in cluster.dms.by("second")}
    gate.set()
    await cluster.time.quiet()
    assert sorted(p.user_id for p in cluster.dms.posts) == LIFTERS
    assert all(p.created for p in cluster.dms.posts)  # nothing POSTed twice
    assert await cluster.recorded_days() == 200


def test_every_process_gets_its_own_lease_owner_named_after_its_shards() -> None:
    shards = Settings(shard_count=4, shard_ids=(2, 3))
    owners = {dispatch_settings(shards).owner for _ in range(3)}
    assert len(owners) == 3 and all(o.startswith("shards-2-3@") for o in owners)
    assert dispatch_settings(Settings()).owner.startswith("main@")


def test_the_lease_outlasts_a_batch_at_the_configured_rate() -> None:
    assert dispatch_settings(Settings()).lease == timedelta(minutes=1)
    slow = dispatch_settings(Settings(reminder_rate_per_second=0.5))
    batch = timedelta(seconds=2 * slow.batch_size / slow.rate_per_second)  # open + post
    assert slow.lease >= 2 * batch
