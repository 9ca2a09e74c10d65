"""/leaderboard and /stats latency on a server of 10,000 members with 1,000,000 sets.

The data is written straight through the storage's driver with executemany into a
fresh SQLite file (the board triggers of migration 003 run for every row, as they
would for real logs). Activity is skewed like a real server: most members train now
and then, a few train most days; members live in six time zones, most have a
profile with a weekly target, some changed it lately, 2% opted out, a fifth are on
a second server too.

Then, through the coach service (what a command costs, minus Discord):
``/leaderboard`` for each metric and window (p50/p95 of repeated calls; target
<= 20 ms for the default board: query plus ranking), and ``/stats`` for a typical
and for the busiest lifter. Run: ``python -m bench.bench_leaderboard [--db PATH]``
(an existing PATH is reused, so the data is generated once).
"""

from __future__ import annotations

import argparse
import asyncio
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


async def measure(path: Path) -> None:
    storage = await SQLiteStorage.open(path)
    clock = [NOW]
    coach = Coach(storage, lambda: clock[0])
    boards = coach.boards
    counts = await storage.driver.fetchone(
        "SELECT (SELECT COUNT(*) FROM sets), (SELECT COUNT(*) FROM entries),"
        " (SELECT COUNT(*) FROM guild_members WHERE guild_id = ?),"
        " (SELECT COUNT(*) FROM board_days WHERE guild_id = ?)", (GUILD, GUILD))
    assert counts is not None
    print(f"data: {counts[0]:,} sets, {counts[1]:,} entries, {counts[2]:,} members, "
          f"{counts[3]:,} board days in the server")
    caller = user_id(1)
    default = await boards.leaderboard(GUILD, caller)
    print(f"default board: {default.reply.footer}")

    async def forget() -> None:  # no board kept in memory or stored: every day is read
        boards._keeper._kept.clear()
        await storage.driver.execute("DELETE FROM board_cache")

    def restart() -> None:  # a process that starts: the stored board is read
        boards._keeper._kept.clear()

    p50, p95 = await timed(lambda: boards.ranking(GUILD, "adherence", "4w"), CALLS, forget)
    print(f"query + ranking, computed afresh (adherence, 4w), {CALLS} calls: "
          f"p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    p50, p95 = await timed(lambda: boards.leaderboard(GUILD, caller), CALLS, forget)
    print(f"/leaderboard computed afresh: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    await boards.save_kept(every=timedelta(0))  # what the bot's upkeep task does
    p50, p95 = await timed(lambda: boards.leaderboard(GUILD, caller), CALLS, restart)
    print(f"/leaderboard in a process that just started (stored board read): p50 {p50:.1f} ms,"
          f" p95 {p95:.1f} ms (target <= 20 ms)")
    p50, p95 = await timed(lambda: boards.leaderboard(GUILD, caller), CALLS)
    print(f"/leaderboard unchanged board (change check + page): p50 {p50:.1f} ms, "
          f"p95 {p95:.1f} ms (target <= 20 ms)")
    p50, p95 = await timed(lambda: boards.leaderboard(GUILD, caller, page=7), CALLS)
    print(f"/leaderboard page 7 (a button press): p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    await updated_boards(coach, clock, caller)
    for metric in ("adherence", "streak", "days", "discipline"):
        for window in ("4w", "12w", "all"):
            p50, p95 = await timed(
                lambda m=metric, w=window: boards.leaderboard(GUILD, caller, m, w), 10, forget)
            print(f"/leaderboard {metric} {window}, computed afresh: p50 {p50:.1f} ms, "
                  f"p95 {p95:.1f} ms")
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


async def updated_boards(coach: Coach, clock: list[datetime], caller: str) -> None:
    """The kept board after members trained: only the changed lifters are recomputed."""
    boards = coach.boards
    rng = random.Random(9)
    logged = 0

    async def train(count: int, upkeep: str) -> None:
        nonlocal logged
        for _ in range(count):
            logged += 1
            clock[0] = NOW + timedelta(seconds=logged)
            reply = await coach.logbook.log(user_id(rng.randrange(MEMBERS)), GUILD,
                                    "squat 5x5 @100kg rir2")
            assert reply.saved, reply
        if upkeep != "none":  # what the bot's upkeep task does every 5 seconds
            await boards.catch_up()
        if upkeep == "refreshed":
            await boards.refresh_kept()

    labels = {"none": "before the upkeep task ran (the call folds them in)",
              "folded": "folded into the tables by the upkeep task",
              "refreshed": "folded in and the kept board refreshed by the upkeep task"}
    for count in (1, 10, 100):
        for upkeep, how in labels.items():
            p50, p95 = await timed(lambda: boards.leaderboard(GUILD, caller), CALLS,
                                   lambda c=count, u=upkeep: train(c, u))
            print(f"/leaderboard after {count} new log(s), {how}: p50 {p50:.1f} ms, "
                  f"p95 {p95:.1f} ms (target <= 20 ms)")
    # From Thursday 18:00 UTC, Monday begins 65 h later in Tongatapu (UTC+13), 69 h in
    # Tokyo, 77 h in Berlin, 78 h in UTC (also every lifter without a profile: about
    # half of them), 83 h in New York and 88 h in Honolulu. The clock steps through
    # these moments twice: requests only, then with the upkeep task before each.
    moments = (("midnight in Europe/Berlin (same week)", 5.1),
               ("Monday begins in Pacific/Tongatapu", 65.1),
               ("Monday begins in Asia/Tokyo", 69.1),
               ("Monday begins in Europe/Berlin", 77.1),
               ("Monday begins in UTC (and for lifters without a profile)", 78.1),
               ("Monday begins in America/New_York", 83.1),
               ("Monday begins in Pacific/Honolulu, the last zone", 88.1))
    for upkeep in (False, True):
        clock[0] = NOW
        boards._keeper._kept.clear()
        await storage_of(coach).driver.execute("DELETE FROM board_cache")
        await boards.leaderboard(GUILD, caller)
        for label, hours in moments:
            clock[0] = NOW + timedelta(hours=hours)
            background = ""
            if upkeep:
                start = time.perf_counter()
                await boards.refresh_kept()
                background = (f" (the upkeep task before it: "
                              f"{(time.perf_counter() - start) * 1000:.1f} ms)")
            start = time.perf_counter()
            await boards.leaderboard(GUILD, caller)
            took = (time.perf_counter() - start) * 1000
            print(f"/leaderboard right after {label}: {took:.1f} ms{background}")
    clock[0] = NOW


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
