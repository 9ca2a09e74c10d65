"""Building the parser's frozen values quickly.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``; with
thirteen fields a ``SetRecord`` costs four times what filling its ``__dict__`` does,
and the parser builds one for every distinct set of every message. ``set_record`` and
``log_entry`` make values equal (``==``, ``hash``) to the ones the constructors make,
for ``SetRecord`` and ``LogEntry`` as ``bot.domain.models`` defines them (no
``__post_init__``, no slots). Every field starts from its default, so a field added to
the models later is there too; tests compare both ways of building over every field.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Final

from bot.domain.models import Exercise, LogEntry, Reading, SetRecord, Technique

__all__ = ["log_entry", "set_record"]

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
    values.update(_SET_DEFAULTS)
    values.update(
        reps=reps, load_kg=load_kg, bodyweight=bodyweight, rir=rir, rir_max=rir_max,
        failure=failure, technique=technique, warmup=warmup, amrap=amrap, reps_max=reps_max,
        seconds=seconds, meters=meters, planned_max=planned_max,
    )
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
    values.update(_ENTRY_DEFAULTS)
    values.update(
        exercise=exercise, sets=sets, performed_on=performed_on, text=text, note=note, pr=pr,
        question=question,
    )
    return entry
