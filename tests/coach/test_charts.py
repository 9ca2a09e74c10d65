"""The chart PNGs: valid images of a phone-friendly size, on a transparent background."""

from __future__ import annotations

import io
from datetime import date, timedelta

from PIL import Image

from bot.coach.charts import consistency_chart, exercise_chart
from bot.domain.figures.progress import CalendarWeek, ExerciseProgress, ProgressPoint

MONDAY = date(2026, 3, 16)


def image(png: bytes) -> Image.Image:
    picture = Image.open(io.BytesIO(png))
    picture.load()
    return picture


def test_exercise_chart_is_a_transparent_png_of_phone_size() -> None:
    progress = ExerciseProgress(
        "back squat", "A",
        (ProgressPoint(MONDAY, 120.0, "e1rm"), ProgressPoint(MONDAY + timedelta(days=3), 125.0,
                                                             "e1rm"),
         ProgressPoint(MONDAY + timedelta(days=7), 100.0, "load")),
        ((MONDAY, 8), (MONDAY + timedelta(days=7), 12)),
    )
    for unit in ("kg", "lb"):
        picture = image(exercise_chart(progress, unit))  # type: ignore[arg-type]
        assert picture.format == "PNG" and picture.mode == "RGBA"
        assert 600 <= picture.width <= 1200 and 400 <= picture.height <= 900
        assert picture.getpixel((1, 1))[3] == 0  # the corner shows the app's own background


def test_consistency_chart_draws_any_span() -> None:
    for count in (1, 26, 104):
        weeks = tuple(
            CalendarWeek(MONDAY + timedelta(weeks=i), (1, 0, 3, 0, 0, 0, 0), 2, True, i > 0)
            for i in range(count)
        )
        picture = image(consistency_chart(weeks, MONDAY + timedelta(weeks=count - 1)))
        assert picture.format == "PNG" and picture.width <= 1400
