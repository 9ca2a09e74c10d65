"""End to end: /log interactions through the real discord.py client and the fake Discord.

The bot runs in its own process; this process plays Discord. It sends 50 /log
interactions a second for 20 s and times each from INTERACTION_CREATE leaving the
fake gateway to the interaction callback reaching the fake's REST side
(target p99 < 100 ms). Then it measures the bot process's memory after 10,000
different lifters have logged (target RSS < 80 MB).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.machine import describe
from tests.fakediscord import FakeDiscord

RATE = 50
SECONDS = 20
LIFTERS = 10_000
RSS_TARGET_MB = 80
ENTRIES = ("squat 5x5 @100kg rir2", "bench 3x8 @80 rir1", "leg extension 3x12 f",
           "curl 3x10 rir1", "rdl 3x8 @120kg rir2")


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="utf-8") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


async def one(fake: FakeDiscord, guild, channel, user, text: str) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    ix = await fake.slash(guild, channel, user, "log", {"entry": text})
    await fake.wait_response(ix, 10)
    return time.perf_counter() - start


async def main(rate: int = RATE, seconds: int = SECONDS, lifters: int = LIFTERS) -> None:
    print(describe())
    fake = FakeDiscord()
    guild = fake.add_guild("bench")
    channel = fake.add_channel(guild, "gym")
    users = [fake.add_member(guild, f"lifter{i}") for i in range(lifters)]
    await fake.start()
    with tempfile.TemporaryDirectory() as tmp:
        profile = os.environ.get("BENCH_PROFILE")  # a path: profile the bot process there
        runner = ["-m", "cProfile", "-o", profile] if profile else []
        proc = await asyncio.create_subprocess_exec(
            sys.executable, *runner, "-m", "bench.bot_process", str(fake.port),
            str(Path(tmp) / "b.db"), stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        try:
            assert proc.stdout is not None and proc.stdin is not None
            line = (await proc.stdout.readline()).decode()
            assert line.strip() == "READY", line
            print(f"bot process ready, RSS {rss_mb(proc.pid):.0f} MB with {lifters:,} members")
            # warm up
            await one(fake, guild, channel, users[0], ENTRIES[0])
            tasks: list[asyncio.Task[float]] = []
            start = time.perf_counter()
            for i in range(rate * seconds):
                target = start + i / rate
                delay = target - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                user = users[(i + 1) % len(users)]
                tasks.append(asyncio.create_task(
                    one(fake, guild, channel, user, ENTRIES[i % len(ENTRIES)])))
            times = sorted(await asyncio.gather(*tasks))
            wall = time.perf_counter() - start
            p50 = statistics.median(times) * 1000
            p99 = times[int(len(times) * 0.99) - 1] * 1000
            print(f"e2e /log: {len(times)} interactions at {len(times) / wall:.1f}/s; "
                  f"p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {times[-1] * 1000:.1f} ms "
                  f"(target p99 < 100 ms: {100 / p99:.2f}× headroom)")
            done = rate * seconds + 1
            batch = 100
            for first in range(done, lifters, batch):
                await asyncio.gather(*(
                    one(fake, guild, channel, users[j], ENTRIES[j % len(ENTRIES)])
                    for j in range(first, min(first + batch, lifters))))
            rss = rss_mb(proc.pid)
            print(f"memory: bot process RSS {rss:.0f} MB after {lifters:,} lifters logged "
                  f"(target < {RSS_TARGET_MB} MB: {rss / RSS_TARGET_MB:.2f} of it)")
        finally:
            if proc.stdin:
                proc.stdin.close()
            try:
                await asyncio.wait_for(proc.wait(), 20)
            except TimeoutError:
                proc.kill()
            await fake.stop()


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:4]]
    asyncio.run(main(*args))
