"""Reading single cells of an import file: numbers, weights, dates, effort.

Other apps write numbers and dates in their own ways (``102,5`` in a semicolon
file, ``5 Mar 2024, 18:02`` in Hevy). Each reader here either returns a value or
raises :class:`BadValue` with a sentence a lifter can act on; the caller adds the
row number. Reps, loads, RIR and RPE are held to the limits /log applies
(``bot.domain.limits``), whichever format the file is in; text and dates pass the
input guard (``bot.domain.guard``): no control characters, no date before 1970 or
past tomorrow.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from bot.domain import guard, limits
from bot.domain.models import LB_TO_KG, Unit
from bot.domain.notation.words import unit_of

# A timed or distance set past these is a typo, not a set: a day, 500 km.
MAX_SECONDS = 24 * 3600.0
MAX_METERS = 500_000.0
_METERS_PER = {"m": 1.0, "km": 1000.0, "mi": 1609.344, "miles": 1609.344, "mile": 1609.344,
               "ft": 0.3048, "feet": 0.3048, "yd": 0.9144, "yards": 0.9144}

_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
_MONTHS = {
    **{name: i for i, name in enumerate(_MONTH_NAMES, 1)},
    **{name[:3]: i for i, name in enumerate(_MONTH_NAMES, 1)},
    "sept": 9,
}
# "5 Mar 2024, 18:02", "05 March 2024 18:02:11", "5 Mar. 2024, 6:02 pm"
_DAY_MONTH_YEAR = re.compile(
    r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?$"
)


class BadValue(Exception):
    """A cell that cannot be read; the message names the column and the value."""


@dataclass(frozen=True)
class When:
    """An instant (aware, UTC) and the calendar day it fell on for the lifter."""

    at: datetime
    local_date: date


def number(text: str, column: str, *, signed: bool = False) -> float | None:
    """A non-negative number (any sign when ``signed``), or None for an empty cell.

    A decimal comma (``102,5``) is read as a decimal point when no point is present.
    """
    raw = text.strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        if "," not in raw or "." in raw:
            raise BadValue(f"{column} '{raw}' is not a number") from None
        try:
            value = float(raw.replace(",", "."))
        except ValueError:
            raise BadValue(f"{column} '{raw}' is not a number") from None
    if not math.isfinite(value) or (value < 0 and not signed):
        raise BadValue(f"{column} '{raw}' is not a number I can use (it must be 0 or more)")
    return value


def reps(text: str, column: str) -> int | None:
    """Whole repetitions; None for an empty cell or zero (a row that is not a set)."""
    value = number(text, column)
    if value is None or value == 0:
        return None
    if not value.is_integer():
        raise BadValue(f"{column} '{text.strip()}' is not a whole number of reps")
    if not limits.reps_allowed(value):
        raise BadValue(f"{column} '{text.strip()}' is more reps than I can log in one set "
                       f"({limits.MIN_REPS} to {limits.MAX_REPS})")
    return int(value)


def _checked_kg(kg: float, text: str, column: str, unit: str) -> float:
    if not limits.load_allowed(kg):
        raise BadValue(f"{column} '{text.strip()}' {unit} is heavier than I can log "
                       f"(at most {limits.MAX_LOAD_KG:g} kg)")
    return kg


def load_kg(text: str, column: str, unit: str) -> float | None:
    """A load in kilograms from a cell in ``unit`` ('kg' or 'lb'); None when empty or 0."""
    value = number(text, column)
    if value is None or value == 0:
        return None
    return _checked_kg(value * LB_TO_KG if unit == "lb" else value, text, column, unit)


def exact_kg(text: str, column: str) -> float | None:
    """A load already in kilograms, kept exactly as written (0 stays 0); None when empty.

    A negative load is assistance (bodyweight minus it), held to the same limit."""
    value = number(text, column, signed=True)
    if value is None:
        return None
    _checked_kg(abs(value), text, column, "kg")
    return value


def seconds(text: str, column: str) -> float | None:
    """The seconds of a timed set; None for an empty cell or 0 (most sets are not timed)."""
    value = number(text, column)
    if value is None or value == 0:
        return None
    if value > MAX_SECONDS:
        raise BadValue(f"{column} '{text.strip()}' is longer than a timed set can be "
                       f"(at most {MAX_SECONDS:g} seconds)")
    return value


def meters(text: str, column: str, unit: str) -> float | None:
    """A distance in metres from a cell in ``unit`` (m, km, mi...); None when empty or 0."""
    value = number(text, column)
    if value is None or value == 0:
        return None
    per = _METERS_PER.get(unit.strip().lower())
    if per is None:
        raise BadValue(f"Distance unit '{unit.strip()}' is not m, km or mi")
    distance = value * per
    if distance > MAX_METERS:
        raise BadValue(f"{column} '{text.strip()}' {unit} is farther than a set can go")
    return round(distance, 3)


def note(text: str) -> str:
    """A note as written, on one line, cut to ``MAX_NOTE`` characters."""
    return guard.one_line(text)[: limits.MAX_NOTE]


def name(text: str, column: str) -> str:
    """An exercise name as written, on one line (a name kept as the lifter's own is cut
    to ``MAX_NAME`` later, as /exercise would refuse it longer)."""
    found = guard.one_line(text)
    if not found:
        raise BadValue(f"{column} is empty")
    return found


def weight_unit(text: str, fallback: str) -> str:
    """'kg' or 'lb' from a unit cell (``kg``, ``kgs``, ``lb``, ``lbs``); empty means fallback."""
    if not text.strip():
        return fallback
    unit: Unit | None = unit_of(text)
    if unit is None:
        raise BadValue(f"Weight Unit '{text.strip()}' is not kg or lbs")
    return unit


def rir(text: str, column: str) -> float | None:
    """Reps in reserve as written; None for an empty cell."""
    value = number(text, column)
    if value is not None and not limits.rir_allowed(value):
        raise BadValue(f"{column} '{text.strip()}' is more reps in reserve than I can use "
                       f"(at most {limits.MAX_RIR:g})")
    return value


def rpe_to_rir(text: str, column: str) -> float | None:
    """RIR from an RPE cell: RIR = 10 - RPE. Empty (or 0, meaning unset) gives None."""
    value = number(text, column)
    if value is None or value == 0:
        return None
    if not limits.rpe_allowed(value):
        raise BadValue(f"{column} '{text.strip()}' is outside the RPE scale of {limits.MIN_RPE:g} "
                       f"to {limits.MAX_RPE:g}")
    return limits.rir_of_rpe(value)


def flag(text: str, column: str) -> bool:
    """0/1 (also true/false, yes/no) as written by the project's own export."""
    raw = text.strip().lower()
    if raw in {"", "0", "false", "no"}:
        return False
    if raw in {"1", "true", "yes"}:
        return True
    raise BadValue(f"{column} '{text.strip()}' is not 0 or 1")


def local_time(naive: datetime, zone: tzinfo, column: str, latest: datetime) -> When:
    """An instant from a wall-clock time (naive means the lifter's zone), from 1970 to a
    day past ``latest`` (``bot.domain.guard``); any other year is refused, never raised."""
    found = guard.moment(naive, zone, latest)
    if isinstance(found, str):
        if found == "too early":
            raise BadValue(f"{column} '{naive:%Y-%m-%d}' is too long ago to be a training "
                           f"date (the earliest is {guard.EARLIEST_DAY.isoformat()})")
        raise BadValue(f"{column} '{naive:%Y-%m-%d}' is in the future")
    at, day = found
    return When(at, day)


def iso_datetime(text: str, column: str) -> datetime:
    """``2024-03-05 18:02:11``, ``2024-03-05T18:02:11Z``, ``2024-03-05`` and the like."""
    raw = text.strip()
    if not raw:
        raise BadValue(f"{column} is empty")
    try:
        return datetime.fromisoformat(raw)
    except ValueError:
        raise BadValue(f"{column} '{raw}' is not a date and time like 2024-03-05 18:02") from None


def hevy_datetime(text: str, column: str) -> datetime:
    """Hevy's ``5 Mar 2024, 18:02`` (day first, English month), or ISO 8601."""
    raw = " ".join(text.strip().split())
    match = _DAY_MONTH_YEAR.match(raw.lower())
    if match is None:
        try:
            return iso_datetime(raw, column)
        except BadValue:
            raise BadValue(f"{column} '{raw}' is not a date like 5 Mar 2024, 18:02") from None
    day, month_name, year, hour, minute, second, half = match.groups()
    month = _MONTHS.get(month_name)
    if month is None:
        raise BadValue(f"{column} '{raw}' has a month I don't know ('{month_name}')")
    h = int(hour)
    if half is not None:
        if not 1 <= h <= 12:
            raise BadValue(f"{column} '{raw}' is not a time of day")
        h = h % 12 + (12 if half == "pm" else 0)
    try:
        # Naive on purpose: a wall-clock time, placed in the lifter's zone by the caller.
        return datetime(int(year), month, int(day), h, int(minute), int(second or 0))  # noqa: DTZ001
    except ValueError:
        raise BadValue(f"{column} '{raw}' is not a real date and time") from None

