"""PNG charts of a lifter's progress (/chart, the check-in's volume bars).

Readable on a phone in Discord's dark and light themes alike: a transparent
background, mid-grey text and grid that contrast with both, saturated data colours,
and large type on a small canvas (Discord shrinks wide images on a phone).
Rendering is CPU work that takes tens of milliseconds: callers run it in a worker
thread. Only matplotlib's object API is used (no pyplot and its global state), so
two charts may be drawn at once in different threads.

matplotlib costs tens of megabytes and most of a second to load, and most
processes draw few charts or none: the drawing (:mod:`bot.coach.chart_drawing`) is
imported on the first chart, not when the bot starts.
"""

from __future__ import annotations

from datetime import date

from bot.domain.figures import CalendarWeek, ExerciseProgress
from bot.domain.models import Unit


def exercise_chart(progress: ExerciseProgress, unit: Unit = "kg") -> bytes:
    """e1RM per session (or the top set for tiers C-D) above weekly hard sets."""
    from bot.coach import chart_drawing  # matplotlib loads here, on the first chart

    return chart_drawing.exercise_chart(progress, unit)


def consistency_chart(weeks: tuple[CalendarWeek, ...], today: date) -> bytes:
    """A calendar heat-map of training days, one column per week, targets marked above."""
    from bot.coach import chart_drawing  # matplotlib loads here, on the first chart

    return chart_drawing.consistency_chart(weeks, today)


def volume_chart(hard_sets: dict[str, float], first_day: str) -> bytes:
    """Hard sets per muscle as bars (``first_day``: the week's Monday, as shown)."""
    from bot.coach import chart_drawing  # matplotlib loads here, on the first chart

    return chart_drawing.volume_chart(hard_sets, first_day)
