"""Where failure may go on one exercise this week, by tier, block, goal and soreness.

- Tier A: never; stop at RIR 1-3, or when form or bar speed goes (the article's
  advice for squats, deadlifts and Olympic lifts).
- Tier B: at most one failure set a week over all tier B lifts, on a last set, with
  safeties or a spotter; every other set at RIR 1-3.
- Tier C and D: the last set of each session (tier D may go past failure with a drop
  set); the other sets at RIR 1-2.
- Heavy block: no failure; tier C/D at RIR 1-2, tier A/B heavy at RIR 1-3.
- Deload: about half the sets, at RIR 3-4, no failure.
- A body part sore for 5+ days (W4): no failure on what trains it, RIR 2-3.
- Strength goal: no failure on compounds (tiers B and C); failure adds no strength
  (Grgic 2022; Vieira 2021). Isolation work keeps its last set.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.models import Exercise, Goal
from bot.domain.plan.blocks import BlockWeek
from bot.domain.plan.model import FailurePlace


@dataclass(frozen=True)
class Prescription:
    place: FailurePlace
    rir: str
    why: str


@dataclass(frozen=True)
class WeekKind:
    """What about the week (not the exercise) shapes every prescription."""

    block: BlockWeek
    deload: bool
    goal: Goal
    tier_b_key: str | None
    tier_b_spent: bool


def prescribe(exercise: Exercise, week: WeekKind, sore: str | None) -> Prescription:
    """The week's prescription for ``exercise``; ``sore`` names a sore body part it trains."""
    tier = exercise.tier
    if week.deload:
        return Prescription("none", "3-4", "deload week: about half the sets, well short "
                                           "of failure")
    if tier is None:
        return Prescription("none", "1-3", f"no tier yet: /exercise {exercise.name} tier:X "
                                           "lets me place failure")
    if week.block.heavy:
        if tier in ("A", "B"):
            return Prescription("none", "1-3", "heavy block: heavy sets, no failure")
        return Prescription("none", "1-2", "heavy block: close to failure, not to it")
    if sore is not None:
        return Prescription("none", "2-3", f"{sore} still sore (W4): no failure this week, "
                                           "a set less if it lingers")
    if tier == "A":
        return Prescription("none", "1-3", "tier A: stop short, or when form or bar speed "
                                           "goes")
    if tier == "B":
        return _tier_b(exercise, week)
    if week.goal == "strength" and tier == "C":
        return Prescription("none", "1-2", "strength goal: close to failure, not to it "
                                           "(Grgic 2022; Vieira 2021)")
    if tier == "C":
        return Prescription("last_set", "1-2", "tier C: last set to failure")
    return Prescription("drop_set", "1-2", "tier D: last set to failure, or past it with a "
                                           "drop set")


def _tier_b(exercise: Exercise, week: WeekKind) -> Prescription:
    if week.goal == "strength":
        return Prescription("none", "1-3", "strength goal: no failure on free-weight "
                                           "compounds (Grgic 2022; Vieira 2021)")
    if week.tier_b_spent:
        return Prescription("none", "1-3", "tier B: this week's one failure set is done")
    if week.tier_b_key == exercise.key:
        return Prescription("last_set_once", "1-3", "tier B: one failure set this week, "
                                                    "the last set, with safeties or a spotter")
    return Prescription("none", "1-3", "tier B: the week's one failure set goes elsewhere")


def failure_sessions(place: FailurePlace, sessions: int) -> int:
    """How many of the week's sessions end on a failure set under ``place``."""
    if place == "none":
        return 0
    return 1 if place == "last_set_once" else sessions


__all__ = ["Prescription", "WeekKind", "failure_sessions", "prescribe"]
