"""Kill the console with SIGKILL in the middle of a burst of logs, then look at the disk.

Shared by the test (one run) and ``python -m tests.reliability.crash N`` (N runs,
for the figures in the README).
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

CONFIRMED = re.compile(r"^✓ Logged .*$")
LOAD = re.compile(r"@ (\d+(?:\.\d+)?) kg")


@dataclass(frozen=True)
class CrashRun:
    confirmed: int
    stored: int
    lost: int
    integrity: str


def burst(count: int) -> str:
    # Each log has its own load, so a confirmation can be matched to a stored set.
    return "".join(f"/log curl 3x10 @{10 + i * 0.5:g}kg rir1\n" for i in range(count))


def crash_once(db: Path, *, logs: int = 1000, kill_after: int = 300) -> CrashRun:
    env = {**os.environ, "LOG_COOLDOWN_COUNT": "1000", "LOG_COOLDOWN_SECONDS": "1"}
    env.pop("DATABASE_URL", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "console", "--db", str(db), "--user", "crash"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        text=True, env=env, cwd=Path(__file__).resolve().parents[2],
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(burst(logs))
    proc.stdin.flush()
    confirmed: list[float] = []
    pending_load: float | None = None
    for line in proc.stdout:
        if CONFIRMED.match(line):
            pending_load = -1.0
        elif pending_load == -1.0 and (m := LOAD.search(line)):
            confirmed.append(float(m.group(1)))
            pending_load = None
            if len(confirmed) >= kill_after:
                os.kill(proc.pid, signal.SIGKILL)
                break
    proc.wait()
    conn = sqlite3.connect(db)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        stored = {row[0] for row in conn.execute(
            "SELECT DISTINCT s.load_kg FROM sets s JOIN entries e USING (entry_id)"
            " WHERE e.user_id = 'crash'")}
    finally:
        conn.close()
    lost = sum(1 for load in confirmed if load not in stored)
    return CrashRun(confirmed=len(confirmed), stored=len(stored), lost=lost, integrity=integrity)


if __name__ == "__main__":
    import tempfile

    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    total_confirmed = total_lost = 0
    for n in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            result = crash_once(Path(tmp) / "crash.db", kill_after=100 + (n * 37) % 800)
        total_confirmed += result.confirmed
        total_lost += result.lost
        print(f"run {n + 1}: {result}")
    print(f"{runs} SIGKILL runs: {total_confirmed} confirmed logs, {total_lost} lost")
