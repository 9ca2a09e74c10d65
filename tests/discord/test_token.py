"""A token Discord refuses: one clear line, a non-zero exit, and the secret never shown."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import sys
from pathlib import Path

import pytest

from bot.config import Settings
from bot.discord.run import serve
from tests.discord.conftest import TOKEN
from tests.fakediscord import FakeDiscord

ROOT = Path(__file__).resolve().parents[2]
# Starts the real entry point with discord.py pointed at the fake server.
BOOT = """
import os, sys, yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route
Route.BASE = os.environ["FAKE_DISCORD_API"]
DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(os.environ["FAKE_DISCORD_GATEWAY"])
from bot.__main__ import main
sys.exit(main([]))
"""


def all_log_text(caplog: pytest.LogCaptureFixture) -> str:
    handler_text = caplog.text
    messages = [r.getMessage() for r in caplog.records]
    return "\n".join([handler_text, *messages])


def assert_one_clear_line(text: str, mentions: str) -> None:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert lines[0].startswith("liftcoach: ") and mentions in lines[0]
    assert "Traceback" not in text


async def test_serve_reports_a_rejected_token(
    fake: FakeDiscord, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    fake.reject_token()
    settings = Settings(token=TOKEN, database_path=tmp_path / "liftcoach.db")
    with fake.patch_discord():
        code = await asyncio.wait_for(serve(settings), 10)
    out, err = capsys.readouterr()
    assert code != 0
    assert out == ""
    assert_one_clear_line(err, "DISCORD_TOKEN")
    assert TOKEN not in out + err + all_log_text(caplog)
    # The token really was tried, so "not shown" above means something.
    tried = fake.requests_to("/users/@me", "GET")
    assert tried and tried[0].headers.get("Authorization") == f"Bot {TOKEN}"


async def test_serve_reports_a_missing_privileged_intent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    async with FakeDiscord(message_content_intent_allowed=False) as strict:
        strict.add_guild("gym")
        settings = Settings(token=TOKEN, database_path=tmp_path / "liftcoach.db",
                            message_content_intent=True)
        with strict.patch_discord():
            code = await asyncio.wait_for(serve(settings), 10)
    out, err = capsys.readouterr()
    assert code != 0
    assert_one_clear_line(err, "MESSAGE_CONTENT_INTENT")
    assert TOKEN not in out + err


async def test_python_dash_m_bot_exits_cleanly_on_a_rejected_token(
    fake: FakeDiscord, tmp_path: Path
) -> None:
    fake.reject_token()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "DISCORD_TOKEN": TOKEN,
        "DATABASE_PATH": str(tmp_path / "liftcoach.db"),
        "LOG_LEVEL": "DEBUG",
        "FAKE_DISCORD_API": fake.api_url,
        "FAKE_DISCORD_GATEWAY": fake.gateway_url,
    }
    env.pop("DATABASE_URL", None)
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", BOOT, cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    try:
        raw_out, raw_err = await asyncio.wait_for(process.communicate(), 30)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise
    out, err = raw_out.decode(), raw_err.decode()
    assert process.returncode not in (0, None), err
    assert TOKEN not in out + err
    assert "Traceback" not in err
    assert "aiosqlite" not in err  # even at DEBUG, no SQL with lifters' data in the log
    problems = [line for line in err.splitlines() if line.startswith("liftcoach:")]
    assert len(problems) == 1 and "DISCORD_TOKEN" in problems[0], err
    assert fake.requests_to("/users/@me", "GET"), "the process never reached the fake"


async def test_discord_unreachable_at_start_is_retried_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture,
) -> None:
    from discord.http import Route

    settings = Settings(token=TOKEN, database_path=tmp_path / "liftcoach.db")
    old = Route.BASE
    Route.BASE = "http://127.0.0.1:9/api/v10"  # the discard port: nothing listens there
    try:
        code = await asyncio.wait_for(serve(settings, tries=3, first_wait=0.01), 30)
    finally:
        Route.BASE = old
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert code == 1 and out == ""
    assert len(lines) == 3 and all(line.startswith("liftcoach: cannot reach Discord")
                                   for line in lines), err
    assert "try 1" in lines[0] and "try 2" in lines[1] and "giving up" in lines[2]
    assert "Traceback" not in err and TOKEN not in err + all_log_text(caplog)


async def test_python_dash_m_bot_retries_a_closed_port_one_line_a_try(tmp_path: Path) -> None:
    """The real entry point, Discord at a port nobody listens on: each failed try is one
    line, the waits come from DISCORD_RETRY_SECONDS, and DISCORD_START_TRIES ends it."""
    with socket.socket() as probe:  # a port that was free a moment ago, closed now
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DATABASE_"))},
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "DISCORD_TOKEN": TOKEN, "DATABASE_PATH": str(tmp_path / "liftcoach.db"),
        "DISCORD_START_TRIES": "3", "DISCORD_RETRY_SECONDS": "0.01",
        "FAKE_DISCORD_API": f"http://127.0.0.1:{port}/api/v10",
        "FAKE_DISCORD_GATEWAY": f"ws://127.0.0.1:{port}",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", BOOT, cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    raw_out, raw_err = await asyncio.wait_for(process.communicate(), 30)
    err = raw_err.decode()
    assert process.returncode == 1 and raw_out == b"", err
    lines = err.strip().splitlines()
    assert len(lines) == 3 and all(line.startswith("liftcoach: ") for line in lines), err
    assert "try 1; trying again in 0.01 s" in lines[0] and "in 0.02 s" in lines[1]
    assert "after 3 tries; giving up" in lines[2]
    assert "Traceback" not in err and TOKEN not in err


async def test_an_unusual_login_refusal_never_prints_the_response_body(
    fake: FakeDiscord, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    fake.fail_next("/users/@me", method="GET", status=403, code=40002,
                   message="upstream said: secret-looking body")
    settings = Settings(token=TOKEN, database_path=tmp_path / "liftcoach.db")
    with fake.patch_discord():
        code = await asyncio.wait_for(serve(settings, tries=1), 20)
    _, err = capsys.readouterr()
    assert code == 1
    assert_one_clear_line(err, "HTTP 403 Forbidden")  # the status and its phrase only
    assert "secret-looking" not in err
