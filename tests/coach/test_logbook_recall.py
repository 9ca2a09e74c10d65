"""A log reads its recent weeks and what is kept of older history, and replies as if it
had read every entry: the same bests, next time and calibration as a log that works
them out from the whole history (which it does once when nothing is kept)."""

from __future__ import annotations

from datetime import timedelta

from bot.coach import Coach
from bot.coach.log_recall import WINDOW
from bot.storage.contract import LogContext, Logged
from tests.helpers import FakeClock

WEEKS = 30


async def long_history(coach: Coach, clock: FakeClock) -> None:
    """Thirty weeks of a lifter's squats and curls: early bests, guesses and tests."""
    start = clock.now
    clock.now = start - timedelta(weeks=WEEKS)
    for week in range(WEEKS):
        load = 140 if week == 2 else 100 + week % 5 * 2.5
        await coach.logbook.log("ana", "g", f"squat 5x5 @{load:g}kg rir2")
        clock.advance(days=2)
        await coach.logbook.log("ana", "g", "curl 3x10 @20kg rir2")
        clock.advance(days=2)
        await coach.logbook.log("ana", "g", "curl 1x13 @20kg f")
        clock.advance(days=3)
    clock.now = start


def spy(coach: Coach) -> list[LogContext]:
    """The context each log's plan ends with."""
    seen: list[LogContext] = []
    storage = coach.storage
    original = storage.log_entries

    async def log_entries(*args: object, **kwargs: object) -> Logged:
        logged = await original(*args, **kwargs)  # type: ignore[arg-type]
        seen.append(logged.context)
        return logged

    storage.log_entries = log_entries  # type: ignore[method-assign]
    return seen


async def forget_what_is_kept(coach: Coach) -> None:
    for table in ("lift_recalls", "calibration_pairs"):
        await coach.storage.driver.execute(f"DELETE FROM {table}")  # type: ignore[attr-defined]


async def test_a_log_reads_only_its_weeks_once_older_history_is_kept(
    coach: Coach, clock: FakeClock
) -> None:
    await long_history(coach, clock)
    seen = spy(coach)
    await coach.logbook.log("ana", "g", "squat 3x3 @130kg rir1")
    (context,) = seen
    assert context.older is None and not context.lifts  # nothing read whole
    assert context.history_from is not None
    assert context.history_from >= (clock.now - WINDOW).date() - timedelta(days=3)
    assert min(e.local_date for e in context.history) >= context.history_from


async def test_the_reply_from_kept_history_is_the_reply_from_every_entry(
    coach: Coach, clock: FakeClock
) -> None:
    await long_history(coach, clock)
    text = "squat 3x3 @142.5kg rir1; curl 1x14 @20kg f"
    kept = await coach.logbook.log("ana", "g", text)
    await coach.logbook.undo_entries("ana", kept.entry_ids)
    await forget_what_is_kept(coach)
    seen = spy(coach)
    whole = await coach.logbook.log("ana", "g", text)
    assert seen[0].older is not None and set(seen[0].lifts) == {"back-squat", "dumbbell-curl"}
    assert kept.lines == whole.lines
    assert any("New best: 142.5 kg × 3, the heaviest back squat" in line for line in kept.lines)
    assert any("140 kg × 5" in line for line in kept.lines)  # the best before, weeks ago


async def test_an_undo_an_import_or_an_edit_makes_the_next_log_read_that_lift_whole(
    coach: Coach, clock: FakeClock
) -> None:
    await long_history(coach, clock)
    logged = await coach.logbook.log("ana", "g", "curl 3x10 @22.5kg rir1")
    await coach.logbook.undo_entries("ana", logged.entry_ids)
    seen = spy(coach)
    again = await coach.logbook.log("ana", "g", "curl 3x10 @22.5kg rir1")
    assert set(seen[0].lifts) == {"dumbbell-curl"} and seen[0].older is None
    assert any("New best: 22.5 kg × 10" in line for line in again.lines)
    await coach.logbook.log("ana", "g", "curl 3x10 @20kg rir1")
    assert not seen[-1].lifts  # kept again by the log itself
