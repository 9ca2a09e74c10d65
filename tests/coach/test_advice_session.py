"""The log reply as a lifter reads it, over weeks of logs, on both storage engines."""

from __future__ import annotations

import re

from bot.coach import Coach
from bot.coach.replies import Reply
from bot.console.render import plain, render_text
from bot.discord.render import to_embed
from tests.helpers import FakeClock


async def log(coach: Coach, text: str, who: str = "ann") -> Reply:
    reply = await coach.logbook.log(who, "g1", text)
    assert reply.saved, reply
    return reply


def items(reply: Reply) -> list[str]:
    return [line for line in reply.lines if re.match(r"\[[AW]\d\]", line)]


async def test_one_reply_per_message_each_rule_once_naming_every_exercise(coach: Coach) -> None:
    reply = await log(coach, "leg curl 3x12 @40kg rir3; calf raise 4x12 @60kg rir3; "
                             "curl 3x12 @12kg rir3")
    assert reply.rule_ids == ("A3",)
    (line,) = items(reply)
    assert line.startswith("[A3] Push the last set of leg curl, standing calf raise and "
                           "dumbbell curl to failure")


async def test_effortless_sets_get_one_request_instead_of_rules(coach: Coach) -> None:
    reply = await log(coach, "squat 3x5 @100kg; bench 3x5 @80kg")
    assert items(reply) == []
    asks = [line for line in reply.lines if line.startswith("No effort")]
    assert asks == ["No effort on some sets of back squat and bench press: add rir2 or @8 "
                    "next time so they can be checked."]


async def test_new_bests_over_weeks_with_the_best_before_and_its_date(
    coach: Coach, clock: FakeClock
) -> None:
    await log(coach, "squat 3x5 @100kg rir2")  # Thursday 26 Nov
    clock.advance(days=7)
    reply = await log(coach, "squat 3x5 @105kg rir2")
    assert ("New best: 105 kg × 5, the heaviest back squat you have logged (before: "
            "100 kg × 5, 26 Nov).") in reply.lines
    assert any(line.startswith("New best e1RM on back squat: 129.5 kg") for line in reply.lines)
    # Three weeks on, 102.5 kg is no best: the 105 of 3 Dec still stands, even though it
    # is older than the advice rules look back.
    clock.advance(days=20)
    later = await log(coach, "squat 3x5 @102.5kg rir2")
    assert not any(line.startswith("New") for line in later.lines)


async def test_next_time_uses_the_lifters_own_plates(coach: Coach) -> None:
    plain = await log(coach, "squat 3x5 @101.25kg rir3")
    assert "Next time: 102.5 kg × 5, stop at RIR 2." in plain.lines
    saved = await coach.profile.set("ann", increment="1.25")
    assert dict(saved.fields)["Plate step"] == "1.25 kg"
    fine = await log(coach, "squat 3x5 @101.25kg rir3")
    assert "Next time: 103.75 kg × 5, stop at RIR 2." in fine.lines


async def test_a_caution_is_said_in_full_once_a_week(coach: Coach, clock: FakeClock) -> None:
    first = await log(coach, "leg curl 3x12 @40kg rir3")
    assert "(Refalo 2024)" in items(first)[0]
    clock.advance(days=2)
    again = await log(coach, "leg curl 3x12 @40kg rir3")
    assert items(again) == ["[A3] Push the last set of leg curl to failure, or within a rep "
                            "of it (a drop set counts). (/why A3)"]
    clock.advance(days=7)
    week_on = await log(coach, "leg curl 3x12 @40kg rir3")
    assert "(Refalo 2024)" in items(week_on)[0]


async def test_w2_counts_local_days_and_a_backdated_reply_names_its_day(coach: Coach) -> None:
    await log(coach, "bench 1x8 @80kg f tue")  # Tuesday 24 Nov, two days back
    reply = await log(coach, "bench 3x8 @80kg f")
    assert any(line.startswith("[W2]") for line in reply.lines)
    backdated = await log(coach, "leg press 3x12 @100kg rir3 mon")
    text = " ".join(items(backdated))
    assert "on Mon 23 Nov" in text and "today" not in text


async def test_a_declared_deload_quiets_the_push_harder_rules_and_says_so_once(
    coach: Coach, clock: FakeClock
) -> None:
    await coach.profile.set("ann", goal="hypertrophy")
    on = await coach.profile.deload("ann", "on", 1)
    assert on.saved and on.title == "Deload on until Wed 2 Dec"
    reply = await log(coach, "leg curl 2x15 @30kg rir5")
    assert items(reply) == []
    assert any(line.startswith("Deload until Wed 2 Dec: A3, W5 and W7 stay quiet")
               for line in reply.lines)
    clock.advance(days=1)
    second = await log(coach, "leg curl 2x15 @30kg rir5")
    assert items(second) == [] and not any("Deload" in line for line in second.lines)
    ended = await coach.profile.deload("ann", "off")
    assert ended.saved
    clock.advance(days=1)
    after = await log(coach, "leg curl 2x15 @30kg rir5")
    assert {"A3", "W5", "W7"} <= set(after.rule_ids)


async def test_calibration_is_shown_in_stats_and_read_by_the_rules(
    coach: Coach, clock: FakeClock
) -> None:
    # Two guesses of RIR 2 that the lifter's own failure sets showed were RIR 3.
    await log(coach, "curl 1x10 @15kg rir2")
    await log(coach, "leg curl 1x12 @40kg rir2")
    clock.advance(days=7)
    before = await log(coach, "leg extension 3x12 @50kg rir1")
    assert "A3" not in before.rule_ids  # RIR 1 is close enough, as logged
    clock.advance(minutes=10)
    await log(coach, "curl 1x13 @15kg f")
    clock.advance(minutes=10)
    await log(coach, "leg curl 1x15 @40kg f")
    stats = dict((await coach.progress.stats("ann")).fields)
    assert stats["RIR calibration"].startswith("Your RIR 2 is closer to 3 (2 sets")
    assert "read your RIR +1" in stats["RIR calibration"]
    clock.advance(days=1)
    after = await log(coach, "leg extension 3x12 @50kg rir1")
    assert "A3" in after.rule_ids and "ended at RIR 2" in " ".join(after.lines)


async def test_console_and_discord_show_the_same_reply_values(coach: Coach) -> None:
    await log(coach, "squat 3x5 @100kg rir2")
    reply = await log(coach, "squat 3x5 @105kg rir2; leg curl 3x12 @40kg rir3")
    console = render_text(reply)
    embed = to_embed(reply)
    shown = f"{embed.title}\n{embed.description}\n" + "\n".join(
        f"{f.name}\n{f.value}" for f in embed.fields)
    assert len(reply.lines) >= 6  # echoes, bests, next time, items
    for line in reply.lines:
        assert plain(line) in console
        assert line in shown
