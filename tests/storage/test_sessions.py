"""Migration 013 on both engines: sessions and logs stored with entries, read by page,
undone by log, edited in place; rows from before it grouped by the session rule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.domain.models import Exercise, SetRecord
from bot.storage.contract import NewEntry, Storage
from bot.storage.log_types import EntryEdit
from bot.storage.migrations import load_migrations
from bot.storage.sql.storage import SqlStorage
from bot.storage.sqlite import SQLiteStorage
from tests.helpers import import_now, open_in_schema, require_postgres, throwaway_schema

NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
TODAY = NOW.date()
SQUAT = Exercise(key="back-squat", name="back squat", tier="A")
BENCH = Exercise(key="bench-press", name="bench press", tier="B")
FIVE = (SetRecord(reps=5, load_kg=100.0, rir=2.0),)


def entry(ex: Exercise, when: datetime = NOW, **more: object) -> NewEntry:
    return NewEntry(ex, FIVE, when, when.date(), **more)  # type: ignore[arg-type]


async def test_one_write_is_one_log_and_its_new_session_groups_share_a_session(
    storage: Storage,
) -> None:
    stored = await storage.add_entries("u", "g", [
        entry(SQUAT), entry(BENCH), entry(SQUAT, NOW - timedelta(days=1), new_session=1),
    ], NOW)
    today_a, today_b, yesterday = stored
    assert today_a.log_id == today_b.log_id == yesterday.log_id == today_a.entry_id
    assert today_a.session_id == today_b.session_id == today_a.entry_id
    assert yesterday.session_id == yesterday.entry_id
    later = await storage.add_entries("u", "g", [
        entry(BENCH, NOW + timedelta(hours=1), session_id=today_a.session_id)], NOW)
    assert later[0].session_id == today_a.session_id
    assert later[0].log_id == later[0].entry_id  # a log of its own
    back = {e.entry_id: e for e in await storage.history("u", None, 10)}
    assert [(back[e.entry_id].session_id, back[e.entry_id].log_id) for e in [*stored, *later]
            ] == [(e.session_id, e.log_id) for e in [*stored, *later]]


async def test_session_heads_and_entries_are_the_lifters_own(storage: Storage) -> None:
    morning = NOW - timedelta(hours=8)
    first = await storage.add_entries("u", "g", [entry(SQUAT, morning), entry(BENCH, morning)],
                                      NOW)
    [later] = await storage.add_entries("u", "g", [
        entry(SQUAT, morning + timedelta(hours=1), session_id=first[0].session_id)], NOW)
    [evening] = await storage.add_entries("u", "g", [entry(BENCH)], NOW)
    await storage.add_entries("other", "g", [entry(SQUAT)], NOW)
    heads = {h.session_id: h for h in await storage.session_heads("u", "back-squat")}
    assert set(heads) == {first[0].session_id, evening.session_id}
    visit = heads[first[0].session_id]
    assert (visit.local_date, visit.started_at, visit.ended_at, visit.size, visit.matching) == (
        TODAY, morning, morning + timedelta(hours=1), 3, 2)
    assert heads[evening.session_id].matching == 0
    assert {h.matching for h in await storage.session_heads("u")} == {3, 1}
    found = await storage.session_entries("u", [visit.session_id])
    assert [e.entry_id for e in found] == [first[0].entry_id, first[1].entry_id, later.entry_id]
    assert await storage.session_entries("other", [visit.session_id]) == []


async def test_last_log_is_the_newest_typed_log_of_the_lifter(storage: Storage) -> None:
    first = await storage.add_entries("u", "g", [entry(SQUAT), entry(BENCH)], NOW)
    assert [e.entry_id for e in await storage.last_log("u")] == [e.entry_id for e in first]
    await import_now(storage, "u", "g", [entry(BENCH, NOW - timedelta(days=3),
                                               source="import", source_ref="ref-1")],
                     NOW + timedelta(seconds=1))
    await storage.add_entries("other", "g", [entry(SQUAT)], NOW + timedelta(seconds=2))
    # An import is not a message; someone else's log is not the lifter's.
    assert [e.entry_id for e in await storage.last_log("u")] == [e.entry_id for e in first]
    await storage.delete_entries("u", [first[1].entry_id])
    assert [e.entry_id for e in await storage.last_log("u")] == [first[0].entry_id]
    await storage.delete_entries("u", [first[0].entry_id])
    assert await storage.last_log("u") == []


async def test_delete_entries_touches_only_the_lifters_and_each_once(
    storage: Storage,
) -> None:
    mine = await storage.add_entries("u", "g", [entry(SQUAT), entry(BENCH)], NOW)
    [theirs] = await storage.add_entries("other", "g", [entry(SQUAT)], NOW)
    ids = [mine[0].entry_id, theirs.entry_id]
    removed = await storage.delete_entries("u", ids)
    assert [e.entry_id for e in removed] == [mine[0].entry_id]
    assert await storage.delete_entries("u", ids) == []
    assert len(await storage.history("other", None, 5)) == 1
    assert [e.entry_id for e in await storage.history("u", None, 5)] == [mine[1].entry_id]


async def test_an_edit_keeps_id_moment_day_session_and_log(storage: Storage) -> None:
    [old, other] = await storage.add_entries("u", "g", [
        entry(SQUAT, NOW - timedelta(days=2)), entry(BENCH, NOW - timedelta(days=2))], NOW)
    own = Exercise(key="box-squat-thing", name="box squat thing", tier=None, custom=True)
    new_sets = (SetRecord(reps=3, load_kg=110.0, rir=1.0), SetRecord(reps=3, load_kg=110.0))
    edited = await storage.edit_entry("u", old.entry_id,
                                      EntryEdit(own, new_sets, "felt fast", True, (own,)))
    assert edited is not None
    assert (edited.entry_id, edited.performed_at, edited.local_date, edited.session_id,
            edited.log_id) == (old.entry_id, old.performed_at, old.local_date, old.session_id,
                               old.log_id)
    assert (edited.exercise.key, edited.sets, edited.note, edited.pr) == (
        own.key, new_sets, "felt fast", True)
    assert [c.key for c in await storage.custom_exercises("u")] == [own.key]
    [back] = await storage.entries_by_ids("u", [old.entry_id])
    assert back == edited
    assert (await storage.entries_by_ids("u", [other.entry_id]))[0].sets == FIVE


async def test_an_edit_of_someone_elses_entry_changes_nothing(storage: Storage) -> None:
    [theirs] = await storage.add_entries("other", "g", [entry(SQUAT)], NOW)
    edit = EntryEdit(BENCH, (SetRecord(reps=1),))
    assert await storage.edit_entry("u", theirs.entry_id, edit) is None
    assert await storage.entries_by_ids("u", [theirs.entry_id]) == []
    [kept] = await storage.history("other", None, 5)
    assert kept.exercise.key == "back-squat" and kept.sets == FIVE


# migration 013 -----------------------------------------------------------------------

# (entry id, user, performed at, local date, created at): one message of two entries,
# a second message 2 h later (a session with the first), a third 3 h 30 min after that
# (a session of its own), the next day's, and another lifter's at the same moment.
_OLD_ROWS = [
    (11, "u", NOW, TODAY, NOW),
    (12, "u", NOW, TODAY, NOW),
    (13, "u", NOW + timedelta(hours=2), TODAY, NOW + timedelta(hours=2)),
    (14, "u", NOW + timedelta(hours=5, minutes=30), TODAY, NOW + timedelta(hours=5, minutes=30)),
    (15, "u", NOW + timedelta(days=1), TODAY + timedelta(days=1), NOW + timedelta(days=1)),
    (16, "v", NOW, TODAY, NOW),
]


async def _backfill_groups_old_rows(engine: str, tmp_path: Path, url: str | None = None,
                                    schema: str | None = None) -> None:
    before = load_migrations(engine)[:12]
    if engine == "sqlite":
        old: SqlStorage = await SQLiteStorage.open(tmp_path / "old.db", migrations=before)
    else:
        assert url is not None and schema is not None
        old = await open_in_schema(url, schema, migrations=before)
    try:
        async with old.driver.transaction() as tx:
            for entry_id, user, at, day, created in _OLD_ROWS:
                await tx.execute(
                    "INSERT INTO entries (entry_id, user_id, guild_id, exercise_key,"
                    " exercise_name, tier, performed_at, local_date, created_at)"
                    " VALUES (?, ?, '', 'back-squat', 'back squat', 'A', ?, ?, ?)",
                    (entry_id, user, at, day, created))
    finally:
        await old.close()
    new: Storage = (await SQLiteStorage.open(tmp_path / "old.db") if engine == "sqlite"
                    else await open_in_schema(url or "", schema or ""))
    try:
        found = {e.entry_id: (e.session_id, e.log_id)
                 for user in ("u", "v") for e in await new.history(user, None, 10)}
        assert found == {11: (11, 11), 12: (11, 11), 13: (11, 13), 14: (14, 14),
                         15: (15, 15), 16: (16, 16)}
        assert [e.entry_id for e in await new.last_log("u")] == [15]
    finally:
        await new.close()


async def test_a_sqlite_database_from_migration_012_gets_its_sessions(tmp_path: Path) -> None:
    await _backfill_groups_old_rows("sqlite", tmp_path)


async def test_a_postgres_database_from_migration_012_gets_its_sessions(
    tmp_path: Path,
) -> None:
    url = require_postgres()
    async with throwaway_schema(url) as schema:
        await _backfill_groups_old_rows("postgres", tmp_path, url, schema)


def test_both_engines_number_the_sessions_migration_alike() -> None:
    sqlite, postgres = load_migrations("sqlite"), load_migrations("postgres")
    assert sqlite[12].name == postgres[12].name == "013_sessions.sql"
