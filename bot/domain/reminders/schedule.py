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

What the lifter types (time, weekdays) is read in ``bot.domain.reminders.schedule_input``, time
zone names in ``bot.domain.reminders.time_zones``; both are importable from here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from bot.domain.local_time import local_date_of, zone_info
from bot.domain.reminders.schedule_input import (
    ALL_WEEKDAYS,
    WEEKDAYS,
    WEEKEND_DAYS,
    WORKING_DAYS,
    ScheduleError,
    parse_time,
    parse_weekdays,
)
from bot.domain.reminders.time_zones import parse_timezone, timezone_choices

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

# How many local dates next_due looks at; a week plus room for a vanished date.
_SEARCH_DAYS = 16


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
        zone_info(self.timezone)


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
    zone = zone_info(spec.timezone)
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
    local = _require_aware(due_at, "due_at").astimezone(zone_info(timezone))
    day = _DAY_LABELS[local.weekday()]
    month = _MONTH_LABELS[local.month - 1]
    return f"{day} {local.day} {month} at {local:%H:%M} ({timezone})"
