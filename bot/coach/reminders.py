"""Daily reminder DMs: /remind set, show and off; the DM's text; the dispatcher's storage.

The dispatcher (bot/coach/reminder_dispatch.py) owns the timing and the sending; everything it
reads or writes goes through this service, which decides per claimed reminder
whether a DM is due, already handled, or too old (rolled to the next day).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from bot.coach.lifter import Lifter
from bot.coach.replies import Reply, error_reply, literal
from bot.domain.catalogue import primary_muscles
from bot.domain.models import Profile
from bot.domain.reminders import (
    ALL_WEEKDAYS,
    LOOKBACK_DAYS,
    ReminderInputs,
    ReminderSpec,
    ScheduleError,
    compose_reminder,
    describe_next,
    describe_weekdays,
    due_action,
    local_date_of,
    next_due,
    parse_time,
    parse_timezone,
    parse_weekdays,
)
from bot.storage.contract import (
    ReminderInputRows,
    ReminderOutcome,
    ReminderOutcomeKind,
    ReminderRow,
)

CLOSED_DMS = "dm_closed"
INVALID = "invalid_schedule"
TURNED_OFF = "off"
SET_EXAMPLE = "/remind set time:07:30 days:mon,wed,fri timezone:Europe/Berlin"
NOTICES = {
    CLOSED_DMS: (
        "Your daily reminders are switched off: Discord refused my last reminder DM "
        "because you don't accept direct messages from me. Allow DMs from server members "
        "in your privacy settings, then turn them back on with /remind set."
    ),
    INVALID: (
        "Your daily reminders are switched off: I could no longer work out their time "
        "(the time zone may have been renamed). Set them again with /remind set."
    ),
}


def reminder_nonce(user_id: str, local_date: date, kind: str = "") -> str:
    """The idempotency key of one lifter's reminder on one local date (Discord's nonce,
    at most 25 characters, so a repeated send of the same day is recognised). ``kind``
    keeps another DM on the same machinery (the weekly check-in) apart from the daily
    reminder of that date."""
    key = f"{user_id}:{local_date.isoformat()}"
    digest = hashlib.blake2b((f"{kind}:{key}" if kind else key).encode(), digest_size=10)
    return digest.hexdigest()


def spec_of(row: ReminderRow) -> ReminderSpec:
    hours, minutes = row.local_time.split(":")
    days = frozenset(int(d) for d in row.weekdays.split(",") if d)
    return ReminderSpec(time(int(hours), int(minutes)), row.timezone, days)


@dataclass(frozen=True)
class Delivery:
    """One claimed reminder, decided. ``text`` is the DM to send; None when nothing is
    to be sent and ``settled`` already says how it ends."""

    row: ReminderRow
    local_date: date
    next_due_at: datetime
    text: str | None = None
    settled: ReminderOutcome | None = None
    kind: str = ""  # "" for the daily reminder; see reminder_nonce
    attachment: tuple[str, bytes] | None = None  # (file name, PNG) sent with the text

    @property
    def nonce(self) -> str:
        return reminder_nonce(self.row.user_id, self.local_date, self.kind)

    def outcome(self, kind: ReminderOutcomeKind, dm_channel_id: str | None = None
                ) -> ReminderOutcome:
        return ReminderOutcome(self.row.user_id, self.row.version, kind, self.local_date,
                               self.next_due_at, dm_channel_id)


class Reminders:
    """The lifter's reminder settings and what the dispatcher needs around a send."""

    def __init__(self, lifter: Lifter) -> None:
        self._lifter = lifter
        self._storage = lifter.storage
        self._clock = lifter.clock
        self._catalogue = lifter.catalogue
        self.on_change: Callable[[], None] | None = None

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    # /remind set, show, off ---------------------------------------------------------

    async def set(self, user_id: str, time_text: str | None, days: str | None = None,
                  timezone: str | None = None) -> Reply:
        if time_text is None or not time_text.strip():
            return error_reply("Give the time of day for your reminder.",
                               "Use a 24-hour time like 07:30, or 7am.", SET_EXAMPLE)
        wall = parse_time(time_text)
        if isinstance(wall, ScheduleError):
            return error_reply(wall.error, wall.hint, f"/remind set time:{wall.example}")
        weekdays = ALL_WEEKDAYS
        if days is not None and days.strip():
            parsed = parse_weekdays(days)
            if isinstance(parsed, ScheduleError):
                return error_reply(parsed.error, parsed.hint,
                                   f"/remind set time:07:30 days:{parsed.example}")
            weekdays = parsed
        if timezone is not None and timezone.strip():
            zone = parse_timezone(timezone)
            if isinstance(zone, ScheduleError):
                return error_reply(zone.error, zone.hint,
                                   f"/remind set time:07:30 timezone:{zone.example}")
        else:
            zone = (await self._lifter.profile_of(user_id)).timezone
        spec = ReminderSpec(wall, zone, weekdays)
        now = self._clock()
        due = next_due(spec, now)
        row = await self._storage.get_reminder(user_id)
        if row is not None and row.last_local_date == local_date_of(due, zone):
            due = next_due(spec, due)  # that day's reminder was already handled
        await self._storage.save_reminder(
            user_id, f"{wall:%H:%M}", zone, ",".join(str(d) for d in sorted(weekdays)), due, now
        )
        self._changed()
        return Reply(
            title="Reminder set",
            lines=(f"{_upper_first(describe_weekdays(weekdays))} at {wall:%H:%M} "
                   f"({literal(zone)}).",
                   f"Next one: {_when(due, zone)}.",
                   "It comes as a DM, so keep direct messages from me open. On a day you "
                   "have already logged a working set, I stay quiet."),
            tone="ok", private=True, saved=True,
        )

    async def show(self, user_id: str) -> Reply:
        row = await self._storage.get_reminder(user_id)
        if row is None:
            return Reply(title="No reminder set",
                         lines=("You get no reminder DMs yet.", f"Start them: `{SET_EXAMPLE}`"),
                         private=True)
        spec = _readable(row)
        days = row.weekdays if spec is None else describe_weekdays(spec.weekdays)
        fields = (("Time", row.local_time), ("Days", literal(days)),
                  ("Time zone", literal(row.timezone)))
        if not row.enabled or row.next_due_at is None or spec is None:
            why = {CLOSED_DMS: "Discord refused my last DM to you: your DMs are closed to me.",
                   INVALID: "I could no longer work out their time; set them again."}.get(
                       row.disabled_reason or "", "You turned them off.")
            return Reply(title="Reminders are off", lines=(why, "Turn them on again with "
                                                           "`/remind set time:07:30`."),
                         fields=fields, private=True)
        return Reply(title="Your reminder",
                     lines=(f"Next one: {_when(row.next_due_at, row.timezone)}.",),
                     fields=fields, private=True)

    async def off(self, user_id: str) -> Reply:
        if not await self._storage.disable_reminder(user_id, TURNED_OFF, self._clock()):
            return Reply(title="No reminder to turn off",
                         lines=("You get no reminder DMs.", f"Start them: `{SET_EXAMPLE}`"),
                         private=True)
        self._changed()
        return Reply(title="Reminders off", lines=("No more reminder DMs. Turn them on again "
                                                   "with `/remind set time:07:30`.",),
                     tone="ok", private=True, saved=True)

    async def pending_notice(self, user_id: str) -> str | None:
        """Why reminders were switched off behind the lifter's back, once (then cleared)."""
        reason = await self._storage.take_reminder_notice(user_id)
        return None if reason is None else NOTICES.get(reason)

    # the DM ---------------------------------------------------------------------------

    async def compose(self, user_id: str, now: datetime, day: date | None = None) -> str | None:
        """The reminder text for ``day`` (default: today on the reminder's clock); None
        when the lifter already logged a working set that day."""
        if day is None:
            row = await self._storage.get_reminder(user_id)
            profile = await self._lifter.profile_of(user_id)
            day = local_date_of(now, row.timezone if row else profile.timezone)
        return (await self._texts({user_id: day}, now))[user_id]

    async def _texts(self, days: dict[str, date], now: datetime) -> dict[str, str | None]:
        rows = await self._storage.reminder_inputs(
            list(days), now - timedelta(days=LOOKBACK_DAYS + 2))
        return self._write(days, rows, now)

    def _write(self, days: dict[str, date], rows: ReminderInputRows, now: datetime
               ) -> dict[str, str | None]:
        texts: dict[str, str | None] = {}
        for user, day in days.items():
            sessions = [s if self._catalogue.get(s.key) else replace(s, name=literal(s.name))
                        for s in rows.sessions.get(user, ())]  # a lifter's own names: literal
            inputs = ReminderInputs(
                sessions=sessions,
                soreness=rows.soreness.get(user, ()),
                weekly_target=rows.profiles.get(user, Profile()).weekly_target,
                today=day, now=now, muscles={s.key: self._muscles(s.key) for s in sessions},
                target_history=rows.targets.get(user, ()),
            )
            texts[user] = compose_reminder(inputs)
        return texts

    def _muscles(self, key: str) -> tuple[str, ...]:
        """Primary muscles under the names /stats and W6 use for them."""
        known = self._catalogue.get(key)
        return () if known is None else primary_muscles(known)

    # the dispatcher ---------------------------------------------------------------------

    async def claim(self, now: datetime, limit: int, owner: str, lease: timedelta
                    ) -> list[ReminderRow]:
        return await self._storage.claim_due_reminders(now, limit, owner, lease)

    async def release(self, owner: str) -> int:
        return await self._storage.release_reminder_leases(owner)

    async def next_wakeup(self, now: datetime) -> datetime | None:
        return await self._storage.next_reminder_wakeup(now)

    async def defer(self, user_id: str, owner: str, until: datetime) -> None:
        await self._storage.defer_reminder(user_id, owner, until)

    async def finish(self, outcomes: Sequence[ReminderOutcome], now: datetime) -> None:
        await self._storage.finish_reminders(outcomes, now)

    async def prepare(self, rows: Sequence[ReminderRow], now: datetime, grace: timedelta
                      ) -> list[Delivery]:
        """Decide each claimed reminder: send (with its text), skip or roll forward.

        Sent once per local date: a day already recorded as handled is only moved on.
        Overdue by more than ``grace``: rolled to the next due instant after ``now``.
        """
        if not rows:
            return []
        decided: dict[str, Delivery] = {}
        wanted: dict[str, date] = {}
        following: dict[str, datetime] = {}
        for row in rows:
            spec, due = _readable(row), _due(row)
            if spec is None:  # never let one unreadable row hold up everyone else's
                decided[row.user_id] = _settle(row, due.date(), due, "invalid", None)
                continue
            day = local_date_of(due, row.timezone)
            action = due_action(due, now, grace)
            if action == "wait":
                decided[row.user_id] = _settle(row, day, due, "rolled", None)
            elif action == "skip":
                decided[row.user_id] = _settle(row, day, next_due(spec, now), "rolled", None)
            elif row.last_local_date == day:
                decided[row.user_id] = _settle(row, day, next_due(spec, due), "rolled", None)
            else:
                wanted[row.user_id] = day
                following[row.user_id] = next_due(spec, due)
        texts = await self._texts(wanted, now) if wanted else {}
        for row in rows:
            if row.user_id in decided:
                continue
            day, text = wanted[row.user_id], texts[row.user_id]
            if text is None:
                decided[row.user_id] = _settle(row, day, following[row.user_id], "trained", day)
            else:
                decided[row.user_id] = Delivery(row, day, following[row.user_id], text=text)
        return [decided[r.user_id] for r in rows]


def _readable(row: ReminderRow) -> ReminderSpec | None:
    try:
        return spec_of(row)
    except ValueError:
        return None


def _when(due: datetime, zone: str) -> str:
    """The next send on the lifter's clock; zone names like Port_of_Spain kept literal."""
    return describe_next(due, zone).replace(zone, literal(zone))


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _due(row: ReminderRow) -> datetime:
    if row.next_due_at is None:
        raise ValueError(f"reminder of {row.user_id} has no due instant")
    return row.next_due_at


def _settle(row: ReminderRow, day: date, following: datetime, kind: ReminderOutcomeKind,
            recorded: date | None) -> Delivery:
    outcome = ReminderOutcome(row.user_id, row.version, kind, recorded, following)
    return Delivery(row, day, following, settled=outcome)
