"""Imports staged, then published: a preview keeps its entries as rows, Confirm moves
them into the lifter's history a batch at a time.

A pending import (``pending_imports``) goes 'staging' -> 'ready' -> 'publishing' ->
gone, or to 'dropping' -> gone when cancelled, superseded or expired. Its entries wait
in ``import_entries`` and ``import_sets`` with the ids, sessions and log they will
have (migration 015). Every step is a short transaction of at most
``bulk.BATCH_ENTRIES`` entries, so no lifter waits on another's import:

- staging writes the rows, then marks the preview ready (a preview cut short by a
  crash is never ready, and is swept with the expired ones);
- publishing moves a batch into entries and sets, takes its days into the
  leaderboard tables and deletes its staged rows, all in one transaction; a crash
  leaves the rest staged and a start-up publishes it (:func:`finish_publishing`), so
  a confirmed import ends up stored whole, each entry once.

Entries another import already stored (the same fingerprint) are skipped by the
unique index of imported refs.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from bot.domain.limits import PENDING_IMPORTS
from bot.storage.contract import NewEntry, Published
from bot.storage.driver import Driver, Step
from bot.storage.ids import IdSource
from bot.storage.rows import MEMBER_LOGGED, SET_COLUMNS, marks, sessions_and_logs, set_values
from bot.storage.sql.boards import board_days_of, discipline_of
from bot.storage.sql.bulk import BATCH_ENTRIES, flag_steps

IMPORT_SOURCE = "import"

_STAGED = ("entry_id", "pending_id", "user_id", "custom", "exercise_key", "exercise_name",
           "tier", "performed_at", "local_date", "source_ref", "note", "pr", "session_id",
           "log_id")
_STAGE_ENTRY = (f"INSERT INTO import_entries ({', '.join(_STAGED)})"
                f" VALUES ({', '.join('?' for _ in _STAGED)})")
_SET_LIST = ", ".join(("entry_id", "position", *SET_COLUMNS))
_STAGE_SET = (f"INSERT INTO import_sets ({_SET_LIST})"
              f" VALUES ({', '.join('?' for _ in ('entry_id', 'position', *SET_COLUMNS))})")
# A moment as a parameter inside a SELECT: PostgreSQL must be told its type there.
_MOMENT = {"sqlite": "?", "postgres": "CAST(? AS TIMESTAMPTZ)"}
# A preview's next batch: day by day, so a day's entries go together.
_NEXT = ("SELECT entry_id FROM import_entries WHERE pending_id = ?"
         " ORDER BY local_date, entry_id LIMIT ?")


async def stage(
    driver: Driver, ids: IdSource, user_id: str, guild_id: str, summary: str,
    entries: Sequence[NewEntry], now: datetime, expired_before: datetime,
) -> int:
    """Keep a preview's entries until Confirm; returns the pending import's id.

    Sweeps expired previews (anyone's) and the lifter's older ones first, so at most
    ``PENDING_IMPORTS`` wait per lifter. Entries need ``source_ref`` (their fingerprint).
    """
    await _sweep(driver, user_id, expired_before)
    pending_id = int(await _write_value(
        driver, "INSERT INTO pending_imports (user_id, guild_id, created_at, payload, state)"
        " VALUES (?, ?, ?, ?, 'staging') RETURNING pending_id",
        (user_id, guild_id, now, summary)))
    firsts: dict[str, NewEntry] = {}
    for new in entries:
        if new.source_ref and new.source_ref not in firsts:
            firsts[new.source_ref] = new  # the same entry twice in a file: once
    fresh = list(firsts.values())
    entry_ids = ids.reserve(len(fresh), now)
    grouped = sessions_and_logs(entry_ids, fresh)
    for start in range(0, len(fresh), BATCH_ENTRIES):
        part = range(start, min(start + BATCH_ENTRIES, len(fresh)))
        await driver.batch([
            Step(_STAGE_ENTRY, many=[_staged(entry_ids[i], pending_id, user_id, fresh[i],
                                             grouped[i]) for i in part]),
            Step(_STAGE_SET, many=[(entry_ids[i], n, *set_values(s)) for i in part
                                   for n, s in enumerate(fresh[i].sets)]),
        ], write=True)
    await _write(driver, "UPDATE pending_imports SET state = 'ready'"
                 " WHERE pending_id = ? AND state = 'staging'", (pending_id,))
    return pending_id


async def publish(
    driver: Driver, user_id: str, pending_id: int, now: datetime
) -> Published | None:
    """Store a ready preview of the lifter's (None when there is none by that id)."""
    guild = await _write_value(
        driver, "UPDATE pending_imports SET state = 'publishing', created_at = ?"
        " WHERE user_id = ? AND pending_id = ? AND state = 'ready' RETURNING guild_id",
        (now, user_id, pending_id))
    if guild is None:
        return None
    return await _publish(driver, user_id, str(guild), pending_id, now)


async def finish_publishing(driver: Driver) -> list[int]:
    """Publish the rest of every confirmed import a crash interrupted; drop the rest of
    every cancelled one (at start-up). Returns the pending ids finished."""
    rows = await driver.fetchall(
        "SELECT pending_id, user_id, guild_id, created_at, state FROM pending_imports"
        " WHERE state IN ('publishing', 'dropping')")
    for pending_id, user_id, guild_id, created_at, state in rows:
        if state == "publishing":
            await _publish(driver, str(user_id), str(guild_id), int(pending_id), created_at)
        else:
            await _drop(driver, int(pending_id))
    return [int(r[0]) for r in rows]


async def drop(driver: Driver, user_id: str, pending_id: int) -> bool:
    """Cancel the lifter's waiting preview; False when there is none by that id."""
    found = await _write_value(
        driver, "UPDATE pending_imports SET state = 'dropping' WHERE user_id = ?"
        " AND pending_id = ? AND state IN ('staging', 'ready') RETURNING pending_id",
        (user_id, pending_id))
    if found is None:
        return False
    await _drop(driver, pending_id)
    return True


async def _publish(
    driver: Driver, user_id: str, guild_id: str, pending_id: int, now: Any
) -> Published:
    entries = sets = 0
    member = not guild_id  # a server's import makes the lifter a member, once
    while True:
        batch = [int(r[0]) for r in await driver.fetchall(_NEXT, (pending_id, BATCH_ENTRIES))]
        if not batch:
            break
        steps, (before, after) = _publish_steps(driver.engine, user_id, guild_id,
                                                pending_id, batch, now)
        rows = await driver.batch(steps, write=True)
        added = int(rows[after][0][0]) - int(rows[before][0][0])
        entries += added
        sets += int(rows[after][0][1]) - int(rows[before][0][1])
        if added and not member:
            # Joining (or coming back) takes every day of the lifter's onto the board
            # (the membership triggers); later batches' days come with the batch.
            await _write(driver, MEMBER_LOGGED, (guild_id, user_id, now, now))
            member = True
    await _write(driver, "DELETE FROM pending_imports WHERE pending_id = ?", (pending_id,))
    return Published(entries, sets)


def _publish_steps(
    engine: str, user_id: str, guild_id: str, pending_id: int, batch: list[int], now: Any
) -> tuple[list[Step], tuple[int, int]]:
    """One batch: own exercises, entries, sets, leaderboard rows, staged rows gone; and
    where the counts before and after its inserts are.

    The row triggers' work is done once for the batch: its days join the boards, and a
    day's discipline counts are recomputed once, by the batch that stores the last of
    its entries (batches go day by day), so a day of many thousand entries costs what
    its rows cost. PostgreSQL's row triggers on sets stand aside (the flag); SQLite's
    only queue the entries, and the batch takes them off the queue again.
    """
    within = f"entry_id IN ({marks(batch)})"
    counted = Step(f"SELECT (SELECT COUNT(*) FROM entries WHERE {within}),"
                   f" (SELECT COUNT(*) FROM sets WHERE {within})", (*batch, *batch), fetch=True)
    on, off = flag_steps(engine) if engine == "postgres" else ((), ())
    done_days = ("SELECT DISTINCT e.user_id, e.local_date FROM entries e"
                 f" WHERE e.{within} AND NOT EXISTS (SELECT 1 FROM import_entries i"
                 " WHERE i.pending_id = ? AND i.local_date = e.local_date)")
    discipline = discipline_of(done_days)
    steps = [
        *on,
        Step("INSERT INTO custom_exercises (user_id, key, name, tier)"
             " SELECT user_id, exercise_key, MAX(exercise_name), MAX(tier) FROM import_entries"
             f" WHERE {within} AND custom = 1 GROUP BY user_id, exercise_key"
             " ON CONFLICT (user_id, key) DO UPDATE SET"
             " tier = COALESCE(custom_exercises.tier, excluded.tier)", batch),
        counted,
        Step("INSERT INTO entries (entry_id, user_id, guild_id, exercise_key, exercise_name,"
             " tier, performed_at, local_date, created_at, source, source_ref, note, pr,"
             " session_id, log_id)"
             " SELECT entry_id, user_id, CAST(? AS TEXT), exercise_key, exercise_name, tier,"
             f" performed_at, local_date, {_MOMENT[engine]}, '{IMPORT_SOURCE}', source_ref,"
             f" note, pr, session_id, log_id FROM import_entries WHERE {within}"
             " ON CONFLICT DO NOTHING", (guild_id, now, *batch)),
        # Only onto entries of the lifter's (an id some other row had is skipped above).
        Step(f"INSERT INTO sets ({_SET_LIST}) SELECT {_SET_LIST} FROM import_sets"
             f" WHERE {within} AND entry_id IN (SELECT entry_id FROM entries"
             f" WHERE {within} AND user_id = ?) ON CONFLICT DO NOTHING",
             (*batch, *batch, user_id)),
        counted,
        Step(f"DELETE FROM board_queue WHERE {within}", batch),
        Step(board_days_of(f"e.{within}"), batch),
        Step(f"DELETE FROM import_sets WHERE {within}", batch),
        Step(f"DELETE FROM import_entries WHERE {within}", batch),
        Step(discipline[0], (*batch, pending_id)),
        Step(discipline[1], (*batch, pending_id)),
        *off,
    ]
    return steps, (len(on) + 1, len(on) + 4)


async def _sweep(driver: Driver, user_id: str, expired_before: datetime) -> None:
    """Drop expired previews and the lifter's beyond the newest ``PENDING_IMPORTS`` - 1."""
    rows = await driver.fetchall(
        "SELECT pending_id FROM pending_imports WHERE state IN ('staging', 'ready')"
        " AND (created_at < ? OR (user_id = ? AND pending_id NOT IN"
        " (SELECT pending_id FROM pending_imports WHERE user_id = ?"
        " AND state IN ('staging', 'ready') ORDER BY pending_id DESC LIMIT ?)))",
        (expired_before, user_id, user_id, PENDING_IMPORTS - 1))
    for (pending_id,) in rows:
        found = await _write_value(
            driver, "UPDATE pending_imports SET state = 'dropping' WHERE pending_id = ?"
            " AND state IN ('staging', 'ready') RETURNING pending_id", (pending_id,))
        if found is not None:
            await _drop(driver, int(pending_id))


async def _drop(driver: Driver, pending_id: int) -> None:
    """A dropping preview's staged rows, a batch per transaction, then the preview."""
    while True:
        batch = [int(r[0]) for r in await driver.fetchall(_NEXT, (pending_id, BATCH_ENTRIES))]
        if not batch:
            break
        within = f"entry_id IN ({marks(batch)})"
        await driver.batch([Step(f"DELETE FROM import_sets WHERE {within}", batch),
                            Step(f"DELETE FROM import_entries WHERE {within}", batch)],
                           write=True)
    await _write(driver, "DELETE FROM pending_imports WHERE pending_id = ?", (pending_id,))


async def _write(driver: Driver, sql: str, params: Sequence[Any]) -> None:
    await driver.batch([Step(sql, params)], write=True)


async def _write_value(driver: Driver, sql: str, params: Sequence[Any]) -> Any:
    """The first column of the first row a writing statement returns (RETURNING)."""
    rows = (await driver.batch([Step(sql, params, fetch=True)], write=True))[0]
    return rows[0][0] if rows else None


def _staged(
    entry_id: int, pending_id: int, user_id: str, new: NewEntry, grouped: tuple[int, int]
) -> tuple[Any, ...]:
    return (entry_id, pending_id, user_id, int(new.exercise.custom), new.exercise.key,
            new.exercise.name, new.exercise.tier, new.performed_at, new.local_date,
            new.source_ref, new.note, int(new.pr), *grouped)
