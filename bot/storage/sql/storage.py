"""The storage contract written once in SQL that SQLite and PostgreSQL both run.

Each write happens inside one transaction and is committed before the method
returns; every query that touches a lifter's data is scoped by that lifter's id.
Each area of the contract lives in its own module; this class puts them together.
"""

from __future__ import annotations

from bot.storage.driver import Driver
from bot.storage.ids import IdSource
from bot.storage.sql.board_changes import BoardChangesSql
from bot.storage.sql.challenges import ChallengesSql
from bot.storage.sql.data import DataSql
from bot.storage.sql.logbook import EntriesSql
from bot.storage.sql.logbook_sessions import SessionsSql
from bot.storage.sql.plan import PlanSql
from bot.storage.sql.profile import LifterSql
from bot.storage.sql.recap import RecapSql
from bot.storage.sql.reminders import RemindersSql
from bot.storage.sql.server import GuildSql


class SqlStorage(EntriesSql, SessionsSql, LifterSql, GuildSql, RemindersSql, DataSql,
                 BoardChangesSql, PlanSql, RecapSql, ChallengesSql):
    """Implements :class:`bot.storage.contract.Storage` over a :class:`Driver`."""

    def __init__(self, driver: Driver, ids: IdSource | None = None) -> None:
        self.driver = driver
        self.ids = ids or IdSource()

    async def close(self) -> None:
        await self.driver.close()
