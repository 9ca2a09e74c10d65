"""What a lifter hears when the database does not answer: try again, nothing broke.

A lost connection (already retried once) or a command past its timeout
(``DATABASE_COMMAND_TIMEOUT``) on PostgreSQL, or a SQLite file another process holds
locked past its busy timeout, is an outage: the bot keeps running and the command can
simply be sent again. Every edge answers it with :func:`outage_reply`.
"""

from __future__ import annotations

import sqlite3

from bot.coach.replies import Reply
from bot.storage.driver import StorageOutage

__all__ = ["StorageOutage", "is_outage", "outage_reply"]

_SQLITE_BUSY = ("locked", "busy")


def is_outage(err: BaseException) -> bool:
    """Whether ``err`` means the database did not answer (rather than a bug)."""
    if isinstance(err, StorageOutage):
        return True
    return isinstance(err, sqlite3.OperationalError) and any(
        word in str(err).lower() for word in _SQLITE_BUSY)


def outage_reply(err: BaseException) -> Reply:
    """The private "try again" for an outage; when the connection went while a write
    was being committed, it may have been kept: look before sending it again."""
    unsure = isinstance(err, StorageOutage) and err.unsure
    lines = ["My database did not answer just now, so I could not finish that."]
    lines.append("It may have been saved as the connection went: check /history before you "
                 "send it again." if unsure else "Nothing was changed. Try again in a moment.")
    return Reply(title="Try again in a moment", lines=tuple(lines), tone="error",
                 private=True)
