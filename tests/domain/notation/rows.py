"""Shared helpers for the table-driven parser tests: one row, one line, what it reads as."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.domain.catalogue.lookup import default_catalogue
from bot.domain.models import LogEntry, ParseError, Unit
from bot.domain.notation.dates import DateOrder
from bot.domain.notation.parse import parse_log

CAT = default_catalogue()
TODAY = date(2026, 11, 26)  # a Thursday
_UNSET: Any = object()


def parse(text: str, unit: Unit = "kg", today: date = TODAY,
          order: DateOrder = "dmy") -> tuple[LogEntry, ...] | ParseError:
    return parse_log(text, CAT, unit=unit, today=today, date_order=order)


def entries(text: str, unit: Unit = "kg", order: DateOrder = "dmy") -> tuple[LogEntry, ...]:
    result = parse(text, unit, order=order)
    assert isinstance(result, tuple), f"{text!r} -> {result}"
    return result


def only(text: str, unit: Unit = "kg", order: DateOrder = "dmy") -> LogEntry:
    result = entries(text, unit, order)
    assert len(result) == 1, result
    return result[0]


@dataclass
class Row:
    """One line and what it must read as.

    ``n`` is the number of sets. Every other check is made when given: ``sets`` fields
    (a scalar holds for every set, a list gives the value per set), the date ``on``, the
    ``note`` (exactly), ``pr``, and ``asks`` (True: a question; False: none; a string: a
    question whose other reading holds it).
    """

    line: str
    key: str | None
    n: int
    sets: dict[str, Any] = field(default_factory=dict)
    unit: Unit = "kg"
    on: Any = _UNSET
    note: Any = _UNSET
    pr: Any = _UNSET
    asks: Any = _UNSET
    order: DateOrder = "dmy"

    def __str__(self) -> str:
        return self.line.replace("\n", " / ")


def r(line: str, key: str | None, n: int, *, unit: Unit = "kg", on: Any = _UNSET,
      note: Any = _UNSET, pr: Any = _UNSET, asks: Any = _UNSET, order: DateOrder = "dmy",
      **sets: Any) -> Row:
    return Row(line, key, n, sets, unit, on, note, pr, asks, order)


def check_row(row: Row) -> LogEntry:
    """Parse the row's line (one entry) and check everything the row gives."""
    entry = only(row.line, row.unit, row.order)
    if row.key is not None:
        assert entry.exercise.key == row.key, entry.exercise
    assert len(entry.sets) == row.n, entry.sets
    if row.on is not _UNSET:
        assert entry.performed_on == row.on
    if row.note is not _UNSET:
        assert entry.note == row.note
    if row.pr is not _UNSET:
        assert entry.pr is row.pr
    if row.asks is not _UNSET:
        if row.asks is False:
            assert entry.question is None, entry.question
        else:
            assert entry.question is not None, entry
            if isinstance(row.asks, str):
                assert row.asks in entry.question.other, entry.question
    for attr, expected in row.sets.items():
        if attr == "custom":
            assert entry.exercise.custom is expected
            continue
        values = [getattr(s, attr) for s in entry.sets]
        if isinstance(expected, list):
            assert values == expected, attr
        else:
            assert all(v == expected for v in values), (attr, values)
    return entry
