"""The week's plan: where failure goes, exercise by exercise, and how it fits the blocks.

Pure like the rest of the domain: the coach passes the lifter's entries, this week's
Monday, their local today and the instant, and gets a :class:`WeekPlan` back. The
log reply checks fresh sets against it (``plan_check``) and the weekly check-in
reviews last week against the plan it had (``week_review``).
"""

from bot.domain.plan.blocks import (
    BLOCK_CHOICES,
    BLOCK_EXAMPLE,
    DEFAULT_BLOCK_WEEKS,
    BlockChoiceError,
    BlockKind,
    BlockSetting,
    BlockWeek,
    block_week,
    default_setting,
    describe_block,
    monday_of,
    parse_block,
    with_length,
)
from bot.domain.plan.build import plan_week
from bot.domain.plan.check import Verdict, judge, plan_check
from bot.domain.plan.habits import STARTER_DAYS, WINDOW_WEEKS, window_start
from bot.domain.plan.model import ExercisePlan, FailurePlace, MuscleBudget, PlanInputs, WeekPlan
from bot.domain.plan.review import Review, planned_by_tier, reviewed_monday, week_review
from bot.domain.plan.text import (
    budget_line,
    compact_lines,
    day_label,
    days_label,
    exercise_line,
    group_fields,
    headline,
    starter_lines,
)

__all__ = [
    "BLOCK_CHOICES",
    "BLOCK_EXAMPLE",
    "DEFAULT_BLOCK_WEEKS",
    "STARTER_DAYS",
    "WINDOW_WEEKS",
    "BlockChoiceError",
    "BlockKind",
    "BlockSetting",
    "BlockWeek",
    "ExercisePlan",
    "FailurePlace",
    "MuscleBudget",
    "PlanInputs",
    "Review",
    "Verdict",
    "WeekPlan",
    "block_week",
    "budget_line",
    "compact_lines",
    "day_label",
    "days_label",
    "default_setting",
    "describe_block",
    "exercise_line",
    "group_fields",
    "headline",
    "judge",
    "monday_of",
    "parse_block",
    "plan_check",
    "plan_week",
    "planned_by_tier",
    "reviewed_monday",
    "starter_lines",
    "week_review",
    "window_start",
    "with_length",
]
