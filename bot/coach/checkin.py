"""The weekly check-in DM: /checkin on [day] [time], /checkin off, and what it says.

It runs on the reminders' machinery: the same schedule-table shape and SQL
(``checkins``), the same :class:`bot.coach.reminder_dispatch.ReminderDispatcher` (a
second instance over this source), so it is persistent, paced, leased and idempotent
in the same way. The idempotency key is the lifter and the Monday of the week
reviewed: a week is reviewed once, across restarts, processes and a changed day. A DM
refused because the lifter's DMs are closed turns the check-in off, with a notice.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any, Protocol

from bot.coach import charts
from bot.coach.lifter import Lifter
from bot.coach.reminders import CLOSED_DMS, INVALID, TURNED_OFF, Delivery
from bot.coach.replies import Reply, error_reply, literal
from bot.coach.weekly import decide_weekly
from bot.domain.figures import (
    best_line,
    new_bests,
    rir_calibration,
)
from bot.domain.models import Exercise, Profile, StoredEntry, Unit
from bot.domain.plan import BlockSetting, WeekPlan, day_label, reviewed_monday, week_review
from bot.domain.reminders import (
    ReminderSpec,
    ScheduleError,
    describe_next,
    local_date_of,
    next_due,
    parse_time,
    parse_weekdays,
)
from bot.storage.contract import ReminderOutcome, ReminderRow


class LifterWeek(Protocol):
    @property
    def profile(self) -> Profile: ...

    @property
    def entries(self) -> tuple[StoredEntry, ...]: ...


class PlanReader(Protocol):
    """What the check-in reads of the plan area (bot.coach.plan.Plan)."""

    async def setting(self, user_id: str, today: date) -> BlockSetting: ...

    async def read_week(self, user_id: str, now: datetime, today: date | None = None,
                        before: date | None = None) -> LifterWeek: ...

    async def week_plan(self, user_id: str, now: datetime, today: date | None = None,
                        before: date | None = None) -> WeekPlan: ...

KIND = "checkin"
DEFAULT_DAY = 0  # Monday: the week before is complete
DEFAULT_TIME = time(7, 0)
EXAMPLE = "/checkin on day:mon time:07:00"
CHART_MIN_MUSCLES = 3  # fewer muscles say as much in a line of text
NOTICES = {
    CLOSED_DMS: ("Your weekly check-in is switched off: Discord refused my last check-in DM "
                 "because you don't accept direct messages from me. Allow DMs, then turn it "
                 "back on with /checkin on."),
    INVALID: ("Your weekly check-in is switched off: I could no longer work out its time "
              "(the time zone may have been renamed). Turn it on again with /checkin on."),
}
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class Checkins:
    """The lifter's check-in setting, and what the dispatcher needs around a send."""

    def __init__(self, lifter: Lifter, plan: PlanReader) -> None:
        self._lifter = lifter
        self._storage = lifter.storage
        self._plan = plan
        self.on_change: Callable[[], None] | None = None

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    # /checkin on, off ---------------------------------------------------------------

    async def on(self, user_id: str, day: str | None = None, time_text: str | None = None
                 ) -> Reply:
        """Turn the check-in on (Monday 07:00 unless told), in the profile's time zone."""
        weekday = DEFAULT_DAY
        if day is not None and day.strip():
            days = parse_weekdays(day)
            if isinstance(days, ScheduleError) or len(days) != 1:
                return error_reply(f"'{day.strip()}' is not one day of the week.",
                                   "The check-in comes once a week: name one day, like mon "
                                   "or sunday.", EXAMPLE)
            [weekday] = days
        wall = DEFAULT_TIME
        if time_text is not None and time_text.strip():
            parsed = parse_time(time_text)
            if isinstance(parsed, ScheduleError):
                return error_reply(parsed.error, parsed.hint, f"/checkin on time:{parsed.example}")
            wall = parsed
        profile = await self._lifter.profile_of(user_id)
        zone = profile.timezone
        now = self._lifter.now()
        spec = ReminderSpec(wall, zone, frozenset({weekday}))
        due = next_due(spec, now)
        row = await self._storage.get_checkin(user_id)
        if row is not None and row.last_local_date == reviewed_monday(local_date_of(due, zone)):
            due = next_due(spec, due)  # that week was already reviewed
        await self._plan.setting(user_id, self._lifter.today(profile, now))
        await self._storage.save_checkin(user_id, f"{wall:%H:%M}", zone, weekday, due, now)
        self._changed()
        looks = ("the week ending that day" if weekday == 6 else "the week before")
        return Reply(title="Weekly check-in on", lines=(
            f"Every {_DAY_NAMES[weekday]} at {wall:%H:%M} ({literal(zone)}), as a DM: "
            f"{looks} against its plan, and the plan ahead.",
            f"First one: {describe_next(due, zone).replace(zone, literal(zone))}.",
            "Keep DMs from me open. It follows your profile's time zone as it is now; "
            "after /profile tz:ZONE, run /checkin on again."),
            tone="ok", private=True, saved=True)

    async def off(self, user_id: str) -> Reply:
        if not await self._storage.disable_checkin(user_id, TURNED_OFF, self._lifter.now()):
            return Reply(title="No check-in to turn off",
                         lines=("You get no weekly check-in.", f"Start it: `{EXAMPLE}`"),
                         private=True)
        self._changed()
        return Reply(title="Weekly check-in off", lines=(
            "No more check-in DMs. Turn it on again with `/checkin on`.",),
            tone="ok", private=True, saved=True)

    async def pending_notice(self, user_id: str) -> str | None:
        """Why the check-in was switched off behind the lifter's back, once."""
        reason = await self._storage.take_checkin_notice(user_id)
        return None if reason is None else NOTICES.get(reason)

    # the DM -------------------------------------------------------------------------

    async def compose(self, user_id: str, now: datetime, send_day: date
                      ) -> tuple[str, tuple[str, bytes] | None]:
        """The check-in text for a send on ``send_day``, and a chart when it helps."""
        first = reviewed_monday(send_day)
        planned = await self._plan.week_plan(user_id, now, first, before=first)
        ahead = first + timedelta(weeks=1)
        today = ahead if send_day < ahead else send_day
        week = await self._plan.read_week(user_id, now, today)
        upcoming = await self._plan.week_plan(user_id, now, today)
        extra = _extra_lines(week.entries, first, week.profile.unit, send_day)
        review = week_review(week.entries, first, planned, upcoming,
                             week.profile.weekly_target, extra, _name)
        chart = None
        if len(review.hard_sets) >= CHART_MIN_MUSCLES:
            png = await asyncio.to_thread(volume_chart, review.hard_sets, first)
            chart = (f"check-in-{first.isoformat()}.png", png)
        return review.text, chart

    # the dispatcher -----------------------------------------------------------------

    async def claim(self, now: datetime, limit: int, owner: str, lease: timedelta
                    ) -> list[ReminderRow]:
        return await self._storage.claim_due_checkins(now, limit, owner, lease)

    async def release(self, owner: str) -> int:
        return await self._storage.release_checkin_leases(owner)

    async def next_wakeup(self, now: datetime) -> datetime | None:
        return await self._storage.next_checkin_wakeup(now)

    async def defer(self, user_id: str, owner: str, until: datetime) -> None:
        await self._storage.defer_checkin(user_id, owner, until)

    async def finish(self, outcomes: Sequence[ReminderOutcome], now: datetime) -> None:
        await self._storage.finish_checkins(outcomes, now)

    async def prepare(self, rows: Sequence[ReminderRow], now: datetime, grace: timedelta
                      ) -> list[Delivery]:
        """Decide each claimed check-in: send, roll forward, or only move on (its week
        was already reviewed). Overdue by more than ``grace``: rolled to the next one."""
        decided = []
        for row in rows:
            decided.append(await self._decide(row, now, grace))
        return decided

    async def _decide(self, row: ReminderRow, now: datetime, grace: timedelta) -> Delivery:
        async def compose(send_day: date, _week: date) -> tuple[str, tuple[str, bytes] | None]:
            return await self.compose(row.user_id, now, send_day)

        return await decide_weekly(row, now, grace, KIND, compose)


def _name(exercise: Exercise) -> str:
    return literal(exercise.name)


def volume_chart(hard_sets: dict[str, float], first: date) -> bytes:
    """Last week's hard sets per muscle as bars, the rough 10-20 range shaded."""
    return charts.volume_chart(hard_sets, day_label(first))


def _extra_lines(entries: Sequence[Any], first: date, unit: Unit, today: date
                 ) -> tuple[str, ...]:
    """New bests of the reviewed week (three at most) and the RIR calibration."""
    lines: list[str] = []
    sunday = first + timedelta(days=6)
    for entry in sorted(entries, key=lambda e: (e.local_date, e.entry_id)):
        if first <= entry.local_date <= sunday:
            for best in new_bests(entry, entries)[:1]:
                lines.append(best_line(best, literal(entry.exercise.name), unit, today))
    lines = lines[:3]
    found: Any = rir_calibration(entries)
    if found is not None and found.pairs:
        offset = int(found.offset)
        sets = len(found.pairs)
        how = ("your RIR guesses matched" if offset == 0 else
               f"you had about {abs(offset)} more {'rep' if abs(offset) == 1 else 'reps'} "
               "in reserve than you guessed" if offset > 0 else
               f"you had about {abs(offset)} fewer {'rep' if abs(offset) == 1 else 'reps'} "
               "in reserve than you guessed")
        lines.append(f"RIR calibration: from {sets} {'set' if sets == 1 else 'sets'} taken "
                     f"to failure, {how}.")
    return tuple(lines)


__all__ = ["DEFAULT_DAY", "DEFAULT_TIME", "EXAMPLE", "KIND", "Checkins", "volume_chart"]
