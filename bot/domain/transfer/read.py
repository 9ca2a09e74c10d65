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
import io
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, tzinfo

from bot.domain.assistance import assisted, with_assistance
from bot.domain.catalogue.lookup import Catalogue
from bot.domain.limits import MAX_SETS
from bot.domain.models import Exercise, SetRecord
from bot.domain.transfer import cells as v
from bot.domain.transfer.fingerprint import entry_key
from bot.domain.transfer.formats import (
    FORMAT_NAMES,
    FORMATS,
    ImportFormat,
    RawRow,
    RowContext,
    columns_of,
    detect,
    header_units,
    missing_columns,
    reader_for,
)
from bot.domain.transfer.names import NameMapper, Resolved
from bot.domain.transfer.units import looks_like_pounds

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
class ImportedEntry:
    """One exercise of one workout, ready to store. ``key`` makes storing it idempotent.

    ``note`` holds the app's notes on the exercise in that workout; the first entry of a
    workout also carries the workout's notes (``Workout: ...``). ``pr`` comes from the
    project's own export only.
    """

    exercise: Exercise
    sets: tuple[SetRecord, ...]
    performed_at: datetime
    local_date: date
    written_as: str
    key: str
    note: str = ""
    pr: bool = False


@dataclass(frozen=True)
class UnmappedName:
    """A name the catalogue does not know: kept as the lifter's own unless mapped."""

    name: str
    sets: int
    suggestions: tuple[str, ...] = ()


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
) -> ImportResult | ImportProblem:
    """Read ``text`` as ``fmt`` ('auto', 'strong', 'hevy' or 'liftcoach').

    Naive times are wall-clock times in ``zone``; Strong's comma format gives
    weights in ``unit`` (the profile's, or the one the lifter gave: ``unit_given``);
    rows dated after ``latest`` (plus a day) are refused.
    """
    text = text.lstrip("\ufeff")
    if not text.strip():
        return ImportProblem("The file is empty.", "Export your workouts from the app again "
                             "and attach the .csv file it gives you.")
    if _looks_binary(text):
        return _not_csv()
    header_text = next(line for line in text.splitlines() if line.strip())
    delimiter = _delimiter(header_text)
    try:
        table = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as err:
        return ImportProblem(f"The file is not valid CSV ({err}).",
                             "Attach the file exactly as the app exported it.")
    numbered = [(i, r) for i, r in enumerate(table, 1) if any(c.strip() for c in r)]
    header = numbered[0][1]
    columns = columns_of(header)
    found = detect(columns)
    in_header = header_units(columns) if found == "strong" or fmt == "strong" else {}
    chosen = _choose(fmt, found, columns)
    if isinstance(chosen, ImportProblem):
        return chosen
    ctx = RowContext(zone=zone, unit=in_header.get("weight", unit), latest=latest,
                     distance_unit=in_header.get("distance", ""))
    raw, problems = _read_rows(chosen, numbered[1:], columns, ctx)
    problems = sorted(problems + _too_many_sets(chosen, raw))
    if problems:
        return _bad_rows(problems, FORMAT_NAMES[chosen])
    if not raw:
        return ImportProblem("The file has a header but no rows.",
                             "Export again with at least one workout in it.")
    weights = _weights_note(chosen, columns, unit, in_header.get("weight"), unit_given)
    result = _group(chosen, raw, NameMapper(catalogue, mapping), weights)
    unitless = chosen == "strong" and "weight unit" not in columns and not in_header
    if unitless and unit == "kg" and not unit_given:
        loads = [s.load_kg for e in result.entries for s in e.sets if s.load_kg]
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


def _read_rows(
    fmt: ImportFormat,
    rows: list[tuple[int, list[str]]],
    columns: Mapping[str, int],
    ctx: RowContext,
) -> tuple[list[RawRow], list[tuple[int, str]]]:
    read = reader_for(fmt)
    out: list[RawRow] = []
    problems: list[tuple[int, str]] = []
    for number, cells in rows:
        def cell(name: str, cells: list[str] = cells) -> str:
            at = columns.get(name)
            return cells[at] if at is not None and at < len(cells) else ""

        try:
            out.append(read(number, cell, ctx))
        except v.BadValue as err:
            problems.append((number, str(err)))
    return out, problems


def _entry_of(fmt: ImportFormat, row: RawRow) -> tuple[str, str]:
    """The entry a row belongs to: its workout and exercise."""
    return row.workout, row.key if fmt == "liftcoach" else row.exercise.strip().lower()


def _too_many_sets(fmt: ImportFormat, raw: list[RawRow]) -> list[tuple[int, str]]:
    """The first row of each entry that goes past the sets /log takes in one entry."""
    counts: dict[tuple[str, str], int] = {}
    problems: list[tuple[int, str]] = []
    for row in raw:
        if row.set is None:
            continue
        entry = _entry_of(fmt, row)
        counts[entry] = counts.get(entry, 0) + 1
        if counts[entry] == MAX_SETS + 1:  # the first set past the limit: one line each
            problems.append((row.row, f"{row.exercise} has more than {MAX_SETS} sets in one "
                                      f"workout (at most {MAX_SETS}, as in /log)"))
    return problems


def _group(
    fmt: ImportFormat, raw: list[RawRow], names: NameMapper, weights: str
) -> ImportResult:
    """One entry per exercise per workout, in file order; sets in their order."""
    groups: dict[tuple[str, str], list[RawRow]] = {}
    skipped: dict[str, int] = {}
    for row in raw:
        groups.setdefault(_entry_of(fmt, row), []).append(row)
        if row.set is None and row.skip_reason != "an entry without sets":
            skipped[row.skip_reason] = skipped.get(row.skip_reason, 0) + 1
    entries: list[ImportedEntry] = []
    unmapped: dict[str, UnmappedName] = {}
    read_as: dict[str, str] = {}
    noted: set[str] = set()
    for rows in groups.values():
        sets = [r for r in rows if r.set is not None]
        if fmt == "liftcoach":
            sets.sort(key=lambda r: r.order)
        if not sets and fmt != "liftcoach":
            continue
        first = rows[0]
        resolved = _own_exercise(first, names) if fmt == "liftcoach" else names.resolve(
            first.exercise)
        records = tuple(r.set for r in sets if r.set is not None)
        if fmt != "liftcoach":
            records = _as_lifted(resolved.exercise, first.exercise, records)
        if resolved.how == "new":
            old = unmapped.get(first.exercise.lower())
            unmapped[first.exercise.lower()] = UnmappedName(
                first.exercise, (old.sets if old else 0) + len(records), resolved.suggestions)
        elif resolved.how in ("read", "mapped"):
            read_as.setdefault(first.exercise, resolved.exercise.name)
        note = _note(rows, first.workout not in noted)
        noted.add(first.workout)
        entries.append(ImportedEntry(
            exercise=resolved.exercise, sets=records, performed_at=first.when.at,
            local_date=first.when.local_date, written_as=first.exercise,
            key=entry_key(resolved.exercise.key, first.when.at, records), note=note,
            pr=first.pr,
        ))
    return ImportResult(
        format=fmt, rows=len(raw), entries=tuple(entries),
        skipped=tuple(sorted(skipped.items())),
        unmapped=tuple(sorted(unmapped.values(), key=lambda u: (-u.sets, u.name))),
        read_as=tuple(read_as.items()), weights=weights,
    )


def _as_lifted(
    exercise: Exercise, written: str, records: tuple[SetRecord, ...]
) -> tuple[SetRecord, ...]:
    """Bodyweight lifts without load are bodyweight sets; an assisted lift's load is
    assistance, so it is stored as bodyweight minus that load, never as added load."""
    if assisted(exercise, written):
        return tuple(with_assistance(s) for s in records)
    if exercise.equipment == "bodyweight":
        return tuple(replace(s, bodyweight=True) if s.load_kg is None else s for s in records)
    return records


def _note(rows: list[RawRow], first_of_workout: bool) -> str:
    """The entry's notes, each once; the workout's notes go with its first entry."""
    parts = list(dict.fromkeys(r.note for r in rows if r.note))
    workout = next((r.workout_note for r in rows if r.workout_note), "")
    if first_of_workout and workout:
        parts.append(f"Workout: {workout}")
    return v.note(" · ".join(parts))


def _own_exercise(row: RawRow, names: NameMapper) -> Resolved:
    """The project's own rows name the stored key: built-ins by key, own lifts as saved."""
    known = names.by_key(row.key)
    if known is not None:
        return Resolved(known, "own" if known.custom else "same")
    if row.custom:
        return Resolved(Exercise(key=row.key, name=row.exercise, tier=row.tier, custom=True),
                        "own")
    return names.resolve(row.exercise)


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


def _bad_rows(problems: list[tuple[int, str]], name: str) -> ImportProblem:
    shown = "; ".join(f"row {n}: {text}" for n, text in problems[:MAX_LISTED_PROBLEMS])
    more = len(problems) - MAX_LISTED_PROBLEMS
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
