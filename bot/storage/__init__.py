"""Storage engines behind one contract; the coach service is their only caller."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bot.config import Settings
from bot.storage.contract import NewEntry, Storage
from bot.storage.driver import StorageOutage
from bot.storage.sqlite import SQLiteStorage

__all__ = ["NewEntry", "SQLiteStorage", "Storage", "StorageOutage", "StorageUnavailable",
           "open_storage"]


class StorageUnavailable(Exception):
    """The database named in the settings cannot be opened; the message says which
    and why, in one line, without the URL (it may hold a password)."""


async def open_storage(settings: Settings) -> Storage:
    """Open the engine the settings ask for: PostgreSQL when DATABASE_URL is set."""
    if settings.database_url:
        return await _open_postgres(settings.database_url, settings.database_command_timeout)
    path = settings.database_path
    try:
        _check_path(path)
        return await SQLiteStorage.open(path)
    except OSError as err:  # the path itself: too long, no permission
        raise StorageUnavailable(f"cannot open the database file {path}: "
                                 f"{err.strerror or err}") from None
    except RuntimeError:  # pathlib's word for a loop of symbolic links
        raise StorageUnavailable(f"cannot open the database file {path}: it is a loop of "
                                 "symbolic links") from None
    except sqlite3.Error as err:
        reason = "it is not a liftcoach database" if isinstance(
            err, sqlite3.DatabaseError) and "not a database" in str(err) else str(err)
        raise StorageUnavailable(f"cannot open the database file {path}: {reason}") from None


def _check_path(path: Path) -> None:
    if path.is_dir():
        raise StorageUnavailable(f"the database path {path} is a folder; name a file")
    folder = path.resolve().parent
    if not folder.is_dir():
        raise StorageUnavailable(f"cannot open the database file {path}: the folder {folder} "
                                 "does not exist")


async def _open_postgres(url: str, command_timeout: float) -> Storage:
    from bot.storage.postgres import PostgresStorage

    try:
        return await PostgresStorage.open(url, command_timeout=command_timeout)
    except (OSError, ValueError, OverflowError, TimeoutError, StorageOutage) as err:
        raise StorageUnavailable("cannot reach the PostgreSQL server in DATABASE_URL: "
                                 + _without_secrets(str(err), url)) from None
    except Exception as err:  # asyncpg's own errors: a bad DSN, login, missing database
        if type(err).__module__.startswith("asyncpg"):
            raise StorageUnavailable("PostgreSQL refused DATABASE_URL: "
                                     + _without_secrets(str(err), url)) from None
        raise


def _without_secrets(text: str, url: str) -> str:
    """``text`` on one line, with the URL's password (as written and decoded) taken out:
    a driver's message may quote any part of the URL it could not read."""
    userinfo = urlsplit(url).netloc.rpartition("@")[0]
    password = userinfo.partition(":")[2]
    for secret in {password, unquote(password)} - {""}:
        text = text.replace(secret, "***")
    return " ".join(text.split())
