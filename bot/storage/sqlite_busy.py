"""Waiting politely for another process on the same SQLite file (a console beside the
bot, a backup): a short busy timeout per try, then retries, instead of "database is
locked".

SQLite lets one process write at a time. While another holds the write lock, each try
waits at most ``BUSY_TIMEOUT_MS`` inside SQLite (holding this process's connection);
between tries the connection is let go, so this process's readers carry on (in WAL
mode reading needs no lock), and the next try comes after a growing pause. Only when
the file stays locked for ``BUSY_WAIT_SECONDS`` in all does the error reach the
command (whose edge answers "try again"). A try is only repeated when nothing of it
ran: a statement SQLite refused, or the ``BEGIN`` of a group of writes.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

BUSY_TIMEOUT_MS = 250
"""How long one try waits inside SQLite for another process's lock."""
BUSY_WAIT_SECONDS = 30.0
"""How long a command waits in all, tries and pauses, before it is answered "try again"."""
_FIRST_PAUSE = 0.02
_LONGEST_PAUSE = 0.5

_T = TypeVar("_T")


class BeginBusy(Exception):
    """A group's ``BEGIN`` found the file locked: nothing of the group ran yet."""

    def __init__(self, cause: sqlite3.OperationalError) -> None:
        super().__init__(str(cause))
        self.cause = cause


def is_busy(err: BaseException) -> bool:
    """Whether ``err`` is SQLite saying another connection holds the lock."""
    return isinstance(err, sqlite3.OperationalError) and any(
        word in str(err).lower() for word in ("locked", "busy"))


def begin(conn: sqlite3.Connection) -> None:
    """``BEGIN IMMEDIATE`` (runs in the connection's thread); a lock held elsewhere
    comes out as :class:`BeginBusy`."""
    try:
        conn.execute("BEGIN IMMEDIATE").close()
    except sqlite3.OperationalError as err:
        if is_busy(err):
            raise BeginBusy(err) from err
        raise


class Patience:
    """The pauses between tries of one command, until its deadline."""

    def __init__(self) -> None:
        self._deadline = time.monotonic() + BUSY_WAIT_SECONDS
        self._pause = _FIRST_PAUSE

    async def wait(self) -> bool:
        """Pause before the next try; False when the deadline leaves no room for one."""
        if time.monotonic() + self._pause > self._deadline:
            return False
        await asyncio.sleep(self._pause)
        self._pause = min(self._pause * 2, _LONGEST_PAUSE)
        return True


async def patiently(attempt: Callable[[], Awaitable[_T]]) -> _T:
    """``attempt()`` again while SQLite says the file is locked, up to the deadline."""
    patience = Patience()
    while True:
        try:
            return await attempt()
        except sqlite3.OperationalError as err:
            if not is_busy(err) or not await patience.wait():
                raise
