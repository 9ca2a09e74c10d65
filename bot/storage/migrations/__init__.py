"""Numbered SQL migrations, one folder per engine."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


def split_statements(sql: str) -> tuple[str, ...]:
    """Split a migration into statements: a statement ends with ';' at the end of a line."""
    lines = [line for line in sql.splitlines() if not line.strip().startswith("--")]
    parts = re.split(r";\s*$", "\n".join(lines), flags=re.MULTILINE)
    return tuple(p.strip() for p in parts if p.strip())


def load_migrations(engine: str) -> tuple[Migration, ...]:
    """The migrations for ``engine`` ('sqlite' or 'postgres'), in version order."""
    folder = resources.files(__package__).joinpath(engine)
    found = []
    for item in folder.iterdir():
        match = _NAME.match(item.name)
        if match:
            found.append(
                Migration(int(match.group(1)), item.name, split_statements(item.read_text("utf-8")))
            )
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"{engine} migrations must be numbered 001, 002, ... without gaps")
    return tuple(found)
