"""What an imported load means: pounds that were never labelled (assistance is read
as every path reads it, see ``bot.domain.assistance``).

Strong's comma export does not say its unit, so a lifter in pounds whose profile says
kg would have every set stored 2.2 times too heavy. Pound loads have a telling shape:
plates and dumbbells in pounds come in steps of 2.5 and 5 lb, so almost every load is
a multiple of 2.5 and almost none is an even number off the fives (kilogram
dumbbells: 12, 14, 16, 18, 22, 24 kg). The import does not guess from this: it says
so and offers the pounds reading.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

# Enough loaded sets to judge by, and how strongly they must look like pounds.
MIN_LOADS = 20
POUND_STEPS = 0.9  # at least this share are multiples of 2.5
KILO_DUMBBELLS = 0.03  # at most this share are even numbers that are not multiples of 5
_EPSILON = 1e-6


def looks_like_pounds(loads: Iterable[float]) -> bool:
    """Whether loads read as kilograms have the shape of loads written in pounds.

    Each distinct load is judged once (a file repeats a few loads tens of thousands
    of times), weighted by how often it comes."""
    counts = Counter(loads)
    total = sum(counts.values())
    if total < MIN_LOADS:
        return False
    steps = sum(n for x, n in counts.items() if _multiple(x, 2.5)) / total
    kilo = sum(n for x, n in counts.items()
               if _whole(x) and round(x) % 2 == 0 and round(x) % 5 != 0)
    return steps >= POUND_STEPS and kilo / total <= KILO_DUMBBELLS


def _whole(x: float) -> bool:
    return abs(x - round(x)) < _EPSILON


def _multiple(x: float, step: float) -> bool:
    return abs(x / step - round(x / step)) < _EPSILON
