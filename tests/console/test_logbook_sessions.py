"""Sessions in the console: /history with page: and days:, /undo and /undo EXERCISE,
/edit N TEXT, typed as a lifter types them."""

from __future__ import annotations

from bot.coach import Coach
from tests.console.test_logbook import console

WEEK = "".join(f"/log squat 5x5 @100kg rir2 {day} nov\n" for day in range(20, 26)) + (
    "/log bench 3x8 @80kg rir1\ncurl 3x10 rir1\n\n")


async def test_history_pages_and_filters_as_typed(coach: Coach) -> None:
    lines = await console(coach, WEEK + "/history\n")
    start = lines.index("Your sessions")
    shown = lines[start:]
    assert shown[1] == "  Thu 26 Nov · 18:00 · 2 exercises"
    assert shown[2] == "  1 bench press — 3 × 8 @ 80 kg, RIR 1"
    assert "  Older sessions: /history page:2" in shown
    assert "  (Page 1 of 2 · /edit N TEXT corrects entry N)" in shown
    older = await console(coach, "/history page:2\n")
    assert "  Sat 21 Nov · 18:00 · 1 exercise" in older
    assert not any("Older sessions" in line for line in older)
    squats = await console(coach, "/history squat days:3\n")
    assert squats[0] == "Your sessions with back squat, last 3 days"
    assert [line for line in squats if "Nov ·" in line] == [
        "  Wed 25 Nov · 18:00 · 1 exercise", "  Tue 24 Nov · 18:00 · 1 exercise"]
    bad = await console(coach, "/history page:zero\n")
    assert bad[0].startswith("✗") and any("Example: /history" in line for line in bad)


async def test_undo_takes_the_whole_last_log_or_one_exercise_of_it(coach: Coach) -> None:
    await console(coach, "/log deadlift 1x5 @180kg rir2\n/log squat 5x5 @100kg rir2; "
                         "curl 3x10 rir1; bench 3x8 @80kg rir1\n")
    lines = await console(coach, "/undo curl\n")
    assert lines == ["✓ Removed", "  dumbbell curl — 3 × 10, RIR 1"]
    lines = await console(coach, "/undo\n")
    assert lines[0] == "✓ Removed" and len(lines) == 3  # squat and bench: the rest of it
    left = await coach.storage.history("me", None, 10)
    assert [e.exercise.name for e in left] == ["deadlift"]
    lines = await console(coach, "/undo squat\n")
    assert lines[0] == "✗ Nothing to undo" and "It holds deadlift." in lines[2]


async def test_edit_corrects_the_entry_history_numbers(coach: Coach) -> None:
    await console(coach, "/log squat 5x5 @100kg rir2 yesterday\n/log bench 3x8 @80kg rir1\n")
    [bench, squat] = await coach.storage.history("me", None, 10)
    lines = await console(coach, "/history\n")
    assert "  2 back squat — 5 × 5 @ 100 kg, RIR 2" in lines
    lines = await console(coach, "/edit 2 squat 5x5 @105kg rir1\n")
    assert lines[0] == "✓ Corrected back squat"
    assert lines[1:3] == ["  Was: back squat — 5 × 5 @ 100 kg, RIR 2",
                          "  Now: back squat — 5 × 5 @ 105 kg, RIR 1"]
    [bench_after, squat_after] = await coach.storage.history("me", None, 10)
    assert bench_after == bench
    assert (squat_after.entry_id, squat_after.local_date, squat_after.session_id) == (
        squat.entry_id, squat.local_date, squat.session_id)
    assert squat_after.sets[0].load_kg == 105.0
    lines = await console(coach, "/edit 2\n")
    assert lines[0] == "✗ Nothing changed"
    assert lines[-1] == "  Example: /edit 2 back squat 105kg x 5 x 5 rir1"
