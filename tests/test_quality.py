"""The code stays lint-clean and strictly typed, and the pure core stays pure."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = ROOT / "bot" / "domain"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_finds_nothing() -> None:
    result = _run("ruff", "check", "bot", "tests", "bench", "tools")
    assert result.returncode == 0, result.stdout + result.stderr


def test_bot_is_strictly_typed() -> None:
    """All of bot/, edges and storage included: the settings live in pyproject.toml."""
    result = _run("mypy", "--strict", "bot")
    assert result.returncode == 0, result.stdout + result.stderr


def test_domain_reads_no_clock_and_does_no_io() -> None:
    """Walks every subpackage too: a group's module is as much the domain as models.py."""
    forbidden = (
        "import discord", "import aiosqlite", "import asyncpg", "import asyncio", "import sqlite3",
        "from bot.storage", "from bot.coach", "datetime.now(", "date.today(", "time.time(",
        "open(",
    )
    modules = sorted(DOMAIN.rglob("*.py"))
    assert any(path.parent != DOMAIN for path in modules), "the walk missed the subpackages"
    offenders = [
        f"{path.relative_to(ROOT)}: {needle}"
        for path in modules
        for needle in forbidden
        if needle in path.read_text("utf-8")
    ]
    assert offenders == []
