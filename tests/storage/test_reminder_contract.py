"""What the reminder dispatcher relies on from either storage engine."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.storage.base import ReminderOutcome, Storage

NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
LEASE = timedelta(minutes=5)
DAY = date(2026, 11, 26)


async def schedule(storage: Storage, user: str, due: datetime) -> None:
    await storage.save_reminder(user, "18:00", "UTC", "0,1,2,3,4,5,6", due, NOW)


async def test_claims_are_leased_earliest_first_and_limited(storage: Storage) -> None:
    await schedule(storage, "late", NOW - timedelta(minutes=1))
    await schedule(storage, "early", NOW - timedelta(minutes=9))
    await schedule(storage, "future", NOW + timedelta(minutes=1))
    first = await storage.claim_due_reminders(NOW, 1, "a", LEASE)
    assert [r.user_id for r in first] == ["early"]
    assert first[0].next_due_at == NOW - timedelta(minutes=9)
    rest = await storage.claim_due_reminders(NOW, 10, "b", LEASE)
    assert [r.user_id for r in rest] == ["late"]  # "early" is leased to a
    assert await storage.claim_due_reminders(NOW, 10, "b", LEASE) == []
    expired = await storage.claim_due_reminders(NOW + LEASE, 10, "b", LEASE)
    assert {r.user_id for r in expired} == {"early", "late", "future"}


async def test_released_leases_can_be_claimed_again(storage: Storage) -> None:
    await schedule(storage, "u", NOW)
    await storage.claim_due_reminders(NOW, 10, "a", LEASE)
    assert await storage.release_reminder_leases("other") == 0
    assert await storage.release_reminder_leases("a") == 1
    assert [r.user_id for r in await storage.claim_due_reminders(NOW, 10, "b", LEASE)] == ["u"]


async def test_the_wakeup_is_the_earliest_claimable_instant(storage: Storage) -> None:
    assert await storage.next_reminder_wakeup(NOW) is None
    await schedule(storage, "a", NOW + timedelta(hours=2))
    await schedule(storage, "b", NOW - timedelta(minutes=1))
    assert await storage.next_reminder_wakeup(NOW) == NOW - timedelta(minutes=1)
    await storage.claim_due_reminders(NOW, 10, "me", LEASE)
    assert await storage.next_reminder_wakeup(NOW) == NOW + LEASE  # when b's lease ends
    await storage.defer_reminder("b", "me", NOW + timedelta(minutes=1))
    assert await storage.next_reminder_wakeup(NOW) == NOW + timedelta(minutes=1)


async def test_finishing_records_the_day_and_moves_the_schedule_on(storage: Storage) -> None:
    await schedule(storage, "u", NOW)
    [row] = await storage.claim_due_reminders(NOW, 10, "a", LEASE)
    tomorrow = NOW + timedelta(days=1)
    await storage.finish_reminders(
        [ReminderOutcome("u", row.version, "sent", DAY, tomorrow, "dm-7")], NOW)
    after = await storage.get_reminder("u")
    assert after is not None and after.next_due_at == tomorrow
    assert after.dm_channel_id == "dm-7"
    assert await storage.reminder_days_done(["u", "v"], DAY) == {("u", DAY)}
    assert await storage.claim_due_reminders(tomorrow, 10, "a", LEASE) != []


async def test_a_newer_schedule_survives_a_send_that_finishes_late(storage: Storage) -> None:
    await schedule(storage, "u", NOW)
    [row] = await storage.claim_due_reminders(NOW, 10, "a", LEASE)
    changed = NOW + timedelta(hours=3)
    await storage.save_reminder("u", "21:00", "UTC", "0,1,2,3,4,5,6", changed, NOW)
    await storage.finish_reminders(
        [ReminderOutcome("u", row.version, "sent", DAY, NOW + timedelta(days=1), "dm-7")], NOW)
    after = await storage.get_reminder("u")
    assert after is not None and after.next_due_at == changed and after.local_time == "21:00"
    assert after.dm_channel_id == "dm-7"
    assert await storage.next_reminder_wakeup(NOW) == changed  # the lease is gone


async def test_closed_dms_switch_reminders_off_with_one_notice(storage: Storage) -> None:
    await schedule(storage, "u", NOW)
    [row] = await storage.claim_due_reminders(NOW, 10, "a", LEASE)
    await storage.finish_reminders(
        [ReminderOutcome("u", row.version, "closed", DAY, None, "dm-7")], NOW)
    after = await storage.get_reminder("u")
    assert after is not None and not after.enabled and after.next_due_at is None
    assert after.disabled_reason == "dm_closed" and after.notice_pending
    assert await storage.next_reminder_wakeup(NOW) is None
    assert await storage.take_reminder_notice("u") == "dm_closed"
    assert await storage.take_reminder_notice("u") is None
    assert await storage.take_reminder_notice("nobody") is None


async def test_old_send_records_are_pruned(storage: Storage) -> None:
    for user, day in (("u", DAY - timedelta(days=9)), ("u", DAY), ("v", DAY)):
        await schedule(storage, user, NOW)
        [row] = await storage.claim_due_reminders(NOW, 10, "a", LEASE)
        await storage.finish_reminders(
            [ReminderOutcome(user, row.version, "sent", day, NOW + timedelta(days=1))], NOW)
    await storage.prune_reminder_sends(DAY - timedelta(days=7))
    assert await storage.reminder_days_done(["u", "v"], date.min) == {("u", DAY), ("v", DAY)}


async def test_reminder_inputs_come_back_per_lifter(storage: Storage) -> None:
    found = await storage.reminder_inputs(["nobody"], NOW - timedelta(days=7), DAY)
    assert (found.done, found.profiles, found.entries, found.soreness) == (set(), {}, {}, {})
