"""The project's own CSV: one row per set, every field the coach stores.

The same columns are read back by the importer, so an export can be imported
again (after /forget-me, or into another instance) and gives the same sets.
Numbers are written so they read back to the identical value: loads converted
from pounds keep all their digits. README.md ("Your data") documents the columns.

A spreadsheet runs a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return as a formula, so text cells (names, keys, notes) that would begin so
are written with one more apostrophe in front (:func:`formula_safe`); the importer
takes exactly that apostrophe off again (:func:`as_written`).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from datetime import date

from bot.domain.models import SetRecord, StoredEntry

COLUMNS: tuple[str, ...] = (
    "entry", "performed_at", "local_date", "exercise", "exercise_key", "tier", "custom",
    "set", "reps", "load_kg", "bodyweight", "rir", "rir_max", "failure", "technique",
    "warmup", "amrap", "reps_max", "seconds", "meters", "planned_max", "note", "pr",
)
# The entry's own columns, written on each of its rows after the set's.
_ENTRY_TAIL = ("note", "pr")
# Columns an own-format file must have; the flags default to 0 and the rest to empty.
REQUIRED: tuple[str, ...] = (
    "entry", "performed_at", "local_date", "exercise", "exercise_key", "set", "reps", "load_kg",
)


# Text a spreadsheet would run: a formula sign after any apostrophes already there.
_FORMULA = re.compile(r"'*[=+\-@\t\r]")
_NOT_IN_NAME = re.compile(r"[^A-Za-z0-9_-]+")


def formula_safe(text: str) -> str:
    """``text`` as a cell no spreadsheet runs: ``=1+1`` becomes ``'=1+1``."""
    return "'" + text if _FORMULA.match(text) else text


def as_written(cell: str) -> str:
    """The text :func:`formula_safe` wrote ``cell`` for (other cells stay as they are)."""
    return cell[1:] if cell.startswith("'") and _FORMULA.match(cell, 1) else cell


def export_filename(today: date, lifter: str) -> str:
    """``liftcoach-export-<lifter>-<day>.csv``: two lifters' files never share a name."""
    who = _NOT_IN_NAME.sub("-", lifter).strip("-")[:40] or "lifter"
    return f"liftcoach-export-{who}-{today.isoformat()}.csv"


def header_line() -> str:
    return _line(COLUMNS)


def entry_lines(entries: Iterable[StoredEntry]) -> str:
    """The CSV rows of ``entries`` (no header); an entry without sets gives one bare row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for entry in entries:
        head = (
            str(entry.entry_id), entry.performed_at.isoformat(), entry.local_date.isoformat(),
            formula_safe(entry.exercise.name), formula_safe(entry.exercise.key),
            entry.exercise.tier or "", _flag(entry.exercise.custom),
        )
        tail = (formula_safe(entry.note), _flag(entry.pr))
        if not entry.sets:
            blank = len(COLUMNS) - len(head) - len(_ENTRY_TAIL)
            writer.writerow((*head, *("" for _ in range(blank)), *tail))
        for position, s in enumerate(entry.sets, 1):
            writer.writerow((*head, str(position), *set_cells(s), *tail))
    return buffer.getvalue()


def set_cells(s: SetRecord) -> tuple[str, ...]:
    return (
        _num(s.reps), _num(s.load_kg), _flag(s.bodyweight), _num(s.rir), _num(s.rir_max),
        _flag(s.failure), s.technique or "", _flag(s.warmup), _flag(s.amrap),
        _num(s.reps_max), _num(s.seconds), _num(s.meters), _flag(s.planned_max),
    )


def _line(cells: Iterable[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(tuple(cells))
    return buffer.getvalue()


def _num(value: float | None) -> str:
    """Shortest text that reads back to the same number (``100``, ``102.05828325``)."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def _flag(value: bool) -> str:
    return "1" if value else "0"
