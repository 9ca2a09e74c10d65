"""Reusable helpers for running a real discord.py client against :class:`FakeDiscord`."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import TypeVar

import discord
import pytest_asyncio

from .fake import FakeDiscord

ClientT = TypeVar("ClientT", bound=discord.Client)

FAST_GUILD_READY_TIMEOUT = 0.05


@contextlib.asynccontextmanager
async def run_bot(
    fake: FakeDiscord,
    bot: ClientT,
    token: str = "test-token",
    *,
    timeout: float = 5.0,  # noqa: ASYNC109
    fast_ready: bool = True,
) -> AsyncIterator[ClientT]:
    """Log ``bot`` in to ``fake``, connect it, wait for ``on_ready``; close it on exit.

    ``fast_ready`` shortens discord.py's wait for further GUILD_CREATEs after READY
    (two seconds by default) so tests stay quick. Login errors (e.g.
    :class:`discord.LoginFailure`) propagate from the ``async with``.
    """
    if fast_ready:
        state = bot._connection
        state.guild_ready_timeout = min(state.guild_ready_timeout, FAST_GUILD_READY_TIMEOUT)
    with fake.patch_discord():
        connect_task: asyncio.Task[None] | None = None
        body_failed = False
        try:
            await asyncio.wait_for(bot.login(token), timeout)
            connect_task = asyncio.create_task(bot.connect(reconnect=True))
            ready_task = asyncio.create_task(bot.wait_until_ready())
            done, _ = await asyncio.wait(
                {connect_task, ready_task}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
            )
            if ready_task not in done:
                ready_task.cancel()
                if connect_task in done:
                    connect_task.result()  # re-raise why the connection ended
                    raise RuntimeError("bot disconnected before becoming ready")
                raise TimeoutError(f"bot was not ready within {timeout}s")
            try:
                yield bot
            except BaseException:
                body_failed = True
                raise
        finally:
            await asyncio.wait_for(bot.close(), timeout)
            if connect_task is not None:
                try:
                    await asyncio.wait_for(connect_task, timeout)
                except (asyncio.CancelledError, discord.ConnectionClosed):
                    pass
                except Exception:
                    if not body_failed:
                        raise  # the gateway loop crashed during the test: surface it


@pytest_asyncio.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """A started :class:`FakeDiscord`, stopped after the test."""
    fake = FakeDiscord()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()
