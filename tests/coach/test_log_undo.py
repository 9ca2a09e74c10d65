"""/undo through the coach, on both engines: the last log as a whole, one exercise of
it, the pick for an edge that can ask, never another lifter's entries."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.coach import Coach
from tests.data_samples import sample_workouts, strong_comma
from tests.helpers import FakeClock


async def names(coach: Coach, user: str = "u1") -> list[str]:
    entries = await coach.storage.entries_since(user, datetime(2000, 1, 1, tzinfo=UTC))
    return sorted(e.exercise.name for e in entries)


async def test_undo_removes_the_whole_last_log_then_the_one_before(
    coach: Coach, clock: FakeClock
) -> None:
    await coach.logbook.log("u1", "g", "deadlift 1x5 @180kg rir2")
    clock.advance(minutes=20)
    await coach.logbook.log("u1", "g", "squat 5x5 @100kg rir2\nbench 3x8 @80kg rir1")
    removed = await coach.logbook.undo("u1")
    assert removed.title == "Removed" and removed.saved and removed.private
    assert [line.split(" — ")[0] for line in removed.lines] == ["back squat", "bench press"]
    assert await names(coach) == ["deadlift"]
    assert (await coach.logbook.undo("u1")).lines[0].startswith("deadlift")
    nothing = await coach.logbook.undo("u1")
    assert nothing.is_error and "nothing logged" in nothing.lines[0]


async def test_undo_of_an_exercise_takes_only_its_entries_of_the_last_log(
    coach: Coach,
) -> None:
    await coach.logbook.log("u1", "g", "curl 3x10 rir1")
    await coach.logbook.log("u1", "g", "squat 5x5 @100kg rir2; curl 3x12 f; bench 3x8 rir1")
    removed = await coach.logbook.undo("u1", "curl")
    assert removed.lines == ("dumbbell curl — 3 × 12, to failure",)
    assert await names(coach) == ["back squat", "bench press", "dumbbell curl"]
    missing = await coach.logbook.undo("u1", "deadlift")
    assert missing.is_error and missing.lines[0] == "Your last log has no deadlift."
    assert "back squat, bench press" in missing.lines[1]
    assert len(await names(coach)) == 3


async def test_an_edge_that_can_ask_gets_the_entries_to_pick_from(coach: Coach) -> None:
    one = await coach.logbook.log("u1", "g", "squat 5x5 @100kg rir2")
    several = await coach.logbook.log("u1", "g", "bench 3x8 @80kg rir1; curl 3x10 f")
    asked = await coach.logbook.undo_choice("u1")
    assert asked.title == "Undo which?" and not asked.saved and asked.private
    assert [p.entry_id for p in asked.picks] == list(several.entry_ids)
    assert [p.label.split(" — ")[0] for p in asked.picks] == ["bench press", "dumbbell curl"]
    assert len(await names(coach)) == 3  # nothing removed by asking
    picked = await coach.logbook.undo_entries("u1", (asked.picks[1].entry_id,))
    assert picked.lines == ("dumbbell curl — 3 × 10, to failure",)
    # The last log now holds one entry: it goes at once, without a question.
    gone = await coach.logbook.undo_choice("u1")
    assert gone.title == "Removed" and gone.picks == () and "bench press" in gone.lines[0]
    assert await names(coach) == ["back squat"] and one.entry_ids


async def test_undo_never_reaches_another_lifter_or_an_import(coach: Coach) -> None:
    theirs = await coach.logbook.log("u2", "g", "squat 5x5 @100kg rir2")
    refused = await coach.logbook.undo_entries("u1", theirs.entry_ids)
    assert refused.is_error and "not yours" in refused.lines[0]
    await coach.logbook.log("u1", "g", "bench 3x8 @80kg rir1")
    preview = await coach.data.import_preview("u1", "g", "strong.csv",
                                              strong_comma(sample_workouts(1)).encode())
    await coach.data.import_confirm("u1", preview.pending_id)
    # The import came later, but the last log is the last message of sets.
    assert (await coach.logbook.undo("u1")).lines == ("bench press — 3 × 8 @ 80 kg, RIR 1",)
    assert len(await names(coach, "u2")) == 1
    assert len(await names(coach)) == 12
