"""Lift names as workout apps write them, read the same way wherever they come in.

Strong and Hevy name lifts ``Bench Press (Dumbbell)``, ``Pull Up (Weighted)`` or
``Triceps Pushdown (Cable - Straight Bar)``; lifters paste the same names into a log.
The bracket belongs to the name: the dumbbell bench press is not the barbell one. The
readings to look up, in order: the bracket's words at every place in the name (``Pull
Up (Weighted)`` is ``weighted pull up``), then the name with only the equipment the
bracket names (``triceps pushdown cable``), or the name alone when it names none. An
import and a typed log both take the first the catalogue knows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Final

from bot.domain.catalogue.equipment import Named
from bot.domain.catalogue.equipment import split as equipment_in
from bot.domain.catalogue.forms import normalize

__all__ = ["AppName", "app_name"]

_BRACKETED: Final = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<inside>[^()]*)\)$")


@dataclass(frozen=True)
class AppName:
    """A name with its bracket: ``name`` before it, ``inside`` the bracket up to a
    `` - `` and ``detail`` after that (``Straight Bar``)."""

    name: str
    inside: str
    detail: str

    @property
    def equipment(self) -> str:
        """The equipment words the bracket holds ("" for none)."""
        return " ".join(w for phrase in self._named.phrases for w in phrase)

    @property
    def only_equipment(self) -> bool:
        """Whether the bracket holds equipment and nothing else (``(Cable)``)."""
        return bool(self._named.phrases) and not self._named.rest

    @cached_property
    def _named(self) -> Named:
        return equipment_in(normalize(self.inside))

    def placed(self) -> Iterator[str]:
        """The bracket's words at every place in the name, first to last."""
        words = self.name.split()
        for i in range(len(words) + 1):
            yield " ".join((*words[:i], self.inside, *words[i:]))

    def plain(self) -> str:
        """The name with only the bracket's equipment, or the name alone."""
        kit = self.equipment
        return f"{self.name} {kit}" if kit else self.name


def app_name(written: str) -> AppName | None:
    """``written`` read as a name with a bracket at its end, or None."""
    match = _BRACKETED.match(written.strip())
    if match is None:
        return None
    inside, _, detail = match.group("inside").partition(" - ")
    return AppName(match.group("name").strip(), inside.strip(), detail.strip())
