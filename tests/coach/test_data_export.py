"""/export on both engines: names a spreadsheet would run stay text and come back as they
were, and an export too big for one attachment arrives zipped in parts that /import
takes back one by one."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest

from bot.coach import Coach
from bot.coach import data as data_module
from tests.data_samples import replace_cell, sample_workouts, strong_comma


def _sets(data: bytes) -> list[tuple[str, ...]]:
    return [tuple(v for k, v in r.items() if k != "entry")
            for r in csv.DictReader(io.StringIO(data.decode("utf-8")))]


async def _import(coach: Coach, user: str, name: str, data: bytes) -> None:
    preview = await coach.data.import_preview(user, "g1", name, data)
    assert preview.pending_id is not None, preview.reply
    assert (await coach.data.import_confirm(user, preview.pending_id)).saved


FORMULAS = ("=1+1", "+49 press", "@sum(a1)", "-x lift")


async def test_formula_names_are_exported_as_text_and_come_back_unchanged(
    coach: Coach
) -> None:
    text = strong_comma(sample_workouts(1))
    for row, name in enumerate(FORMULAS, 2):  # names and notes another app wrote
        text = replace_cell(text, row, "Exercise Name", name)
        text = replace_cell(text, row, "Notes", "=cmd|' /C calc'!A0")
    await _import(coach, "u1", "s.csv", text.encode())
    before = await coach.data.export("u1")
    rows = list(csv.DictReader(io.StringIO(before.data.decode())))
    assert {"'" + name for name in FORMULAS} <= {r["exercise"] for r in rows}
    assert "'=cmd|' /C calc'!A0" in {r["note"] for r in rows}
    for row in csv.reader(io.StringIO(before.data.decode())):
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row[3:5] + row[-2:])
    customs = sorted(e.name for e in await coach.storage.custom_exercises("u1"))
    assert set(FORMULAS) <= set(customs)

    assert (await coach.data.forget_me_confirm("u1")).saved
    await _import(coach, "u1", before.filename, before.data)
    after = await coach.data.export("u1")
    assert _sets(after.data) == _sets(before.data)
    assert sorted(e.name for e in await coach.storage.custom_exercises("u1")) == customs


async def test_an_export_past_one_attachment_arrives_zipped_and_imports_back_in_parts(
    coach: Coach, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(data_module, "EXPORT_PAGE", 4)  # parts are cut between pages
    await _import(coach, "u1", "s.csv", strong_comma(sample_workouts(weeks=3)).encode())
    whole = await coach.data.export("u1")
    assert whole.filename.endswith(".csv") and len(whole.files) == 1
    limit = len(whole.data) // 3
    coach.data.export_max_bytes = coach.data.max_bytes = limit
    big = await coach.data.export("u1")
    assert all(f.name.endswith(".zip") and len(f.data) <= limit for f in big.files)
    assert "unzip" in "\n".join(big.reply.lines)
    parts = []
    for file in big.files:
        with zipfile.ZipFile(io.BytesIO(file.data)) as archive:
            parts += [(name, archive.read(name)) for name in archive.namelist()]
    assert len(parts) >= 3 and all(len(data) <= limit for _, data in parts)
    assert [s for _, data in parts for s in _sets(data)] == _sets(whole.data)

    assert (await coach.data.forget_me_confirm("u1")).saved
    for name, data in parts:  # each part is a file /import takes on its own
        await _import(coach, "u1", name, data)
    coach.data.export_max_bytes = 10 << 20
    assert _sets((await coach.data.export("u1")).data) == _sets(whole.data)
