"""A backup taken while the console logs a burst holds every log confirmed before it."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from bot.storage.sqlite import SQLiteStorage
from tests.reliability.crash import CONFIRMED, LOAD, burst

ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    env = {**os.environ, "LOG_COOLDOWN_COUNT": "1000", "LOG_COOLDOWN_SECONDS": "1"}
    env.pop("DATABASE_URL", None)
    return env


def _backup(db: Path, target: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", "backup", str(target), "--db", str(db)],
                          cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=60,
                          check=False)


async def _loads_in(db: Path) -> set[float | None]:
    restored = await SQLiteStorage.open(db)  # the restore: the copy as the database
    try:
        return {s.load_kg for e in await restored.history("lifter", None, 5000) for s in e.sets}
    finally:
        await restored.close()


def test_a_backup_mid_burst_restores_every_confirmed_log(tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    copy = tmp_path / "copy.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "console", "--db", str(db), "--user", "lifter"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        text=True, env=_env(), cwd=ROOT)
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(burst(240))
    proc.stdin.close()
    confirmed: list[float] = []
    waiting = False
    result = None
    for line in proc.stdout:
        if CONFIRMED.match(line):
            waiting = True
        elif waiting and (m := LOAD.search(line)):
            confirmed.append(float(m.group(1)))
            waiting = False
            if len(confirmed) == 60:
                before = list(confirmed)
                result = _backup(db, copy)  # the console goes on logging meanwhile
    proc.wait(timeout=120)
    assert result is not None and result.returncode == 0, result and result.stderr
    assert "Copied" in result.stdout
    loads = asyncio.run(_loads_in(copy))
    assert all(load in loads for load in before)
    assert len(confirmed) == 240 and len(loads) < 240  # the copy came mid-burst
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_backup_refusals_are_one_line_and_status_2(tmp_path: Path) -> None:
    missing = _backup(tmp_path / "none.db", tmp_path / "copy.db")
    assert missing.returncode == 2 and "no database file" in missing.stderr
    (tmp_path / "exists.db").write_text("x", "utf-8")
    sqlite3.connect(tmp_path / "live.db").close()
    taken = _backup(tmp_path / "live.db", tmp_path / "exists.db")
    assert taken.returncode == 2 and "already exists" in taken.stderr
    assert "Traceback" not in missing.stderr + taken.stderr
