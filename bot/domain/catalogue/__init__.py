"""Exercises, their tiers and the muscles they train; the one body-part vocabulary.

Every other part of the project names a lift through this group: the catalogue finds
an exercise by name, alias or near spelling and says its tier, the muscle tables say
what one of its sets counts for, and the body-part words are the only ones /sore and
the soreness rule accept. It depends on nothing else in the project, so every other
domain group may build on it.
"""

from bot.domain.catalogue.body_parts import normalize_body_part, vocabulary_hint
from bot.domain.catalogue.equipment import kinds_in
from bot.domain.catalogue.lookup import Catalogue, Lookup, default_catalogue, normalize, slugify
from bot.domain.catalogue.muscles import muscle_weights, primary_muscles

__all__ = [
    "Catalogue",
    "Lookup",
    "default_catalogue",
    "kinds_in",
    "muscle_weights",
    "normalize",
    "normalize_body_part",
    "primary_muscles",
    "slugify",
    "vocabulary_hint",
]
