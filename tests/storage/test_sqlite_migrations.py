"""SQLite specifics: pragmas, migrations all-or-nothing, durability of a commit."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.storage.migrations import Migration, load_migrations
from bot.storage.sqlite import SQLiteStorage


async def test_new_database_is_at_the_latest_version_in_wal_mode(tmp_path: Path) -> None:
    store = await SQLiteStorage.open(tmp_path / "a.db")
    await store.close()
    conn = sqlite3.connect(tmp_path / "a.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(load_migrations("sqlite"))
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


async def test_failing_migration_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "b.db"
    store = await SQLiteStorage.open(path)
    await store.close()
    good = load_migrations("sqlite")
    broken = Migration(
        len(good) + 1,
        "999_broken.sql",
        ("CREATE TABLE half_done (x INTEGER)", "INSERT INTO no_such_table VALUES (1)"),
    )
    with pytest.raises(sqlite3.OperationalError):
        await SQLiteStorage.open(path, migrations=(*good, broken))
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "half_done" not in tables
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(good)
    conn.close()


async def test_foreign_keys_cascade_sets_with_their_entry(tmp_path: Path) -> None:
    store = await SQLiteStorage.open(tmp_path / "c.db")
    from datetime import UTC, datetime

    from bot.domain.models import Exercise, SetRecord
    from bot.storage.contract import NewEntry

    now = datetime(2026, 11, 26, tzinfo=UTC)
    [e] = await store.add_entries(
        "u", "", [NewEntry(Exercise("x", "x", "D"), (SetRecord(reps=10),), now, now.date())], now
    )
    await store.delete_entry("u", e.entry_id)
    await store.close()
    conn = sqlite3.connect(tmp_path / "c.db")
    assert conn.execute("SELECT COUNT(*) FROM sets").fetchone()[0] == 0
    conn.close()


async def test_a_database_made_by_the_first_version_upgrades_with_its_data(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from bot.domain.models import Exercise, SetRecord
    from bot.storage.contract import NewEntry
    from tests.storage.old_rows import add_old_entries

    path = tmp_path / "old.db"
    everything = load_migrations("sqlite")
    old = await SQLiteStorage.open(path, migrations=everything[:1])
    now = datetime(2026, 11, 26, tzinfo=UTC)
    sets = (SetRecord(reps=3, load_kg=180.0, rir=2.0),)
    [kept] = await add_old_entries(
        old.driver, "u", "g",
        [NewEntry(Exercise("deadlift", "deadlift", "A"), sets, now, now.date())], now)
    assert await old.schema_version() == 1
    await old.close()
    new = await SQLiteStorage.open(path)
    try:
        assert await new.schema_version() == len(everything)
        [back] = await new.history("u", None, 5)
        assert back.entry_id == kept and back.sets == sets
    finally:
        await new.close()
