"""Storage fixtures: every contract test runs on each engine available."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.storage.base import Storage
from bot.storage.sqlite import SQLiteStorage


@pytest.fixture
async def storage(tmp_path: Path) -> AsyncIterator[Storage]:
    store = await SQLiteStorage.open(tmp_path / "test.db")
    yield store
    await store.close()
