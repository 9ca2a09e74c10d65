"""Failure and heavy blocks follow the calendar from the lifter's chosen start."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.domain.plan import (
    BlockChoiceError,
    BlockSetting,
    block_week,
    default_setting,
    describe_block,
    parse_block,
    with_length,
)

START = date(2026, 11, 30)  # a Monday


def _weeks(setting: BlockSetting, count: int) -> list[tuple[str | None, int]]:
    return [(b.kind, b.week) for b in
            (block_week(setting, START + timedelta(weeks=n)) for n in range(count))]


@pytest.mark.parametrize(("length", "expected"), [
    (2, [("failure", 1), ("failure", 2), ("heavy", 1), ("heavy", 2), ("failure", 1)]),
    (3, [("failure", 1), ("failure", 2), ("failure", 3), ("heavy", 1), ("heavy", 2)]),
])
def test_blocks_alternate_by_length(length: int, expected: list[tuple[str, int]]) -> None:
    assert _weeks(BlockSetting(length, START), 5) == expected


def test_six_week_blocks_switch_on_the_seventh_week() -> None:
    weeks = _weeks(BlockSetting(6, START), 13)
    assert weeks[5] == ("failure", 6) and weeks[6] == ("heavy", 1) and weeks[12] == (
        "failure", 1)


def test_any_day_of_a_week_names_that_week_and_the_next_block() -> None:
    wednesday = START + timedelta(days=9)
    block = block_week(BlockSetting(2, START), wednesday)
    assert (block.kind, block.week, block.length) == ("failure", 2, 2)
    assert block.next_start == date(2026, 12, 14) and block.next_kind == "heavy"
    assert describe_block(block) == "failure block, week 2 of 2"


def test_weeks_before_the_start_keep_the_rhythm() -> None:
    assert block_week(BlockSetting(2, START), START - timedelta(weeks=1)).kind == "heavy"
    assert block_week(BlockSetting(2, START), START - timedelta(weeks=3)).kind == "failure"


def test_off_has_no_kind_and_no_next_block() -> None:
    block = block_week(BlockSetting(None, START), START)
    assert block.kind is None and block.next_start is None and not block.heavy


def test_the_default_is_two_weeks_starting_with_failure_this_week() -> None:
    setting = default_setting(START + timedelta(days=4))
    assert setting == BlockSetting(2, START)


def test_a_new_length_keeps_the_current_block_and_week() -> None:
    heavy_two = START + timedelta(weeks=3)  # 2w blocks: heavy, week 2
    changed = with_length(BlockSetting(2, START), 6, heavy_two)
    block = block_week(changed, heavy_two)
    assert (block.kind, block.week, block.length) == ("heavy", 2, 6)
    shorter = with_length(BlockSetting(6, START), 2, START + timedelta(weeks=4))
    block = block_week(shorter, START + timedelta(weeks=4))
    assert (block.kind, block.week) == ("failure", 2)  # week 5 of 6 cut to the last of 2


def test_off_and_back_on_starts_a_failure_block_that_week() -> None:
    later = START + timedelta(weeks=5, days=2)
    off = with_length(BlockSetting(2, START), None, later)
    assert off.off and off.start == START
    on = with_length(off, 3, later)
    assert block_week(on, later).kind == "failure" and block_week(on, later).week == 1


@pytest.mark.parametrize(("text", "weeks"), [
    ("2w", 2), ("3 weeks", 3), ("4W", 4), ("6", 6), ("off", None), (" 6wk ", 6)])
def test_block_lengths_are_read(text: str, weeks: int | None) -> None:
    assert parse_block(text) == weeks


@pytest.mark.parametrize("text", ["5w", "", "two", "12w", "-2"])
def test_other_lengths_are_refused_with_the_choices(text: str) -> None:
    result = parse_block(text)
    assert isinstance(result, BlockChoiceError)
    assert "2w, 3w, 4w, 6w or off" in result.hint and result.example == "/plan block:2w"
