"""A consistent copy of the SQLite database, taken while the bot keeps running.

SQLite's online backup copies the database page by page from a connection of its
own; a write that lands meanwhile makes it start over on the pages that changed, so
the copy is always one committed state: every log confirmed before the copy began
is in it. Restore by stopping the bot and putting the copy in place of the file
(README, "Backups"). PostgreSQL has its own tools (``pg_dump``) for the same job.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

PAGES_PER_STEP = 1024  # small steps let the bot's writes in between


class BackupError(Exception):
    """The copy could not be taken; the message says why, in one line."""


def backup_sqlite(source: Path, target: Path) -> int:
    """Copy the database at ``source`` to ``target`` (a new file); returns its size."""
    if not source.is_file():
        raise BackupError(f"there is no database file at {source}")
    if target.exists():
        raise BackupError(f"{target} already exists; name a new file for the copy")
    if not target.resolve().parent.is_dir():
        raise BackupError(f"the folder of {target} does not exist")
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
        try:
            dst = sqlite3.connect(target)
            try:
                src.backup(dst, pages=PAGES_PER_STEP)
                check = dst.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as err:
        target.unlink(missing_ok=True)
        raise BackupError(f"cannot copy {source}: {err}") from None
    if check != "ok":
        target.unlink(missing_ok=True)
        raise BackupError(f"the copy of {source} failed its integrity check: {check}")
    return target.stat().st_size
