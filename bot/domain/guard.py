"""The one guard every input passes, whichever way it came in.

Text reaches the coach from slash options, typed messages, the console, import
files and button ids; dates from /log, import rows and profiles. Each path calls the
same functions here, so each is held to the same rules:

- **Text** keeps no control character (NUL, bell, escape, DEL, the C1 block) and no
  lone surrogate: PostgreSQL refuses NUL in a text column and no engine can encode a
  lone surrogate as UTF-8, so either would fail a command. Each becomes a space; tab
  and line breaks stay, because a message may span several lines.
- **Names** (an exercise of the lifter's own) are one line of at most
  :data:`bot.domain.limits.MAX_NAME` characters, as ``/exercise`` has always said.
- **Dates** lie from :data:`EARLIEST_DAY` to :data:`FUTURE_SLACK` past now. The range
  is checked on the wall-clock value before any time-zone arithmetic, so a year like
  9999 or 1 is refused with a sentence instead of overflowing ``datetime``.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Final, Literal

from bot.domain import limits

EARLIEST_DAY: Final = date(1970, 1, 1)
"""No training day before this one (no app exports earlier dates)."""
FUTURE_SLACK: Final = timedelta(days=1)
"""A date may lie this far past now (clock skew, time zones) before it is refused."""
_MARGIN = timedelta(days=2)  # wider than any UTC offset: checked before converting

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

OutOfRange = Literal["too early", "in the future"]


def clean(text: str) -> str:
    """``text`` with each control character and lone surrogate made a space (tab, line
    feed and carriage return are kept)."""
    return _CONTROL.sub(" ", text) if _CONTROL.search(text) else text


def has_control(text: str) -> bool:
    """Whether :func:`clean` would change ``text``."""
    return _CONTROL.search(text) is not None


def first_control(text: str) -> int | None:
    """The position of the first character :func:`clean` would replace, if any."""
    found = _CONTROL.search(text)
    return None if found is None else found.start()


def one_line(text: str) -> str:
    """Clean text on one line: every run of white space (line breaks too) one space."""
    return " ".join(clean(text).split())


def name(text: str) -> str | None:
    """An exercise name as stored (one line, lower case), or None when it is empty or
    longer than ``MAX_NAME``."""
    found = one_line(text).lower()
    return found if found and len(found) <= limits.MAX_NAME else None


def cut_name(text: str) -> str:
    """A name from a file, kept rather than refused: one line, lower case, cut to
    ``MAX_NAME`` characters (empty when nothing is left)."""
    return one_line(text).lower()[: limits.MAX_NAME].rstrip()


def day_in_range(day: date, today: date) -> OutOfRange | None:
    """Why a training day cannot be stored (None when it can)."""
    if day < EARLIEST_DAY:
        return "too early"
    if day > today + FUTURE_SLACK:
        return "in the future"
    return None


def moment(wall: datetime, zone: tzinfo, now: datetime) -> tuple[datetime, date] | OutOfRange:
    """The instant (UTC) and the lifter's day of a time read from input, or why it is
    out of range. A naive ``wall`` is a wall-clock time in ``zone``. Never raises."""
    plain = wall.replace(tzinfo=None)
    if plain < datetime.combine(EARLIEST_DAY, datetime.min.time()) - _MARGIN:
        return "too early"
    if plain > now.replace(tzinfo=None) + FUTURE_SLACK + _MARGIN:
        return "in the future"
    if wall.tzinfo is None:
        at = wall.replace(tzinfo=zone).astimezone(UTC)
        day = wall.date()
    else:
        at = wall.astimezone(UTC)
        day = wall.astimezone(zone).date()
    if day < EARLIEST_DAY:
        return "too early"
    if at > now + FUTURE_SLACK:
        return "in the future"
    return at, day


__all__ = [
    "EARLIEST_DAY",
    "FUTURE_SLACK",
    "OutOfRange",
    "clean",
    "cut_name",
    "day_in_range",
    "first_control",
    "has_control",
    "moment",
    "name",
    "one_line",
]
