"""Which muscles an exercise trains, and how much one of its sets counts for each.

- Each primary muscle counts a full set; a secondary muscle counts half a set for
  compounds (tiers A-C, and exercises without a tier) and nothing for isolation work
  (tier D).
- Body parts a lifter names (soreness reports) match muscles loosely ("quads" ->
  quadriceps, "back" -> lats, middle back, lower back and traps).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from bot.domain.models import Exercise

SECONDARY_WEIGHT = 0.5
"""A compound set counts this much for each of its secondary muscles."""


@lru_cache(maxsize=1024)
def muscle_key(name: str) -> str:
    """A muscle name lower-cased, with ``_``/``-`` and runs of spaces as one space."""
    return " ".join(name.lower().replace("_", " ").replace("-", " ").split())


def muscle_weights(exercise: Exercise) -> dict[str, float]:
    """How much one hard set of ``exercise`` counts for each muscle it trains."""
    return dict(muscle_weight_pairs(exercise))


def muscle_weight_pairs(exercise: Exercise) -> tuple[tuple[str, float], ...]:
    """``muscle_weights`` as shared pairs, for loops that only read them."""
    return _weights(exercise.primary, exercise.secondary, exercise.tier == "D")


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


_MUSCLE_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "quad": "quadriceps",
        "quads": "quadriceps",
        "quadricep": "quadriceps",
        "thigh": "quadriceps",
        "thighs": "quadriceps",
        "ham": "hamstrings",
        "hams": "hamstrings",
        "hamstring": "hamstrings",
        "glute": "glutes",
        "butt": "glutes",
        "calf": "calves",
        "pec": "chest",
        "pecs": "chest",
        "delt": "shoulders",
        "delts": "shoulders",
        "shoulder": "shoulders",
        "front delts": "shoulders",
        "side delts": "shoulders",
        "rear delts": "shoulders",
        "ab": "abdominals",
        "abs": "abdominals",
        "core": "abdominals",
        "obliques": "abdominals",
        "bicep": "biceps",
        "tricep": "triceps",
        "forearm": "forearms",
        "lat": "lats",
        "trap": "traps",
        "trapezius": "traps",
        "lower backs": "lower back",
        "mid back": "middle back",
        "upper back": "middle back",
        "abductor": "abductors",
        "adductor": "adductors",
    }
)

_MUSCLE_GROUPS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "back": frozenset({"lats", "middle back", "lower back", "traps"}),
        "legs": frozenset(
            {"quadriceps", "hamstrings", "glutes", "calves", "adductors", "abductors"}
        ),
        "leg": frozenset(
            {"quadriceps", "hamstrings", "glutes", "calves", "adductors", "abductors"}
        ),
        "arms": frozenset({"biceps", "triceps", "forearms"}),
        "arm": frozenset({"biceps", "triceps", "forearms"}),
        "upper back": frozenset({"middle back", "traps", "lats"}),
    }
)


def _canonical_muscles(name: str) -> frozenset[str]:
    """The muscles a body-part or muscle name stands for (``"quads"`` -> quadriceps)."""
    key = muscle_key(name)
    if key in _MUSCLE_GROUPS:
        return _MUSCLE_GROUPS[key]
    return frozenset({_MUSCLE_ALIASES.get(key, key)})


def trains(exercise: Exercise, body_part: str) -> bool:
    """Whether ``exercise`` works any muscle that ``body_part`` names."""
    sore = _canonical_muscles(body_part)
    trained: set[str] = set()
    for muscle in (*exercise.primary, *exercise.secondary):
        trained |= _canonical_muscles(muscle)
    return bool(sore & trained)


__all__ = ["SECONDARY_WEIGHT", "muscle_key", "muscle_weight_pairs", "muscle_weights", "trains"]
