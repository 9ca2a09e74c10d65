"""Any text, to any command: a reply or a clear error, never an unhandled exception."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.coach import Coach
from bot.coach.cooldown import Cooldown
from bot.console.commands import COMMANDS
from bot.console.run import dispatch
from bot.storage.sqlite import SQLiteStorage

NASTY = st.sampled_from([
    "", " ", "\x00", "\u202e", "@everyone", "<@&1>", "'; DROP TABLE entries; --", "**", "`",
    "tier:Z", "tz:Mars/Base", "unit:stone", "target:99", "days:funday", "time:25:61",
    "format:xml", "path:/nonexistent", "confirm", "x" * 10_000, "😀" * 50, "9" * 40,
    "¹", "²3", "٣",  # digits to str.isdigit, and not all of them to int()
])
TEXT = st.one_of(st.text(max_size=300), NASTY, st.lists(NASTY, max_size=6).map(" ".join))


def test_every_console_command_answers_any_arguments(tmp_path: Path) -> None:
    loop = asyncio.new_event_loop()
    storage = loop.run_until_complete(SQLiteStorage.open(tmp_path / "any.db"))
    coach = Coach(storage, lambda: datetime(2026, 11, 26, 18, tzinfo=UTC),
                  cooldown=Cooldown(10**9, 1))
    names = sorted(COMMANDS)
    assert {"log", "undo", "history", "why", "profile", "sore", "exercise", "help"} <= set(names)

    @settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.sampled_from([*names, "nosuchcommand"]), TEXT)
    def one(name: str, text: str) -> None:
        reply = loop.run_until_complete(
            dispatch(coach, "fuzzer", "guild", f"/{name} {text}", tmp_path / "out"))
        assert reply is not None and reply.title

    try:
        one()
    finally:
        loop.run_until_complete(storage.close())
        loop.close()
