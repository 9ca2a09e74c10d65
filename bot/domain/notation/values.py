"""Building the parser's frozen values quickly.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``; with
thirteen fields a ``SetRecord`` costs four times what filling its ``__dict__`` does,
and the parser builds one for every distinct set of every message. ``set_record`` and
``log_entry`` make values equal (``==``, ``hash``) to the ones the constructors make,
for ``SetRecord`` and ``LogEntry`` as ``bot.domain.models`` defines them (no
``__post_init__``, no slots). Every field starts from its default, so a field added to
the models later is there too; tests compare both ways of building over every field.
``set_records`` builds the sets of a line given set by set, equal sets sharing a value.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from inspect import signature
from typing import Final

from bot.domain.models import Exercise, LogEntry, Reading, SetRecord, Technique
from bot.domain.notation.amounts import Effort

__all__ = ["Load", "Measure", "log_entry", "set_record", "set_records"]

Load = tuple[float | None, bool]  # kg (None: bodyweight alone), bodyweight
Measure = tuple[float | None, float | None]  # seconds, metres

_NEW: Final = object.__new__
_SET_DEFAULTS: Final = {f.name: f.default for f in fields(SetRecord)}
_ENTRY_DEFAULTS: Final = {f.name: f.default for f in fields(LogEntry) if f.name != "exercise"}

def set_record(
    reps: int | None,
    load_kg: float | None = None,
    bodyweight: bool = False,
    rir: float | None = None,
    rir_max: float | None = None,
    failure: bool = False,
    technique: Technique | None = None,
    warmup: bool = False,
    amrap: bool = False,
    reps_max: int | None = None,
    seconds: float | None = None,
    meters: float | None = None,
    planned_max: bool = False,
) -> SetRecord:
    """``SetRecord(...)`` with the same arguments, built without the frozen ``__init__``."""
    record: SetRecord = _NEW(SetRecord)
    values = record.__dict__
    if _SET_UNNAMED:
        values.update(_SET_UNNAMED)
    # One store per field: an update with keywords would first build a dict of them.
    values["reps"] = reps
    values["load_kg"] = load_kg
    values["bodyweight"] = bodyweight
    values["rir"] = rir
    values["rir_max"] = rir_max
    values["failure"] = failure
    values["technique"] = technique
    values["warmup"] = warmup
    values["amrap"] = amrap
    values["reps_max"] = reps_max
    values["seconds"] = seconds
    values["meters"] = meters
    values["planned_max"] = planned_max
    return record


def log_entry(
    exercise: Exercise,
    sets: tuple[SetRecord, ...],
    performed_on: date | None = None,
    text: str = "",
    note: str = "",
    pr: bool = False,
    question: Reading | None = None,
) -> LogEntry:
    """``LogEntry(...)`` with the same arguments, built without the frozen ``__init__``."""
    entry: LogEntry = _NEW(LogEntry)
    values = entry.__dict__
    if _ENTRY_UNNAMED:
        values.update(_ENTRY_UNNAMED)
    values["exercise"] = exercise  # one store per field, as in set_record
    values["sets"] = sets
    values["performed_on"] = performed_on
    values["text"] = text
    values["note"] = note
    values["pr"] = pr
    values["question"] = question
    return entry


# The fields the builders above do not take as arguments (none today): set to their
# defaults first, so a field added to the models is never left unset.
_SET_UNNAMED: Final = {k: v for k, v in _SET_DEFAULTS.items()
                       if k not in signature(set_record).parameters}
_ENTRY_UNNAMED: Final = {k: v for k, v in _ENTRY_DEFAULTS.items()
                         if k not in signature(log_entry).parameters}


def set_records(
    reps: list[int | None], tops: list[int | None], loads: list[Load | None],
    measures: list[Measure | None], efforts: tuple[Effort, ...], technique: Technique | None,
    amrap: bool, warmup: bool,
) -> tuple[SetRecord, ...]:
    """The sets of a line given per set, each marker applied as the grammar applies it
    (one effort for all or one per set; a technique and an AMRAP on the last set)."""
    count = len(reps)
    if (len(efforts) <= 1 and technique is None and not amrap
            and reps.count(reps[0]) == count and tops.count(tops[0]) == count
            and loads.count(loads[0]) == count and measures.count(measures[0]) == count):
        rir, rir_max, failure = efforts[0] if efforts else (None, None, False)
        kg, bodyweight = loads[0] or (None, False)
        seconds, meters = measures[0] or (None, None)
        return (set_record(reps[0], kg, bodyweight, rir, rir_max, failure, None, warmup, False,
                           tops[0], seconds, meters),) * count
    made: dict[tuple[object, ...], SetRecord] = {}
    out: list[SetRecord] = []
    for k in range(count):
        effort = efforts[0] if len(efforts) == 1 else efforts[k] if efforts else None
        rir, rir_max, failure = effort if effort is not None else (None, None, False)
        last = k == count - 1
        tech = technique if last else None
        if tech is not None:
            rir, rir_max, failure = 0.0, None, True
        key = (reps[k], tops[k], loads[k], measures[k], rir, rir_max, failure, tech,
               last and amrap)
        record = made.get(key)
        if record is None:
            kg, bodyweight = loads[k] or (None, False)
            seconds, meters = measures[k] or (None, None)
            record = made[key] = set_record(reps[k], kg, bodyweight, rir, rir_max, failure, tech,
                                            warmup, last and amrap, tops[k], seconds, meters)
        out.append(record)
    return tuple(out)
