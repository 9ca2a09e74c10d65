"""/forget-me: every row about a lifter, erased in short batches, all or nothing.

1. One transaction marks the lifter (``erasures``) and takes them off every board:
   their server memberships, board days and stamps go, and the stored boards of
   their servers with them; server rows naming them (a recap's admin) lose the name.
   From here no other lifter sees any of theirs.
2. Every personal table (``personal_data.USER_TABLES``, children first) is emptied of
   the lifter's rows a batch at a time, each batch its own transaction with the row
   triggers set aside (:mod:`bot.storage.sql.bulk`): other lifters' commands run
   between batches, and the work grows with the rows, never with their square.
3. One last transaction sweeps what arrived meanwhile and removes the mark.

A crash anywhere leaves the mark, and a start-up finishes the erasure
(:func:`finish_erasures`): the result is the same as if nothing had interrupted it.
Counts are taken as rows go, so the reply says what was held.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.storage.driver import Driver, Executor
from bot.storage.migrations.personal_data import (
    CHILD_TABLES,
    ERASURE_MARK,
    SERVER_CACHES,
    SERVER_REFERENCES,
    USER_TABLES,
)
from bot.storage.sql.bulk import BATCH_ENTRIES, BATCH_ROWS, flag_off, flag_on, primary_key

_TABLES_WITH_USER_ID = {
    "sqlite": "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p"
              " WHERE m.type = 'table' AND p.name = 'user_id'",
    "postgres": "SELECT table_name FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND column_name = 'user_id'",
}
_HAS_TABLE = {
    "sqlite": "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
    "postgres": "SELECT 1 FROM information_schema.tables"
                " WHERE table_schema = current_schema() AND table_name = ?",
}
# Left in step 1: the tables that put a lifter on a board.
_BOARD_TABLES = ("board_days", "guild_members", "board_stamps")
_COUNT_PAGE = 2000  # parents whose children one read counts


@dataclass(frozen=True)
class _Target:
    """A personal table, the columns a batch picks its rows by, and its children."""

    table: str
    key: tuple[str, ...]
    children: tuple[tuple[str, str, str], ...]  # (child, its column, the parent's column)

    def pick(self) -> str:
        size = BATCH_ENTRIES if self.children else BATCH_ROWS
        return (f"SELECT {', '.join(self.key)} FROM {self.table} WHERE user_id = ?"
                f" LIMIT {size}")


Counts = dict[str, int]


async def tables_with_user_id(ex: Executor, engine: str) -> set[str]:
    """Every table of the live schema that has a ``user_id`` column."""
    return {str(r[0]) for r in await ex.fetchall(_TABLES_WITH_USER_ID[engine])}


async def erase_lifter(driver: Driver, user_id: str) -> Counts:
    """Erase every row about ``user_id``; returns rows per table (tables with none left
    out). Safe to run again on a lifter half erased: it finishes the job."""
    targets = await _targets(driver)
    counts = await _leave_boards(driver, user_id)
    for target in targets:
        while True:
            batch = await _erase_batch(driver, user_id, target)
            if not batch:
                break
            _add(counts, batch)
    _add(counts, await _sweep(driver, user_id, targets))
    return {t: n for t, n in counts.items() if n}


async def finish_erasures(driver: Driver) -> list[str] | None:
    """Finish every erasure a crash interrupted (at start-up); returns whose (None: the
    schema predates erasure marks, migration 015)."""
    if await driver.fetchval(_HAS_TABLE[driver.engine], (ERASURE_MARK,)) is None:
        return None
    marked = [str(r[0]) for r in await driver.fetchall(f"SELECT user_id FROM {ERASURE_MARK}")]
    for user_id in marked:
        await erase_lifter(driver, user_id)
    return marked


async def count_lifter(driver: Driver, user_id: str) -> Counts:
    """How many rows each personal table holds on the lifter (tables with none left
    out), read in short reads: children are counted a page of parents at a time."""
    targets = await _targets(driver)
    counts: Counts = {}
    for target in targets:
        counts[target.table] = int(await driver.fetchval(
            f"SELECT COUNT(*) FROM {target.table} WHERE user_id = ?", (user_id,)) or 0)
        for child, column, parent_column in target.children:
            counts[child] = await _count_children(
                driver, user_id, target.table, child, column, parent_column)
    for table, column in (await _references(driver, driver.engine)).items():
        counts[table] = await _count(driver, table, f"{column} = ?", user_id)
    return {t: n for t, n in counts.items() if n}


async def _targets(driver: Driver) -> list[_Target]:
    present = await tables_with_user_id(driver, driver.engine)
    targets = []
    for table in USER_TABLES:
        if table == ERASURE_MARK or table not in present:
            continue
        children = tuple((child, column, parent_column)
                         for child, (column, parent, parent_column) in CHILD_TABLES.items()
                         if parent == table)
        key = await primary_key(driver, driver.engine, table)
        targets.append(_Target(table, key, children))
    return targets


async def _leave_boards(driver: Driver, user_id: str) -> Counts:
    """Step 1, one transaction: the mark, and the lifter off every board."""
    engine = driver.engine
    present = await tables_with_user_id(driver, engine)
    async with driver.transaction() as tx:
        await tx.execute(f"INSERT INTO {ERASURE_MARK} (user_id) VALUES (?)"
                         " ON CONFLICT DO NOTHING", (user_id,))
        await flag_on(tx, engine)
        await _drop_caches(tx, engine, user_id)
        counts = await _unname(tx, engine, user_id)
        for table in _BOARD_TABLES:
            if table in present:
                counts[table] = await _count(tx, table, "user_id = ?", user_id)
                await tx.execute(f"DELETE FROM {table} WHERE user_id = ?", (user_id,))
        await flag_off(tx, engine)
    return counts


async def _erase_batch(driver: Driver, user_id: str, target: _Target) -> Counts:
    """Step 2: one batch of one table (with its rows' children), in one transaction."""
    pick = target.pick()
    if not int(await driver.fetchval(f"SELECT COUNT(*) FROM ({pick}) x", (user_id,)) or 0):
        return {}
    columns = ", ".join(target.key)
    async with driver.transaction() as tx:
        await flag_on(tx, driver.engine)
        counts = {target.table: int(await tx.fetchval(
            f"SELECT COUNT(*) FROM ({pick}) x", (user_id,)) or 0)}
        for child, column, parent_column in target.children:
            within = (f"{column} IN (SELECT {parent_column} FROM ({pick}) p)")
            counts[child] = await _count(tx, child, within, user_id)
            await tx.execute(f"DELETE FROM {child} WHERE {within}", (user_id,))
        await tx.execute(f"DELETE FROM {target.table} WHERE ({columns}) IN ({pick})",
                         (user_id,))
        await flag_off(tx, driver.engine)
    return counts


async def _sweep(driver: Driver, user_id: str, targets: Sequence[_Target]) -> Counts:
    """Step 3, one transaction: whatever the lifter added meanwhile, then the mark."""
    engine = driver.engine
    counts: Counts = {}
    async with driver.transaction() as tx:
        await flag_on(tx, engine)
        await _drop_caches(tx, engine, user_id)
        counts.update(await _unname(tx, engine, user_id))
        for target in targets:
            for child, column, parent_column in target.children:
                within = (f"{column} IN (SELECT {parent_column} FROM {target.table}"
                          " WHERE user_id = ?)")
                counts[child] = await _count(tx, child, within, user_id)
                await tx.execute(f"DELETE FROM {child} WHERE {within}", (user_id,))
            counts[target.table] = await _count(tx, target.table, "user_id = ?", user_id)
            await tx.execute(f"DELETE FROM {target.table} WHERE user_id = ?", (user_id,))
        await tx.execute(f"DELETE FROM {ERASURE_MARK} WHERE user_id = ?", (user_id,))
        await flag_off(tx, engine)
    return counts


async def _drop_caches(tx: Executor, engine: str, user_id: str) -> None:
    """Stored boards of the lifter's servers name the lifter: they go (and are rebuilt)."""
    for cache, server in SERVER_CACHES.items():
        if await tx.fetchval(_HAS_TABLE[engine], (cache,)) is not None:
            await tx.execute(f"DELETE FROM {cache} WHERE {server} IN"
                             " (SELECT guild_id FROM guild_members WHERE user_id = ?)",
                             (user_id,))


async def _references(ex: Executor, engine: str) -> dict[str, str]:
    """The server rows that may name a person (a recap's admin), present in the schema."""
    return {table: column for table, column in SERVER_REFERENCES.items()
            if await ex.fetchval(_HAS_TABLE[engine], (table,)) is not None}


async def _unname(tx: Executor, engine: str, user_id: str) -> Counts:
    """Server rows naming the lifter keep their setting and lose the name."""
    counts: Counts = {}
    for table, column in (await _references(tx, engine)).items():
        counts[table] = await _count(tx, table, f"{column} = ?", user_id)
        if counts[table]:
            await tx.execute(f"UPDATE {table} SET {column} = NULL WHERE {column} = ?",
                             (user_id,))
    return counts


async def _count_children(
    driver: Driver, user_id: str, parent: str, child: str, column: str, parent_column: str
) -> int:
    """Children of the lifter's ``parent`` rows, a page of parents per read (in the
    order of the parent's (user_id, local_date) index)."""
    total = 0
    after: tuple[object, object] | None = None
    while True:
        where = "user_id = ?"
        params: tuple[object, ...] = (user_id,)
        if after is not None:
            where += f" AND (local_date > ? OR (local_date = ? AND {parent_column} > ?))"
            params += (after[0], after[0], after[1])
        rows = await driver.fetchall(
            f"SELECT local_date, {parent_column} FROM {parent} WHERE {where}"
            f" ORDER BY local_date, {parent_column} LIMIT {_COUNT_PAGE}", params)
        if not rows:
            return total
        marks = ", ".join("?" for _ in rows)
        total += int(await driver.fetchval(
            f"SELECT COUNT(*) FROM {child} WHERE {column} IN ({marks})",
            [r[1] for r in rows]) or 0)
        if len(rows) < _COUNT_PAGE:
            return total
        after = (rows[-1][0], rows[-1][1])


async def _count(tx: Executor, table: str, where: str, user_id: str) -> int:
    # Table and column names come from the constant lists, never from input.
    return int(await tx.fetchval(f"SELECT COUNT(*) FROM {table} WHERE {where}",
                                 (user_id,)) or 0)


def _add(counts: Counts, more: Counts) -> None:
    for table, n in more.items():
        counts[table] = counts.get(table, 0) + n
