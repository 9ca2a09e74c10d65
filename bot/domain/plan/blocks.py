"""Failure blocks and heavy blocks: which kind of week a calendar week is.

A lifter's plan alternates a *failure block* (failure where the tier allows it) with a
*heavy block* (no failure at all: tier C/D work stops at RIR 1-2, tier A/B stays heavy
at RIR 1-3), each the same number of weeks. The readers' comments under the article
suggest switching about every two weeks (the default); Willardson, Norton & Wilson 2010
describe cycles of about six weeks. ``off`` keeps the tier policy every week.

A setting is a length and the Monday its first failure block began; every later week
follows from the calendar alone, so the answer never depends on when it is asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

BlockKind = Literal["failure", "heavy"]

BLOCK_CHOICES: tuple[int, ...] = (2, 3, 4, 6)
"""Block lengths a lifter may choose, in weeks."""
DEFAULT_BLOCK_WEEKS = 2
"""The readers' suggestion: switch about every two weeks."""
BLOCK_EXAMPLE = "/plan block:2w"


def monday_of(day: date) -> date:
    """The Monday of the calendar week holding ``day`` (plans run Monday to Sunday)."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class BlockSetting:
    """``weeks`` None means blocks are off; ``start`` is a Monday, the first failure
    block's first day."""

    weeks: int | None
    start: date

    @property
    def off(self) -> bool:
        return self.weeks is None


@dataclass(frozen=True)
class BlockWeek:
    """Where one calendar week sits in the lifter's blocks (``kind`` None: blocks off)."""

    kind: BlockKind | None
    week: int = 1  # 1-based, within the block
    length: int | None = None
    next_start: date | None = None  # the Monday the next block begins
    next_kind: BlockKind | None = None

    @property
    def heavy(self) -> bool:
        return self.kind == "heavy"


def default_setting(this_monday: date) -> BlockSetting:
    """Two-week blocks, the first failure block starting this week."""
    return BlockSetting(DEFAULT_BLOCK_WEEKS, monday_of(this_monday))


def block_week(setting: BlockSetting, monday: date) -> BlockWeek:
    """The block and week of the calendar week starting ``monday``.

    Weeks before the setting's start count backwards with the same rhythm, so a
    lifter who moves the start still gets an answer for every week.
    """
    if setting.weeks is None:
        return BlockWeek(None)
    length = setting.weeks
    index = (monday_of(monday) - setting.start).days // 7
    block, within = divmod(index, length)
    kind: BlockKind = "failure" if block % 2 == 0 else "heavy"
    following: BlockKind = "heavy" if kind == "failure" else "failure"
    next_start = setting.start + timedelta(weeks=(block + 1) * length)
    return BlockWeek(kind, within + 1, length, next_start, following)


def with_length(setting: BlockSetting | None, weeks: int | None, this_monday: date
                ) -> BlockSetting:
    """The setting after the lifter picks ``weeks`` (None: off) this week.

    The current block keeps its kind and its week (cut to the new length), so
    switching from two to six weeks in the second heavy week carries on as heavy week
    two of six. Turning blocks on from off (or for the first time) starts a failure
    block this week.
    """
    monday = monday_of(this_monday)
    if weeks is None:
        return BlockSetting(None, setting.start if setting else monday)
    if setting is None or setting.weeks is None:
        return BlockSetting(weeks, monday)
    now = block_week(setting, monday)
    offset = 0 if now.kind == "failure" else 1
    back = offset * weeks + min(now.week, weeks) - 1
    return BlockSetting(weeks, monday - timedelta(weeks=back))


@dataclass(frozen=True)
class BlockChoiceError:
    """What was wrong with a ``block:`` value, a hint and an example."""

    error: str
    hint: str
    example: str = BLOCK_EXAMPLE


def parse_block(text: str) -> int | BlockChoiceError | None:
    """``2w``, ``3 weeks``, ``6``: that many weeks; ``off``: None."""
    word = text.strip().lower()
    if word in {"off", "none", "no"}:
        return None
    for suffix in ("weeks", "week", "wks", "wk", "w"):
        if word.endswith(suffix):
            word = word[: -len(suffix)].strip()
            break
    choices = ", ".join(f"{n}w" for n in BLOCK_CHOICES)
    if word.isdecimal() and int(word) in BLOCK_CHOICES:
        return int(word)
    return BlockChoiceError(f"'{text.strip()}' is not a block length I plan with.",
                            f"Choose {choices} or off.")


def describe_block(block: BlockWeek) -> str:
    """``failure block, week 1 of 2`` (or that blocks are off)."""
    if block.kind is None:
        return "blocks off: failure where each tier allows it, every week"
    return f"{block.kind} block, week {block.week} of {block.length}"


__all__ = [
    "BLOCK_CHOICES",
    "BLOCK_EXAMPLE",
    "DEFAULT_BLOCK_WEEKS",
    "BlockChoiceError",
    "BlockKind",
    "BlockSetting",
    "BlockWeek",
    "block_week",
    "default_setting",
    "describe_block",
    "monday_of",
    "parse_block",
    "with_length",
]
