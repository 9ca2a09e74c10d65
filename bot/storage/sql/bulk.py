"""Bulk work in short transactions: the flag that sets the per-row triggers aside, the
keys a batch deletes by, and how big a batch is.

Erasing a lifter and publishing an import touch every row a lifter may hold. Done in
one statement, the row triggers of entries and sets redo a day's leaderboard figures
for each row (time in the square of a day's entries) and one transaction holds the
database for as long as it takes. Done here, the work goes in batches of a bounded
number of rows, each its own transaction, with the flag on: the triggers stand aside
(migration 015) and the batch keeps the derived rows right itself, set-based.
"""

from __future__ import annotations

from bot.storage.driver import Executor, Step

BATCH_ROWS = 500
"""Rows of one table a batch erases or publishes at most (an entry's sets come along:
at most 20 each)."""
BATCH_ENTRIES = 200
"""Entries a batch erases or publishes at most, with all their sets."""

# SQLite: the board_bulk row (migration 008) lives and dies inside the batch's
# transaction, and one connection writes at a time. PostgreSQL: a setting local to the
# batch's transaction.
_FLAG_ON = {
    "sqlite": "INSERT INTO board_bulk (running) VALUES (1)",
    "postgres": "SELECT set_config('liftcoach.bulk', 'on', true)",
}
_FLAG_OFF = {
    "sqlite": "DELETE FROM board_bulk",
    "postgres": "SELECT set_config('liftcoach.bulk', '', true)",
}
_PRIMARY_KEY = {
    "sqlite": "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk",
    "postgres": "SELECT a.attname FROM pg_index i JOIN pg_attribute a"
                " ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)"
                " WHERE i.indrelid = to_regclass(?) AND i.indisprimary ORDER BY a.attnum",
}


def flag_steps(engine: str) -> tuple[tuple[Step], tuple[Step]]:
    """The flag set and cleared, as the first and last steps of a write batch."""
    return (Step(_FLAG_ON[engine]),), (Step(_FLAG_OFF[engine]),)


async def flag_on(tx: Executor, engine: str) -> None:
    await tx.execute(_FLAG_ON[engine])


async def flag_off(tx: Executor, engine: str) -> None:
    await tx.execute(_FLAG_OFF[engine])


async def primary_key(ex: Executor, engine: str, table: str) -> tuple[str, ...]:
    """The columns of ``table``'s primary key (every personal table has one)."""
    return tuple(str(r[0]) for r in await ex.fetchall(_PRIMARY_KEY[engine], (table,)))
