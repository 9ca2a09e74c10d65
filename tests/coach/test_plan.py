"""/plan through the coach, on both engines: the week's plan, blocks, the log note, zones."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.coach import Coach
from bot.domain.models import Profile
from tests.helpers import FakeClock

# The clock fixture starts on Thursday 26 Nov 2026, 18:00 UTC.
SESSIONS = {
    0: "squat 3x5 @100kg rir2; leg press 3x10 rir2,1,0; leg curl 3x12 rir1,1,0",
    3: "bench 4x6 @80kg rir2; barbell row 3x8 rir2; lat pulldown 3x10 rir1,1,0; "
       "curl 3x12 rir1,1,0",
}


async def _two_weeks(coach: Coach, clock: FakeClock, user: str = "ana") -> None:
    """Mon and Thu sessions on 9, 12, 16, 19 Nov, backdated by date."""
    for day in ("2026-11-09", "2026-11-12", "2026-11-16", "2026-11-19"):
        weekday = datetime.fromisoformat(day).weekday()
        text = "; ".join(f"{line} {day}" for line in SESSIONS[weekday].split("; "))
        reply = await coach.logbook.log(user, "g", text)
        assert not reply.is_error, reply
        clock.advance(seconds=5)


async def test_plan_groups_exercises_by_their_usual_days(coach: Coach, clock: FakeClock
                                                         ) -> None:
    await _two_weeks(coach, clock)
    reply = await coach.plan.show("ana")
    assert reply.private and reply.title == "Your plan · week of Mon 23 Nov"
    fields = dict(reply.fields)
    assert set(fields) == {"Mon", "Thu"}
    assert "**back squat** (A), 3 sets: stop at RIR 1-3" in fields["Mon"]
    assert "**leg curl** (D), 3 sets: last set to failure or a drop set" in fields["Mon"]
    assert "**lat pulldown** (C)" in fields["Thu"]
    assert reply.lines[0].startswith("**Failure block, week 1 of 2**")
    assert "Next: a heavy block from Mon 7 Dec." in reply.lines
    assert any(line.startswith("Tier B: one failure set this week") for line in reply.lines)
    assert "Europe" not in (reply.footer or "") and "/plan block:2w|3w|4w|6w|off" in (
        reply.footer or "")


async def test_the_block_choice_is_stored_and_the_week_moves_on(coach: Coach,
                                                                clock: FakeClock) -> None:
    await _two_weeks(coach, clock)
    await coach.plan.show("ana")
    clock.advance(days=14)  # 10 Dec: the third week, a heavy one
    heavy = await coach.plan.show("ana")
    assert heavy.lines[0].startswith("**Heavy block, week 1 of 2**")
    assert "last set to failure" not in "\n".join(v for _, v in heavy.fields)
    longer = await coach.plan.show("ana", "6w")
    assert longer.saved and longer.lines[0] == "Blocks set: 6 weeks of failure, then 6 heavy."
    assert longer.lines[1].startswith("**Heavy block, week 1 of 6**")
    off = await coach.plan.show("ana", "off")
    assert "Blocks off" in off.lines[0] and off.lines[1].startswith("**Blocks off")


async def test_a_bad_block_says_what_to_type(coach: Coach) -> None:
    reply = await coach.plan.show("ana", "5w")
    assert reply.is_error and reply.lines[0] == "'5w' is not a block length I plan with."
    assert reply.lines[1] == "Hint: Choose 2w, 3w, 4w, 6w or off."
    assert reply.lines[2] == "Example: /plan block:2w"


async def test_a_newcomer_gets_a_starter_plan(coach: Coach) -> None:
    empty = await coach.plan.show("ben")
    assert "nothing to plan yet" in empty.lines[0] and "/log" in empty.lines[1]
    await coach.logbook.log("ben", "g", "leg curl 3x12 rir1,1,0")
    reply = await coach.plan.show("ben")
    assert any("starter plan" in line and "adapts" in line for line in reply.lines)
    assert "leg curl" in dict(reply.fields)["Thu"]


async def test_the_log_reply_knows_the_plan_once_it_was_opened(coach: Coach,
                                                               clock: FakeClock) -> None:
    await _two_weeks(coach, clock)
    before = await coach.plan.note_for_log("ana", [])
    assert before == ()
    clock.now = datetime(2026, 11, 30, 18, tzinfo=UTC)  # Monday of week 2
    unseen = await coach.logbook.log("ana", "g", "leg curl 3x12 rir1,1,0")
    assert not any(line.startswith("Plan:") for line in unseen.lines)
    await coach.plan.show("ana")
    logged = await coach.logbook.log("ana", "g", "leg press 3x10 rir2,1,0")
    stored = await coach.storage.last_entry("ana")
    assert stored is not None
    note = await coach.plan.note_for_log("ana", [stored])
    assert note == ("Plan: as planned (failure block, week 1 of 2).",)  # opened this week
    assert logged.saved


async def test_a_tier_a_failure_in_a_heavy_week_is_off_plan(coach: Coach, clock: FakeClock
                                                            ) -> None:
    await _two_weeks(coach, clock)
    await coach.plan.show("ana")
    clock.now = datetime(2026, 12, 7, 18, tzinfo=UTC)  # heavy block, week 1
    await coach.logbook.log("ana", "g", "squat 3x5 @100kg rir2,1,0")
    stored = await coach.storage.last_entry("ana")
    assert stored is not None
    note = await coach.plan.note_for_log("ana", [stored])
    assert note[0] == "Plan: back squat is off plan: a tier A failure set in a heavy week."


async def test_a_deload_and_a_goal_change_reach_the_plan(coach: Coach, clock: FakeClock
                                                         ) -> None:
    await _two_weeks(coach, clock)
    today = clock.now.date()
    profile = Profile(goal="strength")
    await coach.storage.save_profile("ana", profile, clock.now, today)
    strength = await coach.plan.show("ana")
    text = "\n".join(v for _, v in strength.fields)
    assert "**leg press** (C), 3 sets: stop at RIR 1-2" in text
    assert any("Strength goal" in line for line in strength.lines)
    deload = getattr(coach.profile, "deload", None)  # the coaching area's /deload
    if deload is not None:
        assert not (await deload("ana", "on", 1)).is_error
        reply = await coach.plan.show("ana")
        assert reply.lines[0].startswith("**Deload week**")
        assert "RIR 3-4" in "\n".join(v for _, v in reply.fields)


async def test_the_week_turns_on_the_lifter_s_own_clock(coach: Coach, clock: FakeClock
                                                        ) -> None:
    """Sunday 29 Nov 13:00 UTC is already Monday in Auckland, still Sunday in Los Angeles."""
    clock.now = datetime(2026, 11, 29, 13, tzinfo=UTC)
    for user, zone in (("kiwi", "Pacific/Auckland"), ("la", "America/Los_Angeles")):
        await coach.storage.save_profile(user, Profile(timezone=zone), clock.now,
                                         clock.now.date())
        await coach.logbook.log(user, "g", "leg curl 3x12 rir1,1,0")
    kiwi = await coach.plan.show("kiwi")
    la = await coach.plan.show("la")
    assert kiwi.title == "Your plan · week of Mon 30 Nov"
    assert la.title == "Your plan · week of Mon 23 Nov"
    assert "Pacific/Auckland" in (kiwi.footer or "")


async def test_nobody_sees_another_lifter_s_plan(coach: Coach, clock: FakeClock) -> None:
    await _two_weeks(coach, clock, "ana")
    other = await coach.plan.show("eve")
    assert other.fields == () and "nothing to plan yet" in other.lines[0]
