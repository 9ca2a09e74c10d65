"""What the weight on an assisted lift means, for every way a lift comes in.

On an assisted pull-up or dip the machine's or band's weight is help, not load:
30 kg of assistance is bodyweight minus 30 kg, stored as a bodyweight set with a
negative load, never as 30 kg added. A lifter writes it either way (``assisted dip
3x8 20kg`` or ``-20kg``); both mean 20 kg of help. /log and every import read it so.
"""

from __future__ import annotations

from dataclasses import replace

from bot.domain.catalogue.lookup import normalize
from bot.domain.models import Exercise, LogEntry, SetRecord

__all__ = ["assisted", "with_assistance", "with_assistance_entry"]


def assisted(exercise: Exercise, written: str = "") -> bool:
    """An assisted lift, by its name or by the name the lifter wrote."""
    if "assist" not in exercise.key and "assist" not in written.lower():
        return False  # nearly every lift: no need to split names into words
    return "assisted" in normalize(exercise.name).split() or "assisted" in normalize(
        written).split()


def with_assistance(s: SetRecord) -> SetRecord:
    """The set as bodyweight minus its assistance (a negative load), never added load."""
    load = None if s.load_kg is None else -abs(s.load_kg)
    return replace(s, bodyweight=True, load_kg=load)


def with_assistance_entry(entry: LogEntry) -> LogEntry:
    """The entry with its sets read as assistance when the lift is an assisted one."""
    if not assisted(entry.exercise, entry.text):
        return entry
    return replace(entry, sets=tuple(with_assistance(s) for s in entry.sets))
