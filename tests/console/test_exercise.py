"""/exercise typed in the console: tier, rename and merge, in both spellings (issue #14)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.coach import Coach
from tests.console.test_data import typed
from tests.data_samples import SampleExercise, SampleSet, Workout, hevy


async def _own(coach: Coach, tmp_path: Path, name: str) -> None:
    days = [Workout(datetime(2026, 10, 5, 18, 0), "Day", 60,  # noqa: DTZ001
                    (SampleExercise(name, (SampleSet(50, 8), SampleSet(50, 8))),))]
    file = tmp_path / "h.csv"
    file.write_text(hevy(days), "utf-8")
    await typed(coach, f"/import path:{file}", tmp_path)
    assert (await typed(coach, "/import confirm", tmp_path)).saved


async def _keys(coach: Coach) -> set[str]:
    stored = await coach.storage.entries_since("me", datetime(2000, 1, 1, tzinfo=UTC))
    return {e.exercise.key for e in stored}


async def test_rename_and_merge_as_options(coach: Coach, tmp_path: Path) -> None:
    await _own(coach, tmp_path, "Bench press Backup")
    renamed = await typed(coach, "/exercise bench press backup rename:old bench", tmp_path)
    assert renamed.saved and await _keys(coach) == {"old-bench"}
    merged = await typed(coach, "/exercise old bench merge:bench press", tmp_path)
    assert merged.saved and await _keys(coach) == {"bench-press"}


async def test_rename_to_and_merge_into_as_words(coach: Coach, tmp_path: Path) -> None:
    await _own(coach, tmp_path, "Zzzdump2")
    assert (await typed(coach, "/exercise rename zzzdump2 to sled push", tmp_path)).saved
    assert await _keys(coach) == {"sled-push"}
    assert (await typed(coach, "/exercise merge sled push into leg press", tmp_path)).saved
    assert await _keys(coach) == {"leg-press"}


async def test_tier_still_works_and_two_changes_at_once_are_refused(
    coach: Coach, tmp_path: Path
) -> None:
    await _own(coach, tmp_path, "Zzzdump2")
    assert (await typed(coach, "/exercise zzzdump2 tier:C", tmp_path)).saved
    both = await typed(coach, "/exercise zzzdump2 tier:C merge:leg press", tmp_path)
    assert both.is_error and "one thing" in both.lines[0]
    bare = await typed(coach, "/exercise zzzdump2", tmp_path)
    assert bare.is_error and "tier:X" in bare.lines[0]
