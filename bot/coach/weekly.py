"""Deciding a claimed weekly send (the check-in DM, the server's recap post).

Both run on the reminders' dispatcher with one send a week; the week they review is the
one before the send day (on a Sunday, the week ending that day), and its Monday is the
idempotency key recorded with the send. One decision for both: send, roll forward
(too late, or that week was already handled), or switch off (unreadable schedule).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta

from bot.coach.reminders import Delivery, spec_of
from bot.domain.plan import reviewed_monday
from bot.domain.reminders import due_action, local_date_of, next_due
from bot.storage.contract import ReminderOutcome, ReminderOutcomeKind, ReminderRow

Compose = Callable[[date, date], Awaitable[tuple[str, tuple[str, bytes] | None]]]
"""(send day, Monday of the week reviewed) -> the text and an attachment, if any."""


def settle(row: ReminderRow, day: date, following: datetime, kind: ReminderOutcomeKind,
           delivery_kind: str) -> Delivery:
    """A claimed row that sends nothing: it only moves on (or switches off)."""
    outcome = ReminderOutcome(row.user_id, row.version, kind, None, following)
    return Delivery(row, day, following, settled=outcome, kind=delivery_kind)


async def decide_weekly(row: ReminderRow, now: datetime, grace: timedelta, kind: str,
                        compose: Compose) -> Delivery:
    """Send, roll forward or switch off one claimed weekly row (see the module)."""
    try:
        spec = spec_of(row)
    except ValueError:
        spec = None
    due = row.next_due_at or now
    if spec is None:
        return settle(row, due.date(), due, "invalid", kind)
    send_day = local_date_of(due, row.timezone)
    week = reviewed_monday(send_day)
    action = due_action(due, now, grace)
    if action == "wait":
        return settle(row, week, due, "rolled", kind)
    if action == "skip":
        return settle(row, week, next_due(spec, now), "rolled", kind)
    if row.last_local_date == week:
        return settle(row, week, next_due(spec, due), "rolled", kind)
    text, attachment = await compose(send_day, week)
    return Delivery(row, week, next_due(spec, due), text=text, kind=kind, attachment=attachment)
