"""The application service: one method per thing a lifter or an admin can do.

It takes plain values and an injected clock, talks to storage (it is the only
caller) and the pure domain, and returns :class:`bot.replies.Reply` values. It
knows nothing of Discord or of the terminal, so both edges say the same thing.
Areas with their own state (reminders, leaderboards, data export) live in their
own modules and hang off :class:`Coach` as attributes.
"""

from bot.coach.clock import Clock, system_clock
from bot.coach.service import Coach

__all__ = ["Clock", "Coach", "system_clock"]
