"""/leaderboard and /stats latency on a server of 10,000 members with 1,000,000 sets.

The data is written straight through the storage's driver with executemany into a
fresh SQLite file (the board triggers of migration 003 run for every row, as they
would for real logs). Activity is skewed like a real server: most members train now
and then, a few train most days; members live in six time zones, most have a
profile with a weekly target, some changed it lately, 2% opted out, a fifth are on
a second server too.

Then, through the coach service (what a command costs, minus Discord), the default
``/leaderboard`` in every case a request meets (target <= 20 ms p95): the kept board,
1, 10 and 100 logs between views, a zone's date or week turning, a process that just
started, a server's first board (answered at once, built behind); each in rounds,
min-median-max of the rounds' p50 and p95. Then every board's first build, and
``/stats`` for a typical and for the busiest lifter.
Run: ``python -m bench.bench_leaderboard [--db PATH]`` (an existing PATH is reused, so
the data is generated once).
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import os
import random
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bench.machine import describe
from bot.coach import Coach
from bot.domain.catalogue import default_catalogue
from bot.storage.sqlite import SQLiteStorage

NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
GUILD = "900000000000000001"
OTHER_GUILD = "900000000000000002"
MEMBERS = 10_000
SETS = 1_000_000
DAYS = 182
ZONES = ("UTC", "Europe/Berlin", "America/New_York", "Pacific/Honolulu",
         "Pacific/Tongatapu", "Asia/Tokyo")
CALLS = 50
LOG_CALLS = {1: 50, 10: 20, 100: 6}  # views per round, each after that many logs
ROUNDS = 3
TURN_CALLS = 20
FIRST_ROUNDS = 3

_ENTRY = ("INSERT INTO entries (entry_id, user_id, guild_id, exercise_key, exercise_name, tier,"
          " performed_at, local_date, created_at, source)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'log')")
_SET = ("INSERT INTO sets (entry_id, position, reps, load_kg, bodyweight, rir, rir_max, failure,"
        " technique, warmup, amrap) VALUES (?, ?, ?, ?, 0, ?, NULL, ?, NULL, ?, 0)")


def user_id(i: int) -> str:
    return str(10**17 + i * 7919)  # snowflake-sized ids


async def generate(path: Path) -> float:
    """Write the server's history; returns the seconds it took."""
    started = time.perf_counter()
    rng = random.Random(5)
    storage = await SQLiteStorage.open(path)
    by_tier = {t: [e for e in default_catalogue() if e.tier == t][:15] for t in "ABCD"}
    weights = [rng.expovariate(1.0) for _ in range(MEMBERS)]
    sessions_wanted = SETS / 11  # about 3 entries of 4 sets a session, and some to spare
    members, profiles, targets, entries, sets = [], [], [], [], []
    entry_id = 0
    for i, weight in enumerate(weights):
        uid = user_id(i)
        members.append((GUILD, uid, int(rng.random() < 0.02), NOW))
        if rng.random() < 0.2:
            members.append((OTHER_GUILD, uid, 0, NOW))
        if rng.random() < 0.6:
            target = rng.choice((2, 3, 3, 4, 5))
            profiles.append((uid, rng.choice(ZONES), target, NOW))
            targets.append((uid, date(2026, 1, 5), target))
            if rng.random() < 0.08:
                targets.append((uid, NOW.date() - timedelta(days=rng.randrange(60)),
                                rng.choice((2, 3, 4))))
        sessions = min(DAYS, round(weight * sessions_wanted / MEMBERS))
        for back in rng.sample(range(DAYS), sessions):
            day = NOW.date() - timedelta(days=back)
            at = datetime(day.year, day.month, day.day, 17, tzinfo=UTC)
            for _ in range(rng.randint(2, 4)):
                tier = rng.choice("ABCD")
                exercise = rng.choice(by_tier[tier])
                entry_id += 1
                guild = GUILD if rng.random() < 0.9 else OTHER_GUILD
                entries.append((entry_id, uid, guild, exercise.key, exercise.name, tier, at,
                                day, at))
                for position in range(rng.randint(3, 5)):
                    rir = None if rng.random() < 0.1 else float(rng.choice((0, 1, 2, 2, 3, 4)))
                    warmup = int(position == 0 and rng.random() < 0.2)
                    sets.append((entry_id, position, rng.randint(3, 12),
                                 float(20 + rng.randrange(120)), rir, int(rir == 0), warmup))
    assert len(sets) >= SETS, len(sets)
    sets = sets[:SETS]
    entries = entries[:sets[-1][0]]
    driver = storage.driver
    async with driver.transaction() as tx:
        await tx.executemany("INSERT INTO guild_members (guild_id, user_id, opted_out, joined_at)"
                             " VALUES (?, ?, ?, ?)", members)
        await tx.executemany("INSERT INTO users (user_id, unit, goal, timezone, weekly_target,"
                             " created_at) VALUES (?, 'kg', 'general', ?, ?, ?)", profiles)
        await tx.executemany("INSERT INTO target_history (user_id, effective_from, target)"
                             " VALUES (?, ?, ?) ON CONFLICT (user_id, effective_from) DO NOTHING",
                             targets)
        for start in range(0, len(entries), 50_000):
            await tx.executemany(_ENTRY, entries[start:start + 50_000])
        for start in range(0, len(sets), 100_000):
            await tx.executemany(_SET, sets[start:start + 100_000])
        # Each member's last log in a server, as logging there records it (migration 014).
        await tx.execute("UPDATE guild_members SET last_logged_at = COALESCE((SELECT"
                         " MAX(e.created_at) FROM entries e WHERE e.guild_id ="
                         " guild_members.guild_id AND e.user_id = guild_members.user_id),"
                         " joined_at)")
    await storage.catch_up_boards()  # the leaderboard tables, as the bot keeps them
    await storage.close()
    return time.perf_counter() - started


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


async def timed(call: Callable[[], Awaitable[object]], n: int,
                before: Callable[[], object] | None = None) -> tuple[float, float]:
    await call()  # warm the database pages, as a running bot has them
    samples = []
    for _ in range(n):
        if before is not None:
            ready = before()
            if isinstance(ready, Awaitable):
                await ready
        start = time.perf_counter()
        await call()
        samples.append(time.perf_counter() - start)
    return percentiles(samples)


def spread(values: list[float]) -> str:
    return f"{min(values):.1f}-{statistics.median(values):.1f}-{max(values):.1f}"


async def rounds(label: str, call: Callable[[], Awaitable[object]], n: int,
                 before: Callable[[], object] | None = None) -> None:
    """``ROUNDS`` rounds of ``n`` timed calls: min-median-max of each round's p50 and p95."""
    p50s, p95s = [], []
    for _ in range(ROUNDS):
        p50, p95 = await timed(call, n, before)
        p50s.append(p50)
        p95s.append(p95)
    print(f"{label}: p50 {spread(p50s)} ms, p95 {spread(p95s)} ms (min-median-max of "
          f"{ROUNDS} rounds of {n})")


KEY = (GUILD, "adherence", "4w")


async def measure(path: Path) -> None:
    storage = await SQLiteStorage.open(path)
    clock = [NOW]
    coach = Coach(storage, lambda: clock[0])
    boards = coach.boards
    keeper = boards._keeper
    counts = await storage.driver.fetchone(
        "SELECT (SELECT COUNT(*) FROM sets), (SELECT COUNT(*) FROM entries),"
        " (SELECT COUNT(*) FROM guild_members WHERE guild_id = ?),"
        " (SELECT COUNT(*) FROM board_days WHERE guild_id = ?)", (GUILD, GUILD))
    assert counts is not None
    print(f"data: {counts[0]:,} sets, {counts[1]:,} entries, {counts[2]:,} members, "
          f"{counts[3]:,} board days in the server")
    caller = user_id(1)
    await first_board(coach)
    default = await boards.leaderboard(GUILD, caller)
    print(f"default board: {default.reply.footer}")
    await rounds("/leaderboard, kept board unchanged (change check + page)",
                 lambda: boards.leaderboard(GUILD, caller), CALLS)
    await rounds("/leaderboard page 7 (a button press)",
                 lambda: boards.leaderboard(GUILD, caller, page=7), CALLS)
    await updated_boards(coach, clock, caller)
    await boards.save_kept(every=timedelta(0))  # what the bot's upkeep task does

    def restart() -> None:  # a process that starts: the stored board is read
        keeper._kept.clear()

    reads: list[float] = []

    async def restart_and_read() -> None:  # ... and reads its stored boards at start
        restart()
        start = time.perf_counter()
        await boards.load_stored([GUILD])
        reads.append((time.perf_counter() - start) * 1000)

    await rounds("/leaderboard in a process that just started, its stored boards read at "
                 "start", lambda: boards.leaderboard(GUILD, caller), CALLS, restart_and_read)
    print(f"  reading the stored boards at start, off the request path: {spread(reads)} ms")
    await rounds("/leaderboard in a process that just started, asked before the start-up "
                 "read (the request reads the stored board)",
                 lambda: boards.leaderboard(GUILD, caller), CALLS, restart)
    print(f"lifters on the board now: {len(await boards.ranking(*KEY))}")
    await turns(coach, clock, caller)
    await first_board(coach)
    await every_board(coach)
    busiest = await storage.driver.fetchval(
        "SELECT user_id FROM entries GROUP BY user_id ORDER BY COUNT(*) DESC LIMIT 1")
    for who in (user_id(1), busiest):
        sets = await storage.driver.fetchval(
            "SELECT COUNT(*) FROM sets s JOIN entries e ON e.entry_id = s.entry_id"
            " WHERE e.user_id = ?", (who,))
        p50, p95 = await timed(lambda u=who: coach.progress.stats(u), CALLS)
        print(f"/stats, a lifter with {sets:,} sets: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    await storage.close()


def storage_of(coach: Coach) -> SQLiteStorage:
    storage: SQLiteStorage = coach.storage  # type: ignore[assignment]
    return storage


async def first_board(coach: Coach) -> None:
    """A server's first board: the request answers at once, the board is built behind."""
    boards = coach.boards
    replies, builds = [], []
    for _ in range(FIRST_ROUNDS):
        boards._keeper._kept.clear()
        await storage_of(coach).driver.execute("DELETE FROM board_cache")
        start = time.perf_counter()
        reply = await boards.leaderboard(GUILD, user_id(1))
        replies.append((time.perf_counter() - start) * 1000)
        assert "being built" in reply.reply.title, reply.reply.title
        await boards.built()
        builds.append((time.perf_counter() - start) * 1000)
    print(f"/leaderboard, the server's first board: the reply {spread(replies)} ms "
          f"(\"being built\"), the board built behind it {spread(builds)} ms "
          f"(min-median-max of {FIRST_ROUNDS})")


async def every_board(coach: Coach) -> None:
    """Every board's first build (done in the background), one metric and window each."""
    for metric in ("adherence", "streak", "days", "discipline"):
        for window in ("4w", "12w", "all"):
            async def forget() -> None:
                coach.boards._keeper._kept.clear()
                await storage_of(coach).driver.execute("DELETE FROM board_cache")

            p50, _ = await timed(
                lambda m=metric, w=window: coach.boards.ranking(GUILD, m, w), 3, forget)
            print(f"building the {metric} {window} board in the background: p50 {p50:.0f} ms")


async def updated_boards(coach: Coach, clock: list[datetime], caller: str) -> None:
    """The kept board after members trained: only the changed lifters move."""
    boards = coach.boards
    rng = random.Random(9)
    logged = 0

    async def train(count: int, upkeep: bool) -> None:
        nonlocal logged
        for _ in range(count):
            logged += 1
            clock[0] = NOW + timedelta(seconds=logged)
            reply = await coach.logbook.log(user_id(rng.randrange(MEMBERS)), GUILD,
                                    "squat 5x5 @100kg rir2")
            assert reply.saved, reply
        if upkeep:  # what the bot's upkeep task does every 5 seconds
            await boards.catch_up()
            await boards.refresh_kept()

    for count in (1, 10, 100):
        for upkeep, how in ((False, "before the upkeep task ran (the request folds them in)"),
                            (True, "the upkeep task ran since")):
            await rounds(f"/leaderboard after {count} new log(s), {how}",
                         lambda: boards.leaderboard(GUILD, caller), LOG_CALLS[count],
                         lambda c=count, u=upkeep: train(c, u))


# From Thursday 18:00 UTC: midnight in Berlin (UTC+1) comes 5 h later (same week), Monday
# begins 65 h later in Tongatapu (UTC+13), 78 h in UTC (also every lifter without a
# profile: about half of them).
MOMENTS = (("midnight in Europe/Berlin (same week)", 5),
           ("Monday begins in Pacific/Tongatapu", 65),
           ("Monday begins in UTC (about half the lifters)", 78))


async def turns(coach: Coach, clock: list[datetime], caller: str) -> None:
    """A zone's date turning: the upkeep task prepared it minutes before (as it does in a
    running bot), then the request right after midnight; and the request alone."""
    for label, hours in MOMENTS:
        await one_turn(coach, clock, caller, label, NOW + timedelta(hours=hours))
    clock[0] = NOW + timedelta(hours=MOMENTS[-1][1], minutes=1)


async def one_turn(coach: Coach, clock: list[datetime], caller: str, label: str,
                   turn: datetime) -> None:
    boards = coach.boards
    keeper = boards._keeper
    clock[0] = turn - timedelta(minutes=5)
    await boards.leaderboard(GUILD, caller)
    before = copy.deepcopy(keeper._kept[KEY])
    prepared: list[float] = []

    async def ahead(prepare: bool = True) -> None:
        keeper._kept[KEY] = copy.deepcopy(before)
        clock[0] = turn - timedelta(minutes=5)
        if prepare:
            start = time.perf_counter()
            await boards.refresh_kept()
            prepared.append((time.perf_counter() - start) * 1000)
        clock[0] = turn + timedelta(seconds=1)

    await rounds(f"/leaderboard right after {label}, prepared by the upkeep task",
                 lambda: boards.leaderboard(GUILD, caller), TURN_CALLS, ahead)
    print(f"  the upkeep task preparing it, minutes before: {spread(prepared)} ms")
    await rounds(f"/leaderboard right after {label}, nothing prepared (request alone)",
                 lambda: boards.leaderboard(GUILD, caller), 3, lambda: ahead(False))


async def main(db: str | None) -> None:
    print(describe())
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(db) if db else Path(tmp) / "board.db"
        if not path.exists():
            seconds = await generate(path)
            print(f"generated {MEMBERS:,} members and {SETS:,} sets in {seconds:.1f} s")
        await measure(path)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="SQLite file to reuse (created when missing)")
    asyncio.run(main(parser.parse_args().db))
