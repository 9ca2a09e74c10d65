"""A lifter's clock: the zone a name stands for, and the local date of an instant.

Below every domain group, because advice, figures and reminders all ask which day
it is for the lifter; keeping it here lets them do so without importing each other.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["EXCLUDED_ZONES", "local_date_of", "require_aware", "zone_info"]

# Keys that zoneinfo may list but that are no use to a lifter: "localtime" depends on
# the host, "Factory" is a placeholder zone.
EXCLUDED_ZONES = frozenset({"localtime", "Factory", "posixrules"})


@cache
def zone_info(name: str) -> ZoneInfo:
    """The zone called ``name``; ValueError for a name that is not a usable zone."""
    if name in EXCLUDED_ZONES:
        raise ValueError(f"unknown time zone: {name!r}")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone: {name!r}") from exc


def require_aware(moment: datetime, name: str) -> datetime:
    """``moment`` itself; ValueError when it carries no time zone."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime")
    return moment


def local_date_of(instant: datetime, timezone: str) -> date:
    """The calendar date on the lifter's clock at ``instant``."""
    return require_aware(instant, "instant").astimezone(zone_info(timezone)).date()
