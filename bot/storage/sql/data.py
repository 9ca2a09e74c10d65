"""A lifter's data as a whole: export pages, idempotent imports, pending previews, erasure."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from bot.domain.models import Exercise, StoredEntry
from bot.storage.contract import NewEntry, PendingImport
from bot.storage.driver import Driver, Executor
from bot.storage.ids import IdSource
from bot.storage.migrations.personal_data import (
    CHILD_TABLES,
    SERVER_CACHES,
    SERVER_REFERENCES,
    USER_TABLES,
)
from bot.storage.rows import (
    ENTRY_INSERT,
    ENTRY_SELECT,
    MEMBER_LOGGED,
    SET_INSERT,
    as_date,
    as_datetime,
    entry_values,
    group_entries,
    sessions_and_logs,
    set_values,
)

IMPORT_SOURCE = "import"
PENDING_PER_USER = 5

# Refs already stored are filtered out first; ON CONFLICT covers an import of the
# same entries committed meanwhile by another process (the partial unique index).
_INSERT_ENTRY = f"{ENTRY_INSERT} ON CONFLICT DO NOTHING"
_REF_CHUNK = 500
_TABLES_WITH_USER_ID = {
    "sqlite": "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p"
              " WHERE m.type = 'table' AND p.name = 'user_id'",
    "postgres": "SELECT table_name FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND column_name = 'user_id'",
}


class DataSql:
    driver: Driver
    ids: IdSource

    # export --------------------------------------------------------------------

    async def entries_page(
        self, user_id: str, after: tuple[datetime, int] | None, limit: int
    ) -> list[StoredEntry]:
        """The next ``limit`` entries in time order after ``after`` (moment, entry id)."""
        if after is None:
            ids = await self.driver.fetchall(
                "SELECT entry_id FROM entries WHERE user_id = ?"
                " ORDER BY performed_at, entry_id LIMIT ?", (user_id, limit))
        else:
            moment, last_id = after
            ids = await self.driver.fetchall(
                "SELECT entry_id FROM entries WHERE user_id = ? AND (performed_at > ?"
                " OR (performed_at = ? AND entry_id > ?)) ORDER BY performed_at, entry_id"
                " LIMIT ?", (user_id, moment, moment, last_id, limit))
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        rows = await self.driver.fetchall(
            f"{ENTRY_SELECT} WHERE e.user_id = ? AND e.entry_id IN ({marks})"
            " ORDER BY e.performed_at, e.entry_id, s.position",
            (user_id, *(r[0] for r in ids)),
        )
        return group_entries(rows, as_datetime, as_date)

    # import --------------------------------------------------------------------

    async def import_entries(
        self,
        user_id: str,
        guild_id: str,
        entries: Sequence[NewEntry],
        customs: Sequence[Exercise],
        now: datetime,
        pending_id: int | None = None,
    ) -> list[str]:
        """Store what is new, skip what an earlier import stored; all in one transaction.

        Entries need ``source_ref`` set (their fingerprint). Own exercises are added
        without overwriting a tier the lifter already chose. The pending preview, if
        given, is removed in the same transaction. Returns the refs of the entries added.
        """
        async with self.driver.transaction() as tx:
            for custom in customs:
                await tx.execute(
                    "INSERT INTO custom_exercises (user_id, key, name, tier) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (user_id, key) DO UPDATE SET"
                    " tier = COALESCE(custom_exercises.tier, excluded.tier)",
                    (user_id, custom.key, custom.name, custom.tier),
                )
            stored = await _stored_refs(tx, user_id, [e.source_ref or "" for e in entries])
            fresh: dict[str, NewEntry] = {}
            for new in entries:
                if new.source_ref and new.source_ref not in stored:
                    fresh.setdefault(new.source_ref, new)
            ids = self.ids.reserve(len(fresh), now)
            news = list(zip(ids, fresh.values(), strict=True))
            grouped = sessions_and_logs(ids, list(fresh.values()))
            await tx.executemany(_INSERT_ENTRY, [
                entry_values(entry_id, user_id, guild_id, new, now, IMPORT_SOURCE, pair)
                for (entry_id, new), pair in zip(news, grouped, strict=True)
            ])
            inserted = await _existing_ids(tx, user_id, [entry_id for entry_id, _ in news])
            news = [(entry_id, new) for entry_id, new in news if entry_id in inserted]
            await tx.executemany(SET_INSERT, [
                (entry_id, i, *set_values(s))
                for entry_id, new in news for i, s in enumerate(new.sets)
            ])
            if news and guild_id:
                await tx.execute(MEMBER_LOGGED, (guild_id, user_id, now, now))
            if pending_id is not None:
                await tx.execute(
                    "DELETE FROM pending_imports WHERE user_id = ? AND pending_id = ?",
                    (user_id, pending_id),
                )
        return [new.source_ref or "" for _, new in news]

    async def save_pending_import(
        self, user_id: str, guild_id: str, payload: str, now: datetime, expired_before: datetime
    ) -> int:
        """Keep a preview until it is confirmed; sweep expired previews and old ones."""
        async with self.driver.transaction() as tx:
            await tx.execute("DELETE FROM pending_imports WHERE created_at < ?", (expired_before,))
            pending_id = int(await tx.fetchval(
                "INSERT INTO pending_imports (user_id, guild_id, created_at, payload)"
                " VALUES (?, ?, ?, ?) RETURNING pending_id", (user_id, guild_id, now, payload),
            ))
            await tx.execute(
                "DELETE FROM pending_imports WHERE user_id = ? AND pending_id NOT IN"
                " (SELECT pending_id FROM pending_imports WHERE user_id = ?"
                " ORDER BY pending_id DESC LIMIT ?)", (user_id, user_id, PENDING_PER_USER),
            )
        return pending_id

    async def pending_import(self, user_id: str, pending_id: int | None) -> PendingImport | None:
        """The lifter's preview by id, or their latest when ``pending_id`` is None."""
        if pending_id is None:
            where = "pending_id = (SELECT MAX(pending_id) FROM pending_imports WHERE user_id = ?)"
            params: tuple[Any, ...] = (user_id,)
        else:
            where, params = "user_id = ? AND pending_id = ?", (user_id, pending_id)
        row = await self.driver.fetchone(
            f"SELECT pending_id, guild_id, created_at, payload FROM pending_imports WHERE {where}",
            params,
        )
        if row is None:
            return None
        return PendingImport(int(row[0]), row[1], as_datetime(row[2]), row[3])

    async def delete_pending_import(self, user_id: str, pending_id: int) -> bool:
        async with self.driver.transaction() as tx:
            found = await tx.fetchval(
                "SELECT pending_id FROM pending_imports WHERE user_id = ? AND pending_id = ?",
                (user_id, pending_id),
            )
            if found is not None:
                await tx.execute(
                    "DELETE FROM pending_imports WHERE user_id = ? AND pending_id = ?",
                    (user_id, pending_id),
                )
        return found is not None

    # the right to be forgotten ---------------------------------------------------

    async def user_data_counts(self, user_id: str) -> dict[str, int]:
        """How many rows each personal table holds on the lifter (tables with none left out)."""
        return await _walk(self.driver, self.driver.engine, user_id, erase=False)

    async def forget_user(self, user_id: str) -> dict[str, int]:
        """Erase every row about the lifter, in one transaction; returns rows per table."""
        async with self.driver.transaction() as tx:
            return await _walk(tx, self.driver.engine, user_id, erase=True)

    async def tables_with_user_id(self) -> set[str]:
        """Every table of the live schema that has a ``user_id`` column."""
        return await _tables(self.driver, self.driver.engine)


async def _stored_refs(tx: Executor, user_id: str, refs: list[str]) -> set[str]:
    """Which of ``refs`` earlier imports of this lifter already stored."""
    found: set[str] = set()
    for start in range(0, len(refs), _REF_CHUNK):
        chunk = refs[start:start + _REF_CHUNK]
        marks = ", ".join("?" for _ in chunk)
        rows = await tx.fetchall(
            f"SELECT source_ref FROM entries WHERE user_id = ? AND source = '{IMPORT_SOURCE}'"
            f" AND source_ref IN ({marks})", (user_id, *chunk),
        )
        found.update(str(r[0]) for r in rows)
    return found


async def _existing_ids(tx: Executor, user_id: str, ids: list[int]) -> set[int]:
    """Which of the freshly given ``ids`` made it into entries (a conflict skips a row)."""
    found: set[int] = set()
    for start in range(0, len(ids), _REF_CHUNK):
        chunk = ids[start:start + _REF_CHUNK]
        marks = ", ".join("?" for _ in chunk)
        rows = await tx.fetchall(
            f"SELECT entry_id FROM entries WHERE user_id = ? AND entry_id IN ({marks})",
            (user_id, *chunk),
        )
        found.update(int(r[0]) for r in rows)
    return found


async def _has_table(ex: Executor, engine: str, table: str) -> bool:
    sql = ("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?" if engine == "sqlite"
           else "SELECT 1 FROM information_schema.tables"
                " WHERE table_schema = current_schema() AND table_name = ?")
    return await ex.fetchval(sql, (table,)) is not None


async def _tables(ex: Executor, engine: str) -> set[str]:
    return {str(r[0]) for r in await ex.fetchall(_TABLES_WITH_USER_ID[engine])}


async def _walk(tx: Executor, engine: str, user_id: str, *, erase: bool) -> dict[str, int]:
    """Count the lifter's rows in every personal table, then (if ``erase``) delete them.

    All counts are taken before any delete, so they say what was held even where a
    delete cascades or a trigger removes derived rows.
    """
    present = await _tables(tx, engine)
    targets: list[tuple[str, str]] = []
    for table in USER_TABLES:
        if table not in present:
            continue
        # A table's children go just before it; derived rows (leaderboard days) and
        # memberships are listed before entries, so their triggers find little to do.
        targets += [
            (child, f"{column} IN (SELECT {parent_column} FROM {parent} WHERE user_id = ?)")
            for child, (column, parent, parent_column) in CHILD_TABLES.items()
            if parent == table
        ]
        targets.append((table, "user_id = ?"))
    # Table and column names come from the constant lists, never from input.
    counts = {
        table: int(await tx.fetchval(f"SELECT COUNT(*) FROM {table} WHERE {where}",
                                     (user_id,)) or 0)
        for table, where in targets
    }
    named = {table: column for table, column in SERVER_REFERENCES.items()
             if await _has_table(tx, engine, table)}
    for table, column in named.items():
        counts[table] = int(await tx.fetchval(
            f"SELECT COUNT(*) FROM {table} WHERE {column} = ?", (user_id,)) or 0)
    if erase:
        for cache, server in SERVER_CACHES.items():
            if await _has_table(tx, engine, cache):
                await tx.execute(f"DELETE FROM {cache} WHERE {server} IN"
                                 " (SELECT guild_id FROM guild_members WHERE user_id = ?)",
                                 (user_id,))
        for table, column in named.items():
            if counts[table]:
                await tx.execute(f"UPDATE {table} SET {column} = NULL WHERE {column} = ?",
                                 (user_id,))
        for table, where in targets:
            if counts[table]:
                await tx.execute(f"DELETE FROM {table} WHERE {where}", (user_id,))
    return {t: n for t, n in counts.items() if n}
