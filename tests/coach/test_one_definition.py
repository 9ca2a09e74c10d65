"""One definition, one number: what /log warns about, /stats shows, /sore stores and
/import refuses come from the same rules, whichever command a lifter reads them in."""

from __future__ import annotations

import re

from bot.coach import Coach
from bot.coach.replies import Reply
from tests.data_samples import replace_cell
from tests.helpers import FakeClock

VOLUME = "Hard sets per muscle, last 7 days (aim: 10-20)"
FAILURE = "Failure sets, last 7 days, by tier"


async def log(coach: Coach, text: str) -> Reply:
    reply = await coach.logbook.log("ann", "g1", text)
    assert reply.saved, reply
    return reply


def rule_line(reply: Reply, rule: str) -> str | None:
    return next((line for line in reply.lines if line.startswith(f"[{rule}]")), None)


def w6_figure(reply: Reply, muscle: str) -> float:
    line = rule_line(reply, "W6")
    assert line is not None, reply.lines
    found = re.search(rf"hard sets in the last 7 days: .*\b{muscle} (\d+(?:\.\d+)?)", line)
    assert found, line
    return float(found.group(1))


async def stats_figure(coach: Coach, muscle: str) -> float:
    stats = dict((await coach.progress.stats("ann")).fields)
    found = re.search(rf"^{muscle}: (\d+(?:\.\d+)?) \(", stats[VOLUME], re.MULTILINE)
    assert found, stats[VOLUME]
    return float(found.group(1))


async def test_w6_and_stats_give_the_same_hard_sets_at_the_same_moment(
    coach: Coach, clock: FakeClock
) -> None:
    # Thursday 26 Nov. Last Friday is in the last 7 days but not in this calendar week:
    # the two used to disagree about it (W6 counted it, /stats did not).
    await log(coach, "bench 8x8 @80kg rir2 2026-11-20")
    await log(coach, "incline bench 8x8 @60kg rir2 mon")
    reply = await log(coach, "dumbbell bench 6x8 @30kg rir2")
    assert w6_figure(reply, "chest") == await stats_figure(coach, "chest") == 22

    # Friday 27 Nov: last Friday has left the week, for both.
    clock.advance(days=1)
    reply = await log(coach, "cable fly 7x12 @20kg rir1")
    assert w6_figure(reply, "chest") == await stats_figure(coach, "chest") == 21
    stats = dict((await coach.progress.stats("ann")).fields)
    assert stats[VOLUME].startswith("chest: 21 (above 20")


async def test_w1_and_stats_count_the_same_tier_a_failure_sets(coach: Coach) -> None:
    await log(coach, "deadlift 1x5 @160kg f 2026-11-20")  # last Friday: in the last 7 days
    reply = await log(coach, "squat 2x5 @120kg f")
    line = rule_line(reply, "W1")
    assert line is not None and "3 failure sets on tier A lifts in the last 7 days" in line
    stats = dict((await coach.progress.stats("ann")).fields)
    assert stats[FAILURE].startswith("A 3 · B 0 · C 0 · D 0") and "[W1]" in stats[FAILURE]


async def test_sore_legs_is_accepted_and_w4_fires_on_a_leg_exercise(coach: Coach) -> None:
    sore = await coach.profile.sore("ann", "legs", 6)
    assert not sore.is_error and sore.saved, sore
    assert [s.body_part for s in await coach.storage.soreness("ann")] == ["legs"]
    for lift in ("leg extension 3x12 @40kg rir1", "standing calf raise 3x15 @60kg rir1"):
        line = rule_line(await log(coach, lift), "W4")
        assert line is not None and "legs sore for about 6 days" in line
    assert rule_line(await log(coach, "bench 3x8 @80kg rir2"), "W4") is None


async def test_sore_back_is_stored_as_back_and_covers_the_lower_back(coach: Coach) -> None:
    sore = await coach.profile.sore("ann", "back", 6)
    assert sore.title == "Back: sore for 6 days"
    assert [s.body_part for s in await coach.storage.soreness("ann")] == ["back"]
    for lift in ("good morning 3x8 @60kg rir2", "back extension 3x12 rir2",
                 "lat pulldown 3x10 @60kg rir1"):
        line = rule_line(await log(coach, lift), "W4")
        assert line is not None and "back sore for about 6 days" in line, lift
    assert rule_line(await log(coach, "leg extension 3x12 @40kg rir1"), "W4") is None


async def test_sore_hint_lists_the_vocabulary(coach: Coach) -> None:
    refused = await coach.profile.sore("ann", "elbow", 6)
    assert refused.is_error
    hint = "\n".join(refused.lines)
    for word in ("back", "legs", "arms", "quads", "hamstrings", "glutes", "calves", "abs"):
        assert word in hint


async def _own_export(coach: Coach) -> str:
    await log(coach, "squat 2x5 @100kg rir2")
    return (await coach.data.export("ann")).data.decode("utf-8")


async def _import_error(coach: Coach, text: str) -> str:
    preview = await coach.data.import_preview("ann", "g1", "mine.csv", text.encode(),
                                              "liftcoach")
    assert preview.pending_id is None and preview.reply.is_error, preview.reply
    # The reply quotes the file's cells with Discord markdown escaped: read it unescaped.
    return "\n".join((preview.reply.title, *preview.reply.lines)).replace("\\", "")


async def test_own_format_rows_beyond_the_log_limits_are_refused_with_their_row(
    coach: Coach,
) -> None:
    exported = await _own_export(coach)
    # The file reads back as it is (header on row 1, the two sets on rows 2 and 3).
    fine = await coach.data.import_preview("ann", "g1", "mine.csv", exported.encode(),
                                           "liftcoach")
    assert not fine.reply.is_error, fine.reply
    heavy = await _import_error(coach, replace_cell(exported, 3, "load_kg", "1200"))
    assert "row 3: load_kg '1200' kg is heavier than I can log (at most 1000 kg)" in heavy
    easy = await _import_error(coach, replace_cell(exported, 2, "rir", "12"))
    assert "row 2: rir '12' is more reps in reserve than I can use (at most 10)" in easy
    # /log draws the same lines.
    for typed in ("squat 1x5 @1200kg", "squat 1x5 @100kg rir12"):
        assert (await coach.logbook.log("ann", "g1", typed)).is_error, typed
