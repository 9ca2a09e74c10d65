"""The log reply: notes, the date said once, and nothing read in silence.

Every test runs through the coach on both engines (the ``coach`` fixture). The
clock stands at Thursday 26 November 2026, 18:00 UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.coach import Coach
from bot.coach.replies import Reply
from bot.domain.models import LB_TO_KG
from tests.helpers import FakeClock

WEDNESDAY = date(2026, 11, 25)


def loads(reply_entries: list[object]) -> list[float | None]:
    return [s.load_kg for e in reply_entries for s in e.sets]  # type: ignore[attr-defined]


async def logged(coach: Coach, user: str) -> list[tuple[str, date, int, float | None]]:
    """(exercise key, day, sets, top load) of the lifter's entries, oldest first."""
    found = await coach.storage.history(user, None, 50)
    return [(e.exercise.key, e.local_date, len(e.sets),
             max((s.load_kg for s in e.sets if s.load_kg), default=None))
            for e in reversed(found)]


def only_choice(reply: Reply) -> int:
    [choice] = reply.choices
    return choice.offer_id


# notes and dates ---------------------------------------------------------------


async def test_a_note_is_echoed_under_its_entry_and_shown_in_history(coach: Coach) -> None:
    reply = await coach.logbook.log("u", "g", "squat 5x5 @100kg rir2 // felt heavy, belt")
    assert reply.saved
    at = reply.lines.index(next(line for line in reply.lines if "back squat" in line))
    assert reply.lines[at + 1] == "Note: felt heavy, belt"
    [stored] = await coach.storage.history("u", None, 5)
    assert stored.note == "felt heavy, belt"
    history = await coach.logbook.history("u")
    assert history.lines[1].endswith("· Note: felt heavy, belt")


async def test_a_date_written_once_is_said_once_in_the_title(
    coach: Coach, clock: FakeClock
) -> None:
    reply = await coach.logbook.log("u", "g", "wed\nsquat 5x5 @100kg rir2\nbench 3x8 @80kg rir1")
    assert reply.title == "Logged 2 exercises · Wed 25 Nov"
    assert not any("25 Nov" in line or "2026-11-25" in line for line in reply.lines)
    entries = await coach.storage.history("u", None, 5)
    assert {e.local_date for e in entries} == {WEDNESDAY}
    # Stored at the lifter's current local time on that day (UTC here).
    assert {e.performed_at for e in entries} == {
        datetime.combine(WEDNESDAY, clock.now.timetz()).astimezone(UTC)}


async def test_todays_log_names_no_day_and_a_backdated_single_entry_does(coach: Coach) -> None:
    today = await coach.logbook.log("u", "g", "squat 5x5 @100kg rir2")
    assert today.title == "Logged back squat"
    yesterday = await coach.logbook.log("u", "g", "leg curl 3x12 rir1 yesterday")
    assert yesterday.title == "Logged leg curl · Wed 25 Nov"


async def test_entries_on_different_days_each_say_theirs(coach: Coach) -> None:
    reply = await coach.logbook.log(
        "u", "g", "mon\nsquat 5x5 @100kg rir2\ntue\nbench 3x8 @80kg rir1")
    assert reply.title == "Logged 2 exercises"
    echoes = [line for line in reply.lines if line.startswith(("Mon", "Tue"))]
    assert echoes[0].startswith("Mon 23 Nov: **back squat")
    assert echoes[1].startswith("Tue 24 Nov: **bench press")


async def test_dates_follow_the_lifters_date_order(coach: Coach) -> None:
    await coach.logbook.log("dmy", "g", "squat 5x5 @100kg rir2 3/11")
    assert (await logged(coach, "dmy"))[0][1] == date(2026, 11, 3)
    saved = await coach.profile.set("mdy", dates="mdy")
    assert saved.saved and dict(saved.fields)["Dates"].startswith("month first")
    await coach.logbook.log("mdy", "g", "squat 5x5 @100kg rir2 11/3")
    assert (await logged(coach, "mdy"))[0][1] == date(2026, 11, 3)
    assert (await coach.profile.set("x", dates="ymd")).is_error
    assert (await coach.storage.get_log_prefs("x")).date_order == "dmy"


# another plausible reading ---------------------------------------------------------


async def test_a_second_reading_is_stated_at_the_top_and_offered_in_one_step(
    coach: Coach,
) -> None:
    reply = await coach.logbook.log("u", "g", "dumbbell curl 16x10")
    assert reply.lines[0].startswith("⚠ I read `dumbbell curl 16x10` as ")
    assert "16 sets" in reply.lines[0]
    [choice] = reply.choices
    assert choice.label.startswith("Log it as 16 sets")
    before = await logged(coach, "u")
    assert before[0][2:] == (1, 16.0)

    switched = await coach.logbook.switch_reading("u", choice.offer_id)
    assert switched.saved and not switched.is_error
    assert switched.replaced == reply.entry_ids
    after = await logged(coach, "u")
    assert len(after) == 1 and after[0][2:] == (16, None)  # 16 sets of 10, no load
    assert [e.entry_id for e in await coach.storage.history("u", None, 5)] == list(
        switched.entry_ids)


async def test_a_choice_is_the_lifters_own_and_taken_once(coach: Coach) -> None:
    reply = await coach.logbook.log("u", "g", "dumbbell curl 16x10")
    offer = only_choice(reply)
    refused = await coach.logbook.switch_reading("intruder", offer)
    assert refused.is_error and refused.private
    assert refused.lines[0] == "This button is no longer valid."
    assert await coach.storage.history("intruder", None, 5) == []
    assert len(await logged(coach, "u")) == 1
    assert not (await coach.logbook.switch_reading("u", offer)).is_error
    again = await coach.logbook.switch_reading("u", offer)
    assert again.is_error and again.private
    assert (await coach.logbook.switch_reading("u", 424242)).is_error  # a forged id
    assert (await coach.logbook.switch_reading("u", 10**30)).is_error  # past any column
    assert len(await logged(coach, "u")) == 1


async def test_a_choice_whose_entries_were_undone_changes_nothing(coach: Coach) -> None:
    reply = await coach.logbook.log("u", "g", "dumbbell curl 16x10")
    await coach.logbook.undo("u")
    refused = await coach.logbook.switch_reading("u", only_choice(reply))
    assert refused.is_error and refused.private
    assert await logged(coach, "u") == []


async def test_the_other_reading_keeps_the_day_and_the_rest_of_the_message(
    coach: Coach, clock: FakeClock
) -> None:
    reply = await coach.logbook.log(
        "u", "g", "wed\ndumbbell curl 16x10\nsquat 5x5 @100kg rir2")
    [choice] = reply.choices
    first = reply.entry_ids[0]
    clock.advance(days=1)  # pressed the next day: the entries stay on Wednesday
    switched = await coach.logbook.switch_reading("u", choice.offer_id)
    assert switched.replaced == (first,)
    after = await logged(coach, "u")
    assert sorted((key, day, sets) for key, day, sets, _ in after) == [
        ("back-squat", WEDNESDAY, 5), ("dumbbell-curl", WEDNESDAY, 16)]


# a close spelling of a lift ---------------------------------------------------------


async def test_a_misspelt_lift_is_stored_as_the_lift_and_said_so(coach: Coach) -> None:
    reply = await coach.logbook.log("u", "g", "sqaut 3x5 @90kg rir2")
    assert reply.lines[0].startswith("⚠ I read 'sqaut' as back squat")
    [choice] = reply.choices
    assert choice.label == "Keep 'sqaut' as my own exercise"
    assert (await logged(coach, "u"))[0][0] == "back-squat"
    assert await coach.storage.custom_exercises("u") == []


async def test_a_name_close_to_a_lift_is_not_made_an_own_exercise(coach: Coach) -> None:
    reply = await coach.logbook.log("u", "g", "sqat 3x5 @90kg rir2")
    assert reply.saved and reply.lines[0].startswith("⚠ I read 'sqat' as back squat")
    assert (await logged(coach, "u"))[0][0] == "back-squat"
    assert await coach.storage.custom_exercises("u") == []


async def test_keeping_the_name_moves_the_entry_to_an_own_exercise(coach: Coach) -> None:
    reply = await coach.logbook.log("u", "g", "sqaut 3x5 @90kg rir2 // new variation")
    switched = await coach.logbook.switch_reading("u", only_choice(reply))
    assert switched.saved and "exercise of your own now" in switched.lines[0]
    [entry] = await coach.storage.history("u", None, 5)
    assert entry.exercise.key == "sqaut" and entry.note == "new variation"
    assert [c.name for c in await coach.storage.custom_exercises("u")] == ["sqaut"]
    later = await coach.logbook.log("u", "g", "sqaut 3x5 @95kg rir2")
    assert later.choices == () and not later.lines[0].startswith("⚠")
    assert (await logged(coach, "u"))[-1][0] == "sqaut"


# a name new to the coach, near lifts it knows -------------------------------------


async def test_a_heading_in_front_of_a_lift_offers_that_lift_first(coach: Coach) -> None:
    reply = await coach.logbook.log("u", "g", "legs: squat 5x5 @100kg rir2")
    assert reply.lines[0].startswith("⚠ Is 'legs squat' one of the lifts I know?")
    assert reply.choices[0].label == "It is back squat"
    merged = await coach.logbook.switch_reading("u", reply.choices[0].offer_id)
    assert merged.saved and [key for key, *_ in await logged(coach, "u")] == ["back-squat"]


async def test_a_new_name_near_known_lifts_offers_each_in_one_step(coach: Coach) -> None:
    reply = await coach.logbook.log("u", "g", "hammer strength press 3x10 @50kg rir1")
    assert reply.lines[0].startswith("⚠ Is 'hammer strength press' one of the lifts I know?")
    labels = [c.label for c in reply.choices]
    assert labels[0] == "It is machine chest press" and 1 <= len(labels) <= 3
    assert [c.name for c in await coach.storage.custom_exercises("u")] == [
        "hammer strength press"]

    merged = await coach.logbook.switch_reading("u", reply.choices[0].offer_id)
    assert merged.saved and merged.title == "Merged into machine chest press"
    assert [key for key, *_ in await logged(coach, "u")] == ["machine-chest-press"]
    assert await coach.storage.custom_exercises("u") == []
    again = await coach.logbook.switch_reading("u", reply.choices[1].offer_id)
    assert again.is_error  # the name is no longer an own exercise: nothing more moves
    assert [key for key, *_ in await logged(coach, "u")] == ["machine-chest-press"]


async def test_nobody_else_takes_the_lift_choice(coach: Coach) -> None:
    reply = await coach.logbook.log("u", "g", "hammer strength press 3x10 @50kg")
    taken = await coach.logbook.switch_reading("other", reply.choices[0].offer_id)
    assert taken.is_error
    assert [key for key, *_ in await logged(coach, "u")] == ["hammer-strength-press"]


async def test_a_name_nothing_is_near_is_saved_without_a_question(coach: Coach) -> None:
    reply = await coach.logbook.log("u", "g", "zorblax 3x10 @20kg")
    assert reply.saved and reply.choices == ()
    assert not any(line.startswith("⚠") for line in reply.lines)
    assert any("new to me" in line for line in reply.lines)


async def test_an_own_exercise_already_kept_is_not_asked_about(coach: Coach) -> None:
    first = await coach.logbook.log("u", "g", "hammer strength press 3x10 @50kg")
    assert first.choices
    later = await coach.logbook.log("u", "g", "hammer strength press 3x10 @55kg")
    assert later.choices == ()


# pounds, asked once --------------------------------------------------------------


async def test_a_load_heavy_in_kg_asks_about_pounds_once(coach: Coach) -> None:
    reply = await coach.logbook.log("u", "g", "squat 225x5x3")
    assert reply.lines[0].startswith("⚠ You have not chosen a unit")
    assert [c.label for c in reply.choices] == ["I lift in pounds: read it again"]
    assert (await coach.storage.get_log_prefs("u")).unit_asked
    second = await coach.logbook.log("u", "g", "deadlift 250x3")
    assert not any("not chosen a unit" in line for line in second.lines)
    # Left unanswered, the lift still shows its own question, pounds one step away...
    assert second.lines[0].startswith("⚠ I read `deadlift 250x3` as one set of 250 kg")
    assert [c.label for c in second.choices] == ["Log it as one set of 250 lb × 3"], second
    # ...the first time it is logged only: the lift's own history says 250 kg is theirs.
    third = await coach.logbook.log("u", "g", "deadlift 250x3")
    assert not any(line.startswith("⚠") for line in third.lines) and not third.choices


async def test_choosing_pounds_sets_the_unit_and_reads_the_log_again(coach: Coach) -> None:
    reply = await coach.logbook.log("u", "g", "squat 225x5x3\nbench 135 3x8")
    switched = await coach.logbook.switch_reading("u", only_choice(reply))
    assert switched.saved and switched.lines[0].startswith("Your unit is lb now")
    assert any("225 lb" in line for line in switched.lines)
    profile = await coach.storage.get_profile("u")
    assert profile is not None and profile.unit == "lb"
    assert (await coach.storage.get_log_prefs("u")).unit_chosen
    tops = {key: top for key, _, _, top in await logged(coach, "u")}
    assert abs((tops["back-squat"] or 0) - 225 * LB_TO_KG) < 0.01
    assert abs((tops["bench-press"] or 0) - 135 * LB_TO_KG) < 0.01


async def test_a_lifter_who_chose_kg_is_not_asked(coach: Coach) -> None:
    assert (await coach.profile.set("u", unit="kg")).saved
    assert (await coach.storage.get_log_prefs("u")).unit_chosen
    reply = await coach.logbook.log("u", "g", "squat 225x5x3")
    assert not any("not chosen a unit" in line for line in reply.lines)
    assert all(c.label != "I lift in pounds: read it again" for c in reply.choices)
