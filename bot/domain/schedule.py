"""Reminder schedule maths: when is a lifter's next reminder due?

A reminder is a wall-clock time (07:30), an IANA time zone and a set of weekdays.
Everything here is pure: the current instant is always passed in, nothing reads the
clock, and instants go in and come out as timezone-aware datetimes in UTC.

Daylight saving rules
---------------------
A wall time is turned into an instant per local calendar date, using ``zoneinfo``:

* **Gap (spring forward).** When the wall time does not exist on a date because the
  clocks jump over it, the reminder is sent as far after the end of the gap as the wall
  time lies after its start. That is the wall time moved forward by the length of the
  gap: 02:30 in Europe/Berlin on 2026-03-29 (clocks go 02:00 -> 03:00) is sent at
  03:30 CEST (01:30 UTC). It is still sent on that date, never skipped.
  Should moving forward cross midnight into the next date (America/Nuuk jumps from
  23:00 to 00:00), the wall time is moved back by the length of the gap instead, so the
  reminder stays on its own date: 23:30 there on 2026-03-28 is sent at 22:30 local.
* **Overlap (fall back).** When the wall time happens twice on a date, the reminder
  is sent once, at the first occurrence (``fold=0``): 02:30 in Europe/Berlin on
  2026-10-25 is sent at 02:30 CEST (00:30 UTC), not again at 02:30 CET.
* Therefore each selected local date gets exactly one due instant, and that instant
  falls on that local date. :func:`next_due` returns the first one strictly after the
  instant it is given, so asking again with the returned instant moves to the next
  selected date: a reminder is never due twice on one local date, and never skipped on
  a selected weekday because of a clock change.
* The only exception is a date that does not exist on the local calendar at all
  (Pacific/Apia skipped 2011-12-30). Such a date has no reminder; the next selected
  date still gets its own.

Overdue reminders (after downtime) are handled by :func:`due_action`: within the grace
window they are sent once, later ones are skipped and the schedule rolls forward.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cache, lru_cache
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

__all__ = [
    "ALL_WEEKDAYS",
    "WEEKDAYS",
    "DueAction",
    "ReminderSpec",
    "ScheduleError",
    "describe_next",
    "describe_weekdays",
    "due_action",
    "local_date_of",
    "next_due",
    "parse_time",
    "parse_timezone",
    "parse_weekdays",
    "timezone_choices",
]

WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ALL_WEEKDAYS: frozenset[int] = frozenset(range(7))
WORKING_DAYS: frozenset[int] = frozenset(range(5))
WEEKEND_DAYS: frozenset[int] = frozenset({5, 6})

DueAction = Literal["send", "skip", "wait"]

_DAY_LABELS: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_LABELS: tuple[str, ...] = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)

# Keys that zoneinfo may list but that are no use to a lifter: "localtime" depends on
# the host, "Factory" is a placeholder zone.
_EXCLUDED_ZONES = frozenset({"localtime", "Factory", "posixrules"})
# Area prefixes of the main, city-based names; everything else is a legacy alias.
_MAIN_AREAS = frozenset(
    {"Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic"}
    | {"Australia", "Europe", "Indian", "Pacific"}
)
# Offered by autocomplete before the lifter has typed anything.
_POPULAR_ZONES: tuple[str, ...] = (
    "UTC",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/Madrid",
    "Europe/Rome",
    "Europe/Amsterdam",
    "Europe/Stockholm",
    "Europe/Warsaw",
    "Europe/Moscow",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Toronto",
    "America/Mexico_City",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Asia/Seoul",
    "Australia/Sydney",
    "Pacific/Auckland",
    "Africa/Johannesburg",
)
# How many local dates next_due looks at; a week plus room for a vanished date.
_SEARCH_DAYS = 16


@dataclass(frozen=True)
class ScheduleError:
    """Why a reminder setting could not be read, with a hint and an input that works."""

    error: str
    hint: str
    example: str
    suggestions: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class ReminderSpec:
    """When a lifter wants reminding: a wall-clock time on some weekdays in a zone.

    ``local_time`` is naive on purpose: it is a time on the lifter's own clock, and
    ``timezone`` says which clock. ``weekdays`` uses 0 for Monday up to 6 for Sunday.
    """

    local_time: time
    timezone: str
    weekdays: frozenset[int] = ALL_WEEKDAYS

    def __post_init__(self) -> None:
        if self.local_time.tzinfo is not None:
            raise ValueError("local_time must be a wall-clock time without tzinfo")
        if not self.weekdays:
            raise ValueError("a reminder needs at least one weekday")
        if not self.weekdays <= ALL_WEEKDAYS:
            raise ValueError(f"weekdays must be within 0..6, got {sorted(self.weekdays)}")
        _zone(self.timezone)


# --- zones ---------------------------------------------------------------------------


@cache
def _zone(name: str) -> ZoneInfo:
    if name in _EXCLUDED_ZONES:
        raise ValueError(f"unknown time zone: {name!r}")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone: {name!r}") from exc


@lru_cache(maxsize=1)
def _zone_names() -> dict[str, str]:
    """Every usable zone name, keyed by its lower-case form."""
    names = {name for name in available_timezones() if name not in _EXCLUDED_ZONES}
    names.add("UTC")
    return {name.lower(): name for name in sorted(names)}


@lru_cache(maxsize=1)
def _zones_by_city() -> dict[str, tuple[str, ...]]:
    """Zone names grouped by their last part, lower-case ("berlin" -> Europe/Berlin)."""
    groups: dict[str, list[str]] = {}
    for name in _zone_names().values():
        groups.setdefault(name.rsplit("/", 1)[-1].lower(), []).append(name)
    return {city: tuple(sorted(found, key=_zone_rank)) for city, found in groups.items()}


def _is_main_zone(name: str) -> bool:
    return name == "UTC" or ("/" in name and name.split("/", 1)[0] in _MAIN_AREAS)


def _zone_rank(name: str) -> tuple[int, str]:
    return (0 if _is_main_zone(name) else 1, name)


def _zone_key(text: str) -> str:
    """Lower-case a typed zone name and write spaces the way IANA names do."""
    key = re.sub(r"\s*/\s*", "/", text.strip().lower())
    return re.sub(r"\s+", "_", key)


_OFFSET_RE = re.compile(r"^(?:utc|gmt)?\s*[+\-−]\s*\d{1,2}(?::?\d{2})?$")


def parse_timezone(text: str) -> str | ScheduleError:
    """Read an IANA time zone name, ignoring case; return its proper spelling."""
    shown = text.strip()
    example = "Europe/Berlin"
    hint = "Use an IANA time zone name (Area/City), such as Europe/Berlin or America/New_York."
    if not shown:
        return ScheduleError("No time zone given.", hint, example)
    key = _zone_key(shown)
    found = _zone_names().get(key)
    if found is not None:
        return found
    if _OFFSET_RE.match(shown.lower()):
        return ScheduleError(
            f"'{shown}' is a fixed UTC offset, which ignores daylight saving time.",
            "Give the zone of a city near you instead, so reminders follow the clock change.",
            example,
        )
    suggestions = _suggest_zones(key)
    if suggestions:
        hint = f"{hint} Did you mean {' or '.join(suggestions)}?"
    return ScheduleError(f"'{shown}' is not a time zone I know.", hint, example, suggestions)


def _suggest_zones(key: str, count: int = 3) -> tuple[str, ...]:
    names = _zone_names()
    cities = _zones_by_city()
    city = key.rsplit("/", 1)[-1]
    picks: list[str] = list(cities.get(city, ()))
    for close in difflib.get_close_matches(key, list(names), n=count, cutoff=0.6):
        picks.append(names[close])
    for close in difflib.get_close_matches(city, list(cities), n=count, cutoff=0.75):
        picks.extend(cities[close])
    unique = list(dict.fromkeys(picks))
    unique.sort(key=lambda name: 0 if _is_main_zone(name) else 1)
    return tuple(unique[:count])


def _word_starts(name: str) -> list[str]:
    """The tails of ``name`` that begin at a word: "america/new_york" -> ..., "york"."""
    return [name[match.start() :] for match in re.finditer(r"(?:^|(?<=[/_-]))[^/_-]", name)]


def timezone_choices(prefix: str, limit: int = 25) -> tuple[str, ...]:
    """Zone names that contain the typed text, best first, for autocomplete.

    An exact match comes first, then names where a word (the area, the city, or a part
    of a city name) starts with the text, then any other name containing it; within
    each group the main Area/City names come before legacy aliases. With nothing typed,
    common zones are offered.
    """
    if limit <= 0:
        return ()
    key = _zone_key(prefix)
    if not key:
        return _POPULAR_ZONES[:limit]
    ranked: list[tuple[int, int, str]] = []
    for lowered, name in _zone_names().items():
        if key not in lowered:
            continue
        if lowered == key:
            place = 0
        elif any(word.startswith(key) for word in _word_starts(lowered)):
            place = 1
        else:
            place = 2
        ranked.append((place, 0 if _is_main_zone(name) else 1, name))
    ranked.sort()
    return tuple(name for _, _, name in ranked[:limit])


# --- times and weekdays --------------------------------------------------------------

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


_DAY_NAMES: dict[str, int] = {
    "mon": 0,
    "monday": 0,
    "tue": 1,
    "tues": 1,
    "tuesday": 1,
    "wed": 2,
    "weds": 2,
    "wednesday": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "thursday": 3,
    "fri": 4,
    "friday": 4,
    "sat": 5,
    "saturday": 5,
    "sun": 6,
    "sunday": 6,
}
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


def describe_weekdays(weekdays: frozenset[int]) -> str:
    """Say which days a reminder runs on: "every day", "weekdays", "Mon, Wed, Fri"."""
    if weekdays == ALL_WEEKDAYS:
        return "every day"
    if weekdays == WORKING_DAYS:
        return "weekdays"
    if weekdays == WEEKEND_DAYS:
        return "weekends"
    return ", ".join(_DAY_LABELS[day] for day in sorted(weekdays))


# --- instants ------------------------------------------------------------------------


def _require_aware(moment: datetime, name: str) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime")
    return moment


def _instant_on(day: date, wall: time, zone: ZoneInfo) -> datetime | None:
    """The instant a reminder at ``wall`` is due on local date ``day``, as UTC.

    ``fold=0`` picks the first occurrence of a repeated wall time and, for a wall time
    inside a gap, reads it with the offset from before the gap, which lands the same
    distance after the gap's end. If that leaves ``day``, ``fold=1`` reads it with the
    offset from after the gap, which lands the same distance before the gap's start.
    None only when ``day`` has no such instant at all.
    """
    for fold in (0, 1):
        local = datetime.combine(day, wall.replace(fold=fold), tzinfo=zone)
        instant = local.astimezone(UTC)
        if instant.astimezone(zone).date() == day:
            return instant
    return None


def next_due(spec: ReminderSpec, after: datetime) -> datetime:
    """The first instant strictly after ``after`` at which the reminder is due, in UTC."""
    start = _require_aware(after, "after").astimezone(UTC)
    zone = _zone(spec.timezone)
    # Begin a day early: the search is by local date, and a candidate is only kept
    # if it lies after ``start``.
    day = start.astimezone(zone).date() - timedelta(days=1)
    for _ in range(_SEARCH_DAYS):
        if day.weekday() in spec.weekdays:
            instant = _instant_on(day, spec.local_time, zone)
            if instant is not None and instant > start:
                return instant
        day += timedelta(days=1)
    raise ValueError(f"no due instant found within {_SEARCH_DAYS} days for {spec!r}")


def local_date_of(instant: datetime, timezone: str) -> date:
    """The calendar date on the lifter's clock at ``instant``."""
    return _require_aware(instant, "instant").astimezone(_zone(timezone)).date()


def due_action(due_at: datetime, now: datetime, grace: timedelta) -> DueAction:
    """What the dispatcher should do with a reminder due at ``due_at``.

    "wait" until it is due; "send" while it is at most ``grace`` overdue; "skip" (and
    roll forward to the next due instant) once it is older than that.
    """
    _require_aware(due_at, "due_at")
    _require_aware(now, "now")
    if grace < timedelta(0):
        raise ValueError("grace must not be negative")
    if now < due_at:
        return "wait"
    if now - due_at <= grace:
        return "send"
    return "skip"


def describe_next(due_at: datetime, timezone: str) -> str:
    """Say when a reminder is due on the lifter's clock: "Fri 27 Nov at 07:30 (Europe/Berlin)"."""
    local = _require_aware(due_at, "due_at").astimezone(_zone(timezone))
    day = _DAY_LABELS[local.weekday()]
    month = _MONTH_LABELS[local.month - 1]
    return f"{day} {local.day} {month} at {local:%H:%M} ({timezone})"
