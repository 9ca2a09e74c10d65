"""The embedded default engine: the SQL storage on an aiosqlite driver."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bot.storage.migrations import Migration, load_migrations
from bot.storage.sql_storage import SqlStorage
from bot.storage.sqlite_driver import SQLiteDriver


class SQLiteStorage(SqlStorage):
    driver: SQLiteDriver

    @classmethod
    async def open(
        cls, path: str | Path, migrations: Sequence[Migration] | None = None
    ) -> SQLiteStorage:
        driver = await SQLiteDriver.connect(path)
        try:
            await driver.migrate(load_migrations("sqlite") if migrations is None else migrations)
        except BaseException:
            await driver.close()
            raise
        return cls(driver)

    async def schema_version(self) -> int:
        return await self.driver.schema_version()
