"""A server's weekly recap post: /recap set (admins), /recap show, /recap off.

It runs on the reminders' machinery: the schedule table ``recaps`` has their shape and
SQL (bot.storage.sql.schedule), and a :class:`bot.coach.reminder_dispatch.
ReminderDispatcher` over this source claims, paces and records each post, so it is
persistent, leased (``FOR UPDATE SKIP LOCKED`` on PostgreSQL) and idempotent: the key
is the server and the Monday of the week recapped, recorded with the send and sent as
the message nonce. A server gets one post per week across restarts and processes.

A post that Discord refuses because the channel is gone or the bot may not post there
turns the recap off; the admin who set it is told (a DM from the edge, and a note with
their next command). The past week is the one before the send day (on a Sunday, the
week ending that day), as the weekly check-in reads it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta

from bot.coach.board_scoring import AWAY
from bot.coach.challenges import Challenges
from bot.coach.lifter import Lifter
from bot.coach.names import Names
from bot.coach.recap_text import RecapWeek, recap_text
from bot.coach.reminders import Delivery
from bot.coach.replies import Reply, error_reply, literal
from bot.coach.weekly import decide_weekly
from bot.domain.figures import RecapLifter, week_recap
from bot.domain.models import DEFAULT_TARGET
from bot.domain.plan import reviewed_monday
from bot.domain.reminders import (
    ReminderSpec,
    ScheduleError,
    describe_next,
    local_date_of,
    next_due,
    parse_time,
    parse_timezone,
    parse_weekdays,
)
from bot.storage.contract import ReminderOutcome, ReminderRow

KIND = "recap"
DEFAULT_DAY = 0  # Monday: the week before is complete
DEFAULT_TIME = time(9, 0)
EXAMPLE = "/recap set channel:#gym day:mon time:09:00 timezone:Europe/Berlin"
TURNED_OFF = "off"
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def channel_ref(channel_id: str | None) -> str:
    """A Discord channel as Discord shows it (``<#id>``); a console's channel by name."""
    if not channel_id:
        return "its channel"
    return f"<#{channel_id}>" if channel_id.isdecimal() else f"#{literal(channel_id)}"


def closed_note(channel_id: str | None) -> str:
    where = channel_ref(channel_id)
    return (f"The weekly recap you set up is switched off: I could not post in {where} "
            "(the channel is gone, or I may no longer send messages there). Pick a channel "
            "I can post in with /recap set.")


class Recaps:
    """The server's recap setting, its text, and what the dispatcher needs around a post."""

    def __init__(self, lifter: Lifter, challenges: Challenges, names: Names) -> None:
        self._lifter = lifter
        self._storage = lifter.storage
        self._challenges = challenges
        self._names = names
        self.on_change: Callable[[], None] | None = None

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    # /recap set, show, off ------------------------------------------------------------

    async def set(self, guild_id: str, admin_id: str, channel_id: str | None,
                  channel_label: str = "", day: str | None = None,
                  time_text: str | None = None, timezone: str | None = None) -> Reply:
        """Post the recap in ``channel_id`` each week (the edge has checked the admin)."""
        if not guild_id:
            return error_reply("The recap belongs to a server.", "Set it in the server.",
                               EXAMPLE)
        if not channel_id:
            return error_reply("Name the channel for the recap.",
                               "Pick a text channel the bot can post in.", EXAMPLE)
        weekday = DEFAULT_DAY
        if day is not None and day.strip():
            days = parse_weekdays(day)
            if isinstance(days, ScheduleError) or len(days) != 1:
                return error_reply(f"'{day.strip()}' is not one day of the week.",
                                   "The recap comes once a week: name one day, like mon.",
                                   EXAMPLE)
            [weekday] = days
        wall = DEFAULT_TIME
        if time_text is not None and time_text.strip():
            parsed = parse_time(time_text)
            if isinstance(parsed, ScheduleError):
                return error_reply(parsed.error, parsed.hint, f"/recap set time:{parsed.example}")
            wall = parsed
        zone = (await self._lifter.profile_of(admin_id)).timezone
        if timezone is not None and timezone.strip():
            found = parse_timezone(timezone)
            if isinstance(found, ScheduleError):
                return error_reply(found.error, found.hint, f"/recap set timezone:{found.example}")
            zone = found
        return await self._save(guild_id, admin_id, channel_id, channel_label, weekday, wall,
                                zone)

    async def _save(self, guild_id: str, admin_id: str, channel_id: str, label: str,
                    weekday: int, wall: time, zone: str) -> Reply:
        now = self._lifter.now()
        spec = ReminderSpec(wall, zone, frozenset({weekday}))
        due = next_due(spec, now)
        setting = await self._storage.get_recap(guild_id)
        done = None if setting is None else setting.schedule.last_local_date
        if done == reviewed_monday(local_date_of(due, zone)):
            due = next_due(spec, due)  # that week was already recapped
        await self._storage.save_recap(guild_id, channel_id, f"{wall:%H:%M}", zone, weekday,
                                       due, admin_id, now)
        self._changed()
        where = literal(label) if label else channel_ref(channel_id)
        return Reply(title="Weekly recap on", lines=(
            f"Every {_DAY_NAMES[weekday]} at {wall:%H:%M} ({literal(zone)}) in {where}: the "
            "week before, who met their target, the longest streaks, the most improved, "
            "the server's training days and where its failure sets went.",
            f"First one: {describe_next(due, zone).replace(zone, literal(zone))}.",
            "Names are shown, nobody is pinged, and lifters who opted out of the "
            "leaderboards never appear. Preview it with /recap show.",
        ), tone="ok", saved=True)

    async def off(self, guild_id: str) -> Reply:
        if not guild_id or not await self._storage.disable_recap(guild_id, TURNED_OFF,
                                                                  self._lifter.now()):
            return Reply(title="No recap to turn off",
                         lines=("This server gets no weekly recap.", f"Start it: `{EXAMPLE}`"),
                         private=True)
        self._changed()
        return Reply(title="Weekly recap off", lines=(
            "No more recap posts. Turn it on again with /recap set.",), tone="ok", saved=True)

    async def show(self, guild_id: str) -> Reply:
        """The setting, and the recap of the past week as it would be posted now."""
        if not guild_id:
            return error_reply("The recap belongs to a server.", "Run it in the server.",
                               "/recap show")
        now = self._lifter.now()
        setting = await self._storage.get_recap(guild_id)
        if setting is not None and setting.schedule.enabled:
            row = setting.schedule
            state = (f"On: every {_DAY_NAMES[int(row.weekdays)]} at {row.local_time} "
                     f"({literal(row.timezone)}) in {channel_ref(row.dm_channel_id)}; next "
                     f"{describe_next(row.next_due_at or now, row.timezone)}.")
            zone = row.timezone
        else:
            state = f"Off. Start it with `{EXAMPLE}`."
            zone = "UTC"
        monday = reviewed_monday(local_date_of(now, zone))
        text = await self.compose(guild_id, now, monday, announce=False)
        return Reply(title="Weekly recap", lines=(state, "This is what it would post now:",
                                                   *text.splitlines()), private=True)

    async def pending_notice(self, admin_id: str) -> str | None:
        """Why a recap this admin set switched itself off, once (then cleared)."""
        notice = await self._storage.take_recap_notice(admin_id)
        return None if notice is None else closed_note(notice.channel_id)

    async def admin_of(self, guild_id: str) -> str | None:
        """The admin who set the server's recap (told when it turns itself off)."""
        setting = await self._storage.get_recap(guild_id)
        return None if setting is None else setting.set_by

    # the post ---------------------------------------------------------------------------

    async def week(self, guild_id: str, now: datetime, monday: date) -> RecapWeek:
        """The figures of the week starting ``monday``, for the lifters on the boards."""
        sunday = monday + timedelta(days=6)
        data = await self._storage.board_data(guild_id, None, sunday)
        away = await self._storage.board_away(guild_id, now - AWAY)
        days: dict[str, set[date]] = {}
        for user, day in data.days:
            days.setdefault(user, set()).add(day)
        lifters = {
            user: RecapLifter(frozenset(found), data.histories.get(user)
                              or data.lifters[user].weekly_target or DEFAULT_TARGET)
            for user, found in days.items() if user not in away and user in data.lifters
        }
        failures = await self._storage.recap_failures(guild_id, monday, sunday)
        running = await self._challenges.current(guild_id, now)
        ended = await self._challenges.ended(guild_id, now)
        return RecapWeek(week_recap(lifters, monday), failures, running, tuple(ended))

    async def compose(self, guild_id: str, now: datetime, monday: date, *,
                      announce: bool = True) -> str:
        """The post for the week starting ``monday``; with ``announce`` the challenges
        it announces as ended are marked so (the next post does not repeat them)."""
        week = await self.week(guild_id, now, monday)
        names = await self._names.of(guild_id, week.user_ids())
        if announce and week.ended:
            await self._challenges.announced([row.challenge_id for row, _ in week.ended])
        return recap_text(week, names)

    # the dispatcher ---------------------------------------------------------------------

    async def claim(self, now: datetime, limit: int, owner: str, lease: timedelta
                    ) -> list[ReminderRow]:
        return await self._storage.claim_due_recaps(now, limit, owner, lease)

    async def release(self, owner: str) -> int:
        return await self._storage.release_recap_leases(owner)

    async def next_wakeup(self, now: datetime) -> datetime | None:
        return await self._storage.next_recap_wakeup(now)

    async def defer(self, user_id: str, owner: str, until: datetime) -> None:
        await self._storage.defer_recap(user_id, owner, until)

    async def finish(self, outcomes: Sequence[ReminderOutcome], now: datetime) -> None:
        await self._storage.finish_recaps(outcomes, now)

    async def prepare(self, rows: Sequence[ReminderRow], now: datetime, grace: timedelta
                      ) -> list[Delivery]:
        """Decide each claimed recap: post, roll forward, or only move on (its week was
        already posted). Overdue by more than ``grace``: rolled to the next one."""
        return [await self._decide(row, now, grace) for row in rows]

    async def _decide(self, row: ReminderRow, now: datetime, grace: timedelta) -> Delivery:
        async def compose(_send_day: date, week: date) -> tuple[str, None]:
            return await self.compose(row.user_id, now, week), None

        return await decide_weekly(row, now, grace, KIND, compose)


__all__ = ["DEFAULT_DAY", "DEFAULT_TIME", "EXAMPLE", "KIND", "Recaps", "closed_note"]
