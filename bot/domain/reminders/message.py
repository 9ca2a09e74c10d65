"""The text of a lifter's daily reminder DM, from a summary of their recent history.

Pure: the caller passes the lifter's sessions (one exercise on one local day, reduced
to its set counts), each exercise's primary muscles, soreness reports, the weekly
target, the reminder's local date and the current instant. The result is None when
the lifter already trained that day. A reminder needs no single set, only counts, so
storage can hand over :class:`Session` rows; :func:`sessions_of` makes the same rows
from full entries, with the definitions the advice and /stats use (a training day has
a working set; a failure set is ``bot.domain.figures.volume.is_failure``).

What goes in, and how it is chosen
----------------------------------
* **Overdue**: for each exercise trained in the look-back window, the usual gap is
  the median of the gaps between its training days (7 days when it was trained only
  once). An exercise is overdue when more days than that have passed; the most
  overdue (largest ratio of days since to usual gap) come first. A muscle is overdue
  when it was a primary muscle of something in the window but has not been trained
  for a week or more.
* **Today's likely lifts**: exercises logged on the same weekday in the window,
  most often first; when there are none, the most overdue exercises. Tier A/B lifts
  are listed as ones to keep short of failure (A1, A6), tier C/D as ones whose last
  set should be pushed (A3).
* **Warnings**: W1 when tier A failure sets in the week ending today (the lifter's
  last 7 local days, as the advice and /stats count them) reach the rule-of-thumb
  limit; W4 for each body part reported sore for five days or more, counted as the W4
  check counts (:func:`bot.domain.advice.checks.sore_days`).
* **Weekly target**: training days in the current calendar week (Monday first)
  against the week's target (:func:`bot.domain.figures.stats.week_target`, so a
  target set today counts), as /stats counts them.
* **Streak nudge**: with a weekly streak running (the weeks up to last week met their
  targets, ``weekly_streak`` as /stats counts it) and this week not met yet, the
  reminder says when one more day this week keeps the streak, and on the last day
  that can still save it (every day left is needed, today included). A streak as long
  as the look-back window can see is shown as "N+ weeks".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import pairwise

from bot.domain.advice.checks import sore_days, sore_too_long
from bot.domain.figures.stats import (
    Targets,
    days_in_window,
    week_start,
    week_target,
    weekly_streak,
)
from bot.domain.figures.volume import (
    in_week,
    is_failure,
    tier_a_failures_too_many,
)
from bot.domain.models import (
    PUSH_TO_FAILURE_TIERS,
    SHORT_OF_FAILURE_TIERS,
    Soreness,
    StoredEntry,
    Tier,
)

__all__ = [
    "LOOKBACK_DAYS",
    "ReminderInputs",
    "Session",
    "compose_reminder",
    "overdue_lifts",
    "sessions_of",
]

LOOKBACK_DAYS = 42
SINGLE_SESSION_GAP = 7
MUSCLE_OVERDUE_DAYS = 7
MAX_OVERDUE = 3
MAX_LIKELY = 4
MESSAGE_LIMIT = 1900

_DAY_LABELS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_LABELS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                 "Nov", "Dec")


@dataclass(frozen=True)
class Session:
    """One exercise on one local day: its working sets and, of those, failure sets."""

    key: str
    name: str
    tier: Tier | None
    day: date
    working_sets: int
    failure_sets: int


def sessions_of(entries: Iterable[StoredEntry]) -> list[Session]:
    """Full entries reduced to sessions (one per entry; same key and day may repeat)."""
    found = []
    for entry in entries:
        found.append(Session(entry.exercise.key, entry.exercise.name, entry.exercise.tier,
                             entry.local_date, len(entry.working_sets),
                             sum(map(is_failure, entry.sets))))
    return found


@dataclass(frozen=True)
class ReminderInputs:
    """Everything one reminder is written from."""

    sessions: Sequence[Session]
    soreness: Sequence[Soreness]
    weekly_target: int
    today: date
    now: datetime
    muscles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Primary muscles by exercise key; exercises missing here count for no muscle."""
    target_history: Sequence[tuple[date, int]] = ()
    """The lifter's weekly-target history (empty: ``weekly_target`` never changed)."""

    @property
    def targets(self) -> Targets:
        return self.target_history or self.weekly_target


@dataclass(frozen=True)
class Overdue:
    name: str
    days_since: int
    usual_gap: int

    @property
    def ratio(self) -> float:
        return self.days_since / self.usual_gap


def _label(day: date) -> str:
    return f"{_DAY_LABELS[day.weekday()]} {day.day} {_MONTH_LABELS[day.month - 1]}"


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _window(inputs: ReminderInputs) -> list[Session]:
    first = inputs.today - timedelta(days=LOOKBACK_DAYS)
    return [s for s in inputs.sessions
            if first <= s.day < inputs.today and s.working_sets > 0]


def overdue_lifts(sessions: Sequence[Session], today: date) -> list[Overdue]:
    """Exercises past their usual gap, most overdue first (sessions before ``today``)."""
    dates: dict[str, set[date]] = {}
    names: dict[str, str] = {}
    for s in sessions:
        if s.day < today and s.working_sets > 0:
            dates.setdefault(s.key, set()).add(s.day)
            names[s.key] = s.name
    found: list[Overdue] = []
    for key, days in dates.items():
        ordered = sorted(days)
        gaps = sorted((b - a).days for a, b in pairwise(ordered))
        usual = max(1, _median(gaps) if gaps else SINGLE_SESSION_GAP)
        since = (today - ordered[-1]).days
        if since > usual:
            found.append(Overdue(names[key], since, usual))
    found.sort(key=lambda o: (-o.ratio, -o.days_since, o.name))
    return found


def _median(values: Sequence[int]) -> int:
    """The middle of sorted ``values``, rounded half to even like round()."""
    mid = len(values) // 2
    if len(values) % 2:
        return values[mid]
    return round((values[mid - 1] + values[mid]) / 2)


def _overdue_muscles(inputs: ReminderInputs, sessions: Sequence[Session]
                     ) -> list[tuple[str, int]]:
    last: dict[str, date] = {}
    for s in sessions:
        for muscle in inputs.muscles.get(s.key, ()):
            if s.day > last.get(muscle, date.min):
                last[muscle] = s.day
    stale = [(m, (inputs.today - d).days) for m, d in last.items()
             if (inputs.today - d).days >= MUSCLE_OVERDUE_DAYS]
    stale.sort(key=lambda pair: (-pair[1], pair[0]))
    return stale[:MAX_OVERDUE]


def _likely_today(sessions: Sequence[Session], today: date,
                  overdue: Sequence[Overdue]) -> list[Session]:
    latest: dict[str, Session] = {}
    for s in sorted(sessions, key=lambda s: s.day):
        latest[s.key] = s
    counts = Counter(s.key for s in {(s.key, s.day): s for s in sessions
                                     if s.day.weekday() == today.weekday()}.values())
    if counts:
        keys = sorted(counts, key=lambda k: (-counts[k], -latest[k].day.toordinal(), k))
    else:
        by_name = {s.name: s.key for s in sessions}
        keys = [by_name[o.name] for o in overdue]
    return [latest[k] for k in keys[:MAX_LIKELY]]


def _tier_lines(likely: Sequence[Session]) -> list[str]:
    short = [s.name for s in likely if s.tier in SHORT_OF_FAILURE_TIERS]
    push = [s.name for s in likely if s.tier in PUSH_TO_FAILURE_TIERS]
    lines: list[str] = []
    if short:
        lines.append(f"• Keep short of failure, 1-3 reps in reserve: {', '.join(short)} "
                     "[A1, A6]")
    if push:
        lines.append(f"• Push the last set to failure or within a rep of it: "
                     f"{', '.join(push)} [A3]")
    return lines


def _warnings(inputs: ReminderInputs, sessions: Sequence[Session]) -> list[str]:
    lines: list[str] = []
    tier_a = sum(s.failure_sets for s in sessions
                 if s.tier == "A" and in_week(s.day, inputs.today))
    if tier_a_failures_too_many(tier_a):
        lines.append(f"⚠ [W1] {tier_a} failure sets on tier A lifts in the past 7 days: "
                     "keep today's sets a few reps short so your nervous system catches up.")
    for report in sorted(inputs.soreness, key=lambda r: r.body_part):
        total = sore_days(report, inputs.now)
        if total is not None and sore_too_long(total):
            lines.append(f"⚠ [W4] {report.body_part} sore for about {_days(total)}: "
                         "no failure sets for it until it settles.")
    return lines


def _target_line(inputs: ReminderInputs) -> str:
    trained = {s.day for s in inputs.sessions if s.working_sets > 0}
    done = days_in_window(trained, inputs.today, 1)
    target = week_target(inputs.targets, inputs.today)
    line = f"This week: {done} of {target} days."
    if done >= target:
        return f"{line} Target met; anything today is a bonus."
    left = target - done
    days_left = 7 - inputs.today.weekday()
    if left > days_left:
        return f"{line} Out of reach this week, but today still counts."
    more = "1 more day reaches" if left == 1 else f"{left} more days reach"
    nudge = _streak_nudge(inputs, trained, left, days_left)
    return f"{line} {more} your target.{nudge}"


def _streak_nudge(inputs: ReminderInputs, trained: set[date], left: int, days_left: int
                  ) -> str:
    """What this week means for a running weekly streak (see the module docstring)."""
    # Complete weeks the look-back sees in full: a streak that long may be longer.
    first = inputs.today - timedelta(days=LOOKBACK_DAYS)
    full = first if first.weekday() == 0 else week_start(first) + timedelta(weeks=1)
    seen = (week_start(inputs.today) - full).days // 7
    # This week is not met yet, so the streak is the complete weeks up to last week.
    streak = weekly_streak({d for d in trained if d >= full}, inputs.today, inputs.targets)
    if not streak:
        return ""
    weeks = f"streak of {streak}+ weeks" if streak >= seen else f"{streak}-week streak"
    if left == days_left:
        need = ("one more day keeps it" if left == 1 else
                f"it needs all {left} days left this week, today included")
        return f" Today is the last day that can still save your {weeks}: {need}."
    if left == 1:
        return f" One more day this week keeps your {weeks} going."
    return ""


def compose_reminder(inputs: ReminderInputs) -> str | None:
    """The DM for ``inputs.today``; None when a working set is already logged that day."""
    if any(s.day == inputs.today and s.working_sets > 0 for s in inputs.sessions):
        return None
    sessions = _window(inputs)
    lines = [f"**Training reminder for {_label(inputs.today)}**"]
    if not sessions:
        lines.append(f"Nothing logged in the last {LOOKBACK_DAYS // 7} weeks. Log today's "
                     "sets with /log (for example `/log squat 5x5 rir2`) and I'll start "
                     "tracking what is due.")
    overdue = overdue_lifts(sessions, inputs.today)
    if overdue:
        parts = [f"{o.name} ({_days(o.days_since)} ago, usually every {_days(o.usual_gap)})"
                 for o in overdue[:MAX_OVERDUE]]
        lines.append("Most overdue: " + "; ".join(parts) + ".")
    muscles = _overdue_muscles(inputs, sessions)
    if muscles:
        lines.append("Muscles waiting: "
                     + ", ".join(f"{m} ({_days(d)})" for m, d in muscles) + ".")
    likely = _likely_today(sessions, inputs.today, overdue)
    if likely:
        lines.append("Likely today: " + ", ".join(s.name for s in likely) + ".")
        lines.extend(_tier_lines(likely))
    lines.extend(_warnings(inputs, sessions))
    lines.append(_target_line(inputs))
    lines.append("-# Change it with /remind set, stop it with /remind off.")
    text = "\n".join(lines)
    return text if len(text) <= MESSAGE_LIMIT else text[: MESSAGE_LIMIT - 1] + "…"
