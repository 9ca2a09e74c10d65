"""The storage contract written once in SQL that SQLite and PostgreSQL both run.

Each write happens inside one transaction and is committed before the method
returns; every query that touches a lifter's data is scoped by that lifter's id.
Each area of the contract lives in its own module; this class puts them together.
"""

from __future__ import annotations

from bot.storage.driver import Driver
from bot.storage.ids import IdSource
from bot.storage.sql_board_changes import BoardChangesSql
from bot.storage.sql_data import DataSql
from bot.storage.sql_entries import EntriesSql
from bot.storage.sql_guild import GuildSql
from bot.storage.sql_lifter import LifterSql
from bot.storage.sql_reminders import RemindersSql


class SqlStorage(EntriesSql, LifterSql, GuildSql, RemindersSql, DataSql, BoardChangesSql):
    """Implements :class:`bot.storage.base.Storage` over a :class:`Driver`."""

    def __init__(self, driver: Driver, ids: IdSource | None = None) -> None:
        self.driver = driver
        self.ids = ids or IdSource()

    async def close(self) -> None:
        await self.driver.close()
