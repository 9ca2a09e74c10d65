"""Sharding in the fake: each gateway session hears only of its shard's guilds."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import discord
import pytest_asyncio

from tests.fakediscord import FakeDiscord, run_bot, shard_of

SHARDS = 2


class Listener(discord.AutoShardedClient):
    """A sharded client that keeps the guild messages it receives."""

    def __init__(self, shard_ids: list[int] | None) -> None:
        intents = discord.Intents.none()
        intents.guilds = intents.guild_messages = intents.dm_messages = True
        intents.message_content = True
        super().__init__(intents=intents, shard_count=SHARDS, shard_ids=shard_ids)
        self.heard: list[str] = []
        self.ended = asyncio.Event()

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """No five-second spacing between the IDENTIFYs of two shards: the fake has
        no identify rate limit."""

    async def on_message(self, message: discord.Message) -> None:
        self.heard.append(message.content)
        if message.content == "end":
            self.ended.set()


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as server:
        yield server


async def heard_end(*clients: Listener) -> None:
    await asyncio.wait_for(asyncio.gather(*(c.ended.wait() for c in clients)), 5)


async def test_a_chosen_shard_gives_a_guild_id_on_that_shard(fake: FakeDiscord) -> None:
    guilds = [fake.add_guild(f"g{n}", shard=(n % 3, 3)) for n in range(9)]
    assert [shard_of(g.id, 3) for g in guilds] == [n % 3 for n in range(9)]
    ids = [g.id for g in guilds]
    assert ids == sorted(set(ids))  # still unique and increasing
    later = fake.add_member(guilds[-1], "lifter")
    assert later.id > ids[-1]


async def test_each_shard_session_gets_only_its_guilds_and_their_events(
    fake: FakeDiscord,
) -> None:
    even = fake.add_guild("even gym", shard=(0, SHARDS))
    odd = fake.add_guild("odd gym", shard=(1, SHARDS))
    even_room, odd_room = fake.add_channel(even, "even"), fake.add_channel(odd, "odd")
    lifter = fake.add_member(even, "lifter")
    fake.world.join(odd, lifter)
    zero, one = Listener([0]), Listener([1])
    async with run_bot(fake, zero), run_bot(fake, one):
        assert sorted(s.shard for s in fake.live_sessions) == [(0, 2), (1, 2)]
        assert [g.id for g in zero.guilds] == [even.id]
        assert [g.id for g in one.guilds] == [odd.id]
        await fake.send_message(even_room, lifter, "in the even gym")
        await fake.send_message(odd_room, lifter, "in the odd gym")
        await fake.send_dm(lifter, "a direct message")
        # A last message on each shard: whatever was routed to a session before it
        # has been handled once it is heard.
        await fake.send_message(even_room, lifter, "end")
        await fake.send_message(odd_room, lifter, "end")
        await heard_end(zero, one)
    assert sorted(zero.heard) == ["a direct message", "end", "in the even gym"]  # DMs: shard 0
    assert one.heard == ["in the odd gym", "end"]


async def test_one_client_running_every_shard_sees_every_guild(
    fake: FakeDiscord,
) -> None:
    guilds = [fake.add_guild(f"gym {n}", shard=(n % SHARDS, SHARDS)) for n in range(4)]
    both = Listener(None)
    async with run_bot(fake, both):
        assert sorted(s.shard for s in fake.live_sessions) == [(0, 2), (1, 2)]
        assert sorted(g.id for g in both.guilds) == [g.id for g in guilds]
