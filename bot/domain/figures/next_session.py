"""What to do next time on a lift: a load and reps from the e1RM, or double progression.

Tiers A and B, for a session logged with a load and an effort: the session's best e1RM
(:mod:`bot.domain.figures.e1rm`, with the lifter's calibrated effort) is inverted for the
planned reps at the tier's target RIR, ``load = e1RM / (1 + (reps + RIR) / 30)``, and
rounded *down* to the lifter's plates (:func:`plate_step_kg`). The planned reps are those
of the session's heaviest sets other than planned maxes (at most 5 for a strength
goal); a session of planned maxes only feeds the e1RM and suggests nothing. Target RIR: tier A 2;
tier B 1 for a hypertrophy goal, else 2 (COACHING: A 2, B 1-2).

- No increase (the load stays at most the session's heaviest) right after a tier A
  failure set or a missed target: fewer reps on a later set at the top load than on the
  first, or fewer reps at the load the last suggestion named than it asked for.
- After two sessions in a row of falling e1RM: hold the load, or cut about 5%.

Tiers C and D, double progression: when every set at the session's top load reached the
top of the rep range (``reps_max`` of a logged range, else the most reps logged) at RIR 1
or less, add the smallest step; otherwise keep the load and build the reps first.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from bot.domain.figures.e1rm import e1rm
from bot.domain.figures.volume import fmt_number, is_failure
from bot.domain.models import LB_TO_KG, Profile, SetRecord, StoredEntry, Tier
from bot.domain.notation.echo import format_load

STRENGTH_MAX_REPS = 5
CUT_SHARE = 0.95
"""A small cut after falling e1RMs: about 5%."""
DOUBLE_PROGRESSION_RIR = 1.0


def plate_step_kg(profile: Profile) -> float:
    """The smallest load step: the lifter's own, else 2.5 kg or 5 lb."""
    if profile.increment_kg is not None and profile.increment_kg > 0:
        return profile.increment_kg
    return 5 * LB_TO_KG if profile.unit == "lb" else 2.5


def round_down(kg: float, profile: Profile) -> float:
    """``kg`` rounded down to a whole number of plate steps."""
    step = plate_step_kg(profile)
    return math.floor(kg / step + 1e-6) * step


def target_rir(tier: Tier, profile: Profile) -> float:
    if tier == "B" and profile.goal == "hypertrophy":
        return 1.0
    return 2.0


def loaded_sets(sets: Iterable[SetRecord]) -> list[SetRecord]:
    return [s for s in sets if not s.warmup and not s.timed and s.technique is None
            and s.reps is not None and s.reps >= 1 and s.load_kg is not None
            and s.load_kg > 0 and not s.bodyweight]


def sessions_of(entries: Iterable[StoredEntry], until: date) -> dict[date, list[SetRecord]]:
    """Loaded working sets per local date, up to ``until``, oldest first."""
    days: dict[date, list[SetRecord]] = {}
    for e in sorted(entries, key=lambda e: (e.local_date, e.entry_id)):
        if e.local_date <= until:
            days.setdefault(e.local_date, []).extend(loaded_sets(e.sets))
    return {d: sets for d, sets in days.items() if sets}


def session_e1rm(sets: Sequence[SetRecord]) -> float | None:
    """The best e1RM of a session's sets that carry an effort."""
    values = [v for s in sets if s.effective_rir is not None and s.load_kg and s.reps
              and (v := e1rm(s.load_kg, s.reps, s.effective_rir)) is not None]
    return max(values, default=None)


def falling_sessions(sessions: dict[date, list[SetRecord]]) -> int:
    """How many sessions in a row (of ``sessions``, oldest first; those without an e1RM
    left out), ending with the last, the best e1RM fell: read from the newest back, only
    as far as the run goes."""
    runs = 0
    after: float | None = None
    for sets in reversed(sessions.values()):
        value = session_e1rm(sets)
        if value is None:
            continue
        if after is not None:
            if after >= value:
                break
            runs += 1
        after = value
    return runs


@dataclass(frozen=True)
class Plan:
    load_kg: float
    reps: int
    rir: float


def _top(sets: Sequence[SetRecord]) -> tuple[float, list[SetRecord]]:
    top = max(s.load_kg or 0.0 for s in sets)
    return top, [s for s in sets if abs((s.load_kg or 0.0) - top) < 0.01]


def _plan(sets: Sequence[SetRecord], tier: Tier, profile: Profile) -> Plan | None:
    best = session_e1rm(sets)
    regular = [s for s in sets if not s.planned_max]
    if best is None or not regular:
        return None
    _, at_top = _top(regular)
    counts = [s.reps or 0 for s in at_top]
    reps = min(set(counts), key=lambda r: (-counts.count(r), r))
    if profile.goal == "strength":
        reps = min(reps, STRENGTH_MAX_REPS)
    rir = target_rir(tier, profile)
    return Plan(round_down(best / (1 + (reps + rir) / 30), profile), reps, rir)


def _missed(sets: Sequence[SetRecord], wanted: Plan | None) -> bool:
    _, at_top = _top(sets)
    if any((s.reps or 0) < (at_top[0].reps or 0) for s in at_top[1:]):
        return True
    if wanted is None:
        return False
    at_wanted = [s for s in sets if (s.load_kg or 0.0) >= wanted.load_kg - 0.01]
    return bool(at_wanted) and min(s.reps or 0 for s in at_wanted) < wanted.reps


def _strength_line(
    sessions: dict[date, list[SetRecord]], day: date, tier: Tier, profile: Profile
) -> str | None:
    sets = sessions.get(day)
    if not sets or all(s.effective_rir is None for s in sets):
        return None
    plan = _plan(sets, tier, profile)
    if plan is None:
        return None
    earlier = [d for d in sessions if d < day]
    wanted = _plan(sessions[earlier[-1]], tier, profile) if earlier else None
    top, _ = _top(sets)
    unit = profile.unit
    stop = f"stop at RIR {fmt_number(plan.rir)}"
    if falling_sessions(sessions) >= 2:
        hold = min(plan.load_kg, top)
        cut = round_down(top * CUT_SHARE, profile)
        return (f"Next time: hold {format_load(hold, unit)} × {plan.reps} or cut about 5% to "
                f"{format_load(cut, unit)}, {stop}: your e1RM fell two sessions running.")
    why = ""
    if plan.load_kg > top and tier == "A" and any(map(is_failure, sets)):
        why = " (no increase right after a failure set)"
    elif plan.load_kg > top and _missed(sets, wanted):
        why = " (no increase after a missed target)"
    load = min(plan.load_kg, top) if why else plan.load_kg
    return f"Next time: {format_load(load, unit)} × {plan.reps}, {stop}{why}."


def _double_progression_line(sets: Sequence[SetRecord], profile: Profile) -> str | None:
    if not sets or any(s.effective_rir is None for s in sets):
        return None
    top, at_top = _top(sets)
    goal = max(s.reps_max or s.reps or 0 for s in at_top)
    step = format_load(plate_step_kg(profile), profile.unit)
    load = format_load(top, profile.unit)
    if all((s.reps or 0) >= goal and (s.effective_rir or 0.0) <= DOUBLE_PROGRESSION_RIR
           for s in at_top):
        return (f"All sets reached {goal} at RIR 1 or less: add {step} next time "
                f"({format_load(top + plate_step_kg(profile), profile.unit)}).")
    return (f"Next time: {load} again, and build every set to {goal} reps at RIR 1 or less "
            f"before adding {step}.")


def next_time(entries: Iterable[StoredEntry], day: date, profile: Profile) -> str | None:
    """The next-time line for one exercise after its session on ``day`` (None: nothing
    to suggest: no tier, no load, or no effort)."""
    pool = list(entries)
    if not pool or pool[0].exercise.tier is None:
        return None
    tier = pool[0].exercise.tier
    sessions = sessions_of(pool, day)
    if tier in ("A", "B"):
        return _strength_line(sessions, day, tier, profile)
    return _double_progression_line(sessions.get(day, []), profile)


__all__ = [
    "CUT_SHARE",
    "STRENGTH_MAX_REPS",
    "Plan",
    "falling_sessions",
    "next_time",
    "plate_step_kg",
    "round_down",
    "session_e1rm",
    "sessions_of",
    "target_rir",
]
