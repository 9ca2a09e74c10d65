"""/forget-me covers the whole schema: read the live tables, compare with the list.

A new migration that adds a table with a user_id column (or one hanging off such a
table by a foreign key) fails here until the table is listed in
bot/storage/migrations/personal_data.py, so erasure can never silently miss it.
"""

from __future__ import annotations

from typing import Any

from bot.storage.contract import Storage
from bot.storage.migrations.personal_data import (
    CHILD_TABLES,
    LABELS,
    SERVER_COUNTERS,
    SERVER_REFERENCES,
    USER_TABLES,
)

_FOREIGN_KEYS = {
    "sqlite": "SELECT m.name, f.\"table\" FROM sqlite_master m,"
              " pragma_foreign_key_list(m.name) f WHERE m.type = 'table'",
    "postgres": "SELECT tc.table_name, ccu.table_name"
                " FROM information_schema.table_constraints tc"
                " JOIN information_schema.constraint_column_usage ccu"
                " ON ccu.constraint_name = tc.constraint_name"
                " AND ccu.table_schema = tc.table_schema"
                " WHERE tc.constraint_type = 'FOREIGN KEY'"
                " AND tc.table_schema = current_schema()",
}


def _driver(storage: Storage) -> Any:
    return storage.driver  # type: ignore[attr-defined]


async def test_every_table_with_a_user_id_is_erased_by_forget_me(storage: Storage) -> None:
    with_user_id = await storage.tables_with_user_id()
    missing = with_user_id - set(USER_TABLES)
    assert not missing, f"add {sorted(missing)} to USER_TABLES in personal_data.py"
    stale = set(USER_TABLES) - with_user_id
    assert not stale, f"{sorted(stale)} are listed but have no user_id column"


async def test_tables_that_hang_off_a_lifters_rows_are_erased_too(storage: Storage) -> None:
    driver = _driver(storage)
    personal = set(USER_TABLES) | set(CHILD_TABLES)
    with_user_id = await storage.tables_with_user_id()
    links = {(str(a), str(b)) for a, b in await driver.fetchall(_FOREIGN_KEYS[driver.engine])}
    assert ("sets", "entries") in links  # the query sees foreign keys at all
    hanging = {child for child, parent in links
               if parent in personal and child not in with_user_id}
    assert hanging <= set(CHILD_TABLES), (
        f"add {sorted(hanging - set(CHILD_TABLES))} to CHILD_TABLES in personal_data.py")
    for child, (column, parent, parent_column) in CHILD_TABLES.items():
        assert parent in USER_TABLES
        await driver.fetchall(f"SELECT {column} FROM {child} WHERE 1 = 0")
        await driver.fetchall(f"SELECT {parent_column} FROM {parent} WHERE 1 = 0")


def test_every_erased_table_has_words_for_the_reply() -> None:
    assert set(LABELS) == set(USER_TABLES) | set(CHILD_TABLES) | set(SERVER_REFERENCES)


async def test_server_counters_hold_no_personal_data(storage: Storage) -> None:
    with_user_id = await storage.tables_with_user_id()
    assert not set(SERVER_COUNTERS) & (with_user_id | set(CHILD_TABLES))
