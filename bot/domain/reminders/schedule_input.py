"""Reading what a lifter types for a reminder: a time of day and a set of weekdays.

Bad input never raises: it comes back as a ``ScheduleError`` saying what was wrong,
how to fix it, and an input that works. Time zones are read in ``bot.domain.reminders.time_zones``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from typing import Final

from bot.domain.notation.words import WEEKDAYS as WEEKDAY_NAMES

__all__ = [
    "ALL_WEEKDAYS",
    "WEEKDAYS",
    "WEEKEND_DAYS",
    "WORKING_DAYS",
    "ScheduleError",
    "parse_time",
    "parse_weekdays",
]

WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ALL_WEEKDAYS: frozenset[int] = frozenset(range(7))
WORKING_DAYS: frozenset[int] = frozenset(range(5))
WEEKEND_DAYS: frozenset[int] = frozenset({5, 6})


@dataclass(frozen=True)
class ScheduleError:
    """Why a reminder setting could not be read, with a hint and an input that works."""

    error: str
    hint: str
    example: str
    suggestions: tuple[str, ...] = field(default=())


_TIME_RE = re.compile(
    r"""^(?P<hour>\d{1,2})
        (?:[:.h](?P<minute>\d{2})|(?P<compact>\d{2}))?
        \s*(?:(?P<half>[ap])\.?\s*m\.?)?$""",
    re.VERBOSE,
)
_TIME_HINT = (
    "Use a 24-hour time like 07:30 or 19:05, or a 12-hour time with am/pm like 7am or 7.30pm."
)
_TIME_EXAMPLE = "07:30"


def parse_time(text: str) -> time | ScheduleError:
    """Read a wall-clock time: "07:30", "7:30", "19:05", "1905", "7am", "7.30pm", "noon"."""
    shown = text.strip()
    lowered = re.sub(r"\s+", " ", shown.lower())
    if lowered == "noon":
        return time(12, 0, tzinfo=None)
    if lowered == "midnight":
        return time(0, 0, tzinfo=None)
    match = _TIME_RE.match(lowered)
    if not shown or match is None:
        return ScheduleError(
            f"I couldn't read '{shown}' as a time of day.", _TIME_HINT, _TIME_EXAMPLE
        )
    hour = int(match["hour"])
    minute_text = match["minute"] or match["compact"]
    half = match["half"]
    if minute_text is None and half is None:
        return ScheduleError(
            f"'{shown}' could be morning or evening.",
            f"Add minutes or am/pm, like {hour}am, {hour}pm or {hour:02d}:00.",
            _TIME_EXAMPLE,
        )
    minute = int(minute_text) if minute_text is not None else 0
    if half is None:
        valid = 0 <= hour <= 23 and 0 <= minute <= 59
    else:
        valid = 1 <= hour <= 12 and 0 <= minute <= 59
    if not valid:
        return ScheduleError(f"'{shown}' is not a time on the clock.", _TIME_HINT, _TIME_EXAMPLE)
    if half is not None:
        hour = hour % 12 + (12 if half == "p" else 0)
    return time(hour, minute, tzinfo=None)


_DAY_NAMES: Final[Mapping[str, int]] = WEEKDAY_NAMES  # the same names the log parser reads
_DAY_GROUPS: dict[str, frozenset[int]] = {
    "daily": ALL_WEEKDAYS,
    "everyday": ALL_WEEKDAYS,
    "all": ALL_WEEKDAYS,
    "weekdays": WORKING_DAYS,
    "weekday": WORKING_DAYS,
    "workdays": WORKING_DAYS,
    "weekends": WEEKEND_DAYS,
    "weekend": WEEKEND_DAYS,
}
_FILLER_WORDS = frozenset({"and", "on", "every"})
_WEEKDAYS_HINT = (
    "Name the days (mon, wed, fri), give a range (mon-fri), or say weekdays, weekends or daily."
)
_WEEKDAYS_EXAMPLE = "mon,wed,fri"


def _day_number(word: str) -> int | None:
    if word in _DAY_NAMES:
        return _DAY_NAMES[word]
    if word.endswith("s") and word[:-1] in _DAY_NAMES:  # "mondays"
        return _DAY_NAMES[word[:-1]]
    return None


def parse_weekdays(text: str) -> frozenset[int] | ScheduleError:
    """Read a set of weekdays (0=Mon..6=Sun).

    Accepts names separated by commas or spaces ("mon,wed,fri", "Mon Wed Fri"),
    ranges ("mon-fri", "fri to mon" wraps over the weekend), and the words
    "weekdays", "weekends", "daily" and "every day".
    """
    shown = text.strip()
    lowered = shown.lower()
    lowered = re.sub(r"\bevery\s+day\b", "daily", lowered)
    lowered = re.sub(r"\s*(?:[-–—]|\bto\b|\bthrough\b|\bthru\b)\s*", "-", lowered)
    words = [w for w in re.split(r"[\s,;/+&]+", lowered) if w and w not in _FILLER_WORDS]
    if not words:
        return ScheduleError("No days given.", _WEEKDAYS_HINT, _WEEKDAYS_EXAMPLE)
    days: set[int] = set()
    for word in words:
        if word in _DAY_GROUPS:
            days |= _DAY_GROUPS[word]
            continue
        if "-" in word:
            first_word, _, last_word = word.partition("-")
            first, last = _day_number(first_word), _day_number(last_word)
            if first is None or last is None:
                return ScheduleError(
                    f"I couldn't read '{word}' as a range of days.",
                    _WEEKDAYS_HINT,
                    _WEEKDAYS_EXAMPLE,
                )
            span = (last - first) % 7
            days.update((first + step) % 7 for step in range(span + 1))
            continue
        number = _day_number(word)
        if number is None:
            known = [*_DAY_NAMES, *_DAY_GROUPS]
            suggestions = tuple(difflib.get_close_matches(word, known, n=3, cutoff=0.6))
            hint = _WEEKDAYS_HINT
            if suggestions:
                hint = f"Did you mean {' or '.join(suggestions)}? {hint}"
            return ScheduleError(
                f"'{word}' is not a day I know.", hint, _WEEKDAYS_EXAMPLE, suggestions
            )
        days.add(number)
    return frozenset(days)
