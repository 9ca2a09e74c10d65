"""Reading Strong, Hevy and liftcoach files: sets, units, effort, dates, names."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.catalogue.lookup import default_catalogue
from bot.domain.models import LB_TO_KG, Exercise, SetRecord, StoredEntry
from bot.domain.transfer.export import COLUMNS, entry_lines, header_line
from bot.domain.transfer.names import parse_mapping
from bot.domain.transfer.read import ImportedEntry, ImportProblem, ImportResult, read_import
from tests.data_samples import (
    SampleExercise,
    SampleSet,
    Workout,
    drop_column,
    hevy,
    replace_cell,
    sample_workouts,
    strong_comma,
    strong_semicolon,
)

Writer = Callable[[list[Workout]], str]
BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)


def read(text: str, fmt: str = "auto", unit: str = "kg", zone: ZoneInfo = BERLIN,
         mapping: dict[str, str] | None = None) -> ImportResult:
    result = read_import(text, fmt=fmt, catalogue=default_catalogue(), zone=zone, unit=unit,
                         latest=NOW, mapping=mapping)
    assert isinstance(result, ImportResult), result
    return result


def entry(result: ImportResult, name: str, nth: int = 0) -> ImportedEntry:
    return [e for e in result.entries if e.exercise.name == name][nth]


def one_workout(*exercises: SampleExercise) -> list[Workout]:
    return [Workout(datetime(2026, 10, 5, 7, 30), "Morning", 45, exercises)]  # noqa: DTZ001


ALL_FORMATS: dict[str, Writer] = {
    "strong comma": lambda w: strong_comma(w),
    "strong semicolon": lambda w: strong_semicolon(w),
    "strong semicolon, decimal commas": lambda w: strong_semicolon(w, decimal_comma=True),
    "hevy": lambda w: hevy(w),
    "hevy, padded day": lambda w: hevy(w, date_style="padded"),
    "hevy, ISO dates": lambda w: hevy(w, date_style="iso"),
}


@pytest.mark.parametrize("write", ALL_FORMATS.values(), ids=ALL_FORMATS.keys())
def test_every_format_gives_the_same_program(write: Writer) -> None:
    result = read(write(sample_workouts()))
    # 2 weeks x 3 days; one entry per exercise per workout; the treadmill is a timed set.
    assert result.workouts == 6
    assert len(result.entries) == 24
    assert result.sets == 78
    assert result.first_date == date(2026, 9, 7) and result.last_date == date(2026, 9, 18)
    assert dict(result.skipped) == {}
    treadmill = entry(result, "treadmill")
    assert treadmill.sets == (SetRecord(reps=None, seconds=600, meters=1600),)
    bench = entry(result, "bench press")
    assert [s.load_kg for s in bench.sets] == [40, 60, 80, 80, 80]
    assert [s.warmup for s in bench.sets] == [True, True, False, False, False]
    assert [s.reps for s in bench.sets] == [10, 5, 8, 8, 8]
    assert bench.exercise.tier == "B" and bench.written_as == "Bench Press (Barbell)"
    # Berlin is UTC+2 in September: 18:02 local is 16:02 UTC, on the same local day.
    assert bench.performed_at.hour == 16 and bench.performed_at.tzinfo is not None
    assert bench.local_date == date(2026, 9, 7)


@pytest.mark.parametrize("fmt", ["strong", "hevy"])
def test_rpe_becomes_rir_and_rpe_10_is_failure(fmt: str) -> None:
    sets = (SampleSet(100, 5, rpe=8), SampleSet(100, 5, rpe=8.5), SampleSet(100, 4, rpe=10),
            SampleSet(100, 5))
    text = (strong_comma if fmt == "strong" else hevy)(one_workout(
        SampleExercise("Squat (Barbell)", sets)))
    [squat] = read(text).entries
    assert [s.rir for s in squat.sets] == [2.0, 1.5, 0.0, None]
    assert [s.failure for s in squat.sets] == [False, False, True, False]


@pytest.mark.parametrize("fmt", ["strong", "hevy"])
def test_warmup_dropset_and_failure_sets_map_to_set_fields(fmt: str) -> None:
    sets = (SampleSet(20, 12, "warmup"), SampleSet(40, 10, rpe=9),
            SampleSet(40, 9, "failure"), SampleSet(30, 8, "dropset"))
    text = (strong_comma if fmt == "strong" else hevy)(one_workout(
        SampleExercise("Leg Extension (Machine)", sets)))
    [ext] = read(text).entries
    warm, normal, failed, drop = ext.sets
    assert warm == SetRecord(reps=12, load_kg=20, warmup=True)
    assert normal == SetRecord(reps=10, load_kg=40, rir=1.0)
    assert failed == SetRecord(reps=9, load_kg=40, rir=0.0, failure=True)
    assert drop == SetRecord(reps=8, load_kg=30, rir=0.0, failure=True, technique="dropset")
    assert ext.exercise.name == "leg extension" and ext.exercise.tier == "D"


def test_strong_comma_weights_are_in_the_lifters_unit() -> None:
    text = strong_comma(one_workout(SampleExercise("Deadlift (Barbell)", (SampleSet(315, 5),))))
    [as_kg] = read(text, unit="kg").entries
    [as_lb] = read(text, unit="lb").entries
    assert as_kg.sets[0].load_kg == 315
    assert as_lb.sets[0].load_kg == pytest.approx(315 * LB_TO_KG)  # 142.88 kg
    assert "profile unit" in read(text, unit="lb").weights


@pytest.mark.parametrize("write", [
    lambda w: strong_semicolon(w, "lb"), lambda w: hevy(w, "lb"),
], ids=["strong semicolon lbs", "hevy weight_lbs"])
def test_pounds_in_the_file_are_converted_to_kg(write: Writer) -> None:
    text = write(one_workout(SampleExercise("Bench Press (Barbell)", (SampleSet(225, 5),))))
    [bench] = read(text, unit="kg").entries  # the file's unit wins over the profile's
    assert bench.sets[0].load_kg == pytest.approx(102.058, abs=0.001)


def test_semicolon_rows_may_mix_units() -> None:
    workout = one_workout(SampleExercise("Bench Press (Barbell)", (SampleSet(100, 5),)))
    kg_text = strong_semicolon(workout, "kg")
    lb_row = strong_semicolon(workout, "lb").splitlines()[1]
    [bench] = read(kg_text + lb_row + "\n").entries
    assert [round(s.load_kg or 0, 2) for s in bench.sets] == [100, 45.36]


def test_bodyweight_lifts_without_load_are_marked_bodyweight() -> None:
    text = hevy(one_workout(SampleExercise("Pull Up", (SampleSet(0, 8), SampleSet(10, 6)))))
    [pull] = read(text).entries
    assert pull.sets[0].bodyweight and pull.sets[0].load_kg is None
    assert not pull.sets[1].bodyweight and pull.sets[1].load_kg == 10


def test_hevy_dates_in_both_styles_and_iso_give_the_same_moment() -> None:
    workout = one_workout(SampleExercise("Squat (Barbell)", (SampleSet(100, 5),)))
    short, padded = read(hevy(workout)), read(hevy(workout, date_style="padded"))
    iso = read(hevy(workout, date_style="iso"))
    assert "5 Oct 2026, 07:30" in hevy(workout) and "05 Oct 2026, 07:30" in hevy(
        workout, date_style="padded")
    moments = {r.entries[0].performed_at for r in (short, padded, iso)}
    assert moments == {datetime(2026, 10, 5, 5, 30, tzinfo=UTC)}


def test_hevy_times_with_a_zone_keep_it() -> None:
    text = hevy(one_workout(SampleExercise("Squat (Barbell)", (SampleSet(100, 5),))))
    text = text.replace("5 Oct 2026, 07:30", "2026-10-04T23:30:00Z")
    [squat] = read(text, zone=BERLIN).entries
    assert squat.performed_at == datetime(2026, 10, 4, 23, 30, tzinfo=UTC)
    assert squat.local_date == date(2026, 10, 5)  # already Monday in Berlin


def test_strong_rest_timer_rows_are_left_out() -> None:
    text = strong_comma(one_workout(SampleExercise("Squat (Barbell)", (SampleSet(100, 5),))))
    text += "2026-10-05 07:30:00,Morning,45m,Squat (Barbell),Rest Timer,0,0,0,120,,,\n"
    result = read(text)
    assert result.sets == 1 and dict(result.skipped) == {"rest timer or note": 1}


def test_naive_times_are_read_in_the_lifters_zone() -> None:
    workout = [Workout(datetime(2026, 10, 5, 23, 30), "Late", 30, (  # noqa: DTZ001
        SampleExercise("Squat (Barbell)", (SampleSet(100, 5),)),))]
    [tokyo] = read(strong_comma(workout), zone=ZoneInfo("Asia/Tokyo")).entries
    [utc] = read(strong_comma(workout), zone=ZoneInfo("UTC")).entries
    assert tokyo.performed_at == datetime(2026, 10, 5, 14, 30, tzinfo=UTC)
    assert utc.performed_at == datetime(2026, 10, 5, 23, 30, tzinfo=UTC)
    assert tokyo.local_date == utc.local_date == date(2026, 10, 5)


def test_unknown_names_are_listed_and_kept_as_the_lifters_own() -> None:
    result = read(strong_comma(sample_workouts()))
    unknown, treadmill = result.unmapped  # most sets first
    assert treadmill.name == "Treadmill" and treadmill.sets == 2
    assert unknown.name == "Converging Chest Press (Hammer Strength)"
    assert unknown.sets == 4  # 2 sets, in each of 2 weeks
    assert "machine chest press" in unknown.suggestions
    own = entry(result, "converging chest press (hammer strength)")
    assert own.exercise.custom and own.exercise.tier is None
    assert ("Squat (Barbell)", "back squat") in result.read_as


def test_a_mapping_reads_a_name_as_a_catalogue_lift() -> None:
    mapping = parse_mapping("Converging Chest Press (Hammer Strength) = machine chest press")
    result = read(strong_comma(sample_workouts()), mapping=mapping)
    assert [u.name for u in result.unmapped] == ["Treadmill"]
    assert entry(result, "machine chest press").exercise.tier == "C"


def test_exercise_repeated_in_a_workout_is_one_entry_with_sets_in_order() -> None:
    text = hevy(one_workout(
        SampleExercise("Bench Press (Barbell)", (SampleSet(80, 8),)),
        SampleExercise("Pull Up", (SampleSet(0, 8),)),
        SampleExercise("Bench Press (Barbell)", (SampleSet(70, 10),)),
    ))
    result = read(text)
    assert [e.exercise.name for e in result.entries] == ["bench press", "pull-up"]
    assert [s.load_kg for s in result.entries[0].sets] == [80, 70]


def test_the_projects_own_export_reads_back_exactly() -> None:
    moment = datetime(2026, 11, 20, 17, 45, 12, 123456, tzinfo=UTC)
    sandbag = Exercise("sandbag-over-bar", "sandbag over bar", "A", custom=True)
    stored = [
        StoredEntry(7, default_catalogue().lookup("bench").exercise or sandbag, (
            SetRecord(reps=5, load_kg=225 * LB_TO_KG, rir=2.0, rir_max=3.0),
            SetRecord(reps=8, load_kg=None, bodyweight=True, rir=0.0, failure=True,
                      technique="rest-pause", amrap=True),
            SetRecord(reps=10, load_kg=40, warmup=True),
        ), moment, date(2026, 11, 21)),
        StoredEntry(9, sandbag, (SetRecord(reps=3, load_kg=100),), moment, date(2026, 11, 21)),
    ]
    result = read(header_line() + entry_lines(stored))
    assert result.format == "liftcoach"
    assert [e.sets for e in result.entries] == [s.sets for s in stored]
    assert [e.exercise.key for e in result.entries] == ["bench-press", "sandbag-over-bar"]
    assert result.entries[1].exercise == Exercise("sandbag-over-bar", "sandbag over bar", "A",
                                                  custom=True)
    assert all(e.performed_at == moment and e.local_date == date(2026, 11, 21)
               for e in result.entries)
    assert result.unmapped == ()
    assert header_line().strip() == ",".join(COLUMNS)


# ------------------------------------------------------------------ bad files
def problem(text: str, fmt: str = "auto") -> ImportProblem:
    result = read_import(text, fmt=fmt, catalogue=default_catalogue(), zone=BERLIN,
                         unit="kg", latest=NOW)
    assert isinstance(result, ImportProblem), result
    assert result.hint and result.example
    return result


def test_empty_and_header_only_files_are_refused() -> None:
    assert "empty" in problem("").error
    assert "empty" in problem("\n \n").error
    header_only = strong_comma([])
    assert "no rows" in problem(header_only).error


def test_text_that_is_not_csv_is_refused() -> None:
    assert "not a CSV" in problem("\x00\x01\x02PK binary junk \x00" * 20).error
    assert "not a CSV" in problem("Just some notes about my training\nnothing else\n").error


def test_unknown_format_names_the_expected_headers() -> None:
    bad = problem("name,age,city\nAda,36,London\n")
    assert "not a Strong, Hevy or liftcoach export" in bad.error
    assert "Exercise Name" in bad.hint and "exercise_title" in bad.hint


def test_a_format_chosen_by_hand_must_match_the_file() -> None:
    bad = problem(hevy(sample_workouts(1)), fmt="strong")
    assert "looks like a Hevy export" in bad.error and "format:hevy" in bad.example
    assert "not a format" in problem(hevy(sample_workouts(1)), fmt="fitbod").error
    assert isinstance(read(hevy(sample_workouts(1)), fmt="hevy"), ImportResult)


@pytest.mark.parametrize(("text", "gone"), [
    (lambda: _without(strong_comma(sample_workouts(1)), "Set Order"), "set order"),
    (lambda: _without(strong_comma(sample_workouts(1)), "Reps"), "reps"),
    (lambda: _without(hevy(sample_workouts(1)), "weight_kg"), "weight_kg or weight_lbs"),
    (lambda: _without(hevy(sample_workouts(1)), "start_time"), "start_time"),
    (lambda: _without(header_line() + "1,2026-01-01T00:00:00+00:00,2026-01-01,squat,"
                      "back-squat,A,0,1,5,100,0,,,0,,0,0\n", "exercise_key"), "exercise_key"),
], ids=["strong set order", "strong reps", "hevy weight", "hevy start", "own key"])
def test_missing_columns_are_named(text: Callable[[], str], gone: str) -> None:
    bad = problem(text())
    assert "lacks the column" in bad.error and gone in bad.error


def _without(text: str, column: str) -> str:
    return drop_column(text, column)


@pytest.mark.parametrize(("column", "value", "says"), [
    ("Date", "2026-13-45 10:00:00", "Date '2026-13-45 10:00:00'"),
    ("Date", "yesterday", "Date 'yesterday'"),
    ("Date", "2031-01-01 10:00:00", "in the future"),
    ("Weight", "heavy", "Weight 'heavy' is not a number"),
    ("Weight", "-20", "Weight '-20'"),
    ("Reps", "5.5", "whole number"),
    ("Reps", "five", "Reps 'five' is not a number"),
    ("RPE", "11", "outside the RPE scale"),
    ("Set Order", "X", "Set Order 'X'"),
])
def test_bad_cells_are_refused_with_their_row(column: str, value: str, says: str) -> None:
    text = replace_cell(strong_comma(sample_workouts(1)), 7, column, value)
    bad = problem(text)
    assert "row 7:" in bad.error and says in bad.error
    assert "header being row 1" in bad.hint


def test_bad_hevy_date_and_set_type_name_their_rows() -> None:
    text = replace_cell(hevy(sample_workouts(1)), 4, "start_time", "31 Foo 2026, 10:00")
    text = replace_cell(text, 9, "set_type", "superset")
    bad = problem(text)
    assert "row 4: start_time '31 Foo 2026, 10:00'" in bad.error
    assert "row 9: set_type 'superset'" in bad.error


def test_an_own_export_row_whose_date_is_not_its_moment_is_refused() -> None:
    moment = datetime(2026, 11, 20, 17, 45, tzinfo=UTC)
    squat = default_catalogue().lookup("squat").exercise
    assert squat is not None
    near = StoredEntry(1, squat, (SetRecord(reps=5, load_kg=100),), moment, date(2026, 11, 21))
    far = StoredEntry(2, squat, (SetRecord(reps=5, load_kg=100),), moment, date(2026, 11, 23))
    assert read(header_line() + entry_lines([near])).entries[0].local_date == date(2026, 11, 21)
    bad = problem(header_line() + entry_lines([far]))
    assert "row 2: local_date '2026-11-23' is more than a day from performed_at" in bad.error


def test_many_bad_rows_are_summarised() -> None:
    text = strong_comma(sample_workouts(1))
    for row in range(2, 12):
        text = replace_cell(text, row, "Reps", "lots")
    bad = problem(text)
    assert "row 2:" in bad.error and "row 4:" in bad.error and "row 5:" not in bad.error
    assert "and 7 more rows" in bad.error


def test_a_quoted_note_with_a_line_break_does_not_shift_row_numbers() -> None:
    text = replace_cell(strong_comma(sample_workouts(1)), 3, "Notes", "felt heavy,\nslow bar")
    assert read(text).sets == 39
    bad = problem(replace_cell(text, 5, "Reps", "many"))
    assert "row 5:" in bad.error


# ------------------------------------------------------------------ the limits of /log
def _own_file(*sets: SetRecord) -> str:
    squat = default_catalogue().lookup("squat").exercise
    assert squat is not None
    moment = datetime(2026, 11, 20, 17, 45, tzinfo=UTC)
    return header_line() + entry_lines([StoredEntry(1, squat, sets, moment, date(2026, 11, 20))])


@pytest.mark.parametrize(("column", "value", "says"), [
    ("load_kg", "1000.5", "load_kg '1000.5' kg is heavier than I can log (at most 1000 kg)"),
    ("rir", "11", "rir '11' is more reps in reserve than I can use (at most 10)"),
    ("rir_max", "12", "rir_max '12' is more reps in reserve"),
    ("reps", "101", "reps '101' is more reps than I can log in one set (1 to 100)"),
    ("reps", "5.5", "reps '5.5' is not a whole number of reps"),
])
def test_own_format_rows_are_held_to_the_log_limits(column: str, value: str, says: str) -> None:
    text = _own_file(SetRecord(reps=5, load_kg=100.0), SetRecord(reps=5, load_kg=100.0, rir=2))
    bad = problem(replace_cell(text, 3, column, value))
    assert f"row 3: {says}" in bad.error
    # At the limits themselves the row reads.
    edge = {"load_kg": "1000", "rir": "10", "rir_max": "10", "reps": "100"}.get(column)
    if edge is not None:
        assert read(replace_cell(text, 3, column, edge)).sets == 2


@pytest.mark.parametrize(("column", "value", "says"), [
    ("Weight", "1001", "Weight '1001' kg is heavier than I can log (at most 1000 kg)"),
    ("Reps", "101", "Reps '101' is more reps than I can log in one set (1 to 100)"),
    ("RPE", "0.5", "RPE '0.5' is outside the RPE scale of 1 to 10"),
])
def test_other_formats_use_the_same_limits(column: str, value: str, says: str) -> None:
    bad = problem(replace_cell(strong_comma(sample_workouts(1)), 7, column, value))
    assert f"row 7: {says}" in bad.error


def test_an_entry_may_hold_as_many_sets_as_a_log_line() -> None:
    twenty = _own_file(*(SetRecord(reps=5, load_kg=100.0) for _ in range(20)))
    assert read(twenty).sets == 20
    text = hevy(one_workout(SampleExercise("Bench Press (Barbell)",
                                           tuple(SampleSet(60, 10) for _ in range(21)))))
    bad = problem(text)
    assert "row 22: Bench Press (Barbell) has more than 20 sets in one workout" in bad.error
