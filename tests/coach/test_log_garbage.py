"""A log frees what it read as soon as it is answered: nothing it leaves behind waits for
Python's cyclic collector, whose full passes over a busy process stall every lifter's
reply for tens of milliseconds."""

from __future__ import annotations

import gc

from bot.coach import Coach

LOGS = (
    "squat 5x5 @100kg rir2",
    "bench 3x8 @80kg rir1; leg extension 3x12 f",
    "lateral raise 4x15 rir1\ncurl 3x10 f",
    "squat 3x5 @105kg rir1",
)


async def test_logs_leave_no_reference_cycles(coach: Coach) -> None:
    for text in LOGS:  # first logs: caches, statements and pools settle
        assert (await coach.logbook.log("u0", "g1", text)).saved
    gc.collect()
    gc.disable()
    try:
        for n in range(3):
            for text in LOGS:
                reply = await coach.logbook.log(f"u{n + 1}", "g1", text)
                assert reply.saved, reply
        assert gc.collect() == 0
    finally:
        gc.enable()
