"""What a check may look at for one entry, and the helpers several checks share.

``RuleContext`` holds the just-logged entry, the lifter's other entries, profile,
soreness reports, ``now`` and the lifter's local ``today``; ``Hit`` is a rule firing,
with an optional concrete detail. Soreness is counted here (:func:`sore_days`, which the
reminder DM reads too), and a reply names a day here (:func:`day_word`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property

from bot.domain.figures.volume import WeekVolume, week_volume
from bot.domain.models import Exercise, Profile, SetRecord, Soreness, StoredEntry

W4_MIN_DAYS = 5
W4_REPORT_WINDOW = timedelta(days=14)


@dataclass(frozen=True)
class RuleContext:
    """What a check may look at for one entry."""

    entry: StoredEntry
    history: tuple[StoredEntry, ...]
    """The lifter's other entries: deduplicated, without ``entry``."""
    profile: Profile
    soreness: tuple[Soreness, ...]
    now: datetime
    today: date
    """The lifter's local date at ``now``: the week W1 and W6 read ends on it."""
    shared_volume: WeekVolume | None = None
    """The week's volume, when the caller worked it out once for a whole message."""

    @property
    def exercise(self) -> Exercise:
        return self.entry.exercise

    @property
    def working(self) -> tuple[SetRecord, ...]:
        return self.entry.working_sets

    @property
    def day_word(self) -> str:
        """How a reply names the entry's day: "today", "yesterday" or "on Mon 30 Nov"."""
        return day_word(self.entry.local_date, self.today)

    def same_day(self) -> list[StoredEntry]:
        """This entry plus the session's other entries (same local date)."""
        day = self.entry.local_date
        return [self.entry, *(e for e in self.history if e.local_date == day)]

    def same_exercise_same_day(self) -> list[StoredEntry]:
        key = self.exercise.key
        return [e for e in self.same_day() if e.exercise.key == key]

    @cached_property
    def volume(self) -> WeekVolume:
        """Hard and failure sets of the week ending today, this entry included (W1 and
        W6 read it)."""
        if self.shared_volume is not None:
            return self.shared_volume
        return week_volume((self.entry, *self.history), self.today)


def day_word(day: date, today: date) -> str:
    """"today", "yesterday", else "on Mon 30 Nov": a backdated log is not today's."""
    if day == today:
        return "today"
    if day == today - timedelta(days=1):
        return "yesterday"
    return f"on {day:%a} {day.day} {day:%b}"


def sore_days(report: Soreness, now: datetime) -> int | None:
    """How long a report says the part has been sore by ``now`` (its days plus the whole
    days since); None for a cleared report (0 days) or one older than 14 days."""
    age = now - report.reported_at
    if report.days <= 0 or age > W4_REPORT_WINDOW:
        return None
    return report.days + max(age.days, 0)


def sore_too_long(days: int) -> bool:
    """W4's limit: sore this long means it was pushed past what it recovers from."""
    return days >= W4_MIN_DAYS


@dataclass(frozen=True)
class Hit:
    """A rule fired; ``detail`` is the concrete sentence added to its summary."""

    detail: str | None = None


Check = Callable[[RuleContext], Hit | None]


def estimated(s: SetRecord) -> bool:
    """A set whose effort is the lifter's guess: an RIR given, short of failure, not an
    AMRAP (its reps are measured) and not timed."""
    return (s.rir is not None and not s.warmup and not s.failure and s.technique is None
            and not s.amrap and not s.timed)


__all__ = [
    "W4_MIN_DAYS",
    "W4_REPORT_WINDOW",
    "Check",
    "Hit",
    "RuleContext",
    "day_word",
    "estimated",
    "sore_days",
    "sore_too_long",
]
