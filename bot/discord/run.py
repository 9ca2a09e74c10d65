"""Running the Discord edge: logging, storage, the client, and a clean exit on a bad token."""

from __future__ import annotations

import asyncio
import logging
import sys

import discord

from bot.bootstrap import StorageUnavailable, running_coach
from bot.config import Settings
from bot.discord.client import LiftBot

log = logging.getLogger("liftcoach")


def configure_logging(level: str) -> None:
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    # discord.py logs full gateway payloads and aiosqlite every SQL parameter at DEBUG;
    # keep user text out of the logs.
    for noisy in ("discord", "aiosqlite"):
        logging.getLogger(noisy).setLevel(max(logging.INFO, logging.getLevelName(level)))


async def serve(settings: Settings) -> int:
    try:
        return await _serve(settings)
    except StorageUnavailable as err:
        print(f"liftcoach: {err}", file=sys.stderr)
        return 2


async def _serve(settings: Settings) -> int:
    async with running_coach(settings) as coach, LiftBot(settings, coach) as bot:
        try:
            await bot.start(settings.token or "")
        except discord.LoginFailure:
            print("liftcoach: Discord rejected DISCORD_TOKEN; create a new token in the "
                  "developer portal and set it again.", file=sys.stderr)
            return 1
        except discord.PrivilegedIntentsRequired:
            print("liftcoach: MESSAGE_CONTENT_INTENT=true but the intent is not enabled "
                  "for this bot in the developer portal; enable it or set it to false.",
                  file=sys.stderr)
            return 1
    return 0


def run_discord(settings: Settings) -> int:
    configure_logging(settings.log_level)
    try:
        return asyncio.run(serve(settings))
    except KeyboardInterrupt:
        return 0
