"""Kill a process with SIGKILL in the middle of a burst of logs, then look at the disk.

Two bursts: one lifter's logs typed into the console one after another
(:func:`crash_once`), and many lifters logging at once, whose writes are committed
together (:func:`crash_at_once`, process ``tests/reliability/burst.py``). Shared by
the tests (one run each) and ``python -m tests.reliability.crash N`` (N runs of each,
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


CONFIRMED_AT_ONCE = re.compile(r"^✓ (\S+) (\S+)$")


def crash_at_once(
    db: Path, *, lifters: int = 200, each: int = 10, kill_after: int = 500
) -> CrashRun:
    """``lifters`` lifters logging ``each`` times at once; SIGKILL after ``kill_after``
    confirmations; then which confirmed logs are on disk."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.burst", str(db), str(lifters), str(each)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        cwd=Path(__file__).resolve().parents[2],
    )
    assert proc.stdout is not None
    confirmed: list[tuple[str, float]] = []
    for line in proc.stdout:
        if m := CONFIRMED_AT_ONCE.match(line.strip()):
            confirmed.append((m.group(1), float(m.group(2))))
            if len(confirmed) >= kill_after:
                os.kill(proc.pid, signal.SIGKILL)
                break
    proc.wait()
    conn = sqlite3.connect(db)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        stored = {(row[0], row[1]) for row in conn.execute(
            "SELECT DISTINCT e.user_id, s.load_kg FROM sets s JOIN entries e USING (entry_id)")}
    finally:
        conn.close()
    lost = sum(1 for pair in confirmed if pair not in stored)
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
    total_confirmed = total_lost = 0
    for n in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            result = crash_at_once(Path(tmp) / "crash.db", kill_after=100 + (n * 137) % 1800)
        total_confirmed += result.confirmed
        total_lost += result.lost
        print(f"at once, run {n + 1}: {result}")
    print(f"{runs} SIGKILL runs of 200 lifters at once: {total_confirmed} confirmed logs, "
          f"{total_lost} lost")
