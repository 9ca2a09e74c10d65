"""The body-part vocabulary: every word a lifter may use for a muscle or a group of them.

One list, read by /sore (which body parts it accepts, and its hint), by the W4 check
(which exercises train a sore part), by the muscle map (``muscles.py``: which name a
set counts under, so /stats and W6 name muscles alike) and so by /stats.

- A *muscle* is one of the catalogue's muscles (``data.MUSCLE_CODES``), like
  ``quadriceps`` or ``lower back``.
- A *group* names several: ``back`` (lats, middle back, traps, lower back), ``upper
  back`` (middle back, traps), ``legs`` (quadriceps, hamstrings, glutes, calves,
  adductors, abductors) and ``arms`` (biceps, triceps, forearms).
- Each part has its words (``quads``, ``hammies``, ``delts``, ``pecs``, ``abs``,
  ``core``...). A part is stored and shown under its name: ``/sore back`` is kept as
  ``back`` (a group, expanded to its muscles only when W4 checks an exercise), ``/sore
  quads`` as ``quadriceps``.

Words are compared in the catalogue's normal form (``lookup.normalize``: case, spacing
and plurals ignored), after dropping fillers like "my" or "left"; a small misspelling of
a longer word is forgiven.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from bot.domain.catalogue.data import MUSCLE_CODES
from bot.domain.catalogue.lookup import CONFIDENT_RATIO, normalize

MUSCLES: tuple[str, ...] = tuple(sorted(set(MUSCLE_CODES.values())))
"""Every muscle the catalogue names, alphabetically."""


@dataclass(frozen=True)
class BodyPart:
    """A muscle or a group: the name it is stored under, its muscles and its words."""

    name: str
    muscles: frozenset[str]
    words: tuple[str, ...]
    """Other ways to say it; the first is the one hints show (``quads``, ``abs``)."""

    @property
    def group(self) -> bool:
        return len(self.muscles) > 1

    @property
    def spoken(self) -> str:
        return self.words[0] if self.words else self.name


_LEGS = frozenset({"quadriceps", "hamstrings", "glutes", "calves", "adductors", "abductors"})
_ARMS = frozenset({"biceps", "triceps", "forearms"})
_UPPER_BACK = frozenset({"middle back", "traps"})

GROUPS: tuple[BodyPart, ...] = (
    BodyPart("back", _UPPER_BACK | {"lats", "lower back"}, ("back",)),
    BodyPart("upper back", _UPPER_BACK, ("upper back",)),
    BodyPart("legs", _LEGS, ("legs",)),
    BodyPart("arms", _ARMS, ("arms",)),
)

_MUSCLE_WORDS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "abdominals": ("abs", "ab", "core", "abdominal", "stomach", "obliques"),
    "abductors": ("abductors", "abductor", "outer thigh", "hip abductors"),
    "adductors": ("adductors", "adductor", "inner thigh", "groin"),
    "biceps": ("biceps", "bicep", "bis", "bi", "guns"),
    "calves": ("calves", "calf"),
    "chest": ("chest", "pecs", "pec", "pectorals", "pectoral"),
    "forearms": ("forearms", "forearm", "grip", "wrists"),
    "glutes": ("glutes", "glute", "butt", "bum", "gluteus"),
    "hamstrings": ("hamstrings", "hams", "hamstring", "ham", "hammies", "hammy"),
    "lats": ("lats", "lat", "latissimus", "wings"),
    "lower back": ("lower back", "low back", "lumbar", "erectors", "spinal erectors"),
    "middle back": ("middle back", "mid back", "rhomboids"),
    "neck": ("neck",),
    "quadriceps": ("quads", "quad", "quadricep", "thighs", "thigh"),
    "shoulders": ("shoulders", "shoulder", "delts", "delt", "deltoids", "deltoid",
                  "front delts", "side delts", "rear delts"),
    "traps": ("traps", "trap", "trapezius"),
    "triceps": ("triceps", "tricep", "tris", "tri"),
})

SINGLE_MUSCLES: tuple[BodyPart, ...] = tuple(
    BodyPart(m, frozenset({m}), _MUSCLE_WORDS.get(m, ())) for m in MUSCLES
)
BODY_PARTS: tuple[BodyPart, ...] = GROUPS + SINGLE_MUSCLES
"""The whole vocabulary: the groups first, then each muscle."""

_FILLER = frozenset({"my", "the", "both", "left", "right", "muscle", "muscles", "sore"})
_BY_FORM: Mapping[str, BodyPart] = MappingProxyType({
    normalize(word): part for part in BODY_PARTS for word in (part.name, *part.words)
})
# Body-part words are short and alike ("back", "black"): only longer text is guessed at.
_MIN_GUESS_LENGTH = 6


@lru_cache(maxsize=1024)
def find_body_part(text: str) -> BodyPart | None:
    """The body part ``text`` names (any of its words, fillers ignored), or None."""
    form = " ".join(w for w in normalize(text).split() if w not in _FILLER)
    found = _BY_FORM.get(form)
    if found is not None or len(form) < _MIN_GUESS_LENGTH:
        return found
    close = difflib.get_close_matches(form, list(_BY_FORM), n=1, cutoff=CONFIDENT_RATIO)
    return _BY_FORM[close[0]] if close else None


def normalize_body_part(text: str) -> str | None:
    """The name to store for what a lifter calls ``text``: ``"hammies"`` -> hamstrings,
    ``"my back"`` -> back (the group, not one of its muscles); None when unknown."""
    part = find_body_part(text)
    return None if part is None else part.name


def name_key(name: str) -> str:
    """A name lower-cased, with ``_``/``-`` and runs of spaces as one space."""
    return " ".join(name.lower().replace("_", " ").replace("-", " ").split())


@lru_cache(maxsize=1024)
def muscle_key(name: str) -> str:
    """The name a muscle is counted and shown under: the catalogue muscle a word names
    (``"Quads"`` -> quadriceps, ``"delts"`` -> shoulders), else the name's key."""
    part = find_body_part(name)
    if part is not None and not part.group:
        return part.name
    return name_key(name)


def muscles_of(name: str) -> frozenset[str]:
    """The catalogue muscles ``name`` stands for: a group's muscles, a word's muscle, or
    the name itself (as a key) when it is not in the vocabulary."""
    part = find_body_part(name)
    return frozenset({name_key(name)}) if part is None else part.muscles


def vocabulary_hint() -> str:
    """The words /sore suggests: every group, then every muscle, as lifters say them."""
    groups = ", ".join(p.spoken for p in GROUPS)
    muscles = ", ".join(p.spoken for p in SINGLE_MUSCLES)
    return f"Name a group ({groups}) or a muscle ({muscles})."


__all__ = [
    "BODY_PARTS",
    "GROUPS",
    "MUSCLES",
    "SINGLE_MUSCLES",
    "BodyPart",
    "find_body_part",
    "muscle_key",
    "muscles_of",
    "name_key",
    "normalize_body_part",
    "vocabulary_hint",
]
