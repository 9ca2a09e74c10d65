"""A process of many lifters logging at once, for the crash test (``crash.crash_at_once``).

Usage: ``python -m tests.reliability.burst DB LIFTERS EACH``. Each lifter logs EACH
times, one log after another; all lifters at once, through the coach the bot builds
(``bot.bootstrap``). A line ``✓ USER LOAD`` is printed as soon as a log's reply says
it was saved: the confirmation a lifter would see. Runs until every log is done.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bot.bootstrap import running_coach
from bot.config import Settings


def load_of(lifter: int, i: int) -> float:
    """Every log of a run has its own load, so a confirmation names its stored set."""
    return 10 + i * 100 + lifter * 0.25


async def main(db: Path, lifters: int, each: int) -> None:
    settings = Settings(database_path=db, log_cooldown_count=1000, log_cooldown_seconds=1.0)
    async with running_coach(settings) as coach:
        async def lifter(k: int) -> None:
            for i in range(each):
                load = load_of(k, i)
                reply = await coach.logbook.log(f"lifter{k}", "", f"curl 3x10 @{load:g}kg rir1")
                if reply.saved:
                    print(f"✓ lifter{k} {load:g}", flush=True)

        await asyncio.gather(*(lifter(k) for k in range(lifters)))


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])))
