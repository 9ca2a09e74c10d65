"""The real bot in its own process, pointed at a fake Discord on loopback (for benchmarks).

Usage: python -m bench.bot_process PORT DB_PATH
Prints READY once connected; runs until stdin closes.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import discord
import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.coach import Coach
from bot.coach.cooldown import Cooldown
from bot.config import Settings
from bot.discord.allocator import steady_allocator
from bot.discord.client import LiftBot
from bot.storage.sqlite import SQLiteStorage


async def main(port: int, db: Path) -> None:
    Route.BASE = f"http://127.0.0.1:{port}/api/v10"
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(f"ws://127.0.0.1:{port}/gateway")
    storage = await SQLiteStorage.open(db)
    settings = Settings(token="bench-token", database_path=db,
                        log_cooldown_count=1000, log_cooldown_seconds=1.0)
    cooldown = Cooldown(settings.log_cooldown_count, settings.log_cooldown_seconds)
    bot = LiftBot(settings, Coach(storage, cooldown=cooldown))
    bot._connection.guild_ready_timeout = 0.05
    loop = asyncio.get_running_loop()
    await bot.login("bench-token")
    runner = asyncio.create_task(bot.connect())
    await bot.wait_until_ready()
    print("READY", flush=True)
    await loop.run_in_executor(None, sys.stdin.read)
    await bot.close()
    await runner
    await storage.close()


if __name__ == "__main__":
    discord.utils.setup_logging(level=30)
    steady_allocator()  # as bot.discord.run does
    asyncio.run(main(int(sys.argv[1]), Path(sys.argv[2])))
