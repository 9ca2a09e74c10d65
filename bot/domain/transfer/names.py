"""Exercise names from other apps, read through the catalogue.

Strong and Hevy name lifts as ``Bench Press (Dumbbell)`` or ``Triceps Pushdown (Cable -
Straight Bar)``. The equipment in brackets is tried in the name first, at every
position (``incline dumbbell bench press``), then the bare name. Only exact names
and aliases are taken with equipment added, because a close spelling of an
equipment-qualified name can land on the wrong variant; the bare name may also be
read through a close spelling, and every such reading is shown to the lifter.
Names that still match nothing become the lifter's own exercises (no tier) unless
the lifter maps them with ``Name=exercise``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from bot.domain.catalogue.lookup import Catalogue, normalize, slugify
from bot.domain.models import Exercise

How = Literal["same", "read", "mapped", "own", "new"]
MAX_NAME = 60
_BRACKETS = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<equipment>[^()]*)\)\s*$")


@dataclass(frozen=True)
class Resolved:
    """What a name in the file became, and how.

    ``same``: the catalogue knows it as written; ``read``: read as a catalogue lift
    under another name; ``mapped``: the lifter's mapping said so; ``own``: one of
    the lifter's own exercises; ``new``: unknown, kept as a new exercise of theirs.
    """

    exercise: Exercise
    how: How
    suggestions: tuple[str, ...] = ()


class MappingError(ValueError):
    """A mapping the lifter typed that cannot be read."""


def parse_mapping(text: str) -> dict[str, str]:
    """``"Iso-Lateral Row (Machine)=chest-supported row; Skullcrusher=skulls"`` -> dict.

    Keys are normalised names as written in the file; values are what to read them as.
    """
    out: dict[str, str] = {}
    for part in re.split(r"[;\n]", text):
        if not part.strip():
            continue
        name, sep, target = part.partition("=")
        if not sep or not name.strip() or not target.strip():
            raise MappingError(f"'{part.strip()}' is not of the form Name=exercise")
        out[normalize(name)] = " ".join(target.split())
    return out


def own_name(written: str) -> str:
    """The name a new exercise of the lifter's own is kept under (as /exercise does)."""
    return " ".join(written.split()).lower()[:MAX_NAME]


class NameMapper:
    """Resolves names once each; the same name always gives the same answer."""

    def __init__(self, catalogue: Catalogue, mapping: Mapping[str, str] | None = None) -> None:
        self._catalogue = catalogue
        self._mapping = dict(mapping or {})
        self._memory: dict[str, Resolved] = {}

    def by_key(self, key: str) -> Exercise | None:
        """A built-in or own exercise stored under ``key``."""
        return self._catalogue.get(key)

    def resolve(self, written: str) -> Resolved:
        form = normalize(written)
        found = self._memory.get(form)
        if found is None:
            found = self._resolve(written, form)
            self._memory[form] = found
        return found

    def _resolve(self, written: str, form: str) -> Resolved:
        target = self._mapping.get(form)
        if target is not None:
            return self._mapped(target)
        exact = self._exact(written)
        if exact is not None:
            how: How = "own" if exact.custom else "same"
            return Resolved(exact, how)
        for attempt in self._variants(written):
            hit = self._exact(attempt)
            if hit is not None:
                return Resolved(hit, "own" if hit.custom else "read")
        bare = self._bare(written)
        found = self._catalogue.lookup(bare)
        if found.exercise is not None:
            return Resolved(found.exercise, "own" if found.exercise.custom else "read")
        close = tuple(e.name for e in (*found.ambiguous, *found.suggestions))
        if not close:
            close = tuple(e.name for e in self._catalogue.lookup(written).suggestions)
        name = own_name(written)
        return Resolved(Exercise(key=slugify(name), name=name, tier=None, custom=True), "new",
                        close[:3])

    def _mapped(self, target: str) -> Resolved:
        found = self._catalogue.lookup(target)
        if found.exercise is not None:
            return Resolved(found.exercise, "mapped")
        name = own_name(target)
        return Resolved(Exercise(key=slugify(name), name=name, tier=None, custom=True), "mapped")

    def _exact(self, text: str) -> Exercise | None:
        found = self._catalogue.lookup(text)
        if found.exercise is None or found.corrected:
            return None
        return found.exercise

    @staticmethod
    def _bare(written: str) -> str:
        match = _BRACKETS.match(written.strip())
        return match.group("name") if match else written

    @staticmethod
    def _variants(written: str) -> list[str]:
        """The name with its bracketed equipment put at every position."""
        match = _BRACKETS.match(written.strip())
        if match is None:
            return []
        words = match.group("name").split()
        equipment = match.group("equipment").split("-")[0].strip()
        if not equipment or not words:
            return [match.group("name")]
        return [" ".join((*words[:i], equipment, *words[i:])) for i in range(len(words) + 1)]
