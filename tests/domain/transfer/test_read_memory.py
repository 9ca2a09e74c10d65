"""Reading a file streams its rows: memory follows the entries kept, never the rows read.

A 5 MB export once took over a gigabyte while it was read (every row as a list of
cells, then as a row object, then grouped). Now rows pass one at a time, and a file
refused for a bad row keeps no entries at all. The figures for the largest file
allowed are in bench/README.md (``python -m bench.bench_import``).
"""

from __future__ import annotations

import tracemalloc
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.catalogue.lookup import default_catalogue
from bot.domain.transfer.read import ImportProblem, ImportResult, read_import
from tests.data_samples import sample_workouts, strong_comma

NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)


def _peak(text: str) -> tuple[ImportResult | ImportProblem, int]:
    catalogue = default_catalogue()
    tracemalloc.start()
    try:
        result = read_import(text, fmt="auto", catalogue=catalogue, zone=ZoneInfo("UTC"),
                             unit="kg", latest=NOW)
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _export(weeks: int) -> str:
    start = datetime(2026, 11, 2, 18, 2, 11) - timedelta(weeks=weeks)  # noqa: DTZ001
    return strong_comma(sample_workouts(weeks, start))


def test_a_long_export_is_read_in_a_fraction_of_its_size() -> None:
    text = _export(200)  # 600 workouts, about 0.6 MB
    result, peak = _peak(text)
    assert isinstance(result, ImportResult) and result.rows > 7_000
    # Rows are not kept (reading them all first took 18 times the text).
    assert peak < len(text) * 4, f"{peak / 1e6:.1f} MB for {len(text) / 1e6:.1f} MB of text"


def test_a_file_refused_for_a_bad_row_keeps_nothing_while_the_rest_is_checked() -> None:
    lines = _export(200).splitlines(keepends=True)
    lines.insert(2, "2026-01-01 10:00:00,Push Day,1h,Bench Press (Barbell),1,80,lots,,0,,,\n")
    text = "".join(lines)
    result, peak = _peak(text)
    assert isinstance(result, ImportProblem) and "row 3" in result.error
    assert peak < len(text) * 2, f"{peak / 1e6:.1f} MB for {len(text) / 1e6:.1f} MB of text"
