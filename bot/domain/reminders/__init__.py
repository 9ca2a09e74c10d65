"""Reminder maths: schedules, time zones and the message a reminder carries."""
