"""Running the Discord edge: logging, storage, the client, and a clean exit on a bad token."""

from __future__ import annotations

import asyncio
import logging
import sys
from http import HTTPStatus

import aiohttp
import discord

from bot.bootstrap import StorageUnavailable, running_coach
from bot.config import Settings
from bot.discord.allocator import steady_allocator
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
    logging.getLogger("discord.client").addFilter(_each_try_once)


_SAID_BY_US = ("voice will NOT be supported", "logging in using static token")


def _each_try_once(record: logging.LogRecord) -> bool:
    """Drop discord.py's lines of every login (no voice library, logging in): the bot
    uses no voice, and a try to reach Discord is said once, by the retry line."""
    return not record.getMessage().endswith(_SAID_BY_US)


RETRY_LONGEST = 60.0  # the wait doubles after each failed try, up to this


async def serve(settings: Settings, *, tries: int | None = None,
                first_wait: float | None = None) -> int:
    """Run the bot; ``tries`` and ``first_wait`` default to the settings'
    (DISCORD_START_TRIES, DISCORD_RETRY_SECONDS)."""
    try:
        return await _serve(settings, tries=tries or settings.discord_start_tries,
                            first_wait=first_wait or settings.discord_retry_seconds)
    except StorageUnavailable as err:
        print(f"liftcoach: {err}", file=sys.stderr)
        return 2


async def _serve(settings: Settings, *, tries: int | None, first_wait: float) -> int:
    """Run the bot; while Discord cannot be reached, try again with a growing wait,
    one line per failed try (``tries`` bounds them; None tries for as long as it takes)."""
    wait = first_wait
    async with running_coach(settings) as coach:
        attempt = 0
        while True:
            attempt += 1
            try:
                async with LiftBot(settings, coach) as bot:
                    await bot.start(settings.token or "")
                return 0
            except (OSError, aiohttp.ClientError, TimeoutError, discord.GatewayNotFound,
                    discord.DiscordServerError) as err:  # down or unreachable: try again
                reason = _reason(err)
            except discord.LoginFailure:
                print("liftcoach: Discord rejected DISCORD_TOKEN; create a new token in the "
                      "developer portal and set it again.", file=sys.stderr)
                return 1
            except discord.PrivilegedIntentsRequired:
                print("liftcoach: a privileged intent is set (MESSAGE_CONTENT_INTENT or "
                      "MEMBERS_INTENT is true) but not enabled for this bot in the developer "
                      "portal; enable it there or set the variable to false.", file=sys.stderr)
                return 1
            except discord.HTTPException as err:  # never the body: it may echo what we sent
                print(f"liftcoach: Discord refused to log in ({_reason(err)}); check "
                      "DISCORD_TOKEN and try again later.", file=sys.stderr)
                return 1
            if tries is not None and attempt >= tries:
                print(f"liftcoach: cannot reach Discord ({reason}) after {attempt} tries; "
                      "giving up.", file=sys.stderr)
                return 1
            print(f"liftcoach: cannot reach Discord ({reason}), try {attempt}; trying "
                  f"again in {wait:g} s.", file=sys.stderr)
            await asyncio.sleep(wait)
            wait = min(RETRY_LONGEST, wait * 2)


def _reason(err: Exception) -> str:
    """What went wrong in a few words: an HTTP status and its standard phrase, or the
    kind of network error; never a server's response body."""
    if isinstance(err, discord.HTTPException):
        try:
            return f"HTTP {err.status} {HTTPStatus(err.status).phrase}"
        except ValueError:
            return f"HTTP {err.status}"
    return type(err).__name__


def run_discord(settings: Settings) -> int:
    configure_logging(settings.log_level)
    steady_allocator()
    try:
        return asyncio.run(serve(settings))
    except KeyboardInterrupt:
        return 0
