"""The little an engine must offer so that one SQL implementation serves both.

Statements are written once with ``?`` placeholders; a driver translates them to
its own style and converts dates and times on the way in. Flags are stored as
integers in both engines, so rows read back the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Any, Protocol


class StorageOutage(Exception):
    """The database did not answer (a lost connection, retried once already, or a
    command past its timeout): the command can simply be tried again. ``unsure`` says
    the connection went while a write was being committed, so it may have been kept."""

    def __init__(self, message: str, *, unsure: bool = False) -> None:
        super().__init__(message)
        self.unsure = unsure


@dataclass(frozen=True)
class Step:
    """One statement of a batch: run once with ``params``, or once per row of ``many``."""

    sql: str
    params: Sequence[Any] = ()
    many: Sequence[Sequence[Any]] | None = None
    fetch: bool = False


Rows = list[list[Sequence[Any]]]


@dataclass(frozen=True)
class ReadMore:
    """A plan's answer that asks for more rows before it chooses its writes: ``reads``
    run (in the same trip on SQLite), then ``plan`` is called with their rows and
    answers as the first plan did (writes, None, or another ReadMore)."""

    reads: Sequence[Step]
    plan: WritePlan


WritePlan = Callable[[Rows], "Sequence[Step] | ReadMore | None"]


class Executor(Protocol):
    async def execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...

    async def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    async def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Sequence[Any]]: ...

    async def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Sequence[Any] | None: ...

    async def fetchval(self, sql: str, params: Sequence[Any] = ()) -> Any: ...


class Driver(Executor, Protocol):
    engine: str

    def transaction(self) -> AbstractAsyncContextManager[Executor]: ...

    async def batch(
        self, steps: Sequence[Step], *, write: bool = False
    ) -> list[list[Sequence[Any]]]:
        """Run the steps in one go (one transaction when ``write``); rows per fetching step.

        The hot paths (a log's reads, a log's writes) use this so that each costs a
        single trip to the database.
        """
        ...

    async def read_then_write(
        self, reads: Sequence[Step], plan: WritePlan
    ) -> tuple[Rows, Rows | None]:
        """Run ``reads``, let ``plan`` pick the writes from their rows, then run those in
        one transaction (nothing when it returns None or no steps); a plan may first ask
        for more rows (:class:`ReadMore`). Returns the first reads' rows and the writes'.

        SQLite does all of it in one trip to its thread, where ``plan`` runs too, inside
        the write's transaction; PostgreSQL in two round trips on one connection, the
        reads and then the writes (see :mod:`bot.storage.pg_trips`).
        """
        ...

    async def close(self) -> None: ...
