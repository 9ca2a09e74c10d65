"""Equipment words in exercise names, and which kind of equipment each one means.

A lifter who writes ``barbell bench press`` or an app that writes ``Bicep Curl
(Barbell)`` has said which equipment they used, and a lift done on other equipment
is another lift (another tier, other muscles loaded). So the catalogue reads the
equipment out of a name first and never answers with a lift of another kind: the
words here are the only ones it treats that way. Words are in the catalogue's
normal form (``db`` is already ``dumbbell``, ``EZ-Bar`` is ``ez bar``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

# Phrases, longest first, and the kind of equipment each names.
_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("smith", "machine"), "smith"),
    (("hammer", "strength"), "machine"),
    (("plate", "loaded"), "machine"),
    (("resistance", "band"), "band"),
    (("body", "weight"), "bodyweight"),
    (("ez", "bar"), "ez bar"),
    (("ez", "curl", "bar"), "ez bar"),
    (("trap", "bar"), "trap bar"),
    (("hex", "bar"), "trap bar"),
    (("smith",), "smith"),
    (("barbell",), "barbell"),
    (("dumbbell",), "dumbbell"),
    (("cable",), "cable"),
    (("pulley",), "cable"),
    (("machine",), "machine"),
    (("leverage",), "machine"),
    (("kettlebell",), "kettlebell"),
    (("band",), "band"),
    (("banded",), "band"),
    (("assisted",), "assisted"),
    (("bodyweight",), "bodyweight"),
    (("ezbar",), "ez bar"),
    (("ez",), "ez bar"),
)
# By first word, longest first: most words start no phrase at all.
_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _kind in sorted(_PHRASES, key=lambda p: -len(p[0])):
    _BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _kind))

# The catalogue's own equipment values that are a kind of their own under another name.
_KIND_OF_EQUIPMENT = {"smith machine": "smith", "bands": "band", "kettlebells": "kettlebell"}

# How each kind is written when it is put into a name to try it ("machine chest press").
CANONICAL: dict[str, tuple[str, ...]] = {
    "smith": ("smith", "machine"), "ez bar": ("ez", "bar"), "trap bar": ("trap", "bar"),
}


@dataclass(frozen=True)
class Named:
    """A name split into the equipment it names and the rest.

    ``kinds`` are the kinds of equipment named (empty for most names); ``phrases``
    the words that named them, as written; ``rest`` the other words, in order.
    """

    kinds: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    rest: tuple[str, ...]


@lru_cache(maxsize=16384)
def split(form: str) -> Named:
    """``"barbell bench press"`` -> kinds {barbell}, rest ``("bench", "press")``."""
    words = form.split()
    kinds: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    rest: list[str] = []
    i = 0
    while i < len(words):
        for phrase, kind in _BY_FIRST.get(words[i], ()):
            if tuple(words[i:i + len(phrase)]) == phrase:
                kinds.add(kind)
                phrases.append(phrase)
                i += len(phrase)
                break
        else:
            rest.append(words[i])
            i += 1
    return Named(frozenset(kinds), tuple(phrases), tuple(rest))


def kinds_in(form: str) -> frozenset[str]:
    """The kinds of equipment a name's words mention."""
    return split(form).kinds


def kind_of(equipment: str | None) -> str | None:
    """The kind of a catalogue exercise's equipment (``smith machine`` -> ``smith``)."""
    if equipment is None:
        return None
    return _KIND_OF_EQUIPMENT.get(equipment, equipment)


def fits(wanted: frozenset[str], equipment: str | None, form: str) -> bool:
    """Whether a lift (its equipment, and the name or alias that matched) can be the one
    a name with equipment ``wanted`` means: each kind named must be the lift's own
    equipment or be written in the matched name itself (``assisted pull-up``)."""
    if not wanted:
        return True
    own = kind_of(equipment)
    written = kinds_in(form)
    return all(kind == own or kind in written for kind in wanted)
