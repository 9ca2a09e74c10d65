"""/deload and /profile increment: stored (migration 011) and read where they matter."""

from __future__ import annotations

from bot.coach import Coach
from tests.helpers import FakeClock


async def test_deload_on_off_and_errors(coach: Coach, clock: FakeClock) -> None:
    off = await coach.profile.deload("ann", "off")
    assert off.title == "No deload on" and not off.saved
    bad = await coach.profile.deload("ann", "maybe")
    assert bad.is_error and "/deload on" in bad.lines[1]
    too_long = await coach.profile.deload("ann", "on", "9")
    assert too_long.is_error
    on = await coach.profile.deload("ann", "on", "2")
    assert on.saved and on.title == "Deload on until Wed 9 Dec"
    shown = dict((await coach.profile.set("ann")).fields)
    assert shown["Deload"] == "until Wed 9 Dec"
    clock.advance(days=14)  # Thursday 10 Dec: over by itself
    assert "Deload" not in dict((await coach.profile.set("ann")).fields)
    await coach.profile.deload("ann", "on")
    ended = await coach.profile.deload("ann", "off")
    assert ended.title == "Deload over" and ended.saved
    assert "Deload" not in dict((await coach.profile.set("ann")).fields)


async def test_the_plate_step_is_stored_in_kg_and_shown_in_the_lifters_unit(coach: Coach) -> None:
    assert "Plate step" not in dict((await coach.profile.set("ann")).fields)
    kg = await coach.profile.set("ann", increment="1.25")
    assert kg.saved and dict(kg.fields)["Plate step"] == "1.25 kg"
    lb = await coach.profile.set("ann", unit="lb", increment="2.5")
    assert dict(lb.fields)["Plate step"] == "2.5 lb"
    assert dict((await coach.profile.set("ann", unit="kg")).fields)["Plate step"] == "1.13 kg"
    reset = await coach.profile.set("ann", increment="default")
    assert "Plate step" not in dict(reset.fields)
    for wrong in ("abc", "30", "0.1"):
        assert (await coach.profile.set("ann", increment=wrong)).is_error


async def test_stats_for_one_exercise_shows_trend_bests_and_next_time_alone(
    coach: Coach, clock: FakeClock
) -> None:
    for load in (100, 102.5, 105):
        await coach.logbook.log("ann", "g1", f"squat 3x5 @{load}kg rir2")
        clock.advance(days=3)
    await coach.logbook.log("ann", "g1", "squat 1x8 @90kg rir2; squat 1x7 @85kg rir2")
    reply = await coach.progress.stats("ann", "squat")
    fields = dict(reply.fields)
    assert list(fields) == ["Trend", "Bests", "Next time"]  # not the general block
    assert fields["Trend"].startswith("best e1RM, last 4 sessions: 123.5 kg → 126.5 kg → "
                                      "129.5 kg")
    assert "8RM 90 kg" in fields["Bests"] and "7RM" not in fields["Bests"]
    assert fields["Next time"] == "90 kg × 8, stop at RIR 2."
    await coach.profile.deload("ann", "on")
    paused = dict((await coach.progress.stats("ann", "squat")).fields)
    assert paused["Next time"] == "Paused during your deload."
