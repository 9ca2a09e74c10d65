"""Regenerate the schema snapshots in bot/storage/schema from the migrations.

Each engine's migrations are applied to a fresh, empty database (a temporary SQLite
file; a throwaway schema on the PostgreSQL server, dropped afterwards) and the
schema read back is written to bot/storage/schema/<engine>.sql. PostgreSQL needs a
server: pass --url or set TEST_DATABASE_URL, else its snapshot is left as it is.

Usage: python -m tools.schema [--url postgresql://...] [--check]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import uuid
from pathlib import Path

from bot.storage.schema import mismatch, read_schema, snapshot_path, snapshot_text
from bot.storage.sqlite import SQLiteStorage


async def render_sqlite() -> str:
    """The snapshot text of a freshly migrated SQLite database."""
    with tempfile.TemporaryDirectory() as folder:
        store = await SQLiteStorage.open(Path(folder) / "schema.db")
        try:
            return snapshot_text(await read_schema(store.driver))
        finally:
            await store.close()


async def render_postgres(url: str) -> str:
    """The snapshot text of a freshly migrated schema on the server at ``url``; the
    schema is made for this and dropped afterwards, so nothing else is touched."""
    import asyncpg

    from bot.storage.postgres import PostgresStorage

    schema = f"liftcoach_schema_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(url)
    try:
        await admin.execute(f"CREATE SCHEMA {schema}")
        store = await PostgresStorage.open(url, server_settings={"search_path": schema})
        try:
            return snapshot_text(await read_schema(store.driver))
        finally:
            await store.close()
    finally:
        await admin.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        await admin.close()


def settle(engine: str, text: str, check: bool) -> bool:
    """Write (or with ``check`` only compare) one snapshot; False when it was stale."""
    path = snapshot_path(engine)
    committed = path.read_text("utf-8") if path.exists() else ""
    if text == committed:
        print(f"{path.name}: up to date")
        return True
    if check:
        print(mismatch(text, committed, path.name), file=sys.stderr)
        return False
    path.write_text(text, "utf-8")
    print(f"{path.name}: written")
    return True


async def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.schema", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="a PostgreSQL server (default: TEST_DATABASE_URL)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 when a snapshot is out of date")
    args = parser.parse_args(argv)

    current = settle("sqlite", await render_sqlite(), args.check)
    url = args.url or os.environ.get("TEST_DATABASE_URL", "").strip()
    if url:
        current = settle("postgres", await render_postgres(url), args.check) and current
    else:
        print("postgres.sql: skipped (no PostgreSQL server: pass --url or set "
              "TEST_DATABASE_URL)")
    return 0 if current else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
