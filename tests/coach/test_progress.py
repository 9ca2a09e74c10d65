"""/stats through the coach: consistency, the last 7 days' failure and volume, records."""

from __future__ import annotations

from bot.coach import Coach
from tests.helpers import FakeClock


async def log(coach: Coach, text: str, who: str = "ann") -> None:
    reply = await coach.logbook.log(who, "g1", text)
    assert reply.saved, reply


async def fields(coach: Coach, exercise: str | None = None, who: str = "ann") -> dict[str, str]:
    reply = await coach.progress.stats(who, exercise)
    assert reply.private and not reply.is_error, reply
    return dict(reply.fields)


async def test_e1rm_only_within_the_validity_limits(coach: Coach) -> None:
    await log(coach, "squat 3x12 @60kg rir0")  # 12 reps at failure: beyond 10 reps
    await log(coach, "squat 1x5 @100kg rir4")  # RIR 4: too far from failure to estimate
    await log(coach, "bench 1x8 @80kg dropset")  # past failure: not one unaided set
    await log(coach, "curl 3x10 @15kg f")  # isolation: no e1RM at all
    records = (await fields(coach))["Best e1RM (tiers A-B; reps + RIR, Epley) and PRs"]
    lines = {line.split(":", 1)[0].strip("*"): line for line in records.splitlines()}
    assert "no e1RM" in lines["back squat"] and "12RM 60 kg" in lines["back squat"]
    assert "no e1RM" in lines["bench press"]
    assert "e1RM" not in lines["dumbbell curl"] and "10RM 15 kg" in lines["dumbbell curl"]

    await log(coach, "squat 5x5 @100kg rir2")  # 5 + 2 = 7 reps: 100 x (1 + 7/30)
    squat = (await fields(coach, "squat"))["Bests"]
    assert "e1RM 123.5 kg (100 kg × 5, RIR 2" in squat
    assert "5RM 100 kg" in squat and "12RM 60 kg" in squat
    await log(coach, "squat 1x1 @140kg f")  # a true single: the estimate is the load
    squat = (await fields(coach, "squat"))["Bests"]
    assert "e1RM 140 kg (140 kg × 1, RIR 0" in squat


async def test_a_lifters_week_in_numbers(coach: Coach, clock: FakeClock) -> None:
    # Thursday 26 Nov: three days this week, one the week before.
    await log(coach, "squat 5x5 @100kg rir2 2026-11-17")
    await log(coach, "squat 3x5 @120kg f mon")
    await log(coach, "deadlift 2x5 @160kg f tue")
    await log(coach, "leg extension 4x12 f; leg curl 3x12 rir1")
    stats = await fields(coach)
    assert stats["Training days"] == "this week 3 · last 4 weeks 4 · all time 4"
    assert stats["Weekly streak"] == "1 week (target 3 days a week)"
    # Whole windows: 1 of 3 last week, none the two before, and this week is owed
    # 3 x 4/7 days by Thursday, which its 3 days cover: (1 + 12/7) / (9 + 12/7).
    # All time is never shorter than 12 weeks, so it matches the 12-week figure.
    assert stats["Adherence"] == "4 weeks 25% · 12 weeks 8% · all time 8%"
    failure = stats["Failure sets, last 7 days, by tier"]
    assert failure.startswith("A 5 · B 0 · C 0 · D 4") and "[W1]" in failure
    volume = stats["Hard sets per muscle, last 7 days (aim: 10-20)"].splitlines()
    # 3 squat + 4 leg extension sets, and half a set for each of 2 deadlift sets.
    assert volume[0] == "quadriceps: 8 (below 10 so far)"
    assert volume[1] == "hamstrings: 5.5 (below 10 so far)"
    assert "Discipline, last 4 weeks" in stats


async def test_volume_above_the_range_is_flagged(coach: Coach) -> None:
    await log(coach, "bench 6x8 @80kg rir2; incline bench 6x8 @60kg rir2; dips 6x10 rir2")
    await log(coach, "pec deck 6x12 rir1")
    volume = (await fields(coach))["Hard sets per muscle, last 7 days (aim: 10-20)"]
    assert volume.splitlines()[0].startswith("chest: 21 (above 20")
    assert "[W6]" in volume


async def test_a_target_change_counts_from_the_current_week(
    coach: Coach, clock: FakeClock
) -> None:
    await coach.profile.set("ann", target="2")  # Thursday 26 Nov: this week already uses 2
    await log(coach, "squat 5x5 @100kg rir2 mon")
    await log(coach, "squat 5x5 @100kg rir2 tue")
    assert (await fields(coach))["Weekly streak"] == "1 week (target 2 days a week)"
    clock.advance(days=7)
    await log(coach, "squat 5x5 @100kg rir2")
    await log(coach, "squat 5x5 @100kg rir2 mon")
    stats = await fields(coach)
    assert stats["Weekly streak"] == "2 weeks (target 2 days a week)"  # 2 of 2, twice
    # Two weeks before the record owe the default 3; last week 2 of 2; this week owes
    # 2 x 4/7 by Thursday and has it: (2 + 8/7) / (3 + 3 + 2 + 8/7) = 34%.
    assert stats["Adherence"].startswith("4 weeks 34%")


async def test_stats_with_nothing_logged_or_an_unknown_lift(coach: Coach) -> None:
    empty = await coach.progress.stats("ann")
    assert empty.private and "Nothing logged yet" in empty.lines[0]
    unknown = await coach.progress.stats("ann", "unicorn press")
    assert unknown.is_error and "unicorn press" in unknown.lines[0]
    assert unknown.lines[2].startswith("Example: /stats")
