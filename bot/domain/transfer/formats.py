"""Which app wrote a file, and what one of its rows means as a set.

Three formats are read:

- Strong, comma separated (``Date,Workout Name,Duration,Exercise Name,Set Order,Weight,
  Reps,...,RPE``; weights in the lifter's unit, since the file does not say), its 2016
  form whose weight column is headed ``kg`` or ``lbs`` (and distance ``km`` or ``mi``),
  and semicolon separated with a ``Weight Unit`` column. ``Set Order`` is a number, or
  ``W`` (warm-up), ``D`` (drop set) or ``F`` (failure); rest-timer rows are skipped.
- Hevy (``title,start_time,...,set_type,weight_kg|weight_lbs,reps,...,rpe``) with
  ``set_type`` normal, warmup, dropset or failure.
- The project's own export (see :mod:`bot.domain.transfer.export`).

Each row becomes a :class:`RawRow`: the workout it belongs to, the exercise name as
written, the set and the notes. A row without reps but with seconds or a distance is
a timed set (a plank, a carry, a run); a row with none of them is no set.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, tzinfo
from typing import Literal

from bot.domain import guard, limits
from bot.domain.catalogue import slugify
from bot.domain.models import TECHNIQUES, TIERS, SetRecord, Tier
from bot.domain.transfer import cells as v
from bot.domain.transfer.export import COLUMNS as OWN_COLUMNS
from bot.domain.transfer.export import REQUIRED as OWN_REQUIRED
from bot.domain.transfer.export import as_written

ImportFormat = Literal["strong", "hevy", "liftcoach"]
FORMATS: tuple[ImportFormat, ...] = ("strong", "hevy", "liftcoach")
FORMAT_NAMES: dict[ImportFormat, str] = {
    "strong": "Strong", "hevy": "Hevy", "liftcoach": "liftcoach",
}

STRONG_COLUMNS = (
    "date", "workout name", "duration", "exercise name", "set order", "weight", "weight unit",
    "reps", "distance", "distance unit", "seconds", "notes", "workout notes", "rpe",
    "workout duration",
)
STRONG_REQUIRED = ("date", "exercise name", "set order", "weight", "reps")
# Strong's 2016 export heads the weight and distance columns with their units.
STRONG_UNIT_HEADERS = {"kg": ("weight", "kg"), "lbs": ("weight", "lb"), "lb": ("weight", "lb"),
                       "km": ("distance", "km"), "mi": ("distance", "mi"),
                       "miles": ("distance", "mi")}
HEVY_COLUMNS = (
    "title", "start_time", "end_time", "description", "exercise_title", "superset_id",
    "exercise_notes", "set_index", "set_type", "weight_kg", "weight_lbs", "reps",
    "distance_km", "distance_miles", "duration_seconds", "rpe",
)
HEVY_REQUIRED = ("start_time", "exercise_title", "set_type", "reps")
_SIGNATURES: dict[ImportFormat, frozenset[str]] = {
    "strong": (frozenset(STRONG_COLUMNS) - {"notes", "rpe", "date", "weight", "reps"})
    | {"kg", "lbs"},
    "hevy": frozenset(HEVY_COLUMNS) - {"title", "description", "reps", "rpe"},
    "liftcoach": frozenset(OWN_COLUMNS) - {"reps", "set"},
}


@dataclass(frozen=True)
class RawRow:
    """One data row, read.

    ``workout`` groups rows into one session; ``order`` sorts sets inside an entry.
    ``set`` is None for a row that is not a lifting set (``skip_reason`` says why).
    Own-format rows also carry the stored exercise key, tier and custom flag.
    """

    row: int
    workout: str
    when: v.When
    exercise: str
    set: SetRecord | None
    order: int = 0
    skip_reason: str = ""
    key: str = ""
    tier: Tier | None = None
    custom: bool = False
    note: str = ""
    workout_note: str = ""
    pr: bool = False


_DATES_KEPT = 1024


@dataclass(frozen=True)
class RowContext:
    """What every row reader needs besides the row: the lifter's zone and unit, and now.

    Rows of one workout repeat its date, so each distinct date text is read once (the
    memo is emptied now and then: a workout's rows come together, and a file of a
    hundred thousand dates should not keep them all).
    """

    zone: tzinfo
    unit: str
    latest: datetime
    distance_unit: str = ""  # Strong's comma format: the header's, else by the weight unit
    _dates: dict[str, v.When] = field(default_factory=dict, compare=False, repr=False)

    def when(self, text: str, read: Callable[[str, str], datetime], column: str) -> v.When:
        found = self._dates.get(text)
        if found is None:
            found = v.local_time(read(text, column), self.zone, column, self.latest)
            if len(self._dates) >= _DATES_KEPT:
                self._dates.clear()
            self._dates[text] = found
        return found


def columns_of(header: list[str]) -> dict[str, int]:
    """Column name (trimmed, lower case) -> position; the first of duplicates wins."""
    out: dict[str, int] = {}
    for i, name in enumerate(header):
        out.setdefault(name.strip().strip('"').strip().lower(), i)
    return out


def header_units(columns: dict[str, int]) -> dict[str, str]:
    """Strong 2016: the ``kg``/``lbs``/``km``/``mi`` columns read as weight and distance,
    in the unit their header names (``{"weight": "kg", "distance": "km"}``)."""
    units: dict[str, str] = {}
    for header, (column, unit) in STRONG_UNIT_HEADERS.items():
        if header in columns and column not in columns and column not in units:
            columns[column] = columns[header]
            units[column] = unit
    return units


def detect(columns: Mapping[str, int]) -> ImportFormat | None:
    """The format whose telling columns the header shares most (at least two)."""
    scores = {f: len(sig & columns.keys()) for f, sig in _SIGNATURES.items()}
    best = max(FORMATS, key=lambda f: scores[f])
    return best if scores[best] >= 2 else None


def missing_columns(fmt: ImportFormat, columns: Mapping[str, int]) -> list[str]:
    if fmt == "strong":
        return [c for c in STRONG_REQUIRED if c not in columns]
    if fmt == "hevy":
        gone = [c for c in HEVY_REQUIRED if c not in columns]
        if "weight_kg" not in columns and "weight_lbs" not in columns:
            gone.append("weight_kg or weight_lbs")
        return gone
    return [c for c in OWN_REQUIRED if c not in columns]


Cells = Callable[[str], str]
RowReader = Callable[[int, Cells, RowContext], RawRow]


def reader_for(fmt: ImportFormat) -> RowReader:
    return {"strong": strong_row, "hevy": hevy_row, "liftcoach": own_row}[fmt]


# ------------------------------------------------------------------ Strong
def strong_row(number: int, cell: Cells, ctx: RowContext) -> RawRow:
    date_text = cell("date")
    when = ctx.when(date_text, v.iso_datetime, "Date")
    exercise = v.name(cell("exercise name"), "Exercise Name")
    workout = f"{date_text.strip()}|{cell('workout name').strip()}"
    marker = cell("set order").strip().upper()
    note, workout_note = v.note(cell("notes")), v.note(cell("workout notes"))
    if "REST" in marker or "NOTE" in marker:
        return RawRow(number, workout, when, exercise, None, skip_reason="rest timer or note",
                      note=note, workout_note=workout_note)
    unit = v.weight_unit(cell("weight unit"), ctx.unit)
    reps = v.reps(cell("reps"), "Reps")
    load = v.load_kg(cell("weight"), "Weight", unit)
    rir = v.rpe_to_rir(cell("rpe"), "RPE")
    kind = _strong_kind(marker)
    distance_unit = cell("distance unit").strip() or ctx.distance_unit or (
        "mi" if unit == "lb" else "km")
    timed = _timed(cell("seconds"), "Seconds", cell("distance"), "Distance", distance_unit)
    made = _set(reps, load, rir, kind, timed)
    return RawRow(number, workout, when, exercise, made,
                  skip_reason="" if made is not None else _NO_REPS, note=note,
                  workout_note=workout_note)


def _strong_kind(marker: str) -> str:
    if marker in {"W", "WARMUP", "WARM-UP", "WARM UP"}:
        return "warmup"
    if marker == "D":
        return "dropset"
    if marker == "F":
        return "failure"
    if marker == "" or marker.isdecimal():
        return "normal"
    raise v.BadValue(f"Set Order '{marker}' is not a set number, W, D or F")


# ------------------------------------------------------------------ Hevy
_NO_REPS = "no reps, time or distance"
HEVY_KINDS = {"normal": "normal", "warmup": "warmup", "warm_up": "warmup", "warm-up": "warmup",
              "dropset": "dropset", "drop_set": "dropset", "drop": "dropset",
              "failure": "failure", "": "normal"}


def hevy_row(number: int, cell: Cells, ctx: RowContext) -> RawRow:
    start = cell("start_time")
    when = ctx.when(start, v.hevy_datetime, "start_time")
    exercise = v.name(cell("exercise_title"), "exercise_title")
    workout = f"{start.strip()}|{cell('title').strip()}"
    kind = HEVY_KINDS.get(cell("set_type").strip().lower())
    if kind is None:
        raise v.BadValue(f"set_type '{cell('set_type').strip()}' is not normal, warmup, "
                         "dropset or failure")
    order = v.number(cell("set_index"), "set_index")
    if order is not None and not order.is_integer():
        raise v.BadValue(f"set_index '{cell('set_index').strip()}' is not a whole number")
    if cell("weight_kg").strip():
        load = v.load_kg(cell("weight_kg"), "weight_kg", "kg")
    else:
        load = v.load_kg(cell("weight_lbs"), "weight_lbs", "lb")
    reps = v.reps(cell("reps"), "reps")
    rir = v.rpe_to_rir(cell("rpe"), "rpe")
    if cell("distance_km").strip():
        distance, distance_column, distance_unit = cell("distance_km"), "distance_km", "km"
    else:
        distance, distance_column, distance_unit = cell("distance_miles"), "distance_miles", "mi"
    timed = _timed(cell("duration_seconds"), "duration_seconds", distance, distance_column,
                   distance_unit)
    made = _set(reps, load, rir, kind, timed)
    return RawRow(number, workout, when, exercise, made, int(order or 0),
                  "" if made is not None else _NO_REPS, note=v.note(cell("exercise_notes")),
                  workout_note=v.note(cell("description")))


def _timed(
    seconds: str, seconds_column: str, distance: str, distance_column: str, unit: str
) -> tuple[float | None, float | None]:
    return (v.seconds(seconds, seconds_column),
            v.meters(distance, distance_column, unit))


def _set(
    reps: int | None, load: float | None, rir: float | None, kind: str,
    timed: tuple[float | None, float | None] = (None, None),
) -> SetRecord | None:
    """A set from another app: RPE already turned into RIR; failure means RIR 0.

    Without reps, seconds or a distance make it a timed set; with none, it is no set.
    """
    if reps is None:
        seconds, meters = timed
        if seconds is None and meters is None:
            return None
        return SetRecord(reps=None, load_kg=load, seconds=seconds, meters=meters,
                         warmup=kind == "warmup")
    if kind == "dropset":
        return SetRecord(reps=reps, load_kg=load, rir=0.0, failure=True, technique="dropset")
    if kind == "failure" or rir == 0.0:
        return SetRecord(reps=reps, load_kg=load, rir=0.0, failure=True)
    return SetRecord(reps=reps, load_kg=load, rir=rir, warmup=kind == "warmup")


# ------------------------------------------------------------------ own format
def own_row(number: int, cell: Cells, ctx: RowContext) -> RawRow:
    when = _own_when(cell, ctx)
    exercise = v.name(as_written(cell("exercise")), "exercise")
    key = as_written(cell("exercise_key")).strip()
    if not key:
        raise v.BadValue("exercise_key is empty")
    custom = v.flag(cell("custom"), "custom")
    if custom and not own_key(key):
        raise v.BadValue(f"exercise_key '{guard.one_line(key)[:40]}' is not a key /export "
                         "writes (lower-case words joined by -)")
    tier_text = cell("tier").strip().upper()
    if tier_text and tier_text not in TIERS:
        raise v.BadValue(f"tier '{cell('tier').strip()}' is not A, B, C or D")
    entry = cell("entry").strip()
    if not entry:
        raise v.BadValue("entry is empty")
    position = v.number(cell("set"), "set")
    base = RawRow(number, f"{entry}|{cell('performed_at').strip()}", when, exercise, None,
                  order=int(position or 0), key=key, tier=tier_text or None,
                  custom=custom, note=v.note(as_written(cell("note"))),
                  pr=v.flag(cell("pr"), "pr"))
    if position is None:
        return replace(base, skip_reason="an entry without sets")
    technique = cell("technique").strip().lower() or None
    if technique is not None and technique not in TECHNIQUES:
        raise v.BadValue(f"technique '{cell('technique').strip()}' is not one I know")
    record = SetRecord(
        reps=v.reps(cell("reps"), "reps"),
        load_kg=v.exact_kg(cell("load_kg"), "load_kg"),
        bodyweight=v.flag(cell("bodyweight"), "bodyweight"),
        rir=v.rir(cell("rir"), "rir"),
        rir_max=v.rir(cell("rir_max"), "rir_max"),
        failure=v.flag(cell("failure"), "failure"),
        technique=technique,
        warmup=v.flag(cell("warmup"), "warmup"),
        amrap=v.flag(cell("amrap"), "amrap"),
        reps_max=v.reps(cell("reps_max"), "reps_max"),
        seconds=v.seconds(cell("seconds"), "seconds"),
        meters=v.meters(cell("meters"), "meters", "m"),
        planned_max=v.flag(cell("planned_max"), "planned_max"),
    )
    return replace(base, set=record)


def own_key(key: str) -> bool:
    """A key the project writes for an exercise of the lifter's own: the slug of its
    name, within ``MAX_KEY`` characters (so never a path, a formula or a page of text)."""
    return len(key) <= limits.MAX_KEY and slugify(key) == key


def _own_when(cell: Cells, ctx: RowContext) -> v.When:
    at = v.iso_datetime(cell("performed_at"), "performed_at")
    when = v.local_time(at, ctx.zone, "performed_at", ctx.latest)
    day_text = cell("local_date").strip()
    if not day_text:
        return when
    try:
        day = datetime.fromisoformat(day_text).date()
    except ValueError:
        raise v.BadValue(f"local_date '{day_text}' is not a date like 2024-03-05") from None
    if abs((day - when.at.date()).days) > 1:
        # Every time zone lies within a day of UTC: such a pair cannot be one moment.
        raise v.BadValue(f"local_date '{day_text}' is more than a day from performed_at "
                         f"'{when.at:%Y-%m-%d %H:%M} UTC'")
    return v.When(when.at, day)
