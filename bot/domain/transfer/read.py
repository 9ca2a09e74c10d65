"""Reading a whole import file: detect the format, read every row, group into entries.

Input is decoded text (the coach decodes bytes and enforces the size limit);
output is either an :class:`ImportResult` ready to preview and store, or an
:class:`ImportProblem` naming what is wrong, with row numbers counted as a
spreadsheet does (the header is row 1). A file with any bad row is refused as a
whole, so an import never stores half a file. Every format is held to the limits of
/log (``bot.domain.limits``): each cell by ``cells``, and an entry (one exercise of one
workout) to at most ``MAX_SETS`` sets, refused at the row of the first set too many.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, tzinfo

from bot.domain import guard
from bot.domain.catalogue.lookup import Catalogue
from bot.domain.transfer import cells as v
from bot.domain.transfer.formats import (
    FORMAT_NAMES,
    FORMATS,
    ImportFormat,
    RowContext,
    columns_of,
    detect,
    header_units,
    missing_columns,
    reader_for,
)
from bot.domain.transfer.grouping import PAUSE_EVERY, Grouper, ImportedEntry, UnmappedName
from bot.domain.transfer.names import NameMapper
from bot.domain.transfer.units import looks_like_pounds

__all__ = ["ImportProblem", "ImportResult", "ImportedEntry", "UnmappedName", "read_import"]

MAX_LISTED_PROBLEMS = 3
_EXAMPLE = "/import file:strong.csv format:auto"
_HEADERS = (
    "Strong: Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,...; "
    "Hevy: title,start_time,end_time,...,exercise_title,...,set_type,weight_kg,reps,...; "
    "liftcoach: the header of /export"
)


@dataclass(frozen=True)
class ImportProblem:
    """Why a file cannot be imported, with what to do about it."""

    error: str
    hint: str
    example: str = _EXAMPLE


@dataclass(frozen=True)
class ImportResult:
    format: ImportFormat
    rows: int
    entries: tuple[ImportedEntry, ...]
    skipped: tuple[tuple[str, int], ...]
    unmapped: tuple[UnmappedName, ...]
    read_as: tuple[tuple[str, str], ...]
    weights: str
    pounds_hint: bool = False  # a file without units whose loads look like pounds
    file_unit: str | None = None  # the one unit the file's weights were in, when known

    @property
    def sets(self) -> int:
        return sum(len(e.sets) for e in self.entries)

    @property
    def first_date(self) -> date | None:
        return min((e.local_date for e in self.entries), default=None)

    @property
    def last_date(self) -> date | None:
        return max((e.local_date for e in self.entries), default=None)

    @property
    def workouts(self) -> int:
        return len({e.performed_at for e in self.entries})

    def count(self, kind: str) -> int:
        """Sets of a kind: ``warmup``, ``dropset``, ``failure`` (failure includes drops),
        ``timed`` (seconds or a distance) or ``assisted`` (load is assistance)."""
        every = [s for e in self.entries for s in e.sets]
        if kind == "warmup":
            return sum(s.warmup for s in every)
        if kind == "dropset":
            return sum(s.technique == "dropset" for s in every)
        if kind == "timed":
            return sum(s.timed for s in every)
        if kind == "assisted":
            return sum(s.load_kg is not None and s.load_kg < 0 for s in every)
        return sum(s.failure for s in every)

    @property
    def notes(self) -> int:
        return sum(bool(e.note) for e in self.entries)


def read_import(
    text: str,
    *,
    fmt: str,
    catalogue: Catalogue,
    zone: tzinfo,
    unit: str,
    latest: datetime,
    mapping: Mapping[str, str] | None = None,
    unit_given: bool = False,
    pause: Callable[[], None] | None = None,
) -> ImportResult | ImportProblem:
    """Read ``text`` as ``fmt`` ('auto', 'strong', 'hevy' or 'liftcoach').

    Naive times are wall-clock times in ``zone``; Strong's comma format gives
    weights in ``unit`` (the profile's, or the one the lifter gave: ``unit_given``);
    rows dated after ``latest`` (plus a day) are refused. Rows stream through one at a
    time (see :mod:`bot.domain.transfer.grouping`): a big file costs its entries'
    memory, never a copy of its rows. ``pause`` is called every ``PAUSE_EVERY`` rows
    and entries: a caller reading in a worker thread lets its other threads run there.
    """
    text = text.lstrip("\ufeff")
    if not text or text.isspace():  # (no stripped copy of a big text)
        return ImportProblem("The file is empty.", "Export your workouts from the app again "
                             "and attach the .csv file it gives you.")
    if _looks_binary(text):
        return _not_csv()
    header_text = next(line for line in _lines(text) if line.strip())
    records = enumerate(csv.reader(_lines(text), delimiter=_delimiter(header_text),
                                   strict=True), 1)
    try:
        header = next((r for _, r in records if any(c.strip() for c in r)), None)
        if header is None:
            return _not_csv()
        columns = columns_of(header)
        found = detect(columns)
        in_header = header_units(columns) if found == "strong" or fmt == "strong" else {}
        chosen = _choose(fmt, found, columns)
        if isinstance(chosen, ImportProblem):
            return chosen
        ctx = RowContext(zone=zone, unit=in_header.get("weight", unit), latest=latest,
                         distance_unit=in_header.get("distance", ""))
        grouper = Grouper(chosen)
        problems = _Problems()
        _read_rows(chosen, records, columns, ctx, grouper, problems, pause)
    except csv.Error as err:
        return ImportProblem(f"The file is not valid CSV ({err}).",
                             "Attach the file exactly as the app exported it.")
    if problems.count:
        return _bad_rows(problems, FORMAT_NAMES[chosen])
    if not grouper.rows:
        return ImportProblem("The file has a header but no rows.",
                             "Export again with at least one workout in it.")
    weights = _weights_note(chosen, columns, unit, in_header.get("weight"), unit_given)
    grouped = grouper.finish(NameMapper(catalogue, mapping), pause)
    result = ImportResult(format=chosen, rows=grouper.rows, entries=grouped.entries,
                          skipped=grouped.skipped, unmapped=grouped.unmapped,
                          read_as=grouped.read_as, weights=weights,
                          file_unit=_file_unit(chosen, columns, in_header.get("weight")))
    unitless = chosen == "strong" and "weight unit" not in columns and not in_header
    if unitless and unit == "kg" and not unit_given:
        loads = (s.load_kg for e in result.entries for s in e.sets if s.load_kg)
        result = replace(result, pounds_hint=looks_like_pounds(loads))
    return result


def _choose(
    fmt: str, found: ImportFormat | None, columns: Mapping[str, int]
) -> ImportFormat | ImportProblem:
    wanted = fmt.strip().lower() or "auto"
    if wanted != "auto" and wanted not in FORMATS:
        return ImportProblem(f"'{fmt}' is not a format I read.",
                             "Choose auto, strong, hevy or liftcoach.")
    if wanted == "auto":
        if found is None:
            if len(columns) < 2:
                return _not_csv()
            return ImportProblem(
                "I don't recognise this file: it is not a Strong, Hevy or liftcoach export.",
                f"The first line must be the app's header. {_HEADERS}",
            )
        chosen: ImportFormat = found
    else:
        chosen = next(f for f in FORMATS if f == wanted)
        if found is not None and found != chosen:
            return ImportProblem(
                f"This looks like a {FORMAT_NAMES[found]} export, not {FORMAT_NAMES[chosen]}.",
                f"Choose format:{found} or format:auto.",
                f"/import file:export.csv format:{found}",
            )
    gone = missing_columns(chosen, columns)
    if gone:
        return ImportProblem(
            f"This {FORMAT_NAMES[chosen]} file lacks the column"
            f"{'s' if len(gone) > 1 else ''} {', '.join(gone)}.",
            "I read these headers: " + _HEADERS + ". If the app wrote yours another way, "
            "choose format:auto or another format; a header edited in a spreadsheet needs "
            "its old names back.",
        )
    return chosen


class _Problems:
    """The first few bad rows (rows come in order, so these are the first by number)
    and how many there are in all."""

    def __init__(self) -> None:
        self.first: list[tuple[int, str]] = []
        self.count = 0

    def add(self, number: int, text: str) -> None:
        self.count += 1
        if len(self.first) < MAX_LISTED_PROBLEMS:
            self.first.append((number, text))


def _read_rows(
    fmt: ImportFormat,
    records: Iterator[tuple[int, list[str]]],
    columns: Mapping[str, int],
    ctx: RowContext,
    grouper: Grouper,
    problems: _Problems,
    pause: Callable[[], None] | None,
) -> None:
    """Every data row into ``grouper``; once a row is bad the rest are only checked."""
    read = reader_for(fmt)
    for number, cells in records:
        if pause is not None and number % PAUSE_EVERY == 0:
            pause()
        if not any(c.strip() for c in cells):
            continue

        def cell(name: str, cells: list[str] = cells) -> str:
            at = columns.get(name)
            return cells[at] if at is not None and at < len(cells) else ""

        try:
            row = read(number, cell, ctx)
        except v.BadValue as err:
            problems.add(number, str(err))
            grouper.drop()
            continue
        problem = grouper.add(row)
        if problem is not None:
            problems.add(number, problem)
            grouper.drop()


def _weights_note(
    fmt: ImportFormat, columns: Mapping[str, int], unit: str, header: str | None, given: bool
) -> str:
    if fmt == "liftcoach":
        return "kg (as exported)"
    if fmt == "hevy":
        return "kg (from the file)" if "weight_kg" in columns else "lb (from the file)"
    if "weight unit" in columns:
        return "kg or lb, as each row says"
    if header is not None:
        return f"{header} (the file's weight column says so)"
    if given:
        return f"{unit} (as you chose with unit:{unit}; Strong's comma format does not say)"
    return f"{unit} (your profile unit: Strong's comma format does not say)"


def _file_unit(fmt: ImportFormat, columns: Mapping[str, int], header: str | None) -> str | None:
    """The unit a file states for all its weights (None: it does not say, or mixes)."""
    if fmt == "hevy":
        return "kg" if "weight_kg" in columns else "lb"
    if header in ("kg", "lb"):
        return header
    return None


def _bad_rows(problems: _Problems, name: str) -> ImportProblem:
    shown = "; ".join(f"row {n}: {text}" for n, text in problems.first)
    more = problems.count - len(problems.first)
    tail = f" (and {more} more row{'s' if more > 1 else ''} with problems)" if more > 0 else ""
    return ImportProblem(
        f"I couldn't read this {name} file: {shown}{tail}.",
        "Rows are counted as in a spreadsheet, the header being row 1. Fix those rows "
        "or export again; nothing was imported.",
    )


def _not_csv() -> ImportProblem:
    return ImportProblem("That is not a CSV file.",
                         "Export as CSV from the app (not a spreadsheet or a PDF) and attach "
                         "the .csv file.")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n")
    return "\x00" in sample or controls > len(sample) // 100


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d])


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` with their endings, one at a time (as a file opened with
    ``newline=""`` gives them to the csv module), without a copy of the whole text;
    each passes the input guard, so no cell holds a control character."""
    return (guard.clean(m.group()) for m in _LINE.finditer(text))
