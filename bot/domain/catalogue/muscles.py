"""Which muscles an exercise trains, and how much one of its sets counts for each.

- Each primary muscle counts a full set; a secondary muscle counts half a set for
  compounds (tiers A-C, and exercises without a tier) and nothing for isolation work
  (tier D). A muscle listed as both counts once, as primary.
- A set counts under the muscle's name in the body-part vocabulary
  (``bot.domain.catalogue.body_parts``): an exercise listing "Quads" counts for
  quadriceps, so W6 and /stats name every muscle the same way.
- Whether an exercise trains a body part a lifter named (W4) also comes from that
  vocabulary: "back" covers lats, middle back, traps and lower back.
"""

from __future__ import annotations

from functools import lru_cache

from bot.domain.catalogue.body_parts import muscle_key, muscles_of
from bot.domain.models import ISOLATION_TIER, Exercise

SECONDARY_WEIGHT = 0.5
"""A compound set counts this much for each of its secondary muscles."""


def muscle_weights(exercise: Exercise) -> dict[str, float]:
    """How much one hard set of ``exercise`` counts for each muscle it trains."""
    return dict(muscle_weight_pairs(exercise))


def muscle_weight_pairs(exercise: Exercise) -> tuple[tuple[str, float], ...]:
    """``muscle_weights`` as shared pairs, for loops that only read them."""
    return _weights(exercise.primary, exercise.secondary, exercise.tier == ISOLATION_TIER)


def primary_muscles(exercise: Exercise) -> tuple[str, ...]:
    """The muscles a set of ``exercise`` counts fully for, under their vocabulary names."""
    return tuple(m for m, weight in muscle_weight_pairs(exercise) if weight >= 1.0)


@lru_cache(maxsize=1024)
def _weights(
    primary: tuple[str, ...], secondary: tuple[str, ...], isolation: bool
) -> tuple[tuple[str, float], ...]:
    # Every log weighs the muscles of a lifter's recent exercises: a few hundred
    # distinct exercises, so their weights are worked out once.
    weights: dict[str, float] = {}
    if not isolation:
        for muscle in secondary:
            weights[muscle_key(muscle)] = SECONDARY_WEIGHT
    for muscle in primary:
        weights[muscle_key(muscle)] = 1.0
    return tuple(weights.items())


def trains(exercise: Exercise, body_part: str) -> bool:
    """Whether ``exercise`` works (as primary or secondary) any muscle ``body_part`` names."""
    sore = muscles_of(body_part)
    return any(sore & muscles_of(m) for m in (*exercise.primary, *exercise.secondary))


__all__ = [
    "SECONDARY_WEIGHT",
    "muscle_key",
    "muscle_weight_pairs",
    "muscle_weights",
    "primary_muscles",
    "trains",
]
