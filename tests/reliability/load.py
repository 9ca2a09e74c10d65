"""One lifter's bulk work beside everyone else's logs: the scenario of the reliability
test and of ``python -m bench.bench_load``.

Fifty lifters log one after another while one lifter imports the largest file allowed
(a Strong export of ``IMPORT_MAX_BYTES``, the default 5 MB: about 70,000 rows) and
another erases 10,000 entries of one day. What is measured is each log's wait: from
sending it to its reply.
"""

from __future__ import annotations

import asyncio
import statistics
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from bot.coach import Coach
from bot.coach.cooldown import Cooldown
from bot.domain.limits import IMPORT_MAX_BYTES
from bot.storage.contract import Storage
from tests.data_samples import sample_workouts, strong_comma
from tests.helpers import import_now
from tests.storage.bulk import same_day

NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
LIFTERS = 50
ERASED_ENTRIES = 10_000


def largest_export(limit: int = IMPORT_MAX_BYTES) -> bytes:
    """The longest Strong export of whole weeks that fits in ``limit`` bytes. Past what
    fits since 1980, a second program runs a day later each week (two a week)."""
    def export(weeks: int) -> bytes:
        layers = 1 + weeks // _WEEKS_SINCE_1980
        each = -(-weeks // layers)
        start = datetime(2026, 11, 2, 18, 2, 11) - timedelta(weeks=each)  # noqa: DTZ001
        workouts = [w for n in range(layers)
                    for w in sample_workouts(each, start + timedelta(days=n))]
        workouts.sort(key=lambda w: w.start)
        return strong_comma(workouts).encode()

    per_week = len(export(20)) / 20
    weeks = int(limit / per_week)
    data = export(weeks)
    while len(data) > limit:
        weeks -= 1
        data = export(weeks)
    return data


_WEEKS_SINCE_1980 = 2_300


@dataclass
class Waits:
    """Every log's wait, in seconds, by the lifters who only log."""

    seconds: list[float] = field(default_factory=list)
    during: int = 0  # logs answered while the bulk work ran

    @property
    def worst(self) -> float:
        return max(self.seconds)

    def line(self) -> str:
        ms = sorted(s * 1000 for s in self.seconds)
        p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
        return (f"{len(ms)} logs by {LIFTERS} lifters ({self.during} during the bulk work): "
                f"worst wait {ms[-1]:.0f} ms, p99 {p99:.0f} ms, "
                f"median {statistics.median(ms):.1f} ms")


@dataclass(frozen=True)
class Outcome:
    waits: Waits
    imported: str  # the confirm's title
    erased: str  # the erasure's title
    seconds: float


async def _lifter(coach: Coach, user: str, waits: Waits, busy: Callable[[], bool],
                  pause: float, offset: float) -> None:
    loop = asyncio.get_running_loop()
    await asyncio.sleep(offset)  # lifters arrive spread out, not all in one instant
    while busy():
        begin = loop.time()
        reply = await coach.logbook.log(user, "gym", "squat 5x5 @100 rir2")
        waits.seconds.append(loop.time() - begin)
        waits.during += busy()
        assert reply.saved, reply
        await asyncio.sleep(pause)


async def run_load(storage: Storage, data: bytes, pause: float = 1.0) -> Outcome:
    """The scenario on ``storage`` (empty): set up the lifter to erase, then the import,
    the erasure and the fifty lifters, each logging every ``pause`` seconds (by default
    50 logs a second in all, the end-to-end benchmark's rate)."""
    coach = Coach(storage, lambda: NOW, cooldown=Cooldown(count=10_000, seconds=1.0))
    await import_now(storage, "eraser", "gym", same_day(ERASED_ENTRIES), NOW)
    loop = asyncio.get_running_loop()

    async def import_file() -> str:
        preview = await coach.data.import_preview("importer", "gym", "strong.csv", data)
        assert preview.pending_id is not None, preview.reply
        done = await coach.data.import_confirm("importer", preview.pending_id)
        assert done.saved, done
        return done.title

    async def erase() -> str:
        await asyncio.sleep(0.5)  # while the file is being read
        done = await coach.data.forget_me_confirm("eraser")
        assert done.saved, done
        return done.title

    start = loop.time()
    work: list[asyncio.Task[str]] = [asyncio.ensure_future(import_file()),
                                      asyncio.ensure_future(erase())]
    waits = Waits()

    def busy() -> bool:
        return not all(t.done() for t in work)

    lifters = [_lifter(coach, f"lifter-{n}", waits, busy, pause, pause * n / LIFTERS)
               for n in range(LIFTERS)]
    everything: list[Awaitable[object]] = [*work, *lifters]
    results = await asyncio.gather(*everything)
    return Outcome(waits, str(results[0]), str(results[1]), loop.time() - start)
