"""Time zones a lifter types: read an IANA name, suggest near misses, autocomplete.

Names are matched ignoring case and with spaces for underscores; fixed UTC offsets are
refused because they ignore daylight saving time. Host-specific and placeholder keys
that ``zoneinfo`` may list are never offered.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from zoneinfo import available_timezones

from bot.domain.local_time import EXCLUDED_ZONES as _EXCLUDED_ZONES
from bot.domain.local_time import zone_info
from bot.domain.reminders.schedule_input import ScheduleError

__all__ = ["parse_timezone", "timezone_choices", "zone_info"]

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
