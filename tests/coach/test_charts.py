"""The chart PNGs: valid images of a phone-friendly size, on a transparent background."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

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


_STARTUP = """
import asyncio, sys
from pathlib import Path
from bot.coach import Coach
from bot.config import Settings
from bot.discord.client import LiftBot
from bot.storage.sqlite import SQLiteStorage

HEAVY = ("matplotlib", "PIL", "numpy")

def loaded():
    return sorted({m.split(".")[0] for m in sys.modules} & set(HEAVY))

async def main():
    storage = await SQLiteStorage.open(Path(sys.argv[1]))
    coach = Coach(storage)
    LiftBot(Settings(token="t", database_path=Path(sys.argv[1])), coach)
    await coach.logbook.log("1", "", "squat 5x5 @100kg rir2")
    print("started", loaded())
    reply = await coach.progress.chart("1", "squat")
    print("charted", reply.png is not None, loaded())
    await storage.close()

asyncio.run(main())
"""


def test_charting_loads_on_the_first_chart_not_at_start(tmp_path: Path) -> None:
    """A bot (client, coach, storage) that has started and stored a log has not loaded
    matplotlib; the first chart loads it."""
    done = subprocess.run([sys.executable, "-c", _STARTUP, str(tmp_path / "b.db")],
                          capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[2], check=True)
    lines = done.stdout.splitlines()
    assert lines[0] == "started []", done.stdout + done.stderr
    assert lines[1].startswith("charted True") and "matplotlib" in lines[1], done.stdout
