"""Storage engines behind one contract; the coach service is their only caller."""

from __future__ import annotations

from bot.config import Settings
from bot.storage.contract import NewEntry, Storage
from bot.storage.sqlite import SQLiteStorage

__all__ = ["NewEntry", "SQLiteStorage", "Storage", "open_storage"]


async def open_storage(settings: Settings) -> Storage:
    """Open the engine the settings ask for: PostgreSQL when DATABASE_URL is set."""
    if settings.database_url:
        from bot.storage.postgres import PostgresStorage

        return await PostgresStorage.open(settings.database_url)
    return await SQLiteStorage.open(settings.database_path)
