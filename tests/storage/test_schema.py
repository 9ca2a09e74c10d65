"""The schema snapshots (bot/storage/schema/<engine>.sql) match what the migrations build.

Each engine's migrations run on an empty database, the schema is read back, and the
rendering must equal the committed snapshot byte for byte. The other tests show the
check bites (a stale copy, a new migration) and that a snapshot is faithful SQL:
run on an empty database, it builds the same schema again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import asyncpg
import pytest

from bot.storage.migrations import Migration, load_migrations
from bot.storage.postgres import PostgresDriver
from bot.storage.schema import (
    REGENERATE,
    Schema,
    mismatch,
    read_schema,
    read_snapshot,
    snapshot_path,
    snapshot_text,
)
from bot.storage.sqlite import SQLiteDriver, SQLiteStorage
from tests.helpers import open_in_schema, require_postgres, throwaway_schema

ENGINES = ["sqlite", "postgres"]


async def migrated(engine: str, tmp_path: Path,
                   migrations: Sequence[Migration] | None = None) -> Schema:
    """The schema of an empty database after the migrations (all of them by default)."""
    if engine == "sqlite":
        store = await SQLiteStorage.open(tmp_path / "fresh.db", migrations=migrations)
        try:
            return await read_schema(store.driver)
        finally:
            await store.close()
    url = require_postgres()
    async with throwaway_schema(url) as schema:
        pg = await open_in_schema(url, schema, migrations=migrations)
        try:
            return await read_schema(pg.driver)
        finally:
            await pg.close()


async def built_from(engine: str, script: str, tmp_path: Path) -> Schema:
    """The schema of an empty database on which ``script`` ran (no migrations)."""
    if engine == "sqlite":
        path = tmp_path / "from_script.db"
        conn = sqlite3.connect(path)
        conn.executescript(script)
        conn.close()
        driver = await SQLiteDriver.connect(path)
        try:
            return await read_schema(driver)
        finally:
            await driver.close()
    url = require_postgres()
    async with throwaway_schema(url) as schema:
        conn = await asyncpg.connect(url, server_settings={"search_path": schema})
        try:
            await conn.execute(script)
        finally:
            await conn.close()
        pg = await PostgresDriver.connect(url, server_settings={"search_path": schema})
        try:
            return await read_schema(pg)
        finally:
            await pg.close()


@pytest.mark.parametrize("engine", ENGINES)
async def test_the_snapshot_is_the_schema_the_migrations_build(
    engine: str, tmp_path: Path
) -> None:
    schema = await migrated(engine, tmp_path)
    assert schema.version == len(load_migrations(engine))
    problem = mismatch(snapshot_text(schema), read_snapshot(engine), f"{engine}.sql")
    assert problem is None, problem


@pytest.mark.parametrize("engine", ENGINES)
async def test_a_snapshot_missing_a_column_fails_and_says_how_to_fix_it(
    engine: str, tmp_path: Path
) -> None:
    expected = snapshot_text(await migrated(engine, tmp_path))
    lines = snapshot_path(engine).read_text("utf-8").splitlines(keepends=True)
    column = next(i for i, line in enumerate(lines) if line.startswith("    timezone "))
    stale = tmp_path / f"{engine}.sql"
    stale.write_text("".join(lines[:column] + lines[column + 1:]), "utf-8")

    problem = mismatch(expected, stale.read_text("utf-8"), stale.name)
    assert problem is not None
    assert REGENERATE in problem
    assert f"+{lines[column]}" in problem


@pytest.mark.parametrize("engine", ENGINES)
async def test_a_new_migration_shows_in_the_rendered_schema(
    engine: str, tmp_path: Path
) -> None:
    known = load_migrations(engine)
    extra = Migration(len(known) + 1, f"{len(known) + 1:03d}_nickname.sql",
                      ("ALTER TABLE users ADD COLUMN nickname TEXT",))
    schema = await migrated(engine, tmp_path, (*known, extra))
    assert schema.version == len(known) + 1
    assert "    nickname " in schema.body
    assert mismatch(snapshot_text(schema), read_snapshot(engine), f"{engine}.sql")


@pytest.mark.parametrize("engine", ENGINES)
async def test_the_snapshot_run_as_sql_builds_the_same_schema(
    engine: str, tmp_path: Path
) -> None:
    schema = await migrated(engine, tmp_path)
    again = await built_from(engine, snapshot_text(schema), tmp_path)
    assert again.body == schema.body


# Objects the migrations do not use yet, so that the day one does, its snapshot is
# as faithful as the rest.
EXTRAS = {
    "sqlite": """
        CREATE TABLE a (
            id INTEGER PRIMARY KEY AUTOINCREMENT,  -- a comment the snapshot drops
            label TEXT NOT NULL COLLATE NOCASE CHECK (label <> ''),
            note   TEXT DEFAULT 'x, (y)',
            UNIQUE (label, note)
        ) STRICT;
        CREATE VIEW a_labels AS SELECT label FROM a   WHERE note IS NOT NULL;
        CREATE TRIGGER a_labels_insert INSTEAD OF INSERT ON a_labels
        BEGIN
            INSERT INTO a (label) VALUES (NEW.label);
        END;
    """,
    "postgres": """
        CREATE TABLE parent (id serial PRIMARY KEY, code varchar(8) COLLATE "C" UNIQUE);
        CREATE TABLE "Child" (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            parent_id integer REFERENCES parent (id),
            amount numeric(10, 2) CHECK (amount > 0),
            doubled numeric GENERATED ALWAYS AS (amount * 2) STORED
        );
        CREATE SEQUENCE tickets START 100 INCREMENT 5;
        CREATE VIEW big AS SELECT id, amount FROM "Child" WHERE amount > 100;
        CREATE FUNCTION twice(n integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT
            AS $body$ SELECT n * 2 $body$;
        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            -- a comment the snapshot drops
            RETURN NEW;
        END $$;
        CREATE TRIGGER child_touch BEFORE UPDATE ON "Child"
            FOR EACH ROW EXECUTE FUNCTION touch();
        ALTER TABLE "Child" DISABLE TRIGGER child_touch;
    """,
}


@pytest.mark.parametrize("engine", ENGINES)
async def test_other_kinds_of_object_render_and_rebuild(engine: str, tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    schema = await built_from(engine, EXTRAS[engine], tmp_path / "one")
    again = await built_from(engine, schema.body, tmp_path / "two")
    assert again.body == schema.body
    assert "comment" not in schema.body
    if engine == "postgres":
        assert "GENERATED BY DEFAULT AS IDENTITY" in schema.body
        assert "nextval('parent_id_seq'::regclass)" in schema.body
        assert "ALTER SEQUENCE parent_id_seq OWNED BY parent.id;" in schema.body
        assert "DISABLE TRIGGER child_touch" in schema.body
        assert "CREATE VIEW big AS" in schema.body
        assert schema.body.index("CREATE TABLE parent") < schema.body.index('"Child"')
    else:
        assert "note TEXT DEFAULT 'x, (y)'," in schema.body
        assert "CREATE VIEW a_labels AS SELECT label FROM a WHERE" in schema.body
