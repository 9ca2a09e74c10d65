"""/edit through the coach, on both engines: an entry corrected in place keeps its id,
day, moment and session; the advice is worked out again; refusals change nothing."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.coach import Coach
from bot.coach.log_edit import EditForm
from bot.domain.models import StoredEntry
from tests.helpers import FakeClock


async def stored(coach: Coach, user: str = "u1") -> list[StoredEntry]:
    entries = await coach.storage.entries_since(user, datetime(2000, 1, 1, tzinfo=UTC))
    return sorted(entries, key=lambda e: e.entry_id)


async def test_an_edit_keeps_id_day_moment_and_session_and_advises_again(
    coach: Coach, clock: FakeClock
) -> None:
    await coach.logbook.log("u1", "g", "squat 5x5 @100kg rir2\nbench 3x8 @80kg rir1 ")
    clock.advance(hours=1)
    await coach.logbook.log("u1", "g", "curl 3x10 rir1")
    before = await stored(coach)
    # /history: 1 back squat, 2 bench press, 3 curl (one session, in logged order)
    clock.advance(days=2)
    reply = await coach.logbook.edit("u1", "1", "squat 5x5 @100kg rir0")
    assert reply.title == "Corrected back squat" and reply.saved and reply.private
    assert reply.lines[:2] == ("Was: back squat — 5 × 5 @ 100 kg, RIR 2",
                               "Now: **back squat — 5 × 5 @ 100 kg, to failure**")
    assert "A1" in reply.rule_ids or "A4" in reply.rule_ids  # failure on every set of a lift A
    after = await stored(coach)
    assert [(e.entry_id, e.local_date, e.performed_at, e.session_id, e.log_id)
            for e in after] == [(e.entry_id, e.local_date, e.performed_at, e.session_id,
                                 e.log_id) for e in before]
    assert all(s.failure for s in after[0].sets) and after[1:] == before[1:]


async def test_an_edit_may_name_another_exercise_or_one_of_ones_own(coach: Coach) -> None:
    await coach.logbook.log("u1", "g", "curl 3x10 rir1 // slow")
    reply = await coach.logbook.edit("u1", 1, "zottman curl thing 3x10 rir1")
    assert reply.saved and "zottman curl thing" in reply.lines[1]
    [entry] = await stored(coach)
    assert entry.exercise.key == "zottman-curl-thing" and entry.note == ""
    assert [c.key for c in await coach.storage.custom_exercises("u1")] == ["zottman-curl-thing"]


async def test_the_form_holds_the_entry_as_a_line_that_logs_it_again(
    coach: Coach, clock: FakeClock
) -> None:
    await coach.logbook.log("u1", "g", "bench 100x5, 100x5, 95x6 rir1 yesterday // belt")
    form = await coach.logbook.edit_form("u1", 1)
    assert isinstance(form, EditForm)
    [entry] = await stored(coach)
    assert form.entry_id == entry.entry_id and form.title == "Edit bench press · Wed 25 Nov"
    # Sent back unchanged, it stores the same sets and note on the same day.
    again = await coach.logbook.edit_entry("u1", form.entry_id, form.text)
    assert again.saved, again
    [same] = await stored(coach)
    assert (same.sets, same.note, same.local_date) == (entry.sets, entry.note, entry.local_date)


async def test_refusals_say_why_and_change_nothing(coach: Coach) -> None:
    await coach.logbook.log("u1", "g", "squat 5x5 @100kg rir2")
    theirs = await coach.logbook.log("u2", "g", "bench 3x8 @80kg rir1")
    before = await stored(coach)
    cases = [
        await coach.logbook.edit("u1", "2", "squat 5x5"),  # no entry 2
        await coach.logbook.edit("u1", "x", "squat 5x5"),
        await coach.logbook.edit("u1", "1", ""),
        await coach.logbook.edit("u1", "1", "squat"),  # unreadable
        await coach.logbook.edit("u1", "1", "squat 5x5; bench 3x8"),  # two entries
        await coach.logbook.edit("u1", "1", "squat 5x5 @100kg 2026-11-20"),  # another day
        await coach.logbook.edit_entry("u1", theirs.entry_ids[0], "bench 1x1"),
        await coach.logbook.edit_form("u1", 9),
    ]
    for reply in cases:
        assert not isinstance(reply, EditForm)
        assert reply.is_error and reply.private and not reply.saved, reply
        assert any(line.startswith("Example:") for line in reply.lines), reply
    assert cases[2].lines[-1] == "Example: /edit 1 back squat 100kg x 5 x 5 rir2"
    assert await stored(coach) == before
    [kept] = await stored(coach, "u2")
    assert kept.sets[0].reps == 8
