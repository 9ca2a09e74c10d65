"""The condition of each coaching rule: does it fire for a just-logged entry?

Each check reads a ``RuleContext`` (the entry, the lifter's other entries, profile,
soreness reports, ``now`` and the lifter's local ``today``) and returns a ``Hit`` with
an optional concrete detail, or None. Which sets count as failure or hard sets, the
week (the lifter's last 7 local days) and W1's limits are in
``bot.domain.figures.volume``; which muscles a body part names, in
``bot.domain.catalogue.body_parts``. A *session* is the lifter's entries that share
the entry's ``local_date``.

Choices beyond the bare table in docs/coaching.md (each is tested):

- A3 fires only when at least one working set of the session's entries for that
  exercise has a known RIR and none of the known ones is at RIR <= 1.
- A5 needs every working set at 6 reps or fewer with an RIR of 1-3: an RIR of 4 or
  more is not "heavy and close", and RIR >= 5 already draws W7.
- A6 stays quiet when A2 fires for the same entry: past-failure work on tier B is
  covered by A2, and "last set only, with safeties" would read as permission.
- W1 fires only when this entry itself adds a failure set to the count it reports
  (a tier A failure set for the tier A count; a failure set on that muscle for the
  share), so logging an unrelated curl does not repeat last week's warning.
- W2 measures the 48 h back from the entry's ``performed_at`` (a backdated entry is
  judged at its own time) and ignores earlier entries from the same session (same
  ``local_date``): that is one session, not a second exposure; A4 covers failing
  every set.
- W3 looks at the week ending the day before the entry's ``local_date`` (days 1-7
  before) and the week before that (days 8-14): failure sets on the same exercise in
  both. It applies to tiers A and B only: on machine and isolation work (C, D) weekly
  failure is the plan.
- W4 counts a report as ``days`` plus the whole days since it was made
  (:func:`sore_days`, which the reminder DM reads too), ignores reports older than 14
  days and reports of 0 days (a cleared soreness), and expands a group ("back",
  "legs") to its muscles.
- W6 checks the entry's primary muscles only, under their vocabulary names.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property
from types import MappingProxyType

from bot.domain.catalogue.muscles import primary_muscles, trains
from bot.domain.figures.volume import (
    W1_TIER_A_FAILURE_SETS,
    WEEK,
    failure_count,
    failure_sets_by_tier,
    failure_sets_per_muscle,
    failure_share_too_high,
    fmt_number,
    hard_sets_per_muscle,
    in_week,
    is_failure,
    known_rirs,
    near_failure,
    plural,
    tier_a_failures_too_many,
    volume_band,
    week_entries,
)
from bot.domain.models import (
    ISOLATION_TIER,
    PUSH_TO_FAILURE_TIERS,
    SHORT_OF_FAILURE_TIERS,
    Exercise,
    Profile,
    SetRecord,
    Soreness,
    StoredEntry,
)

W2_WINDOW = timedelta(hours=48)

A5_MAX_REPS = 6
A5_MIN_RIR = 1.0
A5_MAX_RIR = 3.0

W4_MIN_DAYS = 5
W4_REPORT_WINDOW = timedelta(days=14)

W5_MIN_AVERAGE_RIR = 4.0

W7_MIN_RIR = 5.0
W7_MAX_REPS = 12


# ------------------------------------------------------------------------ context


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

    @property
    def exercise(self) -> Exercise:
        return self.entry.exercise

    @property
    def working(self) -> tuple[SetRecord, ...]:
        return self.entry.working_sets

    def same_day(self) -> list[StoredEntry]:
        """This entry plus the session's other entries (same local date)."""
        day = self.entry.local_date
        return [self.entry, *(e for e in self.history if e.local_date == day)]

    def same_exercise_same_day(self) -> list[StoredEntry]:
        key = self.exercise.key
        return [e for e in self.same_day() if e.exercise.key == key]

    @cached_property
    def week(self) -> list[StoredEntry]:
        """This entry and the others of the week ending today."""
        return week_entries((self.entry, *self.history), self.today)

    @cached_property
    def hard_sets_this_week(self) -> dict[str, float]:
        """Hard sets per muscle in the week (W1 and W6 both read it)."""
        return hard_sets_per_muscle(self.week, self.today)


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


# ------------------------------------------------------------------------- checks


def _check_a1(ctx: RuleContext) -> Hit | None:
    if ctx.exercise.tier != "A":
        return None
    n = failure_count(ctx.entry)
    if n == 0:
        return None
    return Hit(f"Here: {plural(n, 'set')} at failure on {ctx.exercise.name}.")


def _check_a2(ctx: RuleContext) -> Hit | None:
    if ctx.exercise.tier not in SHORT_OF_FAILURE_TIERS:
        return None
    techniques = sorted({s.technique for s in ctx.working if s.technique is not None})
    if not techniques:
        return None
    return Hit(f"Here: {', '.join(techniques)} on {ctx.exercise.name}.")


def _check_a3(ctx: RuleContext) -> Hit | None:
    if ctx.exercise.tier not in PUSH_TO_FAILURE_TIERS:
        return None
    sets = [s for e in ctx.same_exercise_same_day() for s in e.sets]
    known = known_rirs(sets)
    if not known or near_failure(min(known)):
        return None
    return Hit(f"Here: your hardest set today ended at RIR {fmt_number(min(known))}.")


def _check_a4(ctx: RuleContext) -> Hit | None:
    working = ctx.working
    if len(working) < 2 or not all(is_failure(s) for s in working):
        return None
    count = "both" if len(working) == 2 else f"all {len(working)}"
    return Hit(f"Here: {count} sets at failure.")


def _check_a5(ctx: RuleContext) -> Hit | None:
    if ctx.exercise.tier not in SHORT_OF_FAILURE_TIERS:
        return None
    for s in ctx.working:
        rir = s.effective_rir
        if s.reps is None or s.reps > A5_MAX_REPS:
            return None
        if rir is None or not A5_MIN_RIR <= rir <= A5_MAX_RIR:
            return None
    return Hit()


def _check_a6(ctx: RuleContext) -> Hit | None:
    if ctx.exercise.tier != "B" or _check_a2(ctx) is not None:
        return None
    working = ctx.working
    failed = [i for i, s in enumerate(working) if is_failure(s)]
    if not failed:
        return None
    if failed[0] < len(working) - 1:
        return Hit("Here: failure came before the last set.")
    return Hit()


def _check_w1(ctx: RuleContext) -> Hit | None:
    if ctx.exercise.tier is None or failure_count(ctx.entry) == 0:
        return None
    if not in_week(ctx.entry.local_date, ctx.today):
        return None
    if ctx.exercise.tier == "A":
        tier_a = failure_sets_by_tier(ctx.week, ctx.today)["A"]
        if tier_a_failures_too_many(tier_a):
            return Hit(
                f"Here: {plural(tier_a, 'failure set')} on tier A lifts in the last 7 days "
                f"(rule of thumb: {W1_TIER_A_FAILURE_SETS} or more is a lot)."
            )
    hard = ctx.hard_sets_this_week
    failed = failure_sets_per_muscle(ctx.week, ctx.today)
    for muscle in primary_muscles(ctx.exercise):
        h = hard.get(muscle, 0.0)
        f = failed.get(muscle, 0.0)
        if failure_share_too_high(f, h):
            return Hit(
                f"Here: {fmt_number(f)} of {fmt_number(h)} hard sets for {muscle} in the "
                "last 7 days were at failure (rule of thumb: more than a third is a lot)."
            )
    return None


def _check_w2(ctx: RuleContext) -> Hit | None:
    if failure_count(ctx.entry) == 0:
        return None
    at = ctx.entry.performed_at
    gaps = [
        at - e.performed_at
        for e in ctx.history
        if e.exercise.key == ctx.exercise.key
        and e.local_date != ctx.entry.local_date
        and failure_count(e) > 0
        and timedelta(0) < at - e.performed_at <= W2_WINDOW
    ]
    if not gaps:
        return None
    hours = int(min(gaps).total_seconds() // 3600)
    return Hit(f"Here: your last failure set on {ctx.exercise.name} was {hours} h earlier.")


def _check_w3(ctx: RuleContext) -> Hit | None:
    if ctx.exercise.tier not in SHORT_OF_FAILURE_TIERS or failure_count(ctx.entry) == 0:
        return None
    yesterday = ctx.entry.local_date - timedelta(days=1)
    failed_on = {
        e.local_date
        for e in ctx.history
        if e.exercise.key == ctx.exercise.key and failure_count(e) > 0
    }
    last_week = any(in_week(d, yesterday) for d in failed_on)
    week_before = any(in_week(d, yesterday - WEEK) for d in failed_on)
    if not (last_week and week_before):
        return None
    return Hit(f"Here: failure sets on {ctx.exercise.name} in each of the last 3 weeks.")


def _check_w4(ctx: RuleContext) -> Hit | None:
    for report in ctx.soreness:
        total = sore_days(report, ctx.now)
        if total is None or not sore_too_long(total):
            continue
        if trains(ctx.exercise, report.body_part):
            return Hit(f"Here: {report.body_part} sore for about {total} days.")
    return None


def _check_w5(ctx: RuleContext) -> Hit | None:
    if ctx.profile.goal != "hypertrophy":
        return None
    known = known_rirs(s for e in ctx.same_day() for s in e.sets)
    if not known:
        return None
    average = sum(known) / len(known)
    if average < W5_MIN_AVERAGE_RIR:
        return None
    return Hit(f"Here: average RIR {average:.1f} over {plural(len(known), 'set')} today.")


def _check_w6(ctx: RuleContext) -> Hit | None:
    volume = ctx.hard_sets_this_week
    over = [
        (muscle, volume[muscle])
        for muscle in primary_muscles(ctx.exercise)
        if volume_band(volume.get(muscle, 0.0)) == "above"
    ]
    if not over:
        return None
    parts = ", ".join(f"{muscle} {fmt_number(v)}" for muscle, v in over)
    return Hit(f"Here: hard sets in the last 7 days: {parts}.")


def _check_w7(ctx: RuleContext) -> Hit | None:
    working = ctx.working
    high_rir = [r for r in known_rirs(working) if r >= W7_MIN_RIR]
    long_sets = [s.reps for s in working if s.reps is not None and s.reps > W7_MAX_REPS]
    if high_rir:
        return Hit(f"Here: a set logged at RIR {fmt_number(max(high_rir))}.")
    if long_sets:
        return Hit(f"Here: a set of {max(long_sets)} reps.")
    return None


def _check_w8(ctx: RuleContext) -> Hit | None:
    if ctx.profile.goal != "strength" or ctx.exercise.tier in (None, ISOLATION_TIER):
        return None
    n = failure_count(ctx.entry)
    if n == 0:
        return None
    return Hit(f"Here: {plural(n, 'set')} at failure on {ctx.exercise.name}.")


RULE_CHECKS: Mapping[str, Check] = MappingProxyType(
    {
        "A1": _check_a1,
        "A2": _check_a2,
        "A3": _check_a3,
        "A4": _check_a4,
        "A5": _check_a5,
        "A6": _check_a6,
        "W1": _check_w1,
        "W2": _check_w2,
        "W3": _check_w3,
        "W4": _check_w4,
        "W5": _check_w5,
        "W6": _check_w6,
        "W7": _check_w7,
        "W8": _check_w8,
    }
)
"""The condition of each rule in ``RULES``, by id."""


__all__ = [
    "A5_MAX_REPS",
    "A5_MAX_RIR",
    "A5_MIN_RIR",
    "RULE_CHECKS",
    "W2_WINDOW",
    "W4_MIN_DAYS",
    "W4_REPORT_WINDOW",
    "W5_MIN_AVERAGE_RIR",
    "W7_MAX_REPS",
    "W7_MIN_RIR",
    "Check",
    "Hit",
    "RuleContext",
    "sore_days",
    "sore_too_long",
]
