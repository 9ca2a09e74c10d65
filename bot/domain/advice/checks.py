"""The condition of each coaching rule: does it fire for a just-logged entry?

Each check reads a ``RuleContext`` (the entry, the lifter's other entries, profile,
soreness reports, ``now`` and the lifter's local ``today``) and returns a ``Hit`` with
an optional concrete detail, or None. Which sets count as failure or hard sets, the
week (the lifter's last 7 local days) and W1's limits are in
``bot.domain.figures.volume``; which muscles a body part names, in
``bot.domain.catalogue.body_parts``. A *session* is the lifter's entries that share
the entry's ``local_date``.

Choices beyond the bare table in docs/coaching.md (each is tested):

- A1 leaves out sets marked as a planned max or test (``SetRecord.planned_max``).
- A3 fires only when at least one working set of the session's entries for that
  exercise has a known RIR and none of the known ones is at RIR <= 1, and no current
  soreness report names a muscle the exercise trains (pushing a sore muscle harder
  is the opposite of what W4 asks).
- A4 judges all of the session's working sets of the exercise, however many logs they
  came in (2+ sets, every one at failure), and fires only on a log that adds one;
  planned maxes are left out of it too (a test ends at the limit by design).
- A5 needs every working set at 6 reps or fewer, an RIR of 1-3 the lifter gave (an
  AMRAP without one is not "kept short"), and reps + RIR of 8 or fewer: heavy enough
  to be near a 4-6 rep max.
- A6 stays quiet when A2 fires for the same entry: past-failure work on tier B is
  covered by A2, and "last set only, with safeties" would read as permission.
- W1 fires only when this entry itself adds a failure set to the count it reports
  (a tier A failure set for the tier A count; a failure set on that muscle for the
  share), so logging an unrelated curl does not repeat last week's warning.
- W2 counts local days: a failure set on the same exercise, or on one sharing a
  primary muscle, on either of the two local dates before the entry's (whatever the
  hour; backdated entries by their own date). Earlier entries from the same session
  are one session, not a second exposure; A4 covers failing every set.
- W3 looks at the week ending the day before the entry's ``local_date`` (days 1-7
  before) and the week before that (days 8-14): failure sets on the same exercise in
  both. It applies to tiers A and B only: on machine and isolation work (C, D) weekly
  failure is the plan.
- W4 counts a report as ``days`` plus the whole days since it was made
  (:func:`sore_days`, which the reminder DM reads too), ignores reports older than 14
  days and reports of 0 days (a cleared soreness), and expands a group ("back",
  "legs") to its muscles.
- W5 stays quiet when the session has a set at RIR 0-1: the lifter did train hard.
- W6 checks the entry's primary muscles only, under their vocabulary names.
- W7 looks only at *estimated* efforts: a set with an RIR the lifter gave, not at
  failure, not an AMRAP, not timed; it fires at RIR 5 or more, or past 12 reps.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from types import MappingProxyType

from bot.domain.advice.context import (
    W4_MIN_DAYS,
    W4_REPORT_WINDOW,
    Check,
    Hit,
    RuleContext,
    day_word,
    estimated,
    sore_days,
    sore_too_long,
)
from bot.domain.catalogue.muscles import primary_muscles, trains
from bot.domain.figures.volume import (
    W1_TIER_A_FAILURE_SETS,
    WEEK,
    failure_count,
    failure_share_too_high,
    fmt_number,
    in_week,
    is_failure,
    known_rirs,
    near_failure,
    plural,
    tier_a_failures_too_many,
    volume_band,
)
from bot.domain.models import ISOLATION_TIER, PUSH_TO_FAILURE_TIERS, SHORT_OF_FAILURE_TIERS

W2_DAYS = 2
"""W2 looks back this many local days before the entry's date."""

A5_MAX_REPS = 6
A5_MIN_RIR = 1.0
A5_MAX_RIR = 3.0
A5_MAX_EFFECTIVE_REPS = 8

W5_MIN_AVERAGE_RIR = 4.0

W7_MIN_RIR = 5.0
W7_MAX_REPS = 12


# ------------------------------------------------------------------------- checks


def _check_a1(ctx: RuleContext) -> Hit | None:
    if ctx.exercise.tier != "A":
        return None
    n = sum(1 for s in ctx.working if is_failure(s) and not s.planned_max)
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
    if any(sore_days(r, ctx.now) is not None and trains(ctx.exercise, r.body_part)
           for r in ctx.soreness):
        return None
    return Hit(f"Here: your hardest set {ctx.day_word} ended at RIR {fmt_number(min(known))}.")


def _check_a4(ctx: RuleContext) -> Hit | None:
    if not any(is_failure(s) and not s.planned_max for s in ctx.working):
        return None
    working = [s for e in ctx.same_exercise_same_day() for s in e.working_sets
               if not s.planned_max]
    if len(working) < 2 or not all(is_failure(s) for s in working):
        return None
    count = "both" if len(working) == 2 else f"all {len(working)}"
    return Hit(f"Here: {count} sets {ctx.day_word} at failure.")


def _check_a5(ctx: RuleContext) -> Hit | None:
    if ctx.exercise.tier not in SHORT_OF_FAILURE_TIERS:
        return None
    for s in ctx.working:
        rir = s.effective_rir
        if s.reps is None or s.reps > A5_MAX_REPS or s.timed:
            return None
        if s.rir is None or rir is None or not A5_MIN_RIR <= rir <= A5_MAX_RIR:
            return None
        if s.reps + rir > A5_MAX_EFFECTIVE_REPS:
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
        tier_a = ctx.volume.tier_a_failures
        if tier_a_failures_too_many(tier_a):
            return Hit(
                f"Here: {plural(tier_a, 'failure set')} on tier A lifts in the last 7 days "
                f"(rule of thumb: {W1_TIER_A_FAILURE_SETS} or more is a lot)."
            )
    hard = ctx.volume.hard
    failed = ctx.volume.failed
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
    day = ctx.entry.local_date
    mine = set(primary_muscles(ctx.exercise))
    recent = [
        e for e in ctx.history
        if 1 <= (day - e.local_date).days <= W2_DAYS and failure_count(e) > 0
        and (e.exercise.key == ctx.exercise.key or mine & set(primary_muscles(e.exercise)))
    ]
    if not recent:
        return None
    last = max(recent, key=lambda e: (e.local_date, e.exercise.key == ctx.exercise.key))
    gap = (day - last.local_date).days
    when = "the day before" if gap == 1 else f"{gap} days before"
    what = (last.exercise.name if last.exercise.key == ctx.exercise.key
            else f"{last.exercise.name}, which shares a main muscle")
    return Hit(f"Here: failure on {what} {when}.")


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
    if not known or near_failure(min(known)):
        return None
    average = sum(known) / len(known)
    if average < W5_MIN_AVERAGE_RIR:
        return None
    return Hit(f"Here: average RIR {average:.1f} over {plural(len(known), 'set')} "
               f"{ctx.day_word}.")


def _check_w6(ctx: RuleContext) -> Hit | None:
    volume = ctx.volume.hard
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
    guessed = [s for s in ctx.working if estimated(s)]
    high_rir = [s.rir for s in guessed if s.rir is not None and s.rir >= W7_MIN_RIR]
    long_sets = [s.reps for s in guessed if s.reps is not None and s.reps > W7_MAX_REPS]
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
    "A5_MAX_EFFECTIVE_REPS",
    "A5_MAX_REPS",
    "A5_MAX_RIR",
    "A5_MIN_RIR",
    "RULE_CHECKS",
    "W2_DAYS",
    "W4_MIN_DAYS",
    "W4_REPORT_WINDOW",
    "W5_MIN_AVERAGE_RIR",
    "W7_MAX_REPS",
    "W7_MIN_RIR",
    "Check",
    "Hit",
    "RuleContext",
    "day_word",
    "estimated",
    "sore_days",
    "sore_too_long",
]
