"""What the coach relies on from any storage engine."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.domain.models import Exercise, Profile, SetRecord, Soreness
from bot.storage.contract import NewEntry, Storage

NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
SQUAT = Exercise(key="back-squat", name="back squat", tier="A")
CURL = Exercise(key="barbell-curl", name="barbell curl", tier="D")


def entry(ex: Exercise, when: datetime, *sets: SetRecord) -> NewEntry:
    return NewEntry(ex, tuple(sets) or (SetRecord(reps=5, load_kg=100.0, rir=2.0),), when,
                    when.date())


async def test_added_entry_comes_back_with_every_set_field(storage: Storage) -> None:
    sets = (
        SetRecord(reps=5, load_kg=60.0, warmup=True),
        SetRecord(reps=5, load_kg=102.5, rir=1.0, rir_max=2.0),
        SetRecord(reps=8, load_kg=None, bodyweight=True, failure=True, rir=0.0,
                  technique="dropset", amrap=True),
        SetRecord(reps=None, load_kg=20.0, bodyweight=True),
    )
    [stored] = await storage.add_entries("u1", "g1", [entry(SQUAT, NOW, *sets)], NOW)
    [back] = await storage.entries_since("u1", NOW - timedelta(days=1))
    assert back.entry_id == stored.entry_id
    assert back.sets == sets
    assert back.exercise.key == "back-squat" and back.exercise.tier == "A"
    assert back.performed_at == NOW and back.local_date == NOW.date()
    assert back.guild_id == "g1"


async def test_entries_are_private_to_their_owner(storage: Storage) -> None:
    [mine] = await storage.add_entries("alice", "g", [entry(SQUAT, NOW)], NOW)
    await storage.add_entries("bob", "g", [entry(CURL, NOW)], NOW)
    assert [e.exercise.key for e in await storage.entries_since("alice", NOW)] == ["back-squat"]
    assert await storage.delete_entry("bob", mine.entry_id) is None
    assert len(await storage.history("alice", None, 10)) == 1
    removed = await storage.delete_entry("alice", mine.entry_id)
    assert removed is not None and removed.entry_id == mine.entry_id
    assert await storage.history("alice", None, 10) == []
    assert len(await storage.history("bob", None, 10)) == 1


async def test_history_is_newest_first_and_filters_by_exercise(storage: Storage) -> None:
    for days in range(5):
        when = NOW - timedelta(days=days)
        await storage.add_entries("u", "", [entry(SQUAT, when), entry(CURL, when)], when)
    recent = await storage.history("u", None, 3)
    assert len(recent) == 3
    assert recent[0].performed_at == NOW
    assert [e.performed_at for e in recent] == sorted((e.performed_at for e in recent),
                                                      reverse=True)
    squats = await storage.history("u", "back-squat", 10)
    assert len(squats) == 5 and {e.exercise.key for e in squats} == {"back-squat"}


async def test_last_entry_is_the_most_recently_logged(storage: Storage) -> None:
    assert await storage.last_entry("u") is None
    await storage.add_entries("u", "", [entry(SQUAT, NOW)], NOW)
    backdated = NOW - timedelta(days=3)
    [late] = await storage.add_entries("u", "", [entry(CURL, backdated)], NOW)
    last = await storage.last_entry("u")
    assert last is not None and last.entry_id == late.entry_id


async def test_profile_round_trip_and_target_history(storage: Storage) -> None:
    assert await storage.get_profile("u") is None
    p = Profile(unit="lb", goal="strength", timezone="Europe/Berlin", weekly_target=4)
    await storage.save_profile("u", p, NOW, date(2026, 11, 26))
    assert await storage.get_profile("u") == p
    await storage.save_profile("u", Profile(weekly_target=5), NOW, date(2026, 12, 1))
    await storage.save_profile("u", Profile(weekly_target=5), NOW, date(2026, 12, 2))
    assert await storage.target_history("u") == [(date(2026, 11, 26), 4), (date(2026, 12, 1), 5)]


async def test_custom_exercise_tier_applies_to_logged_entries(storage: Storage) -> None:
    mine = Exercise(key="zercher-carry", name="zercher carry", tier=None, custom=True)
    await storage.save_custom_exercise("u", mine)
    await storage.add_entries("u", "", [entry(mine, NOW)], NOW)
    await storage.save_custom_exercise("u", Exercise("zercher-carry", "zercher carry", "B",
                                                     custom=True))
    [back] = await storage.history("u", "zercher-carry", 5)
    assert back.exercise.tier == "B"
    assert [e.tier for e in await storage.custom_exercises("u")] == ["B"]
    assert await storage.custom_exercises("other") == []


async def test_soreness_replace_and_clear(storage: Storage) -> None:
    await storage.set_soreness("u", Soreness("quadriceps", 3, NOW))
    await storage.set_soreness("u", Soreness("quadriceps", 6, NOW))
    assert await storage.soreness("u") == [Soreness("quadriceps", 6, NOW)]
    await storage.set_soreness("u", Soreness("quadriceps", 0, NOW))
    assert await storage.soreness("u") == []


async def test_log_channel_and_meta(storage: Storage) -> None:
    assert await storage.get_log_channel("g") is None
    await storage.set_log_channel("g", "123")
    assert await storage.get_log_channel("g") == "123"
    await storage.set_log_channel("g", None)
    assert await storage.get_log_channel("g") is None
    await storage.set_meta("k", "v1")
    await storage.set_meta("k", "v2")
    assert await storage.get_meta("k") == "v2"


async def test_entries_from_one_message_are_removed_together_by_their_owner_only(
    storage: Storage,
) -> None:
    from dataclasses import replace

    pair = [replace(entry(SQUAT, NOW), source_ref="m1"), replace(entry(CURL, NOW), source_ref="m1")]
    await storage.add_entries("u", "g", pair, NOW)
    assert await storage.delete_entries_by_ref("someone-else", "m1") == []
    removed = await storage.delete_entries_by_ref("u", "m1")
    assert sorted(e.exercise.key for e in removed) == ["back-squat", "barbell-curl"]
    assert await storage.history("u", None, 10) == []
