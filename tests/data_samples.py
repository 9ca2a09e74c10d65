"""Made-up training logs written the way Strong and Hevy export them.

Nobody's real export is copied here: a small push/pull/legs program is generated
and written in each app's layout, so tests can read realistic files and know
exactly what is in them.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime, timedelta

STRONG_COMMA_HEADER = (
    "Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps",
    "Distance", "Seconds", "Notes", "Workout Notes", "RPE",
)
STRONG_SEMICOLON_HEADER = (
    "Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Weight Unit", "Reps",
    "RPE", "Distance", "Distance Unit", "Seconds", "Notes", "Workout Notes",
    "Workout Duration",
)


def hevy_header(unit: str = "kg") -> tuple[str, ...]:
    weight = "weight_kg" if unit == "kg" else "weight_lbs"
    distance = "distance_km" if unit == "kg" else "distance_miles"
    return ("title", "start_time", "end_time", "description", "exercise_title", "superset_id",
            "exercise_notes", "set_index", "set_type", weight, "reps", distance,
            "duration_seconds", "rpe")


@dataclass(frozen=True)
class SampleSet:
    """kind: normal, warmup, dropset or failure. ``seconds``/``km`` make it a cardio row."""

    weight: float
    reps: int
    kind: str = "normal"
    rpe: float | None = None
    seconds: int = 0
    km: float = 0.0


@dataclass(frozen=True)
class SampleExercise:
    name: str
    sets: tuple[SampleSet, ...]
    note: str = ""  # the app's note on the exercise, written on each of its rows


@dataclass(frozen=True)
class Workout:
    start: datetime  # wall-clock time where the lifter lives
    name: str
    minutes: int
    exercises: tuple[SampleExercise, ...] = field(default=())
    notes: str = ""  # the workout's notes (Strong: Workout Notes; Hevy: description)

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)


def _sets(weight: float, reps: int, count: int, rpe: float | None = None) -> list[SampleSet]:
    return [SampleSet(weight, reps, rpe=rpe) for _ in range(count)]


def sample_workouts(weeks: int = 2, start: datetime | None = None) -> list[Workout]:
    """A push/pull/legs program, three days a week, loads creeping up in 12-week cycles.

    Every workout has warm-ups; legs end with a drop set and pull ends with a set to
    failure; push day includes a machine the catalogue does not know and a treadmill
    cool-down (a cardio row, skipped on import).
    """
    first = start or datetime(2026, 9, 7, 18, 2, 11)  # noqa: DTZ001  (wall-clock time)
    out: list[Workout] = []
    for week in range(weeks):
        bump = 2.5 * (week % 12)  # a twelve-week cycle, then back to the start
        monday = first + timedelta(weeks=week)
        out.append(Workout(monday, "Push Day", 62, (
            SampleExercise("Bench Press (Barbell)", (
                SampleSet(40, 10, "warmup"), SampleSet(60, 5, "warmup"),
                *_sets(80 + bump, 8, 3, rpe=8),
            )),
            SampleExercise("Shoulder Press (Dumbbell)", tuple(_sets(24, 10, 3, rpe=8.5))),
            SampleExercise("Converging Chest Press (Hammer Strength)", tuple(
                _sets(50, 12, 2, rpe=9))),
            SampleExercise("Triceps Pushdown (Cable - Straight Bar)", (
                *_sets(30, 12, 2, rpe=9), SampleSet(30, 11, "failure"),
            )),
            SampleExercise("Treadmill", (SampleSet(0, 0, seconds=600, km=1.6),)),
        )))
        out.append(Workout(monday + timedelta(days=2, minutes=-47), "Pull Day", 55, (
            SampleExercise("Deadlift (Barbell)", (
                SampleSet(60, 5, "warmup"), *_sets(140 + 2 * bump, 5, 3, rpe=7.5),
            )),
            SampleExercise("Pull Up", tuple(_sets(0, 8, 3, rpe=9))),
            SampleExercise("Seated Row (Cable)", tuple(_sets(65, 10, 3, rpe=8))),
            SampleExercise("Bicep Curl (Dumbbell)", (
                *_sets(14, 12, 2, rpe=9), SampleSet(14, 10, "failure", rpe=10),
            )),
        )))
        out.append(Workout(monday + timedelta(days=4, hours=-8, minutes=13), "Leg Day", 70, (
            SampleExercise("Squat (Barbell)", (
                SampleSet(20, 10, "warmup"), SampleSet(60, 5, "warmup"),
                *_sets(110 + bump, 5, 3, rpe=8),
            )),
            SampleExercise("Leg Extension (Machine)", (
                *_sets(55, 12, 2, rpe=9), SampleSet(55, 10, "normal", rpe=10),
                SampleSet(40, 8, "dropset"),
            )),
            SampleExercise("Standing Calf Raise (Machine)", tuple(_sets(80, 15, 3))),
        )))
    return out


def _number(value: float, decimal_comma: bool = False) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if decimal_comma else text


def _rows(table: list[tuple[str, ...]], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n",
                        quoting=csv.QUOTE_MINIMAL)
    writer.writerows(table)
    return buffer.getvalue()


def _strong_order(kind: str, number: int) -> str:
    return {"warmup": "W", "dropset": "D", "failure": "F"}.get(kind, str(number))


def strong_comma(workouts: list[Workout]) -> str:
    """Strong's older export: comma separated, weights in the app's unit (not written)."""
    table = [STRONG_COMMA_HEADER]
    for w in workouts:
        for ex in w.exercises:
            number = 0
            for s in ex.sets:
                number += s.kind == "normal"
                table.append((
                    f"{w.start:%Y-%m-%d %H:%M:%S}", w.name, f"{w.minutes // 60}h {w.minutes % 60}m",
                    ex.name, _strong_order(s.kind, number), _number(s.weight), str(s.reps),
                    _number(s.km), str(s.seconds), ex.note, w.notes,
                    "" if s.rpe is None else _number(s.rpe),
                ))
    return _rows(table)


def strong_semicolon(
    workouts: list[Workout], unit: str = "kg", *, decimal_comma: bool = False
) -> str:
    """Strong's newer export: semicolons, a Weight Unit per row, every cell quoted."""
    table = [STRONG_SEMICOLON_HEADER]
    unit_text = "kg" if unit == "kg" else "lbs"
    for w in workouts:
        for ex in w.exercises:
            number = 0
            for s in ex.sets:
                number += s.kind == "normal"
                table.append((
                    f"{w.start:%Y-%m-%d %H:%M:%S}", w.name, ex.name, _strong_order(s.kind, number),
                    _number(s.weight, decimal_comma), unit_text, str(s.reps),
                    "" if s.rpe is None else _number(s.rpe, decimal_comma),
                    _number(s.km, decimal_comma) if s.km else "", "km" if s.km else "",
                    str(s.seconds) if s.seconds else "", ex.note, w.notes, f"{w.minutes}m",
                ))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\n", quoting=csv.QUOTE_ALL).writerows(table)
    return buffer.getvalue()


STRONG_2016_HEADER = ("Date", "Workout Name", "Exercise Name", "Set Order", "kg", "Reps", "km",
                      "Seconds", "Notes")


def strong_2016(workouts: list[Workout], unit: str = "kg") -> str:
    """Strong's 2016 export: the weight column headed with its unit, sets counted from 0."""
    header = tuple({"kg": "lbs", "km": "mi"}.get(c, c) if unit == "lb" else c
                   for c in STRONG_2016_HEADER)
    table = [header]
    for w in workouts:
        for ex in w.exercises:
            for number, s in enumerate(ex.sets):
                table.append((
                    f"{w.start:%Y-%m-%d %H:%M:%S}", w.name, ex.name, str(number),
                    f"{s.weight:.1f}", str(s.reps), f"{s.km:.1f}", str(s.seconds), ex.note,
                ))
    return _rows(table)


def hevy_date(moment: datetime, style: str) -> str:
    if style == "iso":
        return f"{moment:%Y-%m-%d %H:%M:%S}"
    if style == "padded":
        return f"{moment.day:02d} {moment:%b %Y, %H:%M}"
    return f"{moment.day} {moment:%b %Y, %H:%M}"


def hevy(workouts: list[Workout], unit: str = "kg", date_style: str = "short") -> str:
    """Hevy's export: one row per set, set_index from 0, set_type per set."""
    table = [hevy_header(unit)]
    for w in workouts:
        for ex in w.exercises:
            for index, s in enumerate(ex.sets):
                cardio = s.reps == 0
                table.append((
                    w.name, hevy_date(w.start, date_style), hevy_date(w.end, date_style), w.notes,
                    ex.name, "", ex.note, str(index), s.kind,
                    "" if s.weight == 0 else _number(s.weight),
                    "" if cardio else str(s.reps),
                    _number(s.km if unit == "kg" else s.km / 1.609344) if s.km else "",
                    str(s.seconds) if s.seconds else "",
                    "" if s.rpe is None else _number(s.rpe),
                ))
    return _rows(table)


def replace_cell(text: str, row: int, column: str, value: str, delimiter: str = ",") -> str:
    """``text`` with one cell changed; ``row`` counts as a spreadsheet does (header = 1)."""
    table = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    table[row - 1][table[0].index(column)] = value
    return _rows([tuple(r) for r in table], delimiter)


def drop_column(text: str, column: str, delimiter: str = ",") -> str:
    table = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    at = table[0].index(column)
    return _rows([tuple(c for i, c in enumerate(r) if i != at) for r in table], delimiter)
