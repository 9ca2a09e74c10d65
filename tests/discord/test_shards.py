"""Sharded processes: each LiftBot answers only its shards' guilds, all on one database.

Two LiftBots run in this test process as two deployments would run in two
processes: SHARD_COUNT=2, one with SHARD_IDS=0 and one with SHARD_IDS=1, each with
its own Coach and its own connection to the shared database (one SQLite file, or
one PostgreSQL schema when TEST_DATABASE_URL is set).
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import discord
import pytest
import pytest_asyncio

from bot.coach import Coach
from bot.coach.cooldown import Cooldown
from bot.config import Settings, load_settings
from bot.discord.client import LiftBot
from bot.storage.contract import Storage
from bot.storage.sqlite import SQLiteStorage
from tests.discord.conftest import TOKEN
from tests.discord.helpers import answer, response_text
from tests.discord.test_token import BOOT, ROOT
from tests.fakediscord import Channel, FakeDiscord, Guild, User, run_bot, shard_of
from tests.helpers import FakeClock, shared_postgres_storages

SHARDS = 2


@pytest_asyncio.fixture(params=["sqlite", "postgres"])
async def shared(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[list[Storage]]:
    """Two storages on one database: one per bot process."""
    if request.param == "postgres":
        async with shared_postgres_storages(SHARDS) as stores:
            yield list(stores)
        return
    path = tmp_path / "shared.db"
    stores = [await SQLiteStorage.open(path) for _ in range(SHARDS)]
    yield list(stores)
    for store in stores:
        await store.close()


@dataclass
class Gym:
    guild: Guild
    room: Channel


class ShardBot(LiftBot):
    """LiftBot that notes the interactions it received."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.received: list[int] = []

    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        self.received.append(interaction.id)


def build(shard: int, storage: Storage, clock: FakeClock) -> ShardBot:
    settings = Settings(token=TOKEN, shard_count=SHARDS, shard_ids=(shard,))
    return ShardBot(settings, Coach(storage, clock, cooldown=Cooldown(1000, 10)))


async def test_each_process_answers_its_own_shard_and_shares_the_database(
    shared: list[Storage], clock: FakeClock
) -> None:
    async with FakeDiscord() as fake:
        gyms = [Gym(g, fake.add_channel(g, "training")) for g in (
            fake.add_guild("Iron Temple", shard=(0, SHARDS)),
            fake.add_guild("Steel Barn", shard=(1, SHARDS)))]
        lifter: User = fake.add_member(gyms[0].guild, "lifter")
        fake.world.join(gyms[1].guild, lifter)
        assert [shard_of(g.guild.id, SHARDS) for g in gyms] == [0, 1]
        bots = [build(n, shared[n], clock) for n in range(SHARDS)]

        async with run_bot(fake, bots[0], TOKEN), run_bot(fake, bots[1], TOKEN):
            assert sorted(s.shard for s in fake.live_sessions) == [(0, 2), (1, 2)]
            for bot, gym in zip(bots, gyms, strict=True):
                assert [g.id for g in bot.guilds] == [gym.guild.id]  # only its shard's

            logs = [("squat 5x5 @100kg rir2", "back squat"), ("bench 3x8 @60kg rir1",
                                                              "bench press")]
            asked = []
            for gym, (entry, name) in zip(gyms, logs, strict=True):
                ix = await fake.slash(gym.guild, gym.room, lifter, "log", {"entry": entry})
                assert name in response_text(await answer(fake, ix))
                asked.append(ix)
            for ix, owner, other in ((asked[0], bots[0], bots[1]),
                                     (asked[1], bots[1], bots[0])):
                assert ix.id in owner.received and ix.id not in other.received
                assert len(fake.requests_to(f"/interactions/{ix.id}/", "POST")) == 1

            for gym in gyms:  # history is per lifter: either process shows both
                ix = await fake.slash(gym.guild, gym.room, lifter, "history")
                text = response_text(await answer(fake, ix))
                assert "back squat" in text and "bench press" in text

    for store in shared:
        stored = await store.history(str(lifter.id), None, 10)
        assert sorted(e.exercise.name for e in stored) == ["back squat", "bench press"]


async def test_shard_variables_reach_the_bot(tmp_path: Path, clock: FakeClock) -> None:
    storage = await SQLiteStorage.open(tmp_path / "liftcoach.db")
    try:
        env = {"DISCORD_TOKEN": TOKEN, "SHARD_COUNT": "4", "SHARD_IDS": "1,3"}
        bot = LiftBot(load_settings(env), Coach(storage, clock))
        assert (bot.shard_count, bot.shard_ids) == (4, [1, 3])
        assert bot.dispatcher.settings.owner.startswith("shards-1-3@")
        unsharded = LiftBot(load_settings({"DISCORD_TOKEN": TOKEN}), Coach(storage, clock))
        assert (unsharded.shard_count, unsharded.shard_ids) == (None, None)  # discord.py decides
    finally:
        await storage.close()


async def test_python_dash_m_bot_connects_the_configured_shard_only(tmp_path: Path) -> None:
    async with FakeDiscord() as fake:
        fake.add_guild("Iron Temple", shard=(0, SHARDS))
        mine = fake.add_guild("Steel Barn", shard=(1, SHARDS))
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
            "DISCORD_TOKEN": TOKEN,
            "DATABASE_PATH": str(tmp_path / "liftcoach.db"),
            "SHARD_COUNT": "2",
            "SHARD_IDS": "1",
            "FAKE_DISCORD_API": fake.api_url,
            "FAKE_DISCORD_GATEWAY": fake.gateway_url,
        }
        env.pop("DATABASE_URL", None)
        with (tmp_path / "stderr.txt").open("wb") as err:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-c", BOOT, cwd=tmp_path, env=env,
                stdout=asyncio.subprocess.DEVNULL, stderr=err,
            )
            try:
                await fake.wait_until(lambda: [s for s in fake.sessions if s.ready_sent] or None,
                                      30, "the process to identify")
            finally:
                process.terminate()
                await asyncio.wait_for(process.wait(), 30)
        [session] = [s for s in fake.sessions if s.identified]
        assert session.shard == (1, 2)
        identify = next(f for f in session.received if f["op"] == 2)
        assert identify["d"]["shard"] == [1, 2]
        assert session.owns(mine.id)
