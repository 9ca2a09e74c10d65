"""Entry point: arguments and settings only; bootstrap builds the parts, an edge runs."""

from __future__ import annotations

import argparse
import asyncio
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from dotenv import find_dotenv, load_dotenv

from bot.config import ConfigError, Settings, load_settings

NO_TOKEN = (
    "DISCORD_TOKEN is not set: put your bot token in the environment or in a .env file "
    "(see .env.example), or try the coach without Discord: python -m bot console"
)


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bot", description="liftcoach")
    sub = parser.add_subparsers(dest="mode")
    console = sub.add_parser("console", help="the coach in a terminal, one command per line")
    console.add_argument("--db", help="SQLite file (default: DATABASE_PATH or liftcoach.db)")
    console.add_argument("--user", default="me", help="who is typing (default: me)")
    console.add_argument("--guild", default="console", help="server name (default: console)")
    backup = sub.add_parser("backup", help="a consistent copy of the SQLite database, "
                            "safe while the bot runs")
    backup.add_argument("path", help="the new file to write the copy to")
    backup.add_argument("--db", help="SQLite file (default: DATABASE_PATH or liftcoach.db)")
    parse = sub.add_parser("parse", help="print how log text is read, as JSON")
    parse.add_argument("text", nargs="?", help="text to read (default: each stdin line)")
    parse.add_argument("--unit", choices=("kg", "lb"), default="kg",
                       help="the unit of bare numbers (default: kg)")
    parse.add_argument("--date-order", choices=("dmy", "mdy"), default="dmy",
                       help="numeric dates day first (dmy, default) or month first (mdy)")
    return parser.parse_args(argv)


async def _console(settings: Settings, user: str, guild: str) -> int:
    from bot.bootstrap import StorageUnavailable, running_coach
    from bot.console.run import run_console

    try:
        async with running_coach(settings) as coach:
            return await run_console(coach, user, guild)
    except StorageUnavailable as err:
        print(f"liftcoach: {err}", file=sys.stderr)
        return 2


def _run_console(settings: Settings, user: str, guild: str) -> int:
    try:
        return asyncio.run(_console(settings, user, guild))
    except KeyboardInterrupt:  # Ctrl-C: leave as /quit does, without a traceback
        return 0


def _backup(settings: Settings, db: str | None, target: Path) -> int:
    from bot.storage.backup import BackupError, backup_sqlite

    if settings.database_url and db is None:
        print("liftcoach: DATABASE_URL names PostgreSQL; back it up with pg_dump "
              "(see the README, Backups)", file=sys.stderr)
        return 2
    source = Path(db) if db else settings.database_path
    try:
        size = backup_sqlite(source, target)
    except BackupError as err:
        print(f"liftcoach: {err}", file=sys.stderr)
        return 2
    print(f"Copied {source} to {target} ({size:,} bytes).")
    return 0


def _load_env_file() -> str | None:
    """Read the .env of the folder the bot runs in (a UTF-8 byte-order mark, as some
    editors write, is allowed); why it cannot be read, in one line, or None."""
    env_file = find_dotenv(usecwd=True)
    if not env_file:
        return None
    try:
        with open(env_file, encoding="utf-8-sig") as stream:
            load_dotenv(stream=stream)
    except UnicodeDecodeError:
        return f"cannot read {env_file}: it is not UTF-8 text; save it as UTF-8 (see .env.example)"
    except ValueError:  # the environment takes no NUL character
        return f"cannot read {env_file}: it holds a NUL character; save it as plain text"
    except OSError as err:
        return f"cannot read {env_file}: {err.strerror or err}"
    return None


def main(argv: list[str] | None = None) -> int:
    args = _arguments(sys.argv[1:] if argv is None else argv)
    if args.mode == "parse":
        from bot.console.parse_json import run_parse

        texts = [args.text] if args.text is not None else sys.stdin
        return run_parse(texts, datetime.now(UTC).date(), unit=args.unit,
                         date_order=args.date_order)
    unreadable = _load_env_file()
    if unreadable is not None:
        print(f"liftcoach: {unreadable}", file=sys.stderr)
        return 2
    try:
        settings = load_settings()
    except ConfigError as err:
        print(f"liftcoach: {err}", file=sys.stderr)
        return 2
    if args.mode == "backup":
        return _backup(settings, args.db, Path(args.path))
    if args.mode == "console":
        if args.db:
            settings = replace(settings, database_path=Path(args.db))
        return _run_console(settings, args.user, args.guild)
    if settings.token is None:
        print(f"liftcoach: {NO_TOKEN}", file=sys.stderr)
        return 2
    from bot.discord.run import run_discord

    return run_discord(settings)


if __name__ == "__main__":
    sys.exit(main())
