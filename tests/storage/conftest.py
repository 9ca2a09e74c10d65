"""Storage fixtures: every contract test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.storage.contract import Storage
from bot.storage.sqlite import SQLiteStorage
from tests.helpers import postgres_storage


@pytest.fixture(params=["sqlite", "postgres"])
async def storage(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Storage]:
    if request.param == "sqlite":
        store = await SQLiteStorage.open(tmp_path / "test.db")
        yield store
        await store.close()
    else:
        async with postgres_storage() as pg:
            yield pg
