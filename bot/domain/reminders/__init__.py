"""Reminder maths: schedules, time zones and the message a reminder carries.

A lifter asks for a nudge at a time of day on some weekdays in their own time zone;
this group reads what they type, works out when the next reminder is due (and what a
late or missed one should do), and writes the reminder's text from a summary of their
recent training. The dispatcher in the coach does the waiting and the sending.
"""

from bot.domain.reminders.message import (
    LOOKBACK_DAYS,
    MESSAGE_LIMIT,
    ReminderInputs,
    Session,
    compose_reminder,
    sessions_of,
)
from bot.domain.reminders.schedule import (
    ReminderSpec,
    describe_next,
    describe_weekdays,
    due_action,
    local_date_of,
    next_due,
)
from bot.domain.reminders.schedule_input import (
    ALL_WEEKDAYS,
    ScheduleError,
    parse_time,
    parse_weekdays,
)
from bot.domain.reminders.time_zones import parse_timezone, timezone_choices

__all__ = [
    "ALL_WEEKDAYS",
    "LOOKBACK_DAYS",
    "MESSAGE_LIMIT",
    "ReminderInputs",
    "ReminderSpec",
    "ScheduleError",
    "Session",
    "compose_reminder",
    "describe_next",
    "describe_weekdays",
    "due_action",
    "local_date_of",
    "next_due",
    "parse_time",
    "parse_timezone",
    "parse_weekdays",
    "sessions_of",
    "timezone_choices",
]
