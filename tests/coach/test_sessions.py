"""Sessions as a lifter makes them: logs through the day and imported workouts are
grouped by one rule (bot.domain.sessions), on both engines."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.coach import Coach
from bot.domain.models import StoredEntry
from tests.data_samples import SampleExercise, SampleSet, Workout, strong_comma
from tests.helpers import FakeClock


async def stored(coach: Coach, user: str = "u1") -> dict[str, StoredEntry]:
    """The lifter's entries by exercise name (each name logged once in these tests)."""
    entries = await coach.storage.entries_since(user, datetime(2000, 1, 1, tzinfo=UTC))
    return {e.exercise.name: e for e in entries}


async def test_logs_through_a_visit_are_one_session_and_a_later_one_another(
    coach: Coach, clock: FakeClock
) -> None:
    await coach.logbook.log("u1", "g", "squat 5x5 @100kg rir2\nbench 3x8 @80kg rir1")
    clock.advance(hours=1, minutes=30)
    await coach.logbook.log("u1", "g", "barbell row 3x10 @60kg rir2")
    clock.advance(hours=2, minutes=50)  # under three hours after the row
    await coach.logbook.log("u1", "g", "leg curl 3x12 f")
    clock.advance(hours=3, minutes=1)  # over three hours after the curls
    await coach.logbook.log("u1", "g", "plank 3x60s")
    await coach.logbook.log("someone", "g", "deadlift 1x5 @180kg rir2")  # at the same moment
    got = await stored(coach)
    first = got["back squat"]
    assert first.log_id == got["bench press"].log_id != got["barbell row"].log_id
    assert {got[n].session_id for n in ("back squat", "bench press", "barbell row",
                                        "leg curl")} == {first.session_id}
    assert got["plank"].session_id != first.session_id
    theirs = (await stored(coach, "someone"))["deadlift"]
    assert theirs.session_id not in {e.session_id for e in got.values()}


async def test_a_backdated_line_is_a_session_on_its_own_day(
    coach: Coach, clock: FakeClock
) -> None:
    await coach.logbook.log("u1", "g", "squat 5x5 @100kg rir2 yesterday")
    await coach.logbook.log("u1", "g", "bench 3x8 @80kg rir1 yesterday")  # joins it
    await coach.logbook.log("u1", "g", "tue\ncurl 3x10 rir1\nwed\ncalf raise 3x15 rir1")
    got = await stored(coach)
    yesterday = got["back squat"].session_id
    assert got["bench press"].session_id == yesterday
    assert got["standing calf raise"].session_id == yesterday  # the dated line of a message
    assert got["dumbbell curl"].session_id != yesterday  # the same message, another day
    assert got["dumbbell curl"].log_id == got["standing calf raise"].log_id


async def test_imported_workouts_become_sessions_by_the_same_rule(coach: Coach) -> None:
    start = datetime(2026, 9, 7, 18, 0)  # noqa: DTZ001  (wall-clock time, as apps write it)

    def workout(at: datetime, name: str, lift: str) -> Workout:
        return Workout(at, name, 40, (SampleExercise(lift, (SampleSet(60, 8, rpe=8),)),
                                      SampleExercise(f"{lift} 2", (SampleSet(20, 12, rpe=9),))))

    file = strong_comma([
        workout(start, "Push", "Bench Press (Barbell)"),
        workout(start + timedelta(hours=2), "Arms", "Bicep Curl (Dumbbell)"),
        workout(start + timedelta(days=2), "Legs", "Squat (Barbell)"),
    ])
    preview = await coach.data.import_preview("u1", "g", "strong.csv", file.encode())
    assert preview.pending_id is not None
    assert (await coach.data.import_confirm("u1", preview.pending_id)).saved
    entries = await coach.storage.entries_since("u1", datetime(2000, 1, 1, tzinfo=UTC))
    sessions = [{e.session_id for e in entries if e.performed_at == at}
                for at in sorted({e.performed_at for e in entries})]
    assert [len(s) for s in sessions] == [1, 1, 1]  # a workout's entries share a session
    push, arms, legs = (s.pop() for s in sessions)
    assert push == arms != legs  # two hours apart on one day; another day
