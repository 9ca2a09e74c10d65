"""Settings read once from the environment, with one clear message per bad variable.

The token is never part of any message or repr, so a misconfigured deployment can
print its settings error without leaking the secret.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from bot.domain.limits import IMPORT_MAX_BYTES, IMPORT_MAX_BYTES_CEILING

_T = TypeVar("_T")

DEFAULT_DB_PATH = "liftcoach.db"
DEFAULT_COMMAND_TIMEOUT = 30.0
"""Seconds one PostgreSQL command may take (DATABASE_COMMAND_TIMEOUT changes it)."""
DEFAULT_RETRY_SECONDS = 1.0
"""Seconds before the second try to reach Discord at start (DISCORD_RETRY_SECONDS)."""


class ConfigError(Exception):
    """A variable is missing or invalid; the message names it and says how to fix it."""


@dataclass(frozen=True)
class Settings:
    token: str | None = field(default=None, repr=False)
    database_path: Path = Path(DEFAULT_DB_PATH)
    database_url: str | None = field(default=None, repr=False)
    database_command_timeout: float = DEFAULT_COMMAND_TIMEOUT
    dev_guild_id: int | None = None
    message_content_intent: bool = False
    members_intent: bool = False
    command_prefix: str = "!"
    owner_ids: frozenset[int] = frozenset()
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None
    reminder_grace_minutes: int = 120
    reminder_rate_per_second: float = 25.0
    log_cooldown_count: int = 10
    log_cooldown_seconds: float = 10.0
    import_max_bytes: int = IMPORT_MAX_BYTES
    log_level: str = "INFO"
    discord_start_tries: int | None = None  # None: keep trying until Discord answers
    discord_retry_seconds: float = DEFAULT_RETRY_SECONDS


def _int(env: Mapping[str, str], name: str, low: int, high: int) -> int | None:
    raw = env.get(name, "").strip()
    if not raw:
        return None
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None
    if not low <= value <= high:
        raise ConfigError(f"{name} must be between {low} and {high}, got {value}")
    return value


def _float(env: Mapping[str, str], name: str, low: float, high: float) -> float | None:
    raw = env.get(name, "").strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if not low <= value <= high:
        raise ConfigError(f"{name} must be between {low:g} and {high:g}, got {value:g}")
    return value


def _bool(env: Mapping[str, str], name: str) -> bool | None:
    raw = env.get(name, "").strip().lower()
    if not raw:
        return None
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name} must be true or false, got {raw!r}")


def _ids(env: Mapping[str, str], name: str) -> tuple[int, ...] | None:
    raw = env.get(name, "").strip()
    if not raw:
        return None
    try:
        return tuple(int(part) for part in raw.replace(" ", "").split(",") if part)
    except ValueError:
        raise ConfigError(
            f"{name} must be a comma-separated list of numbers, got {raw!r}"
        ) from None


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Build Settings from ``env`` (the process environment by default)."""
    env = os.environ if env is None else env
    token = env.get("DISCORD_TOKEN", "").strip() or None
    url = env.get("DATABASE_URL", "").strip() or None
    if url is not None:
        _check_url(url)
    level = env.get("LOG_LEVEL", "INFO").strip().upper() or "INFO"
    if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
        raise ConfigError(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {level!r}")
    prefix = env.get("COMMAND_PREFIX", "!").strip() or "!"
    shard_count = _int(env, "SHARD_COUNT", 1, 10_000)
    shard_ids = _ids(env, "SHARD_IDS")
    if shard_ids is not None:
        if shard_count is None:
            raise ConfigError("SHARD_IDS needs SHARD_COUNT too (e.g. SHARD_COUNT=4 SHARD_IDS=0,1)")
        bad = [i for i in shard_ids if not 0 <= i < shard_count]
        if bad:
            raise ConfigError(f"SHARD_IDS must be below SHARD_COUNT={shard_count}, got {bad}")
    defaults = Settings()
    return Settings(
        token=token,
        database_path=Path(env.get("DATABASE_PATH", "").strip() or DEFAULT_DB_PATH),
        database_url=url,
        database_command_timeout=_or(_float(env, "DATABASE_COMMAND_TIMEOUT", 1, 3600),
                                     defaults.database_command_timeout),
        dev_guild_id=_int(env, "DEV_GUILD_ID", 1, 2**63 - 1),
        message_content_intent=bool(_bool(env, "MESSAGE_CONTENT_INTENT")),
        members_intent=bool(_bool(env, "MEMBERS_INTENT")),
        command_prefix=prefix,
        owner_ids=frozenset(_ids(env, "OWNER_IDS") or ()),
        shard_count=shard_count,
        shard_ids=shard_ids,
        reminder_grace_minutes=_or(
            _int(env, "REMINDER_GRACE_MINUTES", 0, 24 * 60), defaults.reminder_grace_minutes
        ),
        reminder_rate_per_second=_or(
            _float(env, "REMINDER_RATE_PER_SECOND", 0.1, 10_000), defaults.reminder_rate_per_second
        ),
        log_cooldown_count=_or(
            _int(env, "LOG_COOLDOWN_COUNT", 1, 1000), defaults.log_cooldown_count
        ),
        log_cooldown_seconds=_or(
            _float(env, "LOG_COOLDOWN_SECONDS", 0.1, 3600), defaults.log_cooldown_seconds
        ),
        import_max_bytes=_or(_int(env, "IMPORT_MAX_BYTES", 1024, IMPORT_MAX_BYTES_CEILING),
                             defaults.import_max_bytes),
        log_level=level,
        discord_start_tries=_int(env, "DISCORD_START_TRIES", 1, 1_000_000),
        discord_retry_seconds=_or(_float(env, "DISCORD_RETRY_SECONDS", 0.01, 600),
                                  defaults.discord_retry_seconds),
    )


def _check_url(url: str) -> None:
    """A DATABASE_URL that cannot name a server is refused here, in words that never
    quote it: a password put where the port goes would otherwise be printed."""
    if not url.startswith(("postgresql://", "postgres://")):
        raise ConfigError("DATABASE_URL must start with postgresql:// (unset it to use SQLite)")
    fix = ("; write it as postgresql://USER:PASSWORD@HOST:PORT/DATABASE, with any of "
           "@ : / # ? % in the password percent-encoded (# as %23)")
    try:
        parts = urlsplit(url)
    except ValueError:
        raise ConfigError("DATABASE_URL is not a URL I can read" + fix) from None
    if parts.fragment or "#" in url:
        raise ConfigError("DATABASE_URL holds a # (read as the URL's end)" + fix)
    hosts = parts.netloc.rpartition("@")[2]
    try:
        port = parts.port if "," not in hosts else 1  # several hosts: asyncpg reads them
    except ValueError:
        port = 0
    if port == 0:
        raise ConfigError("DATABASE_URL's port is not a number from 1 to 65535" + fix)


def _or(value: _T | None, default: _T) -> _T:
    return default if value is None else value
