"""What a schedule table in the reminders' shape hands the dispatcher, and what it
records back (see bot.storage.sql.schedule); re-exported by bot.storage.contract."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

ReminderOutcomeKind = Literal["sent", "trained", "failed", "rolled", "closed", "invalid"]
"""closed: the lifter's DMs are closed; invalid: the schedule can no longer be read
(say, its time zone left the tz database). Both switch reminders off with a notice."""


@dataclass(frozen=True)
class ReminderRow:
    """A lifter's stored reminder schedule (``next_due_at`` is None while it is off)."""

    user_id: str
    local_time: str
    timezone: str
    weekdays: str
    enabled: bool
    next_due_at: datetime | None
    dm_channel_id: str | None
    disabled_reason: str | None
    notice_pending: bool
    version: int
    last_local_date: date | None = None


@dataclass(frozen=True)
class ReminderOutcome:
    """How one claimed reminder ended, written back in one transaction with the others.

    ``local_date`` is recorded as the lifter's last handled day: with the user id it is
    the idempotency key (None when no day was handled, as when an old reminder is
    rolled forward). ``version`` is the schedule version that was claimed: a newer
    schedule set meanwhile is never overwritten.
    """

    user_id: str
    version: int
    kind: ReminderOutcomeKind
    local_date: date | None
    next_due_at: datetime | None
    dm_channel_id: str | None = None
