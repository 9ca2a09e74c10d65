"""/remind set, show and off as a lifter meets them, and what the reminder DM says."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.coach import Coach
from bot.coach.replies import Reply
from bot.console.render import plain, render_text
from bot.console.run import dispatch
from bot.storage.contract import ReminderOutcome
from tests.helpers import FakeClock

THU = date(2026, 11, 26)  # the clock fixture's date: Thursday 26 Nov 2026, 18:00 UTC


def text_of(reply: Reply) -> str:
    return "\n".join([reply.title, *reply.lines, *(f"{k}: {v}" for k, v in reply.fields)])


async def test_set_confirms_the_schedule_and_the_next_send(coach: Coach) -> None:
    reply = await coach.reminders.set("u", "07:30", "mon,wed,fri", "Europe/Berlin")
    assert reply.tone == "ok" and reply.private and reply.saved
    assert reply.lines[0] == "Mon, Wed, Fri at 07:30 (Europe/Berlin)."
    assert reply.lines[1] == "Next one: Fri 27 Nov at 07:30 (Europe/Berlin)."


async def test_show_gives_the_next_send_on_the_lifters_own_clock(coach: Coach) -> None:
    # 18:00 UTC on Thursday is already 08:00 on Friday in Kiritimati (UTC+14).
    await coach.reminders.set("u", "7:30am", None, "pacific/kiritimati")
    reply = await coach.reminders.show("u")
    assert reply.private
    assert reply.lines == ("Next one: Sat 28 Nov at 07:30 (Pacific/Kiritimati).",)
    assert ("Time zone", "Pacific/Kiritimati") in reply.fields
    assert ("Days", "every day") in reply.fields


async def test_the_time_zone_defaults_to_the_profiles(coach: Coach) -> None:
    await coach.profile.set("u", timezone="America/New_York")
    reply = await coach.reminders.set("u", "19:00")
    assert "(America/New\\_York)" in reply.lines[0]  # literal in Discord: no italics
    assert plain(reply.lines[1]) == "Next one: Thu 26 Nov at 19:00 (America/New_York)."


async def test_the_time_zone_is_utc_without_a_profile(coach: Coach) -> None:
    reply = await coach.reminders.set("u", "19:00", "weekdays")
    assert reply.lines[0] == "Weekdays at 19:00 (UTC)."
    assert reply.lines[1] == "Next one: Thu 26 Nov at 19:00 (UTC)."


@pytest.mark.parametrize(
    ("time", "days", "zone", "what", "example"),
    [
        ("25:00", None, None, "not a time on the clock", "/remind set time:07:30"),
        ("7", None, None, "morning or evening", "/remind set time:07:30"),
        ("", None, None, "Give the time of day", "/remind set time:07:30 days:mon,wed,fri"),
        (None, None, None, "Give the time of day", "/remind set time:07:30"),
        ("07:30", "mon,funday", None, "'funday' is not a day", "days:mon,wed,fri"),
        ("07:30", None, "Europe/Berln", "not a time zone I know", "timezone:Europe/Berlin"),
        ("07:30", None, "UTC+2", "fixed UTC offset", "timezone:Europe/Berlin"),
        ("07:30", None, "Mars/Olympus", "not a time zone I know", "timezone:Europe/Berlin"),
    ],
)
async def test_bad_input_is_refused_with_a_hint_and_an_example(
    coach: Coach, time: str | None, days: str | None, zone: str | None, what: str,
    example: str,
) -> None:
    reply = await coach.reminders.set("u", time, days, zone)
    assert reply.is_error and reply.private and not reply.saved
    assert what in reply.lines[0]
    assert reply.lines[1].startswith("Hint: ")
    assert reply.lines[2].startswith("Example: ") and example in reply.lines[2]
    assert (await coach.reminders.show("u")).title == "No reminder set"


async def test_a_misspelt_zone_gets_suggestions(coach: Coach) -> None:
    reply = await coach.reminders.set("u", "07:30", None, "Europe/Berln")
    assert "Europe/Berlin" in reply.lines[1]


async def test_off_stops_reminders_and_show_says_so(coach: Coach) -> None:
    await coach.reminders.set("u", "07:30")
    off = await coach.reminders.off("u")
    assert off.title == "Reminders off" and off.saved and off.private
    shown = await coach.reminders.show("u")
    assert shown.title == "Reminders are off" and "You turned them off." in shown.lines
    again = await coach.reminders.off("u")
    assert again.title == "No reminder to turn off" and not again.is_error


async def test_show_without_a_reminder_says_how_to_start(coach: Coach) -> None:
    reply = await coach.reminders.show("u")
    assert reply.title == "No reminder set" and "/remind set time:07:30" in text_of(reply)


async def test_reminders_belong_to_one_lifter(coach: Coach) -> None:
    await coach.reminders.set("ana", "07:30")
    assert (await coach.reminders.show("ben")).title == "No reminder set"
    assert (await coach.reminders.off("ben")).title == "No reminder to turn off"
    assert (await coach.reminders.show("ana")).title == "Your reminder"


async def test_setting_again_replaces_the_schedule(coach: Coach) -> None:
    await coach.reminders.set("u", "07:30", "mon")
    await coach.reminders.off("u")
    await coach.reminders.set("u", "20:15", "sat,sun", "Asia/Tokyo")
    reply = await coach.reminders.show("u")
    assert reply.title == "Your reminder"
    assert ("Time", "20:15") in reply.fields and ("Days", "weekends") in reply.fields
    assert reply.lines == ("Next one: Sat 28 Nov at 20:15 (Asia/Tokyo).",)


# the DM ---------------------------------------------------------------------------------


async def test_no_text_on_a_day_with_a_working_set_in_the_lifters_time_zone(
    coach: Coach, clock: FakeClock
) -> None:
    await coach.profile.set("u", timezone="Asia/Tokyo")  # 18:00 UTC is 03:00 Friday there
    await coach.logbook.log("u", "g", "curl 3x10 @12kg rir1")
    now = clock()
    assert await coach.reminders.compose("u", now, date(2026, 11, 27)) is None
    assert await coach.reminders.compose("u", now, THU) is not None
    await coach.reminders.set("u", "07:30")
    assert await coach.reminders.compose("u", now) is None  # today on the reminder's clock


async def test_the_text_names_overdue_lifts_and_todays_tiers(
    coach: Coach, clock: FakeClock
) -> None:
    for day in ("2026-11-12", "2026-11-19"):  # Thursdays, like today
        await coach.logbook.log("u", "g", f"squat 5x5 @100kg rir2 {day}")
        await coach.logbook.log("u", "g", f"leg extension 3x12 @40kg rir1 {day}")
    for day in ("2026-11-07", "2026-11-14"):  # Saturdays, nothing since
        await coach.logbook.log("u", "g", f"bench 3x8 @80kg rir2 {day}")
    text = await coach.reminders.compose("u", clock(), THU)
    assert text is not None
    assert text.startswith("**Training reminder for Thu 26 Nov**")
    assert "Most overdue: bench press (12 days ago, usually every 7 days)." in text
    assert "Muscles waiting: chest (12 days)" in text
    assert "Likely today: back squat, leg extension." in text
    assert "Keep short of failure, 1-3 reps in reserve: back squat [A1, A6]" in text
    assert "Push the last set to failure or within a rep of it: leg extension [A3]" in text
    assert "This week: 0 of 3 days. 3 more days reach your target." in text
    assert len(text) < 2000


async def test_the_text_warns_about_failure_work_and_lasting_soreness(
    coach: Coach, clock: FakeClock
) -> None:
    await coach.logbook.log("u", "g", "squat 3x5 @110kg f yesterday")
    await coach.profile.sore("u", "quads", 6)
    text = await coach.reminders.compose("u", clock(), THU)
    assert text is not None
    assert "[W1] 3 failure sets on tier A lifts in the past 7 days" in text
    assert "[W4] quadriceps sore for about 6 days" in text
    assert "This week: 1 of 3 days. 2 more days reach your target." in text


async def test_the_text_reports_a_met_target(coach: Coach, clock: FakeClock) -> None:
    await coach.profile.set("u", target=2)
    for day in ("2026-11-23", "2026-11-24"):
        await coach.logbook.log("u", "g", f"curl 3x10 @12kg rir1 {day}")
    text = await coach.reminders.compose("u", clock(), THU)
    assert text is not None and "This week: 2 of 2 days. Target met" in text


async def test_a_new_lifter_is_told_how_to_start(coach: Coach, clock: FakeClock) -> None:
    text = await coach.reminders.compose("u", clock(), THU)
    assert text is not None
    assert "Nothing logged in the last 6 weeks" in text and "/log squat 5x5 rir2" in text
    assert "This week: 0 of 3 days." in text


async def test_closed_dms_leave_a_notice_that_remind_set_clears(coach: Coach) -> None:
    due = datetime(2026, 11, 26, 19, tzinfo=UTC)
    await coach.reminders.set("u", "19:00")
    [row] = await coach.reminders.claim(due, 5, "t", timedelta(minutes=5))
    closed = ReminderOutcome("u", row.version, "closed", THU, None, "dm-1")
    await coach.reminders.finish([closed], due)
    assert "/remind set" in (await coach.reminders.show("u")).lines[1]
    await coach.reminders.set("u", "19:00")
    assert await coach.reminders.pending_notice("u") is None
    assert (await coach.reminders.show("u")).title == "Your reminder"


async def test_a_lifters_own_exercise_name_is_shown_literally(
    coach: Coach, clock: FakeClock
) -> None:
    await coach.profile.exercise("u", "sled *push*", "C")
    await coach.logbook.log("u", "g", "sled *push* 3x10 rir1 2026-11-19")  # last Thursday
    text = await coach.reminders.compose("u", clock(), THU)
    assert text is not None and "sled \\*push\\*" in text  # no bold in Discord


async def test_the_console_takes_the_same_remind_commands(coach: Coach) -> None:
    async def run(line: str) -> str:
        reply = await dispatch(coach, "u", "console", line)
        assert reply is not None
        return render_text(reply)

    out = await run("/remind set time:07:30 days:mon,wed,fri tz:America/Port_of_Spain")
    assert "Mon, Wed, Fri at 07:30 (America/Port_of_Spain)." in out
    assert "Next one: Fri 27 Nov at 07:30 (America/Port_of_Spain)." in out
    assert "Time zone: America/Port_of_Spain" in await run("/remind show")
    assert "Example: /remind set time:07:30" in await run("/remind set time:noonish")
    assert "Reminders off" in await run("/remind off")
    assert "/remind set, /remind show or /remind off" in await run("/remind later")


async def test_the_reminder_says_one_more_day_keeps_the_streak(coach: Coach) -> None:
    # Three weeks on target (3 days each) before this one, two days so far this week.
    days = [date(2026, 11, 23) - timedelta(weeks=w) + timedelta(days=d)
            for w in range(1, 4) for d in (0, 2, 4)] + [date(2026, 11, 23), date(2026, 11, 24)]
    lines = "\n".join(f"curl 3x10 rir1 {d.isoformat()}" for d in days)
    assert (await coach.logbook.log("u", "g", lines)).saved
    text = await coach.reminders.compose("u", datetime(2026, 11, 26, 6, tzinfo=UTC), THU)
    assert text is not None
    assert "This week: 2 of 3 days. 1 more day reaches your target. One more day this week " \
           "keeps your 3-week streak going." in text
    stats = dict((await coach.progress.stats("u")).fields)
    assert stats["Weekly streak"].startswith("3 weeks")  # the same streak /stats shows
