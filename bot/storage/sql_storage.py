"""The storage contract written once in SQL that SQLite and PostgreSQL both run.

Each write happens inside one transaction and is committed before the method
returns; every query that touches a lifter's data is scoped by that lifter's id.
Each area of the contract lives in its own module; this class puts them together.
"""

from __future__ import annotations

from bot.storage.driver import Driver
from bot.storage.sql_entries import EntriesSql
from bot.storage.sql_guild import GuildSql
from bot.storage.sql_lifter import LifterSql


class SqlStorage(EntriesSql, LifterSql, GuildSql):
    """Implements :class:`bot.storage.base.Storage` over a :class:`Driver`."""

    def __init__(self, driver: Driver) -> None:
        self.driver = driver

    async def close(self) -> None:
        await self.driver.close()
