"""Fuzzing the parser and the coach's log path with generated text (run outside CI).

Inputs are mutations of real log lines (characters dropped, doubled, swapped,
replaced; tokens shuffled; unicode, control characters, mentions, SQL, markdown
spliced in) and plain random text. Every input goes through ``parse_log``; every
input also goes through ``Coach.log`` on an in-memory SQLite database. A failure
is any exception, or a reply that is neither saved nor a clear error.

    python -m bench.fuzz [COUNT] [SEED]      (default 1,000,000 inputs)
"""

from __future__ import annotations

import asyncio
import random
import sys
import time
import traceback
from datetime import UTC, date, datetime, timedelta

from bench.corpus import corpus
from bot.coach import Coach
from bot.coach.cooldown import Cooldown
from bot.domain.catalogue import default_catalogue
from bot.domain.models import ParseError
from bot.domain.notation import parse_log
from bot.storage.sqlite import SQLiteStorage

SPLICES = (
    "@everyone", "<@&123>", "<@!42>", "'; DROP TABLE entries; --", "**", "__", "`", "~~", "||",
    "\x00", "\x1b[31m", "\u202e", "\u200b", "😀", "ß", "×", "，", "١٢٣", "NaN", "inf", "1e309",
    "-0", "9" * 30, ";", "\n", "\r\n", "\t", "  ", "x", "@", "+", "/", ",", "-", ".", "rir",
    "rpe", "f", "ds", "bw", "kg", "lb", "yesterday", "2026-02-30", "0000-01-01",
)


def mutate(line: str, rng: random.Random) -> str:
    chars = list(line)
    for _ in range(rng.randrange(1, 5)):
        op = rng.randrange(6)
        pos = rng.randrange(len(chars) + 1)
        if op == 0 and chars:
            del chars[min(pos, len(chars) - 1)]
        elif op == 1 and chars:
            chars.insert(pos, chars[min(pos, len(chars) - 1)])
        elif op == 2:
            chars[pos:pos] = list(rng.choice(SPLICES))
        elif op == 3 and len(chars) > 1:
            i, j = rng.randrange(len(chars)), rng.randrange(len(chars))
            chars[i], chars[j] = chars[j], chars[i]
        elif op == 4:
            chars.insert(pos, chr(rng.randrange(0x20, 0x2FFF)))
        else:
            words = "".join(chars).split(" ")
            rng.shuffle(words)
            chars = list(" ".join(words))
    return "".join(chars)


def generate(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    base = corpus(5_000, seed)
    out = []
    for i in range(count):
        kind = i % 10
        if kind < 7:
            out.append(mutate(rng.choice(base), rng))
        elif kind < 9:
            out.append("".join(chr(rng.randrange(0, 0x3000)) for _ in range(rng.randrange(0, 80))))
        else:
            out.append(" ; ".join(rng.choice(base) for _ in range(rng.randrange(1, 30))))
    return out


async def fuzz(count: int, seed: int) -> int:
    inputs = generate(count, seed)
    catalogue = default_catalogue()
    today = date(2026, 11, 26)
    failures: list[str] = []
    start = time.perf_counter()
    read = 0
    for text in inputs:
        try:
            result = parse_log(text, catalogue, today=today)
            read += isinstance(result, tuple)
            if not isinstance(result, tuple | ParseError):
                failures.append(f"parser returned {type(result)} for {text!r}")
        except Exception:
            failures.append(f"parser raised on {text!r}:\n{traceback.format_exc()}")
    parse_seconds = time.perf_counter() - start
    print(f"parser: {count:,} inputs in {parse_seconds:.0f} s, {read:,} read as logs, "
          f"{len(failures)} failures", flush=True)

    storage = await SQLiteStorage.open(":memory:")
    clock = [datetime(2026, 11, 26, 12, tzinfo=UTC)]
    coach = Coach(storage, lambda: clock[0], cooldown=Cooldown(10**9, 1))
    start = time.perf_counter()
    saved = 0
    for i, text in enumerate(inputs):
        clock[0] += timedelta(seconds=1)
        try:
            reply = await coach.logbook.log(f"fuzz{i % 5_000}", "fuzz-guild", text)
            saved += reply.saved
            if not reply.saved and not (reply.is_error and len(reply.lines) >= 3):
                failures.append(f"unclear reply to {text!r}: {reply}")
        except Exception:
            failures.append(f"coach.log raised on {text!r}:\n{traceback.format_exc()}")
        if (i + 1) % 100_000 == 0:
            print(f"  coach: {i + 1:,} done", flush=True)
    await storage.close()
    print(f"coach.log: {count:,} inputs in {time.perf_counter() - start:.0f} s, {saved:,} saved, "
          f"{len(failures)} failures in all", flush=True)
    for failure in failures[:20]:
        print(failure)
    return len(failures)


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    s = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    sys.exit(1 if asyncio.run(fuzz(n, s)) else 0)
