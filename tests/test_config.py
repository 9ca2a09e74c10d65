"""Configuration: every bad variable is named in one clear line, and the token never shows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.config import ConfigError, load_settings
from bot.domain.limits import IMPORT_MAX_BYTES_CEILING

ROOT = Path(__file__).resolve().parent.parent

BAD = [
    ({"DATABASE_URL": "mysql://x"}, "DATABASE_URL"),
    ({"DEV_GUILD_ID": "abc"}, "DEV_GUILD_ID"),
    ({"DEV_GUILD_ID": "-5"}, "DEV_GUILD_ID"),
    ({"MESSAGE_CONTENT_INTENT": "maybe"}, "MESSAGE_CONTENT_INTENT"),
    ({"MEMBERS_INTENT": "sometimes"}, "MEMBERS_INTENT"),
    ({"OWNER_IDS": "12,x"}, "OWNER_IDS"),
    ({"SHARD_COUNT": "0"}, "SHARD_COUNT"),
    ({"SHARD_IDS": "0,1"}, "SHARD_IDS"),
    ({"SHARD_COUNT": "2", "SHARD_IDS": "2"}, "SHARD_IDS"),
    ({"REMINDER_GRACE_MINUTES": "soon"}, "REMINDER_GRACE_MINUTES"),
    ({"REMINDER_RATE_PER_SECOND": "0"}, "REMINDER_RATE_PER_SECOND"),
    ({"LOG_COOLDOWN_COUNT": "lots"}, "LOG_COOLDOWN_COUNT"),
    ({"LOG_COOLDOWN_SECONDS": "-1"}, "LOG_COOLDOWN_SECONDS"),
    ({"IMPORT_MAX_BYTES": "5MB"}, "IMPORT_MAX_BYTES"),
    ({"DATABASE_COMMAND_TIMEOUT": "forever"}, "DATABASE_COMMAND_TIMEOUT"),
    ({"DATABASE_COMMAND_TIMEOUT": "0"}, "DATABASE_COMMAND_TIMEOUT"),
    ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
    ({"DISCORD_START_TRIES": "0"}, "DISCORD_START_TRIES"),
    ({"DISCORD_RETRY_SECONDS": "soon"}, "DISCORD_RETRY_SECONDS"),
    ({"DATABASE_URL": "postgresql://u:pw@host:99999/db"}, "DATABASE_URL"),
]


@pytest.mark.parametrize(("env", "name"), BAD, ids=[b[1] + "=" + "/".join(b[0].values())
                                                     for b in BAD])
def test_each_invalid_variable_is_named(env: dict[str, str], name: str) -> None:
    with pytest.raises(ConfigError) as err:
        load_settings(env)
    assert name in str(err.value) and "\n" not in str(err.value)


def test_defaults_need_nothing_but_give_no_token() -> None:
    settings = load_settings({})
    assert settings.token is None and settings.reminder_rate_per_second == 25.0
    assert settings.log_cooldown_count == 10 and settings.import_max_bytes == 5 * 1024 * 1024
    assert not settings.members_intent  # optional, off unless asked for
    assert load_settings({"MEMBERS_INTENT": "true"}).members_intent
    assert settings.database_command_timeout == 30.0
    assert load_settings({"DATABASE_COMMAND_TIMEOUT": "5"}).database_command_timeout == 5.0


def test_the_token_is_not_in_the_settings_repr() -> None:
    secret = "MTIz.secret-token-value"
    assert secret not in repr(load_settings({"DISCORD_TOKEN": secret}))


def run_bot(env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DATABASE_"))}
    return subprocess.run(
        # PYTHONPATH: this tree's bot, whatever an installed copy says.
        [sys.executable, "-m", "bot"], cwd=cwd, env={**base, "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True, timeout=60, check=False,
    )


@pytest.mark.parametrize(("env", "name"), [({}, "DISCORD_TOKEN"), *BAD[:4]],
                         ids=["missing token", *(b[1] for b in BAD[:4])])
def test_a_misconfigured_start_says_one_line_and_exits_2(
    env: dict[str, str], name: str, tmp_path: Path
) -> None:
    secret = "MTIz.never-print-me"
    env = {"DATABASE_PATH": str(tmp_path / "x.db"), **env}
    if name != "DISCORD_TOKEN":
        env["DISCORD_TOKEN"] = secret
    result = run_bot(env, tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0], result.stderr
    assert "Traceback" not in result.stderr and secret not in result.stderr
    if name == "DISCORD_TOKEN":
        assert "python -m bot console" in lines[0]


def test_import_max_bytes_has_a_ceiling_refused_at_start_in_one_line(tmp_path: Path) -> None:
    """A file limit past the ceiling would let one import take the bot's memory."""
    assert load_settings({"IMPORT_MAX_BYTES": str(IMPORT_MAX_BYTES_CEILING)}
                         ).import_max_bytes == IMPORT_MAX_BYTES_CEILING
    env = {"DATABASE_PATH": str(tmp_path / "x.db"), "DISCORD_TOKEN": "MTIz.x",
           "IMPORT_MAX_BYTES": str(100 * 1024 * 1024)}
    result = run_bot(env, tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "IMPORT_MAX_BYTES" in lines[0], result.stderr
    assert str(IMPORT_MAX_BYTES_CEILING) in lines[0] and "Traceback" not in result.stderr


@pytest.mark.parametrize("mode", [[], ["console"]], ids=["bot", "console"])
def test_a_dotenv_that_is_not_utf8_is_one_clear_line_and_status_2(
    tmp_path: Path, mode: list[str]
) -> None:
    (tmp_path / ".env").write_bytes(b"DISCORD_TOKEN=abc\nNOTE=caf\xe9\n")
    env = {k: v for k, v in os.environ.items() if k not in ("DISCORD_TOKEN", "DATABASE_URL")}
    proc = subprocess.run([sys.executable, "-m", "bot", *mode], cwd=tmp_path,
                          env={**env, "PYTHONPATH": str(ROOT)}, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=60, check=False)
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 2
    assert len(lines) == 1 and "UTF-8" in lines[0] and ".env" in lines[0], proc.stderr
    assert "abc" not in proc.stderr and "Traceback" not in proc.stderr


def run_console_in(folder: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DATABASE_"))}
    return subprocess.run([sys.executable, "-m", "bot", "console"], cwd=folder,
                          env={**env, "PYTHONPATH": str(ROOT)}, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=60, check=False)


def test_a_dotenv_holding_a_nul_is_one_clear_line_and_status_2(tmp_path: Path) -> None:
    (tmp_path / ".env").write_bytes(b"DISCORD_TOKEN=abc\nNOTE=a\x00b\n")
    proc = run_console_in(tmp_path)
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 2 and len(lines) == 1 and "NUL" in lines[0], proc.stderr


def test_a_dotenv_saved_with_a_byte_order_mark_is_read_from_its_first_line(
    tmp_path: Path,
) -> None:
    """Some editors start a UTF-8 file with a byte-order mark; the first variable still
    counts (here: where the database is)."""
    (tmp_path / ".env").write_bytes(b"\xef\xbb\xbfDATABASE_PATH=from-env.db\n")
    proc = run_console_in(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "from-env.db").exists() and not (tmp_path / "liftcoach.db").exists()


SECRET = "s3cret-pw"
STORAGE_BAD = {
    "a folder": {"DATABASE_PATH": "."},
    "a missing folder": {"DATABASE_PATH": "no/such/folder/x.db"},
    "a file name too long": {"DATABASE_PATH": "x" * 300 + ".db"},
    "no file can be made there": {"DATABASE_PATH": "/proc/self/liftcoach.db"},
    "not a database": {"DATABASE_PATH": "notes.txt"},
    "a loop of links": {"DATABASE_PATH": "loop.db"},
    "a password where the port goes": {"DATABASE_URL": f"postgresql://me:{SECRET}/db"},
    "a port out of range": {"DATABASE_URL": f"postgresql://me:{SECRET}@127.0.0.1:99999/db"},
    "a # in the password": {"DATABASE_URL": f"postgresql://me:{SECRET}#x@127.0.0.1/db"},
    "a broken address": {"DATABASE_URL": f"postgresql://me:{SECRET}@[::1/db"},
}


@pytest.mark.parametrize("bad", list(STORAGE_BAD), ids=list(STORAGE_BAD))
def test_a_database_setting_that_cannot_work_is_one_line_and_status_2(
    tmp_path: Path, bad: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("a text file, not a database\n" * 100)
    (tmp_path / "loop.db").symlink_to("loop.db")
    monkeypatch.chdir(tmp_path)
    for name in [k for k in os.environ if k.startswith(("DISCORD_", "DATABASE_"))]:
        monkeypatch.delenv(name)
    for name, value in STORAGE_BAD[bad].items():
        monkeypatch.setenv(name, value)
    assert main(["console"]) == 2
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("liftcoach: "), err
    assert "database" in lines[0].lower() and out == ""
    assert SECRET not in err


@pytest.mark.parametrize("bad", ["a file name too long", "a password where the port goes"])
def test_the_bot_itself_stops_at_a_bad_database_in_one_line(tmp_path: Path, bad: str) -> None:
    secret = "MTIz.never-print-me"
    result = run_bot({"DISCORD_TOKEN": secret, **STORAGE_BAD[bad]}, tmp_path)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1, result.stderr
    assert lines[0].startswith("liftcoach: ") and "Traceback" not in result.stderr
    assert SECRET not in result.stderr and secret not in result.stderr
