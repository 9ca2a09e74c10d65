"""Fixtures: the real LiftBot, logged in to a FakeDiscord on 127.0.0.1.

Every test gets a fresh fake server with one gym (a guild with a training channel,
a log channel, two lifters, an admin and the bot's owner) and a factory that builds
LiftBot instances on one SQLite file under ``tmp_path``, so a second bot built by
the same factory is a restart of the first.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import pytest_asyncio

from bot.coach import Coach
from bot.coach.cooldown import Cooldown
from bot.config import Settings
from bot.discord.client import LiftBot
from bot.storage.sqlite import SQLiteStorage
from tests.fakediscord import Channel, FakeDiscord, Guild, User, run_bot
from tests.helpers import FakeClock

TOKEN = "fake-token.liftcoach.Zq7XJ9pL2vT4"
READY_TIMEOUT = 5.0


@dataclass
class Gym:
    """The world the bot sees: one server and the people in it."""

    fake: FakeDiscord
    guild: Guild
    training: Channel
    log_channel: Channel
    lifter: User
    friend: User
    admin: User
    owner: User


@dataclass
class BotFactory:
    """Builds LiftBots sharing one database; closes their storage at the end."""

    fake: FakeDiscord
    gym: Gym
    db_path: Path
    clock: FakeClock
    storages: dict[int, SQLiteStorage] = field(default_factory=dict)

    async def build(
        self,
        *,
        intent: bool = True,
        dev_guild_id: int | None = None,
        owner_ids: frozenset[int] | None = None,
        members_intent: bool = False,
    ) -> LiftBot:
        settings = Settings(
            token=TOKEN,
            database_path=self.db_path,
            message_content_intent=intent,
            members_intent=members_intent,
            dev_guild_id=dev_guild_id,
            owner_ids=frozenset({self.gym.owner.id}) if owner_ids is None else owner_ids,
        )
        storage = await SQLiteStorage.open(self.db_path)
        # The clock stands still in these tests, so a lifter's logs would all fall in one
        # cooldown window; the cooldown itself is tested in tests/coach/test_logbook.py.
        bot = LiftBot(settings, Coach(storage, self.clock, cooldown=Cooldown(1000, 10)))
        self.storages[id(bot)] = storage
        return bot

    def run(self, bot: LiftBot) -> contextlib.AbstractAsyncContextManager[LiftBot]:
        """Log ``bot`` in to the fake and wait for READY; close it on exit."""
        return run_bot(self.fake, bot, TOKEN, timeout=READY_TIMEOUT, fast_ready=True)

    @contextlib.asynccontextmanager
    async def running(self, *, intent: bool = True, dev_guild_id: int | None = None
                      ) -> AsyncIterator[LiftBot]:
        bot = await self.build(intent=intent, dev_guild_id=dev_guild_id)
        async with self.run(bot) as started:
            yield started

    def storage(self, bot: LiftBot) -> SQLiteStorage:
        return self.storages[id(bot)]

    async def close(self) -> None:
        for storage in self.storages.values():
            await storage.close()
        self.storages.clear()


@pytest.fixture(autouse=True)
def no_discord_errors(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """discord.py only logs exceptions raised in listeners and views; fail the test on them."""
    caplog.set_level(logging.WARNING, logger="discord")
    yield
    errors = [r for r in caplog.records
              if r.name.startswith("discord") and r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as server:
        yield server


@pytest.fixture
def gym(fake: FakeDiscord) -> Gym:
    guild = fake.add_guild("Iron Temple")
    return Gym(
        fake=fake,
        guild=guild,
        training=fake.add_channel(guild, "training"),
        log_channel=fake.add_channel(guild, "lifting-log"),
        lifter=fake.add_member(guild, "lifter"),
        friend=fake.add_member(guild, "friend"),
        admin=fake.add_member(guild, "gym-admin", admin=True),
        owner=fake.add_member(guild, "bot-owner"),
    )


@pytest_asyncio.fixture
async def bots(fake: FakeDiscord, gym: Gym, tmp_path: Path,
               clock: FakeClock) -> AsyncIterator[BotFactory]:
    factory = BotFactory(fake, gym, tmp_path / "liftcoach.db", clock)
    try:
        yield factory
    finally:
        await factory.close()


@pytest_asyncio.fixture
async def bot(bots: BotFactory) -> AsyncIterator[LiftBot]:
    """A running LiftBot with the message content intent."""
    async with bots.running() as running:
        yield running


@pytest_asyncio.fixture
async def quiet_bot(bots: BotFactory) -> AsyncIterator[LiftBot]:
    """A running LiftBot without the message content intent."""
    async with bots.running(intent=False) as running:
        yield running
