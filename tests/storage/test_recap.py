"""Recap storage on each engine: the week's failure sets of a server, and a recap's
note for the admin who set it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.domain.models import Exercise, SetRecord
from bot.storage.contract import NewEntry, ReminderOutcome, Storage

NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
SQUAT = Exercise(key="back-squat", name="back squat", tier="A")
CURL = Exercise(key="dumbbell-curl", name="dumbbell curl", tier="D")
FAILED = SetRecord(reps=5, load_kg=100.0, failure=True)
RIR_ZERO = SetRecord(reps=8, load_kg=20.0, rir=0.0)
SHORT = SetRecord(reps=5, load_kg=100.0, rir=2.0)
WARM = SetRecord(reps=5, load_kg=40.0, warmup=True, failure=True)


async def log(storage: Storage, user: str, guild: str, day: date, exercise: Exercise,
              *sets: SetRecord) -> None:
    moment = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    await storage.add_entries(user, guild, [NewEntry(exercise, sets, moment, day)], NOW)


async def test_failure_sets_of_the_week_logged_in_the_server_by_its_members(
    storage: Storage
) -> None:
    monday = date(2026, 11, 16)
    await log(storage, "ann", "g", monday, SQUAT, FAILED, SHORT, WARM)
    await log(storage, "ann", "g", monday + timedelta(days=2), CURL, RIR_ZERO, RIR_ZERO)
    await log(storage, "ann", "g", monday - timedelta(days=1), CURL, RIR_ZERO)  # week before
    await log(storage, "ann", "other", monday, CURL, RIR_ZERO)  # another server's
    await log(storage, "cy", "g", monday, CURL, RIR_ZERO)
    await storage.set_board_opt_out("g", "cy", True, NOW)  # opted out: never counted
    found = await storage.recap_failures("g", monday, monday + timedelta(days=6))
    assert found == {"A": 1, "D": 2}


async def test_the_admin_s_note_comes_once_and_only_to_that_admin(storage: Storage) -> None:
    due = datetime(2026, 11, 30, 9, tzinfo=UTC)
    await storage.save_recap("g", "123", "09:00", "UTC", 0, due, "boss", NOW)
    [row] = await storage.claim_due_recaps(due, 10, "me", timedelta(minutes=5))
    assert (row.user_id, row.dm_channel_id, row.weekdays) == ("g", "123", "0")
    await storage.finish_recaps([ReminderOutcome("g", row.version, "closed", None, None)],
                                due)
    setting = await storage.get_recap("g")
    assert setting is not None and not setting.schedule.enabled
    assert setting.schedule.disabled_reason == "channel_closed"
    assert await storage.take_recap_notice("someone") is None
    notice = await storage.take_recap_notice("boss")
    assert notice is not None and (notice.guild_id, notice.channel_id) == ("g", "123")
    assert await storage.take_recap_notice("boss") is None
