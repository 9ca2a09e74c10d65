"""PostgreSQL engine: the same SQL storage on an asyncpg pool."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.storage.migrations import Migration, load_migrations
from bot.storage.postgres_driver import PostgresDriver
from bot.storage.sql_storage import SqlStorage


class PostgresStorage(SqlStorage):
    driver: PostgresDriver
    # Several processes claim reminders at once: each skips the rows another is
    # claiming this instant instead of waiting for it and leasing them a second time.
    claim_lock = " FOR UPDATE SKIP LOCKED"

    @classmethod
    async def open(
        cls, url: str, migrations: Sequence[Migration] | None = None, **options: Any
    ) -> PostgresStorage:
        driver = await PostgresDriver.connect(url, **options)
        try:
            await driver.migrate(load_migrations("postgres") if migrations is None else migrations)
        except BaseException:
            await driver.close()
            raise
        return cls(driver)

    async def schema_version(self) -> int:
        return await self.driver.schema_version()
