"""Two exercises written on one line: ``squat 5x5 100kg, bench 3x8 80kg``.

Lifters join the exercises of a session with a comma, a slash, a bar, ``and``,
``then`` or ``&`` as often as with a new line (``+`` is added load). Where the words
after such a joint name a lift the catalogue knows and sets follow them, and sets came
before it, the line is two lines; anything else (``felt heavy and slow``, ``175x5, 170x6``) stays
as written. The split is tried only when a first reading shows the sign of it: the
second exercise refused after the sets, or taken into a note (``and bench 3x8``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from bot.domain.models import LogEntry, ParseError
from bot.domain.notation.amounts import SECOND_EXERCISE

if TYPE_CHECKING:
    from bot.domain.catalogue.lookup import Catalogue

__all__ = ["split_joined", "two_in_one"]

Read = tuple[LogEntry, ...] | ParseError

_JOINT: Final = re.compile(r"(?:,|\s/|\s\||\s&|\sand|\sthen)\s+(?=[^\W\d_])",
                           re.IGNORECASE)
_NAME: Final = re.compile(r"[^\W\d_][^\d@(\[:]*?(?=\s*(?:\d|@|:|$))")


_JOINED_NOTE: Final = re.compile(r"(?:and|then|&)\s+[^\W\d_].*\d", re.IGNORECASE)


def two_in_one(read: Read) -> bool:
    """Whether a first reading looks like two exercises on one line."""
    if isinstance(read, tuple):
        for entry in read:
            note = entry.note  # first a look at its first letter: most notes are not it
            if note and note[0] in "aAtT&" and _JOINED_NOTE.match(note) is not None:
                return True
        return False
    return SECOND_EXERCISE in read.error


def split_joined(text: str, catalogue: Catalogue) -> str:
    """``text`` with a line break at every joint between two exercises with their sets."""
    out: list[str] = []
    start = 0
    for match in _JOINT.finditer(text):
        rest = text[match.end():]
        name = _NAME.match(rest)
        if (name is None or not any(c.isdigit() for c in text[start:match.start()])
                or not any(c.isdigit() for c in rest[name.end():].split("\n", 1)[0])):
            continue
        found = catalogue.lookup(name.group(0).strip())
        if found.exercise is None or found.corrected:
            continue
        out.append(text[start:match.start()])
        start = match.end()
    if not out:
        return text
    return "\n".join([*out, text[start:]])
