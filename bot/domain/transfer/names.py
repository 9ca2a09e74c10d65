"""Exercise names from other apps, read through the catalogue by its own rules.

Strong and Hevy name lifts as ``Bench Press (Dumbbell)`` or ``Triceps Pushdown (Cable -
Straight Bar)``. The whole name is looked up first, so the equipment in brackets is
held to what the catalogue holds any name to: ``Bicep Curl (Barbell)`` is a barbell
curl or nothing, never a dumbbell curl. Then come the readings of
:mod:`bot.domain.catalogue.app_names`, the ones a typed log tries too. Names that
still match nothing become the lifter's own exercises (no tier) unless the lifter maps
them with ``Name=exercise``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from bot.domain import guard
from bot.domain.catalogue.app_names import app_name
from bot.domain.catalogue.lookup import Catalogue, Lookup, normalize, slugify
from bot.domain.models import Exercise

How = Literal["same", "read", "mapped", "own", "new"]


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
    """``"Converging Row (Machine)=chest-supported row; Skullcrusher=skulls"`` -> dict.

    Keys are normalised names as written in the file; values are what to read them as.
    """
    out: dict[str, str] = {}
    for part in re.split(r"[;\n]", text):
        if not part.strip():
            continue
        name, sep, target = part.partition("=")
        if not sep or not name.strip() or not target.strip():
            raise MappingError(f"'{part.strip()}' is not of the form Name=exercise")
        out[normalize(name)] = guard.one_line(target)
    return out


def own_name(written: str) -> str:
    """The name a new exercise of the lifter's own is kept under: the input guard's
    name, cut to the length /exercise takes."""
    return guard.cut_name(written)


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
        first = self._catalogue.lookup(written)
        for attempt in (first, *self._attempts(written)):
            if attempt.exercise is not None:
                exercise = attempt.exercise
                if exercise.custom:
                    return Resolved(exercise, "own")
                same = normalize(exercise.name) == form
                return Resolved(exercise, "same" if same else "read")
        close = tuple(e.name for e in (*first.ambiguous, *first.suggestions))
        name = own_name(written)
        return Resolved(Exercise(key=slugify(name), name=name, tier=None, custom=True), "new",
                        close[:3])

    def _attempts(self, written: str) -> Iterator[Lookup]:
        """Readings of a bracketed name after the whole name (tried lazily, in order)."""
        app = app_name(written)
        if app is None:
            return
        for reading in app.placed():
            found = self._catalogue.lookup(reading)
            if not found.corrected:
                yield found
        yield self._catalogue.lookup(app.plain())

    def _mapped(self, target: str) -> Resolved:
        found = self._catalogue.lookup(target)
        if found.exercise is not None:
            return Resolved(found.exercise, "mapped")
        name = own_name(target)
        return Resolved(Exercise(key=slugify(name), name=name, tier=None, custom=True), "mapped")
