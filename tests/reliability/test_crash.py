"""Nothing a lifter saw confirmed is lost, even when the process is killed mid-burst."""

from __future__ import annotations

from pathlib import Path

from bot.storage.sqlite import SQLiteStorage
from tests.reliability.crash import crash_at_once, crash_once


async def test_sigkill_mid_burst_loses_no_confirmed_log(tmp_path: Path) -> None:
    db = tmp_path / "crash.db"
    run = crash_once(db, logs=400, kill_after=120)
    assert run.confirmed == 120
    assert run.lost == 0
    assert run.stored >= run.confirmed  # a log may be stored whose reply never printed
    assert run.stored < 400  # the kill really came mid-burst
    assert run.integrity == "ok"
    store = await SQLiteStorage.open(db)  # the restart: opens, migrates, reads
    try:
        assert len(await store.history("crash", None, 500)) == run.stored
    finally:
        await store.close()


async def test_sigkill_while_200_lifters_log_at_once_loses_no_confirmed_log(
    tmp_path: Path,
) -> None:
    """Logs committed together: every log whose reply said saved is on disk after a kill."""
    db = tmp_path / "crash.db"
    run = crash_at_once(db, lifters=200, each=10, kill_after=700)
    assert run.confirmed == 700
    assert run.lost == 0
    assert run.stored >= run.confirmed
    assert run.stored < 2000  # the kill came mid-burst
    assert run.integrity == "ok"
    store = await SQLiteStorage.open(db)
    try:
        for k in (0, 99, 199):  # every lifter's own history reads back after the restart
            assert len(await store.history(f"lifter{k}", None, 20)) <= 10
    finally:
        await store.close()
