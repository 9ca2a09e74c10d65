"""A fresh log against this week's plan: as planned, or off plan and why.

``plan_check`` takes the entries just logged, the week's entries (the fresh ones
included) and the plan as it stood before the log, and returns the lines the log
reply ends with. What was done is never judged twice: the next plan reads it as spent
(a failure set taken early in the week comes off that week's budget).

- No failure in a heavy or deload week, none on tier A, on tier B at most one a week
  on a last set, none on what a sore body part trains.
- Tier C/D: failure on the last set; failure before it, or more failure sessions than
  the week's budget left, is off plan. A planned failure set that ended at RIR 2 or
  more is short of plan (RIR 1 counts: it grows nearly as well, Refalo 2024); a set
  without an effort is not judged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.domain.figures.volume import is_failure, near_failure
from bot.domain.models import Exercise, StoredEntry
from bot.domain.plan.blocks import describe_block
from bot.domain.plan.model import ExercisePlan, WeekPlan

Namer = Callable[[Exercise], str]
MAX_LINES = 3


@dataclass(frozen=True)
class Verdict:
    entry: StoredEntry
    off: str | None = None  # why it is off plan; None: as planned
    adapt: str | None = None  # what the rest of the week does about it


def _name(exercise: Exercise) -> str:
    return exercise.name


def plan_check(entries_today: Sequence[StoredEntry], week_entries: Sequence[StoredEntry],
               plan: WeekPlan, name: Namer = _name) -> tuple[str, ...]:
    """The log reply's plan lines (empty when nothing logged falls in the plan's week)."""
    del week_entries  # the plan already holds what was done before; see the module doc
    verdicts = [v for e in entries_today if (v := judge(e, plan)) is not None]
    if not verdicts:
        return ()
    off = [v for v in verdicts if v.off is not None]
    lines = [f"Plan: {name(v.entry.exercise)} is off plan: {v.off}." for v in off]
    if not off:
        lines = [f"Plan: as planned ({describe_block(plan.block)})." if not plan.deload
                 else "Plan: as planned (deload week)."]
    elif len(lines) > MAX_LINES - 1:
        lines = [*lines[:MAX_LINES - 2], f"Plan: {len(off) - MAX_LINES + 2} more off plan "
                                         "(/plan shows the week)."]
    adapts = [v.adapt for v in verdicts if v.adapt]
    if adapts:
        lines.append(adapts[0])
    return tuple(lines)


def judge(entry: StoredEntry, plan: WeekPlan) -> Verdict | None:
    """One entry against the plan; None when it is outside the week or has no work."""
    if not plan.week_first <= entry.local_date <= plan.sunday or not entry.working_sets:
        return None
    item = plan.find(entry.exercise.key)
    if item is None:
        return Verdict(entry, adapt="Plan: new exercises join the plan; /plan shows where "
                                    "their failure goes.")
    sets = entry.working_sets
    failures = sum(map(is_failure, sets))
    tier = entry.exercise.tier
    if failures and not plan.failure_week:
        week = "deload" if plan.deload else "heavy"
        return Verdict(entry, f"a tier {tier or '?'} failure set in a {week} week",
                       _rest_of_week(plan))
    if failures and tier == "A":
        return Verdict(entry, "a tier A failure set (tier A stays short of failure)",
                       "Plan: keep the week's other tier A work at RIR 2-3.")
    if failures and item.sore:
        return Verdict(entry, f"{item.sore} is sore, so the plan kept it off failure "
                              "this week (W4)")
    if tier == "B":
        return _tier_b(entry, plan, failures)
    if tier in ("C", "D"):
        return _tier_cd(entry, item, failures)
    return Verdict(entry)


def _rest_of_week(plan: WeekPlan) -> str:
    if plan.deload:
        return "Plan: the rest of the deload stays at RIR 3-4."
    return "Plan: the rest of this heavy week stays short of failure."


def _tier_b(entry: StoredEntry, plan: WeekPlan, failures: int) -> Verdict:
    if not failures:
        return Verdict(entry)
    if plan.goal == "strength":
        return Verdict(entry, "the strength goal plans no failure on tier B")
    if plan.tier_b_spent:
        return Verdict(entry, "tier B's one failure set this week was already done")
    adapt = "Plan: tier B's failure set for the week is spent; the rest at RIR 1-3."
    if failures > 1:
        return Verdict(entry, "more than one tier B failure set (one a week)", adapt)
    if not is_failure(entry.working_sets[-1]):
        return Verdict(entry, "tier B failure goes on a last set only", adapt)
    return Verdict(entry, None, adapt)  # the week's one, on this lift or another one


def _tier_cd(entry: StoredEntry, item: ExercisePlan, failures: int) -> Verdict:
    sets = entry.working_sets
    if failures:
        if item.place == "none":
            return Verdict(entry, "the strength goal keeps tier C work at RIR 1-2")
        if not is_failure(sets[-1]) or failures > 1:
            return Verdict(entry, "failure before the last set (the plan has it on the "
                                  "last set only)")
        if item.failure_left == 0:
            why = ("over this week's failure budget for its muscles (W1)" if item.budget_cut
                   else "more failure sessions than planned this week")
            return Verdict(entry, why, "Plan: the week's failure budget counts it; /plan "
                                       "shows what is left.")
        return Verdict(entry)
    last = sets[-1].effective_rir
    if item.failure_left and last is not None and not near_failure(last):
        return Verdict(entry, f"the last set was planned to failure and ended at RIR "
                              f"{last:g}")
    return Verdict(entry)


__all__ = ["Verdict", "judge", "plan_check"]
