"""Reading a typed command line (`/profile unit:lb tz:Europe/Berlin`) into name and options.

The console uses it for every line, so a lifter types there exactly what they
would type in Discord.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_OPTION = re.compile(r"(?<!\S)([a-z_]+):(\S*)", re.IGNORECASE)


@dataclass(frozen=True)
class CommandLine:
    name: str
    rest: str
    options: dict[str, str] = field(default_factory=dict)
    words: tuple[str, ...] = ()


def split_command(line: str) -> CommandLine | None:
    """None when the line is not a command (does not start with '/')."""
    text = line.strip()
    if not text.startswith("/"):
        return None
    head, _, rest = text[1:].partition(" ")
    rest = rest.strip()
    options = {m.group(1).lower(): m.group(2) for m in _OPTION.finditer(rest)}
    words = tuple(_OPTION.sub(" ", rest).split())
    return CommandLine(name=head.lower(), rest=rest, options=options, words=words)
