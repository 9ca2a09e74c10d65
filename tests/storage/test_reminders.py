"""What the reminder dispatcher relies on from either storage engine."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.domain.models import Exercise, Profile, SetRecord, Soreness
from bot.domain.reminders.message import sessions_of
from bot.storage.contract import NewEntry, ReminderOutcome, Storage

NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
LEASE = timedelta(minutes=5)
DAY = date(2026, 11, 26)
SQUAT = Exercise(key="back-squat", name="back squat", tier="A")
CURL = Exercise(key="barbell-curl", name="barbell curl", tier="D")


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
    assert after.dm_channel_id == "dm-7" and after.last_local_date == DAY
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


async def test_a_rolled_reminder_keeps_the_last_day_handled(storage: Storage) -> None:
    await schedule(storage, "u", NOW)
    [row] = await storage.claim_due_reminders(NOW, 10, "a", LEASE)
    await storage.finish_reminders(
        [ReminderOutcome("u", row.version, "trained", DAY, NOW + timedelta(days=1))], NOW)
    [row] = await storage.claim_due_reminders(NOW + timedelta(days=1), 10, "a", LEASE)
    await storage.finish_reminders(
        [ReminderOutcome("u", row.version, "rolled", None, NOW + timedelta(days=2))], NOW)
    after = await storage.get_reminder("u")
    assert after is not None and after.last_local_date == DAY
    assert after.next_due_at == NOW + timedelta(days=2)


async def test_reminder_inputs_come_back_per_lifter(storage: Storage) -> None:
    found = await storage.reminder_inputs(["nobody"], NOW - timedelta(days=7))
    assert (found.profiles, found.sessions, found.soreness) == ({}, {}, {})
    await storage.save_profile("u", Profile(weekly_target=5), NOW, DAY)
    await storage.set_soreness("u", Soreness("quadriceps", 6, NOW))
    await storage.add_entries("v", "g", [NewEntry(CURL, (SetRecord(reps=9),), NOW, DAY)], NOW)
    found = await storage.reminder_inputs(["u"], NOW - timedelta(days=7))
    assert found.profiles["u"].weekly_target == 5
    assert [s.body_part for s in found.soreness["u"]] == ["quadriceps"]
    assert "v" not in found.sessions  # only the lifters asked about


async def test_sessions_count_failure_sets_as_the_domain_does(storage: Storage) -> None:
    sets = (
        SetRecord(reps=5, load_kg=60.0, warmup=True, failure=True),
        SetRecord(reps=5, load_kg=100.0, rir=0.0),
        SetRecord(reps=5, load_kg=100.0, rir=0.5, rir_max=1.0),
        SetRecord(reps=5, load_kg=100.0, rir=2.0),
        SetRecord(reps=8, load_kg=80.0, technique="rest-pause"),
        SetRecord(reps=8, load_kg=80.0, failure=True, rir=0.0),
        SetRecord(reps=8, load_kg=80.0, amrap=True),
        SetRecord(reps=8, load_kg=80.0),
        SetRecord(reps=None, load_kg=None, bodyweight=True, warmup=True),
    )
    when = NOW - timedelta(days=2)
    stored = await storage.add_entries("u", "g", [
        NewEntry(SQUAT, sets, when, when.date()),
        NewEntry(SQUAT, (SetRecord(reps=5, load_kg=40.0, warmup=True),), when, when.date()),
    ], NOW)
    found = await storage.reminder_inputs(["u"], NOW - timedelta(days=7))
    [session] = found.sessions["u"]  # one exercise on one day
    expected = sessions_of(stored)
    assert session.working_sets == sum(s.working_sets for s in expected) == 7
    assert session.failure_sets == sum(s.failure_sets for s in expected) == 3
    assert (session.key, session.name, session.tier, session.day) == (
        "back-squat", "back squat", "A", when.date())
