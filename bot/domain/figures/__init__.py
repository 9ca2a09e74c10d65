"""Numbers worked out from history: volume, stats, boards, rankings, progress, e1RM.

One definition of each figure lives here, so /log's advice, /stats, the leaderboards,
the progress charts and the reminders all count the same sets in the same week: which
sets are hard or to failure, each muscle's weekly volume, streaks and targets, the
estimated one-rep max and personal records, new bests, the next session's load, the
lifter's RIR calibration, deloads, and how lifters rank on a server.
"""

from bot.domain.figures.bests import (
    DurationBest,
    NewBest,
    best_line,
    day_text,
    duration_best,
    new_bests,
)
from bot.domain.figures.board import (
    BOARD_AWAY_WEEKS,
    MAX_DAYS_PER_WEEK,
    METRICS,
    BoardLifter,
    DisciplineDay,
    Metric,
    consistency_figures,
    discipline_figures,
)
from bot.domain.figures.calibration import (
    MATCH_DAYS,
    MIN_PAIRS,
    Calibration,
    KnownPairs,
    Pair,
    calibrated,
    rir_calibration,
    rir_pairs,
)
from bot.domain.figures.challenge import (
    MAX_CHALLENGE_DAYS,
    MAX_CHALLENGE_WEEKS,
    MIN_CHALLENGE_DAYS,
    MIN_CHALLENGE_WEEKS,
    ChallengeProgress,
    ChallengeSpec,
    LifterProgress,
    challenge_progress,
)
from bot.domain.figures.deload import declared, deload_end, in_deload, recognised
from bot.domain.figures.e1rm import (
    E1RM_TIERS,
    MAX_EFFECTIVE_REPS,
    MAX_RIR,
    PersonalRecord,
    frontier,
    personal_records,
)
from bot.domain.figures.kept_order import KeptOrder
from bot.domain.figures.kept_order import Key as OrderKey
from bot.domain.figures.next_session import (
    next_time,
    plate_step_kg,
)
from bot.domain.figures.progress import (
    CalendarWeek,
    ExerciseProgress,
    ProgressPoint,
    consistency_calendar,
    exercise_progress,
)
from bot.domain.figures.ranking import Ranking, leaderboard_page, rank, rank_of
from bot.domain.figures.recall import RECALL_SESSIONS, LiftRecall, recall_of
from bot.domain.figures.recap import RECAP_TOP, Improvement, RecapLifter, WeekRecap, week_recap
from bot.domain.figures.stats import (
    ALL_TIME_MIN_WEEKS,
    Targets,
    adherence,
    days_in_window,
    discipline,
    target_at,
    training_days,
    week_start,
    week_target,
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
    "ALL_TIME_MIN_WEEKS",
    "BOARD_AWAY_WEEKS",
    "E1RM_TIERS",
    "MATCH_DAYS",
    "MAX_CHALLENGE_DAYS",
    "MAX_CHALLENGE_WEEKS",
    "MAX_DAYS_PER_WEEK",
    "MAX_EFFECTIVE_REPS",
    "MAX_RIR",
    "METRICS",
    "MIN_CHALLENGE_DAYS",
    "MIN_CHALLENGE_WEEKS",
    "MIN_PAIRS",
    "RECALL_SESSIONS",
    "RECAP_TOP",
    "WEEKLY_SETS_HIGH",
    "WEEKLY_SETS_LOW",
    "BoardLifter",
    "CalendarWeek",
    "Calibration",
    "ChallengeProgress",
    "ChallengeSpec",
    "DisciplineDay",
    "DurationBest",
    "ExerciseProgress",
    "Improvement",
    "KeptOrder",
    "KnownPairs",
    "LiftRecall",
    "LifterProgress",
    "Metric",
    "NewBest",
    "OrderKey",
    "Pair",
    "PersonalRecord",
    "ProgressPoint",
    "Ranking",
    "RecapLifter",
    "Targets",
    "WeekRecap",
    "adherence",
    "best_line",
    "calibrated",
    "challenge_progress",
    "consistency_calendar",
    "consistency_figures",
    "day_text",
    "days_in_window",
    "declared",
    "deload_end",
    "discipline",
    "discipline_figures",
    "duration_best",
    "exercise_progress",
    "failure_sets_by_tier",
    "fmt_number",
    "frontier",
    "hard_sets_per_muscle",
    "in_deload",
    "leaderboard_page",
    "new_bests",
    "next_time",
    "personal_records",
    "plate_step_kg",
    "rank",
    "rank_of",
    "recall_of",
    "recognised",
    "rir_calibration",
    "rir_pairs",
    "target_at",
    "tier_a_failures_too_many",
    "training_days",
    "volume_band",
    "volume_notes",
    "week_recap",
    "week_start",
    "week_target",
    "weekly_streak",
]
