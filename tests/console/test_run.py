"""The console as a person meets it: a greeting, pasted sessions, clean ways out."""

from __future__ import annotations

import io
import os
import pty
import select
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.coach import Coach
from bot.console.run import dispatch, run_console
from tests.helpers import FakeClock, open_in_schema, require_postgres, throwaway_schema
from tests.storage.proxy import relayed

ROOT = Path(__file__).resolve().parents[2]


def _console(db: Path, **kwargs: object) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return subprocess.Popen([sys.executable, "-m", "bot", "console", "--db", str(db)],
                            cwd=ROOT, env=env, **kwargs)  # type: ignore[call-overload]


def _read_until(fd: int, needle: bytes, seconds: float = 20.0) -> bytes:
    seen = b""
    deadline = time.monotonic() + seconds
    while needle not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    return seen


@pytest.mark.parametrize("leave", ["/quit\n", "ctrl-d", "ctrl-c"])
def test_a_person_is_told_how_to_get_help_and_can_leave_cleanly(
    tmp_path: Path, leave: str
) -> None:
    main, other = pty.openpty()
    proc = _console(tmp_path / "c.db", stdin=other, stdout=other, stderr=other)
    os.close(other)
    try:
        greeting = _read_until(main, b"liftcoach> ")
        assert b"/help" in greeting and b"/quit" in greeting
        if leave == "ctrl-c":
            os.kill(proc.pid, signal.SIGINT)
        else:
            os.write(main, b"\x04" if leave == "ctrl-d" else leave.encode())
        assert proc.wait(timeout=20) == 0
        rest = _read_until(main, b"\x00", seconds=1.0)
        assert b"Traceback" not in greeting + rest
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(main)


@pytest.mark.parametrize("kind", ["folder", "not a database", "missing folder"])
def test_a_bad_database_path_is_one_clear_line_and_status_2(tmp_path: Path, kind: str) -> None:
    if kind == "folder":
        db = tmp_path
    elif kind == "not a database":
        db = tmp_path / "notes.db"
        db.write_text("shopping list: eggs, oats\n" * 100, "utf-8")
    else:
        db = tmp_path / "no" / "such" / "place.db"
    proc = _console(db, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 2
    lines = err.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("liftcoach: ") and str(db) in lines[0]
    assert b"Traceback" not in out + err


def test_a_pasted_session_is_one_log(tmp_path: Path) -> None:
    session = ("/log squat 5x5 @100kg rir2\nleg curl 3x12 f\ncalf raise 4x15 rir1\n"
               "\n/history\n")
    proc = _console(tmp_path / "c.db", stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE)
    out, err = proc.communicate(session.encode(), timeout=60)
    text = out.decode()
    assert proc.returncode == 0, err.decode()
    assert "Logged 3 exercises" in text
    assert "Commands start with a slash" not in text
    history = text.split("Your sessions", 1)[1]
    assert "3 exercises" in history  # one message, one session
    assert all(name in history for name in ("back squat", "leg curl", "calf raise"))


def test_lines_typed_after_another_command_are_not_glued_to_it(tmp_path: Path) -> None:
    proc = _console(tmp_path / "c.db", stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE)
    out, _ = proc.communicate(b"/history\nsquat 5x5\n", timeout=60)
    assert "Commands start with a slash" in out.decode()


async def test_a_typed_line_loses_its_control_characters_before_any_command(
    coach: Coach, tmp_path: Path
) -> None:
    """On both engines: PostgreSQL refuses NUL, and no engine encodes a lone surrogate."""
    saved = await dispatch(coach, "me", "console", "/exercise zorb\x00lift\ud800 tier:B",
                           tmp_path)
    assert saved is not None and saved.saved, saved
    assert [e.name for e in await coach.storage.custom_exercises("me")] == ["zorb lift"]
    zone = await dispatch(coach, "me", "console", "/profile tz:Europe/Berlin\x00", tmp_path)
    assert zone is not None and zone.title == "Profile saved", zone


async def test_an_outage_is_a_try_again_reply_and_the_console_goes_on(tmp_path: Path) -> None:
    """PostgreSQL goes away mid-session: each command says so and the session goes on
    to the end of its input; once the server is back, commands work again."""
    url = require_postgres()
    async with throwaway_schema(url) as schema, relayed(url) as (relay, through):
        storage = await open_in_schema(through, schema, command_timeout=2)
        coach = Coach(storage, FakeClock(datetime(2026, 11, 26, 18, 0, tzinfo=UTC)))
        try:
            saved = await dispatch(coach, "me", "console", "/log squat 5x5 @100kg", tmp_path)
            assert saved is not None and saved.saved
            relay.refusing = True
            relay.cut()
            out = io.StringIO()
            status = await run_console(coach, "me", "console", io.StringIO(
                "/log bench 3x8 @80kg\n/history\n/stats\n"), out)
            assert status == 0
            assert out.getvalue().count("My database did not answer") == 3, out.getvalue()
            assert "Traceback" not in out.getvalue()
            relay.refusing = False
            again = await dispatch(coach, "me", "console", "/log bench 3x8 @80kg", tmp_path)
            assert again is not None and again.saved
            assert len(await storage.history("me", None, 10)) == 2
        finally:
            relay.refusing = False
            relay.cut()
            await storage.close()
