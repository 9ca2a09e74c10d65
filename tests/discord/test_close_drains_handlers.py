"""Closing the bot lets commands already running finish before the database closes."""

from __future__ import annotations

import asyncio

from bot.discord.client import _drain_handlers


async def test_running_handlers_finish_before_close_returns() -> None:
    finished: list[str] = []

    async def handler(name: str, seconds: float) -> None:
        await asyncio.sleep(seconds)
        finished.append(name)

    asyncio.get_running_loop().create_task(handler("log", 0.05), name="discord.py: on_message")
    asyncio.get_running_loop().create_task(handler("slash", 0.05), name="CommandTree-invoker")
    other = asyncio.get_running_loop().create_task(handler("other", 0.5), name="unrelated")
    await _drain_handlers(2.0)
    assert sorted(finished) == ["log", "slash"]  # waited for; the unrelated task was not
    other.cancel()


async def test_a_stuck_handler_does_not_hold_the_close_forever() -> None:
    stuck = asyncio.get_running_loop().create_task(asyncio.sleep(60), name="discord.py: stuck")
    loop = asyncio.get_running_loop()
    start = loop.time()
    await _drain_handlers(0.1)
    assert loop.time() - start < 1.0 and not stuck.done()
    stuck.cancel()
