"""The normal form of an exercise name: one spelling for every way of writing it.

Case, punctuation, spacing and plurals are ignored and shorthand spelled out, so a
name and its aliases can be compared by dictionary lookups.
"""

from __future__ import annotations

import re
from functools import lru_cache

_SEPARATORS = re.compile(r"[\W_]+")
_APOSTROPHES = str.maketrans("", "", "'’‘`´")
# Trailing "s" that is not a plural.
_NOT_PLURAL = frozenset({"abs", "bis", "tris", "kbs", "ohs"})
_IRREGULAR = {"flyes": "fly", "flye": "fly", "flies": "fly", "calves": "calf"}
_SHORTHAND = {"db": "dumbbell", "bb": "barbell", "kb": "kettlebell", "bicep": "biceps",
              "tricep": "triceps"}


def _singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) < 3 or not word.endswith("s") or word in _NOT_PLURAL:
        return word
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1]


@lru_cache(maxsize=16384)
def normalize(text: str) -> str:
    """One spelling for equal names: case, punctuation, spacing and plurals ignored.

    ``"Back-Squats"``, ``"back  squat"`` and ``"BACK SQUAT"`` all give ``"back squat"``;
    common shorthand is spelled out (``db`` -> ``dumbbell``, ``one arm`` -> ``single arm``).
    """
    lowered = text.lower().translate(_APOSTROPHES).replace("&", " and ")
    words: list[str] = []
    for raw in _SEPARATORS.split(lowered):
        if not raw:
            continue
        word = _singular(raw)
        word = _SHORTHAND.get(word, word)
        if word in ("arm", "leg") and words and words[-1] in ("one", "1"):
            words[-1] = "single"
        words.append(word)
    return " ".join(words)


def compact(normal: str) -> str:
    return normal.replace(" ", "")


def slugify(name: str) -> str:
    """A stable key for a name: ``"Farmer's Carry"`` -> ``"farmers-carry"``."""
    lowered = name.lower().translate(_APOSTROPHES).replace("&", " and ")
    return "-".join(part for part in _SEPARATORS.split(lowered) if part)


@lru_cache(maxsize=16384)
def plain(text: str) -> str:
    """Like :func:`normalize` but keeping plurals: a typo is judged as it was typed
    (``bench pres`` is one letter from ``bench press``, ``bench pre`` two)."""
    lowered = text.lower().translate(_APOSTROPHES).replace("&", " and ")
    return " ".join(_SHORTHAND.get(w, w) for w in _SEPARATORS.split(lowered) if w)
