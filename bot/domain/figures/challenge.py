"""A server's group challenge: ``days`` training days a week for ``weeks`` weeks.

A challenge runs in calendar weeks (Monday to Sunday, each lifter's local dates) from
its first Monday, the week it was started in. Every lifter on the server's boards who
trains in that time takes part; training days count as on the boards (wherever
logged, a working set makes a day). For each lifter:

* a **complete** week is a challenge week whose Sunday is before the lifter's today;
  it is **met** with at least ``days`` training days;
* the **current** week is the challenge week holding today, if any: its days so far;
* a lifter is **on track** while every complete week was met, and **finished** the
  challenge when all ``weeks`` weeks were met.

The group's progress is the share of complete lifter-weeks that were met, and how many
lifters are on track (finished, once the challenge is over).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from bot.domain.figures.ranking import rank

MIN_CHALLENGE_DAYS = 1
MAX_CHALLENGE_DAYS = 7
MIN_CHALLENGE_WEEKS = 1
MAX_CHALLENGE_WEEKS = 12


@dataclass(frozen=True)
class ChallengeSpec:
    days: int
    weeks: int
    first_monday: date

    @property
    def last_day(self) -> date:
        return self.first_monday + timedelta(weeks=self.weeks, days=-1)


@dataclass(frozen=True)
class LifterProgress:
    user_id: str
    met: int  # complete weeks met
    complete: int  # complete weeks so far
    this_week: int | None  # days in the current challenge week; None after the last one

    @property
    def on_track(self) -> bool:
        return self.met == self.complete


@dataclass(frozen=True)
class ChallengeProgress:
    spec: ChallengeSpec
    lifters: tuple[LifterProgress, ...]  # most weeks met first, then this week's days

    @property
    def weeks_met(self) -> int:
        return sum(p.met for p in self.lifters)

    @property
    def weeks_counted(self) -> int:
        return sum(p.complete for p in self.lifters)

    @property
    def on_track(self) -> tuple[str, ...]:
        return tuple(p.user_id for p in self.lifters if p.on_track)

    @property
    def finished(self) -> tuple[str, ...]:
        """Lifters who met every week (only once the challenge is over for them)."""
        return tuple(p.user_id for p in self.lifters if p.met == self.spec.weeks)


def lifter_progress(spec: ChallengeSpec, user_id: str, days: frozenset[date], today: date
                    ) -> LifterProgress | None:
    """One lifter's progress; None when they trained on no day of the challenge yet."""
    last = min(today, spec.last_day)
    if not any(spec.first_monday <= d <= last for d in days):
        return None
    met = complete = 0
    this_week: int | None = None
    for week in range(spec.weeks):
        monday = spec.first_monday + timedelta(weeks=week)
        sunday = monday + timedelta(days=6)
        trained = sum(1 for d in days if monday <= d <= min(sunday, today))
        if sunday < today:
            complete += 1
            met += trained >= spec.days
        elif monday <= today:
            this_week = trained
    return LifterProgress(user_id, met, complete, this_week)


def challenge_progress(
    spec: ChallengeSpec, lifters: Mapping[str, tuple[frozenset[date], date]],
    records: Mapping[str, float] | None = None,
) -> ChallengeProgress:
    """Everyone's progress: ``lifters`` maps a lifter to (training days, their today);
    ``records`` (longer is higher) breaks ties as on the boards."""
    found: dict[str, LifterProgress] = {}
    for user, (days, today) in lifters.items():
        progress = lifter_progress(spec, user, days, today)
        if progress is not None:
            found[user] = progress
    order = {u: p.met * 8.0 + (p.this_week or 0) for u, p in found.items()}
    ranked = rank(order, longer=records or {})
    return ChallengeProgress(spec, tuple(found[s.user_id] for s in ranked))
