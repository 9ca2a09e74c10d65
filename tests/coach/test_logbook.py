"""The coach service as a lifter meets it: log, undo, history, why, profile, sore, exercise."""

from __future__ import annotations

from bot.coach import Coach
from tests.helpers import FakeClock


async def test_log_stores_and_echoes_the_reading_with_rule_ids(coach: Coach) -> None:
    reply = await coach.logbook.log("u1", "g1", "squat 5x5 @100kg rir2")
    assert reply.saved and not reply.is_error
    assert reply.title == "Logged back squat"
    assert any("back squat" in line and "100 kg" in line for line in reply.lines)
    assert "A5" in reply.rule_ids  # heavy tier-A sets kept short of failure
    assert any(line.startswith("[A5]") for line in reply.lines)
    history = await coach.logbook.history("u1")
    assert history.lines[0].startswith("**Thu 26 Nov** · 18:00 · 1 exercise")
    assert len(history.lines) == 2 and history.lines[1].startswith("`1` back squat")


async def test_failing_a_squat_gets_the_stop_short_advice(coach: Coach) -> None:
    reply = await coach.logbook.log("u1", "g1", "squat 3x5 @120kg f")
    assert reply.rule_ids[:1] in (("A1",), ("A4",), ("W1",))
    assert "A1" in reply.rule_ids


async def test_isolation_without_a_hard_set_is_told_to_push_the_last_one(coach: Coach) -> None:
    reply = await coach.logbook.log("u1", "g1", "leg extension 3x12 rir3")
    assert "A3" in reply.rule_ids


async def test_parse_error_says_what_hint_and_example_and_saves_nothing(coach: Coach) -> None:
    reply = await coach.logbook.log("u1", "g1", "squat")
    assert reply.is_error and reply.private and not reply.saved
    assert any(line.startswith("Hint:") for line in reply.lines)
    assert any(line.startswith("Example: /log") for line in reply.lines)
    assert reply.footer == "Nothing was saved."
    assert "Nothing logged yet" in (await coach.logbook.history("u1")).lines[0]


async def test_unknown_exercise_is_kept_as_the_lifters_own_and_asks_for_a_tier(
    coach: Coach,
) -> None:
    reply = await coach.logbook.log("u1", "g1", "zercher carry thing 3x20m")
    if reply.is_error:  # the parser may not read metres; a plain scheme must work
        reply = await coach.logbook.log("u1", "g1", "zercher carry thing 3x10")
    assert reply.saved
    assert any("/exercise zercher carry thing tier:" in line for line in reply.lines)
    tiered = await coach.profile.exercise("u1", "zercher carry thing", "A")
    assert tiered.saved and tiered.title == "zercher carry thing: tier A"
    again = await coach.logbook.log("u1", "g1", "zercher carry thing 3x5 rir0")
    assert "A1" in again.rule_ids


async def test_built_in_tiers_cannot_be_changed(coach: Coach) -> None:
    reply = await coach.profile.exercise("u1", "squat", "D")
    assert reply.is_error and "built-in" in reply.lines[0]


async def test_undo_removes_only_the_callers_last_log(coach: Coach) -> None:
    await coach.logbook.log("alice", "g", "bench 3x8 @80kg rir2")
    bob = await coach.logbook.log("bob", "g", "curl 3x10 rir1")
    first = await coach.logbook.undo("alice")
    assert first.saved and "bench press" in first.lines[0]
    assert (await coach.logbook.undo("alice")).is_error
    assert (await coach.logbook.undo_entries("alice", bob.entry_ids)).is_error  # not hers
    assert "curl" in (await coach.logbook.history("bob")).lines[1]


async def test_backdated_log_lands_on_its_date(coach: Coach) -> None:
    await coach.logbook.log("u1", "g", "bench 3x8 rir2 yesterday")
    header, line = (await coach.logbook.history("u1")).lines
    assert header.startswith("**Wed 25 Nov**") and line.startswith("`1` bench press")


async def test_two_failures_within_48_hours_warn_about_recovery(
    coach: Coach, clock: FakeClock
) -> None:
    await coach.logbook.log("u1", "g", "leg press 3x10 f")
    clock.advance(hours=24)
    reply = await coach.logbook.log("u1", "g", "leg press 3x10 f")
    assert "W2" in reply.rule_ids


async def test_profile_validates_and_saves(coach: Coach) -> None:
    bad = await coach.profile.set("u1", timezone="Mars/Olympus")
    assert bad.is_error and "Example:" in bad.lines[2]
    ok = await coach.profile.set("u1", unit="lb", goal="strength", timezone="Europe/Berlin",
                             target="4")
    assert ok.saved
    assert dict(ok.fields) == {"Unit": "lb", "Goal": "strength", "Time zone": "Europe/Berlin",
                               "Weekly target": "4 days",
                               "Dates": "day first (dmy): 3/11 is 3 November"}
    assert (await coach.profile.set("u1", target="9")).is_error
    reply = await coach.logbook.log("u1", "g", "bench 225x5")
    assert any("lb" in line for line in reply.lines)


async def test_soreness_feeds_the_w4_warning(coach: Coach) -> None:
    assert (await coach.profile.sore("u1", "elbows??", 3)).is_error
    assert (await coach.profile.sore("u1", "quads", "x")).is_error
    assert (await coach.profile.sore("u1", "quads", 6)).saved
    reply = await coach.logbook.log("u1", "g", "leg extension 3x12 f")
    assert "W4" in reply.rule_ids


async def test_why_explains_a_rule_and_refuses_unknown_ones(coach: Coach) -> None:
    reply = await coach.info.why("a1")
    assert reply.title.startswith("[A1]") and reply.fields[0][0] == "Sources"
    assert (await coach.info.why("Z9")).is_error


async def test_help_lists_every_command(coach: Coach) -> None:
    text = "\n".join((await coach.info.help()).lines)
    for name in ("/log", "/undo", "/history", "/why", "/profile", "/sore", "/exercise"):
        assert name in text


async def test_logging_faster_than_the_cooldown_is_refused_until_the_window_passes(
    coach: Coach, clock: FakeClock
) -> None:
    for _ in range(10):
        assert (await coach.logbook.log("u1", "g", "curl 3x10 rir1")).saved
    refused = await coach.logbook.log("u1", "g", "curl 3x10 rir1")
    assert refused.is_error and not refused.saved and refused.footer == "Nothing was saved."
    assert "10 logs in 10 seconds" in refused.lines[0]
    assert (await coach.logbook.log("someone-else", "g", "curl 3x10 rir1")).saved
    clock.advance(seconds=10)
    assert (await coach.logbook.log("u1", "g", "curl 3x10 rir1")).saved
    shown = (await coach.logbook.history("u1")).lines  # one session at one moment
    assert len([line for line in shown if line.startswith("`")]) == 11


async def test_refused_logs_and_channel_chat_do_not_use_up_the_cooldown(coach: Coach) -> None:
    for _ in range(12):  # unreadable: nothing saved, so nothing counted
        refused = await coach.logbook.log("u1", "g", "squat")
        assert not refused.saved and refused.title == "I couldn't read that"
        assert await coach.logbook.log_from_channel("u1", "g", "nice session all", "m") is None
    for _ in range(10):
        assert (await coach.logbook.log("u1", "g", "curl 3x10 rir1")).saved
    assert (await coach.logbook.log("u1", "g", "curl 3x10 rir1")).title == "Slow down a little"
