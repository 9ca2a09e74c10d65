"""Imports shaped like real Strong and Hevy exports (issue #14), on made-up workouts.

The 2016 Strong header, a comma file in pounds read into a kg profile, assisted lifts,
timed and distance sets, the apps' notes, names whose equipment matters, and the new
columns of the project's own export read back.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.catalogue.lookup import default_catalogue
from bot.domain.models import LB_TO_KG, Exercise, SetRecord, StoredEntry
from bot.domain.transfer.export import COLUMNS, entry_lines, header_line
from bot.domain.transfer.read import ImportedEntry, ImportResult, read_import
from bot.domain.transfer.units import looks_like_pounds
from tests.data_samples import (
    SampleExercise,
    SampleSet,
    Workout,
    hevy,
    sample_workouts,
    strong_2016,
    strong_comma,
    strong_semicolon,
)

NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)


def read(text: str, unit: str = "kg", *, unit_given: bool = False) -> ImportResult:
    result = read_import(text, fmt="auto", catalogue=default_catalogue(),
                         zone=ZoneInfo("Europe/Berlin"), unit=unit, latest=NOW,
                         unit_given=unit_given)
    assert isinstance(result, ImportResult), result
    return result


def workout(*exercises: SampleExercise, notes: str = "") -> list[Workout]:
    return [Workout(datetime(2026, 10, 5, 7, 30), "Morning", 45, exercises,  # noqa: DTZ001
                    notes=notes)]


def named(result: ImportResult, written: str) -> ImportedEntry:
    return next(e for e in result.entries if e.written_as == written)


# ------------------------------------------------------------------ Strong 2016
def test_the_2016_strong_header_with_its_kg_column_is_read() -> None:
    text = strong_2016(sample_workouts(1))
    assert text.startswith("Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,")
    result = read(text, unit="lb")  # the header says kg: the profile's lb does not apply
    assert result.format == "strong" and result.sets == 39
    bench = named(result, "Bench Press (Barbell)")
    assert [s.load_kg for s in bench.sets] == [40, 60, 80, 80, 80]
    assert "the file's weight column" in result.weights
    assert not result.pounds_hint


def test_the_2016_header_in_pounds_converts() -> None:
    result = read(strong_2016(workout(SampleExercise("Deadlift (Barbell)",
                                                     (SampleSet(315, 5),))), unit="lb"))
    assert result.entries[0].sets[0].load_kg == pytest.approx(315 * LB_TO_KG)


def test_planks_in_seconds_are_timed_sets() -> None:
    text = strong_2016(workout(SampleExercise("Plank", (SampleSet(0, 0, seconds=60),
                                                        SampleSet(0, 0, seconds=45)))))
    [plank] = read(text).entries
    assert plank.exercise.key == "plank"
    assert [(s.reps, s.seconds, s.load_kg) for s in plank.sets] == [(None, 60, None),
                                                                   (None, 45, None)]
    assert all(s.timed for s in plank.sets)


# ------------------------------------------------------------------ pounds or kilograms
def _pounds_program() -> list[Workout]:
    lb = [SampleExercise("Squat (Barbell)", tuple(SampleSet(w, 5) for w in (135, 185, 225, 225))),
          SampleExercise("Bench Press (Barbell)", tuple(SampleSet(w, 8) for w in (95, 135, 155))),
          SampleExercise("Bicep Curl (Dumbbell)", tuple(SampleSet(w, 10) for w in (25, 30, 35))),
          SampleExercise("Lat Pulldown (Cable)", tuple(SampleSet(w, 10) for w in (100, 110, 120)))]
    return [Workout(datetime(2026, 10, d, 18, 0), "Full body", 60, tuple(lb))  # noqa: DTZ001
            for d in (5, 7, 9)]


def test_a_comma_file_in_pounds_read_as_kg_is_flagged() -> None:
    text = strong_comma(_pounds_program())
    as_kg = read(text, unit="kg")
    assert as_kg.pounds_hint
    assert named(as_kg, "Squat (Barbell)").sets[-1].load_kg == 225  # read as the profile says
    as_lb = read(text, unit="lb", unit_given=True)  # the one step: unit:lb
    assert not as_lb.pounds_hint and "unit:lb" in as_lb.weights
    assert named(as_lb, "Squat (Barbell)").sets[-1].load_kg == pytest.approx(225 * LB_TO_KG)


def test_kilogram_files_and_files_that_say_their_unit_are_not_flagged() -> None:
    assert not read(strong_comma(sample_workouts(4)), unit="kg").pounds_hint
    assert not read(strong_semicolon(_pounds_program(), "lb"), unit="kg").pounds_hint
    assert not read(hevy(_pounds_program(), "lb"), unit="kg").pounds_hint


def test_the_shape_of_pound_loads() -> None:
    pounds = [45, 95, 135, 185, 225, 25, 30, 35, 40, 7.5, 12.5, 100, 110, 120] * 2
    kilos = [20, 40, 60, 80, 100, 12, 14, 16, 18, 22, 24, 26, 28, 32, 62.5, 11.25] * 2
    assert looks_like_pounds(pounds)
    assert not looks_like_pounds(kilos)
    assert not looks_like_pounds([45, 95, 135])  # too few to judge by


# ------------------------------------------------------------------ assistance
@pytest.mark.parametrize("write", [strong_comma, hevy], ids=["strong", "hevy"])
def test_assistance_is_bodyweight_minus_it_never_added_load(write: object) -> None:
    text = write(workout(  # type: ignore[operator]
        SampleExercise("Pull Up (Assisted)", (SampleSet(30, 8), SampleSet(20, 6))),
        SampleExercise("Chest Dip (Assisted)", (SampleSet(25, 10),)),
        SampleExercise("Pull Up (Weighted)", (SampleSet(10, 5),)),
    ))
    result = read(text)
    pull = named(result, "Pull Up (Assisted)")
    assert pull.exercise.key == "assisted-pull-up"
    assert [(s.bodyweight, s.load_kg) for s in pull.sets] == [(True, -30), (True, -20)]
    dip = named(result, "Chest Dip (Assisted)")
    assert dip.exercise.key == "assisted-dip" and dip.sets[0].load_kg == -25
    weighted = named(result, "Pull Up (Weighted)")
    assert weighted.exercise.key == "weighted-pull-up" and weighted.sets[0].load_kg == 10
    assert result.count("assisted") == 3


# ------------------------------------------------------------------ timed, distance, notes
def test_hevy_durations_and_distances_in_km_and_miles() -> None:
    sets = (SampleSet(0, 0, seconds=600, km=1.6), SampleSet(32, 0, km=0.04))
    for unit in ("kg", "lb"):
        result = read(hevy(workout(SampleExercise("Treadmill", sets[:1]),
                                   SampleExercise("Farmers Walk", sets[1:])), unit))
        run = named(result, "Treadmill").sets[0]
        assert run.seconds == 600 and run.meters == pytest.approx(1600, abs=0.5)
        carry = named(result, "Farmers Walk")
        assert carry.exercise.key == "farmers-carry"
        assert carry.sets[0].meters == pytest.approx(40, abs=0.5) and carry.sets[0].load_kg
        assert result.count("timed") == 2 and dict(result.skipped) == {}


@pytest.mark.parametrize("write", [strong_comma, strong_semicolon, hevy],
                         ids=["strong comma", "strong semicolon", "hevy"])
def test_notes_of_exercises_and_workouts_are_kept(write: object) -> None:
    text = write(workout(  # type: ignore[operator]
        SampleExercise("Squat (Barbell)", (SampleSet(100, 5), SampleSet(100, 5)),
                       note="belt from the second set"),
        SampleExercise("Bench Press (Barbell)", (SampleSet(80, 8),)),
        notes="slept badly",
    ))
    squat, bench = read(text).entries
    assert squat.note == "belt from the second set · Workout: slept badly"
    assert bench.note == ""  # the workout's notes go with its first entry only


# ------------------------------------------------------------------ names
def test_app_names_keep_their_equipment() -> None:
    names = ("Bicep Curl (Barbell)", "Squat (Machine)", "Single Arm Cable Curl",
             "Incline Bench Press (Smith Machine)", "Bench Press (Dumbbell)")
    text = hevy(workout(*(SampleExercise(n, (SampleSet(20, 10),)) for n in names)))
    result = read(text)
    assert named(result, "Bicep Curl (Barbell)").exercise.key == "barbell-curl"
    squat = named(result, "Squat (Machine)").exercise
    assert squat.custom and squat.key != "back-squat"  # kept as the lifter's own
    assert named(result, "Single Arm Cable Curl").exercise.key == "cable-curl"
    assert named(result, "Incline Bench Press (Smith Machine)").exercise.key == (
        "smith-machine-incline-press")
    assert named(result, "Bench Press (Dumbbell)").exercise.key == "dumbbell-bench-press"
    [machine_squat] = result.unmapped
    assert "back squat" not in machine_squat.suggestions
    assert "hack squat" in machine_squat.suggestions


def test_every_name_read_as_another_is_listed() -> None:
    names = [f"{lift} ({kit})" for lift in ("Bench Press", "Shoulder Press", "Lateral Raise")
             for kit in ("Dumbbell", "Machine", "Cable", "Barbell", "Smith Machine")]
    text = hevy(workout(*(SampleExercise(n, (SampleSet(20, 10),)) for n in names)))
    result = read(text)
    assert len(result.read_as) + len(result.unmapped) == len(names)  # none is left out
    assert len(result.read_as) > 10


# ------------------------------------------------------------------ own export, new columns
def test_the_own_export_carries_notes_and_the_new_set_fields_back() -> None:
    moment = datetime(2026, 11, 20, 17, 45, tzinfo=UTC)
    catalogue = default_catalogue()
    plank, curl = catalogue.get("plank"), catalogue.get("dumbbell-curl")
    pull = catalogue.get("assisted-pull-up")
    assert plank and curl and pull
    stored = [
        StoredEntry(1, plank, (SetRecord(reps=None, seconds=60.0),), moment, date(2026, 11, 20),
                    note="felt solid, 90s rest"),
        StoredEntry(2, curl, (SetRecord(reps=10, reps_max=12, load_kg=14.0),
                              SetRecord(reps=3, load_kg=20.0, planned_max=True)),
                    moment, date(2026, 11, 20), pr=True),
        StoredEntry(3, pull, (SetRecord(reps=8, load_kg=-30.0, bodyweight=True),),
                    moment, date(2026, 11, 20)),
        StoredEntry(4, Exercise("sled-push", "sled push", None, custom=True),
                    (SetRecord(reps=None, load_kg=80.0, meters=25.0),), moment,
                    date(2026, 11, 20), note="turf"),
    ]
    text = header_line() + entry_lines(stored)
    assert {"note", "seconds", "meters", "reps_max", "planned_max", "pr"} <= set(COLUMNS)
    result = read(text)
    assert [e.sets for e in result.entries] == [s.sets for s in stored]
    assert [e.note for e in result.entries] == ["felt solid, 90s rest", "", "", "turf"]
    assert [e.pr for e in result.entries] == [False, True, False, False]


def test_an_export_written_before_the_new_columns_still_reads() -> None:
    old = ("entry,performed_at,local_date,exercise,exercise_key,tier,custom,set,reps,load_kg,"
           "bodyweight,rir,rir_max,failure,technique,warmup,amrap\n"
           "1,2026-11-20T17:45:00+00:00,2026-11-20,back squat,back-squat,A,0,1,5,100,0,2,,0,"
           ",0,0\n")
    [squat] = read(old).entries
    assert squat.sets == (SetRecord(reps=5, load_kg=100, rir=2),) and squat.note == ""
