"""One guard for every way in, on both engines: what PostgreSQL refuses (NUL) or no
engine can encode (a lone surrogate) never reaches a statement, names keep the length
/exercise takes, and a date out of range is a refusal with its row, never a crash."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.coach import Coach
from bot.coach.replies import Reply
from bot.domain import limits
from tests.data_samples import replace_cell, sample_workouts, strong_comma

BAD = ["\x00", "\ud800", "\x1b", "\x7f"]


def _text(reply: Reply) -> str:
    return "\n".join((reply.title, *reply.lines, *(f"{k}: {v}" for k, v in reply.fields),
                      reply.footer or ""))


async def _own_names(coach: Coach, user: str = "u1") -> list[str]:
    return sorted(e.name for e in await coach.storage.custom_exercises(user))


async def _entries(coach: Coach, user: str = "u1") -> list[str]:
    since = datetime(1970, 1, 1, tzinfo=UTC)
    return sorted(e.exercise.name for e in await coach.storage.entries_since(user, since))


@pytest.mark.parametrize("bad", BAD, ids=["nul", "surrogate", "escape", "del"])
async def test_exercise_rename_and_merge_take_names_with_control_characters(
    coach: Coach, bad: str
) -> None:
    made = await coach.profile.exercise("u1", f"zorb{bad}lift", "B")
    assert made.saved and await _own_names(coach) == ["zorb lift"]
    await coach.logbook.log("u1", "g1", "zorb lift 3x5 @50kg rir2")
    renamed = await coach.profile.rename_exercise("u1", f"zorb{bad}lift", f"zorb{bad}press")
    assert renamed.saved, renamed
    assert await _own_names(coach) == ["zorb press"]
    assert await _entries(coach) == ["zorb press"]


async def test_a_name_longer_than_exercise_takes_is_refused_by_log_too(coach: Coach) -> None:
    long = "zorb " * 13  # 64 characters: a new exercise name past the limit
    assert len(long.strip()) > limits.MAX_NAME
    refused = await coach.logbook.log("u1", "g1", f"{long}3x5 @50kg")
    assert refused.is_error and not refused.saved
    assert f"at most {limits.MAX_NAME} characters" in _text(refused)
    refused = await coach.profile.exercise("u1", long, "B")
    assert refused.is_error and f"at most {limits.MAX_NAME} characters" in _text(refused)
    fits = await coach.logbook.log("u1", "g1", "zorb " * 12 + "3x5 @50kg")
    assert fits.saved
    assert await _entries(coach) == [("zorb " * 12).strip()]


async def test_a_nul_after_the_first_64_kib_of_a_file_refuses_it_whole(coach: Coach) -> None:
    text = strong_comma(sample_workouts(40))
    assert len(text) > 70_000
    late = replace_cell(text, text.count("\n") - 2, "Notes", "a\x00b")
    assert late.index("\x00") > 65_536
    preview = await coach.data.import_preview("u1", "g1", "s.csv", late.encode())
    assert preview.pending_id is None and preview.reply.is_error
    assert "binary" in _text(preview.reply)
    assert await _entries(coach) == []


@pytest.mark.parametrize("bad", ["\x01", "\x1b", "\x7f", "\u0085"], ids=repr)
async def test_control_characters_in_a_file_are_removed_and_it_imports(
    coach: Coach, bad: str
) -> None:
    text = strong_comma(sample_workouts(1))
    text = replace_cell(text, 2, "Exercise Name", f"Zorb{bad}Lift")
    text = replace_cell(text, 3, "Notes", f"late{bad}night")
    preview = await coach.data.import_preview("u1", "g1", f"my{bad}file.csv", text.encode())
    assert preview.pending_id is not None, preview.reply
    assert bad not in _text(preview.reply) and "my file.csv" in _text(preview.reply)
    done = await coach.data.import_confirm("u1", preview.pending_id)
    assert done.saved, done
    assert "zorb lift" in await _own_names(coach)


@pytest.mark.parametrize("bad", BAD, ids=["nul", "surrogate", "escape", "del"])
async def test_a_mapping_with_control_characters_imports(coach: Coach, bad: str) -> None:
    preview = await coach.data.import_preview(
        "u1", "g1", "s.csv", strong_comma(sample_workouts(1)).encode(),
        mapping=f"Converging Chest Press (Hammer Strength)=my{bad}press")
    assert preview.pending_id is not None, preview.reply
    done = await coach.data.import_confirm("u1", preview.pending_id)
    assert done.saved, done
    assert "my press" in await _own_names(coach)


@pytest.mark.parametrize("when", ["9999-12-31 23:00:00-05:00", "9999-12-31 23:00:00",
                                  "0001-01-01 00:30:00"])
@pytest.mark.parametrize("zone", ["America/New_York", "Asia/Tokyo"])
async def test_a_date_out_of_range_is_refused_with_its_row_in_any_profile_zone(
    coach: Coach, when: str, zone: str
) -> None:
    await coach.profile.set("u1", timezone=zone)
    text = replace_cell(strong_comma(sample_workouts(1)), 4, "Date", when)
    preview = await coach.data.import_preview("u1", "g1", "s.csv", text.encode())
    assert preview.reply.is_error and preview.pending_id is None
    assert "row 4:" in _text(preview.reply)
    assert await _entries(coach) == []
