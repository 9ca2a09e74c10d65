"""The code stays lint-clean and the pure core stays strictly typed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_finds_nothing() -> None:
    result = _run("ruff", "check", "bot", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_domain_is_strictly_typed() -> None:
    result = _run("mypy", "--strict", "bot/domain")
    assert result.returncode == 0, result.stdout + result.stderr


def test_domain_reads_no_clock_and_does_no_io() -> None:
    forbidden = (
        "import discord", "import aiosqlite", "import asyncpg", "import asyncio", "import sqlite3",
        "from bot.storage", "from bot.coach", "datetime.now(", "date.today(", "time.time(",
        "open(",
    )
    offenders = [
        f"{path.name}: {needle}"
        for path in sorted((ROOT / "bot" / "domain").glob("*.py"))
        for needle in forbidden
        if needle in path.read_text("utf-8")
    ]
    assert offenders == []
