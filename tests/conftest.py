"""Shared fixtures: a coach on each storage engine with a clock the test controls."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.coach import Coach
from bot.storage.sqlite import SQLiteStorage
from tests.helpers import FakeClock, postgres_storage

_FIGURES: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Collect what tests record as ``figure`` (it reaches here from every worker)."""
    if report.when == "call":
        _FIGURES.extend(str(value) for key, value in report.user_properties if key == "figure")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the figures the reliability tests measured, whatever the capture mode."""
    if _FIGURES:
        terminalreporter.section("figures measured by the tests")
        for line in _FIGURES:
            terminalreporter.write_line(line)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 26, 18, 0, tzinfo=UTC))


@pytest.fixture(params=["sqlite", "postgres"])
async def coach(
    request: pytest.FixtureRequest, tmp_path: Path, clock: FakeClock
) -> AsyncIterator[Coach]:
    """The same coach on each engine: it must not be able to tell them apart."""
    if request.param == "sqlite":
        storage = await SQLiteStorage.open(tmp_path / "coach.db")
        yield Coach(storage, clock)
        await storage.close()
    else:
        async with postgres_storage() as pg:
            yield Coach(pg, clock)
