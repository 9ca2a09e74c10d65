"""Numbers worked out from history: volume, stats, boards, rankings, progress, e1RM.

One definition of each figure lives here, so /log's advice, /stats, the leaderboards,
the progress charts and the reminders all count the same sets in the same week: which
sets are hard or to failure, each muscle's weekly volume, streaks and targets, the
estimated one-rep max and personal records, and how lifters rank on a server.
"""

from bot.domain.figures.board import (
    METRICS,
    BoardLifter,
    DisciplineDay,
    Metric,
    consistency_figures,
    discipline_figures,
)
from bot.domain.figures.e1rm import (
    E1RM_TIERS,
    MAX_EFFECTIVE_REPS,
    MAX_RIR,
    PersonalRecord,
    personal_records,
)
from bot.domain.figures.progress import (
    CalendarWeek,
    ExerciseProgress,
    ProgressPoint,
    consistency_calendar,
    exercise_progress,
)
from bot.domain.figures.ranking import Ranking, leaderboard_page, rank, rank_of
from bot.domain.figures.stats import (
    Targets,
    adherence,
    days_in_window,
    discipline,
    target_at,
    training_days,
    week_start,
    weekly_streak,
)
from bot.domain.figures.volume import (
    WEEKLY_SETS_HIGH,
    WEEKLY_SETS_LOW,
    failure_sets_by_tier,
    fmt_number,
    hard_sets_per_muscle,
    tier_a_failures_too_many,
    volume_band,
    volume_notes,
)

__all__ = [
    "E1RM_TIERS",
    "MAX_EFFECTIVE_REPS",
    "MAX_RIR",
    "METRICS",
    "WEEKLY_SETS_HIGH",
    "WEEKLY_SETS_LOW",
    "BoardLifter",
    "CalendarWeek",
    "DisciplineDay",
    "ExerciseProgress",
    "Metric",
    "PersonalRecord",
    "ProgressPoint",
    "Ranking",
    "Targets",
    "adherence",
    "consistency_calendar",
    "consistency_figures",
    "days_in_window",
    "discipline",
    "discipline_figures",
    "exercise_progress",
    "failure_sets_by_tier",
    "fmt_number",
    "hard_sets_per_muscle",
    "leaderboard_page",
    "personal_records",
    "rank",
    "rank_of",
    "target_at",
    "tier_a_failures_too_many",
    "training_days",
    "volume_band",
    "volume_notes",
    "week_start",
    "weekly_streak",
]
