"""Driving the bot like a user would, and reading back what it did."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any, TypeVar

import discord

from bot.discord.client import LiftBot
from bot.domain.models import StoredEntry
from bot.storage.sqlite import SQLiteStorage
from tests.fakediscord import Channel, FakeDiscord, Interaction, User

JSON = dict[str, Any]
T = TypeVar("T")
EPHEMERAL = 64
WAIT = 3.0
# Tasks discord.py starts for one gateway event: listeners, slash commands, views.
_HANDLER_TASKS = ("discord.py: ", "CommandTree-invoker", "discord-ui-")


async def settle(timeout: float = WAIT) -> None:  # noqa: ASYNC109
    """Wait until every handler discord.py started for past events has finished."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    me = asyncio.current_task()
    while True:
        busy = [t for t in asyncio.all_tasks()
                if t is not me and not t.done() and t.get_name().startswith(_HANDLER_TASKS)]
        if not busy:
            return
        remaining = deadline - loop.time()
        if remaining <= 0:
            raise TimeoutError(f"handlers still running: {[t.get_name() for t in busy]}")
        await asyncio.wait(busy, timeout=remaining)


async def _delivered(bot: LiftBot, event: str, check: Any, action: Awaitable[T]) -> T:
    waiter = asyncio.ensure_future(bot.wait_for(event, check=check, timeout=WAIT))
    await asyncio.sleep(0)  # let wait_for register its listener before the event is sent
    try:
        result = await action
        await waiter
    finally:
        waiter.cancel()
    await settle()
    return result


async def post(fake: FakeDiscord, bot: LiftBot, channel: Channel, author: User,
               content: str) -> JSON:
    """``author`` posts in ``channel``; returns once the bot has fully handled the post."""

    def is_it(message: discord.Message) -> bool:
        return message.author.id == author.id and message.channel.id == channel.id

    return await _delivered(bot, "message", is_it,
                            fake.send_message(channel, author, content))


async def react(fake: FakeDiscord, bot: LiftBot, channel: Channel, message: JSON, user: User,
                emoji: str) -> None:
    """``user`` reacts to ``message``; returns once the bot has fully handled it."""

    def is_it(payload: discord.RawReactionActionEvent) -> bool:
        return payload.user_id == user.id and payload.message_id == int(message["id"])

    await _delivered(bot, "raw_reaction_add", is_it,
                     fake.add_reaction(channel, message["id"], user, emoji))


def embed_text(embed: JSON) -> str:
    """Everything a user reads in an embed, as one string."""
    parts = [embed.get("title") or "", embed.get("description") or ""]
    for item in embed.get("fields") or []:
        parts += [item.get("name", ""), item.get("value", "")]
    parts.append((embed.get("footer") or {}).get("text", ""))
    return "\n".join(parts)


def response_text(data: JSON) -> str:
    """The plain content plus every embed of a message or response body."""
    return "\n".join([data.get("content") or "", *map(embed_text, data.get("embeds") or [])])


def only_embed(data: JSON) -> JSON:
    embeds = data.get("embeds") or []
    assert len(embeds) == 1, data
    embed: JSON = embeds[0]
    return embed


def is_ephemeral(data: JSON) -> bool:
    return bool(int(data.get("flags") or 0) & EPHEMERAL)


def buttons(data: JSON) -> list[JSON]:
    """Every button of a message or response body, at any depth."""
    found: list[JSON] = []

    def walk(items: list[JSON]) -> None:
        for item in items:
            if item.get("type") == 2:
                found.append(item)
            walk(item.get("components") or [])

    walk(data.get("components") or [])
    return found


async def answer(fake: FakeDiscord, ix: Interaction) -> JSON:
    """The message the bot answered an interaction with (type 4 only)."""
    response = await fake.wait_response(ix, timeout=WAIT)
    assert response["type"] == 4, response
    data = response["data"]
    assert isinstance(data, dict)
    return data


async def entries(storage: SQLiteStorage, user: User) -> list[StoredEntry]:
    return await storage.history(str(user.id), None, 50)
