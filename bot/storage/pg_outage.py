"""When PostgreSQL does not answer: which errors mean that, and the one retry.

A connection can go under a command (the server restarts, a network resets it, an
administrator ends the backend), and a command can outlast its timeout (a silent
network, a server under load: ``DATABASE_COMMAND_TIMEOUT``, which the server enforces
as ``statement_timeout`` and the client as asyncpg's own timeout). Both become
:class:`~bot.storage.driver.StorageOutage`, which the edges answer with "try again".
A lost connection is retried once on a fresh one from the pool when nothing can have
been written twice: a read, or a transaction that had not reached its commit.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

import asyncpg

from bot.storage.driver import StorageOutage

_T = TypeVar("_T")

GRACE_SECONDS = 1.0
"""The client waits this much past the server's statement timeout, so the server's own
cancel (a clear error) normally comes first and the client's covers a silent network."""
MIGRATION_SECONDS = 3600.0
"""Migrations may take long on a big database: they get their own, longer timeout."""

_LOST = (asyncpg.PostgresConnectionError, asyncpg.exceptions.AdminShutdownError,
         asyncpg.exceptions.CrashShutdownError, asyncpg.exceptions.CannotConnectNowError,
         ConnectionError)


def slow(err: BaseException) -> bool:
    """A command past its timeout, on the client's clock or the server's."""
    return isinstance(err, (TimeoutError, asyncpg.exceptions.QueryCanceledError))


def lost(err: BaseException) -> bool:
    """The connection went away under the command (an outage raised for it counts when
    the commit had not begun: nothing was written)."""
    if isinstance(err, StorageOutage):
        return not err.unsure and err.__cause__ is not None and lost(err.__cause__)
    if slow(err):
        return False
    if isinstance(err, asyncpg.InterfaceError):
        return "closed" in str(err)
    return isinstance(err, (*_LOST, OSError))


def outage(err: BaseException, *, unsure: bool = False) -> StorageOutage:
    what = "did not answer in time" if slow(err) else "lost its connection"
    return StorageOutage(f"PostgreSQL {what} ({type(err).__name__})", unsure=unsure)


async def twice(call: Callable[[], Awaitable[_T]], pool: asyncpg.Pool) -> _T:
    """``call()``; once more if the connection was lost, on fresh connections (the
    others in ``pool`` likely went with it, as when the server restarts); an outage
    either way when it still fails or ran out of time."""
    try:
        return await call()
    except Exception as err:
        if slow(err):
            raise outage(err) from err
        if not lost(err):
            raise
    await pool.expire_connections()
    try:
        return await call()
    except Exception as err:
        if slow(err) or lost(err):
            raise outage(err) from err
        raise
