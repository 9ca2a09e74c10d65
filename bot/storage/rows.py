"""Turning rows into domain values; shared by both engines."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any, cast

from bot.domain.models import (
    Exercise,
    Goal,
    Profile,
    SetRecord,
    Soreness,
    StoredEntry,
    Technique,
    Tier,
    Unit,
)
from bot.storage.contract import NewEntry
from bot.storage.driver import Step

SET_COLUMNS = (
    "reps", "load_kg", "bodyweight", "rir", "rir_max", "failure", "technique", "warmup", "amrap",
    "reps_max", "seconds", "meters", "planned_max",
)


def set_values(s: SetRecord) -> tuple[Any, ...]:
    return (
        s.reps, s.load_kg, int(s.bodyweight), s.rir, s.rir_max, int(s.failure),
        s.technique, int(s.warmup), int(s.amrap), s.reps_max, s.seconds, s.meters,
        int(s.planned_max),
    )


@lru_cache(maxsize=8192, typed=True)
def _set_record(
    reps: int | None, load: float | None, bw: int, rir: float | None, rir_max: float | None,
    failure: int, technique: Technique | None, warmup: int, amrap: int,
    reps_max: int | None, seconds: float | None, meters: float | None, planned_max: int,
) -> SetRecord:
    return SetRecord(reps, load, bool(bw), rir, rir_max, bool(failure), technique,
                     bool(warmup), bool(amrap), reps_max, seconds, meters, bool(planned_max))


def set_from_row(row: Sequence[Any]) -> SetRecord:
    """Positional, in SET_COLUMNS order. A log turns every recent set into a value, and
    lifters repeat the same sets all the time: equal rows share one immutable value."""
    return _set_record(*row)


@lru_cache(maxsize=4096)
def _stored_exercise(key: str, name: str, tier: Tier | None) -> Exercise:
    return Exercise(key=key, name=name, tier=tier)


def as_datetime(value: Any) -> datetime:
    """Engines hand back either text (SQLite) or a datetime (PostgreSQL)."""
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    moment = datetime.fromisoformat(str(value))
    # Stored text is already UTC (see ``ts``): only foreign offsets need converting.
    return moment if moment.tzinfo is UTC else moment.astimezone(UTC)


def as_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


ENTRY_COLUMNS = (
    "entry_id", "guild_id", "exercise_key", "exercise_name", "tier", "performed_at",
    "local_date", "note", "pr", "session_id", "log_id",
)
_SET_START = len(ENTRY_COLUMNS) + 1  # after the entry columns and the set's position

ENTRY_SELECT = (
    "SELECT " + ", ".join(f"e.{c}" for c in ENTRY_COLUMNS) + ", s.position, "
    + ", ".join(f"s.{c}" for c in SET_COLUMNS)
    + " FROM entries e LEFT JOIN sets s ON s.entry_id = e.entry_id"
)
"""Every read of whole entries (history, a log's context, export pages) selects this,
so a column added to entries or sets comes back on every path at once."""

ENTRY_INSERT_COLUMNS = (
    "entry_id", "user_id", "guild_id", "exercise_key", "exercise_name", "tier",
    "performed_at", "local_date", "created_at", "source", "source_ref", "note", "pr",
    "session_id", "log_id",
)
ENTRY_INSERT = (
    f"INSERT INTO entries ({', '.join(ENTRY_INSERT_COLUMNS)})"
    f" VALUES ({', '.join('?' for _ in ENTRY_INSERT_COLUMNS)})"
)
SET_INSERT = (
    f"INSERT INTO sets (entry_id, position, {', '.join(SET_COLUMNS)})"
    f" VALUES (?, ?, {', '.join('?' for _ in SET_COLUMNS)})"
)


def entry_values(
    entry_id: int, user_id: str, guild_id: str, new: NewEntry, now: datetime, source: str,
    grouped: tuple[int, int],
) -> tuple[Any, ...]:
    """An ENTRY_INSERT row: every insert of entries (log, import) writes every column.
    ``grouped`` is the entry's (session id, log id), from :func:`sessions_and_logs`."""
    return (entry_id, user_id, guild_id, new.exercise.key, new.exercise.name,
            new.exercise.tier, new.performed_at, new.local_date, now, source, new.source_ref,
            new.note, int(new.pr), *grouped)


def sessions_and_logs(
    ids: Sequence[int], entries: Sequence[NewEntry]
) -> list[tuple[int, int]]:
    """(session id, log id) of entries stored together under ``ids``: a session they
    join, or a new one named by the first id of its ``new_session`` group; the log
    they keep, or this write's (named by its first id)."""
    first: dict[int, int] = {}
    out = []
    for entry_id, new in zip(ids, entries, strict=True):
        session = (new.session_id if new.session_id is not None
                   else first.setdefault(new.new_session, entry_id))
        out.append((session, new.log_id if new.log_id is not None else ids[0]))
    return out


def group_entries(
    rows: Iterable[Sequence[Any]],
    to_datetime: Callable[[Any], datetime],
    to_date: Callable[[Any], date],
) -> list[StoredEntry]:
    """Rows of ENTRY_SELECT (entry columns, set position, set columns) ordered by entry,
    then position. A position of None (an entry without sets, from the outer join)
    adds no set. Every log decodes its recent weeks this way: positional, one pass.
    """
    out: list[StoredEntry] = []
    current: Sequence[Any] | None = None
    sets: list[SetRecord] = []

    def flush() -> None:
        if current is not None:
            (entry_id, guild_id, key, name, tier, performed_at, local_date, note, pr,
             session_id, log_id) = current
            entry_id = int(entry_id)
            # A session or log id of 0: written without them (by hand): its own.
            out.append(StoredEntry(
                entry_id, _stored_exercise(key, name, tier), tuple(sets),
                to_datetime(performed_at), to_date(local_date), guild_id, note or "",
                bool(pr), int(session_id) or entry_id, int(log_id) or entry_id))

    for row in rows:
        if current is None or row[0] != current[0]:
            flush()
            current = row[:_SET_START - 1]
            sets = []
        if row[_SET_START - 1] is not None:
            sets.append(_set_record(*row[_SET_START:]))
    flush()
    return out


FAILURE_SET = "(s.failure = 1 OR s.technique IS NOT NULL OR s.rir <= 0)"
"""A working set at effective RIR 0 (SetRecord.effective_rir): logged failure, a
past-failure technique, or RIR 0. Every SQL count of failure sets uses it."""

MEMBER_LOGGED = (
    "INSERT INTO guild_members (guild_id, user_id, joined_at, last_logged_at)"
    " VALUES (?, ?, ?, ?) ON CONFLICT (guild_id, user_id)"
    " DO UPDATE SET last_logged_at = excluded.last_logged_at"
)
"""A log or import in a server: the lifter joins its boards, or is seen there again
(parameters: server, lifter, now, now). See migration 014 for who stays on a board."""

PROFILE_COLUMNS = ("unit", "goal", "timezone", "weekly_target", "increment_kg", "deload_from",
                   "deload_until")
PROFILE_SELECT = f"SELECT {', '.join(PROFILE_COLUMNS)} FROM users WHERE user_id = ?"
"""The whole profile, its coaching settings (plate step, declared deload) included."""
CUSTOM_SELECT = "SELECT key, name, tier FROM custom_exercises WHERE user_id = ? ORDER BY name"
SORENESS_SELECT = "SELECT body_part, days, reported_at FROM soreness WHERE user_id = ?"


def profile_from_row(row: Sequence[Any]) -> Profile:
    """A row of PROFILE_COLUMNS."""
    return Profile(unit=cast(Unit, row[0]), goal=cast(Goal, row[1]), timezone=row[2],
                   weekly_target=int(row[3]),
                   increment_kg=None if row[4] is None else float(row[4]),
                   deload_from=None if row[5] is None else as_date(row[5]),
                   deload_until=None if row[6] is None else as_date(row[6]))


def custom_from_row(row: Sequence[Any]) -> Exercise:
    return Exercise(key=row[0], name=row[1], tier=cast("Tier | None", row[2]), custom=True)


def soreness_from_row(row: Sequence[Any]) -> Soreness:
    return Soreness(row[0], int(row[1]), as_datetime(row[2]))


def custom_steps(user_id: str, exercise: Exercise) -> list[Step]:
    """Save a lifter's own exercise; their entries of it take its (new) tier."""
    return [
        Step("INSERT INTO custom_exercises (user_id, key, name, tier) VALUES (?, ?, ?, ?)"
             " ON CONFLICT (user_id, key) DO UPDATE SET name = excluded.name,"
             " tier = excluded.tier", (user_id, exercise.key, exercise.name, exercise.tier)),
        Step("UPDATE entries SET tier = ? WHERE user_id = ? AND exercise_key = ?",
             (exercise.tier, user_id, exercise.key)),
    ]


def earliest_local_date(since: datetime) -> date:
    """The earliest local date an entry performed at or after ``since`` can carry.

    Time zones run from UTC-12 to UTC+14, so an instant's local date is never more
    than a day before its UTC date; two days leave room. Queries by time add
    ``local_date >= earliest_local_date(since)`` so they read the lifter's
    (user_id, local_date) index range instead of all their entries.
    """
    return (since.astimezone(UTC) - timedelta(days=2)).date()


def marks(values: Sequence[Any]) -> str:
    """One ``?`` per value, for an ``IN (...)`` list."""
    return ", ".join("?" for _ in values)
