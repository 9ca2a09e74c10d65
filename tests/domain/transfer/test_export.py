"""The own export: cells a spreadsheet would run stay text, and /import reads them back as
they were; an export too big for one attachment comes zipped in parts that /import takes."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import UTC, date, datetime

import pytest

from bot.domain.catalogue.lookup import default_catalogue
from bot.domain.models import Exercise, SetRecord, StoredEntry
from bot.domain.transfer import ExportFile, packaged
from bot.domain.transfer.export import (
    as_written,
    entry_lines,
    export_filename,
    formula_safe,
    header_line,
)
from bot.domain.transfer.read import ImportResult, read_import

NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
RUN = ("=", "+", "-", "@", "\t", "\r")
TRICKY = ["=1+1", "+49 press", "-x", "@sum(A1)", "=cmd|' /C calc'!A0", "'=already", "''=two",
          "'plain", "plain", "", "'", "a=b", "x-y"]


@pytest.mark.parametrize("text", TRICKY)
def test_a_cell_that_a_spreadsheet_would_run_is_written_as_text_and_read_back(
    text: str
) -> None:
    written = formula_safe(text)
    assert not written.startswith(RUN)
    assert as_written(written) == text
    if not text.startswith(("'", *RUN)):
        assert written == text  # everything else is written as it is


def _entry(entry_id: int, name: str, note: str = "", sets: int = 3) -> StoredEntry:
    key = f"own-{entry_id}"
    return StoredEntry(
        entry_id=entry_id, exercise=Exercise(key=key, name=name, tier="B", custom=True),
        sets=tuple(SetRecord(reps=5, load_kg=100.0 + i, rir=2.0) for i in range(sets)),
        performed_at=datetime(2026, 10, 1 + entry_id % 20, 7, 30, tzinfo=UTC),
        local_date=date(2026, 10, 1 + entry_id % 20), note=note)


def test_exported_names_and_notes_never_start_a_formula_and_import_unchanged() -> None:
    entries = [_entry(i, name, note=f"{name} note") for i, name in enumerate(
        ["=1+1", "+49 press", "-x", "@sum(a1)", "'=already"], 1)]
    text = header_line() + entry_lines(entries)
    for row in list(csv.reader(io.StringIO(text)))[1:]:
        assert not any(cell.startswith(RUN) for cell in row), row
    result = read_import(text, fmt="auto", catalogue=default_catalogue(), zone=UTC,
                         unit="kg", latest=NOW)
    assert isinstance(result, ImportResult), result
    assert [(e.exercise.name, e.note) for e in result.entries] == [
        (e.exercise.name, e.note) for e in entries]


def test_the_export_file_is_named_for_the_lifter() -> None:
    day = date(2026, 11, 26)
    assert export_filename(day, "123456789") == "liftcoach-export-123456789-2026-11-26.csv"
    assert export_filename(day, "../../me") == "liftcoach-export-me-2026-11-26.csv"
    assert export_filename(day, "ann") != export_filename(day, "bob")


def _csvs(files: tuple[ExportFile, ...]) -> list[bytes]:
    """Each CSV the files hold (unzipped)."""
    found = []
    for file in files:
        if file.name.endswith(".csv"):
            found.append(file.data)
            continue
        with zipfile.ZipFile(io.BytesIO(file.data)) as archive:
            found.extend(archive.read(name) for name in archive.namelist())
    return found


def _pages(count: int, per_page: int = 2) -> list[str]:
    return [entry_lines([_entry(p * per_page + i, f"lift {p}-{i}", sets=10)
                         for i in range(per_page)]) for p in range(count)]


def test_an_export_within_one_attachment_is_one_csv() -> None:
    pages = _pages(3)
    [file] = packaged(header_line(), pages, "x.csv", date(2026, 11, 26), limit=10**6,
                      part_bytes=10**6)
    assert file.name == "x.csv" and file.data.decode() == header_line() + "".join(pages)


@pytest.mark.parametrize(("limit", "one_zip"), [(30_000, True), (12_000, False),
                                               (4_000, False)])
def test_a_bigger_export_comes_zipped_in_parts_each_within_the_limits(
    limit: int, one_zip: bool
) -> None:
    pages = _pages(200)
    whole = header_line() + "".join(pages)
    assert len(whole) > 10 * limit
    files = packaged(header_line(), pages, "x.csv", date(2026, 11, 26), limit=limit,
                     part_bytes=limit)
    assert all(f.name.endswith(".zip") and len(f.data) <= limit for f in files), [
        (f.name, len(f.data)) for f in files]
    csvs = _csvs(files)
    assert len(csvs) > 1
    assert all(len(data) <= limit for data in csvs)  # each part is a file /import takes
    parts = [list(csv.reader(io.StringIO(data.decode()))) for data in csvs]
    assert all(part[0] == next(csv.reader(io.StringIO(header_line()))) for part in parts)
    rows = [row for part in parts for row in part[1:]]
    assert rows == list(csv.reader(io.StringIO(whole)))[1:]  # every set, once, in order
    entry_parts: dict[str, set[int]] = {}
    for number, part in enumerate(parts):
        for row in part[1:]:
            entry_parts.setdefault(row[0], set()).add(number)
    assert all(len(where) == 1 for where in entry_parts.values())  # no entry is cut
    assert (len(files) == 1) is one_zip
    if one_zip:
        assert files[0].name == "x.zip"
    else:
        assert [f.name for f in files] == [f"x-{i}-of-{len(files)}.zip"
                                           for i in range(1, len(files) + 1)]
